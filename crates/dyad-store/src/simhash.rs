//! Near-duplicate documents: the same wire story republished by several outlets, differing in
//! a few words, is one article and must not count several times.
//!
//! A document's SimHash (Charikar 2002) over its 2-word shingles: 64 bits where each bit is
//! the majority vote of the shingles' hashes. Texts that share most shingles have hashes a few
//! bits apart. Two documents are copies when their hashes differ in at most [`MAX_DISTANCE`]
//! bits. Candidates are found through [`BANDS`] bands of the hash: two hashes within
//! `MAX_DISTANCE` bits agree exactly on at least one band (pigeonhole: `BANDS > MAX_DISTANCE`),
//! so an index on the bands finds every copy without comparing against the whole store.

/// Hashes at most this many bits apart are copies of one article (unrelated texts are about 32
/// bits apart, a short story with a few words changed 3 to 7).
pub(crate) const MAX_DISTANCE: u32 = 7;

/// The number of bands the hash is cut into for lookup (more than [`MAX_DISTANCE`]).
pub(crate) const BANDS: u32 = 8;

/// Texts with fewer words than this are too short to call copies of anything.
const MIN_WORDS: usize = 40;

/// 64-bit FNV-1a.
fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The SimHash of a text's 2-word shingles (lowercased alphanumeric words), or None for a text
/// too short to compare.
pub(crate) fn simhash(text: &str) -> Option<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut votes = [0i32; 64];
    for shingle in words.windows(2) {
        let h = fnv(&shingle.join(" "));
        for (bit, vote) in votes.iter_mut().enumerate() {
            *vote += if h >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    Some(
        votes
            .iter()
            .enumerate()
            .filter(|(_, v)| **v > 0)
            .fold(0u64, |h, (bit, _)| h | 1 << bit),
    )
}

/// The value of band `i` of a hash (bands of 8 bits).
pub(crate) fn band(hash: u64, i: u32) -> i64 {
    let width = 64u32.div_ceil(BANDS);
    let start = i * width;
    let len = width.min(64 - start);
    ((hash >> start) & ((1u64 << len) - 1)) as i64
}

/// Whether two hashes are close enough to be copies.
pub(crate) fn near(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() <= MAX_DISTANCE
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "MOSCOW, March 3 (Reuters) - Russian forces shelled the Ukrainian city of Kharkiv \
        overnight, killing at least eight people and wounding dozens, regional governor Oleh Syniehubov \
        said on Monday. The strikes hit residential buildings and a school in the north of the city, he said \
        on Telegram, adding that rescue teams were still searching the rubble for survivors. Russia's \
        defence ministry said its forces had struck military targets in the region.";

    #[test]
    fn a_republished_story_is_near_and_another_story_is_not() {
        let a = simhash(STORY).expect("long enough");
        let edited = STORY
            .replace("(Reuters)", "(AP)")
            .replace("at least eight", "at least nine")
            .replace("dozens", "more than 30");
        let b = simhash(&edited).expect("long enough");
        assert!(near(a, b), "distance {}", (a ^ b).count_ones());
        let other = "BEIJING (AP) - China's trade surplus widened in February as exports rose faster than \
            expected, customs data showed on Friday, while imports fell for a third month as domestic demand \
            stayed weak. Economists said the figures pointed to a recovery in global demand for electronics, \
            but warned that new tariffs announced by Washington could weigh on shipments later this year.";
        let c = simhash(other).expect("long enough");
        assert!(!near(a, c), "distance {}", (a ^ c).count_ones());
        assert!(simhash("Too short to compare.").is_none());
    }

    #[test]
    fn near_hashes_share_a_band() {
        let a: u64 = 0x0123_4567_89ab_cdef;
        let b = a ^ 0b1001_0000_0001_0000_0001_0000_0001_0001; // 6 bits apart
        assert!(near(a, b));
        assert!((0..BANDS).any(|i| band(a, i) == band(b, i)));
    }
}
