//! `cogov holidays [FEED] --year YYYY [--json]`: the public holidays of a year, computed, and
//! with a FEED merged with its `holidays` list.

use super::{json, load, Args, Output};
use crate::dataset::Part;
use crate::holidays::{self, FIRST_YEAR, LAST_YEAR};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Name<'a> {
    ko: &'a str,
    en: &'a str,
}

/// One line of the JSON output.
#[derive(Serialize)]
struct Row<'a> {
    date: String,
    name: Name<'a>,
    kind: &'static str,
}

pub fn run(args: &Args) -> Result<Output, String> {
    args.only(&["json", "year"])?;
    let year = args.value("year").ok_or("missing --year")?;
    let year: i32 = match year.parse() {
        Ok(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => y,
        _ => {
            return Err(format!(
                "--year: {year:?} is not a year from {FIRST_YEAR} to {LAST_YEAR} (the years whose holidays are computed)"
            ))
        }
    };
    let ds = if args.positional(0, "FEED").is_ok() {
        match load(args, Part::Calendar)? {
            Ok(ds) => Some(ds),
            Err(out) => return Ok(out),
        }
    } else {
        None
    };
    let feed = ds.as_ref().map_or(&[][..], |ds| &ds.feed.holidays[..]);
    let (from, to) = (
        NaiveDate::from_ymd_opt(year, 1, 1).ok_or("bad year")?,
        NaiveDate::from_ymd_opt(year, 12, 31).ok_or("bad year")?,
    );
    let days = both(feed, from, to);
    if args.flag("json") {
        let rows: Vec<Row> = days
            .iter()
            .map(|(ko, en)| Row {
                date: ko.date.clone(),
                name: Name {
                    ko: &ko.name,
                    en: &en.name,
                },
                kind: ko.kind,
            })
            .collect();
        return Ok(Output {
            stdout: json(&rows),
            ..Output::default()
        });
    }
    let mut out = String::new();
    for (ko, en) in &days {
        out.push_str(&format!(
            "{} {}  {} ({})\n",
            ko.date, ko.kind, ko.name, en.name
        ));
    }
    Ok(Output {
        stdout: out,
        ..Output::default()
    })
}

/// The holidays of `from..=to` in both languages, pairwise (the two lists are in the same order).
fn both(
    feed: &[crate::feed::HolidayRecord],
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<(holidays::HolidayView, holidays::HolidayView)> {
    let ko = holidays::list(feed, from, to, crate::text::Lang::Ko).holidays;
    let en = holidays::list(feed, from, to, crate::text::Lang::En).holidays;
    ko.into_iter().zip(en).collect()
}

/// The warnings of `cogov validate` about sessions on public holidays (`session.holiday`): each
/// explicit session and each series occurrence from 1990 to 2050 not cancelled, at most
/// [`WARN_CAP`] of them and then one that says how many more.
pub fn session_warnings(ds: &crate::dataset::Dataset) -> Vec<crate::problem::Problem> {
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1),
        NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31),
    ) else {
        return Vec::new();
    };
    let days = both(&ds.feed.holidays, from, to);
    let q = crate::calendar::SessionQuery {
        from,
        to,
        body: None,
        lang: crate::text::Lang::Ko,
        cap: crate::recur::HARD_CAP,
        now: crate::calendar::NO_CLOCK,
    };
    let Ok(list) = crate::calendar::sessions(ds, &q) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut more = 0usize;
    for s in &list.sessions {
        if s.status == "cancelled" {
            continue;
        }
        let Some(day) = s
            .start
            .get(..10)
            .and_then(|d| crate::date::parse_date(d).ok())
        else {
            continue;
        };
        // days are in date order
        let at = days.partition_point(|(h, _)| h.day() < day);
        let names: Vec<String> = days[at..]
            .iter()
            .take_while(|(h, _)| h.day() == day)
            .map(|(ko, en)| format!("{} ({})", ko.name, en.name))
            .collect();
        if names.is_empty() {
            continue;
        }
        if out.len() == WARN_CAP {
            more += 1;
            continue;
        }
        let path = match ds.lookup(&s.id) {
            Some(crate::dataset::Ref::Session(k)) => format!("sessions[{k}].start"),
            _ => match s.series.as_deref().and_then(|id| ds.lookup(id)) {
                Some(crate::dataset::Ref::Series(i)) => format!("series[{i}].rules"),
                _ => String::new(),
            },
        };
        out.push(crate::problem::Problem::warning(
            path,
            crate::codes::Code::SessionHoliday,
            format!(
                "session {} on {} falls on a public holiday: {}",
                s.id,
                s.start,
                names.join(", ")
            ),
        ));
    }
    if more > 0 || list.truncated {
        out.push(crate::problem::Problem::warning(
            "",
            crate::codes::Code::SessionHoliday,
            format!(
                "{more} more session(s) on public holidays not listed{}",
                if list.truncated {
                    "; the sessions checked were cut at the query's limits"
                } else {
                    ""
                }
            ),
        ));
    }
    out
}

/// At most this many `session.holiday` warnings.
pub const WARN_CAP: usize = 100;
