// First render of a month with 500 sessions in headless Chromium: <cogov-calendar> against
// FullCalendar (npm `fullcalendar`, dayGridMonth) on the same page set-up. Prints figures; not a test.
//   bash scripts/build.sh && node bench/calendar_render.mjs [runs=9]
//
// Each run is a fresh page (a new browser context): the library is loaded first (cogov: cogov.js
// imported, wasm compiled, stylesheet fetched; FullCalendar: its global bundle), then the clock
// starts, the element is inserted and the clock stops when the calendar is rendered and a frame
// has been painted (two requestAnimationFrame callbacks after: cogov `state=ready`; FullCalendar
// `calendar.render()` returned). cogov reads its feed from an inline <script type="application/json">
// child, so its time includes parsing and checking the feed JSON text, expanding and rendering;
// FullCalendar receives a ready JS array of the same 500 events. Both show at most 3 events per day
// ("+N more"); FullCalendar is also timed showing every event.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, ROOT, serve } from '../tests/page/harness.mjs';

const RUNS = Number(process.argv[2] || 9);
const N = 500, MONTH = '2026-07';

// The same 500 sessions for both: 31 days, 09:00–17:00 starts, one or two hours long.
const sessions = [];
for (let i = 0; i < N; i++) {
  const day = String(1 + (i % 31)).padStart(2, '0'), hour = 9 + (i % 9), len = 1 + (i % 2);
  sessions.push({
    id: `s-${i}`, body: `body-${i % 5}`, kind: 'meeting', title: { ko: `회의 ${i}`, en: `Meeting ${i}` },
    start: `${MONTH}-${day}T${String(hour).padStart(2, '0')}:00`, end: `${MONTH}-${day}T${String(hour + len).padStart(2, '0')}:00`,
    status: i % 50 === 7 ? 'cancelled' : 'scheduled', sources: ['src'],
  });
}
const feed = {
  cogov: 1, publisher: { id: 'bench', name: { ko: '벤치', en: 'Bench' } },
  sources: [{ id: 'src', title: 'Synthetic benchmark data' }],
  bodies: [0, 1, 2, 3, 4].map((k) => ({ id: `body-${k}`, kind: 'committee', name: { ko: `위원회 ${k}`, en: `Committee ${k}` }, sources: ['src'] })),
  sessions,
};
const events = sessions.map((s) => ({ id: s.id, title: s.title.en, start: s.start, end: s.end }));

const PAGE = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body>${body}</body></html>`;
const pages = {
  'cogov.html': PAGE(`<div id="host"></div><script type="module">
    import '/cogov.js';
    import { ready, adoptStyles } from '/lib/core.js';
    await ready();
    await adoptStyles(document.createElement('div').attachShadow({ mode: 'open' }));
    window.__go = () => new Promise((done) => {
      const el = document.createElement('cogov-calendar');
      el.setAttribute('month', '${MONTH}');
      el.setAttribute('today', '${MONTH}-14');
      el.setAttribute('lang', 'en');
      const data = document.createElement('script');
      data.type = 'application/json';
      data.textContent = window.__feed;
      el.append(data);
      const t0 = performance.now();
      new MutationObserver((_, mo) => {
        if (el.getAttribute('state') !== 'ready' && el.getAttribute('state') !== 'error') return;
        mo.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => done({ ms: performance.now() - t0, state: el.getAttribute('state'),
          shown: el.shadowRoot.querySelectorAll('.chip').length, cells: el.shadowRoot.querySelectorAll('[role=gridcell]').length })));
      }).observe(el, { attributes: true, attributeFilter: ['state'] });
      document.getElementById('host').append(el);
    });
    window.__loaded = true;
  </script>`),
  'fullcalendar.html': PAGE(`<div id="host"></div><script src="/__bench__/fullcalendar.js"></script><script src="/__bench__/fc-go.js"></script>`),
  'fc-go.js': `window.__go = (max) => new Promise((done) => {
      const el = document.createElement('div');
      const t0 = performance.now();
      document.getElementById('host').append(el);
      const cal = new FullCalendar.Calendar(el, { initialView: 'dayGridMonth', initialDate: '${MONTH}-01', now: '${MONTH}-14',
        timeZone: 'UTC', locale: 'en-gb', dayMaxEvents: max, events: window.__events });
      cal.render();
      requestAnimationFrame(() => requestAnimationFrame(() => done({ ms: performance.now() - t0,
        shown: el.querySelectorAll('.fc-daygrid-event').length, cells: el.querySelectorAll('td.fc-daygrid-day').length })));
    });
    window.__loaded = true;`,
};

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const server = await serve();
const browser = await launch();
const fcBundle = readFileSync(join(ROOT, 'node_modules/fullcalendar/index.global.min.js'));
const feedText = JSON.stringify(feed);

async function run(page, arg) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route('**/__bench__/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/__bench__/')[1];
    const body = name === 'fullcalendar.js' ? fcBundle : pages[name];
    route.fulfill({ body, contentType: name.endsWith('.html') ? 'text/html' : 'text/javascript' });
  });
  await context.addInitScript(([f, e]) => { window.__feed = f; window.__events = e; }, [feedText, events]);
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${server.base}/__bench__/${page}`);
  await p.waitForFunction(() => window.__loaded === true);
  await p.waitForTimeout(100); // let start-up work settle
  const r = await p.evaluate((a) => window.__go(a), arg);
  // A second render in the same page (code compiled and warm), after removing the first.
  await p.evaluate(() => document.getElementById('host').replaceChildren());
  await p.waitForTimeout(50);
  r.again = (await p.evaluate((a) => window.__go(a), arg)).ms;
  await context.close();
  if (errors.length) throw new Error(errors.join(' | '));
  return r;
}

const kinds = [['cogov-calendar', 'cogov.html', null], ['FullCalendar (dayMaxEvents: 3)', 'fullcalendar.html', 3], ['FullCalendar (every event)', 'fullcalendar.html', false]];
const times = Object.fromEntries(kinds.map(([k]) => [k, []]));
const again = Object.fromEntries(kinds.map(([k]) => [k, []]));
const info = {};
try {
  for (let i = 0; i < RUNS + 1; i++) {
    for (const [k, page, arg] of kinds) {
      const r = await run(page, arg);
      if (r.state && r.state !== 'ready') throw new Error(`cogov state ${r.state}`);
      if (i) times[k].push(r.ms), again[k].push(r.again); // the first round warms the browser's caches
      info[k] = r;
    }
  }
} finally {
  await browser.close();
  server.stop();
}
console.log(`first render of ${MONTH} with ${N} sessions, 1280x900, ${RUNS} runs each (fresh page per run), insertion → rendered + painted frame`);
for (const [k] of kinds) {
  const xs = times[k];
  console.log(`${k.padEnd(32)} median ${median(xs).toFixed(1).padStart(6)} ms   min ${Math.min(...xs).toFixed(1).padStart(6)}   max ${Math.max(...xs).toFixed(1).padStart(6)}   (${info[k].cells} day cells, ${info[k].shown} events shown)`);
}
console.log('second render in the same page (everything compiled):');
for (const [k] of kinds) console.log(`${k.padEnd(32)} median ${median(again[k]).toFixed(1).padStart(6)} ms`);
const c = median(times['cogov-calendar']);
console.log(`ratio cogov / FullCalendar (dayMaxEvents: 3): ${(c / median(times['FullCalendar (dayMaxEvents: 3)'])).toFixed(2)}×   (goal ≤ 0.5×)`);
console.log(`ratio cogov / FullCalendar (every event):     ${(c / median(times['FullCalendar (every event)'])).toFixed(2)}×`);
console.log(`ratio, second render (dayMaxEvents: 3):        ${(median(again['cogov-calendar']) / median(again['FullCalendar (dayMaxEvents: 3)'])).toFixed(2)}×`);
