//! The closed list of codes (`src/codes.rs`) against the docs, the sources and the test inputs:
//!
//! - docs/FORMAT.md's code table (between `<!-- codes:begin -->` and `<!-- codes:end -->`) is
//!   what `codes::markdown()` writes (`COGOV_BLESS=1 cargo test --test codes` rewrites it);
//! - no source file passes a code as a string literal (the types take a `Code`; this catches a
//!   stringly path coming back);
//! - every feed and query code is produced by some test input, with its listed severity: the
//!   decode snapshots (`tests/golden/decode/`, `tests/golden/views/validate.txt`, which
//!   `tests/decode_golden.rs` and `tests/views_golden.rs` hold equal to what the core produces)
//!   and, for each code they lack, a fixture here (each fixture must produce its code); the
//!   boundary's codes are produced by `tests/wasm.rs` (`every_boundary_code_is_produced`);
//! - every engine code (`recur::RecurCode`) is produced by a rule, and reported in a feed as
//!   its problem code.

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use cogov::codes::{markdown, Area, Code, RecurCode, UNPRODUCED};
use cogov::dataset::{load, Dataset};
use cogov::problem::{Problem, Severity};
use cogov::text::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

const BEGIN: &str =
    "<!-- codes:begin (generated from src/codes.rs: COGOV_BLESS=1 cargo test --test codes) -->\n";
const END: &str = "<!-- codes:end -->";

#[test]
fn format_md_lists_every_code() {
    generated_section("docs/FORMAT.md", &markdown());
}

#[test]
fn elements_md_lists_every_element_code() {
    generated_section("docs/ELEMENTS.md", &cogov::codes::element_markdown());
}

/// `file`'s section between the markers is `table` (written when `COGOV_BLESS` is set).
fn generated_section(file: &str, table: &str) {
    let path = root().join(file);
    let have = std::fs::read_to_string(&path).unwrap();
    let (Some(b), Some(e)) = (have.find(BEGIN), have.find(END)) else {
        panic!("{file} has no {BEGIN:?} ... {END:?} section");
    };
    let (head, tail) = (&have[..b + BEGIN.len()], &have[e..]);
    let want = format!("{head}{table}\n{tail}");
    if std::env::var_os("COGOV_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    if have != want {
        let line = have
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "{file}'s code table is not what src/codes.rs gives (first difference at line {}):\n  committed: {}\n  generated: {}\n`COGOV_BLESS=1 cargo test --test codes` rewrites it",
            line + 1,
            have.lines().nth(line).unwrap_or(""),
            want.lines().nth(line).unwrap_or("")
        );
    }
}

#[test]
fn every_code_is_listed_once_and_well_formed() {
    let mut seen = BTreeMap::new();
    for &c in Code::ALL {
        let s = c.as_str();
        assert!(seen.insert(s, c).is_none(), "{s} is listed twice");
        assert!(
            !cogov::codes::ELEMENT.iter().any(|(e, _)| *e == s),
            "{s} is both a core and an element code"
        );
        assert!(
            !s.is_empty()
                && s.bytes().all(|b| b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || b == b'_'
                    || b == b'.'),
            "{s}: a code is lower-case words joined by . and _"
        );
        assert_eq!(Code::parse(s), Some(c));
        let m = c.meaning();
        assert!(
            !m.is_empty() && !m.ends_with('.') && !m.contains('\n') && !m.contains('|'),
            "{s}: a meaning is one line (no `|`: it is a table cell) without a final period: {m:?}"
        );
        if c.area() != Area::Feed {
            assert_eq!(c.severity(), Severity::Error, "{s}: thrown, so an error");
        }
    }
    for e in RecurCode::ALL {
        assert!(
            e.problem().as_str().starts_with("rrule."),
            "{e}: an engine code is reported as an rrule.* code"
        );
    }
}

/// String literals of `src/` that are codes, outside `src/codes.rs`, comments and unit tests:
/// a code goes where a `Code` goes, so a literal one means a stringly path is back.
#[test]
fn no_source_passes_a_code_as_a_string() {
    let mut codes: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|s| s.contains('.'))
        .collect();
    codes.extend(RecurCode::ALL.iter().map(|e| e.as_str()));
    let mut bad = Vec::new();
    let mut files = Vec::new();
    walk(&root().join("src"), &mut files);
    for f in files {
        let rel = f
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .into_owned();
        if rel == "src/codes.rs" || rel.ends_with("/tests.rs") || rel.ends_with("_tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&f).unwrap();
        // unit tests at the end of a file
        let text = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for c in &codes {
                if line.contains(&format!("\"{c}\"")) {
                    bad.push(format!("{rel}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        bad.is_empty(),
        "codes passed as strings (use codes::Code):\n{}",
        bad.join("\n")
    );
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The codes (with their severity) of the snapshot lines `E path: message [code]` /
/// `W ...` (with a leading `+` or `-` in the decode snapshots).
fn snapshot_codes(out: &mut BTreeMap<String, Vec<(Severity, String)>>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("tests/golden/decode"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(root().join("tests/golden/views/validate.txt"));
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for line in text.lines() {
            let l = line.trim_start_matches(['+', '-']);
            let sev = match l.get(..2) {
                Some("E ") => Severity::Error,
                Some("W ") => Severity::Warning,
                _ => continue,
            };
            let Some(code) = l
                .strip_suffix(']')
                .and_then(|l| l.rsplit_once('['))
                .map(|(_, c)| c)
            else {
                continue;
            };
            out.entry(code.to_string())
                .or_default()
                .push((sev, name.clone()));
        }
    }
}

const HEAD: &str = r#""cogov":1,"publisher":{"id":"p","name":"P"}"#;

/// A feed of `HEAD` and `more` members.
fn feed(more: &str) -> String {
    if more.is_empty() {
        format!("{{{HEAD}}}")
    } else {
        format!("{{{HEAD},{more}}}")
    }
}

/// A body `b` and series `s` of it with `rule` as its one rule.
fn series(rule: &str) -> String {
    feed(&format!(
        r#""bodies":[{{"id":"b","kind":"other","name":"B","illustrative":true}}],
        "series":[{{"id":"s","body":"b","kind":"regular","title":"S","illustrative":true,"rules":[{rule}]}}]"#
    ))
}

fn rrule(r: &str) -> String {
    series(&format!(
        r#"{{"dtstart":"2026-01-05T10:00","rrule":"{r}"}}"#
    ))
}

/// `n` + 1 series: `s0` with an rrule, each `s<i>` 1 day after `s<i-1>`.
fn chain(n: usize) -> String {
    let mut s = vec![r#"{"id":"s0","body":"b","title":"S","illustrative":true,"rules":[{"dtstart":"2026-01-05","rrule":"FREQ=WEEKLY"}]}"#.to_string()];
    for i in 1..=n {
        s.push(format!(
            r#"{{"id":"s{i}","body":"b","title":"S","illustrative":true,"rules":[{{"relative":{{"series":"s{}","offset_days":1}}}}]}}"#,
            i - 1
        ));
    }
    feed(&format!(
        r#""bodies":[{{"id":"b","kind":"other","name":"B","illustrative":true}}],"series":[{}]"#,
        s.join(",")
    ))
}

fn problems(text: &str) -> Vec<Problem> {
    let r = load(text).report;
    r.errors.into_iter().chain(r.warnings).collect()
}

fn default_feed() -> Dataset {
    let text = std::fs::read_to_string(root().join("www/data/feed.json")).unwrap();
    load(&text).dataset.unwrap()
}

/// One input per code the snapshots do not produce: the problems it gives.
fn fixtures() -> Vec<(Code, Vec<Problem>)> {
    use cogov::calendar::{self, IcsQuery, SessionQuery};
    use cogov::proposals::{query, stats};
    use cogov::structure::{self, StructureQuery};
    let ds = default_feed();
    let idx = ds.proposal_index();
    let day = |s: &str| cogov::date::parse_date(s).unwrap();
    let ics = |session, base_url| IcsQuery {
        body: None,
        session,
        series: None,
        from: day("2026-01-01"),
        to: day("2026-01-31"),
        lang: Lang::En,
        dtstamp_utc: day("2026-01-01").and_hms_opt(0, 0, 0).unwrap(),
        base_url,
    };
    let json = |text: &str, limits: &cogov::json::Limits| {
        let e = cogov::json::parse(text, limits).unwrap_err();
        vec![Problem::error("", e.code, e.message)]
    };
    let lim = cogov::json::Limits::default();
    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    let many = format!(r#""bodies":[{}0]"#, "0,".repeat(1_000_000));
    // `cogov validate` alone warns of sessions on public holidays (the default feed has some)
    let feed_path = root()
        .join("www/data/feed.json")
        .to_string_lossy()
        .into_owned();
    let validate = cogov::cli::run(&["validate".to_string(), feed_path]).expect("runs");
    let on_holidays: Vec<Problem> = validate
        .stdout
        .lines()
        .filter(|l| l.ends_with("[session.holiday]"))
        .map(|l| Problem::warning("", Code::SessionHoliday, l))
        .collect();
    vec![
        (Code::SessionHoliday, on_holidays),
        (Code::JsonSyntax, problems(r#"{"cogov":1,}"#)),
        (Code::JsonBadNumber, problems(r#"{"cogov":01}"#)),
        (Code::JsonBadEscape, problems(r#"{"cogov":"\q"}"#)),
        (Code::JsonTooDeep, problems(&deep)),
        (
            Code::JsonTooLarge,
            json(
                "[1, 2]",
                &cogov::json::Limits {
                    max_bytes: 4,
                    ..lim
                },
            ),
        ),
        (Code::JsonUtf8, {
            let e = cogov::json::utf8(b"{\"cogov\": \xff}").unwrap_err();
            vec![Problem::error("", e.code, e.message)]
        }),
        (
            Code::TextTooLong,
            problems(&feed(&format!(r#""updated":"{}""#, "x".repeat(20_001)))),
        ),
        (Code::ListTooLong, problems(&feed(&many))),
        (
            Code::RuleForm,
            problems(&series(
                r#"{"dtstart":"2026-01-05","rrule":"FREQ=WEEKLY","relative":{"series":"s","offset_days":1}}"#,
            )),
        ),
        (
            Code::BodyCycle,
            problems(&feed(
                r#""bodies":[{"id":"a","kind":"other","name":"A","part_of":["b"],"illustrative":true},
                {"id":"b","kind":"other","name":"B","part_of":["a"],"illustrative":true}]"#,
            )),
        ),
        (
            Code::SeriesCycle,
            problems(&feed(
                r#""bodies":[{"id":"b","kind":"other","name":"B","illustrative":true}],"series":[
                {"id":"x","body":"b","title":"X","illustrative":true,"rules":[{"relative":{"series":"y","offset_days":1}}]},
                {"id":"y","body":"b","title":"Y","illustrative":true,"rules":[{"relative":{"series":"x","offset_days":1}}]}]"#,
            )),
        ),
        (Code::SeriesDepth, problems(&chain(9))),
        (Code::RruleUnknownPart, problems(&rrule("FREQ=DAILY;FOO=1"))),
        (
            Code::RruleDuplicatePart,
            problems(&rrule("FREQ=DAILY;FREQ=DAILY")),
        ),
        (
            Code::RruleCombination,
            problems(&rrule("FREQ=DAILY;COUNT=2;UNTIL=20270101")),
        ),
        (
            Code::RruleOutOfRange,
            problems(&rrule("FREQ=DAILY;UNTIL=23000101")),
        ),
        (Code::RruleBadValue, problems(&rrule("FREQ=DAILY;COUNT=x"))),
        (
            Code::RouteAfterEnd,
            problems(&feed(
                r#""proposals":[{"id":"x","title":"X","illustrative":true,"history":[
                {"date":"2024-01-02","stage":"submitted"},{"date":"2024-01-03","stage":"withdrawn"},
                {"date":"2024-01-04","stage":"analysis"}]}]"#,
            )),
        ),
        (
            Code::QueryUnknownBody,
            structure::structure(
                &ds,
                StructureQuery {
                    lang: Lang::En,
                    root: Some("nope"),
                    as_of: None,
                },
            )
            .err()
            .into_iter()
            .collect(),
        ),
        (
            Code::QueryUnknownOffice,
            structure::where_sits(&ds, "nope", Lang::En)
                .err()
                .into_iter()
                .collect(),
        ),
        (
            Code::QueryUnknownId,
            query::filter(
                &ds,
                idx,
                &query::Filter {
                    ministry: Some("nope"),
                    ..query::Filter::default()
                },
            )
            .err()
            .into_iter()
            .collect(),
        ),
        (
            Code::QueryWeight,
            stats::stats(
                &ds,
                idx,
                &query::Filter::default(),
                stats::GroupBy::Year,
                1.5,
                Lang::En,
            )
            .err()
            .into_iter()
            .collect(),
        ),
        (
            Code::ArgBody,
            calendar::sessions(
                &ds,
                &SessionQuery {
                    from: day("2026-01-01"),
                    to: day("2026-01-31"),
                    body: Some("nope"),
                    lang: Lang::En,
                    cap: 10,
                    now: cogov::calendar::NO_CLOCK,
                },
            )
            .err()
            .into_iter()
            .collect(),
        ),
        (
            Code::ArgSession,
            calendar::calendar_ics(&ds, &ics(Some("nope"), None))
                .err()
                .into_iter()
                .collect(),
        ),
        (
            Code::ArgSeries,
            calendar::calendar_ics(
                &ds,
                &IcsQuery {
                    series: Some("nope"),
                    ..ics(None, None)
                },
            )
            .err()
            .into_iter()
            .collect(),
        ),
        (
            Code::ArgUrl,
            calendar::calendar_ics(&ds, &ics(None, Some("javascript:alert(1)")))
                .err()
                .into_iter()
                .collect(),
        ),
    ]
}

#[test]
fn every_code_is_produced_by_a_test_input() {
    let mut seen = BTreeMap::new();
    snapshot_codes(&mut seen);
    let mut failures = Vec::new();
    for (want, got) in fixtures() {
        match got.iter().find(|p| p.code == want) {
            Some(p) if p.severity == want.severity() => {}
            Some(p) => failures.push(format!(
                "the fixture of {want} gives it as {:?}: {p}",
                p.severity
            )),
            None => failures.push(format!(
                "the fixture of {want} does not produce it: {:?}",
                got.iter()
                    .map(|p| format!("{p} [{}]", p.code))
                    .collect::<Vec<_>>()
            )),
        }
        seen.entry(want.as_str().to_string())
            .or_default()
            .push((want.severity(), "fixture".to_string()));
    }
    for (code, at) in &seen {
        let Some(c) = Code::parse(code) else {
            failures.push(format!("{code} (in {}) is not in src/codes.rs", at[0].1));
            continue;
        };
        if let Some((s, f)) = at.iter().find(|(s, _)| *s != c.severity()) {
            failures.push(format!(
                "{code} is listed as {:?} and appears as {s:?} in {f}",
                c.severity()
            ));
        }
    }
    for &c in Code::ALL {
        let listed = UNPRODUCED.iter().any(|(u, _)| *u == c);
        match (c.area(), seen.contains_key(c.as_str())) {
            (Area::Boundary, true) => {
                failures.push(format!("{c} is a boundary code but the core produced it"))
            }
            (Area::Boundary, false) => {}
            (_, false) => failures.push(format!(
                "{c} is produced by no test input: add a fixture to tests/codes.rs"
            )),
            (_, true) => {}
        }
        assert!(
            !listed || c.area() == Area::Boundary,
            "{c}: only boundary codes may be unproduced"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_engine_code_is_produced_and_reported_as_its_problem_code() {
    use cogov::recur::{parse_local, ValidRule};
    let start = parse_local("20260105T100000").unwrap();
    let rules = [
        (RecurCode::UnsupportedPart, "FREQ=HOURLY"),
        (RecurCode::UnsupportedProperty, "RDATE:20260101"),
        (RecurCode::UnknownPart, "FREQ=DAILY;FOO=1"),
        (RecurCode::DuplicatePart, "FREQ=DAILY;FREQ=DAILY"),
        (RecurCode::EmptyPart, "FREQ=DAILY;;COUNT=1"),
        (RecurCode::EmptyRule, ""),
        (RecurCode::BadPart, "FREQ=DAILY;COUNT"),
        (RecurCode::MissingFreq, "COUNT=1"),
        (
            RecurCode::CountAndUntil,
            "FREQ=DAILY;COUNT=2;UNTIL=20270101",
        ),
        (RecurCode::BadCombination, "FREQ=WEEKLY;BYMONTHDAY=1"),
        (RecurCode::OutOfRange, "FREQ=DAILY;UNTIL=23000101"),
        (RecurCode::BadValue, "FREQ=DAILY;COUNT=x"),
    ];
    let mut failures = Vec::new();
    for e in RecurCode::ALL {
        let Some((_, r)) = rules.iter().find(|(c, _)| *c == e) else {
            failures.push(format!("{e} has no rule here"));
            continue;
        };
        match ValidRule::parse(r, start) {
            Err(got) if got.code == e => {}
            other => failures.push(format!("{r:?}: expected {e}, got {other:?}")),
        }
        if r.is_empty() {
            continue; // an empty rrule member is text.empty in a feed
        }
        let text = rrule(r);
        let got: Vec<Code> = problems(&text).iter().map(|p| p.code).collect();
        if !got.contains(&e.problem()) {
            failures.push(format!(
                "{r:?} in a feed: expected {}, got {got:?}",
                e.problem()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
