//! [`ParseError`], its line and column, and the characters and bytes its messages show.

use super::parser::Parser;
use crate::codes::Code;
use std::fmt;

/// Why [`parse`](super::parse) failed, and where.
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

/// A byte as two lower-case hex digits.
pub(super) fn hex2(b: u8) -> String {
    let d = b"0123456789abcdef";
    [d[usize::from(b >> 4)], d[usize::from(b & 15)]]
        .iter()
        .map(|&c| char::from(c))
        .collect()
}

impl Parser<'_> {
    /// An error at byte `at`; computes its line and column.
    #[cold]
    #[inline(never)]
    pub(super) fn fail(&self, code: Code, at: usize, message: String) -> Box<ParseError> {
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
    pub(super) fn unexpected(&self, code: Code, at: usize, expected: &str) -> Box<ParseError> {
        match self.s.get(at..).and_then(|t| t.chars().next()) {
            None => self.eof(&format!("expected {expected}")),
            Some(c) => self.fail(code, at, format!("expected {expected}, found {}", show(c))),
        }
    }

    #[cold]
    #[inline(never)]
    pub(super) fn eof(&self, what: &str) -> Box<ParseError> {
        self.fail(
            Code::JsonEof,
            self.b.len(),
            format!("unexpected end of input, {what}"),
        )
    }
}

/// `n` in hexadecimal with at least four digits: `{:04x}` / `{:04X}` without the integer
/// formatting code for hex, which the wasm would carry for these two messages alone.
pub(super) fn hex(n: u32, upper: bool) -> String {
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
pub(super) fn show(c: char) -> String {
    match c {
        '\'' => "\"'\"".into(),
        _ if c.is_control() || c.is_whitespace() || c == '\u{feff}' => {
            format!("U+{}", hex(u32::from(c), true))
        }
        _ => format!("'{c}'"),
    }
}
