//! RFC 5545 iCalendar writer (with RFC 7986 calendar properties) and a Google
//! Calendar "add event" link builder.
//!
//! # Conventions
//!
//! - **Time zone.** Every [`When::Local`] is wall-clock time in Korea Standard
//!   Time (Asia/Seoul, UTC+9, no DST since 1988). It is written as
//!   `DTSTART;TZID=Asia/Seoul:20260714T100000`, and one `VTIMEZONE` for
//!   Asia/Seoul is emitted if (and only if) the calendar holds a timed value.
//!   All-day values ([`When::Date`]) are written as `DTSTART;VALUE=DATE:20260714`.
//! - **End is inclusive for all-day events.** [`Event::end`] holds the *last
//!   day* of an all-day event (a 14–16 July meeting has `end: Some(Date(16 July))`).
//!   The writer converts it to the exclusive `DTEND;VALUE=DATE:20260717` that
//!   RFC 5545 requires (and to Google's exclusive `dates=` range) in one
//!   place, `normalized_end`. Timed ends are the end instant, as usual.
//!   An end that is not after the start is dropped (an all-day event then lasts
//!   one day, a timed one is instantaneous), and an end of the other value type
//!   is converted to the start's type (RFC 5545 requires them to match).
//! - **EXDATE / RECURRENCE-ID** are converted to DTSTART's value type, too
//!   (a date for an all-day series; for a timed series a bare date takes
//!   the start's time of day).
//! - **No clock.** `DTSTAMP` comes from [`Calendar::dtstamp_utc`] (UTC).
//! - **Never panics.** Years outside 0000–9999 (unrepresentable in iCalendar)
//!   are clamped; control characters in text are dropped (CR/LF become `\n`);
//!   an RRULE that is not a plain RECUR value is omitted (see [`Event::rrule`]).
//!
//! # Output
//!
//! Output uses CRLF everywhere and folds content lines at 75 octets while
//! writing (never inside a UTF-8 character). [`write()`] appends to one
//! `String`; nothing is allocated per line.

mod gcal;
mod line;

#[cfg(test)]
mod tests;

pub use gcal::{google_calendar_url, percent_encode};

use crate::kst::{offset_ics, tzid};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use line::Lines;

/// The only time zone the writer emits (`TZID` of the `VTIMEZONE`).
pub const TZID: &str = crate::kst::TZID;

/// A date (all-day) or a local date-time in Korea Standard Time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum When {
    /// All-day value: `VALUE=DATE`.
    Date(NaiveDate),
    /// Wall-clock time in Asia/Seoul: `TZID=Asia/Seoul`.
    Local(NaiveDateTime),
}

impl When {
    fn date(self) -> NaiveDate {
        match self {
            When::Date(d) => d,
            When::Local(t) => t.date(),
        }
    }

    /// This value expressed in the value type of `like` (date vs date-time).
    /// A date becoming a date-time takes `like`'s time of day.
    fn same_type_as(self, like: When) -> When {
        match (self, like) {
            (When::Local(t), When::Date(_)) => When::Date(t.date()),
            (When::Date(d), When::Local(s)) => When::Local(d.and_time(s.time())),
            (w, _) => w,
        }
    }
}

/// `STATUS` of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Status {
    Tentative,
    #[default]
    Confirmed,
    Cancelled,
}

impl Status {
    /// The iCalendar keyword.
    ///
    /// ```
    /// assert_eq!(cogov::ics::Status::Cancelled.as_str(), "CANCELLED");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Tentative => "TENTATIVE",
            Status::Confirmed => "CONFIRMED",
            Status::Cancelled => "CANCELLED",
        }
    }
}

/// One `VEVENT`. Build it with [`Event::new`] and set the optional fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    /// Globally unique and stable across publications, e.g. `"session-id@publisher-id"`.
    pub uid: &'a str,
    pub start: When,
    /// End. For an all-day event this is the **last day, inclusive**
    /// (converted to RFC 5545's exclusive `DTEND` by the writer).
    pub end: Option<When>,
    pub summary: &'a str,
    pub description: Option<&'a str>,
    pub location: Option<&'a str>,
    /// Written as the `URL` property (a URI: control characters are dropped).
    pub url: Option<&'a str>,
    pub status: Status,
    /// Bump when the event changes so clients replace their copy.
    pub sequence: u32,
    /// RRULE value, e.g. `"FREQ=WEEKLY;BYDAY=TU;COUNT=10"`, written verbatim.
    /// A leading `RRULE:` and any whitespace/control characters are removed;
    /// if anything else outside `A-Z a-z 0-9 ; = , + -` remains, the rule is
    /// omitted (so no text can inject lines or parameters). With a timed
    /// start, `UNTIL` must be in UTC (`...T145959Z`) per RFC 5545.
    pub rrule: Option<&'a str>,
    /// Excluded occurrences (converted to DTSTART's value type).
    pub exdates: &'a [When],
    /// For an overridden occurrence of a series: the original start of the
    /// occurrence (same `uid` as the series).
    pub recurrence_id: Option<When>,
    /// `CATEGORIES`; empty strings are skipped.
    pub categories: &'a [&'a str],
    /// `LAST-MODIFIED`, in UTC: when the record behind the event last changed.
    pub last_modified: Option<NaiveDateTime>,
}

impl<'a> Event<'a> {
    /// A confirmed, non-recurring event with sequence 0 and no optional fields.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use cogov::ics::{Event, When, Status};
    /// let day = NaiveDate::from_ymd_opt(2026, 7, 14).unwrap();
    /// let mut e = Event::new("s1@pub", When::Date(day), "제1차 회의");
    /// e.status = Status::Tentative;
    /// assert_eq!(e.end, None);
    /// ```
    pub fn new(uid: &'a str, start: When, summary: &'a str) -> Self {
        Event {
            uid,
            start,
            end: None,
            summary,
            description: None,
            location: None,
            url: None,
            status: Status::Confirmed,
            sequence: 0,
            rrule: None,
            exdates: &[],
            recurrence_id: None,
            categories: &[],
            last_modified: None,
        }
    }
}

/// A `VCALENDAR` (`METHOD:PUBLISH`) holding events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar<'a> {
    /// Calendar name: RFC 7986 `NAME` and the older `X-WR-CALNAME`.
    pub name: &'a str,
    /// `PRODID`, e.g. `"-//cogov//cogov 0.1//KO"`.
    pub prodid: &'a str,
    /// RFC 7986 `URL` and `SOURCE` of the calendar itself (where it can be re-fetched).
    pub url: Option<&'a str>,
    /// RFC 7986 `REFRESH-INTERVAL` (and `X-PUBLISHED-TTL`) in minutes; `0` or `None` omits it.
    pub refresh_interval_minutes: Option<u32>,
    /// `DTSTAMP` of every event, in UTC (the caller reads the clock).
    pub dtstamp_utc: NaiveDateTime,
    pub events: Vec<Event<'a>>,
    /// The events are not all there were: written as `X-COGOV-TRUNCATED:TRUE`.
    pub truncated: bool,
}

/// Appends the calendar as iCalendar text to `out`.
///
/// ```
/// use chrono::NaiveDate;
/// use cogov::ics::{self, Calendar, Event, When};
/// let d = NaiveDate::from_ymd_opt(2026, 7, 14).unwrap();
/// let cal = Calendar {
///     name: "의회 일정",
///     prodid: "-//cogov//cogov//KO",
///     url: None,
///     refresh_interval_minutes: Some(60),
///     dtstamp_utc: d.and_hms_opt(0, 0, 0).unwrap(),
///     truncated: false,
///     events: vec![Event::new("s1@pub", When::Local(d.and_hms_opt(10, 0, 0).unwrap()), "본회의")],
/// };
/// let mut out = String::new();
/// ics::write(&cal, &mut out);
/// assert!(out.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
/// assert!(out.contains("\r\nDTSTART;TZID=Asia/Seoul:20260714T100000\r\n"));
/// assert!(out.ends_with("END:VCALENDAR\r\n"));
/// ```
pub fn write(cal: &Calendar, out: &mut String) {
    // One reservation up front: fixed lines plus text, with room for escapes and folds.
    let text: usize = cal.events.iter().map(text_len).sum();
    out.reserve(1024 + cal.events.len() * 320 + text + text / 16);
    let mut w = Lines::new(out);
    w.line("BEGIN:VCALENDAR");
    w.line("VERSION:2.0");
    w.text_line("PRODID", cal.prodid);
    w.line("CALSCALE:GREGORIAN");
    w.line("METHOD:PUBLISH");
    w.text_line("NAME", cal.name);
    w.text_line("X-WR-CALNAME", cal.name);
    w.line(concat!("X-WR-TIMEZONE:", tzid!()));
    if let Some(url) = cal.url {
        // RFC 7986: URL is where the calendar is described, SOURCE where it is refreshed from
        for name in ["URL;VALUE=URI:", "SOURCE;VALUE=URI:"] {
            w.raw(name);
            w.sanitized(url);
            w.end();
        }
    }
    if let Some(m) = cal.refresh_interval_minutes.filter(|&m| m > 0) {
        let mut n = Digits::new();
        n.num(m);
        w.raw("REFRESH-INTERVAL;VALUE=DURATION:PT");
        w.raw(n.as_str());
        w.line("M");
        w.raw("X-PUBLISHED-TTL:PT");
        w.raw(n.as_str());
        w.line("M");
    }
    if cal.truncated {
        w.line("X-COGOV-TRUNCATED:TRUE");
    }
    if cal.events.iter().any(has_timed_value) {
        write_vtimezone(&mut w);
    }
    let mut stamp = Digits::new();
    stamp.date_time(cal.dtstamp_utc);
    stamp.push(b'Z');
    for e in &cal.events {
        write_event(&mut w, e, stamp.as_str());
    }
    w.line("END:VCALENDAR");
}

/// Returns the calendar as iCalendar text (see [`write()`]).
///
/// ```
/// use chrono::NaiveDate;
/// use cogov::ics::{self, Calendar};
/// let cal = Calendar {
///     name: "empty",
///     prodid: "-//cogov//cogov//KO",
///     url: None,
///     refresh_interval_minutes: None,
///     dtstamp_utc: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap(),
///     truncated: false,
///     events: vec![],
/// };
/// let text = ics::to_string(&cal);
/// assert!(!text.contains("VTIMEZONE")); // no timed event, no time zone
/// ```
pub fn to_string(cal: &Calendar) -> String {
    let mut out = String::new();
    write(cal, &mut out);
    out
}

fn text_len(e: &Event) -> usize {
    let opt = |s: Option<&str>| s.map_or(0, str::len);
    e.uid.len()
        + e.summary.len()
        + opt(e.description)
        + opt(e.location)
        + opt(e.url)
        + opt(e.rrule)
        + e.exdates.len() * 48
        + e.categories.iter().map(|c| c.len() + 1).sum::<usize>()
}

fn has_timed_value(e: &Event) -> bool {
    // The writer converts END/EXDATE/RECURRENCE-ID to the start's type, so the start decides.
    matches!(e.start, When::Local(_))
}

/// Asia/Seoul has been UTC+9 without DST since the 1988 DST period ended on
/// 1988-10-09 03:00. One STANDARD observance from then on, with
/// TZOFFSETFROM = TZOFFSETTO = +0900 so that no client computes a transition
/// (earlier times, which do not occur in council data, also read as +0900).
fn write_vtimezone(w: &mut Lines) {
    for l in [
        "BEGIN:VTIMEZONE",
        concat!("TZID:", tzid!()),
        concat!("X-LIC-LOCATION:", tzid!()),
        "BEGIN:STANDARD",
        concat!("TZOFFSETFROM:", offset_ics!()),
        concat!("TZOFFSETTO:", offset_ics!()),
        "TZNAME:KST",
        "DTSTART:19881009T030000",
        "END:STANDARD",
        "END:VTIMEZONE",
    ] {
        w.line(l);
    }
}

/// The RFC 5545 end of `e`: exclusive for all-day events, of the same value
/// type as the start, and strictly after it; `None` if there is no valid end.
/// This is the **one place** where the inclusive all-day end becomes exclusive.
fn normalized_end(e: &Event) -> Option<When> {
    let end = e.end?;
    match e.start {
        When::Date(s) => {
            let last = end.date();
            if last < s {
                return None;
            }
            Some(When::Date(last.succ_opt().unwrap_or(last)))
        }
        When::Local(s) => {
            let t = match end {
                When::Local(t) => t,
                // An all-day end for a timed start: up to the end of that day.
                When::Date(d) => d
                    .and_time(NaiveTime::MIN)
                    .checked_add_signed(TimeDelta::days(1))
                    .unwrap_or(d.and_time(NaiveTime::MIN)),
            };
            (t > s).then_some(When::Local(t))
        }
    }
}

/// Writes `NAME;VALUE=DATE:20260714` or `NAME;TZID=Asia/Seoul:20260714T100000`.
fn when_line(w: &mut Lines, name: &str, v: When) {
    let mut d = Digits::new();
    w.raw(name);
    match v {
        When::Date(x) => {
            w.raw(";VALUE=DATE:");
            d.date(x);
        }
        When::Local(x) => {
            w.raw(concat!(";TZID=", tzid!(), ":"));
            d.date_time(x);
        }
    }
    w.raw(d.as_str());
    w.end();
}

fn write_event(w: &mut Lines, e: &Event, dtstamp: &str) {
    w.line("BEGIN:VEVENT");
    w.text_line("UID", e.uid);
    w.raw("DTSTAMP:");
    w.line(dtstamp);
    if let Some(t) = e.last_modified {
        let mut d = Digits::new();
        d.date_time(t);
        d.push(b'Z');
        w.raw("LAST-MODIFIED:");
        w.line(d.as_str());
    }
    when_line(w, "DTSTART", e.start);
    if let Some(end) = normalized_end(e) {
        when_line(w, "DTEND", end);
    }
    if let Some(r) = e.recurrence_id {
        when_line(w, "RECURRENCE-ID", r.same_type_as(e.start));
    }
    if let Some(rule) = e.rrule {
        write_rrule(w, rule);
    }
    for x in e.exdates {
        when_line(w, "EXDATE", x.same_type_as(e.start));
    }
    let mut n = Digits::new();
    n.num(e.sequence);
    w.raw("SEQUENCE:");
    w.line(n.as_str());
    w.raw("STATUS:");
    w.line(e.status.as_str());
    w.text_line("SUMMARY", e.summary);
    if let Some(s) = e.description {
        w.text_line("DESCRIPTION", s);
    }
    if let Some(s) = e.location {
        w.text_line("LOCATION", s);
    }
    if let Some(s) = e.url {
        w.raw("URL;VALUE=URI:");
        w.sanitized(s);
        w.end();
    }
    let mut first = true;
    for c in e.categories.iter().filter(|c| !c.is_empty()) {
        w.raw(if first { "CATEGORIES:" } else { "," });
        w.text(c);
        first = false;
    }
    if !first {
        w.end();
    }
    w.line("END:VEVENT");
}

/// Writes the sanitised `RRULE` line, or nothing if the rule must be omitted.
fn write_rrule(w: &mut Lines, rule: &str) {
    let Some(rule) = rrule_value(rule) else {
        return;
    };
    w.raw("RRULE:");
    // `rrule_value` admits ASCII only, so every index is a char boundary.
    let mut run = 0;
    for (i, b) in rule.bytes().enumerate() {
        if rrule_skip(b) {
            w.raw(rule.get(run..i).unwrap_or(""));
            run = i + 1;
        }
    }
    w.raw(rule.get(run..).unwrap_or(""));
    w.end();
}

/// The RRULE value without a leading `RRULE:`, if it is acceptable (see
/// [`Event::rrule`]). The caller still drops the bytes for which [`rrule_skip`] holds.
pub(crate) fn rrule_value(rule: &str) -> Option<&str> {
    let rule = rule.trim();
    let rule = match rule.get(..6) {
        Some(p) if p.eq_ignore_ascii_case("RRULE:") => rule.get(6..).unwrap_or(""),
        _ => rule,
    };
    let ok = rule.bytes().all(|b| rrule_keep(b) || rrule_skip(b));
    (ok && rule.bytes().any(rrule_keep)).then_some(rule)
}

fn rrule_keep(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b';' | b'=' | b',' | b'+' | b'-')
}

pub(crate) fn rrule_skip(b: u8) -> bool {
    b.is_ascii_whitespace() || b.is_ascii_control()
}

/// A tiny stack buffer for ASCII digits: dates, date-times, numbers. 40 bytes
/// hold the longest use, `YYYYMMDDTHHMMSS/YYYYMMDDTHHMMSS` (31); excess is dropped, never a panic.
pub(crate) struct Digits {
    buf: [u8; 40],
    len: usize,
}

impl Digits {
    pub(crate) fn new() -> Self {
        Digits {
            buf: [0; 40],
            len: 0,
        }
    }

    pub(crate) fn push(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    fn fixed(&mut self, v: u32, width: u32) {
        for k in (0..width).rev() {
            self.push(b'0' + ((v / 10u32.pow(k)) % 10) as u8);
        }
    }

    pub(crate) fn num(&mut self, v: u32) {
        let width = v.checked_ilog10().unwrap_or(0) + 1;
        self.fixed(v, width);
    }

    /// `YYYYMMDD`; years outside 0000–9999 are clamped.
    pub(crate) fn date(&mut self, d: NaiveDate) {
        let (y, m, day) = match d.year() {
            y if y < 0 => (0, 1, 1),
            y if y > 9999 => (9999, 12, 31),
            y => (y as u32, d.month(), d.day()),
        };
        self.fixed(y, 4);
        self.fixed(m, 2);
        self.fixed(day, 2);
    }

    /// `YYYYMMDDTHHMMSS` (seconds truncated; a leap second reads as :59).
    pub(crate) fn date_time(&mut self, t: NaiveDateTime) {
        self.date(t.date());
        self.push(b'T');
        self.fixed(t.hour(), 2);
        self.fixed(t.minute(), 2);
        self.fixed(t.second().min(59), 2);
    }

    pub(crate) fn when(&mut self, v: When) {
        match v {
            When::Date(d) => self.date(d),
            When::Local(t) => self.date_time(t),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }
}
