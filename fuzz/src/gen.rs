//! Random VALID feeds from the fuzzer's bytes (structure-aware): the shapes that cost the most
//! per byte of feed. Bodies come in blocks under one root: a lattice (layers of 1-3 bodies, each
//! under every body of the layer above, by `part_of` or `supports`), a chain (each body under the
//! previous, up to 12,000 deep), a wide fan (up to 30,000 children of the root) and a random DAG
//! (each body under 0-3 earlier ones); bodies with up to 60 seats and holders; up to 1,000 series
//! with COUNTs up to 1,000,000 and DTSTARTs from 1900, rules limited to effective periods, and
//! chains of up to 7 relative series; up to 3,000 sessions with agendas, up to 2,000 proposals with long
//! valid routes, and cards. Every feed it writes loads without errors (the `gen` target asserts
//! it); the sizes come from few bytes, so libFuzzer reaches the large shapes quickly.

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use serde_json::{json, Value};

/// What a generated feed holds (printed by the `gen` target when it fails).
#[derive(Clone, Debug, Default)]
pub struct Shape {
    pub lattice: (usize, usize),
    pub chain: usize,
    pub wide: usize,
    pub dag: usize,
    pub bodies: usize,
    pub series: usize,
    pub sessions: usize,
    pub proposals: usize,
    pub cards: usize,
}

/// Blocks that `COGOV_FUZZ_GEN_SKIP` (a comma-separated list of `lattice`, `chain`, `wide`,
/// `dag`, `seats`, `series`, `sessions`, `proposals`, `cards`) leaves out: to look for the next
/// blow-up while a known one is being fixed.
fn skip(block: &str) -> bool {
    static SKIP: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let s = SKIP.get_or_init(|| std::env::var("COGOV_FUZZ_GEN_SKIP").unwrap_or_default());
    s.split(',').any(|b| b == block)
}

/// A size: small most of the time, else anywhere up to `big` (one byte chooses).
fn size(u: &mut Unstructured, small: usize, big: usize) -> Result<usize> {
    let pick: u8 = u.arbitrary()?;
    Ok(if pick < 200 {
        u.int_in_range(0..=small)?
    } else {
        u.int_in_range(small..=big)?
    })
}

fn date(u: &mut Unstructured, from_year: i32, to_year: i32) -> Result<String> {
    let y = u.int_in_range(from_year..=to_year)?;
    let m = u.int_in_range(1..=12)?;
    let d = u.int_in_range(1..=28)?;
    Ok(format!("{y:04}-{m:02}-{d:02}"))
}

const SOURCES: &str = "src";

/// One generated feed, as JSON text, and its shape.
pub fn feed(u: &mut Unstructured) -> Result<(String, Shape)> {
    let mut shape = Shape::default();
    let orgs: Vec<Value> = (0..6)
        .map(|i| {
            json!({"id": format!("o{i}"), "kind": if i < 3 { "ministry" } else { "metropolitan" },
                   "name": {"ko": format!("기관{i}"), "en": format!("Org {i}")}})
        })
        .collect();
    let offices: Vec<Value> = (0..5)
        .map(|i| json!({"id": format!("of{i}"), "name": format!("Office {i}"), "org": format!("o{}", i % 6)}))
        .collect();

    // bodies: (parents, relation) for each; body 0 is the root
    let mut parents: Vec<(Vec<usize>, &str)> = vec![(vec![], "part_of")];
    let under = |u: &mut Unstructured| -> Result<&'static str> {
        Ok(if u.ratio(1, 3)? {
            "supports"
        } else {
            "part_of"
        })
    };
    let mut layers = u.int_in_range(0..=24usize)?;
    if skip("lattice") {
        layers = 0;
    }
    let width = u.int_in_range(1..=3usize)?;
    shape.lattice = (layers, width);
    let mut above = vec![0usize];
    for _ in 0..layers {
        let rel = under(u)?;
        let layer: Vec<usize> = (0..width).map(|k| parents.len() + k).collect();
        for _ in 0..width {
            parents.push((above.clone(), rel));
        }
        above = layer;
    }
    shape.chain = size(u, 40, 12_000)?;
    if skip("chain") {
        shape.chain = 0;
    }
    let mut last = 0;
    for _ in 0..shape.chain {
        parents.push((vec![last], "part_of"));
        last = parents.len() - 1;
    }
    shape.wide = size(u, 40, 30_000)?;
    if skip("wide") {
        shape.wide = 0;
    }
    for _ in 0..shape.wide {
        parents.push((vec![0], "part_of"));
    }
    shape.dag = size(u, 30, 300)?;
    if skip("dag") {
        shape.dag = 0;
    }
    for _ in 0..shape.dag {
        let n = parents.len();
        let k = u.int_in_range(1..=3usize)?;
        let mut ps = Vec::new();
        for _ in 0..k {
            let p = u.int_in_range(0..=n - 1)?;
            if !ps.contains(&p) {
                ps.push(p);
            }
        }
        let rel = under(u)?;
        parents.push((ps, rel));
    }
    shape.bodies = parents.len();
    let seated = if skip("seats") {
        0
    } else {
        u.int_in_range(0..=3usize)?
    };
    let mut bodies = Vec::with_capacity(parents.len());
    for (i, (ps, rel)) in parents.iter().enumerate() {
        let mut b = json!({
            "id": format!("b{i}"), "kind": if i == 0 { "association" } else { "committee" },
            "name": {"ko": format!("기구{i}"), "en": format!("Body {i}")}, "sources": [SOURCES],
        });
        if !ps.is_empty() {
            b[*rel] = json!(ps.iter().map(|p| format!("b{p}")).collect::<Vec<_>>());
        }
        if i < seated {
            let n = size(u, 8, 60)?;
            let mut seats = Vec::new();
            for s in 0..n {
                let count = u.int_in_range(1..=30u32)?;
                let mut seat = if u.ratio(1, 2)? {
                    json!({"office": format!("of{}", s % 5), "side": "central", "role": "member"})
                } else {
                    json!({"title": format!("Seat {s}"), "side": "local", "count": count})
                };
                let holders = u.int_in_range(0..=3usize)?;
                if holders > 0 {
                    let hs: Vec<Value> = (0..holders)
                        .map(|h| json!({"name": format!("H{h}"), "from": "2020-01-01", "sources": [SOURCES]}))
                        .collect();
                    seat["holders"] = json!(hs);
                }
                seats.push(seat);
            }
            b["seats"] = json!(seats);
        }
        bodies.push(b);
    }

    // series: rrule rules (big COUNTs, early DTSTARTs) or relative to the series before
    shape.series = size(u, 5, 1_000)?;
    if skip("series") {
        shape.series = 0;
    }
    let mut series = Vec::with_capacity(shape.series);
    let mut depth: Vec<u8> = Vec::with_capacity(shape.series);
    for i in 0..shape.series {
        let body = format!("b{}", u.int_in_range(0..=parents.len() - 1)?);
        // relative to one of the three series before, in chains of at most 7 relative rules
        // (the calendar rejects chains deeper than 8: series.depth)
        let back = if i > 0 {
            u.int_in_range(1..=i.min(3))?
        } else {
            0
        };
        let relative = i > 0 && depth[i - back] < 7 && u.ratio(1, 4)?;
        depth.push(if relative { depth[i - back] + 1 } else { 0 });
        let rule = if relative {
            json!({"relative": {"series": format!("r{}", i - back),
                   "offset_days": u.int_in_range(-30..=30i32)?, "time": "10:00"}, "sources": [SOURCES]})
        } else {
            let year = if u.ratio(1, 2)? {
                1900
            } else {
                u.int_in_range(1900..=2100)?
            };
            let dtstart = format!("{}T{:02}:00", date(u, year, year)?, u.int_in_range(0..=23)?);
            let base = *u.choose(&[
                "FREQ=DAILY",
                "FREQ=DAILY;INTERVAL=2",
                "FREQ=WEEKLY;BYDAY=MO,WE,FR",
                "FREQ=MONTHLY;BYDAY=2TU",
                "FREQ=MONTHLY;BYMONTHDAY=15",
                "FREQ=YEARLY;BYMONTH=7;BYDAY=2FR",
                "FREQ=YEARLY",
            ])?;
            let rrule = match u.int_in_range(0..=3)? {
                0 => base.to_string(),
                1 => format!("{base};COUNT={}", u.int_in_range(1..=1_000_000u32)?),
                2 => format!("{base};COUNT=1000000"),
                _ => format!(
                    "{base};UNTIL={}T235900",
                    date(u, 2100, 2200)?.replace('-', "")
                ),
            };
            let mut r = json!({"dtstart": dtstart, "rrule": rrule, "duration_minutes": 60, "sources": [SOURCES]});
            if u.ratio(1, 4)? {
                r["effective"] = json!({"from": date(u, 1990, 2030)?});
            }
            r
        };
        let mut s = json!({"id": format!("r{i}"), "body": body, "kind": "regular",
                           "title": format!("Series {i}"), "rules": [rule], "sources": [SOURCES]});
        if u.ratio(1, 4)? {
            s["numbering"] = json!({"first": 1, "from": "2000-01-01"});
        }
        series.push(s);
    }

    shape.proposals = size(u, 5, 2_000)?;
    if skip("proposals") {
        shape.proposals = 0;
    }
    let mut proposals = Vec::with_capacity(shape.proposals);
    for i in 0..shape.proposals {
        proposals.push(proposal(u, i)?);
    }
    shape.sessions = size(u, 10, 3_000)?;
    if skip("sessions") {
        shape.sessions = 0;
    }
    let mut sessions = Vec::with_capacity(shape.sessions);
    for i in 0..shape.sessions {
        let start = date(u, 2018, 2030)?;
        let mut s = json!({"id": format!("s{i}"), "body": format!("b{}", i % parents.len()),
                           "kind": "meeting", "start": start, "sources": [SOURCES]});
        if shape.proposals > 0 && u.ratio(1, 2)? {
            let p = u.int_in_range(0..=shape.proposals - 1)?;
            s["agenda"] =
                json!([{"title": "Item", "kind": "resolution", "proposal": format!("p{p}")}]);
        }
        sessions.push(s);
    }
    shape.cards = size(u, 5, 200)?;
    if skip("cards") {
        shape.cards = 0;
    }
    let mut cards = Vec::with_capacity(shape.cards);
    for i in 0..shape.cards {
        let mut c = json!({"id": format!("c{i}"), "title": format!("Card {i}"), "responsible": ["o0"],
                           "milestones": [{"title": "M", "due": date(u, 2020, 2030)?}], "sources": [SOURCES]});
        if shape.sessions > 0 {
            c["session"] = json!(format!("s{}", u.int_in_range(0..=shape.sessions - 1)?));
        }
        if shape.proposals > 0 && u.ratio(1, 2)? {
            c["proposal"] = json!(format!("p{}", u.int_in_range(0..=shape.proposals - 1)?));
        }
        cards.push(c);
    }
    let doc = json!({
        "cogov": 1,
        "publisher": {"id": "o3", "name": "Publisher"},
        "timezone": "Asia/Seoul",
        "sources": [{"id": SOURCES, "title": "Source", "url": "https://example.org/"}],
        "organizations": orgs, "offices": offices, "bodies": bodies, "series": series,
        "sessions": sessions, "proposals": proposals, "cards": cards,
    });
    Ok((doc.to_string(), shape))
}

/// A proposal with a valid route: submitted, rounds of analysis, deliberation (agreed),
/// decision (adopted), sent to ministries, answers, reflected, closed; cut anywhere.
fn proposal(u: &mut Unstructured, i: usize) -> Result<Value> {
    let day = format!(
        "{}-{:02}-01",
        u.int_in_range(2018..=2026)?,
        u.int_in_range(1..=12)?
    );
    let mut steps = Vec::new();
    let mut step = |stage: &str, extra: Value| {
        let mut s = json!({"date": day, "stage": stage});
        if let (Value::Object(m), Value::Object(e)) = (&mut s, extra) {
            m.extend(e);
        }
        steps.push(s);
    };
    let stop = u.int_in_range(1..=8u8)?;
    step("submitted", json!({}));
    let rounds = if stop >= 2 { size(u, 3, 60)? } else { 0 };
    for _ in 0..rounds {
        step("analysis", json!({"body": "b0"}));
    }
    if stop >= 3 {
        step("deliberation", json!({"decision": "agreed"}));
    }
    if stop >= 4 {
        step("decision", json!({"decision": "adopted"}));
    }
    let ministries = ["o0", "o1", "o2"];
    let n = u.int_in_range(1..=3usize)?;
    if stop >= 5 {
        for m in &ministries[..n] {
            step("sent", json!({"ministry": m}));
        }
    }
    let accepted = u.ratio(1, 2)?;
    if stop >= 6 {
        let answer = if accepted { "accepted" } else { "long_term" };
        for m in &ministries[..n] {
            step("answer", json!({"ministry": m, "answer": answer}));
        }
    }
    if stop >= 7 && accepted {
        step("reflected", json!({"reflection": "law"}));
    }
    if stop >= 8 {
        step("closed", json!({}));
    }
    Ok(json!({
        "id": format!("p{i}"), "title": format!("Proposal {i}"), "proposers": ["o3", "o4"],
        "ministries": ministries[..n], "submitted": day, "history": steps, "sources": [SOURCES],
    }))
}
