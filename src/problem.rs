//! Problems found in a feed: an error (the feed is unusable) or a warning (usable but suspicious).
//!
//! Every problem names where it is (a JSON path such as `bodies[3].seats[1].count`), a stable
//! `code` (such as `number.range`) and a plain message.

pub use crate::codes::{Code, Severity};
use serde::Serialize;
use std::fmt::{self, Write};

/// One problem with a path, a stable code and a message.
///
/// ```
/// use cogov::problem::{Code, Problem, Severity};
/// let p = Problem::error("bodies[3].seats[1].count", Code::NumberRange, "must be at least 1");
/// assert_eq!(p.to_string(), "bodies[3].seats[1].count: must be at least 1");
/// assert_eq!(p.severity, Severity::Error);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Problem {
    /// JSON path, e.g. `proposals[12].history[3].status`; empty for the whole document.
    pub path: String,
    /// Stable machine-readable code, e.g. `id.duplicate`.
    #[cfg_attr(test, ts(type = "string"))]
    pub code: Code,
    /// Lower-case message without a trailing period.
    pub message: String,
    /// Error or warning.
    #[serde(skip)]
    pub severity: Severity,
}

impl Problem {
    /// An error at `path`.
    ///
    /// ```
    /// use cogov::problem::{Code, Problem};
    /// let p = Problem::error("", Code::FeedVersion, "unknown format version 2");
    /// assert_eq!(p.to_string(), "unknown format version 2");
    /// ```
    pub fn error(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            code,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// A warning at `path`.
    ///
    /// ```
    /// use cogov::problem::{Code, Problem};
    /// let p = Problem::warning("bodies[0].foo", Code::FieldUnknown, "unknown field");
    /// assert_eq!(p.severity, cogov::problem::Severity::Warning);
    /// ```
    pub fn warning(path: impl Into<String>, code: Code, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            code,
            message: message.into(),
            severity: Severity::Warning,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// All problems of one feed, errors and warnings apart, in document order.
///
/// ```
/// use cogov::problem::{Code, Problem, Report};
/// let mut r = Report::default();
/// r.push(Problem::warning("a", Code::FieldUnknown, "odd"));
/// assert!(!r.has_errors());
/// r.push(Problem::error("b", Code::Type, "bad"));
/// assert_eq!((r.errors.len(), r.warnings.len()), (1, 1));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Report {
    /// Problems that make the feed unusable.
    pub errors: Vec<Problem>,
    /// Problems that leave the feed usable.
    pub warnings: Vec<Problem>,
}

impl Report {
    /// Files a problem under errors or warnings.
    ///
    /// ```
    /// use cogov::problem::{Code, Problem, Report};
    /// let mut r = Report::default();
    /// r.push(Problem::error("cogov", Code::FeedVersion, "unknown format version 2"));
    /// assert_eq!(r.errors[0].code, "feed.version");
    /// ```
    pub fn push(&mut self, p: Problem) {
        match p.severity {
            Severity::Error => self.errors.push(p),
            Severity::Warning => self.warnings.push(p),
        }
    }

    /// Files an error (out of line: one call per place that reports one).
    ///
    /// ```
    /// use cogov::problem::{Code, Report};
    /// let mut r = Report::default();
    /// r.error("bodies[0].id".into(), Code::IdSyntax, "must be 1-64 characters".into());
    /// assert!(r.has_errors());
    /// ```
    #[inline(never)]
    pub fn error(&mut self, path: String, code: Code, message: String) {
        self.errors.push(Problem {
            path,
            code,
            message,
            severity: Severity::Error,
        });
    }

    /// Files a warning (out of line: one call per place that reports one).
    ///
    /// ```
    /// use cogov::problem::{Code, Report};
    /// let mut r = Report::default();
    /// r.warning("bodies[0].zz".into(), Code::FieldUnknown, "unknown field".into());
    /// assert_eq!((r.errors.len(), r.warnings.len()), (0, 1));
    /// ```
    #[inline(never)]
    pub fn warning(&mut self, path: String, code: Code, message: String) {
        self.warnings.push(Problem {
            path,
            code,
            message,
            severity: Severity::Warning,
        });
    }

    /// Whether any error was found (warnings never count).
    ///
    /// ```
    /// let r = cogov::dataset::load(r#"{"cogov": 2}"#).report;
    /// assert!(r.has_errors());
    /// ```
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }
}

/// A JSON path under construction: segments are pushed and popped while decoding and only
/// rendered to a string when a problem is reported.
///
/// ```
/// use cogov::problem::{Path, Seg};
/// let mut p = Path::default();
/// p.push(Seg::Key("bodies"));
/// p.push(Seg::Index(3));
/// p.push(Seg::Key("name"));
/// assert_eq!(p.render(), "bodies[3].name");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Path {
    segs: Vec<Seg>,
}

/// One step of a [`Path`].
#[derive(Clone, Debug)]
pub enum Seg {
    /// An object member with a field name known in advance.
    Key(&'static str),
    /// An object member whose name came from the data.
    Name(String),
    /// An array element.
    Index(usize),
}

impl Path {
    /// Adds a step.
    ///
    /// ```
    /// use cogov::problem::{Path, Seg};
    /// let mut p = Path::default();
    /// p.push(Seg::Name("a key".into()));
    /// assert_eq!(p.render(), r#"["a key"]"#);
    /// ```
    pub fn push(&mut self, s: Seg) {
        self.segs.push(s);
    }
    /// Removes the last step.
    ///
    /// ```
    /// use cogov::problem::{Path, Seg};
    /// let mut p = Path::default();
    /// p.push(Seg::Key("bodies"));
    /// p.push(Seg::Index(0));
    /// p.pop();
    /// assert_eq!(p.render(), "bodies");
    /// ```
    pub fn pop(&mut self) {
        self.segs.pop();
    }
    /// The path as text, e.g. `proposals[12].history[3].stage`; a member name that is not plain
    /// is quoted.
    ///
    /// ```
    /// use cogov::problem::{Path, Seg};
    /// let mut p = Path::default();
    /// p.push(Seg::Key("sessions"));
    /// p.push(Seg::Index(2));
    /// p.push(Seg::Name("x.y".into()));
    /// assert_eq!(p.render(), r#"sessions[2]["x.y"]"#);
    /// ```
    pub fn render(&self) -> String {
        let mut out = String::new();
        for s in &self.segs {
            match s {
                Seg::Key(k) => push_key(&mut out, k),
                Seg::Name(k) => push_key(&mut out, k),
                Seg::Index(i) => {
                    let _ = write!(out, "[{i}]");
                }
            }
        }
        out
    }
}

fn push_key(out: &mut String, k: &str) {
    let plain = !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(k);
    } else {
        out.push_str("[\"");
        for c in k.chars().take(64) {
            if c == '"' || c == '\\' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push_str("\"]");
    }
}
