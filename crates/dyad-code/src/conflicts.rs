//! The conflicts a document talks about, so that "the parties to the conflict", "both sides"
//! and "the warring sides" can be coded as the parties they are.
//!
//! A conflict is found where the text names its parties: "the conflict between Azerbaijan and
//! Armenia", "fighting between X and Y", "the Russia-Ukraine war". A later (or, failing that,
//! the nearest) conflict of the document resolves a plural "parties"/"sides" noun phrase that
//! names no actor of its own.

use crate::context::DocContext;
use crate::mentions::{GroupId, Mention};
use dyad_dict::words::{Word, WordIdx};

/// Nouns that name a conflict.
const CONFLICT_NOUNS: &[&str] = &[
    "conflict",
    "conflicts",
    "war",
    "wars",
    "fighting",
    "clashes",
    "hostilities",
    "dispute",
    "standoff",
    "confrontation",
    "tensions",
    "battle",
    "battles",
    "ceasefire",
    "truce",
];

/// Words that make "parties"/"sides" refer to a conflict's parties.
const PARTY_DETERMINERS: &[&str] = &[
    "both",
    "two",
    "conflicting",
    "warring",
    "opposing",
    "rival",
    "belligerent",
];

#[derive(Debug, Clone)]
pub struct Conflict {
    /// Index of the sentence that names the conflict.
    pub sentence: usize,
    /// The parties as mentioned there (their word spans belong to that sentence).
    pub parties: Vec<Mention>,
    /// The words of the place it is fought over or in ("over Nagorno-Karabakh" -> `nagorno
    /// karabakh`), if the text says.
    pub region: Vec<String>,
}

impl Conflict {
    /// The parties as actors of a sentence where they are not named (no words, empty span),
    /// except those `skip` says; the rule says how they were found.
    pub fn parties_elsewhere(&self, how: &str, skip: impl Fn(&Mention) -> bool) -> Vec<Mention> {
        self.parties
            .iter()
            .filter(|p| !skip(p))
            .map(|p| Mention {
                start: WordIdx::new(0),
                end: WordIdx::new(0),
                rule: format!("{}({how} of sentence {})", p.rule, self.sentence + 1),
                ..p.clone()
            })
            .collect()
    }
}

/// The other party of the document's two-sided conflict, for an act by one party that names
/// no recipient: Armenia calling "what was happening" aggression accuses Azerbaijan; Baku
/// "launching anti-terrorist measures" acts on Armenia's side. Empty unless the conflict has
/// two parties and `source` is one of them.
pub(crate) fn other_party(context: &DocContext, index: usize, source: &[Mention]) -> Vec<Mention> {
    let Some(conflict) = context.conflict_for(index) else {
        return Vec::new();
    };
    let own = |p: &Mention| {
        source
            .iter()
            .any(|s| s.country.is_some() && s.country == p.country)
    };
    if conflict.parties.len() != 2 || !conflict.parties.iter().any(own) {
        return Vec::new();
    }
    conflict.parties_elsewhere("other party to the conflict", own)
}

/// Country-like single actors (not compound agents such as "Azerbaijani troops").
fn party(m: &Mention) -> bool {
    m.country.is_some() || m.code.starts_with("IGO")
}

/// "over Nagorno-Karabakh", "in Ukraine": the capitalized words of the place right after `from`.
fn region_after(words: &[Word], from: WordIdx) -> Vec<String> {
    if !from
        .at(words)
        .is_some_and(|w| matches!(w.norm.as_str(), "over" | "in"))
    {
        return Vec::new();
    }
    let start = from + 1 + usize::from((from + 1).at(words).is_some_and(|w| w.norm == "the"));
    words
        .iter()
        .skip(start.get())
        .take(4)
        .take_while(|w| w.capitalized)
        .map(|w| w.norm.clone())
        .collect()
}

/// The recipients of a request that names none, when it is about a conflict: the parties of
/// a conflict the sentence names ("calls for the same in the Russia-Ukraine war"), or of the
/// conflict whose region it names ("a ceasefire in the Nagorno-Karabakh situation"). Parties
/// named in another sentence get the span of the region's words here.
pub fn conflict_recipients(index: usize, words: &[Word], context: &DocContext) -> Vec<Mention> {
    if let Some(c) = context.conflicts.iter().find(|c| c.sentence == index) {
        return c.parties.clone();
    }
    for c in context.conflicts.iter().rev() {
        let n = c.region.len();
        if n == 0 {
            continue;
        }
        let at = words
            .windows(n)
            .position(|ws| ws.iter().zip(&c.region).all(|(w, r)| w.norm == *r));
        if let Some(i) = at {
            return c
                .parties
                .iter()
                .map(|p| Mention {
                    start: WordIdx::new(i),
                    end: WordIdx::new(i + n),
                    rule: format!(
                        "{}(party to the conflict in {})",
                        p.rule,
                        c.region.join(" ")
                    ),
                    ..p.clone()
                })
                .collect();
        }
    }
    Vec::new()
}

/// The conflicts named in one sentence.
pub fn find_conflicts(index: usize, words: &[Word], mentions: &[Mention]) -> Vec<Conflict> {
    let mut out = Vec::new();
    let starting = |p: WordIdx| {
        mentions.iter().find(|m| {
            m.start == p || (m.start + 1 == p && m.start.at(words).is_some_and(|w| w.norm == "the"))
        })
    };
    for (i, w) in WordIdx::enumerate(words) {
        if !CONFLICT_NOUNS.contains(&w.norm.as_str()) {
            continue;
        }
        // "<conflict> between X and Y"
        if (i + 1).at(words).is_some_and(|b| b.norm == "between") {
            if let Some(first) = starting(i + 2).or_else(|| starting(i + 3)) {
                let parties: Vec<Mention> = mentions
                    .iter()
                    .filter(|m| m.group == first.group && party(m))
                    .cloned()
                    .collect();
                if parties.len() >= 2 {
                    let end = parties.iter().map(|m| m.end).max().unwrap_or(i);
                    out.push(Conflict {
                        sentence: index,
                        parties,
                        region: region_after(words, end),
                    });
                    continue;
                }
            }
        }
        // "the Russia-Ukraine war": two adjacent country mentions right before the noun
        let before: Vec<&Mention> = mentions
            .iter()
            .filter(|m| m.end <= i && i - m.end <= 1 && party(m))
            .collect();
        if let Some(second) = before.last() {
            if let Some(first) = mentions
                .iter()
                .find(|m| m.end == second.start && party(m) && m.code != second.code)
            {
                out.push(Conflict {
                    sentence: index,
                    parties: vec![first.clone(), (*second).clone()],
                    region: region_after(words, i + 1),
                });
            }
        }
    }
    out
}

/// `mentions` plus one mention per conflict party for each "the parties"/"both sides" phrase
/// of the sentence that names no actor itself; the added mentions span that phrase and form one
/// compound side.
pub fn with_conflict_parties(
    index: usize,
    words: &[Word],
    mentions: &[Mention],
    context: &DocContext,
) -> Vec<Mention> {
    let mut out = mentions.to_vec();
    let Some(conflict) = context.conflict_for(index) else {
        return out;
    };
    let mut next_group = mentions
        .iter()
        .map(|m| m.group + 1)
        .max()
        .unwrap_or(GroupId::new(0));
    for (i, w) in WordIdx::enumerate(words) {
        if !matches!(w.norm.as_str(), "parties" | "sides")
            || mentions.iter().any(|m| m.start <= i && i < m.end)
        {
            continue;
        }
        let det = i
            .checked_sub(1)
            .and_then(|p| p.at(words))
            .map(|w| w.norm.as_str());
        let det2 = i
            .checked_sub(2)
            .and_then(|p| p.at(words))
            .map(|w| w.norm.as_str());
        let start = match (det2, det) {
            (Some("the"), Some(d)) if PARTY_DETERMINERS.contains(&d) => i - 2,
            (_, Some(d)) if PARTY_DETERMINERS.contains(&d) => i - 1,
            // "the parties to the conflict", "the sides in the war"
            (_, Some("the"))
                if (i + 1)
                    .at(words)
                    .is_some_and(|p| matches!(p.norm.as_str(), "to" | "in" | "of"))
                    && (i + 3)
                        .at(words)
                        .is_some_and(|n| CONFLICT_NOUNS.contains(&n.norm.as_str())) =>
            {
                i - 1
            }
            _ => continue,
        };
        for p in &conflict.parties {
            out.push(Mention {
                start,
                end: i + 1,
                group: next_group,
                rule: format!(
                    "{}(party to the conflict of sentence {})",
                    p.rule,
                    conflict.sentence + 1
                ),
                ..p.clone()
            });
        }
        next_group += 1;
    }
    out
}
