//! Aggregates over the filtered event mentions of a run, computed in the store (SQL `GROUP
//! BY`), so that a client draws a timeline or a network from a few hundred rows whatever the
//! size of the store: counts and Goldstein sums per period ([`Store::series`]) and
//! actor-to-recipient edges ([`Store::network`]).

use crate::query::{EventFilter, Plan};
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
    fn all_matching(&self, filter: &EventFilter) -> Result<Option<Plan>, StoreError> {
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
    /// period (and per country or dyad), in period order. Undated mentions are left out.
    pub fn series(
        &self,
        filter: &EventFilter,
        bucket: Bucket,
        by: SeriesBy,
    ) -> Result<Vec<SeriesRow>, StoreError> {
        let Some(Plan {
            from,
            condition,
            params,
            ..
        }) = self.all_matching(filter)?
        else {
            return Ok(Vec::new());
        };
        let period = match bucket {
            Bucket::Day => "substr(m.date, 1, 10)",
            Bucket::Week => "date(m.date, '-6 days', 'weekday 1')",
            Bucket::Month => "substr(m.date, 1, 7)",
        };
        let (key, join) = match by {
            SeriesBy::Total => ("NULL", String::new()),
            SeriesBy::Country => (
                "k.country",
                "JOIN mention_countries k ON k.mention_key = m.mention_key".to_string(),
            ),
            SeriesBy::Dyad => (
                "coalesce((SELECT substr(a.code, 1, 3) FROM mention_actors a WHERE a.mention_key = m.mention_key AND a.side = 'source' LIMIT 1), '?')
                 || '-' || coalesce((SELECT substr(a.code, 1, 3) FROM mention_actors a WHERE a.mention_key = m.mention_key AND a.side = 'target' LIMIT 1), '?')",
                String::new(),
            ),
        };
        let sql = format!(
            "SELECT {period} AS p, {key} AS k, count(*), round(total(m.goldstein), 3),
                    sum(m.quad IN (1, 2)), sum(m.quad IN (3, 4))
             FROM {from} {join}
             WHERE {condition} AND m.date IS NOT NULL
             GROUP BY p, k ORDER BY p, k LIMIT {MAX_ROWS}"
        );
        let mut out = Vec::new();
        self.each_row(
            &sql,
            params,
            |row| {
                Ok(SeriesRow {
                    period: row.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    key: row.get(1)?,
                    count: row.get(2)?,
                    goldstein: row.get(3)?,
                    cooperation: row.get::<_, Option<i64>>(4)?.unwrap_or(0),
                    conflict: row.get::<_, Option<i64>>(5)?.unwrap_or(0),
                })
            },
            |r| {
                out.push(r);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// The edges from acting actors to recipients among the matching mentions, largest first:
    /// by full code, or by country (`countries`: the codes' three-letter prefixes); at most
    /// `limit` edges.
    pub fn network(
        &self,
        filter: &EventFilter,
        countries: bool,
        limit: usize,
    ) -> Result<Vec<Edge>, StoreError> {
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
        let sql = format!(
            "SELECT {s} AS a, {t} AS b, count(DISTINCT m.mention_key), round(avg(m.goldstein), 3)
             FROM {from}
             JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
             JOIN mention_actors t ON t.mention_key = m.mention_key AND t.side = 'target'
             WHERE {condition}
             GROUP BY a, b ORDER BY 3 DESC, a, b LIMIT {}",
            limit.min(MAX_ROWS)
        );
        let mut out = Vec::new();
        self.each_row(
            &sql,
            params,
            |row| {
                Ok(Edge {
                    source: row.get(0)?,
                    target: row.get(1)?,
                    count: row.get(2)?,
                    goldstein: row.get::<_, Option<f64>>(3)?.unwrap_or(0.0),
                })
            },
            |e| {
                out.push(e);
                Ok(())
            },
        )?;
        Ok(out)
    }
}
