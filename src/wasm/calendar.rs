//! Calendar methods of [`Feed`].

use super::{arg, error, problem_error, to_js, Feed};
use crate::calendar::{self, IcsQuery, SessionQuery};
use crate::codes::Code;
use crate::dataset::Part;
use crate::recur::HARD_CAP;
use chrono::{NaiveDate, NaiveDateTime};
use wasm_bindgen::prelude::*;

/// A required date argument (YYYY-MM-DD), a bound of a window: any year (the core cuts windows
/// to its years).
fn required(v: &JsValue, what: &str) -> Result<NaiveDate, JsValue> {
    crate::date::parse_window_date(&arg::string(v, what)?)
        .map_err(|m| error(Code::ArgDate, what, &m))
}

/// The Korean wall clock, `YYYY-MM-DDTHH:MM` (seconds optional), or a date for its midnight.
fn wall(s: &str, what: &str) -> Result<NaiveDateTime, JsValue> {
    crate::date::parse_when(s)
        .map(|w| w.start())
        .map_err(|m| error(Code::ArgDate, what, &m))
}

/// The optional clock argument `now` ([`wall`]); absent: [`calendar::NO_CLOCK`], nothing is past.
fn now(v: &JsValue) -> Result<NaiveDateTime, JsValue> {
    match arg::opt_string(v, "now")? {
        Some(s) => wall(&s, "now"),
        None => Ok(calendar::NO_CLOCK),
    }
}

/// `2026-01-01T00:00:00Z`, `2026-01-01T00:00` or `2026-01-01`, read as UTC.
fn utc(v: &JsValue) -> Result<NaiveDateTime, JsValue> {
    let arg = arg::string(v, "dtstampUtc")?;
    wall(arg.strip_suffix('Z').unwrap_or(&arg), "dtstampUtc")
}

#[wasm_bindgen]
impl Feed {
    /// Sessions whose start day is in `from..=to` (YYYY-MM-DD, cut to 1900–2200):
    /// `{sessions: [...], truncated, horizon}`, each `past` as of `now` (optional).
    pub fn sessions(
        &self,
        from: &JsValue,
        to: &JsValue,
        body_id: &JsValue,
        lang: &JsValue,
        now_: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let (from, to) = (required(from, "from")?, required(to, "to")?);
        let body_id = arg::opt_string(body_id, "bodyId")?;
        let q = SessionQuery {
            from,
            to,
            body: body_id.as_deref(),
            lang: arg::lang(lang)?,
            cap: HARD_CAP,
            now: now(now_)?,
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
        from: &JsValue,
        to: &JsValue,
        body_id: &JsValue,
    ) -> Result<js_sys::Float64Array, JsValue> {
        let (from, to) = (required(from, "from")?, required(to, "to")?);
        let body_id = arg::opt_string(body_id, "bodyId")?;
        let q = SessionQuery {
            from,
            to,
            body: body_id.as_deref(),
            lang: crate::text::Lang::Ko,
            cap: HARD_CAP,
            now: calendar::NO_CLOCK,
        };
        let (starts, _) = calendar::session_starts(self.part(Part::Calendar)?, &q)
            .map_err(|p| problem_error(&p))?;
        let ms: Vec<f64> = starts.iter().map(|&s| s as f64 * 1000.0).collect();
        Ok(js_sys::Float64Array::from(&ms[..]))
    }

    /// The next `n` sessions on or after `today` (YYYY-MM-DD): `{sessions: [...], truncated}`,
    /// each `past` as of `now` (optional).
    #[wasm_bindgen(js_name = nextSessions)]
    pub fn next_sessions(
        &self,
        today: &JsValue,
        n: &JsValue,
        body_id: &JsValue,
        lang: &JsValue,
        now_: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let today = required(today, "today")?;
        let n = arg::count(n, "n")?;
        let body_id = arg::opt_string(body_id, "bodyId")?;
        let lang = arg::lang(lang)?;
        let list = calendar::next_sessions(
            self.part(Part::Calendar)?,
            today,
            n as usize,
            body_id.as_deref(),
            lang,
            now(now_)?,
        )
        .map_err(|p| problem_error(&p))?;
        to_js(&list)
    }

    /// The first session from `today` that is neither cancelled nor past, or `null`: `today` is
    /// the Korean wall clock (`YYYY-MM-DDTHH:MM`), or a date for its midnight.
    #[wasm_bindgen(js_name = nextSession)]
    pub fn next_session(
        &self,
        today: &JsValue,
        body_id: &JsValue,
        lang: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let today = wall(&arg::string(today, "today")?, "today")?;
        let body_id = arg::opt_string(body_id, "bodyId")?;
        let lang = arg::lang(lang)?;
        let next =
            calendar::next_session(self.part(Part::Calendar)?, today, body_id.as_deref(), lang)
                .map_err(|p| problem_error(&p))?;
        to_js(&next)
    }

    /// An iCalendar document of one session, or of a body's (or every) session from a year
    /// before to two years after `dtstamp_utc`; events link to `baseUrl#id`. Texts in `lang`
    /// (default Korean).
    pub fn ics(
        &self,
        body_id: &JsValue,
        session: &JsValue,
        dtstamp_utc: &JsValue,
        base_url: &JsValue,
        lang: &JsValue,
    ) -> Result<String, JsValue> {
        let body_id = arg::opt_string(body_id, "bodyId")?;
        let session = arg::opt_string(session, "sessionId")?;
        let now = utc(dtstamp_utc)?;
        let base_url = arg::opt_string(base_url, "baseUrl")?;
        let lang = arg::opt_string(lang, "lang")?;
        let (from, to) = calendar::ics::export_window(now);
        let q = IcsQuery {
            body: body_id.as_deref(),
            session: session.as_deref(),
            series: None,
            from,
            to,
            lang: lang
                .as_deref()
                .map_or(crate::text::Lang::Ko, crate::text::Lang::from_tag),
            dtstamp_utc: now,
            base_url: base_url.as_deref(),
        };
        calendar::calendar_ics(self.part(Part::Calendar)?, &q).map_err(|p| problem_error(&p))
    }

    /// A Google Calendar "add event" link for one session; its text links to `baseUrl#id`.
    #[wasm_bindgen(js_name = googleLink)]
    pub fn google_link(
        &self,
        session_id: &JsValue,
        lang: &JsValue,
        base_url: &JsValue,
    ) -> Result<String, JsValue> {
        let session_id = arg::string(session_id, "sessionId")?;
        let lang = arg::lang(lang)?;
        let base_url = arg::opt_string(base_url, "baseUrl")?;
        calendar::google_link(
            self.part(Part::Calendar)?,
            &session_id,
            lang,
            base_url.as_deref(),
        )
        .map_err(|p| problem_error(&p))
    }

    /// One session by id (explicit, or `series@YYYY-MM-DD`), or `null`; `past` as of `now`
    /// (optional).
    pub fn session(
        &self,
        id: &JsValue,
        lang: &JsValue,
        now_: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = arg::string(id, "id")?;
        let lang = arg::lang(lang)?;
        let now = now(now_)?;
        to_js(&calendar::find_session(
            self.part(Part::Calendar)?,
            &id,
            lang,
            now,
        ))
    }

    /// The bodies that have sessions or series, `[{id, name}]` in feed order.
    #[wasm_bindgen(js_name = calendarBodies)]
    pub fn calendar_bodies(&self, lang: &JsValue) -> Result<JsValue, JsValue> {
        let lang = arg::lang(lang)?;
        to_js(&calendar::session_bodies(self.part(Part::Calendar)?, lang))
    }

    /// The public holidays of `from..=to` (YYYY-MM-DD), computed for 1990–2050 and the feed's
    /// `holidays`: `{holidays: [{date, name, kind, source}], outside, truncated}`.
    pub fn holidays(
        &self,
        from: &JsValue,
        to: &JsValue,
        lang: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let (from, to) = (required(from, "from")?, required(to, "to")?);
        let lang = arg::lang(lang)?;
        to_js(&crate::holidays::list(
            &self.part(Part::Calendar)?.feed.holidays,
            from,
            to,
            lang,
        ))
    }
}
