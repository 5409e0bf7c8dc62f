//! The structure view on hostile but valid shapes (issue 10): multi-parent lattices show each
//! body once, deep chains never overflow a stack (checked on threads with a 256 KB stack, so
//! recursion would fail here and not only on the browser's smaller wasm stack), wide feeds are
//! cut to the view's caps. No timed assertions: `examples/structure_speed.rs` prints the figures.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use cogov::dataset::{load, Dataset};
use cogov::structure::{structure, BodyNode, StructureQuery, StructureView, MAX_DEPTH, MAX_NODES};
use cogov::text::Lang;

/// A feed whose bodies are `(id, part_of, supports)`.
fn feed(bodies: impl Iterator<Item = (String, Vec<String>, Vec<String>)>) -> String {
    let list = |ids: &[String]| {
        let quoted: Vec<String> = ids.iter().map(|p| format!("\"{p}\"")).collect();
        quoted.join(",")
    };
    let mut s = String::from(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"bodies":["#);
    for (k, (id, part_of, supports)) in bodies.enumerate() {
        if k > 0 {
            s.push(',');
        }
        s.push_str(&format!(
            r#"{{"id":"{id}","kind":"committee","name":"Body {id}","part_of":[{}],"supports":[{}],"illustrative":true}}"#,
            list(&part_of),
            list(&supports)
        ));
    }
    s.push_str("]}");
    s
}

/// `top`, then `layers` layers of two bodies (`l{n}a`, `l{n}b`), each part of both above.
fn lattice(layers: usize) -> String {
    let top = std::iter::once(("top".to_string(), vec![], vec![]));
    feed(top.chain((0..layers).flat_map(|l| {
        let up = match l {
            0 => vec!["top".to_string()],
            _ => vec![format!("l{}a", l - 1), format!("l{}b", l - 1)],
        };
        [
            (format!("l{l}a"), up.clone(), vec![]),
            (format!("l{l}b"), up, vec![]),
        ]
    })))
}

/// `n` bodies `c0..`, each part of the one before.
fn chain(n: usize) -> String {
    feed((0..n).map(|i| {
        let up = if i == 0 {
            vec![]
        } else {
            vec![format!("c{}", i - 1)]
        };
        (format!("c{i}"), up, vec![])
    }))
}

fn dataset(text: &str) -> Dataset {
    let loaded = load(text);
    assert!(
        loaded.report.errors.is_empty(),
        "{:?}",
        &loaded.report.errors[..loaded.report.errors.len().min(3)]
    );
    loaded.dataset.expect("a dataset")
}

fn view(ds: &Dataset, root: Option<&str>) -> StructureView {
    let q = StructureQuery {
        lang: Lang::En,
        root,
        as_of: None,
    };
    structure(ds, q).expect("a view")
}

/// Every node of the view with its level (roots are 1) and its parent's id, in document order
/// (an explicit stack: the view is at most `MAX_DEPTH` deep, but this must not rely on it).
fn nodes(v: &StructureView) -> Vec<(&BodyNode, usize, Option<&str>)> {
    let mut out = Vec::new();
    let mut stack: Vec<(&BodyNode, usize, Option<&str>)> =
        v.roots.iter().rev().map(|n| (n, 1, None)).collect();
    while let Some((n, level, parent)) = stack.pop() {
        out.push((n, level, parent));
        for c in n.children.iter().rev() {
            stack.push((c, level + 1, Some(n.id.as_str())));
        }
    }
    out
}

/// Runs `f` on a thread with a 256 KB stack.
fn small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no stack overflow or panic");
}

#[test]
fn a_lattice_shows_each_body_once_under_its_first_parent() {
    // 20 layers: 2^20 paths from the top to the last layer; the tree has one node per body
    let ds = dataset(&lattice(20));
    let v = view(&ds, None);
    let all = nodes(&v);
    assert_eq!(all.len(), ds.feed.bodies.len());
    assert_eq!((v.shown, v.hidden, v.truncated), (41, 0, false));
    let mut ids: Vec<&str> = all.iter().map(|(n, _, _)| n.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 41, "each body once");
    for (n, level, parent) in &all {
        let b = &ds.feed.bodies[ds.body_index(&n.id).unwrap()];
        // under the first body of its part_of; the other one is named by also_under
        assert_eq!(*parent, b.part_of.first().map(String::as_str), "{}", n.id);
        assert_eq!(n.relation, parent.map(|_| "part_of"));
        let others: Vec<&str> = n.also_under.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            others,
            b.part_of
                .iter()
                .skip(1)
                .map(String::as_str)
                .collect::<Vec<_>>()
        );
        assert_eq!(n.hidden_children, 0);
        // the "a" bodies form the spine: l{k}a is on level k + 2, and so is l{k}b
        if let Some(rest) = n.id.strip_prefix('l') {
            let k: usize = rest.trim_end_matches(['a', 'b']).parse().unwrap();
            assert_eq!(*level, k + 2, "{}", n.id);
        }
    }
}

#[test]
fn the_first_parent_is_the_first_one_in_the_view() {
    let ds = dataset(&lattice(8));
    // from l3b, l4a (part of l3a, l3b) hangs under l3b: l3a is not in this view
    let v = view(&ds, Some("l3b"));
    let all = nodes(&v);
    assert_eq!(all.len(), 1 + 2 * 4);
    let l4a = all.iter().find(|(n, _, _)| n.id == "l4a").unwrap();
    assert_eq!((l4a.1, l4a.2), (2, Some("l3b")));
    let also: Vec<&str> = l4a.0.also_under.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(also, ["l3a"]);
    // the root of a view names its own parents as also_under
    assert_eq!(v.roots[0].relation, None);
    assert_eq!(v.roots[0].also_under.len(), 2);

    // part_of comes before supports; a parent named twice counts once
    let text = feed(
        [
            ("a".into(), vec![], vec![]),
            ("b".into(), vec![], vec![]),
            ("x".into(), vec!["b".into()], vec!["a".into(), "b".into()]),
        ]
        .into_iter(),
    );
    let ds = dataset(&text);
    let v = view(&ds, None);
    let all = nodes(&v);
    assert_eq!(all.len(), 3);
    let x = all.iter().find(|(n, _, _)| n.id == "x").unwrap();
    assert_eq!((x.2, x.0.relation), (Some("b"), Some("part_of")));
    let also: Vec<&str> = x.0.also_under.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(also, ["a"]);
}

#[test]
fn a_100000_deep_chain_is_cut_at_the_depth_cap_on_a_small_stack() {
    let text = chain(100_000);
    small_stack(move || {
        let ds = dataset(&text);
        let v = view(&ds, None);
        assert_eq!(
            (v.shown as usize, v.hidden as usize, v.truncated),
            (MAX_DEPTH, 100_000 - MAX_DEPTH, true)
        );
        let all = nodes(&v);
        assert_eq!(all.len(), MAX_DEPTH);
        let (last, level, _) = all[MAX_DEPTH - 1];
        assert_eq!((last.id.as_str(), level), ("c31", MAX_DEPTH));
        assert_eq!(last.hidden_children, 1);
        // from deep inside the chain the view starts there
        let v = view(&ds, Some("c99990"));
        assert_eq!((v.shown, v.hidden, v.truncated), (10, 0, false));
        drop(v);
        drop(ds);
    });
}

#[test]
fn the_cli_prints_a_deep_chain_on_a_small_stack() {
    let dir = std::env::temp_dir().join(format!("cogov-structure-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chain.json");
    std::fs::write(&path, chain(100_000)).unwrap();
    let path = path.to_string_lossy().into_owned();
    small_stack(move || {
        for json in [false, true] {
            let mut argv = vec!["structure".to_string(), path.clone()];
            if json {
                argv.push("--json".into());
            }
            let out = cogov::cli::run(&argv).expect("runs");
            assert_eq!(out.code, 0, "{}", out.stderr);
            if json {
                assert!(out.stdout.contains("\"truncated\": true"));
            } else {
                assert!(
                    out.stdout.contains("32 of 100000 bodies shown"),
                    "{}",
                    out.stdout
                );
            }
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn thirty_thousand_bodies_under_one_root_are_cut_at_the_node_cap() {
    let root = std::iter::once(("root".to_string(), vec![], vec![]));
    let text =
        feed(root.chain((0..30_000).map(|i| (format!("w{i}"), vec!["root".into()], vec![]))));
    let ds = dataset(&text);
    let v = view(&ds, None);
    assert_eq!(
        (v.shown as usize, v.hidden, v.truncated),
        (MAX_NODES, 29_001, true)
    );
    let root = &v.roots[0];
    assert_eq!(root.children.len(), MAX_NODES - 1);
    assert_eq!(root.hidden_children, 29_001);
    // breadth-first in feed order: the first 999 sub-bodies
    assert_eq!(root.children[0].id, "w0");
    assert_eq!(root.children[MAX_NODES - 2].id, "w998");
}

#[test]
fn the_node_cap_keeps_the_upper_levels_whole() {
    // 40 roots with 40 sub-bodies each, and a sub-sub-body under each of those: 3,240 bodies
    let mut bodies = Vec::new();
    for r in 0..40 {
        bodies.push((format!("r{r}"), vec![], vec![]));
        for k in 0..40 {
            bodies.push((format!("r{r}-{k}"), vec![format!("r{r}")], vec![]));
            bodies.push((format!("r{r}-{k}-x"), vec![], vec![format!("r{r}-{k}")]));
        }
    }
    let ds = dataset(&feed(bodies.into_iter()));
    let v = view(&ds, None);
    let all = nodes(&v);
    assert_eq!(
        (all.len(), v.hidden as usize),
        (MAX_NODES, 3_240 - MAX_NODES)
    );
    // levels 1 and 2 (1,640 bodies) do not fit: every root, then sub-bodies in order
    assert_eq!(v.roots.len(), 40);
    assert!(all.iter().all(|(_, level, _)| *level <= 2));
    let hidden: u32 = all.iter().map(|(n, _, _)| n.hidden_children).sum();
    // 16 roots' sub-bodies, and the sub-sub-body of each of the 960 shown sub-bodies
    assert_eq!(hidden, 16 * 40 + 960);
    assert_eq!(v.roots[23].children.len(), 40);
    assert_eq!(v.roots[24].children.len(), 0);
    assert_eq!(v.roots[24].hidden_children, 40);
}

#[test]
fn long_cycles_are_reported_in_linear_work_with_short_messages() {
    // c0 supports c4999 closes a cycle through the whole chain; each other body also supports
    // the last one, closing a cycle at each: 5,000 cycles of up to 5,000 bodies
    let n = 5_000;
    let text = feed((0..n).map(|i| {
        let up = if i == 0 {
            vec![]
        } else {
            vec![format!("c{}", i - 1)]
        };
        let sup = if i + 1 < n {
            vec![format!("c{}", n - 1)]
        } else {
            vec![]
        };
        (format!("c{i}"), up, sup)
    }));
    let text2 = text.clone();
    small_stack(move || {
        let errors = load(&text2).report.errors;
        assert_eq!(errors.len(), n - 1);
        assert!(errors.iter().all(|e| e.code == "body.cycle"));
        let longest = errors.iter().map(|e| e.message.len()).max().unwrap();
        assert!(longest < 200, "{longest}");
        let whole = &errors[n - 2].message;
        assert!(
            whole.starts_with("bodies form a cycle: c0 -> c4999 -> c4998 -> ")
                && whole.ends_with("-> c4994 -> … (4992 more) -> c1 -> c0"),
            "{whole}"
        );
    });
    let cycle = feed((0..3).map(|i| (format!("c{i}"), vec![format!("c{}", (i + 2) % 3)], vec![])));
    let errors = load(&cycle).report.errors;
    assert_eq!(
        errors[0].message,
        "bodies form a cycle: c0 -> c2 -> c1 -> c0"
    );
}
