//! Cross-check of the computed holidays (`cogov::holidays`) against independent implementations,
//! for every year both cover (1990–2050), from `tests/holidays_check.py`:
//! - the lunar table against `korean_lunar_calendar` (KASI-based): every solar day 1990–2050;
//! - the holidays against python `holidays` (KR, public): every day, as holiday or substitute.
//!
//! Each disagreement must be listed in [`KNOWN`] with its reason; any other fails the test, and so
//! does a listed one that no longer occurs.

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use chrono::NaiveDate;
use cogov::holidays::{lunar, of_year, Kind, FIRST_YEAR, LAST_YEAR};
use std::collections::BTreeMap;
use std::process::Command;

const SETUP_HINT: &str =
    "python3 with holidays and korean-lunar-calendar is required: run scripts/setup.sh";

/// Days python `holidays` lists and we do not: all come from data (the feed's `holidays`), not
/// from a rule. `E` election days (임기만료에 의한 선거일: python computes those from 2007 by the
/// election law's formula, we take them from data since the dates move: 2022's presidential
/// election was moved by §34(2), 2017's and 2025's were early); `T` 임시공휴일 fixed by a
/// one-off decision.
const KNOWN: &[(&str, &str)] = &[
    ("1991-03-26", "E: local council elections (data)"),
    ("1991-06-20", "E: provincial council elections (data)"),
    ("1992-03-24", "E: National Assembly election (data)"),
    ("1992-12-18", "E: presidential election (data)"),
    ("1995-06-27", "E: local elections (data)"),
    ("1996-04-11", "E: National Assembly election (data)"),
    ("1997-12-18", "E: presidential election (data)"),
    ("1998-06-04", "E: local elections (data)"),
    ("2000-04-13", "E: National Assembly election (data)"),
    ("2002-06-13", "E: local elections (data)"),
    ("2002-07-01", "T: World Cup semi-final (data)"),
    ("2002-12-19", "E: presidential election (data)"),
    ("2004-04-15", "E: National Assembly election (data)"),
    ("2006-05-31", "E: local elections (data)"),
    ("2007-12-19", "E: presidential election (data)"),
    ("2008-04-09", "E: National Assembly election (data)"),
    ("2010-06-02", "E: local elections (data)"),
    ("2012-04-11", "E: National Assembly election (data)"),
    ("2012-12-19", "E: presidential election (data)"),
    ("2014-06-04", "E: local elections (data)"),
    ("2015-08-14", "T: 임시공휴일 (data)"),
    ("2016-04-13", "E: National Assembly election (data)"),
    ("2016-05-06", "T: 임시공휴일 (data)"),
    ("2017-05-09", "E: early presidential election (data)"),
    ("2017-10-02", "T: 임시공휴일 (data)"),
    ("2018-06-13", "E: local elections (data)"),
    ("2020-04-15", "E: National Assembly election (data)"),
    ("2020-08-17", "T: 임시공휴일 (data)"),
    ("2022-03-09", "E: presidential election (data)"),
    ("2022-06-01", "E: local elections (data)"),
    ("2023-10-02", "T: 임시공휴일 (data)"),
    ("2024-04-10", "E: National Assembly election (data)"),
    ("2024-10-01", "T: 국군의 날 2024, 임시공휴일 (data)"),
    ("2025-01-27", "T: 임시공휴일 (data)"),
    ("2025-06-03", "E: early presidential election (data)"),
    ("2026-06-03", "E: local elections (data)"),
];

/// Elections python `holidays` computes for 2027–2050 (every 4 years for the National Assembly
/// and local elections, every 5 for the presidency): future dates, data when they are fixed.
fn future_election(date: &str, name: &str) -> bool {
    date > "2026-12-31" && name.contains("선거일")
}

fn facts() -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/holidays_check.py");
    let out = match Command::new("python3").arg(script).output() {
        Ok(out) => out,
        Err(e) => panic!("cannot run python3 ({e}): {SETUP_HINT}"),
    };
    assert!(
        out.status.success(),
        "tests/holidays_check.py failed ({}): {}\n{SETUP_HINT}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("facts are utf-8")
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn holidays_match_python_holidays_and_kasi() {
    let facts = facts();
    // date -> (holiday names, substitute names) from python holidays
    let mut theirs: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    let mut lunar_checked = 0;
    let mut problems = Vec::new();
    for line in facts.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f[..] {
            ["lunar", day, ly, lm, leap, ld] => {
                let n = |s: &str| s.parse::<u32>().expect("number");
                let (ly, lm, ld) = (n(ly) as i32, n(lm), n(ld));
                if !(lunar::FIRST..=lunar::LAST).contains(&ly) || (ly == lunar::LAST && lm > 10) {
                    continue; // lunar 1989 (January 1990) and past the table's end
                }
                lunar_checked += 1;
                let got = lunar::to_solar(ly, lm, leap == "1", ld);
                if got != Some(date(day)) {
                    problems.push(format!(
                        "lunar {ly}-{lm}{}-{ld}: KASI {day}, table {got:?}",
                        if leap == "1" { " (leap)" } else { "" }
                    ));
                }
            }
            ["kr", day, name] => {
                let e = theirs.entry(day.to_string()).or_default();
                if name.contains("대체 휴일") {
                    e.1.push(name.to_string());
                } else {
                    e.0.push(name.to_string());
                }
            }
            _ => panic!("malformed line: {line}"),
        }
    }
    assert!(
        lunar_checked > 22_000,
        "only {lunar_checked} lunar days checked"
    );
    assert!(theirs.len() > 900, "only {} python holidays", theirs.len());

    let mut ours: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for y in FIRST_YEAR..=LAST_YEAR {
        for h in of_year(y).expect("in range") {
            let e = ours.entry(cogov::date::iso_date(h.date)).or_default();
            if h.kind == Kind::Substitute {
                e.1.push(h.ko);
            } else {
                e.0.push(h.ko);
            }
        }
    }
    let mut known_seen = Vec::new();
    let days: std::collections::BTreeSet<&String> = theirs.keys().chain(ours.keys()).collect();
    for day in days {
        let none = (Vec::new(), Vec::new());
        let (t, o) = (
            theirs.get(day).unwrap_or(&none),
            ours.get(day).unwrap_or(&none),
        );
        // the same day is a holiday (counted by name) and a substitute on both sides
        if t.0.len() == o.0.len() && t.1.is_empty() == o.1.is_empty() {
            continue;
        }
        if o.0.is_empty() && o.1.is_empty() && t.1.is_empty() {
            if t.0.iter().all(|n| future_election(day, n)) {
                continue;
            }
            if KNOWN.iter().any(|(d, _)| d == day) {
                known_seen.push(day.clone());
                continue;
            }
        }
        problems.push(format!(
            "{day}: python holidays {:?} substitutes {:?}; ours {:?} substitutes {:?}",
            t.0, t.1, o.0, o.1
        ));
    }
    for (d, why) in KNOWN {
        if !known_seen.iter().any(|s| s == d) {
            problems.push(format!(
                "{d}: listed as a known disagreement ({why}) but agrees now"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreement(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}
