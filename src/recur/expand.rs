//! Period-by-period expansion of a [`ValidRule`].
//!
//! Each period (a year, month, week or day, `INTERVAL` apart) is turned into a
//! bit mask of matching days per month, then into a reused buffer of dates;
//! `BYSETPOS` picks from that buffer. Nothing is allocated per candidate.

use super::validate::{bit, set_bit};
use super::{Budget, Frequency, ValidRule, MAX_YEAR};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use core::iter::FusedIterator;

/// Days before the first of each month in a common year.
const CUMULATIVE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
/// Bits 0, 7, 14, 21, 28: one weekday's days when shifted by its first day.
const WEEKLY_BITS: u64 = 1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28;

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Weekday (0 = Monday) of the first day of month `m` (1..=12) of year `y` (> 0).
fn weekday_of_first(y: i32, m: u32) -> u32 {
    // Sakamoto's method; 0 = Sunday there.
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let t = T[(m as usize + 11) % 12];
    let sunday_based = (y + y / 4 - y / 100 + y / 400 + t + 1).rem_euclid(7) as u32;
    (sunday_based + 6) % 7
}

/// The last instant expansion may produce.
pub(crate) fn end_of_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31)
        .and_then(|d| d.and_hms_opt(23, 59, 59))
        .unwrap_or(NaiveDateTime::MAX)
}

impl ValidRule {
    /// Bit `d` set for each day `d` of month `m` of year `y` that passes every
    /// `BYxxx` filter.
    fn month_mask(&self, y: i32, m: u32) -> u32 {
        if self.months != 0 && self.months & (1 << m) == 0 {
            return 0;
        }
        let dim = days_in_month(y, m);
        let all = ((1u64 << (dim + 1)) - 2) as u32;
        let mut mask = all;
        if self.has_mday {
            let neg = self.mday_neg.get((dim - 28) as usize).copied().unwrap_or(0);
            mask &= self.mday_pos | neg;
        }
        if mask != 0 && self.freq == Frequency::Yearly {
            mask &= self.year_filter(y, m);
        }
        if mask == 0 || (self.wdays == 0 && !self.has_nth) {
            return mask;
        }
        let w1 = weekday_of_first(y, m);
        let mut days = 0u32;
        for w in 0..7u32 {
            let first = 1 + (w + 7 - w1) % 7;
            if self.wdays & (1 << w) != 0 {
                days |= ((WEEKLY_BITS << first) & u64::from(all)) as u32;
            }
            let (pos, neg) = (self.nth_pos[w as usize], self.nth_neg[w as usize]);
            if pos | neg == 0 {
                continue;
            }
            let count = (dim - first) / 7 + 1;
            let before = CUMULATIVE[(m - 1) as usize % 12] + u32::from(m > 2 && is_leap(y));
            let year_len = 365 + u32::from(is_leap(y));
            for j in 0..count {
                let d = first + 7 * j;
                let (p, n) = if self.year_scope {
                    let yi = before + d - 1;
                    (yi / 7 + 1, (year_len - 1 - yi) / 7 + 1)
                } else {
                    (j + 1, count - j)
                };
                if (p < 64 && pos & (1 << p) != 0) || (n < 64 && neg & (1 << n) != 0) {
                    days |= 1 << d;
                }
            }
        }
        mask & days
    }

    /// The days of month `m` that pass `BYYEARDAY` and `BYWEEKNO` (every day without them).
    fn year_filter(&self, y: i32, m: u32) -> u32 {
        let (yday, weeks) = (
            self.yday_pos != [0; 6] || self.yday_neg != [0; 6],
            !self.week_no.is_empty(),
        );
        if !yday && !weeks {
            return u32::MAX;
        }
        let before = (CUMULATIVE[(m - 1) as usize % 12] + u32::from(m > 2 && is_leap(y))) as usize;
        let year_len = 365 + usize::from(is_leap(y));
        let wmask = if weeks { self.week_mask(y) } else { [0; 6] };
        let mut out = 0u32;
        for d in 1..=days_in_month(y, m) as usize {
            let i = before + d - 1;
            let by_yday = !yday || bit(&self.yday_pos, i + 1) || bit(&self.yday_neg, year_len - i);
            if by_yday && (!weeks || bit(&wmask, i)) {
                out |= 1 << d;
            }
        }
        out
    }

    /// The days (by index in the year, from 0) of year `y` that `BYWEEKNO` picks: python-dateutil's
    /// week table, ported as is (weeks start on `WKST`; week 1 has at least 4 days of the year;
    /// the last days of the year may be week 1 of the next, the first days the last week of the
    /// previous one).
    fn week_mask(&self, y: i32) -> [u64; 6] {
        let mut out = [0u64; 6];
        let has = |n: i64| self.week_no.iter().any(|&w| i64::from(w) == n);
        let year_len = 365 + i64::from(is_leap(y));
        let yw = i64::from(weekday_of_first(y, 1));
        let wkst = i64::from(self.wkst);
        let first = (7 - yw + wkst).rem_euclid(7);
        let (no1, wyear_len) = if first >= 4 {
            (0, year_len + (yw - wkst).rem_euclid(7))
        } else {
            (first, year_len - first)
        };
        let weeks = wyear_len / 7 + (wyear_len % 7) / 4;
        let shift = if no1 != first { 7 - first } else { 0 };
        let mark = |mut i: i64, out: &mut [u64; 6]| {
            for _ in 0..7 {
                if let Ok(k) = usize::try_from(i) {
                    set_bit(out, k);
                }
                i += 1;
                if (yw + i).rem_euclid(7) == wkst {
                    break;
                }
            }
        };
        for &w in &self.week_no {
            let mut n = i64::from(w);
            if n < 0 {
                n += weeks + 1;
            }
            if !(0 < n && n <= weeks) {
                continue;
            }
            let i = if n > 1 {
                no1 + (n - 1) * 7 - shift
            } else {
                no1
            };
            mark(i, &mut out);
        }
        if has(1) {
            let i = no1 + weeks * 7 - shift;
            if i < year_len {
                mark(i, &mut out);
            }
        }
        if no1 != 0 {
            let last_weeks = if has(-1) {
                -1
            } else {
                let lyw = i64::from(weekday_of_first(y - 1, 1));
                let lno1 = (7 - lyw + wkst).rem_euclid(7);
                let lyear_len = 365 + i64::from(is_leap(y - 1));
                if lno1 >= 4 {
                    52 + ((lyear_len + (lyw - wkst).rem_euclid(7)) % 7) / 4
                } else {
                    52 + ((year_len - no1) % 7) / 4
                }
            };
            if has(last_weeks) {
                for i in 0..no1 {
                    set_bit(&mut out, i as usize);
                }
            }
        }
        out
    }

    /// How many of a period's `n` candidates `BYSETPOS` picks (all of them without it).
    fn set_pos_count(&self, n: u32) -> u32 {
        if self.set_pos.is_empty() {
            return n;
        }
        let n = i64::from(n);
        let index = |p: i16| {
            if p > 0 {
                i64::from(p) - 1
            } else {
                n + i64::from(p)
            }
        };
        let mut picked = 0;
        for &p in &self.set_pos {
            let idx = index(p);
            // a negative position may name the candidate a positive one names already
            let again = p < 0
                && i16::try_from(idx + 1).is_ok_and(|q| self.set_pos.binary_search(&q).is_ok());
            if (0..n).contains(&idx) && !again {
                picked += 1;
            }
        }
        picked
    }

    /// Iterates over every occurrence, in order, up to [`MAX_YEAR`].
    ///
    /// ```
    /// use cogov::recur::{format_local, parse_local, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", parse_local("20240229").unwrap()).unwrap();
    /// let leap: Vec<String> = rule.iter().take(2).map(format_local).collect();
    /// assert_eq!(leap, ["2024-02-29T00:00:00", "2028-02-29T00:00:00"]);
    /// ```
    pub fn iter(&self) -> Occurrences<'_> {
        Occurrences::new(self, self.dtstart, end_of_time())
    }
}

/// Iterator over a rule's occurrences (see [`ValidRule::iter`]); always finite.
#[derive(Debug, Clone)]
pub struct Occurrences<'a> {
    rule: &'a ValidRule,
    /// Index of the next period to fill.
    next_period: i64,
    /// Nothing after this is produced (`UNTIL`, window end, [`MAX_YEAR`]).
    limit: NaiveDateTime,
    /// Nothing before this is produced (but it still counts toward `COUNT`).
    from: NaiveDateTime,
    remaining: Option<u32>,
    cands: Vec<NaiveDate>,
    /// The period's days (each at every one of the rule's times), without `BYSETPOS`.
    buf: Vec<NaiveDate>,
    /// The period's date-times `BYSETPOS` picked, sorted.
    picks: Vec<NaiveDateTime>,
    /// Index of the next date-time of the period (over `buf` x times, or `picks`).
    pos: usize,
    done: bool,
    /// (year, month, mask) of the last month asked for by a week or day period.
    cache: (i32, u32, u32),
    /// The query's allowance: one step per period filled or counted.
    budget: Option<&'a Budget>,
}

impl<'a> Occurrences<'a> {
    /// Occurrences within `from..=to`, starting near `from` when `COUNT` allows it.
    pub(crate) fn new(rule: &'a ValidRule, from: NaiveDateTime, to: NaiveDateTime) -> Self {
        Occurrences::within(rule, from, to, None)
    }

    /// [`Occurrences::new`] taking its steps from `budget`: it ends early (with the budget
    /// marked exhausted) when the steps run out.
    ///
    /// A `COUNT` rule starts near `from` too: the occurrences of the periods before it are
    /// counted without being produced (a year or month by its day masks, days and weeks by
    /// whole months, or in one step when the rule's days do not depend on the month).
    pub(crate) fn within(
        rule: &'a ValidRule,
        from: NaiveDateTime,
        to: NaiveDateTime,
        budget: Option<&'a Budget>,
    ) -> Self {
        let mut limit = to.min(end_of_time());
        if let Some(u) = rule.until {
            limit = limit.min(u);
        }
        let mut it = Occurrences {
            rule,
            next_period: 0,
            limit,
            from,
            remaining: rule.count,
            cands: Vec::new(),
            buf: Vec::new(),
            picks: Vec::new(),
            pos: 0,
            done: from > limit,
            cache: (0, 0, 0),
            budget,
        };
        if from > rule.dtstart && !it.done {
            match rule.count {
                None => it.next_period = it.period_before(from.date()),
                Some(count) => it.skip_counted(from.date(), count),
            }
        }
        it
    }

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

    /// The number of date-times of the period filled last.
    fn period_len(&self) -> usize {
        if self.rule.set_pos.is_empty() {
            self.buf.len() * self.rule.times.len()
        } else {
            self.picks.len()
        }
    }

    /// The `i`-th date-time of the period filled last.
    fn at(&self, i: usize) -> Option<NaiveDateTime> {
        let times = &self.rule.times;
        if let ([time], true) = (&times[..], self.rule.set_pos.is_empty()) {
            // one time a day (the common case): no division per occurrence
            Some(self.buf.get(i)?.and_time(*time))
        } else if self.rule.set_pos.is_empty() {
            let nt = times.len().max(1);
            let day = self.buf.get(i / nt)?;
            Some(day.and_time(*times.get(i % nt)?))
        } else {
            self.picks.get(i).copied()
        }
    }

    /// The date-times of the period filled last, in order.
    fn period(&self) -> impl Iterator<Item = NaiveDateTime> + '_ {
        (0..self.period_len()).filter_map(|i| self.at(i))
    }

    /// Takes one step from the budget; `false` (and the iterator done) when none is left.
    fn step(&mut self) -> bool {
        if self.budget.is_none_or(|b| b.take(1)) {
            return true;
        }
        self.done = true;
        false
    }

    /// Moves a `COUNT` rule to the period of `day`, counting the occurrences before it.
    fn skip_counted(&mut self, day: NaiveDate, count: u32) {
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
                        for m in 1..=12 {
                            total += r.month_mask(y, m).count_ones();
                        }
                    } else {
                        let mi = i64::from(start.year()) * 12 + i64::from(start.month0()) + step;
                        let y = i32::try_from(mi.div_euclid(12)).ok()?;
                        total = r.month_mask(y, mi.rem_euclid(12) as u32 + 1).count_ones();
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
            n += u64::from((r.month_mask(y, m) & range & inside).count_ones()) * nt;
            if n >= stop {
                break;
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        Some(n)
    }

    /// Index of the period that contains `day` (or the last one before it).
    fn period_before(&self, day: NaiveDate) -> i64 {
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
    fn fill_next_period(&mut self) -> bool {
        if !self.step() {
            return false;
        }
        let r = self.rule;
        let k = self.next_period;
        self.next_period = k.saturating_add(1);
        let Some(step) = k.checked_mul(i64::from(r.interval)) else {
            return false;
        };
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
                for m in 1..=12 {
                    let mask = r.month_mask(y, m);
                    if let (true, Some(slot)) = (mask != 0, months.get_mut(n)) {
                        *slot = (m, mask);
                        n += 1;
                    }
                }
                self.emit_months(y, months.get(..n).unwrap_or(&[]));
                return true;
            }
            Frequency::Monthly => {
                let mi = i64::from(start.year()) * 12 + i64::from(start.month0()) + step;
                let (y, m) = (mi.div_euclid(12), mi.rem_euclid(12) as u32 + 1);
                if (y, m) > (i64::from(limit_day.year()), limit_day.month()) {
                    return false;
                }
                let y = y as i32;
                let mask = r.month_mask(y, m);
                self.emit_months(y, &[(m, mask)]);
                return true;
            }
            Frequency::Weekly | Frequency::Daily => {
                let first = i64::from(start.num_days_from_ce());
                let (begin, len) = if r.freq == Frequency::Daily {
                    (first + step, 1)
                } else if k == 0 {
                    let into_week = (start.weekday().num_days_from_monday() + 7 - r.wkst) % 7;
                    (first, 7 - i64::from(into_week))
                } else {
                    let into_week = (start.weekday().num_days_from_monday() + 7 - r.wkst) % 7;
                    (first - i64::from(into_week) + 7 * step, 7)
                };
                if begin > i64::from(limit_day.num_days_from_ce()) {
                    return false;
                }
                let Some(mut day) = i32::try_from(begin)
                    .ok()
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
                else {
                    return false;
                };
                for i in 0..len {
                    if i > 0 {
                        let Some(next) = day.succ_opt() else {
                            return false;
                        };
                        day = next;
                    }
                    let (y, m) = (day.year(), day.month());
                    if (self.cache.0, self.cache.1) != (y, m) {
                        self.cache = (y, m, r.month_mask(y, m));
                    }
                    if self.cache.2 & (1 << day.day()) != 0 {
                        self.cands.push(day);
                    }
                }
            }
        }
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

impl Iterator for Occurrences<'_> {
    type Item = NaiveDateTime;

    fn next(&mut self) -> Option<NaiveDateTime> {
        while !self.done {
            let Some(dt) = self.at(self.pos) else {
                if !self.fill_next_period() {
                    self.done = true;
                }
                continue;
            };
            self.pos += 1;
            if dt > self.limit {
                self.done = true;
                break;
            }
            if dt < self.rule.dtstart {
                continue;
            }
            if let Some(left) = self.remaining.as_mut() {
                if *left == 0 {
                    self.done = true;
                    break;
                }
                *left -= 1;
            }
            if dt >= self.from {
                return Some(dt);
            }
        }
        None
    }
}

impl FusedIterator for Occurrences<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_of_first_matches_chrono() {
        for y in 1899..=2201 {
            for m in 1..=12 {
                let d = NaiveDate::from_ymd_opt(y, m, 1).unwrap();
                assert_eq!(
                    weekday_of_first(y, m),
                    d.weekday().num_days_from_monday(),
                    "{d}"
                );
                assert_eq!(
                    days_in_month(y, m),
                    d.with_day(29).map_or(28, |_| d
                        .with_day(31)
                        .map_or(d.with_day(30).map_or(29, |_| 30), |_| 31)),
                    "{d}"
                );
            }
        }
    }
}

#[cfg(test)]
mod skip_tests {
    use super::super::{parse_local, Budget, ValidRule};
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
