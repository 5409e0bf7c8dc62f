//! Pins decoding + checking: the same `Feed` and the same problems (paths, codes, messages,
//! order) and usable parts for thousands of mutated feeds, and checks on each that a load
//! stopping after a part (`load_through`) reports exactly what the full load reports for it. The mutations are made from a coverage sample of
//! `www/data/feed.json` (every field removed, retyped or given bad values, unknown fields added,
//! list items duplicated or replaced) plus `www/data/broken.json` and a few hand-written cases.
//!
//! `tests/golden/decode.txt` holds one line per group of cases (a fixed feed, or all the variants
//! of one node of the sample): a hash of the decoded `Feed`s (their `Debug` form) and of the
//! problems. To re-bless after an intended change in behaviour:
//! `COGOV_BLESS=1 cargo test --test decode_golden`.

use cogov::dataset::Part;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::fmt::Write as _;

const GOLDEN: &str = "tests/golden/decode.txt";
const PARTS: [Part; 3] = [Part::Structure, Part::Calendar, Part::Proposals];

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

/// Everything observable about loading `text`.
fn outcome(text: &str) -> String {
    let mut out = String::new();
    if let Ok(doc) = cogov::json::parse(text, &Default::default()) {
        let (feed, _) = cogov::feed::decode(&doc, Default::default());
        writeln!(out, "feed {:016x}", fnv(&format!("{feed:?}"))).unwrap();
    }
    let loaded = cogov::dataset::load(text);
    writeln!(out, "dataset {}", loaded.dataset.is_some()).unwrap();
    let usable = PARTS.map(|p| loaded.parts.usable(p));
    writeln!(out, "usable {usable:?}").unwrap();
    for (n, part) in PARTS[..2].iter().enumerate() {
        // a load that stops after a part reports exactly what the full load reports for it
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
    for (label, list) in [("E", &loaded.report.errors), ("W", &loaded.report.warnings)] {
        for p in list {
            writeln!(out, "{label} {p} [{}]", p.code).unwrap();
        }
    }
    out
}

/// Paths (keys, ignoring indices) of everything in `v`.
fn shape(v: &Value, at: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}.{k}");
                out.insert(format!("{p}:{}", kind(x)));
                shape(x, &p, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| shape(x, &format!("{at}[]"), out)),
        _ => {}
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The feed with every list cut to the items that add a field (or a field type) not seen before.
fn sample(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, x)| (k.clone(), sample(x))).collect()),
        Value::Array(items) => {
            let mut seen = BTreeSet::new();
            let mut keep = Vec::new();
            for item in items {
                let mut s = BTreeSet::new();
                shape(item, "", &mut s);
                if keep.is_empty() || !s.is_subset(&seen) {
                    seen.extend(s);
                    keep.push(sample(item));
                }
            }
            Value::Array(keep)
        }
        _ => v.clone(),
    }
}

/// Paths to every object and array node, as JSON pointers.
fn nodes(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            out.push(at.clone());
            for (k, x) in m {
                nodes(x, format!("{at}/{k}"), out);
            }
        }
        Value::Array(a) => {
            out.push(at.clone());
            for (i, x) in a.iter().enumerate() {
                nodes(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn replacements() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-3),
        json!(2.5),
        json!(""),
        json!("x"),
        json!("Bad Id!"),
        json!("ftp://x"),
        json!("2024-02-30"),
        json!("2024-05-01T09:30"),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"ko": ""}),
    ]
}

fn cases() -> Vec<(String, String, String)> {
    let text = std::fs::read_to_string("www/data/feed.json").unwrap();
    let feed: Value = serde_json::from_str(&text).unwrap();
    let base = sample(&feed);
    let mut cases = vec![
        ("feed.json".into(), String::new(), text),
        (
            "broken.json".into(),
            String::new(),
            std::fs::read_to_string("www/data/broken.json").unwrap(),
        ),
        ("sample".into(), String::new(), base.to_string()),
    ];
    let hand = [
        r#"{"cogov": 1, "cogov": 2, "publisher": {"id": "p", "name": "P", "name": "Q"}}"#,
        r#"{"cogov": 2}"#,
        r#"{"cogov": 1.5}"#,
        r#"{"cogov": "1"}"#,
        r#"{}"#,
        r#"[]"#,
        r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "bodies": [{"id": "a", "id": "b", "kind": "association", "name": "A"}]}"#,
        r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "timezone": "UTC"}"#,
        r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"}, "bodies": [{"id": "a", "kind": "association", "name": "A", "seats": [{"count": 0}]}]}"#,
        r#"{"cogov": 1, "bodies": ["#,
    ];
    for (i, h) in hand.iter().enumerate() {
        cases.push((format!("hand {i}"), String::new(), h.to_string()));
    }
    let mut at = Vec::new();
    nodes(&base, String::new(), &mut at);
    let reps = replacements();
    for p in &at {
        let node = base.pointer(p).unwrap();
        let mut variant = |desc: String, f: &dyn Fn(&mut Value)| {
            let mut v = base.clone();
            f(v.pointer_mut(p).unwrap());
            cases.push((format!("node {p}"), desc, v.to_string()));
        };
        match node {
            Value::Object(m) => {
                variant("+unknown".into(), &|n| {
                    n.as_object_mut().unwrap().insert("zz".into(), json!(1));
                });
                variant("=[]".into(), &|n| *n = json!([]));
                for k in m.keys() {
                    let k2 = k.clone();
                    variant(format!("-{k}"), &move |n| {
                        n.as_object_mut().unwrap().remove(&k2);
                    });
                    for (j, r) in reps.iter().enumerate() {
                        let k2 = k.clone();
                        variant(format!("{k}=r{j}"), &move |n| {
                            n.as_object_mut().unwrap().insert(k2.clone(), r.clone());
                        });
                    }
                }
            }
            Value::Array(a) if !a.is_empty() => {
                variant("dup0".into(), &|n| {
                    let a = n.as_array_mut().unwrap();
                    a.push(a[0].clone());
                });
                variant("0=null".into(), &|n| {
                    n.as_array_mut().unwrap()[0] = Value::Null
                });
                variant("0=7".into(), &|n| n.as_array_mut().unwrap()[0] = json!(7));
                variant("0={}".into(), &|n| {
                    n.as_array_mut().unwrap()[0] = Value::Object(Map::new())
                });
            }
            _ => {}
        }
    }
    cases
}

#[test]
fn decoding_matches_golden() {
    // One line per group (a fixed case, or all the variants of one node of the sample).
    let mut got = String::new();
    let mut group = String::new();
    let mut all = String::new();
    let cases = cases();
    for (i, (g, desc, text)) in cases.iter().enumerate() {
        writeln!(all, "{desc}\n{}", outcome(text)).unwrap();
        if cases.get(i + 1).map(|c| &c.0) != Some(g) {
            writeln!(got, "{:016x} {g}", fnv(&all)).unwrap();
            if group.is_empty() {
                group = all.clone();
            }
            all.clear();
        }
    }
    if std::env::var_os("COGOV_BLESS").is_some() {
        std::fs::create_dir_all("tests/golden").unwrap();
        std::fs::write(GOLDEN, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(GOLDEN).unwrap();
    let differ: Vec<_> = got
        .lines()
        .zip(want.lines())
        .filter(|(g, w)| g != w)
        .map(|(g, _)| g)
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} groups of cases differ ({} cases), e.g. {}",
        differ.len(),
        got.lines().count(),
        cases.len(),
        differ.first().unwrap_or(&"")
    );
    assert_eq!(want.lines().count(), got.lines().count());
}
