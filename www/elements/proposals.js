// <cogov-proposals>: policy proposals as a filterable list, one proposal's timeline and answers,
// task management cards, answer statistics (SVG chart + the same numbers in a table) and what
// changed since a session. View, filters, search, page and selection live in location.hash.
import { CogovElement, badge } from '../lib/element.js';
import { today } from '../lib/clock.js';
import { fill, h, join, link } from '../lib/dom.js';
import { date, labels, num, extend } from '../lib/i18n.js';

// Labels only the proposals widget uses (merged into the shared sets).
extend(
  {
    prop: {
      views: '정책 제안', list: '목록', detail: '상세', cards: '과제 카드', stats: '통계', changed: '변경 사항',
      filters: '목록 필터', stage: '단계', answer: '회신', ministry: '부처', proposer: '제안 기관', year: '연도', session: '회의',
      q: '검색어', all: '전체', search: '검색', reset: '초기화', title: '제목', proposers: '제안', ministries: '부처',
      submitted: '제출일', count: '{}건', none: '조건에 맞는 제안이 없습니다', prev: '이전', next: '다음', pages: '쪽',
      back: '목록으로', theme: '주제', laws: '관련 법령', addressed: '소관 부처', updated: '최근 진행', timeline: '진행 경과',
      answers: '부처별 회신', revised: '회신 {}회', days: '다음 단계까지 {}일', dissent: '이견', merged: '병합', sources: '출처',
      reported: '보고 완료', overdue: '기한 경과', pending: '기한 전', responsible: '담당', plan: '추진 계획', milestones: '주요 일정',
      due: '결과 보고', dueRule: '다음 회의(일정에서 계산)', dueUnknown: '미정', reports: '보고된 결과', deliberated: '심의',
      done: '{} 완료', by: '기준', ministryBy: '부처별', proposerBy: '제안 기관별', yearBy: '연도별', sessionBy: '의결 회의별',
      chart: '{} 회신 현황 (막대그래프, 같은 수치는 아래 표 참고)', group: '구분', answered: '회신 계', rate: '수용률',
      strict: '완전 수용률', overall: '전체', funnel: '단계별 현황', reached: '도달', current: '현재', median: '머문 기간 중앙값(일)',
      since: '기준 회의', until: '비교 회의', before: '기준 회의 당시', after: '비교 회의 당시', noChanges: '바뀐 제안이 없습니다',
      changes: '{}건 변경', proposal: '관련 제안',
    },
    weight: (w) => `수용률 = (수용 + ${w} × 일부수용) ÷ 회신(수용·일부수용·불수용·중장기검토). 일부수용은 ${w}건으로 셉니다. 중장기검토는 회신으로 세되 수용으로 세지 않고, 회신 대기는 제외합니다. 완전 수용률 = 수용 ÷ 회신.`,
  },
  {
    prop: {
      views: 'Policy proposals', list: 'List', detail: 'Detail', cards: 'Task cards', stats: 'Statistics', changed: 'Changes',
      filters: 'Filter the list', stage: 'Stage', answer: 'Answer', ministry: 'Ministry', proposer: 'Proposer', year: 'Year',
      session: 'Session', q: 'Search', all: 'All', search: 'Search', reset: 'Reset', title: 'Title', proposers: 'Proposed by',
      ministries: 'Ministries', submitted: 'Submitted', count: '{} proposals', none: 'No proposal matches', prev: 'Previous',
      next: 'Next', pages: 'Pages', back: 'Back to the list', theme: 'Theme', laws: 'Related laws', addressed: 'Addressed to',
      updated: 'Last step', timeline: 'Timeline', answers: "Ministries' answers", revised: '{} answers', days: '{} days to the next step',
      dissent: 'Dissent', merged: 'Merged into', sources: 'Sources', reported: 'Reported', overdue: 'Overdue', pending: 'On time',
      responsible: 'Responsible', plan: 'Action plan', milestones: 'Milestones', due: 'Results due', dueRule: 'next session (from the calendar)',
      dueUnknown: 'not known', reports: 'Results reported', deliberated: 'Deliberated', done: 'done {}', by: 'Group by',
      ministryBy: 'by ministry', proposerBy: 'by proposer', yearBy: 'by year', sessionBy: 'by session of adoption',
      chart: 'Answers {} (bar chart; the table below gives the same numbers)', group: 'Group', answered: 'Answered', rate: 'Acceptance rate',
      strict: 'Strict rate', overall: 'All', funnel: 'Stages', reached: 'Reached', current: 'Now at', median: 'Median days in stage',
      since: 'Since session', until: 'Until session', before: 'Then', after: 'Now', noChanges: 'No proposal changed',
      changes: '{} changed', proposal: 'Proposal',
    },
    weight: (w) => `Acceptance rate = (accepted + ${w} × partly accepted) ÷ answered (accepted, partly accepted, not accepted, long-term review): a partial acceptance counts as ${w}. A long-term review counts as answered, not accepted; answers still awaited are left out. Strict rate = accepted ÷ answered.`,
  },
);

const VIEWS = ['list', 'detail', 'cards', 'stats', 'changed'];
const FILTERS = ['stage', 'answer', 'ministry', 'proposer', 'year', 'session'];
const CLASSES = ['accepted', 'partly_accepted', 'not_accepted', 'long_term', 'pending'];
/** Hatching of the chart's segments and legend swatches besides their colours (accepted is solid). */
const HATCH = { partly_accepted: 'M0 8L8 0', not_accepted: 'M0 0L8 8M0 8L8 0', long_term: 'M4 0V8', pending: 'M0 4H8' };
const PAGE = 10;
const SORTS = { title: 'title', stage: 'stage', submitted: 'date' };
const GROUPS = ['ministry', 'proposer', 'year', 'session'];

export class CogovProposals extends CogovElement {
  static sheets = ['proposals', 'controls'];

  static get observedAttributes() {
    return [...super.observedAttributes, 'view', 'today', 'hash-key', 'history'];
  }

  #s = null; // state: {view, stage, …, q, sort, desc, page, id, by, since, until}
  #viewAttr;
  #feed;
  #lang;
  #L;
  #c; // filter choices
  #form;
  #tabs;
  #panel;
  #onHash = () => this.#s && this.#hist && this.#fromHash() && this.#draw();

  /** `history="hash"`: the state is kept in `location.hash` under `hash-key`; else (`none`, the default) in the element only. */
  get #hist() {
    return this.getAttribute('history') === 'hash';
  }

  connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  get #key() {
    return this.getAttribute('hash-key') || 'proposals';
  }

  /** The day card states are computed for: the `today` attribute, else today in Korea. */
  get #today() {
    return this.getAttribute('today') || today();
  }

  render(feed, lang) {
    const L = (this.#L = labels(lang)), P = L.prop;
    this.#feed = feed;
    this.#lang = lang;
    const c = (this.#c = feed.proposalChoices(lang));
    const coll = new Intl.Collator(lang);
    for (const k of ['ministries', 'proposers']) c[k].sort((a, b) => coll.compare(a.name, b.name));
    c.years.sort((a, b) => b - a);
    c.sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date));
    const v = this.getAttribute('view');
    if (!this.#s) {
      this.#s = { view: v };
      this.#fromHash();
    } else if (v !== this.#viewAttr) this.#s.view = v;
    this.#viewAttr = v;
    const opts = (name, list) => h('label', null, P[name], ' ', h('select', { name, part: 'filter' },
      h('option', { value: '' }, P.all), list.map((x) => (typeof x === 'object' ? h('option', { value: x.id }, x.name) : h('option', null, x)))));
    this.#form = h('form', { part: 'filters', class: 'filters', role: 'search', 'aria-label': P.filters,
      onchange: (e) => e.target.name !== 'q' && this.#apply(),
      onsubmit: (e) => { e.preventDefault(); this.#apply(); },
      onreset: () => setTimeout(() => this.#apply()) },
    opts('stage', c.stages), opts('answer', c.answers), opts('ministry', c.ministries), opts('proposer', c.proposers),
    opts('year', c.years), opts('session', c.sessions),
    h('label', { class: 'q' }, P.q, ' ', h('input', { type: 'search', name: 'q', part: 'search' })),
    h('span', { class: 'buttons' }, h('button', { part: 'button' }, P.search), ' ', h('button', { type: 'reset', part: 'button' }, P.reset)));
    this.#tabs = h('div', { role: 'tablist', part: 'tabs', class: 'tabs', 'aria-label': P.views, onkeydown: (e) => this.#tabKey(e) },
      VIEWS.map((w) => h('button', { type: 'button', role: 'tab', id: 'tab-' + w, 'aria-controls': 'panel', part: 'tab', 'data-view': w,
        onclick: () => this.#go({ view: w }) }, P[w])));
    this.#panel = h('div', { role: 'tabpanel', id: 'panel', part: 'panel', class: 'panel' });
    this.#draw(false);
    return [this.#tabs, this.#form, this.#panel];
  }

  // ---- state and hash ----

  /** Reads the state from the hash; true when it changed. */
  #fromHash() {
    const part = this.#hist && location.hash.slice(1).split('&').find((p) => p.startsWith(this.#key + '='));
    const s = { view: this.#s.view };
    if (part) for (const kv of part.slice(this.#key.length + 1).split(',')) {
      const i = kv.indexOf(':');
      if (i > 0) try { s[kv.slice(0, i)] = decodeURIComponent(kv.slice(i + 1)); } catch {}
    }
    const same = JSON.stringify(s) === JSON.stringify(this.#s);
    this.#s = s;
    return !same;
  }

  #hash(s) {
    const mine = Object.entries(s).filter(([, v]) => v != null && v !== '').map(([k, v]) => `${k}:${encodeURIComponent(v)}`).join(',');
    const rest = location.hash.slice(1).split('&').filter((p) => p && !p.startsWith(this.#key + '='));
    return '#' + [...rest, mine && `${this.#key}=${mine}`].filter(Boolean).join('&');
  }

  /** A user's navigation: merge `patch` into the state, record it in the hash (history="hash"), redraw, tell the page. */
  #go(patch, focus) {
    const s = this.#s, name = Object.keys(patch).find((k) => String(patch[k] ?? '') !== String(s[k] ?? ''));
    Object.assign(s, patch);
    if (this.#hist) history.replaceState(history.state, '', this.#hash(s));
    this.#draw(focus);
    if (name) this.emit('change', { name: FILTERS.includes(name) || name === 'q' ? 'filter' : name, value: s[name] ?? null, state: this.#state() });
  }

  /** The state as the page sees it (`cogov-change`): the members set, as strings. */
  #state() {
    const out = {};
    for (const k in this.#s) if (this.#s[k] != null && this.#s[k] !== '') out[k] = String(this.#s[k]);
    return out;
  }

  #apply() {
    const f = this.#form.elements, patch = { page: null, q: f.q.value.trim() };
    for (const k of FILTERS) patch[k] = f[k].value;
    this.#go(patch, 'keep');
  }

  /** The core query of the current filters. */
  #query(extra) {
    const s = this.#s, q = { text: s.q || null, ...extra };
    for (const k of FILTERS) if (s[k]) q[k] = k === 'year' ? +s[k] : s[k];
    return q;
  }

  // ---- drawing ----

  #draw(focus) {
    const s = this.#s, f = this.#form.elements, c = this.#c;
    // drop values the feed does not offer (an old or edited hash) instead of failing on them
    const known = { stage: c.stages, answer: c.answers, ministry: c.ministries, proposer: c.proposers, session: c.sessions };
    for (const k in known) if (s[k] && !known[k].some((x) => x.id === s[k])) s[k] = null;
    if (s.year && !c.years.includes(+s.year)) s.year = null;
    if (s.sort && !Object.values(SORTS).includes(s.sort)) s.sort = null;
    if (s.page && !/^\d{1,6}$/.test(s.page)) s.page = null; // too far is the last page (_list)
    if (s.by && !GROUPS.includes(s.by)) s.by = null;
    if (s.view === 'detail' && s.id) {
      try {
        this.#feed.proposal(s.id, this.#lang, this.#today);
      } catch (e) {
        if (e.code === 'query.unknown_id') s.id = null;
      }
    }
    if (!VIEWS.includes(s.view) || (s.view === 'detail' && !s.id)) s.view = 'list';
    for (const k of FILTERS) f[k].value = s[k] || '';
    f.q.value = s.q || '';
    this.#form.hidden = s.view !== 'list' && s.view !== 'stats';
    for (const t of this.#tabs.children) {
      const on = t.dataset.view === s.view;
      t.setAttribute('aria-selected', on);
      t.tabIndex = on ? 0 : -1;
      t.hidden = t.dataset.view === 'detail' && !s.id;
    }
    this.#panel.setAttribute('aria-labelledby', 'tab-' + s.view);
    const root = this.shadowRoot, had = root.activeElement?.dataset?.k;
    try {
      fill(this.#panel, this[`_${s.view}`]());
    } catch (e) {
      fill(this.#panel, h('p', { part: 'error', role: 'alert' }, String(e.message || e)));
    }
    if (focus === 'keep' && had) this.#panel.querySelector(`[data-k="${CSS.escape(had)}"]`)?.focus();
    else if (focus === 'panel') this.#panel.querySelector('.hd0')?.focus();
  }

  #tabKey(e) {
    const tabs = [...this.#tabs.children].filter((t) => !t.hidden), i = tabs.indexOf(e.target);
    const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (to == null || i < 0) return;
    e.preventDefault();
    const t = tabs[(to + tabs.length) % tabs.length];
    this.#go({ view: t.dataset.view });
    t.focus();
  }

  /** A link to a proposal's detail (a real hash URL with history="hash"; a plain click stays in the widget). */
  #open(id, title) {
    // without history="hash" the page's hash is not the widget's: a link without href (role link, Enter opens it)
    const hist = this.#hist;
    return h('a', { href: hist ? this.#hash({ ...this.#s, view: 'detail', id }) : null, role: hist ? null : 'link', tabindex: hist ? null : '0',
      part: 'proposal-link', 'data-k': 'p:' + id,
      onkeydown: (e) => !hist && e.key === 'Enter' && this.#choose(id, title),
      onclick: (e) => {
        if (e.button || e.ctrlKey || e.metaKey || e.shiftKey) return;
        e.preventDefault();
        this.#choose(id, title);
      } }, title);
  }

  /** A visitor opened a proposal: tell the page; unless it called preventDefault(), show its detail. */
  #choose(id, name) {
    if (this.emit('select', { kind: 'proposal', id, name }, true)) this.#go({ view: 'detail', id }, 'panel');
  }

  #tag(cls, text, attrs) {
    return text ? h('span', { class: 'tag', ...attrs, 'data-answer': cls }, text) : null;
  }

  _list() {
    const s = this.#s, P = this.#L.prop, lang = this.#lang;
    const list = (page) => this.#feed.proposals(this.#query({ sort: s.sort || null, descending: s.desc === '1', offset: page * PAGE, limit: PAGE }), lang);
    let page = +s.page || 0, r = list(page);
    if (!r.total) return h('p', { part: 'empty', role: 'status' }, P.none);
    const pages = Math.ceil(r.total / PAGE);
    if (page >= pages) r = list((page = pages - 1)), (s.page = page || null); // a page past the end (an old link)
    const th = (col) => {
      const key = SORTS[col], on = key && (s.sort || 'date') === key;
      return h('th', { scope: 'col', 'aria-sort': on ? (s.desc === '1' ? 'descending' : 'ascending') : null },
        key ? h('button', { type: 'button', class: 'sort', 'data-k': 'sort:' + col,
          onclick: () => this.#go({ sort: key, desc: on && s.desc !== '1' ? '1' : null, page: null }, 'keep') }, P[col]) : P[col]);
    };
    const cols = ['title', 'proposers', 'ministries', 'stage', 'answer', 'submitted'];
    const td = (col, ...kids) => h('td', { 'data-label': P[col] }, ...kids);
    return [
      h('p', { part: 'caption', class: 'caption', role: 'status' }, P.count.replace('{}', num(lang, r.total)),
        pages > 1 ? ` · ${num(lang, r.offset + 1)}–${num(lang, r.offset + r.items.length)}` : null),
      h('table', { part: 'table', class: 'ptable' },
        h('thead', null, h('tr', null, cols.map(th))),
        h('tbody', null, r.items.map((p) => h('tr', { 'data-id': p.id,
          onclick: (e) => !e.target.closest('a') && this.#choose(p.id, p.title) },
        td('title', this.#open(p.id, p.title), p.illustrative ? [' ', badge(this.#L)] : null),
        td('proposers', join(p.proposers.map((x) => x.name))),
        td('ministries', join(p.ministries.map((m) => m.name))),
        td('stage', p.stage_label),
        td('answer', this.#tag(p.answer, p.answer_label), p.ministries.length > 1
          ? h('small', { class: 'per' }, join(p.ministries.map((m) => `${m.name} ${m.answer_label}`), '; ')) : null),
        td('submitted', p.submitted && h('time', { datetime: p.submitted }, date(lang, p.submitted))))))),
      pages > 1 ? h('nav', { part: 'pager', class: 'pager', 'aria-label': P.pages },
        h('button', { type: 'button', 'data-k': 'prev', disabled: page < 1, onclick: () => this.#go({ page: page - 1 || null }, 'keep') }, P.prev),
        h('span', null, `${num(lang, page + 1)} / ${num(lang, pages)}`),
        h('button', { type: 'button', 'data-k': 'next', disabled: page >= pages - 1, onclick: () => this.#go({ page: page + 1 }, 'keep') }, P.next)) : null,
    ];
  }

  _detail() {
    const L = this.#L, P = L.prop, lang = this.#lang, d = this.#feed.proposal(this.#s.id, lang, this.#today);
    const names = (v) => join(v.map((x) => x.name));
    const facts = [
      ['proposers', names(d.proposers)], ['addressed', names(d.addressed)], ['theme', d.theme],
      ['laws', join(d.laws)], ['submitted', date(lang, d.submitted)], ['updated', date(lang, d.updated)],
    ].filter(([, v]) => has(v));
    return [
      h('p', null, h('button', { type: 'button', class: 'back', part: 'button', onclick: () => this.#go({ view: 'list' }) }, '← ', P.back)),
      this.hd(0, { part: 'detail-name', tabindex: '-1' }, d.title),
      h('p', { class: 'tags' }, h('span', { class: 'tag', part: 'stage' }, d.stage_label), ' ', this.#tag(d.answer, d.answer_label),
        d.illustrative ? [' ', badge(L)] : null),
      d.summary && h('p', null, d.summary),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', null, P[k]), h('dd', null, v)])),
      d.ministries.length ? sec(this, P.answers, h('ul', { part: 'answers', class: 'answers' }, d.ministries.map((m) => h('li', null,
        h('strong', null, m.name), ' ', this.#tag(m.answer, m.answer_label),
        m.answered ? [' ', h('time', { datetime: m.answered }, date(lang, m.answered))] : null,
        m.answers_given > 1 ? ` (${P.revised.replace('{}', num(lang, m.answers_given))})` : null,
        m.text ? h('p', null, m.text) : null)))) : null,
      sec(this, P.timeline, h('ol', { part: 'timeline', class: 'timeline' }, d.timeline.map((t) => h('li', { 'data-stage': t.stage },
        h('time', { datetime: t.date }, date(lang, t.date)), ' ', h('strong', null, t.stage_label),
        t.answer_label ? [' ', this.#tag(t.answer, t.answer_label)] : null, t.illustrative ? [' ', badge(L)] : null,
        h('span', { class: 'meta' }, join([t.body?.name, t.session?.name, t.decision_label, t.ministry?.name, t.reflection_label,
          t.merged_into && `${P.merged}: ${t.merged_into.name}`, t.dissent.length ? `${P.dissent}: ${t.dissent.map((x) => x.name).join(', ')}` : null], ' · ')),
        t.note ? h('p', null, t.note) : null,
        t.sources.length ? h('p', { class: 'src' }, P.sources, ': ', sources(lang, t.sources)) : null,
        t.days != null ? h('small', { class: 'days' }, P.days.replace('{}', num(lang, t.days))) : null)))),
      d.cards.length ? sec(this, P.cards, h('ul', { class: 'cards' }, d.cards.map((k) => this.#card(k, false)))) : null,
      d.note ? h('p', { class: 'note' }, d.note) : null,
      d.sources.length ? sec(this, P.sources, h('p', null, sources(lang, d.sources))) : null,
    ];
  }

  _cards() {
    const P = this.#L.prop, lang = this.#lang, list = this.#feed.cards(this.#today, lang);
    const n = (st) => list.filter((k) => k.state === st).length;
    return [
      h('p', { part: 'caption', class: 'caption' }, join(['overdue', 'pending', 'reported'].map((st) => `${P[st]} ${num(lang, n(st))}`), ' · ')),
      h('ul', { class: 'cards' }, list.map((k) => this.#card(k, true))),
    ];
  }

  #card(k, withProposal) {
    const L = this.#L, P = L.prop, lang = this.#lang, day = (d) => d && h('time', { datetime: d }, date(lang, d));
    const due = k.due;
    const facts = [
      ['deliberated', k.session && [k.session.name, ' (', day(k.session.date), ')']],
      ['responsible', join(k.responsible.map((x) => x.name))],
      ['due', due ? [due.name || '', due.name ? ' (' : '', day(due.date), due.name ? ')' : '', due.explicit ? null : h('small', null, ` ${P.dueRule}`)] : P.dueUnknown],
      ['plan', k.plan],
      ['proposal', withProposal && k.proposal && this.#open(k.proposal.id, k.proposal.name)],
    ].filter(([, v]) => has(v));
    return h('li', { part: `card card-${k.state}`, class: 'card', 'data-state': k.state },
      // the cards view's top headings; under a proposal's title in its detail
      this.hd(withProposal ? 0 : 1, null, k.title),
      h('p', { class: 'tags' }, h('span', { class: 'state', part: 'card-state' }, k.state === 'overdue' ? '⚠ ' : k.state === 'reported' ? '✓ ' : '◷ ', P[k.state]),
        k.illustrative ? [' ', badge(L)] : null),
      h('dl', { class: 'facts' }, facts.map(([t, v]) => [h('dt', null, P[t]), h('dd', null, v)])),
      k.milestones.length ? [h('p', { class: 'sub' }, P.milestones), h('ul', { class: 'milestones' }, k.milestones.map((m) => h('li', null,
        m.title, m.due ? [' — ', day(m.due)] : null, m.done ? ` ✓ ${P.done.replace('{}', date(lang, m.done))}` : null,
        m.overdue ? [' ', h('strong', { class: 'late' }, `⚠ ${P.overdue}`)] : null)))] : null,
      k.reports.length ? [h('p', { class: 'sub' }, P.reports), h('ul', null, k.reports.map((r) => h('li', null,
        day(r.date), r.session ? ` (${r.session.name})` : null, ': ', r.text)))] : null);
  }

  _stats() {
    const L = this.#L, P = L.prop, lang = this.#lang, by = this.#s.by || 'ministry';
    const st = this.#feed.proposalStats(by, lang, null, this.#query());
    const label = Object.fromEntries(this.#c.answers.map((a) => [a.id, a.name]));
    const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
    const rate = (r) => (r == null ? '–' : pct.format(r));
    const title = P.chart.replace('{}', P[by + 'By']);
    const max = Math.max(1, ...st.groups.map((g) => g.total)), ROW = 40;
    const svg = (tag, attrs, ...kids) => {
      const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
      for (const k in attrs) el.setAttribute(k, attrs[k]);
      el.append(...kids);
      return el;
    };
    // a segment is its colour plus, but for accepted, a hatching on top (not colour alone)
    const hatch = (k, attrs) => HATCH[k] ? svg('rect', { ...attrs, class: 'hatch', fill: `url(#hatch-${k})` }) : '';
    const chart = svg('svg', { role: 'img', 'aria-label': title, part: 'chart', class: 'chart', width: '100%', height: st.groups.length * ROW + 4 },
      svg('title', {}, title),
      svg('defs', {}, ...Object.entries(HATCH).map(([k, d]) => svg('pattern', { id: 'hatch-' + k, width: 8, height: 8, patternUnits: 'userSpaceOnUse' }, svg('path', { d })))),
      ...st.groups.map((g, i) => {
        let x = 0;
        const y = i * ROW;
        return svg('g', {}, svg('text', { x: 0, y: y + 13, class: 'label' }, g.name),
          ...CLASSES.filter((k) => g[k]).map((k) => {
            const w = (g[k] / max) * 90;
            const at = { x: x + '%', y: y + 18, width: w + '%', height: 16 };
            x += w;
            return svg('g', {}, svg('rect', { ...at, 'data-answer': k }), hatch(k, at), svg('title', {}, `${g.name}: ${label[k]} ${g[k]}`));
          }),
          svg('text', { x: x + 1 + '%', y: y + 31, class: 'n' }, num(lang, g.total)));
      }));
    const cell = (v) => h('td', null, num(lang, v));
    const row = (g, th = 'th') => h('tr', null, h(th, { scope: 'row' }, g.name), CLASSES.map((k) => cell(g[k])), cell(g.answered),
      h('td', null, rate(g.rate)), h('td', null, rate(g.strict_rate)));
    const byForm = h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      h('label', null, P.by, ' ', h('select', { 'data-k': 'by', onchange: (e) => this.#go({ by: e.target.value }, 'keep') },
        GROUPS.map((k) => h('option', { value: k, selected: k === by }, P[k + 'By'])))));
    return [
      byForm,
      st.groups.length ? [chart, h('ul', { class: 'legend', part: 'legend', 'aria-hidden': 'true' },
        CLASSES.map((k) => h('li', null, svg('svg', { class: 'swatch', width: 12, height: 12 }, svg('rect', { width: 12, height: 12, 'data-answer': k }), hatch(k, { width: 12, height: 12 })), label[k])))] : h('p', { part: 'empty' }, P.none),
      scroll(title.replace(/ \(.*\)$/, ''), h('table', { part: 'stats-table', class: 'ptable stats' },
        h('caption', null, title.replace(/ \(.*\)$/, '')),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, P.group), CLASSES.map((k) => h('th', { scope: 'col' }, label[k])),
          h('th', { scope: 'col' }, P.answered), h('th', { scope: 'col' }, P.rate), h('th', { scope: 'col' }, P.strict))),
        h('tbody', null, st.groups.map((g) => row(g))),
        h('tfoot', null, row({ ...st.overall, name: P.overall })))),
      h('p', { part: 'note', class: 'note' }, L.weight(num(lang, st.weight))),
      scroll(P.funnel, h('table', { part: 'funnel', class: 'ptable stats' }, h('caption', null, P.funnel),
        h('thead', null, h('tr', null, [P.stage, P.reached, P.current, P.median].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, st.stages.map((x) => h('tr', null, h('th', { scope: 'row' }, x.label), cell(x.reached), cell(x.current),
          h('td', null, x.median_days == null ? '–' : num(lang, x.median_days))))))),
    ];
  }

  _changed() {
    const P = this.#L.prop, lang = this.#lang, s = this.#s, all = this.#c.sessions, today = this.#today;
    if (all.length < 2) return h('p', { part: 'empty' }, P.noChanges);
    const past = all.filter((x) => x.date <= today);
    const until = all.find((x) => x.id === s.until) || past[past.length - 1] || all[all.length - 1];
    // by default since the last session half a year or more before `until` (not the day before)
    const back = new Date(Date.parse(until.date) - 1552e7).toISOString().slice(0, 10);
    const since = all.find((x) => x.id === s.since) || all.filter((x) => x.date <= back).pop() || all[0];
    const pick = (name, cur) => h('label', null, P[name], ' ', h('select', { 'data-k': name, onchange: (e) => this.#go({ [name]: e.target.value }, 'keep') },
      all.map((x) => h('option', { value: x.id, selected: x === cur }, `${x.name} (${date(lang, x.date)})`))));
    const r = this.#feed.changedBetween(since.id, until.id, lang);
    const standing = (x) => (x.stage_label ? join([x.stage_label, x.answer_label], ' · ') : '–');
    return [
      h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() }, pick('since', since), pick('until', until)),
      r.changes.length ? [
        h('p', { part: 'caption', class: 'caption', role: 'status' }, P.changes.replace('{}', num(lang, r.changes.length))),
        h('table', { part: 'table', class: 'ptable' },
          h('thead', null, h('tr', null, [P.title, P.before, P.after].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', null, r.changes.map((c) => h('tr', null, h('td', { 'data-label': P.title }, this.#open(c.id, c.title)),
            h('td', { 'data-label': P.before }, standing(c.before)), h('td', { 'data-label': P.after }, standing(c.after))))))]
        : h('p', { part: 'empty', role: 'status' }, P.noChanges),
    ];
  }
}

/** A table in a box that scrolls sideways when narrow: a named region reachable by keyboard. */
const scroll = (name, table) => h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': name }, table);

const has = (v) => v && (!Array.isArray(v) || v.length > 0);

function sec(el, title, ...body) {
  return h('section', { class: 'sec' }, el.hd(1, null, title), ...body);
}

function sources(lang, list) {
  return join(list.map((s) => join([link(s.url, s.title), s.publisher, s.date && date(lang, s.date)])), '; ');
}
