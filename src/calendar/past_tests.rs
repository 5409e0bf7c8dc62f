//! What a session view says as of the caller's clock (`past`), its numbered heading, and the
//! window cut to 1900–2200.

use super::tests::{d, ds, loaded, query, rows, FEED};
use super::*;
use crate::dataset::Dataset;
use crate::text::Lang;

fn at(s: &str) -> chrono::NaiveDateTime {
    crate::date::parse_local(s).unwrap()
}

/// `id past` for every session of `q` as of `now`.
fn past_at(ds: &Dataset, q: &SessionQuery, now: &str) -> Vec<String> {
    let q = SessionQuery { now: at(now), ..*q };
    let list = sessions(ds, &q).unwrap();
    let mark = |s: &SessionView| if s.past { " past" } else { "" };
    list.sessions
        .iter()
        .map(|s| format!("{} {}{}", s.id, s.status, mark(s)))
        .collect()
}

#[test]
fn a_scheduled_session_that_ended_before_now_is_past_and_keeps_its_status() {
    let ds = ds();
    let q = query("2021-01-01", "2024-12-31", Some("ga"));
    // 2024-07-12 14:00-16:00 is under way at 15:00; the cancelled and moved records are not past
    assert_eq!(
        past_at(&ds, &q, "2024-07-12T15:00"),
        [
            "ga-regular@2021-07-09 scheduled past",
            "ga-2022 cancelled",
            "ga-2023 moved",
            "ga-regular@2024-07-12 scheduled",
            "special-2024 scheduled",
        ]
    );
    // past at its end (16:00) exactly it is not: one minute later it is
    let at_end = past_at(&ds, &q, "2024-07-12T16:00");
    assert_eq!(at_end[3], "ga-regular@2024-07-12 scheduled");
    let after = past_at(&ds, &q, "2024-07-12T16:01");
    assert_eq!(after[3], "ga-regular@2024-07-12 scheduled past");
    // an all-day session ends with its day
    assert_eq!(
        past_at(&ds, &q, "2024-12-20T23:59")[4],
        "special-2024 scheduled"
    );
    assert_eq!(
        past_at(&ds, &q, "2024-12-21T00:00")[4],
        "special-2024 scheduled past"
    );
    // no clock: nothing is past
    let none = sessions(&ds, &q).unwrap();
    assert!(none.sessions.iter().all(|s| !s.past));
    // a timed session without an end is past once it has started
    let wc = query("2024-01-01", "2024-12-31", Some("wc"));
    let feed = FEED.replace(
        r#""start": "2024-12-20", "sources""#,
        r#""start": "2024-12-20T10:00", "sources""#,
    );
    let no_end = loaded(&feed);
    assert_eq!(
        past_at(&no_end, &q, "2024-12-20T10:01")[4],
        "special-2024 scheduled past"
    );
    assert_eq!(
        past_at(&no_end, &q, "2024-12-20T10:00")[4],
        "special-2024 scheduled"
    );
    assert_eq!(
        past_at(&ds, &wc, "2024-07-06T00:00"),
        ["wc-prep@2024-07-05 scheduled past"]
    );
}

#[test]
fn a_held_record_is_never_past() {
    let feed = FEED.replace(r#""status": "moved""#, r#""status": "held""#);
    let ds = loaded(&feed);
    let q = query("2023-01-01", "2023-12-31", Some("ga"));
    assert_eq!(past_at(&ds, &q, "2026-01-01T00:00"), ["ga-2023 held"]);
}

#[test]
fn one_session_and_the_next_ones_are_past_as_of_the_callers_clock() {
    let ds = ds();
    let old = find_session(
        &ds,
        "ga-regular@2021-07-09",
        Lang::En,
        at("2021-07-09T16:01"),
    );
    assert!(old.unwrap().past);
    let early = find_session(
        &ds,
        "ga-regular@2021-07-09",
        Lang::En,
        at("2021-07-09T15:59"),
    );
    assert!(!early.unwrap().past);
    assert!(
        !find_session(&ds, "ga-regular@2021-07-09", Lang::En, NO_CLOCK)
            .unwrap()
            .past
    );
    let list = next_sessions(
        &ds,
        d("2024-01-01"),
        2,
        None,
        Lang::En,
        at("2024-07-05T12:01"),
    )
    .unwrap();
    let got: Vec<(&str, bool)> = list
        .sessions
        .iter()
        .map(|s| (s.id.as_str(), s.past))
        .collect();
    // wc-prep of 2024-07-05 at 10:00 has no end: past at 12:01
    assert_eq!(
        got,
        [
            ("forum-days@2024-03-01", true),
            ("wc-prep@2024-07-05", true)
        ]
    );
}

#[test]
fn the_next_session_is_neither_cancelled_nor_past() {
    let ds = ds();
    let next = |now: &str| {
        next_session(&ds, at(now), Some("ga"), Lang::En)
            .unwrap()
            .map(|s| s.id)
    };
    // at midnight the day's assembly is still ahead; once it ended, the special session follows
    assert_eq!(
        next("2024-07-12T00:00").as_deref(),
        Some("ga-regular@2024-07-12")
    );
    assert_eq!(
        next("2024-07-12T15:00").as_deref(),
        Some("ga-regular@2024-07-12")
    );
    assert_eq!(next("2024-07-12T16:01").as_deref(), Some("special-2024"));
}

#[test]
fn a_window_reaching_outside_1900_2200_is_cut_to_them_and_says_so() {
    let ds = ds();
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    // the month grid of December 2200 reaches into January 2201
    let dec = SessionQuery {
        from: day("2200-11-30"),
        to: day("2201-01-03"),
        ..query("2200-01-01", "2200-01-01", None)
    };
    let list = sessions(&ds, &dec).unwrap();
    assert!(list.horizon, "ga-regular and forum-days have no end");
    assert!(!list.truncated);
    assert!(list
        .sessions
        .iter()
        .all(|s| s.start.as_str() <= "2200-12-31"));
    let starts = session_starts(&ds, &dec).unwrap();
    assert_eq!(starts.0.len(), list.sessions.len());
    // wholly past 2200: nothing, and the horizon; a body whose series end says nothing
    let jan = SessionQuery {
        from: day("2201-01-01"),
        to: day("2201-01-31"),
        ..dec
    };
    let list = sessions(&ds, &jan).unwrap();
    assert_eq!((list.sessions.len(), list.horizon), (0, true));
    let cut = loaded(&FEED.replace(
        r#""rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR", "duration_minutes": 120"#,
        r#""rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR;COUNT=3", "duration_minutes": 120"#,
    ));
    let ga = SessionQuery {
        body: Some("ga"),
        ..jan
    };
    assert!(!sessions(&cut, &ga).unwrap().horizon);
    // the grid of January 1900 reaches into December 1899
    let feed = FEED.replace(r#""start": "2024-12-20""#, r#""start": "1900-01-01""#);
    let early = loaded(&feed);
    let q = SessionQuery {
        from: day("1899-12-31"),
        to: day("1900-02-10"),
        ..query("1900-01-01", "1900-01-01", Some("ga"))
    };
    let list = sessions(&early, &q).unwrap();
    assert_eq!(rows(&list), ["special-2024 1900-01-01 scheduled"]);
    assert!(!list.horizon);
    let before = SessionQuery {
        from: day("1800-01-01"),
        to: day("1899-12-31"),
        ..q
    };
    let list = sessions(&early, &before).unwrap();
    assert_eq!(
        (list.sessions.len(), list.horizon, list.truncated),
        (0, false, false)
    );
    // next sessions from past 2200: none, no error
    let far = next_sessions(&ds, day("2201-01-01"), 3, None, Lang::En, NO_CLOCK).unwrap();
    assert!(far.sessions.is_empty());
}

#[test]
fn a_numbered_session_reads_3rd_title_in_english_and_je3cha_in_korean() {
    let ds = ds();
    let q = query("2022-01-01", "2022-12-31", Some("ga"));
    let en = sessions(&ds, &q).unwrap();
    let s = &en.sessions[0];
    assert_eq!(s.ordinal.as_deref(), Some("3rd"));
    assert_eq!(s.heading, "3rd Regular Assembly");
    let ko = sessions(
        &ds,
        &SessionQuery {
            lang: Lang::Ko,
            ..q
        },
    )
    .unwrap();
    assert_eq!(ko.sessions[0].ordinal.as_deref(), Some("제3차"));
    assert_eq!(ko.sessions[0].heading, "제3차 정기총회");
    // unnumbered: the title alone
    let special = find_session(&ds, "special-2024", Lang::En, NO_CLOCK).unwrap();
    assert_eq!(
        (special.ordinal, special.heading.as_str()),
        (None, "General Assembly")
    );
    // 제N회 with the counter 회
    let hoe = loaded(&FEED.replace(
        r#""numbering": {"first": 1, "from": "2020-01-01"}"#,
        r#""numbering": {"first": 11, "from": "2020-01-01", "counter": "회"}"#,
    ));
    let ko = sessions(
        &hoe,
        &SessionQuery {
            lang: Lang::Ko,
            ..q
        },
    )
    .unwrap();
    assert_eq!(ko.sessions[0].heading, "제13회 정기총회");
    let en = sessions(&hoe, &q).unwrap();
    assert_eq!(en.sessions[0].heading, "13th Regular Assembly");
}

#[test]
fn the_ics_summary_is_the_heading_and_no_text_calls_a_past_session_scheduled() {
    let ds = ds();
    for (lang, summary, words) in [
        (
            Lang::En,
            "SUMMARY:5th Regular Assembly",
            ["Scheduled", "Past"],
        ),
        (Lang::Ko, "SUMMARY:제5차 정기총회", ["예정", "지난 회의"]),
    ] {
        let q = IcsQuery {
            body: Some("ga"),
            session: None,
            series: None,
            from: d("2024-01-01"),
            to: d("2024-12-31"),
            lang,
            // long after the 2024 sessions: they are past, still scheduled
            dtstamp_utc: at("2026-01-01T00:00"),
            base_url: None,
        };
        let text = calendar_ics(&ds, &q).unwrap().replace("\r\n ", "");
        assert!(text.contains(&format!("\r\n{summary}\r\n")), "{text}");
        for w in words {
            assert!(!text.contains(w), "{w} in {text}");
        }
        assert_eq!(text.matches("\r\nSTATUS:CONFIRMED\r\n").count(), 2);
        let link = google_link(&ds, "ga-regular@2024-07-12", lang, None).unwrap();
        assert!(!link.contains("No."), "{link}");
    }
}
