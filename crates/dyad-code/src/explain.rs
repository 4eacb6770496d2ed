//! Why a phrase gets the actor code it gets: the dictionary entries it matches, the mentions
//! they compose to and the code the phrase resolves to in its document. `dyad actors explain`
//! prints an [`Explanation`]; the Python package returns it as a dict.

use crate::{Mention, Pipeline};
use chrono::NaiveDate;
use dyad_dict::actors::Lexeme;
use dyad_dict::words::{Word, WordIdx};
use dyad_dict::Dictionaries;
use dyad_model::Document;
use serde::Serialize;

/// What the coder makes of a phrase, read after `context` in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The sentences the phrase is part of.
    pub sentences: Vec<ExplainedSentence>,
    /// The place the phrase names, if it names one.
    pub place: Option<ExplainedPlace>,
    /// The actor code the phrase resolves to, and the rule that gave it; None: no actor.
    pub code: Option<String>,
    pub rule: Option<String>,
}

/// One sentence of the phrase: its dictionary hits and actor mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedSentence {
    pub text: String,
    /// Dropped before coding (not about politics): no hits or mentions are read.
    pub discarded: bool,
    pub hits: Vec<DictionaryHit>,
    pub mentions: Vec<ExplainedMention>,
}

/// A dictionary entry the words of a sentence match.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DictionaryHit {
    /// The words matched.
    pub text: String,
    pub entry: HitEntry,
}

/// The entry a hit is of.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum HitEntry {
    /// A named actor: its kind (person, organisation...), name, dictionary file, dated roles,
    /// the role the document's date selects and the code it gives (None: no role on that date).
    Actor {
        actor_kind: String,
        name: String,
        file: String,
        roles: Vec<String>,
        role_on_date: Option<String>,
        code: Option<String>,
    },
    /// A generic agent ("police", "rebels") and its sector code.
    Agent { code: Option<String> },
    /// An entry the dictionaries no longer hold (cannot happen with one set of dictionaries).
    Unknown,
}

/// An actor mention the hits composed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedMention {
    pub text: String,
    pub code: String,
    /// The code as an actor of an event, where it differs (a place's people are its country).
    pub actor_code: String,
    pub backer: Option<String>,
    /// Mentions of one group act together ("the EU and the US").
    pub group: usize,
    pub rule: String,
}

/// A place the phrase names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExplainedPlace {
    pub name: String,
    pub precision: String,
    pub country: String,
    pub admin1: Option<String>,
    pub geonameid: Option<u32>,
}

/// Explains `phrase` read at the end of a document made of `context` and the phrase, dated
/// `date` (for date-bounded roles), with `pipeline`'s dictionaries.
pub fn explain_actor(
    pipeline: &Pipeline,
    phrase: &str,
    date: Option<NaiveDate>,
    context: &str,
) -> Explanation {
    let dicts = pipeline.dictionaries();
    let text = if context.is_empty() {
        phrase.to_string()
    } else {
        format!("{} {phrase}", context.trim_end())
    };
    let doc = Document {
        id: "explain".into(),
        text: text.clone(),
        date,
        ..Default::default()
    };
    let prepared = pipeline.prepare(&doc);
    let start = text.len().saturating_sub(phrase.len());
    let mut sentences = Vec::new();
    for (sentence, prep) in prepared.sentences.iter().zip(&prepared.prepared) {
        if sentence.end <= start {
            continue;
        }
        let Some(prep) = prep else {
            sentences.push(ExplainedSentence {
                text: sentence.text.clone(),
                discarded: true,
                hits: Vec::new(),
                mentions: Vec::new(),
            });
            continue;
        };
        let span = |s: WordIdx, e: WordIdx| words_text(&sentence.text, &prep.words, s, e);
        let hits = dicts
            .actors
            .find(&prep.words)
            .into_iter()
            .map(|m| DictionaryHit {
                text: span(m.start, m.end),
                entry: entry(dicts, m.lexeme, date),
            })
            .collect();
        let mentions = prep
            .mentions
            .iter()
            .map(|m| mention(span(m.start, m.end), m))
            .collect();
        sentences.push(ExplainedSentence {
            text: sentence.text.clone(),
            discarded: false,
            hits,
            mentions,
        });
    }
    let place = prepared
        .place_at(start, text.len())
        .map(|p| ExplainedPlace {
            name: p.name,
            precision: format!("{:?}", p.precision),
            country: p.country,
            admin1: p.admin1,
            geonameid: p.geonameid,
        });
    let actor = prepared.actor_at(start, text.len());
    Explanation {
        sentences,
        place,
        code: actor.as_ref().map(|m| m.code.clone()),
        rule: actor.map(|m| m.rule),
    }
}

/// The text of words `s..e` of a sentence (empty for an empty or invalid range).
pub fn words_text(text: &str, words: &[Word], s: WordIdx, e: WordIdx) -> String {
    match (s.at(words), e.checked_sub(1).and_then(|k| k.at(words))) {
        (Some(a), Some(b)) if e > s => text.get(a.start..b.end).unwrap_or("").to_string(),
        _ => String::new(),
    }
}

fn entry(dicts: &Dictionaries, lexeme: Lexeme, date: Option<NaiveDate>) -> HitEntry {
    match lexeme {
        Lexeme::Actor(id) => match dicts.actors.entry(id) {
            Some(e) => HitEntry::Actor {
                actor_kind: e.kind.name().to_string(),
                name: e.name.clone(),
                file: e.source.clone(),
                roles: e.roles.iter().map(|r| r.spec()).collect(),
                role_on_date: e.role_on(date).map(|r| r.spec()),
                code: e.code_on(date).map(str::to_string),
            },
            None => HitEntry::Unknown,
        },
        Lexeme::Agent(id) => HitEntry::Agent {
            code: dicts.actors.agent_code(id).map(str::to_string),
        },
    }
}

fn mention(text: String, m: &Mention) -> ExplainedMention {
    ExplainedMention {
        text,
        code: m.code.clone(),
        actor_code: m.as_actor().code,
        backer: m.backer.clone(),
        group: m.group.get(),
        rule: m.rule.clone(),
    }
}
