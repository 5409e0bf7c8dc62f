//! String literals: the fast scan, escapes and `\uXXXX` with surrogate pairs.

use super::error::{hex, show};
use super::parser::Parser;
use super::{Res, BAD_ESCAPE, SYNTAX};
use std::borrow::Cow;

/// 0x01 in every byte of a `u64`.
const LO: u64 = u64::from_le_bytes([1; 8]);

impl<'a> Parser<'a> {
    /// Parses a string literal whose opening quote is at `pos`.
    pub(super) fn string(&mut self) -> Res<Cow<'a, str>> {
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
