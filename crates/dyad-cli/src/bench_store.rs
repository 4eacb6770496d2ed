//! `dyad bench store`: ingest throughput as a ratio to `dyad code` on the same documents in the
//! same process, the store's size per event, and the latency (p50/p99) of the main queries on
//! a store of `--mentions` synthetic event mentions.

use crate::bench::{percentile, BenchArgs};
use anyhow::{bail, Result};
use dyad_code::{records::stable_hash, Pipeline};
use dyad_ingest::{read_paths, IngestOptions};
use dyad_store::{Admission, Bucket, EventFilter, RunInfo, SeriesBy, Store};
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::Instant;

/// A fresh store file in the temp folder (removed first).
fn temp_store(name: &str) -> Result<(std::path::PathBuf, Store)> {
    let path = std::env::temp_dir().join(format!("dyad-bench-{}-{name}.db", std::process::id()));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    let store = Store::open(&path)?;
    Ok((path, store))
}

fn remove(path: &std::path::Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
}

/// The size of a store's files in bytes.
fn size(path: &std::path::Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|ext| std::fs::metadata(format!("{}{ext}", path.display())).ok())
        .map(|m| m.len())
        .sum()
}

pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::new();
    let docs: Vec<_> = read_paths(&args.corpus, &IngestOptions::default())
        .filter_map(Result::ok)
        .collect();
    if docs.is_empty() {
        bail!("no documents in {:?}; pass --corpus FILE", args.corpus);
    }
    let rounds = args.rounds.max(1);
    // coding alone
    let t = Instant::now();
    let mut sentences = 0;
    for _ in 0..rounds {
        for batch in docs.chunks(64) {
            let r: Vec<_> = batch
                .par_iter()
                .map(|d| pipeline.code_document(d))
                .collect();
            sentences += r.iter().map(|r| r.sentences).sum::<usize>();
        }
    }
    let code_secs = t.elapsed().as_secs_f64();
    // coding and storing, into a fresh store each round
    let mut ingest_secs = 0.0;
    let mut stored_bytes = 0;
    let mut mentions = 0;
    for _ in 0..rounds {
        let (path, mut store) = temp_store("ingest")?;
        let t = Instant::now();
        let run = store.current_run(&RunInfo {
            dyad_version: env!("CARGO_PKG_VERSION").to_string(),
            options: serde_json::json!({}),
        })?;
        mentions = 0;
        for batch in docs.chunks(64) {
            let results: Vec<_> = batch
                .par_iter()
                .map(|d| pipeline.code_document(d))
                .collect();
            for (d, r) in batch.iter().zip(results) {
                let hash = stable_hash(&[&d.text]);
                if let Admission::Store { version } = store.admit(&d.id, &hash)? {
                    store.store_document(run, d, &hash, version, &r.events)?;
                    mentions += r.events.len();
                }
            }
        }
        store.finish_run(run)?;
        ingest_secs += t.elapsed().as_secs_f64();
        drop(store);
        stored_bytes = size(&path);
        remove(&path);
    }
    let n = (docs.len() * rounds) as f64;
    let s = sentences as f64;
    println!(
        "corpus: {} documents, {} sentences, {} event mentions per round; {rounds} rounds",
        docs.len(),
        sentences / rounds,
        mentions
    );
    println!(
        "code:   {:>8.1} documents/s {:>9.1} sentences/s",
        n / code_secs,
        s / code_secs
    );
    println!(
        "ingest: {:>8.1} documents/s {:>9.1} sentences/s  ({:.2}x of code)",
        n / ingest_secs,
        s / ingest_secs,
        code_secs / ingest_secs
    );
    println!(
        "store size: {:.1} KiB for {} documents and {mentions} event mentions: {:.0} bytes per event mention (text and indexes included)",
        stored_bytes as f64 / 1024.0,
        docs.len(),
        stored_bytes as f64 / mentions.max(1) as f64
    );
    // queries on a large synthetic store
    let (path, mut store) = match &args.keep_store {
        Some(p) => {
            remove(p);
            (p.clone(), Store::open(p)?)
        }
        None => temp_store("queries")?,
    };
    let t = Instant::now();
    let run = store.fill_synthetic(args.mentions)?;
    println!(
        "synthetic store: {} event mentions written in {:.1} s, {:.0} MiB",
        args.mentions,
        t.elapsed().as_secs_f64(),
        size(&path) as f64 / 1024.0 / 1024.0
    );
    let countries = [
        "RUS", "UKR", "USA", "CHN", "ISR", "IRN", "SDN", "TUR", "IND", "NGA",
    ];
    let types = ["ASSAULT", "CONSULT", "REQUEST", "ACCUSE", "AGREE"];
    type Make = fn(&str, &str, usize) -> EventFilter;
    let queries: [(&str, bool, Make); 6] = [
        ("--actor X (page of 100)", false, |c, _, _| EventFilter {
            actor: Some(c.into()),
            ..Default::default()
        }),
        ("--type T --since D (page of 100)", false, |_, t, i| {
            EventFilter {
                event: Some(t.into()),
                since: Some(format!("{}-01-01", 2015 + i % 10)),
                ..Default::default()
            }
        }),
        ("--country X (page of 100)", false, |c, _, _| EventFilter {
            country: Some(c.into()),
            ..Default::default()
        }),
        ("--country X --type T (page of 100)", false, |c, t, _| {
            EventFilter {
                country: Some(c.into()),
                event: Some(t.into()),
                ..Default::default()
            }
        }),
        ("--q WORD (page of 100)", false, |c, _, _| EventFilter {
            text: Some(c.into()),
            ..Default::default()
        }),
        ("--merged --type T (page of 100)", true, |_, t, _| {
            EventFilter {
                event: Some(t.into()),
                ..Default::default()
            }
        }),
    ];
    for (label, merged, make) in queries {
        let mut times = Vec::new();
        let rounds = countries.iter().cycle().zip(types.iter().cycle());
        for (i, (&country, &event)) in rounds.take(60).enumerate() {
            let mut filter = make(country, event, i);
            filter.run = Some(run);
            filter.limit = Some(100);
            let t = Instant::now();
            if merged {
                store.each_event(&filter, |_| Ok(()))?;
            } else {
                store.each_mention(&filter, |_| Ok(()))?;
            }
            // the first runs warm the page cache
            if i >= 10 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "query {label:<36} p50 {:>7.2} ms  p99 {:>7.2} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
    // aggregates (what the API's timeline and network views ask)
    type Aggregate = fn(&Store, &EventFilter) -> Result<usize, dyad_store::StoreError>;
    let aggregates: [(&str, Aggregate); 4] = [
        ("series by month, all", |s, f| {
            s.series(
                &EventFilter {
                    country: None,
                    event: None,
                    ..f.clone()
                },
                Bucket::Month,
                SeriesBy::Total,
            )
            .map(|r| r.len())
        }),
        ("series by week, --country X", |s, f| {
            s.series(f, Bucket::Week, SeriesBy::Total).map(|r| r.len())
        }),
        ("network by country, --type T", |s, f| {
            s.network(
                &EventFilter {
                    country: None,
                    ..f.clone()
                },
                true,
                200,
            )
            .map(|r| r.len())
        }),
        ("network by actor, --country X --type T", |s, f| {
            s.network(f, false, 200).map(|r| r.len())
        }),
    ];
    for (label, run_one) in aggregates {
        let mut times = Vec::new();
        let rounds = countries.iter().cycle().zip(types.iter().cycle());
        for (i, (&country, &event)) in rounds.take(20).enumerate() {
            let filter = EventFilter {
                run: Some(run),
                country: Some(country.into()),
                event: Some(event.into()),
                ..Default::default()
            };
            let t = Instant::now();
            run_one(&store, &filter)?;
            if i >= 4 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "aggregate {label:<34} p50 {:>7.2} ms  p99 {:>7.2} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
    drop(store);
    if args.keep_store.is_none() {
        remove(&path);
    }
    Ok(ExitCode::SUCCESS)
}
