//! Bounded, windowed expansion ([`Expansion`]) of a [`ValidRule`] or a
//! [`RuleSet`] (rule + `EXDATE`s).

use super::expand::{end_of_time, Occurrences};
use super::parse::{is_date_only, parse_local};
use super::{Budget, Expansion, RecurCode, RecurError, ValidRule, HARD_CAP};
use chrono::{NaiveDate, NaiveDateTime};

/// Takes at most `cap` (and never more than [`HARD_CAP`]) items; `truncated` is set
/// when another item was left or the budget ran out (each item is a step of it).
fn collect(
    iter: impl Iterator<Item = NaiveDateTime>,
    cap: usize,
    budget: Option<&Budget>,
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
    Expansion {
        occurrences,
        truncated: truncated || budget.is_some_and(Budget::exhausted),
    }
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
        collect(Occurrences::new(self, from, to), cap, None)
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
        collect(Occurrences::new(self, today, end_of_time()), n, None)
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
        collect(self.iter(), n, None)
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
    /// ```
    pub fn parse_list(text: &str) -> Result<Vec<ExDate>, RecurError> {
        let mut out = Vec::new();
        for line in text.lines() {
            let line = line.trim();
            let values = match line.split_once(':') {
                Some((prop, rest))
                    if prop
                        .get(..6)
                        .is_some_and(|p| p.eq_ignore_ascii_case("EXDATE")) =>
                {
                    for param in prop.get(6..).unwrap_or("").split(';').skip(1) {
                        let p = param.to_ascii_uppercase();
                        if !matches!(
                            p.as_str(),
                            "VALUE=DATE" | "VALUE=DATE-TIME" | "TZID=ASIA/SEOUL"
                        ) {
                            return Err(RecurError::new(
                                RecurCode::UnsupportedProperty,
                                format!("unsupported EXDATE parameter {param}"),
                            ));
                        }
                    }
                    rest
                }
                _ => line,
            };
            for v in values.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                let dt = parse_local(v)
                    .map_err(|e| RecurError::new(e.code, format!("bad EXDATE: {}", e.message)))?;
                out.push(if is_date_only(v) {
                    ExDate::Day(dt.date())
                } else {
                    ExDate::At(dt)
                });
            }
        }
        Ok(out)
    }
}

/// A rule with its `DTSTART` and `EXDATE`s. `COUNT` applies to the rule before
/// exdates are removed (as in python-dateutil's `rruleset`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    rule: ValidRule,
    at: Vec<NaiveDateTime>,
    days: Vec<NaiveDate>,
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
        crate::sort::dedup_small(&mut at);
        crate::sort::dedup_small(&mut days);
        RuleSet { rule, at, days }
    }

    /// Parses the rule and an `EXDATE` list (see [`ExDate::parse_list`]).
    ///
    /// ```
    /// use cogov::recur::{parse_local, RuleSet};
    ///
    /// let set = RuleSet::parse(parse_local("20240101T090000").unwrap(), "FREQ=DAILY;COUNT=2", "20240101T090000").unwrap();
    /// assert_eq!(set.first(10).occurrences, [parse_local("20240102T090000").unwrap()]);
    /// ```
    pub fn parse(
        dtstart: NaiveDateTime,
        rrule: &str,
        exdates: &str,
    ) -> Result<RuleSet, RecurError> {
        let rule = ValidRule::parse(rrule, dtstart)?;
        Ok(RuleSet::new(rule, ExDate::parse_list(exdates)?))
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

    /// Whether the set has `EXDATE`s.
    pub(crate) fn has_exdates(&self) -> bool {
        !self.at.is_empty() || !self.days.is_empty()
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

    fn filtered<'a>(&'a self, it: Occurrences<'a>) -> impl Iterator<Item = NaiveDateTime> + 'a {
        let none = self.at.is_empty() && self.days.is_empty();
        it.filter(move |dt| none || !self.is_excluded(*dt))
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
        self.filtered(self.rule.iter())
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
            self.filtered(Occurrences::new(&self.rule, from, to)),
            cap,
            None,
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
        let it = Occurrences::within(&self.rule, from, to, Some(budget));
        collect(self.filtered(it), cap, Some(budget))
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
        collect(
            self.filtered(Occurrences::new(&self.rule, today, end_of_time())),
            n,
            None,
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
        collect(self.iter(), n, None)
    }
}
