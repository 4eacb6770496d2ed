//! Paths to documents: files, folders (walked recursively, sorted) and standard input.
//!
//! Folders are expanded into file lists only when the iteration reaches them, and each file is
//! opened only when its turn comes, so that errors appear in input order and a long run starts
//! producing documents at once.

use std::collections::{HashSet, VecDeque};
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::text::{raw_limit, too_big, ReaderDocs};
use crate::{Document, Format, IngestError, IngestOptions, Pages};

/// How much leading whitespace standard input may have before we give up looking for its
/// first character and treat it as text.
const SNIFF_LIMIT: usize = 1 << 20;
/// Bytes after the first non-space one that are looked at to recognise HTML.
const SNIFF_TAIL: usize = 16;

type BoxedReader = Box<dyn BufRead + Send>;

enum Pending {
    /// A file, with the id its document takes when it came from walking a folder.
    File(PathBuf, Format, Option<String>),
    Stdin,
    Error(IngestError),
}

/// Iterator over the documents of a list of paths.
pub(crate) struct PathDocs {
    inputs: VecDeque<PathBuf>,
    pending: VecDeque<Pending>,
    current: Option<ReaderDocs<BoxedReader>>,
    /// The id for the current file's document (see [`relative_id`]).
    current_id: Option<String>,
    opts: IngestOptions,
    /// Where feed items' pages come from, if anywhere.
    pages: Option<Pages>,
}

impl PathDocs {
    pub(crate) fn new(paths: Vec<PathBuf>, opts: IngestOptions, pages: Option<Pages>) -> Self {
        PathDocs {
            inputs: paths.into(),
            pending: VecDeque::new(),
            current: None,
            current_id: None,
            opts,
            pages,
        }
    }

    /// Turns one input path into pending files (several for a folder) or an error.
    fn expand(&mut self, path: PathBuf) {
        if path.as_os_str() == "-" {
            self.pending.push_back(Pending::Stdin);
            return;
        }
        let shown = path.display().to_string();
        match fs::metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                self.pending.push_back(Pending::Error(IngestError::new(
                    &shown,
                    None,
                    "no such file or folder; check the path",
                )));
            }
            Err(e) => {
                self.pending.push_back(Pending::Error(IngestError::new(
                    &shown,
                    None,
                    format!("cannot read: {e}"),
                )));
            }
            Ok(meta) if meta.is_dir() => {
                let mut visited = HashSet::new();
                walk_dir(&path, &path, &mut self.pending, &mut visited);
            }
            Ok(_) => {
                // Named explicitly, so the user wants it read even with an odd extension.
                let format = Format::from_path(&path).unwrap_or(Format::Text);
                self.pending.push_back(Pending::File(path, format, None));
            }
        }
    }

    /// Opens a pending input: a document stream, or a single result for an error.
    fn open(&mut self, item: Pending) -> Result<ReaderDocs<BoxedReader>, IngestError> {
        match item {
            Pending::Error(e) => Err(e),
            Pending::Stdin => {
                let (format, reader) = sniff(BufReader::new(io::stdin())).map_err(|e| {
                    IngestError::new("-", None, format!("cannot read standard input: {e}"))
                })?;
                Ok(ReaderDocs::new(
                    reader,
                    "-",
                    format,
                    self.opts,
                    self.pages.as_ref(),
                ))
            }
            Pending::File(path, format, id) => {
                self.current_id = id;
                let shown = path.display().to_string();
                let cannot =
                    |e: io::Error| IngestError::new(&shown, None, format!("cannot read: {e}"));
                let file = File::open(&path).map_err(cannot)?;
                if format != Format::Jsonl {
                    // Refuse an oversized file before reading it, with its exact size.
                    let len = file.metadata().map_err(cannot)?.len();
                    let limit = raw_limit(format, &self.opts);
                    if len > limit as u64 {
                        return Err(IngestError::new(&shown, None, too_big(Some(len), limit)));
                    }
                }
                let reader: BoxedReader = Box::new(BufReader::new(file));
                Ok(ReaderDocs::new(
                    reader,
                    &shown,
                    format,
                    self.opts,
                    self.pages.as_ref(),
                ))
            }
        }
    }
}

impl Iterator for PathDocs {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(docs) = self.current.as_mut() {
                match docs.next() {
                    Some(Ok(mut doc)) => {
                        if let (Some(id), ReaderDocs::Single(_)) = (&self.current_id, &*docs) {
                            doc.id = id.clone();
                        }
                        return Some(Ok(doc));
                    }
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            if let Some(item) = self.pending.pop_front() {
                self.current_id = None;
                match self.open(item) {
                    Ok(docs) => self.current = Some(docs),
                    Err(e) => return Some(Err(e)),
                }
                continue;
            }
            let path = self.inputs.pop_front()?;
            self.expand(path);
        }
    }
}

/// Queues the document files under `dir`, depth first, entries sorted by name. Hidden entries
/// (`.git`, `.DS_Store`) and unknown extensions are skipped; `visited` stops symlink loops.
/// Text and HTML files get the id [`relative_id`] gives their path under `root`.
fn walk_dir(root: &Path, dir: &Path, out: &mut VecDeque<Pending>, visited: &mut HashSet<PathBuf>) {
    let shown = dir.display().to_string();
    let canonical = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canonical) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push_back(Pending::Error(IngestError::new(
                &shown,
                None,
                format!("cannot read folder: {e}"),
            )));
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push(entry.path()),
            Err(e) => out.push_back(Pending::Error(IngestError::new(
                &shown,
                None,
                format!("cannot read folder: {e}"),
            ))),
        }
    }
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match fs::metadata(&path) {
            Ok(meta) if meta.is_dir() => walk_dir(root, &path, out, visited),
            Ok(meta) if meta.is_file() => {
                if let Some(format) = Format::from_path(&path) {
                    let id = relative_id(root, &path);
                    out.push_back(Pending::File(path, format, id));
                }
            }
            // Sockets, fifos: not documents.
            Ok(_) => {}
            Err(e) => {
                let shown = path.display().to_string();
                out.push_back(Pending::Error(IngestError::new(
                    &shown,
                    None,
                    format!("cannot read: {e}"),
                )));
            }
        }
    }
}

/// The id of the document of a file found under the folder `root`: its path relative to
/// `root`, without the extension, with `/` between folders (`a/story.txt` -> `a/story`).
/// Unique among the files of one folder (scrapers save every page as `index.html`) and the
/// same on every run; a file directly in `root` keeps its bare stem, as when named alone.
fn relative_id(root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?.with_extension("");
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// Decides the format of standard input from its first non-space bytes, and returns a reader
/// that still yields every byte (the sniffed ones first), so line numbers stay right.
fn sniff<R: BufRead + Send + 'static>(mut reader: R) -> io::Result<(Format, BoxedReader)> {
    let mut prefix = Vec::new();
    let format = loop {
        let text = prefix.trim_ascii_start();
        if text.len() >= SNIFF_TAIL {
            break format_of(text);
        }
        if text.is_empty() && prefix.len() > SNIFF_LIMIT {
            break Format::Text;
        }
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break format_of(prefix.trim_ascii_start());
        }
        let n = chunk.len();
        prefix.extend_from_slice(chunk);
        reader.consume(n);
    };
    Ok((format, Box::new(Cursor::new(prefix).chain(reader))))
}

fn format_of(start: &[u8]) -> Format {
    let head = start.to_ascii_lowercase();
    if head.starts_with(b"{") {
        Format::Jsonl
    } else if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        Format::Html
    } else if [&b"<?xml"[..], b"<rss", b"<feed", b"<rdf:rdf"]
        .iter()
        .any(|tag| head.starts_with(tag))
    {
        Format::Feed
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_keeps_every_byte() {
        let input = "\n\n  {\"text\": \"x\"}\n".as_bytes();
        let (format, mut reader) = sniff(BufReader::new(io::Cursor::new(input.to_vec()))).unwrap();
        assert_eq!(format, Format::Jsonl);
        let mut all = Vec::new();
        reader.read_to_end(&mut all).unwrap();
        assert_eq!(all, input);
    }

    #[test]
    fn sniffing_formats() {
        assert_eq!(format_of(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(format_of(b"<HTML lang=en>"), Format::Html);
        assert_eq!(format_of(b"MOSCOW, Sept 20"), Format::Text);
        assert_eq!(format_of(b"<?xml version=\"1.0\"?>"), Format::Feed);
        assert_eq!(format_of(b"<rss version=\"2.0\">"), Format::Feed);
        assert_eq!(format_of(b"<feed xmlns="), Format::Feed);
        assert_eq!(format_of(b"<rdf:RDF xmlns"), Format::Feed);
        assert_eq!(format_of(b""), Format::Text);
        let (format, _) = sniff(BufReader::new(io::Cursor::new(b"  short".to_vec()))).unwrap();
        assert_eq!(format, Format::Text);
    }
}
