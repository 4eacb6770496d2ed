//! Which rollup answers an aggregate: the condition on a rollup's rows for a filter, when the
//! rollup keeps all that the filter asks (the tables are in `schema.rs`; `analytics.rs` reads
//! them).

use crate::query::EventFilter;
use crate::store::Store;
use crate::StoreError;
use rusqlite::types::Value;

/// What a rollup keeps besides run, type and day: the quad class (`rollup_days`,
/// `rollup_pairs`), or a country on either side (`rollup_countries`, `rollup_actor_edges`),
/// which answers a filter by a country key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kept {
    Quad,
    /// The quad class, by month (`rollup_months`, `rollup_pair_months`): a thirtieth of the
    /// rows of a day rollup, for monthly series and networks over months or years.
    QuadByMonth,
    Country,
}

impl Store {
    /// The condition on a rollup `r` for a filter it can answer (run, type, dates, and what
    /// the rollup keeps besides: `kept`), or None.
    pub(crate) fn rollup_condition(
        &self,
        filter: &EventFilter,
        kept: Kept,
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
        // a month rollup answers bounds of a whole month or year, not a day
        let whole_months = |d: &Option<String>| d.as_ref().is_none_or(|d| d.len() <= 7);
        let answerable = match kept {
            Kept::Quad => country.is_none(),
            Kept::QuadByMonth => country.is_none() && whole_months(since) && whole_months(until),
            // a country that is no three-letter key is matched on codes, which no rollup keeps
            Kept::Country => {
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
        let period = if kept == Kept::QuadByMonth {
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
}
