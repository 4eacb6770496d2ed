//! Trains the parser on UD EWT with jackknifed predicted tags and writes
//! `data/models/parser.bin`: `cargo run --release -p dyad-parse --example train_parser
//! [EWT_DIR] [EPOCHS] [BEAM]` (defaults: `../shared/data/ud-ewt`, `TrainOptions::default()`;
//! BEAM > 1 trains globally with that beam, see the crate docs).

use dyad_parse::{evaluate_tagged, gold_tags, train_with_jackknife, TrainOptions, JACKKNIFE_FOLDS};
use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::TaggerModel;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = PathBuf::from(
        args.get(1)
            .cloned()
            .unwrap_or_else(|| "../shared/data/ud-ewt".into()),
    );
    let mut opts = TrainOptions::default();
    if let Some(e) = args.get(2).and_then(|e| e.parse().ok()) {
        opts.epochs = e;
    }
    if let Some(b) = args.get(3).and_then(|b| b.parse().ok()) {
        opts.beam = b;
    }
    let read = |name: &str| match read_conllu_file(&dir.join(name)) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    let train = read("en_ewt-ud-train.conllu");
    let dev = read("en_ewt-ud-dev.conllu");
    let test = read("en_ewt-ud-test.conllu");
    let t = Instant::now();
    let tagger_opts = dyad_syntax::TrainOptions::default();
    let model = train_with_jackknife(&train, Some(&dev), &opts, &tagger_opts, JACKKNIFE_FOLDS);
    let secs = t.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    let out = PathBuf::from("data/models/parser.bin");
    if let Err(e) =
        std::fs::create_dir_all("data/models").and_then(|_| std::fs::write(&out, &bytes))
    {
        eprintln!("error: writing {}: {e}", out.display());
        std::process::exit(1);
    }
    let tagger = std::fs::read("data/models/tagger.bin")
        .ok()
        .and_then(|b| TaggerModel::from_bytes(&b).ok());
    for (name, data) in [("dev", &dev), ("test", &test)] {
        let s = evaluate_tagged(&model, data, gold_tags);
        println!(
            "{name} (gold tags): UAS {:.4} LAS {:.4} LAS-full {:.4}",
            s.uas(),
            s.las(),
            s.las_full()
        );
        if let Some(tagger) = &tagger {
            let s = evaluate_tagged(&model, data, |s| tagger.tag_pos(&s.forms()));
            println!(
                "{name} (predicted tags): UAS {:.4} LAS {:.4} LAS-full {:.4}",
                s.uas(),
                s.las(),
                s.las_full()
            );
        }
    }
    println!(
        "trained in {secs:.0} s ({} epochs, beam {}, seed {}, {JACKKNIFE_FOLDS}-fold jackknifed tags); {} features; {} written, {:.2} MiB",
        opts.epochs,
        model.beam(),
        opts.seed,
        model.feature_count(),
        out.display(),
        bytes.len() as f64 / 1048576.0
    );
}
