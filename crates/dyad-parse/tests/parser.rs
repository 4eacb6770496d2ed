//! Training on a tiny fixture reproduces its trees (greedy and with a beam); the model file
//! round-trips, beam width included; corrupt files are errors, not panics.

use dyad_parse::{ParserModel, TrainOptions};
use dyad_syntax::{parse_conllu, ConllSentence, Xpos};

fn fixture() -> Vec<ConllSentence> {
    parse_conllu(include_str!("fixtures/news.conllu")).expect("fixture parses")
}

fn parse_all(model: &ParserModel, data: &[ConllSentence]) -> Vec<Vec<(usize, String)>> {
    data.iter()
        .map(|s| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            let tags: Vec<Xpos> = s.words.iter().map(|w| Xpos::from_name(&w.xpos)).collect();
            model
                .parse(&forms, &tags)
                .into_iter()
                .map(|a| (a.head, a.deprel.to_string()))
                .collect()
        })
        .collect()
}

fn trained_with(beam: usize) -> (ParserModel, Vec<ConllSentence>) {
    let data = fixture();
    let opts = TrainOptions {
        epochs: 60,
        prune_below: 0.0,
        beam,
        verbose: false,
        ..TrainOptions::default()
    };
    (ParserModel::train(&data, None, &opts), data)
}

fn trained() -> (ParserModel, Vec<ConllSentence>) {
    trained_with(TrainOptions::default().beam)
}

#[test]
fn tiny_training_set_is_learned_exactly() {
    for beam in [1, 4] {
        let (model, data) = trained_with(beam);
        assert_eq!(model.beam(), beam);
        assert_learned(&model, &data);
    }
}

fn assert_learned(model: &ParserModel, data: &[ConllSentence]) {
    for (sent, arcs) in data.iter().zip(parse_all(model, data)) {
        let gold: Vec<(usize, String)> = sent
            .words
            .iter()
            .map(|w| (w.head, w.deprel.clone()))
            .collect();
        assert_eq!(arcs, gold, "{:?}", sent.text);
    }
}

#[test]
fn model_file_round_trip() {
    let (model, data) = trained();
    let bytes = model.to_bytes();
    let again = ParserModel::from_bytes(&bytes).expect("round trip");
    assert_eq!(parse_all(&model, &data), parse_all(&again, &data));
    assert_eq!(again.to_bytes(), bytes, "serialization is deterministic");
}

#[test]
fn beam_width_round_trips_and_can_be_changed() {
    let (model, data) = trained_with(3);
    let bytes = model.to_bytes();
    let again = ParserModel::from_bytes(&bytes).expect("round trip");
    assert_eq!(again.beam(), 3);
    assert_eq!(parse_all(&model, &data), parse_all(&again, &data));
    let greedy = again.with_beam(1);
    assert_eq!(greedy.beam(), 1);
    assert_eq!(greedy.with_beam(1000).beam(), 64, "clamped");
}

#[test]
fn corrupt_model_files_are_errors() {
    let (model, _) = trained();
    let bytes = model.to_bytes();
    assert!(ParserModel::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(ParserModel::from_bytes(b"not a model").is_err());
    let mut flipped = bytes.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x55;
    assert!(ParserModel::from_bytes(&flipped).is_err());
}

#[test]
fn every_parse_is_a_tree() {
    let (model, _) = trained();
    let bytes = model.to_bytes();
    for beam in [1, 2, 8] {
        let model = ParserModel::from_bytes(&bytes)
            .expect("model")
            .with_beam(beam);
        assert_tree(&model);
    }
}

fn assert_tree(model: &ParserModel) {
    let forms = [
        "Police", "said", "the", "rebels", "fled", "into", "the", "hills", "near", "Kabul", ".",
    ];
    let tags: Vec<Xpos> = [
        "NNS", "VBD", "DT", "NNS", "VBD", "IN", "DT", "NNS", "IN", "NNP", ".",
    ]
    .iter()
    .map(|t| Xpos::from_name(t))
    .collect();
    let arcs = model.parse(&forms, &tags);
    assert_eq!(arcs.len(), forms.len());
    assert_eq!(arcs.iter().filter(|a| a.head == 0).count(), 1, "one root");
    for (i, a) in arcs.iter().enumerate() {
        // following heads from every word reaches the root without a cycle
        let (mut k, mut steps) = (i + 1, 0);
        while k != 0 && steps <= forms.len() {
            k = arcs[k - 1].head;
            steps += 1;
        }
        assert_eq!(
            k,
            0,
            "word {} ({}) does not reach the root",
            i + 1,
            forms[i]
        );
        assert!(a.head <= forms.len());
    }
}
