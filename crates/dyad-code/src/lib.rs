//! Event coding: from a [`Document`] to [`EventRecord`]s.
//!
//! # Design
//! The [`Pipeline`] runs spaCy-style stages with typed inputs and outputs:
//!
//! 1. segmentation (`dyad-text`): document text -> [`Sentence`]s -> [`Token`]s, held in a
//!    [`SentenceInput`];
//! 2. mention finding ([`mentions`]): dictionary phrases -> actor [`Mention`]s with composed
//!    codes ("the Russian Foreign Ministry" -> `RUSGOV`), grouped into compound sides;
//! 3. syntax ([`syntax`], only for coders that ask for it): tokens -> tags, lemmas and a
//!    dependency tree ([`SyntaxToken`]s) from the embedded tagger and parser models;
//! 4. coding (a [`SentenceCoder`]): mentions + words (+ syntax) -> [`CodedEvent`]s (CAMEO code, roles,
//!    trigger, modality). [`PatternCoder`] matches TABARI-style verb patterns and takes roles
//!    from the dependency tree ([`tree`]), or from word order when it reads less
//!    ([`Reading`]). Another coder implements the same trait, says what it needs with
//!    [`SentenceCoder::syntax_need`], and finds the parse in [`SentenceInput::syntax`], so
//!    ingestion and output stay untouched;
//! 5. record building ([`records`]): CAMEO -> PLOVER, QuadClass, Goldstein, character spans,
//!    stable event ids.

pub mod coder;
pub mod conflicts;
pub mod context;
pub mod dating;
pub mod locating;
pub mod mentions;
mod nominal;
pub mod quotes;
pub mod records;
pub mod syntax;
pub mod tree;

use dyad_dict::words::{words, Word};
use dyad_dict::Dictionaries;
use dyad_model::{Document, EventRecord, Sentence, Token};
use dyad_text::{SentenceSplitter, Tokenizer};

pub use coder::{PatternCoder, Reading};
pub use context::DocContext;
pub use mentions::{Mention, MentionFinder, Side};
pub use syntax::{Analyzer, SyntaxNeed, SyntaxToken};

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
    /// Tags and lemmas (and the dependency tree if asked for), one per token, when the coder
    /// asked for them ([`SentenceCoder::syntax_need`]).
    pub syntax: Option<&'a [SyntaxToken]>,
    /// What the whole document says that a sentence may refer to (the conflicts it names).
    pub context: &'a DocContext,
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
    /// The quote or reported speech the event was read from.
    pub quote: Option<dyad_model::Quote>,
    /// The date the sentence gives the event (else the record takes the publication date).
    pub date: Option<dating::EventDate>,
    /// Where the sentence puts the event.
    pub location: Option<dyad_model::Location>,
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

    /// What this coder reads of [`SentenceInput::syntax`]: the pipeline tags (and parses)
    /// sentences only as far as the coder needs.
    fn syntax_need(&self) -> SyntaxNeed {
        SyntaxNeed::None
    }
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
    analyzer: Option<(&'static Analyzer, bool)>,
}

impl Pipeline {
    /// The default pipeline: embedded dictionaries, models and the pattern coder reading the parse.
    pub fn new() -> Pipeline {
        let dicts = Dictionaries::embedded();
        let parsed =
            Pipeline::with_coder(dicts, Box::new(PatternCoder::new(dicts, Reading::Parse)));
        // The embedded models are checked by the test suite; should they fail to load, the
        // coder still works from word order alone.
        parsed.unwrap_or_else(|_| Pipeline {
            splitter: SentenceSplitter::new(),
            tokenizer: Tokenizer::new(),
            dicts,
            mentions: MentionFinder::new(dicts),
            coder: Box::new(PatternCoder::new(dicts, Reading::Words)),
            analyzer: None,
        })
    }

    /// A pipeline with another coder; loads the embedded tagger and parser if it needs them.
    pub fn with_coder(
        dicts: &'static Dictionaries,
        coder: Box<dyn SentenceCoder>,
    ) -> Result<Pipeline, dyad_syntax::ModelError> {
        let analyzer = match coder.syntax_need() {
            SyntaxNeed::None => None,
            SyntaxNeed::Tags => Some((Analyzer::embedded()?, false)),
            SyntaxNeed::Parse => Some((Analyzer::embedded()?, true)),
        };
        Ok(Pipeline {
            splitter: SentenceSplitter::new(),
            tokenizer: Tokenizer::new(),
            dicts,
            mentions: MentionFinder::new(dicts),
            coder,
            analyzer,
        })
    }

    /// Tag and parse every sentence even if the coder does not need it (to benchmark or
    /// inspect the syntax stage).
    pub fn with_syntax(mut self) -> Result<Pipeline, dyad_syntax::ModelError> {
        self.analyzer = Some((Analyzer::embedded()?, true));
        Ok(self)
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
        // first pass: segmentation and mentions of every sentence, and the document context
        struct Prepared {
            tokens: Vec<Token>,
            words: Vec<Word>,
            mentions: Vec<Mention>,
        }
        let mut prepared: Vec<Option<Prepared>> = Vec::with_capacity(sentences.len());
        let mut context = DocContext::default();
        for (index, sentence) in sentences.iter().enumerate() {
            let tokens = self.tokenizer.tokenize(&sentence.text);
            let words = words(
                tokens
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (i, t.form.as_str(), t.start)),
            );
            if self.dicts.discards.is_match(&words) {
                prepared.push(None);
                continue;
            }
            let mentions = self.mentions.find(&words, doc.date);
            context
                .conflicts
                .extend(conflicts::find_conflicts(index, &words, &mentions));
            context.count_countries(&mentions);
            prepared.push(Some(Prepared {
                tokens,
                words,
                mentions,
            }));
        }
        let quote_inputs: Vec<Option<quotes::QuoteInput<'_>>> = sentences
            .iter()
            .zip(&prepared)
            .map(|(s, p)| {
                p.as_ref().map(|p| quotes::QuoteInput {
                    text: &s.text,
                    words: &p.words,
                    mentions: &p.mentions,
                })
            })
            .collect();
        context.quotes = quotes::find_quotes(&quote_inputs);
        for (index, (sentence, prep)) in sentences.iter().zip(&prepared).enumerate() {
            let Some(Prepared {
                tokens,
                words,
                mentions,
            }) = prep
            else {
                continue;
            };
            let syntax = self.analyzer.map(|(a, parse)| a.analyze(tokens, parse));
            let input = SentenceInput {
                doc,
                index,
                sentence,
                tokens,
                words,
                mentions,
                syntax: syntax.as_deref(),
                context: &context,
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
