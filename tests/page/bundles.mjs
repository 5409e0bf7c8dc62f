// The one-widget bundles (dist/cogov-<widget>.js): each defines its own element only, loads its
// own smaller wasm (never the full one), and everything its element does works with that wasm.
// Run via run.mjs.
import { join } from 'node:path';
import { assert, eq, noErrors, open, outDir, waitState } from './harness.mjs';

const TAGS = ['cogov-structure', 'cogov-calendar', 'cogov-proposals'];

/** Which cogov elements are defined and which wasm files were fetched (runs in the page). */
const loaded = () => ({
  defined: ['cogov-structure', 'cogov-calendar', 'cogov-proposals'].filter((t) => customElements.get(t)),
  wasm: performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.wasm')),
});

async function only(env, path, widget, exercise) {
  const p = await open(env, path);
  try {
    eq(await waitState(p.page, '#' + (widget === 'structure' ? 'structure-only' : 'only')), 'ready', `${widget} bundle state`);
    const l = await p.page.evaluate(loaded);
    eq(l.defined, [`cogov-${widget}`], `elements defined by dist/cogov-${widget}.js`);
    eq(l.wasm, [`/pkg/cogov-${widget}_bg.wasm`], `wasm fetched by dist/cogov-${widget}.js`);
    await exercise(p.page);
    noErrors(p);
  } finally {
    await p.close();
  }
}

/** Asserts the widget in `page` shows no error state. */
const noErrorState = async (page, sel, what) => {
  const s = await page.$eval(sel, (el) => [el.getAttribute('state'), !!el.shadowRoot.querySelector('[part~=error]')]);
  eq(s, ['ready', false], `${what}: state and error panel`);
};

export const checks = [
  {
    name: 'bundles: dist/cogov-structure.js alone (structure.html) renders with its own wasm',
    run: (env) => only(env, '/structure.html', 'structure', async (page) => {
      const names = await page.$$eval('#structure-only', ([el]) =>
        [...el.shadowRoot.querySelectorAll('[role=treeitem] [part~=body-name]')].map((n) => n.textContent));
      assert(names.length >= 10 && names.includes('중앙지방협력회의'), `structure.html tree: ${names}`);
      await page.locator('#structure-only [role=treeitem] > .row').nth(1).click();
      await noErrorState(page, '#structure-only', 'after choosing a body');
      await page.screenshot({ path: join(outDir(), 'bundle-structure-ko-1280.png') });
    }),
  },
  {
    name: 'bundles: dist/cogov-calendar.js alone renders July 2026 and opens a session',
    run: (env) => only(env, '/__fixtures__/one-calendar.html', 'calendar', async (page) => {
      const chips = page.locator('#only .chip');
      assert((await chips.count()) > 0, 'no session in the July 2026 grid');
      await chips.first().click();
      const detail = await page.$eval('#only', (el) => el.shadowRoot.querySelector('.detail:not([hidden])')?.textContent || '');
      assert(/\.ics/.test(detail) || /Google/.test(detail), `session detail without its calendar links: ${detail.slice(0, 200)}`);
      await noErrorState(page, '#only', 'after opening a session');
    }),
  },
  {
    name: 'bundles: dist/cogov-proposals.js alone renders every tab',
    run: (env) => only(env, '/__fixtures__/one-proposals.html', 'proposals', async (page) => {
      await page.locator('#only tbody [part~=proposal-link]').first().click(); // shows the detail tab
      const views = await page.$$eval('#only', ([el]) => [...el.shadowRoot.querySelectorAll('[role=tab]:not([hidden])')].map((t) => t.dataset.view));
      eq(views.length, 5, 'visible proposals tabs');
      for (const v of views) {
        await page.locator(`#only [role=tab][data-view=${v}]`).click();
        await noErrorState(page, '#only', `tab ${v}`);
        const panel = await page.$eval('#only', (el) => el.shadowRoot.querySelector('[role=tabpanel]').textContent.trim().length);
        assert(panel > 20, `tab ${v}: empty panel`);
      }
    }),
  },
  {
    name: 'bundles: the unbundled sources (www/cogov.js) render every element with the base sheet plus its own',
    async run(env) {
      const p = await open(env, '/__fixtures__/sources.html');
      try {
        for (const id of ['#s', '#c', '#p']) eq(await waitState(p.page, id), 'ready', `${id} state`);
        const sheets = await p.page.evaluate(() => ['#s', '#c', '#p'].map((id) => document.querySelector(id).shadowRoot.adoptedStyleSheets.length));
        eq(sheets, [1, 3, 3], 'sheets adopted by structure, calendar, proposals (base + own)');
        const styled = await p.page.evaluate(() => ({
          row: getComputedStyle(document.querySelector('#s').shadowRoot.querySelector('.row')).display,
          grid: getComputedStyle(document.querySelector('#c').shadowRoot.querySelector('.grid')).tableLayout,
          tabs: getComputedStyle(document.querySelector('#p').shadowRoot.querySelector('.tabs')).display,
        }));
        eq(styled, { row: 'flex', grid: 'fixed', tabs: 'flex' }, 'rules from base.css, calendar.css and proposals.css applied');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'bundles: a broken proposal fails only the proposals widget, in the full and the org-chart-only bundle',
    run: async (env) => {
      const p = await open(env, '/__fixtures__/broken-proposal-full.html');
      try {
        eq(await waitState(p.page, '#s'), 'ready', 'org chart state (full bundle)');
        eq(await waitState(p.page, '#c'), 'ready', 'calendar state (full bundle)');
        eq(await waitState(p.page, '#p', ['error']), 'error', 'proposals state (full bundle)');
        const paths = await p.page.$eval('#p', (el) => [...el.shadowRoot.querySelectorAll('[part~=problem-path]')].map((c) => c.textContent));
        eq(paths, ['proposals[0].history[0].stage'], 'problems listed by the proposals widget');
        const chips = await p.page.$eval('#c', (el) => el.shadowRoot.querySelectorAll('.chip').length);
        eq(chips, 1, 'sessions in the calendar');
      } finally {
        await p.close();
      }
      const s = await open(env, '/__fixtures__/broken-proposal-structure.html');
      try {
        eq(await waitState(s.page, '#s'), 'ready', 'org chart state (org-chart-only bundle)');
        const names = await s.page.$eval('#s', (el) => [...el.shadowRoot.querySelectorAll('[part~=body-name]')].map((n) => n.textContent));
        eq(names, ['Governance Council'], 'bodies in the org chart');
        noErrors(s);
      } finally {
        await s.close();
      }
    },
  },
];
