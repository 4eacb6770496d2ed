//! The query parameters shared by listings and aggregates: `dyad events`' filters, parsed by
//! hand so that a bad value is a 400 naming its parameter, and a query string split between
//! the filters and an endpoint's own parameters.

use crate::error::ApiError;
use dyad_store::{EventFilter, RunId};
use serde::Deserialize;

/// The filters every listing and aggregate takes (as `dyad events`' flags).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct FilterQuery {
    /// Source actor code prefix (`RUS` matches `RUSGOV`).
    #[param(pattern = r"^[A-Za-z0-9]{1,24}$")]
    actor: Option<String>,
    /// Target actor code prefix.
    #[param(pattern = r"^[A-Za-z0-9]{1,24}$")]
    recipient: Option<String>,
    /// A country (code prefix) on either side.
    #[param(pattern = r"^[A-Za-z0-9]{1,24}$")]
    country: Option<String>,
    /// PLOVER event type (ASSAULT, REQUEST...).
    #[serde(rename = "type")]
    #[param(rename = "type", pattern = r"^[A-Za-z0-9]{1,24}$")]
    event: Option<String>,
    /// PLOVER mode.
    #[param(pattern = r"^[^\u0000-\u001F\u007F-\u009F]{1,40}$")]
    mode: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[param(value_type = Option<u8>, minimum = 1, maximum = 4)]
    quad: Option<String>,
    /// Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[param(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    since: Option<String>,
    /// Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[param(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    until: Option<String>,
    /// A place's name or first-level division (admin1).
    #[param(pattern = r"^[^\u0000-\u001F\u007F-\u009F]{1,200}$")]
    place: Option<String>,
    /// Only events asserted as having happened.
    #[param(value_type = Option<bool>)]
    asserted_only: Option<String>,
    /// Full-text search of the sentence (SQLite FTS5 syntax: words, "a phrase", OR, NOT); a
    /// query that does not parse is a 400.
    #[param(pattern = r"^[^\u0000-\u001F\u007F-\u009F]{1,500}$")]
    q: Option<String>,
    /// The coding run (default the latest).
    #[param(value_type = Option<i64>, minimum = 1)]
    run: Option<String>,
}

pub(crate) fn text_param(
    name: &str,
    v: &Option<String>,
    max: usize,
) -> Result<Option<String>, ApiError> {
    match v {
        Some(s) if s.is_empty() || s.chars().count() > max || s.chars().any(char::is_control) => {
            Err(ApiError::bad_request(format!(
                "{name}: expected 1 to {max} characters without control characters"
            )))
        }
        other => Ok(other.clone()),
    }
}

pub(crate) fn code_param(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    match v {
        Some(s)
            if s.is_empty() || s.len() > 24 || !s.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            Err(ApiError::bad_request(format!(
                "{name}: expected a code of letters and digits, such as RUS or RUSGOV, got {s:?}"
            )))
        }
        other => Ok(other.clone()),
    }
}

pub(crate) fn date_param(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
    let Some(s) = v else { return Ok(None) };
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let ok = match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7),
        10 => {
            digits(0..4)
                && b.get(4) == Some(&b'-')
                && digits(5..7)
                && b.get(7) == Some(&b'-')
                && digits(8..10)
        }
        _ => false,
    };
    if ok {
        Ok(Some(s.clone()))
    } else {
        Err(ApiError::bad_request(format!(
            "{name}: expected YYYY-MM-DD, YYYY-MM or YYYY, got {s:?}"
        )))
    }
}

pub(crate) fn bool_param(name: &str, v: &Option<String>) -> Result<bool, ApiError> {
    match v.as_deref() {
        None | Some("false" | "0") => Ok(false),
        Some("true" | "1") => Ok(true),
        Some(other) => Err(ApiError::bad_request(format!(
            "{name}: expected true or false, got {other:?}"
        ))),
    }
}

pub(crate) fn number_param<T: std::str::FromStr + PartialOrd + std::fmt::Display>(
    name: &str,
    v: &Option<String>,
    range: std::ops::RangeInclusive<T>,
) -> Result<Option<T>, ApiError> {
    let Some(s) = v else { return Ok(None) };
    match s.parse::<T>() {
        Ok(n) if range.contains(&n) => Ok(Some(n)),
        _ => Err(ApiError::bad_request(format!(
            "{name}: expected a whole number from {} to {}, got {s:?}",
            range.start(),
            range.end()
        ))),
    }
}

impl FilterQuery {
    /// The store filter; a bad value is a 400 naming its parameter.
    pub(crate) fn filter(&self) -> Result<EventFilter, ApiError> {
        Ok(EventFilter {
            run: number_param("run", &self.run, 1..=i64::MAX)?.map(RunId),
            actor: code_param("actor", &self.actor)?,
            recipient: code_param("recipient", &self.recipient)?,
            country: code_param("country", &self.country)?,
            event: code_param("type", &self.event)?,
            mode: text_param("mode", &self.mode, 40)?,
            quad: number_param("quad", &self.quad, 1..=4)?,
            since: date_param("since", &self.since)?,
            until: date_param("until", &self.until)?,
            place: text_param("place", &self.place, 200)?,
            asserted_only: bool_param("asserted_only", &self.asserted_only)?,
            text: text_param("q", &self.q, 500)?,
            ..Default::default()
        })
    }
}

/// A 400 naming `q` when the filter's full-text query does not parse (SQLite would refuse it
/// in the middle of the query, as if the store had failed).
pub(crate) fn check_text(store: &dyad_store::Store, filter: &EventFilter) -> Result<(), ApiError> {
    let Some(q) = &filter.text else {
        return Ok(());
    };
    match store.text_query_error(q)? {
        Some(why) => Err(ApiError::bad_request(format!(
            "q: not a full-text query ({why})"
        ))),
        None => Ok(()),
    }
}

/// The names [`FilterQuery`] takes.
const FILTER_NAMES: &[&str] = &[
    "actor",
    "recipient",
    "country",
    "type",
    "mode",
    "quad",
    "since",
    "until",
    "place",
    "asserted_only",
    "q",
    "run",
];

/// Parses a query string into the filters and an endpoint's own parameters `T` (whose names
/// are `own`); an unknown or malformed parameter is a 400 naming it.
pub(crate) fn parse<T: serde::de::DeserializeOwned>(
    raw: Option<&str>,
    own: &[&str],
) -> Result<(FilterQuery, T), ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
        .map_err(|e| ApiError::bad_request(format!("bad query string: {e}")))?;
    let (mine, rest): (Vec<_>, Vec<_>) = pairs
        .into_iter()
        .partition(|(k, _)| own.contains(&k.as_str()));
    if let Some((k, _)) = rest
        .iter()
        .find(|(k, _)| !FILTER_NAMES.contains(&k.as_str()))
    {
        let mut known: Vec<&str> = FILTER_NAMES.to_vec();
        known.extend_from_slice(own);
        return Err(ApiError::bad_request(format!(
            "unknown parameter `{k}`; the parameters are {}",
            known.join(", ")
        )));
    }
    let encode = |p: &[(String, String)]| serde_urlencoded::to_string(p).unwrap_or_default();
    Ok((params(Some(&encode(&rest)))?, params(Some(&encode(&mine)))?))
}

/// Parses a query string into `T` (an endpoint's parameters, unknown ones refused by
/// `deny_unknown_fields`); a bad one is a 400 naming it.
pub(crate) fn params<T: serde::de::DeserializeOwned>(raw: Option<&str>) -> Result<T, ApiError> {
    serde_urlencoded::from_str(raw.unwrap_or_default())
        .map_err(|e| ApiError::bad_request(format!("bad query parameter: {e}")))
}
