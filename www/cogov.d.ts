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
  code: string;
  path: string;
  message: string;
  /** The errors listed in the widget (at least one). */
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
}

/** One body and the bodies under it. A body with several parents appears under each. */
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
  /** Other bodies this one also hangs under. */
  also_under: Named[];
  sources: SourceView[];
  illustrative: boolean;
  note: string | null;
  children: BodyNode[];
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

/** Detail of `cogov-select`. */
export interface SelectDetail {
  kind: 'body';
  id: string;
  name: string;
}

export type CogovState = 'loading' | 'error' | 'ready';

/** The base of every cogov element. */
export class CogovElement extends HTMLElement {
  /** Defines the element under `tag`; a no-op when `tag` is already defined. */
  static define(tag: string, registry?: CustomElementRegistry): typeof CogovElement;
  static readonly observedAttributes: string[];
  /** The error shown when the `state` attribute is `error`, else null. */
  readonly error: CogovError | null;
  /** The language rendered: the `lang` attribute, the closest `[lang]`, the document's, else 'ko'. */
  readonly language: Lang;
}

/**
 * `<cogov-structure src="data/feed.json" lang="ko" body="gaok-association" as-of="2026-01-01">`
 * Attributes: `src` (feed URL; else an inline `<script type="application/json">` child), `lang`,
 * `body` (root body id), `as-of` (YYYY-MM-DD: seat holders on that day). Reflects `state`.
 */
export class CogovStructure extends CogovElement {}

declare global {
  interface HTMLElementTagNameMap {
    'cogov-structure': CogovStructure;
  }
  interface HTMLElementEventMap {
    /** A visitor chose a body (click, Enter or Space). Bubbles and crosses shadow roots. */
    'cogov-select': CustomEvent<SelectDetail>;
  }
  /** The same events heard on `document` and `window` (they bubble and are composed). */
  interface GlobalEventHandlersEventMap {
    'cogov-select': CustomEvent<SelectDetail>;
  }
}
