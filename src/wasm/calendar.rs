//! Calendar methods of [`Feed`].

use super::{day, error, lang, problem_error, to_js, Feed};
use crate::calendar::{self, IcsQuery, SessionQuery};
use crate::dataset::Part;
use crate::recur::HARD_CAP;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use wasm_bindgen::prelude::*;

fn required(arg: &str, what: &str) -> Result<NaiveDate, JsValue> {
    day(Some(arg.to_string()), what)?.ok_or_else(|| error("arg.date", what, "a date is required"))
}

fn body(arg: Option<String>) -> Option<String> {
    arg.filter(|s| !s.is_empty())
}

/// `2026-01-01T00:00:00Z`, `2026-01-01T00:00` or `2026-01-01`, read as UTC.
fn utc(arg: &str) -> Result<NaiveDateTime, JsValue> {
    let s = arg.strip_suffix('Z').unwrap_or(arg);
    if s.len() == 10 {
        crate::date::parse_date(s).map(|d| d.and_time(NaiveTime::MIN))
    } else {
        crate::date::parse_local(s)
    }
    .map_err(|m| error("arg.date", "dtstampUtc", &m))
}

#[wasm_bindgen]
impl Feed {
    /// Sessions whose start day is in `from..=to` (YYYY-MM-DD): `{sessions: [...], truncated}`.
    pub fn sessions(
        &self,
        from: &str,
        to: &str,
        body_id: Option<String>,
        lang_tag: &str,
    ) -> Result<JsValue, JsValue> {
        let body_id = body(body_id);
        let q = SessionQuery {
            from: required(from, "from")?,
            to: required(to, "to")?,
            body: body_id.as_deref(),
            lang: lang(lang_tag),
            cap: HARD_CAP,
        };
        to_js(&calendar::sessions(self.part(Part::Calendar)?, &q).map_err(|p| problem_error(&p))?)
    }

    /// The starts of the sessions `sessions(from, to, bodyId)` lists, without their views: a
    /// `Float64Array` of milliseconds, sorted, KST wall-clock times counted as if UTC
    /// (`new Date(ms).getUTCHours()` is the Korean hour). For busy-day maps and counts.
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = sessionStarts)]
    pub fn session_starts(
        &self,
        from: &str,
        to: &str,
        body_id: Option<String>,
    ) -> Result<js_sys::Float64Array, JsValue> {
        let body_id = body(body_id);
        let q = SessionQuery {
            from: required(from, "from")?,
            to: required(to, "to")?,
            body: body_id.as_deref(),
            lang: crate::text::Lang::Ko,
            cap: HARD_CAP,
        };
        let (starts, _) = calendar::session_starts(self.part(Part::Calendar)?, &q)
            .map_err(|p| problem_error(&p))?;
        let ms: Vec<f64> = starts.iter().map(|&s| s as f64 * 1000.0).collect();
        Ok(js_sys::Float64Array::from(&ms[..]))
    }

    /// The next `n` sessions on or after `today` (YYYY-MM-DD): `{sessions: [...], truncated}`.
    #[wasm_bindgen(js_name = nextSessions)]
    pub fn next_sessions(
        &self,
        today: &str,
        n: u32,
        body_id: Option<String>,
        lang_tag: &str,
    ) -> Result<JsValue, JsValue> {
        let body_id = body(body_id);
        let list = calendar::next_sessions(
            self.part(Part::Calendar)?,
            required(today, "today")?,
            n as usize,
            body_id.as_deref(),
            lang(lang_tag),
        )
        .map_err(|p| problem_error(&p))?;
        to_js(&list)
    }

    /// The first session on or after `today` that is not cancelled, or `null`.
    #[wasm_bindgen(js_name = nextSession)]
    pub fn next_session(
        &self,
        today: &str,
        body_id: Option<String>,
        lang_tag: &str,
    ) -> Result<JsValue, JsValue> {
        let body_id = body(body_id);
        let next = calendar::next_session(
            self.part(Part::Calendar)?,
            required(today, "today")?,
            body_id.as_deref(),
            lang(lang_tag),
        )
        .map_err(|p| problem_error(&p))?;
        to_js(&next)
    }

    /// An iCalendar document of one session, or of a body's (or every) session from a year
    /// before to two years after `dtstamp_utc`; events link to `baseUrl#id`. Texts in `lang`
    /// (default Korean).
    pub fn ics(
        &self,
        body_id: Option<String>,
        session: Option<String>,
        dtstamp_utc: &str,
        base_url: Option<String>,
        lang_tag: Option<String>,
    ) -> Result<String, JsValue> {
        let now = utc(dtstamp_utc)?;
        let today = (now + TimeDelta::hours(9)).date();
        let body_id = body(body_id);
        let session = body(session);
        let base_url = body(base_url);
        let q = IcsQuery {
            body: body_id.as_deref(),
            session: session.as_deref(),
            from: today - TimeDelta::days(366),
            to: today + TimeDelta::days(2 * 366),
            lang: lang_tag.as_deref().map_or(crate::text::Lang::Ko, lang),
            dtstamp_utc: now,
            base_url: base_url.as_deref(),
        };
        calendar::calendar_ics(self.part(Part::Calendar)?, &q).map_err(|p| problem_error(&p))
    }

    /// A Google Calendar "add event" link for one session; its text links to `baseUrl#id`.
    #[wasm_bindgen(js_name = googleLink)]
    pub fn google_link(
        &self,
        session_id: &str,
        lang_tag: &str,
        base_url: Option<String>,
    ) -> Result<String, JsValue> {
        let base_url = body(base_url);
        calendar::google_link(
            self.part(Part::Calendar)?,
            session_id,
            lang(lang_tag),
            base_url.as_deref(),
        )
        .map_err(|p| problem_error(&p))
    }

    /// One session by id (explicit, or `series@YYYY-MM-DD`), or `null`.
    pub fn session(&self, id: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&calendar::find_session(
            self.part(Part::Calendar)?,
            id,
            lang(lang_tag),
        ))
    }

    /// The bodies that have sessions or series, `[{id, name}]` in feed order.
    #[wasm_bindgen(js_name = calendarBodies)]
    pub fn calendar_bodies(&self, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(&calendar::session_bodies(
            self.part(Part::Calendar)?,
            lang(lang_tag),
        ))
    }
}
