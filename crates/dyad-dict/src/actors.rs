//! Named actors (countries, places, persons, organisations) and agents (sector nouns).

use crate::format::{parse_date, Record};
use crate::matcher::PhraseMatcher;
use crate::words::{Word, WordIdx};
use crate::DictError;
use chrono::NaiveDate;
use std::borrow::Cow;

/// What a named-actor entry denotes; decides how it composes with agents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    /// A country's name or demonym ("Hungary", "Hungarian").
    Country,
    /// A country's capital (for metonymy: "Baku" announced...).
    Capital,
    /// Another place that stands for its country (cities, regions, features).
    Place,
    Person,
    /// Organisation with a full code (ministries, parties, companies named in the dictionary).
    Org,
    /// International organisation (codes starting `IGO`).
    Igo,
    /// Non-state armed group.
    Group,
}

impl ActorKind {
    pub fn parse(s: &str) -> Option<ActorKind> {
        Some(match s {
            "country" => ActorKind::Country,
            "capital" => ActorKind::Capital,
            "place" => ActorKind::Place,
            "person" => ActorKind::Person,
            "org" => ActorKind::Org,
            "igo" => ActorKind::Igo,
            "group" => ActorKind::Group,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Country => "country",
            ActorKind::Capital => "capital",
            ActorKind::Place => "place",
            ActorKind::Person => "person",
            ActorKind::Org => "org",
            ActorKind::Igo => "igo",
            ActorKind::Group => "group",
        }
    }

    /// Entries of this kind are proper names: they match only capitalized text.
    pub fn is_proper(self) -> bool {
        true
    }
}

/// A code held over a period (either end open).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Role {
    pub fn is_bounded(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    fn covers(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date < t)
    }

    /// `CODE`, `CODE@YYYYMMDD-YYYYMMDD`, `CODE@-YYYYMMDD`, `CODE@YYYYMMDD-`.
    pub fn parse(spec: &str) -> Result<Role, String> {
        let (code, period) = match spec.split_once('@') {
            Some((c, p)) => (c, Some(p)),
            None => (spec, None),
        };
        if code.is_empty() {
            return Err(format!("empty code in {spec:?}"));
        }
        let (from, to) = match period {
            None => (None, None),
            Some(p) => {
                let (f, t) = p
                    .split_once('-')
                    .ok_or_else(|| format!("period without '-' in {spec:?}"))?;
                let f = if f.is_empty() {
                    None
                } else {
                    Some(parse_date(f).ok_or_else(|| format!("bad date {f:?}"))?)
                };
                let t = if t.is_empty() {
                    None
                } else {
                    Some(parse_date(t).ok_or_else(|| format!("bad date {t:?}"))?)
                };
                (f, t)
            }
        };
        Ok(Role {
            code: code.to_string(),
            from,
            to,
        })
    }

    pub fn spec(&self) -> String {
        let d = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%Y%m%d").to_string())
                .unwrap_or_default()
        };
        if self.is_bounded() {
            format!("{}@{}-{}", self.code, d(self.from), d(self.to))
        } else {
            self.code.clone()
        }
    }
}

/// A named actor: its kind, primary name and roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    pub kind: ActorKind,
    pub name: String,
    pub roles: Vec<Role>,
    /// The file the entry comes from (`extra-actors.tsv`, `leaders.tsv`, a user dictionary...):
    /// which source decided, for `dyad actors explain`.
    pub source: String,
}

impl ActorEntry {
    /// The code that applies on `date`: a dated role covering it, else the undated default,
    /// else (no date known) the most recent role. `None` is a deliberate null code.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        self.role_on(date)
            .map(|r| r.code.as_str())
            .filter(|c| *c != "---")
    }

    /// The role that applies on `date` (see [`ActorEntry::code_on`]).
    pub fn role_on(&self, date: Option<NaiveDate>) -> Option<&Role> {
        let default = self.roles.iter().find(|r| !r.is_bounded());
        match date {
            Some(d) => self
                .roles
                .iter()
                .find(|r| r.is_bounded() && r.covers(d))
                .or(default),
            None => default.or_else(|| self.roles.last()),
        }
    }
}

/// What a dictionary phrase denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexeme {
    Actor(u32),
    /// An agent noun; the index is into [`ActorDict::agent_codes`].
    Agent(u32),
}

/// Named actors and agents, matched together.
pub struct ActorDict {
    pub entries: Vec<ActorEntry>,
    /// Sector codes of agents (`GOV`, `MIL`, `GOVMED`...).
    pub agent_codes: Vec<String>,
    matcher: PhraseMatcher<Lexeme>,
}

/// A dictionary hit in a sentence, with the case checks applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexemeMatch {
    pub start: WordIdx,
    pub end: WordIdx,
    pub lexeme: Lexeme,
}

/// Plurals of a country's demonyms of one or two words ("algerian" -> "algerians", "south african" ->
/// "south africans"),
/// leaving out the country's own name (the first phrase: "iran", "sudan").
fn demonym_plurals(names: &str) -> Vec<String> {
    names
        .split('|')
        .skip(1)
        .filter(|p| {
            // "south african" -> "south africans": the last word decides
            let last = p.rsplit(' ').next().unwrap_or(p);
            p.split(' ').count() <= 2
                && last.len() >= 5
                && (last.ends_with("an") || last.ends_with('i'))
        })
        .filter(|p| !p.ends_with("stan"))
        .map(|p| format!("{p}s"))
        .collect()
}

/// A one-word plural among a country's names whose singular is also one of them ("palestinians"
/// beside "palestinian"): the nation's people, not the country.
fn is_listed_plural(phrase: &str, names: &str) -> bool {
    !phrase.contains(' ')
        && phrase
            .strip_suffix('s')
            .is_some_and(|singular| singular.len() >= 4 && names.split('|').any(|n| n == singular))
}

impl ActorDict {
    /// Parses `actors.tsv` (`kind<TAB>role,role,...<TAB>phrase|phrase`) and `agents.tsv`
    /// (`SECTOR<TAB>phrase|phrase`).
    /// Each source is `(file name, text)`; the file name is for error messages.
    pub fn parse(actors: &[(&str, &str)], agents: &[(&str, &str)]) -> Result<ActorDict, DictError> {
        let mut entries = Vec::new();
        // the words borrow from the files' text; only generated plurals are owned
        let mut phrases: Vec<(Vec<Cow<'_, str>>, Lexeme)> = Vec::new();
        for rec in actors.iter().flat_map(|(f, t)| Record::lines(t, f)) {
            let rec = rec?;
            let [kind, roles, names] = rec.fields::<3>()?;
            let kind = ActorKind::parse(kind)
                .ok_or_else(|| rec.error(format!("unknown kind {kind:?}")))?;
            let roles = roles
                .split(',')
                .filter(|s| !s.is_empty())
                .map(Role::parse)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|m| rec.error(m))?;
            let id = entries.len() as u32;
            let mut name = String::new();
            // a nation's people ("Palestinians", "Cubans") listed among the country's names
            let listed = |p: &str| kind == ActorKind::Country && is_listed_plural(p, names);
            for p in names.split('|').filter(|p| !listed(p)) {
                if name.is_empty() {
                    name = p.to_string();
                }
                phrases.push((p.split(' ').map(Cow::Borrowed).collect(), Lexeme::Actor(id)));
            }
            let people = if kind == ActorKind::Country {
                let mut people = demonym_plurals(names);
                for p in names.split('|').filter(|p| listed(p)) {
                    if !people.iter().any(|q| q == p) {
                        people.push(p.to_string());
                    }
                }
                people
            } else {
                Vec::new()
            };
            entries.push(ActorEntry {
                kind,
                name,
                roles: roles.clone(),
                source: rec.file.to_string(),
            });
            // "Algerians", "Israelis": a nation's people, coded as the country's civilians
            if let Some(first_people) = people.first() {
                let id = entries.len() as u32;
                for p in &people {
                    phrases.push((vec![Cow::Owned(p.clone())], Lexeme::Actor(id)));
                }
                entries.push(ActorEntry {
                    kind: ActorKind::Group,
                    source: rec.file.to_string(),
                    name: first_people.clone(),
                    roles: roles
                        .iter()
                        .map(|r| Role {
                            code: format!("{}CVL", r.code),
                            ..r.clone()
                        })
                        .collect(),
                });
            }
        }
        let mut agent_codes = Vec::new();
        for rec in agents.iter().flat_map(|(f, t)| Record::lines(t, f)) {
            let rec = rec?;
            let [code, names] = rec.fields::<2>()?;
            let id = agent_codes.len() as u32;
            agent_codes.push(code.to_string());
            for p in names.split('|') {
                phrases.push((p.split(' ').map(Cow::Borrowed).collect(), Lexeme::Agent(id)));
            }
        }
        let matcher = PhraseMatcher::new(phrases);
        Ok(ActorDict {
            entries,
            agent_codes,
            matcher,
        })
    }

    pub fn entry(&self, id: u32) -> Option<&ActorEntry> {
        self.entries.get(id as usize)
    }

    pub fn agent_code(&self, id: u32) -> Option<&str> {
        self.agent_codes.get(id as usize).map(String::as_str)
    }

    pub fn phrase_count(&self) -> usize {
        self.matcher.len()
    }

    /// Actor and agent phrases in a sentence. Named actors must be capitalized in the text
    /// ("Turkey" the country, not "turkey"), and one-word names of three letters or fewer must
    /// be in capitals ("US", not "us"; "IS", not "is").
    pub fn find(&self, words: &[Word]) -> Vec<LexemeMatch> {
        self.matcher
            .find_accepted(words, |start, end, lexeme| {
                self.case_ok(start, end, lexeme, words)
            })
            .into_iter()
            .map(|m| LexemeMatch {
                start: m.start,
                end: m.end,
                lexeme: *m.payload,
            })
            .collect()
    }

    fn case_ok(&self, start: WordIdx, end: WordIdx, lexeme: &Lexeme, words: &[Word]) -> bool {
        let Lexeme::Actor(id) = lexeme else {
            return true;
        };
        // a deliberate null entry ("the international community") takes any case, so that
        // the words inside it ("community") do not match instead
        if self
            .entry(*id)
            .is_some_and(|e| e.roles.iter().all(|r| r.code == "---"))
        {
            return true;
        }
        let Some(first) = start.at(words) else {
            return false;
        };
        if end - start == 1 && first.norm.chars().filter(|c| c.is_alphabetic()).count() <= 3 {
            return first.all_caps;
        }
        // Every capitalizable content word of a proper name starts uppercase in running text,
        // but "the" and "of" inside names need not ("the European Union", "Bank of England").
        // An Arabic article may open a name in lowercase ("al-Shabaab", "el-Sisi").
        WordIdx::slice(words, start..end).is_some_and(|ws| ws.iter().any(|w| w.capitalized))
            && (first.capitalized
                || matches!(
                    first.norm.as_str(),
                    "the" | "a" | "al" | "el" | "ad" | "as" | "ash" | "an"
                ))
    }
}
