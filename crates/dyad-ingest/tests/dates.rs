//! Publication dates (issue 11, item 3): where a document's date comes from when its text has
//! a dateline without a year ("NAIROBI, June 25 (Reuters) -"): the file name or its folders,
//! the page's own metadata, or the date the user gives (`IngestOptions::default_date`).

mod common;

use common::{ymd, TempDir};
use std::io::Cursor;
use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_ingest::{read_paths, read_reader, Document, Format, IngestError, IngestOptions};

const STORY: &str = "NAIROBI, June 25 (Reuters) - Kenyan police fired tear gas at protesters.";

fn one(path: PathBuf, opts: &IngestOptions) -> Document {
    let docs: Vec<Result<Document, IngestError>> = read_paths(&[path], opts).collect();
    assert_eq!(docs.len(), 1);
    match docs.into_iter().next() {
        Some(Ok(doc)) => doc,
        other => panic!("expected one document, got {other:?}"),
    }
}

fn dateline_date(doc: &Document) -> Option<NaiveDate> {
    doc.dateline.as_ref().and_then(|d| d.date)
}

#[test]
fn file_and_folder_names_date_a_yearless_dateline() {
    let dir = TempDir::new("names");
    for rel in [
        "story_20240625.txt",
        "kenya-20240625.reuters.txt",
        "20240625.txt",
        "2024_06_25_kenya.txt",
        "kenya.2024.06.25.txt",
        "kenya-2024-06-25.html",
        "2024/06/25/kenya.txt",
        "2024-06-25/kenya.txt",
    ] {
        let path = dir.write(rel, STORY);
        let doc = one(path, &IngestOptions::default());
        assert_eq!(doc.date, ymd(2024, 6, 25), "date of {rel}");
        assert_eq!(dateline_date(&doc), ymd(2024, 6, 25), "dateline of {rel}");
    }
}

#[test]
fn ids_and_impossible_dates_in_names_are_not_dates() {
    let dir = TempDir::new("not-names");
    for rel in [
        "story-20241399.txt",
        "story-2024_13_25.txt",
        "id-1202406251.txt",
        "story-202406251234.txt",
        "kenya20240625.txt",
        "12345678.txt",
        "2024-06_25.txt",
        "2024/13/25/kenya.txt",
        "06/25/kenya.txt",
    ] {
        let path = dir.write(rel, STORY);
        let doc = one(path, &IngestOptions::default());
        assert_eq!(doc.date, None, "date of {rel}");
        assert_eq!(dateline_date(&doc), None, "dateline of {rel}");
    }
}

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html lang=\"en\"><head><title>Kenya protests</title>{head}</head><body><article>{body}<p>{STORY}</p><p>More.</p></article></body></html>")
}

#[test]
fn html_json_ld_date_published_dates_the_page_and_its_dateline() {
    let dir = TempDir::new("json-ld");
    let html = page(
        r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Kenya protests","datePublished" : "2024-06-25T10:00:00.000Z","dateModified":"2024-06-27T08:00:00Z"}]}</script>"#,
        "",
    );
    let doc = one(dir.write("kenya.html", &html), &IngestOptions::default());
    assert_eq!(doc.date, ymd(2024, 6, 25));
    assert_eq!(dateline_date(&doc), ymd(2024, 6, 25));
}

#[test]
fn html_itemprop_date_published_dates_the_page_and_keeps_the_dateline_first() {
    let dir = TempDir::new("itemprop");
    for stamp in [
        r#"<span itemprop="datePublished" content="2024-06-25">June 25, 2024</span>"#,
        r#"<time itemprop="datePublished" datetime="2024-06-25T09:00:00+03:00">June 25, 2024</time>"#,
    ] {
        let html = page("", stamp);
        let doc = one(dir.write("kenya.html", &html), &IngestOptions::default());
        assert_eq!(doc.date, ymd(2024, 6, 25), "{stamp}");
        // The visible date stamp is page furniture: left in, it would open the text and hide
        // the dateline of the first paragraph.
        assert_eq!(
            doc.dateline.as_ref().and_then(|d| d.place.as_deref()),
            Some("Nairobi"),
            "{stamp}"
        );
        assert_eq!(dateline_date(&doc), ymd(2024, 6, 25), "{stamp}");
        assert!(doc.text.starts_with("Kenyan police"), "{}", doc.text);
    }
}

fn with_default(date: Option<NaiveDate>) -> IngestOptions {
    IngestOptions {
        default_date: date,
        ..IngestOptions::default()
    }
}

#[test]
fn default_date_dates_only_documents_without_their_own() {
    let lines = [
        serde_json::json!({"id": "yearless", "text": STORY}),
        serde_json::json!({"id": "own", "text": STORY, "date": "2024-06-24"}),
        serde_json::json!({"id": "full", "text": "NAIROBI, June 20, 2024 (Reuters) - Police fired."}),
        serde_json::json!({"id": "plain", "text": "Police fired tear gas."}),
    ]
    .map(|v| v.to_string())
    .join("\n");
    let opts = with_default(ymd(2024, 6, 26));
    let docs: Vec<Document> = read_reader(Cursor::new(lines), "in.jsonl", Format::Jsonl, &opts)
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let dates: Vec<(&str, Option<NaiveDate>, Option<NaiveDate>)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.date, dateline_date(d)))
        .collect();
    assert_eq!(
        dates,
        vec![
            ("yearless", ymd(2024, 6, 26), ymd(2024, 6, 25)),
            ("own", ymd(2024, 6, 24), ymd(2024, 6, 25)),
            ("full", ymd(2024, 6, 20), ymd(2024, 6, 20)),
            ("plain", ymd(2024, 6, 26), None),
        ]
    );
}

#[test]
fn default_date_gives_way_to_file_names_and_page_metadata() {
    let dir = TempDir::new("default");
    let opts = with_default(ymd(2025, 1, 10));
    let named = one(dir.write("kenya-20240625.txt", STORY), &opts);
    assert_eq!(named.date, ymd(2024, 6, 25));
    let unnamed = one(dir.write("kenya.txt", STORY), &opts);
    assert_eq!(unnamed.date, ymd(2025, 1, 10));
    assert_eq!(dateline_date(&unnamed), ymd(2024, 6, 25));
    let html = page(
        r#"<meta property="article:published_time" content="2024-06-25T10:00:00Z">"#,
        "",
    );
    let meta = one(dir.write("kenya.html", &html), &opts);
    assert_eq!(meta.date, ymd(2024, 6, 25));
}

#[test]
fn without_any_date_a_yearless_dateline_stays_undated() {
    let dir = TempDir::new("none");
    let doc = one(dir.write("kenya.txt", STORY), &IngestOptions::default());
    assert_eq!(doc.date, None);
    assert_eq!(dateline_date(&doc), None);
    // A file's modification time is no publication date: a copied old story would get today's.
    assert_eq!(
        doc.dateline.as_ref().and_then(|d| d.place.as_deref()),
        Some("Nairobi")
    );
}
