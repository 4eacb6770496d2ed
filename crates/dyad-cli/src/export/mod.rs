//! `dyad export`: a store's event mentions (or merged events) in the formats analysts load,
//! streamed (memory stays flat at any store size).
//!
//! - `jsonl`: the CONTRACT.md records (with `--merged`, one object per merged event with its
//!   counts and representative record);
//! - `csv`: one flat row per event for spreadsheets;
//! - `plover`: PLOVER JSON lines ([`plover`]);
//! - `gdelt`, `gdelt-mentions`: GDELT 2.0's event and mentions tables ([`gdelt`]);
//! - `acled`: ACLED's columns for the events ACLED covers ([`acled`]);
//! - `parquet`: typed columns, actors as lists of structs ([`parquet`]).

mod acled;
mod gdelt;
mod parquet;
mod plover;

use crate::events::{csv_field, FilterArgs};
use anyhow::{Context, Result};
use dyad_store::{DocumentInfo, StoreError};
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Plover,
    /// GDELT 2.0 event table: 61 tab-separated columns, one row per merged event.
    Gdelt,
    /// GDELT 2.0 mentions table: 16 columns, one row per event mention.
    GdeltMentions,
    /// ACLED's columns (CSV), one row per merged event of a type ACLED covers.
    Acled,
    /// Parquet, typed columns (event mentions, or merged events with `--merged`).
    Parquet,
}

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Merged events (one per happening, with counts) instead of event mentions.
    #[arg(long)]
    pub merged: bool,
    /// Start GDELT files with a row of the codebook's column names (GDELT's own files have none).
    #[arg(long)]
    pub header: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// The CSV columns of a mention row.
const CSV_COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "date",
    "date_precision",
    "event",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "source",
    "source_country",
    "target",
    "target_country",
    "negated",
    "modality",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "confidence",
    "outlet",
    "url",
    "sentence",
];

/// Whether a record says the event happened: not negated, denied, future or hypothetical
/// (reported speech is how news tells events, so it counts). The GDELT and ACLED tables have no
/// column for modality, so they hold only these; the other formats carry every row with its
/// modality.
fn happened(r: &Value) -> bool {
    r["negated"].as_bool() != Some(true)
        && matches!(r["modality"].as_str(), Some("asserted" | "reported") | None)
}

/// A JSON value as CSV text (strings bare, null empty).
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A side's values of one actor field, `|`-joined.
fn side(record: &Value, side: &str, field: &str) -> String {
    record[side]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| text(&x[field]))
                .collect::<Vec<_>>()
                .join("|")
        })
        .unwrap_or_default()
}

fn csv_row(r: &Value, info: &DocumentInfo) -> String {
    let fields = [
        text(&r["event_id"]),
        text(&r["doc_id"]),
        text(&r["date"]),
        text(&r["date_precision"]),
        text(&r["plover"]["event"]),
        text(&r["plover"]["mode"]),
        text(&r["cameo"]),
        text(&r["quad_class"]),
        text(&r["goldstein"]),
        side(r, "source", "code"),
        side(r, "source", "country"),
        side(r, "target", "code"),
        side(r, "target", "country"),
        text(&r["negated"]),
        text(&r["modality"]),
        text(&r["location"]["name"]),
        text(&r["location"]["admin1"]),
        text(&r["location"]["country"]),
        text(&r["location"]["lat"]),
        text(&r["location"]["lon"]),
        text(&r["confidence"]),
        info.source.clone().unwrap_or_default(),
        info.url.clone().unwrap_or_default(),
        text(&r["sentence"]),
    ];
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}

/// The event table formats have one row per merged event whatever `--merged` says.
fn merged(args: &ExportArgs) -> bool {
    args.merged || matches!(args.format, ExportFormat::Gdelt | ExportFormat::Acled)
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = crate::runs::open_existing(&args.filter.store)?;
    let filter = args.filter.filter();
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let merged = merged(&args);
    let result = if args.format == ExportFormat::Parquet {
        let mut w = parquet::Writer::new(out)?;
        let mut failed = None;
        let n = if merged {
            store.each_event(&filter, |e| {
                w.event(e).map_err(|x| {
                    failed = Some(x);
                    StoreError::Output(std::io::Error::other("parquet"))
                })
            })
        } else {
            store.each_mention_row(&filter, |m| {
                let r: Value = serde_json::from_str(&m.record).unwrap_or_default();
                w.mention(&r, &m.document, m.event_key).map_err(|x| {
                    failed = Some(x);
                    StoreError::Output(std::io::Error::other("parquet"))
                })
            })
        };
        if let Some(e) = failed {
            return Err(e.context("cannot write the Parquet file"));
        }
        let n = n?;
        w.close()?;
        Ok(n)
    } else {
        write_text(&store, &filter, &args, merged, out)
    };
    let n = match result {
        Ok(n) => n,
        Err(StoreError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS)
        }
        Err(e) => return Err(e.into()),
    };
    eprintln!(
        "exported {n} {}",
        if merged {
            "merged events"
        } else {
            "event mentions"
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// The text formats: a header where the format has one, then a line per row.
fn write_text(
    store: &dyad_store::Store,
    filter: &dyad_store::EventFilter,
    args: &ExportArgs,
    merged: bool,
    out: Box<dyn Write + Send>,
) -> Result<usize, StoreError> {
    let mut out = std::io::BufWriter::new(out);
    let io = StoreError::Output;
    let geo = dyad_geo::Gazetteer::embedded();
    let header = match args.format {
        ExportFormat::Csv if merged => Some(format!(
            "event_key,num_mentions,num_sources,num_articles,first_seen,last_seen,last_date,{}",
            CSV_COLUMNS.join(",")
        )),
        ExportFormat::Csv => Some(CSV_COLUMNS.join(",")),
        ExportFormat::Acled => Some(acled::COLUMNS.join(",")),
        // GDELT's files have no header row unless asked
        ExportFormat::Gdelt if args.header => Some(gdelt::EVENT_COLUMNS.join("\t")),
        ExportFormat::GdeltMentions if args.header => Some(gdelt::MENTION_COLUMNS.join("\t")),
        _ => None,
    };
    if let Some(h) = header {
        writeln!(out, "{h}").map_err(io)?;
    }
    // rows written: formats that leave some events out (GDELT, ACLED) write fewer than are read
    let mut written = 0;
    let mut line = |s: &str| {
        written += 1;
        writeln!(out, "{s}").map_err(io)
    };
    if merged {
        store.each_event(filter, |e| match args.format {
            ExportFormat::Jsonl => line(&serde_json::to_string(e).map_err(|x| io(x.into()))?),
            ExportFormat::Csv => line(&format!(
                "{},{},{},{},{},{},{},{}",
                e.event_key,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                e.first_seen.as_deref().unwrap_or_default(),
                e.last_seen.as_deref().unwrap_or_default(),
                e.last_date.as_deref().unwrap_or_default(),
                csv_row(&e.representative, &e.document)
            )),
            ExportFormat::Plover => {
                let mut p = plover::record(&e.representative, &e.document);
                p["id"] = json!(format!("event-{}", e.event_key));
                p["enddate"] = json!(e.last_date);
                p["num_mentions"] = json!(e.num_mentions);
                p["num_sources"] = json!(e.num_sources);
                p["num_articles"] = json!(e.num_articles);
                line(&p.to_string())
            }
            ExportFormat::Gdelt if !happened(&e.representative) => Ok(()),
            ExportFormat::Gdelt => line(&gdelt::event_row(e, geo)),
            ExportFormat::Acled => match acled::row(e, geo) {
                Some(row) => line(&row),
                None => Ok(()),
            },
            ExportFormat::GdeltMentions | ExportFormat::Parquet => Ok(()),
        })?;
    } else {
        store.each_mention_row(filter, |m| {
            if args.format == ExportFormat::Jsonl {
                return line(&m.record);
            }
            let r: Value = serde_json::from_str(&m.record).unwrap_or_default();
            match args.format {
                ExportFormat::Csv => line(&csv_row(&r, &m.document)),
                ExportFormat::Plover => line(&plover::record(&r, &m.document).to_string()),
                ExportFormat::GdeltMentions if !happened(&r) => Ok(()),
                ExportFormat::GdeltMentions => match gdelt::mention_row(m, &r) {
                    Some(row) => line(&row),
                    None => Ok(()),
                },
                _ => Ok(()),
            }
        })?;
    }
    out.flush().map_err(io)?;
    Ok(written)
}
