//! Lemma accuracy with gold XPOS tags, for lemmatizer variants.
//!
//! ```text
//! cargo run --release -p dyad-syntax --example lemma_eval -- TRAIN.conllu DEV.conllu
//! ```

use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::lemma::RuleMode;
use dyad_syntax::{Lemmatizer, Xpos};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(train), Some(dev)) = (args.first(), args.get(1)) else {
        eprintln!("usage: lemma_eval TRAIN.conllu DEV.conllu");
        std::process::exit(2);
    };
    let train = read_conllu_file(std::path::Path::new(train))?;
    let dev = read_conllu_file(std::path::Path::new(dev))?;
    for (name, lem) in [
        (
            "learned suffix rules",
            Lemmatizer::train_with(&train, RuleMode::Learned),
        ),
        (
            "hand rules + exceptions",
            Lemmatizer::train_with(&train, RuleMode::Hand),
        ),
        (
            "hybrid (default)",
            Lemmatizer::train_with(&train, RuleMode::Hybrid),
        ),
        ("hand rules only", Lemmatizer::rules_only()),
    ] {
        let (mut n, mut ok) = (0usize, 0usize);
        for s in &dev {
            for w in &s.words {
                n += 1;
                ok += (lem.lemmatize(&w.form, Xpos::from_name(&w.xpos)) == w.lemma) as usize;
            }
        }
        println!("{name}: {:.4} ({:?})", ok as f64 / n as f64, lem.sizes());
    }
    Ok(())
}
