//! `dyad train scorer`: fit the row scorer on gold sets, with cross-validated calibration.
//!
//! Examples are the rows dyad codes from gold records (every row, no confidence threshold),
//! labelled right or wrong at type+source+target by the scorer's matching (rows matched only
//! to an optional gold event are left out). Five folds by a hash of the record id give
//! held-out probabilities for the reliability table and the threshold sweep; the committed
//! model is then fitted on all examples.

use crate::eval::code_gold;
use anyhow::{Context, Result};
use dyad_code::scorer::Scorer;
use dyad_code::Pipeline;
use dyad_eval::split::Half;
use std::path::PathBuf;
use std::process::ExitCode;

const FOLDS: u64 = 5;

#[derive(clap::Args)]
pub struct ScorerArgs {
    /// Gold sets (gold format; only sets whose licence allows shipping the model).
    #[arg(long, num_args = 1.., default_values = ["../shared/data/plover/plover-gsr-dev.jsonl", "data/gold/voa-all.jsonl"])]
    gold: Vec<PathBuf>,
    /// The half of each set to train on (`a`); the other is for measurement.
    #[arg(long, default_value = "a")]
    half: String,
    #[arg(long, default_value = "data/models/scorer.tsv")]
    out: PathBuf,
    /// L2 regularization strength (the committed model's; chosen by the held-out
    /// reliability table on half a).
    #[arg(long, default_value_t = 3.0)]
    l2: f64,
    /// Rounds of gradient descent.
    #[arg(long, default_value_t = 400)]
    rounds: usize,
    /// Also write every example (`record<TAB>right<TAB>features...`) to this file, for
    /// looking at where the rows go wrong by rule, verb block or actor kind.
    #[arg(long)]
    dump: Option<PathBuf>,
}

/// One row: its features, whether it is right, its record (for folds).
struct Example {
    features: Vec<String>,
    right: bool,
    record: String,
}

pub fn run(args: ScorerArgs) -> Result<ExitCode> {
    let half = Half::parse(&args.half)
        .with_context(|| format!("--half: expected a or b, not {}", args.half))?;
    let pipeline = Pipeline::new().with_min_confidence(0.0);
    let mut examples = Vec::new();
    let mut gold_events = 0;
    for path in &args.gold {
        let coded = code_gold(path, &pipeline, Some(half))?;
        for ((r, events), features) in coded
            .records
            .iter()
            .zip(&coded.predictions)
            .zip(&coded.features)
        {
            gold_events += dyad_eval::required_count(&r.events);
            for (label, f) in dyad_eval::labels(&r.events, events)
                .into_iter()
                .zip(features)
            {
                if let Some(right) = label {
                    examples.push(Example {
                        features: f.clone(),
                        right,
                        record: format!("{}:{}", path.display(), r.id),
                    });
                }
            }
        }
    }
    let right = examples.iter().filter(|e| e.right).count();
    println!(
        "{} rows ({right} right at type+source+target), {gold_events} required gold events, half {}",
        examples.len(),
        args.half
    );
    if let Some(path) = &args.dump {
        let text: String = examples
            .iter()
            .map(|e| format!("{}\t{}\t{}\n", e.record, e.right, e.features.join("\t")))
            .collect();
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let held_out = cross_validate(&examples, args.l2, args.rounds);
    print!("{}", reliability("held-out folds", &held_out));
    print!("{}", sweep(&held_out, gold_events));
    let all: Vec<(Vec<String>, bool)> = examples
        .iter()
        .map(|e| (e.features.clone(), e.right))
        .collect();
    let model = Scorer::train(&all, args.l2, args.rounds);
    let header = format!(
        "dyad row scorer: logistic regression, L2 {}, {} rounds\n\
         trained by `dyad train scorer --half {}` on {} rows of {}\n\
         derived from the PLOVER gold standard (CC BY-SA 4.0) and dyad's own VOA annotations",
        args.l2,
        args.rounds,
        args.half,
        examples.len(),
        args.gold
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    std::fs::write(&args.out, model.to_tsv(&header))
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({} weights); rebuild dyad to embed it",
        args.out.display(),
        model.weights.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// Held-out (probability, right) for every example, folds by a hash of the record.
fn cross_validate(examples: &[Example], l2: f64, rounds: usize) -> Vec<(f64, bool)> {
    let fold = |e: &Example| dyad_ingest::fnv1a64(e.record.as_bytes()) % FOLDS;
    let mut out = Vec::with_capacity(examples.len());
    for k in 0..FOLDS {
        let train: Vec<(Vec<String>, bool)> = examples
            .iter()
            .filter(|e| fold(e) != k)
            .map(|e| (e.features.clone(), e.right))
            .collect();
        let model = Scorer::train(&train, l2, rounds);
        out.extend(
            examples
                .iter()
                .filter(|e| fold(e) == k)
                .map(|e| (model.probability(&e.features), e.right)),
        );
    }
    out
}

/// Predicted confidence band against observed precision (`what` says on which rows).
pub(crate) fn reliability(what: &str, scored: &[(f64, bool)]) -> String {
    let n = scored.len().max(1) as f64;
    let brier = scored
        .iter()
        .map(|(p, y)| (p - if *y { 1.0 } else { 0.0 }).powi(2))
        .sum::<f64>()
        / n;
    let mut s = format!(
        "reliability ({what}; Brier {brier:.3}):\n                   band    rows  mean p  observed\n"
    );
    for b in 0..10 {
        let (lo, hi) = (b as f64 / 10.0, (b + 1) as f64 / 10.0);
        let band: Vec<&(f64, bool)> = scored
            .iter()
            .filter(|(p, _)| *p >= lo && (*p < hi || (b == 9 && *p <= 1.0)))
            .collect();
        if band.is_empty() {
            continue;
        }
        let n = band.len() as f64;
        let mean = band.iter().map(|(p, _)| p).sum::<f64>() / n;
        let right = band.iter().filter(|(_, y)| *y).count() as f64 / n;
        s += &format!(
            "                {lo:.1}-{hi:.1} {:>7} {mean:>7.3} {right:>9.3}\n",
            band.len()
        );
    }
    s
}

/// Precision and recall at type+source+target if rows under each threshold were dropped.
pub(crate) fn sweep(scored: &[(f64, bool)], gold_events: usize) -> String {
    let mut s = String::from("threshold  rows  precision  recall     F1\n");
    for t in [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] {
        let kept: Vec<&(f64, bool)> = scored.iter().filter(|(p, _)| *p >= t).collect();
        let right = kept.iter().filter(|(_, y)| *y).count() as f64;
        let p = right / kept.len().max(1) as f64;
        let r = right / gold_events.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        s += &format!("{t:>9.2} {:>5} {p:>10.3} {r:>7.3} {f:>6.3}\n", kept.len());
    }
    s
}
