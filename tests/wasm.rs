//! The boundary as JS sees it: runs under wasm-bindgen-test in node and in headless Chromium
//! (`scripts/test.sh` runs it in both).
#![cfg(target_arch = "wasm32")]

use cogov::wasm::{validate, Feed};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

const FEED: &str = include_str!("../www/data/feed.json");

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

/// A string argument.
fn s(v: &str) -> JsValue {
    JsValue::from_str(v)
}

/// No argument (`undefined`).
const NO: JsValue = JsValue::UNDEFINED;

#[wasm_bindgen_test]
fn default_feed_loads_and_gives_a_structure() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let view = feed
        .structure(&s("en"), &s("cooperation-meeting"), &NO)
        .unwrap();
    let roots = js_sys::Array::from(&get(&view, "roots"));
    let meeting = roots.get(0);
    assert_eq!(
        get(&meeting, "id").as_string().unwrap(),
        "cooperation-meeting"
    );
    let total = get(&get(&meeting, "composition"), "total")
        .as_f64()
        .unwrap();
    assert_eq!(total, 25.0);
    // absent values arrive as null, lists as arrays (never Map)
    assert!(get(&meeting, "relation").is_null());
    assert!(js_sys::Array::is_array(&get(&meeting, "children")));
}

#[wasm_bindgen_test]
fn a_broken_feed_throws_an_error_with_code_path_and_problems() {
    let err = match Feed::new(
        &s(
            r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "bodies": [{"id": "a", "kind": "forum", "name": "A", "part_of": ["zz"]}]}"#,
        ),
        &NO,
    ) {
        Err(e) => e,
        Ok(_) => panic!("a dangling reference must not load"),
    };
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "code").as_string().unwrap(), "ref.dangling");
    assert_eq!(
        get(&err, "path").as_string().unwrap(),
        "bodies[0].part_of[0]"
    );
    let problems = get(&err, "problems");
    assert_eq!(js_sys::Array::from(&get(&problems, "errors")).length(), 1);
}

#[wasm_bindgen_test]
fn truncated_json_is_an_error_not_a_panic() {
    // cut at the first character boundary from the middle (the feed holds Korean text)
    let half = (FEED.len() / 2..)
        .find(|&i| FEED.is_char_boundary(i))
        .unwrap();
    let report = validate(&s(&FEED[..half])).unwrap();
    let errors = js_sys::Array::from(&get(&report, "errors"));
    assert_eq!(errors.length(), 1);
    assert_eq!(get(&errors.get(0), "code").as_string().unwrap(), "json.eof");
    // the module still works after an error
    assert!(Feed::new(&s(FEED), &NO).is_ok());
}

#[wasm_bindgen_test]
fn unknown_root_body_is_a_query_error() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let err = feed.structure(&s("ko"), &s("nope"), &NO).err().unwrap();
    assert_eq!(get(&err, "code").as_string().unwrap(), "query.unknown_body");
}

#[wasm_bindgen_test]
fn calendar_methods_give_sessions_ics_and_links() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let list = feed
        .sessions(
            &s("2025-07-01"),
            &s("2025-07-31"),
            &s("ga-general-assembly"),
            &s("en"),
            &NO,
        )
        .unwrap();
    let sessions = js_sys::Array::from(&get(&list, "sessions"));
    assert_eq!(sessions.length(), 1);
    assert_eq!(
        get(&sessions.get(0), "status").as_string().unwrap(),
        "postponed"
    );
    assert_eq!(get(&list, "truncated").as_bool(), Some(false));
    let next = feed
        .next_sessions(&s("2025-01-01"), &JsValue::from(2), &NO, &s("ko"), &NO)
        .unwrap();
    assert_eq!(js_sys::Array::from(&get(&next, "sessions")).length(), 2);
    let ics = feed
        .ics(
            &NO,
            &s("ga-regular-2025"),
            &s("2026-01-01T00:00:00Z"),
            &NO,
            &NO,
        )
        .unwrap();
    // the override (session ga-regular-2025) keeps the UID of the occurrence it replaces
    assert!(ics.contains("\r\nUID:ga-regular@2025-07-11@gaok\r\n"));
    let en = feed
        .ics(
            &s("ga-general-assembly"),
            &NO,
            &s("2026-01-01T00:00:00Z"),
            &s("https://example.org/cal"),
            &s("en"),
        )
        .unwrap();
    let en = en.replace("\r\n ", "");
    assert!(en.contains("URL;VALUE=URI:https://example.org/cal#ga-regular-2025\r\n"));
    assert!(en.contains("SUMMARY:2025 Regular General Assembly"));
    assert!(!en.contains("정기총회"));
    let link = feed
        .google_link(&s("cm-quarterly@2025-04-10"), &s("en"), &NO)
        .unwrap();
    assert!(link.starts_with("https://calendar.google.com/"));
    let one = feed
        .session(&s("cm-quarterly@2025-04-10"), &s("en"), &NO)
        .unwrap();
    assert_eq!(get(&one, "start").as_string().unwrap(), "2025-04-10");
    assert!(feed
        .session(&s("no-such-session"), &s("en"), &NO)
        .unwrap()
        .is_null());
    let bodies = js_sys::Array::from(&feed.calendar_bodies(&s("en")).unwrap());
    assert!(bodies
        .iter()
        .any(|b| get(&b, "id").as_string().as_deref() == Some("ga-general-assembly")));
    let err = feed
        .sessions(&s("2025-13-01"), &s("2025-12-31"), &NO, &s("en"), &NO)
        .unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "arg.date");
}

#[wasm_bindgen_test]
fn the_clock_crosses_as_the_korean_wall_clock_and_windows_are_cut_to_1900_2200() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let id = s("cm-quarterly@2025-04-10");
    let past = |v: &JsValue| get(v, "past").as_bool();
    // `now` absent: nothing is past; a date is its midnight; a date-time the Korean wall clock
    assert_eq!(
        past(&feed.session(&id, &s("en"), &NO).unwrap()),
        Some(false)
    );
    assert_eq!(
        past(&feed.session(&id, &s("en"), &s("2025-04-10")).unwrap()),
        Some(false)
    );
    assert_eq!(
        past(&feed.session(&id, &s("en"), &s("2025-04-11")).unwrap()),
        Some(true)
    );
    assert_eq!(
        past(&feed.session(&id, &s("en"), &s("2025-04-11T00:00")).unwrap()),
        Some(true)
    );
    let list = feed
        .sessions(
            &s("2025-04-01"),
            &s("2025-04-30"),
            &NO,
            &s("en"),
            &s("2025-06-01T09:00"),
        )
        .unwrap();
    let all = js_sys::Array::from(&get(&list, "sessions"));
    assert!(all.length() > 0);
    assert!(all
        .iter()
        .all(|v| past(&v) == Some(get(&v, "status").as_string().as_deref() == Some("scheduled"))));
    let err = feed
        .sessions(
            &s("2025-04-01"),
            &s("2025-04-30"),
            &NO,
            &s("en"),
            &s("2025-04-31T09:00"),
        )
        .unwrap_err();
    assert_eq!(get(&err, "code").as_string().unwrap(), "arg.date");
    assert_eq!(get(&err, "path").as_string().unwrap(), "now");
    type_error(feed.session(&id, &s("en"), &JsValue::from(5)), "now");
    // the next session as of a time of day; a date keeps the day's sessions ahead
    let next = feed.next_session(&s("2025-04-10"), &NO, &s("en")).unwrap();
    assert_eq!(
        get(&next, "id").as_string().as_deref(),
        Some("cm-quarterly@2025-04-10")
    );
    let later = feed
        .next_session(&s("2025-04-11T10:00"), &NO, &s("en"))
        .unwrap();
    assert_ne!(
        get(&later, "id").as_string().as_deref(),
        Some("cm-quarterly@2025-04-10")
    );
    // the grids of December 2200 and January 1900 reach past the core's years: cut, no error
    let dec = feed
        .sessions(&s("2200-11-30"), &s("2201-01-10"), &NO, &s("ko"), &NO)
        .unwrap();
    assert_eq!(get(&dec, "horizon").as_bool(), Some(true));
    assert!(feed
        .sessions(&s("1899-12-31"), &s("1900-02-03"), &NO, &s("ko"), &NO)
        .is_ok());
    let hol = feed
        .holidays(&s("2200-11-30"), &s("2201-01-10"), &s("ko"))
        .unwrap();
    assert_eq!(get(&hol, "outside").as_bool(), Some(true));
    assert!(feed
        .next_sessions(&s("2201-01-01"), &JsValue::from(3), &NO, &s("ko"), &NO)
        .is_ok());
}

#[wasm_bindgen_test]
fn proposal_choices_and_cards_use_the_calendar() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let c = feed.proposal_choices(&s("ko")).unwrap();
    assert_eq!(js_sys::Array::from(&get(&c, "stages")).length(), 9);
    assert_eq!(js_sys::Array::from(&get(&c, "answers")).length(), 5);
    assert!(js_sys::Array::from(&get(&c, "ministries")).length() > 2);
    assert!(js_sys::Array::from(&get(&c, "sessions")).length() > 2);
    // the 1st cooperation meeting's cards are due at the series' next (generated) occurrence
    let cards = js_sys::Array::from(&feed.cards(&s("2026-11-22"), &s("en")).unwrap());
    let due = get(&cards.get(0), "due");
    assert_eq!(get(&due, "date").as_string().unwrap(), "2022-04-14");
}

/// The boundary writes views as JSON text read by `JSON.parse`; the objects must be what
/// serde-wasm-bindgen's `json_compatible` serializer gives (same keys, order, nulls, numbers).
#[wasm_bindgen_test]
fn views_are_the_objects_json_compatible_gives() {
    use cogov::proposals::query::{list, Filter, ProposalQuery};
    use cogov::proposals::stats::{stats, GroupBy};
    use cogov::text::Lang;
    use serde::Serialize;
    fn reference<T: Serialize>(v: &T) -> String {
        let js = v
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap();
        js_sys::JSON::stringify(&js).unwrap().as_string().unwrap()
    }
    fn text(v: &JsValue) -> String {
        js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
    }
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let ds = cogov::dataset::load(FEED).dataset.unwrap();
    let day = |s| cogov::date::parse_date(s).unwrap();
    let q = cogov::calendar::SessionQuery {
        from: day("2022-01-01"),
        to: day("2027-12-31"),
        body: None,
        lang: Lang::Ko,
        cap: cogov::recur::HARD_CAP,
        now: cogov::calendar::NO_CLOCK,
    };
    assert_eq!(
        text(
            &feed
                .sessions(&s("2022-01-01"), &s("2027-12-31"), &NO, &s("ko"), &NO)
                .unwrap()
        ),
        reference(&cogov::calendar::sessions(&ds, &q).unwrap())
    );
    let idx = cogov::proposals::ProposalIndex::new(&ds.feed);
    assert_eq!(
        text(&feed.proposals(&JsValue::NULL, &s("en")).unwrap()),
        reference(&list(&ds, &idx, &ProposalQuery::all(Lang::En)).unwrap())
    );
    for (by, g) in [("ministry", GroupBy::Ministry), ("year", GroupBy::Year)] {
        assert_eq!(
            text(
                &feed
                    .proposal_stats(&s(by), &s("en"), &NO, &JsValue::NULL)
                    .unwrap()
            ),
            reference(&stats(&ds, &idx, &Filter::default(), g, 0.5, Lang::En).unwrap())
        );
    }
    let broken = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "bodies": [{"id": "a", "kind": "forum", "name": "A \"q\"\n", "part_of": ["zz"]}]}"#;
    let err = Feed::new(&s(broken), &NO).err().unwrap();
    assert_eq!(
        text(&get(&err, "problems")),
        reference(&cogov::dataset::load(broken).report)
    );
}

/// `sessionStarts` gives the starts of exactly the sessions `sessions` lists, as KST-as-UTC ms.
#[wasm_bindgen_test]
fn session_starts_match_the_session_list() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let list = feed
        .sessions(&s("2018-01-01"), &s("2030-12-31"), &NO, &s("ko"), &NO)
        .unwrap();
    let sessions = js_sys::Array::from(&get(&list, "sessions"));
    let starts = feed
        .session_starts(&s("2018-01-01"), &s("2030-12-31"), &NO)
        .unwrap()
        .to_vec();
    assert!(starts.len() > 20);
    assert_eq!(starts.len() as u32, sessions.length());
    for (k, ms) in starts.iter().enumerate() {
        let start = get(&sessions.get(k as u32), "start").as_string().unwrap();
        let iso = js_sys::Date::new(&JsValue::from_f64(*ms))
            .to_iso_string()
            .as_string()
            .unwrap();
        assert!(iso.starts_with(&start), "{iso} vs {start}");
    }
    let err = feed.session_starts(&s("2026-01-01"), &s("2026-12-31"), &s("nope"));
    assert_eq!(
        get(&err.err().unwrap(), "code").as_string().unwrap(),
        "arg.body"
    );
}

#[wasm_bindgen_test]
fn a_broken_part_fails_only_the_methods_that_show_it() {
    // a broken proposal: the org chart and the calendar still work, proposal methods throw the
    // load error listing the problems of that part
    let text = FEED.replacen(r#""proposals": ["#, r#""proposals": [{"id": 5},"#, 1);
    assert_ne!(text, FEED);
    let feed = Feed::new(&s(&text), &NO).unwrap();
    assert!(feed.structure(&s("ko"), &NO, &NO).is_ok());
    assert!(feed.calendar_bodies(&s("ko")).is_ok());
    let err = feed.proposal_choices(&s("ko")).err().unwrap();
    assert!(err.is_instance_of::<js_sys::Error>());
    assert_eq!(get(&err, "path").as_string().unwrap(), "proposals[0].id");
    let errors = js_sys::Array::from(&get(&get(&err, "problems"), "errors"));
    assert!(errors.length() >= 1);
    assert!(errors.iter().all(|p| get(&p, "path")
        .as_string()
        .unwrap()
        .starts_with("proposals[0]")));
}

#[wasm_bindgen_test]
fn a_structure_only_feed_answers_structure_and_says_what_it_lacks() {
    // what an org chart renders from first, before the rest of the feed is decoded
    let feed = Feed::new(&s(FEED), &s("structure")).unwrap();
    assert!(feed.structure(&s("ko"), &NO, &NO).is_ok());
    let err = feed.calendar_bodies(&s("ko")).err().unwrap();
    assert_eq!(get(&err, "code").as_string().unwrap(), "feed.part");
    // a broken session does not stop it (it is not even read), and a broken body does
    let text = FEED.replacen(r#""sessions": ["#, r#""sessions": [{"id": 5},"#, 1);
    assert!(Feed::new(&s(&text), &s("structure")).is_ok());
    let text = FEED.replacen(r#""bodies": ["#, r#""bodies": [{"id": 5},"#, 1);
    let err = Feed::new(&s(&text), &s("structure")).err().unwrap();
    assert_eq!(get(&err, "path").as_string().unwrap(), "bodies[0].id");
}

/// Values of every type JS can pass but a string (the page test `tests/page/boundary.mjs` makes
/// the same calls, and more, through the shipped bundles).
fn not_strings() -> Vec<JsValue> {
    vec![
        JsValue::from(5),
        JsValue::from(1.5),
        JsValue::TRUE,
        JsValue::FALSE,
        js_sys::Object::new().into(),
        js_sys::Array::new().into(),
        js_sys::Symbol::for_("s").into(),
        js_sys::BigInt::from(10).into(),
        js_sys::Function::new_no_args("").into(),
    ]
}

/// Asserts `r` is a `TypeError` with code `arg.type`, path `name` and a message naming it.
fn type_error<T>(r: Result<T, JsValue>, name: &str) {
    let Err(e) = r else {
        panic!("{name}: a wrong type was accepted")
    };
    assert!(
        e.is_instance_of::<js_sys::TypeError>(),
        "{name}: not a TypeError"
    );
    assert_eq!(get(&e, "code").as_string().unwrap(), "arg.type");
    assert_eq!(get(&e, "path").as_string().unwrap(), name);
    let message = get(&e, "message").as_string().unwrap();
    assert!(
        message.starts_with(&format!("{name} must be ")),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn wrong_argument_types_are_type_errors_naming_the_argument() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    for v in not_strings() {
        type_error(Feed::new(&v.clone(), &NO), "text");
        type_error(Feed::new(&s(FEED), &v.clone()), "part");
        type_error(validate(&v.clone()), "text");
        type_error(feed.structure(&v.clone(), &NO, &NO), "lang");
        type_error(feed.structure(&s("ko"), &v.clone(), &NO), "root");
        type_error(feed.structure(&s("ko"), &NO, &v.clone()), "asOf");
        type_error(
            feed.sessions(&s("2026-07-01"), &v.clone(), &NO, &s("ko"), &NO),
            "to",
        );
        type_error(feed.ics(&NO, &NO, &v.clone(), &NO, &NO), "dtstampUtc");
        type_error(feed.proposal(&s("x"), &s("ko"), &v.clone()), "today");
        type_error(
            feed.changed_between(&s("a"), &v.clone(), &s("ko")),
            "sessionB",
        );
    }
    // required arguments: undefined and null are wrong too; optional ones are absent
    for v in [JsValue::UNDEFINED, JsValue::NULL] {
        type_error(Feed::new(&v.clone(), &NO), "text");
        type_error(feed.structure(&v.clone(), &NO, &NO), "lang");
        type_error(
            feed.next_sessions(&s("2026-01-01"), &v.clone(), &NO, &s("ko"), &NO),
            "n",
        );
        assert!(feed.structure(&s("ko"), &v.clone(), &v.clone()).is_ok());
    }
    // numbers: a count is a whole number, a weight any number
    for n in [
        JsValue::from(1.5),
        JsValue::from(-1),
        s("3"),
        js_sys::BigInt::from(3).into(),
    ] {
        type_error(
            feed.next_sessions(&s("2026-01-01"), &n, &NO, &s("ko"), &NO),
            "n",
        );
    }
    type_error(
        feed.proposal_stats(&s("year"), &s("ko"), &s("0.5"), &NO),
        "weight",
    );
    type_error(feed.proposals(&JsValue::from(5), &s("ko")), "query");
    let query = js_sys::Object::new();
    js_sys::Reflect::set(&query, &s("stage"), &JsValue::from(5)).unwrap();
    type_error(feed.proposals(&query.into(), &s("ko")), "query.stage");
    // and the instance still works
    assert!(feed.structure(&s("ko"), &NO, &NO).is_ok());
}

#[wasm_bindgen_test]
fn an_error_message_does_not_repeat_the_path() {
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let err = feed.structure(&s("en"), &NO, &s("2026-13-01")).unwrap_err();
    assert_eq!(get(&err, "path").as_string().unwrap(), "asOf");
    let message = get(&err, "message").as_string().unwrap();
    assert!(!message.contains("asOf"), "{message}");
    let broken = FEED.replacen(r#""bodies": ["#, r#""bodies": [{"id": 5},"#, 1);
    let err = Feed::new(&s(&broken), &NO).err().unwrap();
    assert_eq!(get(&err, "path").as_string().unwrap(), "bodies[0].id");
    let message = get(&err, "message").as_string().unwrap();
    assert!(!message.contains("bodies[0]"), "{message}");
}

/// Every code of the boundary's own (`codes::Area::Boundary`) is thrown by some call, but those
/// `codes::UNPRODUCED` names (with the reason); `tests/codes.rs` checks the core's codes.
#[wasm_bindgen_test]
fn every_boundary_code_is_produced() {
    use cogov::codes::{Area, Code, UNPRODUCED};
    let feed = Feed::new(&s(FEED), &NO).unwrap();
    let structure_only = Feed::new(&s(FEED), &s("structure")).unwrap();
    let query = |json: &str| js_sys::JSON::parse(json).unwrap();
    for &c in Code::ALL.iter().filter(|c| c.area() == Area::Boundary) {
        if UNPRODUCED.iter().any(|(u, _)| *u == c) {
            continue;
        }
        let err = match c {
            Code::ArgType => Feed::new(&JsValue::from(5), &NO).err(),
            Code::ArgDate => feed
                .sessions(&s("2026-02-30"), &s("2026-03-31"), &NO, &s("en"), &NO)
                .err(),
            Code::ArgQuery => feed.proposals(&query(r#"{"limit": -1}"#), &s("en")).err(),
            Code::ArgInvalid => feed
                .proposals(&query(r#"{"stage": "nope"}"#), &s("en"))
                .err(),
            Code::FeedPart => structure_only.calendar_bodies(&s("en")).err(),
            _ => panic!("{c}: no call here throws it (add one, or list it in codes::UNPRODUCED)"),
        };
        let err = err.unwrap_or_else(|| panic!("{c}: the call did not throw"));
        assert_eq!(get(&err, "code").as_string().unwrap(), c.as_str());
    }
}
