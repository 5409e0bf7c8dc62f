//! What the fuzz targets share: every view the wasm boundary offers (src/wasm/*.rs calls the same
//! core functions), each written by the boundary's own JSON writer, with asserts that outputs
//! respect their caps; a heap budget (a counting allocator) and a small stack, so that blow-ups
//! fail as crashes do; and the generator of valid feeds (`gen`).

pub mod gen;

use chrono::{NaiveDate, TimeDelta};
use cogov::calendar::{self, IcsQuery, SessionQuery};
use cogov::dataset::{self, Dataset, Part};
use cogov::proposals::cards::{self, calendar_next_session};
use cogov::proposals::query::{self, Filter, ProposalQuery, SortKey};
use cogov::proposals::stats::{self, GroupBy, DEFAULT_WEIGHT};
use cogov::proposals::{AnswerClass, ProposalIndex};
use cogov::recur::HARD_CAP;
use cogov::structure::{self, BodyNode, StructureQuery};
use cogov::text::Lang;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

// The boundary's JSON writer (plain serde), as tests/views_golden.rs includes it.
#[allow(dead_code)]
#[path = "../../src/wasm/json.rs"]
mod wasm_json;

/// Most nodes a structure view may hold when it has more than one per body. The budget
/// is 20,000 DOM nodes per widget; a view that places each body once stays at the body count.
pub const STRUCTURE_NODES: usize = 20_000;

/// Stack of the thread that runs each input: the wasm's stack is 1 MiB (wasm-bindgen's default),
/// so a recursion that a native 8 MiB main thread survives still fails here.
pub const STACK: usize = 1 << 20;

/// Heap budget of one input: a fixed allowance plus a factor of the feed text's size (the issue's
/// budget is wasm memory within 10x the feed; native views, the parse tree and the JSON texts
/// written here cost more than the widget's first view, hence the margin).
pub const HEAP_BASE: usize = 256 << 20;
/// See [`HEAP_BASE`].
pub const HEAP_FACTOR: usize = 40;

/// The global allocator of the fuzz targets: `System`, counting live bytes and aborting (a crash
/// libFuzzer records) when an input goes over its budget ([`budget`]).
pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static LIMIT: AtomicUsize = AtomicUsize::new(usize::MAX);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        add(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            add(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        System.realloc(ptr, layout, new_size)
    }
}

fn add(n: usize) {
    let live = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    let limit = LIMIT.load(Ordering::Relaxed);
    if live > limit {
        LIMIT.store(usize::MAX, Ordering::Relaxed); // let the message allocate
        eprintln!("heap budget exceeded: {live} bytes live, budget {limit} bytes");
        std::process::abort();
    }
}

/// Runs `f` for an input of `size` bytes of feed text under the heap budget, on a thread with
/// the wasm's stack size.
pub fn budget<T: Send>(size: usize, f: impl FnOnce() -> T + Send) -> T {
    static ONSTACK: std::sync::Once = std::sync::Once::new();
    ONSTACK.call_once(handlers_on_signal_stack);
    let base = LIVE.load(Ordering::Relaxed);
    let limit = base
        .saturating_add(HEAP_BASE)
        .saturating_add(size.saturating_mul(HEAP_FACTOR));
    LIMIT.store(limit, Ordering::Relaxed);
    let out = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(STACK)
            .spawn_scoped(s, || {
                let _alt = AltStack::new();
                f()
            })
            .expect("a thread for the input")
            .join()
    });
    LIMIT.store(usize::MAX, Ordering::Relaxed);
    match out {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e),
    }
}

/// libFuzzer installs its SIGSEGV/SIGBUS handler (which writes the crash artifact) without
/// `SA_ONSTACK`: on a stack overflow it would run on the exhausted stack and the process would die
/// with no artifact. Re-register the same handler to run on the thread's [`AltStack`].
fn handlers_on_signal_stack() {
    for sig in [libc::SIGSEGV, libc::SIGBUS] {
        // SAFETY: reads the installed action and sets it again with one more flag
        unsafe {
            let mut act: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, std::ptr::null(), &mut act) == 0 {
                act.sa_flags |= libc::SA_ONSTACK;
                libc::sigaction(sig, &act, std::ptr::null_mut());
            }
        }
    }
}

/// A signal stack for the input's thread: libFuzzer's SIGSEGV handler then runs there when the
/// input overflows its stack and writes the crash artifact (Rust's own handler is not installed:
/// libFuzzer's `main` runs the targets, not Rust's runtime).
struct AltStack(*mut libc::c_void);

const ALT_SIZE: usize = 256 << 10;

impl AltStack {
    fn new() -> AltStack {
        // SAFETY: a fresh private mapping, handed to sigaltstack for this thread only
        unsafe {
            let p = libc::mmap(
                std::ptr::null_mut(),
                ALT_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            if p == libc::MAP_FAILED {
                return AltStack(std::ptr::null_mut());
            }
            let st = libc::stack_t {
                ss_sp: p,
                ss_flags: 0,
                ss_size: ALT_SIZE,
            };
            libc::sigaltstack(&st, std::ptr::null_mut());
            AltStack(p)
        }
    }
}

impl Drop for AltStack {
    fn drop(&mut self) {
        if self.0.is_null() {
            return;
        }
        // SAFETY: disable this thread's signal stack, then unmap it
        unsafe {
            let st = libc::stack_t {
                ss_sp: std::ptr::null_mut(),
                ss_flags: libc::SS_DISABLE,
                ss_size: 0,
            };
            libc::sigaltstack(&st, std::ptr::null_mut());
            libc::munmap(self.0, ALT_SIZE);
        }
    }
}

/// The view as the boundary writes it (what JS reads with `JSON.parse`).
fn write<T: serde::Serialize>(v: &T) -> usize {
    match wasm_json::to_string(v) {
        Ok(s) => s.len(),
        Err(e) => match e {},
    }
}

/// Nodes of a structure view, counted without recursion.
fn nodes(roots: &[BodyNode]) -> usize {
    let mut n = 0;
    let mut todo: Vec<&BodyNode> = roots.iter().collect();
    while let Some(b) = todo.pop() {
        n += 1;
        todo.extend(b.children.iter());
    }
    n
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Loads `text` as every widget does (the full load and the structure-only load) and, when it
/// loads, asks for every view.
pub fn load_and_view(text: &str) {
    let loaded = timed("load", || dataset::load(text));
    let first = dataset::load_through(text, Part::Structure);
    // the parts invariant (ARCHITECTURE.md): a load that stops after a part reports exactly
    // what the full load reports for it
    let prefix = loaded.parts.report(Part::Structure, &loaded.report);
    assert_eq!(first.report, prefix, "the structure-only load differs");
    assert_eq!(first.dataset.is_some(), loaded.dataset.is_some());
    drop(first);
    write(&loaded.report);
    if let Some(ds) = &loaded.dataset {
        views(ds);
    }
}

/// Every view of a loaded feed, for a few arguments each.
pub fn views(ds: &Dataset) {
    let f = &ds.feed;
    let _ = f;
    for lang in [Lang::Ko, Lang::En] {
        timed("structure views", || structure_views(ds, lang));
        if ds.usable(Part::Calendar) {
            timed("calendar views", || calendar_views(ds, lang));
        }
        if ds.usable(Part::Proposals) {
            timed("proposal views", || proposal_views(ds, lang));
        }
    }
}

/// Runs `f`; with `COGOV_FUZZ_TIME` set, prints how long it took (to see which views are slow
/// on an input that timed out).
pub fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if !*ON.get_or_init(|| std::env::var_os("COGOV_FUZZ_TIME").is_some()) {
        return f();
    }
    let t = std::time::Instant::now();
    let v = f();
    eprintln!("{what}: {:.3} s", t.elapsed().as_secs_f64());
    v
}

fn structure_views(ds: &Dataset, lang: Lang) {
    let f = &ds.feed;
    let roots = [None, Some("nope")]
        .into_iter()
        .chain(f.bodies.iter().take(3).map(|b| Some(b.id.as_str())))
        .chain(f.bodies.last().map(|b| Some(b.id.as_str())));
    for root in roots {
        for as_of in [None, Some(day(2024, 1, 1))] {
            let q = StructureQuery { lang, root, as_of };
            if let Ok(v) = structure::structure(ds, q) {
                let n = nodes(&v.roots);
                assert!(
                    n <= f.bodies.len().max(STRUCTURE_NODES),
                    "structure view of {} bodies has {n} nodes",
                    f.bodies.len()
                );
                write(&v);
            }
        }
    }
    let offices = f.offices.iter().take(3).map(|o| o.id.as_str());
    for o in offices.chain(["nope"]) {
        if let Ok(v) = structure::where_sits(ds, o, lang) {
            write(&v);
        }
    }
}

fn calendar_views(ds: &Dataset, lang: Lang) {
    let f = &ds.feed;
    // every body, then one body (in Korean only: the texts differ, not the work)
    let one = f.series.last().map(|s| s.body.as_str());
    let bodies = [None].into_iter().chain(if lang == Lang::Ko {
        one.map(Some)
    } else {
        None
    });
    let mut ids: Vec<String> = f.sessions.iter().take(3).map(|s| s.id.clone()).collect();
    for body in bodies {
        // the costly windows (up to HARD_CAP sessions each) once per input: in Korean, all bodies
        let full = lang == Lang::Ko && body.is_none();
        let windows = [
            (day(2025, 7, 1), day(2025, 7, 31)),
            (day(2024, 1, 1), day(2026, 12, 31)),
            (day(1900, 1, 1), day(2200, 12, 31)),
        ];
        for (from, to) in windows.into_iter().take(if full { 3 } else { 1 }) {
            let q = SessionQuery {
                from,
                to,
                body,
                lang,
                cap: HARD_CAP,
                now: cogov::calendar::NO_CLOCK,
            };
            if let Ok(list) = timed("  sessions", || calendar::sessions(ds, &q)) {
                let n = list.sessions.len();
                assert!(n <= HARD_CAP, "sessions: {n} over the cap {HARD_CAP}");
                if ids.len() < 6 {
                    ids.extend(list.sessions.iter().take(2).map(|s| s.id.clone()));
                }
                write(&list);
            }
            if let Ok((starts, _)) = timed("  session_starts", || calendar::session_starts(ds, &q))
            {
                let n = starts.len();
                assert!(n <= HARD_CAP, "session starts: {n} over the cap {HARD_CAP}");
            }
        }
        let ahead = [(day(2025, 1, 1), 5), (day(1900, 1, 1), 50)];
        for (today, n) in ahead.into_iter().take(if full { 2 } else { 1 }) {
            if let Ok(list) = timed("  next_sessions", || {
                calendar::next_sessions(
                    ds,
                    today,
                    n,
                    body,
                    lang,
                    today.and_hms_opt(12, 0, 0).unwrap_or_default(),
                )
            }) {
                assert!(list.sessions.len() <= n, "next sessions: more than {n}");
                write(&list);
            }
            if let Ok(next) = calendar::next_session(
                ds,
                today.and_hms_opt(12, 0, 0).unwrap_or_default(),
                body,
                lang,
            ) {
                write(&next);
            }
        }
    }
    write(&calendar::session_bodies(ds, lang));
    ids.push("nope".into());
    for id in &ids {
        write(&calendar::find_session(
            ds,
            id,
            lang,
            cogov::calendar::NO_CLOCK,
        ));
        let _ = calendar::google_link(ds, id, lang, Some("https://e.org/p#s="));
    }
    let now = cogov::date::parse_local("2026-03-01T00:00").unwrap_or_default();
    let today = day(2026, 3, 1);
    let one = ids.first().map(String::as_str).filter(|_| lang == Lang::Ko);
    for session in [None].into_iter().chain(one.map(Some)) {
        let q = IcsQuery {
            body: None,
            session,
            series: None,
            from: today - TimeDelta::days(366),
            to: today + TimeDelta::days(2 * 366),
            lang,
            dtstamp_utc: now,
            base_url: Some("https://example.org/cal"),
        };
        if let Ok(ics) = timed("  ics", || calendar::calendar_ics(ds, &q)) {
            let events = ics.matches("BEGIN:VEVENT").count();
            assert!(
                events <= HARD_CAP,
                "ics: {events} events over the cap {HARD_CAP}"
            );
        }
    }
    // the calendar of one series (`cogov ics --series`, `cogov publish`): the first and the last
    let ends = [ds.feed.series.first(), ds.feed.series.last()];
    let take = if lang == Lang::Ko { 2 } else { 1 };
    for s in ends.into_iter().flatten().take(take) {
        let q = IcsQuery {
            body: None,
            session: None,
            series: Some(&s.id),
            from: today - TimeDelta::days(366),
            to: today + TimeDelta::days(2 * 366),
            lang,
            dtstamp_utc: now,
            base_url: None,
        };
        if let Ok(ics) = timed("  ics series", || calendar::calendar_ics(ds, &q)) {
            let events = ics.matches("BEGIN:VEVENT").count();
            assert!(
                events <= HARD_CAP,
                "series ics: {events} events over the cap {HARD_CAP}"
            );
        }
    }
}

fn proposal_views(ds: &Dataset, lang: Lang) {
    let f = &ds.feed;
    let idx = timed("  proposal index", || ProposalIndex::new(&ds.feed));
    let ch = query::choices(ds, &idx, lang);
    write(&ch);
    let mut filters = vec![Filter::default()];
    filters.extend(ch.ministries.first().map(|m| Filter {
        ministry: Some(&m.id),
        answer: Some(AnswerClass::Accepted),
        ..Filter::default()
    }));
    filters.extend(ch.years.first().map(|&y| Filter {
        year: Some(y),
        ..Filter::default()
    }));
    filters.push(Filter {
        text: Some("세"),
        ..Filter::default()
    });
    for filter in &filters {
        for (sort, descending, offset, limit) in [
            (SortKey::Date, false, 0, None),
            (SortKey::Title, true, 3, Some(5)),
            (SortKey::Stage, false, usize::MAX, Some(1)),
            (SortKey::Updated, true, 0, Some(100)),
        ] {
            let q = ProposalQuery {
                filter: *filter,
                sort,
                descending,
                offset,
                limit,
                ..ProposalQuery::all(lang)
            };
            if let Ok(list) = timed("  list", || query::list(ds, &idx, &q)) {
                if let Some(limit) = limit {
                    assert!(list.items.len() <= limit, "proposals: more than {limit}");
                }
                write(&list);
            }
        }
        for by in [
            GroupBy::Ministry,
            GroupBy::Proposer,
            GroupBy::Year,
            GroupBy::Session,
        ] {
            let s = timed("  stats", || {
                stats::stats(ds, &idx, filter, by, DEFAULT_WEIGHT, lang)
            });
            if let Ok(s) = s {
                write(&s);
            }
        }
    }
    let ids = f.proposals.iter().take(3).map(|p| p.id.as_str());
    for id in ids.chain(f.proposals.last().map(|p| p.id.as_str())) {
        for today in [None, Some(day(2025, 7, 11))] {
            let d = timed("  detail", || {
                query::detail(ds, &idx, id, lang, today, &calendar_next_session)
            });
            if let Ok(d) = d {
                write(&d);
            }
        }
    }
    for today in [None, Some(day(2025, 7, 11))] {
        write(&timed("  cards", || {
            cards::cards(ds, today, lang, &calendar_next_session)
        }));
    }
    let sessions: Vec<&str> = f.sessions.iter().take(3).map(|s| s.id.as_str()).collect();
    for a in &sessions {
        for b in sessions.iter().chain(&["nope"]) {
            if let Ok(c) = timed("  changed_between", || {
                stats::changed_between(ds, a, b, lang)
            }) {
                write(&c);
            }
        }
    }
}
