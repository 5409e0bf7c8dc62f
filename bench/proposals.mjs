// Proposals benchmark: cogov (release wasm, through the shipped `Feed` API) against JSON.parse +
// ajv and a plain JS implementation of the same filter and statistics, in one node process.
//
//   node bench/proposals.mjs [--runs N] [--sizes 1000,10000,100000]
//
// a. load + validate the largest feed: `new Feed(text)` vs `JSON.parse(text)` + ajv against
//    www/feed.schema.json (text is a JS string, as a widget gets it from `fetch().text()`);
// b. filter + statistics: `feed.proposals({ministry, year, limit: 20})` +
//    `feed.proposalStats('ministry', 'en', 0.5, {year})` vs plain JS over the parsed objects
//    (same definitions as src/proposals/stats.rs; both results are compared);
// c. scaling of a. and b. over the sizes.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadCogov, bench, spread, ms, ratio, goal, env, root, require, median } from './lib.mjs';
import { generate } from './gen_proposals.mjs';

const Ajv2020 = require('ajv/dist/2020');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', 5));
const SIZES = opt('--sizes', '1000,10000,100000').split(',').map(Number);
const COLD = opt('--cold', String(SIZES[SIZES.length - 1])).split(',').map(Number);
const MINISTRY = 'moef', YEAR = 2024;

const cogov = await loadCogov();
console.log(`# proposals benchmark — ${env()}`);
console.log(`# times are medians of ${RUNS} timed runs (after 1 warm-up run) unless said otherwise; the machine is shared, so expect noise\n`);

const schema = JSON.parse(fs.readFileSync(`${root}www/feed.schema.json`, 'utf8'));
const validateSchema = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

// ------------------------------------------------------------ plain JS (src/proposals semantics)
const STAGES = ['submitted', 'analysis', 'deliberation', 'decision', 'sent', 'answer', 'reflected', 'closed', 'withdrawn'];
const STAGE_NO = Object.fromEntries(STAGES.map((s, i) => [s, i]));
const DAY = 86400000;

/** Current stage and per-ministry latest answers (index.rs `state`). */
function state(p) {
  const out = [];
  const slot = m => {
    let r = out.find(x => x.ministry === m);
    if (!r) out.push(r = { ministry: m, sent: null, answer: null });
    return r;
  };
  for (const s of p.history || []) {
    if (s.stage === 'sent') for (const m of s.ministry ? [s.ministry] : p.ministries || []) { const r = slot(m); r.sent ??= s.date; }
    else if (s.stage === 'answer' && s.ministry && s.answer) slot(s.ministry).answer = s.answer;
  }
  const h = p.history || [];
  return { stage: h.length ? h[h.length - 1].stage : null, answers: out };
}
/** AnswerClass::overall, with a withdrawn proposal's unanswered ministries left out. */
function overall(stage, answers) {
  let list = answers.map(a => a.answer);
  if (stage === 'withdrawn') list = list.filter(a => a !== null);
  if (!list.length) return null;
  if (list.includes(null)) return 'pending';
  if (list.every(a => a === 'accepted')) return 'accepted';
  if (list.some(a => a === 'accepted' || a === 'partly_accepted')) return 'partly_accepted';
  if (list.includes('long_term')) return 'long_term';
  return 'not_accepted';
}
const yearOf = p => Number((p.submitted ?? p.history?.[0]?.date ?? '').slice(0, 4)) || null;
/** Days in each stage: runs of one stage, ended stays only, repeated stays add up. */
function days(h) {
  const out = new Array(9).fill(null);
  let start = 0;
  for (let j = 1; j < h.length; j++) {
    if (h[j].stage !== h[start].stage) {
      const d = Math.max(0, Math.round((Date.parse(h[j].date) - Date.parse(h[start].date)) / DAY));
      const k = STAGE_NO[h[start].stage];
      out[k] = (out[k] ?? 0) + d;
      start = j;
    }
  }
  return out;
}
const counts = () => ({ accepted: 0, partly_accepted: 0, not_accepted: 0, long_term: 0, pending: 0 });
const answered = c => c.accepted + c.partly_accepted + c.not_accepted + c.long_term;
const group = (key, c, w) => {
  const n = answered(c);
  return { key, ...c, answered: n, total: n + c.pending, rate: n ? (c.accepted + w * c.partly_accepted) / n : null, strict_rate: n ? c.accepted / n : null };
};
const medianOf = v => {
  if (!v.length) return null;
  v.sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
function matches(p, st, f) {
  if (f.year != null && yearOf(p) !== f.year) return false;
  if (f.ministry != null && !st.answers.some(a => a.ministry === f.ministry)) return false;
  return true;
}
/** `feed.proposals({ministry, year, limit})`: total and the first page by submission date. */
function jsList(proposals, f, limit) {
  const hits = [];
  for (const p of proposals) {
    const st = state(p);
    if (matches(p, st, f)) hits.push({ p, st });
  }
  hits.sort((a, b) => ((a.p.submitted ?? a.p.history?.[0]?.date ?? '') < (b.p.submitted ?? b.p.history?.[0]?.date ?? '') ? -1 : (a.p.submitted ?? '') > (b.p.submitted ?? '') ? 1 : 0));
  return {
    total: hits.length,
    items: hits.slice(0, limit).map(({ p, st }) => ({ id: p.id, stage: st.stage, answer: overall(st.stage, st.answers), ministries: st.answers.map(a => ({ id: a.ministry, answer: a.answer ?? 'pending' })) })),
  };
}
/** `feed.proposalStats('ministry', lang, w, f)`: groups, overall, funnel and median days. */
function jsStats(proposals, f, w = 0.5) {
  const by = new Map(), all = counts();
  const reached = new Array(9).fill(0), current = new Array(9).fill(0), dayLists = STAGES.map(() => []);
  let n = 0;
  for (const p of proposals) {
    const st = state(p);
    if (!matches(p, st, f)) continue;
    n++;
    const h = p.history || [];
    if (st.stage) current[STAGE_NO[st.stage]]++;
    days(h).forEach((d, k) => d !== null && dayLists[k].push(d));
    const seen = new Set(h.map(s => s.stage));
    for (const s of seen) reached[STAGE_NO[s]]++;
    const cls = overall(st.stage, st.answers);
    if (cls === null) continue;
    all[cls]++;
    for (const a of st.answers) {
      if (!by.has(a.ministry)) by.set(a.ministry, counts());
      by.get(a.ministry)[a.answer ?? 'pending']++;
    }
  }
  const groups = [...by].map(([k, c]) => group(k, c, w)).filter(g => g.total > 0)
    .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    proposals: n, groups, overall: group('all', all, w),
    stages: STAGES.map((s, k) => ({ stage: s, reached: reached[k], current: current[k], median_days: medianOf(dayLists[k]) })),
  };
}

// ------------------------------------------------------------ comparisons
const strip = s => ({
  proposals: s.proposals,
  groups: s.groups.map(({ key, accepted, partly_accepted, not_accepted, long_term, pending, answered, total, rate, strict_rate }) => ({ key, accepted, partly_accepted, not_accepted, long_term, pending, answered, total, rate, strict_rate })),
  overall: (({ accepted, partly_accepted, not_accepted, long_term, pending, answered, total, rate, strict_rate }) => ({ key: 'all', accepted, partly_accepted, not_accepted, long_term, pending, answered, total, rate, strict_rate }))(s.overall),
  stages: s.stages.map(({ stage, reached, current, median_days }) => ({ stage, reached, current, median_days })),
});
const stripList = l => ({ total: l.total, items: l.items.map(i => ({ id: i.id, stage: i.stage, answer: i.answer, ministries: i.ministries.map(m => ({ id: m.id, answer: m.answer })) })) });
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function cogovQuery(feed) {
  const list = feed.proposals({ ministry: MINISTRY, year: YEAR, limit: 20 }, 'en');
  const stats = feed.proposalStats('ministry', 'en', 0.5, { year: YEAR });
  return { list, stats };
}
function jsQuery(proposals) {
  return { list: jsList(proposals, { ministry: MINISTRY, year: YEAR }, 20), stats: jsStats(proposals, { year: YEAR }) };
}

function measure(n, { verbose }) {
  const feedObj = generate(n);
  const text = JSON.stringify(feedObj);
  const mb = Buffer.byteLength(text) / 1e6;
  const file = `/tmp/cogov-bench-proposals-${n}.json`;
  fs.writeFileSync(file, text);
  let native = '';
  const cli = `${root}target/release/cogov`;
  if (fs.existsSync(cli)) {
    const out = execFileSync(cli, ['validate', file], { encoding: 'utf8' }).trim().split('\n').pop();
    native = out.replace(`${file}: `, '');
  }
  if (verbose) console.log(`   feed: ${n} proposals, ${mb.toFixed(1)} MB UTF-8 (${file}); cogov validate (native CLI): ${native || 'not built'}`);

  // load + validate
  // Only the load is timed: the previous run's feed is freed (and the JS heap collected, when
  // node runs with --expose-gc) before each run, untimed, on both sides.
  let loaded = null;
  const gc = globalThis.gc ?? (() => {});
  const lc = bench(() => { loaded = new cogov.Feed(text); return loaded.warnings().length; }, { runs: RUNS, setup: () => { loaded?.free(); loaded = null; gc(); } });
  loaded?.free();
  let parsed0 = null;
  const la = bench(() => { parsed0 = JSON.parse(text); const ok = validateSchema(parsed0); return ok ? 0 : validateSchema.errors.length; }, { runs: RUNS, setup: () => { parsed0 = null; gc(); } });
  parsed0 = null;
  if (lc.result !== 0 || la.result !== 0) console.log(`   !! cogov warnings ${lc.result}, ajv errors ${la.result}`);

  // cold: one load in a fresh node process per run (page load), alternating the two sides
  let cold = null;
  if (COLD.includes(n)) {
    const runs = { cogov: [], ajv: [] };
    for (let i = 0; i < Math.max(3, Math.min(RUNS, 5)); i++) {
      for (const what of ['cogov', 'ajv']) {
        const out = JSON.parse(execFileSync(process.execPath, [`${root}bench/cold_load.mjs`, what, file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
        if (!out.ok) console.log(`   !! cold ${what} run did not validate cleanly`);
        runs[what].push(out.ms);
      }
    }
    cold = { cogov: median(runs.cogov), ajv: median(runs.ajv), n: runs.cogov.length, all: runs };
  }

  // filter + stats: first call (index built lazily), then warm
  const firsts = [];
  let feed;
  for (let i = 0; i < 3; i++) {
    feed?.free();
    feed = new cogov.Feed(text);
    const t = performance.now();
    cogovQuery(feed);
    firsts.push(performance.now() - t);
  }
  firsts.sort((a, b) => a - b);
  const qc = bench(() => cogovQuery(feed), { runs: RUNS * 3 });
  const parsed = JSON.parse(text).proposals;
  const qj = bench(() => jsQuery(parsed), { runs: RUNS * 3 });
  const ok = same(stripList(qc.result.list), jsList(parsed, { ministry: MINISTRY, year: YEAR }, 20)) && same(strip(qc.result.stats), strip(qj.result.stats));
  if (verbose) {
    const c = qc.result;
    console.log(`   query: ${MINISTRY} in ${YEAR}: ${c.list.total} proposals (page of ${c.list.items.length}); stats by ministry over ${YEAR}: ${c.stats.proposals} proposals, ${c.stats.groups.length} ministries, overall rate ${c.stats.overall.rate.toFixed(4)} (${c.stats.overall.answered} answered)`);
    console.log(`   cogov and plain JS agree on the list (total, ids, stages, answers) and every statistic: ${ok ? 'yes' : 'NO'}`);
    if (!ok) {
      console.log('   cogov:', JSON.stringify(strip(c.stats)).slice(0, 600));
      console.log('   js:   ', JSON.stringify(strip(qj.result.stats)).slice(0, 600));
    }
  }
  feed.free();
  return { n, mb, lc, la, cold, first: firsts[1], qc, qj, ok };
}

const results = SIZES.map(n => {
  console.log(`## ${n} proposals`);
  const r = measure(n, { verbose: true });
  console.log(`   load+validate  cogov new Feed(text)           : ${spread(r.lc)}`);
  console.log(`                  JSON.parse + ajv (schema)       : ${spread(r.la)}   → cogov/JS ${ratio(r.lc.median / r.la.median)}`);
  if (r.cold) {
    console.log(`   cold load (fresh node process per run, n=${r.cold.n} each): cogov ${ms(r.cold.cogov)}, JSON.parse + ajv ${ms(r.cold.ajv)} → cogov/JS ${ratio(r.cold.cogov / r.cold.ajv)}`);
    console.log(`     (runs: cogov ${r.cold.all.cogov.map(x => x.toFixed(0)).join(', ')}; ajv ${r.cold.all.ajv.map(x => x.toFixed(0)).join(', ')} ms)`);
  }
  console.log(`   filter+stats   cogov first call (index built)  : ${ms(r.first)} (median of 3 fresh feeds)`);
  console.log(`                  cogov warm                      : ${spread(r.qc)}`);
  console.log(`                  plain JS                        : ${spread(r.qj)}   → cogov warm/JS ${ratio(r.qc.median / r.qj.median)}, first/JS ${ratio(r.first / r.qj.median)}\n`);
  return r;
});

console.log('## c. scaling (medians; per-proposal time in µs)');
console.log('   proposals     MB | load cogov   µs/p | load JS+ajv  µs/p | first q   | warm q  µs/p | JS q    µs/p');
for (const r of results) {
  const per = t => ((t * 1000) / r.n).toFixed(2).padStart(6);
  console.log(`   ${String(r.n).padStart(9)} ${r.mb.toFixed(1).padStart(6)} | ${ms(r.lc.median).padStart(10)} ${per(r.lc.median)} | ${ms(r.la.median).padStart(10)} ${per(r.la.median)} | ${ms(r.first).padStart(9)} | ${ms(r.qc.median).padStart(8)} ${per(r.qc.median)} | ${ms(r.qj.median).padStart(8)} ${per(r.qj.median)}`);
}
if (results.length > 1) {
  const [a, b] = [results[results.length - 2], results[results.length - 1]];
  const f = (x, y) => ((y / b.n) / (x / a.n)).toFixed(2);
  console.log(`   per-proposal time at ${b.n} ÷ at ${a.n}: load cogov ${f(a.lc.median, b.lc.median)}, load JS ${f(a.la.median, b.la.median)}, first query ${f(a.first, b.first)}, warm query ${f(a.qc.median, b.qc.median)}, JS query ${f(a.qj.median, b.qj.median)} (1.00 = linear)`);
}

const big = results[results.length - 1];
console.log('\n## goals (largest size)');
goal(`2a load+validate ≤ 1.0× JSON.parse+ajv, in one warm process (${big.n})`, big.lc.median <= big.la.median, `${ratio(big.lc.median / big.la.median)} (${ms(big.lc.median)} vs ${ms(big.la.median)})`);
if (big.cold) goal(`2a load+validate ≤ 1.0× JSON.parse+ajv, cold, a fresh process per run (${big.n})`, big.cold.cogov <= big.cold.ajv, `${ratio(big.cold.cogov / big.cold.ajv)} (${ms(big.cold.cogov)} vs ${ms(big.cold.ajv)})`);
goal(`2b filter+stats warm < 8 ms and ≤ 1.0× plain JS (${big.n})`, big.qc.median < 8 && big.qc.median <= big.qj.median && big.ok, `${ms(big.qc.median)}, ${ratio(big.qc.median / big.qj.median)} of JS (${ms(big.qj.median)}); results agree: ${big.ok}`);
console.log(`INFO first filter+stats call (builds the index; not a goal): ${ms(big.first)}, ${ratio(big.first / big.qj.median)} of plain JS`);
