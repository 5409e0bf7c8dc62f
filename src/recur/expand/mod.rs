//! Period-by-period expansion of a [`ValidRule`].
//!
//! Each period (a year, month, week or day, `INTERVAL` apart) is turned into a
//! bit mask of matching days per month, then into a reused buffer of dates;
//! `BYSETPOS` picks from that buffer. Nothing is allocated per candidate.

//!
//! The parts: calendar arithmetic (`calendar.rs`), the `BYxxx` filters as day masks
//! (`filters.rs`), each frequency's period of candidates with `BYSETPOS` (`period.rs`), and
//! `COUNT` skipping and counting (`count.rs`); this file is the iterator, its limits (`UNTIL`,
//! the window, [`MAX_YEAR`]) and its budget.

mod calendar;
mod count;
mod filters;
mod period;

use super::{Budget, ValidRule, MAX_YEAR};
use calendar::{days_in_month, weekday_of_first};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use core::iter::FusedIterator;

/// The last instant expansion may produce.
pub(crate) fn end_of_time() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31)
        .and_then(|d| d.and_hms_opt(23, 59, 59))
        .unwrap_or(NaiveDateTime::MAX)
}
impl ValidRule {
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

/// The day number of `d` (days from the common era, 0001-01-01 is 1).
fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

/// The month number of `d`: `year * 12 + month0`.
fn month_number(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
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
    /// A date-time at or after both `DTSTART` and `from` was reached (every later one is too).
    started: bool,
    /// (year, month, mask) of the last month asked for by a week or day period.
    cache: (i32, u32, u32),
    /// Per-iterator constants of the periods, computed once: `DTSTART`'s day number (from the
    /// common era), month number (`year * 12 + month0`) and days into its week (from `WKST`),
    /// and the day and month numbers of `limit`.
    first_day: i64,
    first_month: i64,
    into_week: i64,
    last_day: i64,
    last_month: i64,
    /// The day number and date of the last week or day period's first day (at first DTSTART's).
    last_begin: (i64, NaiveDate),
    /// When the rule's months alike share their mask ([`ValidRule::masks_alike`]): the masks by
    /// `(days in the month - 28) * 7 + weekday of its first day`, bit `i` of `masks_known` set
    /// once entry `i` is.
    masks_alike: bool,
    masks: [u32; 28],
    masks_known: u32,
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
            started: false,
            cache: (0, 0, 0),
            first_day: day_number(rule.dtstart.date()),
            first_month: month_number(rule.dtstart.date()),
            into_week: i64::from(
                (rule.dtstart.weekday().num_days_from_monday() + 7 - rule.wkst) % 7,
            ),
            last_day: day_number(limit.date()),
            last_month: month_number(limit.date()),
            last_begin: (day_number(rule.dtstart.date()), rule.dtstart.date()),
            masks_alike: rule.masks_alike(),
            masks: [0; 28],
            masks_known: 0,
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

    /// The rule's mask of month `m` of year `y` ([`ValidRule::month_mask`]), computed once per
    /// length and first weekday when months alike share it.
    fn mask(&mut self, y: i32, m: u32) -> u32 {
        let r = self.rule;
        if r.months != 0 && r.months & (1 << m) == 0 {
            return 0;
        }
        if !self.masks_alike {
            return r.month_mask(y, m);
        }
        let i = ((days_in_month(y, m) - 28) * 7 + weekday_of_first(y, m)) as usize;
        match self.masks.get_mut(i) {
            Some(slot) if self.masks_known & (1 << i) == 0 => {
                *slot = r.month_mask(y, m);
                self.masks_known |= 1 << i;
                *slot
            }
            Some(slot) => *slot,
            None => r.month_mask(y, m),
        }
    }

    /// Takes one step from the budget; `false` (and the iterator done) when none is left.
    fn step(&mut self) -> bool {
        if self.budget.is_none_or(|b| b.take(1)) {
            return true;
        }
        self.done = true;
        false
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
            // date-times increase: once one reached DTSTART and `from`, every later one has
            if !self.started {
                if dt < self.rule.dtstart {
                    continue;
                }
                self.started = dt >= self.from;
            }
            if let Some(left) = self.remaining.as_mut() {
                if *left == 0 {
                    self.done = true;
                    break;
                }
                *left -= 1;
            }
            if self.started {
                return Some(dt);
            }
        }
        None
    }
}

impl FusedIterator for Occurrences<'_> {}
