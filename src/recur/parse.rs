//! Text → [`RuleSpec`]: syntax only. Ranges and combinations are checked by
//! [`RuleSpec::validate`].

use super::{Frequency, RecurCode, RecurError, WeekdayNum, MAX_YEAR, MIN_YEAR};
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use core::fmt;
use core::str::FromStr;

/// An unvalidated recurrence rule, as written in an `RRULE` value.
///
/// Build one with [`RuleSpec::parse`] (or by hand), then call
/// [`RuleSpec::validate`] to get something that can expand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSpec {
    /// `FREQ`
    pub freq: Frequency,
    /// `INTERVAL` (default 1)
    pub interval: u32,
    /// `COUNT`
    pub count: Option<u32>,
    /// `UNTIL`, in local time (a date is that date at 00:00; `Z` values are +9h)
    pub until: Option<NaiveDateTime>,
    /// `BYMONTH`
    pub by_month: Vec<u8>,
    /// `BYMONTHDAY` (negative counts from the end of the month)
    pub by_month_day: Vec<i8>,
    /// `BYDAY`
    pub by_day: Vec<WeekdayNum>,
    /// `BYSETPOS`
    pub by_set_pos: Vec<i16>,
    /// `BYYEARDAY` (negative counts from the end of the year)
    pub by_year_day: Vec<i16>,
    /// `BYWEEKNO` (weeks starting on `WKST`; negative counts from the end of the year)
    pub by_week_no: Vec<i8>,
    /// `BYHOUR`
    pub by_hour: Vec<u8>,
    /// `BYMINUTE`
    pub by_minute: Vec<u8>,
    /// `WKST` (default Monday)
    pub wkst: Weekday,
}

impl RuleSpec {
    /// Parses an `RRULE` value such as `FREQ=MONTHLY;BYDAY=2TU`, with or without a
    /// leading `RRULE:`. Part names and values are case-insensitive.
    ///
    /// ```
    /// use cogov::recur::{Frequency, RuleSpec};
    ///
    /// let spec = RuleSpec::parse("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU").unwrap();
    /// assert_eq!(spec.freq, Frequency::Weekly);
    /// assert_eq!(spec.interval, 2);
    /// let err = RuleSpec::parse("FREQ=DAILY;BYSECOND=9").unwrap_err();
    /// assert_eq!(err.code, "unsupported_part");
    /// ```
    pub fn parse(text: &str) -> Result<RuleSpec, RecurError> {
        let upper = text.trim().to_ascii_uppercase();
        let body = upper.strip_prefix("RRULE:").unwrap_or(&upper);
        if body.bytes().any(|b| matches!(b, b'\n' | b'\r')) {
            return Err(RecurError::new(
                RecurCode::UnsupportedProperty,
                "rrule text has several lines: pass dtstart and exdates separately",
            ));
        }
        if let Some((prop, _)) = crate::text::split_once(body, b':') {
            return Err(RecurError::new(
                RecurCode::UnsupportedProperty,
                format!("unsupported property {prop}: only an rrule value is accepted"),
            ));
        }
        if body.is_empty() {
            return Err(RecurError::new(RecurCode::EmptyRule, "empty rrule"));
        }
        let mut spec = RuleSpec {
            freq: Frequency::Yearly,
            interval: 1,
            count: None,
            until: None,
            by_month: Vec::new(),
            by_month_day: Vec::new(),
            by_day: Vec::new(),
            by_set_pos: Vec::new(),
            by_year_day: Vec::new(),
            by_week_no: Vec::new(),
            by_hour: Vec::new(),
            by_minute: Vec::new(),
            wkst: Weekday::Mon,
        };
        let mut seen = 0;
        for (i, part) in crate::text::split(body, b';').enumerate() {
            spec.part(&mut seen, i + 1, part)?;
        }
        if seen & 1 == 0 {
            return Err(RecurError::new(
                RecurCode::MissingFreq,
                format!("rrule {body} has no FREQ"),
            ));
        }
        Ok(spec)
    }

    /// Reads one `NAME=value` part into the spec; bit `k` of `seen` is set once part `k` (in
    /// the order of the match below, `FREQ` first) has been read.
    fn part(&mut self, seen: &mut u16, pos: usize, part: &str) -> Result<(), RecurError> {
        if crate::text::blank(part) {
            return Err(RecurError::new(
                RecurCode::EmptyPart,
                format!("empty rrule part at position {pos}"),
            ));
        }
        let (name, value) = crate::text::split_once(part, b'=').ok_or_else(|| {
            RecurError::new(
                RecurCode::BadPart,
                format!("rrule part {part} has no '=' and value"),
            )
        })?;
        let (name, value) = (name.trim(), value.trim());
        if value.is_empty() {
            return Err(RecurError::new(
                RecurCode::BadValue,
                format!("rrule part {name} has an empty value"),
            ));
        }
        // the value is read (and its errors reported) before a repeat is
        let k = match name {
            "FREQ" => {
                self.freq = freq(value)?;
                0
            }
            "INTERVAL" => {
                self.interval = int(name, value)?;
                1
            }
            "COUNT" => {
                self.count = Some(int(name, value)?);
                2
            }
            "UNTIL" => {
                self.until = Some(until(value)?);
                3
            }
            "BYMONTH" => {
                self.by_month = list(name, value, int)?;
                4
            }
            "BYMONTHDAY" => {
                self.by_month_day = list(name, value, int)?;
                5
            }
            "BYDAY" => {
                self.by_day = list(name, value, weekday_num)?;
                6
            }
            "BYSETPOS" => {
                self.by_set_pos = list(name, value, int)?;
                7
            }
            "WKST" => {
                self.wkst = weekday(value)?;
                8
            }
            "BYYEARDAY" => {
                self.by_year_day = list(name, value, int)?;
                9
            }
            "BYWEEKNO" => {
                self.by_week_no = list(name, value, int)?;
                10
            }
            "BYHOUR" => {
                self.by_hour = list(name, value, int)?;
                11
            }
            "BYMINUTE" => {
                self.by_minute = list(name, value, int)?;
                12
            }
            "BYSECOND" => {
                return Err(RecurError::new(
                    RecurCode::UnsupportedPart,
                    format!(
                        "unsupported rrule part {name}={value}: council rules use whole minutes"
                    ),
                ))
            }
            "BYEASTER" => {
                return Err(RecurError::new(
                    RecurCode::UnsupportedPart,
                    format!(
                        "unsupported rrule part {name}={value}: use BYMONTH, BYMONTHDAY and BYDAY"
                    ),
                ))
            }
            "RDATE" | "EXDATE" | "EXRULE" | "DTSTART" | "RRULE" => {
                return Err(RecurError::new(
                    RecurCode::UnsupportedPart,
                    format!("unsupported rrule part {name}={value}: not a part of an rrule value"),
                ))
            }
            _ => {
                return Err(RecurError::new(
                    RecurCode::UnknownPart,
                    format!("unknown rrule part {name}={value}"),
                ))
            }
        };
        if *seen & (1 << k) != 0 {
            return Err(duplicate(name));
        }
        *seen |= 1 << k;
        Ok(())
    }
}

impl FromStr for RuleSpec {
    type Err = RecurError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleSpec::parse(s)
    }
}

/// The error for a part given twice.
#[inline(never)]
fn duplicate(name: &str) -> RecurError {
    RecurError::new(
        RecurCode::DuplicatePart,
        format!("duplicate rrule part {name}"),
    )
}

fn freq(value: &str) -> Result<Frequency, RecurError> {
    match value {
        "YEARLY" => Ok(Frequency::Yearly),
        "MONTHLY" => Ok(Frequency::Monthly),
        "WEEKLY" => Ok(Frequency::Weekly),
        "DAILY" => Ok(Frequency::Daily),
        "HOURLY" | "MINUTELY" | "SECONDLY" => Err(RecurError::new(
            RecurCode::UnsupportedPart,
            format!("unsupported rrule part FREQ={value}: use FREQ=DAILY with BYHOUR and BYMINUTE"),
        )),
        _ => Err(RecurError::new(
            RecurCode::BadValue,
            format!("bad FREQ value {value}: expected YEARLY, MONTHLY, WEEKLY or DAILY"),
        )),
    }
}

/// An integer part value; `T` narrows it (out of range is a bad value too).
fn int<T: TryFrom<i64>>(name: &str, value: &str) -> Result<T, RecurError> {
    int64(value)
        .and_then(|n| T::try_from(n).ok())
        .ok_or_else(|| bad_int(name, value))
}

#[inline(never)]
fn bad_int(name: &str, value: &str) -> RecurError {
    RecurError::new(RecurCode::BadValue, format!("bad {name} value {value}"))
}

/// An optionally signed decimal integer (`+5`, `-1`, `12`), `None` when not one or when it
/// does not fit in `i64`. (Not `str::parse`, whose generic code would be kept for this alone.)
#[inline(never)]
fn int64(value: &str) -> Option<i64> {
    let (neg, digits) = match value.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        b => (false, b),
    };
    if digits.is_empty() {
        return None;
    }
    // Accumulated negatively so that `i64::MIN` fits.
    let mut n: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.checked_mul(10)?.checked_sub((c - b'0') as i64)?;
    }
    if neg {
        Some(n)
    } else {
        n.checked_neg()
    }
}

/// Reads a comma-separated list with `item` (through `list_items`: the splitting is not
/// instantiated per item type).
fn list<T>(
    name: &str,
    value: &str,
    item: fn(&str, &str) -> Result<T, RecurError>,
) -> Result<Vec<T>, RecurError> {
    let mut items = Items {
        out: Vec::new(),
        item,
    };
    list_items(name, value, &mut items)?;
    Ok(items.out)
}

/// Where [`list_items`] puts items (a trait of its own: a `dyn FnMut` vtable would carry a
/// `call_once` shim per item type).
trait Put {
    fn put(&mut self, name: &str, v: &str) -> Result<(), RecurError>;
}

struct Items<T> {
    out: Vec<T>,
    item: fn(&str, &str) -> Result<T, RecurError>,
}

impl<T> Put for Items<T> {
    fn put(&mut self, name: &str, v: &str) -> Result<(), RecurError> {
        self.out.push((self.item)(name, v)?);
        Ok(())
    }
}

#[inline(never)]
fn list_items(name: &str, value: &str, items: &mut dyn Put) -> Result<(), RecurError> {
    for v in crate::text::split(value, b',') {
        let v = v.trim();
        if v.is_empty() {
            return Err(RecurError::new(
                RecurCode::BadValue,
                format!("empty item in {name}={value}"),
            ));
        }
        items.put(name, v)?;
    }
    Ok(())
}

fn weekday(value: &str) -> Result<Weekday, RecurError> {
    weekday_of(value).ok_or_else(|| {
        RecurError::new(
            RecurCode::BadValue,
            format!("bad weekday {value}: expected MO, TU, WE, TH, FR, SA or SU"),
        )
    })
}

fn weekday_of(value: &str) -> Option<Weekday> {
    Some(match value {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

fn weekday_num(name: &str, value: &str) -> Result<WeekdayNum, RecurError> {
    let bad = || bad_int(name, value);
    let split = value.len().saturating_sub(2);
    let (Some(num), Some(day)) = (value.get(..split), value.get(split..)) else {
        return Err(bad());
    };
    let weekday = weekday_of(day).ok_or_else(bad)?;
    let ordinal = if num.is_empty() {
        None
    } else {
        Some(
            int64(num)
                .and_then(|n| i16::try_from(n).ok())
                .ok_or_else(bad)?,
        )
    };
    Ok(WeekdayNum { ordinal, weekday })
}

fn until(value: &str) -> Result<NaiveDateTime, RecurError> {
    local_value(value)
        .map_err(|e| RecurError::new(e.code, format!("bad UNTIL value {value}: {}", e.message)))
}

/// Parses `YYYYMMDD`, `YYYYMMDDTHHMMSS`, `YYYYMMDDTHHMMSSZ` (UTC → KST, +9h),
/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS` into a local date-time (a date is 00:00).
/// The year must be within [`MIN_YEAR`]`..=`[`MAX_YEAR`].
///
/// ```
/// use cogov::recur::{format_local, parse_local};
///
/// assert_eq!(format_local(parse_local("20240101T010000Z").unwrap()), "2024-01-01T10:00:00");
/// assert_eq!(format_local(parse_local("2024-02-29").unwrap()), "2024-02-29T00:00:00");
/// assert!(parse_local("20230229").is_err());
/// ```
pub fn parse_local(text: &str) -> Result<NaiveDateTime, RecurError> {
    let t = text.trim();
    local_value(t).map_err(|e| RecurError::new(e.code, format!("bad date-time {t}: {}", e.message)))
}

/// Whether a value is a bare date (`YYYYMMDD` / `YYYY-MM-DD`).
pub(crate) fn is_date_only(text: &str) -> bool {
    let t = text.trim();
    !t.bytes().any(|b| matches!(b, b'T' | b't'))
}

fn local_value(t: &str) -> Result<NaiveDateTime, RecurError> {
    // Over bytes: '-', ':', 'T' and 'Z' are ASCII, and any other non-digit fails below.
    let mut b: Vec<u8> = Vec::with_capacity(t.len());
    for &c in t.as_bytes() {
        if c != b'-' && c != b':' {
            b.push(c);
        }
    }
    let utc = matches!(b.last(), Some(b'Z' | b'z'));
    if utc {
        b.pop();
    }
    let (date, time) = match b.iter().position(|c| matches!(c, b'T' | b't')) {
        Some(k) => (&b[..k], Some(&b[k + 1..])),
        None => (&b[..], None),
    };
    if date.len() != 8 || time.is_some_and(|tm| tm.len() != 6) || (utc && time.is_none()) {
        return Err(form_error());
    }
    let day = NaiveDate::from_ymd_opt(
        digits(&date[..4])? as i32,
        digits(&date[4..6])?,
        digits(&date[6..])?,
    )
    .ok_or_else(|| RecurError::new(RecurCode::BadValue, "no such date"))?;
    let clock = match time {
        Some(tm) => {
            NaiveTime::from_hms_opt(digits(&tm[..2])?, digits(&tm[2..4])?, digits(&tm[4..])?)
                .ok_or_else(|| RecurError::new(RecurCode::BadValue, "no such time"))?
        }
        None => NaiveTime::MIN,
    };
    let mut dt = day.and_time(clock);
    if utc {
        dt = crate::kst::from_utc(dt)
            .ok_or_else(|| RecurError::new(RecurCode::BadValue, "out of range"))?;
    }
    check_year(dt)?;
    Ok(dt)
}

/// The value of a group of ASCII digits (at most 4 here).
fn digits(s: &[u8]) -> Result<u32, RecurError> {
    let mut n = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return Err(form_error());
        }
        n = n * 10 + (c - b'0') as u32;
    }
    Ok(n)
}

#[inline(never)]
fn form_error() -> RecurError {
    RecurError::new(RecurCode::BadValue, "expected YYYYMMDD or YYYYMMDDTHHMMSS")
}

pub(crate) fn check_year(dt: NaiveDateTime) -> Result<(), RecurError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&dt.year()) {
        Ok(())
    } else {
        Err(RecurError::new(
            RecurCode::OutOfRange,
            format!("year {} is outside {MIN_YEAR}..={MAX_YEAR}", dt.year()),
        ))
    }
}

pub(crate) fn weekday_code(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

impl fmt::Display for RuleSpec {
    /// Writes the canonical `RRULE` value (without the `RRULE:` prefix); `UNTIL`
    /// is written as local time.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let freq = match self.freq {
            Frequency::Yearly => "YEARLY",
            Frequency::Monthly => "MONTHLY",
            Frequency::Weekly => "WEEKLY",
            Frequency::Daily => "DAILY",
        };
        write!(f, "FREQ={freq}")?;
        if self.interval != 1 {
            write!(f, ";INTERVAL={}", self.interval)?;
        }
        if let Some(c) = self.count {
            write!(f, ";COUNT={c}")?;
        }
        if let Some(u) = self.until {
            let s = super::format_local(u).replace(['-', ':'], "");
            write!(f, ";UNTIL={s}")?;
        }
        let join = |f: &mut fmt::Formatter<'_>, name: &str, items: Vec<String>| {
            if items.is_empty() {
                Ok(())
            } else {
                write!(f, ";{name}={}", items.join(","))
            }
        };
        join(
            f,
            "BYMONTH",
            self.by_month.iter().map(|v| v.to_string()).collect(),
        )?;
        join(
            f,
            "BYMONTHDAY",
            self.by_month_day.iter().map(|v| v.to_string()).collect(),
        )?;
        let days = self
            .by_day
            .iter()
            .map(|d| match d.ordinal {
                Some(n) => format!("{n}{}", weekday_code(d.weekday)),
                None => weekday_code(d.weekday).to_string(),
            })
            .collect();
        join(f, "BYDAY", days)?;
        join(
            f,
            "BYYEARDAY",
            self.by_year_day.iter().map(|v| v.to_string()).collect(),
        )?;
        join(
            f,
            "BYWEEKNO",
            self.by_week_no.iter().map(|v| v.to_string()).collect(),
        )?;
        join(
            f,
            "BYHOUR",
            self.by_hour.iter().map(|v| v.to_string()).collect(),
        )?;
        join(
            f,
            "BYMINUTE",
            self.by_minute.iter().map(|v| v.to_string()).collect(),
        )?;
        join(
            f,
            "BYSETPOS",
            self.by_set_pos.iter().map(|v| v.to_string()).collect(),
        )?;
        if self.wkst != Weekday::Mon {
            write!(f, ";WKST={}", weekday_code(self.wkst))?;
        }
        Ok(())
    }
}
