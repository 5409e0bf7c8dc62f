//! A loaded feed: parsed, decoded, checked across records, with ids indexed.
//!
//! [`load`] is the one entry point from text: it never panics and returns every problem found.

use crate::feed::{self, Feed};
use crate::json;
use crate::problem::{Problem, Report};
use crate::text::{Lang, Text};
use std::collections::HashMap;

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ref {
    /// `sources[i]`
    Source(usize),
    /// `organizations[i]`
    Org(usize),
    /// `offices[i]`
    Office(usize),
    /// `bodies[i]`
    Body(usize),
    /// `series[i]`
    Series(usize),
    /// `sessions[i]`
    Session(usize),
    /// `proposals[i]`
    Proposal(usize),
    /// `cards[i]`
    Card(usize),
}

impl Ref {
    /// The JSON path of the record, e.g. `bodies[3]`.
    pub fn path(self) -> String {
        let (list, i) = match self {
            Ref::Source(i) => ("sources", i),
            Ref::Org(i) => ("organizations", i),
            Ref::Office(i) => ("offices", i),
            Ref::Body(i) => ("bodies", i),
            Ref::Series(i) => ("series", i),
            Ref::Session(i) => ("sessions", i),
            Ref::Proposal(i) => ("proposals", i),
            Ref::Card(i) => ("cards", i),
        };
        format!("{list}[{i}]")
    }
}

/// A feed whose ids are unique and whose references all resolve.
#[derive(Debug)]
pub struct Dataset {
    /// The records.
    pub feed: Feed,
    ids: HashMap<String, Ref>,
    /// Series rules compiled once, on the first calendar query (not on every call).
    pub(crate) rules: std::cell::OnceCell<crate::calendar::rules::CompiledRules>,
}

impl Dataset {
    /// What `id` names.
    pub fn lookup(&self, id: &str) -> Option<Ref> {
        self.ids.get(id).copied()
    }

    /// The index of body `id`.
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

/// The result of [`load`]: a dataset when there were no errors, and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// Present when the report has no errors.
    pub dataset: Option<Dataset>,
    /// Errors and warnings.
    pub report: Report,
}

/// Parses, decodes and checks a feed document.
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
    let doc = match json::parse(input, &json::Limits::default()) {
        Ok(doc) => doc,
        Err(e) => {
            let mut report = Report::default();
            report.push(Problem::error(
                "",
                e.code,
                format!("{} (line {}, column {})", e.message, e.line, e.column),
            ));
            return Loaded {
                dataset: None,
                report,
            };
        }
    };
    let (feed, mut report) = feed::decode(&doc, feed::Limits::default());
    drop(doc);
    if report.has_errors() && feed.publisher.id.is_empty() && feed.bodies.is_empty() {
        return Loaded {
            dataset: None,
            report,
        };
    }
    let ids = crate::check::check(&feed, &mut report);
    if report.has_errors() {
        return Loaded {
            dataset: None,
            report,
        };
    }
    Loaded {
        dataset: Some(Dataset {
            feed,
            ids,
            rules: Default::default(),
        }),
        report,
    }
}
