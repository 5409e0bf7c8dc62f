//! Listing proposals (filter, sort, page) and one proposal in detail (timeline, per-ministry
//! answers, cards).

use super::cards::{self, CardView, NextSession};
use super::index::{Entry, ProposalIndex};
use super::{order_by, order_by_key, AnswerClass};
use crate::codes::Code;
use crate::dataset::{Dataset, Ref};
use crate::date::iso_date;
use crate::feed::Stage;
use crate::problem::Problem;
use crate::sort;
use crate::text::Lang;
use crate::view::{sources, Named, SourceView};
use chrono::NaiveDate;
use serde::ser::SerializeStruct;
use serde::Serialize;

/// Which proposals to keep. Every field left `None` keeps everything.
#[derive(Clone, Copy, Debug, Default)]
pub struct Filter<'a> {
    /// Current stage.
    pub stage: Option<Stage>,
    /// Overall answer class; with `ministry`, that ministry's answer.
    pub answer: Option<AnswerClass>,
    /// A ministry the proposal was sent to.
    pub ministry: Option<&'a str>,
    /// A proposer (joint proposals match every co-proposer).
    pub proposer: Option<&'a str>,
    /// Year of submission.
    pub year: Option<i32>,
    /// A session at which any step happened.
    pub session: Option<&'a str>,
    /// Text in the title, summary or theme, Korean or English, ignoring case.
    pub text: Option<&'a str>,
}

/// Sort order of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Submission date (the default).
    #[default]
    Date,
    /// Date of the last step.
    Updated,
    /// Title in the asked language.
    Title,
    /// Current stage, in route order.
    Stage,
}

impl SortKey {
    /// Reads `date`, `updated`, `title` or `stage`.
    ///
    /// ```
    /// use cogov::proposals::query::SortKey;
    /// assert_eq!(SortKey::parse("updated"), Some(SortKey::Updated));
    /// assert_eq!(SortKey::parse("Date"), None);
    /// ```
    pub fn parse(s: &str) -> Option<SortKey> {
        Some(match s {
            "date" => SortKey::Date,
            "updated" => SortKey::Updated,
            "title" => SortKey::Title,
            "stage" => SortKey::Stage,
            _ => return None,
        })
    }
}

/// A list query.
#[derive(Clone, Copy, Debug)]
pub struct ProposalQuery<'a> {
    /// Which proposals.
    pub filter: Filter<'a>,
    /// Order (ties keep feed order).
    pub sort: SortKey,
    /// Reverse the order.
    pub descending: bool,
    /// Items to skip.
    pub offset: usize,
    /// Items to return at most (`None`: all).
    pub limit: Option<usize>,
    /// Language of texts.
    pub lang: Lang,
}

impl ProposalQuery<'_> {
    /// Everything, by submission date, in `lang`.
    ///
    /// ```
    /// use cogov::{proposals::query::{ProposalQuery, SortKey}, text::Lang};
    /// let q = ProposalQuery::all(Lang::En);
    /// assert_eq!((q.sort, q.descending, q.offset, q.limit), (SortKey::Date, false, 0, None));
    /// ```
    pub fn all(lang: Lang) -> ProposalQuery<'static> {
        ProposalQuery {
            filter: Filter::default(),
            sort: SortKey::Date,
            descending: false,
            offset: 0,
            limit: None,
            lang,
        }
    }
}

/// A filter with ids interned and text lower-cased: what the scan compares.
#[derive(Clone, Debug)]
pub(crate) struct Compiled {
    stage: Option<Stage>,
    answer: Option<AnswerClass>,
    ministry: Option<u32>,
    proposer: Option<u32>,
    year: Option<i32>,
    session: Option<u32>,
    text: Option<String>,
    /// An id named in the filter is mentioned by no proposal: nothing matches.
    empty: bool,
}

impl Compiled {
    pub(crate) fn new(ds: &Dataset, idx: &ProposalIndex, f: &Filter) -> Result<Compiled, Problem> {
        let mut empty = false;
        let mut id = |key: &'static str,
                      v: Option<&str>,
                      ok: fn(Ref) -> bool|
         -> Result<Option<u32>, Problem> {
            let Some(v) = v else { return Ok(None) };
            if !ds.lookup(v).is_some_and(ok) {
                return Err(Problem::error(
                    key,
                    Code::QueryUnknownId,
                    format!("{} is not the id of any {key}", crate::text::quote(v)),
                ));
            }
            let n = idx.intern_of(v);
            empty |= n.is_none();
            Ok(n)
        };
        let ministry = id("ministry", f.ministry, |r| matches!(r, Ref::Org(_)))?;
        let proposer = id("proposer", f.proposer, |r| {
            matches!(r, Ref::Org(_) | Ref::Body(_))
        })?;
        let session = id("session", f.session, |r| matches!(r, Ref::Session(_)))?;
        if f.text.is_some() {
            idx.build_text(&ds.feed);
        }
        Ok(Compiled {
            stage: f.stage,
            answer: f.answer,
            ministry,
            proposer,
            year: f.year,
            session,
            text: f
                .text
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(crate::text::lower),
            empty,
        })
    }

    /// Whether an entry passes; allocation-free.
    pub(crate) fn matches(&self, idx: &ProposalIndex, e: &Entry) -> bool {
        if self.empty {
            return false;
        }
        if self.stage.is_some() && e.stage != self.stage {
            return false;
        }
        if self.year.is_some() && e.year != self.year {
            return false;
        }
        if let Some(p) = self.proposer {
            if !idx.proposers(e).contains(&p) {
                return false;
            }
        }
        if let Some(s) = self.session {
            if !idx.sessions(e).contains(&s) {
                return false;
            }
        }
        match (self.ministry, self.answer) {
            (Some(m), answer) => match idx.answers(e).iter().find(|a| a.ministry == m) {
                None => return false,
                Some(a) if answer.is_some_and(|c| a.class() != c) => return false,
                _ => {}
            },
            (None, Some(c)) if e.answer != Some(c) => return false,
            _ => {}
        }
        if let Some(t) = &self.text {
            if !crate::text::contains(idx.text(e), t) {
                return false;
            }
        }
        true
    }
}

/// Indices into `idx.entries` of the proposals passing `f`, in feed order.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"proposals":[
/// #   {"id":"a","title":{"ko":"지방재정","en":"Local Finance"},"illustrative":true},{"id":"b","title":"Other","illustrative":true}]}"#).dataset.unwrap();
/// use cogov::proposals::{query::{filter, Filter}, ProposalIndex};
/// let idx = ProposalIndex::new(&ds.feed);
/// assert_eq!(filter(&ds, &idx, &Filter { text: Some("FINANCE"), ..Filter::default() }).unwrap(), vec![0]);
/// ```
pub fn filter(ds: &Dataset, idx: &ProposalIndex, f: &Filter) -> Result<Vec<usize>, Problem> {
    let c = Compiled::new(ds, idx, f)?;
    Ok(idx
        .entries
        .iter()
        .enumerate()
        .filter(|(_, e)| c.matches(idx, e))
        .map(|(i, _)| i)
        .collect())
}

/// Counts the proposals passing `f` without collecting them.
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
/// use cogov::proposals::{query::{count, Filter}, AnswerClass};
/// let idx = ds.proposal_index();
/// let pending = Filter { answer: Some(AnswerClass::Pending), ..Filter::default() };
/// assert_eq!(count(&ds, idx, &pending), Ok(1));
/// let unknown = Filter { ministry: Some("nobody"), ..Filter::default() };
/// assert_eq!(count(&ds, idx, &unknown).unwrap_err().code, "query.unknown_id");
/// ```
pub fn count(ds: &Dataset, idx: &ProposalIndex, f: &Filter) -> Result<usize, Problem> {
    let c = Compiled::new(ds, idx, f)?;
    Ok(idx.entries.iter().filter(|e| c.matches(idx, e)).count())
}

/// One page of a list.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProposalList {
    /// How many proposals pass the filter.
    pub total: usize,
    /// Items skipped.
    pub offset: usize,
    /// The page.
    pub items: Vec<ProposalItem>,
}

/// A proposal in a list.
#[derive(Clone, Debug)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProposalItem {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Theme.
    pub theme: Option<String>,
    /// Current stage word.
    pub stage: Option<Stage>,
    /// Current stage label.
    pub stage_label: Option<&'static str>,
    /// Overall answer class.
    pub answer: Option<AnswerClass>,
    /// Overall answer label.
    pub answer_label: Option<&'static str>,
    /// Proposers.
    pub proposers: Vec<Named>,
    /// Ministries with their latest answers.
    pub ministries: Vec<MinistryView>,
    /// Submission date.
    pub submitted: Option<String>,
    /// Date of the last step.
    pub updated: Option<String>,
    /// Illustrative, not a fact.
    pub illustrative: bool,
}

impl ProposalItem {
    /// The fields, in order, into a struct being serialized (shared by the item and the detail,
    /// which carries them inline: `#[serde(flatten)]` would go through serde's map machinery).
    fn fields<M: SerializeStruct>(&self, m: &mut M) -> Result<(), M::Error> {
        m.serialize_field("id", &self.id)?;
        m.serialize_field("title", &self.title)?;
        m.serialize_field("theme", &self.theme)?;
        m.serialize_field("stage", &self.stage)?;
        m.serialize_field("stage_label", &self.stage_label)?;
        m.serialize_field("answer", &self.answer)?;
        m.serialize_field("answer_label", &self.answer_label)?;
        m.serialize_field("proposers", &self.proposers)?;
        m.serialize_field("ministries", &self.ministries)?;
        m.serialize_field("submitted", &self.submitted)?;
        m.serialize_field("updated", &self.updated)?;
        m.serialize_field("illustrative", &self.illustrative)
    }
}

impl Serialize for ProposalItem {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("ProposalItem", 12)?;
        self.fields(&mut m)?;
        m.end()
    }
}

/// A ministry's latest answer.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MinistryView {
    /// Ministry id.
    pub id: String,
    /// Name.
    pub name: String,
    /// First sent on.
    pub sent: Option<String>,
    /// Answer class (`pending` when unanswered).
    pub answer: AnswerClass,
    /// Answer label.
    pub answer_label: &'static str,
    /// Date of the latest answer.
    pub answered: Option<String>,
    /// The answer text (the step's note).
    pub text: Option<String>,
    /// How many answers the ministry gave (more than one: revised).
    pub answers_given: usize,
}

/// Filters, sorts and pages proposals.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"proposals":[
/// #   {"id":"a","title":"B title","submitted":"2024-01-01","illustrative":true},{"id":"b","title":"A title","submitted":"2023-01-01","illustrative":true}]}"#).dataset.unwrap();
/// use cogov::proposals::{query::{list, ProposalQuery}, ProposalIndex};
/// let idx = ProposalIndex::new(&ds.feed);
/// let l = list(&ds, &idx, &ProposalQuery { limit: Some(1), ..ProposalQuery::all(cogov::text::Lang::En) }).unwrap();
/// assert_eq!((l.total, l.items[0].id.as_str()), (2, "b"));
/// ```
pub fn list(ds: &Dataset, idx: &ProposalIndex, q: &ProposalQuery) -> Result<ProposalList, Problem> {
    let mut hits = filter(ds, idx, &q.filter)?;
    let e = &idx.entries;
    let props = &ds.feed.proposals;
    match q.sort {
        SortKey::Date => order_by_key(&mut hits, &|i| sort::day_key(e[i].submitted)),
        SortKey::Updated => order_by_key(&mut hits, &|i| sort::day_key(e[i].updated)),
        SortKey::Stage => order_by_key(&mut hits, &|i| e[i].stage.map_or(0, |s| s as u64 + 1)),
        SortKey::Title => order_by(&mut hits, &|a, b| {
            props[e[a].proposal]
                .title
                .get(q.lang)
                .cmp(props[e[b].proposal].title.get(q.lang))
        }),
    }
    if q.descending {
        hits.reverse();
    }
    let total = hits.len();
    let items = hits
        .iter()
        .skip(q.offset)
        .take(q.limit.unwrap_or(usize::MAX))
        .map(|&i| item(ds, idx, &e[i], q.lang))
        .collect();
    Ok(ProposalList {
        total,
        offset: q.offset,
        items,
    })
}

fn named(ds: &Dataset, id: &str, lang: Lang) -> Named {
    Named {
        id: id.to_string(),
        name: ds.name_of(id, lang),
    }
}

fn item(ds: &Dataset, idx: &ProposalIndex, e: &Entry, lang: Lang) -> ProposalItem {
    let p = &ds.feed.proposals[e.proposal];
    ProposalItem {
        id: p.id.clone(),
        title: crate::view::text(&p.title, lang),
        theme: crate::view::text_opt(&p.theme, lang),
        stage: e.stage,
        stage_label: e.stage.map(|s| s.label(lang)),
        answer: e.answer,
        answer_label: e.answer.map(|a| a.label(lang)),
        proposers: p.proposers.iter().map(|x| named(ds, x, lang)).collect(),
        ministries: ministries(ds, idx, e, lang),
        submitted: e.submitted.map(iso_date),
        updated: e.updated.map(iso_date),
        illustrative: p.prov.illustrative,
    }
}

fn ministries(ds: &Dataset, idx: &ProposalIndex, e: &Entry, lang: Lang) -> Vec<MinistryView> {
    let p = &ds.feed.proposals[e.proposal];
    idx.answers(e)
        .iter()
        .map(|a| {
            let id = idx.id(a.ministry);
            let step = a.step.and_then(|j| p.history.get(j));
            MinistryView {
                id: id.to_string(),
                name: ds.name_of(id, lang),
                sent: a.sent.map(iso_date),
                answer: a.class(),
                answer_label: a.class().label(lang),
                answered: step.map(|s| iso_date(s.date)),
                text: step
                    .and_then(|s| s.prov.note.as_ref())
                    .map(|t| crate::view::text(t, lang)),
                answers_given: p
                    .history
                    .iter()
                    .filter(|s| s.stage == Stage::Answer && s.ministry.as_deref() == Some(id))
                    .count(),
            }
        })
        .collect()
}

/// One proposal with everything a detail page shows: the item's fields inline, then the
/// detail's.
#[derive(Clone, Debug)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ProposalDetail {
    /// The list facts.
    #[cfg_attr(test, ts(flatten))]
    pub item: ProposalItem,
    /// Summary.
    pub summary: Option<String>,
    /// Ministries addressed (as listed, sent or not).
    pub addressed: Vec<Named>,
    /// Related laws.
    pub laws: Vec<String>,
    /// Every step, oldest first.
    pub timeline: Vec<StepView>,
    /// Task management cards tracking it.
    pub cards: Vec<CardView>,
    /// Sources.
    pub sources: Vec<SourceView>,
    /// Note.
    pub note: Option<String>,
}

impl Serialize for ProposalDetail {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("ProposalDetail", 19)?;
        self.item.fields(&mut m)?;
        m.serialize_field("summary", &self.summary)?;
        m.serialize_field("addressed", &self.addressed)?;
        m.serialize_field("laws", &self.laws)?;
        m.serialize_field("timeline", &self.timeline)?;
        m.serialize_field("cards", &self.cards)?;
        m.serialize_field("sources", &self.sources)?;
        m.serialize_field("note", &self.note)?;
        m.end()
    }
}

/// One step of the timeline.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StepView {
    /// Date.
    pub date: String,
    /// Stage word.
    pub stage: Stage,
    /// Stage label.
    pub stage_label: &'static str,
    /// Body acting.
    pub body: Option<Named>,
    /// Session.
    pub session: Option<Named>,
    /// Decision word.
    #[cfg_attr(test, ts(as = "Option<crate::feed::Decision>"))]
    pub decision: Option<&'static str>,
    /// Decision label.
    pub decision_label: Option<&'static str>,
    /// Ministry.
    pub ministry: Option<Named>,
    /// Answer class.
    pub answer: Option<AnswerClass>,
    /// Answer label.
    pub answer_label: Option<&'static str>,
    /// Reflection word.
    #[cfg_attr(test, ts(as = "Option<crate::feed::Reflection>"))]
    pub reflection: Option<&'static str>,
    /// Reflection label.
    pub reflection_label: Option<&'static str>,
    /// Proposal it merged into.
    pub merged_into: Option<Named>,
    /// Organizations dissenting.
    pub dissent: Vec<Named>,
    /// Note (for an answer: the answer text).
    pub note: Option<String>,
    /// Days until the next step (none for the last).
    pub days: Option<i64>,
    /// Sources of the step.
    pub sources: Vec<SourceView>,
    /// Illustrative.
    pub illustrative: bool,
}

/// One proposal in detail; cards' states are as of `today` (without it none is overdue).
/// `next_session` resolves cards' default due sessions ([`cards::next_explicit_session`]).
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"proposals":[
/// #   {"id":"a","title":"A","illustrative":true,"history":[{"date":"2024-01-01","stage":"submitted"},{"date":"2024-01-11","stage":"withdrawn"}]}]}"#).dataset.unwrap();
/// use cogov::proposals::{query::detail, cards::next_explicit_session, ProposalIndex};
/// let idx = ProposalIndex::new(&ds.feed);
/// let d = detail(&ds, &idx, "a", cogov::text::Lang::En, None, &next_explicit_session).unwrap();
/// assert_eq!((d.timeline.len(), d.timeline[0].days), (2, Some(10)));
/// ```
pub fn detail(
    ds: &Dataset,
    idx: &ProposalIndex,
    id: &str,
    lang: Lang,
    today: Option<NaiveDate>,
    next_session: &NextSession,
) -> Result<ProposalDetail, Problem> {
    let Some(Ref::Proposal(i)) = ds.lookup(id) else {
        return Err(Problem::error(
            "id",
            Code::QueryUnknownId,
            format!("{} is not the id of any proposal", crate::text::quote(id)),
        ));
    };
    let (p, e) = (&ds.feed.proposals[i], &idx.entries[i]);
    let h = &p.history;
    let timeline = h
        .iter()
        .enumerate()
        .map(|(j, s)| StepView {
            date: iso_date(s.date),
            stage: s.stage,
            stage_label: s.stage.label(lang),
            body: s.body.as_deref().map(|x| named(ds, x, lang)),
            session: s.session.as_deref().map(|x| named(ds, x, lang)),
            decision: s.decision.map(|d| d.as_str()),
            decision_label: s.decision.map(|d| d.label(lang)),
            ministry: s.ministry.as_deref().map(|x| named(ds, x, lang)),
            answer: s.answer.map(|a| AnswerClass::of(Some(a))),
            answer_label: s.answer.map(|a| AnswerClass::of(Some(a)).label(lang)),
            reflection: s.reflection.map(|r| r.as_str()),
            reflection_label: s.reflection.map(|r| r.label(lang)),
            merged_into: s.merged_into.as_deref().map(|x| named(ds, x, lang)),
            dissent: s.dissent.iter().map(|x| named(ds, x, lang)).collect(),
            note: crate::view::text_opt(&s.prov.note, lang),
            days: h.get(j + 1).map(|n| (n.date - s.date).num_days()),
            sources: sources(ds, &s.prov, lang),
            illustrative: s.prov.illustrative,
        })
        .collect();
    let cards = ds
        .feed
        .cards
        .iter()
        .enumerate()
        .filter(|(_, k)| k.proposal.as_deref() == Some(id))
        .map(|(k, _)| cards::card(ds, k, today, lang, next_session))
        .collect();
    Ok(ProposalDetail {
        item: item(ds, idx, e, lang),
        summary: crate::view::text_opt(&p.summary, lang),
        addressed: p.ministries.iter().map(|x| named(ds, x, lang)).collect(),
        laws: p.laws.iter().map(|t| crate::view::text(t, lang)).collect(),
        timeline,
        cards,
        sources: sources(ds, &p.prov, lang),
        note: crate::view::text_opt(&p.prov.note, lang),
    })
}

/// The values a list filter can take, named in the asked language: what a form offers. Lists are
/// in order of first mention (no sorting here: a caller sorts by its own collation, and every
/// sort instantiated costs the wasm kilobytes).
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[cfg_attr(test, ts(rename = "ProposalChoices"))]
pub struct Choices {
    /// Every stage, in route order: `{id: word, name: label}`.
    pub stages: Vec<Named>,
    /// Every answer class, in report order: `{id: word, name: label}`.
    pub answers: Vec<Named>,
    /// Ministries any proposal was sent to.
    pub ministries: Vec<Named>,
    /// Proposers of any proposal.
    pub proposers: Vec<Named>,
    /// Years of submission.
    pub years: Vec<i32>,
    /// Sessions at which any step happened (with their days).
    pub sessions: Vec<cards::SessionView>,
}

/// The filter choices of a dataset.
///
/// ```
/// # let ds = cogov::dataset::load(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
/// #   "organizations":[{"id":"mois","kind":"ministry","name":"MOIS"},{"id":"busan","kind":"metropolitan","name":"Busan"}],
/// #   "proposals":[{"id":"x","title":"X","proposers":["busan"],"ministries":["mois"],"illustrative":true,"history":[
/// #     {"date":"2024-04-01","stage":"submitted"},{"date":"2024-07-11","stage":"deliberation","decision":"agreed"},
/// #     {"date":"2024-07-12","stage":"decision","decision":"adopted"},{"date":"2024-07-26","stage":"sent","ministry":"mois"}]}]}"#).dataset.unwrap();
/// use cogov::proposals::{query::choices, ProposalIndex};
/// let c = choices(&ds, &ProposalIndex::new(&ds.feed), cogov::text::Lang::En);
/// assert_eq!((c.ministries[0].name.as_str(), c.proposers[0].id.as_str(), c.years.as_slice()), ("MOIS", "busan", &[2024][..]));
/// assert_eq!((c.stages.len(), c.answers[4].id.as_str()), (9, "pending"));
/// ```
pub fn choices(ds: &Dataset, idx: &ProposalIndex, lang: Lang) -> Choices {
    let n = idx.id_count();
    // 1 ministry, 2 proposer, 4 session: what each interned id was mentioned as
    let mut seen = vec![0u8; n];
    let mut years = Vec::new();
    for e in &idx.entries {
        for a in idx.answers(e) {
            seen[a.ministry as usize] |= 1;
        }
        for &p in idx.proposers(e) {
            seen[p as usize] |= 2;
        }
        for &s in idx.sessions(e) {
            seen[s as usize] |= 4;
        }
        if let Some(y) = e.year.filter(|y| !years.contains(y)) {
            years.push(y);
        }
    }
    let seen = &seen;
    let ids = |bit: u8| {
        (0..n)
            .filter(move |&i| seen[i] & bit != 0)
            .map(|i| idx.id(i as u32))
    };
    let word = |id: &str, name: &str| Named {
        id: id.to_string(),
        name: name.to_string(),
    };
    Choices {
        stages: Stage::ALL
            .iter()
            .map(|&s| word(s.as_str(), s.label(lang)))
            .collect(),
        answers: AnswerClass::ALL
            .iter()
            .map(|&a| word(a.as_str(), a.label(lang)))
            .collect(),
        ministries: ids(1).map(|id| named(ds, id, lang)).collect(),
        proposers: ids(2).map(|id| named(ds, id, lang)).collect(),
        years,
        sessions: ids(4)
            .filter_map(|id| cards::session_view(ds, id, lang))
            .collect(),
    }
}
