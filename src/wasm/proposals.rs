//! Proposal methods of [`Feed`]: decode arguments → call `crate::proposals` → encode the view.

use super::{arg, day, error, problem_error, to_js, Feed};
use crate::codes::Code;
use crate::dataset::{Dataset, Part};
use crate::feed::Stage;
use crate::proposals::cards::{self, calendar_next_session};
use crate::proposals::query::{self, Filter, ProposalQuery, SortKey};
use crate::proposals::stats::{self, GroupBy, DEFAULT_WEIGHT};
use crate::proposals::{AnswerClass, ProposalIndex};
use crate::text::quote;
use wasm_bindgen::prelude::*;

/// The query object of `proposals(query, lang)`; every member optional. Read member by member
/// with `Reflect` rather than serde's `Deserialize`, which costs about 20 KB of wasm.
#[derive(Default)]
struct Query {
    stage: Option<String>,
    answer: Option<String>,
    ministry: Option<String>,
    proposer: Option<String>,
    year: Option<i32>,
    session: Option<String>,
    text: Option<String>,
    sort: Option<String>,
    descending: bool,
    offset: Option<usize>,
    limit: Option<usize>,
}

fn word<T>(
    v: &Option<String>,
    key: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, JsValue> {
    match v.as_deref().filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => parse(s).map(Some).ok_or_else(|| {
            error(
                Code::ArgInvalid,
                &member(key),
                &format!("unknown value {}", quote(s)),
            )
        }),
    }
}

fn nonempty(v: &Option<String>) -> Option<&str> {
    v.as_deref().filter(|s| !s.is_empty())
}

fn member(key: &str) -> String {
    format!("query.{key}")
}

impl Query {
    fn filter(&self) -> Result<Filter<'_>, JsValue> {
        Ok(Filter {
            stage: word(&self.stage, "stage", Stage::parse)?,
            answer: word(&self.answer, "answer", AnswerClass::parse)?,
            ministry: nonempty(&self.ministry),
            proposer: nonempty(&self.proposer),
            year: self.year,
            session: nonempty(&self.session),
            text: nonempty(&self.text),
        })
    }
}

/// One member: `undefined` and `null` are absent; anything else must have the right type.
fn get(q: &JsValue, key: &str) -> Result<Option<JsValue>, JsValue> {
    let v = js_sys::Reflect::get(q, &JsValue::from_str(key))
        .map_err(|_| error(Code::ArgQuery, &member(key), "cannot be read"))?;
    Ok((!arg::absent(&v)).then_some(v))
}

fn string(q: &JsValue, key: &str) -> Result<Option<String>, JsValue> {
    get(q, key)?
        .map(|v| {
            v.as_string()
                .ok_or_else(|| arg::type_error(&member(key), "must be a string"))
        })
        .transpose()
}

/// A whole number in `0..=max` (numbers and numeric strings, as form fields give them).
fn whole(q: &JsValue, key: &str, max: f64) -> Result<Option<f64>, JsValue> {
    let Some(v) = get(q, key)? else {
        return Ok(None);
    };
    let n = match v.as_string() {
        Some(s) if crate::text::blank(&s) => return Ok(None),
        Some(s) => s.trim().parse::<u32>().ok().map(f64::from),
        None => v.as_f64(),
    };
    match n {
        Some(n) if n.fract() == 0.0 && (0.0..=max).contains(&n) => Ok(Some(n)),
        _ => Err(error(
            Code::ArgQuery,
            &member(key),
            "must be a whole number in range",
        )),
    }
}

/// The query argument: absent (every proposal) or an object (not an array: its members
/// would be read as query members, `sort` among them).
fn decode(q: &JsValue) -> Result<Query, JsValue> {
    if arg::absent(q) {
        return Ok(Query::default());
    }
    if !q.is_object() || js_sys::Array::is_array(q) {
        return Err(arg::type_error("query", "must be an object"));
    }
    Ok(Query {
        stage: string(q, "stage")?,
        answer: string(q, "answer")?,
        ministry: string(q, "ministry")?,
        proposer: string(q, "proposer")?,
        year: whole(q, "year", 9999.0)?.map(|n| n as i32),
        session: string(q, "session")?,
        text: string(q, "text")?,
        sort: string(q, "sort")?,
        descending: get(q, "descending")?.is_some_and(|v| v.is_truthy()),
        offset: whole(q, "offset", u32::MAX as f64)?.map(|n| n as usize),
        limit: whole(q, "limit", u32::MAX as f64)?.map(|n| n as usize),
    })
}

impl Feed {
    /// The dataset and its proposal index (built on first use, kept by the dataset) when the
    /// proposals part is usable.
    fn indexed(&self) -> Result<(&Dataset, &ProposalIndex), JsValue> {
        let ds = self.part(Part::Proposals)?;
        Ok((ds, ds.proposal_index()))
    }
}

#[wasm_bindgen]
impl Feed {
    /// Proposals passing `query` (`{stage, answer, ministry, proposer, year, session, text, sort,
    /// descending, offset, limit}`, all optional): `{total, offset, items}`.
    pub fn proposals(&self, query: &JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
        let q = decode(query)?;
        let lang = arg::lang(lang)?;
        let pq = ProposalQuery {
            filter: q.filter()?,
            sort: word(&q.sort, "sort", SortKey::parse)?.unwrap_or_default(),
            descending: q.descending,
            offset: q.offset.unwrap_or(0),
            limit: q.limit,
            lang,
        };
        let (ds, index) = self.indexed()?;
        to_js(&query::list(ds, index, &pq).map_err(|p| problem_error(&p))?)
    }

    /// One proposal with its timeline, per-ministry answers and cards (states as of `today`).
    pub fn proposal(
        &self,
        id: &JsValue,
        lang: &JsValue,
        today: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let id = arg::string(id, "id")?;
        let lang = arg::lang(lang)?;
        let today = day(today, "today")?;
        let (ds, index) = self.indexed()?;
        let d = query::detail(ds, index, &id, lang, today, &calendar_next_session);
        to_js(&d.map_err(|p| problem_error(&p))?)
    }

    /// Answers and rates grouped `by` (`ministry`, `proposer`, `year`, `session`), funnel and
    /// median days; `weight` of a partial acceptance (default 0.5); `query` filters as in `proposals`.
    #[wasm_bindgen(js_name = proposalStats)]
    pub fn proposal_stats(
        &self,
        by: &JsValue,
        lang: &JsValue,
        weight: &JsValue,
        query: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let by = arg::string(by, "by")?;
        let by = GroupBy::parse(&by).ok_or_else(|| {
            error(
                Code::ArgInvalid,
                "by",
                &format!("unknown grouping {}", quote(&by)),
            )
        })?;
        let lang = arg::lang(lang)?;
        let weight = arg::opt_number(weight, "weight")?;
        let q = decode(query)?;
        let (ds, index) = self.indexed()?;
        let s = stats::stats(
            ds,
            index,
            &q.filter()?,
            by,
            weight.unwrap_or(DEFAULT_WEIGHT),
            lang,
        );
        to_js(&s.map_err(|p| problem_error(&p))?)
    }

    /// Proposals whose stage or answer changed between the days of two sessions.
    #[wasm_bindgen(js_name = changedBetween)]
    pub fn changed_between(
        &self,
        session_a: &JsValue,
        session_b: &JsValue,
        lang: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let session_a = arg::string(session_a, "sessionA")?;
        let session_b = arg::string(session_b, "sessionB")?;
        let lang = arg::lang(lang)?;
        to_js(
            &stats::changed_between(self.part(Part::Proposals)?, &session_a, &session_b, lang)
                .map_err(|p| problem_error(&p))?,
        )
    }

    /// Every task management card as of `today` (YYYY-MM-DD).
    pub fn cards(&self, today: &JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
        let today = day(today, "today")?;
        let lang = arg::lang(lang)?;
        to_js(&cards::cards(
            self.part(Part::Proposals)?,
            today,
            lang,
            &calendar_next_session,
        ))
    }

    /// What the list filters can take, named in `lang`: `{stages, answers, ministries, proposers,
    /// years, sessions}`.
    #[wasm_bindgen(js_name = proposalChoices)]
    pub fn proposal_choices(&self, lang: &JsValue) -> Result<JsValue, JsValue> {
        let lang = arg::lang(lang)?;
        let (ds, index) = self.indexed()?;
        to_js(&query::choices(ds, index, lang))
    }
}
