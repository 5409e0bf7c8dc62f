//! Bounded work in the calendar: hostile feeds (a thousand endless series from 1900, relative
//! chains and fan-outs, thousands of explicit sessions and overrides, long titles, long base
//! URLs) cost a bounded query and say when they were cut.

use super::tests::{d, loaded, wide};
use super::*;
use crate::dataset::{load, Dataset};
use crate::text::Lang;

/// `n` series, each `FREQ=DAILY;COUNT=1000000` from 1900 (issue 10, item 3), plus `extra` series.
fn hostile(n: usize, numbered: bool, extra: &str) -> String {
    let numbering = if numbered {
        r#""numbering": {"first": 1},"#
    } else {
        ""
    };
    let series: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "s{i}", "body": "b", "kind": "regular", "sources": ["s"], {numbering}
                "rules": [{{"dtstart": "1900-01-01T10:00", "rrule": "FREQ=DAILY;COUNT=1000000"}}]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
        "series": [{}{extra}]}}"#,
        series.join(",")
    )
}

#[test]
fn a_thousand_count_series_from_1900_cost_a_bounded_query() {
    let ds = loaded(&hostile(1000, false, ""));
    let q = SessionQuery {
        cap: crate::recur::HARD_CAP,
        ..wide("2026-01-01", "2026-01-31")
    };
    // one month: every series skips 126 years in a few steps (not 46,000 periods each)
    let ex = expand::expander(&ds);
    for i in 0..1000 {
        let (occs, cut) = ex.occurrences(i, q.from, q.to, q.cap);
        assert_eq!((occs.len(), cut), (31, false));
    }
    assert!(ex.steps() < 1000 * 100, "{} steps", ex.steps());
    let list = sessions(&ds, &q).unwrap();
    assert!(list.truncated);
    assert_eq!(list.sessions.len(), crate::recur::HARD_CAP);
    assert_eq!(list.sessions[0].id, "s0@2026-01-01");
    assert_eq!(list.sessions[9_999].start, "2026-01-10T10:00");
    // 1900-2200: the cap holds across all series (10,000 sessions, not 10,000 per series)
    let all = sessions(&ds, &wide("1900-01-01", "2200-12-31")).unwrap();
    assert!(all.truncated);
    assert_eq!(all.sessions.len(), crate::recur::HARD_CAP);
    assert_eq!(all.sessions[9_999].start, "1900-01-10T10:00");
    let (starts, cut) = session_starts(&ds, &wide("1900-01-01", "2200-12-31")).unwrap();
    assert_eq!((starts.len(), cut), (crate::recur::HARD_CAP, true));
}

#[test]
fn numbering_from_1900_is_counted_not_expanded() {
    let ds = loaded(&hostile(300, true, ""));
    let early = sessions(&ds, &wide("1900-01-01", "1900-01-31")).unwrap();
    assert_eq!(early.sessions[0].number, Some(1));
    assert_eq!(early.sessions.last().unwrap().number, Some(31));
    // 2026-01-01 is the 46,022nd day since 1900, counted a month at a time
    let late = sessions(&ds, &wide("2026-01-01", "2026-01-02")).unwrap();
    assert_eq!(late.sessions.len(), 600);
    assert!(late
        .sessions
        .iter()
        .all(|s| s.number == Some(46_022) || s.number == Some(46_023)));
    assert!(!late.truncated);
    // with an exdate the series is expanded to count: past HARD_CAP occurrences, no number
    let text = hostile(2, true, "").replace(
        r#""rrule": "FREQ=DAILY;COUNT=1000000"}"#,
        r#""rrule": "FREQ=DAILY;COUNT=1000000", "exdates": ["1900-01-02T10:00"]}"#,
    );
    let ds = loaded(&text);
    let early = sessions(&ds, &wide("1900-01-01", "1900-01-03")).unwrap();
    let numbers: Vec<Option<u32>> = early.sessions.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [Some(1), Some(1), Some(2), Some(2)]);
    let late = sessions(&ds, &wide("2026-01-01", "2026-01-02")).unwrap();
    assert!(late.sessions.iter().all(|s| s.number.is_none()));
}

#[test]
fn relative_chains_are_capped_at_load() {
    let chain = |n: usize| {
        let extra: String = (1..=n)
            .map(|i| {
                format!(
                    r#",{{"id": "r{i}", "body": "b", "kind": "working", "sources": ["s"],
                    "rules": [{{"relative": {{"series": "{}", "offset_days": 1}}}}]}}"#,
                    if i == 1 {
                        "s0".to_string()
                    } else {
                        format!("r{}", i - 1)
                    }
                )
            })
            .collect();
        hostile(1, false, &extra)
    };
    let ok = loaded(&chain(rules::MAX_RELATIVE_DEPTH as usize));
    let last = format!("r{}", rules::MAX_RELATIVE_DEPTH);
    let list = sessions(&ok, &wide("2026-01-01", "2026-01-31")).unwrap();
    assert_eq!(
        list.sessions
            .iter()
            .filter(|s| s.series.as_deref() == Some(&last))
            .count(),
        31
    );
    let deep = load(&chain(3_000));
    let errors: Vec<String> = deep
        .report
        .errors
        .iter()
        .map(|e| format!("{} {} {}", e.path, e.code, e.message))
        .collect();
    assert_eq!(
        errors,
        ["series[9].rules[0].relative.series series.depth \"r9\" follows a chain of more than 8 relative rules through \"r8\""]
    );
}

#[test]
fn wide_fan_outs_and_diamonds_stay_within_the_budget() {
    // 8 layers of 4 series, each following every series of the layer before: 4^8 paths
    let mut extra = String::new();
    for layer in 1..=8 {
        for k in 0..4 {
            let rules: Vec<String> = (0..4)
                .map(|j| {
                    let base = if layer == 1 {
                        "s0".to_string()
                    } else {
                        format!("l{}x{j}", layer - 1)
                    };
                    format!(r#"{{"relative": {{"series": "{base}", "offset_days": {j}}}}}"#)
                })
                .collect();
            extra.push_str(&format!(
                r#",{{"id": "l{layer}x{k}", "body": "b", "kind": "working", "sources": ["s"], "rules": [{}]}}"#,
                rules.join(",")
            ));
        }
    }
    let ds = loaded(&hostile(1, false, &extra));
    let list = sessions(&ds, &wide("2026-01-01", "2026-12-31")).unwrap();
    assert!(list.truncated);
    assert!(!list.sessions.is_empty());
}

#[test]
fn many_explicit_sessions_and_overrides_are_indexed() {
    // 20,000 explicit sessions, 2,000 of them overriding occurrences of one numbered series
    let day = |i: i64| d("2000-01-01") + chrono::TimeDelta::days(i);
    let sessions_json: Vec<String> = (0..20_000)
        .map(|i| {
            let over = if i < 2_000 {
                format!(r#""series": "daily", "recurrence_id": "{}T10:00","#, day(i))
            } else {
                String::new()
            };
            format!(
                r#"{{"id": "x{i}", "body": "b", {over} "start": "{}T15:00", "sources": ["s"]}}"#,
                day(i)
            )
        })
        .collect();
    let feed = format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}, {{"id": "c", "kind": "forum", "name": "C", "sources": ["s"]}}],
        "series": [{{"id": "daily", "body": "b", "kind": "regular", "sources": ["s"], "numbering": {{"first": 1}},
          "rules": [{{"dtstart": "2000-01-01T10:00", "rrule": "FREQ=DAILY"}}]}}],
        "sessions": [{}]}}"#,
        sessions_json.join(",")
    );
    let ds = loaded(&feed);
    let list = sessions(&ds, &wide("2000-01-01", "2040-12-31")).unwrap();
    assert!(list.truncated);
    assert_eq!(list.sessions.len(), crate::recur::HARD_CAP);
    // an override keeps the number of the occurrence it replaces
    let x1999 = list.sessions.iter().find(|s| s.id == "x1999").unwrap();
    assert_eq!(x1999.number, Some(2000));
    assert!(list.sessions.iter().all(|s| s.id != "daily@2000-01-02"));
    let bodies = session_bodies(&ds, Lang::En);
    assert_eq!(bodies.len(), 1);
}

/// One daily series whose title is `title_len` bytes long.
fn long_titles(title_len: usize) -> Dataset {
    let title = "가".repeat(title_len / 3);
    loaded(&format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
        "series": [{{"id": "d", "body": "b", "kind": "regular", "title": "{title}", "sources": ["s"],
          "rules": [{{"dtstart": "2026-01-01T10:00", "rrule": "FREQ=DAILY"}}]}}]}}"#
    ))
}

#[test]
fn a_long_title_repeated_per_occurrence_is_capped_in_bytes() {
    let ds = long_titles(19_998);
    let list = sessions(&ds, &wide("2026-01-01", "2027-12-31")).unwrap();
    assert!(list.truncated);
    let bytes: usize = list.sessions.iter().map(|s| s.title.len()).sum();
    assert!(bytes <= expand::MAX_LIST_BYTES + 20_000, "{bytes}");
    assert!(list.sessions.len() < 420, "{}", list.sessions.len());
    let q = IcsQuery {
        body: None,
        session: None,
        series: None,
        from: d("2026-01-01"),
        to: d("2027-12-31"),
        lang: Lang::En,
        dtstamp_utc: d("2026-01-01").and_hms_opt(0, 0, 0).unwrap(),
        base_url: Some("https://example.org/cal"),
    };
    let text = calendar_ics(&ds, &q).unwrap();
    assert!(text.len() < ics::MAX_ICS_BYTES + 40_000, "{}", text.len());
    assert!(text.contains("\r\nX-COGOV-TRUNCATED:TRUE\r\n"));
    // a short calendar says nothing of the kind
    let short = IcsQuery {
        to: d("2026-01-03"),
        ..q
    };
    assert!(!calendar_ics(&ds, &short)
        .unwrap()
        .contains("X-COGOV-TRUNCATED"));
}

#[test]
fn the_ics_base_url_is_limited() {
    let ds = long_titles(30);
    let q = |base: &'static str| IcsQuery {
        body: None,
        session: None,
        series: None,
        from: d("2026-01-01"),
        to: d("2026-01-31"),
        lang: Lang::En,
        dtstamp_utc: d("2026-01-01").and_hms_opt(0, 0, 0).unwrap(),
        base_url: Some(base),
    };
    let long: &'static str =
        Box::leak(format!("https://example.org/{}", "a".repeat(10 << 20)).into_boxed_str());
    let e = calendar_ics(&ds, &q(long)).unwrap_err();
    assert_eq!(e.code.as_str(), "arg.url");
    assert_eq!(
        e.message,
        format!(
            "the base url is {} bytes long: at most 2048 are allowed",
            long.len()
        )
    );
    let e = calendar_ics(&ds, &q("javascript:alert(1)//")).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.message.as_str()),
        (
            "arg.url",
            "the base url \"javascript:alert(1)//\" is not an http or https url"
        )
    );
    let e = google_link(&ds, "d@2026-01-02", Lang::En, Some(long)).unwrap_err();
    assert_eq!(e.code.as_str(), "arg.url");
    let ok = calendar_ics(&ds, &q("HTTPS://example.org/cal#session=")).unwrap();
    assert!(ok.contains("URL;VALUE=URI:HTTPS://example.org/cal#session=d@2026-01-02"));
}

#[test]
fn a_fan_out_of_fan_outs_stops_with_the_budget() {
    // 8 layers of 3 series, each with 60 relative rules to the layer before: 180^8 paths
    let mut extra = String::new();
    for layer in 1..=8 {
        for k in 0..3 {
            let rules: Vec<String> = (0..60)
                .map(|j| {
                    let base = if layer == 1 {
                        "s0".to_string()
                    } else {
                        format!("l{}x{}", layer - 1, j % 3)
                    };
                    format!(r#"{{"relative": {{"series": "{base}", "offset_days": {j}}}}}"#)
                })
                .collect();
            extra.push_str(&format!(
                r#",{{"id": "l{layer}x{k}", "body": "b", "kind": "working", "sources": ["s"], "rules": [{}]}}"#,
                rules.join(",")
            ));
        }
    }
    let ds = loaded(&hostile(1, false, &extra));
    let ex = expand::expander(&ds);
    let (_, cut) = ex.occurrences(24, d("2026-01-01"), d("2026-01-31"), 100);
    assert!(cut && ex.budget_exhausted());
    assert!(ex.steps() <= crate::recur::QUERY_STEPS);
    let list = sessions(&ds, &wide("2026-01-01", "2026-01-31")).unwrap();
    assert!(list.truncated);
}
