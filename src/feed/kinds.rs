//! The closed vocabularies of the feed (kinds, sides, roles, stages...), each a Rust enum that
//! reads and writes the feed's snake_case words, with its labels for people in Korean and
//! English: the one home of the vocabularies' labels (the proposal views call `label`;
//! `www/lib/vocab.js`, which the structure and calendar elements read, is written from these
//! tables by `tests/vocab_js.rs`).

use crate::text::Lang;

/// A closed vocabulary read from the feed.
pub trait Word: Sized + Copy {
    /// Reads the feed's word.
    fn parse_word(s: &str) -> Option<Self>;
    /// The accepted words, for messages.
    fn expected_words() -> String;
}

/// Defines an enum whose variants are written in the feed as fixed words, each with its label
/// for people in Korean and English: `Variant = "word" ("한국어", "English")`.
macro_rules! vocab {
    ($(#[$m:meta])* $name:ident {
        $first:ident = $fword:literal ($fko:literal, $fen:literal)
        $(, $var:ident = $word:literal ($ko:literal, $en:literal))* $(,)?
    }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $first, $($var),* }
        /// Serialized as its word (what a derived unit variant gives, through the words table).
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
        impl $name {
            /// Every value, in the order the format lists them.
            pub const ALL: &'static [$name] = &[$name::$first, $($name::$var),*];
            /// The words, in the order of [`Self::ALL`].
            const WORDS: &'static [&'static str] = &[$fword, $($word),*];
            #[doc = concat!("The word the feed uses.\n\n```\nuse cogov::feed::", stringify!($name),
                ";\nassert_eq!(", stringify!($name), "::", stringify!($first), ".as_str(), ",
                stringify!($fword), ");\n```")]
            pub fn as_str(self) -> &'static str { Self::WORDS[self as usize] }
            #[doc = concat!("Reads the feed's word.\n\n```\nuse cogov::feed::", stringify!($name),
                ";\nassert_eq!(", stringify!($name), "::parse(", stringify!($fword), "), Some(",
                stringify!($name), "::", stringify!($first), "));\nassert_eq!(", stringify!($name),
                "::parse(\"\"), None);\nassert!(", stringify!($name), "::ALL.iter().all(|&v| ",
                stringify!($name), "::parse(v.as_str()) == Some(v)));\n```")]
            pub fn parse(s: &str) -> Option<$name> { position(Self::WORDS, s).and_then(|i| Self::ALL.get(i).copied()) }
            #[doc = concat!("The words, comma-separated, for messages.\n\n```\nuse cogov::feed::",
                stringify!($name), ";\nlet words = ", stringify!($name), "::expected();\nassert!(words.starts_with(",
                stringify!($fword), "));\nassert_eq!(words.split(\", \").count(), ", stringify!($name), "::ALL.len());\n```")]
            pub fn expected() -> String { join_words(Self::WORDS) }
            #[doc = concat!("The label for people in `lang`.\n\n```\nuse cogov::{feed::", stringify!($name),
                ", text::Lang};\nassert_eq!(", stringify!($name), "::", stringify!($first), ".label(Lang::Ko), ",
                stringify!($fko), ");\nassert_eq!(", stringify!($name), "::", stringify!($first),
                ".label(Lang::En), ", stringify!($fen), ");\n```")]
            pub fn label(self, lang: Lang) -> &'static str {
                let (ko, en) = match self { $name::$first => ($fko, $fen), $($name::$var => ($ko, $en)),* };
                if lang == Lang::Ko { ko } else { en }
            }
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
    OrgKind {
        Metropolitan = "metropolitan" ("광역자치단체", "Metropolitan city or province"),
        Local = "local" ("기초자치단체", "City, county or district"),
        Ministry = "ministry" ("중앙부처", "Ministry"),
        Agency = "agency" ("정부기관", "Agency"),
        Committee = "committee" ("위원회", "Committee"),
        Association = "association" ("협의체", "Association"),
        Institute = "institute" ("연구기관", "Institute"),
        Foreign = "foreign" ("해외 기관", "Foreign organization"),
        Other = "other" ("기타", "Other"),
    }
);

vocab!(
    /// What kind of body.
    BodyKind {
        CooperationMeeting = "cooperation_meeting" ("협력회의", "Cooperation meeting"),
        GeneralAssembly = "general_assembly" ("총회", "General assembly"),
        WorkingCouncil = "working_council" ("실무협의회", "Working-level council"),
        SupportGroup = "support_group" ("지원단", "Support group"),
        Association = "association" ("협의체", "Association"),
        AssociationCouncil = "association_council" ("협의체 회의", "Council of associations"),
        CitizenCouncil = "citizen_council" ("시민협의회", "Citizen council"),
        Platform = "platform" ("플랫폼", "Platform"),
        Forum = "forum" ("포럼", "Forum"),
        Seminar = "seminar" ("세미나", "Seminar"),
        Committee = "committee" ("위원회", "Committee"),
        Other = "other" ("기타", "Other"),
    }
);

vocab!(
    /// Which side a seat represents.
    Side {
        Central = "central" ("중앙", "Central government"),
        Local = "local" ("지방", "Local government"),
        Citizen = "citizen" ("시민", "Citizens"),
        Official = "official" ("공무원", "Officials"),
        Expert = "expert" ("전문가", "Experts"),
        Association = "association" ("협의체", "Associations"),
        Other = "other" ("기타", "Other"),
    }
);

vocab!(
    /// What a seat does in its body.
    Role {
        Chair = "chair" ("의장", "Chair"),
        CoChair = "co_chair" ("공동의장", "Co-chair"),
        ViceChair = "vice_chair" ("부의장", "Vice-chair"),
        Representative = "representative" ("대표", "Representative"),
        StandingDirector = "standing_director" ("상임단장", "Standing director"),
        CoDirector = "co_director" ("공동단장", "Co-director"),
        Member = "member" ("위원", "Member"),
        Secretary = "secretary" ("간사", "Secretary"),
    }
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
    SessionKind {
        Regular = "regular" ("정기", "Regular"),
        Special = "special" ("임시", "Special"),
        Plenary = "plenary" ("본회의", "Plenary"),
        Working = "working" ("실무", "Working-level"),
        Forum = "forum" ("포럼", "Forum"),
        Seminar = "seminar" ("세미나", "Seminar"),
        Meeting = "meeting" ("회의", "Meeting"),
        Other = "other" ("기타", "Other"),
    }
);

vocab!(
    /// Where a session stands.
    Status {
        Scheduled = "scheduled" ("예정", "Scheduled"),
        Held = "held" ("개최", "Held"),
        Cancelled = "cancelled" ("취소", "Cancelled"),
        Postponed = "postponed" ("연기", "Postponed"),
        Moved = "moved" ("변경", "Moved"),
    }
);

vocab!(
    /// What a session view says beside its status: `past`, a session that ended with its status
    /// still `scheduled` (no recorded result; `SessionView::past`). Never read from a feed.
    Tense { Past = "past" ("지난 회의", "Past") }
);

vocab!(
    /// The counter word of a series' session numbers: 제N차 or 제N회.
    Counter { Cha = "차" ("차", "th"), Hoe = "회" ("회", "th") }
);

vocab!(
    /// What an agenda item is for.
    AgendaKind {
        Resolution = "resolution" ("의결", "Resolution"),
        Report = "report" ("보고", "Report"),
        Discussion = "discussion" ("토의", "Discussion"),
        Other = "other" ("기타", "Other"),
    }
);

vocab!(
    /// A step on a proposal's route.
    Stage {
        Submitted = "submitted" ("제출", "Submitted"),
        Analysis = "analysis" ("분석·피드백", "Analysis"),
        Deliberation = "deliberation" ("실무 심의·조정", "Deliberation"),
        Decision = "decision" ("의결", "Decision"),
        Sent = "sent" ("부처 송부", "Sent to ministry"),
        Answer = "answer" ("부처 회신", "Ministry answer"),
        Reflected = "reflected" ("반영", "Reflected"),
        Closed = "closed" ("종결", "Closed"),
        Withdrawn = "withdrawn" ("철회", "Withdrawn"),
    }
);

vocab!(
    /// Outcome of a deliberation or decision step.
    Decision {
        Agreed = "agreed" ("합의", "Agreed"),
        Dissent = "dissent" ("이견", "Dissent"),
        Adopted = "adopted" ("채택", "Adopted"),
        HeldOver = "held_over" ("보류", "Held over"),
        Rejected = "rejected" ("부결", "Rejected"),
        Returned = "returned" ("반려", "Returned"),
        Merged = "merged" ("병합", "Merged"),
    }
);

vocab!(
    /// A ministry's answer (수용, 일부수용, 불수용, 중장기검토).
    Answer {
        Accepted = "accepted" ("수용", "Accepted"),
        PartlyAccepted = "partly_accepted" ("일부수용", "Partly accepted"),
        NotAccepted = "not_accepted" ("불수용", "Not accepted"),
        LongTerm = "long_term" ("중장기검토", "Long-term review"),
    }
);

vocab!(
    /// How an accepted proposal was carried out.
    Reflection {
        Law = "law" ("법령 개정", "Law amended"),
        Budget = "budget" ("예산 반영", "Budget"),
        NationalAgenda = "national_agenda" ("국정과제", "National agenda"),
    }
);
