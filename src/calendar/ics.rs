//! Sessions as iCalendar: one `VEVENT` per expanded instance (UID `{id}@{publisher}`,
//! `SEQUENCE:0`, `STATUS:CANCELLED` for cancelled sessions), written by [`crate::ics`], and
//! Google Calendar links for one session.

use super::expand::{find_session, sessions, SessionQuery, SessionView};
use crate::dataset::Dataset;
use crate::date::When;
use crate::ics::{self, Calendar, Event, Status};
use crate::problem::Problem;
use crate::recur::HARD_CAP;
use crate::text::{self, Lang};
use chrono::{Days, NaiveDate, NaiveDateTime};

/// The longest `base_url` accepted (it is repeated in every event).
pub const MAX_BASE_URL: usize = 2048;

/// The .ics text stops taking events once their texts pass this many bytes (the document then
/// says `X-COGOV-TRUNCATED:TRUE`, as it does when the sessions were cut at 10,000).
pub const MAX_ICS_BYTES: usize = 8 << 20;

/// A base URL must be http(s) and at most [`MAX_BASE_URL`] bytes (`arg.url`).
fn check_base_url(base: Option<&str>) -> Result<(), Problem> {
    let Some(b) = base else { return Ok(()) };
    let bad = |message: String| Err(Problem::error("", "arg.url", message));
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

fn texts(v: &SessionView, publisher: &str, lang: Lang, base_url: Option<&str>) -> Texts {
    let summary = match v.number {
        Some(n) => {
            let n = n.to_string();
            match lang {
                Lang::Ko => concat(&["제", &n, v.counter, " ", &v.title]),
                _ => concat(&[&v.title, " (No. ", &n, ")"]),
            }
        }
        None => v.title.clone(),
    };
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
    Texts {
        uid: concat(&[&v.id, "@", publisher]),
        summary,
        description: Some(description),
        location,
        url: base_url.map(|b| match text::contains(b, "#") {
            true => concat(&[b, &v.id]),
            false => concat(&[b, "#", &v.id]),
        }),
        start: when(v.start_when),
        end: v.end_when.map(when),
        status: match v.status {
            "cancelled" => Status::Cancelled,
            "postponed" => Status::Tentative,
            _ => Status::Confirmed,
        },
        kind: v.kind,
    }
}

fn event(t: &Texts) -> Event<'_> {
    let mut e = Event::new(&t.uid, t.start, &t.summary);
    e.end = t.end;
    e.description = t.description.as_deref();
    e.location = t.location.as_deref();
    e.url = t.url.as_deref();
    e.status = t.status;
    e.sequence = 0;
    e.categories = std::slice::from_ref(&t.kind);
    e
}

/// The sessions asked for as an iCalendar document named after the publisher, refreshed daily.
///
/// At most 10,000 events and about [`MAX_ICS_BYTES`] of text; when anything was left out the
/// calendar has `X-COGOV-TRUNCATED:TRUE`.
///
/// Errors: an unknown body (`arg.body`) or session (`arg.session`), a base url that is not
/// http(s) or longer than [`MAX_BASE_URL`] bytes (`arg.url`).
pub fn calendar_ics(ds: &Dataset, q: &IcsQuery) -> Result<String, Problem> {
    check_base_url(q.base_url)?;
    let mut truncated = false;
    let views = match q.session {
        Some(id) => vec![find_session(ds, id, q.lang).ok_or_else(|| {
            Problem::error(
                "",
                "arg.session",
                format!("{} is not the id of any session", crate::text::quote(id)),
            )
        })?],
        None => {
            let list = sessions(
                ds,
                &SessionQuery {
                    from: q.from,
                    to: q.to,
                    body: q.body,
                    lang: q.lang,
                    cap: HARD_CAP,
                },
            )?;
            truncated = list.truncated;
            list.sessions
        }
    };
    let publisher = &ds.feed.publisher;
    let mut bytes = 0usize;
    let mut all: Vec<Texts> = Vec::new();
    for v in views.iter().filter(|v| q.body.is_none_or(|b| b == v.body)) {
        let t = texts(v, &publisher.id, q.lang, q.base_url);
        bytes += t.len();
        if bytes > MAX_ICS_BYTES {
            truncated = true;
            break;
        }
        all.push(t);
    }
    let cal = Calendar {
        name: publisher.name.get(q.lang),
        prodid: "-//cogov//cogov//KO",
        url: None,
        refresh_interval_minutes: Some(24 * 60),
        dtstamp_utc: q.dtstamp_utc,
        events: all.iter().map(event).collect(),
        truncated,
    };
    Ok(ics::to_string(&cal))
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
    let v = find_session(ds, id, lang).ok_or_else(|| {
        Problem::error(
            "",
            "arg.session",
            format!("{} is not the id of any session", crate::text::quote(id)),
        )
    })?;
    let t = texts(&v, &ds.feed.publisher.id, lang, base_url);
    Ok(ics::google_calendar_url(&event(&t), None))
}
