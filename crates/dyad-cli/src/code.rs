//! `dyad code`: documents in, one JSON event per line out.

use crate::progress::{Progress, Summary};
use anyhow::{Context, Result};
use dyad_code::Pipeline;
use dyad_ingest::{Document, IngestError, UniqueIds};
use dyad_model::EventRecord;
use dyad_text::LongSentence;
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
    /// Drop rows whose confidence (the estimated probability that the row is right at type,
    /// source and target) is below this; default dyad's `MIN_CONFIDENCE`, 0 keeps every row.
    #[arg(long)]
    pub min_confidence: Option<f32>,
    #[command(flatten)]
    pub rules: crate::RuleArgs,
    #[command(flatten)]
    pub dict: crate::DictArgs,
    #[command(flatten)]
    pub budget: crate::BudgetArgs,
}

/// Documents are coded in batches of this many, in parallel, and written in input order.
const BATCH: usize = 64;

/// At most this many long-sentence warnings are printed per document; the rest are counted.
const LONG_WARNINGS: usize = 3;

/// Codes a stream of documents, handing each batch's events (in input order) to `sink` and
/// reporting every unreadable document, repeated id and cut sentence on standard error.
pub fn code_stream(
    docs: impl Iterator<Item = Result<Document, IngestError>>,
    pipeline: &Pipeline,
    progress: &Progress,
    sink: impl FnMut(&[EventRecord]) -> Result<()>,
) -> Result<Summary> {
    let mut run = Run {
        pipeline,
        progress,
        sink,
        summary: Summary::default(),
    };
    let mut ids = UniqueIds::new();
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    for item in docs {
        run.summary.read += 1;
        match item {
            Ok(mut doc) => {
                if let Some(repeat) = ids.admit(&mut doc) {
                    run.summary.repeated_ids += 1;
                    progress.println(&format!("warning: {repeat}"));
                }
                if doc.date.is_none() {
                    run.summary.undated += 1;
                    progress.println(&undated_warning(&doc));
                }
                run.summary.bytes += doc.text.len();
                if doc.text.len() > pipeline.section_bytes() {
                    // Coded alone, section by section, so that its events stream out.
                    run.flush(&mut batch)?;
                    run.code_long(&doc)?;
                    continue;
                }
                batch.push(doc);
                if batch.len() == BATCH {
                    run.flush(&mut batch)?;
                }
            }
            Err(e) => {
                run.summary.skipped += 1;
                progress.println(&format!("error: {e} (skipped)"));
            }
        }
    }
    run.flush(&mut batch)?;
    Ok(run.summary)
}

/// One `code_stream` run: where events go and what has been counted.
struct Run<'a, F> {
    pipeline: &'a Pipeline,
    progress: &'a Progress,
    sink: F,
    summary: Summary,
}

impl<F: FnMut(&[EventRecord]) -> Result<()>> Run<'_, F> {
    /// Codes a batch of documents in parallel and hands on their events in input order.
    fn flush(&mut self, batch: &mut Vec<Document>) -> Result<()> {
        let pipeline = self.pipeline;
        let results: Vec<_> = batch
            .par_iter()
            .map(|d| pipeline.code_document(d))
            .collect();
        for (doc, r) in batch.iter().zip(&results) {
            if let Some(over) = r.over_budget {
                self.summary.skipped += 1;
                self.progress.println(&format!(
                    "error: {}: document \"{}\": {over}",
                    doc.origin, doc.id
                ));
                continue;
            }
            self.summary.coded += 1;
            self.summary.sentences += r.sentences;
            self.summary.events += r.events.len();
            self.warn_long(doc, &r.long_sentences);
            (self.sink)(&r.events)?;
        }
        self.progress.advance(batch.len() as u64, &self.summary);
        batch.clear();
        Ok(())
    }

    /// Codes one long document, its sections in parallel a few at a time, handing on each
    /// section's events as soon as the sections before it are written: memory holds a few
    /// sections, not the document's events.
    fn code_long(&mut self, doc: &Document) -> Result<()> {
        let pipeline = self.pipeline;
        let sections = pipeline.sections(doc);
        self.warn_long(doc, &sections.long_sentences);
        let indices: Vec<usize> = (0..sections.len()).collect();
        let start = std::time::Instant::now();
        for (n, chunk) in indices
            .chunks(rayon::current_num_threads().max(1))
            .enumerate()
        {
            if let Some(budget) = pipeline.budget().filter(|b| start.elapsed() > *b) {
                // what was coded is written already: say where the document was cut
                let done = n * rayon::current_num_threads().max(1);
                self.progress.println(&format!(
                    "error: {}: document \"{}\": coding took longer than the budget of {:.0} s; cut short after {done} of {} sections, whose events were written (a larger --doc-budget codes it all)",
                    doc.origin, doc.id, budget.as_secs_f64(), sections.len()
                ));
                self.summary.skipped += 1;
                return Ok(());
            }
            let results: Vec<_> = chunk
                .par_iter()
                .map(|&i| pipeline.code_section(doc, &sections, i))
                .collect();
            for r in results {
                self.summary.sentences += r.sentences;
                self.summary.events += r.events.len();
                (self.sink)(&r.events)?;
            }
            self.progress.advance(0, &self.summary);
        }
        self.summary.coded += 1;
        self.progress.advance(1, &self.summary);
        Ok(())
    }

    /// One warning line per sentence that had to be cut (the first few of a document).
    fn warn_long(&mut self, doc: &Document, long: &[LongSentence]) {
        self.summary.long_sentences += long.len();
        for l in long.iter().take(LONG_WARNINGS) {
            self.progress.println(&format!(
                "warning: {}: document \"{}\": a sentence of {} tokens ({} bytes) at byte {} of its text was cut into {} pieces before parsing (boundaries used down to {})",
                doc.origin, doc.id, l.tokens, l.end - l.start, l.start, l.pieces, l.worst_cut.as_str()
            ));
        }
        if long.len() > LONG_WARNINGS {
            self.progress.println(&format!(
                "warning: {}: document \"{}\": {} more long sentences were cut",
                doc.origin,
                doc.id,
                long.len() - LONG_WARNINGS
            ));
        }
    }
}

/// The warning for a document without a publication date: its events are still written, but
/// with date null, which the user should hear about once per document rather than discover.
fn undated_warning(doc: &Document) -> String {
    format!(
        "warning: {}: document \"{}\" has no publication date (no date field, dateline year, page \
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
    let mut pipeline = Pipeline::with_rules(dyad_code::Reading::Parse, args.rules.rules())?;
    if let Some(min) = args.min_confidence {
        pipeline = pipeline.with_min_confidence(min);
    }
    let pipeline = pipeline.with_budget(args.budget.budget());
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    // Before the progress display starts: reading from a terminal is announced.
    let documents = args.input.documents()?;
    let progress = Progress::new("coding");
    let summary = code_stream(documents, &pipeline, &progress, |events| {
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
