//! Events as Arrow: the schema of CONTRACT.md's event output (the same fields, nested the same
//! way: `plover`, `trigger`, `quote` and `location` are structs, `source` and `target` lists of
//! actor structs), filled from the records by serde through `arrow-json`'s decoder, and read back
//! into records for merging.
//!
//! Types are chosen for every reader, Spark included: signed integers (Spark has no unsigned
//! types), 32-bit strings and lists, `date` as a date (`date32`).

use arrow_array::RecordBatch;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dyad_model::EventRecord;
use std::sync::Arc;

fn text(name: &str) -> Field {
    Field::new(name, DataType::Utf8, true)
}

fn list_of(item: DataType) -> DataType {
    DataType::List(Arc::new(Field::new("item", item, true)))
}

/// `[start, end]` character offsets.
fn span() -> Field {
    Field::new("span", list_of(DataType::Int64), true)
}

fn actor() -> DataType {
    DataType::Struct(Fields::from(vec![
        text("text"),
        text("code"),
        text("country"),
        text("sector"),
        span(),
        text("backer"),
    ]))
}

/// The schema of [`batch`]'s events.
pub(crate) fn event_schema() -> SchemaRef {
    Arc::new(Schema::new(vec![
        text("event_id"),
        text("doc_id"),
        Field::new("sentence_index", DataType::Int64, true),
        text("sentence"),
        Field::new("date", DataType::Date32, true),
        text("date_precision"),
        text("date_text"),
        Field::new("source", list_of(actor()), true),
        Field::new("target", list_of(actor()), true),
        Field::new(
            "plover",
            DataType::Struct(Fields::from(vec![
                text("event"),
                text("mode"),
                Field::new("context", list_of(DataType::Utf8), true),
            ])),
            true,
        ),
        text("cameo"),
        Field::new("quad_class", DataType::Int32, true),
        Field::new("goldstein", DataType::Float32, true),
        Field::new("negated", DataType::Boolean, true),
        text("modality"),
        Field::new(
            "quote",
            DataType::Struct(Fields::from(vec![
                Field::new("speaker", actor(), true),
                text("cue"),
                Field::new("speaker_sentence", DataType::Int64, true),
            ])),
            true,
        ),
        Field::new(
            "location",
            DataType::Struct(Fields::from(vec![
                text("name"),
                text("country"),
                Field::new("lat", DataType::Float64, true),
                Field::new("lon", DataType::Float64, true),
                Field::new("geonameid", DataType::Int64, true),
                text("precision"),
                text("admin1"),
            ])),
            true,
        ),
        Field::new(
            "trigger",
            DataType::Struct(Fields::from(vec![text("text"), span()])),
            true,
        ),
        text("rule"),
        Field::new("confidence", DataType::Float32, true),
    ]))
}

/// The records as one batch of [`event_schema`].
pub(crate) fn batch(records: &[EventRecord]) -> Result<RecordBatch, String> {
    let schema = event_schema();
    let mut decoder = arrow_json::ReaderBuilder::new(schema.clone())
        .build_decoder()
        .map_err(|e| e.to_string())?;
    decoder.serialize(records).map_err(|e| e.to_string())?;
    Ok(decoder
        .flush()
        .map_err(|e| e.to_string())?
        .unwrap_or_else(|| RecordBatch::new_empty(schema)))
}

/// The records of a batch of [`event_schema`] (or any batch with its fields: others are
/// ignored; or with the flat columns of [`MergeRow`]), each with what merging reads; or why
/// they cannot be read.
pub(crate) fn records(batch: &RecordBatch) -> Result<Vec<EventRecord>, String> {
    let mut writer = arrow_json::LineDelimitedWriter::new(Vec::new());
    writer.write(batch).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    let lines = writer.into_inner();
    lines
        .split(|&b| b == b'\n')
        .filter(|line| !line.is_empty())
        .enumerate()
        .map(|(row, line)| {
            serde_json::from_slice::<MergeRow>(line)
                .map(merge_record)
                .map_err(|e| format!("row {row}: {e}"))
        })
        .collect()
}

/// What merging reads of a row (type, date and its precision, sides, place) and what orders
/// the rows (document, sentence, id); absent fields are empty.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MergeRow {
    event_id: String,
    doc_id: String,
    sentence_index: usize,
    date: Option<String>,
    date_precision: Option<String>,
    source: Option<Vec<MergeActor>>,
    target: Option<Vec<MergeActor>>,
    plover: Option<MergeType>,
    location: Option<MergePlace>,
    // the same, flat (`dyad.spark.merge` sends these: they convert on every PySpark version)
    event: Option<String>,
    source_code: Option<Vec<Option<String>>>,
    source_country: Option<Vec<Option<String>>>,
    source_sector: Option<Vec<Option<String>>>,
    target_code: Option<Vec<Option<String>>>,
    target_country: Option<Vec<Option<String>>>,
    target_sector: Option<Vec<Option<String>>>,
    place_country: Option<String>,
    place_admin1: Option<String>,
}

/// A side from flat columns of codes, countries and sectors (one item per actor).
fn flat_side(
    codes: Option<Vec<Option<String>>>,
    countries: Option<Vec<Option<String>>>,
    sectors: Option<Vec<Option<String>>>,
) -> Option<Vec<MergeActor>> {
    let codes = codes?;
    let mut countries = countries.unwrap_or_default().into_iter();
    let mut sectors = sectors.unwrap_or_default().into_iter();
    Some(
        codes
            .into_iter()
            .map(|code| MergeActor {
                code,
                country: countries.next().flatten(),
                sector: sectors.next().flatten(),
            })
            .collect(),
    )
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MergeActor {
    code: Option<String>,
    country: Option<String>,
    sector: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MergeType {
    event: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct MergePlace {
    name: Option<String>,
    country: Option<String>,
    admin1: Option<String>,
}

/// A record holding what merging reads; other fields stay empty.
fn merge_record(mut row: MergeRow) -> EventRecord {
    if row.source.is_none() {
        row.source = flat_side(
            row.source_code.take(),
            row.source_country.take(),
            row.source_sector.take(),
        );
    }
    if row.target.is_none() {
        row.target = flat_side(
            row.target_code.take(),
            row.target_country.take(),
            row.target_sector.take(),
        );
    }
    if row.plover.is_none() {
        row.plover = Some(MergeType {
            event: row.event.take(),
        });
    }
    if row.location.is_none() && row.place_country.is_some() {
        row.location = Some(MergePlace {
            name: None,
            country: row.place_country.take(),
            admin1: row.place_admin1.take(),
        });
    }
    let actors = |side: Option<Vec<MergeActor>>| {
        side.unwrap_or_default()
            .into_iter()
            .map(|a| dyad_model::ActorRef {
                code: a.code.unwrap_or_default(),
                country: a.country,
                sector: a.sector,
                ..Default::default()
            })
            .collect()
    };
    EventRecord {
        event_id: row.event_id,
        doc_id: row.doc_id,
        sentence_index: row.sentence_index,
        date: row.date,
        date_precision: row.date_precision,
        source: actors(row.source),
        target: actors(row.target),
        plover: dyad_model::Plover {
            event: row.plover.and_then(|p| p.event).unwrap_or_default(),
            ..Default::default()
        },
        location: row.location.map(|l| dyad_model::Location {
            name: l.name.unwrap_or_default(),
            country: l.country,
            lat: None,
            lon: None,
            geonameid: None,
            precision: String::new(),
            admin1: l.admin1,
        }),
        ..Default::default()
    }
}
