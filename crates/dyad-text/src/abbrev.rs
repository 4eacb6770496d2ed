//! Word lists shared by the sentence splitter and the tokenizer.
//!
//! Everything here is a `match` on a short string, which the compiler turns into a
//! length switch plus a few byte comparisons: no allocation, no hashing, no start-up cost.

/// How a word written with a final period behaves at a possible sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Always followed by more of the same sentence: titles before a name ("Mr.", "Gen."),
    /// and Latin connectives ("e.g.", "i.e.", "vs.").
    Continue,
    /// Usually inside a sentence but can end one: months, company suffixes, "U.S.",
    /// initials, "a.m.". A boundary follows only when the next word is a typical sentence
    /// starter ("The", "He", "In", ...), so "U.S. officials" stays whole.
    Weak,
    /// "etc.": ends a sentence whenever a capitalised word follows, since a name rarely
    /// directly follows "etc." inside one sentence.
    Etc,
    /// Only an abbreviation in front of a number: "No. 3", "Art. 5", "pp. 12"; otherwise
    /// an ordinary word ("The answer was no.").
    BeforeNumber,
}

/// Looks up a word (without its final period) in the abbreviation lists.
///
/// Case matters: "Gen." is an abbreviation, while a sentence ending in "gen." is not.
/// Upper-case spellings of titles and company suffixes ("MR.", "LTD.") are accepted too,
/// as they appear in all-caps headlines and wire copy.
pub fn lookup(word: &str) -> Option<AbbrevKind> {
    use AbbrevKind::*;
    let kind = match word {
        // Titles and ranks that precede a name.
        "Mr" | "Mrs" | "Ms" | "Messrs" | "Mmes" | "Dr" | "Drs" | "Prof" | "Profs" | "Gen"
        | "Gens" | "Lt" | "Col" | "Maj" | "Capt" | "Cpt" | "Sgt" | "Cpl" | "Pvt" | "Pfc"
        | "Adm" | "Brig" | "Cmdr" | "Cdr" | "Comdr" | "Gov" | "Govs" | "Sen" | "Sens" | "Rep"
        | "Reps" | "Rev" | "Revs" | "Pres" | "Amb" | "Sec" | "Secs" | "Insp" | "Supt" | "Hon"
        | "Fr" | "Msgr" | "Atty" => Continue,
        "MR" | "MRS" | "MS" | "DR" | "PROF" | "GEN" | "LT" | "COL" | "CAPT" | "SGT" | "GOV"
        | "SEN" | "REP" | "REV" => Continue,
        // Latin and other connectives: the sentence always goes on after them.
        "e.g" | "i.e" | "E.g" | "I.e" | "vs" | "Vs" | "v" | "cf" | "Cf" | "viz" | "approx"
        | "Approx" | "appx" | "ca" | "incl" | "excl" | "esp" | "eg" | "ie" => Continue,
        "etc" | "Etc" | "ETC" => Etc,
        "No" | "Nos" | "no" | "nos" | "Art" | "art" | "Arts" | "Vol" | "vol" | "Vols" | "Fig"
        | "fig" | "Figs" | "p" | "pp" | "Para" | "para" | "Nr" | "nr" | "Ch" | "ch" | "Ex"
        | "Tel" | "tel" | "Ext" | "ext" | "Ref" | "ref" | "NO" | "Op" | "op" => BeforeNumber,
        // Months (May, June and July are never abbreviated with a period).
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov"
        | "Dec" | "JAN" | "FEB" | "MAR" | "APR" | "AUG" | "SEP" | "SEPT" | "OCT" | "NOV"
        | "DEC" => Weak,
        // Days of the week, used in schedules and datelines.
        "Mon" | "Tue" | "Tues" | "Wed" | "Thu" | "Thur" | "Thurs" | "Fri" | "Sat" => Weak,
        // Name suffixes and company forms: they end a name, and the name may end the sentence.
        "Jr" | "Sr" | "JR" | "SR" | "Inc" | "INC" | "Corp" | "CORP" | "Co" | "CO" | "Cos"
        | "Ltd" | "LTD" | "Bros" | "Pty" | "Plc" | "Mfg" | "Assn" | "Dept" | "Univ" | "Intl"
        | "Natl" | "Govt" | "Ass't" | "Esq" | "al" | "PVT" | "co" => Weak,
        // Places and addresses; US state abbreviations in the AP style used in wire copy.
        "St" | "Sts" | "Ste" | "Ave" | "Blvd" | "Rd" | "Mt" | "Mts" | "Ft" | "Hwy" | "Sq"
        | "Pl" | "Ct" | "Ln" | "Pkwy" | "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn"
        | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan" | "Kans" | "Ky" | "La" | "Md" | "Mass"
        | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa"
        | "Penn" | "Tenn" | "Tex" | "Va" | "Vt" | "Wash" | "Wis" | "Wyo" | "Ont" | "Que"
        | "Alta" | "Sask" => Weak,
        // Times and a few other forms. Units ("km.", "lb.") are left out on purpose: in news
        // they end sentences far more often than they are abbreviated mid-sentence.
        "a.m" | "p.m" | "A.M" | "P.M" | "a.k.a" | "A.K.A" | "Attn" | "attn" => Weak,
        // A postscript marker is followed by the postscript itself, never a new sentence.
        "PS" | "P.S" | "p.s" => Continue,
        _ => return None,
    };
    Some(kind)
}

/// Whether `word` (without its final period) is written like an abbreviation even though it
/// is not listed: single letters ("F" in "John F. Kennedy") and dotted letter groups
/// ("U.S", "D.C", "Ph.D", "J.R.R").
pub fn looks_abbreviated(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        // A single letter: an initial, or a list label such as "a." / "b.".
        (Some(c), None) => c.is_alphabetic(),
        _ => is_dotted_letters(word),
    }
}

/// "U.S", "a.m", "Ph.D", "J.R.R": at least two groups of one or two letters joined by
/// periods. Domain names ("example.com") and numbers ("3.5") do not qualify.
pub fn is_dotted_letters(word: &str) -> bool {
    let mut groups = 0usize;
    for part in word.split('.') {
        let mut n = 0usize;
        for c in part.chars() {
            if !c.is_alphabetic() {
                return false;
            }
            n += 1;
        }
        if n == 0 || n > 2 {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

/// A word that cannot be an abbreviation, so a period after it is a full stop even before
/// a lower-case word ("... tonight. jill is coming", "... Hamas. al-Qaeda denied").
/// Lower-case words qualify from two letters, capitalised ones ("Hamas") from four, as
/// short capitalised words are often unlisted abbreviations ("Fla", "Dem"). Listed
/// abbreviations never qualify; nor do words without a vowel ("pp", "ft", "Mgr"), nor
/// the vowelled lower-case abbreviations below.
pub fn is_plain_word(word: &str) -> bool {
    if lookup(word).is_some() {
        return false;
    }
    let mut bytes = word.bytes();
    let capitalised = match bytes.next() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_lowercase() => false,
        _ => return false,
    };
    if !bytes.all(|b| b.is_ascii_lowercase()) || word.len() < if capitalised { 4 } else { 2 } {
        return false;
    }
    let has_vowel = word.bytes().any(|b| {
        matches!(
            b.to_ascii_lowercase(),
            b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
        )
    });
    if !has_vowel {
        return false;
    }
    capitalised
        || !matches!(
            word,
            "approx"
                | "appx"
                | "ca"
                | "al"
                | "op"
                | "oz"
                | "mi"
                | "cont"
                | "misc"
                | "admin"
                | "est"
                | "max"
                | "min"
                | "mins"
                | "info"
                | "intl"
                | "natl"
                | "assn"
                | "assoc"
                | "incl"
                | "excl"
                | "esp"
                | "etc"
                | "viz"
                | "var"
                | "vol"
                | "ref"
                | "tel"
                | "ext"
                | "sec"
                | "abt"
                | "resp"
                | "orig"
                | "prob"
                | "gov"
                | "govt"
                | "dept"
                | "pct"
                | "sen"
                | "rep"
                | "gen"
                | "col"
                | "capt"
                | "maj"
                | "adm"
                | "prof"
                | "co"
                | "no"
                | "nos"
                | "art"
                | "fig"
                | "para"
                | "ie"
                | "eg"
                | "yrs"
                | "hrs"
                | "lbs"
                | "sq"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "aug"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}

/// Words that commonly open an English news sentence. After a weak abbreviation such as
/// "U.S." a boundary is assumed only when one of these follows ("... on the U.S. The
/// ministry said"), never for other capitalised words ("U.S. President", "U.S. Army").
pub fn is_sentence_starter(word: &str) -> bool {
    // Compare in the capitalised form ("The") or all lower case after the first letter.
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() => {}
        _ => return false,
    }
    if word.len() > 12 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 12];
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = match buf.get(..word.len()).map(std::str::from_utf8) {
        Some(Ok(s)) => s,
        _ => return false,
    };
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "without"
            | "to"
            | "of"
            | "as"
            | "after"
            | "before"
            | "during"
            | "since"
            | "until"
            | "under"
            | "over"
            | "among"
            | "amid"
            | "despite"
            | "according"
            | "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "if"
            | "when"
            | "while"
            | "where"
            | "what"
            | "why"
            | "how"
            | "who"
            | "which"
            | "although"
            | "though"
            | "however"
            | "meanwhile"
            | "moreover"
            | "furthermore"
            | "nevertheless"
            | "nonetheless"
            | "therefore"
            | "thus"
            | "instead"
            | "indeed"
            | "also"
            | "still"
            | "then"
            | "now"
            | "earlier"
            | "later"
            | "last"
            | "next"
            | "today"
            | "yesterday"
            | "tomorrow"
            | "separately"
            | "both"
            | "each"
            | "all"
            | "some"
            | "many"
            | "most"
            | "several"
            | "such"
            | "one"
            | "two"
            | "three"
            | "no"
            | "not"
            | "neither"
            | "nor"
            | "only"
            | "even"
            | "other"
            | "another"
            | "asked"
            | "speaking"
            | "following"
            | "because"
            | "unlike"
            | "like"
            | "whether"
            | "officials"
            | "residents"
            | "police"
    )
}

/// First parts of hyphenated words that EWT keeps as one token ("non-stop", "anti-American",
/// "mid-2004", "e-mail"). Counts in en_ewt-ud-train (joined / split): e 38/2, non 28/0,
/// mid 18/0, pre 15/0, anti 14/0, re 13/0, post 7/0, co 7/0, over 6/0, pro 5/0, multi 5/0,
/// ex 4/0, sub 3/1, semi 3/0, cross 2/0, neo 2/0, psycho 2/0, counter, intra, arch, socio,
/// un 1/0. The remaining entries are the same kind of bound Latin/Greek prefix. "self" (0/11),
/// "well" (0/17) and "vice" (1/3) are split in EWT and so are not listed.
pub fn is_hyphen_prefix(part: &str) -> bool {
    if part.is_empty() || part.len() > 7 || !part.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 7];
    for (slot, b) in buf.iter_mut().zip(part.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = match buf.get(..part.len()).map(std::str::from_utf8) {
        Some(Ok(s)) => s,
        _ => return false,
    };
    matches!(
        lower,
        "e" | "non"
            | "mis"
            | "mid"
            | "pre"
            | "anti"
            | "re"
            | "post"
            | "co"
            | "over"
            | "pro"
            | "multi"
            | "ex"
            | "sub"
            | "semi"
            | "cross"
            | "neo"
            | "psycho"
            | "counter"
            | "intra"
            | "inter"
            | "arch"
            | "socio"
            | "un"
            | "ultra"
            | "extra"
            | "pseudo"
            | "quasi"
            | "trans"
            | "hyper"
            | "micro"
            | "macro"
            | "mega"
            | "mini"
            | "bi"
            | "tri"
            | "geo"
            | "infra"
            | "supra"
            | "para"
    )
}

/// Apostrophe-less contractions that EWT splits like their spelled-out forms
/// ("cannot" -> "can" + "not", "gonna" -> "gon" + "na", "dont" -> "do" + "nt").
/// Returns the byte length of the first part. Ambiguous spellings that are also ordinary
/// words ("its", "lets", "wont" is kept since "wont" the noun is archaic) are left alone.
pub fn contraction_split(word: &str) -> Option<usize> {
    if word.len() < 4 || word.len() > 8 || !word.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 8];
    for (slot, b) in buf.iter_mut().zip(word.bytes()) {
        *slot = b.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(buf.get(..word.len())?).ok()?;
    match lower {
        "cannot" | "gonna" | "wanna" | "gotta" => Some(3),
        "dont" | "didnt" | "doesnt" | "isnt" | "wasnt" | "werent" | "arent" | "couldnt"
        | "wouldnt" | "shouldnt" | "havent" | "hasnt" | "hadnt" | "cant" | "wont" | "aint" => {
            Some(word.len() - 2)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_letters() {
        assert!(is_dotted_letters("U.S"));
        assert!(is_dotted_letters("a.m"));
        assert!(is_dotted_letters("Ph.D"));
        assert!(!is_dotted_letters("example.com"));
        assert!(!is_dotted_letters("3.5"));
        assert!(!is_dotted_letters("U"));
    }

    #[test]
    fn starters_and_prefixes() {
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("President"));
        assert!(is_hyphen_prefix("Anti"));
        assert!(!is_hyphen_prefix("self"));
        assert_eq!(contraction_split("cannot"), Some(3));
        assert_eq!(contraction_split("Dont"), Some(2));
        assert_eq!(contraction_split("its"), None);
        assert!(is_plain_word("tonight"));
        assert!(is_plain_word("Hamas"));
        assert!(!is_plain_word("Fla"));
        assert!(!is_plain_word("dept"));
        assert!(!is_plain_word("approx"));
        assert!(!is_plain_word("Calif"));
    }
}
