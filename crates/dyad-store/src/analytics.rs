//! Aggregates over the filtered event mentions of a run, computed in the store (SQL `GROUP
//! BY`), so that a client draws a timeline or a network from a few hundred rows whatever the
//! size of the store: counts and Goldstein sums per period ([`Store::series`]) and
//! actor-to-recipient edges ([`Store::network`]).

use crate::query::{EventFilter, Plan};
use crate::rollups::{Dim, Period, Rollup};
use crate::store::Store;
use crate::StoreError;

/// The period a series counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    /// ISO weeks, named by their Monday.
    Week,
    Month,
}

/// What a series is split by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesBy {
    /// One series of all matching mentions.
    Total,
    /// A series per country on either side (the three-letter prefix of an actor's code).
    Country,
    /// A series per dyad: the first source's and the first target's country, `RUS-UKR`.
    Dyad,
}

/// One period of a series.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct SeriesRow {
    /// `YYYY-MM-DD` (day, or a week's Monday) or `YYYY-MM`.
    pub period: String,
    /// The country or dyad; null for the total.
    pub key: Option<String>,
    pub count: i64,
    /// The sum of the mentions' Goldstein scores (-10 conflict to +10 cooperation).
    pub goldstein: f64,
    /// Mentions of quad classes 1 and 2 (verbal and material cooperation).
    pub cooperation: i64,
    /// Mentions of quad classes 3 and 4 (verbal and material conflict).
    pub conflict: i64,
}

/// Who acts on whom: the mentions with `source` among their acting actors and `target` among
/// their recipients.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub count: i64,
    /// The mean Goldstein score of those mentions.
    pub goldstein: f64,
}

/// The most rows an aggregate returns.
const MAX_ROWS: usize = 20_000;

impl Store {
    /// The plan of every mention the filter matches (no page, no cursor), or None without a run.
    pub(crate) fn all_matching(&self, filter: &EventFilter) -> Result<Option<Plan>, StoreError> {
        let Some(run) = self.run_of(filter)? else {
            return Ok(None);
        };
        let whole = EventFilter {
            after: None,
            limit: None,
            ..filter.clone()
        };
        Ok(Some(whole.plan(run)))
    }

    /// Counts, Goldstein sums and cooperation/conflict counts of the matching mentions per
    /// period (and per country on either side, or per pair of source and target countries: a
    /// mention counts once for each), in period order. Undated mentions are left out. Filters
    /// of type, quad class and dates alone are answered from the daily rollups.
    pub fn series(
        &self,
        filter: &EventFilter,
        bucket: Bucket,
        by: SeriesBy,
    ) -> Result<Vec<SeriesRow>, StoreError> {
        let period = |date: &str| match bucket {
            Bucket::Day => format!("substr({date}, 1, 10)"),
            Bucket::Week => format!("date({date}, '-6 days', 'weekday 1')"),
            Bucket::Month => format!("substr({date}, 1, 7)"),
        };
        // rows of (period p, key k, mentions n, Goldstein sum g, cooperation c1, conflict c2)
        let by_quad = "CASE WHEN r.quad IN (1, 2) THEN r.n ELSE 0 END AS c1,
                       CASE WHEN r.quad IN (3, 4) THEN r.n ELSE 0 END AS c2";
        let by_country = "r.cooperation AS c1, r.conflict AS c2";
        let month = bucket == Bucket::Month;
        // the rollups that may answer, finest last, and the key each gives a row
        let (key, candidates): (&str, Vec<Rollup>) = match (by, filter.country.is_some()) {
            (SeriesBy::Total, false) => (
                "NULL",
                vec![
                    Rollup::new("rollup_months", Dim::Quad, Period::Month),
                    Rollup::new("rollup_days", Dim::Quad, Period::Day),
                ],
            ),
            (SeriesBy::Dyad, false) => (
                "r.source || '-' || r.target",
                vec![
                    Rollup::new("rollup_pair_months", Dim::Quad, Period::Month),
                    Rollup::new("rollup_pairs", Dim::Quad, Period::Day),
                ],
            ),
            (SeriesBy::Total, true) | (SeriesBy::Country, false) => (
                if by == SeriesBy::Country {
                    "r.country"
                } else {
                    "NULL"
                },
                vec![
                    Rollup::new("rollup_country_months", Dim::Country, Period::Month),
                    Rollup::new("rollup_countries", Dim::Country, Period::Day),
                ],
            ),
            // the countries of mentions that have another one: no rollup keeps both
            _ => ("NULL", Vec::new()),
        };
        // a month rollup for monthly periods only
        let candidates: Vec<Rollup> = candidates
            .into_iter()
            .filter(|r| month || r.period != Period::Month)
            .collect();
        let rolled = self
            .first_rollup(filter, &candidates)?
            .map(|(rollup, condition, params)| {
                let p = if rollup.period == Period::Month {
                    "r.month".to_string()
                } else {
                    period("r.day")
                };
                let split = if rollup.dim == Dim::Quad {
                    by_quad
                } else {
                    by_country
                };
                let table = rollup.table;
                let sql = format!(
                    "SELECT {p} AS p, {key} AS k, r.n AS n, r.goldstein AS g, {split}
                     FROM {table} r WHERE {condition}"
                );
                (sql, params)
            });
        let (rows, params) = if let Some(rolled) = rolled {
            rolled
        } else {
            let Some(Plan {
                from,
                condition,
                params,
                ..
            }) = self.all_matching(filter)?
            else {
                return Ok(Vec::new());
            };
            let p = period("m.date");
            let each = "1 AS n, m.goldstein AS g, coalesce(m.quad, 0) IN (1, 2) AS c1,
                        coalesce(m.quad, 0) IN (3, 4) AS c2";
            let sql = match by {
                SeriesBy::Total => format!(
                    "SELECT {p} AS p, NULL AS k, {each}
                     FROM {from} WHERE {condition} AND m.date IS NOT NULL"
                ),
                SeriesBy::Country => format!(
                    "SELECT {p} AS p, k.country AS k, {each}
                     FROM {from} JOIN mention_countries k ON k.mention_key = m.mention_key
                     WHERE {condition} AND m.date IS NOT NULL"
                ),
                SeriesBy::Dyad => format!(
                    "SELECT DISTINCT m.mention_key, {p} AS p,
                            substr(s.code, 1, 3) || '-' || substr(t.code, 1, 3) AS k, {each}
                     FROM {from}
                     JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
                     JOIN mention_actors t ON t.mention_key = m.mention_key AND t.side = 'target'
                     WHERE {condition} AND m.date IS NOT NULL"
                ),
            };
            (sql, params)
        };
        let sql = format!(
            "SELECT p, k, sum(n), round(total(g), 3), sum(c1), sum(c2)
             FROM ({rows}) GROUP BY p, k ORDER BY p, k LIMIT {MAX_ROWS}"
        );
        self.all_rows(&sql, params, |row| {
            Ok(SeriesRow {
                period: row.get::<_, Option<String>>(0)?.unwrap_or_default(),
                key: row.get(1)?,
                count: row.get(2)?,
                goldstein: row.get(3)?,
                cooperation: row.get::<_, Option<i64>>(4)?.unwrap_or(0),
                conflict: row.get::<_, Option<i64>>(5)?.unwrap_or(0),
            })
        })
    }

    /// The edges from acting actors to recipients among the matching dated mentions (a
    /// mention counts once per edge), largest first: by full code, or by country
    /// (`countries`: the codes' three-letter prefixes; from the daily rollups when the filter
    /// is only of type, quad class and dates); at most `limit` edges.
    pub fn network(
        &self,
        filter: &EventFilter,
        countries: bool,
        limit: usize,
    ) -> Result<Vec<Edge>, StoreError> {
        let limit = limit.min(MAX_ROWS);
        // the country pairs of all mentions, or the actor edges of one country's mentions
        let candidates = if countries {
            vec![
                Rollup::new("rollup_pair_totals", Dim::Quad, Period::Run),
                Rollup::new("rollup_pair_months", Dim::Quad, Period::Month),
                Rollup::new("rollup_pairs", Dim::Quad, Period::Day),
            ]
        } else if filter.country_key().is_some() {
            vec![Rollup::new("rollup_actor_edges", Dim::Country, Period::Day)]
        } else {
            Vec::new()
        };
        let rolled = self
            .first_rollup(filter, &candidates)?
            .map(|(rollup, condition, params)| ((condition, params), rollup.table));
        let (sql, params) = if let Some(((condition, params), table)) = rolled {
            (
                format!(
                    "SELECT r.source AS a, r.target AS b, sum(r.n), round(total(r.goldstein) / sum(r.n), 3)
                     FROM {table} r WHERE {condition}
                     GROUP BY a, b ORDER BY 3 DESC, a, b LIMIT {limit}"
                ),
                params,
            )
        } else {
            let Some(Plan {
                from,
                condition,
                params,
                ..
            }) = self.all_matching(filter)?
            else {
                return Ok(Vec::new());
            };
            let (s, t) = if countries {
                ("substr(s.code, 1, 3)", "substr(t.code, 1, 3)")
            } else {
                ("s.code", "t.code")
            };
            (
                format!(
                    "SELECT a, b, count(*), round(avg(g), 3) FROM (
                        SELECT DISTINCT m.mention_key, {s} AS a, {t} AS b, m.goldstein AS g
                        FROM {from}
                        JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
                        JOIN mention_actors t ON t.mention_key = m.mention_key AND t.side = 'target'
                        WHERE {condition} AND m.date IS NOT NULL)
                     GROUP BY a, b ORDER BY 3 DESC, a, b LIMIT {limit}"
                ),
                params,
            )
        };
        self.all_rows(&sql, params, |row| {
            Ok(Edge {
                source: row.get(0)?,
                target: row.get(1)?,
                count: row.get(2)?,
                goldstein: row.get::<_, Option<f64>>(3)?.unwrap_or(0.0),
            })
        })
    }
}
