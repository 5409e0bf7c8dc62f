//! `cogov publish`: the files a host serves for calendar subscriptions (the feed, `calendar.ics`,
//! one file per body and per series, `index.json`), written to a temporary directory, served
//! over HTTP as `scripts/serve.sh` serves them (published into `subscribe/` under the served
//! root, `node scripts/serve.mjs`), fetched by their stable URLs as a subscribed calendar app
//! fetches them (then again with `If-None-Match`: 304) and read by two client parsers
//! (`tests/ics_check.py`: python `icalendar`; `tests/ics_check.mjs`: npm `ical.js`); thousands
//! of series stay within the documented caps.

#![allow(clippy::disallowed_methods, clippy::disallowed_types)] // test code: the wasm bans (clippy.toml) do not apply
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const FEED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/feed.json");

fn cli(args: &[&str]) -> cogov::cli::Output {
    let argv: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    cogov::cli::run(&argv).unwrap()
}

fn out_dir(tag: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("publish_{tag}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn index(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap()
}

/// The facts a client script prints about an .ics file (`<uid> <field> <json>` lines).
fn parse(program: &str, script: &str, ics: &Path) -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(program)
        .current_dir(root)
        .arg(Path::new(root).join("tests").join(script))
        .arg(ics)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{program}` ({e}): run scripts/setup.sh"));
    assert!(
        out.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `node scripts/serve.mjs --port PORT --quiet ROOT`, as scripts/serve.sh runs it over www/.
fn serve(root: &Path, port: u16) -> Server {
    let child = Command::new("node")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["scripts/serve.mjs", "--port", &port.to_string(), "--quiet"])
        .arg(root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("node scripts/serve.mjs");
    let s = Server(child);
    let t = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    s
}

/// GET `path` over HTTP/1.0 with the extra header lines `headers`: (status line, headers, body).
fn get_with(port: u16, path: &str, headers: &str) -> (String, String, Vec<u8>) {
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(c, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n{headers}\r\n").unwrap();
    let mut all = Vec::new();
    c.read_to_end(&mut all).unwrap();
    let split = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&all[..split]).to_string();
    let (status, headers) = head.split_once("\r\n").unwrap_or((&head, ""));
    (
        status.to_string(),
        headers.to_lowercase(),
        all[split + 4..].to_vec(),
    )
}

fn get(port: u16, path: &str) -> (String, String, Vec<u8>) {
    get_with(port, path, "")
}

/// The value of header `name` (lower case) in `headers`.
fn header<'a>(headers: &'a str, name: &str) -> Option<&'a str> {
    headers
        .lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(':'))
        .map(str::trim)
}

/// The events of an .ics text, unfolded, without their `DTSTAMP` (the time of writing).
fn events(text: &str) -> Vec<String> {
    let unfolded = text.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .skip(1)
        .map(|e| {
            e.split("END:VEVENT")
                .next()
                .unwrap()
                .lines()
                .filter(|l| !l.starts_with("DTSTAMP:"))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

#[test]
fn publish_writes_the_feed_calendars_and_an_index() {
    let dir = out_dir("files");
    let d = dir.to_str().unwrap();
    let base = "https://example.org/cogov/subscribe";
    let out = cli(&[
        "publish",
        FEED,
        "--out",
        d,
        "--base-url",
        base,
        "--now",
        "2026-07-01T00:00:00Z",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read(dir.join("feed.json")).unwrap(),
        std::fs::read(FEED).unwrap()
    );
    let ix = index(&dir);
    assert_eq!(ix["window"]["from"], "2025-06-30");
    assert_eq!(ix["window"]["to"], "2028-07-02");
    assert_eq!(ix["refresh_minutes"], 720);
    let cals = ix["calendars"].as_array().unwrap();
    assert!(cals.len() >= 3, "{cals:?}");
    assert_eq!(cals[0]["path"], "calendar.ics");
    assert!(cals[0]["body"].is_null());
    let mut sum = 0;
    for c in cals {
        let path = c["path"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(path)).unwrap();
        let unfolded = text.replace("\r\n ", "");
        let events = text.matches("BEGIN:VEVENT").count();
        assert_eq!(c["events"], events, "{path}");
        assert_eq!(c["truncated"], false);
        let url = format!("{base}/{path}");
        assert_eq!(c["url"], url.as_str());
        assert!(
            unfolded.contains(&format!("\r\nSOURCE;VALUE=URI:{url}\r\n")),
            "{path}"
        );
        assert!(unfolded.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT720M\r\n"));
        assert!(unfolded.contains("\r\nX-PUBLISHED-TTL:PT720M\r\n"));
        let name = c["name"].as_str().unwrap();
        assert!(unfolded.contains(&format!("\r\nNAME:{name}\r\n")), "{path}");
        if let Some(body) = c["body"].as_str() {
            assert_eq!(path, format!("bodies/{body}.ics"));
            sum += events;
        }
        if let Some(series) = c["series"].as_str() {
            assert_eq!(path, format!("series/{series}.ics"));
            assert!(c["body"].is_null());
            assert!(
                events > 0,
                "a series without sessions in the window gets no file"
            );
        }
    }
    // every session belongs to one body: the bodies' files add up to the whole calendar
    assert_eq!(cals[0]["events"], sum);
    // every series has a file (each has sessions in the window), and each event of a series file
    // is the whole calendar's: the series' own occurrences and the records overriding them
    let whole = events(&std::fs::read_to_string(dir.join("calendar.ics")).unwrap());
    let feed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(FEED).unwrap()).unwrap();
    let series: Vec<&str> = feed["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    let files: Vec<&serde_json::Value> = cals.iter().filter(|c| c["series"].is_string()).collect();
    assert_eq!(
        files
            .iter()
            .map(|c| c["series"].as_str().unwrap())
            .collect::<Vec<_>>(),
        series
    );
    let mut in_series = 0;
    for c in &files {
        let id = c["series"].as_str().unwrap();
        let text = std::fs::read_to_string(dir.join(c["path"].as_str().unwrap())).unwrap();
        for e in events(&text) {
            assert!(whole.contains(&e), "{id}: not in calendar.ics: {e}");
            assert!(e.contains(&format!("\nUID:{id}@")), "{id}: {e}");
            in_series += 1;
        }
    }
    // the whole calendar is the series' files and the one-off sessions (no `series`)
    let one_off = whole
        .iter()
        .filter(|e| !series.iter().any(|id| e.contains(&format!("\nUID:{id}@"))))
        .count();
    assert!(one_off > 0);
    assert_eq!(in_series + one_off, whole.len());
    assert_eq!(ix["series_left_out"], 0);
    assert_eq!(ix["bodies_left_out"], 0);
    assert_eq!(ix["truncated"], false);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn published_calendars_are_served_and_parse_in_two_clients() {
    // as scripts/serve.sh does: publish into subscribe/ under the served root, serve the root
    let root = out_dir("served");
    let dir = root.join("subscribe");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}/subscribe/");
    let d = dir.to_str().unwrap();
    let out = cli(&[
        "publish",
        FEED,
        "--out",
        d,
        "--base-url",
        &base,
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let _server = serve(&root, port);
    let ix = index(&dir);
    let cals = ix["calendars"].as_array().unwrap();
    let body = cals.iter().find(|c| c["body"].is_string()).unwrap();
    let series = cals.iter().find(|c| c["series"].is_string()).unwrap();
    let origin = format!("http://127.0.0.1:{port}");
    for c in [&cals[0], body, series] {
        // what a subscribed client does: fetch the calendar's own URL
        let url = c["url"].as_str().unwrap();
        let path = url.strip_prefix(&origin).unwrap();
        let (status, headers, bytes) = get(port, path);
        assert!(status.contains(" 200 "), "{url}: {status}");
        assert!(
            header(&headers, "content-type").is_some_and(|t| t.starts_with("text/calendar")),
            "{url}: {headers}"
        );
        assert_eq!(
            bytes,
            std::fs::read(dir.join(c["path"].as_str().unwrap())).unwrap()
        );
        let fetched = root.join("fetched.ics");
        std::fs::write(&fetched, &bytes).unwrap();
        for (program, script) in [("python3", "ics_check.py"), ("node", "ics_check.mjs")] {
            let facts = parse(program, script, &fetched);
            let n = facts.lines().filter(|l| l.contains(" dtstart ")).count();
            assert_eq!(c["events"], n, "{script} on {url}");
            assert!(n > 0, "{script} on {url}");
            assert!(
                facts.contains(&format!("- calname {}", c["name"])),
                "{script}: {facts}"
            );
        }
        // polling: the same URL with the validator it was given is a 304 without a body
        let etag = header(&headers, "etag").expect("an ETag").to_string();
        let (status, _, bytes) = get_with(port, path, &format!("If-None-Match: {etag}\r\n"));
        assert!(status.contains(" 304 "), "{url} with {etag}: {status}");
        assert!(bytes.is_empty());
        // compressed as a client asks for it, with its own validator, 304 too
        let (status, zipped, _) = get_with(port, path, "Accept-Encoding: gzip\r\n");
        assert!(status.contains(" 200 "), "{url}: {status}");
        assert_eq!(
            header(&zipped, "content-encoding"),
            Some("gzip"),
            "{zipped}"
        );
        let gz = header(&zipped, "etag").unwrap().to_string();
        assert_ne!(gz, etag);
        let (status, _, _) = get_with(
            port,
            path,
            &format!("Accept-Encoding: gzip\r\nIf-None-Match: {gz}\r\n"),
        );
        assert!(status.contains(" 304 "), "{url} with {gz}: {status}");
    }
    // a validator of another version is a full answer
    let path = cals[0]["url"]
        .as_str()
        .unwrap()
        .strip_prefix(&origin)
        .unwrap();
    let (status, _, _) = get_with(port, path, "If-None-Match: \"0-0\"\r\n");
    assert!(status.contains(" 200 "), "{status}");
    let (status, headers, _) = get(port, "/subscribe/index.json");
    assert!(status.contains(" 200 "));
    assert!(header(&headers, "content-type").is_some_and(|t| t.starts_with("application/json")));
    let (status, _, _) = get(port, "/subscribe/feed.json");
    assert!(status.contains(" 200 "));
    let _ = std::fs::remove_dir_all(&root);
}

/// `n` yearly series on one body, each with a cancelled occurrence.
fn many_series(n: usize) -> String {
    let series: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "s{i}", "body": "b", "kind": "regular", "sources": ["s"], "numbering": {{"first": 1}},
                "rules": [{{"dtstart": "1990-03-01T10:00", "rrule": "FREQ=YEARLY;COUNT=1000000"}}]}}"#
            )
        })
        .collect();
    let sessions: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "x{i}", "body": "b", "series": "s{i}", "recurrence_id": "2026-03-01T10:00",
                "start": "2026-03-01T10:00", "status": "cancelled", "sources": ["s"]}}"#
            )
        })
        .collect();
    format!(
        r#"{{"cogov": 1, "publisher": {{"id": "p", "name": "P"}}, "sources": [{{"id": "s", "title": "S"}}],
        "bodies": [{{"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}}],
        "series": [{}], "sessions": [{}]}}"#,
        series.join(","),
        sessions.join(",")
    )
}

#[test]
fn five_thousand_series_stay_within_the_caps() {
    let dir = out_dir("many");
    std::fs::create_dir_all(&dir).unwrap();
    let feed = dir.with_extension("json");
    std::fs::write(&feed, many_series(5000)).unwrap();
    let out = cli(&[
        "publish",
        feed.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
        "--now",
        "2026-07-01T00:00:00Z",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let ix = index(&dir);
    let cals = ix["calendars"].as_array().unwrap();
    let series: Vec<&serde_json::Value> = cals.iter().filter(|c| c["series"].is_string()).collect();
    // the first 1,000 series in feed order, each expanded once: 2026 (cancelled), 2027, 2028
    assert_eq!(series.len(), 1000);
    assert_eq!(ix["series_left_out"], 4000);
    assert_eq!(ix["truncated"], true);
    for (k, c) in series.iter().enumerate() {
        assert_eq!(c["series"], format!("s{k}"));
        assert_eq!(
            (c["events"].as_u64(), c["truncated"].as_bool()),
            (Some(3), Some(false))
        );
    }
    let on_disk = std::fs::read_dir(dir.join("series")).unwrap().count();
    assert_eq!(on_disk, 1000, "one file per listed series, nothing else");
    let bytes: u64 = std::fs::read_dir(dir.join("series"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    assert!(bytes < 64 << 20, "{bytes}");
    // the whole calendar holds the first 10,000 sessions and says it was cut
    assert_eq!(cals[0]["events"], 10_000);
    assert_eq!(cals[0]["truncated"], true);
    assert!(
        out.stdout.contains("4000 more series were left out"),
        "{}",
        out.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(&feed);
}

#[test]
fn a_hostile_series_id_writes_nothing() {
    // ids are checked at load (1-64 of a-z 0-9 - _ . from a letter or digit): a path is an error
    // with its place, and nothing is written anywhere
    let dir = out_dir("hostile");
    let text = std::fs::read_to_string(FEED).unwrap().replacen(
        r#""id": "ga-regular""#,
        r#""id": "../../escape""#,
        1,
    );
    let feed = dir.with_extension("json");
    std::fs::write(&feed, text).unwrap();
    let out = cli(&[
        "publish",
        feed.to_str().unwrap(),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("id.syntax") || out.stderr.contains("id.syntax"),
        "{out:?}"
    );
    assert!(!dir.exists());
    assert!(!dir.parent().unwrap().join("escape.ics").exists());
    let _ = std::fs::remove_file(&feed);
}

#[test]
fn ics_of_one_series_and_an_unknown_one() {
    let one = cli(&[
        "ics",
        FEED,
        "--series",
        "ga-regular",
        "--now",
        "2026-07-01T00:00:00Z",
    ]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    let e = events(&one.stdout);
    assert!(!e.is_empty());
    assert!(e.iter().all(|e| e.contains("\nUID:ga-regular@")), "{e:?}");
    let err = cogov::cli::run(&["ics".into(), FEED.into(), "--series".into(), "nope".into()]);
    let msg = err.unwrap_err();
    assert!(
        msg.contains("\"nope\" is not the id of any series"),
        "{msg}"
    );
}

#[test]
fn publish_rejects_a_bad_base_url_and_a_missing_out() {
    let dir = out_dir("bad");
    let d = dir.to_str().unwrap();
    let out = cli(&[
        "publish",
        FEED,
        "--out",
        d,
        "--base-url",
        "ftp://example.org/",
    ]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("arg.url"), "{}", out.stderr);
    assert!(cogov::cli::run(&["publish".into(), FEED.into()]).is_err());
    let _ = std::fs::remove_dir_all(&dir);
}
