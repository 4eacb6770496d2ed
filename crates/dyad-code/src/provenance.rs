//! Where a coded event comes from: the dictionary entry or rule that proposed it.
//!
//! Later stages ask what kind of rule proposed an event (a verb's generic block code is
//! overridden by an event noun; an order changes the code of its content) and the
//! evaluation counts errors by rule family. They read this enum, never the text of the
//! record's `rule` field, which is its [`Display`] form (CONTRACT.md: "identifier of the
//! dictionary entry or rule that fired").

use std::fmt;

/// The rule or dictionary entry that proposed an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Provenance {
    /// A CAMEO verb pattern of the TABARI dictionary, in a verb block: `pattern:ID`.
    Pattern { id: String, block: String },
    /// A verb's own (or its block's) code, no pattern matched: `verb:BLOCK:lemma`.
    Verb { block: String, lemma: String },
    /// A verb's plain act beside the act a pattern read from it: `verb:lemma`.
    PlainVerb { lemma: String },
    /// An order to someone to act ("ordered X to ..."): `order:lemma`.
    Order { lemma: String },
    /// An event noun under a support, undoing or asking verb: `noun:verb:noun`.
    Noun { verb: String, noun: String },
}

impl Provenance {
    /// A verb's generic code (no pattern, no noun, no order): what more specific readings of
    /// the same words override.
    pub fn is_generic_verb(&self) -> bool {
        matches!(self, Provenance::Verb { .. } | Provenance::PlainVerb { .. })
    }

    pub fn is_order(&self) -> bool {
        matches!(self, Provenance::Order { .. })
    }

    /// The verb block of the dictionary entry, if a verb proposed the event.
    pub fn block(&self) -> Option<&str> {
        match self {
            Provenance::Pattern { block, .. } | Provenance::Verb { block, .. } => Some(block),
            _ => None,
        }
    }

    /// The verb's lemma, for a verb's own (or plain) code.
    pub fn lemma(&self) -> Option<&str> {
        match self {
            Provenance::Verb { lemma, .. } | Provenance::PlainVerb { lemma } => Some(lemma),
            _ => None,
        }
    }

    /// The rule family, for counting: `pattern`, `verb`, `order`, `noun`.
    pub fn family(&self) -> &'static str {
        match self {
            Provenance::Pattern { .. } => "pattern",
            Provenance::Verb { .. } | Provenance::PlainVerb { .. } => "verb",
            Provenance::Order { .. } => "order",
            Provenance::Noun { .. } => "noun",
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::Pattern { id, .. } => write!(f, "pattern:{id}"),
            Provenance::Verb { block, lemma } => write!(f, "verb:{block}:{lemma}"),
            Provenance::PlainVerb { lemma } => write!(f, "verb:{lemma}"),
            Provenance::Order { lemma } => write!(f, "order:{lemma}"),
            Provenance::Noun { verb, noun } => write!(f, "noun:{verb}:{noun}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_records_rule() {
        let verb = Provenance::Verb {
            block: "ACCUSE".into(),
            lemma: "blame".into(),
        };
        assert_eq!(verb.to_string(), "verb:ACCUSE:blame");
        assert!(verb.is_generic_verb() && !verb.is_order());
        let noun = Provenance::Noun {
            verb: "hold".into(),
            noun: "talks".into(),
        };
        assert_eq!(
            (noun.to_string().as_str(), noun.family()),
            ("noun:hold:talks", "noun")
        );
    }
}
