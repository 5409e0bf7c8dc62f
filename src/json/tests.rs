//! Specification tests for the JSON parser.

use super::*;
use std::borrow::Cow;

fn lim() -> Limits {
    Limits::default()
}

fn s(x: &str) -> Value<'_> {
    Value::String(Cow::Borrowed(x))
}

fn n(x: f64) -> Value<'static> {
    Value::Number(x)
}

fn arr(v: Vec<Value<'static>>) -> Value<'static> {
    Value::Array(v)
}

fn obj(v: Vec<(&'static str, Value<'static>)>) -> Value<'static> {
    Value::Object(v.into_iter().map(|(k, v)| (Cow::Borrowed(k), v)).collect())
}

/// `input` parses to `expected`.
#[track_caller]
fn check(input: &str, expected: Value) {
    assert_eq!(parse(input, &lim()), Ok(expected), "input {input:?}");
}

/// `input` fails with `code` at `line`:`column` and exactly `message`.
#[track_caller]
fn check_err(input: &str, code: &str, line: usize, column: usize, message: &str) {
    let e = parse(input, &lim()).expect_err(input);
    assert_eq!(
        (e.code.as_str(), e.line, e.column, e.message.as_str()),
        (code, line, column, message),
        "input {input:?}"
    );
}

#[test]
fn scalars() {
    check("null", Value::Null);
    check("true", Value::Bool(true));
    check(" \t\r\nfalse\n", Value::Bool(false));
    check(r#""""#, s(""));
    check(r#""한글 abc""#, s("한글 abc"));
    check("\u{feff}[]", arr(vec![]));
}

#[test]
fn numbers() {
    for (text, x) in [
        ("0", 0.0),
        ("-0", -0.0),
        ("7", 7.0),
        ("-12", -12.0),
        ("3.25", 3.25),
        ("0.1", 0.1),
        ("1e3", 1000.0),
        ("1E+3", 1000.0),
        ("25e-2", 0.25),
        ("-1.5e-7", -1.5e-7),
        ("123456789012345678", 123456789012345678.0),
        ("9007199254740993", 9007199254740992.0),
        ("1.7976931348623157e308", f64::MAX),
        ("5e-324", 5e-324),
        ("1e-400", 0.0),
        ("0.000000000000000000000000000001", 1e-30),
    ] {
        let v = parse(text, &lim()).unwrap().as_f64().unwrap();
        assert!(close(v, x), "{text}: {v} vs {x}");
    }
    assert_eq!(
        parse("-0", &lim())
            .unwrap()
            .as_f64()
            .map(f64::is_sign_negative),
        Some(true)
    );
}

/// Equal within a few units in the last place (the documented precision off the exact path).
fn close(got: f64, want: f64) -> bool {
    got.to_bits() == want.to_bits()
        || (got - want).abs() <= want.abs() * 1e-15
        || (got - want).abs() < 1e-320
}

#[test]
fn number_fast_path_matches_std() {
    let mut rng = XorShift(0x1234_5678);
    for _ in 0..100_000 {
        let r = rng.next();
        let int = r % 1_000_000_000;
        let frac = (r >> 32) % 100_000;
        let e = (r >> 50) as i64 % 40 - 20;
        for text in [
            format!("{int}.{frac}"),
            format!("{int}.{frac:05}e{e}"),
            format!("-{int}e{e}"),
        ] {
            let want: f64 = text.parse().unwrap();
            let got = parse(&text, &lim()).unwrap().as_f64().unwrap();
            let exp = e - if text.contains('.') { 5 } else { 0 };
            if (-22..=22).contains(&exp) {
                // the exact path: correctly rounded, bit for bit
                assert_eq!(got.to_bits(), want.to_bits(), "{text}");
            } else {
                assert!(close(got, want), "{text}: {got} vs {want}");
            }
        }
    }
}

#[test]
fn integers() {
    let l = lim();
    assert_eq!(
        parse("9007199254740991", &l).unwrap().as_i64(),
        Some(9007199254740991)
    );
    assert_eq!(parse("9007199254740992", &l).unwrap().as_i64(), None);
    assert_eq!(
        parse("-9007199254740991", &l).unwrap().as_i64(),
        Some(-9007199254740991)
    );
    assert_eq!(parse("2.0", &l).unwrap().as_u64(), Some(2));
    assert_eq!(parse("2.5", &l).unwrap().as_u64(), None);
    assert_eq!(parse("\"2\"", &l).unwrap().as_i64(), None);
}

#[test]
fn strings_and_escapes() {
    check(r#""a\"b\\c\/d\b\f\n\r\t""#, s("a\"b\\c/d\u{8}\u{c}\n\r\t"));
    check(r#""\u0041\u00e9\uD55C\ud83d\ude00x""#, s("Aé한😀x"));
    check(r#""\u0000""#, s("\0"));
    check("\"\u{7f}\u{10ffff}\"", s("\u{7f}\u{10ffff}"));
    // Unescaped strings borrow from the input; escaped ones are owned.
    let v = parse(r#"["plain","esc\n"]"#, &lim()).unwrap();
    let a = v.as_array().unwrap();
    assert!(matches!(&a[0], Value::String(Cow::Borrowed("plain"))));
    assert!(matches!(&a[1], Value::String(Cow::Owned(o)) if o == "esc\n"));
    let v = parse(r#"{"k\u0031":1}"#, &lim()).unwrap();
    assert!(matches!(&v.as_object().unwrap()[0].0, Cow::Owned(k) if k == "k1"));
}

#[test]
fn containers() {
    check("[]", arr(vec![]));
    check("{}", obj(vec![]));
    check(
        " [ 1 , [ ] , { } ] ",
        arr(vec![n(1.0), arr(vec![]), obj(vec![])]),
    );
    check(
        r#"{"b":[true,null],"a":{"x":"y"},"b":2}"#,
        obj(vec![
            ("b", arr(vec![Value::Bool(true), Value::Null])),
            ("a", obj(vec![("x", s("y"))])),
            ("b", n(2.0)),
        ]),
    );
    let v = parse(r#"{"b":1,"b":2}"#, &lim()).unwrap();
    assert_eq!(v.get("b"), Some(&n(2.0)));
    assert_eq!(v.as_object().map(<[_]>::len), Some(2));
}

#[test]
fn accessors() {
    let v = parse(
        r#"{"s":"x","n":1,"b":false,"a":[],"o":{},"z":null}"#,
        &lim(),
    )
    .unwrap();
    let kinds: Vec<_> = v
        .as_object()
        .unwrap()
        .iter()
        .map(|(_, v)| v.kind())
        .collect();
    assert_eq!(
        kinds,
        ["string", "number", "boolean", "array", "object", "null"]
    );
    assert_eq!(v.get("s").and_then(Value::as_str), Some("x"));
    assert_eq!(v.get("b").and_then(Value::as_bool), Some(false));
    assert!(v.get("z").is_some_and(Value::is_null));
    assert_eq!(v.get("s").and_then(Value::as_f64), None);
    assert_eq!(v.get("a").and_then(|a| a.get("x")), None);
}

#[test]
fn syntax_errors() {
    let e = "json.syntax";
    check_err(
        "",
        "json.eof",
        1,
        1,
        "unexpected end of input, expected a value",
    );
    check_err(
        "  \n ",
        "json.eof",
        2,
        2,
        "unexpected end of input, expected a value",
    );
    check_err("[1,]", e, 1, 4, "expected a value, found ']'");
    check_err(
        r#"{"a":1,}"#,
        e,
        1,
        8,
        "expected a string key after ',', found '}'",
    );
    check_err("{1:2}", e, 1, 2, "expected a string key or '}', found '1'");
    check_err(
        r#"{"a" 1}"#,
        e,
        1,
        6,
        "expected ':' after object key, found '1'",
    );
    check_err(
        r#"{"a":1 "b":2}"#,
        e,
        1,
        8,
        "expected ',' or '}' after object member, found '\"'",
    );
    check_err(
        "[1 2]",
        e,
        1,
        4,
        "expected ',' or ']' after array element, found '2'",
    );
    check_err(
        "[1]x",
        e,
        1,
        4,
        "expected end of input after the document, found 'x'",
    );
    check_err(
        "1 2",
        e,
        1,
        3,
        "expected end of input after the document, found '2'",
    );
    check_err("// c\n1", e, 1, 1, "expected a value, found '/'");
    check_err("[NaN]", e, 1, 2, "expected a value, found 'N'");
    check_err("Infinity", e, 1, 1, "expected a value, found 'I'");
    check_err("[nan]", e, 1, 2, "invalid literal 'nan', expected 'null'");
    check_err("tRue", e, 1, 1, "invalid literal 'tRue', expected 'true'");
    check_err("'a'", e, 1, 1, "expected a value, found \"'\"");
    check_err(
        "[\n  \"a\",\n  한]",
        e,
        3,
        3,
        "expected a value, found '한'",
    );
    check_err(
        "[\"가나\" 다]",
        e,
        1,
        7,
        "expected ',' or ']' after array element, found '다'",
    );
    check_err(
        "\"a\nb\"",
        e,
        1,
        3,
        "unescaped control character U+000A in string",
    );
    check_err(
        "\"\t\"",
        e,
        1,
        2,
        "unescaped control character U+0009 in string",
    );
    check_err(
        "\u{feff}\u{feff}1",
        e,
        1,
        1,
        "expected a value, found U+FEFF",
    );
    check_err("\u{feff} x", e, 1, 2, "expected a value, found 'x'");
}

#[test]
fn number_errors() {
    let e = "json.bad_number";
    check_err("01", e, 1, 1, "leading zeros are not allowed");
    check_err("[-00]", e, 1, 3, "leading zeros are not allowed");
    check_err("-x", e, 1, 2, "expected a digit after '-', found 'x'");
    check_err("[1.]", e, 1, 4, "expected a digit after '.', found ']'");
    check_err(".5", "json.syntax", 1, 1, "expected a value, found '.'");
    check_err("+1", "json.syntax", 1, 1, "expected a value, found '+'");
    check_err(
        "1e+x",
        e,
        1,
        4,
        "expected a digit in the exponent, found 'x'",
    );
    check_err("[1e400]", e, 1, 2, "number is out of range");
    check_err("-1e99999999999999999999", e, 1, 1, "number is out of range");
}

#[test]
fn escape_errors() {
    let e = "json.bad_escape";
    check_err(r#""\x""#, e, 1, 2, "invalid escape '\\x' in string");
    check_err(r#""\'""#, e, 1, 2, "invalid escape '\\'' in string");
    check_err("\"\\한\"", e, 1, 2, "invalid escape '\\한' in string");
    check_err(r#""\u12G4""#, e, 1, 6, "expected 4 hex digits after '\\u'");
    check_err(
        r#""ab\ud800""#,
        e,
        1,
        4,
        "lone surrogate '\\ud800' in string",
    );
    check_err(
        r#""\ud800x""#,
        e,
        1,
        2,
        "lone surrogate '\\ud800' in string",
    );
    check_err(
        r#""\ud800\n""#,
        e,
        1,
        2,
        "lone surrogate '\\ud800' in string",
    );
    check_err(
        r#""\ud800\u0041""#,
        e,
        1,
        2,
        "lone surrogate '\\ud800' in string",
    );
    check_err(r#""\udc00""#, e, 1, 2, "lone surrogate '\\udc00' in string");
}

#[test]
fn eof_errors() {
    let e = "json.eof";
    check_err("\"abc", e, 1, 5, "unexpected end of input, inside a string");
    check_err(
        "\"a\\",
        e,
        1,
        4,
        "unexpected end of input, inside a string escape",
    );
    check_err(
        "\"\\u12",
        e,
        1,
        6,
        "unexpected end of input, inside a string escape",
    );
    check_err(
        "\"\\ud83d",
        e,
        1,
        8,
        "unexpected end of input, inside a string escape",
    );
    check_err(
        "\"\\ud83d\\",
        e,
        1,
        9,
        "unexpected end of input, inside a string escape",
    );
    check_err(
        "\"\\ud83d\\ude",
        e,
        1,
        12,
        "unexpected end of input, inside a string escape",
    );
    check_err(
        "[-",
        e,
        1,
        3,
        "unexpected end of input, expected a digit after '-'",
    );
    check_err(
        "1.",
        e,
        1,
        3,
        "unexpected end of input, expected a digit after '.'",
    );
    check_err(
        "1e-",
        e,
        1,
        4,
        "unexpected end of input, expected a digit in the exponent",
    );
    check_err(
        "[tr",
        e,
        1,
        4,
        "unexpected end of input, inside literal 'true'",
    );
    check_err(
        "[1",
        e,
        1,
        3,
        "unexpected end of input, expected ',' or ']' after array element",
    );
    check_err(
        "{\n",
        e,
        2,
        1,
        "unexpected end of input, expected a string key or '}'",
    );
    check_err(
        "{\"a\"",
        e,
        1,
        5,
        "unexpected end of input, expected ':' after object key",
    );
    check_err(
        "{\"a\":",
        e,
        1,
        6,
        "unexpected end of input, expected a value",
    );
}

#[test]
fn limits() {
    let small = Limits {
        max_bytes: 4,
        max_depth: 2,
    };
    assert_eq!(parse("[[]]", &small).map(|v| v.kind()), Ok("array"));
    let e = parse("[[1]] ", &small).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.offset, e.message.as_str()),
        (
            "json.too_large",
            0,
            "input is 6 bytes, over the limit of 4 bytes"
        )
    );
    let e = parse(
        "[[[]]]",
        &Limits {
            max_bytes: 100,
            max_depth: 2,
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.column, e.message.as_str()),
        (
            "json.too_deep",
            3,
            "nesting deeper than the limit of 2 levels"
        )
    );
    let e = parse(
        r#"{"a":{"b":{}}}"#,
        &Limits {
            max_bytes: 100,
            max_depth: 2,
        },
    )
    .unwrap_err();
    assert_eq!((e.code.as_str(), e.column), ("json.too_deep", 11));
    assert_eq!(
        parse(
            "1",
            &Limits {
                max_bytes: 1,
                max_depth: 0
            }
        ),
        Ok(n(1.0))
    );
    // 64 levels are fine by default, 65 are not.
    let ok = format!("{}{}", "[".repeat(64), "]".repeat(64));
    assert!(parse(&ok, &lim()).is_ok());
    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    assert_eq!(parse(&deep, &lim()).unwrap_err().code, "json.too_deep");
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let deep = "[".repeat(100_000);
    let e = parse(&deep, &lim()).unwrap_err();
    assert_eq!((e.code.as_str(), e.offset), ("json.too_deep", 64));
    let deep = "{\"a\":".repeat(100_000);
    assert_eq!(parse(&deep, &lim()).unwrap_err().code, "json.too_deep");
    // With a huge depth limit the parser itself still does not recurse.
    let unlimited = Limits {
        max_bytes: usize::MAX,
        max_depth: usize::MAX,
    };
    let e = parse(&"[".repeat(1_000_000), &unlimited).unwrap_err();
    assert_eq!(e.code.as_str(), "json.eof");
}

#[test]
fn ten_megabyte_string() {
    let big = "가".repeat(3_500_000);
    let doc = format!("{{\"text\":\"{big}\",\"esc\":\"{big}\\n\"}}");
    let v = parse(&doc, &lim()).unwrap();
    assert_eq!(
        v.get("text").and_then(Value::as_str).map(str::len),
        Some(10_500_000)
    );
    assert_eq!(
        v.get("esc").and_then(Value::as_str).map(str::len),
        Some(10_500_001)
    );
}

const SAMPLE: &str = r#"{
  "council": {"id": "seoul-11", "name": "서울특별시의회", "founded": 1956, "area_km2": 605.2},
  "members": [
    {"name": "김철수", "party": null, "terms": [9, 10], "active": true, "note": "say \"hi\"\n\u00e9\ud83d\ude00"},
    {"name": "이영희", "party": "무소속", "terms": [], "active": false, "score": -1.5e-3}
  ],
  "empty": {}
}
"#;

#[test]
fn every_truncation_is_an_eof_error() {
    assert!(parse(SAMPLE, &lim()).is_ok());
    for (cut, _) in SAMPLE.trim_end().char_indices() {
        let e = parse(&SAMPLE[..cut], &lim()).expect_err(&SAMPLE[..cut]);
        assert_eq!(
            (e.code.as_str(), e.offset),
            ("json.eof", cut),
            "prefix {:?}: {}",
            &SAMPLE[..cut],
            e.message
        );
    }
}

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The parser's answer must be consistent, whatever the input.
fn no_panic(input: &str) {
    match parse(
        input,
        &Limits {
            max_bytes: 1 << 20,
            max_depth: 16,
        },
    ) {
        Ok(_) => {}
        Err(e) => {
            assert!(e.offset <= input.len(), "{input:?}");
            assert!(
                e.line >= 1 && e.column >= 1 && e.code.as_str().starts_with("json."),
                "{input:?}"
            );
            assert!(
                !e.message.is_empty() && !e.message.ends_with('.'),
                "{input:?}"
            );
        }
    }
}

#[test]
fn fuzz_random_inputs() {
    const ALPHABET: &[&str] = &[
        "{", "}", "[", "]", ",", ":", "\"", "\\", "u", "d8", "dc", "0", "1", "9", "-", "+", ".",
        "e", "E", " ", "\n", "\t", "true", "null", "fals", "a", "한", "😀", "\u{0}", "\u{1f}",
        "\u{feff}", "\\u",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut buf = String::new();
    let mut bytes = Vec::new();
    for round in 0..300_000 {
        buf.clear();
        let len = rng.next() % 24;
        for _ in 0..len {
            buf.push_str(ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize]);
        }
        no_panic(&buf);
        if round % 4 == 0 {
            bytes.clear();
            bytes.extend((0..rng.next() % 16).map(|_| rng.next() as u8));
            no_panic(&String::from_utf8_lossy(&bytes));
        }
    }
}

#[test]
fn fuzz_mutations_of_a_valid_document() {
    const PIECES: &[char] = &[
        '{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', '.', ' ', 'u', 'x', '한', '\n',
    ];
    let base: Vec<char> = SAMPLE.chars().collect();
    let mut rng = XorShift(42);
    let mut doc = Vec::new();
    for _ in 0..20_000 {
        doc.clone_from(&base);
        for _ in 0..1 + rng.next() % 4 {
            let at = (rng.next() % doc.len() as u64) as usize;
            let c = PIECES[(rng.next() % PIECES.len() as u64) as usize];
            match rng.next() % 3 {
                0 => doc[at] = c,
                1 => doc.insert(at, c),
                _ => {
                    doc.remove(at);
                }
            }
        }
        no_panic(&doc.iter().collect::<String>());
    }
}

#[test]
fn hex_matches_padded_format() {
    for n in [
        0u32,
        0x9,
        0xA,
        0xFEFF,
        0xD800,
        0xFFFF,
        0x1_0000,
        0x1F600,
        0x10_FFFF,
        u32::MAX,
    ] {
        assert_eq!(super::error::hex(n, true), format!("{n:04X}"));
        assert_eq!(super::error::hex(n, false), format!("{n:04x}"));
    }
}
