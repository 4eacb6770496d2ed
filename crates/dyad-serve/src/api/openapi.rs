//! `GET /api/openapi.json`: the OpenAPI document, itself one of the routes it describes.

use crate::api::ApiDoc;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa::OpenApi;

/// This API's OpenAPI 3.1 document.
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    operation_id = "openapi",
    responses(
        (status = 200, description = "The OpenAPI 3.1 document of this API", body = Object, content_type = "application/json"),
    )
)]
pub(crate) async fn document() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], json())
}

/// The OpenAPI document as JSON. utoipa 5 writes a link's `operationId` as `operation_id`
/// (its `Link` lacks serde's camelCase), which readers of the document do not know, so the
/// keys of every link are renamed here.
fn document_json() -> Result<String, serde_json::Error> {
    let mut doc = serde_json::to_value(ApiDoc::openapi())?;
    if let Some(paths) = doc.get_mut("paths").and_then(|p| p.as_object_mut()) {
        let responses = paths
            .values_mut()
            .filter_map(|item| item.as_object_mut())
            .flat_map(|item| item.values_mut())
            .filter_map(|op| op.get_mut("responses").and_then(|r| r.as_object_mut()))
            .flat_map(|r| r.values_mut());
        for response in responses {
            let links = response.get_mut("links").and_then(|l| l.as_object_mut());
            for link in links.into_iter().flat_map(|l| l.values_mut()) {
                let Some(link) = link.as_object_mut() else {
                    continue;
                };
                for (from, to) in [
                    ("operation_id", "operationId"),
                    ("operation_ref", "operationRef"),
                ] {
                    if let Some(v) = link.remove(from) {
                        link.insert(to.to_string(), v);
                    }
                }
            }
        }
    }
    serde_json::to_string_pretty(&doc)
}

/// The document, or an error object if it cannot be written (it always can: it is built from
/// types, not input).
pub(crate) fn json() -> String {
    document_json().unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
