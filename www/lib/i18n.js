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
  // <cogov-proposals>
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
  ui: {
    tree: '조직도', part_of: '{}의 소속 기구', supports: '{}을(를) 지원', also: '함께 속한 기구',
    seats: '구성', chairs: '대표', legal: '법적 근거', functions: '기능', cadence: '개최', term: '임기',
    established: '설립', region: '지역', members: '회원', figures: '통계', sources: '출처', url: '웹사이트',
    publisher: '발행 {}', illustrative: '예시', asOf: '{} 기준', error: '데이터를 표시할 수 없습니다',
    more: '외 {}건', loading: '불러오는 중…', empty: '표시할 기구가 없습니다',
    prev: '이전 달', next: '다음 달', today: '오늘', grid: '달력', list: '목록', body: '기구', all: '전체',
    ics: '캘린더 내려받기 (.ics)', add: '캘린더에 추가 (.ics)', google: 'Google 캘린더', close: '닫기',
    upcoming: '다음 회의', when: '일시', place: '장소', number: '회차', agenda: '안건', documents: '자료',
    online: '온라인', none: '이 달에는 회의가 없습니다', after: '이후 회의', noneNext: '예정된 회의가 없습니다',
    truncated: '회의가 너무 많아 일부만 표시합니다', sessions: '{}의 회의', moreS: '+{}건',
  },
  status: { scheduled: '예정', held: '개최', cancelled: '취소', postponed: '연기', moved: '변경' },
  skind: { regular: '정기', special: '임시', plenary: '본회의', working: '실무', forum: '포럼', seminar: '세미나', meeting: '회의', other: '기타' },
  nth: (n) => `제${n}차`,
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
  // <cogov-proposals>
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
  ui: {
    tree: 'Organization chart', part_of: 'Part of {}', supports: 'Supports {}', also: 'Also under',
    seats: 'Composition', chairs: 'Led by', legal: 'Legal basis', functions: 'Functions', cadence: 'Meets', term: 'Term',
    established: 'Established', region: 'Region', members: 'Members', figures: 'Figures', sources: 'Sources', url: 'Website',
    publisher: 'Published by {}', illustrative: 'Illustrative', asOf: 'as of {}', error: 'The data could not be shown',
    more: 'and {} more', loading: 'Loading…', empty: 'No bodies to show',
    prev: 'Previous month', next: 'Next month', today: 'Today', grid: 'Month', list: 'List', body: 'Body', all: 'All',
    ics: 'Download calendar (.ics)', add: 'Add to calendar (.ics)', google: 'Google Calendar', close: 'Close',
    upcoming: 'Next session', when: 'When', place: 'Place', number: 'Session', agenda: 'Agenda', documents: 'Documents',
    online: 'Online', none: 'No sessions this month', after: 'Coming next', noneNext: 'No sessions ahead',
    truncated: 'Too many sessions: only some are shown', sessions: 'Sessions on {}', moreS: '+{} more',
  },
  status: { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled', postponed: 'Postponed', moved: 'Moved' },
  skind: { regular: 'Regular', special: 'Special', plenary: 'Plenary', working: 'Working-level', forum: 'Forum', seminar: 'Seminar', meeting: 'Meeting', other: 'Other' },
  nth: (n) => `${n}${[, 'st', 'nd', 'rd'][(n % 100 >> 3) ^ 1 && n % 10] || 'th'}`,
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
