//! Series rules compiled: each rule ready to expand ([`Compiled`]) and how series follow each
//! other through relative rules ([`Links`]). Compiled once, by the checks at load
//! ([`super::checks`]), and kept in the dataset's derived state ([`crate::derived`]).

use crate::date::When;
use crate::feed::{Feed, RuleDef, RuleForm};
use crate::problem::Report;
use crate::recur::{ExDate, RecurError, RuleSet, ValidRule};
use chrono::NaiveTime;

/// A rule ready to expand.
#[derive(Clone, Debug)]
pub(crate) enum Compiled {
    /// An RRULE with its exdates and rdates.
    Recur {
        /// Rule and exdates.
        set: Box<RuleSet>,
        /// `dtstart` was a date.
        all_day: bool,
        /// Length of each session.
        duration_minutes: Option<u32>,
    },
    /// Days before/after each occurrence of another series.
    Relative {
        /// Index of the other series.
        series: usize,
        /// Days to add.
        offset_days: i32,
        /// Time of day, if not the other session's.
        time: Option<NaiveTime>,
    },
}

/// Series ids to indexes, in the id index map type.
pub(crate) type SeriesIndex = crate::ids::Ids;

/// The index of series `id`.
pub(crate) fn series_at(index: &SeriesIndex, id: &str) -> Option<usize> {
    index.get(id).map(|&i| i as usize)
}

/// Compiles one rule; `index` maps series ids to indexes. A relative rule naming no series is
/// an error here only as a fallback (the reference check reports it first).
pub(crate) fn compile(rule: &RuleDef, index: &SeriesIndex) -> Result<Compiled, RecurError> {
    match &rule.form {
        RuleForm::Recurrence {
            dtstart,
            rrule,
            duration_minutes,
            exdates,
            rdates,
        } => {
            let valid = ValidRule::parse(rrule, dtstart.start())?;
            let ex = exdates.iter().map(|w| match w {
                When::Date(d) => ExDate::Day(*d),
                When::At(t) => ExDate::At(*t),
            });
            let time = dtstart.start().time();
            let rd = rdates.iter().map(|w| match w {
                When::Date(d) => d.and_time(time),
                When::At(t) => *t,
            });
            Ok(Compiled::Recur {
                set: Box::new(RuleSet::new(valid, ex).with_rdates(rd)),
                all_day: matches!(dtstart, When::Date(_)),
                duration_minutes: *duration_minutes,
            })
        }
        RuleForm::Relative {
            series,
            offset_days,
            time,
        } => match series_at(index, series) {
            Some(i) => Ok(Compiled::Relative {
                series: i,
                offset_days: *offset_days,
                time: *time,
            }),
            None => Err(RecurError {
                code: "bad_value",
                message: format!("{} is not the id of any series", crate::text::quote(series)),
            }),
        },
    }
}

/// The problem code for an engine error code.
pub(crate) fn code(recur: &'static str) -> &'static str {
    match recur {
        "unsupported_part" | "unsupported_property" => "rrule.unsupported",
        "unknown_part" => "rrule.unknown_part",
        "duplicate_part" => "rrule.duplicate_part",
        "empty_part" | "empty_rule" | "bad_part" | "missing_freq" => "rrule.syntax",
        "count_and_until" | "bad_combination" => "rrule.combination",
        "out_of_range" => "rrule.out_of_range",
        _ => "rrule.bad_value",
    }
}

/// Series ids to indexes (the last series of a repeated id wins).
pub(crate) fn series_index(feed: &Feed) -> SeriesIndex {
    let mut index = SeriesIndex::new();
    for (i, s) in feed.series.iter().enumerate() {
        index.insert(s.id.clone(), i as u32);
    }
    index
}

/// The longest chain of relative rules a series may follow ("7 days before each session of a
/// series that is 3 days after each session of ..."): deeper chains are an error at load.
pub const MAX_RELATIVE_DEPTH: u32 = 8;

/// How series follow each other through relative rules, found once in linear time.
#[derive(Clone, Debug, Default)]
pub(crate) struct Links {
    /// Whether each series lies on a cycle of relative rules.
    pub cyclic: Vec<bool>,
    /// The strongly connected component of each series.
    pub component: Vec<u32>,
    /// The longest chain of relative rules from each series (`u32::MAX` through a cycle).
    pub depth: Vec<u32>,
    /// Series indexes, every series after the series it follows (cycles in any order).
    pub order: Vec<u32>,
}

/// What [`compile_with`] gives: every series' compiled rules and how they follow each other.
pub(crate) type CompiledRules = (Vec<Vec<Option<Compiled>>>, Links);

/// The series each relative rule of series `i` follows.
pub(crate) fn targets(
    compiled: &[Vec<Option<Compiled>>],
    i: usize,
) -> impl Iterator<Item = usize> + '_ {
    compiled[i].iter().flatten().filter_map(|c| match c {
        Compiled::Relative { series, .. } => Some(*series),
        Compiled::Recur { .. } => None,
    })
}

/// Tarjan's strongly connected components, without recursion; components come out sinks first,
/// so each series' depth is known once those it follows are.
fn links(compiled: &[Vec<Option<Compiled>>]) -> Links {
    const NONE: u32 = u32::MAX;
    let n = compiled.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut out = Links {
        cyclic: vec![false; n],
        component: vec![NONE; n],
        depth: vec![0; n],
        order: Vec::with_capacity(n),
    };
    let mut next = 0u32;
    let mut components = 0u32;
    // (series, how many of its targets were visited)
    let mut work: Vec<(usize, usize)> = Vec::new();
    for root in 0..n {
        if index[root] != NONE {
            continue;
        }
        work.push((root, 0));
        while let Some(&mut (v, ref mut done)) = work.last_mut() {
            if *done == 0 && index[v] == NONE {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v as u32);
                on_stack[v] = true;
            }
            if let Some(w) = targets(compiled, v).nth(*done) {
                *done += 1;
                if index[w] == NONE {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] != index[v] {
                continue;
            }
            let mut members = 0;
            while let Some(w) = stack.pop() {
                let w = w as usize;
                on_stack[w] = false;
                out.component[w] = components;
                out.order.push(w as u32);
                members += 1;
                if w == v {
                    break;
                }
            }
            let first = out.order.len() - members;
            for k in first..out.order.len() {
                let w = out.order[k] as usize;
                out.cyclic[w] = members > 1 || targets(compiled, w).any(|t| t == w);
            }
            for k in first..out.order.len() {
                let w = out.order[k] as usize;
                out.depth[w] = if out.cyclic[w] {
                    u32::MAX
                } else {
                    targets(compiled, w)
                        .map(|t| out.depth[t].saturating_add(1))
                        .max()
                        .unwrap_or(0)
                };
            }
            components += 1;
        }
    }
    out
}

/// Every series' compiled rules (`None` where a rule does not compile) and how series follow
/// each other through relative rules; the errors of RRULEs are filed in `report` (not those of
/// relative rules, left to the reference check) and their series marked in `broken`.
pub(crate) fn compile_with(
    feed: &Feed,
    index: &SeriesIndex,
    report: &mut Report,
    broken: &mut [bool],
) -> CompiledRules {
    let mut compiled = Vec::with_capacity(feed.series.len());
    for (i, s) in feed.series.iter().enumerate() {
        let mut rules = Vec::with_capacity(s.rules.len());
        for (j, r) in s.rules.iter().enumerate() {
            rules.push(match compile(r, index) {
                Ok(c) => Some(c),
                Err(e) => {
                    if let RuleForm::Recurrence { .. } = &r.form {
                        broken[i] = true;
                        report.error(
                            format!("series[{i}].rules[{j}].rrule"),
                            code(e.code),
                            e.message,
                        );
                    }
                    None
                }
            });
        }
        compiled.push(rules);
    }
    let links = links(&compiled);
    (compiled, links)
}
