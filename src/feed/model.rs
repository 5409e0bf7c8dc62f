//! The feed as Rust values, after decoding. References are still ids (strings); the
//! [`crate::dataset::Dataset`] resolves them.

use super::kinds::*;
use crate::date::When;
use crate::text::Text;
use chrono::NaiveDate;

/// One feed document, format version 1.
#[derive(Clone, Debug, Default)]
pub struct Feed {
    /// Who publishes it.
    pub publisher: Publisher,
    /// Last edit.
    pub updated: Option<NaiveDate>,
    /// Shared source records.
    pub sources: Vec<Source>,
    /// Cities, provinces, ministries, associations...
    pub organizations: Vec<Organization>,
    /// Positions held ex officio.
    pub offices: Vec<Office>,
    /// Councils, assemblies, groups.
    pub bodies: Vec<Body>,
    /// Rules for regular sessions.
    pub series: Vec<Series>,
    /// Explicit sessions.
    pub sessions: Vec<Session>,
    /// Policy proposals.
    pub proposals: Vec<Proposal>,
    /// Task management cards.
    pub cards: Vec<Card>,
    /// One-off public holidays (임시공휴일, election days), merged with the computed ones; a
    /// member of the calendar part, last here so that the decode snapshots keep their lines.
    pub holidays: Vec<HolidayRecord>,
}

/// Facts every record may carry: sources and the illustrative flag.
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    /// Source ids or inline sources.
    pub sources: Vec<SourceRef>,
    /// The record is an example, not a fact from a source.
    pub illustrative: bool,
    /// Why it is illustrative, or any remark.
    pub note: Option<Text>,
}

/// A source named by id or written inline.
#[derive(Clone, Debug)]
pub enum SourceRef {
    /// Id of a top-level source.
    Id(String),
    /// A source written in place.
    Inline(Source),
}

/// Where facts come from.
#[derive(Clone, Debug, Default)]
pub struct Source {
    /// Id (empty for inline sources).
    pub id: String,
    /// Title.
    pub title: Text,
    /// Address.
    pub url: Option<String>,
    /// When published or read.
    pub date: Option<String>,
    /// Who published it.
    pub publisher: Option<Text>,
}

/// The association that publishes the feed.
#[derive(Clone, Debug, Default)]
pub struct Publisher {
    /// Id, used in UIDs.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Home page.
    pub url: Option<String>,
}

/// A city, province, ministry, association...
#[derive(Clone, Debug)]
pub struct Organization {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: OrgKind,
    /// Name.
    pub name: Text,
    /// Short name.
    pub short_name: Option<Text>,
    /// Home page.
    pub url: Option<String>,
    /// Sources.
    pub prov: Provenance,
}

/// A position held ex officio.
#[derive(Clone, Debug)]
pub struct Office {
    /// Id.
    pub id: String,
    /// Name, e.g. "Minister of the Interior and Safety".
    pub name: Text,
    /// The organization it belongs to.
    pub org: Option<String>,
    /// Sources.
    pub prov: Provenance,
}

/// A council, assembly, group, platform or forum.
#[derive(Clone, Debug)]
pub struct Body {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: BodyKind,
    /// Name.
    pub name: Text,
    /// Short name.
    pub short_name: Option<Text>,
    /// Description.
    pub description: Option<Text>,
    /// Bodies this one is an organ of.
    pub part_of: Vec<String>,
    /// Bodies whose work this one prepares.
    pub supports: Vec<String>,
    /// Member organizations or bodies.
    pub members: Vec<String>,
    /// Legal basis.
    pub legal_basis: Vec<LegalBasis>,
    /// Composition.
    pub seats: Vec<Seat>,
    /// Functions.
    pub functions: Vec<Text>,
    /// How often it meets, in words.
    pub cadence: Option<Text>,
    /// Term of members in years.
    pub term_years: Option<f64>,
    /// When established (first day of a partial date) and as written.
    pub established: Option<String>,
    /// Where it works.
    pub region: Option<Text>,
    /// Its page.
    pub url: Option<String>,
    /// Published figures.
    pub figures: Vec<Figure>,
    /// Sources.
    pub prov: Provenance,
}

/// A statute article a body rests on.
#[derive(Clone, Debug)]
pub struct LegalBasis {
    /// Statute name.
    pub statute: Text,
    /// Article.
    pub article: Option<String>,
    /// Effective date.
    pub effective: Option<NaiveDate>,
    /// Link.
    pub url: Option<String>,
}

/// One or more places of the same kind in a body.
#[derive(Clone, Debug)]
pub struct Seat {
    /// Office held ex officio.
    pub office: Option<String>,
    /// Name of a group of places.
    pub title: Option<Text>,
    /// Side.
    pub side: Side,
    /// Role.
    pub role: Role,
    /// Number of places.
    pub count: u32,
    /// People holding the seat.
    pub holders: Vec<Holder>,
    /// Sources.
    pub prov: Provenance,
}

/// A person holding a seat for a term.
#[derive(Clone, Debug)]
pub struct Holder {
    /// Name.
    pub name: Text,
    /// First day.
    pub from: Option<NaiveDate>,
    /// Last day.
    pub to: Option<NaiveDate>,
    /// Sources and remarks.
    pub prov: Provenance,
}

impl Holder {
    /// Whether the term includes `day` (open ends count as including).
    ///
    /// ```
    /// use cogov::feed::Holder;
    /// let d = |s| cogov::date::parse_date(s).unwrap();
    /// let h = Holder { name: Default::default(), from: Some(d("2018-07-01")), to: None, prov: Default::default() };
    /// assert!(h.holds_on(d("2019-01-01")));
    /// assert!(!h.holds_on(d("2018-06-30")));
    /// ```
    pub fn holds_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }
}

/// A published number (e.g. agenda items tackled in 2019).
#[derive(Clone, Debug)]
pub struct Figure {
    /// Metric id.
    pub metric: String,
    /// Label.
    pub label: Text,
    /// Period, as written.
    pub period: Option<String>,
    /// Value.
    pub value: f64,
    /// Sources.
    pub prov: Provenance,
}

/// Where a session takes place.
#[derive(Clone, Debug, Default)]
pub struct Location {
    /// Place name.
    pub name: Option<Text>,
    /// Address.
    pub address: Option<Text>,
    /// Online link.
    pub url: Option<String>,
}

/// The regular sessions of one body, described by rules.
#[derive(Clone, Debug)]
pub struct Series {
    /// Id.
    pub id: String,
    /// Body.
    pub body: String,
    /// Session kind.
    pub kind: SessionKind,
    /// Title.
    pub title: Option<Text>,
    /// Location of every occurrence.
    pub location: Option<Location>,
    /// Number of the first occurrence and the day counting starts.
    pub numbering: Option<(u32, Option<NaiveDate>)>,
    /// The counter word of its numbers (`numbering.counter`, default 차).
    pub counter: Counter,
    /// Rules.
    pub rules: Vec<RuleDef>,
    /// How many significant changes the series has had (the `SEQUENCE` of its occurrences).
    pub revision: Option<u32>,
    /// When the series was last changed (`LAST-MODIFIED` of its occurrences).
    pub updated: Option<When>,
    /// Sources.
    pub prov: Provenance,
}

/// One rule of a series, with its effective period.
#[derive(Clone, Debug)]
pub struct RuleDef {
    /// RRULE form or relative form.
    pub form: RuleForm,
    /// First day the rule applies.
    pub from: Option<NaiveDate>,
    /// Last day the rule applies.
    pub to: Option<NaiveDate>,
    /// Sources.
    pub prov: Provenance,
}

/// How a rule produces dates.
#[derive(Clone, Debug)]
pub enum RuleForm {
    /// An RFC 5545 RRULE from a start.
    Recurrence {
        /// First occurrence.
        dtstart: When,
        /// The RRULE text.
        rrule: String,
        /// Length of each session.
        duration_minutes: Option<u32>,
        /// Excluded occurrences.
        exdates: Vec<When>,
        /// Extra occurrences (RFC 5545 `RDATE`); a date is that date at `dtstart`'s time.
        rdates: Vec<When>,
    },
    /// N days before/after each session of another series.
    Relative {
        /// The other series.
        series: String,
        /// Days to add (negative: before).
        offset_days: i32,
        /// Time of day, if not the other session's.
        time: Option<chrono::NaiveTime>,
    },
    /// N days before/after each session of a body (`relative.body`): every series of it and
    /// its explicit sessions, after moves and cancellations, optionally of some kinds only.
    RelativeBody {
        /// The body.
        body: String,
        /// Only sessions of these kinds (empty: every kind).
        kinds: Vec<SessionKind>,
        /// Days to add (negative: before).
        offset_days: i32,
        /// Time of day, if not the other session's.
        time: Option<chrono::NaiveTime>,
    },
}

/// A public holiday a feed lists: a day fixed by a one-off decision (임시공휴일) or an election
/// day, which no rule computes (see [`crate::holidays`]).
#[derive(Clone, Debug)]
pub struct HolidayRecord {
    /// The day.
    pub date: NaiveDate,
    /// Its name.
    pub name: Text,
    /// Sources (the decision, the gazette), illustrative flag, note.
    pub prov: Provenance,
}

/// An explicit session.
#[derive(Clone, Debug)]
pub struct Session {
    /// Id.
    pub id: String,
    /// Body.
    pub body: String,
    /// Series and the occurrence it replaces.
    pub series: Option<String>,
    /// The occurrence replaced.
    pub recurrence_id: Option<When>,
    /// Kind.
    pub kind: SessionKind,
    /// 제N차.
    pub number: Option<u32>,
    /// Title.
    pub title: Option<Text>,
    /// Start.
    pub start: When,
    /// End.
    pub end: Option<When>,
    /// Place.
    pub location: Option<Location>,
    /// Status.
    pub status: Status,
    /// Agenda.
    pub agenda: Vec<AgendaItem>,
    /// Documents.
    pub documents: Vec<Document>,
    /// How many significant changes the session has had (its `SEQUENCE`).
    pub revision: Option<u32>,
    /// When the session was last changed (its `LAST-MODIFIED`).
    pub updated: Option<When>,
    /// Sources.
    pub prov: Provenance,
}

/// One item on a session's agenda.
#[derive(Clone)]
pub struct AgendaItem {
    /// Title.
    pub title: Text,
    /// Kind.
    pub kind: AgendaKind,
    /// Proposal discussed.
    pub proposal: Option<String>,
    /// The problem (code, message) of a malformed `proposal`, reported by the proposals part:
    /// the calendar shows the item without it.
    pub proposal_problem: Option<(crate::codes::Code, String)>,
}

/// As derived, with `proposal_problem` shown only when there is one (so the decoded model of a
/// well-formed feed prints as before it existed).
impl core::fmt::Debug for AgendaItem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut d = f.debug_struct("AgendaItem");
        d.field("title", &self.title)
            .field("kind", &self.kind)
            .field("proposal", &self.proposal);
        if let Some(p) = &self.proposal_problem {
            d.field("proposal_problem", p);
        }
        d.finish()
    }
}

/// A linked document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Title.
    pub title: Text,
    /// Link.
    pub url: String,
}

/// A policy proposal.
#[derive(Clone, Debug)]
pub struct Proposal {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Summary.
    pub summary: Option<Text>,
    /// Proposing organizations or bodies.
    pub proposers: Vec<String>,
    /// Theme.
    pub theme: Option<Text>,
    /// Ministries addressed.
    pub ministries: Vec<String>,
    /// Related laws.
    pub laws: Vec<Text>,
    /// Submitted on.
    pub submitted: Option<NaiveDate>,
    /// Route so far.
    pub history: Vec<Step>,
    /// Sources.
    pub prov: Provenance,
}

/// One step of a proposal's route.
#[derive(Clone, Debug)]
pub struct Step {
    /// Date.
    pub date: NaiveDate,
    /// Stage.
    pub stage: Stage,
    /// Body acting.
    pub body: Option<String>,
    /// Session where it happened.
    pub session: Option<String>,
    /// Decision.
    pub decision: Option<Decision>,
    /// Ministry concerned.
    pub ministry: Option<String>,
    /// The ministry's answer.
    pub answer: Option<Answer>,
    /// How it was carried out.
    pub reflection: Option<Reflection>,
    /// Proposal it merged into.
    pub merged_into: Option<String>,
    /// Organizations dissenting.
    pub dissent: Vec<String>,
    /// Sources and note.
    pub prov: Provenance,
}

/// A task management card.
#[derive(Clone, Debug)]
pub struct Card {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Session that deliberated the item.
    pub session: Option<String>,
    /// Proposal it tracks.
    pub proposal: Option<String>,
    /// Responsible organizations or bodies.
    pub responsible: Vec<String>,
    /// Action plan.
    pub plan: Option<Text>,
    /// Milestones.
    pub milestones: Vec<Milestone>,
    /// Session where results are due.
    pub due_session: Option<String>,
    /// Results reported.
    pub reports: Vec<CardReport>,
    /// Sources.
    pub prov: Provenance,
}

/// A milestone on a card.
#[derive(Clone, Debug)]
pub struct Milestone {
    /// Title.
    pub title: Text,
    /// Due.
    pub due: Option<NaiveDate>,
    /// Done.
    pub done: Option<NaiveDate>,
}

/// Results reported for a card.
#[derive(Clone, Debug)]
pub struct CardReport {
    /// Date.
    pub date: NaiveDate,
    /// Session where reported.
    pub session: Option<String>,
    /// Text.
    pub text: Text,
}
