//! Actor mentions: dictionary phrases composed into coded noun phrases.
//!
//! Composition follows CAMEO practice: a country word plus an agent noun gives the country code
//! with the agent's sector ("the Russian Foreign Ministry" -> `RUSGOV`, "Armenian troops" ->
//! `ARMMIL`), in either order ("Residents of the Armenian capital" -> `ARMCVL`). Mentions joined
//! by "and" or commas form one compound side ("the EU and the US").

use chrono::NaiveDate;
use dyad_dict::actors::{ActorEntry, ActorKind, Lexeme, LexemeMatch};
use dyad_dict::titles::Titles;
use dyad_dict::words::{Word, WordIdx};
use dyad_dict::Dictionaries;
use dyad_geo::Gazetteer;
use std::collections::HashSet;
use std::ops::Range;

dyad_model::index_type! {
    /// A mention's position in its sentence's mentions (`&[Mention]`): what the tree's role
    /// readings return ([`crate::tree::DepTree::actor`], `filler`, `recipient`, ...) and what
    /// a pattern's actor slots hold.
    pub struct MentionIdx;
}

dyad_model::index_type! {
    /// A compound side of a sentence: the mentions with the same group ([`Mention::group`])
    /// act together ("the EU and the US"). Groups are numbered from 0 in sentence order.
    pub struct GroupId;
}

/// A coded actor mention: words `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub start: WordIdx,
    pub end: WordIdx,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    /// Mentions with the same group id form one compound side.
    pub group: GroupId,
    /// How the code was obtained (dictionary entry names and composition rule).
    pub rule: String,
    /// A bare capital city ("Baku", "Brussels"): as an actor it stands for the government
    /// seated there ([`Mention::as_actor`]).
    pub capital: bool,
    /// A named person ("Prime Minister Nikol Pashinyan", or a dictionary person): the surname,
    /// lowercased, by which later mentions in the document refer to them.
    pub person: Option<String>,
    /// The country that backs a non-state actor ("Iranian-backed militias" -> `IRN`); the code
    /// itself says where the actor operates, if the text does.
    pub backer: Option<String>,
    /// "ethnic Albanians": the nationality names an ethnic group (`ALB`), whose country is
    /// where the group lives, which the document says ([`crate::context::with_home_country`]).
    pub ethnic: Option<String>,
    /// The words that are the actor's own name: a person's name after any title ("Antony
    /// Blinken" in "Secretary of State Antony Blinken"), a dictionary person's, organisation's
    /// or group's phrase. A place name among them names no place ("Antony", France).
    pub name: Option<Range<WordIdx>>,
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
    "and",
    "or",
    "but",
    "to",
    "said",
    "says",
    "say",
    "that",
    "which",
    "who",
    "whom",
    "in",
    "on",
    "at",
    "with",
    "for",
    "from",
    "by",
    "against",
    "over",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "not",
    "n't",
    "after",
    "before",
    "into",
    "than",
    "its",
    "their",
    "his",
    "her",
    "it",
    "they",
    "he",
    "she",
    "we",
    "while",
    "when",
    "if",
    "also",
    "of",
    "between",
    "about",
    "under",
    "since",
    "amid",
    // prepositions in "-ing" that the verb-form check lets through
    "following",
    "during",
    "according",
    "regarding",
    "concerning",
    "despite",
    "without",
    "through",
    "toward",
    "towards",
    "near",
    "across",
    "within",
    "upon",
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
    "province",
    "state",
    "district",
    "governorate",
    "oblast",
    "county",
];

pub struct MentionFinder {
    dicts: &'static Dictionaries,
    breaks: HashSet<&'static str>,
    countries: HashSet<String>,
    places: &'static Gazetteer,
}

/// One dictionary (or gazetteer) hit resolved to a code for the document date.
struct Resolved {
    start: WordIdx,
    end: WordIdx,
    code: String,
    kind: Option<ActorKind>,
    name: String,
    /// A place found only in the gazetteer: it gives its country to an agent ("the government
    /// of Sindh province") but is no actor on its own.
    gazetteer: bool,
}

/// Words before a title that make its holder a former official, coded `ELI` as CAMEO does.
const FORMER: &[&str] = &[
    "former", "ex", "ousted", "deposed", "exiled", "toppled", "onetime",
];

/// The second part of "Iranian-backed", "Vietnamese-led": a country's link to an actor.
const LINKS: &[&str] = &[
    "backed",
    "supported",
    "sponsored",
    "funded",
    "armed",
    "allied",
    "aligned",
    "trained",
    "financed",
    "linked",
    "led",
    "dominated",
    "controlled",
];

/// Links that make the actor the country's own ("Vietnamese-led forces" -> `VNMMIL`); the others
/// only record the country as a backer.
const OWN_LINKS: &[&str] = &["led", "dominated", "controlled"];

/// Capitalized words other than calendar words that are no personal name after a title
/// ([`is_not_name`]).
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "on", "in", "and", "of", "i", "he", "she", "it", "they", "we", "but", "ap",
    "afp", "reuters", "tass", "sources", "today", "tonight",
];

/// A capitalized word that is no personal name after a title: a calendar word ("the army
/// Saturday", "President Monday"), an article, pronoun or preposition, a news agency.
pub fn is_not_name(word: &str) -> bool {
    dyad_time::is_calendar_word(word) || NOT_NAMES.contains(&word)
}

/// Lowercase particles inside personal names ("Osama bin Laden", "Ursula von der Leyen").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "du", "la",
];

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
            places: Gazetteer::embedded(),
        }
    }

    fn resolve(&self, m: &LexemeMatch, date: Option<NaiveDate>) -> Option<Resolved> {
        let (code, kind, name) = match m.lexeme {
            Lexeme::Actor(id) => {
                let e = self.dicts.actors.entry(id)?;
                let code = match e.code_on(date) {
                    Some(c) => self.business_code(c),
                    None => self.former_code(e, date)?,
                };
                (code, Some(e.kind), e.name.clone())
            }
            Lexeme::Agent(id) => {
                let code = self.dicts.actors.agent_code(id)?;
                (code.to_string(), None, code.to_string())
            }
        };
        Some(Resolved {
            start: m.start,
            end: m.end,
            code,
            kind,
            name,
            gazetteer: false,
        })
    }

    /// CAMEO writes multinational firms `MNC` + country (`MNCJPN`); dyad codes them as the
    /// country's business sector (`JPNBUS`, or `CHNMED` for `MNCCHNMED`), so that a firm
    /// composes and counts like any other domestic actor.
    fn business_code(&self, code: &str) -> String {
        let Some(rest) = code.strip_prefix("MNC") else {
            return code.to_string();
        };
        let country = rest.get(..3).filter(|c| self.countries.contains(*c));
        match (country, rest.get(3..)) {
            (Some(country), Some(tail)) if !tail.is_empty() => format!("{country}{tail}"),
            (Some(country), _) => format!("{country}BUS"),
            (None, _) => code.to_string(),
        }
    }

    /// A person whose every role ended before `date` is one of the country's elites (`ELI`),
    /// as CAMEO codes former officials.
    ///
    /// A person whose every role begins after `date` is of the first role's country, in no
    /// role yet: the text's own title, if any, says what they are.
    ///
    /// A state that no longer (or not yet) exists keeps its name: "Czechoslovak" in a later
    /// text is Czechoslovakia, the role nearest the date.
    fn former_code(&self, e: &ActorEntry, date: Option<NaiveDate>) -> Option<String> {
        let date = date?;
        if e.kind == ActorKind::Country {
            let distance = |r: &&dyad_dict::actors::Role| match (r.from, r.to) {
                (Some(f), _) if f > date => (f - date).num_days(),
                (_, Some(t)) if t <= date => (date - t).num_days(),
                _ => 0,
            };
            return e.roles.iter().min_by_key(distance).map(|r| r.code.clone());
        }
        if e.kind != ActorKind::Person {
            return None;
        }
        if e.roles.iter().all(|r| r.from.is_some_and(|f| f > date)) {
            let first = e.roles.iter().min_by_key(|r| r.from)?;
            return self.split_code(&first.code).0;
        }
        if e.roles.iter().any(|r| r.to.is_none_or(|t| t > date)) {
            return None;
        }
        let last = e.roles.iter().max_by_key(|r| r.to)?;
        let (country, _) = self.split_code(&last.code);
        country.map(|c| format!("{c}ELI"))
    }

    /// Places of the gazetteer that no dictionary entry covers: they compose with agents.
    fn place_hits(&self, words: &[Word], taken: &[Resolved]) -> Vec<Resolved> {
        let forms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
        let caps: Vec<bool> = words
            .iter()
            .enumerate()
            .map(|(i, w)| w.capitalized && (i > 0 || w.all_caps))
            .collect();
        self.places
            .find_with_caps(&forms, &caps)
            .into_iter()
            .filter(|p| words.get(p.start).is_some_and(|w| w.capitalized))
            .filter(|p| {
                // the gazetteer's positions are in the words' forms: word positions
                let (start, end) = (WordIdx::new(p.start), WordIdx::new(p.end));
                !taken.iter().any(|t| t.start < end && start < t.end)
            })
            .filter_map(|p| {
                let id = self.places.resolve_ids(&p.ids, &[])?;
                let place = self.places.place(id)?;
                (place.country.len() == 3).then(|| Resolved {
                    start: WordIdx::new(p.start),
                    end: WordIdx::new(p.end),
                    code: place.country.clone(),
                    kind: Some(ActorKind::Place),
                    name: place.name.to_lowercase(),
                    gazetteer: true,
                })
            })
            .collect()
    }

    /// Words `from..to` can sit inside one noun phrase.
    fn glue(&self, words: &[Word], from: WordIdx, to: WordIdx, max: usize) -> bool {
        to >= from
            && to - from <= max
            && WordIdx::slice(words, from..to).is_some_and(|between| {
                between.iter().all(|w| {
                    w.norm.chars().any(char::is_alphanumeric)
                        && !self.breaks.contains(w.norm.as_str())
                        // a verb between them: "Britain mobilized army reservists"
                        && (w.capitalized || !self.is_verb_form(&w.norm))
                })
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

    /// The country part of a code (`RUSGOV` -> `RUS`, `SCGSRBMIL` -> `SRB`).
    pub fn country_of(&self, code: &str) -> Option<String> {
        self.split_code(code).0
    }

    /// The actor mentions of a sentence, in order, with compound groups.
    pub fn find(&self, words: &[Word], date: Option<NaiveDate>) -> Vec<Mention> {
        let matches = self.dicts.actors.find(words);
        let hits: Vec<Resolved> = matches
            .iter()
            .filter(|m| !in_name(words, m, &matches))
            .filter_map(|m| self.resolve(m, date))
            .collect();
        // "Chad Wilson", "Georgia O'Keeffe": a country's name as a first name; "Russian-made":
        // where a thing comes from, not who acts
        let keep: Vec<bool> = hits
            .iter()
            .map(|h| {
                !is_first_name(words, h, &hits)
                    && !begins_longer_name(words, h, &hits)
                    && !ends_longer_name(words, h, &hits)
                    && !is_origin(words, h)
                    && !in_compound_modifier(words, h)
                    && !region_in_name(words, h)
            })
            .collect();
        let mut hits: Vec<Resolved> = hits
            .into_iter()
            .zip(keep)
            .filter_map(|(h, keep)| keep.then_some(h))
            .collect();
        let places = self.place_hits(words, &hits);
        let titles = title_hits(words, &hits, &self.dicts.titles);
        if !places.is_empty() || !titles.is_empty() {
            hits.extend(places);
            hits.extend(titles);
            hits.sort_by_key(|h| h.start);
        }
        let mut out: Vec<Mention> = Vec::new();
        let mut i = 0;
        while let Some((cur, later)) = hits.get(i..).and_then(<[_]>::split_first) {
            let (mut m, consumed) = self.compose(words, cur, later);
            i += consumed;
            if m.end == m.start {
                continue;
            }
            if m.person.is_none() && m.sector.is_some() {
                let person = hits
                    .get(i)
                    .filter(|n| n.kind == Some(ActorKind::Person) && n.start == m.end);
                if let Some(n) = person {
                    // "President Vladimir Putin", "Armenia's former prime minister Serzh
                    // Sargsyan": the title in the text says what the person is now; the
                    // dictionary says whose national they are
                    let country = m.country.clone().or_else(|| self.country_of(&n.code));
                    m.code = match country {
                        Some(c) => format!("{c}{}", sectors_of(&m)),
                        None => n.code.clone(),
                    };
                    m.rule = format!("{}+{}", m.rule, n.name);
                    m.person = surname(words, n.start, n.end, &n.code);
                    m.name = Some(n.start..n.end);
                    m.end = n.end;
                    (m.country, m.sector) = self.split_code(&m.code);
                    i += 1;
                } else {
                    // "President Abdelaziz Bouteflika", "opposition leader Alexei Navalny"; a
                    // place's name may be a personal name ("Foreign Minister Ararat Mirzoyan")
                    let next_hit = hits
                        .get(i..)
                        .unwrap_or_default()
                        .iter()
                        .find(|h| h.kind != Some(ActorKind::Place) && !h.gazetteer)
                        .map_or(WordIdx::new(words.len()), |h| h.start);
                    let name_end = name_after(words, m.end, next_hit);
                    if name_end > m.end {
                        m.person = (name_end - 1).at(words).map(|w| w.norm.clone());
                        m.rule = format!("{}+name", m.rule);
                        m.name = Some(m.end..name_end);
                        m.end = name_end;
                        while hits.get(i).is_some_and(|h| h.start < name_end) {
                            i += 1;
                        }
                    }
                }
            }
            // "King Hassan of Morocco": the country after the holder's name
            if m.person.is_some() {
                if let Some(n) = hits
                    .get(i)
                    .filter(|n| Self::is_country_like(n) && self.of_phrase(words, m.end, n.start))
                {
                    m.code = format!("{}{}", n.code, sectors_of(&m));
                    m.rule = format!("{}+of+{}", m.rule, n.name);
                    m.end = n.end;
                    (m.country, m.sector) = self.split_code(&m.code);
                    i += 1;
                }
            }
            if m.sector.is_some() && is_former(words, m.start, m.end) {
                let country = m.country.clone().unwrap_or_default();
                m.code = format!("{country}ELI");
                m.rule = format!("{}+former", m.rule);
            }
            // "the Armenian capital", "Sindh province": keep the place noun inside the mention
            if m.end
                .at(words)
                .is_some_and(|w| PLACE_NOUNS.contains(&w.norm.as_str()))
            {
                m.end += 1;
            }
            if m.start
                .checked_sub(1)
                .and_then(|k| k.at(words))
                .is_some_and(|w| matches!(w.norm.as_str(), "the" | "a" | "an"))
            {
                m.start -= 1;
            }
            let (country, sector) = self.split_code(&m.code);
            m.country = country;
            m.sector = sector;
            out.push(m);
        }
        // "the official Czechoslovak news agency": a singular agent word before a nationality
        // is an adjective
        let national_starts: Vec<WordIdx> = out
            .iter()
            .filter(|m| m.country.is_some())
            .map(|m| m.start)
            .collect();
        out.retain(|m| {
            let adjective = m.country.is_none()
                && m.person.is_none()
                && m.rule.chars().all(|c| c.is_ascii_uppercase())
                && national_starts.contains(&m.end)
                && (m.end - 1)
                    .at(words)
                    .is_some_and(|w| !w.norm.ends_with('s'));
            !adjective && !self.is_modifier(words, m)
        });
        for m in out.iter_mut().filter(|m| m.person.is_none()) {
            let first = if m.start.at(words).is_some_and(|w| w.norm == "the") {
                m.start + 1
            } else {
                m.start
            };
            if first
                .checked_sub(1)
                .and_then(|k| k.at(words))
                .is_some_and(|w| w.norm == "ethnic")
            {
                m.ethnic = m.country.clone();
                m.start = first - 1;
            }
        }
        merge_titles_of(words, &mut out);
        merge_speakers_for(words, &mut out);
        assign_groups(words, &mut out);
        out
    }

    /// The mention that starts with hit `cur`, composed with the hits after it (`later`), and
    /// how many hits it took. A gazetteer-only place on its own gives an empty mention.
    fn compose(&self, words: &[Word], cur: &Resolved, later: &[Resolved]) -> (Mention, usize) {
        let next = later.first();
        let mention = |start: WordIdx, end: WordIdx, code: String, rule: String| {
            let (country, sector) = self.split_code(&code);
            Mention {
                start,
                end,
                code,
                country,
                sector,
                group: GroupId::new(0),
                rule,
                capital: false,
                person: None,
                backer: None,
                ethnic: None,
                name: None,
            }
        };
        let single = || {
            let mut m = mention(cur.start, cur.end, cur.code.clone(), cur.name.clone());
            m.capital = cur.kind == Some(ActorKind::Capital);
            if cur.kind == Some(ActorKind::Person) {
                m.person = surname(words, cur.start, cur.end, &cur.code);
            }
            if cur.kind.is_some_and(is_named_actor) {
                m.name = Some(cur.start..cur.end);
            }
            if cur.gazetteer {
                m.end = m.start;
            }
            (m, 1)
        };
        let Some(n) = next else {
            return single();
        };
        let both = |code: String, rule: String| (mention(cur.start, n.end, code, rule), 2);
        let agent_next = n.kind.is_none();
        // "Iranian-backed militias", "Vietnamese-led forces"
        if Self::is_country_like(cur) && agent_next {
            if let Some(link) = self.link(words, cur.end, n.start) {
                if OWN_LINKS.contains(&link) {
                    return both(
                        format!("{}{}", cur.code, n.code),
                        format!("{}-{link}+{}", cur.name, n.name),
                    );
                }
                let country = self.country_of(&cur.code);
                // "Iranian-backed militias in Iraq": where they operate
                let place = later
                    .get(1)
                    .filter(|p| Self::is_country_like(p) && self.in_phrase(words, n.end, p.start));
                let (mut m, took) = match place {
                    Some(p) => (
                        mention(
                            cur.start,
                            p.end,
                            format!("{}{}", p.code, n.code),
                            format!("{}-{link}+{}+in+{}", cur.name, n.name, p.name),
                        ),
                        3,
                    ),
                    None => both(n.code.clone(), format!("{}-{link}+{}", cur.name, n.name)),
                };
                m.backer = country;
                return (m, took);
            }
        }
        // country word + agent: "Russian Foreign Ministry", "Russia's army"
        if Self::is_country_like(cur) && agent_next && self.glue_possessive(words, cur.end, n.start)
        {
            return both(
                format!("{}{}", cur.code, n.code),
                format!("{}+{}", cur.name, n.name),
            );
        }
        // a nationality before a group the dictionary places in a region only: "Palestinian
        // Islamic Jihad" (MEAREB) -> PSEREB
        if cur.kind == Some(ActorKind::Country)
            && n.kind == Some(ActorKind::Group)
            && n.start == cur.end
            && self.country_of(&n.code).is_none()
            && !n.code.starts_with("IGO")
        {
            if let Some(sectors) = n.code.get(3..).filter(|s| !s.is_empty()) {
                return both(
                    format!("{}{sectors}", cur.code),
                    format!("{}+{}", cur.name, n.name),
                );
            }
        }
        // an organisation's agents are the organisation: "EU foreign ministers"
        if cur.kind == Some(ActorKind::Igo) && agent_next && self.glue(words, cur.end, n.start, 2) {
            return both(cur.code.clone(), format!("{}+{}", cur.name, n.name));
        }
        if cur.kind.is_none() {
            // agent + of + country word: "Residents of the Armenian capital"
            if Self::is_country_like(n) && self.of_phrase(words, cur.end, n.start) {
                return both(
                    format!("{}{}", n.code, cur.code),
                    format!("{}+of+{}", cur.name, n.name),
                );
            }
            // a territory the dictionary has as an organisation ("residents of Gaza")
            let territory = || {
                let country = self.country_of(&n.code)?;
                let name = words_norm(words, n.start, n.end);
                (n.kind == Some(ActorKind::Org) && !self.places.lookup(&name).is_empty())
                    .then_some(country)
            };
            if let Some(country) = territory().filter(|_| {
                self.of_phrase(words, cur.end, n.start)
                    || (!cur.code.starts_with("MIL") && self.in_phrase(words, cur.end, n.start))
            }) {
                return both(
                    format!("{country}{}", cur.code),
                    format!("{}+in+{}", cur.name, n.name),
                );
            }
            // "opposition lawmakers in Georgia", "police in Lagos"; troops somewhere are
            // often foreign, so military agents stay bare
            if Self::is_country_like(n)
                && !cur.code.starts_with("MIL")
                && self.in_phrase(words, cur.end, n.start)
            {
                return both(
                    format!("{}{}", n.code, cur.code),
                    format!("{}+in+{}", cur.name, n.name),
                );
            }
        }
        single()
    }

    /// The link word of "Iranian-backed" between a country word and an agent.
    fn link(&self, words: &[Word], from: WordIdx, to: WordIdx) -> Option<&'static str> {
        if to != from + 1 || from.get() == 0 || !hyphenated(words, from - 1) {
            return None;
        }
        let w = from.at(words)?;
        LINKS.iter().copied().find(|l| *l == w.norm)
    }

    /// An agent word used as an adjective ("military exercises", "government building",
    /// "civilian casualties") names no actor. Only bare agent mentions (no country) are checked.
    fn is_modifier(&self, words: &[Word], m: &Mention) -> bool {
        if m.country.is_some()
            || m.code.starts_with("IGO")
            || m.person.is_some()
            || !m.rule.chars().all(|c| c.is_ascii_uppercase())
        {
            return false;
        }
        let Some(next) = m.end.at(words) else {
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
            && m.end
                .wrapping_sub(1)
                .at(words)
                .is_some_and(|w| w.norm.ends_with('s'));
        !self.is_verb_form(n) || plural_noun || (n.ends_with("ing") && !participle_after_plural)
    }

    fn glue_possessive(&self, words: &[Word], from: WordIdx, to: WordIdx) -> bool {
        // "Russia 's army" is fine; otherwise up to three modifier words
        let from = if from.at(words).is_some_and(|w| w.norm == "'s") {
            from + 1
        } else {
            from
        };
        self.glue(words, from, to, 3)
    }

    fn of_phrase(&self, words: &[Word], from: WordIdx, to: WordIdx) -> bool {
        self.prep_phrase(words, "of", from, to)
    }

    fn in_phrase(&self, words: &[Word], from: WordIdx, to: WordIdx) -> bool {
        self.prep_phrase(words, "in", from, to)
    }

    /// Words `from..to` are `prep` [the] and at most two modifiers.
    fn prep_phrase(&self, words: &[Word], prep: &str, from: WordIdx, to: WordIdx) -> bool {
        if from.at(words).is_none_or(|w| w.norm != prep) {
            return false;
        }
        let mut k = from + 1;
        if k.at(words).is_some_and(|w| w.norm == "the") {
            k += 1;
        }
        self.glue(words, k, to, 2)
    }
}

/// "State Secretary of Information and Communication of Hungarian Foreign and Trade Ministry
/// Tamas Menczer": a bare title, "of", a name of capitalized words, then a mention with a
/// country make one mention, the title's sector in that country.
fn merge_titles_of(words: &[Word], mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while let (Some(a), Some(b)) = (mentions.get(k), mentions.get(k + 1)) {
        let between = WordIdx::slice(words, a.end..b.start).unwrap_or(&[]);
        let joins =
            a.country.is_none()
                && a.sector.is_some()
                && !a.code.starts_with("IGO")
                && b.country.is_some()
                && between.len() <= 8
                && between.first().is_some_and(|w| w.norm == "of")
                && between.iter().any(|w| w.capitalized)
                && between.get(1..).unwrap_or_default().iter().all(|w| {
                    w.capitalized || matches!(w.norm.as_str(), "and" | "of" | "for" | "the")
                });
        if joins {
            let country = b.country.clone().unwrap_or_default();
            let merged = Mention {
                start: a.start,
                end: b.end,
                code: format!("{country}{}", a.code),
                country: Some(country),
                rule: format!("{}+of+{}", a.rule, b.rule),
                person: b.person.clone(),
                name: b.name.clone(),
                ..a.clone()
            };
            if let Some(slot) = mentions.get_mut(k) {
                *slot = merged;
            }
            mentions.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// Words for those who speak for an organisation.
const SPEAKERS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "representative",
    "representatives",
];

/// "a spokesman for the French embassy", "representatives for the rebels": who speaks for an
/// actor speaks as that actor.
fn merge_speakers_for(words: &[Word], mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while let (Some(a), Some(b)) = (mentions.get(k), mentions.get(k + 1)) {
        let speaker = a.country.is_none()
            && a.person.is_none()
            && a.end > a.start
            && (a.end - 1)
                .at(words)
                .is_some_and(|w| SPEAKERS.contains(&w.norm.as_str()));
        let joins = speaker
            && WordIdx::slice(words, a.end..b.start)
                .is_some_and(|w| matches!(w, [only] if only.norm == "for"))
            && (b.country.is_some() || b.code.starts_with("IGO"));
        if joins {
            let merged = Mention {
                start: a.start,
                end: b.end,
                rule: format!("{}+for+{}", a.rule, b.rule),
                ..b.clone()
            };
            if let Some(slot) = mentions.get_mut(k) {
                *slot = merged;
            }
            mentions.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// The words `start..end` joined by spaces, as the gazetteer looks names up.
fn words_norm(words: &[Word], start: WordIdx, end: WordIdx) -> String {
    WordIdx::slice(words, start..end)
        .unwrap_or(&[])
        .iter()
        .map(|w| w.norm.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of organisations' names that follow a title word ("General Motors", "Justice
/// Department"): no personal name.
const ORG_NAME_WORDS: &[&str] = &[
    "motors",
    "electric",
    "dynamics",
    "mills",
    "assembly",
    "council",
    "staff",
    "hospital",
    "court",
    "department",
    "office",
    "league",
    "company",
    "corporation",
    "corp",
    "inc",
    "secretary",
    "committee",
    "commission",
    "command",
    "accounting",
    "services",
    "election",
    "elections",
    "strike",
    "public",
    "bank",
    "fund",
    "university",
    "school",
    "party",
];

/// Title words before a name that no dictionary entry covers: agent hits. Titles
/// (`data/dict/titles.tsv`) make a sector only before a name ("General Moussa Diakite",
/// "Sen. Lindsey Graham"); alone, most of them are ordinary words ("a general strike").
fn title_hits(words: &[Word], hits: &[Resolved], titles: &Titles) -> Vec<Resolved> {
    let mut out = Vec::new();
    for (k, w) in WordIdx::enumerate(words) {
        let Some(code) = titles.sector(&w.norm) else {
            continue;
        };
        let free = |j: WordIdx| !hits.iter().any(|h| h.start <= j && j < h.end);
        // "Lt. Gen. X": the last title word takes the name
        let next_is_title = (k + 1).at(words).is_some_and(|n| titles.is_title(&n.norm));
        if !w.capitalized || !free(k) || next_is_title {
            continue;
        }
        // a personal name: up to the next dictionary hit, two words at least after a title
        // that is an ordinary word too ("General Moussa Diakite", not "General Motors"), no
        // word of an organisation's name ("General Assembly", "Justice Department")
        let limit = hits
            .iter()
            .map(|h| h.start)
            .filter(|&s| s > k)
            .min()
            .unwrap_or(WordIdx::new(words.len()));
        let end = name_after(words, k + 1, limit);
        let min_words = if w.norm.ends_with('.') { 1 } else { 2 };
        let org_word = WordIdx::slice(words, k + 1..end)
            .unwrap_or_default()
            .iter()
            .any(|n| ORG_NAME_WORDS.contains(&n.norm.as_str()));
        if end < k + 1 + min_words || org_word {
            continue;
        }
        let mut start = k;
        while start.get() > 0
            && free(start - 1)
            && (start - 1)
                .at(words)
                .is_some_and(|p| titles.is_title(&p.norm) && p.capitalized)
        {
            start -= 1;
        }
        out.push(Resolved {
            start,
            end: k + 1,
            code: code.to_string(),
            kind: None,
            name: code.to_string(),
            gazetteer: false,
        });
    }
    out
}

/// Actors whose dictionary phrase is their own name, not a place standing for them.
fn is_named_actor(kind: ActorKind) -> bool {
    matches!(
        kind,
        ActorKind::Person | ActorKind::Org | ActorKind::Igo | ActorKind::Group
    )
}

/// A one-word country name that is someone's first name: followed by a capitalized word that
/// no entry covers ("Chad Wilson", "Georgia O'Keeffe").
fn is_first_name(words: &[Word], h: &Resolved, hits: &[Resolved]) -> bool {
    h.kind == Some(ActorKind::Country)
        // a country whose name is also a given name ("Chad", "Georgia", "Jordan", "Israel")
        && h.start.at(words)
            .is_some_and(|w| GIVEN_NAMES.contains(&w.norm.as_str()))
        && !hits.iter().any(|o| o.start == h.end)
        && h.end == h.start + 1
        && h.start.at(words).is_some_and(|w| w.capitalized && !w.all_caps)
        && h.end.at(words).is_some_and(|n| {
            n.capitalized
                && h.start.at(words).is_some_and(|w| n.token != w.token)
                && n.norm.chars().next().is_some_and(char::is_alphabetic)
                && !is_not_name(&n.norm)
        })
}

/// The surname of a person named by the words `start..end`, as the text spells it (later
/// mentions use the text's spelling, "Zelensky", not the dictionary's, "Zelenski"): the last
/// word that is no generational suffix ("Marcos Jr."), or the first for a person of a country
/// whose people are called by it ("Xi Jinping": "Xi"; the person's `code` gives the country).
fn surname(words: &[Word], start: WordIdx, end: WordIdx, code: &str) -> Option<String> {
    let name = words.get(start.get()..end.get())?;
    let country = code.get(..3).unwrap_or_default();
    let word = if dyad_dict::spellings::named_by_first_word(country) {
        name.first()
    } else {
        name.iter()
            .rev()
            .find(|w| !matches!(w.norm.as_str(), "jr" | "jr." | "sr" | "sr." | "ii" | "iii"))
    };
    word.map(|w| w.norm.clone())
}

/// A name of a person or organisation that the text continues with a capitalized word no
/// dictionary knows is the start of someone else's name: "Diana" (a party's acronym) in "Diana
/// Mondino", "Abdullah" (a king) in "Abdullah bin Zayed", "Abdul Hamid" in "Abdul Hamid Dbeibah".
fn begins_longer_name(words: &[Word], h: &Resolved, hits: &[Resolved]) -> bool {
    if !matches!(
        h.kind,
        Some(ActorKind::Person | ActorKind::Org | ActorKind::Group)
    ) {
        return false;
    }
    let Some(last) = (h.end - 1).at(words) else {
        return false;
    };
    // "bin Zayed", "van der Leyen": particles between the parts of a name
    let mut next = h.end;
    while next
        .at(words)
        .is_some_and(|w| NAME_PARTICLES.contains(&w.norm.as_str()) && !w.capitalized)
    {
        next += 1;
    }
    next.at(words).is_some_and(|n| {
        n.capitalized
            && !n.all_caps
            && n.token != last.token
            && n.norm.chars().all(char::is_alphabetic)
            && !is_not_name(&n.norm)
            && !hits.iter().any(|o| o.start <= next && next < o.end)
    })
}

/// Honorifics that stand before a surname without being a given name.
const HONORIFICS: &[&str] = &[
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "sheikh",
    "prince", "princess", "king", "queen", "emir", "pope",
];

/// A surname alone ("Trump") after a capitalized word no dictionary knows names someone else
/// of that family ("Ivanka Trump"); a title, an honorific or the sentence's first word do not
/// count.
fn ends_longer_name(words: &[Word], h: &Resolved, hits: &[Resolved]) -> bool {
    if h.kind != Some(ActorKind::Person) || h.end != h.start + 1 || h.start.get() < 2 {
        return false;
    }
    let Some(prev) = (h.start - 1).at(words) else {
        return false;
    };
    let Some(this) = h.start.at(words) else {
        return false;
    };
    prev.capitalized
        && !prev.all_caps
        && prev.token != this.token
        && prev.norm.chars().all(char::is_alphabetic)
        && !is_not_name(&prev.norm)
        && !HONORIFICS.contains(&prev.norm.as_str())
        && !hits.iter().any(|o| o.start < h.start && h.start <= o.end)
}

/// Country names that are also given names.
const GIVEN_NAMES: &[&str] = &[
    "chad", "georgia", "jordan", "israel", "india", "kenya", "america", "ireland", "chile",
];

/// Regions named by a compass adjective ("the West", "Western diplomats") that are also the
/// first word of place names ("West Darfur", "Western Cambodia", "West Bengal").
const COMPASS_REGIONS: &[&str] = &["WST", "WAF"];

/// A compass region followed by a capitalized word is part of a place's name.
fn region_in_name(words: &[Word], h: &Resolved) -> bool {
    COMPASS_REGIONS.contains(&h.code.as_str())
        && h.end.at(words).is_some_and(|n| {
            n.capitalized
                && h.end
                    .wrapping_sub(1)
                    .at(words)
                    .is_some_and(|last| n.token != last.token)
        })
}

/// First parts of hyphenated modifiers whose second part is an agent word: "multi-party
/// elections", "anti-government protests", "pro-government militia" name no party or government.
const MODIFIER_PREFIXES: &[&str] = &[
    "multi", "pro", "anti", "non", "inter", "cross", "intra", "all", "bi", "tri", "single", "one",
    "two", "three", "post", "pre", "semi",
];

/// An agent word that is the second part of such a hyphenated modifier.
fn in_compound_modifier(words: &[Word], h: &Resolved) -> bool {
    h.kind.is_none()
        && h.start.get() > 0
        && hyphenated(words, h.start - 1)
        && (h.start - 1)
            .at(words)
            .is_some_and(|w| MODIFIER_PREFIXES.contains(&w.norm.as_str()))
}

/// Second parts of "Russian-made", "London-based": the country or place is an origin.
const ORIGINS: &[&str] = &[
    "made",
    "built",
    "manufactured",
    "designed",
    "produced",
    "supplied",
    "born",
    "based",
    "owned",
    "registered",
    "flagged",
    "bound",
];

/// A country or place word hyphenated to an origin word ("Russian-made helicopter").
fn is_origin(words: &[Word], h: &Resolved) -> bool {
    matches!(
        h.kind,
        Some(ActorKind::Country | ActorKind::Capital | ActorKind::Place)
    ) && h.end.get() > 0
        && hyphenated(words, h.end - 1)
        && h.end
            .at(words)
            .is_some_and(|n| ORIGINS.contains(&n.norm.as_str()))
}

/// Word `k` and the next are the parts of one hyphenated word: one token ("Russian-made"), or
/// three with the hyphen alone between them ("Russian", "-", "made").
fn hyphenated(words: &[Word], k: WordIdx) -> bool {
    let (Some(a), Some(b)) = (k.at(words), (k + 1).at(words)) else {
        return false;
    };
    a.token == b.token || (b.token == a.token + 2 && b.start == a.end + 1)
}

/// The end of a personal name right after a title at `from` (capitalized words, none of them
/// another hit, up to `limit`), or `from` if there is none.
fn name_after(words: &[Word], from: WordIdx, limit: WordIdx) -> WordIdx {
    let mut end = from;
    let limit = limit.min(from + 5).min(WordIdx::new(words.len()));
    while end < limit {
        let Some(w) = end.at(words) else {
            break;
        };
        let is_name = w.capitalized
            && w.norm.chars().next().is_some_and(char::is_alphabetic)
            && !is_not_name(&w.norm);
        let particle = end > from && NAME_PARTICLES.contains(&w.norm.as_str());
        if !(is_name || particle) {
            break;
        }
        end += 1;
    }
    // a name ends in a capitalized word; an initial ("F.W.") counts
    while end > from && (end - 1).at(words).is_some_and(|w| !w.capitalized) {
        end -= 1;
    }
    end
}

/// The sector part of a mention's code (`ARMGOV` -> `GOV`, `SCGSRBMIL` -> `MIL`, `GOV` -> `GOV`).
fn sectors_of(m: &Mention) -> String {
    match &m.country {
        Some(c) => m
            .code
            .find(c.as_str())
            .and_then(|k| m.code.get(k + c.len()..))
            .unwrap_or("")
            .to_string(),
        None => m.code.clone(),
    }
}

/// A title at `start..end` held formerly: "former president", "ex-president", "Armenia's former
/// prime minister".
fn is_former(words: &[Word], start: WordIdx, end: WordIdx) -> bool {
    let before = start.checked_sub(1).and_then(|k| k.at(words));
    before
        .into_iter()
        .chain(WordIdx::slice(words, start..end).unwrap_or(&[]))
        .any(|w| FORMER.contains(&w.norm.as_str()))
}

/// A capitalized agent word right after another capitalized word that is not itself a
/// dictionary hit is part of a name ("Tom King", "Lake Forest"), not an agent.
fn in_name(words: &[Word], m: &LexemeMatch, all: &[LexemeMatch]) -> bool {
    let Lexeme::Agent(_) = m.lexeme else {
        return false;
    };
    let (Some(first), Some(prev)) = (
        m.start.at(words),
        m.start.checked_sub(1).and_then(|p| p.at(words)),
    ) else {
        return false;
    };
    let prev_is_hit = all.iter().any(|o| o.start < m.start && m.start <= o.end);
    first.capitalized
        && prev.capitalized
        && m.start.get() > 1
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
fn join(words: &[Word], from: WordIdx, to: WordIdx) -> Join {
    if to < from {
        return Join::None;
    }
    let between: Vec<&str> = WordIdx::slice(words, from..to)
        .unwrap_or_default()
        .iter()
        .map(|w| w.norm.as_str())
        .collect();
    match between.as_slice() {
        [","] => Join::Comma,
        ["and"] | [",", "and"] | ["&"] | ["as", "well", "as"] | ["and", "the"] => Join::And,
        _ => Join::None,
    }
}

/// Groups mentions into compound sides. "A and B" is one side; commas join only inside a list
/// that ends in "and" ("Russia, Azerbaijan and Armenia"), not in an apposition ("Iran, the
/// ministry said").
pub(crate) fn assign_groups(words: &[Word], mentions: &mut [Mention]) {
    // joins[i]: how mention i is joined to mention i + 1
    let joins: Vec<Join> = mentions
        .iter()
        .zip(mentions.iter().skip(1))
        .map(|(a, b)| join(words, a.end, b.start))
        .collect();
    let mut group = GroupId::new(0);
    for i in 0..mentions.len() {
        if let Some(before) = i.checked_sub(1).and_then(|k| joins.get(k)) {
            let joined = match before {
                Join::And => true,
                Join::Comma => {
                    // the list goes on with "and" to a mention, or to words that name no
                    // actor ("Brussels, America and the whole international community")
                    let list = joins.get(i..).unwrap_or_default();
                    let run = list.iter().take_while(|j| **j != Join::None).count();
                    list.iter().take(run).any(|j| *j == Join::And)
                        || mentions
                            .get(i + run)
                            .and_then(|last| last.end.at(words))
                            .is_some_and(|w| w.norm == "and")
                }
                Join::None => false,
            };
            if !joined {
                group += 1;
            }
        }
        if let Some(m) = mentions.get_mut(i) {
            m.group = group;
        }
    }
}
