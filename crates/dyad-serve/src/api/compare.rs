//! `GET /api/compare?a=CODE&b=CODE`: the actors that call for a ceasefire or settlement
//! concerning A while they give military aid, support or cooperation to a party in B (see
//! `dyad_store::Store::compare` for the rule), each with the evidence on both sides.

use crate::api::filters::{code_param, date_param, number_param};
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::extract::{RawQuery, State};
use axum::Json;
use dyad_store::{Comparison, EventFilter, RunId};
use serde::{Deserialize, Serialize};

/// `GET /api/compare`' parameters.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct CompareQuery {
    /// Conflict A: a country or actor code prefix (`AZE`, `ARM`).
    #[param(required = true, value_type = String, pattern = r"^[A-Za-z0-9]{1,24}$")]
    a: Option<String>,
    /// Conflict B: a country or actor code prefix (`UKR`).
    #[param(required = true, value_type = String, pattern = r"^[A-Za-z0-9]{1,24}$")]
    b: Option<String>,
    /// Evidence on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[param(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    since: Option<String>,
    /// Evidence on or before this date.
    #[param(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")]
    until: Option<String>,
    /// The coding run (default the latest).
    #[param(value_type = Option<i64>, minimum = 1)]
    run: Option<String>,
}

/// The actors found on both sides.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub(crate) struct CompareAnswer {
    a: String,
    b: String,
    actors: Vec<Comparison>,
}

/// Who calls for a ceasefire or settlement concerning A while arming or backing a side in B.
#[utoipa::path(
    get,
    path = "/api/compare",
    operation_id = "compare",
    params(CompareQuery),
    responses(
        (status = 200, description = "The actors on both sides, with evidence", body = CompareAnswer),
        (status = 400, description = "A parameter is missing, unknown or has a bad value", body = ErrorBody),
        (status = 408, description = "The query took longer than 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn compare(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Json<CompareAnswer>, ApiError> {
    let q: CompareQuery = crate::api::filters::params(raw.as_deref())?;
    let need = |name: &str, v: &Option<String>| -> Result<String, ApiError> {
        code_param(name, v)?
            .map(|c| c.to_uppercase())
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "{name}: required (a country or actor code prefix, such as AZE)"
                ))
            })
    };
    let (a, b) = (need("a", &q.a)?, need("b", &q.b)?);
    let filter = EventFilter {
        run: number_param("run", &q.run, 1..=i64::MAX)?.map(RunId),
        since: date_param("since", &q.since)?,
        until: date_param("until", &q.until)?,
        ..Default::default()
    };
    let (qa, qb) = (a.clone(), b.clone());
    let actors = app
        .pool
        .with(move |store| Ok(store.compare(&filter, &qa, &qb)?))
        .await?;
    Ok(Json(CompareAnswer { a, b, actors }))
}
