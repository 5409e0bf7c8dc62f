//! Bounded, windowed expansion ([`Expansion`]) of a [`ValidRule`] or a
//! [`RuleSet`] (rule + `EXDATE`s).

use super::expand::{end_of_time, Occurrences};
use super::parse::{is_date_only, parse_local};
use super::{Budget, Expansion, RecurCode, RecurError, ValidRule, HARD_CAP};
use chrono::{NaiveDate, NaiveDateTime};

/// Takes at most `cap` (and never more than [`HARD_CAP`]) items; `truncated` is set
/// when another item was left or the budget ran out (each item is a step of it).
/// `horizon` says the range reached [`end_of_time`] for a rule without `COUNT` or `UNTIL`
/// (see [`reaches_horizon`]): a complete, non-empty result then carries `horizon`.
fn collect(
    iter: impl Iterator<Item = NaiveDateTime>,
    cap: usize,
    budget: Option<&Budget>,
    horizon: bool,
) -> Expansion {
    let cap = cap.min(HARD_CAP);
    let mut occurrences = Vec::new();
    let mut truncated = false;
    for dt in iter {
        if occurrences.len() >= cap || budget.is_some_and(|b| !b.take(1)) {
            truncated = true;
            break;
        }
        occurrences.push(dt);
    }
    let truncated = truncated || budget.is_some_and(Budget::exhausted);
    Expansion {
        horizon: horizon && !truncated && !occurrences.is_empty(),
        occurrences,
        truncated,
    }
}

/// Whether an expansion of `rule` up to `to` ends at the engine's horizon rather than the
/// rule's own end (`COUNT`, `UNTIL`) or the caller's.
fn reaches_horizon(rule: &ValidRule, to: NaiveDateTime) -> bool {
    rule.is_unbounded() && to >= end_of_time()
}

impl ValidRule {
    /// Occurrences in `from..=to` (both inclusive), at most `cap` of them.
    ///
    /// ```
    /// use cogov::recur::{parse_local, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=WEEKLY;BYDAY=TU,TH", parse_local("20240102T100000").unwrap()).unwrap();
    /// let week = rule.between(parse_local("20240108").unwrap(), parse_local("20240114").unwrap(), 10);
    /// assert_eq!(week.occurrences.len(), 2);
    /// assert!(!week.truncated);
    /// let cut = rule.between(parse_local("20240101").unwrap(), parse_local("20241231").unwrap(), 3);
    /// assert_eq!(cut.occurrences.len(), 3);
    /// assert!(cut.truncated);
    /// ```
    pub fn between(&self, from: NaiveDateTime, to: NaiveDateTime, cap: usize) -> Expansion {
        collect(
            Occurrences::new(self, from, to),
            cap,
            None,
            reaches_horizon(self, to),
        )
    }

    /// How many occurrences fall on days before `day` (`COUNT` included), counted without
    /// producing them (a year or month per step, days and weeks a month per step); `None`
    /// when the budget ran out.
    ///
    /// ```
    /// use cogov::recur::{parse_local, Budget, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=WEEKLY;BYDAY=MO,TH", parse_local("19000101T100000").unwrap()).unwrap();
    /// let day = parse_local("20260101").unwrap().date();
    /// assert_eq!(rule.count_before(day, &Budget::default()), Some(13_149));
    /// ```
    pub fn count_before(&self, day: NaiveDate, budget: &Budget) -> Option<u64> {
        Occurrences::count_before(self, day, budget)
    }

    /// [`ValidRule::between`] taking its steps from `budget` (see [`Budget`]).
    pub fn between_within(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        cap: usize,
        budget: &Budget,
    ) -> Expansion {
        collect(
            Occurrences::within(self, from, to, Some(budget)),
            cap,
            Some(budget),
            reaches_horizon(self, to),
        )
    }

    /// The next `n` occurrences at or after `today`; `truncated` says more follow.
    ///
    /// ```
    /// use cogov::recur::{format_local, parse_local, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=MONTHLY;BYDAY=-1FR", parse_local("20200131T150000").unwrap()).unwrap();
    /// let next = rule.after(parse_local("20240301").unwrap(), 1);
    /// assert_eq!(format_local(next.occurrences[0]), "2024-03-29T15:00:00");
    /// assert!(next.truncated);
    /// ```
    pub fn after(&self, today: NaiveDateTime, n: usize) -> Expansion {
        collect(
            Occurrences::new(self, today, end_of_time()),
            n,
            None,
            reaches_horizon(self, end_of_time()),
        )
    }

    /// The first `n` occurrences; `truncated` says more follow.
    ///
    /// ```
    /// use cogov::recur::{parse_local, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=DAILY;COUNT=3", parse_local("20240101").unwrap()).unwrap();
    /// let all = rule.first(5);
    /// assert_eq!(all.occurrences.len(), 3);
    /// assert!(!all.truncated);
    /// ```
    pub fn first(&self, n: usize) -> Expansion {
        collect(self.iter(), n, None, reaches_horizon(self, end_of_time()))
    }
}

/// One `EXDATE` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExDate {
    /// Removes the occurrence at exactly this local date-time.
    At(NaiveDateTime),
    /// Removes every occurrence on this date (a `VALUE=DATE` exdate).
    Day(NaiveDate),
}

impl ExDate {
    /// Parses a comma-separated `EXDATE` list (`YYYYMMDD`, `YYYYMMDDTHHMMSS` or
    /// `...Z`), optionally prefixed by `EXDATE:` or `EXDATE;VALUE=DATE:`; several
    /// lines are allowed and an empty text is an empty list.
    ///
    /// ```
    /// use cogov::recur::ExDate;
    ///
    /// let list = ExDate::parse_list("EXDATE:20240917,20240101T100000").unwrap();
    /// assert_eq!(list.len(), 2);
    /// assert!(matches!(list[0], ExDate::Day(_)));
    /// assert!(ExDate::parse_list("").unwrap().is_empty());
    /// assert_eq!(ExDate::parse_list("20240230").unwrap_err().code, "bad_value");
    /// assert_eq!(ExDate::parse_list("RDATE:20240230").unwrap_err().code, "unsupported_property");
    /// ```
    pub fn parse_list(text: &str) -> Result<Vec<ExDate>, RecurError> {
        let mut out = Vec::new();
        for line in text.lines() {
            let (prop, values) = date_line(line)?;
            if prop == "RDATE" {
                return Err(RecurError::new(
                    RecurCode::UnsupportedProperty,
                    "RDATE in an EXDATE list: pass it to RuleSet::parse",
                ));
            }
            date_values(prop, values, &mut out)?;
        }
        Ok(out)
    }
}

/// One line of an `EXDATE`/`RDATE` text: the property (`EXDATE` when the line has none) and
/// its values; parameters other than `VALUE=DATE`, `VALUE=DATE-TIME` and `TZID=Asia/Seoul` are
/// refused.
fn date_line(line: &str) -> Result<(&'static str, &str), RecurError> {
    let line = line.trim();
    let Some((prop, rest)) = line.split_once(':') else {
        return Ok(("EXDATE", line));
    };
    let name = if prop
        .get(..6)
        .is_some_and(|p| p.eq_ignore_ascii_case("EXDATE"))
    {
        "EXDATE"
    } else if prop
        .get(..5)
        .is_some_and(|p| p.eq_ignore_ascii_case("RDATE"))
    {
        "RDATE"
    } else {
        return Ok(("EXDATE", line));
    };
    for param in prop.get(name.len()..).unwrap_or("").split(';').skip(1) {
        let p = param.to_ascii_uppercase();
        if !matches!(
            p.as_str(),
            "VALUE=DATE" | "VALUE=DATE-TIME" | "TZID=ASIA/SEOUL"
        ) {
            return Err(RecurError::new(
                RecurCode::UnsupportedProperty,
                format!("unsupported {name} parameter {param}"),
            ));
        }
    }
    Ok((name, rest))
}

/// Reads a comma-separated list of date or date-time values of property `prop`.
fn date_values(prop: &str, values: &str, out: &mut Vec<ExDate>) -> Result<(), RecurError> {
    for v in values.split(',').map(str::trim).filter(|v| !v.is_empty()) {
        let dt = parse_local(v)
            .map_err(|e| RecurError::new(e.code, format!("bad {prop}: {}", e.message)))?;
        out.push(if is_date_only(v) {
            ExDate::Day(dt.date())
        } else {
            ExDate::At(dt)
        });
    }
    Ok(())
}

/// A rule with its `DTSTART`, `RDATE`s and `EXDATE`s. `COUNT` applies to the rule before
/// exdates are removed and does not count rdates (as in python-dateutil's `rruleset`);
/// exdates remove rdates too, and an rdate that is also an occurrence of the rule is one
/// occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    rule: ValidRule,
    at: Vec<NaiveDateTime>,
    days: Vec<NaiveDate>,
    /// Sorted, without duplicates.
    rdates: Vec<NaiveDateTime>,
}

/// A rule's occurrences merged with the rdates of the same range, in order, without
/// duplicates.
struct Merged<'a, I: Iterator<Item = NaiveDateTime>> {
    rule: core::iter::Peekable<I>,
    rdates: &'a [NaiveDateTime],
}

impl<I: Iterator<Item = NaiveDateTime>> Iterator for Merged<'_, I> {
    type Item = NaiveDateTime;

    fn next(&mut self) -> Option<NaiveDateTime> {
        let Some(&r) = self.rdates.first() else {
            return self.rule.next();
        };
        let r = Some(r);
        match (self.rule.peek().copied(), r) {
            (Some(a), Some(b)) if b <= a => {
                self.rdates = self.rdates.get(1..).unwrap_or(&[]);
                if a == b {
                    self.rule.next();
                }
                Some(b)
            }
            (Some(_), _) => self.rule.next(),
            (None, Some(b)) => {
                self.rdates = self.rdates.get(1..).unwrap_or(&[]);
                Some(b)
            }
            (None, None) => None,
        }
    }
}

impl RuleSet {
    /// Builds a set from a validated rule and exdates.
    ///
    /// ```
    /// use cogov::recur::{parse_local, ExDate, RuleSet, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=DAILY;COUNT=3", parse_local("20240101").unwrap()).unwrap();
    /// let set = RuleSet::new(rule, [ExDate::Day(parse_local("20240102").unwrap().date())]);
    /// assert_eq!(set.first(10).occurrences.len(), 2);
    /// ```
    pub fn new(rule: ValidRule, exdates: impl IntoIterator<Item = ExDate>) -> RuleSet {
        let mut at = Vec::new();
        let mut days = Vec::new();
        for ex in exdates {
            match ex {
                ExDate::At(dt) => at.push(dt),
                ExDate::Day(d) => days.push(d),
            }
        }
        // a feed may list many exdates: n log n, not the insertion sort of dedup_small
        crate::sort::heap(&mut at);
        at.dedup();
        crate::sort::heap(&mut days);
        days.dedup();
        RuleSet {
            rule,
            at,
            days,
            rdates: Vec::new(),
        }
    }

    /// The set with extra occurrences (`RDATE`s) added; a date-only `RDATE` is that date at
    /// `DTSTART`'s time (see [`RuleSet::parse`]). Values past [`super::MAX_YEAR`] are never
    /// produced.
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet, ValidRule};
    ///
    /// let rule = ValidRule::parse("FREQ=DAILY;COUNT=2", parse_local("20240101T100000").unwrap()).unwrap();
    /// let set = RuleSet::new(rule, []).with_rdates([parse_local("20240105T150000").unwrap()]);
    /// assert_eq!(set.first(10).occurrences.len(), 3);
    /// ```
    pub fn with_rdates(mut self, rdates: impl IntoIterator<Item = NaiveDateTime>) -> RuleSet {
        self.rdates.extend(rdates);
        crate::sort::heap(&mut self.rdates);
        self.rdates.dedup();
        self
    }

    /// Parses the rule and the lines of `dates`: `RDATE:...` lines (optionally with
    /// `;VALUE=DATE`) add occurrences, `EXDATE:...` lines and bare values are exdates (see
    /// [`ExDate::parse_list`]). A date-only `RDATE` is that date at `DTSTART`'s time.
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101T090000").unwrap(), "FREQ=DAILY;COUNT=2", "20240101T090000").unwrap();
    /// assert_eq!(set.first(10).occurrences, [parse_local("20240102T090000").unwrap()]);
    /// let set = RuleSet::parse(parse_local("20240101T090000").unwrap(), "FREQ=DAILY;COUNT=1", "RDATE:20240110\nEXDATE:20240101").unwrap();
    /// assert_eq!(set.first(10).occurrences, [parse_local("20240110T090000").unwrap()]);
    /// ```
    pub fn parse(dtstart: NaiveDateTime, rrule: &str, dates: &str) -> Result<RuleSet, RecurError> {
        let rule = ValidRule::parse(rrule, dtstart)?;
        let mut ex = Vec::new();
        let mut rd = Vec::new();
        for line in dates.lines() {
            let (prop, values) = date_line(line)?;
            date_values(
                prop,
                values,
                if prop == "RDATE" { &mut rd } else { &mut ex },
            )?;
        }
        let time = dtstart.time();
        let rdates = rd.into_iter().map(|r| match r {
            ExDate::At(dt) => dt,
            ExDate::Day(d) => d.and_time(time),
        });
        Ok(RuleSet::new(rule, ex).with_rdates(rdates))
    }

    /// The rule.
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let start = parse_local("20240101").unwrap();
    /// assert_eq!(RuleSet::parse(start, "FREQ=DAILY", "").unwrap().rule().dtstart(), start);
    /// ```
    pub fn rule(&self) -> &ValidRule {
        &self.rule
    }

    /// The set's `RDATE`s, sorted.
    pub fn rdates(&self) -> &[NaiveDateTime] {
        &self.rdates
    }

    /// Whether the set's occurrences are its rule's alone (no `EXDATE`s, no `RDATE`s), at
    /// most one a day: [`ValidRule::count_before`] then numbers them.
    pub(crate) fn counts_by_day(&self) -> bool {
        self.at.is_empty()
            && self.days.is_empty()
            && self.rdates.is_empty()
            && self.rule.times.len() == 1
    }

    /// Whether an `EXDATE` removes `dt`.
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101").unwrap(), "FREQ=DAILY", "20240105").unwrap();
    /// assert!(set.is_excluded(parse_local("20240105T103000").unwrap()));
    /// assert!(!set.is_excluded(parse_local("20240106").unwrap()));
    /// ```
    pub fn is_excluded(&self, dt: NaiveDateTime) -> bool {
        self.at.binary_search(&dt).is_ok() || self.days.binary_search(&dt.date()).is_ok()
    }

    /// The rule's occurrences in `it` merged with the rdates of `from..=to`, less the exdates.
    fn filtered<'a>(
        &'a self,
        it: Occurrences<'a>,
        from: NaiveDateTime,
        to: NaiveDateTime,
    ) -> impl Iterator<Item = NaiveDateTime> + 'a {
        let to = to.min(end_of_time());
        let lo = self.rdates.partition_point(|r| *r < from);
        let hi = self.rdates.partition_point(|r| *r <= to).max(lo);
        let merged = Merged {
            rule: it.peekable(),
            rdates: self.rdates.get(lo..hi).unwrap_or(&[]),
        };
        let none = self.at.is_empty() && self.days.is_empty();
        merged.filter(move |dt| none || !self.is_excluded(*dt))
    }

    /// Every occurrence that survives the exdates, in order, up to [`super::MAX_YEAR`].
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101").unwrap(), "FREQ=DAILY;COUNT=3", "20240101").unwrap();
    /// assert_eq!(set.iter().count(), 2);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = NaiveDateTime> + '_ {
        self.filtered(self.rule.iter(), NaiveDateTime::MIN, end_of_time())
    }

    /// Like [`ValidRule::between`], without excluded occurrences.
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101").unwrap(), "FREQ=DAILY", "20240102").unwrap();
    /// let got = set.between(parse_local("20240101").unwrap(), parse_local("20240103").unwrap(), 10);
    /// assert_eq!(got.occurrences.len(), 2);
    /// ```
    pub fn between(&self, from: NaiveDateTime, to: NaiveDateTime, cap: usize) -> Expansion {
        collect(
            self.filtered(Occurrences::new(&self.rule, from, to), from, to),
            cap,
            None,
            reaches_horizon(&self.rule, to),
        )
    }

    /// [`RuleSet::between`] taking its steps from `budget` (see [`Budget`]).
    pub fn between_within(
        &self,
        from: NaiveDateTime,
        to: NaiveDateTime,
        cap: usize,
        budget: &Budget,
    ) -> Expansion {
        if self.rdates.is_empty() && self.at.is_empty() && self.days.is_empty() {
            // the rule alone (the common case): no merging or filtering per occurrence
            return self.rule.between_within(from, to, cap, budget);
        }
        let it = Occurrences::within(&self.rule, from, to, Some(budget));
        collect(
            self.filtered(it, from, to),
            cap,
            Some(budget),
            reaches_horizon(&self.rule, to),
        )
    }

    /// Like [`ValidRule::after`], without excluded occurrences.
    ///
    /// ```
    /// use cogov::recur::{format_local, parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101").unwrap(), "FREQ=DAILY", "20240301").unwrap();
    /// let next = set.after(parse_local("20240301").unwrap(), 1);
    /// assert_eq!(format_local(next.occurrences[0]), "2024-03-02T00:00:00");
    /// ```
    pub fn after(&self, today: NaiveDateTime, n: usize) -> Expansion {
        let end = end_of_time();
        collect(
            self.filtered(Occurrences::new(&self.rule, today, end), today, end),
            n,
            None,
            reaches_horizon(&self.rule, end),
        )
    }

    /// Like [`ValidRule::first`], without excluded occurrences.
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101").unwrap(), "FREQ=YEARLY;COUNT=2", "20240101").unwrap();
    /// assert_eq!(set.first(10).occurrences, [parse_local("20250101").unwrap()]);
    /// ```
    pub fn first(&self, n: usize) -> Expansion {
        collect(
            self.iter(),
            n,
            None,
            reaches_horizon(&self.rule, end_of_time()),
        )
    }
}
