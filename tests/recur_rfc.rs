//! RFC 5545 section 3.8.5.3 recurrence examples that fall within the supported
//! subset, one test each. The RFC's `TZID=America/New_York` start times are used as
//! naive local times; its `UNTIL=...Z` values are written as the same local wall
//! time (DST does not matter for naive local, and a `Z` here would mean UTC → KST).

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use chrono::Duration;
use cogov::recur::{format_local, parse_local, RuleSet};

/// Expands `rrule` from `dtstart` (`YYYYMMDDTHHMMSS`) and asserts the complete
/// result. `expected` is a whitespace-separated list of `YYYY-MM-DD` (at the
/// start's time of day) or full `YYYY-MM-DDTHH:MM:SS` values.
fn check(dtstart: &str, rrule: &str, expected: &str) {
    check_with(dtstart, rrule, "", expected, false);
}

/// Like [`check`] for rules that go on forever: asserts the first occurrences.
fn check_forever(dtstart: &str, rrule: &str, expected: &str) {
    check_with(dtstart, rrule, "", expected, true);
}

fn check_with(dtstart: &str, rrule: &str, exdates: &str, expected: &str, forever: bool) {
    let start = parse_local(dtstart).unwrap();
    let time = &format_local(start)[10..];
    let want: Vec<String> = expected
        .split_whitespace()
        .map(|e| {
            if e.len() == 10 {
                format!("{e}{time}")
            } else {
                e.to_string()
            }
        })
        .collect();
    let set = RuleSet::parse(start, rrule, exdates).unwrap();
    let limit = if forever {
        want.len()
    } else {
        cogov::recur::HARD_CAP
    };
    let got = set.first(limit);
    let got_iso: Vec<String> = got.occurrences.iter().map(|d| format_local(*d)).collect();
    assert_eq!(got_iso, want, "DTSTART:{dtstart} RRULE:{rrule}");
    assert_eq!(got.truncated, forever, "truncated flag for RRULE:{rrule}");
}

/// Every `step` days from `first` to `last` inclusive, as `YYYY-MM-DD`.
fn every_day(first: &str, last: &str, step: i64) -> Vec<String> {
    let mut d = parse_local(first).unwrap();
    let end = parse_local(last).unwrap();
    let mut out = Vec::new();
    while d <= end {
        out.push(format_local(d)[..10].to_string());
        d += Duration::days(step);
    }
    out
}

fn joined(v: &[String]) -> String {
    v.join(" ")
}

#[test]
fn daily_for_10_occurrences() {
    check(
        "19970902T090000",
        "RRULE:FREQ=DAILY;COUNT=10",
        &joined(&every_day("19970902", "19970911", 1)),
    );
}

#[test]
fn daily_until_december_24_1997() {
    let days = every_day("19970902", "19971223", 1);
    assert_eq!(days.len(), 113);
    check(
        "19970902T090000",
        "RRULE:FREQ=DAILY;UNTIL=19971224T000000",
        &joined(&days),
    );
}

#[test]
fn every_other_day_forever() {
    check_forever(
        "19970902T090000",
        "RRULE:FREQ=DAILY;INTERVAL=2",
        &joined(&every_day("19970902", "19971230", 2)),
    );
}

#[test]
fn every_10_days_5_occurrences() {
    check(
        "19970902T090000",
        "RRULE:FREQ=DAILY;INTERVAL=10;COUNT=5",
        "1997-09-02 1997-09-12 1997-09-22 1997-10-02 1997-10-12",
    );
}

fn every_day_in_january_for_3_years() -> Vec<String> {
    let mut v = every_day("19980101", "19980131", 1);
    v.extend(every_day("19990101", "19990131", 1));
    v.extend(every_day("20000101", "20000131", 1));
    v
}

#[test]
fn every_day_in_january_for_3_years_yearly() {
    check(
        "19980101T090000",
        "RRULE:FREQ=YEARLY;UNTIL=20000131T090000;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
        &joined(&every_day_in_january_for_3_years()),
    );
}

#[test]
fn every_day_in_january_for_3_years_daily() {
    check(
        "19980101T090000",
        "RRULE:FREQ=DAILY;UNTIL=20000131T090000;BYMONTH=1",
        &joined(&every_day_in_january_for_3_years()),
    );
}

#[test]
fn weekly_for_10_occurrences() {
    check(
        "19970902T090000",
        "RRULE:FREQ=WEEKLY;COUNT=10",
        &joined(&every_day("19970902", "19971104", 7)),
    );
}

#[test]
fn weekly_until_december_24_1997() {
    let days = every_day("19970902", "19971223", 7);
    assert_eq!(days.len(), 17);
    check(
        "19970902T090000",
        "RRULE:FREQ=WEEKLY;UNTIL=19971224T000000",
        &joined(&days),
    );
}

#[test]
fn every_other_week_forever() {
    check_forever(
        "19970902T090000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;WKST=SU",
        &joined(&every_day("19970902", "19980217", 14)),
    );
}

const TUESDAY_AND_THURSDAY_FIVE_WEEKS: &str = "1997-09-02 1997-09-04 1997-09-09 1997-09-11 1997-09-16 1997-09-18 1997-09-23 1997-09-25 1997-09-30 1997-10-02";

#[test]
fn weekly_on_tuesday_and_thursday_for_five_weeks_until() {
    check(
        "19970902T090000",
        "RRULE:FREQ=WEEKLY;UNTIL=19971007T000000;WKST=SU;BYDAY=TU,TH",
        TUESDAY_AND_THURSDAY_FIVE_WEEKS,
    );
}

#[test]
fn weekly_on_tuesday_and_thursday_for_five_weeks_count() {
    check(
        "19970902T090000",
        "RRULE:FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH",
        TUESDAY_AND_THURSDAY_FIVE_WEEKS,
    );
}

#[test]
fn every_other_week_on_monday_wednesday_and_friday_until_december_24_1997() {
    check(
        "19970901T090000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000;WKST=SU;BYDAY=MO,WE,FR",
        "1997-09-01 1997-09-03 1997-09-05 1997-09-15 1997-09-17 1997-09-19 1997-09-29 1997-10-01 1997-10-03 1997-10-13 1997-10-15 1997-10-17 1997-10-27 1997-10-29 1997-10-31 1997-11-10 1997-11-12 1997-11-14 1997-11-24 1997-11-26 1997-11-28 1997-12-08 1997-12-10 1997-12-12 1997-12-22",
    );
}

#[test]
fn every_other_week_on_tuesday_and_thursday_for_8_occurrences() {
    check(
        "19970902T090000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
        "1997-09-02 1997-09-04 1997-09-16 1997-09-18 1997-09-30 1997-10-02 1997-10-14 1997-10-16",
    );
}

#[test]
fn monthly_on_the_first_friday_for_10_occurrences() {
    check(
        "19970905T090000",
        "RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
        "1997-09-05 1997-10-03 1997-11-07 1997-12-05 1998-01-02 1998-02-06 1998-03-06 1998-04-03 1998-05-01 1998-06-05",
    );
}

#[test]
fn monthly_on_the_first_friday_until_december_24_1997() {
    check(
        "19970905T090000",
        "RRULE:FREQ=MONTHLY;UNTIL=19971224T000000;BYDAY=1FR",
        "1997-09-05 1997-10-03 1997-11-07 1997-12-05",
    );
}

#[test]
fn every_other_month_on_the_first_and_last_sunday_for_10_occurrences() {
    check(
        "19970907T090000",
        "RRULE:FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
        "1997-09-07 1997-09-28 1997-11-02 1997-11-30 1998-01-04 1998-01-25 1998-03-01 1998-03-29 1998-05-03 1998-05-31",
    );
}

#[test]
fn monthly_on_the_second_to_last_monday_for_6_months() {
    check(
        "19970922T090000",
        "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
        "1997-09-22 1997-10-20 1997-11-17 1997-12-22 1998-01-19 1998-02-16",
    );
}

#[test]
fn monthly_on_the_third_to_the_last_day_forever() {
    check_forever(
        "19970928T090000",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=-3",
        "1997-09-28 1997-10-29 1997-11-28 1997-12-29 1998-01-29 1998-02-26",
    );
}

#[test]
fn monthly_on_the_2nd_and_15th_for_10_occurrences() {
    check(
        "19970902T090000",
        "RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
        "1997-09-02 1997-09-15 1997-10-02 1997-10-15 1997-11-02 1997-11-15 1997-12-02 1997-12-15 1998-01-02 1998-01-15",
    );
}

#[test]
fn monthly_on_the_first_and_last_day_for_10_occurrences() {
    check(
        "19970930T090000",
        "RRULE:FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
        "1997-09-30 1997-10-01 1997-10-31 1997-11-01 1997-11-30 1997-12-01 1997-12-31 1998-01-01 1998-01-31 1998-02-01",
    );
}

#[test]
fn every_18_months_on_the_10th_thru_15th_for_10_occurrences() {
    check(
        "19970910T090000",
        "RRULE:FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
        "1997-09-10 1997-09-11 1997-09-12 1997-09-13 1997-09-14 1997-09-15 1999-03-10 1999-03-11 1999-03-12 1999-03-13",
    );
}

#[test]
fn every_tuesday_every_other_month() {
    check_forever(
        "19970902T090000",
        "RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
        "1997-09-02 1997-09-09 1997-09-16 1997-09-23 1997-09-30 1997-11-04 1997-11-11 1997-11-18 1997-11-25 1998-01-06 1998-01-13 1998-01-20 1998-01-27 1998-03-03 1998-03-10 1998-03-17 1998-03-24 1998-03-31",
    );
}

#[test]
fn yearly_in_june_and_july_for_10_occurrences() {
    check(
        "19970610T090000",
        "RRULE:FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
        "1997-06-10 1997-07-10 1998-06-10 1998-07-10 1999-06-10 1999-07-10 2000-06-10 2000-07-10 2001-06-10 2001-07-10",
    );
}

#[test]
fn every_other_year_on_january_february_and_march_for_10_occurrences() {
    check(
        "19970310T090000",
        "RRULE:FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
        "1997-03-10 1999-01-10 1999-02-10 1999-03-10 2001-01-10 2001-02-10 2001-03-10 2003-01-10 2003-02-10 2003-03-10",
    );
}

#[test]
fn every_20th_monday_of_the_year_forever() {
    check_forever(
        "19970519T090000",
        "RRULE:FREQ=YEARLY;BYDAY=20MO",
        "1997-05-19 1998-05-18 1999-05-17",
    );
}

#[test]
fn every_thursday_in_march_forever() {
    check_forever(
        "19970313T090000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
        "1997-03-13 1997-03-20 1997-03-27 1998-03-05 1998-03-12 1998-03-19 1998-03-26 1999-03-04 1999-03-11 1999-03-18 1999-03-25",
    );
}

#[test]
fn every_thursday_but_only_during_june_july_and_august_forever() {
    check_forever(
        "19970605T090000",
        "RRULE:FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
        "1997-06-05 1997-06-12 1997-06-19 1997-06-26 1997-07-03 1997-07-10 1997-07-17 1997-07-24 1997-07-31 1997-08-07 1997-08-14 1997-08-21 1997-08-28 1998-06-04 1998-06-11 1998-06-18 1998-06-25 1998-07-02 1998-07-09 1998-07-16 1998-07-23 1998-07-30 1998-08-06 1998-08-13 1998-08-20 1998-08-27 1999-06-03 1999-06-10 1999-06-17 1999-06-24 1999-07-01 1999-07-08 1999-07-15 1999-07-22 1999-07-29 1999-08-05 1999-08-12 1999-08-19 1999-08-26",
    );
}

#[test]
fn every_friday_the_13th_forever() {
    // The RFC lists DTSTART in EXDATE because RFC 5545 always counts DTSTART;
    // dateutil (and this engine) only yields DTSTART when it matches.
    let want = "1998-02-13 1998-03-13 1998-11-13 1999-08-13 2000-10-13";
    let rule = "RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13";
    check_forever("19970902T090000", rule, want);
    check_with(
        "19970902T090000",
        rule,
        "EXDATE:19970902T090000",
        want,
        true,
    );
}

#[test]
fn the_first_saturday_that_follows_the_first_sunday_of_the_month_forever() {
    check_forever(
        "19970913T090000",
        "RRULE:FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
        "1997-09-13 1997-10-11 1997-11-08 1997-12-13 1998-01-10 1998-02-07 1998-03-07 1998-04-11 1998-05-09 1998-06-13",
    );
}

#[test]
fn every_4_years_the_first_tuesday_after_a_monday_in_november_forever() {
    check_forever(
        "19961105T090000",
        "RRULE:FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
        "1996-11-05 2000-11-07 2004-11-02",
    );
}

#[test]
fn the_third_instance_of_tuesday_wednesday_or_thursday_for_the_next_3_months() {
    check(
        "19970904T090000",
        "RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3",
        "1997-09-04 1997-10-07 1997-11-06",
    );
}

#[test]
fn the_second_to_last_weekday_of_the_month() {
    check_forever(
        "19970929T090000",
        "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
        "1997-09-29 1997-10-30 1997-11-27 1997-12-30 1998-01-29 1998-02-26 1998-03-30",
    );
}

#[test]
fn wkst_makes_a_difference_with_wkst_monday() {
    check(
        "19970805T090000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
        "1997-08-05 1997-08-10 1997-08-19 1997-08-24",
    );
}

#[test]
fn wkst_makes_a_difference_with_wkst_sunday() {
    check(
        "19970805T090000",
        "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
        "1997-08-05 1997-08-17 1997-08-19 1997-08-31",
    );
}

#[test]
fn an_invalid_date_february_30_is_ignored() {
    check(
        "20070115T090000",
        "RRULE:FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
        "2007-01-15 2007-01-30 2007-02-15 2007-03-15 2007-03-30",
    );
}
