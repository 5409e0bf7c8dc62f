//! The calendar written by `cogov::ics` as read by real client parsers:
//! python `icalendar` (tests/ics_check.py) and npm `ical.js` (tests/ics_check.mjs).
//! Both scripts print `<uid> <field> <json value>` lines, compared here against
//! one expected list, so Korean text must survive folding and escaping byte for byte.
//! A missing interpreter or parser FAILS the test: run `scripts/setup.sh`.

use chrono::{NaiveDate, NaiveDateTime};
use cogov::ics::{self, Calendar, Event, Status, When};
use std::path::{Path, PathBuf};
use std::process::Command;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    date(y, m, d).and_hms_opt(h, min, 0).unwrap()
}

/// 300 Korean characters (900 octets), plus the tricky punctuation.
fn paragraph() -> String {
    let korean: String =
        "지방자치단체와 중앙정부가 협력하여 주민의 삶을 개선하는 정책을 논의합니다"
            .chars()
            .filter(|c| !c.is_whitespace())
            .cycle()
            .take(300)
            .collect();
    assert_eq!(korean.chars().count(), 300);
    korean
}

fn description() -> String {
    format!(
        "안건: 조례안, 예산안; 기타\n참석: 시·도지사 17명, 국무위원\r\n경로: C:\\회의\\자료\t(탭)\n😀👍🏽 \"인용\"\n{}",
        paragraph()
    )
}

/// Writes the fixture calendar (one file per test: tests run in parallel) and returns its path.
fn fixture(tag: &str) -> PathBuf {
    let desc = description();
    let long_summary =
        "2026년 하반기 시·군·구 의회 의장 협의회 정기총회 🏛️ (Regular General Assembly) 및 워크숍";
    let ex = [When::Local(local(2026, 7, 21, 14, 0))];
    let cats = ["본회의", "협력, 회의"];

    let mut s1 = Event::new(
        "s1@cogov",
        When::Local(local(2026, 7, 14, 10, 0)),
        "제1차 중앙지방협력회의",
    );
    s1.end = Some(When::Local(local(2026, 7, 14, 12, 0)));
    s1.location = Some("청와대 영빈관");
    s1.description = Some(&desc);
    s1.url = Some("https://cogov.example/s/1?lang=ko&x=1,2");
    s1.sequence = 1;
    s1.categories = &cats;

    let mut s2 = Event::new("s2@cogov", When::Date(date(2026, 7, 20)), long_summary);
    s2.end = Some(When::Date(date(2026, 7, 22))); // inclusive last day
    s2.status = Status::Tentative;

    let mut s3 = Event::new(
        "s3@cogov",
        When::Local(local(2026, 8, 3, 9, 30)),
        "취소된 간담회",
    );
    s3.status = Status::Cancelled;
    s3.sequence = 2;

    let mut r1 = Event::new(
        "r1@cogov",
        When::Local(local(2026, 7, 7, 14, 0)),
        "정례 상임위원회",
    );
    r1.end = Some(When::Local(local(2026, 7, 7, 16, 0)));
    r1.rrule = Some("FREQ=WEEKLY;COUNT=6;BYDAY=TU");
    r1.exdates = &ex;

    let mut r1b = Event::new(
        "r1@cogov",
        When::Local(local(2026, 7, 28, 15, 0)),
        "정례 상임위원회 (시간 변경)",
    );
    r1b.recurrence_id = Some(When::Local(local(2026, 7, 28, 14, 0)));
    r1b.sequence = 1;

    let cal = Calendar {
        name: "전국 시·도의회 일정",
        prodid: "-//cogov//cogov 0.1//KO",
        url: Some("https://cogov.example/calendar.ics"),
        refresh_interval_minutes: Some(360),
        dtstamp_utc: local(2026, 7, 1, 0, 0),
        truncated: false,
        events: vec![s1, s2, s3, r1, r1b],
    };
    let text = ics::to_string(&cal);
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("ics_clients_{tag}_{}.ics", std::process::id()));
    std::fs::write(&path, text).expect("write fixture");
    path
}

/// JSON string literal as both Python's and JavaScript's JSON encoders write it
/// (non-ASCII unescaped).
fn json(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            '\t' => o.push_str("\\t"),
            c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn expected() -> String {
    // The writer turns CRLF into a newline; everything else comes back verbatim.
    let desc = description().replace("\r\n", "\n");
    let long_summary =
        "2026년 하반기 시·군·구 의회 의장 협의회 정기총회 🏛️ (Regular General Assembly) 및 워크숍";
    let lines = [
        format!("- calname {}", json("전국 시·도의회 일정")),
        format!("- x-wr-calname {}", json("전국 시·도의회 일정")),
        "- vtimezone \"Asia/Seoul\"".to_string(),
        format!("s1@cogov summary {}", json("제1차 중앙지방협력회의")),
        format!("s1@cogov location {}", json("청와대 영빈관")),
        format!("s1@cogov description {}", json(&desc)),
        "s1@cogov url \"https://cogov.example/s/1?lang=ko&x=1,2\"".to_string(),
        "s1@cogov status \"CONFIRMED\"".to_string(),
        "s1@cogov sequence 1".to_string(),
        "s1@cogov dtstart \"Asia/Seoul 2026-07-14T10:00:00 +09:00\"".to_string(),
        "s1@cogov dtend \"Asia/Seoul 2026-07-14T12:00:00 +09:00\"".to_string(),
        format!(
            "s1@cogov categories [{},{}]",
            json("본회의"),
            json("협력, 회의")
        ),
        format!("s2@cogov summary {}", json(long_summary)),
        "s2@cogov status \"TENTATIVE\"".to_string(),
        "s2@cogov sequence 0".to_string(),
        "s2@cogov dtstart \"DATE 2026-07-20\"".to_string(),
        "s2@cogov dtend \"DATE 2026-07-23\"".to_string(),
        format!("s3@cogov summary {}", json("취소된 간담회")),
        "s3@cogov status \"CANCELLED\"".to_string(),
        "s3@cogov sequence 2".to_string(),
        "s3@cogov dtstart \"Asia/Seoul 2026-08-03T09:30:00 +09:00\"".to_string(),
        format!("r1@cogov summary {}", json("정례 상임위원회")),
        "r1@cogov status \"CONFIRMED\"".to_string(),
        "r1@cogov sequence 0".to_string(),
        "r1@cogov dtstart \"Asia/Seoul 2026-07-07T14:00:00 +09:00\"".to_string(),
        "r1@cogov dtend \"Asia/Seoul 2026-07-07T16:00:00 +09:00\"".to_string(),
        "r1@cogov rrule \"FREQ=WEEKLY;COUNT=6;BYDAY=TU\"".to_string(),
        "r1@cogov exdate \"Asia/Seoul 2026-07-21T14:00:00 +09:00\"".to_string(),
        format!("r1@cogov summary {}", json("정례 상임위원회 (시간 변경)")),
        "r1@cogov status \"CONFIRMED\"".to_string(),
        "r1@cogov sequence 1".to_string(),
        "r1@cogov dtstart \"Asia/Seoul 2026-07-28T15:00:00 +09:00\"".to_string(),
        "r1@cogov recurrence-id \"Asia/Seoul 2026-07-28T14:00:00 +09:00\"".to_string(),
    ];
    let mut s = lines.join("\n");
    s.push('\n');
    s
}

/// Runs a checker script; any way it cannot run is a failure pointing at the setup script.
fn run(program: &str, script: &str, ics: &Path, what: &str) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(program)
        .current_dir(root)
        .arg(Path::new(root).join("tests").join(script))
        .arg(ics)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run `{program}` ({e}): {what} is required; run scripts/setup.sh")
        });
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(3) {
        panic!("{what} is missing: run scripts/setup.sh\n{stderr}");
    }
    assert!(out.status.success(), "{program} {script} failed: {stderr}");
    String::from_utf8(out.stdout).expect("checker output is UTF-8")
}

fn assert_lines_eq(actual: &str, expected: &str, parser: &str) {
    for (i, (a, e)) in actual.lines().zip(expected.lines()).enumerate() {
        assert_eq!(a, e, "{parser}: line {} differs", i + 1);
    }
    assert_eq!(
        actual.lines().count(),
        expected.lines().count(),
        "{parser}: line count\n{actual}"
    );
}

#[test]
fn python_icalendar_reads_korean_text_dates_and_statuses() {
    let ics = fixture("python");
    let actual = run(
        "python3",
        "ics_check.py",
        &ics,
        "python3 with the `icalendar` package",
    );
    let _ = std::fs::remove_file(&ics);
    assert_lines_eq(&actual, &expected(), "python icalendar");
}

#[test]
fn node_ical_js_reads_korean_text_dates_and_statuses() {
    let ics = fixture("node");
    let actual = run(
        "node",
        "ics_check.mjs",
        &ics,
        "node with the npm `ical.js` package",
    );
    let _ = std::fs::remove_file(&ics);
    assert_lines_eq(&actual, &expected(), "ical.js");
}
