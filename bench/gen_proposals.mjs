// A synthetic, valid cogov feed of N proposals (about 500 bytes each: 100,000 ≈ 50 MB) that follow
// the route of docs/FORMAT.md: submitted → analysis → deliberation (agreed/dissent, with a working
// council session) → decision (adopted/held_over/rejected/returned/merged, at a General Assembly
// session) → sent to 1–3 ministries → an answer per ministry (some revised) → reflected → closed;
// some withdrawn, histories cut at 2026-11-22 so that many are in progress. Deterministic.
//
//   node bench/gen_proposals.mjs N OUT.json      (then: cargo run --release -- validate OUT.json)
import fs from 'node:fs';
import { rng } from './lib.mjs';

export const TODAY = '2026-11-22';
export const METROPOLITAN = ['seoul', 'busan', 'daegu', 'incheon', 'gwangju', 'daejeon', 'ulsan', 'sejong', 'gyeonggi',
  'gangwon', 'chungbuk', 'chungnam', 'jeonbuk', 'jeonnam', 'gyeongbuk', 'gyeongnam', 'jeju'];
export const MINISTRIES = [
  ['mois', '행정안전부', 'Ministry of the Interior and Safety', 'MOIS'],
  ['moef', '기획재정부', 'Ministry of Economy and Finance', 'MOEF'],
  ['moe', '교육부', 'Ministry of Education', 'MOE'],
  ['mohw', '보건복지부', 'Ministry of Health and Welfare', 'MOHW'],
  ['molit', '국토교통부', 'Ministry of Land, Infrastructure and Transport', 'MOLIT'],
  ['motie', '산업통상자원부', 'Ministry of Trade, Industry and Energy', 'MOTIE'],
  ['me', '환경부', 'Ministry of Environment', 'ME'],
  ['mafra', '농림축산식품부', 'Ministry of Agriculture, Food and Rural Affairs', 'MAFRA'],
  ['moel', '고용노동부', 'Ministry of Employment and Labor', 'MOEL'],
  ['moj', '법무부', 'Ministry of Justice', 'MOJ'],
  ['msit', '과학기술정보통신부', 'Ministry of Science and ICT', 'MSIT'],
  ['mcst', '문화체육관광부', 'Ministry of Culture, Sports and Tourism', 'MCST'],
];
const THEMES = [
  ['지방재정', 'Local finance', '지방세 비율 상향과 지방교부세 법정률 조정', 'raising the local tax share and the statutory rate of the local allocation tax'],
  ['자치분권', 'Decentralization', '중앙행정권한의 지방 일괄 이양', 'transferring central administrative powers to local governments in one package'],
  ['균형발전', 'Balanced development', '지역 거점 공공기관 2차 이전', 'a second relocation of public institutions to regional hubs'],
  ['인구감소', 'Population decline', '인구감소지역 지원 특별법 개정', 'amending the special act on support for depopulating areas'],
  ['재난안전', 'Disaster safety', '재난안전 특별교부세 배분 기준 개선', 'revising the allocation criteria of the special grant for disaster safety'],
  ['교통', 'Transport', '광역철도 국비 지원 비율 상향', 'raising the national share of metropolitan railway funding'],
  ['복지', 'Welfare', '기초연금 지방비 부담 완화', 'easing the local share of the basic pension'],
  ['교육', 'Education', '지방교육자치와 일반자치의 연계', 'linking local education autonomy with general local autonomy'],
];
const LAWS = [['지방자치법', 'Local Autonomy Act'], ['지방재정법', 'Local Finance Act'], ['지방교부세법', 'Local Allocation Tax Act'],
  ['국가균형발전 특별법', 'Special Act on Balanced National Development'], ['재난 및 안전관리 기본법', 'Framework Act on the Management of Disasters and Safety']];
const ANSWERS = ['accepted', 'partly_accepted', 'not_accepted', 'long_term'];
const ANSWER_KO = { accepted: '수용', partly_accepted: '일부수용', not_accepted: '불수용', long_term: '중장기검토' };

const pad = n => String(n).padStart(2, '0');
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
// Working council sessions on the 10th of every month; General Assembly sessions twice a year.
const WC = YEARS.flatMap(y => Array.from({ length: 12 }, (_, m) => ({ id: `wc-${y}-${pad(m + 1)}`, body: 'bench-wc', start: `${y}-${pad(m + 1)}-10` })));
const GA = YEARS.flatMap(y => [{ id: `ga-${y}-1`, body: 'bench-ga', start: `${y}-06-20` }, { id: `ga-${y}-2`, body: 'bench-ga', start: `${y}-12-12` }]);
const next = (list, day) => list.find(s => s.start > day);
const addDays = (day, n) => new Date(Date.parse(day) + n * 86400000).toISOString().slice(0, 10);

function proposal(i, r, ids) {
  const y = r.pick(YEARS.slice(0, -1).concat([2024, 2025, 2026]));
  const d0 = `${y}-${pad(1 + r.int(10))}-${pad(1 + r.int(28))}`;
  const [tko, ten, sko, sen] = THEMES[i % THEMES.length];
  const proposers = r() < 0.15 ? [...new Set([r.pick(METROPOLITAN), r.pick(METROPOLITAN), r.pick(METROPOLITAN)])] : [r.pick(METROPOLITAN)];
  const nm = r() < 0.6 ? 1 : r() < 0.7 ? 2 : 3;
  const ministries = [];
  while (ministries.length < nm) { const m = r.pick(MINISTRIES)[0]; if (!ministries.includes(m)) ministries.push(m); }
  const h = [{ date: d0, stage: 'submitted' }];
  let day = d0;
  const step = (s, gap = 0) => { day = s.date = s.date && s.date > day ? s.date : addDays(day, gap); h.push(s); };
  const atSession = (list, stage, extra) => {
    const s = next(list, day);
    if (!s) return false;
    h.push({ date: s.start, stage, body: s.body, session: s.id, ...extra });
    day = s.start;
    return true;
  };
  const run = () => {
    if (r() < 0.6) step({ stage: 'analysis' }, 10 + r.int(30));
    if (r() < 0.03) return step({ stage: 'withdrawn' }, 5 + r.int(30));
    for (let round = 0; round < 3; round++) {
      const dissent = r() < 0.15;
      if (!atSession(WC, 'deliberation', dissent ? { decision: 'dissent', dissent: [r.pick(METROPOLITAN)] } : { decision: 'agreed' })) return;
      if (dissent) {
        if (r() < 0.5) continue; // another round
        if (!atSession(GA, 'decision', { decision: 'rejected' })) return;
        return step({ stage: 'closed' }, 1 + r.int(20));
      }
      const x = r();
      const decision = x < 0.75 ? 'adopted' : x < 0.83 ? 'held_over' : x < 0.9 ? 'rejected' : x < 0.95 ? 'returned' : 'merged';
      const extra = { decision };
      if (decision === 'merged') {
        if (!ids.length) extra.decision = 'adopted';
        else extra.merged_into = ids[r.int(ids.length)];
      }
      if (!atSession(GA, 'decision', extra)) return;
      if (extra.decision === 'held_over') continue;
      if (extra.decision === 'returned') return step({ stage: 'analysis' }, 7 + r.int(20));
      if (extra.decision !== 'adopted') return step({ stage: 'closed' }, 1 + r.int(20));
      break;
    }
    if (h[h.length - 1].decision !== 'adopted') return;
    for (const m of ministries) step({ stage: 'sent', ministry: m }, 3 + r.int(10));
    const latest = {};
    for (const m of ministries) {
      if (r() < 0.12) continue; // not answered yet
      const a = r.pick(ANSWERS);
      latest[m] = a;
      const answer = { stage: 'answer', ministry: m, answer: a };
      if (r() < 0.3) answer.note = { ko: `${ANSWER_KO[a]}: 제도 개선 검토`, en: `${a.replace('_', ' ')}: rules to be reviewed` };
      step(answer, 20 + r.int(90));
    }
    for (const m of Object.keys(latest)) {
      if (latest[m] === 'long_term' && r() < 0.2) {
        latest[m] = 'accepted';
        step({ stage: 'answer', ministry: m, answer: 'accepted', note: { ko: '수용으로 변경', en: 'Revised' } }, 100 + r.int(200));
      }
    }
    if (r() < 0.03) return step({ stage: 'withdrawn' }, 10 + r.int(30));
    if (Object.values(latest).some(a => a === 'accepted' || a === 'partly_accepted') && r() < 0.4) {
      step({ stage: 'reflected', reflection: r.pick(['law', 'budget', 'national_agenda']) }, 60 + r.int(200));
    }
    if (Object.keys(latest).length === ministries.length && r() < 0.5) step({ stage: 'closed' }, 30 + r.int(60));
  };
  run();
  const history = h.filter(s => s.date <= TODAY);
  const p = {
    id: `bp-${i}`,
    title: { ko: `${tko} 개선 건의 ${i + 1}`, en: `${ten} proposal ${i + 1}` },
    theme: { ko: tko, en: ten },
    proposers,
    ministries,
    submitted: d0,
    history,
    sources: ['src-bench'],
  };
  if (r() < 0.2) p.summary = { ko: `${sko}을(를) 건의함`, en: `Proposes ${sen}.` };
  if (r() < 0.2) p.laws = [r.pick(LAWS)].map(([ko, en]) => ({ ko, en }));
  return p;
}

export function generate(n, seed = 1) {
  const r = rng(seed);
  const proposals = [];
  const ids = [];
  for (let i = 0; i < n; i++) {
    const p = proposal(i, r, ids);
    proposals.push(p);
    if (ids.length < 500) ids.push(p.id);
  }
  return {
    cogov: 1,
    publisher: { id: 'bench-assoc', name: { ko: '벤치마크 협의회', en: 'Benchmark association' }, url: 'https://example.org/' },
    timezone: 'Asia/Seoul',
    updated: TODAY,
    sources: [{ id: 'src-bench', title: { ko: '합성 벤치마크 자료', en: 'Synthetic benchmark data' }, url: 'https://example.org/' }],
    organizations: [
      { id: 'bench-assoc', kind: 'association', name: { ko: '벤치마크 협의회', en: 'Benchmark association' } },
      ...METROPOLITAN.map(id => ({ id, kind: 'metropolitan', name: { en: id[0].toUpperCase() + id.slice(1) } })),
      ...MINISTRIES.map(([id, ko, en, short]) => ({ id, kind: 'ministry', name: { ko, en }, short_name: { en: short } })),
    ],
    bodies: [
      { id: 'bench-ga', kind: 'general_assembly', name: { ko: '총회', en: 'General Assembly' }, sources: ['src-bench'] },
      { id: 'bench-wc', kind: 'working_council', name: { ko: '실무협의회', en: 'Working council' }, supports: ['bench-ga'], sources: ['src-bench'] },
    ],
    sessions: [...WC, ...GA].map(s => ({ ...s, kind: s.body === 'bench-ga' ? 'plenary' : 'working', status: s.start <= TODAY ? 'held' : 'scheduled', sources: ['src-bench'] })),
    proposals,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = '100000', out = '/tmp/cogov-proposals.json'] = process.argv.slice(2);
  const text = JSON.stringify(generate(Number(n)));
  fs.writeFileSync(out, text);
  console.log(`${out}: ${(text.length / 1048576).toFixed(1)} MB (${Buffer.byteLength(text) / 1048576 | 0} MiB of UTF-8), ${n} proposals`);
}
