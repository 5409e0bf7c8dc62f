//! Error cases and edge behaviour of the recurrence engine.

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use cogov::recur::{format_local, parse_local, RecurError, RuleSet, RuleSpec, ValidRule, HARD_CAP};

fn err(rrule: &str) -> RecurError {
    ValidRule::parse(rrule, parse_local("20240102T100000").unwrap()).unwrap_err()
}

fn assert_err(rrule: &str, code: &str, message: &str) {
    let e = err(rrule);
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (code, message),
        "for {rrule}"
    );
}

fn iso(set: &RuleSet, n: usize) -> Vec<String> {
    set.first(n)
        .occurrences
        .into_iter()
        .map(format_local)
        .collect()
}

#[test]
fn unsupported_frequencies_are_named() {
    for f in ["HOURLY", "MINUTELY", "SECONDLY"] {
        assert_err(
            &format!("FREQ={f}"),
            "unsupported_part",
            &format!("unsupported rrule part FREQ={f}: use FREQ=DAILY with BYHOUR and BYMINUTE"),
        );
    }
}

#[test]
fn unsupported_time_parts_are_named() {
    assert_err(
        "FREQ=DAILY;BYSECOND=0",
        "unsupported_part",
        "unsupported rrule part BYSECOND=0: council rules use whole minutes",
    );
}

#[test]
fn time_and_year_parts_out_of_range_or_out_of_place_are_named() {
    for (rule, code, message) in [
        (
            "FREQ=DAILY;BYHOUR=24",
            "bad_value",
            "bad BYHOUR value 24: expected 0..=23",
        ),
        ("FREQ=DAILY;BYHOUR=-1", "bad_value", "bad BYHOUR value -1"),
        (
            "FREQ=DAILY;BYMINUTE=60",
            "bad_value",
            "bad BYMINUTE value 60: expected 0..=59",
        ),
        (
            "FREQ=DAILY;BYHOUR=9,",
            "bad_value",
            "empty item in BYHOUR=9,",
        ),
        (
            "FREQ=YEARLY;BYYEARDAY=0",
            "bad_value",
            "bad BYYEARDAY value 0: expected 1..=366 or -366..=-1",
        ),
        (
            "FREQ=YEARLY;BYYEARDAY=-367",
            "bad_value",
            "bad BYYEARDAY value -367: expected 1..=366 or -366..=-1",
        ),
        (
            "FREQ=YEARLY;BYWEEKNO=54",
            "bad_value",
            "bad BYWEEKNO value 54: expected 1..=53 or -53..=-1",
        ),
        (
            "FREQ=MONTHLY;BYYEARDAY=1",
            "bad_combination",
            "BYYEARDAY cannot be used with FREQ=MONTHLY: use FREQ=YEARLY",
        ),
        (
            "FREQ=WEEKLY;BYYEARDAY=1",
            "bad_combination",
            "BYYEARDAY cannot be used with FREQ=WEEKLY: use FREQ=YEARLY",
        ),
        (
            "FREQ=DAILY;BYYEARDAY=1",
            "bad_combination",
            "BYYEARDAY cannot be used with FREQ=DAILY: use FREQ=YEARLY",
        ),
        (
            "FREQ=MONTHLY;BYWEEKNO=1",
            "bad_combination",
            "BYWEEKNO cannot be used with FREQ=MONTHLY: use FREQ=YEARLY",
        ),
        (
            "FREQ=YEARLY;BYWEEKNO=1;BYDAY=1MO",
            "bad_combination",
            "BYDAY ordinal 1MO cannot be used with BYWEEKNO",
        ),
        (
            "FREQ=DAILY;BYHOUR=9;BYHOUR=10",
            "duplicate_part",
            "duplicate rrule part BYHOUR",
        ),
    ] {
        assert_err(rule, code, message);
    }
}

#[test]
fn unsupported_day_parts_are_named() {
    for part in ["BYEASTER=0", "BYEASTER=-2"] {
        let e = err(&format!("FREQ=YEARLY;{part}"));
        assert_eq!(e.code.as_str(), "unsupported_part");
        assert!(
            e.message
                .starts_with(&format!("unsupported rrule part {part}:")),
            "{e}"
        );
    }
}

#[test]
fn other_properties_are_rejected() {
    // RDATE is a property of its own: RuleSet::parse takes it beside the rule
    assert_eq!(err("RDATE:20240101").code, "unsupported_property");
    assert_eq!(
        err("EXRULE:FREQ=DAILY").message,
        "unsupported property EXRULE: only an rrule value is accepted"
    );
    assert_eq!(err("FREQ=DAILY;RDATE=20240101").code, "unsupported_part");
    assert_eq!(
        err("DTSTART:20240101\nRRULE:FREQ=DAILY").code,
        "unsupported_property"
    );
    assert_eq!(
        err("FREQ=DAILY;X-NAME=1").message,
        "unknown rrule part X-NAME=1"
    );
}

#[test]
fn empty_and_duplicate_parts_are_rejected() {
    assert_err("", "empty_rule", "empty rrule");
    assert_err("RRULE:", "empty_rule", "empty rrule");
    assert_err(
        "FREQ=DAILY;",
        "empty_part",
        "empty rrule part at position 2",
    );
    assert_err(
        "FREQ=DAILY;;COUNT=2",
        "empty_part",
        "empty rrule part at position 2",
    );
    assert_err(
        "FREQ=DAILY;COUNT=",
        "bad_value",
        "rrule part COUNT has an empty value",
    );
    assert_err(
        "FREQ=DAILY;COUNT",
        "bad_part",
        "rrule part COUNT has no '=' and value",
    );
    assert_err(
        "FREQ=DAILY;FREQ=WEEKLY",
        "duplicate_part",
        "duplicate rrule part FREQ",
    );
    assert_err(
        "FREQ=DAILY;BYMONTH=1;BYMONTH=2",
        "duplicate_part",
        "duplicate rrule part BYMONTH",
    );
    assert_err("COUNT=3", "missing_freq", "rrule COUNT=3 has no FREQ");
    assert_err(
        "FREQ=MONTHLY;BYMONTHDAY=1,,2",
        "bad_value",
        "empty item in BYMONTHDAY=1,,2",
    );
}

#[test]
fn bad_values_are_rejected() {
    assert_err(
        "FREQ=FORTNIGHTLY",
        "bad_value",
        "bad FREQ value FORTNIGHTLY: expected YEARLY, MONTHLY, WEEKLY or DAILY",
    );
    assert_err(
        "FREQ=YEARLY;BYMONTH=13",
        "bad_value",
        "bad BYMONTH value 13: expected 1..=12",
    );
    assert_err(
        "FREQ=YEARLY;BYMONTH=0",
        "bad_value",
        "bad BYMONTH value 0: expected 1..=12",
    );
    assert_err(
        "FREQ=YEARLY;BYMONTH=-1",
        "bad_value",
        "bad BYMONTH value -1",
    );
    assert_err(
        "FREQ=MONTHLY;BYMONTHDAY=0",
        "bad_value",
        "bad BYMONTHDAY value 0: expected 1..=31 or -31..=-1",
    );
    assert_err(
        "FREQ=MONTHLY;BYMONTHDAY=32",
        "bad_value",
        "bad BYMONTHDAY value 32: expected 1..=31 or -31..=-1",
    );
    assert_err(
        "FREQ=MONTHLY;BYMONTHDAY=-32",
        "bad_value",
        "bad BYMONTHDAY value -32: expected 1..=31 or -31..=-1",
    );
    assert_err(
        "FREQ=DAILY;INTERVAL=0",
        "bad_value",
        "bad INTERVAL value 0: expected 1..=1000",
    );
    assert_err(
        "FREQ=DAILY;INTERVAL=-2",
        "bad_value",
        "bad INTERVAL value -2",
    );
    assert_err(
        "FREQ=DAILY;INTERVAL=99999999999999999999",
        "bad_value",
        "bad INTERVAL value 99999999999999999999",
    );
    assert_err(
        "FREQ=DAILY;COUNT=0",
        "bad_value",
        "bad COUNT value 0: expected 1..=1000000",
    );
    assert_err("FREQ=DAILY;COUNT=1.5", "bad_value", "bad COUNT value 1.5");
    assert_err("FREQ=WEEKLY;BYDAY=XX", "bad_value", "bad BYDAY value XX");
    assert_err("FREQ=WEEKLY;BYDAY=M", "bad_value", "bad BYDAY value M");
    assert_err(
        "FREQ=MONTHLY;BYDAY=0MO",
        "bad_value",
        "bad BYDAY ordinal 0MO: expected 1..=5 or -5..=-1 within a month",
    );
    assert_err(
        "FREQ=MONTHLY;BYDAY=6MO",
        "bad_value",
        "bad BYDAY ordinal 6MO: expected 1..=5 or -5..=-1 within a month",
    );
    assert_err(
        "FREQ=YEARLY;BYDAY=54MO",
        "bad_value",
        "bad BYDAY ordinal 54MO: expected 1..=53 or -53..=-1 within a year",
    );
    assert_err(
        "FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=0",
        "bad_value",
        "bad BYSETPOS value 0: expected 1..=366 or -366..=-1",
    );
    assert_err(
        "FREQ=MONTHLY;BYDAY=1MO;BYSETPOS=367",
        "bad_value",
        "bad BYSETPOS value 367: expected 1..=366 or -366..=-1",
    );
    assert_err(
        "FREQ=WEEKLY;WKST=XY",
        "bad_value",
        "bad weekday XY: expected MO, TU, WE, TH, FR, SA or SU",
    );
    assert_err(
        "FREQ=DAILY;UNTIL=20240230",
        "bad_value",
        "bad UNTIL value 20240230: no such date",
    );
    assert_err(
        "FREQ=DAILY;UNTIL=2024",
        "bad_value",
        "bad UNTIL value 2024: expected YYYYMMDD or YYYYMMDDTHHMMSS",
    );
    assert_err(
        "FREQ=DAILY;UNTIL=20240101T250000",
        "bad_value",
        "bad UNTIL value 20240101T250000: no such time",
    );
    assert_err(
        "FREQ=DAILY;UNTIL=23000101",
        "out_of_range",
        "bad UNTIL value 23000101: year 2300 is outside 1900..=2200",
    );
}

#[test]
fn count_and_until_together_is_an_error() {
    assert_err(
        "FREQ=DAILY;COUNT=3;UNTIL=20240201",
        "count_and_until",
        "rrule has both COUNT and UNTIL: use one of them",
    );
}

#[test]
fn rfc_forbidden_combinations_are_errors() {
    assert_err(
        "FREQ=WEEKLY;BYDAY=2TU",
        "bad_combination",
        "BYDAY ordinal 2TU is only valid with FREQ=MONTHLY or YEARLY",
    );
    assert_err(
        "FREQ=DAILY;BYDAY=-1FR",
        "bad_combination",
        "BYDAY ordinal -1FR is only valid with FREQ=MONTHLY or YEARLY",
    );
    assert_err(
        "FREQ=WEEKLY;BYMONTHDAY=1",
        "bad_combination",
        "BYMONTHDAY cannot be used with FREQ=WEEKLY",
    );
}

#[test]
fn dtstart_years_are_bounded() {
    for start in ["18991231T000000", "22010101T000000"] {
        let dt = chrono::NaiveDateTime::parse_from_str(start, "%Y%m%dT%H%M%S").unwrap();
        let e = ValidRule::parse("FREQ=DAILY", dt).unwrap_err();
        assert_eq!(e.code.as_str(), "out_of_range", "{e}");
    }
    let e = parse_local("21991231T230000Z").unwrap();
    assert_eq!(format_local(e), "2200-01-01T08:00:00");
    assert_eq!(
        parse_local("22001231T200000Z").unwrap_err().code,
        "out_of_range"
    );
}

#[test]
fn exdate_errors() {
    let start = parse_local("20240101").unwrap();
    assert_eq!(
        RuleSet::parse(start, "FREQ=DAILY", "2024-13-01")
            .unwrap_err()
            .code,
        "bad_value"
    );
    assert_eq!(
        RuleSet::parse(
            start,
            "FREQ=DAILY",
            "EXDATE;TZID=America/New_York:20240101T090000"
        )
        .unwrap_err()
        .code,
        "unsupported_property"
    );
    assert!(RuleSet::parse(
        start,
        "FREQ=DAILY",
        "EXDATE;VALUE=DATE:20240101,20240102\nEXDATE:20240105T000000"
    )
    .is_ok());
}

#[test]
fn prefix_case_and_plus_sign_are_accepted() {
    let spec = RuleSpec::parse(" rrule:freq=monthly;byday=+2tu,-1fr;wkst=su ").unwrap();
    assert_eq!(spec.to_string(), "FREQ=MONTHLY;BYDAY=2TU,-1FR;WKST=SU");
    let spec: RuleSpec = "FREQ=DAILY;UNTIL=20240101T000000Z".parse().unwrap();
    assert_eq!(spec.to_string(), "FREQ=DAILY;UNTIL=20240101T090000");
}

#[test]
fn utc_until_converts_to_kst() {
    // 01:00Z is 10:00 KST, so the 10:00 session of Jan 5 is the last one.
    let set = RuleSet::parse(
        parse_local("20240101T100000").unwrap(),
        "FREQ=DAILY;UNTIL=20240105T010000Z",
        "",
    )
    .unwrap();
    assert_eq!(iso(&set, 10).last().unwrap(), "2024-01-05T10:00:00");
    let set = RuleSet::parse(
        parse_local("20240101T100000").unwrap(),
        "FREQ=DAILY;UNTIL=20240105T005959Z",
        "",
    )
    .unwrap();
    assert_eq!(iso(&set, 10).last().unwrap(), "2024-01-04T10:00:00");
}

#[test]
fn date_until_is_midnight_like_dateutil() {
    let set = RuleSet::parse(
        parse_local("20240101T100000").unwrap(),
        "FREQ=DAILY;UNTIL=20240105",
        "",
    )
    .unwrap();
    assert_eq!(iso(&set, 10).last().unwrap(), "2024-01-04T10:00:00");
    let all_day = RuleSet::parse(
        parse_local("20240101").unwrap(),
        "FREQ=DAILY;UNTIL=20240105",
        "",
    )
    .unwrap();
    assert_eq!(iso(&all_day, 10).last().unwrap(), "2024-01-05T00:00:00");
}

#[test]
fn dtstart_that_does_not_match_is_not_an_occurrence() {
    // 2024-01-03 is a Wednesday.
    let set = RuleSet::parse(
        parse_local("20240103T140000").unwrap(),
        "FREQ=MONTHLY;BYDAY=2TU;COUNT=2",
        "",
    )
    .unwrap();
    assert_eq!(iso(&set, 5), ["2024-01-09T14:00:00", "2024-02-13T14:00:00"]);
}

#[test]
fn mixed_plain_and_ordinal_byday_is_a_union() {
    // Every Monday and the 2nd Tuesday (RFC 5545; dateutil would intersect).
    let set = RuleSet::parse(
        parse_local("20240101T100000").unwrap(),
        "FREQ=MONTHLY;BYDAY=MO,2TU;COUNT=6",
        "",
    )
    .unwrap();
    assert_eq!(
        iso(&set, 10),
        [
            "2024-01-01T10:00:00",
            "2024-01-08T10:00:00",
            "2024-01-09T10:00:00",
            "2024-01-15T10:00:00",
            "2024-01-22T10:00:00",
            "2024-01-29T10:00:00"
        ]
    );
}

#[test]
fn count_applies_before_exdates() {
    let set = RuleSet::parse(
        parse_local("20240101T100000").unwrap(),
        "FREQ=DAILY;COUNT=3",
        "20240102T100000",
    )
    .unwrap();
    assert_eq!(
        iso(&set, 10),
        ["2024-01-01T10:00:00", "2024-01-03T10:00:00"]
    );
}

#[test]
fn date_exdate_removes_the_whole_day_and_date_time_only_the_instant() {
    let start = parse_local("20240101T100000").unwrap();
    let set = RuleSet::parse(start, "FREQ=DAILY;COUNT=4", "20240102,20240103T090000").unwrap();
    assert_eq!(
        iso(&set, 10),
        [
            "2024-01-01T10:00:00",
            "2024-01-03T10:00:00",
            "2024-01-04T10:00:00"
        ]
    );
}

#[test]
fn rules_that_never_match_finish_quickly() {
    let start = parse_local("19000101").unwrap();
    for rule in [
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
        "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31",
        "FREQ=WEEKLY;BYMONTH=2;BYDAY=MO;BYSETPOS=9",
        "FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=6;COUNT=5",
    ] {
        let set = RuleSet::parse(start, rule, "").unwrap();
        let got = set.after(start, 10);
        assert!(got.occurrences.is_empty() && !got.truncated, "{rule}");
        assert_eq!(set.iter().count(), 0);
    }
}

#[test]
fn expansion_is_capped_and_ends_at_max_year() {
    let start = parse_local("19000101").unwrap();
    let set = RuleSet::parse(start, "FREQ=DAILY", "").unwrap();
    let got = set.first(usize::MAX);
    assert_eq!(got.occurrences.len(), HARD_CAP);
    assert!(got.truncated);
    let end = set.after(parse_local("22001230").unwrap(), 10);
    assert_eq!(end.occurrences.len(), 2);
    assert!(!end.truncated);
    assert_eq!(format_local(end.occurrences[1]), "2200-12-31T00:00:00");
}

#[test]
fn windows_are_inclusive_and_skip_ahead_correctly() {
    let start = parse_local("20000103T100000").unwrap();
    let set = RuleSet::parse(start, "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;WKST=SU", "").unwrap();
    let from = parse_local("20240101T100000").unwrap();
    let to = parse_local("20240301T100000").unwrap();
    let fast = set.between(from, to, 100).occurrences;
    let slow: Vec<_> = set.iter().filter(|d| *d >= from && *d <= to).collect();
    assert_eq!(fast, slow);
    assert!(!fast.is_empty());
    assert!(set.between(to, from, 100).occurrences.is_empty());
    let zero = set.between(from, to, 0);
    assert!(zero.occurrences.is_empty() && zero.truncated);
}

/// Every minute of every day for 300 years (157 million date-times): each query is cut by the
/// cap or the budget, says so, and stays fast; windows late in the range start there.
#[test]
fn every_minute_for_300_years_is_bounded_and_says_truncated() {
    use cogov::recur::{Budget, QUERY_STEPS};
    use std::time::Instant;
    let hours: Vec<String> = (0..24).map(|h| h.to_string()).collect();
    let minutes: Vec<String> = (0..60).map(|m| m.to_string()).collect();
    let text = format!(
        "FREQ=DAILY;BYHOUR={};BYMINUTE={}",
        hours.join(","),
        minutes.join(",")
    );
    let d = |s| parse_local(s).unwrap();
    let t0 = Instant::now();
    for suffix in [
        "",
        ";COUNT=1000000",
        ";BYSETPOS=1,-1,300",
        ";UNTIL=22001231T235959",
    ] {
        let rule = ValidRule::parse(&format!("{text}{suffix}"), d("19000101")).unwrap();
        let first = rule.first(usize::MAX);
        assert_eq!(first.occurrences.len(), HARD_CAP, "{suffix}");
        assert!(first.truncated && !first.horizon, "{suffix}");
        let budget = Budget::new(QUERY_STEPS);
        let all = rule.between_within(d("19000101"), d("22001231T235959"), HARD_CAP, &budget);
        assert!(all.truncated, "{suffix}");
        assert!(budget.used() <= QUERY_STEPS, "{suffix}");
        let small = Budget::new(5_000);
        let cut = rule.between_within(d("19000101"), d("22001231T235959"), HARD_CAP, &small);
        assert!(
            cut.truncated && cut.occurrences.len() < 5_000 && small.exhausted(),
            "{suffix}"
        );
        // a late window starts there: the minutes before it are skipped (COUNT's counted by
        // months), not produced; COUNT=1000000 ends in 1901
        let (day, end) = if suffix == ";COUNT=1000000" {
            ("19010601", "19010601T000959")
        } else {
            ("21500301", "21500301T000959")
        };
        let late = Budget::new(QUERY_STEPS);
        let got = rule.between_within(d(day), d(end), 100, &late);
        let want = if suffix == ";BYSETPOS=1,-1,300" {
            1
        } else {
            10
        };
        assert_eq!(got.occurrences.len(), want, "{suffix}");
        assert_eq!(got.occurrences[0], d(day), "{suffix}");
        assert!(late.used() < 20_000, "{suffix}: {} steps", late.used());
    }
    assert!(t0.elapsed().as_secs() < 20, "took {:?}", t0.elapsed());
}

#[test]
fn an_unbounded_rule_says_it_reached_the_2200_horizon() {
    let d = |s| parse_local(s).unwrap();
    let rule = ValidRule::parse("FREQ=YEARLY;BYHOUR=9,14", d("21990101")).unwrap();
    let all = rule.first(1000);
    assert_eq!(all.occurrences.len(), 4);
    assert!(all.horizon && !all.truncated);
    // a window ending before the last day, a rule that ends, or a cut: no horizon
    assert!(!rule.between(d("21990101"), d("22001230"), 100).horizon);
    assert!(
        !ValidRule::parse("FREQ=YEARLY;COUNT=2", d("21990101"))
            .unwrap()
            .first(9)
            .horizon
    );
    assert!(!rule.first(2).horizon);
    let set = RuleSet::parse(d("21990101"), "FREQ=DAILY", "RDATE:20240101").unwrap();
    let after = set.after(d("22001231"), 5);
    assert_eq!(after.occurrences, [d("22001231")]);
    assert!(after.horizon);
}
