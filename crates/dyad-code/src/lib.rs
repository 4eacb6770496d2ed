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

mod acts;
pub mod coder;
pub mod conflicts;
pub mod conllu;
pub mod context;
pub mod dating;
pub mod explain;
pub mod fatalities;
pub mod locating;
pub mod mentions;
mod namesakes;
mod nominal;
pub mod provenance;
pub mod quotes;
pub mod records;
pub mod resolver;
mod roles;
pub mod rules;
pub mod scorer;
mod sides;
pub mod syntax;
pub mod tree;

use dyad_dict::words::{words, Word, WordIdx};
use dyad_dict::Dictionaries;
use dyad_model::{Document, EventRecord, Sentence, Token, TokenIdx};
use dyad_text::{LongSentence, SentenceCap, Tokenizer};

pub use coder::{PatternCoder, Reading};
pub use context::DocContext;
pub use mentions::{Mention, MentionFinder, Side};
pub use provenance::Provenance;
pub use resolver::{ActorResolver, SentenceActors};
pub use rules::{RuleId, Rules};
pub use syntax::{Analyzer, SyntaxNeed, SyntaxToken};

/// Everything a coder knows about one sentence.
pub struct SentenceInput<'a> {
    pub doc: &'a Document,
    /// The sentence's index in its section (what [`DocContext`] is indexed by).
    pub index: usize,
    /// The index in the document of the section's first sentence: long documents are coded
    /// in sections ([`SECTION_BYTES`]), so `section_start + index` is the sentence's index
    /// in the document.
    pub section_start: usize,
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
    /// The predicate token (the verb, or the noun's governing verb), when the coder knows it:
    /// the document stages read the event's clause from it.
    pub predicate: Option<TokenIdx>,
    /// The rule or dictionary entry that proposed it (the record's `rule`).
    pub provenance: Provenance,
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

    /// The events with what the document stages that follow (quotes, dating, locating) read:
    /// each event's predicate token and the actors the coder read them with. A coder that
    /// does not know its predicates gets its events as they are.
    fn code_sentence(&self, input: &SentenceInput<'_>) -> CodedSentence {
        CodedSentence {
            events: self.code(input),
            parsed: false,
            mentions: input.mentions.to_vec(),
        }
    }

    /// What this coder reads of [`SentenceInput::syntax`]: the pipeline tags (and parses)
    /// sentences only as far as the coder needs.
    fn syntax_need(&self) -> SyntaxNeed {
        SyntaxNeed::None
    }
}

/// What a coder made of one sentence ([`SentenceCoder::code_sentence`]).
pub struct CodedSentence {
    pub events: Vec<CodedEvent>,
    /// Whether the coder read the dependency tree; the document stages then read it too.
    pub parsed: bool,
    /// The sentence's actor mentions as the coder completed them (the parties of the
    /// document's conflict added, conjoined sides regrouped, possessives composed).
    pub mentions: Vec<Mention>,
}

/// The document stages every coder's events go through: who said them (quotes), when
/// (dating; events the sentence sets in an undated past are dropped), where (locating).
fn document_stages(
    coded: &mut CodedSentence,
    input: &SentenceInput<'_>,
    dates: &dyad_time::TimeResolver,
    rules: Rules,
) {
    let tree = input
        .syntax
        .filter(|_| coded.parsed)
        .and_then(|s| tree::DepTree::new(s, input.words, &coded.mentions));
    let events = &mut coded.events;
    quotes::attribute(events, tree.as_ref(), input, &coded.mentions);
    let history = dating::date_events(dates, events, tree.as_ref(), input);
    if rules.on(RuleId::History) {
        let mut keep = history.iter().map(|h| !h);
        events.retain(|_| keep.next().unwrap_or(true));
    }
    locating::locate_events(events, tree.as_ref(), input, input.context);
}

/// What coding one document produced.
#[derive(Debug, Default)]
pub struct DocumentResult {
    pub sentences: usize,
    pub events: Vec<EventRecord>,
    /// The sentences that were cut into pieces to stay within [`SentenceCap`].
    pub long_sentences: Vec<LongSentence>,
    /// Set when coding ran past the pipeline's time budget ([`Pipeline::with_budget`]): the
    /// document was given up and `events` is empty.
    pub over_budget: Option<OverBudget>,
}

/// A document given up because coding it took longer than the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// The budget.
    pub budget: std::time::Duration,
    /// Sections coded when it ran out.
    pub sections_done: usize,
    /// Sections of the document.
    pub sections: usize,
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "coding took longer than the budget of {:.0} s ({} of {} sections done); skipped (a larger --doc-budget codes it)",
            self.budget.as_secs_f64(),
            self.sections_done,
            self.sections
        )
    }
}

/// Segmentation, mention finding and coding, with the embedded dictionaries.
pub struct Pipeline {
    cap: SentenceCap,
    section_bytes: usize,
    scorer: &'static scorer::Scorer,
    min_confidence: f32,
    rules: Rules,
    dates: dyad_time::TimeResolver,
    tokenizer: Tokenizer,
    dicts: &'static Dictionaries,
    mentions: MentionFinder,
    coder: Box<dyn SentenceCoder>,
    analyzer: Option<(&'static Analyzer, bool)>,
    /// Longest a document may take, checked between sections (so overshot by at most one
    /// section's work, itself bounded by the section size and the sentence cap).
    budget: Option<std::time::Duration>,
}

impl Pipeline {
    /// The default pipeline: embedded dictionaries, models and the pattern coder reading the parse.
    pub fn new() -> Pipeline {
        let dicts = Dictionaries::embedded();
        let parsed =
            Pipeline::with_coder(dicts, Box::new(PatternCoder::new(dicts, Reading::Parse)));
        // The embedded models are checked by the test suite; should they fail to load, the
        // coder still works from word order alone.
        parsed.unwrap_or_else(|_| {
            Pipeline::assemble(
                dicts,
                Box::new(PatternCoder::new(dicts, Reading::Words)),
                None,
            )
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
        Ok(Pipeline::assemble(dicts, coder, analyzer))
    }

    /// The pipeline around `coder`, with every other setting at its default.
    fn assemble(
        dicts: &'static Dictionaries,
        coder: Box<dyn SentenceCoder>,
        analyzer: Option<(&'static Analyzer, bool)>,
    ) -> Pipeline {
        Pipeline {
            cap: SentenceCap::default(),
            section_bytes: SECTION_BYTES,
            scorer: scorer::Scorer::embedded(),
            min_confidence: MIN_CONFIDENCE,
            rules: Rules::all(),
            dates: dyad_time::TimeResolver::new(),
            tokenizer: Tokenizer::new(),
            dicts,
            mentions: MentionFinder::new(dicts),
            coder,
            analyzer,
            budget: None,
        }
    }

    /// Give up a document whose coding takes longer than `budget` (None: no limit): it is
    /// returned without events and with [`DocumentResult::over_budget`] set.
    pub fn with_budget(mut self, budget: Option<std::time::Duration>) -> Pipeline {
        self.budget = budget;
        self
    }

    /// The time budget of a document, if any.
    pub fn budget(&self) -> Option<std::time::Duration> {
        self.budget
    }

    /// Tag and parse every sentence even if the coder does not need it (to benchmark or
    /// inspect the syntax stage).
    pub fn with_syntax(mut self) -> Result<Pipeline, dyad_syntax::ModelError> {
        self.analyzer = Some((Analyzer::embedded()?, true));
        Ok(self)
    }

    /// Code documents in sections of about `bytes` bytes instead of [`SECTION_BYTES`].
    pub fn with_section_bytes(mut self, bytes: usize) -> Pipeline {
        self.section_bytes = bytes.max(1);
        self
    }

    /// The default pipeline (the pattern coder reading `reading`) with only these named rules
    /// on ([`rules`]): the coder's and record building's.
    pub fn with_rules(reading: Reading, rules: Rules) -> Result<Pipeline, dyad_syntax::ModelError> {
        let dicts = Dictionaries::embedded();
        let coder = PatternCoder::new(dicts, reading).with_rules(rules);
        let mut pipeline = Pipeline::with_coder(dicts, Box::new(coder))?;
        pipeline.rules = rules;
        Ok(pipeline)
    }

    /// Drop rows whose confidence is below `min` instead of [`MIN_CONFIDENCE`] (0 keeps all).
    pub fn with_min_confidence(mut self, min: f32) -> Pipeline {
        self.min_confidence = min;
        self
    }

    /// The size of the sections long documents are coded in.
    pub fn section_bytes(&self) -> usize {
        self.section_bytes
    }

    pub fn dictionaries(&self) -> &'static Dictionaries {
        self.dicts
    }

    /// The first pass over a whole document: segmentation (long sentences cut), words and
    /// the resolved actor mentions of every sentence (`None` for discarded sentences), and
    /// the document context.
    pub fn prepare(&self, doc: &Document) -> PreparedDocument {
        let (spans, long_sentences) = self.cap.sentence_spans(&doc.text);
        PreparedDocument {
            long_sentences,
            ..self.prepare_spans(doc, &spans)
        }
    }

    /// The first pass over the sentences at `spans` of `doc.text`, as one context.
    fn prepare_spans(&self, doc: &Document, spans: &[(usize, usize)]) -> PreparedDocument {
        let sentences: Vec<Sentence> = spans
            .iter()
            .map(|&(start, end)| Sentence {
                text: doc.text.get(start..end).unwrap_or_default().to_string(),
                start,
                end,
            })
            .collect();
        let mut prepared: Vec<Option<PreparedSentence>> = Vec::with_capacity(sentences.len());
        let mut context = DocContext::default();
        for (index, sentence) in sentences.iter().enumerate() {
            let tokens = self.tokenizer.tokenize(&sentence.text);
            let words = words(
                tokens
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (TokenIdx::new(i), t.form.as_str(), t.start)),
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
            prepared.push(Some(PreparedSentence {
                tokens,
                words,
                mentions,
            }));
        }
        context.places =
            locating::place_evidence(sentences.iter().zip(&prepared).filter_map(|(s, p)| {
                let p = p.as_ref()?;
                Some((s.text.as_str(), p.words.as_slice(), p.mentions.as_slice()))
            }));
        let mut actors: Vec<SentenceActors<'_>> = prepared
            .iter_mut()
            .flatten()
            .map(|p| SentenceActors {
                words: &p.words,
                mentions: &mut p.mentions,
            })
            .collect();
        ActorResolver {
            sectors: &self.dicts.sectors,
        }
        .resolve(&mut actors, &context);
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
        PreparedDocument {
            sentences,
            prepared,
            context,
            long_sentences: Vec::new(),
        }
    }

    /// How `doc` will be coded: its sentences (long ones cut) in sections of at most
    /// [`SECTION_BYTES`] (one sentence at least), each coded with a context of its own by [`Pipeline::code_section`].
    pub fn sections(&self, doc: &Document) -> Sections {
        let (spans, long_sentences) = self.cap.sentence_spans(&doc.text);
        let mut bounds = Vec::new();
        let mut first = 0;
        for (i, &(start, end)) in spans.iter().enumerate() {
            let section_start = spans.get(first).map_or(start, |s| s.0);
            if i > first && end - section_start > self.section_bytes {
                bounds.push(first..i);
                first = i;
            }
        }
        if first < spans.len() {
            bounds.push(first..spans.len());
        }
        Sections {
            spans,
            bounds,
            long_sentences,
        }
    }

    /// Codes section `i` of `sections` (from [`Pipeline::sections`] of the same `doc`):
    /// the events in sentence order, with sentence indices counted from the document start.
    pub fn code_section(&self, doc: &Document, sections: &Sections, i: usize) -> SectionResult {
        self.code_section_until(doc, sections, i, None).0
    }

    /// [`Pipeline::code_section`], stopping between sentences once `deadline` has passed
    /// (then true).
    fn code_section_until(
        &self,
        doc: &Document,
        sections: &Sections,
        i: usize,
        deadline: Option<std::time::Instant>,
    ) -> (SectionResult, bool) {
        let Some(range) = sections.bounds.get(i) else {
            return (SectionResult::default(), false);
        };
        let spans = sections.spans.get(range.clone()).unwrap_or_default();
        let prepared = self.prepare_spans(doc, spans);
        let mut late = false;
        let events = self.code_prepared(doc, &prepared, range.start, None, deadline, &mut late);
        (
            SectionResult {
                sentences: spans.len(),
                events,
            },
            late,
        )
    }

    /// Codes every sentence of a document.
    pub fn code_document(&self, doc: &Document) -> DocumentResult {
        let start = std::time::Instant::now();
        let deadline = self.budget.and_then(|b| start.checked_add(b));
        let sections = self.sections(doc);
        let mut result = DocumentResult::default();
        for i in 0..sections.len() {
            let (section, late) = self.code_section_until(doc, &sections, i, deadline);
            if let (true, Some(budget)) = (late, self.budget) {
                result.events.clear();
                result.over_budget = Some(OverBudget {
                    budget,
                    sections_done: i,
                    sections: sections.len(),
                });
                break;
            }
            result.sentences += section.sentences;
            result.events.extend(section.events);
        }
        result.long_sentences = sections.long_sentences;
        result
    }

    /// The second pass over a prepared section whose first sentence is sentence
    /// `section_start` of the document; with `trace`, what each sentence considered.
    fn code_prepared(
        &self,
        doc: &Document,
        prepared: &PreparedDocument,
        section_start: usize,
        mut trace: Option<&mut Vec<SentenceTrace>>,
        deadline: Option<std::time::Instant>,
        late: &mut bool,
    ) -> Vec<EventRecord> {
        let mut events = Vec::new();
        for (index, (sentence, prep)) in prepared
            .sentences
            .iter()
            .zip(&prepared.prepared)
            .enumerate()
        {
            if deadline.is_some_and(|d| std::time::Instant::now() > d) {
                *late = true;
                break;
            }
            let mut sentence_trace = trace.as_ref().map(|_| SentenceTrace {
                index: section_start + index,
                text: sentence.text.clone(),
                discarded: prep.is_none(),
                ..SentenceTrace::default()
            });
            let Some(PreparedSentence {
                tokens,
                words,
                mentions,
            }) = prep
            else {
                if let (Some(t), Some(st)) = (trace.as_mut(), sentence_trace) {
                    t.push(st);
                }
                continue;
            };
            let syntax = self.analyzer.map(|(a, parse)| a.analyze(tokens, parse));
            let input = SentenceInput {
                doc,
                index,
                section_start,
                sentence,
                tokens,
                words,
                mentions,
                syntax: syntax.as_deref(),
                context: &prepared.context,
            };
            let mut coded = self.coder.code_sentence(&input);
            document_stages(&mut coded, &input, &self.dates, self.rules);
            let mut rows = Vec::new();
            for ev in coded.events {
                let rec = records::build(&input, &ev, self.dicts, self.rules);
                if let Some(st) = sentence_trace.as_mut() {
                    st.candidates.push(Candidate {
                        cameo: ev.cameo.clone(),
                        event: self
                            .dicts
                            .ontology
                            .lookup(&ev.cameo)
                            .and_then(|i| i.event.clone()),
                        kept: rec.is_some(),
                    });
                }
                rows.extend(rec.map(|r| (ev, r)));
            }
            // The scorer sees the sentence's rows together (how crowded it is counts).
            let n = rows.len();
            for (ev, mut rec) in rows {
                let features = scorer::features(&input, &ev, &rec, n);
                if self.scorer.is_trained() {
                    rec.confidence = records::rounded(self.scorer.probability(&features) as f32);
                }
                if rec.confidence < self.min_confidence {
                    if let Some(st) = sentence_trace.as_mut() {
                        st.below_threshold.push(rec);
                    }
                    continue;
                }
                if let Some(st) = sentence_trace.as_mut() {
                    st.features.push(features);
                }
                events.push(rec);
            }
            if let (Some(t), Some(mut st)) = (trace.as_mut(), sentence_trace) {
                let idx = dyad_model::CharIndex::new(&sentence.text);
                st.mentions = mentions
                    .iter()
                    .map(|m| {
                        let a = records::actor_ref(m, words, &sentence.text, &idx);
                        (a.text, a.code)
                    })
                    .collect();
                t.push(st);
            }
        }
        events
    }

    /// Codes `doc` as [`Pipeline::code_document`] does and also returns what every sentence
    /// considered (mentions, candidates before record building), for error attribution.
    pub fn trace_document(&self, doc: &Document) -> (Vec<EventRecord>, Vec<SentenceTrace>) {
        let sections = self.sections(doc);
        let mut events = Vec::new();
        let mut trace = Vec::new();
        for range in &sections.bounds {
            let spans = sections.spans.get(range.clone()).unwrap_or_default();
            let prepared = self.prepare_spans(doc, spans);
            events.extend(self.code_prepared(
                doc,
                &prepared,
                range.start,
                Some(&mut trace),
                None,
                &mut false,
            ));
        }
        (events, trace)
    }
}

/// Rows the scorer gives a lower probability of being right are dropped (`--min-confidence`
/// changes it, 0 keeps every row; `dyad eval` prints precision and recall at several
/// thresholds). Chosen on held-out folds of the training half (`dyad train scorer`): at 0.05
/// precision rises from 0.24 to 0.30 for a loss of recall of 0.004 (0.405 to 0.401); higher
/// thresholds trade recall for precision (0.1: 0.39 / 0.38), which a user who wants fewer,
/// surer rows asks for with `--min-confidence`.
pub const MIN_CONFIDENCE: f32 = 0.05;

/// Documents are coded in sections of about this many bytes of text, each with a context of
/// its own (conflicts, surnames, quotes, place evidence), so that the memory and the
/// document-level work of one document stay bounded however long it is. News stories are
/// far shorter; only concatenated collections, books and transcripts are cut.
pub const SECTION_BYTES: usize = 256 * 1024;

/// A document's sentences in sections ([`Pipeline::sections`]).
#[derive(Debug, Clone, Default)]
pub struct Sections {
    /// Byte spans of every sentence in the document text.
    spans: Vec<(usize, usize)>,
    /// Sentence index ranges, one per section.
    bounds: Vec<std::ops::Range<usize>>,
    /// The sentences that were cut into pieces to stay within [`SentenceCap`].
    pub long_sentences: Vec<LongSentence>,
}

impl Sections {
    pub fn len(&self) -> usize {
        self.bounds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }
}

/// What coding considered in one sentence ([`Pipeline::trace_document`]).
#[derive(Debug, Clone, Default)]
pub struct SentenceTrace {
    /// The sentence's index in the document.
    pub index: usize,
    /// Its text.
    pub text: String,
    /// The discard list dropped the sentence (sports, entertainment).
    pub discarded: bool,
    /// The actor mentions found, as (text, code).
    pub mentions: Vec<(String, String)>,
    /// Every event the coder proposed, before record building.
    pub candidates: Vec<Candidate>,
    /// The scorer's features of each row the sentence gave, in output order.
    pub features: Vec<Vec<String>>,
    /// The rows dropped because their confidence was below the threshold.
    pub below_threshold: Vec<EventRecord>,
}

/// An event the coder proposed.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub cameo: String,
    /// Its PLOVER type, if the CAMEO code has one.
    pub event: Option<String>,
    /// Whether it became a record (not dropped for lacking a PLOVER type or a recipient).
    pub kept: bool,
}

/// What coding one section produced.
#[derive(Debug, Default)]
pub struct SectionResult {
    pub sentences: usize,
    pub events: Vec<EventRecord>,
}

impl PreparedDocument {
    /// The sentence holding document bytes `start..end`, and its first pass.
    fn sentence_at(&self, start: usize, end: usize) -> Option<(&Sentence, &PreparedSentence)> {
        self.sentences
            .iter()
            .zip(&self.prepared)
            .find(|(s, _)| s.start <= start && end <= s.end)
            .and_then(|(s, p)| Some((s, p.as_ref()?)))
    }

    /// Words of `p` overlapping document bytes `start..end` (as word indices).
    fn words_at(
        s: &Sentence,
        p: &PreparedSentence,
        start: usize,
        end: usize,
    ) -> (WordIdx, WordIdx) {
        let (start, end) = (start - s.start, end - s.start);
        let first = p.words.iter().position(|w| w.end > start);
        let last = p.words.iter().rposition(|w| w.start < end);
        match (first, last) {
            (Some(f), Some(l)) if f <= l => (WordIdx::new(f), WordIdx::new(l + 1)),
            _ => (WordIdx::new(0), WordIdx::new(0)),
        }
    }

    /// The actor mention that overlaps document bytes `start..end` most, as an actor
    /// ([`Mention::as_actor`]: a capital stands for its government), for `dyad actors explain`
    /// and the resolution tests.
    pub fn actor_at(&self, start: usize, end: usize) -> Option<Mention> {
        let (s, p) = self.sentence_at(start, end)?;
        let (f, l) = Self::words_at(s, p, start, end);
        p.mentions
            .iter()
            .filter(|m| m.start < l && f < m.end)
            .max_by_key(|m| (m.end.min(l) - m.start.max(f), usize::MAX - m.start.get()))
            .map(Mention::as_actor)
    }

    /// The place named at document bytes `start..end`, resolved in the document's context.
    pub fn place_at(&self, start: usize, end: usize) -> Option<dyad_geo::Place> {
        let (s, p) = self.sentence_at(start, end)?;
        let (f, l) = Self::words_at(s, p, start, end);
        locating::place_at(&s.text, &p.words, &p.mentions, f, l, &self.context)
    }
}

/// One sentence after the first pass.
pub struct PreparedSentence {
    pub tokens: Vec<Token>,
    pub words: Vec<Word>,
    /// Resolved for the whole document ([`ActorResolver`]).
    pub mentions: Vec<Mention>,
}

/// A document after the first pass ([`Pipeline::prepare`]).
pub struct PreparedDocument {
    pub sentences: Vec<Sentence>,
    /// Per sentence; `None` for sentences the discard list drops.
    pub prepared: Vec<Option<PreparedSentence>>,
    pub context: DocContext,
    /// The sentences that were cut into pieces to stay within [`SentenceCap`].
    pub long_sentences: Vec<LongSentence>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}
