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
        let located = format!(
            "SELECT json_extract(m.record, '$.location.name') AS name,
                    json_extract(m.record, '$.location.country') AS country,
                    json_extract(m.record, '$.location.lat') AS lat,
                    json_extract(m.record, '$.location.lon') AS lon,
                    json_extract(m.record, '$.location.precision') AS precision,
                    m.goldstein AS g
             FROM {from} WHERE {condition}"
        );
        // one pass over the records: every place (their number is bounded by the gazetteer),
        // then the countries summed from them and the busiest places kept
        let groups = self.all_rows(
            &format!(
                "SELECT name, country, lat, lon, precision, count(*), total(g) FROM ({located})
                 WHERE country IS NOT NULL OR lat IS NOT NULL
                 GROUP BY name, country, lat, lon, precision"
            ),
            params,
            |row| {
                Ok((
                    row.get::<_, Option<String>>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<f64>>(2)?,
                    row.get::<_, Option<f64>>(3)?,
                    row.get::<_, Option<String>>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, f64>(6)?,
                ))
            },
        )?;
        let mean = |sum: f64, n: i64| (sum / n.max(1) as f64 * 1000.0).round() / 1000.0;
        let mut by_country: std::collections::BTreeMap<String, (i64, f64)> = Default::default();
        let mut points = Vec::new();
        for (name, country, lat, lon, precision, n, g) in groups {
            if let Some(c) = country.as_ref().filter(|c| !c.is_empty()) {
                let e = by_country.entry(c.clone()).or_default();
                e.0 += n;
                e.1 += g;
            }
            if let (Some(name), Some(lat), Some(lon)) = (name, lat, lon) {
                points.push(PlacePoint {
                    name,
                    country,
                    lat,
                    lon,
                    precision,
                    count: n,
                    goldstein: mean(g, n),
                });
            }
        }
        points.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        points.truncate(limit);
        let mut countries: Vec<CountryCount> = by_country
            .into_iter()
            .map(|(country, (count, g))| CountryCount {
                country,
                count,
                goldstein: mean(g, count),
            })
            .collect();
        countries.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.country.cmp(&b.country))
        });
        Ok(Places { points, countries })
    }
}
