//! Structure methods of [`Feed`].

use super::{day, lang, problem_error, to_js, Feed};
use crate::structure::{self, StructureQuery};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Feed {
    /// The body graph from `root` (or every top-level body), people as of `as_of` (YYYY-MM-DD).
    pub fn structure(
        &self,
        lang_tag: &str,
        root: Option<String>,
        as_of: Option<String>,
    ) -> Result<JsValue, JsValue> {
        let q = StructureQuery {
            lang: lang(lang_tag),
            root: root.as_deref().filter(|s| !s.is_empty()),
            as_of: day(as_of, "asOf")?,
        };
        to_js(&structure::structure(&self.ds, q).map_err(|p| problem_error(&p))?)
    }

    /// Every seat an office holds across bodies.
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = whereSits)]
    pub fn where_sits(&self, office: &str, lang_tag: &str) -> Result<JsValue, JsValue> {
        to_js(
            &structure::where_sits(&self.ds, office, lang(lang_tag))
                .map_err(|p| problem_error(&p))?,
        )
    }
}
