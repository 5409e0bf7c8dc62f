//! Broken feeds give errors with paths; the core never panics. Each test reads as a spec:
//! `errors(feed)` lists `path: message [code]` lines.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use cogov::dataset::load;

const HEAD: &str = r#""cogov": 1, "publisher": {"id": "gaok", "name": {"ko": "대한민국시도지사협의회", "en": "GAOK"}}"#;

fn feed(rest: &str) -> String {
    if rest.is_empty() {
        format!("{{{HEAD}}}")
    } else {
        format!("{{{HEAD}, {rest}}}")
    }
}

fn errors(doc: &str) -> Vec<String> {
    let r = load(doc).report;
    r.errors
        .iter()
        .map(|p| format!("{p} [{}]", p.code))
        .collect()
}

fn warnings(doc: &str) -> Vec<String> {
    let r = load(doc).report;
    r.warnings
        .iter()
        .map(|p| format!("{p} [{}]", p.code))
        .collect()
}

fn check(doc: &str, expected: &[&str]) {
    assert_eq!(
        errors(doc),
        expected,
        "for feed {}",
        &doc[..doc.len().min(300)]
    );
}

#[test]
fn a_minimal_feed_loads() {
    let l = load(&feed(""));
    assert!(l.dataset.is_some(), "{:?}", l.report);
}

#[test]
fn truncated_documents_say_where_they_end() {
    let doc = feed(r#""bodies": [{"id": "ga", "kind": "association", "name": "GA"}]"#);
    for cut in 1..doc.len() {
        if !doc.is_char_boundary(cut) {
            continue;
        }
        let errs = errors(&doc[..cut]);
        assert_eq!(errs.len(), 1, "prefix {cut}: {errs:?}");
        assert!(errs[0].contains("line 1, column"), "{errs:?}");
    }
}

#[test]
fn malformed_json_names_line_and_column() {
    let errs = errors("{\n  \"cogov\": 1,\n  \"bodies\": [,]\n}");
    assert_eq!(errs.len(), 1);
    assert!(errs[0].contains("line 3"), "{errs:?}");
}

#[test]
fn unknown_version_is_one_clear_error() {
    check(
        r#"{"cogov": 2, "bodies": 5}"#,
        &["cogov: unknown format version 2; this reader knows version 1 [feed.version]"],
    );
    check(
        r#"{"bodies": []}"#,
        &["cogov: is required: the format version (1); is this a cogov feed? [feed.version]"],
    );
    check("[1, 2]", &["expected an object, found array [type]"]);
}

#[test]
fn wrong_types_are_reported_at_their_path() {
    check(
        &feed(r#""bodies": [{"id": "ga", "kind": "association", "name": 7, "seats": {"count": 1}, "functions": ["x", 3]}]"#),
        &[
            "bodies[0].name: expected text (a string or {\"ko\": .., \"en\": ..}), found number [type]",
            "bodies[0].seats: expected a list, found object [type]",
            "bodies[0].functions[1]: expected text (a string or {\"ko\": .., \"en\": ..}), found number [type]",
        ],
    );
}

#[test]
fn every_problem_is_collected_not_just_the_first() {
    let doc = feed(
        r#""bodies": [
        {"id": "a", "kind": "council", "name": ""},
        {"id": "B", "kind": "association", "name": "b", "seats": [{"title": "x", "count": 0}, {"side": "left"}]}]"#,
    );
    check(
        &doc,
        &[
            "bodies[0].kind: \"council\" is not one of cooperation_meeting, general_assembly, working_council, support_group, association, association_council, citizen_council, platform, forum, seminar, committee, other [enum]",
            "bodies[0].name: must not be empty [text.empty]",
            "bodies[1].id: \"B\" is not an id (1-64 of a-z 0-9 - _ . starting with a letter or digit) [id.syntax]",
            "bodies[1].seats[0].count: must be at least 1 [number.range]",
            "bodies[1].seats[1]: a seat needs an office or a title [seat.unnamed]",
            "bodies[1].seats[1].side: \"left\" is not one of central, local, citizen, official, expert, association, other [enum]",
        ],
    );
}

#[test]
fn duplicate_ids_name_the_first_use() {
    check(
        &feed(
            r#""organizations": [{"id": "busan", "kind": "metropolitan", "name": "Busan"}],
               "bodies": [{"id": "busan", "kind": "association", "name": "B", "sources": []}]"#,
        ),
        &["bodies[0].id: \"busan\" is already the id of organizations[0] [id.duplicate]"],
    );
}

#[test]
fn dangling_and_wrong_kind_references() {
    check(
        &feed(
            r#""organizations": [{"id": "mois", "kind": "ministry", "name": "MOIS"}],
               "bodies": [{"id": "w", "kind": "working_council", "name": "W", "supports": ["mois", "ghost"],
                           "seats": [{"office": "nobody", "side": "central"}]}]"#,
        ),
        &[
            "bodies[0].supports[0]: \"mois\" is organizations[0], not body [ref.dangling]",
            "bodies[0].supports[1]: \"ghost\" is not the id of any body [ref.dangling]",
            "bodies[0].seats[0].office: \"nobody\" is not the id of any office [ref.dangling]",
        ],
    );
}

#[test]
fn cycles_in_the_body_graph() {
    check(
        &feed(
            r#""bodies": [
            {"id": "a", "kind": "association", "name": "A", "part_of": ["c"]},
            {"id": "b", "kind": "general_assembly", "name": "B", "part_of": ["a"]},
            {"id": "c", "kind": "working_council", "name": "C", "supports": ["b"]},
            {"id": "d", "kind": "forum", "name": "D", "part_of": ["d"]}]"#,
        ),
        &[
            "bodies[1].part_of[0]: bodies form a cycle: a -> c -> b -> a [body.cycle]",
            "bodies[3].part_of[0]: bodies form a cycle: d -> d [body.cycle]",
        ],
    );
}

#[test]
fn impossible_dates_and_terms_out_of_order() {
    check(
        &feed(
            r#""bodies": [{"id": "g", "kind": "citizen_council", "name": "G", "established": "2018-13",
              "legal_basis": [{"statute": "Ordinance", "effective": "2023-02-30"}],
              "seats": [{"title": "Mayor", "side": "official", "holders": [{"name": "Lee", "from": "2020-01-01", "to": "2019-01-01"}]}]}]"#,
        ),
        &[
            "bodies[0].legal_basis[0].effective: 2023-02-30 is not a calendar date [date.invalid]",
            "bodies[0].seats[0].holders[0].to: term ends (2019-01-01) before it starts (2020-01-01) [date.order]",
            "bodies[0].established: expected a month like 2018-07, found \"2018-13\" [date.invalid]",
        ],
    );
}

#[test]
fn a_ten_megabyte_string_is_an_error_at_its_path() {
    let big = "가".repeat(10 * 1024 * 1024 / 3);
    let doc = feed(&format!(
        r#""bodies": [{{"id": "a", "kind": "forum", "name": {{"ko": "{big}"}}}}]"#
    ));
    check(
        &doc,
        &["bodies[0].name.ko: is 10485759 bytes long; at most 20000 [text.too_long]"],
    );
}

#[test]
fn urls_must_be_http() {
    check(
        &feed(
            r#""bodies": [{"id": "a", "kind": "forum", "name": "A", "url": "javascript:alert(1)"}]"#,
        ),
        &["bodies[0].url: \"javascript:alert(1)\" is not an http(s) url [url.scheme]"],
    );
}

#[test]
fn suspicious_but_usable_feeds_give_warnings() {
    let doc = feed(
        r#""bodies": [{"id": "a", "kind": "forum", "name": "A", "colour": "red",
           "seats": [{"title": "Mayor", "side": "official", "count": 1,
             "holders": [{"name": "X", "from": "2018-07-01"}, {"name": "Y", "from": "2020-07-01"}]}]}]"#,
    );
    assert!(load(&doc).dataset.is_some());
    assert_eq!(
        warnings(&doc),
        [
            "bodies[0].colour: unknown field (ignored) [field.unknown]",
            "bodies[0]: has no sources and is not marked illustrative [source.missing]",
            "bodies[0].seats[0].holders: 2 people hold this seat at the same time but it has 1 place(s) [seat.holders_exceed_count]",
        ]
    );
}

#[test]
fn the_default_dataset_has_no_errors() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/feed.json"))
        .unwrap();
    let l = load(&text);
    assert!(l.report.errors.is_empty(), "{:#?}", l.report.errors);
    assert!(l.report.warnings.is_empty(), "{:#?}", l.report.warnings);
}

#[test]
fn random_mutations_never_panic() {
    let base = feed(
        r#""bodies": [{"id": "a", "kind": "forum", "name": {"ko": "가", "en": "A"}, "part_of": ["b"],
           "seats": [{"title": "t", "count": 2, "holders": [{"name": "n", "from": "2020-01-01"}]}]},
           {"id": "b", "kind": "association", "name": "B"}]"#,
    );
    let bytes = base.as_bytes();
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let alphabet = b"{}[]\",:0123456789-abcdefghijklmnopqrstuvwxyz \\tnul";
    for _ in 0..20_000 {
        let mut m = bytes.to_vec();
        for _ in 0..(next() % 4 + 1) {
            let i = (next() as usize) % m.len();
            match next() % 3 {
                0 => m[i] = alphabet[(next() as usize) % alphabet.len()],
                1 => {
                    m.remove(i);
                }
                _ => m.insert(i, alphabet[(next() as usize) % alphabet.len()]),
            }
        }
        if let Ok(s) = std::str::from_utf8(&m) {
            let _ = load(s);
        }
    }
}

#[test]
fn each_part_reports_only_its_own_problems_and_those_before_it() {
    use cogov::dataset::{load_through, Part};
    // a broken proposal and a broken session: the org chart is still usable, and a load that
    // stops after the structure part (the org-chart-only wasm) never sees them
    let doc = feed(
        r#""bodies": [{"id": "ga", "kind": "association", "name": "GA", "sources": [], "illustrative": true}],
        "sessions": [{"id": "s1", "body": "ga", "start": "2024-02-30"}],
        "proposals": [{"id": "p1", "title": "T", "history": [{"date": "2024-01-01", "stage": "nope"}]}]"#,
    );
    let full = load(&doc);
    assert!(full.dataset.is_some());
    assert!(full.parts.usable(Part::Structure));
    assert!(!full.parts.usable(Part::Calendar));
    assert!(!full.parts.usable(Part::Proposals));
    let paths = |r: &cogov::problem::Report| -> Vec<String> {
        r.errors.iter().map(|p| p.path.clone()).collect()
    };
    assert!(paths(&full.parts.report(Part::Structure, &full.report)).is_empty());
    let calendar = paths(&full.parts.report(Part::Calendar, &full.report));
    assert_eq!(calendar, ["sessions[0].start"]);
    let all = paths(&full.report);
    assert!(all.len() > calendar.len() && all.iter().all(|p| !p.starts_with("bodies")));
    let short = load_through(&doc, Part::Structure);
    assert!(short.report.errors.is_empty() && short.dataset.is_some());
    // a dangling agenda proposal belongs to the proposals part: the calendar stays usable
    let agenda = feed(
        r#""bodies": [{"id": "ga", "kind": "association", "name": "GA", "sources": [], "illustrative": true}],
        "sessions": [{"id": "s1", "body": "ga", "start": "2024-02-01", "sources": [], "illustrative": true,
                      "agenda": [{"title": "x", "proposal": "nope"}]}]"#,
    );
    let l = load(&agenda);
    assert!(l.parts.usable(Part::Calendar) && !l.parts.usable(Part::Proposals));
    assert_eq!(paths(&l.report), ["sessions[0].agenda[0].proposal"]);
}
