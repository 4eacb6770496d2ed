//! Coding a batch of documents from Python: the pipeline (built once per set of options and
//! kept), ids made unique as `dyad code` makes them, the documents coded in parallel without the
//! GIL (on the calling thread with `threads=1`), the events in input order.

use dyad_code::{Pipeline, Reading, RuleId, Rules};
use dyad_ingest::{Document, UniqueIds};
use dyad_model::EventRecord;
use rayon::prelude::*;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// How to code: the options of `dyad code` that change what is coded, and the threads.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CodeOptions {
    /// None: rayon's global pool (all cores).
    pub(crate) threads: Option<usize>,
    pub(crate) min_confidence: Option<f32>,
    pub(crate) disabled: Vec<RuleId>,
    pub(crate) budget: Option<Duration>,
    pub(crate) asserted_only: bool,
}

/// The pipeline for a set of options (what makes one differ).
#[derive(Debug, Clone, PartialEq)]
struct PipelineKey {
    min_confidence: Option<u32>,
    disabled: Vec<RuleId>,
    budget: Option<Duration>,
}

/// Pipelines built so far. Building one reads the embedded models (a fraction of a second), so a
/// notebook calling `dyad.code` in a loop, or a Spark task per batch, builds it once.
static PIPELINES: Mutex<Vec<(PipelineKey, Arc<Pipeline>)>> = Mutex::new(Vec::new());

pub(crate) fn pipeline(opts: &CodeOptions) -> Result<Arc<Pipeline>, String> {
    let mut disabled = opts.disabled.clone();
    disabled.sort_by_key(|r| r.id());
    disabled.dedup();
    let key = PipelineKey {
        min_confidence: opts.min_confidence.map(f32::to_bits),
        disabled,
        budget: opts.budget,
    };
    // a poisoned lock only means another thread panicked while holding it; the list is intact
    let mut cache = PIPELINES.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, p)) = cache.iter().find(|(k, _)| *k == key) {
        return Ok(p.clone());
    }
    let rules = key
        .disabled
        .iter()
        .fold(Rules::all(), |rules, &id| rules.without(id));
    let mut pipeline = Pipeline::with_rules(Reading::Parse, rules)
        .map_err(|e| format!("loading the embedded models: {e}"))?;
    if let Some(min) = opts.min_confidence {
        pipeline = pipeline.with_min_confidence(min);
    }
    let pipeline = Arc::new(pipeline.with_budget(opts.budget));
    cache.push((key, pipeline.clone()));
    Ok(pipeline)
}

/// Runs `f` on a pool of `threads` threads of its own (rayon's global pool when None), so that
/// two calls at once from two Python threads do not wait for each other's pool.
pub(crate) fn in_pool<T: Send>(
    threads: Option<usize>,
    f: impl FnOnce() -> T + Send,
) -> Result<T, String> {
    let Some(n) = threads else {
        return Ok(f());
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n.max(1))
        .build()
        .map_err(|e| format!("cannot start {n} threads: {e}"))?;
    Ok(pool.install(f))
}

/// What coding a batch produced: the events in input order and the documents skipped (over the
/// time budget), with the reason; repeated ids renamed `ID~2`, as `dyad code` does, and said.
#[derive(Debug, Default)]
pub(crate) struct Coded {
    pub(crate) events: Vec<EventRecord>,
    pub(crate) warnings: Vec<String>,
}

/// Codes documents in parallel (call without the GIL).
pub(crate) fn code(docs: Vec<Document>, opts: &CodeOptions) -> Result<Coded, String> {
    let pipeline = pipeline(opts)?;
    let mut coded = Coded::default();
    let mut ids = UniqueIds::new();
    let mut docs = docs;
    for doc in &mut docs {
        if let Some(repeat) = ids.admit(doc) {
            coded.warnings.push(repeat.to_string());
        }
    }
    let results: Vec<_> = if opts.threads == Some(1) {
        // on the calling thread: Spark's tasks and Python's threads are the parallelism
        docs.iter().map(|d| pipeline.code_document(d)).collect()
    } else {
        in_pool(opts.threads, || {
            docs.par_iter().map(|d| pipeline.code_document(d)).collect()
        })?
    };
    for (doc, r) in docs.iter().zip(results) {
        if let Some(over) = r.over_budget {
            coded
                .warnings
                .push(format!("{}: document \"{}\": {over}", doc.origin, doc.id));
        }
        coded.events.extend(
            r.events
                .into_iter()
                .filter(|e| !opts.asserted_only || (!e.negated && e.modality == "asserted")),
        );
    }
    Ok(coded)
}
