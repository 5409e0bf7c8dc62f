//! Filter + statistics over 100,000 generated proposals (goal: a few ms).
//! `cargo run --profile bench-native --example proposals_speed`

use cogov::proposals::query::{count, Filter};
use cogov::proposals::stats::{stats, GroupBy};
use cogov::proposals::{AnswerClass, ProposalIndex};
use cogov::text::Lang;
use std::time::Instant;

fn main() {
    let n = 100_000;
    let cities = ["busan", "daegu", "seoul", "incheon", "gwangju"];
    let ministries = ["mois", "moef", "moe", "mohw"];
    let answers = ["accepted", "partly_accepted", "not_accepted", "long_term"];
    let mut s = String::from(r#"{"cogov":1,"publisher":{"id":"p","name":"P"},"organizations":["#);
    for (i, id) in cities.iter().chain(&ministries).enumerate() {
        let kind = if i < cities.len() {
            "metropolitan"
        } else {
            "ministry"
        };
        s.push_str(&format!(
            r#"{}{{"id":"{id}","kind":"{kind}","name":"{id}"}}"#,
            if i > 0 { "," } else { "" }
        ));
    }
    s.push_str(r#"],"proposals":["#);
    for i in 0..n {
        let (c, m, a) = (cities[i % 5], ministries[i % 4], answers[i % 7 % 4]);
        let y = 2020 + i % 6;
        let tail = match i % 3 {
            0 => String::new(),
            1 => format!(r#",{{"date":"{y}-07-26","stage":"sent","ministry":"{m}"}}"#),
            _ => format!(
                r#",{{"date":"{y}-07-26","stage":"sent","ministry":"{m}"}},{{"date":"{y}-10-01","stage":"answer","ministry":"{m}","answer":"{a}"}}"#
            ),
        };
        s.push_str(&format!(
            r#"{}{{"id":"p{i}","title":{{"ko":"지방재정 제안 {i}","en":"Local finance proposal {i}"}},"proposers":["{c}"],"ministries":["{m}"],"illustrative":true,"history":[{{"date":"{y}-04-01","stage":"submitted"}},{{"date":"{y}-07-11","stage":"deliberation","decision":"agreed"}},{{"date":"{y}-07-12","stage":"decision","decision":"adopted"}}{tail}]}}"#,
            if i > 0 { "," } else { "" }
        ));
    }
    s.push_str("]}");
    let t = Instant::now();
    let ds = cogov::dataset::load(&s)
        .dataset
        .expect("generated feed loads");
    let load = t.elapsed();
    let t = Instant::now();
    let idx = ProposalIndex::new(&ds.feed);
    let build = t.elapsed();
    let runs = 20;
    let filters = [
        ("no filter", Filter::default()),
        (
            "ministry + answer",
            Filter {
                ministry: Some("moef"),
                answer: Some(AnswerClass::Accepted),
                ..Filter::default()
            },
        ),
        (
            "text",
            Filter {
                text: Some("proposal 99"),
                ..Filter::default()
            },
        ),
        (
            "text ko + year",
            Filter {
                text: Some("재정"),
                year: Some(2023),
                ..Filter::default()
            },
        ),
    ];
    println!("{n} proposals: load {load:?}, index {build:?}");
    for (name, f) in filters {
        let t = Instant::now();
        let mut hits = 0;
        for _ in 0..runs {
            hits = std::hint::black_box(count(&ds, &idx, &f).unwrap());
        }
        let filter = t.elapsed() / runs as u32;
        let mut line =
            format!("{name:>18}: {hits:>6} hits, filter {filter:?}; stats (filter included) by");
        for by in [
            GroupBy::Ministry,
            GroupBy::Proposer,
            GroupBy::Year,
            GroupBy::Session,
        ] {
            let t = Instant::now();
            for _ in 0..runs {
                std::hint::black_box(stats(&ds, &idx, &f, by, 0.5, Lang::En).unwrap());
            }
            line.push_str(&format!(
                " {}: {:?}",
                by.as_str(),
                t.elapsed() / runs as u32
            ));
        }
        println!("{line}");
    }
}
