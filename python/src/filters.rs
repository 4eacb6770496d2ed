//! `dyad.Store`'s queries: the filters of `dyad events` from a dict.

use crate::{input_error, values};
use pyo3::prelude::*;

/// The filters of `dyad events`, from a dict of their names (`type` for the PLOVER type, `q`
/// for the text search).
pub(crate) fn event_filter(filters: &Bound<'_, PyAny>) -> PyResult<dyad_store::EventFilter> {
    let serde_json::Value::Object(map) = values::from_python(filters).map_err(input_error)? else {
        return Err(input_error("filters must be a dict"));
    };
    let mut f = dyad_store::EventFilter::default();
    for (key, value) in map {
        if value.is_null() {
            continue;
        }
        let text = || -> PyResult<String> {
            match &value {
                serde_json::Value::String(s) => Ok(s.clone()),
                serde_json::Value::Number(n) => Ok(n.to_string()),
                other => Err(input_error(format!(
                    "filter {key}: expected a str, got {other}"
                ))),
            }
        };
        let number = || -> PyResult<i64> {
            value
                .as_i64()
                .ok_or_else(|| input_error(format!("filter {key}: expected an int, got {value}")))
        };
        match key.as_str() {
            "run" => f.run = Some(dyad_store::RunId(number()?)),
            "actor" => f.actor = Some(text()?),
            "recipient" => f.recipient = Some(text()?),
            "country" => f.country = Some(text()?),
            "type" => f.event = Some(text()?),
            "mode" => f.mode = Some(text()?),
            "quad" => {
                f.quad = Some(u8::try_from(number()?).map_err(|_| {
                    input_error(format!("filter quad: expected 1 to 4, got {value}"))
                })?)
            }
            "since" => f.since = Some(text()?),
            "until" => f.until = Some(text()?),
            "place" => f.place = Some(text()?),
            "asserted_only" => f.asserted_only = value.as_bool().unwrap_or(false),
            "q" => f.text = Some(text()?),
            "limit" => {
                f.limit = Some(usize::try_from(number()?).map_err(|_| {
                    input_error(format!("filter limit: expected a count, got {value}"))
                })?)
            }
            other => {
                return Err(input_error(format!(
                    "no filter {other:?}; the filters are run, actor, recipient, country, type, \
                     mode, quad, since, until, place, asserted_only, q, limit"
                )))
            }
        }
    }
    Ok(f)
}
