//! A verb hit on its way to an event: the [`Candidate`] that the ordered [`STEPS`] read and
//! change, each a named rule ([`RuleId`], switchable) or a fixed step (reading roles and
//! modality), until [`emit`] makes it a [`CodedEvent`] or a step drops it.
//!
//! Steps run in the order of [`STEPS`]; a rule that is switched off is skipped. A step sees
//! the [`Scene`] (the sentence as the coder reads it) and the events coded so far (a content
//! act folds into the verbal act before it).

use super::patterns::VerbHit;
use super::PatternCoder;
use crate::acts::{
    armed_readiness, demand_code, fold_content, governing_act, intent_code, is_verbal, modality,
    refine_by_actors, settle, OBLIGATION,
};
use crate::mentions::{GroupId, Mention, MentionIdx};
use crate::provenance::Provenance;
use crate::roles::{tree_roles, PatternMatch};
use crate::rules::RuleId;
use crate::sides::{actor_side, side};
use crate::tree::DepTree;
use crate::{CodedEvent, Modality};
use dyad_dict::words::{Word, WordIdx};
use dyad_dict::VerbClass;
use dyad_model::TokenIdx;
use dyad_syntax::Deprel;

/// The sentence as the coder reads it.
pub(crate) struct Scene<'s> {
    pub(crate) coder: &'s PatternCoder,
    pub(crate) words: &'s [Word],
    pub(crate) mentions: &'s [Mention],
    pub(crate) tree: Option<&'s DepTree<'s>>,
}

/// A source or target: a group of mentions.
type Group = Option<GroupId>;

/// One verb hit as the steps have read it so far.
pub(crate) struct Candidate<'h> {
    pub(crate) hit: VerbHit<'h>,
    /// The predicate token.
    pub(crate) v: TokenIdx,
    /// The verb's lemma ("" when the dictionary has no entry).
    pub(crate) lemma: &'h str,
    pub(crate) code: String,
    pub(crate) rule: Provenance,
    pub(crate) pattern: Option<PatternMatch>,
    /// The last word the hit (or its pattern) covers.
    pub(crate) last: WordIdx,
    /// Roles by word order and the pattern's slots.
    pub(crate) by_order: (Group, Group),
    /// The verb's own code, when the verb has a code apart from its patterns.
    pub(crate) plain_code: Option<String>,
    pub(crate) src: Group,
    pub(crate) tgt: Group,
    /// The verb's own act with its own roles, coded besides a speech frame's.
    pub(crate) plain_act: Option<(String, (Group, Group))>,
    /// The denier's rejection (source, target) of a denied act, coded besides it.
    pub(crate) rejection: Option<(Group, Group)>,
    pub(crate) negated: bool,
    pub(crate) modality: Modality,
}

/// What a step makes of a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Keep,
    /// No event (or folded into an event coded before).
    Drop,
}

type StepFn = fn(&Scene<'_>, &mut Candidate<'_>, &mut [CodedEvent]) -> Verdict;

/// A step of the candidate stage.
pub(crate) enum Step {
    /// A named rule: skipped when switched off.
    Rule(RuleId, StepFn),
    /// Always taken (what the rules read: roles, modality).
    Fixed(StepFn),
}

/// The candidate stage, in order.
pub(crate) const STEPS: &[Step] = &[
    Step::Rule(RuleId::Without, without),
    Step::Rule(RuleId::Background, background),
    Step::Rule(RuleId::SpeechOnly, speech_only),
    Step::Rule(RuleId::LightVerb, light_verb),
    Step::Rule(RuleId::VagueVerb, vague_verb),
    Step::Rule(RuleId::Orders, orders),
    Step::Fixed(roles_by_order),
    Step::Rule(RuleId::TreeRoles, roles_from_tree),
    Step::Rule(RuleId::SpeechFrame, speech_frame),
    Step::Rule(RuleId::Swear, swear),
    Step::Rule(RuleId::RefineByActors, refine),
    Step::Fixed(read_modality),
    Step::Rule(RuleId::Intent, intent),
    Step::Rule(RuleId::ArmedReadiness, armed),
    Step::Rule(RuleId::FoldContent, fold),
    Step::Rule(RuleId::Obligation, obligation),
    Step::Fixed(needs_a_side),
    Step::Rule(RuleId::Conditional, conditional),
    Step::Fixed(settle_code),
    Step::Rule(RuleId::Denial, denial),
];

/// Runs the steps over one candidate; then codes its event(s) into `events`.
pub(crate) fn run(scene: &Scene<'_>, mut c: Candidate<'_>, events: &mut Vec<CodedEvent>) {
    let rules = scene.coder.rules;
    for step in STEPS {
        let verdict = match step {
            Step::Rule(id, f) if rules.on(*id) => f(scene, &mut c, events),
            Step::Rule(..) => Verdict::Keep,
            Step::Fixed(f) => f(scene, &mut c, events),
        };
        if verdict == Verdict::Drop {
            return;
        }
    }
    emit(scene, c, events);
}

#[cfg(test)]
/// The named rules of the candidate stage, in order ([`RuleId::OnePerRoot`] last, in [`emit`]).
#[cfg(test)]
pub(crate) fn rule_order() -> impl Iterator<Item = RuleId> {
    STEPS
        .iter()
        .filter_map(|s| match s {
            Step::Rule(id, _) => Some(*id),
            Step::Fixed(_) => None,
        })
        .chain([RuleId::OnePerRoot])
}

fn word<'w>(scene: &Scene<'w>, i: WordIdx) -> Option<&'w Word> {
    i.at(scene.words)
}

/// "resigned without returning to Kyrgyzstan", "took the town without firing a shot": what is
/// done without is no event (and no refusal either).
fn without(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    let before = c.hit.start.checked_sub(1).and_then(|i| word(s, i));
    if before.is_some_and(|w| w.norm == "without") {
        Verdict::Drop
    } else {
        Verdict::Keep
    }
}

fn drop_if(cond: bool) -> Verdict {
    if cond {
        Verdict::Drop
    } else {
        Verdict::Keep
    }
}

/// "the conflict has been going on since the late 1980s": a state, not an event.
fn background(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    drop_if(s.tree.is_some_and(|t| t.is_background(c.v)))
}

/// "adding that ...", "noted that ...": a speech verb, whose content is coded itself.
fn speech_only(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    let classes = &s.coder.dicts.classes;
    drop_if(
        s.tree
            .is_some_and(|t| classes.is(VerbClass::SpeechOnly, c.lemma) && t.reports_speech(c.v)),
    )
}

/// "holds twenty seats": a light verb's own code ("hold" -> detain) needs an actor as its
/// object; with anything else it names no act.
fn light_verb(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    let classes = &s.coder.dicts.classes;
    drop_if(s.tree.is_some_and(|t| {
        c.rule.is_generic_verb()
            && classes.is(VerbClass::Light, c.lemma)
            && t.kids(c.v, Deprel::Obj)
                .next()
                .and_then(|o| t.filler(o))
                .is_none()
    }))
}

/// "will continue to increase threats", "to ensure equality": a verb so general that only its
/// patterns code an act gives no event by its own code.
fn vague_verb(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    drop_if(c.rule.is_generic_verb() && s.coder.dicts.classes.is(VerbClass::Vague, c.lemma))
}

/// "ordered the newspaper to suspend publication", "ordered Menem to appear": an order to
/// someone to act is a demand of the act, which is its content (see `fold`); an order of
/// something ("ordered an inquiry") is coded by its noun, not as the block's cooperation (nor
/// as its "head to" travel, "* to" -> 042).
fn orders(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    if !s.coder.dicts.classes.is(VerbClass::Order, c.lemma)
        || !(c.rule.is_generic_verb() || c.code.starts_with("04"))
    {
        return Verdict::Keep;
    }
    let v = c.v;
    let order_to = s.tree.is_some_and(|t| {
        let to = |x: TokenIdx| t.kids(x, Deprel::Mark).any(|m| t.lemma(m) == "to");
        (t.kids(v, Deprel::Obj).next().is_some() || t.kids(v, Deprel::Iobj).next().is_some())
            && (t.kids(v, Deprel::Xcomp).any(to)
                || t.kids(v, Deprel::Advcl).any(to)
                || t.kids(v, Deprel::Obj)
                    .any(|o| t.kids(o, Deprel::Acl).any(to)))
    });
    if order_to {
        c.code = "100".to_string();
        c.rule = Provenance::Order {
            lemma: c.lemma.to_string(),
        };
        Verdict::Keep
    } else {
        drop_if(!matches!(c.lemma, "press" | "pressure"))
    }
}

/// Source and target by word order and the pattern's slots (the reading without a parse, and
/// what the tree's roles fall back on).
fn roles_by_order(_: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    (c.src, c.tgt) = c.by_order;
    Verdict::Keep
}

/// Source and target off the dependency tree ([`tree_roles`]), word order standing in.
fn roles_from_tree(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    if let Some(t) = s.tree {
        (c.src, c.tgt) = tree_roles(t, c.v, s.words, s.mentions, c.pattern.as_ref(), c.by_order);
    }
    Verdict::Keep
}

/// A pattern whose source lies outside the predicate's clause codes another frame ("$ said +
/// *": X accuses Y by saying Y shelled): when that source is the one who speaks, its roles
/// hold as matched, and the verb's own act is coded too (see [`emit`]).
fn speech_frame(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    let (Some(t), Some(p)) = (s.tree, c.pattern.as_ref()) else {
        return Verdict::Keep;
    };
    let Some(source) = p.source else {
        return Verdict::Keep;
    };
    let v = c.v;
    let start = c.hit.start;
    let framed = crate::quotes::speech_verb(t, v).is_some_and(|sv| {
        let speaker = t.actor(sv).and_then(|a| a.at(s.mentions)).map(|a| a.group);
        source
            .at(s.mentions)
            .filter(|m| Some(m.group) == speaker && m.end <= start)
            .and_then(|m| m.start.at(s.words))
            .is_some_and(|w| !t.in_clause(v, w.token) && t.in_clause(sv, w.token))
    });
    if framed {
        let group = |m: Option<MentionIdx>| m.and_then(|m| m.at(s.mentions)).map(|m| m.group);
        (c.src, c.tgt) = (group(p.source), group(p.target));
        c.plain_act = c
            .plain_code
            .clone()
            .filter(|plain| plain.get(..2) != c.code.get(..2))
            .map(|plain| {
                (
                    plain,
                    tree_roles(t, v, s.words, s.mentions, None, c.by_order),
                )
            });
    }
    Verdict::Keep
}

/// "have sworn to fight": swearing to do something is a pledge, not an allegation.
fn swear(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    if c.lemma == "swear"
        && s.tree
            .is_some_and(|t| t.kids(c.v, Deprel::Xcomp).next().is_some())
    {
        c.code = "030".to_string();
    }
    Verdict::Keep
}

/// A code refined by who acts on whom ([`refine_by_actors`]).
fn refine(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    let group = |g: Group| g.map(|g| side(s.mentions, g)).unwrap_or_default();
    let sectors = &s.coder.dicts.sectors;
    if let Some(refined) = refine_by_actors(&c.code, c.lemma, &group(c.src), &group(c.tgt), sectors)
    {
        c.code = refined.to_string();
    }
    Verdict::Keep
}

/// Negation and modality words around the verb ([`modality`]).
fn read_modality(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    (c.negated, c.modality) = modality(s.words, c.hit.start, (c.hit.end, c.last + 1));
    Verdict::Keep
}

/// An act under a stated intention or readiness ("plans to", "is ready to") is a future act.
fn intent(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    if c.modality == Modality::Asserted && s.tree.and_then(|t| t.intent_head(c.v)).is_some() {
        c.modality = Modality::Future;
    }
    Verdict::Keep
}

/// Armed forces readying an attack take a military posture ([`armed_readiness`]).
fn armed(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    if s.tree.is_some_and(|t| {
        armed_readiness(t, c.v, s.mentions, c.src, &c.code, &s.coder.dicts.sectors)
    }) {
        c.code = "152".to_string();
        c.modality = Modality::Asserted;
    }
    Verdict::Keep
}

/// "threatened to impose ...", "urged X to cease fire": the inner act is the content of the
/// verbal act that governs it, not a second event ([`fold_content`]).
fn fold(s: &Scene<'_>, c: &mut Candidate<'_>, events: &mut [CodedEvent]) -> Verdict {
    let trigger_start = word(s, c.hit.start).map_or(0, |w| w.start);
    let after_to = c
        .hit
        .start
        .checked_sub(1)
        .and_then(|i| word(s, i))
        .is_some_and(|w| w.norm == "to");
    let outer = match s.tree {
        Some(t) => governing_act(t, c.v, events),
        // without a parse: the last verbal act just before "to"
        None if after_to => events.iter().rposition(|e| {
            is_verbal(e) && e.trigger.1 <= trigger_start && trigger_start - e.trigger.1 < 60
        }),
        None => None,
    };
    match outer.and_then(|k| events.get_mut(k)) {
        Some(outer) => {
            fold_content(outer, &c.code, s.mentions, c.tgt.or(c.src));
            Verdict::Drop
        }
        None => Verdict::Keep,
    }
}

/// "X said Y must do Z": X demands Z of Y.
fn obligation(s: &Scene<'_>, c: &mut Candidate<'_>, events: &mut [CodedEvent]) -> Verdict {
    let v = c.v;
    let window = WordIdx::slice(s.words, c.hit.start.saturating_sub(3)..c.hit.start).unwrap_or(&[]);
    let obliged = window.iter().any(|w| OBLIGATION.contains(&w.norm.as_str()))
        || s.tree.is_some_and(|t| t.obliged(v, OBLIGATION));
    if !obliged {
        return Verdict::Keep;
    }
    // the speaker: the actor of the speech verb above ("Mubarak said the US must be ready to
    // mediate") or of any verb the clause completes ("issued a stern reminder to Iraq that it
    // must cooperate"), else the last statement coded in the sentence
    let speaker = s.tree.and_then(|t| {
        crate::quotes::speech_verb(t, v)
            .or_else(|| match t.rel(v) {
                Deprel::Ccomp => t.head(v),
                // "a warning to Serbia that it must withdraw": the noun's verb
                Deprel::Acl if t.kids(v, Deprel::Mark).any(|m| t.lemma(m) == "that") => {
                    t.head(v).and_then(|n| t.head(n))
                }
                _ => None,
            })
            .and_then(|sv| t.actor(sv))
            .and_then(|m| m.at(s.mentions))
            .map(|m| m.group)
    });
    let reporter = events
        .iter()
        .rev()
        .find(|e| e.cameo.starts_with("01") && !e.source.is_empty())
        .and_then(|r| r.source.first().map(|m| m.group));
    match speaker.or(reporter) {
        Some(demander) => {
            c.tgt = c.src.filter(|g| *g != demander);
            c.src = Some(demander);
            c.code = demand_code(&c.code).to_string();
            c.modality = Modality::Asserted;
        }
        None => c.modality = Modality::Hypothetical,
    }
    Verdict::Keep
}

/// An act with neither source nor target is no event.
fn needs_a_side(_: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    drop_if(c.src.is_none() && c.tgt.is_none())
}

/// "will withdraw its force unless ...": a conditional act is a threat (CAMEO 13).
fn conditional(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    if c.modality == Modality::Future && s.tree.is_some_and(|t| t.conditioned(c.v)) {
        c.code = match intent_code(&c.code) {
            Some(code) if code.starts_with("13") => code.to_string(),
            _ if c.code.starts_with("13") => std::mem::take(&mut c.code),
            _ => "130".to_string(),
        };
        c.modality = Modality::Asserted;
    }
    Verdict::Keep
}

/// What negation and modality make of the code ([`settle`]: a refused act, a pledge).
fn settle_code(_: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    settle(&mut c.code, &mut c.negated, &mut c.modality);
    Verdict::Keep
}

/// "Rwanda denied supplying weapons to the rebels": the act is denied, not asserted (modality
/// `denied`), and the denial is the denier's rejection of the allegation (PLOVER REJECT; guide
/// L5), aimed at the one the act would have wronged (usually who alleged it), coded besides
/// it ([`emit`]). The denier is the actor of the denying verb, else the act's own.
fn denial(s: &Scene<'_>, c: &mut Candidate<'_>, _: &mut [CodedEvent]) -> Verdict {
    let Some(t) = s.tree else {
        return Verdict::Keep;
    };
    let Some(deny) = t.denying_verb(c.v) else {
        return Verdict::Keep;
    };
    c.negated = true;
    c.modality = Modality::Denied;
    let denier = t
        .actor(deny)
        .and_then(|m| m.at(s.mentions))
        .map(|m| m.group)
        .or(c.src);
    let wronged = c.tgt.or(c.src).filter(|g| Some(*g) != denier);
    c.rejection = denier.map(|d| (Some(d), wronged));
    Verdict::Keep
}

/// The candidate's event (unless the sentence has one of the same root, source and target
/// already: [`RuleId::OnePerRoot`]), the verb's own act a speech frame carries, and the
/// rejection a denial is.
fn emit(s: &Scene<'_>, c: Candidate<'_>, events: &mut Vec<CodedEvent>) {
    let (Some(first), Some(last_word)) = (word(s, c.hit.start), word(s, c.hit.end - 1)) else {
        return;
    };
    let score = c.pattern.as_ref().map_or(0, |p| p.score);
    let confidence =
        (0.4 + 0.05 * score as f32 + if c.src.is_some() { 0.1 } else { 0.0 }).min(0.95);
    let ev = CodedEvent {
        source: c.src.map(|g| actor_side(s.mentions, g)).unwrap_or_default(),
        target: c.tgt.map(|g| side(s.mentions, g)).unwrap_or_default(),
        cameo: c.code,
        trigger: (first.start, last_word.end),
        predicate: Some(c.v),
        provenance: c.rule,
        negated: c.negated,
        modality: c.modality,
        confidence,
        quote: None,
        date: None,
        location: None,
    };
    let repeats = |e: &CodedEvent| {
        e.cameo.get(..2) == ev.cameo.get(..2) && e.source == ev.source && e.target == ev.target
    };
    let plain = c
        .plain_act
        .filter(|(_, (src, tgt))| src.is_some() || tgt.is_some());
    let plain = plain.map(|(code, (src, tgt))| CodedEvent {
        source: src.map(|g| actor_side(s.mentions, g)).unwrap_or_default(),
        target: tgt.map(|g| side(s.mentions, g)).unwrap_or_default(),
        cameo: code,
        provenance: Provenance::PlainVerb {
            lemma: c.lemma.to_string(),
        },
        confidence: ev.confidence - 0.1,
        ..ev.clone()
    });
    let rejection = c.rejection.map(|(src, tgt)| CodedEvent {
        source: src.map(|g| actor_side(s.mentions, g)).unwrap_or_default(),
        target: tgt.map(|g| side(s.mentions, g)).unwrap_or_default(),
        cameo: "120".to_string(),
        negated: false,
        modality: Modality::Asserted,
        ..ev.clone()
    });
    if !s.coder.rules.on(RuleId::OnePerRoot) || !events.iter().any(repeats) {
        events.push(ev);
    }
    events.extend(plain);
    events.extend(rejection);
}
