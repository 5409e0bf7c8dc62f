//! The closed vocabularies of the feed (kinds, sides, roles, stages...), each a Rust enum that
//! reads and writes the feed's snake_case words.

/// A closed vocabulary read from the feed.
pub trait Word: Sized + Copy {
    /// Reads the feed's word.
    fn parse_word(s: &str) -> Option<Self>;
    /// The accepted words, for messages.
    fn expected_words() -> String;
}

/// Defines an enum whose variants are written in the feed as fixed words.
macro_rules! vocab {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $word:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vm])* $var),+ }
        /// Serialized as its word (what a derived unit variant gives, through the words table).
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The words, in the order of [`Self::ALL`].
            const WORDS: &'static [&'static str] = &[$($word),+];
            /// The word the feed uses.
            pub fn as_str(self) -> &'static str { Self::WORDS[self as usize] }
            /// Reads the feed's word.
            pub fn parse(s: &str) -> Option<$name> { position(Self::WORDS, s).and_then(|i| Self::ALL.get(i).copied()) }
            /// The words, comma-separated, for messages.
            pub fn expected() -> String { join_words(Self::WORDS) }
        }
        impl Word for $name {
            fn parse_word(s: &str) -> Option<Self> { $name::parse(s) }
            fn expected_words() -> String { $name::expected() }
        }
    };
}

/// The words joined with `, ` (one loop for every vocabulary; the words are in the wasm once).
#[inline(never)]
fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(w);
    }
    out
}

/// Where `s` is in `words` (one loop for every vocabulary instead of a `match` per enum).
#[inline(never)]
fn position(words: &[&str], s: &str) -> Option<usize> {
    words.iter().position(|w| *w == s)
}

vocab!(
    /// What kind of organization.
    OrgKind { Metropolitan = "metropolitan", Local = "local", Ministry = "ministry", Agency = "agency",
    Committee = "committee", Association = "association", Institute = "institute", Foreign = "foreign", Other = "other" }
);

vocab!(
    /// What kind of body.
    BodyKind { CooperationMeeting = "cooperation_meeting", GeneralAssembly = "general_assembly",
    WorkingCouncil = "working_council", SupportGroup = "support_group", Association = "association",
    AssociationCouncil = "association_council", CitizenCouncil = "citizen_council", Platform = "platform",
    Forum = "forum", Seminar = "seminar", Committee = "committee", Other = "other" }
);

vocab!(
    /// Which side a seat represents.
    Side { Central = "central", Local = "local", Citizen = "citizen", Official = "official",
    Expert = "expert", Association = "association", Other = "other" }
);

vocab!(
    /// What a seat does in its body.
    Role { Chair = "chair", CoChair = "co_chair", ViceChair = "vice_chair", Representative = "representative",
    StandingDirector = "standing_director", CoDirector = "co_director", Member = "member", Secretary = "secretary" }
);

impl Role {
    /// Whether the role leads the body (chairs, co-chairs, directors, representatives).
    ///
    /// ```
    /// use cogov::feed::Role;
    /// assert!(Role::CoChair.leads());
    /// assert!(!Role::Member.leads());
    /// ```
    pub fn leads(self) -> bool {
        matches!(
            self,
            Role::Chair | Role::CoChair | Role::StandingDirector | Role::Representative
        )
    }
}

vocab!(
    /// What kind of session.
    SessionKind { Regular = "regular", Special = "special", Plenary = "plenary", Working = "working",
    Forum = "forum", Seminar = "seminar", Meeting = "meeting", Other = "other" }
);

vocab!(
    /// Where a session stands.
    Status { Scheduled = "scheduled", Held = "held", Cancelled = "cancelled", Postponed = "postponed", Moved = "moved" }
);

vocab!(
    /// The counter word of a series' session numbers: 제N차 or 제N회.
    Counter { Cha = "차", Hoe = "회" }
);

vocab!(
    /// What an agenda item is for.
    AgendaKind { Resolution = "resolution", Report = "report", Discussion = "discussion", Other = "other" }
);

vocab!(
    /// A step on a proposal's route.
    Stage { Submitted = "submitted", Analysis = "analysis", Deliberation = "deliberation", Decision = "decision",
    Sent = "sent", Answer = "answer", Reflected = "reflected", Closed = "closed", Withdrawn = "withdrawn" }
);

vocab!(
    /// Outcome of a deliberation or decision step.
    Decision { Agreed = "agreed", Dissent = "dissent", Adopted = "adopted", HeldOver = "held_over",
    Rejected = "rejected", Returned = "returned", Merged = "merged" }
);

vocab!(
    /// A ministry's answer (수용, 일부수용, 불수용, 중장기검토).
    Answer { Accepted = "accepted", PartlyAccepted = "partly_accepted", NotAccepted = "not_accepted", LongTerm = "long_term" }
);

vocab!(
    /// How an accepted proposal was carried out.
    Reflection { Law = "law", Budget = "budget", NationalAgenda = "national_agenda" }
);
