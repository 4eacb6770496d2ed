//! `GET /api/export`: the events matching `/api/events`' filters in one of `dyad export`'s
//! formats, the same bytes, streamed.
//!
//! The export runs on a blocking thread with a pooled store connection and writes into
//! [`Chunks`], which sends 64 KiB chunks through a bounded channel; the response body is that
//! channel. A slow client makes the export wait (the channel is full), a client that goes away
//! makes its next write fail, which stops the export: memory stays at a few chunks whatever
//! the store's size. The answer starts with the first chunk, so an error before it (a bad
//! full-text query, an unreadable store) is still a JSON error with its status; an error after
//! it is logged and aborts the body, so the client sees a broken transfer, not a short file.

use crate::api::filters::{self, bool_param, FilterQuery};
use crate::error::{ApiError, ErrorBody};
use crate::state::App;
use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use dyad_export::{ExportError, ExportOptions, Format};
use dyad_store::{EventFilter, Store};
use serde::Deserialize;
use std::io::{self, Write};
use tokio::sync::mpsc;

/// Bytes sent to the client at a time.
const CHUNK: usize = 64 * 1024;
/// Chunks that may wait for a slow client: an export holds at most this many and the one it
/// is filling.
const QUEUE: usize = 4;

/// `GET /api/export`'s own parameters (with the filters).
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct ExportQuery {
    /// The format, as `dyad export --format`: `jsonl`, `csv`, `plover`, `gdelt`,
    /// `gdelt-mentions`, `acled` or `parquet`.
    #[param(
        value_type = String,
        required = true,
        pattern = "^(jsonl|csv|plover|gdelt|gdelt-mentions|acled|parquet)$"
    )]
    format: Option<String>,
    /// Merged events (one per happening, with counts) instead of event mentions; `gdelt` and
    /// `acled` are always merged.
    #[param(value_type = Option<bool>)]
    merged: Option<String>,
    /// Start `gdelt` and `gdelt-mentions` with a row of the codebook's column names.
    #[param(value_type = Option<bool>)]
    header: Option<String>,
}

/// What the export sends: a chunk of the file, or why it stopped.
type Piece = Result<Bytes, ApiError>;

/// The matching event mentions (or merged events) as a file in one of `dyad export`'s formats,
/// byte for byte what `dyad export` writes for the same store and filters.
#[utoipa::path(
    get,
    path = "/api/export",
    params(FilterQuery, ExportQuery),
    responses(
        (status = 200, description = "The export, streamed as an attachment `dyad-events.EXT`; \
            the media type is the format's", content(
            ("application/x-ndjson"),
            ("text/csv"),
            ("text/tab-separated-values"),
            ("application/vnd.apache.parquet")
        )),
        (status = 400, description = "A parameter is unknown, missing or has a bad value", body = ErrorBody),
        (status = 408, description = "The export wrote nothing within 30 s", body = ErrorBody),
    )
)]
pub(crate) async fn export(
    State(app): State<App>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let (filters, own): (FilterQuery, ExportQuery) =
        filters::parse(raw.as_deref(), &["format", "merged", "header"])?;
    let format = parse_format(own.format.as_deref())?;
    let options = ExportOptions::new()
        .merged(bool_param("merged", &own.merged)?)
        .header(bool_param("header", &own.header)?);
    let filter = filters.filter()?;
    let (tx, mut rx) = mpsc::channel::<Piece>(QUEUE);
    let pool = app.pool.clone();
    // its own task, so that the export goes on after this handler has answered
    let job = tokio::spawn(async move {
        pool.with(move |store| {
            match filters::check_text(store, &filter) {
                Ok(()) => run(store, &filter, format, &options, tx),
                Err(e) => {
                    let _ = tx.blocking_send(Err(e));
                }
            }
            Ok(())
        })
        .await
    });
    let first = match rx.recv().await {
        Some(Ok(first)) => first,
        Some(Err(e)) => return Err(e),
        // the job ended without a word: it could not take a connection, or it panicked
        None => {
            return Err(match job.await {
                Ok(Err(e)) => e,
                _ => ApiError::internal("the export stopped before writing anything"),
            })
        }
    };
    let disposition = format!(
        "attachment; filename=\"dyad-events.{}\"",
        format.file_extension()
    );
    let body = Body::from_stream(futures_util::stream::unfold(
        (Some(first), rx),
        |(first, mut rx)| async move {
            let piece = match first {
                Some(bytes) => Ok(bytes),
                None => rx.recv().await?,
            };
            // an error ends the body unfinished, so the client knows the file is not whole
            Some((piece.map_err(|e| io::Error::other(e.message)), (None, rx)))
        },
    ));
    Ok((
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}

fn parse_format(name: Option<&str>) -> Result<Format, ApiError> {
    let Some(name) = name else {
        let names = Format::ALL.map(Format::name).join(", ");
        return Err(ApiError::bad_request(format!(
            "format: required; one of {names}"
        )));
    };
    name.parse()
        .map_err(|e| ApiError::bad_request(format!("format: {e}")))
}

/// Runs the export into the channel (on a blocking thread): its chunks, then nothing on
/// success or the error.
fn run(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    options: &ExportOptions,
    tx: mpsc::Sender<Piece>,
) {
    let mut out = Chunks::new(tx.clone());
    let result = dyad_export::export(store, filter, format, options, &mut out);
    let piece = match result {
        // an empty export still answers: an empty chunk starts the body
        Ok(_) if out.sent == 0 => Ok(Bytes::new()),
        Ok(_) => return,
        // the client went away: nobody to tell
        Err(_) if tx.is_closed() => return,
        Err(ExportError::Store(e)) => Err(ApiError::from(e)),
        Err(e) => Err(ApiError::internal(e.to_string())),
    };
    if let (Err(e), true) = (&piece, out.sent > 0) {
        eprintln!(
            "dyad: export ({format}) stopped after {} bytes: {}",
            out.sent, e.message
        );
    }
    // a send fails only if the client has gone meanwhile: then there is no one to tell
    let _ = tx.blocking_send(piece);
}

/// A writer that sends what it is given as chunks of [`CHUNK`] bytes through a bounded
/// channel, waiting while the channel is full; once the receiver is gone, writes fail.
struct Chunks {
    tx: mpsc::Sender<Piece>,
    buf: Vec<u8>,
    /// Bytes sent so far.
    sent: usize,
}

impl Chunks {
    fn new(tx: mpsc::Sender<Piece>) -> Chunks {
        Chunks {
            tx,
            buf: Vec::with_capacity(CHUNK),
            sent: 0,
        }
    }

    fn send(&mut self) -> io::Result<()> {
        let chunk = std::mem::replace(&mut self.buf, Vec::with_capacity(CHUNK));
        self.sent += chunk.len();
        self.tx
            .blocking_send(Ok(Bytes::from(chunk)))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client went away"))
    }
}

impl Write for Chunks {
    /// Takes what fits in the chunk being filled (at least a byte: a full chunk is sent as
    /// soon as it fills), so that no chunk outgrows [`CHUNK`] whatever the caller writes.
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        let n = data.len().min(CHUNK.saturating_sub(self.buf.len()));
        self.buf
            .extend_from_slice(data.get(..n).unwrap_or_default());
        if self.buf.len() >= CHUNK {
            self.send()?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        self.send()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_are_at_most_64_kib_and_writes_fail_once_the_client_is_gone() {
        let (tx, mut rx) = mpsc::channel::<Piece>(64);
        let mut out = Chunks::new(tx);
        let data = vec![b'x'; CHUNK * 2 + 10];
        assert!(out.write_all(&data).is_ok() && out.flush().is_ok());
        let mut sizes = Vec::new();
        while let Ok(Ok(chunk)) = rx.try_recv() {
            sizes.push(chunk.len());
        }
        assert_eq!(sizes, [CHUNK, CHUNK, 10]);
        drop(rx);
        let err = out.write_all(&data).err().map(|e| e.kind());
        assert_eq!(err, Some(io::ErrorKind::BrokenPipe));
    }

    #[test]
    fn the_format_is_required_and_named_in_errors() {
        let message = |name: Option<&str>| parse_format(name).err().map(|e| e.message);
        assert!(message(None).is_some_and(|m| m.starts_with("format: required")));
        assert!(message(Some("xml")).is_some_and(|m| m.starts_with("format: \"xml\"")));
        assert_eq!(
            parse_format(Some("gdelt-mentions")).ok(),
            Some(Format::GdeltMentions)
        );
    }
}
