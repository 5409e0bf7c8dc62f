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

/// Ids to records (packed [`Ref`]s). `HashMap<String, u32>` is also the proposal index's map
/// type, so the wasm carries one `HashMap` instance for both.
pub(crate) type Ids = HashMap<String, u32>;

/// Bits of a packed [`Ref`] that hold the index (lists hold at most `feed::Limits::max_items`,
/// a million by default, far below 2^29).
const INDEX_BITS: u32 = 29;

impl Ref {
    /// The kind in the top three bits, the index below.
    pub(crate) fn pack(self) -> u32 {
        let (kind, i) = match self {
            Ref::Source(i) => (0, i),
            Ref::Org(i) => (1, i),
            Ref::Office(i) => (2, i),
            Ref::Body(i) => (3, i),
            Ref::Series(i) => (4, i),
            Ref::Session(i) => (5, i),
            Ref::Proposal(i) => (6, i),
            Ref::Card(i) => (7, i),
        };
        (kind << INDEX_BITS) | i as u32
    }

    /// The `Ref` [`Ref::pack`] packed.
    pub(crate) fn unpack(p: u32) -> Ref {
        let i = (p & ((1 << INDEX_BITS) - 1)) as usize;
        match p >> INDEX_BITS {
            0 => Ref::Source(i),
            1 => Ref::Org(i),
            2 => Ref::Office(i),
            3 => Ref::Body(i),
            4 => Ref::Series(i),
            5 => Ref::Session(i),
            6 => Ref::Proposal(i),
            _ => Ref::Card(i),
        }
    }

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
    ids: Ids,
    /// Series rules compiled once, on the first calendar query (not on every call).
    pub(crate) rules: std::cell::OnceCell<crate::calendar::rules::CompiledRules>,
}

impl Dataset {
    /// What `id` names.
    pub fn lookup(&self, id: &str) -> Option<Ref> {
        self.ids.get(id).map(|&p| Ref::unpack(p))
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

#[cfg(test)]
mod tests {
    use super::Ref;

    #[test]
    fn refs_pack_and_unpack() {
        for i in [0, 1, 999_999, (1 << 29) - 1] {
            for r in [
                Ref::Source(i),
                Ref::Org(i),
                Ref::Office(i),
                Ref::Body(i),
                Ref::Series(i),
                Ref::Session(i),
                Ref::Proposal(i),
                Ref::Card(i),
            ] {
                assert_eq!(Ref::unpack(r.pack()), r);
            }
        }
    }
}
