//! Localized text: a plain string or `{"ko": ..., "en": ...}`.

use serde::Serialize;

/// A language the widgets speak.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Korean.
    Ko,
    /// English.
    En,
}

impl Lang {
    /// Reads a language tag; anything starting with `ko` is Korean, everything else English.
    ///
    /// ```
    /// use cogov::text::Lang;
    /// assert_eq!(Lang::from_tag("ko-KR"), Lang::Ko);
    /// assert_eq!(Lang::from_tag("en"), Lang::En);
    /// assert_eq!(Lang::from_tag(""), Lang::En);
    /// ```
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("ko")) {
            Lang::Ko
        } else {
            Lang::En
        }
    }
}

/// Human-readable text in Korean and/or English, or language-neutral.
///
/// ```
/// use cogov::text::{Lang, Text};
/// let t = Text { ko: Some("협의회".into()), en: None, plain: None };
/// assert_eq!(t.get(Lang::En), "협의회"); // falls back to the other language
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// Korean.
    pub ko: Option<String>,
    /// English.
    pub en: Option<String>,
    /// A plain string given without a language.
    pub plain: Option<String>,
}

impl Text {
    /// Language-neutral text.
    ///
    /// ```
    /// assert_eq!(cogov::text::Text::plain("KRILA").get(cogov::text::Lang::Ko), "KRILA");
    /// ```
    pub fn plain(s: &str) -> Text {
        Text {
            plain: Some(s.to_string()),
            ..Text::default()
        }
    }

    /// The text in `lang`, else the language-neutral form, else the other language, else "".
    ///
    /// ```
    /// use cogov::text::{Lang, Text};
    /// let t = Text { ko: Some("총회".into()), en: Some("General Assembly".into()), plain: None };
    /// assert_eq!(t.get(Lang::Ko), "총회");
    /// assert_eq!(t.get(Lang::En), "General Assembly");
    /// ```
    pub fn get(&self, lang: Lang) -> &str {
        let (first, other) = match lang {
            Lang::Ko => (&self.ko, &self.en),
            Lang::En => (&self.en, &self.ko),
        };
        first
            .as_deref()
            .or(self.plain.as_deref())
            .or(other.as_deref())
            .unwrap_or("")
    }

    /// Whether any form is present.
    ///
    /// ```
    /// use cogov::text::Text;
    /// assert!(Text::default().is_empty());
    /// assert!(!Text::plain("총회").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.ko.is_none() && self.en.is_none() && self.plain.is_none()
    }

    /// Whether `needle` (already lower-case) occurs in any form, ignoring case.
    ///
    /// ```
    /// use cogov::text::Text;
    /// let t = Text { ko: Some("지방재정".into()), en: Some("Local Finance".into()), plain: None };
    /// assert!(t.contains_lower("finance"));
    /// assert!(t.contains_lower("재정"));
    /// ```
    pub fn contains_lower(&self, needle: &str) -> bool {
        [&self.ko, &self.en, &self.plain]
            .into_iter()
            .flatten()
            .any(|s| contains_ignore_case(s, needle))
    }
}

/// Case-insensitive substring test; `needle` must already be lower-case.
///
/// ```
/// use cogov::text::contains_ignore_case;
/// assert!(contains_ignore_case("Local FINANCE", "finance"));
/// assert!(contains_ignore_case("ＡＩ 정책", "ａｉ")); // full-width Latin folds too
/// assert!(!contains_ignore_case("지방재정", "finance"));
/// ```
pub fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    contains(&lower(hay), needle)
}

/// Lower-cases ASCII and full-width Latin letters (`Ａ`..`Ｚ`), the letters that have case in
/// Korean and English feeds; Hangul has none. Not `str::to_lowercase`, whose Unicode tables
/// cost about 10 KB of wasm; other scripts are left as they are.
///
/// ```
/// assert_eq!(cogov::text::lower("Local ＡＩ 지원"), "local ａｉ 지원");
/// ```
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'Ａ'..='Ｚ' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// A number for a message, to three decimals (`0.5`, `-2`, `1.125`), without `f64`'s `Display`,
/// whose exact printing algorithms cost about 25 KB of wasm.
///
/// ```
/// assert_eq!(cogov::text::decimal(1.5), "1.5");
/// assert_eq!(cogov::text::decimal(-2.0), "-2");
/// assert_eq!(cogov::text::decimal(0.1234), "0.123");
/// assert_eq!(cogov::text::decimal(f64::NAN), "NaN");
/// ```
pub fn decimal(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "inf"
        } else {
            "-inf"
        }
        .to_string();
    }
    let milli = (x.abs() * 1000.0).round().min(9.0e18) as u64;
    let mut s = String::new();
    if x < 0.0 && milli > 0 {
        s.push('-');
    }
    s.push_str(&(milli / 1000).to_string());
    // up to three decimals without trailing zeros, digit by digit
    let mut frac = milli % 1000;
    if frac > 0 {
        s.push('.');
        while frac > 0 {
            s.push(char::from(b'0' + (frac / 100) as u8));
            frac = frac % 100 * 10;
        }
    }
    s
}

/// Whether `s` is empty or only whitespace: `s.trim().is_empty()` without `trim`'s search from
/// both ends (`str::trim_matches`: about 350 bytes of wasm in a build that needs no other `trim`).
///
/// ```
/// assert!(cogov::text::blank(" \u{3000}\n"));
/// assert!(!cogov::text::blank(" a "));
/// ```
pub fn blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// Shortens text quoted in a message (40 characters).
fn clip(s: &str) -> &str {
    match s.char_indices().nth(40) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

/// Quotes text for a message (`"..."`, clipped to 40 characters), without `{:?}`, whose Unicode
/// escaping tables would cost wasm size.
///
/// ```
/// assert_eq!(cogov::text::quote("a\"b"), "\"a\\\"b\"");
/// ```
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(48) + 2);
    out.push('"');
    for c in clip(s).chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `needle` occurs in `haystack` (an empty needle occurs everywhere). Byte-wise, like
/// `str::contains`, whose two-way searcher and its panic paths cost about 2 KB of wasm.
///
/// ```
/// use cogov::text::contains;
/// assert!(contains("지방자치법 개정", "자치"));
/// assert!(contains("abc", ""));
/// assert!(!contains("abc", "abd"));
/// assert!(!contains("ab", "abc"));
/// ```
pub fn contains(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    let mut from = 0;
    while let Some(p) = h
        .get(from..)
        .and_then(|t| t.iter().position(|&b| b == first))
    {
        let at = from + p + 1;
        if h.get(at..at + rest.len()) == Some(rest) {
            return true;
        }
        from = at;
    }
    false
}

/// `s` split around the first `sep` (an ASCII byte): `str::split_once` without the char
/// searcher, whose code the load path would carry for four calls.
///
/// ```
/// assert_eq!(cogov::text::split_once(" a=b=c", b'='), Some((" a", "b=c")));
/// assert_eq!(cogov::text::split_once("가=", b'='), Some(("가", "")));
/// assert_eq!(cogov::text::split_once("ab", b'='), None);
/// ```
pub fn split_once(s: &str, sep: u8) -> Option<(&str, &str)> {
    let i = s.bytes().position(|b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// The pieces of `s` between the bytes `sep` (an ASCII byte), empty ones included: `str::split`
/// without the char searcher.
///
/// ```
/// let v: Vec<&str> = cogov::text::split(";a;;b;", b';').collect();
/// assert_eq!(v, ["", "a", "", "b", ""]);
/// assert_eq!(cogov::text::split("", b';').collect::<Vec<_>>(), [""]);
/// ```
pub fn split(s: &str, sep: u8) -> Split<'_> {
    Split { rest: Some(s), sep }
}

/// The iterator of [`split`].
pub struct Split<'s> {
    rest: Option<&'s str>,
    sep: u8,
}

impl<'s> Iterator for Split<'s> {
    type Item = &'s str;

    fn next(&mut self) -> Option<&'s str> {
        let s = self.rest?;
        Some(match split_once(s, self.sep) {
            Some((a, b)) => {
                self.rest = Some(b);
                a
            }
            None => {
                self.rest = None;
                s
            }
        })
    }
}
