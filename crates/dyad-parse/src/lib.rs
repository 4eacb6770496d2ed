//! dyad's dependency parser: labelled Universal Dependencies trees for the event coder.
//!
//! # Design
//! - **Transition system** ([`system`]): arc-hybrid with the root at the end of the buffer;
//!   labelled transitions SHIFT, LEFT(l), RIGHT(l); greedy decoding, linear time.
//! - **Training** ([`train`]): averaged perceptron ([`perceptron`]) with the dynamic oracle
//!   of Goldberg and Nivre (2013): at every step the update is towards the best-scoring
//!   transition of least cost, and after the first epoch the parser follows its own
//!   prediction with probability 0.9 (training with exploration), so it learns to recover
//!   from its mistakes. The averaging clock ticks once per decision. Non-projective
//!   training trees are projectivized by lifting arcs ([`system::projectivize`]).
//! - **Predicted tags**: the committed model is trained on the tags `dyad-syntax`'s tagger
//!   predicts, not the gold ones: the training sentences are tagged by 10-fold
//!   jackknifing ([`train_with_jackknife`]), so the parser learns to live with tagging
//!   errors (+0.4 UAS on dev with predicted tags over training on gold tags).
//! - **Features** ([`features`]): Zhang and Nivre (2011) style templates over words, tags,
//!   dependents and their labels, distance, valency and label sets, hashed to `u32`
//!   (word forms are hashed once per sentence). A tag is the pair (XPOS, UPOS), so AUX vs
//!   VERB and DET vs PRON are visible; extra groups add suffixes (unknown words), more word
//!   pairs, UPOS backoff triples, and map words seen once in training to an unknown-word id.
//! - **Model file**: magic `DYADPRS\0`, version 2, labels, feature flags, XPOS → UPOS table
//!   (for [`ParserModel::parse`], which gets XPOS only), vocabulary (sorted word ids, delta
//!   varints), then the pruned (|w| < 1.0), `i16`-quantized sparse weights, with a checksum
//!   (the conventions of `dyad-syntax`'s tagger file). Inference looks features up in an
//!   open-addressing table, all probes first so that cache misses overlap.
//!
//! Use [`ParserModel::parse_tagged`] with the tagger's `(UPOS, XPOS)`
//! (`TaggerModel::tag_pos`).
//!
//! # Reproducing the committed model
//! ```text
//! cd /work/main && cargo run --release -p dyad-parse --example train_parser
//! ```
//! reads `../shared/data/ud-ewt/en_ewt-ud-{train,dev,test}.conllu`, jackknifes tags with
//! the tagger's default options (seed 20251128, 10 folds), trains with
//! `TrainOptions::default()` (15 epochs, seed 20251128), writes `data/models/parser.bin` and
//! prints dev/test scores with gold and predicted tags. `examples/eval_parser.rs` scores the
//! committed files and measures tag+parse speed.

pub mod features;
pub mod parser;
pub mod perceptron;
pub mod system;
pub mod train;

pub use parser::{evaluate, evaluate_tagged, gold_tags, Arc, ParseScores, ParserModel};
pub use train::{
    jackknifed_tags, train_with_jackknife, SentenceTags, TrainOptions, JACKKNIFE_FOLDS,
};
