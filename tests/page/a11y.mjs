// Accessibility: axe-core (pinned in package.json) on every view of every widget, ko and en, at
// 1280 and 320 px, light and dark (emulated prefers-color-scheme on a page declaring
// `color-scheme: light dark`): 0 violations; and the presentation attributes (heading-level,
// first-day, hour12), chart contrast, scroll regions, print. Run via run.mjs; COGOV_SHOTS=DIR also
// writes a screenshot of each widget in each view into DIR (to look at, not compared).
//
// The page is tests/page/fixtures/a11y.html: a host page with an h1 and an h2 above each widget
// (axe's heading-order reads the page's headings and the widgets' together), every widget in ko and
// en, and a calendar of cancelled sessions (the status label's contrast). axe runs on the whole
// document: no rule is disabled.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, eq, noErrors, open, ROOT, waitState } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const IDS = ['s-ko', 's-en', 'c-ko', 'c-en', 'c-x', 'p-ko', 'p-en'];
const SHOTS = process.env.COGOV_SHOTS || null;

/** In the page: clicks `q` inside the shadow root of `#id` (the first match), or throws. */
function click([id, q]) {
  const el = document.getElementById(id).shadowRoot.querySelector(q);
  if (!el) throw new Error(`#${id}: no ${q}`);
  el.click();
}

/** Waits for every widget's render after an action (one microtask batch, then a frame). */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));

/** In the page: what each widget shows (to check that a step reached the view it names). */
function views() {
  const r = (id) => document.getElementById(id).shadowRoot;
  const out = {};
  for (const l of ['ko', 'en']) {
    const s = r(`s-${l}`), c = r(`c-${l}`), p = r(`p-${l}`), panel = c.querySelector('[part~=detail]');
    out[l] = {
      body: s.querySelector('[aria-selected=true]')?.dataset.key,
      calendar: c.querySelector('[role=grid]') ? 'grid' : c.querySelector('[part~=list]') ? 'list' : 'none',
      detail: panel && !panel.hidden ? 'open' : 'closed',
      filter: c.querySelector('[part~=filter]')?.value,
      tab: p.querySelector('[role=tab][aria-selected=true]')?.dataset.view,
    };
  }
  const x = r('c-x').querySelector('[part~=detail]');
  out.x = x && !x.hidden ? 'open' : 'closed';
  return out;
}

/** Each step puts every widget in another view; axe runs after each. */
const STEPS = [
  // structure: the chart with the first body's detail panel; calendar: the month grid (a list at
  // 320 px); proposals: the list
  ['first views', async () => {}, (v, narrow) => v.body === '/cooperation-meeting' && v.calendar === (narrow ? 'list' : 'grid') && v.tab === 'list'],
  ['structure: a body with seats; calendar: list; proposals: detail', async (page) => {
    for (const l of ['ko', 'en']) {
      await page.evaluate(click, [`s-${l}`, '[data-key="/cooperation-meeting"] > .row']);
      await page.evaluate((id) => document.getElementById(id).setAttribute('view', 'list'), `c-${l}`);
      await page.evaluate(click, [`p-${l}`, '[part~=proposal-link]']);
    }
    await page.evaluate(() => document.getElementById('c-x').setAttribute('view', 'list'));
  }, (v) => v.calendar === 'list' && v.tab === 'detail'],
  ['calendar: month grid and a session detail; proposals: cards', async (page) => {
    for (const l of ['ko', 'en']) {
      await page.evaluate((id) => document.getElementById(id).setAttribute('view', 'month'), `c-${l}`);
      await settle(page);
      await page.evaluate(click, [`c-${l}`, '[data-k=upnext]']);
      await page.evaluate(click, [`p-${l}`, '[role=tab][data-view=cards]']);
    }
    await page.evaluate(() => document.getElementById('c-x').setAttribute('view', 'month'));
    await settle(page);
    await page.evaluate(click, ['c-x', '.title, .chip']);
  }, (v, narrow, x) => v.calendar === (narrow ? 'list' : 'grid') && v.detail === 'open' && v.tab === 'cards' && x === 'open'],
  ['calendar: filtered by a body, next month; proposals: statistics', async (page) => {
    for (const l of ['ko', 'en']) {
      await page.evaluate((id) => {
        const el = document.getElementById(id);
        el.setAttribute('body', 'ga-general-assembly');
        el.setAttribute('month', '2026-08');
      }, `c-${l}`);
      await page.evaluate(click, [`p-${l}`, '[role=tab][data-view=stats]']);
    }
  }, (v) => v.filter === 'ga-general-assembly' && v.tab === 'stats'],
  ['proposals: changes between sessions', async (page) => {
    for (const l of ['ko', 'en']) await page.evaluate(click, [`p-${l}`, '[role=tab][data-view=changed]']);
  }, (v) => v.tab === 'changed'],
];

async function axe(page) {
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 6).map((n) =>
      `        ${JSON.stringify(n.target)} ${n.failureSummary.split('\n').slice(1).join(' ').slice(0, 240)}`).join('\n'));
  });
}

async function pass(env, width, scheme) {
  const p = await open(env, '/__fixtures__/a11y.html', { viewport: { width, height: 900 } });
  const found = [];
  try {
    await p.page.emulateMedia({ colorScheme: scheme });
    for (const id of IDS) await waitState(p.page, '#' + id);
    await p.page.addScriptTag({ content: AXE });
    for (const [name, step, expect] of STEPS) {
      await step(p.page);
      await settle(p.page);
      for (const id of IDS) await waitState(p.page, '#' + id);
      const v = await p.page.evaluate(views);
      for (const l of ['ko', 'en']) assert(expect(v[l], width < 560, v.x), `${width} px ${scheme}, ${name}: ${l} shows ${JSON.stringify(v[l])} (x: ${v.x})`);
      const bad = await axe(p.page);
      if (bad.length) found.push(`${width} px ${scheme}, ${name}:\n      ${bad.join('\n      ')}`);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        const i = STEPS.findIndex(([n]) => n === name);
        for (const id of IDS) {
          await p.page.locator('#' + id).screenshot({ path: join(SHOTS, `${id}-${i}-${width}-${scheme}.png`) });
        }
      }
    }
    noErrors(p);
  } finally {
    await p.close();
  }
  return found;
}

export const checks = [1280, 320].flatMap((width) => ['light', 'dark'].map((scheme) => ({
  name: `a11y: axe finds no violation in any view of any widget, ko and en, ${width} px, ${scheme}`,
  async run(env) {
    const found = await pass(env, width, scheme);
    assert(!found.length, `axe violations:\n    ${found.join('\n    ')}`);
  },
})));

/** In the page: the heading tags of a widget, in document order, with their text. */
function headings(id) {
  return [...document.getElementById(id).shadowRoot.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((x) => `${x.localName} ${x.textContent.trim().slice(0, 20)}`);
}

/** WCAG relative luminance and contrast of two `rgb(…)` colours (runs in Node). */
const lum = (c) => {
  const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const x = v / 255;
    return x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

checks.push(
  {
    name: 'a11y: heading-level sets the widgets\' heading levels (2 under a page h1, capped at h6), a bad one is an error in the widget\'s language; axe passes on that page (error boxes too), light and dark',
    async run(env) {
      const p = await open(env, '/__fixtures__/headings.html');
      try {
        for (const id of ['s2', 'c2', 'c-ko', 'c24', 'p2', 's6']) await waitState(p.page, '#' + id);
        const s2 = await p.page.evaluate(headings, 's2');
        assert(s2[0].startsWith('h2 ') && s2.slice(1).every((x) => x.startsWith('h3 ')) && s2.length > 2, `s2 headings: ${s2}`);
        const c2 = await p.page.evaluate(headings, 'c2');
        assert(c2[0] === 'h2 July 2026', `c2 headings: ${c2}`);
        const s6 = await p.page.evaluate(headings, 's6');
        assert(s6.length > 2 && s6.every((x) => x.startsWith('h6 ')), `s6 headings (capped at h6): ${s6}`);
        // proposals: the detail's title at the top level, its sections and cards one below
        await p.page.evaluate(click, ['p2', '[part~=proposal-link]']);
        await settle(p.page);
        const p2 = await p.page.evaluate(headings, 'p2');
        assert(p2[0].startsWith('h2 ') && p2.slice(1).every((x) => x.startsWith('h3 ')), `p2 detail headings: ${p2}`);
        await p.page.evaluate(click, ['p2', '[role=tab][data-view=cards]']);
        await settle(p.page);
        const cards = await p.page.evaluate(headings, 'p2');
        assert(cards.length > 1 && cards.every((x) => x.startsWith('h2 ')), `p2 cards headings: ${cards}`);
        for (const [id, path, text] of [['s-bad', 'heading-level', 'heading-level must be a whole number from 1 to 6 (got "9")'],
          ['c-bad', 'first-day', 'first-day 속성은 0부터 6까지의 정수여야 합니다 (받은 값: "7")']]) {
          eq(await waitState(p.page, '#' + id, ['error', 'ready']), 'error', `${id} state`);
          const e = await p.page.$eval('#' + id, (el) => ({ path: el.error.path, code: el.error.code, text: el.shadowRoot.querySelector('[role=alert]').textContent }));
          eq([e.code, e.path], ['arg.attribute', path], `${id} error`);
          assert(e.text.includes(text), `${id} shows "${text}": ${e.text}`);
        }
        // the whole page, light and dark: heading-order under the h1, h6 headings, the error boxes
        await p.page.addScriptTag({ content: AXE });
        for (const scheme of ['light', 'dark']) {
          await p.page.emulateMedia({ colorScheme: scheme });
          const bad = await axe(p.page);
          assert(!bad.length, `${scheme}: axe violations:\n      ${bad.join('\n      ')}`);
        }
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'a11y: first-day starts the month grid and its weekday header on that day (Home/End follow); hour12 writes 12-hour times in ko and en',
    async run(env) {
      const p = await open(env, '/__fixtures__/headings.html');
      try {
        for (const id of ['c2', 'c-ko', 'c24']) await waitState(p.page, '#' + id);
        const grid = (id) => p.page.evaluate((id) => {
          const r = document.getElementById(id).shadowRoot;
          return {
            heads: [...r.querySelectorAll('[role=columnheader]')].map((th) => th.getAttribute('abbr')),
            first: r.querySelector('[role=gridcell]').dataset.day,
            last: [...r.querySelectorAll('[role=gridcell]')].pop().dataset.day,
            times: [...r.querySelectorAll('.chip .time')].map((t) => t.textContent),
            upcoming: r.querySelector('[part~=upcoming]').textContent,
          };
        }, id);
        const mon = await grid('c2');
        eq([mon.heads[0], mon.heads[6], mon.first, mon.last], ['Monday', 'Sunday', '2026-06-29', '2026-08-02'], 'c2 first-day=1 (Monday)');
        assert(mon.times.length && mon.times.every((t) => /^\d{1,2}:\d\d [ap]m$/.test(t)), `c2 12-hour times: ${mon.times}`);
        const sat = await grid('c-ko');
        eq([sat.heads[0], sat.first, sat.last], ['토요일', '2026-06-27', '2026-07-31'], 'c-ko first-day=6 (Saturday)');
        assert(sat.times.length && sat.times.every((t) => /^(오전|오후) \d{1,2}:\d\d$/.test(t)), `c-ko 12-hour times: ${sat.times}`);
        const sun = await grid('c24');
        eq([sun.heads[0], sun.first], ['일요일', '2026-06-28'], 'c24 default first day (Sunday)');
        assert(sun.times.length && sun.times.every((t) => /^\d\d:\d\d$/.test(t)), `c24 24-hour times (hour12="false"): ${sun.times}`);
        // Home / End go to the first and last column of the week
        await p.page.evaluate(() => document.getElementById('c2').shadowRoot.querySelector('[data-day="2026-07-15"]').focus());
        const key = async (k) => (await p.page.keyboard.press(k), p.page.evaluate(() => document.getElementById('c2').shadowRoot.activeElement.dataset.day));
        eq([await key('Home'), await key('End')], ['2026-07-13', '2026-07-19'], 'Home/End with Monday first');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'a11y: chart segments have >= 3:1 contrast against the background in light and dark and a hatching per answer class; at 320 px the statistics tables scroll in focusable named regions',
    async run(env) {
      for (const scheme of ['light', 'dark']) {
        const p = await open(env, '/__fixtures__/a11y.html', { viewport: { width: 320, height: 900 } });
        try {
          await p.page.emulateMedia({ colorScheme: scheme });
          for (const l of ['ko', 'en']) {
            await waitState(p.page, `#p-${l}`);
            await p.page.evaluate(click, [`p-${l}`, '[role=tab][data-view=stats]']);
          }
          await settle(p.page);
          const r = await p.page.evaluate(() => {
            const root = document.getElementById('p-en').shadowRoot;
            return {
              bg: getComputedStyle(document.body).backgroundColor,
              fills: [...new Set([...root.querySelectorAll('.chart rect[data-answer]')].map((x) => `${x.dataset.answer} ${getComputedStyle(x).fill}`))],
              // each segment and swatch but accepted ones has a hatching over it, drawn by a pattern of the chart
              hatched: [...root.querySelectorAll('.chart rect[data-answer], .legend rect[data-answer]')].map((x) => {
                const over = x.nextElementSibling, id = over?.getAttribute('fill')?.match(/^url\(#(.+)\)$/)?.[1];
                return `${x.dataset.answer}:${id && root.getElementById(id)?.localName === 'pattern' ? 'hatched' : 'solid'}`;
              }),
              regions: [...root.querySelectorAll('.scroll')].map((x) => ({ role: x.getAttribute('role'), name: x.getAttribute('aria-label'), tab: x.tabIndex, scrolls: x.scrollWidth > x.clientWidth })),
            };
          });
          assert(r.fills.length >= 4, `${scheme}: answer classes in the chart: ${r.fills}`);
          const wrong = r.hatched.filter((x) => x.endsWith(x.startsWith('accepted:') ? 'hatched' : 'solid'));
          assert(r.hatched.length > 10 && !wrong.length, `${scheme}: hatching (not colour alone): ${wrong.join(' ') || r.hatched.length}`);
          for (const f of r.fills) {
            const c = contrast(f.slice(f.indexOf(' ') + 1), r.bg);
            assert(c >= 3, `${scheme}: ${f} on ${r.bg} is ${c.toFixed(2)}:1`);
          }
          eq(r.regions.map((x) => [x.role, !!x.name, x.tab]), [['region', true, 0], ['region', true, 0]], `${scheme}: scroll regions`);
          assert(r.regions[0].scrolls, `${scheme}: the statistics table scrolls at 320 px`);
          // reached by Tab: focus the last control before it, then Tab lands on the region
          await p.page.evaluate(() => document.getElementById('p-en').shadowRoot.querySelector('[data-k=by]').focus());
          await p.page.keyboard.press('Tab');
          const at = await p.page.evaluate(() => document.getElementById('p-en').shadowRoot.activeElement?.className);
          eq(at, 'scroll', `${scheme}: Tab after the group-by select`);
          noErrors(p);
        } finally {
          await p.close();
        }
      }
    },
  },
);

checks.push({
  name: 'a11y: printed, every widget is black on white with no controls, the whole tree open and the tables unboxed',
  async run(env) {
    const p = await open(env, '/__fixtures__/a11y.html', { viewport: { width: 800, height: 900 } });
    try {
      await p.page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      for (const id of IDS) await waitState(p.page, '#' + id);
      await p.page.evaluate(click, ['p-en', '[role=tab][data-view=stats]']);
      await settle(p.page);
      const r = await p.page.evaluate((ids) => ids.map((id) => {
        const root = document.getElementById(id).shadowRoot, shown = (x) => x.checkVisibility();
        return {
          id,
          color: getComputedStyle(root.querySelector('[part~=content]')).color,
          bg: getComputedStyle(document.getElementById(id)).backgroundColor,
          controls: [...root.querySelectorAll('button:not(.link):not(.sort), select, input, [role=tab]')].filter(shown).length,
          closed: [...root.querySelectorAll('[aria-expanded=false] > [role=group]')].filter((g) => !shown(g)).length,
          collapsed: root.querySelectorAll('[aria-expanded=false]').length,
          boxed: [...root.querySelectorAll('.scroll')].filter((x) => getComputedStyle(x).overflowX !== 'visible').length,
        };
      }), IDS);
      for (const w of r) {
        eq([w.color, w.bg, w.controls, w.closed, w.boxed], ['rgb(0, 0, 0)', 'rgb(255, 255, 255)', 0, 0, 0], `${w.id} printed (color, background, visible controls, hidden branches, scroll boxes)`);
      }
      assert(r[0].collapsed > 0, `the structure has collapsed branches to print open: ${r[0].collapsed}`);
      if (SHOTS) await p.page.screenshot({ path: join(SHOTS, 'print.png'), fullPage: true });
    } finally {
      await p.close();
    }
  },
});

checks.push({
  name: 'a11y: axe finds no violation on the demo pages with the shipped bundles (index.html, structure.html), 1280 px light and 320 px dark',
  async run(env) {
    for (const path of ['/index.html', '/structure.html']) {
      for (const [width, scheme] of [[1280, 'light'], [320, 'dark']]) {
        const p = await open(env, path, { viewport: { width, height: 900 } });
        try {
          await p.page.emulateMedia({ colorScheme: scheme });
          const n = await p.page.evaluate(() => document.querySelectorAll('cogov-structure, cogov-calendar, cogov-proposals').length);
          await p.page.waitForFunction(() => [...document.querySelectorAll('cogov-structure, cogov-calendar, cogov-proposals')]
            .every((e) => ['ready', 'error'].includes(e.getAttribute('state'))), null, { timeout: 20000 });
          await p.page.addScriptTag({ content: AXE });
          const bad = await axe(p.page);
          assert(n > 0 && !bad.length, `${path} ${width} px ${scheme} (${n} widgets): axe violations:\n      ${bad.join('\n      ')}`);
        } finally {
          await p.close();
        }
      }
    }
  },
});
