//! Checks across records: unique ids, references that resolve to the right kind of record, no
//! cycles among bodies, seat counts that agree with the people listed, sources present.
//! Domain rules (recurrence rules, proposal routes) live with their domains and are called here.

use crate::dataset::Ref;
use crate::feed::Feed;
use crate::problem::{Problem, Report};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq)]
enum Want {
    Source,
    Org,
    Office,
    Body,
    Series,
    Session,
    Proposal,
}

impl Want {
    fn matches(self, r: Ref) -> bool {
        matches!(
            (self, r),
            (Want::Source, Ref::Source(_))
                | (Want::Org, Ref::Org(_))
                | (Want::Office, Ref::Office(_))
                | (Want::Body, Ref::Body(_))
                | (Want::Series, Ref::Series(_))
                | (Want::Session, Ref::Session(_))
                | (Want::Proposal, Ref::Proposal(_))
        )
    }
    fn noun(self) -> &'static str {
        match self {
            Want::Source => "source",
            Want::Org => "organization",
            Want::Office => "office",
            Want::Body => "body",
            Want::Series => "series",
            Want::Session => "session",
            Want::Proposal => "proposal",
        }
    }
}

struct Checker<'r> {
    ids: HashMap<String, Ref>,
    report: &'r mut Report,
}

/// Where a reference is, rendered only when there is a problem (a large feed has hundreds of
/// thousands of references and nearly all resolve): `list[i]`, then `.sub[j]` when `sub` is
/// set, then `.key` unless it is empty, then `[k]` when `k` is set.
#[derive(Clone, Copy)]
struct At {
    list: &'static str,
    i: usize,
    sub: Option<(&'static str, usize)>,
    key: &'static str,
    k: Option<usize>,
}

impl At {
    fn new(list: &'static str, i: usize) -> At {
        At {
            list,
            i,
            sub: None,
            key: "",
            k: None,
        }
    }
    fn sub(self, sub: &'static str, j: usize) -> At {
        At {
            sub: Some((sub, j)),
            ..self
        }
    }
    fn key(self, key: &'static str) -> At {
        At { key, ..self }
    }
    fn index(self, k: usize) -> At {
        At { k: Some(k), ..self }
    }
    #[inline(never)]
    fn render(self) -> String {
        let mut out = format!("{}[{}]", self.list, self.i);
        if let Some((s, j)) = self.sub {
            out.push_str(&format!(".{s}[{j}]"));
        }
        if !self.key.is_empty() {
            out.push('.');
            out.push_str(self.key);
        }
        if let Some(k) = self.k {
            out.push_str(&format!("[{k}]"));
        }
        out
    }
}

impl Checker<'_> {
    #[inline(never)]
    fn want(&mut self, id: &str, at: At, wants: &[Want]) {
        let found = self.ids.get(id).copied();
        if found.is_some_and(|r| wants.iter().any(|w| w.matches(r))) {
            return;
        }
        let mut nouns = String::new();
        for (k, w) in wants.iter().enumerate() {
            if k > 0 {
                nouns.push_str(" or ");
            }
            nouns.push_str(w.noun());
        }
        let message = match found {
            None => format!(
                "{} is not the id of any {}",
                crate::text::quote(id),
                nouns
            ),
            Some(r) => format!(
                "{} is {}, not {}",
                crate::text::quote(id),
                r.path(),
                nouns
            ),
        };
        self.report
            .push(Problem::error(at.render(), "ref.dangling", message));
    }

    /// `want` for an optional reference.
    fn want_opt(&mut self, id: &Option<String>, at: At, wants: &[Want]) {
        if let Some(id) = id {
            self.want(id, at, wants);
        }
    }

    #[inline(never)]
    fn want_all(&mut self, ids: &[String], at: At, wants: &[Want]) {
        for (k, id) in ids.iter().enumerate() {
            self.want(id, at.index(k), wants);
        }
    }

    #[inline(never)]
    fn sources(&mut self, prov: &crate::feed::Provenance, at: At, required: bool) {
        for (k, s) in prov.sources.iter().enumerate() {
            if let crate::feed::SourceRef::Id(id) = s {
                self.want(id, at.key("sources").index(k), &[Want::Source]);
            }
        }
        if required && prov.sources.is_empty() && !prov.illustrative {
            self.report.push(Problem::warning(
                at.render(),
                "source.missing",
                "has no sources and is not marked illustrative",
            ));
        }
    }
}

/// Runs every cross-record check, filing problems in `report`, and returns the id index.
pub fn check(feed: &Feed, report: &mut Report) -> HashMap<String, Ref> {
    let mut c = Checker {
        ids: HashMap::new(),
        report,
    };
    index(feed, &mut c);
    references(feed, &mut c);
    cycles(feed, c.report);
    seat_counts(feed, c.report);
    crate::calendar::rules::check(feed, c.report);
    crate::proposals::route::check(feed, c.report);
    c.ids
}

fn index(feed: &Feed, c: &mut Checker) {
    let f = feed;
    c.ids.reserve(
        f.sources.len()
            + f.organizations.len()
            + f.offices.len()
            + f.bodies.len()
            + f.series.len()
            + f.sessions.len()
            + f.proposals.len()
            + f.cards.len(),
    );
    index_list(c, &mut f.sources.iter().map(|x| &*x.id), Ref::Source);
    index_list(c, &mut f.organizations.iter().map(|x| &*x.id), Ref::Org);
    index_list(c, &mut f.offices.iter().map(|x| &*x.id), Ref::Office);
    index_list(c, &mut f.bodies.iter().map(|x| &*x.id), Ref::Body);
    index_list(c, &mut f.series.iter().map(|x| &*x.id), Ref::Series);
    index_list(c, &mut f.sessions.iter().map(|x| &*x.id), Ref::Session);
    index_list(c, &mut f.proposals.iter().map(|x| &*x.id), Ref::Proposal);
    index_list(c, &mut f.cards.iter().map(|x| &*x.id), Ref::Card);
}

/// Indexes the ids of one list of records (through `dyn`: one loop for the eight lists).
#[inline(never)]
fn index_list(c: &mut Checker, ids: &mut dyn Iterator<Item = &str>, make: fn(usize) -> Ref) {
    for (i, id) in ids.enumerate() {
        if id.is_empty() {
            continue; // already reported as missing or malformed
        }
        let r = make(i);
        if let Some(first) = c.ids.get(id) {
            c.report.push(Problem::error(
                format!("{}.id", r.path()),
                "id.duplicate",
                format!(
                    "{} is already the id of {}",
                    crate::text::quote(id),
                    first.path()
                ),
            ));
        } else {
            c.ids.insert(id.to_string(), r);
        }
    }
}

fn references(feed: &Feed, c: &mut Checker) {
    use Want::*;
    for (i, o) in feed.organizations.iter().enumerate() {
        c.sources(&o.prov, At::new("organizations", i), false);
    }
    for (i, o) in feed.offices.iter().enumerate() {
        let at = At::new("offices", i);
        c.want_opt(&o.org, at.key("org"), &[Org]);
        c.sources(&o.prov, at, false);
    }
    for (i, b) in feed.bodies.iter().enumerate() {
        let at = At::new("bodies", i);
        c.want_all(&b.part_of, at.key("part_of"), &[Body]);
        c.want_all(&b.supports, at.key("supports"), &[Body]);
        c.want_all(&b.members, at.key("members"), &[Org, Body]);
        for (j, s) in b.seats.iter().enumerate() {
            let seat = at.sub("seats", j);
            c.want_opt(&s.office, seat.key("office"), &[Office]);
            c.sources(&s.prov, seat, false);
        }
        c.sources(&b.prov, at, true);
    }
    for (i, s) in feed.series.iter().enumerate() {
        let at = At::new("series", i);
        c.want(&s.body, at.key("body"), &[Body]);
        for (j, r) in s.rules.iter().enumerate() {
            let rule = at.sub("rules", j);
            if let crate::feed::RuleForm::Relative { series, .. } = &r.form {
                c.want(series, rule.key("relative.series"), &[Series]);
            }
            c.sources(&r.prov, rule, false);
        }
        c.sources(&s.prov, at, true);
    }
    for (i, s) in feed.sessions.iter().enumerate() {
        let at = At::new("sessions", i);
        c.want(&s.body, at.key("body"), &[Body]);
        c.want_opt(&s.series, at.key("series"), &[Series]);
        for (j, a) in s.agenda.iter().enumerate() {
            c.want_opt(
                &a.proposal,
                at.sub("agenda", j).key("proposal"),
                &[Proposal],
            );
        }
        c.sources(&s.prov, at, true);
    }
    for (i, p) in feed.proposals.iter().enumerate() {
        let at = At::new("proposals", i);
        c.want_all(&p.proposers, at.key("proposers"), &[Org, Body]);
        c.want_all(&p.ministries, at.key("ministries"), &[Org]);
        for (j, s) in p.history.iter().enumerate() {
            let step = at.sub("history", j);
            c.want_opt(&s.body, step.key("body"), &[Body]);
            c.want_opt(&s.session, step.key("session"), &[Session]);
            c.want_opt(&s.ministry, step.key("ministry"), &[Org]);
            c.want_opt(&s.merged_into, step.key("merged_into"), &[Proposal]);
            c.want_all(&s.dissent, step.key("dissent"), &[Org, Body]);
            c.sources(&s.prov, step, false);
        }
        c.sources(&p.prov, at, true);
    }
    for (i, k) in feed.cards.iter().enumerate() {
        let at = At::new("cards", i);
        c.want_opt(&k.session, at.key("session"), &[Session]);
        c.want_opt(&k.due_session, at.key("due_session"), &[Session]);
        c.want_opt(&k.proposal, at.key("proposal"), &[Proposal]);
        c.want_all(&k.responsible, at.key("responsible"), &[Org, Body]);
        for (j, r) in k.reports.iter().enumerate() {
            c.want_opt(&r.session, at.sub("reports", j).key("session"), &[Session]);
        }
        c.sources(&k.prov, at, true);
    }
}

/// Reports each cycle in the graph of `part_of` and `supports` once, at the body that closes it.
fn cycles(feed: &Feed, report: &mut Report) {
    // String keys and `Ref` values: the id index's map type, not one more `HashMap` instance.
    let mut index: HashMap<String, Ref> = HashMap::new();
    for (i, b) in feed.bodies.iter().enumerate() {
        index.insert(b.id.clone(), Ref::Body(i));
    }
    let edges = |i: usize| {
        let b = &feed.bodies[i];
        let mut out = Vec::new();
        for (key, ids) in [("part_of", &b.part_of), ("supports", &b.supports)] {
            for (pos, id) in ids.iter().enumerate() {
                if let Some(&Ref::Body(n)) = index.get(id.as_str()) {
                    out.push((key, pos, n));
                }
            }
        }
        out
    };
    // 0 = unvisited, 1 = on the current path, 2 = done
    let mut state = vec![0u8; feed.bodies.len()];
    for start in 0..feed.bodies.len() {
        if state[start] != 0 {
            continue;
        }
        type Frame<'a> = (usize, Vec<(&'a str, usize, usize)>);
        let mut stack: Vec<Frame> = vec![(start, edges(start))];
        state[start] = 1;
        while let Some((node, pending)) = stack.last_mut() {
            let node = *node;
            let Some((key, pos, next)) = pending.pop() else {
                state[node] = 2;
                stack.pop();
                continue;
            };
            match state[next] {
                0 => {
                    state[next] = 1;
                    stack.push((next, edges(next)));
                }
                1 => {
                    let from = stack.iter().position(|(n, _)| *n == next).unwrap_or(0);
                    let mut names: Vec<&str> = stack[from..]
                        .iter()
                        .map(|(n, _)| feed.bodies[*n].id.as_str())
                        .collect();
                    names.push(&feed.bodies[next].id);
                    report.push(Problem::error(
                        format!("bodies[{node}].{key}[{pos}]"),
                        "body.cycle",
                        format!("bodies form a cycle: {}", names.join(" -> ")),
                    ));
                }
                _ => {}
            }
        }
    }
}

/// Warns when more people hold a seat on some day than the seat has places.
fn seat_counts(feed: &Feed, report: &mut Report) {
    for (i, b) in feed.bodies.iter().enumerate() {
        for (j, s) in b.seats.iter().enumerate() {
            let days = s.holders.iter().flat_map(|h| [h.from, h.to]).flatten();
            let most = days
                .map(|d| s.holders.iter().filter(|o| o.holds_on(d)).count())
                .max()
                .unwrap_or(s.holders.len());
            if most > s.count as usize {
                report.push(Problem::warning(
                    format!("bodies[{i}].seats[{j}].holders"),
                    "seat.holders_exceed_count",
                    format!(
                        "{most} people hold this seat at the same time but it has {} place(s)",
                        s.count
                    ),
                ));
            }
        }
    }
}
