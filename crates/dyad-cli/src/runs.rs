//! `dyad recode`: every stored document coded again as a new run; `dyad runs`: the runs of a
//! store with their counts.

use crate::progress::{Progress, Summary};
use anyhow::{Context, Result};
use dyad_code::Pipeline;
use dyad_store::{RunInfo, Store};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// How stored documents are coded: shared by `dyad ingest` and `dyad recode`.
#[derive(clap::Args)]
pub struct CodingArgs {
    /// Worker threads for coding (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Drop rows whose confidence is below this; default dyad's `MIN_CONFIDENCE`, 0 keeps every row.
    #[arg(long)]
    pub min_confidence: Option<f32>,
    #[command(flatten)]
    pub dict: crate::DictArgs,
    #[command(flatten)]
    pub budget: crate::BudgetArgs,
}

impl CodingArgs {
    /// Sets the threads, installs the user dictionary and builds the pipeline.
    pub fn pipeline(&self) -> Result<Pipeline> {
        crate::code::configure_threads(self.threads);
        self.dict.install()?;
        let mut pipeline = Pipeline::new();
        if let Some(min) = self.min_confidence {
            pipeline = pipeline.with_min_confidence(min);
        }
        Ok(pipeline.with_budget(self.budget.budget()))
    }

    /// The user dictionary's path, for the run's options.
    pub fn dict_path(&self) -> Option<String> {
        self.dict.dict.as_ref().map(|p| p.display().to_string())
    }
}

#[derive(clap::Args)]
pub struct RecodeArgs {
    /// The store file.
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    #[command(flatten)]
    pub coding: CodingArgs,
}

#[derive(clap::Args)]
pub struct RunsArgs {
    /// The store file.
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    /// Also check the store's integrity (SQLite's checks and dyad's invariants); exit 1 on a
    /// problem.
    #[arg(long)]
    pub check: bool,
}

/// Documents are coded in batches of this many, in parallel.
const BATCH: usize = 64;

/// Opens an existing store (a missing file is an error here, not a new store).
pub(crate) fn open_existing(path: &std::path::Path) -> Result<Store> {
    if !path.exists() {
        anyhow::bail!(
            "{}: no such store; create one with `dyad ingest FILES --store {}`",
            path.display(),
            path.display()
        );
    }
    Ok(Store::open(path)?)
}

pub fn recode(args: RecodeArgs) -> Result<ExitCode> {
    let pipeline = args.coding.pipeline()?;
    let mut store = open_existing(&args.store)?;
    let run = store.begin_run(&RunInfo {
        dyad_version: env!("CARGO_PKG_VERSION").to_string(),
        options: serde_json::json!({
            "recode": true,
            "min_confidence": args.coding.min_confidence,
            "dict": args.coding.dict_path(),
        }),
    })?;
    let progress = Progress::new("re-coding");
    let mut summary = Summary::default();
    for keys in store.document_keys()?.chunks(BATCH) {
        let docs = keys
            .iter()
            .map(|k| store.document(*k).map(|d| (*k, d)))
            .collect::<Result<Vec<_>, _>>()?;
        let results: Vec<_> = docs
            .par_iter()
            .map(|(_, d)| pipeline.code_document(d))
            .collect();
        for ((key, doc), r) in docs.iter().zip(results) {
            summary.read += 1;
            if let Some(over) = r.over_budget {
                summary.skipped += 1;
                progress.println(&format!("error: document \"{}\": {over}", doc.id));
                continue;
            }
            store
                .store_mentions(run, *key, &r.events)
                .with_context(|| format!("storing the events of document \"{}\"", doc.id))?;
            summary.coded += 1;
            summary.sentences += r.sentences;
            summary.events += r.events.len();
        }
        progress.advance(keys.len() as u64, &summary);
    }
    store.finish_run(run)?;
    progress.finish();
    eprintln!(
        "{}: run {} coded {} stored documents again: {} sentences, {} event mentions ({:.1} s)",
        args.store.display(),
        run.0,
        summary.coded,
        summary.sentences,
        summary.events,
        progress.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn runs(args: RunsArgs) -> Result<ExitCode> {
    let store = open_existing(&args.store)?;
    if args.check {
        let problems = store.check()?;
        for p in &problems {
            eprintln!("problem: {}: {p}", args.store.display());
        }
        if !problems.is_empty() {
            return Ok(ExitCode::from(1));
        }
        eprintln!("{}: integrity check passed", args.store.display());
    }
    println!("run\tdyad\tstarted\tfinished\tdocuments\tmentions\toptions");
    for r in store.runs()? {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.id.0,
            r.dyad_version,
            r.started_at,
            r.finished_at.as_deref().unwrap_or("(unfinished)"),
            r.documents,
            r.mentions,
            r.options
        );
    }
    Ok(ExitCode::SUCCESS)
}
