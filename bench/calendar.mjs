// Calendar benchmark: cogov (release wasm, through the shipped `Feed` API) against rrule.js
// (expansion) and ical-generator (.ics), in one node process over the same data.
//
//   node bench/calendar.mjs [--runs N] [--write-feed FILE]
//
// a. 1,000 council rules × 10 years, and one yearly rule × 100 years:
//    cogov `feed.sessions(from, to, body, 'en')` per body (each call returns plain JS session
//    objects: the end-to-end path a widget takes) vs rrule.js `rule.between(from, to, true)`.
// b. .ics of 10,000 sessions: cogov `feed.ics(...)` vs ical-generator `calendar.toString()`.
// `--write-feed FILE` also writes the 1,000-rule feed for the native example
// (`cargo run --release --example calendar_speed -- FILE`), which isolates expansion from
// building JS objects.
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { loadCogov, root, median, bench, spread, ms, ratio, rate, rng, goal, env, require } from './lib.mjs';

const { RRule, RRuleSet } = require('rrule');
const icalGenerator = require('ical-generator').default ?? require('ical-generator');

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', 7));
const WRITE = opt('--write-feed', null);

const cogov = await loadCogov();
console.log(`# calendar benchmark — ${env()}`);
console.log(`# times are medians of ${RUNS} timed runs after 1 warm-up run; the machine is shared, so expect noise\n`);

// ------------------------------------------------------------------ helpers
const pad = n => String(n).padStart(2, '0');
/** "floating" local time: a KST wall-clock time held in a UTC Date (what rrule.js expects). */
const floating = s => {
  const [d, t = '00:00'] = s.split('T');
  const [y, m, dd] = d.split('-').map(Number);
  const [h, mi] = t.split(':').map(Number);
  return new Date(Date.UTC(y, m - 1, dd, h, mi));
};
const isoDay = dt => `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
const isoLocal = (dt, allDay) => (allDay ? isoDay(dt) : `${isoDay(dt)}T${pad(dt.getUTCHours())}:${pad(dt.getUTCMinutes())}`);
const compact = dt => isoDay(dt).replaceAll('-', '');
const compactLocal = dt => `${compact(dt)}T${pad(dt.getUTCHours())}${pad(dt.getUTCMinutes())}00`;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];

// ------------------------------------------------------------------ a. rules
/** The RRULE forms councils use (regular sessions, monthly/quarterly councils, weekly working
 *  meetings), with parameters drawn from `r`. Weights: yearly ~30%, monthly ~50%, weekly ~20%. */
function ruleText(r) {
  const day = () => r.pick(DAYS);
  const month = () => 1 + r.int(12);
  const forms = [
    [8, () => `FREQ=YEARLY;BYMONTH=${month()};BYDAY=${1 + r.int(4)}${day()}`],
    [5, () => `FREQ=YEARLY;BYMONTH=${6 + r.int(2)},${11 + r.int(2)};BYDAY=${1 + r.int(3)}${day()}`],
    [4, () => 'FREQ=YEARLY'],
    [3, () => `FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-${1 + r.int(3)}`],
    [3, () => `FREQ=YEARLY;INTERVAL=2;BYMONTH=${month()};BYDAY=-1${day()}`],
    [4, () => `FREQ=YEARLY;BYMONTH=2,5,8,11;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=${r.pick([1, 2, -1])}`],
    [3, () => `FREQ=YEARLY;BYDAY=${10 + r.int(30)}${day()}`],
    [9, () => `FREQ=MONTHLY;BYDAY=${1 + r.int(4)}${day()}`],
    [6, () => `FREQ=MONTHLY;BYDAY=-1${day()}`],
    [6, () => `FREQ=MONTHLY;BYMONTHDAY=${1 + r.int(28)}`],
    [4, () => `FREQ=MONTHLY;BYMONTHDAY=-${1 + r.int(5)}`],
    [5, () => `FREQ=MONTHLY;INTERVAL=3;BYDAY=${1 + r.int(3)}${day()}`],
    [5, () => `FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=${r.pick([1, -1, 2, -2])}`],
    [4, () => `FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=${5 + r.int(20)}`],
    [4, () => `FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=${r.pick(['1', '2', '-1'])}${day()}`],
    [3, () => { const d = day(); return `FREQ=MONTHLY;BYDAY=1${d},3${d}`; }],
    [3, () => `FREQ=MONTHLY;BYMONTHDAY=1,15`],
    [8, () => `FREQ=WEEKLY;BYDAY=${day()}`],
    [6, () => `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day()}`],
    [3, () => `FREQ=WEEKLY;INTERVAL=4;BYDAY=${day()}`],
    [3, () => { const a = r.int(3); return `FREQ=WEEKLY;BYDAY=${DAYS[a]},${DAYS[a + 2]}`; }],
  ];
  let w = r() * forms.reduce((s, [k]) => s + k, 0);
  for (const [k, f] of forms) if ((w -= k) < 0) return f();
  return forms[0][1]();
}

/** rrule.js objects for one rule (no cache, so repeated runs really expand). */
function rrulejs(rule) {
  const allDay = !rule.dtstart.includes('T');
  const rr = new RRule({ ...RRule.parseString(rule.rrule), dtstart: floating(rule.dtstart) }, true);
  if (!rule.exdates?.length) return rr;
  const set = new RRuleSet(true);
  set.rrule(rr);
  for (const x of rule.exdates) set.exdate(floating(allDay ? x : x));
  return set;
}

function makeRules(n, seed, from, to) {
  const r = rng(seed);
  const rules = [];
  while (rules.length < n) {
    let text = ruleText(r);
    const allDay = r() < 0.3;
    const time = allDay ? '' : `T${r.pick(['10:00', '14:00', '15:30', '09:30'])}`;
    // a start between 2018 and mid-2027, moved to the rule's first occurrence (as an author would)
    const seedDay = new Date(Date.UTC(2018 + r.int(9), r.int(12), 1 + r.int(28)));
    const seedStart = `${isoDay(seedDay)}${time}`;
    const first = new RRule({ ...RRule.parseString(text), dtstart: floating(seedStart) }, true).after(floating(seedStart), true);
    if (!first) continue;
    const dtstart = isoLocal(first, allDay);
    const end = r();
    if (end < 0.25) text += `;COUNT=${10 + r.int(200)}`;
    else if (end < 0.45) {
      const until = new Date(Date.UTC(2028 + r.int(12), r.int(12), 1 + r.int(28)));
      text += `;UNTIL=${r() < 0.5 ? compact(until) : compactLocal(until) }`;
    }
    const rule = { dtstart, rrule: text };
    if (!allDay) rule.duration_minutes = r.pick([60, 90, 120, 180]);
    if (r() < 0.15) {
      // EXDATEs: a few real occurrences inside the window (a holiday, a moved session)
      const occ = rrulejs(rule).between(floating(from), floating(`${to}T23:59`), true);
      const k = 1 + r.int(3);
      const picked = new Set();
      for (let i = 0; i < k && occ.length; i++) picked.add(isoLocal(occ[r.int(occ.length)], allDay));
      if (picked.size) rule.exdates = [...picked].sort();
    }
    rules.push(rule);
  }
  return rules;
}

const SRC = [{ id: 'src-bench', title: 'Benchmark data (synthetic)', url: 'https://example.org/' }];
const feedOf = (bodies, series, sessions = []) => ({
  cogov: 1,
  publisher: { id: 'bench', name: { ko: '벤치마크 협의회', en: 'Benchmark association' }, url: 'https://example.org/' },
  timezone: 'Asia/Seoul',
  sources: SRC,
  bodies: bodies.map(id => ({ id, kind: 'committee', name: { ko: `${id} 위원회`, en: `Committee ${id}` }, sources: ['src-bench'] })),
  series,
  sessions,
});

/** Groups rules into bodies of at most `max` occurrences in the window, so that no
 *  `sessions()` call hits cogov's cap of 10,000 sessions per call. */
function partition(counts, max) {
  const bodyOf = [];
  let b = 0, load = 0;
  counts.forEach((c, i) => {
    if (load + c > max && load > 0) { b++; load = 0; }
    bodyOf[i] = b;
    load += c;
  });
  return { bodyOf, bodies: b + 1 };
}

function expansion(label, rules, from, to, { reps = 1 } = {}) {
  console.log(`## ${label}: ${rules.length} rule(s), window ${from} .. ${to}${reps > 1 ? `, ${reps} repetitions per run` : ''}`);
  const a = floating(from), b = floating(`${to}T23:59:59`);
  const rr = rules.map(rrulejs);
  const rrCounts = rr.map(x => x.between(a, b, true).length);
  const { bodyOf, bodies } = partition(rrCounts, 9000);
  const bodyIds = Array.from({ length: bodies }, (_, i) => `council-${i}`);
  const series = rules.map((rule, i) => ({
    id: `s-${i}`, body: bodyIds[bodyOf[i]], kind: 'regular',
    title: { ko: `정기회 ${i}`, en: `Regular session ${i}` },
    rules: [rule], sources: ['src-bench'],
  }));
  const feedJson = feedOf(bodyIds, series);
  const text = JSON.stringify(feedJson);
  const feed = new cogov.Feed(text);
  const warnings = feed.warnings();
  if (warnings.length) console.log(`   (feed loads with ${warnings.length} warnings, first: ${warnings[0].path} ${warnings[0].message})`);

  // correctness: counts per rule
  const per = new Map();
  let truncated = false;
  for (const body of bodyIds) {
    const res = feed.sessions(from, to, body, 'en');
    truncated ||= res.truncated;
    for (const s of res.sessions) per.set(s.series, (per.get(s.series) || 0) + 1);
  }
  const cgCounts = rules.map((_, i) => per.get(`s-${i}`) || 0);
  const rrTotal = rrCounts.reduce((x, y) => x + y, 0);
  const cgTotal = cgCounts.reduce((x, y) => x + y, 0);
  const bad = rules.map((r, i) => [i, r, cgCounts[i], rrCounts[i]]).filter(([, , c, d]) => c !== d);
  console.log(`   occurrences: cogov ${cgTotal}, rrule.js ${rrTotal} — ${bad.length ? `${bad.length} RULES DIFFER` : 'same count for every rule'}${truncated ? ' (cogov TRUNCATED a call)' : ''}`);
  for (const [i, r, c, d] of bad.slice(0, 10)) console.log(`     rule ${i}: ${r.dtstart} ${r.rrule}${r.exdates ? ' EXDATE ' + r.exdates.join(',') : ''}: cogov ${c}, rrule.js ${d}`);
  console.log(`   cogov: ${bodies} bodies, one sessions(from, to, body, 'en') call each`);

  const tc = bench(() => {
    let n = 0;
    for (let k = 0; k < reps; k++) for (const body of bodyIds) n += feed.sessions(from, to, body, 'en').sessions.length;
    return n;
  }, { runs: RUNS });
  const tr = bench(() => {
    let n = 0;
    for (let k = 0; k < reps; k++) for (const x of rr) n += x.between(a, b, true).length;
    return n;
  }, { runs: RUNS });
  // the same expansion returning what rrule.js returns: one instant per occurrence
  let startsTotal = 0;
  for (const body of bodyIds) startsTotal += feed.sessionStarts(from, to, body).length;
  const ts = bench(() => {
    let n = 0;
    for (let k = 0; k < reps; k++) for (const body of bodyIds) n += feed.sessionStarts(from, to, body).length;
    return n;
  }, { runs: RUNS });
  const occ = cgTotal * reps;
  console.log(`   cogov    feed.sessions : ${spread(tc)}  → ${rate(occ, tc.median)} occurrences (as 17-field JS objects)`);
  console.log(`   cogov    sessionStarts : ${spread(ts)}  → ${rate(startsTotal * reps, ts.median)} occurrences (one Float64Array of instants per call)${startsTotal !== cgTotal ? ` !! ${startsTotal} starts` : ''}`);
  console.log(`   rrule.js rule.between  : ${spread(tr)}  → ${rate(rrTotal * reps, tr.median)} occurrences (Date objects)`);
  const x = tr.median / tc.median;
  const xs = tr.median / ts.median;
  console.log(`   ratio (rrule.js time / cogov time): sessions ${ratio(x)}; sessionStarts (same output as rrule.js) ${ratio(xs)}`);
  // isolated expansion: the same rules natively (examples/calendar_speed.rs, release profile)
  let iso = null;
  const exe = `${root}target/release/examples/calendar_speed`;
  if (fs.existsSync(exe)) {
    const file = `${os.tmpdir()}/cogov-bench-calendar-${process.pid}.json`;
    fs.writeFileSync(file, text);
    const runs = [0, 1, 2].map(() => {
      const line = execFileSync(exe, [file, from, to], { encoding: 'utf8' }).split('\n').find(l => l.startsWith('json: '));
      return JSON.parse(line.slice(6));
    });
    fs.rmSync(file);
    const expandMs = median(runs.map(r => r.expand_ns / 1e6)) * reps, viewsMs = median(runs.map(r => r.views_ns / 1e6)) * reps;
    const startsMs = median(runs.map(r => r.starts_ns / 1e6)) * reps;
    iso = { x: tr.median / expandMs, expandMs, viewsMs, startsMs, n: runs[0].occurrences * reps };
    console.log(`   isolated, native (examples/calendar_speed, median of 3 × 7): expansion only ${ms(expandMs)} (${runs[0].occurrences * reps} occurrences) → ${ratio(iso.x)} rrule.js; expansion + view models, no JS objects ${ms(viewsMs)} → ${ratio(tr.median / viewsMs)}`);
    console.log(`   native session_starts (expansion + window + timestamps, no Float64Array) ${ms(startsMs)} → ${ratio(tr.median / startsMs)}; wasm sessionStarts / native session_starts ${(ts.median / startsMs).toFixed(2)}`);
    if (iso.n !== rrTotal * reps) console.log(`   !! native expansion gave ${iso.n} occurrences`);
  } else {
    console.log('   (isolated expansion figure: build it with `cargo build --release --example calendar_speed`)');
  }
  console.log();
  feed.free();
  return { x, xs, iso, text, cgTotal, rrTotal, bad: bad.length, tc, tr, ts };
}

const FROM = '2027-01-01', TO = '2036-12-31';
const rules = makeRules(1000, 20261122, FROM, TO);
const big = expansion('a1. 1,000 council rules × 10 years', rules, FROM, TO);
if (WRITE) {
  fs.writeFileSync(WRITE, big.text);
  console.log(`   (feed written to ${WRITE}: ${(big.text.length / 1e6).toFixed(2)} MB)\n`);
}
const one = expansion('a2. one yearly rule × 100 years', [{ dtstart: '2000-07-14T14:00', rrule: 'FREQ=YEARLY;BYMONTH=7;BYDAY=2FR', duration_minutes: 120 }], '2001-01-01', '2100-12-31', { reps: 200 });

// ------------------------------------------------------------------ b. .ics
console.log('## b. .ics of 10,000 sessions');
const N = 10000;
const DTSTAMP = '2026-11-22T00:00:00Z';
const r = rng(7);
const places = [
  { name: { ko: '정부서울청사 별관 대회의실', en: 'Government Complex Seoul, Annex, Main Hall' }, address: { ko: '서울특별시 종로구 세종대로 209', en: '209 Sejong-daero, Jongno-gu, Seoul' } },
  { name: { ko: '부산광역시청 대회의실', en: 'Busan City Hall, Main Conference Room' }, address: { ko: '부산광역시 연제구 중앙대로 1001', en: '1001 Jungang-daero, Yeonje-gu, Busan' } },
  { name: { ko: '세종컨벤션센터', en: 'Sejong Convention Center' }, address: { ko: '세종특별자치시 도움5로 19', en: '19 Doum 5-ro, Sejong' } },
];
const topics = ['지방재정 확충 (local finance)', '자치분권 추진 (decentralization)', '지역균형발전 (balanced development)', '저출생 대응 (low birth rate)', '재난안전 협력 (disaster safety)'];
// ical-generator formats a Date with a timezone through the process's local time, as in a
// browser in Korea: run this part with the process in Asia/Seoul.
process.env.TZ = 'Asia/Seoul';
const sessions = [];
// inside cogov's .ics window (a year before to two years after the dtstamp): 2025-12-01 ..
for (let i = 0; i < N; i++) {
  const day = new Date(Date.UTC(2025, 11, 1) + Math.floor((i / N) * 700) * 86400000);
  const h = 9 + r.int(8), m = r.pick([0, 30]);
  const start = `${isoDay(day)}T${pad(h)}:${pad(m)}`;
  const endH = Math.min(h + 1 + r.int(3), 23);
  const topic = topics[i % topics.length];
  const cancelled = r() < 0.05;
  const place = places[i % places.length];
  sessions.push({
    id: `bench-session-${i}`,
    body: 'council-0',
    kind: r.pick(['meeting', 'working', 'plenary', 'special']),
    title: { ko: `제${i + 1}차 실무협의회 — ${topic}`, en: `Working council meeting no. ${i + 1} — ${topic}` },
    start,
    end: `${isoDay(day)}T${pad(endH)}:${pad(m)}`,
    location: { name: place.name, address: place.address },
    status: cancelled ? 'cancelled' : 'scheduled',
    note: { ko: `안건: ${topic}에 관한 협의 및 후속 조치 점검`, en: `Agenda: ${topic}, follow-up review` },
    sources: ['src-bench'],
  });
}
const icsFeedText = JSON.stringify(feedOf(['council-0'], [], sessions));
const icsFeed = new cogov.Feed(icsFeedText);
const BASE = 'https://example.org/calendar';
const cgIcs = () => icsFeed.ics(null, null, DTSTAMP, BASE);

// the same events for ical-generator: the texts cogov writes (Korean title, body name +
// note as description, location name + address, UID {id}@{publisher}, CANCELLED status)
const views = icsFeed.sessions('2025-11-01', '2028-12-31', null, 'ko').sessions;
if (views.length !== N) throw new Error(`expected ${N} sessions in the window, got ${views.length}`);
const icalEvents = views.map(v => ({
  id: `${v.id}@bench`,
  // the real instants (KST = UTC+9); ical-generator writes them back as Asia/Seoul wall-clock times
  start: new Date(floating(v.start) - 9 * 3600e3), end: new Date(floating(v.end) - 9 * 3600e3),
  timezone: 'Asia/Seoul',
  summary: v.title,
  description: [v.body_name, v.note].filter(Boolean).join('\n'),
  location: [v.location?.name, v.location?.address].filter(Boolean).join(', '),
  url: `${BASE}#${v.id}`,
  status: v.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  sequence: 0,
  categories: [{ name: v.kind }],
  stamp: new Date(DTSTAMP),
}));
const icalGen = () => {
  const cal = icalGenerator({ name: '벤치마크 협의회', prodId: { company: 'bench', product: 'bench' }, timezone: 'Asia/Seoul' });
  for (const e of icalEvents) {
    cal.createEvent(e);
  }
  return cal.toString();
};
const vevents = s => (s.match(/^BEGIN:VEVENT\r?$/gm) || []).length;
const cancelledIn = s => (s.match(/^STATUS:CANCELLED\r?$/gm) || []).length;
const c1 = cgIcs(), g1 = icalGen();
console.log(`   VEVENTs: cogov ${vevents(c1)}, ical-generator ${vevents(g1)}; cancelled: cogov ${cancelledIn(c1)}, ical-generator ${cancelledIn(g1)}; sizes: cogov ${(c1.length / 1e6).toFixed(2)} M chars, ical-generator ${(g1.length / 1e6).toFixed(2)} M chars`);
const sample = (s, n) => s.slice(s.indexOf('BEGIN:VEVENT'), s.indexOf('END:VEVENT') + 10).split(/\r?\n/).slice(0, n).join(' | ');
console.log(`   cogov first event:          ${sample(c1, 8)}`);
console.log(`   ical-generator first event: ${sample(g1, 8)}`);
const ic = bench(cgIcs, { runs: RUNS });
const ig = bench(icalGen, { runs: RUNS });
console.log(`   cogov feed.ics              : ${spread(ic)}`);
console.log(`   ical-generator toString     : ${spread(ig)}  (building the calendar included; event options prepared outside the timing)`);
const xi = ig.median / ic.median;
console.log(`   ratio (ical-generator / cogov): ${ratio(xi)}\n`);

console.log('## goals');
goal('1a 1,000 rules × 10 y, end to end (JS objects) ≥ 30× rrule.js', big.x >= 30 && big.bad === 0, `${ratio(big.x)} (${ms(big.tc.median)} vs ${ms(big.tr.median)}; counts ${big.cgTotal} / ${big.rrTotal})`);
goal('1a 1 rule × 100 y, end to end (JS objects) ≥ 30× rrule.js', one.x >= 30 && one.bad === 0, `${ratio(one.x)} (per call ${ms(one.tc.median / 200)} vs ${ms(one.tr.median / 200)}; counts ${one.cgTotal} / ${one.rrTotal})`);
goal('1a 1,000 rules × 10 y, in wasm, instants (sessionStarts, as rrule.js returns) ≥ 30× rrule.js', big.xs >= 30 && big.bad === 0, `${ratio(big.xs)} (${ms(big.ts.median)} vs ${ms(big.tr.median)})`);
goal('1a 1 rule × 100 y, in wasm, instants (sessionStarts) ≥ 30× rrule.js', one.xs >= 30 && one.bad === 0, `${ratio(one.xs)} (per call ${ms(one.ts.median / 200)} vs ${ms(one.tr.median / 200)})`);
if (big.iso) goal('1a 1,000 rules × 10 y, isolated expansion (native) ≥ 30× rrule.js', big.iso.x >= 30, `${ratio(big.iso.x)} (${ms(big.iso.expandMs)} vs ${ms(big.tr.median)})`);
if (one.iso) goal('1a 1 rule × 100 y, isolated expansion (native) ≥ 30× rrule.js', one.iso.x >= 30, `${ratio(one.iso.x)} (per call ${ms(one.iso.expandMs / 200)} vs ${ms(one.tr.median / 200)})`);
goal('1b .ics 10,000 sessions ≥ 10× ical-generator', xi >= 10 && vevents(c1) === N && vevents(g1) === N, `${ratio(xi)} (${ms(ic.median)} vs ${ms(ig.median)})`);
