//! Derived state of every proposal, computed once per dataset so that queries are plain scans
//! over small fixed-size facts (ids interned to `u32`, search text already lower-case).

use super::AnswerClass;
use crate::feed::{Answer, Feed, Proposal, Stage, Step};
use chrono::{Datelike, NaiveDate};

/// Number of stages (index a `[_; STAGES]` by `stage as usize`).
pub const STAGES: usize = 9;

/// A ministry's standing on one proposal.
#[derive(Clone, Debug, PartialEq)]
pub struct MinistryAnswer {
    /// Interned ministry id.
    pub ministry: u32,
    /// First sent on.
    pub sent: Option<NaiveDate>,
    /// Latest answer (a revised answer replaces the earlier one); `None`: pending.
    pub answer: Option<Answer>,
    /// Index in `history` of the latest answer step.
    pub step: Option<usize>,
}

impl MinistryAnswer {
    /// The answer class (`pending` when unanswered).
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
    /// let idx = ds.proposal_index();
    /// let classes: Vec<_> = idx.answers(&idx.entries[0]).iter().map(|a| a.class()).collect();
    /// assert_eq!(classes, [cogov::proposals::AnswerClass::Accepted, cogov::proposals::AnswerClass::Pending]);
    /// ```
    pub fn class(&self) -> AnswerClass {
        AnswerClass::of(self.answer)
    }
}

/// What is known about one proposal after its history.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Index in `feed.proposals`.
    pub proposal: usize,
    /// Current stage (the last step's); `None` for an empty history.
    pub stage: Option<Stage>,
    /// Overall answer class ([`AnswerClass::overall`]); `None`: never sent.
    pub answer: Option<AnswerClass>,
    /// Per-ministry latest answers ([`ProposalIndex::answers`]).
    answers: Span,
    /// Submission date (`submitted`, else the first step's date).
    pub submitted: Option<NaiveDate>,
    /// Year of submission.
    pub year: Option<i32>,
    /// Date of the last step.
    pub updated: Option<NaiveDate>,
    /// Interned proposer ids ([`ProposalIndex::proposers`]).
    proposers: Span,
    /// Interned session ids ([`ProposalIndex::sessions`]).
    sessions: Span,
    /// Interned id of the session of the last `adopted` decision (where it was decided).
    pub decided_at: Option<u32>,
    /// Days spent in each stage (by `stage as usize`), counting only stays that ended (see `days`).
    pub days: [Option<u32>; STAGES],
    /// Stages reached: bit `stage as usize` set when any step has that stage.
    pub reached: u16,
}

/// A range of one of the index's shared arrays: per-proposal lists live side by side in one
/// allocation each, so a scan reads memory in order instead of chasing a pointer per proposal.
#[derive(Clone, Copy, Debug, Default)]
struct Span {
    start: u32,
    len: u32,
}

impl Span {
    fn of<T>(v: &[T], start: usize) -> Span {
        let c = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Span {
            start: c(start),
            len: c(v.len().saturating_sub(start)),
        }
    }
    fn get<T>(self, v: &[T]) -> &[T] {
        let s = self.start as usize;
        v.get(s..s + self.len as usize).unwrap_or(&[])
    }
}

/// Derived state of every proposal of a feed, built once per dataset (on the first proposal
/// query: [`crate::dataset::Dataset::proposal_index`]).
#[derive(Clone, Debug, Default)]
pub struct ProposalIndex {
    /// One entry per proposal, in feed order.
    pub entries: Vec<Entry>,
    answers: Vec<MinistryAnswer>,
    proposers: Vec<u32>,
    sessions: Vec<u32>,
    /// Search text of every proposal (one string, a span per proposal in feed order), built on
    /// the first text query: lower-casing every title is most of the cost of building the index.
    text: std::cell::OnceCell<(String, Vec<Span>)>,
    ids: Vec<String>,
    interned: crate::ids::Ids,
}

impl ProposalIndex {
    /// Computes every proposal's derived state.
    ///
    /// ```
    /// let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
    ///   "organizations":[{"id":"mois","kind":"ministry","name":"MOIS"},{"id":"busan","kind":"metropolitan","name":"Busan"}],
    ///   "proposals":[{"id":"x","title":"X","proposers":["busan"],"ministries":["mois"],"illustrative":true,"history":[
    ///     {"date":"2024-04-01","stage":"submitted"},{"date":"2024-07-11","stage":"deliberation","decision":"agreed"},
    ///     {"date":"2024-07-12","stage":"decision","decision":"adopted"},{"date":"2024-07-26","stage":"sent","ministry":"mois"}]}]}"#).dataset.unwrap();
    /// let idx = cogov::proposals::ProposalIndex::new(&ds.feed);
    /// let e = &idx.entries[0];
    /// assert_eq!(e.stage, Some(cogov::feed::Stage::Sent));
    /// assert_eq!(e.answer, Some(cogov::proposals::AnswerClass::Pending));
    /// assert_eq!(e.days[cogov::feed::Stage::Submitted as usize], Some(101));
    /// ```
    pub fn new(feed: &Feed) -> ProposalIndex {
        let mut idx = ProposalIndex::default();
        let mut entries = Vec::with_capacity(feed.proposals.len());
        for (i, p) in feed.proposals.iter().enumerate() {
            entries.push(idx.entry(i, p));
        }
        idx.entries = entries;
        idx
    }

    /// Per-ministry latest answers of `e`, in the order the ministries were sent to.
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
    /// let idx = ds.proposal_index();
    /// let answers = idx.answers(&idx.entries[0]); // mois answered, mof not yet
    /// assert_eq!(answers.len(), 2);
    /// assert_eq!((answers[0].answer, answers[1].answer), (Some(cogov::feed::Answer::Accepted), None));
    /// ```
    pub fn answers(&self, e: &Entry) -> &[MinistryAnswer] {
        e.answers.get(&self.answers)
    }

    /// Interned proposer ids of `e` (every co-proposer).
    pub(crate) fn proposers(&self, e: &Entry) -> &[u32] {
        e.proposers.get(&self.proposers)
    }

    /// Interned ids of the sessions of any step of `e`.
    pub(crate) fn sessions(&self, e: &Entry) -> &[u32] {
        e.sessions.get(&self.sessions)
    }

    /// Title, summary and theme of `e` in every language, lower-case, for text search; empty
    /// until [`ProposalIndex::build_text`] ran (text filters call it).
    pub(crate) fn text(&self, e: &Entry) -> &str {
        let Some((text, spans)) = self.text.get() else {
            return "";
        };
        let Some(sp) = spans.get(e.proposal) else {
            return "";
        };
        let s = sp.start as usize;
        text.get(s..s + sp.len as usize).unwrap_or("")
    }

    /// Builds the search text of every proposal of `feed` (the feed the index was built from),
    /// once.
    pub(crate) fn build_text(&self, feed: &Feed) {
        self.text.get_or_init(|| {
            let mut text = String::new();
            let mut spans = Vec::with_capacity(feed.proposals.len());
            for p in &feed.proposals {
                let first = text.len();
                for t in [Some(&p.title), p.summary.as_ref(), p.theme.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    for s in [&t.ko, &t.en, &t.plain].into_iter().flatten() {
                        text.push_str(&crate::text::lower(s));
                        text.push('\n');
                    }
                }
                spans.push(Span::of(text.as_bytes(), first));
            }
            (text, spans)
        });
    }

    /// The interned number of `id`, if any proposal mentions it.
    pub(crate) fn intern_of(&self, id: &str) -> Option<u32> {
        self.interned.get(id).copied()
    }

    /// The id behind an interned number.
    pub(crate) fn id(&self, n: u32) -> &str {
        self.ids.get(n as usize).map_or("", String::as_str)
    }

    /// How many ids are interned.
    pub(crate) fn id_count(&self) -> usize {
        self.ids.len()
    }

    fn intern(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.interned.get(id) {
            return n;
        }
        let n = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.push(id.to_string());
        self.interned.insert(id.to_string(), n);
        n
    }

    fn entry(&mut self, i: usize, p: &Proposal) -> Entry {
        let (stage, raw) = state(p, &p.history);
        let first = self.answers.len();
        for r in raw {
            let ministry = self.intern(r.ministry);
            self.answers.push(MinistryAnswer {
                ministry,
                sent: r.sent,
                answer: r.answer,
                step: r.step,
            });
        }
        let answers = Span::of(&self.answers, first);
        let answer = overall(stage, answers.get(&self.answers).iter().map(|a| a.answer));
        let submitted = p.submitted.or(p.history.first().map(|s| s.date));
        let first = self.sessions.len();
        let mut decided_at = None;
        for s in &p.history {
            if let Some(x) = &s.session {
                let n = self.intern(x);
                if !self.sessions[first..].contains(&n) {
                    self.sessions.push(n);
                }
                if s.decision == Some(crate::feed::Decision::Adopted) {
                    decided_at = Some(n);
                }
            }
        }
        let sessions = Span::of(&self.sessions, first);
        let first = self.proposers.len();
        for x in &p.proposers {
            let n = self.intern(x);
            self.proposers.push(n);
        }
        let proposers = Span::of(&self.proposers, first);
        Entry {
            proposal: i,
            stage,
            answer,
            answers,
            submitted,
            year: submitted.map(|d| d.year()),
            updated: p.history.last().map(|s| s.date),
            proposers,
            sessions,
            decided_at,
            days: days(&p.history),
            reached: p.history.iter().fold(0, |m, s| m | 1 << (s.stage as u16)),
        }
    }
}

/// A ministry's standing before interning.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawAnswer<'a> {
    pub ministry: &'a str,
    pub sent: Option<NaiveDate>,
    pub answer: Option<Answer>,
    pub step: Option<usize>,
}

/// Current stage and per-ministry latest answers after `steps` (a prefix of `p.history`).
/// A `sent` step without a ministry sends to every ministry of the proposal.
pub(crate) fn state<'a>(p: &'a Proposal, steps: &'a [Step]) -> (Option<Stage>, Vec<RawAnswer<'a>>) {
    let mut out: Vec<RawAnswer> = Vec::new();
    fn slot<'a, 'b>(out: &'b mut Vec<RawAnswer<'a>>, m: &'a str) -> &'b mut RawAnswer<'a> {
        let k = match out.iter().position(|r| r.ministry == m) {
            Some(k) => k,
            None => {
                out.push(RawAnswer {
                    ministry: m,
                    sent: None,
                    answer: None,
                    step: None,
                });
                out.len() - 1
            }
        };
        &mut out[k]
    }
    for (j, s) in steps.iter().enumerate() {
        match s.stage {
            Stage::Sent => {
                let targets: &[String] = match &s.ministry {
                    Some(m) => std::slice::from_ref(m),
                    None => &p.ministries,
                };
                for m in targets {
                    let r = slot(&mut out, m);
                    r.sent = r.sent.or(Some(s.date));
                }
            }
            Stage::Answer => {
                if let (Some(m), Some(a)) = (&s.ministry, s.answer) {
                    let r = slot(&mut out, m);
                    r.answer = Some(a);
                    r.step = Some(j);
                }
            }
            _ => {}
        }
    }
    (steps.last().map(|s| s.stage), out)
}

/// Overall class; a withdrawn proposal's unanswered ministries no longer count as pending.
pub(crate) fn overall(
    stage: Option<Stage>,
    answers: impl Iterator<Item = Option<Answer>>,
) -> Option<AnswerClass> {
    if stage == Some(Stage::Withdrawn) {
        let answered: Vec<_> = answers.filter(Option::is_some).collect();
        return AnswerClass::overall(answered);
    }
    AnswerClass::overall(answers)
}

/// Days spent in each stage. A run of consecutive steps of one stage is one stay, lasting from
/// its first step to the next step of another stage; a stay still open (the current stage) is
/// not counted. Separate stays in one stage (a held-over item deliberated twice) add up.
fn days(history: &[Step]) -> [Option<u32>; STAGES] {
    let mut out = [None; STAGES];
    let mut start = 0;
    for j in 1..history.len() {
        if history[j].stage != history[start].stage {
            let d = (history[j].date - history[start].date).num_days().max(0);
            let slot: &mut Option<u32> = &mut out[history[start].stage as usize];
            *slot = Some(
                slot.unwrap_or(0)
                    .saturating_add(u32::try_from(d).unwrap_or(u32::MAX)),
            );
            start = j;
        }
    }
    out
}
