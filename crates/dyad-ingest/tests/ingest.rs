//! Reading documents: JSONL, text, HTML, folders, and every kind of bad input.

mod common;

use common::{ymd, TempDir};

use std::io::Cursor;
use std::path::{Path, PathBuf};

use dyad_ingest::{read_paths, read_reader, Document, Format, IngestError, IngestOptions};

fn read_all(paths: &[PathBuf], opts: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    read_paths(paths, opts).collect()
}

fn jsonl(input: &str) -> Vec<Result<Document, IngestError>> {
    read_reader(
        Cursor::new(input.as_bytes().to_vec()),
        "in.jsonl",
        Format::Jsonl,
        &IngestOptions::default(),
    )
    .collect()
}

fn ok(r: &Result<Document, IngestError>) -> &Document {
    r.as_ref()
        .unwrap_or_else(|e| panic!("unexpected error: {e}"))
}

fn err(r: &Result<Document, IngestError>) -> &IngestError {
    match r {
        Ok(doc) => panic!("expected an error, got document {:?}", doc.id),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------- JSONL

#[test]
fn jsonl_good_documents_with_unknown_fields() {
    let input = concat!(
        r#"{"id": "tass-01", "text": "BUDAPEST, September 20. /TASS/. A senior Hungarian diplomat spoke.", "date": "2023-09-20", "title": "T", "url": "https://x", "language": "en", "section": "World", "tags": ["a", "b"], "score": 3}"#,
        "\n",
        r#"{"text": "No id here.", "date": "2023-09-20T10:00:00Z", "source": "Own Outlet"}"#,
        "\n"
    );
    let docs = jsonl(input);
    assert_eq!(docs.len(), 2);
    let a = ok(&docs[0]);
    assert_eq!(a.id, "tass-01");
    assert_eq!(a.text, "A senior Hungarian diplomat spoke.");
    assert_eq!(a.date, ymd(2023, 9, 20));
    assert_eq!(a.title.as_deref(), Some("T"));
    assert_eq!(a.url.as_deref(), Some("https://x"));
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(
        a.source.as_deref(),
        Some("TASS"),
        "dateline agency fills a missing source"
    );
    let dl = a.dateline.as_ref().unwrap();
    assert_eq!(dl.place.as_deref(), Some("Budapest"));
    assert_eq!(dl.date, ymd(2023, 9, 20));
    // Unknown fields pass through unchanged and in order.
    let keys: Vec<&str> = a.extra.keys().map(String::as_str).collect();
    assert_eq!(keys, ["section", "tags", "score"]);
    assert_eq!(a.extra["tags"], serde_json::json!(["a", "b"]));
    assert_eq!(a.extra["score"], serde_json::json!(3));
    assert_eq!(a.origin.path, "in.jsonl");
    assert_eq!(a.origin.line, Some(1));

    let b = ok(&docs[1]);
    assert!(
        b.id.starts_with("doc-") && b.id.len() == 20,
        "content-hash id: {}",
        b.id
    );
    assert_eq!(b.date, ymd(2023, 9, 20));
    assert_eq!(b.source.as_deref(), Some("Own Outlet"));
    assert!(b.extra.is_empty());
    // The same text gets the same id on another run.
    assert_eq!(ok(&jsonl(input)[1]).id, b.id);
}

#[test]
fn jsonl_published_is_the_date_when_date_is_absent() {
    let docs = jsonl(concat!(
        r#"{"id": "9000001", "title": "Iraq", "published": "2025-03-14 20:30:26Z", "text": "One of the leaders is dead."}"#,
        "\n",
        r#"{"text": "Both.", "date": "2025-01-01", "published": "2025-03-14 20:30:26Z"}"#,
        "\n",
        r#"{"text": "Odd published.", "published": "last Friday"}"#,
        "\n",
        r#"{"text": "Numeric id.", "id": 42}"#,
    ));
    let a = ok(&docs[0]);
    assert_eq!(a.date, ymd(2025, 3, 14));
    assert_eq!(
        a.extra["published"], "2025-03-14 20:30:26Z",
        "published stays in extra"
    );
    assert_eq!(
        ok(&docs[1]).date,
        ymd(2025, 1, 1),
        "date wins over published"
    );
    assert_eq!(
        ok(&docs[2]).date,
        None,
        "an unreadable published is not an error"
    );
    assert_eq!(ok(&docs[3]).id, "42");
}

#[test]
fn jsonl_blank_lines_crlf_and_bom() {
    let docs = jsonl("\u{feff}{\"text\": \"one\"}\r\n\r\n   \n{\"text\": \"two\"}");
    assert_eq!(docs.len(), 2);
    assert_eq!(ok(&docs[0]).text, "one");
    assert_eq!(ok(&docs[1]).text, "two");
    assert_eq!(ok(&docs[1]).origin.line, Some(4));
}

/// Puts `bad` on line 2 between two good documents and checks the error and the survivors.
#[track_caller]
fn bad_line(bad: &[u8], opts: &IngestOptions, expect: &str) -> IngestError {
    let mut input = b"{\"id\": \"before\", \"text\": \"Before.\"}\n".to_vec();
    input.extend_from_slice(bad);
    input.extend_from_slice(b"\n{\"id\": \"after\", \"text\": \"After.\"}\n");
    let docs: Vec<_> =
        read_reader(Cursor::new(input), "data/in.jsonl", Format::Jsonl, opts).collect();
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert_eq!(ok(&docs[0]).id, "before");
    assert_eq!(ok(&docs[2]).id, "after");
    assert_eq!(ok(&docs[2]).origin.line, Some(3));
    let e = err(&docs[1]).clone();
    assert_eq!(e.origin.path, "data/in.jsonl");
    assert_eq!(e.origin.line, Some(2));
    let shown = e.to_string();
    assert!(shown.starts_with("data/in.jsonl:2: "), "{shown}");
    assert!(
        shown.contains(expect),
        "{shown:?} should mention {expect:?}"
    );
    e
}

#[test]
fn jsonl_broken_json() {
    let e = bad_line(
        br#"{"text": "unterminated"#,
        &IngestOptions::default(),
        "invalid JSON at column",
    );
    assert!(
        !e.message.contains(" at line "),
        "serde's own line number is dropped: {}",
        e.message
    );
    bad_line(
        br#"{"text": "x",}"#,
        &IngestOptions::default(),
        "invalid JSON at column 14",
    );
}

#[test]
fn jsonl_missing_text() {
    bad_line(
        br#"{"id": "x", "title": "no text"}"#,
        &IngestOptions::default(),
        "missing the required \"text\" field",
    );
}

#[test]
fn jsonl_text_not_a_string() {
    bad_line(
        br#"{"text": 12}"#,
        &IngestOptions::default(),
        "\"text\" must be a string, found a number",
    );
    bad_line(
        br#"{"text": ["a"]}"#,
        &IngestOptions::default(),
        "found an array",
    );
}

#[test]
fn jsonl_empty_text() {
    bad_line(
        br#"{"text": "  \n "}"#,
        &IngestOptions::default(),
        "\"text\" is empty",
    );
    bad_line(
        br#"{"text": "MOSCOW (Reuters) - "}"#,
        &IngestOptions::default(),
        "nothing after the dateline",
    );
}

#[test]
fn jsonl_oversized_document() {
    let opts = IngestOptions {
        max_bytes: 20,
        ..IngestOptions::default()
    };
    let big = format!(r#"{{"text": "{}"}}"#, "x".repeat(30));
    bad_line(
        big.as_bytes(),
        &opts,
        "document is 30 bytes, over the limit of 20; raise --max-doc-bytes",
    );
    // A line too long to even buffer is skipped with a message of its own.
    let huge = format!(r#"{{"text": "{}"}}"#, "x".repeat(200_000));
    bad_line(
        huge.as_bytes(),
        &opts,
        "too long for a document under the limit of 20 bytes",
    );
}

#[test]
fn jsonl_invalid_utf8() {
    // Line 1 is 36 bytes with its newline; the bad byte is at offset 13 of line 2, so at
    // (0-based) byte 49 of the file.
    let e = bad_line(
        b"{\"text\": \"caf\xe9\"}",
        &IngestOptions::default(),
        "invalid UTF-8 at byte 49",
    );
    assert!(
        e.message.contains("iconv"),
        "tells what to do: {}",
        e.message
    );
}

#[test]
fn jsonl_line_that_is_not_an_object() {
    bad_line(
        br#"["text", "x"]"#,
        &IngestOptions::default(),
        "expected a JSON object",
    );
    bad_line(
        br#""just a string""#,
        &IngestOptions::default(),
        "found a string",
    );
    bad_line(b"42", &IngestOptions::default(), "found a number");
}

#[test]
fn jsonl_bad_metadata_fields() {
    bad_line(
        br#"{"text": "x", "date": "20 September"}"#,
        &IngestOptions::default(),
        "expected an ISO 8601 date",
    );
    bad_line(
        br#"{"text": "x", "title": 5}"#,
        &IngestOptions::default(),
        "\"title\" must be a string",
    );
    bad_line(
        br#"{"text": "x", "id": {"a": 1}}"#,
        &IngestOptions::default(),
        "\"id\" must be a string or a number",
    );
}

#[test]
fn jsonl_pretty_printed_file_gives_one_explanation() {
    let docs = jsonl("[\n  {\"text\": \"a\"},\n  {\"text\": \"b\"}\n]\n");
    assert_eq!(docs.len(), 1);
    assert!(
        err(&docs[0]).message.contains("pretty-printed JSON"),
        "{}",
        err(&docs[0])
    );
}

#[test]
fn voa_sample_reads_cleanly() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/voa/voa_stories.jsonl");
    if !path.exists() {
        dyad_model::testing::skipped(&format!("{} not found", path.display()));
        return;
    }
    let docs = read_all(&[path], &IngestOptions::default());
    assert!(!docs.is_empty());
    for d in &docs {
        let d = ok(d);
        assert!(d.date.is_some(), "{} has a date from `published`", d.id);
        assert!(!d.text.is_empty());
    }
    // "BLANTYRE — Rastafarian ..." opens one of the stories.
    let blantyre = docs
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .find(|d| d.text.starts_with("Rastafarian"));
    assert_eq!(
        blantyre
            .and_then(|d| d.dateline.as_ref())
            .and_then(|d| d.place.as_deref()),
        Some("Blantyre")
    );
}

// ---------------------------------------------------------------- text files

#[test]
fn text_file_is_one_document_named_by_its_stem() {
    let dir = TempDir::new("text");
    let path = dir.write(
        "tass-2023-09-20-x.txt",
        "BUDAPEST, September 20. /TASS/. A senior Hungarian diplomat.\r\n\r\nSecond paragraph.\n",
    );
    let docs = read_all(std::slice::from_ref(&path), &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    let d = ok(&docs[0]);
    assert_eq!(d.id, "tass-2023-09-20-x");
    assert_eq!(d.text, "A senior Hungarian diplomat.\n\nSecond paragraph.");
    assert_eq!(d.date, ymd(2023, 9, 20), "date from the file name");
    assert_eq!(d.source.as_deref(), Some("TASS"));
    assert_eq!(d.origin.path, path.display().to_string());
    assert_eq!(d.origin.line, None);
}

#[track_caller]
fn bad_text_file(dir: &TempDir, name: &str, bytes: &[u8], opts: &IngestOptions, expect: &str) {
    let path = dir.write(name, bytes);
    let docs = read_all(std::slice::from_ref(&path), opts);
    assert_eq!(docs.len(), 1);
    let e = err(&docs[0]);
    assert_eq!(e.origin.path, path.display().to_string());
    assert_eq!(e.origin.line, None);
    let shown = e.to_string();
    assert!(
        shown.starts_with(&format!("{}: ", path.display())),
        "{shown}"
    );
    assert!(
        shown.contains(expect),
        "{shown:?} should mention {expect:?}"
    );
}

#[test]
fn text_file_errors() {
    let dir = TempDir::new("text-errors");
    let opts = IngestOptions::default();
    bad_text_file(
        &dir,
        "latin1.txt",
        b"Caf\xe9 au lait",
        &opts,
        "invalid UTF-8 at byte 3",
    );
    bad_text_file(
        &dir,
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        &opts,
        "binary file, not text",
    );
    bad_text_file(
        &dir,
        "controls.txt",
        &[1, 2, 3, 4, 5, 6, 7, 8, b'a'],
        &opts,
        "binary file, not text",
    );
    bad_text_file(&dir, "empty.txt", b"", &opts, "empty document");
    bad_text_file(&dir, "blank.txt", b" \n\t\n", &opts, "empty document");
    bad_text_file(&dir, "utf16.txt", b"\xff\xfeh\0i\0", &opts, "UTF-16");
    let small = IngestOptions {
        max_bytes: 10,
        ..IngestOptions::default()
    };
    bad_text_file(
        &dir,
        "big.txt",
        b"This is longer than ten bytes.",
        &small,
        "document is 30 bytes, over the limit of 10; raise --max-doc-bytes",
    );
}

#[test]
fn stdin_style_reader_text_gets_a_content_id() {
    let docs: Vec<_> = read_reader(
        Cursor::new(b"GENEVA \xe2\x80\x94 Talks resumed.".to_vec()),
        "-",
        Format::Text,
        &IngestOptions::default(),
    )
    .collect();
    let d = ok(&docs[0]);
    assert!(d.id.starts_with("doc-"));
    assert_eq!(d.text, "Talks resumed.");
    assert_eq!(d.origin.path, "-");
    // An oversized reader is refused without reading it all.
    let docs: Vec<_> = read_reader(
        Cursor::new(vec![b'x'; 100]),
        "-",
        Format::Text,
        &IngestOptions {
            max_bytes: 10,
            ..IngestOptions::default()
        },
    )
    .collect();
    assert!(err(&docs[0]).message.contains("over the limit of 10 bytes"));
}

// ---------------------------------------------------------------- HTML

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
  <title>Talks resume in Geneva &amp; Vienna</title>
  <meta property="article:published_time" content="2023-09-20T08:00:00Z">
  <style>p { color: red; }</style>
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><a href="/">Home</a></header>
  <nav><ul><li>World</li><li>Politics</li></ul></nav>
  <div class="cookie-banner">We use cookies.</div>
  <article>
    <h1>Talks resume in Geneva &amp; Vienna</h1>
    <p>GENEVA (Reuters) - Diplomats   met on
       Wednesday, officials said.</p>
    <div class="share-buttons">Share on X</div>
    <p>The &ldquo;talks&rdquo; will go on&nbsp;Thursday.<br>A new line &lt;here&gt;.</p>
    <!-- <p>commented out</p> -->
    <noscript>Enable JavaScript</noscript>
    <aside>Related: other story</aside>
    <ul><li>First point</li><li>Second <b>bold</b> point</li></ul>
  </article>
  <footer>Copyright</footer>
  <form><input name="q"> Search</form>
</body>
</html>"#;

#[test]
fn html_page_becomes_clean_text() {
    let (title, text) = dyad_ingest::html_to_text(PAGE);
    assert_eq!(title.as_deref(), Some("Talks resume in Geneva & Vienna"));
    assert_eq!(
        text,
        "GENEVA (Reuters) - Diplomats met on Wednesday, officials said.\n\n\
         The \u{201c}talks\u{201d} will go on Thursday.\n\n\
         A new line <here>.\n\nFirst point\n\nSecond bold point"
    );
    for gone in [
        "color",
        "not text",
        "Home",
        "Politics",
        "cookies",
        "Share",
        "commented",
        "JavaScript",
        "Related",
        "Copyright",
        "Search",
    ] {
        assert!(!text.contains(gone), "{gone:?} should be removed");
    }
}

#[test]
fn html_file_document() {
    let dir = TempDir::new("html");
    let path = dir.write("story.html", PAGE);
    let docs = read_all(&[path], &IngestOptions::default());
    let d = ok(&docs[0]);
    assert_eq!(d.id, "story");
    assert_eq!(d.title.as_deref(), Some("Talks resume in Geneva & Vienna"));
    assert!(
        d.text.starts_with("Diplomats met on Wednesday"),
        "{}",
        d.text
    );
    assert_eq!(
        d.dateline.as_ref().and_then(|x| x.place.as_deref()),
        Some("Geneva")
    );
    assert_eq!(d.source.as_deref(), Some("Reuters"));
    assert_eq!(d.date, ymd(2023, 9, 20));
    assert_eq!(d.language.as_deref(), Some("en"));
}

#[test]
fn html_without_title_uses_h1_and_without_text_is_an_error() {
    let (title, text) =
        dyad_ingest::html_to_text("<body><h1>Head &amp; line</h1><div>Body</div></body>");
    assert_eq!(title.as_deref(), Some("Head & line"));
    assert_eq!(text, "Body");

    let dir = TempDir::new("html-empty");
    let path = dir.write(
        "empty.htm",
        "<html><script>x()</script><nav>menu</nav></html>",
    );
    let docs = read_all(&[path], &IngestOptions::default());
    assert!(err(&docs[0]).message.contains("no text found in the HTML"));
}

// ---------------------------------------------------------------- paths and folders

#[test]
fn folders_are_walked_recursively_in_sorted_order() {
    let dir = TempDir::new("walk");
    dir.write("b.txt", "B text.");
    dir.write(
        "a.jsonl",
        "{\"id\": \"a1\", \"text\": \"A one.\"}\n{\"id\": \"a2\", \"text\": \"A two.\"}\n",
    );
    dir.write("sub/c.html", "<p>C page.</p>");
    dir.write("sub/deeper/d.TEXT", "D text.");
    dir.write("sub/e.ndjson", "{\"id\": \"e1\", \"text\": \"E.\"}\n");
    dir.write("z.htm", "<p>Z page.</p>");
    // Ignored in folders: other extensions and hidden entries.
    dir.write("notes.md", "# not read");
    dir.write("image.png", b"\x89PNG\0");
    dir.write("README", "no extension");
    dir.write(".hidden.txt", "hidden");
    dir.write(".git/config.txt", "hidden folder");

    let docs = read_all(std::slice::from_ref(&dir.0), &IngestOptions::default());
    let ids: Vec<&str> = docs.iter().map(|d| ok(d).id.as_str()).collect();
    // Files under a folder are named by their path in it (unique where stems repeat).
    assert_eq!(ids, ["a1", "a2", "b", "sub/c", "sub/deeper/d", "e1", "z"]);
    assert_eq!(ok(&docs[3]).text, "C page.");
}

#[test]
fn explicit_paths_missing_files_and_unknown_extensions() {
    let dir = TempDir::new("paths");
    let notes = dir.write("notes.md", "GENEVA — Explicitly named.");
    let good = dir.write("good.txt", "Good.");
    let missing = dir.0.join("missing.jsonl");
    let docs = read_all(&[missing.clone(), notes, good], &IngestOptions::default());
    assert_eq!(docs.len(), 3);
    let e = err(&docs[0]);
    assert_eq!(e.origin.path, missing.display().to_string());
    assert!(e.to_string().contains("no such file"), "{e}");
    // An explicitly named file with an unknown extension is read as text.
    assert_eq!(ok(&docs[1]).id, "notes");
    assert_eq!(ok(&docs[1]).text, "Explicitly named.");
    assert_eq!(ok(&docs[2]).id, "good");
}

#[test]
fn errors_in_one_file_do_not_stop_the_others() {
    let dir = TempDir::new("mixed");
    dir.write("1.txt", b"\0\0binary");
    dir.write(
        "2.jsonl",
        "{\"id\": \"ok\", \"text\": \"Fine.\"}\nnot json\n",
    );
    dir.write("3.txt", "Last.");
    let docs = read_all(std::slice::from_ref(&dir.0), &IngestOptions::default());
    assert_eq!(docs.len(), 4);
    assert!(err(&docs[0]).message.contains("binary"));
    assert_eq!(ok(&docs[1]).id, "ok");
    assert_eq!(err(&docs[2]).origin.line, Some(2));
    assert_eq!(ok(&docs[3]).id, "3");
}

#[test]
fn read_paths_iterator_is_send() {
    fn assert_send<T: Send>(_: &T) {}
    let it = read_paths(&[], &IngestOptions::default());
    assert_send(&it);
}

// ---------------------------------------------------------------- the shared example

#[test]
fn tass_example_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/tass-2023-09-20-hungary-karabakh.txt");
    if !path.exists() {
        dyad_model::testing::skipped(&format!("{} not found", path.display()));
        return;
    }
    let docs = read_all(&[path], &IngestOptions::default());
    assert_eq!(docs.len(), 1);
    let d = ok(&docs[0]);
    assert_eq!(d.id, "tass-2023-09-20-hungary-karabakh");
    let dl = d.dateline.as_ref().expect("dateline");
    assert_eq!(dl.place.as_deref(), Some("Budapest"));
    assert_eq!(dl.agency.as_deref(), Some("TASS"));
    assert_eq!(dl.date, ymd(2023, 9, 20));
    assert!(
        d.text.starts_with("A senior Hungarian diplomat"),
        "{}",
        &d.text[..60.min(d.text.len())]
    );
    assert_eq!(d.source.as_deref(), Some("TASS"));
}

#[test]
fn html_never_panics_on_truncated_pages() {
    let page = format!("{PAGE}<p>Ünïcödé “quotes” <a href=\"x\" title='a > b'>link</a> &#x1F600; &bogus; &#99999999;</p>");
    for (i, _) in page.char_indices() {
        let _ = dyad_ingest::parse_html(&page[..i]);
        let _ = dyad_ingest::parse_html(&page[i..]);
    }
}
