// JSX typings for React 19 (`jsx: "react-jsx"`): the cogov elements in `IntrinsicElements`, with
// their attributes. Type-only; it needs the app's own @types/react (nothing at run time). Include it
// once in the app, e.g. `import type {} from 'cogov/www/cogov-jsx';` or in tsconfig `files`.
//
//   <cogov-structure src="/data/feed.json" lang="ko" body="gaok-association" />
//
// React 19 sets the attributes of a custom element as written and adds a listener for a prop
// named `on` + the event name, so `oncogov-select={(e) => ...}` hears `cogov-select`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CogovCalendar, CogovElement, CogovProposals, CogovStructure, SelectDetail } from './cogov.js';

/** The attributes every cogov element reads (docs/ELEMENTS.md, "What every element shares"). */
export interface CogovAttributes<E extends CogovElement> extends DetailedHTMLProps<HTMLAttributes<E>, E> {
  /** URL of the feed (relative to the page); without it, an inline `<script type="application/json">` child. */
  src?: string;
  /** `ko` or `en` (else the closest `[lang]`, else the document's, else Korean). */
  lang?: string;
  /** A visitor chose something (click, Enter or Space); never fired on load. */
  'oncogov-select'?: (event: CustomEvent<SelectDetail>) => void;
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
  /** Where `cogov publish` output is served (http(s)): a "Subscribe" menu to its calendars. */
  'ics-base'?: string;
}

export interface CogovProposalsAttributes extends CogovAttributes<CogovProposals> {
  /** The view shown first (the URL hash wins on load). */
  view?: 'list' | 'cards' | 'stats' | 'changed' | 'detail';
  /** `YYYY-MM-DD` for card states and the default "changed" sessions; default: today in Korea. */
  today?: string;
  /** The widget's entry in `location.hash` (default `proposals`). */
  'hash-key'?: string;
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
