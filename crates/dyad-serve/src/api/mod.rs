//! The API's handlers, one module per resource, and the OpenAPI document built from them.

pub(crate) mod events;

use crate::error::ErrorBody;
use utoipa::OpenApi;

/// The OpenAPI document: every route's parameters and answers come from the handlers' own
/// types (`#[utoipa::path]` on each handler), so the document cannot drift from the routes.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "dyad",
        description = "Event data coded by dyad from news text: who did what to whom, where and when (PLOVER and CAMEO), with the evidence.",
        license(name = "MIT")
    ),
    paths(events::list),
    components(schemas(ErrorBody, events::EventsPage, events::ListedEvent))
)]
pub(crate) struct ApiDoc;
