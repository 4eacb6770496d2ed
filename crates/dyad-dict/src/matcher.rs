//! Longest-match phrase lookup over the words of a sentence, with one Aho-Corasick automaton.
//!
//! Each word is written into the haystack as `" word "`, so consecutive words are separated by
//! two spaces and a phrase `" w1  w2 "` can only match on word boundaries. Leftmost-longest
//! semantics give the usual dictionary behaviour: "Russian Foreign Ministry" is read as
//! "Russian" + "Foreign Ministry", never as "Russian Foreign" + "Ministry" when the former exist.

use crate::words::Word;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

/// A dictionary of word sequences, each with a payload.
pub struct PhraseMatcher<T> {
    automaton: Option<AhoCorasick>,
    payloads: Vec<T>,
    lengths: Vec<usize>,
}

/// A match: words `start..end` of the sentence carry `payload`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch<'a, T> {
    pub start: usize,
    pub end: usize,
    pub payload: &'a T,
}

/// A sentence's words laid out for matching.
pub struct Haystack {
    text: String,
    /// Byte offset in `text` where each word's unit starts.
    unit_starts: Vec<usize>,
}

impl Haystack {
    pub fn new(words: &[Word]) -> Haystack {
        let mut text = String::with_capacity(words.iter().map(|w| w.norm.len() + 2).sum());
        let mut unit_starts = Vec::with_capacity(words.len());
        for w in words {
            unit_starts.push(text.len());
            text.push(' ');
            text.push_str(&w.norm);
            text.push(' ');
        }
        Haystack { text, unit_starts }
    }
}

fn pattern_key(words: &[String]) -> String {
    let mut key = String::new();
    for w in words {
        key.push(' ');
        key.push_str(w);
        key.push(' ');
    }
    key
}

impl<T> PhraseMatcher<T> {
    /// Builds a matcher; of several entries with the same words, the first wins.
    pub fn new(entries: impl IntoIterator<Item = (Vec<String>, T)>) -> PhraseMatcher<T> {
        let mut seen: HashMap<String, ()> = HashMap::new();
        let mut keys = Vec::new();
        let mut payloads = Vec::new();
        let mut lengths = Vec::new();
        for (words, payload) in entries {
            if words.is_empty() || words.iter().any(|w| w.is_empty()) {
                continue;
            }
            let key = pattern_key(&words);
            if seen.insert(key.clone(), ()).is_some() {
                continue;
            }
            keys.push(key);
            payloads.push(payload);
            lengths.push(words.len());
        }
        let automaton = if keys.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&keys)
                .ok()
        };
        PhraseMatcher {
            automaton,
            payloads,
            lengths,
        }
    }

    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }

    /// Non-overlapping leftmost-longest matches, in sentence order.
    pub fn find<'a>(&'a self, hay: &Haystack) -> Vec<PhraseMatch<'a, T>> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_iter(&hay.text) {
            let Ok(start) = hay.unit_starts.binary_search(&m.start()) else {
                continue;
            };
            let pid = m.pattern().as_usize();
            out.push(PhraseMatch {
                start,
                end: start + self.lengths[pid],
                payload: &self.payloads[pid],
            });
        }
        out
    }

    /// Does any entry occur in the sentence?
    pub fn is_match(&self, hay: &Haystack) -> bool {
        self.automaton
            .as_ref()
            .is_some_and(|ac| ac.is_match(&hay.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{phrase_words, words};

    #[test]
    fn longest_match_on_word_boundaries() {
        let m = PhraseMatcher::new(vec![
            (phrase_words("russian"), 1),
            (phrase_words("foreign ministry"), 2),
            (phrase_words("ministry"), 3),
            (phrase_words("an"), 4),
        ]);
        let toks = ["The", "Russian", "Foreign", "Ministry", "an"];
        let mut pos = 0;
        let w = words(toks.iter().enumerate().map(|(i, t)| {
            let s = pos;
            pos += t.len() + 1;
            (i, *t, s)
        }));
        let hay = Haystack::new(&w);
        let found: Vec<_> = m
            .find(&hay)
            .iter()
            .map(|m| (m.start, m.end, *m.payload))
            .collect();
        assert_eq!(found, vec![(1, 2, 1), (2, 4, 2), (4, 5, 4)]);
    }
}
