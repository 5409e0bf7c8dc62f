//! Calendar files that update: a client that imported the export of feed v1 and then the export
//! of v2 (one occurrence cancelled, one moved, a one-off cancelled, one moved, one new, the series'
//! place changed) must hold exactly what v2's export alone says. The clients are stores keyed by
//! UID that apply RFC 5546's rules for a PUBLISH (`tests/ics_update.py`: python `icalendar` +
//! `recurring-ical-events`; `tests/ics_update.mjs`: npm `ical.js`). A missing interpreter or
//! package FAILS the test: run `scripts/setup.sh`.

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use chrono::{NaiveDate, NaiveDateTime};
use cogov::calendar::{calendar_ics, IcsQuery};
use cogov::text::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn utc(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

/// The export of fixture `name` (tests/ics_update/NAME.json) as of `now`.
fn export(name: &str, now: &str, lang: Lang) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("tests/ics_update").join(format!("{name}.json")))
        .unwrap();
    let loaded = cogov::dataset::load(&text);
    assert!(loaded.report.errors.is_empty(), "{name}: errors");
    let ds = loaded.dataset.unwrap();
    let q = IcsQuery {
        body: None,
        session: None,
        series: None,
        from: day("2026-12-01"),
        to: day("2027-12-31"),
        lang,
        dtstamp_utc: utc(now),
        base_url: Some("https://example.org/calendar#session="),
    };
    calendar_ics(&ds, &q).unwrap()
}

/// v1 (published 1 January) and v2 (10 January) as files.
fn files(tag: &str) -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let v1 = dir.join(format!("ics_update_{tag}_{}_v1.ics", std::process::id()));
    let v2 = dir.join(format!("ics_update_{tag}_{}_v2.ics", std::process::id()));
    std::fs::write(&v1, export("v1", "2027-01-01T00:00", Lang::En)).unwrap();
    std::fs::write(&v2, export("v2", "2027-01-10T00:00", Lang::En)).unwrap();
    (v1, v2)
}

/// The store after applying `files` in order, as the client script prints it.
fn store(program: &str, script: &str, files: &[&Path]) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(program)
        .current_dir(root)
        .arg(Path::new(root).join("tests").join(script))
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{program}` ({e}): run scripts/setup.sh"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) {
        panic!("{script}: a parser is missing: run scripts/setup.sh\n{stderr}");
    }
    assert!(out.status.success(), "{program} {script} failed: {stderr}");
    String::from_utf8(out.stdout).unwrap()
}

/// What v2 says, as a client lists it.
const V2_TRUTH: &str = "\
ga-monthly@2027-01-12@assoc 2027-01-12T14:00+0900 2027-01-12T15:30+0900 CONFIRMED 1 Monthly meeting | Association main hall
ga-monthly@2027-02-09@assoc 2027-02-09T14:00+0900 2027-02-09T15:30+0900 CONFIRMED 1 Monthly meeting | Association main hall
ga-monthly@2027-03-09@assoc 2027-03-09T14:00+0900 2027-03-09T15:30+0900 CANCELLED 3 Monthly meeting | Association main hall
ga-monthly@2027-04-13@assoc 2027-04-15T16:00+0900 2027-04-15T18:00+0900 CONFIRMED 3 Monthly meeting | Association main hall
ga-monthly@2027-05-11@assoc 2027-05-11T14:00+0900 2027-05-11T15:30+0900 CONFIRMED 1 Monthly meeting | Association main hall
ga-monthly@2027-06-08@assoc 2027-06-08T14:00+0900 2027-06-08T15:30+0900 CONFIRMED 1 Monthly meeting | Association main hall
wc-feb@assoc 2027-02-24 2027-02-25 CONFIRMED 1 February working meeting | 
wc-jan@assoc 2027-01-20T10:00+0900 2027-01-20T12:00+0900 CANCELLED 1 January working meeting | 
wc-mar@assoc 2027-03-17T10:00+0900 2027-03-17T12:00+0900 CONFIRMED 0 March working meeting | 
";

fn round_trip(program: &str, script: &str, tag: &str) {
    let (v1, v2) = files(tag);
    let alone_v1 = store(program, script, &[&v1]);
    let alone_v2 = store(program, script, &[&v2]);
    let updated = store(program, script, &[&v1, &v2]);
    // a stale copy of v1 fetched again (a cache, a mirror) changes nothing
    let stale = store(program, script, &[&v1, &v2, &v1]);
    let _ = (std::fs::remove_file(&v1), std::fs::remove_file(&v2));
    assert_eq!(alone_v2, V2_TRUTH, "{script}: v2 alone");
    assert_eq!(updated, alone_v2, "{script}: v1 then v2 is not v2");
    assert_eq!(stale, alone_v2, "{script}: v1 again undid v2");
    assert_ne!(alone_v1, alone_v2, "{script}: the fixtures do not differ");
    assert_eq!(alone_v1.lines().count(), 8, "{script}: v1\n{alone_v1}");
    // every v1 event is still in v2 (cancelled ones stay): nothing relies on deletion
    for line in alone_v1.lines() {
        let uid = line.split(' ').next().unwrap();
        assert!(alone_v2.contains(&format!("{uid} ")), "{uid} left v2");
    }
}

#[test]
fn python_client_store_ends_with_v2() {
    round_trip("python3", "ics_update.py", "py");
}

#[test]
fn ical_js_client_store_ends_with_v2() {
    round_trip("node", "ics_update.mjs", "js");
}

#[test]
fn sequence_last_modified_and_categories_in_the_file() {
    let ko = export("v2", "2027-01-10T00:00", Lang::Ko).replace("\r\n ", "");
    let event = |uid: &str| {
        let at = ko.find(&format!("UID:{uid}\r\n")).unwrap();
        ko[at..at + ko[at..].find("END:VEVENT").unwrap()].to_string()
    };
    let moved = event("wc-feb@assoc");
    // `updated` is a date in Korea: its midnight is 15:00 the day before in UTC
    assert!(
        moved.contains("\r\nLAST-MODIFIED:20270108T150000Z\r\n"),
        "{moved}"
    );
    assert!(moved.contains("\r\nCATEGORIES:실무회의\r\n"), "{moved}");
    let occ = event("ga-monthly@2027-05-11@assoc");
    assert!(occ.contains("\r\nCATEGORIES:정기회의\r\n"), "{occ}");
    assert!(
        occ.contains("\r\nLAST-MODIFIED:20270108T000000Z\r\n"),
        "{occ}"
    );
    // v1 had no revisions: every event starts at 0
    let v1 = export("v1", "2027-01-01T00:00", Lang::Ko);
    assert_eq!(v1.matches("\r\nSEQUENCE:0\r\n").count(), 8);
    assert!(!v1.contains("LAST-MODIFIED"));
}
