//! Native breakdown of the calendar benchmark (bench/calendar.mjs): where does the time of
//! `feed.sessions(...)` go? Reads the feed that `node bench/calendar.mjs --write-feed FILE` writes
//! (1,000 series of one rule each, bodies holding under 10,000 occurrences in 2027..2036).
//! `cargo run --release --example calendar_speed -- FILE [FROM TO]`
//!
//! Prints medians of 7 runs of: (1) pure expansion, `RuleSet::between` per rule; (2)
//! compiling every rule (once per dataset); (3) `calendar::sessions` per body (expansion + view
//! models, no JS objects); (4) `calendar::session_starts` per body (expansion + the window's
//! collection, overrides and sort + one timestamp per session: what `feed.sessionStarts`
//! computes before its `Float64Array`). The node figure minus (3) is the cost of building JS
//! objects; (4) minus (1) is the window and the conversion.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use cogov::calendar::{session_starts, sessions, SessionQuery};
use cogov::feed::RuleForm;
use cogov::recur::{ExDate, RuleSet, ValidRule, HARD_CAP};
use cogov::text::Lang;
use std::time::{Duration, Instant};

fn median(mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut n = f();
    let mut times: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            n = std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[3], n)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .map_or("/tmp/cogov-cal-feed.json", String::as_str);
    let from = args.get(1).map_or("2027-01-01", String::as_str);
    let to = args.get(2).map_or("2036-12-31", String::as_str);
    let text = std::fs::read_to_string(path)
        .expect("read the feed (write it with bench/calendar.mjs --write-feed FILE)");
    let t = Instant::now();
    let loaded = cogov::dataset::load(&text);
    println!("load: {:?}", t.elapsed());
    let ds = loaded.dataset.expect("the feed loads");
    let day = |s: &str| cogov::date::parse_date(s).expect("a date");
    let (lo, hi) = (day(from), day(to));
    let (a, b) = (
        lo.and_hms_opt(0, 0, 0).unwrap(),
        hi.and_hms_opt(23, 59, 59).unwrap(),
    );
    let compile = || -> Vec<RuleSet> {
        ds.feed
            .series
            .iter()
            .flat_map(|s| &s.rules)
            .filter_map(|r| match &r.form {
                RuleForm::Recurrence {
                    dtstart,
                    rrule,
                    exdates,
                    ..
                } => {
                    let v = ValidRule::parse(rrule, dtstart.start()).ok()?;
                    let ex = exdates.iter().map(|w| match w {
                        cogov::date::When::Date(d) => ExDate::Day(*d),
                        cogov::date::When::At(t) => ExDate::At(*t),
                    });
                    Some(RuleSet::new(v, ex))
                }
                _ => None,
            })
            .collect()
    };
    let sets = compile();
    let (t1, n1) = median(|| {
        sets.iter()
            .map(|s| s.between(a, b, HARD_CAP).occurrences.len())
            .sum()
    });
    let (t2, n2) = median(|| compile().len());
    let mut bodies: Vec<&str> = ds.feed.series.iter().map(|s| s.body.as_str()).collect();
    bodies.dedup();
    let (t3, n3) = median(|| {
        bodies
            .iter()
            .map(|b| {
                let q = SessionQuery {
                    from: lo,
                    to: hi,
                    body: Some(b),
                    lang: Lang::En,
                    cap: HARD_CAP,
                    now: cogov::calendar::NO_CLOCK,
                };
                sessions(&ds, &q).expect("sessions").sessions.len()
            })
            .sum()
    });
    let (t4, n4) = median(|| {
        bodies
            .iter()
            .map(|b| {
                let q = SessionQuery {
                    from: lo,
                    to: hi,
                    body: Some(b),
                    lang: Lang::En,
                    cap: HARD_CAP,
                    now: cogov::calendar::NO_CLOCK,
                };
                session_starts(&ds, &q).expect("session_starts").0.len()
            })
            .sum()
    });
    println!(
        "{} rules, {} bodies, window {from}..{to}",
        sets.len(),
        bodies.len()
    );
    let per = |t: Duration, n: usize| t.as_secs_f64() * 1e9 / n.max(1) as f64;
    println!(
        "(1) RuleSet::between per rule     : {t1:>10.2?}  {n1} occurrences, {:.0} ns each",
        per(t1, n1)
    );
    println!("(2) compiling every rule once     : {t2:>10.2?}  {n2} rules (done once per dataset, on its first calendar query)");
    println!(
        "(3) calendar::sessions per body   : {t3:>10.2?}  {n3} sessions, {:.0} ns each",
        per(t3, n3)
    );
    println!(
        "(4) calendar::session_starts/body: {t4:>10.2?}  {n4} starts, {:.0} ns each; of which window + conversion (4)-(1): {:.2?}",
        per(t4, n4),
        t4.saturating_sub(t1)
    );
    // one line for bench/calendar.mjs
    println!(
        "json: {{\"expand_ns\":{},\"occurrences\":{n1},\"views_ns\":{},\"sessions\":{n3},\"starts_ns\":{},\"starts\":{n4}}}",
        t1.as_nanos(),
        t3.as_nanos(),
        t4.as_nanos()
    );
}
