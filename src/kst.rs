//! Korea Standard Time, the crate's one time zone: its name, its offset and the conversions
//! from UTC. Korea has kept UTC+9 without daylight saving since 1988, so local times are naive
//! date-times and nothing else needs a time zone database. Every `+09:00` of the crate is here.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

/// The time zone's name, as a literal (for `concat!`): [`TZID`].
macro_rules! tzid {
    () => {
        "Asia/Seoul"
    };
}
/// The offset as iCalendar writes it (`TZOFFSETTO:+0900`), as a literal (for `concat!`).
macro_rules! offset_ics {
    () => {
        "+0900"
    };
}
/// [`TZID`] percent-encoded for a URL query (`ctz=Asia%2FSeoul`), as a literal.
macro_rules! tzid_url {
    () => {
        "Asia%2FSeoul"
    };
}
pub(crate) use {offset_ics, tzid, tzid_url};

/// The IANA name of Korea Standard Time, the only `timezone` a feed may name.
pub const TZID: &str = tzid!();

/// The offset from UTC in seconds: +09:00.
pub const OFFSET_SECONDS: i64 = 9 * 3600;

/// The Korean wall-clock time of a UTC time (`None` past the calendar's range).
///
/// ```
/// let t = cogov::date::parse_local("2026-01-01T20:00").unwrap();
/// assert_eq!(cogov::date::iso_local(cogov::kst::from_utc(t).unwrap()), "2026-01-02T05:00");
/// ```
pub fn from_utc(utc: NaiveDateTime) -> Option<NaiveDateTime> {
    utc.checked_add_signed(TimeDelta::seconds(OFFSET_SECONDS))
}

/// The day in Korea at UTC time `utc_now` (the caller's clock); the last day at the end of the
/// calendar's range.
///
/// ```
/// use cogov::date::parse_local;
/// let day = |utc| cogov::date::iso_date(cogov::kst::today(parse_local(utc).unwrap()));
/// assert_eq!(day("2026-03-01T14:59"), "2026-03-01");
/// assert_eq!(day("2026-03-01T15:00"), "2026-03-02"); // midnight in Seoul
/// ```
pub fn today(utc_now: NaiveDateTime) -> NaiveDate {
    from_utc(utc_now).map_or(NaiveDate::MAX, |t| t.date())
}
