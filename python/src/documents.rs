//! Documents from Python: a str (the text), a dict in CONTRACT.md's input shape, or an iterable
//! of them; and from the rows of an Arrow batch. Every document goes through
//! `dyad_ingest::document_from_json`, as a JSONL line does, so that the Python package reads a
//! document exactly as `dyad code` reads the same fields.

use crate::values::{from_python, type_name};
use arrow_array::{Array, RecordBatch, StringArray};
use arrow_schema::DataType;
use dyad_ingest::{Document, IngestError, IngestOptions, Origin};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde_json::{Map, Value};

/// What became of one input item.
pub(crate) type Read = Result<Document, IngestError>;

/// An error naming an input item (`docs[3]`, `batch row 17`).
fn error(origin: &Origin, message: impl Into<String>) -> IngestError {
    IngestError {
        origin: origin.clone(),
        message: message.into(),
    }
}

/// The documents of `docs`: one str or dict, or an iterable of them (list, tuple, generator,
/// pandas Series). Items are named `docs[i]` in errors; a single document is `document`.
pub(crate) fn from_python_docs(
    docs: &Bound<'_, PyAny>,
    opts: &IngestOptions,
) -> PyResult<Vec<Read>> {
    if docs.is_instance_of::<PyString>() || docs.is_instance_of::<PyDict>() {
        let origin = Origin {
            path: "document".into(),
            line: None,
        };
        return Ok(vec![one(docs, origin, opts)]);
    }
    let items = docs.try_iter().map_err(|_| {
        pyo3::exceptions::PyTypeError::new_err(format!(
            "expected a document (a str, or a dict with \"text\") or an iterable of them, got {}",
            type_name(docs)
        ))
    })?;
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        let origin = Origin {
            path: format!("docs[{i}]"),
            line: None,
        };
        out.push(one(&item?, origin, opts));
    }
    Ok(out)
}

/// One document: a str is its text; a dict has CONTRACT.md's fields.
fn one(item: &Bound<'_, PyAny>, origin: Origin, opts: &IngestOptions) -> Read {
    let fields = if item.is_instance_of::<PyString>() {
        match from_python(item) {
            Ok(text) => Map::from_iter([("text".to_string(), text)]),
            Err(m) => return Err(error(&origin, m)),
        }
    } else if item.is_instance_of::<PyDict>() {
        match from_python(item) {
            Ok(Value::Object(map)) => map,
            Ok(_) => return Err(error(&origin, "expected a dict")),
            Err(m) => return Err(error(&origin, m)),
        }
    } else {
        return Err(error(
            &origin,
            format!(
                "expected a str (the text) or a dict with \"text\", found {}",
                type_name(item)
            ),
        ));
    };
    dyad_ingest::document_from_json(fields, origin, opts)
}

/// The columns of a batch that make documents.
pub(crate) struct Columns<'a> {
    pub(crate) text: &'a str,
    pub(crate) id: Option<&'a str>,
    pub(crate) date: Option<&'a str>,
}

/// Document fields read from a batch's columns of these names when present.
const METADATA: [&str; 4] = ["title", "url", "source", "language"];

/// The documents of a batch's rows, named `batch row N` (from 0) in errors. Text is a string
/// column; the id and the date may be of any type Arrow can cast to a string (an integer id, a
/// date or timestamp column). A missing or mistyped column is an error for the whole batch.
pub(crate) fn from_batch(
    batch: &RecordBatch,
    columns: &Columns<'_>,
    opts: &IngestOptions,
) -> Result<Vec<Read>, String> {
    let text = string_column(batch, columns.text)?;
    let id = columns.id.map(|c| string_column(batch, c)).transpose()?;
    let date = columns.date.map(|c| string_column(batch, c)).transpose()?;
    let metadata: Vec<(&str, StringArray)> = METADATA
        .iter()
        .filter(|name| batch.schema().column_with_name(name).is_some())
        .map(|&name| string_column(batch, name).map(|c| (name, c)))
        .collect::<Result<_, _>>()?;
    let value = |c: &StringArray, row: usize| {
        (row < c.len() && c.is_valid(row)).then(|| Value::String(c.value(row).to_string()))
    };
    let mut out = Vec::with_capacity(batch.num_rows());
    for row in 0..batch.num_rows() {
        let origin = Origin {
            path: format!("batch row {row}"),
            line: None,
        };
        let mut fields = Map::new();
        match value(&text, row) {
            Some(t) => fields.insert("text".into(), t),
            None => {
                out.push(Err(error(&origin, format!("\"{}\" is null", columns.text))));
                continue;
            }
        };
        for (name, column) in [("id", &id), ("date", &date)] {
            if let Some(v) = column.as_ref().and_then(|c| value(c, row)) {
                fields.insert(name.into(), v);
            }
        }
        for (name, column) in &metadata {
            if let Some(v) = value(column, row) {
                fields.insert((*name).into(), v);
            }
        }
        out.push(dyad_ingest::document_from_json(fields, origin, opts));
    }
    Ok(out)
}

/// A column as strings (cast when it is not one), or what is wrong with it.
fn string_column(batch: &RecordBatch, name: &str) -> Result<StringArray, String> {
    let Some(column) = batch.column_by_name(name) else {
        let names: Vec<String> = batch
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        return Err(format!(
            "no column \"{name}\" (the columns are: {})",
            names.join(", ")
        ));
    };
    // A timestamp with a named zone (Spark sends its session's, "Etc/UTC") is read as the UTC
    // instant it holds: arrow's cast knows only offsets, and a publication date needs no zone.
    let column = match column.data_type() {
        DataType::Timestamp(unit, Some(_)) => {
            let data = column
                .to_data()
                .into_builder()
                .data_type(DataType::Timestamp(*unit, None))
                .build()
                .map_err(|e| format!("column \"{name}\" cannot be read: {e}"))?;
            arrow_array::make_array(data)
        }
        _ => column.clone(),
    };
    let cast = arrow_cast::cast(&column, &DataType::Utf8)
        .map_err(|e| format!("column \"{name}\" cannot be read as text: {e}"))?;
    cast.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| format!("column \"{name}\" cannot be read as text"))
}
