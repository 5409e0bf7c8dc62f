//! [`RuleSpec`] + `DTSTART` → [`ValidRule`]: range and combination checks, the
//! defaults RFC 5545 takes from `DTSTART`, and the bit masks expansion uses.

use super::parse::{check_year, weekday_code};
use super::{Frequency, RecurCode, RecurError, RuleSpec, WeekdayNum};
use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike, Weekday};

/// Largest accepted `INTERVAL`.
const MAX_INTERVAL: u32 = 1000;
/// Largest accepted `COUNT`.
const MAX_COUNT: u32 = 1_000_000;

/// A rule checked against its `DTSTART`: the only thing that can expand.
///
/// Get one from [`RuleSpec::validate`] or [`ValidRule::parse`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRule {
    pub(crate) spec: RuleSpec,
    pub(crate) dtstart: NaiveDateTime,
    pub(crate) freq: Frequency,
    pub(crate) interval: u32,
    pub(crate) count: Option<u32>,
    pub(crate) until: Option<NaiveDateTime>,
    /// Bit `m` set for each allowed month; 0 means any month.
    pub(crate) months: u16,
    /// Whether a month-day filter applies.
    pub(crate) has_mday: bool,
    /// Bit `d` for each positive `BYMONTHDAY`.
    pub(crate) mday_pos: u32,
    /// Negative `BYMONTHDAY`s as positive day bits, for months of 28..=31 days.
    pub(crate) mday_neg: [u32; 4],
    /// Bit `w` (0 = Monday) for each plain `BYDAY`.
    pub(crate) wdays: u8,
    /// Whether ordinal `BYDAY`s exist.
    pub(crate) has_nth: bool,
    /// Per weekday, bit `n` for each ordinal `+n`.
    pub(crate) nth_pos: [u64; 7],
    /// Per weekday, bit `n` for each ordinal `-n`.
    pub(crate) nth_neg: [u64; 7],
    /// Ordinals count within the year (plain `YEARLY`) rather than the month.
    pub(crate) year_scope: bool,
    /// `BYSETPOS`, sorted and without duplicates.
    pub(crate) set_pos: Vec<i16>,
    /// Week start, 0 = Monday.
    pub(crate) wkst: u32,
    /// Bit `n` (of 1..=366) for each positive `BYYEARDAY`.
    pub(crate) yday_pos: [u64; 6],
    /// Bit `n` for each `BYYEARDAY` `-n`.
    pub(crate) yday_neg: [u64; 6],
    /// `BYWEEKNO`, sorted and without duplicates.
    pub(crate) week_no: Vec<i8>,
    /// The times of each day (`BYHOUR` x `BYMINUTE`, else `DTSTART`'s), sorted, at most 1,440.
    pub(crate) times: Vec<NaiveTime>,
}

/// Sets bit `n` of a 384-bit set.
pub(crate) fn set_bit(bits: &mut [u64; 6], n: usize) {
    if let Some(w) = bits.get_mut(n / 64) {
        *w |= 1 << (n % 64);
    }
}

/// Whether bit `n` of a 384-bit set is set.
pub(crate) fn bit(bits: &[u64; 6], n: usize) -> bool {
    bits.get(n / 64).is_some_and(|w| w & (1 << (n % 64)) != 0)
}

fn bad(code: RecurCode, message: String) -> RecurError {
    RecurError::new(code, message)
}

impl RuleSpec {
    /// Checks the rule against `dtstart` and fills the defaults RFC 5545 takes from
    /// it (the weekday for `WEEKLY`, the day of month for `MONTHLY`, month and day
    /// for `YEARLY`).
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSpec};
    ///
    /// let start = parse_local("20240110T100000").unwrap();
    /// let rule = RuleSpec::parse("FREQ=MONTHLY;COUNT=2").unwrap().validate(start).unwrap();
    /// assert_eq!(rule.first(5).occurrences.len(), 2);
    ///
    /// let err = RuleSpec::parse("FREQ=MONTHLY;BYMONTH=13").unwrap().validate(start).unwrap_err();
    /// assert_eq!(err.message, "bad BYMONTH value 13: expected 1..=12");
    /// ```
    pub fn validate(&self, dtstart: NaiveDateTime) -> Result<ValidRule, RecurError> {
        self.clone().into_valid(dtstart)
    }

    /// [`RuleSpec::validate`] keeping the spec itself (no copy of its lists).
    pub(crate) fn into_valid(self, dtstart: NaiveDateTime) -> Result<ValidRule, RecurError> {
        check_year(dtstart).map_err(|e| bad(e.code, format!("bad dtstart: {}", e.message)))?;
        if let Some(u) = self.until {
            check_year(u).map_err(|e| bad(e.code, format!("bad UNTIL value: {}", e.message)))?;
        }
        if self.count.is_some() && self.until.is_some() {
            return Err(bad(
                RecurCode::CountAndUntil,
                "rrule has both COUNT and UNTIL: use one of them".into(),
            ));
        }
        if !(1..=MAX_INTERVAL).contains(&self.interval) {
            return Err(bad(
                RecurCode::BadValue,
                format!(
                    "bad INTERVAL value {}: expected 1..={MAX_INTERVAL}",
                    self.interval
                ),
            ));
        }
        if let Some(c) = self.count {
            if !(1..=MAX_COUNT).contains(&c) {
                return Err(bad(
                    RecurCode::BadValue,
                    format!("bad COUNT value {c}: expected 1..={MAX_COUNT}"),
                ));
            }
        }
        let mut months = 0u16;
        for &m in &self.by_month {
            if !(1..=12).contains(&m) {
                return Err(bad(
                    RecurCode::BadValue,
                    format!("bad BYMONTH value {}: expected 1..=12", m as u32),
                ));
            }
            months |= 1 << m;
        }
        if !self.by_month_day.is_empty() && self.freq == Frequency::Weekly {
            return Err(bad(
                RecurCode::BadCombination,
                "BYMONTHDAY cannot be used with FREQ=WEEKLY".into(),
            ));
        }
        let mut mday_pos = 0u32;
        let mut neg = 0u32;
        for &d in &self.by_month_day {
            if d == 0 || d.unsigned_abs() > 31 {
                return Err(bad(
                    RecurCode::BadValue,
                    format!(
                        "bad BYMONTHDAY value {}: expected 1..=31 or -31..=-1",
                        d as i32
                    ),
                ));
            }
            if d > 0 {
                mday_pos |= 1 << d;
            } else {
                neg |= 1 << d.unsigned_abs();
            }
        }
        let not_yearly = match self.freq {
            Frequency::Yearly => None,
            Frequency::Monthly => Some("MONTHLY"),
            Frequency::Weekly => Some("WEEKLY"),
            Frequency::Daily => Some("DAILY"),
        };
        let mut yday_pos = [0u64; 6];
        let mut yday_neg = [0u64; 6];
        for &d in &self.by_year_day {
            if let Some(f) = not_yearly {
                return Err(bad(
                    RecurCode::BadCombination,
                    format!("BYYEARDAY cannot be used with FREQ={f}: use FREQ=YEARLY"),
                ));
            }
            if d == 0 || d.unsigned_abs() > 366 {
                return Err(bad(
                    RecurCode::BadValue,
                    format!(
                        "bad BYYEARDAY value {}: expected 1..=366 or -366..=-1",
                        d as i32
                    ),
                ));
            }
            let n = usize::from(d.unsigned_abs());
            set_bit(if d > 0 { &mut yday_pos } else { &mut yday_neg }, n);
        }
        let mut week_no = Vec::with_capacity(self.by_week_no.len());
        for &w in &self.by_week_no {
            if let Some(f) = not_yearly {
                return Err(bad(
                    RecurCode::BadCombination,
                    format!("BYWEEKNO cannot be used with FREQ={f}: use FREQ=YEARLY"),
                ));
            }
            if w == 0 || w.unsigned_abs() > 53 {
                return Err(bad(
                    RecurCode::BadValue,
                    format!(
                        "bad BYWEEKNO value {}: expected 1..=53 or -53..=-1",
                        w as i32
                    ),
                ));
            }
            week_no.push(w);
        }
        crate::sort::dedup_small(&mut week_no);
        let mut hours = Vec::with_capacity(self.by_hour.len());
        for &h in &self.by_hour {
            if h > 23 {
                return Err(bad(
                    RecurCode::BadValue,
                    format!("bad BYHOUR value {}: expected 0..=23", h as u32),
                ));
            }
            hours.push(u32::from(h));
        }
        let mut minutes = Vec::with_capacity(self.by_minute.len());
        for &m in &self.by_minute {
            if m > 59 {
                return Err(bad(
                    RecurCode::BadValue,
                    format!("bad BYMINUTE value {}: expected 0..=59", m as u32),
                ));
            }
            minutes.push(u32::from(m));
        }
        if hours.is_empty() {
            hours.push(dtstart.hour());
        }
        if minutes.is_empty() {
            minutes.push(dtstart.minute());
        }
        crate::sort::dedup_small(&mut hours);
        crate::sort::dedup_small(&mut minutes);
        let mut times = Vec::with_capacity(hours.len() * minutes.len());
        for &h in &hours {
            for &m in &minutes {
                times.extend(NaiveTime::from_hms_opt(h, m, dtstart.second()));
            }
        }
        let year_scope = self.freq == Frequency::Yearly && self.by_month.is_empty();
        let mut wdays = 0u8;
        let mut nth_pos = [0u64; 7];
        let mut nth_neg = [0u64; 7];
        let mut has_nth = false;
        for &WeekdayNum { ordinal, weekday } in &self.by_day {
            let w = weekday.num_days_from_monday() as usize;
            let Some(n) = ordinal else {
                wdays |= 1 << w;
                continue;
            };
            let text = format!("{}{}", n as i32, weekday_code(weekday));
            if matches!(self.freq, Frequency::Weekly | Frequency::Daily) {
                return Err(bad(
                    RecurCode::BadCombination,
                    format!("BYDAY ordinal {text} is only valid with FREQ=MONTHLY or YEARLY"),
                ));
            }
            if !week_no.is_empty() {
                return Err(bad(
                    RecurCode::BadCombination,
                    format!("BYDAY ordinal {text} cannot be used with BYWEEKNO"),
                ));
            }
            let limit: u32 = if year_scope { 53 } else { 5 };
            if n == 0 || u32::from(n.unsigned_abs()) > limit {
                let scope = if year_scope { "year" } else { "month" };
                return Err(bad(
                    RecurCode::BadValue,
                    format!("bad BYDAY ordinal {text}: expected 1..={limit} or -{limit}..=-1 within a {scope}"),
                ));
            }
            has_nth = true;
            if n > 0 {
                nth_pos[w] |= 1 << n;
            } else {
                nth_neg[w] |= 1 << n.unsigned_abs();
            }
        }
        let mut set_pos = Vec::with_capacity(self.by_set_pos.len());
        for &p in &self.by_set_pos {
            if p == 0 || p.unsigned_abs() > 366 {
                return Err(bad(
                    RecurCode::BadValue,
                    format!(
                        "bad BYSETPOS value {}: expected 1..=366 or -366..=-1",
                        p as i32
                    ),
                ));
            }
            set_pos.push(p);
        }
        crate::sort::dedup_small(&mut set_pos);

        // Defaults from DTSTART (RFC 5545 section 3.3.10, as in python-dateutil).
        if self.by_month_day.is_empty()
            && self.by_day.is_empty()
            && self.by_year_day.is_empty()
            && self.by_week_no.is_empty()
        {
            match self.freq {
                Frequency::Yearly => {
                    if months == 0 {
                        months = 1 << dtstart.month();
                    }
                    mday_pos = 1 << dtstart.day();
                }
                Frequency::Monthly => mday_pos = 1 << dtstart.day(),
                Frequency::Weekly => wdays = 1 << dtstart.weekday().num_days_from_monday(),
                Frequency::Daily => {}
            }
        }
        let has_mday = mday_pos != 0 || neg != 0;
        let mut mday_neg = [0u32; 4];
        for (i, slot) in mday_neg.iter_mut().enumerate() {
            let dim = 28 + i as u32;
            for k in 1..=31u32 {
                if neg & (1 << k) != 0 && k <= dim {
                    *slot |= 1 << (dim + 1 - k);
                }
            }
        }
        Ok(ValidRule {
            dtstart,
            freq: self.freq,
            interval: self.interval,
            count: self.count,
            until: self.until,
            months,
            has_mday,
            mday_pos,
            mday_neg,
            wdays,
            has_nth,
            nth_pos,
            nth_neg,
            year_scope,
            set_pos,
            wkst: weekday_index(self.wkst),
            yday_pos,
            yday_neg,
            week_no,
            times,
            spec: self,
        })
    }
}

fn weekday_index(w: Weekday) -> u32 {
    w.num_days_from_monday()
}

impl ValidRule {
    /// Parses and validates in one step.
    ///
    /// ```
    /// use cogov::recur::{parse_local, ValidRule};
    ///
    /// let start = parse_local("20240101").unwrap();
    /// assert!(ValidRule::parse("FREQ=YEARLY", start).is_ok());
    /// assert_eq!(ValidRule::parse("FREQ=YEARLY;COUNT=0", start).unwrap_err().code, "bad_value");
    /// ```
    pub fn parse(rrule: &str, dtstart: NaiveDateTime) -> Result<ValidRule, RecurError> {
        RuleSpec::parse(rrule)?.into_valid(dtstart)
    }

    /// Whether the rule has neither `COUNT` nor `UNTIL` (its expansion ends at [`super::MAX_YEAR`]).
    ///
    /// ```
    /// use cogov::recur::{parse_local, ValidRule};
    ///
    /// let start = parse_local("20240101").unwrap();
    /// assert!(ValidRule::parse("FREQ=DAILY", start).unwrap().is_unbounded());
    /// assert!(!ValidRule::parse("FREQ=DAILY;COUNT=3", start).unwrap().is_unbounded());
    /// ```
    pub fn is_unbounded(&self) -> bool {
        self.count.is_none() && self.until.is_none()
    }

    /// The rule's `DTSTART`.
    ///
    /// ```
    /// use cogov::recur::{parse_local, ValidRule};
    ///
    /// let start = parse_local("20240101T090000").unwrap();
    /// assert_eq!(ValidRule::parse("FREQ=DAILY", start).unwrap().dtstart(), start);
    /// ```
    pub fn dtstart(&self) -> NaiveDateTime {
        self.dtstart
    }

    /// The rule as it was written (before defaults were filled).
    ///
    /// ```
    /// use cogov::recur::{parse_local, ValidRule};
    ///
    /// let rule = ValidRule::parse("RRULE:freq=weekly;byday=tu", parse_local("20240102").unwrap()).unwrap();
    /// assert_eq!(rule.spec().to_string(), "FREQ=WEEKLY;BYDAY=TU");
    /// ```
    pub fn spec(&self) -> &RuleSpec {
        &self.spec
    }
}
