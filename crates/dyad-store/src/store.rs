//! Opening a store, runs, and writing documents with their event mentions.

use crate::schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use crate::StoreError;
use dyad_model::{Document, EventRecord};
use rusqlite::{params, Connection, OptionalExtension};
use std::path::Path;

/// A dyad store: one SQLite file.
pub struct Store {
    conn: Connection,
    path: String,
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

/// What to do with a document read from input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Not stored yet: store it as this version (1 for a new id).
    Store { version: i64 },
    /// The same id with the same text is stored already.
    AlreadyStored,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreCounts {
    pub documents: i64,
    pub runs: i64,
    pub mentions: i64,
}

impl Store {
    /// Opens the store at `path`, creating it if absent and migrating an older one. A file that
    /// is another program's SQLite database, or a newer dyad's store, is refused untouched.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: name.clone(),
            source,
        })?;
        let mut store = Store { conn, path: name };
        store.prepare()?;
        Ok(store)
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        if source.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) {
            return StoreError::NotSqlite {
                path: self.path.clone(),
            };
        }
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
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
    ) -> Result<DocumentKey, StoreError> {
        let path = self.path.clone();
        let err = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let json = |v: serde_json::Result<String>| v.unwrap_or_else(|_| "null".to_string());
        let tx = self.conn.transaction().map_err(err)?;
        tx.execute(
            "INSERT INTO documents (id, version, content_hash, date, title, url, source, language,
                                    dateline, extra, origin, text, stored_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
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
            ],
        )
        .map_err(err)?;
        let key = tx.last_insert_rowid();
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO event_mentions (run_id, doc_key, event_id, sentence_index, event,
                                                 cameo, date, confidence, record)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(err)?;
            for e in events {
                insert
                    .execute(params![
                        run.0,
                        key,
                        e.event_id,
                        e.sentence_index as i64,
                        e.plover.event,
                        e.cameo,
                        e.date,
                        f64::from(e.confidence),
                        json(serde_json::to_string(e)),
                    ])
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(DocumentKey(key))
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
            runs: count("runs")?,
            mentions: count("event_mentions")?,
        })
    }
}

/// The time now, RFC 3339 in UTC.
fn now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
