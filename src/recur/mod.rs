//! A bounded, windowed RFC 5545 `RRULE` engine over local (naive) date-times.
//!
//! Council sessions are held in Korea Standard Time (Asia/Seoul, UTC+9). Korea has
//! had no daylight-saving time since 1988, so every wall-clock time is one fixed
//! offset from UTC and the engine works on [`chrono::NaiveDateTime`] alone: no time
//! zone database, no clock. An all-day event is the date at `00:00:00`; the caller
//! keeps the "all-day" flag. **Limit:** rules for other zones, or for Korean dates
//! before 1988 (when DST was observed), are expanded in naive local time and
//! UTC values (`...Z`) are always converted with +9 hours.
//!
//! The house style is "parse, don't validate": text is parsed into a [`RuleSpec`]
//! (syntax only), [`RuleSpec::validate`] checks it against a `DTSTART` and returns a
//! [`ValidRule`], and only a `ValidRule` (or a [`RuleSet`] built from one) can
//! expand. Expansion is always bounded: no year after [`MAX_YEAR`] is produced, no
//! call returns more than [`HARD_CAP`] occurrences, and rules that never match end
//! after the scan reaches [`MAX_YEAR`] instead of looping. A rule without `COUNT` or
//! `UNTIL` whose expansion is cut at the end of [`MAX_YEAR`] says so
//! ([`Expansion::horizon`]), as [`Expansion::truncated`] does for a cap.
//!
//! # Supported subset
//!
//! | part | accepted |
//! | --- | --- |
//! | `FREQ` | `YEARLY`, `MONTHLY`, `WEEKLY`, `DAILY` |
//! | `INTERVAL` | `1..=1000` |
//! | `COUNT` | `1..=1000000` (not together with `UNTIL`) |
//! | `UNTIL` | `YYYYMMDD` (that date at 00:00), `YYYYMMDDTHHMMSS` (local), `YYYYMMDDTHHMMSSZ` (UTC, +9h) |
//! | `BYMONTH` | `1..=12` |
//! | `BYMONTHDAY` | `1..=31`, `-31..=-1`; not with `FREQ=WEEKLY` |
//! | `BYDAY` | `MO`..`SU`, with ordinals (`2TU`, `-1FR`) only for `MONTHLY`/`YEARLY` |
//! | `BYYEARDAY` | `1..=366`, `-366..=-1`; `FREQ=YEARLY` only (RFC 5545: N/A for `MONTHLY`, `WEEKLY`, `DAILY`) |
//! | `BYWEEKNO` | `1..=53`, `-53..=-1`; `FREQ=YEARLY` only, not with `BYDAY` ordinals |
//! | `BYHOUR` | `0..=23` |
//! | `BYMINUTE` | `0..=59` |
//! | `BYSETPOS` | `1..=366`, `-366..=-1` |
//! | `WKST` | `MO`..`SU` (default `MO`) |
//! | `RDATE` | beside the rule ([`RuleSet::with_rdates`], `RDATE:` lines in [`RuleSet::parse`]) |
//!
//! Rejected with an error naming the part: `FREQ=HOURLY|MINUTELY|SECONDLY`, `BYSECOND`,
//! `BYEASTER`, other properties in the rule text (`RDATE`, `EXRULE`, ...), `COUNT`
//! with `UNTIL`, `BYMONTHDAY` with `WEEKLY`, empty or duplicate parts and out-of-range
//! values. Years are limited to [`MIN_YEAR`]`..=`[`MAX_YEAR`].
//!
//! # Semantics
//!
//! Expansion follows python-dateutil, which follows RFC 5545:
//! - `DTSTART` is an occurrence only if it matches the rule;
//! - impossible dates (Feb 30, `BYMONTHDAY=31` in a 30-day month) are skipped,
//!   never clamped;
//! - a missing `BYDAY`/`BYMONTHDAY` is taken from `DTSTART` (weekday for `WEEKLY`,
//!   day of month for `MONTHLY`, month and day for `YEARLY`);
//! - `BYDAY` ordinals count within the month for `MONTHLY` and for `YEARLY` with
//!   `BYMONTH`, within the year for plain `YEARLY`;
//! - `BYSETPOS` picks from each period's (year, month, week or day) set; for
//!   `WEEKLY` the first period runs from `DTSTART` to the day before the next `WKST`;
//! - `BYHOUR`/`BYMINUTE` give each matching day those times (sorted; a missing one is
//!   `DTSTART`'s hour or minute, the second is always `DTSTART`'s), and `BYSETPOS` picks
//!   from the period's date-times; `COUNT`, the caps and the [`Budget`] count each time;
//! - `BYWEEKNO` weeks start on `WKST`, week 1 is the first with at least four days of the
//!   year, and the days a `YEARLY` period takes are the year's own (dateutil's week table,
//!   which does not look for the next year's week `-n`);
//! - `BYYEARDAY` and `BYWEEKNO` leave no `BYMONTHDAY`/`BYDAY` default to `DTSTART`;
//! - `COUNT` counts the rule's occurrences before `EXDATE`s are removed; `RDATE`s are
//!   added (not counted by `COUNT`, removed by `EXDATE`s too, one occurrence when the
//!   rule has it as well).
//!
//! Deliberate differences: a `BYDAY` list that mixes plain days and ordinal days
//! (`BYDAY=MO,2TU`) is the union RFC 5545 asks for (dateutil intersects them); a
//! date-only `EXDATE` removes every occurrence on that date; a date-only `RDATE` is that
//! date at `DTSTART`'s time (dateutil reads it as midnight); and `BYWEEKNO` with a
//! `BYDAY` ordinal, which RFC 5545 forbids, is an error (dateutil accepts it).
//!
//! ```
//! use cogov::recur::{format_local, parse_local, RuleSet};
//!
//! let start = parse_local("20240902T140000").unwrap();
//! let set = RuleSet::parse(start, "RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "20241007").unwrap();
//! let got: Vec<String> = set.first(10).occurrences.into_iter().map(format_local).collect();
//! assert_eq!(got, ["2024-09-02T14:00:00", "2024-11-04T14:00:00"]);
//! ```

mod expand;
mod parse;
mod set;
mod validate;

use chrono::{Datelike, NaiveDateTime, Timelike};
use core::fmt;

pub use crate::codes::RecurCode;
use core::cell::Cell;
pub use expand::Occurrences;
pub use parse::{parse_local, RuleSpec};
pub use set::{ExDate, RuleSet};
pub use validate::ValidRule;

/// Never return more occurrences than this from one call; `truncated` says when
/// the result was cut.
pub const HARD_CAP: usize = 10_000;

/// The work one query may do over all its expansions ([`Budget`]): a step is one period
/// filled, one period or month counted while skipping ahead, or one occurrence produced.
pub const QUERY_STEPS: u64 = 2_000_000;

/// A query's work allowance, shared by every expansion the query makes (all series, relative
/// rules, numbering). When it runs out, expansions end early and report `truncated`.
///
/// ```
/// use cogov::recur::{parse_local, Budget, ValidRule};
///
/// let rule = ValidRule::parse("FREQ=DAILY", parse_local("19000101").unwrap()).unwrap();
/// let budget = Budget::new(100);
/// let got = rule.between_within(parse_local("19000101").unwrap(), parse_local("22001231").unwrap(), 10_000, &budget);
/// assert!(got.truncated && got.occurrences.len() < 100 && budget.exhausted());
/// ```
#[derive(Debug)]
pub struct Budget {
    left: Cell<u64>,
    used: Cell<u64>,
    cut: Cell<bool>,
}

impl Budget {
    /// An allowance of `steps` steps.
    pub fn new(steps: u64) -> Budget {
        Budget {
            left: Cell::new(steps),
            used: Cell::new(0),
            cut: Cell::new(false),
        }
    }

    /// Takes `n` steps; `false` (and nothing taken) when fewer are left.
    pub(crate) fn take(&self, n: u64) -> bool {
        let left = self.left.get();
        if left < n {
            self.left.set(0);
            self.cut.set(true);
            return false;
        }
        self.left.set(left - n);
        self.used.set(self.used.get() + n);
        true
    }

    /// Whether the allowance ran out (something was cut).
    pub fn exhausted(&self) -> bool {
        self.cut.get()
    }

    /// Steps taken so far (for tests and benchmarks: the work a query did).
    pub fn used(&self) -> u64 {
        self.used.get()
    }
}

impl Default for Budget {
    /// [`QUERY_STEPS`] steps.
    fn default() -> Budget {
        Budget::new(QUERY_STEPS)
    }
}

/// Earliest year accepted for `DTSTART`, `UNTIL` and `EXDATE`.
pub const MIN_YEAR: i32 = 1900;

/// Latest year accepted anywhere; expansion ends after its last day.
pub const MAX_YEAR: i32 = 2200;

/// The one error type of the engine.
///
/// `code` is a stable machine-readable tag; `message` is lower-case, has no
/// trailing period and quotes the offending data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecurError {
    /// Stable tag such as `unsupported_part` or `bad_value` (one of [`RecurCode::ALL`]).
    pub code: RecurCode,
    /// Human-readable explanation.
    pub message: String,
}

impl RecurError {
    pub(crate) fn new(code: RecurCode, message: impl Into<String>) -> Self {
        RecurError {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for RecurError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RecurError {}

/// The supported `FREQ` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Frequency {
    /// `FREQ=YEARLY`
    Yearly,
    /// `FREQ=MONTHLY`
    Monthly,
    /// `FREQ=WEEKLY`
    Weekly,
    /// `FREQ=DAILY`
    Daily,
}

/// One `BYDAY` item: a weekday with an optional ordinal (`2TU`, `-1FR`, `MO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WeekdayNum {
    /// `None` for every such weekday; `Some(n)` for the n-th (negative: from the end).
    pub ordinal: Option<i16>,
    /// The weekday.
    pub weekday: chrono::Weekday,
}

/// The result of a bounded expansion.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expansion {
    /// Occurrences in increasing order.
    pub occurrences: Vec<NaiveDateTime>,
    /// `true` when a limit (the caller's cap or [`HARD_CAP`]) cut the result while
    /// more occurrences remained in the requested range.
    pub truncated: bool,
    /// `true` when the rule has neither `COUNT` nor `UNTIL`, the requested range reached the
    /// last day of [`MAX_YEAR`], and the result (not otherwise truncated) was cut there: the
    /// rule goes on after 2200, the engine does not.
    pub horizon: bool,
}

/// Formats a local date-time as `YYYY-MM-DDTHH:MM:SS` (one line of `cogov expand`).
///
/// ```
/// use chrono::NaiveDate;
/// use cogov::recur::format_local;
///
/// let dt = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap().and_hms_opt(9, 30, 0).unwrap();
/// assert_eq!(format_local(dt), "2024-03-05T09:30:00");
/// ```
pub fn format_local(dt: NaiveDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}
