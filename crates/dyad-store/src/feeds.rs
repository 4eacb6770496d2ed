//! What `dyad watch` polled and when, and what `dyad ingest --watch` read: kept in the store
//! so that a restart carries on where the last run stopped (conditional GETs with the last
//! validators, hosts still backed off, items and files not read twice).
//!
//! Invariant: an item or file is recorded only after its document is stored (or given up), so
//! a crash between the two reads it again, and the document admission ([`Store::admit`])
//! and [`Store::has_document`] keep it from being stored twice.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};

use crate::store::{now, Store};
use crate::StoreError;

/// A feed's state after its last poll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedState {
    /// `ETag` of the last 200.
    pub etag: Option<String>,
    /// `Last-Modified` of the last 200.
    pub last_modified: Option<String>,
    /// Last attempt.
    pub polled_at: Option<DateTime<Utc>>,
    /// Consecutive failed polls.
    pub failures: u32,
    /// Documents stored from it over all polls.
    pub stored: u64,
}

/// How a poll ended, to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollRecord<'a> {
    /// 200: read, with the validators to send next time and the documents stored.
    Changed {
        etag: Option<&'a str>,
        last_modified: Option<&'a str>,
        stored: u64,
        line: &'a str,
    },
    /// 304.
    NotModified { line: &'a str },
    /// Failed; counts towards the feed's failures.
    Failed { line: &'a str },
}

/// A file read by a folder watch, as it was when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time in nanoseconds since the epoch.
    pub modified_ns: i64,
}

fn parse_time(s: Option<String>) -> Option<DateTime<Utc>> {
    s.and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|t| t.with_timezone(&Utc))
}

impl Store {
    /// The state of the feed at `url`, if it was ever polled.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        self.conn()
            .query_row(
                "SELECT etag, last_modified, polled_at, failures, stored FROM feeds WHERE url = ?1",
                params![url],
                |r| {
                    Ok(FeedState {
                        etag: r.get(0)?,
                        last_modified: r.get(1)?,
                        polled_at: parse_time(r.get(2)?),
                        failures: u32::try_from(r.get::<_, i64>(3)?).unwrap_or(u32::MAX),
                        stored: u64::try_from(r.get::<_, i64>(4)?).unwrap_or(0),
                    })
                },
            )
            .optional()
            .map_err(|e| self.sqlite_error(e))
    }

    /// Records a poll of the feed at `url`.
    pub fn record_poll(&mut self, url: &str, poll: &PollRecord<'_>) -> Result<(), StoreError> {
        let at = now();
        let result = match poll {
            PollRecord::Changed {
                etag,
                last_modified,
                stored,
                line,
            } => self.conn().execute(
                "INSERT INTO feeds (url, etag, last_modified, polled_at, changed_at, outcome, failures, stored)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5, 0, ?6)
                 ON CONFLICT (url) DO UPDATE SET etag = ?2, last_modified = ?3, polled_at = ?4,
                     changed_at = ?4, outcome = ?5, failures = 0, stored = stored + ?6",
                params![url, etag, last_modified, at, line, i64::try_from(*stored).unwrap_or(i64::MAX)],
            ),
            PollRecord::NotModified { line } => self.conn().execute(
                "INSERT INTO feeds (url, polled_at, outcome, failures) VALUES (?1, ?2, ?3, 0)
                 ON CONFLICT (url) DO UPDATE SET polled_at = ?2, outcome = ?3, failures = 0",
                params![url, at, line],
            ),
            PollRecord::Failed { line } => self.conn().execute(
                "INSERT INTO feeds (url, polled_at, outcome, failures) VALUES (?1, ?2, ?3, 1)
                 ON CONFLICT (url) DO UPDATE SET polled_at = ?2, outcome = ?3, failures = failures + 1",
                params![url, at, line],
            ),
        };
        result.map(drop).map_err(|e| self.sqlite_error(e))
    }

    /// When requests to `host` may go again, if it is backed off.
    pub fn host_retry_at(&self, host: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<String> = self
            .conn()
            .query_row(
                "SELECT retry_at FROM feed_hosts WHERE host = ?1",
                params![host],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sqlite_error(e))?;
        Ok(parse_time(at))
    }

    /// Records a failure at `host` and returns its consecutive failures; `retry_after` gives
    /// the wait from that count.
    pub fn host_failed(
        &mut self,
        host: &str,
        retry_after: impl Fn(u32) -> chrono::Duration,
    ) -> Result<u32, StoreError> {
        let failures: i64 = self
            .conn()
            .query_row(
                "SELECT failures FROM feed_hosts WHERE host = ?1",
                params![host],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sqlite_error(e))?
            .unwrap_or(0);
        let failures = u32::try_from(failures)
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        let retry_at = (DateTime::<Utc>::from(std::time::SystemTime::now())
            + retry_after(failures))
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.conn()
            .execute(
                "INSERT INTO feed_hosts (host, failures, retry_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (host) DO UPDATE SET failures = ?2, retry_at = ?3",
                params![host, failures, retry_at],
            )
            .map_err(|e| self.sqlite_error(e))?;
        Ok(failures)
    }

    /// Clears `host`'s backoff after a request that worked.
    pub fn host_ok(&mut self, host: &str) -> Result<(), StoreError> {
        self.conn()
            .execute("DELETE FROM feed_hosts WHERE host = ?1", params![host])
            .map(drop)
            .map_err(|e| self.sqlite_error(e))
    }

    /// Whether the item `item_id` of the feed at `feed_url` was stored or given up.
    pub fn item_seen(&self, feed_url: &str, item_id: &str) -> Result<bool, StoreError> {
        self.conn()
            .query_row(
                "SELECT 1 FROM feed_items WHERE feed_url = ?1 AND item_id = ?2",
                params![feed_url, item_id],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.sqlite_error(e))
    }

    /// Records what became of an item.
    pub fn record_item(
        &mut self,
        feed_url: &str,
        item_id: &str,
        link: Option<&str>,
        document_id: Option<&str>,
        outcome: &str,
    ) -> Result<(), StoreError> {
        self.conn()
            .execute(
                "INSERT OR REPLACE INTO feed_items (feed_url, item_id, link, document_id, seen_at, outcome)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![feed_url, item_id, link, document_id, now(), outcome],
            )
            .map(drop)
            .map_err(|e| self.sqlite_error(e))
    }

    /// Whether any version of the document `id` is stored.
    pub fn has_document(&self, id: &str) -> Result<bool, StoreError> {
        self.conn()
            .query_row(
                "SELECT 1 FROM documents WHERE id = ?1 LIMIT 1",
                params![id],
                |_| Ok(()),
            )
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.sqlite_error(e))
    }

    /// The stamp of `path` when a folder watch last read it.
    pub fn file_read(&self, path: &str) -> Result<Option<FileStamp>, StoreError> {
        self.conn()
            .query_row(
                "SELECT size, modified_ns FROM watched_files WHERE path = ?1",
                params![path],
                |r| {
                    Ok(FileStamp {
                        size: u64::try_from(r.get::<_, i64>(0)?).unwrap_or(0),
                        modified_ns: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sqlite_error(e))
    }

    /// Records that a folder watch read `path` as it was at `stamp`.
    pub fn record_file(
        &mut self,
        path: &str,
        stamp: FileStamp,
        documents: u64,
        errors: u64,
    ) -> Result<(), StoreError> {
        let n = |v: u64| i64::try_from(v).unwrap_or(i64::MAX);
        self.conn()
            .execute(
                "INSERT OR REPLACE INTO watched_files (path, size, modified_ns, read_at, documents, errors)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![path, n(stamp.size), stamp.modified_ns, now(), n(documents), n(errors)],
            )
            .map(drop)
            .map_err(|e| self.sqlite_error(e))
    }
}

/// Held while a `dyad watch` runs on a store, so that a second one refuses to start: an
/// exclusive SQLite lock on a side file (`STORE.watch-lock`), which the system releases
/// however the process ends (`kill -9` included), so a crash never leaves a stale lock.
pub struct WatchLock {
    _conn: rusqlite::Connection,
}

impl WatchLock {
    /// Takes the lock of the store at `store`, or says who holds it.
    pub fn take(store: &std::path::Path) -> Result<WatchLock, StoreError> {
        let path = format!("{}.watch-lock", store.display());
        let err = |source| StoreError::Sqlite {
            path: path.clone(),
            source,
        };
        let conn = rusqlite::Connection::open(&path).map_err(err)?;
        conn.busy_timeout(std::time::Duration::ZERO).map_err(err)?;
        conn.execute_batch("CREATE TABLE IF NOT EXISTS holder (pid INTEGER)")
            .map_err(|_| StoreError::Watched {
                path: store.display().to_string(),
            })?;
        // the transaction is never committed: it holds the lock until the process ends
        conn.execute_batch(&format!(
            "BEGIN EXCLUSIVE; DELETE FROM holder; INSERT INTO holder VALUES ({});",
            std::process::id()
        ))
        .map_err(|_| StoreError::Watched {
            path: store.display().to_string(),
        })?;
        Ok(WatchLock { _conn: conn })
    }
}
