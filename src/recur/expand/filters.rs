//! The `BYxxx` filters of a period: per month, the bit mask of the days that pass `BYMONTH`,
//! `BYMONTHDAY`, `BYDAY` (plain and ordinal), and for `YEARLY` `BYYEARDAY` and `BYWEEKNO`
//! (dateutil's week table); and how many candidates `BYSETPOS` picks from a period.

use super::calendar::{days_in_month, is_leap, weekday_of_first, CUMULATIVE};
use crate::recur::validate::{bit, set_bit};
use crate::recur::{Frequency, ValidRule};

/// Bits 0, 7, 14, 21, 28: one weekday's days when shifted by its first day.
const WEEKLY_BITS: u64 = 1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28;

impl ValidRule {
    /// Bit `d` set for each day `d` of month `m` of year `y` that passes every
    /// `BYxxx` filter.
    pub(super) fn month_mask(&self, y: i32, m: u32) -> u32 {
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
        // the day (1..=7) of the month's first weekday `w`; no division in the loops below
        let first_of = |w: u32| {
            let d = w + 7 - w1;
            1 + if d >= 7 { d - 7 } else { d }
        };
        let mut days = 0u32;
        let mut plain = self.wdays;
        while plain != 0 {
            let w = plain.trailing_zeros();
            plain &= plain - 1;
            days |= ((WEEKLY_BITS << first_of(w)) & u64::from(all)) as u32;
        }
        if !self.has_nth {
            return mask & days;
        }
        let (before, year_len) = if self.year_scope {
            let leap = is_leap(y);
            let before = CUMULATIVE[(m - 1) as usize % 12] + u32::from(m > 2 && leap);
            (before, 365 + u32::from(leap))
        } else {
            (0, 0)
        };
        for w in 0..7u32 {
            let (pos, neg) = (self.nth_pos[w as usize], self.nth_neg[w as usize]);
            if pos | neg == 0 {
                continue;
            }
            let first = first_of(w);
            // how many of them the month has: (dim - first) / 7 + 1, with dim - first in 21..=30
            let count = if dim - first >= 28 { 5 } else { 4 };
            // the first one's ordinal from the start and from the end (of the month, or of the
            // year: one week later is one more from the start and one less from the end)
            let (p0, n0) = if self.year_scope {
                let yi = before + first - 1;
                (yi / 7 + 1, (year_len - 1 - yi) / 7 + 1)
            } else {
                (1, count)
            };
            for j in 0..count {
                let (p, n) = (p0 + j, n0 - j);
                if (p < 64 && pos & (1 << p) != 0) || (n < 64 && neg & (1 << n) != 0) {
                    days |= 1 << (first + 7 * j);
                }
            }
        }
        mask & days
    }

    /// Whether the month mask of month `m` depends on nothing but the month's length and the
    /// weekday of its first day (and on `m` by `BYMONTH`): then months alike share it. Not with
    /// ordinals counted in the year, `BYYEARDAY` or `BYWEEKNO`; and not without weekdays, whose
    /// masks take no weekday to compute.
    pub(super) fn masks_alike(&self) -> bool {
        let (yday, weeks) = self.year_parts();
        (self.wdays != 0 || self.has_nth)
            && !(self.has_nth && self.year_scope)
            && !(self.freq == Frequency::Yearly && (yday || weeks))
    }

    /// Whether the rule has `BYYEARDAY`, and `BYWEEKNO`.
    fn year_parts(&self) -> (bool, bool) {
        (
            // no array comparison (a memcmp call per month in the wasm)
            self.yday_pos
                .iter()
                .zip(&self.yday_neg)
                .any(|(p, n)| p | n != 0),
            !self.week_no.is_empty(),
        )
    }

    /// The days of month `m` that pass `BYYEARDAY` and `BYWEEKNO` (every day without them).
    fn year_filter(&self, y: i32, m: u32) -> u32 {
        let (yday, weeks) = self.year_parts();
        if !yday && !weeks {
            return u32::MAX;
        }
        let before = (CUMULATIVE[(m - 1) as usize % 12] + u32::from(m > 2 && is_leap(y))) as usize;
        let year_len = 365 + usize::from(is_leap(y));
        let wmask = if weeks { self.week_mask(y) } else { [0; 6] };
        let mut out = 0u32;
        for d in 1..days_in_month(y, m) as usize + 1 {
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
    pub(super) fn set_pos_count(&self, n: u32) -> u32 {
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
}
