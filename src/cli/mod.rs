//! The CLI's logic, native only: arguments in, text out. `src/bin/cogov.rs` only prints.
//! Reading files is the one piece of I/O, done here and never in the core.

// Native only (never in a wasm): the CLI may use what clippy.toml bans from the wasm builds.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod args;
mod calendar;
mod holidays;
mod proposals;
mod publish;
mod structure;
mod validate;

use args::Args;

/// Usage text.
pub const USAGE: &str = "usage:
  cogov validate FEED [--json]
  cogov structure FEED [--json] [--lang ko|en] [--root BODY] [--as-of YYYY-MM-DD]
  cogov where-sits FEED OFFICE [--json] [--lang ko|en]
  cogov sessions FEED --from YYYY-MM-DD --to YYYY-MM-DD [--body BODY] [--json] [--lang ko|en]
  cogov ics FEED [--body BODY] [--session ID] [--series ID] [--from YYYY-MM-DD --to YYYY-MM-DD] [--now UTC] [--url BASE] [--lang ko|en]
  cogov publish FEED --out DIR [--base-url URL] [--lang ko|en] [--from YYYY-MM-DD --to YYYY-MM-DD] [--now UTC]
  cogov holidays [FEED] --year YYYY [--json]
  cogov expand --dtstart LOCAL_DATETIME --rrule RULE [--exdate LIST] [--rdate LIST] [--limit N]
  cogov proposals FEED [--stage S] [--answer A] [--ministry M] [--proposer P] [--year Y] [--session S]
        [--text T] [--sort date|updated|title|stage] [--desc] [--offset N] [--limit N] [--json] [--lang ko|en]
  cogov stats FEED --by ministry|proposer|year|session [filters as for proposals] [--weight W] [--json] [--lang ko|en]
  cogov cards FEED --today YYYY-MM-DD [--json] [--lang ko|en]

exit codes: 0 ok (warnings allowed), 1 the feed has errors, 2 usage or i/o problem";

/// What a command printed and how it exits.
#[derive(Debug, Default)]
pub struct Output {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Exit code.
    pub code: u8,
}

/// Runs a command line (without the program name).
///
/// ```
/// let out = cogov::cli::run(&["validate".into(), "/nonexistent.json".into()]).unwrap();
/// assert_eq!(out.code, 2);
/// assert!(cogov::cli::run(&["frobnicate".into()]).is_err());
/// ```
pub fn run(argv: &[String]) -> Result<Output, String> {
    let (cmd, rest) = argv.split_first().ok_or("missing command")?;
    let args = Args::parse(rest)?;
    match cmd.as_str() {
        "validate" => validate::run(&args),
        "structure" => structure::run(&args),
        "where-sits" => structure::where_sits(&args),
        "sessions" => calendar::sessions(&args),
        "ics" => calendar::ics(&args),
        "publish" => publish::run(&args),
        "expand" => calendar::expand(&args),
        "holidays" => holidays::run(&args),
        "proposals" => proposals::run(&args),
        "stats" => proposals::stats(&args),
        "cards" => proposals::cards(&args),
        "help" | "--help" | "-h" => Ok(Output {
            stdout: format!("{USAGE}\n"),
            ..Output::default()
        }),
        other => Err(format!("unknown command {other:?}")),
    }
}

/// Why the feed file gave no text.
enum Unread {
    /// It could not be read: exit 2 with this output.
    Io(Output),
    /// It is not UTF-8: a report with one error (`json.utf8`, naming the file, the byte offset,
    /// line and column), treated as any other problem of the feed (exit 1).
    Report(crate::problem::Report),
}

/// The text of feed file `path`.
fn read(path: &str) -> Result<String, Unread> {
    let bytes = std::fs::read(path).map_err(|e| {
        Unread::Io(Output {
            stderr: format!("cogov: cannot read {path}: {e}\n"),
            code: 2,
            ..Output::default()
        })
    })?;
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.into_bytes(),
    };
    let mut report = crate::problem::Report::default();
    if let Err(e) = crate::json::utf8(&bytes) {
        report.push(crate::problem::Problem::error(
            "",
            e.code,
            format!("{path}: {e}"),
        ));
    }
    Err(Unread::Report(report))
}

/// Reads and loads the feed named by the first positional argument; an I/O problem is exit 2,
/// errors in `part` or the parts before it (what the command shows) are exit 1 with those
/// errors on stderr, as is a file that is not UTF-8.
fn load(
    args: &Args,
    part: crate::dataset::Part,
) -> Result<Result<crate::dataset::Dataset, Output>, String> {
    let path = args.positional(0, "FEED")?;
    let text = match read(path) {
        Ok(t) => t,
        Err(Unread::Io(out)) => return Ok(Err(out)),
        Err(Unread::Report(report)) => {
            return Ok(Err(Output {
                stderr: validate::human(&report),
                code: 1,
                ..Output::default()
            }))
        }
    };
    let loaded = crate::dataset::load(&text);
    match loaded.dataset {
        Some(ds) if ds.usable(part) => Ok(Ok(ds)),
        _ => Ok(Err(Output {
            stderr: validate::human(&loaded.parts.report(part, &loaded.report)),
            code: 1,
            ..Output::default()
        })),
    }
}

fn json<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

/// The system clock in UTC: the one place the CLI reads it (the core never does; commands pass
/// the time, or the day in Korea from [`crate::kst::today`], to the core).
fn clock_utc() -> Result<chrono::NaiveDateTime, String> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs();
    chrono::DateTime::from_timestamp(i64::try_from(secs).map_err(|e| e.to_string())?, 0)
        .map(|t| t.naive_utc())
        .ok_or("the system clock is out of range".to_string())
}
