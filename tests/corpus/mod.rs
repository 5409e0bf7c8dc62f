//! The mutation corpus of the decoding tests (`tests/decode_golden.rs`, `tests/schema_agreement.rs`):
//! a coverage sample of `www/data/feed.json` (every list cut to the items that add a field or a
//! field type not seen before) with every field removed, retyped or given bad values, unknown
//! fields added, list items duplicated or replaced; plus the default feed, `www/data/broken.json`
//! and a few hand-written cases.

use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

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

/// One feed of the corpus.
pub struct Case {
    /// A fixed feed (`feed.json`, `broken.json`, `sample`, `hand N`) or, for the variants of one
    /// node of the sample, `node <JSON pointer>`.
    pub group: String,
    /// What was changed at the node (`-name`, `name=r3`, `dup0`, ...); empty for a fixed feed.
    pub variant: String,
    /// The feed's text.
    pub text: String,
    /// For a variant: its node (a JSON pointer into the sample) and the node's new value, so that
    /// the variant is the sample with that one node replaced.
    pub patch: Option<(String, Value)>,
}

fn fixed(group: String, text: String) -> Case {
    Case {
        group,
        variant: String::new(),
        text,
        patch: None,
    }
}

/// The coverage sample of `www/data/feed.json` the variants are made from.
pub fn sample_feed() -> Value {
    let feed: Value =
        serde_json::from_str(&std::fs::read_to_string("www/data/feed.json").unwrap()).unwrap();
    sample(&feed)
}

/// Every case, in a fixed order: the fixed feeds, then the variants of each node of the sample
/// (`sample_feed`).
pub fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string("www/data/feed.json").unwrap();
    let base = sample_feed();
    let mut cases = vec![
        fixed("feed.json".into(), text),
        fixed(
            "broken.json".into(),
            std::fs::read_to_string("www/data/broken.json").unwrap(),
        ),
        fixed("sample".into(), base.to_string()),
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
        cases.push(fixed(format!("hand {i}"), h.to_string()));
    }
    let mut at = Vec::new();
    nodes(&base, String::new(), &mut at);
    let reps = replacements();
    for p in &at {
        let node = base.pointer(p).unwrap();
        let mut variant = |desc: String, f: &dyn Fn(&mut Value)| {
            let mut v = base.clone();
            f(v.pointer_mut(p).unwrap());
            cases.push(Case {
                group: format!("node {p}"),
                variant: desc,
                text: v.to_string(),
                patch: Some((p.clone(), v.pointer(p).unwrap().clone())),
            });
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
