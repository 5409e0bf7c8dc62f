//! The expansion engine: a feed's compiled series rules expanded into occurrences within a
//! window, relative rules from the other series' occurrences, under the one work budget of a
//! query; and the 제N차 number of an occurrence ([`Expander::number_of`]). It reads the feed
//! and the compiled rules only: views and queries are built on it in [`super::expand`].

use super::rules::{kind_bit, Compiled, Links, MAX_RELATIVE_DEPTH};
use crate::date::When;
use crate::feed::Feed;
use crate::feed::{SessionKind, Status};
use crate::recur::{Budget, HARD_CAP, MAX_YEAR, MIN_YEAR};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};
use core::cell::RefCell;

/// One generated occurrence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Occ {
    pub start: When,
    pub end: Option<When>,
    /// Index of the rule that produced it.
    pub rule: usize,
    /// It follows a cancelled session of a body (or a chain of such).
    pub cancelled: bool,
}

/// The occurrence `n` days after `b` (at `time`, else `b`'s time), of rule `j`, cancelled when
/// `b` is.
fn shift(b: Occ, n: i64, time: Option<NaiveTime>, j: usize) -> Option<Occ> {
    let day = b.start.date().checked_add_signed(TimeDelta::days(n))?;
    let start = match (b.start, time) {
        (_, Some(t)) => When::At(day.and_time(t)),
        (When::At(x), None) => When::At(day.and_time(x.time())),
        (When::Date(_), None) => When::Date(day),
    };
    let end = match (b.start, b.end, start) {
        (When::At(s0), Some(When::At(e0)), When::At(s1)) => {
            s1.checked_add_signed(e0 - s0).map(When::At)
        }
        _ => None,
    };
    Some(Occ {
        start,
        end,
        rule: j,
        cancelled: b.cancelled,
    })
}

/// `start` + `minutes`: the same day's time when it stays in the day (the common case, without
/// chrono's date arithmetic), else through `checked_add_signed`.
fn end_after(start: NaiveDateTime, minutes: u32) -> Option<NaiveDateTime> {
    let secs = u64::from(start.num_seconds_from_midnight()) + u64::from(minutes) * 60;
    if let (Ok(s @ 0..86_400), 0) = (u32::try_from(secs), start.nanosecond()) {
        let time = NaiveTime::from_num_seconds_from_midnight_opt(s, 0)?;
        return Some(start.date().and_time(time));
    }
    start.checked_add_signed(TimeDelta::minutes(i64::from(minutes)))
}

/// Whether an occurrence start and a `recurrence_id` name the same occurrence (a date matches
/// any time on that day).
pub(crate) fn same_occurrence(a: When, b: When) -> bool {
    match (a, b) {
        (When::At(x), When::At(y)) => x == y,
        _ => a.date() == b.date(),
    }
}

/// Whether an override in `list` (sorted by day) names occurrence `start`.
pub(super) fn is_overridden(list: &[When], start: When) -> bool {
    let day = start.date();
    let k = list.partition_point(|w| w.date() < day);
    list.get(k..)
        .unwrap_or(&[])
        .iter()
        .take_while(|w| w.date() == day)
        .any(|&r| same_occurrence(start, r))
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(TimeDelta::days(n))
        .unwrap_or(if n < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

pub(crate) fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(MIN_YEAR, 1, 1).unwrap_or(NaiveDate::MIN)
}

pub(crate) fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31).unwrap_or(NaiveDate::MAX)
}

/// Compiled rules of a feed, ready to expand any series, with the work budget of one query
/// (every expansion of the query, numbering included, takes its steps from it).
pub(crate) struct Expander<'f> {
    feed: &'f Feed,
    compiled: &'f [Vec<Option<Compiled>>],
    links: &'f Links,
    budget: Budget,
    /// Per series, the starts counted for numbering so far (see [`Expander::number_of`]).
    counted: RefCell<Vec<Option<Counted>>>,
}

/// The starts of one series' occurrences from its `numbering.from`, as far as counted.
struct Counted {
    starts: Vec<NaiveDateTime>,
    /// Every occurrence up to this day is in `starts`.
    through: NaiveDate,
    /// [`HARD_CAP`] starts were counted: later numbers are left out.
    full: bool,
}

impl<'f> Expander<'f> {
    pub fn with(feed: &'f Feed, compiled: &'f [Vec<Option<Compiled>>], links: &'f Links) -> Self {
        Expander {
            feed,
            compiled,
            links,
            budget: Budget::default(),
            counted: RefCell::new(Vec::new()),
        }
    }

    /// Whether the query's budget ran out (something was cut).
    pub fn budget_exhausted(&self) -> bool {
        self.budget.exhausted()
    }

    /// Steps the query took so far.
    #[cfg(test)]
    pub fn steps(&self) -> u64 {
        self.budget.used()
    }

    /// Per series, whether it goes on past [`MAX_YEAR`] (the engine's horizon): a rule
    /// without `COUNT`, `UNTIL` or an effective end, or a relative rule following such a series.
    /// O(rules) per relative level.
    pub fn endless(&self) -> Vec<bool> {
        let open = |def: &crate::feed::RuleDef| def.to.is_none();
        let mut out: Vec<bool> = self
            .compiled
            .iter()
            .zip(&self.feed.series)
            .map(|(rules, s)| {
                rules.iter().zip(&s.rules).any(|(c, def)| {
                    matches!(c, Some(Compiled::Recur { set, .. }) if set.rule().is_unbounded())
                        && open(def)
                })
            })
            .collect();
        for _ in 0..=MAX_RELATIVE_DEPTH {
            for (i, (rules, s)) in self.compiled.iter().zip(&self.feed.series).enumerate() {
                let follows = rules.iter().zip(&s.rules).any(|(c, def)| {
                    matches!(c, Some(Compiled::Relative { series, .. }) if out.get(*series) == Some(&true))
                        && open(def)
                });
                if follows {
                    out[i] = true;
                }
            }
        }
        out
    }

    /// Occurrences of series `i` whose day is in `lo..=hi`, at most `cap`, in start order.
    pub fn occurrences(
        &self,
        i: usize,
        lo: NaiveDate,
        hi: NaiveDate,
        cap: usize,
    ) -> (Vec<Occ>, bool) {
        self.occ(i, lo, hi, cap.min(HARD_CAP), 0)
    }

    fn occ(
        &self,
        i: usize,
        lo: NaiveDate,
        hi: NaiveDate,
        cap: usize,
        depth: usize,
    ) -> (Vec<Occ>, bool) {
        let mut out = Vec::new();
        let mut truncated = false;
        // the series is one recurrence whose starts are distinct and increasing: no sort, no dedup
        let mut ordered = false;
        let too_deep = self
            .links
            .depth
            .get(i)
            .is_none_or(|&d| d > MAX_RELATIVE_DEPTH);
        if depth > MAX_RELATIVE_DEPTH as usize || too_deep || self.links.cyclic[i] {
            return (out, false);
        }
        // every visit is a step: fan-outs of relative rules (diamonds) stop with the budget
        if !self.budget.take(1) {
            return (out, true);
        }
        for (j, (c, def)) in self.compiled[i]
            .iter()
            .zip(&self.feed.series[i].rules)
            .enumerate()
        {
            let Some(c) = c else { continue };
            let lo = def.from.map_or(lo, |f| f.max(lo));
            let hi = def.to.map_or(hi, |t| t.min(hi));
            if lo > hi {
                continue;
            }
            match c {
                Compiled::Recur {
                    set,
                    all_day,
                    duration_minutes,
                } => {
                    let e = set.between_within(
                        lo.and_time(NaiveTime::MIN),
                        hi.and_hms_opt(23, 59, 59)
                            .unwrap_or(hi.and_time(NaiveTime::MIN)),
                        cap,
                        &self.budget,
                    );
                    truncated |= e.truncated;
                    // a set's date-times increase strictly; all-day, two may share a day
                    ordered = self.compiled[i].len() == 1
                        && (!*all_day || (set.rule().times.len() == 1 && set.rdates().is_empty()));
                    // a rule of one time a day whose sessions end that day: each end is that day
                    // at one end time (an rdate at another time is computed as usual)
                    let same_end = match (&set.rule().times[..], duration_minutes) {
                        ([t], Some(m)) if !*all_day => end_after(NaiveDate::MIN.and_time(*t), *m)
                            .filter(|e| e.date() == NaiveDate::MIN)
                            .map(|e| (*t, e.time())),
                        _ => None,
                    };
                    out.extend(e.occurrences.into_iter().map(|dt| {
                        let start = if *all_day {
                            When::Date(dt.date())
                        } else {
                            When::At(dt)
                        };
                        let end = match (all_day, duration_minutes) {
                            (false, Some(m)) => match same_end {
                                Some((t, e)) if dt.time() == t => {
                                    Some(When::At(dt.date().and_time(e)))
                                }
                                _ => end_after(dt, *m).map(When::At),
                            },
                            _ => None,
                        };
                        Occ {
                            start,
                            end,
                            rule: j,
                            cancelled: false,
                        }
                    }));
                }
                Compiled::Relative {
                    series,
                    offset_days,
                    time,
                } => {
                    let n = i64::from(*offset_days);
                    let (base, t) =
                        self.occ(*series, add_days(lo, -n), add_days(hi, -n), cap, depth + 1);
                    truncated |= t;
                    // a series anchor: its generated occurrences, before overrides (stable)
                    let base = base.into_iter().map(|b| Occ {
                        cancelled: false,
                        ..b
                    });
                    out.extend(base.filter_map(|b| shift(b, n, *time, j)));
                }
                Compiled::RelativeBody {
                    body,
                    kinds,
                    offset_days,
                    time,
                } => {
                    let n = i64::from(*offset_days);
                    let (alo, ahi) = (add_days(lo, -n), add_days(hi, -n));
                    let a = &self.links.anchors;
                    let want = |k: SessionKind| *kinds == 0 || kinds & kind_bit(k) != 0;
                    let mut base = Vec::new();
                    // the body's series, their overridden occurrences left to the records
                    for &t in a.series.get(*body).map_or(&[][..], |v| &v[..]) {
                        let t = t as usize;
                        if !want(self.feed.series[t].kind) {
                            continue;
                        }
                        let (occs, cut) = self.occ(t, alo, ahi, cap, depth + 1);
                        truncated |= cut;
                        base.extend(
                            occs.into_iter()
                                .filter(|o| !is_overridden(&a.overrides[t], o.start)),
                        );
                    }
                    // its explicit sessions (records of moves and cancellations included)
                    let list = a.sessions.get(*body).map_or(&[][..], |v| &v[..]);
                    let sessions = &self.feed.sessions;
                    let first = list.partition_point(|&k| sessions[k as usize].start.date() < alo);
                    for &k in list.get(first..).unwrap_or(&[]) {
                        let s = &sessions[k as usize];
                        if s.start.date() > ahi || base.len() >= cap {
                            truncated |= base.len() >= cap;
                            break;
                        }
                        if !self.budget.take(1) {
                            truncated = true;
                            break;
                        }
                        if want(s.kind) {
                            base.push(Occ {
                                start: s.start,
                                end: s.end,
                                rule: j,
                                cancelled: s.status == Status::Cancelled,
                            });
                        }
                    }
                    out.extend(base.into_iter().filter_map(|b| shift(b, n, *time, j)));
                }
            }
        }
        // One rule's occurrences come in order; only a series with several rules needs a sort.
        if !ordered {
            if !out.is_sorted_by_key(|o| o.start.start()) {
                crate::sort::by_key(&mut out, |o| crate::sort::time_key(o.start.start()));
            }
            out.dedup_by_key(|o| o.start.start());
        }
        if out.len() > cap {
            out.truncate(cap);
            truncated = true;
        }
        (out, truncated)
    }

    /// The occurrence of series `i` that `rid` names.
    pub fn occurrence_of(&self, i: usize, rid: When) -> Option<Occ> {
        let d = rid.date();
        let (occs, _) = self.occurrences(i, d, d, HARD_CAP);
        occs.into_iter().find(|o| same_occurrence(o.start, rid))
    }

    /// The number (제N차) of series `i`'s occurrence starting at `start`, counting every
    /// occurrence from `numbering.from`; `None` without numbering, before `from`, or when the
    /// budget ran out. A series of one RRULE without exdates is counted arithmetically
    /// ([`crate::recur::ValidRule::count_before`]); other series are expanded once per query
    /// and series, and give no number when more than [`HARD_CAP`] occurrences lie between.
    pub fn number_of(&self, i: usize, start: When) -> Option<u32> {
        let (first, from) = self.feed.series[i].numbering?;
        let from = from.unwrap_or_else(first_day);
        let day = start.date();
        if day < from {
            return None;
        }
        // one RRULE without exdates or rdates, one occurrence a day at most: counted, not expanded
        if let ([Some(Compiled::Recur { set, .. })], [def]) =
            (&self.compiled[i][..], &self.feed.series[i].rules[..])
        {
            if set.counts_by_day() && !self.links.cyclic[i] {
                let lo = def.from.map_or(from, |f| f.max(from));
                let count = |d: NaiveDate| set.rule().count_before(d, &self.budget);
                let n = count(day)?.saturating_sub(count(lo.min(day))?);
                return first.checked_add(u32::try_from(n).ok()?);
            }
        }
        let mut counted = self.counted.borrow_mut();
        if counted.len() <= i {
            counted.resize_with(self.feed.series.len(), || None);
        }
        let c = counted.get_mut(i)?.get_or_insert_with(|| Counted {
            starts: Vec::new(),
            through: from.pred_opt().unwrap_or(from),
            full: false,
        });
        if c.through < day && !c.full {
            let lo = c.through.succ_opt()?.max(from);
            let room = HARD_CAP - c.starts.len();
            let (occs, cut) = self.occurrences(i, lo, day, room);
            c.starts.extend(occs.iter().map(|o| o.start.start()));
            c.full = cut;
            if !cut {
                c.through = day;
            }
        }
        let before = c.starts.partition_point(|&t| t < start.start());
        if before == c.starts.len() && c.full {
            return None;
        }
        first.checked_add(u32::try_from(before).ok()?)
    }
}
