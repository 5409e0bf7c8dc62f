// Checks of the elements' script API (lib/element.js and the elements): JS properties reflecting
// the attributes, `el.feed`, `el.refresh()` and the `refresh` attribute against a feed server
// with an ETag that starts failing, the events cogov-ready / cogov-error / cogov-change and a
// cancelable cogov-select, `el.focus()`, and the `history` attribute on a hash-routed host page.
// Run via run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, eq, noErrors as clean, open, outDir, ROOT, waitState } from './harness.mjs';

/** No page error, no console error but the browser's own line for each failed request. */
const noErrors = (p) => clean({ ...p, console: p.console.filter((m) => !m.startsWith('error: Failed to load resource')) });

const FEED = readFileSync(join(ROOT, 'www/data/feed.json'), 'utf8');
const PAGE = '/__fixtures__/shared.html';
const LAST_MODIFIED = 'Tue, 01 Dec 2026 00:00:00 GMT';
const add = (page, html) => page.evaluate((x) => document.body.insertAdjacentHTML('beforeend', x), html);

/** Page init script: records every cogov-* event (target id, type, detail, defaultPrevented) in `window.__events`. */
const EVENTS = () => {
  window.__events = [];
  for (const type of ['cogov-ready', 'cogov-error', 'cogov-change', 'cogov-select']) {
    document.addEventListener(type, (e) => window.__events.push({ id: e.target.id, type, detail: JSON.parse(JSON.stringify(e.detail)), cancelable: e.cancelable }));
  }
  // renders of each widget: the shadow root's children replaced (lib/element.js #show)
  window.__renders = {};
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (o) {
    const root = attach.call(this, o);
    new MutationObserver(() => (window.__renders[this.id] = (window.__renders[this.id] || 0) + 1)).observe(root, { childList: true });
    return root;
  };
};
const events = (page, type) => page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type);
const renders = (page) => page.evaluate(() => ({ ...window.__renders }));
/** Waits a little for anything queued (renders are batched per microtask, first renders per frame). */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));

function look(sel) {
  const el = document.querySelector(sel), root = el.shadowRoot;
  const notice = root.querySelector('[part~=notice]');
  return {
    state: el.getAttribute('state'),
    code: el.error?.code || null,
    notice: notice?.textContent || null,
    alert: root.querySelector('[role=alert]')?.textContent || null,
    names: [...root.querySelectorAll('[part~=body-name]')].slice(0, 2).map((x) => x.textContent),
    detail: root.querySelector('[part~=detail-name]')?.textContent || null,
    panel: !!root.querySelector('[part~=detail]:not([hidden])'),
    month: root.querySelector('[part~=month]')?.textContent || null,
    selected: root.querySelector('[aria-selected=true][role=treeitem]')?.dataset.key || null,
    tab: root.querySelector('[role=tab][aria-selected=true]')?.dataset.view || null,
  };
}

export const checks = [
  {
    name: 'api: JS properties reflect the attributes (typed), also when set before the element is defined',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        await add(p.page, `<cogov-calendar id="c" src="/data/feed.json" lang="en" month="2026-07" today="2026-07-14"></cogov-calendar>
          <cogov-structure id="s" src="/data/feed.json" as-of="2026-01-01"></cogov-structure><cogov-proposals id="p" src="/data/feed.json" hash-key="k"></cogov-proposals>`);
        await waitState(p.page, '#c');
        const got = await p.page.evaluate(() => {
          const c = document.getElementById('c'), s = document.getElementById('s'), pr = document.getElementById('p');
          const before = [c.src, c.lang, c.month, c.today, c.view, c.body, c.history, c.timeout, typeof c.refresh, s.asOf, pr.hashKey, pr.view];
          c.month = '2026-09';
          c.view = 'list';
          c.timeout = 30;
          c.history = 'hash';
          c.refresh = 60;
          s.asOf = null;
          pr.hashKey = 'other';
          const attrs = [c.getAttribute('month'), c.getAttribute('view'), c.getAttribute('timeout'), c.getAttribute('history'), c.getAttribute('refresh'), s.hasAttribute('as-of'), pr.getAttribute('hash-key')];
          const after = [c.month, c.timeout, typeof c.timeout, typeof c.refresh, c.getAttribute('refresh')];
          c.refresh = null;
          c.timeout = undefined;
          return { before, attrs, after, removed: [c.hasAttribute('refresh'), c.hasAttribute('timeout')] };
        });
        eq(got.before, ['/data/feed.json', 'en', '2026-07', '2026-07-14', null, null, null, null, 'function', '2026-01-01', 'k', null], 'getters (null when absent)');
        eq(got.attrs, ['2026-09', 'list', '30', 'hash', '60', false, 'other'], 'setters set the attributes');
        eq(got.after, ['2026-09', 30, 'number', 'function', '60'], 'timeout is a number; el.refresh stays the method');
        eq(got.removed, [false, false], 'null and undefined remove the attribute');
        await p.page.waitForFunction(() => document.getElementById('c').shadowRoot.querySelector('[part~=month]')?.textContent === 'September 2026');

        // a page (or a framework) that sets properties before the bundle defined the tag
        const late = await p.page.evaluate(async () => {
          const el = document.createElement('cogov-late');
          el.id = 'late';
          el.month = '2026-08';
          el.today = '2026-07-14';
          el.lang = 'en';
          el.feed = await (await fetch('/data/feed.json')).json();
          document.body.append(el);
          const { CogovCalendar } = await import('/dist/cogov.js');
          class Late extends CogovCalendar {}
          Late.define('cogov-late');
          return [Object.hasOwn(el, 'month'), el.getAttribute('month'), typeof el.feed];
        });
        eq(late, [false, '2026-08', 'object'], 'own properties set before the upgrade go through the accessors');
        await waitState(p.page, '#late');
        eq((await p.page.evaluate(look, '#late')).month, 'August 2026', 'the late element shows its month');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'api: cogov-ready, cogov-error, cogov-change on user changes only, cancelable cogov-select (preventDefault stops the default action)',
    async run(env) {
      const p = await open(env, PAGE, { init: EVENTS });
      try {
        await add(p.page, `<cogov-calendar id="c" src="/data/feed.json" lang="en" month="2026-07" today="2026-07-14"></cogov-calendar>
          <cogov-structure id="s" src="/data/feed.json" lang="en"></cogov-structure>
          <cogov-proposals id="p" src="/data/feed.json" lang="en" today="2026-11-22"></cogov-proposals>
          <cogov-structure id="bad" src="/no/such/feed.json" lang="ko"></cogov-structure>`);
        for (const s of ['#c', '#s', '#p']) await waitState(p.page, s);
        await waitState(p.page, '#bad', ['error']);
        await settle(p.page);
        const ready = await events(p.page, 'cogov-ready');
        eq(ready.map((e) => [e.id, e.detail.url, e.cancelable]).sort(), [['c', '/data/feed.json', false], ['p', '/data/feed.json', false], ['s', '/data/feed.json', false]], 'one cogov-ready per element');
        const errs = await events(p.page, 'cogov-error');
        eq(errs.map((e) => [e.id, e.detail.error.code, e.detail.stale]), [['bad', 'fetch.status', false]], 'cogov-error with the error object');
        eq(errs[0].detail.error.message, '서버가 404 상태로 응답했습니다', 'the error in the widget\'s language');

        // attribute changes from script: no cogov-change, no second cogov-ready
        await p.page.evaluate(() => (document.getElementById('c').month = '2026-08'));
        await settle(p.page);
        eq((await events(p.page, 'cogov-change')).length, 0, 'no cogov-change for a change made by script');
        const click = (sel, css) => p.page.evaluate(([s, c]) => document.querySelector(s).shadowRoot.querySelector(c).click(), [sel, css]);
        await click('#c', '[data-k=next]');
        await click('#c', '[data-k=list]');
        await p.page.evaluate(() => {
          const f = document.getElementById('c').shadowRoot.querySelector('[part~=filter]');
          f.value = 'ga-general-assembly';
          f.dispatchEvent(new Event('change'));
        });
        await click('#p', '[data-view=stats]');
        await settle(p.page);
        const changes = (await events(p.page, 'cogov-change')).map((e) => [e.id, e.detail.name, e.detail.value]);
        eq(changes, [['c', 'month', '2026-09'], ['c', 'view', 'list'], ['c', 'body', 'ga-general-assembly'], ['p', 'view', 'stats']], 'cogov-change on the visitor\'s changes');
        eq((await events(p.page, 'cogov-change')).at(-1).detail.state, { view: 'stats' }, 'the proposals\' change carries the whole state');
        eq((await events(p.page, 'cogov-ready')).length, 3, 'no cogov-ready for re-renders of the same data');

        // a host that handles the choice itself
        await p.page.evaluate(() => document.addEventListener('cogov-select', (e) => e.preventDefault()));
        await click('#c', '[data-k=grid]');
        await p.page.evaluate(() => document.getElementById('c').removeAttribute('body'));
        await settle(p.page);
        await click('#c', '.list [data-id], [data-id]');
        await click('#s', '[role=treeitem] [role=treeitem] .row');
        await click('#p', '[data-view=list]');
        await settle(p.page);
        await click('#p', '[part~=proposal-link]');
        await settle(p.page);
        const sel = await events(p.page, 'cogov-select');
        eq(sel.map((e) => [e.id, e.detail.kind, e.cancelable]), [['c', 'session', true], ['s', 'body', true], ['p', 'proposal', true]], 'cogov-select is cancelable');
        const [c, s, pr] = await Promise.all(['#c', '#s', '#p'].map((x) => p.page.evaluate(look, x)));
        eq([c.panel, s.selected?.split('/').length, pr.tab], [false, 2, 'list'], 'prevented: no panel, the first body still selected, the list still shown');
        eq(await p.page.evaluate(() => location.hash), '', 'the hash untouched');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'api: refresh re-fetches with If-None-Match (304: no parse, no render), a changed feed renders once, a failing server keeps the last good view under a localized notice',
    async run(env) {
      const p = await open(env, PAGE, { init: EVENTS });
      try {
        // the feed server: ETag "v1" and 304 for it, then a changed feed ("v2"), then 500s, then "v2" again
        const server = { mode: 'v1', requests: [] };
        const v2 = FEED.replace('"en": "Central-Local Government Cooperation Meeting"', '"en": "Central-Local Government Cooperation Meeting (renamed)"');
        assert(v2 !== FEED, 'the changed feed differs');
        await p.page.route('**/__feeds__/live.json', (route) => {
          const inm = route.request().headers()['if-none-match'] || null, ims = route.request().headers()['if-modified-since'] || null;
          server.requests.push({ mode: server.mode, inm, ims });
          if (server.mode === 'fail') return route.fulfill({ status: 500, body: 'down', contentType: 'text/plain' });
          const etag = server.mode === 'v1' ? '"v1"' : '"v2"';
          if (inm === etag) return route.fulfill({ status: 304, headers: { etag } });
          route.fulfill({ body: server.mode === 'v1' ? FEED : v2, contentType: 'application/json', headers: { etag, 'last-modified': LAST_MODIFIED, 'cache-control': 'no-cache' } });
        });
        await add(p.page, `<cogov-structure id="ko" lang="ko" src="/__feeds__/live.json"></cogov-structure>
          <cogov-structure id="en" lang="en" src="/__feeds__/live.json"></cogov-structure>`);
        await waitState(p.page, '#ko');
        await waitState(p.page, '#en');
        await settle(p.page);
        eq(server.requests.length, 1, 'one fetch for two widgets');
        const first = await renders(p.page);

        const refresh = (ids) => p.page.evaluate((xs) => Promise.all(xs.map((x) => document.getElementById(x).refresh())), ids);
        eq(await refresh(['ko']), [false], 'unchanged (304)');
        const before = server.requests.length;
        eq(await p.page.evaluate(() => Promise.all(Array.from({ length: 1000 }, () => document.getElementById('ko').refresh())).then((r) => r.every((x) => x === false))), true, '1,000 refreshes at once');
        eq(server.requests.length - before, 1, '1,000 refreshes at once make one request');
        await settle(p.page);
        eq(server.requests.at(-1), { mode: 'v1', inm: '"v1"', ims: LAST_MODIFIED }, 'the refresh sent the validators (ETag, Last-Modified)');
        eq(await renders(p.page), first, 'a 304 renders nothing');

        server.mode = 'v2';
        eq(await refresh(['ko']), [true], 'changed');
        await settle(p.page);
        const after = await renders(p.page);
        eq([after.ko - first.ko, after.en - first.en], [1, 1], 'each widget on the URL rendered once');
        const en = await p.page.evaluate(look, '#en');
        assert(en.names[0].includes('(renamed)'), `the other widget shows the new data: ${en.names}`);
        eq((await events(p.page, 'cogov-ready')).length, 4, 'cogov-ready again for the new data');
        eq(await refresh(['ko', 'en']), [false, false], 'unchanged again (304 for "v2")');
        await settle(p.page);
        eq(await renders(p.page), after, 'no render');

        server.mode = 'fail';
        const n = server.requests.length;
        eq(await refresh(['ko', 'en']), [false, false], 'failed');
        await settle(p.page);
        assert(server.requests.length - n >= 2, 'the refresh was tried');
        const [ko, en2] = await Promise.all(['#ko', '#en'].map((x) => p.page.evaluate(look, x)));
        eq([ko.state, ko.code, en2.state, en2.code], ['ready', 'fetch.status', 'ready', 'fetch.status'], 'states and errors');
        assert(ko.notice.startsWith('새 데이터를 불러오지 못해 마지막으로 불러온 데이터를 표시합니다') && ko.notice.includes('서버가 500 상태로 응답했습니다'), `Korean notice: ${ko.notice}`);
        assert(en2.notice.startsWith('Could not refresh: showing the data loaded last') && en2.notice.includes('the server answered 500'), `English notice: ${en2.notice}`);
        assert(ko.names[0] && en2.names[0].includes('(renamed)'), 'the last good view stays');
        eq((await events(p.page, 'cogov-error')).map((e) => [e.id, e.detail.stale, e.detail.error.code]).sort(), [['en', true, 'fetch.status'], ['ko', true, 'fetch.status']], 'cogov-error (stale), one per widget');
        await p.page.evaluate(() => (document.getElementById('ko').asOf = '2026-01-01'));
        await settle(p.page);
        eq([(await events(p.page, 'cogov-error')).length, (await p.page.evaluate(look, '#ko')).notice?.startsWith('새 데이터를 불러오지 못해')], [2, true],
          'a re-render under the same failure keeps the notice and fires no second cogov-error');
        await p.page.evaluate(() => (document.getElementById('ko').asOf = null));
        const dir = outDir();
        for (const id of ['ko', 'en']) await (await p.page.$('#' + id)).screenshot({ path: join(dir, `api-refresh-failed-${id}.png`) });

        server.mode = 'v2';
        eq(await refresh(['ko', 'en']), [false, false], 'back: unchanged');
        await settle(p.page);
        eq((await Promise.all(['#ko', '#en'].map((x) => p.page.evaluate(look, x)))).map((x) => [x.notice, x.code]), [[null, null], [null, null]], 'the notice is gone');

        // the refresh attribute: every 5 s (the shortest period)
        const m = server.requests.length;
        await p.page.evaluate(() => (document.getElementById('en').refresh = 5));
        await p.page.waitForFunction(() => true, null, { timeout: 100 });
        const t = Date.now();
        while (server.requests.length === m && Date.now() - t < 9000) await new Promise((r) => setTimeout(r, 200));
        const waited = Date.now() - t;
        assert(server.requests.length > m && waited > 4000, `refresh="5" fetched after ${waited} ms (${server.requests.length - m} requests)`);
        await p.page.evaluate(() => document.getElementById('en').removeAttribute('refresh'));
        // hostile periods: none of them floods the server (a timeout past 2^31 ms would fire at once)
        const k = server.requests.length;
        await p.page.evaluate(() => ['1e12', '-5', 'NaN', 'Infinity', '0'].forEach((v, i) => document.getElementById(i % 2 ? 'ko' : 'en').setAttribute('refresh', v)));
        await new Promise((r) => setTimeout(r, 1500));
        eq(server.requests.length, k, 'refresh="1e12", "-5", "NaN", "Infinity", "0": no request within 1.5 s');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'api: refresh of a cross-origin feed: no validator headers (no CORS preflight), the same text by checksum is unchanged, a new one renders',
    async run(env) {
      const p = await open(env, PAGE, { init: EVENTS });
      try {
        const other = env.base.replace('127.0.0.1', 'localhost'); // another origin, the same server
        const server = { body: FEED, requests: [] };
        await p.page.route('**/__feeds__/cross.json', (route) => {
          const r = route.request();
          server.requests.push([r.method(), r.headers()['if-none-match'] || null]);
          route.fulfill({ body: server.body, contentType: 'application/json', headers: { etag: '"x"', 'access-control-allow-origin': '*', 'access-control-expose-headers': 'ETag' } });
        });
        // and a widget whose src is no URL: told of the change too, it must not throw
        await add(p.page, `<cogov-structure id="x" lang="en" src="${other}/__feeds__/cross.json"></cogov-structure><cogov-structure id="nourl" src="http://[bad"></cogov-structure>`);
        eq(await waitState(p.page, '#nourl', ['error']), 'error', 'a src that is no URL is the error state');
        await waitState(p.page, '#x');
        await settle(p.page);
        const r0 = (await renders(p.page)).x;
        const refresh = () => p.page.evaluate(() => document.getElementById('x').refresh());
        eq(await refresh(), false, 'the same text: unchanged');
        await settle(p.page);
        eq((await renders(p.page)).x, r0, 'no render');
        server.body = FEED.replace('"en": "Central-Local Government Cooperation Meeting"', '"en": "Central-Local Government Cooperation Meeting (cross)"');
        eq(await refresh(), true, 'a new text: changed');
        await settle(p.page);
        eq((await renders(p.page)).x, r0 + 1, 'one render');
        assert((await p.page.evaluate(look, '#x')).names[0].includes('(cross)'), 'the new text is shown');
        eq(server.requests, [['GET', null], ['GET', null], ['GET', null]], 'three GETs, no OPTIONS preflight, no If-None-Match set by the script');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'api: el.feed = object | text renders it; the same data again neither loads nor renders; bad values keep the last good view',
    async run(env) {
      const p = await open(env, PAGE, { init: EVENTS });
      try {
        await add(p.page, '<cogov-structure id="f" lang="en"></cogov-structure>');
        await p.page.evaluate((text) => (document.getElementById('f').feed = JSON.parse(text)), FEED);
        await waitState(p.page, '#f');
        await settle(p.page);
        const r0 = (await renders(p.page)).f;
        await p.page.evaluate((text) => (document.getElementById('f').feed = JSON.parse(text)), FEED); // another object, the same JSON
        await settle(p.page);
        eq((await renders(p.page)).f, r0, 'an equal object: no render');
        await p.page.evaluate((text) => (document.getElementById('f').feed = text), FEED.replace('Central-Local Government Cooperation Meeting"', 'Central-Local Government Cooperation Meeting (text)"'));
        await settle(p.page);
        eq((await renders(p.page)).f, r0 + 1, 'a new text renders once');
        assert((await p.page.evaluate(look, '#f')).names[0].includes('(text)'), 'the text is shown');
        await p.page.evaluate(() => (document.getElementById('f').feed = document.getElementById('f').feed));
        await settle(p.page);
        eq((await renders(p.page)).f, r0 + 1, 'the same string: no render');
        eq((await events(p.page, 'cogov-ready')).length, 2, 'cogov-ready for each new data');

        await p.page.evaluate(() => {
          const a = { cogov: 1 };
          a.self = a;
          document.getElementById('f').feed = a;
        });
        await settle(p.page);
        let l = await p.page.evaluate(look, '#f');
        eq([l.state, l.code], ['ready', 'feed.type'], 'a cyclic object: the last good view under the notice');
        assert(l.notice.includes('element.feed must be JSON text'), `notice: ${l.notice}`);
        await p.page.evaluate(() => (document.getElementById('f').feed = '{"cogov": 1'));
        await settle(p.page);
        l = await p.page.evaluate(look, '#f');
        eq([l.state, l.code], ['ready', 'json.eof'], 'broken JSON text: the parser\'s error, the last good view kept');
        await add(p.page, '<cogov-calendar id="g" lang="ko"></cogov-calendar>');
        await p.page.evaluate(() => (document.getElementById('g').feed = () => 1));
        l = await (waitState(p.page, '#g', ['error']).then(() => p.page.evaluate(look, '#g')));
        eq(l.code, 'feed.type', 'a function: the error state');
        assert(l.alert.includes('element.feed에는 JSON 텍스트나'), `Korean alert: ${l.alert}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'api: el.focus() focuses the widget\'s first interactive element',
    async run(env) {
      const p = await open(env, PAGE);
      try {
        await add(p.page, `<cogov-structure id="s" src="/data/feed.json" lang="en"></cogov-structure>
          <cogov-calendar id="c" src="/data/feed.json" lang="en" month="2026-07" today="2026-07-14"></cogov-calendar>
          <cogov-proposals id="p" src="/data/feed.json" lang="en"></cogov-proposals>`);
        for (const s of ['#s', '#c', '#p']) await waitState(p.page, s);
        const focused = (id) => p.page.evaluate((x) => {
          const el = document.getElementById(x);
          el.focus();
          const a = el.shadowRoot.activeElement;
          return [document.activeElement === el, a?.getAttribute('role') || a?.tagName.toLowerCase(), a?.dataset.k || a?.dataset.view || null];
        }, id);
        eq(await focused('s'), [true, 'treeitem', null], 'structure: the tree');
        eq(await focused('c'), [true, 'button', 'prev'], 'calendar: the first toolbar button');
        eq(await focused('p'), [true, 'tab', 'list'], 'proposals: the selected tab');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'api: a hash-routed host keeps its route (history="none" by default); history="hash" keeps the deep links',
    async run(env) {
      const p = await open(env, '/__fixtures__/router.html#/events?tab=2', { init: EVENTS });
      try {
        for (const s of ['#cal', '#prop', '#org']) await waitState(p.page, s);
        const route = () => p.page.evaluate(() => [location.hash, window.__routes, history.length, document.getElementById('view').textContent]);
        const start = await route();
        eq(start.slice(0, 2), ['#/events?tab=2', ['#/events?tab=2']], 'the route on load');
        const click = (sel, css) => p.page.evaluate(([s, c]) => document.querySelector(s).shadowRoot.querySelector(c).click(), [sel, css]);
        await click('#cal', '[data-id]');
        await settle(p.page);
        const cal = await p.page.evaluate(look, '#cal');
        assert(cal.panel && cal.detail, 'the session opened');
        eq(await route(), start, 'choosing a session leaves the route');
        await p.page.evaluate(() => document.getElementById('cal').shadowRoot.querySelector('[data-k=close]').click());
        eq(await route(), start, 'closing leaves the route');
        await click('#prop', '[part~=proposal-link]');
        await settle(p.page);
        eq((await p.page.evaluate(look, '#prop')).tab, 'detail', 'the proposal opened');
        const link = await p.page.evaluate(() => {
          const a = document.getElementById('prop').shadowRoot.querySelector('[part~=tab][data-view=list]');
          a.click();
          const l = document.getElementById('prop').shadowRoot.querySelector('[part~=proposal-link]');
          return [l.hasAttribute('href'), l.getAttribute('role'), l.tabIndex, getComputedStyle(l).textDecorationLine, getComputedStyle(l).cursor];
        });
        eq(link, [false, 'link', 0, 'underline', 'pointer'], 'proposal links carry no hash href (role link, focusable, styled as a link)');
        await p.page.evaluate(() => document.getElementById('prop').shadowRoot.querySelector('[part~=proposal-link]').focus());
        await p.page.keyboard.press('Enter');
        await settle(p.page);
        eq((await p.page.evaluate(look, '#prop')).tab, 'detail', 'Enter on a link opens the proposal');
        await click('#prop', '[part~=tab][data-view=list]');
        await p.page.evaluate(() => {
          const f = document.getElementById('prop').shadowRoot.querySelector('select[name=stage]');
          f.selectedIndex = 1;
          f.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await click('#org', '[role=treeitem] [role=treeitem] .row');
        await settle(p.page);
        eq(await route(), start, 'proposal, filter and body choices leave the route');
        // the host navigates: the widgets do not answer to the host's hash
        await p.page.evaluate(() => (location.hash = '#session=ga-special-2025-09'));
        await settle(p.page);
        eq((await p.page.evaluate(look, '#cal')).panel, false, 'history="none": a #session= hash is the host\'s, not followed');
        await p.page.evaluate(() => (location.hash = '#/events?tab=2'));

        // opted in: the old behaviour
        await p.page.evaluate(() => (document.getElementById('cal').history = 'hash'));
        await settle(p.page);
        await click('#cal', '[data-id]');
        await settle(p.page);
        const id = (await events(p.page, 'cogov-select')).filter((e) => e.id === 'cal').at(-1).detail.id;
        eq(await p.page.evaluate(() => location.hash), '#session=' + id, 'history="hash": choosing writes #session=');
        await p.page.evaluate(() => document.getElementById('cal').shadowRoot.querySelector('[data-k=close]').click());
        eq(await p.page.evaluate(() => location.hash), '', 'history="hash": closing clears it');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
];
