//! Trains the tagger on UD English EWT and writes `data/models/tagger.bin`.
//!
//! ```text
//! cd /work/main && cargo run --release -p dyad-syntax --example train_tagger -- \
//!     [EWT_DIR] [OUT]
//! ```
//! Defaults: `EWT_DIR = ../shared/data/ud-ewt` (relative to the workspace root),
//! `OUT = data/models/tagger.bin`; training options are `TrainOptions::default()`.
//! For experiments only, the environment variables `DYAD_EPOCHS`, `DYAD_SEED`,
//! `DYAD_ENSEMBLE`, `DYAD_PRUNE`, `DYAD_LEX_MIN`, `DYAD_LEX_SHARE`, `DYAD_TAGDICT_MIN` and
//! `DYAD_STACKED=1` override the defaults (the committed model uses none).

use std::path::PathBuf;
use std::time::Instant;

use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::{evaluate, train_from_files, TaggerModel, TrainOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = std::env::args().skip(1);
    let ewt = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/ud-ewt"));
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("data/models/tagger.bin"));
    let train = ewt.join("en_ewt-ud-train.conllu");
    let dev = ewt.join("en_ewt-ud-dev.conllu");
    let test = ewt.join("en_ewt-ud-test.conllu");
    let mut opts = TrainOptions::default();
    // Experiment overrides (the committed model uses none of them).
    let env = |k: &str| std::env::var(k).ok();
    if let Some(v) = env("DYAD_EPOCHS").and_then(|v| v.parse().ok()) {
        opts.epochs = v;
    }
    if let Some(v) = env("DYAD_LEX_MIN").and_then(|v| v.parse().ok()) {
        opts.lexicon_min_count = v;
    }
    if let Some(v) = env("DYAD_LEX_SHARE").and_then(|v| v.parse().ok()) {
        opts.lexicon_min_share = v;
    }
    if let Some(v) = env("DYAD_PRUNE").and_then(|v| v.parse().ok()) {
        opts.prune_below = v;
    }
    if let Some(v) = env("DYAD_TAGDICT_MIN").and_then(|v| v.parse().ok()) {
        opts.tagdict_min_count = v;
    }
    if let Some(v) = env("DYAD_STACKED") {
        opts.stacked = v == "1";
    }
    if let Some(v) = env("DYAD_ENSEMBLE").and_then(|v| v.parse().ok()) {
        opts.ensemble = v;
    }
    if let Some(v) = env("DYAD_SEED").and_then(|v| v.parse().ok()) {
        opts.seed = v;
    }
    eprintln!("training on {} with {:?}", train.display(), opts);
    let t0 = Instant::now();
    let model = train_from_files(&train, Some(&dev), &opts)?;
    let train_secs = t0.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(&out, &bytes)?;
    let model = TaggerModel::from_bytes(&bytes)?;
    let (labels, dict, feats, weights) = model.stats();
    let (exc, rules) = model.lemmatizer().sizes();
    println!(
        "model: {} ({} bytes, {:.2} MiB)",
        out.display(),
        bytes.len(),
        bytes.len() as f64 / 1048576.0
    );
    println!("  {labels} labels, {dict} tag-dictionary words, {feats} features, {weights} weights, {exc} lemma exceptions, {rules} suffix rules");
    println!("training time: {train_secs:.1}s");
    for (name, path) in [("dev", &dev), ("test", &test)] {
        let gold = read_conllu_file(path)?;
        let t = Instant::now();
        let s = evaluate(&model, &gold);
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{name}: {} tokens, UPOS {:.4}, XPOS {:.4}, UPOS+XPOS {:.4}, lemma {:.4} ({:.0} tokens/s incl. lemmas)",
            s.tokens,
            s.upos,
            s.xpos,
            s.upos_xpos,
            s.lemma,
            s.tokens as f64 / secs
        );
    }
    Ok(())
}
