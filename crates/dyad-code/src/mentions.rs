//! Actor mentions: dictionary phrases composed into coded noun phrases.
//!
//! Composition follows CAMEO practice: a country word plus an agent noun gives the country code
//! with the agent's sector ("the Russian Foreign Ministry" -> `RUSGOV`, "Armenian troops" ->
//! `ARMMIL`), in either order ("Residents of the Armenian capital" -> `ARMCVL`). Mentions joined
//! by "and" or commas form one compound side ("the EU and the US").

use chrono::NaiveDate;
use dyad_dict::actors::{ActorKind, Lexeme, LexemeMatch};
use dyad_dict::words::Word;
use dyad_dict::Dictionaries;
use std::collections::HashSet;

/// A coded actor mention: words `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Mentions with the same group id form one compound side.
    pub group: usize,
    /// How the code was obtained (dictionary entry names and composition rule).
    pub rule: String,
    /// A bare capital city ("Baku", "Brussels"): as an actor it stands for the government
    /// seated there ([`Mention::as_actor`]).
    pub capital: bool,
}

/// Capitals that stand for an international organisation's executive rather than the host
/// country's government.
const IGO_SEATS: &[(&str, &str)] = &[("brussels", "IGOEUREEC")];

impl Mention {
    /// The mention as the actor of an event: a capital is its government by metonymy
    /// ("Baku demanded" -> AZEGOV, "Brussels calls for" -> the EU), anything else unchanged.
    pub fn as_actor(&self) -> Mention {
        if !self.capital {
            return self.clone();
        }
        let mut m = self.clone();
        let name = self.rule.to_lowercase();
        if let Some((_, igo)) = IGO_SEATS.iter().find(|(seat, _)| *seat == name) {
            m.code = igo.to_string();
            m.country = None;
            m.sector = None;
        } else if self.code.len() == 3 {
            m.code = format!("{}GOV", self.code);
            m.sector = Some("GOV".into());
        }
        m.rule = format!("{}(seat of government)", self.rule);
        m
    }
}

/// A compound side: the mentions of one group.
pub type Side = Vec<Mention>;

/// Words that end a noun phrase: a country word and an agent noun with one of these between
/// them do not compose ("Russia said troops...", "Hungary and the army").
const PHRASE_BREAKS: &[&str] = &[
    "and", "or", "but", "to", "said", "says", "say", "that", "which", "who", "whom", "in", "on",
    "at", "with", "for", "from", "by", "against", "over", "as", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "not",
    "n't", "after", "before", "into", "than", "its", "their", "his", "her", "it", "they", "he",
    "she", "we", "while", "when", "if", "also", "of", "between", "about", "under", "since", "amid",
];

/// CAMEO prefixes of former federations whose member republics are countries now.
const FEDERATIONS: &[&str] = &["SCG", "YUG", "USR", "SUN", "CSK"];

/// Nouns that stay inside a country-word phrase without changing its code ("the Armenian capital").
const PLACE_NOUNS: &[&str] = &[
    "capital",
    "city",
    "region",
    "side",
    "border",
    "territory",
    "people",
];

pub struct MentionFinder {
    dicts: &'static Dictionaries,
    breaks: HashSet<&'static str>,
    countries: HashSet<String>,
}

/// One dictionary hit resolved to a code for the document date.
struct Resolved {
    start: usize,
    end: usize,
    code: String,
    kind: Option<ActorKind>,
    name: String,
}

impl MentionFinder {
    pub fn new(dicts: &'static Dictionaries) -> MentionFinder {
        let countries = dicts
            .actors
            .entries
            .iter()
            .filter(|e| e.kind == ActorKind::Country)
            .filter_map(|e| e.code_on(None))
            .filter(|c| c.len() == 3)
            .map(str::to_string)
            .collect();
        MentionFinder {
            dicts,
            breaks: PHRASE_BREAKS.iter().copied().collect(),
            countries,
        }
    }

    fn resolve(&self, m: &LexemeMatch, date: Option<NaiveDate>) -> Option<Resolved> {
        match m.lexeme {
            Lexeme::Actor(id) => {
                let e = self.dicts.actors.entry(id)?;
                let code = e.code_on(date)?;
                Some(Resolved {
                    start: m.start,
                    end: m.end,
                    code: code.to_string(),
                    kind: Some(e.kind),
                    name: e.name.clone(),
                })
            }
            Lexeme::Agent(id) => {
                let code = self.dicts.actors.agent_code(id)?;
                Some(Resolved {
                    start: m.start,
                    end: m.end,
                    code: code.to_string(),
                    kind: None,
                    name: code.to_string(),
                })
            }
        }
    }

    /// Words `from..to` can sit inside one noun phrase.
    fn glue(&self, words: &[Word], from: usize, to: usize, max: usize) -> bool {
        to >= from
            && to - from <= max
            && words[from..to].iter().all(|w| {
                w.norm.chars().any(char::is_alphanumeric)
                    && !self.breaks.contains(w.norm.as_str())
                    // a verb between them: "Britain mobilized army reservists"
                    && (w.capitalized || !self.is_verb_form(&w.norm))
            })
    }

    fn is_verb_form(&self, word: &str) -> bool {
        !word.ends_with("ing")
            && self
                .dicts
                .verbs
                .forms_starting(word)
                .iter()
                .any(|f| f.words.len() == 1)
    }

    fn is_country_like(r: &Resolved) -> bool {
        // any length: historical country codes are longer (SCGSRB for Serbia in 1992-2006)
        matches!(
            r.kind,
            Some(ActorKind::Country | ActorKind::Capital | ActorKind::Place)
        )
    }

    fn split_code(&self, code: &str) -> (Option<String>, Option<String>) {
        // a member republic under a former federation's prefix (SCGSRB, USRUKR) is its own
        // country, as ISO 3166 has it today
        if let Some(rest) = FEDERATIONS.iter().find_map(|f| code.strip_prefix(f)) {
            if let Some(member) = rest.get(..3).filter(|c| self.countries.contains(*c)) {
                return (Some(member.to_string()), rest.get(3..6).map(str::to_string));
            }
        }
        let country = code
            .get(..3)
            .filter(|c| self.countries.contains(*c))
            .map(str::to_string);
        let sector = match &country {
            Some(_) => code.get(3..6).map(str::to_string),
            None if code.len() == 3 || code.len() == 6 => code
                .get(..3)
                .filter(|_| !code.starts_with("IGO"))
                .map(str::to_string),
            None => None,
        };
        (country, sector)
    }

    /// The actor mentions of a sentence, in order, with compound groups.
    pub fn find(&self, words: &[Word], date: Option<NaiveDate>) -> Vec<Mention> {
        let matches = self.dicts.actors.find(words);
        let hits: Vec<Resolved> = matches
            .iter()
            .filter(|m| !in_name(words, m, &matches))
            .filter_map(|m| self.resolve(m, date))
            .collect();
        let mut out: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < hits.len() {
            let cur = &hits[i];
            let next = hits.get(i + 1);
            let (mut start, mut end, code, rule, consumed);
            let capital = cur.kind == Some(ActorKind::Capital);

            match (cur.kind, next) {
                // country word + agent: "Russian Foreign Ministry", "Russia's army"
                (_, Some(n))
                    if Self::is_country_like(cur)
                        && n.kind.is_none()
                        && self.glue_possessive(words, cur.end, n.start) =>
                {
                    start = cur.start;
                    end = n.end;
                    code = format!("{}{}", cur.code, n.code);
                    rule = format!("{}+{}", cur.name, n.name);
                    consumed = 2;
                }
                // agent + of + country word: "Residents of the Armenian capital"
                (None, Some(n))
                    if Self::is_country_like(n) && self.of_phrase(words, cur.end, n.start) =>
                {
                    start = cur.start;
                    end = n.end;
                    code = format!("{}{}", n.code, cur.code);
                    rule = format!("{}+of+{}", cur.name, n.name);
                    consumed = 2;
                }
                _ => {
                    start = cur.start;
                    end = cur.end;
                    code = cur.code.clone();
                    rule = cur.name.clone();
                    consumed = 1;
                }
            }
            // "the Armenian capital": keep the place noun inside the mention
            if words
                .get(end)
                .is_some_and(|w| PLACE_NOUNS.contains(&w.norm.as_str()))
            {
                end += 1;
            }
            if start > 0 && matches!(words[start - 1].norm.as_str(), "the" | "a" | "an") {
                start -= 1;
            }
            let (country, sector) = self.split_code(&code);
            let group = 0;
            out.push(Mention {
                start,
                end,
                capital: capital && consumed == 1,
                code,
                country,
                sector,
                group,
                rule,
            });
            i += consumed;
        }
        out.retain(|m| !self.is_modifier(words, m));
        assign_groups(words, &mut out);
        out
    }

    /// An agent word used as an adjective ("military exercises", "government building",
    /// "civilian casualties") names no actor. Only bare agent mentions (no country) are checked.
    fn is_modifier(&self, words: &[Word], m: &Mention) -> bool {
        if m.country.is_some()
            || m.code.starts_with("IGO")
            || !m.rule.chars().all(|c| c.is_ascii_uppercase())
        {
            return false;
        }
        let Some(next) = words.get(m.end) else {
            return false;
        };
        let n = next.norm.as_str();
        if next.capitalized || !n.chars().all(char::is_alphabetic) || self.breaks.contains(n) {
            return false;
        }
        // "military aid", "police crackdown": the agent word modifies an event noun
        if self.dicts.nouns.get(n).is_some() {
            return true;
        }
        let plural_noun = n.ends_with('s') && !matches!(n, "says" | "has" | "is" | "was" | "does");
        // "refugee housing" modifies; "refugees fleeing the war" is a plural head and its verb
        let participle_after_plural = n.ends_with("ing")
            && words
                .get(m.end.wrapping_sub(1))
                .is_some_and(|w| w.norm.ends_with('s'));
        !self.is_verb_form(n) || plural_noun || (n.ends_with("ing") && !participle_after_plural)
    }

    fn glue_possessive(&self, words: &[Word], from: usize, to: usize) -> bool {
        // "Russia 's army" is fine; otherwise up to three modifier words
        let from = if words.get(from).is_some_and(|w| w.norm == "'s") {
            from + 1
        } else {
            from
        };
        self.glue(words, from, to, 3)
    }

    fn of_phrase(&self, words: &[Word], from: usize, to: usize) -> bool {
        if words.get(from).is_none_or(|w| w.norm != "of") {
            return false;
        }
        let mut k = from + 1;
        if words.get(k).is_some_and(|w| w.norm == "the") {
            k += 1;
        }
        self.glue(words, k, to, 2)
    }
}

/// A capitalized agent word right after another capitalized word that is not itself a
/// dictionary hit is part of a name ("Tom King", "Lake Forest"), not an agent.
fn in_name(words: &[Word], m: &LexemeMatch, all: &[LexemeMatch]) -> bool {
    let Lexeme::Agent(_) = m.lexeme else {
        return false;
    };
    let (Some(first), Some(prev)) = (
        words.get(m.start),
        m.start.checked_sub(1).and_then(|p| words.get(p)),
    ) else {
        return false;
    };
    let prev_is_hit = all.iter().any(|o| o.start < m.start && m.start <= o.end);
    first.capitalized
        && prev.capitalized
        && m.start > 1
        && !prev_is_hit
        && prev.norm.chars().all(char::is_alphabetic)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Join {
    None,
    Comma,
    And,
}

/// How two neighbouring mentions are joined.
fn join(words: &[Word], from: usize, to: usize) -> Join {
    if to < from {
        return Join::None;
    }
    let between: Vec<&str> = words[from..to].iter().map(|w| w.norm.as_str()).collect();
    match between.as_slice() {
        [","] => Join::Comma,
        ["and"] | [",", "and"] | ["&"] | ["as", "well", "as"] | ["and", "the"] => Join::And,
        _ => Join::None,
    }
}

/// Groups mentions into compound sides. "A and B" is one side; commas join only inside a list
/// that ends in "and" ("Russia, Azerbaijan and Armenia"), not in an apposition ("Iran, the
/// ministry said").
fn assign_groups(words: &[Word], mentions: &mut [Mention]) {
    let joins: Vec<Join> = mentions
        .windows(2)
        .map(|w| join(words, w[0].end, w[1].start))
        .collect();
    let mut group = 0;
    for i in 0..mentions.len() {
        if i > 0 {
            let joined = match joins[i - 1] {
                Join::And => true,
                Join::Comma => joins[i..]
                    .iter()
                    .take_while(|j| **j != Join::None)
                    .any(|j| *j == Join::And),
                Join::None => false,
            };
            if !joined {
                group += 1;
            }
        }
        mentions[i].group = group;
    }
}
