//! `GET /api/events`: event mentions (or merged events) with `dyad events`' filters, a page at
//! a time, in date order (or newest first).

use crate::api::filters::{self, bool_param, number_param, FilterQuery};
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use dyad_store::Cursor;
use serde::{Deserialize, Serialize};

/// Rows per page unless `limit` says otherwise, and the most it may say.
const DEFAULT_LIMIT: usize = 100;
const MAX_LIMIT: usize = 1000;

/// `GET /api/events`' own parameters (with the filters).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct PageQuery {
    /// Merged events (one per happening, with counts) instead of event mentions.
    #[param(value_type = Option<bool>)]
    merged: Option<String>,
    /// Rows per page (default 100, at most 1000).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
    /// The `next` of the previous page (of the same `order`).
    #[param(pattern = r"^-?[0-9]{1,18}~[0-9-]{0,10}$")]
    cursor: Option<String>,
    /// `oldest` first (default; undated first) or `newest` first (undated last).
    #[param(value_type = Option<String>, pattern = "^(oldest|newest)$")]
    order: Option<String>,
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

/// A page's place as the API writes it: `KEY~DATE` (no date after an undated row).
pub(crate) fn encode_cursor(c: &Cursor) -> String {
    format!("{}~{}", c.key, c.date.as_deref().unwrap_or_default())
}

pub(crate) fn decode_cursor(s: &str) -> Result<Cursor, ApiError> {
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

/// Event mentions (or merged events) matching the filters, in date order, a page at a time.
#[utoipa::path(
    get,
    path = "/api/events",
    operation_id = "list_events",
    params(FilterQuery, PageQuery),
    responses(
        (status = 200, description = "A page of events", body = EventsPage, links(
            ("event" = (operation_id = "get_event", parameters(("id" = "$response.body#/events/0/event_id"))))
        )),
        (status = 400, description = "A parameter is unknown or has a bad value", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<EventsPage>, ApiError> {
    let (filters, page): (FilterQuery, PageQuery) =
        filters::parse(raw.as_deref(), &["merged", "limit", "cursor", "order"])?;
    let limit = number_param("limit", &page.limit, 1..=MAX_LIMIT)?.unwrap_or(DEFAULT_LIMIT);
    let merged = bool_param("merged", &page.merged)?;
    let newest_first = match page.order.as_deref() {
        None | Some("oldest") => false,
        Some("newest") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "order: expected oldest or newest, got {other:?}"
            )))
        }
    };
    let filter = dyad_store::EventFilter {
        // one row more than the page tells whether there is a next page
        limit: Some(limit + 1),
        after: page.cursor.as_deref().map(decode_cursor).transpose()?,
        newest_first,
        ..filters.filter()?
    };
    let (mut rows, mut cursors) = app
        .pool
        .with(move |store| {
            filters::check_text(store, &filter)?;
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
        .await?;
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
            let parsed = filters::parse::<PageQuery>(Some(q), &["merged", "limit", "cursor"]);
            let checked = parsed.and_then(|(f, p)| {
                f.filter()?;
                number_param("limit", &p.limit, 1..=MAX_LIMIT)?;
                bool_param("merged", &p.merged)?;
                p.cursor.as_deref().map(decode_cursor).transpose()?;
                Ok(())
            });
            match checked {
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

/// Where an event mention was reported.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Citation {
    /// The document's id.
    doc_id: String,
    title: Option<String>,
    url: Option<String>,
    /// The outlet.
    source: Option<String>,
    /// Publication date.
    date: Option<String>,
}

impl Citation {
    fn of(d: &dyad_store::DocumentInfo) -> Citation {
        Citation {
            doc_id: d.id.clone(),
            title: d.title.clone(),
            url: d.url.clone(),
            source: d.source.clone(),
            date: d.date.clone(),
        }
    }
}

/// A report of a merged event: the mention's id, sentence and document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Report {
    event_id: String,
    sentence: String,
    document: Citation,
}

/// One event mention with its evidence, its document, and the merged event it belongs to
/// with every report of it.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct EventDetail {
    /// The CONTRACT.md record (sentence, trigger and actor spans, rule, confidence...).
    #[schema(value_type = dyad_model::EventRecord)]
    event: serde_json::Value,
    document: Citation,
    /// The merged event; null for a mention stored before merging existed.
    merged: Option<dyad_store::EventRow>,
    /// The reports of the merged event, in date order.
    reports: Vec<Report>,
}

/// One event mention by its `event_id`, in the latest run.
#[utoipa::path(
    get,
    path = "/api/events/{id}",
    operation_id = "get_event",
    params(("id" = String, Path, description = "The event mention's `event_id`", pattern = r"^[A-Za-z0-9]{1,64}$")),
    responses(
        (status = 200, description = "The event with its evidence and reports", body = EventDetail),
        (status = 400, description = "Not an event id", body = ErrorBody),
        (status = 404, description = "No such event in the latest run", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn one(
    State(app): State<App>,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Result<Json<EventDetail>, ApiError> {
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::bad_request(format!(
            "id: not an event id: {id:?}"
        )));
    }
    let detail = app
        .pool
        .with(move |store| {
            let mut found = None;
            store.each_mention_row(
                &dyad_store::EventFilter {
                    event_id: Some(id.clone()),
                    limit: Some(1),
                    ..Default::default()
                },
                |m| {
                    found = Some(m.clone());
                    Ok(())
                },
            )?;
            let Some(m) = found else {
                return Err(ApiError {
                    status: StatusCode::NOT_FOUND,
                    message: format!("no event {id} in the latest run"),
                });
            };
            let mut merged = None;
            let mut reports = Vec::new();
            if let Some(key) = m.event_key {
                let of_event = dyad_store::EventFilter {
                    event_key: Some(key),
                    ..Default::default()
                };
                store.each_event(&of_event, |e| {
                    merged = Some(e.clone());
                    Ok(())
                })?;
                store.each_mention_row(&of_event, |r| {
                    let record: serde_json::Value =
                        serde_json::from_str(&r.record).unwrap_or_default();
                    let field = |key: &str| {
                        let value = record.get(key).and_then(|v| v.as_str());
                        value.unwrap_or_default().to_string()
                    };
                    reports.push(Report {
                        event_id: field("event_id"),
                        sentence: field("sentence"),
                        document: Citation::of(&r.document),
                    });
                    Ok(())
                })?;
            }
            Ok(EventDetail {
                event: serde_json::from_str(&m.record).unwrap_or_default(),
                document: Citation::of(&m.document),
                merged,
                reports,
            })
        })
        .await?;
    Ok(Json(detail))
}
