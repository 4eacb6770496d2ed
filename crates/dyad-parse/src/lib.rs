//! dyad's dependency parser: labelled Universal Dependencies trees for the event coder.
//!
//! # Design
//! - **Transition system** ([`system`]): arc-hybrid with the root at the end of the buffer;
//!   labelled transitions SHIFT, LEFT(l), RIGHT(l); linear time. Decoding is greedy (beam
//!   width 1, the committed model) or beam search with the width stored in the model file
//!   ([`ParserModel::beam`], [`ParserModel::with_beam`]): each of the k states is scored
//!   once per step, the k best extensions are kept, and states are copied into a second
//!   pool with `clone_from`, so the beam does not allocate after its first steps.
//! - **Greedy training** ([`train`], `TrainOptions::beam == 1`, the default): averaged
//!   perceptron ([`perceptron`]) with the dynamic oracle
//!   of Goldberg and Nivre (2013): at every step the update is towards the best-scoring
//!   transition of least cost, and after the first epoch the parser follows its own
//!   prediction with probability 0.9 (training with exploration), so it learns to recover
//!   from its mistakes. The averaging clock ticks once per decision. Non-projective
//!   training trees are projectivized by lifting arcs ([`system::projectivize`]).
//! - **Global training** (`TrainOptions::beam` = k > 1, module `beam`): structured
//!   perceptron over whole transition sequences with a beam of k (Zhang and Clark 2008,
//!   Zhang and Nivre 2011) and the max-violation update (Huang et al. 2012); the gold
//!   sequence is latent, the best-scoring zero-cost path under the dynamic oracle, so no
//!   canonical order of the spurious-ambiguous arc-hybrid sequences is imposed. The
//!   model then decodes with the same beam.
//! - **Beam vs speed** (EWT dev, predicted tags; trained on the cached 10-fold jackknifed
//!   tags of the tagger of 2025-11-28 16:34, dev tagged by that tagger; tag+parse on one
//!   core of the shared 2-core development machine, best of three runs of
//!   `eval_parser`):
//!
//!   | training | decode beam | dev UAS | dev LAS | tag+parse tokens/s | model |
//!   |---|---|---|---|---|---|
//!   | greedy, dynamic oracle, 15 epochs (committed) | 1 | 0.8471 | 0.8162 | 69,800 | 7.5 MiB |
//!   | same model | 2 | 0.8225 | 0.7913 | 38,000 | |
//!   | global, beam 2, 8 epochs | 2 | 0.8470 | 0.8139 | 41,500 | 9.9 MiB |
//!   | global, beam 4, 8 epochs | 4 | 0.8534 | 0.8218 | 23,000 | 10.7 MiB |
//!   | same model | 1 | 0.8252 | 0.7939 | | |
//!   | global, beam 4, 12 epochs | 4 | 0.8528 | 0.8213 | 21,000 | 12.2 MiB |
//!   | same model | 8 | 0.8556 | 0.8235 | | |
//!   | global, beam 8, 5 epochs (beam 4: 0.8511 / 0.8185) | 8 | 0.8525 | 0.8199 | 15,100 | 9.1 MiB |
//!
//!   Global training with beam 4 gains about +0.6 UAS / +0.6 LAS over the greedy parser
//!   on dev (test, predicted tags: 0.8618 / 0.8322 after 8 epochs, 0.8638 / 0.8341 after
//!   12, against 0.8545 / 0.8249; beam 8 adds little more, beam 2 nothing), but a beam of k costs k times the greedy
//!   parser's time (features and weight lookups are per state) and no beam > 1 reaches
//!   the 50,000 tokens/s tag+parse target, so the committed model is greedy (beam 1). A
//!   greedy-trained model gets worse with a beam and a beam-trained one greedily, so a
//!   model is decoded with the beam it was trained with.
//! - **Predicted tags**: the committed model is trained on the tags `dyad-syntax`'s tagger
//!   predicts, not the gold ones: the training sentences are tagged by 10-fold
//!   jackknifing ([`train_with_jackknife`]), so the parser learns to live with tagging
//!   errors (+0.4 UAS on dev with predicted tags over training on gold tags).
//! - **Features** ([`features`]): Zhang and Nivre (2011) style templates over words, tags,
//!   dependents and their labels, distance, valency and label sets, hashed to `u32`
//!   (word forms are hashed once per sentence). A tag is the pair (XPOS, UPOS), so AUX vs
//!   VERB and DET vs PRON are visible; extra groups add suffixes (unknown words), more word
//!   pairs, UPOS backoff triples, and map words seen once in training to an unknown-word id.
//! - **Model file**: magic `DYADPRS\0`, version 3, labels, feature flags, beam width
//!   (version 2 files, without it, load as greedy), XPOS → UPOS table
//!   (for [`ParserModel::parse`], which gets XPOS only), vocabulary (sorted word ids, delta
//!   varints), then the pruned (|w| < 1.0), `i16`-quantized sparse weights, with a checksum
//!   (the conventions of `dyad-syntax`'s tagger file). Inference looks features up in an
//!   open-addressing table of 8-byte slots; the slots of all of a state's features are
//!   prefetched, then probed (prefetching the weights found), then summed, so that the
//!   cache misses overlap (+25% parser speed over probing one feature at a time).
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
//! `TrainOptions::default()` (greedy, beam 1, 15 epochs, seed 20251128), writes
//! `data/models/parser.bin` and prints dev/test scores with gold and predicted tags
//! (about 6 minutes on one core). A third argument trains globally with a beam
//! (`train_parser ../shared/data/ud-ewt 8 4`: beam 4, 8 epochs, about 6 minutes more).
//! `examples/eval_parser.rs` scores the committed files and measures tag+parse speed
//! (`eval_parser FILE MODEL BEAM` overrides the beam); `examples/exp_parser.rs` is the
//! experiment driver on cached jackknifed tags.

mod beam;
pub mod features;
pub mod parser;
pub mod perceptron;
pub mod system;
pub mod train;

pub use parser::{evaluate, evaluate_tagged, gold_tags, Arc, ParseScores, ParserModel};
pub use train::{
    jackknifed_tags, train_with_jackknife, SentenceTags, TrainOptions, JACKKNIFE_FOLDS,
};
