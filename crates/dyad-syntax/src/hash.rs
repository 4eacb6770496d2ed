//! Hand-written hashing: 32-bit FNV-1a for features, 64-bit FNV-1a for checksums, and
//! splitmix64 for deterministic shuffling.
//!
//! A feature is hashed as `template id` followed by its parts, each part terminated by
//! `0xFF` (a byte that never occurs in UTF-8), so `("ab","c")` and `("a","bc")` differ.
//! The hash value 0 is reserved as the "empty slot" marker of [`crate::perceptron::WeightTable`]
//! and is remapped to 1.

const FNV32_OFFSET: u32 = 0x811c_9dc5;
const FNV32_PRIME: u32 = 0x0100_0193;
const FNV64_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV64_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Incremental 32-bit FNV-1a hasher for one feature.
#[derive(Debug, Clone, Copy)]
pub struct FeatureHasher(u32);

impl FeatureHasher {
    /// Starts a feature of template `template`.
    #[inline]
    pub fn new(template: u8) -> Self {
        FeatureHasher(FNV32_OFFSET).byte(template)
    }

    /// Adds one byte (a tag id, a flag).
    #[inline]
    pub fn byte(self, b: u8) -> Self {
        FeatureHasher((self.0 ^ b as u32).wrapping_mul(FNV32_PRIME))
    }

    /// Adds a byte string part, followed by the `0xFF` terminator.
    #[inline]
    pub fn part(self, bytes: &[u8]) -> Self {
        let mut h = self.0;
        for &b in bytes {
            h = (h ^ b as u32).wrapping_mul(FNV32_PRIME);
        }
        FeatureHasher(h).byte(0xFF)
    }

    /// The final hash, never 0.
    #[inline]
    pub fn finish(self) -> u32 {
        // Final avalanche (murmur3 fmix32) so that the low bits used by the open-addressing
        // table are well mixed.
        let mut h = self.0;
        h ^= h >> 16;
        h = h.wrapping_mul(0x85eb_ca6b);
        h ^= h >> 13;
        h = h.wrapping_mul(0xc2b2_ae35);
        h ^= h >> 16;
        if h == 0 {
            1
        } else {
            h
        }
    }
}

/// 64-bit FNV-1a of a byte string (model file checksum).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h = FNV64_OFFSET;
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(FNV64_PRIME);
    }
    h
}

/// splitmix64 pseudo-random generator (deterministic shuffles).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform-ish integer in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// A `std` hasher that passes an already-hashed `u32` key through and hashes byte strings
/// with FNV-1a 64 (fast for the short word keys of the tag dictionary and lexicon; the
/// keys come from the model file, not from untrusted input, so no DoS resistance needed).
#[derive(Default, Clone, Copy)]
pub struct PassThroughHasher(u64);

impl std::hash::Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV64_PRIME);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = n as u64;
    }
}

/// `BuildHasher` for [`PassThroughHasher`].
pub type PassThrough = std::hash::BuildHasherDefault<PassThroughHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_delimited() {
        let a = FeatureHasher::new(1).part(b"ab").part(b"c").finish();
        let b = FeatureHasher::new(1).part(b"a").part(b"bc").finish();
        let c = FeatureHasher::new(2).part(b"ab").part(b"c").finish();
        assert_ne!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn splitmix_is_deterministic() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        let mut v: Vec<u32> = (0..20).collect();
        let mut w = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut w);
        assert_eq!(v, w);
        assert_ne!(v, (0..20).collect::<Vec<u32>>());
    }
}
