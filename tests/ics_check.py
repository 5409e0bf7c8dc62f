"""Parse an .ics file with python `icalendar` and print one line per fact:
`<uid> <field> <json value>` (JSON with ensure_ascii=False, so Korean text
shows byte for byte). Used by tests/ics_clients.rs; same format as ics_check.mjs.
Exit code 3 means the parser is not installed."""
import json
import sys

try:
    import icalendar
except ImportError:
    print("python package `icalendar` is missing: run scripts/setup.sh", file=sys.stderr)
    sys.exit(3)


def when(prop):
    v = prop.dt
    tzid = prop.params.get("TZID")
    if not hasattr(v, "hour"):
        return "DATE " + v.isoformat()
    off = v.utcoffset()
    if off is None:
        return "FLOATING " + v.isoformat()
    h, m = divmod(int(off.total_seconds()) // 60, 60)
    return "%s %s %+03d:%02d" % (tzid, v.replace(tzinfo=None).isoformat(), h, m)


def out(uid, field, value):
    print(uid, field, json.dumps(value, ensure_ascii=False, separators=(",", ":")))


with open(sys.argv[1], "rb") as f:
    cal = icalendar.Calendar.from_ical(f.read())

out("-", "calname", str(cal.get("NAME")))
out("-", "x-wr-calname", str(cal.get("X-WR-CALNAME")))
for tz in cal.walk("VTIMEZONE"):
    out("-", "vtimezone", str(tz.get("TZID")))
for ev in cal.walk("VEVENT"):
    uid = str(ev.get("UID"))
    out(uid, "summary", str(ev.get("SUMMARY")))
    for key in ("LOCATION", "DESCRIPTION", "URL"):
        if key in ev:
            out(uid, key.lower(), str(ev.get(key)))
    out(uid, "status", str(ev.get("STATUS")))
    out(uid, "sequence", int(ev.get("SEQUENCE")))
    out(uid, "dtstart", when(ev["DTSTART"]))
    if "DTEND" in ev:
        out(uid, "dtend", when(ev["DTEND"]))
    if "RECURRENCE-ID" in ev:
        out(uid, "recurrence-id", when(ev["RECURRENCE-ID"]))
    if "RRULE" in ev:
        out(uid, "rrule", ev["RRULE"].to_ical().decode())
    exd = ev.get("EXDATE")
    if exd is not None:
        for lst in exd if isinstance(exd, list) else [exd]:
            for d in lst.dts:
                d.params = lst.params
                out(uid, "exdate", when(d))
    if "CATEGORIES" in ev:
        out(uid, "categories", [str(c) for c in ev["CATEGORIES"].cats])
