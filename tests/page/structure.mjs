// Checks of <cogov-structure> on www/index.html, www/csp.html and fixtures. Run via run.mjs.
import { join } from 'node:path';
import { assert, cspViolations, eq, LISTEN, noErrors, open, openCsp, outDir, waitState } from './harness.mjs';

/** Reads a structure widget's rendered state (runs in the page). */
function read(selector) {
  const el = document.querySelector(selector);
  const root = el.shadowRoot;
  const items = [...root.querySelectorAll('[role=treeitem]')].map((li) => ({
    key: li.dataset.key,
    name: li.querySelector('[part~=body-name]').textContent,
    level: +li.getAttribute('aria-level'),
    expanded: li.getAttribute('aria-expanded'),
    selected: li.getAttribute('aria-selected') === 'true',
    tabindex: li.tabIndex,
    visible: li.getClientRects().length > 0,
  }));
  const panel = root.querySelector('[part~=detail]');
  const seats = panel?.querySelector('[part~=seats]');
  const sides = {};
  for (const s of seats?.querySelectorAll('.side') || []) sides[s.dataset.side] = +s.querySelector('data').value;
  return {
    state: el.getAttribute('state'),
    items,
    focused: root.activeElement?.dataset?.key || null,
    panel: panel && {
      name: panel.querySelector('[part~=detail-name]').textContent,
      total: seats ? +seats.querySelector('h4 data').value : 0,
      sides,
      text: panel.textContent,
    },
    alert: root.querySelector('[role=alert]')?.textContent || null,
    paths: [...root.querySelectorAll('[part~=problem-path]')].map((c) => c.textContent),
  };
}

async function clickBody(page, selector, name) {
  const row = page.locator(`${selector} [role=treeitem] > .row`).filter({ has: page.locator(`[part~=body-name]:text-is(${JSON.stringify(name)})`) }).first();
  await row.click();
}

export const checks = [
  {
    name: 'structure: default feed in ko and en (25 = 6 + 19; assembly 17)',
    async run(env) {
      const p = await open(env, '/index.html', { init: LISTEN });
      try {
        await waitState(p.page, '#structure-ko');
        await waitState(p.page, '#structure-en');
        const ko = await p.page.evaluate(read, '#structure-ko');
        const en = await p.page.evaluate(read, '#structure-en');
        const koNames = ko.items.map((i) => i.name), enNames = en.items.map((i) => i.name);
        for (const n of ['중앙지방협력회의', '중앙지방협력회의 실무협의회', '대한민국시도지사협의회 총회']) assert(koNames.includes(n), `ko tree lacks ${n}: ${koNames}`);
        for (const n of ['Central-Local Government Cooperation Meeting', 'Governors Association of the Republic of Korea']) assert(enNames.includes(n), `en tree lacks ${n}: ${enNames}`);
        eq(ko.items[0].key, '/cooperation-meeting', 'first root');
        assert(ko.items[0].selected && ko.items[0].tabindex === 0, 'the first root is selected and is the tab stop');
        eq(ko.items.filter((i) => i.tabindex === 0).length, 1, 'tab stops in the tree');
        eq([ko.panel.name.startsWith('중앙지방협력회의'), ko.panel.total, ko.panel.sides], [true, 25, { central: 6, local: 19 }], 'ko Cooperation Meeting seats');
        eq([en.panel.total, en.panel.sides], [25, { central: 6, local: 19 }], 'en Cooperation Meeting seats');
        assert(en.panel.text.includes('Local Autonomy Act') && ko.panel.text.includes('지방자치법'), 'legal basis shown in both languages');
        assert(ko.panel.text.includes('제186조') && en.panel.text.includes('Art. 186'), 'article numbers are formatted');
        const ga = en.items.find((i) => i.key === '/gaok-association/ga-general-assembly');
        assert(ga && ga.visible, 'the General Assembly is shown under the Governors Association');
        // once, under its first parent (part_of the association), the assembly it supports named as also under
        eq(en.items.filter((i) => i.key.endsWith('/ga-working-council')).map((i) => i.key), ['/gaok-association/ga-working-council'], 'the GA working council appears once');
        eq(new Set(en.items.map((i) => i.key.split('/').pop())).size, en.items.length, 'each body once');

        await clickBody(p.page, '#structure-en', 'General Assembly of the Governors Association of the Republic of Korea');
        await clickBody(p.page, '#structure-ko', '대한민국시도지사협의회 총회');
        const en2 = await p.page.evaluate(read, '#structure-en');
        const ko2 = await p.page.evaluate(read, '#structure-ko');
        eq([en2.panel.total, en2.panel.sides], [17, { local: 17 }], 'en General Assembly seats');
        eq([ko2.panel.total, ko2.panel.sides], [17, { local: 17 }], 'ko General Assembly seats');
        assert(en2.panel.text.includes('Part of Governors Association of the Republic of Korea'), `relation to parent: ${en2.panel.text.slice(0, 200)}`);
        const sel = await p.page.evaluate(() => window.__selects);
        eq(sel.map((s) => [s.target, s.kind, s.id]), [['structure-en', 'body', 'ga-general-assembly'], ['structure-ko', 'body', 'ga-general-assembly']], 'cogov-select events from clicks (and none at load)');
        eq(sel[1].name, '대한민국시도지사협의회 총회', 'event name in the widget language');
        await clickBody(p.page, '#structure-en', 'Working-level Council of the Governors Association of the Republic of Korea');
        const wc = (await p.page.evaluate(read, '#structure-en')).panel.text;
        assert(wc.includes('Part of Governors Association of the Republic of Korea') && wc.includes('Also under: General Assembly of the Governors Association'), `GA working council relations: ${wc.slice(0, 300)}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'structure: keyboard (Tab in, arrows, Home/End, Left/Right, Enter/Space select)',
    async run(env) {
      const p = await open(env, '/index.html', { init: LISTEN });
      const { page } = p;
      const state = () => page.evaluate(read, '#structure-ko');
      try {
        await waitState(page, '#structure-ko');
        let s;
        for (let i = 0; i < 25; i++) {
          await page.keyboard.press('Tab');
          s = await state();
          if (s.focused) break;
        }
        eq(s.focused, '/cooperation-meeting', 'Tab lands on the selected body');
        const press = async (key, expect) => {
          await page.keyboard.press(key);
          s = await state();
          eq(s.focused, expect, `focus after ${key}`);
          eq(s.items.filter((i) => i.tabindex === 0).map((i) => i.key), [expect], `roving tab stop after ${key}`);
        };
        await press('ArrowDown', '/cooperation-meeting/cooperation-meeting-working-council');
        await press('ArrowDown', '/cooperation-meeting/cooperation-meeting-support-group');
        await press('ArrowUp', '/cooperation-meeting/cooperation-meeting-working-council');
        await press('ArrowLeft', '/cooperation-meeting');
        await press('ArrowLeft', '/cooperation-meeting');
        eq(s.items[0].expanded, 'false', 'Left collapses an open body');
        assert(!s.items[1].visible, 'children of a collapsed body are hidden');
        await press('ArrowDown', '/gaok-association');
        await press('ArrowRight', '/gaok-association/ga-general-assembly');
        await press('Home', '/cooperation-meeting');
        await press('ArrowRight', '/cooperation-meeting');
        eq(s.items[0].expanded, 'true', 'Right expands a closed body');
        await press('End', s.items.filter((i) => i.visible).at(-1).key);
        await press('Home', '/cooperation-meeting');
        await press('ArrowDown', '/cooperation-meeting/cooperation-meeting-working-council');
        assert(!(await page.evaluate(() => window.__selects.length)), 'moving focus does not select');
        await page.keyboard.press('Enter');
        s = await state();
        assert(s.items[1].selected && !s.items[0].selected, 'Enter selects the focused body');
        eq([s.panel.total, s.panel.sides], [23, { central: 5, local: 18 }], 'working council seats after Enter');
        assert(s.panel.text.includes('공동의장'), 'co-chairs shown in Korean');
        await press('ArrowDown', '/cooperation-meeting/cooperation-meeting-support-group');
        await page.keyboard.press(' ');
        const sel = await page.evaluate(() => window.__selects);
        eq(sel.map((e) => e.id), ['cooperation-meeting-working-council', 'cooperation-meeting-support-group'], 'cogov-select from Enter and Space');
        const log = await page.textContent('#log');
        assert(log.includes('cooperation-meeting-support-group'), `the page's event log shows the selection: ${log}`);
        s = await state();
        assert(s.panel.text.includes('상임단장'), 'standing director label in Korean');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'structure: a broken feed shows its problems inside the widget; the page keeps working',
    async run(env) {
      const p = await open(env, '/index.html');
      try {
        eq(await waitState(p.page, '#structure-broken', ['ready', 'error']), 'error', 'state of the broken widget');
        const s = await p.page.evaluate(read, '#structure-broken');
        for (const path of ['bodies[0].part_of[0]', 'bodies[0].seats[0].count', 'bodies[2].id', 'bodies[2].kind']) assert(s.paths.includes(path), `problem path ${path} listed: ${s.paths}`);
        assert(s.alert.includes('ref.dangling') && s.alert.includes('id.duplicate'), `codes listed: ${s.alert}`);
        const fallback = await p.page.evaluate(() => {
          const slot = document.querySelector('#structure-broken').shadowRoot.querySelector('slot');
          return slot?.assignedElements().map((e) => e.textContent.trim()).join(' ');
        });
        assert(fallback?.includes('Fallback content'), 'the light-DOM fallback stays visible on error');
        eq(await p.page.evaluate(() => document.querySelector('#structure-broken').error?.code), 'number.range', 'element.error.code');
        await waitState(p.page, '#structure-ko');
        await p.page.click('#host-button');
        await p.page.click('#host-button');
        eq(await p.page.textContent('#host-count'), '2', 'the host page button still works');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'structure: strict CSP page renders without violations',
    async run(env) {
      const p = await openCsp(env);
      try {
        await waitState(p.page, '#structure-csp');
        const s = await p.page.evaluate(read, '#structure-csp');
        assert(s.items.length > 10 && s.panel.total === 25, 'the widget rendered under CSP');
        const styled = await p.page.evaluate(() => {
          const row = document.querySelector('#structure-csp').shadowRoot.querySelector('.row');
          const bar = document.querySelector('#structure-csp').shadowRoot.querySelector('.bar span');
          return { display: getComputedStyle(row).display, grow: getComputedStyle(bar).flexGrow };
        });
        eq(styled, { display: 'flex', grow: '6' }, 'the adopted stylesheet and CSSOM styles apply under CSP');
        const violations = await cspViolations(p.page);
        eq(violations, [], 'securitypolicyviolation events');
        const csp = p.console.filter((m) => /Content Security Policy|Refused to/i.test(m));
        eq(csp, [], 'CSP console messages');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'structure: inline data, body, as-of, lang change, unknown body, double define',
    async run(env) {
      const p = await open(env, '/__fixtures__/inline.html');
      try {
        await waitState(p.page, '#inline');
        let s = await p.page.evaluate(read, '#inline');
        eq(s.items.map((i) => i.key), ['/council', '/council/subcommittee'], 'rooted at body="council"');
        eq([s.panel.total, s.panel.sides], [30, { citizen: 25, official: 5 }], 'inline council seats');
        assert(s.panel.text.includes('Lee Current') && !s.panel.text.includes('Kim Old'), 'as-of keeps only the current holder');
        assert(s.panel.text.includes('2 years'), 'term shown');
        assert(s.panel.text.includes('Sample District'), 'caption names the publisher');
        const badges = await p.page.evaluate(() => document.querySelector('#inline').shadowRoot.querySelectorAll('[part~=badge]').length);
        assert(badges >= 2, 'illustrative badges on the sub-body (tree) and the holder (panel)');
        const fallbackShown = await p.page.evaluate(() => !!document.querySelector('#inline').shadowRoot.querySelector('slot'));
        assert(!fallbackShown, 'the fallback is not shown once ready');
        await p.page.evaluate(() => document.querySelector('#inline').setAttribute('lang', 'ko'));
        await p.page.waitForFunction(() => document.querySelector('#inline').shadowRoot.textContent.includes('시범구 협치회의'));
        s = await p.page.evaluate(read, '#inline');
        assert(s.panel.text.includes('2년') && s.panel.text.includes('민간 대표'), 'lang="ko" re-renders in Korean');
        eq(await waitState(p.page, '#unknown', ['ready', 'error']), 'error', 'unknown body is an error state');
        const u = await p.page.evaluate(read, '#unknown');
        assert(u.alert.includes('query.unknown_body') && u.alert.includes('no-such-body'), `unknown body message: ${u.alert}`);
        const again = await p.page.evaluate(() => {
          const C = customElements.get('cogov-structure');
          C.define('cogov-structure');
          C.define('cogov-structure');
          return customElements.get('cogov-structure') === C;
        });
        assert(again, 'define() twice is a no-op');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'structure: a lattice, a 3,000-deep chain and 30,000 bodies render within the caps; a valid widget keeps working',
    async run(env) {
      const p = await open(env, '/__fixtures__/structure-limits.html', { init: LISTEN });
      const { page } = p;
      // what a widget shows, and every node (elements and text) of its shadow root
      const shape = (sel) => page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const walk = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
        let nodes = 0;
        while (walk.nextNode()) nodes++;
        const items = [...root.querySelectorAll('[role=treeitem]')];
        const cut = root.querySelector('[part~=truncated]');
        return {
          state: document.querySelector(sel).getAttribute('state'),
          nodes,
          items: items.length,
          ids: new Set(items.map((li) => li.dataset.key.split('/').pop())).size,
          deepest: Math.max(...items.map((li) => +li.getAttribute('aria-level'))),
          cut: cut && cut.getClientRects().length > 0 ? cut.textContent : null,
          metas: items.map((li) => li.querySelector('[part~=meta]').textContent),
        };
      }, sel);
      try {
        for (const sel of ['#lattice', '#chain-ko', '#chain-en', '#wide', '#fat', '#valid']) eq(await waitState(page, sel, ['ready', 'error'], 30000), 'ready', `state of ${sel}`);
        const lattice = await shape('#lattice');
        eq([lattice.items, lattice.ids, lattice.deepest, lattice.cut], [41, 41, 21, null], 'lattice: each of the 41 bodies once, 21 levels, not cut');
        const ko = await shape('#chain-ko'), en = await shape('#chain-en');
        eq([ko.items, ko.deepest, en.items, en.deepest], [32, 32, 32, 32], 'chain: 32 levels shown');
        eq(ko.cut, '기구 3,000개 중 32개만 표시합니다. 조직도가 너무 커서 모두 보여 줄 수 없습니다', 'ko notice');
        eq(en.cut, 'Showing 32 of 3,000 bodies: the chart is too large to show in full', 'en notice');
        assert(en.metas.at(-1).includes('1 sub-body not shown') && ko.metas.at(-1).includes('하위 기구 1개 생략'), `the deepest shown body says what is under it: ${en.metas.at(-1)}`);
        const wide = await shape('#wide');
        eq([wide.items, wide.ids, wide.deepest], [1000, 1000, 2], 'wide: 1,000 bodies on 2 levels');
        eq(wide.cut, 'Showing 1,000 of 30,001 bodies: the chart is too large to show in full', 'wide notice');
        assert(wide.metas[0].includes('29,001 sub-bodies not shown'), `root meta: ${wide.metas[0]}`);
        // one body with 5,000 seats: the panel lists the first ones of each list and counts the rest
        const fat = await shape('#fat');
        const panel = await page.evaluate(() => document.querySelector('#fat').shadowRoot.querySelector('[part~=detail]').textContent);
        for (const t of ['Seat 0 ×5', 'Holder 0.2', 'and 684 more', 'Function 29', 'and 4,970 more', 'and 970 more']) assert(panel.includes(t), `fat panel shows ${t}`);
        assert(!panel.includes('Holder 0.3') && !panel.includes('Function 30'), 'fat panel stops after the first items');
        for (const [name, s] of Object.entries({ lattice, ko, en, wide, fat })) assert(s.nodes <= 20000, `${name}: ${s.nodes} DOM nodes in the shadow root`);
        console.log(`     DOM nodes: lattice ${lattice.nodes}, chain ${en.nodes}, wide ${wide.nodes} (~${Math.round(wide.nodes / 1000)}/body), one body with 5,000 seats ${fat.nodes}`);
        // the widget on the valid feed still works: it renders and answers a click
        const valid = await page.evaluate(read, '#valid');
        assert(valid.items.length > 10 && valid.panel.total === 25, 'the valid widget rendered');
        await clickBody(page, '#valid', 'Local Era Policy Forum');
        eq((await page.evaluate(read, '#valid')).panel.name, 'Local Era Policy Forum', 'a click on the valid widget selects');
        eq(await page.evaluate(() => window.__selects.map((e) => e.target)), ['valid'], 'cogov-select from the valid widget');
        const dir = outDir();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.locator('#chain-ko').screenshot({ path: join(dir, 'structure-cut-ko.png') });
        await page.locator('#chain-en').screenshot({ path: join(dir, 'structure-cut-chain-en.png') });
        await page.locator('#wide').screenshot({ path: join(dir, 'structure-cut-en.png')});
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'structure: screenshots 375x800 and 1280x900, ko and en (tests/out/)',
    async run(env) {
      const dir = outDir();
      for (const [w, hgt] of [[375, 800], [1280, 900]]) {
        const p = await open(env, '/index.html', { viewport: { width: w, height: hgt } });
        try {
          await waitState(p.page, '#structure-ko');
          await waitState(p.page, '#structure-en');
          await p.page.screenshot({ path: join(dir, `index-${w}.png`) });
          for (const lang of ['ko', 'en']) {
            await p.page.locator(`#structure-${lang}`).screenshot({ path: join(dir, `structure-${lang}-${w}.png`) });
          }
          await p.page.locator('#structure-broken').screenshot({ path: join(dir, `broken-${w}.png`) });
          const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert(overflow <= 0, `no horizontal scrolling at ${w}px (overflow ${overflow}px)`);
        } finally {
          await p.close();
        }
      }
      const p = await open(env, '/csp.html', { viewport: { width: 1280, height: 900 } });
      await waitState(p.page, '#structure-csp');
      await p.page.locator('#structure-csp').screenshot({ path: join(dir, 'structure-csp-1280.png') });
      await p.close();
    },
  },
];
