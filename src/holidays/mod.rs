//! Korean public holidays (공휴일), computed for the years 1990–2050: the solar ones, the lunar
//! ones (설날 and 추석, three days each; 부처님 오신 날) through a compact KASI table
//! ([`lunar`]), and substitute holidays (대체공휴일) under the rules in force each year
//! ([`rules`]); merged with the one-off days a feed lists (`holidays`: 임시공휴일, election days).
//!
//! Bounded: a year is at most a few dozen days; a window is clamped to 1990–2050 (and says so,
//! `outside`) and its list capped at [`CAP`] (`truncated`). Cross-checked against python
//! `holidays` and `korean_lunar_calendar` in `tests/holidays_cross.rs`.

pub mod lunar;
pub(crate) mod rules;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rules::{Day, Rule, Substitute, RULES};
use serde::Serialize;

/// The first year computed.
pub const FIRST_YEAR: i32 = 1990;
/// The last year computed.
pub const LAST_YEAR: i32 = 2050;
/// At most this many holidays in one window (61 years hold about 1,100).
pub const CAP: usize = 4_000;

/// Where a holiday comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A fixed solar date.
    Solar,
    /// A lunar date (설날, 추석, 부처님 오신 날).
    Lunar,
    /// A substitute holiday (대체공휴일).
    Substitute,
    /// Listed in the feed's `holidays` (임시공휴일, election days).
    Data,
}

impl Kind {
    /// The word of the kind: `solar`, `lunar`, `substitute`, `data`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Solar => "solar",
            Kind::Lunar => "lunar",
            Kind::Substitute => "substitute",
            Kind::Data => "data",
        }
    }
}

/// One holiday on one day (a day with two holidays has two).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// Korean name.
    pub ko: String,
    /// English name.
    pub en: String,
    /// Where it comes from.
    pub kind: Kind,
}

fn ymd(d: NaiveDate) -> u32 {
    // years of the table are positive
    (d.year() as u32) * 10_000 + d.month() * 100 + d.day()
}

fn date_of(rule: &Rule, year: i32) -> Option<NaiveDate> {
    match rule.day {
        Day::Solar(m, d) => NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d)),
        Day::Lunar(m, d, shift) => {
            let day = lunar::to_solar(year, u32::from(m), false, u32::from(d))?;
            if shift < 0 {
                day.checked_sub_days(Days::new(u64::from(shift.unsigned_abs())))
            } else {
                day.checked_add_days(Days::new(u64::from(shift.unsigned_abs())))
            }
        }
    }
}

/// Whether `rule`'s holiday on `day`, shared with `others` other holidays, gets a substitute.
fn needs_substitute(rule: &Rule, day: NaiveDate, others: usize) -> bool {
    let wd = day.weekday();
    match rule.substitute {
        Substitute::No => false,
        Substitute::SundayOrOverlap(since) => {
            ymd(day) >= since && (wd == Weekday::Sun || others > 0)
        }
        Substitute::WeekendOrOverlap(since) => {
            ymd(day) >= since && (wd == Weekday::Sun || wd == Weekday::Sat || others > 0)
        }
    }
}

/// The name a substitute for `rule` carries: 설날 and 추석 for any day of theirs.
fn short(rule: &Rule) -> (&'static str, &'static str) {
    match (rule.substitute, rule.day) {
        (Substitute::SundayOrOverlap(_), Day::Lunar(1, ..)) => ("설날", "Seollal"),
        (Substitute::SundayOrOverlap(_), _) => ("추석", "Chuseok"),
        _ => (rule.ko, rule.en),
    }
}

/// The computed holidays of `year` in date order, or `None` outside 1990–2050.
///
/// A substitute (대체공휴일) is the first day after the holiday that is neither a Saturday, a
/// Sunday nor a holiday (nor an earlier substitute); one per day that needs one (a day with two
/// holidays that both need one, 2025-05-05, gets one substitute carrying both names).
///
/// ```
/// let days = cogov::holidays::of_year(2025).unwrap();
/// let sub: Vec<String> = days.iter().filter(|h| h.kind.as_str() == "substitute")
///     .map(|h| format!("{} {}", cogov::date::iso_date(h.date), h.ko)).collect();
/// assert_eq!(sub, ["2025-03-03 대체공휴일(삼일절)", "2025-05-06 대체공휴일(부처님 오신 날·어린이날)",
///                  "2025-10-08 대체공휴일(추석)"]);
/// ```
pub fn of_year(year: i32) -> Option<Vec<Holiday>> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    let mut base: Vec<(NaiveDate, &'static Rule)> = RULES
        .iter()
        .filter(|r| r.from <= year && year <= r.until)
        .filter_map(|r| Some((date_of(r, year)?, r)))
        .collect();
    crate::sort::by_key(&mut base, |(d, _)| crate::sort::day_key(Some(*d)));
    let mut subs: Vec<Holiday> = Vec::new();
    let taken = |d: NaiveDate, subs: &[Holiday]| {
        matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            || base.iter().any(|(b, _)| *b == d)
            || subs.iter().any(|s| s.date == d)
    };
    let mut i = 0;
    while i < base.len() {
        let day = base[i].0;
        let same = base[i..].iter().take_while(|(d, _)| *d == day).count();
        let group = &base[i..i + same];
        let (mut ko, mut en) = (String::new(), String::new());
        for (_, r) in group {
            if needs_substitute(r, day, same - 1) {
                let (k, e) = short(r);
                if !ko.is_empty() {
                    ko.push('·');
                    en.push_str(", ");
                }
                ko.push_str(k);
                en.push_str(e);
            }
        }
        if !ko.is_empty() {
            let mut d = day;
            loop {
                match d.succ_opt() {
                    Some(n) => d = n,
                    None => break,
                }
                if !taken(d, &subs) {
                    subs.push(Holiday {
                        date: d,
                        ko: format!("대체공휴일({ko})"),
                        en: format!("Substitute holiday ({en})"),
                        kind: Kind::Substitute,
                    });
                    break;
                }
            }
        }
        i += same;
    }
    let mut out: Vec<Holiday> = base
        .iter()
        .map(|(d, r)| Holiday {
            date: *d,
            ko: r.ko.to_string(),
            en: r.en.to_string(),
            kind: match r.day {
                Day::Solar(..) => Kind::Solar,
                Day::Lunar(..) => Kind::Lunar,
            },
        })
        .chain(subs)
        .collect();
    crate::sort::by_key(&mut out, |h| crate::sort::day_key(Some(h.date)));
    Some(out)
}

/// A window's holidays: computed ones and the feed's, in date order.
#[derive(Clone, Debug, Default, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HolidayList {
    /// The holidays, in date order.
    pub holidays: Vec<HolidayView>,
    /// Part of the window is outside 1990–2050, where no holiday is computed (the feed's are
    /// still listed).
    pub outside: bool,
    /// More than [`CAP`] holidays: the list is cut.
    pub truncated: bool,
}

/// One holiday, its name in one language.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct HolidayView {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Name.
    pub name: String,
    /// `solar`, `lunar`, `substitute` or `data`.
    #[cfg_attr(test, ts(type = "\"solar\" | \"lunar\" | \"substitute\" | \"data\""))]
    pub kind: &'static str,
    /// Where a feed's holiday comes from (its first source with a link).
    pub source: Option<String>,
}

/// The holidays of `from..=to`: computed (1990–2050) and the feed's `holidays`, as
/// [`Holiday`]s with the feed's record index for data ones (`None` for computed ones).
pub fn between(
    feed: &[crate::feed::HolidayRecord],
    from: NaiveDate,
    to: NaiveDate,
) -> (Vec<(Holiday, Option<usize>)>, bool, bool) {
    let mut out: Vec<(Holiday, Option<usize>)> = Vec::new();
    let mut outside = false;
    let mut truncated = false;
    if from <= to {
        let (y0, y1) = (from.year(), to.year());
        outside = y0 < FIRST_YEAR || y1 > LAST_YEAR;
        for y in y0.max(FIRST_YEAR)..=y1.min(LAST_YEAR) {
            for h in of_year(y).unwrap_or_default() {
                if from <= h.date && h.date <= to {
                    out.push((h, None));
                }
            }
        }
        for (k, r) in feed.iter().enumerate() {
            if from <= r.date && r.date <= to {
                out.push((
                    Holiday {
                        date: r.date,
                        ko: r.name.get(crate::text::Lang::Ko).to_string(),
                        en: r.name.get(crate::text::Lang::En).to_string(),
                        kind: Kind::Data,
                    },
                    Some(k),
                ));
            }
        }
        crate::sort::by_key(&mut out, |(h, _)| crate::sort::day_key(Some(h.date)));
        if out.len() > CAP {
            out.truncate(CAP);
            truncated = true;
        }
    }
    (out, outside, truncated)
}

/// The views of [`between`], texts in `lang`.
pub fn list(
    ds: &crate::dataset::Dataset,
    from: NaiveDate,
    to: NaiveDate,
    lang: crate::text::Lang,
) -> HolidayList {
    let feed = &ds.feed.holidays;
    let (days, outside, truncated) = between(feed, from, to);
    let holidays = days
        .into_iter()
        .map(|(h, k)| HolidayView {
            date: crate::date::iso_date(h.date),
            name: match lang {
                crate::text::Lang::En => h.en,
                _ => h.ko,
            },
            kind: h.kind.as_str(),
            source: k.and_then(|k| {
                crate::view::sources(ds, &feed[k].prov, lang)
                    .into_iter()
                    .find_map(|s| s.url)
            }),
        })
        .collect();
    HolidayList {
        holidays,
        outside,
        truncated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(year: i32) -> Vec<String> {
        of_year(year)
            .unwrap()
            .iter()
            .map(|h| {
                format!(
                    "{} {} {}",
                    crate::date::iso_date(h.date),
                    h.kind.as_str(),
                    h.ko
                )
            })
            .collect()
    }

    #[test]
    fn year_2026() {
        let d = days(2026);
        for want in [
            "2026-02-16 lunar 설날 연휴",
            "2026-02-17 lunar 설날",
            "2026-02-18 lunar 설날 연휴",
            "2026-03-02 substitute 대체공휴일(삼일절)",
            "2026-05-01 solar 노동절",
            "2026-05-25 substitute 대체공휴일(부처님 오신 날)",
            "2026-07-17 solar 제헌절",
            "2026-08-17 substitute 대체공휴일(광복절)",
            "2026-09-25 lunar 추석",
            "2026-10-05 substitute 대체공휴일(개천절)",
        ] {
            assert!(d.iter().any(|x| x == want), "{want} missing from {d:#?}");
        }
        assert_eq!(d.len(), 21, "{d:#?}");
    }

    #[test]
    fn rules_change_over_the_years() {
        assert!(days(1990).iter().any(|x| x == "1990-10-01 solar 국군의 날"));
        assert!(days(1990).iter().any(|x| x == "1990-01-02 solar 신정 연휴"));
        assert!(!days(1999).iter().any(|x| x.starts_with("1999-01-02")));
        assert!(!days(2006).iter().any(|x| x.starts_with("2006-04-05")));
        assert!(!days(2012).iter().any(|x| x.starts_with("2012-10-09")));
        // 2013: 추석 on 9/19-21 Thu-Sat, no substitute rule for a Saturday
        assert!(!days(2013).iter().any(|x| x.contains("substitute")));
        // the first substitute: 2014-09-10 (추석 전날 on a Sunday)
        assert!(days(2014)
            .iter()
            .any(|x| x == "2014-09-10 substitute 대체공휴일(추석)"));
        // 2020-08-15 was a Saturday, before the 2021 rule: no substitute
        assert!(!days(2020).iter().any(|x| x.contains("광복절)")));
        assert!(of_year(1989).is_none() && of_year(2051).is_none());
    }

    #[test]
    fn window_clamps_and_says_so() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let (all, outside, truncated) = between(&[], d(1, 1, 1), d(9999, 12, 31));
        assert!(outside && !truncated);
        assert!(all.len() > 900 && all.len() < CAP, "{}", all.len());
        let (none, outside, _) = between(&[], d(2026, 2, 1), d(2025, 1, 1));
        assert!(none.is_empty() && !outside);
    }
}
