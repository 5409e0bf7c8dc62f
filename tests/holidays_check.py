"""Independent data for the holiday cross-check (tests/holidays_cross.rs).

Prints, tab-separated, one line per fact:
  lunar  YYYY-MM-DD  LY  LM  LEAP  LD      every solar day 1990-01-01..2050-12-31 as a KASI lunar date
                                           (korean_lunar_calendar, KASI-based)
  kr     YYYY-MM-DD  NAME                   every day python `holidays` (KR, public, ko names) lists
                                           for 1990..2050, one line per name
With `--table`, prints instead the Rust table of src/holidays/lunar.rs (LUNAR_YEARS), generated
from korean_lunar_calendar: how that table was made, and how to make it again.
"""
import datetime
import sys

from korean_lunar_calendar import KoreanLunarCalendar

FIRST, LAST = 1990, 2050


def lunar_days(start, end):
    c = KoreanLunarCalendar()
    d = start
    while d <= end:
        c.setSolarDate(d.year, d.month, d.day)
        yield d, c.lunarYear, c.lunarMonth, bool(c.isIntercalation), c.lunarDay
        d += datetime.timedelta(days=1)


def table():
    # lunar years FIRST..LAST: their months in order (leap month after its month), lengths, new year
    years = {}
    for d, ly, lm, leap, ld in lunar_days(datetime.date(FIRST, 1, 1), datetime.date(LAST, 12, 31)):
        if not FIRST <= ly <= LAST:
            continue
        y = years.setdefault(ly, {"ny": None, "months": []})
        if lm == 1 and ld == 1 and not leap:
            y["ny"] = d
        if ld == 1:
            y["months"].append([lm, leap, 0])
        y["months"][-1][2] += 1
    print("pub(super) const LUNAR_YEARS: [u32; %d] = [" % (LAST - FIRST + 1))
    for ly in range(FIRST, LAST + 1):
        y = years[ly]
        months = y["months"]
        plain = [m[0] for m in months if not m[1]]
        # korean_lunar_calendar ends at lunar 2050-11-18: the last year's table stops at month 10
        if ly == LAST:
            while months[-1][0] > 10:
                months.pop()
            plain = [m[0] for m in months if not m[1]]
            assert plain == list(range(1, 11)), ly
        else:
            assert plain == list(range(1, 13)), ly
        leaps = [m[0] for m in months if m[1]]
        assert len(leaps) <= 1
        bits = 0
        for i, (_, _, n) in enumerate(months):
            assert n in (29, 30), (ly, months)
            if n == 30:
                bits |= 1 << i
        leap = leaps[0] if leaps else 0
        doy = (y["ny"] - datetime.date(ly, 1, 1)).days
        assert 0 <= doy < 64
        word = bits | (leap << 13) | (doy << 17)
        print("    0x%08x, // %d: new year %s, leap month %s" % (word, ly, y["ny"].isoformat(), leap or "-"))
    print("];")


def main():
    if sys.argv[1:] == ["--table"]:
        table()
        return
    import holidays

    out = sys.stdout
    for d, ly, lm, leap, ld in lunar_days(datetime.date(FIRST, 1, 1), datetime.date(LAST, 12, 31)):
        out.write("lunar\t%s\t%d\t%d\t%d\t%d\n" % (d.isoformat(), ly, lm, int(leap), ld))
    kr = holidays.KR(years=range(FIRST, LAST + 1), language="ko")
    for d in sorted(kr):
        for name in kr.get_list(d):
            out.write("kr\t%s\t%s\n" % (d.isoformat(), name))


if __name__ == "__main__":
    main()
