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

use crate::text::Lang;
use chrono::{Datelike, NaiveDate, Weekday};
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

/// The day `rule` names in `year`, if it has one.
fn day_of(rule: &Rule, year: i32) -> Option<NaiveDate> {
    match rule.day {
        Day::Solar(m, d) => NaiveDate::from_ymd_opt(year, u32::from(m), u32::from(d)),
        // the holidays' lunar days fall within the solar year of their lunar year
        Day::Lunar(m, d, shift) => {
            let o = lunar::ordinal(year, u32::from(m), false, u32::from(d))?;
            NaiveDate::from_yo_opt(year, u32::try_from(i32::from(o) + i32::from(shift)).ok()?)
        }
    }
}

/// Whether `rule`'s holiday on `day` (shared with another holiday: `shared`) gets a substitute.
fn needs_substitute(rule: &Rule, day: NaiveDate, shared: bool) -> bool {
    let (since, saturday) = match rule.substitute {
        Substitute::No => return false,
        Substitute::SundayOrOverlap(since) => (since, false),
        Substitute::WeekendOrOverlap(since) => (since, true),
    };
    let wd = day.weekday();
    since <= day && (wd == Weekday::Sun || (saturday && wd == Weekday::Sat) || shared)
}

/// The name a substitute for rule `k` carries: 설날 and 추석 for any day of theirs.
fn short(k: usize) -> (&'static str, &'static str) {
    let r = &RULES[k];
    match (r.substitute, r.day) {
        (Substitute::SundayOrOverlap(_), Day::Lunar(1, ..)) => ("설날", "Seollal"),
        (Substitute::SundayOrOverlap(_), _) => ("추석", "Chuseok"),
        _ => (r.ko, r.en),
    }
}

/// What a computed holiday is: rule `k`'s day, or a substitute for one or two rules' days.
#[derive(Clone, Copy)]
enum Name {
    Rule(usize),
    Substitute(usize, Option<usize>),
}

impl Name {
    fn kind(self) -> Kind {
        match self {
            Name::Rule(k) => match RULES[k].day {
                Day::Solar(..) => Kind::Solar,
                Day::Lunar(..) => Kind::Lunar,
            },
            Name::Substitute(..) => Kind::Substitute,
        }
    }

    fn text(self, lang: Lang) -> String {
        let pick = |(ko, en): (&'static str, &'static str)| if lang == Lang::En { en } else { ko };
        match self {
            Name::Rule(k) => pick((RULES[k].ko, RULES[k].en)).to_string(),
            Name::Substitute(a, b) => {
                let mut t = pick(("대체공휴일(", "Substitute holiday (")).to_string();
                t.push_str(pick(short(a)));
                if let Some(b) = b {
                    t.push_str(pick(("·", ", ")));
                    t.push_str(pick(short(b)));
                }
                t.push(')');
                t
            }
        }
    }
}

/// Appends the computed holidays of `year` (1990–2050) to `days`, in day order.
fn compute(year: i32, days: &mut Vec<(NaiveDate, Name)>) {
    // (day, what), in day order (a few dozen a year: insertion keeps it sorted)
    let mut i = days.len();
    let insert = |days: &mut Vec<(NaiveDate, Name)>, day, name| {
        let at = days.iter().rposition(|d| d.0 <= day).map_or(0, |k| k + 1);
        days.insert(at, (day, name));
    };
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        for (k, r) in RULES.iter().enumerate() {
            if let Some(day) = day_of(r, year).filter(|_| r.from <= year && year <= r.until) {
                insert(days, day, Name::Rule(k));
            }
        }
    }
    // substitutes, day by day: each goes after its day, and needs none itself
    while i < days.len() {
        let day = days[i].0;
        let same = days[i..].iter().take_while(|d| d.0 == day).count();
        let mut who = None;
        for d in &days[i..i + same] {
            if let Name::Rule(k) = d.1 {
                if needs_substitute(&RULES[k], day, same > 1) {
                    who = match who {
                        Some(Name::Substitute(a, _)) => Some(Name::Substitute(a, Some(k))),
                        _ => Some(Name::Substitute(k, None)),
                    };
                }
            }
        }
        if let Some(who) = who {
            let mut t = day;
            while let Some(next) = t.succ_opt() {
                t = next;
                let weekend = matches!(t.weekday(), Weekday::Sat | Weekday::Sun);
                if !weekend && !days.iter().any(|d| d.0 == t) {
                    insert(days, t, who);
                    break;
                }
            }
        }
        i += same;
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
    let mut days = Vec::new();
    compute(year, &mut days);
    Some(
        days.into_iter()
            .map(|(date, n)| Holiday {
                date,
                ko: n.text(Lang::Ko),
                en: n.text(Lang::En),
                kind: n.kind(),
            })
            .collect(),
    )
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
    /// More than 4,000 holidays (`CAP`): the list is cut.
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
    #[serde(skip)]
    day: NaiveDate,
}

impl HolidayView {
    /// The day.
    pub fn day(&self) -> NaiveDate {
        self.day
    }
}

/// The holidays of `from..=to`, texts in `lang`: computed (1990–2050) and the feed's `holidays`
/// (kind `data`), in date order, at most [`CAP`].
pub fn list(
    feed: &[crate::feed::HolidayRecord],
    from: NaiveDate,
    to: NaiveDate,
    lang: Lang,
) -> HolidayList {
    let mut out = HolidayList::default();
    if from > to {
        return out;
    }
    let (y0, y1) = (from.year(), to.year());
    out.outside = y0 < FIRST_YEAR || y1 > LAST_YEAR;
    let mut computed = Vec::new();
    for y in y0.max(FIRST_YEAR)..=y1.min(LAST_YEAR) {
        compute(y, &mut computed);
    }
    // (day, index) sorted: below computed.len() a computed holiday, else the feed's; on one day
    // the computed ones first, then the feed's in feed order. Views only for the first CAP.
    let mut keyed: Vec<(u64, u32)> = Vec::new();
    let days = computed
        .iter()
        .map(|h| h.0)
        .chain(feed.iter().map(|r| r.date));
    for (i, day) in days.enumerate() {
        if from <= day && day <= to {
            keyed.push((crate::sort::day_key(Some(day)), i as u32));
        }
    }
    crate::sort::keys(&mut keyed);
    out.truncated = keyed.len() > CAP;
    for &(_, i) in keyed.iter().take(CAP) {
        let i = i as usize;
        let (day, name, kind) = match computed.get(i) {
            Some(&(day, n)) => (day, n.text(lang), n.kind()),
            None => match feed.get(i - computed.len()) {
                Some(r) => (r.date, r.name.get(lang).to_string(), Kind::Data),
                None => continue,
            },
        };
        out.holidays.push(HolidayView {
            date: crate::date::iso_date(day),
            name,
            kind: kind.as_str(),
            day,
        });
    }
    out
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
        let all = list(&[], d(1, 1, 1), d(9999, 12, 31), Lang::En);
        assert!(all.outside && !all.truncated);
        let n = all.holidays.len();
        assert!(n > 900 && n < CAP, "{n}");
        let none = list(&[], d(2026, 2, 1), d(2025, 1, 1), Lang::Ko);
        assert!(none.holidays.is_empty() && !none.outside);
        // a hostile feed: 200,000 holidays on one day, listed at most CAP
        let many = vec![
            crate::feed::HolidayRecord {
                date: d(2026, 9, 25),
                name: crate::text::Text::plain("x"),
                prov: Default::default(),
            };
            200_000
        ];
        let cut = list(&many, d(2026, 9, 1), d(2026, 9, 30), Lang::Ko);
        assert!(cut.truncated && cut.holidays.len() == CAP);
        assert_eq!(
            cut.holidays[0].name, "추석 연휴",
            "computed ones keep their place"
        );
        let inside = list(&[], d(1990, 1, 1), d(2050, 12, 31), Lang::Ko);
        assert!(!inside.outside && inside.holidays.len() == n);
    }
}
