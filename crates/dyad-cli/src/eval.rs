//! `dyad eval plover GOLD.jsonl`: code the gold records' text and score the events.

use anyhow::{Context, Result};
use clap::Subcommand;
use dyad_code::Pipeline;
use dyad_ingest::{document_from_text, parse_iso_date, Origin};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score coding against PLOVER gold records (`{"text", "date", "events": [...]}` per line).
    Plover {
        gold: PathBuf,
        /// Also print every record with its gold and predicted events.
        #[arg(long)]
        verbose: bool,
    },
}

pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
    let EvalCommand::Plover { gold, verbose } = cmd;
    let text = std::fs::read_to_string(&gold)
        .with_context(|| format!("cannot read {}", gold.display()))?;
    let path = gold.display().to_string();
    let records = dyad_eval::read_gold(&text, &path).map_err(anyhow::Error::msg)?;
    let pipeline = Pipeline::new();
    let predictions: Vec<_> = records
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let date = r.date.as_deref().and_then(parse_iso_date);
            let mut doc = document_from_text(
                &r.text,
                Origin {
                    path: path.clone(),
                    line: Some(i + 1),
                },
                date,
            );
            doc.id = r.id.clone();
            pipeline.code_document(&doc).events
        })
        .collect();
    if verbose {
        for (r, p) in records.iter().zip(&predictions) {
            println!("{} {}", r.id, r.text);
            for g in &r.events {
                println!("  gold {} {:?} -> {:?}", g.event, g.source, g.target);
            }
            for e in p {
                let codes = |a: &[dyad_model::ActorRef]| {
                    a.iter().map(|a| a.code.clone()).collect::<Vec<_>>()
                };
                println!(
                    "  pred {} {:?} -> {:?} [{} {}] {}",
                    e.plover.event,
                    codes(&e.source),
                    codes(&e.target),
                    e.cameo,
                    e.trigger.text,
                    e.rule
                );
            }
        }
    }
    let report = dyad_eval::evaluate(&records, &predictions);
    print!("{}", report.render());
    Ok(ExitCode::SUCCESS)
}
