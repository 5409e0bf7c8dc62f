// <cogov-structure>: the body graph of a feed as an accessible tree (WAI-ARIA tree view, roving
// tabindex) beside a detail panel for the selected body.
import { CogovElement, badge } from '../lib/element.js';
import { fill, h, join, link } from '../lib/dom.js';
import { date, extend, labels, num, ui, word } from '../lib/i18n.js';
import { bodyKind, role, side } from '../lib/vocab.js';

// The vocabularies the structure widget renders (labels from the core's table, src/feed/kinds.rs).
extend({ kind: bodyKind.ko, side: side.ko, role: role.ko }, { kind: bodyKind.en, side: side.en, role: role.en });

/** Bodies with more sub-bodies than this start collapsed. */
const OPEN_UP_TO = 5;
/**
 * Levels rendered at most. The core cuts every view to 32 levels (structure::MAX_DEPTH) and 1,000
 * bodies, so the recursive #item stays shallow; this guard only bounds a view made by hand.
 */
const MAX_LEVEL = 64;
/** Items shown per list of the detail panel (seats, holders, sources...); the rest are counted. */
const FEW = 30, HOLDERS = 3;
const ITEM = '[role=treeitem]';

export class CogovStructure extends CogovElement {
  static part = 'structure';

  static get observedAttributes() {
    return [...super.observedAttributes, 'body', 'as-of'];
  }

  #open = new Map(); // tree key ("/parent-id/id") -> expanded
  #selected = null; // tree key
  #nodes = new Map(); // tree key -> body node
  #tree;
  #panel;
  #L;
  #lang;
  #refocus;

  render(feed, lang) {
    const view = feed.structure(lang, this.getAttribute('body') || null, this.getAttribute('as-of') || null);
    const L = (this.#L = labels(lang));
    this.#lang = lang;
    this.#nodes.clear();
    this.#refocus = this.shadowRoot.activeElement?.dataset?.key;
    if (!view.roots.length) return h('p', { part: 'empty' }, ui(L, 'empty'));
    const roots = view.roots;
    this.#tree = h('ul', { role: 'tree', part: 'tree', 'aria-label': ui(L, 'tree'), onkeydown: (e) => this.#key(e), onclick: (e) => this.#click(e) },
      roots.map((n, i) => this.#item(n, '', 1, i, roots.length)));
    this.#panel = h('section', { part: 'detail', class: 'detail', 'aria-labelledby': 'detail-name' });
    if (!this.#nodes.has(this.#selected)) this.#selected = '/' + roots[0].id;
    const sel = this.#li(this.#selected);
    this.#select(sel);
    this.#roving(this.#li(this.#refocus) || visibleSelf(sel));
    return h('div', { class: 'layout' },
      h('p', { part: 'caption', class: 'caption' }, join([ui(L, 'publisher', view.publisher), view.as_of && ui(L, 'asOf', date(lang, view.as_of))], ' · ')),
      view.truncated ? h('p', { part: 'truncated', class: 'cut', role: 'note' }, L.cut(num(lang, view.shown), num(lang, view.shown + view.hidden))) : null,
      this.#tree, this.#panel);
  }

  rendered() {
    if (this.#refocus) this.#li(this.#refocus)?.focus();
  }

  #item(n, parent, level, pos, size) {
    const L = this.#L, key = `${parent}/${n.id}`, kids = level < MAX_LEVEL ? n.children : [], c = n.composition;
    const open = kids.length ? this.#open.get(key) ?? kids.length <= OPEN_UP_TO : null;
    this.#nodes.set(key, n);
    // named from its row: browsers leave a treeitem's own group out of its name (an aria-labelledby
    // would hide the visible text from the name: axe label-content-name-mismatch)
    return h('li', { role: 'treeitem', tabindex: '-1', 'data-key': key, 'aria-level': level, 'aria-posinset': pos + 1, 'aria-setsize': size, 'aria-expanded': open == null ? null : String(open) },
      h('div', { class: 'row', part: 'body' },
        h('span', { class: 'twisty', 'aria-hidden': 'true' }),
        h('span', { class: 'label' },
          h('span', { part: 'body-name', class: 'name' }, n.name), ' ',
          n.illustrative ? badge(L) : null,
          // one text node (not `join`'s several): a view has up to 1,000 rows
          h('span', { part: 'meta', class: 'meta' },
            [word(L, 'kind', n.kind), n.relation && word(L, 'relation', n.relation), c.total && L.seats(num(this.#lang, c.total)),
              n.hidden_children && L.cutKids(num(this.#lang, n.hidden_children))].filter(Boolean).join(' · ')))),
      kids.length ? h('ul', { role: 'group' }, kids.map((k, i) => this.#item(k, key, level + 1, i, kids.length))) : null);
  }

  #li(key) {
    return key ? this.#tree.querySelector(`[data-key="${CSS.escape(key)}"]`) : null;
  }

  #visible() {
    return [...this.#tree.querySelectorAll(ITEM)].filter((li) => !li.parentElement.closest('[aria-expanded=false]'));
  }

  #roving(li) {
    for (const x of this.#tree.querySelectorAll('[tabindex="0"]')) x.tabIndex = -1;
    li.tabIndex = 0;
  }

  #focus(li) {
    this.#roving(li);
    li.focus();
  }

  #toggle(li, open = li.getAttribute('aria-expanded') === 'false') {
    li.setAttribute('aria-expanded', open);
    this.#open.set(li.dataset.key, open);
    if (!open && li.querySelector('[tabindex="0"]')) this.#roving(li);
  }

  #key(e) {
    const li = e.target.closest(ITEM);
    if (!li || e.altKey || e.ctrlKey || e.metaKey) return;
    const vis = this.#visible(), i = vis.indexOf(li), exp = li.getAttribute('aria-expanded');
    let to;
    switch (e.key) {
      case 'ArrowDown': to = vis[i + 1]; break;
      case 'ArrowUp': to = vis[i - 1]; break;
      case 'Home': to = vis[0]; break;
      case 'End': to = vis[vis.length - 1]; break;
      case 'ArrowRight':
        if (exp === 'false') this.#toggle(li, true);
        else if (exp) to = li.querySelector(ITEM);
        break;
      case 'ArrowLeft':
        if (exp === 'true') this.#toggle(li, false);
        else to = li.parentElement.closest(ITEM);
        break;
      case 'Enter': case ' ': this.#choose(li); break;
      default: return;
    }
    e.preventDefault();
    if (to) this.#focus(to);
  }

  #click(e) {
    const li = e.target.closest(ITEM);
    if (!li) return;
    this.#focus(li);
    if (e.target.closest('.twisty') && li.hasAttribute('aria-expanded')) this.#toggle(li);
    else if (this.#choose(li) && e.detail) this.#reveal();
  }

  /** A user's choice: tell the page; unless it called preventDefault(), select (show the body's details). */
  #choose(li) {
    const n = this.#nodes.get(li.dataset.key);
    return this.emit('select', { kind: 'body', id: n.id, name: n.name }, true) ? this.#select(li) : null;
  }

  #select(li) {
    const key = li.dataset.key, n = this.#nodes.get(key);
    this.#tree.querySelector('[aria-selected]')?.removeAttribute('aria-selected');
    li.setAttribute('aria-selected', 'true');
    this.#selected = key;
    fill(this.#panel, this.#detail(n, this.#nodes.get(key.slice(0, key.lastIndexOf('/')))));
    return n;
  }

  /** On a narrow (stacked) layout, bring the detail panel into view after a click. */
  #reveal() {
    const p = this.#panel.getBoundingClientRect(), t = this.#tree.getBoundingClientRect();
    if (p.top >= t.bottom - 1 && (p.top > innerHeight || p.top < 0)) {
      this.#panel.scrollIntoView({ block: 'start', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    }
  }

  #detail(n, parent) {
    const L = this.#L, lang = this.#lang, c = n.composition;
    const sec = (title, ...body) => h('section', { class: 'sec' }, this.hd(1, null, title), ...body);
    const list = (items, f, attrs) => items.length ? h('ul', attrs, few(items).map((x) => h('li', null, f(x))), more(L, lang, items, 'li')) : null;
    const facts = [
      ['cadence', n.cadence],
      ['term', n.term_years && L.years(num(lang, n.term_years))],
      ['established', n.established && date(lang, n.established)],
      ['region', n.region],
      ['url', n.url && link(n.url)],
    ].filter(([, v]) => v);
    return [
      this.hd(0, { id: 'detail-name', part: 'detail-name' }, n.name, n.short_name && n.short_name !== n.name ? h('small', null, ` (${n.short_name})`) : null),
      h('p', { class: 'tags' }, h('span', { part: 'kind', class: 'tag' }, word(L, 'kind', n.kind)),
        n.illustrative ? [' ', badge(L), n.note ? ` ${n.note}` : null] : null),
      parent ? h('p', { class: 'rel' }, ui(L, n.relation, parent.name)) : null,
      n.also_under.length ? h('p', { class: 'rel' }, `${ui(L, 'also')}: `, names(L, lang, n.also_under)) : null,
      n.description ? h('p', { class: 'desc' }, n.description) : null,
      c.chairs.length ? sec(ui(L, 'chairs'), list(c.chairs, (s) => [h('strong', null, word(L, 'role', s.role)), ' ', s.label, this.#holders(s)], { part: 'chairs', class: 'chairs' })) : null,
      c.total ? this.#seats(c) : null,
      n.legal_basis.length ? sec(ui(L, 'legal'), list(n.legal_basis, (l) => [
        link(l.url, l.statute), l.article ? ` ${L.article(l.article)}` : null, l.effective ? ` (${L.effective(date(lang, l.effective))})` : null])) : null,
      n.functions.length ? sec(ui(L, 'functions'), list(n.functions, (f) => f)) : null,
      facts.length ? h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', null, ui(L, k)), h('dd', null, v)])) : null,
      n.members.length ? sec(ui(L, 'members'), h('p', null, names(L, lang, n.members))) : null,
      n.figures.length ? sec(ui(L, 'figures'), list(n.figures, (f) => [
        f.label, f.period ? ` (${f.period})` : null, ': ', h('data', { value: f.value }, num(lang, f.value))], { part: 'figures' })) : null,
      n.sources.length ? sec(ui(L, 'sources'), list(n.sources, (s) => join([link(s.url, s.title), s.publisher, s.date && date(lang, s.date)])
        , { part: 'sources', class: 'sources' })) : null,
    ];
  }

  #seats(c) {
    const L = this.#L, lang = this.#lang, count = (k) => h('data', { value: k }, L.seats(num(lang, k)));
    const bar = h('div', { class: 'bar', 'aria-hidden': 'true' }, c.sides.map((g) => {
      const s = h('span', { 'data-side': g.side });
      s.style.flexGrow = g.count; // CSSOM, not a style attribute: allowed under a strict CSP
      return s;
    }));
    return h('section', { class: 'sec', part: 'seats' },
      this.hd(1, null, ui(L, 'seats'), ' ', count(c.total)), bar,
      c.sides.map((g) => h('div', { class: 'side', 'data-side': g.side },
        h('p', { class: 'side-head' }, h('span', { class: 'swatch' }), word(L, 'side', g.side), ' ', count(g.count),
          g.roles.length > 1 || g.roles[0][0] !== 'member' ? ` (${g.roles.map(([r, k]) => `${word(L, 'role', r)} ${num(lang, k)}`).join(', ')})` : null),
        h('ul', { class: 'seat-list' }, few(g.seats).map((s) => h('li', null, s.label,
          s.count > 1 ? ` ×${num(lang, s.count)}` : null,
          s.role !== 'member' ? [' ', h('span', { class: 'tag' }, word(L, 'role', s.role))] : null,
          s.illustrative ? [' ', badge(L)] : null, this.#holders(s))), more(L, lang, g.seats, 'li')))));
  }

  #holders(s) {
    const lang = this.#lang;
    return s.holders.length ? h('span', { class: 'holders' }, ' — ', join(s.holders.slice(0, HOLDERS).map((p) => [p.name,
      p.from || p.to ? ` (${date(lang, p.from) || ''}–${date(lang, p.to) || ''})` : null,
      p.illustrative ? [' ', badge(this.#L)] : null])), more(this.#L, lang, s.holders, null, HOLDERS)) : null;
  }
}

/** The first items of a panel list. */
const few = (items) => items.slice(0, FEW);

/** "and N more" for the items past the first `shown`: an `<li>` when `tag`, else text. */
function more(L, lang, items, tag, shown = FEW) {
  const rest = items.length - shown;
  if (rest <= 0) return null;
  const t = ui(L, 'more', num(lang, rest));
  return tag ? h(tag, { class: 'more' }, t) : ` ${t}`;
}

/** The names of the first few of `items` (members, also under), and how many more. */
const names = (L, lang, items) => [join(few(items).map((x) => x.name)), more(L, lang, items)];

/** The item itself if visible, else its closest collapsed ancestor. */
function visibleSelf(li) {
  let v = li;
  for (let p = li.parentElement.closest(ITEM); p; p = p.parentElement.closest(ITEM)) if (p.getAttribute('aria-expanded') === 'false') v = p;
  return v;
}
