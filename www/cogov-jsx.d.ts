// JSX typings for React 19 (`jsx: "react-jsx"`): the cogov elements in `IntrinsicElements`, with
// their attributes. Type-only; it needs the app's own @types/react (nothing at run time). Include it
// once in the app, e.g. `import type {} from 'cogov/jsx';` (the npm package) or in tsconfig `files`.
//
//   <cogov-structure src="/data/feed.json" lang="ko" body="gaok-association" />
//
// React 19 sets a prop as the element's property when it has one (month, feed, refresh...), else
// as an attribute, and adds a listener for a prop named `on` + the event name as written, so
// `oncogov-select={(e) => ...}` hears `cogov-select` (`onCogovSelect` would listen for an event
// called "CogovSelect", which never fires).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  CalendarChangeDetail, CogovCalendar, CogovElement, CogovProposals, CogovStructure, ErrorDetail, HistoryMode,
  ProposalsChangeDetail, ReadyDetail, SelectDetail,
} from './cogov.js';

/** The attributes every cogov element reads (docs/ELEMENTS.md, "What every element shares"). */
export interface CogovAttributes<E extends CogovElement> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  /** URL of the feed (relative to the page); without it, an inline `<script type="application/json">` child. */
  src?: string;
  /** `ko` or `en` (else the closest `[lang]`, else the document's, else Korean). */
  lang?: string;
  /** Seconds each fetch may take (default 15). */
  timeout?: number | string;
  /** Seconds between refreshes of the `src` feed (at least 5). */
  refresh?: number | string;
  /** The feed given by script (JSON text or an object), set as the element's property. */
  feed?: string | object | null;
  /** `1`-`6`, default 3: the level of the widget's top headings (their sections one below). */
  'heading-level'?: '1' | '2' | '3' | '4' | '5' | '6' | 1 | 2 | 3 | 4 | 5 | 6;
  /** A visitor chose something (click, Enter or Space); never fired on load. Cancelable. */
  'oncogov-select'?: (event: CustomEvent<SelectDetail>) => void;
  /** Data the element had not shown is on screen. */
  'oncogov-ready'?: (event: CustomEvent<ReadyDetail>) => void;
  /** A render could not get or show its feed, or a refresh failed (`detail.stale`). */
  'oncogov-error'?: (event: CustomEvent<ErrorDetail>) => void;
}

export interface CogovStructureAttributes extends CogovAttributes<CogovStructure> {
  /** Id of the body to show with the bodies under it; default: every top-level body. */
  body?: string;
  /** `YYYY-MM-DD`: only people holding seats on that day. */
  'as-of'?: string;
}

export interface CogovCalendarAttributes extends CogovAttributes<CogovCalendar> {
  /** Only this body's sessions. */
  body?: string;
  /** `YYYY-MM`; default: the month of `today`. */
  month?: string;
  /** `month` (the grid, default) or `list`. */
  view?: 'month' | 'list';
  /** `YYYY-MM-DD`; default: the clock, in Asia/Seoul. */
  today?: string;
  /** `none` (default): the URL is left alone; `hash`: `#session=<id>` deep links. */
  history?: HistoryMode;
  /** A visitor changed the month, the view or the body filter. */
  'oncogov-change'?: (event: CustomEvent<CalendarChangeDetail>) => void;
  /** `0`-`6`: the weekday the grid's weeks start on, 0 = Sunday (default). */
  'first-day'?: '0' | '1' | '2' | '3' | '4' | '5' | '6' | 0 | 1 | 2 | 3 | 4 | 5 | 6;
  /** Present (or `true`): 12-hour times; absent or `"false"`: 24-hour (default). */
  hour12?: boolean | 'true' | 'false' | '';
  /** Where `cogov publish` output is served (http(s)): a "Subscribe" menu to its calendars. */
  'ics-base'?: string;
}

export interface CogovProposalsAttributes extends CogovAttributes<CogovProposals> {
  /** The view shown first (the URL hash wins on load). */
  view?: 'list' | 'cards' | 'stats' | 'changed' | 'detail';
  /** `YYYY-MM-DD` for card states and the default "changed" sessions; default: today in Korea. */
  today?: string;
  /** The widget's entry in `location.hash` (default `proposals`), with `history="hash"`. */
  'hash-key'?: string;
  /** `none` (default): the state lives in the element; `hash`: in `location.hash`. */
  history?: HistoryMode;
  /** A visitor changed the view, a filter, the sort, the page... */
  'oncogov-change'?: (event: CustomEvent<ProposalsChangeDetail>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cogov-structure': CogovStructureAttributes;
      'cogov-calendar': CogovCalendarAttributes;
      'cogov-proposals': CogovProposalsAttributes;
    }
  }
}
