//! The body of `POST /api/documents`: how it is read (a JSON value or JSON lines, by its
//! content type) and its schema in the OpenAPI document.

use crate::error::ApiError;
use axum::http::HeaderMap;
use serde::Serialize;

/// A document to code, in CONTRACT.md's input shape (a schema only: the body is read by
/// `dyad_ingest`, as `dyad ingest` reads JSON lines). Fields it does not name are kept.
#[derive(Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub(crate) struct PostedDocument {
    /// The document's id (a number stands for its JSON spelling); made from the text when
    /// absent or empty.
    #[schema(schema_with = id_schema)]
    id: Option<String>,
    /// The body text; it must hold more than whitespace and a dateline.
    #[schema(pattern = r"\S")]
    text: String,
    /// Publication date: ISO 8601, a date or a date and time.
    #[schema(format = Date)]
    date: Option<String>,
    title: Option<String>,
    url: Option<String>,
    /// The outlet.
    source: Option<String>,
    language: Option<String>,
}

/// `id`: a string of at most 512 characters without control characters (so that
/// `GET /api/documents/{id}` can serve it), a number, or null.
fn id_schema() -> utoipa::openapi::schema::Schema {
    use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
    OneOfBuilder::new()
        .item(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some(r"^[^\u0000-\u001F\u007F-\u009F]{0,512}$")),
        )
        .item(ObjectBuilder::new().schema_type(Type::Number))
        .item(ObjectBuilder::new().schema_type(Type::Null))
        .build()
        .into()
}

/// Whether `GET /api/documents/{id}` can serve a document of this id (its own check).
pub(crate) fn servable_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= 512 && !id.chars().any(char::is_control)
}

/// A JSON body: one document or an array of them.
#[derive(Serialize, utoipa::ToSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub(crate) enum PostedJson {
    One(PostedDocument),
    Many(Vec<PostedDocument>),
}

/// How a body is read, by its `Content-Type`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// `application/json`: one JSON value, an object or an array of objects, which must be
    /// documents throughout (a JSON value is valid or not as a whole).
    Json,
    /// `application/x-ndjson` (or `jsonl`): read line by line, as `dyad ingest` reads a file; a
    /// line that is no document is reported with its number while the others are stored.
    Lines,
    /// Anything else (curl's default form type, none): JSON if the body is one JSON value,
    /// else JSON lines.
    Either,
}

impl Shape {
    pub(crate) fn of(headers: &HeaderMap) -> Shape {
        let media = headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|h| h.to_str().ok())
            .and_then(|h| h.split(';').next())
            .map(|m| m.trim().to_ascii_lowercase());
        match media.as_deref() {
            Some("application/json") => Shape::Json,
            Some("application/x-ndjson" | "application/jsonl" | "application/json-lines") => {
                Shape::Lines
            }
            _ => Shape::Either,
        }
    }
}

/// The body as JSON lines, and whether it was one JSON value (read strictly, see [`Shape`]).
pub(crate) fn as_lines(body: &str, shape: Shape) -> Result<(String, bool), ApiError> {
    let parsed = match shape {
        Shape::Lines => return Ok((body.to_string(), false)),
        _ => serde_json::from_str::<serde_json::Value>(body),
    };
    match parsed {
        Ok(serde_json::Value::Array(items)) => {
            Ok((items.iter().map(|v| format!("{v}\n")).collect(), true))
        }
        Ok(one @ serde_json::Value::Object(_)) => Ok((format!("{one}\n"), true)),
        Ok(other) => Err(ApiError::bad_request(format!(
            "body: expected a document object, an array of them, or JSON lines; got a JSON {}",
            match other {
                serde_json::Value::Null => "null",
                serde_json::Value::Bool(_) => "boolean",
                serde_json::Value::Number(_) => "number",
                _ => "string",
            }
        ))),
        Err(e) if shape == Shape::Json => Err(ApiError::bad_request(format!(
            "body: not JSON ({e}); send JSON lines as application/x-ndjson"
        ))),
        Err(_) => Ok((body.to_string(), false)),
    }
}

/// The schema of a JSON lines body: text with more than whitespace in it.
pub(crate) struct JsonLines;

impl utoipa::PartialSchema for JsonLines {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .pattern(Some(r"\S"))
            .description(Some("JSON lines: a document object per line"))
            .into()
    }
}

impl utoipa::ToSchema for JsonLines {}
