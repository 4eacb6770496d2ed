//! `dyad code`: documents in, one JSON event per line out.

use crate::progress::{Progress, Summary};
use anyhow::{Context, Result};
use dyad_code::Pipeline;
use dyad_ingest::{Document, IngestError};
use dyad_model::EventRecord;
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: crate::InputArgs,
    /// Write events to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Only events asserted as having happened: drop negated, future, hypothetical and
    /// reported ones (events inside someone else's claim or quote).
    #[arg(long)]
    pub asserted_only: bool,
    #[command(flatten)]
    pub dict: crate::DictArgs,
}

/// Documents are coded in batches of this many, in parallel, and written in input order.
const BATCH: usize = 64;

/// Codes a stream of documents, handing each batch's events (in input order) to `sink` and
/// reporting every unreadable document on standard error.
pub fn code_stream(
    docs: impl Iterator<Item = Result<Document, IngestError>>,
    pipeline: &Pipeline,
    progress: &Progress,
    mut sink: impl FnMut(&[EventRecord]) -> Result<()>,
) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>, summary: &mut Summary| -> Result<()> {
        let results: Vec<_> = batch
            .par_iter()
            .map(|d| pipeline.code_document(d))
            .collect();
        for r in &results {
            summary.coded += 1;
            summary.sentences += r.sentences;
            summary.events += r.events.len();
            sink(&r.events)?;
        }
        progress.advance(batch.len() as u64, summary);
        batch.clear();
        Ok(())
    };
    for item in docs {
        summary.read += 1;
        match item {
            Ok(doc) => {
                if doc.date.is_none() {
                    summary.undated += 1;
                    progress.println(&undated_warning(&doc));
                }
                summary.bytes += doc.text.len();
                batch.push(doc);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut summary)?;
                }
            }
            Err(e) => {
                summary.skipped += 1;
                progress.println(&format!("error: {e} (skipped)"));
            }
        }
    }
    flush(&mut batch, &mut summary)?;
    Ok(summary)
}

/// The warning for a document without a publication date: its events are still written, but
/// with date null, which the user should hear about once per document rather than discover.
fn undated_warning(doc: &Document) -> String {
    format!(
        "warning: {}: document {} has no publication date (no date field, dateline year, page \
         metadata or date in the file name; pass --date YYYY-MM-DD); its events have date null",
        doc.origin, doc.id
    )
}

pub fn configure_threads(threads: Option<usize>) {
    if let Some(n) = threads {
        // Fails only if a pool was already built, in which case that pool is used.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
}

pub fn run(args: CodeArgs) -> Result<ExitCode> {
    configure_threads(args.threads);
    args.dict.install()?;
    let pipeline = Pipeline::new();
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let progress = Progress::new("coding");
    let summary = code_stream(args.input.documents(), &pipeline, &progress, |events| {
        for e in events {
            if args.asserted_only && (e.negated || e.modality != "asserted") {
                continue;
            }
            serde_json::to_writer(&mut out, e)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })?;
    out.flush().context("writing events")?;
    progress.finish();
    eprintln!("{}", summary.render(progress.elapsed()));
    Ok(summary.exit_code())
}
