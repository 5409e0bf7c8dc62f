//! Strict RFC 8259 JSON parser producing a borrowed [`Value`] tree.
//!
//! Hand-written instead of `serde_json` because that adds tens of KB to the wasm and stops
//! at the first error; the feed validator walks the [`Value`] tree itself and reports every
//! problem with its JSON path.
//!
//! Design and choices:
//! - Works on bytes of a `&str` (so UTF-8 is already valid); strings without escapes are
//!   borrowed slices of the input, only escaped strings allocate.
//! - Iterative (explicit stack), so no input can overflow the native stack; nesting beyond
//!   [`Limits::max_depth`] is `json.too_deep`. Keep `max_depth` modest (≤ a few thousand):
//!   dropping, cloning or printing a [`Value`] recurses.
//! - Never panics; [`Limits::max_bytes`] is checked before anything else.
//! - Numbers are `f64`; literals whose magnitude overflows `f64` (e.g. `1e400`) are
//!   `json.bad_number`. Use [`Value::as_i64`] / [`Value::as_u64`] for integers.
//!   Up to 15 significant digits with a decimal exponent within ±22 are converted exactly
//!   (correctly rounded); other literals are scaled by powers of ten and may be off by a few
//!   units in the last place. Feeds hold counts and dates, so that is traded for the ~15 KB
//!   gzip that core's exact float parser would add to the wasm.
//! - `\uXXXX` escapes must form valid scalar values: a lone surrogate is `json.bad_escape`
//!   (not replaced with U+FFFD), so a broken feed is reported, not silently altered.
//! - Object members keep document order and duplicates; [`Value::get`] returns the last
//!   one, like `JSON.parse` (and so does the feed reader, which warns `json.duplicate_key`).
//!   A leading UTF-8 BOM is skipped.
//!
//! Error codes ([`ParseError::code`]): `json.syntax` (unexpected character, trailing data,
//! control character in a string), `json.eof` (input ends inside the document: every
//! truncated document gets this), `json.bad_number`, `json.bad_escape`, `json.too_deep`,
//! `json.too_large`; and [`utf8`], for documents read as bytes: `json.utf8`.
//!
//! Where things are: [`Value`] and its accessors (`value.rs`), the error with its line and
//! column and the messages' character helpers (`error.rs`), the iterative document parser
//! (`parser.rs`), numbers (`number.rs`) and strings with their escapes (`string.rs`).

mod error;
mod number;
mod parser;
mod string;
mod value;

pub use error::ParseError;
pub use value::Value;

use crate::codes::Code;
use error::hex2;
use parser::Parser;

/// Resource limits for [`parse`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Inputs longer than this many bytes are rejected up front (`json.too_large`).
    pub max_bytes: usize,
    /// Maximum nesting of arrays/objects (`json.too_deep`); `[[1]]` has depth 2.
    pub max_depth: usize,
}

impl Default for Limits {
    /// 128 MiB and 64 levels.
    /// ```
    /// # use cogov::json::Limits;
    /// assert_eq!(Limits::default().max_depth, 64);
    /// ```
    fn default() -> Self {
        Limits {
            max_bytes: 128 << 20,
            max_depth: 64,
        }
    }
}

/// Parses a whole JSON document (RFC 8259, strict) into a [`Value`] borrowing from `input`.
/// ```
/// # use cogov::json::{parse, Limits, Value};
/// let v = parse(r#" {"name": "의회", "n": [1, 2.5]} "#, &Limits::default()).unwrap();
/// assert_eq!(v.get("name").and_then(Value::as_str), Some("의회"));
/// let e = parse(r#"{"a": 1,}"#, &Limits::default()).unwrap_err();
/// assert_eq!((e.code.as_str(), e.line, e.column), ("json.syntax", 1, 9));
/// assert_eq!(e.message, "expected a string key after ',', found '}'");
/// ```
pub fn parse<'a>(input: &'a str, limits: &Limits) -> Result<Value<'a>, ParseError> {
    parse_boxed(input, limits).map_err(|e| *e)
}

/// The text of a document read as bytes (a file), or `json.utf8` naming the byte offset, line
/// and column of the first byte that is not valid UTF-8 (RFC 8259 requires UTF-8). Linear time.
/// ```
/// # use cogov::json::utf8;
/// assert_eq!(utf8(b"{\"a\": 1}"), Ok("{\"a\": 1}"));
/// let e = utf8(b"{\n \"\xc3\xa9\xff\": 1}").unwrap_err();
/// assert_eq!((e.code.as_str(), e.offset, e.line, e.column), ("json.utf8", 6, 2, 4));
/// assert_eq!(e.to_string(), "invalid utf-8: byte 0xff at offset 6 (line 2, column 4)");
/// ```
pub fn utf8(bytes: &[u8]) -> Result<&str, ParseError> {
    let e = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(s),
        Err(e) => e,
    };
    let at = e.valid_up_to();
    // the valid prefix locates the error as the parser locates its own
    let prefix = std::str::from_utf8(bytes.get(..at).unwrap_or_default()).unwrap_or_default();
    let p = Parser {
        s: prefix,
        b: prefix.as_bytes(),
        pos: 0,
    };
    let byte = bytes.get(at).copied().unwrap_or_default();
    let what = match e.error_len() {
        Some(_) => format!("byte 0x{}", hex2(byte)),
        None => format!("truncated sequence starting with byte 0x{}", hex2(byte)),
    };
    Err(*p.fail(
        Code::JsonUtf8,
        at,
        format!("invalid utf-8: {what} at offset {at}"),
    ))
}

/// [`parse`] with a boxed error, so that internal results stay small (no 56-byte `Result`
/// moved around for every value).
fn parse_boxed<'a>(input: &'a str, limits: &Limits) -> Res<Value<'a>> {
    let bom = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let mut p = Parser {
        s: input,
        b: input.as_bytes(),
        pos: bom,
    };
    if input.len() > limits.max_bytes {
        let (n, max) = (input.len(), limits.max_bytes);
        return Err(p.fail(
            Code::JsonTooLarge,
            0,
            format!("input is {n} bytes, over the limit of {max} bytes"),
        ));
    }
    let v = p.document(limits.max_depth)?;
    match p.peek() {
        None => Ok(v),
        Some(_) => Err(p.unexpected(SYNTAX, p.pos, "end of input after the document")),
    }
}

type Res<T> = Result<T, Box<ParseError>>;

const SYNTAX: Code = Code::JsonSyntax;
const BAD_NUMBER: Code = Code::JsonBadNumber;
const BAD_ESCAPE: Code = Code::JsonBadEscape;

#[cfg(test)]
mod tests;
