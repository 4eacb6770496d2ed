//! From a [`CodedEvent`] to the contract's [`EventRecord`].

use crate::mentions::Mention;
use crate::rules::{RuleId, Rules};
use crate::{CodedEvent, SentenceInput};
use dyad_dict::words::Word;
use dyad_dict::{Dictionaries, SectorSet, VerbClass};
use dyad_model::{ActorRef, CharIndex, EventRecord, Plover, Trigger};

/// 64-bit FNV-1a, hex: a stable id that does not depend on the Rust version or platform.
pub fn stable_hash(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A mention as the contract's `ActorRef`, with its span in `text` (the sentence `words` come
/// from). A mention without words (an actor named in another sentence, such as the other party
/// to a conflict) has empty text and span.
pub fn actor_ref(m: &Mention, words: &[Word], text: &str, idx: &CharIndex) -> ActorRef {
    let (start, end) = if m.end > m.start {
        let start = m.start.at(words).map_or(0, |w| w.start);
        (start, (m.end - 1).at(words).map_or(start, |w| w.end))
    } else {
        (0, 0)
    };
    ActorRef {
        text: text.get(start..end).unwrap_or("").to_string(),
        code: m.code.clone(),
        country: m.country.clone(),
        sector: m.sector.clone(),
        span: idx.char_span(start, end),
        backer: m.backer.clone(),
    }
}

/// Verb blocks of movement and thought, whose default code is CAMEO's generic consultation.
const MOVEMENT_AND_THOUGHT: &[&str] = &["ARRIVE", "GO_SOMEWHERE", "CONSIDER", "HEAR"];

/// Verb blocks of movement ("arrived", "travelled", "visited", "returned to"): their
/// consultation is a visit.
const MOVEMENT: &[&str] = &["ARRIVE", "GO_SOMEWHERE", "VISIT", "RETURN"];

/// A confidence to three decimals: more would claim a precision the estimate does not have.
pub(crate) fn rounded(confidence: f32) -> f32 {
    (confidence * 1000.0).round() / 1000.0
}

/// PLOVER types whose definition requires a recipient (PLOVER manual, "Requires recipient: Yes").
const NEEDS_RECIPIENT: &[&str] = &["COOPERATE", "AID", "SANCTION"];

/// Builds the record; `None` when the CAMEO code has no PLOVER event (statements), or the
/// event type needs a recipient and none was found.
pub fn build(
    input: &SentenceInput<'_>,
    ev: &CodedEvent,
    dicts: &Dictionaries,
    rules: Rules,
) -> Option<EventRecord> {
    let (ontology, classes) = (&dicts.ontology, &dicts.classes);
    let info = ontology.lookup(&ev.cameo)?;
    let event = info.event.clone()?;
    let idx = CharIndex::new(&input.sentence.text);
    // an actor with a sector is not its own recipient ("U.S. Central Command ... oversees U.S.
    // military operations": USAMIL -> USAMIL); a country may be ("Iraqi militants killed Iraqis")
    let reflexive = |m: &&Mention| m.code.len() > 3 && ev.source.iter().any(|s| s.code == m.code);
    let source: Vec<ActorRef> = ev
        .source
        .iter()
        .map(|m| actor_ref(m, input.words, &input.sentence.text, &idx))
        .collect();
    // "Jordan and Britain agreed ...": when several countries act together, one of them (or
    // its government or army) is no recipient of their joint act
    let mut parties: Vec<&str> = ev
        .source
        .iter()
        .filter_map(|m| m.country.as_deref())
        .collect();
    parties.sort_unstable();
    parties.dedup();
    let one_of_the_parties = |m: &&Mention| {
        parties.len() >= 2 && m.country.as_deref().is_some_and(|c| parties.contains(&c))
    };
    let target: Vec<ActorRef> = ev
        .target
        .iter()
        .filter(|m| !reflexive(m) && !one_of_the_parties(m))
        .map(|m| actor_ref(m, input.words, &input.sentence.text, &idx))
        .collect();
    if rules.on(RuleId::NeedsRecipient)
        && target.is_empty()
        && NEEDS_RECIPIENT.contains(&event.as_str())
    {
        return None;
    }
    // Every PLOVER event has an actor (manual, "actor and recipient"; CODING-CONVENTIONS "the
    // actor must be recoverable"): a row without one says what happened but not who did it.
    if rules.on(RuleId::NeedsActor) && source.is_empty() {
        return None;
    }
    // a verb of movement or thought consults no one by itself: one party that arrived,
    // travelled or thought, with no host or counterpart, is no consultation ("refugees
    // arrived", "officials thought"); meetings with one party named stand
    // ... nor do several who arrive together ("reinforcements arrived from Canada, New
    // Zealand and the United States")
    let block = ev.provenance.block();
    let movement = block.is_some_and(|b| MOVEMENT.contains(&b));
    if rules.on(RuleId::ConsultCounterpart)
        && event == "CONSULT"
        && target.is_empty()
        && (movement
            || source.len() < 2
                && (block.is_some_and(|b| MOVEMENT_AND_THOUGHT.contains(&b))
                    || ev
                        .provenance
                        .lemma()
                        .is_some_and(|l| classes.is(VerbClass::Solitary, l))))
    {
        return None;
    }
    // people who travel on their own business (tourists, migrants, doctors) visit no one: a
    // visit is a state's or an organisation's
    let private = |m: &Mention| {
        m.sector
            .as_deref()
            .is_some_and(|s| dicts.sectors.contains(SectorSet::Private, s))
    };
    if rules.on(RuleId::PrivateTravel)
        && event == "CONSULT"
        && movement
        && !ev.source.is_empty()
        && ev.source.iter().all(private)
    {
        return None;
    }
    let trigger_text = input
        .sentence
        .text
        .get(ev.trigger.0..ev.trigger.1)
        .unwrap_or("")
        .to_string();
    let codes: Vec<&str> = source
        .iter()
        .chain(&target)
        .map(|a| a.code.as_str())
        .collect();
    let sentence_index = input.section_start + input.index;
    let index = sentence_index.to_string();
    let tstart = ev.trigger.0.to_string();
    let mut parts = vec![
        input.doc.id.as_str(),
        index.as_str(),
        tstart.as_str(),
        trigger_text.as_str(),
        ev.cameo.as_str(),
    ];
    parts.extend(codes);
    Some(EventRecord {
        event_id: stable_hash(&parts),
        doc_id: input.doc.id.clone(),
        sentence_index,
        sentence: input.sentence.text.clone(),
        date: ev
            .date
            .as_ref()
            .map(|d| d.date)
            .or(input.doc.date)
            .map(|d| d.format("%Y-%m-%d").to_string()),
        date_precision: match &ev.date {
            Some(d) => Some(d.precision.to_string()),
            None => input.doc.date.map(|_| "day".to_string()),
        },
        date_text: ev
            .date
            .as_ref()
            .and_then(|d| input.sentence.text.get(d.span.0..d.span.1))
            .map(str::to_string),
        source,
        target,
        plover: Plover {
            event,
            mode: info.mode.clone(),
            context: info.context.clone(),
        },
        cameo: ev.cameo.clone(),
        quad_class: info.quad_class,
        goldstein: info.goldstein,
        negated: ev.negated,
        modality: ev.modality.as_str().to_string(),
        quote: ev.quote.clone().map(|mut q| {
            // Quotes are found per section; the record counts sentences from the document start.
            q.speaker_sentence = q.speaker_sentence.map(|s| s + input.section_start);
            q
        }),
        location: ev.location.clone(),
        trigger: Trigger {
            text: trigger_text,
            span: idx.char_span(ev.trigger.0, ev.trigger.1),
        },
        rule: ev.provenance.to_string(),
        confidence: rounded(ev.confidence),
    })
}
