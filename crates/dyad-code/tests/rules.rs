//! Each named rule on a sentence written for it: what the coder gives with the rule on and
//! with it switched off.

mod common;

use common::{codes, doc};
use dyad_code::{Pipeline, Reading, RuleId, Rules};
use dyad_model::EventRecord;

/// Every row the coder builds (no confidence threshold: the rules are tested, not the scorer).
fn code(text: &str, rules: Rules) -> Vec<EventRecord> {
    Pipeline::with_rules(Reading::Parse, rules)
        .map(|p| p.with_min_confidence(0.0).code_document(&doc(text)).events)
        .unwrap_or_default()
}

/// The (type, sources, targets, modality) of every row, with and without `rule`.
fn with_and_without(text: &str, rule: RuleId) -> (Vec<String>, Vec<String>) {
    let show = |events: Vec<EventRecord>| {
        events
            .iter()
            .map(|e| {
                format!(
                    "{} {:?}->{:?} {}",
                    e.plover.event,
                    codes(&e.source),
                    codes(&e.target),
                    e.modality
                )
            })
            .collect()
    };
    (
        show(code(text, Rules::all())),
        show(code(text, Rules::all().without(rule))),
    )
}

#[test]
fn needs_actor() {
    let (on, off) = with_and_without(
        "Three civilians were killed in a bombing in the capital on Monday.",
        RuleId::NeedsActor,
    );
    assert!(on.is_empty(), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("ASSAULT []")), "{off:?}");
}

#[test]
fn without_is_no_event() {
    let (on, off) = with_and_without(
        "The opposition leader resigned without returning to Kyrgyzstan.",
        RuleId::Without,
    );
    assert_ne!(on, off);
    assert!(on.len() < off.len(), "{on:?} / {off:?}");
}

#[test]
fn reciprocal_meetings() {
    let (on, off) = with_and_without(
        "The Kenyan president met the Ethiopian prime minister in Nairobi on Monday.",
        RuleId::Reciprocal,
    );
    assert!(
        on.iter()
            .any(|e| e.starts_with("CONSULT") && e.contains("->[]")),
        "{on:?}"
    );
    assert!(
        off.iter()
            .any(|e| e.starts_with("CONSULT") && !e.contains("->[]")),
        "{off:?}"
    );
}

#[test]
fn event_nouns() {
    let (on, off) = with_and_without(
        "Sudanese and Ethiopian officials held talks in Addis Ababa on Monday.",
        RuleId::EventNouns,
    );
    assert!(on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(!off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
    // a claim of responsibility is the claimant's act; a denial of it, a rejection
    let (on, off) = with_and_without(
        "Boko Haram claimed responsibility for the bombing of the police station.",
        RuleId::EventNouns,
    );
    assert!(on.iter().any(|e| e.starts_with("ASSAULT [\"NGA")), "{on:?}");
    assert!(!off.iter().any(|e| e.starts_with("ASSAULT")), "{off:?}");
    let (on, _) = with_and_without(
        "The Afghan Taliban denied responsibility for the bombing.",
        RuleId::EventNouns,
    );
    assert!(on.iter().any(|e| e.starts_with("REJECT [\"AFG")), "{on:?}");
}

#[test]
fn denial() {
    let (on, off) = with_and_without(
        "Rwanda denied supplying weapons to the rebels in Congo.",
        RuleId::Denial,
    );
    // Rwanda rejects the allegation, aimed at the rebels' side it would have armed
    assert!(
        on.iter().any(|e| e.starts_with("REJECT [\"RWA\"]")),
        "{on:?}"
    );
    assert!(on.iter().any(|e| e.ends_with("denied")), "{on:?}");
    assert!(!off.iter().any(|e| e.ends_with("denied")), "{off:?}");
    assert!(!off.iter().any(|e| e.starts_with("REJECT")), "{off:?}");
    // the denier is who denies, not who the clause says acted
    let (on, _) = with_and_without(
        "The Russian Defense Ministry denied that its jets had bombed the hospital in Syria.",
        RuleId::Denial,
    );
    assert!(on.iter().any(|e| e.starts_with("REJECT [\"RUS")), "{on:?}");
}

#[test]
fn consult_needs_counterpart() {
    let text = "Sudanese officials arrived in the border town on Monday.";
    let (on, off) = with_and_without(text, RuleId::ConsultCounterpart);
    assert!(!on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
    let (on, off) = with_and_without(
        "Kenyan teachers are facing low salaries.",
        RuleId::ConsultCounterpart,
    );
    assert!(!on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
    // a meeting with one party named stands
    let (on, _) = with_and_without(
        "The Kenyan president held talks in Nairobi on Monday.",
        RuleId::ConsultCounterpart,
    );
    assert!(on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    // several who arrive together meet no one
    let (on, off) = with_and_without(
        "Firefighters have arrived from Canada, New Zealand and the United States.",
        RuleId::ConsultCounterpart,
    );
    assert!(!on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
}

#[test]
fn private_travel_is_no_visit() {
    let text = "More than two million Chinese tourists visited Vietnam last year.";
    let (on, off) = with_and_without(text, RuleId::PrivateTravel);
    assert!(!on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
    // an official's visit stands
    let (on, _) = with_and_without(
        "The Chinese foreign minister visited Vietnam last year.",
        RuleId::PrivateTravel,
    );
    assert!(on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
}

#[test]
fn background_is_no_event() {
    let (on, off) = with_and_without(
        "Kenyan troops have fought al-Shabaab militants since 2011.",
        RuleId::Background,
    );
    assert!(on.is_empty(), "{on:?}");
    assert!(
        off.iter().any(|e| e.starts_with("ASSAULT [\"KENMIL\"]")),
        "{off:?}"
    );
}

#[test]
fn speech_verb_content() {
    let (on, off) = with_and_without(
        "Kenya's foreign minister condemned the shelling of Goma, adding that Rwanda had supplied the rebels with rockets.",
        RuleId::SpeechOnly,
    );
    // "adding" is no aid from Kenya to Rwanda
    assert!(!on.iter().any(|e| e.starts_with("AID")), "{on:?}");
    assert!(
        off.iter()
            .any(|e| e.starts_with("AID [\"KENGOV\"]->[\"RWA\"]")),
        "{off:?}"
    );
    assert!(on.iter().any(|e| e.starts_with("ACCUSE")), "{on:?}");
}

#[test]
fn light_verb_needs_actor() {
    let (on, off) = with_and_without(
        "Ethiopia holds twenty percent of the shares in the Djibouti port.",
        RuleId::LightVerb,
    );
    assert!(on.is_empty(), "{on:?}");
    assert!(
        off.iter()
            .any(|e| e.starts_with("COERCE [\"ETH\"]->[\"DJI\"]")),
        "{off:?}"
    );
}

#[test]
fn orders_demand() {
    let (on, off) = with_and_without(
        "The Kenyan high court ordered the electoral commission to publish the results.",
        RuleId::Orders,
    );
    assert!(on.iter().any(|e| e.starts_with("REQUEST")), "{on:?}");
    assert!(!on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(!off.iter().any(|e| e.starts_with("REQUEST")), "{off:?}");
    assert!(off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
    // an order with no one told to act is no cooperation of the verb's block
    let (on, off) = with_and_without(
        "The Ugandan president ordered troops into the Congo.",
        RuleId::Orders,
    );
    assert!(!on.iter().any(|e| e.starts_with("COOPERATE")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("COOPERATE")), "{off:?}");
}

#[test]
fn roles_from_tree() {
    // word order takes the nearest actor before the verb, Kenya in the aside
    let (on, off) = with_and_without(
        "Tanzanian police, acting on a tip from Kenya, arrested three Somali nationals.",
        RuleId::TreeRoles,
    );
    assert!(
        on.iter()
            .any(|e| e.starts_with("COERCE [\"TZACOP\"]->[\"SOM\"]")),
        "{on:?}"
    );
    assert!(
        off.iter()
            .any(|e| e.starts_with("COERCE [\"KEN\"]->[\"SOM\"]")),
        "{off:?}"
    );
}

#[test]
fn speech_frame() {
    let (on, off) = with_and_without(
        "Sudan said Ethiopian troops shelled its positions near al-Fashaga on Sunday.",
        RuleId::SpeechFrame,
    );
    // Sudan accuses the troops, and the shelling is coded as Sudan reports it
    assert!(
        on.contains(&"ACCUSE [\"SDN\"]->[\"ETHMIL\"] asserted".to_string()),
        "{on:?}"
    );
    assert!(
        on.contains(&"ASSAULT [\"ETHMIL\"]->[\"SDN\"] reported".to_string()),
        "{on:?}"
    );
    // without the frame the accusation is read off the shelling clause
    assert!(
        off.iter().any(|e| e.starts_with("ACCUSE [\"ETHMIL\"]")),
        "{off:?}"
    );
    assert!(!off.iter().any(|e| e.starts_with("ASSAULT")), "{off:?}");
}

#[test]
fn swear_is_pledge() {
    let (on, off) = with_and_without(
        "The Kenyan president has sworn to hold talks with Tanzania on the border.",
        RuleId::Swear,
    );
    assert!(!on.iter().any(|e| e.starts_with("ACCUSE")), "{on:?}");
    assert!(on.iter().any(|e| e.starts_with("AGREE")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("ACCUSE")), "{off:?}");
}

#[test]
fn refine_by_actors() {
    // armed men who surrender retreat; they concede nothing
    let (on, off) = with_and_without(
        "Rebel fighters surrendered to the Congolese army on Monday.",
        RuleId::RefineByActors,
    );
    assert!(on.iter().any(|e| e.starts_with("RETREAT")), "{on:?}");
    assert!(!off.iter().any(|e| e.starts_with("RETREAT")), "{off:?}");
    assert!(off.iter().any(|e| e.starts_with("CONCEDE")), "{off:?}");
}

#[test]
fn intent_is_future() {
    let (on, off) = with_and_without(
        "Norway is willing to send doctors to help Sudanese refugees in Chad.",
        RuleId::Intent,
    );
    // the help is intended, not given: an intent to cooperate
    assert!(
        on.iter()
            .any(|e| e.starts_with("AGREE [\"NOR\"]->[\"SDNREF\"]")),
        "{on:?}"
    );
    assert!(!on.iter().any(|e| e.starts_with("COOPERATE")), "{on:?}");
    assert!(
        off.iter()
            .any(|e| e.starts_with("COOPERATE [\"NOR\"]->[\"SDNREF\"]")),
        "{off:?}"
    );
}

#[test]
fn armed_readiness() {
    let (on, off) = with_and_without(
        "Congolese soldiers were prepared to shell the rebel positions near Goma.",
        RuleId::ArmedReadiness,
    );
    assert!(
        on.iter()
            .any(|e| e.starts_with("MOBILIZE [\"CODMIL\"]") && e.ends_with("asserted")),
        "{on:?}"
    );
    assert!(!off.iter().any(|e| e.starts_with("MOBILIZE")), "{off:?}");
    assert!(off.iter().any(|e| e.starts_with("THREATEN")), "{off:?}");
}

#[test]
fn fold_content() {
    let (on, off) = with_and_without(
        "Egypt threatened to impose sanctions on Ethiopia over the dam.",
        RuleId::FoldContent,
    );
    // the sanctions are what Egypt threatens, not a second event
    assert!(
        on.iter()
            .any(|e| e.starts_with("THREATEN [\"EGY\"]->[\"ETH\"]")),
        "{on:?}"
    );
    assert!(!on.iter().any(|e| e.starts_with("SANCTION")), "{on:?}");
    assert!(
        off.iter()
            .any(|e| e.starts_with("SANCTION [\"EGY\"]->[\"ETH\"]")),
        "{off:?}"
    );
}

#[test]
fn obligation_is_demand() {
    let (on, off) = with_and_without(
        "Kenya said on Monday that Uganda must reopen the border crossing at Busia.",
        RuleId::Obligation,
    );
    assert!(
        on.contains(&"REQUEST [\"KEN\"]->[\"UGA\"] asserted".to_string()),
        "{on:?}"
    );
    assert!(!off.iter().any(|e| e.starts_with("REQUEST")), "{off:?}");
    assert!(off.iter().any(|e| e.contains("[\"UGA\"]->[]")), "{off:?}");
}

#[test]
fn conditional_is_threat() {
    let (on, off) = with_and_without(
        "Uganda will pull its troops out of Somalia unless the African Union pays their salaries.",
        RuleId::Conditional,
    );
    assert!(
        on.contains(&"THREATEN [\"UGA\"]->[\"SOM\"] asserted".to_string()),
        "{on:?}"
    );
    assert!(!off.iter().any(|e| e.starts_with("THREATEN")), "{off:?}");
    assert!(
        off.iter()
            .any(|e| e.starts_with("AGREE [\"UGA\"]->[\"SOM\"]")),
        "{off:?}"
    );
}

#[test]
fn one_event_per_root() {
    let (on, off) = with_and_without(
        "Chad condemned and denounced Sudan over the border raid.",
        RuleId::OnePerRoot,
    );
    let accusations = |rows: &[String]| {
        rows.iter()
            .filter(|e| e.starts_with("ACCUSE [\"TCD\"]->[\"SDN\"]"))
            .count()
    };
    assert_eq!(accusations(&on), 1, "{on:?}");
    assert_eq!(accusations(&off), 2, "{off:?}");
}

#[test]
fn conflict_recipients() {
    let (on, off) = with_and_without(
        "Fighting between Sudan and South Sudan continued on Monday. Norway called for a ceasefire.",
        RuleId::ConflictRecipients,
    );
    assert!(
        on.iter()
            .any(|e| e.starts_with("REQUEST [\"NOR\"]->[\"SDN\", \"SSD\"]")),
        "{on:?}"
    );
    assert!(
        off.iter().any(|e| e.starts_with("REQUEST [\"NOR\"]->[]")),
        "{off:?}"
    );
}

#[test]
fn party_calls_are_intent() {
    let (on, off) = with_and_without(
        "Clashes between Ethiopia and Eritrea continued near Badme. Eritrea called for a ceasefire on Tuesday.",
        RuleId::PartyCallsIntent,
    );
    assert!(
        on.iter().any(|e| e.starts_with("AGREE [\"ERI\"]")),
        "{on:?}"
    );
    assert!(!on.iter().any(|e| e.starts_with("REQUEST")), "{on:?}");
    assert!(
        off.iter().any(|e| e.starts_with("REQUEST [\"ERI\"]")),
        "{off:?}"
    );
}

#[test]
fn protest_targets() {
    let (on, off) = with_and_without(
        "Hundreds of Ugandan students marched on Friday, calling on the Ugandan parliament to scrap the tax.",
        RuleId::ProtestTargets,
    );
    assert!(
        on.iter()
            .any(|e| e.starts_with("PROTEST [\"UGAEDU\"]->[\"UGALEG\"]")),
        "{on:?}"
    );
    assert!(
        off.iter()
            .any(|e| e.starts_with("PROTEST [\"UGAEDU\"]->[]")),
        "{off:?}"
    );
}

#[test]
fn history_is_no_event() {
    let (on, off) = with_and_without(
        "Tanzania expelled the Burundian rebels who had attacked the border town many years ago.",
        RuleId::History,
    );
    // the expulsion is the news; the attack years ago is background
    assert!(
        on.iter().any(|e| e.starts_with("COERCE [\"TZA\"]")),
        "{on:?}"
    );
    assert!(!on.iter().any(|e| e.starts_with("ASSAULT")), "{on:?}");
    assert!(
        off.iter().any(|e| e.starts_with("ASSAULT [\"BDIREB\"]")),
        "{off:?}"
    );
    // a dated past is no background
    let (on, _) = with_and_without("Ethiopia attacked Eritrea in 1998.", RuleId::History);
    assert!(on.iter().any(|e| e.starts_with("ASSAULT")), "{on:?}");
    let (on, _) = with_and_without(
        "Tanzania expelled the Burundian rebels who had attacked the border town two years ago.",
        RuleId::History,
    );
    assert!(on.iter().any(|e| e.starts_with("ASSAULT")), "{on:?}");
}

#[test]
fn needs_recipient() {
    let (on, off) = with_and_without(
        "The Kenyan government imposed new sanctions on Monday.",
        RuleId::NeedsRecipient,
    );
    assert!(on.is_empty(), "{on:?}");
    assert!(
        off.iter()
            .any(|e| e.starts_with("SANCTION [\"KENGOV\"]->[]")),
        "{off:?}"
    );
}

#[test]
fn vague_verb_needs_pattern() {
    let text = "North Korea will continue to increase its missile tests.";
    let (on, off) = with_and_without(text, RuleId::VagueVerb);
    assert!(on.is_empty(), "{on:?}");
    assert!(
        off.iter().any(|e| e.starts_with("AGREE [\"PRK\"]")),
        "{off:?}"
    );
}

#[test]
fn force_on_the_other_side() {
    let text =
        "The conflict between Azerbaijan and Armenia over Nagorno-Karabakh has flared again.\n\n\
                Azerbaijani troops launched an offensive on Tuesday.";
    let (on, off) = with_and_without(text, RuleId::ForceOnTheOtherSide);
    assert!(
        on.iter()
            .any(|e| e.starts_with("ASSAULT [\"AZEMIL\"]->[\"ARM\"]")),
        "{on:?}"
    );
    assert!(
        off.iter()
            .any(|e| e.starts_with("ASSAULT [\"AZEMIL\"]->[]")),
        "{off:?}"
    );
}
