//! The entry point: a format and options in, the rows written and a summary out.

use crate::format::Format;
use crate::{lines, parquet, ExportError};
use dyad_store::{EventFilter, Store};
use std::io::Write;

/// How to export, beyond the format. Built with [`ExportOptions::new`] and its setters, so
/// that options can be added without breaking callers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    merged: bool,
    header: bool,
}

impl ExportOptions {
    /// Event mentions, no optional header.
    pub fn new() -> ExportOptions {
        ExportOptions::default()
    }

    /// Merged events (one per happening, with counts) instead of event mentions. GDELT's event
    /// table and ACLED's are of merged events whatever this says.
    pub fn merged(mut self, yes: bool) -> ExportOptions {
        self.merged = yes;
        self
    }

    /// Start the GDELT tables with a row of the codebook's column names (GDELT's own files have
    /// none). CSV and ACLED always start with one; the other formats have none.
    pub fn header(mut self, yes: bool) -> ExportOptions {
        self.header = yes;
        self
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportSummary {
    rows: usize,
    merged: bool,
}

impl ExportSummary {
    /// Rows written, header aside.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Whether the rows are merged events (else event mentions).
    pub fn merged(&self) -> bool {
        self.merged
    }
}

/// Writes the events of `store` that match `filter` to `out` in `format`, streaming: memory
/// does not grow with the store. `out` is flushed at the end; on an error, what was written
/// before it stays written.
pub fn export(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    options: &ExportOptions,
    out: &mut (dyn Write + Send),
) -> Result<ExportSummary, ExportError> {
    let merged = options.merged || format.always_merged();
    let rows = match format {
        Format::Parquet => parquet::write(store, filter, merged, out)?,
        _ => lines::write(store, filter, format, merged, options.header, out)?,
    };
    out.flush().map_err(ExportError::Write)?;
    Ok(ExportSummary { rows, merged })
}
