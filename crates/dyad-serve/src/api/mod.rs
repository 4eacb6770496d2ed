//! The API's handlers, one module per resource, and the OpenAPI document built from them.

pub(crate) mod aggregates;
pub(crate) mod compare;
pub(crate) mod documents;
pub(crate) mod events;
pub(crate) mod filters;

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
    paths(
        events::list,
        events::one,
        documents::list,
        documents::one,
        aggregates::series,
        aggregates::network
    ),
    components(schemas(
        ErrorBody,
        events::EventsPage,
        events::ListedEvent,
        aggregates::Series,
        aggregates::Network
    ))
)]
pub(crate) struct ApiDoc;
