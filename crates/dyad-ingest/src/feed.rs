//! News feeds (RSS 2.0, RSS 1.0/RDF, Atom), parsed with `feed-rs`: each item is a document
//! with its title, link, publication date, the feed's title as its source, and its text (the
//! item's content, else its summary), markup reduced to text.
//!
//! Reading is two steps so that a poller can skip what it has: [`parse_feed`] gives the items
//! with their ids, and [`FeedItem::document`] makes one item a document, from its own text or
//! from its linked page. Pages come from a [`PageSource`] (dyad-fetch's HTTP client; this
//! crate does no network I/O), asked according to a [`FetchPolicy`]: a page's story text and
//! metadata (date, outlet) win over the item's, which are often a teaser and a feed name.
//!
//! An item with neither text nor a page to fetch is an error naming it, rather than a
//! document without a story.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::html::{parse_html, HtmlPage};
use crate::{document_with_dates, Document, IngestError, IngestOptions, Origin};

/// Where the pages items link to come from. dyad-fetch implements it over HTTP; tests over a
/// map. Implementations bound the size and time of a fetch themselves.
pub trait PageSource: Send + Sync {
    /// The HTML of the page at `url`, or why it could not be had (shown after the item).
    fn page(&self, url: &str) -> Result<String, String>;
}

/// When an item's linked page is fetched for its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FetchPolicy {
    /// Never: items are read from the feed alone.
    #[default]
    Never,
    /// For items that carry only a summary (no content, and a short summary).
    Summaries,
    /// For every item with a link.
    Always,
}

/// A page source with the policy for using it.
#[derive(Clone)]
pub struct Pages {
    /// Where pages come from.
    pub source: Arc<dyn PageSource>,
    /// Which items' pages are fetched.
    pub policy: FetchPolicy,
}

impl std::fmt::Debug for Pages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pages")
            .field("policy", &self.policy)
            .finish()
    }
}

/// A summary shorter than this many words is a teaser, not the story: with
/// [`FetchPolicy::Summaries`] the item's page is fetched.
const SUMMARY_WORDS: usize = 120;

/// A parsed feed: its title and items in the feed's order.
#[derive(Debug, Clone)]
pub struct Feed {
    /// The feed's title, the source of its items.
    pub title: Option<String>,
    /// The items.
    pub items: Vec<FeedItem>,
}

/// One item of a feed, before it becomes a document.
#[derive(Debug, Clone)]
pub struct FeedItem {
    /// Position in the feed, from 1 (for messages).
    pub number: usize,
    /// The item's own id (an RSS guid or Atom id; else a hash of its link and title, of its
    /// title, or of its text): never empty and the same at every poll, it names the item
    /// across polls and becomes the document id.
    pub id: String,
    /// Headline, without markup.
    pub title: Option<String>,
    /// The story's page.
    pub link: Option<String>,
    /// Publication (else update) date.
    pub date: Option<NaiveDate>,
    /// Full text from the item's content element, markup reduced to text.
    pub content: Option<String>,
    /// Text of the item's summary (RSS `description`), markup reduced to text.
    pub summary: Option<String>,
    /// Language of the item, if the feed states it.
    pub language: Option<String>,
}

/// The items of a feed's bytes; an error for bytes that are no feed.
pub fn parse_feed(bytes: &[u8], origin_path: &str) -> Result<Feed, IngestError> {
    let fail = |message: String| IngestError::new(origin_path, None, message);
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(fail("the feed is UTF-16, but dyad reads UTF-8 feeds (or those that declare a single-byte encoding); convert it, e.g. `iconv -f UTF-16 -t UTF-8`".into()));
    }
    let bytes = numeric_entities(bytes);
    let feed = feed_rs::parser::Builder::new()
        .id_generator(stable_id)
        .build()
        .parse(&bytes[..])
        .map_err(|e| fail(format!("not a readable RSS or Atom feed: {e}")))?;
    if feed.entries.is_empty() && !declares_no_items(&bytes) {
        return Err(fail("no items read: the file has item or entry elements, but not in RSS or Atom's own form (check the Atom namespace, http://www.w3.org/2005/Atom)".into()));
    }
    let title = feed
        .title
        .as_ref()
        .map(|t| plain(&t.content))
        .filter(|t| !t.is_empty());
    let items = feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| FeedItem::from_entry(entry, i + 1))
        .collect();
    Ok(Feed { title, items })
}

/// The documents of a feed file's bytes, one per item, in the feed's order; one error for a
/// file that is no feed. Items' pages are fetched from `pages` as its policy says.
pub(crate) fn feed_documents(
    bytes: &[u8],
    origin_path: &str,
    opts: &IngestOptions,
    pages: Option<&Pages>,
) -> Vec<Result<Document, IngestError>> {
    let feed = match parse_feed(bytes, origin_path) {
        Ok(feed) => feed,
        Err(e) => return vec![Err(e)],
    };
    feed.items
        .iter()
        .map(|item| {
            let page = match pages {
                Some(p) if item.wants_page(p.policy) => Some(item.fetch_page(p, origin_path)?),
                _ => None,
            };
            item.document(origin_path, feed.title.as_deref(), page.as_ref(), opts)
        })
        .collect()
}

impl FeedItem {
    fn from_entry(entry: &feed_rs::model::Entry, number: usize) -> FeedItem {
        let nonempty = |s: String| (!s.is_empty()).then_some(s);
        let content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(body_text)
            .and_then(nonempty);
        let summary = entry
            .summary
            .as_ref()
            .map(|s| body_text(&s.content))
            .and_then(nonempty);
        // an item with no guid, link or title is named by its text, which is stable across
        // polls (feed-rs would make up a random id)
        let id = Some(entry.id.trim().to_string())
            .and_then(nonempty)
            .unwrap_or_else(|| {
                crate::content_id(content.as_deref().or(summary.as_deref()).unwrap_or(""))
            });
        FeedItem {
            number,
            id,
            title: entry
                .title
                .as_ref()
                .map(|t| plain(&t.content))
                .and_then(nonempty),
            link: entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .map(|l| l.href.trim().to_string())
                .and_then(nonempty),
            date: entry.published.or(entry.updated).map(|d| d.date_naive()),
            content,
            summary,
            language: entry.language.clone(),
        }
    }

    /// Whether the item carries its story: content, or a summary long enough to be one.
    pub fn has_story(&self) -> bool {
        self.content.is_some()
            || self
                .summary
                .as_deref()
                .is_some_and(|s| s.split_whitespace().count() >= SUMMARY_WORDS)
    }

    /// Whether `policy` has this item's page fetched.
    pub fn wants_page(&self, policy: FetchPolicy) -> bool {
        self.link.is_some()
            && match policy {
                FetchPolicy::Never => false,
                FetchPolicy::Summaries => !self.has_story(),
                FetchPolicy::Always => true,
            }
    }

    /// The item's page from `pages`, parsed; an error naming the item and link if it cannot
    /// be had.
    pub fn fetch_page(&self, pages: &Pages, origin_path: &str) -> Result<HtmlPage, IngestError> {
        let link = self.link.as_deref().unwrap_or_default();
        pages
            .source
            .page(link)
            .map(|html| parse_html(&html))
            .map_err(|e| self.error(origin_path, format!("its page {link}: {e}")))
    }

    /// An error about this item, naming it by number and headline.
    pub fn error(&self, origin_path: &str, message: String) -> IngestError {
        let named = self
            .title
            .as_deref()
            .map_or_else(String::new, |t| format!(" (\"{}\")", short(t)));
        IngestError::new(
            origin_path,
            None,
            format!("item {}{named}: {message}", self.number),
        )
    }

    /// The item as a document: the page's story text if a page is given and has one, else
    /// the item's content, else its summary. The page's own metadata wins over the feed's:
    /// its date, its outlet (`og:site_name`, JSON-LD publisher) over the feed's title
    /// (`source`), its headline (`og:title`, JSON-LD) over the item's; the item's headline
    /// wins over the page's `<title>`, which usually carries the site's name too.
    pub fn document(
        &self,
        origin_path: &str,
        source: Option<&str>,
        page: Option<&HtmlPage>,
        opts: &IngestOptions,
    ) -> Result<Document, IngestError> {
        let page_text = page.map(|p| p.text.trim()).filter(|t| !t.is_empty());
        let text = page_text
            .or(self.content.as_deref())
            .or(self.summary.as_deref())
            .ok_or_else(|| {
                let why = if page.is_some() {
                    "no text: neither its page nor the item has a story"
                } else {
                    "no text: the item has neither content nor summary (the story is on its linked page; --fetch reads it)"
                };
                self.error(origin_path, why.into())
            })?;
        if text.len() > opts.max_bytes {
            return Err(self.error(
                origin_path,
                crate::text::too_big(Some(text.len() as u64), opts.max_bytes),
            ));
        }
        let date = page.and_then(|p| p.date).or(self.date);
        let origin = Origin {
            path: origin_path.to_string(),
            line: None,
        };
        let mut doc = document_with_dates(text, origin, date, opts.default_date);
        if doc.text.is_empty() {
            return Err(self.error(origin_path, "no text after the dateline".into()));
        }
        if !self.id.is_empty() {
            doc.id = self.id.clone();
        }
        doc.title = page
            .and_then(|p| p.headline.clone())
            .or_else(|| self.title.clone())
            .or_else(|| page.and_then(|p| p.title.clone()));
        doc.url = self
            .link
            .clone()
            .or_else(|| page.and_then(|p| p.url.clone()));
        if let Some(s) = page
            .and_then(|p| p.site_name.as_deref())
            .or(source)
            .filter(|s| !s.trim().is_empty())
        {
            doc.source = Some(s.trim().to_string());
        }
        doc.language = page
            .and_then(|p| p.language.clone())
            .or_else(|| self.language.clone());
        Ok(doc)
    }
}

/// The id of an item without one: feed-rs's hash of its link and title (as its default
/// generator), else of its title alone, else none (and [`FeedItem`] takes its text's hash),
/// never a random one, so that the item is the same document at every poll.
fn stable_id(
    links: &[feed_rs::model::Link],
    title: &Option<feed_rs::model::Text>,
    _uri: Option<&str>,
) -> String {
    match (links.first(), title) {
        (Some(link), _) => feed_rs::parser::generate_id_from_link_and_title(link, title),
        (None, Some(t)) if !t.content.trim().is_empty() => {
            format!("title-{:016x}", crate::fnv1a64(t.content.trim().as_bytes()))
        }
        _ => String::new(),
    }
}

/// Whether a feed that gave no items has none to give: no `<item` or `<entry` element at all
/// (an empty feed), rather than items in a form the parser does not know.
fn declares_no_items(bytes: &[u8]) -> bool {
    let has = |tag: &[u8]| {
        bytes
            .windows(tag.len())
            .any(|w| w.eq_ignore_ascii_case(tag))
    };
    !has(b"<item") && !has(b"<entry") && !has(b":item") && !has(b":entry")
}

/// XML knows five named entities; feeds use HTML's (`&nbsp;`, `&eacute;`) all the time, and an
/// XML parser drops the text around one it does not know. These become numeric references
/// (`&#xA0;`), which every XML parser reads. Entities a DTD in the file defines are never
/// expanded (no "billion laughs"): only HTML's fixed table is used.
fn numeric_entities(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    /// Longest entity name looked up (HTML's longest is 32 bytes).
    const MAX_NAME: usize = 32;
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut i = 0;
    while let Some(at) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'&'))
    {
        let start = i + at;
        i = start + 1;
        let name_len = bytes
            .get(start + 1..)
            .unwrap_or_default()
            .iter()
            .take(MAX_NAME + 1)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        let end = start + 1 + name_len;
        if name_len == 0 || name_len > MAX_NAME || bytes.get(end) != Some(&b';') {
            continue;
        }
        let Some(name) = bytes
            .get(start + 1..end)
            .and_then(|n| std::str::from_utf8(n).ok())
        else {
            continue;
        };
        if matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || !name.starts_with(|c: char| c.is_ascii_alphabetic())
        {
            continue;
        }
        let entity = format!("&{name};");
        let decoded = html_escape::decode_html_entities(&entity);
        if decoded == entity {
            continue;
        }
        let buf = out.get_or_insert_with(|| Vec::with_capacity(bytes.len() + 64));
        buf.extend_from_slice(bytes.get(copied..start).unwrap_or_default());
        for c in decoded.chars() {
            buf.extend_from_slice(format!("&#x{:X};", u32::from(c)).as_bytes());
        }
        copied = end + 1;
        i = end + 1;
    }
    match out {
        Some(mut buf) => {
            buf.extend_from_slice(bytes.get(copied..).unwrap_or_default());
            std::borrow::Cow::Owned(buf)
        }
        None => std::borrow::Cow::Borrowed(bytes),
    }
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
