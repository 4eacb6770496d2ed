//! `dyad bench code`: throughput of the coding pipeline (documents/s, sentences/s).
//!
//! Documents are read into memory first, so the figures are for segmentation, dictionary
//! matching and coding, not disk I/O. Each measurement runs the corpus `--rounds` times, on one
//! thread and then on all cores.

use anyhow::{bail, Result};
use dyad_code::Pipeline;
use dyad_ingest::{read_paths, IngestOptions};
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct BenchArgs {
    /// What to measure (`code`).
    #[arg(default_value = "code")]
    pub what: String,
    /// Corpus (default: the VOA stories in ../shared).
    #[arg(long, default_value = "../shared/data/voa/voa_stories.jsonl")]
    pub corpus: Vec<PathBuf>,
    /// How many times to code the corpus per measurement.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    if args.what != "code" {
        bail!("unknown benchmark {:?}; try `dyad bench code`", args.what);
    }
    let t = Instant::now();
    let pipeline = Pipeline::new();
    let load_ms = t.elapsed().as_secs_f64() * 1000.0;
    let mut docs = Vec::new();
    for d in read_paths(&args.corpus, &IngestOptions::default()) {
        match d {
            Ok(d) => docs.push(d),
            Err(e) => eprintln!("error: {e} (skipped)"),
        }
    }
    if docs.is_empty() {
        bail!("no documents in {:?}; pass --corpus FILE", args.corpus);
    }
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {} documents, {:.1} KiB; dictionaries loaded in {load_ms:.0} ms",
        docs.len(),
        bytes as f64 / 1024.0
    );
    let rounds = args.rounds.max(1);
    let single = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    for (label, threads) in [("1 thread", Some(&single)), ("all cores", None)] {
        let t = Instant::now();
        let mut sentences = 0;
        let mut events = 0;
        for _ in 0..rounds {
            let run = || {
                docs.par_iter()
                    .map(|d| pipeline.code_document(d))
                    .map(|r| (r.sentences, r.events.len()))
                    .collect::<Vec<_>>()
            };
            let results = match threads {
                Some(pool) => pool.install(run),
                None => run(),
            };
            sentences += results.iter().map(|r| r.0).sum::<usize>();
            events += results.iter().map(|r| r.1).sum::<usize>();
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{label:<10} ({} threads): {:>8.0} documents/s {:>9.0} sentences/s {:>7.2} MiB/s  ({} events/round)",
            threads.map_or(rayon::current_num_threads(), |p| p.current_num_threads()),
            (docs.len() * rounds) as f64 / secs,
            sentences as f64 / secs,
            (bytes * rounds) as f64 / secs / 1048576.0,
            events / rounds
        );
    }
    Ok(ExitCode::SUCCESS)
}
