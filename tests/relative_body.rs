//! Relative rules anchored on a body (`{"relative": {"body", "kinds"?, "offset_days", "time"?}}`):
//! they follow every session of the body (its series and explicit sessions, after moves and
//! cancellations), are cancelled with their anchor unless a record says otherwise, and keep the
//! bounds of relative chains (depth, cycles through bodies, the query budget).

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use cogov::calendar::{find_session, sessions, SessionList, SessionQuery};
use cogov::dataset::{load, Dataset};
use cogov::text::Lang;

/// A General Assembly (regular each July, one cancelled, one moved, one special session) and a
/// Working-level Council the day before each of its sessions at 10:00; `extra` adds sessions.
fn feed(rule: &str, extra: &str) -> String {
    format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}},
 "sources": [{{"id": "s", "title": "S"}}],
 "bodies": [
  {{"id": "ga", "kind": "general_assembly", "name": "General Assembly", "sources": ["s"]}},
  {{"id": "wc", "kind": "working_council", "name": "Working Council", "sources": ["s"]}}],
 "series": [
  {{"id": "ga-regular", "body": "ga", "kind": "regular", "sources": ["s"],
   "rules": [{{"dtstart": "2020-07-10T14:00", "rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR", "duration_minutes": 120}}]}},
  {{"id": "wc-prep", "body": "wc", "kind": "working", "sources": ["s"],
   "rules": [{{"relative": {rule}}}]}}],
 "sessions": [
  {{"id": "ga-2022", "body": "ga", "series": "ga-regular", "recurrence_id": "2022-07-08T14:00",
   "start": "2022-07-08T14:00", "status": "cancelled", "sources": ["s"]}},
  {{"id": "ga-2023", "body": "ga", "series": "ga-regular", "recurrence_id": "2023-07-14T14:00",
   "start": "2023-07-21T15:00", "status": "moved", "sources": ["s"]}},
  {{"id": "special-2024", "body": "ga", "kind": "special", "start": "2024-12-20T14:00", "sources": ["s"]}}{extra}]}}"#
    )
}

const BODY: &str = r#"{"body": "ga", "offset_days": -1, "time": "10:00"}"#;

fn ds(text: &str) -> Dataset {
    let l = load(text);
    assert!(l.report.errors.is_empty(), "{:?}", l.report.errors);
    l.dataset.unwrap()
}

fn list(ds: &Dataset, from: &str, to: &str, body: Option<&str>) -> SessionList {
    let q = SessionQuery {
        from: cogov::date::parse_date(from).unwrap(),
        to: cogov::date::parse_date(to).unwrap(),
        body,
        lang: Lang::En,
        cap: 10_000,
        now: cogov::calendar::NO_CLOCK,
    };
    sessions(ds, &q).unwrap()
}

fn rows(l: &SessionList) -> Vec<String> {
    l.sessions
        .iter()
        .map(|s| format!("{} {} {}", s.id, s.start, s.status))
        .collect()
}

#[test]
fn the_council_follows_every_session_of_the_body() {
    let ds = ds(&feed(BODY, ""));
    assert_eq!(
        rows(&list(&ds, "2021-01-01", "2024-12-31", Some("wc"))),
        [
            "wc-prep@2021-07-08 2021-07-08T10:00 scheduled",
            // the anchor was cancelled: so is its council
            "wc-prep@2022-07-07 2022-07-07T10:00 cancelled",
            // the anchor moved to 21 July: its council moved with it
            "wc-prep@2023-07-20 2023-07-20T10:00 scheduled",
            "wc-prep@2024-07-11 2024-07-11T10:00 scheduled",
            // a special session of the body gets its council too
            "wc-prep@2024-12-19 2024-12-19T10:00 scheduled",
        ]
    );
    let c = find_session(
        &ds,
        "wc-prep@2022-07-07",
        Lang::Ko,
        cogov::calendar::NO_CLOCK,
    )
    .unwrap();
    assert_eq!(c.status, "cancelled");
    assert_eq!(
        c.note.as_deref(),
        Some("기준 회의가 취소되어 함께 취소되었습니다.")
    );
    let m = find_session(
        &ds,
        "wc-prep@2023-07-20",
        Lang::En,
        cogov::calendar::NO_CLOCK,
    )
    .unwrap();
    assert_eq!(
        (m.start.as_str(), m.status),
        ("2023-07-20T10:00", "scheduled")
    );
    // the unmoved day is no session any more
    assert!(find_session(
        &ds,
        "wc-prep@2023-07-13",
        Lang::En,
        cogov::calendar::NO_CLOCK
    )
    .is_none());
}

#[test]
fn a_series_anchor_keeps_following_generated_occurrences() {
    let ds = ds(&feed(
        r#"{"series": "ga-regular", "offset_days": -1, "time": "10:00"}"#,
        "",
    ));
    assert_eq!(
        rows(&list(&ds, "2022-01-01", "2024-12-31", Some("wc"))),
        [
            "wc-prep@2022-07-07 2022-07-07T10:00 scheduled",
            "wc-prep@2023-07-13 2023-07-13T10:00 scheduled",
            "wc-prep@2024-07-11 2024-07-11T10:00 scheduled",
        ]
    );
}

#[test]
fn a_record_of_the_relative_session_overrides_the_cancellation() {
    // the council met although the assembly was cancelled
    let kept = r#",
  {"id": "wc-2022", "body": "wc", "series": "wc-prep", "recurrence_id": "2022-07-07T10:00",
   "start": "2022-07-07T10:00", "status": "held", "sources": ["s"]}"#;
    let ds = ds(&feed(BODY, kept));
    assert_eq!(
        rows(&list(&ds, "2022-01-01", "2022-12-31", Some("wc"))),
        ["wc-2022 2022-07-07T10:00 held"]
    );
}

#[test]
fn kinds_filter_the_anchors() {
    let ds = ds(&feed(
        r#"{"body": "ga", "kinds": ["special"], "offset_days": -1, "time": "10:00"}"#,
        "",
    ));
    assert_eq!(
        rows(&list(&ds, "2020-01-01", "2025-12-31", Some("wc"))),
        ["wc-prep@2024-12-19 2024-12-19T10:00 scheduled"]
    );
    let ds2 = self::ds(&feed(
        r#"{"body": "ga", "kinds": ["regular"], "offset_days": -1, "time": "10:00"}"#,
        "",
    ));
    let r = rows(&list(&ds2, "2024-01-01", "2024-12-31", Some("wc")));
    assert_eq!(r, ["wc-prep@2024-07-11 2024-07-11T10:00 scheduled"]);
}

#[test]
fn a_body_anchor_and_a_series_anchor_are_not_both_allowed() {
    let l = load(&feed(
        r#"{"body": "ga", "series": "ga-regular", "offset_days": -1}"#,
        "",
    ));
    let p: Vec<String> = l
        .report
        .errors
        .iter()
        .map(|e| format!("{} [{}]", e.path, e.code))
        .collect();
    assert!(p.iter().any(|e| e.ends_with("[rule.form]")), "{p:?}");
    let l = load(&feed(r#"{"body": "nobody", "offset_days": -1}"#, ""));
    let p: Vec<String> = l
        .report
        .errors
        .iter()
        .map(|e| format!("{} [{}]", e.path, e.code))
        .collect();
    assert_eq!(
        p,
        ["series[1].rules[0].relative.body [ref.dangling]"],
        "an unknown body is named"
    );
}

/// A chain of `n` bodies, each with a series one day after every session of the body before it.
fn chain(n: usize, cycle: bool) -> String {
    let mut bodies =
        String::from(r#"{"id": "b0", "kind": "forum", "name": "B0", "sources": ["s"]}"#);
    let first = if cycle {
        format!(r#"{{"relative": {{"body": "b{}", "offset_days": 1}}}}"#, n)
    } else {
        r#"{"dtstart": "2026-01-05", "rrule": "FREQ=WEEKLY;COUNT=3"}"#.to_string()
    };
    let mut series =
        format!(r#"{{"id": "s0", "body": "b0", "sources": ["s"], "rules": [{first}]}}"#);
    for i in 1..=n {
        bodies.push_str(&format!(
            r#", {{"id": "b{i}", "kind": "forum", "name": "B{i}", "sources": ["s"]}}"#
        ));
        series.push_str(&format!(
            r#", {{"id": "s{i}", "body": "b{i}", "sources": ["s"], "rules": [{{"relative": {{"body": "b{}", "offset_days": 1}}}}]}}"#,
            i - 1
        ));
    }
    format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
 "bodies": [{bodies}], "series": [{series}]}}"#
    )
}

fn codes(text: &str) -> Vec<String> {
    load(text)
        .report
        .errors
        .iter()
        .map(|e| format!("{} [{}]", e.path, e.code))
        .collect()
}

#[test]
fn chains_through_bodies_are_bounded_and_cycles_found() {
    let ds = ds(&chain(8, false));
    let l = list(&ds, "2026-01-01", "2026-01-31", Some("b8"));
    assert_eq!(
        rows(&l),
        [
            "s8@2026-01-13 2026-01-13 scheduled",
            "s8@2026-01-20 2026-01-20 scheduled",
            "s8@2026-01-27 2026-01-27 scheduled",
        ]
    );
    assert_eq!(
        codes(&chain(9, false)),
        ["series[9].rules[0].relative.body [series.depth]"]
    );
    let c = codes(&chain(3, true));
    assert!(
        !c.is_empty() && c.iter().all(|e| e.ends_with("[series.cycle]")),
        "{c:?}"
    );
    // a series relative to its own body is a cycle
    let own = feed(r#"{"body": "wc", "offset_days": -1}"#, "");
    assert_eq!(
        codes(&own),
        ["series[1].rules[0].relative.body [series.cycle]"]
    );
}

#[test]
fn ten_thousand_anchors_stay_bounded() {
    let mut extra = String::new();
    for k in 0..10_000 {
        let day = 1 + k % 28;
        let month = 1 + (k / 28) % 12;
        let year = 2030 + k / (28 * 12);
        extra.push_str(&format!(
            r#", {{"id": "x{k}", "body": "ga", "kind": "special", "start": "{year}-{month:02}-{day:02}T09:00", "sources": ["s"]}}"#
        ));
    }
    let ds = ds(&feed(BODY, &extra));
    let t = std::time::Instant::now();
    let l = list(&ds, "2030-01-01", "2060-12-31", Some("wc"));
    // one council a day before each (same-day anchors give one council)
    assert!(l.sessions.len() >= 9_000, "{}", l.sessions.len());
    assert!(l.sessions.iter().all(|s| s.body == "wc"));
    let all = list(&ds, "2030-01-01", "2060-12-31", None);
    assert!(all.truncated, "20,000 sessions: the 10,000 cap says so");
    assert_eq!(all.sessions.len(), 10_000);
    let once = find_session(
        &ds,
        "wc-prep@2031-01-01",
        Lang::En,
        cogov::calendar::NO_CLOCK,
    );
    assert!(once.is_some());
    assert!(
        t.elapsed().as_secs() < 20,
        "bounded work: {:?}",
        t.elapsed()
    );
}

/// A record of a series that names no `kind` has its series' kind: a council following only
/// the body's regular and special sessions still follows the cancelled and the moved regular
/// ones (whose records say nothing of their kind), and their views say `regular`.
#[test]
fn records_of_a_series_without_a_kind_have_the_series_kind() {
    let rule =
        r#"{"body": "ga", "kinds": ["regular", "special"], "offset_days": -1, "time": "10:00"}"#;
    let base = ds(&feed(rule, ""));
    assert_eq!(
        rows(&list(&base, "2021-01-01", "2024-12-31", Some("wc"))),
        [
            "wc-prep@2021-07-08 2021-07-08T10:00 scheduled",
            "wc-prep@2022-07-07 2022-07-07T10:00 cancelled",
            "wc-prep@2023-07-20 2023-07-20T10:00 scheduled",
            "wc-prep@2024-07-11 2024-07-11T10:00 scheduled",
            "wc-prep@2024-12-19 2024-12-19T10:00 scheduled",
        ]
    );
    let ga = list(&base, "2022-01-01", "2023-12-31", Some("ga"));
    let kinds: Vec<_> = ga
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), s.kind))
        .collect();
    assert_eq!(kinds, [("ga-2022", "regular"), ("ga-2023", "regular")]);
    // a kind of its own still wins, and a session of no series stays a meeting
    let own = r#", {"id": "ga-2025", "body": "ga", "series": "ga-regular", "recurrence_id": "2025-07-11T14:00",
   "kind": "special", "start": "2025-07-11T14:00", "sources": ["s"]},
  {"id": "talk", "body": "ga", "start": "2025-03-01", "sources": ["s"]}"#;
    let with_own = ds(&feed(rule, own));
    let l = list(&with_own, "2025-01-01", "2025-12-31", Some("ga"));
    let kinds: Vec<_> = l.sessions.iter().map(|s| (s.id.as_str(), s.kind)).collect();
    assert_eq!(kinds, [("talk", "meeting"), ("ga-2025", "special")]);
}
