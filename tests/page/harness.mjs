// Shared test harness: a static server for www/, Chromium via playwright-core, small assertions.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve as serveDir } from '../../scripts/serve.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(ROOT, 'tests/out');
export const FIXTURES = join(ROOT, 'tests/page/fixtures');

export class Failure extends Error {}

/** Throws a Failure with `message` unless `cond`. */
export function assert(cond, message) {
  if (!cond) throw new Failure(message);
}

/** Asserts `actual` equals `expected` (compared as JSON). */
export function eq(actual, expected, what) {
  const a = JSON.stringify(actual), e = JSON.stringify(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

/**
 * scripts/serve.mjs (what scripts/serve.sh serves with: CORS `*`, MIME types, gzip, ETag/304) on a
 * free port serving `dir` (www/); `opts.cors` false or a function of the path turns CORS off.
 */
export function serve(dir = join(ROOT, 'www'), opts = {}) {
  return serveDir(dir, opts);
}

export async function launch() {
  const { chromium } = await import(join(ROOT, 'node_modules/playwright-core/index.mjs'));
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh context and page that records page errors and console messages.
 * `/__fixtures__/NAME` serves tests/page/fixtures/NAME. COGOV_PKG=dir serves /pkg/* from dir
 * (to try a wasm built elsewhere without touching www/pkg).
 */
export async function open(env, path, { viewport = { width: 1280, height: 900 }, reducedMotion, init } = {}) {
  const context = await env.browser.newContext({ viewport, reducedMotion });
  await context.route('**/__fixtures__/**', (route) => {
    const name = new URL(route.request().url()).pathname.split('/__fixtures__/')[1];
    const type = name.endsWith('.html') ? 'text/html' : name.endsWith('.json') ? 'application/json' : 'text/plain';
    route.fulfill({ body: readFileSync(join(FIXTURES, name)), contentType: type });
  });
  if (process.env.COGOV_PKG) {
    await context.route('**/pkg/*', (route) => {
      const name = new URL(route.request().url()).pathname.split('/pkg/')[1];
      route.fulfill({ body: readFileSync(join(process.env.COGOV_PKG, name)), contentType: name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript' });
    });
  }
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [], consoleMessages = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => consoleMessages.push(`${m.type()}: ${m.text()}`));
  await page.goto(env.base + path);
  return { page, context, errors, console: consoleMessages, close: () => context.close() };
}

/** Waits until the element matching `selector` has `state` = one of `states`. */
/** Page init script: records every `cogov-select` in `window.__selects`. */
export const LISTEN = () => {
  window.__selects = [];
  document.addEventListener('cogov-select', (e) => window.__selects.push({ target: e.target.id, ...e.detail }));
};

/** Asserts the page threw nothing and logged no console error or warning. */
export const noErrors = (p) => {
  assert(!p.errors.length, `uncaught page errors: ${p.errors.join(' | ')}`);
  const bad = p.console.filter((m) => m.startsWith('error') || m.startsWith('warning'));
  assert(!bad.length, `console errors/warnings: ${bad.join(' | ')}`);
};

/** Opens the strict-CSP demo page; `cspViolations(page)` lists what it blocked. */
export function openCsp(env) {
  const init = () => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  };
  return open(env, '/csp.html', { init });
}

export const cspViolations = (page) => page.evaluate(() => window.__csp);

export async function waitState(page, selector, states = ['ready'], timeout = 10000) {
  await page.waitForFunction(([s, st]) => st.includes(document.querySelector(s)?.getAttribute('state')), [selector, states], { timeout });
  return page.$eval(selector, (el) => el.getAttribute('state'));
}

export function outDir() {
  mkdirSync(OUT, { recursive: true });
  return OUT;
}
