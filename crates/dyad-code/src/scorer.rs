//! The learned scorer: the probability that an event row is right at type, source and target.
//!
//! Every row the coder builds gets features ([`features`]: the rule family and entry that
//! proposed it, the CAMEO root and PLOVER type, what its sides are and how far from the
//! trigger, modality, quotes, how crowded the sentence is, the coder's own prior) and a
//! logistic regression over them ([`Scorer`]) turns them into a probability, the record's
//! `confidence`. The weights are trained by dyad's own code (`dyad train scorer`, from gold
//! sets whose licence allows shipping the result), deterministic, and embedded as a small
//! TSV (`data/models/scorer.tsv`: `bias` and `feature<TAB>weight` lines). Without weights (an
//! empty file) rows keep the coder's prior confidence.

use crate::{CodedEvent, Mention, SentenceInput};
use dyad_dict::words::WordIdx;
use dyad_model::EventRecord;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The embedded weights.
pub const SCORER_MODEL: &str = include_str!("../../../data/models/scorer.tsv");

/// A logistic regression over named binary features.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scorer {
    pub bias: f64,
    pub weights: HashMap<String, f64>,
}

impl Scorer {
    /// The embedded scorer (empty if its file does not parse, which a test rules out).
    pub fn embedded() -> &'static Scorer {
        static SCORER: OnceLock<Scorer> = OnceLock::new();
        SCORER.get_or_init(|| Scorer::parse(SCORER_MODEL).unwrap_or_default())
    }

    /// Whether the scorer has been trained (otherwise rows keep the coder's prior).
    pub fn is_trained(&self) -> bool {
        !self.weights.is_empty()
    }

    /// Reads `bias<TAB>w` and `feature<TAB>w` lines (`#` comments); errors name the line.
    pub fn parse(text: &str) -> Result<Scorer, String> {
        let mut scorer = Scorer::default();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, weight) = line
                .rsplit_once('\t')
                .ok_or_else(|| format!("scorer.tsv:{}: expected FEATURE<TAB>WEIGHT", i + 1))?;
            let weight: f64 = weight
                .trim()
                .parse()
                .map_err(|e| format!("scorer.tsv:{}: {e}", i + 1))?;
            if name == "bias" {
                scorer.bias = weight;
            } else {
                scorer.weights.insert(name.to_string(), weight);
            }
        }
        Ok(scorer)
    }

    /// The TSV form, features sorted (stable diffs), weights to 4 decimals.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out += &format!("# {line}\n");
        }
        out += &format!("bias\t{:.4}\n", self.bias);
        let sorted: BTreeMap<&String, &f64> = self.weights.iter().collect();
        for (name, w) in sorted {
            if w.abs() >= 5e-5 {
                out += &format!("{name}\t{w:.4}\n");
            }
        }
        out
    }

    /// The probability that a row with `features` is right.
    pub fn probability(&self, features: &[String]) -> f64 {
        let z = self.bias
            + features
                .iter()
                .filter_map(|f| self.weights.get(f))
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// Fits weights to `examples` (features, right?) by L2-regularized logistic regression:
    /// full-batch gradient descent from zero for a fixed number of rounds, so the same
    /// examples always give the same weights.
    pub fn train(examples: &[(Vec<String>, bool)], l2: f64, rounds: usize) -> Scorer {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        for (fs, _) in examples {
            for f in fs {
                let next = index.len();
                index.entry(f.as_str()).or_insert(next);
            }
        }
        let rows: Vec<(Vec<usize>, f64)> = examples
            .iter()
            .map(|(fs, y)| {
                let mut ids: Vec<usize> = fs
                    .iter()
                    .filter_map(|f| index.get(f.as_str()).copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                (ids, if *y { 1.0 } else { 0.0 })
            })
            .collect();
        let n = rows.len().max(1) as f64;
        let mut w = vec![0.0f64; index.len()];
        let mut b = 0.0f64;
        let rate = 0.5;
        for _ in 0..rounds {
            let mut gw = vec![0.0f64; w.len()];
            let mut gb = 0.0;
            for (ids, y) in &rows {
                let z = b + ids.iter().filter_map(|&i| w.get(i)).sum::<f64>();
                let err = 1.0 / (1.0 + (-z).exp()) - y;
                gb += err;
                for &i in ids {
                    if let Some(g) = gw.get_mut(i) {
                        *g += err;
                    }
                }
            }
            b -= rate * gb / n;
            for (wi, gi) in w.iter_mut().zip(&gw) {
                *wi -= rate * (gi / n + l2 * *wi / n);
            }
        }
        Scorer {
            bias: b,
            weights: index
                .into_iter()
                .filter_map(|(f, i)| Some((f.to_string(), *w.get(i)?)))
                .collect(),
        }
    }
}

/// Buckets for counts and distances, so that few examples generalize.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2..=3 => "2-3",
        4..=7 => "4-7",
        _ => "8+",
    }
}

/// What kind of actor a side is: a country alone, a country's sector, an IGO, a sector
/// without a country, a person.
fn side_kind(side: &[Mention]) -> String {
    let Some(m) = side.first() else {
        return "none".to_string();
    };
    let kind = if m.code.starts_with("IGO") {
        "igo"
    } else if m.person.is_some() {
        "person"
    } else if m.country.is_none() {
        "no-country"
    } else if m.sector.is_some() {
        "country-sector"
    } else {
        "country"
    };
    let many = if side.len() > 1 { "+compound" } else { "" };
    format!("{kind}{many}")
}

/// Words between the trigger and the nearest word of a side (0 when they touch).
fn distance(input: &SentenceInput<'_>, ev: &CodedEvent, side: &[Mention]) -> Option<usize> {
    let trigger = input
        .words
        .iter()
        .position(|w| w.start >= ev.trigger.0)
        .map_or(WordIdx::new(0), WordIdx::new);
    side.iter()
        .filter(|m| m.end > m.start)
        .map(|m| {
            if m.end <= trigger {
                trigger - m.end
            } else {
                m.start.get().saturating_sub(trigger.get())
            }
        })
        .min()
}

/// The features of a built row: named strings, one-hot.
pub fn features(
    input: &SentenceInput<'_>,
    ev: &CodedEvent,
    rec: &EventRecord,
    rows_in_sentence: usize,
) -> Vec<String> {
    let family = ev.provenance.family();
    let root = rec.cameo.get(..2).unwrap_or(&rec.cameo);
    let event = rec.plover.event.as_str();
    let src = side_kind(&ev.source);
    let tgt = side_kind(&ev.target);
    let same = match (
        ev.source.first().and_then(|m| m.country.as_deref()),
        ev.target.first().and_then(|m| m.country.as_deref()),
    ) {
        (Some(a), Some(b)) => (a == b).to_string(),
        _ => "na".to_string(),
    };
    let dist = |side: &[Mention]| distance(input, ev, side).map_or("none", bucket);
    vec![
        format!("family={family}"),
        format!("rule={}", ev.provenance),
        format!("cameo={}", rec.cameo),
        format!("root={root}"),
        format!("event={event}"),
        format!("family*event={family}*{event}"),
        format!("source={src}"),
        format!("target={tgt}"),
        format!("event*target={event}*{tgt}"),
        format!("same-country={same}"),
        format!("source-distance={}", dist(&ev.source)),
        format!("target-distance={}", dist(&ev.target)),
        format!("modality={}", rec.modality),
        format!("negated={}", rec.negated),
        format!("quote={}", rec.quote.is_some()),
        format!("dated={}", rec.date_text.is_some()),
        format!("rows={}", bucket(rows_in_sentence)),
        format!("words={}", bucket(input.words.len() / 8)),
        // where in the story: leads report the news, later sentences background and comment
        format!("position={}", bucket(input.section_start + input.index)),
        format!("prior={:.1}", ev.confidence),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(fs: &[&str], y: bool) -> (Vec<String>, bool) {
        (fs.iter().map(|f| f.to_string()).collect(), y)
    }

    #[test]
    fn training_separates_and_roundtrips() {
        let examples = vec![
            ex(&["a", "x"], true),
            ex(&["a", "y"], true),
            ex(&["b", "x"], false),
            ex(&["b", "y"], false),
        ];
        let s = Scorer::train(&examples, 0.1, 300);
        assert!(s.probability(&["a".into()]) > 0.7);
        assert!(s.probability(&["b".into()]) < 0.3);
        let back = Scorer::parse(&s.to_tsv("test")).unwrap_or_default();
        let p = |s: &Scorer| s.probability(&["a".into(), "x".into()]);
        assert!((p(&s) - p(&back)).abs() < 1e-3);
        assert_eq!(Scorer::train(&examples, 0.1, 300), s, "deterministic");
    }

    #[test]
    fn the_embedded_model_parses() {
        assert!(Scorer::parse(SCORER_MODEL).is_ok());
        assert!(Scorer::parse("bias\tx\n").is_err());
    }
}
