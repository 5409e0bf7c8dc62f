//! The TypeScript declarations of the view models, `www/types/views.d.ts`, generated from the
//! view types by ts-rs. ts-rs is a dev-dependency and every derive is
//! `#[cfg_attr(test, derive(ts_rs::TS))]`, so neither the wasm nor the CLI carries any of it.
//!
//! One test fails when the committed file differs from what the types give now (a field added,
//! renamed or retyped); `COGOV_BLESS=1 cargo test --lib views_d_ts` rewrites it. Another writes
//! every view of the default feed with the boundary's JSON writer and checks it against the
//! declarations, field by field (a hand-written `Serialize` could otherwise drift from them). The element
//! declarations (`www/cogov.d.ts`) are written by hand and import these types; `tsc --strict`
//! checks both with a consumer (`tests/types/`, in `scripts/test.sh`).
//!
//! Field types follow what the boundary's JSON writer emits: `Option<T>` is `T | null`, integers
//! and `f64` are `number` (`i64` too: day counts, never beyond 2^53), tuples are arrays, and a
//! `&'static str` holding a vocabulary word is the union of that vocabulary's words (its
//! `#[ts(as = ..)]` names the enum, whose words come from the enum itself, below).

use crate::feed::{
    AgendaKind, BodyKind, Counter, Decision, Reflection, Role, SessionKind, Side, Stage, Status,
};
use crate::proposals::stats::GroupBy;
use crate::proposals::AnswerClass;
use std::path::PathBuf;
use ts_rs::{Config, TS};

/// Where the generated file lives, relative to the crate.
const FILE: &str = "www/types/views.d.ts";

fn union<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let words: Vec<String> = words.map(|w| format!("\"{w}\"")).collect();
    words.join(" | ")
}

/// `TS` for a closed vocabulary serialized as its word: a union of the words.
macro_rules! words {
    ($($ty:ty => $name:literal: $doc:literal, $words:expr;)+) => {$(
        impl TS for $ty {
            type WithoutGenerics = Self;
            type OptionInnerType = Self;
            fn docs() -> Option<String> {
                Some($doc.to_string())
            }
            fn name(_: &Config) -> String {
                $name.to_string()
            }
            fn inline(_: &Config) -> String {
                union($words)
            }
            fn decl(cfg: &Config) -> String {
                format!("type {} = {};", $name, Self::inline(cfg))
            }
            fn decl_concrete(cfg: &Config) -> String {
                Self::decl(cfg)
            }
            fn output_path() -> Option<PathBuf> {
                Some(PathBuf::from(FILE))
            }
        }
    )+};
}

/// How a body hangs under its parent (`structure::hangs_under`'s words; no enum in the core).
pub(crate) struct Relation;

words! {
    Relation => "Relation": "How a body hangs under its parent in the tree.", ["part_of", "supports"].into_iter();
    BodyKind => "BodyKind": "A body's kind.", BodyKind::ALL.iter().map(|w| w.as_str());
    Side => "Side": "The side a seat represents.", Side::ALL.iter().map(|w| w.as_str());
    Role => "Role": "A seat's role.", Role::ALL.iter().map(|w| w.as_str());
    SessionKind => "SessionKind": "A session's kind.", SessionKind::ALL.iter().map(|w| w.as_str());
    Status => "SessionStatus": "A session's status.", Status::ALL.iter().map(|w| w.as_str());
    Counter => "Counter": "The counter word of a session number (제N차, 제N회).", Counter::ALL.iter().map(|w| w.as_str());
    AgendaKind => "AgendaKind": "An agenda item's kind.", AgendaKind::ALL.iter().map(|w| w.as_str());
    Stage => "Stage": "A stage of the proposal route.", Stage::ALL.iter().map(|w| w.as_str());
    Decision => "Decision": "A decision recorded on a step.", Decision::ALL.iter().map(|w| w.as_str());
    Reflection => "Reflection": "Where an accepted proposal was reflected.", Reflection::ALL.iter().map(|w| w.as_str());
    AnswerClass => "AnswerClass": "Where a ministry's answer stands (`pending`: sent, unanswered).",
        AnswerClass::ALL.iter().map(|w| w.as_str());
    GroupBy => "GroupBy": "What statistics are grouped by.",
        [GroupBy::Ministry, GroupBy::Proposer, GroupBy::Year, GroupBy::Session].into_iter().map(GroupBy::as_str);
}

/// One declaration: its TypeScript name, its text, and the names it refers to.
struct Decl {
    name: String,
    text: String,
    deps: Vec<String>,
}

fn decl<T: TS + 'static>(cfg: &Config) -> Decl {
    let mut text = String::new();
    if let Some(docs) = T::docs() {
        text.push_str(&doc_comment(&docs));
    }
    text.push_str("export ");
    text.push_str(&tidy(&T::decl(cfg)));
    Decl {
        name: T::ident(cfg),
        text,
        deps: T::dependencies(cfg)
            .into_iter()
            .map(|d| d.ts_name)
            .collect(),
    }
}

/// A JSDoc comment from a type's docs (ts-rs gives a comment; our vocabularies plain text),
/// without the Rust examples.
fn doc_comment(docs: &str) -> String {
    let lines: Vec<&str> = if docs.trim_start().starts_with("/**") {
        docs.lines()
            .filter_map(|l| l.trim().strip_prefix('*'))
            .filter(|l| !l.starts_with('/'))
            .map(str::trim)
            .collect()
    } else {
        vec![docs.trim()]
    };
    comment(&prose(&lines), "")
}

/// The lines of a doc comment up to its first code example, without trailing empty lines.
fn prose<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out: Vec<&str> = lines
        .iter()
        .copied()
        .take_while(|l| !l.starts_with("```"))
        .collect();
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out
}

/// `/** one line */`, or a block for several lines, indented by `indent`.
fn comment(lines: &[&str], indent: &str) -> String {
    match lines {
        [] => String::new(),
        [one] => format!("{indent}/** {one} */\n"),
        _ => {
            let mut out = format!("{indent}/**\n");
            for l in lines {
                out.push_str(&format!(
                    "{indent} *{}{l}\n",
                    if l.is_empty() { "" } else { " " }
                ));
            }
            out.push_str(&format!("{indent} */\n"));
            out
        }
    }
}

/// ts-rs's declaration of an object type (`type X = { \n/**\n * doc\n */\nfield: T, ...};`) as
/// one field a line, each under its doc comment.
fn tidy(decl: &str) -> String {
    let mut lines = decl.lines();
    let Some(first) = lines.next() else {
        return String::new();
    };
    let mut out = format!("{}\n", first.trim_end());
    let mut doc: Vec<&str> = Vec::new();
    let mut in_doc = false;
    for line in lines {
        let line = line.trim_end();
        if line == "/**" {
            in_doc = true;
        } else if in_doc && line == " */" {
            in_doc = false;
        } else if in_doc {
            doc.push(line.trim_start().trim_start_matches('*').trim_start());
        } else {
            out.push_str(&comment(&prose(&doc), "  "));
            doc.clear();
            match line.strip_suffix(" };") {
                Some(field) => out.push_str(&format!("  {field}\n}};")),
                None => out.push_str(&format!("  {line}\n")),
            }
        }
    }
    if !out.ends_with(';') {
        out = out.trim_end().to_string();
    }
    out
}

/// Every type handed to JS, in the file's order: vocabularies, problems, then one group per
/// widget (structure, calendar, proposals).
fn decls(cfg: &Config) -> Vec<Decl> {
    use crate::calendar as cal;
    use crate::problem;
    use crate::proposals::{cards, query, stats};
    use crate::structure as st;
    vec![
        decl::<Relation>(cfg),
        decl::<BodyKind>(cfg),
        decl::<Side>(cfg),
        decl::<Role>(cfg),
        decl::<SessionKind>(cfg),
        decl::<Status>(cfg),
        decl::<Counter>(cfg),
        decl::<AgendaKind>(cfg),
        decl::<Stage>(cfg),
        decl::<Decision>(cfg),
        decl::<Reflection>(cfg),
        decl::<AnswerClass>(cfg),
        decl::<GroupBy>(cfg),
        decl::<problem::Problem>(cfg),
        decl::<problem::Report>(cfg),
        // structure: `feed.structure(...)`, `feed.whereSits(...)`
        decl::<st::StructureView>(cfg),
        decl::<st::BodyNode>(cfg),
        decl::<crate::view::Named>(cfg),
        decl::<st::LegalView>(cfg),
        decl::<crate::view::SourceView>(cfg),
        decl::<st::FigureView>(cfg),
        decl::<st::Composition>(cfg),
        decl::<st::SideGroup>(cfg),
        decl::<st::SeatView>(cfg),
        decl::<st::HolderView>(cfg),
        decl::<st::Sitting>(cfg),
        // calendar: `feed.sessions(...)`, `feed.nextSessions(...)`, `feed.session(...)`
        decl::<cal::SessionList>(cfg),
        decl::<cal::SessionView>(cfg),
        decl::<cal::LocationView>(cfg),
        decl::<cal::AgendaView>(cfg),
        decl::<cal::DocumentView>(cfg),
        // holidays: `feed.holidays(...)`
        decl::<crate::holidays::HolidayList>(cfg),
        decl::<crate::holidays::HolidayView>(cfg),
        // proposals: `feed.proposals(...)`, `feed.proposal(...)`, `feed.cards(...)`, ...
        decl::<query::ProposalList>(cfg),
        decl::<query::ProposalItem>(cfg),
        decl::<query::MinistryView>(cfg),
        decl::<query::ProposalDetail>(cfg),
        decl::<query::StepView>(cfg),
        decl::<query::Choices>(cfg),
        decl::<cards::CardState>(cfg),
        decl::<cards::CardView>(cfg),
        decl::<cards::SessionView>(cfg),
        decl::<cards::DueView>(cfg),
        decl::<cards::MilestoneView>(cfg),
        decl::<cards::ReportView>(cfg),
        decl::<stats::Counts>(cfg),
        decl::<stats::GroupStats>(cfg),
        decl::<stats::StageStats>(cfg),
        decl::<stats::StatsView>(cfg),
        decl::<stats::Standing>(cfg),
        decl::<stats::Change>(cfg),
        decl::<stats::ChangedView>(cfg),
    ]
}

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = decls(&cfg);
    let mut out = String::from(
        "// Generated from the Rust view types by `cargo test` (src/ts.rs): do not edit.\n\
         // After changing a view type: `COGOV_BLESS=1 cargo test --lib views_d_ts` rewrites this file.\n\
         // The element declarations import these from www/cogov.d.ts.\n",
    );
    for d in &decls {
        out.push('\n');
        out.push_str(&d.text);
        out.push('\n');
    }
    // every type a declaration refers to is declared here, once
    let names: Vec<&str> = decls.iter().map(|d| d.name.as_str()).collect();
    for (i, d) in decls.iter().enumerate() {
        assert!(
            !names[..i].contains(&d.name.as_str()),
            "two view types are named {} in TypeScript: give one a #[ts(rename = ..)]",
            d.name
        );
        for dep in &d.deps {
            assert!(
                names.contains(&dep.as_str()),
                "{} refers to {dep}, which src/ts.rs does not list",
                d.name
            );
        }
    }
    out
}

#[test]
fn views_d_ts_is_what_the_view_types_give() {
    let want = generate();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(FILE);
    if std::env::var_os("COGOV_BLESS").is_some() {
        std::fs::write(&path, &want).expect("write www/types/views.d.ts");
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    if have != want {
        let line = have
            .lines()
            .zip(want.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(have.lines().count().min(want.lines().count()));
        let actual = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/views.d.ts");
        let _ = std::fs::write(&actual, &want);
        panic!(
            "{FILE} is not what the view types give (first difference at line {}):\n  committed: {}\n  generated: {}\n\
             the generated file is in target/views.d.ts; `COGOV_BLESS=1 cargo test --lib views_d_ts` rewrites {FILE}",
            line + 1,
            have.lines().nth(line).unwrap_or("(end of file)"),
            want.lines().nth(line).unwrap_or("(end of file)"),
        );
    }
}

/// The generated declarations describe what the boundary really writes: every view of the
/// default feed, written by the boundary's JSON writer (`src/wasm/json.rs`), conforms to its
/// declaration exactly (each object has the declared fields and no others, `null` only where
/// declared, vocabulary words among the union's). This catches a hand-written `Serialize` (the
/// flattened `GroupStats` and `ProposalDetail`) drifting from the struct ts-rs reads.
#[test]
fn the_default_feed_views_conform_to_the_declarations() {
    use crate::proposals::{cards, query, stats, ProposalIndex};
    use crate::text::Lang;
    use chrono::NaiveDate;

    let decls: Vec<(String, String)> = decls(&Config::new().with_large_int("number"))
        .into_iter()
        .map(|d| (d.name, d.text))
        .collect();
    fn check<T: serde::Serialize>(ty: &str, view: &T, decls: &[(String, String)]) {
        let text = crate::wasm_json::to_string(view).expect("the boundary writes every view");
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        if let Err(e) = conforms(&value, ty, decls, ty) {
            panic!("a {ty} view does not conform to www/types/views.d.ts: {e}");
        }
    }
    let loaded = crate::dataset::load(include_str!("../www/data/feed.json"));
    let ds = loaded.dataset.expect("the default feed loads");
    check("Report", &loaded.report, &decls);
    check(
        "Report",
        &crate::dataset::load(r#"{"cogov":1,"bodies":[{}]}"#).report,
        &decls,
    );
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let idx = ProposalIndex::new(&ds.feed);
    for lang in [Lang::Ko, Lang::En] {
        for as_of in [None, Some(day("2026-01-01"))] {
            let q = crate::structure::StructureQuery {
                lang,
                root: None,
                as_of,
            };
            check(
                "StructureView",
                &crate::structure::structure(&ds, q).unwrap(),
                &decls,
            );
        }
        for office in ds.feed.offices.iter().map(|o| o.id.as_str()) {
            check(
                "Array<Sitting>",
                &crate::structure::where_sits(&ds, office, lang).unwrap(),
                &decls,
            );
        }
        let q = crate::calendar::SessionQuery {
            from: day("2020-01-01"),
            to: day("2030-12-31"),
            body: None,
            lang,
            cap: crate::recur::HARD_CAP,
            now: crate::calendar::NO_CLOCK,
        };
        let list = crate::calendar::sessions(&ds, &q).unwrap();
        assert!(!list.sessions.is_empty());
        check("SessionList", &list, &decls);
        check(
            "SessionList",
            &crate::calendar::SessionList::default(),
            &decls,
        );
        let hol = crate::holidays::list(
            &ds.feed.holidays,
            day("2026-01-01"),
            day("2026-12-31"),
            lang,
        );
        assert!(!hol.holidays.is_empty());
        check("HolidayList", &hol, &decls);
        check(
            "HolidayList",
            &crate::holidays::list(
                &ds.feed.holidays,
                day("1989-12-01"),
                day("1989-12-31"),
                lang,
            ),
            &decls,
        );
        let next = crate::calendar::next_session(
            &ds,
            day("2026-07-01").and_time(chrono::NaiveTime::MIN),
            None,
            lang,
        )
        .unwrap();
        check("SessionView | null", &next, &decls);
        check(
            "Array<Named>",
            &crate::calendar::session_bodies(&ds, lang),
            &decls,
        );
        let all = query::list(&ds, &idx, &query::ProposalQuery::all(lang)).unwrap();
        check("ProposalList", &all, &decls);
        for item in &all.items {
            for today in [None, Some(day("2026-11-22"))] {
                let d = query::detail(
                    &ds,
                    &idx,
                    &item.id,
                    lang,
                    today,
                    &cards::calendar_next_session,
                );
                check("ProposalDetail", &d.unwrap(), &decls);
            }
        }
        for by in [
            stats::GroupBy::Ministry,
            stats::GroupBy::Proposer,
            stats::GroupBy::Year,
            stats::GroupBy::Session,
        ] {
            let s = stats::stats(
                &ds,
                &idx,
                &query::Filter::default(),
                by,
                stats::DEFAULT_WEIGHT,
                lang,
            );
            check("StatsView", &s.unwrap(), &decls);
        }
        let today = Some(day("2026-11-22"));
        check(
            "Array<CardView>",
            &cards::cards(&ds, today, lang, &cards::calendar_next_session),
            &decls,
        );
        let choices = query::choices(&ds, &idx, lang);
        check("ProposalChoices", &choices, &decls);
        if let [first, .., last] = choices.sessions.as_slice() {
            check(
                "ChangedView",
                &stats::changed_between(&ds, &first.id, &last.id, lang).unwrap(),
                &decls,
            );
        }
    }
}

/// Whether `v` is a value of the TypeScript type `ty` (the forms the generated file uses:
/// `T | null`, `Array<T>`, `[A, B]`, `string`, `number`, `boolean`, a declared name, a union of
/// string literals); `at` is the path for the message.
fn conforms(
    v: &serde_json::Value,
    ty: &str,
    decls: &[(String, String)],
    at: &str,
) -> Result<(), String> {
    use serde_json::Value;
    let ty = ty.trim();
    let wrong = || Err(format!("{at}: {v} is not a {ty}"));
    if let Some(inner) = ty.strip_suffix(" | null") {
        return if v.is_null() {
            Ok(())
        } else {
            conforms(v, inner, decls, at)
        };
    }
    if let Some(inner) = ty.strip_prefix("Array<").and_then(|t| t.strip_suffix('>')) {
        let Value::Array(items) = v else {
            return wrong();
        };
        return items
            .iter()
            .enumerate()
            .try_for_each(|(i, x)| conforms(x, inner, decls, &format!("{at}[{i}]")));
    }
    if let Some(inner) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        let types: Vec<&str> = inner.split(", ").collect();
        let Value::Array(items) = v else {
            return wrong();
        };
        if items.len() != types.len() {
            return wrong();
        }
        return items
            .iter()
            .zip(types)
            .enumerate()
            .try_for_each(|(i, (x, t))| conforms(x, t, decls, &format!("{at}[{i}]")));
    }
    if ty.starts_with('"') {
        let words: Vec<&str> = ty.split(" | ").map(|w| w.trim_matches('"')).collect();
        return match v {
            Value::String(s) if words.contains(&s.as_str()) => Ok(()),
            _ => wrong(),
        };
    }
    match (ty, v) {
        ("string", Value::String(_))
        | ("number", Value::Number(_))
        | ("boolean", Value::Bool(_)) => return Ok(()),
        ("string" | "number" | "boolean", _) => return wrong(),
        _ => {}
    }
    let Some((_, text)) = decls.iter().find(|(n, _)| n == ty) else {
        return Err(format!("{at}: {ty} is not declared"));
    };
    let body = text
        .split_once(" = ")
        .map(|(_, b)| b.trim_end_matches(';'))
        .unwrap_or_default();
    if !body.starts_with('{') {
        return conforms(v, body, decls, at);
    }
    let Value::Object(fields) = v else {
        return wrong();
    };
    let declared: Vec<(&str, &str)> = body
        .lines()
        // field lines only: not the lines of their doc comments (`/** .. */` or a `/**` block)
        .filter_map(|l| {
            l.strip_prefix("  ")
                .filter(|l| !l.starts_with("/**") && !l.starts_with(" *"))
        })
        .filter_map(|l| l.trim_end_matches(',').split_once(": "))
        .collect();
    let keys: Vec<&str> = fields.keys().map(String::as_str).collect();
    let names: Vec<&str> = declared.iter().map(|(n, _)| *n).collect();
    if keys.len() != names.len() || keys.iter().any(|k| !names.contains(k)) {
        return Err(format!(
            "{at}: a {ty} has the fields {keys:?}, the declaration {names:?}"
        ));
    }
    declared
        .iter()
        .try_for_each(|(n, t)| conforms(&fields[*n], t, decls, &format!("{at}.{n}")))
}
