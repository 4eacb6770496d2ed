//! News feeds (RSS 2.0, RSS 1.0/RDF, Atom), parsed with `feed-rs`: each item is a document
//! with its title, link, publication date, the feed's title as its source, and its text (the
//! item's content, else its summary), markup reduced to text.
//!
//! A feed whose items carry only a headline and no text gives one error per such item, naming
//! it, rather than documents without a story; the linked page is where the story is.

use chrono::NaiveDate;

use crate::html::parse_html;
use crate::{document_with_dates, Document, IngestError, IngestOptions, Origin};

/// The documents of a feed file's bytes, one per item, in the feed's order; one error for a
/// file that is no feed.
pub(crate) fn feed_documents(
    bytes: &[u8],
    origin_path: &str,
    opts: &IngestOptions,
) -> Vec<Result<Document, IngestError>> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(e) => {
            return vec![Err(IngestError::new(
                origin_path,
                None,
                format!("not a readable RSS or Atom feed: {e}"),
            ))]
        }
    };
    let source = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    feed.entries
        .iter()
        .enumerate()
        .map(|(i, entry)| item_document(entry, i + 1, origin_path, source.as_deref(), opts))
        .collect()
}

/// One item's document; `number` counts items from 1, for messages.
fn item_document(
    entry: &feed_rs::model::Entry,
    number: usize,
    origin_path: &str,
    source: Option<&str>,
    opts: &IngestOptions,
) -> Result<Document, IngestError> {
    let title = entry
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    let fail = |message: String| {
        let named = title
            .as_deref()
            .map_or_else(String::new, |t| format!(" (\"{}\")", short(t)));
        IngestError::new(
            origin_path,
            None,
            format!("item {number}{named}: {message}"),
        )
    };
    let text = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .map(body_text)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            entry
                .summary
                .as_ref()
                .map(|s| body_text(&s.content))
                .filter(|t| !t.is_empty())
        })
        .ok_or_else(|| {
            fail("no text: the item has neither content nor summary (the story is on its linked page)".into())
        })?;
    if text.len() > opts.max_bytes {
        return Err(fail(crate::text::too_big(
            Some(text.len() as u64),
            opts.max_bytes,
        )));
    }
    let date: Option<NaiveDate> = entry.published.or(entry.updated).map(|d| d.date_naive());
    let origin = Origin {
        path: origin_path.to_string(),
        line: None,
    };
    let mut doc = document_with_dates(&text, origin, date, opts.default_date);
    if doc.text.is_empty() {
        return Err(fail("no text after the dateline".into()));
    }
    // the item's own id (an RSS guid or Atom id) names it across polls; feed-rs makes one from
    // the link and title where the feed gives none
    if !entry.id.trim().is_empty() {
        doc.id = entry.id.trim().to_string();
    }
    doc.title = title;
    doc.url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or_else(|| entry.links.first())
        .map(|l| l.href.clone());
    if let Some(s) = source {
        doc.source = Some(s.to_string());
    }
    doc.language = entry.language.clone();
    Ok(doc)
}

/// An item's text: markup reduced to paragraphs of text; plain text as it is.
fn body_text(s: &str) -> String {
    if s.contains('<') {
        parse_html(s).text.trim().to_string()
    } else {
        s.trim().to_string()
    }
}

/// A title or name without markup, on one line.
fn plain(s: &str) -> String {
    let text = if s.contains('<') {
        parse_html(s).text
    } else {
        s.to_string()
    };
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first words of a title, for a message.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        out.push('…');
    }
    out
}
