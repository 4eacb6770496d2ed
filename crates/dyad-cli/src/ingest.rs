//! `dyad ingest`: documents in, coded and kept in the store (`dyad-store`).
//!
//! A document already stored with the same id and text is skipped; the same id with other text
//! is stored as a new version. Each document is written with its event mentions in one
//! transaction, so an interrupted ingest loses nothing it reported as stored and rerunning the
//! same command resumes where it stopped.

use crate::progress::{Progress, Summary};
use anyhow::{Context, Result};
use dyad_code::records::stable_hash;
use dyad_ingest::Document;
use dyad_store::{Admission, RunInfo, Store};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: crate::InputArgs,
    /// The store file (created if absent).
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    #[command(flatten)]
    pub coding: crate::runs::CodingArgs,
    /// Event mentions of one type with compatible sides and places merge into one event when
    /// their dates are at most this many days apart.
    #[arg(long, default_value_t = 1)]
    pub merge_days: i64,
}

/// Documents are coded in batches of this many, in parallel, and stored in input order.
const BATCH: usize = 64;

/// What an ingest did, beyond the coding summary.
#[derive(Default)]
struct Counts {
    stored: usize,
    versions: usize,
    copies: usize,
    already: usize,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    let pipeline = args.coding.pipeline()?;
    let mut store = Store::open(&args.store)?.with_merge_rule(dyad_store::MergeRule {
        days: args.merge_days.max(0),
    });
    let run = store.current_run(&RunInfo::for_ingest(
        args.coding.min_confidence,
        args.merge_days,
        args.coding.dict_path(),
    ))?;
    let progress = Progress::new("ingesting");
    let mut summary = Summary::default();
    let mut counts = Counts::default();
    let mut batch: Vec<(Document, String, i64)> = Vec::with_capacity(BATCH);
    let flush = |batch: &mut Vec<(Document, String, i64)>,
                 summary: &mut Summary,
                 counts: &mut Counts,
                 store: &mut Store|
     -> Result<()> {
        let results: Vec<_> = batch
            .par_iter()
            .map(|(d, _, _)| pipeline.code_document(d))
            .collect();
        for ((doc, hash, version), r) in batch.iter().zip(results) {
            let stored = store
                .store_document(run, doc, hash, *version, &r.events)
                .with_context(|| format!("storing document \"{}\" ({})", doc.id, doc.origin))?;
            counts.copies += usize::from(stored.copy_of.is_some());
            summary.coded += 1;
            summary.sentences += r.sentences;
            summary.events += r.events.len();
            counts.stored += 1;
            counts.versions += usize::from(*version > 1);
        }
        progress.advance(batch.len() as u64, summary);
        batch.clear();
        Ok(())
    };
    for item in args.input.documents() {
        summary.read += 1;
        let doc = match item {
            Ok(doc) => doc,
            Err(e) => {
                summary.skipped += 1;
                progress.println(&format!("error: {e} (skipped; the rest is stored)"));
                continue;
            }
        };
        summary.bytes += doc.text.len();
        let hash = stable_hash(&[&doc.text]);
        match store.admit(&doc.id, &hash)? {
            Admission::AlreadyStored => counts.already += 1,
            Admission::Store { version } => {
                // a second version of an id within one batch waits for the first to be stored
                if batch.iter().any(|(d, _, _)| d.id == doc.id) {
                    flush(&mut batch, &mut summary, &mut counts, &mut store)?;
                    let Admission::Store { version } = store.admit(&doc.id, &hash)? else {
                        counts.already += 1;
                        continue;
                    };
                    batch.push((doc, hash, version));
                } else {
                    batch.push((doc, hash, version));
                }
                if batch.len() == BATCH {
                    flush(&mut batch, &mut summary, &mut counts, &mut store)?;
                }
            }
        }
    }
    flush(&mut batch, &mut summary, &mut counts, &mut store)?;
    store.finish_run(run)?;
    progress.finish();
    let outside = store.documents_outside(run)?;
    if outside > 0 {
        eprintln!(
            "note: {outside} documents stored earlier were coded by another dyad or other options than run {}; `dyad recode --store {}` codes them all in one run",
            run.0,
            args.store.display()
        );
    }
    let held = store.counts()?;
    eprintln!(
        "{}: {} documents read: {} stored ({} new versions of stored ids, {} copies of stored articles), {} already stored, {} unreadable; {} event mentions; the store holds {} documents ({} articles), {} runs, {} event mentions, {} merged events ({:.1} s)",
        args.store.display(),
        summary.read,
        counts.stored,
        counts.versions,
        counts.copies,
        counts.already,
        summary.skipped,
        summary.events,
        held.documents,
        held.articles,
        held.runs,
        held.mentions,
        held.events,
        progress.elapsed().as_secs_f64()
    );
    Ok(summary.exit_code())
}
