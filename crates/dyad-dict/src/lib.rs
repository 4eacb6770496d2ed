//! dyad's dictionaries: actors, agents, verb patterns, and the CAMEO -> PLOVER ontology.
//!
//! # Design
//! The dictionaries are *derived data*: `dyad dict build` ([`convert`]) reads the PETRARCH2 /
//! Phoenix dictionaries, CountryInfo, the CAMEO->PLOVER table and the Goldstein weights from
//! `../shared/data` and writes them in dyad's own compact, line-oriented format under
//! `data/dict/` (documented in `data/README.md`). Those files are committed and embedded in the
//! binary with `include_str!`, so nothing is read from disk at run time; [`Dictionaries::embedded`]
//! parses them once (tens of milliseconds) into:
//!
//! - [`ActorDict`]: named actors (countries with their demonyms and cities, persons with
//!   date-bounded roles, IGOs, non-state groups) and agents (sector nouns such as "ministry",
//!   "troops", "residents"), all matched in one pass of a word-level trie over a sentence's words
//!   ([`PhraseMatcher`]);
//! - [`VerbDict`]: verb forms (with generated regular inflections) and the TABARI-style
//!   patterns of each verb block, with their CAMEO codes;
//! - [`Ontology`]: CAMEO code -> PLOVER event/mode/context, QuadClass and Goldstein;
//! - [`EventNouns`]: nominal events ("talks", "a curfew") with their support and undoing verbs
//!   (hand-curated, `data/dict/event-nouns.tsv`).
//!
//! Matching works on *words*: tokens lowercased, with curly apostrophes straightened and
//! hyphenated tokens split at the hyphen ([`words`]), so that dictionary phrases and text agree
//! whatever the tokenizer decides about hyphens.

pub mod actors;
pub mod armed;
pub mod classes;
pub mod convert;
pub mod format;
pub mod igos;
pub mod leaders;
mod lists;
pub mod matcher;
pub mod nouns;
pub mod ontology;
pub mod parties;
pub mod sectors;
pub mod spellings;
pub mod surnames;
pub mod titles;
pub mod user;
pub mod verbs;
pub mod words;

pub use actors::{ActorDict, ActorEntry, ActorKind, Role};
pub use classes::{VerbClass, VerbClasses};
pub use matcher::{PhraseMatch, PhraseMatcher};
pub use nouns::{EventNouns, NounEvent};
pub use ontology::{CameoInfo, Ontology};
pub use sectors::{SectorSet, SectorSets};
pub use titles::Titles;
pub use user::UserDict;
pub use verbs::{PatternElem, VerbBlock, VerbDict, VerbPattern};

use std::sync::OnceLock;

/// Errors while reading dictionary files (source or converted).
#[derive(Debug, thiserror::Error)]
pub enum DictError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// All dictionaries the coder needs.
pub struct Dictionaries {
    pub actors: ActorDict,
    pub verbs: VerbDict,
    pub ontology: Ontology,
    /// Nominal events and their support verbs.
    pub nouns: EventNouns,
    /// Phrases whose presence means a sentence is not about politics (sports scores, ...).
    pub discards: PhraseMatcher<()>,
    /// How verbs frame the acts they govern (asking, rejecting, ordering, ...).
    pub classes: VerbClasses,
    /// Titles that give a sector before a personal name.
    pub titles: Titles,
    /// Sets of sector codes the coder reads actors by (people, armed, state, ...).
    pub sectors: SectorSets,
}

/// The converted dictionary files, as embedded in the binary.
pub mod embedded {
    pub const ACTORS: &str = include_str!("../../../data/dict/actors.tsv");
    /// Heads of state and government with their terms (Wikidata), converted.
    pub const LEADERS: &str = include_str!("../../../data/dict/leaders.tsv");
    /// UCDP's organised armed groups, converted.
    pub const ARMED_GROUPS: &str = include_str!("../../../data/dict/armed-groups.tsv");
    /// International organisations (Supraverden, CC BY-SA 4.0), converted.
    pub const IGOS: &str = include_str!("../../../data/dict/igos.tsv");
    pub const AGENTS: &str = include_str!("../../../data/dict/agents.tsv");
    pub const VERBS: &str = include_str!("../../../data/dict/verbs.txt");
    pub const CAMEO: &str = include_str!("../../../data/dict/cameo.tsv");
    pub const DISCARDS: &str = include_str!("../../../data/dict/discards.txt");
    pub const OFFICIALS: &str = include_str!("../../../data/dict/officials.tsv");
    pub const PARTIES: &str = include_str!("../../../data/dict/parties.tsv");
    pub const EXTRA_DISCARDS: &str = include_str!("../../../data/dict/extra-discards.txt");
    /// dyad's own hand-curated additions, which take precedence over the converted files.
    pub const EXTRA_ACTORS: &str = include_str!("../../../data/dict/extra-actors.tsv");
    pub const EXTRA_AGENTS: &str = include_str!("../../../data/dict/extra-agents.tsv");
    pub const EXTRA_VERBS: &str = include_str!("../../../data/dict/extra-verbs.txt");
    pub const EVENT_NOUNS: &str = include_str!("../../../data/dict/event-nouns.tsv");
    pub const VERB_CLASSES: &str = include_str!("../../../data/dict/verb-classes.tsv");
    pub const TITLES: &str = include_str!("../../../data/dict/titles.tsv");
    pub const SECTOR_SETS: &str = include_str!("../../../data/dict/sector-sets.tsv");
}

/// The text of the dictionary files. Several texts of one kind are read in order; for actor and
/// agent phrases the first entry wins, and verb files may reopen a block by name to add patterns.
pub struct DictSources<'a> {
    /// `(file name, text)`, first wins.
    pub actors: Vec<(&'a str, &'a str)>,
    pub agents: Vec<(&'a str, &'a str)>,
    pub verbs: Vec<&'a str>,
    pub cameo: &'a str,
    /// Discard phrases, all files' lines counting.
    pub discards: Vec<&'a str>,
    pub nouns: &'a str,
    /// `(file name, text)` of verb classes; all lines count.
    pub classes: Vec<(&'a str, &'a str)>,
    /// `(file name, text)` of titles; a later file's sector wins.
    pub titles: Vec<(&'a str, &'a str)>,
    /// `(file name, text)` of sector sets; all lines count.
    pub sectors: Vec<(&'a str, &'a str)>,
}

/// The dictionaries in use ([`Dictionaries::embedded`]).
static DICTS: OnceLock<Dictionaries> = OnceLock::new();

impl<'a> DictSources<'a> {
    /// The embedded files, after a user's overlay if there is one.
    pub fn embedded(user: Option<&'a UserDict>) -> DictSources<'a> {
        // first wins: curated additions, then dated current sources, then the 2014 files, then
        // undated current sources
        let mut actors = vec![
            ("extra-actors.tsv", embedded::EXTRA_ACTORS),
            // curated dated roles of 2022-2025 officials, opposition leaders and parties: newer
            // than the Wikidata extracts, which stop in 2022 for ministers
            ("officials.tsv", embedded::OFFICIALS),
            ("leaders.tsv", embedded::LEADERS),
            // dated: GOV while the party led a government (collisions with the older files were
            // settled when the file was made)
            ("parties.tsv", embedded::PARTIES),
            ("actors.tsv", embedded::ACTORS),
            // UCDP places a group where it fights (Hamas: Israel); the older dictionaries know
            // their home, so these only add groups they lack
            ("armed-groups.tsv", embedded::ARMED_GROUPS),
            ("igos.tsv", embedded::IGOS),
        ];
        let mut agents = vec![
            ("extra-agents.tsv", embedded::EXTRA_AGENTS),
            ("agents.tsv", embedded::AGENTS),
        ];
        let mut classes = vec![("verb-classes.tsv", embedded::VERB_CLASSES)];
        let mut titles = vec![("titles.tsv", embedded::TITLES)];
        let mut sectors = vec![("sector-sets.tsv", embedded::SECTOR_SETS)];
        if let Some(u) = user {
            actors.insert(0, (u.file.as_str(), u.actors.as_str()));
            agents.insert(0, (u.file.as_str(), u.agents.as_str()));
            classes.push((u.file.as_str(), u.classes.as_str()));
            titles.push((u.file.as_str(), u.titles.as_str()));
            sectors.push((u.file.as_str(), u.sectors.as_str()));
        }
        DictSources {
            actors,
            agents,
            verbs: vec![embedded::VERBS, embedded::EXTRA_VERBS],
            cameo: embedded::CAMEO,
            discards: vec![embedded::DISCARDS, embedded::EXTRA_DISCARDS],
            nouns: embedded::EVENT_NOUNS,
            classes,
            titles,
            sectors,
        }
    }
}

impl Dictionaries {
    /// The dictionaries in use: those embedded in the binary, parsed on first use, or the ones
    /// [`Dictionaries::install_user`] made.
    // Allowed: the panic can come only from the embedded files, constants of the build that
    // tests/conversion.rs parses (`embedded_dictionaries_parse_and_round_trip`); no input
    // reaches it (a user's overlay goes through `install_user`, which returns an error).
    #[allow(clippy::panic)]
    pub fn embedded() -> &'static Dictionaries {
        DICTS.get_or_init(|| match Dictionaries::parse(&DictSources::embedded(None)) {
            Ok(d) => d,
            // The embedded files are checked by the test suite; a failure here is a build defect.
            Err(e) => panic!("embedded dictionaries are corrupt: {e}"),
        })
    }

    /// Makes the embedded dictionaries with a user's overlay (whose entries win) the ones
    /// [`Dictionaries::embedded`] returns. Call it before anything uses the dictionaries.
    pub fn install_user(user: &UserDict) -> Result<&'static Dictionaries, DictError> {
        let dicts = Dictionaries::parse(&DictSources::embedded(Some(user)))?;
        DICTS.set(dicts).map_err(|_| DictError::Syntax {
            file: user.file.clone(),
            line: 0,
            message:
                "the dictionaries were already in use; a user dictionary must be installed first"
                    .into(),
        })?;
        Ok(Dictionaries::embedded())
    }

    /// Parses dictionaries from the text of their files.
    pub fn parse(src: &DictSources<'_>) -> Result<Dictionaries, DictError> {
        let actors = ActorDict::parse(&src.actors, &src.agents)?;
        let verbs = VerbDict::parse(&src.verbs)?;
        let ontology = Ontology::parse(src.cameo)?;
        let discards = PhraseMatcher::new(
            src.discards
                .iter()
                .flat_map(|t| t.lines())
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| (words::phrase_words(l), ())),
        );
        let nouns = EventNouns::parse(src.nouns, "event-nouns.tsv")?;
        let classes = VerbClasses::parse(&src.classes)?;
        let titles = Titles::parse(&src.titles)?;
        let sectors = SectorSets::parse(&src.sectors)?;
        Ok(Dictionaries {
            actors,
            verbs,
            ontology,
            nouns,
            discards,
            classes,
            titles,
            sectors,
        })
    }
}
