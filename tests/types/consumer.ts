// A page script using the public API as a TypeScript consumer would: type-checked with
// `tsc --strict` (tests/types/tsconfig.json), never run. Each `@ts-expect-error` pins a mistake
// the declarations must reject.
import {
  CogovCalendar,
  CogovElement,
  CogovProposals,
  CogovStructure,
  type AnswerClass,
  type BodyKind,
  type BodyNode,
  type CalendarFeed,
  type CardView,
  type ChangedView,
  type CogovError,
  type CogovState,
  type Lang,
  type ProposalChoices,
  type ProposalDetail,
  type ProposalList,
  type Report,
  type Role,
  type SelectDetail,
  type SessionList,
  type SessionView,
  type Sitting,
  type StatsView,
  type StructureView,
  setAssetBase,
} from '../../www/cogov.js';
import { CogovCalendar as OnlyCalendar, setAssetBase as calendarAssetBase, type SessionList as OnlySessions } from '../../www/cogov-calendar.js';
import { CogovStructure as OnlyStructure } from '../../www/cogov-structure.js';
import { CogovProposals as OnlyProposals } from '../../www/cogov-proposals.js';

// where the bundles fetch their wasm and css (a string or a URL); each one-widget bundle has its own
setAssetBase('/static/cogov/');
calendarAssetBase(new URL('https://cdn.example/cogov@0.1.0/'));
// @ts-expect-error a URL, not a number
setAssetBase(5);
const only: [OnlyCalendar, OnlyStructure, OnlyProposals] = [oneCalendar(), new OnlyStructure(), new OnlyProposals()];
const none: OnlySessions = { sessions: [], truncated: false, horizon: false };
console.log(only, none);
function oneCalendar(): OnlyCalendar {
  return document.createElement('cogov-calendar');
}

// every element class, its tag in the tag map, `define`, `update()`, `error`, `language`
const chart: CogovStructure | null = document.querySelector('cogov-structure');
const calendar: CogovCalendar = document.createElement('cogov-calendar');
const proposals: HTMLElementTagNameMap['cogov-proposals'] = new CogovProposals();
const elements: CogovElement[] = [calendar, proposals];
if (chart) elements.push(chart);
const Chart: typeof CogovStructure = CogovStructure.define('gov-chart');
CogovCalendar.define('gov-calendar', customElements);
const attributes: readonly string[] = Chart.observedAttributes;

for (const el of elements) {
  el.update();
  const lang: Lang = el.language;
  const state = el.getAttribute('state') as CogovState | null;
  const err: CogovError | null = el.error;
  if (err) {
    console.log(lang, state, err.code, err.path, err.message, err.problems.map((p) => `${p.path}: ${p.message} (${p.code})`));
    const warnings: number = err.warnings?.length ?? 0;
    console.log(warnings);
  }
  // @ts-expect-error error is read-only
  el.error = null;
}
console.log(attributes);

// properties reflecting the attributes, el.feed, el.refresh(), el.focus()
calendar.month = '2026-09';
calendar.history = 'hash';
calendar.timeout = 30;
calendar.refresh = 60;
calendar.refresh = null;
const refreshed: Promise<boolean> = calendar.refresh();
proposals.hashKey = 'p';
proposals.view = 'stats';
if (chart) chart.asOf = null;
calendar.feed = { cogov: 1 };
calendar.feed = '{"cogov": 1}';
calendar.focus();
// @ts-expect-error history is none or hash
calendar.history = 'push';
// @ts-expect-error timeout is a number
calendar.timeout = '30';
console.log(refreshed, calendar.month?.slice(0, 4), proposals.hashKey);

// lifecycle and change events
calendar.addEventListener('cogov-ready', (e) => console.log(e.detail.url));
calendar.addEventListener('cogov-error', (e) => console.log(e.detail.stale, e.detail.error.code));
calendar.addEventListener('cogov-change', (e) => {
  const d = e.detail;
  if ('state' in d) console.log(d.state['view']);
  else console.log(d.name, d.value ?? 'all');
});
calendar.addEventListener('cogov-select', (e) => e.preventDefault());

// the event and its detail, on an element and on the document
function onSelect(e: CustomEvent<SelectDetail>): string {
  const d = e.detail;
  switch (d.kind) {
    case 'body':
    case 'proposal':
      return `${d.id} ${d.name}`;
    case 'session':
      return `${d.id} ${d.name} ${d.start}`;
  }
}
calendar.addEventListener('cogov-select', (e) => onSelect(e));
document.addEventListener('cogov-select', (e) => {
  if (e.detail.kind === 'session') console.log(e.detail.start);
  // @ts-expect-error only sessions have a start
  if (e.detail.kind === 'body') console.log(e.detail.start);
});

// the view models (generated from the Rust view types)
function walk(n: BodyNode, depth = 0): number {
  const kind: BodyKind = n.kind;
  const relation: 'part_of' | 'supports' | null = n.relation;
  const years: number | null = n.term_years;
  for (const side of n.composition.sides) {
    for (const [role, count] of side.roles) {
      const r: Role = role;
      console.log(side.side, r, count.toFixed(0));
    }
    for (const seat of side.seats) console.log(seat.label, seat.office ?? '', seat.holders.map((h) => h.from ?? h.to));
  }
  console.log(kind, relation, years, n.also_under.map((u) => u.name), n.legal_basis[0]?.article, n.figures[0]?.value);
  // @ts-expect-error not a body kind
  const bad: BodyKind = 'club';
  console.log(bad);
  return n.children.reduce((m, c) => Math.max(m, walk(c, depth + 1)), depth);
}
export function structure(view: StructureView, sits: Sitting[]): number {
  console.log(view.publisher, view.as_of?.slice(0, 4), sits.map((s) => `${s.body_name} ${s.role} ${s.side}`));
  return Math.max(0, ...view.roots.map((r) => walk(r)));
}

export function sessions(feed: CalendarFeed, list: SessionList): SessionView | null {
  const first: SessionView | undefined = list.sessions[0];
  if (list.truncated || !first) return feed.nextSession('2026-07-01', null, 'ko');
  const { location, agenda, documents, number, end } = first;
  console.log(first.kind, first.status, number ?? 0, end?.length, location?.address, agenda.map((a) => a.kind + (a.proposal ?? '')), documents[0]?.url);
  // @ts-expect-error sessions need a date range
  feed.sessions('2026-07-01');
  const hol = feed.holidays('2026-09-01', '2026-09-30', 'ko');
  const kinds: Array<'solar' | 'lunar' | 'substitute' | 'data'> = hol.holidays.map((h) => h.kind);
  console.log(hol.outside, hol.truncated, kinds, hol.holidays.map((h) => `${h.date} ${h.name}`));
  const past: boolean = first.past;
  const heading: string = first.heading;
  const ordinal: string | null = first.ordinal;
  console.log(past, heading, ordinal, feed.sessions('2200-12-01', '2201-01-10', null, 'ko', '2026-07-14T10:00').horizon);
  console.log(feed.nextSessions('2026-07-01', 3, null, 'en', '2026-07-14T10:00').sessions.length, feed.nextSession('2026-07-14T10:00', null, 'en'));
  // @ts-expect-error the clock is a string
  feed.session(first.id, 'en', new Date());
  return feed.session(first.id, 'en', '2026-07-14T10:00');
}

export function proposalViews(list: ProposalList, d: ProposalDetail, s: StatsView, c: ChangedView, cards: CardView[], ch: ProposalChoices, r: Report): void {
  const answer: AnswerClass | null = d.answer;
  const item = list.items[0];
  console.log(list.total, list.offset, item?.stage_label, item?.ministries.map((m) => `${m.answer} ${m.answers_given}`), answer);
  console.log(d.title, d.summary, d.laws, d.timeline.map((t) => [t.stage, t.decision, t.reflection, t.days ?? -1, t.merged_into?.id]));
  console.log(s.by, s.weight, s.overall.accepted, s.overall.rate ?? 0, s.groups.map((g) => g.partly_accepted + g.answered), s.stages.map((x) => x.median_days));
  console.log(c.from.date, c.to.name, c.changes.map((x) => [x.before.stage, x.after.answer_label]));
  console.log(cards.map((k) => [k.state, k.due?.explicit, k.session?.date, k.milestones.map((m) => m.overdue), k.reports.map((x) => x.text)]));
  console.log(ch.stages, ch.years.map((y) => y + 1), ch.sessions.map((x) => x.date), r.errors.length + r.warnings.length);
}
