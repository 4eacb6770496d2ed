//! dyad's event store: one SQLite file (WAL mode, no server) that keeps every document read,
//! every coding run and every event mention, so that a collection can grow, be queried and be
//! coded again after a dictionary change.
//!
//! # Design
//!
//! - **Documents are kept, never overwritten.** A document is identified by its id and the
//!   hash of its text: the same id with the same text is already stored (skipped); the same id
//!   with other text is a new *version* of it.
//! - **Runs.** Every `dyad ingest` (and later `dyad recode`) is a run with the dyad version and
//!   the options used; event mentions belong to a run, so re-coding adds a run and keeps the
//!   old one for comparison.
//! - **One transaction per document:** the document row and all its event mentions are
//!   written together, so a crash or `kill -9` leaves no partial document and losing power
//!   loses nothing already reported as stored (WAL with `synchronous=FULL`).
//! - **Copies.** A document whose text is nearly another stored document's (the same wire story
//!   from another outlet: SimHash of 2-word shingles, see `simhash`) is recorded as a copy of
//!   that article (`copy_of`), so that counts of articles are not inflated.
//! - **Events, not reports.** Each stored mention is merged into the event of its run that
//!   describes the same happening (same type, compatible sides, dates within a window,
//!   compatible places: see `merge`), incrementally; an event counts its mentions, outlets and
//!   articles.
//! - **Schema versions.** The file carries an application id (so a foreign SQLite file is
//!   refused, not modified) and a schema version (`PRAGMA user_version`): an older store is
//!   migrated on opening, a newer one is refused with a message saying so.
//!
//! See `ARCHITECTURE.md` ("The event store") for the tables.

mod analytics;
mod compare;
mod documents;
mod feeds;
mod merge;
mod places;
mod query;
mod rollups;
mod schema;
mod simhash;
mod store;
mod synthetic;

pub use analytics::{Bucket, Edge, SeriesBy, SeriesRow};
pub use compare::{Comparison, Evidence};
pub use documents::DocumentSummary;
pub use feeds::{FeedState, FileStamp, PollRecord, WatchLock};
pub use merge::{MergeRule, Merger};
pub use places::{CountryCount, PlacePoint, Places};
pub use query::{Cursor, DocumentInfo, EventFilter, EventRow, MentionRow, Stat};
pub use store::{
    Admission, DocumentKey, Interrupt, RunId, RunInfo, RunSummary, Store, StoreCounts,
    StoredDocument,
};

/// Why a store cannot be opened or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error(
        "{path} is not a dyad store (another program's SQLite file); give another --store path"
    )]
    Foreign { path: String },
    #[error("{path} is read-only: dyad cannot write to it; give a writable --store file")]
    ReadOnly { path: String },
    #[error(
        "{path} is locked by another program (another dyad ingest?); try again when it is done"
    )]
    Locked { path: String },
    #[error("{path} is being watched by another dyad (`dyad watch` or `dyad ingest --watch`); stop it first, or give another --store")]
    Watched { path: String },
    #[error("{path}: the disk is full; the document being written was not stored (nothing partial), free space and rerun to resume")]
    DiskFull { path: String },
    /// Writing what was read failed (a closed pipe, a full disk).
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
    #[error("{path} is not a dyad store (not an SQLite file, or a damaged one); give another --store path")]
    NotSqlite { path: String },
    #[error("{path} was written by a newer dyad (store schema {found}; this dyad reads up to {supported}); use that dyad or a newer one")]
    Newer {
        path: String,
        found: i64,
        supported: i64,
    },
}
