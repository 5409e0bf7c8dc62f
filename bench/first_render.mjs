// First render of the structure widget in headless Chromium: how long after the page loads until
// the first <cogov-structure> shows the default data (state=ready, then the next frame).
//   node bench/first_render.mjs [RUNS] [PAGE ...]   (default: 9 runs each of /structure.html, the
//   org chart alone with dist/cogov-structure.js, and /index.html, the demo with all seven widgets)
// Every run is a fresh browser context (empty HTTP cache) on a local scripts/serve.mjs, so the
// wasm is compiled and the feed parsed cold each time. Prints medians (and min–max) of:
//   nav→ready   navigation start → state=ready        dcl→ready  DOMContentLoaded end → state=ready
//   nav→paint   navigation start → the frame after ready   load   navigation start → load event end
//   ready−fetch state=ready minus the end of the last of wasm/feed/JS/CSS downloads
//   load→ready / load→paint   the load event's end → state=ready / → the frame after it (negative: before load)
// Needs `bash scripts/build.sh` first (serves www/ as built).
import { serve, launch } from '../tests/page/harness.mjs';

const args = process.argv.slice(2);
const runs = Number(args[0]) > 0 ? Number(args.shift()) : 9;
const pages = args.length ? args : ['/structure.html', '/index.html'];

// Runs in the page before any of its scripts: records when the first structure widget is ready.
const probe = () => {
  window.__first = {};
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target;
      if (el.localName === 'cogov-structure' && el.getAttribute('state') === 'ready' && !window.__first.ready) {
        window.__first.ready = performance.now();
        requestAnimationFrame(() => setTimeout(() => {
          window.__first.paint = performance.now();
          console.log('cogov-bench-painted'); // waited for as a console event: no polling script in the page
        }));
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['state'] });
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (xs) => `${median(xs).toFixed(0).padStart(4)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

const server = await serve();
const browser = await launch();
try {
  for (const path of pages) {
    const m = { navReady: [], dclReady: [], navPaint: [], load: [], afterFetch: [], loadReady: [], loadPaint: [] };
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(probe);
      const page = await context.newPage();
      const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'cogov-bench-painted', timeout: 20000 });
      await page.goto(server.base + path, { waitUntil: 'commit' });
      await painted;
      await page.waitForLoadState('load');
      const r = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const fetched = performance.getEntriesByType('resource')
          .filter((e) => /\.(wasm|json|js|css)$/.test(new URL(e.name).pathname))
          .reduce((t, e) => Math.max(t, e.responseEnd), 0);
        return { ...window.__first, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, fetched };
      });
      if (i > 0 || runs === 1) { // the first run warms the server and the OS file cache
        m.navReady.push(r.ready);
        m.dclReady.push(r.ready - r.dcl);
        m.navPaint.push(r.paint);
        m.load.push(r.load);
        m.afterFetch.push(r.ready - r.fetched);
        m.loadReady.push(r.ready - r.load);
        m.loadPaint.push(r.paint - r.load);
      }
      await context.close();
    }
    console.log(`${path}  (${m.navReady.length} cold runs, medians)`);
    console.log(`  nav→ready    ${fmt(m.navReady)}`);
    console.log(`  nav→paint    ${fmt(m.navPaint)}`);
    console.log(`  dcl→ready    ${fmt(m.dclReady)}`);
    console.log(`  ready−fetch  ${fmt(m.afterFetch)}`);
    console.log(`  nav→load     ${fmt(m.load)}`);
    console.log(`  load→ready   ${fmt(m.loadReady)}`);
    console.log(`  load→paint   ${fmt(m.loadPaint)}`);
    const ok = median(m.loadPaint) <= 100;
    console.log(`  goal: rendered (painted) within 100 ms of the page's load event: ${ok ? 'met' : 'NOT met'} (${median(m.loadPaint).toFixed(0)} ms)`);
  }
} finally {
  await browser.close();
  server.stop();
}
