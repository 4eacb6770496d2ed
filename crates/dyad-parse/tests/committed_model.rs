//! The committed model (`data/models/parser.bin` with `data/models/tagger.bin`): accuracy on
//! EWT dev with predicted tags, and the arcs the event coder relies on in news sentences.
//! Skipped (with a message) when the model files or the treebank are missing.

use dyad_parse::{evaluate_tagged, ParserModel};
use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::{Deprel, TaggerModel};
use std::path::PathBuf;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn models() -> Option<(TaggerModel, ParserModel)> {
    let dir = workspace().join("data/models");
    let (Ok(t), Ok(p)) = (
        std::fs::read(dir.join("tagger.bin")),
        std::fs::read(dir.join("parser.bin")),
    ) else {
        dyad_model::testing::skipped("data/models/tagger.bin or parser.bin missing");
        return None;
    };
    Some((
        TaggerModel::from_bytes(&t).expect("tagger model"),
        ParserModel::from_bytes(&p).expect("parser model"),
    ))
}

/// The coder reads relations as `Deprel` values and `dyad parse` writes `Deprel::as_str`: every
/// label the model can emit, and every label of the training treebank, must be a relation of
/// its own (not `Other`) that is written back as it was read.
#[test]
fn every_label_is_a_known_relation() {
    let Some((_, parser)) = models() else {
        return;
    };
    let mut labels: Vec<String> = parser.labels().to_vec();
    let path = workspace().join("../shared/data/ud-ewt/en_ewt-ud-train.conllu");
    match read_conllu_file(&path) {
        Ok(train) => labels.extend(
            train
                .iter()
                .flat_map(|s| s.words.iter().map(|w| w.deprel.clone())),
        ),
        Err(_) => dyad_model::testing::skipped(&format!("{} missing", path.display())),
    }
    for label in &labels {
        let rel = Deprel::from_label(label);
        assert_ne!(rel, Deprel::Other, "{label}");
        assert_eq!(rel.as_str(), label);
    }
}

#[test]
fn dev_accuracy_with_predicted_tags() {
    let Some((tagger, parser)) = models() else {
        return;
    };
    let path = workspace().join("../shared/data/ud-ewt/en_ewt-ud-dev.conllu");
    let Ok(dev) = read_conllu_file(&path) else {
        dyad_model::testing::skipped(&format!("{} missing", path.display()));
        return;
    };
    let s = evaluate_tagged(&parser, &dev, |s| tagger.tag_pos(&s.forms()));
    eprintln!(
        "EWT dev, predicted tags: UAS {:.4} LAS {:.4}",
        s.uas(),
        s.las()
    );
    assert!(s.uas() >= UAS_FLOOR, "UAS {:.4}", s.uas());
    assert!(s.las() >= LAS_FLOOR, "LAS {:.4}", s.las());
}

/// Floors on EWT dev with predicted tags: the committed (greedy, beam 1) model's scores
/// (UAS 0.8471, LAS 0.8162) minus 0.005. The targets (0.88 / 0.85) are not reached
/// yet; a beam-4 model would reach 0.853 / 0.822 but at under 25,000 tokens/s.
const UAS_FLOOR: f64 = 0.842;
const LAS_FLOOR: f64 = 0.811;

/// Parses a whitespace-tokenized sentence; returns `(form, head form, relation)` triples.
fn parse(sentence: &str) -> Option<Vec<(String, String, String)>> {
    let (tagger, parser) = models()?;
    let forms: Vec<&str> = sentence.split_whitespace().collect();
    let tags = tagger.tag_pos(&forms);
    let arcs = parser.parse_tagged(&forms, &tags);
    Some(
        arcs.iter()
            .zip(&forms)
            .map(|(a, f)| {
                let head = if a.head == 0 {
                    "ROOT"
                } else {
                    forms[a.head - 1]
                };
                (f.to_string(), head.to_string(), a.deprel.to_string())
            })
            .collect(),
    )
}

fn assert_arcs(sentence: &str, expected: &[(&str, &str, &str)]) {
    let Some(arcs) = parse(sentence) else { return };
    for &(dep, head, rel) in expected {
        assert!(
            arcs.iter()
                .any(|(d, h, r)| d == dep && h == head && r == rel),
            "{sentence}: expected {rel}({head}, {dep}) in {arcs:?}"
        );
    }
}

#[test]
fn active_subject_and_object() {
    assert_arcs(
        "Armenian troops attacked the town .",
        &[
            ("troops", "attacked", "nsubj"),
            ("town", "attacked", "obj"),
            ("attacked", "ROOT", "root"),
        ],
    );
}

#[test]
fn passive_subject_and_agent() {
    assert_arcs(
        "The town was attacked by rebels .",
        &[
            ("town", "attacked", "nsubj:pass"),
            ("rebels", "attacked", "obl:agent"),
            ("was", "attacked", "aux:pass"),
        ],
    );
}

/// Known failure of the committed model: "cease" is attached to "parties" as `acl`. (A
/// beam-4 model gets `xcomp(urged, cease)` but makes "parties" an `iobj`.)
#[test]
#[ignore = "the committed model parses 'to cease' as acl of 'parties'"]
fn control_verb_xcomp() {
    assert_arcs(
        "Russia urged the parties to cease fire .",
        &[
            ("Russia", "urged", "nsubj"),
            ("parties", "urged", "obj"),
            ("cease", "urged", "xcomp"),
        ],
    );
}

#[test]
fn reported_speech_ccomp() {
    assert_arcs(
        "The ministry said Hungary will help .",
        &[
            ("ministry", "said", "nsubj"),
            ("help", "said", "ccomp"),
            ("Hungary", "help", "nsubj"),
        ],
    );
}

#[test]
fn conjoined_actors() {
    assert_arcs(
        "Azerbaijan and Armenia signed a deal .",
        &[
            ("Azerbaijan", "signed", "nsubj"),
            ("Armenia", "Azerbaijan", "conj"),
            ("deal", "signed", "obj"),
        ],
    );
}
