// The README's two-line embed tried as a partner would: the host page (examples/embed/index.html,
// under its own strict CSP) on one origin, cogov's files and feed on another (scripts/serve.mjs,
// what scripts/serve.sh serves with). With CORS every widget renders, in the full bundle and each
// one-widget bundle; without it the fallback content stays and the host page is unbroken; with the
// module allowed but the wasm, the stylesheet or the feed refused (or a 404, or a wrong type) the
// widget names the cause with a stable code and a hint in its language (docs/EMBEDDING.md). Run via
// run.mjs; screenshots in tests/out/embed-*.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, eq, outDir, ROOT, serve } from './harness.mjs';

const EXAMPLE = readFileSync(join(ROOT, 'examples/embed/index.html'), 'utf8');
const WWW = join(ROOT, 'www');
const TAGS = ['cogov-structure', 'cogov-calendar', 'cogov-proposals'];

/**
 * Serves the host pages on an origin of their own, pointing at the files on `files`:
 * `/index.html` (the example, ko), `/en.html` (the same in English) and `/<widget>.html` (the
 * widget alone with its one-widget bundle, dist/cogov-<widget>.js).
 */
async function hostFor(files, run) {
  const dir = mkdtempSync(join(tmpdir(), 'cogov-host-'));
  const page = EXAMPLE.replaceAll('http://127.0.0.1:8080', files);
  assert(page !== EXAMPLE, 'the example points at http://127.0.0.1:8080');
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, 'en.html'), page.replaceAll('lang="ko"', 'lang="en"'));
  for (const tag of TAGS) {
    const widget = tag.slice(6);
    // the page keeps only this widget's element, and loads its own bundle
    const one = page.replace('/dist/cogov.js', `/dist/cogov-${widget}.js`)
      .replace(/<(cogov-[a-z]+) [^]*?<\/\1>\n/g, (m, t) => (t === tag ? m : ''));
    assert(one.includes(`<${tag} `) && (one.match(/<cogov-[a-z]+ /g) || []).length === 1, `the ${widget} page has its element only`);
    writeFileSync(join(dir, `${widget}.html`), one);
  }
  // the example's policy without the files' origin in connect-src, and without 'wasm-unsafe-eval'
  const policy = (from, to) => {
    assert(page.includes(from), `the example's CSP has ${from}`);
    return page.replace(from, to);
  };
  writeFileSync(join(dir, 'csp-connect.html'), policy(`connect-src ${files}`, "connect-src 'self'"));
  writeFileSync(join(dir, 'csp-wasm.html'), policy(" 'wasm-unsafe-eval'", '').replaceAll('lang="ko"', 'lang="en"'));
  const host = await serve(dir);
  try {
    return await run(host.base);
  } finally {
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A files server over www/ whose CORS is `cors` (false, or a function of the path), for `run(base)`. */
async function filesWith(cors, run) {
  const files = await serve(WWW, { cors });
  try {
    return await run(files.base);
  } finally {
    await files.stop();
  }
}

/** Opens `url` in a fresh context recording page errors, console lines and CSP violations. */
async function visit(env, url, { viewport = { width: 1280, height: 900 }, routes } = {}) {
  const context = await env.browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (routes) await routes(context);
  const page = await context.newPage();
  const errors = [], lines = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
  await page.goto(url);
  return { page, errors, console: lines, close: () => context.close() };
}

/** Waits until every cogov element of the page has a state in `states`; returns {tag: state}. */
async function settle(page, states, timeout = 20000) {
  await page.waitForFunction((st) => {
    const els = [...document.querySelectorAll('cogov-structure, cogov-calendar, cogov-proposals')];
    return els.length && els.every((el) => st.includes(el.getAttribute('state')));
  }, states, { timeout });
  return page.evaluate(() => Object.fromEntries([...document.querySelectorAll('cogov-structure, cogov-calendar, cogov-proposals')]
    .map((el) => [el.localName, el.getAttribute('state')])));
}

/** What each widget shows: state, error, whether its fallback and the boxes are visible, how it is styled. */
const looks = (page) => page.evaluate(() => Object.fromEntries([...document.querySelectorAll('cogov-structure, cogov-calendar, cogov-proposals')].map((el) => {
  const root = el.shadowRoot, box = root?.querySelector('[part=error], [part=notice]');
  return [el.localName, {
    defined: !!customElements.get(el.localName),
    state: el.getAttribute('state'),
    code: el.error?.code || null,
    message: el.error?.message || null,
    path: el.error?.path || null,
    fallback: el.querySelector('.fallback').checkVisibility(),
    box: box ? { part: box.getAttribute('part'), role: box.getAttribute('role'), text: box.textContent, visible: box.checkVisibility(),
      border: getComputedStyle(box).borderLeftWidth } : null,
    text: root ? root.textContent.length : 0,
    sheets: root?.adoptedStyleSheets.length ?? 0,
    display: getComputedStyle(el).display,
  }];
})));

const hostIntact = async (page) => {
  eq(await page.evaluate(() => [document.querySelector('#host-title').checkVisibility(), document.querySelector('#host-text').checkVisibility()]),
    [true, true], 'the host page\'s own content is shown');
};
const noPageErrors = (p) => assert(!p.errors.length, `uncaught page errors: ${p.errors.join(' | ')}`);
const csp = (page) => page.evaluate(() => window.__csp);

const shot = (page, name) => page.screenshot({ path: join(outDir(), `embed-${name}.png`), fullPage: true });

/** Only the wasm and css blocked: the module and the feed are allowed. */
const moduleOnly = (path) => !/\.(wasm|css)$/.test(path);

export const checks = [
  {
    name: 'embed: the two-line embed from another origin renders all three widgets under the host\'s CSP (ko 1280, en 320)',
    async run(env) {
      await hostFor(env.base, async (host) => {
        for (const [path, lang, viewport] of [['/', 'ko', { width: 1280, height: 900 }], ['/en.html', 'en', { width: 320, height: 800 }]]) {
          const p = await visit(env, host + path, { viewport });
          try {
            eq(await settle(p.page, ['ready', 'error']), { 'cogov-structure': 'ready', 'cogov-calendar': 'ready', 'cogov-proposals': 'ready' }, `${lang}: states`);
            const got = await looks(p.page);
            for (const tag of TAGS) {
              const w = got[tag];
              eq([w.code, w.fallback, w.box, w.display], [null, false, null, 'block'], `${lang} ${tag}: no error, fallback hidden, no box, styled`);
              assert(w.text > 200 && w.sheets === 1, `${lang} ${tag}: a view (${w.text} chars) and its one stylesheet (${w.sheets})`);
            }
            eq(await csp(p.page), [], `${lang}: CSP violations`);
            noPageErrors(p);
            const bad = p.console.filter((m) => m.startsWith('error') || m.startsWith('warning'));
            eq(bad, [], `${lang}: console errors`);
            await hostIntact(p.page);
            await shot(p.page, `cors-${lang}-${viewport.width}`);
          } finally {
            await p.close();
          }
        }
      });
    },
  },
  {
    name: 'embed: each one-widget bundle renders from another origin',
    async run(env) {
      await hostFor(env.base, async (host) => {
        for (const tag of TAGS) {
          const widget = tag.slice(6);
          const p = await visit(env, `${host}/${widget}.html`);
          try {
            eq(await settle(p.page, ['ready', 'error']), { [tag]: 'ready' }, `${widget}: state`);
            const w = (await looks(p.page))[tag];
            assert(w.text > 200 && !w.fallback && w.code === null, `${widget}: a view, fallback hidden, no error (${JSON.stringify(w)})`);
            eq(await csp(p.page), [], `${widget}: CSP violations`);
            noPageErrors(p);
          } finally {
            await p.close();
          }
        }
      });
    },
  },
  {
    name: 'embed: without CORS the module cannot run: the fallback content stays, the host page is unbroken',
    async run(env) {
      await filesWith(false, (files) => hostFor(files, async (host) => {
        for (const path of ['/', '/structure.html']) {
          const p = await visit(env, host + path);
          try {
            await p.page.waitForLoadState('load');
            await p.page.waitForTimeout(300);
            const got = await looks(p.page);
            for (const [tag, w] of Object.entries(got)) {
              eq([w.defined, w.state, w.fallback], [false, null, true], `${path} ${tag}: not defined, no state, fallback visible`);
            }
            await hostIntact(p.page);
            noPageErrors(p);
            // what the partner sees in the browser's console
            assert(p.console.some((m) => m.startsWith('error') && /CORS/.test(m) && m.includes(files)), `the console names the CORS refusal: ${p.console.join(' | ')}`);
            if (path === '/') await shot(p.page, 'nocors-module-ko-1280');
          } finally {
            await p.close();
          }
        }
      }));
    },
  },
  {
    name: 'embed: module allowed, wasm and CSS refused: wasm.cors with the hint in ko and en, fallback kept, error box readable (1280, 320)',
    async run(env) {
      await filesWith(moduleOnly, (files) => hostFor(files, async (host) => {
        for (const [path, lang, viewport] of [['/', 'ko', { width: 1280, height: 900 }], ['/en.html', 'en', { width: 320, height: 800 }], ['/calendar.html', 'ko', { width: 1280, height: 900 }]]) {
          const p = await visit(env, host + path, { viewport });
          try {
            const states = await settle(p.page, ['ready', 'error']);
            assert(Object.values(states).every((s) => s === 'error'), `${path}: every widget in the error state: ${JSON.stringify(states)}`);
            const got = await looks(p.page);
            const hint = lang === 'ko' ? `다른 출처(${files})의 위젯 파일을 가져오지 못했습니다. 그 서버가 다른 사이트의 요청을 허용하지 않거나(CORS) 연결되지 않습니다`
              : `the widget's files on ${files} could not be fetched: that server does not allow other sites (CORS) or cannot be reached`;
            for (const [tag, w] of Object.entries(got)) {
              eq([w.code, w.message, w.fallback, w.display], ['wasm.cors', hint, true, 'block'], `${path} ${tag}: code, ${lang} hint, fallback, a block`);
              assert(/\/pkg\/cogov(-[a-z]+)?_bg\.wasm$/.test(w.path), `${tag}: the path is the wasm's URL: ${w.path}`);
              assert(w.box?.part === 'error' && w.box.role === 'alert' && w.box.visible && w.box.text.includes(hint) && w.box.text.includes('(wasm.cors)'),
                `${path} ${tag}: a visible alert with the hint and the code: ${JSON.stringify(w.box)}`);
              eq(w.box.border, '4px', `${path} ${tag}: the error box is set off (the bare sheet) without the stylesheet`);
            }
            await hostIntact(p.page);
            noPageErrors(p);
            eq(await csp(p.page), [], `${path}: CSP violations`);
            if (path !== '/calendar.html') await shot(p.page, `nocors-wasm-${lang}-${viewport.width}`);
          } finally {
            await p.close();
          }
        }
      }));
    },
  },
  {
    name: 'embed: the stylesheet refused: the widgets render unstyled under a css.cors notice (ko, en)',
    async run(env) {
      await filesWith((path) => !path.endsWith('.css'), (files) => hostFor(files, async (host) => {
        for (const [path, lang] of [['/', 'ko'], ['/en.html', 'en']]) {
          const p = await visit(env, host + path);
          try {
            eq(await settle(p.page, ['ready', 'error']), { 'cogov-structure': 'ready', 'cogov-calendar': 'ready', 'cogov-proposals': 'ready' }, `${lang}: states`);
            const got = await looks(p.page);
            const title = lang === 'ko' ? '스타일시트를 불러오지 못해 스타일 없이 표시합니다' : 'The stylesheet could not be loaded: shown without styles';
            for (const [tag, w] of Object.entries(got)) {
              eq([w.code, w.fallback, w.box?.part, w.box?.role, w.box?.border], ['css.cors', false, 'notice', 'status', '4px'], `${lang} ${tag}: code, fallback, a notice set off`);
              assert(w.box.text.startsWith(title) && w.box.text.includes('CORS') && w.box.text.includes('(css.cors)') && w.text > 200,
                `${lang} ${tag}: the notice says why, above the view: ${w.box.text}`);
            }
            noPageErrors(p);
            if (lang === 'ko') await shot(p.page, 'nocors-css-ko-1280');
          } finally {
            await p.close();
          }
        }
      }));
    },
  },
  {
    name: 'embed: the feed refused (module, wasm and CSS allowed): fetch.cors, styled error box, fallback kept',
    async run(env) {
      await filesWith((path) => !path.endsWith('.json'), (files) => hostFor(files, async (host) => {
        const p = await visit(env, host + '/en.html');
        try {
          const states = await settle(p.page, ['ready', 'error']);
          assert(Object.values(states).every((s) => s === 'error'), `every widget in the error state: ${JSON.stringify(states)}`);
          for (const [tag, w] of Object.entries(await looks(p.page))) {
            eq([w.code, w.path, w.fallback, w.sheets], ['fetch.cors', `${files}/data/feed.json`, true, 1], `${tag}: code, path, fallback, styled`);
            eq(w.message, `the feed on ${files} could not be fetched: that server does not allow other sites (CORS) or cannot be reached`, `${tag}: message`);
          }
          noPageErrors(p);
        } finally {
          await p.close();
        }
      }));
    },
  },
  {
    name: 'embed: a host CSP without the files\' origin in connect-src, or without \'wasm-unsafe-eval\': wasm.csp saying what to allow (ko, en)',
    async run(env) {
      await hostFor(env.base, async (host) => {
        const cases = [
          ['/csp-connect.html', `이 페이지의 콘텐츠 보안 정책(CSP)이 막았습니다. 허용해야 할 것: connect-src ${env.base}`, `connect-src ${env.base}/pkg/cogov_bg.wasm`],
          ['/csp-wasm.html', "blocked by this page's Content-Security-Policy, which must allow script-src 'wasm-unsafe-eval'", 'script-src wasm-eval'],
        ];
        for (const [path, message, violation] of cases) {
          const p = await visit(env, host + path);
          try {
            const states = await settle(p.page, ['ready', 'error']);
            assert(Object.values(states).every((s) => s === 'error'), `${path}: every widget in the error state: ${JSON.stringify(states)}`);
            for (const [tag, w] of Object.entries(await looks(p.page))) {
              eq([w.code, w.message, w.fallback], ['wasm.csp', message, true], `${path} ${tag}: code, message, fallback`);
              assert(w.box?.visible && w.box.text.includes('(wasm.csp)'), `${path} ${tag}: the alert shows the code`);
            }
            assert((await csp(p.page)).includes(violation), `${path}: the browser reported ${violation}: ${await csp(p.page)}`);
            noPageErrors(p);
          } finally {
            await p.close();
          }
        }
      });
    },
  },
  {
    name: 'embed: a 404 wasm, an HTML page for the wasm or the CSS, a wasm served as octet-stream (compiled from its bytes)',
    async run(env) {
      await hostFor(env.base, async (host) => {
        const cors = { 'access-control-allow-origin': '*' };
        const cases = [
          ['wasm 404', '**/pkg/*.wasm', { status: 404, body: 'no', headers: cors, contentType: 'text/plain' }, 'error', 'wasm.status', '서버가 404 상태로 응답했습니다'],
          ['wasm as HTML', '**/pkg/*.wasm', { status: 200, body: '<!doctype html><p>not here', headers: cors, contentType: 'text/html' }, 'error', 'wasm.type',
            '위젯 파일이 잘못된 형식(text/html)으로 제공되었습니다'],
          ['css as HTML', '**/dist/*.css', { status: 200, body: '<!doctype html><p>not here', headers: cors, contentType: 'text/html' }, 'ready', 'css.type',
            '위젯 파일이 잘못된 형식(text/html)으로 제공되었습니다'],
          ['wasm as octet-stream', '**/pkg/*.wasm', 'octet', 'ready', null, null],
        ];
        for (const [name, glob, answer, state, code, message] of cases) {
          const routes = (context) => context.route(glob, async (route) => {
            if (answer !== 'octet') return route.fulfill(answer);
            const r = await route.fetch();
            const headers = Object.fromEntries(Object.entries(r.headers()).filter(([k]) => !/^content-(encoding|length)$/.test(k)));
            return route.fulfill({ status: 200, body: await r.body(), headers: { ...headers, 'content-type': 'application/octet-stream' } });
          });
          const p = await visit(env, `${host}/structure.html`, { routes });
          try {
            eq(await settle(p.page, ['ready', 'error']), { 'cogov-structure': state }, `${name}: state`);
            const w = (await looks(p.page))['cogov-structure'];
            eq([w.code, w.message], [code, message], `${name}: code and Korean message`);
            if (code) assert(w.box?.visible && w.box.text.includes(`(${code})`) && w.box.border === '4px', `${name}: the box shows the code: ${JSON.stringify(w.box)}`);
            else assert(w.text > 200 && !w.box, `${name}: a view, no box`);
            noPageErrors(p);
          } finally {
            await p.close();
          }
        }
      });
    },
  },
];
