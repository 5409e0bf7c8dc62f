//! The RRULE engine (src/recur/): parse, validate against a DTSTART, then bounded expansion
//! (`between` for windows, `after`, `first`, with EXDATEs), checking the caps and the order.
//! Input: `DTSTART\nRRULE\nEXDATES` as text (seeds: fuzz/corpus/rrule, rules from the tests).
#![no_main]

use cogov::recur::{parse_local, ExDate, RuleSet, RuleSpec, ValidRule, HARD_CAP};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOC: cogov_fuzz::Counting = cogov_fuzz::Counting;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    cogov_fuzz::budget(data.len(), || {
        let mut lines = text.splitn(3, '\n');
        let (dtstart, rrule, exdates) = (
            lines.next().unwrap_or_default(),
            lines.next().unwrap_or_default(),
            lines.next().unwrap_or_default(),
        );
        let _ = RuleSpec::parse(rrule);
        let Ok(start) = parse_local(dtstart) else {
            return;
        };
        let Ok(rule) = ValidRule::parse(rrule, start) else {
            return;
        };
        let ex = ExDate::parse_list(exdates).unwrap_or_default();
        let set = RuleSet::new(rule.clone(), ex);
        let at = |s: &str| parse_local(s).unwrap_or(start);
        let windows = [
            (start, at("21001231T235959")),
            (at("20250701T000000"), at("20250731T235959")),
            (at("19000101T000000"), at("22001231T235959")),
        ];
        for (from, to) in windows {
            for cap in [1, 100, HARD_CAP, usize::MAX] {
                let e = set.between(from, to, cap);
                check(&e.occurrences, cap);
                assert!(
                    e.occurrences.iter().all(|&t| t >= from && t <= to),
                    "outside the window"
                );
                let e = rule.between(from, to, cap);
                check(&e.occurrences, cap);
            }
        }
        check(&set.after(at("20250101T000000"), 50).occurrences, 50);
        check(&set.first(HARD_CAP).occurrences, HARD_CAP);
        check(&rule.first(usize::MAX).occurrences, HARD_CAP);
        // the lazy iterator ends or is cut by the caller
        let n = set.iter().take(HARD_CAP + 1).count();
        assert!(n <= HARD_CAP + 1);
    });
});

fn check(occurrences: &[chrono::NaiveDateTime], cap: usize) {
    assert!(
        occurrences.len() <= cap.min(HARD_CAP),
        "{} occurrences over the cap",
        occurrences.len()
    );
    assert!(
        occurrences.windows(2).all(|w| w[0] < w[1]),
        "occurrences out of order"
    );
}
