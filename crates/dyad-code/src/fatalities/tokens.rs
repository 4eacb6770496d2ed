//! Sentences as lower-cased tokens, and the numbers they spell.

use super::MAX_FATALITIES;

// ---------------------------------------------------------------------------------------
// Tokens.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Number,
    Punct,
}

/// A decimal number ("1.5"), kept apart: it is a count only with a multiplier ("1.5
/// million").
#[derive(Debug, Clone, Copy)]
pub(super) struct Decimal {
    pub(super) int: u32,
    pub(super) frac: u32,
    pub(super) places: u32,
}

#[derive(Debug, Clone)]
pub(super) struct Tok {
    /// Lower-cased text.
    pub(super) text: String,
    pub(super) kind: Kind,
    /// Began with an upper-case letter: a name or demonym ("Palestinians") may name people.
    pub(super) cap: bool,
    /// Joined to the previous token by a hyphen ("twenty-five", "20-30").
    pub(super) hyphen: bool,
    /// No space before it ("10:30", "$5").
    pub(super) glued: bool,
    /// The value of a whole number (capped); `None` for decimals and malformed groupings.
    pub(super) value: Option<u32>,
    pub(super) decimal: Option<Decimal>,
    /// Four plain digits in 1800..=2100: most likely a year.
    pub(super) year_like: bool,
}

pub(super) fn capped_mul(a: u32, b: u32) -> u32 {
    a.checked_mul(b)
        .map_or(MAX_FATALITIES, |v| v.min(MAX_FATALITIES))
}

pub(super) fn capped_add(a: u32, b: u32) -> u32 {
    a.checked_add(b)
        .map_or(MAX_FATALITIES, |v| v.min(MAX_FATALITIES))
}

pub(super) fn digits_value(s: &str) -> u32 {
    s.bytes().fold(0, |acc, b| {
        capped_add(capped_mul(acc, 10), u32::from(b.saturating_sub(b'0')))
    })
}

/// "1,200" -> 1200; commas must group thousands, else the token is not a count ("3,4").
pub(super) fn grouped(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if s.contains(',') {
        let mut groups = s.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    Some(digits_value(&s.replace(',', "")))
}

pub(super) fn number_token(raw: &str) -> (Option<u32>, Option<Decimal>, bool) {
    match raw.split_once('.') {
        Some((whole, frac)) => {
            let int = grouped(whole);
            match int {
                Some(int) if !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()) => {
                    // Six places are more than any count needs and keep the scaling in u64.
                    let places = frac.len().min(6);
                    let frac = digits_value(frac.get(..places).unwrap_or_default());
                    let places = u32::try_from(places).unwrap_or(6);
                    (None, Some(Decimal { int, frac, places }), false)
                }
                _ => (None, None, false),
            }
        }
        None => {
            let value = grouped(raw);
            let year = !raw.contains(',')
                && raw.len() == 4
                && value.is_some_and(|v| (1800..=2100).contains(&v));
            (value, None, year)
        }
    }
}

/// "1.5" times a multiplier, capped.
pub(super) fn scaled(d: Decimal, multiplier: u32) -> u32 {
    let whole = capped_mul(d.int, multiplier);
    let frac = 10u64
        .checked_pow(d.places)
        .and_then(|den| {
            u64::from(d.frac)
                .checked_mul(u64::from(multiplier))
                .map(|n| n / den.max(1))
        })
        .and_then(|f| u32::try_from(f).ok())
        .unwrap_or(MAX_FATALITIES);
    capped_add(whole, frac)
}

pub(super) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Lower-cased words, numbers and punctuation. A hyphen between two alphanumerics joins
/// them; [`merge_hyphens`] then makes compounds one word, so "12-year-old" is a person and
/// not the number 12.
pub(super) fn tokenize(s: &str) -> Vec<Tok> {
    let chars: Vec<char> = s.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let alnum = |i: usize| at(i).is_some_and(char::is_alphanumeric);
    let alpha = |i: usize| at(i).is_some_and(char::is_alphabetic);
    let digit = |i: usize| at(i).is_some_and(|c| c.is_ascii_digit());
    let mut toks = Vec::new();
    let (mut i, mut space, mut hyphen) = (0, true, false);
    while let Some(c) = at(i) {
        if c.is_whitespace() {
            space = true;
            hyphen = false;
            i += 1;
            continue;
        }
        if is_hyphen(c) && !space && i > 0 && alnum(i - 1) && alnum(i + 1) {
            hyphen = true;
            i += 1;
            continue;
        }
        let start = i;
        let kind = if digit(i) {
            while digit(i) || (matches!(at(i), Some(',' | '.')) && digit(i + 1)) {
                i += 1;
            }
            if alpha(i) {
                // "3rd", "9mm", "5km": not counts.
                while alnum(i) {
                    i += 1;
                }
                Kind::Word
            } else {
                Kind::Number
            }
        } else if c.is_alphanumeric() {
            i += 1;
            loop {
                if alnum(i) {
                    i += 1;
                } else if matches!(at(i), Some('\'' | '\u{2019}')) && alpha(i + 1) {
                    i += 2;
                } else {
                    break;
                }
            }
            // "a.m.", "U.S.": one word, so "3 a.m." is not "3" before the article "a".
            if i == start + 1 {
                while at(i) == Some('.') && alpha(i + 1) && !alnum(i + 2) {
                    i += 2;
                }
                if i > start + 1 && at(i) == Some('.') {
                    i += 1;
                }
            }
            Kind::Word
        } else {
            i += 1;
            Kind::Punct
        };
        let raw: String = chars.get(start..i).unwrap_or_default().iter().collect();
        let (value, decimal, year_like) = if kind == Kind::Number {
            number_token(&raw)
        } else {
            (None, None, false)
        };
        toks.push(Tok {
            text: raw.to_lowercase().replace('\u{2019}', "'"),
            kind,
            cap: raw.chars().next().is_some_and(char::is_uppercase),
            hyphen,
            glued: !space,
            value,
            decimal,
            year_like,
        });
        space = false;
        hyphen = false;
    }
    merge_hyphens(toks)
}

/// Hyphenated chains become one word ("12-year-old", "AK-47", "two-day"), except chains of
/// numbers: "twenty-five" is read as a number and "20-30" as a range.
pub(super) fn merge_hyphens(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut chain: Vec<Tok> = Vec::new();
    for t in toks {
        if !t.hyphen {
            flush_chain(&mut out, &mut chain);
        }
        chain.push(t);
    }
    flush_chain(&mut out, &mut chain);
    out
}

pub(super) fn flush_chain(out: &mut Vec<Tok>, chain: &mut Vec<Tok>) {
    let numeric = chain.iter().all(|t| t.kind == Kind::Number)
        || chain.iter().all(|t| number_word(&t.text).is_some());
    if chain.len() < 2 || numeric {
        out.append(chain);
        return;
    }
    let text = chain
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join("-");
    out.push(Tok {
        text,
        kind: Kind::Word,
        cap: chain.iter().any(|t| t.cap),
        hyphen: false,
        glued: chain.first().is_some_and(|t| t.glued),
        value: None,
        decimal: None,
        year_like: false,
    });
    chain.clear();
}

pub(super) fn number_word(w: &str) -> Option<u32> {
    Some(match w {
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

pub(super) fn big_multiplier(w: &str) -> Option<u32> {
    match w {
        "thousand" => Some(1_000),
        "million" => Some(1_000_000),
        // Beyond the cap anyway.
        "billion" => Some(MAX_FATALITIES),
        _ => None,
    }
}
