//! End-to-end scoring of segmentation, tagging and parsing from raw text, after the CoNLL 2018
//! shared task scorer: system and gold words are aligned by their character spans in the
//! text with whitespace removed, so tokenization errors count against every metric.
//!
//! Each metric is an F1 over words: a system word counts for UPOS if it is aligned to a gold
//! word with the same UPOS, for UAS if in addition its head is aligned to the gold head (or
//! both are roots), for LAS if the universal relation matches too.

/// One word on either side. `span` is in the whitespace-free character stream; `head` is an
/// index into the same side's word list (`None` for the root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredWord {
    pub span: (usize, usize),
    pub upos: String,
    pub xpos: String,
    pub lemma: String,
    pub head: Option<usize>,
    pub deprel: String,
}

/// F1 scores of one comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct EndToEnd {
    pub gold_words: usize,
    pub system_words: usize,
    pub tokens: f64,
    pub sentences: f64,
    pub upos: f64,
    pub xpos: f64,
    pub lemma: f64,
    pub uas: f64,
    pub las: f64,
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        return 1.0;
    }
    2.0 * correct as f64 / (gold + system) as f64
}

fn universal(rel: &str) -> &str {
    rel.split(':').next().unwrap_or(rel)
}

/// Scores `system` against `gold`; sentence boundaries are given as spans too.
pub fn score(
    gold: &[ScoredWord],
    system: &[ScoredWord],
    gold_sentences: &[(usize, usize)],
    system_sentences: &[(usize, usize)],
) -> EndToEnd {
    // Align words with identical spans (both lists are in text order).
    let mut align: Vec<Option<usize>> = Vec::with_capacity(system.len());
    let mut g = 0;
    for sw in system {
        while gold.get(g).is_some_and(|gw| gw.span.0 < sw.span.0) {
            g += 1;
        }
        align.push(gold.get(g).filter(|gw| gw.span == sw.span).map(|_| g));
    }
    let (mut tok, mut upos, mut xpos, mut lemma, mut uas, mut las) = (0, 0, 0, 0, 0, 0);
    for (sw, gi) in system.iter().zip(&align) {
        let Some(gw) = gi.and_then(|gi| gold.get(gi)) else {
            continue;
        };
        tok += 1;
        upos += (sw.upos == gw.upos) as usize;
        xpos += (sw.xpos == gw.xpos) as usize;
        lemma += (sw.lemma == gw.lemma) as usize;
        let head_ok = match (sw.head, gw.head) {
            (None, None) => true,
            (Some(sh), Some(gh)) => align.get(sh).copied().flatten() == Some(gh),
            _ => false,
        };
        if head_ok {
            uas += 1;
            las += (universal(&sw.deprel) == universal(&gw.deprel)) as usize;
        }
    }
    let sentences = system_sentences
        .iter()
        .filter(|s| gold_sentences.binary_search(s).is_ok())
        .count();
    let (ng, ns) = (gold.len(), system.len());
    EndToEnd {
        gold_words: ng,
        system_words: ns,
        tokens: f1(tok, ng, ns),
        sentences: f1(sentences, gold_sentences.len(), system_sentences.len()),
        upos: f1(upos, ng, ns),
        xpos: f1(xpos, ng, ns),
        lemma: f1(lemma, ng, ns),
        uas: f1(uas, ng, ns),
        las: f1(las, ng, ns),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(span: (usize, usize), head: Option<usize>, rel: &str) -> ScoredWord {
        ScoredWord {
            span,
            upos: "X".into(),
            xpos: "X".into(),
            lemma: "x".into(),
            head,
            deprel: rel.into(),
        }
    }

    #[test]
    fn identical_analyses_score_one() {
        let gold = vec![w((0, 2), Some(1), "nsubj"), w((2, 5), None, "root")];
        let s = score(&gold, &gold, &[(0, 5)], &[(0, 5)]);
        assert_eq!((s.tokens, s.uas, s.las, s.sentences), (1.0, 1.0, 1.0, 1.0));
    }

    #[test]
    fn a_merged_token_costs_tokens_and_attachments() {
        // gold "do|n't|know", system "don't|know"
        let gold = vec![
            w((0, 2), Some(2), "aux"),
            w((2, 5), Some(2), "advmod"),
            w((5, 9), None, "root"),
        ];
        let system = vec![w((0, 5), Some(1), "aux"), w((5, 9), None, "root")];
        let s = score(&gold, &system, &[(0, 9)], &[(0, 9)]);
        assert!((s.tokens - 2.0 * 1.0 / 5.0).abs() < 1e-9);
        assert!((s.uas - 2.0 * 1.0 / 5.0).abs() < 1e-9);
        assert_eq!(s.sentences, 1.0);
    }

    #[test]
    fn heads_must_align_not_just_match_by_index() {
        let gold = vec![w((0, 1), Some(1), "nsubj"), w((1, 2), None, "root")];
        let system = vec![w((0, 1), Some(1), "nsubj"), w((1, 3), None, "root")];
        let s = score(&gold, &system, &[], &[]);
        assert_eq!(s.uas, 2.0 * 0.0 / 4.0);
    }
}
