//! Why an export failed.

use dyad_store::StoreError;

/// Why an export failed. What was written before the failure stays written: a caller that
/// writes to a file should remove it, one that streams should end the stream as failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    /// Reading the store failed (its message names the store and what to do).
    #[error(transparent)]
    Store(StoreError),
    /// Writing failed: the reader went away (a closed pipe, a client gone), the disk is full.
    #[error("cannot write the export: {0}")]
    Write(#[source] std::io::Error),
    /// The Parquet encoder failed.
    #[error("cannot write the Parquet file: {0}")]
    Parquet(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl From<StoreError> for ExportError {
    /// The store's row callbacks can only fail with a `StoreError`, so a failed write travels
    /// out of them as `StoreError::Output` and is a write error again here.
    fn from(e: StoreError) -> ExportError {
        match e {
            StoreError::Output(io) => ExportError::Write(io),
            other => ExportError::Store(other),
        }
    }
}

impl From<parquet::errors::ParquetError> for ExportError {
    fn from(e: parquet::errors::ParquetError) -> ExportError {
        ExportError::Parquet(Box::new(e))
    }
}
