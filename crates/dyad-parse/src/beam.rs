//! Global training with beam search (Zhang and Clark 2008, Zhang and Nivre 2011): a
//! structured perceptron over whole transition sequences, decoded with a beam of k, with
//! the max-violation update of Huang, Fayong and Guo (2012).
//!
//! The gold sequence is latent: arc-hybrid has several zero-cost sequences for one tree,
//! so at every step the gold item is the best-scoring extension of zero cost (the dynamic
//! oracle, [`Gold::costs`]) of the zero-cost items in the beam; once none is left in the
//! beam, the gold item goes on alone, extended by its best zero-cost transition. After the
//! whole sentence, the update is at the step where the beam's best item beats the gold
//! item by the largest margin: +1 on the features of the gold prefix's transitions, -1 on
//! the predicted prefix's (the shared prefix cancels and is skipped). The averaging clock
//! ticks once per sentence.

use crate::features::{extract, Sentence};
use crate::perceptron::Trainer;
use crate::system::{Gold, State, Transition};
use crate::train::TrainOptions;
use dyad_syntax::hash::SplitMix64;

/// A beam item: configuration, score and the transitions that led to it.
struct Item {
    state: State,
    score: f64,
    hist: Vec<u8>,
    /// Every transition so far had zero cost: the gold tree is still reachable.
    zero: bool,
}

impl Item {
    fn new(n: usize) -> Item {
        Item {
            state: State::new(n),
            score: 0.0,
            hist: Vec::with_capacity(2 * n),
            zero: true,
        }
    }

    fn copy_from(&mut self, o: &Item) {
        self.state.clone_from(&o.state);
        self.score = o.score;
        self.hist.clone_from(&o.hist);
        self.zero = o.zero;
    }

    fn extend(&mut self, class: usize, score: f64, zero: bool) {
        self.state.apply(Transition::from_class(class));
        self.hist.push(class as u8);
        self.score = score;
        self.zero = zero;
    }
}

#[derive(Clone, Copy)]
struct Cand {
    score: f64,
    parent: u32,
    class: u32,
    zero: bool,
}

fn push_cand(cands: &mut Vec<Cand>, k: usize, c: Cand) {
    crate::parser::push_ranked(cands, k, c, |c| c.score);
}

/// Trains `trainer` for `opts.epochs` epochs with a beam of `k`; `report` is called after
/// every epoch.
pub(crate) fn train_global(
    data: &[(Sentence, Gold)],
    nclass: usize,
    k: usize,
    opts: &TrainOptions,
    trainer: &mut Trainer,
    report: impl Fn(&Trainer, usize),
) {
    let mut rng = SplitMix64::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut feats = Vec::with_capacity(160);
    let mut scores = vec![0f32; nclass];
    let mut costs = vec![0u32; nclass];
    let mut cur: Vec<Item> = Vec::with_capacity(k);
    let mut next: Vec<Item> = Vec::with_capacity(k);
    let mut cands: Vec<Cand> = Vec::with_capacity(k + 1);
    let mut pred_hist: Vec<u8> = Vec::new();
    let mut gold_hist: Vec<u8> = Vec::new();
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        let (mut updates, mut fell_off, mut exact) = (0usize, 0usize, 0usize);
        for &i in &order {
            // `order` is a permutation of the indices of `data`
            let Some((sent, gold)) = data.get(i) else {
                continue;
            };
            let n = gold.heads.len() - 2;
            cur.clear();
            cur.push(Item::new(n));
            // the gold item when it has left the beam
            let mut alone: Option<Item> = None;
            let mut gold_at = 0usize;
            // largest margin of the best item over the gold item, among the steps where the
            // gold item is not the best (ties count: they are mistakes too)
            let mut max_violation: Option<f64> = None;
            let mut lost = false;
            // `cur` is never empty: it starts with one item and is replaced by a non-empty
            // `next` (one item per candidate)
            while cur.first().is_some_and(|it| !it.state.is_terminal()) {
                cands.clear();
                let mut gbest: Option<Cand> = None;
                for (p, it) in cur.iter().enumerate() {
                    extract(sent, &it.state, opts.features, &mut feats);
                    trainer.scores(&feats, &mut scores);
                    let kinds = it.state.valid_kinds();
                    if it.zero {
                        gold.costs(&it.state, &mut costs);
                    }
                    for (c, &s) in scores.iter().enumerate() {
                        if !State::class_ok(kinds, c) {
                            continue;
                        }
                        let cand = Cand {
                            score: it.score + s as f64,
                            parent: p as u32,
                            class: c as u32,
                            // `costs` has one entry per class, as `scores`
                            zero: it.zero && costs.get(c) == Some(&0),
                        };
                        if cand.zero && gbest.is_none_or(|g| cand.score > g.score) {
                            gbest = Some(cand);
                        }
                        push_cand(&mut cands, k, cand);
                    }
                }
                if cands.is_empty() {
                    break;
                }
                // the gold item outside the beam goes on by its best zero-cost transition
                if let Some(g) = alone.as_mut() {
                    extract(sent, &g.state, opts.features, &mut feats);
                    trainer.scores(&feats, &mut scores);
                    gold.costs(&g.state, &mut costs);
                    let kinds = g.state.valid_kinds();
                    // `scores` and `costs` have `nclass` entries
                    let best = scores
                        .iter()
                        .zip(&costs)
                        .enumerate()
                        .filter(|&(c, (_, &cost))| State::class_ok(kinds, c) && cost == 0)
                        .fold(None, |b: Option<(usize, f32)>, (c, (&s, _))| match b {
                            Some(b) if b.1 >= s => Some(b),
                            _ => Some((c, s)),
                        });
                    let Some((c, s)) = best else {
                        lost = true;
                        break;
                    };
                    g.extend(c, g.score + s as f64, true);
                } else {
                    let Some(gb) = gbest else {
                        lost = true;
                        break;
                    };
                    match cands
                        .iter()
                        .position(|c| c.parent == gb.parent && c.class == gb.class)
                    {
                        Some(j) => gold_at = j,
                        None => {
                            // `gb` is a candidate: its parent is an index of `cur`
                            if let Some(parent) = cur.get(gb.parent as usize) {
                                let mut g = Item::new(0);
                                g.copy_from(parent);
                                g.extend(gb.class as usize, gb.score, true);
                                alone = Some(g);
                            }
                        }
                    }
                }
                for (j, c) in cands.iter().enumerate() {
                    if j == next.len() {
                        next.push(Item::new(0));
                    }
                    // `next` has at least j+1 items now, and `c.parent` indexes `cur`
                    if let (Some(item), Some(parent)) =
                        (next.get_mut(j), cur.get(c.parent as usize))
                    {
                        item.copy_from(parent);
                        item.extend(c.class as usize, c.score, c.zero);
                    }
                }
                next.truncate(cands.len());
                std::mem::swap(&mut cur, &mut next);
                // `cur` has one item per candidate, and `gold_at` is the index of a candidate
                // (the beam never shrinks: every unfinished item has a valid transition)
                let (Some(top), Some(g)) = (cur.first(), alone.as_ref().or(cur.get(gold_at)))
                else {
                    break;
                };
                let violation = top.score - g.score;
                if (alone.is_some() || gold_at != 0) && max_violation.is_none_or(|m| violation > m)
                {
                    max_violation = Some(violation);
                    pred_hist.clone_from(&top.hist);
                    gold_hist.clone_from(&g.hist);
                }
            }
            if lost {
                continue;
            }
            fell_off += alone.is_some() as usize;
            exact += cur.first().is_some_and(|it| it.zero) as usize;
            trainer.tick();
            if max_violation.is_some() {
                updates += 1;
                let common = gold_hist
                    .iter()
                    .zip(&pred_hist)
                    .take_while(|(a, b)| a == b)
                    .count();
                for (hist, delta) in [(&gold_hist, 1.0f32), (&pred_hist, -1.0)] {
                    let mut st = State::new(n);
                    for (t, &c) in hist.iter().enumerate() {
                        if t >= common {
                            extract(sent, &st, opts.features, &mut feats);
                            trainer.update_one(&feats, c as usize, delta);
                        }
                        st.apply(Transition::from_class(c as usize));
                    }
                }
            }
        }
        if opts.verbose {
            let m = order.len().max(1) as f64;
            eprintln!(
                "epoch {}: beam {k}: {:.4} of sentences exact, {:.4} updated, gold fell off the beam in {:.4}",
                epoch + 1,
                exact as f64 / m,
                updates as f64 / m,
                fell_off as f64 / m
            );
        }
        report(trainer, epoch);
    }
}
