//! `COUNT` arithmetic: the occurrences of the periods before a window (or before a day)
//! counted without producing them: a year or month by its day masks, days and weeks by whole
//! months, or in one step when the rule's days do not depend on the month.

use super::calendar::days_in_month;
use super::{end_of_time, Occurrences};
use crate::recur::{Budget, Frequency, ValidRule};
use chrono::{Datelike, NaiveDate};

impl<'a> Occurrences<'a> {
    /// The number of occurrences on days before `day` (at most `COUNT`), counted without
    /// producing them; `None` when the budget ran out.
    pub(crate) fn count_before(
        rule: &'a ValidRule,
        day: NaiveDate,
        budget: &'a Budget,
    ) -> Option<u64> {
        let mut it = Occurrences::within(rule, rule.dtstart, end_of_time(), Some(budget));
        let start = rule.dtstart;
        let before = |it: &Occurrences, n: &mut u64| {
            *n += it
                .period()
                .filter(|t| t.date() < day && *t >= start)
                .count() as u64;
        };
        if day <= start.date() {
            return Some(0);
        }
        let mut n = 0u64;
        let p = it.period_before(day);
        if !it.fill_next_period() {
            return (!budget.exhausted()).then_some(0);
        }
        before(&it, &mut n);
        if p >= 1 {
            let stop = rule.count.map_or(u64::MAX, u64::from);
            n += it.count_periods(1, p, stop)?;
            it.next_period = p;
            if it.fill_next_period() {
                before(&it, &mut n);
            } else if budget.exhausted() {
                return None;
            }
        }
        Some(rule.count.map_or(n, |c| n.min(u64::from(c))))
    }

    /// Moves a `COUNT` rule to the period of `day`, counting the occurrences before it.
    pub(super) fn skip_counted(&mut self, day: NaiveDate, count: u32) {
        let p = self.period_before(day);
        if p < 2 {
            return;
        }
        // period 0 may hold days before DTSTART, which do not count: fill it as usual
        let mut seen = 0u64;
        if self.fill_next_period() {
            let start = self.rule.dtstart;
            seen = self.period().filter(|t| *t >= start).count() as u64;
        }
        let left = u64::from(count).saturating_sub(seen);
        let Some(n) = self.count_periods(1, p, left) else {
            self.done = true;
            return;
        };
        // the periods counted one by one leave their days in `buf` (or `picks`)
        self.buf.clear();
        self.picks.clear();
        self.next_period = p;
        self.remaining = Some(u32::try_from(left.saturating_sub(n)).unwrap_or(0));
    }

    /// The number of occurrences in periods `a..b` (all after DTSTART and before the window),
    /// or any number `>= stop` once it is reached; `None` when the budget ran out.
    fn count_periods(&mut self, a: i64, b: i64, stop: u64) -> Option<u64> {
        let r = self.rule;
        let mut n = 0u64;
        match r.freq {
            Frequency::Yearly | Frequency::Monthly => {
                let start = r.dtstart.date();
                for k in a..b {
                    if !self.step() {
                        return None;
                    }
                    let step = k.checked_mul(i64::from(r.interval))?;
                    let mut total = 0u32;
                    if r.freq == Frequency::Yearly {
                        let y = i32::try_from(i64::from(start.year()) + step).ok()?;
                        for m in 1..13 {
                            total += self.mask(y, m).count_ones();
                        }
                    } else {
                        let mi = i64::from(start.year()) * 12 + i64::from(start.month0()) + step;
                        let y = i32::try_from(mi.div_euclid(12)).ok()?;
                        total = self.mask(y, mi.rem_euclid(12) as u32 + 1).count_ones();
                    }
                    n += u64::from(r.set_pos_count(total * r.times.len() as u32));
                    if n >= stop {
                        break;
                    }
                }
            }
            _ if r.set_pos.is_empty() => return self.count_days(a, b, stop),
            _ => {
                // BYSETPOS picks from each week's (or day's) set: one period at a time
                self.next_period = a;
                for _ in a..b {
                    if !self.fill_next_period() {
                        return None;
                    }
                    n += self.period_len() as u64;
                    if n >= stop {
                        break;
                    }
                }
            }
        }
        Some(n)
    }

    /// [`Self::count_periods`] for `DAILY` and `WEEKLY` rules without `BYSETPOS`: the matching
    /// days of periods `a..b`, counted a month at a time.
    fn count_days(&mut self, a: i64, b: i64, stop: u64) -> Option<u64> {
        let r = self.rule;
        let k = i64::from(r.interval);
        let d0 = i64::from(r.dtstart.date().num_days_from_ce());
        let daily = r.freq == Frequency::Daily;
        let nt = r.times.len() as u64;
        let back = (r.dtstart.weekday().num_days_from_monday() + 7 - r.wkst) % 7;
        let week0 = d0 - i64::from(back);
        // the first day of period `j`
        let begin = |j: i64| if daily { d0 + j * k } else { week0 + 7 * j * k };
        if b <= a {
            return Some(0);
        }
        if !self.step() {
            return None;
        }
        let plain = r.months == 0 && !r.has_mday && !r.has_nth;
        if plain && daily && r.wdays == 0 {
            return Some((b - a) as u64 * nt);
        }
        if plain && !daily {
            return Some((b - a) as u64 * u64::from(r.wdays.count_ones()) * nt);
        }
        let (first, last) = (
            begin(a),
            if daily {
                begin(b - 1)
            } else {
                begin(b - 1) + 6
            },
        );
        let to_date = |n: i64| NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?);
        let (mut y, mut m) = {
            let f = to_date(first)?;
            (f.year(), f.month())
        };
        let mut n = 0u64;
        loop {
            let m1 = i64::from(NaiveDate::from_ymd_opt(y, m, 1)?.num_days_from_ce());
            if m1 > last {
                break;
            }
            if !self.step() {
                return None;
            }
            let dim = i64::from(days_in_month(y, m));
            let lo = (first - m1 + 1).max(1);
            let hi = (last - m1 + 1).min(dim);
            let range = if lo <= hi {
                ((1u64 << (hi + 1)) - (1u64 << lo)) as u32
            } else {
                0
            };
            let mut inside = 0u32;
            if k == 1 {
                inside = range;
            } else if daily {
                let mut d = 1 + (d0 - m1).rem_euclid(k);
                while d <= dim {
                    inside |= 1 << d;
                    d += k;
                }
            } else {
                // whole weeks whose index is a multiple of INTERVAL
                let mut d = 1;
                while d <= dim {
                    let w = (m1 + d - 1 - week0).div_euclid(7);
                    let end = (week0 + 7 * (w + 1) - m1).min(dim);
                    if w.rem_euclid(k) == 0 {
                        inside |= ((1u64 << (end + 1)) - (1u64 << d)) as u32;
                    }
                    d = end + 1;
                }
            }
            n += u64::from((self.mask(y, m) & range & inside).count_ones()) * nt;
            if n >= stop {
                break;
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        Some(n)
    }
}

#[cfg(test)]
mod skip_tests {
    use crate::recur::{parse_local, Budget, ValidRule};
    use chrono::NaiveDateTime;

    const SHAPES: &[&str] = &[
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3",
        "FREQ=DAILY;BYDAY=MO,TH",
        "FREQ=DAILY;INTERVAL=5;BYMONTH=2,7;BYMONTHDAY=1,-1,15",
        "FREQ=DAILY;BYSETPOS=1;BYDAY=TU",
        "FREQ=DAILY;BYSETPOS=2",
        "FREQ=WEEKLY",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR",
        "FREQ=WEEKLY;INTERVAL=3;BYMONTH=1,6,12;BYDAY=SU,SA",
        "FREQ=WEEKLY;BYDAY=MO,TU,WE;BYSETPOS=-1,1",
        "FREQ=WEEKLY;WKST=SU;INTERVAL=2;BYDAY=SU,MO",
        "FREQ=MONTHLY",
        "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=2TU,-1FR",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1,-1,-2,3",
        "FREQ=MONTHLY;BYMONTHDAY=1,2,3;BYSETPOS=-3,1",
        "FREQ=YEARLY",
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
        "FREQ=YEARLY;BYDAY=20MO,-1SU",
        "FREQ=YEARLY;INTERVAL=3;BYMONTH=6,11;BYDAY=1FR;BYSETPOS=-1",
        "FREQ=YEARLY;BYMONTH=3,9;BYDAY=MO,FR;BYSETPOS=2,-2,366",
        "FREQ=DAILY;BYHOUR=9,14",
        "FREQ=DAILY;INTERVAL=4;BYHOUR=23,8;BYMINUTE=0,30;BYMONTH=2",
        "FREQ=DAILY;BYHOUR=9,14;BYSETPOS=2",
        "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10,15;BYMINUTE=0,30",
        "FREQ=WEEKLY;BYDAY=TU,TH;BYHOUR=10,15;BYSETPOS=-1,2",
        "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=9,14;BYSETPOS=-1,1",
        "FREQ=MONTHLY;BYMONTHDAY=1,-1;BYMINUTE=5,55",
        "FREQ=YEARLY;BYWEEKNO=1,-1;BYHOUR=9,14",
        "FREQ=YEARLY;BYWEEKNO=20;WKST=SU;BYDAY=SU,WE",
        "FREQ=YEARLY;BYYEARDAY=1,-1,100,366;BYSETPOS=-1,1",
        "FREQ=YEARLY;BYYEARDAY=60;BYMONTH=3",
    ];

    fn windows() -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let d = |s| parse_local(s).unwrap();
        vec![
            (d("19000101"), d("19000301")),
            (d("19050217"), d("19050320")),
            (d("19420101T101500"), d("19440101")),
            (d("20260105"), d("20260210")),
            (d("21991201"), d("22001231T235959")),
        ]
    }

    /// The windowed path (which skips whole periods of `COUNT` rules) gives exactly what
    /// iterating from DTSTART gives, for counts that end before, inside and after each window.
    #[test]
    fn count_rules_skip_to_the_window_exactly() {
        let mut checked = 0;
        for shape in SHAPES {
            for start in ["19000101T100000", "19031231T090000", "19371015"] {
                let start = parse_local(start).unwrap();
                for count in [1, 7, 500, 4_000, 30_000, 120_000] {
                    let text = format!("{shape};COUNT={count}");
                    let rule = ValidRule::parse(&text, start).unwrap();
                    let all: Vec<NaiveDateTime> = rule.iter().collect();
                    for (from, to) in windows() {
                        let got = rule.between(from, to, 10_000);
                        let want: Vec<NaiveDateTime> = all
                            .iter()
                            .copied()
                            .filter(|t| from <= *t && *t <= to)
                            .take(10_000)
                            .collect();
                        assert_eq!(got.occurrences, want, "{start} {text} {from}..{to}");
                        checked += 1;
                    }
                }
            }
        }
        assert!(checked > 2500);
    }

    /// Counting the occurrences before a day agrees with iterating.
    #[test]
    fn count_before_matches_iteration() {
        for shape in SHAPES {
            for start in ["19000101T100000", "19031231T090000", "19371015"] {
                let start = parse_local(start).unwrap();
                for count in ["", ";COUNT=7", ";COUNT=4000"] {
                    let text = format!("{shape}{count}");
                    let rule = ValidRule::parse(&text, start).unwrap();
                    let all: Vec<NaiveDateTime> = rule.iter().collect();
                    for day in [
                        "19000101", "19000102", "19040112", "19371016", "19420101", "20260105",
                        "22001231",
                    ] {
                        let day = parse_local(day).unwrap().date();
                        let want = all.iter().filter(|t| t.date() < day).count() as u64;
                        assert_eq!(
                            rule.count_before(day, &Budget::default()),
                            Some(want),
                            "{start} {text} {day}"
                        );
                    }
                }
            }
        }
    }

    /// Skipping to 2026 costs a few steps per skipped month at most, not one per period.
    #[test]
    fn skipping_is_cheap() {
        let start = parse_local("19000101T100000").unwrap();
        let d = |s| parse_local(s).unwrap();
        for (shape, most) in [
            ("FREQ=DAILY;COUNT=1000000", 100),
            ("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=1000000", 100),
            ("FREQ=DAILY;BYDAY=MO,WE;COUNT=1000000", 1_600),
            ("FREQ=MONTHLY;BYDAY=2TU;COUNT=1000000", 1_600),
            ("FREQ=YEARLY;BYMONTH=7;BYDAY=2FR;COUNT=1000000", 200),
        ] {
            let rule = ValidRule::parse(shape, start).unwrap();
            let budget = Budget::default();
            let got = rule.between_within(d("20260101"), d("20260131T235959"), 100, &budget);
            assert!(!got.truncated, "{shape}");
            assert!(budget.used() <= most, "{shape}: {} steps", budget.used());
        }
    }
}
