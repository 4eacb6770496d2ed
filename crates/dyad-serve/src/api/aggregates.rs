//! `GET /api/series` and `GET /api/network`: aggregates computed in the store, with the
//! filters of `/api/events`.

use crate::api::filters::{self, FilterQuery};
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::{Bucket, Edge, SeriesBy, SeriesRow};
use serde::{Deserialize, Serialize};

/// `GET /api/series`' own parameters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct SeriesQuery {
    /// The period: `day`, `week` (named by its Monday) or `month` (default).
    #[param(value_type = Option<String>, pattern = "^(day|week|month)$")]
    bucket: Option<String>,
    /// A series per `country` (either side), per `dyad` (source and target country), or one
    /// `total` (default).
    #[param(value_type = Option<String>, pattern = "^(total|country|dyad)$")]
    by: Option<String>,
}

/// A series of counts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Series {
    series: Vec<SeriesRow>,
}

/// Counts, Goldstein sums and cooperation/conflict counts of the matching event mentions per
/// day, week or month, in total or per country or dyad.
#[utoipa::path(
    get,
    path = "/api/series",
    operation_id = "series",
    params(FilterQuery, SeriesQuery),
    responses(
        (status = 200, description = "The series, in period order", body = Series),
        (status = 400, description = "A parameter is unknown or has a bad value", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn series(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Series>, ApiError> {
    let (filters, own): (FilterQuery, SeriesQuery) =
        filters::parse(raw.as_deref(), &["bucket", "by"])?;
    let filter = filters.filter()?;
    let bucket = match own.bucket.as_deref() {
        None | Some("month") => Bucket::Month,
        Some("week") => Bucket::Week,
        Some("day") => Bucket::Day,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "bucket: expected day, week or month, got {other:?}"
            )))
        }
    };
    let by = match own.by.as_deref() {
        None | Some("total") => SeriesBy::Total,
        Some("country") => SeriesBy::Country,
        Some("dyad") => SeriesBy::Dyad,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "by: expected total, country or dyad, got {other:?}"
            )))
        }
    };
    let series = app
        .pool
        .with(move |store| {
            filters::check_text(store, &filter)?;
            Ok(store.series(&filter, bucket, by)?)
        })
        .await?;
    Ok(Json(Series { series }))
}

/// `GET /api/network`' own parameters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct NetworkQuery {
    /// Nodes are actor codes (`actor`, default) or their countries (`country`).
    #[param(value_type = Option<String>, pattern = "^(actor|country)$")]
    level: Option<String>,
    /// The most edges, largest first (default 200, at most 5000).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 5000)]
    limit: Option<String>,
}

/// Who acts on whom.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct Network {
    edges: Vec<Edge>,
}

/// Edges from acting actors to recipients among the matching event mentions, weighted by
/// count, with their mean Goldstein score.
#[utoipa::path(
    get,
    path = "/api/network",
    operation_id = "network",
    params(FilterQuery, NetworkQuery),
    responses(
        (status = 200, description = "The edges, largest first", body = Network),
        (status = 400, description = "A parameter is unknown or has a bad value", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn network(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<Network>, ApiError> {
    let (filters, own): (FilterQuery, NetworkQuery) =
        filters::parse(raw.as_deref(), &["level", "limit"])?;
    let filter = filters.filter()?;
    let countries = match own.level.as_deref() {
        None | Some("actor") => false,
        Some("country") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "level: expected actor or country, got {other:?}"
            )))
        }
    };
    let limit = filters::number_param("limit", &own.limit, 1..=5000)?.unwrap_or(200);
    let edges = app
        .pool
        .with(move |store| {
            filters::check_text(store, &filter)?;
            Ok(store.network(&filter, countries, limit)?)
        })
        .await?;
    Ok(Json(Network { edges }))
}
