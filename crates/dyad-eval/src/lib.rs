//! Evaluation of coded events against gold records (PLOVER GSR format).
//!
//! Scoring, at three levels of strictness: (1) event type; (2) type + source; (3) type +
//! source + target. Actor sides are compared by the country part of their codes (the first
//! three letters: `RUSGOV` -> `RUS`, `IGOEUREEC` -> `IGO`); a compound side matches when any
//! country is shared, and two empty sides match. Within a record each gold event is matched
//! to at most one predicted event (greedily, in order), so precision counts every extra event.

pub mod attribution;
pub mod conll18;
pub mod plv;
pub mod split;

use dyad_model::EventRecord;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, Deserialize)]
pub struct GoldEvent {
    pub event: String,
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
    /// Coders may reasonably differ on it: neither required nor counted against precision.
    #[serde(default)]
    pub optional: bool,
    /// The sentence it is read from, in multi-sentence records (dyad's own annotations).
    #[serde(default)]
    pub sentence: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub date: Option<String>,
    pub events: Vec<GoldEvent>,
}

/// Reads gold records, one JSON object per line; errors name the line.
pub fn read_gold(text: &str, path: &str) -> Result<Vec<GoldRecord>, String> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let rec: GoldRecord =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", i + 1))?;
        out.push(rec);
    }
    Ok(out)
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub predicted: usize,
    pub gold: usize,
    pub matched_predicted: usize,
    pub matched_gold: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.matched_predicted, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched_gold, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Matching strictness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Type,
    TypeSource,
    TypeSourceTarget,
}

pub const LEVELS: [Level; 3] = [Level::Type, Level::TypeSource, Level::TypeSourceTarget];

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Type => "type",
            Level::TypeSource => "type+source",
            Level::TypeSourceTarget => "type+source+target",
        }
    }
}

/// CAMEO sector codes (a federation's own government is SCGGOV, not a member republic).
const SECTORS: &[&str] = &[
    "GOV", "MIL", "CVL", "REB", "OPP", "COP", "LEG", "JUD", "MED", "BUS", "ELI", "REF", "LAB",
    "SPY", "UAF", "EDU", "HLH", "AGR", "ENV", "CRM", "DEV", "HRI", "IGO", "NGO", "PTY", "REL",
    "SEP", "INS", "MNC", "JRN",
];

fn country(code: &str) -> &str {
    // CAMEO codes a member republic of a former federation under the federation's prefix
    // (Serbia 1992-2006 is SCGSRB, before that YUGSRB); gold files use the republic's own code
    if let Some(member) = ["SCG", "YUG", "USR", "SUN", "CSK"]
        .iter()
        .find_map(|f| code.strip_prefix(f))
        .and_then(|rest| rest.get(..3))
        .filter(|r| r.chars().all(|c| c.is_ascii_uppercase()) && !SECTORS.contains(r))
    {
        return member;
    }
    code.get(..3).unwrap_or(code)
}

fn sides_match<'a>(
    gold: impl Iterator<Item = &'a str>,
    pred: impl Iterator<Item = &'a str> + Clone,
) -> bool {
    let gold: Vec<&str> = gold.map(country).collect();
    let pred: Vec<&str> = pred.map(country).collect();
    if gold.is_empty() || pred.is_empty() {
        return gold.is_empty() && pred.is_empty();
    }
    gold.iter().any(|g| pred.contains(g))
}

fn event_matches(level: Level, g: &GoldEvent, p: &EventRecord) -> bool {
    if g.event != p.plover.event {
        return false;
    }
    let src = || {
        sides_match(
            g.source.iter().map(String::as_str),
            p.source.iter().map(|a| a.code.as_str()),
        )
    };
    let tgt = || {
        sides_match(
            g.target.iter().map(String::as_str),
            p.target.iter().map(|a| a.code.as_str()),
        )
    };
    match level {
        Level::Type => true,
        Level::TypeSource => src(),
        Level::TypeSourceTarget => src() && tgt(),
    }
}

/// Scores of one evaluation run.
#[derive(Debug, Default)]
pub struct Report {
    pub records: usize,
    pub levels: Vec<(Level, Counts)>,
    /// Per gold event type: (gold count, matched at type level, matched at type+source+target).
    pub per_type: BTreeMap<String, (usize, usize, usize)>,
    /// Per predicted type: (predicted, matched at type level).
    pub predicted_types: BTreeMap<String, (usize, usize)>,
}

/// Greedy one-to-one matching within a record; returns (matched gold flags, matched predicted
/// flags). Required gold events are matched first; a predicted event that then matches an
/// optional one is flagged too (it is not counted against precision), while optional gold
/// events never count as missed (callers skip them).
fn match_record(level: Level, gold: &[GoldEvent], pred: &[EventRecord]) -> (Vec<bool>, Vec<bool>) {
    let mut g_used = vec![false; gold.len()];
    let mut p_used = vec![false; pred.len()];
    for optional in [false, true] {
        for (g, g_used) in gold
            .iter()
            .zip(g_used.iter_mut())
            .filter(|(g, _)| g.optional == optional)
        {
            if let Some((_, p_used)) = pred
                .iter()
                .zip(p_used.iter_mut())
                .find(|(p, p_used)| !**p_used && event_matches(level, g, p))
            {
                *g_used = true;
                *p_used = true;
            }
        }
    }
    (g_used, p_used)
}

/// Counts of one record at one level: optional gold events count nowhere, and predicted
/// events matched to them are left out of the predicted count.
fn count_record(level: Level, gold: &[GoldEvent], pred: &[EventRecord]) -> Counts {
    let (g, p) = match_record(level, gold, pred);
    let (_, p_required) = match_record(level, &required(gold), pred);
    let on_optional = p
        .iter()
        .zip(&p_required)
        .filter(|(any, req)| **any && !**req)
        .count();
    Counts {
        gold: gold.iter().filter(|e| !e.optional).count(),
        predicted: pred.len() - on_optional,
        matched_gold: gold
            .iter()
            .zip(&g)
            .filter(|(e, m)| !e.optional && **m)
            .count(),
        matched_predicted: p_required.iter().filter(|x| **x).count(),
    }
}

/// The required gold events of a record.
fn required(gold: &[GoldEvent]) -> Vec<GoldEvent> {
    gold.iter().filter(|e| !e.optional).cloned().collect()
}

/// The gold events of a record that no predicted event matches at type+source+target (with
/// the scorer's one-to-one matching).
pub fn missed(gold: &[GoldEvent], pred: &[EventRecord]) -> Vec<usize> {
    let (matched, _) = match_record(Level::TypeSourceTarget, gold, pred);
    gold.iter()
        .zip(&matched)
        .enumerate()
        .filter(|(_, (g, &matched))| !matched && !g.optional)
        .map(|(i, _)| i)
        .collect()
}

/// The predicted events of a record that match no gold event at type+source+target (nor an
/// optional one): the extra rows precision counts against the coder.
pub fn extra(gold: &[GoldEvent], pred: &[EventRecord]) -> Vec<usize> {
    let (_, matched) = match_record(Level::TypeSourceTarget, gold, pred);
    // one flag per predicted event
    matched
        .iter()
        .enumerate()
        .filter(|(_, &matched)| !matched)
        .map(|(i, _)| i)
        .collect()
}

/// Whether each predicted event of a record is right at type+source+target: `Some(true)`
/// matched to a required gold event, `Some(false)` matched to none, `None` matched only to an
/// optional one (no label either way).
pub fn labels(gold: &[GoldEvent], pred: &[EventRecord]) -> Vec<Option<bool>> {
    let (_, any) = match_record(Level::TypeSourceTarget, gold, pred);
    let (_, required) = match_record(Level::TypeSourceTarget, &required(gold), pred);
    any.iter()
        .zip(&required)
        .map(|(a, r)| match (a, r) {
            (_, true) => Some(true),
            (true, false) => None,
            (false, false) => Some(false),
        })
        .collect()
}

/// The number of required gold events of a record.
pub fn required_count(gold: &[GoldEvent]) -> usize {
    gold.iter().filter(|e| !e.optional).count()
}

/// A gold side given by actor codes, compared by country as the scorer does.
pub struct CodeSide<'a>(pub &'a [String]);

impl attribution::GoldSide for CodeSide<'_> {
    fn matches(&self, side: &[(String, String)]) -> bool {
        sides_match(
            self.0.iter().map(String::as_str),
            side.iter().map(|(_, c)| c.as_str()),
        )
    }

    /// An empty gold side counts as present: a predicted actor there is a role error.
    fn among(&self, mentions: &[(String, String)]) -> bool {
        self.0.is_empty()
            || mentions
                .iter()
                .any(|(_, c)| self.0.iter().any(|g| country(g) == country(c)))
    }
}

/// A gold event as a predicted event, to score one annotation against another.
pub fn as_predicted(e: &GoldEvent) -> EventRecord {
    let actors = |codes: &[String]| {
        codes
            .iter()
            .map(|c| dyad_model::ActorRef {
                code: c.clone(),
                ..Default::default()
            })
            .collect()
    };
    EventRecord {
        source: actors(&e.source),
        target: actors(&e.target),
        plover: dyad_model::Plover {
            event: e.event.clone(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Evaluates the predictions for each record (same order as `gold`).
pub fn evaluate(gold: &[GoldRecord], predictions: &[Vec<EventRecord>]) -> Report {
    let mut report = Report {
        records: gold.len(),
        ..Default::default()
    };
    for level in LEVELS {
        let mut c = Counts::default();
        for (rec, pred) in gold.iter().zip(predictions) {
            let r = count_record(level, &rec.events, pred);
            c.gold += r.gold;
            c.predicted += r.predicted;
            c.matched_gold += r.matched_gold;
            c.matched_predicted += r.matched_predicted;
        }
        report.levels.push((level, c));
    }
    for (rec, pred) in gold.iter().zip(predictions) {
        let (g1, p1) = match_record(Level::Type, &rec.events, pred);
        let (g3, _) = match_record(Level::TypeSourceTarget, &rec.events, pred);
        for ((g, &m1), &m3) in rec.events.iter().zip(&g1).zip(&g3) {
            if g.optional {
                continue;
            }
            let e = report.per_type.entry(g.event.clone()).or_default();
            e.0 += 1;
            e.1 += m1 as usize;
            e.2 += m3 as usize;
        }
        for (p, &m1) in pred.iter().zip(&p1) {
            let e = report
                .predicted_types
                .entry(p.plover.event.clone())
                .or_default();
            e.0 += 1;
            e.1 += m1 as usize;
        }
    }
    report
}

impl Report {
    /// The tables `dyad eval plover` prints.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "records: {}", self.records);
        let _ = writeln!(
            s,
            "{:<20} {:>9} {:>9} {:>9} {:>6} {:>6}",
            "level", "precision", "recall", "F1", "pred", "gold"
        );
        for (level, c) in &self.levels {
            let _ = writeln!(
                s,
                "{:<20} {:>9.3} {:>9.3} {:>9.3} {:>6} {:>6}",
                level.name(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.predicted,
                c.gold
            );
        }
        let _ = writeln!(s, "\nper event type (gold):");
        let _ = writeln!(
            s,
            "{:<10} {:>5} {:>12} {:>20} {:>6} {:>10}",
            "type", "gold", "type recall", "type+src+tgt recall", "pred", "precision"
        );
        let mut types: Vec<&String> = self
            .per_type
            .keys()
            .chain(self.predicted_types.keys())
            .collect();
        types.sort();
        types.dedup();
        for t in types {
            let (n, m1, m3) = self.per_type.get(t).copied().unwrap_or_default();
            let (np, mp) = self.predicted_types.get(t).copied().unwrap_or_default();
            let _ = writeln!(
                s,
                "{:<10} {:>5} {:>12.3} {:>20.3} {:>6} {:>10.3}",
                t,
                n,
                ratio(m1, n),
                ratio(m3, n),
                np,
                ratio(mp, np)
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_model::{ActorRef, Plover, Trigger};

    fn actor(code: &str) -> ActorRef {
        ActorRef {
            text: String::new(),
            code: code.into(),
            country: None,
            sector: None,
            span: [0, 0],
            backer: None,
        }
    }

    fn pred(event: &str, src: &[&str], tgt: &[&str]) -> EventRecord {
        EventRecord {
            event_id: String::new(),
            doc_id: String::new(),
            sentence_index: 0,
            sentence: String::new(),
            date: None,
            date_precision: None,
            date_text: None,
            source: src.iter().map(|c| actor(c)).collect(),
            target: tgt.iter().map(|c| actor(c)).collect(),
            plover: Plover {
                event: event.into(),
                mode: None,
                context: vec![],
            },
            cameo: String::new(),
            quad_class: 0,
            goldstein: 0.0,
            negated: false,
            modality: "asserted".into(),
            quote: None,
            location: None,
            trigger: Trigger {
                text: String::new(),
                span: [0, 0],
            },
            rule: String::new(),
            confidence: 0.0,
        }
    }

    fn gold(event: &str, src: &[&str], tgt: &[&str]) -> GoldRecord {
        GoldRecord {
            id: "g".into(),
            text: String::new(),
            date: None,
            events: vec![GoldEvent {
                event: event.into(),
                mode: String::new(),
                source: src.iter().map(|s| s.to_string()).collect(),
                target: tgt.iter().map(|s| s.to_string()).collect(),
                optional: false,
                sentence: None,
            }],
        }
    }

    #[test]
    fn optional_gold_events_count_neither_for_nor_against() {
        let mut g = gold("AID", &["USA"], &["UKR"]);
        let mut optional = g.events[0].clone();
        optional.event = "CONSULT".into();
        optional.optional = true;
        g.events.push(optional);
        let both = vec![
            pred("AID", &["USA"], &["UKR"]),
            pred("CONSULT", &["USA"], &["UKR"]),
        ];
        let only_required = vec![pred("AID", &["USA"], &["UKR"])];
        for p in [both, only_required] {
            let r = evaluate(std::slice::from_ref(&g), std::slice::from_ref(&p));
            for (_, c) in &r.levels {
                assert_eq!(
                    (c.gold, c.predicted, c.matched_gold, c.matched_predicted),
                    (1, 1, 1, 1)
                );
            }
            assert!(missed(&g.events, &p).is_empty());
        }
    }

    #[test]
    fn levels_compare_by_country_part() {
        let g = vec![gold("AID", &["IGO", "USA"], &["UKRMIL"])];
        let p = vec![vec![
            pred("AID", &["IGOEUREEC"], &["UKR"]),
            pred("REQUEST", &["USA"], &[]),
        ]];
        let r = evaluate(&g, &p);
        for (_, c) in &r.levels {
            assert_eq!(
                (c.gold, c.predicted, c.matched_gold, c.matched_predicted),
                (1, 2, 1, 1)
            );
        }
        assert_eq!(r.per_type["AID"], (1, 1, 1));
    }

    #[test]
    fn wrong_target_fails_only_the_strictest_level() {
        let g = vec![gold("ASSAULT", &["ISR"], &["PSE"])];
        let p = vec![vec![pred("ASSAULT", &["ISRMIL"], &["LBN"])]];
        let r = evaluate(&g, &p);
        let m: Vec<usize> = r.levels.iter().map(|(_, c)| c.matched_gold).collect();
        assert_eq!(m, vec![1, 1, 0]);
        assert!((r.levels[0].1.f1() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn empty_sides_match_only_empty() {
        let g = vec![gold("AGREE", &["JOR"], &[])];
        let r = evaluate(&g, &[vec![pred("AGREE", &["JOR"], &["GBR"])]]);
        assert_eq!(r.levels[2].1.matched_gold, 0);
        let r = evaluate(&g, &[vec![pred("AGREE", &["JOR"], &[])]]);
        assert_eq!(r.levels[2].1.matched_gold, 1);
    }

    #[test]
    fn gold_errors_name_the_line() {
        let e = read_gold(
            "{\"id\":\"a\",\"text\":\"x\",\"events\":[]}\n{broken\n",
            "gold.jsonl",
        )
        .unwrap_err();
        assert!(e.starts_with("gold.jsonl:2:"), "{e}");
    }
}
