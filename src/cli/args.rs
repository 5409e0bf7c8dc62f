//! A small argument reader: positionals, `--flag` and `--key VALUE` (or `--key=VALUE`).

/// Parsed arguments.
#[derive(Debug, Default)]
pub struct Args {
    positionals: Vec<String>,
    options: Vec<(String, Option<String>)>,
}

const VALUED: &[&str] = &[
    "lang", "root", "as-of", "from", "to", "body", "session", "dtstart", "rrule", "exdate",
    "rdate", "limit", "now", "url", "stage", "ministry", "proposer", "year", "text", "by", "today",
    "answer", "weight", "sort", "offset", "out", "base-url", "series",
];

impl Args {
    /// Reads `argv`; options in `VALUED` take a value.
    pub fn parse(argv: &[String]) -> Result<Args, String> {
        let mut a = Args::default();
        let mut it = argv.iter();
        while let Some(x) = it.next() {
            if let Some(opt) = x.strip_prefix("--") {
                let (key, inline) = match opt.split_once('=') {
                    Some((k, v)) => (k, Some(v.to_string())),
                    None => (opt, None),
                };
                let value = if VALUED.contains(&key) {
                    Some(match inline {
                        Some(v) => v,
                        None => it.next().ok_or(format!("--{key} needs a value"))?.clone(),
                    })
                } else if inline.is_some() {
                    return Err(format!("--{key} takes no value"));
                } else {
                    None
                };
                a.options.push((key.to_string(), value));
            } else {
                a.positionals.push(x.clone());
            }
        }
        Ok(a)
    }

    /// The `i`th positional argument, or a usage error naming it.
    pub fn positional(&self, i: usize, name: &str) -> Result<&str, String> {
        self.positionals
            .get(i)
            .map(String::as_str)
            .ok_or(format!("missing {name}"))
    }

    /// Whether `--flag` was given.
    pub fn flag(&self, key: &str) -> bool {
        self.options.iter().any(|(k, _)| k == key)
    }

    /// The value of `--key`, if given (the last one wins).
    pub fn value(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_deref())
    }

    /// Fails on options not in `allowed`.
    pub fn only(&self, allowed: &[&str]) -> Result<(), String> {
        match self
            .options
            .iter()
            .find(|(k, _)| !allowed.contains(&k.as_str()))
        {
            Some((k, _)) => Err(format!("unknown option --{k}")),
            None => Ok(()),
        }
    }

    /// `--lang`, default Korean.
    pub fn lang(&self) -> Result<crate::text::Lang, String> {
        match self.value("lang").unwrap_or("ko") {
            "ko" => Ok(crate::text::Lang::Ko),
            "en" => Ok(crate::text::Lang::En),
            other => Err(format!("--lang must be ko or en, not {other:?}")),
        }
    }

    /// A date option.
    pub fn date(&self, key: &str) -> Result<Option<chrono::NaiveDate>, String> {
        self.value(key)
            .map(|s| crate::date::parse_date(s).map_err(|m| format!("--{key}: {m}")))
            .transpose()
    }
}
