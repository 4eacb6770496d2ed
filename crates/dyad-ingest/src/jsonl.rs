//! JSON Lines documents: one JSON object per line, read one line at a time.
//!
//! Lines are read as bytes, not with `BufRead::lines`, so that invalid UTF-8 is reported with
//! its byte offset on its own line instead of ending the file, and so that an absurdly long
//! line is skipped without being held in memory.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use crate::date::parse_iso_date;
use crate::text::too_big;
use crate::{document_with_dates, Document, IngestError, IngestOptions, Origin};

/// A JSON-escaped text can be up to six times its UTF-8 size (`\u0001`); lines longer than
/// this cannot hold a document under the limit and are skipped without being buffered.
const ESCAPE_FACTOR: usize = 6;
/// Room for the other fields of a line (title, url, metadata).
const LINE_SLACK: usize = 64 * 1024;

/// Iterator over the documents of a JSONL reader.
pub(crate) struct JsonlDocs<R> {
    reader: R,
    path: String,
    opts: IngestOptions,
    line_no: usize,
    offset: u64,
    buf: Vec<u8>,
    seen_content: bool,
    finished: bool,
}

impl<R: BufRead> JsonlDocs<R> {
    pub(crate) fn new(reader: R, path: &str, opts: IngestOptions) -> Self {
        JsonlDocs {
            reader,
            path: path.to_string(),
            opts,
            line_no: 0,
            offset: 0,
            buf: Vec::new(),
            seen_content: false,
            finished: false,
        }
    }

    fn line_limit(&self) -> usize {
        self.opts
            .max_bytes
            .saturating_mul(ESCAPE_FACTOR)
            .saturating_add(LINE_SLACK)
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            let line_start = self.offset;
            let limit = self.line_limit();
            let (read, overflow) = match read_line_bounded(&mut self.reader, &mut self.buf, limit) {
                Ok(r) => r,
                Err(e) => {
                    // A read error (a vanished file, a broken pipe) will not go away on retry.
                    self.finished = true;
                    return Some(Err(IngestError::new(
                        &self.path,
                        Some(self.line_no + 1),
                        format!("cannot read: {e}"),
                    )));
                }
            };
            if read == 0 {
                self.finished = true;
                break;
            }
            self.line_no += 1;
            self.offset += read as u64;
            let err = |message: String| {
                Some(Err(IngestError::new(
                    &self.path,
                    Some(self.line_no),
                    message,
                )))
            };
            if overflow {
                self.seen_content = true;
                return err(format!(
                    "line is {read} bytes, too long for a document under the limit of {} bytes; raise --max-doc-bytes",
                    self.opts.max_bytes
                ));
            }

            let mut line: &[u8] = &self.buf;
            let mut base = line_start;
            if self.line_no == 1 {
                if line.starts_with(&[0xff, 0xfe]) || line.starts_with(&[0xfe, 0xff]) {
                    self.finished = true;
                    return err("the file is UTF-16 text, but dyad reads UTF-8; convert it, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8.jsonl`".into());
                }
                if let Some(rest) = line.strip_prefix(b"\xef\xbb\xbf".as_slice()) {
                    line = rest;
                    base += 3;
                }
            }
            while let Some((last, rest)) = line.split_last() {
                if !matches!(last, b'\n' | b'\r') {
                    break;
                }
                line = rest;
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let first_content = !self.seen_content;
            self.seen_content = true;

            let origin = Origin {
                path: self.path.clone(),
                line: Some(self.line_no),
            };
            match parse_line(line, base, origin, &self.opts) {
                Ok(doc) => return Some(Ok(doc)),
                Err(message) => {
                    let trimmed = line.trim_ascii();
                    // the first line of a pretty-printed array or object opens a value it
                    // does not close (`[`, `{`, `[{"id": 1,`); a whole line that is merely
                    // invalid (`[[[...]]]` nested too deep) is one bad line among good ones
                    let opens = |end: &[u8]| trimmed.ends_with(end);
                    let pretty = trimmed == b"["
                        || trimmed == b"{"
                        || (trimmed.starts_with(b"[")
                            && (opens(b",") || opens(b"{") || opens(b"[")));
                    if first_content && pretty {
                        // A pretty-printed JSON file would give one error per line; one
                        // explanation is more useful.
                        self.finished = true;
                        return err(format!(
                            "{message}; this looks like a pretty-printed JSON file, but dyad reads JSON Lines \
                             (one document object per line): convert it, e.g. `jq -c '.[]' FILE > FILE.jsonl` \
                             for an array or `jq -c . FILE > FILE.jsonl` for an object"
                        ));
                    }
                    return err(message);
                }
            }
        }
        None
    }
}

/// Reads one line (through `\n`) into `buf`, keeping at most `limit` bytes of it. Returns the
/// number of bytes consumed from the reader and whether the line was longer than `limit` (in
/// which case `buf` holds nothing useful, but the reader is positioned after the line).
fn read_line_bounded<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<(usize, bool)> {
    buf.clear();
    let mut total = 0;
    let mut overflow = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        // Up to and with the first newline, else all of it (`available` is not empty).
        let line = available
            .split_inclusive(|&b| b == b'\n')
            .next()
            .unwrap_or(available);
        let (chunk, done) = (line.len(), line.last() == Some(&b'\n'));
        if !overflow {
            if buf.len() + chunk <= limit {
                buf.extend_from_slice(line);
            } else {
                overflow = true;
                buf.clear();
                buf.shrink_to_fit();
            }
        }
        reader.consume(chunk);
        total += chunk;
        if done {
            break;
        }
    }
    Ok((total, overflow))
}

/// The JSON type of a value, for messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses one non-blank line. `base` is the file offset of the line's first byte.
fn parse_line(
    line: &[u8],
    base: u64,
    origin: Origin,
    opts: &IngestOptions,
) -> Result<Document, String> {
    let s = std::str::from_utf8(line).map_err(|e| {
        format!(
            "invalid UTF-8 at byte {}; dyad reads UTF-8 text, so convert the file, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
            base + e.valid_up_to() as u64
        )
    })?;
    let value: Value = serde_json::from_str(s).map_err(|e| {
        let full = e.to_string();
        // serde says "... at line 1 column 17"; the line is ours already.
        let what = full
            .rfind(" at line ")
            .and_then(|i| full.get(..i))
            .unwrap_or(&full);
        format!("invalid JSON at column {}: {what}", e.column())
    })?;
    let Value::Object(map) = value else {
        return Err(format!(
            "expected a JSON object such as {{\"text\": \"...\"}} on each line, found {}",
            kind(&value)
        ));
    };
    document_from_object(map, origin, opts)
}

/// A document from the fields of a JSON object (CONTRACT.md's document input): `text`
/// required, `id`, `date`, `title`, `url`, `source`, `language` read, the rest kept as `extra`.
pub(crate) fn document_from_object(
    mut map: Map<String, Value>,
    origin: Origin,
    opts: &IngestOptions,
) -> Result<Document, String> {
    // `shift_remove`, not `remove`: the fields left over become `extra`, and with serde_json's
    // preserve_order `remove` would reorder them.
    let text = match map.shift_remove("text") {
        Some(Value::String(t)) => t,
        Some(other) => return Err(format!("\"text\" must be a string, found {}", kind(&other))),
        None => return Err("missing the required \"text\" field".into()),
    };
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    if text.len() > opts.max_bytes {
        return Err(too_big(Some(text.len() as u64), opts.max_bytes));
    }

    let id = match map.shift_remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(s),
        // Numeric ids are common in exports; their JSON spelling is a fine id.
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(format!(
                "\"id\" must be a string or a number, found {}",
                kind(&other)
            ))
        }
    };
    let date = match map.shift_remove("date") {
        // an empty date is none, as an empty title or id is
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.trim().is_empty() => None,
        Some(Value::String(s)) => Some(parse_iso_date(&s).ok_or_else(|| {
            format!("cannot read \"date\" {s:?}: expected an ISO 8601 date such as 2023-09-20 or 2023-09-20T10:00:00Z")
        })?),
        Some(other) => return Err(format!("\"date\" must be a string, found {}", kind(&other))),
    };
    // VOA and similar scrapes say `published`; it is not a contract field, so it stays in
    // `extra`, and one that does not parse is simply not used.
    let date = date.or_else(|| {
        map.get("published")
            .and_then(Value::as_str)
            .and_then(parse_iso_date)
    });
    let title = take_string(&mut map, "title")?;
    let url = take_string(&mut map, "url")?;
    let source = take_string(&mut map, "source")?;
    let language = take_string(&mut map, "language")?;

    let mut doc = document_with_dates(&text, origin, date, opts.default_date);
    if doc.text.is_empty() {
        return Err("\"text\" has nothing after the dateline".into());
    }
    if let Some(id) = id {
        doc.id = id;
    }
    doc.title = title;
    doc.url = url;
    doc.source = source.or(doc.source);
    doc.language = language;
    doc.extra = map;
    Ok(doc)
}

/// An optional string field; null and empty strings are absent.
fn take_string(map: &mut Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match map.shift_remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s).filter(|s| !s.trim().is_empty())),
        Some(other) => Err(format!(
            "\"{key}\" must be a string, found {}",
            kind(&other)
        )),
    }
}
