//! No import cycle among the modules of `src/`: a check, not a sentence in ARCHITECTURE.md.
//!
//! The graph is read from the source text. A node is a module file (`src/a.rs`, `src/a/mod.rs`,
//! `src/a/b.rs`; `lib.rs` is the crate root). An edge A → B is a path in A's code that names an
//! item of B: `crate::…`, `super::…`, `self::…` and paths through A's own child modules, in `use`
//! trees (braces expanded) and in expressions and types. A path naming a module resolves to the
//! deepest module file it names; an item that a module re-exports (`pub use child::item`)
//! resolves to where it is defined, so a facade adds no edge of its own.
//!
//! Not counted: code under `#[cfg(test)]` (test modules and test-only files may reach anywhere),
//! comments and string literals, and edges from a directory module's `mod.rs` to its own
//! children (a parent dispatching to the modules it declares, as `cli/mod.rs` does); a child's
//! use of its parent's items and every edge between siblings or across directories count.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// A module path, e.g. `["calendar", "expand"]`; the crate root is `[]`.
type ModPath = Vec<String>;

struct Module {
    file: PathBuf,
    /// The code, without comments, strings and `#[cfg(test)]` modules.
    code: String,
    /// Names re-exported with `pub use`, to the absolute path they name.
    reexports: BTreeMap<String, ModPath>,
}

#[test]
fn no_import_cycle_among_src_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    collect(&root, &root, &mut modules);
    assert!(modules.len() > 20, "found only {} modules", modules.len());
    let test_only = test_only_modules(&modules);
    modules.retain(|m, _| !test_only.iter().any(|t| m.starts_with(t)));
    let names: BTreeSet<ModPath> = modules.keys().cloned().collect();
    for (path, m) in modules.iter_mut() {
        let code = m.code.clone();
        for (name, target) in use_trees(&code, true) {
            if let Some(abs) = absolute(path, &target, &names) {
                m.reexports.insert(name, abs);
            }
        }
    }
    let mut edges: BTreeMap<ModPath, BTreeSet<ModPath>> = BTreeMap::new();
    for (path, m) in &modules {
        let mut targets = Vec::new();
        for (_, target) in use_trees(&m.code, false) {
            targets.push(target);
        }
        targets.extend(inline_paths(&m.code));
        let out = edges.entry(path.clone()).or_default();
        for t in targets {
            let Some(abs) = absolute(path, &t, &names) else {
                continue;
            };
            let dep = resolve(&abs, &modules, &names, 0);
            let own_child = dep.len() == path.len() + 1 && dep.starts_with(path);
            if dep != *path && !own_child {
                out.insert(dep);
            }
        }
    }
    let show = |p: &ModPath| modules[p].file.display().to_string();
    if let Some(cycle) = find_cycle(&edges) {
        let shown: Vec<String> = cycle.iter().map(show).collect();
        panic!(
            "import cycle among src/ modules:\n  {}\nbreak one edge (move the shared item to a module both may use)",
            shown.join("\n  -> ")
        );
    }
    // the graph was read at all: a few edges known to exist
    let has = |a: &[&str], b: &[&str]| {
        let p = |x: &[&str]| x.iter().map(|s| s.to_string()).collect::<ModPath>();
        edges.get(&p(a)).is_some_and(|e| e.contains(&p(b)))
    };
    assert!(has(&["dataset"], &["check"]));
    assert!(has(&["calendar", "expand"], &["view"]));
    assert!(has(&["wasm", "calendar"], &["wasm"]));
}

/// Every `.rs` file under `dir` as a module (`src/bin` holds other crates).
fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<ModPath, Module>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p != root.join("bin") {
                collect(root, &p, out);
            }
            continue;
        }
        if p.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = p.strip_prefix(root).unwrap().with_extension("");
        let mut path: ModPath = rel
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if path.last().is_some_and(|l| l == "mod" || l == "lib") {
            path.pop();
        }
        let code = without_test_modules(&strip(&fs::read_to_string(&p).unwrap()));
        out.insert(
            path,
            Module {
                file: p
                    .strip_prefix(root.parent().unwrap())
                    .unwrap()
                    .to_path_buf(),
                code,
                reexports: BTreeMap::new(),
            },
        );
    }
}

/// The code without comments, string and char literals (each replaced by a space).
fn strip(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !b[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // raw string r"…" or r#"…"#
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            i = j;
            out.push(' ');
        } else if c == '"' {
            i += 1;
            while i < b.len() && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else if c == '\'' && (next == Some('\\') || b.get(i + 2) == Some(&'\'')) {
            // a char literal, not a lifetime
            i += 1;
            while i < b.len() && b[i] != '\'' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push(' ');
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The code without `#[cfg(test)] mod name { … }` blocks.
fn without_test_modules(code: &str) -> String {
    let mut out = code.to_string();
    while let Some(at) = out.find("#[cfg(test)]") {
        let rest = &out[at + "#[cfg(test)]".len()..];
        let trimmed = rest.trim_start();
        let Some(open) = trimmed
            .strip_prefix("mod ")
            .and_then(|r| r.find(['{', ';']).map(|k| (r, k)))
        else {
            // another item under cfg(test): drop the attribute only
            out.replace_range(at..at + "#[cfg(test)]".len(), "");
            continue;
        };
        let (r, k) = open;
        let start_of_r = out.len() - r.len();
        if r.as_bytes()[k] == b';' {
            out.replace_range(at..start_of_r + k + 1, "");
            continue;
        }
        let mut depth = 0;
        let mut end = out.len();
        for (j, ch) in out[start_of_r + k..].char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = start_of_r + k + j + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.replace_range(at..end, "");
    }
    out
}

/// Modules declared under a `cfg` that includes `test` only (`#[cfg(test)] mod x;`, as raw source).
fn test_only_modules(modules: &BTreeMap<ModPath, Module>) -> Vec<ModPath> {
    let mut out = Vec::new();
    for (path, m) in modules {
        let src = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&m.file)).unwrap();
        let lines: Vec<&str> = src.lines().map(str::trim).collect();
        for (k, l) in lines.iter().enumerate() {
            let Some(name) = l
                .strip_prefix("mod ")
                .or_else(|| l.strip_prefix("pub mod "))
                .and_then(|r| r.strip_suffix(';'))
            else {
                continue;
            };
            let attrs = lines[..k].iter().rev().take_while(|a| a.starts_with("#["));
            if attrs
                .into_iter()
                .any(|a| a.starts_with("#[cfg(test)]") || a.starts_with("#[cfg(all(test"))
            {
                let mut p = path.clone();
                p.push(name.to_string());
                out.push(p);
            }
        }
    }
    out
}

/// Every path of the `use` items of `code`, as (the name it binds, its segments); only the
/// `pub`/`pub(crate)` ones when `public`.
fn use_trees(code: &str, public: bool) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut at = 0;
    while let Some(k) = code[at..].find("use ") {
        let start = at + k;
        at = start + 4;
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        let before = code[..start].trim_end();
        let is_pub = before.ends_with("pub") || before.ends_with("pub(crate)");
        if public && !is_pub {
            continue;
        }
        let Some(end) = code[start..].find(';') else {
            break;
        };
        let tree: String = code[start + 4..start + end].split_whitespace().collect();
        expand(&tree, &mut Vec::new(), &mut out);
        at = start + end;
    }
    out
}

/// Expands one use tree (`a::b::{c, d::{self, e}}`) into paths.
fn expand(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<(String, Vec<String>)>) {
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim_end_matches("::");
        let n = prefix.len();
        prefix.extend(head.split("::").filter(|s| !s.is_empty()).map(String::from));
        let inner = &tree[open + 1..tree.len() - 1];
        let mut depth = 0;
        let mut from = 0;
        for (j, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[from..j], prefix, out);
                    from = j + 1;
                }
                _ => {}
            }
        }
        if from < inner.len() {
            expand(&inner[from..], prefix, out);
        }
        prefix.truncate(n);
        return;
    }
    let (path, alias) = match tree.split_once("as") {
        Some((p, a))
            if p.ends_with(|c: char| c.is_alphanumeric() || c == '_') && !p.contains(' ') =>
        {
            (p, Some(a))
        }
        _ => (tree, None),
    };
    let mut segs = prefix.clone();
    for s in path.split("::").filter(|s| !s.is_empty()) {
        if s != "self" || segs.is_empty() {
            segs.push(s.to_string());
        }
    }
    let name = alias
        .map(String::from)
        .or_else(|| segs.last().cloned())
        .unwrap_or_default();
    out.push((name, segs));
}

/// Paths in expressions and types: `crate::a::b`, `super::a`, `self::a`, and `child::a` for a
/// module's own children (resolved in [`absolute`]).
fn inline_paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    while i < chars.len() {
        if !ident(chars[i]) || (i > 0 && (ident(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let s = j;
            while j < chars.len() && ident(chars[j]) {
                j += 1;
            }
            segs.push(chars[s..j].iter().collect::<String>());
            if chars.get(j) == Some(&':')
                && chars.get(j + 1) == Some(&':')
                && chars.get(j + 2).is_some_and(|&c| ident(c))
            {
                j += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 {
            out.push(segs);
        }
        i = j.max(i + 1);
    }
    out
}

/// `segs` made absolute from module `from`: `crate::`, `super::`, `self::` or one of `from`'s
/// child modules; `None` for other paths (extern crates, local names, enum variants).
fn absolute(from: &ModPath, segs: &[String], names: &BTreeSet<ModPath>) -> Option<ModPath> {
    let mut base = from.clone();
    let mut rest = segs;
    match segs.first()?.as_str() {
        "crate" => {
            base.clear();
            rest = &segs[1..];
        }
        "self" => rest = &segs[1..],
        "super" => {
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        first => {
            let mut child = from.clone();
            child.push(first.to_string());
            if !names.contains(&child) {
                return None;
            }
        }
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

/// The module file that defines what absolute path `p` names.
fn resolve(
    p: &ModPath,
    modules: &BTreeMap<ModPath, Module>,
    names: &BTreeSet<ModPath>,
    depth: u32,
) -> ModPath {
    let mut k = p.len();
    while k > 0 && !names.contains(&p[..k].to_vec()) {
        k -= 1;
    }
    let module = p[..k].to_vec();
    if let (Some(item), true) = (p.get(k), depth < 8) {
        if let Some(target) = modules[&module].reexports.get(item) {
            let mut t = target.clone();
            t.extend(p[k + 1..].iter().cloned());
            if t != *p {
                return resolve(&t, modules, names, depth + 1);
            }
        }
    }
    module
}

/// One cycle of the graph, if any (depth-first search, the cycle in edge order).
fn find_cycle(edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Option<Vec<ModPath>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark: BTreeMap<&ModPath, Mark> = edges.keys().map(|k| (k, Mark::New)).collect();
    fn visit<'a>(
        v: &'a ModPath,
        edges: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        mark: &mut BTreeMap<&'a ModPath, Mark>,
        stack: &mut Vec<&'a ModPath>,
    ) -> Option<Vec<ModPath>> {
        mark.insert(v, Mark::Open);
        stack.push(v);
        for w in edges.get(v).into_iter().flatten() {
            match mark.get(w).copied().unwrap_or(Mark::Done) {
                Mark::Open => {
                    let from = stack.iter().position(|s| *s == w).unwrap();
                    let mut cycle: Vec<ModPath> =
                        stack[from..].iter().map(|s| (*s).clone()).collect();
                    cycle.push(w.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(w, edges, mark, stack) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        mark.insert(v, Mark::Done);
        None
    }
    let keys: Vec<&ModPath> = edges.keys().collect();
    for v in keys {
        if mark[v] == Mark::New {
            if let Some(c) = visit(v, edges, &mut mark, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}
