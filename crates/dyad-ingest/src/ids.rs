//! Document ids unique within a run.
//!
//! Event ids hash the document id, so two documents with one id would give colliding event
//! ids, and a store would take the second for a re-ingestion of the first. Ids repeat when a
//! JSONL file gives the same `id` twice, when records repeat (the default id is the content
//! hash), or when two named files share a name. [`UniqueIds`] sees every document of a run
//! in order and renames each repeat `ID~2`, `ID~3`, ...: deterministic, so the same input
//! gives the same ids on every run, and reported, so nothing changes silently.

use std::collections::HashMap;

use crate::hash::fnv1a64;
use crate::{Document, Origin};

/// A document whose id was taken by an earlier document of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepeatedId {
    /// The id as the input gave it.
    pub id: String,
    /// Where the first document with that id came from.
    pub first: Origin,
    /// Where this one came from.
    pub origin: Origin,
    /// The id this document now has.
    pub renamed: String,
}

impl std::fmt::Display for RepeatedId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: document id \"{}\" was already used at {}; this document is coded as \"{}\"",
            self.origin, self.id, self.first, self.renamed
        )
    }
}

/// The ids seen in a run. Memory is a few dozen bytes per document (a hash of the id, the
/// first origin's file as an index and its line), so a run of millions of documents fits.
#[derive(Debug, Default)]
pub struct UniqueIds {
    /// Hash of an id -> (the first origin's file index, its line, how many had the id).
    seen: HashMap<u64, (usize, Option<usize>, usize)>,
    files: Vec<String>,
}

impl UniqueIds {
    pub fn new() -> Self {
        UniqueIds::default()
    }

    /// Admits `doc` to the run: a first id is kept; a repeat is renamed and reported.
    pub fn admit(&mut self, doc: &mut Document) -> Option<RepeatedId> {
        let file = self.file_index(&doc.origin.path);
        let entry =
            self.seen
                .entry(fnv1a64(doc.id.as_bytes()))
                .or_insert((file, doc.origin.line, 0));
        entry.2 += 1;
        if entry.2 == 1 {
            return None;
        }
        let (first_file, first_line, count) = *entry;
        let mut renamed = format!("{}~{count}", doc.id);
        // A renamed id may itself be an id of the input ("a~2" given explicitly): count on.
        let mut n = count;
        while self.seen.contains_key(&fnv1a64(renamed.as_bytes())) {
            n += 1;
            renamed = format!("{}~{n}", doc.id);
        }
        self.seen
            .insert(fnv1a64(renamed.as_bytes()), (file, doc.origin.line, 1));
        let repeat = RepeatedId {
            id: std::mem::replace(&mut doc.id, renamed.clone()),
            first: Origin {
                path: self.files.get(first_file).cloned().unwrap_or_default(),
                line: first_line,
            },
            origin: doc.origin.clone(),
            renamed,
        };
        Some(repeat)
    }

    /// The index of `path` in `files`; runs read files one after another, so the last one is
    /// almost always the one asked for.
    fn file_index(&mut self, path: &str) -> usize {
        match self.files.iter().rposition(|f| f == path) {
            Some(i) => i,
            None => {
                self.files.push(path.to_string());
                self.files.len() - 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, path: &str, line: Option<usize>) -> Document {
        Document {
            id: id.to_string(),
            text: "text".to_string(),
            origin: Origin {
                path: path.to_string(),
                line,
            },
            ..Document::default()
        }
    }

    #[test]
    fn repeats_are_renamed_in_order_and_name_the_first_occurrence() {
        let mut ids = UniqueIds::new();
        let mut a = doc("x", "f.jsonl", Some(1));
        let mut b = doc("y", "f.jsonl", Some(2));
        let mut c = doc("x", "f.jsonl", Some(3));
        let mut d = doc("x", "g.jsonl", Some(1));
        assert_eq!(ids.admit(&mut a), None);
        assert_eq!(ids.admit(&mut b), None);
        let repeat = ids.admit(&mut c).map(|r| r.to_string());
        assert_eq!(
            repeat.as_deref(),
            Some("f.jsonl:3: document id \"x\" was already used at f.jsonl:1; this document is coded as \"x~2\"")
        );
        assert_eq!(c.id, "x~2");
        assert!(ids.admit(&mut d).is_some());
        assert_eq!(d.id, "x~3");
    }

    #[test]
    fn a_renamed_id_never_takes_an_id_of_the_input() {
        let mut ids = UniqueIds::new();
        let mut docs = [
            doc("x~2", "f", Some(1)),
            doc("x", "f", Some(2)),
            doc("x", "f", Some(3)),
        ];
        for d in docs.iter_mut() {
            ids.admit(d);
        }
        assert_eq!(docs[2].id, "x~3");
    }
}
