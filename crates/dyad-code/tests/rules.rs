//! Each named rule on a sentence written for it: what the coder gives with the rule on and
//! with it switched off.

mod common;

use common::{codes, doc};
use dyad_code::{Pipeline, Reading, RuleId, Rules};
use dyad_model::EventRecord;

fn code(text: &str, rules: Rules) -> Vec<EventRecord> {
    Pipeline::with_rules(Reading::Parse, rules)
        .map(|p| p.code_document(&doc(text)).events)
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
}

#[test]
fn denial() {
    let (on, off) = with_and_without(
        "Rwanda denied supplying weapons to the rebels in Congo.",
        RuleId::Denial,
    );
    assert!(on.iter().any(|e| e.ends_with("denied")), "{on:?}");
    assert!(!off.iter().any(|e| e.ends_with("denied")), "{off:?}");
}

#[test]
fn consult_needs_counterpart() {
    let text = "Hundreds of Sudanese refugees arrived in the border town on Monday.";
    let (on, off) = with_and_without(text, RuleId::ConsultCounterpart);
    assert!(!on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
    assert!(off.iter().any(|e| e.starts_with("CONSULT")), "{off:?}");
    // a meeting with one party named stands
    let (on, _) = with_and_without(
        "The Kenyan president held talks in Nairobi on Monday.",
        RuleId::ConsultCounterpart,
    );
    assert!(on.iter().any(|e| e.starts_with("CONSULT")), "{on:?}");
}
