//! Series rules compiled: each rule ready to expand ([`Compiled`]) and how series follow each
//! other through relative rules ([`Links`]). Compiled once, by the checks at load
//! ([`super::checks`]), and kept in the dataset's derived state ([`crate::derived`]).

use crate::date::When;
use crate::feed::{Feed, RuleDef, RuleForm, SessionKind};
use crate::problem::Report;
use crate::recur::{ExDate, RecurCode, RecurError, RuleSet, ValidRule};
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
    /// Days before/after each session of a body (its series' occurrences after overrides, and
    /// its explicit sessions, [`Anchors`]).
    RelativeBody {
        /// Index of the body.
        body: usize,
        /// Only these kinds: a bit per [`SessionKind`] (0: all).
        kinds: u16,
        /// Days to add.
        offset_days: i32,
        /// Time of day, if not the other session's.
        time: Option<NaiveTime>,
    },
}

/// What body-anchored rules follow, indexed once at load: per body, its series and its explicit
/// sessions (by start); per series, the `recurrence_id`s overriding its occurrences (by day).
#[derive(Clone, Debug, Default)]
pub(crate) struct Anchors {
    /// Per body, the indexes of its series.
    pub series: Vec<Vec<u32>>,
    /// Per body, the indexes of its explicit sessions, sorted by start.
    pub sessions: Vec<Vec<u32>>,
    /// Per series, the `recurrence_id`s of the sessions overriding its occurrences, by day.
    pub overrides: Vec<Vec<When>>,
}

/// The anchors of a feed, in `n log n`.
pub(crate) fn anchors(feed: &Feed, series: &SeriesIndex, bodies: &crate::ids::Ids) -> Anchors {
    let nb = feed.bodies.len();
    let mut a = Anchors {
        series: vec![Vec::new(); nb],
        sessions: vec![Vec::new(); nb],
        overrides: vec![Vec::new(); feed.series.len()],
    };
    for (i, s) in feed.series.iter().enumerate() {
        if let Some(&b) = bodies.get(&s.body) {
            a.series[b as usize].push(i as u32);
        }
    }
    for (k, s) in feed.sessions.iter().enumerate() {
        if let Some(&b) = bodies.get(&s.body) {
            a.sessions[b as usize].push(k as u32);
        }
        if let (Some(id), Some(rid)) = (&s.series, s.recurrence_id) {
            if let Some(i) = series_at(series, id) {
                a.overrides[i].push(rid);
            }
        }
    }
    for list in &mut a.sessions {
        crate::sort::by_key(list, |&k| {
            crate::sort::time_key(feed.sessions[k as usize].start.start())
        });
    }
    for list in &mut a.overrides {
        crate::sort::by_key(list, |w| crate::sort::day_key(Some(w.date())));
    }
    a
}

/// The bit of a session kind in [`Compiled::RelativeBody`]'s `kinds`.
pub(crate) fn kind_bit(k: SessionKind) -> u16 {
    1 << (k as u16)
}

/// Body ids to indexes.
pub(crate) fn body_index(feed: &Feed) -> crate::ids::Ids {
    let mut index = crate::ids::Ids::new();
    for (i, b) in feed.bodies.iter().enumerate() {
        index.insert(b.id.clone(), i as u32);
    }
    index
}

/// Series ids to indexes, in the id index map type.
pub(crate) type SeriesIndex = crate::ids::Ids;

/// The index of series `id`.
pub(crate) fn series_at(index: &SeriesIndex, id: &str) -> Option<usize> {
    index.get(id).map(|&i| i as usize)
}

/// Compiles one rule; `index` maps series ids to indexes, `bodies` body ids. A relative rule
/// naming no series (or body) is an error here only as a fallback (the reference check reports
/// it first).
pub(crate) fn compile(
    rule: &RuleDef,
    index: &SeriesIndex,
    bodies: &crate::ids::Ids,
) -> Result<Compiled, RecurError> {
    match &rule.form {
        RuleForm::RelativeBody {
            body,
            kinds,
            offset_days,
            time,
        } => match bodies.get(body) {
            Some(&b) => Ok(Compiled::RelativeBody {
                body: b as usize,
                kinds: kinds.iter().fold(0, |m, &k| m | kind_bit(k)),
                offset_days: *offset_days,
                time: *time,
            }),
            None => Err(RecurError {
                code: crate::codes::RecurCode::BadValue,
                message: format!("{} is not the id of any body", crate::text::quote(body)),
            }),
        },
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
                code: RecurCode::BadValue,
                message: format!("{} is not the id of any series", crate::text::quote(series)),
            }),
        },
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
    /// Series indexes, every series after the series it follows (cycles in any order); body
    /// nodes (`series.len() + body`) are in it too.
    pub order: Vec<u32>,
    /// What body-anchored rules follow.
    pub anchors: Anchors,
}

/// What [`compile_with`] gives: every series' compiled rules and how they follow each other.
pub(crate) type CompiledRules = (Vec<Vec<Option<Compiled>>>, Links);

/// The nodes node `i` follows in the graph of relative rules: nodes `0..n` are the series, each
/// following the series and bodies (node `n + body`) of its relative rules; a body node follows
/// the body's series. A body anchor is one edge, so the graph is linear in the feed.
pub(crate) fn targets<'c>(
    compiled: &'c [Vec<Option<Compiled>>],
    anchors: &'c Anchors,
    i: usize,
) -> impl Iterator<Item = usize> + 'c {
    let n = compiled.len();
    let rules = compiled.get(i).map_or(&[][..], |r| &r[..]);
    let body = i
        .checked_sub(n)
        .and_then(|b| anchors.series.get(b))
        .map_or(&[][..], |s| &s[..]);
    rules
        .iter()
        .flatten()
        .filter_map(move |c| match c {
            Compiled::Relative { series, .. } => Some(*series),
            Compiled::RelativeBody { body, .. } => Some(n + *body),
            Compiled::Recur { .. } => None,
        })
        .chain(body.iter().map(|&t| t as usize))
}

/// The `k`-th target of node `i` (a body node's by index, in O(1)).
fn target(
    compiled: &[Vec<Option<Compiled>>],
    anchors: &Anchors,
    i: usize,
    k: usize,
) -> Option<usize> {
    match i.checked_sub(compiled.len()) {
        Some(b) => anchors.series.get(b)?.get(k).map(|&t| t as usize),
        None => targets(compiled, anchors, i).nth(k),
    }
}

/// Tarjan's strongly connected components, without recursion; components come out sinks first,
/// so each series' depth is known once those it follows are.
fn links(compiled: &[Vec<Option<Compiled>>], anchors: Anchors) -> Links {
    const NONE: u32 = u32::MAX;
    let n = compiled.len() + anchors.series.len();
    let mut index = vec![NONE; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<u32> = Vec::new();
    let mut out = Links {
        cyclic: vec![false; n],
        component: vec![NONE; n],
        depth: vec![0; n],
        order: Vec::with_capacity(n),
        anchors,
    };
    let series = compiled.len();
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
            if let Some(w) = target(compiled, &out.anchors, v, *done) {
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
                out.cyclic[w] = members > 1 || targets(compiled, &out.anchors, w).any(|t| t == w);
            }
            for k in first..out.order.len() {
                let w = out.order[k] as usize;
                // a body node is no step of its own: as deep as its deepest series
                let step = u32::from(w < series);
                out.depth[w] = if out.cyclic[w] {
                    u32::MAX
                } else {
                    targets(compiled, &out.anchors, w)
                        .map(|t| out.depth[t].saturating_add(step))
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
    let bodies = body_index(feed);
    let mut compiled = Vec::with_capacity(feed.series.len());
    for (i, s) in feed.series.iter().enumerate() {
        let mut rules = Vec::with_capacity(s.rules.len());
        for (j, r) in s.rules.iter().enumerate() {
            rules.push(match compile(r, index, &bodies) {
                Ok(c) => Some(c),
                Err(e) => {
                    if let RuleForm::Recurrence { .. } = &r.form {
                        broken[i] = true;
                        report.error(
                            format!("series[{i}].rules[{j}].rrule"),
                            e.code.problem(),
                            e.message,
                        );
                    }
                    None
                }
            });
        }
        compiled.push(rules);
    }
    let anchors = anchors(feed, index, &bodies);
    let links = links(&compiled, anchors);
    (compiled, links)
}
