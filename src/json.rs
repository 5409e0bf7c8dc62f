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

use crate::codes::Code;
use std::borrow::Cow;
use std::fmt;

/// A parsed JSON value borrowing from the input text.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    Number(f64),
    /// Borrowed from the input when the literal has no escapes.
    String(Cow<'a, str>),
    Array(Vec<Value<'a>>),
    /// Members in document order, duplicate keys kept.
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

/// Largest integer magnitude an `f64` represents exactly (JS `Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

impl<'a> Value<'a> {
    /// The JSON type name: `"null"`, `"boolean"`, `"number"`, `"string"`, `"array"` or `"object"`.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert_eq!(parse("[1]", &Limits::default()).unwrap().kind(), "array");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The value of member `key` of an object (the last one if duplicated); `None` otherwise.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// let v = parse(r#"{"a":1,"a":2}"#, &Limits::default()).unwrap();
    /// assert_eq!(v.get("a").and_then(|v| v.as_f64()), Some(2.0));
    /// assert!(v.get("b").is_none());
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        self.as_object()?
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// Whether this is `null`.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert!(parse("null", &Limits::default()).unwrap().is_null());
    /// ```
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The boolean, if this is one.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert_eq!(parse("true", &Limits::default()).unwrap().as_bool(), Some(true));
    /// ```
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is one.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert_eq!(parse("-1.5e2", &Limits::default()).unwrap().as_f64(), Some(-150.0));
    /// ```
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// The number as `i64` if it is integral and within ±(2^53−1) (exact in `f64`).
    /// Note `1.0` and `1e2` count as integral, as in JS.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// let l = Limits::default();
    /// assert_eq!(parse("-42", &l).unwrap().as_i64(), Some(-42));
    /// assert_eq!(parse("4.2", &l).unwrap().as_i64(), None);
    /// assert_eq!(parse("1e300", &l).unwrap().as_i64(), None);
    /// ```
    pub fn as_i64(&self) -> Option<i64> {
        let x = self.as_f64()?;
        (x.abs() <= MAX_SAFE && (x as i64) as f64 == x).then_some(x as i64)
    }

    /// Like [`Value::as_i64`] but also requires a non-negative value.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert_eq!(parse("7", &Limits::default()).unwrap().as_u64(), Some(7));
    /// assert_eq!(parse("-7", &Limits::default()).unwrap().as_u64(), None);
    /// ```
    pub fn as_u64(&self) -> Option<u64> {
        self.as_i64().and_then(|i| u64::try_from(i).ok())
    }

    /// The string, if this is one.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert_eq!(parse(r#""a\nb""#, &Limits::default()).unwrap().as_str(), Some("a\nb"));
    /// ```
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// assert_eq!(parse("[1,2]", &Limits::default()).unwrap().as_array().map(|a| a.len()), Some(2));
    /// ```
    pub fn as_array(&self) -> Option<&[Value<'a>]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members in document order, if this is an object.
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// let v = parse(r#"{"b":1,"a":2}"#, &Limits::default()).unwrap();
    /// let keys: Vec<&str> = v.as_object().unwrap().iter().map(|(k, _)| &**k).collect();
    /// assert_eq!(keys, ["b", "a"]);
    /// ```
    pub fn as_object(&self) -> Option<&[(Cow<'a, str>, Value<'a>)]> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
}

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

/// Why [`parse`] failed, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Stable machine-readable code, e.g. `json.syntax` (see the module docs).
    pub code: Code,
    /// Lower-case human-readable message without trailing period.
    pub message: String,
    /// Byte offset into the input.
    pub offset: usize,
    /// 1-based line of `offset`.
    pub line: usize,
    /// 1-based column of `offset`, counted in characters (a leading BOM is not counted).
    pub column: usize,
}

impl fmt::Display for ParseError {
    /// ```
    /// # use cogov::json::{parse, Limits};
    /// let e = parse("[1,\n 2 x]", &Limits::default()).unwrap_err();
    /// assert_eq!(e.to_string(), "expected ',' or ']' after array element, found 'x' (line 2, column 4)");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (line {}, column {})",
            self.message, self.line, self.column
        )
    }
}

impl std::error::Error for ParseError {}

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

/// A byte as two lower-case hex digits.
fn hex2(b: u8) -> String {
    let d = b"0123456789abcdef";
    [d[usize::from(b >> 4)], d[usize::from(b & 15)]]
        .iter()
        .map(|&c| char::from(c))
        .collect()
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

/// An open array or object: where its children start on the scratch stack, and for
/// objects the key of the member being parsed.
enum Frame<'a> {
    Array(usize),
    Object(usize, Cow<'a, str>),
}

/// Powers of ten exactly representable in `f64` (Clinger's fast path).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// 0x01 in every byte of a `u64`.
const LO: u64 = u64::from_le_bytes([1; 8]);

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    /// Skips whitespace and returns the next byte, if any.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        while let Some(&c) = self.b.get(self.pos) {
            if !matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                return Some(c);
            }
            self.pos += 1;
        }
        None
    }

    /// `s[a..b]`; callers only pass ASCII positions, so the fallback is unreachable.
    #[inline]
    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.s.get(a..b).unwrap_or_default()
    }

    /// An error at byte `at`; computes its line and column.
    #[cold]
    #[inline(never)]
    fn fail(&self, code: Code, at: usize, message: String) -> Box<ParseError> {
        let before = self.b.get(..at).unwrap_or(self.b);
        let bom = if self.s.starts_with('\u{feff}') {
            before.len().min(3)
        } else {
            0
        };
        let line_start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(bom, |p| p + 1);
        let line = 1 + before.iter().filter(|&&c| c == b'\n').count();
        let chars = before.get(line_start..).unwrap_or_default().iter();
        let column = 1 + chars.filter(|&&c| c & 0xC0 != 0x80).count();
        Box::new(ParseError {
            code,
            message,
            offset: at,
            line,
            column,
        })
    }

    /// `code` "expected X, found 'c'" at `at`, or `json.eof` if the input ends there.
    #[cold]
    #[inline(never)]
    fn unexpected(&self, code: Code, at: usize, expected: &str) -> Box<ParseError> {
        match self.s.get(at..).and_then(|t| t.chars().next()) {
            None => self.eof(&format!("expected {expected}")),
            Some(c) => self.fail(code, at, format!("expected {expected}, found {}", show(c))),
        }
    }

    #[cold]
    #[inline(never)]
    fn eof(&self, what: &str) -> Box<ParseError> {
        self.fail(
            Code::JsonEof,
            self.b.len(),
            format!("unexpected end of input, {what}"),
        )
    }

    /// Parses one value iteratively: open containers live on an explicit stack, their
    /// finished children on two shared scratch stacks, so that each array or object is
    /// allocated once, at its exact size, when it closes.
    fn document(&mut self, max_depth: usize) -> Res<Value<'a>> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        let mut items: Vec<Value<'a>> = Vec::new();
        let mut members: Vec<(Cow<'a, str>, Value<'a>)> = Vec::new();
        'value: loop {
            let c = self.peek();
            let mut v = if let Some(open @ (b'[' | b'{')) = c {
                if stack.len() >= max_depth {
                    let m = format!("nesting deeper than the limit of {max_depth} levels");
                    return Err(self.fail(Code::JsonTooDeep, self.pos, m));
                }
                self.pos += 1;
                let close = open + 2; // ']' and '}' follow '[' and '{' by two
                if self.peek() == Some(close) {
                    self.pos += 1;
                    if open == b'[' {
                        Value::Array(Vec::new())
                    } else {
                        Value::Object(Vec::new())
                    }
                } else {
                    stack.push(if open == b'[' {
                        Frame::Array(items.len())
                    } else {
                        Frame::Object(members.len(), self.key("a string key or '}'")?)
                    });
                    continue 'value;
                }
            } else {
                self.scalar(c)?
            };
            // `v` is complete: add it to its parent, closing parents that end here.
            loop {
                v = match stack.last_mut() {
                    None => return Ok(v),
                    Some(&mut Frame::Array(start)) => {
                        items.push(v);
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                continue 'value;
                            }
                            Some(b']') => Value::Array(items.split_off(start)),
                            _ => {
                                return Err(self.unexpected(
                                    SYNTAX,
                                    self.pos,
                                    "',' or ']' after array element",
                                ))
                            }
                        }
                    }
                    Some(Frame::Object(start, key)) => {
                        members.push((std::mem::take(key), v));
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                *key = self.key("a string key after ','")?;
                                continue 'value;
                            }
                            Some(b'}') => Value::Object(members.split_off(*start)),
                            _ => {
                                return Err(self.unexpected(
                                    SYNTAX,
                                    self.pos,
                                    "',' or '}' after object member",
                                ))
                            }
                        }
                    }
                };
                self.pos += 1;
                stack.pop();
            }
        }
    }

    /// Parses `"key" :`.
    fn key(&mut self, expected: &str) -> Res<Cow<'a, str>> {
        if self.peek() != Some(b'"') {
            return Err(self.unexpected(SYNTAX, self.pos, expected));
        }
        let k = self.string()?;
        if self.peek() != Some(b':') {
            return Err(self.unexpected(SYNTAX, self.pos, "':' after object key"));
        }
        self.pos += 1;
        Ok(k)
    }

    /// Parses a non-container value starting with byte `c` at `pos`.
    fn scalar(&mut self, c: Option<u8>) -> Res<Value<'a>> {
        Ok(match c {
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.literal("true", Value::Bool(true))?,
            Some(b'f') => self.literal("false", Value::Bool(false))?,
            Some(b'n') => self.literal("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            _ => return Err(self.unexpected(SYNTAX, self.pos, "a value")),
        })
    }

    fn literal(&mut self, word: &str, v: Value<'a>) -> Res<Value<'a>> {
        let rest = self.b.get(self.pos..).unwrap_or_default();
        if rest.starts_with(word.as_bytes()) {
            self.pos += word.len();
            return Ok(v);
        }
        if word.as_bytes().starts_with(rest) {
            return Err(self.eof(&format!("inside literal '{word}'")));
        }
        let n = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count()
            .min(16);
        let m = format!(
            "invalid literal '{}', expected '{word}'",
            self.slice(self.pos, self.pos + n)
        );
        Err(self.fail(SYNTAX, self.pos, m))
    }

    fn number(&mut self) -> Res<f64> {
        let (b, start) = (self.b, self.pos);
        let neg = b.get(start) == Some(&b'-');
        let int = start + usize::from(neg);
        let (mut m, mut nd, mut exp) = (0u64, 0usize, 0i64);
        let mut i = digits(b, int, &mut m, &mut nd);
        if i == int {
            return Err(self.unexpected(BAD_NUMBER, i, "a digit after '-'"));
        }
        if b.get(int) == Some(&b'0') && i > int + 1 {
            return Err(self.fail(BAD_NUMBER, int, "leading zeros are not allowed".into()));
        }
        if b.get(i) == Some(&b'.') {
            let f = i + 1;
            i = digits(b, f, &mut m, &mut nd);
            if i == f {
                return Err(self.unexpected(BAD_NUMBER, i, "a digit after '.'"));
            }
            exp = -((i - f).min(1 << 20) as i64);
        }
        if let Some(b'e' | b'E') = b.get(i) {
            let eneg = b.get(i + 1) == Some(&b'-');
            i += 1 + usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
            let (es, mut e) = (i, 0i64);
            while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
                e = (e * 10 + i64::from(d - b'0')).min(1 << 20);
                i += 1;
            }
            if i == es {
                return Err(self.unexpected(BAD_NUMBER, i, "a digit in the exponent"));
            }
            exp += if eneg { -e } else { e };
        }
        self.pos = i;
        if nd <= 15 && (-22..=22).contains(&exp) {
            // Exact mantissa and power of ten: one correctly rounded operation.
            let x = m as f64;
            let x = if exp < 0 {
                x / POW10[(-exp) as usize]
            } else {
                x * POW10[exp as usize]
            };
            return Ok(if neg { -x } else { x });
        }
        // Rare in feeds (over 15 significant digits or a large exponent): scale the first 19
        // digits by powers of ten. Within a few ulps of the correctly rounded value, and it
        // spares the wasm core's exact float parser (~15 KB gzip).
        let mut e = exp.saturating_add(nd.saturating_sub(19) as i64);
        let mut x = m as f64;
        while e != 0 && x != 0.0 && x.is_finite() {
            let step = e.clamp(-22, 22);
            x = if step < 0 {
                x / POW10[(-step) as usize]
            } else {
                x * POW10[step as usize]
            };
            e -= step;
        }
        if x.is_finite() {
            Ok(if neg { -x } else { x })
        } else {
            Err(self.fail(BAD_NUMBER, start, "number is out of range".into()))
        }
    }

    /// Parses a string literal whose opening quote is at `pos`.
    fn string(&mut self) -> Res<Cow<'a, str>> {
        let b = self.b;
        let mut i = self.pos + 1;
        let mut run = i;
        let mut owned: Option<String> = None;
        loop {
            // Skip 8 bytes at a time while none is '"', '\\' or below 0x20 (SWAR zero-byte tests).
            while let Some(w) = b.get(i..i + 8) {
                let x = u64::from_le_bytes(w.try_into().unwrap_or_default());
                let (q, e) = (x ^ (LO * u64::from(b'"')), x ^ (LO * u64::from(b'\\')));
                let hit = (q.wrapping_sub(LO) & !q)
                    | (e.wrapping_sub(LO) & !e)
                    | (x.wrapping_sub(LO * 0x20) & !x);
                if hit & (LO << 7) != 0 {
                    break;
                }
                i += 8;
            }
            while let Some(&c) = b.get(i) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                i += 1;
            }
            match b.get(i) {
                Some(b'"') => {
                    self.pos = i + 1;
                    let tail = self.slice(run, i);
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut o) => {
                            o.push_str(tail);
                            Cow::Owned(o)
                        }
                    });
                }
                Some(b'\\') => {
                    let o = owned.get_or_insert_with(String::new);
                    o.push_str(self.slice(run, i));
                    i = self.escape(i, o)?;
                    run = i;
                }
                Some(&c) => {
                    let m = format!("unescaped control character {} in string", show(c.into()));
                    return Err(self.fail(SYNTAX, i, m));
                }
                None => return Err(self.eof("inside a string")),
            }
        }
    }

    /// Decodes the escape at `i` (a backslash) into `out`; returns the index after it.
    fn escape(&self, i: usize, out: &mut String) -> Res<usize> {
        out.push(match self.b.get(i + 1) {
            None => return Err(self.eof("inside a string escape")),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode(i, out),
            Some(_) => {
                let c = self
                    .s
                    .get(i + 1..)
                    .and_then(|t| t.chars().next())
                    .unwrap_or_default();
                return Err(self.fail(BAD_ESCAPE, i, format!("invalid escape '\\{c}' in string")));
            }
        });
        Ok(i + 2)
    }

    /// Decodes `\uXXXX` (and a following low surrogate escape) at `i`.
    fn unicode(&self, i: usize, out: &mut String) -> Res<usize> {
        let hi = self.hex4(i + 2)?;
        let (mut cp, mut end) = (hi, i + 6);
        if (0xD800..0xDC00).contains(&hi) {
            match (self.b.get(i + 6), self.b.get(i + 7)) {
                (None, _) | (Some(b'\\'), None) => return Err(self.eof("inside a string escape")),
                (Some(b'\\'), Some(b'u')) => {
                    let lo = self.hex4(i + 8)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        (cp, end) = (0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00), i + 12);
                    }
                }
                _ => {}
            }
        }
        match char::from_u32(cp) {
            Some(c) => {
                out.push(c);
                Ok(end)
            }
            None => Err(self.fail(
                BAD_ESCAPE,
                i,
                format!("lone surrogate '\\u{}' in string", hex(cp, false)),
            )),
        }
    }

    /// Reads four hex digits at `j`.
    fn hex4(&self, j: usize) -> Res<u32> {
        let mut v = 0;
        for k in j..j + 4 {
            let d = match self.b.get(k) {
                None => return Err(self.eof("inside a string escape")),
                Some(&c) => (c as char).to_digit(16),
            };
            let Some(d) = d else {
                return Err(self.fail(BAD_ESCAPE, k, "expected 4 hex digits after '\\u'".into()));
            };
            v = v * 16 + d;
        }
        Ok(v)
    }
}

/// `n` in hexadecimal with at least four digits: `{:04x}` / `{:04X}` without the integer
/// formatting code for hex, which the wasm would carry for these two messages alone.
fn hex(n: u32, upper: bool) -> String {
    let digits = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::new();
    let mut shift = 28;
    while shift > 12 && n >> shift == 0 {
        shift -= 4;
    }
    loop {
        out.push(char::from(digits[(n >> shift & 15) as usize]));
        if shift == 0 {
            return out;
        }
        shift -= 4;
    }
}

/// `'x'`, or `U+XXXX` for invisible characters (`char`'s `Debug` would pull large tables
/// into the wasm).
#[cold]
fn show(c: char) -> String {
    match c {
        '\'' => "\"'\"".into(),
        _ if c.is_control() || c.is_whitespace() || c == '\u{feff}' => {
            format!("U+{}", hex(u32::from(c), true))
        }
        _ => format!("'{c}'"),
    }
}

/// Accumulates the decimal digits at `b[i..]` into `m` (the first 19 only) and `nd`;
/// returns the index after them.
#[inline]
fn digits(b: &[u8], mut i: usize, m: &mut u64, nd: &mut usize) -> usize {
    while let Some(d @ b'0'..=b'9') = b.get(i).copied() {
        if *m == 0 && d == b'0' {
            // leading zeros are not significant digits
            i += 1;
            continue;
        }
        if *nd < 19 {
            *m = *m * 10 + u64::from(d - b'0');
        }
        *nd += 1;
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;
