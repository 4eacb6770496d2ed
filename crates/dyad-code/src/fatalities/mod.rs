//! Fatalities: the number of deaths an event sentence states, for the ACLED export.
//!
//! ACLED-style exports carry a `fatalities` column. It must hold what the text says ("killing
//! at least eight people" -> 8), never an estimate: a wrong number in that column is worse
//! than none, because users sum it. [`stated_fatalities`] therefore reads only the few
//! constructions that state a count of dead people, and says so when it cannot.
//!
//! # What is read
//! One sentence, as plain text. It is cut into lower-cased tokens (words, numbers,
//! punctuation; "a.m." and hyphenated compounds such as "12-year-old" stay one token), and a
//! left-to-right scan matches these constructions, each of bounded length:
//!
//! - a killing verb and its object: "killed 12 civilians", "killing at least eight people",
//!   "killed two", "shot dead two protesters", "killed a soldier", "killed her and her two
//!   children", "killed 3 soldiers and 4 civilians" (conjoined counts are summed);
//! - a subject and a death predicate: "12 people were killed", "12 soldiers died", "7 were
//!   killed", "three killed", "left 5 dead", "five people dead", "were shot dead", "beaten to
//!   death", "lost their lives", "a soldier was killed", "the journalist was killed", "he died";
//!   conjoined subjects are summed ("three soldiers and two civilians were killed" -> 5);
//! - a count of a death noun: "30 fatalities", "two killings", "12 bodies", "claimed 7 lives",
//!   "the deaths of 9 civilians", "the death of a protester";
//! - a death toll: "the death toll rose to 30", "a death toll of 30", "the number of dead rose
//!   to 45";
//! - a stated zero: "no one was killed", "there were no fatalities".
//!
//! Numbers are digits ("12", "1,200", "1.5 million") or words ("eight", "twenty-five", "two
//! hundred and fifty", "a dozen", "two dozen", "a hundred"), after qualifiers that are read
//! past ("at least", "more than", "over", "nearly", "about", "some", "up to", "as many as"...):
//! the number is taken as stated, so "more than 10" is 10 and a range ("20 to 30", "two or
//! three", "between 20 and 30") is its lower bound. Counts are capped at [`MAX_FATALITIES`],
//! with checked arithmetic, so hostile input cannot overflow.
//!
//! # What is not read
//! - Numbers that are not counts of people: years ("killed in 2014"), dates ("on March 3"),
//!   times ("3 p.m."), ages ("a 12-year-old", "aged 45"), money ("$5 million"), percentages,
//!   distances and durations, labels ("Flight 17").
//! - The wounded, injured, missing, arrested, displaced...: "wounding 20" never counts, and a
//!   count of people "killed or wounded" does not say how many died ([`Fatalities::Vague`]).
//! - Subsets of a count already read: "12 people, including three children" is 12.
//! - Modality: threats and hypotheticals ("threatened to kill 10 hostages") are read as
//!   words; whether the event happened is the coder's business, not this module's.
//!
//! When a sentence gives both direct counts and a death toll, the direct counts win: a toll is
//! a running total over many events ("killing two, bringing the death toll to 40"), while the
//! export describes one event. Counts of the same clause are summed; a vague part next to a
//! stated one ("killed 3 soldiers and dozens of civilians") leaves the stated lower bound.
//!
//! # Why `Vague`
//! "Dozens were killed" says people died but gives no number. Writing a guessed number would
//! invent one; writing 0 silently would say nobody died. ACLED-style exports write 0 for it
//! and flag the row, so the reader can tell "no deaths stated" ([`Fatalities::NotStated`])
//! from "deaths stated without a number" ([`Fatalities::Vague`]). A sentence that uses a
//! death word ("killed", "dead", "deaths") in a construction not read above is also `Vague`,
//! unless it is negated ("were not killed").
//!
//! # Cost
//! Tokenizing is one pass over the characters; every construction looks at a window of at
//! most a few dozen tokens from its start, so the work is linear in the sentence length.

/// The largest count [`stated_fatalities`] returns: larger numbers are read as this.
pub const MAX_FATALITIES: u32 = 1_000_000;

/// What a sentence says about deaths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fatalities {
    /// The sentence states a number of people killed.
    Stated(u32),
    /// It says people died but not how many ("several", "dozens", "scores of"): ACLED-style
    /// exports write 0 and flag it.
    Vague,
    /// It says nothing about deaths.
    NotStated,
}

/// The number of deaths `sentence` states (see the module documentation for what is read).
pub fn stated_fatalities(sentence: &str) -> Fatalities {
    let toks = tokenize(sentence);
    let mut reader = Reader::new(&toks);
    reader.read();
    reader.verdict()
}

mod tokens;
mod words;

use tokens::*;
use words::*;

// ---------------------------------------------------------------------------------------
// The scan.

/// How many people a quantity names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Amount {
    Count(u32),
    /// "a"/"an"/"another": one, if a person noun follows.
    One,
    /// "several", "dozens", a bare plural: people, but not how many.
    Some,
    /// "no one", "none", "no" (before a noun).
    Zero {
        bare: bool,
    },
}

#[derive(Debug, Clone, Copy)]
struct Quantity {
    amount: Amount,
    end: usize,
}

/// The noun phrase after a quantity, summarised.
#[derive(Debug, Clone, Copy, Default)]
struct Phrase {
    end: usize,
    /// No word before the first preposition.
    empty: bool,
    /// A person noun (in the core, or in an "of" phrase when the core is empty: "two of the
    /// hostages").
    person: bool,
    /// A word that may name people: capitalized (a demonym, a group) or plural.
    loose: bool,
    /// A capitalized word (a demonym or a name: "a Palestinian"): one person after "a".
    named: bool,
    /// A noun that is never people ("5 cows").
    nonperson: bool,
    /// The head is "people"/"persons": a following list breaks it down.
    generic: bool,
    /// The phrase starts with "of" ("two of them").
    of_first: bool,
    /// ...and the "of" phrase refers back to people already counted ("of them", "of whom",
    /// "of the dead"), unlike "two of his bodyguards".
    of_counted: bool,
}

impl Phrase {
    /// It names things, not people ("5 cows", "the program").
    fn things(&self) -> bool {
        self.nonperson && !self.person
    }
}

#[derive(Debug, Clone, Copy)]
struct Item {
    amount: Amount,
    phrase: Phrase,
}

#[derive(Debug, Clone, Copy)]
struct Predicate {
    end: usize,
    /// A bare active-capable verb ("three killed"): the subject must be people.
    bare: bool,
    /// "killed or wounded": the count covers both.
    mixed: bool,
}

struct Reader<'a> {
    toks: &'a [Tok],
    /// Tokens a construction has read: not read again, and not taken by the fallback.
    used: Vec<bool>,
    sum: u32,
    counted: bool,
    toll: Option<u32>,
    vague: bool,
    zero: bool,
}

impl<'a> Reader<'a> {
    fn new(toks: &'a [Tok]) -> Reader<'a> {
        Reader {
            toks,
            used: vec![false; toks.len()],
            sum: 0,
            counted: false,
            toll: None,
            vague: false,
            zero: false,
        }
    }

    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text.as_str())
    }

    fn before(&self, i: usize, back: usize) -> &'a str {
        i.checked_sub(back).map_or("", |b| self.w(b))
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && t.text == c)
    }

    fn is_used(&self, i: usize) -> bool {
        self.used.get(i).copied().unwrap_or(true)
    }

    fn mark(&mut self, from: usize, to: usize) {
        for u in self.used.iter_mut().take(to).skip(from) {
            *u = true;
        }
    }

    fn add(&mut self, n: u32) {
        self.sum = capped_add(self.sum, n);
        self.counted = true;
    }

    fn apply(&mut self, items: &[Item], mixed: bool) {
        if mixed {
            self.vague = true;
            return;
        }
        for it in items {
            match it.amount {
                Amount::Count(n) => self.add(n),
                Amount::One => self.add(1),
                Amount::Some => self.vague = true,
                Amount::Zero { .. } => self.zero = true,
            }
        }
    }

    fn calendar(&self, i: usize) -> bool {
        let w = self.w(i);
        dyad_time::WEEKDAYS.contains(&w) || self.month(i)
    }

    /// "May" and "March" are months only when capitalized ("12 may die").
    fn month(&self, i: usize) -> bool {
        let w = self.w(i);
        (dyad_time::MONTHS.contains(&w) || MONTH_ABBREVIATIONS.contains(&w))
            && (!matches!(w, "may" | "march") || self.toks.get(i).is_some_and(|t| t.cap))
    }

    fn is_numberish(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Number)
            || number_word(self.w(i)).is_some()
            || MULTIPLIERS.contains(&self.w(i))
    }

    /// A noun for people at `i`: `Some(true)` if plural.
    fn person_word(&self, i: usize) -> Option<bool> {
        if !self.is_word(i) {
            return None;
        }
        let w = self.w(i);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix('\''))
            .unwrap_or(w);
        if PERSONS_PLURAL.contains(&w) || w.ends_with("-olds") {
            return Some(true);
        }
        if PERSONS.contains(&w) || w.ends_with("-old") {
            return Some(false);
        }
        if let Some(stem) = w.strip_suffix("ies") {
            if PERSONS.iter().any(|p| p.strip_suffix('y') == Some(stem)) {
                return Some(true);
            }
        }
        let plural = |stem: Option<&str>| stem.is_some_and(|s| PERSONS.contains(&s));
        if plural(w.strip_suffix('s')) || plural(w.strip_suffix("es")) {
            return Some(true);
        }
        None
    }

    /// A word that may name people though it is not in the lists: capitalized (a demonym or
    /// a group, "Palestinians", "Houthis") or a plural ("pilgrims").
    fn loose_person(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind != Kind::Word || NON_PERSONS.contains(&t.text.as_str()) || self.calendar(i) {
            return false;
        }
        let w = t.text.as_str();
        self.person_word(i).is_some()
            || t.cap
            || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    }

    /// Where a noun phrase cannot go on.
    fn np_stop(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else {
            return true;
        };
        if t.kind != Kind::Word {
            return true;
        }
        let w = t.text.as_str();
        number_word(w).is_some()
            || MULTIPLIERS.contains(&w)
            || STOPS.contains(&w)
            || AUX.contains(&w)
            || PREDICATES.contains(&w)
            || DEATH_NOUNS.contains(&w)
            || WOUNDS.contains(&w)
            || KILL_VERBS.contains(&w)
    }

    // -- numbers ------------------------------------------------------------------------

    /// A number word from one to ninety-nine ("twenty-five", "twenty five").
    fn small_at(&self, k: &mut usize) -> Option<u32> {
        let n = number_word(self.w(*k))?;
        *k += 1;
        if n >= 20 && n % 10 == 0 {
            if let Some(u) = number_word(self.w(*k)).filter(|u| *u < 10) {
                *k += 1;
                return Some(n + u);
            }
        }
        Some(n)
    }

    /// "and fifty" after "two hundred".
    fn small_after(&self, k: &mut usize) -> Option<u32> {
        let mut j = *k;
        if self.w(j) == "and" {
            j += 1;
        }
        let n = self.small_at(&mut j)?;
        *k = j;
        Some(n)
    }

    /// A number at `i` and the index after it, capped. Reads digits, number words and the
    /// multipliers "hundred", "thousand", "million", "dozen" (a bounded number of them).
    fn number_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.toks.get(i)?;
        let mut k = i;
        let mut total = 0u32;
        let mut current = match t.kind {
            Kind::Number => match (t.value, t.decimal) {
                (Some(v), _) => {
                    k += 1;
                    v
                }
                (None, Some(d)) => {
                    let m = big_multiplier(self.w(i + 1))?;
                    return Some((scaled(d, m), i + 2));
                }
                (None, None) => return None,
            },
            Kind::Word => {
                let w = t.text.as_str();
                if matches!(w, "a" | "an") && MULTIPLIERS.contains(&self.w(i + 1)) {
                    k += 1;
                    1
                } else if w == "half" && self.w(i + 1) == "a" && self.w(i + 2) == "dozen" {
                    return Some((6, i + 3));
                } else {
                    self.small_at(&mut k)?
                }
            }
            Kind::Punct => return None,
        };
        for _ in 0..6 {
            let w = self.w(k);
            if w == "hundred" {
                current = capped_mul(current.max(1), 100);
                k += 1;
                if let Some(n) = self.small_after(&mut k) {
                    current = capped_add(current, n);
                }
            } else if let Some(m) = big_multiplier(w) {
                total = capped_add(total, capped_mul(current.max(1), m));
                current = 0;
                k += 1;
                if let Some(n) = self.small_after(&mut k) {
                    current = n;
                }
            } else if w == "dozen" {
                current = capped_mul(current.max(1), 12);
                k += 1;
            } else {
                break;
            }
        }
        Some((capped_add(total, current), k))
    }

    /// Whether the number at `start..end` can be a count of people, from its neighbours:
    /// money, labels, ages, dates, times, units and years are not.
    fn count_context(&self, start: usize, end: usize) -> bool {
        let prev = self.before(start, 1);
        let next = self.w(end);
        let prev_is = |c: &str| start.checked_sub(1).is_some_and(|p| self.is_punct(p, c));
        if ["$", "€", "£", "¥", "#", "№"].iter().any(|c| prev_is(c))
            || NUMBER_LABELS.contains(&prev)
            || start.checked_sub(1).is_some_and(|p| self.month(p))
            || self.month(end)
        {
            return false;
        }
        let glued = |i: usize| self.toks.get(i).is_some_and(|t| t.glued);
        if (prev_is(":") && glued(start)) || (self.is_punct(end, ":") && glued(end)) {
            return false;
        }
        if self.is_punct(end, "%") || UNITS.contains(&next) {
            return false;
        }
        let year = end == start + 1 && self.toks.get(start).is_some_and(|t| t.year_like);
        if year {
            // "killed 2000 people" is a count; "in 2014", "the 1994 genocide" are years.
            return !YEAR_PREPS.contains(&prev)
                && !prev_is(",")
                && (self.person_word(end).is_some()
                    || DEATH_NOUNS.contains(&next)
                    || next == "dead");
        }
        true
    }

    /// Qualifiers read past before a number; whether one was "between" (a range follows).
    fn skip_qualifiers(&self, i: usize) -> (usize, bool) {
        let mut j = i;
        let mut between = false;
        for _ in 0..4 {
            let found = QUALIFIERS
                .iter()
                .find(|q| q.iter().enumerate().all(|(d, word)| self.w(j + d) == *word));
            if let Some(q) = found {
                between |= q == &["between"];
                j += q.len();
                continue;
            }
            if NUMBER_DETERMINERS.contains(&self.w(j)) && self.number_at(j + 1).is_some() {
                j += 1;
                continue;
            }
            break;
        }
        (j, between)
    }

    /// A quantity at `i`: a number (with its qualifiers), an article, a vague quantifier or
    /// a zero.
    fn quantity_at(&self, i: usize) -> Option<Quantity> {
        let (j, between) = self.skip_qualifiers(i);
        if let Some((n, mut end)) = self.number_at(j) {
            if !self.count_context(j, end) {
                return None;
            }
            // A range is read as its lower bound, as "at least" is.
            let hyphen = self.toks.get(end).is_some_and(|t| t.hyphen);
            if hyphen || matches!(self.w(end), "to" | "or") || (between && self.w(end) == "and") {
                let k = if hyphen { end } else { end + 1 };
                if let Some((_, e)) = self.number_at(k).filter(|&(_, e)| self.count_context(k, e)) {
                    end = e;
                }
            }
            return Some(Quantity {
                amount: Amount::Count(n),
                end,
            });
        }
        let q = |amount, end| Some(Quantity { amount, end });
        if j > i {
            // A qualifier without a number.
            return match self.w(i) {
                "some" | "all" => q(Amount::Some, i + 1),
                "another" | "further" => q(Amount::One, i + 1),
                "a" if self.w(i + 1) == "further" => q(Amount::One, i + 2),
                _ => None,
            };
        }
        let w = self.w(i);
        match w {
            "nobody" | "none" | "noone" | "no-one" => q(Amount::Zero { bare: true }, i + 1),
            "no" if self.w(i + 1) == "one" => q(Amount::Zero { bare: true }, i + 2),
            "no" if self.is_word(i + 1) => q(Amount::Zero { bare: false }, i + 1),
            "both"
                if self.w(i + 1) == "of"
                    || (self.person_word(i + 1) == Some(true) && self.w(i + 2) != "and") =>
            {
                q(Amount::Count(2), i + 1)
            }
            _ if VAGUE.contains(&w) => {
                let mut end = i + 1;
                for _ in 0..3 {
                    if self.w(end) != "of" {
                        break;
                    }
                    end += 1;
                    if !VAGUE_CHAIN.contains(&self.w(end)) {
                        break;
                    }
                    end += 1;
                }
                q(Amount::Some, end)
            }
            "a" | "an" => {
                if matches!(self.w(i + 1), "few" | "handful" | "couple") {
                    let end = if self.w(i + 2) == "of" { i + 3 } else { i + 2 };
                    return q(Amount::Some, end);
                }
                // "a number of", "an unknown number of", "a large number of"
                if let Some(d) = (1..=3).find(|&d| self.w(i + d) == "number") {
                    if self.w(i + d + 1) == "of" {
                        return q(Amount::Some, i + d + 2);
                    }
                }
                q(Amount::One, i + 1)
            }
            _ => None,
        }
    }

    // -- phrases ------------------------------------------------------------------------

    fn classify(&self, j: usize, p: &mut Phrase) {
        if self.person_word(j).is_some() {
            p.person = true;
        }
        if self.loose_person(j) {
            p.loose = true;
        }
        if NON_PERSONS.contains(&self.w(j)) {
            p.nonperson = true;
        }
        if self.toks.get(j).is_some_and(|t| t.cap) && !self.calendar(j) {
            p.named = true;
        }
    }

    /// The noun phrase from `k`: a few words, up to two prepositional phrases, and an aside
    /// between commas. Bounded: at most about 30 tokens.
    fn phrase(&self, k: usize) -> Phrase {
        let mut p = Phrase {
            empty: true,
            ..Phrase::default()
        };
        let mut j = k;
        while j < k + 5 && !self.np_stop(j) && !PREPOSITIONS.contains(&self.w(j)) {
            // "a man aged 45": the age is part of the phrase, not a count.
            if matches!(self.w(j), "aged" | "age") && self.is_numberish(j + 1) {
                j += 2;
                continue;
            }
            self.classify(j, &mut p);
            p.empty = false;
            j += 1;
        }
        if j > k {
            p.generic = GENERIC.contains(&self.before(j, 1));
        }
        for _ in 0..2 {
            let prep = self.w(j);
            if !PREPOSITIONS.contains(&prep) {
                break;
            }
            let of = prep == "of";
            let mut inner = Phrase::default();
            let mut m = j + 1;
            while m < j + 5
                && !PREPOSITIONS.contains(&self.w(m))
                && (!self.np_stop(m) || (of && self.is_numberish(m)))
            {
                self.classify(m, &mut inner);
                m += 1;
            }
            if m == j + 1 {
                break;
            }
            if p.empty && of && j == k {
                p.of_first = true;
                p.of_counted = matches!(
                    self.w(j + 1),
                    "them" | "whom" | "those" | "these" | "which" | "the" | "us"
                );
                p.person |= inner.person;
                p.loose |= inner.loose;
                p.nonperson |= inner.nonperson;
            }
            j = m;
        }
        if self.is_punct(j, ",")
            && (APPOSITIVE.contains(&self.w(j + 1)) || self.is_numberish(j + 1))
        {
            if let Some(c) = (j + 2..j + 14).find(|&c| self.is_punct(c, ",")) {
                j = c + 1;
            }
        }
        p.end = j;
        p
    }

    /// A quantity and its phrase, a pronoun, or a definite or bare noun phrase for people
    /// ("the journalist", "her two children", "civilians").
    fn item_at(&self, k: usize, subject: bool) -> Option<Item> {
        if let Some(q) = self.quantity_at(k) {
            return Some(Item {
                amount: q.amount,
                phrase: self.phrase(q.end),
            });
        }
        let w = self.w(k);
        let pronoun = match (w, subject) {
            ("he" | "she", true) | ("him" | "himself" | "herself", false) => Some(Amount::Count(1)),
            ("her", false) if self.person_word(k + 1).is_none() && self.np_stop(k + 1) => {
                Some(Amount::Count(1))
            }
            ("they", true) | ("them" | "themselves", false) => Some(Amount::Some),
            _ => None,
        };
        if let Some(amount) = pronoun {
            let mut phrase = self.phrase(k + 1);
            phrase.person = true;
            return Some(Item { amount, phrase });
        }
        let det =
            DETERMINERS.contains(&w) || (self.is_word(k) && w.ends_with("'s") && !self.np_stop(k));
        let mut j = if det { k + 1 } else { k };
        for _ in 0..4 {
            if let Some(mut plural) = self.person_word(j) {
                // "police officers": the last person noun is the head.
                while let Some(p) = self.person_word(j + 1) {
                    plural = p;
                    j += 1;
                }
                let amount = match (plural, det) {
                    (true, _) => Amount::Some,
                    (false, true) => Amount::Count(1),
                    // "soldier was killed" without a determiner is not a phrase we read.
                    (false, false) => return None,
                };
                let mut phrase = self.phrase(j + 1);
                phrase.person = true;
                return Some(Item { amount, phrase });
            }
            if self.np_stop(j) || PREPOSITIONS.contains(&self.w(j)) {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Where a list goes on after a phrase ending at `k` ("and", ",", ", and").
    fn conjunct(&self, k: usize, last: &Item) -> Option<usize> {
        if self.w(k) == "and" {
            return Some(k + 1);
        }
        if self.is_punct(k, ",") && !last.phrase.generic {
            return Some(if self.w(k + 1) == "and" { k + 2 } else { k + 1 });
        }
        None
    }

    // -- predicates ---------------------------------------------------------------------

    /// An object after a bare verb makes the verb active ("three gunmen killed two").
    fn object_follows(&self, k: usize) -> bool {
        OBJECT_STARTS.contains(&self.w(k))
            || self.quantity_at(k).is_some()
            || self.person_word(k).is_some()
            || (self.is_word(k) && self.toks.get(k).is_some_and(|t| t.cap) && !self.calendar(k))
    }

    /// A death predicate at `p` after up to five auxiliaries.
    fn predicate_at(&self, p: usize) -> Option<Predicate> {
        let mut k = p;
        while k < p + 5 && AUX.contains(&self.w(k)) {
            k += 1;
        }
        // "were shot and killed"
        if self.w(k) == "and" && k > p && self.before(k, 1) == "shot" {
            k += 1;
        }
        // "could be killed", "will die": no death yet (see try_unrealised); "may have been
        // killed" reports a past one
        if (p..k).any(|a| UNREALISED.contains(&self.w(a)) && self.w(a + 1) != "have") {
            return None;
        }
        let w = self.w(k);
        let end = if PREDICATES.contains(&w) {
            k + 1
        } else if self.is_word(k)
            && self.w(k + 1) == "to"
            && self.w(k + 2) == "death"
            && !SENTENCED.contains(&w)
        {
            // "were beaten to death"
            k + 3
        } else if w == "to"
            && self.w(k + 1) == "death"
            && k > 0
            && !SENTENCED.contains(&self.before(k, 1))
            && self.person_word(k - 1).is_none()
        {
            // "three people beaten to death": the verb ended the phrase ("sentenced 12 men to
            // death" has a person there, and is a verdict).
            k + 2
        } else if w == "lost"
            && matches!(self.w(k + 1), "their" | "his" | "her")
            && matches!(self.w(k + 2), "lives" | "life")
        {
            k + 3
        } else {
            return None;
        };
        // Only a form of "be"/"get" makes the verb passive: after "have" or "shot" an object
        // makes it active ("militants have killed 12", "troops shot dead two protesters").
        let passive = (p..k).any(|a| PASSIVE_AUX.contains(&self.w(a)));
        let active = ACTIVE_PREDICATES.contains(&w) || (w == "dead" && self.before(k, 1) == "shot");
        let bare = !passive && active;
        if bare && self.object_follows(end) {
            return None;
        }
        let mixed = matches!(self.w(end), "and" | "or") && MIXED.contains(&self.w(end + 1));
        Some(Predicate { end, bare, mixed })
    }

    // -- constructions ------------------------------------------------------------------

    /// A count that is part of another ("including three children") or the object of a
    /// non-death verb ("wounding 20", "arrested 25").
    fn subset_or_object(&self, i: usize) -> bool {
        let mut b = i;
        for _ in 0..4 {
            match b.checked_sub(1) {
                Some(p) if QUALIFIER_WORDS.contains(&self.w(p)) => b = p,
                _ => break,
            }
        }
        let prev = self.before(b, 1);
        SUBSET.contains(&prev)
            || WOUNDS.contains(&prev)
            || SENTENCED.contains(&prev)
            || (self.before(b, 2) == "among" && matches!(prev, "them" | "whom" | "those"))
    }

    fn claimed_before(&self, i: usize) -> bool {
        (1..=4).any(|d| CLAIM_VERBS.contains(&self.before(i, d)))
    }

    /// A subject (or a list of them) and a death predicate or death noun: "12 people were
    /// killed", "three soldiers and two civilians died", "30 fatalities", "claimed 7 lives".
    fn try_subject(&mut self, i: usize) {
        if self.subset_or_object(i) {
            return;
        }
        let Some(first) = self.item_at(i, true) else {
            return;
        };
        let (items, k) = self.conjoined(first, true, |_| true);
        let noun = if DEATH_NOUNS.contains(&self.w(k)) {
            Some(k)
        } else if matches!(
            self.w(k),
            "confirmed" | "reported" | "recorded" | "known" | "suspected"
        ) && DEATH_NOUNS.contains(&self.w(k + 1))
        {
            Some(k + 1)
        } else {
            None
        };
        if let Some(d) = noun {
            self.death_noun(i, d, &items);
            return;
        }
        let Some(pred) = self.predicate_at(k) else {
            return;
        };
        let ok = items.iter().all(|it| {
            let p = &it.phrase;
            match it.amount {
                Amount::Count(_) => {
                    !p.things() && ((p.empty && !p.of_first) || p.person || (!pred.bare && p.loose))
                }
                Amount::One => p.person || (!pred.bare && p.named && !p.nonperson),
                Amount::Some => true,
                Amount::Zero { bare } => bare || p.person || (!pred.bare && p.loose),
            }
        });
        if ok {
            self.apply(&items, pred.mixed);
            self.mark(i, pred.end);
        }
    }

    /// Counts before a death noun at `d` ("30 fatalities", "7 lives were lost").
    fn death_noun(&mut self, i: usize, d: usize, items: &[Item]) {
        let noun = self.w(d);
        if noun == "lives" {
            let lost = self.w(d + 1) == "lost"
                || (AUX.contains(&self.w(d + 1))
                    && (self.w(d + 2) == "lost"
                        || (AUX.contains(&self.w(d + 2)) && self.w(d + 3) == "lost")));
            if !lost && !self.claimed_before(i) {
                return;
            }
        }
        // "casualties" mixes the dead and the wounded: only "no casualties" says anything.
        if noun == "casualties"
            && !items
                .iter()
                .all(|it| matches!(it.amount, Amount::Zero { .. }))
        {
            return;
        }
        self.apply(items, false);
        self.mark(i, d + 1);
    }

    /// "the deaths of 9 civilians", "the death of a protester", "claimed the lives of 7".
    fn try_death_of(&mut self, d: usize) {
        if !DEATH_OF.contains(&self.w(d)) || self.w(d + 1) != "of" {
            return;
        }
        if self.w(d) == "lives" && !self.claimed_before(d) {
            return;
        }
        let Some(item) = self.item_at(d + 2, false) else {
            return;
        };
        let p = &item.phrase;
        let ok = match item.amount {
            Amount::Count(_) => !p.things(),
            Amount::One => p.person,
            Amount::Some => true,
            Amount::Zero { .. } => false,
        };
        if ok {
            self.apply(&[item], false);
            self.mark(d, p.end);
        }
    }

    /// `first` and the items conjoined to it ("three soldiers and two civilians"), at most
    /// seven, while `keep` accepts them; and where the last one ends.
    fn conjoined(
        &self,
        first: Item,
        subject: bool,
        keep: impl Fn(&Item) -> bool,
    ) -> (Vec<Item>, usize) {
        let mut items = vec![first];
        let mut k = first.phrase.end;
        for _ in 0..6 {
            let Some(next) = items.last().and_then(|last| self.conjunct(k, last)) else {
                break;
            };
            let Some(item) = self.item_at(next, subject).filter(|item| keep(item)) else {
                break;
            };
            k = item.phrase.end;
            items.push(item);
        }
        (items, k)
    }

    /// A killing verb and its object(s): "killed 12 civilians", "killed two", "killing a
    /// soldier and two civilians", "shot dead two protesters".
    fn try_object(&mut self, v: usize) {
        let w = self.w(v);
        let shot_dead = matches!(w, "shot" | "shooting" | "shoots") && self.w(v + 1) == "dead";
        if !KILL_VERBS.contains(&w) && !shot_dead {
            return;
        }
        if PARTICIPLES.contains(&w) && PASSIVE_AUX.contains(&self.before(v, 1)) {
            // "were killed": the subject is the dead, read by try_subject.
            return;
        }
        let o = if shot_dead { v + 2 } else { v + 1 };
        if matches!(self.w(o), "and" | "or") && MIXED.contains(&self.w(o + 1)) {
            // "killed or wounded 30": one number for both.
            if self.item_at(o + 2, false).is_some() {
                self.vague = true;
                self.mark(v, o + 2);
            }
            return;
        }
        let Some(first) = self.item_at(o, false) else {
            let p = self.phrase(o);
            if p.things() {
                // "would kill the program": not a death; the fallback must not take it.
                self.mark(v, v + 1);
            }
            return;
        };
        let p = &first.phrase;
        let ok = match first.amount {
            Amount::Count(_) => !p.things(),
            Amount::One => p.person || (p.named && !p.nonperson),
            Amount::Some | Amount::Zero { .. } => true,
        };
        if !ok {
            if p.things() {
                // "killed 5 cows": deaths, but not of people; the fallback must not take it.
                self.mark(v, v + 1);
            }
            return;
        }
        let (items, k) = self.conjoined(first, false, |item| {
            let p = &item.phrase;
            // A new clause ("and 4 were wounded", "and 4 civilians died") or a breakdown
            // ("3 of them children") is not part of the object.
            let clause = self.predicate_at(p.end).is_some()
                || WOUNDS.contains(&self.w(p.end))
                || AUX.contains(&self.w(p.end));
            let listed = matches!(item.amount, Amount::Count(_) | Amount::One | Amount::Some)
                && !p.of_counted
                && (p.person || p.loose);
            !clause && listed
        });
        self.apply(&items, false);
        self.mark(v, k);
    }

    /// Where a death toll's number is looked for.
    fn toll_start(&self, i: usize) -> Option<usize> {
        let w = self.w(i);
        if (matches!(w, "toll" | "tolls")
            && matches!(self.before(i, 1), "death" | "deaths" | "fatality"))
            || matches!(w, "death-toll" | "death-tolls")
        {
            return Some(i + 1);
        }
        if w == "number" && self.w(i + 1) == "of" {
            if matches!(self.w(i + 2), "dead" | "deaths" | "fatalities" | "killed") {
                return Some(i + 3);
            }
            if matches!(self.w(i + 2), "people" | "those" | "civilians")
                && matches!(self.w(i + 3), "killed" | "dead")
            {
                return Some(i + 4);
            }
        }
        None
    }

    /// "the death toll rose to 30", "a death toll of 30".
    fn try_toll(&mut self, i: usize) {
        let Some(start) = self.toll_start(i) else {
            return;
        };
        self.mark(i, start);
        for k in start..start + 12 {
            if k >= self.toks.len()
                || [".", ";", ":", "!", "?"]
                    .iter()
                    .any(|c| self.is_punct(k, c))
                || matches!(
                    self.w(k),
                    "but" | "while" | "whereas" | "although" | "though" | "including"
                )
            {
                break;
            }
            if self.is_used(k) {
                continue;
            }
            let Some(q) = self.quantity_at(k) else {
                continue;
            };
            match q.amount {
                Amount::Count(n) => {
                    let p = self.phrase(q.end);
                    // A count with its own clause ("in which 5 soldiers were killed") is
                    // read as such; a count of wounded is not the toll.
                    if WOUNDS.contains(&self.w(p.end)) || self.predicate_at(p.end).is_some() {
                        continue;
                    }
                    self.toll = Some(self.toll.map_or(n, |t| t.max(n)));
                    self.mark(k, q.end);
                    return;
                }
                Amount::Some => {
                    self.vague = true;
                    self.mark(k, q.end);
                    return;
                }
                Amount::One | Amount::Zero { .. } => {}
            }
        }
        // The toll is named but not given ("the death toll is expected to rise").
        self.vague = true;
    }

    /// A killing that has not happened ("tried to kill the journalist", "threatened to kill
    /// 10 hostages", "could be killed"): its words are read as stating no death, so that
    /// neither a count nor the fallback takes them.
    fn try_unrealised(&mut self, v: usize) {
        let w = self.w(v);
        if !(KILL_VERBS.contains(&w) || PREDICATES.contains(&w) || w == "die") {
            return;
        }
        let mut b = 1;
        while b < 4
            && matches!(
                self.before(v, b),
                "be" | "been" | "have" | "get" | "not" | "never"
            )
        {
            b += 1;
        }
        let cue = self.before(v, b);
        if UNREALISED.contains(&cue)
            && !(cue == "to" && REALISED_TO.contains(&self.before(v, b + 1)))
        {
            self.mark(v, v + 1);
        }
    }

    fn read(&mut self) {
        for i in 0..self.toks.len() {
            if self.is_used(i) {
                continue;
            }
            self.try_unrealised(i);
            if self.is_used(i) {
                continue;
            }
            self.try_toll(i);
            if !self.is_used(i) {
                self.try_death_of(i);
            }
            if !self.is_used(i) {
                self.try_object(i);
            }
            if !self.is_used(i) {
                self.try_subject(i);
            }
        }
    }

    /// A death word no construction read, not negated ("were not killed").
    fn mentions_death(&self) -> bool {
        (0..self.toks.len()).any(|k| {
            !self.is_used(k)
                && DEATH_WORDS.contains(&self.w(k))
                && (1..=4).all(|d| {
                    let b = self.before(k, d);
                    !NEGATIONS.contains(&b) && !b.ends_with("n't")
                })
        })
    }

    fn verdict(&self) -> Fatalities {
        if self.sum > 0 {
            Fatalities::Stated(self.sum)
        } else if let Some(t) = self.toll.filter(|&t| t > 0) {
            Fatalities::Stated(t)
        } else if self.vague {
            Fatalities::Vague
        } else if self.zero || self.counted || self.toll.is_some() {
            Fatalities::Stated(0)
        } else if self.mentions_death() {
            Fatalities::Vague
        } else {
            Fatalities::NotStated
        }
    }
}

#[cfg(test)]
mod tests;
