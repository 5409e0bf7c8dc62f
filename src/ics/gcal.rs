//! Google Calendar "add event" link (`action=TEMPLATE`) and its percent-encoder.

use super::{normalized_end, rrule_skip, rrule_value, Digits, Event, When};

const BASE: &str = "https://calendar.google.com/calendar/render?action=TEMPLATE";

/// A link that opens Google Calendar's "new event" form pre-filled with `e`.
///
/// - `text` = summary, `details` = description followed by a blank line and
///   `details_url` (or, if `None`, [`Event::url`]), `location`, `ctz=Asia/Seoul`;
/// - `dates`: all-day `YYYYMMDD/YYYYMMDD` with an **exclusive** end (the
///   event's inclusive last day + 1; one day if there is no end); timed
///   `YYYYMMDDTHHMMSS/YYYYMMDDTHHMMSS` in local Seoul time (no end: zero length);
/// - `recur=RRULE:...` if the event has an acceptable RRULE (EXDATEs are not
///   expressible in the link and are left out);
/// - every value is UTF-8 percent-encoded with [`percent_encode`]; CR/LF become
///   LF and other control characters except TAB are dropped.
///
/// ```
/// use chrono::NaiveDate;
/// use cogov::ics::{google_calendar_url, Event, When};
/// let d = NaiveDate::from_ymd_opt(2026, 7, 14).unwrap();
/// let mut e = Event::new("s1@pub", When::Date(d), "본회의");
/// e.end = Some(When::Date(NaiveDate::from_ymd_opt(2026, 7, 16).unwrap())); // inclusive
/// assert_eq!(
///     google_calendar_url(&e, None),
///     "https://calendar.google.com/calendar/render?action=TEMPLATE\
///      &text=%EB%B3%B8%ED%9A%8C%EC%9D%98&dates=20260714/20260717&ctz=Asia%2FSeoul"
/// );
/// ```
pub fn google_calendar_url(e: &Event, details_url: Option<&str>) -> String {
    let mut out = String::with_capacity(
        BASE.len() + 96 + 3 * (e.summary.len() + e.description.map_or(0, str::len)),
    );
    out.push_str(BASE);

    out.push_str("&text=");
    encode_text(e.summary, &mut out);

    let end = normalized_end(e).unwrap_or(match e.start {
        When::Date(d) => When::Date(d.succ_opt().unwrap_or(d)),
        timed => timed,
    });
    let mut d = Digits::new();
    d.when(e.start);
    d.push(b'/');
    d.when(end);
    out.push_str("&dates=");
    out.push_str(d.as_str()); // digits, 'T' and '/' need no encoding

    let link = details_url.or(e.url).filter(|s| !s.is_empty());
    let desc = e.description.filter(|s| !s.is_empty());
    if desc.is_some() || link.is_some() {
        out.push_str("&details=");
        if let Some(s) = desc {
            encode_text(s, &mut out);
        }
        if let Some(u) = link {
            if desc.is_some() {
                out.push_str("%0A%0A");
            }
            encode_text(u, &mut out);
        }
    }
    if let Some(s) = e.location.filter(|s| !s.is_empty()) {
        out.push_str("&location=");
        encode_text(s, &mut out);
    }
    if let Some(rule) = e.rrule.and_then(rrule_value) {
        out.push_str("&recur=RRULE%3A");
        for b in rule.bytes().filter(|&b| !rrule_skip(b)) {
            encode_byte(b, &mut out);
        }
    }
    out.push_str(concat!("&ctz=", crate::kst::tzid_url!()));
    out
}

/// Appends `s` percent-encoded as UTF-8 (RFC 3986): only the unreserved
/// characters `A-Z a-z 0-9 - . _ ~` stay as they are; every other byte becomes
/// `%XX` (uppercase hex), so space is `%20`, never `+`. Safe for any query
/// value or path segment.
///
/// ```
/// let mut out = String::new();
/// cogov::ics::percent_encode("a b&c=d/회의~", &mut out);
/// assert_eq!(out, "a%20b%26c%3Dd%2F%ED%9A%8C%EC%9D%98~");
/// ```
pub fn percent_encode(s: &str, out: &mut String) {
    for b in s.bytes() {
        encode_byte(b, out);
    }
}

#[inline]
fn encode_byte(b: u8, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
        out.push(b as char);
    } else {
        out.push('%');
        out.push(HEX[usize::from(b >> 4)] as char);
        out.push(HEX[usize::from(b & 15)] as char);
    }
}

/// Percent-encodes free text: CRLF and lone CR become LF; other control
/// characters except TAB and LF are dropped.
fn encode_text(s: &str, out: &mut String) {
    let mut prev_cr = false;
    for b in s.bytes() {
        match b {
            b'\r' => encode_byte(b'\n', out),
            b'\n' if prev_cr => {}
            b'\n' | b'\t' => encode_byte(b, out),
            0..=0x1f | 0x7f => {}
            _ => encode_byte(b, out),
        }
        prev_cr = b == b'\r';
    }
}
