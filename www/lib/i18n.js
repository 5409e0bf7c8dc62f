// Korean and English labels for the UI; numbers and dates via Intl. The labels of the feed's
// vocabularies are in ./vocab.js, written from the core's one table (src/feed/kinds.rs): each element
// adds those it renders with `extend`.

// the likely cause of a failed fetch from another origin (lib/core.js `unreachable`)
const CORS_KO = '그 서버가 다른 사이트의 요청을 허용하지 않거나(CORS) 연결되지 않습니다';
const CORS_EN = 'that server does not allow other sites (CORS) or cannot be reached';


const KO = {
  relation: { part_of: '소속', supports: '지원' },
  ui: {
    tree: '조직도', part_of: '{}의 소속 기구', supports: '{}을(를) 지원', also: '함께 속한 기구',
    seats: '구성', chairs: '대표', legal: '법적 근거', functions: '기능', cadence: '개최', term: '임기',
    established: '설립', region: '지역', members: '회원', figures: '통계', sources: '출처', url: '웹사이트',
    publisher: '발행 {}', illustrative: '예시', asOf: '{} 기준', error: '데이터를 표시할 수 없습니다',
    more: '외 {}건', loading: '불러오는 중…', empty: '표시할 기구가 없습니다',
    stale: '새 데이터를 불러오지 못해 마지막으로 불러온 데이터를 표시합니다',
    unstyled: '스타일시트를 불러오지 못해 스타일 없이 표시합니다',
  },
  // messages of lib/core.js's own errors, by code ({}: the HTTP status, the seconds, the other
  // origin, the type served, the internal error's message); `wasm.*` and `css.*` without their
  // own read as `file.*`, else `fetch.*` (lib/element.js); src/codes.rs (ELEMENT) lists them,
  // tests/js/codes.mjs checks both
  err: {
    'fetch.failed': '피드를 가져오지 못했습니다 (네트워크 오류)', 'fetch.status': '서버가 {} 상태로 응답했습니다',
    'fetch.timeout': '{}초 안에 피드를 받지 못했습니다', 'wasm.trap': '엔진이 멈춰 다시 시작했습니다. 다시 시도해 주세요',
    'feed.missing': 'src 속성도 <script type="application/json"> 자식 요소도 없습니다',
    'fetch.cors': '다른 출처({})의 피드를 가져오지 못했습니다. ' + CORS_KO,
    'fetch.csp': '이 페이지의 콘텐츠 보안 정책(CSP)이 막았습니다. 허용해야 할 것: {}',
    'file.cors': '다른 출처({})의 위젯 파일을 가져오지 못했습니다. ' + CORS_KO,
    'file.fetch': '위젯 파일을 가져오지 못했습니다 (네트워크 오류)', 'file.timeout': '{}초 안에 위젯 파일을 받지 못했습니다',
    'file.type': '위젯 파일이 잘못된 형식({})으로 제공되었습니다',
    'feed.type': 'element.feed에는 JSON 텍스트나 JSON으로 바꿀 수 있는 객체를 넣어야 합니다',
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
  relation: { part_of: 'part of', supports: 'supports' },
  ui: {
    tree: 'Organization chart', part_of: 'Part of {}', supports: 'Supports {}', also: 'Also under',
    seats: 'Composition', chairs: 'Led by', legal: 'Legal basis', functions: 'Functions', cadence: 'Meets', term: 'Term',
    established: 'Established', region: 'Region', members: 'Members', figures: 'Figures', sources: 'Sources', url: 'Website',
    publisher: 'Published by {}', illustrative: 'Illustrative', asOf: 'as of {}', error: 'The data could not be shown',
    more: 'and {} more', loading: 'Loading…', empty: 'No bodies to show',
    stale: 'Could not refresh: showing the data loaded last',
    unstyled: 'The stylesheet could not be loaded: shown without styles',
  },
  err: {
    'fetch.failed': 'the feed could not be fetched (network error)', 'fetch.status': 'the server answered {}',
    'fetch.timeout': 'no feed within {} s', 'wasm.trap': 'The engine stopped and was restarted; please try again',
    'feed.missing': 'no src attribute and no <script type="application/json"> child',
    'fetch.cors': 'the feed on {} could not be fetched: ' + CORS_EN,
    'fetch.csp': "blocked by this page's Content-Security-Policy, which must allow {}",
    'file.cors': "the widget's files on {} could not be fetched: " + CORS_EN,
    'file.fetch': "a widget's file could not be fetched (network error)", 'file.timeout': "no widget's file within {} s",
    'file.type': "a widget's file was served with the wrong type ({})",
    'feed.type': 'element.feed must be JSON text or an object JSON.stringify can write',
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
