// Shared by every cogov element on a page: one wasm init, one stylesheet, one Feed per feed URL.
import init, { Feed } from '../pkg/cogov.js';

let wasm;
/** Resolves when the wasm module is ready (initialised once per page). */
export const ready = () =>
  // A per-widget bundle (dist/cogov-structure.js...) is built with COGOV_WASM naming its own
  // smaller wasm, and with ../pkg/cogov.js resolved to that wasm's glue (scripts/bundle.mjs).
  (wasm ||= init({ module_or_path: new URL(typeof COGOV_WASM === 'string' ? COGOV_WASM : '../pkg/cogov_bg.wasm', import.meta.url) }));

const sheets = new Map();
/**
 * Adopts the base sheet plus `names` (css/<name>.css) into a shadow root: constructed sheets
 * shared by every element (no inline style, CSP-safe). A bundle (dist/*.js) is built with
 * COGOV_CSS naming its one minified sheet, which already holds everything its elements use.
 */
export async function adoptStyles(root, names = []) {
  const urls = (typeof COGOV_CSS === 'string' ? [COGOV_CSS] : ['base', ...names].map((n) => `../css/${n}.css`))
    .map((u) => new URL(u, import.meta.url).href);
  if (!root.adoptedStyleSheets || !window.CSSStyleSheet?.prototype.replace) {
    return root.prepend(...urls.map((href) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href })));
  }
  const loaded = await Promise.all(urls.map((url) => {
    if (!sheets.has(url)) sheets.set(url, fetch(url).then((r) => r.text()).then((css) => new CSSStyleSheet().replace(css)).catch(() => null));
    return sheets.get(url);
  }));
  const add = loaded.filter((s) => s && !root.adoptedStyleSheets.includes(s));
  if (add.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...add];
}

const texts = new Map();
const feeds = new Map();
/**
 * The feed text of an element, once the wasm is ready: `{url, text}` for its `src` (fetched once
 * per URL) or `{url: '', text}` for its `<script type="application/json">` child.
 */
export function sourceOf(el) {
  const src = el.getAttribute('src');
  if (!src) {
    const script = el.querySelector(':scope > script[type="application/json"]');
    if (!script) return Promise.reject(fail('feed.missing', '', 'no src attribute and no <script type="application/json"> child'));
    return ready().then(() => ({ url: '', text: script.textContent }));
  }
  const url = new URL(src, document.baseURI).href;
  let p = texts.get(url);
  if (!p) {
    p = Promise.all([ready(), fetch(url).catch(() => Promise.reject(fail('fetch.failed', url, 'the feed could not be fetched')))])
      .then(([, r]) => (r.ok ? r.text() : Promise.reject(fail('fetch.status', url, `the server answered ${r.status}`))))
      .then((text) => ({ url, text }));
    p.catch(() => texts.delete(url));
    texts.set(url, p);
  }
  return p;
}

/**
 * The Feed for `source` (from `sourceOf`), loaded now: `part` 'structure' loads only the feed's
 * structure part (an org chart renders before the rest is decoded), anything else every part.
 * One Feed per URL and kind, and a full one serves every element: a page's org charts share
 * one structure-only Feed until a calendar or proposal list loads the full one. Throws the load
 * error (`normalize`d) when the part has errors.
 */
export function feedFor({ url, text }, part) {
  const key = part === 'structure' ? 'structure' : 'all';
  if (!url) return load(text, key, url);
  let have = feeds.get(url);
  if (!have) feeds.set(url, (have = {}));
  if (!have.all && !have[key]) {
    try {
      have[key] = { feed: load(text, key, url) };
    } catch (error) {
      have[key] = { error };
    }
    // once every part is loaded the text is not needed again
    if (key === 'all') texts.set(url, Promise.resolve({ url, text: '' }));
  }
  const got = have.all || have[key];
  if (got.error) throw got.error;
  return got.feed;
}

function load(text, part, url) {
  try {
    return new Feed(text, part);
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
