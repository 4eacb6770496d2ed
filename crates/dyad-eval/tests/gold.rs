//! dyad's own gold sets (`data/gold/voa-*.jsonl`) are well formed: it reads as gold
//! records, every event names its sentence as it stands in the text, types are PLOVER's.

use std::path::Path;

const TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

#[test]
fn the_voa_gold_sets_are_well_formed() {
    assert_eq!(check("voa-first10.jsonl", 10), (490, 150));
    assert_eq!(check("voa-first20.jsonl", 20), (962, 294));
    assert_eq!(check("voa-first30.jsonl", 30), (1284, 383));
    assert_eq!(check("voa-all.jsonl", usize::MAX), (1585, 462));
}

/// Checks a gold file whose stories have at most `max` sentences; (sentences, events).
fn check(file: &str, max: usize) -> (usize, usize) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/gold")
        .join(file);
    let text = std::fs::read_to_string(&path).expect(file);
    let records = dyad_eval::read_gold(&text, file).expect("gold records");
    assert_eq!(records.len(), 49);
    let mut total = 0;
    let mut events = 0;
    for (line, raw) in text.lines().enumerate() {
        let value: serde_json::Value = serde_json::from_str(raw).expect("json");
        let sentences: Vec<&str> = value["text"].as_str().unwrap_or("").split("\n\n").collect();
        assert!(sentences.len() <= max, "line {}", line + 1);
        total += sentences.len();
        for e in value["events"].as_array().into_iter().flatten() {
            events += 1;
            let i = e["sentence_index"].as_u64().unwrap_or(99) as usize;
            assert_eq!(
                sentences.get(i).copied(),
                e["sentence"].as_str(),
                "line {}",
                line + 1
            );
            assert!(TYPES.contains(&e["event"].as_str().unwrap_or("")), "{e}");
            for side in ["source", "target"] {
                for code in e[side].as_array().into_iter().flatten() {
                    let code = code.as_str().unwrap_or("");
                    assert!(code.len() >= 3 && code == code.to_uppercase(), "{e}");
                }
            }
        }
    }
    (total, events)
}
