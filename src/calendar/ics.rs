//! Sessions as iCalendar: one standalone `VEVENT` per session (no RRULE), written by
//! [`crate::ics`], and Google Calendar links for one session.
//!
//! An event is meant to be updated in the calendars that imported or subscribed to it (RFC 5545
//! with RFC 5546's PUBLISH rules, docs/FORMAT.md "Calendar files that update"):
//! - its `UID` is `{occurrence id}@{publisher}` for the whole life of the session: a generated
//!   occurrence's id (`series@YYYY-MM-DD`), kept by the explicit session that overrides it
//!   (moved, cancelled: `series` + `recurrence_id`); an explicit one-off session's own id;
//! - its `SEQUENCE` grows with each significant change ([`sequence`]), from the records'
//!   `revision`, and at least by one for an override and for a cancelled, postponed or moved
//!   status; `LAST-MODIFIED` is the record's `updated`;
//! - a cancelled session stays in the file with `STATUS:CANCELLED`;
//! - a timed session without an end lasts [`DEFAULT_MINUTES`], an all-day one its day;
//! - `CATEGORIES` is the session kind in the file's language;
//! - `SUMMARY` is the view's `heading` (`제3차 정기총회` / `3rd Regular Assembly`);
//! - no text says whether a session is scheduled or past: RFC 5545 has no "past" `STATUS` (a
//!   scheduled session is `CONFIRMED` before and after it happens, as a held one is), the
//!   calendar that shows the event knows the time, and a file kept or subscribed to would
//!   otherwise say `예정` long after the day, or change every event's text the day it passes
//!   without a new `SEQUENCE`. The views are built without a clock ([`NO_CLOCK`]).
use super::expand::{expander, find_session, sessions, SessionQuery, SessionView, NO_CLOCK};
#[cfg(not(target_arch = "wasm32"))]
use super::expand::{known_body, series_records, series_window};
use super::expander::{same_occurrence, Expander};
use crate::codes::Code;
use crate::dataset::{Dataset, Ref};
use crate::date::When;
use crate::ics::{self, Calendar, Event, Status};
use crate::problem::Problem;
use crate::recur::HARD_CAP;
use crate::text::{self, Lang};
use chrono::{Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

/// How long a timed session without an `end` lasts in a calendar file (2 hours, the usual
/// length of a council session), instead of a zero-length event.
pub const DEFAULT_MINUTES: i64 = 120;

/// How often a subscribed calendar asks for the file again when the caller names nothing:
/// once a day (`REFRESH-INTERVAL`, `X-PUBLISHED-TTL`).
pub const DEFAULT_REFRESH_MINUTES: u32 = 24 * 60;

/// The longest `base_url` accepted (it is repeated in every event).
pub const MAX_BASE_URL: usize = 2048;

/// The .ics text stops taking events once their texts pass this many bytes (the document then
/// says `X-COGOV-TRUNCATED:TRUE`, as it does when the sessions were cut at 10,000).
pub const MAX_ICS_BYTES: usize = 8 << 20;

/// A base URL must be http(s) and at most [`MAX_BASE_URL`] bytes (`arg.url`).
fn check_base_url(base: Option<&str>) -> Result<(), Problem> {
    let Some(b) = base else { return Ok(()) };
    let bad = |message: String| Err(Problem::error("", Code::ArgUrl, message));
    if b.len() > MAX_BASE_URL {
        return bad(format!(
            "the base url is {} bytes long: at most {MAX_BASE_URL} are allowed",
            b.len()
        ));
    }
    let scheme = |p: &str| b.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    if !scheme("https://") && !scheme("http://") {
        return bad(format!(
            "the base url {} is not an http or https url",
            crate::text::quote(b)
        ));
    }
    Ok(())
}

/// The days an `.ics` export covers unless the caller names them: from a year (366 days) before
/// to two years (732 days) after the day in Korea at `now_utc` (the caller's clock).
///
/// ```
/// let now = cogov::date::parse_local("2026-03-01T16:00").unwrap(); // 01:00 on 2 March in Korea
/// let (from, to) = cogov::calendar::ics::export_window(now);
/// assert_eq!((from.to_string(), to.to_string()), ("2025-03-01".into(), "2028-03-03".into()));
/// ```
pub fn export_window(now_utc: NaiveDateTime) -> (NaiveDate, NaiveDate) {
    let today = crate::kst::today(now_utc);
    let from = today
        .checked_sub_days(Days::new(366))
        .unwrap_or(NaiveDate::MIN);
    let to = today
        .checked_add_days(Days::new(2 * 366))
        .unwrap_or(NaiveDate::MAX);
    (from, to)
}

/// Options of [`calendar_ics`].
#[derive(Clone, Copy, Debug)]
pub struct IcsQuery<'a> {
    /// Only this body's sessions.
    pub body: Option<&'a str>,
    /// Only this session (explicit id or `series@YYYY-MM-DD`); the window is then ignored.
    pub session: Option<&'a str>,
    /// Only this series' sessions: its occurrences and the explicit sessions that name it
    /// (`series`: its overrides, moves and cancellations). A relative series is a series of its
    /// own (its occurrences, not its anchor's). Native only (the CLI's `cogov ics --series` and
    /// `cogov publish`): the wasm refuses it (`arg.series`), no element asks for it.
    pub series: Option<&'a str>,
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Language of texts.
    pub lang: Lang,
    /// `DTSTAMP` in UTC (the caller reads the clock).
    pub dtstamp_utc: NaiveDateTime,
    /// Page showing sessions; each event links to `{base_url}#{session id}`, or to
    /// `{base_url}{session id}` when the base has a fragment already (`page#session=`).
    pub base_url: Option<&'a str>,
}

/// Owned texts of one event.
struct Texts {
    uid: String,
    summary: String,
    description: Option<String>,
    location: Option<String>,
    url: Option<String>,
    start: ics::When,
    end: Option<ics::When>,
    status: Status,
    kind: &'static str,
    sequence: u32,
    last_modified: Option<NaiveDateTime>,
}

impl Texts {
    /// About the bytes the event takes in the document (its texts and fixed lines).
    fn len(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        let texts = self.uid.len()
            + self.summary.len()
            + opt(&self.description)
            + opt(&self.location)
            + opt(&self.url);
        // folding adds 3 octets per 75
        200 + texts + texts / 25
    }
}

fn when(w: When) -> ics::When {
    match w {
        When::Date(d) => ics::When::Date(d),
        When::At(t) => ics::When::Local(t),
    }
}

/// The parts one after the other (instead of `format!`).
fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// The session kind word in `lang` (`CATEGORIES`).
fn kind_label(kind: &str, lang: Lang) -> &'static str {
    let (ko, en) = match kind {
        "regular" => ("정기회의", "Regular session"),
        "special" => ("임시회의", "Special session"),
        "plenary" => ("본회의", "Plenary session"),
        "working" => ("실무회의", "Working-level meeting"),
        "forum" => ("포럼", "Forum"),
        "seminar" => ("세미나", "Seminar"),
        "meeting" => ("회의", "Meeting"),
        _ => ("기타", "Other"),
    };
    match lang {
        Lang::Ko => ko,
        _ => en,
    }
}

/// What an event is across publications: the id its `UID` is made of, its `SEQUENCE` and
/// `LAST-MODIFIED` (local, Korea).
struct Identity {
    id: String,
    sequence: u32,
    updated: Option<When>,
    /// The length of the occurrence an override without `end` replaces (it keeps it).
    length: Option<TimeDelta>,
}

/// The series record of index `id`, if `id` names a series.
fn series_index(ds: &Dataset, id: Option<&str>) -> Option<usize> {
    match ds.lookup(id?) {
        Some(Ref::Series(i)) => Some(i),
        _ => None,
    }
}

/// The `SEQUENCE` of a session: its `revision`, but at least `implied`.
///
/// `implied` is what the feed says without revisions: a generated occurrence has its series'
/// revision (0 by default); an explicit session overriding it has one more, and a cancelled,
/// postponed or moved session one more again. So a move or a cancellation recorded without any
/// `revision` still raises the `SEQUENCE` above the scheduled occurrence's, and a cancellation
/// after a move above the move's.
///
/// ```
/// use cogov::calendar::ics::sequence;
/// assert_eq!(sequence(None, 0, false, false), 0); // scheduled
/// assert_eq!(sequence(None, 0, true, false), 1); // an override (moved in time or place)
/// assert_eq!(sequence(None, 0, true, true), 2); // an override, cancelled
/// assert_eq!(sequence(Some(5), 0, true, true), 5); // the feed's own count
/// assert_eq!(sequence(Some(0), 3, false, true), 4); // never below what the feed implies
/// ```
pub fn sequence(revision: Option<u32>, base: u32, overrides: bool, changed: bool) -> u32 {
    let implied = base
        .saturating_add(u32::from(overrides))
        .saturating_add(u32::from(changed));
    revision.map_or(implied, |r| r.max(implied))
}

/// The id of series `i`'s occurrence that `rid` names, as its generated view has it
/// (`series@YYYY-MM-DD`, or `series@YYYY-MM-DDTHH:MM` for a later one that day), with the
/// occurrence's length when it has an end; `None` when no occurrence matches (the override
/// then replaces nothing and is an event of its own).
fn occurrence_id(
    ds: &Dataset,
    ex: &Expander,
    i: usize,
    rid: When,
) -> Option<(String, Option<TimeDelta>)> {
    let series = &ds.feed.series[i].id;
    let d = rid.date();
    let (occs, _) = ex.occurrences(i, d, d, HARD_CAP);
    let k = occs.iter().position(|o| same_occurrence(o.start, rid))?;
    let o = occs.get(k)?;
    let at = match k {
        0 => crate::date::iso_date(d),
        _ => o.start.iso(),
    };
    let length = o.end.map(|e| e.start() - o.start.start());
    Some((concat(&[series, "@", &at]), length))
}

fn identity(ds: &Dataset, ex: &Expander, v: &SessionView) -> Identity {
    let changed = matches!(v.status, "cancelled" | "postponed" | "moved");
    if let Some(Ref::Session(k)) = ds.lookup(&v.id) {
        let s = &ds.feed.sessions[k];
        if let (Some(i), Some(rid)) = (series_index(ds, s.series.as_deref()), s.recurrence_id) {
            if let Some((id, length)) = occurrence_id(ds, ex, i, rid) {
                let series = &ds.feed.series[i];
                return Identity {
                    id,
                    length,
                    sequence: sequence(s.revision, series.revision.unwrap_or(0), true, changed),
                    updated: s.updated.or(series.updated),
                };
            }
        }
        return Identity {
            id: s.id.clone(),
            sequence: sequence(s.revision, 0, false, changed),
            updated: s.updated,
            length: None,
        };
    }
    let series = series_index(ds, v.series.as_deref()).map(|i| &ds.feed.series[i]);
    Identity {
        id: v.id.clone(),
        sequence: series.and_then(|s| s.revision).unwrap_or(0),
        updated: series.and_then(|s| s.updated),
        length: None,
    }
}

/// A local time in Korea (a date: its midnight) in UTC.
fn utc(w: When) -> Option<NaiveDateTime> {
    let t = match w {
        When::Date(d) => d.and_time(NaiveTime::MIN),
        When::At(t) => t,
    };
    t.checked_sub_signed(TimeDelta::seconds(crate::kst::OFFSET_SECONDS))
}

fn texts(
    v: &SessionView,
    who: Identity,
    publisher: &str,
    lang: Lang,
    base_url: Option<&str>,
) -> Texts {
    let summary = v.heading.clone();
    // lines joined with `\n`, pushed one by one
    let mut description = v.body_name.clone();
    if v.illustrative {
        description.push('\n');
        description.push_str(match lang {
            Lang::Ko => "예시 일정입니다 (출처의 날짜가 아님).",
            _ => "Illustrative: not a date from a source.",
        });
    }
    if let Some(n) = &v.note {
        description.push('\n');
        description.push_str(n);
    }
    for a in &v.agenda {
        description.push_str("\n- ");
        description.push_str(&a.title);
    }
    // the parts present, joined with `, `
    let location = v.location.as_ref().and_then(|l| {
        let mut s: Option<String> = None;
        for part in [&l.name, &l.address, &l.url].into_iter().flatten() {
            match &mut s {
                None => s = Some(part.clone()),
                Some(s) => {
                    s.push_str(", ");
                    s.push_str(part);
                }
            }
        }
        s
    });
    // no end: an override keeps the length of the occurrence it replaces; else a timed
    // session lasts DEFAULT_MINUTES, an all-day one its day
    let length = who.length.unwrap_or(TimeDelta::minutes(DEFAULT_MINUTES));
    let end = v.end_when.map(when).or(match v.start_when {
        When::Date(d) => Some(ics::When::Date(d)),
        When::At(t) => t.checked_add_signed(length).map(ics::When::Local),
    });
    Texts {
        uid: concat(&[&who.id, "@", publisher]),
        summary,
        description: Some(description),
        location,
        url: base_url.map(|b| match text::contains(b, "#") {
            true => concat(&[b, &v.id]),
            false => concat(&[b, "#", &v.id]),
        }),
        start: when(v.start_when),
        end,
        status: match v.status {
            "cancelled" => Status::Cancelled,
            "postponed" => Status::Tentative,
            _ => Status::Confirmed,
        },
        kind: kind_label(v.kind, lang),
        sequence: who.sequence,
        last_modified: who.updated.and_then(utc),
    }
}

fn event(t: &Texts) -> Event<'_> {
    let mut e = Event::new(&t.uid, t.start, &t.summary);
    e.end = t.end;
    e.description = t.description.as_deref();
    e.location = t.location.as_deref();
    e.url = t.url.as_deref();
    e.status = t.status;
    e.sequence = t.sequence;
    e.categories = std::slice::from_ref(&t.kind);
    e.last_modified = t.last_modified;
    e
}

/// What makes an export a subscription ([`calendar_ics_for`]): its name, the URL it is served
/// at and how often a client should fetch it again.
#[derive(Clone, Copy, Debug, Default)]
pub struct Subscription<'a> {
    /// `NAME` / `X-WR-CALNAME` (default: the publisher's name).
    pub name: Option<&'a str>,
    /// RFC 7986 `URL` and `SOURCE` of the calendar: where it is published (http(s), at most
    /// [`MAX_BASE_URL`] bytes, `arg.url`).
    pub url: Option<&'a str>,
    /// `REFRESH-INTERVAL` and `X-PUBLISHED-TTL` in minutes (default
    /// [`DEFAULT_REFRESH_MINUTES`]).
    pub refresh_minutes: Option<u32>,
}

/// An export and what it holds.
#[derive(Clone, Debug)]
pub struct Export {
    /// The iCalendar text.
    pub text: String,
    /// How many events it has.
    pub events: usize,
    /// Sessions were left out (the 10,000 sessions, the work budget or [`MAX_ICS_BYTES`]).
    pub truncated: bool,
}

/// The sessions asked for as an iCalendar document named after the publisher, refreshed daily:
/// the widget's download and `cogov ics` ([`calendar_ics_for`] without a [`Subscription`]).
///
/// At most 10,000 events and about [`MAX_ICS_BYTES`] of text; when anything was left out the
/// calendar has `X-COGOV-TRUNCATED:TRUE`.
///
/// Errors: an unknown body (`arg.body`), session (`arg.session`) or series (`arg.series`), a
/// base url that is not http(s) or longer than [`MAX_BASE_URL`] bytes (`arg.url`).
pub fn calendar_ics(ds: &Dataset, q: &IcsQuery) -> Result<String, Problem> {
    calendar_ics_for(ds, q, &Subscription::default()).map(|e| e.text)
}

/// The sessions asked for as an iCalendar document, as [`calendar_ics`] writes it, with the
/// name, URL and refresh interval of `sub`: what `cogov publish` writes for each file.
///
/// Errors: as [`calendar_ics`]; `sub.url` is checked as a base url is (`arg.url`).
pub fn calendar_ics_for(ds: &Dataset, q: &IcsQuery, sub: &Subscription) -> Result<Export, Problem> {
    check_base_url(q.base_url)?;
    check_base_url(sub.url)?;
    // one expansion budget for the series' occurrences and those that overrides name
    let ex = expander(ds);
    let (views, truncated) = match (q.session, q.series) {
        (Some(id), _) => (
            vec![find_session(ds, id, q.lang, NO_CLOCK).ok_or_else(|| {
                Problem::error(
                    "",
                    Code::ArgSession,
                    format!("{} is not the id of any session", crate::text::quote(id)),
                )
            })?],
            false,
        ),
        (None, Some(id)) => series_views(ds, &ex, id, q)?,
        (None, None) => {
            let list = sessions(
                ds,
                &SessionQuery {
                    from: q.from,
                    to: q.to,
                    body: q.body,
                    lang: q.lang,
                    cap: HARD_CAP,
                    now: NO_CLOCK,
                },
            )?;
            (list.sessions, list.truncated)
        }
    };
    Ok(export(ds, &ex, &views, truncated, q, sub))
}

/// The sessions of series `id` in `q`'s window, and whether some were left out (`arg.series`
/// when there is no such series, `arg.body` for an unknown `q.body`).
#[cfg(not(target_arch = "wasm32"))]
fn series_views(
    ds: &Dataset,
    ex: &Expander,
    id: &str,
    q: &IcsQuery,
) -> Result<(Vec<SessionView>, bool), Problem> {
    let i = series_index(ds, Some(id)).ok_or_else(|| {
        Problem::error(
            "",
            Code::ArgSeries,
            format!("{} is not the id of any series", crate::text::quote(id)),
        )
    })?;
    known_body(ds, q.body)?;
    let records = series_records(ds);
    let l = series_window(ds, ex, i, &records[i], (q.from, q.to), q.lang);
    Ok((l.sessions, l.truncated))
}

/// The wasm has no calendar of one series: no element asks for one (the widget links to the
/// file `cogov publish` wrote), and it would cost about 0.9 KB gzip of every calendar wasm.
#[cfg(target_arch = "wasm32")]
fn series_views(
    _: &Dataset,
    _: &Expander,
    _: &str,
    _: &IcsQuery,
) -> Result<(Vec<SessionView>, bool), Problem> {
    Err(Problem::error(
        "",
        Code::ArgSeries,
        "the calendar of one series is made by `cogov ics --series` and `cogov publish`",
    ))
}

/// The document of `views` (those of `q`'s body and series), cut at [`MAX_ICS_BYTES`].
fn export(
    ds: &Dataset,
    ex: &Expander,
    views: &[SessionView],
    mut truncated: bool,
    q: &IcsQuery,
    sub: &Subscription,
) -> Export {
    let publisher = &ds.feed.publisher;
    let mut uids = crate::ids::Ids::new();
    let mut bytes = 0usize;
    let mut all: Vec<Texts> = Vec::new();
    let wanted = |v: &&SessionView| {
        q.body.is_none_or(|b| b == v.body)
            && q.series.is_none_or(|s| v.series.as_deref() == Some(s))
    };
    for v in views.iter().filter(wanted) {
        let mut who = identity(ds, ex, v);
        // two overrides of one occurrence: the second keeps its own id
        if uids.get(&who.id).is_some() {
            who.id = v.id.clone();
        }
        uids.insert(who.id.clone(), 0);
        let t = texts(v, who, &publisher.id, q.lang, q.base_url);
        bytes += t.len();
        if bytes > MAX_ICS_BYTES {
            truncated = true;
            break;
        }
        all.push(t);
    }
    let cal = Calendar {
        name: sub.name.unwrap_or(publisher.name.get(q.lang)),
        prodid: "-//cogov//cogov//KO",
        url: sub.url,
        refresh_interval_minutes: Some(sub.refresh_minutes.unwrap_or(DEFAULT_REFRESH_MINUTES)),
        dtstamp_utc: q.dtstamp_utc,
        events: all.iter().map(event).collect(),
        truncated,
    };
    Export {
        text: ics::to_string(&cal),
        events: all.len(),
        truncated,
    }
}

/// The per-series calendars of `cogov publish` in one pass: one expander, so every series file
/// together takes at most one query's work ([`crate::recur::QUERY_STEPS`]), and the explicit
/// sessions of each series indexed once (not a scan of every session per file). Native only
/// (the CLI's).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) struct SeriesPass<'d> {
    ds: &'d Dataset,
    ex: Expander<'d>,
    records: Vec<Vec<u32>>,
}

#[cfg(not(target_arch = "wasm32"))]
impl<'d> SeriesPass<'d> {
    pub fn new(ds: &'d Dataset) -> Self {
        SeriesPass {
            ds,
            ex: expander(ds),
            records: series_records(ds),
        }
    }

    /// Series `i`'s calendar for `q`'s window (`q.series` and `q.body` are ignored): what
    /// [`calendar_ics_for`] writes for `q.series` = its id.
    pub fn export(&self, i: usize, q: &IcsQuery, sub: &Subscription) -> Result<Export, Problem> {
        check_base_url(q.base_url)?;
        check_base_url(sub.url)?;
        let ds = self.ds;
        let records = self.records.get(i).map_or(&[][..], |r| &r[..]);
        let l = series_window(ds, &self.ex, i, records, (q.from, q.to), q.lang);
        let q = IcsQuery {
            series: Some(&ds.feed.series[i].id),
            body: None,
            session: None,
            ..*q
        };
        Ok(export(ds, &self.ex, &l.sessions, l.truncated, &q, sub))
    }

    /// Whether the pass's work budget ran out (the later series were cut or left out).
    pub fn exhausted(&self) -> bool {
        self.ex.budget_exhausted()
    }

    /// Steps taken so far.
    #[cfg(test)]
    pub fn steps(&self) -> u64 {
        self.ex.steps()
    }
}

/// A Google Calendar "add event" link for one session.
///
/// Errors: an unknown session (`arg.session`).
pub fn google_link(
    ds: &Dataset,
    id: &str,
    lang: Lang,
    base_url: Option<&str>,
) -> Result<String, Problem> {
    check_base_url(base_url)?;
    let v = find_session(ds, id, lang, NO_CLOCK).ok_or_else(|| {
        Problem::error(
            "",
            Code::ArgSession,
            format!("{} is not the id of any session", crate::text::quote(id)),
        )
    })?;
    let who = identity(ds, &expander(ds), &v);
    let t = texts(&v, who, &ds.feed.publisher.id, lang, base_url);
    Ok(ics::google_calendar_url(&event(&t), None))
}
