//! The sentence stage: named rules over all of a sentence's events once every verb hit has
//! been through the candidate stage ([`super::candidate`]), in the order of [`STEPS`].

use super::candidate::Scene;
use crate::acts::{protest_targets, reciprocal_meetings};
use crate::conflicts::{conflict_recipients, other_party};
use crate::rules::RuleId;
use crate::{CodedEvent, SentenceInput};

/// A step may add events (event nouns), so every step takes the vector.
type StepFn = fn(&Scene<'_>, &SentenceInput<'_>, &mut Vec<CodedEvent>);

/// The sentence stage, in order; each step is a named rule.
pub(crate) const STEPS: &[(RuleId, StepFn)] = &[
    (RuleId::EventNouns, event_nouns),
    (RuleId::ConflictRecipients, conflict_parties),
    (RuleId::PartyCallsIntent, party_calls),
    (RuleId::ForceOnTheOtherSide, force_on_the_other_side),
    (RuleId::ProtestTargets, |_, _, events| {
        protest_targets(events)
    }),
    (RuleId::Reciprocal, |_, _, events| {
        reciprocal_meetings(events)
    }),
];

/// Runs the rules that are on over the sentence's events.
pub(crate) fn run(scene: &Scene<'_>, input: &SentenceInput<'_>, events: &mut Vec<CodedEvent>) {
    for (id, step) in STEPS {
        if scene.coder.rules.on(*id) {
            step(scene, input, events);
        }
    }
}

/// "held talks", "lifted the curfew", "denied the allegations": event nouns under support,
/// undoing, asking and rejecting verbs ([`crate::nominal`]).
fn event_nouns(s: &Scene<'_>, input: &SentenceInput<'_>, events: &mut Vec<CodedEvent>) {
    if let Some(t) = s.tree {
        crate::nominal::code_nominal_events(s.coder.dicts, t, input, s.mentions, events);
    }
}

/// A call for a ceasefire ("1056", "0256", "1053", "0253").
fn is_yield_request(e: &CodedEvent) -> bool {
    matches!(e.cameo.as_str(), "1056" | "0256" | "1053" | "0253")
}

/// A request about a conflict, with no recipient named, goes to the conflict's parties (or
/// only one party of a conflict the sentence names: "in the Russia-Ukraine war").
#[allow(clippy::ptr_arg)] // the shape of a step (`StepFn`)
fn conflict_parties(_: &Scene<'_>, input: &SentenceInput<'_>, events: &mut Vec<CodedEvent>) {
    for ev in events.iter_mut() {
        if !matches!(ev.cameo.get(..2), Some("10" | "02")) {
            continue;
        }
        let mut parties = conflict_recipients(input.index, input.words, input.context);
        // a call for a ceasefire is addressed to the parties of the document's conflict
        if parties.is_empty() && is_yield_request(ev) && ev.target.is_empty() {
            if let Some(c) = input.context.conflict_for(input.index) {
                parties = c.parties_elsewhere("party to the conflict", |_| false);
            }
        }
        let one_party = match ev.target.as_slice() {
            [t] => parties
                .iter()
                .any(|p| p.start == t.start && p.code == t.code),
            _ => false,
        };
        let own = |p: &crate::Mention| ev.source.iter().any(|s| s.country == p.country);
        if (ev.target.is_empty() || one_party) && !parties.iter().any(own) {
            ev.target = parties;
        }
    }
}

/// A party to a conflict calling for its end expresses its own intent (PLOVER manual,
/// REQUEST: "coded as AGREE"); a third party's call stays a request, and so does a demand on
/// the other side ("demanded the withdrawal of Armenian troops").
#[allow(clippy::ptr_arg)] // the shape of a step (`StepFn`)
fn party_calls(_: &Scene<'_>, input: &SentenceInput<'_>, events: &mut Vec<CodedEvent>) {
    let Some(conflict) = input.context.conflict_for(input.index) else {
        return;
    };
    for ev in events.iter_mut().filter(|e| is_yield_request(e)) {
        let party = conflict.parties.iter().any(|p| {
            ev.source
                .iter()
                .any(|s| s.country.is_some() && s.country == p.country)
        });
        let on_adversary = !ev.target.is_empty()
            && !ev
                .target
                .iter()
                .any(|t| ev.source.iter().any(|s| s.country == t.country));
        if party && !on_adversary {
            ev.cameo = "0356".to_string();
            ev.target
                .retain(|t| !ev.source.iter().any(|s| s.country == t.country));
        }
    }
}

/// "Baku announced it was launching local anti-terrorist measures": force used by a party to
/// the document's two-sided conflict, with no target named, is used on the other party.
#[allow(clippy::ptr_arg)] // the shape of a step (`StepFn`)
fn force_on_the_other_side(_: &Scene<'_>, input: &SentenceInput<'_>, events: &mut Vec<CodedEvent>) {
    for ev in events.iter_mut() {
        if ev.target.is_empty() && matches!(ev.cameo.get(..2), Some("18" | "19" | "20")) {
            ev.target = other_party(input.context, input.index, &ev.source);
        }
    }
}
