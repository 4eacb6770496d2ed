//! Verb patterns: the verb forms of the dictionaries found in a sentence ([`VerbHit`]), the
//! TABARI-style patterns of their blocks matched around them ([`PatternMatch`]), the code a
//! hit takes (the best pattern's, else the verb's own) and roles by word order for sentences
//! read without a parse.

use super::PatternCoder;
use crate::mentions::{GroupId, Mention, MentionIdx};
use crate::provenance::Provenance;
use crate::roles::{crosses_boundary, subject_before, PatternMatch};
use crate::sides::is_boundary;
use crate::syntax::SyntaxToken;
use dyad_dict::verbs::{PatternElem, PatternItem, VerbForm, VerbPattern};
use dyad_dict::words::{Word, WordIdx};
use dyad_syntax::Upos;

/// How far (in words) a pattern element may be from the previous one.
const MAX_GAP: usize = 4;

/// A verb form found in the sentence: words `start..end`, inflected word at `head`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbHit<'a> {
    pub(crate) start: WordIdx,
    pub(crate) end: WordIdx,
    pub(crate) head: WordIdx,
    pub(crate) form: &'a VerbForm,
}

/// A pattern word matches the word itself and, from four letters, the words it begins (the
/// CAMEO dictionaries write stems: "negotiat"), but not the people who do it: "* protest"
/// ("held a protest") is not "detained protesters".
fn word_matches(pattern: &str, word: &str) -> bool {
    word == pattern
        || (pattern.len() >= 4
            && word
                .strip_prefix(pattern)
                .is_some_and(|rest| !AGENT_SUFFIXES.contains(&rest)))
}

/// Endings that make a person of an act's stem ("protesters", "negotiators", "protestants").
const AGENT_SUFFIXES: &[&str] = &["er", "ers", "or", "ors", "ist", "ists", "ant", "ants"];

impl PatternCoder {
    pub(crate) fn verb_hits<'a>(
        &'a self,
        tokens: &[dyad_model::Token],
        words: &[Word],
        mentions: &[Mention],
        syntax: Option<&[SyntaxToken]>,
    ) -> Vec<VerbHit<'a>> {
        let in_mention = |i: WordIdx| mentions.iter().any(|m| m.start <= i && i < m.end);
        // "Hungary calls for ...": a third-person verb right after an actor and before a
        // preposition, which taggers trained on web text often read as a plural noun
        let actor_verb = |i: WordIdx| {
            i.at(words).is_some_and(|w| w.norm.ends_with('s'))
                && mentions.iter().any(|m| m.end == i)
                && (i + 1)
                    .at(words)
                    .is_some_and(|n| matches!(n.norm.as_str(), "for" | "on" | "to" | "against"))
        };
        let tagged_verb = |i: WordIdx| {
            i.at(words).is_some_and(|w| {
                syntax.is_none_or(|s| {
                    w.token.at(s).is_some_and(|t| {
                        t.upos == Upos::VERB || (t.upos == Upos::NOUN && actor_verb(i))
                    })
                })
            })
        };
        // "war-torn", "Iranian-backed", "rebel-held": part of a hyphenated adjective
        let in_compound_word = |i: WordIdx| {
            let Some(word) = i.at(words) else {
                return false;
            };
            let t = word.token;
            // split at the hyphen by the tokenizer (one token) or by the words (the hyphen a
            // token of its own, one byte between the parts)
            words.iter().filter(|w| w.token == t).count() > 1
                || (t.get() > 0
                    && (t - 1).at(tokens).is_some_and(|h| {
                        h.form == "-"
                            && h.end == word.start
                            && h.start > 0
                            && words.iter().any(|w| w.end == h.start)
                    }))
        };
        let mut hits = Vec::new();
        let mut i = 0;
        while let Some(word) = words.get(i) {
            let mut best: Option<VerbHit<'a>> = None;
            for form in self.dicts.verbs.forms_starting(&word.norm) {
                let n = form.words.len();
                let Some(span) = words.get(i..i + n) else {
                    continue;
                };
                if !form.words.iter().zip(span).all(|(f, w)| *f == w.norm) {
                    continue;
                }
                if best.is_none_or(|b| n > b.end - b.start) {
                    best = Some(VerbHit {
                        start: WordIdx::new(i),
                        end: WordIdx::new(i + n),
                        head: WordIdx::new(i + form.head),
                        form,
                    });
                }
            }
            match best {
                // A capitalized word inside a sentence is a name, not a verb ("Mount Hope"); a
                // word after a determiner is a noun ("the attack", "its talks"); and a few verb
                // forms are prepositions ("according to", "following").
                Some(h)
                    if !in_mention(h.head)
                        && (h.head.get() == 0
                            || h.head.at(words).is_some_and(|w| !w.capitalized))
                        && (h.start.get() == 0
                            || (h.start - 1)
                                .at(words)
                                .is_some_and(|w| !DETERMINERS.contains(&w.norm.as_str())))
                        && h.head
                            .at(words)
                            .is_some_and(|w| !NON_VERB_FORMS.contains(&w.norm.as_str()))
                        && !in_compound_word(h.head)
                        && tagged_verb(h.head) =>
                {
                    hits.push(h);
                    i = h.end.get();
                }
                _ => i += 1,
            }
        }
        hits
    }

    /// Matches pattern items outward from the verb (`dir` +1 after it, -1 before it).
    fn match_side(
        &self,
        items: &[PatternItem],
        words: &[Word],
        mentions: &[Mention],
        from: isize,
        dir: isize,
        m: &mut PatternMatch,
    ) -> bool {
        let n = words.len() as isize;
        let mut pos = from;
        let mut gap_bonus = 0;
        for item in items {
            let max_gap = if item.adjacent {
                0
            } else {
                MAX_GAP + gap_bonus
            };
            gap_bonus = 0;
            if let PatternElem::Skip = item.elem {
                gap_bonus = MAX_GAP;
                continue;
            }
            let mut found = None;
            for step in 0..=max_gap as isize {
                let p = pos + dir * step;
                if p < 0 || p >= n {
                    break;
                }
                let Some(w) = words.get(p as usize) else {
                    break;
                };
                let at = WordIdx::new(p as usize);
                if let Some(end) = self.elem_at(&item.elem, words, mentions, at, dir) {
                    found = Some(end);
                    break;
                }
                if is_boundary(w) {
                    break;
                }
            }
            let Some((matched_pos, next, role)) = found else {
                return false;
            };
            match role {
                Role::Source(k) => m.source = Some(k),
                Role::Target(k) => m.target = Some(k),
                // `%` marks a compound actor ("Jordan and Britain agreed"): one side, the source
                Role::Compound(k) => m.source = Some(k),
                Role::Word => m.score += 2,
            }
            m.score += 1;
            m.first = m.first.min(matched_pos);
            m.last = m.last.max(matched_pos);
            pos = next;
        }
        true
    }

    /// Does the element match at word `p`? Returns (the matched position, the next position to
    /// continue from, the role). For a mention slot the "matched position" is the mention's
    /// index taken as a word position, as it always was: it widens the pattern's `first` and
    /// `last` (a mix-up of mention and word indices that the index types make visible; kept so
    /// that the output does not change).
    fn elem_at(
        &self,
        elem: &PatternElem,
        words: &[Word],
        mentions: &[Mention],
        p: WordIdx,
        dir: isize,
    ) -> Option<(WordIdx, isize, Role)> {
        let next = |end_excl: WordIdx, start: WordIdx| {
            if dir > 0 {
                end_excl.get() as isize
            } else {
                start.get() as isize - 1
            }
        };
        match elem {
            PatternElem::Word(w) => {
                // "telephoned Abiy on Monday" is no "* + on" (call on X): a date's preposition
                let dated = (p + 1)
                    .at(words)
                    .is_some_and(|n| dyad_time::is_calendar_word(&n.norm));
                (word_matches(w, &p.at(words)?.norm)
                    && !(dated && DATE_PREPOSITIONS.contains(&w.as_str())))
                .then(|| (p, next(p + 1, p), Role::Word))
            }
            PatternElem::Set(s) => {
                let alts = self.dicts.verbs.sets.get(*s as usize)?;
                alts.iter().find_map(|alt| {
                    let k = alt.len();
                    let start = if dir > 0 { p } else { (p + 1).checked_sub(k)? };
                    let ws = WordIdx::slice(words, start..start + k)?;
                    alt.iter()
                        .zip(ws)
                        .all(|(a, w)| word_matches(a, &w.norm))
                        .then(|| (p, next(start + k, start), Role::Word))
                })
            }
            PatternElem::Source | PatternElem::Target | PatternElem::Compound => {
                let (idx, found) = MentionIdx::enumerate(mentions).find(|(_, m)| {
                    if dir > 0 {
                        m.start == p
                    } else {
                        m.end == p + 1
                    }
                })?;
                let group = found.group;
                let (gs, ge) = group_span(mentions, group);
                let role = match elem {
                    PatternElem::Source => Role::Source(idx),
                    PatternElem::Target => Role::Target(idx),
                    _ => Role::Compound(idx),
                };
                Some((WordIdx::new(idx.get()), next(ge, gs), role))
            }
            PatternElem::Skip => None,
        }
    }

    fn best_pattern<'p>(
        &self,
        hit: &VerbHit<'_>,
        words: &[Word],
        mentions: &[Mention],
        actor_known: bool,
    ) -> Option<(&'p VerbPattern, PatternMatch)>
    where
        'static: 'p,
    {
        let verb = self.dicts.verbs.verb(hit.form.verb)?;
        let block = self.dicts.verbs.block(verb.block)?;
        let mut best: Option<(&VerbPattern, PatternMatch)> = None;
        for pat in &block.patterns {
            let mut m = PatternMatch {
                first: hit.start,
                last: hit.end - 1,
                ..Default::default()
            };
            if !self.match_side(
                &pat.post,
                words,
                mentions,
                hit.end.get() as isize,
                1,
                &mut m,
            ) {
                continue;
            }
            let pre_matched = self.match_side(
                &pat.pre,
                words,
                mentions,
                hit.start.get() as isize - 1,
                -1,
                &mut m,
            );
            // "$ * +" needs only an actor, which the parse may find away from the verb
            // ("..., suspending parts of the constitution and arresting opponents")
            let only_actor = matches!(
                &pat.pre[..],
                [PatternItem {
                    elem: PatternElem::Source,
                    ..
                }]
            );
            if !(pre_matched || only_actor && actor_known) {
                continue;
            }
            if !pre_matched {
                m.score += 1;
            }
            if best.as_ref().is_none_or(|(_, b)| m.score > b.score) {
                best = Some((pat, m));
            }
        }
        best
    }
}

#[derive(Debug, Clone, Copy)]
enum Role {
    Word,
    /// The mention that fills the slot.
    Source(MentionIdx),
    Target(MentionIdx),
    Compound(MentionIdx),
}

fn group_span(mentions: &[Mention], group: GroupId) -> (WordIdx, WordIdx) {
    let g = mentions.iter().filter(|m| m.group == group);
    let start = g.clone().map(|m| m.start).min().unwrap_or(WordIdx::new(0));
    let end = g.map(|m| m.end).max().unwrap_or(WordIdx::new(0));
    (start, end)
}

/// Prepositions that, before a weekday or month, only date the act.
const DATE_PREPOSITIONS: &[&str] = &["on", "in", "since", "until", "by"];

/// Words after which a verb form is read as a noun.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those",
    "'s", "no", "any", "every", "each", "such", "another", "whose",
];

/// Verb forms that act as prepositions or conjunctions in news text.
const NON_VERB_FORMS: &[&str] = &[
    "according",
    "following",
    "including",
    "regarding",
    "concerning",
    "given",
    "pending",
    "during",
];

const BE_FORMS: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "am"];

/// How a verb hit is coded before roles and modality: code, rule, pattern match.
pub(crate) struct HitCode {
    pub(crate) code: String,
    pub(crate) rule: Provenance,
    pub(crate) pattern: Option<PatternMatch>,
}

impl PatternCoder {
    /// `actor_known`: the parse gives the predicate an actor, wherever it stands.
    pub(crate) fn code_hit(
        &self,
        hit: &VerbHit<'_>,
        words: &[Word],
        mentions: &[Mention],
        actor_known: bool,
    ) -> Option<HitCode> {
        let verb = self.dicts.verbs.verb(hit.form.verb)?;
        let block = self.dicts.verbs.block(verb.block)?;
        match self.best_pattern(hit, words, mentions, actor_known) {
            Some((pat, pm)) => Some(HitCode {
                code: pat.code.clone()?,
                rule: Provenance::Pattern {
                    id: pat.id.clone(),
                    block: block.name.clone(),
                },
                pattern: Some(pm),
            }),
            None => Some(HitCode {
                code: verb.code.clone().or_else(|| block.code.clone())?,
                rule: Provenance::Verb {
                    block: block.name.clone(),
                    lemma: verb.lemma.clone(),
                },
                pattern: None,
            }),
        }
    }

    /// The code of a verb hit without its patterns: the verb's own, else its block's.
    pub(crate) fn plain_code(&self, hit: &VerbHit<'_>) -> Option<String> {
        let verb = self.dicts.verbs.verb(hit.form.verb)?;
        let block = self.dicts.verbs.block(verb.block)?;
        verb.code.clone().or_else(|| block.code.clone())
    }

    /// The lemma of a verb hit's verb ("" when the dictionary has none).
    pub(crate) fn lemma(&self, hit: &VerbHit<'_>) -> &'static str {
        let dicts: &'static dyad_dict::Dictionaries = self.dicts;
        dicts
            .verbs
            .verb(hit.form.verb)
            .map_or("", |v| v.lemma.as_str())
    }

    /// Source and target groups of a verb hit, from the pattern's slots, else by position.
    pub(crate) fn roles(
        &self,
        hit: &VerbHit<'_>,
        words: &[Word],
        mentions: &[Mention],
        hits: &[(WordIdx, WordIdx)],
        pm: Option<&PatternMatch>,
    ) -> (Option<GroupId>, Option<GroupId>) {
        let lemma = self
            .dicts
            .verbs
            .verb(hit.form.verb)
            .map_or("", |v| v.lemma.as_str());
        let head = hit.head.at(words).map_or("", |w| w.norm.as_str());
        // passive: "was attacked by X" -> X is the source, the subject the target
        let be_before = WordIdx::slice(words, hit.start.saturating_sub(2)..hit.start)
            .unwrap_or_default()
            .iter()
            .any(|w| BE_FORMS.contains(&w.norm.as_str()));
        // "is prepared to", "was determined to": an adjective, not a passive
        let adjectival = hit.end.at(words).is_some_and(|w| w.norm == "to");
        let passive = be_before
            && !adjectival
            && head != lemma
            && !head.ends_with("ing")
            && !head.ends_with('s');
        let by_agent = hit.end.at(words).filter(|w| w.norm == "by").and_then(|_| {
            mentions.iter().find(|m| {
                m.start == hit.end + 1
                    || (m.start == hit.end + 2
                        && (hit.end + 1).at(words).is_some_and(|w| w.norm == "the"))
            })
        });
        let before = subject_before(words, mentions, hits, hit.start);
        let after = mentions.iter().find(|m| {
            m.start >= hit.end
                && (m.start - hit.end) <= 8
                && !crosses_boundary(words, hit.end, m.start)
        });
        let (mut src, mut tgt) = match (passive, by_agent) {
            (true, Some(agent)) => (Some(agent.group), before.map(|m| m.group)),
            (true, None) => (None, before.map(|m| m.group)),
            _ => (before.map(|m| m.group), after.map(|m| m.group)),
        };
        if let Some(pm) = pm {
            if let Some(s) = pm.source.and_then(|s| s.at(mentions)) {
                src = Some(s.group);
            }
            if let Some(t) = pm.target.and_then(|t| t.at(mentions)) {
                tgt = Some(t.group);
            }
        }
        if tgt == src {
            tgt = None;
        }
        (src, tgt)
    }
}
