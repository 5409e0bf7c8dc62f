//! A small serde serializer writing JSON text, so that a view crosses the boundary as one string
//! read by the engine's `JSON.parse` instead of one JS call per field (serde-wasm-bindgen builds
//! objects with a `Reflect.set` per property and decodes every string separately, which dominates
//! queries returning thousands of items). The JS result is the same as `json_compatible`: plain
//! objects, `null` for absent values, numbers for integers and floats (non-finite floats: `null`).

use core::fmt::Display;
use serde::ser::{self, Serialize};

/// Writing a view cannot fail: the error type has no values, so every `?` of every field of
/// every view compiles to nothing (a zero-sized error still left a test and a branch per field).
/// What could fail is a bug in a view type, not a property of the data: a `Serialize` impl
/// calling `serde::ser::Error::custom` (none of the crate's does) or a map key that is not a
/// string, number or boolean (no view has one). Both panic, which in the shipped wasm traps.
#[derive(Debug)]
pub enum Error {}

impl Display for Error {
    fn fmt(&self, _: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match *self {}
    }
}

impl ser::StdError for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(_: T) -> Self {
        panic!("a view could not be written as JSON")
    }
}

/// `value` as JSON text.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String, Error> {
    let mut out = String::with_capacity(256);
    value.serialize(&mut Writer { out: &mut out })?;
    Ok(out)
}

struct Writer<'a> {
    out: &'a mut String,
}

fn escape(out: &mut String, s: &str) {
    // A plain index loop: the release profile optimizes for size, which leaves iterator
    // adapters un-inlined, and this loop runs over every byte of every string of a view.
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push('"');
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x20 || c == b'"' || c == b'\\' {
            out.push_str(s.get(start..i).unwrap_or(""));
            match c {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                b'\n' => out.push_str("\\n"),
                b'\r' => out.push_str("\\r"),
                b'\t' => out.push_str("\\t"),
                _ => {
                    // a control character: \u00XX
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(char::from(HEX[usize::from(c >> 4)]));
                    out.push(char::from(HEX[usize::from(c & 15)]));
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push_str(s.get(start..).unwrap_or(""));
    out.push('"');
}

/// A sequence or map being written: whether the next item needs a comma.
pub struct Compound<'a, 'b> {
    w: &'b mut Writer<'a>,
    first: bool,
    /// Close with `}}` (a variant wrapping its content in an object).
    wrapped: bool,
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }
    /// A field name: serde field names are Rust identifiers (or renames of them), so they need
    /// no escaping.
    fn key(&mut self, k: &str) {
        self.comma();
        self.w.out.push('"');
        self.w.out.push_str(k);
        self.w.out.push_str("\":");
    }
    fn close(self, c: char) {
        self.w.out.push(c);
        if self.wrapped {
            self.w.out.push('}');
        }
    }
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// JS `String(v)`: one import returning the text (`Number::to_string_with_radix` took three:
    /// the number, `toString` and reading the `JsString` back).
    #[wasm_bindgen(js_name = String)]
    fn js_string(v: f64) -> String;
}

/// A finite non-integer as JS writes it (the shortest digits that read back as the same double).
#[cfg(target_arch = "wasm32")]
fn fraction(v: f64) -> Option<String> {
    Some(js_string(v))
}

/// Natively (unit tests) Rust's `Display`, which writes the same shortest digits.
#[cfg(not(target_arch = "wasm32"))]
fn fraction(v: f64) -> Option<String> {
    Some(v.to_string())
}

impl<'a, 'b> Writer<'a> {
    fn open(&'b mut self, c: char, variant: Option<&str>) -> Compound<'a, 'b> {
        if let Some(v) = variant {
            self.out.push('{');
            escape(self.out, v);
            self.out.push(':');
        }
        self.out.push(c);
        Compound {
            w: self,
            first: true,
            wrapped: variant.is_some(),
        }
    }
    /// An integer in decimal, without `core::fmt` (one non-generic function for every width).
    fn int(&mut self, v: i64) -> Result<(), Error> {
        if v < 0 {
            self.out.push('-');
        }
        self.uint(v.unsigned_abs())
    }
    fn uint(&mut self, mut v: u64) -> Result<(), Error> {
        let mut b = [0u8; 20];
        let mut i = b.len();
        loop {
            i -= 1;
            b[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        // ASCII digits, pushed one by one: `str::from_utf8` would inline its validation here
        for &d in &b[i..] {
            self.out.push(char::from(d));
        }
        Ok(())
    }
}

impl<'a, 'b> ser::Serializer for &'b mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, 'b>;
    type SerializeTuple = Compound<'a, 'b>;
    type SerializeTupleStruct = Compound<'a, 'b>;
    type SerializeTupleVariant = Compound<'a, 'b>;
    type SerializeMap = Compound<'a, 'b>;
    type SerializeStruct = Compound<'a, 'b>;
    type SerializeStructVariant = Compound<'a, 'b>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.int(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.int(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.int(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.uint(u64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.uint(u64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.uint(u64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.uint(v)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        if !v.is_finite() {
            self.out.push_str("null");
        } else if v.fract() == 0.0 && v.abs() < 1e15 {
            return self.int(v as i64);
        } else {
            // JS's own shortest round-trip digits; Rust's `f64` `Display` would add about 25 KB
            // of printing algorithms to the wasm for the few fractions views carry (rates).
            self.out.push_str(fraction(v).as_deref().unwrap_or("null"));
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        let mut b = [0; 4];
        escape(self.out, v.encode_utf8(&mut b));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        escape(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq;
        let mut s = self.serialize_seq(Some(v.len()))?;
        for b in v {
            s.serialize_element(b)?;
        }
        s.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Error> {
        self.serialize_str(v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.out.push('{');
        escape(self.out, variant);
        self.out.push(':');
        v.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('[', None))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('[', None))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('[', None))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('[', Some(variant)))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('{', None))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('{', None))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a, 'b>, Error> {
        Ok(self.open('{', Some(variant)))
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.comma();
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.close(']');
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<(), Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        self.comma();
        // keys are written as values, then quoted if they were not strings (numbers, booleans)
        let mut key = String::new();
        k.serialize(&mut Writer { out: &mut key })?;
        if key.starts_with('"') {
            self.w.out.push_str(&key);
        } else if key.starts_with(['{', '[']) || key == "null" {
            panic!("a view has a map key that is not a string, number or boolean");
        } else {
            escape(self.w.out, &key);
        }
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.key(key);
        v.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, v)
    }
    fn end(self) -> Result<(), Error> {
        self.close('}');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::to_string;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Wrapped(u8),
        Pair(u8, u8),
        Named { a: u8 },
    }

    #[derive(Serialize)]
    struct Inner {
        x: Option<f64>,
    }

    #[derive(Serialize)]
    struct View<'a> {
        s: &'a str,
        n: Option<u32>,
        f: f64,
        nan: f64,
        list: Vec<Kind>,
        #[serde(flatten)]
        inner: Inner,
        map: BTreeMap<i32, bool>,
        unit: (),
        ints: (i8, i64, u64, u8),
    }

    #[test]
    fn writes_what_json_compatible_gives() {
        let v = View {
            s: "제1차 \"회의\"\n\\\u{1}",
            n: None,
            f: 0.7142857142857143,
            nan: f64::NAN,
            list: vec![
                Kind::Plain,
                Kind::Wrapped(1),
                Kind::Pair(1, 2),
                Kind::Named { a: 3 },
            ],
            inner: Inner { x: Some(28.0) },
            map: BTreeMap::from([(2024, true)]),
            unit: (),
            ints: (-7, i64::MIN, u64::MAX, 0),
        };
        assert_eq!(
            to_string(&v).unwrap(),
            r#"{"s":"제1차 \"회의\"\n\\\u0001","n":null,"f":0.7142857142857143,"nan":null,"list":["plain",{"wrapped":1},{"pair":[1,2]},{"named":{"a":3}}],"x":28,"map":{"2024":true},"unit":null,"ints":[-7,-9223372036854775808,18446744073709551615,0]}"#
        );
    }
}
