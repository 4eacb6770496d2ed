//! The data types that flow through dyad's pipeline.
//!
//! Every stage of the pipeline (ingest -> segment -> code -> output) exchanges the types
//! defined here, so that a stage can be replaced (the shallow coder by a syntax-aware one,
//! say) without touching the stages around it. This crate has no logic beyond small helpers.
//!
//! Offsets: inside the pipeline, [`Token`] and [`Sentence`] offsets are **byte** offsets
//! (cheap to slice in Rust). The JSON output of [`EventRecord`] uses **character** offsets
//! (Unicode scalar values) into the sentence, as CONTRACT.md requires; [`CharIndex`]
//! converts between the two.

mod document;
mod event;
mod index;
pub mod testing;
mod text;

pub use document::{Dateline, Document, Origin};
pub use event::{ActorRef, EventRecord, Location, Plover, Quote, Trigger};
pub use text::{CharIndex, Sentence, Token, TokenIdx};
