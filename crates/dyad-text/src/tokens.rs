//! Tokenization in Universal Dependencies English (EWT) conventions.
//!
//! The text is cut at whitespace into chunks; each chunk is scanned once from left to
//! right. A scan step starts either a word (letters/digits, possibly joined by connectors
//! such as the period in "3.5" or the hyphen in "anti-war") or a punctuation token.
//! Tokens are only ever recorded as byte spans, so a token's form is always a slice of the
//! input and offsets cannot drift.

use dyad_model::Token;

use crate::abbrev::{self, AbbrevKind};
use crate::chars::{char_at, char_before, is_apostrophe, is_space, is_word_char};

/// Splits text into UD/EWT-style tokens with byte offsets.
///
/// The tokenizer has no state; it is cheap to create and can be shared between threads.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    _private: (),
}

impl Tokenizer {
    pub fn new() -> Self {
        Tokenizer::default()
    }

    /// Tokens of `text`; every `token.form` equals `text[token.start..token.end]`.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        self.spans(text)
            .into_iter()
            .map(|(start, end)| Token {
                form: text.get(start..end).unwrap_or_default().to_string(),
                start,
                end,
            })
            .collect()
    }

    /// The byte spans of the tokens of `text`, in order and non-overlapping, without
    /// allocating a string per token.
    pub fn spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut scan = Scan {
            text,
            out: Vec::with_capacity(text.len() / 4 + 1),
        };
        scan.run();
        scan.out
    }
}

/// One tokenization pass over a text.
struct Scan<'a> {
    text: &'a str,
    out: Vec<(usize, usize)>,
}

impl<'a> Scan<'a> {
    fn run(&mut self) {
        let text = self.text;
        let len = text.len();
        let mut i = 0;
        while i < len {
            let c = match char_at(text, i) {
                Some(c) => c,
                None => break, // unreachable: `i` only ever lands on boundaries
            };
            if is_space(c) {
                i += c.len_utf8();
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(c) = char_at(text, end) {
                if is_space(c) {
                    break;
                }
                end += c.len_utf8();
            }
            self.chunk(i, end);
            i = end;
        }
    }

    fn push(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.push((start, end));
        }
    }

    /// Tokenizes the whitespace-free chunk `[start, end)`.
    fn chunk(&mut self, start: usize, end: usize) {
        let mut p = start;
        while p < end {
            let c = match char_at(self.text, p) {
                Some(c) => c,
                None => return,
            };
            let next = if let Some(q) = self.url_end(p, end) {
                self.push(p, q);
                q
            } else if is_word_char(c) {
                self.word(p, p, end)
            } else {
                self.punct(p, c, start, end)
            };
            // Defensive: every step must make progress.
            p = next.max(p + c.len_utf8());
        }
    }

    /// End of a URL starting at `p`, with trailing sentence punctuation left out.
    fn url_end(&self, p: usize, end: usize) -> Option<usize> {
        let rest = self.text.get(p..end)?;
        // Compare bytes, not a `&str` prefix, which could end inside a multi-byte character.
        let head = rest.as_bytes();
        let prefix_len = ["https://", "http://", "ftp://", "www.", "mailto:"]
            .iter()
            .find(|pre| {
                head.get(..pre.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(pre.as_bytes()))
            })
            .map(|pre| pre.len())?;
        // Require something after the scheme, and for "www." a real host name.
        match char_at(self.text, p + prefix_len) {
            Some(c) if is_word_char(c) => {}
            _ => return None,
        }
        let url = rest;
        let opens = url.matches('(').count();
        let mut closes = url.matches(')').count();
        let mut q = end;
        while let Some(c) = char_before(self.text, q) {
            let strip = match c {
                '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\'' | '>' | ']' | '\u{201D}'
                | '\u{2019}' => true,
                ')' if closes > opens => {
                    closes -= 1;
                    true
                }
                _ => false,
            };
            if !strip || q <= p + prefix_len + 1 {
                break;
            }
            q -= c.len_utf8();
        }
        Some(q)
    }

    /// Scans a word beginning at `tok_start` (whose letters start at `scan_start`), pushes
    /// its token(s) and returns the position after them.
    fn word(&mut self, tok_start: usize, scan_start: usize, end: usize) -> usize {
        let text = self.text;
        let mut q = scan_start;
        // Start of the current segment: the part after the latest connector.
        let mut seg_start = scan_start;
        let mut in_email = false;
        let mut plain = true; // only letters so far: candidate for "cannot"-style splits
        loop {
            while let Some(c) = char_at(text, q) {
                if q >= end || !is_word_char(c) {
                    break;
                }
                q += c.len_utf8();
            }
            if q >= end {
                break;
            }
            let c = match char_at(text, q) {
                Some(c) => c,
                None => break,
            };
            let after = q + c.len_utf8();
            let next = if after < end {
                char_at(text, after)
            } else {
                None
            };
            let next_word = next.is_some_and(is_word_char);
            let next_digit = next.is_some_and(|n| n.is_ascii_digit());
            let seg = text.get(seg_start..q).unwrap_or("");
            let seg_digits = !seg.is_empty() && seg.bytes().all(|b| b.is_ascii_digit());
            let join = match c {
                // "3.5", "U.S", "example.com", "a.m": a period with a word character after it.
                '.' if next_word => true,
                // Obfuscated addresses in mailing-list archives: "franz371...@gmail.com".
                '.' => {
                    let dots = run_end(text, q, end, |ch| ch == '.');
                    if char_at(text, dots) == Some('@')
                        && char_at(text, dots + 1).is_some_and(is_word_char)
                    {
                        q = dots + 1;
                        seg_start = q;
                        in_email = true;
                        plain = false;
                        continue;
                    }
                    false
                }
                // Digit groups: "2,000", "61,000,000", and decimal commas ("3,40 Euros").
                ',' => seg_digits && next_digit,
                // Times and verses: "10:30", "08:27:46".
                ':' => seg_digits && next_digit,
                // Dates ("9/11", "16/11/2004") but not fractions ("1/2"); "w/o", "L/C".
                '/' if seg_digits && next_digit && seg_start == scan_start => {
                    if let Some(chain_end) = digit_chain(text, scan_start, end, b'/') {
                        q = chain_end;
                        seg_start = q;
                        plain = false;
                        continue;
                    }
                    false
                }
                '/' => {
                    seg.chars().count() == 1
                        && seg.chars().all(char::is_alphabetic)
                        && single_letter_at(text, after, end)
                }
                '-' if next_word => {
                    // Inside an e-mail domain, or after a bound prefix ("anti-war").
                    if in_email
                        || (seg.chars().all(char::is_alphabetic) && abbrev::is_hyphen_prefix(seg))
                    {
                        true
                    } else if seg_digits && seg_start == scan_start {
                        if let Some(chain_end) = digit_chain(text, scan_start, end, b'-') {
                            q = chain_end;
                            seg_start = q;
                            plain = false;
                            continue;
                        }
                        false
                    } else {
                        false
                    }
                }
                // "AT&T", "PG&E", "S&P".
                '&' => {
                    seg.len() <= 3
                        && seg.chars().all(|ch| ch.is_ascii_alphabetic())
                        && short_letters_at(text, after, end)
                }
                '@' if next_word => {
                    in_email = true;
                    true
                }
                '_' => next_word,
                // The one brand name that EWT (and the press) writes with a "!".
                '!' if text.get(tok_start..q) == Some("Yahoo") => {
                    self.push(tok_start, after);
                    return after;
                }
                '$' => {
                    // "US$", "HK$": a currency code glued to the dollar sign.
                    if seg_start == tok_start
                        && (1..=3).contains(&seg.len())
                        && seg.bytes().all(|b| b.is_ascii_uppercase())
                        && (next.is_none() || next_digit)
                    {
                        self.push(tok_start, after);
                        return after;
                    }
                    false
                }
                c if is_apostrophe(c) && next_word => {
                    let rest_end = word_run_end(text, after, end);
                    let rest = text.get(after..rest_end).unwrap_or("");
                    let word = text.get(tok_start..q).unwrap_or("");
                    let has_letter = word.chars().any(char::is_alphabetic);
                    if has_letter && is_clitic(rest) {
                        // "Russia's" -> "Russia" "'s"; "I'm" -> "I" "'m".
                        self.push(tok_start, q);
                        self.push(q, rest_end);
                        return rest_end;
                    }
                    if rest.eq_ignore_ascii_case("t") && ends_with_n(word) {
                        // "don't" -> "do" "n't"; "can't" -> "ca" "n't"; "won't" -> "wo" "n't".
                        let n_pos = q - 1;
                        self.push(tok_start, n_pos);
                        self.push(n_pos, rest_end);
                        return rest_end;
                    }
                    // "O'Brien", "Shi'ite", "1960's": the apostrophe belongs to the word.
                    true
                }
                _ => false,
            };
            if !join {
                break;
            }
            plain = false;
            q = after;
            if c != '@' && c != '_' && c != '\'' && c != '\u{2019}' {
                seg_start = q;
            }
        }
        let word = text.get(tok_start..q).unwrap_or("");
        // A final period belongs to an abbreviation ("Gen.", "U.S.", "J."), except at the
        // very end of the text, where EWT writes the sentence period as its own token.
        // A doubled period after an abbreviation ("Inc..") is its own period plus a full
        // stop, while three or more dots are an ellipsis ("etc..." -> "etc" "...").
        if q < end && char_at(text, q) == Some('.') {
            let dots = run_end(text, q, end, |ch| ch == '.') - q;
            let attach = match dots {
                1 => period_attaches(text, word, q),
                2 => {
                    abbrev::lookup(word).is_some_and(|k| k != AbbrevKind::BeforeNumber)
                        || abbrev::looks_abbreviated(word)
                }
                _ => false,
            };
            if attach {
                self.push(tok_start, q + 1);
                return q + 1;
            }
        }
        // A number glued to its unit is two tokens in EWT: "5pm", "7:30PM", "10km", "$5bn".
        if let Some(unit) = text.get(seg_start..q).and_then(unit_start) {
            let cut = seg_start + unit;
            self.push(tok_start, cut);
            self.push(cut, q);
            return q;
        }
        if plain && tok_start == scan_start {
            if let Some(cut) = abbrev::contraction_split(word) {
                self.push(tok_start, tok_start + cut);
                self.push(tok_start + cut, q);
                return q;
            }
        }
        self.push(tok_start, q);
        q
    }

    /// Pushes the punctuation (or special) token at `p` and returns the position after it.
    fn punct(&mut self, p: usize, c: char, chunk_start: usize, end: usize) -> usize {
        let text = self.text;
        let after = p + c.len_utf8();
        let prev = if p > chunk_start {
            char_before(text, p)
        } else {
            None
        };
        let prev_word = prev.is_some_and(is_word_char);
        let next = if after < end {
            char_at(text, after)
        } else {
            None
        };
        let next_word = next.is_some_and(is_word_char);
        let next_digit = next.is_some_and(|n| n.is_ascii_digit());

        if prev.is_none() {
            if let Some(q) = emoticon_end(text, p, end) {
                self.push(p, q);
                return q;
            }
        }
        match c {
            // ".5", "+44": a sign or bare decimal point opening a number.
            '.' | '+' if next_digit && !prev_word => self.word(p, after, end),
            // Runs of final punctuation are one token: "...", "?!", "!!!", "…".
            '.' | '?' | '!' | '\u{2026}' => {
                let q = run_end(text, p, end, |ch| {
                    matches!(ch, '.' | '?' | '!' | '\u{2026}')
                });
                self.push(p, q);
                q
            }
            // Hashtags and handles are single tokens: "#Karabakh", "@Ryan".
            '#' | '@' if !prev_word && next.is_some_and(char::is_alphabetic) => {
                let q = handle_end(text, after, end);
                self.push(p, q);
                q
            }
            // Clitic after a non-word ("U.S.'s") or in pre-tokenized text ("Bush 's").
            c if is_apostrophe(c) && next_word => {
                let rest_end = word_run_end(text, after, end);
                let rest = text.get(after..rest_end).unwrap_or("");
                let is_year = rest.len() == 2 && rest.bytes().all(|b| b.is_ascii_digit())
                    || matches!(rest.as_bytes(), [d1, d2, b's'] if d1.is_ascii_digit() && d2.is_ascii_digit());
                if is_clitic(rest) || is_year || rest.eq_ignore_ascii_case("em") {
                    // "'s", "'72", "'60s", "'em".
                    self.push(p, rest_end);
                    rest_end
                } else {
                    self.push(p, after);
                    after
                }
            }
            // Repeated marks are one token: "--", "''", "**", "==", ">>", "$$$", "----==".
            '-' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '*' | '=' | '+' | '<' | '>' | '~'
            | '_' | '#' | '|' | '^' | '$' | '/' | '\\' | '\'' | '\u{2019}' | '\u{2018}' | '`' => {
                let quote = matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`');
                let rule = matches!(c, '-' | '=');
                let q = run_end(text, p, end, |ch| {
                    ch == c
                        || (quote && matches!(ch, '\'' | '\u{2019}' | '\u{2018}' | '`'))
                        || (rule && matches!(ch, '-' | '='))
                });
                self.push(p, q);
                q
            }
            _ => {
                self.push(p, after);
                after
            }
        }
    }
}

/// Whether the period at `dot` after `word` belongs to the word as an abbreviation.
fn period_attaches(text: &str, word: &str, dot: usize) -> bool {
    let kind = match abbrev::lookup(word) {
        Some(kind) => kind,
        None if abbrev::looks_abbreviated(word) => AbbrevKind::Weak,
        None => return false,
    };
    if kind == AbbrevKind::BeforeNumber {
        return next_visible(text, dot + 1).is_some_and(|c| c.is_ascii_digit());
    }
    !at_text_end(text, dot + 1)
}

/// True when only closing quotes and whitespace follow `i`.
fn at_text_end(text: &str, mut i: usize) -> bool {
    while let Some(c) = char_at(text, i) {
        if !(is_space(c) || matches!(c, '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}')) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// The first non-space character at or after `i`.
fn next_visible(text: &str, mut i: usize) -> Option<char> {
    while let Some(c) = char_at(text, i) {
        if !is_space(c) {
            return Some(c);
        }
        i += c.len_utf8();
    }
    None
}

/// Clitics EWT separates from their host: 's 'm 'd 're 've 'll (any case).
fn is_clitic(rest: &str) -> bool {
    ["s", "m", "d", "re", "ve", "ll"]
        .iter()
        .any(|c| rest.eq_ignore_ascii_case(c))
}

/// Whether `word` is at least two characters long and ends in "n"/"N" ("do|n't").
fn ends_with_n(word: &str) -> bool {
    word.len() >= 2 && matches!(word.as_bytes().last(), Some(b'n' | b'N'))
}

fn word_run_end(text: &str, mut i: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if i >= end || !is_word_char(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn run_end(text: &str, mut i: usize, end: usize, keep: impl Fn(char) -> bool) -> usize {
    while let Some(c) = char_at(text, i) {
        if i >= end || !keep(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// End of a hashtag or handle body: word characters and inner underscores, periods and
/// hyphens ("@paulhastings.com").
fn handle_end(text: &str, mut i: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if i >= end {
            break;
        }
        if is_word_char(c)
            || (matches!(c, '_' | '.' | '-')
                && i + 1 < end
                && char_at(text, i + 1).is_some_and(is_word_char))
        {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// A single letter at `i` not followed by another word character ("w/o").
fn single_letter_at(text: &str, i: usize, end: usize) -> bool {
    match char_at(text, i) {
        Some(c) if c.is_alphabetic() => {
            let j = i + c.len_utf8();
            j >= end || !char_at(text, j).is_some_and(is_word_char)
        }
        _ => false,
    }
}

/// One to three ASCII letters at `i`, then no further word character ("PG&E").
fn short_letters_at(text: &str, i: usize, end: usize) -> bool {
    let j = word_run_end(text, i, end);
    (1..=3).contains(&(j - i))
        && text
            .get(i..j)
            .is_some_and(|s| s.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// For a segment such as "5pm" or "30PM": the byte offset where a unit follows the digits.
/// Ordinals and decades ("9th", "1980s") are not units and stay whole.
fn unit_start(seg: &str) -> Option<usize> {
    let digits = seg.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits == seg.len() {
        return None;
    }
    let unit = seg.get(digits..)?;
    let known = matches!(
        unit,
        "am" | "pm"
            | "AM"
            | "PM"
            | "k"
            | "K"
            | "m"
            | "M"
            | "MM"
            | "bn"
            | "mn"
            | "mm"
            | "cm"
            | "km"
            | "kg"
            | "lb"
            | "lbs"
            | "ft"
            | "mph"
            | "kph"
            | "hr"
            | "hrs"
            | "min"
            | "mins"
            | "sec"
            | "kW"
            | "MW"
            | "GW"
            | "kWh"
            | "GB"
            | "MB"
            | "TB"
            | "gb"
            | "mb"
    );
    known.then_some(digits)
}

/// For digits joined by hyphens at `i` ("713-853-3989", "2023-09-20", "345-9945"): the end
/// of the chain when EWT keeps it as one token. Number ranges ("3-4", "1969-1970") are split
/// and return `None`. In en_ewt-ud-train, chains of three or more groups are always one
/// token (phone numbers, dates), as are two-group phone numbers (3 digits then 4).
///
/// With `sep == b'/'` the rule is the one for dates: three groups ("16/11/2004") or a
/// month/day pair ("9/11", "12/27"); fractions of single digits ("1/2", "3/4") and other
/// pairs ("20/20", "2001/02") are split, as in EWT (19 pairs joined, 15 split in train).
fn digit_chain(text: &str, i: usize, end: usize, sep: u8) -> Option<usize> {
    let b = text.as_bytes();
    let mut groups: [usize; 2] = [0, 0];
    let mut count = 0usize;
    let mut j = i;
    loop {
        let g = j;
        while j < end && b.get(j).is_some_and(u8::is_ascii_digit) {
            j += 1;
        }
        if j == g {
            return None;
        }
        if let Some(slot) = groups.get_mut(count) {
            *slot = j - g;
        }
        count += 1;
        if j + 1 < end && b.get(j) == Some(&sep) && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 1;
        } else {
            break;
        }
    }
    // A letter glued to the last group ("3-4th") means this is not a plain number chain.
    if char_at(text, j).is_some_and(|c| j < end && c.is_alphabetic()) {
        return None;
    }
    if count >= 3 {
        return Some(j);
    }
    if count < 2 {
        return None;
    }
    let joined = if sep == b'-' {
        // Phone numbers such as "345-9945".
        groups[0] <= 3 && groups[1] == 4
    } else {
        let first = text
            .get(i..i + groups[0])
            .and_then(|s| s.parse::<u32>().ok());
        let second = text
            .get(j - groups[1]..j)
            .and_then(|s| s.parse::<u32>().ok());
        matches!((first, second), (Some(1..=12), Some(1..=31)))
            && groups[0] <= 2
            && groups[1] <= 2
            && groups[0] + groups[1] > 2
    };
    joined.then_some(j)
}

/// Emoticons written at the start of a chunk: ":)", ":-(", ";)", ":D".
fn emoticon_end(text: &str, p: usize, end: usize) -> Option<usize> {
    const FACES: [&str; 16] = [
        ":-)", ":-(", ":-D", ":-P", ";-)", ":'(", ":)", ":(", ":D", ":P", ":p", ":O", ";)", "=)",
        "=P", "^_^",
    ];
    let rest = text.get(p..end)?;
    let face = FACES.iter().find(|f| rest.starts_with(*f))?;
    let q = p + face.len();
    // Only when the face stands alone or before punctuation, never inside a word.
    match char_at(text, q) {
        Some(c) if q < end && is_word_char(c) => None,
        _ => Some(q),
    }
}
