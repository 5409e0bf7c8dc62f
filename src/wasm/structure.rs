//! Structure methods of [`Feed`].

use super::{arg, day, problem_error, to_js, Feed};
use crate::structure::{self, StructureQuery};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
impl Feed {
    /// The body graph from `root` (or every top-level body), people as of `as_of` (YYYY-MM-DD).
    pub fn structure(
        &self,
        lang: &JsValue,
        root: &JsValue,
        as_of: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let root = arg::opt_string(root, "root")?;
        let q = StructureQuery {
            lang: arg::lang(lang)?,
            root: root.as_deref(),
            as_of: day(as_of, "asOf")?,
        };
        to_js(&structure::structure(&self.ds, q).map_err(|p| problem_error(&p))?)
    }

    /// Every seat an office holds across bodies.
    #[cfg(feature = "api")]
    #[wasm_bindgen(js_name = whereSits)]
    pub fn where_sits(&self, office: &JsValue, lang: &JsValue) -> Result<JsValue, JsValue> {
        let office = arg::string(office, "office")?;
        let lang = arg::lang(lang)?;
        to_js(&structure::where_sits(&self.ds, &office, lang).map_err(|p| problem_error(&p))?)
    }
}
