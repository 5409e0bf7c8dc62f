// Checks of <cogov-proposals> on www/index.html, www/csp.html and a broken feed. Run via run.mjs.
import { join } from 'node:path';
import { assert, cspViolations, eq, LISTEN, noErrors, open, openCsp, outDir, waitState } from './harness.mjs';

const TODAY = '2026-11-22';
const STAGES = ['submitted', 'analysis', 'deliberation', 'decision', 'sent', 'answer', 'reflected', 'closed', 'withdrawn'];
const ANSWERS = { ko: ['수용', '일부수용', '불수용', '중장기검토'], en: ['Accepted', 'Partly accepted', 'Not accepted', 'Long-term review'] };
const STATES = { ko: ['보고 완료', '기한 경과', '기한 전'], en: ['Reported', 'Overdue', 'On time'] };

/** The widget's visible state (runs in the page). */
function read(sel) {
  const el = document.querySelector(sel), r = el.shadowRoot;
  const txt = (q) => [...r.querySelectorAll(q)].map((x) => x.textContent.trim());
  return {
    state: el.getAttribute('state'),
    tab: r.querySelector('[role=tab][aria-selected=true]')?.dataset.view,
    caption: r.querySelector('[part~=caption]')?.textContent || '',
    titles: txt('[part~=panel] tbody [part~=proposal-link]'),
    rows: [...r.querySelectorAll('[part~=panel] tbody tr')].map((tr) => tr.dataset.id),
    text: r.querySelector('[part~=panel]').textContent,
    heading: r.querySelector('[part~=detail-name]')?.textContent || null,
    focused: r.activeElement?.textContent?.trim() || null,
    alert: r.querySelector('[role=alert]')?.textContent || null,
  };
}

/** Attributes the widget for `lang` on the demo page has. */
const W = { ko: '#proposals-ko', en: '#proposals-en' };
const setToday = (page) => page.evaluate((t) => { for (const el of document.querySelectorAll('cogov-proposals')) el.setAttribute('today', t); }, TODAY);

async function tab(page, sel, view) {
  await page.locator(`${sel} [role=tab][data-view=${view}]`).click();
  await page.waitForFunction(([s, v]) => document.querySelector(s).shadowRoot.querySelector('[role=tab][aria-selected=true]')?.dataset.view === v, [sel, view]);
}

async function shot(page, sel, name) {
  await page.locator(sel).screenshot({ path: join(outDir(), `proposals-${name}.png`) });
}

export const checks = [
  {
    name: 'proposals: every stage, answer class and card state renders in ko and en; screenshots of each view at 1280 and 375',
    async run(env) {
      for (const width of [1280, 375]) {
        const p = await open(env, '/index.html', { viewport: { width, height: 900 } });
        try {
          await setToday(p.page);
          for (const lang of ['ko', 'en']) {
            const sel = W[lang];
            await waitState(p.page, sel);
            // every stage: filter by each stage and expect at least one row; the core's labels come through
            const stages = await p.page.evaluate(([s, stages]) => {
              const el = document.querySelector(s), sel = el.shadowRoot.querySelector('select[name=stage]');
              return stages.map((st) => [st, [...sel.options].find((o) => o.value === st)?.textContent]);
            }, [sel, STAGES]);
            for (const [st, label] of stages) {
              assert(label, `${lang}: stage ${st} is offered`);
              await p.page.locator(`${sel} select[name=stage]`).selectOption(st);
              await p.page.waitForFunction(([s, l]) => {
                const r = document.querySelector(s).shadowRoot;
                return [...r.querySelectorAll('tbody td[data-label]')].some((td) => td.textContent === l);
              }, [sel, label], { timeout: 3000 }).catch(() => { throw new Error(`${lang}: no row at stage ${st} (${label})`); });
            }
            await p.page.locator(`${sel} select[name=stage]`).selectOption('');
            // every answer class, in the list's answer cells (all pages)
            const seen = new Set();
            for (let i = 0; i < 6; i++) {
              const cells = await p.page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('tbody .tag[data-answer]')].map((t) => t.textContent), sel);
              cells.forEach((c) => seen.add(c));
              const next = p.page.locator(`${sel} [part~=pager] button[data-k=next]`);
              if (!(await next.count()) || (await next.isDisabled())) break;
              await next.click();
            }
            for (const a of ANSWERS[lang]) assert(seen.has(a), `${lang}: answer class ${a} appears in the list (saw ${[...seen]})`);
            if (lang === 'ko') {
              await p.page.locator(`${sel} [part~=pager] button[data-k=prev]`).click().catch(() => {});
            }
            await p.page.evaluate((s) => document.querySelector(s).setAttribute('view', 'list'), sel);
            await p.page.evaluate(() => history.replaceState(null, '', location.pathname));
            await p.page.reload();
            await setToday(p.page);
            await waitState(p.page, sel);
            await shot(p.page, sel, `list-${lang}-${width}`);
            await tab(p.page, sel, 'cards');
            const cards = await p.page.evaluate(read, sel);
            for (const st of STATES[lang]) assert(cards.text.includes(st), `${lang}: card state ${st} shown`);
            assert(cards.text.includes('⚠'), `${lang}: overdue is marked with a symbol and text, not colour alone`);
            await shot(p.page, sel, `cards-${lang}-${width}`);
            await tab(p.page, sel, 'stats');
            await shot(p.page, sel, `stats-${lang}-${width}`);
            await tab(p.page, sel, 'changed');
            await shot(p.page, sel, `changed-${lang}-${width}`);
            await tab(p.page, sel, 'list');
            await p.page.locator(`${sel} tbody [part~=proposal-link]`).nth(3).click();
            await p.page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~=timeline]'), sel);
            await shot(p.page, sel, `detail-${lang}-${width}`);
          }
          noErrors(p);
        } finally {
          await p.close();
        }
      }
    },
  },
  {
    name: 'proposals: ministry filter and text search narrow the list and come back from the hash on reload',
    async run(env) {
      const p = await open(env, '/index.html');
      try {
        const sel = W.en;
        await waitState(p.page, sel);
        const all = await p.page.evaluate(() => document.querySelector('#proposals-en').shadowRoot.querySelector('[part~=caption]').textContent);
        const total = parseInt(all, 10), h0 = await p.page.evaluate(() => history.length);
        await p.page.locator(`${sel} select[name=ministry]`).selectOption('mois');
        await p.page.waitForFunction((t) => parseInt(document.querySelector('#proposals-en').shadowRoot.querySelector('[part~=caption]').textContent, 10) < t, total);
        const byMinistry = await p.page.evaluate(read, sel);
        const core = await p.page.evaluate(async () => {
          // the page runs the bundle; the test's own reference instance of the core:
          const { default: init, Feed } = await import('./pkg/cogov.js');
          await init({ module_or_path: './pkg/cogov_bg.wasm' });
          const f = new Feed(await (await fetch('data/feed.json')).text());
          const r = f.proposals({ ministry: 'mois', text: 'local', limit: 100 }, 'en');
          return { total: f.proposals({ ministry: 'mois' }, 'en').total, narrowed: r.items.map((i) => i.id) };
        });
        assert(byMinistry.caption.startsWith(`${core.total} `), `ministry filter count ${byMinistry.caption} = core ${core.total}`);
        await p.page.locator(`${sel} input[name=q]`).fill('local');
        await p.page.locator(`${sel} input[name=q]`).press('Enter');
        await p.page.waitForFunction((n) => parseInt(document.querySelector('#proposals-en').shadowRoot.querySelector('[part~=caption]').textContent, 10) === n, core.narrowed.length);
        const narrowed = await p.page.evaluate(read, sel);
        assert(narrowed.rows.length < byMinistry.rows.length || core.narrowed.length < core.total, 'text search narrows the list');
        eq(narrowed.rows, core.narrowed.slice(0, 10), 'rows after ministry + text');
        const hash = await p.page.evaluate(() => location.hash);
        assert(hash.includes('p-en=') && hash.includes('ministry:mois') && hash.includes('q:local'), `hash keeps the state: ${hash}`);
        eq(await p.page.evaluate(() => history.length), h0, 'history entries (replaceState, no spam)');
        await p.page.reload();
        await waitState(p.page, sel);
        const back = await p.page.evaluate(read, sel);
        eq(back.rows, narrowed.rows, 'rows restored from the hash');
        eq(await p.page.evaluate(() => [document.querySelector('#proposals-en').shadowRoot.querySelector('select[name=ministry]').value,
          document.querySelector('#proposals-en').shadowRoot.querySelector('input[name=q]').value]), ['mois', 'local'], 'form restored');
        const ko = await p.page.evaluate(read, W.ko);
        assert(ko.rows.length === 10, 'the Korean widget (its own hash key) is not filtered');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'proposals: keyboard — tabs by arrows, Tab to a row link, Enter opens the timeline and fires cogov-select',
    async run(env) {
      const p = await open(env, '/index.html', { init: LISTEN });
      try {
        const sel = W.ko;
        await waitState(p.page, sel);
        await p.page.locator(`${sel} [role=tab][data-view=list]`).focus();
        await p.page.keyboard.press('ArrowRight');
        eq((await p.page.evaluate(read, sel)).tab, 'cards', 'ArrowRight moves to the next tab');
        await p.page.keyboard.press('ArrowLeft');
        eq((await p.page.evaluate(read, sel)).tab, 'list', 'ArrowLeft moves back');
        // Tab through the form to the first row's link
        let focused;
        for (let i = 0; i < 30; i++) {
          await p.page.keyboard.press('Tab');
          focused = await p.page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement?.getAttribute('part'), sel);
          if (focused === 'proposal-link') break;
        }
        eq(focused, 'proposal-link', 'Tab reaches a row');
        const title = await p.page.evaluate((s) => document.querySelector(s).shadowRoot.activeElement.textContent, sel);
        await p.page.keyboard.press('Enter');
        await p.page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~=timeline]'), sel);
        const d = await p.page.evaluate(read, sel);
        eq([d.tab, d.heading, d.focused], ['detail', title, title], 'Enter opens the detail and focuses its heading');
        const steps = await p.page.evaluate((s) => document.querySelectorAll(s).length && document.querySelector(s).shadowRoot.querySelectorAll('[part~=timeline] > li').length, sel);
        assert(steps >= 2, `the timeline lists the steps (${steps})`);
        const sel2 = await p.page.evaluate(() => window.__selects);
        eq(sel2.map((x) => [x.kind, x.name]), [['proposal', title]], 'cogov-select detail');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'proposals: detail timeline and answers of a multi-ministry proposal; stats table equals the core',
    async run(env) {
      const p = await open(env, '/index.html#p-en=view:detail,id:p-2022-public-medical-school');
      try {
        const sel = W.en;
        await waitState(p.page, sel);
        const d = await p.page.evaluate(read, sel);
        const core = await p.page.evaluate(async () => {
          // the page runs the bundle; the test's own reference instance of the core:
          const { default: init, Feed } = await import('./pkg/cogov.js');
          await init({ module_or_path: './pkg/cogov_bg.wasm' });
          const f = new Feed(await (await fetch('data/feed.json')).text());
          const id = f.proposals({ ministry: 'mohw' }, 'en').items[0]?.id;
          return { id, stats: f.proposalStats('year', 'en', null, null), detail: id && f.proposal(id, 'en', null) };
        });
        if (d.tab !== 'detail') {
          // the id guessed in the URL may not exist: open the core's first proposal addressed to the health ministry
          await p.page.evaluate((id) => { location.hash = `p-en=view:detail,id:${id}`; }, core.id);
          await p.page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~=timeline]'), sel);
        }
        const d2 = await p.page.evaluate(read, sel);
        eq(d2.tab, 'detail', 'detail from the hash');
        const items = await p.page.evaluate((s) => document.querySelector(s).shadowRoot.querySelectorAll('[part~=timeline] > li').length, sel);
        eq(items, core.detail.timeline.length, 'timeline steps');
        for (const t of core.detail.timeline) assert(d2.text.includes(t.stage_label), `timeline shows ${t.stage_label}`);
        for (const m of core.detail.ministries) assert(d2.text.includes(m.name) && d2.text.includes(m.answer_label), `answer of ${m.name}`);

        await tab(p.page, sel, 'stats');
        await p.page.locator(`${sel} select[data-k=by]`).selectOption('year');
        await p.page.waitForFunction((s) => document.querySelector(s).shadowRoot.querySelector('[part~=stats-table] caption')?.textContent.includes('year'), sel);
        const table = await p.page.evaluate((s) => [...document.querySelector(s).shadowRoot.querySelectorAll('[part~=stats-table] tbody tr')]
          .map((tr) => [...tr.children].slice(0, 7).map((c) => c.textContent)), sel);
        const want = core.stats.groups.map((g) => [g.name, ...['accepted', 'partly_accepted', 'not_accepted', 'long_term', 'pending', 'answered'].map((k) => String(g[k]))]);
        eq(table, want, 'stats table = proposalStats by year');
        const chart = await p.page.evaluate((s) => {
          const svg = document.querySelector(s).shadowRoot.querySelector('svg[role=img]');
          return { label: svg.getAttribute('aria-label'), bars: svg.querySelectorAll('rect').length };
        }, sel);
        assert(chart.label.includes('by year') && chart.bars > 0, `chart: ${JSON.stringify(chart)}`);
        assert((await p.page.evaluate(read, sel)).text.includes('partial acceptance counts as 0.5'), 'the weighting note is visible');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'proposals: a broken feed shows its problems inside the widget; the CSP page renders it',
    async run(env) {
      const p = await open(env, '/__fixtures__/proposals-broken.html');
      try {
        eq(await waitState(p.page, '#broken', ['error']), 'error', 'state');
        const r = await p.page.evaluate(() => {
          const root = document.querySelector('#broken').shadowRoot;
          return { alert: root.querySelector('[role=alert]')?.textContent || '', paths: [...root.querySelectorAll('[part~=problem-path]')].map((c) => c.textContent) };
        });
        assert(r.paths.length > 0, `problems listed: ${r.alert}`);
      } finally {
        await p.close();
      }
      const c = await openCsp(env);
      try {
        await waitState(c.page, '#proposals-csp');
        await tab(c.page, '#proposals-csp', 'stats');
        eq(await cspViolations(c.page), [], 'securitypolicyviolation events');
        noErrors(c);
      } finally {
        await c.close();
      }
    },
  },
];
