//! The value tree [`Value`] and its typed accessors.

use std::borrow::Cow;

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
