// TypeScript declarations for cogov.js (the widgets) and the view models they render.
// The view models (StructureView, SessionList, ProposalDetail, ...) are generated from the Rust
// view types into ./types/views.d.ts (src/ts.rs, checked by `cargo test`); the rest of this file
// is written by hand and type-checked by tests/types/ (`tsc --strict`, in scripts/test.sh).
// JSX (React) typings: ./cogov-jsx.d.ts. Custom Elements Manifest: ./custom-elements.json.

import type { HolidayList, Named, Problem, SessionList, SessionView } from './types/views.js';

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
 * The calendar methods of the wasm `Feed` handle (`pkg/cogov.js`). Dates are `YYYY-MM-DD`; a window
 * (`from`, `to`) reaching outside 1900–2200 is cut to those years (`horizon` says when series go on
 * after 2200). `now` is the caller's clock on the Korean wall clock, `YYYY-MM-DDTHH:MM` (or a date:
 * its midnight); a session that ended before it with status `scheduled` has `past: true`, and without
 * `now` none has. An argument of another type throws a `TypeError` naming it (`code` `arg.type`),
 * never a trap.
 */
export interface CalendarFeed {
  sessions(from: string, to: string, bodyId: string | null | undefined, lang: string, now?: string | null): SessionList;
  nextSessions(today: string, n: number, bodyId: string | null | undefined, lang: string, now?: string | null): SessionList;
  /**
   * The first session from `today` that is neither cancelled nor past, or null: `today` is the Korean
   * wall clock `YYYY-MM-DDTHH:MM`, or a date (its midnight: nothing of that day is past yet).
   */
  nextSession(today: string, bodyId: string | null | undefined, lang: string): SessionView | null;
  /**
   * The starts of the sessions `sessions(from, to, bodyId)` lists (cancelled included), sorted, without
   * their views: milliseconds of the Korean wall clock counted as UTC (`new Date(ms).getUTCHours()` is
   * the KST hour). For busy-day maps and counts; about 20× faster than `sessions` for large windows.
   */
  sessionStarts(from: string, to: string, bodyId?: string | null): Float64Array;
  /** One session by id, or null; `past` as of `now`. */
  session(id: string, lang: string, now?: string | null): SessionView | null;
  /** Bodies that have sessions or series, in feed order. */
  calendarBodies(lang: string): Named[];
  /**
   * The public holidays of `from..=to`: computed for 1990–2050 (solar, lunar, substitute) and the
   * feed's `holidays` (kind `data`), in date order; `outside` when part of the window is outside
   * 1990–2050.
   */
  holidays(from: string, to: string, lang: string): HolidayList;
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

/** Detail of `cogov-ready`: data the element had not shown is on screen. */
export interface ReadyDetail {
  /** The `src` it came from; `''` for an inline or script-given (`el.feed`) feed. */
  url: string;
}

/** Detail of `cogov-error`. */
export interface ErrorDetail {
  /** What `element.error` holds (messages in the widget's language). */
  error: CogovError;
  /** true: a refresh failed and the last good view stays under the notice; false: the error box is shown. */
  stale: boolean;
}

/** Detail of `cogov-change` on `<cogov-calendar>`: a visitor changed an attribute (already set). */
export interface CalendarChangeDetail {
  name: 'month' | 'view' | 'body';
  /** The attribute's new value; null when removed (every body). */
  value: string | null;
}

/** Detail of `cogov-change` on `<cogov-proposals>`. */
export interface ProposalsChangeDetail {
  /** What changed: `filter` for a filter or the search. */
  name: 'view' | 'filter' | 'sort' | 'desc' | 'page' | 'id' | 'by' | 'since' | 'until';
  value: string | null;
  /** The whole state as strings (view, stage, answer, ministry, proposer, year, session, q, sort, desc, page, id, by, since, until). */
  state: Record<string, string>;
}

export type ChangeDetail = CalendarChangeDetail | ProposalsChangeDetail;

/** The `history` attribute: `none` (default) leaves the page's URL alone; `hash` keeps the state in `location.hash`. */
export type HistoryMode = 'none' | 'hash';

/** The base of every cogov element. */
export class CogovElement extends HTMLElement {
  /** Defines the element under `tag`; a no-op when `tag` is already defined. */
  static define<T extends typeof CogovElement>(this: T, tag: string, registry?: CustomElementRegistry): T;
  static readonly observedAttributes: string[];
  /** The error shown when the `state` attribute is `error`; while the last good view is shown under
   * the "could not refresh" notice (`state` stays `ready`), the refresh's failure; while the view
   * is shown unstyled under the "stylesheet could not be loaded" notice, the stylesheet's; else null.
   * The element's own codes (docs/ELEMENTS.md, "Error codes of the elements"): `fetch.failed`,
   * `fetch.cors`, `fetch.csp`, `fetch.status`, `fetch.timeout`, `feed.missing`, `feed.type`; the
   * wasm's `wasm.cors`, `wasm.csp`, `wasm.fetch`, `wasm.status`, `wasm.type`, `wasm.timeout`,
   * `wasm.trap`; the stylesheet's `css.cors`, `css.csp`, `css.fetch`, `css.status`, `css.type`,
   * `css.timeout` (docs/EMBEDDING.md); `internal`. */
  readonly error: CogovError | null;
  /** Re-renders (batched like an attribute change), e.g. after a change of the inline feed's text. */
  update(): void;
  /** The language rendered: the `lang` attribute, the closest `[lang]`, the document's, else 'ko'. */
  readonly language: Lang;
  /** Reflects `src` (null when absent). */
  src: string | null;
  /** Reflects `timeout` (seconds, null when absent: 15). */
  timeout: number | null;
  /** Reflects `heading-level` ('1'-'6', null when absent: 3). */
  headingLevel: string | null;
  /**
   * The feed given by script: JSON text, or an object (JSON.stringify'd, then read by the same
   * decoder). Shown instead of `src` while not null; the same text again does not load or render again.
   */
  feed: string | object | null;
  /**
   * Reading: the method, which fetches the `src` feed again (conditionally) and re-renders only
   * when it changed (true); on failure the last good view stays under a notice (false). Never rejects.
   * Assigning: sets the `refresh` attribute (seconds between refreshes, at least 5; null removes it).
   */
  get refresh(): () => Promise<boolean>;
  set refresh(seconds: number | string | null | undefined);
  /** Focuses the widget's first interactive element. */
  focus(options?: FocusOptions): void;
}

/**
 * `<cogov-structure src="data/feed.json" lang="ko" body="gaok-association" as-of="2026-01-01">`
 * Attributes: `src` (feed URL; else an inline `<script type="application/json">` child), `lang`,
 * `timeout` (seconds the fetch may take, default 15; every element has it), `heading-level` (1-6,
 * default 3: the top headings' level, sections one below; every element has it),
 * `body` (root body id), `as-of` (YYYY-MM-DD: seat holders on that day). Reflects `state`.
 */
export class CogovStructure extends CogovElement {
  /** Reflects `body`. */
  body: string | null;
  /** Reflects `as-of` (YYYY-MM-DD). */
  asOf: string | null;
}

/**
 * `<cogov-calendar src="data/feed.json" lang="ko" body="ga-general-assembly" month="2026-07" view="month">`
 * Attributes: `src`, `lang`, `body` (only this body's sessions), `month` (YYYY-MM; default: today's),
 * `view` (`month` | `list`; narrow containers always show the list), `today` (YYYY-MM-DD; default:
 * the clock, in Asia/Seoul), `first-day` (0-6, 0 = Sunday, the default), `hour12` (12-hour times;
 * default 24-hour), `ics-base` (where `cogov publish` output is served: a "Subscribe" menu).
 * Reflects `state`. Opens `#session=<id>` from the URL hash (with `history="hash"`).
 */
export class CogovCalendar extends CogovElement {
  /** Reflects `body`. */
  body: string | null;
  /** Reflects `month` (YYYY-MM). */
  month: string | null;
  /** Reflects `view`. */
  view: 'month' | 'list' | (string & {}) | null;
  /** Reflects `today` (YYYY-MM-DD). */
  today: string | null;
  /** Reflects `history` (null: `none`). */
  history: HistoryMode | null;
  /** Reflects `first-day` ('0'-'6', null when absent: 0 = Sunday). */
  firstDay: string | null;
  /** Reflects `hour12` ('' or 'true' when present: 12-hour times; null or 'false': 24-hour). */
  hour12: string | null;
  /** Reflects `ics-base` (where `cogov publish` output is served). */
  icsBase: string | null;
}

/**
 * `<cogov-proposals src="data/feed.json" lang="ko" view="list" today="2026-11-22" hash-key="proposals">`
 * Views list, detail, cards, stats, changed; state kept in `location.hash` under `hash-key`.
 * Fires `cogov-select` with `{kind: 'proposal', id, name}`. Reflects `state`.
 */
export class CogovProposals extends CogovElement {
  /** Reflects `view`. */
  view: 'list' | 'cards' | 'stats' | 'changed' | 'detail' | (string & {}) | null;
  /** Reflects `today` (YYYY-MM-DD). */
  today: string | null;
  /** Reflects `hash-key`. */
  hashKey: string | null;
  /** Reflects `history` (null: `none`). */
  history: HistoryMode | null;
}

/**
 * Where the widgets fetch their wasm and stylesheet from: `url` (resolved against the page) is the
 * directory holding the package's `dist/` and `pkg/` folders, e.g. `'/static/cogov/'` after copying
 * `node_modules/cogov/dist` and `node_modules/cogov/pkg` there. Needed once an app's bundler has
 * inlined the bundle (its own URL is then the app's); without it they resolve next to the bundle's
 * own URL (a CDN, a copy of the package). Call it right after the import, before the first widget
 * loads. Throws a `TypeError` (`code` `arg.type`) unless `url` is an http(s) URL.
 * Exported by every bundle (`cogov`, `cogov/structure`, ...); each bundle has its own setting.
 */
export function setAssetBase(url: string | URL): void;

declare global {
  interface HTMLElementTagNameMap {
    'cogov-structure': CogovStructure;
    'cogov-calendar': CogovCalendar;
    'cogov-proposals': CogovProposals;
  }
  interface HTMLElementEventMap {
    /** A visitor chose a body or a session, or opened a proposal (click, Enter or Space). Bubbles and crosses shadow roots.
     * Cancelable: `preventDefault()` stops the widget's default action. */
    'cogov-select': CustomEvent<SelectDetail>;
    /** A visitor changed the calendar's month, view or filter, or the proposals' view or state. */
    'cogov-change': CustomEvent<ChangeDetail>;
    /** Data the element had not shown is on screen. */
    'cogov-ready': CustomEvent<ReadyDetail>;
    /** A render could not get or show its feed, or a refresh failed (`stale`). */
    'cogov-error': CustomEvent<ErrorDetail>;
  }
  /** The same events heard on `document` and `window` (they bubble and are composed). */
  interface GlobalEventHandlersEventMap {
    'cogov-select': CustomEvent<SelectDetail>;
    'cogov-change': CustomEvent<ChangeDetail>;
    'cogov-ready': CustomEvent<ReadyDetail>;
    'cogov-error': CustomEvent<ErrorDetail>;
  }
}
