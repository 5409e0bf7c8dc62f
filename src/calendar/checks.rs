//! The calendar's checks at load: RRULE errors at their path, chains of relative rules too deep
//! or cyclic, and `recurrence_id`s that name no occurrence of their series. They compile every
//! series rule, and give the compiled rules back to be kept ([`crate::derived`]).
//!
//! ```
//! let out = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
//!   "bodies":[{"id":"b","kind":"association","name":"B","sources":[]}],
//!   "series":[{"id":"s","body":"b","kind":"regular","sources":[],
//!     "rules":[{"dtstart":"2024-01-01T10:00","rrule":"FREQ=DAILY;BYSECOND=9"}]}]}"#);
//! let e = &out.report.errors[0];
//! assert_eq!(e.path, "series[0].rules[0].rrule");
//! assert_eq!(e.code, "rrule.unsupported");
//! assert!(e.message.starts_with("unsupported rrule part BYSECOND=9: "));
//! ```

use super::expander::Expander;
use super::rules::{
    compile_with, series_at, series_index, targets, CompiledRules, MAX_RELATIVE_DEPTH,
};
use crate::codes::Code;
use crate::feed::{Feed, RuleForm};
use crate::problem::Report;

/// Checks every series rule and every `recurrence_id`, filing problems in `report`, and gives
/// the compiled rules back.
pub(crate) fn check(feed: &Feed, report: &mut Report) -> CompiledRules {
    let index = series_index(feed);
    let bodies = super::rules::body_index(feed);
    let mut broken = vec![false; feed.series.len()];
    // one compilation serves the checks, the expansion below and every later query
    let (compiled, links) = compile_with(feed, &index, report, &mut broken);
    for (i, s) in feed.series.iter().enumerate() {
        for (j, r) in s.rules.iter().enumerate() {
            // the node the rule follows: a series, or a body (node `n + body`, see `targets`)
            let (t, key, series) = match &r.form {
                RuleForm::Relative { series, .. } => (series_at(&index, series), "series", series),
                RuleForm::RelativeBody { body, .. } => (
                    bodies.get(body).map(|&b| feed.series.len() + b as usize),
                    "body",
                    body,
                ),
                RuleForm::Recurrence { .. } => (None, "", &s.id),
            };
            {
                if let Some(t) = t {
                    if links.depth[t] == MAX_RELATIVE_DEPTH && !links.cyclic[i] {
                        broken[i] = true;
                        report.error(
                            format!("series[{i}].rules[{j}].relative.{key}"),
                            Code::SeriesDepth,
                            format!(
                                "{} follows a chain of more than {MAX_RELATIVE_DEPTH} relative rules through {}",
                                crate::text::quote(&s.id),
                                crate::text::quote(series)
                            ),
                        );
                    }
                    if t == i || links.component[t] == links.component[i] {
                        broken[i] = true;
                        report.error(
                            format!("series[{i}].rules[{j}].relative.{key}"),
                            Code::SeriesCycle,
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
    // a series is unusable when it, or a series it follows, is broken, cyclic or too deep
    let mut unusable = vec![false; links.depth.len()];
    for &i in &links.order {
        let i = i as usize;
        unusable[i] = broken.get(i).copied().unwrap_or(false)
            || links.cyclic[i]
            || links.depth[i] > MAX_RELATIVE_DEPTH
            || targets(&compiled, &links.anchors, i).any(|t| unusable[t]);
    }
    let ex = Expander::with(feed, &compiled, &links);
    for (k, sess) in feed.sessions.iter().enumerate() {
        let (Some(sid), Some(rid)) = (&sess.series, &sess.recurrence_id) else {
            continue;
        };
        let Some(i) = series_at(&index, sid) else {
            continue;
        };
        if unusable[i] {
            continue;
        }
        // the checks share one budget: past it, recurrence ids are left unchecked
        if ex.budget_exhausted() {
            break;
        }
        if ex.occurrence_of(i, *rid).is_none() && !ex.budget_exhausted() {
            report.warning(
                format!("sessions[{k}].recurrence_id"),
                Code::SessionRecurrenceId,
                format!(
                    "{} is not an occurrence of series {}",
                    rid.iso(),
                    crate::text::quote(sid)
                ),
            );
        }
    }
    (compiled, links)
}
