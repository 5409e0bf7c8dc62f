//! `www/lib/vocab.js`, the widgets' table of the feed's vocabulary labels, is written from the one
//! table in Rust (`src/feed/kinds.rs`: each vocabulary's words with their Korean and English
//! labels), so the two cannot drift: this test fails when the committed file differs from what the
//! Rust table gives, and `COGOV_BLESS=1 cargo test --test vocab_js` rewrites it.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use cogov::feed::{
    AgendaKind, Answer, BodyKind, Decision, OrgKind, Reflection, Role, SessionKind, Side, Stage,
    Status, Tense,
};
use cogov::text::Lang;
use std::fmt::Write;

/// One `export const` per vocabulary: `{ ko: { word: '라벨', ... }, en: { ... } }`.
fn group<T: Copy>(
    out: &mut String,
    name: &str,
    all: &[T],
    word: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
) {
    writeln!(out, "export const {name} = {{").unwrap();
    for (lang, tag) in [(Lang::Ko, "ko"), (Lang::En, "en")] {
        let members: Vec<String> = all
            .iter()
            .map(|&v| format!("{}: {}", word(v), quote(label(v, lang))))
            .collect();
        writeln!(out, "  {tag}: {{ {} }},", members.join(", ")).unwrap();
    }
    out.push_str("};\n");
}

/// A JS string literal in single quotes.
fn quote(s: &str) -> String {
    let mut q = String::from("'");
    for c in s.chars() {
        match c {
            '\'' | '\\' => {
                q.push('\\');
                q.push(c);
            }
            c if (c as u32) < 0x20 => write!(q, "\\u{:04x}", c as u32).unwrap(),
            c => q.push(c),
        }
    }
    q.push('\'');
    q
}

fn generate() -> String {
    let mut out = String::from(concat!(
        "// The labels of the feed's closed vocabularies, in Korean and English, by word: written from\n",
        "// their one home, src/feed/kinds.rs, by tests/vocab_js.rs (`COGOV_BLESS=1 cargo test --test\n",
        "// vocab_js` rewrites this file; the test fails when it differs). Do not edit by hand. Each element\n",
        "// imports the vocabularies it renders (the bundler drops the others).\n",
    ));
    macro_rules! groups {
        ($($name:literal: $t:ty),+ $(,)?) => {
            $(
                out.push('\n');
                group(&mut out, $name, <$t>::ALL, <$t>::as_str, <$t>::label);
            )+
        };
    }
    groups!(
        "orgKind": OrgKind,
        "bodyKind": BodyKind,
        "side": Side,
        "role": Role,
        "sessionKind": SessionKind,
        "status": Status,
        "tense": Tense,
        "agendaKind": AgendaKind,
        "stage": Stage,
        "decision": Decision,
        "answer": Answer,
        "reflection": Reflection,
    );
    out
}

#[test]
fn vocab_js_is_written_from_the_rust_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/lib/vocab.js");
    let want = generate();
    assert!(want.contains("chair: '의장'") && want.contains("chair: 'Chair'"));
    if std::env::var_os("COGOV_BLESS").is_some() {
        std::fs::write(path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    if have != want {
        let line = have
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(have.lines().count().min(want.lines().count()));
        panic!(
            "www/lib/vocab.js differs from src/feed/kinds.rs's labels (first at line {}): run COGOV_BLESS=1 cargo test --test vocab_js",
            line + 1
        );
    }
}

#[test]
fn every_vocabulary_has_a_label_in_both_languages() {
    macro_rules! check {
        ($($t:ty),+) => {$(
            for &v in <$t>::ALL {
                for lang in [Lang::Ko, Lang::En] {
                    let l = v.label(lang);
                    assert!(!l.trim().is_empty(), "{} has no {lang:?} label", v.as_str());
                }
                assert_ne!(v.label(Lang::Ko), v.label(Lang::En), "{}: the same label in ko and en", v.as_str());
            }
        )+};
    }
    check!(
        OrgKind,
        BodyKind,
        Side,
        Role,
        SessionKind,
        Status,
        AgendaKind,
        Stage,
        Decision,
        Answer,
        Reflection
    );
}
