// Shared by every cogov element on a page: one wasm instance, one stylesheet, one Feed per feed URL.
import glue from './glue.js';

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
const WASM_SECONDS = 30;

/** Resolves when a wasm instance is ready. */
export const ready = () => (starting ||= start());

async function start() {
  try {
    const url = new URL(typeof COGOV_WASM === 'string' ? COGOV_WASM : '../pkg/cogov_bg.wasm', import.meta.url).href;
    // the download and compile have a time limit too: a stalled wasm must not leave every widget loading
    compiled ||= fetch(url, { signal: AbortSignal.timeout(WASM_SECONDS * 1000) }).catch((e) =>
      Promise.reject(fail('wasm.fetch', url, e?.name === 'TimeoutError' ? `no wasm within ${WASM_SECONDS} s` : 'the wasm could not be fetched'))).then((r) =>
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

/**
 * `fn` is called (in a microtask) after a trap dropped the instance, so an element showing a view
 * of a dropped Feed renders again from a fresh one; returns the function that unregisters it.
 */
export function onReset(fn) {
  resets.add(fn);
  return () => resets.delete(fn);
}
const resets = new Set();

/** Drops the current instance, every Feed and every fetched text (a Feed's text is dropped once loaded). */
function poison() {
  current = starting = undefined;
  feeds.clear();
  texts.clear();
  inline = new WeakMap();
  queueMicrotask(() => resets.forEach((fn) => fn()));
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
    // once per root: the element's renders keep them (lib/element.js #show)
    if (!root.querySelector('link')) root.prepend(...urls.map((href) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href })));
    return;
  }
  const loaded = await Promise.all(urls.map((url) => {
    // a sheet that does not arrive (within the element's timeout) leaves this render unstyled, not
    // loading; the next render asks again
    if (!sheets.has(url)) {
      sheets.set(url, fetchText(url, secondsOf(root.host)).then((css) => new CSSStyleSheet().replace(css)).catch(() => sheets.delete(url) && null));
    }
    return sheets.get(url);
  }));
  const add = loaded.filter((s) => s && !root.adoptedStyleSheets.includes(s));
  if (add.length) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...add];
}

const texts = new Map();
const feeds = new Map();
/** Seconds a fetch may take (each attempt, body included): the element's `timeout` (at most 600), else 15. */
function secondsOf(el) {
  const t = +el.getAttribute('timeout');
  return t > 0 ? Math.min(t, 600) : 15;
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The feed text of an element, once the wasm is ready: `{url, text}` for its `src` (fetched once
 * per URL; a failed fetch is tried again at the next render) or `{url: '', text, script}` for its
 * `<script type="application/json">` child.
 */
export function sourceOf(el) {
  const src = el.getAttribute('src');
  if (!src) {
    const script = el.querySelector(':scope > script[type="application/json"]');
    if (!script) return Promise.reject(fail('feed.missing', '', 'no src attribute and no <script type="application/json"> child'));
    return ready().then(() => ({ url: '', text: script.textContent, script }));
  }
  const url = new URL(src, document.baseURI).href;
  let p = texts.get(url);
  if (!p) {
    p = Promise.all([ready(), fetchText(url, secondsOf(el))]).then(([, text]) => ({ url, text }));
    p.catch(() => texts.delete(url));
    texts.set(url, p);
  }
  return p;
}

/**
 * Fetches `url` as text within `seconds` per attempt (`fetch.timeout`). A network error
 * (`fetch.failed`) or an answer 5xx or 429 (`fetch.status`) is tried once more after about a
 * second; another 4xx and a timeout are not (a stalled server would double the wait).
 */
async function fetchText(url, seconds) {
  for (let retry = 1; ; retry--) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), seconds * 1000);
    let error;
    try {
      const r = await fetch(url, { signal: abort.signal });
      if (r.ok) return await r.text();
      error = fetchError('fetch.status', url, `the server answered ${r.status}`, r.status);
      if (r.status < 500 && r.status !== 429) retry = 0;
    } catch (e) {
      if (abort.signal.aborted) throw fetchError('fetch.timeout', url, `no feed within ${seconds} s`, seconds);
      error = fetchError('fetch.failed', url, 'the feed could not be fetched');
    } finally {
      clearTimeout(timer);
    }
    if (retry < 1) throw error;
    await sleep(1000 + Math.random() * 500);
  }
}

// `arg` (the status, the seconds) fills the element's localized message (lib/element.js).
const fetchError = (code, url, message, arg) => Object.assign(fail(code, url, message), { arg });

/**
 * The Feed for `source` (from `sourceOf`), loaded now: `part` 'structure' loads only the feed's
 * structure part (an org chart renders before the rest is decoded), anything else every part.
 * One Feed per URL and kind, and a full one serves every element: a page's org charts share
 * one structure-only Feed until a calendar or proposal list loads the full one. Throws the load
 * error (`normalize`d) when the part has errors.
 */
export function feedFor({ url, text, script }, part) {
  const key = part === 'structure' ? 'structure' : 'all';
  if (!url) return inlineFeed(script, text, key);
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

let inline = new WeakMap(); // <script> -> {good, bad}: {text, key, feed | error}; a new map after a trap
/**
 * The Feed of an inline `<script type="application/json">`, loaded again only when its text
 * changes (re-renders neither parse again nor grow the wasm memory). The Feed it replaces is
 * freed once the new text has loaded; a text that fails keeps it (the last good view uses it).
 */
function inlineFeed(script, text, key) {
  const got = inline.get(script) || {};
  const fits = (x) => x && x.text === text && (x.key === 'all' || x.key === key);
  if (fits(got.good)) return got.good.feed;
  if (fits(got.bad)) throw got.bad.error;
  try {
    const feed = load(text, key, '');
    inline.set(script, { good: { text, key, feed } });
    got.good?.feed.free();
    return feed;
  } catch (error) {
    inline.set(script, { good: got.good, bad: { text, key, error } });
    throw error;
  }
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
 * Any thrown value as `{code, path, message, problems: [{path, code, message}]}` (the element
 * gives core's own errors, `wasm.trap` and `fetch.*`, their message in its language).
 */
export function normalize(e, url = '') {
  if (e instanceof WebAssembly.RuntimeError) {
    poison(); // not thrown through call(): drop the instance it may have come from too
    e = { code: 'wasm.trap' };
  }
  if (e && e.code === 'wasm.trap') return fail('wasm.trap', '', 'the engine stopped and was restarted; please try again');
  if (e && e.problems && !Array.isArray(e.problems)) {
    const errors = e.problems.errors || [];
    return { code: e.code, path: e.path, message: e.message, problems: errors, warnings: e.problems.warnings || [], url };
  }
  if (e && Array.isArray(e.problems)) return e;
  const message = String((e && e.message) || e);
  // a code is a string (a DOMException's numeric `code` is not one): anything else is `internal`
  if (typeof e?.code === 'string' && e.code) return fail(e.code, e.path || '', message);
  return Object.assign(fail('internal', (e && e.path) || '', message), { arg: message });
}

/** The language of an element: its `lang`, the closest `[lang]`, the document's, else Korean. */
export function langOf(el) {
  const tag = el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'ko';
  return /^ko/i.test(tag) ? 'ko' : 'en';
}
