//! dyad's HTTP API over an event store (`dyad serve`).
//!
//! The server is axum on tokio. Store reads are blocking SQLite calls, so each request borrows
//! a connection from a small pool ([`pool`]) on tokio's blocking threads; the store is in WAL
//! mode, so `dyad ingest` may write while the server reads. Every answer is JSON, errors
//! included (`{"error": "..."}` with the status that fits), but for `/api/export`'s files
//! (`dyad-export`'s formats, streamed from a blocking thread through a bounded channel, so
//! memory stays flat at any store size), and the API is described by an
//! OpenAPI 3.1 document generated from the handlers' own types (utoipa), served at
//! `/api/openapi.json`, so the document cannot drift from the routes.
//!
//! Listings page by keyset: a page's `next` is the place of its last row, and the next page
//! starts after it, so a store that grows between pages never repeats or skips a row.
//!
//! Security ([`auth`]): writes need `Authorization: Bearer <token>`; the token comes from a
//! file, `DYAD_TOKEN`, or is generated beside the store (mode 0600) at first start; the server
//! binds to loopback by default and refuses any other address unless a token was configured.
//! Request bodies, page sizes and request time are bounded; responses carry a strict
//! Content-Security-Policy; no CORS headers are sent; a server on loopback answers only requests
//! addressed to a loopback name ([`hosts`], against DNS rebinding). `docs/security.md` is the
//! threat model.

mod api;
mod assets;
pub mod auth;
#[cfg(test)]
mod documented;
mod error;
mod hosts;
mod pool;
mod server;
mod state;

pub use auth::{Token, TokenSource};
pub use error::ServeError;
pub use server::{openapi_json, serve, ServeOptions};
