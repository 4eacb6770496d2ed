//! The founding question, asked of a run: which actors call for a ceasefire or settlement in
//! one conflict (A) while they arm or back a side in another (B)?
//!
//! - Calling for peace about A: a REQUEST or AGREE (or a RETREAT that is a ceasefire) whose
//!   CAMEO code is an appeal or demand for de-escalation, settlement or mediation (0256, 026,
//!   027, 028, 1056, 0871) or whose sentence names a ceasefire, truce, settlement, armistice,
//!   peace talks or de-escalation, with an actor or the place of country A.
//! - Arming or backing B: an AID, SUPPORT or COOPERATE that is military (CAMEO 062, 072, 0832;
//!   PLOVER context `military`; or a sentence naming weapons, arms, ammunition, missiles, tanks
//!   or military aid) with a recipient of country (or code prefix) B.
//!
//! An actor is its country (the three-letter prefix of its code), or for an international
//! organisation its whole code (`IGOEUREEC`, the EU), so that "the US" and "the US government"
//! are one actor across the two conflicts.

use crate::query::EventFilter;
use crate::store::Store;
use crate::StoreError;
use rusqlite::types::Value;
use std::collections::BTreeMap;

/// One piece of evidence: an event mention.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub event_id: String,
    pub date: Option<String>,
    pub event: String,
    pub cameo: Option<String>,
    pub doc_id: String,
    pub sentence: String,
}

/// An actor found on both sides, with the evidence of each.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Comparison {
    pub actor: String,
    /// Calls for a ceasefire or settlement concerning A.
    pub peace: Vec<Evidence>,
    /// Military aid, support or cooperation with a party in B.
    pub arms: Vec<Evidence>,
}

/// The most evidence rows kept per actor and side.
const EVIDENCE: usize = 20;

/// An actor's identity across conflicts: its country, or an IGO's whole code.
const ROOT: &str = "CASE WHEN s.code LIKE 'IGO%' THEN s.code ELSE substr(s.code, 1, 3) END";

const PEACE_WORDS: &str =
    "ceasefire OR \"cease fire\" OR truce OR armistice OR settlement OR \"peace talks\" OR \"peace deal\" OR \"peace agreement\" OR \"de-escalation\" OR deescalation";
const ARMS_WORDS: &str =
    "weapons OR arms OR ammunition OR missiles OR tanks OR artillery OR \"military aid\" OR \"military assistance\" OR \"military equipment\"";

impl Store {
    /// The actors that call for peace concerning `a` and arm or back a party in `b` (country or
    /// code prefixes), with their evidence, in the run of `filter` (the latest by default;
    /// its dates bound both sides).
    pub fn compare(
        &self,
        filter: &EventFilter,
        a: &str,
        b: &str,
    ) -> Result<Vec<Comparison>, StoreError> {
        let run = match filter.run {
            Some(r) => Some(r),
            None => self.latest_run()?,
        };
        let Some(run) = run else {
            return Ok(Vec::new());
        };
        let (a, b) = (a.to_uppercase(), b.to_uppercase());
        let range = |p: &str| {
            vec![
                Value::Text(p.to_string()),
                Value::Text(format!("{p}\u{10FFFF}")),
            ]
        };
        let mut dates = String::new();
        let mut date_params = Vec::new();
        if let Some(s) = &filter.since {
            dates.push_str(" AND m.date >= ?");
            date_params.push(Value::Text(s.clone()));
        }
        if let Some(u) = &filter.until {
            dates.push_str(" AND m.date <= ?");
            date_params.push(Value::Text(format!("{u}\u{10FFFF}")));
        }
        // calls for peace concerning A: an actor of A on either side, or a place in A
        let peace_sql = format!(
            "SELECT {ROOT}, m.event_id, m.date, m.event, m.cameo, d.id, json_extract(m.record, '$.sentence')
             FROM event_mentions m JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
             JOIN documents d ON d.doc_key = m.doc_key
             WHERE m.run_id = ? {dates}
               AND (m.event IN ('REQUEST', 'AGREE') OR (m.event = 'RETREAT' AND m.cameo LIKE '087%'))
               AND (m.cameo LIKE '0256%' OR m.cameo LIKE '026%' OR m.cameo LIKE '027%' OR m.cameo LIKE '028%'
                    OR m.cameo LIKE '1056%' OR m.cameo LIKE '0871%'
                    OR m.mention_key IN (SELECT rowid FROM mention_text WHERE mention_text MATCH ?))
               AND (EXISTS (SELECT 1 FROM mention_actors x WHERE x.mention_key = m.mention_key AND x.code >= ? AND x.code < ?)
                    OR json_extract(m.record, '$.location.country') = ?)
             ORDER BY m.date, m.mention_key"
        );
        let mut peace_params = vec![Value::Integer(run.0)];
        peace_params.extend(date_params.iter().cloned());
        peace_params.push(Value::Text(PEACE_WORDS.to_string()));
        peace_params.extend(range(&a));
        peace_params.push(Value::Text(a.clone()));
        // military aid or cooperation with a party in B: a recipient of B
        let arms_sql = format!(
            "SELECT {ROOT}, m.event_id, m.date, m.event, m.cameo, d.id, json_extract(m.record, '$.sentence')
             FROM event_mentions m JOIN mention_actors s ON s.mention_key = m.mention_key AND s.side = 'source'
             JOIN documents d ON d.doc_key = m.doc_key
             WHERE m.run_id = ? {dates}
               AND m.event IN ('AID', 'SUPPORT', 'COOPERATE')
               AND (m.cameo LIKE '062%' OR m.cameo LIKE '072%' OR m.cameo LIKE '0832%'
                    OR json_extract(m.record, '$.plover.context') LIKE '%military%'
                    OR m.mention_key IN (SELECT rowid FROM mention_text WHERE mention_text MATCH ?))
               AND EXISTS (SELECT 1 FROM mention_actors x WHERE x.mention_key = m.mention_key AND x.side = 'target' AND x.code >= ? AND x.code < ?)
             ORDER BY m.date, m.mention_key"
        );
        let mut arms_params = vec![Value::Integer(run.0)];
        arms_params.extend(date_params);
        arms_params.push(Value::Text(ARMS_WORDS.to_string()));
        arms_params.extend(range(&b));
        let peace = self.evidence(&peace_sql, peace_params)?;
        let mut arms = self.evidence(&arms_sql, arms_params)?;
        Ok(peace
            .into_iter()
            .filter_map(|(actor, peace)| {
                arms.remove(&actor)
                    .map(|arms| Comparison { actor, peace, arms })
            })
            .collect())
    }

    /// Evidence rows by actor (at most [`EVIDENCE`] each; a mention once per actor).
    fn evidence(
        &self,
        sql: &str,
        params: Vec<Value>,
    ) -> Result<BTreeMap<String, Vec<Evidence>>, StoreError> {
        let mut out: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
        self.each_row(
            sql,
            params,
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Evidence {
                        event_id: r.get(1)?,
                        date: r.get(2)?,
                        event: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                        cameo: r.get(4)?,
                        doc_id: r.get(5)?,
                        sentence: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
                    },
                ))
            },
            |(actor, e)| {
                let list = out.entry(actor).or_default();
                if list.len() < EVIDENCE && !list.iter().any(|x| x.event_id == e.event_id) {
                    list.push(e);
                }
                Ok(())
            },
        )?;
        Ok(out)
    }
}
