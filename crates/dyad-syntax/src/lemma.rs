//! Lemmatization from a word form and its XPOS tag.
//!
//! Three layers, tried in order:
//! 1. an **exception table** `(form, XPOS) -> lemma` learned from the training data, holding
//!    only the words the rules below get wrong (irregulars: "went"/VBD -> "go", "'s"/VBZ ->
//!    "be", "better"/JJR -> "good", and EWT's own idiosyncrasies);
//! 2. **suffix rules** learned per XPOS: every training word type gives a rule "strip `n`
//!    characters, append `s`" (from the longest common prefix of form and lemma), counted
//!    for each suffix of the form that covers the stripped part and one more character;
//!    each `(XPOS, suffix)` keeps
//!    its majority rule, and entries that agree with their next-shorter suffix are pruned.
//!    The longest matching suffix decides;
//! 3. **hand rules** for regular English inflection ("-ies" -> "y", "-ied" -> "y", consonant
//!    doubling "stopped" -> "stop", "-ing", "-ed", "-es", "-s", "-er"/"-est"), used for
//!    XPOS tags that have no learned rules (and by [`Lemmatizer::rules_only`]).
//!
//! Case follows UD: the lemma of a proper noun (NNP, NNPS) keeps the case of the form
//! (but all-caps words longer than four letters are title-cased, as EWT does);
//! other words are lower-cased first ("The" -> "the"), except where the data says otherwise
//! (the pronoun "I" keeps its capital through the exception table).

use std::collections::{HashMap, HashSet};

use crate::conllu::ConllSentence;
use crate::hash::PassThrough;
use crate::model_io::{ByteReader, ByteWriter, ModelError};
use crate::tags::{Xpos, XPOS_TAGS};

/// Longest suffix (in characters) the learned rules look at.
const MAX_SUFFIX: usize = 6;
/// A suffix rule needs this many word types behind it (the empty suffix excepted).
const MIN_SUPPORT: u32 = 2;

/// "Strip `strip` characters from the end, then append `add`."
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    strip: u8,
    add: String,
}

impl Rule {
    fn derive(form: &str, lemma: &str) -> Rule {
        let common = form
            .chars()
            .zip(lemma.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let form_len = form.chars().count();
        let add: String = lemma.chars().skip(common).collect();
        Rule {
            strip: (form_len - common).min(255) as u8,
            add,
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        let strip = self.strip as usize;
        if strip > n || (strip == n && self.add.is_empty()) {
            return None;
        }
        let mut out: String = form.chars().take(n - strip).collect();
        out.push_str(&self.add);
        Some(out)
    }
}

/// Which rules back the exception table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleMode {
    /// Learned suffix rules for every tag.
    Learned,
    /// Hand rules only.
    Hand,
    /// Hand rules for the inflected tags (NNS, VB*, JJR, ...), learned suffix rules for
    /// the others (the default: best on EWT dev).
    Hybrid,
}

/// Tags covered by [`hand_rules`].
fn has_hand_rules(xpos: Xpos) -> bool {
    matches!(
        xpos.as_str(),
        "NNS" | "NNPS" | "VBZ" | "VBD" | "VBN" | "VBG" | "JJR" | "RBR" | "JJS" | "RBS"
    )
}

/// The lemmatizer (see the module docs).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lemmatizer {
    /// Key form -> (XPOS id, lemma).
    exceptions: HashMap<String, Vec<(u8, String)>, PassThrough>,
    /// Per XPOS id: suffix -> rule.
    rules: Vec<HashMap<String, Rule, PassThrough>>,
    /// Lemmas seen in training (case kept), for choosing between candidate stems
    /// ("violat"/"violate", "ach"/"ache") and for capitalising lower-case proper nouns.
    known: HashSet<String, PassThrough>,
}

/// The form the rules work on: proper nouns and addresses (ADD) keep their case, other
/// words are lower-cased.
fn key_form(form: &str, xpos: Xpos) -> String {
    if xpos.is_proper() || xpos.as_str() == "ADD" {
        form.to_string()
    } else {
        form.to_lowercase()
    }
}

/// The suffix of `s` made of its last `n` characters (`n` at most the length).
fn char_suffix(s: &str, n: usize) -> &str {
    let mut start = s.len();
    for (count, (i, _)) in s.char_indices().rev().enumerate() {
        if count == n {
            break;
        }
        start = i;
    }
    if n == 0 {
        start = s.len();
    }
    s.get(start..).unwrap_or("")
}

impl Lemmatizer {
    /// A lemmatizer with no learned data: hand rules only.
    pub fn rules_only() -> Self {
        Lemmatizer::default()
    }

    /// Learns exceptions and suffix rules from gold lemmas.
    pub fn train(sentences: &[ConllSentence]) -> Self {
        Self::train_with(sentences, RuleMode::Hybrid)
    }

    /// Learns exceptions and, depending on `mode`, suffix rules; the exceptions hold what
    /// the resulting rules get wrong.
    pub fn train_with(sentences: &[ConllSentence], mode: RuleMode) -> Self {
        // (key form, xpos) -> lemma -> token count
        let mut types: HashMap<(String, u8), HashMap<String, u32>> = HashMap::new();
        for s in sentences {
            for w in &s.words {
                if w.lemma.is_empty() || (w.lemma == "_" && w.form != "_") {
                    continue;
                }
                let x = Xpos::from_name(&w.xpos);
                *types
                    .entry((key_form(&w.form, x), x.id()))
                    .or_default()
                    .entry(w.lemma.clone())
                    .or_default() += 1;
            }
        }
        let mut majority: Vec<((String, u8), String)> = types
            .into_iter()
            .filter_map(|(k, lemmas)| {
                let mut v: Vec<(String, u32)> = lemmas.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                v.into_iter().next().map(|(l, _)| (k, l))
            })
            .collect();
        majority.sort();

        // (xpos, suffix) -> rule -> type count
        let mut stats: HashMap<(u8, String), HashMap<Rule, u32>> = HashMap::new();
        for ((form, x), lemma) in &majority {
            let rule = Rule::derive(form, lemma);
            let n = form.chars().count();
            // The suffix covers the stripped part plus one more character of context
            // ("grabbed" -> "grab" is learned for "-bbed", not for "-bed").
            for len in (rule.strip as usize + 1)..=MAX_SUFFIX.min(n.saturating_sub(1)) {
                let suf = char_suffix(form, len).to_string();
                *stats
                    .entry((*x, suf))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        let mut entries: Vec<(u8, String, Rule)> = stats
            .into_iter()
            .filter_map(|((x, suf), rules)| {
                let mut v: Vec<(Rule, u32)> = rules.into_iter().collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let n = suf.chars().count();
                v.into_iter()
                    .next()
                    .filter(|(_, c)| *c >= MIN_SUPPORT || n == 0)
                    .map(|(r, _)| (x, suf, r))
            })
            .collect();
        entries.sort_by(|a, b| {
            (a.0, a.1.chars().count(), &a.1).cmp(&(b.0, b.1.chars().count(), &b.1))
        });
        let mut known: HashSet<String, PassThrough> = HashSet::default();
        for s in sentences {
            for w in &s.words {
                if is_word_lemma(&w.lemma) {
                    known.insert(w.lemma.clone());
                }
            }
        }
        let mut lem = Lemmatizer {
            exceptions: HashMap::default(),
            rules: vec![HashMap::default(); XPOS_TAGS.len()],
            known,
        };
        let keep = |x: u8| match mode {
            RuleMode::Learned => true,
            RuleMode::Hand => false,
            RuleMode::Hybrid => !has_hand_rules(Xpos(x)),
        };
        for (x, suf, rule) in entries.into_iter().filter(|e| keep(e.0)) {
            // `x` comes from `Xpos::from_name`, always a valid tag id.
            let Some(table) = lem.rules.get_mut(x as usize) else {
                continue;
            };
            let n = suf.chars().count();
            let inherited = (0..n)
                .rev()
                .find_map(|len| table.get(char_suffix(&suf, len)))
                .cloned();
            if inherited.as_ref() != Some(&rule) {
                table.insert(suf, rule);
            }
        }
        for ((form, x), lemma) in majority {
            if lem.by_rules(&form, Xpos(x)) != lemma {
                lem.exceptions.entry(form).or_default().push((x, lemma));
            }
        }
        lem
    }

    /// Number of exceptions and of suffix rules.
    pub fn sizes(&self) -> (usize, usize) {
        (
            self.exceptions.values().map(Vec::len).sum(),
            self.rules.iter().map(HashMap::len).sum(),
        )
    }

    /// Number of known lemmas.
    pub fn n_known(&self) -> usize {
        self.known.len()
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemmatize(&self, form: &str, xpos: Xpos) -> String {
        let key = key_form(form, xpos);
        if let Some(list) = self.exceptions.get(&key) {
            if let Some((_, lemma)) = list.iter().find(|(x, _)| *x == xpos.id()) {
                return lemma.clone();
            }
            // A form seen with a sibling tag only ("fought" as VBN, asked as VBD).
            if let Some(sibling) = sibling(xpos) {
                if let Some((_, lemma)) = list.iter().find(|(x, _)| *x == sibling.id()) {
                    return lemma.clone();
                }
            }
        }
        // A lower-case proper noun whose capitalised form is a known lemma and which is
        // not itself one ("india" -> "India", as EWT does).
        if xpos.is_proper() {
            if let Some(first) = key.chars().next() {
                if first.is_lowercase() && key.chars().all(char::is_alphabetic) {
                    let title: String = first.to_uppercase().chain(key.chars().skip(1)).collect();
                    if self.known.contains(&title) && !self.known.contains(&key) {
                        return self.by_rules(&title, xpos);
                    }
                }
            }
        }
        self.by_rules(&key, xpos)
    }

    fn by_rules(&self, key: &str, xpos: Xpos) -> String {
        // Cardinal numbers with thousands separators lose them ("18,000" -> "18000").
        if xpos.as_str() == "CD" && is_grouped_number(key) {
            return key.chars().filter(|&c| c != ',').collect();
        }
        // EWT title-cases all-caps proper nouns longer than an acronym ("TEXAS" -> "Texas").
        if xpos.is_proper() && key.len() > 4 && key.bytes().all(|b| b.is_ascii_uppercase()) {
            // all ASCII (checked above), so the first char is the first byte
            let mut title = key.to_ascii_lowercase();
            if let Some(first) = title.get_mut(..1) {
                first.make_ascii_uppercase();
            }
            return self.by_rules_inner(&title, xpos);
        }
        self.by_rules_inner(key, xpos)
    }

    fn by_rules_inner(&self, key: &str, xpos: Xpos) -> String {
        match self.rules.get(xpos.id() as usize) {
            Some(table) if !table.is_empty() => {
                let n = key.chars().count();
                for len in (0..=MAX_SUFFIX.min(n.saturating_sub(1))).rev() {
                    if let Some(rule) = table.get(char_suffix(key, len)) {
                        return rule.apply(key).unwrap_or_else(|| key.to_string());
                    }
                }
                key.to_string()
            }
            _ => {
                let guess = hand_rules(key, xpos);
                if self.known.is_empty() || self.known.contains(&guess) {
                    return guess;
                }
                // Prefer a candidate stem that is a known lemma.
                candidates(key, xpos)
                    .into_iter()
                    .find(|c| self.known.contains(c))
                    .unwrap_or(guess)
            }
        }
    }

    pub(crate) fn write(&self, w: &mut ByteWriter) {
        let mut keys: Vec<&String> = self.exceptions.keys().collect();
        keys.sort();
        w.varint(keys.len() as u64);
        for k in keys {
            w.str(k);
            let list = self.exceptions.get(k).map(Vec::as_slice).unwrap_or(&[]);
            w.varint(list.len() as u64);
            for (x, lemma) in list {
                w.u8(*x);
                w.str(lemma);
            }
        }
        w.varint(self.rules.len() as u64);
        for table in &self.rules {
            let mut entries: Vec<(&String, &Rule)> = table.iter().collect();
            entries.sort();
            w.varint(entries.len() as u64);
            for (suf, rule) in entries {
                w.str(suf);
                w.u8(rule.strip);
                w.str(&rule.add);
            }
        }
        let mut known: Vec<&String> = self.known.iter().collect();
        known.sort();
        w.varint(known.len() as u64);
        for k in known {
            w.str(k);
        }
    }

    pub(crate) fn read(r: &mut ByteReader<'_>) -> Result<Self, ModelError> {
        let mut exceptions = HashMap::default();
        let n = r.count(2)?;
        for _ in 0..n {
            let k = r.str()?.to_string();
            let m = r.count(2)?;
            let mut list = Vec::with_capacity(m);
            for _ in 0..m {
                let x = r.u8()?;
                if Xpos::from_id(x).is_none() {
                    return Err(ModelError::Invalid(format!("bad XPOS id {x}")));
                }
                list.push((x, r.str()?.to_string()));
            }
            exceptions.insert(k, list);
        }
        let n_tables = r.count(1)?;
        if n_tables > XPOS_TAGS.len() {
            return Err(ModelError::Invalid("too many lemma rule tables".into()));
        }
        let mut rules = Vec::with_capacity(n_tables);
        for _ in 0..n_tables {
            let m = r.count(3)?;
            let mut table = HashMap::with_capacity_and_hasher(m, PassThrough::default());
            for _ in 0..m {
                let suf = r.str()?.to_string();
                let strip = r.u8()?;
                let add = r.str()?.to_string();
                table.insert(suf, Rule { strip, add });
            }
            rules.push(table);
        }
        let n_known = r.count(1)?;
        let mut known = HashSet::with_capacity_and_hasher(n_known, PassThrough::default());
        for _ in 0..n_known {
            known.insert(r.str()?.to_string());
        }
        Ok(Lemmatizer {
            exceptions,
            rules,
            known,
        })
    }
}

/// Lemma decisions that need the next word: the clitic "'s" is "have" before "been",
/// "got", "gotten" ("it's been", "he's got"), otherwise "be" (always so in EWT train).
pub fn contextual_fixes(forms: &[&str], tags: &mut [crate::tagger::Tag]) {
    for (i, tag) in tags.iter_mut().enumerate() {
        let clitic = matches!(forms.get(i).copied(), Some("'s" | "\u{2019}s"));
        if clitic && tag.lemma == "be" {
            if let Some(next) = forms.get(i + 1) {
                if ["been", "got", "gotten"]
                    .iter()
                    .any(|w| next.eq_ignore_ascii_case(w))
                {
                    tag.lemma = "have".to_string();
                }
            }
        }
    }
}

/// Tags whose forms share lemmas: past tense and participle, base and present.
fn sibling(xpos: Xpos) -> Option<Xpos> {
    let other = match xpos.as_str() {
        "VBD" => "VBN",
        "VBN" => "VBD",
        "VB" => "VBP",
        "VBP" => "VB",
        _ => return None,
    };
    Some(Xpos::from_name(other))
}

/// Lemmas worth remembering: alphabetic words (apostrophes and hyphens allowed).
fn is_word_lemma(l: &str) -> bool {
    l.chars().any(char::is_alphabetic)
        && l.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
}

/// `1,234` or `12,345,678.5`: digits in groups of three separated by commas.
fn is_grouped_number(s: &str) -> bool {
    let int = s.split('.').next().unwrap_or("");
    let frac_ok = s
        .split('.')
        .skip(1)
        .all(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
        && s.matches('.').count() <= 1;
    let groups: Vec<&str> = int.split(',').collect();
    groups.len() >= 2
        && frac_ok
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups.iter().skip(1).all(|g| g.len() == 3)
}

/// Alternative stems for the hand rules' suffixes (tried when the rules' own guess is not
/// a known lemma): with and without a silent "e", with and without consonant doubling.
fn candidates(k: &str, xpos: Xpos) -> Vec<String> {
    let mut out = Vec::new();
    let mut stems = |s: &str| {
        out.push(s.to_string());
        out.push(format!("{s}e"));
        out.push(undouble(s));
    };
    match xpos.as_str() {
        "VBD" | "VBN" if k.ends_with("ed") => stems(stem(k, 2)),
        "VBG" if k.ends_with("ing") => stems(stem(k, 3)),
        "NNS" | "NNPS" | "VBZ" if k.ends_with("es") => {
            out.push(stem(k, 1).to_string());
            out.push(stem(k, 2).to_string());
        }
        "JJR" | "RBR" if k.ends_with("er") => stems(stem(k, 2)),
        "JJS" | "RBS" if k.ends_with("est") => stems(stem(k, 3)),
        _ => {}
    }
    out.retain(|c| c.chars().count() >= 2);
    out
}

/// Stem endings that, not doubled before "-ed"/"-ing", point to a silent "e": a consonant
/// and one vowel before `t` ("violat"), `k` ("mak", "strok"), `r` ("shar", "requir"),
/// `d` ("decid", "includ"), `s` ("clos", "promis"); a consonant before `l` ("handl") and
/// `rs`/`ns`/`ps` ("revers", "licens", "collaps"). Unstressed endings ("visit", "offer",
/// "open") are left alone; words in the lemma list are decided by it first.
fn silent_e_ending(b: &[u8]) -> bool {
    let &[.., c2, c1, c0] = b else {
        return false;
    };
    let (c2, c1, c0) = (c2 as char, c1 as char, c0 as char);
    let cons = |c: char| c.is_ascii_lowercase() && !is_vowel(c) && c != 'y';
    match c0 {
        't' => c1 == 'a' && (cons(c2) || c2 == 'i' || c2 == 'u'),
        'k' => matches!(c1, 'a' | 'i' | 'o') && cons(c2),
        'r' => matches!(c1, 'a' | 'i' | 'u') && cons(c2),
        'd' => matches!(c1, 'a' | 'i' | 'o' | 'u') && cons(c2),
        's' => (matches!(c1, 'a' | 'i' | 'o' | 'u') && cons(c2)) || matches!(c1, 'r' | 'n' | 'p'),
        'l' => cons(c1) && !matches!(c1, 'l' | 'r' | 'w'),
        _ => false,
    }
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Strips `n` bytes of ASCII suffix (callers check the suffix with `ends_with`).
fn stem(s: &str, n: usize) -> &str {
    s.get(..s.len().saturating_sub(n)).unwrap_or(s)
}

/// Undoes consonant doubling ("stopp" -> "stop") for stems of "-ed"/"-ing".
fn undouble(s: &str) -> String {
    match *s.as_bytes() {
        [_, .., prev, last]
            if prev == last
                && matches!(last, b'b' | b'd' | b'g' | b'm' | b'n' | b'p' | b'r' | b't') =>
        {
            stem(s, 1).to_string()
        }
        _ => s.to_string(),
    }
}

/// Hand rules for regular English inflection; `key` is already case-normalised.
pub fn hand_rules(key: &str, xpos: Xpos) -> String {
    let k = key;
    let long = k.chars().count() > 3;
    match xpos.as_str() {
        "NNS" | "NNPS" | "VBZ" => {
            if long && k.ends_with("ies") {
                format!("{}y", stem(k, 3))
            } else if long
                && (k.ends_with("sses")
                    || k.ends_with("xes")
                    || k.ends_with("ches")
                    || k.ends_with("shes")
                    || k.ends_with("zzes")
                    || (xpos.as_str() == "VBZ" && k.ends_with("oes")))
            {
                stem(k, 2).to_string()
            } else if long
                && k.ends_with('s')
                && !k.ends_with("ss")
                && !k.ends_with("us")
                && !k.ends_with("is")
            {
                stem(k, 1).to_string()
            } else {
                k.to_string()
            }
        }
        "VBD" | "VBN" => {
            if long && k.ends_with("ied") {
                format!("{}y", stem(k, 3))
            } else if long && k.ends_with("eed") {
                stem(k, 1).to_string()
            } else if long && k.ends_with("ed") {
                let s = stem(k, 2);
                undouble_or_restore_e(s)
            } else {
                k.to_string()
            }
        }
        "VBG" => {
            if k.chars().count() > 4 && k.ends_with("ing") {
                let s = stem(k, 3);
                undouble_or_restore_e(s)
            } else {
                k.to_string()
            }
        }
        "JJR" | "RBR" => {
            if long && k.ends_with("ier") {
                format!("{}y", stem(k, 3))
            } else if long && k.ends_with("er") {
                undouble(stem(k, 2))
            } else {
                k.to_string()
            }
        }
        "JJS" | "RBS" => {
            if long && k.ends_with("iest") {
                format!("{}y", stem(k, 4))
            } else if long && k.ends_with("est") {
                undouble(stem(k, 3))
            } else {
                k.to_string()
            }
        }
        _ => k.to_string(),
    }
}

/// Adds the silent "e" back after stems that cannot end a word without it
/// ("lov" -> "love", "produc" -> "produce", "argu" -> "argue").
/// Undoes consonant doubling if there is one ("stopp" -> "stop"), otherwise restores a
/// silent "e" ([`restore_e`]).
fn undouble_or_restore_e(s: &str) -> String {
    let u = undouble(s);
    if u.len() < s.len() {
        u
    } else {
        restore_e(s)
    }
}

fn restore_e(s: &str) -> String {
    let b = s.as_bytes();
    let Some((&last, init)) = b.split_last() else {
        return String::new();
    };
    let last = last as char;
    let prev = init.last().copied();
    let needs_e = matches!(last, 'v' | 'z' | 'u')
        || (last == 'c' && prev.is_some_and(|p| is_vowel(p as char)))
        || (last == 'g' && prev.is_some_and(|p| p != b'n' && p != b'g'))
        || silent_e_ending(b);
    if needs_e {
        format!("{s}e")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> Xpos {
        Xpos::from_name(s)
    }

    #[test]
    fn hand_rules_regular_inflection() {
        let l = Lemmatizer::rules_only();
        for (form, tag, lemma) in [
            ("countries", "NNS", "country"),
            ("troops", "NNS", "troop"),
            ("boxes", "NNS", "box"),
            ("stopped", "VBD", "stop"),
            ("supplied", "VBN", "supply"),
            ("attacking", "VBG", "attack"),
            ("attacked", "VBD", "attack"),
            ("called", "VBD", "call"),
            ("loved", "VBD", "love"),
            ("agreed", "VBD", "agree"),
            ("goes", "VBZ", "go"),
            ("The", "DT", "the"),
            ("Americans", "NNPS", "American"),
            ("Paris", "NNP", "Paris"),
            ("bigger", "JJR", "big"),
            ("happiest", "JJS", "happy"),
            ("violating", "VBG", "violate"),
            ("speculated", "VBD", "speculate"),
            ("recycled", "VBN", "recycle"),
            ("closed", "VBD", "close"),
            ("occurred", "VBD", "occur"),
            ("visited", "VBD", "visit"),
            ("treated", "VBN", "treat"),
            ("looking", "VBG", "look"),
            ("18,000", "CD", "18000"),
            ("1,234.5", "CD", "1234.5"),
            ("3,40", "CD", "3,40"),
        ] {
            assert_eq!(l.lemmatize(form, x(tag)), lemma, "{form}/{tag}");
        }
    }

    #[test]
    fn rules_and_suffixes() {
        let r = Rule::derive("stopped", "stop");
        assert_eq!((r.strip, r.add.as_str()), (3, ""));
        assert_eq!(r.apply("dropped").as_deref(), Some("drop"));
        assert_eq!(
            Rule::derive("went", "go").apply("went").as_deref(),
            Some("go")
        );
        assert_eq!(char_suffix("héllo", 4), "éllo");
        assert_eq!(char_suffix("ab", 0), "");
    }
}
