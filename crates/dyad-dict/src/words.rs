//! Word normalization shared by dictionary phrases and sentence text.

use dyad_model::TokenIdx;

dyad_model::index_type! {
    /// A word's position in its sentence's words ([`words`]): dictionary matches, actor
    /// mentions and verb forms are spans of words.
    pub struct WordIdx;
}

/// One matchable word of a sentence: a token, or one part of a hyphenated token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lowercased, apostrophes straightened.
    pub norm: String,
    /// The token this word comes from.
    pub token: TokenIdx,
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    /// The first character of the surface form is uppercase.
    pub capitalized: bool,
    /// Every letter of the surface form is uppercase (and there is at least one).
    pub all_caps: bool,
}

/// Lowercases and straightens apostrophes and dashes, the way both sides of a match see text.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Splits tokens into words: hyphenated tokens give one word per part (the hyphens are dropped),
/// and a lone hyphen token gives no word. A sentence-final abbreviation that the tokenizer split
/// from its period the way UD EWT does ("U.S" + ".") is read back as one word ("u.s.").
pub fn words<'a>(tokens: impl IntoIterator<Item = (TokenIdx, &'a str, usize)>) -> Vec<Word> {
    let tokens: Vec<(TokenIdx, &str, usize)> = tokens.into_iter().collect();
    let mut out = Vec::new();
    let mut skip_next = false;
    for (k, &(ti, form, start)) in tokens.iter().enumerate() {
        if std::mem::take(&mut skip_next) {
            continue;
        }
        let period_follows = tokens
            .get(k + 1)
            .is_some_and(|&(_, f, s)| f == "." && s == start + form.len());
        if form.contains('.') && period_follows && !form.ends_with('.') {
            skip_next = true;
            out.push(word(ti, &format!("{form}."), start));
            continue;
        }
        let mut offset = 0;
        for part in form.split('-') {
            let pstart = offset;
            offset += part.len() + 1;
            if !part.is_empty() {
                out.push(word(ti, part, start + pstart));
            }
        }
    }
    out
}

fn word(token: TokenIdx, surface: &str, start: usize) -> Word {
    let capitalized = surface.chars().next().is_some_and(char::is_uppercase);
    let all_caps = surface.chars().any(char::is_alphabetic)
        && surface
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    Word {
        norm: normalize(surface),
        token,
        start,
        end: start + surface.len(),
        capitalized,
        all_caps,
    }
}

/// Splits a dictionary phrase (`THE_EUROPEAN_UNION_`, `RUSSIA'S ARMY`, `Ban Ki-moon`) into
/// normalized words, splitting possessive `'s` the way the tokenizer does.
pub fn phrase_words(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in phrase.split(|c: char| c == '_' || c == '-' || c.is_whitespace()) {
        if raw.is_empty() {
            continue;
        }
        let w = normalize(raw);
        if let Some(stem) = w.strip_suffix("'s").filter(|s| !s.is_empty()) {
            out.push(stem.to_string());
            out.push("'s".to_string());
        } else if w.len() > 1 && w.ends_with(',') {
            out.push(w.trim_end_matches(',').to_string());
            out.push(",".to_string());
        } else {
            out.push(w);
        }
    }
    out
}

/// Regular English plural of the last word of a phrase.
pub fn plural(word: &str) -> String {
    let w = word;
    // "army" -> "armies", but "day" -> "days"
    let consonant_y = w
        .strip_suffix('y')
        .filter(|stem| stem.bytes().last().is_some_and(|b| !b"aeiou".contains(&b)));
    if let Some(stem) = consonant_y {
        format!("{stem}ies")
    } else if w.ends_with('s') || w.ends_with('x') || w.ends_with("sh") || w.ends_with("ch") {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_split_like_tokens() {
        assert_eq!(
            phrase_words("THE_EUROPEAN_UNION_"),
            vec!["the", "european", "union"]
        );
        assert_eq!(phrase_words("Ban Ki-moon"), vec!["ban", "ki", "moon"]);
        assert_eq!(phrase_words("RUSSIA'S_ARMY"), vec!["russia", "'s", "army"]);
        assert_eq!(phrase_words("U.N."), vec!["u.n."]);
    }

    #[test]
    fn words_split_hyphens_and_keep_spans() {
        let t = TokenIdx::new;
        let w = words([
            (t(0), "anti-terrorist", 0),
            (t(1), "-", 15),
            (t(2), "US", 17),
        ]);
        let norms: Vec<_> = w.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(norms, vec!["anti", "terrorist", "us"]);
        assert_eq!((w[1].start, w[1].end), (5, 14));
        assert!(w[2].all_caps && w[2].capitalized);
    }

    #[test]
    fn sentence_final_abbreviation_is_one_word() {
        let t = TokenIdx::new;
        let w = words([(t(0), "the", 0), (t(1), "U.S", 4), (t(2), ".", 7)]);
        let norms: Vec<_> = w.iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(norms, vec!["the", "u.s."]);
        assert_eq!((w[1].start, w[1].end), (4, 8));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural("militia"), "militias");
        assert_eq!(plural("ministry"), "ministries");
        assert_eq!(plural("boss"), "bosses");
        assert_eq!(plural("day"), "days");
    }
}
