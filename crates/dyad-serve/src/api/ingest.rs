//! `POST /api/documents`: documents in (a JSON object, an array of them, or JSON lines, in
//! CONTRACT.md's input shape), coded and stored as `dyad ingest` would, into the same run when
//! the options are the same. Needs the write token.

use crate::api::body::{as_lines, servable_id, JsonLines, PostedJson, Shape};
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use dyad_code::records::stable_hash;
use dyad_ingest::{read_reader, Format, IngestOptions};
use dyad_store::{Admission, RunInfo, Store};
use serde::Serialize;

/// What became of one posted document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Posted {
    id: String,
    /// `stored`, `already stored` (same id and text) or `error`.
    status: String,
    /// The version stored (a new text under a stored id is a new version).
    version: Option<i64>,
    /// Event mentions coded from it.
    events: usize,
    /// Another outlet's copy of a stored article: that article's id.
    copy_of: Option<String>,
}

/// A document that could not be read, or was given up as over the time budget, with where.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Unreadable {
    /// 1-based line of the body (JSON lines) or item of the array.
    line: Option<usize>,
    error: String,
}

/// What a post did.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct PostAnswer {
    documents: Vec<Posted>,
    unreadable: Vec<Unreadable>,
}

/// Code and store documents.
#[utoipa::path(
    post,
    path = "/api/documents",
    operation_id = "post_documents",
    request_body(
        description = "A document object or an array of them (all must be documents), or JSON lines (CONTRACT.md's input shape; a line that is no document is reported, the others stored)",
        content(
            (PostedJson = "application/json"),
            (JsonLines = "application/x-ndjson"),
        )
    ),
    responses(
        (status = 200, description = "What became of each document", body = PostAnswer, links(
            ("document" = (operation_id = "get_document", parameters(("id" = "$response.body#/documents/0/id"))))
        )),
        (status = 400, description = "The body is not documents", body = ErrorBody),
        (status = 401, description = "No or a wrong bearer token", body = ErrorBody),
        (status = 408, description = "Coding took longer than 30 s", body = ErrorBody),
        (status = 413, description = "The body is larger than 16 MiB", body = ErrorBody),
    ),
    security(("bearer" = []))
)]
pub(crate) async fn post(
    State(app): State<App>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<PostAnswer>, ApiError> {
    let auth = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok());
    if !app.token.accepts(auth) {
        return Err(ApiError {
            status: StatusCode::UNAUTHORIZED,
            message: "writing needs `Authorization: Bearer TOKEN` with the server's token".into(),
        });
    }
    let body = std::str::from_utf8(&body)
        .map_err(|e| ApiError::bad_request(format!("body: not UTF-8 ({e})")))?;
    if body.trim().is_empty() {
        return Err(ApiError::bad_request(
            "body: empty; expected a document object, an array of them, or JSON lines",
        ));
    }
    let (lines, whole) = as_lines(body, Shape::of(&headers))?;
    let pipeline = app.pipeline.clone();
    let writer = app.writer.clone();
    let path = app.store_path.clone();
    let answer = tokio::task::spawn_blocking(move || -> Result<PostAnswer, ApiError> {
        let mut unreadable = Vec::new();
        let mut docs = Vec::new();
        for item in read_reader(
            lines.as_bytes(),
            "request",
            Format::Jsonl,
            &IngestOptions::default(),
        ) {
            match item {
                // the API serves a document by its id in the path: one it could not serve is
                // refused here, not stored out of reach
                Ok(d) if !servable_id(&d.id) => unreadable.push(Unreadable {
                    line: d.origin.line,
                    error: "\"id\" must be 1 to 512 characters without control characters".into(),
                }),
                Ok(d) => docs.push(d),
                Err(e) => unreadable.push(Unreadable {
                    line: e.origin.line,
                    error: e.message,
                }),
            }
        }
        if whole && !unreadable.is_empty() {
            let why: Vec<String> = unreadable
                .iter()
                .map(|u| format!("item {}: {}", u.line.unwrap_or(1), u.error))
                .collect();
            return Err(ApiError::bad_request(format!(
                "body: not documents (nothing was stored): {}",
                why.join("; ")
            )));
        }
        // one writer at a time: SQLite has one, and a post is one run's worth of work
        let _guard = writer
            .lock()
            .map_err(|_| ApiError::internal("the writer lock is poisoned"))?;
        let mut store = Store::open(path.as_ref())?;
        let run = store.current_run(&RunInfo::for_ingest(None, 1, None))?;
        let mut documents = Vec::new();
        for doc in docs {
            let hash = stable_hash(&[&doc.text]);
            match store.admit(&doc.id, &hash)? {
                Admission::AlreadyStored => documents.push(Posted {
                    id: doc.id,
                    status: "already stored".into(),
                    version: None,
                    events: 0,
                    copy_of: None,
                }),
                Admission::Store { version } => {
                    let coded = pipeline.code_document(&doc);
                    if coded.over_budget.is_some() {
                        // as `dyad ingest` does: reported and not stored, so that a post of it
                        // with a larger budget (the CLI's --doc-budget) is not "already stored"
                        unreadable.push(Unreadable {
                            line: doc.origin.line,
                            error: format!(
                                "document {:?}: coding took longer than the budget of {} s; not stored",
                                doc.id,
                                pipeline.budget().map_or(0, |b| b.as_secs())
                            ),
                        });
                        continue;
                    }
                    let stored = store.store_document(run, &doc, &hash, version, &coded.events)?;
                    let copy_of = match stored.copy_of {
                        Some(k) => Some(store.document(k)?.id),
                        None => None,
                    };
                    documents.push(Posted {
                        id: doc.id,
                        status: "stored".into(),
                        version: Some(version),
                        events: coded.events.len(),
                        copy_of,
                    });
                }
            }
        }
        store.finish_run(run)?;
        Ok(PostAnswer {
            documents,
            unreadable,
        })
    })
    .await
    .map_err(|e| ApiError::internal(format!("ingest task failed: {e}")))??;
    Ok(Json(answer))
}
