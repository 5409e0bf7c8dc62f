//! Dates as the feed writes them: ISO calendar dates, partial dates and local date-times in
//! Korea Standard Time (Asia/Seoul, UTC+9, no daylight saving since 1988).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Years the feed may use; anything else is almost certainly a typo.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date or a local date-time: the start or end of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum When {
    /// An all-day date.
    Date(NaiveDate),
    /// A local date-time (KST).
    At(NaiveDateTime),
}

impl When {
    /// The calendar day.
    ///
    /// ```
    /// let w = cogov::date::parse_when("2022-01-13T10:00").unwrap();
    /// assert_eq!(w.date(), cogov::date::parse_date("2022-01-13").unwrap());
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            When::Date(d) => *d,
            When::At(t) => t.date(),
        }
    }
    /// Start of the value as a date-time (midnight for dates).
    ///
    /// ```
    /// use cogov::date::{iso_local, parse_when};
    /// assert_eq!(iso_local(parse_when("2022-01-13").unwrap().start()), "2022-01-13T00:00");
    /// ```
    pub fn start(&self) -> NaiveDateTime {
        match self {
            When::Date(d) => d.and_time(NaiveTime::MIN),
            When::At(t) => *t,
        }
    }
    /// ISO text: `2026-07-14` or `2026-07-14T10:00`.
    ///
    /// ```
    /// use cogov::date::{parse_when, When};
    /// assert_eq!(parse_when("2026-07-14T10:00").unwrap().iso(), "2026-07-14T10:00");
    /// assert_eq!(parse_when("2026-07-14").unwrap().iso(), "2026-07-14");
    /// ```
    pub fn iso(&self) -> String {
        match self {
            When::Date(d) => iso_date(*d),
            When::At(t) => iso_local(*t),
        }
    }
}

/// `YYYY-MM-DD` without chrono's formatting machinery (it is large in wasm).
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2018, 7, 16).unwrap();
/// assert_eq!(cogov::date::iso_date(d), "2018-07-16");
/// ```
pub fn iso_date(d: NaiveDate) -> String {
    let mut s = String::with_capacity(16);
    push_date(&mut s, d);
    s
}

/// Two digits of `n` (0..=99). Dates are written for every session and proposal of a view, so
/// they are written digit by digit rather than through `format!`.
fn push2(s: &mut String, n: u32) {
    s.push(char::from(b'0' + (n / 10 % 10) as u8));
    s.push(char::from(b'0' + (n % 10) as u8));
}

fn push_date(s: &mut String, d: NaiveDate) {
    use chrono::Datelike;
    match u32::try_from(d.year()) {
        Ok(y) if y <= 9999 => {
            push2(s, y / 100);
            push2(s, y % 100);
        }
        _ => s.push_str(&format!("{:04}", d.year())),
    }
    s.push('-');
    push2(s, d.month());
    s.push('-');
    push2(s, d.day());
}

/// `YYYY-MM-DDTHH:MM` (with `:SS` only when the seconds are not zero).
///
/// ```
/// let t = cogov::date::parse_local("2022-01-13T10:00").unwrap();
/// assert_eq!(cogov::date::iso_local(t), "2022-01-13T10:00");
/// ```
pub fn iso_local(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    let mut s = String::with_capacity(20);
    push_date(&mut s, t.date());
    s.push('T');
    push2(&mut s, t.hour());
    s.push(':');
    push2(&mut s, t.minute());
    if t.second() != 0 {
        s.push(':');
        push2(&mut s, t.second());
    }
    s
}

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    // by hand: every date of a feed goes through here, and `str::parse` is slow in wasm
    let mut n: u32 = 0;
    for &b in s {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
    }
    Some(n)
}

/// Parses `YYYY-MM-DD`, rejecting impossible dates (2023-02-30) and years outside [`YEARS`].
///
/// ```
/// use cogov::date::parse_date;
/// assert!(parse_date("2022-01-13").is_ok());
/// assert_eq!(parse_date("2023-02-30").unwrap_err(), "2023-02-30 is not a calendar date");
/// assert!(parse_date("13/01/2022").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let d = parse_window_date(s)?;
    let y = chrono::Datelike::year(&d);
    if !YEARS.contains(&y) {
        return Err(format!("year {y} is outside 1900-2200"));
    }
    Ok(d)
}

/// Parses `YYYY-MM-DD` of any year 0000–9999, rejecting impossible dates: a bound of a query's
/// window, which the calendar cuts to [`YEARS`] itself (a month grid of December 2200 reaches
/// into 2201).
///
/// ```
/// use cogov::date::parse_window_date;
/// assert_eq!(parse_window_date("2201-01-03").unwrap().to_string(), "2201-01-03");
/// assert!(parse_window_date("2201-02-29").is_err());
/// assert!(cogov::date::parse_date("2201-01-03").is_err());
/// ```
pub fn parse_window_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    // byte slices: no `str` boundary checks (and their panic formatting) in the wasm
    let ymd = match b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        true => (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..])),
        false => (None, None, None),
    };
    let (Some(y), Some(m), Some(d)) = ymd else {
        return Err(format!(
            "expected a date like 2026-07-14, found {}",
            crate::text::quote(s)
        ));
    };
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| format!("{s} is not a calendar date"))
}

/// Parses a year, year-month or date (`2019`, `2018-07`, `2018-07-16`) into its first day.
///
/// ```
/// use cogov::date::parse_partial;
/// assert_eq!(parse_partial("2019").unwrap().to_string(), "2019-01-01");
/// assert_eq!(parse_partial("2018-07").unwrap().to_string(), "2018-07-01");
/// assert!(parse_partial("2018-13").is_err());
/// ```
pub fn parse_partial(s: &str) -> Result<NaiveDate, String> {
    match s.len() {
        4 => digits(s.as_bytes())
            .map(|y| y as i32)
            .filter(|y| YEARS.contains(y))
            .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
            .ok_or_else(|| format!("expected a year like 2019, found {}", crate::text::quote(s))),
        7 => parse_date(&format!("{s}-01")).map_err(|_| {
            format!(
                "expected a month like 2018-07, found {}",
                crate::text::quote(s)
            )
        }),
        _ => parse_date(s),
    }
}

/// Parses a local date-time `YYYY-MM-DDTHH:MM` (seconds optional).
///
/// ```
/// use cogov::date::parse_local;
/// assert_eq!(parse_local("2022-01-13T10:00").unwrap().to_string(), "2022-01-13 10:00:00");
/// assert!(parse_local("2022-01-13T25:00").is_err());
/// assert!(parse_local("2022-01-13T10:00+09:00").is_err());
/// ```
pub fn parse_local(s: &str) -> Result<NaiveDateTime, String> {
    let bad = || {
        format!(
            "expected a local date-time like 2026-07-14T10:00, found {}",
            crate::text::quote(s)
        )
    };
    let (d, t) = crate::text::split_once(s, b'T').ok_or_else(bad)?;
    let date = parse_date(d)?;
    let tb = t.as_bytes();
    if !(tb.len() == 5 || tb.len() == 8) || tb[2] != b':' || (tb.len() == 8 && tb[5] != b':') {
        return Err(bad());
    }
    let h = digits(&tb[..2]).ok_or_else(bad)?;
    let mi = digits(&tb[3..5]).ok_or_else(bad)?;
    let se = if tb.len() == 8 {
        digits(&tb[6..]).ok_or_else(bad)?
    } else {
        0
    };
    let time =
        NaiveTime::from_hms_opt(h, mi, se).ok_or_else(|| format!("{t} is not a time of day"))?;
    Ok(date.and_time(time))
}

/// Parses a date or a local date-time.
///
/// ```
/// use cogov::date::{parse_when, When};
/// assert!(matches!(parse_when("2022-01-13"), Ok(When::Date(_))));
/// assert!(matches!(parse_when("2022-01-13T10:00"), Ok(When::At(_))));
/// ```
pub fn parse_when(s: &str) -> Result<When, String> {
    if s.len() > 10 {
        parse_local(s).map(When::At)
    } else {
        parse_date(s).map(When::Date)
    }
}
