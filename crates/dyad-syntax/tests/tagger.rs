use dyad_syntax::conllu::parse_conllu;
use dyad_syntax::{evaluate, jackknife_tags, ConllSentence, TaggerModel, TrainOptions};

const TINY: &str = "\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\ttroops\ttroops\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tvillage\tvillage\tNOUN\tNN\t_\t3\tobj\t_\t_
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthey\tthey\tPRON\tPRP\t_\t5\tnsubj\t_\t_
4\twere\tbe\tAUX\tVBD\t_\t5\taux\t_\t_
5\tstopping\tstop\tVERB\tVBG\t_\t2\tccomp\t_\t_
6\tcars\tcar\tNOUN\tNNS\t_\t5\tobj\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tIran\tIran\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_
3\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tattack\tattack\tNOUN\tNN\t_\t3\tobj\t_\t_
6\tquickly\tquickly\tADV\tRB\t_\t3\tadvmod\t_\t_
7\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tfought\tfight\tVERB\tVBD\t_\t0\troot\t_\t_
3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_
4\tcountries\tcountry\tNOUN\tNNS\t_\t2\tobl\t_\t_
5\tlike\tlike\tADP\tIN\t_\t6\tcase\t_\t_
6\tIraq\tIraq\tPROPN\tNNP\t_\t4\tnmod\t_\t_
7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

fn tiny() -> Vec<ConllSentence> {
    parse_conllu(TINY).unwrap()
}

fn opts() -> TrainOptions {
    TrainOptions {
        epochs: 30,
        verbose: false,
        ..TrainOptions::default()
    }
}

fn assert_reproduces(model: &TaggerModel, sents: &[ConllSentence]) {
    for s in sents {
        let tags = model.tag(&s.forms());
        for (t, w) in tags.iter().zip(&s.words) {
            assert_eq!(t.upos.as_str(), w.upos, "{}", w.form);
            assert_eq!(t.xpos.as_str(), w.xpos, "{}", w.form);
            assert_eq!(t.lemma, w.lemma, "{}", w.form);
        }
    }
}

#[test]
fn overfits_a_tiny_corpus() {
    let sents = tiny();
    let model = TaggerModel::train(&sents, Some(&sents), &opts());
    assert_reproduces(&model, &sents);
    let scores = evaluate(&model, &sents);
    assert_eq!(scores.tokens, 27);
    assert_eq!((scores.upos, scores.xpos, scores.lemma), (1.0, 1.0, 1.0));
}

#[test]
fn training_is_deterministic() {
    let sents = tiny();
    let a = TaggerModel::train(&sents, None, &opts());
    let b = TaggerModel::train(&sents, None, &opts());
    assert_eq!(a.to_bytes(), b.to_bytes());
}

#[test]
fn empty_input_and_unknown_words() {
    let model = TaggerModel::train(&tiny(), None, &opts());
    assert!(model.tag(&[]).is_empty());
    let tags = model.tag(&["Zorblax", "glimmed", "", "🙂"]);
    assert_eq!(tags.len(), 4);
}

#[test]
fn serialization_round_trip() {
    let sents = tiny();
    let model = TaggerModel::train(&sents, None, &opts());
    let bytes = model.to_bytes();
    let loaded = TaggerModel::from_bytes(&bytes).unwrap();
    assert_eq!(loaded, model);
    assert_eq!(loaded.to_bytes(), bytes);
    for s in &sents {
        assert_eq!(loaded.tag(&s.forms()), model.tag(&s.forms()));
    }
    assert_reproduces(&loaded, &sents);
}

#[test]
fn stacked_second_pass_trains_and_round_trips() {
    let sents = tiny();
    let stacked = TrainOptions {
        stacked: true,
        folds: 2,
        ..opts()
    };
    let model = TaggerModel::train(&sents, None, &stacked);
    // The second pass sees noisy first-pass labels (2-fold jackknife on 4 sentences), so
    // only near-perfect reproduction is required.
    assert!(evaluate(&model, &sents).upos_xpos >= 0.9);
    let bytes = model.to_bytes();
    assert!(bytes.len() > TaggerModel::train(&sents, None, &opts()).to_bytes().len());
    let loaded = TaggerModel::from_bytes(&bytes).unwrap();
    assert_eq!(loaded, model);
    for n in (0..bytes.len()).step_by(7) {
        assert!(TaggerModel::from_bytes(&bytes[..n]).is_err());
    }
}

#[test]
fn corrupt_or_truncated_bytes_are_errors() {
    let model = TaggerModel::train(&tiny(), None, &opts());
    let bytes = model.to_bytes();
    for n in 0..bytes.len() {
        assert!(
            TaggerModel::from_bytes(&bytes[..n]).is_err(),
            "truncated to {n}"
        );
    }
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x5a;
        assert!(TaggerModel::from_bytes(&bad).is_err(), "byte {i} flipped");
    }
    assert!(TaggerModel::from_bytes(b"").is_err());
    assert!(TaggerModel::from_bytes(&[0xff; 64]).is_err());
}

/// With a valid checksum but a damaged body, loading must fail cleanly (or succeed),
/// never panic.
#[test]
fn damaged_body_with_valid_checksum_does_not_panic() {
    use dyad_syntax::model_io::{unwrap_body, wrap};
    use dyad_syntax::tagger::{TAGGER_MAGIC, TAGGER_VERSION};
    let model = TaggerModel::train(&tiny(), None, &opts());
    let bytes = model.to_bytes();
    let body = unwrap_body(TAGGER_MAGIC, TAGGER_VERSION, &bytes)
        .unwrap()
        .to_vec();
    let mut rng = 0x1234_5678_9abc_def0u64;
    for i in 0..body.len() {
        for _ in 0..2 {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let mut b = body.clone();
            b[i] = rng as u8;
            let file = wrap(TAGGER_MAGIC, TAGGER_VERSION, &b);
            if let Ok(m) = TaggerModel::from_bytes(&file) {
                let _ = m.tag(&["The", "troops", "attacked", "."]);
            }
        }
        let file = wrap(TAGGER_MAGIC, TAGGER_VERSION, &body[..i]);
        assert!(TaggerModel::from_bytes(&file).is_err());
    }
}

#[test]
fn jackknife_tags_cover_every_word() {
    let sents = tiny();
    let two = TrainOptions { folds: 2, ..opts() };
    let tags = jackknife_tags(&sents, &two);
    assert_eq!(tags.len(), sents.len());
    for (t, s) in tags.iter().zip(&sents) {
        assert_eq!(t.len(), s.words.len());
    }
    // One fold: tagged by a model trained on everything, which overfits.
    let one = TrainOptions { folds: 1, ..opts() };
    for (t, s) in jackknife_tags(&sents, &one).iter().zip(&sents) {
        let xpos: Vec<&str> = t.iter().map(|(_, x)| x.as_str()).collect();
        let gold: Vec<&str> = s.words.iter().map(|w| w.xpos.as_str()).collect();
        assert_eq!(xpos, gold);
    }
}
