//! Part-of-speech tagging (UPOS + XPOS) and lemmatization for dyad, written by hand and
//! trained by the project's own code on Universal Dependencies English EWT (CC BY-SA 4.0).
//!
//! ```no_run
//! # fn main() -> Result<(), dyad_syntax::ModelError> {
//! let bytes = std::fs::read("data/models/tagger.bin").unwrap_or_default();
//! let model = dyad_syntax::TaggerModel::from_bytes(&bytes)?;
//! for tag in model.tag(&["Troops", "fought", "rebels", "."]) {
//!     println!("{} {} {}", tag.upos.as_str(), tag.xpos.as_str(), tag.lemma);
//! }
//! # Ok(()) }
//! ```
//!
//! # Modules
//! - [`conllu`]: CoNLL-U reader/writer (syntactic words only; ranges and empty nodes are
//!   skipped; errors carry the line number). The dependency parser will train from it too.
//! - [`hash`]: FNV-1a feature hashing, FNV-1a 64 checksums, splitmix64 shuffling.
//! - [`features`]: per-sentence normalisation ([`features::SentenceContext`]) and the
//!   tagger's feature templates.
//! - [`perceptron`]: averaged perceptron trainer and the quantized [`perceptron::WeightTable`].
//! - [`tagger`]: [`TaggerModel`] (training, greedy decoding, serialization), [`evaluate`].
//! - [`lemma`]: [`Lemmatizer`] (exception table, learned suffix rules, hand rules).
//! - [`model_io`]: model file conventions (magic, version, checksum, bounded reader).
//! - [`tags`]: fixed UPOS and XPOS inventories ([`Upos`], [`Xpos`] are one-byte ids, with a
//!   constant per tag: `Upos::VERB`, `Xpos::NNP`).
//! - [`deprel`]: Universal Dependencies relations as an enum ([`Deprel`]: the relations the
//!   parser emits and their subtypes, `_`, and `Other`; `base`, `is_a`).
//!
//! # Tagger
//! One averaged perceptron (Collins 2002; the design of Honnibal's "A good POS tagger in
//! about 200 lines") predicts the combined label `UPOS|XPOS` (102 labels in EWT train), so
//! the two tags are always consistent; decoding is greedy, left to right, and conditions
//! on the two previous predicted labels. Words seen at least 20 times in training with
//! one label in at least 97% of cases are tagged from a tag dictionary without scoring.
//!
//! Features (see [`features::tagger_features`]) for word *i*: bias; normalised word
//! (lower case, digits as `0`) and exact form; suffixes 1–4 and prefixes 1–3; collapsed
//! shape (`Xx`, `d.d`, `x-x`); flags (initial capital, all caps, digit, hyphen, other
//! characters, sentence-initial); the previous one and two labels and their pair; label-1
//! with the word, with the next word and with the suffix; words *i*-2..*i*+2, suffixes of
//! the neighbours, neighbour shapes and word bigrams; and **ambiguity classes** from a
//! lexicon (normalised words seen ≥ 3 times in training → hash of the labels that make
//! up ≥ 5% of their occurrences) for words *i*, *i*+1, *i*+2 and combinations, which give
//! the left-to-right tagger a look at the right context. Features are hashed straight
//! from byte slices of the per-sentence buffer to `u32` (FNV-1a + murmur finalizer), so
//! no string is allocated per token.
//!
//! Training: `epochs` passes (default 10) over the sentences in an order shuffled by
//! splitmix64 from `seed`; update on every error with the predicted (not gold) history;
//! lazy averaging with per-weight timestamps. The default trains three such perceptrons
//! (seeds `seed`, `seed+1`, `seed+2`; [`TrainOptions::ensemble`]) and averages their
//! averaged weights (parameter mixing: +0.1 UPOS and +0.15 XPOS on dev and test over one
//! model). The mixed weights are scaled so the largest is ±32000, rounded to `i16`,
//! weights with an absolute value below 0.6 (before scaling; [`TrainOptions::prune_below`])
//! pruned — this halves the file at no measurable cost — and stored per feature as a
//! sparse list of `(label, weight)`; inference looks features up in an open-addressing
//! table (linear probing, hash 0 = empty) and sums `i32` scores.

//! # Lemmatizer
//! See [`lemma`]: exceptions `(form, XPOS) -> lemma` learned for the words the rules get
//! wrong, suffix rules learned per XPOS (longest matching suffix, ≥ 2 supporting word
//! types), hand rules for regular inflection as fallback; proper nouns and ADD keep case,
//! everything else is lower-cased, as in UD; one contextual rule ("'s" before "been"/"got"
//! is "have"). The model also keeps the set of lemmas seen in training: when the hand
//! rules' guess is not a known lemma, a known candidate stem wins ("violat"/"violate",
//! "ach"/"ache", "clos"/"close"); a lower-case proper noun whose capitalised form is a
//! known lemma (and which is not one itself) gets the capitalised lemma ("india" ->
//! "India"); cardinal numbers lose their thousands separators ("18,000" -> "18000", as
//! EWT does in all 103 training cases). For unknown words the hand rules restore a silent
//! "e" after undoubled consonant–vowel–consonant stems ("speculat", "recycl", "clos").
//! With gold tags on EWT dev these raise lemma accuracy from 0.9867 to 0.9891 (and the
//! exception table shrinks from 2033 to 1402 entries).
//!
//! # Model file (`data/models/tagger.bin`)
//! `b"DYADTAG\0"`, format version (u32 LE, currently 2), body length (u64 LE), body, FNV-1a
//! 64 of the body (u64 LE). Body: labels (varint count, `(upos id, xpos id)` bytes); tag
//! dictionary (varint count, `(string, label)` sorted); lexicon (varint count, `(string,
//! u32 class)` sorted); weight scale (f32); features (varint count, then per feature in
//! increasing hash order: varint hash delta, varint entry count, `(label u8, zig-zag
//! varint weight)` entries); stage-2 flag (u8) and table; lemmatizer (exceptions, per-XPOS
//! suffix rules, then the sorted known-lemma list; new in version 2). Strings
//! are varint length + UTF-8. [`TaggerModel::from_bytes`] validates every count, id and
//! range and never panics; writing is deterministic, so retraining with the same data and
//! options gives a byte-identical file.
//!
//! # Design choices measured on EWT dev
//! - One model on the combined `UPOS|XPOS` label beats or ties two separate models
//!   (separate: UPOS 0.9502, XPOS 0.9425; combined: 0.9495, 0.9435) and keeps the tags
//!   consistent.
//! - The ambiguity-class lexicon features added +0.3 UPOS. More templates (suffix 5,
//!   label-word pairs, sentence capitalisation style, nearest preceding verb) did not help.
//! - Parameter mixing of 3 perceptrons: +0.1 UPOS, +0.15 XPOS (on by default).
//! - A stacked second pass ([`TrainOptions::stacked`], jackknifed first-pass labels of
//!   words *i*..*i*+2 as features) gave +0.07 UPOS on dev and +0.15 on test over a single
//!   model, for twice the model size and a third of the speed; it is off by default.
//!   [`jackknife_tags`] is public so the dependency parser can train on predicted tags.
//! - Beam search with early update (width 4) was tried and matched greedy decoding at a
//!   third of the speed, so it was dropped.
//! - Tried again for this version, none beyond noise (single model, 10 epochs, dev UPOS /
//!   XPOS; baseline 0.9493 / 0.9433): the lexicon class with the word's capitalisation and
//!   sentence position (0.9482 / 0.9417); capitalisation of words *i*-1..*i*+1 and with the
//!   previous label (0.9486 / 0.9425); suffix 5 + prefix 4 (0.9484 / 0.9419); suffixes of the
//!   last hyphen part (0.9490 / 0.9427); both previous labels with the class (0.9498 /
//!   0.9440, but 0.9506 / 0.9448 as an ensemble of 3 against 0.9503 / 0.9450 without);
//!   previous label with shape (0.9483 / 0.9420); more class combinations (0.9489 /
//!   0.9425). An ensemble of 5 instead of 3 (0.9505 / 0.9446) was not better either. With
//!   13+ epochs a single model's dev accuracy is flat from epoch 9 on.
//! - Lemma casing from the training-set behaviour of the exact capitalised form (when the
//!   tagger says NN or NNP) changed dev lemma accuracy by −12 to +3 tokens; not used.
//!
//! # Reproducing the committed model
//! ```text
//! cd /work/main && cargo run --release -p dyad-syntax --example train_tagger
//! ```
//! reads `../shared/data/ud-ewt/en_ewt-ud-{train,dev,test}.conllu` (relative to the
//! workspace; pass `EWT_DIR [OUT]` to override), trains with `TrainOptions::default()`
//! (10 epochs, seed 20251128, ensemble of 3, pruning 0.6, no stacking), writes
//! `data/models/tagger.bin` and prints dev/test accuracy; the output file is byte-identical
//! from run to run. On EWT with gold tokenization (all tokens, punctuation included): dev
//! UPOS 0.9503, XPOS 0.9450, lemma 0.9718; test UPOS 0.9547, XPOS 0.9490, lemma 0.9718.
//! The file is 1.90 MiB, training takes about 30 s on one core, tagging runs at roughly
//! 440k tokens/s on one core POS only and 330k with lemmas (see `bench_tagger`). The model
//! is derived from UD English EWT and so falls under its licence, CC BY-SA 4.0.
//!
//! Other examples: `tagger_errors` (confusions and lemma errors of a model on a CoNLL-U
//! file), `lemma_eval` (lemmatizer variants with gold tags), `bench_tagger` (speed),
//! `tag_text` (tag whitespace-tokenized lines from standard input), `dump_pred` (gold and
//! predicted tags and lemmas of every token as TSV, for error analysis).

pub mod conllu;
pub mod deprel;
pub mod features;
pub mod hash;
pub mod lemma;
pub mod model_io;
pub mod perceptron;
pub mod tagger;
pub mod tags;

pub use conllu::{parse_conllu, write_conllu, ConllError, ConllSentence, ConllWord};
pub use deprel::Deprel;
pub use lemma::Lemmatizer;
pub use model_io::ModelError;
pub use tagger::{
    evaluate, jackknife_tags, train_from_files, Tag, TagScores, TaggerModel, TrainError,
    TrainOptions,
};
pub use tags::{Upos, Xpos};
