//! Opening a store, runs, and writing documents with their event mentions.

use crate::merge::{window, Key, MergeRule};
use crate::schema::{APPLICATION_ID, FILLED_PER_RUN, MIGRATIONS, SCHEMA_VERSION};
use crate::simhash::{band, near, simhash, BANDS};
use crate::StoreError;
use dyad_model::{Document, EventRecord};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// A dyad store: one SQLite file.
pub struct Store {
    conn: Connection,
    path: String,
    merge: MergeRule,
}

/// A coding run's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunId(pub i64);

/// A stored document version's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentKey(pub i64);

/// What a run records about how it coded.
#[derive(Debug, Clone)]
pub struct RunInfo {
    pub dyad_version: String,
    /// The coding options, as JSON.
    pub options: serde_json::Value,
}

impl RunInfo {
    /// The run of an ingest by this dyad with these options (`dyad ingest`, and documents
    /// posted to `dyad serve`, which add to the same run when the options are the same).
    pub fn for_ingest(
        min_confidence: Option<f32>,
        merge_days: i64,
        dict: Option<String>,
    ) -> RunInfo {
        RunInfo {
            dyad_version: env!("CARGO_PKG_VERSION").to_string(),
            options: serde_json::json!({
                "min_confidence": min_confidence,
                "merge_days": merge_days,
                "dict": dict,
            }),
        }
    }
}

/// A run as `dyad runs` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunSummary {
    pub id: RunId,
    pub dyad_version: String,
    /// The coding options, JSON.
    pub options: String,
    pub started_at: String,
    /// None while the run is going on, or if it was interrupted.
    pub finished_at: Option<String>,
    pub documents: i64,
    pub mentions: i64,
}

/// Stops a store's running statement from another thread ([`Store::interrupt_handle`]).
pub struct Interrupt(rusqlite::InterruptHandle);

impl Interrupt {
    pub fn interrupt(&self) {
        self.0.interrupt();
    }
}

/// What to do with a document read from input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Not stored yet: store it as this version (1 for a new id).
    Store { version: i64 },
    /// The same id with the same text is stored already.
    AlreadyStored,
}

/// A document as stored: its key, and the article it is a copy of (another outlet's text of
/// the same story), if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredDocument {
    pub key: DocumentKey,
    pub copy_of: Option<DocumentKey>,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreCounts {
    pub documents: i64,
    /// Documents that are no copy of another stored article.
    pub articles: i64,
    pub runs: i64,
    pub mentions: i64,
    /// Merged events, all runs.
    pub events: i64,
}

impl Store {
    /// Opens the store at `path`, creating it if absent and migrating an older one. A file that
    /// is another program's SQLite database, or a newer dyad's store, is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|e| classify(&name, e))?;
        let mut store = Store {
            conn,
            path: name,
            merge: MergeRule::default(),
        };
        store.prepare()?;
        Ok(store)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// A handle that stops, from another thread, the statement this store's connection is
    /// running (it then fails with "interrupted"); a stop while none runs is without effect.
    pub fn interrupt_handle(&self) -> Interrupt {
        Interrupt(self.conn.get_interrupt_handle())
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The store file's path, as given.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub(crate) fn sqlite_error(&self, source: rusqlite::Error) -> StoreError {
        self.err(source)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        classify(&self.path, source)
    }

    /// Checks what the file is, then sets the pragmas and migrates.
    fn prepare(&mut self) -> Result<(), StoreError> {
        let pragma = |conn: &Connection, name: &str| -> rusqlite::Result<i64> {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
        };
        let app = pragma(&self.conn, "application_id").map_err(|e| self.err(e))?;
        let version = pragma(&self.conn, "user_version").map_err(|e| self.err(e))?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        let fresh = app == 0 && tables == 0;
        if !fresh && app != APPLICATION_ID {
            return Err(StoreError::Foreign {
                path: self.path.clone(),
            });
        }
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path: self.path.clone(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        self.conn
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            )
            .map_err(|e| self.err(e))?;
        self.conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| self.err(e))?;
        let tx = self
            .conn
            .transaction()
            .map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })?;
        for (v, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(sql).map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })?;
            for (_, fills) in FILLED_PER_RUN.iter().filter(|(to, _)| *to == v + 1) {
                fill_each_run(&tx, fills).map_err(|source| StoreError::Sqlite {
                    path: self.path.clone(),
                    source,
                })?;
            }
            tx.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {};",
                v + 1
            ))
            .map_err(|source| StoreError::Sqlite {
                path: self.path.clone(),
                source,
            })?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    /// Sets how event mentions are merged into events from now on.
    pub fn with_merge_rule(mut self, rule: MergeRule) -> Store {
        self.merge = rule;
        self
    }

    /// Starts a coding run.
    pub fn begin_run(&mut self, info: &RunInfo) -> Result<RunId, StoreError> {
        self.conn
            .execute(
                "INSERT INTO runs (dyad_version, options, started_at) VALUES (?1, ?2, ?3)",
                params![info.dyad_version, info.options.to_string(), now()],
            )
            .map_err(|e| self.err(e))?;
        Ok(RunId(self.conn.last_insert_rowid()))
    }

    /// The run new documents are coded into: the latest run if the same dyad coded it with the
    /// same options (an ingest adds to the collection's current coding, and one interrupted by a
    /// crash is resumed), else a new run.
    pub fn current_run(&mut self, info: &RunInfo) -> Result<RunId, StoreError> {
        let latest: Option<(i64, String, String)> = self
            .conn
            .query_row(
                "SELECT run_id, dyad_version, options FROM runs ORDER BY run_id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        // the stored options are the JSON text of the run's options
        let options_text = info.options.to_string();
        match latest {
            Some((id, version, options))
                if version == info.dyad_version && options == options_text =>
            {
                Ok(RunId(id))
            }
            _ => self.begin_run(info),
        }
    }

    /// How many stored documents have no mention row in `run` and were not coded in it (stored
    /// before it began, by another run): what `dyad recode` would add.
    pub fn documents_outside(&self, run: RunId) -> Result<i64, StoreError> {
        self.conn
            .query_row(
                "SELECT count(*) FROM documents d WHERE d.stored_at < (SELECT started_at FROM runs WHERE run_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.doc_key = d.doc_key AND m.run_id = ?1)",
                params![run.0],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// Closes a run with its counts.
    pub fn finish_run(&mut self, run: RunId) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE runs SET finished_at = ?1,
                   documents = (SELECT count(DISTINCT doc_key) FROM event_mentions WHERE run_id = ?2),
                   mentions = (SELECT count(*) FROM event_mentions WHERE run_id = ?2)
                 WHERE run_id = ?2",
                params![now(), run.0],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Whether a document with this id and text hash is to be stored, and as which version.
    pub fn admit(&self, id: &str, content_hash: &str) -> Result<Admission, StoreError> {
        let same: Option<i64> = self
            .conn
            .query_row(
                "SELECT doc_key FROM documents WHERE id = ?1 AND content_hash = ?2",
                params![id, content_hash],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if same.is_some() {
            return Ok(Admission::AlreadyStored);
        }
        let last: Option<i64> = self
            .conn
            .query_row(
                "SELECT max(version) FROM documents WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(Admission::Store {
            version: last.unwrap_or(0) + 1,
        })
    }

    /// Stores a document version and its event mentions of `run`, all or nothing.
    pub fn store_document(
        &mut self,
        run: RunId,
        doc: &Document,
        content_hash: &str,
        version: i64,
        events: &[EventRecord],
    ) -> Result<StoredDocument, StoreError> {
        let path = self.path.clone();
        let err = |source| classify(&path, source);
        let json = |v: serde_json::Result<String>| v.unwrap_or_else(|_| "null".to_string());
        let hash = simhash(&doc.text);
        let tx = self.conn.transaction().map_err(err)?;
        let copy_of = match hash {
            Some(h) => copy_of(&tx, &doc.id, h).map_err(err)?,
            None => None,
        };
        tx.execute(
            "INSERT INTO documents (id, version, content_hash, date, title, url, source, language,
                                    dateline, extra, origin, text, stored_at, simhash, copy_of)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![
                doc.id,
                version,
                content_hash,
                doc.date.map(|d| d.to_string()),
                doc.title,
                doc.url,
                doc.source,
                doc.language,
                doc.dateline
                    .as_ref()
                    .map(|d| json(serde_json::to_string(d))),
                json(serde_json::to_string(&doc.extra)),
                json(serde_json::to_string(&doc.origin)),
                doc.text,
                now(),
                hash.map(|h| h as i64),
                copy_of,
            ],
        )
        .map_err(err)?;
        let key = tx.last_insert_rowid();
        if let Some(h) = hash {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO simhash_bands (band, value, doc_key) VALUES (?1, ?2, ?3)",
                )
                .map_err(err)?;
            for i in 0..BANDS {
                insert.execute(params![i, band(h, i), key]).map_err(err)?;
            }
        }
        insert_mentions(&tx, run, key, events, self.merge).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(StoredDocument {
            key: DocumentKey(key),
            copy_of: copy_of.map(DocumentKey),
        })
    }

    /// Stores the event mentions of an already stored document for a run (re-coding), all or
    /// nothing.
    pub fn store_mentions(
        &mut self,
        run: RunId,
        key: DocumentKey,
        events: &[EventRecord],
    ) -> Result<(), StoreError> {
        let path = self.path.clone();
        let err = |source| classify(&path, source);
        let tx = self.conn.transaction().map_err(err)?;
        insert_mentions(&tx, run, key.0, events, self.merge).map_err(err)?;
        tx.commit().map_err(err)
    }

    /// The keys of every stored document version, in the order they were stored.
    pub fn document_keys(&self) -> Result<Vec<DocumentKey>, StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_key FROM documents ORDER BY doc_key")
            .map_err(|e| self.err(e))?;
        let keys = stmt
            .query_map([], |r| r.get(0).map(DocumentKey))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(keys)
    }

    /// A stored document as it was read.
    pub fn document(&self, key: DocumentKey) -> Result<Document, StoreError> {
        self.conn
            .query_row(
                "SELECT id, text, date, title, url, source, language, dateline, extra, origin
                 FROM documents WHERE doc_key = ?1",
                params![key.0],
                |r| {
                    let json_of = |i: usize| -> rusqlite::Result<Option<String>> { r.get(i) };
                    Ok(Document {
                        id: r.get(0)?,
                        text: r.get(1)?,
                        date: r.get::<_, Option<String>>(2)?.and_then(|d| d.parse().ok()),
                        title: r.get(3)?,
                        url: r.get(4)?,
                        source: r.get(5)?,
                        language: r.get(6)?,
                        dateline: json_of(7)?.and_then(|j| serde_json::from_str(&j).ok()),
                        extra: json_of(8)?
                            .and_then(|j| serde_json::from_str(&j).ok())
                            .unwrap_or_default(),
                        origin: json_of(9)?
                            .and_then(|j| serde_json::from_str(&j).ok())
                            .unwrap_or_default(),
                    })
                },
            )
            .map_err(|e| self.err(e))
    }

    /// Every run, oldest first.
    pub fn runs(&self) -> Result<Vec<RunSummary>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT run_id, dyad_version, options, started_at, finished_at, documents, mentions
                 FROM runs ORDER BY run_id",
            )
            .map_err(|e| self.err(e))?;
        let runs = stmt
            .query_map([], |r| {
                Ok(RunSummary {
                    id: RunId(r.get(0)?),
                    dyad_version: r.get(1)?,
                    options: r.get(2)?,
                    started_at: r.get(3)?,
                    finished_at: r.get(4)?,
                    documents: r.get(5)?,
                    mentions: r.get(6)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.err(e))?;
        Ok(runs)
    }

    /// SQLite's own integrity check and foreign-key check, and dyad's invariant that every
    /// merged event has mentions: the problems found, none when the store is sound.
    pub fn check(&self) -> Result<Vec<String>, StoreError> {
        let mut problems = Vec::new();
        let integrity: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.err(e))?;
        problems.extend(integrity.into_iter().filter(|l| l != "ok"));
        let foreign: i64 = self
            .conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.err(e))?;
        if foreign > 0 {
            problems.push(format!("{foreign} rows refer to rows that do not exist"));
        }
        let empty: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_mentions m WHERE m.merged_event = e.event_key)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if empty > 0 {
            problems.push(format!("{empty} merged events have no mention"));
        }
        Ok(problems)
    }

    /// How many documents, runs and event mentions the store holds.
    pub fn counts(&self) -> Result<StoreCounts, StoreError> {
        let count = |table: &str| -> Result<i64, StoreError> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        Ok(StoreCounts {
            documents: count("documents")?,
            articles: count("documents WHERE copy_of IS NULL")?,
            runs: count("runs")?,
            mentions: count("event_mentions")?,
            events: count("events")?,
        })
    }
}

/// Inserts a document's event mentions of a run, each merged into its event.
fn insert_mentions(
    tx: &rusqlite::Transaction<'_>,
    run: RunId,
    key: i64,
    events: &[EventRecord],
    rule: MergeRule,
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO event_mentions (run_id, doc_key, event_id, sentence_index, event,
                                     cameo, date, confidence, record, goldstein, quad)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for e in events {
        // Goldstein scores have one decimal: no f32 noise in sums ("1.2000000476")
        let goldstein = (f64::from(e.goldstein) * 10.0).round() / 10.0;
        insert.execute(params![
            run.0,
            key,
            e.event_id,
            e.sentence_index as i64,
            e.plover.event,
            e.cameo,
            e.date,
            f64::from(e.confidence),
            serde_json::to_string(e).unwrap_or_else(|_| "null".to_string()),
            goldstein,
            i64::from(e.quad_class),
        ])?;
        let mention = tx.last_insert_rowid();
        let mut actor = tx.prepare_cached(
            "INSERT INTO mention_actors (mention_key, side, code, country, sector)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (side, actors) in [("source", &e.source), ("target", &e.target)] {
            for a in actors {
                actor.execute(params![mention, side, a.code, a.country, a.sector])?;
            }
        }
        tx.prepare_cached(crate::schema::INSERT_COUNTRIES)?
            .execute([mention])?;
        roll_up(tx, run, e, goldstein)?;
        tx.prepare_cached("INSERT INTO mention_text (rowid, sentence) VALUES (?1, ?2)")?
            .execute(params![mention, e.sentence])?;
        merge_mention(tx, run, mention, &Key::of(e), rule)?;
    }
    Ok(())
}

/// Runs each of `fills` for every run of the store (`?1`: the run).
fn fill_each_run(tx: &rusqlite::Transaction<'_>, fills: &[&str]) -> rusqlite::Result<()> {
    let runs: Vec<i64> = tx
        .prepare("SELECT run_id FROM runs")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for run in runs {
        for fill in fills {
            tx.execute(fill, [run])?;
        }
    }
    Ok(())
}

/// Adds a stored mention to the daily rollups (`schema::ROLL_UP_DAY`, `ROLL_UP_PAIR`): what
/// it adds is read from the record, so that storing costs two small upserts.
fn roll_up(
    tx: &rusqlite::Transaction<'_>,
    run: RunId,
    e: &EventRecord,
    goldstein: f64,
) -> rusqlite::Result<()> {
    let Some(day) = e.date.as_deref().map(|d| d.get(..10).unwrap_or(d)) else {
        return Ok(());
    };
    let quad = i64::from(e.quad_class);
    let month = day.get(..7).unwrap_or(day);
    tx.prepare_cached(crate::schema::ROLL_UP_DAY)?
        .execute(params![run.0, day, e.plover.event, quad, goldstein])?;
    tx.prepare_cached(crate::schema::ROLL_UP_MONTH)?
        .execute(params![run.0, month, e.plover.event, quad, goldstein])?;
    let prefix = |code: &str| code.get(..3).unwrap_or(code).to_string();
    let mut pairs: Vec<(String, String)> = e
        .source
        .iter()
        .flat_map(|s| {
            e.target
                .iter()
                .map(move |t| (prefix(&s.code), prefix(&t.code)))
        })
        .collect();
    pairs.sort();
    pairs.dedup();
    let mut pair = tx.prepare_cached(crate::schema::ROLL_UP_PAIR)?;
    let mut pair_month = tx.prepare_cached(crate::schema::ROLL_UP_PAIR_MONTH)?;
    let mut pair_total = tx.prepare_cached(crate::schema::ROLL_UP_PAIR_TOTAL)?;
    for (s, t) in pairs {
        pair.execute(params![run.0, day, e.plover.event, quad, s, t, goldstein])?;
        pair_month.execute(params![run.0, month, e.plover.event, quad, s, t, goldstein])?;
        pair_total.execute(params![run.0, s, t, e.plover.event, quad, goldstein])?;
    }
    // per country on either side, as `mention_countries` has them
    let mut countries: Vec<String> = e
        .source
        .iter()
        .chain(&e.target)
        .map(|a| prefix(&a.code))
        .collect();
    countries.sort();
    countries.dedup();
    let mut edges: Vec<(&str, &str)> = e
        .source
        .iter()
        .flat_map(|s| {
            e.target
                .iter()
                .map(move |t| (s.code.as_str(), t.code.as_str()))
        })
        .collect();
    edges.sort();
    edges.dedup();
    let (cooperation, conflict) = (
        i64::from(quad == 1 || quad == 2),
        i64::from(quad == 3 || quad == 4),
    );
    let mut country = tx.prepare_cached(crate::schema::ROLL_UP_COUNTRY)?;
    let mut country_month = tx.prepare_cached(crate::schema::ROLL_UP_COUNTRY_MONTH)?;
    let mut edge = tx.prepare_cached(crate::schema::ROLL_UP_EDGE)?;
    for c in &countries {
        for (statement, period) in [(&mut country, day), (&mut country_month, month)] {
            statement.execute(params![
                run.0,
                e.plover.event,
                c,
                period,
                cooperation,
                conflict,
                goldstein
            ])?;
        }
        for (s, t) in &edges {
            edge.execute(params![run.0, c, e.plover.event, day, s, t, goldstein])?;
        }
    }
    Ok(())
}

/// Attaches a stored mention to the compatible event of its run nearest in date, or starts an
/// event with it (see `merge`), and updates that event's counts.
fn merge_mention(
    tx: &rusqlite::Transaction<'_>,
    run: RunId,
    mention: i64,
    key: &Key,
    rule: MergeRule,
) -> rusqlite::Result<()> {
    let mut best: Option<(i64, i64)> = None;
    if let Some(date) = &key.date {
        let (lo, hi) = window(date, rule);
        let mut candidates = tx.prepare_cached(
            "SELECT event_key, merge_key FROM events
             WHERE run_id = ?1 AND event = ?2 AND date >= ?3 AND date <= ?4
             ORDER BY event_key",
        )?;
        let rows = candidates.query_map(params![run.0, key.event, lo, hi], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        for row in rows {
            let (event, merge_key) = row?;
            let Ok(other) = serde_json::from_str::<Key>(&merge_key) else {
                continue;
            };
            if let Some(days) = key.distance(&other, rule) {
                if best.is_none_or(|(d, _)| days < d) {
                    best = Some((days, event));
                }
            }
        }
    }
    let event = match best {
        Some((_, event)) => event,
        None => {
            tx.execute(
                "INSERT INTO events (run_id, event, date, last_date, merge_key, representative)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?5)",
                params![
                    run.0,
                    key.event,
                    key.date,
                    serde_json::to_string(key).unwrap_or_default(),
                    mention
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    tx.execute(
        "UPDATE event_mentions SET merged_event = ?1 WHERE mention_key = ?2",
        params![event, mention],
    )?;
    tx.execute(
        "UPDATE events SET
           date = CASE WHEN ?2 IS NOT NULL AND (date IS NULL OR ?2 < date) THEN ?2 ELSE date END,
           last_date = CASE WHEN ?2 IS NOT NULL AND (last_date IS NULL OR ?2 > last_date) THEN ?2 ELSE last_date END,
           num_mentions = (SELECT count(*) FROM event_mentions WHERE merged_event = ?1),
           num_articles = (SELECT count(DISTINCT coalesce(d.copy_of, d.doc_key))
                           FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key
                           WHERE m.merged_event = ?1),
           num_sources = (SELECT count(DISTINCT coalesce(d.source, d.id))
                          FROM event_mentions m JOIN documents d ON d.doc_key = m.doc_key
                          WHERE m.merged_event = ?1),
           first_seen = (SELECT min(d.date) FROM event_mentions m JOIN documents d
                         ON d.doc_key = m.doc_key WHERE m.merged_event = ?1),
           last_seen = (SELECT max(d.date) FROM event_mentions m JOIN documents d
                        ON d.doc_key = m.doc_key WHERE m.merged_event = ?1)
         WHERE event_key = ?1",
        params![event, key.date],
    )?;
    Ok(())
}

/// The article a document with this SimHash copies: the original of the nearest stored document
/// of another id within the distance (found through the band index), if any.
fn copy_of(tx: &rusqlite::Transaction<'_>, id: &str, hash: u64) -> rusqlite::Result<Option<i64>> {
    let mut candidates = tx.prepare_cached(
        "SELECT d.doc_key, d.simhash, coalesce(d.copy_of, d.doc_key)
         FROM simhash_bands b JOIN documents d ON d.doc_key = b.doc_key
         WHERE b.band = ?1 AND b.value = ?2 AND d.id <> ?3",
    )?;
    let mut best: Option<(u32, i64)> = None;
    for i in 0..BANDS {
        let rows = candidates.query_map(params![i, band(hash, i), id], |r| {
            Ok((r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
        })?;
        for row in rows {
            let (other, original) = row?;
            let other = other as u64;
            if near(hash, other) {
                let d = (hash ^ other).count_ones();
                if best.is_none_or(|(bd, bo)| (d, original) < (bd, bo)) {
                    best = Some((d, original));
                }
            }
        }
    }
    Ok(best.map(|(_, original)| original))
}

/// A SQLite error as the store's error, the common conditions named for the user.
pub(crate) fn classify(path: &str, source: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let path = path.to_string();
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StoreError::NotSqlite { path },
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::CannotOpen) if is_read_only(&path) => {
            StoreError::ReadOnly { path }
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Locked { path }
        }
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path },
        _ => StoreError::Sqlite { path, source },
    }
}

/// Whether the file (or, when absent, its folder) cannot be written.
fn is_read_only(path: &str) -> bool {
    let p = std::path::Path::new(path);
    let target = if p.exists() {
        p.to_path_buf()
    } else {
        p.parent().map(|d| d.to_path_buf()).unwrap_or_default()
    };
    std::fs::metadata(target).is_ok_and(|m| m.permissions().readonly())
}

/// The time now, RFC 3339 in UTC.
pub(crate) fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_of_schema_1_is_migrated_and_keeps_its_documents() {
        let dir = std::env::temp_dir().join(format!("dyad-store-unit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("v1.db");
        let _ = std::fs::remove_file(&path);
        {
            let conn = Connection::open(&path).expect("open");
            conn.execute_batch(MIGRATIONS[0]).expect("schema 1");
            conn.execute_batch(&format!(
                "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = 1;"
            ))
            .expect("pragmas");
            conn.execute(
                "INSERT INTO documents (id, version, content_hash, text, stored_at)
                 VALUES ('old', 1, 'h', 'text', 'then')",
                [],
            )
            .expect("document");
        }
        let store = Store::open(&path).expect("migrate");
        let version: i64 = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(store.counts().expect("counts").documents, 1);
        assert_eq!(
            store.admit("old", "h").expect("admit"),
            Admission::AlreadyStored
        );
    }
}
