//! The decoding machinery: reads fields out of a JSON value tree, keeping the JSON path and
//! collecting every problem instead of stopping at the first.

use super::kinds::Word;
use super::model::{Provenance, Source, SourceRef};
use crate::codes::Code;
use crate::date::{self, When};
use crate::json::Value;
use crate::problem::{Path, Report, Seg};
use crate::text::Text;
use chrono::NaiveDate;
use std::borrow::Cow;

/// The members of a JSON object.
pub type Fields<'v, 'a> = &'v [(Cow<'a, str>, Value<'a>)];

/// Limits on what a feed may hold.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Longest string a field may hold, in bytes (names, summaries, notes).
    pub max_text_bytes: usize,
    /// Most elements in one list.
    pub max_items: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_text_bytes: 20_000,
            max_items: 1_000_000,
        }
    }
}

/// A reader over one document: the current path and the problems found so far.
pub struct Reader {
    pub(crate) path: Path,
    pub(crate) report: Report,
    pub(crate) limits: Limits,
}

impl Reader {
    /// A reader with no problems yet.
    pub(crate) fn new(limits: Limits) -> Reader {
        Reader {
            path: Path::default(),
            report: Report::default(),
            limits,
        }
    }

    /// Reports an error at the current path.
    pub(crate) fn error(&mut self, code: Code, message: impl Into<String>) {
        self.report.error(self.path.render(), code, message.into());
    }

    /// Reports a warning at the current path.
    pub(crate) fn warn(&mut self, code: Code, message: impl Into<String>) {
        self.report
            .warning(self.path.render(), code, message.into());
    }

    /// Reports an error at member `key` of the current path (out of line: one call per check).
    #[inline(never)]
    pub(crate) fn error_at(&mut self, key: &'static str, code: Code, message: impl Into<String>) {
        self.path.push(Seg::Key(key));
        self.error(code, message);
        self.path.pop();
    }

    /// Runs `f` one step deeper in the path.
    pub(crate) fn at<T>(&mut self, seg: Seg, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(seg);
        let r = f(self);
        self.path.pop();
        r
    }

    /// Reads a record: an object whose members are `own` plus `sources`, `illustrative`, `note`.
    pub(crate) fn record<'v, 'a>(
        &mut self,
        v: &'v Value<'a>,
        own: &[&str],
    ) -> Option<Fields<'v, 'a>> {
        self.object_of(v, own, &["sources", "illustrative", "note"])
    }

    /// Reads an object, warning about members not in `known` and about repeated members.
    pub(crate) fn object<'v, 'a>(
        &mut self,
        v: &'v Value<'a>,
        known: &[&str],
    ) -> Option<Fields<'v, 'a>> {
        self.object_of(v, known, &[])
    }

    /// An object's members, after one pass over them: a warning for each member not in `known`
    /// or `more` (`field.unknown`), and one for each known member that appears more than once
    /// (`json.duplicate_key`, with its count: the last one is used, as `JSON.parse` and the
    /// schema do). Linear in the number of members: each is compared with the known names only
    /// (at most [`MAX_KNOWN`] of them), never with the members before it.
    fn object_of<'v, 'a>(
        &mut self,
        v: &'v Value<'a>,
        known: &[&str],
        more: &[&str],
    ) -> Option<Fields<'v, 'a>> {
        let Value::Object(fields) = v else {
            self.type_error("an object", v);
            return None;
        };
        // how often each known name appears, and the names seen twice in order of their repeat
        let mut seen = [0u32; MAX_KNOWN];
        let (mut repeated, mut n_repeated) = ([0u8; MAX_KNOWN], 0);
        for (k, _) in fields {
            let k = key_str(k);
            let Some(i) = position(known, k).or_else(|| Some(known.len() + position(more, k)?))
            else {
                self.at(Seg::Name(k.to_string()), |r| {
                    r.warn(Code::FieldUnknown, "unknown field (ignored)")
                });
                continue;
            };
            let Some(n) = seen.get_mut(i) else { continue };
            *n = n.saturating_add(1);
            if *n == 2 {
                if let Some(slot) = repeated.get_mut(n_repeated) {
                    *slot = i as u8;
                    n_repeated += 1;
                }
            }
        }
        for &i in repeated.iter().take(n_repeated) {
            let i = usize::from(i);
            let name = known.get(i).or_else(|| more.get(i - known.len()));
            let (Some(name), Some(n)) = (name, seen.get(i)) else {
                continue;
            };
            self.at(Seg::Name(name.to_string()), |r| {
                r.warn(
                    Code::JsonDuplicateKey,
                    format!("member appears {n} times in this object; the last one is used"),
                )
            });
        }
        Some(fields)
    }

    /// Reports a value of the wrong JSON type.
    pub(crate) fn type_error(&mut self, expected: &str, v: &Value) {
        self.error(
            Code::Type,
            format!("expected {expected}, found {}", v.kind()),
        );
    }

    /// Runs `read` on the member `key` when present and not null.
    pub(crate) fn field<T>(
        &mut self,
        f: Fields,
        key: &'static str,
        read: fn(&mut Self, &Value) -> Option<T>,
    ) -> Option<T> {
        let v = self.enter(f, key)?;
        let x = read(self, v);
        self.leave();
        x
    }

    /// The member `key` when present and not null, with the path one step into it.
    /// (The non-generic part of [`Reader::field`], kept out of line: it is used for every member.)
    #[inline(never)]
    fn enter<'v, 'a>(&mut self, f: Fields<'v, 'a>, key: &'static str) -> Option<&'v Value<'a>> {
        match get(f, key) {
            None | Some(Value::Null) => None,
            Some(v) => {
                self.path.push(Seg::Key(key));
                Some(v)
            }
        }
    }

    /// Leaves the step [`Reader::enter`] (or an element of [`Reader::list`]) took.
    #[inline(never)]
    fn leave(&mut self) {
        self.path.pop();
    }

    /// Like [`Reader::field`] but reports a missing member.
    pub(crate) fn required<T>(
        &mut self,
        f: Fields,
        key: &'static str,
        read: fn(&mut Self, &Value) -> Option<T>,
    ) -> Option<T> {
        if self.missing(f, key) {
            return None;
        }
        self.field(f, key, read)
    }

    /// Reports `key` as missing when it is absent or null.
    #[inline(never)]
    fn missing(&mut self, f: Fields, key: &'static str) -> bool {
        if matches!(get(f, key), None | Some(Value::Null)) {
            self.error_at(key, Code::FieldMissing, "is required");
            return true;
        }
        false
    }

    /// Reads a list member, element by element; a missing member is an empty list.
    pub(crate) fn list<T>(
        &mut self,
        f: Fields,
        key: &'static str,
        read: fn(&mut Self, &Value) -> Option<T>,
    ) -> Vec<T> {
        let mut sink = List {
            out: Vec::new(),
            read,
        };
        self.each(f, key, &mut sink);
        sink.out
    }

    /// Runs `sink.put(reader, element, number of elements)` on each element of list member
    /// `key`, with the path at the element. (The non-generic part of [`Reader::list`], kept out
    /// of line: only [`List::put`] is instantiated per element type.)
    #[inline(never)]
    pub(crate) fn each(&mut self, f: Fields, key: &'static str, sink: &mut dyn Sink) {
        let Some(items) = self.items(f, key) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            self.path.push(Seg::Index(i));
            sink.put(self, item, items.len());
            self.path.pop();
        }
        self.path.pop();
    }

    /// The elements of list member `key`, with the path one step into it, or `None` (after
    /// reporting a problem if there is one) when there is nothing to read.
    #[inline(never)]
    fn items<'v, 'a>(&mut self, f: Fields<'v, 'a>, key: &'static str) -> Option<&'v [Value<'a>]> {
        let items = match get(f, key) {
            None | Some(Value::Null) => return None,
            Some(Value::Array(items)) => items,
            Some(v) => {
                self.at(Seg::Key(key), |r| r.type_error("a list", v));
                return None;
            }
        };
        if items.len() > self.limits.max_items {
            let m = format!(
                "has {} items; at most {}",
                items.len(),
                self.limits.max_items
            );
            self.error_at(key, Code::ListTooLong, m);
            return None;
        }
        self.path.push(Seg::Key(key));
        Some(items)
    }

    /// A string within the length limit.
    pub(crate) fn string(&mut self, v: &Value) -> Option<String> {
        self.str(v).map(str::to_string)
    }

    /// A string within the length limit, borrowed (for values parsed, not kept).
    fn str<'s>(&mut self, v: &'s Value) -> Option<&'s str> {
        let Value::String(s) = v else {
            self.type_error("a string", v);
            return None;
        };
        self.checked(s)
    }

    fn checked<'s>(&mut self, s: &'s str) -> Option<&'s str> {
        if s.len() > self.limits.max_text_bytes {
            self.error(
                Code::TextTooLong,
                format!(
                    "is {} bytes long; at most {}",
                    s.len(),
                    self.limits.max_text_bytes
                ),
            );
            return None;
        }
        Some(s)
    }

    /// A non-empty string.
    pub(crate) fn nonempty(&mut self, v: &Value) -> Option<String> {
        let s = self.string(v)?;
        if crate::text::blank(&s) {
            self.error(Code::TextEmpty, "must not be empty");
            return None;
        }
        Some(s)
    }

    /// An id: 1-64 characters of a-z, 0-9, `-`, `_`, `.`, starting with a letter or digit.
    pub(crate) fn id(&mut self, v: &Value) -> Option<String> {
        match id_of(v) {
            Ok(id) => Some(id),
            Err((code, message)) => {
                self.error(code, message);
                None
            }
        }
    }

    /// Localized text: a string or `{"ko": .., "en": ..}` with at least one non-empty form.
    pub(crate) fn text(&mut self, v: &Value) -> Option<Text> {
        let mut t = Text::default();
        let before = self.report.errors.len();
        match v {
            Value::String(_) => t.plain = self.string(v),
            Value::Object(_) => {
                let f = self.object(v, &["ko", "en"])?;
                t.ko = self.field(f, "ko", |r, v| r.string(v));
                t.en = self.field(f, "en", |r, v| r.string(v));
            }
            _ => {
                self.type_error("text (a string or {\"ko\": .., \"en\": ..})", v);
                return None;
            }
        }
        for s in [&mut t.ko, &mut t.en, &mut t.plain] {
            if s.as_deref().is_some_and(crate::text::blank) {
                *s = None;
            }
        }
        if t.is_empty() {
            if self.report.errors.len() == before {
                self.error(Code::TextEmpty, "must not be empty");
            }
            return None;
        }
        Some(t)
    }

    /// An `http:` or `https:` URL.
    pub(crate) fn url(&mut self, v: &Value) -> Option<String> {
        let s = self.string(v)?;
        // the scheme's length, compared in place (no lower-cased copy, no substring search)
        let b = s.as_bytes();
        let scheme = |p: &[u8]| b.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
        let n = if scheme(b"https://") {
            8
        } else if scheme(b"http://") {
            7
        } else {
            usize::MAX
        };
        let ok = s.len() > n && !s.chars().any(|c| c.is_whitespace() || c.is_control());
        if !ok {
            self.error(
                Code::UrlScheme,
                format!("{} is not an http(s) url", crate::text::quote(&s)),
            );
            return None;
        }
        Some(s)
    }

    /// A `YYYY-MM-DD` date.
    pub(crate) fn date(&mut self, v: &Value) -> Option<NaiveDate> {
        let s = self.str(v)?;
        date::parse_date(s)
            .map_err(|m| self.error(Code::DateInvalid, m))
            .ok()
    }

    /// A year, year-month or date, kept as written.
    pub(crate) fn partial_date(&mut self, v: &Value) -> Option<String> {
        let s = self.string(v)?;
        date::parse_partial(&s)
            .map_err(|m| self.error(Code::DateInvalid, m))
            .ok()?;
        Some(s)
    }

    /// A date or local date-time.
    pub(crate) fn when(&mut self, v: &Value) -> Option<When> {
        let s = self.str(v)?;
        date::parse_when(s)
            .map_err(|m| self.error(Code::DateInvalid, m))
            .ok()
    }

    /// A word of a closed vocabulary.
    pub(crate) fn word<W: Word>(&mut self, v: &Value) -> Option<W> {
        let s = self.word_str(v)?;
        let w = W::parse_word(s);
        if w.is_none() {
            self.not_a_word(s, W::expected_words);
        }
        w
    }

    /// The string a word is read from. (With [`Reader::not_a_word`], the non-generic part of
    /// [`Reader::word`], kept out of line.)
    #[inline(never)]
    fn word_str<'s>(&mut self, v: &'s Value) -> Option<&'s str> {
        let Value::String(s) = v else {
            self.type_error("a string", v);
            return None;
        };
        Some(key_str(s))
    }

    #[inline(never)]
    fn not_a_word(&mut self, s: &str, expected: fn() -> String) {
        self.error(
            Code::Enum,
            format!("{} is not one of {}", crate::text::quote(s), expected()),
        );
    }

    /// A whole number at least `min`.
    pub(crate) fn uint(&mut self, v: &Value, min: u32) -> Option<u32> {
        let Value::Number(n) = v else {
            self.type_error("a whole number", v);
            return None;
        };
        if n.fract() != 0.0 || *n > u32::MAX as f64 {
            self.error(Code::NumberInteger, "must be a whole number");
            return None;
        }
        if *n < min as f64 {
            self.error(Code::NumberRange, format!("must be at least {min}"));
            return None;
        }
        Some(*n as u32)
    }

    /// A number, optionally positive.
    pub(crate) fn number(&mut self, v: &Value, min: i32) -> Option<f64> {
        let Value::Number(n) = v else {
            self.type_error("a number", v);
            return None;
        };
        if *n < min as f64 {
            self.error(Code::NumberRange, format!("must be at least {min}"));
            return None;
        }
        Some(*n)
    }

    /// A boolean.
    pub(crate) fn boolean(&mut self, v: &Value) -> Option<bool> {
        match v {
            Value::Bool(b) => Some(*b),
            _ => {
                self.type_error("true or false", v);
                None
            }
        }
    }

    /// `sources`, `illustrative` and `note` of a record.
    pub(crate) fn provenance(&mut self, f: Fields) -> Provenance {
        Provenance {
            sources: self.list(f, "sources", |r, v| match v {
                Value::String(_) => r.id(v).map(SourceRef::Id),
                _ => r.source(v, false).map(SourceRef::Inline),
            }),
            illustrative: self
                .field(f, "illustrative", |r, v| r.boolean(v))
                .unwrap_or(false),
            note: self.field(f, "note", |r, v| r.text(v)),
        }
    }

    /// A source record (with an id at the top level, without one inline).
    pub(crate) fn source(&mut self, v: &Value, with_id: bool) -> Option<Source> {
        let f = self.object(v, &["id", "title", "url", "date", "publisher"])?;
        let id = if with_id {
            self.required(f, "id", |r, v| r.id(v)).unwrap_or_default()
        } else {
            String::new()
        };
        Some(Source {
            id,
            title: self
                .required(f, "title", |r, v| r.text(v))
                .unwrap_or_default(),
            url: self.field(f, "url", |r, v| r.url(v)),
            date: self.field(f, "date", |r, v| r.partial_date(v)),
            publisher: self.field(f, "publisher", |r, v| r.text(v)),
        })
    }
}

/// Where [`Reader::each`] puts elements: a trait of its own rather than `dyn FnMut`, whose
/// vtables carry a `call_once` shim per element type.
pub(crate) trait Sink {
    fn put(&mut self, r: &mut Reader, v: &Value, n: usize);
}

/// The elements read so far by [`Reader::list`].
struct List<T> {
    out: Vec<T>,
    read: fn(&mut Reader, &Value) -> Option<T>,
}

impl<T> Sink for List<T> {
    fn put(&mut self, r: &mut Reader, v: &Value, n: usize) {
        if let Some(x) = (self.read)(r, v) {
            if self.out.capacity() == 0 {
                self.out.reserve_exact(n);
            }
            self.out.push(x);
        }
    }
}

/// [`Reader::id`] without reporting: the id, or the problem's code and message (for a
/// reference whose problems belong to a later part, such as an agenda's proposal).
pub(crate) fn id_of(v: &Value) -> Result<String, (Code, String)> {
    let Value::String(s) = v else {
        return Err((
            Code::Type,
            format!("expected an id (string), found {}", v.kind()),
        ));
    };
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
        && s.as_bytes()[0].is_ascii_alphanumeric();
    if !ok {
        return Err((
            Code::IdSyntax,
            format!(
                "{} is not an id (1-64 of a-z 0-9 - _ . starting with a letter or digit)",
                crate::text::quote(s)
            ),
        ));
    }
    Ok(s.to_string())
}

/// Most names a record knows (its own plus `sources`, `illustrative`, `note`); a name beyond
/// this is read but not counted for [`Reader::object`]'s repeated-member warning.
const MAX_KNOWN: usize = 32;

/// The member named `key`: the last one when it is repeated, as `JSON.parse` and the JSON Schema
/// read it (docs/FORMAT.md, "Repeated members").
pub(crate) fn get<'v, 'a>(f: Fields<'v, 'a>, key: &str) -> Option<&'v Value<'a>> {
    for (k, v) in f.iter().rev() {
        if same(key_str(k), key) {
            return Some(v);
        }
    }
    None
}

/// A member name (without a call through `Deref`, which the size-optimized build keeps).
#[inline(always)]
#[allow(clippy::ptr_arg)] // taking the Cow itself is the point: matching it avoids `Deref`
fn key_str<'k>(k: &'k Cow<'_, str>) -> &'k str {
    match k {
        Cow::Borrowed(b) => b,
        Cow::Owned(o) => o.as_str(),
    }
}

#[inline(always)]
fn position(list: &[&str], k: &str) -> Option<usize> {
    for (i, x) in list.iter().enumerate() {
        if same(x, k) {
            return Some(i);
        }
    }
    None
}

/// String equality testing the length and first byte before the bytes: decoding compares every
/// member name with the names a record knows, and most differ in length or first letter (the
/// release build optimizes for size and would otherwise call into `memcmp` for each pair).
#[inline(always)]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.first() == b.first() && a == b
}
