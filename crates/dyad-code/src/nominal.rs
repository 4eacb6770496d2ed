//! Nominal events: acts named by a noun ("held talks with", "lifted the curfew", "called for a
//! ceasefire", "protests erupted") from the event-noun table ([`dyad_dict::EventNouns`]).
//!
//! A noun event needs a frame that says it happened: the object of a support verb ("launched
//! an offensive"), of an undoing verb ("lifted the curfew": the undo code), of an asking verb
//! ("called for a ceasefire": a request for it), or the subject of a verb of occurring
//! ("protests erupted"). A noun alone ("the talks were useful") is not an event. When the verb
//! was already coded from its own dictionary entry without a pattern, the noun's reading
//! replaces that generic code ("issued a warning" is a threat, not a grant).

use crate::acts::{armed_readiness, demand_code, fold_content, governing_act, modality, settle};
use crate::mentions::{Mention, MentionIdx};
use crate::provenance::Provenance;
use crate::sides::{actor_side, parenthesized, side};
use crate::tree::DepTree;
use crate::{CodedEvent, Modality, SentenceInput};
use dyad_dict::words::WordIdx;
use dyad_dict::{Dictionaries, NounEvent, VerbClass};
use dyad_model::TokenIdx;
use dyad_syntax::{Deprel, Upos};

/// What rejecting a proposal, request or offer is coded as (CAMEO 12), by what is rejected.
fn rejection_code(code: &str) -> &'static str {
    match code.get(..3).unwrap_or("") {
        "040" | "041" | "042" | "043" | "044" | "046" => "125",
        "045" => "126",
        "057" | "036" | "035" => "127",
        "070" | "071" | "072" | "073" | "075" => "122",
        _ => "120",
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Frame {
    Reject,
    Support,
    Undo,
    Ask,
    Happen,
}

/// The entry of the noun phrase headed by token `n`: its compound and adjective modifiers and
/// the head ("hunger strike"), or head + "of" + noun ("state of emergency").
fn noun_entry<'d>(
    dicts: &'d Dictionaries,
    tree: &DepTree<'_>,
    n: TokenIdx,
) -> Option<&'d NounEvent> {
    if let Some(of) = tree
        .kids(n, Deprel::Nmod)
        .find(|&m| tree.case_of(m) == Some("of"))
    {
        let phrase = format!("{} of {}", tree.lemma(n), tree.lemma(of)).to_lowercase();
        if let Some(e) = dicts.nouns.get(&phrase) {
            return Some(e);
        }
    }
    let mut first = n;
    while first.get() > 0 {
        let m = first - 1;
        if tree.head(m) == Some(n) && matches!(tree.rel(m), Deprel::Compound | Deprel::Amod) {
            first = m;
        } else {
            break;
        }
    }
    let lemmas: Vec<&str> = TokenIdx::range(first, n.next())
        .map(|i| tree.lemma(i))
        .collect();
    dicts.nouns.longest(&lemmas).map(|(_, e)| e)
}

/// The noun's own actor ("Israel's invasion", "Armenian protests", "attacks by rebels") and
/// recipient ("sanctions against Iran", "the invasion of Ukraine", "withdrawal from Lebanon").
fn noun_roles(
    tree: &DepTree<'_>,
    n: TokenIdx,
    code: &str,
) -> (Option<MentionIdx>, Option<MentionIdx>) {
    let mut actor = tree.mention_at(n);
    let mut recipient = None;
    // "withdrawal of troops", "protests of workers": `of` names who acts
    // ... but "in protest of the arrest" names what is protested
    let in_protest = tree.case_of(n) == Some("in");
    let of_is_actor = code.starts_with("087") || (code.starts_with("14") && !in_protest);
    // "talks on a pullback", "an agreement on trade": for meetings and agreements only "with"
    // names a partner; the other prepositions name the topic
    let topical = code.starts_with("04") || code.starts_with("05");
    for &c in tree.children(n) {
        // "declared a ceasefire on Wednesday in south Lebanon": a date, and where it was
        if dyad_time::is_calendar_word(tree.lemma(c)) {
            continue;
        }
        let case = tree.case_of(c);
        let acts = match tree.rel(c) {
            Deprel::Amod | Deprel::NmodPoss | Deprel::Compound => true,
            Deprel::Nmod if topical && !matches!(case, Some("with" | "between" | "by")) => continue,
            Deprel::Nmod => case == Some("by") || (case == Some("of") && of_is_actor),
            _ => continue,
        };
        let Some(m) = tree.filler(c) else { continue };
        if acts {
            actor = actor.or(Some(m));
        } else {
            recipient = recipient.or(Some(m));
        }
    }
    (actor, recipient)
}

/// Verbs that name or characterize something ("calling it an act of aggression").
const NAMING: &[&str] = &[
    "call",
    "describe",
    "label",
    "brand",
    "term",
    "characterize",
    "characterise",
    "dub",
    "denounce",
    "condemn",
    "qualify",
];

/// The naming verb a noun is the characterization under ("calling X an act of aggression",
/// "described the attack as genocide"), within three heads.
fn naming_verb(tree: &DepTree<'_>, n: TokenIdx) -> Option<TokenIdx> {
    let mut t = n;
    for _ in 0..4 {
        t = tree.head(t)?;
        if tree.upos(t) == Some(Upos::VERB) && NAMING.contains(&tree.lemma(t)) {
            return Some(t);
        }
    }
    None
}

/// The verb that governs a noun event: its head, or, for a free relative that names it ("what
/// it described as X", "what it called X"), the verb that governs the relative.
fn governing_verb(tree: &DepTree<'_>, n: TokenIdx) -> Option<TokenIdx> {
    let g = tree.head(n)?;
    // "claimed responsibility for the attack", "denied responsibility for the bombing": the
    // verb of the responsibility governs the act (the "for" phrase hung on the noun or on
    // the verb)
    let responsibility = |x: TokenIdx| tree.lemma(x).eq_ignore_ascii_case("responsibility");
    if tree.case_of(n) == Some("for") {
        if responsibility(g) && tree.rel(g) == Deprel::Obj {
            return tree.head(g);
        }
        if tree.rel(n) == Deprel::Obl && tree.kids(g, Deprel::Obj).any(responsibility) {
            return Some(g);
        }
    }
    if NAMING.contains(&tree.lemma(g)) && tree.case_of(n).is_some_and(|c| c == "as")
        || tree.rel(n) == Deprel::Xcomp
    {
        let relative = tree.head(g).filter(|_| tree.rel(g) == Deprel::AclRelcl)?;
        if matches!(tree.lemma(relative), "what" | "which") && tree.rel(relative) == Deprel::Obj {
            return tree.head(relative);
        }
    }
    Some(g)
}

/// Adds the nominal events of a parsed sentence to `events`.
pub(crate) fn code_nominal_events(
    dicts: &Dictionaries,
    tree: &DepTree<'_>,
    input: &SentenceInput<'_>,
    mentions: &[Mention],
    events: &mut Vec<CodedEvent>,
) {
    let group = |m: MentionIdx| m.at(mentions).map(|x| x.group);
    let aside = parenthesized(input.words);
    let in_aside = |t: TokenIdx| {
        input
            .words
            .iter()
            .zip(&aside)
            .any(|(w, &a)| a && w.token == t)
    };
    for n in TokenIdx::indices(input.tokens) {
        if tree.upos(n) != Some(Upos::NOUN) || in_aside(n) {
            continue;
        }
        let Some(entry) = noun_entry(dicts, tree, n) else {
            continue;
        };
        // an accusation noun names what its speaker calls something ("calling what was
        // happening an act of aggression"): only a naming verb above it makes it an event,
        // or a verb that rejects it ("denied the allegations"), read as any rejection below
        let rejected = tree.rel(n) == Deprel::Obj
            && tree.head(n).is_some_and(|g| {
                dicts
                    .classes
                    .is(VerbClass::Reject, &tree.lemma(g).to_lowercase())
            });
        if entry.code.starts_with("11") && !rejected {
            let Some(namer) = naming_verb(tree, n) else {
                continue;
            };
            // the naming verb's own generic reading ("call" -> telephone) gives way
            let replaces = events.iter().position(|e| e.predicate == Some(namer));
            if replaces.is_some_and(|k| {
                events
                    .get(k)
                    .is_some_and(|e| !e.provenance.is_generic_verb())
            }) {
                continue;
            }
            let src = tree.actor(namer).and_then(group);
            let tgt = noun_roles(tree, n, &entry.code)
                .1
                .and_then(group)
                .filter(|t| Some(*t) != src);
            if src.is_none() {
                continue;
            }
            let source = actor_side(mentions, src.unwrap_or_default());
            let target = match tgt {
                Some(t) => side(mentions, t),
                None => crate::conflicts::other_party(input.context, input.index, &source),
            };
            let (Some(a), Some(b)) = (namer.at(input.tokens), n.at(input.tokens)) else {
                continue;
            };
            let ev = CodedEvent {
                source,
                target,
                cameo: entry.code.clone(),
                trigger: (a.start.min(b.start), a.end.max(b.end)),
                predicate: Some(namer),
                provenance: Provenance::Noun {
                    verb: tree.lemma(namer).to_string(),
                    noun: tree.lemma(n).to_lowercase(),
                },
                negated: false,
                modality: crate::Modality::Asserted,
                confidence: 0.55,
                quote: None,
                date: None,
                location: None,
            };
            match replaces.and_then(|k| events.get_mut(k)) {
                Some(e) => *e = ev,
                None => events.push(ev),
            }
            continue;
        }
        let Some(g) = governing_verb(tree, n) else {
            continue;
        };
        let verb = tree.lemma(g).to_lowercase();
        let for_responsibility = tree.case_of(n) == Some("for")
            && tree
                .kids(g, Deprel::Obj)
                .any(|o| tree.lemma(o).eq_ignore_ascii_case("responsibility"));
        let rel = if Some(g) == tree.head(n) && !for_responsibility {
            tree.rel(n)
        } else {
            // "launching what it described as local anti-terrorist measures"
            Deprel::Obj
        };
        let frame = match rel {
            Deprel::Obj if dicts.classes.is(VerbClass::Reject, &verb) => Frame::Reject,
            Deprel::Obj if dicts.nouns.is_undoing(&verb) => Frame::Undo,
            Deprel::Obj if dicts.classes.is(VerbClass::Ask, &verb) => Frame::Ask,
            // "called for a ceasefire", "insisted on its demands"
            Deprel::Obl
                if dicts.classes.is(VerbClass::Ask, &verb)
                    && matches!(tree.case_of(n), Some("for" | "on")) =>
            {
                Frame::Ask
            }
            Deprel::Obj if dicts.nouns.is_support(&verb) => Frame::Support,
            // "went on strike", "rallied in protest"
            Deprel::Obl
                if entry.code.starts_with("14") && matches!(tree.case_of(n), Some("on" | "in")) =>
            {
                Frame::Support
            }
            Deprel::Nsubj if dicts.classes.is(VerbClass::Happen, &verb) => Frame::Happen,
            _ => continue,
        };
        let mut code = match frame {
            Frame::Undo => match &entry.undo {
                Some(u) => u.clone(),
                None => continue,
            },
            Frame::Ask => demand_code(&entry.code).to_string(),
            Frame::Reject => rejection_code(&entry.code).to_string(),
            _ => entry.code.clone(),
        };
        let (own_actor, own_recipient) = noun_roles(tree, n, &entry.code);
        // "ordered patrols by police": a "by" phrase right after the noun is its actor's, even
        // where the parser hung it on the verb
        let own_actor = own_actor.or_else(|| {
            tree.kids(g, Deprel::Obl)
                .find(|&o| {
                    tree.case_of(o) == Some("by") && tree.kids(o, Deprel::Case).any(|c| c == n + 1)
                })
                .and_then(|o| tree.filler(o))
        });
        let src = match frame {
            Frame::Happen => own_actor,
            _ => tree.actor(g).or(own_actor),
        }
        .and_then(group);
        let tgt = match frame {
            Frame::Ask => own_recipient
                .or(own_actor)
                .or_else(|| tree.recipient(g, Some("against"))),
            _ => own_recipient.or_else(|| tree.recipient(g, Some("against"))),
        }
        .and_then(group)
        .filter(|t| Some(*t) != src)
        // "ordered patrols by police": who does the noun's act is not the verb's recipient
        .filter(|t| {
            matches!(frame, Frame::Happen | Frame::Reject) || own_actor.and_then(group) != Some(*t)
        });
        if src.is_none() && tgt.is_none() {
            continue;
        }
        let (a, b) = (g.min(n), g.max(n));
        let trigger = match (a.at(input.tokens), b.at(input.tokens)) {
            (Some(x), Some(y)) => (x.start, y.end),
            _ => continue,
        };
        let rule = Provenance::Noun {
            verb: verb.to_string(),
            noun: tree.lemma(n).to_lowercase(),
        };

        // the verb was coded from its own entry ("issued" -> grant): the noun says what it did
        if let Some(e) = events.iter_mut().find(|e| e.predicate == Some(g)) {
            // a support verb's own patterns ("hold" -> detain) do not apply to an event noun
            // a demand already made of the act ("must reach an agreement") stays a demand
            // ... nor does a statement code ("denied the allegations" -> 016), which has no
            // PLOVER event: the noun says what was rejected
            let generic = (e.provenance.is_generic_verb()
                || frame == Frame::Support
                || e.cameo.starts_with("01"))
                && !e.cameo.starts_with("10");
            if generic || frame == Frame::Ask && !e.cameo.starts_with("10") {
                // the noun's act takes the verb's modality ("will give a grant" is a pledge)
                if let Some(w) = input
                    .words
                    .iter()
                    .position(|w| w.token == g)
                    .map(WordIdx::new)
                {
                    let (mut negated, mut modality) = modality(input.words, w, (w + 1, w + 1));
                    settle(&mut code, &mut negated, &mut modality);
                    if armed_readiness(tree, g, mentions, src, &code, &dicts.sectors) {
                        code = "152".to_string();
                        modality = Modality::Asserted;
                    }
                    e.negated = negated;
                    e.modality = modality;
                }
                e.cameo = code;
                e.provenance = rule;
                e.trigger = (e.trigger.0.min(trigger.0), e.trigger.1.max(trigger.1));
                // the verb's object was the noun: who does the noun's act is not its recipient
                let performs = !matches!(frame, Frame::Happen | Frame::Reject);
                if let Some(performer) = own_actor.and_then(group).filter(|_| performs) {
                    if e.target.iter().any(|m| m.group == performer) {
                        e.target.clear();
                    }
                }
                if let Some(t) = tgt.filter(|_| e.target.is_empty()) {
                    e.target = side(mentions, t);
                }
            }
            continue;
        }
        // "threatened to launch an offensive": the content of a verbal act
        if let Some(e) = governing_act(tree, g, events).and_then(|k| events.get_mut(k)) {
            fold_content(e, &code, mentions, tgt.or(src));
            continue;
        }
        let Some(w) = input
            .words
            .iter()
            .position(|w| w.token == g)
            .map(WordIdx::new)
        else {
            continue;
        };
        let (mut negated, mut modality) = modality(input.words, w, (w + 1, w + 1));
        settle(&mut code, &mut negated, &mut modality);
        if armed_readiness(tree, g, mentions, src, &code, &dicts.sectors) {
            code = "152".to_string();
            modality = Modality::Asserted;
        }
        let ev = CodedEvent {
            source: src.map(|s| actor_side(mentions, s)).unwrap_or_default(),
            target: tgt.map(|t| side(mentions, t)).unwrap_or_default(),
            cameo: code,
            trigger,
            predicate: Some(g),
            provenance: rule,
            negated,
            modality,
            confidence: if src.is_some() { 0.6 } else { 0.45 },
            quote: None,
            date: None,
            location: None,
        };
        if !events.iter().any(|e| {
            e.cameo.get(..2) == ev.cameo.get(..2) && e.source == ev.source && e.target == ev.target
        }) {
            events.push(ev);
        }
    }
}
