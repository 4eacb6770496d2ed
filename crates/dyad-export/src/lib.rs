//! dyad's export formats: a store's event mentions (or merged events) in the formats analysts
//! load, written to any [`std::io::Write`] as they stream from the store.
//!
//! One call does it all: [`export`] takes a store, a filter, a [`Format`] and
//! [`ExportOptions`], and writes. `dyad export` calls it with a file or standard output, the
//! HTTP server (`GET /api/export`) with a writer that sends chunks to the client, so both give
//! the same bytes for the same store and filter.
//!
//! The formats:
//! - `jsonl`: the CONTRACT.md records (merged events: one object per event with its counts and
//!   representative record);
//! - `csv`: one flat row per event for spreadsheets;
//! - `plover`: PLOVER JSON lines (the PLOVER manual's field names);
//! - `gdelt`, `gdelt-mentions`: GDELT 2.0's event and mentions tables;
//! - `acled`: ACLED's columns for the events ACLED covers;
//! - `parquet`: typed columns, actors as lists of structs.
//!
//! Design:
//! - Memory stays flat at any store size: rows are read one at a time
//!   (`Store::each_mention_row`, `Store::each_event`) and each becomes a line, or a row of a
//!   Parquet batch written out when full.
//! - Each format is a module of functions from a stored row to its text, private to the crate;
//!   the public surface is what a caller chooses (format, options) and what it gets back
//!   (a summary or an [`ExportError`]), so a format's internals can change without touching
//!   the callers.
//! - The GDELT and ACLED tables hold only events the text says happened (not negated, future
//!   or hypothetical): they have no column for modality. The other formats carry every row
//!   with its modality.
//! - With the `clap` feature, [`Format`] is a clap value enum whose names are [`Format::name`]'s,
//!   so the command line and the HTTP API accept the same names.

mod acled;
mod csv;
mod error;
mod format;
mod gdelt;
mod lines;
mod parquet;
mod plover;
mod record;
mod run;

pub use csv::csv_field;
pub use error::ExportError;
pub use format::{Format, UnknownFormat};
pub use run::{export, ExportOptions, ExportSummary};
