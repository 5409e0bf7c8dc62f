// Parse an .ics file with npm `ical.js` and print one line per fact:
// `<uid> <field> <json value>`; same format as ics_check.py.
// Used by tests/ics_clients.rs. Exit code 3 means the parser is not installed.
import { readFileSync } from "node:fs";

let ICAL;
try {
  ICAL = (await import("ical.js")).default;
} catch (e) {
  console.error("npm package `ical.js` is missing: run scripts/setup.sh (" + e.message + ")");
  process.exit(3);
}

const cal = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
const out = (uid, field, value) => console.log(uid, field, JSON.stringify(value));

for (const tz of cal.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(tz);
}

const pad = (n) => String(n).padStart(2, "0");
function when(prop) {
  const t = prop.getFirstValue();
  if (t.isDate) return "DATE " + t.toString();
  const tzid = prop.getParameter("tzid");
  const zone = ICAL.TimezoneService.get(tzid);
  if (!zone) return "UNKNOWN-TZ " + tzid;
  t.zone = zone;
  const off = t.utcOffset() / 60;
  const sign = off < 0 ? "-" : "+";
  const a = Math.abs(off);
  return `${tzid} ${t.toString()} ${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

out("-", "calname", cal.getFirstPropertyValue("name"));
out("-", "x-wr-calname", cal.getFirstPropertyValue("x-wr-calname"));
for (const tz of cal.getAllSubcomponents("vtimezone")) {
  out("-", "vtimezone", tz.getFirstPropertyValue("tzid"));
}
for (const ev of cal.getAllSubcomponents("vevent")) {
  const uid = ev.getFirstPropertyValue("uid");
  out(uid, "summary", ev.getFirstPropertyValue("summary"));
  for (const key of ["location", "description", "url"]) {
    if (ev.hasProperty(key)) out(uid, key, ev.getFirstPropertyValue(key));
  }
  out(uid, "status", ev.getFirstPropertyValue("status"));
  out(uid, "sequence", ev.getFirstPropertyValue("sequence"));
  out(uid, "dtstart", when(ev.getFirstProperty("dtstart")));
  if (ev.hasProperty("dtend")) out(uid, "dtend", when(ev.getFirstProperty("dtend")));
  if (ev.hasProperty("recurrence-id")) out(uid, "recurrence-id", when(ev.getFirstProperty("recurrence-id")));
  if (ev.hasProperty("rrule")) out(uid, "rrule", ev.getFirstPropertyValue("rrule").toString());
  for (const p of ev.getAllProperties("exdate")) out(uid, "exdate", when(p));
  if (ev.hasProperty("categories")) out(uid, "categories", ev.getFirstProperty("categories").getValues());
}
