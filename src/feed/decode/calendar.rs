//! The calendar part's records: series with their rules, sessions with their agenda.

use super::{id, opt_ref, present};
use crate::codes::Code;
use crate::date::{iso_date, parse_local};
use crate::feed::kinds::*;
use crate::feed::model::*;
use crate::feed::reader::{get, Reader, Sink};
use crate::json::Value;

pub(super) fn location(r: &mut Reader, v: &Value) -> Option<Location> {
    let f = r.object(v, &["name", "address", "url"])?;
    Some(Location {
        name: r.field(f, "name", |r, v| r.text(v)),
        address: r.field(f, "address", |r, v| r.text(v)),
        url: r.field(f, "url", |r, v| r.url(v)),
    })
}

pub(super) fn series(r: &mut Reader, v: &Value) -> Option<Series> {
    let f = r.record(
        v,
        &[
            "id",
            "body",
            "kind",
            "title",
            "location",
            "numbering",
            "rules",
            "revision",
            "updated",
        ],
    )?;
    // `first` counts the occurrences; `counter` alone only names the word of explicit numbers
    let numbering = r.field(f, "numbering", |r, v| {
        let f = r.object(v, &["first", "from", "counter"])?;
        let first = r.field(f, "first", |r, v| r.uint(v, 1));
        let from = r.field(f, "from", |r, v| r.date(v));
        let counter = r.field(f, "counter", |r, v| r.word(v));
        Some((first.map(|n| (n, from)), counter.unwrap_or(Counter::Cha)))
    });
    let s = Series {
        id: id(r, f),
        body: r.required(f, "body", |r, v| r.id(v)).unwrap_or_default(),
        kind: r
            .field(f, "kind", |r, v| r.word(v))
            .unwrap_or(SessionKind::Regular),
        title: r.field(f, "title", |r, v| r.text(v)),
        location: r.field(f, "location", location),
        numbering: numbering.and_then(|(n, _)| n),
        counter: numbering.map_or(Counter::Cha, |(_, c)| c),
        rules: r.list(f, "rules", rule),
        revision: r.field(f, "revision", revision),
        updated: r.field(f, "updated", |r, v| r.when(v)),
        prov: r.provenance(f),
    };
    if s.rules.is_empty() && !matches!(get(f, "rules"), Some(Value::Array(a)) if !a.is_empty()) {
        r.error_at(
            "rules",
            Code::SeriesNoRules,
            "a series needs at least one rule",
        );
    }
    Some(s)
}

/// The most a `revision` may be: it becomes an iCalendar `SEQUENCE`, which clients read as a
/// signed 32-bit integer.
pub const MAX_REVISION: u32 = 1_000_000;

/// A record's `revision`: a whole number from 0 to [`MAX_REVISION`].
fn revision(r: &mut Reader, v: &Value) -> Option<u32> {
    let n = r.uint(v, 0)?;
    if n > MAX_REVISION {
        r.error(Code::NumberRange, "must be at most 1000000");
        return None;
    }
    Some(n)
}

pub(super) fn rule(r: &mut Reader, v: &Value) -> Option<RuleDef> {
    let f = r.record(
        v,
        &[
            "dtstart",
            "rrule",
            "duration_minutes",
            "exdates",
            "rdates",
            "relative",
            "effective",
        ],
    )?;
    let form = if present(f, "relative") {
        if present(f, "rrule") {
            r.error(
                Code::RuleForm,
                "a rule has either rrule or relative, not both",
            );
        }
        r.field(f, "relative", |r, v| {
            let f = r.object(v, &["series", "body", "kinds", "offset_days", "time"])?;
            // the anchor: a series, or (backward compatible addition) a body's sessions
            let body = r.field(f, "body", |r, v| r.id(v));
            let series = match body {
                Some(_) if present(f, "series") => {
                    r.error(
                        Code::RuleForm,
                        "a relative rule follows a series or a body, not both",
                    );
                    None
                }
                Some(_) => None,
                None => Some(r.required(f, "series", |r, v| r.id(v))?),
            };
            let kinds = r.list(f, "kinds", |r, v| r.word(v));
            let offset_days = r.required(f, "offset_days", |r, v| match v {
                Value::Number(n) if n.fract() == 0.0 && n.abs() <= 366.0 => Some(*n as i32),
                _ => {
                    r.error(
                        Code::NumberRange,
                        "must be a whole number of days between -366 and 366",
                    );
                    None
                }
            })?;
            let time = r.field(f, "time", |r, v| {
                let s = r.string(v)?;
                parse_local(&format!("2000-01-01T{s}"))
                    .map(|t| t.time())
                    .map_err(|m| r.error(Code::DateInvalid, m))
                    .ok()
            });
            Some(match (series, body) {
                (Some(series), _) => RuleForm::Relative {
                    series,
                    offset_days,
                    time,
                },
                (None, body) => RuleForm::RelativeBody {
                    body: body?,
                    kinds,
                    offset_days,
                    time,
                },
            })
        })?
    } else {
        let dtstart = r.required(f, "dtstart", |r, v| r.when(v));
        let rrule = r.required(f, "rrule", |r, v| r.nonempty(v));
        RuleForm::Recurrence {
            dtstart: dtstart?,
            rrule: rrule?,
            duration_minutes: r.field(f, "duration_minutes", |r, v| r.uint(v, 1)),
            exdates: r.list(f, "exdates", |r, v| r.when(v)),
            rdates: r.list(f, "rdates", |r, v| r.when(v)),
        }
    };
    let (from, to) = r
        .field(f, "effective", |r, v| {
            let f = r.object(v, &["from", "to"])?;
            let from = r.field(f, "from", |r, v| r.date(v));
            let to = r.field(f, "to", |r, v| r.date(v));
            if let (Some(a), Some(b)) = (from, to) {
                if b < a {
                    r.error_at(
                        "to",
                        Code::DateOrder,
                        format!(
                            "period ends ({}) before it starts ({})",
                            iso_date(b),
                            iso_date(a)
                        ),
                    );
                }
            }
            Some((from, to))
        })
        .unwrap_or_default();
    Some(RuleDef {
        form,
        from,
        to,
        prov: r.provenance(f),
    })
}

const SESSION: [&str; 15] = [
    "id",
    "body",
    "series",
    "recurrence_id",
    "kind",
    "number",
    "title",
    "start",
    "end",
    "location",
    "status",
    "agenda",
    "documents",
    "revision",
    "updated",
];

/// The sessions read so far, and each series' kind by id (`SessionKind as u32`): the kind of
/// a record of a series that names none.
pub(super) struct Sessions<'k> {
    pub out: Vec<Session>,
    pub kinds: &'k crate::ids::Ids,
}

impl Sink for Sessions<'_> {
    fn put(&mut self, r: &mut Reader, v: &Value, n: usize) {
        if let Some(s) = session(r, v, self.kinds) {
            if self.out.capacity() == 0 {
                self.out.reserve_exact(n);
            }
            self.out.push(s);
        }
    }
}

/// A session record; `kinds`: as in [`Sessions`].
fn session(r: &mut Reader, v: &Value, kinds: &crate::ids::Ids) -> Option<Session> {
    let f = r.record(v, &SESSION)?;
    let series = opt_ref(r, f, "series");
    let of_series = || {
        let k = *kinds.get(series.as_deref()?)?;
        SessionKind::ALL.get(k as usize).copied()
    };
    let s = Session {
        id: id(r, f),
        body: r.required(f, "body", |r, v| r.id(v)).unwrap_or_default(),
        recurrence_id: r.field(f, "recurrence_id", |r, v| r.when(v)),
        kind: r
            .field(f, "kind", |r, v| r.word(v))
            .or_else(of_series)
            .unwrap_or(SessionKind::Meeting),
        series,
        number: r.field(f, "number", |r, v| r.uint(v, 1)),
        title: r.field(f, "title", |r, v| r.text(v)),
        start: r.required(f, "start", |r, v| r.when(v))?,
        end: r.field(f, "end", |r, v| r.when(v)),
        location: r.field(f, "location", location),
        status: r
            .field(f, "status", |r, v| r.word(v))
            .unwrap_or(Status::Scheduled),
        agenda: r.list(f, "agenda", agenda_item),
        documents: r.list(f, "documents", |r, v| {
            let f = r.object(v, &["title", "url"])?;
            let title = r.required(f, "title", |r, v| r.text(v));
            let url = r.required(f, "url", |r, v| r.url(v));
            Some(Document {
                title: title?,
                url: url?,
            })
        }),
        revision: r.field(f, "revision", revision),
        updated: r.field(f, "updated", |r, v| r.when(v)),
        prov: r.provenance(f),
    };
    if let Some(end) = s.end {
        if end < s.start || (end.date() == s.start.date() && end.start() < s.start.start()) {
            r.error_at(
                "end",
                Code::DateOrder,
                format!(
                    "session ends ({}) before it starts ({})",
                    end.iso(),
                    s.start.iso()
                ),
            );
        }
    }
    if s.recurrence_id.is_some() && s.series.is_none() {
        r.error_at(
            "recurrence_id",
            Code::SessionRecurrence,
            "recurrence_id needs a series",
        );
    }
    Some(s)
}

pub(super) fn agenda_item(r: &mut Reader, v: &Value) -> Option<AgendaItem> {
    let f = r.object(v, &["title", "kind", "proposal"])?;
    // the proposal belongs to the proposals part: its problems are reported there
    let (proposal, proposal_problem) = match crate::feed::reader::get(f, "proposal") {
        None | Some(Value::Null) => (None, None),
        Some(p) => match crate::feed::reader::id_of(p) {
            Ok(id) => (Some(id), None),
            Err(problem) => (None, Some(problem)),
        },
    };
    Some(AgendaItem {
        title: r.required(f, "title", |r, v| r.text(v))?,
        kind: r
            .field(f, "kind", |r, v| r.word(v))
            .unwrap_or(AgendaKind::Other),
        proposal,
        proposal_problem,
    })
}

/// A holiday the feed names (one-off days: 임시공휴일, election days), merged with the computed ones.
pub(super) fn holiday(r: &mut Reader, v: &Value) -> Option<HolidayRecord> {
    let f = r.record(v, &["date", "name"])?;
    let date = r.required(f, "date", |r, v| r.date(v));
    let name = r.required(f, "name", |r, v| r.text(v));
    Some(HolidayRecord {
        date: date?,
        name: name?,
        prov: r.provenance(f),
    })
}
