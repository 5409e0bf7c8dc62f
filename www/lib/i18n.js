// Korean and English labels for the UI and the feed's vocabularies; numbers and dates via Intl.

const KO = {
  kind: {
    cooperation_meeting: '협력회의', general_assembly: '총회', working_council: '실무협의회', support_group: '지원단',
    association: '협의체', association_council: '협의체 회의', citizen_council: '시민협의회', platform: '플랫폼',
    forum: '포럼', seminar: '세미나', committee: '위원회', other: '기타',
  },
  side: { central: '중앙', local: '지방', citizen: '시민', official: '공무원', expert: '전문가', association: '협의체', other: '기타' },
  role: {
    chair: '의장', co_chair: '공동의장', vice_chair: '부의장', representative: '대표', standing_director: '상임단장',
    co_director: '공동단장', member: '위원', secretary: '간사',
  },
  relation: { part_of: '소속', supports: '지원' },
  ui: {
    tree: '조직도', part_of: '{}의 소속 기구', supports: '{}을(를) 지원', also: '함께 속한 기구',
    seats: '구성', chairs: '대표', legal: '법적 근거', functions: '기능', cadence: '개최', term: '임기',
    established: '설립', region: '지역', members: '회원', figures: '통계', sources: '출처', url: '웹사이트',
    publisher: '발행 {}', illustrative: '예시', asOf: '{} 기준', error: '데이터를 표시할 수 없습니다',
    more: '외 {}건', loading: '불러오는 중…', empty: '표시할 기구가 없습니다',
    stale: '새 데이터를 불러오지 못해 마지막으로 불러온 데이터를 표시합니다',
  },
  // messages of lib/core.js's own errors, by code ({}: the HTTP status, the seconds, the internal
  // error's message); src/codes.rs (ELEMENT) lists them, tests/js/codes.mjs checks both
  err: {
    'fetch.failed': '피드를 가져오지 못했습니다 (네트워크 오류)', 'fetch.status': '서버가 {} 상태로 응답했습니다',
    'fetch.timeout': '{}초 안에 피드를 받지 못했습니다', 'wasm.trap': '엔진이 멈춰 다시 시작했습니다. 다시 시도해 주세요',
    'feed.missing': 'src 속성도 <script type="application/json"> 자식 요소도 없습니다',
    'wasm.fetch': '위젯 엔진(wasm)을 가져오지 못했습니다', internal: '위젯 내부 오류: {}',
  },
  seats: (n) => `${n}명`,
  years: (n) => `${n}년`,
  cut: (n, all) => `기구 ${all}개 중 ${n}개만 표시합니다. 조직도가 너무 커서 모두 보여 줄 수 없습니다`,
  cutKids: (n) => `하위 기구 ${n}개 생략`,
  article: (a) => (/^\d/.test(a) ? `제${a}조` : a),
  effective: (d) => `${d} 시행`,
};

const EN = {
  kind: {
    cooperation_meeting: 'Cooperation meeting', general_assembly: 'General assembly', working_council: 'Working-level council',
    support_group: 'Support group', association: 'Association', association_council: 'Council of associations',
    citizen_council: 'Citizen council', platform: 'Platform', forum: 'Forum', seminar: 'Seminar', committee: 'Committee', other: 'Other',
  },
  side: { central: 'Central government', local: 'Local government', citizen: 'Citizens', official: 'Officials', expert: 'Experts', association: 'Associations', other: 'Other' },
  role: {
    chair: 'Chair', co_chair: 'Co-chair', vice_chair: 'Vice-chair', representative: 'Representative',
    standing_director: 'Standing director', co_director: 'Co-director', member: 'Member', secretary: 'Secretary',
  },
  relation: { part_of: 'part of', supports: 'supports' },
  ui: {
    tree: 'Organization chart', part_of: 'Part of {}', supports: 'Supports {}', also: 'Also under',
    seats: 'Composition', chairs: 'Led by', legal: 'Legal basis', functions: 'Functions', cadence: 'Meets', term: 'Term',
    established: 'Established', region: 'Region', members: 'Members', figures: 'Figures', sources: 'Sources', url: 'Website',
    publisher: 'Published by {}', illustrative: 'Illustrative', asOf: 'as of {}', error: 'The data could not be shown',
    more: 'and {} more', loading: 'Loading…', empty: 'No bodies to show',
    stale: 'Could not refresh: showing the data loaded last',
  },
  err: {
    'fetch.failed': 'the feed could not be fetched (network error)', 'fetch.status': 'the server answered {}',
    'fetch.timeout': 'no feed within {} s', 'wasm.trap': 'The engine stopped and was restarted; please try again',
    'feed.missing': 'no src attribute and no <script type="application/json"> child',
    'wasm.fetch': "the widget's engine (wasm) could not be fetched", internal: 'internal error of the widget: {}',
  },
  seats: (n) => `${n} seat${n === '1' ? '' : 's'}`,
  years: (n) => `${n} year${n === '1' ? '' : 's'}`,
  cut: (n, all) => `Showing ${n} of ${all} bodies: the chart is too large to show in full`,
  cutKids: (n) => `${n} sub-bod${n === '1' ? 'y' : 'ies'} not shown`,
  article: (a) => (/^\d/.test(a) ? `Art. ${a}` : a),
  effective: (d) => `effective ${d}`,
};

/** The label set of a language ('ko' | 'en'). */
export const labels = (lang) => (lang === 'ko' ? KO : EN);

/**
 * Adds an element's own labels to both sets. Each element keeps the labels only it uses in its own
 * module, so a one-widget bundle carries none of the other widgets' strings.
 */
export function extend(ko, en) {
  for (const [L, add] of [[KO, ko], [EN, en]]) {
    for (const k in add) L[k] = typeof add[k] === 'object' && L[k] ? Object.assign(L[k], add[k]) : add[k];
  }
}

/** A vocabulary word's label, or the word itself when a newer feed uses a word we do not know. */
export const word = (L, group, w) => L[group][w] || w;

/** A UI string with `{}` filled. */
export const ui = (L, key, arg) => L.ui[key].replace('{}', arg);

const nf = {};
/** A number in the language's format (small integers, the same in both, skip Intl's start-up cost). */
export const num = (lang, n) =>
  Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : (nf[lang] ||= new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en')).format(n);

const MON = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
/**
 * An ISO date (YYYY-MM-DD) as Intl's `dateStyle: 'medium'` writes it ("2022. 1. 13." / "Jan 13,
 * 2022"), by hand: the first Intl.DateTimeFormat of a page costs about 20 ms of ICU start-up, and
 * the structure widget needs nothing else from it. Partial dates stay as written.
 */
export function date(lang, iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
  if (!m) return iso;
  const [y, mo, d] = [m[1], +m[2], +m[3]];
  return lang === 'ko' ? `${y}. ${mo}. ${d}.` : `${MON[mo - 1]} ${d}, ${y}`;
}

const lf = {};
const fmt = (key, lang, opts) => (lf[lang + key] ||= new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { ...opts, timeZone: 'UTC' }));
const utc = (iso) => new Date(iso.slice(0, 10) + 'T00:00:00Z');
/** A day with its weekday: "2026년 7월 14일 (화)" / "Tue, 14 Jul 2026". */
export function dayLong(lang, iso) {
  const f = fmt('d', lang, { weekday: 'short', day: 'numeric', month: lang === 'ko' ? 'numeric' : 'short', year: 'numeric' });
  if (lang !== 'ko') return f.format(utc(iso));
  const p = {};
  for (const x of f.formatToParts(utc(iso))) p[x.type] = x.value;
  return `${p.year}년 ${p.month}월 ${p.day}일 (${p.weekday})`;
}
/** A month (YYYY-MM): "2026년 7월" / "July 2026". */
export const monthName = (lang, ym) => fmt('m', lang, { month: 'long', year: 'numeric' }).format(utc(ym + '-01'));
/** A weekday's [short, long] name of an ISO day. */
export const weekday = (lang, iso) => ['short', 'long'].map((w) => fmt(w, lang, { weekday: w }).format(utc(iso)));
