//! Greedy and beam decoding, evaluation and the model file of the dependency parser.

use crate::features::{extract, Sentence};
use crate::perceptron::Weights;
use crate::system::{State, Transition};
use dyad_syntax::model_io::{unwrap_body, wrap, ByteReader, ByteWriter, ModelError};
use dyad_syntax::{ConllSentence, Upos, Xpos};

pub use crate::train::TrainOptions;

const MAGIC: &[u8; 8] = b"DYADPRS\0";
const VERSION: u32 = 3;
/// Largest beam width a model file may ask for.
pub const MAX_BEAM: usize = 64;
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
    /// Beam width used at decoding (1: greedy).
    pub(crate) beam: usize,
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
        .map(|row| {
            row.iter()
                .enumerate()
                .max_by_key(|&(u, &count)| (count, u == 16))
                .map_or(16, |(u, _)| u) as u8
        })
        .collect()
}

impl ParserModel {
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    pub fn feature_count(&self) -> usize {
        self.weights.feature_count()
    }

    /// Beam width used at decoding (1: greedy), as trained ([`TrainOptions::beam`]).
    pub fn beam(&self) -> usize {
        self.beam
    }

    /// The same model decoding with beam width `beam` (at least 1, at most 64; 1 is
    /// greedy). A model trained globally with a beam is best decoded with that beam.
    pub fn with_beam(mut self, beam: usize) -> ParserModel {
        self.beam = beam.clamp(1, MAX_BEAM);
        self
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
        // `Sentence::new` zips `forms` with `tags`: it takes the first n of each
        let sent = Sentence::new(forms, tags, &self.vocab);
        let state = if self.beam > 1 {
            self.decode_beam(&sent, n)
        } else {
            self.decode_greedy(&sent, n)
        };
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

    fn decode_greedy(&self, sent: &Sentence, n: usize) -> State {
        let mut state = State::new(n);
        let mut feats = Vec::with_capacity(160);
        let mut scores = vec![0i32; classes(self.labels.len())];
        let mut found = Vec::with_capacity(160);
        while !state.is_terminal() {
            extract(sent, &state, self.flags, &mut feats);
            self.weights.scores(&feats, &mut found, &mut scores);
            let kinds = state.valid_kinds();
            let mut best: Option<(usize, i32)> = None;
            for (c, &s) in scores.iter().enumerate() {
                if State::class_ok(kinds, c) && best.is_none_or(|(_, b)| s > b) {
                    best = Some((c, s));
                }
            }
            match best {
                Some((c, _)) => state.apply(Transition::from_class(c)),
                None => break,
            }
        }
        state
    }

    /// Beam search: every step scores each of the (at most) `beam` states once, keeps the
    /// `beam` best extensions (sum of transition scores) and copies their parents into a
    /// second pool of states (`clone_from`, no allocation after the first steps). Every
    /// arc-hybrid parse of n words takes 2n transitions, so all items finish together.
    fn decode_beam(&self, sent: &Sentence, n: usize) -> State {
        let k = self.beam;
        let mut cur: Vec<State> = Vec::with_capacity(k);
        cur.push(State::new(n));
        let mut cur_scores: Vec<i64> = vec![0];
        let mut next: Vec<State> = Vec::with_capacity(k);
        let mut cands: Vec<Cand> = Vec::with_capacity(k + 1);
        let mut feats = Vec::with_capacity(160);
        let mut scores = vec![0i32; classes(self.labels.len())];
        let mut found = Vec::with_capacity(160);
        // `cur` is never empty (it starts with one state and is replaced by a non-empty
        // `next`), and `cur_scores` has one score per state of `cur`
        while cur.first().is_some_and(|st| !st.is_terminal()) {
            cands.clear();
            for (i, (st, &base)) in cur.iter().zip(&cur_scores).enumerate() {
                extract(sent, st, self.flags, &mut feats);
                self.weights.scores(&feats, &mut found, &mut scores);
                let kinds = st.valid_kinds();
                for (c, &s) in scores.iter().enumerate() {
                    if State::class_ok(kinds, c) {
                        push_cand(
                            &mut cands,
                            k,
                            Cand {
                                score: base + s as i64,
                                parent: i as u32,
                                class: c as u32,
                            },
                        );
                    }
                }
            }
            if cands.is_empty() {
                break;
            }
            // every candidate's parent is an index of `cur`
            for (j, c) in cands.iter().enumerate() {
                let Some(parent) = cur.get(c.parent as usize) else {
                    continue;
                };
                let t = Transition::from_class(c.class as usize);
                if let Some(st) = next.get_mut(j) {
                    st.clone_from(parent);
                    st.apply(t);
                } else {
                    let mut st = parent.clone();
                    st.apply(t);
                    next.push(st);
                }
            }
            next.truncate(cands.len());
            std::mem::swap(&mut cur, &mut next);
            cur_scores.clear();
            cur_scores.extend(cands.iter().map(|c| c.score));
        }
        cur.into_iter().next().unwrap_or_else(|| State::new(n))
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
            beam: self.beam,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = ByteWriter::new();
        w.varint(self.labels.len() as u64);
        for l in &self.labels {
            w.str(l);
        }
        w.u32(self.flags);
        w.varint(self.beam as u64);
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

    /// Reads a model file (version 3; version 2 files, which predate beam search, decode
    /// greedily).
    pub fn from_bytes(bytes: &[u8]) -> Result<ParserModel, ModelError> {
        let (body, version) = match unwrap_body(MAGIC, VERSION, bytes) {
            Err(ModelError::UnsupportedVersion(2)) => (unwrap_body(MAGIC, 2, bytes)?, 2),
            other => (other?, VERSION),
        };
        let mut r = ByteReader::new(body);
        let n = r.count(1)?;
        if n == 0 || n > 127 {
            return Err(ModelError::Invalid(format!("{n} labels")));
        }
        let labels = (0..n)
            .map(|_| r.str().map(str::to_string))
            .collect::<Result<Vec<_>, _>>()?;
        let flags = r.u32()?;
        let beam = if version >= 3 { r.varint()? } else { 1 };
        if beam == 0 || beam > MAX_BEAM as u64 {
            return Err(ModelError::Invalid(format!("beam width {beam}")));
        }
        let beam = beam as usize;
        let k = r.count(1)?;
        let upos_of_xpos = (0..k).map(|_| r.u8()).collect::<Result<Vec<_>, _>>()?;
        if k != XPOS_COUNT || upos_of_xpos.iter().any(|&u| u >= 17) {
            return Err(ModelError::Invalid("bad XPOS to UPOS table".into()));
        }
        let k = r.count(1)?;
        let mut vocab = Vec::with_capacity(k);
        let mut prev = 0u64;
        for _ in 0..k {
            let v = prev.saturating_add(r.varint()?);
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
            beam,
        })
    }
}

/// A beam candidate: parent item, transition class and total score.
#[derive(Clone, Copy)]
pub(crate) struct Cand {
    pub score: i64,
    pub parent: u32,
    pub class: u32,
}

/// Inserts `c` into `cands` (sorted by descending score, at most `k` long); on ties the
/// earlier candidate stays ahead, so decoding is deterministic.
#[inline]
pub(crate) fn push_cand(cands: &mut Vec<Cand>, k: usize, c: Cand) {
    push_ranked(cands, k, c, |c| c.score as f64);
}

/// Keeps the `k` best items of `items` sorted by descending `score`; ties keep arrival order.
#[inline]
pub(crate) fn push_ranked<T>(items: &mut Vec<T>, k: usize, c: T, score: impl Fn(&T) -> f64) {
    let s = score(&c);
    if items.len() == k && items.last().is_none_or(|l| s <= score(l)) {
        return;
    }
    let worse = items.iter().rev().take_while(|l| score(l) < s).count();
    items.insert(items.len() - worse, c);
    items.truncate(k);
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
