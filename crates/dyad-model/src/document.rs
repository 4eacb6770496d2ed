use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A news document after ingestion: the body text (dateline removed) and its metadata.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// The caller's id, or a content hash when the input had none.
    pub id: String,
    /// Body text with the wire dateline removed; paragraphs separated by blank lines.
    pub text: String,
    /// Publication date: the input's `date`, else the dateline's.
    pub date: Option<NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Outlet or agency (input `source`, else the dateline's agency).
    pub source: Option<String>,
    pub language: Option<String>,
    /// The parsed wire dateline, if the text opened with one.
    pub dateline: Option<Dateline>,
    /// Input fields dyad does not interpret, passed through unchanged.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extra: Map<String, Value>,
    /// Where the document came from (for error messages and provenance).
    #[serde(default)]
    pub origin: Origin,
}

/// A wire-story dateline such as `BUDAPEST, September 20. /TASS/.` or `MOSCOW, Sept 20 (Reuters) -`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Dateline {
    /// The dateline as it appeared in the text.
    pub raw: String,
    /// The place, as written but in title case where it was in capitals ("Budapest", "Kyiv, Ukraine").
    pub place: Option<String>,
    /// The date; a dateline without a year takes it from the document date, and without either it is `None`.
    pub date: Option<NaiveDate>,
    /// The agency ("TASS", "Reuters", "AP").
    pub agency: Option<String>,
}

/// Provenance of a document: the file (or `-` for standard input) and the 1-based line for JSONL.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Origin {
    pub path: String,
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => write!(f, "{}", self.path),
        }
    }
}
