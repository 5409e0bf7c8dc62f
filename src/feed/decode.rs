//! JSON value tree → [`Feed`], one function per record type. Problems go to the reader's report;
//! a record with an unusable required field is still returned (with a default) so that later
//! checks can report everything else about it.

use super::kinds::*;
use super::model::*;
pub use super::reader::Limits;
use super::reader::{get, Fields, Reader};
use crate::date::{iso_date, parse_local};
use crate::json::Value;
use crate::problem::Report;

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
            calendar(&mut r, f, &mut feed);
            proposals(&mut r, f, &mut feed);
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
    "proposals",
    "cards",
];

/// The document's header and its structure part (publisher, sources, organizations, offices,
/// bodies), and the document's members for the later parts ([`calendar`], [`proposals`]).
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
                "feed.version",
                format!("unknown format version {shown}; this reader knows version {VERSION}"),
            );
            return None;
        }
        None => {
            r.error_at(
                "cogov",
                "feed.version",
                format!("is required: the format version ({VERSION}); is this a cogov feed?"),
            );
            return None;
        }
    }
    if let Some(tz) = r.field(f, "timezone", |r, v| r.string(v)) {
        if tz != crate::kst::TZID {
            r.error_at(
                "timezone",
                "feed.timezone",
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
        publisher: r.required(f, "publisher", publisher).unwrap_or_default(),
        updated: r.field(f, "updated", |r, v| r.date(v)),
        sources: r.list(f, "sources", |r, v| r.source(v, true)),
        organizations: r.list(f, "organizations", organization),
        offices: r.list(f, "offices", office),
        bodies: r.list(f, "bodies", body),
        ..Feed::default()
    };
    Some((feed, f))
}

/// The calendar part: `series` and `sessions`.
pub(crate) fn calendar(r: &mut Reader, f: Fields, feed: &mut Feed) {
    feed.series = r.list(f, "series", series);
    feed.sessions = r.list(f, "sessions", session);
}

/// The proposals part: `proposals` and `cards`.
pub(crate) fn proposals(r: &mut Reader, f: Fields, feed: &mut Feed) {
    feed.proposals = r.list(f, "proposals", proposal);
    feed.cards = r.list(f, "cards", card);
}

#[inline(never)]
fn publisher(r: &mut Reader, v: &Value) -> Option<Publisher> {
    let f = r.object(v, &["id", "name", "url"])?;
    Some(Publisher {
        id: r.required(f, "id", |r, v| r.id(v)).unwrap_or_default(),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        url: r.field(f, "url", |r, v| r.url(v)),
    })
}

fn id(r: &mut Reader, f: Fields) -> String {
    r.required(f, "id", |r, v| r.id(v)).unwrap_or_default()
}

fn opt_ref(r: &mut Reader, f: Fields, key: &'static str) -> Option<String> {
    r.field(f, key, |r, v| r.id(v))
}

fn refs(r: &mut Reader, f: Fields, key: &'static str) -> Vec<String> {
    r.list(f, key, |r, v| r.id(v))
}

fn texts(r: &mut Reader, f: Fields, key: &'static str) -> Vec<Text> {
    r.list(f, key, |r, v| r.text(v))
}

use crate::text::Text;

#[inline(never)]
fn organization(r: &mut Reader, v: &Value) -> Option<Organization> {
    let f = r.record(v, &["id", "kind", "name", "short_name", "url"])?;
    Some(Organization {
        id: id(r, f),
        kind: r
            .required(f, "kind", |r, v| r.word(v))
            .unwrap_or(OrgKind::Other),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        short_name: r.field(f, "short_name", |r, v| r.text(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
        prov: r.provenance(f),
    })
}

#[inline(never)]
fn office(r: &mut Reader, v: &Value) -> Option<Office> {
    let f = r.record(v, &["id", "name", "org"])?;
    Some(Office {
        id: id(r, f),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        org: opt_ref(r, f, "org"),
        prov: r.provenance(f),
    })
}

const BODY: [&str; 17] = [
    "id",
    "kind",
    "name",
    "short_name",
    "description",
    "part_of",
    "supports",
    "members",
    "legal_basis",
    "seats",
    "functions",
    "cadence",
    "term_years",
    "established",
    "region",
    "url",
    "figures",
];

#[inline(never)]
fn body(r: &mut Reader, v: &Value) -> Option<Body> {
    let f = r.record(v, &BODY)?;
    Some(Body {
        id: id(r, f),
        kind: r
            .required(f, "kind", |r, v| r.word(v))
            .unwrap_or(BodyKind::Other),
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        short_name: r.field(f, "short_name", |r, v| r.text(v)),
        description: r.field(f, "description", |r, v| r.text(v)),
        part_of: refs(r, f, "part_of"),
        supports: refs(r, f, "supports"),
        members: refs(r, f, "members"),
        legal_basis: r.list(f, "legal_basis", legal_basis),
        seats: r.list(f, "seats", seat),
        functions: texts(r, f, "functions"),
        cadence: r.field(f, "cadence", |r, v| r.text(v)),
        term_years: r.field(f, "term_years", |r, v| {
            let n = r.number(v, 0)?;
            if n == 0.0 {
                r.error("number.range", "must be more than 0");
                return None;
            }
            Some(n)
        }),
        established: r.field(f, "established", |r, v| r.partial_date(v)),
        region: r.field(f, "region", |r, v| r.text(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
        figures: r.list(f, "figures", figure),
        prov: r.provenance(f),
    })
}

#[inline(never)]
fn legal_basis(r: &mut Reader, v: &Value) -> Option<LegalBasis> {
    let f = r.object(v, &["statute", "article", "effective", "url"])?;
    Some(LegalBasis {
        statute: r
            .required(f, "statute", |r, v| r.text(v))
            .unwrap_or_default(),
        article: r.field(f, "article", |r, v| r.nonempty(v)),
        effective: r.field(f, "effective", |r, v| r.date(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
    })
}

/// Whether member `key` is there: a member that is null is absent (docs/FORMAT.md), so
/// `"office": null` is no office and `"relative": null` no relative rule.
fn present(f: Fields, key: &str) -> bool {
    !matches!(get(f, key), None | Some(Value::Null))
}

#[inline(never)]
fn seat(r: &mut Reader, v: &Value) -> Option<Seat> {
    let f = r.record(v, &["office", "title", "side", "role", "count", "holders"])?;
    let office = opt_ref(r, f, "office");
    let title = r.field(f, "title", |r, v| r.text(v));
    if office.is_none() && title.is_none() && !present(f, "office") && !present(f, "title") {
        r.error("seat.unnamed", "a seat needs an office or a title");
    }
    Some(Seat {
        office,
        title,
        side: r.field(f, "side", |r, v| r.word(v)).unwrap_or(Side::Other),
        role: r.field(f, "role", |r, v| r.word(v)).unwrap_or(Role::Member),
        count: r.field(f, "count", |r, v| r.uint(v, 1)).unwrap_or(1),
        holders: r.list(f, "holders", holder),
        prov: r.provenance(f),
    })
}

#[inline(never)]
fn holder(r: &mut Reader, v: &Value) -> Option<Holder> {
    let f = r.record(v, &["name", "from", "to"])?;
    let h = Holder {
        name: r.required(f, "name", |r, v| r.text(v)).unwrap_or_default(),
        from: r.field(f, "from", |r, v| r.date(v)),
        to: r.field(f, "to", |r, v| r.date(v)),
        prov: r.provenance(f),
    };
    if let (Some(a), Some(b)) = (h.from, h.to) {
        if b < a {
            r.error_at(
                "to",
                "date.order",
                format!(
                    "term ends ({}) before it starts ({})",
                    iso_date(b),
                    iso_date(a)
                ),
            );
        }
    }
    Some(h)
}

#[inline(never)]
fn figure(r: &mut Reader, v: &Value) -> Option<Figure> {
    let f = r.record(v, &["metric", "label", "period", "value"])?;
    Some(Figure {
        metric: r.required(f, "metric", |r, v| r.id(v)).unwrap_or_default(),
        label: r.required(f, "label", |r, v| r.text(v)).unwrap_or_default(),
        period: r.field(f, "period", |r, v| r.partial_date(v)),
        value: r
            .required(f, "value", |r, v| r.number(v, 0))
            .unwrap_or_default(),
        prov: r.provenance(f),
    })
}

#[inline(never)]
fn location(r: &mut Reader, v: &Value) -> Option<Location> {
    let f = r.object(v, &["name", "address", "url"])?;
    Some(Location {
        name: r.field(f, "name", |r, v| r.text(v)),
        address: r.field(f, "address", |r, v| r.text(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
    })
}

#[inline(never)]
fn series(r: &mut Reader, v: &Value) -> Option<Series> {
    let f = r.record(
        v,
        &[
            "id",
            "body",
            "kind",
            "title",
            "location",
            "numbering",
            "rules",
        ],
    )?;
    let s = Series {
        id: id(r, f),
        body: r.required(f, "body", |r, v| r.id(v)).unwrap_or_default(),
        kind: r
            .field(f, "kind", |r, v| r.word(v))
            .unwrap_or(SessionKind::Regular),
        title: r.field(f, "title", |r, v| r.text(v)),
        location: r.field(f, "location", location),
        numbering: r.field(f, "numbering", |r, v| {
            let f = r.object(v, &["first", "from"])?;
            let first = r.required(f, "first", |r, v| r.uint(v, 1))?;
            Some((first, r.field(f, "from", |r, v| r.date(v))))
        }),
        rules: r.list(f, "rules", rule),
        prov: r.provenance(f),
    };
    if s.rules.is_empty() && !matches!(get(f, "rules"), Some(Value::Array(a)) if !a.is_empty()) {
        r.error_at(
            "rules",
            "series.no_rules",
            "a series needs at least one rule",
        );
    }
    Some(s)
}

#[inline(never)]
fn rule(r: &mut Reader, v: &Value) -> Option<RuleDef> {
    let f = r.record(
        v,
        &[
            "dtstart",
            "rrule",
            "duration_minutes",
            "exdates",
            "rdates",
            "relative",
            "effective",
        ],
    )?;
    let form = if present(f, "relative") {
        if present(f, "rrule") {
            r.error("rule.form", "a rule has either rrule or relative, not both");
        }
        r.field(f, "relative", |r, v| {
            let f = r.object(v, &["series", "offset_days", "time"])?;
            let series = r.required(f, "series", |r, v| r.id(v))?;
            let offset_days = r.required(f, "offset_days", |r, v| match v {
                Value::Number(n) if n.fract() == 0.0 && n.abs() <= 366.0 => Some(*n as i32),
                _ => {
                    r.error(
                        "number.range",
                        "must be a whole number of days between -366 and 366",
                    );
                    None
                }
            })?;
            let time = r.field(f, "time", |r, v| {
                let s = r.string(v)?;
                parse_local(&format!("2000-01-01T{s}"))
                    .map(|t| t.time())
                    .map_err(|m| r.error("date.invalid", m))
                    .ok()
            });
            Some(RuleForm::Relative {
                series,
                offset_days,
                time,
            })
        })?
    } else {
        let dtstart = r.required(f, "dtstart", |r, v| r.when(v));
        let rrule = r.required(f, "rrule", |r, v| r.nonempty(v));
        RuleForm::Recurrence {
            dtstart: dtstart?,
            rrule: rrule?,
            duration_minutes: r.field(f, "duration_minutes", |r, v| r.uint(v, 1)),
            exdates: r.list(f, "exdates", |r, v| r.when(v)),
            rdates: r.list(f, "rdates", |r, v| r.when(v)),
        }
    };
    let (from, to) = r
        .field(f, "effective", |r, v| {
            let f = r.object(v, &["from", "to"])?;
            let from = r.field(f, "from", |r, v| r.date(v));
            let to = r.field(f, "to", |r, v| r.date(v));
            if let (Some(a), Some(b)) = (from, to) {
                if b < a {
                    r.error_at(
                        "to",
                        "date.order",
                        format!(
                            "period ends ({}) before it starts ({})",
                            iso_date(b),
                            iso_date(a)
                        ),
                    );
                }
            }
            Some((from, to))
        })
        .unwrap_or_default();
    Some(RuleDef {
        form,
        from,
        to,
        prov: r.provenance(f),
    })
}

const SESSION: [&str; 13] = [
    "id",
    "body",
    "series",
    "recurrence_id",
    "kind",
    "number",
    "title",
    "start",
    "end",
    "location",
    "status",
    "agenda",
    "documents",
];

#[inline(never)]
fn session(r: &mut Reader, v: &Value) -> Option<Session> {
    let f = r.record(v, &SESSION)?;
    let s = Session {
        id: id(r, f),
        body: r.required(f, "body", |r, v| r.id(v)).unwrap_or_default(),
        series: opt_ref(r, f, "series"),
        recurrence_id: r.field(f, "recurrence_id", |r, v| r.when(v)),
        kind: r
            .field(f, "kind", |r, v| r.word(v))
            .unwrap_or(SessionKind::Meeting),
        number: r.field(f, "number", |r, v| r.uint(v, 1)),
        title: r.field(f, "title", |r, v| r.text(v)),
        start: r.required(f, "start", |r, v| r.when(v))?,
        end: r.field(f, "end", |r, v| r.when(v)),
        location: r.field(f, "location", location),
        status: r
            .field(f, "status", |r, v| r.word(v))
            .unwrap_or(Status::Scheduled),
        agenda: r.list(f, "agenda", agenda_item),
        documents: r.list(f, "documents", |r, v| {
            let f = r.object(v, &["title", "url"])?;
            let title = r.required(f, "title", |r, v| r.text(v));
            let url = r.required(f, "url", |r, v| r.url(v));
            Some(Document {
                title: title?,
                url: url?,
            })
        }),
        prov: r.provenance(f),
    };
    if let Some(end) = s.end {
        if end < s.start || (end.date() == s.start.date() && end.start() < s.start.start()) {
            r.error_at(
                "end",
                "date.order",
                format!(
                    "session ends ({}) before it starts ({})",
                    end.iso(),
                    s.start.iso()
                ),
            );
        }
    }
    if s.recurrence_id.is_some() && s.series.is_none() {
        r.error_at(
            "recurrence_id",
            "session.recurrence",
            "recurrence_id needs a series",
        );
    }
    Some(s)
}

#[inline(never)]
fn agenda_item(r: &mut Reader, v: &Value) -> Option<AgendaItem> {
    let f = r.object(v, &["title", "kind", "proposal"])?;
    // the proposal belongs to the proposals part: its problems are reported there
    let (proposal, proposal_problem) = match crate::feed::reader::get(f, "proposal") {
        None | Some(Value::Null) => (None, None),
        Some(p) => match crate::feed::reader::id_of(p) {
            Ok(id) => (Some(id), None),
            Err(problem) => (None, Some(problem)),
        },
    };
    Some(AgendaItem {
        title: r.required(f, "title", |r, v| r.text(v))?,
        kind: r
            .field(f, "kind", |r, v| r.word(v))
            .unwrap_or(AgendaKind::Other),
        proposal,
        proposal_problem,
    })
}

const PROPOSAL: [&str; 9] = [
    "id",
    "title",
    "summary",
    "proposers",
    "theme",
    "ministries",
    "laws",
    "submitted",
    "history",
];

#[inline(never)]
fn proposal(r: &mut Reader, v: &Value) -> Option<Proposal> {
    let f = r.record(v, &PROPOSAL)?;
    Some(Proposal {
        id: id(r, f),
        title: r.required(f, "title", |r, v| r.text(v)).unwrap_or_default(),
        summary: r.field(f, "summary", |r, v| r.text(v)),
        proposers: refs(r, f, "proposers"),
        theme: r.field(f, "theme", |r, v| r.text(v)),
        ministries: refs(r, f, "ministries"),
        laws: texts(r, f, "laws"),
        submitted: r.field(f, "submitted", |r, v| r.date(v)),
        history: r.list(f, "history", step),
        prov: r.provenance(f),
    })
}

const STEP: [&str; 10] = [
    "date",
    "stage",
    "body",
    "session",
    "decision",
    "ministry",
    "answer",
    "reflection",
    "merged_into",
    "dissent",
];

#[inline(never)]
fn step(r: &mut Reader, v: &Value) -> Option<Step> {
    let f = r.record(v, &STEP)?;
    let date = r.required(f, "date", |r, v| r.date(v));
    let stage = r.required(f, "stage", |r, v| r.word(v));
    Some(Step {
        date: date?,
        stage: stage?,
        body: opt_ref(r, f, "body"),
        session: opt_ref(r, f, "session"),
        decision: r.field(f, "decision", |r, v| r.word(v)),
        ministry: opt_ref(r, f, "ministry"),
        answer: r.field(f, "answer", |r, v| r.word(v)),
        reflection: r.field(f, "reflection", |r, v| r.word(v)),
        merged_into: opt_ref(r, f, "merged_into"),
        dissent: refs(r, f, "dissent"),
        prov: r.provenance(f),
    })
}

const CARD: [&str; 9] = [
    "id",
    "title",
    "session",
    "proposal",
    "responsible",
    "plan",
    "milestones",
    "due_session",
    "reports",
];

#[inline(never)]
fn card(r: &mut Reader, v: &Value) -> Option<Card> {
    let f = r.record(v, &CARD)?;
    Some(Card {
        id: id(r, f),
        title: r.required(f, "title", |r, v| r.text(v)).unwrap_or_default(),
        session: opt_ref(r, f, "session"),
        proposal: opt_ref(r, f, "proposal"),
        responsible: refs(r, f, "responsible"),
        plan: r.field(f, "plan", |r, v| r.text(v)),
        milestones: r.list(f, "milestones", |r, v| {
            let f = r.object(v, &["title", "due", "done"])?;
            Some(Milestone {
                title: r.required(f, "title", |r, v| r.text(v))?,
                due: r.field(f, "due", |r, v| r.date(v)),
                done: r.field(f, "done", |r, v| r.date(v)),
            })
        }),
        due_session: opt_ref(r, f, "due_session"),
        reports: r.list(f, "reports", |r, v| {
            let f = r.object(v, &["date", "session", "text"])?;
            let date = r.required(f, "date", |r, v| r.date(v));
            let text = r.required(f, "text", |r, v| r.text(v));
            Some(CardReport {
                date: date?,
                session: opt_ref(r, f, "session"),
                text: text?,
            })
        }),
        prov: r.provenance(f),
    })
}
