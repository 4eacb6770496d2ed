//! `dyad train tagger|parser`: reproduce the committed models from UD EWT.
//!
//! The defaults (data paths, epochs, seed) are those of the committed files; after training,
//! rebuild dyad to embed the new model.

use anyhow::{anyhow, Context, Result};
use clap::Subcommand;
use dyad_syntax::conllu::read_conllu_file;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct TrainData {
    /// Training treebank (CoNLL-U).
    #[arg(long, default_value = "../shared/data/ud-ewt/en_ewt-ud-train.conllu")]
    pub train: PathBuf,
    /// Development treebank, for progress reports.
    #[arg(long, default_value = "../shared/data/ud-ewt/en_ewt-ud-dev.conllu")]
    pub dev: PathBuf,
    /// Number of passes over the training data (default: the committed model's).
    #[arg(long)]
    pub epochs: Option<usize>,
    /// Random seed for shuffling (default: the committed model's).
    #[arg(long)]
    pub seed: Option<u64>,
}

#[derive(Subcommand)]
pub enum TrainCommand {
    /// Train the row scorer (`confidence`) on gold sets, with cross-validated calibration.
    Scorer(crate::scoring::ScorerArgs),
    /// Train the POS tagger and lemmatizer.
    Tagger {
        #[command(flatten)]
        data: TrainData,
        #[arg(long, default_value = "data/models/tagger.bin")]
        out: PathBuf,
    },
    /// Train the dependency parser.
    Parser {
        #[command(flatten)]
        data: TrainData,
        #[arg(long, default_value = "data/models/parser.bin")]
        out: PathBuf,
    },
}

fn read(path: &Path) -> Result<Vec<dyad_syntax::ConllSentence>> {
    read_conllu_file(path).map_err(|e| anyhow!("{}: {e}", path.display()))
}

fn write(out: &Path, bytes: &[u8], started: Instant) -> Result<ExitCode> {
    if let Some(dir) = out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(out, bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({:.2} MiB) in {:.0} s; rebuild dyad to embed it",
        out.display(),
        bytes.len() as f64 / 1048576.0,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn run(cmd: TrainCommand) -> Result<ExitCode> {
    let started = Instant::now();
    match cmd {
        TrainCommand::Scorer(args) => crate::scoring::run(args),
        TrainCommand::Tagger { data, out } => {
            let mut opts = dyad_syntax::TrainOptions::default();
            opts.epochs = data.epochs.unwrap_or(opts.epochs);
            opts.seed = data.seed.unwrap_or(opts.seed);
            let (train, dev) = (read(&data.train)?, read(&data.dev)?);
            let model = dyad_syntax::TaggerModel::train(&train, Some(&dev), &opts);
            let scores = dyad_syntax::evaluate(&model, &dev);
            eprintln!(
                "dev: UPOS {:.4} XPOS {:.4} lemma {:.4}",
                scores.upos, scores.xpos, scores.lemma
            );
            write(&out, &model.to_bytes(), started)
        }
        TrainCommand::Parser { data, out } => {
            let mut opts = dyad_parse::TrainOptions::default();
            opts.epochs = data.epochs.unwrap_or(opts.epochs);
            opts.seed = data.seed.unwrap_or(opts.seed);
            let (train, dev) = (read(&data.train)?, read(&data.dev)?);
            // trained on predicted tags (10-fold jackknifing), as the committed model
            let tagger_opts = dyad_syntax::TrainOptions {
                seed: opts.seed,
                ..Default::default()
            };
            let model = dyad_parse::train_with_jackknife(
                &train,
                Some(&dev),
                &opts,
                &tagger_opts,
                dyad_parse::JACKKNIFE_FOLDS,
            );
            write(&out, &model.to_bytes(), started)
        }
    }
}
