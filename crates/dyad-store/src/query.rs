//! Reading the store back: event mentions or merged events of a run, filtered, streamed.

use crate::store::{RunId, Store};
use crate::StoreError;
use rusqlite::types::Value;

/// What `dyad events` selects. Codes match by prefix (`RUS` matches `RUSGOV`).
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// The run to read; the latest when None.
    pub run: Option<RunId>,
    /// A source actor's code prefix.
    pub actor: Option<String>,
    /// A target actor's code prefix.
    pub recipient: Option<String>,
    /// A country on either side (code prefix).
    pub country: Option<String>,
    /// PLOVER type.
    pub event: Option<String>,
    /// PLOVER mode.
    pub mode: Option<String>,
    pub quad: Option<u8>,
    /// Event dates on or after (`YYYY-MM-DD`, or a prefix: `2024-05`).
    pub since: Option<String>,
    /// Event dates on or before.
    pub until: Option<String>,
    /// A place's name or first-level division.
    pub place: Option<String>,
    /// Only events asserted as having happened (not negated, future, hypothetical or reported).
    pub asserted_only: bool,
    /// Full-text search of the sentence (SQLite FTS5 syntax: words, "a phrase", OR, NOT).
    pub text: Option<String>,
    /// At most this many rows (a page).
    pub limit: Option<usize>,
    /// One event mention, by its `event_id`.
    pub event_id: Option<String>,
    /// The mentions of one merged event (or that event itself), by its key.
    pub event_key: Option<i64>,
    /// The mentions of one stored document version.
    pub document: Option<crate::DocumentKey>,
    /// Only rows after this one in the listing's order (keyset paging: the next page starts
    /// after the last row of the previous one, however the store grows meanwhile).
    pub after: Option<Cursor>,
    /// List newest first (undated last) instead of in date order (undated first).
    pub newest_first: bool,
}

/// A place in a listing: the date and key of a row (a mention's `mention_key`, a merged event's
/// `event_key`). Rows are listed by date (undated first), then key, or the other way round
/// ([`EventFilter::newest_first`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub date: Option<String>,
    pub key: i64,
}

impl Cursor {
    /// The SQL condition "after this cursor" on the columns `date` and `key` of a listing
    /// ordered by them (`descending`: newest first), and its parameters. `empty_is_null`: the
    /// date column holds '' for no date (`mention_countries`) rather than NULL.
    fn condition(
        &self,
        date: &str,
        key: &str,
        empty_is_null: bool,
        descending: bool,
    ) -> (String, Vec<Value>) {
        let key_value = Value::Integer(self.key);
        let op = if descending { "<" } else { ">" };
        match (&self.date, empty_is_null) {
            (d, true) => (
                format!("({date}, {key}) {op} (?, ?)"),
                vec![Value::Text(d.clone().unwrap_or_default()), key_value],
            ),
            // undated rows come first in date order (NULL is least), so last newest first
            (Some(d), false) if descending => (
                format!("(({date}, {key}) < (?, ?) OR {date} IS NULL)"),
                vec![Value::Text(d.clone()), key_value],
            ),
            (Some(d), false) => (
                format!("({date}, {key}) > (?, ?)"),
                vec![Value::Text(d.clone()), key_value],
            ),
            (None, false) if descending => {
                (format!("({date} IS NULL AND {key} < ?)"), vec![key_value])
            }
            (None, false) => (
                format!("(({date} IS NULL AND {key} > ?) OR {date} IS NOT NULL)"),
                vec![key_value],
            ),
        }
    }
}

/// What exports cite of the document a mention is from, and of the run that coded it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentInfo {
    /// The document's id.
    pub id: String,
    /// Its length in characters.
    pub length: i64,
    /// When it was stored (RFC 3339).
    pub stored_at: String,
    /// The outlet.
    pub source: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub language: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// When the run that coded it started.
    pub coded_at: String,
    pub dyad_version: String,
}

/// A merged event as `dyad events --merged` reads it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventRow {
    pub event_key: i64,
    pub event: String,
    pub date: Option<String>,
    pub last_date: Option<String>,
    pub num_mentions: i64,
    pub num_sources: i64,
    pub num_articles: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The first mention's record (sides, sentence, place...), JSON.
    #[cfg_attr(feature = "schema", schema(value_type = dyad_model::EventRecord))]
    pub representative: serde_json::Value,
    /// The outlets that reported it.
    pub outlets: Vec<String>,
    /// The document of the first mention.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schema(ignore))]
    pub document: DocumentInfo,
}

/// An event mention as exports read it: its record, its document, and its merged event.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRow {
    /// Where it stands in the listing (for the next page's [`EventFilter::after`]).
    pub cursor: Cursor,
    /// The CONTRACT.md record, JSON.
    pub record: String,
    pub document: DocumentInfo,
    /// The merged event it belongs to (none for mentions stored before merging existed).
    pub event_key: Option<i64>,
    /// When that event's first report was stored (RFC 3339).
    pub event_added: Option<String>,
    /// Where the sentence begins in the document's text (characters), if found there as is.
    pub sentence_offset: Option<i64>,
}

/// The columns of `documents d` and `runs r` that [`DocumentInfo`] reads, from `first` on.
const DOCUMENT_COLUMNS: &str = "d.id, length(d.text), d.stored_at, d.source, d.url, d.title, d.language, d.date, r.started_at, r.dyad_version";

fn document_info(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<DocumentInfo> {
    Ok(DocumentInfo {
        id: row.get(first)?,
        length: row.get(first + 1)?,
        stored_at: row.get(first + 2)?,
        source: row.get(first + 3)?,
        url: row.get(first + 4)?,
        title: row.get(first + 5)?,
        language: row.get(first + 6)?,
        date: row.get(first + 7)?,
        coded_at: row.get(first + 8)?,
        dyad_version: row.get(first + 9)?,
    })
}

impl EventFilter {
    /// Whether the filter reads only the type and dates, which a merged event has itself.
    fn only_type_and_dates(&self) -> bool {
        let EventFilter {
            actor,
            recipient,
            country,
            mode,
            quad,
            place,
            asserted_only,
            text,
            event_id,
            document,
            ..
        } = self;
        event_id.is_none()
            && document.is_none()
            && actor.is_none()
            && recipient.is_none()
            && country.is_none()
            && mode.is_none()
            && quad.is_none()
            && place.is_none()
            && !asserted_only
            && text.is_none()
    }

    /// The SQL condition on a merged event `e` by its own type and dates, and its parameters.
    fn event_condition(&self, run: RunId) -> (String, Vec<Value>) {
        let mut sql = vec!["e.run_id = ?".to_string()];
        let mut params: Vec<Value> = vec![Value::Integer(run.0)];
        if let Some(k) = self.event_key {
            sql.push("e.event_key = ?".into());
            params.push(Value::Integer(k));
        }
        if let Some(e) = &self.event {
            sql.push("e.event = ?".into());
            params.push(Value::Text(e.to_uppercase()));
        }
        if let Some(s) = &self.since {
            sql.push("e.last_date >= ?".into());
            params.push(Value::Text(s.clone()));
        }
        if let Some(u) = &self.until {
            sql.push("e.date <= ?".into());
            params.push(Value::Text(format!("{u}\u{10FFFF}")));
        }
        (sql.join(" AND "), params)
    }

    /// The merged-event cursor's condition on `events e`, if any.
    fn event_cursor(&self) -> Option<(String, Vec<Value>)> {
        self.after
            .as_ref()
            .map(|c| c.condition("e.date", "e.event_key", false, self.newest_first))
    }

    /// The country filter as the key of `mention_countries`, when it is one (three letters: a
    /// country or IGO prefix); a longer prefix is matched on the actors' codes instead.
    pub(crate) fn country_key(&self) -> Option<String> {
        self.country
            .as_deref()
            .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_uppercase)
    }

    /// How to read the matching `event_mentions m` of a run: the tables, the condition, its
    /// parameters and the date order. A country filter drives the query from
    /// `mention_countries c`, whose indexes are in date order per country (and type), so a
    /// page stops early however rare the combination.
    pub(crate) fn plan(&self, run: RunId) -> Plan {
        let mut sql = vec!["m.run_id = ?".to_string()];
        let mut params: Vec<Value> = vec![Value::Integer(run.0)];
        let mut from = "event_mentions m".to_string();
        let desc = self.newest_first;
        let mut order = if desc {
            "m.date DESC, m.mention_key DESC"
        } else {
            "m.date, m.mention_key"
        };
        let mut push = |clause: &str, values: Vec<Value>| {
            sql.push(clause.to_string());
            params.extend(values);
        };
        if let Some(country) = self.country_key() {
            // CROSS JOIN keeps `c` the outer loop (SQLite does not reorder it)
            from =
                "mention_countries c CROSS JOIN event_mentions m ON m.mention_key = c.mention_key"
                    .to_string();
            order = if desc {
                "c.date DESC, c.mention_key DESC"
            } else {
                "c.date, c.mention_key"
            };
            push(
                "c.run_id = ? AND c.country = ?",
                vec![Value::Integer(run.0), Value::Text(country)],
            );
            if let Some(e) = &self.event {
                push("c.event = ?", vec![Value::Text(e.to_uppercase())]);
            }
            if let Some(s) = &self.since {
                push("c.date >= ?", vec![Value::Text(s.clone())]);
            }
            if let Some(u) = &self.until {
                // '' is an undated mention, which a date bound leaves out
                push(
                    "c.date <= ? AND c.date <> ''",
                    vec![Value::Text(format!("{u}\u{10FFFF}"))],
                );
            }
        }
        if let Some(id) = &self.event_id {
            push("m.event_id = ?", vec![Value::Text(id.clone())]);
        }
        if let Some(k) = self.event_key {
            push("m.merged_event = ?", vec![Value::Integer(k)]);
        }
        if let Some(d) = self.document {
            push("m.doc_key = ?", vec![Value::Integer(d.0)]);
        }
        // a code prefix, not a pattern: `%` and `_` in it match themselves
        let prefix = |p: &str| {
            let escaped = p
                .to_uppercase()
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            Value::Text(format!("{escaped}%"))
        };
        if let Some(a) = &self.actor {
            push(
                "EXISTS (SELECT 1 FROM mention_actors x WHERE x.mention_key = m.mention_key AND x.side = 'source' AND x.code LIKE ? ESCAPE '\\')",
                vec![prefix(a)],
            );
        }
        if let Some(r) = &self.recipient {
            push(
                "EXISTS (SELECT 1 FROM mention_actors x WHERE x.mention_key = m.mention_key AND x.side = 'target' AND x.code LIKE ? ESCAPE '\\')",
                vec![prefix(r)],
            );
        }
        if let (Some(c), None) = (&self.country, self.country_key()) {
            // a range on the indexed code, not LIKE (which the index cannot serve)
            let lo = c.to_uppercase();
            push(
                "EXISTS (SELECT 1 FROM mention_actors x WHERE x.mention_key = m.mention_key AND x.code >= ? AND x.code < ?)",
                vec![Value::Text(lo.clone()), Value::Text(format!("{lo}\u{10FFFF}"))],
            );
        }
        if let Some(e) = &self.event {
            push("m.event = ?", vec![Value::Text(e.to_uppercase())]);
        }
        if let Some(mode) = &self.mode {
            push(
                "json_extract(m.record, '$.plover.mode') = ?",
                vec![Value::Text(mode.clone())],
            );
        }
        if let Some(q) = self.quad {
            push(
                "json_extract(m.record, '$.quad_class') = ?",
                vec![Value::Integer(i64::from(q))],
            );
        }
        if let Some(s) = &self.since {
            push("m.date >= ?", vec![Value::Text(s.clone())]);
        }
        if let Some(u) = &self.until {
            // a prefix bound takes in the whole month or year
            push("m.date <= ?", vec![Value::Text(format!("{u}\u{10FFFF}"))]);
        }
        if let Some(p) = &self.place {
            push(
                "(json_extract(m.record, '$.location.name') = ? COLLATE NOCASE OR json_extract(m.record, '$.location.admin1') = ? COLLATE NOCASE)",
                vec![Value::Text(p.clone()), Value::Text(p.clone())],
            );
        }
        if self.asserted_only {
            push(
                "json_extract(m.record, '$.negated') = 0 AND json_extract(m.record, '$.modality') = 'asserted'",
                vec![],
            );
        }
        if let Some(t) = &self.text {
            push(
                "m.mention_key IN (SELECT rowid FROM mention_text WHERE mention_text MATCH ?)",
                vec![Value::Text(t.clone())],
            );
        }
        if let Some(c) = &self.after {
            let (clause, values) = if order.starts_with("c.") {
                c.condition("c.date", "c.mention_key", true, desc)
            } else {
                c.condition("m.date", "m.mention_key", false, desc)
            };
            push(&clause, values);
        }
        Plan {
            from,
            condition: sql.join(" AND "),
            params,
            order,
        }
    }
}

/// A query on event mentions: `SELECT ... FROM {from} WHERE {condition} ORDER BY {order}`.
pub(crate) struct Plan {
    pub from: String,
    pub condition: String,
    pub params: Vec<Value>,
    pub order: &'static str,
}

impl Store {
    /// The latest run, if any.
    pub fn latest_run(&self) -> Result<Option<RunId>, StoreError> {
        self.conn()
            .query_row("SELECT max(run_id) FROM runs", [], |r| {
                r.get::<_, Option<i64>>(0)
            })
            .map(|r| r.map(RunId))
            .map_err(|e| self.sqlite_error(e))
    }

    /// Why a full-text query (FTS5 syntax) does not parse, as SQLite says it, or None when it
    /// does. Matched against no row (rowid -1), so it costs a parse and one index seek, not a
    /// search; a query that does not parse is the asker's error, not the store's.
    pub fn text_query_error(&self, q: &str) -> Result<Option<String>, StoreError> {
        let checked = self.conn().query_row(
            "SELECT count(*) FROM mention_text WHERE mention_text MATCH ?1 AND rowid = -1",
            [q],
            |r| r.get::<_, i64>(0),
        );
        match checked {
            Ok(_) => Ok(None),
            // SQLITE_ERROR is what a parse error is; anything else (busy, I/O) is the store's
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) => {
                Ok(Some(match e {
                    rusqlite::Error::SqliteFailure(_, Some(message)) => message,
                    other => other.to_string(),
                }))
            }
            Err(e) => Err(self.sqlite_error(e)),
        }
    }

    pub(crate) fn run_of(&self, filter: &EventFilter) -> Result<Option<RunId>, StoreError> {
        match filter.run {
            Some(r) => Ok(Some(r)),
            None => self.latest_run(),
        }
    }

    /// Hands each matching event mention's record (CONTRACT.md JSON) to `each`, in document
    /// and sentence order, without holding them all.
    pub fn each_mention(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(&str) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        self.each_mention_row(filter, |row| each(&row.record))
    }

    /// As [`Store::each_mention`], with the document each mention is from and its merged event.
    pub fn each_mention_row(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(&MentionRow) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let Some(run) = self.run_of(filter)? else {
            return Ok(0);
        };
        let Plan {
            from,
            condition,
            params,
            order,
        } = filter.plan(run);
        let sql = format!(
            "SELECT m.record, m.merged_event, m.mention_key, m.date,
                    (SELECT fd.stored_at FROM events e JOIN event_mentions fm ON fm.mention_key = e.representative
                     JOIN documents fd ON fd.doc_key = fm.doc_key WHERE e.event_key = m.merged_event),
                    nullif(instr(d.text, json_extract(m.record, '$.sentence')), 0) - 1,
                    {DOCUMENT_COLUMNS}
             FROM {from} JOIN documents d ON d.doc_key = m.doc_key
             JOIN runs r ON r.run_id = m.run_id
             WHERE {condition} ORDER BY {order}{}",
            limit_clause(filter.limit)
        );
        self.each_row(
            &sql,
            params,
            |row| {
                Ok(MentionRow {
                    record: row.get(0)?,
                    event_key: row.get(1)?,
                    cursor: Cursor {
                        key: row.get(2)?,
                        date: row.get(3)?,
                    },
                    event_added: row.get(4)?,
                    sentence_offset: row.get(5)?,
                    document: document_info(row, 6)?,
                })
            },
            |row| each(&row),
        )
    }

    /// Runs a query and hands each row, read by `read`, to `each`; the number of rows.
    pub(crate) fn each_row<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        read: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
        mut each: impl FnMut(T) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let mut stmt = self.conn().prepare(sql).map_err(|e| self.sqlite_error(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.sqlite_error(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.sqlite_error(e))? {
            each(read(row).map_err(|e| self.sqlite_error(e))?)?;
            n += 1;
        }
        Ok(n)
    }

    /// Runs a query and collects its rows, read by `read`.
    pub(crate) fn all_rows<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        read: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut out = Vec::new();
        self.each_row(sql, params, read, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// Hands each merged event with a matching mention to `each`, in date order.
    pub fn each_event(
        &self,
        filter: &EventFilter,
        mut each: impl FnMut(&EventRow) -> Result<(), StoreError>,
    ) -> Result<usize, StoreError> {
        let Some(run) = self.run_of(filter)? else {
            return Ok(0);
        };
        // type and dates are the event's own: no need to look through its mentions
        let (mut condition, mut params) = if filter.only_type_and_dates() {
            filter.event_condition(run)
        } else {
            // the cursor is on events, not on their mentions
            let mentions = EventFilter {
                after: None,
                ..filter.clone()
            };
            let Plan {
                from,
                condition,
                params,
                ..
            } = mentions.plan(run);
            (
                format!("e.event_key IN (SELECT m.merged_event FROM {from} WHERE {condition})"),
                params,
            )
        };
        if let Some((clause, values)) = filter.event_cursor() {
            condition = format!("{condition} AND {clause}");
            params.extend(values);
        }
        let sql = format!(
            "SELECT e.event_key, e.event, e.date, e.last_date, e.num_mentions, e.num_sources,
                    e.num_articles, e.first_seen, e.last_seen, rm.record, {DOCUMENT_COLUMNS},
                    (SELECT json_group_array(DISTINCT od.source) FROM event_mentions om
                     JOIN documents od ON od.doc_key = om.doc_key
                     WHERE om.merged_event = e.event_key AND od.source IS NOT NULL)
             FROM events e JOIN event_mentions rm ON rm.mention_key = e.representative
             JOIN documents d ON d.doc_key = rm.doc_key JOIN runs r ON r.run_id = e.run_id
             WHERE {condition}
             ORDER BY {}{}",
            if filter.newest_first {
                "e.date DESC, e.event_key DESC"
            } else {
                "e.date, e.event_key"
            },
            limit_clause(filter.limit)
        );
        self.each_row(
            &sql,
            params,
            |row| {
                let record: String = row.get(9)?;
                Ok(EventRow {
                    event_key: row.get(0)?,
                    event: row.get(1)?,
                    date: row.get(2)?,
                    last_date: row.get(3)?,
                    num_mentions: row.get(4)?,
                    num_sources: row.get(5)?,
                    num_articles: row.get(6)?,
                    first_seen: row.get(7)?,
                    last_seen: row.get(8)?,
                    representative: serde_json::from_str(&record)
                        .unwrap_or(serde_json::Value::Null),
                    document: document_info(row, 10)?,
                    outlets: serde_json::from_str(&row.get::<_, String>(20)?).unwrap_or_default(),
                })
            },
            |event| each(&event),
        )
    }

    /// Counts of a run's event mentions by a grouping (`Stat`), largest first.
    pub fn stats(&self, run: Option<RunId>, by: Stat) -> Result<Vec<(String, i64)>, StoreError> {
        let Some(run) = run.map_or_else(|| self.latest_run(), |r| Ok(Some(r)))? else {
            return Ok(Vec::new());
        };
        let sql = match by {
            Stat::Type => "SELECT coalesce(event, '?'), count(*) FROM event_mentions WHERE run_id = ?1 GROUP BY 1 ORDER BY 2 DESC, 1",
            Stat::Country => "SELECT coalesce(a.country, a.code), count(DISTINCT a.mention_key) FROM mention_actors a JOIN event_mentions m ON m.mention_key = a.mention_key WHERE m.run_id = ?1 AND (a.country IS NOT NULL OR a.code LIKE 'IGO%') GROUP BY 1 ORDER BY 2 DESC, 1",
            Stat::Month => "SELECT coalesce(substr(date, 1, 7), 'undated'), count(*) FROM event_mentions WHERE run_id = ?1 GROUP BY 1 ORDER BY 1",
        };
        let mut stmt = self.conn().prepare(sql).map_err(|e| self.sqlite_error(e))?;
        let rows = stmt
            .query_map([run.0], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sqlite_error(e))?;
        Ok(rows)
    }
}

fn limit_clause(limit: Option<usize>) -> String {
    limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default()
}

/// How `dyad stats` groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stat {
    Type,
    /// The countries (or IGOs) of either side.
    Country,
    Month,
}
