// Generated from the Rust view types by `cargo test` (src/ts.rs): do not edit.
// After changing a view type: `COGOV_BLESS=1 cargo test --lib views_d_ts` rewrites this file.
// The element declarations import these from www/cogov.d.ts.

/** How a body hangs under its parent in the tree. */
export type Relation = "part_of" | "supports";

/** A body's kind. */
export type BodyKind = "cooperation_meeting" | "general_assembly" | "working_council" | "support_group" | "association" | "association_council" | "citizen_council" | "platform" | "forum" | "seminar" | "committee" | "other";

/** The side a seat represents. */
export type Side = "central" | "local" | "citizen" | "official" | "expert" | "association" | "other";

/** A seat's role. */
export type Role = "chair" | "co_chair" | "vice_chair" | "representative" | "standing_director" | "co_director" | "member" | "secretary";

/** A session's kind. */
export type SessionKind = "regular" | "special" | "plenary" | "working" | "forum" | "seminar" | "meeting" | "other";

/** A session's status. */
export type SessionStatus = "scheduled" | "held" | "cancelled" | "postponed" | "moved";

/** The counter word of a session number (제N차, 제N회). */
export type Counter = "차" | "회";

/** An agenda item's kind. */
export type AgendaKind = "resolution" | "report" | "discussion" | "other";

/** A stage of the proposal route. */
export type Stage = "submitted" | "analysis" | "deliberation" | "decision" | "sent" | "answer" | "reflected" | "closed" | "withdrawn";

/** A decision recorded on a step. */
export type Decision = "agreed" | "dissent" | "adopted" | "held_over" | "rejected" | "returned" | "merged";

/** Where an accepted proposal was reflected. */
export type Reflection = "law" | "budget" | "national_agenda";

/** Where a ministry's answer stands (`pending`: sent, unanswered). */
export type AnswerClass = "accepted" | "partly_accepted" | "not_accepted" | "long_term" | "pending";

/** What statistics are grouped by. */
export type GroupBy = "ministry" | "proposer" | "year" | "session";

/** One problem with a path, a stable code and a message. */
export type Problem = {
  /** JSON path, e.g. `proposals[12].history[3].status`; empty for the whole document. */
  path: string,
  /** Stable machine-readable code, e.g. `id.duplicate`. */
  code: string,
  /** Lower-case message without a trailing period. */
  message: string,
};

/** All problems of one feed, errors and warnings apart, in document order. */
export type Report = {
  /** Problems that make the feed unusable. */
  errors: Array<Problem>,
  /** Problems that leave the feed usable. */
  warnings: Array<Problem>,
};

/** The body graph from one root (or from every top-level body). */
export type StructureView = {
  /** Publisher's name. */
  publisher: string,
  /** The day compositions are given for, if any. */
  as_of: string | null,
  /** Top-level bodies with their sub-bodies. */
  roots: Array<BodyNode>,
  /**
   * Whether a cap cut the tree: some bodies under the roots are not shown ([`MAX_NODES`],
   * [`MAX_DEPTH`]).
   */
  truncated: boolean,
  /** Bodies shown (each appears once). */
  shown: number,
  /** Bodies under the roots that are not shown because of a cap. */
  hidden: number,
};

/** One body and the bodies under it. */
export type BodyNode = {
  /** Id. */
  id: string,
  /** Kind word (`general_assembly`...). */
  kind: BodyKind,
  /** How it hangs under its parent in this tree: `part_of` or `supports` (none for roots). */
  relation: Relation | null,
  /** Name. */
  name: string,
  /** Short name. */
  short_name: string | null,
  /** Description. */
  description: string | null,
  /** Legal basis. */
  legal_basis: Array<LegalView>,
  /** Seats by side, with totals and chairs. */
  composition: Composition,
  /** Member organizations or bodies. */
  members: Array<Named>,
  /** Functions. */
  functions: Array<string>,
  /** Cadence in words. */
  cadence: string | null,
  /** Term in years. */
  term_years: number | null,
  /** Established (as written). */
  established: string | null,
  /** Region. */
  region: string | null,
  /** Page. */
  url: string | null,
  /** Published figures. */
  figures: Array<FigureView>,
  /**
   * Its other parents: every body of `part_of` and `supports` but the one it is shown under
   * (a body appears once in the tree).
   */
  also_under: Array<Named>,
  /** Sources. */
  sources: Array<SourceView>,
  /** Illustrative, not from a source. */
  illustrative: boolean,
  /** Note. */
  note: string | null,
  /** Sub-bodies shown under this one. */
  children: Array<BodyNode>,
  /** Sub-bodies of this one that a cap left out (they are counted in `hidden`). */
  hidden_children: number,
};

/** An id and its name. */
export type Named = {
  /** Id. */
  id: string,
  /** Name. */
  name: string,
};

/** A statute article. */
export type LegalView = {
  /** Statute. */
  statute: string,
  /** Article. */
  article: string | null,
  /** Effective date. */
  effective: string | null,
  /** Link. */
  url: string | null,
};

/** A source. */
export type SourceView = {
  /** Title. */
  title: string,
  /** Link. */
  url: string | null,
  /** Date as written. */
  date: string | null,
  /** Publisher. */
  publisher: string | null,
};

/** A published figure. */
export type FigureView = {
  /** Metric id. */
  metric: string,
  /** Label. */
  label: string,
  /** Period. */
  period: string | null,
  /** Value. */
  value: number,
};

/** Who sits in a body. */
export type Composition = {
  /** Places in all. */
  total: number,
  /** Seats grouped by side, in the format's order of sides. */
  sides: Array<SideGroup>,
  /** Seats whose role leads the body (chair, co-chair, standing director, representative). */
  chairs: Array<SeatView>,
};

/** The seats of one side. */
export type SideGroup = {
  /** Side word. */
  side: Side,
  /** Places on this side. */
  count: number,
  /** Places by role word. */
  roles: Array<[Role, number]>,
  /** The seats. */
  seats: Array<SeatView>,
};

/** One seat. */
export type SeatView = {
  /** Office or title. */
  label: string,
  /** Office id when held ex officio. */
  office: string | null,
  /** Role word. */
  role: Role,
  /** Side word. */
  side: Side,
  /** Places. */
  count: number,
  /** People holding it (on the `as_of` day when one is given). */
  holders: Array<HolderView>,
  /** Illustrative. */
  illustrative: boolean,
};

/** A person holding a seat. */
export type HolderView = {
  /** Name. */
  name: string,
  /** First day. */
  from: string | null,
  /** Last day. */
  to: string | null,
  /** Illustrative. */
  illustrative: boolean,
};

/** A place an office holds. */
export type Sitting = {
  /** Body id. */
  body: string,
  /** Body name. */
  body_name: string,
  /** Role word. */
  role: Role,
  /** Side word. */
  side: Side,
};

/** Sessions found, in start order. */
export type SessionList = {
  /** The sessions. */
  sessions: Array<SessionView>,
  /** A cap cut the list (or a series' expansion) while more remained. */
  truncated: boolean,
  /**
   * The window reaches the last day of 2200 (`recur::MAX_YEAR`), the engine's horizon,
   * and a series shown goes on after it (or, for a window reaching past 2200, which is cut
   * there, a series of the query has no end): its later sessions are not listed.
   */
  horizon: boolean,
};

/** One session, explicit or generated by a series, texts in one language. */
export type SessionView = {
  /** Session id, or `"{series}@{YYYY-MM-DD}"` for a generated occurrence. */
  id: string,
  /** Body id. */
  body: string,
  /** Body name. */
  body_name: string,
  /** Series id, for occurrences and overrides. */
  series: string | null,
  /** Kind word. */
  kind: SessionKind,
  /** 제N차. */
  number: number | null,
  /**
   * The counter word of `number` in Korean titles: `차` (제N차) or `회` (제N회), the series'
   * `numbering.counter`.
   */
  counter: Counter,
  /** Title (the session's, else the series', else the body's name). */
  title: string,
  /** `number` as a reader reads it, in the asked language: `제3차` / `3rd` (`calendar::ordinal`). */
  ordinal: string | null,
  /**
   * The title a reader sees: `ordinal` and `title`, `제3차 정기총회` / `3rd Regular Assembly`
   * (the title alone without a number). The widget's, `cogov sessions`' and the .ics
   * `SUMMARY`'s one form.
   */
  heading: string,
  /** Start, `2026-07-14` or `2026-07-14T10:00`. */
  start: string,
  /** End, same forms. */
  end: string | null,
  /** Whether the session is all-day. */
  all_day: boolean,
  /**
   * Status word: the record's (a generated occurrence is `scheduled`, or `cancelled` with
   * the session it follows).
   */
  status: SessionStatus,
  /**
   * The session ended before the query's `now` and its status is still `scheduled`: no
   * result was recorded. Its end (or its start without one) is before `now`; an all-day
   * session ends with its last day. Readers say `지난 회의` / `Past` (the word `past` of
   * `feed::Tense`) instead of `예정` / `Scheduled`.
   */
  past: boolean,
  /** Place. */
  location: LocationView | null,
  /** Agenda. */
  agenda: Array<AgendaView>,
  /** Documents. */
  documents: Array<DocumentView>,
  /** Sources. */
  sources: Array<SourceView>,
  /** An example, not a fact from a source. */
  illustrative: boolean,
  /** Note. */
  note: string | null,
};

/** Where a session takes place. */
export type LocationView = {
  /** Place name. */
  name: string | null,
  /** Address. */
  address: string | null,
  /** Online link. */
  url: string | null,
};

/** An agenda item. */
export type AgendaView = {
  /** Title. */
  title: string,
  /** Kind word. */
  kind: AgendaKind,
  /** Proposal id. */
  proposal: string | null,
};

/** A linked document. */
export type DocumentView = {
  /** Title. */
  title: string,
  /** Link. */
  url: string,
};

/** A window's holidays: computed ones and the feed's, in date order. */
export type HolidayList = {
  /** The holidays, in date order. */
  holidays: Array<HolidayView>,
  /**
   * Part of the window is outside 1990–2050, where no holiday is computed (the feed's are
   * still listed).
   */
  outside: boolean,
  /** More than 4,000 holidays (`CAP`): the list is cut. */
  truncated: boolean,
};

/** One holiday, its name in one language. */
export type HolidayView = {
  /** `YYYY-MM-DD`. */
  date: string,
  /** Name. */
  name: string,
  /** `solar`, `lunar`, `substitute` or `data`. */
  kind: "solar" | "lunar" | "substitute" | "data",
};

/** One page of a list. */
export type ProposalList = {
  /** How many proposals pass the filter. */
  total: number,
  /** Items skipped. */
  offset: number,
  /** The page. */
  items: Array<ProposalItem>,
};

/** A proposal in a list. */
export type ProposalItem = {
  /** Id. */
  id: string,
  /** Title. */
  title: string,
  /** Theme. */
  theme: string | null,
  /** Current stage word. */
  stage: Stage | null,
  /** Current stage label. */
  stage_label: string | null,
  /** Overall answer class. */
  answer: AnswerClass | null,
  /** Overall answer label. */
  answer_label: string | null,
  /** Proposers. */
  proposers: Array<Named>,
  /** Ministries with their latest answers. */
  ministries: Array<MinistryView>,
  /** Submission date. */
  submitted: string | null,
  /** Date of the last step. */
  updated: string | null,
  /** Illustrative, not a fact. */
  illustrative: boolean,
};

/** A ministry's latest answer. */
export type MinistryView = {
  /** Ministry id. */
  id: string,
  /** Name. */
  name: string,
  /** First sent on. */
  sent: string | null,
  /** Answer class (`pending` when unanswered). */
  answer: AnswerClass,
  /** Answer label. */
  answer_label: string,
  /** Date of the latest answer. */
  answered: string | null,
  /** The answer text (the step's note). */
  text: string | null,
  /** How many answers the ministry gave (more than one: revised). */
  answers_given: number,
};

/**
 * One proposal with everything a detail page shows: the item's fields inline, then the
 * detail's.
 */
export type ProposalDetail = {
  /** Summary. */
  summary: string | null,
  /** Ministries addressed (as listed, sent or not). */
  addressed: Array<Named>,
  /** Related laws. */
  laws: Array<string>,
  /** Every step, oldest first. */
  timeline: Array<StepView>,
  /** Task management cards tracking it. */
  cards: Array<CardView>,
  /** Sources. */
  sources: Array<SourceView>,
  /** Note. */
  note: string | null,
  /** Id. */
  id: string,
  /** Title. */
  title: string,
  /** Theme. */
  theme: string | null,
  /** Current stage word. */
  stage: Stage | null,
  /** Current stage label. */
  stage_label: string | null,
  /** Overall answer class. */
  answer: AnswerClass | null,
  /** Overall answer label. */
  answer_label: string | null,
  /** Proposers. */
  proposers: Array<Named>,
  /** Ministries with their latest answers. */
  ministries: Array<MinistryView>,
  /** Submission date. */
  submitted: string | null,
  /** Date of the last step. */
  updated: string | null,
  /** Illustrative, not a fact. */
  illustrative: boolean,
};

/** One step of the timeline. */
export type StepView = {
  /** Date. */
  date: string,
  /** Stage word. */
  stage: Stage,
  /** Stage label. */
  stage_label: string,
  /** Body acting. */
  body: Named | null,
  /** Session. */
  session: Named | null,
  /** Decision word. */
  decision: Decision | null,
  /** Decision label. */
  decision_label: string | null,
  /** Ministry. */
  ministry: Named | null,
  /** Answer class. */
  answer: AnswerClass | null,
  /** Answer label. */
  answer_label: string | null,
  /** Reflection word. */
  reflection: Reflection | null,
  /** Reflection label. */
  reflection_label: string | null,
  /** Proposal it merged into. */
  merged_into: Named | null,
  /** Organizations dissenting. */
  dissent: Array<Named>,
  /** Note (for an answer: the answer text). */
  note: string | null,
  /** Days until the next step (none for the last). */
  days: number | null,
  /** Sources of the step. */
  sources: Array<SourceView>,
  /** Illustrative. */
  illustrative: boolean,
};

/**
 * The values a list filter can take, named in the asked language: what a form offers. Lists are
 * in order of first mention (no sorting here: a caller sorts by its own collation, and every
 * sort instantiated costs the wasm kilobytes).
 */
export type ProposalChoices = {
  /** Every stage, in route order: `{id: word, name: label}`. */
  stages: Array<Named>,
  /** Every answer class, in report order: `{id: word, name: label}`. */
  answers: Array<Named>,
  /** Ministries any proposal was sent to. */
  ministries: Array<Named>,
  /** Proposers of any proposal. */
  proposers: Array<Named>,
  /** Years of submission. */
  years: Array<number>,
  /** Sessions at which any step happened (with their days). */
  sessions: Array<SessionRef>,
};

/** Where a card stands. */
export type CardState = "reported" | "overdue" | "pending";

/** A card, resolved. */
export type CardView = {
  /** Id. */
  id: string,
  /** Title. */
  title: string,
  /** State as of `today`. */
  state: CardState,
  /** Deliberating session. */
  session: SessionRef | null,
  /** Proposal tracked. */
  proposal: Named | null,
  /** Responsible ministries or bodies. */
  responsible: Array<Named>,
  /** Action plan. */
  plan: string | null,
  /** Milestones. */
  milestones: Array<MilestoneView>,
  /** Where results are due. */
  due: DueView | null,
  /** Results reported. */
  reports: Array<ReportView>,
  /** Illustrative. */
  illustrative: boolean,
  /** Note. */
  note: string | null,
};

/** A session named and dated. */
export type SessionRef = {
  /** Id. */
  id: string,
  /** Title (or the id). */
  name: string,
  /** Day. */
  date: string,
};

/** The session where results are due. */
export type DueView = {
  /** Session id (none for a rule occurrence). */
  id: string | null,
  /** Title, when known. */
  name: string | null,
  /** Day. */
  date: string,
  /** Given as `due_session` (true) or found as the body's next session (false). */
  explicit: boolean,
};

/** A milestone. */
export type MilestoneView = {
  /** Title. */
  title: string,
  /** Due. */
  due: string | null,
  /** Done. */
  done: string | null,
  /** Not done and due before `today`. */
  overdue: boolean,
};

/** Results reported. */
export type ReportView = {
  /** Date. */
  date: string,
  /** Session. */
  session: Named | null,
  /** Text. */
  text: string,
};

/** Counts per answer class. */
export type AnswerCounts = {
  /** 수용. */
  accepted: number,
  /** 일부수용. */
  partly_accepted: number,
  /** 불수용. */
  not_accepted: number,
  /** 중장기검토. */
  long_term: number,
  /** Sent, unanswered. */
  pending: number,
};

/**
 * One group's answers and rates. Serialized with the counts' fields inline (`key, name,
 * accepted, partly_accepted, not_accepted, long_term, pending, answered, total, rate,
 * strict_rate`), written by hand: `#[serde(flatten)]` goes through serde's map machinery.
 */
export type GroupStats = {
  /** Id (ministry, proposer, session) or year. */
  key: string,
  /** Name in the asked language (the year for years). */
  name: string,
  /** Answers given. */
  answered: number,
  /** Everything counted. */
  total: number,
  /** Weighted acceptance rate. */
  rate: number | null,
  /** Accepted only. */
  strict_rate: number | null,
  /** 수용. */
  accepted: number,
  /** 일부수용. */
  partly_accepted: number,
  /** 불수용. */
  not_accepted: number,
  /** 중장기검토. */
  long_term: number,
  /** Sent, unanswered. */
  pending: number,
};

/** How many proposals reached a stage, and the median days they spent in it. */
export type StageStats = {
  /** Stage word. */
  stage: Stage,
  /** Label. */
  label: string,
  /** Proposals with at least one step at this stage. */
  reached: number,
  /** Proposals whose current stage it is. */
  current: number,
  /** Median days spent in the stage, over the proposals that left it (open stays are not counted). */
  median_days: number | null,
};

/** Statistics of [`stats`]. */
export type StatsView = {
  /** Grouping word. */
  by: GroupBy,
  /** Weight of a partial acceptance in `rate`. */
  weight: number,
  /** How `rate` and `strict_rate` are computed. */
  formula: string,
  /** Proposals passing the filter. */
  proposals: number,
  /** Groups: ministries and proposers by most counted first, years and sessions in time order. */
  groups: Array<GroupStats>,
  /** Every proposal sent, with its overall class. */
  overall: GroupStats,
  /** Funnel and median days, in route order. */
  stages: Array<StageStats>,
};

/** A proposal's stage and overall answer on some day. */
export type Standing = {
  /** Stage word (none: not submitted yet). */
  stage: Stage | null,
  /** Stage label. */
  stage_label: string | null,
  /** Overall answer class. */
  answer: AnswerClass | null,
  /** Answer label. */
  answer_label: string | null,
};

/** A proposal whose standing changed. */
export type Change = {
  /** Id. */
  id: string,
  /** Title. */
  title: string,
  /** On the day of the first session. */
  before: Standing,
  /** On the day of the second session. */
  after: Standing,
};

/** What changed between two sessions. */
export type ChangedView = {
  /** First session. */
  from: SessionRef,
  /** Second session. */
  to: SessionRef,
  /** Proposals whose stage or overall answer differ, in feed order. */
  changes: Array<Change>,
};
