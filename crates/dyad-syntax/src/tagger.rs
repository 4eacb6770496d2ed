//! The part-of-speech tagger: an averaged perceptron over the combined `UPOS|XPOS` label,
//! greedy left-to-right decoding, a tag dictionary for frequent unambiguous words, and the
//! lemmatizer run on the predicted XPOS.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use crate::conllu::{read_conllu_file, ConllSentence, ReadError};
use crate::features::{stacked_features, tagger_features, SentenceContext, TAG_START, TAG_START2};
use crate::hash::{PassThrough, SplitMix64};
use crate::lemma::Lemmatizer;
use crate::model_io::{unwrap_body, wrap, ByteReader, ByteWriter, ModelError};
use crate::perceptron::{argmax, Trainer, WeightTable};
use crate::tags::{Upos, Xpos};

/// Magic bytes of a tagger model file.
pub const TAGGER_MAGIC: &[u8; 8] = b"DYADTAG\0";
/// Current tagger file format version.
pub const TAGGER_VERSION: u32 = 2;
/// Largest number of distinct `UPOS|XPOS` labels (ids 254/255 mark sentence start).
const MAX_LABELS: usize = 250;

/// Training settings. `TrainOptions::default()` is what the committed model uses.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the per-epoch sentence shuffle (splitmix64).
    pub seed: u64,
    /// Tag dictionary: a form seen at least this often...
    pub tagdict_min_count: u32,
    /// ...with one label in at least this share of its occurrences is tagged by lookup.
    pub tagdict_min_ratio: f64,
    /// Lexicon (ambiguity-class features): words seen at least this often.
    pub lexicon_min_count: u32,
    /// Labels with at least this share of a word's occurrences are in its class.
    pub lexicon_min_share: f64,
    /// Averaged weights with an absolute value below this are pruned from the model.
    pub prune_below: f32,
    /// Train this many perceptrons (seeds `seed`, `seed+1`, ...) and average their
    /// averaged weights (parameter mixing); 1 = a single model.
    pub ensemble: usize,
    /// Train a second, stacked pass (see [`TaggerModel::train`]).
    pub stacked: bool,
    /// Jackknife folds for the stacked pass.
    pub folds: usize,
    /// Print per-epoch progress and dev accuracy to standard error.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 20_251_128,
            tagdict_min_count: 20,
            tagdict_min_ratio: 0.97,
            lexicon_min_count: 3,
            lexicon_min_share: 0.05,
            prune_below: 0.6,
            ensemble: 3,
            stacked: false,
            folds: 5,
            verbose: true,
        }
    }
}

/// The tags of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub upos: Upos,
    pub xpos: Xpos,
    pub lemma: String,
}

/// A trained tagger and lemmatizer.
#[derive(Debug, Clone, PartialEq)]
pub struct TaggerModel {
    labels: Vec<(Upos, Xpos)>,
    tagdict: HashMap<String, u8, PassThrough>,
    /// Normalised form -> ambiguity class (hash of the labels it was seen with).
    lexicon: HashMap<String, u32, PassThrough>,
    weights: WeightTable,
    /// Second pass (stacked on the first pass's labels), if trained.
    stage2: Option<WeightTable>,
    lemmatizer: Lemmatizer,
}

/// Accuracy of a model against gold annotation (every token counts, punctuation included).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TagScores {
    pub tokens: usize,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    /// Both UPOS and XPOS right.
    pub upos_xpos: f64,
}

/// Error of [`train_from_files`].
#[derive(Debug)]
pub enum TrainError {
    Read(ReadError),
    NoTrainingData,
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrainError::Read(e) => write!(f, "{e}"),
            TrainError::NoTrainingData => write!(f, "the training file has no sentences"),
        }
    }
}

impl std::error::Error for TrainError {}

impl From<ReadError> for TrainError {
    fn from(e: ReadError) -> Self {
        TrainError::Read(e)
    }
}

/// Reads CoNLL-U files and trains a tagger (see [`TaggerModel::train`]).
pub fn train_from_files(
    train: &Path,
    dev: Option<&Path>,
    opts: &TrainOptions,
) -> Result<TaggerModel, TrainError> {
    let train = read_conllu_file(train)?;
    if train.is_empty() {
        return Err(TrainError::NoTrainingData);
    }
    let dev = match dev {
        Some(p) => Some(read_conllu_file(p)?),
        None => None,
    };
    Ok(TaggerModel::train(&train, dev.as_deref(), opts))
}

/// First-pass `(UPOS, XPOS)` tags of every training sentence by `opts.folds`-fold
/// jackknifing: sentence `i` is tagged by a first-pass model trained on the sentences of
/// the other folds (fold = `i % folds`). Gives realistic, predicted tags for training a
/// second pass or a parser on the training data itself. With fewer than two folds or
/// sentences, the sentences are tagged by a model trained on all of them.
pub fn jackknife_tags(train: &[ConllSentence], opts: &TrainOptions) -> Vec<Vec<(Upos, Xpos)>> {
    let quiet = TrainOptions {
        verbose: false,
        stacked: false,
        ..opts.clone()
    };
    let folds = opts.folds.max(1);
    let mut out: Vec<Vec<(Upos, Xpos)>> = vec![Vec::new(); train.len()];
    if folds < 2 || train.len() < folds {
        let (model, _) = TaggerModel::train_first(train, None, &quiet, false);
        for (s, o) in train.iter().zip(out.iter_mut()) {
            *o = model.tag_pos(&s.forms());
        }
        return out;
    }
    for k in 0..folds {
        let rest: Vec<ConllSentence> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let (fold_model, _) = TaggerModel::train_first(&rest, None, &quiet, false);
        for (s, o) in train.iter().zip(out.iter_mut()).skip(k).step_by(folds) {
            *o = fold_model.tag_pos(&s.forms());
        }
    }
    out
}

/// Scores `model` against gold sentences (tagging the gold word forms).
pub fn evaluate(model: &TaggerModel, gold: &[ConllSentence]) -> TagScores {
    let (mut n, mut u, mut x, mut l, mut ux) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for s in gold {
        let forms = s.forms();
        for (t, w) in model.tag(&forms).iter().zip(&s.words) {
            n += 1;
            let uok = t.upos.as_str() == w.upos;
            let xok = t.xpos.as_str() == w.xpos;
            u += uok as usize;
            x += xok as usize;
            ux += (uok && xok) as usize;
            l += (t.lemma == w.lemma) as usize;
        }
    }
    let d = n.max(1) as f64;
    TagScores {
        tokens: n,
        upos: u as f64 / d,
        xpos: x as f64 / d,
        lemma: l as f64 / d,
        upos_xpos: ux as f64 / d,
    }
}

/// Reusable buffers for tagging.
#[derive(Default)]
struct Scratch {
    ctx: SentenceContext,
    feats: Vec<u32>,
    scores: Vec<i32>,
}

impl TaggerModel {
    /// Trains the tagger (averaged perceptron, `opts.epochs` shuffled passes) and the
    /// lemmatizer on gold sentences. With `opts.stacked`, a second pass is trained on top
    /// of the first, with the first pass's labels of the current and next two words as
    /// extra features (first-pass labels on the training data come from `opts.folds`-fold
    /// jackknifing). Deterministic for given data and options.
    pub fn train(
        train: &[ConllSentence],
        dev: Option<&[ConllSentence]>,
        opts: &TrainOptions,
    ) -> TaggerModel {
        let start = Instant::now();
        let (mut model, gold) = Self::train_first(train, dev, opts, true);
        if !opts.stacked || opts.folds < 2 || train.len() < opts.folds {
            return model;
        }
        let first: Vec<Vec<u8>> = jackknife_tags(train, opts)
            .into_iter()
            .map(|tags| tags.into_iter().map(|t| model.label_id(t)).collect())
            .collect();
        if opts.verbose {
            eprintln!("jackknifing done, {:.1}s", start.elapsed().as_secs_f64());
        }
        let table = model.run_epochs(train, &gold, Some(&first), dev, opts, "stage 2");
        model.stage2 = Some(table);
        model
    }

    /// The first-pass model and the gold label ids of `train`.
    fn train_first(
        train: &[ConllSentence],
        dev: Option<&[ConllSentence]>,
        opts: &TrainOptions,
        with_lemmatizer: bool,
    ) -> (TaggerModel, Vec<Vec<u8>>) {
        // Labels, sorted for determinism.
        let mut label_set: Vec<(Upos, Xpos)> = train
            .iter()
            .flat_map(|s| s.words.iter())
            .map(|w| (Upos::from_name(&w.upos), Xpos::from_name(&w.xpos)))
            .collect();
        label_set.sort();
        label_set.dedup();
        label_set.truncate(MAX_LABELS);
        let label_of = |w: &crate::conllu::ConllWord| -> u8 {
            let key = (Upos::from_name(&w.upos), Xpos::from_name(&w.xpos));
            label_set.binary_search(&key).unwrap_or(0) as u8
        };
        let gold: Vec<Vec<u8>> = train
            .iter()
            .map(|s| s.words.iter().map(label_of).collect())
            .collect();

        // Tag dictionary.
        let counts = label_counts(
            train
                .iter()
                .zip(&gold)
                .flat_map(|(s, g)| s.words.iter().zip(g).map(|(w, &l)| (w.form.as_str(), l))),
        );
        let mut tagdict = HashMap::default();
        for (form, labels) in counts {
            let total: u32 = labels.values().sum();
            let best = labels
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)));
            if let Some((&label, &c)) = best {
                if total >= opts.tagdict_min_count
                    && c as f64 / total as f64 >= opts.tagdict_min_ratio
                {
                    tagdict.insert(form.to_string(), label);
                }
            }
        }

        let lexicon = build_lexicon(train, &gold, opts);
        // Jackknife models only label words; they need no lemmatizer.
        let lemmatizer = if with_lemmatizer {
            Lemmatizer::train(train)
        } else {
            Lemmatizer::rules_only()
        };
        let mut model = TaggerModel {
            labels: label_set.clone(),
            tagdict,
            lexicon,
            weights: WeightTable::quantize(label_set.len(), &[], 1.0, 1),
            stage2: None,
            lemmatizer,
        };
        model.weights = model.run_epochs(train, &gold, None, dev, opts, "stage 1");
        (model, gold)
    }

    /// Runs the perceptron epochs for the first pass (`first == None`) or the second
    /// pass (given first-pass labels of every training sentence).
    fn run_epochs(
        &mut self,
        train: &[ConllSentence],
        gold: &[Vec<u8>],
        first: Option<&[Vec<u8>]>,
        dev: Option<&[ConllSentence]>,
        opts: &TrainOptions,
        name: &str,
    ) -> WeightTable {
        let runs = opts.ensemble.max(1);
        if runs == 1 {
            let trainer = self.run_epochs_one(train, gold, first, dev, opts, name, opts.seed);
            return quantize_averaged(trainer.n_classes(), &trainer.averaged(), opts.prune_below);
        }
        let mut sum: HashMap<u32, Vec<(u8, f32)>, PassThrough> = HashMap::default();
        let mut n_classes = 0;
        for k in 0..runs {
            let seed = opts.seed.wrapping_add(k as u64);
            let trainer = self.run_epochs_one(train, gold, first, dev, opts, name, seed);
            n_classes = trainer.n_classes();
            for (f, entries) in trainer.averaged() {
                let v = sum.entry(f).or_default();
                for (c, w) in entries {
                    match v.iter_mut().find(|e| e.0 == c) {
                        Some(e) => e.1 += w / runs as f32,
                        None => v.push((c, w / runs as f32)),
                    }
                }
            }
        }
        let mut averaged: Vec<(u32, Vec<(u8, f32)>)> = sum
            .into_iter()
            .map(|(f, mut v)| {
                v.sort_by_key(|e| e.0);
                (f, v)
            })
            .collect();
        averaged.sort_by_key(|e| e.0);
        quantize_averaged(n_classes, &averaged, opts.prune_below)
    }

    #[allow(clippy::too_many_arguments)]
    fn run_epochs_one(
        &mut self,
        train: &[ConllSentence],
        gold: &[Vec<u8>],
        first: Option<&[Vec<u8>]>,
        dev: Option<&[ConllSentence]>,
        opts: &TrainOptions,
        name: &str,
        seed: u64,
    ) -> Trainer {
        let start = Instant::now();
        let n_classes = self.labels.len();
        let mut trainer = Trainer::new(n_classes);
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut rng = SplitMix64::new(seed);
        let mut ctx = SentenceContext::new();
        let mut feats = Vec::with_capacity(64);
        let mut scores = vec![0f32; n_classes];
        for epoch in 0..opts.epochs {
            rng.shuffle(&mut order);
            let (mut correct, mut total) = (0usize, 0usize);
            for &si in &order {
                // `order` is a permutation of `0..train.len()`; `gold` has one label list
                // per sentence of `train`, one label per word
                let (Some(s), Some(gold_labels)) = (train.get(si), gold.get(si)) else {
                    continue;
                };
                let forms = s.forms();
                ctx.fill(&forms);
                ctx.set_classes(|n| self.lexicon.get(n).copied());
                let right = first.and_then(|f| f.get(si)).map(Vec::as_slice);
                let (mut p1, mut p2) = (TAG_START, TAG_START2);
                for ((i, form), &truth) in forms.iter().enumerate().zip(gold_labels) {
                    let guess = match self.tagdict.get(*form) {
                        Some(&l) => l,
                        None => {
                            feats.clear();
                            tagger_features(&ctx, i, p1, p2, &mut feats);
                            if let Some(r) = right {
                                stacked_features(&ctx, i, p1, r, &mut feats);
                            }
                            trainer.tick();
                            trainer.score(&feats, &mut scores);
                            let g = argmax(&scores) as u8;
                            trainer.update(truth, g, &feats);
                            g
                        }
                    };
                    correct += (guess == truth) as usize;
                    total += 1;
                    p2 = p1;
                    p1 = guess;
                }
            }
            if opts.verbose {
                let mut line = format!(
                    "{name} epoch {:>2}: train acc {:.4}, {} features, {:.1}s",
                    epoch + 1,
                    correct as f64 / total.max(1) as f64,
                    trainer.n_features(),
                    start.elapsed().as_secs_f64()
                );
                if let Some(dev) = dev {
                    let table = quantize(&trainer, opts.prune_below);
                    if first.is_some() {
                        self.stage2 = Some(table);
                    } else {
                        self.weights = table;
                    }
                    let sc = evaluate(self, dev);
                    line.push_str(&format!(
                        "; dev upos {:.4} xpos {:.4} lemma {:.4}",
                        sc.upos, sc.xpos, sc.lemma
                    ));
                }
                eprintln!("{line}");
            }
        }
        trainer
    }

    /// Tags a sentence of word forms (already tokenized, UD conventions).
    pub fn tag(&self, forms: &[&str]) -> Vec<Tag> {
        let mut scratch = Scratch::default();
        let labels = self.tag_labels(forms, &mut scratch);
        let mut tags: Vec<Tag> = labels
            .into_iter()
            .zip(forms)
            .map(|(l, form)| {
                let (upos, xpos) = self.label(l);
                Tag {
                    upos,
                    xpos,
                    lemma: self.lemmatizer.lemmatize(form, xpos),
                }
            })
            .collect();
        crate::lemma::contextual_fixes(forms, &mut tags);
        tags
    }

    /// Tags the tokens produced by `dyad-text`'s tokenizer.
    pub fn tag_tokens(&self, tokens: &[dyad_model::Token]) -> Vec<Tag> {
        let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
        self.tag(&forms)
    }

    /// UPOS and XPOS only (no lemmas), for speed-critical callers.
    pub fn tag_pos(&self, forms: &[&str]) -> Vec<(Upos, Xpos)> {
        let mut scratch = Scratch::default();
        self.tag_labels(forms, &mut scratch)
            .into_iter()
            .map(|l| self.label(l))
            .collect()
    }

    /// The lemmatizer of this model.
    pub fn lemmatizer(&self) -> &Lemmatizer {
        &self.lemmatizer
    }

    /// Model statistics: (labels, tag dictionary entries, features, weights).
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        (
            self.labels.len(),
            self.tagdict.len(),
            self.weights.n_features(),
            self.weights.n_weights(),
        )
    }

    fn label(&self, l: u8) -> (Upos, Xpos) {
        self.labels
            .get(l as usize)
            .copied()
            .unwrap_or((Upos::from_name("X"), Xpos::from_name("XX")))
    }

    fn label_id(&self, label: (Upos, Xpos)) -> u8 {
        self.labels.binary_search(&label).unwrap_or(0) as u8
    }

    fn tag_labels(&self, forms: &[&str], sc: &mut Scratch) -> Vec<u8> {
        let first = self.greedy(&self.weights, forms, None, sc);
        match &self.stage2 {
            Some(t) => self.greedy(t, forms, Some(&first), sc),
            None => first,
        }
    }

    /// Greedy left-to-right decoding with `table`; `first` holds first-pass labels when
    /// `table` is the second pass.
    fn greedy(
        &self,
        table: &WeightTable,
        forms: &[&str],
        first: Option<&[u8]>,
        sc: &mut Scratch,
    ) -> Vec<u8> {
        sc.ctx.fill(forms);
        sc.ctx.set_classes(|n| self.lexicon.get(n).copied());
        sc.scores.resize(self.labels.len().max(1), 0);
        let mut out = Vec::with_capacity(forms.len());
        let (mut p1, mut p2) = (TAG_START, TAG_START2);
        for (i, form) in forms.iter().enumerate() {
            let l = match self.tagdict.get(*form) {
                Some(&l) => l,
                None => {
                    sc.feats.clear();
                    tagger_features(&sc.ctx, i, p1, p2, &mut sc.feats);
                    if let Some(r) = first {
                        stacked_features(&sc.ctx, i, p1, r, &mut sc.feats);
                    }
                    table.score(&sc.feats, &mut sc.scores);
                    argmax(&sc.scores) as u8
                }
            };
            out.push(l);
            p2 = p1;
            p1 = l;
        }
        out
    }

    /// Serializes the model (see the crate docs for the format).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.varint(self.labels.len() as u64);
        for (u, x) in &self.labels {
            w.u8(u.id());
            w.u8(x.id());
        }
        let mut dict: Vec<(&String, &u8)> = self.tagdict.iter().collect();
        dict.sort();
        w.varint(dict.len() as u64);
        for (form, l) in dict {
            w.str(form);
            w.u8(*l);
        }
        let mut lex: Vec<(&String, &u32)> = self.lexicon.iter().collect();
        lex.sort();
        w.varint(lex.len() as u64);
        for (form, c) in lex {
            w.str(form);
            w.u32(*c);
        }
        write_table(&mut w, &self.weights);
        match &self.stage2 {
            Some(t) => {
                w.u8(1);
                write_table(&mut w, t);
            }
            None => w.u8(0),
        }
        self.lemmatizer.write(&mut w);
        wrap(TAGGER_MAGIC, TAGGER_VERSION, &w.buf)
    }

    /// Loads a model written by [`TaggerModel::to_bytes`]. Never panics on bad input.
    pub fn from_bytes(bytes: &[u8]) -> Result<TaggerModel, ModelError> {
        let body = unwrap_body(TAGGER_MAGIC, TAGGER_VERSION, bytes)?;
        let mut r = ByteReader::new(body);
        let n_labels = r.count(2)?;
        if n_labels == 0 || n_labels > MAX_LABELS {
            return Err(ModelError::Invalid(format!("{n_labels} labels")));
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let u =
                Upos::from_id(r.u8()?).ok_or_else(|| ModelError::Invalid("bad UPOS id".into()))?;
            let x =
                Xpos::from_id(r.u8()?).ok_or_else(|| ModelError::Invalid("bad XPOS id".into()))?;
            labels.push((u, x));
        }
        let n_dict = r.count(2)?;
        let mut tagdict = HashMap::with_capacity_and_hasher(n_dict, PassThrough::default());
        for _ in 0..n_dict {
            let form = r.str()?.to_string();
            let l = r.u8()?;
            if l as usize >= n_labels {
                return Err(ModelError::Invalid(
                    "tag dictionary label out of range".into(),
                ));
            }
            tagdict.insert(form, l);
        }
        let n_lex = r.count(5)?;
        let mut lexicon = HashMap::with_capacity_and_hasher(n_lex, PassThrough::default());
        for _ in 0..n_lex {
            let form = r.str()?.to_string();
            lexicon.insert(form, r.u32()?);
        }
        let weights = read_table(&mut r, n_labels)?;
        let stage2 = match r.u8()? {
            0 => None,
            1 => Some(read_table(&mut r, n_labels)?),
            x => return Err(ModelError::Invalid(format!("bad stage flag {x}"))),
        };
        let lemmatizer = Lemmatizer::read(&mut r)?;
        if !r.is_at_end() {
            return Err(ModelError::Invalid("trailing data in model body".into()));
        }
        Ok(TaggerModel {
            labels,
            tagdict,
            lexicon,
            weights,
            stage2,
            lemmatizer,
        })
    }
}

fn write_table(w: &mut ByteWriter, t: &WeightTable) {
    w.f32(t.scale);
    w.varint(t.keys.len() as u64);
    let mut prev = 0u32;
    for (k, &key) in t.keys.iter().enumerate() {
        w.varint((key - prev) as u64);
        prev = key;
        // every key has its entries (`starts` has one more element than `keys`)
        let (classes, weights) = t.entries(k).unwrap_or_default();
        w.varint(classes.len() as u64);
        for (c, q) in classes.iter().zip(weights) {
            w.u8(*c);
            w.zigzag(*q as i64);
        }
    }
}

fn read_table(r: &mut ByteReader<'_>, n_labels: usize) -> Result<WeightTable, ModelError> {
    let scale = r.f32()?;
    let n_feats = r.count(3)?;
    let mut keys = Vec::with_capacity(n_feats);
    let mut starts = Vec::with_capacity(n_feats + 1);
    starts.push(0u32);
    let mut classes = Vec::new();
    let mut weights = Vec::new();
    let mut prev = 0u64;
    for k in 0..n_feats {
        let delta = r.varint()?;
        if delta == 0 && k > 0 {
            return Err(ModelError::Invalid("feature keys not increasing".into()));
        }
        // a corrupt delta near u64::MAX must not overflow
        let key = prev.saturating_add(delta);
        if key == 0 || key > u32::MAX as u64 {
            return Err(ModelError::Invalid("bad feature key".into()));
        }
        prev = key;
        keys.push(key as u32);
        let m = r.count(2)?;
        if m == 0 || m > n_labels {
            return Err(ModelError::Invalid("bad weight count".into()));
        }
        for _ in 0..m {
            let c = r.u8()?;
            if c as usize >= n_labels {
                return Err(ModelError::Invalid("weight class out of range".into()));
            }
            let q = r.zigzag()?;
            let q =
                i16::try_from(q).map_err(|_| ModelError::Invalid("weight out of range".into()))?;
            classes.push(c);
            weights.push(q);
        }
        starts.push(classes.len() as u32);
    }
    Ok(WeightTable::from_parts(
        n_labels, scale, keys, starts, classes, weights,
    ))
}

/// Ambiguity classes of the normalised forms seen at least `lexicon_min_count` times.
fn build_lexicon(
    train: &[ConllSentence],
    gold: &[Vec<u8>],
    opts: &TrainOptions,
) -> HashMap<String, u32, PassThrough> {
    let mut ctx = SentenceContext::new();
    let counts = label_counts(train.iter().zip(gold).flat_map(|(s, g)| {
        ctx.fill(&s.forms());
        g.iter()
            .enumerate()
            .map(|(i, &l)| (ctx.norm(i + 2).to_string(), l))
            .collect::<Vec<_>>()
    }));
    let mut lexicon = HashMap::default();
    for (form, labels) in counts {
        let total: u32 = labels.values().sum();
        if total < opts.lexicon_min_count {
            continue;
        }
        let mut set: Vec<u8> = labels
            .iter()
            .filter(|(_, &c)| c as f64 / total as f64 >= opts.lexicon_min_share)
            .map(|(&l, _)| l)
            .collect();
        set.sort();
        let h = crate::hash::FeatureHasher::new(200).part(&set).finish();
        lexicon.insert(form, h.max(3));
    }
    lexicon
}

/// Averages, prunes and quantizes the trainer's weights: the largest absolute weight maps
/// to ±32000.
fn quantize(trainer: &Trainer, prune_below: f32) -> WeightTable {
    quantize_averaged(trainer.n_classes(), &trainer.averaged(), prune_below)
}

fn quantize_averaged(
    n_classes: usize,
    averaged: &[(u32, Vec<(u8, f32)>)],
    prune_below: f32,
) -> WeightTable {
    let max = averaged
        .iter()
        .flat_map(|(_, v)| v.iter())
        .fold(0f32, |m, &(_, w)| m.max(w.abs()));
    let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
    let min_abs = (prune_below * scale).round().clamp(1.0, 32000.0) as i16;
    WeightTable::quantize(n_classes, averaged, scale, min_abs)
}

/// How often each key occurs with each label.
fn label_counts<K: std::hash::Hash + Eq>(
    pairs: impl Iterator<Item = (K, u8)>,
) -> HashMap<K, HashMap<u8, u32>> {
    let mut counts: HashMap<K, HashMap<u8, u32>> = HashMap::new();
    for (k, l) in pairs {
        *counts.entry(k).or_default().entry(l).or_default() += 1;
    }
    counts
}
