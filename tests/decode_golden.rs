//! Pins decoding + checking: the same problems (paths, codes, messages, order), usable parts and
//! decoded `Feed` for thousands of mutated feeds (`tests/corpus`), and checks on each that a load
//! stopping after a part (`load_through`) reports exactly what the full load reports for it.
//!
//! The snapshots `tests/golden/decode/<area>.txt` (`fixed`, `top`, then one per top-level list)
//! are readable: per group `== group`, per variant `-- variant`, then its `dataset ...; usable:
//! ...` line when it differs from the sample's, its problems as an edit of the sample's list
//! (`+E ...` added, `-W ...` dropped: applied to the sample's list it gives the case's exactly) and
//! how its decoded model (`Debug`) differs from the sample's (a hunk, or a hash when longer than
//! `HUNK` lines); the fixed feeds list every problem. A failure names the first differing line of
//! each file and writes the file as it is now to `target/decode_golden.<area>.actual.txt`. To
//! re-bless after an intended change in behaviour: `COGOV_BLESS=1 cargo test --test decode_golden`.
//!
//! Each run also writes the decoder's verdict on every case (its errors' paths and codes) to
//! `target/decode_verdicts.jsonl`, which `tests/schema/agreement.mjs` compares with the JSON Schema.

mod corpus;

use cogov::dataset::Part;
use serde_json::json;
use std::fmt::Write as _;
use std::io::Write as _;

const GOLDEN: &str = "tests/golden/decode";
const PARTS: [Part; 3] = [Part::Structure, Part::Calendar, Part::Proposals];

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// A load that stops after a part (`load_through`) reports exactly what the full load reports for
/// it, and the same parts are usable.
fn check_load_through(text: &str, loaded: &cogov::dataset::Loaded) {
    let usable = PARTS.map(|p| loaded.parts.usable(p));
    for (n, part) in PARTS[..2].iter().enumerate() {
        let short = cogov::dataset::load_through(text, *part);
        let want = loaded.parts.report(*part, &loaded.report);
        assert_eq!(short.report, want, "load_through({part:?}) of {text}");
        assert_eq!(short.dataset.is_some(), loaded.dataset.is_some(), "{text}");
        for (m, p) in PARTS.iter().enumerate() {
            assert_eq!(
                short.parts.usable(*p),
                m <= n && usable[m],
                "{p:?} of {text}"
            );
        }
    }
}

/// The area file of a group: `fixed` for the fixed feeds, else the top-level member the node is
/// in (`bodies`, `sessions`, ...; `top` for the document itself and its scalar members).
fn area(group: &str) -> &str {
    match group.strip_prefix("node /") {
        None if group == "node " => "top",
        None => "fixed",
        Some(p) => match p.split('/').next().unwrap_or("") {
            a @ ("sources" | "organizations" | "offices" | "bodies" | "series" | "sessions"
            | "proposals" | "cards") => a,
            _ => "top",
        },
    }
}

/// The decoded `Feed` as lines (its pretty `Debug` form).
fn feed_lines(text: &str) -> Option<Vec<String>> {
    let doc = cogov::json::parse(text, &Default::default()).ok()?;
    let (feed, _) = cogov::feed::decode(&doc, Default::default());
    // one space per level instead of four: the hunks below stay readable and short
    let lines = format!("{feed:#?}");
    Some(
        lines
            .lines()
            .map(|l| {
                let body = l.trim_start_matches(' ');
                " ".repeat((l.len() - body.len()) / 4) + body
            })
            .collect(),
    )
}

/// Longest hunk of the decoded model shown in a snapshot; a longer one is summarized by a hash.
const HUNK: usize = 12;

/// How the decoded model of a case differs from the sample's: the lines between the common
/// prefix and suffix of their `Debug` forms.
fn feed_summary(out: &mut String, got: &Option<Vec<String>>, sample: &[String]) {
    let Some(got) = got else {
        writeln!(out, "feed: not JSON").unwrap();
        return;
    };
    if got == sample {
        writeln!(out, "feed: as the sample").unwrap();
        return;
    }
    let pre = got.iter().zip(sample).take_while(|(a, b)| a == b).count();
    let max = got.len().min(sample.len()) - pre;
    let suf = (0..max)
        .take_while(|i| got[got.len() - 1 - i] == sample[sample.len() - 1 - i])
        .count();
    let (del, add) = (&sample[pre..sample.len() - suf], &got[pre..got.len() - suf]);
    if del.len() + add.len() > HUNK {
        writeln!(
            out,
            "feed: {} lines of the sample's from line {} replaced by {} lines (hash {:016x})",
            del.len(),
            pre + 1,
            add.len(),
            fnv(&add.join("\n"))
        )
        .unwrap();
        return;
    }
    writeln!(out, "feed: at line {} of the sample's", pre + 1).unwrap();
    for l in del {
        writeln!(out, "  -{l}").unwrap();
    }
    for l in add {
        writeln!(out, "  +{l}").unwrap();
    }
}

/// The problems of a load, one line each (`E`/`W`, path, message, code), in order.
fn problem_lines(loaded: &cogov::dataset::Loaded) -> Vec<String> {
    let mut out = Vec::new();
    for (label, list) in [("E", &loaded.report.errors), ("W", &loaded.report.warnings)] {
        for p in list {
            out.push(format!("{label} {p} [{}]", p.code));
        }
    }
    out
}

/// The edit from `a` to `b` (a longest common subsequence): `-` lines of `a` not kept, `+`
/// lines of `b` inserted, in order; applying it to `a` gives `b` exactly.
fn line_diff(out: &mut String, a: &[String], b: &[String]) {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            writeln!(out, "+{}", b[j]).unwrap();
            j += 1;
        } else {
            writeln!(out, "-{}", a[i]).unwrap();
            i += 1;
        }
    }
}

/// `dataset yes|no; usable: <parts>` of a load.
fn state_line(loaded: &cogov::dataset::Loaded) -> String {
    let usable: Vec<&str> = PARTS
        .iter()
        .zip(["structure", "calendar", "proposals"])
        .filter(|(p, _)| loaded.parts.usable(**p))
        .map(|(_, n)| n)
        .collect();
    let dataset = if loaded.dataset.is_some() {
        "yes"
    } else {
        "no"
    };
    let usable = if usable.is_empty() {
        "none".into()
    } else {
        usable.join(" ")
    };
    format!("dataset {dataset}; usable: {usable}")
}

/// What the variants are compared with.
struct Sample {
    /// `dataset ...; usable: ...` of the sample; a variant prints its own only when it differs.
    state: String,
    problems: Vec<String>,
    feed: Vec<String>,
}

/// The readable summary of one case: whether it loads, which parts, its problems (for a variant:
/// as an edit of the sample's list) and how its decoded model differs from the sample's.
fn summary(out: &mut String, text: &str, sample: &Sample, fixed: bool) -> serde_json::Value {
    let loaded = cogov::dataset::load(text);
    check_load_through(text, &loaded);
    let state = state_line(&loaded);
    if fixed || state != sample.state {
        writeln!(out, "{state}").unwrap();
    }
    let problems = problem_lines(&loaded);
    let feed = feed_lines(text);
    if fixed {
        for l in &problems {
            writeln!(out, "{l}").unwrap();
        }
        match &feed {
            Some(f) => writeln!(
                out,
                "feed: {} lines, hash {:016x}",
                f.len(),
                fnv(&f.join("\n"))
            )
            .unwrap(),
            None => writeln!(out, "feed: not JSON").unwrap(),
        }
    } else {
        line_diff(out, &sample.problems, &problems);
        feed_summary(out, &feed, &sample.feed);
    }
    let errors = loaded.report.errors.iter().map(|p| json!([p.path, p.code]));
    json!({"json": feed.is_some(), "errors": errors.collect::<Vec<_>>()})
}

#[test]
fn decoding_matches_golden() {
    let cases = corpus::cases();
    // readable snapshots
    let sample_text = corpus::sample_feed().to_string();
    let loaded = cogov::dataset::load(&sample_text);
    let sample = Sample {
        state: state_line(&loaded),
        problems: problem_lines(&loaded),
        feed: feed_lines(&sample_text).unwrap(),
    };
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let verdicts = format!("{target}/decode_verdicts.jsonl");
    let mut jsonl = std::io::BufWriter::new(std::fs::File::create(&verdicts).unwrap());
    writeln!(jsonl, "{}", json!({ "sample": sample_text })).unwrap();
    let mut files: Vec<(String, String)> = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let a = area(&c.group);
        if !files.iter().any(|f| f.0 == a) {
            files.push((a.to_string(), String::new()));
        }
        let out = &mut files.iter_mut().find(|f| f.0 == a).unwrap().1;
        if i == 0 || cases[i - 1].group != c.group {
            writeln!(out, "== {}", c.group).unwrap();
        }
        if !c.variant.is_empty() {
            writeln!(out, "-- {}", c.variant).unwrap();
        }
        let mut verdict = summary(out, &c.text, &sample, c.patch.is_none());
        verdict["group"] = json!(c.group);
        verdict["variant"] = json!(c.variant);
        match &c.patch {
            Some((at, node)) => verdict["patch"] = json!([at, node]),
            None => verdict["text"] = json!(c.text),
        }
        writeln!(jsonl, "{verdict}").unwrap();
    }
    jsonl.flush().unwrap();
    if std::env::var_os("COGOV_BLESS").is_some() {
        let _ = std::fs::remove_dir_all(GOLDEN);
        std::fs::create_dir_all(GOLDEN).unwrap();
        for (a, text) in &files {
            std::fs::write(format!("{GOLDEN}/{a}.txt"), text).unwrap();
        }
        return;
    }
    let mut differ = Vec::new();
    for (a, got) in &files {
        let path = format!("{GOLDEN}/{a}.txt");
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(d) = first_difference(&path, &want, got) {
            std::fs::write(format!("{target}/decode_golden.{a}.actual.txt"), got).unwrap();
            differ.push(d);
        }
    }
    assert!(
        differ.is_empty(),
        "decoding differs from {GOLDEN} ({} cases; each differing file written as \
         {target}/decode_golden.<file>.actual.txt, COGOV_BLESS=1 to accept):\n{}",
        cases.len(),
        differ.join("\n")
    );
}

/// The first line where `got` differs from `want`, with the case it belongs to.
fn first_difference(path: &str, want: &str, got: &str) -> Option<String> {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let i = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i))?;
    let head = |p: &str| {
        g[..i.min(g.len())]
            .iter()
            .rev()
            .find(|l| l.starts_with(p))
            .copied()
    };
    Some(format!(
        "{path}:{}: {} {}\n  want {}\n  got  {}",
        i + 1,
        head("== ").unwrap_or(""),
        head("-- ").unwrap_or(""),
        w.get(i).unwrap_or(&"(end of file)"),
        g.get(i).unwrap_or(&"(end of file)")
    ))
}
