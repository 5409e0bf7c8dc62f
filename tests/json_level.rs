//! JSON-level rules of the reader (issue 10, item 6): repeated members (the last one is used, as
//! `JSON.parse` and the schema read them, with a `json.duplicate_key` warning), in linear time;
//! files that are not UTF-8 (`json.utf8` with offset, line and column, in the CLI's report); and
//! the codes docs/FORMAT.md shows are codes the reader emits.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use cogov::dataset::load;
use std::time::Instant;

const HEAD: &str = r#""cogov": 1, "publisher": {"id": "gaok", "name": "GAOK"}"#;

fn warnings(doc: &str) -> Vec<String> {
    load(doc)
        .report
        .warnings
        .iter()
        .map(|p| format!("{p} [{}]", p.code))
        .collect()
}

#[test]
fn a_repeated_member_takes_its_last_value_with_a_warning() {
    let doc = format!(
        r#"{{{HEAD}, "bodies": [{{"id": "ga", "kind": "association", "name": "First",
            "illustrative": true, "name": {{"ko": "둘째"}}, "name": {{"en": "Last", "en": "Last"}}}}]}}"#
    );
    let l = load(&doc);
    let ds = l.dataset.expect("loads");
    assert_eq!(ds.feed.bodies[0].name.en.as_deref(), Some("Last"));
    assert_eq!(ds.feed.bodies[0].name.ko, None);
    // the earlier values are not read at all (their own repeats are not reported)
    assert_eq!(
        warnings(&doc),
        [
            "bodies[0].name: member appears 3 times in this object; the last one is used [json.duplicate_key]",
            "bodies[0].name.en: member appears 2 times in this object; the last one is used [json.duplicate_key]",
        ]
    );
}

#[test]
fn a_repeated_top_level_member_takes_the_last_one() {
    // JSON.parse keeps the second `publisher` (and so the schema checks that one)
    let doc = r#"{"cogov": 1, "publisher": {"id": "first", "name": "A"}, "publisher": {"id": "second", "name": "B"}}"#;
    let ds = load(doc).dataset.expect("loads");
    assert_eq!(ds.feed.publisher.id, "second");
    assert_eq!(
        warnings(doc),
        ["publisher: member appears 2 times in this object; the last one is used [json.duplicate_key]"]
    );
    // a repeated member whose last value is null is absent, as in JSON.parse
    let doc = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P", "url": "https://e.org/", "url": null}}"#;
    let ds = load(doc).dataset.expect("loads");
    assert_eq!(ds.feed.publisher.url, None);
}

#[test]
fn unknown_members_are_warned_each_time_not_as_duplicates() {
    let doc = format!(r#"{{{HEAD}, "extra": 1, "extra": 2}}"#);
    assert_eq!(
        warnings(&doc),
        [
            "extra: unknown field (ignored) [field.unknown]",
            "extra: unknown field (ignored) [field.unknown]"
        ]
    );
}

/// 100,000 members in one body (repeats of a known member, then unknown ones) load in linear
/// time: the reader compares each member with the record's known names only. (The first-value
/// rule compared each with every member before it: 5·10⁹ comparisons, minutes in a debug build.)
#[test]
fn an_object_with_100k_members_is_linear() {
    let mut doc = format!(r#"{{{HEAD}, "bodies": [{{"id": "ga", "kind": "association""#);
    for i in 0..50_000 {
        doc.push_str(&format!(r#", "name": "n{i}""#));
    }
    for i in 0..50_000 {
        doc.push_str(&format!(r#", "x{i}": {i}"#));
    }
    doc.push_str(r#", "illustrative": true}]}"#);
    let t = Instant::now();
    let l = load(&doc);
    let took = t.elapsed();
    let ds = l.dataset.expect("loads");
    assert_eq!(ds.feed.bodies[0].name.plain.as_deref(), Some("n49999"));
    let w = &l.report.warnings;
    assert_eq!(w.len(), 50_001);
    assert_eq!(
        w.last().map(|p| p.to_string()).unwrap_or_default(),
        "bodies[0].name: member appears 50000 times in this object; the last one is used"
    );
    // a loose bound (a debug build on a shared 2-core machine takes ~0.1 s)
    assert!(took.as_secs_f64() < 10.0, "took {took:?}");
}

fn run(args: &[&str]) -> cogov::cli::Output {
    let argv: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    cogov::cli::run(&argv).expect("a command line the CLI reads")
}

#[test]
fn a_file_that_is_not_utf8_is_a_problem_with_offset_line_and_column() {
    let dir = std::env::temp_dir().join(format!("cogov-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("latin1.json");
    // "é" saved as Latin-1 (0xe9) on line 3
    std::fs::write(
        &file,
        b"{\"cogov\": 1,\n \"publisher\": {\"id\": \"p\",\n  \"name\": \"Caf\xe9\"}}",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let message = format!("{f}: invalid utf-8: byte 0xe9 at offset 53 (line 3, column 15)");

    let out = run(&["validate", f]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!("error: {message} [json.utf8]\n{f}: 1 error(s), 0 warning(s)\n")
    );

    let out = run(&["validate", f, "--json"]);
    assert_eq!(out.code, 1);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        v,
        serde_json::json!({"errors": [{"path": "", "code": "json.utf8", "message": message}], "warnings": []})
    );

    for cmd in [
        vec!["structure", f],
        vec!["sessions", f, "--from", "2025-01-01", "--to", "2025-02-01"],
        vec!["proposals", f],
    ] {
        let out = run(&cmd);
        assert_eq!(out.code, 1, "{cmd:?}");
        assert_eq!(
            out.stderr,
            format!("error: {message} [json.utf8]\n"),
            "{cmd:?}"
        );
    }

    // a sequence cut by the end of the file
    std::fs::write(&file, b"{\"cogov\": 1} \xed\x9f").unwrap();
    let out = run(&["validate", f]);
    assert!(
        out.stdout.starts_with(&format!(
            "error: {f}: invalid utf-8: truncated sequence starting with byte 0xed at offset 13 (line 1, column 14) [json.utf8]"
        )),
        "{}",
        out.stdout
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Every code docs/FORMAT.md shows (`a.b` in backquotes or in parentheses) is one the crate emits.
#[test]
fn format_md_shows_only_codes_the_reader_emits() {
    let root = env!("CARGO_MANIFEST_DIR");
    let doc = std::fs::read_to_string(format!("{root}/docs/FORMAT.md")).unwrap();
    let mut src = String::new();
    let mut dirs = vec![std::path::PathBuf::from(format!("{root}/src"))];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                for line in std::fs::read_to_string(&p).unwrap().lines() {
                    if !line.trim_start().starts_with("//") {
                        src.push_str(line);
                        src.push('\n');
                    }
                }
            }
        }
    }
    let mut shown = Vec::new();
    for (open, close) in [('`', '`'), ('(', ')')] {
        for piece in doc.split(open).skip(1) {
            let Some((code, _)) = piece.split_once(close) else {
                continue;
            };
            let is_code = code.contains('.')
                && code.split('.').all(|w| {
                    !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                });
            if is_code {
                shown.push(code.to_string());
            }
        }
    }
    assert!(shown.iter().any(|c| c == "number.range"), "{shown:?}");
    assert!(shown.iter().any(|c| c == "json.duplicate_key"), "{shown:?}");
    let missing: Vec<&String> = shown
        .iter()
        .filter(|c| !src.contains(&format!("\"{c}\"")))
        .collect();
    assert!(
        missing.is_empty(),
        "codes shown in docs/FORMAT.md but never emitted: {missing:?}"
    );
}
