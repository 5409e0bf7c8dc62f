//! `cogov publish FEED --out DIR`: the static files an association serves for calendar
//! subscriptions, made by the same core function as the widget's download
//! ([`crate::calendar::calendar_ics_for`]):
//!
//! - `DIR/feed.json`: the feed, byte for byte;
//! - `DIR/calendar.ics`: every session of the export window;
//! - `DIR/bodies/{body}.ics`: one per body with sessions;
//! - `DIR/series/{series}.ics`: one per series with sessions in the window (its occurrences and
//!   the explicit sessions that override, move or cancel them), made in one pass
//!   ([`SeriesPass`]: every series expanded once, within one query's work budget);
//! - `DIR/index.json`: what was written (paths, stable URLs, names, event counts, truncation,
//!   the window and the time).
//!
//! Each calendar has `REFRESH-INTERVAL` / `X-PUBLISHED-TTL` of [`REFRESH_MINUTES`] and, with
//! `--base-url`, its own stable URL (`URL`, `SOURCE`). Files are written to a temporary name
//! and renamed, so a server never hands out half a file while a cron job rewrites them.

use super::{load, Args, Output};
use crate::calendar::ics::SeriesPass;
use crate::calendar::{self, IcsQuery, Subscription};
use crate::dataset::Part;
use serde::Serialize;
use std::path::Path;

/// How often subscribers fetch the published calendars again: every 12 hours.
pub const REFRESH_MINUTES: u32 = 12 * 60;

/// At most this many bodies get a file of their own (the first in feed order; each file is one
/// query over the feed, so the work stays within this factor of one export); the others are
/// counted in `index.json` (`bodies_left_out`) and are in `calendar.ics`.
pub const MAX_BODY_FILES: usize = 256;

/// At most this many series get a file of their own (the first in feed order with sessions in
/// the window); the others are counted in `index.json` (`series_left_out`).
pub const MAX_SERIES_FILES: usize = 1000;

/// The series files stop once they hold this many bytes together (64 MiB; each one is at most
/// [`calendar::ics::MAX_ICS_BYTES`]); the series left are counted in `series_left_out`.
pub const MAX_SERIES_BYTES: usize = 64 << 20;

/// `index.json`.
#[derive(Serialize)]
struct Index<'a> {
    /// When the files were made (UTC).
    generated: String,
    /// The feed's own `updated`, if any.
    feed_updated: Option<String>,
    feed: &'a str,
    /// The days every calendar covers (inclusive).
    window: Window,
    lang: &'a str,
    refresh_minutes: u32,
    base_url: Option<&'a str>,
    calendars: Vec<Entry>,
    /// Bodies with sessions past [`MAX_BODY_FILES`], without a file of their own.
    bodies_left_out: usize,
    /// Series not given a file because a cap was reached ([`MAX_SERIES_FILES`],
    /// [`MAX_SERIES_BYTES`] or the pass's work budget); they may or may not have sessions in the
    /// window. Series without sessions in the window get no file and are not counted.
    series_left_out: usize,
    /// Something was left out: a body or a series without its file, or a calendar cut.
    truncated: bool,
}

#[derive(Serialize)]
struct Window {
    from: String,
    to: String,
}

/// One calendar file.
#[derive(Serialize)]
struct Entry {
    path: String,
    url: Option<String>,
    /// The body of a body's calendar; `null` for the others.
    body: Option<String>,
    /// The series of a series' calendar; `null` for the others.
    series: Option<String>,
    name: String,
    events: usize,
    truncated: bool,
}

/// Writes `bytes` to `path` through a temporary file in the same directory.
fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The file name of a body's or a series' calendar: its id when it is a safe file name (ids
/// are 1-64 of `a-z 0-9 - _ .` starting with a letter or digit, checked at load, so no separator
/// can occur: checked again here), with a leading `.` (a hidden file many servers refuse) made
/// `_`; `None` for anything else.
fn file_name(id: &str) -> Option<String> {
    let safe = !id.is_empty()
        && id.len() <= 64
        && id.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        });
    if !safe || id.bytes().all(|b| b == b'.') {
        return None;
    }
    Some(match id.strip_prefix('.') {
        Some(rest) => format!("_{rest}.ics"),
        None => format!("{id}.ics"),
    })
}

/// A file name under `dir` for record `k` of id `id` not `taken` yet: [`file_name`], else
/// `{fallback}-{k}.ics`, else `{fallback}-{k}-{n}.ics` for the first free `n`.
fn unique_name(
    taken: &mut std::collections::HashSet<String>,
    id: &str,
    fallback: &str,
    k: usize,
) -> String {
    let mut candidates = file_name(id)
        .into_iter()
        .chain(std::iter::once(format!("{fallback}-{k}.ics")))
        .chain((1..).map(|n| format!("{fallback}-{k}-{n}.ics")));
    loop {
        let name = candidates.next().unwrap_or_default();
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

pub fn run(args: &Args) -> Result<Output, String> {
    args.only(&["out", "base-url", "now", "lang", "from", "to"])?;
    let out_dir = Path::new(args.value("out").ok_or("missing --out DIR")?);
    let feed_path = args.positional(0, "FEED")?;
    let now = super::calendar::now(args)?;
    let lang = args.lang()?;
    let (from, to) = calendar::ics::export_window(now);
    let (from, to) = (
        args.date("from")?.unwrap_or(from),
        args.date("to")?.unwrap_or(to),
    );
    // the base of every stable URL, ending in `/`
    let base = args.value("base-url").map(|b| match b.ends_with('/') {
        true => b.to_string(),
        false => format!("{b}/"),
    });
    let ds = match load(args, Part::Calendar)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let q = Query {
        out_dir,
        feed_path,
        base: base.as_deref(),
        from,
        to,
        lang,
        now,
    };
    match files(&ds, &q) {
        Ok(stdout) => Ok(Output {
            stdout,
            ..Output::default()
        }),
        // an I/O problem, or a base url the core rejects (arg.url): exit 2
        Err(e) => Ok(Output {
            stderr: format!("cogov publish: {e}\n"),
            code: 2,
            ..Output::default()
        }),
    }
}

struct Query<'a> {
    out_dir: &'a Path,
    feed_path: &'a str,
    base: Option<&'a str>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    lang: crate::text::Lang,
    now: chrono::NaiveDateTime,
}

/// Writes the files; what was written, one line each.
fn files(ds: &crate::dataset::Dataset, q: &Query) -> Result<String, String> {
    let Query {
        out_dir,
        feed_path,
        base,
        from,
        to,
        lang,
        now,
    } = *q;
    let feed_bytes =
        std::fs::read(feed_path).map_err(|e| format!("cannot read {feed_path}: {e}"))?;
    std::fs::create_dir_all(out_dir.join("bodies"))
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    write(&out_dir.join("feed.json"), &feed_bytes)?;

    let publisher = ds.feed.publisher.name.get(lang).to_string();
    let mut targets: Vec<(String, Option<String>, String)> =
        vec![("calendar.ics".into(), None, publisher.clone())];
    let mut taken = std::collections::HashSet::new();
    let bodies = calendar::session_bodies(ds, lang);
    let bodies_left_out = bodies.len().saturating_sub(MAX_BODY_FILES);
    for (k, b) in bodies.into_iter().take(MAX_BODY_FILES).enumerate() {
        let name = unique_name(&mut taken, &b.id, "body", k);
        let title = format!("{publisher} – {}", b.name);
        targets.push((format!("bodies/{name}"), Some(b.id), title));
    }

    let mut calendars = Vec::with_capacity(targets.len());
    let mut report = String::new();
    let ics_query = IcsQuery {
        body: None,
        session: None,
        series: None,
        from,
        to,
        lang,
        dtstamp_utc: now,
        base_url: None,
    };
    let mut record = |entry: Entry, export: &calendar::Export| -> Result<(), String> {
        write(&out_dir.join(&entry.path), export.text.as_bytes())?;
        report.push_str(&format!(
            "{}: {} event(s){}\n",
            entry.path,
            export.events,
            if export.truncated { ", truncated" } else { "" }
        ));
        calendars.push(entry);
        Ok(())
    };
    let failed = |p: crate::problem::Problem| format!("{} ({})", p.message, p.code);
    for (path, body, name) in targets {
        let url = base.map(|b| format!("{b}{path}"));
        let q = IcsQuery {
            body: body.as_deref(),
            ..ics_query
        };
        let sub = Subscription {
            name: Some(&name),
            url: url.as_deref(),
            refresh_minutes: Some(REFRESH_MINUTES),
        };
        let export = calendar::calendar_ics_for(ds, &q, &sub).map_err(failed)?;
        let entry = Entry {
            path,
            url,
            body,
            series: None,
            name,
            events: export.events,
            truncated: export.truncated,
        };
        record(entry, &export)?;
    }

    // the series: one pass, each expanded once, within one query's work budget
    std::fs::create_dir_all(out_dir.join("series"))
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let pass = SeriesPass::new(ds);
    let mut taken = std::collections::HashSet::new();
    let (mut series_files, mut series_bytes, mut series_left_out) = (0usize, 0usize, 0usize);
    for (k, s) in ds.feed.series.iter().enumerate() {
        if series_files >= MAX_SERIES_FILES || series_bytes >= MAX_SERIES_BYTES || pass.exhausted()
        {
            series_left_out = ds.feed.series.len() - k;
            break;
        }
        let title = match &s.title {
            Some(t) => crate::view::text(t, lang),
            None => ds
                .body_index(&s.body)
                .map(|b| crate::view::text(&ds.feed.bodies[b].name, lang))
                .unwrap_or_default(),
        };
        let name = format!("{publisher} – {title}");
        // ids are distinct, so are their names: the name depends on the id alone
        let file = unique_name(&mut taken, &s.id, "series", k);
        let path = format!("series/{file}");
        let url = base.map(|b| format!("{b}{path}"));
        let sub = Subscription {
            name: Some(&name),
            url: url.as_deref(),
            refresh_minutes: Some(REFRESH_MINUTES),
        };
        let export = pass.export(k, &ics_query, &sub).map_err(failed)?;
        if export.events == 0 {
            if export.truncated {
                // the budget ran out before this series had any session: left out with the rest
                series_left_out = ds.feed.series.len() - k;
                break;
            }
            continue;
        }
        series_files += 1;
        series_bytes += export.text.len();
        let entry = Entry {
            path,
            url,
            body: None,
            series: Some(s.id.clone()),
            name,
            events: export.events,
            truncated: export.truncated,
        };
        record(entry, &export)?;
    }
    let truncated =
        bodies_left_out > 0 || series_left_out > 0 || calendars.iter().any(|c| c.truncated);
    let index = Index {
        generated: format!("{}Z", now.format("%Y-%m-%dT%H:%M:%S")),
        feed_updated: ds.feed.updated.map(|d| d.to_string()),
        feed: "feed.json",
        window: Window {
            from: from.to_string(),
            to: to.to_string(),
        },
        lang: match lang {
            crate::text::Lang::Ko => "ko",
            _ => "en",
        },
        refresh_minutes: REFRESH_MINUTES,
        base_url: base,
        calendars,
        bodies_left_out,
        series_left_out,
        truncated,
    };
    write(&out_dir.join("index.json"), super::json(&index).as_bytes())?;
    if bodies_left_out > 0 {
        report.push_str(&format!(
            "{bodies_left_out} more bodies have sessions: at most {MAX_BODY_FILES} get a file of their own\n"
        ));
    }
    if series_left_out > 0 {
        report.push_str(&format!(
            "{series_left_out} more series were left out: at most {MAX_SERIES_FILES} files, {} MiB or one query's work for the series\n",
            MAX_SERIES_BYTES >> 20
        ));
    }
    report.push_str("index.json\n");
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::{file_name, unique_name};

    #[test]
    fn file_names_cannot_leave_their_directory() {
        assert_eq!(file_name("ga-regular").as_deref(), Some("ga-regular.ics"));
        assert_eq!(file_name("a.b_c-1").as_deref(), Some("a.b_c-1.ics"));
        // a leading dot (a hidden file) is not an id, but stays a plain name if it came through
        assert_eq!(file_name(".a").as_deref(), Some("_a.ics"));
        let long = "a".repeat(65);
        for bad in [
            "", ".", "..", "../x", "a/b", "a\\b", "/etc", "A", "a b", "a\0", "%2e%2e", "한", &long,
        ] {
            assert_eq!(file_name(bad), None, "{bad:?}");
        }
        let mut taken = std::collections::HashSet::new();
        assert_eq!(unique_name(&mut taken, "a", "series", 0), "a.ics");
        assert_eq!(unique_name(&mut taken, "../a", "series", 1), "series-1.ics");
        // a later id equal to a fallback name, and a second unsafe one at the same index
        assert_eq!(
            unique_name(&mut taken, "series-1", "series", 2),
            "series-2.ics"
        );
        assert_eq!(unique_name(&mut taken, "/", "series", 1), "series-1-1.ics");
    }
}
