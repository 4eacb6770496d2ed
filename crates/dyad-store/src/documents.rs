//! Reading stored documents back for display: a page of the latest versions with their event
//! counts, and one document's latest version by id.

use crate::query::Cursor;
use crate::store::{DocumentKey, RunId, Store};
use crate::StoreError;
use rusqlite::{params, OptionalExtension};

/// A stored document as a listing shows it (its latest version).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct DocumentSummary {
    /// Where it stands in the listing (for the next page).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schema(ignore))]
    pub cursor: Cursor,
    pub id: String,
    pub version: i64,
    pub title: Option<String>,
    pub url: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Its event mentions in the run read.
    pub events: i64,
}

impl Store {
    /// The latest versions of stored documents, by publication date (undated first) then key,
    /// after `after`, at most `limit`, with their event counts in `run` (the latest if None).
    pub fn documents_page(
        &self,
        run: Option<RunId>,
        after: Option<&Cursor>,
        limit: usize,
    ) -> Result<Vec<DocumentSummary>, StoreError> {
        let run = match run {
            Some(r) => Some(r),
            None => self.latest_run()?,
        };
        // placeholders in textual order: the run (in the count), then the cursor's
        let mut values: Vec<rusqlite::types::Value> = vec![run.map_or(0, |r| r.0).into()];
        let after_sql = match after {
            None => "",
            Some(Cursor { date: Some(d), key }) => {
                values.extend([d.clone().into(), (*key).into()]);
                "AND (d.date, d.doc_key) > (?, ?)"
            }
            Some(Cursor { date: None, key }) => {
                values.push((*key).into());
                "AND ((d.date IS NULL AND d.doc_key > ?) OR d.date IS NOT NULL)"
            }
        };
        let sql = format!(
            "SELECT d.doc_key, d.id, d.version, d.title, d.url, d.source, d.date,
                    (SELECT count(*) FROM event_mentions m WHERE m.doc_key = d.doc_key AND m.run_id = ?)
             FROM documents d
             WHERE NOT EXISTS (SELECT 1 FROM documents n WHERE n.id = d.id AND n.version > d.version)
             {after_sql}
             ORDER BY d.date, d.doc_key LIMIT {limit}"
        );
        let mut stmt = self
            .conn()
            .prepare(&sql)
            .map_err(|e| self.sqlite_error(e))?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(values), |r| {
                Ok(DocumentSummary {
                    cursor: Cursor {
                        key: r.get(0)?,
                        date: r.get(6)?,
                    },
                    id: r.get(1)?,
                    version: r.get(2)?,
                    title: r.get(3)?,
                    url: r.get(4)?,
                    source: r.get(5)?,
                    date: r.get(6)?,
                    events: r.get(7)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sqlite_error(e))?;
        Ok(rows)
    }

    /// The key and number of a document's latest version, if it is stored.
    pub fn latest_version(&self, id: &str) -> Result<Option<(DocumentKey, i64)>, StoreError> {
        self.conn()
            .query_row(
                "SELECT doc_key, version FROM documents WHERE id = ?1 ORDER BY version DESC LIMIT 1",
                params![id],
                |r| Ok((DocumentKey(r.get(0)?), r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.sqlite_error(e))
    }
}
