//! The Korean lunar calendar (KASI, 한국천문연구원) for lunar years 1990–2050: one `u32` a year,
//! enough to turn the lunar dates of the holidays into solar dates. Generated from the KASI-based
//! `korean_lunar_calendar` package by `python3 tests/holidays_check.py --table`, and checked
//! against it for every solar day 1990–2050 by `tests/holidays_cross.rs`.
//!
//! Each word: bits 0–12 the lengths of the year's months in order, a leap month (윤달) right
//! after its month (bit set: 30 days, else 29); bits 13–16 the month the leap month follows
//! (0: none); bits 17–22 the day of the solar year (0-based) of lunar 1/1. The package's data
//! ends at lunar 2050-11-18, so the last year's word stops at month 10.

use chrono::{Days, NaiveDate};

/// The first lunar year of the table.
pub const FIRST: i32 = 1990;
/// The last lunar year of the table (months 1–10 only).
pub const LAST: i32 = 2050;

pub(super) const LUNAR_YEARS: [u32; 61] = [
    0x0034bd92, // 1990: new year 1990-01-27, leap month 5
    0x005a0e92, // 1991: new year 1991-02-15, leap month -
    0x00440d26, // 1992: new year 1992-02-04, leap month -
    0x002c6a56, // 1993: new year 1993-01-23, leap month 3
    0x00500a57, // 1994: new year 1994-02-10, leap month -
    0x003d12b6, // 1995: new year 1995-01-31, leap month 8
    0x00620b5a, // 1996: new year 1996-02-19, leap month -
    0x004c06d4, // 1997: new year 1997-02-08, leap month -
    0x0036aec9, // 1998: new year 1998-01-28, leap month 5
    0x005c0749, // 1999: new year 1999-02-16, leap month -
    0x00460693, // 2000: new year 2000-02-05, leap month -
    0x002e9527, // 2001: new year 2001-01-24, leap month 4
    0x0054052b, // 2002: new year 2002-02-12, leap month -
    0x003e0a5b, // 2003: new year 2003-02-01, leap month -
    0x002a555a, // 2004: new year 2004-01-22, leap month 2
    0x004e036a, // 2005: new year 2005-02-09, leap month -
    0x0038fb55, // 2006: new year 2006-01-29, leap month 7
    0x00600ba4, // 2007: new year 2007-02-18, leap month -
    0x004a0b49, // 2008: new year 2008-02-07, leap month -
    0x0032ba93, // 2009: new year 2009-01-26, leap month 5
    0x00580a95, // 2010: new year 2010-02-14, leap month -
    0x0042052d, // 2011: new year 2011-02-03, leap month -
    0x002c6a5d, // 2012: new year 2012-01-23, leap month 3
    0x00500aad, // 2013: new year 2013-02-10, leap month -
    0x003d35aa, // 2014: new year 2014-01-31, leap month 9
    0x006205d2, // 2015: new year 2015-02-19, leap month -
    0x004c0da5, // 2016: new year 2016-02-08, leap month -
    0x0036bd4a, // 2017: new year 2017-01-28, leap month 5
    0x005c0d4a, // 2018: new year 2018-02-16, leap month -
    0x00460a95, // 2019: new year 2019-02-05, leap month -
    0x0030952d, // 2020: new year 2020-01-25, leap month 4
    0x00540556, // 2021: new year 2021-02-12, leap month -
    0x003e0ab5, // 2022: new year 2022-02-01, leap month -
    0x002a55aa, // 2023: new year 2023-01-22, leap month 2
    0x005006d2, // 2024: new year 2024-02-10, leap month -
    0x0038cea5, // 2025: new year 2025-01-29, leap month 6
    0x005e0ea5, // 2026: new year 2026-02-17, leap month -
    0x004a0e4a, // 2027: new year 2027-02-07, leap month -
    0x0034ac96, // 2028: new year 2028-01-27, leap month 5
    0x00560c9b, // 2029: new year 2029-02-13, leap month -
    0x0042055a, // 2030: new year 2030-02-03, leap month -
    0x002c6ad5, // 2031: new year 2031-01-23, leap month 3
    0x00520b69, // 2032: new year 2032-02-11, leap month -
    0x003d7752, // 2033: new year 2033-01-31, leap month 11
    0x00620752, // 2034: new year 2034-02-19, leap month -
    0x004c0b25, // 2035: new year 2035-02-08, leap month -
    0x0036d64b, // 2036: new year 2036-01-28, leap month 6
    0x005a0a4b, // 2037: new year 2037-02-15, leap month -
    0x004404ab, // 2038: new year 2038-02-04, leap month -
    0x002ea55b, // 2039: new year 2039-01-24, leap month 5
    0x0054056d, // 2040: new year 2040-02-12, leap month -
    0x003e0b69, // 2041: new year 2041-02-01, leap month -
    0x002a5b52, // 2042: new year 2042-01-22, leap month 2
    0x00500d92, // 2043: new year 2043-02-10, leap month -
    0x003afd25, // 2044: new year 2044-01-30, leap month 7
    0x005e0d25, // 2045: new year 2045-02-17, leap month -
    0x00480a4d, // 2046: new year 2046-02-06, leap month -
    0x0032b4ad, // 2047: new year 2047-01-26, leap month 5
    0x005802b6, // 2048: new year 2048-02-14, leap month -
    0x004005b5, // 2049: new year 2049-02-02, leap month -
    0x002c65a9, // 2050: new year 2050-01-23, leap month 3
];

/// The solar date of lunar `year`-`month`-`day` (`leap`: the leap month after `month`), or
/// `None` when there is no such day or it is outside the table.
pub fn to_solar(year: i32, month: u32, leap: bool, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_yo_opt(year, 1)?
        .checked_add_days(Days::new(u64::from(ordinal(year, month, leap, day)? - 1)))
}

/// The day of solar `year` (1-based; past 365 in the next solar year) of lunar
/// `year`-`month`-`day`, or `None` when there is no such day or it is outside the table.
pub(crate) fn ordinal(year: i32, month: u32, leap: bool, day: u32) -> Option<u16> {
    let i = usize::try_from(year.checked_sub(FIRST)?).ok()?;
    let w = *LUNAR_YEARS.get(i)?;
    let leap_after = (w >> 13) & 0xf;
    let last_month = if year == LAST { 10 } else { 12 };
    if !(1..=last_month).contains(&month) || (leap && leap_after != month) || day == 0 {
        return None;
    }
    // the index of the wanted month in the year's sequence
    let mut index = month - 1;
    if leap_after != 0 && (month > leap_after || leap) {
        index += 1;
    }
    if day > 29 + ((w >> index) & 1) {
        return None;
    }
    // the months before it: 29 days each, plus one for each long one (its bit set)
    let before = 29 * index + (w & ((1 << index) - 1)).count_ones();
    u16::try_from((w >> 17) + before + day).ok()
}

/// Lunar new year's day (설날) of `year` as a solar date.
pub fn new_year(year: i32) -> Option<NaiveDate> {
    to_solar(year, 1, false, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn known_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(new_year(2026), d(2026, 2, 17));
        assert_eq!(to_solar(2026, 8, false, 15), d(2026, 9, 25)); // 추석 2026
        assert_eq!(to_solar(2023, 2, true, 1), d(2023, 3, 22)); // 윤2월 1일
        assert_eq!(to_solar(2023, 3, true, 1), None); // no 윤3월 in 2023
        assert_eq!(to_solar(2050, 11, false, 1), None); // past the table
        assert_eq!(to_solar(1989, 1, false, 1), None);
        assert_eq!(to_solar(2026, 1, false, 31), None);
        assert_eq!(new_year(2050).map(|d| d.year()), Some(2050));
    }
}
