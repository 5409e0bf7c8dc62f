// Shared by every cogov element on a page: one wasm instance, one stylesheet, one Feed per feed URL.
import glue from './glue.js';
import { labels, ui } from './i18n.js';

// The wasm: compiled once per page, instantiated through a fresh glue (./glue.js) when first
// needed and again after a call into it trapped. A trap (WebAssembly.RuntimeError: a panic, an
// allocation failure; a stack overflow; anything thrown from inside the wasm that is not one of
// the boundary's own errors, which all carry a `code`) leaves an instance in the middle of a
// call, so that instance and every Feed made from it are dropped (`poison`) and the failing
// call throws the error `wasm.trap`. The next Feed loads in a new instance, made at once from
// the compiled module and a glue prepared in advance (`next`).
// A per-widget bundle (dist/cogov-structure.js...) is built with COGOV_WASM naming its own
// smaller wasm, and with ./glue.js made from that wasm's glue (scripts/bundle.mjs).
let compiled, module, next, current, starting;

/** Resolves when a wasm instance is ready. */
export const ready = () => (starting ||= start());

async function start() {
  try {
    compiled ||= fetch(new URL(typeof COGOV_WASM === 'string' ? COGOV_WASM : '../pkg/cogov_bg.wasm', import.meta.url)).then((r) =>
      !r.ok ? Promise.reject(fail('wasm.fetch', r.url, `the server answered ${r.status}`))
      // compileStreaming needs the wasm served as application/wasm
      : /^application\/wasm\b/.test(r.headers.get('content-type')) ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then(WebAssembly.compile));
    [module, next] = await Promise.all([compiled, next || glue()]);
    return instantiate();
  } catch (e) {
    compiled = starting = undefined; // a failed fetch is tried again on the next use
    throw e;
  }
}

/** A new instance from the compiled module and the prepared glue (synchronous); prepares the next glue. */
function instantiate() {
  const g = next;
  next = undefined;
  Promise.resolve(glue()).then((n) => (next = n), () => {});
  g.initSync({ module });
  // every Feed method goes through call(): a trap poisons the instance it happened in
  const P = g.Feed.prototype;
  for (const k of Object.getOwnPropertyNames(P)) {
    const f = P[k];
    if (k !== 'constructor' && typeof f === 'function') P[k] = function (...a) { return call(g, () => f.apply(this, a)); };
  }
  return (current = g);
}

/** `f()`, a call into instance `g`; an exception that is not a boundary error poisons `g`. */
function call(g, f) {
  try {
    return f();
  } catch (e) {
    if (typeof e?.code === 'string') throw e;
    if (g === current) poison();
    throw Object.assign(new Error(`the wasm stopped: ${e?.message || e}`), { code: 'wasm.trap', path: '', cause: e });
  }
}

/** Drops the current instance, every Feed and every fetched text (a Feed's text is dropped once loaded). */
function poison() {
  current = starting = undefined;
  feeds.clear();
  texts.clear();
  try {
    if (next && module) starting = Promise.resolve(instantiate());
  } catch {} // no room for a new instance now: the next ready() tries again
}

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
    // once every part is loaded the text is not needed again (unless the load trapped and
    // dropped every Feed: then it is fetched again)
    if (key === 'all' && feeds.get(url) === have) texts.set(url, Promise.resolve({ url, text: '' }));
  }
  const got = have.all || have[key];
  if (got.error) throw got.error;
  return got.feed;
}

function load(text, part, url) {
  const g = current;
  try {
    if (!g) throw { code: 'wasm.trap' }; // the instance was dropped and no new one could be made yet
    return call(g, () => new g.Feed(text, part));
  } catch (e) {
    throw normalize(e, url);
  }
}

function fail(code, path, message) {
  return { code, path, message, problems: [{ code, path, message }] };
}

/**
 * Any thrown value as `{code, path, message, problems: [{path, code, message}]}`; a trap
 * (`wasm.trap`) with its message in `lang`.
 */
export function normalize(e, url = '', lang = 'en') {
  if (e instanceof WebAssembly.RuntimeError) {
    poison(); // not thrown through call(): drop the instance it may have come from too
    e = { code: 'wasm.trap' };
  }
  if (e && e.code === 'wasm.trap') return fail('wasm.trap', '', ui(labels(lang), 'trap'));
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
