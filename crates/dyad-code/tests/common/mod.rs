//! Helpers shared by the coding tests: a test document and the codes of an actor side.

use chrono::NaiveDate;
use dyad_model::{ActorRef, Document};

/// A document with `text`, published on Wednesday 2023-09-20.
pub fn doc(text: &str) -> Document {
    Document {
        id: "test".into(),
        text: text.into(),
        date: NaiveDate::from_ymd_opt(2023, 9, 20),
        ..Default::default()
    }
}

/// The actor codes of a side, in order.
#[allow(dead_code)] // not every test file that shares this module reads codes
pub fn codes(side: &[ActorRef]) -> Vec<&str> {
    side.iter().map(|a| a.code.as_str()).collect()
}
