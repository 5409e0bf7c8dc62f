// Accessibility: axe-core (pinned in package.json) on every view of every widget, ko and en, at
// 1280 and 320 px, light and dark (emulated prefers-color-scheme on a page declaring
// `color-scheme: light dark`): 0 violations. Run via run.mjs; COGOV_SHOTS=1 also writes
// screenshots of each view into tests/out/a11y/.
//
// The page is tests/page/fixtures/a11y.html: a host page with an h1 and an h2 above each widget
// (axe's heading-order reads the page's headings and the widgets' together), every widget in ko and
// en, and a calendar of cancelled sessions (the status label's contrast). axe runs on the whole
// document: no rule is disabled.
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assert, noErrors, open, OUT, ROOT, waitState } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const IDS = ['s-ko', 's-en', 'c-ko', 'c-en', 'c-x', 'p-ko', 'p-en'];
const SHOTS = process.env.COGOV_SHOTS ? join(OUT, 'a11y') : null;

/** In the page: clicks `q` inside the shadow root of `#id` (the first match), or throws. */
function click([id, q]) {
  const el = document.getElementById(id).shadowRoot.querySelector(q);
  if (!el) throw new Error(`#${id}: no ${q}`);
  el.click();
}

/** Waits for every widget's render after an action (one microtask batch, then a frame). */
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30))));

/** Each step puts every widget in another view; axe runs after each. */
const STEPS = [
  // structure: the chart with the first body's detail panel; calendar: the month grid (a list at
  // 320 px); proposals: the list
  ['first views', async () => {}],
  ['structure: a body with seats; calendar: list; proposals: detail', async (page) => {
    for (const l of ['ko', 'en']) {
      await page.evaluate(click, [`s-${l}`, '[data-key="/cooperation-meeting"] > .row']);
      await page.evaluate((id) => document.getElementById(id).setAttribute('view', 'list'), `c-${l}`);
      await page.evaluate(click, [`p-${l}`, '[part~=proposal-link]']);
    }
    await page.evaluate(() => document.getElementById('c-x').setAttribute('view', 'list'));
  }],
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
  }],
  ['calendar: filtered by a body, next month; proposals: statistics', async (page) => {
    for (const l of ['ko', 'en']) {
      await page.evaluate((id) => {
        const el = document.getElementById(id);
        el.setAttribute('body', 'ga-general-assembly');
        el.setAttribute('month', '2026-08');
      }, `c-${l}`);
      await page.evaluate(click, [`p-${l}`, '[role=tab][data-view=stats]']);
    }
  }],
  ['proposals: changes between sessions', async (page) => {
    for (const l of ['ko', 'en']) await page.evaluate(click, [`p-${l}`, '[role=tab][data-view=changed]']);
  }],
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
    for (const [name, step] of STEPS) {
      await step(p.page);
      await settle(p.page);
      for (const id of IDS) await waitState(p.page, '#' + id);
      const v = await axe(p.page);
      if (v.length) found.push(`${width} px ${scheme}, ${name}:\n      ${v.join('\n      ')}`);
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
