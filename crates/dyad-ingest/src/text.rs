//! Whole-file documents (plain text and HTML) and the byte-level checks every text input gets.

use std::io::{BufRead, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::html::parse_html;
use crate::jsonl::JsonlDocs;
use crate::{
    document_with_dates, Document, Format, IngestError, IngestOptions, Origin, Pages,
    FEED_SIZE_FACTOR, HTML_SIZE_FACTOR,
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
    /// A feed's items (the file is read whole, within its size limit).
    Items(std::vec::IntoIter<Result<Document, IngestError>>),
}

impl<R: BufRead> ReaderDocs<R> {
    pub(crate) fn new(
        reader: R,
        origin_path: &str,
        format: Format,
        opts: IngestOptions,
        pages: Option<&Pages>,
    ) -> Self {
        match format {
            Format::Jsonl => ReaderDocs::Jsonl(JsonlDocs::new(reader, origin_path, opts)),
            Format::Text | Format::Html => {
                ReaderDocs::Single(Some(read_single(reader, origin_path, format, &opts)))
            }
            Format::Feed => ReaderDocs::Items(
                match read_limited(reader, origin_path, raw_limit(format, &opts)) {
                    Ok(bytes) => crate::feed::feed_documents(&bytes, origin_path, &opts, pages),
                    Err(e) => vec![Err(e)],
                }
                .into_iter(),
            ),
        }
    }
}

impl<R: BufRead> Iterator for ReaderDocs<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            ReaderDocs::Jsonl(docs) => docs.next(),
            ReaderDocs::Single(doc) => doc.take(),
            ReaderDocs::Items(items) => items.next(),
        }
    }
}

/// The most raw bytes a whole-file document of `format` may have.
pub(crate) fn raw_limit(format: Format, opts: &IngestOptions) -> usize {
    match format {
        Format::Html => opts.max_bytes.saturating_mul(HTML_SIZE_FACTOR),
        Format::Feed => opts.max_bytes.saturating_mul(FEED_SIZE_FACTOR),
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
    let bytes = read_limited(reader, origin_path, raw_limit(format, opts))?;
    whole_document(&bytes, origin_path, format, opts)
}

/// All of a reader's bytes, or an error if there are more than `limit`.
fn read_limited<R: Read>(
    reader: R,
    origin_path: &str,
    limit: usize,
) -> Result<Vec<u8>, IngestError> {
    // Read one byte past the limit to learn that there is more without reading it all.
    let mut bytes = Vec::new();
    reader
        .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(origin_path, None, format!("cannot read: {e}")))?;
    if bytes.len() > limit {
        return Err(IngestError::new(origin_path, None, too_big(None, limit)));
    }
    Ok(bytes)
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
            let own = page.date.or(hints.date);
            let mut doc = document_with_dates(&page.text, origin, own, opts.default_date);
            doc.title = page.title;
            doc.url = page.url;
            doc.language = page.language;
            doc.source = page.site_name.or(doc.source);
            doc
        }
        // a feed is many documents, read by `ReaderDocs`; a caller that takes one gets its text
        Format::Text | Format::Jsonl | Format::Feed => {
            if text.trim().is_empty() {
                return Err(fail("empty document: there is no text".into()));
            }
            document_with_dates(text, origin, hints.date, opts.default_date)
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
    let sample = bytes.get(..BINARY_SAMPLE).unwrap_or(bytes);
    let control = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    !sample.is_empty() && control * 100 > sample.len() * BINARY_CONTROL_PERCENT
}

/// What a file name tells about its document: the id (the stem) and a date written in it
/// (`tass-2023-09-20-hungary-karabakh.txt`, `story_20240625.html`) or in its folders
/// (`2024/06/25/story.html`), which corpora and site mirrors commonly use for the publication
/// date. (A file's modification time is never used: a copied old story would get today's.)
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
        let date = stem
            .as_deref()
            .and_then(date_in_name)
            .or_else(|| date_in_folders(Path::new(origin_path)));
        NameHints { id: stem, date }
    }
}

/// Years a date in a file or folder name may have; other 8-digit runs are ids.
const NAME_YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

/// The first real date written in a file or folder name: `2024-06-25`, `2024_06_25`,
/// `2024.06.25` (one separator throughout) or `20240625` standing alone (`story_20240625`,
/// not `story20240625` nor a longer run of digits, which are ids).
fn date_in_name(name: &str) -> Option<NaiveDate> {
    let bytes = name.as_bytes();
    (0..bytes.len())
        .filter(|&i| starts_digit_run(bytes, i))
        .find_map(|i| separated_date(bytes, i).or_else(|| compact_date(bytes, i)))
}

fn is_digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

fn is_alphanumeric_at(bytes: &[u8], i: Option<usize>) -> bool {
    i.and_then(|i| bytes.get(i))
        .is_some_and(u8::is_ascii_alphanumeric)
}

fn starts_digit_run(bytes: &[u8], i: usize) -> bool {
    is_digit_at(bytes, i) && !i.checked_sub(1).is_some_and(|j| is_digit_at(bytes, j))
}

/// The number written by the `len` ASCII digits at `i`.
fn number_at(bytes: &[u8], i: usize, len: usize) -> Option<u32> {
    let digits = bytes.get(i..i.checked_add(len)?)?;
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // ASCII digits only, so this is UTF-8.
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// `YYYY-MM-DD`, `YYYY_MM_DD` or `YYYY.MM.DD` starting at `i`, not followed by a digit.
fn separated_date(bytes: &[u8], i: usize) -> Option<NaiveDate> {
    let sep = *bytes.get(i + 4)?;
    if !matches!(sep, b'-' | b'_' | b'.') || bytes.get(i + 7) != Some(&sep) {
        return None;
    }
    if is_digit_at(bytes, i + 10) {
        return None;
    }
    let year = number_at(bytes, i, 4)?;
    calendar_date(
        year,
        number_at(bytes, i + 5, 2)?,
        number_at(bytes, i + 8, 2)?,
    )
}

/// `YYYYMMDD` starting at `i`: exactly eight digits with neither a letter nor a digit on
/// either side.
fn compact_date(bytes: &[u8], i: usize) -> Option<NaiveDate> {
    if is_alphanumeric_at(bytes, i.checked_sub(1)) || is_alphanumeric_at(bytes, Some(i + 8)) {
        return None;
    }
    let year = number_at(bytes, i, 4)?;
    calendar_date(
        year,
        number_at(bytes, i + 4, 2)?,
        number_at(bytes, i + 6, 2)?,
    )
}

fn calendar_date(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    let year = i32::try_from(year)
        .ok()
        .filter(|y| NAME_YEARS.contains(y))?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A date in the folders of `path`: the parent's name (`2024-06-25/story.txt`), or the last
/// three folders as year, month and day (`2024/06/25/story.html`, as news sites lay out URLs).
fn date_in_folders(path: &Path) -> Option<NaiveDate> {
    let folders: Vec<String> = path
        .parent()?
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    let (day, rest) = folders.split_last()?;
    if let Some(date) = date_in_name(day) {
        return Some(date);
    }
    let (month, rest) = rest.split_last()?;
    let year = rest.last()?;
    let part = |s: &str, lens: std::ops::RangeInclusive<usize>| {
        let ok = lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| s.parse::<u32>().ok()).flatten()
    };
    calendar_date(part(year, 4..=4)?, part(month, 1..=2)?, part(day, 1..=2)?)
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
        for (name, date) in [
            ("story_20240625", (2024, 6, 25)),
            ("x-20240625.y", (2024, 6, 25)),
            ("20240625", (2024, 6, 25)),
            ("2024_06_25_kenya", (2024, 6, 25)),
            ("kenya.2024.06.25", (2024, 6, 25)),
            ("id-77-2024-06-25", (2024, 6, 25)),
        ] {
            let (y, m, d) = date;
            assert_eq!(
                date_in_name(name),
                NaiveDate::from_ymd_opt(y, m, d),
                "{name}"
            );
        }
        for name in [
            "kenya20240625",
            "story_20240625b",
            "id-1202406251",
            "202406251234",
            "12345678",
            "20241399",
            "2024-06_25",
            "2024.06.251",
            "1850-01-01",
        ] {
            assert_eq!(date_in_name(name), None, "{name}");
        }
        assert_eq!(date_in_name("id-12023-09-201"), None);
        assert_eq!(date_in_name("short"), None);
        assert_eq!(
            date_in_name("é-2023-09-20é"),
            NaiveDate::from_ymd_opt(2023, 9, 20)
        );
    }

    #[test]
    fn dates_in_folder_names() {
        let date = |p: &str| NameHints::from_path(p).date;
        let june_25 = NaiveDate::from_ymd_opt(2024, 6, 25);
        assert_eq!(date("site/2024/06/25/kenya.html"), june_25);
        assert_eq!(date("2024/6/25/kenya.html"), june_25);
        assert_eq!(date("/data/2024-06-25/kenya.txt"), june_25);
        // The file's own name is nearer than its folders.
        assert_eq!(date("2023/01/01/kenya-20240625.txt"), june_25);
        assert_eq!(date("2024/13/25/kenya.txt"), None);
        assert_eq!(date("06/25/kenya.txt"), None);
        assert_eq!(date("12024/06/25/kenya.txt"), None);
        assert_eq!(date("kenya.txt"), None);
        assert_eq!(date("-"), None);
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, b'a']));
        assert!(!looks_binary(b"plain text\n\twith a tab\r\n"));
        assert!(!looks_binary("Ünïcödé text".as_bytes()));
    }
}
