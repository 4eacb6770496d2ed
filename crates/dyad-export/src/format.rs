//! The formats by name, with what an HTTP answer or a file of each needs.

use std::fmt;
use std::str::FromStr;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON lines: the CONTRACT.md records, or merged events with their counts.
    Jsonl,
    /// CSV, one flat row per event mention or merged event.
    Csv,
    /// PLOVER JSON lines.
    Plover,
    /// GDELT 2.0 event table: 61 tab-separated columns, one row per merged event.
    Gdelt,
    /// GDELT 2.0 mentions table: 16 columns, one row per event mention.
    GdeltMentions,
    /// ACLED's columns (CSV), one row per merged event of a type ACLED covers.
    Acled,
    /// Parquet, typed columns (event mentions, or merged events).
    Parquet,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 7] = [
        Format::Jsonl,
        Format::Csv,
        Format::Plover,
        Format::Gdelt,
        Format::GdeltMentions,
        Format::Acled,
        Format::Parquet,
    ];

    /// The format's name (`dyad export --format NAME`, `GET /api/export?format=NAME`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Plover => "plover",
            Format::Gdelt => "gdelt",
            Format::GdeltMentions => "gdelt-mentions",
            Format::Acled => "acled",
            Format::Parquet => "parquet",
        }
    }

    /// The media type of the format's bytes.
    pub fn content_type(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Plover => "application/x-ndjson",
            Format::Csv | Format::Acled => "text/csv; charset=utf-8",
            Format::Gdelt | Format::GdeltMentions => "text/tab-separated-values; charset=utf-8",
            Format::Parquet => "application/vnd.apache.parquet",
        }
    }

    /// The extension of a file of the format, without the dot.
    pub fn file_extension(self) -> &'static str {
        match self {
            Format::Jsonl | Format::Plover => "jsonl",
            Format::Csv | Format::Acled => "csv",
            // GDELT names its tab-separated files .CSV; the content says what it is
            Format::Gdelt | Format::GdeltMentions => "tsv",
            Format::Parquet => "parquet",
        }
    }

    /// One line on what the format holds (the command line's help).
    #[cfg(any(feature = "clap", test))]
    fn summary(self) -> &'static str {
        match self {
            Format::Jsonl => {
                "JSON lines: the CONTRACT.md records, or merged events with their counts."
            }
            Format::Csv => "CSV, one flat row per event mention or merged event.",
            Format::Plover => "PLOVER JSON lines.",
            Format::Gdelt => {
                "GDELT 2.0 event table: 61 tab-separated columns, one row per merged event."
            }
            Format::GdeltMentions => {
                "GDELT 2.0 mentions table: 16 columns, one row per event mention."
            }
            Format::Acled => {
                "ACLED's columns (CSV), one row per merged event of a type ACLED covers."
            }
            Format::Parquet => {
                "Parquet, typed columns (event mentions, or merged events with `--merged`)."
            }
        }
    }

    /// Whether the format is a table of merged events whatever the options say (GDELT's event
    /// table and ACLED's have a row per happening, not per report).
    pub(crate) fn always_merged(self) -> bool {
        matches!(self, Format::Gdelt | Format::Acled)
    }

    /// The names, comma-separated, for messages.
    fn names() -> String {
        Format::ALL.map(Format::name).join(", ")
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no [`Format`]'s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{given:?} is not an export format; use one of {}", Format::names())]
pub struct UnknownFormat {
    given: String,
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == s)
            .ok_or_else(|| UnknownFormat {
                given: s.to_string(),
            })
    }
}

// By hand rather than derived, so that the command line's names are `name()`'s and cannot
// drift from the HTTP API's.
#[cfg(feature = "clap")]
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Format] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).help(self.summary()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_strangers_are_refused_with_the_list() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            assert!(!f.summary().is_empty() && !f.file_extension().contains('.'));
        }
        let err = "xml".parse::<Format>().map(Format::name);
        let message = err.map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(
            message.contains("\"xml\"") && message.contains("gdelt-mentions, acled, parquet"),
            "{message}"
        );
        assert_eq!(Format::GdeltMentions.to_string(), "gdelt-mentions");
    }
}
