//! Sentence length caps: a "sentence" too long to tag and parse is cut into pieces.
//!
//! Text without sentence-ending punctuation (tables, OCR output, transcripts, scraped lists)
//! reaches the splitter as one enormous "sentence". Every later stage is linear in the
//! number of sentences but not always in the length of one (a parser's feature windows are,
//! a role reader comparing every verb with every actor is not), so a 14,000-word line would
//! cost minutes. [`SentenceCap`] cuts such a sentence, after tokenization and before
//! anything else, into pieces of at most [`SentenceCap::max_tokens`] tokens and
//! [`SentenceCap::max_bytes`] bytes, at the best boundary the piece's second half offers:
//!
//! 1. a semicolon, 2. a colon, 3. a dash, 4. a comma before a conjunction ("..., and",
//!    "..., but"), 5. any comma, 6. failing all of these, a hard cut before the token that
//!    would overflow the piece.
//!
//! Each piece keeps its tokens (offsets shifted to the piece), so the cut costs one pass
//! over the tokens and nothing is tokenized twice. A single token longer than the byte
//! limit is a piece of its own: it cannot be cut without inventing a token boundary, and
//! one token costs every later stage linear work only.
//!
//! The defaults sit above every sentence of the VOA development stories (at most 142
//! tokens and 726 bytes), so real news sentences are never cut.

use crate::{SentenceSplitter, Tokenizer};

/// Where a long sentence was cut, from the best boundary to the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CutKind {
    Semicolon,
    Colon,
    Dash,
    CommaConjunction,
    Comma,
    /// No punctuation within reach: cut between two tokens.
    Hard,
}

impl CutKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CutKind::Semicolon => "semicolons",
            CutKind::Colon => "colons",
            CutKind::Dash => "dashes",
            CutKind::CommaConjunction => "commas before conjunctions",
            CutKind::Comma => "commas",
            CutKind::Hard => "hard cuts",
        }
    }
}

/// A sentence that was cut into pieces, for a warning naming where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongSentence {
    /// Byte range of the whole sentence in the text it came from.
    pub start: usize,
    pub end: usize,
    pub tokens: usize,
    pub pieces: usize,
    /// The worst boundary a cut had to use.
    pub worst_cut: CutKind,
}

/// The limits on one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceCap {
    pub max_tokens: usize,
    pub max_bytes: usize,
}

impl Default for SentenceCap {
    fn default() -> Self {
        SentenceCap {
            max_tokens: 150,
            max_bytes: 1_000,
        }
    }
}

impl SentenceCap {
    /// The sentences of `text` ([`SentenceSplitter::spans`]) with every long one cut into
    /// pieces, and the long ones.
    pub fn sentence_spans(&self, text: &str) -> (Vec<(usize, usize)>, Vec<LongSentence>) {
        let tokenizer = Tokenizer::new();
        let mut spans = Vec::new();
        let mut long = Vec::new();
        for span in SentenceSplitter::new().spans(text) {
            if !self.may_exceed(span.1 - span.0) {
                spans.push(span);
                continue;
            }
            let tokens = tokenizer.spans(text.get(span.0..span.1).unwrap_or_default());
            let (pieces, cut) = self.apply(text, span, &tokens);
            spans.extend(pieces);
            long.extend(cut);
        }
        (spans, long)
    }

    /// Whether a sentence of `bytes` bytes could break a limit (tokens never outnumber
    /// bytes), so that short sentences need not be tokenized to find out.
    pub fn may_exceed(&self, bytes: usize) -> bool {
        bytes > self.max_bytes || bytes > self.max_tokens
    }

    /// The pieces of the sentence at byte range `span` of `text`, whose tokens are `tokens`
    /// (byte spans relative to the sentence): the sentence itself when within the limits,
    /// otherwise the pieces (each trimmed to its tokens) and what was done.
    pub fn apply(
        &self,
        text: &str,
        span: (usize, usize),
        tokens: &[(usize, usize)],
    ) -> (Vec<(usize, usize)>, Option<LongSentence>) {
        if tokens.len() <= self.max_tokens && span.1 - span.0 <= self.max_bytes {
            return (vec![span], None);
        }
        let sentence = text.get(span.0..span.1).unwrap_or_default();
        let cuts = self.cuts(sentence, tokens);
        let mut worst = None;
        let mut pieces = Vec::with_capacity(cuts.len() + 1);
        let mut first = 0;
        for &(at, kind) in cuts.iter().chain([(tokens.len(), CutKind::Hard)].iter()) {
            if at < tokens.len() {
                worst = worst.max(Some(kind));
            }
            let piece = tokens.get(first..at).unwrap_or_default();
            if let (Some(a), Some(b)) = (piece.first(), piece.last()) {
                pieces.push((span.0 + a.0, span.0 + b.1));
            }
            first = at;
        }
        let long = LongSentence {
            start: span.0,
            end: span.1,
            tokens: tokens.len(),
            pieces: pieces.len(),
            worst_cut: worst.unwrap_or(CutKind::Hard),
        };
        (pieces, Some(long))
    }

    /// Token indices at which pieces start (after the first), with the boundary used. Each
    /// piece is found by one scan of its own window, so the whole is linear.
    fn cuts(&self, sentence: &str, tokens: &[(usize, usize)]) -> Vec<(usize, CutKind)> {
        let max_tokens = self.max_tokens.max(2);
        let mut cuts = Vec::new();
        let mut first = 0;
        while let Some(&(start, _)) = tokens.get(first) {
            // The longest piece from `first` within both limits (at least one token).
            let mut end = first + 1;
            while end - first < max_tokens
                && tokens
                    .get(end)
                    .is_some_and(|t| t.1 - start <= self.max_bytes)
            {
                end += 1;
            }
            if end >= tokens.len() {
                break;
            }
            // Only the second half is searched, so that pieces are not cut needlessly short.
            let from = first + (end - first).div_ceil(2);
            let (at, kind) = best_cut(sentence, tokens, from, end).unwrap_or((end, CutKind::Hard));
            cuts.push((at, kind));
            first = at;
        }
        cuts
    }
}

/// The best boundary among the cut positions `from..=end` (a cut at `i` starts the next
/// piece with token `i`): the latest of the best kind.
fn best_cut(
    sentence: &str,
    tokens: &[(usize, usize)],
    from: usize,
    end: usize,
) -> Option<(usize, CutKind)> {
    let mut best: Option<(usize, CutKind)> = None;
    for at in from.max(1)..=end {
        let Some(kind) = cut_kind(sentence, tokens, at) else {
            continue;
        };
        if best.is_none_or(|(_, k)| kind <= k) {
            best = Some((at, kind));
        }
    }
    best
}

/// The boundary a cut before token `at` would use (the token before it ends the piece).
fn cut_kind(sentence: &str, tokens: &[(usize, usize)], at: usize) -> Option<CutKind> {
    let form = |i: usize| {
        let &(a, b) = tokens.get(i)?;
        sentence.get(a..b)
    };
    match form(at.checked_sub(1)?)? {
        ";" => Some(CutKind::Semicolon),
        ":" => Some(CutKind::Colon),
        "-" | "--" | "\u{2014}" | "\u{2013}" | "\u{2015}" => Some(CutKind::Dash),
        "," => match form(at).map(str::to_ascii_lowercase).as_deref() {
            Some("and" | "but" | "or" | "nor" | "yet" | "so" | "while" | "whereas") => {
                Some(CutKind::CommaConjunction)
            }
            _ => Some(CutKind::Comma),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pieces of the first sentence of `text`, as text.
    fn capped(text: &str, cap: SentenceCap) -> (Vec<&str>, Option<LongSentence>) {
        let span = SentenceSplitter::new().spans(text)[0];
        let tokens = Tokenizer::new().spans(&text[span.0..span.1]);
        let (pieces, long) = cap.apply(text, span, &tokens);
        (pieces.iter().map(|&(a, b)| &text[a..b]).collect(), long)
    }

    const SMALL: SentenceCap = SentenceCap {
        max_tokens: 8,
        max_bytes: 1000,
    };

    #[test]
    fn short_sentences_are_untouched() {
        let (pieces, long) = capped("The army shelled the town.", SentenceCap::default());
        assert_eq!(pieces, ["The army shelled the town."]);
        assert!(long.is_none());
    }

    #[test]
    fn cuts_prefer_semicolons_then_commas_before_conjunctions_then_hard() {
        let (pieces, long) = capped("one two three four; five six seven eight nine ten", SMALL);
        assert_eq!(
            pieces,
            ["one two three four;", "five six seven eight nine ten"]
        );
        assert_eq!(long.map(|l| l.worst_cut), Some(CutKind::Semicolon));

        let (pieces, _) = capped("a b c d, e f, and g h i j k", SMALL);
        assert_eq!(pieces, ["a b c d, e f,", "and g h i j k"]);

        let (pieces, long) = capped("a b c d e f g h i j k l", SMALL);
        assert_eq!(pieces, ["a b c d e f g h", "i j k l"]);
        assert_eq!(
            long.map(|l| (l.pieces, l.worst_cut)),
            Some((2, CutKind::Hard))
        );
    }

    #[test]
    fn pieces_are_spans_of_the_document() {
        let text = "Intro.  w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11";
        let span = SentenceSplitter::new().spans(text)[1];
        let tokens = Tokenizer::new().spans(&text[span.0..span.1]);
        let cap = SentenceCap {
            max_tokens: 4,
            max_bytes: 1000,
        };
        let (pieces, long) = cap.apply(text, span, &tokens);
        assert_eq!(
            long.map(|l| (l.start, l.tokens, l.pieces)),
            Some((8, 11, 3))
        );
        let texts: Vec<&str> = pieces.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(texts, ["w1 w2 w3 w4", "w5 w6 w7 w8", "w9 w10 w11"]);
    }

    #[test]
    fn byte_limit_cuts_and_a_giant_token_stands_alone() {
        let cap = SentenceCap {
            max_tokens: 100,
            max_bytes: 20,
        };
        let giant = "x".repeat(50);
        let text = format!("aa bb cc {giant} dd ee ff gg hh ii jj kk ll");
        let (pieces, _) = capped(&text, cap);
        assert!(pieces.contains(&giant.as_str()));
        for p in &pieces {
            assert!(p.len() <= 20 || *p == giant, "{p}");
        }
    }

    #[test]
    fn a_line_without_punctuation_is_cut_into_full_pieces() {
        let text = "word ".repeat(200_000);
        let (pieces, long) = capped(&text, SentenceCap::default());
        assert_eq!(pieces.len(), 200_000usize.div_ceil(150));
        assert!(pieces.iter().all(|p| p.split(' ').count() <= 150));
        assert_eq!(long.map(|l| l.tokens), Some(200_000));
    }
}
