//! `cogov proposals`, `cogov stats` and `cogov cards`.

use super::{json, load, Args, Output};
use crate::dataset::Part;
use crate::feed::Stage;
use crate::proposals::cards::{self, calendar_next_session};
use crate::proposals::query::{self, Filter, ProposalQuery, SortKey};
use crate::proposals::stats::{self, GroupBy, DEFAULT_WEIGHT};
use crate::proposals::AnswerClass;

fn filter(args: &Args) -> Result<Filter<'_>, String> {
    Ok(Filter {
        stage: args
            .value("stage")
            .map(|s| Stage::parse(s).ok_or(format!("--stage must be one of {}, not {s:?}", Stage::expected())))
            .transpose()?,
        answer: args
            .value("answer")
            .map(|s| {
                AnswerClass::parse(s).ok_or(format!(
                    "--answer must be one of accepted, partly_accepted, not_accepted, long_term, pending, not {s:?}"
                ))
            })
            .transpose()?,
        ministry: args.value("ministry"),
        proposer: args.value("proposer"),
        year: args.value("year").map(|y| y.parse().map_err(|_| format!("--year must be a year, not {y:?}"))).transpose()?,
        session: args.value("session"),
        text: args.value("text"),
    })
}

const FILTERS: &[&str] = &[
    "stage", "answer", "ministry", "proposer", "year", "session", "text",
];

fn allowed(extra: &[&'static str]) -> Vec<&'static str> {
    FILTERS.iter().chain(extra).copied().collect()
}

/// `cogov proposals FEED [filters] [--sort date|updated|title|stage] [--desc] [--offset N] [--limit N] [--json] [--lang]`
pub fn run(args: &Args) -> Result<Output, String> {
    args.only(&allowed(&[
        "json", "lang", "sort", "desc", "offset", "limit",
    ]))?;
    let number = |k: &str| -> Result<Option<usize>, String> {
        args.value(k)
            .map(|v| {
                v.parse()
                    .map_err(|_| format!("--{k} must be a number, not {v:?}"))
            })
            .transpose()
    };
    let q = ProposalQuery {
        filter: filter(args)?,
        sort: args
            .value("sort")
            .map(|s| {
                SortKey::parse(s).ok_or(format!(
                    "--sort must be date, updated, title or stage, not {s:?}"
                ))
            })
            .transpose()?
            .unwrap_or_default(),
        descending: args.flag("desc"),
        offset: number("offset")?.unwrap_or(0),
        limit: number("limit")?,
        lang: args.lang()?,
    };
    let ds = match load(args, Part::Proposals)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let idx = ds.proposal_index();
    let list = query::list(&ds, idx, &q).map_err(|p| p.message)?;
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&list),
            ..Output::default()
        });
    }
    let mut rows = vec![[
        "id".to_string(),
        "stage".into(),
        "answer".into(),
        "title".into(),
    ]];
    for it in &list.items {
        rows.push([
            it.id.clone(),
            it.stage.map_or("-", |s| s.as_str()).to_string(),
            it.answer.map_or("-", |a| a.as_str()).to_string(),
            it.title.clone(),
        ]);
    }
    let mut out = table(&rows);
    out.push_str(&format!(
        "{} of {} proposal(s)\n",
        list.items.len(),
        list.total
    ));
    Ok(Output {
        stdout: out,
        ..Output::default()
    })
}

/// `cogov stats FEED --by ministry|proposer|year|session [filters] [--weight W] [--json] [--lang]`
pub fn stats(args: &Args) -> Result<Output, String> {
    args.only(&allowed(&["json", "lang", "by", "weight"]))?;
    let by = args
        .value("by")
        .ok_or("--by is required: ministry, proposer, year or session")?;
    let by = GroupBy::parse(by).ok_or(format!(
        "--by must be ministry, proposer, year or session, not {by:?}"
    ))?;
    let weight = match args.value("weight") {
        Some(w) => w
            .parse()
            .map_err(|_| format!("--weight must be a number between 0 and 1, not {w:?}"))?,
        None => DEFAULT_WEIGHT,
    };
    let (f, lang) = (filter(args)?, args.lang()?);
    let ds = match load(args, Part::Proposals)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let idx = ds.proposal_index();
    let s = stats::stats(&ds, idx, &f, by, weight, lang).map_err(|p| p.message)?;
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&s),
            ..Output::default()
        });
    }
    let pct = |r: Option<f64>| r.map_or("-".to_string(), |r| format!("{:.1}%", r * 100.0));
    let mut rows = vec![[
        by.as_str(),
        "accepted",
        "partly",
        "not",
        "long_term",
        "pending",
        "rate",
        "strict",
    ]
    .map(String::from)
    .to_vec()];
    for g in s.groups.iter().chain([&s.overall]) {
        let k = &g.counts;
        let label = if g.key == g.name {
            g.key.clone()
        } else {
            format!("{} ({})", g.name, g.key)
        };
        rows.push(vec![
            label,
            k.accepted.to_string(),
            k.partly_accepted.to_string(),
            k.not_accepted.to_string(),
            k.long_term.to_string(),
            k.pending.to_string(),
            pct(g.rate),
            pct(g.strict_rate),
        ]);
    }
    let mut out = table(&rows);
    out.push_str(&format!(
        "weight of partly accepted: {}; {}\n",
        s.weight, s.formula
    ));
    Ok(Output {
        stdout: out,
        ..Output::default()
    })
}

/// `cogov cards FEED --today YYYY-MM-DD [--json] [--lang]`
pub fn cards(args: &Args) -> Result<Output, String> {
    args.only(&["json", "lang", "today"])?;
    let today = args
        .date("today")?
        .ok_or("--today is required (YYYY-MM-DD)")?;
    let lang = args.lang()?;
    let ds = match load(args, Part::Proposals)? {
        Ok(ds) => ds,
        Err(out) => return Ok(out),
    };
    let list = cards::cards(&ds, Some(today), lang, &calendar_next_session);
    if args.flag("json") {
        return Ok(Output {
            stdout: json(&list),
            ..Output::default()
        });
    }
    let mut rows = vec![["id", "state", "due", "title"].map(String::from).to_vec()];
    for c in &list {
        let state = match c.state {
            cards::CardState::Reported => "reported",
            cards::CardState::Overdue => "overdue",
            cards::CardState::Pending => "pending",
        };
        let due = c.due.as_ref().map_or("-".to_string(), |d| d.date.clone());
        rows.push(vec![c.id.clone(), state.into(), due, c.title.clone()]);
    }
    Ok(Output {
        stdout: table(&rows),
        ..Output::default()
    })
}

/// Left-aligned columns separated by two spaces, widths in characters.
fn table<R: AsRef<[String]>>(rows: &[R]) -> String {
    let cols = rows.iter().map(|r| r.as_ref().len()).max().unwrap_or(0);
    let width: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.as_ref().get(c))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let r = r.as_ref();
        for (c, cell) in r.iter().enumerate() {
            out.push_str(cell);
            if c + 1 < r.len() {
                out.push_str(&" ".repeat(width[c] - cell.chars().count() + 2));
            }
        }
        out.push('\n');
    }
    out
}
