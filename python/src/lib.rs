//! `dyad._dyad`: the extension module behind the `dyad` Python package.
//!
//! It calls dyad's crates as they are (ingest, the coding pipeline, the store, the exports), so
//! that `dyad.code` answers as `dyad code` does: a document given as a dict is read by
//! `dyad_ingest::document_from_json`, as a JSONL line is, and coded by the same `Pipeline`. The
//! package's Python layer (`python/dyad/__init__.py`) holds the documented API; this module
//! returns plain values and the warnings for it to issue.
//!
//! Modules: `values` (Python objects and JSON values), `options` (a call's keyword options and
//! what to do with unreadable documents), `documents` (documents from Python values and Arrow
//! batches), `coding` (pipelines kept per option set; batches coded in parallel), `arrow` (the
//! event schema; records to and from Arrow), `merge` (one block of `dyad.spark.merge`),
//! `filters` (`dyad.Store`'s filters).
//!
//! Invariants: the GIL is released while documents are coded; no Rust panic crosses into
//! Python (pyo3 turns one into `PanicException`, and the crates are linted against panics on
//! input); bad input is a `dyad.InputError` naming the document (`docs[3]`, `batch row 17`,
//! `FILE:LINE`) and what is wrong.

mod arrow;
mod coding;
mod documents;
mod filters;
mod merge;
mod options;
mod values;

use arrow_array::RecordBatch;
use arrow_pyarrow::{FromPyArrow, ToPyArrow};
use documents::Read;
use dyad_ingest::IngestOptions;
use options::{admit, date_arg, OnError, Settings};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use std::path::PathBuf;

pyo3::create_exception!(
    _dyad,
    InputError,
    PyValueError,
    "A document (or file, or option) dyad cannot read; the message names it and its position."
);

fn input_error(message: impl Into<String>) -> PyErr {
    InputError::new_err(message.into())
}

fn runtime_error(message: impl Into<String>) -> PyErr {
    PyRuntimeError::new_err(message.into())
}

/// Reads the documents (with the GIL: they are Python objects), then codes them without it.
fn code_python_docs(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    settings: &Settings,
) -> PyResult<coding::Coded> {
    let mut warnings = Vec::new();
    let read = documents::from_python_docs(docs, &settings.ingest)?;
    let docs = admit(read, settings.on_error, &mut warnings)?;
    let mut coded = py
        .detach(|| coding::code(docs, &settings.code))
        .map_err(runtime_error)?;
    warnings.append(&mut coded.warnings);
    coded.warnings = warnings;
    Ok(coded)
}

/// Codes documents (a str, a dict, or an iterable of them): the events as dicts, and warnings.
#[pyfunction]
#[pyo3(signature = (docs, **options))]
fn code<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
    let coded = code_python_docs(py, docs, &Settings::read(options)?)?;
    // through JSON text, not `to_value`: a confidence of 0.82 (an f32) is then 0.82 in Python,
    // as it is in `dyad code`'s output, not 0.8199999928474426
    let values: Vec<serde_json::Value> = py.detach(|| {
        coded
            .events
            .iter()
            .map(|e| {
                serde_json::to_string(e)
                    .ok()
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .unwrap_or_default()
            })
            .collect()
    });
    let list = PyList::empty(py);
    for v in &values {
        list.append(values::to_python(py, v)?)?;
    }
    Ok((list, coded.warnings))
}

/// Codes documents into one Arrow record batch of the event schema, and warnings.
#[pyfunction]
#[pyo3(signature = (docs, **options))]
fn code_arrow<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyAny>, Vec<String>)> {
    let coded = code_python_docs(py, docs, &Settings::read(options)?)?;
    let batch = py
        .detach(|| arrow::batch(&coded.events))
        .map_err(runtime_error)?;
    Ok((batch.to_pyarrow(py)?, coded.warnings))
}

/// Codes the rows of an Arrow record batch (a text column, optional id and date columns; `title`,
/// `url`, `source`, `language` columns are read when present) into a batch of events.
#[pyfunction]
#[pyo3(signature = (batch, *, text_col="text", id_col=None, date_col=None, **options))]
fn code_batch<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    text_col: &str,
    id_col: Option<&str>,
    date_col: Option<&str>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<(Bound<'py, PyAny>, Vec<String>)> {
    let settings = Settings::read(options)?;
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let columns = documents::Columns {
        text: text_col,
        id: id_col,
        date: date_col,
    };
    let read = py
        .detach(|| documents::from_batch(&batch, &columns, &settings.ingest))
        .map_err(input_error)?;
    let mut warnings = Vec::new();
    let docs = admit(read, settings.on_error, &mut warnings)?;
    let (events, more) = py
        .detach(|| -> Result<_, String> {
            let coded = coding::code(docs, &settings.code)?;
            Ok((arrow::batch(&coded.events)?, coded.warnings))
        })
        .map_err(runtime_error)?;
    warnings.extend(more);
    Ok((events.to_pyarrow(py)?, warnings))
}

/// The event schema of `code_arrow` and `code_batch`, as a pyarrow schema.
#[pyfunction]
fn event_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    arrow::event_schema().as_ref().to_pyarrow(py)
}

/// Merges a block of event mentions (a record batch of the event schema) by the store's rule:
/// a batch of `event_id`, `merged_index` and `merged_event` (the first mention's `event_id`).
#[pyfunction]
#[pyo3(signature = (batch, *, days=1))]
fn merge_batch<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    days: i64,
) -> PyResult<Bound<'py, PyAny>> {
    if days < 0 {
        return Err(PyValueError::new_err("days must be 0 or more"));
    }
    let batch = RecordBatch::from_pyarrow_bound(batch)?;
    let merged = py
        .detach(|| merge::merge(&arrow::records(&batch)?, days))
        .map_err(input_error)?;
    merged.to_pyarrow(py)
}

/// What ingestion makes of files and folders (as `dyad read`): documents as dicts, and warnings.
#[pyfunction]
#[pyo3(signature = (paths, *, date=None, max_doc_bytes=dyad_ingest::DEFAULT_MAX_BYTES, errors="raise"))]
fn read<'py>(
    py: Python<'py>,
    paths: Vec<PathBuf>,
    date: Option<&Bound<'py, PyAny>>,
    max_doc_bytes: usize,
    errors: &str,
) -> PyResult<(Bound<'py, PyList>, Vec<String>)> {
    let ingest = IngestOptions {
        max_bytes: max_doc_bytes,
        default_date: date_arg(date, "date")?,
    };
    let on_error = OnError::parse(errors)?;
    let read: Vec<Read> = py.detach(|| dyad_ingest::read_paths(&paths, &ingest).collect());
    let mut warnings = Vec::new();
    let docs = admit(read, on_error, &mut warnings)?;
    let list = PyList::empty(py);
    for d in &docs {
        let v = serde_json::to_value(d).map_err(|e| runtime_error(e.to_string()))?;
        list.append(values::to_python(py, &v)?)?;
    }
    Ok((list, warnings))
}

/// Tags and parses documents into CoNLL-U (as `dyad parse`).
#[pyfunction]
#[pyo3(signature = (docs, *, date=None, max_doc_bytes=dyad_ingest::DEFAULT_MAX_BYTES))]
fn parse(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    max_doc_bytes: usize,
) -> PyResult<String> {
    let ingest = IngestOptions {
        max_bytes: max_doc_bytes,
        default_date: date_arg(date, "date")?,
    };
    let read = documents::from_python_docs(docs, &ingest)?;
    let docs = admit(read, OnError::Raise, &mut Vec::new())?;
    py.detach(|| -> Result<String, String> {
        use dyad_code::conllu::{tokenize_document, write_sentence};
        use rayon::prelude::*;
        let analyzer = dyad_code::Analyzer::embedded()
            .map_err(|e| format!("loading the embedded models: {e}"))?;
        let (splitter, tokenizer) = (
            dyad_text::SentenceSplitter::new(),
            dyad_text::Tokenizer::new(),
        );
        let sentences: Vec<_> = docs
            .iter()
            .flat_map(|d| tokenize_document(d, &splitter, &tokenizer))
            .collect();
        let parsed: Vec<_> = sentences
            .par_iter()
            .map(|s| analyzer.analyze_forms(&s.form_strs()))
            .collect();
        let mut out = Vec::new();
        for (s, syntax) in sentences.iter().zip(&parsed) {
            write_sentence(&mut out, s, syntax).map_err(|e| e.to_string())?;
        }
        String::from_utf8(out).map_err(|e| e.to_string())
    })
    .map_err(runtime_error)
}

/// Which dictionary entries a phrase matches and the code it resolves to (as `dyad actors
/// explain`), as a dict.
#[pyfunction]
#[pyo3(signature = (phrase, date=None, *, context=""))]
fn explain_actor<'py>(
    py: Python<'py>,
    phrase: &str,
    date: Option<&Bound<'py, PyAny>>,
    context: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let date = date_arg(date, "date")?;
    let opts = Settings::read(None)?.code;
    let explained = py
        .detach(|| -> Result<_, String> {
            let pipeline = coding::pipeline(&opts)?;
            let e = dyad_code::explain::explain_actor(&pipeline, phrase, date, context);
            serde_json::to_value(e).map_err(|e| e.to_string())
        })
        .map_err(runtime_error)?;
    values::to_python(py, &explained)
}

/// The coder's named rules: (id, what it does).
#[pyfunction]
fn rules() -> Vec<(&'static str, &'static str)> {
    dyad_code::RuleId::ALL
        .iter()
        .map(|r| (r.id(), r.doc()))
        .collect()
}

/// Installs a user dictionary (as `--dict FILE`): before anything is coded in this process.
#[pyfunction]
fn use_dictionary(path: PathBuf) -> PyResult<()> {
    let user = dyad_dict::UserDict::read(&path).map_err(|e| input_error(e.to_string()))?;
    dyad_dict::Dictionaries::install_user(&user).map_err(|e| input_error(e.to_string()))?;
    dyad_geo::Gazetteer::install_user_places(&user.places, &user.file)
        .map_err(|e| input_error(e.to_string()))?;
    Ok(())
}

/// A store's event mentions (or merged events) matching `filters`, as the bytes of the Parquet
/// file `dyad export --format parquet` writes.
#[pyfunction]
#[pyo3(signature = (path, filters, *, merged=false))]
fn store_parquet(
    py: Python<'_>,
    path: PathBuf,
    filters: &Bound<'_, PyAny>,
    merged: bool,
) -> PyResult<Vec<u8>> {
    let filter = filters::event_filter(filters)?;
    py.detach(|| -> PyResult<Vec<u8>> {
        if !path.exists() {
            return Err(PyOSError::new_err(format!(
                "{}: no such store; create one with `dyad ingest FILES --store {}`",
                path.display(),
                path.display()
            )));
        }
        let store = dyad_store::Store::open(&path)
            .map_err(|e| input_error(format!("{}: {e}", path.display())))?;
        let mut out = Vec::new();
        let options = dyad_export::ExportOptions::new().merged(merged);
        dyad_export::export(
            &store,
            &filter,
            dyad_export::Format::Parquet,
            &options,
            &mut out,
        )
        .map_err(|e| input_error(format!("{}: {e}", path.display())))?;
        Ok(out)
    })
}

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("InputError", m.py().get_type::<InputError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MAX_DOC_BYTES", dyad_ingest::DEFAULT_MAX_BYTES)?;
    m.add_function(wrap_pyfunction!(code, m)?)?;
    m.add_function(wrap_pyfunction!(code_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(code_batch, m)?)?;
    m.add_function(wrap_pyfunction!(event_schema, m)?)?;
    m.add_function(wrap_pyfunction!(merge_batch, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(explain_actor, m)?)?;
    m.add_function(wrap_pyfunction!(rules, m)?)?;
    m.add_function(wrap_pyfunction!(use_dictionary, m)?)?;
    m.add_function(wrap_pyfunction!(store_parquet, m)?)?;
    Ok(())
}
