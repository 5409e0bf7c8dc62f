//! Times calendar queries on a feed (made by `node bench/hostile.mjs SHAPE N FILE`):
//! `cargo run --release --example calendar_hostile -- FILE [FROM TO]...` prints, for each window
//! (default: 2026-01 and 1900-2200), the median of 5 `calendar::sessions` calls with the count
//! and `truncated`, then `session_bodies` and `session_starts` over the first window.

// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use cogov::calendar::{session_bodies, session_starts, sessions, SessionQuery};
use cogov::recur::HARD_CAP;
use cogov::text::Lang;
use std::time::{Duration, Instant};

fn median<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut last = f();
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let t = Instant::now();
            last = std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[2], last)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args
        .first()
        .expect("usage: calendar_hostile FILE [FROM TO]...");
    let text = std::fs::read_to_string(file).expect("readable feed");
    let t = Instant::now();
    let ds = cogov::dataset::load(&text)
        .dataset
        .expect("a loadable feed");
    println!("load: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let mut windows: Vec<(String, String)> = args[1..]
        .chunks(2)
        .map(|c| (c[0].clone(), c[1].clone()))
        .collect();
    if windows.is_empty() {
        windows = vec![
            ("2026-01-01".into(), "2026-01-31".into()),
            ("1900-01-01".into(), "2200-12-31".into()),
        ];
    }
    let day = |s: &str| cogov::date::parse_date(s).expect("a date");
    for (from, to) in &windows {
        let q = SessionQuery {
            from: day(from),
            to: day(to),
            body: None,
            lang: Lang::En,
            cap: HARD_CAP,
            now: cogov::calendar::NO_CLOCK,
        };
        let (d, list) = median(|| sessions(&ds, &q).expect("a query"));
        println!(
            "sessions {from}..{to}: {:.1} ms, {} sessions, truncated {}",
            d.as_secs_f64() * 1e3,
            list.sessions.len(),
            list.truncated
        );
        let (d, (starts, cut)) = median(|| session_starts(&ds, &q).expect("a query"));
        println!(
            "session_starts {from}..{to}: {:.1} ms, {} starts, truncated {cut}",
            d.as_secs_f64() * 1e3,
            starts.len()
        );
    }
    let (d, bodies) = median(|| session_bodies(&ds, Lang::En));
    println!(
        "session_bodies: {:.1} ms, {} bodies",
        d.as_secs_f64() * 1e3,
        bodies.len()
    );
}
