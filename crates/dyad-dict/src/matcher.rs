//! Longest-match phrase lookup over the words of a sentence: a word-level trie.
//!
//! This is Aho-Corasick's job done on words instead of bytes: dictionary phrases are word
//! sequences and must match on word boundaries, so the trie's alphabet is the dictionary's
//! vocabulary (words interned to integers) and a match can only start where a word starts.
//! Matching is leftmost-longest and non-overlapping, the usual dictionary behaviour: "Russian
//! Foreign Ministry" is read as "Russian" + "Foreign Ministry". Building the trie for the 38k
//! actor phrases takes a few milliseconds, where a byte-level automaton took 150 ms.

use crate::words::{Word, WordIdx};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash (rustc's hasher): fast for short keys; the keys here are not attacker-chosen
/// in any way that matters (a slow dictionary load, not a security boundary).
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            // `chunks(8)` gives at most 8 bytes
            if let Some(head) = buf.get_mut(..chunk.len()) {
                head.copy_from_slice(chunk);
            }
            self.add(u64::from_le_bytes(buf));
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A dictionary of word sequences, each with a payload.
pub struct PhraseMatcher<T> {
    vocab: FxHashMap<Box<str>, u32>,
    /// (node, word id) -> child node; node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// Payload index of the phrase ending at each node.
    ends: Vec<Option<u32>>,
    payloads: Vec<T>,
}

/// A match: words `start..end` of the sentence carry `payload`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'a, T> {
    pub start: WordIdx,
    pub end: WordIdx,
    pub payload: &'a T,
}

impl<T> PhraseMatcher<T> {
    /// Builds a matcher; of several entries with the same words, the first wins.
    pub fn new<W, S>(entries: impl IntoIterator<Item = (W, T)>) -> PhraseMatcher<T>
    where
        W: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut m = PhraseMatcher {
            vocab: FxHashMap::default(),
            edges: FxHashMap::default(),
            ends: vec![None],
            payloads: Vec::new(),
        };
        for (words, payload) in entries {
            let words: Vec<S> = words.into_iter().collect();
            if words.is_empty() || words.iter().any(|w| w.as_ref().is_empty()) {
                continue;
            }
            let mut node = 0u32;
            for w in &words {
                let w = w.as_ref();
                // look up before inserting: most words are already known, and an entry()
                // would allocate the key every time
                let wid = match m.vocab.get(w) {
                    Some(&id) => id,
                    None => {
                        let id = m.vocab.len() as u32;
                        m.vocab.insert(w.into(), id);
                        id
                    }
                };
                let next_node = m.ends.len() as u32;
                node = *m.edges.entry((node, wid)).or_insert_with(|| next_node);
                if node == next_node {
                    m.ends.push(None);
                }
            }
            // every node has its slot in `ends`, pushed when the node was made
            if let Some(end @ None) = m.ends.get_mut(node as usize) {
                *end = Some(m.payloads.len() as u32);
                m.payloads.push(payload);
            }
        }
        m
    }

    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }

    /// The longest phrase starting at word `i`: (end, payload index).
    fn longest_at(&self, words: &[Word], i: usize) -> Option<(usize, u32)> {
        let mut node = 0u32;
        let mut best = None;
        for (j, w) in words.iter().enumerate().skip(i) {
            let Some(&wid) = self.vocab.get(w.norm.as_str()) else {
                break;
            };
            let Some(&next) = self.edges.get(&(node, wid)) else {
                break;
            };
            node = next;
            if let Some(&Some(p)) = self.ends.get(node as usize) {
                best = Some((j + 1, p));
            }
        }
        best
    }

    /// Non-overlapping leftmost-longest matches, in sentence order.
    pub fn find<'a>(&'a self, words: &[Word]) -> Vec<PhraseMatch<'a, T>> {
        self.find_accepted(words, |_, _, _| true)
    }

    /// Like [`PhraseMatcher::find`], but only matches that `accept` takes count: at each word the
    /// longest accepted phrase wins, so that a rejected long phrase ("president mohamed morsi"
    /// written in lowercase) does not hide the shorter ones inside it.
    pub fn find_accepted<'a>(
        &'a self,
        words: &[Word],
        accept: impl Fn(WordIdx, WordIdx, &T) -> bool,
    ) -> Vec<PhraseMatch<'a, T>> {
        let mut out = Vec::new();
        let mut ends: Vec<(usize, u32)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            ends.clear();
            let mut node = 0u32;
            for (j, w) in words.iter().enumerate().skip(i) {
                let Some(next) = self
                    .vocab
                    .get(w.norm.as_str())
                    .and_then(|wid| self.edges.get(&(node, *wid)))
                else {
                    break;
                };
                node = *next;
                if let Some(&Some(p)) = self.ends.get(node as usize) {
                    ends.push((j + 1, p));
                }
            }
            let best = ends.iter().rev().find_map(|&(end, p)| {
                let payload = self.payloads.get(p as usize)?;
                accept(WordIdx::new(i), WordIdx::new(end), payload).then_some((end, payload))
            });
            match best {
                Some((end, payload)) => {
                    out.push(PhraseMatch {
                        start: WordIdx::new(i),
                        end: WordIdx::new(end),
                        payload,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Does any entry occur in the sentence?
    pub fn is_match(&self, words: &[Word]) -> bool {
        (0..words.len()).any(|i| self.longest_at(words, i).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{phrase_words, words};

    fn sentence(toks: &[&str]) -> Vec<Word> {
        let mut pos = 0;
        words(toks.iter().enumerate().map(|(i, t)| {
            let s = pos;
            pos += t.len() + 1;
            (dyad_model::TokenIdx::new(i), *t, s)
        }))
    }

    #[test]
    fn longest_match_on_word_boundaries() {
        let m = PhraseMatcher::new(vec![
            (phrase_words("russian"), 1),
            (phrase_words("foreign ministry"), 2),
            (phrase_words("ministry"), 3),
            (phrase_words("an"), 4),
            (phrase_words("foreign ministry of the"), 5),
        ]);
        let w = sentence(&["The", "Russian", "Foreign", "Ministry", "an"]);
        let found: Vec<_> = m
            .find(&w)
            .iter()
            .map(|m| (m.start.get(), m.end.get(), *m.payload))
            .collect();
        assert_eq!(found, vec![(1, 2, 1), (2, 4, 2), (4, 5, 4)]);
        assert!(m.is_match(&w));
        assert!(!m.is_match(&sentence(&["nothing", "here"])));
    }

    #[test]
    fn first_entry_wins() {
        let m = PhraseMatcher::new(vec![(phrase_words("eu"), 1), (phrase_words("eu"), 2)]);
        let found: Vec<_> = m
            .find(&sentence(&["EU"]))
            .iter()
            .map(|m| *m.payload)
            .collect();
        assert_eq!(found, vec![1]);
        assert_eq!(m.len(), 1);
    }
}
