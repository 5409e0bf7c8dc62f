//! The sessions of a window, before their views are built: explicit sessions, then every
//! series expanded only as far as the list needs, overridden occurrences left out.

use super::expander::{first_day, is_overridden, last_day, Expander, Occ};
use crate::dataset::Dataset;
use crate::date::When;
use crate::text::Lang;
use chrono::{NaiveDate, NaiveDateTime};

/// The first of a series' occurrences `occs` (in a window, in order) that `s` numbers: its
/// index and start, from which the window's later occurrences are counted one by one.
pub(super) fn first_numbered(s: &crate::feed::Series, occs: &[Occ]) -> Option<(u32, When)> {
    let (_, nfrom) = s.numbering?;
    let p = occs
        .iter()
        .position(|o| nfrom.is_none_or(|f| f <= o.start.date()))?;
    Some((u32::try_from(p).ok()?, occs[p].start))
}

/// A `now` before every session: no session is `past`. For callers without a clock, or that do
/// not show past-ness (a Google Calendar link, proposal cards).
pub const NO_CLOCK: NaiveDateTime = NaiveDateTime::MIN;

/// Options of [`super::sessions`]. A window reaching outside the core's years
/// ([`crate::date::YEARS`], 1900–2200) is cut to them: no session can start before 1900, and
/// [`SessionList::horizon`](super::SessionList::horizon) says when series go on after 2200.
#[derive(Clone, Copy, Debug)]
pub struct SessionQuery<'a> {
    /// First day (inclusive).
    pub from: NaiveDate,
    /// Last day (inclusive).
    pub to: NaiveDate,
    /// Only this body's sessions.
    pub body: Option<&'a str>,
    /// Language of texts.
    pub lang: Lang,
    /// At most this many sessions (never more than [`HARD_CAP`](crate::recur::HARD_CAP)).
    pub cap: usize,
    /// The caller's clock on the Korean wall clock (the core never reads it): a session that
    /// ended before it with its status still `scheduled` is `past`
    /// ([`SessionView::past`](super::SessionView::past)). [`NO_CLOCK`]: none is.
    pub now: NaiveDateTime,
}

/// One session of a window, before its view is built.
#[derive(Clone, Copy, Debug)]
pub(super) enum Found {
    /// A generated occurrence of a series; `later`: not the series' first that day; `ordinal`:
    /// its index among the series' occurrences in the window (overridden ones included).
    Occ {
        series: u32,
        occ: Occ,
        later: bool,
        ordinal: u32,
    },
    /// An explicit session, by index.
    Explicit(u32),
}

/// The sessions of a window as (start key, start day, session), at most `cap` of them plus those starting
/// at the same instant as the last (the caller sorts them by id and cuts), from every series
/// and the explicit sessions, with `truncated` when more were left.
pub(super) struct Window {
    pub found: Vec<(u64, NaiveDate, Found)>,
    /// Per series, the ordinal and start of its first occurrence counted by numbering.
    pub numbered: Vec<Option<(u32, When)>>,
    pub truncated: bool,
}

/// Collects the window's sessions. Explicit sessions come first; every series is then expanded
/// only up to the start of the `cap`-th session found so far (the list is cut back to `cap`
/// whenever it holds twice as many), so the work is about `cap` + the series' periods inside
/// the window, and the query's budget bounds the rest.
pub(super) fn window(ds: &Dataset, ex: &Expander, q: &SessionQuery, cap: usize) -> Window {
    let feed = &ds.feed;
    // the core's years: nothing starts before 1900, and the engine stops at 2200
    let (from, to) = (q.from.max(first_day()), q.to.min(last_day()));
    // the `recurrence_id`s overriding each series' occurrences, indexed at load
    let overridden = &ds.rules().1.anchors.overrides;
    let wanted = |body: &str| q.body.is_none_or(|b| b == body);
    let key = |w: When| crate::sort::time_key(w.start());
    let mut w = Window {
        found: Vec::new(),
        numbered: vec![None; feed.series.len()],
        truncated: false,
    };
    let mut bound = to;
    for (k, s) in feed.sessions.iter().enumerate() {
        let day = s.start.date();
        if wanted(&s.body) && from <= day && day <= to {
            w.found.push((key(s.start), day, Found::Explicit(k as u32)));
        }
    }
    cut(&mut w, cap, &mut bound);
    for (i, s) in feed.series.iter().enumerate() {
        if !wanted(&s.body) || bound < from {
            continue;
        }
        if ex.budget_exhausted() {
            w.truncated = true;
            break;
        }
        let (occs, truncated) = ex.occurrences(i, from, bound, cap);
        w.truncated |= truncated;
        if s.numbering.is_some() {
            w.numbered[i] = first_numbered(s, &occs);
        }
        let overrides = &overridden[i][..];
        w.found.reserve(occs.len());
        let mut previous_day = None;
        for (k, o) in occs.into_iter().enumerate() {
            // windows are whole days, so an earlier occurrence that day is in `occs` too
            let later = previous_day == Some(o.start.date());
            previous_day = Some(o.start.date());
            if overrides.is_empty() || !is_overridden(overrides, o.start) {
                let f = Found::Occ {
                    series: i as u32,
                    occ: o,
                    later,
                    ordinal: k as u32,
                };
                w.found.push((key(o.start), o.start.date(), f));
            }
        }
        if w.found.len() >= 2 * cap.max(1) {
            cut(&mut w, cap, &mut bound);
        }
    }
    cut(&mut w, cap, &mut bound);
    w
}

/// Sorts the sessions found by start and keeps the first `cap` (and those starting with the
/// last of them); `bound` becomes the last day worth expanding.
pub(super) fn cut(w: &mut Window, cap: usize, bound: &mut NaiveDate) {
    crate::sort::by_key_copied(&mut w.found, |f| f.0);
    if w.found.len() <= cap {
        return;
    }
    w.truncated = true;
    let Some(&(last, day, _)) = cap.checked_sub(1).and_then(|c| w.found.get(c)) else {
        w.found.clear();
        *bound = NaiveDate::MIN;
        return;
    };
    let keep = w.found.partition_point(|f| f.0 <= last);
    w.found.truncate(keep);
    *bound = (*bound).min(day);
}
