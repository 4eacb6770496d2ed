//! `GET /api/documents` (a page of stored documents with their event counts) and
//! `GET /api/documents/{id}` (a document's text with every event and where in the text its
//! sentence stands, so that a reader can mark triggers and actors).

use crate::api::events::{decode_cursor, encode_cursor};
use crate::api::filters::number_param;
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::Json;
use dyad_store::DocumentSummary;
use serde::{Deserialize, Serialize};

/// `GET /api/documents`' parameters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DocumentsQuery {
    /// Documents per page (default 100, at most 1000).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    limit: Option<String>,
    /// The `next` of the previous page.
    #[param(pattern = r"^-?[0-9]{1,18}~[0-9-]{0,10}$")]
    cursor: Option<String>,
}

/// A page of documents.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct DocumentsPage {
    documents: Vec<DocumentSummary>,
    /// The cursor of the next page; null on the last.
    next: Option<String>,
}

/// Stored documents (latest versions) by publication date, a page at a time.
#[utoipa::path(
    get,
    path = "/api/documents",
    operation_id = "list_documents",
    params(DocumentsQuery),
    responses(
        (status = 200, description = "A page of documents", body = DocumentsPage, links(
            ("document" = (operation_id = "get_document", parameters(("id" = "$response.body#/documents/0/id"))))
        )),
        (status = 400, description = "A parameter is unknown or has a bad value", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn list(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<DocumentsPage>, ApiError> {
    let q: DocumentsQuery = crate::api::filters::params(raw.as_deref())?;
    let limit = number_param("limit", &q.limit, 1..=1000)?.unwrap_or(100);
    let after = q.cursor.as_deref().map(decode_cursor).transpose()?;
    let mut documents = app
        .pool
        .with(move |store| Ok(store.documents_page(None, after.as_ref(), limit + 1)?))
        .await?;
    let next = if documents.len() > limit {
        documents.truncate(limit);
        documents.last().map(|d| encode_cursor(&d.cursor))
    } else {
        None
    };
    Ok(Json(DocumentsPage { documents, next }))
}

/// An event of a document and where its sentence begins in the text.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct PlacedEvent {
    /// The CONTRACT.md record; its spans count characters in `sentence`.
    #[schema(value_type = dyad_model::EventRecord)]
    event: serde_json::Value,
    /// The character offset of the sentence in `text` (null if the sentence is not found in
    /// the text as it is, e.g. after whitespace was normalized).
    sentence_offset: Option<i64>,
}

/// A document's latest version with its events.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct DocumentDetail {
    id: String,
    version: i64,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    date: Option<String>,
    /// The body text as dyad read it.
    text: String,
    events: Vec<PlacedEvent>,
}

/// One document by its id (latest version) with its events in the latest run.
#[utoipa::path(
    get,
    path = "/api/documents/{id}",
    operation_id = "get_document",
    params(("id" = String, Path, description = "The document's id", pattern = r"^[^\u0000-\u001F\u007F-\u009F]{1,512}$")),
    responses(
        (status = 200, description = "The document and its events", body = DocumentDetail),
        (status = 400, description = "Not a document id", body = ErrorBody),
        (status = 404, description = "No such document", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn one(
    State(app): State<App>,
    Path(id): Path<String>,
) -> Result<Json<DocumentDetail>, ApiError> {
    if !crate::api::body::servable_id(&id) {
        return Err(ApiError::bad_request(format!(
            "id: not a document id: {id:?}"
        )));
    }
    let detail = app
        .pool
        .with(move |store| {
            let Some((key, version)) = store.latest_version(&id)? else {
                return Err(ApiError {
                    status: StatusCode::NOT_FOUND,
                    message: format!("no document {id:?} in the store"),
                });
            };
            let doc = store.document(key)?;
            let mut events = Vec::new();
            store.each_mention_row(
                &dyad_store::EventFilter {
                    document: Some(key),
                    ..Default::default()
                },
                |m| {
                    events.push(PlacedEvent {
                        event: serde_json::from_str(&m.record).unwrap_or_default(),
                        sentence_offset: m.sentence_offset,
                    });
                    Ok(())
                },
            )?;
            // in the order of the text
            events.sort_by_key(|e| {
                let start = e
                    .event
                    .get("trigger")
                    .and_then(|t| t.get("span"))
                    .and_then(|span| span.get(0));
                (
                    e.event
                        .get("sentence_index")
                        .and_then(|i| i.as_u64())
                        .unwrap_or(0),
                    start.and_then(|s| s.as_u64()).unwrap_or(0),
                )
            });
            Ok(DocumentDetail {
                id: doc.id,
                version,
                title: doc.title,
                url: doc.url,
                source: doc.source,
                date: doc.date.map(|d| d.to_string()),
                text: doc.text,
                events,
            })
        })
        .await?;
    Ok(Json(detail))
}
