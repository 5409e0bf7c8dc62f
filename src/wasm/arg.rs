//! Arguments as JS passes them. Every exported function takes its arguments as `&JsValue`s and
//! reads them here, so a value of the wrong type is a `TypeError` naming the argument
//! (`text must be a string`, code `arg.type`) instead of a trap: wasm-bindgen's own `&str`,
//! `Option<String>` and `u32` conversions read whatever JS passes (`new Feed(5)` read memory out
//! of bounds, a `Symbol` or a `BigInt` trapped). Strings are read with `typeof` (no coercion: a
//! number, a `String` object or a `Symbol` is not a string); `undefined` and `null` are absent
//! where an argument is optional and wrong where it is required.

use super::tag;
use crate::codes::Code;
use crate::text::Lang;
use wasm_bindgen::JsValue;

/// A required string.
pub(super) fn string(v: &JsValue, name: &str) -> Result<String, JsValue> {
    v.as_string()
        .ok_or_else(|| type_error(name, "must be a string"))
}

/// An optional string: `undefined`, `null` and (as every element passes for "none") `""` are `None`.
pub(super) fn opt_string(v: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    if absent(v) {
        return Ok(None);
    }
    Ok(Some(string(v, name)?).filter(|s| !s.is_empty()))
}

/// A required language tag (`ko`, `en`, ...).
pub(super) fn lang(v: &JsValue) -> Result<Lang, JsValue> {
    Ok(Lang::from_tag(&string(v, "lang")?))
}

/// An optional number (`undefined` or `null`: `None`).
#[cfg(feature = "proposals")]
pub(super) fn opt_number(v: &JsValue, name: &str) -> Result<Option<f64>, JsValue> {
    if absent(v) {
        return Ok(None);
    }
    v.as_f64()
        .map(Some)
        .ok_or_else(|| type_error(name, "must be a number"))
}

/// A required count: a whole number, at least 0 (larger than `u32::MAX` reads as `u32::MAX`).
#[cfg(feature = "calendar")]
pub(super) fn count(v: &JsValue, name: &str) -> Result<u32, JsValue> {
    match v.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(n.min(u32::MAX as f64) as u32),
        _ => Err(type_error(name, "must be a whole number (0 or more)")),
    }
}

/// `undefined` or `null`.
pub(super) fn absent(v: &JsValue) -> bool {
    v.is_null_or_undefined()
}

/// A `TypeError` "`name` `rule`" with `code` `arg.type` and `path` `name`.
#[inline(never)]
pub(super) fn type_error(name: &str, rule: &str) -> JsValue {
    let mut text = String::from(name);
    text.push(' ');
    text.push_str(rule);
    tag(js_sys::TypeError::new(&text).into(), Code::ArgType, name)
}
