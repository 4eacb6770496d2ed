//! Character classes and boundary-safe character access.
//!
//! Both scanners walk the text by byte offset. Every read goes through [`char_at`] or
//! [`char_before`], which return `None` instead of panicking at the end of the text or
//! inside a multi-byte character, so no input can make a scanner index off a boundary.

/// The character starting at byte `i`, if `i` is a character boundary inside `s`.
#[inline]
pub fn char_at(s: &str, i: usize) -> Option<char> {
    // Fast path for ASCII, the overwhelming majority of news text.
    match s.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// The character ending at byte `i`, if `i` is a character boundary inside `s`.
#[inline]
pub fn char_before(s: &str, i: usize) -> Option<char> {
    if i == 0 {
        return None;
    }
    match s.as_bytes().get(i - 1) {
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(..i).and_then(|head| head.chars().next_back()),
        None => None,
    }
}

/// Letters, digits and combining marks: the characters that make up words.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining diacritics (decomposed accents), which belong to the letter before them.
#[inline]
pub fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// Whitespace, including the no-break and zero-width spaces common in scraped news.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// Apostrophes as typed: straight, curly and the backtick that some typists use.
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '`')
}

/// Characters that can close a sentence after its final punctuation: quotes and brackets.
#[inline]
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}'
    )
}

/// Characters that open a quotation or parenthetical at the start of a sentence.
#[inline]
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | '['
            | '{'
            | '\u{201C}'
            | '\u{2018}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{201E}'
    )
}

/// Sentence-final punctuation: period, question and exclamation marks, ellipsis.
#[inline]
pub fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '\u{2026}' | '\u{203D}' | '\u{FF01}' | '\u{FF1F}'
    )
}
