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
    const url = asset(typeof COGOV_WASM === 'string' ? COGOV_WASM : '../pkg/cogov_bg.wasm');
    // the download and compile have a time limit too: a stalled wasm must not leave every widget loading
    compiled ||= fetch(url, { signal: AbortSignal.timeout(WASM_SECONDS * 1000) }).catch(async (e) =>
      Promise.reject(e?.name === 'TimeoutError' ? fetchError('wasm.timeout', url, 'timeout', WASM_SECONDS)
        : await unreachable('wasm', url))).then((r) =>
      !r.ok ? Promise.reject(fetchError('wasm.status', r.url, `the server answered ${r.status}`, r.status))
      // compileStreaming needs the wasm served as application/wasm; another type is compiled from
      // its bytes (what was served is checked by the compile: an HTML page is wasm.type)
      : (/^application\/wasm\b/.test(r.headers.get('content-type')) ? WebAssembly.compileStreaming(r) : r.arrayBuffer().then(WebAssembly.compile))
        .catch((e) => Promise.reject(!(e instanceof WebAssembly.CompileError) ? e
          // a page whose CSP lacks 'wasm-unsafe-eval' makes the compile fail too (the message names the policy)
          : /CSP|Content.Security|eval/i.test(e.message) || refused.has('wasm-eval') || refused.has('eval') ? fetchError('wasm.csp', r.url, 'CSP', "script-src 'wasm-unsafe-eval'")
          : fetchError('wasm.type', r.url, 'not wasm', r.headers.get('content-type') || '?'))));
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

let assetBase;
/**
 * Where the wasm and the stylesheets are fetched from: `url` (resolved against the page) is the
 * directory holding the package's `dist/` and `pkg/`. Without it they resolve next to this
 * module's own URL, which is right for a bundle loaded as published (a CDN, a copy of the
 * package) but not once an app's bundler has inlined it (docs/PACKAGE.md). Takes effect for the
 * fetches that start after it: call it before the first element renders.
 */
export function setAssetBase(url) {
  let u;
  try {
    u = (typeof url === 'string' || url instanceof URL) && new URL(url, document.baseURI);
  } catch {}
  if (!/^https?:$/.test(u?.protocol)) {
    const got = typeof url === 'string' ? `"${url.slice(0, 100)}"` : typeof url;
    throw Object.assign(new TypeError(`setAssetBase: url must be an http(s) URL, got ${got}`), { code: 'arg.type', path: 'url' });
  }
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  // the paths below are relative to the module: a bundle is in dist/, the sources' core.js in lib/
  assetBase = new URL(typeof COGOV_CSS === 'string' ? 'dist/' : 'lib/', u).href;
}
const asset = (path) => new URL(path, assetBase || import.meta.url).href;

const sheets = new Map();
/**
 * Adopts the base sheet plus `names` (css/<name>.css) into a shadow root: constructed sheets
 * shared by every element (no inline style, CSP-safe). A bundle (dist/*.js) is built with
 * COGOV_CSS naming its one minified sheet, which already holds everything its elements use.
 * Resolves to null, or to the error of a sheet that could not be fetched (`css.cors`,
 * `css.status`, `css.type`, ...): the widget then renders unstyled under a notice saying so, its
 * error and notice boxes styled by a small sheet of this module's own (`BARE`).
 */
export async function adoptStyles(root, names = []) {
  const urls = (typeof COGOV_CSS === 'string' ? [COGOV_CSS] : ['base', ...names].map((n) => `../css/${n}.css`)).map(asset);
  if (!root.adoptedStyleSheets || !window.CSSStyleSheet?.prototype.replace) {
    // once per root: the element's renders keep them (lib/element.js #show)
    if (!root.querySelector('link')) root.prepend(...urls.map((href) => Object.assign(document.createElement('link'), { rel: 'stylesheet', href })));
    return null;
  }
  let error = null;
  const loaded = await Promise.all(urls.map((url) => {
    // a sheet that does not arrive (within the element's timeout) leaves this render unstyled, not
    // loading; the next render asks again
    if (!sheets.has(url)) {
      sheets.set(url, fetchText(url, secondsOf(root.host), 'css').then((css) => new CSSStyleSheet().replace(css)));
    }
    return sheets.get(url).catch((e) => {
      sheets.delete(url);
      error = e;
      return null;
    });
  }));
  // the bare sheet while one is missing; a sheet that arrives at a later render replaces it
  const had = root.adoptedStyleSheets, keep = had.filter((s) => s !== bare);
  const add = [...loaded, error && (bare ||= bareSheet())].filter((s) => s && !keep.includes(s));
  if (add.length || keep.length !== had.length) root.adoptedStyleSheets = [...keep, ...add];
  return error;
}
const bareSheet = () => {
  const s = new CSSStyleSheet();
  s.replaceSync(BARE);
  return s;
};
let bare;
/** The bare sheet into a shadow root that has no sheet yet (an error before the stylesheet arrived). */
export function bareStyles(root) {
  if (root.adoptedStyleSheets?.length === 0 && window.CSSStyleSheet?.prototype.replaceSync) root.adoptedStyleSheets = [(bare ||= bareSheet())];
}
// the error and notice boxes (and the host) readable when the widget's stylesheet is missing
const BARE = ':host{display:block;overflow-wrap:anywhere}.error-title,.notice-title{font-weight:600}[part=error],[part=notice]{border:1px solid;border-left-width:4px;padding:0 .75rem;margin:0 0 .5rem}';

const texts = new Map();
const feeds = new Map();
const seen = new Map(); // feed URL -> {etag, modified, sum}: the validators and a checksum of the text last fetched
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
    p = Promise.all([ready(), fetchText(url, secondsOf(el), 'feed')]).then(([, text]) => ({ url, text }));
    p.catch(() => texts.delete(url));
    texts.set(url, p);
  }
  return p;
}

/**
 * Refetches the feed of element `el`'s `src` (`el.refresh()`); true when its text changed, and
 * then the new text replaces the old for every element on that URL: the URL's Feeds are dropped
 * from the cache (an element keeps its own until its next render loads the new text) and the
 * elements are told (`onChange`). Same-origin, the request carries the server's validators
 * (`If-None-Match`, `If-Modified-Since`) and a 304 is "unchanged"; cross-origin (where those
 * headers would need a CORS preflight) the browser revalidates its cached copy itself
 * (`cache: 'no-cache'`). Either way a text whose checksum is the one of the text loaded last is
 * unchanged: it is not parsed again. Throws the fetch's error (`fetch.*`). Refreshes of one URL
 * asked while one is under way share it (a thousand calls make one request).
 */
export async function refetch(el) {
  const url = new URL(el.getAttribute('src'), document.baseURI).href;
  let p = refetching.get(url);
  if (!p) refetching.set(url, (p = fetchAgain(url, secondsOf(el)).finally(() => refetching.delete(url))));
  return p;
}
const refetching = new Map();

async function fetchAgain(url, seconds) {
  await texts.get(url)?.catch(() => {}); // a first fetch under way is waited for, not doubled
  const before = seen.get(url)?.sum;
  const text = await fetchText(url, seconds, 'refresh');
  if (text == null || seen.get(url).sum === before) return false;
  texts.set(url, Promise.resolve({ url, text }));
  feeds.delete(url);
  gens.set(url, generation(url) + 1);
  queueMicrotask(() => changes.forEach((fn) => fn(url)));
  return true;
}

const gens = new Map();
/** How many times a refresh found a new text at `url` (what an element showed last is `url` and this). */
export const generation = (url) => gens.get(url) || 0;

/** `fn(url)` is called when a refresh found a new text at `url`; returns the function that unregisters it. */
export function onChange(fn) {
  changes.add(fn);
  return () => changes.delete(fn);
}
const changes = new Set();

/** A 53-bit checksum of a text (cyrb53), in one pass. */
function checksum(s) {
  let a = 0xdeadbeef ^ s.length, b = 0x41c6ce57 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 2654435761);
    b = Math.imul(b ^ c, 1597334677);
  }
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return 2097152 * (b >>> 0) + (a >>> 0);
}

/**
 * Fetches `url` as text within `seconds` per attempt (`fetch.timeout`). A network error
 * (`fetch.failed`; `fetch.cors` when `url` is on another origin) or an answer 5xx or 429
 * (`fetch.status`) is tried once more after about a second; another 4xx and a timeout are not
 * (a stalled server would double the wait). `mode`: 'css' a stylesheet (`css.*` codes; the
 * answer must be served as text/css, `css.type`, as a `<link>` would want), 'feed' a feed (its
 * validators and checksum are kept in `seen`), 'refresh' a feed's refresh (conditional, see
 * `refetch`; null for a 304).
 */
async function fetchText(url, seconds, mode) {
  const kind = mode === 'css' ? 'css' : 'fetch', again = mode === 'refresh';
  const v = again && seen.get(url), headers = {};
  const same = new URL(url).origin === location.origin;
  if (v && same && v.etag) headers['If-None-Match'] = v.etag;
  if (v && same && v.modified) headers['If-Modified-Since'] = v.modified;
  for (let retry = 1; ; retry--) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), seconds * 1000);
    let error;
    try {
      const r = await fetch(url, { signal: abort.signal, headers, cache: again && !same ? 'no-cache' : 'default' });
      if (r.status === 304 && again) return null;
      const type = r.headers.get('content-type') || '';
      if (r.ok && kind === 'css' && type && !/^text\/css\b/i.test(type)) throw fetchError('css.type', url, 'not text/css', type);
      if (r.ok) {
        const text = await r.text();
        if (kind === 'fetch') seen.set(url, { etag: r.headers.get('etag'), modified: r.headers.get('last-modified'), sum: checksum(text) });
        return text;
      }
      error = fetchError(kind + '.status', url, `the server answered ${r.status}`, r.status);
      if (r.status < 500 && r.status !== 429) retry = 0;
    } catch (e) {
      if (typeof e?.code === 'string') throw e; // css.type, not a DOMException (whose code is a number)
      if (abort.signal.aborted) throw fetchError(kind + '.timeout', url, `no ${kind === 'css' ? 'stylesheet' : 'feed'} within ${seconds} s`, seconds);
      error = await unreachable(kind, url);
    } finally {
      clearTimeout(timer);
    }
    if (retry < 1) throw error;
    await sleep(1000 + Math.random() * 500);
  }
}

/**
 * The error of a fetch that failed without an answer (its message in English: lib/element.js
 * gives every code of this module its message in the widget's language). The browser does not
 * say why (a CORS refusal, a CSP refusal and a network error are the same TypeError), but a CSP
 * refusal fires `securitypolicyviolation` (in a task of its own: hence the wait) naming the URL:
 * `<kind>.csp` (its `arg` what the policy must allow). Else a file on another origin than the
 * page is `<kind>.cors` (its `arg` the origin; the likely cause: that server sends no
 * Access-Control-Allow-Origin), one on the page's own origin a network error.
 */
async function unreachable(kind, url) {
  await sleep(0);
  const origin = new URL(url).origin;
  return refused.has(url) ? fetchError(kind + '.csp', url, 'CSP', `connect-src ${origin}`)
    : origin !== location.origin ? fetchError(kind + '.cors', url, `CORS? ${origin}`, origin)
    : fetchError(kind === 'fetch' ? 'fetch.failed' : kind + '.fetch', url, 'network error');
}
// what the page's Content-Security-Policy refused: blocked URLs, 'wasm-eval' (a compile); the
// last 64 (a host page may have many violations of its own)
const refused = new Set();
document.addEventListener('securitypolicyviolation', (e) => {
  refused.add(e.blockedURI);
  if (refused.size > 64) refused.delete(refused.values().next().value);
});

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
