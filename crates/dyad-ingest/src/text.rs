//! Whole-file documents (plain text and HTML) and the byte-level checks every text input gets.

use std::io::{BufRead, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::date::parse_iso_date;
use crate::html::parse_html;
use crate::jsonl::JsonlDocs;
use crate::{
    document_from_text, Document, Format, IngestError, IngestOptions, Origin, HTML_SIZE_FACTOR,
};

/// How many leading bytes the binary check looks at: enough to judge, cheap on huge files.
const BINARY_SAMPLE: usize = 64 * 1024;
/// Share of control bytes above which a file is binary rather than text (in percent).
const BINARY_CONTROL_PERCENT: usize = 10;

/// The documents of one reader: a stream for JSONL, a single document otherwise.
// There is one of these per open file, so the size of the `Single` variant does not matter.
#[allow(clippy::large_enum_variant)]
pub(crate) enum ReaderDocs<R> {
    Jsonl(JsonlDocs<R>),
    Single(Option<Result<Document, IngestError>>),
}

impl<R: BufRead> ReaderDocs<R> {
    pub(crate) fn new(reader: R, origin_path: &str, format: Format, opts: IngestOptions) -> Self {
        match format {
            Format::Jsonl => ReaderDocs::Jsonl(JsonlDocs::new(reader, origin_path, opts)),
            Format::Text | Format::Html => {
                ReaderDocs::Single(Some(read_single(reader, origin_path, format, &opts)))
            }
        }
    }
}

impl<R: BufRead> Iterator for ReaderDocs<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ReaderDocs::Jsonl(docs) => docs.next(),
            ReaderDocs::Single(doc) => doc.take(),
        }
    }
}

/// The most raw bytes a whole-file document of `format` may have.
pub(crate) fn raw_limit(format: Format, opts: &IngestOptions) -> usize {
    match format {
        Format::Html => opts.max_bytes.saturating_mul(HTML_SIZE_FACTOR),
        Format::Text | Format::Jsonl => opts.max_bytes,
    }
}

pub(crate) fn too_big(size: Option<u64>, limit: usize) -> String {
    match size {
        Some(n) => {
            format!("document is {n} bytes, over the limit of {limit}; raise --max-doc-bytes")
        }
        None => format!("document is over the limit of {limit} bytes; raise --max-doc-bytes"),
    }
}

fn read_single<R: Read>(
    reader: R,
    origin_path: &str,
    format: Format,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let limit = raw_limit(format, opts);
    // Read one byte past the limit to learn that there is more without reading it all.
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(origin_path, None, format!("cannot read: {e}")))?;
    if bytes.len() > limit {
        return Err(IngestError::new(origin_path, None, too_big(None, limit)));
    }
    whole_document(&bytes, origin_path, format, opts)
}

/// Builds the one document of a text or HTML file from its bytes.
pub(crate) fn whole_document(
    bytes: &[u8],
    origin_path: &str,
    format: Format,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let fail = |message: String| IngestError::new(origin_path, None, message);
    let limit = raw_limit(format, opts);
    if bytes.len() > limit {
        return Err(fail(too_big(Some(bytes.len() as u64), limit)));
    }
    let text = decode(bytes).map_err(fail)?;
    let hints = NameHints::from_path(origin_path);
    let origin = Origin {
        path: origin_path.to_string(),
        line: None,
    };

    let mut doc = match format {
        Format::Html => {
            let page = parse_html(text);
            if page.text.trim().is_empty() {
                return Err(fail("no text found in the HTML page (after removing markup, scripts and navigation)".into()));
            }
            if page.text.len() > opts.max_bytes {
                return Err(fail(too_big(Some(page.text.len() as u64), opts.max_bytes)));
            }
            let mut doc = document_from_text(&page.text, origin, page.date.or(hints.date));
            doc.title = page.title;
            doc.url = page.url;
            doc.language = page.language;
            doc.source = page.site_name.or(doc.source);
            doc
        }
        Format::Text | Format::Jsonl => {
            if text.trim().is_empty() {
                return Err(fail("empty document: there is no text".into()));
            }
            document_from_text(text, origin, hints.date)
        }
    };
    if doc.text.is_empty() {
        return Err(fail(
            "empty document: there is no text after the dateline".into(),
        ));
    }
    if let Some(id) = hints.id {
        doc.id = id;
    }
    Ok(doc)
}

/// Checks that `bytes` are UTF-8 text and returns them as a string (without a byte-order mark).
/// The error is the message, with the byte offset for invalid UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, String> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("the file is UTF-16 text, but dyad reads UTF-8; convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.txt`".into());
    }
    if looks_binary(bytes) {
        return Err("binary file, not text (is this a PDF, Word or compressed file? extract its text first)".into());
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "invalid UTF-8 at byte {}; dyad reads UTF-8 text, so convert the file, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
            e.valid_up_to()
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// NUL bytes or many control characters: no text file has those.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.contains(&0) {
        return true;
    }
    let sample = &bytes[..bytes.len().min(BINARY_SAMPLE)];
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    !sample.is_empty() && control * 100 > sample.len() * BINARY_CONTROL_PERCENT
}

/// What a file name tells about its document: the id (the stem) and a date written in it
/// (`tass-2023-09-20-hungary-karabakh.txt`), which corpora commonly use for the publication date.
struct NameHints {
    id: Option<String>,
    date: Option<NaiveDate>,
}

impl NameHints {
    fn from_path(origin_path: &str) -> NameHints {
        if origin_path == "-" {
            return NameHints {
                id: None,
                date: None,
            };
        }
        let stem = Path::new(origin_path)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .filter(|s| !s.trim().is_empty());
        let date = stem.as_deref().and_then(date_in_name);
        NameHints { id: stem, date }
    }
}

/// The first `YYYY-MM-DD` in a file name that is a real date.
fn date_in_name(name: &str) -> Option<NaiveDate> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let window = bytes.get(i..i + 10)?;
        let shape = window.iter().enumerate().all(|(k, b)| {
            if k == 4 || k == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
        let bounded = i == 0 || !bytes[i - 1].is_ascii_digit();
        let bounded = bounded && !bytes.get(i + 10).is_some_and(u8::is_ascii_digit);
        if shape && bounded {
            // The window is ASCII, so it is valid UTF-8 on its own.
            std::str::from_utf8(window).ok().and_then(parse_iso_date)
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            date_in_name("tass-2023-09-20-hungary-karabakh"),
            NaiveDate::from_ymd_opt(2023, 9, 20)
        );
        assert_eq!(
            date_in_name("2023-09-20"),
            NaiveDate::from_ymd_opt(2023, 9, 20)
        );
        assert_eq!(date_in_name("report-2023-13-45"), None);
        assert_eq!(date_in_name("id-12023-09-201"), None);
        assert_eq!(date_in_name("short"), None);
        assert_eq!(
            date_in_name("é-2023-09-20é"),
            NaiveDate::from_ymd_opt(2023, 9, 20)
        );
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, b'a']));
        assert!(!looks_binary(b"plain text\n\twith a tab\r\n"));
        assert!(!looks_binary("Ünïcödé text".as_bytes()));
    }
}
