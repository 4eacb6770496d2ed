//! Which rollup answers an aggregate: the condition on a rollup's rows for a filter, when the
//! rollup keeps all that the filter asks (the tables are in `schema.rs`; `analytics.rs` reads
//! them).

use crate::query::EventFilter;
use crate::store::Store;
use crate::StoreError;
use rusqlite::types::Value;

/// What a rollup keeps besides run and type: the quad class (`rollup_days`, `rollup_pairs`
/// and their monthly and whole-run sums), or a country on either side (`rollup_countries`,
/// `rollup_country_months`, `rollup_actor_edges`), which answers a filter by a country key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dim {
    Quad,
    Country,
}

/// How finely a rollup keeps time. Coarser rollups have fewer rows to add up: a month has a
/// thirtieth of a day rollup's, the whole run fewer still.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    /// `day`: any date bounds.
    Day,
    /// `month`: bounds of whole months or years.
    Month,
    /// None: no date bounds.
    Run,
}

impl Store {
    /// The condition on a rollup `r` for a filter it can answer (run, type, dates as `period`
    /// allows, and what the rollup keeps besides: `dim`), or None.
    pub(crate) fn rollup_condition(
        &self,
        filter: &EventFilter,
        dim: Dim,
        period: Period,
    ) -> Result<Option<(String, Vec<Value>)>, StoreError> {
        let EventFilter {
            run,
            event,
            quad,
            since,
            until,
            country,
            actor: None,
            recipient: None,
            mode: None,
            place: None,
            asserted_only: false,
            text: None,
            event_id: None,
            event_key: None,
            document: None,
            ..
        } = filter
        else {
            return Ok(None);
        };
        let whole_months = |d: &Option<String>| d.as_ref().is_none_or(|d| d.len() <= 7);
        let dated = match period {
            Period::Day => true,
            Period::Month => whole_months(since) && whole_months(until),
            Period::Run => since.is_none() && until.is_none(),
        };
        let answerable = dated
            && match dim {
                Dim::Quad => country.is_none(),
                // a country that is no three-letter key is matched on codes, which no rollup keeps
                Dim::Country => {
                    quad.is_none() && (country.is_none() || filter.country_key().is_some())
                }
            };
        if !answerable {
            return Ok(None);
        }
        let Some(run) = run.map_or_else(|| self.latest_run(), |r| Ok(Some(r)))? else {
            return Ok(None);
        };
        let mut sql = vec!["r.run_id = ?".to_string()];
        let mut params = vec![Value::Integer(run.0)];
        if let Some(e) = event {
            sql.push("r.event = ?".into());
            params.push(Value::Text(e.to_uppercase()));
        }
        if let Some(q) = quad {
            sql.push("r.quad = ?".into());
            params.push(Value::Integer(i64::from(*q)));
        }
        if let Some(c) = filter.country_key() {
            if event.is_none() {
                // the run's types, so that `rollup_countries` is read by its key (type first,
                // then country), a range per type, rather than whole
                sql.push(
                    "r.event IN (SELECT event FROM rollup_days WHERE run_id = ? GROUP BY event)"
                        .into(),
                );
                params.push(Value::Integer(run.0));
            }
            sql.push("r.country = ?".into());
            params.push(Value::Text(c));
        }
        let period = if period == Period::Month {
            "r.month"
        } else {
            "r.day"
        };
        if let Some(d) = since {
            sql.push(format!("{period} >= ?"));
            params.push(Value::Text(d.clone()));
        }
        if let Some(d) = until {
            sql.push(format!("{period} <= ?"));
            params.push(Value::Text(format!("{d}\u{10FFFF}")));
        }
        Ok(Some((sql.join(" AND "), params)))
    }

    /// The first of `candidates` (a rollup table, what it keeps and how finely) that can
    /// answer the filter: its table, period and condition on `r`.
    pub(crate) fn first_rollup(
        &self,
        filter: &EventFilter,
        candidates: &[Rollup],
    ) -> Result<Option<(Rollup, String, Vec<Value>)>, StoreError> {
        for &candidate in candidates {
            if let Some((condition, params)) =
                self.rollup_condition(filter, candidate.dim, candidate.period)?
            {
                return Ok(Some((candidate, condition, params)));
            }
        }
        Ok(None)
    }
}

/// A rollup table and what it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rollup {
    pub table: &'static str,
    pub dim: Dim,
    pub period: Period,
}

impl Rollup {
    pub(crate) const fn new(table: &'static str, dim: Dim, period: Period) -> Rollup {
        Rollup { table, dim, period }
    }
}
