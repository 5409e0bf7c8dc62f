//! Calendar specs over a small inline feed.

use super::*;
use crate::dataset::{load, Dataset};
use crate::text::Lang;
use chrono::NaiveDate;

pub(super) const FEED: &str = r#"{"cogov": 1, "publisher": {"id": "p", "name": {"ko": "협의회", "en": "Association"}},
 "sources": [{"id": "src-a", "title": "Old rules"}, {"id": "src-b", "title": "New rules"}],
 "bodies": [
  {"id": "ga", "kind": "association", "name": {"ko": "총회", "en": "General Assembly"}, "sources": ["src-a"]},
  {"id": "wc", "kind": "association", "name": "Working Council", "sources": ["src-a"]},
  {"id": "forum", "kind": "association", "name": "Forum", "sources": ["src-a"]}],
 "series": [
  {"id": "ga-regular", "body": "ga", "kind": "regular", "title": {"ko": "정기총회", "en": "Regular Assembly"},
   "numbering": {"first": 1, "from": "2020-01-01"}, "sources": ["src-a"],
   "rules": [{"dtstart": "2020-07-10T14:00", "rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR", "duration_minutes": 120}]},
  {"id": "wc-prep", "body": "wc", "kind": "working", "sources": ["src-a"],
   "rules": [{"relative": {"series": "ga-regular", "offset_days": -7, "time": "10:00"}}]},
  {"id": "forum-days", "body": "forum", "kind": "forum", "sources": ["src-a"],
   "rules": [
    {"dtstart": "2020-03-01", "rrule": "FREQ=YEARLY", "effective": {"to": "2023-12-31"}, "sources": ["src-a"]},
    {"dtstart": "2020-03-01", "rrule": "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=1", "effective": {"from": "2024-01-01"},
     "sources": ["src-b"], "illustrative": true, "note": "days invented"}]}],
 "sessions": [
  {"id": "ga-2022", "body": "ga", "series": "ga-regular", "recurrence_id": "2022-07-08T14:00",
   "start": "2022-07-08T14:00", "status": "cancelled", "sources": ["src-a"]},
  {"id": "ga-2023", "body": "ga", "series": "ga-regular", "recurrence_id": "2023-07-14T14:00",
   "start": "2023-07-21T15:00", "end": "2023-07-21T17:00", "status": "moved", "sources": ["src-a"],
   "agenda": [{"title": "Budget", "kind": "resolution"}]},
  {"id": "special-2024", "body": "ga", "kind": "special", "start": "2024-12-20", "sources": ["src-a"]}]}"#;

pub(super) fn ds() -> Dataset {
    let l = load(FEED);
    assert!(l.report.errors.is_empty(), "{:?}", l.report.errors);
    assert!(l.report.warnings.is_empty(), "{:?}", l.report.warnings);
    l.dataset.unwrap()
}

pub(super) fn d(s: &str) -> NaiveDate {
    crate::date::parse_date(s).unwrap()
}

pub(super) fn query<'a>(from: &str, to: &str, body: Option<&'a str>) -> SessionQuery<'a> {
    SessionQuery {
        from: d(from),
        to: d(to),
        body,
        lang: Lang::En,
        cap: 100,
        now: NO_CLOCK,
    }
}

pub(super) fn rows(list: &SessionList) -> Vec<String> {
    list.sessions
        .iter()
        .map(|s| {
            let n = s.number.map(|n| format!(" #{n}")).unwrap_or_default();
            format!("{} {} {}{n}", s.id, s.start, s.status)
        })
        .collect()
}

#[test]
fn yearly_series_with_overrides_cancelling_one_year_and_moving_another() {
    let list = sessions(&ds(), &query("2020-01-01", "2025-12-31", Some("ga"))).unwrap();
    assert_eq!(
        rows(&list),
        [
            "ga-regular@2020-07-10 2020-07-10T14:00 scheduled #1",
            "ga-regular@2021-07-09 2021-07-09T14:00 scheduled #2",
            "ga-2022 2022-07-08T14:00 cancelled #3",
            "ga-2023 2023-07-21T15:00 moved #4",
            "ga-regular@2024-07-12 2024-07-12T14:00 scheduled #5",
            "special-2024 2024-12-20 scheduled",
            "ga-regular@2025-07-11 2025-07-11T14:00 scheduled #6",
        ]
    );
    assert!(!list.truncated);
    let moved = &list.sessions[3];
    assert_eq!(moved.title, "Regular Assembly");
    assert_eq!(moved.agenda[0].kind, "resolution");
    let generated = &list.sessions[0];
    assert_eq!(generated.end.as_deref(), Some("2020-07-10T16:00"));
    assert_eq!(generated.body_name, "General Assembly");
    assert_eq!(generated.kind, "regular");
}

#[test]
fn numbers_count_every_occurrence_before_the_window() {
    let list = sessions(&ds(), &query("2024-01-01", "2024-12-31", Some("ga"))).unwrap();
    assert_eq!(list.sessions[0].number, Some(5));
    let ko = sessions(
        &ds(),
        &SessionQuery {
            lang: Lang::Ko,
            ..query("2024-01-01", "2024-12-31", Some("ga"))
        },
    )
    .unwrap();
    assert_eq!(ko.sessions[0].title, "정기총회");
}

#[test]
fn relative_rule_is_seven_days_before_each_assembly_at_its_own_time() {
    let list = sessions(&ds(), &query("2024-01-01", "2024-12-31", Some("wc"))).unwrap();
    assert_eq!(
        rows(&list),
        ["wc-prep@2024-07-05 2024-07-05T10:00 scheduled"]
    );
    assert_eq!(list.sessions[0].end.as_deref(), Some("2024-07-05T12:00"));
    // Follows the rule, not the override: the 2023 assembly moved, its preparation did not.
    let y2023 = sessions(&ds(), &query("2023-01-01", "2023-12-31", Some("wc"))).unwrap();
    assert_eq!(y2023.sessions[0].start, "2023-07-07T10:00");
}

#[test]
fn effective_periods_once_a_year_until_2023_then_twice_a_year() {
    let list = sessions(&ds(), &query("2022-01-01", "2025-12-31", Some("forum"))).unwrap();
    let starts: Vec<_> = list.sessions.iter().map(|s| s.start.as_str()).collect();
    assert_eq!(
        starts,
        [
            "2022-03-01",
            "2023-03-01",
            "2024-03-01",
            "2024-09-01",
            "2025-03-01",
            "2025-09-01"
        ]
    );
    assert!(list.sessions.iter().all(|s| s.all_day));
    assert_eq!(list.sessions[1].sources[0].title, "Old rules");
    assert!(!list.sessions[1].illustrative);
    assert_eq!(list.sessions[2].sources[0].title, "New rules");
    assert!(list.sessions[2].illustrative);
    assert_eq!(list.sessions[2].note.as_deref(), Some("days invented"));
}

#[test]
fn results_are_capped_and_flagged() {
    let q = SessionQuery {
        cap: 2,
        ..query("2020-01-01", "2030-12-31", None)
    };
    let list = sessions(&ds(), &q).unwrap();
    assert_eq!(list.sessions.len(), 2);
    assert!(list.truncated);
    assert_eq!(
        sessions(&ds(), &query("2020-01-01", "2020-12-31", Some("nobody")))
            .unwrap_err()
            .code,
        "arg.body"
    );
}

#[test]
fn next_sessions_from_today() {
    let list = next_sessions(&ds(), d("2024-07-06"), 2, Some("ga"), Lang::En, NO_CLOCK).unwrap();
    assert_eq!(
        rows(&list),
        [
            "ga-regular@2024-07-12 2024-07-12T14:00 scheduled #5",
            "special-2024 2024-12-20 scheduled"
        ]
    );
    assert!(list.truncated);
    let far = next_sessions(&ds(), d("2190-01-01"), 100, Some("ga"), Lang::En, NO_CLOCK).unwrap();
    assert_eq!(far.sessions.len(), 11);
}

#[test]
fn find_session_by_id() {
    let ds = ds();
    assert_eq!(
        find_session(&ds, "ga-regular@2021-07-09", Lang::En, NO_CLOCK)
            .unwrap()
            .number,
        Some(2)
    );
    assert_eq!(
        find_session(&ds, "ga-regular@2023-07-14", Lang::En, NO_CLOCK)
            .unwrap()
            .id,
        "ga-2023"
    );
    assert!(find_session(&ds, "ga-regular@2023-07-15", Lang::En, NO_CLOCK).is_none());
    assert!(find_session(&ds, "nothing", Lang::En, NO_CLOCK).is_none());
}

fn problems(feed: &str) -> Vec<String> {
    let r = load(feed).report;
    r.errors
        .iter()
        .map(|p| format!("error {p} [{}]", p.code))
        .chain(
            r.warnings
                .iter()
                .map(|p| format!("warning {p} [{}]", p.code)),
        )
        .collect()
}

#[test]
fn rules_are_checked_at_load() {
    let bad = FEED.replace("BYDAY=2FR\"", "BYDAY=2FR;BYSECOND=9\"");
    assert_eq!(
        problems(&bad),
        ["error series[0].rules[0].rrule: unsupported rrule part BYSECOND=9: council rules use whole minutes [rrule.unsupported]"]
    );
    let cycle = FEED.replace(
        "{\"dtstart\": \"2020-07-10T14:00\", \"rrule\": \"FREQ=YEARLY;BYMONTH=7;BYDAY=2FR\", \"duration_minutes\": 120}",
        "{\"relative\": {\"series\": \"wc-prep\", \"offset_days\": 7}}",
    );
    let p = problems(&cycle);
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].starts_with("error series[0].rules[0].relative.series: "));
    assert!(p[0].ends_with("[series.cycle]"));
    let stray = FEED.replace(
        "\"recurrence_id\": \"2023-07-14T14:00\"",
        "\"recurrence_id\": \"2023-07-15T14:00\"",
    );
    assert_eq!(
        problems(&stray),
        ["warning sessions[1].recurrence_id: 2023-07-15T14:00 is not an occurrence of series \"ga-regular\" [session.recurrence_id]"]
    );
}

#[test]
fn default_feed_expands_with_unique_ids() {
    let l = load(include_str!("../../www/data/feed.json"));
    let ds = l.dataset.unwrap();
    let list = sessions(&ds, &query("2018-01-01", "2027-12-31", None)).unwrap();
    let mut ids: Vec<_> = list.sessions.iter().map(|s| s.id.as_str()).collect();
    let n = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), n);
    // Every override replaced its occurrence: the 2025 working council appears once.
    assert!(list.sessions.iter().all(|s| s.id != "ga-wc@2025-07-10"));
    assert!(list.sessions.iter().any(|s| s.id == "ga-wc-2025"));
    assert!(list
        .sessions
        .iter()
        .any(|s| s.id == "four-assoc-2025-12" && s.status == "moved"));
}

fn ics_query<'a>(body: Option<&'a str>, session: Option<&'a str>) -> IcsQuery<'a> {
    IcsQuery {
        body,
        session,
        series: None,
        from: d("2022-01-01"),
        to: d("2024-12-31"),
        lang: Lang::En,
        dtstamp_utc: d("2026-01-01").and_hms_opt(0, 0, 0).unwrap(),
        base_url: Some("https://example.org/sessions"),
    }
}

#[test]
fn ics_has_one_event_per_instance_with_stable_uids() {
    let text = calendar_ics(&ds(), &ics_query(Some("ga"), None)).unwrap();
    let unfolded = text.replace("\r\n ", "");
    assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 4);
    assert!(unfolded.contains("\r\nNAME:Association\r\n"));
    assert!(unfolded.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1440M\r\n"));
    // an override keeps the UID of the occurrence it replaces, with a higher SEQUENCE
    assert!(!unfolded.contains("\r\nUID:ga-2022@p\r\n"));
    let event = |uid: &str| {
        let at = unfolded.find(&format!("\r\nUID:{uid}\r\n")).unwrap();
        let end = at + unfolded[at..].find("END:VEVENT").unwrap();
        unfolded[at..end].to_string()
    };
    let cancelled = event("ga-regular@2022-07-08@p");
    assert!(
        cancelled.contains("\r\nSTATUS:CANCELLED\r\n"),
        "{cancelled}"
    );
    assert!(cancelled.contains("\r\nSEQUENCE:2\r\n"), "{cancelled}");
    let moved = event("ga-regular@2023-07-14@p");
    assert!(moved.contains("\r\nDTSTART;TZID=Asia/Seoul:20230721T150000\r\n"));
    assert!(moved.contains("\r\nSEQUENCE:2\r\n"), "{moved}");
    let scheduled = event("ga-regular@2024-07-12@p");
    assert!(scheduled.contains("\r\nSEQUENCE:0\r\n"));
    assert!(scheduled.contains("\r\nCATEGORIES:Regular session\r\n"));
    // no end: the all-day special session lasts its day
    let special = event("special-2024@p");
    assert!(
        special.contains("\r\nDTEND;VALUE=DATE:20241221\r\n"),
        "{special}"
    );
    assert!(special.contains("\r\nSEQUENCE:0\r\n"));
    assert!(unfolded.contains("\r\nDTSTAMP:20260101T000000Z\r\n"));
    assert!(unfolded.contains("\r\nURL;VALUE=URI:https://example.org/sessions#ga-2023\r\n"));
    assert!(unfolded.contains("\r\nSUMMARY:4th Regular Assembly\r\n"));
    assert!(unfolded.contains("\r\nDTSTART;VALUE=DATE:20241220\r\n"));
}

#[test]
fn ics_for_one_session_and_google_link() {
    let text = calendar_ics(&ds(), &ics_query(None, Some("wc-prep@2024-07-05"))).unwrap();
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(text.contains("\r\nDTSTART;TZID=Asia/Seoul:20240705T100000\r\n"));
    assert_eq!(
        calendar_ics(&ds(), &ics_query(None, Some("wc-prep@2024-07-06")))
            .unwrap_err()
            .code,
        "arg.session"
    );
    let link = google_link(&ds(), "ga-regular@2024-07-12", Lang::Ko, None).unwrap();
    assert!(
        link.contains("dates=20240712T140000/20240712T160000"),
        "{link}"
    );
}

#[test]
fn ics_links_into_a_page_fragment_and_bodies_with_sessions_are_listed() {
    let mut q = ics_query(None, Some("ga-2023"));
    q.base_url = Some("https://example.org/cal#session=");
    let text = calendar_ics(&ds(), &q).unwrap();
    assert!(text.contains("\r\nURL;VALUE=URI:https://example.org/cal#session=ga-2023\r\n"));
    let bodies = session_bodies(&ds(), Lang::Ko);
    let names: Vec<(&str, &str)> = bodies
        .iter()
        .map(|b| (b.id.as_str(), b.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("ga", "총회"),
            ("wc", "Working Council"),
            ("forum", "Forum")
        ]
    );
}

#[test]
fn long_numbered_windows_are_counted_once_and_capped() {
    let feed = FEED.replace(
        "\"rules\": [{\"dtstart\": \"2020-07-10T14:00\", \"rrule\": \"FREQ=YEARLY;BYMONTH=7;BYDAY=2FR\"",
        "\"rules\": [{\"dtstart\": \"2020-07-10T14:00\", \"rrule\": \"FREQ=DAILY\"",
    );
    let ds = load(&feed).dataset.unwrap();
    let q = SessionQuery {
        cap: crate::recur::HARD_CAP,
        ..query("2021-01-01", "2060-12-31", Some("ga"))
    };
    let list = sessions(&ds, &q).unwrap();
    assert!(list.truncated);
    assert_eq!(list.sessions.len(), crate::recur::HARD_CAP);
    assert_eq!(list.sessions[0].id, "ga-regular@2021-01-01");
    assert_eq!(list.sessions[0].number, Some(176));
    assert_eq!(list.sessions[1].number, Some(177));
}

#[test]
fn two_occurrences_of_a_series_on_one_day_have_distinct_ids() {
    // a morning and an afternoon sitting of one series on the same days
    let feed = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
     "sources": [{"id": "s", "title": "S"}],
     "bodies": [{"id": "b", "kind": "association", "name": "B", "sources": ["s"]}],
     "series": [{"id": "twice", "body": "b", "kind": "regular", "sources": ["s"], "rules": [
       {"dtstart": "2026-03-02T10:00", "rrule": "FREQ=MONTHLY;BYMONTHDAY=2;COUNT=2"},
       {"dtstart": "2026-03-02T14:00", "rrule": "FREQ=MONTHLY;BYMONTHDAY=2;COUNT=2"}]}]}"#;
    let l = load(feed);
    assert!(l.report.errors.is_empty(), "{:?}", l.report.errors);
    let ds = l.dataset.unwrap();
    let list = sessions(&ds, &query("2026-03-01", "2026-04-30", None)).unwrap();
    let ids: Vec<&str> = list.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "twice@2026-03-02",
            "twice@2026-03-02T14:00",
            "twice@2026-04-02",
            "twice@2026-04-02T14:00"
        ]
    );
    // a window of that one day gives the same ids
    let day = sessions(&ds, &query("2026-04-02", "2026-04-02", None)).unwrap();
    assert_eq!(day.sessions[1].id, "twice@2026-04-02T14:00");
    // every id finds its own session back
    for s in &list.sessions {
        let found = find_session(&ds, &s.id, Lang::En, NO_CLOCK).unwrap();
        assert_eq!(
            (found.id.as_str(), found.start.as_str()),
            (s.id.as_str(), s.start.as_str())
        );
    }
    // the long form of the first sitting, or a time with no sitting, names nothing
    assert!(find_session(&ds, "twice@2026-03-02T10:00", Lang::En, NO_CLOCK).is_none());
    assert!(find_session(&ds, "twice@2026-03-02T11:00", Lang::En, NO_CLOCK).is_none());
}

#[test]
fn next_session_skips_cancelled_ones() {
    let ds = ds();
    // the 2022 assembly is cancelled; the next one held is the moved 2023 session
    let first = next_sessions(&ds, d("2022-07-01"), 1, Some("ga"), Lang::En, NO_CLOCK).unwrap();
    assert_eq!(first.sessions[0].status, "cancelled");
    let next = next_session(
        &ds,
        d("2022-07-01").and_time(chrono::NaiveTime::MIN),
        Some("ga"),
        Lang::En,
    )
    .unwrap()
    .unwrap();
    assert_eq!((next.id.as_str(), next.status), ("ga-2023", "moved"));
}

#[test]
fn a_malformed_agenda_proposal_is_a_problem_of_the_proposals_part() {
    let feed = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "sources": [{"id": "s", "title": "S"}],
      "bodies": [{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}],
      "sessions": [{"id": "x", "body": "b", "start": "2026-01-02", "sources": ["s"],
        "agenda": [{"title": "A", "proposal": "Not An Id"}, {"title": "B", "proposal": 7}]}]}"#;
    let l = load(feed);
    let problems: Vec<String> = l
        .report
        .errors
        .iter()
        .map(|e| format!("{} {}", e.path, e.code))
        .collect();
    assert_eq!(
        problems,
        [
            "sessions[0].agenda[0].proposal id.syntax",
            "sessions[0].agenda[1].proposal type"
        ]
    );
    let ds = l.dataset.unwrap();
    assert!(ds.usable(crate::dataset::Part::Calendar));
    assert!(!ds.usable(crate::dataset::Part::Proposals));
    let list = sessions(&ds, &wide("2026-01-01", "2026-01-31")).unwrap();
    assert_eq!(list.sessions[0].agenda.len(), 2);
    assert_eq!(list.sessions[0].agenda[0].proposal, None);
}

#[test]
fn counted_numbers_agree_with_expanded_ones() {
    for (rrule, from, eff) in [
        (
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;COUNT=700",
            "2001-03-01",
            "2003-01-01",
        ),
        ("FREQ=MONTHLY;BYDAY=-1FR", "1999-12-31", "2000-06-01"),
        (
            "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR",
            "2002-01-01",
            "1990-01-01",
        ),
        (
            "FREQ=DAILY;INTERVAL=3;BYMONTH=2,3",
            "2000-02-10",
            "2000-01-01",
        ),
    ] {
        let text = format!(
            r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
            "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
            "series": [{{"id": "a", "body": "b", "kind": "regular", "sources": ["s"], "numbering": {{"first": 5, "from": "{from}"}},
              "rules": [{{"dtstart": "1999-01-29T10:00", "rrule": "{rrule}", "effective": {{"from": "{eff}"}}}}]}}]}}"#
        );
        let ds = loaded(&text);
        let list = sessions(&ds, &wide("2004-01-01", "2030-12-31")).unwrap();
        let ex = expand::expander(&ds);
        let lo = d(from).max(d(eff));
        for s in &list.sessions {
            let (occs, _) = ex.occurrences(0, lo, s.start_when.date(), crate::recur::HARD_CAP);
            let before = occs
                .iter()
                .filter(|o| o.start.start() < s.start_when.start())
                .count();
            assert_eq!(s.number, Some(5 + before as u32), "{rrule} {}", s.start);
        }
        assert!(!list.sessions.is_empty(), "{rrule}");
    }
}

#[test]
fn revision_and_updated_are_checked() {
    let with = |field: &str| {
        FEED.replace(
            "\"start\": \"2024-12-20\",",
            &format!("\"start\": \"2024-12-20\", {field},"),
        )
    };
    assert!(problems(&with("\"revision\": 3, \"updated\": \"2024-12-01T09:30\"")).is_empty());
    assert_eq!(
        problems(&with("\"revision\": -1")),
        ["error sessions[2].revision: must be at least 0 [number.range]"]
    );
    assert_eq!(
        problems(&with("\"revision\": 2000000")),
        ["error sessions[2].revision: must be at most 1000000 [number.range]"]
    );
    assert_eq!(
        problems(&with("\"revision\": 1.5")),
        ["error sessions[2].revision: must be a whole number [number.integer]"]
    );
    let p = problems(&with("\"updated\": \"yesterday\""));
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("error sessions[2].updated: ") && p[0].ends_with("[date.invalid]"));
    let series = FEED.replace(
        "\"numbering\": {\"first\": 1",
        "\"revision\": \"2\", \"numbering\": {\"first\": 1",
    );
    let p = problems(&series);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].starts_with("error series[0].revision: "), "{p:?}");
}

#[test]
fn ics_uids_stay_unique_for_stray_and_repeated_overrides() {
    let feed = FEED.replace(
        "  {\"id\": \"special-2024\"",
        "  {\"id\": \"stray\", \"body\": \"ga\", \"series\": \"ga-regular\", \"recurrence_id\": \"2024-07-12T09:00\", \"start\": \"2024-07-12T09:00\", \"sources\": [\"src-a\"]},
  {\"id\": \"ga-2023b\", \"body\": \"ga\", \"series\": \"ga-regular\", \"recurrence_id\": \"2023-07-14T14:00\", \"start\": \"2023-07-22T10:00\", \"sources\": [\"src-a\"]},
  {\"id\": \"special-2024\"",
    );
    let l = load(&feed);
    let ds = l.dataset.expect("dataset");
    let text = calendar_ics(&ds, &ics_query(Some("ga"), None)).unwrap();
    let uids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(uids.len(), unique.len(), "{uids:?}");
    // a recurrence_id naming no occurrence replaces nothing: an event of its own
    assert!(uids.contains(&"stray@p") && uids.contains(&"ga-regular@2024-07-12@p"));
    // the first override of an occurrence has its UID, a second one its own id
    assert!(uids.contains(&"ga-regular@2023-07-14@p") && uids.contains(&"ga-2023b@p"));
}

#[test]
fn a_window_at_the_2200_horizon_says_endless_series_are_cut_there() {
    let ds = ds();
    let end = sessions(&ds, &query("2199-01-01", "2200-12-31", Some("ga"))).unwrap();
    assert_eq!(end.sessions.len(), 2);
    assert!(end.horizon && !end.truncated);
    // a relative series following an endless one is endless too
    let wc = sessions(&ds, &query("2200-01-01", "2200-12-31", Some("wc"))).unwrap();
    assert!(wc.horizon, "{:?}", rows(&wc));
    // before the last day, or with nothing shown, there is nothing to say
    let before = sessions(&ds, &query("2199-01-01", "2200-12-30", Some("ga"))).unwrap();
    assert!(!before.horizon);
    let none = sessions(&ds, &query("2200-08-01", "2200-12-31", Some("ga"))).unwrap();
    assert!(none.sessions.is_empty() && !none.horizon);
}

#[test]
fn rdates_add_sessions_that_exdates_remove_and_count_does_not_count() {
    let feed = FEED.replacen(
        r#""rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR", "duration_minutes": 120}"#,
        r#""rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR;COUNT=2", "duration_minutes": 120,
           "rdates": ["2020-12-01", "2021-03-02T10:00", "2021-07-09T14:00", "2024-01-05"], "exdates": ["2024-01-05"]}"#,
        1,
    );
    let l = load(&feed);
    assert!(l.report.errors.is_empty(), "{:?}", l.report.errors);
    let list = sessions(
        &l.dataset.unwrap(),
        &query("2020-01-01", "2025-12-31", Some("ga")),
    )
    .unwrap();
    assert_eq!(
        rows(&list),
        [
            "ga-regular@2020-07-10 2020-07-10T14:00 scheduled #1",
            "ga-regular@2020-12-01 2020-12-01T14:00 scheduled #2",
            "ga-regular@2021-03-02 2021-03-02T10:00 scheduled #3",
            "ga-regular@2021-07-09 2021-07-09T14:00 scheduled #4",
            // COUNT=2 ended the rule: the overrides of 2022 and 2023 stand alone
            "ga-2022 2022-07-08T14:00 cancelled",
            "ga-2023 2023-07-21T15:00 moved",
            "special-2024 2024-12-20 scheduled",
        ]
    );
}

#[test]
fn two_sittings_a_day_are_numbered_one_by_one() {
    let feed = FEED.replacen(
        r#""rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR", "duration_minutes": 120}"#,
        r#""rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR;BYHOUR=10,14", "duration_minutes": 120}"#,
        1,
    );
    let l = load(&feed);
    assert!(l.report.errors.is_empty(), "{:?}", l.report.errors);
    let ds = l.dataset.unwrap();
    let list = sessions(&ds, &query("2024-01-01", "2025-12-31", Some("ga"))).unwrap();
    let got: Vec<String> = rows(&list)
        .into_iter()
        .filter(|r| r.starts_with("ga-regular"))
        .collect();
    assert_eq!(got.len(), 4, "{got:?}");
    // before 2024: 2020 one (10:00 is before DTSTART's 14:00), 2021 to 2023 two each (the
    // overridden ones keep their numbers); the second sitting of a day has its own id
    let numbers: Vec<Option<u32>> = list
        .sessions
        .iter()
        .filter(|s| s.id.starts_with("ga-regular"))
        .map(|s| s.number)
        .collect();
    assert_eq!(numbers, [Some(8), Some(9), Some(10), Some(11)], "{got:?}");
    assert_eq!(
        got[1],
        "ga-regular@2024-07-12T14:00 2024-07-12T14:00 scheduled #9"
    );
}

/// `session_starts` gives the starts of exactly the sessions `sessions` lists (its timestamps come
/// from the window's sort keys, and a window of many series takes the sort's radix path): the
/// default feed (overrides, explicit sessions, relative rules) and 150 series of council forms
/// over ten years, per body and over every body.
#[test]
fn session_starts_are_the_starts_of_the_listed_sessions() {
    let forms = [
        "FREQ=WEEKLY;BYDAY=TU",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "FREQ=MONTHLY;BYDAY=2FR",
        "FREQ=MONTHLY;BYDAY=-1WE;COUNT=40",
        "FREQ=MONTHLY;BYMONTHDAY=-3,15",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        "FREQ=YEARLY;BYMONTH=6,11;BYDAY=1FR",
        "FREQ=YEARLY;BYDAY=20MO",
        "FREQ=DAILY;INTERVAL=9;BYHOUR=9,15",
        "FREQ=WEEKLY;BYDAY=SA;UNTIL=20300101",
    ];
    let series: Vec<String> = (0..150)
        .map(|i| {
            let (form, body, time) = (forms[i % forms.len()], ["a", "b"][i % 2], 9 + i % 8);
            format!(
                r#"{{"id": "s{i}", "body": "{body}", "kind": "regular", "sources": ["s"],
                "rules": [{{"dtstart": "2026-0{}-1{}T{time:02}:30", "duration_minutes": {}, "rrule": "{form}"}}]}}"#,
                1 + i % 9,
                i % 10,
                30 * (1 + i % 5)
            )
        })
        .collect();
    let text = format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{{"id": "a", "kind": "forum", "name": "A", "sources": ["s"]}},
                   {{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
        "series": [{}]}}"#,
        series.join(",")
    );
    let councils = loaded(&text);
    let default = load(include_str!("../../www/data/feed.json"))
        .dataset
        .unwrap();
    let mut checked = 0;
    for (ds, from, to, bodies) in [
        (
            &councils,
            "2027-01-01",
            "2036-12-31",
            vec![None, Some("a"), Some("b")],
        ),
        (&councils, "2026-03-01", "2026-03-31", vec![None]),
        (&default, "1900-01-01", "2200-12-31", vec![None]),
        (&default, "2025-01-01", "2026-12-31", vec![None]),
    ] {
        for body in bodies {
            let q = SessionQuery {
                body,
                ..wide(from, to)
            };
            let list = sessions(ds, &q).unwrap();
            let want: Vec<i64> = list
                .sessions
                .iter()
                .map(|s| s.start_when.start().and_utc().timestamp())
                .collect();
            let (got, cut) = session_starts(ds, &q).unwrap();
            assert_eq!((got, cut), (want, list.truncated), "{from}..{to} {body:?}");
            checked += list.sessions.len();
        }
    }
    assert!(checked > 8_000, "{checked} sessions checked");
}

/// An all-day series is one session a day even when its rule has several times a day or an
/// rdate on a day of the rule (the expander's dedup, which a timed one-rule series skips).
#[test]
fn all_day_series_with_times_or_rdates_give_one_session_a_day() {
    for (rrule, rdates, want) in [
        (
            "FREQ=DAILY;BYHOUR=9,15;COUNT=6",
            r#"["2026-01-20T10:00", "2026-01-20"]"#,
            4,
        ),
        (
            "FREQ=DAILY;COUNT=3",
            r#"["2026-01-06T10:00", "2026-01-07"]"#,
            3,
        ),
        ("FREQ=DAILY;COUNT=3", "[]", 3),
    ] {
        let text = format!(
            r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
            "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
            "series": [{{"id": "x", "body": "b", "kind": "regular", "sources": ["s"],
              "rules": [{{"dtstart": "2026-01-05", "rrule": "{rrule}", "rdates": {rdates}}}]}}]}}"#
        );
        let ds = loaded(&text);
        let list = sessions(&ds, &wide("2026-01-01", "2026-01-31")).unwrap();
        let days: Vec<&str> = list.sessions.iter().map(|s| s.start.as_str()).collect();
        assert_eq!(days.len(), want, "{rrule} {rdates}: {days:?}");
        assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
        let (starts, _) = session_starts(&ds, &wide("2026-01-01", "2026-01-31")).unwrap();
        assert_eq!(starts.len(), want);
    }
}

/// A session's end is its start plus the rule's duration: the same day's end time for a rule of
/// one time a day, the next day past midnight, and an rdate at another time its own.
#[test]
fn session_ends_follow_each_start() {
    for (dtstart, rrule, minutes, rdates) in [
        (
            "2026-01-05T10:00",
            "FREQ=WEEKLY;COUNT=4",
            90,
            r#"["2026-01-08T15:00"]"#,
        ),
        ("2026-01-05T23:30", "FREQ=DAILY;COUNT=3", 60, "[]"),
        (
            "2026-01-05T09:00",
            "FREQ=DAILY;BYHOUR=9,22;COUNT=4",
            150,
            r#"["2026-01-20T23:59"]"#,
        ),
    ] {
        let text = format!(
            r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
            "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
            "series": [{{"id": "x", "body": "b", "kind": "regular", "sources": ["s"],
              "rules": [{{"dtstart": "{dtstart}", "rrule": "{rrule}", "duration_minutes": {minutes}, "rdates": {rdates}}}]}}]}}"#
        );
        let ds = loaded(&text);
        let list = sessions(&ds, &wide("2026-01-01", "2026-01-31")).unwrap();
        assert!(list.sessions.len() >= 3, "{rrule}");
        for s in &list.sessions {
            let start = crate::date::parse_local(&s.start).unwrap();
            let want = start + chrono::TimeDelta::minutes(minutes);
            let end = s
                .end
                .as_deref()
                .map(|e| crate::date::parse_local(e).unwrap());
            assert_eq!(end, Some(want), "{rrule}: {}", s.start);
        }
    }
}

pub(super) fn loaded(text: &str) -> Dataset {
    let l = load(text);
    assert!(l.report.errors.is_empty(), "{:?}", l.report.errors);
    l.dataset.unwrap()
}

/// A query of every body with the largest cap.
pub(super) fn wide(from: &str, to: &str) -> SessionQuery<'static> {
    SessionQuery {
        cap: crate::recur::HARD_CAP,
        ..query(from, to, None)
    }
}
