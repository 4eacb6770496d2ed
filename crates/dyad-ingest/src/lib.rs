//! Reads news documents (JSONL, text, HTML, folders, standard input) and parses wire datelines.
//!
//! # Design
//!
//! * **Streaming.** [`read_paths`] and [`read_reader`] return iterators. A JSONL file is read a
//!   line at a time, folders are walked as the iteration reaches them, and a text or HTML file
//!   is read only when its turn comes, so memory stays bounded by one document (plus a size
//!   limit, [`IngestOptions::max_bytes`]) however large the corpus.
//! * **One bad document is one error.** Every problem (broken JSON, a missing `text`, invalid
//!   UTF-8, a binary or oversized file, a path that does not exist) is yielded as an
//!   [`IngestError`] naming the file and line (or byte offset), and the iteration carries on
//!   with the next line or file. Nothing is dropped silently and nothing panics; the caller
//!   decides whether to stop, skip or count.
//! * **Same document shape from every format.** All formats end in [`document_from_text`]:
//!   the wire dateline (`BUDAPEST, September 20. /TASS/.`) is parsed ([`parse_dateline`]) and
//!   removed from the text, and the document date and source fall back on it. The date known
//!   from outside the text (JSONL `date`, page metadata, a date in the file or folder name)
//!   wins over a dateline's, and [`IngestOptions::default_date`] comes last; either gives a
//!   yearless dateline ("June 25") its year when that is safe. Ids default to
//!   a content hash ([`content_id`]) so that re-ingesting the same text is idempotent, except
//!   for files, whose stem (or, under a folder argument, path relative to the folder:
//!   `a/index`, `b/index`) is a better, human-readable id. [`UniqueIds`] renames the ids that
//!   repeat within a run (`ID~2`) and reports each, so event ids never collide.
//!
//! Modules: `jsonl` (JSON Lines), `text` (whole-file text and HTML documents, byte checks),
//! `feed` (RSS and Atom items, with `feed-rs`; items' linked pages through a [`PageSource`]),
//! `html` (markup to text; `jsonld` reads a page's JSON-LD article object), `dateline`, `date` (ISO 8601 metadata dates), `walk` (paths,
//! folders and standard input), `hash` (FNV-1a ids), `ids` (ids unique within a run).

mod date;
mod dateline;
mod feed;
mod hash;
mod html;
mod ids;
mod jsonl;
mod jsonld;
mod text;
mod walk;

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use date::parse_iso_date;
pub use dateline::parse_dateline;
pub use dyad_model::{Dateline, Document, Origin};
pub use feed::{parse_feed, Feed, FeedItem, FetchPolicy, PageSource, Pages};
pub use hash::{content_id, fnv1a64};
pub use html::{html_to_text, parse_html, HtmlPage};
pub use ids::{RepeatedId, UniqueIds};

/// The default limit on the size of one document, in bytes of text.
pub const DEFAULT_MAX_BYTES: usize = 2_000_000;

/// Raw HTML may be this many times larger than the text limit: markup, scripts and
/// navigation usually outweigh the story several times over.
pub const HTML_SIZE_FACTOR: usize = 4;

/// A feed file may be this many times larger than the text limit: it holds many stories, each
/// held to the limit on its own.
pub const FEED_SIZE_FACTOR: usize = 16;

/// Options for reading documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IngestOptions {
    /// Largest accepted document text, in bytes (default 2 MB). Longer documents are reported
    /// as errors rather than truncated: a truncated story would be coded as if complete.
    pub max_bytes: usize,
    /// Publication date of documents that have none of their own (`--date`): a JSONL `date`,
    /// the page's metadata, a date in the file name or a dateline with its year all win over
    /// it. It also gives the year to datelines without one ("June 25").
    pub default_date: Option<NaiveDate>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            default_date: None,
        }
    }
}

/// A document that could not be read. Displays as `path:line: message` or `path: message`;
/// byte offsets in messages ("invalid UTF-8 at byte 49") count from 0 at the start of the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {message}")]
pub struct IngestError {
    /// The file (`-` for standard input) and, for JSONL, the 1-based line.
    pub origin: Origin,
    /// What is wrong and, where possible, what to do about it.
    pub message: String,
}

impl IngestError {
    pub(crate) fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        IngestError {
            origin: Origin {
                path: path.to_string(),
                line,
            },
            message: message.into(),
        }
    }
}

/// The input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON document object per line.
    Jsonl,
    /// A whole file is one plain-text document.
    Text,
    /// A whole file is one web page.
    Html,
    /// An RSS 2.0, RSS 1.0/RDF or Atom feed: each item is a document.
    Feed,
}

impl Format {
    /// The format a file extension stands for (case-insensitive), or None for extensions that
    /// folder walking ignores: `.jsonl .ndjson .json .jsonlines`, `.txt .text`, `.html .htm`,
    /// `.rss .atom .rdf .xml`.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" | "json" | "jsonlines" => Some(Format::Jsonl),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "rss" | "atom" | "rdf" | "xml" => Some(Format::Feed),
            _ => None,
        }
    }
}

/// Reads every document from `paths`, in order.
///
/// `-` is standard input: JSONL if its first non-space character is `{`, an HTML page if it
/// starts with `<!DOCTYPE html` or `<html`, a feed if it starts with `<?xml`, `<rss`, `<feed`
/// or `<rdf:RDF`, otherwise one plain-text document. Folders are
/// walked recursively in sorted order, taking the extensions listed at [`Format::from_path`]
/// and ignoring other files and hidden (`.`-prefixed) entries; a file named explicitly with an
/// unknown extension is read as text. A path that does not exist yields an error.
///
/// The iterator is `Send`, so it can feed a worker pool.
pub fn read_paths(
    paths: &[PathBuf],
    opts: &IngestOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> + Send {
    walk::PathDocs::new(paths.to_vec(), *opts, None)
}

/// [`read_paths`], with feed items' linked pages read from `pages` as its policy says: the
/// page's story text and metadata then make the item's document (see [`FeedItem::document`]).
pub fn read_paths_with_pages(
    paths: &[PathBuf],
    opts: &IngestOptions,
    pages: Option<Pages>,
) -> impl Iterator<Item = Result<Document, IngestError>> + Send {
    walk::PathDocs::new(paths.to_vec(), *opts, pages)
}

/// Reads documents in `format` from `reader`; `origin_path` names them in errors and
/// provenance (`-` for standard input). For `Text` and `Html` the whole reader is one document,
/// whose id is the file stem of `origin_path` (a content hash for `-`).
pub fn read_reader<R: BufRead>(
    reader: R,
    origin_path: &str,
    format: Format,
    opts: &IngestOptions,
) -> impl Iterator<Item = Result<Document, IngestError>> {
    text::ReaderDocs::new(reader, origin_path, format, *opts, None)
}

/// A document from the fields of one JSON object, read as a JSONL line is (CONTRACT.md's
/// "Document input": `text` required; `id`, `date`, `title`, `url`, `source`, `language` read and
/// checked; other fields kept in `extra`), for callers that hold documents as values rather than
/// lines (the Python package, Arrow batches). `origin` names the document in the error.
pub fn document_from_json(
    fields: serde_json::Map<String, serde_json::Value>,
    origin: Origin,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    jsonl::document_from_object(fields, origin.clone(), opts)
        .map_err(|message| IngestError { origin, message })
}

/// Builds a document from raw text: parses and removes a leading wire dateline, normalises
/// line ends, trims, and sets the id to the content hash of `raw`.
///
/// `fallback_date` is the date known from outside the text (JSONL `date`, HTML metadata, a
/// date in the file name); it becomes the document date and gives the year to a dateline
/// that has none. Without it the dateline's own date, if complete, is used. The source is the
/// dateline agency; callers with an explicit source overwrite it.
pub fn document_from_text(raw: &str, origin: Origin, fallback_date: Option<NaiveDate>) -> Document {
    document_with_dates(raw, origin, fallback_date, None)
}

/// [`document_from_text`] with a last-resort date (`--date`): the document's `own` date (from
/// outside the text) wins, then a dateline with its year, then `default_date`. A dateline
/// without a year takes it from `own`, else from `default_date`.
pub(crate) fn document_with_dates(
    raw: &str,
    origin: Origin,
    own: Option<NaiveDate>,
    default_date: Option<NaiveDate>,
) -> Document {
    let text = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    // Windows line ends would otherwise leave '\r' inside sentences and spans.
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text.to_string()
    };
    let known = own.or(default_date);
    let (dateline, has_year, body) = match dateline::scan_dateline(&text, known) {
        Some(found) => (
            Some(found.dateline),
            found.has_year,
            text.get(found.consumed..).unwrap_or(""),
        ),
        None => (None, false, text.as_str()),
    };
    // A year the dateline writes is the story's own; one inferred from `default_date` is not,
    // and the publication date stays the one the user gave.
    let dateline_date = dateline.as_ref().and_then(|d| d.date).filter(|_| has_year);
    let date = own.or(dateline_date).or(default_date);
    let source = dateline.as_ref().and_then(|d| d.agency.clone());
    Document {
        id: content_id(raw),
        text: body.trim().to_string(),
        date,
        source,
        dateline,
        origin,
        ..Document::default()
    }
}
