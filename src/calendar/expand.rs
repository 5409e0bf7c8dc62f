//! Sessions in a window: series rules expanded within their effective periods, relative rules
//! from the other series' occurrences, overrides applied, merged with explicit sessions,
//! numbered and sorted. Every step is bounded by a cap (at most [`HARD_CAP`]). The engine is
//! [`super::expander`], the windows [`super::window`], the views [`super::views`].
//!
//! Occurrence ids are `"{series}@{YYYY-MM-DD}"`. A relative rule follows the other series'
//! *generated* occurrences (before overrides), so its own occurrences keep stable ids when the
//! other series' sessions move.

#[cfg(not(target_arch = "wasm32"))]
use super::expander::is_overridden;
use super::expander::{add_days, last_day, same_occurrence, Expander};
use super::views::{explicit, generated, text_bytes};
pub use super::views::{ordinal, AgendaView, DocumentView, LocationView, SessionList, SessionView};
use super::window::{window, Found};
pub use super::window::{SessionQuery, NO_CLOCK};
use crate::codes::Code;
use crate::dataset::{Dataset, Ref};
use crate::date::When;
use crate::problem::Problem;
use crate::recur::HARD_CAP;
use crate::text::Lang;
use crate::view::Named;
use chrono::{NaiveDate, NaiveDateTime};

/// The expander of one query over the dataset's rules (compiled once, at load).
pub(crate) fn expander(ds: &Dataset) -> Expander<'_> {
    let (compiled, links) = ds.rules();
    Expander::with(&ds.feed, compiled, links)
}

fn body_of<'a>(ds: &'a Dataset, id: &str) -> Option<&'a crate::feed::Body> {
    ds.body_index(id).map(|i| &ds.feed.bodies[i])
}

/// A list of sessions stops once its texts pass this many bytes (a series' long title is
/// repeated in each of its occurrences).
pub const MAX_LIST_BYTES: usize = 8 << 20;

/// Sessions whose start day is in `from..=to` (cut to the core's years, 1900–2200), sorted by
/// start, at most `q.cap` over every series and explicit session, and about [`MAX_LIST_BYTES`]
/// of text (`truncated` when more were left or the query's budget ran out); each `past` as of
/// `q.now`.
///
/// ```
/// use cogov::calendar::{sessions, SessionQuery};
/// let feed = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
///   "bodies": [{"id": "b", "kind": "forum", "name": "B"}],
///   "series": [{"id": "s", "body": "b", "title": "Forum", "numbering": {"first": 1},
///     "rules": [{"dtstart": "2200-12-28T10:00", "rrule": "FREQ=WEEKLY"}]}]}"#;
/// let ds = cogov::dataset::load(feed).dataset.unwrap();
/// let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
/// let q = SessionQuery { from: day("2200-12-25"), to: day("2201-01-07"), body: None,
///   lang: cogov::text::Lang::En, cap: 100,
///   now: cogov::date::parse_local("2200-12-28T11:00").unwrap() };
/// let list = sessions(&ds, &q).unwrap();
/// // the window is cut at 2200-12-31, and says the series goes on after it
/// assert_eq!((list.sessions.len(), list.horizon), (1, true));
/// let s = &list.sessions[0];
/// assert_eq!((s.heading.as_str(), s.status, s.past), ("1st Forum", "scheduled", true));
/// ```
///
/// An unknown `body` is an error (`arg.body`).
pub fn sessions(ds: &Dataset, q: &SessionQuery) -> Result<SessionList, Problem> {
    known_body(ds, q.body)?;
    let cap = q.cap.min(HARD_CAP);
    let ex = expander(ds);
    let w = window(ds, &ex, q, cap);
    let mut list = SessionList {
        sessions: Vec::with_capacity(w.found.len()),
        truncated: w.truncated,
        horizon: false,
    };
    let mut bytes = 0usize;
    for &(_, _, f) in &w.found {
        if bytes > MAX_LIST_BYTES {
            list.truncated = true;
            break;
        }
        list.sessions.push(match f {
            Found::Explicit(k) => explicit(ds, &ex, k as usize, q.lang, q.now),
            Found::Occ {
                series,
                occ,
                later,
                ordinal,
            } => {
                let i = series as usize;
                let number = number_at(&ex, i, w.numbered[i], ordinal);
                generated(ds, i, occ, later, number, q.lang, q.now)
            }
        });
        bytes += list.sessions.last().map_or(0, text_bytes);
    }
    finish(&mut list, cap, &ex);
    if q.to >= last_day() && !list.truncated {
        let endless = ex.endless();
        // a window past 2200 (cut there): any endless series of the query might have had
        // sessions in it; one ending on 2200-12-31: an endless series shown
        list.horizon = if q.to > last_day() {
            let wanted = |s: &crate::feed::Series| q.body.is_none_or(|b| b == s.body);
            ds.feed
                .series
                .iter()
                .zip(&endless)
                .any(|(s, &e)| e && wanted(s))
        } else {
            w.found.iter().any(|f| {
                matches!(f.2, Found::Occ { series, .. } if endless.get(series as usize) == Some(&true))
            })
        };
    }
    Ok(list)
}

/// Per series, the explicit sessions that name it (`series`, with or without a `recurrence_id`:
/// its overrides, moves and cancellations), in feed order; one pass over the sessions. Native
/// only, as [`series_window`].
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn series_records(ds: &Dataset) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); ds.feed.series.len()];
    for (k, s) in ds.feed.sessions.iter().enumerate() {
        if let Some(Ref::Series(i)) = s.series.as_deref().and_then(|id| ds.lookup(id)) {
            out[i].push(k as u32);
        }
    }
    out
}

/// The sessions of series `i` whose start day is in `from..=to`: its generated occurrences
/// (overridden ones left out, numbered as [`sessions`] numbers them) and the explicit sessions
/// `records` that name it (its overrides, moved or cancelled), sorted by start, at most
/// [`HARD_CAP`] and about [`MAX_LIST_BYTES`] of text, `truncated` when more were left or `ex`'s
/// budget ran out. A relative series is a series of its own: its occurrences, not its anchor's.
/// The work is the series' expansion (with its anchors) plus `records`. Native only (the wasm
/// has no calendar of one series: [`super::ics::IcsQuery::series`]).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn series_window(
    ds: &Dataset,
    ex: &Expander,
    i: usize,
    records: &[u32],
    (from, to): (NaiveDate, NaiveDate),
    lang: Lang,
) -> SessionList {
    let s = &ds.feed.series[i];
    let overridden = ds.rules().1.anchors.overrides.get(i);
    let (occs, truncated) = ex.occurrences(i, from, to, HARD_CAP);
    let mut list = SessionList {
        sessions: Vec::new(),
        truncated,
        horizon: false,
    };
    let mut bytes = 0usize;
    for &k in records {
        let day = ds.feed.sessions[k as usize].start.date();
        if from <= day && day <= to {
            if bytes > MAX_LIST_BYTES {
                list.truncated = true;
                break;
            }
            list.sessions
                .push(explicit(ds, ex, k as usize, lang, NO_CLOCK));
            bytes += list.sessions.last().map_or(0, text_bytes);
        }
    }
    let numbered = super::window::first_numbered(s, &occs);
    let mut previous_day = None;
    for (k, &o) in occs.iter().enumerate() {
        // windows are whole days, so an earlier occurrence that day is in `occs` too
        let later = previous_day == Some(o.start.date());
        previous_day = Some(o.start.date());
        if overridden.is_some_and(|list| is_overridden(list, o.start)) {
            continue;
        }
        if bytes > MAX_LIST_BYTES {
            list.truncated = true;
            break;
        }
        let number = number_at(ex, i, numbered, u32::try_from(k).unwrap_or(u32::MAX));
        list.sessions
            .push(generated(ds, i, o, later, number, lang, NO_CLOCK));
        bytes += list.sessions.last().map_or(0, text_bytes);
    }
    finish(&mut list, HARD_CAP, ex);
    list
}

/// An unknown body id is an error (`arg.body`).
pub(super) fn known_body(ds: &Dataset, body: Option<&str>) -> Result<(), Problem> {
    match body {
        Some(b) if body_of(ds, b).is_none() => Err(Problem::error(
            "",
            Code::ArgBody,
            format!("{} is not the id of any body", crate::text::quote(b)),
        )),
        _ => Ok(()),
    }
}

/// The number (제N차) of series `i`'s occurrence at index `k` among its occurrences in a
/// window: the first numbered one (`first`, [`super::window::first_numbered`]) is counted, the others follow it
/// one by one.
fn number_at(ex: &Expander, i: usize, first: Option<(u32, When)>, k: u32) -> Option<u32> {
    let (p, start) = first?;
    ex.number_of(i, start)?.checked_add(k.checked_sub(p)?)
}

/// Sorts `list` by start (then id), keeps at most `cap`, and marks it `truncated` when it was
/// cut or `ex`'s budget ran out.
fn finish(list: &mut SessionList, cap: usize, ex: &Expander) {
    crate::sort::by(&mut list.sessions, |a, b| {
        (a.start_when.start(), &a.id).cmp(&(b.start_when.start(), &b.id))
    });
    if list.sessions.len() > cap {
        list.sessions.truncate(cap);
        list.truncated = true;
    }
    list.truncated |= ex.budget_exhausted();
}

/// The starts of the sessions [`sessions`] lists for `q` (cancelled ones included), sorted, as
/// seconds since 1970-01-01T00:00 on the Korean wall clock, without building their views: for
/// busy-day maps, counts and year overviews, where 17-field views per session would be most of
/// the cost. At most `q.cap` starts over every series (`true` when more were left or the
/// query's budget ran out).
///
/// ```
/// use cogov::calendar::{session_starts, SessionQuery};
/// let feed = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
///   "bodies": [{"id": "b", "kind": "forum", "name": "B"}],
///   "series": [{"id": "s", "body": "b", "title": "T",
///     "rules": [{"dtstart": "2026-01-05T10:00", "rrule": "FREQ=WEEKLY;COUNT=3"}]}]}"#;
/// let ds = cogov::dataset::load(feed).dataset.unwrap();
/// let day = |s| cogov::date::parse_date(s).unwrap();
/// let q = SessionQuery { from: day("2026-01-01"), to: day("2026-01-31"), body: None,
///   lang: cogov::text::Lang::Ko, cap: 100, now: cogov::calendar::NO_CLOCK };
/// let (starts, cut) = session_starts(&ds, &q).unwrap();
/// assert_eq!((starts.len(), cut), (3, false));
/// let third = chrono::DateTime::from_timestamp(starts[2], 0).unwrap().naive_utc();
/// assert_eq!(cogov::date::iso_local(third), "2026-01-19T10:00");
/// ```
pub fn session_starts(ds: &Dataset, q: &SessionQuery) -> Result<(Vec<i64>, bool), Problem> {
    known_body(ds, q.body)?;
    let cap = q.cap.min(HARD_CAP);
    let ex = expander(ds);
    let w = window(ds, &ex, q, cap);
    // each session's start is its sort key already (`sort::time_key`): no date arithmetic
    let mut out: Vec<i64> = w
        .found
        .iter()
        .map(|&(key, _, _)| crate::sort::key_seconds(key))
        .collect();
    let truncated = w.truncated || out.len() > cap || ex.budget_exhausted();
    out.truncate(cap);
    Ok((out, truncated))
}

/// The next `n` sessions starting on or after the day `from`, sorted by start, each `past` as of
/// `now` (the caller's clock, Korean wall clock; [`NO_CLOCK`]: none); `truncated` says more
/// follow.
pub fn next_sessions(
    ds: &Dataset,
    from: NaiveDate,
    n: usize,
    body: Option<&str>,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<SessionList, Problem> {
    let n = n.min(HARD_CAP);
    let mut list = ahead(ds, from, now, body, lang, &|l| l.sessions.len() > n)?;
    if list.sessions.len() > n {
        list.sessions.truncate(n);
        list.truncated = true;
    }
    Ok(list)
}

/// The first session starting on `now`'s day or later that is neither cancelled nor `past` at
/// `now` (the caller's clock, Korean wall clock), however many such come first: what a calendar
/// marks as "the next session". At midnight (a day's `T00:00`) nothing of that day is past yet.
pub fn next_session(
    ds: &Dataset,
    now: NaiveDateTime,
    body: Option<&str>,
    lang: Lang,
) -> Result<Option<SessionView>, Problem> {
    let held = |s: &SessionView| s.status != "cancelled" && !s.past;
    let list = ahead(ds, now.date(), now, body, lang, &|l| {
        l.sessions.iter().any(held)
    })?;
    Ok(list.sessions.into_iter().find(held))
}

/// The sessions from the day `from` in windows growing 1, 4, 16... years until `enough` holds
/// for the list or the calendar's range is exhausted.
fn ahead(
    ds: &Dataset,
    from: NaiveDate,
    now: NaiveDateTime,
    body: Option<&str>,
    lang: Lang,
    enough: &dyn Fn(&SessionList) -> bool,
) -> Result<SessionList, Problem> {
    let mut years = 1;
    loop {
        let to = add_days(from, 366 * years).min(last_day());
        let q = SessionQuery {
            from,
            to,
            body,
            lang,
            cap: HARD_CAP,
            now,
        };
        let list = sessions(ds, &q)?;
        if enough(&list) || to >= last_day() || years >= 256 {
            return Ok(list);
        }
        years *= 4;
    }
}

/// The session with this id: an explicit session, or a generated occurrence
/// `"{series}@{YYYY-MM-DD}"` (the first that day) or `"{series}@{YYYY-MM-DDTHH:MM}"` (a later one
/// the same day); an overridden occurrence gives its override. `past` as of `now` (the caller's
/// clock, Korean wall clock; [`NO_CLOCK`]: not past).
pub fn find_session(ds: &Dataset, id: &str, lang: Lang, now: NaiveDateTime) -> Option<SessionView> {
    let ex = expander(ds);
    if let Some(Ref::Session(k)) = ds.lookup(id) {
        return Some(explicit(ds, &ex, k, lang, now));
    }
    let (series, when) = crate::text::split_once(id, b'@')?;
    let Some(Ref::Series(i)) = ds.lookup(series) else {
        return None;
    };
    let at = match when.len() {
        10 => None,
        _ => Some(crate::date::parse_local(when).ok()?),
    };
    let day = match at {
        Some(t) => t.date(),
        None => crate::date::parse_date(when).ok()?,
    };
    let (occs, _) = ex.occurrences(i, day, day, HARD_CAP);
    // the short form names the first occurrence that day; the long one a later one, exactly
    let k = match at {
        None => 0,
        Some(t) => occs
            .iter()
            .position(|o| o.start == When::At(t))
            .filter(|&k| k > 0)?,
    };
    let o = *occs.get(k)?;
    if let Some(k) = ds.feed.sessions.iter().position(|s| {
        s.series.as_deref() == Some(series)
            && s.recurrence_id.is_some_and(|r| same_occurrence(o.start, r))
    }) {
        return Some(explicit(ds, &ex, k, lang, now));
    }
    let number = ex.number_of(i, o.start);
    Some(generated(ds, i, o, k > 0, number, lang, now))
}

/// The bodies that have sessions (an explicit session or a series), in feed order, named in
/// `lang`: the choices of a body filter.
///
/// ```
/// let text = r#"{"cogov": 1, "publisher": {"id": "p", "name": "P"},
///   "sources": [{"id": "s", "title": "S"}],
///   "bodies": [{"id": "a", "kind": "forum", "name": "A", "sources": ["s"]},
///              {"id": "b", "kind": "forum", "name": "B", "sources": ["s"]}],
///   "sessions": [{"id": "b-1", "body": "b", "start": "2026-01-02", "sources": ["s"]}]}"#;
/// let ds = cogov::dataset::load(text).dataset.unwrap();
/// let bodies = cogov::calendar::session_bodies(&ds, cogov::text::Lang::En);
/// assert_eq!(bodies.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(), ["b"]);
/// ```
pub fn session_bodies(ds: &Dataset, lang: Lang) -> Vec<Named> {
    let feed = &ds.feed;
    // one pass over series and sessions, marking bodies through the id index
    let mut has = vec![false; feed.bodies.len()];
    let bodies = feed.series.iter().map(|s| &s.body);
    for id in bodies.chain(feed.sessions.iter().map(|s| &s.body)) {
        if let Some(i) = ds.body_index(id) {
            has[i] = true;
        }
    }
    feed.bodies
        .iter()
        .zip(has)
        .filter(|(_, has)| *has)
        .map(|(b, _)| Named {
            id: b.id.clone(),
            name: crate::view::text(&b.name, lang),
        })
        .collect()
}
