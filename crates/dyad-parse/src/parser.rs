//! Greedy decoding, evaluation and the model file of the dependency parser.

use crate::features::{extract, Sentence};
use crate::perceptron::Weights;
use crate::system::{State, Transition};
use dyad_syntax::model_io::{unwrap_body, wrap, ByteReader, ByteWriter, ModelError};
use dyad_syntax::{ConllSentence, Upos, Xpos};

pub use crate::train::TrainOptions;

const MAGIC: &[u8; 8] = b"DYADPRS\0";
const VERSION: u32 = 2;
/// Number of XPOS ids the XPOS → UPOS table covers.
const XPOS_COUNT: usize = 52;

/// A trained parser.
pub struct ParserModel {
    pub(crate) labels: Vec<String>,
    /// Feature template groups ([`crate::features`] flags) the weights were trained with.
    pub(crate) flags: u32,
    /// Most frequent UPOS id of each XPOS id in training, for [`ParserModel::parse`].
    pub(crate) upos_of_xpos: Vec<u8>,
    /// Sorted word ids of the vocabulary (empty: no unknown-word mapping).
    pub(crate) vocab: Vec<u32>,
    pub(crate) weights: Weights,
}

/// One parsed word: head (0 = root) and relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arc<'a> {
    pub head: usize,
    pub deprel: &'a str,
}

pub(crate) fn classes(labels: usize) -> usize {
    1 + 2 * labels
}

/// Most frequent UPOS of every XPOS in `sentences` (gold tags).
pub(crate) fn upos_table(sentences: &[ConllSentence]) -> Vec<u8> {
    let mut counts = vec![[0u32; 17]; XPOS_COUNT];
    for w in sentences.iter().flat_map(|s| &s.words) {
        let x = Xpos::from_name(&w.xpos).id() as usize;
        let u = Upos::from_name(&w.upos).id() as usize;
        if let Some(c) = counts.get_mut(x).and_then(|row| row.get_mut(u)) {
            *c += 1;
        }
    }
    counts
        .iter()
        .map(|row| (0..17).max_by_key(|&u| (row[u], u == 16)).unwrap_or(16) as u8)
        .collect()
}

impl ParserModel {
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn feature_count(&self) -> usize {
        self.weights.feature_count()
    }

    /// Parses one sentence given its word forms and XPOS tags; the UPOS the features also
    /// use is guessed from the XPOS. Prefer [`ParserModel::parse_tagged`] with the tagger's
    /// UPOS, which is more accurate (AUX vs VERB, DET vs PRON).
    pub fn parse(&self, forms: &[&str], xpos: &[Xpos]) -> Vec<Arc<'_>> {
        let tags: Vec<(u8, u8)> = xpos
            .iter()
            .map(|x| {
                (
                    self.upos_of_xpos
                        .get(x.id() as usize)
                        .copied()
                        .unwrap_or(16),
                    x.id(),
                )
            })
            .collect();
        self.parse_ids(forms, &tags)
    }

    /// Parses one sentence given its word forms and `(UPOS, XPOS)` tags (as from
    /// `TaggerModel::tag_pos`).
    pub fn parse_tagged(&self, forms: &[&str], tags: &[(Upos, Xpos)]) -> Vec<Arc<'_>> {
        let tags: Vec<(u8, u8)> = tags.iter().map(|(u, x)| (u.id(), x.id())).collect();
        self.parse_ids(forms, &tags)
    }

    fn parse_ids(&self, forms: &[&str], tags: &[(u8, u8)]) -> Vec<Arc<'_>> {
        let n = forms.len().min(tags.len());
        let sent = Sentence::new(&forms[..n], &tags[..n], &self.vocab);
        let mut state = State::new(n);
        let mut feats = Vec::with_capacity(160);
        let mut scores = vec![0i32; classes(self.labels.len())];
        let mut found = Vec::with_capacity(160);
        while !state.is_terminal() {
            extract(&sent, &state, self.flags, &mut feats);
            self.weights.scores(&feats, &mut found, &mut scores);
            let (shift_ok, left_ok, right_ok) = state.valid_kinds();
            let mut best: Option<(usize, i32)> = None;
            for (c, &s) in scores.iter().enumerate() {
                let ok = match c {
                    0 => shift_ok,
                    c if c % 2 == 1 => left_ok,
                    _ => right_ok,
                };
                if ok && best.is_none_or(|(_, b)| s > b) {
                    best = Some((c, s));
                }
            }
            match best {
                Some((c, _)) => state.apply(Transition::from_class(c)),
                None => break,
            }
        }
        let root = state.root();
        (1..=forms.len())
            .map(|d| {
                let h = state.heads.get(d).copied().unwrap_or(0);
                let label = state.labels.get(d).copied().unwrap_or(0);
                Arc {
                    head: if h == root || h == 0 { 0 } else { h as usize },
                    deprel: self
                        .labels
                        .get(label as usize)
                        .map(String::as_str)
                        .unwrap_or("dep"),
                }
            })
            .collect()
    }

    /// A smaller model: weights whose absolute value is below `below` (in the units of
    /// [`TrainOptions::prune_below`]) are dropped.
    pub fn pruned(&self, below: f32) -> ParserModel {
        ParserModel {
            labels: self.labels.clone(),
            flags: self.flags,
            upos_of_xpos: self.upos_of_xpos.clone(),
            vocab: self.vocab.clone(),
            weights: self.weights.pruned(below),
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.varint(self.labels.len() as u64);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.flags);
        w.varint(self.upos_of_xpos.len() as u64);
        for &u in &self.upos_of_xpos {
            w.u8(u);
        }
        w.varint(self.vocab.len() as u64);
        let mut prev = 0u32;
        for &v in &self.vocab {
            w.varint((v - prev) as u64);
            prev = v;
        }
        self.weights.write(&mut w);
        wrap(MAGIC, VERSION, &w.buf)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<ParserModel, ModelError> {
        let body = unwrap_body(MAGIC, VERSION, bytes)?;
        let mut r = ByteReader::new(body);
        let n = r.count(1)?;
        if n == 0 || n > 127 {
            return Err(ModelError::Invalid(format!("{n} labels")));
        }
        let labels = (0..n)
            .map(|_| r.str().map(str::to_string))
            .collect::<Result<Vec<_>, _>>()?;
        let flags = r.u32()?;
        let k = r.count(1)?;
        let upos_of_xpos = (0..k).map(|_| r.u8()).collect::<Result<Vec<_>, _>>()?;
        if k != XPOS_COUNT || upos_of_xpos.iter().any(|&u| u >= 17) {
            return Err(ModelError::Invalid("bad XPOS to UPOS table".into()));
        }
        let k = r.count(1)?;
        let mut vocab = Vec::with_capacity(k);
        let mut prev = 0u64;
        for _ in 0..k {
            let v = prev + r.varint()?;
            if v > u32::MAX as u64 || (v == prev && !vocab.is_empty()) {
                return Err(ModelError::Invalid("vocabulary out of order".into()));
            }
            vocab.push(v as u32);
            prev = v;
        }
        let weights = Weights::read(&mut r, classes(n))?;
        if !r.is_at_end() {
            return Err(ModelError::Invalid("trailing bytes".into()));
        }
        Ok(ParserModel {
            labels,
            flags,
            upos_of_xpos,
            vocab,
            weights,
        })
    }
}

/// Attachment scores, punctuation included (CoNLL 2018).
#[derive(Debug, Default, Clone, Copy)]
pub struct ParseScores {
    pub words: usize,
    pub heads: usize,
    /// Head and universal relation (subtypes ignored, as in CoNLL 2018 LAS).
    pub labelled: usize,
    /// Head and full relation including subtypes (`nsubj:pass`).
    pub labelled_full: usize,
}

impl ParseScores {
    pub fn uas(&self) -> f64 {
        self.heads as f64 / self.words.max(1) as f64
    }
    pub fn las(&self) -> f64 {
        self.labelled as f64 / self.words.max(1) as f64
    }
    pub fn las_full(&self) -> f64 {
        self.labelled_full as f64 / self.words.max(1) as f64
    }

    fn add(&mut self, gold: &ConllSentence, arcs: &[Arc<'_>]) {
        for (w, arc) in gold.words.iter().zip(arcs) {
            self.words += 1;
            if w.head == arc.head {
                self.heads += 1;
                self.labelled += (universal(&w.deprel) == universal(arc.deprel)) as usize;
                self.labelled_full += (w.deprel == arc.deprel) as usize;
            }
        }
    }
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Parses `gold`'s sentences with the XPOS tags `tags_of` gives (UPOS guessed from XPOS,
/// see [`ParserModel::parse`]) and scores the result.
pub fn evaluate(
    model: &ParserModel,
    gold: &[ConllSentence],
    tags_of: impl Fn(&ConllSentence) -> Vec<String>,
) -> ParseScores {
    let mut s = ParseScores::default();
    for sent in gold {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        let tags: Vec<Xpos> = tags_of(sent).iter().map(|t| Xpos::from_name(t)).collect();
        s.add(sent, &model.parse(&forms, &tags));
    }
    s
}

/// Parses `gold`'s sentences with the `(UPOS, XPOS)` tags `tags_of` gives (e.g. the
/// tagger's, or the gold ones with [`gold_tags`]) and scores the result.
pub fn evaluate_tagged(
    model: &ParserModel,
    gold: &[ConllSentence],
    mut tags_of: impl FnMut(&ConllSentence) -> Vec<(Upos, Xpos)>,
) -> ParseScores {
    let mut s = ParseScores::default();
    for sent in gold {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        s.add(sent, &model.parse_tagged(&forms, &tags_of(sent)));
    }
    s
}

/// The gold `(UPOS, XPOS)` tags of a sentence.
pub fn gold_tags(s: &ConllSentence) -> Vec<(Upos, Xpos)> {
    s.words
        .iter()
        .map(|w| (Upos::from_name(&w.upos), Xpos::from_name(&w.xpos)))
        .collect()
}
