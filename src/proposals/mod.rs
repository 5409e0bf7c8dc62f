//! Proposal tracking: route validation ([`route`]), derived state precomputed once per dataset
//! ([`ProposalIndex`]), list and detail queries ([`query`]), statistics ([`stats`]) and task
//! management cards ([`cards`]).
//!
//! Everything here is pure: no clock (the caller passes `today`), no I/O. Output types are view
//! models with texts already in the asked language.

pub mod cards;
mod index;
pub mod query;
pub mod route;
pub mod stats;

pub use index::{Entry, MinistryAnswer, ProposalIndex};

use crate::feed::Answer;
use crate::text::Lang;
use serde::Serialize;

/// Sorts indices stably by a key: one `sort::by_key` instance for every such sort of the module
/// (each call site with its own closure would otherwise inline its own copy).
#[inline(never)]
pub(crate) fn order_by_key(v: &mut [usize], key: &dyn Fn(usize) -> u64) {
    crate::sort::by_key(v, |&i| key(i));
}

/// Sorts indices stably by a comparison: one `sort::by` instance for the module.
#[inline(never)]
pub(crate) fn order_by(v: &mut [usize], cmp: &dyn Fn(usize, usize) -> core::cmp::Ordering) {
    crate::sort::by(v, |&a, &b| cmp(a, b));
}

/// Where a ministry's answer stands: one of the four answers, or `pending` (sent, unanswered).
/// Serialized as its word ([`AnswerClass::as_str`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnswerClass {
    /// 수용.
    Accepted,
    /// 일부수용.
    PartlyAccepted,
    /// 불수용.
    NotAccepted,
    /// 중장기검토.
    LongTerm,
    /// Sent and not answered yet.
    Pending,
}

impl Serialize for AnswerClass {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl AnswerClass {
    /// Every class, in report order.
    pub const ALL: [AnswerClass; 5] = [
        AnswerClass::Accepted,
        AnswerClass::PartlyAccepted,
        AnswerClass::NotAccepted,
        AnswerClass::LongTerm,
        AnswerClass::Pending,
    ];

    /// The class of an answer, `Pending` for none.
    ///
    /// ```
    /// use cogov::{feed::Answer, proposals::AnswerClass};
    /// assert_eq!(AnswerClass::of(Some(Answer::LongTerm)), AnswerClass::LongTerm);
    /// assert_eq!(AnswerClass::of(None), AnswerClass::Pending);
    /// ```
    pub fn of(a: Option<Answer>) -> AnswerClass {
        match a {
            Some(Answer::Accepted) => AnswerClass::Accepted,
            Some(Answer::PartlyAccepted) => AnswerClass::PartlyAccepted,
            Some(Answer::NotAccepted) => AnswerClass::NotAccepted,
            Some(Answer::LongTerm) => AnswerClass::LongTerm,
            None => AnswerClass::Pending,
        }
    }

    /// The word used in queries and JSON.
    ///
    /// ```
    /// use cogov::proposals::AnswerClass;
    /// assert_eq!(AnswerClass::PartlyAccepted.as_str(), "partly_accepted");
    /// assert!(AnswerClass::ALL.iter().all(|&c| AnswerClass::parse(c.as_str()) == Some(c)));
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            AnswerClass::Accepted => "accepted",
            AnswerClass::PartlyAccepted => "partly_accepted",
            AnswerClass::NotAccepted => "not_accepted",
            AnswerClass::LongTerm => "long_term",
            AnswerClass::Pending => "pending",
        }
    }

    /// Reads a query word.
    ///
    /// ```
    /// use cogov::proposals::AnswerClass;
    /// assert_eq!(AnswerClass::parse("pending"), Some(AnswerClass::Pending));
    /// assert_eq!(AnswerClass::parse("yes"), None);
    /// ```
    pub fn parse(s: &str) -> Option<AnswerClass> {
        AnswerClass::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// The class of a whole proposal from its ministries' latest answers (`None`: never sent).
    ///
    /// Rule: any ministry still pending → `pending`; every ministry accepted → `accepted`; some
    /// acceptance (accepted or partly accepted) → `partly_accepted`; else any long-term review →
    /// `long_term`; else `not_accepted`.
    ///
    /// ```
    /// use cogov::feed::Answer::*;
    /// use cogov::proposals::AnswerClass;
    /// assert_eq!(AnswerClass::overall([Some(Accepted), Some(Accepted)]), Some(AnswerClass::Accepted));
    /// assert_eq!(AnswerClass::overall([Some(Accepted), Some(NotAccepted)]), Some(AnswerClass::PartlyAccepted));
    /// assert_eq!(AnswerClass::overall([Some(Accepted), None]), Some(AnswerClass::Pending));
    /// assert_eq!(AnswerClass::overall([Some(LongTerm), Some(NotAccepted)]), Some(AnswerClass::LongTerm));
    /// assert_eq!(AnswerClass::overall([]), None);
    /// ```
    pub fn overall(answers: impl IntoIterator<Item = Option<Answer>>) -> Option<AnswerClass> {
        let (mut n, mut pending, mut accepted, mut some, mut long) = (0, false, 0, false, false);
        for a in answers {
            n += 1;
            match a {
                None => pending = true,
                Some(Answer::Accepted) => {
                    accepted += 1;
                    some = true
                }
                Some(Answer::PartlyAccepted) => some = true,
                Some(Answer::LongTerm) => long = true,
                Some(Answer::NotAccepted) => {}
            }
        }
        Some(match () {
            _ if n == 0 => return None,
            _ if pending => AnswerClass::Pending,
            _ if accepted == n => AnswerClass::Accepted,
            _ if some => AnswerClass::PartlyAccepted,
            _ if long => AnswerClass::LongTerm,
            _ => AnswerClass::NotAccepted,
        })
    }

    /// Label in `lang`: the answer's own ([`Answer::label`]: 수용, 일부수용, 불수용, 중장기검토),
    /// or 회신 대기 for a pending one.
    ///
    /// ```
    /// use cogov::{proposals::AnswerClass, text::Lang};
    /// assert_eq!(AnswerClass::PartlyAccepted.label(Lang::Ko), "일부수용");
    /// assert_eq!(AnswerClass::Pending.label(Lang::En), "Awaiting answer");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        let answer = match self {
            AnswerClass::Accepted => Answer::Accepted,
            AnswerClass::PartlyAccepted => Answer::PartlyAccepted,
            AnswerClass::NotAccepted => Answer::NotAccepted,
            AnswerClass::LongTerm => Answer::LongTerm,
            AnswerClass::Pending if lang == Lang::Ko => return "회신 대기",
            AnswerClass::Pending => return "Awaiting answer",
        };
        answer.label(lang)
    }
}
