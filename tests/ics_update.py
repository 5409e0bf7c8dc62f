"""A calendar client's store of imported events, keyed by UID (python `icalendar` +
`recurring-ical-events`): applies each .ics file given, in order, with RFC 5546's rules
for a PUBLISH, then prints what the store holds, one line per event, sorted:
`<uid> <start> <end> <status> <sequence> <summary> | <location>`.

Rules (RFC 5546 2.1.4/2.1.5): an event whose UID is new is added; a known one is replaced
when its SEQUENCE is higher, or equal with a later DTSTAMP; otherwise the stored copy stays.
A STATUS:CANCELLED event replaces the stored one the same way (the client shows it cancelled).
Used by tests/ics_update.rs; same output as ics_update.mjs. Exit code 3: a package is missing."""
import sys

try:
    import icalendar
    import recurring_ical_events
except ImportError as e:
    print("python package missing (%s): run scripts/setup.sh" % e, file=sys.stderr)
    sys.exit(3)
from datetime import date

store = {}  # uid -> VEVENT
zones = {}
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for tz in cal.walk("VTIMEZONE"):
        zones[str(tz["TZID"])] = tz
    for ev in cal.walk("VEVENT"):
        uid = str(ev["UID"])
        key = (uid, ev.get("RECURRENCE-ID").to_ical().decode() if "RECURRENCE-ID" in ev else None)
        seq, stamp = int(ev.get("SEQUENCE", 0)), ev["DTSTAMP"].dt
        old = store.get(key)
        if old is not None:
            oseq, ostamp = int(old.get("SEQUENCE", 0)), old["DTSTAMP"].dt
            if not (seq > oseq or (seq == oseq and stamp > ostamp)):
                continue
        store[key] = ev

# the store as one calendar, read back through recurring-ical-events as a client shows it
view = icalendar.Calendar()
view.add("PRODID", "-//test store//")
view.add("VERSION", "2.0")
for tz in zones.values():
    view.add_component(tz)
for ev in store.values():
    view.add_component(ev)


def when(v):
    if not hasattr(v, "hour"):
        return v.isoformat()
    return v.strftime("%Y-%m-%dT%H:%M%z")


lines = []
for ev in recurring_ical_events.of(view).between(date(1900, 1, 1), date(2200, 1, 1)):
    lines.append("%s %s %s %s %d %s | %s" % (
        ev["UID"], when(ev["DTSTART"].dt), when(ev["DTEND"].dt), ev.get("STATUS"),
        int(ev.get("SEQUENCE", 0)), ev.get("SUMMARY"), ev.get("LOCATION", "")))
for line in sorted(lines):
    print(line)
