//! Event coding: from a [`Document`] to [`EventRecord`]s.
//!
//! # Design
//! The [`Pipeline`] runs spaCy-style stages with typed inputs and outputs:
//!
//! 1. segmentation (`dyad-text`): document text -> [`Sentence`]s -> [`Token`]s, held in a
//!    [`SentenceInput`];
//! 2. mention finding ([`mentions`]): dictionary phrases -> actor [`Mention`]s with composed
//!    codes ("the Russian Foreign Ministry" -> `RUSGOV`), grouped into compound sides;
//! 3. coding (a [`SentenceCoder`]): mentions + words -> [`CodedEvent`]s (CAMEO code, roles,
//!    trigger, modality). The baseline is [`ShallowCoder`], TABARI-style patterns over word
//!    order. A syntax-aware coder implements the same trait and receives the same input (a
//!    parse will be added to [`SentenceInput`]), so ingestion and output stay untouched;
//! 4. record building ([`records`]): CAMEO -> PLOVER, QuadClass, Goldstein, character spans,
//!    stable event ids.

pub mod mentions;
pub mod records;
pub mod shallow;

use dyad_dict::words::{words, Word};
use dyad_dict::Dictionaries;
use dyad_model::{Document, EventRecord, Sentence, Token};
use dyad_text::{SentenceSplitter, Tokenizer};

pub use mentions::{Mention, MentionFinder, Side};
pub use shallow::ShallowCoder;

/// Everything a coder knows about one sentence.
pub struct SentenceInput<'a> {
    pub doc: &'a Document,
    pub index: usize,
    pub sentence: &'a Sentence,
    pub tokens: &'a [Token],
    /// Matchable words (tokens split at hyphens, normalized).
    pub words: &'a [Word],
    /// Actor mentions, in sentence order.
    pub mentions: &'a [Mention],
}

/// An event found in a sentence, before it becomes an [`EventRecord`].
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    pub source: Vec<Mention>,
    pub target: Vec<Mention>,
    /// CAMEO code (2 to 4 digits).
    pub cameo: String,
    /// Byte span of the trigger in the sentence.
    pub trigger: (usize, usize),
    pub rule: String,
    pub negated: bool,
    pub modality: Modality,
    pub confidence: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    Future,
    Hypothetical,
    Denied,
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Denied => "denied",
            Modality::Reported => "reported",
        }
    }
}

/// The coding stage: a sentence in, events out.
pub trait SentenceCoder: Send + Sync {
    fn code(&self, input: &SentenceInput<'_>) -> Vec<CodedEvent>;
}

/// What coding one document produced.
#[derive(Debug, Default)]
pub struct DocumentResult {
    pub sentences: usize,
    pub events: Vec<EventRecord>,
}

/// Segmentation, mention finding and coding, with the embedded dictionaries.
pub struct Pipeline {
    splitter: SentenceSplitter,
    tokenizer: Tokenizer,
    dicts: &'static Dictionaries,
    mentions: MentionFinder,
    coder: Box<dyn SentenceCoder>,
}

impl Pipeline {
    /// The default pipeline: embedded dictionaries and the shallow coder.
    pub fn new() -> Pipeline {
        let dicts = Dictionaries::embedded();
        Pipeline::with_coder(dicts, Box::new(ShallowCoder::new(dicts)))
    }

    pub fn with_coder(dicts: &'static Dictionaries, coder: Box<dyn SentenceCoder>) -> Pipeline {
        Pipeline {
            splitter: SentenceSplitter::new(),
            tokenizer: Tokenizer::new(),
            dicts,
            mentions: MentionFinder::new(dicts),
            coder,
        }
    }

    pub fn dictionaries(&self) -> &'static Dictionaries {
        self.dicts
    }

    /// Codes every sentence of a document.
    pub fn code_document(&self, doc: &Document) -> DocumentResult {
        let sentences = self.splitter.split(&doc.text);
        let mut result = DocumentResult {
            sentences: sentences.len(),
            events: Vec::new(),
        };
        for (index, sentence) in sentences.iter().enumerate() {
            let tokens = self.tokenizer.tokenize(&sentence.text);
            let words = words(
                tokens
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (i, t.form.as_str(), t.start)),
            );
            if self.dicts.discards.is_match(&words) {
                continue;
            }
            let mentions = self.mentions.find(&words, doc.date);
            let input = SentenceInput {
                doc,
                index,
                sentence,
                tokens: &tokens,
                words: &words,
                mentions: &mentions,
            };
            for ev in self.coder.code(&input) {
                if let Some(rec) = records::build(&input, &ev, &self.dicts.ontology) {
                    result.events.push(rec);
                }
            }
        }
        result
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}
