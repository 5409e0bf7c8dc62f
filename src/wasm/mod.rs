//! The wasm boundary (wasm32 only): one handle over a loaded feed; every exported method is
//! decode arguments → call the core → encode the view. No business logic lives here.
//!
//! Errors become JS `Error`s carrying `code`, `path` and, for feeds that fail to load,
//! `problems` (every error and warning with its path); an argument of the wrong type is a
//! `TypeError` (`arg.rs`). Nothing an argument or a feed holds makes a call trap.

mod arg;
#[cfg(feature = "calendar")]
mod calendar;
mod json;
#[cfg(feature = "proposals")]
mod proposals;
mod structure;

use crate::codes::Code;
use crate::dataset::{self, Dataset, Part};
use crate::problem::{Problem, Report};
use chrono::NaiveDate;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// A loaded, checked feed.
#[wasm_bindgen]
pub struct Feed {
    ds: Dataset,
    /// The load's problems, for [`Feed::part`] and `warnings()` (neither is in the org-chart-only
    /// build, which keeps it unread).
    #[cfg_attr(
        not(any(feature = "api", feature = "calendar", feature = "proposals")),
        allow(dead_code)
    )]
    report: Report,
}

#[wasm_bindgen]
impl Feed {
    /// Parses and checks a feed document: the parts this build's widgets show, or only its
    /// structure part when `part` is `"structure"` (an org chart can render before the rest is
    /// decoded). Throws an `Error` with `code`, `path` and `problems` when the structure part has
    /// errors.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &JsValue, part: &JsValue) -> Result<Feed, JsValue> {
        let text = arg::string(text, "text")?;
        let last = match arg::opt_string(part, "part")?.as_deref() {
            Some("structure") => Part::Structure,
            _ => LAST,
        };
        reserve_for(&text);
        let loaded = load(&text, last);
        match loaded.dataset {
            Some(ds) => Ok(Feed {
                ds,
                report: loaded.report,
            }),
            None => Err(load_error(
                &loaded.parts.report(Part::Structure, &loaded.report),
            )),
        }
    }

    /// Problems that leave the feed usable: `[{path, code, message}]`.
    #[cfg(feature = "api")]
    pub fn warnings(&self) -> Result<JsValue, JsValue> {
        to_js(&self.report.warnings)
    }
}

impl Feed {
    /// The dataset when `part` loaded without errors, else the load error listing the problems
    /// of `part` and the parts before it (what a widget showing `part` shows).
    #[cfg(any(feature = "calendar", feature = "proposals"))]
    #[inline(never)]
    fn part(&self, part: Part) -> Result<&Dataset, JsValue> {
        if self.ds.usable(part) {
            Ok(&self.ds)
        } else if !self.ds.parts.loaded(part) {
            Err(error(
                Code::FeedPart,
                "",
                "this Feed was loaded without the part this method reads",
            ))
        } else {
            Err(load_error(&self.ds.parts.report(part, &self.report)))
        }
    }
}

/// The last part this build loads: a widget's part and the parts it reads (proposals read
/// sessions). Later parts are parsed as JSON but not decoded (see `dataset::Part`).
const LAST: Part = if cfg!(feature = "proposals") {
    Part::Proposals
} else if cfg!(feature = "calendar") {
    Part::Calendar
} else {
    Part::Structure
};

/// The one load of this build, through `last` or `LAST` if that is earlier. `load_through` is
/// inlined here and `LAST` bounds the part it gets, so the parts after `LAST` drop from the wasm
/// (structure build: 59.8 -> 37.4 KB gzip); out of line itself, so that body exists once.
#[inline(never)]
fn load(text: &str, last: Part) -> dataset::Loaded {
    dataset::load_through(text, last.min(LAST))
}

/// Validates a feed without keeping it: `{errors: [...], warnings: [...]}` (every part; the
/// full build only: `cogov validate` is the data author's tool).
#[cfg(feature = "api")]
#[wasm_bindgen]
pub fn validate(text: &JsValue) -> Result<JsValue, JsValue> {
    let text = arg::string(text, "text")?;
    reserve_for(&text);
    to_js(&load(&text, LAST).report)
}

/// Grows the wasm memory in one step for loading `text` (about three times its length: value
/// tree, records, id index), then frees the block for the load to use. The allocator otherwise
/// grows the memory 64 KB at a time, and each `memory.grow` is expensive in the engine: a first
/// load of 100,000 proposals (79 MB) took ~2.6 s instead of ~1.8 s. Pages grown and not written
/// are not resident, so this costs address space, not memory. Failure (no room) is ignored.
fn reserve_for(text: &str) {
    let mut block: Vec<u8> = Vec::new();
    let _ = block.try_reserve_exact(text.len().saturating_mul(3));
}

/// The one serializer configuration: plain objects (never `Map`), `null` for absent values.
/// The view is written as JSON text and read with the engine's `JSON.parse` (one string across
/// the boundary instead of one call per field: see `json.rs`).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    parse(json::to_string(value))
}

/// The longest view text handed to `JSON.parse`, in UTF-8 bytes: V8's longest string
/// (`String::kMaxLength`, 2^29 - 24 UTF-16 units; Firefox and Safari allow longer ones). A view
/// string never has more UTF-16 units than UTF-8 bytes, so a view within it cannot make the
/// engine throw while the wasm is on the stack (an exception crossing the wasm would leave it in
/// the middle of a call); a longer one is the error `view.too_large`.
const MAX_VIEW: usize = (1 << 29) - 24;

/// The non-generic part of [`to_js`] (out of line: one copy instead of one per view type).
#[inline(never)]
fn parse(text: Result<String, json::Error>) -> Result<JsValue, JsValue> {
    let text = match text {
        Ok(text) => text,
        Err(e) => match e {},
    };
    if text.len() > MAX_VIEW {
        return Err(error(
            Code::ViewTooLarge,
            "",
            "the view is too long for the browser: ask for less (a shorter window, a smaller page)",
        ));
    }
    Ok(json_parse(&text))
}

// `JSON.parse` and `Reflect.set` bound without `catch` (js_sys binds both with it): neither can
// throw here. `JSON.parse` reads the writer's own JSON, no longer than `MAX_VIEW` (its nesting
// is the view types', and V8's parser does not recurse); `Reflect.set` sets a data property of a
// fresh `Error`. Without a catching import the glue and the wasm carry no exception plumbing
// (`handleError`, `__wbindgen_exn_store`).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
    #[wasm_bindgen(js_namespace = Reflect, js_name = set)]
    fn reflect_set(target: &JsValue, key: &JsValue, value: &JsValue) -> bool;
}

/// An `Error` whose `message` is `message` alone (the path is in `path`, not repeated).
fn error(code: Code, path: &str, message: &str) -> JsValue {
    tag(js_sys::Error::new(message).into(), code, path)
}

/// `e` with its `code` and `path` set.
fn tag(e: JsValue, code: Code, path: &str) -> JsValue {
    let _ = reflect_set(&e, &"code".into(), &code.as_str().into());
    let _ = reflect_set(&e, &"path".into(), &path.into());
    e
}

fn problem_error(p: &Problem) -> JsValue {
    error(p.code, &p.path, &p.message)
}

fn load_error(report: &Report) -> JsValue {
    let first = report.errors.first();
    let n = report.errors.len();
    let summary = match first {
        Some(p) if n > 1 => format!("{} (and {} more errors)", p.message, n - 1),
        Some(p) => p.message.clone(),
        None => "feed could not be loaded".to_string(),
    };
    let e = error(
        first.map_or(Code::FeedInvalid, |p| p.code),
        first.map_or("", |p| p.path.as_str()),
        &summary,
    );
    if let Ok(problems) = to_js(report) {
        let _ = reflect_set(&e, &"problems".into(), &problems);
    }
    e
}

/// An optional date argument (YYYY-MM-DD; absent or `""`: `None`).
fn day(v: &JsValue, what: &str) -> Result<Option<NaiveDate>, JsValue> {
    arg::opt_string(v, what)?
        .map(|s| crate::date::parse_date(&s).map_err(|m| error(Code::ArgDate, what, &m)))
        .transpose()
}
