// The base of every cogov element: attributes are the source of truth, one batched render per
// microtask, states loading/error/ready, errors shown inside the widget and never thrown at the page.
import { adoptStyles, feedFor, langOf, normalize, sourceOf } from './core.js';
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
    return ['src', 'lang'];
  }

  #queued = false;
  #run = 0;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    this.#schedule();
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
    const lang = this.language;
    if (!this.hasAttribute('state') || this.getAttribute('state') === 'error') {
      this.#show(lang, 'loading', h('p', { part: 'loading', role: 'status' }, ui(labels(lang), 'loading')));
    }
    let view, error;
    try {
      const [source] = await Promise.all([sourceOf(this), adoptStyles(root, this.constructor.sheets)]);
      if (this.getAttribute('state') === 'loading') await firstRenderTurn();
      if (run !== this.#run) return;
      // loaded in the element's own turn: an org chart first renders from the structure part
      // alone, and the full load waits for the first calendar or proposal list's turn
      view = this.render(feedFor(source, this.constructor.part), lang);
    } catch (e) {
      if (run !== this.#run) return;
      error = normalize(e, '', lang);
    }
    this.error = error || null;
    if (error) {
      this.#show(lang, 'error', problems(lang, error));
    } else {
      this.#show(lang, 'ready', view);
      this.rendered?.();
      performance.mark('cogov-ready', { detail: { tag: this.localName, id: this.id } });
    }
  }

  #show(lang, state, content) {
    const wrap = h('div', { part: 'content', lang, class: state }, content, state === 'ready' ? null : h('slot'));
    this.shadowRoot.replaceChildren(wrap);
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

function problems(lang, err) {
  const L = labels(lang);
  const list = err.problems.length ? err.problems : [err];
  const rest = list.length - MAX_PROBLEMS;
  return h('div', { part: 'error', role: 'alert' },
    h('p', { class: 'error-title' }, ui(L, 'error')),
    h('ul', { part: 'problems' },
      list.slice(0, MAX_PROBLEMS).map((p) =>
        h('li', null, p.path ? [h('code', { part: 'problem-path' }, p.path), ': '] : null, p.message, ' ', h('small', { part: 'problem-code' }, `(${p.code})`))),
      rest > 0 ? h('li', null, ui(L, 'more', rest)) : null));
}
