//! Place names that are people's names: "Antony" (France) in "Secretary of State Antony
//! Blinken", "Abbas" (Fort Abbas, Pakistan) in "Abbas Araqchi", "Aung San" (Myanmar) in "Aung
//! San Suu Kyi".
//!
//! The gazetteer matches every capitalized name it knows; telling a person's name from a place
//! is left to its caller ([`dyad_geo`] crate docs). Here a place match is read against the words
//! around it: inside an actor's own name ([`crate::mentions::Mention::name`]) it is never a
//! place; a given name (the first word of a dictionary person's name) before another
//! capitalized word is a place only after a preposition that puts something there ("in Antony,
//! France" still is); a match before a capitalized word that may be a surname ("Kabul
//! Airport"), or a given name standing alone, needs a preposition, a large population or the
//! document's naming its country otherwise.

use crate::mentions::{is_not_name, Mention, NAME_PARTICLES};
use dyad_dict::actors::ActorKind;
use dyad_dict::words::{Word, WordIdx};
use dyad_dict::Dictionaries;
use dyad_geo::PlaceMatch;
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// Prepositions that make a capitalized word a place even where it could be a person's name.
/// Not "to", "from" or "on": "spoke to Antony Blinken", "a call from Abbas Araqchi".
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "throughout",
    "within",
];

/// Nouns of "the town of X": the name after them is a place's.
const SETTLEMENT_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "province",
    "region",
    "district",
    "suburb",
    "outskirts",
    "capital",
    "port",
];

/// Places this populous are known by their name alone ("Sydney" needs no "in").
const WELL_KNOWN_POPULATION: u64 = 1_000_000;

/// What the words around a place match say about its being a person's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameEvidence {
    /// Nothing: a place.
    None,
    /// A capitalized word that may be a surname follows ("Kabul Airport", "Lagos Smith"), or
    /// the name is a given name standing alone ("Martin said").
    Weak,
    /// A given name before a capitalized word, or any name before a known person's surname:
    /// a personal name ("Antony Blinken", "Aung San Suu Kyi").
    Strong,
    /// Inside an actor's own name ("Secretary of State Antony Blinken"): no place.
    InName,
}

/// What besides the words of the name says it is a place.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct PlaceSupport {
    /// A preposition or settlement noun puts something there ("in Antony", "the town of").
    pub(crate) preposition: bool,
    /// The document's actors name the place's country.
    pub(crate) country_named: bool,
    /// The place's population (GeoNames; 0 when unknown).
    pub(crate) population: u64,
}

impl NameEvidence {
    /// Whether a match with this evidence is a place given `support`.
    pub(crate) fn allows(self, support: PlaceSupport) -> bool {
        match self {
            NameEvidence::None => true,
            NameEvidence::InName => false,
            NameEvidence::Strong => support.preposition,
            NameEvidence::Weak => {
                support.preposition
                    || support.country_named
                    || support.population >= WELL_KNOWN_POPULATION
            }
        }
    }

    /// Whether the words alone rule the match out as evidence of where a document is (before
    /// the document's countries are known).
    pub(crate) fn rules_out(self, preposition: bool) -> bool {
        match self {
            NameEvidence::InName => true,
            NameEvidence::Strong => !preposition,
            NameEvidence::None | NameEvidence::Weak => false,
        }
    }
}

/// The words a place match covers: the gazetteer matches the words' forms, so its positions
/// are word positions.
pub(crate) fn place_words(p: &PlaceMatch) -> Range<WordIdx> {
    WordIdx::new(p.start)..WordIdx::new(p.end)
}

/// The words of a sentence that bear on place matches: words, actor mentions, place matches.
pub(crate) struct SentenceNames<'a> {
    pub(crate) words: &'a [Word],
    pub(crate) mentions: &'a [Mention],
    pub(crate) places: &'a [PlaceMatch],
}

impl SentenceNames<'_> {
    /// What the words around place match `p` say about its being a person's name.
    pub(crate) fn evidence(&self, p: &PlaceMatch) -> NameEvidence {
        if self.in_actor_name(p) {
            return NameEvidence::InName;
        }
        let given = self.starts_with_given_name(p);
        match self.next_name(p) {
            Some(Next::KnownSurname) => NameEvidence::Strong,
            Some(Next::Capitalized) if given => NameEvidence::Strong,
            Some(Next::Capitalized) => NameEvidence::Weak,
            None if given => NameEvidence::Weak,
            None => NameEvidence::None,
        }
    }

    /// Whether a preposition ("in Antony") or a settlement noun ("the town of Antony") puts
    /// something at place match `p`.
    pub(crate) fn preposition_before(&self, p: &PlaceMatch) -> bool {
        let p = place_words(p);
        let before = |k: usize| {
            p.start
                .checked_sub(k)
                .and_then(|i| i.at(self.words))
                .map(|w| w.norm.as_str())
        };
        let of_settlement =
            before(1) == Some("of") && before(2).is_some_and(|w| SETTLEMENT_NOUNS.contains(&w));
        before(1).is_some_and(|w| PLACE_PREPOSITIONS.contains(&w)) || of_settlement
    }

    /// Inside a person's name, or inside (and shorter than) an organisation's or group's own
    /// name ("Kurdistan" in "Kurdistan Workers Party"; "Gaza", which the dictionary has as an
    /// organisation, stays a place).
    fn in_actor_name(&self, p: &PlaceMatch) -> bool {
        let p = place_words(p);
        self.mentions.iter().any(|m| {
            m.name.as_ref().is_some_and(|n| {
                let person = m.person.is_some() && n.start < p.end && p.start < n.end;
                let inside = n.start <= p.start && p.end <= n.end;
                person || (inside && WordIdx::range(n.start, n.end).len() > p.end - p.start)
            })
        })
    }

    /// The match begins with a capitalized given name ("Antony", "Abbas", "Aung").
    fn starts_with_given_name(&self, p: &PlaceMatch) -> bool {
        place_words(p)
            .start
            .at(self.words)
            .is_some_and(|w| w.capitalized && !w.all_caps && given_names().contains(&w.norm))
    }

    /// The word right after place match `p`, if it may continue a personal name.
    fn next_name(&self, p: &PlaceMatch) -> Option<Next> {
        let (place, end) = (p, place_words(p).end);
        let next = end.at(self.words)?;
        let last = end.checked_sub(1)?.at(self.words)?;
        if next.token == last.token {
            // the second part of a hyphenated word ("Gaza-based")
            return None;
        }
        let at_next = |m: &&Mention| m.start <= end && end < m.end;
        if let Some(m) = self.mentions.iter().find(at_next) {
            let surname = m.person.is_some()
                && m.name
                    .as_ref()
                    .is_some_and(|n| n.start <= end && end < n.end);
            return surname.then_some(Next::KnownSurname);
        }
        let name_like = next.capitalized
            && !next.all_caps
            && next.norm.chars().next().is_some_and(char::is_alphabetic)
            && !is_not_name(&next.norm);
        // another place ("Idlib Syria") or an actor ("Kyiv Mayor", "Gaza Health Ministry")
        let other_place = self.places.iter().any(|q| q.start == place.end);
        (name_like && !other_place).then_some(Next::Capitalized)
    }
}

/// The kind of word after a place match that may continue a personal name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// A person's surname the mentions know ("Blinken" after "Antony Blinken" was named).
    KnownSurname,
    /// Any other capitalized word that is no actor, place or calendar word.
    Capitalized,
}

/// Given names: the first words of the dictionary's people ("antony leung", "abbas el fassi",
/// "aung kyi"), at least three letters, no particles ("al", "de").
fn given_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        Dictionaries::embedded()
            .actors
            .entries
            .iter()
            .filter(|e| e.kind == ActorKind::Person)
            .filter_map(|e| {
                let mut words = e.name.split_whitespace();
                let first = words.next()?;
                words.next()?;
                Some(first)
            })
            .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_alphabetic))
            .filter(|w| !NAME_PARTICLES.contains(w))
            .map(str::to_string)
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn support(preposition: bool, country_named: bool, population: u64) -> PlaceSupport {
        PlaceSupport {
            preposition,
            country_named,
            population,
        }
    }

    #[test]
    fn a_personal_name_needs_a_preposition_and_a_weak_one_any_support() {
        let nothing = support(false, false, 20_000);
        assert!(NameEvidence::None.allows(nothing));
        assert!(!NameEvidence::InName.allows(support(true, true, 5_000_000)));
        assert!(!NameEvidence::Strong.allows(support(false, true, 5_000_000)));
        assert!(NameEvidence::Strong.allows(support(true, false, 20_000)));
        assert!(!NameEvidence::Weak.allows(nothing));
        assert!(NameEvidence::Weak.allows(support(false, true, 20_000)));
        assert!(NameEvidence::Weak.allows(support(false, false, 4_000_000)));
    }

    #[test]
    fn given_names_come_from_the_dictionarys_people() {
        let names = given_names();
        assert!(names.contains("antony") && names.contains("abbas"));
        assert!(!names.contains("al") && !names.contains("de"));
    }
}
