//! Event nouns: nominal events ("the withdrawal of troops", "talks", "a curfew") and the verbs
//! that carry them ("launch an offensive", "hold talks", "lift the curfew").
//!
//! A noun phrase names an event when its lemmas, read from its first modifier to its head, end
//! in an entry of the table ("hunger strike", "air strike", "strike"; the longest wins). A
//! *support verb* ("hold", "launch", "stage", "announce") contributes nothing but the actor:
//! the event is the noun's. An *undoing verb* ("lift", "end", "suspend") turns the noun into its
//! opposite act, the entry's second code ("lift the curfew" is easing a curfew, CAMEO 0813).

use crate::DictError;
use std::collections::{HashMap, HashSet};

/// The CAMEO codes of an event noun.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NounEvent {
    /// The act the noun names ("sanctions" -> 163).
    pub code: String,
    /// The act of undoing it ("lift sanctions" -> 085), if any.
    pub undo: Option<String>,
}

#[derive(Debug, Default)]
pub struct EventNouns {
    nouns: HashMap<String, NounEvent>,
    support: HashSet<String>,
    undoing: HashSet<String>,
    /// The most words of any noun phrase in the table.
    pub max_words: usize,
}

impl EventNouns {
    /// Parses the `event-nouns.tsv` format (see `data/README.md`).
    pub fn parse(text: &str, file: &str) -> Result<EventNouns, DictError> {
        let mut out = EventNouns::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| DictError::Syntax {
                file: file.to_string(),
                line: i + 1,
                message: message.to_string(),
            };
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                ["N", phrase, code, rest @ ..] => {
                    let undo = rest.first().filter(|u| !u.is_empty() && **u != "-");
                    if !code.chars().all(|c| c.is_ascii_digit()) || code.len() < 2 {
                        return Err(err("expected a CAMEO code after the noun phrase"));
                    }
                    let phrase = phrase.to_lowercase();
                    out.max_words = out.max_words.max(phrase.split(' ').count());
                    out.nouns.insert(
                        phrase,
                        NounEvent {
                            code: code.to_string(),
                            undo: undo.map(|u| u.to_string()),
                        },
                    );
                }
                ["S", lemma, ..] => {
                    out.support.insert(lemma.to_lowercase());
                }
                ["U", lemma, ..] => {
                    out.undoing.insert(lemma.to_lowercase());
                }
                _ => {
                    return Err(err(
                        "expected `N phrase CODE [UNDO]`, `S lemma` or `U lemma`",
                    ))
                }
            }
        }
        Ok(out)
    }

    /// The event named by a phrase of lemmas ("hunger strike").
    pub fn get(&self, phrase: &str) -> Option<&NounEvent> {
        self.nouns.get(phrase)
    }

    /// The longest entry among the suffixes of `lemmas` (modifiers first, head last).
    pub fn longest(&self, lemmas: &[&str]) -> Option<(usize, &NounEvent)> {
        let n = lemmas.len();
        (0..n).find_map(|start| {
            let phrase = lemmas.get(start..)?.join(" ").to_lowercase();
            self.nouns.get(&phrase).map(|e| (n - start, e))
        })
    }

    /// "hold", "launch", "stage": the verb's object is the event.
    pub fn is_support(&self, lemma: &str) -> bool {
        self.support.contains(lemma)
    }

    /// "lift", "end", "suspend": the verb undoes its object.
    pub fn is_undoing(&self, lemma: &str) -> bool {
        self.undoing.contains(lemma)
    }

    pub fn len(&self) -> usize {
        self.nouns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nouns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_entry_wins() {
        let t = EventNouns::parse(
            "N\tstrike\t143\nN\tair strike\t195\nN\tcurfew\t1723\t0813\nS\tlaunch\nU\tlift\n",
            "t",
        )
        .unwrap_or_default();
        assert_eq!(
            t.longest(&["air", "strike"])
                .map(|(n, e)| (n, e.code.as_str())),
            Some((2, "195"))
        );
        assert_eq!(t.longest(&["general", "strike"]).map(|(n, _)| n), Some(1));
        assert_eq!(
            t.get("curfew").and_then(|e| e.undo.as_deref()),
            Some("0813")
        );
        assert!(t.is_support("launch") && t.is_undoing("lift") && !t.is_support("lift"));
        assert!(EventNouns::parse("N\tstrike\tabc\n", "t").is_err());
    }
}
