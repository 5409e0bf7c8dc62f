//! Checks across records: unique ids, references that resolve to the right kind of record, no
//! cycles among bodies, seat counts that agree with the people listed, sources present.
//! Domain rules (recurrence rules, proposal routes) live with their domains and are called here.
//! One function per part of the feed ([`crate::dataset::Part`]): each reads only its part and
//! the parts before it.

use crate::calendar::rules::CompiledRules;
use crate::codes::Code;
use crate::feed::Feed;
use crate::ids::{Ids, Ref};
use crate::problem::Report;
use std::fmt::Write;

/// Kinds of record a reference may name, as a bit set: bit `n` is the `Ref` variant `n`.
type Want = u8;
const SOURCE: Want = 1;
const ORG: Want = 2;
const OFFICE: Want = 4;
const BODY: Want = 8;
const SERIES: Want = 16;
const SESSION: Want = 32;
const PROPOSAL: Want = 64;

/// The noun of each kind, in bit order.
const NOUNS: [&str; 7] = [
    "source",
    "organization",
    "office",
    "body",
    "series",
    "session",
    "proposal",
];

/// The bit of the kind `r` names.
fn bit(r: Ref) -> Want {
    match r {
        Ref::Source(_) => SOURCE,
        Ref::Org(_) => ORG,
        Ref::Office(_) => OFFICE,
        Ref::Body(_) => BODY,
        Ref::Series(_) => SERIES,
        Ref::Session(_) => SESSION,
        Ref::Proposal(_) => PROPOSAL,
        Ref::Card(_) => 0,
    }
}

struct Checker<'r> {
    ids: &'r mut Ids,
    report: &'r mut Report,
    /// The record (and sub-record) whose references are being checked.
    at: At,
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
    #[inline(never)]
    fn render(self) -> String {
        let mut out = format!("{}[{}]", self.list, self.i);
        if let Some((s, j)) = self.sub {
            let _ = write!(out, ".{s}[{j}]");
        }
        if !self.key.is_empty() {
            out.push('.');
            out.push_str(self.key);
        }
        if let Some(k) = self.k {
            let _ = write!(out, "[{k}]");
        }
        out
    }
}

impl<'r> Checker<'r> {
    fn new(ids: &'r mut Ids, report: &'r mut Report) -> Self {
        Checker {
            ids,
            report,
            at: At::new("", 0),
        }
    }

    /// Checks that `id`, member `key` (element `k` when set) of the current record, names a
    /// record of a wanted kind.
    #[inline(never)]
    fn want(&mut self, id: &str, key: &'static str, k: Option<usize>, wants: Want) {
        let found = self.ids.get(id).map(|&p| Ref::unpack(p));
        if found.is_some_and(|r| bit(r) & wants != 0) {
            return;
        }
        let mut nouns = String::new();
        for (n, noun) in NOUNS.iter().enumerate() {
            if wants & (1 << n) != 0 {
                if !nouns.is_empty() {
                    nouns.push_str(" or ");
                }
                nouns.push_str(noun);
            }
        }
        let message = match found {
            None => format!("{} is not the id of any {}", crate::text::quote(id), nouns),
            Some(r) => format!("{} is {}, not {}", crate::text::quote(id), r.path(), nouns),
        };
        let at = At { key, k, ..self.at };
        self.report.error(at.render(), Code::RefDangling, message);
    }

    /// `want` for an optional reference.
    fn want_opt(&mut self, id: &Option<String>, key: &'static str, wants: Want) {
        if let Some(id) = id {
            self.want(id, key, None, wants);
        }
    }

    #[inline(never)]
    fn want_all(&mut self, ids: &[String], key: &'static str, wants: Want) {
        for (k, id) in ids.iter().enumerate() {
            self.want(id, key, Some(k), wants);
        }
    }

    /// Checks the sources of the current record; warns when `required` ones are missing.
    #[inline(never)]
    fn sources(&mut self, prov: &crate::feed::Provenance, required: bool) {
        for (k, s) in prov.sources.iter().enumerate() {
            if let crate::feed::SourceRef::Id(id) = s {
                self.want(id, "sources", Some(k), SOURCE);
            }
        }
        if required && prov.sources.is_empty() && !prov.illustrative {
            self.report.warning(
                self.at.render(),
                Code::SourceMissing,
                "has no sources and is not marked illustrative".into(),
            );
        }
    }

    /// Makes `list[i]` the current record.
    fn record(&mut self, list: &'static str, i: usize) {
        self.at = At::new(list, i);
    }

    /// Makes `.sub[j]` of the current record current (`None`: the record itself).
    fn sub(&mut self, sub: Option<(&'static str, usize)>) {
        self.at.sub = sub;
    }
}

/// The checks of the structure part (ids, references, body cycles, seat counts); returns the
/// id index, which [`calendar`] and [`proposals`] extend.
pub(crate) fn structure(feed: &Feed, report: &mut Report) -> Ids {
    let f = feed;
    let mut ids = Ids::new();
    ids.reserve(
        f.sources.len()
            + f.organizations.len()
            + f.offices.len()
            + f.bodies.len()
            + f.series.len()
            + f.sessions.len()
            + f.proposals.len()
            + f.cards.len(),
    );
    let mut c = Checker::new(&mut ids, report);
    index_list(&mut c, f.sources.len(), &|i| &f.sources[i].id, Ref::Source);
    index_list(
        &mut c,
        f.organizations.len(),
        &|i| &f.organizations[i].id,
        Ref::Org,
    );
    index_list(&mut c, f.offices.len(), &|i| &f.offices[i].id, Ref::Office);
    index_list(&mut c, f.bodies.len(), &|i| &f.bodies[i].id, Ref::Body);
    structure_refs(feed, &mut c);
    cycles(feed, c.report);
    seat_counts(feed, c.report);
    ids
}

/// The checks of the calendar part (ids, references, recurrence rules), after [`structure`];
/// gives back the series rules they compiled.
pub(crate) fn calendar(feed: &Feed, ids: &mut Ids, report: &mut Report) -> CompiledRules {
    let f = feed;
    let mut c = Checker::new(ids, report);
    index_list(&mut c, f.series.len(), &|i| &f.series[i].id, Ref::Series);
    index_list(
        &mut c,
        f.sessions.len(),
        &|i| &f.sessions[i].id,
        Ref::Session,
    );
    calendar_refs(feed, &mut c);
    crate::calendar::checks::check(feed, c.report)
}

/// The checks of the proposals part (ids, references, routes), after [`calendar`]. The
/// proposals named in session agendas are checked here: they need the proposals' ids.
pub(crate) fn proposals(feed: &Feed, ids: &mut Ids, report: &mut Report) {
    let f = feed;
    let mut c = Checker::new(ids, report);
    index_list(
        &mut c,
        f.proposals.len(),
        &|i| &f.proposals[i].id,
        Ref::Proposal,
    );
    index_list(&mut c, f.cards.len(), &|i| &f.cards[i].id, Ref::Card);
    proposals_refs(feed, &mut c);
    crate::proposals::route::check(feed, c.report);
}

/// Indexes the ids of one list of `n` records, `id(i)` being the id of record `i` (through
/// `dyn Fn`: one loop for the eight lists, and a closure's vtable is smaller than an iterator's).
#[inline(never)]
fn index_list<'f>(
    c: &mut Checker,
    n: usize,
    id: &dyn Fn(usize) -> &'f String,
    make: fn(usize) -> Ref,
) {
    for i in 0..n {
        let id = id(i).as_str();
        if id.is_empty() {
            continue; // already reported as missing or malformed
        }
        let r = make(i);
        if let Some(&first) = c.ids.get(id) {
            c.report.error(
                format!("{}.id", r.path()),
                Code::IdDuplicate,
                format!(
                    "{} is already the id of {}",
                    crate::text::quote(id),
                    Ref::unpack(first).path()
                ),
            );
        } else {
            c.ids.insert(id.to_string(), r.pack());
        }
    }
}

fn structure_refs(feed: &Feed, c: &mut Checker) {
    for (i, o) in feed.organizations.iter().enumerate() {
        c.record("organizations", i);
        c.sources(&o.prov, false);
    }
    for (i, o) in feed.offices.iter().enumerate() {
        c.record("offices", i);
        c.want_opt(&o.org, "org", ORG);
        c.sources(&o.prov, false);
    }
    for (i, b) in feed.bodies.iter().enumerate() {
        c.record("bodies", i);
        c.want_all(&b.part_of, "part_of", BODY);
        c.want_all(&b.supports, "supports", BODY);
        c.want_all(&b.members, "members", ORG | BODY);
        for (j, s) in b.seats.iter().enumerate() {
            c.sub(Some(("seats", j)));
            c.want_opt(&s.office, "office", OFFICE);
            c.sources(&s.prov, false);
        }
        c.sub(None);
        c.sources(&b.prov, true);
    }
}

fn calendar_refs(feed: &Feed, c: &mut Checker) {
    for (i, s) in feed.series.iter().enumerate() {
        c.record("series", i);
        c.want(&s.body, "body", None, BODY);
        for (j, r) in s.rules.iter().enumerate() {
            c.sub(Some(("rules", j)));
            if let crate::feed::RuleForm::Relative { series, .. } = &r.form {
                c.want(series, "relative.series", None, SERIES);
            }
            if let crate::feed::RuleForm::RelativeBody { body, .. } = &r.form {
                c.want(body, "relative.body", None, BODY);
            }
            c.sources(&r.prov, false);
        }
        c.sub(None);
        c.sources(&s.prov, true);
    }
    for (i, s) in feed.sessions.iter().enumerate() {
        c.record("sessions", i);
        c.want(&s.body, "body", None, BODY);
        c.want_opt(&s.series, "series", SERIES);
        c.sources(&s.prov, true);
    }
    for i in 0..feed.holidays.len() {
        c.record("holidays", i);
        c.sources(&feed.holidays[i].prov, true);
    }
}

fn proposals_refs(feed: &Feed, c: &mut Checker) {
    for (i, s) in feed.sessions.iter().enumerate() {
        for (j, a) in s.agenda.iter().enumerate() {
            c.record("sessions", i);
            c.sub(Some(("agenda", j)));
            c.want_opt(&a.proposal, "proposal", PROPOSAL);
            if let Some((code, message)) = &a.proposal_problem {
                let at = At {
                    key: "proposal",
                    k: None,
                    ..c.at
                };
                c.report.error(at.render(), *code, message.clone());
            }
        }
    }
    for (i, p) in feed.proposals.iter().enumerate() {
        c.record("proposals", i);
        c.want_all(&p.proposers, "proposers", ORG | BODY);
        c.want_all(&p.ministries, "ministries", ORG);
        for (j, s) in p.history.iter().enumerate() {
            c.sub(Some(("history", j)));
            c.want_opt(&s.body, "body", BODY);
            c.want_opt(&s.session, "session", SESSION);
            c.want_opt(&s.ministry, "ministry", ORG);
            c.want_opt(&s.merged_into, "merged_into", PROPOSAL);
            c.want_all(&s.dissent, "dissent", ORG | BODY);
            c.sources(&s.prov, false);
        }
        c.sub(None);
        c.sources(&p.prov, true);
    }
    for (i, k) in feed.cards.iter().enumerate() {
        c.record("cards", i);
        c.want_opt(&k.session, "session", SESSION);
        c.want_opt(&k.due_session, "due_session", SESSION);
        c.want_opt(&k.proposal, "proposal", PROPOSAL);
        c.want_all(&k.responsible, "responsible", ORG | BODY);
        for (j, r) in k.reports.iter().enumerate() {
            c.sub(Some(("reports", j)));
            c.want_opt(&r.session, "session", SESSION);
        }
        c.sub(None);
        c.sources(&k.prov, true);
    }
}

/// Bodies a cycle's message names before it skips to the body that closes it.
const CYCLE_NAMES: usize = 8;

/// Reports each cycle in the graph of `part_of` and `supports` once, at the body that closes it.
/// Depth-first by an explicit stack (chains can be 100,000 bodies long); the work is linear in
/// the links, and a long cycle's message names its first [`CYCLE_NAMES`] bodies and its last.
fn cycles(feed: &Feed, report: &mut Report) {
    // body ids to indexes, in the id index's map type
    let mut index = Ids::new();
    for (i, b) in feed.bodies.iter().enumerate() {
        index.insert(b.id.clone(), i as u32);
    }
    // Edge `e` of body `i`: its `part_of` ids, then its `supports` ids.
    let edge = |i: usize, e: usize| {
        let b = &feed.bodies[i];
        match e.checked_sub(b.part_of.len()) {
            None => ("part_of", e, &b.part_of[e]),
            Some(k) => ("supports", k, &b.supports[k]),
        }
    };
    let degree = |i: usize| feed.bodies[i].part_of.len() + feed.bodies[i].supports.len();
    // 0 = unvisited, 1 = on the current path, 2 = done
    let mut state = vec![0u8; feed.bodies.len()];
    // where each body on the current path is in `stack`
    let mut at = vec![0u32; feed.bodies.len()];
    for start in 0..feed.bodies.len() {
        if state[start] != 0 {
            continue;
        }
        // (body, edges not followed yet): edges are followed from the last one back
        let mut stack: Vec<(usize, usize)> = vec![(start, degree(start))];
        state[start] = 1;
        while let Some((node, left)) = stack.last_mut() {
            let node = *node;
            if *left == 0 {
                state[node] = 2;
                stack.pop();
                continue;
            }
            *left -= 1;
            let (key, pos, id) = edge(node, *left);
            let Some(&next) = index.get(id.as_str()) else {
                continue;
            };
            let next = next as usize;
            match state[next] {
                0 => {
                    state[next] = 1;
                    at[next] = stack.len() as u32;
                    stack.push((next, degree(next)));
                }
                1 => {
                    let from = (at[next] as usize).min(stack.len());
                    let len = stack.len() - from;
                    let mut names = String::new();
                    for (k, (n, _)) in stack[from..].iter().take(CYCLE_NAMES).enumerate() {
                        if k + 1 == CYCLE_NAMES && len > CYCLE_NAMES {
                            let _ = write!(names, "… ({} more) -> ", len - CYCLE_NAMES);
                            names.push_str(&feed.bodies[stack[stack.len() - 1].0].id);
                        } else {
                            names.push_str(&feed.bodies[*n].id);
                        }
                        names.push_str(" -> ");
                    }
                    names.push_str(&feed.bodies[next].id);
                    report.error(
                        format!("bodies[{node}].{key}[{pos}]"),
                        Code::BodyCycle,
                        format!("bodies form a cycle: {names}"),
                    );
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
            let most = most_holders(&s.holders);
            if most > s.count as usize {
                report.warning(
                    format!("bodies[{i}].seats[{j}].holders"),
                    Code::SeatHoldersExceedCount,
                    format!(
                        "{most} people hold this seat at the same time but it has {} place(s)",
                        s.count
                    ),
                );
            }
        }
    }
}

/// The most holders on any day a term starts or ends (all of them when no term has a date), in
/// `n log n`: on day `d`, the holders whose term started by `d` less those whose term ended
/// before `d` (terms that end before they start hold no day, and are counted in neither).
fn most_holders(holders: &[crate::feed::Holder]) -> usize {
    // start days (`None`: open, before every day) and end days of the terms that hold a day
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for h in holders {
        if h.from.is_none() || h.to.is_none() || h.from <= h.to {
            starts.push(h.from);
            if h.to.is_some() {
                ends.push(h.to);
            }
        }
    }
    crate::sort::heap(&mut starts);
    crate::sort::heap(&mut ends);
    let mut most = None;
    for h in holders {
        for d in [h.from, h.to] {
            if d.is_some() {
                let n = starts.partition_point(|&s| s <= d) - ends.partition_point(|&e| e < d);
                most = Some(most.map_or(n, |m: usize| m.max(n)));
            }
        }
    }
    most.unwrap_or(holders.len())
}

#[cfg(test)]
mod tests {
    use super::most_holders;
    use crate::feed::Holder;
    use chrono::NaiveDate;

    /// The definition: the most holders on any day a term starts or ends.
    fn naive(holders: &[Holder]) -> usize {
        let mut most = None;
        for h in holders {
            for d in [h.from, h.to].into_iter().flatten() {
                let n = holders.iter().filter(|o| o.holds_on(d)).count();
                most = Some(most.map_or(n, |m: usize| m.max(n)));
            }
        }
        most.unwrap_or(holders.len())
    }

    fn holder(from: Option<i32>, to: Option<i32>) -> Holder {
        let day =
            |k: i32| NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + chrono::Days::new(k as u64);
        Holder {
            name: Default::default(),
            from: from.map(day),
            to: to.map(day),
            prov: Default::default(),
        }
    }

    #[test]
    fn most_holders_agrees_with_its_definition() {
        // every list of up to 4 terms over 4 days, open ends and reversed terms included
        let ends = [None, Some(0), Some(1), Some(2), Some(3)];
        let mut terms = Vec::new();
        for a in ends {
            for b in ends {
                terms.push((a, b));
            }
        }
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = (x % 5) as usize;
            let hs: Vec<Holder> = (0..n)
                .map(|k| {
                    let (a, b) = terms[((x >> (8 + 5 * k)) % 25) as usize];
                    holder(a, b)
                })
                .collect();
            assert_eq!(
                most_holders(&hs),
                naive(&hs),
                "{:?}",
                hs.iter().map(|h| (h.from, h.to)).collect::<Vec<_>>()
            );
        }
        // 100,000 dated terms: n log n (the definition takes 10^10 steps)
        let hs: Vec<Holder> = (0..100_000)
            .map(|k| holder(Some(k % 1000), Some(k % 1000 + 10)))
            .collect();
        assert_eq!(most_holders(&hs), 1100);
    }
}
