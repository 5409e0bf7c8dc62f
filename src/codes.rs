//! The closed list of every problem and error code the core emits.
//!
//! A [`Problem`](crate::problem::Problem), a JSON [`ParseError`](crate::json::ParseError) and a
//! boundary error carry a [`Code`], so a code missing from this list cannot be emitted. Each
//! entry says its code string, its severity, where it is reported ([`Area`]) and what it means;
//! docs/FORMAT.md's code table (between `<!-- codes:begin -->` and `<!-- codes:end -->`) is
//! generated from it ([`markdown`]; `tests/codes.rs` fails when the file differs, and
//! `COGOV_BLESS=1 cargo test --test codes` rewrites it). `tests/codes.rs` also fails when a code
//! is never produced by a test input, and `tests/wasm.rs` does so for the boundary's codes.
//!
//! Adding a code is one line in the table below (variant, code, severity, area, meaning), then
//! a fixture in `tests/codes.rs` when no test input produces it yet, and the bless run for
//! docs/FORMAT.md.
//!
//! Only `as_str` reaches the wasm: the meanings and the lists are for the tests, the docs and
//! the CLI, and drop out of the shipped builds.
//!
//! ```
//! use cogov::codes::{Area, Code};
//! assert_eq!(Code::NumberRange.as_str(), "number.range");
//! assert_eq!(Code::parse("field.unknown"), Some(Code::FieldUnknown));
//! assert_eq!(Code::FieldUnknown.severity(), cogov::problem::Severity::Warning);
//! assert_eq!(Code::ArgType.area(), Area::Boundary);
//! ```

use serde::Serialize;
use std::fmt;

/// How bad a problem is (re-exported as `problem::Severity`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The feed cannot be used until it is fixed.
    Error,
    /// The feed is usable, but something looks wrong.
    Warning,
}

/// Where a code is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// A problem of the feed itself: found while loading (`cogov validate`, every widget), in a
    /// report's `errors` or `warnings`.
    Feed,
    /// A query that cannot be answered (an unknown id, a bad argument): the error of one query
    /// function of the core, thrown by the boundary's method, printed by the CLI.
    Query,
    /// Thrown only by the wasm boundary (`src/wasm/`): a wrong argument type, a part a build
    /// did not load, a view too large for the browser.
    Boundary,
}

impl Area {
    /// Every area, in the order of the docs.
    pub const ALL: [Area; 3] = [Area::Feed, Area::Query, Area::Boundary];

    /// The area's name in the docs.
    pub const fn as_str(self) -> &'static str {
        match self {
            Area::Feed => "feed",
            Area::Query => "query",
            Area::Boundary => "boundary",
        }
    }
}

macro_rules! codes {
    ($($name:ident = $code:literal, $sev:ident, $area:ident, $meaning:literal;)*) => {
        /// A problem or error code: one of a closed list (see the module docs). Only the
        /// associated constants make one (the field is private).
        ///
        /// A code is its string, not an index into a table: each build carries the strings of
        /// the codes it can emit and no others (an enum's `as_str` table put every code's string
        /// in every wasm: +476 B gzip on the structure build).
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct Code(&'static str);

        #[allow(non_upper_case_globals)]
        impl Code {
            $(#[doc = $meaning] pub const $name: Code = Code($code);)*

            /// Every code, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            /// Each code's severity, area and meaning.
            const INFO: &'static [(Severity, Area, &'static str)] =
                &[$((Severity::$sev, Area::$area, $meaning),)*];
        }
    };
}

impl Code {
    /// The code as emitted, e.g. `number.range`.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    fn info(self) -> (Severity, Area, &'static str) {
        let i = Code::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Code::INFO[i]
    }

    /// Whether the problem is an error or a warning (every query and boundary code is an
    /// error: it is thrown).
    pub fn severity(self) -> Severity {
        self.info().0
    }

    /// Where the code is reported.
    pub fn area(self) -> Area {
        self.info().1
    }

    /// What the code means, in one line of English (as docs/FORMAT.md lists it).
    pub fn meaning(self) -> &'static str {
        self.info().2
    }
}

codes! {
    // the JSON reader (src/json.rs)
    JsonSyntax = "json.syntax", Error, Feed, "not JSON: an unexpected character, a control character in a string, or data after the document";
    JsonEof = "json.eof", Error, Feed, "the text ends inside the document (every truncated document gets this)";
    JsonBadNumber = "json.bad_number", Error, Feed, "a number JSON does not allow (leading zeros, a missing digit) or out of range";
    JsonBadEscape = "json.bad_escape", Error, Feed, "an invalid escape in a string, or a lone surrogate `\\uD800`";
    JsonTooDeep = "json.too_deep", Error, Feed, "more than 64 levels of nested arrays and objects";
    JsonTooLarge = "json.too_large", Error, Feed, "the text is over 128 MiB, the reader's size limit";
    JsonUtf8 = "json.utf8", Error, Feed, "the file is not valid UTF-8 (`cogov validate`, which reads bytes): names the first bad byte";
    JsonDuplicateKey = "json.duplicate_key", Warning, Feed, "a member repeated in one object: the last one is used";
    // the field readers (src/feed/reader.rs, src/feed/decode.rs)
    FeedVersion = "feed.version", Error, Feed, "`cogov` is missing or not 1, the format version this reader knows";
    FeedTimezone = "feed.timezone", Error, Feed, "`timezone` is not `Asia/Seoul`, the one time zone supported";
    FieldMissing = "field.missing", Error, Feed, "a required member is absent or null";
    FieldUnknown = "field.unknown", Warning, Feed, "a member this format does not define (ignored; usually a typo)";
    Type = "type", Error, Feed, "a value of the wrong JSON type (an object where a list is expected, a number for an id, ...)";
    Enum = "enum", Error, Feed, "a word outside its closed vocabulary (a body `kind`, a seat `role`, a proposal `stage`, ...)";
    IdSyntax = "id.syntax", Error, Feed, "not an id: 1-64 characters of `a-z 0-9 - _ .`, starting with a letter or digit";
    TextEmpty = "text.empty", Error, Feed, "a text or string that must not be empty is empty or blank";
    TextTooLong = "text.too_long", Error, Feed, "a string over 20,000 bytes";
    ListTooLong = "list.too_long", Error, Feed, "a list of more than 1,000,000 items";
    UrlScheme = "url.scheme", Error, Feed, "not an absolute `http:` or `https:` URL (or it holds spaces or control characters)";
    DateInvalid = "date.invalid", Error, Feed, "not a date, partial date or local date-time of the form this member takes, or no such day";
    DateOrder = "date.order", Error, Feed, "an end before its start (a session, a term, a rule's `effective` period)";
    NumberInteger = "number.integer", Error, Feed, "a number that must be whole is not (or is too large)";
    NumberRange = "number.range", Error, Feed, "a number below its minimum (a seat `count` of 0, a negative figure)";
    SeatUnnamed = "seat.unnamed", Error, Feed, "a seat with neither `office` nor `title`";
    SeriesNoRules = "series.no_rules", Error, Feed, "a series without one rule the reader can use";
    RuleForm = "rule.form", Error, Feed, "a series rule with both `rrule` and `relative`";
    SessionRecurrence = "session.recurrence", Error, Feed, "a session with `recurrence_id` but no `series`";
    // the cross-record checks (src/check.rs, src/calendar/checks.rs)
    IdDuplicate = "id.duplicate", Error, Feed, "an id already used by an earlier record (ids are unique across the document)";
    RefDangling = "ref.dangling", Error, Feed, "a reference to an id that no record of the right kind has";
    SourceMissing = "source.missing", Warning, Feed, "a body, series, session, proposal or card with no `sources` that is not marked illustrative";
    BodyCycle = "body.cycle", Error, Feed, "bodies that are part of or support each other in a cycle";
    SeatHoldersExceedCount = "seat.holders_exceed_count", Warning, Feed, "more current holders than the seat's `count`";
    SeriesCycle = "series.cycle", Error, Feed, "relative rules that follow each other in a cycle";
    SeriesDepth = "series.depth", Error, Feed, "a chain of more than 8 relative rules";
    SessionHoliday = "session.holiday", Warning, Feed, "a session (explicit, or an occurrence of a series, 1990-2050) falls on a Korean public holiday (`cogov validate` only)";
    SessionRecurrenceId = "session.recurrence_id", Warning, Feed, "a `recurrence_id` that is not an occurrence of its series";
    // series rules (src/calendar/rules.rs; the engine's own codes are listed with each)
    RruleSyntax = "rrule.syntax", Error, Feed, "an RRULE that does not parse: an empty rule or part, a part without `=`, no `FREQ`";
    RruleUnsupported = "rrule.unsupported", Error, Feed, "an RRULE feature the core does not expand (times of day, `RDATE`, `DTSTART` inside the rule, ...)";
    RruleUnknownPart = "rrule.unknown_part", Error, Feed, "an RRULE part name RFC 5545 does not define";
    RruleDuplicatePart = "rrule.duplicate_part", Error, Feed, "an RRULE part given twice";
    RruleCombination = "rrule.combination", Error, Feed, "RRULE parts that do not combine (`COUNT` with `UNTIL`, `BYMONTHDAY` with `FREQ=WEEKLY`, a `BYDAY` ordinal with `WEEKLY` or `DAILY`)";
    RruleOutOfRange = "rrule.out_of_range", Error, Feed, "a date of a rule (`dtstart`, `UNTIL`, an exdate) outside the years 1900-2200";
    RruleBadValue = "rrule.bad_value", Error, Feed, "an RRULE part value that cannot be read or is out of its range (`BYMONTHDAY=32`, `COUNT=0`), or a bad `dtstart` or exdate";
    // proposal routes (src/proposals/route.rs)
    RouteStart = "route.start", Error, Feed, "a proposal's first step is not `submitted`";
    RouteTransition = "route.transition", Error, Feed, "a stage that cannot follow the step before it";
    RouteAfterEnd = "route.after_end", Error, Feed, "a step after `closed` or `withdrawn`";
    RouteDateOrder = "route.date_order", Error, Feed, "a step dated before the step before it";
    RouteDecision = "route.decision", Error, Feed, "a decision missing where the stage needs one, given where it takes none, or not one of the stage's";
    RouteMerge = "route.merge", Error, Feed, "`merged_into` missing on a `merged` decision, given without one, or naming the proposal itself";
    RouteAnswer = "route.answer", Error, Feed, "an answer step without its ministry or answer, an answer on another stage, or from a ministry it was not sent to";
    RouteUnanimity = "route.unanimity", Error, Feed, "sent to a ministry without a deliberation agreeing to it";
    RouteReflected = "route.reflected", Error, Feed, "a `reflected` step without `reflection`, or without an accepted or partly accepted answer before it";
    RouteMinistry = "route.ministry", Warning, Feed, "a `sent` step's ministry is not among the proposal's `ministries`";
    RouteSubmitted = "route.submitted", Warning, Feed, "`submitted` differs from the date of the first step";
    // queries (src/structure.rs, src/calendar/, src/proposals/)
    QueryUnknownBody = "query.unknown_body", Error, Query, "the org chart's `body` (root) is not the id of a body";
    QueryUnknownOffice = "query.unknown_office", Error, Query, "where-sits: not the id of an office";
    QueryUnknownId = "query.unknown_id", Error, Query, "a proposal query names an unknown proposal, session, ministry, proposer or body";
    QueryWeight = "query.weight", Error, Query, "the statistics' partial-acceptance weight is not between 0 and 1";
    ArgBody = "arg.body", Error, Query, "the calendar's `body` filter is not the id of a body with sessions";
    ArgSession = "arg.session", Error, Query, "an .ics or Google Calendar link for an unknown session id";
    ArgSeries = "arg.series", Error, Query, "an .ics of one series (`cogov ics --series`, `cogov publish`) for an unknown series id";
    ArgUrl = "arg.url", Error, Query, "an .ics base url that is not http(s) or over 2,048 bytes";
    // the wasm boundary (src/wasm/)
    ArgType = "arg.type", Error, Boundary, "an argument of the wrong JavaScript type, or absent where required (a `TypeError`)";
    ArgDate = "arg.date", Error, Boundary, "a date argument that is not `YYYY-MM-DD` or a UTC stamp that cannot be read (also the calendar element's `today` and `month` attributes)";
    ArgQuery = "arg.query", Error, Boundary, "a member of a proposal query that cannot be read or is not a whole number in range";
    ArgInvalid = "arg.invalid", Error, Boundary, "a proposal query's `stage`, `answer` or `sort`, or the statistics' grouping `by`, outside its vocabulary";
    FeedPart = "feed.part", Error, Boundary, "a method asks for a part this `Feed` was loaded without (`new Feed(text, 'structure')`)";
    FeedInvalid = "feed.invalid", Error, Boundary, "a feed that fails to load with no error to name (a fallback: every failing load has one)";
    ViewTooLarge = "view.too_large", Error, Boundary, "a view longer than the browser's longest string: ask for less";
}

/// The codes no test input can produce, with the reason (`tests/codes.rs` and `tests/wasm.rs`
/// produce every other one).
pub const UNPRODUCED: [(Code, &str); 2] = [
    (
        Code::FeedInvalid,
        "a fallback: a load that fails always has an error, whose code the boundary throws",
    ),
    (
        Code::ViewTooLarge,
        "needs a view over 2^29 UTF-16 units (about 1 GB of wasm memory); the views' caps keep every view far below it",
    ),
];

impl Code {
    /// The code named `s`, if it is one of the list.
    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == s)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// As the code string (quoted), so that derived `Debug` output keeps showing codes as text.
impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The codes the elements' JavaScript emits itself (`www/lib/core.js`, `www/elements/`), each
/// with its meaning; their messages in Korean and English are `www/lib/i18n.js`'s `err` tables.
/// docs/ELEMENTS.md lists them ([`element_markdown`], checked by `tests/codes.rs`), and
/// `tests/js/codes.mjs` checks the JavaScript against that list: every code it emits is one of
/// these or of [`Code::ALL`], and each of these has a message in both languages.
pub const ELEMENT: [(&str, &str); 22] = [
    ("fetch.failed", "the feed could not be fetched (a network error on the page's own origin), also after one retry"),
    ("fetch.cors", "the feed on another origin could not be fetched: that server sends no `Access-Control-Allow-Origin`, or cannot be reached (docs/EMBEDDING.md)"),
    ("fetch.csp", "the host page's Content-Security-Policy refused the feed (`connect-src`); the message says what to allow"),
    ("fetch.status", "the feed's server answered a status other than 2xx (5xx and 429 are tried once more)"),
    ("fetch.timeout", "no feed within the `timeout` attribute's seconds"),
    ("feed.missing", "the element has neither `src` nor an inline `<script type=\"application/json\">` child, nor an `el.feed`"),
    ("feed.type", "`el.feed` was given something that is neither JSON text nor an object `JSON.stringify` can write"),
    ("wasm.cors", "the widget's wasm is on another origin that sends no `Access-Control-Allow-Origin` (or cannot be reached)"),
    ("wasm.csp", "the host page's Content-Security-Policy refused the wasm (`connect-src`, or `'wasm-unsafe-eval'` missing from `script-src`)"),
    ("wasm.fetch", "the widget's wasm could not be fetched (a network error on the page's own origin)"),
    ("wasm.status", "the wasm's server answered a status other than 2xx (a 404: the `pkg/` folder is not next to `dist/`)"),
    ("wasm.type", "what was served as the wasm is not WebAssembly (an HTML error page, say)"),
    ("wasm.timeout", "no wasm within the `timeout` attribute's seconds"),
    ("wasm.trap", "the wasm stopped in the middle of a call; it was restarted for the next render"),
    ("css.cors", "the stylesheet is on another origin that sends no `Access-Control-Allow-Origin`: the view is shown unstyled under a notice"),
    ("css.csp", "the host page's Content-Security-Policy refused the stylesheet: the view is shown unstyled under a notice"),
    ("css.fetch", "the stylesheet could not be fetched (a network error): the view is shown unstyled under a notice"),
    ("css.status", "the stylesheet's server answered a status other than 2xx: the view is shown unstyled under a notice"),
    ("css.type", "the stylesheet was not served as `text/css`: the view is shown unstyled under a notice"),
    ("css.timeout", "no stylesheet within the `timeout` attribute's seconds: the view is shown unstyled under a notice"),
    ("arg.attribute", "an attribute's value is out of its range (`heading-level` 1-6, `first-day` 0-6): the message names the attribute, the range and the value"),
    ("internal", "an unexpected failure in the element's own code (also logged with `console.warn`)"),
];

/// The table docs/ELEMENTS.md holds between its `codes` markers: [`ELEMENT`].
pub fn element_markdown() -> String {
    let mut out = String::from("\n| code | meaning |\n|---|---|\n");
    for (code, meaning) in ELEMENT {
        out.push_str(&format!("| `{code}` | {meaning} |\n"));
    }
    out
}

/// The recurrence engine's own error codes (`recur::RecurError::code`, printed by
/// `cogov expand`): finer than the problem codes, each reported in a feed as
/// [`RecurCode::problem`].
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecurCode {
    /// A part the engine does not expand (`BYHOUR`, `FREQ=HOURLY`, `RDATE=`...).
    UnsupportedPart,
    /// A property line the engine does not read (`RDATE:`, `DTSTART:` in the rule text).
    UnsupportedProperty,
    /// A part name RFC 5545 does not define.
    UnknownPart,
    /// A part given twice.
    DuplicatePart,
    /// An empty part between `;`.
    EmptyPart,
    /// An empty rule.
    EmptyRule,
    /// A part without `=`.
    BadPart,
    /// No `FREQ`.
    MissingFreq,
    /// `COUNT` and `UNTIL` together.
    CountAndUntil,
    /// Parts that do not combine.
    BadCombination,
    /// A number out of its range.
    OutOfRange,
    /// A value that cannot be read.
    BadValue,
}

impl RecurCode {
    /// Every engine code.
    pub const ALL: [RecurCode; 12] = [
        RecurCode::UnsupportedPart,
        RecurCode::UnsupportedProperty,
        RecurCode::UnknownPart,
        RecurCode::DuplicatePart,
        RecurCode::EmptyPart,
        RecurCode::EmptyRule,
        RecurCode::BadPart,
        RecurCode::MissingFreq,
        RecurCode::CountAndUntil,
        RecurCode::BadCombination,
        RecurCode::OutOfRange,
        RecurCode::BadValue,
    ];

    /// The engine code as printed, e.g. `bad_value`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RecurCode::UnsupportedPart => "unsupported_part",
            RecurCode::UnsupportedProperty => "unsupported_property",
            RecurCode::UnknownPart => "unknown_part",
            RecurCode::DuplicatePart => "duplicate_part",
            RecurCode::EmptyPart => "empty_part",
            RecurCode::EmptyRule => "empty_rule",
            RecurCode::BadPart => "bad_part",
            RecurCode::MissingFreq => "missing_freq",
            RecurCode::CountAndUntil => "count_and_until",
            RecurCode::BadCombination => "bad_combination",
            RecurCode::OutOfRange => "out_of_range",
            RecurCode::BadValue => "bad_value",
        }
    }

    /// The problem code a feed's rule gets for this engine code.
    pub const fn problem(self) -> Code {
        match self {
            RecurCode::UnsupportedPart | RecurCode::UnsupportedProperty => Code::RruleUnsupported,
            RecurCode::UnknownPart => Code::RruleUnknownPart,
            RecurCode::DuplicatePart => Code::RruleDuplicatePart,
            RecurCode::EmptyPart
            | RecurCode::EmptyRule
            | RecurCode::BadPart
            | RecurCode::MissingFreq => Code::RruleSyntax,
            RecurCode::CountAndUntil | RecurCode::BadCombination => Code::RruleCombination,
            RecurCode::OutOfRange => Code::RruleOutOfRange,
            RecurCode::BadValue => Code::RruleBadValue,
        }
    }
}

impl fmt::Display for RecurCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RecurCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq<&str> for RecurCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The markdown table docs/FORMAT.md holds between its `codes` markers: one section per
/// [`Area`], one row per code, with the engine codes of each `rrule.*` code.
///
/// ```
/// let md = cogov::codes::markdown();
/// assert!(md.contains("| `number.range` | error |"));
/// assert!(md.contains("`unsupported_part`"));
/// ```
pub fn markdown() -> String {
    let mut out = String::new();
    for area in Area::ALL {
        let title = match area {
            Area::Feed => "Problems of a feed (in `errors` or `warnings` of a report)",
            Area::Query => "Errors of a query (returned by the core's query function and thrown by the boundary's method; the CLI prints the message)",
            Area::Boundary => "Errors of the wasm boundary only (thrown to JavaScript)",
        };
        out.push_str(&format!(
            "\n{title}:\n\n| code | severity | meaning |\n|---|---|---|\n"
        ));
        for &c in Code::ALL.iter().filter(|c| c.area() == area) {
            let sev = match c.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let engine: Vec<String> = RecurCode::ALL
                .iter()
                .filter(|e| e.problem() == c)
                .map(|e| format!("`{}`", e.as_str()))
                .collect();
            let engine = if engine.is_empty() {
                String::new()
            } else {
                format!(" (engine: {})", engine.join(", "))
            };
            out.push_str(&format!(
                "| `{}` | {sev} | {}{engine} |\n",
                c.as_str(),
                c.meaning()
            ));
        }
    }
    out
}
