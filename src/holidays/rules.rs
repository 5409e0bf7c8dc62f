//! The rules of the public holidays (관공서의 공휴일에 관한 규정, Presidential Decree, and from 2021
//! 공휴일에 관한 법률), each with the period it is in force, the way a series rule has its
//! `effective` period. Only what applies from 1990 on is written down.
//!
//! Changes modelled (dates are when the text took effect; each was first applied later):
//! - 1/2 (신정 연휴) a holiday until 1998 (1/3 was dropped from 1990, 1/2 from 1999);
//! - 국군의 날 (10/1) and 한글날 (10/9) holidays until 1990 (decree of 1990-11-05); 한글날 again
//!   from 2013 (decree of 2012-12-28);
//! - 식목일 (4/5) until 2005 (decree of 2005-06-30, from 2006);
//! - 제헌절 (7/17) until 2007 (decree of 2005-06-30, from 2008); again from 2026 (공휴일에 관한
//!   법률 amended 2026-02-10, in force 2026-05-11), with substitute holidays;
//! - 노동절 (5/1, 근로자의 날 renamed) a public holiday from 2026, with substitute holidays: the
//!   2026 amendments as the Ministry of Personnel Management (인사혁신처) announced them; the
//!   one rule here least settled in other implementations (see the cross-check's list);
//! - substitute holidays (대체공휴일): from 2013-11-05 (first one 2014-09-10) for 설날 and 추석
//!   when a day of them falls on a Sunday or on another holiday, and for 어린이날 on a Saturday,
//!   Sunday or another holiday; from 2021 (공휴일에 관한 법률 of 2021-07-07; first one 2021-08-16)
//!   for 삼일절, 광복절, 개천절 and 한글날; from 2023-05-04 (first one 2023-05-29) for 부처님 오신
//!   날 and 성탄절; from 2026 for 제헌절 and 노동절.
//!
//! Not modelled: days fixed by a one-off decision (임시공휴일) and election days (선거일): they
//! come from data, the feed's `holidays` list.

/// Which day of the year a rule names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Day {
    /// A solar month and day.
    Solar(u8, u8),
    /// A lunar month and day (never a leap month), plus a shift in days: 설날 전날 is lunar
    /// 1/1 − 1, the last day of the 12th month, whether it is the 29th or the 30th.
    Lunar(u8, u8, i8),
}

/// When a holiday is moved to a substitute day (대체공휴일).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Substitute {
    /// Never.
    No,
    /// When it falls on a Sunday or on another holiday (설날, 추석), from the day given.
    SundayOrOverlap(NaiveDate),
    /// When it falls on a Saturday, a Sunday or another holiday, from the day given.
    WeekendOrOverlap(NaiveDate),
}

/// One public holiday and when it is one.
#[derive(Debug)]
pub(crate) struct Rule {
    pub ko: &'static str,
    pub en: &'static str,
    pub day: Day,
    /// First and last year it is a holiday (inclusive).
    pub from: i32,
    pub until: i32,
    pub substitute: Substitute,
}

/// The day `y`-`m`-`d` (a valid date: checked when compiled).
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(day) => day,
        None => panic!("not a date"),
    }
}

/// When each substitute rule took effect.
const SUB_2013: NaiveDate = ymd(2013, 11, 5);
const SUB_2021: NaiveDate = ymd(2021, 7, 7);
const SUB_2023: NaiveDate = ymd(2023, 5, 4);
const SUB_2026: NaiveDate = ymd(2026, 1, 1);

const ALWAYS: i32 = 1949;
const ON: i32 = 9999;

const fn rule(
    ko: &'static str,
    en: &'static str,
    day: Day,
    from: i32,
    until: i32,
    substitute: Substitute,
) -> Rule {
    Rule {
        ko,
        en,
        day,
        from,
        until,
        substitute,
    }
}

use chrono::NaiveDate;
use Day::{Lunar, Solar};
use Substitute::{No, SundayOrOverlap as Sun, WeekendOrOverlap as Weekend};

/// Every rule, in calendar order within a year.
pub(crate) static RULES: &[Rule] = &[
    rule("신정", "New Year's Day", Solar(1, 1), ALWAYS, ON, No),
    rule(
        "신정 연휴",
        "New Year holiday",
        Solar(1, 2),
        ALWAYS,
        1998,
        No,
    ),
    rule(
        "설날 연휴",
        "Seollal holiday",
        Lunar(1, 1, -1),
        1989,
        ON,
        Sun(SUB_2013),
    ),
    rule(
        "설날",
        "Seollal (Lunar New Year)",
        Lunar(1, 1, 0),
        1989,
        ON,
        Sun(SUB_2013),
    ),
    rule(
        "설날 연휴",
        "Seollal holiday",
        Lunar(1, 2, 0),
        1989,
        ON,
        Sun(SUB_2013),
    ),
    rule(
        "삼일절",
        "Independence Movement Day",
        Solar(3, 1),
        ALWAYS,
        ON,
        Weekend(SUB_2021),
    ),
    rule("식목일", "Arbor Day", Solar(4, 5), ALWAYS, 2005, No),
    rule(
        "부처님 오신 날",
        "Buddha's Birthday",
        Lunar(4, 8, 0),
        1975,
        ON,
        Weekend(SUB_2023),
    ),
    rule(
        "노동절",
        "Labour Day",
        Solar(5, 1),
        2026,
        ON,
        Weekend(SUB_2026),
    ),
    rule(
        "어린이날",
        "Children's Day",
        Solar(5, 5),
        1975,
        ON,
        Weekend(SUB_2013),
    ),
    rule("현충일", "Memorial Day", Solar(6, 6), 1956, ON, No),
    rule("제헌절", "Constitution Day", Solar(7, 17), ALWAYS, 2007, No),
    rule(
        "제헌절",
        "Constitution Day",
        Solar(7, 17),
        2026,
        ON,
        Weekend(SUB_2026),
    ),
    rule(
        "광복절",
        "Liberation Day",
        Solar(8, 15),
        ALWAYS,
        ON,
        Weekend(SUB_2021),
    ),
    rule(
        "추석 연휴",
        "Chuseok holiday",
        Lunar(8, 14, 0),
        1989,
        ON,
        Sun(SUB_2013),
    ),
    rule("추석", "Chuseok", Lunar(8, 15, 0), 1989, ON, Sun(SUB_2013)),
    rule(
        "추석 연휴",
        "Chuseok holiday",
        Lunar(8, 16, 0),
        1989,
        ON,
        Sun(SUB_2013),
    ),
    rule(
        "국군의 날",
        "Armed Forces Day",
        Solar(10, 1),
        1976,
        1990,
        No,
    ),
    rule(
        "개천절",
        "National Foundation Day",
        Solar(10, 3),
        ALWAYS,
        ON,
        Weekend(SUB_2021),
    ),
    rule("한글날", "Hangeul Day", Solar(10, 9), ALWAYS, 1990, No),
    rule(
        "한글날",
        "Hangeul Day",
        Solar(10, 9),
        2013,
        ON,
        Weekend(SUB_2021),
    ),
    rule(
        "성탄절",
        "Christmas Day",
        Solar(12, 25),
        ALWAYS,
        ON,
        Weekend(SUB_2023),
    ),
];
