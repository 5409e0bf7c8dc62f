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
  },
  seats: (n) => `${n}명`,
  years: (n) => `${n}년`,
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
  },
  seats: (n) => `${n} seat${n === '1' ? '' : 's'}`,
  years: (n) => `${n} year${n === '1' ? '' : 's'}`,
  article: (a) => (/^\d/.test(a) ? `Art. ${a}` : a),
  effective: (d) => `effective ${d}`,
};

/** The label set of a language ('ko' | 'en'). */
export const labels = (lang) => (lang === 'ko' ? KO : EN);

/** A vocabulary word's label, or the word itself when a newer feed uses a word we do not know. */
export const word = (L, group, w) => L[group][w] || w;

/** A UI string with `{}` filled. */
export const ui = (L, key, arg) => L.ui[key].replace('{}', arg);

const nf = {};
/** A number in the language's format (small integers, the same in both, skip Intl's start-up cost). */
export const num = (lang, n) =>
  Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : (nf[lang] ||= new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en')).format(n);

const df = {};
/** An ISO date (YYYY-MM-DD) in the language's format; partial dates stay as written. */
export function date(lang, iso) {
  if (!/^\d{4}-\d\d-\d\d$/.test(iso || '')) return iso;
  df[lang] ||= new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en', { dateStyle: 'medium', timeZone: 'UTC' });
  return df[lang].format(new Date(iso + 'T00:00:00Z'));
}
