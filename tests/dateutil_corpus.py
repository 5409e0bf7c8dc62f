#!/usr/bin/env python3
"""Deterministic corpus of RRULEs expanded by python-dateutil, for tests/recur_dateutil.rs.

Prints one rule per line, tab-separated:

    dtstart  rrule  exdates  from  to  cap  truncated  occurrences  rdates

Date-times are YYYYMMDDTHHMMSS (local, naive); lists are comma-separated; an empty
list is "-". The expected result is: the rule's occurrences (COUNT applied before
exdates), minus exdates (a date-only exdate removes every occurrence on that date),
within from..=to, the first `cap` of them; `truncated` is 1 when more remained.
`rdates` are extra occurrences (RDATE: not counted by COUNT, removed by exdates too); a
date-only rdate is that date at DTSTART's time (dateutil is given that date-time).

The rule text given to the engine may use UNTIL=...Z (UTC); dateutil gets the same
instant converted to Korea Standard Time (+9h), as the engine does.
"""
import datetime as datetime_module
import random
import sys
import types
import warnings
from datetime import datetime, timedelta

try:
    import dateutil.rrule
    from dateutil.rrule import rrulestr
except ImportError:  # pragma: no cover - reported by the Rust test
    sys.stderr.write("python-dateutil is not installed: run scripts/setup.sh\n")
    sys.exit(3)

warnings.simplefilter("ignore")  # COUNT together with our window's UNTIL

FMT = "%Y%m%dT%H%M%S"
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
KST = timedelta(hours=9)

# Hand-picked rules for the tricky cases: (dtstart, rrule, exdates)
FIXED = [
    ("20240105T100000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", ""),
    ("20240105T100000", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2,1", ""),
    ("20240131T090000", "FREQ=MONTHLY;BYMONTHDAY=-1", ""),
    ("20240131T090000", "FREQ=MONTHLY", ""),
    ("20240229", "FREQ=YEARLY", ""),
    ("20240101T140000", "FREQ=YEARLY;BYDAY=20MO", ""),
    ("20240101T140000", "FREQ=YEARLY;BYDAY=-1FR,1MO", ""),
    ("20240101T140000", "FREQ=YEARLY;BYDAY=53MO,-53SU", ""),
    ("20240101T140000", "FREQ=YEARLY;BYMONTH=3,9;BYDAY=-1WE", ""),
    ("20240101T140000", "FREQ=YEARLY;BYDAY=-1FR;BYMONTH=12;BYSETPOS=1", ""),
    ("20240103T100000", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=SU;COUNT=8", ""),
    ("20240103T100000", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=MO;COUNT=8", ""),
    ("20240103T100000", "FREQ=WEEKLY;BYDAY=MO,FR;BYSETPOS=1", ""),
    ("20240101", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", ""),
    ("20240101", "FREQ=MONTHLY;BYMONTH=4,6,9,11;BYMONTHDAY=31", ""),
    ("20240101", "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", ""),
    ("20240101", "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;UNTIL=20231231", ""),
    ("20240101T100000", "FREQ=DAILY;COUNT=5", "20240102T100000,20240104"),
    ("20240101T100000", "FREQ=DAILY;UNTIL=20240105T010000Z", ""),
    ("20240101T100000", "FREQ=DAILY;UNTIL=20240105", ""),
    ("20240101T100000", "FREQ=MONTHLY;BYMONTHDAY=1,-1;BYSETPOS=-1,1", ""),
    ("20241231T235959", "FREQ=WEEKLY;WKST=SU;BYDAY=SA,SU,MO;INTERVAL=3", ""),
    ("19991230T080000", "FREQ=MONTHLY;INTERVAL=5;BYDAY=5TH,-5MO", ""),
    # COUNT/UNTIL edges: UNTIL on an occurrence, before DTSTART, date vs date-time, COUNT=1
    ("20240101T100000", "FREQ=DAILY;UNTIL=20240105T100000", ""),
    ("20240101T100000", "FREQ=DAILY;UNTIL=20240105T095959", ""),
    ("20240101T100000", "FREQ=WEEKLY;UNTIL=20231231T235959", ""),
    ("20240101", "FREQ=DAILY;UNTIL=20240103", ""),
    ("20240101T000000", "FREQ=DAILY;UNTIL=20240103T000000", ""),
    ("20240101T100000", "FREQ=YEARLY;COUNT=1", ""),
    ("20240101T100000", "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=1", ""),
    ("20240101T100000", "FREQ=DAILY;BYHOUR=9,14;COUNT=1", ""),
    ("20240101T100000", "FREQ=DAILY;BYHOUR=9,14;UNTIL=20240103T090000", ""),
    # leap years, February's last day, week 53, day 366
    ("20240101", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=8", ""),
    ("20230101", "FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3", ""),
    ("19990101", "FREQ=YEARLY;BYDAY=53TH;COUNT=5", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=53;COUNT=10", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO;COUNT=5", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=-1;BYDAY=SU;COUNT=6", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO,SU;COUNT=8", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=1;WKST=SU;BYDAY=SU,SA;COUNT=8", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=52,53;WKST=TH;COUNT=20", ""),
    ("20200101", "FREQ=YEARLY;BYWEEKNO=20;WKST=SA;COUNT=14", ""),
    ("20200101", "FREQ=YEARLY;BYYEARDAY=366;COUNT=3", ""),
    ("20200101", "FREQ=YEARLY;BYYEARDAY=-1,-366,1;COUNT=9", ""),
    ("20200101", "FREQ=YEARLY;BYYEARDAY=60;BYMONTH=2,3;COUNT=6", ""),
    ("20200101", "FREQ=YEARLY;BYYEARDAY=1,100,200;BYSETPOS=-1;COUNT=4", ""),
    # two sittings a day
    ("20240102T100000", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10,15;BYMINUTE=0,30", ""),
    ("20240102T100000", "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=10,15;BYSETPOS=-1", ""),
    ("20240102T100000", "FREQ=YEARLY;BYMONTH=3;BYDAY=MO;BYHOUR=9,14;BYSETPOS=1,-1,3", ""),
    ("20240102T103000", "FREQ=DAILY;BYMINUTE=0,15,45;COUNT=10", ""),
    ("20240102T103000", "FREQ=DAILY;BYHOUR=23,0;INTERVAL=3;COUNT=10", "20240105T000000,20240108"),
]


def fmt(dt):
    return dt.strftime(FMT)


def rand_dtstart(rng):
    year = rng.randint(1995, 2035)
    month = rng.randint(1, 12)
    day = rng.choice([1, 2, 15, 28, 29, 30, 31, rng.randint(1, 31)])
    while True:
        try:
            d = datetime(year, month, day)
            break
        except ValueError:
            day -= 1
    t = rng.choice(["000000", "090000", "103000", "140000", "235959", None])
    if t is None:
        t = "%02d%02d%02d" % (rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))
    return datetime.strptime(d.strftime("%Y%m%d") + "T" + t, FMT)


def rand_rule(rng, start):
    freq = rng.choice(["YEARLY", "YEARLY", "MONTHLY", "MONTHLY", "WEEKLY", "WEEKLY", "DAILY"])
    parts = ["FREQ=" + freq]
    if rng.random() < 0.45:
        parts.append("INTERVAL=%d" % rng.choice([1, 2, 2, 3, 4]))
    end = rng.random()
    if end < 0.35:
        parts.append("COUNT=%d" % rng.randint(1, 30))
    elif end < 0.65:
        until = start + timedelta(days=rng.randint(-20, 3000), seconds=rng.choice([0, 3600, 36000]))
        form = rng.choice(["date", "local", "utc"])
        if form == "date":
            parts.append("UNTIL=" + until.strftime("%Y%m%d"))
        elif form == "local":
            parts.append("UNTIL=" + fmt(until))
        else:
            parts.append("UNTIL=" + fmt(until - KST) + "Z")
    if rng.random() < 0.3:
        months = rng.sample(range(1, 13), rng.randint(1, 4))
        parts.append("BYMONTH=" + ",".join(map(str, months)))
    has_month = any(p.startswith("BYMONTH=") for p in parts)
    weekno = freq == "YEARLY" and rng.random() < 0.3
    if weekno:
        pool = [1, 2, 10, 26, 52, 53, -1, -2, -52, -53, rng.randint(1, 53), -rng.randint(1, 53)]
        weeks = sorted(set(rng.sample(pool, rng.randint(1, 3))))
        parts.append("BYWEEKNO=" + ",".join(map(str, weeks)))
    if freq == "YEARLY" and rng.random() < 0.3:
        pool = [1, 59, 60, 61, 100, 365, 366, -1, -365, -366, rng.randint(1, 366), -rng.randint(1, 366)]
        ydays = sorted(set(rng.sample(pool, rng.randint(1, 4))))
        parts.append("BYYEARDAY=" + ",".join(map(str, ydays)))
    if rng.random() < 0.2:
        hours = sorted(set(rng.sample(range(24), rng.randint(1, 3))))
        parts.append("BYHOUR=" + ",".join(map(str, hours)))
    if rng.random() < 0.15:
        minutes = sorted(set(rng.sample([0, 15, 30, 45, rng.randint(0, 59)], rng.randint(1, 3))))
        parts.append("BYMINUTE=" + ",".join(map(str, minutes)))
    if freq != "WEEKLY" and rng.random() < 0.35:
        pool = [1, 15, 28, 29, 30, 31, -1, -2, -7, -28, -29, -30, -31, rng.randint(1, 31), -rng.randint(1, 31)]
        days = sorted(set(rng.sample(pool, rng.randint(1, 3))))
        parts.append("BYMONTHDAY=" + ",".join(map(str, days)))
    byday = rng.random()
    if byday < 0.35:
        days = rng.sample(DAYS, rng.randint(1, 4))
        parts.append("BYDAY=" + ",".join(days))
    elif byday < 0.6 and freq in ("MONTHLY", "YEARLY") and not weekno:
        # dateutil intersects mixed plain/ordinal lists (the RFC asks for a union),
        # so ordinals are never mixed with plain days here.
        if freq == "YEARLY" and not has_month:
            pool = [1, 2, 10, 20, 26, 52, 53, -1, -2, -10, -52, -53]
        else:
            pool = [1, 2, 3, 4, 5, -1, -2, -3, -4, -5]
        items = set()
        for _ in range(rng.randint(1, 3)):
            n = rng.choice(pool)
            sign = "+" if n > 0 and rng.random() < 0.1 else ""
            items.add("%s%d%s" % (sign, n, rng.choice(DAYS)))
        parts.append("BYDAY=" + ",".join(sorted(items)))
    if rng.random() < 0.25:
        pool = [1, 2, 3, -1, -1, -2, -3, rng.randint(1, 10), -rng.randint(1, 10)]
        pos = sorted(set(rng.sample(pool, rng.randint(1, 3))))
        parts.append("BYSETPOS=" + ",".join(map(str, pos)))
    if rng.random() < 0.3 or (freq == "WEEKLY" and rng.random() < 0.5):
        parts.append("WKST=" + rng.choice(DAYS))
    head, rest = parts[0], parts[1:]
    rng.shuffle(rest)
    text = ";".join([head] + rest)
    return ("RRULE:" + text) if rng.random() < 0.2 else text


def for_dateutil(rule):
    """UNTIL=...Z → the same instant in KST, naive (dateutil needs DTSTART and UNTIL alike)."""
    out = []
    for part in rule.split(";"):
        if part.startswith("UNTIL=") and part.endswith("Z"):
            until = datetime.strptime(part[6:-1], FMT) + KST
            part = "UNTIL=" + fmt(until)
        out.append(part)
    return ";".join(out)


def bound_dateutil(last_year):
    """dateutil scans up to datetime.MAXYEAR (9999) when a rule yields nothing, even
    with UNTIL; give its module a datetime whose MAXYEAR is just past our window."""
    shim = types.ModuleType("datetime_shim")
    shim.__dict__.update(datetime_module.__dict__)
    shim.MAXYEAR = last_year
    dateutil.rrule.datetime = shim


def rdate_value(start, r):
    """A corpus rdate as dateutil gets it: a date is that date at DTSTART's time."""
    if "T" in r:
        return datetime.strptime(r, FMT)
    return datetime.combine(datetime.strptime(r, "%Y%m%d").date(), start.time())


def expand(start, rule_text, exdates, lo, hi, cap, rdates=()):
    bound_dateutil(hi.year + 1)
    rule = rrulestr(for_dateutil(rule_text), dtstart=start)
    if rule._until is None or rule._until > hi:
        rule = rule.replace(until=hi)  # same occurrences up to `hi`, and finite
    ex_at = {datetime.strptime(e, FMT) for e in exdates if "T" in e}
    ex_day = {datetime.strptime(e, "%Y%m%d").date() for e in exdates if "T" not in e}
    rset = dateutil.rrule.rruleset()
    rset.rrule(rule)
    for r in rdates:
        rset.rdate(rdate_value(start, r))
    got = []
    for occ in rset:
        if occ in ex_at or occ.date() in ex_day or occ < lo:
            continue
        if occ > hi:
            break
        got.append(occ)
        if len(got) > cap:
            break
    return got[:cap], len(got) > cap


def main():
    rng = random.Random(20240917)
    rows = [(datetime.strptime(d if "T" in d else d + "T000000", FMT), r, e) for d, r, e in FIXED]
    for _ in range(1500):
        start = rand_dtstart(rng)
        rows.append((start, rand_rule(rng, start), ""))
    out = sys.stdout
    for i, (start, rule_text, ex) in enumerate(rows):
        exdates = [e for e in ex.split(",") if e]
        # Window: usually from DTSTART, sometimes from later (or earlier) on.
        shift = rng.choice([0, 0, 0, 0, 0, -40, 200, 1500, rng.randint(1, 4000)])
        lo = start + timedelta(days=shift)
        hi = start.replace(month=1, day=1, hour=0, minute=0, second=0) + timedelta(days=365 * 15)
        cap = rng.choice([40, 40, 40, 5, 1000])
        if i >= len(FIXED) and rng.random() < 0.35:
            # Exclude some real occurrences (by date-time or by date) and a miss.
            occs, _ = expand(start, rule_text, [], start, hi, 40)
            for occ in rng.sample(occs, min(len(occs), rng.randint(1, 3))):
                exdates.append(fmt(occ) if rng.random() < 0.6 else occ.strftime("%Y%m%d"))
            exdates.append(fmt(start + timedelta(days=rng.randint(1, 400), minutes=7)))
        rdates = []
        if i >= len(FIXED) and rng.random() < 0.2:
            # Extra dates: new ones, one that is an occurrence already, some before DTSTART.
            for _ in range(rng.randint(1, 4)):
                r = start + timedelta(days=rng.randint(-30, 900), hours=rng.choice([0, 0, 2, 5]))
                rdates.append(fmt(r) if rng.random() < 0.7 else r.strftime("%Y%m%d"))
            occs, _ = expand(start, rule_text, [], start, hi, 5)
            if occs:
                rdates.append(fmt(rng.choice(occs)))
            if exdates and rng.random() < 0.5:
                rdates.append(exdates[0])
        occs, truncated = expand(start, rule_text, exdates, lo, hi, cap, rdates)
        out.write("\t".join([
            fmt(start),
            rule_text,
            ",".join(exdates) or "-",
            fmt(lo),
            fmt(hi),
            str(cap),
            "1" if truncated else "0",
            ",".join(map(fmt, occs)) or "-",
            ",".join(rdates) or "-",
        ]) + "\n")


if __name__ == "__main__":
    main()
