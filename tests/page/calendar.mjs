// Checks of <cogov-calendar> on www/index.html, www/csp.html and fixtures. Run via run.mjs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert, cspViolations, eq, LISTEN, noErrors, open, openCsp, outDir, waitState } from './harness.mjs';

/** Reads a calendar's rendered state (runs in the page). */
function read(selector) {
  const el = document.querySelector(selector);
  const root = el.shadowRoot;
  const q = (s) => root.querySelector(s);
  const panel = q('[part~=detail]');
  return {
    state: el.getAttribute('state'),
    month: q('[part~=month]')?.textContent || null,
    grid: !!q('[role=grid]'),
    list: !!q('[part~=list]'),
    cells: [...root.querySelectorAll('[role=gridcell]')].map((td) => td.dataset.day),
    tabStops: [...root.querySelectorAll('[role=gridcell][tabindex="0"]')].map((td) => td.dataset.day),
    current: [...root.querySelectorAll('[aria-current=date]')].map((x) => x.dataset.day || x.textContent),
    focused: root.activeElement?.dataset?.day || root.activeElement?.id || root.activeElement?.dataset?.k || null,
    sessions: [...root.querySelectorAll('.grid [data-id], .cal > .list .title')].map((x) => x.dataset.id),
    next: q('[data-k=upnext]')?.dataset.id || null,
    nextChip: q('.chip.next, .item.next .title')?.dataset.id || null,
    filter: q('[part~=filter]')?.value ?? null,
    options: [...root.querySelectorAll('[part~=filter] option')].map((o) => o.value),
    panel: panel && !panel.hidden ? { name: panel.querySelector('h3').textContent, text: panel.textContent } : null,
    text: root.textContent,
    alert: q('[role=alert]')?.textContent || null,
    paths: [...root.querySelectorAll('[part~=problem-path]')].map((c) => c.textContent),
  };
}

const ready = async (page, sel) => {
  await waitState(page, sel);
  return page.evaluate(read, sel);
};

/** The holidays a calendar shows: grid cells with their names, the list's line, list items marked. */
function holidays(selector) {
  const root = document.querySelector(selector).shadowRoot;
  return {
    cells: [...root.querySelectorAll('td.holiday')].map((td) => `${td.dataset.day} ${td.querySelector('[part~=holiday]')?.textContent}`),
    named: [...root.querySelectorAll('td [part~=holiday]')].every((x) => x.closest('td').classList.contains('holiday')),
    marker: [...root.querySelectorAll('td.holiday')].map((td) => getComputedStyle(td).boxShadow).every((b) => b.includes('inset')),
    line: root.querySelector('[part~=holidays]')?.textContent || null,
    items: [...root.querySelectorAll('.item [part~=holiday]')].map((x) => x.closest('.item').querySelector('.title').dataset.id + ' ' + x.textContent),
    note: [...root.querySelectorAll('.note')].map((x) => x.textContent),
  };
}

export const checks = [
  {
    name: 'calendar: public holidays named in the grid (not by colour alone) and in the list, ko and en',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html');
      const { page } = p;
      const show = async (sel, month, view) => {
        await ready(page, sel);
        await page.evaluate(([sel, month, view]) => { const c = document.querySelector(sel); c.setAttribute('view', view); c.setAttribute('month', month); }, [sel, month, view]);
        await page.waitForFunction(([sel, month]) => document.querySelector(sel).shadowRoot.querySelector('[role=grid], [part~=list], [part~=empty]') && document.querySelector(sel).getAttribute('month') === month, [sel, month]);
        await waitState(page, sel);
        return page.evaluate(holidays, sel);
      };
      try {
        let ko = await show('#ko', '2026-09', 'month');
        eq(ko.cells, ['2026-09-24 추석 연휴', '2026-09-25 추석', '2026-09-26 추석 연휴', '2026-10-03 개천절'], '추석 and 개천절 named in their cells');
        assert(ko.named && ko.marker, 'each named cell has the holiday class and its bar (a marker besides the colour)');
        let en = await show('#en', '2026-02', 'month');
        eq(en.cells, ['2026-02-16 Seollal holiday', '2026-02-17 Seollal (Lunar New Year)', '2026-02-18 Seollal holiday'], 'Seollal in English');
        ko = await show('#ko', '2025-10', 'list');
        assert(ko.line?.startsWith('공휴일') && ko.line.includes('대체공휴일(추석)') && ko.line.includes('한글날'), `the list names the month's holidays: ${ko.line}`);
        eq(ko.items, ['cm-quarterly@2025-10-09 한글날'], 'a session on a holiday is marked in the list');
        en = await show('#en', '1989-12', 'month');
        eq(en.cells, ['1990-01-01 New Year\'s Day', '1990-01-02 New Year holiday'], 'holidays from 1990 on');
        assert(en.note.includes('Public holidays are shown for 1990–2050 only'), `says where holidays stop: ${en.note}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: July 2026 in ko and en (dates via Intl, next session, body filter options)',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html', { init: LISTEN });
      try {
        const ko = await ready(p.page, '#ko');
        const en = await ready(p.page, '#en');
        eq([ko.month, en.month], ['2026년 7월', 'July 2026'], 'month titles');
        assert(ko.grid && en.grid, 'month grids');
        eq(ko.cells[0], '2026-06-28', 'the grid starts on the Sunday before the 1st');
        eq(ko.cells.length, 35, 'five weeks');
        for (const id of ['cm-quarterly@2026-07-09', 'ga-wc-2026', 'ga-regular-2026']) assert(ko.sessions.includes(id), `July shows ${id}: ${ko.sessions}`);
        assert(ko.text.includes('2026년 7월 14일 (화)'), 'a Korean long date "2026년 7월 14일 (화)"');
        assert(en.text.includes('Tue, 14 Jul 2026'), 'an English long date "Tue, 14 Jul 2026"');
        eq(ko.current, ['2026-07-14'], 'today (attribute) is aria-current=date');
        eq(ko.tabStops, ['2026-07-14'], 'the one tab stop is today');
        eq(ko.next, 'four-assoc-quarterly@2026-09-16', 'the next session after today is named in the upcoming line');
        eq(ko.nextChip, null, 'no highlighted session in July (the next one is in September)');
        assert(ko.text.includes('다음 회의') && en.text.includes('Next session'), 'upcoming line labelled');
        for (const b of ['', 'cooperation-meeting', 'ga-general-assembly', 'ga-working-council', 'four-associations-council']) assert(ko.options.includes(b), `filter offers ${b || 'all'}: ${ko.options}`);
        assert(!ko.options.includes('gaok-association'), 'a body without sessions is not offered');
        eq(await p.page.evaluate(() => window.__selects.length), 0, 'no cogov-select on load');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: keyboard grid (arrows, Home/End, PageUp/PageDown, Enter opens, Escape closes)',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html', { init: LISTEN });
      const { page } = p;
      const state = () => page.evaluate(read, '#en');
      try {
        await ready(page, '#en');
        await page.focus('#before-en');
        let s;
        for (let i = 0; i < 15; i++) {
          await page.keyboard.press('Tab');
          s = await state();
          if (/^\d{4}-/.test(s.focused || '')) break;
        }
        eq(s.focused, '2026-07-14', 'Tab reaches the grid on today');
        const press = async (key, expect) => {
          await page.keyboard.press(key);
          await page.waitForFunction(([d]) => document.querySelector('#en').shadowRoot.activeElement?.dataset.day === d, [expect], { timeout: 3000 }).catch(() => {});
          s = await state();
          eq(s.focused, expect, `focus after ${key}`);
          eq(s.tabStops, [expect], `roving tab stop after ${key}`);
        };
        await press('ArrowRight', '2026-07-15');
        await press('ArrowDown', '2026-07-22');
        await press('ArrowUp', '2026-07-15');
        await press('ArrowLeft', '2026-07-14');
        await press('Home', '2026-07-12');
        await press('End', '2026-07-18');
        await press('PageDown', '2026-08-18');
        eq(s.month, 'August 2026', 'PageDown shows the next month');
        await press('PageUp', '2026-07-18');
        await press('ArrowUp', '2026-07-11');
        await press('ArrowUp', '2026-07-04');
        await press('ArrowLeft', '2026-07-03');
        await press('ArrowDown', '2026-07-10');
        eq(s.month, 'July 2026', 'still July');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !document.querySelector('#en').shadowRoot.querySelector('[part~=detail]').hidden);
        s = await state();
        assert(s.panel && s.panel.name.includes('Regular'), `Enter opens the one session of the day: ${s.panel?.name}`);
        assert(s.panel.text.includes('Fri, 10 Jul 2026 14:00–16:00'), `date and time in the panel: ${s.panel.text.slice(0, 300)}`);
        eq(s.focused, 'detail-name', 'focus moves to the panel heading');
        const sel = await page.evaluate(() => window.__selects);
        eq(sel.map((e) => [e.target, e.kind, e.id, e.start]), [['en', 'session', 'ga-regular-2026', '2026-07-10T14:00']], 'cogov-select on Enter');
        eq(await page.evaluate(() => location.hash), '#session=ga-regular-2026', 'the hash names the session');
        await page.keyboard.press('Escape');
        s = await state();
        eq([s.panel, s.focused], [null, '2026-07-10'], 'Escape closes the panel and returns focus to the day');
        eq(await page.evaluate(() => location.hash), '', 'closing clears the hash');
        await press('ArrowLeft', '2026-07-09');
        await page.keyboard.press(' ');
        s = await state();
        assert(s.panel && s.panel.text.includes('Sessions on Thu, 9 Jul 2026'), 'Space on a day with two sessions lists them');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        s = await state();
        assert(s.panel.name.includes('Working'), `choosing from the day list opens a session: ${s.panel.name}`);
        await page.keyboard.press('Escape');
        s = await state();
        eq(s.focused, '2026-07-09', 'Escape from a session chosen in the day list returns to the day');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: statuses (cancelled struck through and labelled, postponed labelled), detail, list view',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html');
      const { page } = p;
      try {
        await ready(page, '#ko');
        await page.evaluate(() => document.querySelector('#ko').setAttribute('month', '2024-09'));
        await page.waitForFunction(() => document.querySelector('#ko').shadowRoot.querySelector('[part~=month]')?.textContent === '2024년 9월');
        const chip = await page.evaluate(() => {
          const c = document.querySelector('#ko').shadowRoot.querySelector('[data-id="four-assoc-2024-09"]');
          return { text: c.textContent, line: getComputedStyle(c.querySelector('.title')).textDecorationLine, status: c.querySelector('[part~=status]')?.textContent };
        });
        eq([chip.status, chip.line], ['취소', 'line-through'], 'cancelled: labelled and struck through');
        await page.evaluate(() => document.querySelector('#en').setAttribute('month', '2025-07'));
        await page.evaluate(() => document.querySelector('#en').setAttribute('view', 'list'));
        await page.waitForFunction(() => document.querySelector('#en').shadowRoot.querySelector('[part~=list]'));
        const s = await page.evaluate(read, '#en');
        assert(s.list && !s.grid, 'view=list shows the list');
        assert(s.text.includes('Postponed'), 'postponed labelled in the list');
        assert(s.text.includes('Fri, 11 Jul 2025'), 'list dates in English');
        await page.click('#en >> text=2025 Regular General Assembly');
        const d = await page.evaluate(read, '#en');
        assert(d.panel && d.panel.text.includes('Postponed') && d.panel.text.includes('Sources'), `detail: ${d.panel?.text.slice(0, 300)}`);
        assert(d.panel.text.includes('Illustrative'), 'illustrative flag in the detail');
        // focus on a session button in the list survives a re-render, and Escape after a re-render
        // returns focus to that session's (new) button
        const focused = () => page.evaluate(() => document.querySelector('#en').shadowRoot.activeElement?.dataset.id || null);
        const rerender = async () => {
          await page.evaluate(() => { window.__oldList = document.querySelector('#en').shadowRoot.querySelector('.list'); document.querySelector('#en').update(); });
          await page.waitForFunction(() => { const l = document.querySelector('#en').shadowRoot.querySelector('.list'); return l && l !== window.__oldList; });
        };
        const id = await page.evaluate(() => {
          const b = [...document.querySelector('#en').shadowRoot.querySelectorAll('.list [data-id]')].find((x) => x.textContent.includes('2025 Regular General Assembly'));
          b.focus();
          return b.dataset.id;
        });
        await rerender();
        eq(await focused(), id, 'focused session button after a re-render');
        await page.keyboard.press('Enter');
        assert(await page.evaluate(() => !document.querySelector('#en').shadowRoot.querySelector('[part~=detail]').hidden), 'Enter on the list button opens the detail');
        await rerender();
        await page.keyboard.press('Escape');
        eq([await focused(), await page.evaluate(() => document.querySelector('#en').shadowRoot.querySelector('[part~=detail]').hidden)], [id, true],
          'Escape after a re-render: panel closed, focus back on the session button');
        await page.evaluate(() => document.querySelector('#ko').setAttribute('month', '2026-09'));
        await page.waitForFunction(() => document.querySelector('#ko').shadowRoot.querySelector('[part~=month]').textContent === '2026년 9월');
        eq((await page.evaluate(read, '#ko')).nextChip, 'four-assoc-quarterly@2026-09-16', 'the next session is highlighted in its month');
        const google = await page.evaluate(() => document.querySelector('#en').shadowRoot.querySelector('[part~=google]')?.href);
        assert(google?.startsWith('https://calendar.google.com/calendar/render?action=TEMPLATE'), `Google Calendar link: ${google}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: past sessions without a result say so; the illustrative badge in chips, the upcoming line and the list',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html');
      const { page } = p;
      try {
        await ready(page, '#ko');
        await ready(page, '#en');
        const chips = (sel) => page.evaluate((sel) => Object.fromEntries([...document.querySelector(sel).shadowRoot.querySelectorAll('.chip')]
          .map((c) => [c.dataset.id, { status: c.dataset.status, badge: c.querySelector('[part~=badge]')?.textContent || null }])), sel);
        const ko = await chips('#ko');
        // today is 2026-07-14: the generated (scheduled) 2026-07-09 occurrence has no recorded result
        eq(ko['cm-quarterly@2026-07-09'], { status: 'past', badge: '예시' }, 'a past scheduled occurrence: data-status=past, illustrative badge');
        eq(ko['ga-regular-2026'].status, 'held', 'a held session stays held');
        const upcoming = (sel) => page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('[part~=upcoming] [part~=badge]')?.textContent || null, sel);
        eq([await upcoming('#ko'), await upcoming('#en')], ['예시', 'Illustrative'], 'the upcoming line carries the badge of an illustrative next session');
        await page.evaluate(() => document.querySelector('#en').setAttribute('view', 'list'));
        await page.waitForFunction(() => document.querySelector('#en').shadowRoot.querySelector('.cal > .list'));
        const item = await page.evaluate(() => {
          const li = [...document.querySelector('#en').shadowRoot.querySelectorAll('.cal > .list .item')].find((x) => x.querySelector('[data-id="cm-quarterly@2026-07-09"]'));
          return { status: li.dataset.status, tag: li.querySelector('[part~=status]')?.textContent || null, badge: li.querySelector('[part~=badge]')?.textContent || null };
        });
        eq(item, { status: 'past', tag: 'Past', badge: 'Illustrative' }, 'the list labels the past session and badges it');
        await page.click('#ko [data-id="cm-quarterly@2026-07-09"]');
        const d = await page.evaluate(read, '#ko');
        assert(d.panel && d.panel.text.includes('지난 회의') && !d.panel.text.includes('예정'), `detail says 지난 회의, not 예정: ${d.panel?.text.slice(0, 200)}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: without a pinned today, past is the core\'s as of the Korean wall clock (minutes count); numbered titles read 제3차 / 3rd',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html');
      const { page } = p;
      try {
        await ready(page, '#en');
        // four-assoc-quarterly@2026-06-17 is 14:00-15:30 KST (05:00-06:30 UTC)
        const at = async (utc) => {
          await page.clock.setFixedTime(new Date(utc));
          return page.evaluate(async () => {
            document.querySelector('#clocked')?.remove();
            const el = Object.assign(document.createElement('cogov-calendar'), { id: 'clocked' });
            for (const [k, v] of Object.entries({ src: '/data/feed.json', lang: 'en', month: '2026-06', view: 'list' })) el.setAttribute(k, v);
            document.body.append(el);
            await new Promise((r) => { const t = () => (el.getAttribute('state') === 'ready' ? r() : setTimeout(t, 20)); t(); });
            const li = [...el.shadowRoot.querySelectorAll('.cal > .list .item')].find((x) => x.querySelector('[data-id="four-assoc-quarterly@2026-06-17"]'));
            return { status: li.dataset.status, tag: li.querySelector('[part~=status]')?.textContent || null, next: el.shadowRoot.querySelector('[data-k=upnext]')?.dataset.id || null };
          });
        };
        eq(await at('2026-06-17T06:00:00Z'), { status: 'scheduled', tag: null, next: 'four-assoc-quarterly@2026-06-17' }, 'under way at 15:00 KST: scheduled, and the next session');
        const after = await at('2026-06-17T06:31:00Z');
        eq([after.status, after.tag], ['past', 'Past'], 'at 15:31 KST it ended: past, labelled Past');
        assert(after.next !== 'four-assoc-quarterly@2026-06-17', `a past session is not the next one: ${after.next}`);
        // a numbered series, given by script: the core's heading in the list, the panel and the number fact
        const feed = {
          cogov: 1, publisher: { id: 'p', name: 'P' },
          bodies: [{ id: 'ga', kind: 'general_assembly', name: { ko: '총회', en: 'General Assembly' } }],
          series: [{ id: 'ga-regular', body: 'ga', kind: 'regular', title: { ko: '정기총회', en: 'Regular General Assembly' }, numbering: { first: 1 },
            rules: [{ dtstart: '2024-07-12T14:00', rrule: 'FREQ=YEARLY;BYMONTH=7;BYDAY=2FR', duration_minutes: 120 }] }],
        };
        const titles = await page.evaluate(async (feed) => {
          const out = {};
          for (const lang of ['ko', 'en']) {
            const el = Object.assign(document.createElement('cogov-calendar'), { id: `n-${lang}` });
            for (const [k, v] of Object.entries({ lang, month: '2026-07', view: 'list', today: '2026-07-01' })) el.setAttribute(k, v);
            document.body.append(el);
            el.feed = feed;
            await new Promise((r) => { const t = () => (el.getAttribute('state') === 'ready' ? r() : setTimeout(t, 20)); t(); });
            const root = el.shadowRoot;
            root.querySelector('.cal > .list .title').click();
            out[lang] = { item: root.querySelector('.cal > .list .title').textContent, panel: root.querySelector('[part~=detail-name]').textContent,
              facts: [...root.querySelectorAll('.facts dd')].map((d) => d.textContent) };
          }
          return out;
        }, feed);
        eq([titles.ko.item, titles.ko.panel], ['제3차 정기총회', '제3차 정기총회'], 'ko: 제3차 정기총회 in the list and the panel');
        eq([titles.en.item, titles.en.panel], ['3rd Regular General Assembly', '3rd Regular General Assembly'], 'en: 3rd Regular General Assembly in the list and the panel');
        assert(titles.ko.facts.includes('제3차') && titles.en.facts.includes('3rd'), `the number fact: ${JSON.stringify(titles)}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: the next session skips any number of cancelled ones (six in a row)',
    async run(env) {
      const p = await open(env, '/__fixtures__/cancelled.html');
      try {
        await ready(p.page, '#cancelled');
        const up = await p.page.$eval('#cancelled', (el) => el.shadowRoot.querySelector('[part~=upcoming]').textContent);
        assert(up.includes('Monthly meeting') && up.includes('5 Aug 2026'), `upcoming after six cancelled sessions: ${up}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: body filter by attribute and by the select',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html');
      const { page } = p;
      try {
        let s = await ready(page, '#filtered');
        eq(s.filter, 'ga-general-assembly', 'the select shows the body attribute');
        eq(s.sessions, ['ga-regular-2026'], 'body="ga-general-assembly" keeps only its sessions');
        await page.evaluate(() => {
          const sel = document.querySelector('#filtered').shadowRoot.querySelector('[part~=filter]');
          sel.value = 'cooperation-meeting';
          sel.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await page.waitForFunction(() => document.querySelector('#filtered').getAttribute('body') === 'cooperation-meeting');
        await waitState(page, '#filtered');
        await page.waitForTimeout(50);
        s = await page.evaluate(read, '#filtered');
        eq(s.sessions, ['cm-quarterly@2026-07-09'], 'choosing a body in the select filters and sets the attribute');
        await page.selectOption('#filtered >> [part~=filter]', '');
        await page.waitForFunction(() => !document.querySelector('#filtered').hasAttribute('body'));
        await page.waitForTimeout(50);
        s = await page.evaluate(read, '#filtered');
        eq(s.sessions.length, 3, 'all bodies again');
        await page.evaluate(() => document.querySelector('#filtered').setAttribute('body', 'no-such-body'));
        eq(await waitState(page, '#filtered', ['error']), 'error', 'an unknown body is an error state');
        s = await page.evaluate(read, '#filtered');
        assert(s.alert.includes('arg.body'), `unknown body message: ${s.alert}`);
        await page.evaluate(() => { const el = document.querySelector('#filtered'); el.removeAttribute('body'); el.setAttribute('month', '2026-13'); });
        await page.waitForFunction(() => document.querySelector('#filtered').error?.path === 'month');
        eq(await page.evaluate(() => document.querySelector('#filtered').error.code), 'arg.date', 'a bad month is an error state');
        await page.evaluate(() => { const el = document.querySelector('#filtered'); el.setAttribute('month', '2026-07'); el.setAttribute('lang', 'en'); });
        await page.waitForFunction(() => document.querySelector('#filtered').shadowRoot.querySelector('[part~=month]')?.textContent === 'July 2026');
        eq(await waitState(page, '#filtered'), 'ready', 'fixing the month (and a lang change) renders again');
        // December 2200 reaches the engine's horizon: endless series say their later sessions are not shown
        await page.evaluate(() => { const el = document.querySelector('#filtered'); el.setAttribute('view', 'list'); el.setAttribute('month', '2200-12'); });
        await page.waitForFunction(() => document.querySelector('#filtered').shadowRoot.querySelector('[part~=month]')?.textContent === 'December 2200');
        s = await page.evaluate(read, '#filtered');
        assert(s.text.includes('Sessions after 2200 are not shown'), `horizon note: ${s.text.slice(0, 300)}`);
        await page.evaluate(() => { const el = document.querySelector('#filtered'); el.setAttribute('lang', 'ko'); });
        await page.waitForFunction(() => document.querySelector('#filtered').shadowRoot.querySelector('[part~=month]')?.textContent === '2200년 12월');
        s = await page.evaluate(read, '#filtered');
        assert(s.text.includes('2200년 이후의 회의는 표시하지 않습니다'), `horizon note (ko): ${s.text.slice(0, 300)}`);
        await page.evaluate(() => document.querySelector('#filtered').setAttribute('month', '2200-11'));
        await page.waitForFunction(() => document.querySelector('#filtered').shadowRoot.querySelector('[part~=month]')?.textContent === '2200년 11월');
        s = await page.evaluate(read, '#filtered');
        assert(!s.text.includes('2200년 이후의'), 'no horizon note before the last month');
        // the month grids of December 2200 and January 1900 reach past the core's years: they render
        for (const [month, heading] of [['2200-12', '2200년 12월'], ['1900-01', '1900년 1월']]) {
          await page.evaluate((m) => { const el = document.querySelector('#filtered'); el.setAttribute('view', 'month'); el.setAttribute('month', m); }, month);
          await page.waitForFunction((t) => document.querySelector('#filtered').shadowRoot.querySelector('[part~=month]')?.textContent === t, heading);
          eq(await waitState(page, '#filtered'), 'ready', `the grid of ${month}`);
          const st = await page.evaluate(read, '#filtered');
          eq(st.cells[0] < `${month}-01` && st.cells.at(-1) > `${month}-28`, true, `the grid of ${month} reaches outside the month: ${st.cells[0]}..${st.cells.at(-1)}`);
          eq(st.text.includes('2200년 이후의 회의는 표시하지 않습니다'), month === '2200-12', `the horizon note in the grid of ${month} (the core cuts the window at 2200-12-31)`);
        }
        // past 2200 (the toolbar's › from December 2200): an empty month under the horizon note, not an error
        await page.evaluate(() => { const el = document.querySelector('#filtered'); el.setAttribute('view', 'list'); el.setAttribute('month', '2201-01'); });
        await page.waitForFunction(() => document.querySelector('#filtered').shadowRoot.querySelector('[part~=month]')?.textContent === '2201년 1월');
        eq(await waitState(page, '#filtered'), 'ready', 'January 2201 renders');
        s = await page.evaluate(read, '#filtered');
        assert(s.text.includes('2200년 이후의 회의는 표시하지 않습니다') && s.text.includes('이 달에는 회의가 없습니다'), `January 2201: ${s.text.slice(0, 300)}`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: #session=<id> deep link opens the session in its month',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html#session=four-assoc-2024-09', { init: LISTEN });
      const { page } = p;
      try {
        await waitState(page, '#ko');
        await page.waitForFunction(() => document.querySelector('#ko').shadowRoot.querySelector('[part~=month]')?.textContent === '2024년 9월');
        const s = await page.evaluate(read, '#ko');
        assert(s.panel && s.panel.text.includes('취소'), `the cancelled session opens: ${s.panel?.text.slice(0, 200)}`);
        eq(await page.evaluate(() => document.querySelector('#ko').getAttribute('month')), '2024-09', 'month follows the session');
        await page.evaluate(() => { location.hash = '#session=ga-special-2025-09'; });
        await page.waitForFunction(() => document.querySelector('#en').shadowRoot.querySelector('[part~=month]')?.textContent === 'September 2025');
        const en = await page.evaluate(read, '#en');
        assert(en.panel?.name.includes('Special'), `hashchange opens another session: ${en.panel?.name}`);
        eq(await page.evaluate(() => window.__selects.length), 0, 'no cogov-select for a deep link');
        const entries = await page.evaluate(() => history.length);
        await page.click('#en >> .chip[data-id="ga-special-2025-09"]');
        eq(await page.evaluate(() => [location.hash, window.__selects.at(-1)?.id, history.length]), ['#session=ga-special-2025-09', 'ga-special-2025-09', entries],
          'a click sets the hash (replaceState: no new history entry) and fires cogov-select');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: .ics downloads (one session, filtered calendar) start with BEGIN:VCALENDAR',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html');
      const { page } = p;
      try {
        await ready(page, '#filtered');
        const [whole] = await Promise.all([page.waitForEvent('download'), page.click('#filtered >> [part~=download]')]);
        const text = readFileSync(await whole.path(), 'utf8');
        assert(text.startsWith('BEGIN:VCALENDAR\r\n'), `calendar file starts with BEGIN:VCALENDAR: ${text.slice(0, 40)}`);
        eq(whole.suggestedFilename(), 'ga-general-assembly.ics', 'file name of the filtered calendar');
        const uids = text.match(/^UID:.*$/gm) || [];
        assert(uids.length >= 2 && text.replace(/\r\n /g, '').includes('정기총회'), `filtered events with Korean text: ${uids}`);
        assert(!text.includes('UID:cm-quarterly'), 'only the filtered body');
        await page.click('#filtered >> .chip[data-id="ga-regular-2026"]');
        const [one] = await Promise.all([page.waitForEvent('download'), page.click('#filtered >> [part~=add]')]);
        const t1 = readFileSync(await one.path(), 'utf8');
        assert(t1.startsWith('BEGIN:VCALENDAR') && (t1.match(/BEGIN:VEVENT/g) || []).length === 1, 'one-session file');
        assert(t1.replace(/\r\n /g, '').includes('#session=ga-regular-2026'), 'the event links back to the page');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: narrow (375px) shows the list; broken feed shows errors inside the widget',
    async run(env) {
      const p = await open(env, '/__fixtures__/calendar.html', { viewport: { width: 375, height: 800 } });
      const { page } = p;
      try {
        const s = await ready(page, '#ko');
        assert(s.list && !s.grid, 'the list at 375px');
        assert(s.text.includes('2026년 7월 9일 (목)'), 'Korean dates in the list');
        eq(await waitState(page, '#broken', ['ready', 'error']), 'error', 'state of the broken calendar');
        const b = await page.evaluate(read, '#broken');
        assert(b.paths.length > 0 && b.alert.includes('ref.dangling'), `problems listed: ${b.alert}`);
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.waitForFunction(() => document.querySelector('#ko').shadowRoot.querySelector('[role=grid]'));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: strict CSP page renders without violations',
    async run(env) {
      const p = await openCsp(env);
      try {
        const s = await ready(p.page, '#calendar-csp');
        assert(s.grid && s.sessions.length >= 3, 'the calendar rendered under CSP');
        eq(await cspViolations(p.page), [], 'securitypolicyviolation events');
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
  {
    name: 'calendar: screenshots 375 and 1280, ko and en (tests/out/)',
    async run(env) {
      const dir = outDir();
      for (const [w, hgt] of [[375, 800], [1280, 900]]) {
        const p = await open(env, '/index.html', { viewport: { width: w, height: hgt } });
        try {
          for (const lang of ['ko', 'en']) {
            await waitState(p.page, `#calendar-${lang}`);
            await p.page.locator(`#calendar-${lang}`).screenshot({ path: join(dir, `calendar-${lang}-${w}.png`) });
          }
          await p.page.click('#calendar-en >> [data-id="ga-regular-2026"]');
          await p.page.locator('#calendar-en').screenshot({ path: join(dir, `calendar-en-detail-${w}.png`) });
          const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert(overflow <= 0, `no horizontal scrolling at ${w}px (overflow ${overflow}px)`);
          noErrors(p);
        } finally {
          await p.close();
        }
      }
    },
  },
  {
    name: 'calendar: ics-base gives subscribe links (webcal, https, Google) for all and the filtered body, and in the detail panel for a session\'s series; a bad base is a note',
    async run(env) {
      const p = await open(env, '/__fixtures__/subscribe.html');
      const links = (sel) => p.page.evaluate((s) => {
        const root = document.querySelector(s).shadowRoot, menu = root.querySelector('[part~=subscribe]');
        return menu && {
          summary: menu.querySelector('summary').textContent,
          groups: [...menu.querySelectorAll('.menu > ul > li > strong')].map((x) => x.textContent),
          webcal: [...menu.querySelectorAll('[part~=subscribe-webcal]')].map((a) => a.getAttribute('href')),
          google: [...menu.querySelectorAll('[part~=subscribe-google]')].map((a) => a.getAttribute('href')),
          https: [...menu.querySelectorAll('[part~=subscribe-url]')].map((a) => [a.getAttribute('href'), a.textContent]),
          text: menu.textContent,
        };
      }, sel);
      try {
        for (const id of ['ko', 'en', 'bad', 'none']) await waitState(p.page, '#' + id);
        const host = env.base.replace(/^http:\/\//, '');
        const ko = await links('#ko');
        eq(ko.summary, '구독', 'Korean summary');
        eq(ko.groups, ['전체 일정'], 'no body filter: one group, every session');
        eq(ko.webcal, [`webcal://${host}/__fixtures__/sub/calendar.ics`], 'a relative base resolves against the page');
        eq(ko.https, [[`${env.base}/__fixtures__/sub/calendar.ics`, `${env.base}/__fixtures__/sub/calendar.ics`]], 'the https address, shown');
        eq(ko.google, ['https://calendar.google.com/calendar/render?cid=' + encodeURIComponent(`webcal://${host}/__fixtures__/sub/calendar.ics`)], 'Google subscribe-by-URL link');
        assert(ko.text.includes('갱신'), 'says a subscription updates itself');

        const en = await links('#en');
        eq(en.summary, 'Subscribe', 'English summary');
        eq(en.groups.length, 2, 'a filtered body: its calendar and every session');
        assert(en.groups[0].startsWith('Sessions of ') && en.groups[1] === 'All sessions', `groups: ${en.groups}`);
        eq(en.webcal, ['webcal://example.org/cogov/subscribe/bodies/ga-general-assembly.ics', 'webcal://example.org/cogov/subscribe/calendar.ics'],
          'webcal links (query and fragment of the base dropped)');
        eq(en.https.map(([h]) => h), ['https://example.org/cogov/subscribe/bodies/ga-general-assembly.ics', 'https://example.org/cogov/subscribe/calendar.ics'], 'https links');
        eq(decodeURIComponent(en.google[0].split('?cid=')[1]), en.webcal[0], 'Google cid is the encoded webcal URL');

        // the filter follows the select: choosing a body in #ko adds its group
        await p.page.locator('#ko').evaluate((el) => {
          const s = el.shadowRoot.querySelector('[part~=filter]');
          s.value = 'cooperation-meeting';
          s.dispatchEvent(new Event('change'));
        });
        await p.page.waitForFunction(() => document.querySelector('#ko').shadowRoot.querySelectorAll('[part~=subscribe-webcal]').length === 2);
        const ko2 = await links('#ko');
        eq(ko2.webcal[0], `webcal://${host}/__fixtures__/sub/bodies/cooperation-meeting.ics`, 'the filtered body after a change');

        // the detail panel of a session of a series links to that series' own calendar
        const heading = (s) => {
          const panel = document.querySelector(s).shadowRoot.querySelector('[part~=detail]');
          return panel.hidden ? null : panel.querySelector('[part~=detail-name]')?.textContent;
        };
        const seriesLink = async (sel, id) => {
          const before = await p.page.evaluate(heading, sel);
          await p.page.click(`${sel} >> [data-id="${id}"]`);
          await p.page.waitForFunction(([s, before]) => {
            const panel = document.querySelector(s).shadowRoot.querySelector('[part~=detail]');
            const t = panel.hidden ? null : panel.querySelector('[part~=detail-name]')?.textContent;
            return t && t !== before;
          }, [sel, before]);
          return p.page.evaluate((s) => {
            const a = document.querySelector(s).shadowRoot.querySelectorAll('[part~=detail] [part~=subscribe-series]');
            return [...a].map((x) => [x.getAttribute('href'), x.textContent]);
          }, sel);
        };
        eq(await seriesLink('#ko', 'cm-quarterly@2026-07-09'), [[`webcal://${host}/__fixtures__/sub/series/cm-quarterly.ics`, '이 회의 일정 구독']],
          'an occurrence: its series\' file');
        eq(await seriesLink('#en', 'ga-regular-2026'), [['webcal://example.org/cogov/subscribe/series/ga-regular.ics', 'Subscribe to this series']],
          'a record overriding an occurrence belongs to the series');
        eq(await seriesLink('#none', 'cm-quarterly@2026-07-09'), [], 'no ics-base, no series link');
        await p.page.locator('#en').evaluate((el) => el.setAttribute('month', '2026-12'));
        await p.page.waitForFunction(() => document.querySelector('#en').shadowRoot.querySelector('[data-id="ga-special-2026-12"]'));
        eq(await seriesLink('#en', 'ga-special-2026-12'), [], 'a one-off session has no series to subscribe to');

        const bad = await p.page.evaluate(() => {
          const root = document.querySelector('#bad').shadowRoot;
          return { menu: !!root.querySelector('[part~=subscribe]'), note: root.querySelector('[part~=subscribe-error]')?.textContent,
            hrefs: [...root.querySelectorAll('[href]')].map((a) => a.getAttribute('href')), state: document.querySelector('#bad').getAttribute('state') };
        });
        eq(bad.state, 'ready', 'a bad ics-base does not take the calendar down');
        eq(bad.menu, false, 'no menu for a bad base');
        assert(bad.note?.includes('ics-base') && bad.note.includes('javascript:alert(1)'), `the note names the attribute and value: ${bad.note}`);
        assert(!bad.hrefs.some((h) => /^javascript:/i.test(h)), 'no javascript: link');
        eq(await links('#none'), null, 'no ics-base, no menu');

        // what a visitor sees: the menu open, narrow and wide (tests/out/)
        const dir = outDir();
        for (const [w, hgt] of [[320, 800], [1280, 900]]) {
          await p.page.setViewportSize({ width: w, height: hgt });
          for (const id of ['ko', 'en']) {
            await p.page.locator(`#${id}`).evaluate((el) => (el.shadowRoot.querySelector('[part~=subscribe]').open = true));
            await p.page.locator(`#${id}`).screenshot({ path: join(dir, `calendar-subscribe-${id}-${w}.png`) });
          }
          const overflow = await p.page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
          assert(overflow <= 0, `no horizontal scrolling at ${w}px with the menu open (overflow ${overflow}px)`);
        }
        noErrors(p);
      } finally {
        await p.close();
      }
    },
  },
];
