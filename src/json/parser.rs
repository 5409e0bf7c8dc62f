//! The iterative document parser: containers on an explicit stack, scalars and literals.

use super::{Res, Value, SYNTAX};
use crate::codes::Code;
use std::borrow::Cow;

/// An open array or object: where its children start on the scratch stack, and for
/// objects the key of the member being parsed.
enum Frame<'a> {
    Array(usize),
    Object(usize, Cow<'a, str>),
}

/// The input and the position of the next byte to read.
pub(super) struct Parser<'a> {
    pub(super) s: &'a str,
    pub(super) b: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Parser<'a> {
    /// Skips whitespace and returns the next byte, if any.
    #[inline]
    pub(super) fn peek(&mut self) -> Option<u8> {
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
    pub(super) fn slice(&self, a: usize, b: usize) -> &'a str {
        self.s.get(a..b).unwrap_or_default()
    }

    /// Parses one value iteratively: open containers live on an explicit stack, their
    /// finished children on two shared scratch stacks, so that each array or object is
    /// allocated once, at its exact size, when it closes.
    pub(super) fn document(&mut self, max_depth: usize) -> Res<Value<'a>> {
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
}
