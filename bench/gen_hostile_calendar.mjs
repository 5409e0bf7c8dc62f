// Writes a small, VALID feed that is hostile to the calendar (issue 10, item 3).
// Usage: node bench/gen_hostile_calendar.mjs SHAPE N OUT.json
//   series   N series, each FREQ=DAILY;COUNT=1000000 from 1900-01-01 (N=1000: ~172 KB)
//   numbered the same with numbering (제N차 counts every occurrence since 1900)
//   weekly   N series FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=1000000 from 1900 (numbered)
//   chain    one daily series and N relative series, each 1 day after the previous one
//   fanout   one daily series and N relative series all following it
//   sessions one body, N explicit sessions (one a day from 2000), N/10 series with overrides
//   bodies   N bodies, each with one weekly series (for session_bodies)
// Check with: cargo run --release -- validate OUT.json
import { writeFileSync } from 'node:fs';

const [shape = 'series', nArg = '1000', out = '/tmp/cogov-hostile.json'] = process.argv.slice(2);
const n = Number(nArg);
const feed = {
  cogov: 1,
  publisher: { id: 'p', name: 'P' },
  sources: [{ id: 's', title: 'S' }],
  bodies: [{ id: 'b', kind: 'forum', name: 'B', sources: ['s'] }],
  series: [],
  sessions: [],
};
const daily = (id, rrule, numbered) => ({
  id, body: 'b', kind: 'regular', sources: ['s'],
  ...(numbered ? { numbering: { first: 1 } } : {}),
  rules: [{ dtstart: '1900-01-01T10:00', rrule }],
});
const relative = (id, series, offset) => ({
  id, body: 'b', kind: 'working', sources: ['s'],
  rules: [{ relative: { series, offset_days: offset } }],
});
switch (shape) {
  case 'series':
  case 'numbered':
    for (let i = 0; i < n; i++) feed.series.push(daily(`s${i}`, 'FREQ=DAILY;COUNT=1000000', shape === 'numbered'));
    break;
  case 'weekly':
    for (let i = 0; i < n; i++) feed.series.push(daily(`s${i}`, 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=1000000', true));
    break;
  case 'chain':
    feed.series.push(daily('s0', 'FREQ=DAILY;COUNT=1000000', true));
    for (let i = 1; i <= n; i++) feed.series.push(relative(`s${i}`, `s${i - 1}`, 1));
    break;
  case 'fanout':
    feed.series.push(daily('s0', 'FREQ=DAILY;COUNT=1000000', true));
    for (let i = 1; i <= n; i++) feed.series.push(relative(`s${i}`, 's0', -(i % 30)));
    break;
  case 'sessions': {
    const day = i => new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    for (let i = 0; i < n / 10; i++) feed.series.push({ ...daily(`s${i}`, 'FREQ=DAILY', true), rules: [{ dtstart: '2000-01-01T10:00', rrule: 'FREQ=DAILY' }] });
    for (let i = 0; i < n; i++) {
      const s = { id: `x${i}`, body: 'b', start: `${day(i)}T15:00`, sources: ['s'] };
      if (i < n / 10) Object.assign(s, { series: `s${i}`, recurrence_id: `${day(i)}T10:00` });
      feed.sessions.push(s);
    }
    break;
  }
  case 'bodies':
    for (let i = 0; i < n; i++) {
      feed.bodies.push({ id: `b${i}`, kind: 'forum', name: `B${i}`, sources: ['s'] });
      feed.series.push({ ...daily(`s${i}`, 'FREQ=WEEKLY'), body: `b${i}`, rules: [{ dtstart: '2026-01-05T10:00', rrule: 'FREQ=WEEKLY' }] });
    }
    break;
  default:
    throw new Error(`unknown shape ${shape}`);
}
const text = JSON.stringify(feed);
writeFileSync(out, text);
console.log(`${out}: ${(text.length / 1024).toFixed(0)} KB, ${feed.series.length} series, ${feed.sessions.length} sessions`);
