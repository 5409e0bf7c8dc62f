//! The calendar of one series (`IcsQuery::series`, `cogov ics --series`) and the per-series pass
//! of `cogov publish` ([`super::ics::SeriesPass`]): what a series file holds, and that thousands
//! of series and body-anchored relative rules stay bounded (counted in steps, not timed).

use super::ics::SeriesPass;
use super::*;
use crate::codes::Code;
use crate::dataset::{load, Dataset};
use crate::recur::QUERY_STEPS;
use crate::text::Lang;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    crate::date::parse_date(s).unwrap()
}

fn loaded(text: &str) -> Dataset {
    let l = load(text);
    let first: Vec<_> = l.report.errors.iter().take(5).collect();
    assert!(first.is_empty(), "{first:?}");
    l.dataset.unwrap()
}

fn q<'a>(series: Option<&'a str>, from: &str, to: &str) -> IcsQuery<'a> {
    IcsQuery {
        body: None,
        session: None,
        series,
        from: d(from),
        to: d(to),
        lang: Lang::En,
        dtstamp_utc: d("2026-01-01").and_hms_opt(0, 0, 0).unwrap(),
        base_url: Some("https://example.org/sessions"),
    }
}

/// The events of a document, unfolded, each from `BEGIN:VEVENT` to `END:VEVENT`.
fn events(text: &str) -> Vec<String> {
    let unfolded = text.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|e| e.split("END:VEVENT").next().unwrap().to_string())
        .collect()
}

fn uids(text: &str) -> Vec<String> {
    events(text)
        .iter()
        .map(|e| {
            e.split("\r\nUID:")
                .nth(1)
                .unwrap()
                .split("\r\n")
                .next()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// A General Assembly each July (numbered), one occurrence cancelled, one moved; a working
/// council the day before every session of the assembly's body (a body anchor), one record of
/// it; a forum with a one-off session; a record naming a day that is no occurrence.
const FEED: &str = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
 "sources": [{"id": "s", "title": "S"}],
 "bodies": [
  {"id": "ga", "kind": "association", "name": "General Assembly", "sources": ["s"]},
  {"id": "wc", "kind": "association", "name": "Working Council", "sources": ["s"]},
  {"id": "forum", "kind": "association", "name": "Forum", "sources": ["s"]}],
 "series": [
  {"id": "ga-regular", "body": "ga", "kind": "regular", "title": "Regular Assembly",
   "numbering": {"first": 1, "from": "2020-01-01"}, "sources": ["s"],
   "rules": [{"dtstart": "2020-07-10T14:00", "rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR", "duration_minutes": 120}]},
  {"id": "wc-prep", "body": "wc", "kind": "working", "sources": ["s"],
   "rules": [{"relative": {"body": "ga", "offset_days": -1, "time": "10:00"}}]}],
 "sessions": [
  {"id": "ga-2022", "body": "ga", "series": "ga-regular", "recurrence_id": "2022-07-08T14:00",
   "start": "2022-07-08T14:00", "status": "cancelled", "sources": ["s"]},
  {"id": "ga-2023", "body": "ga", "series": "ga-regular", "recurrence_id": "2023-07-14T14:00",
   "start": "2023-07-21T15:00", "status": "moved", "sources": ["s"]},
  {"id": "ga-special", "body": "ga", "kind": "special", "start": "2024-12-20T14:00", "sources": ["s"]},
  {"id": "wc-2024", "body": "wc", "series": "wc-prep", "recurrence_id": "2024-07-11T10:00",
   "start": "2024-07-11T10:00", "status": "held", "sources": ["s"]},
  {"id": "forum-1", "body": "forum", "kind": "forum", "start": "2023-03-01", "sources": ["s"]}]}"#;

#[test]
fn a_series_calendar_holds_its_occurrences_and_the_records_that_override_them() {
    let ds = loaded(FEED);
    let all = calendar_ics(&ds, &q(None, "2022-01-01", "2024-12-31")).unwrap();
    let ga = calendar_ics(&ds, &q(Some("ga-regular"), "2022-01-01", "2024-12-31")).unwrap();
    // the cancelled and the moved occurrence keep the occurrence's UID; 2024 is generated
    assert_eq!(
        uids(&ga),
        [
            "ga-regular@2022-07-08@p",
            "ga-regular@2023-07-14@p",
            "ga-regular@2024-07-12@p"
        ]
    );
    let e = events(&ga);
    assert!(e[0].contains("\r\nSTATUS:CANCELLED\r\n"), "{}", e[0]);
    assert!(e[1].contains("\r\nDTSTART;TZID=Asia/Seoul:20230721T150000\r\n"));
    // numbered as in the whole calendar: each event is the whole calendar's, byte for byte
    assert!(
        e[2].contains("\r\nSUMMARY:5th Regular Assembly\r\n"),
        "{}",
        e[2]
    );
    let whole = events(&all);
    for ev in &e {
        assert!(whole.contains(ev), "not in the whole calendar: {ev}");
    }
    // a series relative to a body is a series of its own: its occurrences (one before each
    // session of the assembly's body, the special one included, its 2024 record), not the body's
    let wc = calendar_ics(&ds, &q(Some("wc-prep"), "2022-01-01", "2024-12-31")).unwrap();
    let wc_uids = uids(&wc);
    assert!(
        wc_uids.iter().all(|u| u.starts_with("wc-prep@")),
        "{wc_uids:?}"
    );
    assert_eq!(wc_uids.len(), 4, "{wc_uids:?}");
    assert!(wc_uids.contains(&"wc-prep@2024-12-19@p".to_string()));
    for ev in events(&wc) {
        assert!(whole.contains(&ev), "not in the whole calendar: {ev}");
    }
    // every event is in one series' file, or is a one-off session (ga-special, forum-1)
    assert_eq!(whole.len(), e.len() + wc_uids.len() + 2);
    // a body filter with a series: the body must exist, and only that body's sessions stay
    let mut both = q(Some("ga-regular"), "2022-01-01", "2024-12-31");
    both.body = Some("wc");
    assert_eq!(events(&calendar_ics(&ds, &both).unwrap()).len(), 0);
}

#[test]
fn an_unknown_series_is_a_clear_error() {
    let ds = loaded(FEED);
    let p = calendar_ics(&ds, &q(Some("nope"), "2022-01-01", "2024-12-31")).unwrap_err();
    assert_eq!(p.code, Code::ArgSeries);
    assert_eq!(p.message, "\"nope\" is not the id of any series");
    // a session id or a body id is no series id
    for id in ["ga-2022", "ga", "ga-regular@2024-07-12"] {
        let p = calendar_ics(&ds, &q(Some(id), "2022-01-01", "2024-12-31")).unwrap_err();
        assert_eq!(p.code, Code::ArgSeries, "{id}");
    }
}

#[test]
fn the_publishing_pass_writes_what_the_query_writes() {
    let ds = loaded(FEED);
    let pass = SeriesPass::new(&ds);
    let sub = Subscription::default();
    for (i, s) in ds.feed.series.iter().enumerate() {
        let one = calendar_ics_for(&ds, &q(Some(&s.id), "2022-01-01", "2024-12-31"), &sub).unwrap();
        let got = pass
            .export(i, &q(None, "2022-01-01", "2024-12-31"), &sub)
            .unwrap();
        assert_eq!((got.text, got.events), (one.text, one.events), "{}", s.id);
    }
    assert!(!pass.exhausted());
}

/// `n` yearly series of `COUNT=1000000` from `start` (the count skipped, not expanded), numbered,
/// each with one cancelled occurrence in 2026, on `bodies` bodies.
fn many_series(n: usize, bodies: usize, start: u32) -> String {
    let bodies_json: Vec<String> = (0..bodies)
        .map(|b| format!(r#"{{"id": "b{b}", "kind": "forum", "name": "B{b}", "sources": ["s"]}}"#))
        .collect();
    let series: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "s{i}", "body": "b{}", "kind": "regular", "sources": ["s"], "numbering": {{"first": 1}},
                "rules": [{{"dtstart": "{start}-03-01T10:00", "rrule": "FREQ=YEARLY;COUNT=1000000"}}]}}"#,
                i % bodies
            )
        })
        .collect();
    let sessions: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "x{i}", "body": "b{}", "series": "s{i}", "recurrence_id": "2026-03-01T10:00",
                "start": "2026-03-01T10:00", "status": "cancelled", "sources": ["s"]}}"#,
                i % bodies
            )
        })
        .collect();
    format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{}], "series": [{}], "sessions": [{}]}}"#,
        bodies_json.join(","),
        series.join(","),
        sessions.join(",")
    )
}

#[test]
fn five_thousand_series_are_published_in_one_linear_pass() {
    let n = 5000;
    let ds = loaded(&many_series(n, 10, 2000));
    let pass = SeriesPass::new(&ds);
    let window = q(None, "2025-06-30", "2028-07-02");
    let sub = Subscription::default();
    let mut events = 0;
    for i in 0..n {
        let e = pass.export(i, &window, &sub).unwrap();
        // 2026 (the cancellation record), 2027, 2028
        assert_eq!((e.events, e.truncated), (3, false), "s{i}");
        events += e.events;
    }
    assert_eq!(events, 3 * n);
    // each series expanded once, its 25 years before the window counted (not expanded) in a few
    // steps a year, for its window and for its number: 175 steps a series (measured), not the
    // series times anything
    let steps = pass.steps();
    assert!(steps <= 200 * n as u64, "{steps} steps for {n} series");
    assert!(!pass.exhausted());
}

#[test]
fn many_series_anchored_on_one_busy_body_stop_at_the_budget() {
    // 2,000 series one day after every regular session of body b0, which has 2,000 special
    // sessions in the window: each series looks at every one (a step each) and keeps none, so
    // following them all would be 4,000,000 steps; the pass stops at one query's budget
    let bodies: Vec<String> = (0..=5)
        .map(|b| format!(r#"{{"id": "b{b}", "kind": "forum", "name": "B{b}", "sources": ["s"]}}"#))
        .collect();
    let series: Vec<String> = (0..2000)
        .map(|i| {
            format!(
                r#"{{"id": "r{i}", "body": "b{}", "kind": "working", "sources": ["s"],
                "rules": [{{"relative": {{"body": "b0", "kinds": ["regular"], "offset_days": 1}}}}]}}"#,
                1 + i % 5
            )
        })
        .collect();
    let sessions: Vec<String> = (0..2000)
        .map(|k| {
            let (m, day, h) = (1 + (k / 28) % 12, 1 + k % 28, 8 + k / 336);
            format!(
                r#"{{"id": "e{k}", "body": "b0", "kind": "special", "start": "2026-{m:02}-{day:02}T{h:02}:00", "sources": ["s"]}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{}], "series": [{}], "sessions": [{}]}}"#,
        bodies.join(","),
        series.join(","),
        sessions.join(",")
    );
    let ds = loaded(&text);
    assert_eq!((ds.feed.series.len(), ds.feed.sessions.len()), (2000, 2000));
    let pass = SeriesPass::new(&ds);
    let window = q(None, "2025-06-30", "2028-07-02");
    let sub = Subscription::default();
    let mut written = 0;
    for i in 0..ds.feed.series.len() {
        if pass.exhausted() {
            break;
        }
        let e = pass.export(i, &window, &sub).unwrap();
        assert_eq!(e.events, 0);
        written += 1;
    }
    assert!(pass.exhausted(), "the budget is what bounds this shape");
    // about 2,000 steps a series: the budget holds a thousand of them
    assert!((900..=1001).contains(&written), "{written}");
    // one query's steps, plus the few a series takes before its expansion notices
    assert!(pass.steps() <= QUERY_STEPS + 10_000, "{}", pass.steps());
}

/// The fuzz seeds of body-anchored relative rules (`fuzz/corpus/load/body-*.json`).
const SEEDS: [(&str, &str); 3] = [
    (
        "body-chain",
        include_str!("../../fuzz/corpus/load/body-chain.json"),
    ),
    (
        "body-self",
        include_str!("../../fuzz/corpus/load/body-self.json"),
    ),
    (
        "body-fan",
        include_str!("../../fuzz/corpus/load/body-fan.json"),
    ),
];

#[test]
fn the_body_anchor_seeds_stay_bounded() {
    for (name, text) in SEEDS {
        let l = load(text);
        let codes: Vec<Code> = l.report.errors.iter().map(|p| p.code).collect();
        let Some(ds) = l.dataset else {
            panic!("{name}: the structure part loads ({codes:?})")
        };
        if name == "body-self" {
            // a body anchoring on itself, a cycle through a body and a series, a chain of 9
            assert!(codes.contains(&Code::SeriesCycle) && codes.contains(&Code::SeriesDepth));
            assert!(!ds.usable(crate::dataset::Part::Calendar), "{name}");
            continue;
        }
        assert!(codes.is_empty(), "{name}: {codes:?}");
        let (from, to) = (d("2025-06-30"), d("2028-07-02"));
        // per series, what its anchors give inside the window (series occurrences, sessions):
        // following them costs about a step each, so a series costs at most that plus a few
        let ex = expand::expander(&ds);
        let mut bound = 0u64;
        for i in 0..ds.feed.series.len() {
            let before = ex.steps();
            let (occs, cut) = ex.occurrences(i, from, to, crate::recur::HARD_CAP);
            assert!(!cut, "{name}: series {i}");
            bound += (ex.steps() - before) + occs.len() as u64;
        }
        // the whole calendar: one query, within the cap and the budget
        let all = sessions(
            &ds,
            &SessionQuery {
                from,
                to,
                body: None,
                lang: Lang::Ko,
                cap: crate::recur::HARD_CAP,
                now: crate::calendar::NO_CLOCK,
            },
        )
        .unwrap();
        assert!(all.sessions.len() <= crate::recur::HARD_CAP);
        // the publishing pass over every series: each expanded once (with its anchors), and its
        // overrides' occurrences looked up, so within a small factor of the expansions alone
        let pass = SeriesPass::new(&ds);
        let window = q(None, "2025-06-30", "2028-07-02");
        let mut events = 0;
        for i in 0..ds.feed.series.len() {
            let e = pass.export(i, &window, &Subscription::default()).unwrap();
            assert!(!e.truncated, "{name}: series {i}");
            events += e.events;
        }
        assert!(!pass.exhausted(), "{name}");
        assert!(
            pass.steps() <= 3 * bound + 1000,
            "{name}: {} steps, the expansions alone {bound}",
            pass.steps()
        );
        assert!(events > 0, "{name}");
        if name == "body-fan" {
            // 300 series following one body: the pass is about 300 x the body's sessions, the
            // size of what it writes (about two steps an event: the anchor followed, the
            // occurrence made; 546,930 steps measured), not the series squared
            assert!(events > 300 * 600, "{events}");
            assert!(
                pass.steps() <= 3 * events as u64 + 10_000,
                "{}",
                pass.steps()
            );
        }
    }
}
