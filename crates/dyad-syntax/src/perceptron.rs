//! Averaged multiclass perceptron (Collins 2002) with lazy averaging, and the compact
//! quantized weight table used at inference.
//!
//! Training keeps, for every hashed feature, a short list of `(class, weight, total,
//! timestamp)` entries (sparse: most features fire with few classes). Updates are `+1` to
//! the gold class and `-1` to the predicted class; `total` accumulates `weight × time`
//! lazily, so the averaged weight of an entry is `total / time` after training.
//!
//! [`WeightTable`] is the inference form: averaged weights scaled by a global factor and
//! rounded to `i16`, entries whose quantized value is below the pruning threshold dropped,
//! and features stored in an open-addressing hash table keyed by the `u32` feature hash
//! (0 marks an empty slot), pointing into flat `classes`/`weights` arrays.

use std::collections::HashMap;

use crate::hash::PassThrough;

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: u8,
    weight: i32,
    total: i64,
    stamp: u32,
}

/// The training-time perceptron.
#[derive(Debug, Clone)]
pub struct Trainer {
    n_classes: usize,
    weights: HashMap<u32, Vec<Entry>, PassThrough>,
    time: u32,
}

impl Trainer {
    pub fn new(n_classes: usize) -> Self {
        Trainer {
            n_classes,
            weights: HashMap::default(),
            time: 0,
        }
    }

    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with at least one entry.
    pub fn n_features(&self) -> usize {
        self.weights.len()
    }

    /// Adds the current (not averaged) weights of `features` into `scores`.
    pub fn score(&self, features: &[u32], scores: &mut [f32]) {
        for s in scores.iter_mut() {
            *s = 0.0;
        }
        for f in features {
            if let Some(entries) = self.weights.get(f) {
                for e in entries {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.weight as f32;
                    }
                }
            }
        }
    }

    /// Counts one training example (call once per example, before or after `update`).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Perceptron update for one example.
    pub fn update(&mut self, truth: u8, guess: u8, features: &[u32]) {
        if truth == guess {
            return;
        }
        let time = self.time;
        for &f in features {
            let entries = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1i32), (guess, -1i32)] {
                match entries.iter_mut().find(|e| e.class == class) {
                    Some(e) => {
                        e.total += e.weight as i64 * (time - e.stamp) as i64;
                        e.stamp = time;
                        e.weight += delta;
                    }
                    None => entries.push(Entry {
                        class,
                        weight: delta,
                        total: 0,
                        stamp: time,
                    }),
                }
            }
        }
    }

    /// The averaged weights, sorted by feature hash (entries sorted by class).
    pub fn averaged(&self) -> Vec<(u32, Vec<(u8, f32)>)> {
        let time = self.time.max(1);
        let mut out: Vec<(u32, Vec<(u8, f32)>)> = self
            .weights
            .iter()
            .map(|(&f, entries)| {
                let mut v: Vec<(u8, f32)> = entries
                    .iter()
                    .map(|e| {
                        let total = e.total + e.weight as i64 * (time - e.stamp) as i64;
                        (e.class, (total as f64 / time as f64) as f32)
                    })
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                v.sort_by_key(|&(c, _)| c);
                (f, v)
            })
            .filter(|(_, v)| !v.is_empty())
            .collect();
        out.sort_by_key(|&(f, _)| f);
        out
    }
}

/// Compact, quantized inference weights.
#[derive(Debug, Clone, PartialEq)]
pub struct WeightTable {
    pub(crate) n_classes: usize,
    /// Quantized weight = round(weight × scale).
    pub(crate) scale: f32,
    /// Open-addressing slots: feature hash (0 = empty) and index into `starts`.
    slot_keys: Vec<u32>,
    slot_index: Vec<u32>,
    /// Features in sorted hash order; `starts[k]..starts[k+1]` are the entries of feature k.
    pub(crate) keys: Vec<u32>,
    pub(crate) starts: Vec<u32>,
    pub(crate) classes: Vec<u8>,
    pub(crate) weights: Vec<i16>,
}

impl WeightTable {
    /// Quantizes averaged weights. `scale` maps a weight of 1.0 to `scale` units; entries
    /// whose quantized absolute value is below `min_abs` are pruned.
    pub fn quantize(
        n_classes: usize,
        averaged: &[(u32, Vec<(u8, f32)>)],
        scale: f32,
        min_abs: i16,
    ) -> Self {
        let mut keys = Vec::new();
        let mut starts = vec![0u32];
        let mut classes = Vec::new();
        let mut weights = Vec::new();
        for (f, entries) in averaged {
            let before = classes.len();
            for &(c, w) in entries {
                let q = (w * scale)
                    .round()
                    .clamp(i16::MIN as f32 + 1.0, i16::MAX as f32) as i16;
                if q.unsigned_abs() >= min_abs.unsigned_abs() && q != 0 {
                    classes.push(c);
                    weights.push(q);
                }
            }
            if classes.len() > before {
                keys.push(*f);
                starts.push(classes.len() as u32);
            }
        }
        Self::from_parts(n_classes, scale, keys, starts, classes, weights)
    }

    /// Builds the lookup slots. Callers guarantee `keys` sorted/unique and `starts` valid.
    pub(crate) fn from_parts(
        n_classes: usize,
        scale: f32,
        keys: Vec<u32>,
        starts: Vec<u32>,
        classes: Vec<u8>,
        weights: Vec<i16>,
    ) -> Self {
        let cap = (keys.len() * 2).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut slot_keys = vec![0u32; cap];
        let mut slot_index = vec![0u32; cap];
        // `cap` is at least twice the number of keys, so every probe sequence meets an empty
        // slot; `slot_keys` and `slot_index` both have `cap` entries.
        for (k, &key) in keys.iter().enumerate() {
            let mut s = key as usize & mask;
            while slot_keys.get(s).is_some_and(|&used| used != 0) {
                s = (s + 1) & mask;
            }
            if let (Some(slot_key), Some(index)) = (slot_keys.get_mut(s), slot_index.get_mut(s)) {
                *slot_key = key;
                *index = k as u32;
            }
        }
        WeightTable {
            n_classes,
            scale,
            slot_keys,
            slot_index,
            keys,
            starts,
            classes,
            weights,
        }
    }

    /// Number of features.
    pub fn n_features(&self) -> usize {
        self.keys.len()
    }

    /// Number of (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.weights.len()
    }

    #[inline]
    fn find(&self, key: u32) -> Option<usize> {
        if key == 0 {
            return None;
        }
        let mask = self.slot_keys.len() - 1;
        let mut s = key as usize & mask;
        loop {
            // `s` is masked to the table size, so both `get`s succeed; the table always has an
            // empty slot (see `from_parts`), so the probe ends.
            let k = *self.slot_keys.get(s)?;
            if k == key {
                return self.slot_index.get(s).map(|&i| i as usize);
            }
            if k == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// The classes and weights of feature `k` (`None` only if `k` is out of range).
    #[inline]
    pub(crate) fn entries(&self, k: usize) -> Option<(&[u8], &[i16])> {
        let &[a, b] = self.starts.get(k..k + 2)? else {
            return None;
        };
        let range = a as usize..b as usize;
        Some((self.classes.get(range.clone())?, self.weights.get(range)?))
    }

    /// Sums the weights of `features` into `scores` (length `n_classes`, reset here).
    pub fn score(&self, features: &[u32], scores: &mut [i32]) {
        for s in scores.iter_mut() {
            *s = 0;
        }
        for &f in features {
            if let Some((classes, weights)) = self.find(f).and_then(|k| self.entries(k)) {
                for (c, w) in classes.iter().zip(weights) {
                    if let Some(s) = scores.get_mut(*c as usize) {
                        *s += *w as i32;
                    }
                }
            }
        }
    }
}

/// Index of the largest score (first one on ties).
pub fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, s) in scores.iter().enumerate() {
        if let Some(b) = scores.get(best) {
            if *s > *b {
                best = i;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_quantizes() {
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (truth, feats) in [(0u8, [11u32, 12]), (1u8, [11u32, 13])] {
                t.tick();
                let mut s = [0f32; 2];
                t.score(&feats, &mut s);
                let g = argmax(&s) as u8;
                t.update(truth, g, &feats);
            }
        }
        let table = WeightTable::quantize(2, &t.averaged(), 1000.0, 1);
        let mut s = [0i32; 2];
        table.score(&[11, 12], &mut s);
        assert_eq!(argmax(&s), 0);
        table.score(&[11, 13], &mut s);
        assert_eq!(argmax(&s), 1);
        table.score(&[99], &mut s);
        assert_eq!(s, [0, 0]);
    }
}
