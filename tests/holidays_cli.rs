//! `cogov holidays` and the holiday warnings of `cogov validate`; the feed's `holidays` list
//! (decoded with paths, merged with the computed days).

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use cogov::cli::run;

fn cli(args: &[&str]) -> cogov::cli::Output {
    run(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>()).expect("runs")
}

fn write(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("cogov-holidays-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const FEED: &str = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
  "sources": [{"id": "gazette", "title": "관보", "url": "https://www.gwanbo.go.kr/"}],
  "bodies": [{"id": "b", "kind": "committee", "name": "B", "sources": ["gazette"]}],
  "sessions": [
    {"id": "on-chuseok", "body": "b", "start": "2026-09-25T10:00", "sources": ["gazette"]},
    {"id": "on-election", "body": "b", "start": "2026-06-03", "sources": ["gazette"]},
    {"id": "cancelled", "body": "b", "start": "2026-10-09", "status": "cancelled", "sources": ["gazette"]},
    {"id": "workday", "body": "b", "start": "2026-09-29", "sources": ["gazette"]}],
  "holidays": [{"date": "2026-06-03", "name": {"ko": "지방선거일", "en": "Local elections"}, "sources": ["gazette"]}]}"#;

#[test]
fn json_lines_per_holiday_with_kind() {
    let out = cli(&["holidays", "--year", "2026", "--json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 21);
    assert_eq!(
        rows[5],
        serde_json::json!({"date": "2026-03-02", "name": {"ko": "대체공휴일(삼일절)", "en": "Substitute holiday (Independence Movement Day)"}, "kind": "substitute"})
    );
    let kinds: Vec<&str> = rows.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "lunar").count(), 7);
    assert_eq!(kinds.iter().filter(|k| **k == "substitute").count(), 4);
}

#[test]
fn text_lines_and_year_errors() {
    let out = cli(&["holidays", "--year", "2024"]);
    assert!(
        out.stdout
            .contains("2024-02-12 substitute  대체공휴일(설날) (Substitute holiday (Seollal))\n"),
        "{}",
        out.stdout
    );
    for bad in ["1989", "2051", "twenty"] {
        let err = run(&["holidays".into(), "--year".into(), bad.into()]).unwrap_err();
        assert!(err.contains("is not a year from 1990 to 2050"), "{err}");
    }
    assert!(run(&["holidays".into()])
        .unwrap_err()
        .contains("missing --year"));
}

#[test]
fn feed_days_merge_and_sessions_on_holidays_warn() {
    let path = write("feed.json", FEED);
    let out = cli(&["holidays", &path, "--year", "2026", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let data: Vec<&serde_json::Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["kind"] == "data")
        .collect();
    assert_eq!(
        data,
        [
            &serde_json::json!({"date": "2026-06-03", "name": {"ko": "지방선거일", "en": "Local elections"}, "kind": "data"})
        ]
    );

    let out = cli(&["validate", &path]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let warns: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("[session.holiday]"))
        .collect();
    assert_eq!(
        warns,
        [
            "warning: sessions[1].start: session on-election on 2026-06-03 falls on a public holiday: 지방선거일 (Local elections) [session.holiday]",
            "warning: sessions[0].start: session on-chuseok on 2026-09-25T10:00 falls on a public holiday: 추석 (Chuseok) [session.holiday]",
        ]
    );
}

#[test]
fn bad_holiday_records_name_the_place() {
    let doc = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
      "holidays": [{"date": "2026-13-01", "name": "x"}, {"name": {"ko": ""}}, {"date": "2026-06-03", "name": "v", "sources": [{"title": "t", "url": "javascript:alert(1)"}]}, 7]}"#;
    let r = cogov::dataset::load(doc).report;
    let errs: Vec<String> = r
        .errors
        .iter()
        .map(|p| format!("{} [{}]", p.path, p.code))
        .collect();
    assert!(
        errs.iter().any(|e| e.starts_with("holidays[0].date")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.starts_with("holidays[1].date")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.starts_with("holidays[1].name")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.starts_with("holidays[2].sources[0].url")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.starts_with("holidays[3]")),
        "{errs:?}"
    );
    let doc = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "holidays": [{"date": "2026-06-03", "name": "v", "extra": 1}]}"#;
    let r = cogov::dataset::load(doc).report;
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    let warns: Vec<String> = r
        .warnings
        .iter()
        .map(|p| format!("{} [{}]", p.path, p.code))
        .collect();
    assert_eq!(
        warns,
        [
            "holidays[0].extra [field.unknown]",
            "holidays[0] [source.missing]"
        ]
    );
}
