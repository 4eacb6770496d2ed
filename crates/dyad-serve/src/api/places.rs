//! `GET /api/places`: where the matching events happened, for the map: points per place and
//! counts per country, aggregated in the store.

use crate::api::filters::{self, FilterQuery};
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::{CountryCount, PlacePoint};
use serde::{Deserialize, Serialize};

/// `GET /api/places`' own parameters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct PlacesQuery {
    /// The most points, places with most events first (default 1000, at most 5000).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
}

/// A country's located events, with the codes a world map keys its shapes by.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct MapCountry {
    #[serde(flatten)]
    counts: CountryCount,
    /// ISO 3166-1 numeric, three digits (the id of Natural Earth's shapes in `world-atlas`).
    numeric: Option<String>,
    /// English name.
    name: Option<String>,
}

/// Points and country counts for a map.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct MapPlaces {
    points: Vec<PlacePoint>,
    countries: Vec<MapCountry>,
}

/// The matching event mentions' places with coordinates (most events first) and their counts
/// per country of location.
#[utoipa::path(
    get,
    path = "/api/places",
    params(FilterQuery, PlacesQuery),
    responses(
        (status = 200, description = "Points by place and counts by country", body = MapPlaces),
        (status = 400, description = "A parameter is unknown or has a bad value", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn places(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<MapPlaces>, ApiError> {
    let (filters, own): (FilterQuery, PlacesQuery) = filters::parse(raw.as_deref(), &["limit"])?;
    let filter = filters.filter()?;
    let limit = filters::number_param("limit", &own.limit, 1..=5000)?.unwrap_or(1000);
    let places = app
        .pool
        .with(move |store| {
            filters::check_text(store, &filter)?;
            Ok(store.places(&filter, limit)?)
        })
        .await?;
    let geo = dyad_geo::Gazetteer::embedded();
    let countries = places
        .countries
        .into_iter()
        .map(|counts| {
            let facts = geo.country_facts(&counts.country);
            MapCountry {
                numeric: facts.and_then(|f| f.numeric).map(|n| format!("{n:03}")),
                name: facts.map(|f| f.name.clone()),
                counts,
            }
        })
        .collect();
    Ok(Json(MapPlaces {
        points: places.points,
        countries,
    }))
}
