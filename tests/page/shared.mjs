// Checks of what every element shares (lib/element.js, lib/core.js): fetch timeout and retry, the
// last good view kept under a notice when a refresh fails, localized fetch and wasm.fetch errors, an inline feed
// loaded once for 1,000 re-renders, one performance mark per element, the <link> stylesheet
// fallback, and hash values that must be ignored. Run via run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, eq, noErrors as clean, open, outDir, ROOT, waitState } from './harness.mjs';

/** No page error, no console error but the browser's own line for each failed request. */
const noErrors = (p) => clean({ ...p, console: p.console.filter((m) => !m.startsWith('error: Failed to load resource')) });

const FEED = readFileSync(join(ROOT, 'www/data/feed.json'), 'utf8');
const PAGE = '/__fixtures__/shared.html';

/**
 * Routes `/__feeds__/NAME` of `page`: `answers[NAME]` is a list of what the successive requests
 * get ('feed', 'stall', 'abort', or an HTTP status); the last one repeats. Returns the request
 * counts by name.
 */
async function feeds(page, answers) {
  const count = {};
  await page.route('**/__feeds__/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/__feeds__/')[1];
    const list = answers[name] || [404];
    const n = (count[name] = (count[name] || 0) + 1);
    const a = list[Math.min(n, list.length) - 1];
    if (a === 'stall') return; // never answered
    if (a === 'abort') return route.abort('failed');
    if (a === 'feed') return route.fulfill({ body: FEED, contentType: 'application/json' });
    return route.fulfill({ status: a, body: 'no', contentType: 'text/plain' });
  });
  return count;
}

/** Adds `html` to the page's body. */
const add = (page, html) => page.evaluate((x) => document.body.insertAdjacentHTML('beforeend', x), html);

/** What a widget shows: state, error code/message, notice text, whether a view is there. */
function look(sel) {
  const el = document.querySelector(sel), root = el.shadowRoot;
  const notice = root.querySelector('[part~=notice]');
  return {
    state: el.getAttribute('state'),
    code: el.error?.code || null,
    message: el.error?.message || null,
    problem: el.error?.problems?.[0]?.message || null,
    notice: notice && { role: notice.getAttribute('role'), text: notice.textContent, first: notice === root.querySelector('[part~=content]').firstElementChild },
    alert: root.querySelector('[role=alert]')?.textContent || null,
    grid: !!root.querySelector('[role=grid]'),
    tree: !!root.querySelector('[role=tree]'),
    month: root.querySelector('[part~=month]')?.textContent || null,
  };
}

async function until(page, sel, fn, what, timeout = 8000) {
  try {
    await page.waitForFunction(([s, f]) => new Function('x', `return (${f})(x)`)(document.querySelector(s)), [sel, String(fn)], { timeout });
  } catch {
    throw new Error(`${what}: not reached in ${timeout} ms; the widget: ${JSON.stringify(await page.evaluate(look, sel))}`);
  }
}

/** Page init script: keeps the page's wasm memory in `window.__memory` (no shipped hook needed). */
const MEMORY = () => {
  const keep = (r) => {
    const exports = (r.instance || r).exports;
    window.__memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
    return r;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (...a) => instantiate(...a).then(keep);
  WebAssembly.instantiateStreaming = (...a) => instantiateStreaming(...a).then(keep);
  // the glue instantiates synchronously (initSync: new WebAssembly.Instance) after a trap
  WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct: (T, a) => keep(Reflect.construct(T, a)) });
};

const inlineFeed = (name) => JSON.stringify({
  cogov: 1,
  publisher: { id: 'town', name: { ko: '시범구', en: 'Sample District' } },
  bodies: [{ id: 'council', kind: 'citizen_council', name: { ko: `${name} 협치회의`, en: `${name} Council` },
    seats: [{ title: { en: 'Citizen members' }, side: 'citizen', count: 24 }] }],
});

export const checks = [
  {
    name: 'shared: a stalled feed ends in fetch.timeout (the timeout attribute), in Korean and English, tried once',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        const count = await feeds(p.page, { 'stall.json': ['stall'] });
        await add(p.page, `<cogov-structure id="ko" lang="ko" src="/__feeds__/stall.json" timeout="0.5"><p>fallback</p></cogov-structure>
          <cogov-calendar id="en" src="/__feeds__/stall.json"></cogov-calendar>`);
        const t = Date.now();
        eq(await waitState(p.page, '#ko', ['error'], 6000), 'error', 'state after the timeout');
        await waitState(p.page, '#en', ['error'], 2000);
        const ms = Date.now() - t;
        assert(ms < 3000, `the timeout of 0.5 s took ${ms} ms`);
        const ko = await p.page.evaluate(look, '#ko'), en = await p.page.evaluate(look, '#en');
        eq([ko.code, en.code], ['fetch.timeout', 'fetch.timeout'], 'codes (one fetch shared by both)');
        eq(ko.message, '0.5초 안에 피드를 받지 못했습니다', 'Korean message');
        eq(en.message, 'no feed within 0.5 s', 'English message');
        assert(ko.alert.includes('0.5초 안에') && ko.alert.includes('(fetch.timeout)') && ko.alert.includes('/__feeds__/stall.json'), `ko alert: ${ko.alert}`);
        eq(count['stall.json'], 1, 'requests (no retry after a timeout)');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: a stalled stylesheet does not keep the widget loading (the timeout applies to it too): css.timeout notice',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        let asked = 0;
        await p.page.route('**/dist/cogov.css', () => asked++); // never answered
        // the timeout applies to the feed too: 2 s leaves a loaded machine time to serve the feed
        await add(p.page, '<cogov-structure id="org" src="/data/feed.json" timeout="2"></cogov-structure>');
        const state = await waitState(p.page, '#org', ['ready', 'error'], 10000);
        eq([state, await p.page.$eval('#org', (el) => el.error?.code || null)], ['ready', 'css.timeout'], 'state (and error) without the stylesheet');
        const got = await p.page.evaluate(look, '#org');
        eq([got.tree, got.notice?.role, got.notice?.first, got.message], [true, 'status', true, "no widget's file within 2 s"], 'the tree is shown (unstyled) under a notice');
        assert(got.notice.text.startsWith('The stylesheet could not be loaded: shown without styles') && got.notice.text.includes('/dist/cogov.css: ')
          && got.notice.text.endsWith('(css.timeout)'), `the notice says why: ${got.notice.text}`);
        assert(asked >= 1, 'the sheet was asked for');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: one retry after a 503, a 429 or a network error, none after a 404; localized fetch errors',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        const count = await feeds(p.page, { 'flaky.json': [503, 'feed'], 'busy.json': [429, 'feed'], 'down.json': ['abort'], 'gone.json': [404] });
        await add(p.page, `<cogov-structure id="flaky" src="/__feeds__/flaky.json"></cogov-structure>
          <cogov-structure id="busy" src="/__feeds__/busy.json"></cogov-structure>
          <cogov-structure id="down" lang="ko" src="/__feeds__/down.json"></cogov-structure>
          <cogov-structure id="gone" lang="ko" src="/__feeds__/gone.json"></cogov-structure>
          <cogov-structure id="gone-en" src="/__feeds__/gone.json"></cogov-structure>
          <cogov-structure id="none" lang="ko"></cogov-structure>`);
        eq(await waitState(p.page, '#flaky', ['ready', 'error'], 8000), 'ready', 'a 503 then the feed');
        eq(await waitState(p.page, '#busy', ['ready', 'error'], 8000), 'ready', 'a 429 then the feed');
        eq(await waitState(p.page, '#down', ['error'], 8000), 'error', 'a network error twice');
        eq(await waitState(p.page, '#gone', ['error'], 8000), 'error', 'a 404');
        eq([count['flaky.json'], count['busy.json'], count['down.json'], count['gone.json']], [2, 2, 2, 1], 'requests');
        const got = {};
        for (const id of ['down', 'gone', 'gone-en', 'none']) got[id] = await p.page.evaluate(look, '#' + id);
        eq([got.down.code, got.down.message], ['fetch.failed', '피드를 가져오지 못했습니다 (네트워크 오류)'], 'ko network error');
        eq([got.gone.code, got.gone.message, got.gone.problem], ['fetch.status', '서버가 404 상태로 응답했습니다', '서버가 404 상태로 응답했습니다'], 'ko 404');
        eq([got['gone-en'].code, got['gone-en'].message], ['fetch.status', 'the server answered 404'], 'en 404');
        eq([got.none.code, got.none.message], ['feed.missing', 'src 속성도 <script type="application/json"> 자식 요소도 없습니다'], 'ko feed.missing');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: a wasm that cannot be fetched is the error wasm.fetch, in Korean and English (320 and 1280 px)',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        await feeds(p.page, { 'ok.json': ['feed'] });
        await p.page.route('**/*_bg.wasm', (route) => route.abort('failed'));
        await add(p.page, `<cogov-structure id="w-ko" lang="ko" src="/__feeds__/ok.json"></cogov-structure>
          <cogov-structure id="w-en" lang="en" src="/__feeds__/ok.json"></cogov-structure>`);
        eq(await waitState(p.page, '#w-ko', ['ready', 'error'], 8000), 'error', 'ko widget without its wasm');
        eq(await waitState(p.page, '#w-en', ['ready', 'error'], 8000), 'error', 'en widget without its wasm');
        const ko = await p.page.evaluate(look, '#w-ko'), en = await p.page.evaluate(look, '#w-en');
        eq([ko.code, ko.message, ko.problem], ['wasm.fetch', '위젯 엔진(wasm)을 가져오지 못했습니다', '위젯 엔진(wasm)을 가져오지 못했습니다'], 'ko wasm.fetch');
        eq([en.code, en.message], ['wasm.fetch', "the widget's engine (wasm) could not be fetched"], 'en wasm.fetch');
        assert(ko.alert && ko.alert.includes('(wasm.fetch)'), `the alert lists the code: ${ko.alert}`);
        for (const width of [320, 1280]) {
          await p.page.setViewportSize({ width, height: 600 });
          await p.page.screenshot({ path: join(outDir(), `shared-wasm-fetch-${width}.png`) });
        }
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: a failing src switch keeps the last good view under a role=status notice (ko/en, 320 and 1280 px)',
    async run(env) {
      for (const width of [320, 1280]) {
        const p = await open(env, PAGE, { viewport: { width, height: 900 } });
        try {
          await feeds(p.page, { 'stall.json': ['stall'], 'down.json': [503], 'good.json': ['feed'] });
          await add(p.page, `<cogov-calendar id="cal" lang="ko" src="/data/feed.json" month="2026-07" today="2026-07-14" view="list"></cogov-calendar>
            <cogov-structure id="org" src="/data/feed.json"></cogov-structure>`);
          await waitState(p.page, '#cal');
          await waitState(p.page, '#org');
          const before = await p.page.evaluate(look, '#cal');
          assert(!before.notice && before.month === '2026년 7월', `first view: ${JSON.stringify(before)}`);

          // a stalled feed: the July list stays, under a Korean notice
          await p.page.evaluate(() => {
            const cal = document.querySelector('#cal');
            cal.setAttribute('timeout', '0.4'); // read when a fetch starts: not an observed attribute
            cal.setAttribute('src', '/__feeds__/stall.json');
          });
          await until(p.page, '#cal', (el) => el.shadowRoot.querySelector('[part~=notice]'), 'ko notice');
          let cal = await p.page.evaluate(look, '#cal');
          eq([cal.state, cal.code, cal.month, cal.alert, cal.notice.role, cal.notice.first], ['ready', 'fetch.timeout', '2026년 7월', null, 'status', true], 'calendar after a stalled switch');
          assert(cal.notice.text.includes('새 데이터를 불러오지 못해') && cal.notice.text.includes('0.4초 안에 피드를 받지 못했습니다'), `ko notice: ${cal.notice.text}`);
          const items = await p.page.$$eval('#cal [part~=item]', (x) => x.length);
          assert(items > 0, 'the last good list is still there');
          await p.page.screenshot({ path: join(outDir(), `shared-stale-ko-${width}.png`) });

          // still usable: the month moves on, from the last feed, under the notice
          await p.page.evaluate(() => document.querySelector('#cal').setAttribute('month', '2026-08'));
          await until(p.page, '#cal', (el) => el.shadowRoot.querySelector('[part~=month]')?.textContent === '2026년 8월', 'next month while stale');
          cal = await p.page.evaluate(look, '#cal');
          assert(cal.notice && cal.state === 'ready', `still stale: ${JSON.stringify(cal)}`);

          // a server error: the notice says so; the English org chart gets an English one
          await p.page.evaluate(() => {
            document.querySelector('#cal').setAttribute('src', '/__feeds__/down.json');
            document.querySelector('#org').setAttribute('src', '/__feeds__/down.json');
          });
          await until(p.page, '#cal', (el) => el.error?.code === 'fetch.status', 'ko 503 notice');
          await until(p.page, '#org', (el) => el.error?.code === 'fetch.status', 'en 503 notice');
          cal = await p.page.evaluate(look, '#cal');
          const org = await p.page.evaluate(look, '#org');
          assert(cal.notice.text.includes('서버가 503 상태로 응답했습니다'), `ko 503 notice: ${cal.notice.text}`);
          eq([org.state, org.tree, !!org.notice, org.alert], ['ready', true, true, null], 'org chart after a failing switch');
          assert(org.notice.text.includes('Could not refresh: showing the data loaded last') && org.notice.text.includes('the server answered 503'), `en notice: ${org.notice.text}`);
          await p.page.screenshot({ path: join(outDir(), `shared-stale-en-${width}.png`) });

          // a good feed again: no notice, no error
          await p.page.evaluate(() => document.querySelector('#org').setAttribute('src', '/__feeds__/good.json'));
          await until(p.page, '#org', (el) => !el.shadowRoot.querySelector('[part~=notice]'), 'notice gone');
          eq((await p.page.evaluate(look, '#org')).code, null, 'element.error after a good switch');
          noErrors(p);
        } finally {
          await p.close();
        }
      }
    },
  },
  {
    name: 'shared: an inline feed is loaded once: 1,000 re-renders keep the wasm memory flat and make one performance mark',
    async run(env) {
      const p = await open(env, PAGE, { init: MEMORY });
      try {
        await p.page.evaluate((text) => {
          const el = document.createElement('cogov-structure');
          el.id = 'inline';
          el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: text }));
          document.body.append(el);
        }, FEED);
        await waitState(p.page, '#inline');
        const r = await p.page.evaluate(async ([a, b]) => {
          const el = document.querySelector('#inline'), script = el.querySelector('script');
          let renders = 0;
          new MutationObserver(() => renders++).observe(el.shadowRoot, { childList: true });
          const ch = new MessageChannel();
          const tick = () => new Promise((r) => { ch.port1.onmessage = r; ch.port2.postMessage(0); });
          const name = () => el.shadowRoot.querySelector('[part~=body-name]')?.textContent;
          for (let i = 0; i < 10; i++) el.update(), await tick();
          const before = window.__memory.buffer.byteLength;
          for (let i = 0; i < 1000; i++) el.update(), await tick();
          const after = window.__memory.buffer.byteLength;
          // a changed text loads again (and frees the Feed it replaces)
          const names = [];
          for (let i = 0; i < 200; i++) {
            script.textContent = i % 2 ? a : b;
            el.update();
            await tick();
            if (i < 2) names.push(name());
          }
          const changed = window.__memory.buffer.byteLength - after;
          return { before, after, changed, renders, names, marks: performance.getEntriesByName('cogov-ready').length, state: el.getAttribute('state') };
        }, [inlineFeed('Alpha'), inlineFeed('Beta')]);
        const mb = (n) => (n / 2 ** 20).toFixed(2);
        console.log(`     default feed inline: wasm memory over 1,000 re-renders ${mb(r.before)} -> ${mb(r.after)} MB; 200 text changes +${mb(r.changed)} MB; ${r.renders} renders, ${r.marks} marks`);
        assert(r.renders >= 1200, `renders observed: ${r.renders}`);
        // main grew 2.6 -> 10.9 MB here (one Feed per re-render); a few 64 KB pages are allowed for the allocator
        assert(r.after - r.before <= 2 ** 18, `1,000 re-renders grew the wasm memory by ${r.after - r.before} bytes`);
        assert(r.changed <= 2 ** 20, `200 text changes grew the wasm memory by ${r.changed} bytes`);
        eq(r.names, ['Beta Council', 'Alpha Council'], 'a changed inline text is shown');
        eq([r.marks, r.state], [1, 'ready'], 'cogov-ready marks of the one widget, and its state');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: a broken inline text keeps the last good view under the notice',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        await p.page.evaluate((text) => {
          const el = document.createElement('cogov-structure');
          el.id = 'inline';
          el.setAttribute('lang', 'ko');
          el.append(Object.assign(document.createElement('script'), { type: 'application/json', textContent: text }));
          document.body.append(el);
        }, inlineFeed('Alpha'));
        await waitState(p.page, '#inline');
        await p.page.evaluate(() => {
          const el = document.querySelector('#inline');
          el.querySelector('script').textContent = '{"cogov": 1, ';
          el.update();
        });
        await until(p.page, '#inline', (el) => el.shadowRoot.querySelector('[part~=notice]'), 'notice');
        const got = await p.page.evaluate(look, '#inline');
        eq([got.state, got.tree, got.alert, got.code.startsWith('json')], ['ready', true, null, true], 'state, last good tree, no alert, a JSON error');
        assert(got.notice.text.startsWith('새 데이터를 불러오지 못해'), `notice: ${got.notice.text}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: without constructable stylesheets the <link> fallback styles every render',
    async run(env) {
      const init = () => {
        delete CSSStyleSheet.prototype.replace;
        delete ShadowRoot.prototype.adoptedStyleSheets;
      };
      const p = await open(env, '/index.html', { init });
      try {
        await waitState(p.page, '#structure-en');
        const styled = () => {
          const root = document.querySelector('#structure-en').shadowRoot;
          const tree = root.querySelector('[role=tree]'), row = root.querySelector('.row');
          return { adopted: root.adoptedStyleSheets === undefined, links: root.querySelectorAll('link').length,
            list: tree && getComputedStyle(tree).listStyleType, row: row && getComputedStyle(row).display };
        };
        const want = { adopted: true, links: 1, list: 'none', row: 'flex' };
        // the sheet arrives after the first render
        for (let t = Date.now(); Date.now() - t < 4000 && JSON.stringify(await p.page.evaluate(styled)) !== JSON.stringify(want);) await p.page.waitForTimeout(50);
        eq(await p.page.evaluate(styled), want, 'first render: styled by one <link>');
        for (const lang of ['ko', 'en', 'ko']) {
          await p.page.evaluate((l) => document.querySelector('#structure-en').setAttribute('lang', l), lang);
          await p.page.waitForFunction((l) => document.querySelector('#structure-en').shadowRoot.querySelector('[part~=content]')?.lang === l, lang);
          eq(await p.page.evaluate(styled), want, `re-render in ${lang}: still styled, still one <link>`);
        }
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: a malformed #session= link is ignored (on load and on hashchange)',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html#session=%E0%A4%A');
      try {
        eq(await waitState(p.page, '#ko', ['ready', 'error']), 'ready', 'state with a malformed hash');
        eq((await p.page.evaluate(look, '#ko')).alert, null, 'no error box');
        await p.page.evaluate(() => (location.hash = '#session=%E0%A4%A%'));
        await p.page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
        const after = await p.page.evaluate(look, '#en');
        eq([after.state, after.alert], ['ready', null], 'after a malformed hashchange');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'shared: unknown #proposals= values (page, sort, by, id) are dropped, not shown as errors',
    async run(env) {
      const hashes = ['page:-3', 'sort:nope', 'page:abc', 'page:1.5', 'page:999', 'view:stats,by:nope', 'view:detail,id:no-such-proposal', 'desc:maybe,sort:title'];
      const p = await open(env, '/__fixtures__/one-proposals.html');
      try {
        const sel = 'cogov-proposals';
        await waitState(p.page, sel);
        for (const hash of hashes) {
          await p.page.evaluate((x) => (location.hash = `#${document.querySelector('cogov-proposals').getAttribute('hash-key') || 'proposals'}=${x}`), hash);
          await p.page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
          const got = await p.page.evaluate((s) => {
            const root = document.querySelector(s).shadowRoot;
            return { state: document.querySelector(s).getAttribute('state'), alert: root.querySelector('[role=alert]')?.textContent || null,
              rows: root.querySelectorAll('[part~=table] tbody tr').length, chart: !!root.querySelector('[part~=chart]') };
          }, sel);
          eq([got.state, got.alert], ['ready', null], `#…=${hash}: state and error box`);
          assert(got.rows > 0 || got.chart, `#…=${hash} shows the list or the chart: ${JSON.stringify(got)}`);
        }
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
];
