//! Throughput of `cogov::json::parse` on a generated ~50 MB council feed.
//!
//! `cargo run --release --example json_speed [-- OUT.json]` prints MB/s (best of several runs;
//! `--profile bench-native` measures opt-level 3 instead of the size-optimised release profile);
//! with a path it also writes the document there, e.g. to time `JSON.parse` on the same input.
use cogov::json::{parse, Limits};
use std::fmt::Write;
use std::time::Instant;

fn feed(records: usize) -> String {
    let names = [
        "김철수",
        "이영희",
        "박민준",
        "최서연",
        "정도윤",
        "Kim Ji-woo",
    ];
    let parties = ["더불어민주당", "국민의힘", "무소속", "정의당"];
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut s = String::with_capacity(records * 560);
    s.push_str("{\"version\":1,\"generated\":\"2024-05-01T09:00:00+09:00\",\"records\":[\n");
    for i in 0..records {
        let r = rnd();
        let name = names[(r % 6) as usize];
        let party = parties[(r >> 8) as usize % 4];
        let note = if i % 10 == 0 {
            "2차 회의\\n\\\"긴급\\\" 안건"
        } else {
            "정례회 본회의"
        };
        let _ = write!(
            s,
            "{sep}{{\"id\":\"p-{i:06}\",\"type\":\"proposal\",\"title\":\"{name} 의원 대표발의 조례안 제{i}호\",\
             \"status\":\"committee\",\"council\":{{\"code\":\"11{c:03}\",\"name\":\"서울특별시 구의회\",\"level\":2}},\
             \"sponsors\":[{{\"name\":\"{name}\",\"party\":\"{party}\",\"role\":\"대표\"}},{{\"name\":\"{n2}\",\"party\":null,\"role\":\"공동\"}}],\
             \"dates\":{{\"proposed\":\"2024-{m:02}-{d:02}\",\"referred\":\"2024-{m:02}-{d2:02}\",\"decided\":null}},\
             \"votes\":{{\"yes\":{y},\"no\":{no},\"abstain\":0}},\"budget\":{b}.{bf:02},\"tags\":[\"교육\",\"복지\",\"t{t}\"],\
             \"public\":true,\"note\":\"{note}\"}}",
            sep = if i == 0 { "" } else { ",\n" },
            c = r % 1000,
            n2 = names[(r >> 16) as usize % 6],
            m = 1 + (r >> 20) % 12,
            d = 1 + (r >> 24) % 28,
            d2 = 1 + (r >> 28) % 28,
            y = (r >> 32) % 40,
            no = (r >> 38) % 10,
            b = (r >> 40) % 100_000_000,
            bf = (r >> 44) % 100,
            t = (r >> 50) % 1000,
        );
    }
    s.push_str("\n]}\n");
    s
}

fn main() {
    let doc = feed(100_000);
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &doc).expect("write document");
    }
    let mb = doc.len() as f64 / 1e6;
    let limits = Limits::default();
    let mut best = f64::MAX;
    for _ in 0..7 {
        let t = Instant::now();
        let v = parse(&doc, &limits).expect("feed parses");
        let records = v
            .get("records")
            .and_then(|r| r.as_array())
            .map_or(0, |a| a.len());
        let secs = t.elapsed().as_secs_f64(); // includes building the tree, not dropping it
        drop(v);
        assert_eq!(records, 100_000);
        best = best.min(secs);
    }
    println!(
        "{mb:.1} MB parsed in {:.1} ms: {:.0} MB/s",
        best * 1e3,
        mb / best
    );
}
