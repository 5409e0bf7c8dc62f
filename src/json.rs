//! TEMPORARY STUB: replaced by the real parser from branch wip-json.
use std::borrow::Cow;
pub enum Value<'a> { Null, Bool(bool), Number(f64), String(Cow<'a, str>), Array(Vec<Value<'a>>), Object(Vec<(Cow<'a, str>, Value<'a>)>) }
impl Value<'_> { pub fn kind(&self) -> &'static str { match self { Value::Null => "null", Value::Bool(_) => "boolean", Value::Number(_) => "number", Value::String(_) => "string", Value::Array(_) => "array", Value::Object(_) => "object" } } }
pub struct Limits { pub max_bytes: usize, pub max_depth: usize }
impl Default for Limits { fn default() -> Self { Limits { max_bytes: 128 << 20, max_depth: 64 } } }
pub struct ParseError { pub code: &'static str, pub message: String, pub offset: usize, pub line: usize, pub column: usize }
pub fn parse<'a>(_input: &'a str, _limits: &Limits) -> Result<Value<'a>, ParseError> { Err(ParseError { code: "json.syntax", message: "stub".into(), offset: 0, line: 1, column: 1 }) }
