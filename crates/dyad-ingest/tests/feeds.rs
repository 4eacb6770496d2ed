//! Feeds as input: RSS 2.0, RSS 1.0/RDF and Atom items become documents with their title,
//! link, date, the feed's title as source and their text; items without text, files that are
//! no feed and oversized feeds are errors naming the file (and the item), and the other items
//! are still read.

mod common;
use common::ymd;
use dyad_ingest::{read_paths, Format, IngestOptions};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/feeds")
        .join(name)
}

fn read(name: &str, opts: &IngestOptions) -> Vec<Result<dyad_ingest::Document, String>> {
    read_paths(&[fixture(name)], opts)
        .map(|r| r.map_err(|e| e.to_string()))
        .collect()
}

#[test]
fn rss_items_are_documents_with_their_metadata() {
    let items = read("rss2.rss", &IngestOptions::default());
    assert_eq!(items.len(), 3, "{items:?}");
    let first = items[0].as_ref().expect("first item");
    assert_eq!(first.id, "wire-2025-0303-01", "the guid names the item");
    assert_eq!(first.title.as_deref(), Some("UN calls for talks"));
    assert_eq!(
        first.url.as_deref(),
        Some("https://news.example.org/2025/03/03/un-talks")
    );
    assert_eq!(first.source.as_deref(), Some("Example Wire & Co"));
    assert_eq!(first.date, ymd(2025, 3, 3));
    // content:encoded wins over the summary; its dateline is parsed and removed
    assert!(
        first
            .text
            .starts_with("The United Nations called on Armenia"),
        "{}",
        first.text
    );
    assert!(
        first.text.contains("\n\nArmenian troops"),
        "paragraphs kept"
    );
    assert_eq!(
        first.dateline.as_ref().and_then(|d| d.place.as_deref()),
        Some("Geneva")
    );
    // a summary with escaped markup is reduced to text
    let second = items[1].as_ref().expect("second item");
    assert_eq!(
        second.text,
        "Protesters rallied outside parliament in Yerevan on Tuesday."
    );
    assert_eq!(second.date, ymd(2025, 3, 4));
    // an item with a headline only is an error naming the file and the item
    let third = items[2].as_ref().expect_err("no text");
    assert!(
        third.contains("rss2.rss") && third.contains("item 3") && third.contains("Headline only"),
        "{third}"
    );
}

#[test]
fn atom_and_rss1_entries_are_documents() {
    let atom = read("atom.atom", &IngestOptions::default());
    let entry = atom[0].as_ref().expect("atom entry");
    assert_eq!(entry.id, "urn:example:news:1");
    assert_eq!(
        entry.title.as_deref(),
        Some("Kyiv talks"),
        "markup in a title removed"
    );
    assert_eq!(
        entry.url.as_deref(),
        Some("https://atom.example.org/kyiv-talks")
    );
    assert_eq!(entry.source.as_deref(), Some("Example Atom News"));
    assert_eq!(entry.date, ymd(2025, 3, 5), "published, not updated");
    assert!(entry.text.starts_with("Ukrainian President"));
    let rdf = read("rss1.rdf", &IngestOptions::default());
    let item = rdf[0].as_ref().expect("rdf item");
    assert_eq!(item.title.as_deref(), Some("Sanctions announced"));
    assert_eq!(item.source.as_deref(), Some("Example RDF Bulletin"));
    assert_eq!(item.date, ymd(2025, 3, 6));
    assert!(item.text.contains("sanctions on Russian banks"));
}

#[test]
fn a_feed_in_another_encoding_is_decoded() {
    let items = read("latin1.xml", &IngestOptions::default());
    let item = items[0].as_ref().expect("latin-1 item");
    assert!(item.text.contains("São Paulo"), "{}", item.text);
}

#[test]
fn what_is_no_feed_or_too_big_is_an_error_and_the_next_file_is_read() {
    let items: Vec<_> = read_paths(
        &[fixture("broken.xml"), fixture("atom.atom")],
        &IngestOptions::default(),
    )
    .collect();
    assert_eq!(items.len(), 2);
    let err = items[0].as_ref().expect_err("not a feed").to_string();
    assert!(
        err.contains("broken.xml") && err.contains("not a readable RSS or Atom feed"),
        "{err}"
    );
    assert!(items[1].is_ok());
    // the limit on a feed file is FEED_SIZE_FACTOR times the document limit
    let small = IngestOptions {
        max_bytes: 40,
        ..Default::default()
    };
    let too_big = read("rss2.rss", &small);
    assert_eq!(too_big.len(), 1);
    let err = too_big[0].as_ref().expect_err("over the limit");
    assert!(err.contains("--max-doc-bytes"), "{err}");
}

#[test]
fn feed_extensions_are_read_as_feeds() {
    for name in ["a.rss", "a.atom", "a.rdf", "a.XML"] {
        assert_eq!(
            Format::from_path(Path::new(name)),
            Some(Format::Feed),
            "{name}"
        );
    }
}

/// Pages from a map, counting the requests.
struct MapPages(
    std::collections::HashMap<String, String>,
    std::sync::Mutex<Vec<String>>,
);

impl dyad_ingest::PageSource for MapPages {
    fn page(&self, url: &str) -> Result<String, String> {
        if let Ok(mut asked) = self.1.lock() {
            asked.push(url.to_string());
        }
        self.0
            .get(url)
            .cloned()
            .ok_or_else(|| "HTTP 404 Not Found".to_string())
    }
}

#[test]
fn items_are_read_from_their_pages_as_the_policy_says() {
    use dyad_ingest::{read_paths_with_pages, FetchPolicy, Pages};
    let dir = std::env::temp_dir().join(format!("dyad-feed-pages-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let feed = dir.join("teasers.rss");
    std::fs::write(
        &feed,
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Teaser Feed</title>
<item><title>Talks resume</title><link>http://site.test/a</link><guid>a</guid>
<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate><description>Talks resume in Geneva.</description></item>
<item><title>Gone</title><link>http://site.test/gone</link><guid>gone</guid><description>A teaser only.</description></item>
<item><title>Headline only</title><link>http://site.test/missing</link><guid>missing</guid></item>
</channel></rss>"#,
    )
    .expect("feed");
    let page = r#"<html lang="en"><head><title>Talks resume | Meridian</title>
<meta property="og:title" content="Armenia and Azerbaijan resume talks">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-04T08:00:00Z","publisher":{"name":"Meridian Wire"}}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Armenia and Azerbaijan resume talks</h1>
<p>GENEVA, March 4 (Reuters) - Armenian and Azerbaijani negotiators met in Geneva on Tuesday for the first time in a year.</p>
<p>The talks were brokered by the European Union, officials said.</p></article></body></html>"#;
    let source = std::sync::Arc::new(MapPages(
        [("http://site.test/a".to_string(), page.to_string())].into(),
        Default::default(),
    ));
    let read = |policy| -> Vec<Result<dyad_ingest::Document, String>> {
        let pages = Pages {
            source: source.clone(),
            policy,
        };
        read_paths_with_pages(
            std::slice::from_ref(&feed),
            &IngestOptions::default(),
            Some(pages),
        )
        .map(|r| r.map_err(|e| e.to_string()))
        .collect()
    };
    let docs = read(FetchPolicy::Summaries);
    let first = docs[0].as_ref().expect("read from its page");
    assert!(
        first
            .text
            .starts_with("Armenian and Azerbaijani negotiators"),
        "{}",
        first.text
    );
    assert!(first.text.contains("brokered by the European Union"));
    assert_eq!(
        first.title.as_deref(),
        Some("Armenia and Azerbaijan resume talks")
    );
    assert_eq!(
        first.source.as_deref(),
        Some("Meridian Wire"),
        "the page's publisher"
    );
    assert_eq!(first.date, ymd(2025, 3, 4), "the page's date");
    assert_eq!(first.id, "a");
    // a page that cannot be had is an error naming the item and the link
    let gone = docs[1].as_ref().expect_err("404");
    assert!(
        gone.contains("item 2 (\"Gone\")")
            && gone.contains("http://site.test/gone")
            && gone.contains("404"),
        "{gone}"
    );
    assert!(docs[2].is_err());
    // never: the items' own text, no request
    let before = source.1.lock().map(|a| a.len()).unwrap_or(0);
    let docs = read(FetchPolicy::Never);
    assert_eq!(
        docs[0].as_ref().map(|d| d.text.as_str()),
        Ok("Talks resume in Geneva.")
    );
    assert_eq!(
        docs[0].as_ref().map(|d| d.source.as_deref()),
        Ok(Some("Teaser Feed"))
    );
    assert_eq!(source.1.lock().map(|a| a.len()).unwrap_or(0), before);
}

fn parse_str(xml: &[u8]) -> Result<dyad_ingest::Feed, String> {
    dyad_ingest::parse_feed(xml, "t.rss").map_err(|e| e.to_string())
}

#[test]
fn html_entities_in_items_keep_their_text() {
    let xml = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>
<item><guid>x</guid><title>Caf&eacute; talks</title><description>Talks&nbsp;resumed in Gen&egrave;ve &amp; Bern &mdash; officials said.</description></item>
</channel></rss>"#;
    let feed = parse_str(xml).expect("feed");
    let item = &feed.items[0];
    assert_eq!(item.title.as_deref(), Some("Café talks"));
    assert_eq!(
        item.summary.as_deref(),
        Some("Talks\u{a0}resumed in Genève & Bern — officials said.")
    );
}

#[test]
fn an_item_without_guid_or_link_has_the_same_id_every_time() {
    let xml = br#"<rss version="2.0"><channel><title>W</title>
<item><description>Protesters rallied in Yerevan on Tuesday.</description></item>
<item><title>Only a title</title><description>Talks resumed.</description></item>
</channel></rss>"#;
    let first = parse_str(xml).expect("feed");
    let second = parse_str(xml).expect("feed");
    for (a, b) in first.items.iter().zip(&second.items) {
        assert!(!a.id.is_empty());
        assert_eq!(a.id, b.id, "stable across reads");
    }
    assert_ne!(first.items[0].id, first.items[1].id);
}

#[test]
fn entries_out_of_atom_and_utf16_feeds_are_errors_and_an_empty_feed_is_not() {
    let wrong = br#"<feed xmlns="http://example.org/not-atom"><title>W</title><entry><id>1</id><title>T</title><content>Text here.</content></entry></feed>"#;
    let err = parse_str(wrong).expect_err("entries in another namespace");
    assert!(err.contains("t.rss") && err.contains("namespace"), "{err}");
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("<rss/>".encode_utf16().flat_map(|u| u.to_le_bytes()));
    assert!(parse_str(&utf16).expect_err("utf-16").contains("UTF-16"));
    let empty = br#"<rss version="2.0"><channel><title>Quiet</title></channel></rss>"#;
    assert_eq!(parse_str(empty).map(|f| f.items.len()), Ok(0));
}
