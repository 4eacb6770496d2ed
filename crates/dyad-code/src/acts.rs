//! What an act's frame makes of its code: negation, intent, obligation and modality words
//! ([`modality`], [`settle`]); demands and refusals of an act ([`demand_code`]); who does it
//! ("a human rights group protested" is a verbal protest, [`refine_by_actors`]); armed forces
//! readying an attack ([`armed_readiness`]); and, over a sentence's events, protests aimed where
//! their demand is and meetings that are mutual.

use crate::mentions::{GroupId, Mention};
use crate::sides::{fill_target, is_boundary, side};
use crate::tree::DepTree;
use crate::{CodedEvent, Modality};
use dyad_dict::words::{Word, WordIdx};
use dyad_dict::{SectorSet, SectorSets};
use dyad_model::TokenIdx;

/// Codes that depend on who acts on whom:
/// - expelling a state's representatives reduces relations with that state (PLOVER SANCTION
///   `expel`), unlike deporting people (COERCE);
/// - people blocking roads obstruct in protest (PROTEST `obstruct`), where a state's forces
///   impose a blockade (COERCE);
/// - people who "protest" demonstrate (PROTEST), where a government protests verbally (ACCUSE).
pub(crate) fn refine_by_actors(
    code: &str,
    lemma: &str,
    source: &[Mention],
    target: &[Mention],
    sectors: &SectorSets,
) -> Option<&'static str> {
    let all = |side: &[Mention], set: SectorSet| {
        !side.is_empty()
            && side.iter().all(|m| {
                m.sector
                    .as_deref()
                    .is_some_and(|s| sectors.contains(set, s))
            })
    };
    let non_state = !source.is_empty()
        && source.iter().all(|m| {
            m.sector
                .as_deref()
                .is_some_and(|s| !sectors.contains(SectorSet::StateForce, s))
        });
    if code.starts_with("174") && target_is_government(target) {
        return Some("166");
    }
    if code.starts_with("191") && non_state {
        return Some("144");
    }
    // people, not organisations: "a human rights group protested" is a verbal protest
    if lemma == "protest" && code.starts_with("11") && all(source, SectorSet::People) {
        return Some("141");
    }
    // armed men who surrender retreat militarily (CAMEO 0874, PLOVER RETREAT)
    if lemma == "surrender" && code.starts_with("08") && all(source, SectorSet::Armed) {
        return Some("0874");
    }
    // evacuating civilians or the wounded is humanitarian aid (PLOVER AID)
    if lemma == "evacuate" && all(target, SectorSet::Vulnerable) {
        return Some("073");
    }
    // "thousands of Nigerians rallied", "students marched": a demonstration
    if matches!(lemma, "rally" | "march" | "demonstrate") && all(source, SectorSet::People) {
        return Some("141");
    }
    None
}

/// A side of government representatives only (expelling them reduces relations).
fn target_is_government(side: &[Mention]) -> bool {
    !side.is_empty() && side.iter().all(|m| m.sector.as_deref() == Some("GOV"))
}

/// Words of readiness ("prepared to", "ready to"): what armed forces are ready to do by force
/// is a military posture.
const READINESS: &[&str] = &["ready", "prepared", "prepare"];

/// "The army prepared to resume shelling", "troops are ready to launch an offensive": armed
/// forces readying an attack raise their alert (CAMEO 152, PLOVER MOBILIZE), a posture taken
/// now rather than a threat.
pub(crate) fn armed_readiness(
    tree: &DepTree<'_>,
    v: TokenIdx,
    mentions: &[Mention],
    source: Option<GroupId>,
    code: &str,
    sectors: &SectorSets,
) -> bool {
    let readying = tree
        .intent_head(v)
        .is_some_and(|h| READINESS.contains(&tree.lemma(h)));
    let armed = source.is_some_and(|g| {
        side(mentions, g).iter().any(|m| {
            m.sector
                .as_deref()
                .is_some_and(|s| sectors.contains(SectorSet::Armed, s))
        })
    });
    let force = matches!(code.get(..2), Some("18" | "19" | "20")) || code.starts_with("138");
    readying && armed && force
}

/// What a pledge or stated intention to do an act is coded as (PETRARCH's "will" combination):
/// cooperative acts become CAMEO 03 (express intent), coercive ones CAMEO 13 (threaten).
pub(crate) fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "036",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        // a pledge to yield is an intent (AGREE), as the PLOVER gold standard codes "will
        // allow", "is willing to withdraw" (the manual would keep some as CONCEDE)
        "08" => "035",
        "14" => "133",
        "15" | "18" | "19" | "20" => "138",
        "16" => "131",
        "17" => "130",
        _ => return None,
    })
}

const NEGATIONS: &[&str] = &["not", "n't", "never", "no"];

const FUTURE: &[&str] = &[
    "will", "would", "shall", "'ll", "'d", "going", "plans", "plan", "planned", "intends",
    "intend", "vowed", "pledged", "promised", "wo", "willing", "ready", "prepared",
];

const HYPOTHETICAL: &[&str] = &["could", "might", "may", "if", "unless", "should"];

/// Modality from the few words before the verb, and from the words a pattern spans after it
/// ("Syria says it is willing to withdraw": the pattern of "say" reaches "withdraw").
pub(crate) fn modality(
    words: &[Word],
    start: WordIdx,
    after: (WordIdx, WordIdx),
) -> (bool, Modality) {
    let before: Vec<&Word> = WordIdx::slice(words, start.saturating_sub(4)..start)
        .unwrap_or_default()
        .iter()
        .rev()
        .take_while(|w| !is_boundary(w) && w.norm != ",")
        .collect();
    let inside = WordIdx::slice(words, after.0..after.1.min(after.0 + 8))
        .unwrap_or(&[])
        .iter()
        .take_while(|w| !is_boundary(w));
    let mut negated = false;
    let mut modality = Modality::Asserted;
    for w in before.into_iter().chain(inside) {
        let n = w.norm.as_str();
        if NEGATIONS.contains(&n) {
            negated = true;
        } else if FUTURE.contains(&n) && modality == Modality::Asserted {
            modality = Modality::Future;
        } else if HYPOTHETICAL.contains(&n) && modality == Modality::Asserted {
            modality = Modality::Hypothetical;
        }
    }
    if negated {
        modality = Modality::Denied;
    }
    (negated, modality)
}

/// Words before a verb that make it an obligation ("Sudan must return the helicopter").
pub(crate) const OBLIGATION: &[&str] = &["must", "should", "ought"];

/// What a demand that someone do an act is coded as (CAMEO 10, "demand"), by the act's code.
pub(crate) fn demand_code(code: &str) -> &'static str {
    match code.get(..3).unwrap_or("") {
        "036" | "040" | "041" | "042" | "043" | "044" | "045" | "046" => "106",
        "037" => "107",
        "038" | "039" => "108",
        "084" => "1053",
        "087" | "0356" => "1056",
        _ => match code.get(..2).unwrap_or("") {
            "06" | "031" => "101",
            "05" => "102",
            "07" => "103",
            "08" => "105",
            _ => "100",
        },
    }
}

/// A refusal: what a negated cooperative act ("will not accept refugees") is coded as.
fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "125",
        "07" => "122",
        "08" => "124",
        "03" | "05" | "06" => "120",
        _ => return None,
    })
}

/// A protest that names no target is aimed where the same protesters' demand or accusation in
/// the sentence is ("demonstrators rioted ... calling for the removal of President Mubarak").
pub(crate) fn protest_targets(events: &mut [CodedEvent]) {
    let codes = |side: &[Mention]| side.iter().map(|m| m.code.clone()).collect::<Vec<_>>();
    for k in 0..events.len() {
        let Some(ev) = events.get(k) else {
            continue;
        };
        if !ev.cameo.starts_with("14") || !ev.target.is_empty() {
            continue;
        }
        let source = codes(&ev.source);
        let aim = events.iter().find(|e| {
            ["02", "10", "11", "12", "13"].contains(&e.cameo.get(..2).unwrap_or(""))
                && !e.target.is_empty()
                && !source.is_empty()
                && codes(&e.source) == source
        });
        if let (Some(target), Some(ev)) = (aim.map(|e| e.target.clone()), events.get_mut(k)) {
            ev.target = target;
        }
    }
}

/// A meeting, call or negotiation is mutual: all its parties are the actor and there is no
/// recipient (PLOVER manual, "Compound and Reciprocal Actors"). A visit, a hosting and a
/// mediation keep their direction.
pub(crate) fn reciprocal_meetings(events: &mut [CodedEvent]) {
    for ev in events.iter_mut() {
        if matches!(ev.cameo.as_str(), "040" | "041" | "044" | "046") && !ev.target.is_empty() {
            // a party already among the actors (or its agent: "Sudan ... a Sudanese troop
            // pullback") is no new party
            let target = std::mem::take(&mut ev.target);
            for m in target {
                if !ev
                    .source
                    .iter()
                    .any(|s| s.code == m.code || (s.country.is_some() && s.country == m.country))
                {
                    ev.source.push(m.as_actor());
                }
            }
        }
    }
}

/// Negated cooperation is a refusal ("will not accept refugees"), which happened; a pledge to
/// act ("will provide aid") is an intent (CAMEO 03 or 13), which happened too.
pub(crate) fn settle(code: &mut String, negated: &mut bool, modality: &mut Modality) {
    if *negated {
        if let Some(refusal) = refusal_code(code) {
            *code = refusal.to_string();
            *negated = false;
            *modality = Modality::Asserted;
        }
    } else if *modality == Modality::Future {
        if let Some(intent) = intent_code(code) {
            *code = intent.to_string();
            *modality = Modality::Asserted;
        } else if code.starts_with("03") || code.starts_with("13") {
            // "said it will send aid" coded as the intent itself: stating it is the event
            *modality = Modality::Asserted;
        }
    }
}

/// CAMEO roots of verbal acts that can take another act as their content ("threatened to
/// impose", "urged X to cease fire", "agreed to undertake"): the inner verb is not a second event.
pub(crate) const VERBAL_ROOTS: &[&str] = &["02", "03", "10", "11", "12", "13"];

/// The verbal act among `events` whose content the predicate `v` is, up a chain of
/// complements ("threatened to begin to impose"): the last event of each governing predicate,
/// if it is verbal.
pub(crate) fn governing_act(
    tree: &DepTree<'_>,
    v: TokenIdx,
    events: &[CodedEvent],
) -> Option<usize> {
    let mut g = tree.governor(v);
    for _ in 0..3 {
        let gv = g?;
        let found = events
            .iter()
            .rposition(|e| e.predicate == Some(gv))
            .filter(|&k| events.get(k).is_some_and(is_verbal));
        if found.is_some() {
            return found;
        }
        g = tree.governor(gv);
    }
    None
}

/// Whether an event is a verbal act that can take another act as its content.
pub(crate) fn is_verbal(e: &CodedEvent) -> bool {
    VERBAL_ROOTS.contains(&e.cameo.get(..2).unwrap_or(""))
}

/// Folds an act into the verbal act whose content it is: an intent to do it takes its code
/// ("plans to impose restrictions" -> threaten), and its side fills a missing recipient.
pub(crate) fn fold_content(
    outer: &mut CodedEvent,
    code: &str,
    mentions: &[Mention],
    group: Option<GroupId>,
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
