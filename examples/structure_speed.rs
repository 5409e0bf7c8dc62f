//! The structure view's budgets on generated feeds: 30,000 bodies under one root, a 20-layer
//! lattice (two bodies a layer, each part of both above), a 100,000-body chain.
//!
//! `cargo run --release --example structure_speed [-- DIR]` prints, per feed, its size, the load
//! time, the `structure()` time and what the view shows (best of several runs); with a directory it
//! also writes the feeds there (`wide.json`, `lattice.json`, `chain.json`), e.g. to time
//! `cogov structure` or a page on them.
use cogov::structure::{structure, StructureQuery};
use std::time::{Duration, Instant};

fn body(out: &mut String, id: &str, parents: &[String]) {
    if !out.ends_with('[') {
        out.push(',');
    }
    out.push_str(&format!(
        r#"{{"id":"{id}","kind":"committee","name":{{"ko":"기구 {id}","en":"Body {id}"}},"#
    ));
    if !parents.is_empty() {
        let list: Vec<String> = parents.iter().map(|p| format!("\"{p}\"")).collect();
        out.push_str(&format!(r#""part_of":[{}],"#, list.join(",")));
    }
    out.push_str(r#""seats":[{"title":"Members","side":"local","count":3}],"illustrative":true}"#);
}

/// A feed whose bodies are `(id, parents)`.
fn feed(bodies: impl Iterator<Item = (String, Vec<String>)>) -> String {
    let mut s = String::from(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"bodies":["#);
    for (id, parents) in bodies {
        body(&mut s, &id, &parents);
    }
    s.push_str("]}");
    s
}

/// `n` bodies under one root.
pub fn wide(n: usize) -> String {
    let root = std::iter::once(("root".to_string(), vec![]));
    feed(root.chain((0..n).map(|i| (format!("w{i}"), vec!["root".to_string()]))))
}

/// A top body, then `layers` layers of two bodies, each part of both bodies of the layer above.
pub fn lattice(layers: usize) -> String {
    let top = std::iter::once(("top".to_string(), vec![]));
    feed(top.chain((0..layers).flat_map(|l| {
        let up = match l {
            0 => vec!["top".to_string()],
            _ => vec![format!("l{}a", l - 1), format!("l{}b", l - 1)],
        };
        [(format!("l{l}a"), up.clone()), (format!("l{l}b"), up)]
    })))
}

/// `n` bodies, each part of the one before.
pub fn chain(n: usize) -> String {
    feed((0..n).map(|i| {
        let up = if i == 0 {
            vec![]
        } else {
            vec![format!("c{}", i - 1)]
        };
        (format!("c{i}"), up)
    }))
}

fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let dir = std::env::args().nth(1);
    let q = StructureQuery {
        lang: cogov::text::Lang::En,
        root: None,
        as_of: None,
    };
    for (name, text) in [
        ("wide", wide(30_000)),
        ("lattice", lattice(20)),
        ("chain", chain(100_000)),
    ] {
        if let Some(dir) = &dir {
            std::fs::write(format!("{dir}/{name}.json"), &text).expect("write the feed");
        }
        let load = best(5, || drop(cogov::dataset::load(&text)));
        let ds = cogov::dataset::load(&text).dataset.expect("a valid feed");
        let view = best(5, || drop(structure(&ds, q)));
        let v = structure(&ds, q).expect("a view");
        println!(
            "{name:8} {:5} KB, {:5} bodies: load {:7.2} ms, structure() {:6.2} ms; shown {}, hidden {}, truncated {}",
            text.len() / 1000,
            ds.feed.bodies.len(),
            load.as_secs_f64() * 1e3,
            view.as_secs_f64() * 1e3,
            v.shown,
            v.hidden,
            v.truncated
        );
    }
}
