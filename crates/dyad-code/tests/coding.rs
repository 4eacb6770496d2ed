//! Behaviour of the baseline pipeline on sentences written for these tests.

use chrono::NaiveDate;
use dyad_code::Pipeline;
use dyad_model::{Document, EventRecord};

fn doc(text: &str) -> Document {
    Document {
        id: "test".into(),
        text: text.into(),
        date: NaiveDate::from_ymd_opt(2023, 9, 20),
        ..Default::default()
    }
}

fn code(text: &str) -> Vec<EventRecord> {
    Pipeline::new().code_document(&doc(text)).events
}

fn codes(side: &[dyad_model::ActorRef]) -> Vec<&str> {
    side.iter().map(|a| a.code.as_str()).collect()
}

fn show(events: &[EventRecord]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {:?}->{:?} [{}] {}",
                e.plover.event,
                codes(&e.source),
                codes(&e.target),
                e.cameo,
                e.rule
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn aid_with_compound_source_and_composed_target() {
    let s = "At the same time, the EU and the US continue to supply the Ukrainian army with weapons and military equipment.";
    let events = code(s);
    let aid = events
        .iter()
        .find(|e| e.plover.event == "AID")
        .unwrap_or_else(|| panic!("no AID in\n{}", show(&events)));
    assert_eq!(codes(&aid.source), vec!["IGOEUREEC", "USA"]);
    assert_eq!(codes(&aid.target), vec!["UKRMIL"]);
    let chars: Vec<char> = s.chars().collect();
    let span_text = |span: [usize; 2]| chars[span[0]..span[1]].iter().collect::<String>();
    assert_eq!(span_text(aid.source[0].span), "the EU");
    assert_eq!(span_text(aid.source[1].span), "the US");
    assert_eq!(span_text(aid.target[0].span), "the Ukrainian army");
    assert_eq!(span_text(aid.trigger.span), aid.trigger.text);
}

#[test]
fn spans_are_characters_not_bytes() {
    // the curly apostrophe is 3 bytes in UTF-8 but one character
    let s = "Russia’s army attacked Ukrainian troops near the border.";
    let events = code(s);
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    let chars: Vec<char> = s.chars().collect();
    let t: String = chars[e.target[0].span[0]..e.target[0].span[1]]
        .iter()
        .collect();
    assert_eq!(t, "Ukrainian troops");
    assert_eq!(codes(&e.source), vec!["RUSMIL"]);
    assert_eq!(codes(&e.target), vec!["UKRMIL"]);
}

#[test]
fn passive_voice_swaps_roles() {
    let events = code("Armenian troops were attacked by Azerbaijani forces on Tuesday.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["AZEMIL"]);
    assert_eq!(codes(&e.target), vec!["ARMMIL"]);
}

#[test]
fn negation_is_marked() {
    let events = code("Israel did not attack Lebanon.");
    let e = events.first().unwrap_or_else(|| panic!("no event"));
    assert!(e.negated);
    assert_eq!(e.modality, "denied");
}

#[test]
fn statements_are_not_events() {
    let events = code("The Hungarian government said the talks were useful.");
    assert!(
        events.iter().all(|e| e.cameo.get(..2) != Some("01")),
        "{}",
        show(&events)
    );
}

#[test]
fn protest_by_residents() {
    let events = code("Residents of the Armenian capital took to the streets to protest outside the Armenian government building.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "PROTEST")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["ARMCVL"]);
}
