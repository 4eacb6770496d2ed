//! The line formats (JSON lines, CSV, PLOVER, GDELT, ACLED): a header where the format has
//! one, then a line per row as the store yields it.

use crate::format::Format;
use crate::record::happened;
use crate::{acled, csv, gdelt, plover, ExportError};
use dyad_store::{EventFilter, Store, StoreError};
use serde_json::{json, Value};
use std::io::Write;

/// Writes the rows; returns how many lines were written after the header (formats that leave
/// some events out, GDELT's and ACLED's, write fewer than they read).
pub(crate) fn write(
    store: &Store,
    filter: &EventFilter,
    format: Format,
    merged: bool,
    header: bool,
    out: &mut (dyn Write + Send),
) -> Result<usize, ExportError> {
    let mut out = std::io::BufWriter::new(out);
    let io = StoreError::Output;
    let geo = dyad_geo::Gazetteer::embedded();
    let header = match format {
        Format::Csv => Some(csv::header(merged)),
        Format::Acled => Some(acled::COLUMNS.join(",")),
        // GDELT's files have no header row unless asked
        Format::Gdelt if header => Some(gdelt::EVENT_COLUMNS.join("\t")),
        Format::GdeltMentions if header => Some(gdelt::MENTION_COLUMNS.join("\t")),
        _ => None,
    };
    if let Some(h) = header {
        writeln!(out, "{h}").map_err(ExportError::Write)?;
    }
    let mut written = 0;
    let mut line = |s: &str| {
        written += 1;
        writeln!(out, "{s}").map_err(io)
    };
    if merged {
        store.each_event(filter, |e| match format {
            Format::Jsonl => line(&serde_json::to_string(e).map_err(|x| io(x.into()))?),
            Format::Csv => line(&csv::event_row(e)),
            Format::Plover => {
                let mut p = plover::record(&e.representative, &e.document);
                // a record is an object; `insert` keeps a key's place, as `p[key] = ...` did
                if let Some(fields) = p.as_object_mut() {
                    let event_id = format!("event-{}", e.event_key);
                    fields.insert("id".into(), json!(event_id));
                    fields.insert("enddate".into(), json!(e.last_date));
                    fields.insert("num_mentions".into(), json!(e.num_mentions));
                    fields.insert("num_sources".into(), json!(e.num_sources));
                    fields.insert("num_articles".into(), json!(e.num_articles));
                }
                line(&p.to_string())
            }
            Format::Gdelt if !happened(&e.representative) => Ok(()),
            Format::Gdelt => line(&gdelt::event_row(e, geo)),
            Format::Acled => match acled::row(e, geo) {
                Some(row) => line(&row),
                None => Ok(()),
            },
            // mentions tables have no merged form; parquet is not a line format
            Format::GdeltMentions | Format::Parquet => Ok(()),
        })?;
    } else {
        store.each_mention_row(filter, |m| {
            if format == Format::Jsonl {
                return line(&m.record);
            }
            // an unreadable record is a row of empty fields, not the end of the export
            let r: Value = serde_json::from_str(&m.record).unwrap_or_default();
            match format {
                Format::Csv => line(&csv::row(&r, &m.document)),
                Format::Plover => line(&plover::record(&r, &m.document).to_string()),
                Format::GdeltMentions if !happened(&r) => Ok(()),
                Format::GdeltMentions => match gdelt::mention_row(m, &r) {
                    Some(row) => line(&row),
                    None => Ok(()),
                },
                _ => Ok(()),
            }
        })?;
    }
    out.flush().map_err(ExportError::Write)?;
    Ok(written)
}
