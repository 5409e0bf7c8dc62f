//! ARCHITECTURE.md's code map names every module under `src/`, every module of `www/lib/` and
//! `www/elements/`, every script of `scripts/` and every test file of `tests/` (with its page,
//! schema and type suites): a check, so that a new file cannot be left off the map.
//!
//! A file counts as named when the code map (the section `## Code map` up to the next `## `) has
//! its whole path in backticks, or one row of its table names one of its directories (`src/feed/`)
//! and, in backticks, its path below it (`decode/calendar.rs`, `kinds.rs` or `kinds`). A directory
//! module's `mod.rs` counts as named by its directory.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::fs;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The code map: its rows (each one line of the table) and its whole text.
fn code_map() -> (Vec<String>, String) {
    let text = fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md")).unwrap();
    let start = text
        .find("\n## Code map")
        .expect("ARCHITECTURE.md has no '## Code map' section");
    let rest = &text[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3);
    let section = rest[..end].to_string();
    let rows = section
        .lines()
        .filter(|l| l.starts_with('|'))
        .map(str::to_string)
        .collect();
    (rows, section)
}

/// The words in backticks of `s`, each also split at spaces and commas (`` `a.rs`, `b.rs` `` and
/// `` `src/cli/`, `src/bin/cogov.rs` ``).
fn ticked(s: &str) -> Vec<String> {
    s.split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|t| t.split([' ', ',']))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Files under `dir` (relative to the crate root) whose names end with one of `exts`, recursively
/// when `deep`.
fn files(dir: &str, exts: &[&str], deep: bool, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(Path::new(ROOT).join(dir)) else {
        panic!("{dir} is not a directory");
    };
    let mut entries: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let rel = format!("{dir}/{name}");
        if p.is_dir() {
            if deep {
                files(&rel, exts, deep, out);
            }
        } else if exts.iter().any(|e| name.ends_with(e)) {
            out.push(rel);
        }
    }
}

/// Whether the code map names `file`: in backticks with its whole path, or in a row that names one
/// of its directories (`src/feed/`) and, in backticks, its path below that directory
/// (`decode/calendar.rs`, `kinds.rs`, `kinds`; for a `mod.rs`, its directory `decode/`).
fn named(file: &str, rows: &[String], section: &str) -> bool {
    if ticked(section).iter().any(|t| t == file) {
        return true;
    }
    let cuts = file.match_indices('/').map(|(i, _)| i + 1);
    cuts.into_iter().any(|cut| {
        let (dir, rel) = file.split_at(cut);
        let stem = rel.rsplit_once('.').map_or(rel, |(s, _)| s);
        let parent = rel.strip_suffix("mod.rs");
        rows.iter().any(|row| {
            let t = ticked(row);
            t.iter().any(|t| t == dir)
                && (rel == "mod.rs"
                    || t.iter()
                        .any(|t| t == rel || t == stem || Some(t.as_str()) == parent))
        })
    })
}

#[test]
fn the_code_map_names_every_module_script_and_test() {
    let (rows, section) = code_map();
    let mut all = Vec::new();
    files("src", &[".rs"], true, &mut all);
    let modules = all.len();
    files("www/lib", &[".js"], false, &mut all);
    files("www/elements", &[".js"], false, &mut all);
    files("scripts", &[".sh", ".mjs", ".txt"], false, &mut all);
    files("tests", &[".rs", ".mjs", ".py"], false, &mut all);
    files("tests/page", &[".mjs"], false, &mut all);
    files("tests/schema", &[".mjs"], false, &mut all);
    files("tests/types", &[".mjs", ".ts", ".tsx"], false, &mut all);
    assert!(modules > 40, "found only {modules} modules under src/");
    let missing: Vec<&String> = all.iter().filter(|f| !named(f, &rows, &section)).collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map does not name {} of {} files (name each in backticks in the row of its directory):\n  {}",
        missing.len(),
        all.len(),
        missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n  ")
    );
}

#[test]
fn named_reads_rows_and_paths() {
    let rows = vec![
        "| `src/feed/` | the format: `kinds.rs` (vocabularies), `decode`, `reader/` |".to_string(),
        "| `www/lib/` | `clock.js` |".to_string(),
    ];
    let section = format!("{}\nsee `src/ts.rs`", rows.join("\n"));
    assert!(named("src/feed/kinds.rs", &rows, &section));
    assert!(named("src/feed/decode.rs", &rows, &section));
    assert!(named("src/feed/mod.rs", &rows, &section));
    assert!(named("src/feed/reader/mod.rs", &rows, &section));
    assert!(!named("src/feed/reader/fields.rs", &rows, &section));
    assert!(named("src/ts.rs", &rows, &section));
    assert!(named("www/lib/clock.js", &rows, &section));
    assert!(!named("src/feed/model.rs", &rows, &section));
    assert!(!named("www/lib/kinds.rs", &rows, &section));
    assert!(!named("src/kinds.rs", &rows, &section));
}
