// Test code, native only: clippy.toml's wasm bans do not apply.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]
#![allow(clippy::type_complexity)]
//! Proposal queries and statistics as specs, against a fixture of eight proposals whose every
//! expected number is counted by hand in the comments below.

use cogov::dataset::{load, Dataset};
use cogov::feed::Stage;
use cogov::proposals::cards::{cards, next_explicit_session, CardState};
use cogov::proposals::query::{self, filter, Filter, ProposalQuery, SortKey};
use cogov::proposals::stats::{changed_between, stats, Counts, GroupBy, StatsView};
use cogov::proposals::{AnswerClass, ProposalIndex};
use cogov::text::Lang;

// P1 busan            → mois                 accepted                            adopted at ga-2023
// P2 busan+daegu      → mois, moef           mois partly, moef not → partly      adopted at ga-2023
// P3 daegu            → moef                 long_term, revised to accepted      adopted at ga-2024
// P4 seoul            → mois                 sent, no answer → pending           adopted at ga-2024
// P5 seoul            dissent, held over, withdrawn: never sent
// P6 busan            → mois                 long_term, closed                   adopted at ga-2025
// P7 daegu            → moef                 accepted, reflected                 adopted at ga-2025
// P8 busan            submitted, analysis: never sent
const FIXTURE: &str = r#"{"cogov": 1, "publisher": {"id": "gaok", "name": "GAOK"},
 "organizations": [
  {"id": "busan", "kind": "metropolitan", "name": {"ko": "부산", "en": "Busan"}},
  {"id": "daegu", "kind": "metropolitan", "name": {"ko": "대구", "en": "Daegu"}},
  {"id": "seoul", "kind": "metropolitan", "name": {"ko": "서울", "en": "Seoul"}},
  {"id": "mois", "kind": "ministry", "name": {"ko": "행정안전부", "en": "MOIS"}},
  {"id": "moef", "kind": "ministry", "name": {"ko": "기획재정부", "en": "MOEF"}}],
 "bodies": [
  {"id": "wc", "kind": "working_council", "name": "WC", "illustrative": true},
  {"id": "ga", "kind": "general_assembly", "name": "GA", "illustrative": true}],
 "sessions": [
  {"id": "ga-2023", "body": "ga", "start": "2023-07-14T14:00", "illustrative": true},
  {"id": "wc-2024", "body": "wc", "start": "2024-07-11T10:00", "illustrative": true},
  {"id": "ga-2024", "body": "ga", "start": "2024-07-12T14:00", "illustrative": true},
  {"id": "ga-2024-special", "body": "ga", "start": "2024-12-01", "status": "cancelled", "illustrative": true},
  {"id": "ga-2025", "body": "ga", "start": "2025-07-11T14:00", "illustrative": true}],
 "proposals": [
  {"id": "p1", "title": {"ko": "지방재정 개편", "en": "Local Finance Reform"}, "proposers": ["busan"], "ministries": ["mois"], "illustrative": true, "history": [
    {"date": "2023-04-01", "stage": "submitted"},
    {"date": "2023-07-13", "stage": "deliberation", "decision": "agreed"},
    {"date": "2023-07-14", "stage": "decision", "session": "ga-2023", "decision": "adopted"},
    {"date": "2023-07-28", "stage": "sent", "ministry": "mois"},
    {"date": "2023-10-01", "stage": "answer", "ministry": "mois", "answer": "accepted"}]},
  {"id": "p2", "title": {"ko": "항만 안전", "en": "Port safety"}, "summary": {"en": "Harbour safety inspections"}, "proposers": ["busan", "daegu"], "ministries": ["mois", "moef"], "illustrative": true, "history": [
    {"date": "2023-05-01", "stage": "submitted"},
    {"date": "2023-07-13", "stage": "deliberation", "decision": "agreed"},
    {"date": "2023-07-14", "stage": "decision", "session": "ga-2023", "decision": "adopted"},
    {"date": "2023-07-28", "stage": "sent", "ministry": "mois"},
    {"date": "2023-07-28", "stage": "sent", "ministry": "moef"},
    {"date": "2023-11-01", "stage": "answer", "ministry": "mois", "answer": "partly_accepted"},
    {"date": "2023-11-01", "stage": "answer", "ministry": "moef", "answer": "not_accepted"}]},
  {"id": "p3", "title": "Grant formula", "proposers": ["daegu"], "ministries": ["moef"], "illustrative": true, "history": [
    {"date": "2024-04-01", "stage": "submitted"},
    {"date": "2024-07-11", "stage": "deliberation", "session": "wc-2024", "decision": "agreed"},
    {"date": "2024-07-12", "stage": "decision", "session": "ga-2024", "decision": "adopted"},
    {"date": "2024-07-26", "stage": "sent", "ministry": "moef"},
    {"date": "2024-10-01", "stage": "answer", "ministry": "moef", "answer": "long_term"},
    {"date": "2025-02-01", "stage": "answer", "ministry": "moef", "answer": "accepted"}]},
  {"id": "p4", "title": "Bus routes", "proposers": ["seoul"], "ministries": ["mois"], "illustrative": true, "history": [
    {"date": "2024-04-10", "stage": "submitted"},
    {"date": "2024-07-11", "stage": "deliberation", "session": "wc-2024", "decision": "agreed"},
    {"date": "2024-07-12", "stage": "decision", "session": "ga-2024", "decision": "adopted"},
    {"date": "2024-07-26", "stage": "sent", "ministry": "mois"}]},
  {"id": "p5", "title": "Airport", "proposers": ["seoul"], "ministries": ["mois"], "illustrative": true, "history": [
    {"date": "2024-04-15", "stage": "submitted"},
    {"date": "2024-07-11", "stage": "deliberation", "session": "wc-2024", "decision": "dissent", "dissent": ["busan"]},
    {"date": "2024-07-12", "stage": "decision", "session": "ga-2024", "decision": "held_over"},
    {"date": "2024-09-01", "stage": "withdrawn"}]},
  {"id": "p6", "title": "Coastal towns", "proposers": ["busan"], "ministries": ["mois"], "illustrative": true, "history": [
    {"date": "2025-04-01", "stage": "submitted"},
    {"date": "2025-07-10", "stage": "deliberation", "decision": "agreed"},
    {"date": "2025-07-11", "stage": "decision", "session": "ga-2025", "decision": "adopted"},
    {"date": "2025-07-25", "stage": "sent", "ministry": "mois"},
    {"date": "2025-09-01", "stage": "answer", "ministry": "mois", "answer": "long_term"},
    {"date": "2025-10-01", "stage": "closed"}]},
  {"id": "p7", "title": "Tax sharing", "theme": {"ko": "지방재정", "en": "Local finance"}, "proposers": ["daegu"], "ministries": ["moef"], "illustrative": true, "history": [
    {"date": "2025-04-02", "stage": "submitted"},
    {"date": "2025-07-10", "stage": "deliberation", "decision": "agreed"},
    {"date": "2025-07-11", "stage": "decision", "session": "ga-2025", "decision": "adopted"},
    {"date": "2025-07-25", "stage": "sent", "ministry": "moef"},
    {"date": "2025-10-01", "stage": "answer", "ministry": "moef", "answer": "accepted"},
    {"date": "2026-01-02", "stage": "reflected", "reflection": "budget"}]},
  {"id": "p8", "title": {"en": "HARBOUR Ferry Routes"}, "proposers": ["busan"], "ministries": ["mois"], "illustrative": true, "history": [
    {"date": "2025-05-01", "stage": "submitted"},
    {"date": "2025-05-20", "stage": "analysis"}]}],
 "cards": [
  {"id": "c1", "title": "Bus routes card", "session": "ga-2024", "proposal": "p4", "responsible": ["mois"], "illustrative": true},
  {"id": "c2", "title": "Finance card", "session": "ga-2023", "due_session": "ga-2025", "proposal": "p1", "responsible": ["mois"],
   "reports": [{"date": "2024-07-12", "session": "ga-2024", "text": "Done"}], "illustrative": true},
  {"id": "c3", "title": "Grant card", "session": "wc-2024", "responsible": ["moef"], "illustrative": true,
   "milestones": [{"title": "Draft", "due": "2024-12-31"}, {"title": "Consult", "due": "2024-10-31", "done": "2024-10-30"}]}]}"#;

fn fixture() -> (Dataset, ProposalIndex) {
    let l = load(FIXTURE);
    assert!(
        l.report.errors.is_empty() && l.report.warnings.is_empty(),
        "{:?}",
        l.report
    );
    let ds = l.dataset.unwrap();
    let idx = ProposalIndex::new(&ds.feed);
    (ds, idx)
}

fn day(s: &str) -> Option<chrono::NaiveDate> {
    Some(cogov::date::parse_date(s).unwrap())
}

/// Ids passing `f`, in feed order.
fn ids(f: Filter) -> Vec<String> {
    let (ds, idx) = fixture();
    filter(&ds, &idx, &f)
        .unwrap()
        .into_iter()
        .map(|i| ds.feed.proposals[i].id.clone())
        .collect()
}

fn check(f: Filter, expected: &[&str]) {
    assert_eq!(ids(f), expected, "for {f:?}");
}

fn counts(
    accepted: u32,
    partly_accepted: u32,
    not_accepted: u32,
    long_term: u32,
    pending: u32,
) -> Counts {
    Counts {
        accepted,
        partly_accepted,
        not_accepted,
        long_term,
        pending,
    }
}

fn run(by: GroupBy, weight: f64) -> StatsView {
    let (ds, idx) = fixture();
    stats(&ds, &idx, &Filter::default(), by, weight, Lang::En).unwrap()
}

/// (key, counts, rate, strict rate) of each group.
fn groups(s: &StatsView) -> Vec<(String, Counts, Option<f64>, Option<f64>)> {
    s.groups
        .iter()
        .map(|g| (g.key.clone(), g.counts, g.rate, g.strict_rate))
        .collect()
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn derived_state_is_the_last_step_and_each_ministrys_latest_answer() {
    let (_, idx) = fixture();
    let e = &idx.entries;
    let stage: Vec<_> = e.iter().map(|e| e.stage.unwrap()).collect();
    use Stage::*;
    assert_eq!(
        stage,
        [Answer, Answer, Answer, Sent, Withdrawn, Closed, Reflected, Analysis]
    );
    let answer: Vec<_> = e.iter().map(|e| e.answer).collect();
    use AnswerClass as A;
    assert_eq!(
        answer,
        [
            Some(A::Accepted),
            Some(A::PartlyAccepted),
            Some(A::Accepted),
            Some(A::Pending),
            None,
            Some(A::LongTerm),
            Some(A::Accepted),
            None
        ]
    );
    // p3's long-term review was revised: the latest answer wins
    assert_eq!(idx.answers(&e[2]).len(), 1);
    assert_eq!(idx.answers(&e[2])[0].class(), A::Accepted);
}

#[test]
fn filters_by_stage_answer_ministry_proposer_year_and_session() {
    check(
        Filter {
            stage: Some(Stage::Answer),
            ..Filter::default()
        },
        &["p1", "p2", "p3"],
    );
    check(
        Filter {
            answer: Some(AnswerClass::Accepted),
            ..Filter::default()
        },
        &["p1", "p3", "p7"],
    );
    check(
        Filter {
            answer: Some(AnswerClass::Pending),
            ..Filter::default()
        },
        &["p4"],
    );
    check(
        Filter {
            ministry: Some("moef"),
            ..Filter::default()
        },
        &["p2", "p3", "p7"],
    );
    // with a ministry, the answer is that ministry's: moef refused p2 (whose overall class is partly)
    check(
        Filter {
            ministry: Some("moef"),
            answer: Some(AnswerClass::NotAccepted),
            ..Filter::default()
        },
        &["p2"],
    );
    // a joint proposal counts for every co-proposer
    check(
        Filter {
            proposer: Some("daegu"),
            ..Filter::default()
        },
        &["p2", "p3", "p7"],
    );
    check(
        Filter {
            proposer: Some("busan"),
            ..Filter::default()
        },
        &["p1", "p2", "p6", "p8"],
    );
    check(
        Filter {
            year: Some(2024),
            ..Filter::default()
        },
        &["p3", "p4", "p5"],
    );
    check(
        Filter {
            session: Some("wc-2024"),
            ..Filter::default()
        },
        &["p3", "p4", "p5"],
    );
    check(
        Filter {
            session: Some("ga-2024-special"),
            ..Filter::default()
        },
        &[],
    );
    check(
        Filter {
            proposer: Some("daegu"),
            year: Some(2025),
            ..Filter::default()
        },
        &["p7"],
    );
}

#[test]
fn text_search_covers_title_summary_and_theme_in_both_languages_ignoring_case() {
    check(
        Filter {
            text: Some("FINANCE"),
            ..Filter::default()
        },
        &["p1", "p7"],
    );
    check(
        Filter {
            text: Some("재정"),
            ..Filter::default()
        },
        &["p1", "p7"],
    );
    check(
        Filter {
            text: Some("harbour"),
            ..Filter::default()
        },
        &["p2", "p8"],
    );
    check(
        Filter {
            text: Some("  "),
            ..Filter::default()
        },
        &["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"],
    );
    check(
        Filter {
            text: Some("nowhere"),
            ..Filter::default()
        },
        &[],
    );
}

#[test]
fn an_unknown_id_in_a_filter_is_an_error() {
    let (ds, idx) = fixture();
    let e = filter(
        &ds,
        &idx,
        &Filter {
            ministry: Some("mof"),
            ..Filter::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.to_string().as_str()),
        (
            "query.unknown_id",
            "ministry: \"mof\" is not the id of any ministry"
        )
    );
}

#[test]
fn lists_sort_and_page_with_the_total() {
    let (ds, idx) = fixture();
    let q = ProposalQuery {
        sort: SortKey::Title,
        descending: true,
        offset: 1,
        limit: Some(2),
        ..ProposalQuery::all(Lang::En)
    };
    let l = query::list(&ds, &idx, &q).unwrap();
    // titles descending: Tax sharing, Port safety, Local Finance Reform, HARBOUR..., Grant..., Coastal..., Bus..., Airport
    let got: Vec<&str> = l.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!((l.total, l.offset, got), (8, 1, vec!["p2", "p1"]));
    let q = ProposalQuery {
        sort: SortKey::Updated,
        descending: true,
        limit: Some(1),
        ..ProposalQuery::all(Lang::Ko)
    };
    assert_eq!(query::list(&ds, &idx, &q).unwrap().items[0].id, "p7"); // last step 2026-01-02
}

#[test]
fn acceptance_by_ministry_counts_each_ministry_once_per_proposal() {
    // mois: p1 accepted, p2 partly, p4 pending, p6 long-term → answered 3
    //   rate (1 + 0.5·1)/3 = 0.5, strict 1/3
    // moef: p2 not accepted, p3 accepted (revised), p7 accepted → answered 3
    //   rate (2 + 0)/3, strict 2/3
    let s = run(GroupBy::Ministry, 0.5);
    let g = groups(&s);
    assert_eq!(g.len(), 2);
    assert_eq!((g[0].0.as_str(), g[0].1), ("mois", counts(1, 1, 0, 1, 1)));
    assert!(close(g[0].2, 0.5) && close(g[0].3, 1.0 / 3.0));
    assert_eq!((g[1].0.as_str(), g[1].1), ("moef", counts(2, 0, 1, 0, 0)));
    assert!(close(g[1].2, 2.0 / 3.0) && close(g[1].3, 2.0 / 3.0));
    assert_eq!(s.weight, 0.5);
}

#[test]
fn the_overall_rate_counts_proposals_and_reports_the_weight() {
    // sent proposals: p1 acc, p2 partly, p3 acc, p4 pending, p6 long-term, p7 acc (p5, p8 never sent)
    // answered 5; rate (3 + w·1)/5; strict 3/5
    for (w, rate) in [(0.5, 0.7), (0.0, 0.6), (1.0, 0.8)] {
        let s = run(GroupBy::Year, w);
        assert_eq!(s.overall.counts, counts(3, 1, 0, 1, 1));
        assert_eq!(
            (s.overall.answered, s.overall.total, s.weight, s.proposals),
            (5, 6, w, 8)
        );
        assert!(close(s.overall.rate, rate), "w {w}: {:?}", s.overall.rate);
        assert!(close(s.overall.strict_rate, 0.6));
    }
    let (ds, idx) = fixture();
    assert_eq!(
        stats(&ds, &idx, &Filter::default(), GroupBy::Year, 1.5, Lang::En)
            .unwrap_err()
            .code,
        "query.weight"
    );
}

#[test]
fn acceptance_by_proposer_credits_every_co_proposer() {
    // busan: p1 acc, p2 partly, p6 long-term (p8 never sent) → rate (1 + .5)/3 = .5, strict 1/3
    // daegu: p2 partly, p3 acc, p7 acc → rate 2.5/3, strict 2/3
    // seoul: p4 pending (p5 never sent) → no answer, no rate
    let g = groups(&run(GroupBy::Proposer, 0.5));
    let keys: Vec<&str> = g.iter().map(|x| x.0.as_str()).collect();
    assert_eq!(keys, ["busan", "daegu", "seoul"]);
    assert_eq!(g[0].1, counts(1, 1, 0, 1, 0));
    assert!(close(g[0].2, 0.5) && close(g[0].3, 1.0 / 3.0));
    assert_eq!(g[1].1, counts(2, 1, 0, 0, 0));
    assert!(close(g[1].2, 2.5 / 3.0) && close(g[1].3, 2.0 / 3.0));
    assert_eq!(
        (g[2].1, g[2].2, g[2].3),
        (counts(0, 0, 0, 0, 1), None, None)
    );
}

#[test]
fn acceptance_by_year_and_by_session_of_adoption() {
    // 2023 / ga-2023: p1 acc, p2 partly → rate .75, strict .5
    // 2024 / ga-2024: p3 acc, p4 pending → rate 1, strict 1
    // 2025 / ga-2025: p6 long-term, p7 acc → rate .5, strict .5
    for (by, keys) in [
        (GroupBy::Year, ["2023", "2024", "2025"]),
        (GroupBy::Session, ["ga-2023", "ga-2024", "ga-2025"]),
    ] {
        let g = groups(&run(by, 0.5));
        assert_eq!(g.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(), keys);
        assert_eq!(
            [g[0].1, g[1].1, g[2].1],
            [
                counts(1, 1, 0, 0, 0),
                counts(1, 0, 0, 0, 1),
                counts(1, 0, 0, 1, 0)
            ]
        );
        assert!(close(g[0].2, 0.75) && close(g[0].3, 0.5));
        assert!(close(g[1].2, 1.0) && close(g[1].3, 1.0));
        assert!(close(g[2].2, 0.5) && close(g[2].3, 0.5));
    }
}

#[test]
fn statistics_follow_the_filter() {
    let (ds, idx) = fixture();
    let s = stats(
        &ds,
        &idx,
        &Filter {
            proposer: Some("daegu"),
            ..Filter::default()
        },
        GroupBy::Ministry,
        0.5,
        Lang::En,
    )
    .unwrap();
    // daegu's proposals p2, p3, p7: mois p2 partly; moef p2 not, p3 acc, p7 acc
    assert_eq!(s.proposals, 3);
    let g = groups(&s);
    assert_eq!((g[0].0.as_str(), g[0].1), ("moef", counts(2, 0, 1, 0, 0)));
    assert_eq!((g[1].0.as_str(), g[1].1), ("mois", counts(0, 1, 0, 0, 0)));
}

#[test]
fn funnel_counts_how_many_reached_each_stage() {
    let s = run(GroupBy::Year, 0.5);
    let reached: Vec<(Stage, u32, u32)> = s
        .stages
        .iter()
        .map(|x| (x.stage, x.reached, x.current))
        .collect();
    use Stage::*;
    assert_eq!(
        reached,
        [
            (Submitted, 8, 0),
            (Analysis, 1, 1),     // p8
            (Deliberation, 7, 0), // p1..p7
            (Decision, 7, 0),
            (Sent, 6, 1),      // p1 p2 p3 p4 p6 p7; p4 still there
            (Answer, 5, 3),    // p1 p2 p3 p6 p7; p1 p2 p3 still there
            (Reflected, 1, 1), // p7
            (Closed, 1, 1),    // p6
            (Withdrawn, 1, 1)  // p5
        ]
    );
}

#[test]
fn median_days_per_stage_count_only_finished_stays() {
    // submitted → next stage: p1 103, p2 73, p3 101, p4 92, p5 87, p6 100, p7 99, p8 19
    //   sorted 19 73 87 92 | 99 100 101 103 → (92 + 99)/2 = 95.5
    // deliberation: 1 day each; decision: 14 each but p5 (held over 07-12 → withdrawn 09-01) 51 → 14
    // sent (p4 still sent, not counted): p1 65, p2 96 (two same-day sends are one stay), p3 67, p6 38, p7 68 → 67
    // answer (p1 p2 p3 still answering, not counted): p6 30, p7 93 → 61.5
    // analysis (p8 still there), reflected, closed, withdrawn: none
    let s = run(GroupBy::Year, 0.5);
    let medians: Vec<Option<f64>> = s.stages.iter().map(|x| x.median_days).collect();
    assert_eq!(
        medians,
        [
            Some(95.5),
            None,
            Some(1.0),
            Some(14.0),
            Some(67.0),
            Some(61.5),
            None,
            None,
            None
        ]
    );
}

#[test]
fn changed_between_two_sessions_gives_before_and_after() {
    let (ds, _) = fixture();
    // on 2024-07-12 (ga-2024) vs 2025-07-11 (ga-2025):
    // p1, p2 unchanged (answered before); p3 decision → answer/accepted; p4 decision → sent/pending;
    // p5 decision → withdrawn; p6, p7 not yet submitted → decision; p8 not yet submitted → analysis
    let c = changed_between(&ds, "ga-2024", "ga-2025", Lang::En).unwrap();
    let got: Vec<(
        &str,
        Option<Stage>,
        Option<AnswerClass>,
        Option<Stage>,
        Option<AnswerClass>,
    )> = c
        .changes
        .iter()
        .map(|x| {
            (
                x.id.as_str(),
                x.before.stage,
                x.before.answer,
                x.after.stage,
                x.after.answer,
            )
        })
        .collect();
    use AnswerClass as A;
    use Stage::*;
    assert_eq!(
        got,
        [
            ("p3", Some(Decision), None, Some(Answer), Some(A::Accepted)),
            ("p4", Some(Decision), None, Some(Sent), Some(A::Pending)),
            ("p5", Some(Decision), None, Some(Withdrawn), None),
            ("p6", None, None, Some(Decision), None),
            ("p7", None, None, Some(Decision), None),
            ("p8", None, None, Some(Analysis), None),
        ]
    );
    assert_eq!(
        (c.from.date.as_str(), c.to.date.as_str()),
        ("2024-07-12", "2025-07-11")
    );
    let ids: Vec<String> = changed_between(&ds, "ga-2023", "ga-2024", Lang::En)
        .unwrap()
        .changes
        .into_iter()
        .map(|x| x.id)
        .collect();
    assert_eq!(ids, ["p1", "p2", "p3", "p4", "p5"]);
    assert_eq!(
        changed_between(&ds, "ga-2023", "p1", Lang::En)
            .unwrap_err()
            .code,
        "query.unknown_id"
    );
}

fn states(today: &str) -> Vec<CardState> {
    let (ds, _) = fixture();
    cards(&ds, day(today), Lang::En, &next_explicit_session)
        .into_iter()
        .map(|c| c.state)
        .collect()
}

#[test]
fn cards_are_reported_overdue_or_pending_as_of_today() {
    use CardState::*;
    // c1: due at the next ga session after ga-2024 (the cancelled special session is skipped): ga-2025, 2025-07-11
    // c2: due at ga-2025 explicitly; reported 2024-07-12
    // c3: deliberated at wc-2024; the working council has no later session: due unknown
    assert_eq!(states("2024-07-01"), [Pending, Pending, Pending]);
    assert_eq!(states("2025-07-11"), [Pending, Reported, Pending]);
    assert_eq!(states("2025-07-12"), [Overdue, Reported, Pending]);
    let (ds, _) = fixture();
    let v = cards(&ds, day("2025-01-01"), Lang::En, &next_explicit_session);
    let due = v[0].due.as_ref().unwrap();
    assert_eq!(
        (due.id.as_deref(), due.date.as_str(), due.explicit),
        (Some("ga-2025"), "2025-07-11", false)
    );
    assert!(v[1].due.as_ref().unwrap().explicit);
    assert!(v[2].due.is_none());
    let overdue: Vec<bool> = v[2].milestones.iter().map(|m| m.overdue).collect();
    assert_eq!(overdue, [true, false]); // the draft was due 2024-12-31; the consultation is done
}

#[test]
fn the_calendar_finds_a_due_session_generated_by_a_rule() {
    use cogov::proposals::cards::calendar_next_session;
    // The fixture plus a yearly working-council series (second Thursday of July): c3, deliberated
    // at wc-2024 (2024-07-11), is due at the generated occurrence of 2025-07-10, which no explicit
    // session gives; c1's due session stays the explicit ga-2025 (the cancelled one is skipped).
    let text = FIXTURE.replace(
        r#" "sessions": ["#,
        r#" "series": [{"id": "wc-yearly", "body": "wc", "kind": "regular", "illustrative": true,
   "rules": [{"dtstart": "2024-07-11T10:00", "rrule": "FREQ=YEARLY;BYMONTH=7;BYDAY=2TH"}]}],
 "sessions": ["#,
    );
    let l = load(&text);
    assert!(l.report.errors.is_empty(), "{:?}", l.report);
    let ds = l.dataset.unwrap();
    let v = cards(&ds, day("2025-07-11"), Lang::Ko, &calendar_next_session);
    let due = v[2].due.as_ref().unwrap();
    assert_eq!(
        (due.id.as_deref(), due.date.as_str(), due.explicit),
        (Some("wc-yearly@2025-07-10"), "2025-07-10", false)
    );
    assert_eq!(due.name.as_deref(), Some("WC")); // the series has no title: the body's name
    assert_eq!(v[2].state, CardState::Overdue);
    let c1 = v[0].due.as_ref().unwrap();
    assert_eq!(
        (c1.id.as_deref(), v[0].state),
        (Some("ga-2025"), CardState::Pending)
    );
    // without the rule, the explicit-only lookup finds nothing for c3
    assert!(
        cards(&ds, day("2025-07-11"), Lang::Ko, &next_explicit_session)[2]
            .due
            .is_none()
    );
}

#[test]
fn choices_name_every_filter_value() {
    let (ds, idx) = fixture();
    let c = query::choices(&ds, &idx, Lang::En);
    let ids = |v: &[cogov::structure::Named]| {
        let mut v: Vec<String> = v.iter().map(|n| n.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&c.ministries), ["moef", "mois"]);
    assert_eq!(ids(&c.proposers), ["busan", "daegu", "seoul"]);
    let mut years = c.years.clone();
    years.sort();
    assert_eq!(years, [2023, 2024, 2025]);
    let mut sessions: Vec<&str> = c.sessions.iter().map(|s| s.id.as_str()).collect();
    sessions.sort();
    assert_eq!(sessions, ["ga-2023", "ga-2024", "ga-2025", "wc-2024"]);
    assert_eq!(
        (c.stages[0].id.as_str(), c.stages[0].name.as_str()),
        ("submitted", "Submitted")
    );
    assert_eq!(c.answers[1].name, "Partly accepted");
}

#[test]
fn a_next_session_function_can_come_from_elsewhere() {
    let (ds, _) = fixture();
    // e.g. the calendar's rule expansion: an occurrence without a session id
    let rule = |_: &Dataset, body: &str, after: chrono::NaiveDate| {
        (body == "wc").then(|| cogov::proposals::cards::DueSession {
            id: None,
            date: after + chrono::Days::new(30),
        })
    };
    let v = cards(&ds, day("2024-08-11"), Lang::En, &rule);
    assert_eq!(v[2].due.as_ref().unwrap().date, "2024-08-10");
    assert_eq!(v[2].state, CardState::Overdue);
}

#[test]
fn the_detail_has_timeline_answers_and_cards() {
    let (ds, idx) = fixture();
    let d = query::detail(
        &ds,
        &idx,
        "p3",
        Lang::Ko,
        day("2026-01-01"),
        &next_explicit_session,
    )
    .unwrap();
    assert_eq!(d.timeline.len(), 6);
    assert_eq!(d.timeline[4].answer_label, Some("중장기검토"));
    let m = &d.item.ministries[0];
    assert_eq!(
        (
            m.id.as_str(),
            m.answer,
            m.answered.as_deref(),
            m.answers_given
        ),
        ("moef", AnswerClass::Accepted, Some("2025-02-01"), 2)
    );
    let d = query::detail(
        &ds,
        &idx,
        "p4",
        Lang::En,
        day("2026-01-01"),
        &next_explicit_session,
    )
    .unwrap();
    assert_eq!((d.cards.len(), d.cards[0].state), (1, CardState::Overdue));
    assert_eq!(
        query::detail(&ds, &idx, "nope", Lang::En, None, &next_explicit_session)
            .unwrap_err()
            .code,
        "query.unknown_id"
    );
}
