//! `cogov sessions`, `cogov ics` and `cogov expand` over the default feed.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]
#![cfg(not(target_arch = "wasm32"))]

use cogov::cli::{run, Output};

const FEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/feed.json");

fn cli(args: &[&str]) -> Output {
    run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap()
}

#[test]
fn sessions_prints_one_json_object_per_line() {
    let out = cli(&[
        "sessions",
        FEED,
        "--from",
        "2025-07-01",
        "--to",
        "2025-07-31",
        "--body",
        "ga-general-assembly",
        "--now",
        "2026-01-01T00:00",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "{\"id\":\"ga-regular-2025\",\"body\":\"ga-general-assembly\",\"start\":\"2025-07-11T14:00\",\"end\":null,\"status\":\"postponed\",\"past\":false,\"number\":null,\"heading\":\"2025년 정기총회 (연기)\"}\n"
    );
    let array = cli(&[
        "sessions",
        FEED,
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--json",
        "--lang",
        "en",
    ]);
    let v: serde_json::Value = serde_json::from_str(&array.stdout).unwrap();
    // 12, and the Working-level Council before the special General Assembly of 2025-09 (it follows the body)
    assert_eq!(v.as_array().unwrap().len(), 13);
    assert!(run(&[
        "sessions".into(),
        FEED.into(),
        "--from".into(),
        "2025-01-01".into()
    ])
    .is_err());
}

#[test]
fn ics_for_a_body_uses_the_given_now() {
    let out = cli(&[
        "ics",
        FEED,
        "--body",
        "four-associations-council",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--now",
        "2026-01-01T00:00:00Z",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.matches("BEGIN:VEVENT").count(), 4);
    // the cancellation (session four-assoc-2024-09) keeps the UID of the occurrence it replaces
    assert!(out
        .stdout
        .contains("\r\nUID:four-assoc-quarterly@2024-09-18@gaok\r\n"));
    assert!(!out.stdout.contains("\r\nUID:four-assoc-2024-09@gaok\r\n"));
    assert!(out.stdout.contains("\r\nSTATUS:CANCELLED\r\n"));
    assert!(out.stdout.contains("\r\nDTSTAMP:20260101T000000Z\r\n"));
}

#[test]
fn expand_prints_local_date_times() {
    let out = cli(&[
        "expand",
        "--dtstart",
        "2024-09-02T14:00",
        "--rrule",
        "FREQ=MONTHLY;BYDAY=1MO;COUNT=3",
        "--exdate",
        "2024-10-07",
    ]);
    assert_eq!(out.stdout, "2024-09-02T14:00:00\n2024-11-04T14:00:00\n");
    let bad = cli(&[
        "expand",
        "--dtstart",
        "20240902T140000",
        "--rrule",
        "FREQ=DAILY;BYSECOND=9",
    ]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("unsupported rrule part BYSECOND=9"));
    let cut = cli(&[
        "expand",
        "--dtstart",
        "2024-09-02",
        "--rrule",
        "FREQ=DAILY",
        "--limit",
        "2",
    ]);
    assert_eq!(cut.stdout.lines().count(), 2);
    assert!(cut.stderr.contains("more occurrences follow"));
}

#[test]
fn expand_says_when_the_2200_horizon_cut_a_rule() {
    let args = [
        "expand",
        "--dtstart",
        "2100-01-01",
        "--rrule",
        "FREQ=YEARLY",
    ];
    let out = cli(&[&args[..], &["--limit", "1000"]].concat());
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), 101);
    assert_eq!(out.stdout.lines().last(), Some("2200-01-01T00:00:00"));
    assert!(
        out.stderr.contains("the rule continues past 2200"),
        "{}",
        out.stderr
    );
    // a rule that ends by itself, or a cut by the limit, says nothing of the horizon
    let counted = cli(&[
        "expand",
        "--dtstart",
        "2100-01-01",
        "--rrule",
        "FREQ=YEARLY;COUNT=101",
        "--limit",
        "1000",
    ]);
    assert_eq!(counted.stdout.lines().count(), 101);
    assert_eq!(counted.stderr, "");
    let cut = cli(&[&args[..], &["--limit", "5"]].concat());
    assert!(cut.stderr.contains("more occurrences follow") && !cut.stderr.contains("2200"));
}

#[test]
fn expand_adds_rdates() {
    let out = cli(&[
        "expand",
        "--dtstart",
        "2024-01-01T10:00",
        "--rrule",
        "FREQ=DAILY;COUNT=2",
        "--rdate",
        "2024-01-05,20240103T150000,2024-01-02T10:00",
        "--exdate",
        "2024-01-01",
    ]);
    assert_eq!(
        out.stdout,
        "2024-01-02T10:00:00\n2024-01-03T15:00:00\n2024-01-05T10:00:00\n"
    );
    let bad = cli(&[
        "expand",
        "--dtstart",
        "2024-01-01",
        "--rrule",
        "FREQ=DAILY",
        "--rdate",
        "2024-02-30",
    ]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("bad RDATE"), "{}", bad.stderr);
}

#[test]
fn each_command_needs_only_the_parts_it_shows() {
    // a broken proposal: `structure` and `sessions` work, `proposals` and `validate` fail
    let text = std::fs::read_to_string(FEED).unwrap().replacen(
        r#""proposals": ["#,
        r#""proposals": [{"id": 5},"#,
        1,
    );
    let path = std::env::temp_dir().join(format!("cogov-parts-{}.json", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(cli(&["structure", p]).code, 0);
    let sessions = cli(&["sessions", p, "--from", "2025-07-01", "--to", "2025-07-31"]);
    assert_eq!(sessions.code, 0, "{}", sessions.stderr);
    let proposals = cli(&["proposals", p]);
    assert_eq!(proposals.code, 1);
    assert!(
        proposals.stderr.starts_with("error: proposals[0].id: "),
        "{}",
        proposals.stderr
    );
    assert_eq!(cli(&["validate", p]).code, 1);
    std::fs::remove_file(&path).unwrap();
}

/// A feed with a numbered yearly series (July, second Friday, 14:00-16:00), written to a file.
fn numbered_feed(tag: &str) -> std::path::PathBuf {
    let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
      "bodies": [{"id": "ga", "kind": "general_assembly", "name": {"ko": "총회", "en": "General Assembly"}}],
      "series": [{"id": "ga-regular", "body": "ga", "kind": "regular",
        "title": {"ko": "정기총회", "en": "Regular General Assembly"}, "numbering": {"first": 1},
        "rules": [{"dtstart": "2024-07-12T14:00", "rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR",
          "duration_minutes": 120}]}]}"#;
    let path = std::env::temp_dir().join(format!("cogov-{tag}-{}.json", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn sessions_say_which_are_past_as_of_now_and_number_them_as_readers_do() {
    let path = numbered_feed("past");
    let feed = path.to_str().unwrap();
    let args = [
        "sessions",
        feed,
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ];
    let rows = |extra: &[&str]| cli(&[&args[..], extra].concat());
    // 2026-07-10 14:00-16:00: under way at 15:00, past at 16:01 (the Korean wall clock)
    let during = rows(&["--now", "2026-07-10T15:00"]);
    assert_eq!(during.code, 0, "{}", during.stderr);
    assert!(
        during.stdout.contains(
            "\"status\":\"scheduled\",\"past\":false,\"number\":3,\"heading\":\"제3차 정기총회\""
        ),
        "{}",
        during.stdout
    );
    let after = rows(&["--now", "2026-07-10T16:01", "--lang", "en"]);
    assert!(after.stdout.contains("\"status\":\"scheduled\",\"past\":true,\"number\":3,\"heading\":\"3rd Regular General Assembly\""), "{}", after.stdout);
    // a date is its midnight; `Z` a UTC time (07:01Z is 16:01 in Korea)
    assert!(rows(&["--now", "2026-07-10"])
        .stdout
        .contains("\"past\":false"));
    assert!(rows(&["--now", "2026-07-11"])
        .stdout
        .contains("\"past\":true"));
    assert!(rows(&["--now", "2026-07-10T07:01Z"])
        .stdout
        .contains("\"past\":true"));
    assert!(rows(&["--now", "2026-07-10T06:59Z"])
        .stdout
        .contains("\"past\":false"));
    // --json: the views, with past and the heading
    let json = rows(&["--now", "2026-07-10T16:01", "--json", "--lang", "en"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v[0]["past"], true);
    assert_eq!(v[0]["status"], "scheduled");
    assert_eq!(v[0]["heading"], "3rd Regular General Assembly");
    assert_eq!(v[0]["ordinal"], "3rd");
    // a bad clock is an error naming --now
    let bad = run(&[&args[..], &["--now", "2026-07-32T10:00"]]
        .concat()
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>());
    assert!(
        bad.as_ref().is_err_and(|e| e.starts_with("--now: ")),
        "{bad:?}"
    );
    // without --now, the system clock: a session of 2024 is past
    let old = cli(&[
        "sessions",
        feed,
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
    ]);
    assert!(old.stdout.contains("\"past\":true"), "{}", old.stdout);
    // the .ics SUMMARY reads the same, in either language, and never says scheduled or past
    let ics = cli(&[
        "ics",
        feed,
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--lang",
        "en",
        "--now",
        "2027-01-01T00:00:00Z",
    ]);
    let text = ics.stdout.replace("\r\n ", "");
    assert!(
        text.contains("\r\nSUMMARY:3rd Regular General Assembly\r\n"),
        "{text}"
    );
    assert!(
        !text.contains("Scheduled") && !text.contains("Past"),
        "{text}"
    );
    let ko = cli(&[
        "ics",
        feed,
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
        "--now",
        "2027-01-01T00:00:00Z",
    ]);
    let text = ko.stdout.replace("\r\n ", "");
    assert!(text.contains("\r\nSUMMARY:제3차 정기총회\r\n"), "{text}");
    assert!(
        !text.contains("예정") && !text.contains("지난 회의"),
        "{text}"
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_window_reaching_past_2200_is_cut_and_says_so() {
    let path = numbered_feed("horizon");
    let feed = path.to_str().unwrap();
    let out = cli(&[
        "sessions",
        feed,
        "--from",
        "2200-07-01",
        "--to",
        "2201-07-31",
        "--now",
        "2026-01-01T00:00",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("\"start\":\"2200-07-11T14:00\""),
        "{}",
        out.stdout
    );
    assert!(out.stderr.contains("after 2200"), "{}", out.stderr);
    let before = cli(&[
        "sessions",
        feed,
        "--from",
        "1899-01-01",
        "--to",
        "1899-12-31",
        "--now",
        "2026-01-01T00:00",
    ]);
    assert_eq!(
        (before.code, before.stdout.as_str()),
        (0, ""),
        "{}",
        before.stderr
    );
    std::fs::remove_file(&path).unwrap();
}
