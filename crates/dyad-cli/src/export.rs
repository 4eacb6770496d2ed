//! `dyad export`: a store's event mentions (or merged events) in the formats analysts load,
//! streamed (memory stays flat at any store size).
//!
//! - `jsonl`: the CONTRACT.md records (with `--merged`, one object per merged event with its
//!   counts and representative record);
//! - `csv`: one flat row per event for spreadsheets;
//! - `plover`: PLOVER JSON lines with the field names of the PLOVER manual's JSON table (`id`,
//!   `date`, `actor`, `recipient`, `event`, `mode`, `context`, `event_loc`, `text_info`,
//!   `cite_info`...).

use crate::events::FilterArgs;
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

fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
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

/// A PLOVER entity object of an actor reference: `code` the country (an IGO's own code; null
/// for an actor of no known country), `sector`, the text, and dyad's full code as identifier.
fn entity(a: &Value) -> Value {
    let code = text(&a["code"]);
    let top = match &a["country"] {
        Value::Null if code.starts_with("IGO") => json!(code),
        country => country.clone(),
    };
    json!({
        "code": top,
        "sector": a["sector"],
        "entity_text": a["text"],
        "identifier_id": code,
    })
}

/// A PLOVER JSON record of a CONTRACT.md record.
fn plover(r: &Value, info: &DocumentInfo) -> Value {
    let list = |v: &Value| match v {
        Value::Null => json!([]),
        Value::Array(_) => v.clone(),
        other => json!([other]),
    };
    let loc = &r["location"];
    json!({
        "id": r["event_id"],
        "has_event": true,
        "date": r["date"],
        "actor": r["source"].as_array().map(|a| a.iter().map(entity).collect::<Vec<_>>()).unwrap_or_default(),
        "recipient": r["target"].as_array().map(|a| a.iter().map(entity).collect::<Vec<_>>()).unwrap_or_default(),
        "event": [r["plover"]["event"]],
        "event_loc": if loc.is_null() { Value::Null } else { json!({
            "extracted_place": loc["name"],
            "resolved_place": loc["name"],
            "geonameid": loc["geonameid"],
            "lat": loc["lat"],
            "lon": loc["lon"],
            "province": loc["admin1"],
            "country_code": loc["country"],
        })},
        "event_text": [r["trigger"]["text"]],
        "quad_code": r["quad_class"],
        "event_scale": r["goldstein"],
        "mode": list(&r["plover"]["mode"]),
        "context": list(&r["plover"]["context"]),
        "text": r["sentence"],
        "text_info": {
            "sequence": r["sentence_index"],
            "start": r["trigger"]["span"][0],
            "end": r["trigger"]["span"][1],
        },
        "cite_info": {
            "citation": r["doc_id"],
            "url": info.url,
            "title": info.title,
            "language": info.language,
            "publication": info.source,
        },
        "coder": format!("dyad {}", info.dyad_version),
        "codebook": "PLOVER 2021 / CAMEO 1.1b3",
        "coded_date": info.coded_at.get(..10),
        "comment": format!("cameo {}; rule {}; confidence {}", text(&r["cameo"]), text(&r["rule"]), text(&r["confidence"])),
    })
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = crate::runs::open_existing(&args.filter.store)?;
    let filter = args.filter.filter();
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = std::io::BufWriter::new(out);
    let io = StoreError::Output;
    if args.format == ExportFormat::Csv {
        let mut head = CSV_COLUMNS.join(",");
        if args.merged {
            head = format!("event_key,num_mentions,num_sources,num_articles,first_seen,last_seen,last_date,{head}");
        }
        writeln!(out, "{head}")?;
    }
    let result = if args.merged {
        store.each_event(&filter, |e| match args.format {
            ExportFormat::Jsonl => {
                serde_json::to_writer(&mut out, e).map_err(|x| io(x.into()))?;
                writeln!(out).map_err(io)
            }
            ExportFormat::Csv => writeln!(
                out,
                "{},{},{},{},{},{},{},{}",
                e.event_key,
                e.num_mentions,
                e.num_sources,
                e.num_articles,
                e.first_seen.as_deref().unwrap_or_default(),
                e.last_seen.as_deref().unwrap_or_default(),
                e.last_date.as_deref().unwrap_or_default(),
                csv_row(&e.representative, &DocumentInfo::default())
            )
            .map_err(io),
            ExportFormat::Plover => {
                let mut p = plover(&e.representative, &DocumentInfo::default());
                p["id"] = json!(format!("event-{}", e.event_key));
                p["enddate"] = json!(e.last_date);
                p["num_mentions"] = json!(e.num_mentions);
                p["num_sources"] = json!(e.num_sources);
                p["num_articles"] = json!(e.num_articles);
                serde_json::to_writer(&mut out, &p).map_err(|x| io(x.into()))?;
                writeln!(out).map_err(io)
            }
        })
    } else {
        store.each_mention_with_document(&filter, |record, info| match args.format {
            ExportFormat::Jsonl => writeln!(out, "{record}").map_err(io),
            ExportFormat::Csv | ExportFormat::Plover => {
                let r: Value = serde_json::from_str(record).unwrap_or_default();
                if args.format == ExportFormat::Csv {
                    writeln!(out, "{}", csv_row(&r, info)).map_err(io)
                } else {
                    serde_json::to_writer(&mut out, &plover(&r, info)).map_err(|x| io(x.into()))?;
                    writeln!(out).map_err(io)
                }
            }
        })
    };
    let n = match result.and_then(|n| out.flush().map(|()| n).map_err(io)) {
        Ok(n) => n,
        Err(StoreError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS)
        }
        Err(e) => return Err(e.into()),
    };
    eprintln!(
        "exported {n} {}",
        if args.merged {
            "merged events"
        } else {
            "event mentions"
        }
    );
    Ok(ExitCode::SUCCESS)
}
