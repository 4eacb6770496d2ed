//! Synthetic rows for measuring the store at a size no test corpus has (`dyad bench store`):
//! documents, event mentions with their actors and sentences, and merged events, written in
//! bulk by SQL. Nothing else uses them.

use crate::store::{RunId, Store};
use crate::StoreError;

/// Countries the synthetic actors are drawn from.
const COUNTRIES: &[&str] = &[
    "RUS", "UKR", "USA", "CHN", "ISR", "PSE", "IRN", "SYR", "SDN", "TUR", "IND", "PAK", "FRA",
    "DEU", "GBR", "NGA", "ETH", "COD", "MMR", "AFG",
];

/// PLOVER types the synthetic mentions are drawn from.
const TYPES: &[&str] = &[
    "ASSAULT",
    "CONSULT",
    "REQUEST",
    "ACCUSE",
    "AGREE",
    "COERCE",
    "SUPPORT",
    "THREATEN",
    "PROTEST",
    "COOPERATE",
];

impl Store {
    /// Adds `mentions` synthetic event mentions (ten per document, one merged event per three
    /// mentions) to a new run, in one transaction; returns the run.
    pub fn fill_synthetic(&mut self, mentions: usize) -> Result<RunId, StoreError> {
        let run = self.begin_run(&crate::RunInfo {
            dyad_version: "synthetic".to_string(),
            options: serde_json::json!({"synthetic": true}),
        })?;
        let countries = serde_json::to_string(COUNTRIES).unwrap_or_default();
        let types = serde_json::to_string(TYPES).unwrap_or_default();
        let docs = mentions.div_ceil(10);
        let sql = [
            // documents
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1)
             INSERT INTO documents (id, version, content_hash, date, source, text, stored_at)
             SELECT 'syn-' || i, 1, printf('%016x', i), date('2015-01-01', '+' || (i % 3650) || ' days'),
                    'outlet-' || (i % 50), 'synthetic text ' || i, '2026-01-01T00:00:00Z' FROM n",
            // merged events, one per three mentions
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?3)
             INSERT INTO events (run_id, event, date, last_date, merge_key, num_mentions, num_sources, num_articles)
             SELECT ?2, json_extract(?5, '$[' || (i % 10) || ']'),
                    date('2015-01-01', '+' || ((i * 3 / 10) % 3650) || ' days'),
                    date('2015-01-01', '+' || ((i * 3 / 10) % 3650) || ' days'), '{}', 3, 2, 2 FROM n",
            // mentions: type, date, record, merged event
            "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?4)
             INSERT INTO event_mentions (run_id, doc_key, event_id, sentence_index, event, cameo, date, confidence, record, merged_event, goldstein, quad)
             SELECT ?2, (SELECT min(doc_key) FROM documents WHERE id = 'syn-0') + i / 10,
                    printf('%016x', i), i % 10, json_extract(?5, '$[' || (i % 10) || ']'), '190',
                    date('2015-01-01', '+' || ((i / 10) % 3650) || ' days'), 0.5,
                    json_object('event_id', printf('%016x', i), 'sentence', 'Synthetic sentence number ' || i || ' about ' || json_extract(?6, '$[' || (i % 20) || ']'),
                                'plover', json_object('event', json_extract(?5, '$[' || (i % 10) || ']'), 'mode', NULL),
                                'quad_class', 1 + i % 4, 'negated', json('false'), 'modality', 'asserted'),
                    (SELECT min(event_key) FROM events WHERE run_id = ?2) + i / 3,
                    (i % 21) - 10.0, 1 + i % 4 FROM n",
            // actors: a source and a target per mention
            "INSERT INTO mention_actors (mention_key, side, code, country, sector)
             SELECT mention_key, 'source', json_extract(?6, '$[' || (mention_key % 20) || ']') || 'MIL',
                    json_extract(?6, '$[' || (mention_key % 20) || ']'), 'MIL'
             FROM event_mentions WHERE run_id = ?2",
            "INSERT INTO mention_actors (mention_key, side, code, country, sector)
             SELECT mention_key, 'target', json_extract(?6, '$[' || ((mention_key * 7 + 3) % 20) || ']'),
                    json_extract(?6, '$[' || ((mention_key * 7 + 3) % 20) || ']'), NULL
             FROM event_mentions WHERE run_id = ?2",
            "INSERT INTO mention_countries (run_id, country, event, date, mention_key)
             SELECT DISTINCT m.run_id, substr(a.code, 1, 3), m.event, m.date, m.mention_key
             FROM event_mentions m JOIN mention_actors a ON a.mention_key = m.mention_key
             WHERE m.run_id = ?2",
            "INSERT INTO mention_text (rowid, sentence)
             SELECT mention_key, json_extract(record, '$.sentence') FROM event_mentions WHERE run_id = ?2",
            "UPDATE events SET representative = (SELECT min(mention_key) FROM event_mentions m
                                                 WHERE m.merged_event = events.event_key)
             WHERE run_id = ?2",
        ];
        let path = self.path().to_string();
        let err = |e| crate::store::classify(&path, e);
        let tx = self.conn_mut().transaction().map_err(err)?;
        for stmt in sql {
            let mut s = tx.prepare(stmt).map_err(err)?;
            let needed = s.parameter_count();
            let all: [&dyn rusqlite::ToSql; 6] = [
                &(docs as i64),
                &run.0,
                &(mentions.div_ceil(3) as i64),
                &(mentions as i64),
                &types,
                &countries,
            ];
            // each statement uses the first `needed` of these (?1 to ?6)
            let params = all
                .get(..needed)
                .ok_or(rusqlite::Error::InvalidParameterCount(all.len(), needed))
                .map_err(err)?;
            s.execute(params).map_err(err)?;
        }
        for roll in crate::schema::ROLL_UP_RUN
            .iter()
            .chain(&crate::schema::ROLL_UP_RUN_9)
        {
            tx.execute(roll, [run.0]).map_err(err)?;
        }
        tx.commit().map_err(err)?;
        self.finish_run(run)?;
        Ok(run)
    }
}
