//! The API's handlers, one module per resource, and the OpenAPI document built from them.

pub(crate) mod aggregates;
pub(crate) mod body;
pub(crate) mod compare;
pub(crate) mod documents;
pub(crate) mod events;
pub(crate) mod export;
pub(crate) mod filters;
pub(crate) mod ingest;
pub(crate) mod openapi;
pub(crate) mod places;

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
    modifiers(&BearerAuth),
    paths(
        events::list,
        events::one,
        documents::list,
        documents::one,
        aggregates::series,
        aggregates::network,
        places::places,
        export::export,
        compare::compare,
        ingest::post,
        openapi::document
    ),
    components(schemas(
        ErrorBody,
        events::EventsPage,
        events::ListedEvent,
        aggregates::Series,
        aggregates::Network,
        places::MapPlaces
    ))
)]
pub(crate) struct ApiDoc;

/// The bearer scheme that write endpoints name.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
