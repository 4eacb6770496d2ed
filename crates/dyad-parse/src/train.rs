//! Training: the averaged perceptron with the dynamic oracle and exploration, on gold or
//! predicted (jackknifed) tags.

use crate::features::{extract, word_id, Sentence, COARSE, EXTRA, SUFFIX, UNK};
use crate::parser::{classes, evaluate_tagged, upos_table, ParserModel, MAX_BEAM};
use crate::perceptron::Trainer;
use crate::system::{projectivize, Gold, State, Transition};
use dyad_syntax::hash::SplitMix64;
use dyad_syntax::{jackknife_tags, ConllSentence, TaggerModel, Upos, Xpos};

/// Training settings; the defaults reproduce the committed model (with
/// [`train_with_jackknife`] and the tagger's default options, see the crate docs).
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub seed: u64,
    /// From this epoch on (0-based), follow the model's own (possibly wrong) transition with
    /// probability `explore` (training with exploration, Goldberg and Nivre 2013).
    pub explore_from: usize,
    pub explore: f64,
    /// Averaged weights smaller than this are dropped from the model.
    pub prune_below: f32,
    /// Optional feature template groups ([`crate::features::SUFFIX`], ...).
    pub features: u32,
    /// Beam width. 1: greedy training with the dynamic oracle and exploration; k > 1:
    /// global training (structured perceptron, max-violation update) with a beam of k,
    /// which is also the width the model decodes with.
    pub beam: usize,
    /// Print per-epoch progress and dev scores to standard error.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 15,
            seed: 20251128,
            explore_from: 1,
            explore: 0.9,
            prune_below: 1.0,
            features: SUFFIX | EXTRA | COARSE,
            beam: 1,
            verbose: true,
        }
    }
}

/// Jackknife folds of the committed model's training tags.
pub const JACKKNIFE_FOLDS: usize = 10;

/// `(UPOS, XPOS)` tags of every word of every sentence.
pub type SentenceTags = Vec<(Upos, Xpos)>;

fn gold_tag_lists(data: &[ConllSentence]) -> Vec<SentenceTags> {
    data.iter().map(crate::parser::gold_tags).collect()
}

impl ParserModel {
    /// Trains on sentences with gold heads, relations and (gold) tags.
    pub fn train(
        train: &[ConllSentence],
        dev: Option<&[ConllSentence]>,
        opts: &TrainOptions,
    ) -> ParserModel {
        let tags = gold_tag_lists(train);
        let dev_tags = dev.map(gold_tag_lists);
        ParserModel::train_tagged(train, &tags, dev.zip(dev_tags.as_deref()), opts)
    }

    /// Trains on `train` (gold trees) with the tags `train_tags` (one list per sentence,
    /// e.g. predicted by jackknifing); `dev` with its tags is scored every five epochs.
    pub fn train_tagged(
        train: &[ConllSentence],
        train_tags: &[SentenceTags],
        dev: Option<(&[ConllSentence], &[SentenceTags])>,
        opts: &TrainOptions,
    ) -> ParserModel {
        let mut labels: Vec<String> = Vec::new();
        for s in train {
            for w in &s.words {
                if !labels.contains(&w.deprel) {
                    labels.push(w.deprel.clone());
                }
            }
        }
        labels.sort();
        labels.truncate(127);
        let label_id = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0) as u8;
        let vocab = if opts.features & UNK != 0 {
            vocabulary(train)
        } else {
            Vec::new()
        };
        // Gold trees, projectivized so that the oracle is exact.
        let data: Vec<(Sentence, Gold)> = train
            .iter()
            .zip(train_tags)
            .filter(|(s, t)| !s.words.is_empty() && s.words.len() < 250 && t.len() == s.words.len())
            .map(|(s, t)| {
                let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
                let ids: Vec<(u8, u8)> = t.iter().map(|(u, x)| (u.id(), x.id())).collect();
                let mut heads: Vec<usize> = s.words.iter().map(|w| w.head).collect();
                projectivize(&mut heads);
                let labs: Vec<u8> = s.words.iter().map(|w| label_id(&w.deprel)).collect();
                (
                    Sentence::new(&forms, &ids, &vocab),
                    Gold::new(&heads, &labs),
                )
            })
            .collect();
        let upos_of_xpos = upos_table(train);
        let nclass = classes(labels.len());
        let mut trainer = Trainer::default();
        let beam = opts.beam.clamp(1, MAX_BEAM);
        let report = |trainer: &Trainer, epoch: usize| {
            if let (Some((dev, dev_tags)), true) = (dev, opts.verbose) {
                if epoch + 1 == opts.epochs || (epoch + 1).is_multiple_of(5) {
                    let snapshot = ParserModel {
                        labels: labels.clone(),
                        flags: opts.features,
                        upos_of_xpos: upos_of_xpos.clone(),
                        vocab: vocab.clone(),
                        weights: trainer.snapshot(opts.prune_below),
                        beam,
                    };
                    let mut k = 0;
                    let s = evaluate_tagged(&snapshot, dev, |_| {
                        k += 1;
                        dev_tags.get(k - 1).cloned().unwrap_or_default()
                    });
                    eprintln!("  dev: UAS {:.4} LAS {:.4}", s.uas(), s.las());
                }
            }
        };
        if beam > 1 {
            crate::beam::train_global(&data, nclass, beam, opts, &mut trainer, report);
        } else {
            train_greedy(&data, nclass, opts, &mut trainer, report);
        }
        ParserModel {
            labels,
            flags: opts.features,
            upos_of_xpos,
            vocab,
            weights: trainer.finish(opts.prune_below),
            beam,
        }
    }
}

/// Greedy training with the dynamic oracle: at every step the update is towards the
/// best-scoring transition of least cost; after `explore_from` epochs the parser follows its
/// own prediction with probability `explore`.
fn train_greedy(
    data: &[(Sentence, Gold)],
    nclass: usize,
    opts: &TrainOptions,
    trainer: &mut Trainer,
    report: impl Fn(&Trainer, usize),
) {
    let mut rng = SplitMix64::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::with_capacity(160);
    let mut scores = vec![0f32; nclass];
    let mut costs = vec![0u32; nclass];
    let argmax = |scores: &[f32], ok: &dyn Fn(usize) -> bool| {
        let mut best: Option<(usize, f32)> = None;
        for (c, &s) in scores.iter().enumerate() {
            if ok(c) && best.is_none_or(|(_, b)| s > b) {
                best = Some((c, s));
            }
        }
        best.map(|(c, _)| c)
    };
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut correct, mut total) = (0usize, 0usize);
        for &i in &order {
            // `order` is a permutation of the indices of `data`
            let Some((sent, gold)) = data.get(i) else {
                continue;
            };
            let mut state = State::new(gold.heads.len() - 2);
            while !state.is_terminal() {
                extract(sent, &state, opts.features, &mut feats);
                trainer.scores(&feats, &mut scores);
                gold.costs(&state, &mut costs);
                let min_cost = costs.iter().copied().min().unwrap_or(u32::MAX);
                // `costs` has one entry per class, as `scores` (u32::MAX: invalid)
                let cost = |c: usize| costs.get(c).copied().unwrap_or(u32::MAX);
                let Some(pred) = argmax(&scores, &|c| cost(c) != u32::MAX) else {
                    break;
                };
                let Some(best_gold) = argmax(&scores, &|c| cost(c) == min_cost) else {
                    break;
                };
                trainer.tick();
                total += 1;
                if cost(pred) == min_cost {
                    correct += 1;
                    state.apply(Transition::from_class(pred));
                    continue;
                }
                trainer.update(&feats, best_gold, pred);
                let explore = epoch >= opts.explore_from
                    && (rng.next_u64() as f64 / u64::MAX as f64) < opts.explore;
                state.apply(Transition::from_class(if explore {
                    pred
                } else {
                    best_gold
                }));
            }
        }
        if opts.verbose {
            eprintln!(
                "epoch {}: {:.4} of transitions optimal",
                epoch + 1,
                correct as f64 / total.max(1) as f64
            );
        }
        report(trainer, epoch);
    }
}

/// Sorted ids of the words seen at least twice in `train`.
fn vocabulary(train: &[ConllSentence]) -> Vec<u32> {
    let mut ids: Vec<u32> = train
        .iter()
        .flat_map(|s| &s.words)
        .map(|w| word_id(&w.form))
        .collect();
    ids.sort_unstable();
    let mut vocab: Vec<u32> = ids
        .windows(2)
        .filter_map(|w| match *w {
            [a, b] if a == b => Some(a),
            _ => None,
        })
        .collect();
    vocab.dedup();
    vocab
}

/// Predicted tags for training the parser: `folds`-fold jackknifing of the tagger
/// (`tagger_opts`, with `folds` overriding its fold count) over `train`.
pub fn jackknifed_tags(
    train: &[ConllSentence],
    tagger_opts: &dyad_syntax::TrainOptions,
    folds: usize,
) -> Vec<SentenceTags> {
    let opts = dyad_syntax::TrainOptions {
        folds,
        verbose: false,
        ..tagger_opts.clone()
    };
    jackknife_tags(train, &opts)
}

/// Trains the parser on the tags the tagger predicts: the training sentences are tagged by
/// `folds`-fold jackknifing ([`jackknifed_tags`]); if `dev` is given, it is tagged by a tagger
/// trained on all of `train` (the committed tagger, with its default options) for the
/// progress reports.
pub fn train_with_jackknife(
    train: &[ConllSentence],
    dev: Option<&[ConllSentence]>,
    parser_opts: &TrainOptions,
    tagger_opts: &dyad_syntax::TrainOptions,
    folds: usize,
) -> ParserModel {
    let tags = jackknifed_tags(train, tagger_opts, folds);
    let dev_tagged = dev.map(|dev| {
        let quiet = dyad_syntax::TrainOptions {
            verbose: false,
            ..tagger_opts.clone()
        };
        let tagger = TaggerModel::train(train, None, &quiet);
        let tags: Vec<SentenceTags> = dev.iter().map(|s| tagger.tag_pos(&s.forms())).collect();
        (dev, tags)
    });
    ParserModel::train_tagged(
        train,
        &tags,
        dev_tagged.as_ref().map(|(d, t)| (*d, t.as_slice())),
        parser_opts,
    )
}
