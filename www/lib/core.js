// Shared by every cogov element on a page: one wasm init, one stylesheet, one Feed per feed URL.
import init, { Feed } from '../pkg/cogov.js';

let wasm;
/** Resolves when the wasm module is ready (initialised once per page). */
export const ready = () =>
  // A per-widget bundle (dist/cogov-structure.js...) is built with COGOV_WASM naming its own
  // smaller wasm, and with ../pkg/cogov.js resolved to that wasm's glue (scripts/bundle.mjs).
  (wasm ||= init({ module_or_path: new URL(typeof COGOV_WASM === 'string' ? COGOV_WASM : '../pkg/cogov_bg.wasm', import.meta.url) }));

let sheet;
/** Adopts cogov.css into a shadow root: one constructed sheet for all (no inline style, CSP-safe). */
export async function adoptStyles(root) {
  // The bundle (dist/cogov.js) is built with COGOV_CSS defined as its minified copy, ./cogov.css.
  const url = new URL(typeof COGOV_CSS === 'string' ? COGOV_CSS : '../cogov.css', import.meta.url);
  if (!root.adoptedStyleSheets || !window.CSSStyleSheet?.prototype.replace) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = url;
    return root.prepend(link);
  }
  sheet ||= fetch(url).then((r) => r.text()).then((css) => new CSSStyleSheet().replace(css));
  const s = await sheet.catch(() => null);
  if (s && !root.adoptedStyleSheets.includes(s)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, s];
}

const feeds = new Map();
/** The Feed of an element: its `src` (shared by URL) or its `<script type="application/json">` child. */
export function feedOf(el) {
  const src = el.getAttribute('src');
  if (!src) {
    const script = el.querySelector(':scope > script[type="application/json"]');
    if (!script) return Promise.reject(fail('feed.missing', '', 'no src attribute and no <script type="application/json"> child'));
    return ready().then(() => load(script.textContent, ''));
  }
  const url = new URL(src, document.baseURI).href;
  let p = feeds.get(url);
  if (!p) {
    p = Promise.all([ready(), fetch(url).catch(() => Promise.reject(fail('fetch.failed', url, 'the feed could not be fetched')))])
      .then(([, r]) => (r.ok ? r.text() : Promise.reject(fail('fetch.status', url, `the server answered ${r.status}`))))
      .then((text) => load(text, url));
    p.catch(() => feeds.delete(url));
    feeds.set(url, p);
  }
  return p;
}

function load(text, url) {
  try {
    return new Feed(text);
  } catch (e) {
    throw normalize(e, url);
  }
}

function fail(code, path, message) {
  return { code, path, message, problems: [{ code, path, message }] };
}

/** Any thrown value as `{code, path, message, problems: [{path, code, message}]}`. */
export function normalize(e, url = '') {
  if (e && e.problems && !Array.isArray(e.problems)) {
    const errors = e.problems.errors || [];
    return { code: e.code, path: e.path, message: e.message, problems: errors, warnings: e.problems.warnings || [], url };
  }
  if (e && Array.isArray(e.problems)) return e;
  const message = String((e && e.message) || e);
  return fail((e && e.code) || 'internal', (e && e.path) || '', message);
}

/** The language of an element: its `lang`, the closest `[lang]`, the document's, else Korean. */
export function langOf(el) {
  const tag = el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'ko';
  return /^ko/i.test(tag) ? 'ko' : 'en';
}
