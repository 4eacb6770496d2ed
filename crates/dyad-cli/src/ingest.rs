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
use dyad_store::{Admission, RunId, RunInfo, Store};
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
    /// Keep reading: ingest the document files (.jsonl .txt .html and feeds) that appear in
    /// (or change under) this folder, checking every `--every`, until Ctrl-C.
    #[arg(long, value_name = "FOLDER", conflicts_with = "paths")]
    pub watch: Option<PathBuf>,
    /// How often `--watch` looks at the folder (e.g. 10s, 5m).
    #[arg(long, default_value = "10s", value_parser = crate::watch::parse_every, requires = "watch")]
    pub every: std::time::Duration,
}

/// Documents are coded in batches of this many, in parallel, and stored in input order.
const BATCH: usize = 64;

/// What an ingest did, beyond the coding summary.
#[derive(Default)]
pub(crate) struct Counts {
    pub(crate) stored: usize,
    pub(crate) versions: usize,
    pub(crate) copies: usize,
    pub(crate) already: usize,
}

pub fn run(args: IngestArgs) -> Result<ExitCode> {
    if let Some(folder) = &args.watch {
        return crate::watch::folder(&args, folder);
    }
    let mut keeper = Keeper::open(&args.store, &args.coding, args.merge_days)?;
    let progress = Progress::new("ingesting");
    let mut tally = Tally::default();
    keeper.keep(args.input.documents()?, &mut tally, &progress)?;
    keeper.finish(&tally, &progress)?;
    Ok(tally.summary.exit_code())
}

/// What an ingest did: the coding summary and the store's side.
#[derive(Default)]
pub(crate) struct Tally {
    pub(crate) summary: Summary,
    pub(crate) counts: Counts,
}

/// A store open for ingesting, with the pipeline and the run documents are coded in.
pub(crate) struct Keeper {
    pipeline: dyad_code::Pipeline,
    pub(crate) store: Store,
    run: RunId,
    path: PathBuf,
}

impl Keeper {
    /// Opens (or creates) the store at `path` and its current run for these options.
    pub(crate) fn open(
        path: &std::path::Path,
        coding: &crate::runs::CodingArgs,
        merge_days: i64,
    ) -> Result<Keeper> {
        let pipeline = coding.pipeline()?;
        let mut store = Store::open(path)?.with_merge_rule(dyad_store::MergeRule {
            days: merge_days.max(0),
        });
        let run = store.current_run(&RunInfo::for_ingest(
            coding.min_confidence,
            merge_days,
            coding.dict_path(),
        ))?;
        Ok(Keeper {
            pipeline,
            store,
            run,
            path: path.to_path_buf(),
        })
    }

    /// Codes and stores `docs` (errors are reported and counted), in batches, in input order.
    pub(crate) fn keep(
        &mut self,
        docs: impl Iterator<Item = Result<Document, dyad_ingest::IngestError>>,
        tally: &mut Tally,
        progress: &Progress,
    ) -> Result<()> {
        let mut batch: Vec<(Document, String, i64)> = Vec::with_capacity(BATCH);
        for item in docs {
            tally.summary.read += 1;
            let doc = match item {
                Ok(doc) => doc,
                Err(e) => {
                    tally.summary.skipped += 1;
                    progress.println(&format!("error: {e} (skipped; the rest is stored)"));
                    continue;
                }
            };
            tally.summary.bytes += doc.text.len();
            let hash = stable_hash(&[&doc.text]);
            match self.store.admit(&doc.id, &hash)? {
                Admission::AlreadyStored => tally.counts.already += 1,
                Admission::Store { version } => {
                    // a second version of an id within one batch waits for the first to be stored
                    if batch.iter().any(|(d, _, _)| d.id == doc.id) {
                        self.flush(&mut batch, tally, progress)?;
                        let Admission::Store { version } = self.store.admit(&doc.id, &hash)? else {
                            tally.counts.already += 1;
                            continue;
                        };
                        batch.push((doc, hash, version));
                    } else {
                        batch.push((doc, hash, version));
                    }
                    if batch.len() == BATCH {
                        self.flush(&mut batch, tally, progress)?;
                    }
                }
            }
        }
        self.flush(&mut batch, tally, progress)
    }

    fn flush(
        &mut self,
        batch: &mut Vec<(Document, String, i64)>,
        tally: &mut Tally,
        progress: &Progress,
    ) -> Result<()> {
        let pipeline = &self.pipeline;
        let results: Vec<_> = batch
            .par_iter()
            .map(|(d, _, _)| pipeline.code_document(d))
            .collect();
        for ((doc, hash, version), r) in batch.iter().zip(results) {
            if let Some(over) = r.over_budget {
                tally.summary.skipped += 1;
                progress.println(&format!(
                    "error: {}: document \"{}\": {over}",
                    doc.origin, doc.id
                ));
                continue;
            }
            let stored = self
                .store
                .store_document(self.run, doc, hash, *version, &r.events)
                .with_context(|| format!("storing document \"{}\" ({})", doc.id, doc.origin))?;
            tally.counts.copies += usize::from(stored.copy_of.is_some());
            tally.summary.coded += 1;
            tally.summary.sentences += r.sentences;
            tally.summary.events += r.events.len();
            tally.counts.stored += 1;
            tally.counts.versions += usize::from(*version > 1);
        }
        progress.advance(batch.len() as u64, &tally.summary);
        batch.clear();
        Ok(())
    }

    /// Ends the run (a watch's, whose log said what was done).
    pub(crate) fn close(&mut self) -> Result<()> {
        Ok(self.store.finish_run(self.run)?)
    }

    /// Ends the run and prints what was done and what the store holds.
    pub(crate) fn finish(&mut self, tally: &Tally, progress: &Progress) -> Result<()> {
        self.store.finish_run(self.run)?;
        progress.finish();
        let outside = self.store.documents_outside(self.run)?;
        if outside > 0 {
            eprintln!(
                "note: {outside} documents stored earlier were coded by another dyad or other options than run {}; `dyad recode --store {}` codes them all in one run",
                self.run.0,
                self.path.display()
            );
        }
        let held = self.store.counts()?;
        let (summary, counts) = (&tally.summary, &tally.counts);
        eprintln!(
            "{}: {} documents read: {} stored ({} new versions of stored ids, {} copies of stored articles), {} already stored, {} unreadable; {} event mentions; the store holds {} documents ({} articles), {} runs, {} event mentions, {} merged events ({:.1} s)",
            self.path.display(),
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
        Ok(())
    }
}
