//! Verb classes: how a verb frames the act it governs.
//!
//! Which verbs ask for an event, reject one, let one happen, order someone to act, have many
//! senses, or only report speech is domain data, not code: `data/dict/verb-classes.tsv`
//! (`CLASS<TAB>lemma|lemma|...`), which a user dictionary extends (`class` lines).

use crate::lists::{list_keys, parse_lists};
use crate::DictError;
use std::collections::HashSet;

list_keys! {
    /// A class of verbs the coder reads frames by.
    pub enum VerbClass {
        /// Asks for the event its object or `for` phrase names ("called for a ceasefire").
        Ask = "ask",
        /// Turns down what its object proposes, asks or alleges ("denied the allegations").
        Reject = "reject",
        /// Its subject is an event that happens ("protests erupted").
        Happen = "happen",
        /// Commands or presses someone to act ("ordered X to do Y").
        Order = "order",
        /// Many senses: its own code ("hold" -> detain) needs an actor as its object.
        Light = "light",
        /// With a clausal complement, only reports speech ("adding that ...").
        SpeechOnly = "speech-only",
        /// Files under meeting in the verb dictionary but meets no one by itself ("faces charges").
        Solitary = "solitary",
        /// So general that only its patterns code an act ("increase threats", "ensure equality"):
        /// its own code is no event.
        Vague = "vague",
    }
}

/// The verbs of each class.
#[derive(Debug, Clone, Default)]
pub struct VerbClasses {
    members: HashSet<(VerbClass, String)>,
}

impl VerbClasses {
    /// Reads `CLASS<TAB>lemma|...` lines (`#` comments); errors name the file and line.
    pub fn parse(texts: &[(&str, &str)]) -> Result<VerbClasses, DictError> {
        let members = parse_lists(texts, |name| VerbClass::parse_key(name, "verb class"))?;
        Ok(VerbClasses {
            members: members.into_iter().collect(),
        })
    }

    /// Whether the verb with this lemma (lower case) is of `class`.
    pub fn is(&self, class: VerbClass, lemma: &str) -> bool {
        self.members.contains(&(class, lemma.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_parse_and_errors_name_the_line() {
        let c =
            VerbClasses::parse(&[("f", "# x\nask\tcall|urge\nreject\tdeny\n")]).unwrap_or_default();
        assert!(c.is(VerbClass::Ask, "urge") && c.is(VerbClass::Reject, "deny"));
        assert!(!c.is(VerbClass::Ask, "deny"));
        let e = VerbClasses::parse(&[("f", "ask\tcall\nbeg\tplead\n")]).err();
        assert!(e.is_some_and(|e| e.to_string().contains("f:2")));
    }
}
