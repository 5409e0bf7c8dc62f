//! Series rules, compiled once and checked at load: RRULE errors at their path, cycles among
//! relative rules, and `recurrence_id`s that name no occurrence of their series.

use crate::date::When;
use crate::feed::{Feed, RuleDef, RuleForm};
use crate::problem::Report;
use crate::recur::{ExDate, RecurError, RuleSet, ValidRule};
use chrono::NaiveTime;

/// A rule ready to expand.
#[derive(Clone, Debug)]
pub(crate) enum Compiled {
    /// An RRULE with its exdates.
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

/// Series ids to indexes, in the dataset's id index map type.
pub(crate) type SeriesIndex = crate::dataset::Ids;

/// The index of series `id`.
fn series_at(index: &SeriesIndex, id: &str) -> Option<usize> {
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
        } => {
            let valid = ValidRule::parse(rrule, dtstart.start())?;
            let ex = exdates.iter().map(|w| match w {
                When::Date(d) => ExDate::Day(*d),
                When::At(t) => ExDate::At(*t),
            });
            Ok(Compiled::Recur {
                set: Box::new(RuleSet::new(valid, ex)),
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

/// What [`compile_all`] gives: every series' compiled rules and whether it lies on a cycle.
pub(crate) type CompiledRules = (Vec<Vec<Option<Compiled>>>, Vec<bool>);

/// Every series' compiled rules (`None` where a rule does not compile) and whether each series
/// lies on a cycle of relative rules.
pub(crate) fn compile_all(feed: &Feed) -> CompiledRules {
    compile_with(feed, &series_index(feed), None)
}

/// [`compile_all`], reporting the errors of RRULEs (not those of relative rules, left to the
/// reference check) and marking their series broken when `check` is given.
fn compile_with(
    feed: &Feed,
    index: &SeriesIndex,
    mut check: Option<(&mut Report, &mut [bool])>,
) -> CompiledRules {
    let mut compiled = Vec::with_capacity(feed.series.len());
    for (i, s) in feed.series.iter().enumerate() {
        let mut rules = Vec::with_capacity(s.rules.len());
        for (j, r) in s.rules.iter().enumerate() {
            rules.push(match compile(r, index) {
                Ok(c) => Some(c),
                Err(e) => {
                    if let (Some((report, broken)), RuleForm::Recurrence { .. }) =
                        (check.as_mut(), &r.form)
                    {
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
    let cyclic = (0..compiled.len())
        .map(|i| reaches(&compiled, i, i))
        .collect();
    (compiled, cyclic)
}

/// Whether following relative rules from `from` comes back to `target` (bounded by the number
/// of series: each is visited once).
fn reaches(compiled: &[Vec<Option<Compiled>>], from: usize, target: usize) -> bool {
    let mut seen = vec![false; compiled.len()];
    let mut stack = vec![from];
    while let Some(i) = stack.pop() {
        for c in compiled[i].iter().flatten() {
            if let Compiled::Relative { series, .. } = c {
                if *series == target {
                    return true;
                }
                if !seen[*series] {
                    seen[*series] = true;
                    stack.push(*series);
                }
            }
        }
    }
    false
}

/// Checks every series rule and every `recurrence_id`, filing problems in `report`.
///
/// ```
/// let out = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
///   "bodies":[{"id":"b","kind":"association","name":"B","sources":[]}],
///   "series":[{"id":"s","body":"b","kind":"regular","sources":[],
///     "rules":[{"dtstart":"2024-01-01T10:00","rrule":"FREQ=DAILY;BYHOUR=9"}]}]}"#);
/// let e = &out.report.errors[0];
/// assert_eq!(e.path, "series[0].rules[0].rrule");
/// assert_eq!(e.code, "rrule.unsupported");
/// assert!(e.message.starts_with("unsupported rrule part BYHOUR=9: "));
/// ```
pub fn check(feed: &Feed, report: &mut Report) {
    let index = series_index(feed);
    let mut broken = vec![false; feed.series.len()];
    // one compilation serves the checks and the expansion below
    let (compiled, cyclic) = compile_with(feed, &index, Some((report, &mut broken)));
    for (i, s) in feed.series.iter().enumerate() {
        for (j, r) in s.rules.iter().enumerate() {
            if let RuleForm::Relative { series, .. } = &r.form {
                if let Some(t) = series_at(&index, series) {
                    if t == i || reaches(&compiled, t, i) {
                        broken[i] = true;
                        report.error(
                            format!("series[{i}].rules[{j}].relative.series"),
                            "series.cycle",
                            format!(
                                "{} is relative to {} which leads back to {} through relative rules",
                                crate::text::quote(&s.id),
                                crate::text::quote(series),
                                crate::text::quote(&s.id)
                            ),
                        );
                    }
                }
            }
        }
    }
    let usable = |i: usize| !broken[i] && !cyclic[i];
    let ex = super::expand::Expander::with(feed, &compiled, &cyclic);
    for (k, sess) in feed.sessions.iter().enumerate() {
        let (Some(sid), Some(rid)) = (&sess.series, &sess.recurrence_id) else {
            continue;
        };
        let Some(i) = series_at(&index, sid) else {
            continue;
        };
        if !usable(i) || ex.depends_on_broken(i, &broken) {
            continue;
        }
        if ex.occurrence_of(i, *rid).is_none() {
            report.warning(
                format!("sessions[{k}].recurrence_id"),
                "session.recurrence_id",
                format!(
                    "{} is not an occurrence of series {}",
                    rid.iso(),
                    crate::text::quote(sid)
                ),
            );
        }
    }
}
