//! Task management cards: who acts, the plan, milestones, the session at which results are due
//! and the results reported, with a state as of the `today` the caller passes.
//!
//! # Due session
//! A card's results are due at its `due_session` when given. Otherwise at the next session of
//! the body of the deliberating `session`, as found by a `next_session` function:
//! `next_session(dataset, body_id, after)` returns the first session of `body_id` strictly after
//! the day `after`. [`calendar_next_session`] (what the widget and CLI use) asks the calendar:
//! explicit sessions and occurrences generated from the body's series, cancelled ones skipped;
//! [`next_explicit_session`] looks only at the feed's explicit sessions (not cancelled).
//!
//! # State
//! `reported` when a result was reported on or before `today`; else `overdue` when the due
//! session's day is before `today`; else `pending` (including when no due session is known or no
//! `today` is given). A milestone is overdue when it is not done and its due day is before `today`.

use crate::calendar::NO_CLOCK;
use crate::dataset::{Dataset, Ref};
use crate::date::iso_date;
use crate::feed::Status;
use crate::text::Lang;
use crate::view::Named;
use chrono::NaiveDate;
use serde::Serialize;

/// A session found by a `next_session` function: an explicit session has its id; an occurrence
/// expanded from a rule may have none, or the calendar's `"{series}@{YYYY-MM-DD}"`.
#[derive(Clone, Debug, PartialEq)]
pub struct DueSession {
    /// Session id (explicit session or generated occurrence), when known.
    pub id: Option<String>,
    /// Its day.
    pub date: NaiveDate,
}

/// The signature of a `next_session` function (see the module documentation).
pub type NextSession = dyn Fn(&Dataset, &str, NaiveDate) -> Option<DueSession>;

/// The first explicit, not cancelled session of `body` strictly after `after`.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
/// #   "bodies":[{"id":"ga","kind":"general_assembly","name":"GA","sources":[]}],
/// #   "sessions":[{"id":"s2","body":"ga","start":"2025-07-11","sources":[]},{"id":"s1","body":"ga","start":"2024-07-12","sources":[]}]}"#).dataset.unwrap();
/// let d = |s| cogov::date::parse_date(s).unwrap();
/// let next = cogov::proposals::cards::next_explicit_session(&ds, "ga", d("2024-07-12")).unwrap();
/// assert_eq!(next.id.as_deref(), Some("s2"));
/// ```
pub fn next_explicit_session(ds: &Dataset, body: &str, after: NaiveDate) -> Option<DueSession> {
    ds.feed
        .sessions
        .iter()
        .filter(|s| s.body == body && s.status != Status::Cancelled && s.start.date() > after)
        .min_by_key(|s| s.start)
        .map(|s| DueSession {
            id: Some(s.id.clone()),
            date: s.start.date(),
        })
}

/// The first session of `body` strictly after `after` on the calendar (explicit sessions and
/// occurrences generated from the body's series, overrides applied), skipping cancelled ones
/// among the next eight. A generated occurrence's id is `"{series}@{YYYY-MM-DD}"`
/// ([`crate::calendar::find_session`] resolves it).
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
/// #   "bodies":[{"id":"ga","kind":"general_assembly","name":"GA","sources":[]}],
/// #   "series":[{"id":"yearly","body":"ga","kind":"regular","rules":[{"rrule":"FREQ=YEARLY;BYMONTH=7;BYDAY=2FR","dtstart":"2024-07-12T14:00","sources":[]}],"sources":[]}]}"#).dataset.unwrap();
/// let d = |s| cogov::date::parse_date(s).unwrap();
/// let next = cogov::proposals::cards::calendar_next_session(&ds, "ga", d("2024-07-12")).unwrap();
/// assert_eq!((next.id.as_deref(), next.date), (Some("yearly@2025-07-11"), d("2025-07-11")));
/// ```
pub fn calendar_next_session(ds: &Dataset, body: &str, after: NaiveDate) -> Option<DueSession> {
    let list =
        crate::calendar::next_sessions(ds, after.succ_opt()?, 8, Some(body), Lang::Ko, NO_CLOCK)
            .ok()?;
    list.sessions
        .into_iter()
        .find(|s| s.status != Status::Cancelled.as_str())
        .map(|s| DueSession {
            date: s.start_when.start().date(),
            id: Some(s.id),
        })
}

/// Where a card stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(test, derive(ts_rs::TS))]
pub enum CardState {
    /// Results reported.
    Reported,
    /// The due session has passed without a report.
    Overdue,
    /// Not due yet, or due unknown.
    Pending,
}

/// A card, resolved.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CardView {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// State as of `today`.
    pub state: CardState,
    /// Deliberating session.
    pub session: Option<SessionView>,
    /// Proposal tracked.
    pub proposal: Option<Named>,
    /// Responsible ministries or bodies.
    pub responsible: Vec<Named>,
    /// Action plan.
    pub plan: Option<String>,
    /// Milestones.
    pub milestones: Vec<MilestoneView>,
    /// Where results are due.
    pub due: Option<DueView>,
    /// Results reported.
    pub reports: Vec<ReportView>,
    /// Illustrative.
    pub illustrative: bool,
    /// Note.
    pub note: Option<String>,
}

/// A session named and dated.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "SessionRef"))]
pub struct SessionView {
    /// Id.
    pub id: String,
    /// Title (or the id).
    pub name: String,
    /// Day.
    pub date: String,
}

/// The session where results are due.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct DueView {
    /// Session id (none for a rule occurrence).
    pub id: Option<String>,
    /// Title, when known.
    pub name: Option<String>,
    /// Day.
    pub date: String,
    /// Given as `due_session` (true) or found as the body's next session (false).
    pub explicit: bool,
}

/// A milestone.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MilestoneView {
    /// Title.
    pub title: String,
    /// Due.
    pub due: Option<String>,
    /// Done.
    pub done: Option<String>,
    /// Not done and due before `today`.
    pub overdue: bool,
}

/// Results reported.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ReportView {
    /// Date.
    pub date: String,
    /// Session.
    pub session: Option<Named>,
    /// Text.
    pub text: String,
}

pub(crate) fn session_view(ds: &Dataset, id: &str, lang: Lang) -> Option<SessionView> {
    match ds.lookup(id)? {
        Ref::Session(i) => {
            let s = &ds.feed.sessions[i];
            Some(SessionView {
                id: s.id.clone(),
                name: ds.name_of(id, lang),
                date: iso_date(s.start.date()),
            })
        }
        _ => None,
    }
}

fn session_day(ds: &Dataset, id: &str) -> Option<(usize, NaiveDate)> {
    match ds.lookup(id)? {
        Ref::Session(i) => Some((i, ds.feed.sessions[i].start.date())),
        _ => None,
    }
}

/// The session where card `k`'s results are due, and whether it was given explicitly.
fn due(ds: &Dataset, k: usize, next_session: &NextSession) -> Option<(DueSession, bool)> {
    let c = ds.feed.cards.get(k)?;
    if let Some((_, date)) = c.due_session.as_deref().and_then(|id| session_day(ds, id)) {
        return Some((
            DueSession {
                id: c.due_session.clone(),
                date,
            },
            true,
        ));
    }
    let (i, day) = session_day(ds, c.session.as_deref()?)?;
    next_session(ds, &ds.feed.sessions[i].body, day).map(|d| (d, false))
}

/// Card `k` (index in `feed.cards`) as of `today`.
pub(crate) fn card(
    ds: &Dataset,
    k: usize,
    today: Option<NaiveDate>,
    lang: Lang,
    next_session: &NextSession,
) -> CardView {
    let c = &ds.feed.cards[k];
    let named = |id: &str| Named {
        id: id.to_string(),
        name: ds.name_of(id, lang),
    };
    let due = due(ds, k, next_session);
    let reported = c.reports.iter().any(|r| today.is_none_or(|t| r.date <= t));
    let state = match (&due, today) {
        _ if reported => CardState::Reported,
        (Some((d, _)), Some(t)) if d.date < t => CardState::Overdue,
        _ => CardState::Pending,
    };
    CardView {
        id: c.id.clone(),
        title: crate::view::text(&c.title, lang),
        state,
        session: c.session.as_deref().and_then(|s| session_view(ds, s, lang)),
        proposal: c.proposal.as_deref().map(named),
        responsible: c.responsible.iter().map(|x| named(x)).collect(),
        plan: crate::view::text_opt(&c.plan, lang),
        milestones: c
            .milestones
            .iter()
            .map(|m| MilestoneView {
                title: crate::view::text(&m.title, lang),
                due: m.due.map(iso_date),
                done: m.done.map(iso_date),
                overdue: m.done.is_none() && matches!((m.due, today), (Some(d), Some(t)) if d < t),
            })
            .collect(),
        due: due.map(|(d, explicit)| DueView {
            name: d.id.as_deref().and_then(|id| match ds.text_of(id) {
                Some(t) => Some(crate::view::text(t, lang)),
                None => crate::calendar::find_session(ds, id, lang, NO_CLOCK).map(|v| v.title),
            }),
            id: d.id,
            date: iso_date(d.date),
            explicit,
        }),
        reports: c
            .reports
            .iter()
            .map(|r| ReportView {
                date: iso_date(r.date),
                session: r.session.as_deref().map(named),
                text: crate::view::text(&r.text, lang),
            })
            .collect(),
        illustrative: c.prov.illustrative,
        note: crate::view::text_opt(&c.prov.note, lang),
    }
}

/// Every card as of `today`.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
/// #   "bodies":[{"id":"ga","kind":"general_assembly","name":"GA","sources":[]}],
/// #   "sessions":[{"id":"s1","body":"ga","start":"2024-07-12","sources":[]},{"id":"s2","body":"ga","start":"2025-07-11","sources":[]}],
/// #   "cards":[{"id":"c","title":"C","session":"s1","illustrative":true}]}"#).dataset.unwrap();
/// use cogov::proposals::cards::{cards, next_explicit_session, CardState};
/// let d = |s| cogov::date::parse_date(s).ok();
/// let before = cards(&ds, d("2025-07-11"), cogov::text::Lang::En, &next_explicit_session);
/// let after = cards(&ds, d("2025-07-12"), cogov::text::Lang::En, &next_explicit_session);
/// assert_eq!((before[0].state, after[0].state), (CardState::Pending, CardState::Overdue));
/// ```
pub fn cards(
    ds: &Dataset,
    today: Option<NaiveDate>,
    lang: Lang,
    next_session: &NextSession,
) -> Vec<CardView> {
    (0..ds.feed.cards.len())
        .map(|k| card(ds, k, today, lang, next_session))
        .collect()
}
