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
use dyad_dict::words::Word;
use std::collections::HashMap;

/// One sentence's words and mentions, as resolved for the document.
pub struct SentenceActors<'a> {
    pub words: &'a [Word],
    pub mentions: &'a mut Vec<Mention>,
}

/// Resolves the mentions of a whole document (see the module docs).
#[derive(Debug, Default, Clone, Copy)]
pub struct ActorResolver;

impl ActorResolver {
    /// Resolves every sentence's mentions in place; `context` must already count the
    /// document's countries.
    pub fn resolve(&self, sentences: &mut [SentenceActors<'_>], context: &DocContext) {
        for s in sentences.iter_mut() {
            *s.mentions = with_home_country(s.mentions, context);
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
    let mut added = Vec::new();
    for (k, w) in s.words.iter().enumerate() {
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
