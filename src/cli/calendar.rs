//! `cogov sessions`, `cogov ics` and `cogov expand`.

use super::{json, load, Args, Output};
use crate::calendar::{self, IcsQuery, SessionQuery};
use crate::dataset::Part;
use crate::recur::{self, ExDate, RuleSet, ValidRule, HARD_CAP, MAX_YEAR};
use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

/// One line of `cogov sessions`.
#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    body: &'a str,
    start: &'a str,
    end: Option<&'a str>,
    status: &'a str,
    past: bool,
    number: Option<u32>,
    heading: &'a str,
}

/// A bound of the window: any year (the core cuts the window to 1900–2200).
fn required_date(args: &Args, key: &str) -> Result<NaiveDate, String> {
    let s = args.value(key).ok_or(format!("missing --{key}"))?;
    crate::date::parse_window_date(s).map_err(|m| format!("--{key}: {m}"))
}

/// `--now` of `cogov sessions`: the Korean wall clock (`2026-07-14T15:00`, or a date for its
/// midnight; with `Z`, a UTC time), else the system clock read in Korea.
fn local_now(args: &Args) -> Result<NaiveDateTime, String> {
    let Some(s) = args.value("now") else {
        let utc = super::clock_utc()?;
        return crate::kst::from_utc(utc)
            .ok_or_else(|| "the system clock is out of range".to_string());
    };
    let t = match s.strip_suffix('Z') {
        Some(u) => crate::date::parse_local(u).map(crate::kst::from_utc),
        None => crate::date::parse_when(s).map(|w| Some(w.start())),
    };
    t.map_err(|m| format!("--now: {m}"))?
        .ok_or_else(|| format!("--now: {s} is out of range"))
}

fn problem(p: crate::problem::Problem) -> String {
    p.message
}

pub fn sessions(args: &Args) -> Result<Output, String> {
    args.only(&["json", "lang", "from", "to", "body", "now"])?;
    let q = SessionQuery {
        from: required_date(args, "from")?,
        to: required_date(args, "to")?,
        body: args.value("body"),
        lang: args.lang()?,
        cap: HARD_CAP,
        now: local_now(args)?,
    };
    let ds = match load(args, Part::Calendar)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let list = calendar::sessions(&ds, &q).map_err(problem)?;
    let mut stderr = if list.truncated {
        format!(
            "cogov: the list is cut (at most {HARD_CAP} sessions, about 8 MB of text and {} steps of work per query)\n",
            recur::QUERY_STEPS
        )
    } else {
        String::new()
    };
    if list.horizon {
        stderr.push_str(&format!(
            "cogov: sessions after {MAX_YEAR} are not listed: the window is cut at {MAX_YEAR}-12-31, the engine's horizon, and a series goes on\n"
        ));
    }
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&list.sessions),
            stderr,
            ..Output::default()
        });
    }
    let mut out = String::new();
    for s in &list.sessions {
        let row = Row {
            id: &s.id,
            body: &s.body,
            start: &s.start,
            end: s.end.as_deref(),
            status: s.status,
            past: s.past,
            number: s.number,
            heading: &s.heading,
        };
        out.push_str(&serde_json::to_string(&row).map_err(|e| e.to_string())?);
        out.push('\n');
    }
    Ok(Output {
        stdout: out,
        stderr,
        ..Output::default()
    })
}

/// `--now` (UTC, `2026-01-01T00:00:00Z`, `...T00:00` or a date), else the system clock.
pub(super) fn now(args: &Args) -> Result<NaiveDateTime, String> {
    if let Some(s) = args.value("now") {
        let s = s.strip_suffix('Z').unwrap_or(s);
        return crate::date::parse_when(s)
            .map(|w| w.start())
            .map_err(|m| format!("--now: {m}"));
    }
    super::clock_utc()
}

pub fn ics(args: &Args) -> Result<Output, String> {
    args.only(&[
        "lang", "from", "to", "body", "session", "series", "now", "url",
    ])?;
    let now = now(args)?;
    let (from, to) = calendar::ics::export_window(now);
    let q = IcsQuery {
        body: args.value("body"),
        session: args.value("session"),
        series: args.value("series"),
        from: args.date("from")?.unwrap_or(from),
        to: args.date("to")?.unwrap_or(to),
        lang: args.lang()?,
        dtstamp_utc: now,
        base_url: args.value("url"),
    };
    let ds = match load(args, Part::Calendar)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    Ok(Output {
        stdout: calendar::calendar_ics(&ds, &q).map_err(problem)?,
        ..Output::default()
    })
}

fn local(s: &str) -> Result<NaiveDateTime, String> {
    crate::date::parse_when(s)
        .map(|w| w.start())
        .or_else(|_| recur::parse_local(s).map_err(|e| e.message))
}

pub fn expand(args: &Args) -> Result<Output, String> {
    args.only(&["dtstart", "rrule", "exdate", "rdate", "limit"])?;
    let dtstart = local(args.value("dtstart").ok_or("missing --dtstart")?)
        .map_err(|m| format!("--dtstart: {m}"))?;
    let rrule = args.value("rrule").ok_or("missing --rrule")?;
    let limit = match args.value("limit") {
        Some(n) => n
            .parse::<usize>()
            .map_err(|_| format!("--limit must be a number, not {n:?}"))?,
        None => 100,
    };
    let fail = |e: recur::RecurError| Output {
        stderr: format!("cogov: {} [{}]\n", e.message, e.code),
        code: 1,
        ..Output::default()
    };
    let rule = match ValidRule::parse(rrule.strip_prefix("RRULE:").unwrap_or(rrule), dtstart) {
        Ok(r) => r,
        Err(e) => return Ok(fail(e)),
    };
    let mut exdates = Vec::new();
    for item in args.value("exdate").unwrap_or("").split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        match crate::date::parse_when(item) {
            Ok(crate::date::When::Date(d)) => exdates.push(ExDate::Day(d)),
            Ok(crate::date::When::At(t)) => exdates.push(ExDate::At(t)),
            Err(_) => match ExDate::parse_list(item) {
                Ok(list) => exdates.extend(list),
                Err(e) => return Ok(fail(e)),
            },
        }
    }
    let mut rdates = Vec::new();
    for item in args.value("rdate").unwrap_or("").split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        // a date-only RDATE is that date at DTSTART's time, as in RuleSet::parse
        match crate::date::parse_when(item) {
            Ok(crate::date::When::Date(d)) => rdates.push(d.and_time(dtstart.time())),
            Ok(crate::date::When::At(t)) => rdates.push(t),
            Err(_) => match RuleSet::parse(dtstart, "FREQ=DAILY;COUNT=1", &format!("RDATE:{item}"))
            {
                Ok(set) => rdates.extend_from_slice(set.rdates()),
                Err(e) => return Ok(fail(e)),
            },
        }
    }
    let e = RuleSet::new(rule, exdates).with_rdates(rdates).first(limit);
    let mut out = String::new();
    for dt in e.occurrences {
        out.push_str(&recur::format_local(dt));
        out.push('\n');
    }
    Ok(Output {
        stdout: out,
        stderr: if e.truncated {
            format!(
                "cogov: more occurrences follow (--limit {})\n",
                limit.min(HARD_CAP)
            )
        } else if e.horizon {
            format!(
                "cogov: the rule continues past {MAX_YEAR}: occurrences were cut at {MAX_YEAR}-12-31, the engine's horizon\n"
            )
        } else {
            String::new()
        },
        ..Output::default()
    })
}
