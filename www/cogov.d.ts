// TypeScript declarations for cogov.js (the widgets) and the view models they render.

/** One problem found in a feed or a query. */
export interface Problem {
  /** JSON path, e.g. `bodies[3].seats[1].count`; empty for the whole document. */
  path: string;
  /** Stable code, e.g. `ref.dangling`, `query.unknown_body`, `fetch.status`. */
  code: string;
  /** Lower-case message without a trailing period. */
  message: string;
}

/** Every problem of a feed: errors make it unusable, warnings do not. */
export interface Report {
  errors: Problem[];
  warnings: Problem[];
}

/** What an element shows (and keeps in `element.error`) when it cannot render. */
export interface CogovError {
  /** e.g. `ref.dangling`, `fetch.status`; `wasm.trap` when the wasm stopped in the middle of a call
   * (it is re-instantiated: a later render works). */
  code: string;
  /** JSON path (or argument name); not repeated in `message`. */
  path: string;
  message: string;
  /** The errors listed in the widget (at least one): those of the feed's parts it shows and
   * the parts before them (docs/FORMAT.md, "Parts"), not the whole feed's. */
  problems: Problem[];
  /** Warnings of a feed that failed to load. */
  warnings?: Problem[];
}

export type Lang = 'ko' | 'en';
export type BodyKind = 'cooperation_meeting' | 'general_assembly' | 'working_council' | 'support_group' | 'association'
  | 'association_council' | 'citizen_council' | 'platform' | 'forum' | 'seminar' | 'committee' | 'other';
export type Side = 'central' | 'local' | 'citizen' | 'official' | 'expert' | 'association' | 'other';
export type Role = 'chair' | 'co_chair' | 'vice_chair' | 'representative' | 'standing_director' | 'co_director' | 'member' | 'secretary';
export type Relation = 'part_of' | 'supports';

/** `feed.structure(lang, root, asOf)`: the body graph, texts in the asked language. */
export interface StructureView {
  publisher: string;
  /** The day compositions are given for (YYYY-MM-DD), if any. */
  as_of: string | null;
  /** Top-level bodies (or the one asked for) with their sub-bodies. */
  roots: BodyNode[];
  /** A cap cut the tree: at most 1,000 bodies (breadth-first) and 32 levels are shown. */
  truncated: boolean;
  /** Bodies shown. */
  shown: number;
  /** Bodies under the roots that the caps left out. */
  hidden: number;
}

/**
 * One body and the bodies under it. Each body appears once, under its first parent in the view (the
 * first of its `part_of`, else of its `supports`, that is under the roots); `also_under` names the others.
 */
export interface BodyNode {
  id: string;
  kind: BodyKind;
  /** How it hangs under its parent in this tree (null for roots). */
  relation: Relation | null;
  name: string;
  short_name: string | null;
  description: string | null;
  legal_basis: LegalView[];
  composition: Composition;
  members: Named[];
  functions: string[];
  cadence: string | null;
  term_years: number | null;
  /** Partial date as written: `2019`, `2018-07`, `2022-01-13`. */
  established: string | null;
  region: string | null;
  url: string | null;
  figures: FigureView[];
  /** Its other parents (every `part_of` and `supports` body but the one it is shown under). */
  also_under: Named[];
  sources: SourceView[];
  illustrative: boolean;
  note: string | null;
  children: BodyNode[];
  /** Sub-bodies of this one that the caps left out. */
  hidden_children: number;
}

export interface Named {
  id: string;
  name: string;
}

export interface LegalView {
  statute: string;
  article: string | null;
  effective: string | null;
  url: string | null;
}

export interface SourceView {
  title: string;
  url: string | null;
  date: string | null;
  publisher: string | null;
}

export interface FigureView {
  metric: string;
  label: string;
  period: string | null;
  value: number;
}

/** Who sits in a body. */
export interface Composition {
  total: number;
  /** In the format's order of sides. */
  sides: SideGroup[];
  /** Seats whose role leads the body (chair, co-chair, standing director, representative). */
  chairs: SeatView[];
}

export interface SideGroup {
  side: Side;
  count: number;
  /** Places by role: `[role, count]` pairs. */
  roles: [Role, number][];
  seats: SeatView[];
}

export interface SeatView {
  /** Office name or seat title. */
  label: string;
  office: string | null;
  role: Role;
  side: Side;
  count: number;
  /** People holding it (on the as-of day when one is given). */
  holders: HolderView[];
  illustrative: boolean;
}

export interface HolderView {
  name: string;
  from: string | null;
  to: string | null;
  illustrative: boolean;
}

/** `feed.whereSits(office, lang)`: every seat an office holds. */
export interface Sitting {
  body: string;
  body_name: string;
  role: Role;
  side: Side;
}

export type Stage = 'submitted' | 'analysis' | 'deliberation' | 'decision' | 'sent' | 'answer' | 'reflected' | 'closed' | 'withdrawn';
export type AnswerClass = 'accepted' | 'partly_accepted' | 'not_accepted' | 'long_term' | 'pending';
export type CardState = 'reported' | 'overdue' | 'pending';

/** `feed.proposals(query, lang)`: one page of proposals. */
export interface ProposalList { total: number; offset: number; items: ProposalItem[]; }

export interface ProposalItem {
  id: string; title: string; theme: string | null;
  stage: Stage | null; stage_label: string | null;
  /** Overall class; null: never sent to a ministry. */
  answer: AnswerClass | null; answer_label: string | null;
  proposers: Named[]; ministries: MinistryView[];
  submitted: string | null; updated: string | null; illustrative: boolean;
}

export interface MinistryView {
  id: string; name: string; sent: string | null;
  answer: AnswerClass; answer_label: string; answered: string | null; text: string | null; answers_given: number;
}

/** `feed.proposal(id, lang, today)`. */
export interface ProposalDetail extends ProposalItem {
  summary: string | null; addressed: Named[]; laws: string[]; timeline: StepView[];
  cards: CardView[]; sources: SourceView[]; note: string | null;
}

export interface StepView {
  date: string; stage: Stage; stage_label: string; body: Named | null; session: Named | null;
  decision: string | null; decision_label: string | null; ministry: Named | null;
  answer: AnswerClass | null; answer_label: string | null; reflection: string | null; reflection_label: string | null;
  merged_into: Named | null; dissent: Named[]; note: string | null;
  /** Days until the next step (null for the last). */
  days: number | null; sources: SourceView[]; illustrative: boolean;
}

/** `feed.cards(today, lang)` items. */
export interface CardView {
  id: string; title: string; state: CardState; session: SessionRef | null; proposal: Named | null;
  responsible: Named[]; plan: string | null;
  milestones: { title: string; due: string | null; done: string | null; overdue: boolean }[];
  /** `explicit`: given as due_session; else the body's next session from the calendar (id `series@YYYY-MM-DD` for a generated one). */
  due: { id: string | null; name: string | null; date: string; explicit: boolean } | null;
  reports: { date: string; session: Named | null; text: string }[];
  illustrative: boolean; note: string | null;
}

export interface SessionRef { id: string; name: string; date: string; }

/** `feed.proposalChoices(lang)`: what the filters can take (lists in order of first mention). */
export interface ProposalChoices {
  /** `{id: word, name: label}`. */
  stages: Named[]; answers: Named[];
  ministries: Named[]; proposers: Named[]; years: number[]; sessions: SessionRef[];
}

export interface AnswerCounts { accepted: number; partly_accepted: number; not_accepted: number; long_term: number; pending: number; }

export interface GroupStats extends AnswerCounts {
  key: string; name: string; answered: number; total: number;
  /** (accepted + weight × partly_accepted) / answered; null when nothing was answered. */
  rate: number | null; strict_rate: number | null;
}

/** `feed.proposalStats(by, lang, weight, query)`. */
export interface StatsView {
  by: 'ministry' | 'proposer' | 'year' | 'session'; weight: number; formula: string; proposals: number;
  groups: GroupStats[]; overall: GroupStats;
  stages: { stage: Stage; label: string; reached: number; current: number; median_days: number | null }[];
}

export interface Standing { stage: Stage | null; stage_label: string | null; answer: AnswerClass | null; answer_label: string | null; }

/** `feed.changedBetween(a, b, lang)`. */
export interface ChangedView { from: SessionRef; to: SessionRef; changes: { id: string; title: string; before: Standing; after: Standing }[]; }

export type SessionKind = 'regular' | 'special' | 'plenary' | 'working' | 'forum' | 'seminar' | 'meeting' | 'other';
export type SessionStatus = 'scheduled' | 'held' | 'cancelled' | 'postponed' | 'moved';

/** One session, explicit or generated by a series, texts in the asked language. Times are KST. */
export interface SessionView {
  /** Session id, or `"{series}@{YYYY-MM-DD}"` for an occurrence of a series (`"{series}@{YYYY-MM-DDTHH:MM}"` for a later one the same day). */
  id: string;
  body: string;
  body_name: string;
  series: string | null;
  kind: SessionKind;
  /** 제N차: the number in its series. */
  number: number | null;
  title: string;
  /** `2026-07-14` (all-day) or `2026-07-14T10:00` (local time, Asia/Seoul). */
  start: string;
  end: string | null;
  all_day: boolean;
  status: SessionStatus;
  location: { name: string | null; address: string | null; url: string | null } | null;
  agenda: { title: string; kind: 'resolution' | 'report' | 'discussion' | 'other'; proposal: string | null }[];
  documents: { title: string; url: string }[];
  sources: SourceView[];
  illustrative: boolean;
  note: string | null;
}

/** Sessions in start order; `truncated` says a cap cut the list. */
export interface SessionList {
  sessions: SessionView[];
  truncated: boolean;
}

/**
 * The calendar methods of the wasm `Feed` handle (`pkg/cogov.js`). Dates are `YYYY-MM-DD`. An
 * argument of another type throws a `TypeError` naming it (`code` `arg.type`), never a trap.
 */
export interface CalendarFeed {
  sessions(from: string, to: string, bodyId: string | null | undefined, lang: string): SessionList;
  nextSessions(today: string, n: number, bodyId: string | null | undefined, lang: string): SessionList;
  /** The first session on or after `today` (YYYY-MM-DD) that is not cancelled, or null. */
  nextSession(today: string, bodyId: string | null | undefined, lang: string): SessionView | null;
  /**
   * The starts of the sessions `sessions(from, to, bodyId)` lists (cancelled included), sorted, without
   * their views: milliseconds of the Korean wall clock counted as UTC (`new Date(ms).getUTCHours()` is
   * the KST hour). For busy-day maps and counts; about 20× faster than `sessions` for large windows.
   */
  sessionStarts(from: string, to: string, bodyId?: string | null): Float64Array;
  /** One session by id, or null. */
  session(id: string, lang: string): SessionView | null;
  /** Bodies that have sessions or series, in feed order. */
  calendarBodies(lang: string): Named[];
  /**
   * iCalendar text of one session, or of a body's (or every) session from a year before to two years
   * after `dtstampUtc`; each event's URL is `baseUrl#id` (or `baseUrl + id` when `baseUrl` has a `#`).
   * `lang` defaults to Korean.
   */
  ics(bodyId: string | null | undefined, sessionId: string | null | undefined, dtstampUtc: string, baseUrl?: string | null, lang?: string | null): string;
  /** A Google Calendar "add event" link. */
  googleLink(sessionId: string, lang: string, baseUrl?: string | null): string;
}

/** Detail of `cogov-select`: a body (`<cogov-structure>`) or a session (`<cogov-calendar>`). */
export type SelectDetail =
  | { kind: 'body'; id: string; name: string }
  | { kind: 'proposal'; id: string; name: string }
  | {
      kind: 'session';
      id: string;
      /** The session's title with its number, in the widget's language. */
      name: string;
      /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (KST). */
      start: string;
    };

export type CogovState = 'loading' | 'error' | 'ready';

/** The base of every cogov element. */
export class CogovElement extends HTMLElement {
  /** Defines the element under `tag`; a no-op when `tag` is already defined. */
  static define(tag: string, registry?: CustomElementRegistry): typeof CogovElement;
  static readonly observedAttributes: string[];
  /** The error shown when the `state` attribute is `error`; while the last good view is shown under
   * the "could not refresh" notice (`state` stays `ready`), the refresh's failure; else null.
   * The element's own codes: `fetch.failed`, `fetch.status`, `fetch.timeout`, `feed.missing`. */
  readonly error: CogovError | null;
  /** Re-renders (batched like an attribute change), e.g. after a change of the inline feed's text. */
  update(): void;
  /** The language rendered: the `lang` attribute, the closest `[lang]`, the document's, else 'ko'. */
  readonly language: Lang;
}

/**
 * `<cogov-structure src="data/feed.json" lang="ko" body="gaok-association" as-of="2026-01-01">`
 * Attributes: `src` (feed URL; else an inline `<script type="application/json">` child), `lang`,
 * `timeout` (seconds the fetch may take, default 15; every element has it),
 * `body` (root body id), `as-of` (YYYY-MM-DD: seat holders on that day). Reflects `state`.
 */
export class CogovStructure extends CogovElement {}

/**
 * `<cogov-calendar src="data/feed.json" lang="ko" body="ga-general-assembly" month="2026-07" view="month">`
 * Attributes: `src`, `lang`, `body` (only this body's sessions), `month` (YYYY-MM; default: today's),
 * `view` (`month` | `list`; narrow containers always show the list), `today` (YYYY-MM-DD; default:
 * the clock, in Asia/Seoul). Reflects `state`. Opens `#session=<id>` from the URL hash.
 */
export class CogovCalendar extends CogovElement {}

/**
 * `<cogov-proposals src="data/feed.json" lang="ko" view="list" today="2026-11-22" hash-key="proposals">`
 * Views list, detail, cards, stats, changed; state kept in `location.hash` under `hash-key`.
 * Fires `cogov-select` with `{kind: 'proposal', id, name}`. Reflects `state`.
 */
export class CogovProposals extends CogovElement {}

declare global {
  interface HTMLElementTagNameMap {
    'cogov-structure': CogovStructure;
    'cogov-calendar': CogovCalendar;
    'cogov-proposals': CogovProposals;
  }
  interface HTMLElementEventMap {
    /** A visitor chose a body or a session, or opened a proposal (click, Enter or Space). Bubbles and crosses shadow roots. */
    'cogov-select': CustomEvent<SelectDetail>;
  }
  /** The same events heard on `document` and `window` (they bubble and are composed). */
  interface GlobalEventHandlersEventMap {
    'cogov-select': CustomEvent<SelectDetail>;
  }
}
