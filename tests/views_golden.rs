//! Pins the JSON of every view the wasm boundary returns, for the default dataset
//! `www/data/feed.json`: each view is written by the boundary's own JSON writer
//! (`src/wasm/json.rs`, what JS reads with `JSON.parse`) and checked against the readable
//! snapshots `tests/golden/views/<kind>.txt`: one file per kind of view, each view under
//! `## name`, its JSON laid out one member or item per line where it does not fit in 100 columns
//! (every token as the boundary wrote it), a view equal to an earlier one of its file as `= name`.
//! A difference is reported as the first differing line of each file, under its view's name, and
//! the file as it is now is written to `target/views_golden.<kind>.actual.txt` for `diff`. The same
//! view written by `serde_json` (what the native CLI prints) must read back as the same JSON
//! value. To re-bless after an intended change: `COGOV_BLESS=1 cargo test --test views_golden`.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

#[allow(dead_code)]
#[path = "../src/wasm/json.rs"]
mod wasm_json;

use cogov::calendar::{self, IcsQuery, SessionQuery};
use cogov::dataset::Dataset;
use cogov::proposals::cards::{self, calendar_next_session};
use cogov::proposals::query::{self, Filter, ProposalQuery, SortKey};
use cogov::proposals::stats::{self, GroupBy, DEFAULT_WEIGHT};
use cogov::proposals::{AnswerClass, ProposalIndex};
use cogov::structure::{self, StructureQuery};
use cogov::text::Lang;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

const GOLDEN: &str = "tests/golden/views";
const FEED: &str = include_str!("../www/data/feed.json");

/// Numbers as 15 significant digits: the boundary writes `28` where `serde_json` writes `28.0`,
/// and `serde_json` reads the shortest digits back to within one unit of the last place.
fn norm(v: Value) -> Value {
    match v {
        Value::Number(n) => Value::String(format!("{:.14e}", n.as_f64().unwrap())),
        Value::Array(a) => Value::Array(a.into_iter().map(norm).collect()),
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, x)| (k, norm(x))).collect()),
        v => v,
    }
}

struct Dump {
    /// name, JSON text
    views: Vec<(String, String)>,
}

impl Dump {
    fn view<T: Serialize>(&mut self, name: String, v: &T) {
        let text = wasm_json::to_string(v).expect("the boundary writes every view");
        let read: Value = serde_json::from_str(&text).expect("the boundary writes valid JSON");
        let native = serde_json::to_value(v).expect("serde_json writes every view");
        assert_eq!(
            norm(read),
            norm(native),
            "{name}: boundary and serde_json differ"
        );
        self.views.push((name, text));
    }
    fn result<T: Serialize>(&mut self, name: String, v: Result<T, cogov::problem::Problem>) {
        match v {
            Ok(v) => self.view(name, &v),
            Err(p) => self.views.push((name, format!("error {} [{}]", p, p.code))),
        }
    }
    fn text(&mut self, name: String, v: Result<String, cogov::problem::Problem>) {
        let s = v.unwrap_or_else(|p| format!("error {} [{}]", p, p.code));
        self.views.push((name, s));
    }
}

fn day(s: &str) -> chrono::NaiveDate {
    cogov::date::parse_date(s).unwrap()
}

fn structure_views(d: &mut Dump, ds: &Dataset) {
    let roots: Vec<Option<&str>> = std::iter::once(None)
        .chain(ds.feed.bodies.iter().map(|b| Some(b.id.as_str())))
        .chain([Some("nope")])
        .collect();
    for lang in [Lang::Ko, Lang::En] {
        for &root in &roots {
            for as_of in [
                None,
                Some("2018-07-17"),
                Some("2024-01-01"),
                Some("2026-03-01"),
            ] {
                let q = StructureQuery {
                    lang,
                    root,
                    as_of: as_of.map(day),
                };
                d.result(
                    format!("structure {lang:?} {root:?} {as_of:?}"),
                    structure::structure(ds, q),
                );
            }
        }
        for o in ds
            .feed
            .offices
            .iter()
            .map(|o| o.id.as_str())
            .chain(["seoul", "nope"])
        {
            d.result(
                format!("whereSits {o} {lang:?}"),
                structure::where_sits(ds, o, lang),
            );
        }
    }
    d.view("validate".into(), &cogov::dataset::load(FEED).report);
}

fn calendar_views(d: &mut Dump, ds: &Dataset) {
    // the caller's clock: sessions before it without a result are `past`
    let now = cogov::date::parse_local("2026-03-01T12:00").unwrap();
    let bodies: Vec<Option<&str>> = std::iter::once(None)
        .chain(ds.feed.bodies.iter().map(|b| Some(b.id.as_str())))
        .collect();
    for lang in [Lang::Ko, Lang::En] {
        for &body in &bodies {
            for (from, to) in [("2018-01-01", "2027-12-31"), ("2025-07-01", "2025-07-31")] {
                let q = SessionQuery {
                    from: day(from),
                    to: day(to),
                    body,
                    lang,
                    cap: cogov::recur::HARD_CAP,
                    now,
                };
                d.result(
                    format!("sessions {from} {to} {body:?} {lang:?}"),
                    calendar::sessions(ds, &q),
                );
            }
            for (today, n) in [("2025-01-01", 5), ("2026-03-01", 1), ("2030-01-01", 3)] {
                d.result(
                    format!("nextSessions {today} {n} {body:?} {lang:?}"),
                    calendar::next_sessions(ds, day(today), n, body, lang, now),
                );
            }
        }
        d.view(
            format!("calendarBodies {lang:?}"),
            &calendar::session_bodies(ds, lang),
        );
        let mut ids: Vec<String> = ds.feed.sessions.iter().map(|s| s.id.clone()).collect();
        ids.extend(
            [
                "ga-regular@2025-07-11",
                "cm-quarterly@2026-01-15",
                "nope",
                "ga-wc@2026-07-09",
            ]
            .map(String::from),
        );
        for s in &calendar::sessions(
            ds,
            &SessionQuery {
                from: day("2024-01-01"),
                to: day("2026-12-31"),
                body: None,
                lang,
                cap: cogov::recur::HARD_CAP,
                now,
            },
        )
        .unwrap()
        .sessions
        {
            ids.push(s.id.clone());
        }
        for id in &ids {
            d.view(
                format!("session {id} {lang:?}"),
                &calendar::find_session(ds, id, lang, now),
            );
            for base in [
                None,
                Some("https://example.org/cal"),
                Some("https://e.org/p#s="),
            ] {
                d.text(
                    format!("googleLink {id} {lang:?} {base:?}"),
                    calendar::google_link(ds, id, lang, base),
                );
            }
        }
        // as the boundary computes the window from DTSTAMP
        let now = cogov::date::parse_local("2026-03-01T00:00").unwrap();
        let today = day("2026-03-01");
        for body in [
            None,
            Some("ga-general-assembly"),
            Some("cooperation-meeting"),
        ] {
            for session in [
                None,
                Some("ga-regular-2025"),
                Some("ga-wc@2027-07-08"),
                Some("nope"),
            ] {
                for base in [None, Some("https://example.org/cal")] {
                    let q = IcsQuery {
                        body,
                        session,
                        series: None,
                        from: today - chrono::TimeDelta::days(366),
                        to: today + chrono::TimeDelta::days(2 * 366),
                        lang,
                        dtstamp_utc: now,
                        base_url: base,
                    };
                    d.text(
                        format!("ics {body:?} {session:?} {base:?} {lang:?}"),
                        calendar::calendar_ics(ds, &q),
                    );
                }
            }
        }
    }
}

fn proposal_views(d: &mut Dump, ds: &Dataset) {
    let idx = ProposalIndex::new(&ds.feed);
    for lang in [Lang::Ko, Lang::En] {
        let ch = query::choices(ds, &idx, lang);
        d.view(format!("proposalChoices {lang:?}"), &ch);
        let mut filters: Vec<(String, Filter)> = vec![("all".into(), Filter::default())];
        for s in &ch.stages {
            filters.push((
                format!("stage {}", s.id),
                Filter {
                    stage: cogov::feed::Stage::parse(&s.id),
                    ..Filter::default()
                },
            ));
        }
        for a in AnswerClass::ALL {
            filters.push((
                format!("answer {}", a.as_str()),
                Filter {
                    answer: Some(a),
                    ..Filter::default()
                },
            ));
        }
        for m in ch.ministries.iter().take(4) {
            filters.push((
                format!("ministry {}", m.id),
                Filter {
                    ministry: Some(&m.id),
                    ..Filter::default()
                },
            ));
            filters.push((
                format!("ministry {} accepted", m.id),
                Filter {
                    ministry: Some(&m.id),
                    answer: Some(AnswerClass::Accepted),
                    ..Filter::default()
                },
            ));
        }
        for p in ch.proposers.iter().take(4) {
            filters.push((
                format!("proposer {}", p.id),
                Filter {
                    proposer: Some(&p.id),
                    ..Filter::default()
                },
            ));
        }
        for &y in &ch.years {
            filters.push((
                format!("year {y}"),
                Filter {
                    year: Some(y),
                    ..Filter::default()
                },
            ));
        }
        for s in ch.sessions.iter().take(3) {
            filters.push((
                format!("session {}", s.id),
                Filter {
                    session: Some(&s.id),
                    ..Filter::default()
                },
            ));
        }
        for t in ["세", "BUS", "zzz"] {
            filters.push((
                format!("text {t}"),
                Filter {
                    text: Some(t),
                    ..Filter::default()
                },
            ));
        }
        filters.push((
            "unknown ministry".into(),
            Filter {
                ministry: Some("nope"),
                ..Filter::default()
            },
        ));
        for (name, f) in &filters {
            let pq = ProposalQuery {
                filter: *f,
                ..ProposalQuery::all(lang)
            };
            d.result(
                format!("proposals {name} {lang:?}"),
                query::list(ds, &idx, &pq),
            );
            for by in [
                GroupBy::Ministry,
                GroupBy::Proposer,
                GroupBy::Year,
                GroupBy::Session,
            ] {
                d.result(
                    format!("proposalStats {} {name} {lang:?}", by.as_str()),
                    stats::stats(ds, &idx, f, by, DEFAULT_WEIGHT, lang),
                );
            }
        }
        for by in [GroupBy::Ministry, GroupBy::Year] {
            for w in [0.0, 0.3, 1.0, 1.5] {
                d.result(
                    format!("proposalStats {} weight {w} {lang:?}", by.as_str()),
                    stats::stats(ds, &idx, &Filter::default(), by, w, lang),
                );
            }
        }
        for sort in [
            SortKey::Date,
            SortKey::Updated,
            SortKey::Title,
            SortKey::Stage,
        ] {
            for descending in [false, true] {
                for (offset, limit) in [(0, None), (3, Some(5)), (100, Some(1))] {
                    let pq = ProposalQuery {
                        sort,
                        descending,
                        offset,
                        limit,
                        ..ProposalQuery::all(lang)
                    };
                    d.result(
                        format!("proposals {sort:?} {descending} {offset} {limit:?} {lang:?}"),
                        query::list(ds, &idx, &pq),
                    );
                }
            }
        }
        let ids = ds
            .feed
            .proposals
            .iter()
            .map(|p| p.id.as_str())
            .chain(["nope"]);
        for id in ids {
            for today in [
                None,
                Some("2023-01-01"),
                Some("2025-07-11"),
                Some("2026-03-01"),
            ] {
                d.result(
                    format!("proposal {id} {today:?} {lang:?}"),
                    query::detail(ds, &idx, id, lang, today.map(day), &calendar_next_session),
                );
            }
        }
        for today in [
            None,
            Some("2022-01-01"),
            Some("2025-07-11"),
            Some("2025-07-12"),
            Some("2027-01-01"),
        ] {
            d.view(
                format!("cards {today:?} {lang:?}"),
                &cards::cards(ds, today.map(day), lang, &calendar_next_session),
            );
        }
        let sessions: Vec<&str> = ds.feed.sessions.iter().map(|s| s.id.as_str()).collect();
        for (i, a) in sessions.iter().enumerate() {
            for b in sessions.iter().skip(i + 1).step_by(3) {
                d.result(
                    format!("changedBetween {a} {b} {lang:?}"),
                    stats::changed_between(ds, a, b, lang),
                );
            }
        }
        d.result(
            format!("changedBetween nope {lang:?}"),
            stats::changed_between(ds, "nope", sessions[0], lang),
        );
    }
}

/// Widest line of a snapshot: a JSON array or object that fits stays on one line.
const WIDTH: usize = 100;

/// The end (exclusive) of the JSON value starting at byte `i` of `s` (written without whitespace).
fn value_end(s: &[u8], start: usize) -> usize {
    if !matches!(s[start], b'"' | b'[' | b'{') {
        let n = s[start..].iter().position(|c| b",:]}".contains(c));
        return n.map_or(s.len(), |n| start + n);
    }
    let (mut depth, mut in_str, mut i) = (0usize, false, start);
    loop {
        let c = s[i];
        i += 1;
        match (in_str, c) {
            (true, b'\\') => i += 1,
            (true, b'"') => in_str = false,
            (true, _) => {}
            (false, b'"') => in_str = true,
            (false, b'[' | b'{') => depth += 1,
            (false, b']' | b'}') => depth -= 1,
            _ => {}
        }
        if depth == 0 && !in_str {
            return i;
        }
    }
}

/// `text` (compact JSON from the boundary) laid out one member or item per line where it does not
/// fit in `WIDTH`; every token is the boundary's own, so removing the line breaks and indentation
/// gives `text` back.
fn layout(text: &str, at: usize, indent: usize, out: &mut String) -> usize {
    let s = text.as_bytes();
    let end = value_end(s, at);
    if end - at + indent <= WIDTH || !matches!(s[at], b'[' | b'{') || end - at == 2 {
        out.push_str(&text[at..end]);
        return end;
    }
    out.push(s[at] as char);
    let mut i = at + 1;
    loop {
        out.push('\n');
        out.push_str(&" ".repeat(indent + 1));
        if s[at] == b'{' {
            let k = value_end(s, i);
            out.push_str(&text[i..=k]); // the key and its colon
            i = k + 1;
        }
        i = layout(text, i, indent + 1, out);
        if s[i] == b',' {
            out.push(',');
            i += 1;
        } else {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push(s[i] as char);
            return i + 1;
        }
    }
}

/// A view as snapshot lines: JSON laid out by `layout`, other text (links, .ics, errors) as it is
/// with CRLF line ends written as LF.
fn snapshot(text: &str) -> String {
    if text.starts_with(['{', '[']) {
        let mut out = String::new();
        let end = layout(text, 0, 0, &mut out);
        assert_eq!(end, text.len());
        let back: String = out.lines().map(str::trim_start).collect();
        assert_eq!(back, text, "the layout keeps every token");
        out
    } else {
        assert!(!text.replace("\r\n", "").contains('\n'), "only CRLF lines");
        text.replace("\r\n", "\n")
    }
}

/// The snapshot files: one per kind of view (the first word of its name), each view under a
/// `## name` line, a view equal to an earlier one of the same file as `= name` of that one.
fn snapshot_files(views: &[(String, String)]) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<(String, &str, &str)> = Vec::new(); // (file, text, name)
    for (name, text) in views {
        let kind = name.split(' ').next().unwrap().to_string();
        if !files.iter().any(|f| f.0 == kind) {
            files.push((kind.clone(), String::new()));
        }
        let out = &mut files.iter_mut().find(|f| f.0 == kind).unwrap().1;
        writeln!(out, "## {name}").unwrap();
        match seen
            .iter()
            .find(|(f, t, _)| *f == kind && *t == text.as_str())
        {
            Some((_, _, first)) => writeln!(out, "= {first}").unwrap(),
            None => {
                writeln!(out, "{}", snapshot(text)).unwrap();
                seen.push((kind, text, name));
            }
        }
    }
    files
}

/// The first line where `got` differs from `want`, under the name of its view.
fn first_difference(path: &str, want: &str, got: &str) -> Option<String> {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i))?;
    let view = g[..i.min(g.len())]
        .iter()
        .rev()
        .find(|l| l.starts_with("## "));
    Some(format!(
        "{path}:{}: {}\n  want {}\n  got  {}",
        i + 1,
        view.unwrap_or(&""),
        w.get(i).unwrap_or(&"(end of file)"),
        g.get(i).unwrap_or(&"(end of file)")
    ))
}

#[test]
fn every_view_of_the_default_feed_is_pinned() {
    let ds = cogov::dataset::load(FEED)
        .dataset
        .expect("the default feed loads");
    let mut d = Dump { views: Vec::new() };
    structure_views(&mut d, &ds);
    calendar_views(&mut d, &ds);
    proposal_views(&mut d, &ds);
    let files = snapshot_files(&d.views);
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    if std::env::var_os("COGOV_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(GOLDEN);
        std::fs::create_dir_all(GOLDEN).unwrap();
        for (kind, text) in &files {
            std::fs::write(format!("{GOLDEN}/{kind}.txt"), text).unwrap();
        }
        return;
    }
    let mut differ = Vec::new();
    for (kind, got) in &files {
        let path = format!("{GOLDEN}/{kind}.txt");
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(d) = first_difference(&path, &want, got) {
            std::fs::write(format!("{target}/views_golden.{kind}.actual.txt"), got).unwrap();
            differ.push(d);
        }
    }
    assert!(
        differ.is_empty(),
        "views differ from {GOLDEN} (each differing file written as \
         {target}/views_golden.<kind>.actual.txt; COGOV_BLESS=1 to accept):\n{}",
        differ.join("\n")
    );
}
