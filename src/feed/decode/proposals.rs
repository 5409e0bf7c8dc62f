//! The proposals part's records: proposals with their steps, task cards.

use super::{id, opt_ref, refs, texts};
use crate::feed::model::*;
use crate::feed::reader::Reader;
use crate::json::Value;

const PROPOSAL: [&str; 9] = [
    "id",
    "title",
    "summary",
    "proposers",
    "theme",
    "ministries",
    "laws",
    "submitted",
    "history",
];

pub(super) fn proposal(r: &mut Reader, v: &Value) -> Option<Proposal> {
    let f = r.record(v, &PROPOSAL)?;
    Some(Proposal {
        id: id(r, f),
        title: r.required(f, "title", |r, v| r.text(v)).unwrap_or_default(),
        summary: r.field(f, "summary", |r, v| r.text(v)),
        proposers: refs(r, f, "proposers"),
        theme: r.field(f, "theme", |r, v| r.text(v)),
        ministries: refs(r, f, "ministries"),
        laws: texts(r, f, "laws"),
        submitted: r.field(f, "submitted", |r, v| r.date(v)),
        history: r.list(f, "history", step),
        prov: r.provenance(f),
    })
}

const STEP: [&str; 10] = [
    "date",
    "stage",
    "body",
    "session",
    "decision",
    "ministry",
    "answer",
    "reflection",
    "merged_into",
    "dissent",
];

pub(super) fn step(r: &mut Reader, v: &Value) -> Option<Step> {
    let f = r.record(v, &STEP)?;
    let date = r.required(f, "date", |r, v| r.date(v));
    let stage = r.required(f, "stage", |r, v| r.word(v));
    Some(Step {
        date: date?,
        stage: stage?,
        body: opt_ref(r, f, "body"),
        session: opt_ref(r, f, "session"),
        decision: r.field(f, "decision", |r, v| r.word(v)),
        ministry: opt_ref(r, f, "ministry"),
        answer: r.field(f, "answer", |r, v| r.word(v)),
        reflection: r.field(f, "reflection", |r, v| r.word(v)),
        merged_into: opt_ref(r, f, "merged_into"),
        dissent: refs(r, f, "dissent"),
        prov: r.provenance(f),
    })
}

const CARD: [&str; 9] = [
    "id",
    "title",
    "session",
    "proposal",
    "responsible",
    "plan",
    "milestones",
    "due_session",
    "reports",
];

pub(super) fn card(r: &mut Reader, v: &Value) -> Option<Card> {
    let f = r.record(v, &CARD)?;
    Some(Card {
        id: id(r, f),
        title: r.required(f, "title", |r, v| r.text(v)).unwrap_or_default(),
        session: opt_ref(r, f, "session"),
        proposal: opt_ref(r, f, "proposal"),
        responsible: refs(r, f, "responsible"),
        plan: r.field(f, "plan", |r, v| r.text(v)),
        milestones: r.list(f, "milestones", |r, v| {
            let f = r.object(v, &["title", "due", "done"])?;
            Some(Milestone {
                title: r.required(f, "title", |r, v| r.text(v))?,
                due: r.field(f, "due", |r, v| r.date(v)),
                done: r.field(f, "done", |r, v| r.date(v)),
            })
        }),
        due_session: opt_ref(r, f, "due_session"),
        reports: r.list(f, "reports", |r, v| {
            let f = r.object(v, &["date", "session", "text"])?;
            let date = r.required(f, "date", |r, v| r.date(v));
            let text = r.required(f, "text", |r, v| r.text(v));
            Some(CardReport {
                date: date?,
                session: opt_ref(r, f, "session"),
                text: text?,
            })
        }),
        prov: r.provenance(f),
    })
}
