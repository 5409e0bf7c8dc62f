//! Cross-check of the recurrence engine against python-dateutil on a deterministic
//! corpus produced by `tests/dateutil_corpus.py` (see its docstring for the format).

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use chrono::NaiveDateTime;
use cogov::recur::{parse_local, RuleSet};
use std::process::Command;

const SETUP_HINT: &str = "python3 with python-dateutil is required: run scripts/setup.sh";

fn corpus() -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/dateutil_corpus.py");
    let out = match Command::new("python3").arg(script).output() {
        Ok(out) => out,
        Err(e) => panic!("cannot run python3 ({e}): {SETUP_HINT}"),
    };
    assert!(
        out.status.success(),
        "tests/dateutil_corpus.py failed ({}): {}\n{SETUP_HINT}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("corpus is utf-8")
}

fn list(field: &str) -> Vec<NaiveDateTime> {
    if field == "-" {
        return Vec::new();
    }
    field
        .split(',')
        .map(|v| parse_local(v).unwrap_or_else(|e| panic!("corpus value {v}: {e}")))
        .collect()
}

fn check_line(line: &str) -> Result<(), String> {
    let f: Vec<&str> = line.split('\t').collect();
    let [start, rule, ex, from, to, cap, truncated, occs, rd] = f[..] else {
        return Err(format!("malformed corpus line: {line}"));
    };
    let start = parse_local(start).map_err(|e| e.to_string())?;
    let exdates = if ex == "-" { "" } else { ex };
    let dates = if rd == "-" {
        exdates.to_string()
    } else {
        format!("EXDATE:{exdates}\nRDATE:{rd}")
    };
    let set = RuleSet::parse(start, rule, &dates)
        .map_err(|e| format!("{start} {rule}: rejected: {e}"))?;
    let (from, to) = (list(from)[0], list(to)[0]);
    let cap: usize = cap.parse().map_err(|_| format!("bad cap {cap}"))?;
    let want = list(occs);
    let got = set.between(from, to, cap);
    let show = |v: &[NaiveDateTime]| {
        v.iter()
            .map(|d| cogov::recur::format_local(*d))
            .collect::<Vec<_>>()
            .join(",")
    };
    if got.occurrences != want || got.truncated != (truncated == "1") {
        return Err(format!(
            "DTSTART:{start} RRULE:{rule} EXDATE:{ex} RDATE:{rd} window {from}..={to} cap {cap}\n  dateutil: {} (truncated {truncated})\n  engine:   {} (truncated {})",
            show(&want),
            show(&got.occurrences),
            got.truncated
        ));
    }
    // The windowed path (which may skip ahead) must agree with plain iteration.
    let plain: Vec<NaiveDateTime> = set
        .iter()
        .filter(|d| *d >= from && *d <= to)
        .take(cap)
        .collect();
    if plain != want {
        return Err(format!(
            "DTSTART:{start} RRULE:{rule}: iter() disagrees with between(): {}",
            show(&plain)
        ));
    }
    Ok(())
}

#[test]
fn engine_matches_python_dateutil_on_corpus() {
    let corpus = corpus();
    let lines: Vec<&str> = corpus.lines().filter(|l| !l.is_empty()).collect();
    assert!(
        lines.len() >= 1500,
        "corpus too small: {} rules",
        lines.len()
    );
    // the corpus covers the later parts of RFC 5545 too, not only in the hand-picked rules
    for (part, least) in [
        ("BYWEEKNO=", 100),
        ("BYYEARDAY=", 100),
        ("BYHOUR=", 200),
        ("BYMINUTE=", 150),
        ("COUNT=1\t", 3),
    ] {
        let n = lines.iter().filter(|l| l.contains(part)).count();
        assert!(n >= least, "only {n} corpus rules with {part}");
    }
    let with_rdates = lines.iter().filter(|l| !l.ends_with("\t-")).count();
    assert!(
        with_rdates >= 200,
        "only {with_rdates} corpus rules with rdates"
    );
    let failures: Vec<String> = lines.iter().filter_map(|l| check_line(l).err()).collect();
    for f in &failures {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} corpus rules differ from python-dateutil",
        failures.len(),
        lines.len()
    );
    eprintln!("{} corpus rules match python-dateutil", lines.len());
}
