//! Derived state: what the core computes from a dataset's records and keeps.
//!
//! The rule: derived state lives in [`Derived`], owned by the [`Dataset`](crate::dataset::Dataset)
//! it derives from, and nowhere else (no cache in the boundary, the CLI or a query function). It
//! never changes once built, and it is built
//! - at load when the load's checks compute it anyway: the compiled series rules (the calendar
//!   checks compile every rule to check it; they are kept, not compiled again);
//! - else on the first query that needs it (a `OnceCell`): the proposal index, which only the
//!   proposals widget reads (its search text is built, in the index, on the first text query).

use crate::calendar::rules::CompiledRules;
use crate::feed::Feed;
use crate::proposals::ProposalIndex;
use std::cell::OnceCell;

/// Every derived state of one dataset.
#[derive(Debug, Default)]
pub(crate) struct Derived {
    /// Series rules compiled by the calendar checks at load (empty when the calendar part was
    /// not loaded: the feed then holds no series).
    pub rules: CompiledRules,
    /// The proposal index, built on the first proposal query.
    pub proposals: OnceCell<ProposalIndex>,
}

impl Derived {
    /// The state of a dataset whose checks compiled `rules`.
    pub(crate) fn new(rules: CompiledRules) -> Derived {
        Derived {
            rules,
            proposals: OnceCell::new(),
        }
    }

    /// The proposal index of `feed` (the feed this state derives from), built on the first call.
    pub(crate) fn proposals(&self, feed: &Feed) -> &ProposalIndex {
        self.proposals.get_or_init(|| ProposalIndex::new(feed))
    }
}
