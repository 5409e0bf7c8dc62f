// The wasm boundary as the shipped bundles reach it: wrong argument types never trap (each is a
// TypeError naming the argument), and a trap never poisons the page (lib/core.js drops the
// instance and every Feed, the failing widget shows `wasm.trap`, the others keep working).
// Run via run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, assert, eq, noErrors, open, waitState } from './harness.mjs';

// [bundle, element class it exports, tag]: the element whose first render hands us its Feed
const BUNDLES = [
  ['cogov', 'CogovProposals', 'cogov-proposals'],
  ['cogov-structure', 'CogovStructure', 'cogov-structure'],
  ['cogov-calendar', 'CogovCalendar', 'cogov-calendar'],
  ['cogov-proposals', 'CogovProposals', 'cogov-proposals'],
];

/**
 * In the page: loads `bundle`, renders one `tag` element on the default feed, takes the Feed its
 * render gets (the bundle's own guarded Feed: the glue inside the bundle, its wasm) and makes
 * every wrong-type call. Returns counts and the failures.
 */
async function matrix([bundle, cls, tag]) {
  const mod = await import(`/dist/${bundle}.js`);
  const C = mod[cls];
  const render = C.prototype.render;
  const got = new Promise((resolve) => {
    C.prototype.render = function (feed, lang) {
      resolve(feed);
      return render.call(this, feed, lang);
    };
  });
  document.body.append(Object.assign(document.createElement(tag), { id: 'w' }));
  document.querySelector('#w').setAttribute('src', '/data/feed.json');
  const feed = await got;
  const text = await (await fetch('/data/feed.json')).text();
  const Feed = feed.constructor;

  // every argument: [name, a valid value, required?, type]; type 'string' unless said
  const S = (name, valid, required = true, type = 'string') => ({ name, valid, required, type });
  const SPEC = {
    constructor: [S('text', text), S('part', undefined, false)],
    structure: [S('lang', 'en'), S('root', null, false), S('asOf', null, false)],
    whereSits: [S('office', 'x'), S('lang', 'en')],
    warnings: [],
    sessions: [S('from', '2026-07-01'), S('to', '2026-07-31'), S('bodyId', null, false), S('lang', 'en'), S('now', null, false)],
    sessionStarts: [S('from', '2026-07-01'), S('to', '2026-07-31'), S('bodyId', null, false)],
    nextSessions: [S('today', '2026-07-01'), S('n', 3, true, 'count'), S('bodyId', null, false), S('lang', 'en'), S('now', null, false)],
    nextSession: [S('today', '2026-07-01'), S('bodyId', null, false), S('lang', 'en')],
    ics: [S('bodyId', null, false), S('sessionId', null, false), S('dtstampUtc', '2026-07-01T00:00:00Z'), S('baseUrl', null, false), S('lang', null, false)],
    googleLink: [S('sessionId', 'x'), S('lang', 'en'), S('baseUrl', null, false)],
    session: [S('id', 'x'), S('lang', 'en'), S('now', null, false)],
    calendarBodies: [S('lang', 'en')],
    holidays: [S('from', '2026-09-01'), S('to', '2026-09-30'), S('lang', 'en')],
    proposals: [S('query', null, false, 'object'), S('lang', 'en')],
    proposal: [S('id', 'x'), S('lang', 'en'), S('today', null, false)],
    proposalStats: [S('by', 'year'), S('lang', 'en'), S('weight', null, false, 'number'), S('query', null, false, 'object')],
    changedBetween: [S('sessionA', 'a'), S('sessionB', 'b'), S('lang', 'en')],
    cards: [S('today', null, false), S('lang', 'en')],
    proposalChoices: [S('lang', 'en')],
  };
  const VALUES = [['5', 5], ['1.5', 1.5], ['true', true], ['false', false], ['{}', {}], ['[]', []], ['Symbol()', Symbol()],
    ['10n', 10n], ['null', null], ['undefined', undefined], ['a function', () => {}]];
  const accepts = (a, v) => (v == null ? !a.required
    : a.type === 'string' ? typeof v === 'string'
    : a.type === 'count' ? Number.isInteger(v) && v >= 0
    : a.type === 'number' ? typeof v === 'number'
    : typeof v === 'object' && !Array.isArray(v));

  const methods = Object.getOwnPropertyNames(Feed.prototype).filter((m) => !['constructor', 'free', '__destroy_into_raw'].includes(m));
  const unknown = methods.filter((m) => !SPEC[m]);
  const failures = [];
  let calls = 0, typeErrors = 0, traps = 0;
  const call = (m, args) => (m === 'constructor' ? new Feed(...args) : feed[m](...args));
  for (const m of ['constructor', ...methods.filter((x) => SPEC[x])]) {
    SPEC[m].forEach((a, i) => {
      for (const [label, v] of VALUES) {
        const args = SPEC[m].map((b) => b.valid);
        args[i] = v;
        const what = `${m} ${a.name}=${label}`;
        calls++;
        try {
          const r = call(m, args);
          if (!accepts(a, v)) failures.push(`${what}: accepted`);
          if (m === 'constructor') r.free();
        } catch (e) {
          if (e instanceof WebAssembly.RuntimeError || e?.code === 'wasm.trap' || e?.cause instanceof WebAssembly.RuntimeError) {
            traps++;
            failures.push(`${what}: trapped (${e.message})`);
          } else if (!accepts(a, v)) {
            if (e instanceof TypeError && e.code === 'arg.type' && e.path === a.name && e.message.startsWith(`${a.name} must be `)) typeErrors++;
            else failures.push(`${what}: ${e?.constructor?.name} ${e?.code} ${e?.message}`);
          } else if (!(e instanceof Error) || !e.code || e instanceof TypeError) {
            failures.push(`${what}: a valid value threw ${e?.constructor?.name} ${e?.code} ${e?.message}`);
          }
        }
      }
    });
  }
  // the instance still works: the same feed, and a new one
  const after = [feed.structure('en', null, null).roots.length, new Feed(text, undefined).structure('ko', null, null).roots.length];
  return { methods: methods.length, unknown, calls, typeErrors, traps, failures: failures.slice(0, 20), nFailures: failures.length, after };
}

/**
 * In the page: loads `src`, two widgets on two feeds (`b` first and ready, on another valid feed), and a
 * render hook that makes `a`'s first render trap for real: a call through the guarded Feed
 * prototype on a handle whose pointer is out of the wasm memory ("memory access out of bounds").
 */
async function trapPage(src) {
  const mod = await import(src);
  const { CogovStructure } = mod;
  const render = CogovStructure.prototype.render;
  window.__feeds = [];
  CogovStructure.prototype.render = function (feed, lang) {
    window.__feeds.push([this.id, feed.constructor]);
    if (this.id === 'a' && !window.__trapped) {
      window.__trapped = true;
      Object.getPrototypeOf(feed).structure.call({ __wbg_ptr: 0xfffffff8 }, lang, null, null);
    }
    return render.call(this, feed, lang);
  };
  const add = (id, src) => {
    const el = Object.assign(document.createElement('cogov-structure'), { id });
    document.body.append(el);
    el.setAttribute('src', src);
    return el;
  };
  // b renders first (before the trap), then a
  const b = add('b', '/__fixtures__/broken-proposal.json');
  while (b.getAttribute('state') !== 'ready') await new Promise((r) => setTimeout(r, 10));
  add('a', '/data/feed.json');
  // c: the same feed, fetched with a's, so its first render comes in the turn after a's trap: its
  // feed loads in the instance made at once when a's was dropped
  add('c', '/data/feed.json');
}

const state = (page, id) => page.$eval(id, (el) => ({
  state: el.getAttribute('state'), code: el.error?.code || null, message: el.error?.message || null,
  alert: el.shadowRoot.querySelector('[role=alert]')?.textContent || null,
}));

export const checks = [
  ...BUNDLES.map((b) => ({
    name: `boundary: dist/${b[0]}.js: every wrong-type argument of every Feed method is a TypeError naming it; 0 traps`,
    async run(env) {
      const p = await open(env, '/__fixtures__/boundary.html');
      try {
        const r = await p.page.evaluate(matrix, b);
        console.log(`     ${r.calls} wrong- and right-type calls over ${r.methods + 1} functions: ${r.typeErrors} TypeErrors, ${r.traps} traps`);
        eq(r.unknown, [], 'Feed methods without an argument spec in this test');
        eq(r.traps, 0, 'traps');
        assert(!r.nFailures, `${r.nFailures} calls went wrong:\n       ${r.failures.join('\n       ')}`);
        assert(r.typeErrors > r.calls / 2, `only ${r.typeErrors} TypeErrors of ${r.calls} calls`);
        assert(r.after.every((n) => n > 0), `the instance after the calls: ${r.after}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  })),
  ...['/dist/cogov.js', '/dist/cogov-structure.js', '/cogov.js'].map((src) => ({
    name: `boundary: ${src}: a trap shows wasm.trap in its widget only; the wasm is re-instantiated and every widget renders again`,
    async run(env) {
      const p = await open(env, '/__fixtures__/boundary.html');
      try {
        await p.page.evaluate(trapPage, src);
        eq(await waitState(p.page, '#a', ['error']), 'error', 'the trapping widget');
        eq(await waitState(p.page, '#b'), 'ready', 'the other widget (another feed, rendered before the trap)');
        eq(await waitState(p.page, '#c'), 'ready', 'a widget whose first render comes right after the trap');
        const a = await state(p.page, '#a');
        eq([a.code, a.message], ['wasm.trap', '엔진이 멈춰 다시 시작했습니다. 다시 시도해 주세요'], 'the error (Korean page)');
        assert(a.alert.includes(a.message), `the error box: ${a.alert}`);
        // the other widget re-renders by itself (its view came from the dropped instance: its feed is
        // loaded again, in the new one), then after a change of its own, then the failed one
        await p.page.waitForFunction(() => window.__feeds.filter(([id]) => id === 'b').length === 2);
        await p.page.evaluate(() => document.querySelector('#b').setAttribute('lang', 'en'));
        await p.page.waitForFunction(() => document.querySelector('#b').shadowRoot.querySelector('[lang=en]'));
        eq(await waitState(p.page, '#b'), 'ready', 'the other widget after a re-render');
        await p.page.evaluate(() => document.querySelector('#a').update());
        eq(await waitState(p.page, '#a'), 'ready', 'the failed widget after a re-render');
        const feeds = await p.page.evaluate(() => {
          const [first, ...later] = window.__feeds.map(([, F]) => F);
          return { renders: window.__feeds.map(([id]) => id), fresh: later[0] === first && later.slice(1).every((F) => F !== first && F === later[1]), wasm: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).length };
        });
        eq(feeds.renders, ['b', 'a', 'c', 'b', 'b', 'a'], 'renders');
        assert(feeds.fresh, 'the renders after the trap did not get Feeds of a new instance');
        eq(feeds.wasm, 1, 'wasm fetches (the compiled module is instantiated again, not fetched)');
        const names = await p.page.$eval('#a', (el) => el.shadowRoot.querySelectorAll('[part~=body-name]').length);
        assert(names >= 10, `the failed widget after a re-render shows ${names} bodies`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  })),
  {
    name: 'boundary: a wasm served with another MIME type than application/wasm still loads (compiled from its bytes)',
    async run(env) {
      const context = await env.browser.newContext();
      try {
        await context.route('**/pkg/*.wasm', (route) => route.fulfill({
          body: readFileSync(join(ROOT, 'www', new URL(route.request().url()).pathname)), contentType: 'application/octet-stream',
        }));
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        await page.goto(env.base + '/structure.html');
        eq(await waitState(page, '#structure-only'), 'ready', 'the org chart');
        eq(errors, [], 'page errors');
      } finally {
        await context.close();
      }
    },
  },
];
