//! The candidates of one period, per frequency: a year's or a month's day masks, a week's or a
//! day's days (through a one-month mask cache), then `BYSETPOS`'s picks; and the period that
//! holds a day.

use super::calendar::days_in_month;
use super::Occurrences;
use crate::recur::Frequency;
use chrono::{Datelike, Days, NaiveDate};

impl Occurrences<'_> {
    /// Index of the period that contains `day` (or the last one before it).
    pub(super) fn period_before(&self, day: NaiveDate) -> i64 {
        let r = self.rule;
        let start = r.dtstart.date();
        let interval = i64::from(r.interval);
        let steps = match r.freq {
            Frequency::Yearly => i64::from(day.year()) - i64::from(start.year()),
            Frequency::Monthly => {
                (i64::from(day.year()) - i64::from(start.year())) * 12 + i64::from(day.month())
                    - i64::from(start.month())
            }
            Frequency::Weekly => {
                let back = (start.weekday().num_days_from_monday() + 7 - r.wkst) % 7;
                let week0 = i64::from(start.num_days_from_ce()) - i64::from(back);
                (i64::from(day.num_days_from_ce()) - week0).div_euclid(7)
            }
            Frequency::Daily => {
                i64::from(day.num_days_from_ce()) - i64::from(start.num_days_from_ce())
            }
        };
        steps.div_euclid(interval).max(0)
    }

    /// Fills `buf` with the dates of the next period; `false` when there is none.
    pub(super) fn fill_next_period(&mut self) -> bool {
        if !self.step() {
            return false;
        }
        let r = self.rule;
        let k = self.next_period;
        self.next_period = k.saturating_add(1);
        // a period past 2^40 is past 2200 whatever the interval (at most 1,000), so the step
        // cannot overflow: no checked multiplication (a 128-bit one in the wasm) per period
        if k >= 1 << 40 {
            return false;
        }
        let step = k * i64::from(r.interval);
        let start = r.dtstart.date();
        let limit_day = self.limit.date();
        self.cands.clear();
        match r.freq {
            Frequency::Yearly => {
                let y = i64::from(start.year()) + step;
                if y > i64::from(limit_day.year()) {
                    return false;
                }
                let y = y as i32;
                let mut months = [(0u32, 0u32); 12];
                let mut n = 0;
                // only the months `BYMONTH` allows (bits 1..=12)
                let mut allowed = if r.months == 0 { 0x1ffe } else { r.months };
                while allowed != 0 {
                    let m = allowed.trailing_zeros();
                    allowed &= allowed - 1;
                    let mask = self.mask(y, m);
                    if let (true, Some(slot)) = (mask != 0, months.get_mut(n)) {
                        *slot = (m, mask);
                        n += 1;
                    }
                }
                self.emit_months(y, months.get(..n).unwrap_or(&[]));
                return true;
            }
            Frequency::Monthly => {
                let mi = self.first_month + step;
                if mi > self.last_month {
                    return false;
                }
                let (y, m) = (mi.div_euclid(12) as i32, mi.rem_euclid(12) as u32 + 1);
                let mask = self.mask(y, m);
                self.emit_months(y, &[(m, mask)]);
                return true;
            }
            Frequency::Weekly | Frequency::Daily => {
                let first = self.first_day;
                let (begin, len) = if r.freq == Frequency::Daily {
                    (first + step, 1)
                } else if k == 0 {
                    (first, 7 - self.into_week)
                } else {
                    (first - self.into_week + 7 * step, 7)
                };
                if begin > self.last_day {
                    return false;
                }
                // from the last period's first day (within a year: no conversion of a day number)
                let (b0, d0) = self.last_begin;
                let day0 = match u64::try_from(begin - b0) {
                    Ok(n) => d0.checked_add_days(Days::new(n)),
                    Err(_) => i32::try_from(begin)
                        .ok()
                        .and_then(NaiveDate::from_num_days_from_ce_opt),
                };
                let Some(day0) = day0 else {
                    return false;
                };
                self.last_begin = (begin, day0);
                if r.months == 0 && !r.has_mday && !r.has_nth {
                    // only weekdays filter the days (the common case): no month mask
                    let wanted = if r.wdays == 0 { 0x7f } else { r.wdays };
                    // 0001-01-01, day 1, was a Monday
                    let mut w = (begin - 1).rem_euclid(7) as u32;
                    for i in 0..len as u32 {
                        if wanted & (1 << w) != 0 {
                            let Some(day) = day0.checked_add_days(Days::new(u64::from(i))) else {
                                return false;
                            };
                            self.cands.push(day);
                        }
                        w = if w == 6 { 0 } else { w + 1 };
                    }
                    return self.take_period();
                }
                // the period's days counted as (year, month, day): no date arithmetic per day
                let (mut y, mut m, mut d) = (day0.year(), day0.month(), day0.day());
                let mut dim = days_in_month(y, m);
                for i in 0..len as u32 {
                    if i > 0 {
                        d += 1;
                        if d > dim {
                            (y, m, d) = if m == 12 {
                                (y + 1, 1, 1)
                            } else {
                                (y, m + 1, 1)
                            };
                            dim = days_in_month(y, m);
                        }
                    }
                    if (self.cache.0, self.cache.1) != (y, m) {
                        self.cache = (y, m, self.mask(y, m));
                    }
                    if self.cache.2 & (1 << d) != 0 {
                        let Some(day) = day0.checked_add_days(Days::new(u64::from(i))) else {
                            return false;
                        };
                        self.cands.push(day);
                    }
                }
            }
        }
        self.take_period()
    }

    /// Makes the candidates in `cands` the period's date-times: all of them, or `BYSETPOS`'s
    /// picks; `true`.
    fn take_period(&mut self) -> bool {
        self.pos = 0;
        if self.rule.set_pos.is_empty() {
            core::mem::swap(&mut self.cands, &mut self.buf);
        } else {
            self.picks.clear();
            let times = &self.rule.times;
            let nt = times.len().max(1);
            let n = (self.cands.len() * times.len()) as i64;
            for &p in &self.rule.set_pos {
                let idx = if p > 0 {
                    i64::from(p) - 1
                } else {
                    n + i64::from(p)
                };
                let Ok(i) = usize::try_from(idx) else {
                    continue;
                };
                if let (Some(d), Some(t)) = (self.cands.get(i / nt), times.get(i % nt)) {
                    self.picks.push(d.and_time(*t));
                }
            }
            crate::sort::dedup_small(&mut self.picks);
        }
        true
    }

    /// Fills `buf` from one year's per-month day masks (in month order),
    /// applying `BYSETPOS` without materialising every candidate.
    fn emit_months(&mut self, y: i32, months: &[(u32, u32)]) {
        self.pos = 0;
        self.buf.clear();
        if self.rule.set_pos.is_empty() {
            for &(m, mask) in months {
                push_days(&mut self.buf, y, m, mask);
            }
            return;
        }
        self.picks.clear();
        let times = &self.rule.times;
        let nt = times.len().max(1) as i64;
        let total: i64 = months
            .iter()
            .map(|&(_, mask)| i64::from(mask.count_ones()))
            .sum::<i64>()
            * nt;
        for &p in &self.rule.set_pos {
            let idx = if p > 0 {
                i64::from(p) - 1
            } else {
                total + i64::from(p)
            };
            let Ok(mut rest) = u32::try_from(idx.div_euclid(nt)) else {
                continue;
            };
            let Some(&time) = usize::try_from(idx.rem_euclid(nt))
                .ok()
                .and_then(|k| times.get(k))
            else {
                continue;
            };
            for &(m, mut mask) in months {
                let c = mask.count_ones();
                if rest >= c {
                    rest -= c;
                    continue;
                }
                for _ in 0..rest {
                    mask &= mask - 1;
                }
                if let Some(day) = NaiveDate::from_ymd_opt(y, m, mask.trailing_zeros()) {
                    self.picks.push(day.and_time(time));
                }
                break;
            }
        }
        crate::sort::dedup_small(&mut self.picks);
    }
}

fn push_days(out: &mut Vec<NaiveDate>, y: i32, m: u32, mut mask: u32) {
    while mask != 0 {
        let d = mask.trailing_zeros();
        mask &= mask - 1;
        if let Some(day) = NaiveDate::from_ymd_opt(y, m, d) {
            out.push(day);
        }
    }
}
