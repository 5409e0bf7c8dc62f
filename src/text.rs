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
pub fn contains_ignore_case(hay: &str, needle: &str) -> bool {
    if hay.is_ascii() && needle.is_ascii() {
        let (h, n) = (hay.as_bytes(), needle.as_bytes());
        return n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n));
    }
    hay.to_lowercase().contains(needle)
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
    for c in crate::date::clip(s).chars() {
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
