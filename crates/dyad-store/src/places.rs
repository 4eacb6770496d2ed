//! Where the matching events happened, aggregated in the store for a map: one point per
//! place (name, country, coordinates and how precise they are) and one count per country,
//! so that a client draws a map from a few thousand rows whatever the size of the store.

use crate::query::Plan;
use crate::store::Store;
use crate::{EventFilter, StoreError};

/// The most points a map gets (the places with most events first).
const MAX_POINTS: usize = 5_000;

/// The events at one place.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct PlacePoint {
    pub name: String,
    /// ISO 3166 alpha-3, when the place is in a known country.
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// How precise the coordinates are: `city`, `region` (first-level division), `country`...
    pub precision: Option<String>,
    pub count: i64,
    /// The mean Goldstein score of the events there.
    pub goldstein: f64,
}

/// The events located in one country (whatever the precision).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct CountryCount {
    /// ISO 3166 alpha-3.
    pub country: String,
    pub count: i64,
    pub goldstein: f64,
}

/// The points and country counts of a map.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Places {
    /// Located events by place, most events first (at most `limit`).
    pub points: Vec<PlacePoint>,
    /// Located events by country, most first.
    pub countries: Vec<CountryCount>,
}

impl Store {
    /// The matching events' places (those with coordinates) and countries: at most `limit`
    /// points, the places with most events first.
    pub fn places(&self, filter: &EventFilter, limit: usize) -> Result<Places, StoreError> {
        let Some(Plan {
            from,
            condition,
            params,
            ..
        }) = self.all_matching(filter)?
        else {
            return Ok(Places::default());
        };
        let limit = limit.min(MAX_POINTS);
        // one pass over the records; both groupings read the extracted columns
        let located = format!(
            "SELECT json_extract(m.record, '$.location.name') AS name,
                    json_extract(m.record, '$.location.country') AS country,
                    json_extract(m.record, '$.location.lat') AS lat,
                    json_extract(m.record, '$.location.lon') AS lon,
                    json_extract(m.record, '$.location.precision') AS precision,
                    m.goldstein AS g
             FROM {from} WHERE {condition}"
        );
        let points = self.all_rows(
            &format!(
                "WITH l AS ({located})
                 SELECT name, country, lat, lon, precision, count(*), round(total(g) / count(*), 3)
                 FROM l WHERE lat IS NOT NULL AND lon IS NOT NULL AND name IS NOT NULL
                 GROUP BY name, country, lat, lon, precision
                 ORDER BY 6 DESC, name LIMIT {limit}"
            ),
            params.clone(),
            |row| {
                Ok(PlacePoint {
                    name: row.get(0)?,
                    country: row.get(1)?,
                    lat: row.get(2)?,
                    lon: row.get(3)?,
                    precision: row.get(4)?,
                    count: row.get(5)?,
                    goldstein: row.get::<_, Option<f64>>(6)?.unwrap_or(0.0),
                })
            },
        )?;
        let countries = self.all_rows(
            &format!(
                "WITH l AS ({located})
                 SELECT country, count(*), round(total(g) / count(*), 3)
                 FROM l WHERE country IS NOT NULL AND country <> ''
                 GROUP BY country ORDER BY 2 DESC, country"
            ),
            params,
            |row| {
                Ok(CountryCount {
                    country: row.get(0)?,
                    count: row.get(1)?,
                    goldstein: row.get::<_, Option<f64>>(2)?.unwrap_or(0.0),
                })
            },
        )?;
        Ok(Places { points, countries })
    }
}
