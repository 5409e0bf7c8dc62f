//! Statistics over (filtered) proposals: answers and acceptance rates by ministry, proposer,
//! year or session; how many proposals reached each stage; median days per stage; and what
//! changed between two sessions.
//!
//! # Units and rates
//! - By **ministry** each (proposal, ministry sent to) pair counts once, with that ministry's
//!   latest answer (a revised answer replaces the earlier one).
//! - By **proposer**, **year** (of submission) and **session** (where the proposal was adopted:
//!   the session of its last `adopted` decision; proposals adopted without a session are left
//!   out of this grouping) each proposal sent to a ministry counts once, with its overall class
//!   ([`AnswerClass::overall`]). A joint proposal counts for every co-proposer.
//! - `answered = accepted + partly_accepted + not_accepted + long_term` (pending excluded), and
//!   `rate = (accepted + w · partly_accepted) / answered`, with `w` the weight of a partial
//!   acceptance (default [`DEFAULT_WEIGHT`] = 0.5, reported as `weight`); `strict_rate =
//!   accepted / answered`. A long-term review counts as answered but not accepted. Rates are
//!   `None` when nothing was answered.

use super::index::{overall, state, ProposalIndex, STAGES};
use super::query::{Compiled, Filter};
use super::AnswerClass;
use crate::codes::Code;
use crate::dataset::{Dataset, Ref};
use crate::date::{iso_date, When};
use crate::feed::Stage;
use crate::problem::Problem;
use crate::text::Lang;
use chrono::NaiveDate;
use serde::Serialize;

/// Weight of a partial acceptance in `rate` unless the caller gives another.
pub const DEFAULT_WEIGHT: f64 = 0.5;

/// The formula of `rate`, as reported.
pub const FORMULA: &str = "rate = (accepted + weight * partly_accepted) / answered; strict_rate = accepted / answered; answered = accepted + partly_accepted + not_accepted + long_term";

/// How to group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupBy {
    /// Per ministry answering.
    Ministry,
    /// Per proposer.
    Proposer,
    /// Per year of submission.
    Year,
    /// Per session of adoption.
    Session,
}

impl GroupBy {
    /// Reads `ministry`, `proposer`, `year` or `session`.
    ///
    /// ```
    /// use cogov::proposals::stats::GroupBy;
    /// assert_eq!(GroupBy::parse("ministry"), Some(GroupBy::Ministry));
    /// assert_eq!(GroupBy::parse("month"), None);
    /// ```
    pub fn parse(s: &str) -> Option<GroupBy> {
        Some(match s {
            "ministry" => GroupBy::Ministry,
            "proposer" => GroupBy::Proposer,
            "year" => GroupBy::Year,
            "session" => GroupBy::Session,
            _ => return None,
        })
    }
    /// The word.
    ///
    /// ```
    /// use cogov::proposals::stats::GroupBy;
    /// assert_eq!(GroupBy::Year.as_str(), "year");
    /// assert_eq!(GroupBy::parse(GroupBy::Session.as_str()), Some(GroupBy::Session));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Ministry => "ministry",
            GroupBy::Proposer => "proposer",
            GroupBy::Year => "year",
            GroupBy::Session => "session",
        }
    }
}

/// Counts per answer class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "AnswerCounts"))]
pub struct Counts {
    /// 수용.
    pub accepted: u32,
    /// 일부수용.
    pub partly_accepted: u32,
    /// 불수용.
    pub not_accepted: u32,
    /// 중장기검토.
    pub long_term: u32,
    /// Sent, unanswered.
    pub pending: u32,
}

impl Counts {
    fn add(&mut self, c: AnswerClass) {
        let slot = match c {
            AnswerClass::Accepted => &mut self.accepted,
            AnswerClass::PartlyAccepted => &mut self.partly_accepted,
            AnswerClass::NotAccepted => &mut self.not_accepted,
            AnswerClass::LongTerm => &mut self.long_term,
            AnswerClass::Pending => &mut self.pending,
        };
        *slot += 1;
    }
    /// Everything counted, pending included.
    ///
    /// ```
    /// let c = cogov::proposals::stats::Counts { accepted: 1, partly_accepted: 2, not_accepted: 1, long_term: 0, pending: 3 };
    /// assert_eq!(c.total(), 7);
    /// ```
    pub fn total(&self) -> u32 {
        self.answered() + self.pending
    }
    /// Answers given (pending excluded).
    ///
    /// ```
    /// let c = cogov::proposals::stats::Counts { accepted: 1, partly_accepted: 2, not_accepted: 1, long_term: 0, pending: 3 };
    /// assert_eq!(c.answered(), 4);
    /// ```
    pub fn answered(&self) -> u32 {
        self.accepted + self.partly_accepted + self.not_accepted + self.long_term
    }
    /// `(accepted + weight · partly_accepted) / answered`, `None` when nothing was answered.
    ///
    /// ```
    /// let c = cogov::proposals::stats::Counts { accepted: 1, partly_accepted: 2, not_accepted: 1, long_term: 0, pending: 3 };
    /// assert_eq!(c.rate(0.5), Some(0.5));
    /// assert_eq!(c.rate(0.0), Some(0.25));
    /// ```
    pub fn rate(&self, weight: f64) -> Option<f64> {
        let n = self.answered();
        (n > 0).then(|| {
            (f64::from(self.accepted) + weight * f64::from(self.partly_accepted)) / f64::from(n)
        })
    }
}

/// One group's answers and rates. Serialized with the counts' fields inline (`key, name,
/// accepted, partly_accepted, not_accepted, long_term, pending, answered, total, rate,
/// strict_rate`), written by hand: `#[serde(flatten)]` goes through serde's map machinery.
#[derive(Clone, Debug)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GroupStats {
    /// Id (ministry, proposer, session) or year.
    pub key: String,
    /// Name in the asked language (the year for years).
    pub name: String,
    /// Counts per class.
    #[cfg_attr(test, ts(flatten))]
    pub counts: Counts,
    /// Answers given.
    pub answered: u32,
    /// Everything counted.
    pub total: u32,
    /// Weighted acceptance rate.
    pub rate: Option<f64>,
    /// Accepted only.
    pub strict_rate: Option<f64>,
}

impl Serialize for GroupStats {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let c = &self.counts;
        let mut m = s.serialize_struct("GroupStats", 11)?;
        m.serialize_field("key", &self.key)?;
        m.serialize_field("name", &self.name)?;
        for (k, n) in [
            ("accepted", c.accepted),
            ("partly_accepted", c.partly_accepted),
            ("not_accepted", c.not_accepted),
            ("long_term", c.long_term),
            ("pending", c.pending),
            ("answered", self.answered),
            ("total", self.total),
        ] {
            m.serialize_field(k, &n)?;
        }
        m.serialize_field("rate", &self.rate)?;
        m.serialize_field("strict_rate", &self.strict_rate)?;
        m.end()
    }
}

/// How many proposals reached a stage, and the median days they spent in it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StageStats {
    /// Stage word.
    pub stage: Stage,
    /// Label.
    pub label: &'static str,
    /// Proposals with at least one step at this stage.
    pub reached: u32,
    /// Proposals whose current stage it is.
    pub current: u32,
    /// Median days spent in the stage, over the proposals that left it (open stays are not counted).
    pub median_days: Option<f64>,
}

/// Days counted in a histogram (a year and a half by the day, longer stays kept apart), so a
/// scan over many proposals neither allocates per proposal nor sorts.
#[derive(Default)]
struct Days {
    hist: Vec<u32>,
    long: Vec<u32>,
    n: usize,
}

const HIST_DAYS: usize = 548;

impl Days {
    fn add(&mut self, d: u32) {
        self.n += 1;
        if (d as usize) < HIST_DAYS {
            if self.hist.is_empty() {
                self.hist = vec![0; HIST_DAYS];
            }
            self.hist[d as usize] += 1;
        } else {
            self.long.push(d);
        }
    }

    /// The `k`th smallest value (0-based); `long_sorted` holds the long stays as sorted keys.
    fn nth(&self, k: usize, long_sorted: &[(u64, u32)]) -> u32 {
        let mut seen = 0;
        for (d, &c) in self.hist.iter().enumerate() {
            seen += c as usize;
            if k < seen {
                return d as u32;
            }
        }
        long_sorted.get(k - seen).map_or(0, |&(d, _)| d as u32)
    }

    fn median(&self) -> Option<f64> {
        if self.n == 0 {
            return None;
        }
        // the key sort itself: no `by_key` instance (and its permutation) for `u32`
        let mut long: Vec<(u64, u32)> = self.long.iter().map(|&d| (u64::from(d), 0)).collect();
        crate::sort::keys(&mut long);
        let hi = f64::from(self.nth(self.n / 2, &long));
        let lo = if self.n.is_multiple_of(2) {
            f64::from(self.nth(self.n / 2 - 1, &long))
        } else {
            hi
        };
        Some((lo + hi) / 2.0)
    }
}

/// Statistics of [`stats`].
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StatsView {
    /// Grouping word.
    #[cfg_attr(test, ts(as = "GroupBy"))]
    pub by: &'static str,
    /// Weight of a partial acceptance in `rate`.
    pub weight: f64,
    /// How `rate` and `strict_rate` are computed.
    pub formula: &'static str,
    /// Proposals passing the filter.
    pub proposals: u32,
    /// Groups: ministries and proposers by most counted first, years and sessions in time order.
    pub groups: Vec<GroupStats>,
    /// Every proposal sent, with its overall class.
    pub overall: GroupStats,
    /// Funnel and median days, in route order.
    pub stages: Vec<StageStats>,
}

fn group(key: String, name: String, counts: Counts, weight: f64) -> GroupStats {
    let n = counts.answered();
    GroupStats {
        key,
        name,
        counts,
        answered: n,
        total: counts.total(),
        rate: counts.rate(weight),
        strict_rate: (n > 0).then(|| f64::from(counts.accepted) / f64::from(n)),
    }
}

/// Median of `v` (mean of the two middle values for an even count); reorders `v`.
///
/// ```
/// assert_eq!(cogov::proposals::stats::median(&mut [5, 1, 3]), Some(3.0));
/// assert_eq!(cogov::proposals::stats::median(&mut [4, 1, 3, 10]), Some(3.5));
/// assert_eq!(cogov::proposals::stats::median(&mut []), None);
/// ```
pub fn median(v: &mut [u32]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mid = v.len() / 2;
    let (_, &mut hi, _) = v.select_nth_unstable(mid);
    if v.len() % 2 == 1 {
        return Some(f64::from(hi));
    }
    let lo = v[..mid].iter().copied().max().unwrap_or(hi);
    Some((f64::from(lo) + f64::from(hi)) / 2.0)
}

/// Answers and rates grouped `by`, funnel and median days, over the proposals passing `f`.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"proposals":[]}"#).dataset.unwrap();
/// use cogov::proposals::{stats::{stats, GroupBy}, query::Filter, ProposalIndex};
/// let idx = ProposalIndex::new(&ds.feed);
/// let s = stats(&ds, &idx, &Filter::default(), GroupBy::Year, 0.5, cogov::text::Lang::En).unwrap();
/// assert_eq!((s.proposals, s.weight, s.overall.rate), (0, 0.5, None));
/// ```
pub fn stats(
    ds: &Dataset,
    idx: &ProposalIndex,
    f: &Filter,
    by: GroupBy,
    weight: f64,
    lang: Lang,
) -> Result<StatsView, Problem> {
    if !weight.is_finite() || !(0.0..=1.0).contains(&weight) {
        return Err(Problem::error(
            "weight",
            Code::QueryWeight,
            format!(
                "must be between 0 and 1, not {}",
                crate::text::decimal(weight)
            ),
        ));
    }
    let c = Compiled::new(ds, idx, f)?;
    let mut by_id = vec![
        Counts::default();
        if by == GroupBy::Year {
            0
        } else {
            idx.id_count()
        }
    ];
    // years in order, few of them: a sorted vector (a `BTreeMap` costs its node code in the wasm)
    let mut by_year: Vec<(i32, Counts)> = Vec::new();
    let mut all = Counts::default();
    let mut reached = [0u32; STAGES];
    let mut current = [0u32; STAGES];
    let mut days: Vec<Days> = (0..STAGES).map(|_| Days::default()).collect();
    let mut n = 0u32;
    for e in idx.entries.iter().filter(|e| c.matches(idx, e)) {
        n += 1;
        if let Some(s) = e.stage {
            current[s as usize] += 1;
        }
        for (k, d) in e.days.iter().enumerate() {
            if let Some(d) = d {
                days[k].add(*d);
            }
        }
        for (k, r) in reached.iter_mut().enumerate() {
            if e.reached & (1 << k) != 0 {
                *r += 1;
            }
        }
        let Some(class) = e.answer else { continue };
        all.add(class);
        match by {
            GroupBy::Ministry => {
                for a in idx.answers(e) {
                    by_id[a.ministry as usize].add(a.class());
                }
            }
            GroupBy::Proposer => {
                for &p in idx.proposers(e) {
                    by_id[p as usize].add(class);
                }
            }
            GroupBy::Session => {
                if let Some(s) = e.decided_at {
                    by_id[s as usize].add(class);
                }
            }
            GroupBy::Year => {
                if let Some(y) = e.year {
                    let k = match by_year.binary_search_by_key(&y, |g| g.0) {
                        Ok(k) => k,
                        Err(k) => {
                            by_year.insert(k, (y, Counts::default()));
                            k
                        }
                    };
                    by_year[k].1.add(class);
                }
            }
        }
    }
    let mut groups: Vec<GroupStats> = if by == GroupBy::Year {
        by_year
            .into_iter()
            .map(|(y, k)| {
                let y = y.to_string();
                group(y.clone(), y, k, weight)
            })
            .collect()
    } else {
        // ids counted, as `usize` indices: the same sort instances as the proposal list
        let mut order: Vec<usize> = (0..by_id.len()).filter(|&i| by_id[i].total() > 0).collect();
        if by == GroupBy::Session {
            // in the order of `Option<When>`: none first, then dates, then date-times
            super::order_by_key(&mut order, &|i| match ds.lookup(idx.id(i as u32)) {
                Some(Ref::Session(s)) => match ds.feed.sessions[s].start {
                    When::Date(d) => 1 + crate::sort::day_key(Some(d)),
                    When::At(t) => (1 << 60) + crate::sort::time_key(t),
                },
                _ => 0,
            });
        } else {
            super::order_by(&mut order, &|a, b| {
                by_id[b]
                    .total()
                    .cmp(&by_id[a].total())
                    .then_with(|| idx.id(a as u32).cmp(idx.id(b as u32)))
            });
        }
        order
            .into_iter()
            .map(|i| {
                let id = idx.id(i as u32);
                group(id.to_string(), ds.name_of(id, lang), by_id[i], weight)
            })
            .collect()
    };
    groups.shrink_to_fit();
    let stages = Stage::ALL
        .iter()
        .map(|&s| StageStats {
            stage: s,
            label: s.label(lang),
            reached: reached[s as usize],
            current: current[s as usize],
            median_days: days[s as usize].median(),
        })
        .collect();
    Ok(StatsView {
        by: by.as_str(),
        weight,
        formula: FORMULA,
        proposals: n,
        groups,
        overall: group(
            "all".into(),
            if lang == Lang::Ko { "전체" } else { "All" }.into(),
            all,
            weight,
        ),
        stages,
    })
}

/// A proposal's stage and overall answer on some day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Standing {
    /// Stage word (none: not submitted yet).
    pub stage: Option<Stage>,
    /// Stage label.
    pub stage_label: Option<&'static str>,
    /// Overall answer class.
    pub answer: Option<AnswerClass>,
    /// Answer label.
    pub answer_label: Option<&'static str>,
}

/// A proposal whose standing changed.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Change {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// On the day of the first session.
    pub before: Standing,
    /// On the day of the second session.
    pub after: Standing,
}

/// What changed between two sessions.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ChangedView {
    /// First session.
    pub from: super::cards::SessionView,
    /// Second session.
    pub to: super::cards::SessionView,
    /// Proposals whose stage or overall answer differ, in feed order.
    pub changes: Vec<Change>,
}

/// A proposal's standing after every step dated on or before `day`.
///
/// ```
/// let ds = cogov::dataset::load(r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
///   "organizations": [{"id": "seoul", "kind": "metropolitan", "name": "Seoul"},
///     {"id": "mois", "kind": "ministry", "name": "MOIS"}, {"id": "mof", "kind": "ministry", "name": "MOF"}],
///   "proposals": [{"id": "x", "title": "X", "proposers": ["seoul"], "history": [
///     {"date": "2026-01-02", "stage": "submitted"},
///     {"date": "2026-02-01", "stage": "sent", "ministry": "mois"}, {"date": "2026-02-01", "stage": "sent", "ministry": "mof"},
///     {"date": "2026-03-01", "stage": "answer", "ministry": "mois", "answer": "accepted"}]}]}"#)
///     .dataset
///     .unwrap();
/// use cogov::{proposals::{stats::standing_on, AnswerClass}, text::Lang};
/// let day = |s| cogov::date::parse_local(s).unwrap().date();
/// let before = standing_on(&ds, 0, day("2026-01-15T00:00"), Lang::Ko);
/// assert_eq!((before.stage_label, before.answer), (Some("제출"), None));
/// let after = standing_on(&ds, 0, day("2026-03-01T00:00"), Lang::En);
/// assert_eq!((after.stage_label, after.answer), (Some("Ministry answer"), Some(AnswerClass::Pending)));
/// ```
pub fn standing_on(ds: &Dataset, i: usize, day: NaiveDate, lang: Lang) -> Standing {
    let p = &ds.feed.proposals[i];
    let upto = p.history.iter().take_while(|s| s.date <= day).count();
    let (stage, raw) = state(p, &p.history[..upto]);
    let answer = overall(stage, raw.iter().map(|r| r.answer));
    Standing {
        stage,
        stage_label: stage.map(|s| s.label(lang)),
        answer,
        answer_label: answer.map(|a| a.label(lang)),
    }
}

/// Proposals whose stage or overall answer changed between the days of sessions `a` and `b`
/// (steps on a session's day count as done by then).
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
/// #   "bodies":[{"id":"ga","kind":"general_assembly","name":"GA","sources":[]}],
/// #   "sessions":[{"id":"s1","body":"ga","start":"2024-07-12","sources":[]},{"id":"s2","body":"ga","start":"2025-07-11","sources":[]}],
/// #   "proposals":[{"id":"x","title":"X","illustrative":true,"history":[{"date":"2024-04-01","stage":"submitted"},{"date":"2024-09-01","stage":"withdrawn"}]}]}"#).dataset.unwrap();
/// let c = cogov::proposals::stats::changed_between(&ds, "s1", "s2", cogov::text::Lang::En).unwrap();
/// assert_eq!(c.changes[0].after.stage, Some(cogov::feed::Stage::Withdrawn));
/// ```
pub fn changed_between(ds: &Dataset, a: &str, b: &str, lang: Lang) -> Result<ChangedView, Problem> {
    let session = |key: &'static str, id: &str| match ds.lookup(id) {
        Some(Ref::Session(i)) => Ok(&ds.feed.sessions[i]),
        _ => Err(Problem::error(
            key,
            Code::QueryUnknownId,
            format!("{} is not the id of any session", crate::text::quote(id)),
        )),
    };
    let (sa, sb) = (session("sessionA", a)?, session("sessionB", b)?);
    let (da, db) = (sa.start.date(), sb.start.date());
    let view = |s: &crate::feed::Session| super::cards::SessionView {
        id: s.id.clone(),
        name: ds.name_of(&s.id, lang),
        date: iso_date(s.start.date()),
    };
    let changes = (0..ds.feed.proposals.len())
        .filter_map(|i| {
            let (before, after) = (standing_on(ds, i, da, lang), standing_on(ds, i, db, lang));
            (before.stage != after.stage || before.answer != after.answer).then(|| Change {
                id: ds.feed.proposals[i].id.clone(),
                title: crate::view::text(&ds.feed.proposals[i].title, lang),
                before,
                after,
            })
        })
        .collect();
    Ok(ChangedView {
        from: view(sa),
        to: view(sb),
        changes,
    })
}
