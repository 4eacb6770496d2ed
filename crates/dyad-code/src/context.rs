//! What the coder knows about the whole document: the conflicts it names, its quotations, and
//! the country it is about.
//!
//! A title or sector noun with no nationality ("President Omar El Bashir", "the army", "police")
//! is an actor of the country the text is about: the only country the sentence names, else the
//! country that dominates the document's mentions. Such inferred codes say so in their rule
//! (`GOV+home(SDN)`), so that an analyst can tell them from codes the words give.

use crate::conflicts::Conflict;
use crate::mentions::Mention;
use dyad_dict::{SectorSet, SectorSets};
use std::collections::HashMap;

/// CAMEO region and "international" prefixes that the dictionaries give some national groups.
const REGION_PREFIXES: &[&str] = &[
    "INT", "MEA", "AFR", "ASA", "EUR", "WAF", "EAF", "SAF", "NAF", "CAF", "SAS", "SEA", "LAM",
];

/// What the coder knows about the whole document.
#[derive(Debug, Default, Clone)]
pub struct DocContext {
    pub conflicts: Vec<Conflict>,
    /// Country codes mentioned in the document, with their counts.
    pub countries: HashMap<String, usize>,
    /// Per sentence: quoted words and their attribution.
    pub quotes: Vec<crate::quotes::SentenceQuotes>,
    /// Where the document's unambiguous place names are.
    pub places: crate::locating::PlaceEvidence,
}

impl DocContext {
    /// The conflict that "the parties" in sentence `index` most likely refers to: the last one
    /// named up to that sentence, else the first one named after it.
    pub fn conflict_for(&self, index: usize) -> Option<&Conflict> {
        self.conflicts
            .iter()
            .rev()
            .find(|c| c.sentence <= index)
            .or_else(|| self.conflicts.first())
    }
}

impl DocContext {
    /// Counts the countries of a sentence's mentions.
    pub fn count_countries(&mut self, mentions: &[Mention]) {
        for m in mentions {
            if let Some(c) = &m.country {
                *self.countries.entry(c.clone()).or_default() += 1;
            }
        }
    }

    /// The country the document is mostly about: at least half of its country mentions.
    pub fn main_country(&self) -> Option<&str> {
        let total: usize = self.countries.values().sum();
        self.countries
            .iter()
            .filter(|(_, &n)| n * 2 >= total && n >= 2)
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(c, _)| c.as_str())
    }
}

/// The words of a person's mention state their nationality ("Azerbaijani President Ilham
/// Aliyev", "King Hassan of Morocco"), as opposed to a dictionary entry giving it.
fn states_nationality(m: &Mention) -> bool {
    m.rule.contains("+of+")
        || m.rule.contains("+in+")
        || m.rule
            .split_once('+')
            .is_some_and(|(head, _)| !head.chars().any(char::is_uppercase))
}

/// A bare state sector mention ("President X" -> GOV) with the country the text is about.
/// A state sector (`SectorSet::State`) takes the only country its sentence names, else the
/// document's; another domestic sector (`SectorSet::Home`) only the document's.
pub fn with_home_country(
    mentions: &[Mention],
    context: &DocContext,
    sectors: &SectorSets,
) -> Vec<Mention> {
    let state = |c: &str| sectors.contains(SectorSet::State, c);
    let home = |c: &str| sectors.contains(SectorSet::Home, c);
    // another person's stated nationality is not the title holder's ("Prime Minister Nikol
    // Pashinyan met Azerbaijani President Ilham Aliyev"); a dictionary person's may well be
    let mut in_sentence: Vec<&str> = mentions
        .iter()
        .filter(|m| m.person.is_none() || !states_nationality(m))
        .filter(|m| m.ethnic.is_none())
        .filter_map(|m| m.country.as_deref())
        .collect();
    in_sentence.sort_unstable();
    in_sentence.dedup();
    let main = context.main_country();
    // several countries: the one the document is about, if the sentence names it ("In Rome,
    // lawyers for the former prime minister ... to Strasbourg")
    let state_home = match in_sentence.as_slice() {
        [one] => Some(*one),
        [] => main,
        several => main.filter(|m| several.contains(m)),
    };
    // "the U.N. war crimes court": an organisation names whose agent it is
    let after_igo = |m: &Mention| {
        mentions
            .iter()
            .any(|o| o.code.starts_with("IGO") && o.end <= m.start && m.start - o.end <= 3)
    };
    mentions
        .iter()
        .map(|m| {
            // "ethnic Albanians" near Macedonia's border: Macedonia's Albanian civilians
            if let Some(ethnic) = &m.ethnic {
                let home = state_home
                    .or(main)
                    .filter(|h| Some(*h) != m.country.as_deref());
                let rest = m.country.as_deref().and_then(|c| m.code.strip_prefix(c));
                return match (home, rest) {
                    (Some(home), Some(rest)) => Mention {
                        code: format!("{home}{rest}{}", ethnic.to_lowercase()),
                        country: Some(home.to_string()),
                        rule: format!("{}+ethnic+home({home})", m.rule),
                        ..m.clone()
                    },
                    _ => m.clone(),
                };
            }
            // a group the dictionaries place only in a region or "international" (FIS as
            // INTREB) is of the one country its sentence names
            if let (Some(home), Some(rest)) = (
                state_home.filter(|_| m.country.is_none() && m.backer.is_none()),
                REGION_PREFIXES
                    .iter()
                    .find_map(|p| m.code.strip_prefix(p))
                    .filter(|r| r.get(..3).is_some_and(home)),
            ) {
                return Mention {
                    code: format!("{home}{rest}"),
                    country: Some(home.to_string()),
                    rule: format!("{}+home({home})", m.rule),
                    ..m.clone()
                };
            }
            // "the opposition newspaper" (OPPMED): a code of sectors alone, led by its first
            let sectors_only = m.code.len() % 3 == 0
                && m.code
                    .as_bytes()
                    .chunks(3)
                    .all(|c| std::str::from_utf8(c).is_ok_and(|c| state(c) || home(c)));
            let home = match m.code.get(..3).unwrap_or("") {
                // a backed group's code says where it operates, which the backer's is not
                _ if m.backer.is_some() => None,
                _ if m.country.is_some() || !sectors_only || after_igo(m) => None,
                c if state(c) => state_home,
                c if home(c) => main,
                _ => None,
            };
            let Some(home) = home else {
                return m.clone();
            };
            Mention {
                code: format!("{home}{}", m.code),
                country: Some(home.to_string()),
                sector: Some(m.code.clone()),
                rule: format!("{}+home({home})", m.rule),
                ..m.clone()
            }
        })
        .collect()
}
