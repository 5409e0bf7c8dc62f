// <cogov-calendar>: council sessions as a month grid (WAI-ARIA grid, roving tabindex) or an agenda
// list, a body filter, a detail panel with .ics and Google Calendar links, #session=<id> deep links.
import { CogovElement, badge, intAttr } from '../lib/element.js';
import { now, today as kstToday, kstNow } from '../lib/clock.js';
import { fill, h, join, link, safeUrl } from '../lib/dom.js';
import { date, dayLong, labels, monthName, ui, weekday, word, extend } from '../lib/i18n.js';
import { sessionKind, status, tense } from '../lib/vocab.js';

// Labels only the calendar uses (merged into the shared sets).
extend(
  {
    ui: {
      prev: '이전 달', next: '다음 달', today: '오늘', grid: '달력', list: '목록', body: '기구', all: '전체',
      ics: '캘린더 내려받기 (.ics)', add: '캘린더에 추가 (.ics)', google: 'Google 캘린더', close: '닫기',
      upcoming: '다음 회의', when: '일시', place: '장소', number: '회차', agenda: '안건', documents: '자료',
      online: '온라인', none: '이 달에는 회의가 없습니다', after: '이후 회의', noneNext: '예정된 회의가 없습니다',
      truncated: '회의가 너무 많아 일부만 표시합니다', horizon: '2200년 이후의 회의는 표시하지 않습니다', sessions: '{}의 회의', moreS: '+{}건',
      subscribe: '구독', subAll: '전체 일정', subBody: '{} 일정', webcal: '캘린더 앱에서 구독', subGoogle: 'Google 캘린더에서 구독',
      subUrl: '구독 주소', subSeries: '이 회의 일정 구독', subHelp: '구독한 캘린더는 일정이 바뀌거나 취소되면 스스로 갱신됩니다.',
      badBase: 'ics-base 속성 {}은(는) http(s) 주소가 아니어서 구독 링크를 만들 수 없습니다',
      holidays: '공휴일', holOutside: '공휴일은 1990–2050년만 표시합니다',
    },
    status: { ...status.ko, ...tense.ko }, // the vocabularies' labels: the core's table (src/feed/kinds.rs)
    skind: sessionKind.ko,
  },
  {
    ui: {
      prev: 'Previous month', next: 'Next month', today: 'Today', grid: 'Month', list: 'List', body: 'Body', all: 'All',
      ics: 'Download calendar (.ics)', add: 'Add to calendar (.ics)', google: 'Google Calendar', close: 'Close',
      upcoming: 'Next session', when: 'When', place: 'Place', number: 'Session', agenda: 'Agenda', documents: 'Documents',
      online: 'Online', none: 'No sessions this month', after: 'Later sessions', noneNext: 'No sessions ahead',
      truncated: 'Too many sessions: only some are shown', horizon: 'Sessions after 2200 are not shown', sessions: 'Sessions on {}', moreS: '+{} more',
      subscribe: 'Subscribe', subAll: 'All sessions', subBody: 'Sessions of {}', webcal: 'Subscribe in a calendar app', subGoogle: 'Subscribe in Google Calendar',
      subUrl: 'Subscription address', subSeries: 'Subscribe to this series', subHelp: 'A subscribed calendar updates itself when sessions move or are cancelled.',
      badBase: 'the ics-base attribute {} is not an http(s) URL: no subscription links',
      holidays: 'Public holidays', holOutside: 'Public holidays are shown for 1990–2050 only',
    },
    status: { ...status.en, ...tense.en },
    skind: sessionKind.en,
  },
);

/** Below this container width (px) the list replaces the grid. */
const NARROW = 560;
/** Sessions shown in a grid cell before "+N more". */
const CHIPS = 3;
const HASH = '#session=';
const DAY = 864e5;

const iso = (t) => new Date(t).toISOString().slice(0, 10);
const ms = (d) => Date.parse(d + 'T00:00:00Z');
const addDays = (d, n) => iso(ms(d) + n * DAY);
const addMonths = (ym, n) => iso(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7) - 1 + n, 1)).slice(0, 7);
const dow = (d) => new Date(ms(d)).getUTCDay();
const time = (s) => (s && s.length > 10 ? s.slice(11, 16) : '');
const argError = (path, message) => ({ code: 'arg.date', path, message, problems: [{ code: 'arg.date', path, message }] });

export class CogovCalendar extends CogovElement {
  static sheets = ['controls', 'calendar'];

  static get observedAttributes() {
    return [...super.observedAttributes, 'body', 'month', 'view', 'today', 'history', 'first-day', 'hour12', 'ics-base'];
  }

  #feed; #lang; #L; #body; #month; #today; #now;
  #first = 0; // first-day: the weekday the grid's weeks start on (0 = Sunday)
  #h12 = false; // hour12: 12-hour times (오후 2:00 / 2:00 pm)
  #byDay = new Map(); // YYYY-MM-DD -> sessions starting that day
  #hol = new Map(); // YYYY-MM-DD -> names of that day's public holidays
  #open = null; // {id} or {day}: what the detail panel shows
  #focusDay; #refocus; #back; #hash = true; #narrow; #ro; #panel; #grid; #nextId;
  #onHash = () => this.#hist && (this.#hash = true) && this.update(); // a deep link to follow at the next render

  /** `history="hash"`: deep links `#session=<id>` are read and written; else (`none`, the default) the URL is left alone. */
  get #hist() {
    return this.getAttribute('history') === 'hash';
  }

  /** A visitor's change of `name` (month, view, body): sets the attribute and fires `cogov-change`. */
  #set(name, value) {
    if (this.getAttribute(name) === value) return;
    if (value == null) this.removeAttribute(name);
    else this.setAttribute(name, value);
    this.emit('change', { name, value });
  }

  connectedCallback() {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
    this.#ro ||= new ResizeObserver(([e]) => {
      const n = e.contentRect.width > 0 && e.contentRect.width < NARROW;
      if (n !== this.#narrow) (this.#narrow = n), this.update();
    });
    this.#ro.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
    this.#ro.disconnect();
  }

  render(feed, lang) {
    const L = (this.#L = labels(lang)), today = (this.#today = this.getAttribute('today') || kstToday());
    if (!/^\d{4}-\d\d-\d\d$/.test(today)) throw argError('today', `${today} is not a date (YYYY-MM-DD)`);
    // the Korean wall clock, YYYY-MM-DDTHH:MM (a pinned `today` is its midnight): what is past
    this.#now = this.getAttribute('today') ? today + 'T00:00' : kstNow();
    let month = this.getAttribute('month') || today.slice(0, 7);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw argError('month', `${month} is not a month (YYYY-MM)`);
    const body = (this.#body = this.getAttribute('body') || null);
    // Korean wall calendars and US ones start on Sunday; times are 24-hour in both (as Korean
    // official notices write them, and as the en-GB dates read)
    this.#first = intAttr(this, 'first-day', 0, 6, 0, lang);
    this.#h12 = this.hasAttribute('hour12') && this.getAttribute('hour12') !== 'false';
    this.#feed = feed;
    this.#lang = lang;
    // first: a pinned `today` that is no calendar date is the error it names (arg.date at `today`)
    const next = feed.nextSession(this.#now, body, lang);
    this.#nextId = next?.id;
    this.#narrow ??= ((w) => w > 0 && w < NARROW)(this.getBoundingClientRect().width);
    const a = this.shadowRoot.activeElement;
    // what had focus, found again in the new DOM: a control (data-k), a day cell, or a session button
    this.#refocus = a?.dataset.k || (a?.dataset.day && 'day') || (a?.id === 'detail-name' && 'detail') ||
      (a?.dataset.id && { id: a.dataset.id, inPanel: !!a.closest('.detail') });

    if (this.#hash && this.#hist) {
      this.#hash = false;
      const id = location.hash.startsWith(HASH) && decode(location.hash.slice(HASH.length));
      const s = id && feed.session(id, lang, this.#now);
      if (s && (!body || s.body === body)) {
        this.#open = { id: s.id };
        this.#focusDay = s.start.slice(0, 10);
        if (month !== s.start.slice(0, 7)) this.setAttribute('month', (month = s.start.slice(0, 7)));
      }
    }
    this.#month = month;
    const first = month + '-01', last = addDays(addMonths(month, 1) + '-01', -1);
    if (this.#focusDay?.slice(0, 7) !== month) this.#focusDay = today.slice(0, 7) === month ? today : first;

    const list = this.#narrow || this.getAttribute('view') === 'list';
    const from = list ? first : addDays(first, -this.#wd(first));
    const to = list ? last : addDays(last, 6 - this.#wd(last));
    // the grid's first and last weeks may reach into 1899 or 2201: the core cuts the window to its years
    const { sessions, truncated, horizon } = feed.sessions(from, to, body, lang, this.#now);
    this.#byDay.clear();
    for (const s of sessions) {
      const d = s.start.slice(0, 10);
      this.#byDay.get(d)?.push(s) || this.#byDay.set(d, [s]);
    }
    const hol = feed.holidays(from, to, lang);
    this.#hol.clear();
    for (const x of hol.holidays) this.#hol.get(x.date)?.push(x.name) || this.#hol.set(x.date, [x.name]);

    const btn = (k, label, attrs, text = label) => h('button', { type: 'button', 'data-k': k, 'aria-label': text === label ? null : label, ...attrs }, text);
    const go = (m) => () => this.#set('month', m);
    const view = (v) => () => this.#set('view', v);
    const bodies = feed.calendarBodies(lang);
    this.#panel = h('section', { part: 'detail', class: 'detail', 'aria-labelledby': 'detail-name', hidden: true });
    return h('div', { class: `cal${this.#narrow ? ' narrow' : ''}`, onkeydown: (e) => e.key === 'Escape' && this.#open && this.#close() },
      h('div', { class: 'toolbar', part: 'toolbar' },
        h('div', { class: 'nav' },
          btn('prev', ui(L, 'prev'), { onclick: go(addMonths(month, -1)) }, '‹'),
          this.hd(0, { id: 'month', part: 'month', 'aria-live': 'polite' }, monthName(lang, month)),
          btn('next', ui(L, 'next'), { onclick: go(addMonths(month, 1)) }, '›'),
          btn('today', ui(L, 'today'), { onclick: go(today.slice(0, 7)) })),
        this.#narrow ? null : h('div', { class: 'views', role: 'group' },
          btn('grid', ui(L, 'grid'), { 'aria-pressed': String(!list), onclick: view('month') }),
          btn('list', ui(L, 'list'), { 'aria-pressed': String(list), onclick: view('list') })),
        h('label', { class: 'filter' }, ui(L, 'body'), ' ',
          h('select', { part: 'filter', 'data-k': 'body', onchange: (e) => this.#set('body', e.target.value || null) },
            h('option', { value: '' }, ui(L, 'all')),
            bodies.map((b) => h('option', { value: b.id, selected: b.id === body }, b.name)))),
        btn('ics', ui(L, 'ics'), { part: 'download', onclick: () => this.#download(null) }),
        this.#subscribe(bodies)),
      h('p', { class: 'upcoming', part: 'upcoming' }, ui(L, 'upcoming'), ': ',
        next ? [h('button', { type: 'button', class: 'link', 'data-id': next.id, 'data-k': 'upnext', onclick: (e) => this.#choose(next.id, e.target) }, next.heading),
          ' · ', dayLong(lang, next.start), time(next.start) && ` ${this.#time(next.start)}`, next.illustrative ? [' ', badge(L)] : null] : ui(L, 'noneNext')),
      truncated ? h('p', { class: 'note', role: 'status' }, ui(L, 'truncated')) : null,
      hol.outside ? h('p', { class: 'note' }, ui(L, 'holOutside')) : null,
      horizon ? h('p', { class: 'note', role: 'status' }, ui(L, 'horizon')) : null,
      list ? [this.#holidays(), this.#list(sessions, last)] : this.#gridOf(from, to),
      this.#panel);
  }

  rendered() {
    if (this.#open) this.#show(this.#open);
    const k = this.#refocus;
    if (k === 'day') this.#cell(this.#focusDay)?.focus();
    else if (k === 'detail') this.#panel.querySelector('.hd0')?.focus();
    else if (k?.id) this.#session(k.id, k.inPanel)?.focus();
    else if (k) this.shadowRoot.querySelector(`[data-k="${k}"]`)?.focus();
  }

  /** The button of session `id` in the list or grid (or in the detail panel's day list). */
  #session(id, inPanel = false) {
    return [...this.shadowRoot.querySelectorAll('[data-id]')].find((b) => b.dataset.id === id && !!b.closest('.detail') === inPanel);
  }

  /** A day's place in the grid's week (0 = the first-day column). */
  #wd(d) {
    return (dow(d) - this.#first + 7) % 7;
  }

  /** The time of a date-time, 24-hour ("14:00") or with hour12 "오후 2:00" / "2:00 pm"; '' for a date. */
  #time(s) {
    const t = time(s);
    if (!t || !this.#h12) return t;
    const hr = +t.slice(0, 2), hm = `${hr % 12 || 12}${t.slice(2)}`;
    return this.#lang === 'ko' ? `${hr < 12 ? '오전' : '오후'} ${hm}` : `${hm} ${hr < 12 ? 'am' : 'pm'}`;
  }

  /** The status shown: `past` (the core's, as of `#now`) for a scheduled session that ended with no recorded result. */
  #st(s) {
    return s.past ? 'past' : s.status;
  }

  #status(s, all, chip) {
    const st = this.#st(s);
    return all || st === 'cancelled' || st === 'postponed' || st === 'moved' || (st === 'past' && !chip)
      ? h('span', { class: 'status tag', part: 'status', 'data-status': st }, word(this.#L, 'status', st)) : null;
  }

  #when(s) {
    const lang = this.#lang, d0 = s.start.slice(0, 10), d1 = s.end?.slice(0, 10);
    const t0 = this.#time(s.start), t1 = this.#time(s.end);
    return join([dayLong(lang, d0), t0 && (t1 && d1 === d0 ? `${t0}–${t1}` : t0), d1 && d1 !== d0 ? `– ${dayLong(lang, d1)}${t1 ? ` ${t1}` : ''}` : null], ' ');
  }

  #gridOf(from, to) {
    const lang = this.#lang, rows = [];
    for (let d = from; d <= to; d = addDays(d, 7)) {
      const week = [];
      for (let i = 0; i < 7; i++) week.push(this.#day(addDays(d, i)));
      rows.push(h('tr', { role: 'row' }, week));
    }
    const heads = [];
    for (let i = 0; i < 7; i++) {
      const [s, l] = weekday(lang, addDays(from, i));
      heads.push(h('th', { role: 'columnheader', scope: 'col', abbr: l }, h('span', { 'aria-hidden': 'true' }, s), h('span', { class: 'sr' }, l)));
    }
    this.#grid = h('table', { role: 'grid', part: 'grid', class: 'grid', 'aria-labelledby': 'month', onkeydown: (e) => this.#key(e), onclick: (e) => this.#click(e) },
      h('thead', null, h('tr', { role: 'row' }, heads)), h('tbody', null, rows));
    return this.#grid;
  }

  #day(d) {
    const list = this.#byDay.get(d) || [], out = d.slice(0, 7) !== this.#month, hol = this.#hol.get(d)?.join(', ');
    return h('td', {
      role: 'gridcell', 'data-day': d, tabindex: d === this.#focusDay ? '0' : '-1', class: [out && 'out', hol && 'holiday'].filter(Boolean).join(' ') || null,
      'aria-current': d === this.#today ? 'date' : null, part: d === this.#today ? 'day today' : 'day',
    },
    h('span', { class: 'dnum', 'aria-hidden': 'true' }, String(+d.slice(8))), h('span', { class: 'sr' }, dayLong(this.#lang, d)),
    // the holiday's name, written out (a screen reader reads it after the date)
    hol ? h('span', { class: 'hol', part: 'holiday', title: hol }, hol) : null,
    list.slice(0, CHIPS).map((s) => h('div', { class: `chip${s.id === this.#nextId ? ' next' : ''}`, part: s.id === this.#nextId ? 'session next' : 'session', 'data-id': s.id, 'data-status': this.#st(s), title: s.heading },
      // the badge before the title, which the cell's width cuts with an ellipsis
      this.#status(s, false, true), s.illustrative ? [' ', badge(this.#L)] : null, ' ', time(s.start) ? h('span', { class: 'time' }, this.#time(s.start)) : null, ' ', h('span', { class: 'title' }, s.heading))),
    list.length > CHIPS ? h('div', { class: 'more' }, ui(this.#L, 'moreS', list.length - CHIPS)) : null);
  }

  /** The list view's line naming the month's public holidays. */
  #holidays() {
    const days = [...this.#hol].filter(([d]) => d.slice(0, 7) === this.#month);
    return days.length ? h('p', { class: 'hols', part: 'holidays' }, h('span', { class: 'tag' }, ui(this.#L, 'holidays')), ' ',
      join(days.map(([d, names]) => h('span', { class: 'hol-item' }, h('time', { datetime: d }, date(this.#lang, d)), ' ', names.join(', '))), ' · ')) : null;
  }

  #list(sessions, last) {
    if (sessions.length) return h('ol', { part: 'list', class: 'list' }, sessions.map((s) => this.#item(s)));
    // An empty month still shows what comes after it.
    const after = this.#feed.nextSessions(addDays(last, 1), 3, this.#body, this.#lang, this.#now).sessions;
    return [h('p', { part: 'empty', class: 'empty' }, ui(this.#L, 'none')),
      after.length ? [this.hd(1, { class: 'after' }, ui(this.#L, 'after')), h('ol', { part: 'list', class: 'list' }, after.map((s) => this.#item(s)))] : null];
  }

  #item(s) {
    const next = s.id === this.#nextId;
    return h('li', { class: `item${next ? ' next' : ''}`, part: next ? 'item next' : 'item', 'data-status': this.#st(s), 'aria-current': s.start.startsWith(this.#today) ? 'date' : null },
      h('p', { class: 'when' }, h('time', { datetime: s.start }, this.#when(s)),
        this.#hol.has(s.start.slice(0, 10)) ? [' ', h('span', { class: 'hol', part: 'holiday' }, this.#hol.get(s.start.slice(0, 10)).join(', '))] : null),
      h('p', null, h('button', { type: 'button', class: 'link title', 'data-id': s.id, onclick: (e) => this.#choose(s.id, e.target) }, s.heading), ' ', this.#status(s),
        s.illustrative ? [' ', badge(this.#L)] : null),
      h('p', { class: 'meta' }, s.body_name));
  }

  #cell(d) {
    return this.#grid?.isConnected ? this.#grid.querySelector(`[data-day="${d}"]`) : null;
  }

  #key(e) {
    const td = e.target.closest('[role=gridcell]');
    if (!td || e.altKey || e.ctrlKey || e.metaKey) return;
    const d = td.dataset.day;
    let to;
    switch (e.key) {
      case 'ArrowRight': to = addDays(d, 1); break;
      case 'ArrowLeft': to = addDays(d, -1); break;
      case 'ArrowDown': to = addDays(d, 7); break;
      case 'ArrowUp': to = addDays(d, -7); break;
      case 'Home': to = addDays(d, -this.#wd(d)); break;
      case 'End': to = addDays(d, 6 - this.#wd(d)); break;
      case 'PageUp': case 'PageDown': {
        const m = addMonths(d.slice(0, 7), e.key === 'PageUp' ? -1 : 1);
        to = `${m}-${String(Math.min(+d.slice(8), +addDays(addMonths(m, 1) + '-01', -1).slice(8))).padStart(2, '0')}`;
        break;
      }
      case 'Enter': case ' ': this.#openDay(d, td); break;
      default: return;
    }
    e.preventDefault();
    if (to) this.#move(to);
  }

  #move(d) {
    this.#focusDay = d;
    if (d.slice(0, 7) !== this.#month) {
      this.#refocus = 'day';
      this.#set('month', d.slice(0, 7));
      return;
    }
    for (const x of this.#grid.querySelectorAll('[tabindex="0"]')) x.tabIndex = -1;
    const td = this.#cell(d);
    td.tabIndex = 0;
    td.focus();
  }

  #click(e) {
    const td = e.target.closest('[role=gridcell]');
    if (!td) return;
    const chip = e.target.closest('[data-id]');
    if (td.dataset.day.slice(0, 7) === this.#month) this.#move(td.dataset.day);
    if (chip) this.#choose(chip.dataset.id, td);
    else this.#openDay(td.dataset.day, td);
  }

  #openDay(d, from) {
    const list = this.#byDay.get(d) || [];
    if (list.length === 1) this.#choose(list[0].id, from);
    else if (list.length) (this.#back = from), this.#show({ day: d }, true);
  }

  /** A visitor chose a session: tell the page; unless it called preventDefault(), show it (and with history="hash" put it in the URL). */
  #choose(id, from) {
    const s = this.#feed.session(id, this.#lang, this.#now);
    if (!s || !this.emit('select', { kind: 'session', id, name: s.heading, start: s.start }, true)) return;
    if (!this.#open?.day) this.#back = from;
    this.#show({ id }, true);
    if (this.#hist) history.replaceState(history.state, '', HASH + encodeURIComponent(id).replace(/%40/g, '@'));
  }

  #close() {
    this.#open = null;
    this.#panel.hidden = true;
    if (this.#hist && location.hash.startsWith(HASH)) history.replaceState(history.state, '', location.pathname + location.search);
    // back to what opened the panel; after a re-render, to its counterpart in the new DOM
    const back = this.#back?.isConnected ? this.#back : this.#back?.dataset.id ? this.#session(this.#back.dataset.id) : null;
    (back || this.#cell(this.#focusDay))?.focus();
  }

  #show(open, focus) {
    this.#open = open;
    const L = this.#L, p = this.#panel;
    const close = h('button', { type: 'button', class: 'close', 'data-k': 'close', 'aria-label': ui(L, 'close'), onclick: () => this.#close() }, '×');
    if (open.day) {
      fill(p, close, this.hd(0, { id: 'detail-name', part: 'detail-name', tabindex: '-1' }, ui(L, 'sessions', dayLong(this.#lang, open.day))),
        h('ol', { class: 'list' }, (this.#byDay.get(open.day) || []).map((s) => this.#item(s))));
    } else {
      const s = this.#feed.session(open.id, this.#lang, this.#now);
      if (!s) return (this.#open = null);
      fill(p, close, this.#detail(s));
    }
    p.hidden = false;
    p.classList.toggle('next', open.id === this.#nextId);
    if (focus) p.querySelector('.hd0').focus();
  }

  #detail(s) {
    const L = this.#L, lang = this.#lang, loc = s.location;
    const sec = (key, items, f) => items.length ? h('section', { class: 'sec' }, this.hd(1, null, ui(L, key)), h('ul', null, items.map((x) => h('li', null, f(x))))) : null;
    const facts = [
      ['body', s.body_name],
      ['number', s.ordinal],
      ['when', h('time', { datetime: s.start }, this.#when(s))],
      ['place', loc && join([loc.name, loc.address, loc.url && link(loc.url, ui(L, 'online'))])],
    ].filter(([, v]) => v);
    const google = safeUrl(this.#feed.googleLink(s.id, lang, this.#base()));
    // a session of a series: its own subscription, the file `cogov publish` writes for it
    const sub = s.series && this.hasAttribute('ics-base') && icsBase(this.getAttribute('ics-base'));
    return [
      this.hd(0, { id: 'detail-name', part: 'detail-name', tabindex: '-1', 'data-status': this.#st(s) }, s.heading),
      h('p', { class: 'tags' }, h('span', { class: 'tag', part: 'kind' }, word(L, 'skind', s.kind)), ' ', this.#status(s, true),
        s.illustrative ? [' ', badge(L)] : null),
      h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', null, ui(L, k)), h('dd', null, v)])),
      s.note ? h('p', { class: 'desc' }, s.note) : null,
      sec('agenda', s.agenda, (a) => a.title),
      sec('documents', s.documents, (d) => link(d.url, d.title)),
      sec('sources', s.sources, (x) => join([link(x.url, x.title), x.publisher, x.date && date(lang, x.date)])),
      h('p', { class: 'actions' },
        h('button', { type: 'button', part: 'add', 'data-k': 'add', onclick: () => this.#download(s.id) }, ui(L, 'add')),
        google ? h('a', { href: google, part: 'google', target: '_blank', rel: 'noopener noreferrer' }, ui(L, 'google')) : null,
        sub ? h('a', { href: new URL(`series/${bodyFile(s.series)}`, sub).href.replace(/^https?:/, 'webcal:'), part: 'subscribe-series' }, ui(L, 'subSeries')) : null),
    ];
  }

  /** The page URL events link back to (`page#session=` + id), with history="hash" only: elsewhere the hash is the host's. */
  #base() {
    return this.#hist ? base() : undefined;
  }

  /**
   * The "subscribe" menu when the element has `ics-base` (where `cogov publish` output is served):
   * webcal://, https:// and Google Calendar links to `calendar.ics`, and to `bodies/<id>.ics`
   * for the filtered body. A base that is not http(s) is said in a note instead.
   */
  #subscribe(bodies) {
    const raw = this.getAttribute('ics-base');
    if (raw == null) return null;
    const L = this.#L, base = icsBase(raw);
    // the value quoted, at most 200 characters of it
    if (!base) return h('p', { class: 'note', part: 'subscribe-error', role: 'status' }, ui(L, 'badBase', JSON.stringify(raw.length > 200 ? raw.slice(0, 200) + '…' : raw)));
    const group = (title, path) => {
      const https = new URL(path, base).href, webcal = https.replace(/^https?:/, 'webcal:');
      const google = 'https://calendar.google.com/calendar/render?cid=' + encodeURIComponent(webcal);
      return h('li', null, h('strong', null, title),
        h('ul', null,
          h('li', null, h('a', { href: webcal, part: 'subscribe-webcal' }, ui(L, 'webcal'))),
          h('li', null, h('a', { href: google, part: 'subscribe-google', target: '_blank', rel: 'noopener noreferrer' }, ui(L, 'subGoogle'))),
          h('li', null, ui(L, 'subUrl'), ': ', h('a', { href: https, part: 'subscribe-url', class: 'url' }, https))));
    };
    const body = this.#body && bodies.find((b) => b.id === this.#body);
    return h('details', { class: 'subscribe', part: 'subscribe' },
      h('summary', { 'data-k': 'subscribe' }, ui(L, 'subscribe')),
      h('div', { class: 'menu' },
        h('ul', null, body ? group(ui(L, 'subBody', body.name), `bodies/${bodyFile(body.id)}`) : null, group(ui(L, 'subAll'), 'calendar.ics')),
        h('p', { class: 'note' }, ui(L, 'subHelp'))));
  }

  /** Saves an .ics of one session, or of the filtered calendar, made on click (a Blob URL). */
  #download(id) {
    const text = this.#feed.ics(this.#body, id, now().toISOString().slice(0, 19) + 'Z', this.#base(), this.#lang);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
    const name = `${(id || this.#body || 'cogov').replace(/[^\w.-]+/g, '_')}.ics`;
    const a = h('a', { href: url, download: name, hidden: true });
    this.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1e4);
  }
}

/** `ics-base` resolved against the page, as an http(s) URL ending in `/`, or null. */
function icsBase(raw) {
  try {
    const u = new URL(raw, document.baseURI);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    u.search = u.hash = '';
    if (!u.pathname.endsWith('/')) u.pathname += '/';
    return u.href;
  } catch {
    return null;
  }
}

/** The file `cogov publish` writes for a body or a series (a leading `.` becomes `_`). */
const bodyFile = (id) => id.replace(/^\./, '_') + '.ics';

/** A hash value decoded, or '' for a malformed one (`%E0%A4%A`): such a link is ignored. */
function decode(v) {
  try {
    return decodeURIComponent(v);
  } catch {
    return '';
  }
}

/** The page URL that events link back to: `page#session=` + id. */
// the core accepts an http(s) base of at most 2,048 bytes (arg.url); other pages link nothing
const base = () => {
  const b = location.href.split('#')[0] + HASH;
  return /^https?:/i.test(b) && new TextEncoder().encode(b).length <= 2048 ? b : undefined;
};
