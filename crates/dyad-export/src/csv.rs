//! `csv`: one flat row per event mention (or merged event, its counts first), and the quoting
//! every CSV table of dyad uses.

use crate::record::{at, text};
use dyad_store::{DocumentInfo, EventRow};
use serde_json::Value;

/// The columns of a mention row.
pub(crate) const COLUMNS: &[&str] = &[
    "event_id",
    "doc_id",
    "date",
    "date_precision",
    "event",
    "mode",
    "cameo",
    "quad_class",
    "goldstein",
    "source",
    "source_country",
    "target",
    "target_country",
    "negated",
    "modality",
    "place",
    "admin1",
    "country",
    "lat",
    "lon",
    "confidence",
    "outlet",
    "url",
    "sentence",
];

/// A CSV field, quoted where it must be (RFC 4180).
pub fn csv_field(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

/// Fields as one CSV line (without its line end).
pub(crate) fn line(fields: &[String]) -> String {
    fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",")
}

/// The header of a mention table, or with `merged` of a merged-event table.
pub(crate) fn header(merged: bool) -> String {
    if merged {
        format!(
            "event_key,num_mentions,num_sources,num_articles,first_seen,last_seen,last_date,{}",
            COLUMNS.join(",")
        )
    } else {
        COLUMNS.join(",")
    }
}

/// A side's values of one actor field, `|`-joined.
fn side(record: &Value, side: &str, field: &str) -> String {
    record[side]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|x| text(&x[field]))
                .collect::<Vec<_>>()
                .join("|")
        })
        .unwrap_or_default()
}

/// The row of a mention's record.
pub(crate) fn row(r: &Value, info: &DocumentInfo) -> String {
    line(&[
        text(&r["event_id"]),
        text(&r["doc_id"]),
        text(&r["date"]),
        text(&r["date_precision"]),
        text(at(r, &["plover", "event"])),
        text(at(r, &["plover", "mode"])),
        text(&r["cameo"]),
        text(&r["quad_class"]),
        text(&r["goldstein"]),
        side(r, "source", "code"),
        side(r, "source", "country"),
        side(r, "target", "code"),
        side(r, "target", "country"),
        text(&r["negated"]),
        text(&r["modality"]),
        text(at(r, &["location", "name"])),
        text(at(r, &["location", "admin1"])),
        text(at(r, &["location", "country"])),
        text(at(r, &["location", "lat"])),
        text(at(r, &["location", "lon"])),
        text(&r["confidence"]),
        info.source.clone().unwrap_or_default(),
        info.url.clone().unwrap_or_default(),
        text(&r["sentence"]),
    ])
}

/// The row of a merged event: its counts and dates, then its representative mention's row.
pub(crate) fn event_row(e: &EventRow) -> String {
    format!(
        "{},{},{},{},{},{},{},{}",
        e.event_key,
        e.num_mentions,
        e.num_sources,
        e.num_articles,
        e.first_seen.as_deref().unwrap_or_default(),
        e.last_seen.as_deref().unwrap_or_default(),
        e.last_date.as_deref().unwrap_or_default(),
        row(&e.representative, &e.document)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_where_they_must_be() {
        assert_eq!(csv_field("Kharkiv"), "Kharkiv");
        assert_eq!(csv_field("Kyiv, Ukraine"), "\"Kyiv, Ukraine\"");
        assert_eq!(csv_field("a \"quote\""), "\"a \"\"quote\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(
            line(&["a".into(), "b,c".into(), String::new()]),
            "a,\"b,c\","
        );
    }

    #[test]
    fn a_record_missing_fields_is_a_row_of_empty_fields() {
        let row = row(&serde_json::json!({}), &DocumentInfo::default());
        assert_eq!(row, ",".repeat(COLUMNS.len() - 1));
    }
}
