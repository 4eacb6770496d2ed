//! Actor sides: the mentions of a group as an event's source or target, and the words that
//! bound the clauses and asides a side is looked for in. Read by every later stage of the coder
//! (roles, acts, the coder's rules, event nouns).

use crate::mentions::{GroupId, Mention};
use crate::CodedEvent;
use dyad_dict::words::Word;

/// A word that ends a clause or opens an aside or quote.
pub(crate) fn is_boundary(w: &Word) -> bool {
    matches!(
        w.norm.as_str(),
        ";" | ":" | "." | "?" | "!" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}"
    )
}

pub(crate) fn side(mentions: &[Mention], group: GroupId) -> Vec<Mention> {
    mentions
        .iter()
        .filter(|m| m.group == group)
        .cloned()
        .collect()
}

/// The mentions of a group in the actor role (capitals stand for their governments).
pub(crate) fn actor_side(mentions: &[Mention], group: GroupId) -> Vec<Mention> {
    mentions
        .iter()
        .filter(|m| m.group == group)
        .map(Mention::as_actor)
        .collect()
}

/// Gives a verbal act without a recipient the side of its content ("agreed to resume talks
/// with X" -> X), never its own source.
pub(crate) fn fill_target(outer: &mut CodedEvent, mentions: &[Mention], group: Option<GroupId>) {
    let Some(g) = group else { return };
    let candidate = side(mentions, g);
    let same = |a: &[Mention], b: &[Mention]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.code == y.code)
    };
    let source: Vec<Mention> = outer.source.clone();
    if outer.target.is_empty() && !same(&candidate, &source) && !candidate.is_empty() {
        outer.target = candidate;
    }
}

/// Which words are inside parentheses or brackets: asides ("(a social media site banned in
/// Russia ...)") are background, not the story's events.
pub(crate) fn parenthesized(words: &[Word]) -> Vec<bool> {
    let mut depth = 0usize;
    words
        .iter()
        .map(|w| match w.norm.as_str() {
            "(" | "[" => {
                depth += 1;
                true
            }
            ")" | "]" => {
                depth = depth.saturating_sub(1);
                true
            }
            _ => depth > 0,
        })
        .collect()
}
