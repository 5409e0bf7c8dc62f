// The labels of the feed's closed vocabularies, in Korean and English, by word: written from
// their one home, src/feed/kinds.rs, by tests/vocab_js.rs (`COGOV_BLESS=1 cargo test --test
// vocab_js` rewrites this file; the test fails when it differs). Do not edit by hand. Each element
// imports the vocabularies it renders (the bundler drops the others).

export const orgKind = {
  ko: { metropolitan: '광역자치단체', local: '기초자치단체', ministry: '중앙부처', agency: '정부기관', committee: '위원회', association: '협의체', institute: '연구기관', foreign: '해외 기관', other: '기타' },
  en: { metropolitan: 'Metropolitan city or province', local: 'City, county or district', ministry: 'Ministry', agency: 'Agency', committee: 'Committee', association: 'Association', institute: 'Institute', foreign: 'Foreign organization', other: 'Other' },
};

export const bodyKind = {
  ko: { cooperation_meeting: '협력회의', general_assembly: '총회', working_council: '실무협의회', support_group: '지원단', association: '협의체', association_council: '협의체 회의', citizen_council: '시민협의회', platform: '플랫폼', forum: '포럼', seminar: '세미나', committee: '위원회', other: '기타' },
  en: { cooperation_meeting: 'Cooperation meeting', general_assembly: 'General assembly', working_council: 'Working-level council', support_group: 'Support group', association: 'Association', association_council: 'Council of associations', citizen_council: 'Citizen council', platform: 'Platform', forum: 'Forum', seminar: 'Seminar', committee: 'Committee', other: 'Other' },
};

export const side = {
  ko: { central: '중앙', local: '지방', citizen: '시민', official: '공무원', expert: '전문가', association: '협의체', other: '기타' },
  en: { central: 'Central government', local: 'Local government', citizen: 'Citizens', official: 'Officials', expert: 'Experts', association: 'Associations', other: 'Other' },
};

export const role = {
  ko: { chair: '의장', co_chair: '공동의장', vice_chair: '부의장', representative: '대표', standing_director: '상임단장', co_director: '공동단장', member: '위원', secretary: '간사' },
  en: { chair: 'Chair', co_chair: 'Co-chair', vice_chair: 'Vice-chair', representative: 'Representative', standing_director: 'Standing director', co_director: 'Co-director', member: 'Member', secretary: 'Secretary' },
};

export const sessionKind = {
  ko: { regular: '정기', special: '임시', plenary: '본회의', working: '실무', forum: '포럼', seminar: '세미나', meeting: '회의', other: '기타' },
  en: { regular: 'Regular', special: 'Special', plenary: 'Plenary', working: 'Working-level', forum: 'Forum', seminar: 'Seminar', meeting: 'Meeting', other: 'Other' },
};

export const status = {
  ko: { scheduled: '예정', held: '개최', cancelled: '취소', postponed: '연기', moved: '변경' },
  en: { scheduled: 'Scheduled', held: 'Held', cancelled: 'Cancelled', postponed: 'Postponed', moved: 'Moved' },
};

export const tense = {
  ko: { past: '지난 회의' },
  en: { past: 'Past' },
};

export const agendaKind = {
  ko: { resolution: '의결', report: '보고', discussion: '토의', other: '기타' },
  en: { resolution: 'Resolution', report: 'Report', discussion: 'Discussion', other: 'Other' },
};

export const stage = {
  ko: { submitted: '제출', analysis: '분석·피드백', deliberation: '실무 심의·조정', decision: '의결', sent: '부처 송부', answer: '부처 회신', reflected: '반영', closed: '종결', withdrawn: '철회' },
  en: { submitted: 'Submitted', analysis: 'Analysis', deliberation: 'Deliberation', decision: 'Decision', sent: 'Sent to ministry', answer: 'Ministry answer', reflected: 'Reflected', closed: 'Closed', withdrawn: 'Withdrawn' },
};

export const decision = {
  ko: { agreed: '합의', dissent: '이견', adopted: '채택', held_over: '보류', rejected: '부결', returned: '반려', merged: '병합' },
  en: { agreed: 'Agreed', dissent: 'Dissent', adopted: 'Adopted', held_over: 'Held over', rejected: 'Rejected', returned: 'Returned', merged: 'Merged' },
};

export const answer = {
  ko: { accepted: '수용', partly_accepted: '일부수용', not_accepted: '불수용', long_term: '중장기검토' },
  en: { accepted: 'Accepted', partly_accepted: 'Partly accepted', not_accepted: 'Not accepted', long_term: 'Long-term review' },
};

export const reflection = {
  ko: { law: '법령 개정', budget: '예산 반영', national_agenda: '국정과제' },
  en: { law: 'Law amended', budget: 'Budget', national_agenda: 'National agenda' },
};
