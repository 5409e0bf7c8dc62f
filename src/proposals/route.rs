//! Proposal routes: which step may follow which, with dates in order, unanimity before a
//! proposal goes to a ministry, and the fields each stage needs. Called from [`crate::check`].
//!
//! # The transition table
//!
//! [`allowed_after`] is the one place the route is defined. A step may follow the previous step
//! when its stage is listed for the previous stage (and, for `decision`, its decision):
//!
//! | previous step | may be followed by |
//! |---|---|
//! | (none) | `submitted` |
//! | `submitted` | `analysis`, `deliberation`, `withdrawn` |
//! | `analysis` | `analysis` (another round of feedback), `deliberation`, `withdrawn` |
//! | `deliberation` (`agreed` or `dissent`) | `deliberation`, `decision`, `withdrawn` |
//! | `decision` `adopted` | `sent`, `withdrawn` |
//! | `decision` `held_over` | `deliberation`, `decision` (the loop of a held-over item), `withdrawn` |
//! | `decision` `rejected` or `merged` | `closed`, `withdrawn` |
//! | `decision` `returned` | `analysis`, `deliberation`, `withdrawn` |
//! | `sent` | `sent` (another ministry), `answer`, `withdrawn` |
//! | `answer` | `answer` (another ministry, or a revised answer: the latest wins), `sent`, `reflected`, `closed`, `withdrawn` |
//! | `reflected` | `reflected` (law, then budget...), `answer`, `closed`, `withdrawn` |
//! | `closed`, `withdrawn` | nothing (`route.after_end`) |
//!
//! Beyond the table:
//! - dates never go back (`route.date_order`); equal dates are fine;
//! - `sent` needs the latest earlier `deliberation` to be `agreed`: unanimous agreement among the
//!   cities/provinces comes before a ministry (`route.unanimity`);
//! - `deliberation` takes `agreed`/`dissent`, `decision` takes `adopted`/`held_over`/`rejected`/
//!   `returned`/`merged`, other stages take no decision (`route.decision`);
//! - `merged` needs `merged_into`, and only `merged` has it (`route.merge`);
//! - `answer` needs `ministry` and `answer`, from a ministry the proposal was sent to (a `sent`
//!   step without `ministry` sends to every ministry in `ministries`); only `answer` steps carry an
//!   `answer` (`route.answer`);
//! - `reflected` needs some ministry's latest answer (so far) to be accepted or partly accepted
//!   (`route.reflected`); a long-term review later carried out is recorded as a revised answer;
//! - warnings: `submitted` differing from the first step's date (`route.submitted`), a `sent`
//!   ministry not listed in `ministries` (`route.ministry`).

use crate::codes::Code;
use crate::date::iso_date;
use crate::feed::{Answer, Decision, Feed, Proposal, Reflection, Stage};
use crate::problem::Report;

/// The stages that may follow a step of `stage` with `decision` (see the module's table).
///
/// ```
/// use cogov::feed::{Decision, Stage};
/// use cogov::proposals::route::allowed_after;
/// assert!(allowed_after(Stage::Decision, Some(Decision::HeldOver)).contains(&Stage::Deliberation));
/// assert!(!allowed_after(Stage::Decision, Some(Decision::HeldOver)).contains(&Stage::Sent));
/// assert!(allowed_after(Stage::Closed, None).is_empty());
/// ```
pub fn allowed_after(stage: Stage, decision: Option<Decision>) -> &'static [Stage] {
    use Stage::*;
    match (stage, decision) {
        (Submitted, _) => &[Analysis, Deliberation, Withdrawn],
        (Analysis, _) => &[Analysis, Deliberation, Withdrawn],
        (Deliberation, _) => &[Deliberation, Decision, Withdrawn],
        (Decision, Some(crate::feed::Decision::Adopted)) => &[Sent, Withdrawn],
        (Decision, Some(crate::feed::Decision::HeldOver)) => &[Deliberation, Decision, Withdrawn],
        (Decision, Some(crate::feed::Decision::Rejected | crate::feed::Decision::Merged)) => {
            &[Closed, Withdrawn]
        }
        (Decision, Some(crate::feed::Decision::Returned)) => &[Analysis, Deliberation, Withdrawn],
        // a missing or wrong decision is reported as route.decision; accept what any decision allows
        (Decision, _) => &[Analysis, Deliberation, Decision, Sent, Closed, Withdrawn],
        (Sent, _) => &[Sent, Answer, Withdrawn],
        (Answer, _) => &[Answer, Sent, Reflected, Closed, Withdrawn],
        (Reflected, _) => &[Reflected, Answer, Closed, Withdrawn],
        (Closed | Withdrawn, _) => &[],
    }
}

/// The decisions a step of `stage` takes (empty: none).
///
/// ```
/// use cogov::feed::{Decision, Stage};
/// assert_eq!(cogov::proposals::route::decisions_for(Stage::Deliberation), &[Decision::Agreed, Decision::Dissent]);
/// ```
pub fn decisions_for(stage: Stage) -> &'static [Decision] {
    use Decision::*;
    match stage {
        Stage::Deliberation => &[Agreed, Dissent],
        Stage::Decision => &[Adopted, HeldOver, Rejected, Returned, Merged],
        _ => &[],
    }
}

fn words<T: Copy>(list: &[T], f: fn(T) -> &'static str) -> String {
    let mut out = String::new();
    for x in list {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(f(*x));
    }
    out
}

/// Checks the route of every proposal, filing problems in `report`.
///
/// ```
/// let l = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"proposals":[
///   {"id":"x","title":"X","illustrative":true,"history":[{"date":"2024-01-02","stage":"answer"}]}]}"#);
/// assert_eq!(l.report.errors[0].to_string(),
///   "proposals[0].history[0].stage: the first step must be \"submitted\", not \"answer\"");
/// ```
pub fn check(feed: &Feed, report: &mut Report) {
    for (i, p) in feed.proposals.iter().enumerate() {
        check_proposal(p, i, report);
    }
}

/// Files an error at `proposals[i].history[j].key` (out of line: one call per check).
#[inline(never)]
fn step_error(report: &mut Report, i: usize, j: usize, key: &str, code: Code, message: String) {
    report.error(format!("proposals[{i}].history[{j}].{key}"), code, message);
}

/// One proposal's history as it is walked: the step rules read and update it.
struct Walk<'p, 'r> {
    p: &'p Proposal,
    /// Index of the proposal in `proposals`.
    i: usize,
    report: &'r mut Report,
    /// The first step that ended the route (`closed`, `withdrawn`).
    ended: Option<(usize, Stage)>,
    /// A `sent` step named no ministry: sent to every listed ministry.
    sent_all: bool,
    /// Ministries named by `sent` steps.
    sent_to: Vec<&'p str>,
    /// Each ministry's latest answer.
    latest: Vec<(&'p str, Answer)>,
    /// The latest deliberation step and its decision.
    deliberation: Option<(usize, Option<Decision>)>,
}

impl Walk<'_, '_> {
    /// An error at step `j`'s member `key`.
    fn error(&mut self, j: usize, key: &str, code: Code, message: String) {
        step_error(self.report, self.i, j, key, code, message);
    }
}

/// A rule over step `j` of a proposal's history.
type StepRule = fn(&mut Walk, usize);

/// The rules every step passes, in the order their problems are filed.
const STEP_RULES: [StepRule; 10] = [
    date_order,
    transition,
    decision_fits,
    merge,
    answer_only_on_answer,
    deliberation,
    sent_after_agreement,
    sent_ministry,
    answer,
    reflected,
];

fn check_proposal(p: &Proposal, i: usize, report: &mut Report) {
    submitted_date(p, i, report);
    let mut w = Walk {
        p,
        i,
        report,
        ended: None,
        sent_all: false,
        sent_to: Vec::new(),
        latest: Vec::new(),
        deliberation: None,
    };
    for j in 0..p.history.len() {
        for rule in STEP_RULES {
            rule(&mut w, j);
        }
    }
}

/// `submitted` agrees with the first step's date (a warning).
fn submitted_date(p: &Proposal, i: usize, report: &mut Report) {
    if let (Some(sub), Some(first)) = (p.submitted, p.history.first()) {
        if sub != first.date {
            report.warning(
                format!("proposals[{i}].submitted"),
                Code::RouteSubmitted,
                format!(
                    "{} differs from the date of the first step ({})",
                    iso_date(sub),
                    iso_date(first.date)
                ),
            );
        }
    }
}

/// Steps are in date order.
fn date_order(w: &mut Walk, j: usize) {
    let Some(pr) = j.checked_sub(1).map(|k| &w.p.history[k]) else {
        return;
    };
    let s = &w.p.history[j];
    if s.date < pr.date {
        w.error(
            j,
            "date",
            Code::RouteDateOrder,
            format!(
                "{} is before the previous step ({})",
                iso_date(s.date),
                iso_date(pr.date)
            ),
        );
    }
}

/// The route starts with `submitted`, each stage follows one it may follow, and nothing
/// follows the end of the route.
fn transition(w: &mut Walk, j: usize) {
    let s = &w.p.history[j];
    let prev = j.checked_sub(1).map(|k| &w.p.history[k]);
    match (prev, w.ended) {
        (None, _) if s.stage != Stage::Submitted => w.error(
            j,
            "stage",
            Code::RouteStart,
            format!(
                "the first step must be \"submitted\", not \"{}\"",
                s.stage.as_str()
            ),
        ),
        (None, _) => {}
        (Some(_), Some((k, end))) => w.error(
            j,
            "stage",
            Code::RouteAfterEnd,
            format!(
                "no step may follow \"{}\" (history[{k}]); found \"{}\"",
                end.as_str(),
                s.stage.as_str()
            ),
        ),
        (Some(pr), None) => {
            let allowed = allowed_after(pr.stage, pr.decision);
            if !allowed.contains(&s.stage) {
                let prev_word = match (pr.stage, pr.decision) {
                    (Stage::Decision, Some(d)) => format!("\"decision\" ({})", d.as_str()),
                    (st, _) => format!("\"{}\"", st.as_str()),
                };
                w.error(
                    j,
                    "stage",
                    Code::RouteTransition,
                    format!(
                        "\"{}\" cannot follow {prev_word}; expected one of {}",
                        s.stage.as_str(),
                        words(allowed, Stage::as_str)
                    ),
                );
            }
        }
    }
    if w.ended.is_none() && matches!(s.stage, Stage::Closed | Stage::Withdrawn) {
        w.ended = Some((j, s.stage));
    }
}

/// The decision fits the stage.
fn decision_fits(w: &mut Walk, j: usize) {
    let s = &w.p.history[j];
    let wanted = decisions_for(s.stage);
    match s.decision {
        None if !wanted.is_empty() => w.error(
            j,
            "decision",
            Code::RouteDecision,
            format!(
                "a \"{}\" step needs a decision: one of {}",
                s.stage.as_str(),
                words(wanted, Decision::as_str)
            ),
        ),
        Some(d) if wanted.is_empty() => w.error(
            j,
            "decision",
            Code::RouteDecision,
            format!(
                "a \"{}\" step takes no decision; found \"{}\"",
                s.stage.as_str(),
                d.as_str()
            ),
        ),
        Some(d) if !wanted.contains(&d) => w.error(
            j,
            "decision",
            Code::RouteDecision,
            format!(
                "\"{}\" is not a decision of a \"{}\" step; expected one of {}",
                d.as_str(),
                s.stage.as_str(),
                words(wanted, Decision::as_str)
            ),
        ),
        _ => {}
    }
}

/// A `merged` decision, and only it, names another proposal it was merged into.
fn merge(w: &mut Walk, j: usize) {
    let s = &w.p.history[j];
    match (&s.merged_into, s.decision == Some(Decision::Merged)) {
        (None, true) => w.error(
            j,
            "merged_into",
            Code::RouteMerge,
            "a \"merged\" decision needs merged_into: the proposal it was merged into".into(),
        ),
        (Some(_), false) => w.error(
            j,
            "merged_into",
            Code::RouteMerge,
            "only a \"merged\" decision names the proposal it was merged into".into(),
        ),
        (Some(m), true) if *m == w.p.id => w.error(
            j,
            "merged_into",
            Code::RouteMerge,
            "a proposal cannot be merged into itself".into(),
        ),
        _ => {}
    }
}

/// Only an `answer` step carries an answer.
fn answer_only_on_answer(w: &mut Walk, j: usize) {
    let s = &w.p.history[j];
    if s.answer.is_some() && s.stage != Stage::Answer {
        w.error(
            j,
            "answer",
            Code::RouteAnswer,
            format!(
                "only an \"answer\" step carries an answer; this step is \"{}\"",
                s.stage.as_str()
            ),
        );
    }
}

/// A deliberation step is remembered for the `sent` steps after it.
fn deliberation(w: &mut Walk, j: usize) {
    let s = &w.p.history[j];
    if s.stage == Stage::Deliberation {
        w.deliberation = Some((j, s.decision));
    }
}

/// A proposal is sent to a ministry only after a deliberation agreed to it (unanimity).
fn sent_after_agreement(w: &mut Walk, j: usize) {
    if w.p.history[j].stage != Stage::Sent {
        return;
    }
    match w.deliberation {
        Some((_, Some(Decision::Agreed))) => {}
        Some((k, _)) => w.error(j, "stage",
            Code::RouteUnanimity,
            format!(
                "sent to a ministry after a deliberation without agreement (history[{k}]) and no later agreement; unanimous agreement among the cities/provinces comes first"
            )),
        None => w.error(j, "stage",
            Code::RouteUnanimity,
            "sent to a ministry without a deliberation agreeing to it; unanimous agreement among the cities/provinces comes first".into()),
    }
}

/// A `sent` step's ministry is one of the proposal's (a warning); without one, it went to all.
fn sent_ministry(w: &mut Walk, j: usize) {
    let p = w.p;
    let s = &p.history[j];
    if s.stage != Stage::Sent {
        return;
    }
    match &s.ministry {
        Some(m) => {
            w.sent_to.push(m);
            if !p.ministries.contains(m) {
                w.report.warning(
                    format!("proposals[{}].history[{j}].ministry", w.i),
                    Code::RouteMinistry,
                    format!(
                        "{} is not listed in the proposal's ministries",
                        crate::text::quote(m)
                    ),
                );
            }
        }
        None => w.sent_all = true,
    }
}

/// An `answer` step names the ministry and its answer, from a ministry it was sent to.
fn answer(w: &mut Walk, j: usize) {
    let p = w.p;
    let s = &p.history[j];
    if s.stage != Stage::Answer {
        return;
    }
    match (&s.ministry, s.answer) {
        (None, _) => w.error(
            j,
            "ministry",
            Code::RouteAnswer,
            "an \"answer\" step needs the ministry that answered".into(),
        ),
        (_, None) => w.error(
            j,
            "answer",
            Code::RouteAnswer,
            format!(
                "an \"answer\" step needs the answer: one of {}",
                Answer::expected()
            ),
        ),
        (Some(m), Some(a)) => {
            let was_sent =
                w.sent_to.contains(&m.as_str()) || (w.sent_all && p.ministries.contains(m));
            if !was_sent {
                w.error(
                    j,
                    "ministry",
                    Code::RouteAnswer,
                    format!(
                        "{} answered but the proposal was never sent to it",
                        crate::text::quote(m)
                    ),
                );
            }
            match w.latest.iter_mut().find(|(x, _)| *x == m.as_str()) {
                Some(slot) => slot.1 = a,
                None => w.latest.push((m, a)),
            }
        }
    }
}

/// `reflected` names its reflection and follows an accepted or partly accepted answer.
fn reflected(w: &mut Walk, j: usize) {
    if w.p.history[j].stage != Stage::Reflected {
        return;
    }
    if w.p.history[j].reflection.is_none() {
        w.error(
            j,
            "reflection",
            Code::RouteReflected,
            format!(
                "a \"reflected\" step needs the reflection: one of {}",
                Reflection::expected()
            ),
        );
    }
    let accepted = w
        .latest
        .iter()
        .any(|(_, a)| matches!(a, Answer::Accepted | Answer::PartlyAccepted));
    if !accepted {
        w.error(
            j,
            "stage",
            Code::RouteReflected,
            "reflected without an accepted or partly accepted answer from a ministry".into(),
        );
    }
}
