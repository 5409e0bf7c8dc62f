// The base of every cogov element: attributes are the source of truth, one batched render per
// microtask, states loading/error/ready, errors shown inside the widget and never thrown at the page.
import { adoptStyles, bareStyles, feedFor, generation, langOf, normalize, onChange, onReset, ready, refetch, sourceOf } from './core.js';
import { h } from './dom.js';
import { labels, ui } from './i18n.js';

const MAX_PROBLEMS = 20;
/** The shortest and longest periods of the `refresh` attribute, in seconds (values outside count as these). */
const MIN_REFRESH = 5, MAX_REFRESH = 86400;
const FOCUSABLE = 'button, a[href], input, select, textarea, [tabindex]';

const camel = (a) => a.replace(/-(\w)/g, (_, c) => c.toUpperCase());
const reflected = new WeakSet();
/**
 * Defines on `C.prototype` a JS property per attribute (`month`, `asOf` for `as-of`, `hashKey`,
 * `timeout`...): the getter returns the attribute (null when absent; `timeout` as a number), the
 * setter sets it (null/undefined remove it). `lang` is the platform's own property (it reflects
 * the attribute already); `refresh` is defined by the class (the method, whose setter sets the attribute).
 */
function reflect(C) {
  if (reflected.has(C)) return;
  reflected.add(C);
  for (const a of [...C.observedAttributes, 'timeout']) {
    const k = camel(a);
    if (k in C.prototype) continue;
    Object.defineProperty(C.prototype, k, {
      configurable: true,
      get() {
        const v = this.getAttribute(a);
        return v != null && a === 'timeout' ? +v : v;
      },
      set(v) {
        if (v == null) this.removeAttribute(a);
        else this.setAttribute(a, v);
      },
    });
  }
}

// Widgets whose feed arrives together (one feed, several widgets on a page) make their first
// render one per frame, in document order, so the first one paints before the others are built
// and laid out. A hidden page has no frames: a task boundary is enough there.
let turns = Promise.resolve();
const frame = () => new Promise((r) => (document.hidden ? setTimeout(r) : requestAnimationFrame(() => setTimeout(r))));
function firstRenderTurn() {
  const mine = turns;
  turns = turns.then(frame);
  return mine;
}

/** The visible label of an illustrative record (an example, not a fact from a source). */
export const badge = (L) => h('span', { part: 'badge', class: 'badge' }, L.ui.illustrative);

export class CogovElement extends HTMLElement {
  /** Defines the element once; a second call (two copies of cogov.js on one page) is a no-op. */
  static define(tag, registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  /** Sheets this element needs besides the base one (www/css/<name>.css), in cascade order. */
  static sheets = [];

  /** The part of the feed the element shows: 'structure' (loaded alone first), or 'all'. */
  static part = 'all';

  static get observedAttributes() {
    return ['src', 'lang', 'refresh', 'heading-level'];
  }

  #level = 3;

  /**
   * A heading `n` levels below the widget's top one: `heading-level` (1-6, default 3) is the top,
   * capped at h6. Class `hd<n>` styles it whatever its level.
   */
  hd(n, attrs, ...kids) {
    return h('h' + Math.min(6, this.#level + n), { ...attrs, class: `hd${n}${attrs?.class ? ' ' + attrs.class : ''}` }, ...kids);
  }

  #queued = false;
  #run = 0;
  #marked = false;
  #feed = null; // the last Feed that loaded: shown again when a later fetch or load fails

  constructor() {
    super();
    reflect(this.constructor);
    this.attachShadow({ mode: 'open' });
  }

  #unreset = null;
  #unchange = null;

  connectedCallback() {
    // properties a page set before the element was defined shadow the accessors: set them again through them
    for (const k of ['feed', ...this.constructor.observedAttributes.map(camel)]) {
      if (Object.hasOwn(this, k)) {
        const v = this[k];
        delete this[k];
        this[k] = v;
      }
    }
    // another element's refresh found new data at this element's URL: render it
    this.#unchange ||= onChange((url) => {
      try {
        if (this.#text == null && this.getAttribute('src') && new URL(this.getAttribute('src'), document.baseURI).href === url) this.#schedule();
      } catch {} // a src that is no URL: its own render shows that
    });
    this.#arm();
    // after a trap elsewhere, a view of a dropped Feed renders again from a fresh instance (an
    // element in the error state waits for its next render: a feed that traps does not loop)
    this.#unreset ||= onReset(() => {
      this.#feed = null;
      if (this.getAttribute('state') === 'ready') this.#schedule();
    });
    this.#schedule();
  }

  disconnectedCallback() {
    this.#unreset?.();
    this.#unchange?.();
    this.#unreset = this.#unchange = null;
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, old, value) {
    if (old === value) return;
    if (name === 'src') this.#refreshError = null;
    if (name === 'refresh') this.#arm();
    else this.#schedule();
  }

  // ---- the data: el.feed, el.refresh(), the refresh attribute ----

  #value = null; // what el.feed was set to
  #text = null; // its JSON text (null: the element reads src or its inline script)
  #key = {}; // the Feed cache's key for that text (lib/core.js inlineFeed)
  #feedError = null;
  #refreshError = null; // the last refresh's failure, shown above the last good view
  #timer = 0;

  /**
   * The feed given by script: JSON text, or an object (made JSON text with `JSON.stringify` and
   * read by the same decoder as a fetched feed). While set (not null) it is shown instead of `src`
   * or the inline script. The same text again (an equal string, or an object that stringifies
   * the same) neither loads nor renders again.
   */
  get feed() {
    return this.#value;
  }

  set feed(v) {
    let text = null, error = null;
    if (v != null) {
      try {
        text = typeof v === 'string' ? v : JSON.stringify(v);
      } catch (e) {
        error = e;
      }
      // (the message shown is lib/i18n.js's, in the widget's language)
      if (typeof text !== 'string') error = normalize({ code: 'feed.type', path: 'feed', message: String(error?.message || typeof v) });
    }
    this.#value = v ?? null;
    if (text === this.#text && !error && !this.#feedError) return;
    this.#text = error ? null : text;
    this.#feedError = error;
    this.#refreshError = null;
    this.#schedule();
  }

  /**
   * `el.refresh()` fetches the feed of `src` again (conditionally: with the server's validators
   * when it gave them) and re-renders only when the text changed; resolves to true when it did.
   * On failure the last good view stays under the "could not refresh" notice. Never rejects.
   * Assigning to `el.refresh` sets the `refresh` attribute (seconds between refreshes), so
   * frameworks that set properties (React 19, Vue) can set it.
   */
  get refresh() {
    return this.#refresh;
  }

  set refresh(v) {
    if (v == null) this.removeAttribute('refresh');
    else this.setAttribute('refresh', v);
  }

  #refresh = async () => {
    if (this.#text != null || this.#feedError) return false; // el.feed: the page gives the data
    if (!this.getAttribute('src')) return this.#schedule(), false; // the inline script is read again
    try {
      const changed = await refetch(this);
      if (this.#refreshError) (this.#refreshError = null), this.#schedule();
      return changed; // a change re-renders every element on the URL (onChange)
    } catch (e) {
      // before a first good view there is nothing to keep: the render fetches and shows the error
      if (this.getAttribute('state') === 'ready') this.#refreshError = e;
      this.#schedule();
      return false;
    }
  };

  /**
   * (Re)starts the `refresh` timer: every `refresh` seconds (5 to 86,400: setTimeout fires at
   * once past 2^31 ms) while connected; a turn is skipped while the page is hidden.
   */
  #arm() {
    clearTimeout(this.#timer);
    const s = +this.getAttribute('refresh');
    if (!this.isConnected || !(s > 0)) return;
    this.#timer = setTimeout(() => (document.hidden ? Promise.resolve() : this.#refresh()).then(() => this.#arm()), Math.min(Math.max(s, MIN_REFRESH), MAX_REFRESH) * 1000);
  }

  #source() {
    if (this.#feedError) return Promise.reject(this.#feedError);
    return this.#text == null ? sourceOf(this) : ready().then(() => ({ url: '', text: this.#text, script: this.#key }));
  }

  /** Focuses the widget's first interactive element (in tab order), else does what HTMLElement's does. */
  focus(options) {
    const first = [...this.shadowRoot.querySelectorAll(FOCUSABLE)].find((x) => x.tabIndex >= 0 && !x.disabled && x.getClientRects().length);
    if (first) first.focus(options);
    else super.focus(options);
  }

  /** Re-renders (batched like an attribute change): for state that lives outside attributes. */
  update() {
    this.#schedule();
  }

  /** The language the element renders in ('ko' | 'en'). */
  get language() {
    return langOf(this);
  }

  #schedule() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#update().catch((e) => console.warn('cogov:', e));
    });
  }

  async #update() {
    const run = ++this.#run;
    const root = this.shadowRoot;
    const lang = this.language, L = labels(lang);
    if (!this.hasAttribute('state') || this.getAttribute('state') === 'error') {
      this.#show(lang, 'loading', h('p', { part: 'loading', role: 'status' }, ui(L, 'loading')));
    }
    let view, error, stale, unstyled, data, raw; // raw: the failure as thrown (cogov-error fires once per failure)
    try {
      let feed;
      try {
        const [source, styles] = await Promise.all([this.#source(), adoptStyles(root, this.constructor.sheets)]);
        // a stylesheet that could not be fetched: the view is shown unstyled, under a notice saying why
        unstyled = styles && localize(normalize(styles), L);
        if (this.getAttribute('state') === 'loading') await firstRenderTurn();
        if (run !== this.#run) return;
        // loaded in the element's own turn: an org chart first renders from the structure part
        // alone, and the full load waits for the first calendar or proposal list's turn
        feed = this.#feed = feedFor(source, this.constructor.part);
        data = source.url ? `${generation(source.url)} ${source.url}` : source.text;
        if ((raw = this.#refreshError)) stale = localize(normalize(raw), L);
      } catch (e) {
        // not fetched or not loaded: the last feed that loaded is shown again, under a notice
        // (not after a trap: that Feed's instance is gone)
        if (!this.#feed || run !== this.#run || e?.code === 'wasm.trap') throw e;
        stale = localize(normalize((raw = e)), L);
        feed = this.#feed;
      }
      this.#level = intAttr(this, 'heading-level', 1, 6, 3, lang);
      view = this.render(feed, lang);
    } catch (e) {
      if (run !== this.#run) return;
      // not fetched or loaded the first time, or rejected by the element (an unknown body, a bad date)
      error = localize(normalize((raw = e)), L);
    }
    this.error = error || stale || unstyled || null;
    if (error) {
      this.#show(lang, 'error', problems(L, error));
      bareStyles(root);
      this.#shown = null;
    } else {
      this.#show(lang, 'ready', [unstyled ? notice(L, unstyled, 'unstyled') : null, stale ? notice(L, stale, 'stale') : null, view]);
      this.rendered?.();
      // one mark per element (its first view): marks stay in the performance timeline until cleared
      if (!this.#marked) performance.mark('cogov-ready', { detail: { tag: this.localName, id: this.id } });
      this.#marked = true;
    }
    this.#tell(error, stale, data, raw);
  }

  #shown = null; // what the last cogov-ready showed: the feed's URL with its generation (lib/core.js), or the inline text
  #told = null; // the failure of the last cogov-error

  /**
   * `cogov-error` after a render that could not get or show its feed (once per failure: re-renders
   * showing the same one stay silent); `cogov-ready` after one showing data it had not shown.
   */
  #tell(error, stale, data, raw) {
    if (raw && raw !== this.#told) this.emit('error', { error: error || stale, stale: !error });
    this.#told = raw || null;
    if (!error && !stale && data !== this.#shown) {
      this.#shown = data;
      this.emit('ready', { url: this.#text == null ? this.getAttribute('src') || '' : '' });
    }
  }

  #show(lang, state, content) {
    const wrap = h('div', { part: 'content', lang, class: state }, content, state === 'ready' ? null : h('slot'));
    // the <link> sheets of browsers without constructable stylesheets (lib/core.js adoptStyles) stay
    // where they are: moving one (replaceChildren) reloads it, and the view is unstyled meanwhile
    for (const n of [...this.shadowRoot.childNodes]) if (n.localName !== 'link') n.remove();
    this.shadowRoot.append(wrap);
    this.setAttribute('state', state);
    this.toggleAttribute('aria-busy', state === 'loading');
  }

  /** `{code, path, message, problems}` while `state` is `error`, else null. */
  error = null;

  // Subclasses define render(feed, lang) → Node (anything thrown becomes the error state) and may
  // define rendered(), called once the view is in the shadow root.

  /**
   * Fires `cogov-<name>` (bubbles, composed); false when `cancelable` and a listener called
   * `preventDefault()`. `select` and `change` only on a user action; `ready` and `error` by the base.
   */
  emit(name, detail, cancelable = false) {
    return this.dispatchEvent(new CustomEvent(`cogov-${name}`, { detail, bubbles: true, composed: true, cancelable }));
  }
}

/**
 * A whole-number attribute from `lo` to `hi` (`dflt` when absent); anything else is the error
 * `arg.attribute` naming the attribute, in the widget's language.
 */
export function intAttr(el, name, lo, hi, dflt, lang) {
  const v = el.getAttribute(name);
  if (v == null) return dflt;
  if (/^\s*\d{1,2}\s*$/.test(v) && +v >= lo && +v <= hi) return +v;
  const message = lang === 'ko' ? `${name} 속성은 ${lo}부터 ${hi}까지의 정수여야 합니다 (받은 값: "${v.slice(0, 40)}")`
    : `${name} must be a whole number from ${lo} to ${hi} (got "${v.slice(0, 40)}")`;
  throw { code: 'arg.attribute', path: name, message, problems: [{ code: 'arg.attribute', path: name, message }] };
}

/** An error of lib/core.js's own (fetch.*, feed.missing) with its message in the widget's language. */
function localize(err, L) {
  // `wasm.*` and `css.*` (the widget's own files) read as `file.*`, else as the feed's `fetch.*`
  const end = err.code.replace(/^(wasm|css)\./, '');
  const t = L.err[err.code] || (end !== err.code && (L.err['file.' + end] || L.err['fetch.' + end]));
  if (!t || (t.includes('{}') && err.arg == null)) return err;
  const { code, path } = err, message = t.replace('{}', err.arg);
  return { code, path, message, problems: [{ code, path, message }] };
}

const problem = (p) => h('li', null, p.path ? [h('code', { part: 'problem-path' }, p.path), ': '] : null, p.message, ' ', h('small', { part: 'problem-code' }, `(${p.code})`));

function problems(L, err) {
  const list = err.problems.length ? err.problems : [err];
  const rest = list.length - MAX_PROBLEMS;
  return h('div', { part: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, ui(L, 'error')),
    h('ul', { part: 'problems' }, list.slice(0, MAX_PROBLEMS).map(problem), rest > 0 ? h('li', null, ui(L, 'more', rest)) : null));
}

/**
 * Above the view when a refresh failed (`title` 'stale': the last good view is shown) or the
 * stylesheet is missing ('unstyled'): what failed, briefly (the whole error is `element.error`).
 */
function notice(L, err, title) {
  const list = err.problems.length ? err.problems : [err];
  return h('div', { part: 'notice', role: 'status', class: 'notice' },
    h('p', { class: 'notice-title' }, ui(L, title)),
    h('ul', { part: 'problems' }, problem(list[0]), list.length > 1 ? h('li', null, ui(L, 'more', list.length - 1)) : null));
}
