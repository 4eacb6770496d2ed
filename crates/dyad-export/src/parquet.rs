//! `parquet`: event mentions (or merged events) as a Parquet file with typed columns, actors as
//! lists of structs, written in row groups as they stream from the store (memory is one batch).
//! pandas/pyarrow, polars, DuckDB, Spark and R's arrow read it as it is.

use crate::record::{at, text};
use crate::ExportError;
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float32Builder, Float64Builder, Int64Builder, ListBuilder,
    StringBuilder, StructBuilder, UInt32Builder, UInt64Builder, UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dyad_store::{DocumentInfo, EventFilter, EventRow, Store, StoreError};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::errors::Result;
use parquet::file::properties::WriterProperties;
use serde_json::Value;
use std::io::Write;
use std::sync::Arc;

/// Rows per record batch (and so the memory an export holds).
const BATCH: usize = 8192;

/// Writes the matching mentions (or merged events) as a Parquet file; returns the rows
/// written.
pub(crate) fn write(
    store: &Store,
    filter: &EventFilter,
    merged: bool,
    out: &mut (dyn Write + Send),
) -> Result<usize, ExportError> {
    let mut w = Writer::new(out)?;
    // the store's callbacks can only fail with a StoreError: the encoder's own error waits
    // here, and the placeholder only stops the iteration
    let mut failed = None;
    let mut keep = |result: Result<()>| {
        result.map_err(|e| {
            failed = Some(e);
            StoreError::Output(std::io::Error::other("parquet"))
        })
    };
    let n = if merged {
        store.each_event(filter, |e| keep(w.event(e)))
    } else {
        store.each_mention_row(filter, |m| {
            // an unreadable record is a row of nulls, not the end of the export
            let r: Value = serde_json::from_str(&m.record).unwrap_or_default();
            keep(w.mention(&r, &m.document, m.event_key))
        })
    };
    if let Some(e) = failed {
        return Err(e.into());
    }
    let n = n?;
    w.close()?;
    Ok(n)
}

/// The fields of an actor struct.
fn actor_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, true),
        Field::new("code", DataType::Utf8, true),
        Field::new("country", DataType::Utf8, true),
        Field::new("sector", DataType::Utf8, true),
    ])
}

fn actor_list() -> DataType {
    DataType::List(Arc::new(Field::new(
        "item",
        DataType::Struct(actor_fields()),
        true,
    )))
}

/// The file's schema: a mention's fields, its document's, and (for merged events) the counts.
fn schema() -> SchemaRef {
    let s = |name: &str| Field::new(name, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        s("event_id"),
        s("doc_id"),
        Field::new("sentence_index", DataType::UInt32, true),
        Field::new("date", DataType::Date32, true),
        s("date_precision"),
        s("event"),
        s("mode"),
        Field::new(
            "context",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, true))),
            true,
        ),
        s("cameo"),
        Field::new("quad_class", DataType::UInt8, true),
        Field::new("goldstein", DataType::Float32, true),
        Field::new("source", actor_list(), true),
        Field::new("target", actor_list(), true),
        Field::new("negated", DataType::Boolean, true),
        s("modality"),
        s("place"),
        s("admin1"),
        s("country"),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        Field::new("geonameid", DataType::UInt64, true),
        s("trigger"),
        s("rule"),
        Field::new("confidence", DataType::Float32, true),
        s("sentence"),
        s("outlet"),
        s("url"),
        s("title"),
        Field::new("event_key", DataType::Int64, true),
        Field::new("num_mentions", DataType::Int64, true),
        Field::new("num_sources", DataType::Int64, true),
        Field::new("num_articles", DataType::Int64, true),
    ]))
}

/// Column builders for one batch.
struct Columns {
    strings: Vec<StringBuilder>,
    sentence_index: UInt32Builder,
    date: Date32Builder,
    context: ListBuilder<StringBuilder>,
    quad: UInt8Builder,
    goldstein: Float32Builder,
    sides: [ListBuilder<StructBuilder>; 2],
    negated: BooleanBuilder,
    lat: Float64Builder,
    lon: Float64Builder,
    geonameid: UInt64Builder,
    confidence: Float32Builder,
    ints: [Int64Builder; 4],
    rows: usize,
}

/// The string columns, in the order [`Columns::strings`] holds them.
const STRINGS: [&str; 16] = [
    "event_id",
    "doc_id",
    "date_precision",
    "event",
    "mode",
    "cameo",
    "modality",
    "place",
    "admin1",
    "country",
    "trigger",
    "rule",
    "sentence",
    "outlet",
    "url",
    "title",
];

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
fn days(date: &str) -> Option<i32> {
    let d = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    i32::try_from((d - epoch).num_days()).ok()
}

fn opt(v: &Value) -> Option<String> {
    (!v.is_null()).then(|| text(v))
}

impl Columns {
    fn new() -> Columns {
        let side = || {
            ListBuilder::new(StructBuilder::from_fields(actor_fields(), 0)).with_field(Arc::new(
                Field::new("item", DataType::Struct(actor_fields()), true),
            ))
        };
        Columns {
            strings: STRINGS.iter().map(|_| StringBuilder::new()).collect(),
            sentence_index: UInt32Builder::new(),
            date: Date32Builder::new(),
            context: ListBuilder::new(StringBuilder::new()),
            quad: UInt8Builder::new(),
            goldstein: Float32Builder::new(),
            sides: [side(), side()],
            negated: BooleanBuilder::new(),
            lat: Float64Builder::new(),
            lon: Float64Builder::new(),
            geonameid: UInt64Builder::new(),
            confidence: Float32Builder::new(),
            ints: Default::default(),
            rows: 0,
        }
    }

    /// Appends a mention's record, its document and (for a merged event) its counts.
    fn push(&mut self, r: &Value, doc: &DocumentInfo, event: [Option<i64>; 4]) {
        let loc = &r["location"];
        let strings = [
            opt(&r["event_id"]),
            opt(&r["doc_id"]),
            opt(&r["date_precision"]),
            opt(at(r, &["plover", "event"])),
            opt(at(r, &["plover", "mode"])),
            opt(&r["cameo"]),
            opt(&r["modality"]),
            opt(&loc["name"]),
            opt(&loc["admin1"]),
            opt(&loc["country"]),
            opt(at(r, &["trigger", "text"])),
            opt(&r["rule"]),
            opt(&r["sentence"]),
            doc.source.clone(),
            doc.url.clone(),
            doc.title.clone(),
        ];
        for (b, v) in self.strings.iter_mut().zip(strings) {
            b.append_option(v);
        }
        self.sentence_index.append_option(
            r["sentence_index"]
                .as_u64()
                .and_then(|i| u32::try_from(i).ok()),
        );
        self.date.append_option(r["date"].as_str().and_then(days));
        for c in at(r, &["plover", "context"])
            .as_array()
            .into_iter()
            .flatten()
        {
            self.context.values().append_value(text(c));
        }
        self.context.append(true);
        self.quad
            .append_option(r["quad_class"].as_u64().and_then(|q| u8::try_from(q).ok()));
        self.goldstein
            .append_option(r["goldstein"].as_f64().map(|g| g as f32));
        for (list, name) in self.sides.iter_mut().zip(["source", "target"]) {
            for a in r[name].as_array().into_iter().flatten() {
                let s = list.values();
                for (i, f) in ["text", "code", "country", "sector"].iter().enumerate() {
                    if let Some(b) = s.field_builder::<StringBuilder>(i) {
                        b.append_option(opt(&a[*f]));
                    }
                }
                s.append(true);
            }
            list.append(true);
        }
        self.negated.append_option(r["negated"].as_bool());
        self.lat.append_option(loc["lat"].as_f64());
        self.lon.append_option(loc["lon"].as_f64());
        self.geonameid.append_option(loc["geonameid"].as_u64());
        self.confidence
            .append_option(r["confidence"].as_f64().map(|c| c as f32));
        for (b, v) in self.ints.iter_mut().zip(event) {
            b.append_option(v);
        }
        self.rows += 1;
    }

    /// The batch so far (the builders start over).
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch> {
        let mut s = self.strings.iter_mut();
        let mut next = || -> ArrayRef {
            Arc::new(
                s.next()
                    .map_or_else(|| StringBuilder::new().finish(), |b| b.finish()),
            )
        };
        let [source, target] = &mut self.sides;
        let [key, mentions, sources, articles] = &mut self.ints;
        let columns: Vec<ArrayRef> = vec![
            next(), // event_id
            next(), // doc_id
            Arc::new(self.sentence_index.finish()),
            Arc::new(self.date.finish()),
            next(), // date_precision
            next(), // event
            next(), // mode
            Arc::new(self.context.finish()),
            next(), // cameo
            Arc::new(self.quad.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(source.finish()),
            Arc::new(target.finish()),
            Arc::new(self.negated.finish()),
            next(), // modality
            next(), // place
            next(), // admin1
            next(), // country
            Arc::new(self.lat.finish()),
            Arc::new(self.lon.finish()),
            Arc::new(self.geonameid.finish()),
            next(), // trigger
            next(), // rule
            Arc::new(self.confidence.finish()),
            next(), // sentence
            next(), // outlet
            next(), // url
            next(), // title
            Arc::new(key.finish()),
            Arc::new(mentions.finish()),
            Arc::new(sources.finish()),
            Arc::new(articles.finish()),
        ];
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }
}

/// Writes rows to a Parquet file as they come, a row group per batch.
struct Writer<W: Write + Send> {
    writer: ArrowWriter<W>,
    columns: Columns,
    schema: SchemaRef,
}

impl<W: Write + Send> Writer<W> {
    fn new(out: W) -> Result<Self> {
        let schema = schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            // the encoder keeps a row group in memory until it is whole: its default (a million
            // rows) would make memory grow with the store, a batch keeps it flat
            .set_max_row_group_size(BATCH)
            .set_created_by(format!("dyad {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(Writer {
            writer: ArrowWriter::try_new(out, schema.clone(), Some(props))?,
            columns: Columns::new(),
            schema,
        })
    }

    /// An event mention, with its merged event's key.
    fn mention(&mut self, r: &Value, doc: &DocumentInfo, key: Option<i64>) -> Result<()> {
        self.columns.push(r, doc, [key, None, None, None]);
        self.flush_full()
    }

    /// A merged event: its representative mention and its counts.
    fn event(&mut self, e: &EventRow) -> Result<()> {
        let counts = [
            Some(e.event_key),
            Some(e.num_mentions),
            Some(e.num_sources),
            Some(e.num_articles),
        ];
        self.columns.push(&e.representative, &e.document, counts);
        self.flush_full()
    }

    fn flush_full(&mut self) -> Result<()> {
        if self.columns.rows >= BATCH {
            let batch = self.columns.finish(&self.schema)?;
            self.writer.write(&batch)?;
        }
        Ok(())
    }

    /// Writes the last batch and the file's footer.
    fn close(mut self) -> Result<()> {
        if self.columns.rows > 0 {
            let batch = self.columns.finish(&self.schema)?;
            self.writer.write(&batch)?;
        }
        self.writer.close()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Array, ListArray, StringArray, StructArray};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    #[test]
    fn a_written_file_reads_back_with_its_types_and_actor_structs() {
        let record = serde_json::json!({
            "event_id": "e1", "doc_id": "d1", "sentence_index": 2, "date": "2024-05-13",
            "date_precision": "day", "plover": {"event": "ASSAULT", "mode": "aerial", "context": ["military"]},
            "cameo": "195", "quad_class": 4, "goldstein": -9.5,
            "source": [{"text": "Russian forces", "code": "RUSMIL", "country": "RUS", "sector": "MIL"}],
            "target": [{"text": "Kharkiv", "code": "UKR", "country": "UKR", "sector": null},
                       {"text": "civilians", "code": "UKRCVL", "country": "UKR", "sector": "CVL"}],
            "negated": false, "modality": "asserted",
            "location": {"name": "Kharkiv", "country": "UKR", "admin1": "Kharkiv", "lat": 49.98, "lon": 36.25, "geonameid": 706483},
            "trigger": {"text": "struck"}, "rule": "pattern:X", "confidence": 0.8, "sentence": "Russian forces struck Kharkiv."
        });
        let doc = DocumentInfo {
            source: Some("Reuters".into()),
            ..Default::default()
        };
        let path =
            std::env::temp_dir().join(format!("dyad-parquet-{}.parquet", std::process::id()));
        let file = std::fs::File::create(&path).expect("create");
        let mut w = Writer::new(file).expect("writer");
        // more than a batch, so that several row groups are written
        for _ in 0..BATCH + 5 {
            w.mention(&record, &doc, Some(7)).expect("row");
        }
        w.close().expect("close");
        let file = std::fs::File::open(&path).expect("open");
        let _ = std::fs::remove_file(&path);
        let builder = ParquetRecordBatchReaderBuilder::try_new(file).expect("parquet");
        assert_eq!(
            builder.metadata().num_row_groups(),
            2,
            "a row group per batch"
        );
        let reader = builder.build().expect("reader");
        let batches: Vec<RecordBatch> = reader.map(|b| b.expect("batch")).collect();
        assert_eq!(
            batches.iter().map(RecordBatch::num_rows).sum::<usize>(),
            BATCH + 5
        );
        let b = &batches[0];
        assert_eq!(b.schema(), schema());
        let col = |name: &str| b.column_by_name(name).expect(name).clone();
        let outlet = col("outlet");
        let outlet = outlet
            .as_any()
            .downcast_ref::<StringArray>()
            .expect("strings");
        assert_eq!(outlet.value(0), "Reuters");
        let target = col("target");
        let target = target.as_any().downcast_ref::<ListArray>().expect("list");
        let actors = target.value(0);
        let actors = actors
            .as_any()
            .downcast_ref::<StructArray>()
            .expect("structs");
        let codes = actors.column_by_name("code").expect("code");
        let codes = codes.as_any().downcast_ref::<StringArray>().expect("codes");
        assert_eq!((codes.value(0), codes.value(1)), ("UKR", "UKRCVL"));
        let date = col("date");
        let date = date
            .as_any()
            .downcast_ref::<arrow_array::Date32Array>()
            .expect("dates");
        assert_eq!(date.value(0), 19856);
        assert!(col("num_mentions").is_null(0));
    }
}
