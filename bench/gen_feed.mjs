// Writes a synthetic, valid cogov feed of about N MB: the default dataset plus generated
// bodies and illustrative proposals. Usage: node bench/gen_feed.mjs MB OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
const [mb = '10', out = '/tmp/cogov-big.json'] = process.argv.slice(2);
const base = JSON.parse(readFileSync(new URL('../www/data/feed.json', import.meta.url)));
const target = Number(mb) * 1024 * 1024;
const regions = base.organizations.filter(o => o.kind === 'metropolitan').map(o => o.id);
const ministries = base.organizations.filter(o => o.kind === 'ministry').map(o => o.id);
const proposals = [];
let size = JSON.stringify(base).length;
for (let i = 0; size < target; i++) {
  const y = 2022 + (i % 5);
  const m = ministries[i % ministries.length];
  const p = {
    id: `bench-p-${i}`,
    title: { ko: `지방재정 확충을 위한 제도 개선 건의 ${i}`, en: `Institutional improvement for local finance ${i}` },
    summary: { ko: '지방세 비율 상향과 지방교부세 법정률 조정을 건의합니다.', en: 'Raise the local tax share and adjust the statutory rate of the local allocation tax.' },
    proposers: [regions[i % regions.length]],
    ministries: [m],
    submitted: `${y}-03-02`,
    history: [
      { date: `${y}-03-02`, stage: 'submitted' },
      { date: `${y}-04-10`, stage: 'deliberation', decision: 'agreed' },
      { date: `${y}-07-12`, stage: 'decision', decision: 'adopted' },
      { date: `${y}-07-20`, stage: 'sent', ministry: m },
      { date: `${y}-10-01`, stage: 'answer', ministry: m, answer: ['accepted', 'partly_accepted', 'not_accepted', 'long_term'][i % 4] },
    ],
    illustrative: true,
    sources: [base.sources[0].id],
  };
  size += JSON.stringify(p).length + 1;
  proposals.push(p);
}
base.proposals = base.proposals.concat(proposals);
writeFileSync(out, JSON.stringify(base));
console.log(`${out}: ${(size / 1048576).toFixed(1)} MB, ${base.proposals.length} proposals`);
