//! JSON value tree → [`Feed`], one function per record type. Problems go to the reader's report;
//! a record with an unusable required field is still returned (with a default) so that later
//! checks can report everything else about it.
//!
//! The record decoders are grouped by the part of the feed they read (`dataset::Part`):
//! `structure.rs` (publisher, organizations, offices, bodies and what a body holds),
//! `calendar.rs` (series with their rules, sessions) and `proposals.rs` (proposals with their
//! steps, task cards); this file has the document's header and the shared field helpers.

mod calendar;
mod proposals;
mod structure;

use super::model::*;
pub use super::reader::Limits;
use super::reader::{get, Fields, Reader};
use crate::codes::Code;
use crate::json::Value;
use crate::problem::Report;
use crate::text::Text;

/// The format version this build reads.
pub const VERSION: u32 = 1;

/// Decodes a parsed document into a [`Feed`], collecting every problem.
///
/// ```
/// use cogov::feed::{decode, Limits};
/// let doc = cogov::json::parse(r#"{"cogov": 1, "publisher": {"id": "gaok", "name": "GAOK"},
///   "bodies": [{"id": "ga", "kind": "association", "name": "Governors Association", "seats": [{"title": "Mayors", "count": 0}]}]}"#,
///   &Default::default()).ok().unwrap();
/// let (_, report) = decode(&doc, Limits::default());
/// assert_eq!(report.errors[0].to_string(), "bodies[0].seats[0].count: must be at least 1");
/// ```
pub fn decode(v: &Value, limits: Limits) -> (Feed, Report) {
    let mut r = Reader::new(limits);
    let feed = match top(&mut r, v) {
        Some((mut feed, f)) => {
            calendar_part(&mut r, f, &mut feed);
            proposals_part(&mut r, f, &mut feed);
            feed
        }
        None => Feed::default(),
    };
    (feed, r.report)
}

const TOP: &[&str] = &[
    "cogov",
    "$schema",
    "publisher",
    "timezone",
    "updated",
    "sources",
    "organizations",
    "offices",
    "bodies",
    "series",
    "sessions",
    "holidays",
    "proposals",
    "cards",
];

/// The document's header and its structure part (publisher, sources, organizations, offices,
/// bodies), and the document's members for the later parts ([`calendar_part`], [`proposals_part`]).
/// `None` when the document is not a cogov feed of this version.
pub(crate) fn top<'v, 'a>(r: &mut Reader, v: &'v Value<'a>) -> Option<(Feed, Fields<'v, 'a>)> {
    let f = r.object(v, TOP)?;
    match get(f, "cogov") {
        Some(Value::Number(n)) if *n == VERSION as f64 => {}
        Some(other) => {
            let shown = match other {
                Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).to_string(),
                Value::Number(_) => "(a fraction)".to_string(),
                _ => other.kind().to_string(),
            };
            r.error_at(
                "cogov",
                Code::FeedVersion,
                format!("unknown format version {shown}; this reader knows version {VERSION}"),
            );
            return None;
        }
        None => {
            r.error_at(
                "cogov",
                Code::FeedVersion,
                format!("is required: the format version ({VERSION}); is this a cogov feed?"),
            );
            return None;
        }
    }
    if let Some(tz) = r.field(f, "timezone", |r, v| r.string(v)) {
        if tz != crate::kst::TZID {
            r.error_at(
                "timezone",
                Code::FeedTimezone,
                format!(
                    concat!(
                        "{} is not supported; only \"",
                        crate::kst::tzid!(),
                        "\" (Korea Standard Time)"
                    ),
                    crate::text::quote(&tz)
                ),
            );
        }
    }
    let feed = Feed {
        publisher: r
            .required(f, "publisher", structure::publisher)
            .unwrap_or_default(),
        updated: r.field(f, "updated", |r, v| r.date(v)),
        sources: r.list(f, "sources", |r, v| r.source(v, true)),
        organizations: r.list(f, "organizations", structure::organization),
        offices: r.list(f, "offices", structure::office),
        bodies: r.list(f, "bodies", structure::body),
        ..Feed::default()
    };
    Some((feed, f))
}

/// The calendar part: `series`, `sessions` and `holidays`.
pub(crate) fn calendar_part(r: &mut Reader, f: Fields, feed: &mut Feed) {
    feed.series = r.list(f, "series", calendar::series);
    // a record of a series without a `kind` of its own has its series' kind
    let mut kinds = crate::ids::Ids::new();
    kinds.reserve(feed.series.len());
    for s in &feed.series {
        kinds.insert(s.id.clone(), s.kind as u32);
    }
    let mut sessions = calendar::Sessions {
        out: Vec::new(),
        kinds: &kinds,
    };
    r.each(f, "sessions", &mut sessions);
    feed.sessions = sessions.out;
    feed.holidays = r.list(f, "holidays", calendar::holiday);
}

/// The proposals part: `proposals` and `cards`.
pub(crate) fn proposals_part(r: &mut Reader, f: Fields, feed: &mut Feed) {
    feed.proposals = r.list(f, "proposals", proposals::proposal);
    feed.cards = r.list(f, "cards", proposals::card);
}

pub(super) fn id(r: &mut Reader, f: Fields) -> String {
    r.required(f, "id", |r, v| r.id(v)).unwrap_or_default()
}

pub(super) fn opt_ref(r: &mut Reader, f: Fields, key: &'static str) -> Option<String> {
    r.field(f, key, |r, v| r.id(v))
}

pub(super) fn refs(r: &mut Reader, f: Fields, key: &'static str) -> Vec<String> {
    r.list(f, key, |r, v| r.id(v))
}

pub(super) fn texts(r: &mut Reader, f: Fields, key: &'static str) -> Vec<Text> {
    r.list(f, key, |r, v| r.text(v))
}

/// Whether member `key` is there: a member that is null is absent (docs/FORMAT.md), so
/// `"office": null` is no office and `"relative": null` no relative rule.
pub(super) fn present(f: Fields, key: &str) -> bool {
    !matches!(get(f, key), None | Some(Value::Null))
}
