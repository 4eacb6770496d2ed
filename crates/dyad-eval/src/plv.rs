//! ZSP's PLV set: one row per (sentence, source span, target span, PLOVER root), not
//! exhaustive, so recall is the figure (as `../shared/tools/score_plv.py` scores it).
//!
//! Each distinct sentence is coded alone. Spans are compared by content words (lower case,
//! punctuation and a few stop words dropped): two spans overlap when they share one. dyad's
//! CONCEDE and RETREAT count as the set's YIELD.

use crate::split::normalize;
use dyad_model::EventRecord;
use std::collections::{BTreeMap, HashSet};

/// One gold row.
#[derive(Debug, Clone)]
pub struct PlvRow {
    /// 1-based line in the file, for messages.
    pub line: usize,
    pub sentence: String,
    pub source: String,
    pub target: String,
    /// A PLOVER root; `YIELD` stands for CONCEDE or RETREAT.
    pub root: String,
}

/// Reads the TSV (header with `gold_root`, `source`, `target`, `sentence`); errors name the line.
pub fn read_plv(text: &str, path: &str) -> Result<Vec<PlvRow>, String> {
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, h)| h.split('\t').collect())
        .ok_or_else(|| format!("{path}: empty file"))?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("{path}:1: no `{name}` column in the header"))
    };
    let (root, source, target, sentence) = (
        col("gold_root")?,
        col("source")?,
        col("target")?,
        col("sentence")?,
    );
    let mut rows = Vec::new();
    for (i, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let get = |c: usize| {
            f.get(c)
                .map(|s| s.to_string())
                .ok_or_else(|| format!("{path}:{}: expected {} columns", i + 1, header.len()))
        };
        rows.push(PlvRow {
            line: i + 1,
            sentence: get(sentence)?,
            source: get(source)?,
            target: get(target)?,
            root: get(root)?,
        });
    }
    Ok(rows)
}

const STOP: &[&str] = &[
    "the", "a", "an", "of", "and", "in", "on", "at", "to", "for", "by", "with", "from", "its",
    "their", "his", "her", "s",
];

/// The content words of a span.
pub fn content_words(text: &str) -> HashSet<String> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

/// Whether two spans share a content word.
pub fn overlaps(a: &str, b: &HashSet<String>) -> bool {
    content_words(a).iter().any(|w| b.contains(w))
}

/// A gold side given by a span, compared by shared content words as the scorer does.
pub struct SpanSide<'a>(pub &'a str);

impl crate::attribution::GoldSide for SpanSide<'_> {
    fn matches(&self, side: &[(String, String)]) -> bool {
        let gold = content_words(self.0);
        side.iter().any(|(text, _)| overlaps(text, &gold))
    }

    fn among(&self, mentions: &[(String, String)]) -> bool {
        self.matches(mentions)
    }
}

/// A predicted event as the PLV scoring sees it: its root and its sides' content words.
#[derive(Debug, Clone)]
pub struct PlvEvent {
    pub root: String,
    pub source: HashSet<String>,
    pub target: HashSet<String>,
}

impl PlvEvent {
    pub fn from_record(e: &EventRecord) -> PlvEvent {
        let side = |actors: &[dyad_model::ActorRef]| {
            actors.iter().flat_map(|a| content_words(&a.text)).collect()
        };
        PlvEvent {
            root: plv_root(&e.plover.event).to_string(),
            source: side(&e.source),
            target: side(&e.target),
        }
    }
}

/// dyad's PLOVER type as a PLV root.
pub fn plv_root(event: &str) -> &str {
    match event {
        "CONCEDE" | "RETREAT" => "YIELD",
        other => other,
    }
}

/// What one row found.
#[derive(Debug, Clone, Copy, Default)]
pub struct RowHit {
    pub type_hit: bool,
    pub src: bool,
    pub triple: bool,
    pub pair_found: bool,
    pub pair_typed: bool,
}

/// Scores one row against the events of its sentence.
pub fn score_row(row: &PlvRow, events: &[PlvEvent]) -> RowHit {
    let (gs, gt) = (content_words(&row.source), content_words(&row.target));
    let shares = |a: &HashSet<String>, b: &HashSet<String>| a.iter().any(|w| b.contains(w));
    let of_type = |e: &&PlvEvent| e.root == row.root;
    let pair: Vec<&PlvEvent> = events
        .iter()
        .filter(|e| shares(&e.source, &gs) && shares(&e.target, &gt))
        .collect();
    RowHit {
        type_hit: events.iter().any(|e| e.root == row.root),
        src: events
            .iter()
            .filter(of_type)
            .any(|e| shares(&e.source, &gs)),
        triple: pair.iter().any(of_type),
        pair_found: !pair.is_empty(),
        pair_typed: pair.iter().any(of_type),
    }
}

/// The figures `score_plv.py` prints.
#[derive(Debug, Clone, Default)]
pub struct PlvReport {
    pub rows: usize,
    pub sentences: usize,
    pub events: usize,
    pub type_r: f64,
    pub src_r: f64,
    pub triple_r: f64,
    pub pair_found: f64,
    pub type_acc_given_pair: f64,
    /// Per root: (rows, type hits, triple hits).
    pub per_root: BTreeMap<String, (usize, usize, usize)>,
}

impl PlvReport {
    pub fn new(rows: &[PlvRow], hits: &[RowHit], sentences: usize, events: usize) -> PlvReport {
        let n = rows.len().max(1) as f64;
        let count = |f: fn(&RowHit) -> bool| hits.iter().filter(|h| f(h)).count();
        let pairs = count(|h| h.pair_found);
        let mut per_root: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
        for (r, h) in rows.iter().zip(hits) {
            let e = per_root.entry(r.root.clone()).or_default();
            e.0 += 1;
            e.1 += h.type_hit as usize;
            e.2 += h.triple as usize;
        }
        PlvReport {
            rows: rows.len(),
            sentences,
            events,
            type_r: count(|h| h.type_hit) as f64 / n,
            src_r: count(|h| h.src) as f64 / n,
            triple_r: count(|h| h.triple) as f64 / n,
            pair_found: pairs as f64 / n,
            type_acc_given_pair: count(|h| h.pair_typed) as f64 / pairs.max(1) as f64,
            per_root,
        }
    }

    pub fn render(&self) -> String {
        let mut s = format!(
            "rows={} sentences={} system_events={}\n",
            self.rows, self.sentences, self.events
        );
        for (root, (n, t, tr)) in &self.per_root {
            let n1 = (*n).max(1) as f64;
            s += &format!(
                "  {root:10} n={n:4} type_r={:.3} triple_r={:.3}\n",
                *t as f64 / n1,
                *tr as f64 / n1
            );
        }
        s += &format!(
            "type_r={:.3} src_r={:.3} triple_r={:.3} pair_found={:.3} type_acc_given_pair={:.3}\n",
            self.type_r, self.src_r, self.triple_r, self.pair_found, self.type_acc_given_pair
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(root: &str, source: &str, target: &str) -> PlvEvent {
        PlvEvent {
            root: root.into(),
            source: content_words(source),
            target: content_words(target),
        }
    }

    #[test]
    fn rows_are_scored_by_shared_content_words() {
        let row = PlvRow {
            line: 2,
            sentence: "s".into(),
            source: "Iran's Foreign Minister".into(),
            target: "the U.S. court".into(),
            root: "ACCUSE".into(),
        };
        let hit = score_row(
            &row,
            &[ev("ACCUSE", "Iranian Foreign Minister Zarif", "court")],
        );
        assert!(hit.type_hit && hit.src && hit.triple && hit.pair_typed);
        let hit = score_row(&row, &[ev("REJECT", "Foreign Minister", "a U.S. court")]);
        assert!(!hit.type_hit && hit.pair_found && !hit.pair_typed);
        // stop words alone never overlap
        assert!(!overlaps("the", &content_words("the court")));
    }

    #[test]
    fn reads_the_columns_by_name() {
        let tsv = "row\tgold_root\tsource\ttarget\tsentence\n0\tYIELD\tA\tB\tA yielded to B.\n";
        let rows = read_plv(tsv, "f.tsv").unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].root.as_str(), rows[0].line), ("YIELD", 2));
        assert!(read_plv("row\tx\n", "f.tsv").is_err());
    }
}
