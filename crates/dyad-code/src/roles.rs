//! Who did it to whom: the source and target of a verb's act, read off the dependency tree
//! ([`tree_roles`]) with word order standing in where the parse finds no subject
//! ([`subject_before`]).

use crate::mentions::{GroupId, Mention, MentionIdx};
use crate::sides::is_boundary;
use crate::tree::DepTree;
use dyad_dict::words::{Word, WordIdx};
use dyad_model::TokenIdx;
use dyad_syntax::{Deprel, Upos};
use std::collections::HashMap;

/// The outcome of matching one pattern.
#[derive(Default, Debug)]
pub(crate) struct PatternMatch {
    pub(crate) score: usize,
    pub(crate) source: Option<MentionIdx>,
    pub(crate) target: Option<MentionIdx>,
    /// Word range covered by the pattern (to keep other verb hits out of it).
    pub(crate) first: WordIdx,
    pub(crate) last: WordIdx,
}

/// Source and target groups of the predicate at token `v`, from the tree. The pattern's target
/// wins when it lies inside the predicate's clause (patterns name the preposition: "impose
/// sanctions on +"); a role the tree leaves empty (a misparse, or an actor outside the clause)
/// is filled from `by_order`, the word-order reading.
pub(crate) fn tree_roles(
    tree: &DepTree<'_>,
    v: TokenIdx,
    words: &[Word],
    mentions: &[Mention],
    pm: Option<&PatternMatch>,
    by_order: (Option<GroupId>, Option<GroupId>),
) -> (Option<GroupId>, Option<GroupId>) {
    let in_clause = |m: &MentionIdx| {
        m.at(mentions)
            .and_then(|x| x.start.at(words))
            .is_some_and(|w| tree.in_clause(v, w.token))
    };
    let src = tree.actor(v).or_else(|| pm.and_then(|p| p.source));
    let group = |m: MentionIdx| m.at(mentions).map(|x| x.group);
    let src_country = src
        .and_then(|m| m.at(mentions))
        .and_then(|m| m.country.as_deref());
    let own = |m: MentionIdx| {
        src_country.is_some() && m.at(mentions).and_then(|x| x.country.as_deref()) == src_country
    };
    // word order stands in only where the parse found no subject at all (a misparse); a
    // subject that names no actor ("everyone should ...") leaves the source empty
    let fallback = if tree.has_own_subject(v) {
        None
    } else {
        by_order.0
    };
    let src_group = src.and_then(group).or(fallback);
    // a phrase of time says when, not to whom ("after protests by farmers"); a clause of what
    // was not done names no one ("without returning to Kyrgyzstan")
    let outside_the_act = |m: &Mention| {
        tree.mention_head(words, m)
            .is_some_and(|h| tree.is_time_phrase(h) || tree.in_without_clause(h))
    };
    // a pattern's target that the tree says is the actor (a passive's agent) is no target;
    // the actor's own forces as the pattern's object yield to the place they go to or leave
    let pattern_target = pm
        .and_then(|p| p.target)
        .filter(|&t| t.at(mentions).is_some_and(|m| !outside_the_act(m)));
    let tgt = pattern_target
        .filter(in_clause)
        .filter(|&t| src.is_none_or(|s| group(s) != group(t)))
        .map(|t| {
            if own(t) {
                tree.place_other_than(v, &own).unwrap_or(t)
            } else {
                t
            }
        })
        .or_else(|| {
            // "press their demands from the government": past the actor's own possession
            let first = tree.recipient_other_than(v, &own)?;
            if group(first) != src_group {
                return Some(first);
            }
            tree.kids(v, Deprel::Obl)
                .filter(|&o| !tree.is_time_phrase(o) && tree.case_of(o) != Some("by"))
                .filter_map(|o| tree.filler(o))
                .find(|&m| group(m) != src_group)
                .or(Some(first))
        })
        .or(pattern_target)
        // a pattern that reaches into the complement ("said it will boycott Algeria's
        // elections"): the complement's recipient
        .or_else(|| {
            let (p, c) = (pm?, tree.complement(v)?);
            let covered = WordIdx::enumerate(words)
                .any(|(k, w)| w.token == c && (p.first..=p.last).contains(&k));
            covered
                .then(|| tree.recipient_other_than(c, &own))
                .flatten()
                .filter(|&m| Some(m) != src)
        });
    // word order gives no target inside the object the tree found no actor in ("cancelled
    // restrictions on the use of the Russian language"), nor the one who reports the act
    // ("..., a spokeswoman for the U.S. embassy said"), nor a phrase of time, nor a clause of
    // what was not done ("without returning to Kyrgyzstan")
    let misplaced = |g: &GroupId| {
        mentions.iter().filter(|m| m.group == *g).any(|m| {
            outside_the_act(m)
                || m.start.at(words).is_some_and(|w| {
                    crate::quotes::in_reporter(tree, w.token, v)
                        || tree
                            .kids(v, Deprel::Obj)
                            .filter(|&o| tree.upos(o) == Some(Upos::NOUN))
                            .any(|o| tree.dominates(o, w.token))
                })
        })
    };
    let tgt = tgt
        .and_then(group)
        .or(by_order.1.filter(|g| !misplaced(g)))
        .filter(|t| Some(*t) != src_group);
    (src_group, tgt)
}

const PREPOSITIONS: &[&str] = &[
    "in", "of", "for", "to", "from", "with", "against", "near", "at", "on", "by", "outside",
    "inside", "into", "over", "between", "among", "toward", "towards", "across", "along", "around",
    "about", "through", "under", "without",
];

/// The actor side most likely to be the subject of the verb at word `verb`: the nearest side
/// before it that is not the object of a preposition and has no other verb between it and the
/// verb ("X said Y attacked Z" -> Y); failing that, the first side of the clause ("The command
/// ... said that civilians were evacuated and urged ..." -> the command).
pub(crate) fn subject_before<'m>(
    words: &[Word],
    mentions: &'m [Mention],
    hits: &[(WordIdx, WordIdx)],
    verb: WordIdx,
) -> Option<&'m Mention> {
    // Computed once per call, not per mention, so that the work is linear in the sentence
    // (it runs for every verb): the last clause boundary before the verb, and each group's
    // first mention and end.
    let last_boundary = words
        .get(..verb.get())
        .and_then(|before| before.iter().rposition(is_boundary))
        .map(WordIdx::new);
    let mut groups: HashMap<GroupId, (WordIdx, WordIdx)> = HashMap::new();
    for m in mentions {
        let g = groups.entry(m.group).or_insert((m.start, m.end));
        g.1 = g.1.max(m.end);
    }
    let heads: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.end <= verb && !(m.end < verb && last_boundary.is_some_and(|b| b >= m.end)))
        .filter(|m| groups.get(&m.group).is_some_and(|g| g.0 == m.start))
        .collect();
    let group_end = |m: &Mention| groups.get(&m.group).map_or(m.end, |g| g.1);
    let nearest = heads.iter().rev().find(|m| {
        let after_prep = m
            .start
            .checked_sub(1)
            .and_then(|i| i.at(words))
            .is_some_and(|w| PREPOSITIONS.contains(&w.norm.as_str()));
        let verb_between = hits.iter().any(|&(s, _)| s >= group_end(m) && s < verb);
        !after_prep && !verb_between
    });
    nearest.or_else(|| heads.first()).copied()
}

/// A clause boundary (`;`, `:`, brackets, quotes) between two word positions.
pub(crate) fn crosses_boundary(words: &[Word], from: WordIdx, to: WordIdx) -> bool {
    from < to && WordIdx::slice(words, from..to).is_some_and(|ws| ws.iter().any(is_boundary))
}
