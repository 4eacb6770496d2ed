use serde::{Deserialize, Serialize};

/// A sentence of a document: its text and its byte range in [`crate::Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    /// Byte offset of the first byte in the document text.
    pub start: usize,
    /// Byte offset one past the last byte in the document text.
    pub end: usize,
}

/// A token in Universal Dependencies conventions ("don't" -> "do" + "n't").
///
/// `start`/`end` are byte offsets into the text that was tokenized (usually a sentence).
/// `form` is the token as UD writes it; it is the slice `text[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub form: String,
    pub start: usize,
    pub end: usize,
}

crate::index_type! {
    /// A token's position in its sentence: in the sentence's `Vec<Token>`, and in the syntax
    /// read off them (tags, lemmas, the dependency tree), which has one entry per token.
    pub struct TokenIdx;
}

/// Converts byte offsets of one string to character (Unicode scalar) offsets.
///
/// ASCII strings, the common case, convert without a table.
pub struct CharIndex {
    /// `chars_before[b]` for every byte offset `b`; empty when the text is ASCII.
    chars_before: Vec<u32>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                chars_before: Vec::new(),
            };
        }
        // The characters before byte `b` are those that start before it: count the bytes that
        // are no UTF-8 continuation byte (10xxxxxx).
        let mut chars_before = Vec::with_capacity(text.len() + 1);
        let mut count = 0u32;
        for byte in text.bytes() {
            chars_before.push(count);
            count += u32::from(byte & 0xC0 != 0x80);
        }
        chars_before.push(count);
        CharIndex { chars_before }
    }

    /// Character offset of byte offset `byte` (a byte inside a character maps to the next one).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.chars_before.is_empty() {
            byte
        } else {
            self.chars_before
                .get(byte)
                .copied()
                .or_else(|| self.chars_before.last().copied())
                .unwrap_or(0) as usize
        }
    }

    /// A `[start, end)` byte span as a character span.
    pub fn char_span(&self, start: usize, end: usize) -> [usize; 2] {
        [self.char_offset(start), self.char_offset(end)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_ascii_and_unicode() {
        let ascii = CharIndex::new("abc");
        assert_eq!(ascii.char_span(1, 3), [1, 3]);
        let text = "Russia’s army";
        let idx = CharIndex::new(text);
        let army = text.find("army").unwrap();
        assert_eq!(idx.char_offset(army), 9);
        assert_eq!(idx.char_offset(text.len()), 13);
    }

    #[test]
    fn every_byte_maps_to_the_characters_that_start_before_it() {
        for text in ["é", "aé", "Ḩamā’h 北京 x", "😀a😀"] {
            let idx = CharIndex::new(text);
            for byte in 0..=text.len() + 2 {
                let starts = text.char_indices().filter(|&(b, _)| b < byte).count();
                assert_eq!(idx.char_offset(byte), starts, "{text:?} byte {byte}");
            }
        }
    }
}
