//! The event coder: TABARI-style verb patterns give the act, the parse gives the roles.
//!
//! A sentence goes through three stages:
//! 1. **Candidates** ([`patterns`]): for each verb form found in the sentence, the patterns of
//!    its verb block are tried; the pattern matching the most elements wins, else the verb's own
//!    code applies. Roles by word order (and the pattern's `$`/`+` slots) are read here.
//! 2. **The candidate stage** ([`candidate`]): an ordered list of steps, each a named rule
//!    ([`crate::rules::RuleId`], switchable with `--disable-rule`) or a fixed reading (roles,
//!    modality), reads and changes one [`candidate::Candidate`] until it becomes an event or is
//!    dropped. Roles come from the dependency tree when the sentence is parsed
//!    ([`Reading::Parse`], see [`crate::tree`] and [`crate::roles`]); what the act's frame
//!    (negation, intent, obligation, who acts) makes of its code is decided in [`crate::acts`].
//! 3. **The sentence stage** ([`sentence`]): named rules over all of the sentence's events
//!    (event nouns, conflict recipients, reciprocal meetings, ...).
//!
//! The document stages (quotes, dating, locating) and the record rules follow in the pipeline
//! for any [`SentenceCoder`]; the rules are listed, in the order they apply, by `dyad rules`.

mod candidate;
mod patterns;
mod sentence;

use crate::conflicts::with_conflict_parties;
use crate::rules::Rules;
use crate::sides::parenthesized;
use crate::syntax::SyntaxNeed;
use crate::tree::DepTree;
use crate::CodedSentence;
use crate::{CodedEvent, Modality, SentenceCoder, SentenceInput};
use candidate::{Candidate, Scene};
use dyad_dict::words::WordIdx;
use dyad_dict::Dictionaries;

pub struct PatternCoder {
    pub(crate) dicts: &'static Dictionaries,
    reading: Reading,
    pub(crate) rules: Rules,
}

/// How much of the syntax stage the coder reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Word order only (no models).
    Words,
    /// POS tags tell verbs from nouns ("the talks", "military aid"); roles by word order.
    Tags,
    /// Tags, and roles from the dependency tree.
    Parse,
}

impl PatternCoder {
    pub fn new(dicts: &'static Dictionaries, reading: Reading) -> PatternCoder {
        PatternCoder {
            dicts,
            reading,
            rules: Rules::all(),
        }
    }

    /// The coder with only these of its named rules on ([`crate::rules`]).
    pub fn with_rules(mut self, rules: Rules) -> PatternCoder {
        self.rules = rules;
        self
    }
}

impl SentenceCoder for PatternCoder {
    fn syntax_need(&self) -> SyntaxNeed {
        match self.reading {
            Reading::Words => SyntaxNeed::None,
            Reading::Tags => SyntaxNeed::Tags,
            Reading::Parse => SyntaxNeed::Parse,
        }
    }

    fn code(&self, input: &SentenceInput<'_>) -> Vec<CodedEvent> {
        self.code_sentence(input).events
    }

    /// Verb hits -> candidates -> the candidate stage's steps -> the sentence stage's rules.
    fn code_sentence(&self, input: &SentenceInput<'_>) -> CodedSentence {
        let words = input.words;
        let mut mentions = with_conflict_parties(input.index, words, input.mentions, input.context);
        let syntax = input.syntax.filter(|_| self.reading != Reading::Words);
        let mut tree = syntax
            .filter(|_| self.reading == Reading::Parse)
            .and_then(|s| DepTree::new(s, words, &mentions));
        if let (Some(t), Some(s)) = (&tree, syntax) {
            t.regroup(words, &mut mentions);
            // "its soldiers", "his government": the agent of the pronoun's actor
            if t.compose_possessives(words, &mut mentions) {
                tree = DepTree::new(s, words, &mentions);
            }
        }
        let scene = Scene {
            coder: self,
            words,
            mentions: &mentions,
            tree: tree.as_ref(),
        };
        let hits = self.verb_hits(input.tokens, words, &mentions, syntax);
        let spans: Vec<(WordIdx, WordIdx)> = hits.iter().map(|h| (h.start, h.end)).collect();
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut covered_until = WordIdx::new(0);
        let aside = parenthesized(words);
        for hit in &hits {
            // a word already used by a matched pattern ("continue to supply") is not a new
            // verb, and an aside is background
            if hit.start < covered_until || hit.head.at(&aside).copied().unwrap_or(true) {
                continue;
            }
            let Some(v) = hit.head.at(words).map(|w| w.token) else {
                continue;
            };
            let actor_known = tree.as_ref().is_some_and(|t| t.actor(v).is_some());
            let Some(coded) = self.code_hit(hit, words, &mentions, actor_known) else {
                continue;
            };
            let last = coded.pattern.as_ref().map_or(hit.end - 1, |p| p.last);
            covered_until = covered_until.max(last + 1);
            let by_order = self.roles(hit, words, &mentions, &spans, coded.pattern.as_ref());
            let candidate = Candidate {
                hit: *hit,
                v,
                lemma: self.lemma(hit),
                code: coded.code,
                rule: coded.rule,
                pattern: coded.pattern,
                last,
                by_order,
                plain_code: self.plain_code(hit),
                src: None,
                tgt: None,
                plain_act: None,
                rejection: None,
                negated: false,
                modality: Modality::Asserted,
            };
            candidate::run(&scene, candidate, &mut events);
        }
        sentence::run(&scene, input, &mut events);
        CodedSentence {
            events,
            parsed: tree.is_some(),
            mentions,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RuleId;

    /// The coder applies its rules in the order `RuleId::ALL` lists them (and `dyad rules`
    /// prints them): the candidate stage, the sentence stage, then the record rules
    /// (`records`) and the document stages' (`History`, in `lib.rs`).
    #[test]
    fn the_stages_apply_every_rule_once_in_the_listed_order() {
        let after = [
            RuleId::History,
            RuleId::NeedsRecipient,
            RuleId::NeedsActor,
            RuleId::ConsultCounterpart,
            RuleId::PrivateTravel,
        ];
        let order: Vec<RuleId> = super::candidate::rule_order()
            .chain(super::sentence::STEPS.iter().map(|(id, _)| *id))
            .chain(after)
            .collect();
        assert_eq!(order, RuleId::ALL);
    }
}
