//! Sentence splitting for news text.
//!
//! One pass over the bytes looks only at the few bytes that can end a sentence: `.`, `?`,
//! `!`, newlines, and the lead bytes of `…` and full-width marks. At each candidate the
//! decision uses the word before the mark (abbreviation or not) and the word after it
//! (capitalised? a typical sentence starter?). Nothing is allocated except the output.

use dyad_model::Sentence;

use crate::abbrev::{self, AbbrevKind};
use crate::chars::{char_at, char_before, is_closer, is_opener, is_space, is_terminal};

/// Splits a document into sentences with byte offsets.
///
/// The splitter has no state; it is cheap to create and can be shared between threads.
#[derive(Debug, Clone, Default)]
pub struct SentenceSplitter {
    _private: (),
}

impl SentenceSplitter {
    pub fn new() -> Self {
        SentenceSplitter::default()
    }

    /// The sentences of `text`, trimmed of surrounding whitespace; for each,
    /// `sentence.text == text[sentence.start..sentence.end]`.
    pub fn split(&self, text: &str) -> Vec<Sentence> {
        self.spans(text)
            .into_iter()
            .map(|(start, end)| Sentence {
                text: text.get(start..end).unwrap_or_default().to_string(),
                start,
                end,
            })
            .collect()
    }

    /// The byte spans of the sentences of `text`, trimmed, in order.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        let len = b.len();
        let mut out = Vec::with_capacity(len / 100 + 1);
        let mut sent_start = 0;
        let mut line_start = 0;
        let mut i = 0;
        while let Some(&byte) = b.get(i) {
            match byte {
                b'\n' => {
                    let mut j = i + 1;
                    while matches!(b.get(j), Some(b' ' | b'\t' | b'\r' | 0x0B | 0x0C)) {
                        j += 1;
                    }
                    if b.get(j) == Some(&b'\n') {
                        // A blank line: a paragraph break always ends the sentence.
                        push_trimmed(text, sent_start, i, &mut out);
                        sent_start = j;
                        line_start = j;
                        i = j;
                        continue;
                    }
                    if line_ends_sentence(text, sent_start, line_start, i, j) {
                        push_trimmed(text, sent_start, i, &mut out);
                        sent_start = i + 1;
                    }
                    line_start = i + 1;
                    i += 1;
                }
                b'.' | b'?' | b'!' | 0xE2 | 0xEF => {
                    let c = char_at(text, i).unwrap_or('\u{FFFD}');
                    if !is_terminal(c) {
                        i += 1;
                        continue;
                    }
                    let (after, boundary) = terminal_boundary(text, i);
                    if boundary {
                        push_trimmed(text, sent_start, after, &mut out);
                        sent_start = after;
                    }
                    i = after.max(i + 1);
                }
                _ => i += 1,
            }
        }
        push_trimmed(text, sent_start, len, &mut out);
        out
    }
}

/// Pushes `[start, end)` with surrounding whitespace removed, unless nothing is left.
fn push_trimmed(text: &str, mut start: usize, mut end: usize, out: &mut Vec<(usize, usize)>) {
    while start < end {
        match char_at(text, start) {
            Some(c) if is_space(c) => start += c.len_utf8(),
            _ => break,
        }
    }
    while end > start {
        match char_before(text, end) {
            Some(c) if is_space(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    if start < end {
        out.push((start, end));
    }
}

/// What follows a candidate boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Lower,
    Upper,
    Digit,
    Opener,
    /// Commas, semicolons, colons, closing brackets: the sentence goes on.
    Continuation,
    /// Anything else: currency signs, dashes, symbols.
    Other,
}

fn classify(c: char) -> Next {
    if c.is_lowercase() {
        Next::Lower
    } else if c.is_uppercase() {
        Next::Upper
    } else if c.is_numeric() {
        Next::Digit
    } else if is_opener(c) {
        Next::Opener
    } else if matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%') || c.is_alphabetic() {
        // Caseless letters (CJK, Arabic) carry no signal; treat them like a continuation.
        Next::Continuation
    } else {
        Next::Other
    }
}

/// Decides whether the terminal punctuation starting at `i` ends a sentence. Returns the
/// end of the punctuation and its closing quotes/brackets, and the decision.
fn terminal_boundary(text: &str, i: usize) -> (usize, bool) {
    let mut run_end = i;
    let mut has_mark = false; // ? or !
    let mut marks = 0usize;
    while let Some(c) = char_at(text, run_end) {
        if !is_terminal(c) {
            break;
        }
        match c {
            '.' => {}
            '\u{2026}' => marks += 2, // an ellipsis character counts as several periods
            _ => has_mark = true,
        }
        marks += 1;
        run_end += c.len_utf8();
    }
    let mut after = run_end;
    while let Some(c) = char_at(text, after) {
        if !is_closer(c) {
            break;
        }
        after += c.len_utf8();
    }
    // A boundary needs whitespace (or the end of the text) after the punctuation, which
    // rules out "3.5", "U.S.-led", "example.com" and "Yahoo!'s".
    let mut k = after;
    match char_at(text, k) {
        None => return (after, true),
        Some(c) if is_space(c) => {}
        Some(_) => return (run_end, false),
    }
    while let Some(c) = char_at(text, k) {
        if !is_space(c) {
            break;
        }
        k += c.len_utf8();
    }
    let next_char = match char_at(text, k) {
        Some(c) => c,
        None => return (after, true),
    };
    let next = classify(next_char);
    if next == Next::Continuation {
        return (after, false);
    }
    // "..", "...", "…" (but not "?!" or "!!!", which are emphatic full stops).
    let ellipsis = !has_mark && marks > 1;
    if next == Next::Lower {
        // `"It is over!" he said.`: a quote or bracket closed after the mark, and the
        // sentence goes on. Without one, a lower-case word still continues the sentence
        // after abbreviations ("3 p.m. local time", "approx. three") and ellipses, but not
        // after an ordinary word ("... this tonight. jill is coming", "... Hamas. al-Qaeda").
        let boundary = if after > run_end || ellipsis {
            false
        } else if has_mark {
            !is_dialogue_tag(next_word(text, k))
        } else {
            abbrev::is_plain_word(word_before(text, i))
        };
        return (after, boundary);
    }
    if has_mark {
        return (after, true);
    }
    if ellipsis {
        // An ellipsis usually marks an omission inside a quotation; it ends the sentence
        // only before a typical sentence opener.
        return (after, abbrev::is_sentence_starter(next_word(text, k)));
    }
    let word = word_before(text, i);
    let kind = if word.ends_with(is_closer) {
        // "(U.S.)." or "(Reuters).": the period after the bracket is a real full stop.
        None
    } else {
        abbrev::lookup(word).or_else(|| abbrev::looks_abbreviated(word).then_some(AbbrevKind::Weak))
    };
    let boundary = match kind {
        Some(AbbrevKind::Continue) => false,
        Some(AbbrevKind::BeforeNumber) => next != Next::Digit,
        Some(AbbrevKind::Etc) => matches!(next, Next::Upper | Next::Opener),
        Some(AbbrevKind::Weak) => abbrev::is_sentence_starter(next_word(text, k)),
        None => true,
    };
    (after, boundary)
}

/// Words that follow a question or exclamation inside the same sentence when a writer
/// leaves out the quotation marks: "Why? he asked".
fn is_dialogue_tag(word: &str) -> bool {
    matches!(
        word,
        "he" | "she"
            | "they"
            | "i"
            | "we"
            | "you"
            | "it"
            | "asked"
            | "asks"
            | "said"
            | "says"
            | "wrote"
            | "added"
            | "cried"
            | "shouted"
    )
}

/// The word that ends just before byte `i`, without leading quotes or brackets.
/// "(Gen." gives "Gen"; "anti-U.S." gives "U.S"; "Lt.-Gen." gives "Gen".
fn word_before(text: &str, i: usize) -> &str {
    let mut start = i;
    while let Some(c) = char_before(text, start) {
        if is_space(c)
            || matches!(
                c,
                '(' | '['
                    | '{'
                    | '"'
                    | '\u{201C}'
                    | '\u{2018}'
                    | '\u{00AB}'
                    | '-'
                    | '\u{2013}'
                    | '\u{2014}'
                    | '/'
            )
        {
            break;
        }
        start -= c.len_utf8();
    }
    let word = text.get(start..i).unwrap_or("");
    word.trim_start_matches(['\'', '\u{2019}'])
}

/// The word starting at byte `k`, after any opening quotes or brackets ("The" in `"The`).
fn next_word(text: &str, mut k: usize) -> &str {
    while let Some(c) = char_at(text, k) {
        if !is_opener(c) {
            break;
        }
        k += c.len_utf8();
    }
    let mut end = k;
    while let Some(c) = char_at(text, end) {
        if !c.is_alphabetic() {
            break;
        }
        end += c.len_utf8();
    }
    text.get(k..end).unwrap_or("")
}

/// Whether a single newline at `nl` ends the pending sentence that started at
/// `sent_start`: before a bulleted line, or after a line that reads as a heading.
/// `next` is the first byte of the next line after its leading blanks.
fn line_ends_sentence(
    text: &str,
    sent_start: usize,
    line_start: usize,
    nl: usize,
    next: usize,
) -> bool {
    let line = text.get(line_start..nl).unwrap_or("").trim();
    if line.is_empty() {
        return false;
    }
    // The pending sentence must be exactly this line: a heading never starts mid-line.
    let pending = text.get(sent_start..nl).unwrap_or("").trim();
    if pending.len() != line.len() {
        return false;
    }
    let rest = text.get(next..).unwrap_or("");
    let mut rest_chars = rest.chars();
    let first_next = match rest_chars.next() {
        Some(c) => c,
        None => return false,
    };
    // A bulleted or numbered item starts a new sentence.
    if is_bullet(rest) {
        return true;
    }
    let last = match line.chars().next_back() {
        Some(c) => c,
        None => return false,
    };
    if is_terminal(last)
        || is_closer(last) && line.trim_end_matches(is_closer).ends_with(is_terminal)
        || matches!(
            last,
            ',' | ';' | ':' | '-' | '\u{2013}' | '\u{2014}' | '(' | '&' | '/' | '\u{201C}'
        )
    {
        return false;
    }
    if line.len() > 150 {
        return false;
    }
    let first = line.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_numeric() || is_opener(first)) {
        return false;
    }
    if !(first_next.is_uppercase() || first_next.is_numeric() || is_opener(first_next)) {
        return false;
    }
    let mut words = 0usize;
    let mut long_words = 0usize;
    let mut capitalised = 0usize;
    let mut last_word = "";
    for w in line.split_whitespace() {
        words += 1;
        last_word = w;
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.chars().count() >= 4 {
            long_words += 1;
            if core.chars().next().is_some_and(char::is_uppercase) {
                capitalised += 1;
            }
        }
    }
    if words > 20 {
        return false;
    }
    // A line ending in a function word is a wrapped line, not a heading.
    let lw = last_word.to_ascii_lowercase();
    if matches!(
        lw.as_str(),
        "a" | "an"
            | "the"
            | "and"
            | "or"
            | "but"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "as"
            | "that"
            | "is"
            | "was"
            | "said"
    ) {
        return false;
    }
    let title_like = !line.chars().any(char::is_lowercase)
        || (long_words > 0 && capitalised * 10 >= long_words * 6);
    let next_line_len = rest.find('\n').unwrap_or(rest.len());
    // Hard-wrapped prose has lines of similar length; a heading is much shorter than the
    // paragraph line that follows it.
    let short = line.len() * 10 < next_line_len * 7;
    title_like || short
}

/// A line that starts with a list bullet ("- ", "* ", "• ") or a number label ("1. ", "2) ").
fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '\u{2022}' | '\u{2013}' | '\u{2014}' | '\u{00B7}' | '\u{25AA}') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let b = line.as_bytes();
            digits <= 2
                && matches!(b.get(digits), Some(b'.' | b')'))
                && matches!(b.get(digits + 1), Some(b' ' | b'\t'))
        }
        _ => false,
    }
}
