// Hostile but VALID feeds: the shapes a careless or hostile publisher can produce (issue 10).
// Shared by bench/budgets.mjs (figures) and tests/page/hostile.mjs (assertions).
//   node bench/hostile.mjs DIR              writes every shape to DIR/<name>.json and prints their sizes
//   node bench/hostile.mjs SHAPE N OUT.json one calendar shape (calendarShape below)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const header = (extra = {}) => ({
  cogov: 1,
  publisher: { id: 'hostile', name: { ko: '검사용 발행처', en: 'Test publisher' } },
  timezone: 'Asia/Seoul',
  sources: [{ id: 'src', title: { en: 'generated' } }],
  ...extra,
});
const body = (id, extra = {}) => ({ id, kind: 'committee', name: { ko: `기구 ${id}`, en: `Body ${id}` }, sources: ['src'], ...extra });

/** `layers` layers of two bodies, each `part_of` both bodies of the layer above (2^layers paths). */
export function lattice(layers = 20) {
  const bodies = [body('l0a'), body('l0b')];
  for (let k = 1; k < layers; k++) {
    const up = [`l${k - 1}a`, `l${k - 1}b`];
    bodies.push(body(`l${k}a`, { part_of: up }), body(`l${k}b`, { part_of: up }));
  }
  return header({ bodies });
}

/** `n` bodies, each `part_of` the previous one. */
export function chain(n = 3000) {
  const bodies = [body('c0')];
  for (let i = 1; i < n; i++) bodies.push(body(`c${i}`, { part_of: [`c${i - 1}`] }));
  return header({ bodies });
}

/** `n` bodies under one root. */
export function wide(n = 30000) {
  const bodies = [body('root')];
  for (let i = 0; i < n; i++) bodies.push(body(`w${i}`, { part_of: ['root'] }));
  return header({ bodies });
}

/** `n` series of one body each, `FREQ=DAILY;COUNT=count` from 1900. */
export function series(n = 1000, count = 1000000) {
  const bodies = [], list = [];
  for (let i = 0; i < n; i++) {
    bodies.push(body(`s${i}`));
    list.push({ id: `series-${i}`, body: `s${i}`, kind: 'regular', title: { en: `Series ${i}` },
      rules: [{ dtstart: `1900-01-01T${String(9 + (i % 8)).padStart(2, '0')}:00`, rrule: `FREQ=DAILY;COUNT=${count}` }], sources: ['src'] });
  }
  return header({ bodies, series: list });
}

/**
 * `n` relative series in chains of `depth` (each one day before the previous one; every `depth`-th
 * one is a weekly rule). The format allows chains of at most 8 (`series.depth` beyond).
 */
export function relativeChain(n = 500, depth = 8) {
  const list = [];
  for (let i = 0; i < n; i++) {
    const rules = i % depth === 0 ? [{ dtstart: '2026-01-05T10:00', rrule: 'FREQ=WEEKLY' }] : [{ relative: { series: `r${i - 1}`, offset_days: -1 } }];
    list.push({ id: `r${i}`, body: 'b', kind: i % depth ? 'working' : 'regular', title: { en: `R${i}` }, rules, sources: ['src'] });
  }
  return header({ bodies: [body('b')], series: list });
}

const SCRIPT = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>"\'&';
const OK_URL = 'https://example.org/<script>?q="onerror=1';
/**
 * Script-like text in every text field and names near the 20,000-byte text limit: VALID (the URLs are http(s)), so the
 * widgets render it, as text.
 */
export function hostileText(url = OK_URL) {
  const t = { ko: SCRIPT, en: SCRIPT };
  const bodies = [
    { id: 'root', kind: 'association', name: { ko: '가'.repeat(6666), en: 'y'.repeat(19999) }, description: t, url,
      legal_basis: [{ statute: t, article: SCRIPT, url }], functions: [t, t], cadence: t, region: t,
      seats: [{ title: t, side: 'local', count: 3, holders: [{ name: t }] }],
      sources: [{ title: t, url, publisher: t }] },
    body('child', { name: t, part_of: ['root'], url, sources: [{ title: t, url }] }),
  ];
  const series = [{ id: 'h-series', body: 'root', kind: 'regular', title: t, rules: [{ dtstart: '2026-01-05T10:00', rrule: 'FREQ=WEEKLY;COUNT=200' }], sources: ['src'] }];
  const sessions = [{ id: 'h-session', body: 'root', kind: 'special', title: t, start: '2026-12-10T10:00', location: { name: t },
    agenda: [{ title: t, kind: 'report' }], status: 'scheduled', sources: [{ title: t, url }] }];
  return header({ publisher: { id: 'hostile', name: t, url }, bodies, series, sessions });
}

/** `javascript:`, `data:` and `vbscript:` URLs in URL fields: INVALID, the widgets show the error. */
export function hostileUrls() {
  const feed = hostileText('javascript:window.__pwned=1');
  feed.bodies[0].legal_basis[0].url = 'data:text/html,<script>window.__pwned=1</script>';
  feed.bodies[1].url = ' JAVASCRIPT:window.__pwned=1';
  feed.bodies[1].sources[0].url = 'vbscript:x';
  return feed;
}

/** About `mb` MB: the default dataset plus generated proposals (bench/gen_feed.mjs's shape). */
export function big(mb = 10) {
  const base = JSON.parse(readFileSync(new URL('../www/data/feed.json', import.meta.url)));
  const regions = base.organizations.filter((o) => o.kind === 'metropolitan').map((o) => o.id);
  const ministries = base.organizations.filter((o) => o.kind === 'ministry').map((o) => o.id);
  let size = JSON.stringify(base).length;
  for (let i = 0; size < mb * 1048576; i++) {
    const y = 2022 + (i % 5), m = ministries[i % ministries.length];
    const p = { id: `big-p-${i}`, title: { ko: `지방재정 확충 건의 ${i}`, en: `Local finance proposal ${i}` }, proposers: [regions[i % regions.length]], ministries: [m],
      submitted: `${y}-03-02`, history: [{ date: `${y}-03-02`, stage: 'submitted' }, { date: `${y}-04-10`, stage: 'deliberation', decision: 'agreed' },
        { date: `${y}-07-12`, stage: 'decision', decision: 'adopted' }, { date: `${y}-07-20`, stage: 'sent', ministry: m },
        { date: `${y}-10-01`, stage: 'answer', ministry: m, answer: ['accepted', 'partly_accepted', 'not_accepted', 'long_term'][i % 4] }],
      illustrative: true, sources: [base.sources[0].id] };
    size += JSON.stringify(p).length + 1;
    base.proposals.push(p);
  }
  return base;
}

/**
 * Small feeds hostile to the calendar alone (issue 10, item 3), `n` the size:
 *   series   n series, each FREQ=DAILY;COUNT=1000000 from 1900-01-01 (n=1000: ~172 KB)
 *   numbered the same with numbering (제N차 counts every occurrence since 1900)
 *   weekly   n series FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=1000000 from 1900 (numbered)
 *   chain    one daily series and n relative series, each 1 day after the previous one
 *   fanout   one daily series and n relative series all following it
 *   sessions one body, n explicit sessions (one a day from 2000), n/10 series with overrides
 *   bodies   n bodies, each with one weekly series (for session_bodies)
 * (examples/calendar_hostile.rs times queries on them.)
 */
export function calendarShape(shape, n) {
  const feed = {
    cogov: 1,
    publisher: { id: 'p', name: 'P' },
    sources: [{ id: 's', title: 'S' }],
    bodies: [{ id: 'b', kind: 'forum', name: 'B', sources: ['s'] }],
    series: [],
    sessions: [],
  };
  const daily = (id, rrule, numbered) => ({
    id, body: 'b', kind: 'regular', sources: ['s'],
    ...(numbered ? { numbering: { first: 1 } } : {}),
    rules: [{ dtstart: '1900-01-01T10:00', rrule }],
  });
  const relative = (id, series, offset) => ({
    id, body: 'b', kind: 'working', sources: ['s'],
    rules: [{ relative: { series, offset_days: offset } }],
  });
  switch (shape) {
    case 'series':
    case 'numbered':
      for (let i = 0; i < n; i++) feed.series.push(daily(`s${i}`, 'FREQ=DAILY;COUNT=1000000', shape === 'numbered'));
      break;
    case 'weekly':
      for (let i = 0; i < n; i++) feed.series.push(daily(`s${i}`, 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=1000000', true));
      break;
    case 'chain':
      feed.series.push(daily('s0', 'FREQ=DAILY;COUNT=1000000', true));
      for (let i = 1; i <= n; i++) feed.series.push(relative(`s${i}`, `s${i - 1}`, 1));
      break;
    case 'fanout':
      feed.series.push(daily('s0', 'FREQ=DAILY;COUNT=1000000', true));
      for (let i = 1; i <= n; i++) feed.series.push(relative(`s${i}`, 's0', -(i % 30)));
      break;
    case 'sessions': {
      const day = i => new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10);
      for (let i = 0; i < n / 10; i++) feed.series.push({ ...daily(`s${i}`, 'FREQ=DAILY', true), rules: [{ dtstart: '2000-01-01T10:00', rrule: 'FREQ=DAILY' }] });
      for (let i = 0; i < n; i++) {
        const s = { id: `x${i}`, body: 'b', start: `${day(i)}T15:00`, sources: ['s'] };
        if (i < n / 10) Object.assign(s, { series: `s${i}`, recurrence_id: `${day(i)}T10:00` });
        feed.sessions.push(s);
      }
      break;
    }
    case 'bodies':
      for (let i = 0; i < n; i++) {
        feed.bodies.push({ id: `b${i}`, kind: 'forum', name: `B${i}`, sources: ['s'] });
        feed.series.push({ ...daily(`s${i}`, 'FREQ=WEEKLY'), body: `b${i}`, rules: [{ dtstart: '2026-01-05T10:00', rrule: 'FREQ=WEEKLY' }] });
      }
      break;
    default:
      throw new Error(`unknown calendar shape ${shape}`);
  }
  return feed;
}

/** Every shape, by name: [name, feed]. Sizes as in issue 10. */
export const shapes = () => [
  ['lattice-20', lattice(20)],
  ['chain-3000', chain(3000)],
  ['chain-10000', chain(10000)],
  ['wide-30000', wide(30000)],
  ['series-1000', series(1000, 1000000)],
  ['relative-500', relativeChain(500)],
  ['relative-deep', relativeChain(500, 500)],
  ['hostile-text', hostileText()],
  ['hostile-urls', hostileUrls()],
  ['big-10mb', big(10)],
];

// node bench/hostile.mjs DIR                 every shape of shapes() into DIR/<name>.json
// node bench/hostile.mjs SHAPE N OUT.json     one calendarShape (check it with `cogov validate OUT.json`)
if (import.meta.url === `file://${process.argv[1]}`) {
  const [first = '/tmp/cogov-hostile', n, out] = process.argv.slice(2);
  if (n !== undefined) {
    const feed = calendarShape(first, Number(n));
    const text = JSON.stringify(feed);
    writeFileSync(out || '/tmp/cogov-hostile.json', text);
    console.log(`${out}: ${(text.length / 1024).toFixed(0)} KB, ${feed.series.length} series, ${feed.sessions.length} sessions`);
  } else {
    mkdirSync(first, { recursive: true });
    for (const [name, feed] of shapes()) {
      const text = JSON.stringify(feed);
      writeFileSync(`${first}/${name}.json`, text);
      console.log(`${first}/${name}.json: ${(text.length / 1024).toFixed(0)} KB`);
    }
  }
}
