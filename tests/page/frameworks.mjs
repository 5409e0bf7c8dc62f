// Host-app checks: the widgets inside a React 19 app and a Vue 3 app, the frameworks installed
// from npm at the versions package.json pins, each app (tests/page/apps/) bundled by esbuild
// into a temporary directory and served as /__apps__/<name>/ next to www/ (the bundle
// dist/cogov.js defines the elements first). In each: the widgets render, an attribute changes
// from the framework's state (lang, month), cogov-select reaches the app's handler and its
// preventDefault() is honoured, and the framework logs no warning. Run via run.mjs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, eq, noErrors, open, ROOT, waitState } from './harness.mjs';

const APPS = join(ROOT, 'tests/page/apps');

/**
 * The Vue app's template (apps/vue-app.html) as the module `virtual:vue-template`: `ahead`,
 * compiled in node as a build step does (with `isCustomElement` when `custom`), else the text
 * for Vue's run-time compiler.
 */
async function vueTemplate({ ahead, custom }) {
  const template = readFileSync(join(APPS, 'vue-app.html'), 'utf8');
  if (!ahead) return `export const render = null; export const template = ${JSON.stringify(template)};`;
  const { compile } = await import(join(ROOT, 'node_modules/@vue/compiler-dom/index.js'));
  const opts = { mode: 'module', prefixIdentifiers: true, ...(custom ? { isCustomElement: (tag) => tag.startsWith('cogov-') } : {}) };
  return compile(template, opts).code + '\nexport const template = null;';
}

/** Bundles `entry` (tests/page/apps/) into a temp dir as app.js, with host.html; returns the dir. */
async function bundle(entry, vue) {
  const { build } = await import(join(ROOT, 'node_modules/esbuild/lib/main.js'));
  const dir = mkdtempSync(join(tmpdir(), 'cogov-app-'));
  const virtual = vue && (await vueTemplate(vue));
  const plugin = {
    name: 'vue',
    setup(b) {
      // `vue` is the build with the template compiler (one copy for the app and its compiled template)
      b.onResolve({ filter: /^vue$/ }, () => ({ path: join(ROOT, 'node_modules/vue/dist/vue.esm-bundler.js') }));
      b.onResolve({ filter: /^virtual:vue-template$/ }, () => ({ path: 'template', namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents: virtual, resolveDir: ROOT, loader: 'js' }));
    },
  };
  await build({
    entryPoints: [join(APPS, entry)], bundle: true, format: 'esm', outfile: join(dir, 'app.js'), jsx: 'automatic', logLevel: 'error',
    nodePaths: [join(ROOT, 'node_modules')], plugins: [plugin],
    // development builds: the frameworks' warnings are on (and must stay silent)
    define: { 'process.env.NODE_ENV': '"development"', __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  writeFileSync(join(dir, 'host.html'), readFileSync(join(APPS, 'host.html')));
  return dir;
}

/** Opens the app of `entry` served from its temp dir under /__apps__/. */
async function openApp(env, entry, vue) {
  const dir = await bundle(entry, vue);
  const init = () => {
    window.__selects = [];
    document.addEventListener('cogov-select', (e) => window.__selects.push([e.detail.kind, e.defaultPrevented]));
  };
  const p = await open(env, '/__fixtures__/shared.html', { init });
  await p.context.route('**/__apps__/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/__apps__/')[1];
    route.fulfill({ body: readFileSync(join(dir, name)), contentType: name.endsWith('.html') ? 'text/html' : 'text/javascript' });
  });
  await p.page.goto(env.base + '/__apps__/host.html');
  const close = p.close;
  p.close = async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  };
  return p;
}

function look(id) {
  const el = document.getElementById(id), root = el.shadowRoot;
  return {
    state: el.getAttribute('state'),
    lang: root.querySelector('[part~=content]')?.getAttribute('lang'),
    month: root.querySelector('[part~=month]')?.textContent || null,
    attrs: [el.getAttribute('lang'), el.getAttribute('month'), el.getAttribute('refresh')],
    panel: !!root.querySelector('[part~=detail]:not([hidden])'),
    tab: root.querySelector('[role=tab][aria-selected=true]')?.dataset.view || null,
    picked: document.getElementById('picked').textContent,
  };
}

/** The checks both apps pass (the same app, written for each framework). */
async function hostApp(env, entry, framework, vue) {
  const p = await openApp(env, entry, vue);
  try {
    for (const id of ['#cal', '#prop', '#org']) await waitState(p.page, id, ['ready'], 15000);
    let cal = await p.page.evaluate(look, 'cal');
    eq([cal.lang, cal.month, cal.attrs], ['en', 'July 2026', ['en', '2026-07', '600']], `${framework}: rendered from the app's values (refresh set as a property)`);
    eq(await p.page.evaluate(() => typeof document.getElementById('cal').refresh), 'function', `${framework}: el.refresh stays the method`);

    await p.page.click('#month');
    await p.page.waitForFunction(() => document.getElementById('cal').shadowRoot.querySelector('[part~=month]')?.textContent === 'September 2026');
    await p.page.click('#lang');
    await p.page.waitForFunction(() => document.getElementById('prop').shadowRoot.querySelector('[part~=content]')?.getAttribute('lang') === 'ko');
    cal = await p.page.evaluate(look, 'cal');
    eq([cal.lang, cal.month, cal.attrs.slice(0, 2)], ['ko', '2026년 9월', ['ko', '2026-09']], `${framework}: lang and month changed from state`);

    // a visitor's choices reach the app
    await p.page.evaluate(() => document.getElementById('cal').shadowRoot.querySelector('[data-k=next]').click());
    await p.page.evaluate(() => document.getElementById('cal').shadowRoot.querySelector('[data-id]').click());
    await p.page.evaluate(() => document.getElementById('prop').shadowRoot.querySelector('[part~=proposal-link]').click());
    await p.page.evaluate(() => document.getElementById('org').shadowRoot.querySelector('[role=treeitem] [role=treeitem] .row').click());
    await p.page.waitForFunction(() => document.getElementById('picked').textContent.split(' ').length >= 4);
    const after = { cal: await p.page.evaluate(look, 'cal'), prop: await p.page.evaluate(look, 'prop') };
    const picked = after.cal.picked.split(' ');
    eq(picked.map((x) => x.split(':')[0]), ['change', 'session', 'proposal', 'body'], `${framework}: the app heard cogov-change and cogov-select (${after.cal.picked})`);
    eq(picked[0], 'change:month=2026-10', `${framework}: cogov-change detail`);
    eq(await p.page.evaluate(() => window.__selects), [['session', false], ['proposal', true], ['body', false]], `${framework}: the app prevented the proposal's default`);
    eq([after.cal.panel, after.prop.tab], [true, 'list'], `${framework}: the session opened; the prevented proposal did not`);
    eq(await p.page.evaluate(() => location.hash), '', `${framework}: the URL hash untouched`);
    noErrors(p);
    return p;
  } catch (e) {
    await p.close();
    throw e;
  }
}

export const checks = [
  {
    name: 'frameworks: React 19 host app (JSX attributes from state, oncogov-select, feed as a property, refresh)',
    async run(env) {
      const p = await hostApp(env, 'react-app.jsx', 'React');
      try {
        eq(await p.page.evaluate(() => [document.getElementById('org').hasAttribute('feed'), typeof document.getElementById('org').feed, document.getElementById('org').hasAttribute('src')]),
          [false, 'object', false], 'React: feed={object} set the property, not an attribute');
        eq(await p.page.evaluate(() => window.__wrongSpelling || 0), 0, 'React: onCogovSelect (camel case) hears nothing, as documented');
        const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/react/package.json'), 'utf8')).version;
        assert(version.startsWith('19.'), `React ${version}`);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'frameworks: Vue 3 host app, template compiled ahead with isCustomElement (a build step) and at run time; bound attributes, @cogov-select; no Vue warning',
    async run(env) {
      const version = JSON.parse(readFileSync(join(ROOT, 'node_modules/vue/package.json'), 'utf8')).version;
      assert(version.startsWith('3.'), `Vue ${version}`);
      for (const ahead of [true, false]) {
        const p = await hostApp(env, 'vue-app.js', `Vue (${ahead ? 'compiled ahead' : 'run-time template'})`, { ahead, custom: true });
        try {
          assert(!p.console.some((m) => m.includes('[Vue warn]')), `Vue warnings: ${p.console.join(' | ')}`);
        } finally {
          await p.close();
        }
      }
      // without isCustomElement, a template compiled ahead makes Vue look for components named cogov-*
      const p = await openApp(env, 'vue-app.js', { ahead: true, custom: false });
      try {
        await p.page.waitForFunction(() => document.getElementById('cal'));
        const warned = p.console.filter((m) => m.includes('Failed to resolve component: cogov-'));
        assert(warned.length >= 3, `without isCustomElement Vue warns (what ELEMENTS.md says): ${p.console.join(' | ').slice(0, 300)}`);
      } finally {
        await p.close();
      }
    },
  },
];
