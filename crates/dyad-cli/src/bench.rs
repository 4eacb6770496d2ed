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
    /// What to measure: `code` (the whole pipeline), `parse` (tagging + parsing), `store`
    /// (ingest against code, store size, query latencies) or `http` (the API's latencies and
    /// throughput under load from a second process).
    #[arg(default_value = "code")]
    pub what: String,
    /// Corpus (default: the VOA stories in ../shared).
    #[arg(long, default_value = "../shared/data/voa/voa_stories.jsonl")]
    pub corpus: Vec<PathBuf>,
    /// For `parse`: also measure on this CoNLL-U file's gold tokenization.
    #[arg(long, default_value = "../shared/data/ud-ewt/en_ewt-ud-test.conllu")]
    pub conllu: PathBuf,
    /// How many times to code the corpus per measurement.
    #[arg(long, default_value_t = 5)]
    pub rounds: usize,
    /// For `store`: the synthetic event mentions the query timings are taken on.
    #[arg(long, default_value_t = 1_000_000)]
    pub mentions: usize,
    /// For `http`: the store to serve; filled with `--mentions` synthetic event mentions if it
    /// does not exist, reused if it holds that many (default: a temporary store).
    #[arg(long)]
    pub store: Option<PathBuf>,
    /// For `http`: requests per query for the latencies.
    #[arg(long, default_value_t = 100)]
    pub requests: usize,
    /// For `http`: how long the load runs.
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    /// For `http`: the load's concurrent connections.
    #[arg(long, default_value_t = 8)]
    pub connections: usize,
    /// For `store`: keep the synthetic store at this path (to inspect query plans with
    /// `sqlite3`) instead of a temporary file removed at the end.
    #[arg(long)]
    pub keep_store: Option<PathBuf>,
}

pub fn run(args: BenchArgs) -> Result<ExitCode> {
    match args.what.as_str() {
        "code" => {}
        "parse" => return bench_parse(&args),
        "store" => return crate::bench_store::run(&args),
        "http" => return crate::bench_http::run(&args),
        other => bail!(
            "unknown benchmark {other:?}; try `dyad bench code`, `dyad bench parse`, `dyad bench store` or `dyad bench http`"
        ),
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
    let mut single_secs = 0.0;
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
        if threads.is_some() {
            single_secs = secs;
        }
        println!(
            "{label:<10} ({} threads): {:>8.0} documents/s {:>9.0} sentences/s {:>7.2} MiB/s  ({} events/round)",
            threads.map_or(rayon::current_num_threads(), |p| p.current_num_threads()),
            (docs.len() * rounds) as f64 / secs,
            sentences as f64 / secs,
            (bytes * rounds) as f64 / secs / 1048576.0,
            events / rounds
        );
    }
    let resolution = resolution_secs(&pipeline, &docs, rounds);
    println!(
        "actor and place resolution (1 thread): {:.1} ms per round, {:.1}% of coding time",
        resolution * 1000.0 / rounds as f64,
        100.0 * resolution / single_secs
    );
    Ok(ExitCode::SUCCESS)
}

/// Seconds that actor and place resolution take over `rounds` passes of the corpus on one
/// thread: the first pass of the pipeline (`Pipeline::prepare`: dictionary matching and
/// composition, the gazetteer, the document's `ActorResolver` and place evidence, and the small
/// conflict and quote scans) less segmentation (sentences, tokens, words) measured alone.
fn resolution_secs(pipeline: &Pipeline, docs: &[dyad_ingest::Document], rounds: usize) -> f64 {
    let (splitter, tokenizer) = (
        dyad_text::SentenceSplitter::new(),
        dyad_text::Tokenizer::new(),
    );
    let t = Instant::now();
    for _ in 0..rounds {
        for d in docs {
            std::hint::black_box(pipeline.prepare(d));
        }
    }
    let prepare = t.elapsed().as_secs_f64();
    let t = Instant::now();
    for _ in 0..rounds {
        for d in docs {
            for s in splitter.split(&d.text) {
                let tokens = tokenizer.tokenize(&s.text);
                std::hint::black_box(dyad_dict::words::words(
                    tokens
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (dyad_model::TokenIdx::new(i), t.form.as_str(), t.start)),
                ));
            }
        }
    }
    (prepare - t.elapsed().as_secs_f64()).max(0.0)
}

/// Tokens per second of tag + parse, on one core and on all cores, for the sentences of a
/// treebank (gold tokenization) and of the corpus (dyad's segmentation).
fn bench_parse(args: &BenchArgs) -> Result<ExitCode> {
    let t = Instant::now();
    let analyzer = dyad_code::Analyzer::embedded()?;
    println!(
        "models loaded in {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut sets: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    match dyad_syntax::conllu::read_conllu_file(&args.conllu) {
        Ok(s) => sets.push((
            args.conllu.display().to_string(),
            s.iter()
                .map(|s| s.words.iter().map(|w| w.form.clone()).collect())
                .collect(),
        )),
        Err(e) => eprintln!("skipping {}: {e}", args.conllu.display()),
    }
    let (splitter, tokenizer) = (
        dyad_text::SentenceSplitter::new(),
        dyad_text::Tokenizer::new(),
    );
    let mut corpus = Vec::new();
    for d in read_paths(&args.corpus, &IngestOptions::default()).flatten() {
        for s in splitter.split(&d.text) {
            corpus.push(
                tokenizer
                    .tokenize(&s.text)
                    .into_iter()
                    .map(|t| t.form)
                    .collect(),
            );
        }
    }
    if !corpus.is_empty() {
        sets.push((format!("{:?}", args.corpus), corpus));
    }
    let single = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
    for (name, sentences) in &sets {
        let tokens: usize = sentences.iter().map(Vec::len).sum();
        println!("{name}: {} sentences, {tokens} tokens", sentences.len());
        for (label, pool) in [("1 thread", Some(&single)), ("all cores", None)] {
            let t = Instant::now();
            for _ in 0..args.rounds.max(1) {
                let run = || {
                    sentences
                        .par_iter()
                        .map(|s| {
                            analyzer
                                .analyze_forms(&s.iter().map(String::as_str).collect::<Vec<_>>())
                                .len()
                        })
                        .sum::<usize>()
                };
                match pool {
                    Some(p) => p.install(run),
                    None => run(),
                };
            }
            let secs = t.elapsed().as_secs_f64();
            println!(
                "  {label:<10}: {:>9.0} tokens/s (tag + lemma + parse)",
                (tokens * args.rounds.max(1)) as f64 / secs
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `p` quantile (0 to 1) of sorted values, NaN for none.
pub(crate) fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or(f64::NAN)
}
