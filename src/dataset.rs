//! A loaded feed: parsed, decoded, checked across records, with ids indexed.
//!
//! [`load`] is the one entry point from text: it never panics and returns every problem found.

use crate::derived::Derived;
use crate::feed::{self, Feed};
use crate::ids::Ids;
pub use crate::ids::Ref;
use crate::json;
use crate::problem::{Problem, Report};
use crate::text::{Lang, Text};

/// The parts of a feed, in the order they load. Each part's records and checks read only that
/// part and the parts before it, so a load that stops after a part ([`load_through`]) finds
/// exactly the problems a full load finds for it, and a widget shows what it shows whatever
/// else the feed holds (a broken proposal does not take down an org chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// The header, `publisher`, `sources`, `organizations`, `offices`, `bodies`.
    Structure = 0,
    /// `series` and `sessions`.
    Calendar = 1,
    /// `proposals` and `cards`, and the proposals named in session agendas.
    Proposals = 2,
}

/// Which parts loaded, and how many errors and warnings had been filed once each had: the
/// problems of a part and of the parts before it are a prefix of the report's lists.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parts {
    ends: [Option<(usize, usize)>; 3],
}

impl Parts {
    /// Whether `part` was loaded and it and the parts before it have no errors.
    ///
    /// ```
    /// use cogov::dataset::{load, Part};
    /// let loaded = load(r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
    ///   "proposals": [{"id": "x"}]}"#);
    /// assert!(loaded.parts.usable(Part::Structure) && loaded.parts.usable(Part::Calendar));
    /// assert!(!loaded.parts.usable(Part::Proposals));
    /// ```
    pub fn usable(&self, part: Part) -> bool {
        matches!(self.ends[part as usize], Some((0, _)))
    }

    /// Whether `part` was loaded (with or without errors).
    ///
    /// ```
    /// use cogov::dataset::{load, load_through, Part};
    /// let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "sessions": [{"id": 7}]}"#;
    /// let through = load_through(text, Part::Structure);
    /// assert!(through.parts.loaded(Part::Structure) && !through.parts.loaded(Part::Calendar));
    /// let all = load(text);
    /// assert!(all.parts.loaded(Part::Calendar) && !all.parts.usable(Part::Calendar));
    /// ```
    pub fn loaded(&self, part: Part) -> bool {
        self.ends[part as usize].is_some()
    }

    /// The problems of `part` and the parts before it, out of `report` (the load's report).
    ///
    /// ```
    /// use cogov::dataset::{load, Part};
    /// let loaded = load(r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
    ///   "sessions": [{"id": 7}], "proposals": [{"id": 8}]}"#);
    /// let structure = loaded.parts.report(Part::Structure, &loaded.report);
    /// let calendar = loaded.parts.report(Part::Calendar, &loaded.report);
    /// assert!(structure.errors.is_empty());
    /// assert_eq!(calendar.errors[0].path, "sessions[0].id");
    /// assert!(calendar.errors.len() < loaded.report.errors.len()); // the proposal's are left out
    /// ```
    pub fn report(&self, part: Part, report: &Report) -> Report {
        // a part that was not loaded added nothing: everything came from the parts before it
        let (e, w) =
            self.ends[part as usize].unwrap_or((report.errors.len(), report.warnings.len()));
        Report {
            errors: report.errors[..e].to_vec(),
            warnings: report.warnings[..w].to_vec(),
        }
    }

    fn mark(&mut self, part: Part, report: &Report) {
        self.ends[part as usize] = Some((report.errors.len(), report.warnings.len()));
    }
}

/// A feed whose structure part has unique ids and references that all resolve; so do the later
/// parts [`Dataset::usable`] names.
#[derive(Debug)]
pub struct Dataset {
    /// The records.
    pub feed: Feed,
    ids: Ids,
    /// Derived state: compiled series rules, the proposal index ([`crate::derived`]).
    derived: Derived,
    /// Which parts loaded without errors.
    pub parts: Parts,
}

impl Dataset {
    /// Whether `part` loaded without errors (the structure part always did).
    ///
    /// ```
    /// use cogov::dataset::{load, Part};
    /// let ds = load(r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "sessions": [{"id": 7}]}"#)
    ///     .dataset
    ///     .unwrap();
    /// assert!(ds.usable(Part::Structure) && !ds.usable(Part::Calendar));
    /// ```
    pub fn usable(&self, part: Part) -> bool {
        self.parts.usable(part)
    }

    /// The series rules, compiled once at load.
    pub(crate) fn rules(&self) -> &crate::calendar::rules::CompiledRules {
        &self.derived.rules
    }

    /// The proposal index, built on the first call and kept.
    ///
    /// ```
    /// let ds = cogov::dataset::load(r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
    ///   "proposals": [{"id": "x", "title": "X", "proposers": ["p"], "history": [{"date": "2026-01-02", "stage": "submitted"}]}]}"#)
    ///     .dataset
    ///     .unwrap();
    /// let index = ds.proposal_index();
    /// assert!(std::ptr::eq(index, ds.proposal_index())); // built once, then kept
    /// ```
    pub fn proposal_index(&self) -> &crate::proposals::ProposalIndex {
        self.derived.proposals(&self.feed)
    }

    /// What `id` names.
    ///
    /// ```
    /// let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
    ///   "bodies": [{"id": "ga", "kind": "general_assembly", "name": {"ko": "총회", "en": "Assembly"}}]}"#;
    /// use cogov::dataset::{load, Ref};
    /// let ds = load(text).dataset.unwrap();
    /// assert_eq!(ds.lookup("ga"), Some(Ref::Body(0)));
    /// assert_eq!(ds.lookup("p"), None); // the publisher is not a record
    /// ```
    pub fn lookup(&self, id: &str) -> Option<Ref> {
        self.ids.get(id).map(|&p| Ref::unpack(p))
    }

    /// The index of body `id`.
    ///
    /// ```
    /// let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
    ///   "bodies": [{"id": "ga", "kind": "general_assembly", "name": {"ko": "총회", "en": "Assembly"}}]}"#;
    /// let ds = cogov::dataset::load(text).dataset.unwrap();
    /// assert_eq!(ds.body_index("ga"), Some(0));
    /// assert_eq!(ds.body_index("nobody"), None);
    /// ```
    pub fn body_index(&self, id: &str) -> Option<usize> {
        match self.lookup(id) {
            Some(Ref::Body(i)) => Some(i),
            _ => None,
        }
    }

    /// The name of whatever `id` names (organization, office, body, session, proposal...), or the id.
    ///
    /// ```
    /// let feed = r#"{"cogov":1,"publisher":{"id":"p","name":"P"},
    ///   "organizations":[{"id":"mois","kind":"ministry","name":{"ko":"행정안전부","en":"Ministry of the Interior and Safety"},"sources":[]}]}"#;
    /// let ds = cogov::dataset::load(feed).dataset.unwrap();
    /// assert_eq!(ds.name_of("mois", cogov::text::Lang::Ko), "행정안전부");
    /// assert_eq!(ds.name_of("nobody", cogov::text::Lang::Ko), "nobody");
    /// ```
    pub fn name_of(&self, id: &str, lang: Lang) -> String {
        self.text_of(id)
            .map(|t| t.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }

    /// The name or title text of whatever `id` names.
    ///
    /// ```
    /// let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
    ///   "bodies": [{"id": "ga", "kind": "general_assembly", "name": {"ko": "총회", "en": "Assembly"}}]}"#;
    /// let ds = cogov::dataset::load(text).dataset.unwrap();
    /// assert_eq!(ds.text_of("ga").map(|t| t.get(cogov::text::Lang::En)), Some("Assembly"));
    /// assert!(ds.text_of("nobody").is_none());
    /// ```
    pub fn text_of(&self, id: &str) -> Option<&Text> {
        let f = &self.feed;
        Some(match self.lookup(id)? {
            Ref::Source(i) => &f.sources[i].title,
            Ref::Org(i) => f.organizations[i]
                .short_name
                .as_ref()
                .unwrap_or(&f.organizations[i].name),
            Ref::Office(i) => &f.offices[i].name,
            Ref::Body(i) => &f.bodies[i].name,
            Ref::Series(i) => f.series[i].title.as_ref()?,
            Ref::Session(i) => f.sessions[i].title.as_ref()?,
            Ref::Proposal(i) => &f.proposals[i].title,
            Ref::Card(i) => &f.cards[i].title,
        })
    }
}

/// The result of [`load`]: a dataset when the structure part has no errors, and every problem
/// found.
#[derive(Debug)]
pub struct Loaded {
    /// Present when the structure part has no errors ([`Parts::usable`] says which others).
    pub dataset: Option<Dataset>,
    /// Errors and warnings, in the order of the parts.
    pub report: Report,
    /// Which parts loaded and which problems each has.
    pub parts: Parts,
}

/// Parses, decodes and checks a feed document: every part.
///
/// ```
/// let bad = cogov::dataset::load(r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
///   "bodies": [{"id": "a", "kind": "association", "name": "A", "part_of": ["b"]}]}"#);
/// assert!(bad.dataset.is_none());
/// assert_eq!(bad.report.errors[0].to_string(), "bodies[0].part_of[0]: \"b\" is not the id of any body");
/// let cut = cogov::dataset::load(r#"{"cogov": 1, "bodies": ["#);
/// assert_eq!(cut.report.errors[0].code, "json.eof");
/// ```
pub fn load(input: &str) -> Loaded {
    load_through(input, Part::Proposals)
}

/// [`load`] up to and including `last`: the later parts' members are parsed as JSON but not
/// decoded or checked (their lists stay empty). What it reports for `last` and the parts
/// before it is exactly what [`load`] reports for them.
///
/// ```
/// use cogov::dataset::{load_through, Part};
/// let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "sessions": [{"id": 7}]}"#;
/// let loaded = load_through(text, Part::Structure);
/// assert!(loaded.report.errors.is_empty() && loaded.dataset.is_some());
/// assert!(!loaded.parts.usable(Part::Calendar)); // not loaded
/// assert_eq!(cogov::dataset::load(text).report.errors[0].path, "sessions[0].id");
/// ```
// Always inlined: the wasm calls it with a constant `last` from one place, and only an inlined
// body lets the parts it leaves out drop from the wasm.
#[inline(always)]
pub fn load_through(input: &str, last: Part) -> Loaded {
    let doc = match json::parse(input, &json::Limits::default()) {
        Ok(doc) => doc,
        Err(e) => {
            let mut report = Report::default();
            report.push(Problem::error(
                "",
                e.code,
                format!("{} (line {}, column {})", e.message, e.line, e.column),
            ));
            return unusable(report);
        }
    };
    let mut r = feed::Reader::new(feed::Limits::default());
    let Some((mut feed, members)) = feed::decode_top(&mut r, &doc) else {
        return unusable(r.report);
    };
    if r.report.has_errors() && feed.publisher.id.is_empty() && feed.bodies.is_empty() {
        // not much of a feed: checking references would only pile up more errors
        return unusable(r.report);
    }
    let mut parts = Parts::default();
    let mut ids = crate::check::structure(&feed, &mut r.report);
    parts.mark(Part::Structure, &r.report);
    let mut rules = Default::default();
    if last >= Part::Calendar {
        feed::decode_calendar(&mut r, members, &mut feed);
        rules = crate::check::calendar(&feed, &mut ids, &mut r.report);
        parts.mark(Part::Calendar, &r.report);
    }
    if last >= Part::Proposals {
        feed::decode_proposals(&mut r, members, &mut feed);
        crate::check::proposals(&feed, &mut ids, &mut r.report);
        parts.mark(Part::Proposals, &r.report);
    }
    drop(doc);
    let dataset = parts.usable(Part::Structure).then(|| Dataset {
        feed,
        ids,
        derived: Derived::new(rules),
        parts,
    });
    Loaded {
        dataset,
        report: r.report,
        parts,
    }
}

/// A load that stopped in the structure part, with `report` its problems.
fn unusable(report: Report) -> Loaded {
    let mut parts = Parts::default();
    parts.mark(Part::Structure, &report);
    Loaded {
        dataset: None,
        report,
        parts,
    }
}
