//! Plain text from news web pages.
//!
//! A small tolerant tag scanner, not an HTML5 parser: news pages are routinely malformed
//! (unclosed `<p>`, stray `<`), and all we need is the readable story text, so the scanner
//! never fails. It turns the page into a flat list of start tags, end tags and text; the
//! extractor then walks that list, dropping non-content elements (scripts, navigation,
//! share buttons, ...) by counting nested tags of the same name, which survives missing end
//! tags elsewhere in the page.
//!
//! Content choice: the `<article>` with the most text if there is one, else `<main>`, else
//! the whole page. Block elements become paragraph breaks; inside a paragraph whitespace is
//! collapsed to single spaces; paragraphs are joined with a blank line.

use chrono::NaiveDate;
use html_escape::decode_html_entities;

use crate::date::parse_iso_date;

/// What dyad takes from a web page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlPage {
    /// `<title>`, or the first `<h1>` when there is no title.
    pub title: Option<String>,
    /// The story text, paragraphs separated by a blank line.
    pub text: String,
    /// Publication date from `<meta property="article:published_time">` and similar tags,
    /// JSON-LD or `itemprop` `datePublished`, or else the first `<time datetime>`.
    pub date: Option<NaiveDate>,
    /// Primary language subtag of `<html lang>` ("en" for "en-US").
    pub language: Option<String>,
    /// `<link rel="canonical">` or `og:url`.
    pub url: Option<String>,
    /// `og:site_name`, else the JSON-LD article's publisher: the outlet.
    pub site_name: Option<String>,
    /// The headline as the page's metadata states it (`og:title`, else the JSON-LD article's
    /// `headline`): unlike `<title>`, without the site's name.
    pub headline: Option<String>,
}

/// Title and body text of an HTML page. See [`parse_html`] for the metadata too.
pub fn html_to_text(html: &str) -> (Option<String>, String) {
    let page = parse_html(html);
    (page.title, page.text)
}

/// Title, body text and metadata of an HTML page.
pub fn parse_html(html: &str) -> HtmlPage {
    let toks = tokenize(html);
    let title = element_text(&toks, "title");
    let h1 = element_text(&toks, "h1");

    let mut paras = best_content(&toks);
    // Pages repeat the headline as the first block of the story; it belongs in `title`, and
    // leaving it in the text would hide the dateline that opens the first real paragraph.
    if let Some(first) = paras.first() {
        let first = first.text.clone();
        let is_headline = h1.as_deref() == Some(first.as_str())
            || title
                .as_deref()
                .is_some_and(|t| t == first || t.starts_with(&format!("{first} ")));
        if is_headline && paras.len() > 1 {
            paras.remove(0);
        }
    }
    let paras: Vec<&str> = between_prose(&paras)
        .iter()
        .map(|b| b.text.as_str())
        .collect();

    let mut page = HtmlPage {
        title: title.or(h1),
        text: paras.join("\n\n"),
        ..HtmlPage::default()
    };
    read_metadata(&toks, &mut page);
    page
}

/// Fewest words of a block that reads as the opening of the story.
const OPENING_WORDS: usize = 8;
/// Fewest words of a block that reads as a sentence.
const SENTENCE_WORDS: usize = 3;

/// Whether a block ends as sentences end and has at least `words` words. Headlines,
/// standfirsts without a full stop, bylines, date stamps, menus and tag lists do not.
fn is_sentence(block: &str, words: usize) -> bool {
    block.split_whitespace().count() >= words
        && block.trim_end().ends_with([
            '.', '!', '?', '"', '\u{201d}', '\u{2019}', '\'', '\u{2026}', ')',
        ])
}

/// Class-name words of the standfirst (dek, summary) that pages put between the headline and the
/// story: a one-paragraph sentence that is not the story's opening.
#[rustfmt::skip]
const STANDFIRST: &[&str] = &[
    "dek", "deck", "standfirst", "strapline", "subtitle", "subheadline", "summary", "excerpt",
];

/// An element marked as a standfirst: a class name with one of the [`STANDFIRST`] words as a
/// part ("article-dek", "story_summary"; the longer words also at the end of a run-together
/// name, "articleSubtitle"), or the schema.org `description` / `alternativeHeadline` property.
/// "lede" and "intro" are not among them: pages give those to the story's first paragraph.
fn is_standfirst_mark(tok: &Tok) -> bool {
    let itemprop = tok
        .attr("itemprop")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if itemprop == "description" || itemprop == "alternativeheadline" {
        return true;
    }
    let class = tok.attr("class").unwrap_or("").to_ascii_lowercase();
    class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|part| {
            STANDFIRST
                .iter()
                .any(|w| part == *w || (w.len() >= 7 && part.ends_with(w)))
        })
}

/// Credit and copyright lines: "Reporting by ...; Editing by ...", "Source: agencies",
/// "(c) 2025 Example News", "All rights reserved". They close stories and pages but are not
/// story text.
fn is_credit(block: &str) -> bool {
    let lower = block.to_lowercase();
    let start = lower.trim_start_matches(|c: char| c == '(' || c == '[' || c.is_whitespace());
    const OPENINGS: &[&str] = &[
        "reporting by",
        "additional reporting",
        "editing by",
        "writing by",
        "compiled by",
        "source:",
        "sources:",
        "(c)",
        "copyright",
        "\u{a9}",
    ];
    OPENINGS.iter().any(|o| start.starts_with(o))
        || lower.contains('\u{a9}')
        || lower.contains("all rights reserved")
}

/// Containers of teaser cards: a linked heading ("<h3><a>Other story</a></h3>") with at most
/// one sentence of summary. Story subheadings are not links, and a story has more than one
/// sentence.
fn teaser_containers(paras: &[Block]) -> std::collections::HashSet<usize> {
    let mut cards: std::collections::HashMap<usize, (bool, usize)> =
        std::collections::HashMap::new();
    for p in paras {
        if let Some(c) = p.container {
            let card = cards.entry(c).or_insert((false, 0));
            if p.heading && p.is_links() {
                card.0 = true;
            } else if is_sentence(&p.text, SENTENCE_WORDS) {
                card.1 += 1;
            }
        }
    }
    cards
        .into_iter()
        .filter(|(_, (linked_heading, sentences))| *linked_heading && *sentences <= 1)
        .map(|(c, _)| c)
        .collect()
}

/// The blocks from the first that reads as the story's opening (a sentence of some length) to
/// its last sentence, and after that the blocks in the same container that are neither links
/// nor credits (a closing list): what a page puts above the story (site bar, headline, byline,
/// date) is left out, and so are the lists of links, other boxes, credits and copyright lines
/// after it; everything between stays, subheadings and lists included. Credits and blocks that
/// are mostly links (a headline in a list of stories ending "...?", "Download (PDF, 118 KB)")
/// never count as story sentences, nor do the summaries of teaser cards (see
/// [`teaser_containers`]), and a standfirst (see [`is_standfirst_mark`]) is not the
/// opening. All blocks when none reads as an opening.
fn between_prose(paras: &[Block]) -> &[Block] {
    let teasers = teaser_containers(paras);
    let story = |p: &Block, words: usize| {
        is_sentence(&p.text, words)
            && !p.is_links()
            && !is_credit(&p.text)
            && !p.container.is_some_and(|c| teasers.contains(&c))
    };
    // a standfirst is one paragraph; an element so marked that holds more is not one
    let mut marked: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for id in paras.iter().filter_map(|p| p.standfirst) {
        *marked.entry(id).or_default() += 1;
    }
    let is_standfirst = |p: &Block| p.standfirst.is_some_and(|id| marked.get(&id) == Some(&1));
    let Some(first) = paras
        .iter()
        .position(|p| story(p, OPENING_WORDS) && !is_standfirst(p))
    else {
        return paras;
    };
    let last_sentence = paras
        .iter()
        .rposition(|p| story(p, SENTENCE_WORDS))
        .unwrap_or(first)
        .max(first);
    let mut last = last_sentence;
    if let Some(closing) = paras.get(last_sentence) {
        let kept = paras
            .iter()
            .skip(last_sentence + 1)
            .take_while(|p| !p.is_links() && !is_credit(&p.text) && closing.shares_container(p))
            .count();
        last += kept;
        // a heading that closes the run heads something left out
        while last > last_sentence && paras.get(last).is_some_and(|p| p.heading) {
            last -= 1;
        }
    }
    paras.get(first..=last).unwrap_or(paras)
}

#[derive(Debug)]
enum Tok<'a> {
    Text(&'a str),
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
}

impl Tok<'_> {
    fn attr(&self, key: &str) -> Option<&str> {
        match self {
            Tok::Start { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }
}

/// Elements whose content is not markup: it runs to the matching end tag whatever it contains.
#[rustfmt::skip]
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "plaintext",
];

#[rustfmt::skip]
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that end a paragraph.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
    "table", "article", "section", "blockquote", "main", "header", "footer", "nav", "aside",
    "figure", "figcaption", "pre", "hr", "address", "center", "form", "fieldset", "details",
    "summary", "body", "html",
];

/// Elements that never hold story text.
#[rustfmt::skip]
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "title", "svg",
    "iframe", "template", "button", "select", "textarea", "object", "canvas", "audio", "video",
    "menu", "dialog", "head", "figcaption",
];

/// Substrings of `class`/`id` values that mark page furniture rather than the story.
#[rustfmt::skip]
const BOILERPLATE: &[&str] = &[
    "nav", "menu", "footer", "share", "social", "cookie", "subscribe", "related", "advert",
    "sidebar", "breadcrumb", "newsletter", "promo", "comments", "banner", "popup", "modal",
    "signup", "byline", "paywall", "sponsor", "pullquote", "pull-quote", "caption", "gallery",
    "author-bio", "disclaimer",
];

/// Containers that are never dropped for their class name: a `<body class="nav-open">` or
/// `<article class="has-share-bar">` still holds the story.
const NEVER_BOILERPLATE: &[&str] = &["html", "body", "article", "main"];

fn tokenize(html: &str) -> Vec<Tok<'_>> {
    // ASCII lower-casing keeps byte offsets, so positions found in `lower` index `html` too.
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut toks = Vec::new();
    let mut pos = 0;
    let mut text_start = 0;

    while let Some(rel) = lower.get(pos..).and_then(|rest| rest.find('<')) {
        let lt = pos + rel;
        // `lt` is the offset of an ASCII '<', so a char boundary: this never breaks.
        let Some(rest) = lower.get(lt..) else { break };
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        let after_slash = bytes.get(lt + 2).copied().unwrap_or(0);

        let end = if let Some(comment) = rest.strip_prefix("<!--") {
            push_text(&mut toks, html, text_start, lt);
            comment.find("-->").map_or(html.len(), |i| lt + 4 + i + 3)
        } else if next == b'!' || next == b'?' {
            push_text(&mut toks, html, text_start, lt);
            rest.find('>').map_or(html.len(), |i| lt + i + 1)
        } else if next == b'/' && after_slash.is_ascii_alphabetic() {
            push_text(&mut toks, html, text_start, lt);
            let name_end = scan_name(bytes, lt + 2);
            let name = lower.get(lt + 2..name_end).unwrap_or_default();
            toks.push(Tok::End(name.to_string()));
            find_from(&lower, name_end, ">").map_or(html.len(), |i| i + 1)
        } else if next.is_ascii_alphabetic() {
            push_text(&mut toks, html, text_start, lt);
            let (tok, after) = start_tag(html, &lower, lt);
            let raw_name = match &tok {
                Tok::Start {
                    name,
                    self_closing: false,
                    ..
                } if RAW_TEXT.contains(&name.as_str()) => Some(name.clone()),
                _ => None,
            };
            toks.push(tok);
            match raw_name {
                Some(name) => {
                    let close = format!("</{name}");
                    let content_end = find_from(&lower, after, &close).unwrap_or(html.len());
                    let content = html.get(after..content_end).unwrap_or_default();
                    toks.push(Tok::Text(content));
                    toks.push(Tok::End(name));
                    find_from(&lower, content_end, ">").map_or(html.len(), |i| i + 1)
                }
                None => after,
            }
        } else {
            // A bare '<' ("a < b") is text; keep scanning after it.
            pos = lt + 1;
            continue;
        };
        pos = end;
        text_start = end;
    }
    push_text(&mut toks, html, text_start, html.len());
    toks
}

/// Offset in `s` of the first `pat` at or after `from`; None when there is none, or when `from`
/// is past the end or inside a character (the tokenizer stops only at ASCII delimiters).
fn find_from(s: &str, from: usize, pat: &str) -> Option<usize> {
    s.get(from..)?.find(pat).map(|i| from + i)
}

fn push_text<'a>(toks: &mut Vec<Tok<'a>>, html: &'a str, start: usize, end: usize) {
    if start < end {
        if let Some(text) = html.get(start..end) {
            toks.push(Tok::Text(text));
        }
    }
}

/// End of a tag or attribute name starting at `start`.
fn scan_name(bytes: &[u8], start: usize) -> usize {
    let rest = bytes.get(start..).unwrap_or_default();
    let len = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':'))
        .count();
    start + len
}

/// Parses the start tag at `lt` (a '<' followed by a letter); returns it and the offset after '>'.
fn start_tag(html: &str, lower: &str, lt: usize) -> (Tok<'static>, usize) {
    let bytes = html.as_bytes();
    let at = |i: usize| bytes.get(i).copied();
    let name_end = scan_name(bytes, lt + 1);
    let name = lower.get(lt + 1..name_end).unwrap_or_default().to_string();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    let mut i = name_end;
    loop {
        while let Some(b) = at(i).filter(|&b| b.is_ascii_whitespace() || b == b'/') {
            self_closing = b == b'/';
            i += 1;
        }
        match at(i) {
            None => break,
            Some(b'>') => {
                i += 1;
                break;
            }
            Some(_) => {}
        }
        self_closing = false;
        let key_start = i;
        while at(i).is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'=' | b'>' | b'/')) {
            i += 1;
        }
        // The scans stop only at ASCII bytes or the end, so every offset is a char boundary.
        let key = lower.get(key_start..i).unwrap_or_default().to_string();
        while at(i).is_some_and(|b| b.is_ascii_whitespace()) {
            i += 1;
        }
        let mut value = String::new();
        if at(i) == Some(b'=') {
            i += 1;
            while at(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            let (v_start, v_end) = if let Some(quote @ (b'"' | b'\'')) = at(i) {
                let start = i + 1;
                let end = bytes
                    .get(start..)
                    .and_then(|rest| rest.iter().position(|&b| b == quote))
                    .map_or(bytes.len(), |p| start + p);
                i = (end + 1).min(bytes.len());
                (start, end)
            } else {
                let start = i;
                while at(i).is_some_and(|b| !b.is_ascii_whitespace() && b != b'>') {
                    i += 1;
                }
                (start, i)
            };
            // Delimiters are ASCII, so these offsets are char boundaries; `get` keeps it panic-free regardless.
            value = html
                .get(v_start..v_end)
                .map(|v| decode_html_entities(v).into_owned())
                .unwrap_or_default();
        }
        if !key.is_empty() {
            attrs.push((key, value));
        }
    }
    (
        Tok::Start {
            name,
            attrs,
            self_closing,
        },
        i,
    )
}

fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

/// Most text a byline holds (bytes): a "byline" element with more is a wrapper the page left
/// unclosed around the story (`<div class=byline>By A. Writer <div class=story>...`).
const BYLINE_TEXT: usize = 300;

/// HTML start tags that end an unclosed `<svg>` or `<math>` (the HTML standard's "breakout"
/// tags of foreign content): the page goes on after them, as a browser shows it.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Whether the element being skipped is foreign content (`<svg>`, `<math>`).
fn in_foreign(skip: Option<(&str, usize)>) -> bool {
    matches!(skip, Some(("svg" | "math", _)))
}

/// Most text a form holds (bytes) that is a form (search, sign-in, comment, newsletter): a
/// `<form>` with more wraps the page, as ASP.NET WebForms pages do, and is read.
const FORM_TEXT: usize = 2_000;

/// For each token, the index of the end tag of the element it starts (the next end tag of the
/// same name not taken by a nested one, or where `</body>` closes what is left open), and the
/// bytes of text before it outside raw-text elements (scripts, styles). One pass.
fn element_extents(toks: &[Tok]) -> (Vec<usize>, Vec<usize>) {
    let mut ends = vec![toks.len(); toks.len()];
    let mut text_before = Vec::with_capacity(toks.len() + 1);
    let mut open: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    let mut total = 0usize;
    let mut raw = false;
    for (i, tok) in toks.iter().enumerate() {
        text_before.push(total);
        match tok {
            Tok::Start {
                name, self_closing, ..
            } => {
                raw = RAW_TEXT.contains(&name.as_str());
                if !self_closing && !is_void(name) {
                    open.entry(name.as_str()).or_default().push(i);
                }
            }
            Tok::End(name) => {
                raw = false;
                if name == "body" || name == "html" {
                    for (_, starts) in open
                        .iter_mut()
                        .filter(|(n, _)| !matches!(**n, "body" | "html"))
                    {
                        for start in starts.drain(..) {
                            if let Some(end) = ends.get_mut(start) {
                                *end = i;
                            }
                        }
                    }
                }
                if let Some(start) = open.get_mut(name.as_str()).and_then(Vec::pop) {
                    if let Some(end) = ends.get_mut(start) {
                        *end = i;
                    }
                }
            }
            Tok::Text(text) => {
                if !raw {
                    total += text.trim().len();
                }
            }
        }
    }
    text_before.push(total);
    (ends, text_before)
}

/// Whether the only furniture mark of a start tag is "byline" (see [`BYLINE_TEXT`]).
fn only_byline_mark(tok: &Tok) -> bool {
    let marks = format!(
        "{} {}",
        tok.attr("class").unwrap_or(""),
        tok.attr("id").unwrap_or("")
    )
    .to_lowercase();
    marks.contains("byline") && BOILERPLATE.iter().filter(|b| marks.contains(*b)).count() == 1
}

fn is_boilerplate(name: &str, tok: &Tok) -> bool {
    if SKIP.contains(&name) {
        return true;
    }
    if NEVER_BOILERPLATE.contains(&name) {
        return false;
    }
    if tok.attr("hidden").is_some() || tok.attr("aria-hidden") == Some("true") {
        return true;
    }
    // The visible date stamp ("June 25, 2024") is read as metadata; left in the text it would
    // open the story and hide the dateline of the first paragraph.
    if is_date_itemprop(tok) {
        return true;
    }
    let marks = format!(
        "{} {}",
        tok.attr("class").unwrap_or(""),
        tok.attr("id").unwrap_or("")
    )
    .to_lowercase();
    BOILERPLATE.iter().any(|b| marks.contains(b))
}

/// Collapses whitespace inside a paragraph.
fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A paragraph of text, how much of it is link text, and where it sits in the page.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    text: String,
    /// Bytes of the raw text inside `<a>` elements, against `raw` bytes in all.
    linked: usize,
    raw: usize,
    /// Token index at which the block ended.
    pos: usize,
    /// Token index of the start tag of the element that holds the block: the innermost open
    /// element that is not itself a paragraph (`<p>`, `<li>`, `<h2>`, ...), so the `<div>` or
    /// `<section>` around a run of paragraphs, or the `<ul>` of a list item. `None` at top level.
    container: Option<usize>,
    /// Token index where that container ends (its end tag, or where it was closed implicitly).
    container_end: usize,
    /// A heading (`<h1>` to `<h6>`).
    heading: bool,
    /// Token index of the innermost open element marked as a standfirst (see
    /// [`is_standfirst_mark`]) around the block.
    standfirst: Option<usize>,
}

impl Block {
    /// Mostly link text: a menu, a list of stories, tags.
    fn is_links(&self) -> bool {
        self.raw > 0 && self.linked * 2 > self.raw
    }

    /// Whether `other` lies inside this block's container.
    fn shares_container(&self, other: &Block) -> bool {
        match self.container {
            Some(start) => start < other.pos && other.pos <= self.container_end,
            None => true,
        }
    }
}

/// Elements that hold a paragraph's text rather than a run of paragraphs: a block's container
/// is the innermost open element not among these.
#[rustfmt::skip]
const PARAGRAPH_LEVEL: &[&str] = &[
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "address", "summary",
    "blockquote", "figure",
];

/// Open block elements, innermost last, with the token index of their start tag and whether
/// they are marked as a standfirst.
#[derive(Default)]
struct OpenBlocks<'t> {
    open: Vec<(&'t str, usize, bool)>,
    /// End token index of every closed element, by start index.
    ends: std::collections::HashMap<usize, usize>,
}

impl<'t> OpenBlocks<'t> {
    fn start(&mut self, name: &'t str, at: usize, standfirst: bool) {
        // HTML closes an open `<p>` at the next paragraph, and an open `<li>` at the next item.
        if let Some(&(top, _, _)) = self.open.last() {
            let implied = (top == "p" && BLOCK.contains(&name) && name != "br" && name != "hr")
                || (top == "li" && name == "li")
                || (matches!(top, "dt" | "dd") && matches!(name, "dt" | "dd"));
            if implied {
                self.close_top(at);
            }
        }
        self.open.push((name, at, standfirst));
    }

    fn close_top(&mut self, at: usize) {
        if let Some((_, start, _)) = self.open.pop() {
            self.ends.insert(start, at);
        }
    }

    /// `</name>` closes the innermost open `name` and whatever is open inside it; an end tag
    /// with nothing to close is ignored.
    fn end(&mut self, name: &str, at: usize) {
        if let Some(i) = self.open.iter().rposition(|(n, _, _)| *n == name) {
            while self.open.len() > i {
                self.close_top(at);
            }
        }
    }

    fn container(&self) -> Option<usize> {
        self.open
            .iter()
            .rev()
            .find(|(n, _, _)| !PARAGRAPH_LEVEL.contains(n))
            .map(|(_, start, _)| *start)
    }

    fn standfirst(&self) -> Option<usize> {
        self.open
            .iter()
            .rev()
            .find(|(_, _, standfirst)| *standfirst)
            .map(|(_, start, _)| *start)
    }

    fn in_heading(&self) -> bool {
        self.open
            .last()
            .is_some_and(|(n, _, _)| matches!(*n, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    }
}

/// Paragraphs of story text in `toks`.
fn extract(toks: &[Tok]) -> Vec<Block> {
    let mut paras = Vec::new();
    let mut cur = String::new();
    // bytes of `cur` inside links, and how many `<a>` are open
    let mut linked = 0usize;
    let mut in_link = 0usize;
    let mut blocks = OpenBlocks::default();
    let (ends, text_before) = element_extents(toks);
    let text_in = |i: usize| {
        let end = ends.get(i).copied().unwrap_or(toks.len());
        text_before
            .get(end)
            .zip(text_before.get(i))
            .map_or(0, |(e, s)| e.saturating_sub(*s))
    };
    let flush = |cur: &mut String,
                 linked: &mut usize,
                 paras: &mut Vec<Block>,
                 blocks: &OpenBlocks,
                 pos: usize| {
        let p = normalize(cur);
        if !p.is_empty() {
            paras.push(Block {
                text: p,
                linked: *linked,
                raw: cur.len(),
                pos,
                container: blocks.container(),
                container_end: usize::MAX,
                heading: blocks.in_heading(),
                standfirst: blocks.standfirst(),
            });
        }
        cur.clear();
        *linked = 0;
    };
    // The element being skipped and how many of its kind are open.
    let mut skip: Option<(&str, usize)> = None;
    for (i, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Start {
                name, self_closing, ..
            } => {
                let opens = !self_closing && !is_void(name);
                // HTML lets `</head>` out: `<body>` or the first block of content ends the head
                let head_ends = matches!(skip, Some(("head", _)))
                    && (name == "body" || BLOCK.contains(&name.as_str()));
                if head_ends || (in_foreign(skip) && BREAKOUT.contains(&name.as_str())) {
                    skip = None;
                }
                if let Some((skipped, depth)) = skip.as_mut() {
                    if *skipped == name.as_str() && opens {
                        *depth += 1;
                    }
                    continue;
                }
                if BLOCK.contains(&name.as_str()) {
                    flush(&mut cur, &mut linked, &mut paras, &blocks, i);
                } else if name == "td" || name == "th" {
                    cur.push(' ');
                }
                let wrapper = || {
                    (only_byline_mark(tok) && text_in(i) > BYLINE_TEXT)
                        || (name == "form" && text_in(i) > FORM_TEXT)
                };
                if opens && is_boilerplate(name, tok) && !wrapper() {
                    // its end tag is swallowed with it, so a skipped `<a>` is not counted open
                    skip = Some((name.as_str(), 1));
                } else if name == "a" && opens {
                    in_link += 1;
                } else if opens && (BLOCK.contains(&name.as_str()) || name == "td") {
                    blocks.start(name, i, is_standfirst_mark(tok));
                }
            }
            Tok::End(name) => {
                if let Some((skipped, depth)) = skip.as_mut() {
                    if *skipped == name.as_str() {
                        *depth -= 1;
                        if *depth == 0 {
                            skip = None;
                        }
                    } else if name == "body"
                        || name == "html"
                        || (in_foreign(skip) && BLOCK.contains(&name.as_str()))
                    {
                        // An unclosed skipped element must not swallow the rest of the page;
                        // an unclosed `<svg>` ends where its parent does, as in a browser.
                        skip = None;
                    }
                    continue;
                }
                if BLOCK.contains(&name.as_str()) {
                    flush(&mut cur, &mut linked, &mut paras, &blocks, i);
                } else if name == "td" || name == "th" {
                    cur.push(' ');
                } else if name == "a" {
                    in_link = in_link.saturating_sub(1);
                }
                if BLOCK.contains(&name.as_str()) || name == "td" {
                    blocks.end(name, i);
                }
            }
            Tok::Text(text) => {
                if skip.is_none() {
                    let decoded = decode_html_entities(text);
                    if in_link > 0 {
                        linked += decoded.len();
                    }
                    cur.push_str(&decoded);
                }
            }
        }
    }
    flush(&mut cur, &mut linked, &mut paras, &blocks, toks.len());
    for p in &mut paras {
        if let Some(start) = p.container {
            p.container_end = blocks.ends.get(&start).copied().unwrap_or(toks.len());
        }
    }
    paras
}

/// Token ranges (exclusive of the tags) of the outermost `tag` elements.
fn outermost(toks: &[Tok], tag: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, tok) in toks.iter().enumerate() {
        match tok {
            Tok::Start {
                name,
                self_closing: false,
                ..
            } if name == tag => {
                if depth == 0 {
                    start = i + 1;
                }
                depth += 1;
            }
            Tok::End(name) if name == tag && depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    ranges.push((start, i));
                }
            }
            _ => {}
        }
    }
    if depth > 0 {
        ranges.push((start, toks.len()));
    }
    ranges
}

/// The paragraphs of the `<article>` with the most text, else of `<main>`, else of the page.
fn best_content(toks: &[Tok]) -> Vec<Block> {
    let text_len = |paras: &Vec<Block>| paras.iter().map(|p| p.text.len()).sum::<usize>();
    for tag in ["article", "main"] {
        let best = outermost(toks, tag)
            .into_iter()
            .filter_map(|(a, b)| toks.get(a..b))
            .map(extract)
            .max_by_key(text_len);
        // pages that do not mark their story often mark their teaser cards as articles
        let enough = |p: &Vec<Block>| tag != "article" || text_len(p) >= CARD_TEXT;
        if let Some(paras) = best.filter(|p| !p.is_empty() && enough(p)) {
            return paras;
        }
    }
    extract(toks)
}

/// Most text (bytes) of an `<article>` that is a teaser card (a headline and a summary), not
/// a story: when the page's largest `<article>` holds no more, the story is elsewhere.
const CARD_TEXT: usize = 400;

/// Text of the first `tag` element, decoded and whitespace-normalised; None when empty.
fn element_text(toks: &[Tok], tag: &str) -> Option<String> {
    let (a, b) = outermost(toks, tag).into_iter().next()?;
    let mut text = String::new();
    for tok in toks.get(a..b)? {
        if let Tok::Text(t) = tok {
            text.push_str(&decode_html_entities(t));
        }
    }
    Some(normalize(&text)).filter(|t| !t.is_empty())
}

/// `<meta>` names and properties that carry the publication date, in order of preference.
/// `datepublished` also ranks the schema.org `datePublished` of JSON-LD scripts and of
/// `itemprop` attributes on any element.
#[rustfmt::skip]
const DATE_META: &[&str] = &[
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "publication_date", "parsely-pub-date", "article.published",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date", "pdate",
];

/// Rank of schema.org `datePublished` in [`DATE_META`].
fn date_published_rank() -> usize {
    DATE_META
        .iter()
        .position(|k| *k == "datepublished")
        .unwrap_or(DATE_META.len())
}

/// A schema.org date property on an element: `<time itemprop="datePublished" datetime=...>`,
/// `<span itemprop="dateModified" content=...>`.
fn is_date_itemprop(tok: &Tok) -> bool {
    tok.attr("itemprop").is_some_and(|p| {
        ["datepublished", "datemodified", "datecreated"]
            .iter()
            .any(|d| p.trim().eq_ignore_ascii_case(d))
    })
}

/// The date of an element marked `itemprop="datePublished"` (not `<meta>`, read with the
/// other meta tags): its `content` or `datetime` attribute.
fn itemprop_date(tok: &Tok) -> Option<NaiveDate> {
    let published = tok
        .attr("itemprop")
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("datepublished"));
    if !published {
        return None;
    }
    tok.attr("content")
        .or_else(|| tok.attr("datetime"))
        .and_then(parse_iso_date)
}

/// `datePublished` in the text of a JSON-LD script. The text is searched rather than parsed:
/// the key may sit in a `@graph` list or a nested object, and pages often carry JSON-LD that a
/// strict parser refuses (trailing commas, raw line breaks), yet the date is still plain to read.
fn json_ld_date(script: &str) -> Option<NaiveDate> {
    script
        .match_indices("\"datePublished\"")
        .find_map(|(at, key)| {
            let rest = script.get(at + key.len()..)?.trim_start();
            let value = rest.strip_prefix(':')?.trim_start().strip_prefix('"')?;
            let end = value.find('"')?;
            parse_iso_date(value.get(..end)?)
        })
}

fn is_json_ld(tok: &Tok) -> bool {
    tok.attr("type")
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

fn read_metadata(toks: &[Tok], page: &mut HtmlPage) {
    let mut dates: Vec<(usize, NaiveDate)> = Vec::new();
    let mut time_date = None;
    let (mut json_ld_headline, mut json_ld_publisher) = (None, None);
    for (i, tok) in toks.iter().enumerate() {
        let Tok::Start { name, .. } = tok else {
            continue;
        };
        if name != "meta" {
            if let Some(date) = itemprop_date(tok) {
                dates.push((date_published_rank(), date));
            }
        }
        match name.as_str() {
            "script" if is_json_ld(tok) => {
                // A raw-text element: the tokenizer put its whole content in the next token.
                if let Some(Tok::Text(script)) = toks.get(i + 1) {
                    let article = crate::jsonld::article_meta(script);
                    let (headline, publisher) = article
                        .as_ref()
                        .map_or((None, None), |a| (a.headline.clone(), a.publisher.clone()));
                    json_ld_headline = json_ld_headline.or(headline);
                    json_ld_publisher = json_ld_publisher.or(publisher);
                    if let Some(date) = article
                        .and_then(|a| a.date)
                        .or_else(|| json_ld_date(script))
                    {
                        dates.push((date_published_rank(), date));
                    }
                }
            }
            "html" if page.language.is_none() => {
                page.language = tok
                    .attr("lang")
                    .and_then(|l| l.split(['-', '_']).next())
                    .map(|l| l.trim().to_lowercase())
                    .filter(|l| !l.is_empty());
            }
            "meta" => {
                let key = tok
                    .attr("property")
                    .or_else(|| tok.attr("name"))
                    .or_else(|| tok.attr("itemprop"))
                    .unwrap_or("")
                    .to_lowercase();
                let content = tok.attr("content").map(str::trim).filter(|c| !c.is_empty());
                let Some(content) = content else { continue };
                if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
                    if let Some(date) = parse_iso_date(content) {
                        dates.push((rank, date));
                    }
                } else if key == "og:url" && page.url.is_none() {
                    page.url = Some(content.to_string());
                } else if key == "og:site_name" {
                    page.site_name = Some(content.to_string());
                } else if key == "og:title" {
                    page.headline = Some(content.split_whitespace().collect::<Vec<_>>().join(" "));
                }
            }
            "link" => {
                let canonical = tok
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                if let (true, Some(href)) = (canonical, tok.attr("href")) {
                    // The canonical link wins over og:url: it is the page's own statement.
                    page.url = Some(href.trim().to_string())
                        .filter(|h| !h.is_empty())
                        .or(page.url.take());
                }
            }
            "time" if time_date.is_none() => {
                time_date = tok.attr("datetime").and_then(parse_iso_date);
            }
            _ => {}
        }
    }
    dates.sort_by_key(|(rank, _)| *rank);
    page.date = dates.first().map(|(_, d)| *d).or(time_date);
    page.headline = page.headline.take().or(json_ld_headline);
    page.site_name = page.site_name.take().or(json_ld_publisher);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerates_broken_markup() {
        let (title, text) = html_to_text("<p>one < two <b>bold<p>next <!-- unterminated");
        assert_eq!(title, None);
        assert_eq!(text, "one < two bold\n\nnext");
        // Nothing at all, or only a tag start, must not panic.
        for odd in [
            "",
            "<",
            "<a",
            "<a href='x",
            "</",
            "<!",
            "<!--",
            "<script>never closed",
            "<é>x",
        ] {
            let _ = html_to_text(odd);
        }
    }

    #[test]
    fn raw_text_elements_hide_their_markup() {
        let html = "<p>a</p><script>if (a < b) { document.write('<p>no</p>') }</script><p>b</p>";
        assert_eq!(html_to_text(html).1, "a\n\nb");
    }

    #[test]
    fn unclosed_skipped_element_stops_at_body_end() {
        let html = "<body><p>kept</p><div class='share'><p>gone</body>";
        assert_eq!(html_to_text(html).1, "kept");
    }

    #[test]
    fn largest_article_wins() {
        let html = "<article><p>Teaser.</p></article><article><p>The real story is longer than the teaser.</p></article>";
        assert_eq!(
            html_to_text(html).1,
            "The real story is longer than the teaser."
        );
    }

    #[test]
    fn metadata() {
        let html = r#"<html lang="en-US"><head><title>T</title>
            <meta property="og:site_name" content="Example News">
            <meta name="date" content="2023-09-19">
            <meta property="article:published_time" content="2023-09-20T08:00:00+03:00">
            <link rel="canonical" href="https://example.org/a"></head><body><p>x</p></body></html>"#;
        let page = parse_html(html);
        assert_eq!(page.language.as_deref(), Some("en"));
        assert_eq!(page.site_name.as_deref(), Some("Example News"));
        assert_eq!(page.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2023, 9, 20));
    }

    #[test]
    fn json_ld_date_published() {
        let june_25 = NaiveDate::from_ymd_opt(2024, 6, 25);
        assert_eq!(
            json_ld_date(
                r#"{"@graph": [{"datePublished" :
                "2024-06-25T10:00:00Z",}]}"#
            ),
            june_25
        );
        // The first readable one: an unreadable value does not stop the search.
        assert_eq!(
            json_ld_date(r#"{"datePublished": "June 25"}, {"datePublished": "2024-06-25"}"#),
            june_25
        );
        for bad in [
            "",
            r#"{"dateModified": "2024-06-25"}"#,
            r#"{"datePublished": 20240625}"#,
            r#"{"datePublished": "2024-06-25"#,
            r#""datePublished""#,
        ] {
            assert_eq!(json_ld_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn itemprop_dates_are_read_and_kept_out_of_the_text() {
        let html = r#"<script type="Application/LD+JSON">{"datePublished": "2024-06-24"}</script>
            <article><p>By Staff <time itemprop="datePublished" datetime="2024-06-25">June 25</time></p>
            <p>NAIROBI, June 25 (Reuters) - Police fired.</p></article>"#;
        let page = parse_html(html);
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 6, 24));
        assert_eq!(
            page.text,
            "By Staff\n\nNAIROBI, June 25 (Reuters) - Police fired."
        );
        let page =
            parse_html(r#"<span itemprop="datePublished" content="2024-06-25">x</span><p>y</p>"#);
        assert_eq!(page.date, NaiveDate::from_ymd_opt(2024, 6, 25));
        assert_eq!(page.text, "y");
    }

    #[test]
    fn the_story_runs_from_its_opening_sentence_to_its_last() {
        let html = "<body><div class=top>Sunday 18 May 2025 | E-paper | Log in</div>\
            <h2>EU agrees new sanctions</h2><div>By Claire Dubois</div><div>18.05.2025 16:05 | 3 min read</div>\
            <p>BRUSSELS, May 18 - The European Union agreed new sanctions on Sunday against tankers.</p>\
            <h3>What comes next</h3><p>Hungary did not vote.</p><ul><li>Ten tankers listed</li></ul>\
            <div>Tags: <a href=/eu>EU</a>, <a href=/ru>Russia</a>, <a href=/s>sanctions</a></div>\
            <ul><li><a href=/a>Most read: Oil prices rise</a></li></ul></body>";
        let page = parse_html(html);
        assert_eq!(
            page.text,
            "BRUSSELS, May 18 - The European Union agreed new sanctions on Sunday against tankers.\n\nWhat comes next\n\nHungary did not vote.\n\nTen tankers listed"
        );
    }

    #[test]
    fn a_head_without_its_end_tag_ends_at_the_body() {
        let html = "<html><head><meta charset=utf-8><title>T</title>\n<body><div class=nav><a href=/>Home</a></div>\n<p>Kyiv said on Monday that talks would resume.<p>Moscow did not answer.";
        let page = parse_html(html);
        assert_eq!(
            page.text,
            "Kyiv said on Monday that talks would resume.\n\nMoscow did not answer."
        );
        assert_eq!(page.title.as_deref(), Some("T"));
    }

    #[test]
    fn duplicate_headline_is_dropped_from_the_text() {
        let html = "<title>Talks resume - Example News</title><article><h1>Talks resume</h1><p>GENEVA — Talks resumed.</p></article>";
        let page = parse_html(html);
        assert_eq!(page.title.as_deref(), Some("Talks resume - Example News"));
        assert_eq!(page.text, "GENEVA — Talks resumed.");
    }

    #[test]
    fn credits_and_copyright_lines_close_no_story() {
        let html = "<body><div class=story><p>BEIRUT, Jan 9 - Talks on the border resumed on Thursday, officials said.</p>\
            <p>Both sides said progress had been made.</p>\
            <p>(Reporting by Jane Roe; Editing by John Doe)</p>\
            <p>Source: agencies</p></div>\
            <div class=foot>\u{a9} 2025 Example Press. All rights reserved.</div></body>";
        assert_eq!(
            parse_html(html).text,
            "BEIRUT, Jan 9 - Talks on the border resumed on Thursday, officials said.\n\nBoth sides said progress had been made."
        );
        assert!(is_credit("Copyright 2025 Example News"));
        assert!(is_credit("Additional reporting by A. Writer in Geneva."));
        assert!(!is_credit("The source said the talks would resume."));
    }

    #[test]
    fn a_linked_headline_is_no_story_sentence() {
        let html = "<body><div><p>NAIROBI, June 25 - Police fired tear gas at protesters on Tuesday.</p></div>\
            <div>Print</div><ol><li><a href=/1>Finance bill: why are people angry?</a></li></ol>\
            <p><a href=/f.pdf>Download the statement (PDF, 118 KB).</a></p></body>";
        assert_eq!(
            parse_html(html).text,
            "NAIROBI, June 25 - Police fired tear gas at protesters on Tuesday."
        );
    }

    #[test]
    fn a_standfirst_marked_by_class_is_not_the_opening() {
        let html = "<article><h1>Talks resume</h1><p class=article-dek>Both sides return to the table after a month of fighting.</p>\
            <p class=byline>By A. Writer</p><div class=text-with-summary><p>GENEVA, May 2 - Talks resumed on Friday, the mediators said.</p>\
            <p>Both delegations arrived in the morning.</p></div></article>";
        assert_eq!(
            parse_html(html).text,
            "GENEVA, May 2 - Talks resumed on Friday, the mediators said.\n\nBoth delegations arrived in the morning."
        );
        // an element so marked that holds several paragraphs is the story, not a standfirst
        let html = "<div class=summary><p>GENEVA, May 2 - Talks resumed on Friday, the mediators said.</p>\
            <p>Both delegations arrived in the morning.</p></div>";
        assert!(parse_html(html).text.starts_with("GENEVA"));
        let html =
            "<p itemprop=description>Both sides return to the table after a month of fighting.</p>\
            <p class=intro>GENEVA, May 2 - Talks resumed on Friday, the mediators said.</p>";
        assert!(parse_html(html).text.starts_with("GENEVA"));
    }

    #[test]
    fn teaser_cards_marked_as_articles_do_not_hide_the_story() {
        let story = "<p>LIMA, May 2 - Bus drivers stopped work across the capital on Friday to protest against extortion by gangs, their union said.</p>".repeat(4);
        let html = format!(
            "<body><div class=story>{story}</div><article class=card><h3><a href=/x>Other news</a></h3><p>A short summary of another story.</p></article></body>"
        );
        assert!(parse_html(&html).text.starts_with("LIMA, May 2"));
        // a real story in an <article> is still preferred to the page around it
        let html = format!(
            "<body><div>Menu text here for the whole site.</div><article>{story}</article></body>"
        );
        assert!(
            parse_html(&html).text.starts_with("LIMA") && !parse_html(&html).text.contains("Menu")
        );
    }

    #[test]
    fn an_unclosed_svg_ends_where_a_browser_ends_it() {
        let story =
            "<p>KYIV, March 4 - Russian drones struck power plants overnight, officials said.</p>";
        for html in [
            format!("<div><svg viewBox='0 0 1 1'><path d='M0 0'/></div>{story}"),
            format!("<svg><g><text>icon</text></g>{story}"),
            format!("<math><mi>x</mi>{story}"),
        ] {
            assert!(parse_html(&html).text.starts_with("KYIV"), "{html}");
            assert!(!parse_html(&html).text.contains("icon"));
        }
    }

    #[test]
    fn a_form_around_the_whole_page_is_read_and_a_small_form_is_not() {
        let para = "<p>JUBA, May 2 - The election commission said on Friday that the vote would be held in December, after a year of delays and disputes over the census.</p>";
        let html = format!(
            "<body><form id=aspnetForm><div class=nav>Home</div>{}</form></body>",
            para.repeat(16)
        );
        assert!(parse_html(&html).text.starts_with("JUBA, May 2"));
        let html = format!("<form class=search><p>Search the site for stories about elections and votes.</p></form>{para}");
        assert!(
            parse_html(&html).text.starts_with("JUBA")
                && !parse_html(&html).text.contains("Search")
        );
    }

    #[test]
    fn an_unclosed_byline_around_the_story_does_not_hide_it() {
        let story = "Leaders agreed on Sunday to give the three states six more months. ".repeat(6);
        let html = format!(
            "<body><h1>Leaders agree</h1><div class=byline>By A. Writer <span>Dec 15</span>\
             <div class=story><p>ABUJA, Dec 15 - {story}</p><p>The bloc will meet again.</p></div>\
             <div class=tags><a href=/t>Tags</a></div></body>"
        );
        let text = parse_html(&html).text;
        assert!(text.starts_with("ABUJA, Dec 15 - Leaders agreed"), "{text}");
        assert!(text.ends_with("The bloc will meet again."), "{text}");
        // a byline of byline length is still left out
        let html = "<div class=byline>By A. Writer</div><p>ABUJA, Dec 15 - Leaders agreed on Sunday to wait.</p>";
        assert_eq!(
            parse_html(html).text,
            "ABUJA, Dec 15 - Leaders agreed on Sunday to wait."
        );
    }

    #[test]
    fn element_extents_follow_same_name_nesting() {
        let toks = tokenize("<div><div>ab</div><script>xx</script>c</div><p>d");
        let (ends, text) = element_extents(&toks);
        // 0 <div>, 1 <div>, 2 ab, 3 </div>, 4 <script>, 5 xx, 6 </script>, 7 c, 8 </div>, 9 <p>, 10 d
        assert_eq!(ends.first(), Some(&8));
        assert_eq!(ends.get(1), Some(&3));
        assert_eq!(ends.get(9), Some(&toks.len()));
        assert_eq!(text.get(8), Some(&3));
        assert_eq!(text.last(), Some(&4));
    }

    #[test]
    fn teaser_cards_after_the_story_are_left_out() {
        let html = "<main><section><p>CHISINAU, Sept 29 - The ruling party kept its majority, officials said.</p>\
            <p>Turnout was 52%.</p></section><section><h2>More from the region</h2>\
            <div class=card><h3><a href=/a>Romania raises taxes</a></h3><p>The government plans to raise VAT.</p></div>\
            <div class=card><h3><a href=/b>Georgia votes</a></h3><p>Opposition parties will boycott the vote.</p></div></section></main>";
        assert_eq!(
            parse_html(html).text,
            "CHISINAU, Sept 29 - The ruling party kept its majority, officials said.\n\nTurnout was 52%."
        );
        // a linked headline over a story of several paragraphs does not make it a teaser
        let html = "<div><h2><a href=/p>Talks resume</a></h2><p>GENEVA, May 2 - Talks resumed on Friday, mediators said.</p>\
            <p>Both delegations arrived in the morning.</p></div>";
        assert!(parse_html(html).text.starts_with("GENEVA"));
    }

    #[test]
    fn after_the_last_sentence_only_its_own_container_is_kept() {
        // the closing list sits in the story's container; the contact box, the links and the
        // address line after it do not
        let html = "<body><div class=body><p>ASTANA, Aug 21 - The ministry welcomed the agreement on Thursday.</p>\
            <p>It listed three points.</p><ul><li>Recognition of borders</li><li>Diplomatic ties</li></ul></div>\
            <div class=contact><div>Press service</div><p>Tel. 000 00 00</p></div>\
            <div>Print | <a href=/send>Send to a friend</a></div><div>Main Street 1, Astana</div></body>";
        assert_eq!(
            parse_html(html).text,
            "ASTANA, Aug 21 - The ministry welcomed the agreement on Thursday.\n\nIt listed three points.\n\nRecognition of borders\n\nDiplomatic ties"
        );
    }

    #[test]
    fn a_skipped_link_does_not_leave_the_text_after_it_linked() {
        let html =
            "<a class=menu href=/>Home</a><p>Kyiv said on Monday that talks would resume soon.</p>";
        let toks = tokenize(html);
        let blocks = extract(&toks);
        assert_eq!(blocks.len(), 1);
        assert!(blocks.iter().all(|b| !b.is_links()));
    }

    #[test]
    fn unclosed_paragraphs_and_items_close_at_the_next_one() {
        let html = "<div id=s><p>One sentence here.<p>Two sentence here.<ul><li>a<li>b</ul></div>";
        let toks = tokenize(html);
        let blocks = extract(&toks);
        // tokens: 0 <div>, 5 <ul>, 10 </ul>, 11 </div>
        let at: Vec<_> = blocks
            .iter()
            .map(|b| (b.container, b.container_end))
            .collect();
        assert_eq!(
            at,
            [(Some(0), 11), (Some(0), 11), (Some(5), 10), (Some(5), 10)]
        );
    }
}
