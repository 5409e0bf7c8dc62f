// A calendar client's store of imported events, keyed by UID (npm `ical.js`): applies each .ics
// file given, in order, with RFC 5546's rules for a PUBLISH, then prints what the store holds;
// same rules and output as ics_update.py (read its docstring). Used by tests/ics_update.rs.
// Exit code 3 means the parser is not installed.
import { readFileSync } from 'node:fs';

let ICAL;
try {
  ICAL = (await import('ical.js')).default;
} catch (e) {
  console.error('npm package `ical.js` is missing: run scripts/setup.sh (' + e.message + ')');
  process.exit(3);
}

const store = new Map(); // uid (+ recurrence-id) -> ICAL.Event
for (const path of process.argv.slice(2)) {
  const cal = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  for (const v of cal.getAllSubcomponents('vevent')) {
    const ev = new ICAL.Event(v);
    const key = ev.uid + (ev.recurrenceId ? ' ' + ev.recurrenceId.toString() : '');
    const old = store.get(key);
    const stamp = (e) => e.component.getFirstPropertyValue('dtstamp').toUnixTime();
    if (old && !(ev.sequence > old.sequence || (ev.sequence === old.sequence && stamp(ev) > stamp(old)))) continue;
    store.set(key, ev);
  }
}

const pad = (n) => String(n).padStart(2, '0');
function when(t) {
  if (t.isDate) return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  const off = t.utcOffset() / 60, a = Math.abs(off);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

const lines = [];
for (const ev of store.values()) {
  // each occurrence as a client lists it (these events do not recur: one each)
  const it = ev.iterator();
  for (let t = it.next(); t; t = it.next()) {
    const o = ev.getOccurrenceDetails(t);
    const status = ev.component.getFirstPropertyValue('status');
    lines.push(`${ev.uid} ${when(o.startDate)} ${when(o.endDate)} ${status} ${ev.sequence} ${ev.summary} | ${ev.location ?? ''}`);
    if (!ev.isRecurring()) break;
  }
}
for (const l of lines.sort()) console.log(l);
