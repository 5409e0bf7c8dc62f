//! The calendar: series rules checked at load ([`rules`]), sessions expanded in a window
//! ([`expand`]) and written as iCalendar ([`ics`]).
//!
//! Expansion is pure and bounded: no clock (the caller passes `now`, `today` and `DTSTAMP`), at most
//! [`crate::recur::HARD_CAP`] sessions per query over every series, and at most
//! [`crate::recur::QUERY_STEPS`] steps of work per query, with a `truncated` flag.

pub mod checks;
pub mod expand;
pub(crate) mod expander;
pub mod ics;
pub mod rules;
mod views;
mod window;

pub use expand::{
    find_session, next_session, next_sessions, ordinal, session_bodies, session_starts, sessions,
    AgendaView, DocumentView, LocationView, SessionList, SessionQuery, SessionView, NO_CLOCK,
};
pub use ics::{calendar_ics, calendar_ics_for, google_link, Export, IcsQuery, Subscription};

#[cfg(test)]
mod bounds_tests;
#[cfg(test)]
mod past_tests;
#[cfg(test)]
mod series_tests;
#[cfg(test)]
mod tests;
