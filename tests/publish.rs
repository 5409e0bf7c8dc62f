//! `cogov publish`: the files a host serves for calendar subscriptions, written to a temporary
//! directory, served over HTTP by the static server `scripts/serve.sh` uses
//! (`python3 -m http.server`), fetched by their stable URLs and read by two client parsers
//! (`tests/ics_check.py`: python `icalendar`; `tests/ics_check.mjs`: npm `ical.js`).

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

/// `python3 -m http.server` over `dir`, as scripts/serve.sh runs it over www/.
fn serve(dir: &Path, port: u16) -> Server {
    let child = Command::new("python3")
        .args(["-m", "http.server", "--bind", "127.0.0.1", "--directory"])
        .arg(dir)
        .arg(port.to_string())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 -m http.server");
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

/// GET `path` over HTTP/1.0: (status line, headers, body).
fn get(port: u16, path: &str) -> (String, String, Vec<u8>) {
    let mut c = TcpStream::connect(("127.0.0.1", port)).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(c, "GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").unwrap();
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
    }
    // every session belongs to one body: the bodies' files add up to the whole calendar
    assert_eq!(cals[0]["events"], sum);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn published_calendars_are_served_and_parse_in_two_clients() {
    let dir = out_dir("served");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}/");
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
    let _server = serve(&dir, port);
    let ix = index(&dir);
    let body = &ix["calendars"][1];
    for c in [&ix["calendars"][0], body] {
        // what a subscribed client does: fetch the calendar's own URL
        let url = c["url"].as_str().unwrap();
        let path = url.strip_prefix(&base[..base.len() - 1]).unwrap();
        let (status, headers, bytes) = get(port, path);
        assert!(status.contains(" 200 "), "{url}: {status}");
        assert!(
            headers.contains("content-type: text/calendar"),
            "{url}: {headers}"
        );
        let fetched = dir.join("fetched.ics");
        std::fs::write(&fetched, &bytes).unwrap();
        for (program, script) in [("python3", "ics_check.py"), ("node", "ics_check.mjs")] {
            let facts = parse(program, script, &fetched);
            let n = facts.lines().filter(|l| l.contains(" dtstart ")).count();
            assert_eq!(c["events"], n, "{script} on {url}");
            assert!(
                facts.contains(&format!("- calname {}", c["name"])),
                "{script}: {facts}"
            );
        }
    }
    let (status, _, _) = get(port, "/feed.json");
    assert!(status.contains(" 200 "));
    let _ = std::fs::remove_dir_all(&dir);
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
