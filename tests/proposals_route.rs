//! Proposal routes as specs: `check(history, expected)` loads one proposal with that history and
//! compares every route error and warning as `path: message [code]`.

use cogov::dataset::load;

const HEAD: &str = r#""cogov": 1, "publisher": {"id": "gaok", "name": "GAOK"},
  "organizations": [
    {"id": "busan", "kind": "metropolitan", "name": "Busan"},
    {"id": "daegu", "kind": "metropolitan", "name": "Daegu"},
    {"id": "seoul", "kind": "metropolitan", "name": "Seoul"},
    {"id": "mois", "kind": "ministry", "name": "MOIS"},
    {"id": "moef", "kind": "ministry", "name": "MOEF"},
    {"id": "moe", "kind": "ministry", "name": "MOE"}]"#;

fn doc(history: &str) -> String {
    format!(
        r#"{{{HEAD}, "proposals": [
          {{"id": "other", "title": "Other", "illustrative": true}},
          {{"id": "p", "title": "P", "proposers": ["busan", "daegu"], "ministries": ["mois", "moef"],
           "illustrative": true, "history": [{history}]}}]}}"#
    )
}

fn problems(history: &str) -> Vec<String> {
    let r = load(&doc(history)).report;
    r.errors
        .iter()
        .chain(&r.warnings)
        .map(|p| format!("{p} [{}]", p.code))
        .collect()
}

fn check(history: &str, expected: &[&str]) {
    assert_eq!(problems(history), expected, "for history {history}");
}

fn ok(history: &str) {
    check(history, &[]);
}

// The usual route up to "adopted".
const ADOPTED: &str = r#"{"date": "2024-04-01", "stage": "submitted"},
  {"date": "2024-05-01", "stage": "analysis"},
  {"date": "2024-07-11", "stage": "deliberation", "decision": "agreed"},
  {"date": "2024-07-12", "stage": "decision", "decision": "adopted"}"#;

fn after_adopted(rest: &str) -> String {
    format!("{ADOPTED}, {rest}")
}

#[test]
fn a_full_route_passes() {
    ok(&after_adopted(
        r#"{"date": "2024-07-26", "stage": "sent", "ministry": "mois"},
           {"date": "2024-10-01", "stage": "answer", "ministry": "mois", "answer": "accepted"},
           {"date": "2025-01-02", "stage": "reflected", "reflection": "budget"},
           {"date": "2025-06-30", "stage": "closed"}"#,
    ));
}

#[test]
fn held_over_loops_back_to_deliberation_or_decision() {
    ok(r#"{"date": "2023-04-01", "stage": "submitted"},
          {"date": "2023-07-13", "stage": "deliberation", "decision": "dissent", "dissent": ["seoul"]},
          {"date": "2023-07-14", "stage": "decision", "decision": "held_over"},
          {"date": "2023-12-01", "stage": "decision", "decision": "held_over"},
          {"date": "2024-07-11", "stage": "deliberation", "decision": "agreed"},
          {"date": "2024-07-12", "stage": "decision", "decision": "adopted"},
          {"date": "2024-07-26", "stage": "sent", "ministry": "mois"}"#);
}

#[test]
fn returned_goes_back_to_analysis_or_deliberation() {
    ok(r#"{"date": "2023-04-01", "stage": "submitted"},
          {"date": "2023-07-13", "stage": "deliberation", "decision": "agreed"},
          {"date": "2023-07-14", "stage": "decision", "decision": "returned"},
          {"date": "2023-09-01", "stage": "analysis"},
          {"date": "2024-07-11", "stage": "deliberation", "decision": "agreed"}"#);
    check(
        r#"{"date": "2023-04-01", "stage": "submitted"},
           {"date": "2023-07-13", "stage": "deliberation", "decision": "agreed"},
           {"date": "2023-07-14", "stage": "decision", "decision": "returned"},
           {"date": "2023-09-01", "stage": "sent", "ministry": "mois"}"#,
        &[
            "proposals[1].history[3].stage: \"sent\" cannot follow \"decision\" (returned); expected one of analysis, deliberation, withdrawn [route.transition]",
        ],
    );
}

#[test]
fn several_ministries_answer_and_may_revise_their_answer() {
    ok(&after_adopted(
        r#"{"date": "2024-07-26", "stage": "sent", "ministry": "mois"},
           {"date": "2024-07-26", "stage": "sent", "ministry": "moef"},
           {"date": "2024-10-01", "stage": "answer", "ministry": "mois", "answer": "long_term"},
           {"date": "2024-10-02", "stage": "answer", "ministry": "moef", "answer": "not_accepted"},
           {"date": "2025-03-01", "stage": "answer", "ministry": "mois", "answer": "partly_accepted"},
           {"date": "2025-06-01", "stage": "reflected", "reflection": "law"},
           {"date": "2025-07-01", "stage": "reflected", "reflection": "budget"}"#,
    ));
}

#[test]
fn a_sent_step_without_ministry_sends_to_every_ministry_listed() {
    ok(&after_adopted(
        r#"{"date": "2024-07-26", "stage": "sent"},
           {"date": "2024-10-01", "stage": "answer", "ministry": "moef", "answer": "accepted"}"#,
    ));
}

#[test]
fn withdrawal_may_come_at_any_point() {
    let steps = [
        r#"{"date": "2024-04-01", "stage": "submitted"}"#,
        r#"{"date": "2024-05-01", "stage": "analysis"}"#,
        r#"{"date": "2024-07-11", "stage": "deliberation", "decision": "dissent"}"#,
        r#"{"date": "2024-07-12", "stage": "decision", "decision": "held_over"}"#,
    ];
    for n in 1..=steps.len() {
        ok(&format!(
            "{}, {{\"date\": \"2024-08-01\", \"stage\": \"withdrawn\"}}",
            steps[..n].join(", ")
        ));
    }
    ok(&after_adopted(
        r#"{"date": "2024-07-26", "stage": "sent", "ministry": "mois"}, {"date": "2024-08-01", "stage": "withdrawn"}"#,
    ));
}

#[test]
fn the_first_step_is_submitted() {
    check(
        r#"{"date": "2024-04-01", "stage": "analysis"}"#,
        &["proposals[1].history[0].stage: the first step must be \"submitted\", not \"analysis\" [route.start]"],
    );
}

#[test]
fn a_stage_the_route_does_not_allow_is_rejected_with_what_was_expected() {
    check(
        r#"{"date": "2024-04-01", "stage": "submitted"},
           {"date": "2024-05-01", "stage": "answer", "ministry": "mois", "answer": "accepted"}"#,
        &[
            "proposals[1].history[1].stage: \"answer\" cannot follow \"submitted\"; expected one of analysis, deliberation, withdrawn [route.transition]",
            "proposals[1].history[1].ministry: \"mois\" answered but the proposal was never sent to it [route.answer]",
        ],
    );
    check(
        r#"{"date": "2024-04-01", "stage": "submitted"},
           {"date": "2024-07-11", "stage": "deliberation", "decision": "dissent"},
           {"date": "2024-07-12", "stage": "decision", "decision": "held_over"},
           {"date": "2024-07-26", "stage": "sent", "ministry": "mois"}"#,
        &[
            "proposals[1].history[3].stage: \"sent\" cannot follow \"decision\" (held_over); expected one of deliberation, decision, withdrawn [route.transition]",
            "proposals[1].history[3].stage: sent to a ministry after a deliberation without agreement (history[1]) and no later agreement; unanimous agreement among the cities/provinces comes first [route.unanimity]",
        ],
    );
    check(
        &format!("{ADOPTED}, {{\"date\": \"2024-08-01\", \"stage\": \"submitted\"}}"),
        &["proposals[1].history[4].stage: \"submitted\" cannot follow \"decision\" (adopted); expected one of sent, withdrawn [route.transition]"],
    );
}

#[test]
fn dates_never_go_back() {
    check(
        r#"{"date": "2024-04-02", "stage": "submitted"}, {"date": "2024-03-01", "stage": "analysis"}"#,
        &["proposals[1].history[1].date: 2024-03-01 is before the previous step (2024-04-02) [route.date_order]"],
    );
    ok(
        r#"{"date": "2024-04-02", "stage": "submitted"}, {"date": "2024-04-02", "stage": "withdrawn"}"#,
    );
}

#[test]
fn a_proposal_goes_to_a_ministry_only_after_unanimous_agreement() {
    // dissent and no later agreement; the decision adopted it anyway
    check(
        r#"{"date": "2024-04-01", "stage": "submitted"},
           {"date": "2024-07-11", "stage": "deliberation", "decision": "agreed"},
           {"date": "2024-07-11", "stage": "deliberation", "decision": "dissent", "dissent": ["seoul"]},
           {"date": "2024-07-12", "stage": "decision", "decision": "adopted"},
           {"date": "2024-07-26", "stage": "sent", "ministry": "mois"}"#,
        &["proposals[1].history[4].stage: sent to a ministry after a deliberation without agreement (history[2]) and no later agreement; unanimous agreement among the cities/provinces comes first [route.unanimity]"],
    );
}

#[test]
fn each_stage_takes_its_own_class_of_decision() {
    check(
        r#"{"date": "2024-04-01", "stage": "submitted"},
           {"date": "2024-07-11", "stage": "deliberation", "decision": "adopted"}"#,
        &["proposals[1].history[1].decision: \"adopted\" is not a decision of a \"deliberation\" step; expected one of agreed, dissent [route.decision]"],
    );
    check(
        r#"{"date": "2024-04-01", "stage": "submitted"},
           {"date": "2024-07-11", "stage": "deliberation", "decision": "agreed"},
           {"date": "2024-07-12", "stage": "decision"}"#,
        &["proposals[1].history[2].decision: a \"decision\" step needs a decision: one of adopted, held_over, rejected, returned, merged [route.decision]"],
    );
    check(
        r#"{"date": "2024-04-01", "stage": "submitted", "decision": "agreed"}"#,
        &["proposals[1].history[0].decision: a \"submitted\" step takes no decision; found \"agreed\" [route.decision]"],
    );
}

#[test]
fn answers_need_a_ministry_it_was_sent_to_and_an_answer() {
    check(
        &after_adopted(
            r#"{"date": "2024-07-26", "stage": "sent", "ministry": "mois"},
               {"date": "2024-10-01", "stage": "answer", "ministry": "moe", "answer": "accepted"},
               {"date": "2024-10-02", "stage": "answer", "answer": "accepted"},
               {"date": "2024-10-03", "stage": "answer", "ministry": "mois"}"#,
        ),
        &[
            "proposals[1].history[5].ministry: \"moe\" answered but the proposal was never sent to it [route.answer]",
            "proposals[1].history[6].ministry: an \"answer\" step needs the ministry that answered [route.answer]",
            "proposals[1].history[7].answer: an \"answer\" step needs the answer: one of accepted, partly_accepted, not_accepted, long_term [route.answer]",
        ],
    );
    check(
        r#"{"date": "2024-04-01", "stage": "submitted", "answer": "accepted"}"#,
        &["proposals[1].history[0].answer: only an \"answer\" step carries an answer; this step is \"submitted\" [route.answer]"],
    );
}

#[test]
fn merged_names_the_proposal_it_merged_into() {
    let head = r#"{"date": "2024-04-01", "stage": "submitted"}, {"date": "2024-07-11", "stage": "deliberation", "decision": "agreed"}"#;
    ok(&format!(
        r#"{head}, {{"date": "2024-07-12", "stage": "decision", "decision": "merged", "merged_into": "other"}}, {{"date": "2024-08-01", "stage": "closed"}}"#
    ));
    check(
        &format!(r#"{head}, {{"date": "2024-07-12", "stage": "decision", "decision": "merged"}}"#),
        &["proposals[1].history[2].merged_into: a \"merged\" decision needs merged_into: the proposal it was merged into [route.merge]"],
    );
    check(
        &format!(r#"{head}, {{"date": "2024-07-12", "stage": "decision", "decision": "adopted", "merged_into": "other"}}"#),
        &["proposals[1].history[2].merged_into: only a \"merged\" decision names the proposal it was merged into [route.merge]"],
    );
    check(
        &format!(r#"{head}, {{"date": "2024-07-12", "stage": "decision", "decision": "merged", "merged_into": "p"}}"#),
        &["proposals[1].history[2].merged_into: a proposal cannot be merged into itself [route.merge]"],
    );
}

#[test]
fn nothing_follows_closed_or_withdrawn() {
    check(
        r#"{"date": "2024-04-01", "stage": "submitted"},
           {"date": "2024-04-02", "stage": "withdrawn"},
           {"date": "2024-04-03", "stage": "analysis"},
           {"date": "2024-04-04", "stage": "closed"}"#,
        &[
            "proposals[1].history[2].stage: no step may follow \"withdrawn\" (history[1]); found \"analysis\" [route.after_end]",
            "proposals[1].history[3].stage: no step may follow \"withdrawn\" (history[1]); found \"closed\" [route.after_end]",
        ],
    );
}

#[test]
fn reflection_follows_an_accepted_or_partly_accepted_answer() {
    let sent = r#"{"date": "2024-07-26", "stage": "sent", "ministry": "mois"}"#;
    check(
        &after_adopted(&format!(
            r#"{sent}, {{"date": "2024-10-01", "stage": "answer", "ministry": "mois", "answer": "not_accepted"}},
               {{"date": "2025-01-02", "stage": "reflected", "reflection": "law"}}"#
        )),
        &["proposals[1].history[6].stage: reflected without an accepted or partly accepted answer from a ministry [route.reflected]"],
    );
    // a long-term review is not an acceptance: record the revised answer first
    check(
        &after_adopted(&format!(
            r#"{sent}, {{"date": "2024-10-01", "stage": "answer", "ministry": "mois", "answer": "long_term"}},
               {{"date": "2025-01-02", "stage": "reflected", "reflection": "national_agenda"}}"#
        )),
        &["proposals[1].history[6].stage: reflected without an accepted or partly accepted answer from a ministry [route.reflected]"],
    );
    // the latest answer wins: accepted, then revised to not accepted
    check(
        &after_adopted(&format!(
            r#"{sent}, {{"date": "2024-10-01", "stage": "answer", "ministry": "mois", "answer": "accepted"}},
               {{"date": "2024-11-01", "stage": "answer", "ministry": "mois", "answer": "not_accepted"}},
               {{"date": "2025-01-02", "stage": "reflected", "reflection": "law"}}"#
        )),
        &["proposals[1].history[7].stage: reflected without an accepted or partly accepted answer from a ministry [route.reflected]"],
    );
}

#[test]
fn a_reflected_step_names_its_reflection() {
    // as the schema requires it (docs/FORMAT.md); null is absent
    let sent = r#"{"date": "2024-07-26", "stage": "sent", "ministry": "mois"}"#;
    for reflection in ["", r#", "reflection": null"#] {
        check(
            &after_adopted(&format!(
                r#"{sent}, {{"date": "2024-10-01", "stage": "answer", "ministry": "mois", "answer": "accepted"}},
                   {{"date": "2025-01-02", "stage": "reflected"{reflection}}}"#
            )),
            &["proposals[1].history[6].reflection: a \"reflected\" step needs the reflection: one of law, budget, national_agenda [route.reflected]"],
        );
    }
}

#[test]
fn submitted_date_disagreeing_with_the_first_step_is_a_warning() {
    let d = doc(r#"{"date": "2024-04-01", "stage": "submitted"}"#).replace(
        r#""illustrative": true, "history""#,
        r#""illustrative": true, "submitted": "2024-03-30", "history""#,
    );
    let l = load(&d);
    assert!(l.dataset.is_some());
    let w: Vec<String> = l
        .report
        .warnings
        .iter()
        .map(|p| format!("{p} [{}]", p.code))
        .collect();
    assert_eq!(w, ["proposals[1].submitted: 2024-03-30 differs from the date of the first step (2024-04-01) [route.submitted]"]);
}

#[test]
fn the_default_dataset_follows_the_route() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/data/feed.json"))
        .unwrap();
    let r = load(&text).report;
    let route: Vec<String> = r
        .errors
        .iter()
        .chain(&r.warnings)
        .filter(|p| p.code.as_str().starts_with("route."))
        .map(|p| p.to_string())
        .collect();
    assert!(route.is_empty(), "{route:#?}");
}
