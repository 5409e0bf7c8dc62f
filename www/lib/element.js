// The base of every cogov element: attributes are the source of truth, one batched render per
// microtask, states loading/error/ready, errors shown inside the widget and never thrown at the page.
import { adoptStyles, feedFor, langOf, normalize, onReset, sourceOf } from './core.js';
import { h } from './dom.js';
import { labels, ui } from './i18n.js';

const MAX_PROBLEMS = 20;

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
    return ['src', 'lang', 'heading-level'];
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
    this.attachShadow({ mode: 'open' });
  }

  #unreset = null;

  connectedCallback() {
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
    this.#unreset = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old !== value) this.#schedule();
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
    let view, error, stale;
    try {
      let feed;
      try {
        const [source] = await Promise.all([sourceOf(this), adoptStyles(root, this.constructor.sheets)]);
        if (this.getAttribute('state') === 'loading') await firstRenderTurn();
        if (run !== this.#run) return;
        // loaded in the element's own turn: an org chart first renders from the structure part
        // alone, and the full load waits for the first calendar or proposal list's turn
        feed = this.#feed = feedFor(source, this.constructor.part);
      } catch (e) {
        // not fetched or not loaded: the last feed that loaded is shown again, under a notice
        // (not after a trap: that Feed's instance is gone)
        if (!this.#feed || run !== this.#run || e?.code === 'wasm.trap') throw e;
        stale = localize(normalize(e), L);
        feed = this.#feed;
      }
      this.#level = intAttr(this, 'heading-level', 1, 6, 3, lang);
      view = this.render(feed, lang);
    } catch (e) {
      if (run !== this.#run) return;
      // not fetched or loaded the first time, or rejected by the element (an unknown body, a bad date)
      error = localize(normalize(e), L);
    }
    this.error = error || stale || null;
    if (error) {
      this.#show(lang, 'error', problems(L, error));
    } else {
      this.#show(lang, 'ready', [stale ? notice(L, stale) : null, view]);
      this.rendered?.();
      // one mark per element (its first view): marks stay in the performance timeline until cleared
      if (!this.#marked) performance.mark('cogov-ready', { detail: { tag: this.localName, id: this.id } });
      this.#marked = true;
    }
  }

  #show(lang, state, content) {
    const wrap = h('div', { part: 'content', lang, class: state }, content, state === 'ready' ? null : h('slot'));
    // the <link> sheets of browsers without constructable stylesheets (lib/core.js adoptStyles) stay
    this.shadowRoot.replaceChildren(...this.shadowRoot.querySelectorAll('link'), wrap);
    this.setAttribute('state', state);
    this.toggleAttribute('aria-busy', state === 'loading');
  }

  /** `{code, path, message, problems}` while `state` is `error`, else null. */
  error = null;

  // Subclasses define render(feed, lang) → Node (anything thrown becomes the error state) and may
  // define rendered(), called once the view is in the shadow root.

  /** Fires `cogov-<name>` (bubbles, composed). Only call this on a user action. */
  emit(name, detail) {
    return this.dispatchEvent(new CustomEvent(`cogov-${name}`, { detail, bubbles: true, composed: true }));
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
  const t = L.err[err.code];
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

/** Above the last good view when a refresh failed: what failed, briefly (the whole error is `element.error`). */
function notice(L, err) {
  const list = err.problems.length ? err.problems : [err];
  return h('div', { part: 'notice', role: 'status', class: 'notice' },
    h('p', { class: 'notice-title' }, ui(L, 'stale')),
    h('ul', { part: 'problems' }, problem(list[0]), list.length > 1 ? h('li', null, ui(L, 'more', list.length - 1)) : null));
}
