//! Document-level actor resolution: what one sentence's words cannot say about an actor, the
//! rest of the document can.
//!
//! After [`MentionFinder`](crate::MentionFinder) has composed each sentence's mentions, the
//! [`ActorResolver`] makes two passes over the document:
//!
//! 1. *Home country.* A title or sector noun with no nationality ("President Omar El Bashir",
//!    "the army", "police") takes the country the text is about (see [`with_home_country`]).
//! 2. *Names carry over.* A person introduced with a title ("Prime Minister Nikol Pashinyan",
//!    resolved to `ARMGOV` by step 1) or found in the dictionaries keeps that code when the story
//!    later calls them by surname alone ("Pashinyan said ..."), as a reader would. The first
//!    mention of a surname wins; the carried code names its source in the rule
//!    (`surname(pashinyan) of sentence 1`).

use crate::context::{with_home_country, DocContext};
use crate::mentions::{assign_groups, Mention};
use dyad_dict::words::{Word, WordIdx};
use dyad_dict::SectorSets;
use dyad_geo::Gazetteer;
use std::collections::HashMap;

/// One sentence's words and mentions, as resolved for the document.
pub struct SentenceActors<'a> {
    pub words: &'a [Word],
    pub mentions: &'a mut Vec<Mention>,
}

/// Resolves the mentions of a whole document (see the module docs).
#[derive(Debug, Clone, Copy)]
pub struct ActorResolver<'d> {
    /// Which sectors are a state's and which its people's.
    pub sectors: &'d SectorSets,
}

impl ActorResolver<'_> {
    /// Resolves every sentence's mentions in place; `context` must already count the
    /// document's countries.
    pub fn resolve(&self, sentences: &mut [SentenceActors<'_>], context: &DocContext) {
        let named = unambiguous_countries(sentences);
        for s in sentences.iter_mut() {
            place_homonyms(s, context, &named);
            *s.mentions = with_home_country(s.mentions, context, self.sectors);
        }
        let names = known_names(sentences);
        if names.is_empty() {
            return;
        }
        for (index, s) in sentences.iter_mut().enumerate() {
            carry_names(index, s, &names);
        }
    }
}

/// A bare place name that the dictionaries give one country and the document's places another
/// ("Georgia" in a story that names Atlanta, "Tripoli" in a story about Lebanon) takes the
/// document's reading, and is no seat of government there.
fn place_homonyms(s: &mut SentenceActors<'_>, context: &DocContext, named: &[String]) {
    let g = Gazetteer::embedded();
    let mut evidence: Vec<&str> = context
        .places
        .countries
        .iter()
        .map(String::as_str)
        .collect();
    evidence.extend(named.iter().map(String::as_str));
    if evidence.is_empty() && context.places.admin1s.is_empty() {
        return;
    }
    for m in s.mentions.iter_mut() {
        let Some(country) = m.country.clone().filter(|c| m.code.starts_with(c.as_str())) else {
            continue;
        };
        let Some(name) = place_word(s.words, m) else {
            continue;
        };
        let ids = g.lookup(&name);
        if ids.len() < 2 {
            continue;
        }
        // a reading inside a division the document names elsewhere wins ("Atlanta" -> Georgia,
        // US); else one in a country of the document's places, if the dictionary's is not
        let near = ids.iter().any(|id| {
            g.admin1_key(std::slice::from_ref(id))
                .is_some_and(|k| context.places.admin1s.contains(&k))
        });
        if !near && evidence.contains(&country.as_str()) {
            continue;
        }
        let Some(place) = g
            .resolve_ids_near(ids, &evidence, &context.places.admin1s)
            .and_then(|id| g.place(id))
        else {
            continue;
        };
        let supported = near || evidence.contains(&place.country.as_str());
        if place.country.len() == 3 && place.country != country && supported {
            m.rule = format!("{}+place({}, {})", m.rule, place.name, place.country);
            let sectors = m.code.get(country.len()..).unwrap_or_default();
            m.code = format!("{}{sectors}", place.country);
            m.country = Some(place.country);
            m.capital = false;
        }
    }
}

/// The place name a mention's country comes from: its first word ("Georgia", "Georgia's
/// governor") or the place an agent is in ("militias in Tripoli").
fn place_word(words: &[Word], m: &Mention) -> Option<String> {
    if let Some((_, place)) = m.rule.split_once("+in+") {
        return Some(place.split('+').next().unwrap_or(place).to_string());
    }
    let first = match m.start.at(words) {
        Some(w) if w.norm == "the" => m.start + 1,
        _ => m.start,
    };
    let w = first.at(words).filter(|w| w.capitalized)?;
    let own_word = m.end == first + 1
        || (first + 1).at(words).is_some_and(|n| n.norm == "'s")
        || m.rule.starts_with(&format!("{}+", w.norm));
    own_word.then(|| w.norm.clone())
}

/// Countries the document names with words that are no place's homonym ("Lebanese", "the
/// Lebanese army"): evidence for reading a homonym elsewhere ("Tripoli" in Lebanon).
fn unambiguous_countries(sentences: &[SentenceActors<'_>]) -> Vec<String> {
    let g = Gazetteer::embedded();
    let mut out: Vec<String> = Vec::new();
    for s in sentences {
        for m in s.mentions.iter() {
            let Some(country) = &m.country else { continue };
            let homonym = place_word(s.words, m).is_some_and(|n| g.lookup(&n).len() > 1);
            if m.person.is_none() && !homonym && !out.contains(country) {
                out.push(country.clone());
            }
        }
    }
    out
}

/// A person's resolution and the sentence that introduced it.
struct KnownName {
    mention: Mention,
    sentence: usize,
}

/// Surnames of the document's persons that resolved to a code with a country or organisation.
fn known_names(sentences: &[SentenceActors<'_>]) -> HashMap<String, KnownName> {
    let mut names: HashMap<String, KnownName> = HashMap::new();
    for (index, s) in sentences.iter().enumerate() {
        for m in s.mentions.iter() {
            let Some(surname) = &m.person else { continue };
            let resolved = m.country.is_some() || m.code.starts_with("IGO");
            if resolved && surname.chars().count() > 2 {
                names.entry(surname.clone()).or_insert_with(|| KnownName {
                    mention: m.clone(),
                    sentence: index,
                });
            }
        }
    }
    names
}

/// Adds a mention for every capitalized word of the sentence that is a known surname and not
/// already part of a mention.
fn carry_names(index: usize, s: &mut SentenceActors<'_>, names: &HashMap<String, KnownName>) {
    // a surname the dictionaries know on its own ("Guterres": a Timorese president) names the
    // person the story introduced by full name ("Antonio Guterres", UN Secretary-General)
    for m in s.mentions.iter_mut().filter(|m| m.end == m.start + 1) {
        let Some(known) = m.person.as_ref().and_then(|p| names.get(p)) else {
            continue;
        };
        let introduced = known.mention.end - known.mention.start > 1
            && (known.sentence < index || known.mention.end <= m.start);
        if introduced {
            *m = Mention {
                start: m.start,
                end: m.end,
                rule: format!(
                    "surname({}) of sentence {}",
                    known.mention.person.as_deref().unwrap_or_default(),
                    known.sentence + 1
                ),
                capital: false,
                name: Some(m.start..m.end),
                ..known.mention.clone()
            };
        }
    }
    let mut added = Vec::new();
    for (k, w) in WordIdx::enumerate(s.words) {
        if !w.capitalized || s.mentions.iter().any(|m| m.start <= k && k < m.end) {
            continue;
        }
        let Some(known) = names.get(&w.norm) else {
            continue;
        };
        if known.sentence == index && known.mention.end > k && known.mention.start <= k {
            continue;
        }
        added.push(Mention {
            start: k,
            end: k + 1,
            rule: format!("surname({}) of sentence {}", w.norm, known.sentence + 1),
            capital: false,
            name: Some(k..k + 1),
            ..known.mention.clone()
        });
    }
    if added.is_empty() {
        return;
    }
    s.mentions.extend(added);
    s.mentions.sort_by_key(|m| (m.start, m.end));
    assign_groups(s.words, s.mentions);
}
