//! A multi-class averaged perceptron whose weights are sparse per feature: a feature keeps
//! only the classes it was ever updated for, which with ~100 transition classes saves two
//! orders of magnitude of memory over dense rows. After training, weights are averaged,
//! pruned, quantized to `i16` and packed into an open-addressing table for inference.

use dyad_syntax::model_io::{ByteReader, ByteWriter, ModelError};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hasher for keys that are already hashes: one multiplication spreads them over all 64
/// bits (hashbrown reads the top bits).
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64 | 1 << 32).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[derive(Clone, Copy)]
struct Entry {
    class: u8,
    w: f32,
    total: f32,
    stamp: u32,
}

/// Training-time weights.
#[derive(Default)]
pub struct Trainer {
    weights: HashMap<u32, Vec<Entry>, BuildHasherDefault<KeyHasher>>,
    /// Number of updates so far (the averaging clock).
    clock: u32,
}

impl Trainer {
    pub fn scores(&self, feats: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(entries) = self.weights.get(f) {
                for e in entries {
                    if let Some(s) = scores.get_mut(e.class as usize) {
                        *s += e.w;
                    }
                }
            }
        }
    }

    /// Advances the averaging clock: once per training decision, whether or not it updates,
    /// so the average weighs each weight vector by how long it survived.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Rewards `good`, penalizes `bad` on every feature.
    pub fn update(&mut self, feats: &[u32], good: usize, bad: usize) {
        self.update_one(feats, good, 1.0);
        self.update_one(feats, bad, -1.0);
    }

    /// Adds `delta` to the weight of `class` on every feature (the structured update of
    /// beam training: +1 along the gold sequence, -1 along the predicted one).
    pub fn update_one(&mut self, feats: &[u32], class: usize, delta: f32) {
        let now = self.clock;
        let class = class as u8;
        for &f in feats {
            let entries = self.weights.entry(f).or_default();
            let i = match entries.iter().position(|e| e.class == class) {
                Some(i) => i,
                None => {
                    entries.push(Entry {
                        class,
                        w: 0.0,
                        total: 0.0,
                        stamp: now,
                    });
                    entries.len() - 1
                }
            };
            let Some(e) = entries.get_mut(i) else {
                continue;
            };
            e.total += (now - e.stamp) as f32 * e.w;
            e.stamp = now;
            e.w += delta;
        }
    }

    /// Averaged, pruned, quantized weights.
    pub fn finish(self, prune_below: f32) -> Weights {
        self.snapshot(prune_below)
    }

    /// The averaged weights as of now (training can go on).
    pub fn snapshot(&self, prune_below: f32) -> Weights {
        let now = self.clock.max(1) as f32;
        let mut averaged: Vec<(u32, Vec<(u8, f32)>)> = Vec::with_capacity(self.weights.len());
        let mut max = 0f32;
        for (&f, entries) in &self.weights {
            let kept: Vec<(u8, f32)> = entries
                .iter()
                .map(|e| (e.class, (e.total + (now - e.stamp as f32) * e.w) / now))
                .filter(|(_, w)| w.abs() >= prune_below)
                .collect();
            for (_, w) in &kept {
                max = max.max(w.abs());
            }
            if !kept.is_empty() {
                averaged.push((f, kept));
            }
        }
        averaged.sort_by_key(|(f, _)| *f);
        let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
        let features = averaged
            .into_iter()
            .map(|(f, entries)| {
                let q = entries
                    .into_iter()
                    .map(|(c, w)| (c, (w * scale).round() as i16))
                    .filter(|(_, w)| *w != 0)
                    .collect();
                (f, q)
            })
            .collect();
        Weights::from_sorted(features, scale)
    }
}

/// A slot of the open-addressing table: feature hash (0 = empty) and its entry range,
/// packed as `start << 8 | len` (8 bytes a slot, eight slots a cache line).
#[derive(Clone, Copy, Default)]
pub struct Slot {
    key: u32,
    range: u32,
}

impl Slot {
    #[inline]
    fn start(self) -> usize {
        (self.range >> 8) as usize
    }
    #[inline]
    fn len(self) -> usize {
        (self.range & 0xFF) as usize
    }
}

/// Most entries a table can hold (24-bit start offsets).
const MAX_ENTRIES: usize = 1 << 24;

/// Asks the CPU to bring the cache line of `p` in, without waiting for it: the probes of
/// one configuration's ~120 features then miss the cache in parallel.
#[inline(always)]
fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint; it never faults nor reads memory into the program.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Inference-time weights: open addressing on the feature hash (linear probing).
pub struct Weights {
    slots: Vec<Slot>,
    entries: Vec<(u8, i16)>,
    /// Features in hash order, for serialization.
    order: Vec<u32>,
    pub scale: f32,
}

impl Weights {
    /// `features` sorted by hash, each with at most 255 entries (one per class).
    fn from_sorted(features: Vec<(u32, Vec<(u8, i16)>)>, scale: f32) -> Weights {
        let cap = (features.len() * 2).next_power_of_two().max(16);
        let total: usize = features.iter().map(|(_, l)| l.len()).sum();
        let mut w = Weights {
            slots: vec![Slot::default(); cap],
            entries: Vec::with_capacity(total.min(MAX_ENTRIES)),
            order: Vec::with_capacity(features.len()),
            scale,
        };
        for (f, list) in features {
            if list.is_empty() || f == 0 || list.len() > 255 {
                continue;
            }
            if w.entries.len() + list.len() > MAX_ENTRIES {
                break;
            }
            let range = (w.entries.len() as u32) << 8 | list.len() as u32;
            w.entries.extend(list);
            // `cap` is at least twice the number of features: the probe meets an empty slot
            let mut i = (f as usize) & (cap - 1);
            while w.slots.get(i).is_some_and(|s| s.key != 0) {
                i = (i + 1) & (cap - 1);
            }
            if let Some(slot) = w.slots.get_mut(i) {
                *slot = Slot { key: f, range };
            }
            w.order.push(f);
        }
        w
    }

    pub fn feature_count(&self) -> usize {
        self.order.len()
    }

    #[inline]
    fn entries_of(&self, s: Slot) -> &[(u8, i16)] {
        self.entries
            .get(s.start()..s.start() + s.len())
            .unwrap_or(&[])
    }

    #[inline]
    fn lookup(&self, f: u32) -> &[(u8, i16)] {
        // `i` is masked to the table size (a power of two), and the table always has an
        // empty slot (see `from_sorted`), so the probe ends
        let mask = self.slots.len() - 1;
        let mut i = (f as usize) & mask;
        loop {
            let Some(&s) = self.slots.get(i) else {
                return &[];
            };
            if s.key == f {
                return self.entries_of(s);
            }
            if s.key == 0 {
                return &[];
            }
            i = (i + 1) & mask;
        }
    }

    /// Sums the weights of `feats` into `scores`. Memory-bound, so in three passes: prefetch
    /// every feature's slot, probe (and prefetch the entries found, into `found`), then
    /// add up; the cache misses of all features overlap.
    pub fn scores(&self, feats: &[u32], found: &mut Vec<Slot>, scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        found.clear();
        let mask = self.slots.len() - 1;
        for &f in feats {
            prefetch(self.slots.as_ptr().wrapping_add(f as usize & mask));
        }
        for &f in feats {
            let mut i = (f as usize) & mask;
            // as in `lookup`: `i` stays in the table and the probe ends at an empty slot
            while let Some(&s) = self.slots.get(i) {
                if s.key == f {
                    prefetch(self.entries.as_ptr().wrapping_add(s.start()));
                    found.push(s);
                    break;
                }
                if s.key == 0 {
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        for &s in found.iter() {
            for &(c, w) in self.entries_of(s) {
                if let Some(s) = scores.get_mut(c as usize) {
                    *s += w as i32;
                }
            }
        }
    }

    /// A copy without the weights whose absolute value (before quantization) is below
    /// `below`.
    pub fn pruned(&self, below: f32) -> Weights {
        let min = (below * self.scale).round() as i32;
        let features = self
            .order
            .iter()
            .map(|&f| {
                (
                    f,
                    self.lookup(f)
                        .iter()
                        .copied()
                        .filter(|(_, w)| (*w as i32).abs() >= min)
                        .collect(),
                )
            })
            .collect();
        Weights::from_sorted(features, self.scale)
    }

    pub fn write(&self, out: &mut ByteWriter) {
        out.f32(self.scale);
        out.varint(self.order.len() as u64);
        let mut prev = 0u32;
        for &f in &self.order {
            out.varint((f - prev) as u64);
            prev = f;
            let list = self.lookup(f);
            out.varint(list.len() as u64);
            for &(c, w) in list {
                out.u8(c);
                out.zigzag(w as i64);
            }
        }
    }

    pub fn read(r: &mut ByteReader<'_>, classes: usize) -> Result<Weights, ModelError> {
        let scale = r.f32()?;
        let n = r.count(2)?;
        let mut features = Vec::with_capacity(n);
        let mut prev = 0u64;
        let mut total = 0usize;
        for _ in 0..n {
            // a corrupt delta near u64::MAX must not overflow (nor wrap below `prev`)
            let f = prev.saturating_add(r.varint()?);
            if f > u32::MAX as u64 || (f == prev && !features.is_empty()) {
                return Err(ModelError::Invalid("feature hashes out of order".into()));
            }
            prev = f;
            let k = r.count(2)?;
            if k > 255 {
                return Err(ModelError::Invalid(format!("{k} weights for one feature")));
            }
            total += k;
            if total > MAX_ENTRIES {
                return Err(ModelError::Invalid("too many weights".into()));
            }
            let mut list = Vec::with_capacity(k);
            for _ in 0..k {
                let c = r.u8()?;
                if c as usize >= classes {
                    return Err(ModelError::Invalid(format!("class {c} out of range")));
                }
                let w = r.zigzag()?;
                let w = i16::try_from(w)
                    .map_err(|_| ModelError::Invalid("weight out of range".into()))?;
                list.push((c, w));
            }
            features.push((f as u32, list));
        }
        Ok(Weights::from_sorted(features, scale))
    }
}
