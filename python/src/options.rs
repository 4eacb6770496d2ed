//! The options of a coding call: `dyad.code`'s keyword arguments read once into [`Settings`]
//! (with `dyad code`'s defaults), and what to do with unreadable documents ([`OnError`]).

use crate::coding::CodeOptions;
use crate::documents::Read;
use crate::{input_error, values};
use dyad_ingest::{Document, IngestOptions};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// `errors=`: what to do with a document that cannot be read.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnError {
    Raise,
    Skip,
}

impl OnError {
    pub(crate) fn parse(value: &str) -> PyResult<OnError> {
        match value {
            "raise" => Ok(OnError::Raise),
            "skip" => Ok(OnError::Skip),
            other => Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"skip\", not {other:?}"
            ))),
        }
    }
}

/// The readable documents; with `Raise`, the first unreadable one is the error (before anything
/// is coded), with `Skip` each becomes a warning.
pub(crate) fn admit(
    read: Vec<Read>,
    on_error: OnError,
    warnings: &mut Vec<String>,
) -> PyResult<Vec<Document>> {
    let mut docs = Vec::with_capacity(read.len());
    let mut bad = Vec::new();
    for r in read {
        match r {
            Ok(d) => docs.push(d),
            Err(e) => bad.push(e.to_string()),
        }
    }
    if let (OnError::Raise, Some(first)) = (on_error, bad.first()) {
        let more = match bad.len() {
            1 => String::new(),
            n => format!(" (and {} more unreadable documents)", n - 1),
        };
        return Err(input_error(format!(
            "{first}{more}; pass errors=\"skip\" to code the others"
        )));
    }
    warnings.extend(bad.into_iter().map(|b| format!("{b} (skipped)")));
    Ok(docs)
}

/// A date given as "YYYY-MM-DD" or a `datetime.date`.
pub(crate) fn date_arg(
    date: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(date) = date.filter(|d| !d.is_none()) else {
        return Ok(None);
    };
    let text = match values::from_python(date) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    };
    text.get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(Some)
        .ok_or_else(|| {
            input_error(format!(
                "{what}: expected a date as \"YYYY-MM-DD\" or a datetime.date, got {}",
                date.repr().map(|r| r.to_string()).unwrap_or_default()
            ))
        })
}

/// The options of a coding call (`dyad.code`'s keyword arguments), read once.
pub(crate) struct Settings {
    pub(crate) code: CodeOptions,
    pub(crate) ingest: IngestOptions,
    pub(crate) on_error: OnError,
}

/// The option names `Settings::read` takes (for the message naming an unknown one).
const OPTIONS: &str = "threads, min_confidence, asserted_only, disable_rules, date, max_doc_bytes, doc_budget, errors";

impl Settings {
    /// Reads keyword options; absent ones take `dyad code`'s defaults (all cores, the default
    /// confidence threshold, every rule, 2 MB documents, a budget of 60 s, raise on bad input).
    pub(crate) fn read(options: Option<&Bound<'_, PyDict>>) -> PyResult<Settings> {
        let mut s = Settings {
            code: CodeOptions {
                threads: None,
                min_confidence: None,
                disabled: Vec::new(),
                budget: budget(60.0),
                asserted_only: false,
            },
            ingest: IngestOptions::default(),
            on_error: OnError::Raise,
        };
        let Some(options) = options else {
            return Ok(s);
        };
        for (key, value) in options.iter() {
            if value.is_none() {
                continue;
            }
            let key: String = key.extract()?;
            match key.as_str() {
                "threads" => {
                    let n: usize = value.extract()?;
                    if n == 0 {
                        return Err(PyValueError::new_err("threads must be at least 1"));
                    }
                    s.code.threads = Some(n);
                }
                "min_confidence" => s.code.min_confidence = Some(value.extract()?),
                "asserted_only" => s.code.asserted_only = value.extract()?,
                "disable_rules" => {
                    let ids: Vec<String> = value.extract()?;
                    s.code.disabled = ids
                        .iter()
                        .map(|id| {
                            dyad_code::RuleId::parse(id).ok_or_else(|| {
                                PyValueError::new_err(format!(
                                    "no rule {id:?}; dyad.rules() lists the rules and their ids"
                                ))
                            })
                        })
                        .collect::<PyResult<_>>()?;
                }
                "date" => s.ingest.default_date = date_arg(Some(&value), "date")?,
                "max_doc_bytes" => s.ingest.max_bytes = value.extract()?,
                "doc_budget" => s.code.budget = budget(value.extract()?),
                "errors" => s.on_error = OnError::parse(&value.extract::<String>()?)?,
                other => {
                    return Err(pyo3::exceptions::PyTypeError::new_err(format!(
                        "unknown option {other:?}; the options are {OPTIONS}"
                    )))
                }
            }
        }
        Ok(s)
    }
}

/// A budget in seconds: 0 (or anything not a positive duration) is none.
fn budget(seconds: f64) -> Option<std::time::Duration> {
    (seconds > 0.0)
        .then(|| std::time::Duration::try_from_secs_f64(seconds).ok())
        .flatten()
}
