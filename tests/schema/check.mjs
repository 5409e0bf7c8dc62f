// Checks www/feed.schema.json and www/data/feed.json.
// Run from the repository root: node tests/schema/check.mjs [feed.json]  (default www/data/feed.json)
// 1. the schema compiles in ajv's draft 2020-12 mode with strict: true (no strict-mode warnings);
// 2. the default feed validates against it;
// 3. the schema accepts a few small valid documents and rejects broken ones;
// 4. the feed's ids are unique and every reference resolves (what the core validator checks later),
//    plus a few consistency checks of the data (date order, routes, occurrences of series).
import fs from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020');
const { RRule } = require('rrule');

const root = new URL('../../', import.meta.url);
const read = p => JSON.parse(fs.readFileSync(new URL(p, root), 'utf8'));
const schema = read('www/feed.schema.json');
const feedPath = process.argv[2] ? new URL(process.argv[2], `file://${process.cwd()}/`) : new URL('www/data/feed.json', root);
const feed = JSON.parse(fs.readFileSync(feedPath, 'utf8'));
const TODAY = '2026-11-22';

const failures = [];
const fail = (where, msg) => failures.push(`${where}: ${msg}`);
const section = name => console.log(`-- ${name}`);

// ---------------------------------------------------------------- 1. compile
section('schema compiles (ajv 2020, strict)');
const strictWarnings = [];
const logger = { log() {}, warn: (...a) => strictWarnings.push(a.join(' ')), error: (...a) => strictWarnings.push(a.join(' ')) };
let validate;
try {
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
  validate = ajv.compile(schema);
} catch (e) {
  fail('schema', `does not compile: ${e.message}`);
}
for (const w of strictWarnings) fail('schema', `strict mode: ${w}`);
// Also the lenient mode the benchmark may use.
try { new Ajv2020({ strict: false }).compile(schema); } catch (e) { fail('schema', `does not compile with strict: false: ${e.message}`); }

const errText = errs => (errs || []).slice(0, 8).map(e => `${e.instancePath || '/'} ${e.message}`).join('; ');

// ---------------------------------------------------------------- 2. the feed
if (validate) {
  section(`${feedPath.pathname.replace(root.pathname, '')} validates`);
  if (!validate(feed)) for (const e of validate.errors) fail(`feed${e.instancePath}`, `${e.message} ${JSON.stringify(e.params)}`);

  // ------------------------------------------------------------ 3. small documents
  section('schema accepts valid and rejects broken documents');
  const base = () => ({ cogov: 1, publisher: { id: 'gaok', name: { ko: '대한민국시도지사협의회', en: 'Governors Association' } } });
  const withBody = extra => ({ ...base(), bodies: [{ id: 'b', kind: 'other', name: 'B', ...extra }] });
  const withSession = extra => ({ ...base(), sessions: [{ id: 's', body: 'b', start: '2022-01-13', ...extra }] });
  const withStep = step => ({ ...base(), proposals: [{ id: 'p', title: 'P', history: [{ date: '2022-01-13', ...step }] }] });
  const withRule = rule => ({ ...base(), series: [{ id: 'x', body: 'b', rules: [rule] }] });

  const good = {
    'minimal document': base(),
    'unknown fields are allowed': { ...base(), extra: true, bodies: [{ id: 'b', kind: 'other', name: 'B', colour: 'red' }] },
    'plain-string text': withBody({ name: '중앙지방협력회의' }),
    'text with only en': withBody({ name: { en: 'Meeting' } }),
    'seat by title with count': withBody({ seats: [{ title: '16 mayors/governors', side: 'local', count: 16 }] }),
    'session with local date-time and seconds': withSession({ start: '2022-01-13T10:00:00', end: '2022-01-13T12:00' }),
    'inline source': withBody({ sources: [{ title: 'A page', url: 'https://www.gaok.or.kr/', date: '2018-07' }] }),
    'relative rule': withRule({ relative: { series: 'ga-regular', offset_days: -7, time: '10:00' } }),
    'rrule rule with effective period': withRule({ dtstart: '2022-07-08T14:00', rrule: 'FREQ=YEARLY;BYMONTH=7;BYDAY=2FR', effective: { from: '2022-01-01', to: '2030-12-31' } }),
    'answer step': withStep({ stage: 'answer', ministry: 'moef', answer: 'long_term', note: { ko: '중장기검토' } }),
    'merged decision': withStep({ stage: 'decision', decision: 'merged', merged_into: 'q' }),
    'figure': withBody({ figures: [{ metric: 'agenda_items', label: 'Agenda items', period: '2019', value: 72 }] }),
    'rrule parts in another order': withRule({ dtstart: '2022-07-08', rrule: 'BYMONTH=7;FREQ=YEARLY' }),
    'seat with office and title': withBody({ seats: [{ office: 'o', title: 'Chair' }] }),
    'sent without ministry (to every ministry of the proposal)': withStep({ stage: 'sent' }),
    // a null member is absent (docs/FORMAT.md, Conventions)
    'null optional members': withBody({ short_name: null, seats: null, term_years: null, sources: null, illustrative: null }),
    'null list member at the top': { ...base(), bodies: null, updated: null, timezone: null },
    'null text form beside a non-blank one': withBody({ name: { ko: null, en: 'B' } }),
    'null recurrence_id without series': withSession({ recurrence_id: null }),
    'reflected step with its reflection': withStep({ stage: 'reflected', reflection: 'budget' }),
  };
  const bad = {
    'version 2': { ...base(), cogov: 2 },
    'version as a string': { ...base(), cogov: '1' },
    'missing publisher': { cogov: 1 },
    'publisher name empty object': { cogov: 1, publisher: { id: 'gaok', name: {} } },
    'text with only blank forms': withBody({ name: { ko: ' ', en: '' } }),
    'empty plain text': withBody({ name: '' }),
    'text form not a string': withBody({ name: { ko: 1 } }),
    'bodies not an array': { ...base(), bodies: {} },
    'unknown body kind': withBody({ kind: 'parliament' }),
    'id with capitals': withBody({ id: 'Cooperation-Meeting' }),
    'id starting with a dash': withBody({ id: '-b' }),
    'id of 65 characters': withBody({ id: 'a'.repeat(65) }),
    'seat count 0': withBody({ seats: [{ office: 'o', count: 0 }] }),
    'seat count 1.5': withBody({ seats: [{ office: 'o', count: 1.5 }] }),
    
    'seat with neither office nor title': withBody({ seats: [{ side: 'local' }] }),
    'unknown seat role': withBody({ seats: [{ office: 'o', role: 'president' }] }),
    'term_years 0': withBody({ term_years: 0 }),
    'negative figure': withBody({ figures: [{ metric: 'm', value: -1 }] }),
    'established as a number': withBody({ established: 2019 }),
    'legal basis without statute': withBody({ legal_basis: [{ article: '186' }] }),
    'effective date with slashes': withBody({ legal_basis: [{ statute: 'Act', effective: '2022/01/13' }] }),
    'date without day': withSession({ start: '2022-01' }),
    'date-time with offset': withSession({ start: '2022-01-13T10:00+09:00' }),
    'date-time with Z': withSession({ start: '2022-01-13T10:00Z' }),
    'two-digit year': withSession({ start: '22-01-13' }),
    'unknown status': withSession({ status: 'done' }),
    'number 0': withSession({ number: 0 }),
    'recurrence_id without series': withSession({ recurrence_id: '2022-01-13' }),
    'recurrence_id with a null series': withSession({ recurrence_id: '2022-01-13', series: null }),
    'null required member': withBody({ name: null }),
    'null list element': { ...base(), bodies: [null] },
    'text of null forms only': withBody({ name: { ko: null } }),
    'seat with a null office and no title': withBody({ seats: [{ office: null }] }),
    'reflected step without reflection': withStep({ stage: 'reflected' }),
    'reflected step with a null reflection': withStep({ stage: 'reflected', reflection: null }),
    'agenda item without title': withSession({ agenda: [{ kind: 'report' }] }),
    'document without url': withSession({ documents: [{ title: 'Minutes' }] }),
    'javascript: url': withSession({ location: { url: 'javascript:alert(1)' } }),
    'ftp url': { ...base(), publisher: { id: 'gaok', name: 'G', url: 'ftp://example.org/' } },
    'source without title': { ...base(), sources: [{ id: 's', url: 'https://www.gaok.or.kr/' }] },
    'source id missing': { ...base(), sources: [{ title: 'T' }] },
    'source date as full timestamp': { ...base(), sources: [{ id: 's', title: 'T', date: '2022-01-13T10:00' }] },
    'sources item a number': withBody({ sources: [1] }),
    'illustrative as a string': withBody({ illustrative: 'yes' }),
    'rule with both complete forms': withRule({ dtstart: '2022-01-13', rrule: 'FREQ=YEARLY', relative: { series: 'a', offset_days: -1 } }),
    'rule with neither form': withRule({ duration_minutes: 60 }),
    'relative rule without offset': withRule({ relative: { series: 'a' } }),
    'offset_days not an integer': withRule({ relative: { series: 'a', offset_days: -1.5 } }),
    'rrule without FREQ': withRule({ dtstart: '2022-01-13', rrule: 'BYMONTH=7' }),
    'rrule with the RRULE: prefix': withRule({ dtstart: '2022-01-13', rrule: 'RRULE:FREQ=YEARLY' }),
    'relative rule with rrule': withRule({ rrule: 'FREQ=YEARLY', relative: { series: 'a', offset_days: -1 } }),
    'offset_days beyond a year': withRule({ relative: { series: 'a', offset_days: -400 } }),
    'figure without label': withBody({ figures: [{ metric: 'm', value: 1 }] }),
    'duration 0': withRule({ dtstart: '2022-01-13', rrule: 'FREQ=YEARLY', duration_minutes: 0 }),
    'unknown stage': withStep({ stage: 'approved' }),
    'deliberation decided adopted': withStep({ stage: 'deliberation', decision: 'adopted' }),
    'decision step without decision': withStep({ stage: 'decision' }),
    'decision step decided agreed': withStep({ stage: 'decision', decision: 'agreed' }),
    'merged without merged_into': withStep({ stage: 'decision', decision: 'merged' }),
    'answer without answer': withStep({ stage: 'answer', ministry: 'moef' }),
    'answer without ministry': withStep({ stage: 'answer', answer: 'accepted' }),
    'unknown answer': withStep({ stage: 'answer', ministry: 'moef', answer: 'rejected' }),
    'reflected without reflection': withStep({ stage: 'reflected' }),
    'unknown reflection': withStep({ stage: 'reflected', reflection: 'ordinance' }),
    'step without date': { ...base(), proposals: [{ id: 'p', title: 'P', history: [{ stage: 'submitted' }] }] },
    'proposal without title': { ...base(), proposals: [{ id: 'p' }] },
    'card milestone without title': { ...base(), cards: [{ id: 'c', title: 'C', milestones: [{ due: '2022-01-01' }] }] },
    'card report without text': { ...base(), cards: [{ id: 'c', title: 'C', reports: [{ date: '2022-01-01' }] }] },
    'timezone UTC': { ...base(), timezone: 'UTC' },
  };
  for (const [name, doc] of Object.entries(good)) if (!validate(doc)) fail(`accepts ${name}`, `rejected: ${errText(validate.errors)}`);
  for (const [name, doc] of Object.entries(bad)) if (validate(doc)) fail(`rejects ${name}`, 'was accepted');
  console.log(`   ${Object.keys(good).length} valid and ${Object.keys(bad).length} broken documents`);
}

// ---------------------------------------------------------------- 4. references and consistency
section('ids unique, references resolve, data consistent');
const LISTS = ['sources', 'organizations', 'offices', 'bodies', 'series', 'sessions', 'proposals', 'cards'];
const kindOf = new Map();
for (const list of LISTS) (feed[list] || []).forEach((r, i) => {
  if (kindOf.has(r.id)) fail(`${list}[${i}].id`, `${JSON.stringify(r.id)} is used twice (also in ${kindOf.get(r.id)})`);
  else kindOf.set(r.id, list);
});
const ref = (path, id, ...allowed) => {
  if (id === undefined) return;
  const k = kindOf.get(id);
  if (!k) fail(path, `${JSON.stringify(id)} does not exist`);
  else if (!allowed.includes(k)) fail(path, `${JSON.stringify(id)} is in ${k}, expected ${allowed.join(' or ')}`);
};
const refs = (path, ids, ...allowed) => (ids || []).forEach((id, i) => ref(`${path}[${i}]`, id, ...allowed));
const get = id => feed[kindOf.get(id)]?.find(r => r.id === id);
const datePart = w => w && w.slice(0, 10);

// every `sources` list anywhere in the document
(function walk(v, path) {
  if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
  if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
    if (k === 'sources' && path !== 'feed') (x || []).forEach((s, i) => typeof s === 'string' && ref(`${path}.sources[${i}]`, s, 'sources'));
    walk(x, `${path}.${k}`);
  }
})(feed, 'feed');

ref('publisher.id', feed.publisher.id, 'organizations');
feed.offices.forEach((o, i) => ref(`offices[${i}].org`, o.org, 'organizations'));
feed.bodies.forEach((b, i) => {
  const p = `bodies[${i}]`;
  refs(`${p}.part_of`, b.part_of, 'bodies');
  refs(`${p}.supports`, b.supports, 'bodies');
  refs(`${p}.members`, b.members, 'organizations', 'bodies');
  (b.seats || []).forEach((s, j) => {
    ref(`${p}.seats[${j}].office`, s.office, 'offices');
    (s.holders || []).forEach((h, k) => { if (h.from && h.to && h.from > h.to) fail(`${p}.seats[${j}].holders[${k}]`, 'from after to'); });
  });
  if (!b.sources?.length) fail(p, 'has no sources');
});
// no cycles in part_of + supports
{
  const next = id => [...(get(id)?.part_of || []), ...(get(id)?.supports || [])];
  for (const b of feed.bodies) {
    const seen = new Set(); const stack = [...next(b.id)];
    while (stack.length) { const x = stack.pop(); if (x === b.id) { fail(`bodies ${b.id}`, 'is in a part_of/supports cycle'); break; } if (!seen.has(x)) { seen.add(x); stack.push(...next(x)); } }
  }
}
feed.series.forEach((s, i) => {
  const p = `series[${i}]`;
  ref(`${p}.body`, s.body, 'bodies');
  s.rules.forEach((r, j) => {
    if (r.relative?.body) ref(`${p}.rules[${j}].relative.body`, r.relative.body, 'bodies');
    else if (r.relative) ref(`${p}.rules[${j}].relative.series`, r.relative.series, 'series');
  });
  if (!s.sources?.length) fail(p, 'has no sources');
});

// occurrences of a series between two dates (rrule via the rrule package, relative rules derived)
const floating = w => { const [d, tm = '00:00'] = w.split('T'); const [y, m, dd] = d.split('-').map(Number); const [h, mi] = tm.split(':').map(Number); return new Date(Date.UTC(y, m - 1, dd, h, mi)); };
const unfloat = (dt, allDay) => { const s = dt.toISOString(); return allDay ? s.slice(0, 10) : s.slice(0, 16); };
function occurrences(seriesId, until) {
  const s = get(seriesId); const out = [];
  for (const r of s.rules) {
    if (r.rrule) {
      const allDay = !r.dtstart.includes('T');
      const rule = new RRule({ ...RRule.parseString(r.rrule), dtstart: floating(r.dtstart) });
      for (const dt of rule.between(floating(r.dtstart), floating(until), true)) {
        const w = unfloat(dt, allDay);
        if (r.effective?.from && datePart(w) < r.effective.from) continue;
        if (r.effective?.to && datePart(w) > r.effective.to) continue;
        if ((r.exdates || []).includes(w)) continue;
        out.push(w);
      }
    } else {
      // a body anchor: its series' occurrences not replaced by a record, and its explicit sessions
      const kinds = r.relative.kinds, want = (k) => !kinds || kinds.includes(k || 'other');
      const anchors = r.relative.body
        ? [...feed.series.filter((x) => x.body === r.relative.body && want(x.kind || 'regular')).flatMap((x) => occurrences(x.id, until)
            .filter((w) => !feed.sessions.some((e) => e.series === x.id && e.recurrence_id === w))),
          ...feed.sessions.filter((e) => e.body === r.relative.body && want(e.kind) && e.start <= until).map((e) => e.start)]
        : occurrences(r.relative.series, until);
      for (const w of anchors) {
        const d = floating(datePart(w)); d.setUTCDate(d.getUTCDate() + r.relative.offset_days);
        out.push(unfloat(d, true) + (r.relative.time ? `T${r.relative.time}` : (w.includes('T') ? w.slice(10) : '')));
      }
    }
  }
  return out;
}
feed.series.forEach((s, i) => s.rules.forEach((r, j) => {
  if (r.rrule) { try { RRule.parseString(r.rrule); } catch (e) { fail(`series[${i}].rules[${j}].rrule`, e.message); } }
  if (r.rrule && occurrences(s.id, r.dtstart)[0] !== r.dtstart) fail(`series[${i}].rules[${j}].dtstart`, `${r.dtstart} is not an occurrence of ${r.rrule}`);
}));

feed.sessions.forEach((s, i) => {
  const p = `sessions[${i}]`;
  ref(`${p}.body`, s.body, 'bodies');
  ref(`${p}.series`, s.series, 'series');
  if (s.series && get(s.series) && get(s.series).body !== s.body) fail(`${p}.series`, `belongs to body ${get(s.series).body}, not ${s.body}`);
  if (s.recurrence_id && get(s.series) && !occurrences(s.series, '2031-01-01').includes(s.recurrence_id))
    fail(`${p}.recurrence_id`, `${s.recurrence_id} is not an occurrence of series ${s.series}`);
  if (s.end && s.end < s.start) fail(`${p}.end`, 'before start');
  if (s.status === 'held' && datePart(s.start) > TODAY) fail(`${p}.status`, 'held but in the future');
  if ((s.status || 'scheduled') === 'scheduled' && datePart(s.start) < TODAY) fail(`${p}.status`, 'scheduled but in the past');
  (s.agenda || []).forEach((a, j) => ref(`${p}.agenda[${j}].proposal`, a.proposal, 'proposals'));
  if (!s.sources?.length) fail(p, 'has no sources');
});

const ORDER = ['submitted', 'analysis', 'deliberation', 'decision', 'sent', 'answer', 'reflected', 'closed'];
const coverage = { stage: new Set(), decision: new Set(), answer: new Set(), reflection: new Set(), year: new Set(), dissent: 0, joint: 0, ministries: new Set() };
feed.proposals.forEach((pr, i) => {
  const p = `proposals[${i}]`;
  refs(`${p}.proposers`, pr.proposers, 'organizations', 'bodies');
  refs(`${p}.ministries`, pr.ministries, 'organizations');
  (pr.ministries || []).forEach(m => coverage.ministries.add(m));
  if ((pr.proposers || []).length > 1) coverage.joint++;
  if (!pr.sources?.length) fail(p, 'has no sources');
  const h = pr.history || [];
  if (pr.submitted && h[0]?.date !== pr.submitted) fail(`${p}.submitted`, 'differs from the date of the first step');
  let agreed = false, rank = -1, ended = false;
  h.forEach((st, j) => {
    const q = `${p}.history[${j}]`;
    coverage.stage.add(st.stage); coverage.year.add(st.date.slice(0, 4));
    for (const k of ['decision', 'answer', 'reflection']) if (st[k]) coverage[k].add(st[k]);
    if (st.dissent?.length) coverage.dissent++;
    ref(`${q}.body`, st.body, 'bodies');
    ref(`${q}.session`, st.session, 'sessions');
    ref(`${q}.ministry`, st.ministry, 'organizations');
    ref(`${q}.merged_into`, st.merged_into, 'proposals');
    refs(`${q}.dissent`, st.dissent, 'organizations');
    if (j && st.date < h[j - 1].date) fail(`${q}.date`, 'before the previous step');
    if (ended) fail(q, 'follows a closing step');
    if (st.session) {
      const s = get(st.session);
      if (s && datePart(s.start) !== st.date) fail(`${q}.date`, `differs from the session's date ${datePart(s.start)}`);
      if (s && st.body && s.body !== st.body) fail(`${q}.body`, `differs from the session's body ${s.body}`);
    }
    if (st.dissent?.length && st.decision !== 'dissent') fail(`${q}.dissent`, 'listed without decision dissent');
    if (st.stage === 'deliberation') agreed = st.decision === 'agreed';
    if (['sent', 'answer'].includes(st.stage) && st.ministry && !(pr.ministries || []).includes(st.ministry)) fail(`${q}.ministry`, 'not among the proposal\'s ministries');
    if (st.stage === 'sent' && !agreed) fail(q, 'sent to a ministry without unanimous agreement');
    if (st.stage === 'answer' && !h.slice(0, j).some(x => x.stage === 'sent' && x.ministry === st.ministry)) fail(q, 'answer from a ministry it was not sent to');
    if (st.stage === 'withdrawn' || st.stage === 'closed' || st.decision === 'merged') ended = true;
    const r = ORDER.indexOf(st.stage);
    // the route goes forward; a held-over proposal goes back to deliberation
    if (r >= 0 && r < rank && !(st.stage === 'deliberation' && h.slice(0, j).some(x => x.decision === 'held_over'))) fail(`${q}.stage`, `${st.stage} after ${ORDER[rank]}`);
    if (r >= 0) rank = r;
  });
  if (pr.illustrative && !pr.note) fail(p, 'illustrative without a note');
});
const expect = (what, have, want) => { const miss = want.filter(x => !have.has(x)); if (miss.length) fail(`proposals coverage`, `no ${what} ${miss.join(', ')}`); };
expect('stage', coverage.stage, [...ORDER, 'withdrawn']);
expect('decision', coverage.decision, ['agreed', 'dissent', 'adopted', 'held_over', 'rejected', 'returned', 'merged']);
expect('answer', coverage.answer, ['accepted', 'partly_accepted', 'not_accepted', 'long_term']);
expect('reflection', coverage.reflection, ['law', 'budget', 'national_agenda']);
expect('year', coverage.year, ['2022', '2023', '2024', '2025', '2026']);
if (feed.proposals.filter(p => p.illustrative).length < 30) fail('proposals', 'fewer than 30 illustrative proposals');
if (!coverage.dissent) fail('proposals coverage', 'no deliberation with dissent');
if (!coverage.joint) fail('proposals coverage', 'no joint proposal');

// cards: references, and the state each one is in today
const states = {};
feed.cards.forEach((c, i) => {
  const p = `cards[${i}]`;
  ref(`${p}.session`, c.session, 'sessions');
  ref(`${p}.proposal`, c.proposal, 'proposals');
  refs(`${p}.responsible`, c.responsible, 'organizations', 'bodies');
  ref(`${p}.due_session`, c.due_session, 'sessions');
  (c.reports || []).forEach((r, j) => ref(`${p}.reports[${j}].session`, r.session, 'sessions'));
  if (!c.sources?.length) fail(p, 'has no sources');
  const from = get(c.session);
  let due = c.due_session && get(c.due_session) ? datePart(get(c.due_session).start) : undefined;
  if (!due && from) { // next session of the same body: explicit sessions and occurrences of its series
    const cands = feed.sessions.filter(s => s.body === from.body && !['cancelled', 'postponed'].includes(s.status)).map(s => datePart(s.start));
    for (const s of feed.series.filter(s => s.body === from.body)) cands.push(...occurrences(s.id, '2031-01-01').map(datePart));
    due = cands.filter(d => d > datePart(from.start)).sort()[0];
  }
  if (from && due && due <= datePart(from.start)) fail(`${p}.due_session`, 'not after the session');
  const state = c.reports?.length ? 'reported' : due && due < TODAY ? 'overdue' : 'pending';
  (states[state] ||= []).push(c.id);
  if (c.illustrative && !c.note) fail(p, 'illustrative without a note');
});
for (const s of ['reported', 'overdue', 'pending']) if (!states[s]) fail('cards coverage', `no ${s} card`);

// the seeds' compositions
const seats = id => get(id).seats.reduce((n, s) => ({ ...n, [s.side]: (n[s.side] || 0) + (s.count || 1) }), {});
{
  const cm = seats('cooperation-meeting');
  if (cm.central !== 6 || cm.local !== 19) fail('cooperation-meeting seats', `central ${cm.central} + local ${cm.local}, expected 6 + 19`);
  const gg = seats('gangdong-governance-council');
  if (gg.citizen !== 25 || gg.official !== 5) fail('gangdong-governance-council seats', `citizen ${gg.citizen} + official ${gg.official}, expected 25 + 5`);
  if (seats('ga-general-assembly').local !== 17) fail('ga-general-assembly seats', 'expected 17');
  if (seats('ga-working-council').local !== 17) fail('ga-working-council seats', 'expected 17');
  if (feed.organizations.filter(o => o.kind === 'metropolitan').length !== 17) fail('organizations', 'expected 17 metropolitan');
}
// every illustrative record says why
(function walk(v, path) {
  if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`));
  if (v && typeof v === 'object') {
    if (v.illustrative === true && !v.note) fail(path, 'illustrative without a note');
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  }
})(feed, 'feed');

// ---------------------------------------------------------------- report
const count = Object.fromEntries(LISTS.map(l => [l, (feed[l] || []).length]));
console.log('   records:', JSON.stringify(count));
console.log('   cards today (' + TODAY + '):', JSON.stringify(Object.fromEntries(Object.entries(states).map(([k, v]) => [k, v.length]))));
if (failures.length) {
  console.error(`\n${failures.length} problem(s):`);
  for (const f of failures) console.error('  ' + f);
  process.exit(1);
}
console.log('ok');
