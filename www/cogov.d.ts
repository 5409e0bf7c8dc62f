// TypeScript declarations for cogov.js (the widgets) and the view models they render.
// The view models (StructureView, SessionList, ProposalDetail, ...) are generated from the Rust
// view types into ./types/views.d.ts (src/ts.rs, checked by `cargo test`); the rest of this file
// is written by hand and type-checked by tests/types/ (`tsc --strict`, in scripts/test.sh).
// JSX (React) typings: ./cogov-jsx.d.ts. Custom Elements Manifest: ./custom-elements.json.

import type { Named, Problem, SessionList, SessionView } from './types/views.js';

export * from './types/views.js';

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
  static define<T extends typeof CogovElement>(this: T, tag: string, registry?: CustomElementRegistry): T;
  static readonly observedAttributes: string[];
  /** The error shown when the `state` attribute is `error`; while the last good view is shown under
   * the "could not refresh" notice (`state` stays `ready`), the refresh's failure; else null.
   * The element's own codes: `fetch.failed`, `fetch.status`, `fetch.timeout`, `feed.missing`, `wasm.fetch`,
   * `wasm.trap`, `internal` (docs/ELEMENTS.md, "Error codes of the elements"). */
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
