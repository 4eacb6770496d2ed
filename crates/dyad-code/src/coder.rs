//! The event coder: TABARI-style verb patterns give the act, the parse gives the roles.
//!
//! For each verb form found in the sentence, the patterns of its verb block are tried; the
//! pattern matching the most elements wins, else the verb's own code applies. Roles come from
//! the dependency tree when the sentence is parsed ([`Reading::Parse`], see [`crate::tree`]):
//! subject or passive agent, object or oblique. Without a parse they come from the pattern's
//! `$`/`+` slots, else by position: the source is the first actor side before the verb, the
//! target the first after it; a passive ("was attacked by X") swaps them.
//!
//! The roles are read in the `roles` module; what the act's frame (negation, intent, obligation,
//! who acts) makes of its code is decided in the `acts` module.

use crate::acts::{
    armed_readiness, demand_code, intent_code, modality, protest_targets, reciprocal_meetings,
    refine_by_actors, settle, OBLIGATION,
};
use crate::conflicts::{conflict_recipients, with_conflict_parties};
use crate::mentions::Mention;
use crate::provenance::Provenance;
use crate::roles::{crosses_boundary, subject_before, tree_roles};
use crate::rules::{RuleId, Rules};
use crate::syntax::{SyntaxNeed, SyntaxToken};
use crate::tree::DepTree;
use crate::CodedSentence;
use crate::{CodedEvent, Modality, SentenceCoder, SentenceInput};
use dyad_dict::verbs::{PatternElem, PatternItem, VerbForm, VerbPattern};
use dyad_dict::words::Word;
use dyad_dict::Dictionaries;
use dyad_dict::VerbClass;
use dyad_syntax::{Deprel, Upos};

/// How far (in words) a pattern element may be from the previous one.
const MAX_GAP: usize = 4;

pub struct PatternCoder {
    dicts: &'static Dictionaries,
    reading: Reading,
    rules: Rules,
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

/// A verb form found in the sentence: words `start..end`, inflected word at `head`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct VerbHit<'a> {
    start: usize,
    end: usize,
    head: usize,
    form: &'a VerbForm,
}

/// The outcome of matching one pattern.
#[derive(Default, Debug)]
pub(crate) struct PatternMatch {
    pub(crate) score: usize,
    pub(crate) source: Option<usize>,
    pub(crate) target: Option<usize>,
    /// Word range covered by the pattern (to keep other verb hits out of it).
    pub(crate) first: usize,
    pub(crate) last: usize,
}

pub(crate) fn is_boundary(w: &Word) -> bool {
    matches!(
        w.norm.as_str(),
        ";" | ":" | "." | "?" | "!" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}"
    )
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

    fn verb_hits<'a>(
        &'a self,
        tokens: &[dyad_model::Token],
        words: &[Word],
        mentions: &[Mention],
        syntax: Option<&[SyntaxToken]>,
    ) -> Vec<VerbHit<'a>> {
        let in_mention = |i: usize| mentions.iter().any(|m| m.start <= i && i < m.end);
        // "Hungary calls for ...": a third-person verb right after an actor and before a
        // preposition, which taggers trained on web text often read as a plural noun
        let actor_verb = |i: usize| {
            words[i].norm.ends_with('s')
                && mentions.iter().any(|m| m.end == i)
                && words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.norm.as_str(), "for" | "on" | "to" | "against"))
        };
        let tagged_verb = |i: usize| {
            let w = &words[i];
            syntax.is_none_or(|s| {
                s.get(w.token).is_some_and(|t| {
                    t.upos == Upos::VERB || (t.upos == Upos::NOUN && actor_verb(i))
                })
            })
        };
        // "war-torn", "Iranian-backed", "rebel-held": part of a hyphenated adjective
        let in_compound_word = |i: usize| {
            let t = words[i].token;
            // split at the hyphen by the tokenizer (one token) or by the words (the hyphen a
            // token of its own, one byte between the parts)
            words.iter().filter(|w| w.token == t).count() > 1
                || (t > 0
                    && tokens
                        .get(t - 1)
                        .is_some_and(|h| h.form == "-" && h.end == words[i].start && h.start > 0)
                    && words.iter().any(|w| w.end == tokens[t - 1].start))
        };
        let mut hits = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let mut best: Option<VerbHit<'a>> = None;
            for form in self.dicts.verbs.forms_starting(&words[i].norm) {
                let n = form.words.len();
                if i + n > words.len()
                    || !form
                        .words
                        .iter()
                        .zip(&words[i..i + n])
                        .all(|(f, w)| *f == w.norm)
                {
                    continue;
                }
                if best.is_none_or(|b| n > b.end - b.start) {
                    best = Some(VerbHit {
                        start: i,
                        end: i + n,
                        head: i + form.head,
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
                        && (h.head == 0 || !words[h.head].capitalized)
                        && (h.start == 0
                            || !DETERMINERS.contains(&words[h.start - 1].norm.as_str()))
                        && !NON_VERB_FORMS.contains(&words[h.head].norm.as_str())
                        && !in_compound_word(h.head)
                        && tagged_verb(h.head) =>
                {
                    hits.push(h);
                    i = h.end;
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
                let w = &words[p as usize];
                if let Some(end) = self.elem_at(&item.elem, words, mentions, p as usize, dir) {
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
                Role::Source => m.source = Some(matched_pos),
                Role::Target => m.target = Some(matched_pos),
                // `%` marks a compound actor ("Jordan and Britain agreed"): one side, the source
                Role::Compound => m.source = Some(matched_pos),
                Role::Word => m.score += 2,
            }
            m.score += 1;
            m.first = m.first.min(matched_pos);
            m.last = m.last.max(matched_pos);
            pos = next;
        }
        true
    }

    /// Does the element match at word `p`? Returns (the matched position or mention index, the
    /// next position to continue from, the role).
    fn elem_at(
        &self,
        elem: &PatternElem,
        words: &[Word],
        mentions: &[Mention],
        p: usize,
        dir: isize,
    ) -> Option<(usize, isize, Role)> {
        let next = |end_excl: usize, start: usize| {
            if dir > 0 {
                end_excl as isize
            } else {
                start as isize - 1
            }
        };
        match elem {
            PatternElem::Word(w) => {
                // "telephoned Abiy on Monday" is no "* + on" (call on X): a date's preposition
                let dated = words
                    .get(p + 1)
                    .is_some_and(|n| dyad_time::is_calendar_word(&n.norm));
                (word_matches(w, &words[p].norm)
                    && !(dated && DATE_PREPOSITIONS.contains(&w.as_str())))
                .then(|| (p, next(p + 1, p), Role::Word))
            }
            PatternElem::Set(s) => {
                let alts = self.dicts.verbs.sets.get(*s as usize)?;
                alts.iter().find_map(|alt| {
                    let k = alt.len();
                    let start = if dir > 0 { p } else { (p + 1).checked_sub(k)? };
                    let ws = words.get(start..start + k)?;
                    alt.iter()
                        .zip(ws)
                        .all(|(a, w)| word_matches(a, &w.norm))
                        .then(|| (p, next(start + k, start), Role::Word))
                })
            }
            PatternElem::Source | PatternElem::Target | PatternElem::Compound => {
                let idx = mentions.iter().position(|m| {
                    if dir > 0 {
                        m.start == p
                    } else {
                        m.end == p + 1
                    }
                })?;
                let group = mentions[idx].group;
                let (gs, ge) = group_span(mentions, group);
                let role = match elem {
                    PatternElem::Source => Role::Source,
                    PatternElem::Target => Role::Target,
                    _ => Role::Compound,
                };
                Some((idx, next(ge, gs), role))
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
            if !self.match_side(&pat.post, words, mentions, hit.end as isize, 1, &mut m) {
                continue;
            }
            let pre_matched = self.match_side(
                &pat.pre,
                words,
                mentions,
                hit.start as isize - 1,
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
            if !pre_matched && !(only_actor && actor_known) {
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
    Source,
    Target,
    Compound,
}

fn group_span(mentions: &[Mention], group: usize) -> (usize, usize) {
    let g = mentions.iter().filter(|m| m.group == group);
    let start = g.clone().map(|m| m.start).min().unwrap_or(0);
    let end = g.map(|m| m.end).max().unwrap_or(0);
    (start, end)
}

/// The verbal act (an event among `events`, whose predicate tokens are `triggers`) whose
/// content the predicate `v` is, up a chain of complements ("threatened to begin to impose").
pub(crate) fn governing_act(
    tree: &DepTree<'_>,
    v: usize,
    triggers: &[usize],
    events: &[CodedEvent],
) -> Option<usize> {
    let mut g = tree.governor(v);
    for _ in 0..3 {
        let gv = g?;
        let found = triggers
            .iter()
            .rposition(|&t| t == gv)
            .filter(|&k| VERBAL_ROOTS.contains(&events[k].cameo.get(..2).unwrap_or("")));
        if found.is_some() {
            return found;
        }
        g = tree.governor(gv);
    }
    None
}

/// Folds an act into the verbal act whose content it is: an intent to do it takes its code
/// ("plans to impose restrictions" -> threaten), and its side fills a missing recipient.
pub(crate) fn fold_content(
    outer: &mut CodedEvent,
    code: &str,
    mentions: &[Mention],
    group: Option<usize>,
) {
    if outer.cameo.starts_with("03") {
        if let Some(intent) = intent_code(code) {
            outer.cameo = intent.to_string();
        }
    }
    // an order to restrict ("ordered the newspaper to suspend publication") imposes the
    // restriction; an order to do anything else demands it
    if outer.provenance.is_order() {
        outer.cameo = if code.starts_with("17") {
            code.to_string()
        } else {
            demand_code(code).to_string()
        };
    }
    fill_target(outer, mentions, group);
}

/// Gives a verbal act without a recipient the side of its content ("agreed to resume talks
/// with X" -> X), never its own source.
pub(crate) fn fill_target(outer: &mut CodedEvent, mentions: &[Mention], group: Option<usize>) {
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

/// The mentions of a group in the actor role (capitals stand for their governments).
pub(crate) fn actor_side(mentions: &[Mention], group: usize) -> Vec<Mention> {
    mentions
        .iter()
        .filter(|m| m.group == group)
        .map(Mention::as_actor)
        .collect()
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

pub(crate) fn side(mentions: &[Mention], group: usize) -> Vec<Mention> {
    mentions
        .iter()
        .filter(|m| m.group == group)
        .cloned()
        .collect()
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

/// CAMEO roots of verbal acts that can take another act as their content ("threatened to
/// impose", "urged X to cease fire", "agreed to undertake"): the inner verb is not a second event.
pub(crate) const VERBAL_ROOTS: &[&str] = &["02", "03", "10", "11", "12", "13"];

const BE_FORMS: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "am"];

/// How a verb hit is coded before roles and modality: code, rule, pattern match.
struct HitCode {
    code: String,
    rule: Provenance,
    pattern: Option<PatternMatch>,
}

impl PatternCoder {
    /// `actor_known`: the parse gives the predicate an actor, wherever it stands.
    fn code_hit(
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
    fn plain_code(&self, hit: &VerbHit<'_>) -> Option<String> {
        let verb = self.dicts.verbs.verb(hit.form.verb)?;
        let block = self.dicts.verbs.block(verb.block)?;
        verb.code.clone().or_else(|| block.code.clone())
    }

    /// Source and target groups of a verb hit, from the pattern's slots, else by position.
    fn roles(
        &self,
        hit: &VerbHit<'_>,
        words: &[Word],
        mentions: &[Mention],
        hits: &[(usize, usize)],
        pm: Option<&PatternMatch>,
    ) -> (Option<usize>, Option<usize>) {
        let lemma = self
            .dicts
            .verbs
            .verb(hit.form.verb)
            .map_or("", |v| v.lemma.as_str());
        let head = words[hit.head].norm.as_str();
        // passive: "was attacked by X" -> X is the source, the subject the target
        let be_before = words[hit.start.saturating_sub(2)..hit.start]
            .iter()
            .any(|w| BE_FORMS.contains(&w.norm.as_str()));
        // "is prepared to", "was determined to": an adjective, not a passive
        let adjectival = words.get(hit.end).is_some_and(|w| w.norm == "to");
        let passive = be_before
            && !adjectival
            && head != lemma
            && !head.ends_with("ing")
            && !head.ends_with('s');
        let by_agent = words.get(hit.end).filter(|w| w.norm == "by").and_then(|_| {
            mentions.iter().find(|m| {
                m.start == hit.end + 1
                    || (m.start == hit.end + 2 && words[hit.end + 1].norm == "the")
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
            if let Some(s) = pm.source {
                src = Some(mentions[s].group);
            }
            if let Some(t) = pm.target {
                tgt = Some(mentions[t].group);
            }
        }
        if tgt == src {
            tgt = None;
        }
        (src, tgt)
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
        let mentions = &mentions[..];
        let hits = self.verb_hits(input.tokens, words, mentions, syntax);
        let spans: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        let mut events: Vec<CodedEvent> = Vec::new();
        // the predicate token of each event
        let mut triggers: Vec<usize> = Vec::new();
        let mut covered_until = 0usize;
        let aside = parenthesized(words);
        for hit in &hits {
            // a word already used by a matched pattern ("continue to supply") is not a new verb
            if hit.start < covered_until || aside[hit.head] {
                continue;
            }
            let Some(HitCode {
                mut code,
                mut rule,
                pattern,
            }) = self.code_hit(
                hit,
                words,
                mentions,
                tree.as_ref()
                    .is_some_and(|t| t.actor(words[hit.head].token).is_some()),
            )
            else {
                continue;
            };
            let last = pattern.as_ref().map_or(hit.end - 1, |p| p.last);
            covered_until = covered_until.max(last + 1);
            // "resigned without returning to Kyrgyzstan", "took the town without firing a
            // shot": what is done without is no event (and no refusal either)
            let on = |r: RuleId| self.rules.on(r);
            if on(RuleId::Without) && hit.start > 0 && words[hit.start - 1].norm == "without" {
                continue;
            }
            let v = words[hit.head].token;
            // "the conflict has been going on since the late 1980s": a state, not an event;
            // "adding that ...", "noted that ...": a speech verb, whose content is coded itself
            let lemma = self
                .dicts
                .verbs
                .verb(hit.form.verb)
                .map_or("", |v| v.lemma.as_str());
            // "holds twenty seats": a light verb's own code ("hold" -> detain) needs an actor
            // as its object; with anything else it names no act
            let light_without_actor = |t: &DepTree<'_>| {
                rule.is_generic_verb()
                    && self.dicts.classes.is(VerbClass::Light, lemma)
                    && t.kids(v, Deprel::Obj)
                        .next()
                        .and_then(|o| t.filler(o))
                        .is_none()
            };
            if tree.as_ref().is_some_and(|t| {
                (on(RuleId::Background) && t.is_background(v))
                    || (on(RuleId::SpeechOnly)
                        && self.dicts.classes.is(VerbClass::SpeechOnly, lemma)
                        && t.reports_speech(v))
                    || (on(RuleId::LightVerb) && light_without_actor(t))
            }) {
                continue;
            }
            // "ordered the newspaper to suspend publication", "ordered Menem to appear": an
            // order to someone to act is a demand of the act, which is its content (see
            // `fold_content`); an order of something ("ordered an inquiry") is coded by its
            // noun, not as the block's cooperation (nor as its "head to" travel, "* to" -> 042)
            if on(RuleId::Orders)
                && self.dicts.classes.is(VerbClass::Order, lemma)
                && (rule.is_generic_verb() || code.starts_with("04"))
            {
                let order_to = tree.as_ref().is_some_and(|t| {
                    let to = |x: usize| t.kids(x, Deprel::Mark).any(|m| t.lemma(m) == "to");
                    (t.kids(v, Deprel::Obj).next().is_some()
                        || t.kids(v, Deprel::Iobj).next().is_some())
                        && (t.kids(v, Deprel::Xcomp).any(to)
                            || t.kids(v, Deprel::Advcl).any(to)
                            || t.kids(v, Deprel::Obj)
                                .any(|o| t.kids(o, Deprel::Acl).any(to)))
                });
                if order_to {
                    code = "100".to_string();
                    rule = Provenance::Order {
                        lemma: lemma.to_string(),
                    };
                } else if !matches!(lemma, "press" | "pressure") {
                    continue;
                }
            }
            let by_order = self.roles(hit, words, mentions, &spans, pattern.as_ref());
            // a pattern whose source lies outside the predicate's clause codes another frame
            // ("$ said + *": X accuses Y by saying Y shelled): its roles hold as matched, and
            // the act itself is coded too, as reported by X
            let speech_frame = match (&tree, pattern.as_ref().and_then(|p| p.source)) {
                _ if !on(RuleId::SpeechFrame) => false,
                // ... when that source is the one who speaks
                (Some(t), Some(s)) => crate::quotes::speech_verb(t, v).is_some_and(|sv| {
                    let speaker = t.actor(sv).and_then(|a| mentions.get(a)).map(|a| a.group);
                    mentions
                        .get(s)
                        .filter(|m| Some(m.group) == speaker && m.end <= hit.start)
                        .and_then(|m| words.get(m.start))
                        .is_some_and(|w| !t.in_clause(v, w.token) && t.in_clause(sv, w.token))
                }),
                _ => false,
            };
            let (mut src, mut tgt) = match &tree {
                Some(_) if speech_frame => {
                    let p = pattern.as_ref();
                    let group = |m: Option<usize>| m.and_then(|m| mentions.get(m)).map(|m| m.group);
                    (
                        group(p.and_then(|p| p.source)),
                        group(p.and_then(|p| p.target)),
                    )
                }
                Some(t) if on(RuleId::TreeRoles) => {
                    tree_roles(t, v, words, mentions, pattern.as_ref(), by_order)
                }
                _ => by_order,
            };
            let plain_act = match &tree {
                Some(t) if speech_frame => self
                    .plain_code(hit)
                    .filter(|c| c.get(..2) != code.get(..2))
                    .map(|c| (c, tree_roles(t, v, words, mentions, None, by_order))),
                _ => None,
            };
            // "have sworn to fight": swearing to do something is a pledge, not an allegation
            if on(RuleId::Swear)
                && lemma == "swear"
                && tree
                    .as_ref()
                    .is_some_and(|t| t.kids(v, Deprel::Xcomp).next().is_some())
            {
                code = "030".to_string();
            }
            if let Some(refined) = on(RuleId::RefineByActors)
                .then(|| {
                    refine_by_actors(
                        &code,
                        lemma,
                        src.map(|g| side(mentions, g)).as_deref().unwrap_or(&[]),
                        tgt.map(|g| side(mentions, g)).as_deref().unwrap_or(&[]),
                    )
                })
                .flatten()
            {
                code = refined.to_string();
            }
            let (negated, mut modality) = modality(words, hit.start, (hit.end, last + 1));
            let intent = tree
                .as_ref()
                .and_then(|t| t.intent_head(v).map(|h| t.lemma(h)));
            if on(RuleId::Intent) && modality == Modality::Asserted && intent.is_some() {
                modality = Modality::Future;
            }
            if on(RuleId::ArmedReadiness)
                && tree
                    .as_ref()
                    .is_some_and(|t| armed_readiness(t, v, mentions, src, &code))
            {
                code = "152".to_string();
                modality = Modality::Asserted;
            }
            let trigger_start = words[hit.start].start;

            // "threatened to impose ...", "urged X to cease fire": the inner act is the content
            // of the verbal act that governs it, not a second event. An intent to do it takes
            // its code ("plans to impose restrictions" -> threaten).
            let verbal = |e: &CodedEvent| VERBAL_ROOTS.contains(&e.cameo.get(..2).unwrap_or(""));
            let outer = match &tree {
                _ if !on(RuleId::FoldContent) => None,
                Some(t) => governing_act(t, v, &triggers, &events),
                None if hit.start > 0 && words[hit.start - 1].norm == "to" => {
                    events.iter().rposition(|e| {
                        verbal(e)
                            && e.trigger.1 <= trigger_start
                            && trigger_start - e.trigger.1 < 60
                    })
                }
                None => None,
            };
            if let Some(outer) = outer.and_then(|k| events.get_mut(k)) {
                fold_content(outer, &code, mentions, tgt.or(src));
                continue;
            }
            // "X said Y must do Z": X demands Z of Y
            let window = &words[hit.start.saturating_sub(3)..hit.start];
            let obliged = on(RuleId::Obligation)
                && (window.iter().any(|w| OBLIGATION.contains(&w.norm.as_str()))
                    || tree.as_ref().is_some_and(|t| t.obliged(v, OBLIGATION)));
            if obliged {
                // the speaker: the actor of the speech verb above ("Mubarak said the US must be
                // ready to mediate"), else the last statement coded in the sentence
                // ... or of any verb the clause completes ("issued a stern reminder to Iraq
                // that it must cooperate")
                let speaker = tree.as_ref().and_then(|t| {
                    crate::quotes::speech_verb(t, v)
                        .or_else(|| match t.rel(v) {
                            Deprel::Ccomp => t.head(v),
                            // "a warning to Serbia that it must withdraw": the noun's verb
                            Deprel::Acl
                                if t.kids(v, Deprel::Mark).any(|m| t.lemma(m) == "that") =>
                            {
                                t.head(v).and_then(|n| t.head(n))
                            }
                            _ => None,
                        })
                        .and_then(|sv| t.actor(sv))
                        .and_then(|m| mentions.get(m))
                        .map(|m| m.group)
                });
                let reporter = events
                    .iter()
                    .rev()
                    .find(|e| e.cameo.starts_with("01") && !e.source.is_empty())
                    .and_then(|r| r.source.first().map(|m| m.group));
                match speaker.or(reporter) {
                    Some(reporter_group) => {
                        let reporter_group = Some(reporter_group);
                        tgt = src.filter(|s| Some(*s) != reporter_group);
                        src = reporter_group;
                        code = demand_code(&code).to_string();
                        modality = Modality::Asserted;
                    }
                    None => modality = Modality::Hypothetical,
                }
            }
            if src.is_none() && tgt.is_none() {
                continue;
            }
            let mut negated = negated;
            // "will withdraw its force unless ...": a conditional act is a threat (CAMEO 13)
            if on(RuleId::Conditional)
                && modality == Modality::Future
                && tree.as_ref().is_some_and(|t| t.conditioned(v))
            {
                code = match intent_code(&code) {
                    Some(c) if c.starts_with("13") => c.to_string(),
                    _ if code.starts_with("13") => code,
                    _ => "130".to_string(),
                };
                modality = Modality::Asserted;
            }
            settle(&mut code, &mut negated, &mut modality);
            // "Rwanda denied supplying weapons": the act is denied, not asserted
            if on(RuleId::Denial) && tree.as_ref().is_some_and(|t| t.denied(v)) {
                negated = true;
                modality = Modality::Denied;
            }
            let score = pattern.as_ref().map_or(0, |p| p.score);
            let confidence =
                (0.4 + 0.05 * score as f32 + if src.is_some() { 0.1 } else { 0.0 }).min(0.95);
            let ev = CodedEvent {
                source: src.map(|g| actor_side(mentions, g)).unwrap_or_default(),
                target: tgt.map(|g| side(mentions, g)).unwrap_or_default(),
                cameo: code,
                trigger: (trigger_start, words[hit.end - 1].end),
                provenance: rule,
                negated,
                modality,
                confidence,
                quote: None,
                date: None,
                location: None,
            };
            // one event per (code root, source, target) and sentence: the first, most specific
            if !on(RuleId::OnePerRoot)
                || !events.iter().any(|e| {
                    e.cameo.get(..2) == ev.cameo.get(..2)
                        && e.source == ev.source
                        && e.target == ev.target
                })
            {
                events.push(ev.clone());
                triggers.push(v);
            }
            if let Some((plain, (psrc, ptgt))) = plain_act {
                if psrc.is_some() || ptgt.is_some() {
                    let verb = self.dicts.verbs.verb(hit.form.verb);
                    events.push(CodedEvent {
                        source: psrc.map(|g| actor_side(mentions, g)).unwrap_or_default(),
                        target: ptgt.map(|g| side(mentions, g)).unwrap_or_default(),
                        cameo: plain,
                        provenance: Provenance::PlainVerb {
                            lemma: verb.map_or("", |v| v.lemma.as_str()).to_string(),
                        },
                        confidence: ev.confidence - 0.1,
                        ..ev
                    });
                    triggers.push(v);
                }
            }
        }
        if let Some(t) = tree.as_ref().filter(|_| self.rules.on(RuleId::EventNouns)) {
            crate::nominal::code_nominal_events(
                self.dicts,
                t,
                input,
                mentions,
                &mut events,
                &mut triggers,
            );
        }
        // a request about a conflict, with no recipient named: the conflict's parties
        // (or only one party of a conflict the sentence names: "in the Russia-Ukraine war")
        for ev in events
            .iter_mut()
            .filter(|_| self.rules.on(RuleId::ConflictRecipients))
        {
            if !matches!(ev.cameo.get(..2), Some("10" | "02")) {
                continue;
            }
            let mut parties = conflict_recipients(input.index, words, input.context);
            // a call for a ceasefire is addressed to the parties of the document's conflict
            let yield_request = matches!(ev.cameo.as_str(), "1056" | "0256" | "1053" | "0253");
            if parties.is_empty() && yield_request && ev.target.is_empty() {
                if let Some(c) = input.context.conflict_for(input.index) {
                    parties = c.parties_elsewhere("party to the conflict", |_| false);
                }
            }
            let one_party = ev.target.len() == 1
                && parties
                    .iter()
                    .any(|p| p.start == ev.target[0].start && p.code == ev.target[0].code);
            let own = |p: &Mention| ev.source.iter().any(|s| s.country == p.country);
            if (ev.target.is_empty() || one_party) && !parties.iter().any(own) {
                ev.target = parties;
            }
        }
        // a party to a conflict calling for its end expresses its own intent (PLOVER manual,
        // REQUEST: "coded as AGREE"); a third party's call stays a request
        for ev in events.iter_mut() {
            let yield_request = matches!(ev.cameo.as_str(), "1056" | "0256" | "1053" | "0253");
            let party = input.context.conflict_for(input.index).is_some_and(|c| {
                c.parties.iter().any(|p| {
                    ev.source
                        .iter()
                        .any(|s| s.country.is_some() && s.country == p.country)
                })
            });
            // ... but a demand on the other side ("demanded the withdrawal of Armenian
            // troops") is a request to it
            let on_adversary = !ev.target.is_empty()
                && !ev
                    .target
                    .iter()
                    .any(|t| ev.source.iter().any(|s| s.country == t.country));
            if self.rules.on(RuleId::PartyCallsIntent) && yield_request && party && !on_adversary {
                ev.cameo = "0356".to_string();
                ev.target
                    .retain(|t| !ev.source.iter().any(|s| s.country == t.country));
            }
        }
        if self.rules.on(RuleId::ProtestTargets) {
            protest_targets(&mut events);
        }
        if self.rules.on(RuleId::Reciprocal) {
            reciprocal_meetings(&mut events);
        }
        CodedSentence {
            events,
            predicates: triggers,
            parsed: tree.is_some(),
            mentions: mentions.to_vec(),
        }
    }
}
