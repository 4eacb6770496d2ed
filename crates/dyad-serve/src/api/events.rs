//! `GET /api/events`: event mentions (or merged events) with `dyad events`' filters, a page at
//! a time, in date order.

use crate::error::{ApiError, ErrorBody};
use crate::server::App;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use dyad_store::{Cursor, EventFilter, RunId};
use serde::{Deserialize, Serialize};

/// Rows per page unless `limit` says otherwise, and the most it may say.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 1000;

/// The filters and paging of `GET /api/events` (as `dyad events`' flags).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct EventsQuery {
    /// Source actor code prefix (`RUS` matches `RUSGOV`).
    actor: Option<String>,
    /// Target actor code prefix.
    recipient: Option<String>,
    /// A country (code prefix) on either side.
    country: Option<String>,
    /// PLOVER event type (ASSAULT, REQUEST...).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    event: Option<String>,
    /// PLOVER mode.
    mode: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[param(value_type = Option<u8>, minimum = 1, maximum = 4)]
    quad: Option<String>,
    /// Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    since: Option<String>,
    /// Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    until: Option<String>,
    /// A place's name or first-level division (admin1).
    place: Option<String>,
    /// Only events asserted as having happened.
    #[param(value_type = Option<bool>)]
    asserted_only: Option<String>,
    /// Full-text search of the sentence (words, "a phrase", OR, NOT).
    q: Option<String>,
    /// Merged events (one per happening, with counts) instead of event mentions.
    #[param(value_type = Option<bool>)]
    merged: Option<String>,
    /// The coding run (default the latest).
    #[param(value_type = Option<i64>)]
    run: Option<String>,
    /// Rows per page (default 100, at most 1000).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
    /// The `next` of the previous page.
    cursor: Option<String>,
}

/// A page of events.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct EventsPage {
    /// CONTRACT.md event records, or merged events with `merged=true`.
    #[schema(value_type = Vec<ListedEvent>)]
    events: Vec<serde_json::Value>,
    /// The cursor of the next page; null on the last.
    next: Option<String>,
}

/// An event mention (CONTRACT.md's record) or a merged event.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code)] // a schema: the listing writes the records as they are stored
pub(crate) enum ListedEvent {
    Mention(Box<dyad_model::EventRecord>),
    Merged(Box<dyad_store::EventRow>),
}

fn text_param(name: &str, v: &Option<String>, max: usize) -> Result<Option<String>, ApiError> {
    match v {
        Some(s) if s.is_empty() || s.chars().count() > max || s.chars().any(char::is_control) => {
            Err(ApiError::bad_request(format!(
                "{name}: expected 1 to {max} characters without control characters"
            )))
        }
        other => Ok(other.clone()),
    }
}

fn code_param(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
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

fn date_param(name: &str, v: &Option<String>) -> Result<Option<String>, ApiError> {
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

fn bool_param(name: &str, v: &Option<String>) -> Result<bool, ApiError> {
    match v.as_deref() {
        None | Some("false" | "0") => Ok(false),
        Some("true" | "1" | "") => Ok(true),
        Some(other) => Err(ApiError::bad_request(format!(
            "{name}: expected true or false, got {other:?}"
        ))),
    }
}

fn number_param<T: std::str::FromStr + PartialOrd + std::fmt::Display>(
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

/// A page's place as the API writes it: `KEY~DATE` (no date after an undated row).
pub(crate) fn encode_cursor(c: &Cursor) -> String {
    format!("{}~{}", c.key, c.date.as_deref().unwrap_or_default())
}

fn decode_cursor(s: &str) -> Result<Cursor, ApiError> {
    let bad = || ApiError::bad_request(format!("cursor: not a cursor this API gave: {s:?}"));
    let (key, date) = s.split_once('~').ok_or_else(bad)?;
    let key = key.parse::<i64>().map_err(|_| bad())?;
    if date.len() > 10 || !date.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return Err(bad());
    }
    Ok(Cursor {
        key,
        date: (!date.is_empty()).then(|| date.to_string()),
    })
}

impl EventsQuery {
    /// The store filter, the page size and whether merged events are asked for; a bad value
    /// is a 400 naming its parameter.
    fn filter(&self) -> Result<(EventFilter, usize, bool), ApiError> {
        let limit = number_param("limit", &self.limit, 1..=MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
        let filter = EventFilter {
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
            // one row more than the page tells whether there is a next page
            limit: Some(limit + 1),
            after: self.cursor.as_deref().map(decode_cursor).transpose()?,
        };
        Ok((filter, limit, bool_param("merged", &self.merged)?))
    }
}

/// Parses a query string into `T`, naming an unknown or malformed parameter in the error.
pub(crate) fn parse_query<T: serde::de::DeserializeOwned>(
    raw: Option<&str>,
) -> Result<T, ApiError> {
    serde_urlencoded::from_str(raw.unwrap_or_default())
        .map_err(|e| ApiError::bad_request(format!("bad query parameter: {e}")))
}

/// Event mentions (or merged events) matching the filters, in date order, a page at a time.
#[utoipa::path(
    get,
    path = "/api/events",
    params(EventsQuery),
    responses(
        (status = 200, description = "A page of events", body = EventsPage),
        (status = 400, description = "A parameter is unknown or has a bad value", body = ErrorBody),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventsPage>, ApiError> {
    let query: EventsQuery = parse_query(raw.as_deref())?;
    let (filter, limit, merged) = query.filter()?;
    let searching = filter.text.is_some();
    let (mut rows, mut cursors) = app
        .pool
        .with(move |store| {
            let mut rows = Vec::new();
            let mut cursors = Vec::new();
            if merged {
                store.each_event(&filter, |e| {
                    cursors.push(Cursor {
                        date: e.date.clone(),
                        key: e.event_key,
                    });
                    rows.push(serde_json::to_value(e).unwrap_or_default());
                    Ok(())
                })?;
            } else {
                store.each_mention_row(&filter, |m| {
                    cursors.push(m.cursor.clone());
                    rows.push(serde_json::from_str(&m.record).unwrap_or_default());
                    Ok(())
                })?;
            }
            Ok((rows, cursors))
        })
        .await
        .map_err(|e| match e {
            // SQLite refuses a full-text query it cannot parse ("unterminated string")
            e if searching && e.status == StatusCode::INTERNAL_SERVER_ERROR => {
                let why = e
                    .message
                    .rsplit(": ")
                    .next()
                    .unwrap_or_default()
                    .to_string();
                ApiError::bad_request(format!("q: not a full-text query ({why})"))
            }
            e => e,
        })?;
    let next = if rows.len() > limit {
        rows.truncate(limit);
        cursors.truncate(limit);
        cursors.last().map(encode_cursor)
    } else {
        None
    };
    Ok(Json(EventsPage { events: rows, next }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_strangers_are_refused() {
        for c in [
            Cursor {
                key: 42,
                date: Some("2025-03-03".into()),
            },
            Cursor { key: 7, date: None },
        ] {
            assert_eq!(decode_cursor(&encode_cursor(&c)).ok(), Some(c));
        }
        for bad in ["", "x~2025", "12", "12~'; DROP TABLE events"] {
            assert!(decode_cursor(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let err = |q: &str| -> String {
            match parse_query::<EventsQuery>(Some(q)).and_then(|q| q.filter().map(|_| ())) {
                Err(e) => e.message,
                Ok(()) => String::new(),
            }
        };
        assert!(err("quad=9").starts_with("quad:"));
        assert!(err("since=yesterday").starts_with("since:"));
        assert!(err("limit=100000").starts_with("limit:"));
        assert!(err("actor=RUS%20GOV").starts_with("actor:"));
        assert!(err("merged=maybe").starts_with("merged:"));
        assert!(
            err("colour=red").contains("colour"),
            "{}",
            err("colour=red")
        );
        assert_eq!(err("type=ASSAULT&country=UKR&since=2024-05&limit=10"), "");
    }
}
