//! Feature extraction for the tagger.
//!
//! [`SentenceContext`] normalises the words of one sentence once (lower-cased form with
//! digits mapped to `0`, and a collapsed word shape such as `Xx`, `d.d`, `x-x`) into a
//! single string buffer, padded with two start and two end symbols, so that feature
//! extraction hashes byte slices of that buffer and allocates nothing per token.
//!
//! The feature templates (each hashed with [`FeatureHasher`]) are listed in
//! [`tagger_features`]; the dependency parser can reuse [`SentenceContext`] and the hasher
//! with its own template ids (keep ids below 64 for the tagger).

use crate::hash::FeatureHasher;

/// Padding symbols around a sentence.
const PAD: [&str; 4] = ["-START2-", "-START-", "-END-", "-END2-"];

/// Previous-tag value for positions before the sentence start.
pub const TAG_START: u8 = 254;
/// Previous-tag value two positions before the sentence start.
pub const TAG_START2: u8 = 255;

/// Normalised views of the words of one sentence.
#[derive(Debug, Default, Clone)]
pub struct SentenceContext {
    buf: String,
    /// For padded position `p` (word `i` is `p = i + 2`): norm, lower, shape and original form spans.
    spans: Vec<[(u32, u32); 4]>,
    flags: Vec<u8>,
    /// Per padded position: the word's ambiguity class from a lexicon (0 = unknown word,
    /// 1/2 = start/end padding), set by [`SentenceContext::set_classes`].
    classes: Vec<u32>,
}

/// Word flags.
pub const F_UPPER_INITIAL: u8 = 1;
pub const F_ALL_UPPER: u8 = 2;
pub const F_HAS_DIGIT: u8 = 4;
pub const F_HAS_HYPHEN: u8 = 8;
pub const F_HAS_UPPER: u8 = 16;
pub const F_NON_ALNUM: u8 = 32;

impl SentenceContext {
    pub fn new() -> Self {
        Self::default()
    }

    /// Fills the context for `forms` (reusing the buffers).
    pub fn fill(&mut self, forms: &[&str]) {
        self.buf.clear();
        self.spans.clear();
        self.flags.clear();
        self.classes.clear();
        for pad in &PAD[..2] {
            self.push_pad(pad);
        }
        for form in forms {
            self.push_word(form);
        }
        for pad in &PAD[2..] {
            self.push_pad(pad);
        }
    }

    fn push_pad(&mut self, pad: &str) {
        let s = self.buf.len() as u32;
        self.buf.push_str(pad);
        let e = self.buf.len() as u32;
        self.spans.push([(s, e), (s, e), (s, e), (s, e)]);
        self.flags.push(0);
    }

    fn push_word(&mut self, form: &str) {
        let mut flags = 0u8;
        // norm: lower case, digits -> 0
        let ns = self.buf.len() as u32;
        let mut n_upper = 0usize;
        let mut n_alpha = 0usize;
        for (i, c) in form.chars().enumerate() {
            if c.is_uppercase() {
                n_upper += 1;
                flags |= F_HAS_UPPER;
                if i == 0 {
                    flags |= F_UPPER_INITIAL;
                }
            }
            if c.is_alphabetic() {
                n_alpha += 1;
            }
            if c.is_ascii_digit() {
                flags |= F_HAS_DIGIT;
            }
            if c == '-' {
                flags |= F_HAS_HYPHEN;
            }
            if !c.is_alphanumeric() {
                flags |= F_NON_ALNUM;
            }
            if c.is_ascii_digit() {
                self.buf.push('0');
            } else {
                for l in c.to_lowercase() {
                    self.buf.push(l);
                }
            }
        }
        if n_alpha > 0 && n_upper == n_alpha {
            flags |= F_ALL_UPPER;
        }
        let ne = self.buf.len() as u32;
        // lower: plain lower case
        let ls = self.buf.len() as u32;
        for c in form.chars() {
            for l in c.to_lowercase() {
                self.buf.push(l);
            }
        }
        let le = self.buf.len() as u32;
        // shape: X x d or the char itself, runs collapsed, at most 6 symbols
        let ss = self.buf.len() as u32;
        let mut last = '\0';
        let mut count = 0;
        for c in form.chars() {
            let k = if c.is_uppercase() {
                'X'
            } else if c.is_alphabetic() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            if k != last {
                if count == 6 {
                    break;
                }
                self.buf.push(k);
                last = k;
                count += 1;
            }
        }
        let se = self.buf.len() as u32;
        let fs = self.buf.len() as u32;
        self.buf.push_str(form);
        let fe = self.buf.len() as u32;
        self.spans.push([(ns, ne), (ls, le), (ss, se), (fs, fe)]);
        self.flags.push(flags);
    }

    /// Sets the lexical class of every word from `lookup(norm)` (unknown words: 0).
    pub fn set_classes(&mut self, lookup: impl Fn(&str) -> Option<u32>) {
        let n = self.spans.len();
        let mut classes = std::mem::take(&mut self.classes);
        classes.clear();
        for p in 0..n {
            let c = if p < 2 {
                1
            } else if p + 2 >= n {
                2
            } else {
                lookup(self.norm(p)).unwrap_or(0)
            };
            classes.push(c);
        }
        self.classes = classes;
    }

    /// Lexical class at padded position `p` (0 if unknown or not set).
    #[inline]
    pub fn class(&self, p: usize) -> u32 {
        self.classes.get(p).copied().unwrap_or(0)
    }

    /// Capitalisation style of the sentence: 0 = no capitalised word, 1 = ordinary,
    /// 2 = title-like (most words capitalised), 3 = all upper case.
    pub fn sentence_case(&self) -> u8 {
        let (mut words, mut caps, mut upper) = (0usize, 0usize, 0usize);
        let end = self.flags.len().saturating_sub(2);
        for (p, &f) in self.flags.iter().enumerate().take(end).skip(2) {
            if self.shape(p).contains(['x', 'X']) {
                words += 1;
                caps += (f & F_UPPER_INITIAL != 0) as usize;
                upper += (f & F_ALL_UPPER != 0) as usize;
            }
        }
        if words == 0 {
            1
        } else if upper * 10 >= words * 8 && words >= 2 {
            3
        } else if caps == 0 {
            0
        } else if caps * 10 >= words * 6 && words >= 3 {
            2
        } else {
            1
        }
    }

    /// Number of words (without padding).
    pub fn len(&self) -> usize {
        self.spans.len().saturating_sub(4)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    #[inline]
    fn slice(&self, p: usize, which: usize) -> &str {
        match self.spans.get(p).and_then(|sp| sp.get(which)) {
            Some(&(start, end)) => self.buf.get(start as usize..end as usize).unwrap_or(""),
            None => "",
        }
    }

    /// Normalised form at padded position `p` (word `i` is at `p = i + 2`).
    #[inline]
    pub fn norm(&self, p: usize) -> &str {
        self.slice(p, 0)
    }

    /// Lower-cased form at padded position `p`.
    #[inline]
    pub fn lower(&self, p: usize) -> &str {
        self.slice(p, 1)
    }

    /// Collapsed shape at padded position `p`.
    #[inline]
    pub fn shape(&self, p: usize) -> &str {
        self.slice(p, 2)
    }

    /// Original form at padded position `p`.
    #[inline]
    pub fn form(&self, p: usize) -> &str {
        self.slice(p, 3)
    }

    /// Flags (`F_*`) at padded position `p`.
    #[inline]
    pub fn flags(&self, p: usize) -> u8 {
        self.flags.get(p).copied().unwrap_or(0)
    }
}

/// The last `n` characters of `s` (all of `s` if shorter).
#[inline]
pub fn suffix(s: &str, n: usize) -> &[u8] {
    let mut start = s.len();
    for (count, (i, _)) in s.char_indices().rev().enumerate() {
        if count == n {
            break;
        }
        start = i;
    }
    s.as_bytes().get(start..).unwrap_or_default()
}

/// The first `n` characters of `s` (all of `s` if shorter).
#[inline]
pub fn prefix(s: &str, n: usize) -> &[u8] {
    match s.char_indices().nth(n) {
        Some((i, _)) => s.as_bytes().get(..i).unwrap_or(s.as_bytes()),
        None => s.as_bytes(),
    }
}

/// Appends the tagger features of word `i` to `out`, given the two previous predicted tags
/// (label ids, or [`TAG_START`]/[`TAG_START2`]).
pub fn tagger_features(ctx: &SentenceContext, i: usize, p1: u8, p2: u8, out: &mut Vec<u32>) {
    let p = i + 2;
    let w = ctx.norm(p).as_bytes();
    let lower = ctx.lower(p);
    let f = FeatureHasher::new;
    out.push(f(0).finish()); // bias
    out.push(f(1).part(w).finish());
    for n in 1..=4u8 {
        out.push(f(1 + n).part(suffix(lower, n as usize)).finish());
    }
    for n in 1..=3u8 {
        out.push(f(5 + n).part(prefix(lower, n as usize)).finish());
    }
    out.push(f(9).part(ctx.shape(p).as_bytes()).finish());
    out.push(f(10).byte(ctx.flags(p)).byte((i == 0) as u8).finish());
    out.push(f(11).byte(p1).finish());
    out.push(f(12).byte(p2).finish());
    out.push(f(13).byte(p1).byte(p2).finish());
    out.push(f(14).byte(p1).part(w).finish());
    let wm1 = ctx.norm(p - 1).as_bytes();
    let wm2 = ctx.norm(p - 2).as_bytes();
    let wp1 = ctx.norm(p + 1).as_bytes();
    let wp2 = ctx.norm(p + 2).as_bytes();
    out.push(f(15).part(wm1).finish());
    out.push(f(16).part(suffix(ctx.lower(p - 1), 3)).finish());
    out.push(f(17).part(wm2).finish());
    out.push(f(18).part(wp1).finish());
    out.push(f(19).part(suffix(ctx.lower(p + 1), 3)).finish());
    out.push(f(20).part(wp2).finish());
    out.push(f(21).part(ctx.shape(p - 1).as_bytes()).finish());
    out.push(f(22).part(ctx.shape(p + 1).as_bytes()).finish());
    out.push(f(23).part(wm1).part(w).finish());
    out.push(f(24).part(w).part(wp1).finish());
    out.push(f(25).byte(p1).part(wp1).finish());
    out.push(f(26).byte(p1).part(suffix(lower, 3)).finish());
    out.push(
        f(27)
            .part(ctx.shape(p).as_bytes())
            .byte((i == 0) as u8)
            .part(suffix(lower, 2))
            .finish(),
    );
    out.push(f(28).part(suffix(ctx.lower(p + 2), 3)).finish());
    out.push(f(29).part(wm1).part(wp1).finish());
    out.push(f(30).part(ctx.form(p).as_bytes()).finish());
    let c0 = ctx.class(p).to_le_bytes();
    let c1 = ctx.class(p + 1).to_le_bytes();
    let c2 = ctx.class(p + 2).to_le_bytes();
    out.push(f(31).part(&c0).finish());
    out.push(f(32).part(&c1).finish());
    out.push(f(33).part(&c2).finish());
    out.push(f(34).part(&c0).part(&c1).finish());
    out.push(f(35).byte(p1).part(&c0).finish());
    out.push(f(36).byte(p1).part(&c1).finish());
    out.push(f(37).part(&c1).part(&c2).finish());
    out.push(f(38).part(&c0).part(wp1).finish());
}

/// Label value for first-pass labels beyond the sentence end.
pub const TAG_END: u8 = 253;

/// Appends the second-pass features of word `i`: the first-pass labels `first` of words
/// `i`, `i+1`, `i+2` (and combinations with the word and the previous second-pass label).
pub fn stacked_features(ctx: &SentenceContext, i: usize, p1: u8, first: &[u8], out: &mut Vec<u32>) {
    let at = |j: usize| first.get(j).copied().unwrap_or(TAG_END);
    let (r0, r1, r2) = (at(i), at(i + 1), at(i + 2));
    let w = ctx.norm(i + 2).as_bytes();
    let f = FeatureHasher::new;
    out.push(f(50).byte(r0).finish());
    out.push(f(51).byte(r1).finish());
    out.push(f(52).byte(r2).finish());
    out.push(f(53).byte(r1).byte(r2).finish());
    out.push(f(54).byte(r0).part(w).finish());
    out.push(f(55).byte(r1).part(w).finish());
    out.push(f(56).byte(p1).byte(r1).finish());
    out.push(f(57).byte(r0).byte(r1).finish());
    out.push(f(58).byte(r1).part(suffix(ctx.lower(i + 2), 3)).finish());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_views() {
        let mut ctx = SentenceContext::new();
        ctx.fill(&["The", "U.S.", "in", "1999", "well-known"]);
        assert_eq!(ctx.len(), 5);
        assert_eq!(ctx.norm(1), "-START-");
        assert_eq!(ctx.norm(2), "the");
        assert_eq!(ctx.shape(2), "Xx");
        assert_eq!(ctx.shape(3), "X.X.");
        assert_eq!(ctx.norm(5), "0000");
        assert_eq!(ctx.shape(6), "x-x");
        assert_eq!(ctx.norm(7), "-END-");
        assert_eq!(ctx.norm(100), "");
        assert!(ctx.flags(6) & F_HAS_HYPHEN != 0);
    }

    #[test]
    fn affixes_respect_chars() {
        assert_eq!(suffix("café", 2), "fé".as_bytes());
        assert_eq!(prefix("éa", 1), "é".as_bytes());
        assert_eq!(suffix("ab", 5), b"ab");
        assert_eq!(prefix("ab", 5), b"ab");
    }
}
