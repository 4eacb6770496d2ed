//! HTTP for dyad: the feeds `dyad watch` polls and the article pages feed items link to.
//!
//! # Design
//!
//! * **Bounded.** Every request has a connect timeout and a total timeout (which covers reading
//!   the body), a redirect limit (a loop ends there) and a size limit checked against
//!   `Content-Length` before reading and enforced while reading, so a hostile or broken server
//!   costs at most a known time and memory. Bodies are not decompressed (no `Accept-Encoding`
//!   is sent), so there is no decompression bomb to defuse.
//! * **Polite.** A User-Agent naming dyad and where to read about it; each site's
//!   `robots.txt` is read once a day ([`robots`]) and obeyed for the article pages dyad finds
//!   in feeds, with its `Crawl-delay` kept between requests to the site. The feeds themselves
//!   are what the user listed, so they are fetched as a feed reader would, without asking.
//! * **Pages from public addresses only** ([`address`]): the links in a feed are anyone's, so an
//!   article page (and its redirects) is fetched only from public addresses, never from
//!   loopback, private or link-local ones (a cloud metadata service, an intranet), unless
//!   [`FetchOptions::private_pages`] allows them. The feeds are the operator's list and may be
//!   anywhere.
//! * **Cheap to poll.** [`Fetcher::get`] sends `If-None-Match` and `If-Modified-Since` from the
//!   [`Validators`] of the previous fetch and returns [`Fetched::NotModified`] on a 304.
//! * **Errors say what happened** ([`FetchError`]): the status, the timeout, the redirect
//!   loop, the size; the caller reports them per feed or item and carries on.
//!
//! The client is `reqwest`'s blocking one over rustls with Mozilla's root certificates
//! compiled in, so the binary needs no system TLS library.

mod address;
mod page;
mod robots;

use std::collections::HashMap;
use std::io::Read;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::header::{
    HeaderMap, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED,
};
use reqwest::{StatusCode, Url};

use robots::Robots;

/// The product token sites name in `robots.txt` to address dyad.
pub const ROBOTS_AGENT: &str = "dyad";

/// The User-Agent dyad sends: its name, version and where to read about it.
pub fn user_agent() -> String {
    format!(
        "dyad/{} (+{}; news event coding)",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

/// Limits of each request.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Whole request, from connecting to the last byte of the body (default 30 s).
    pub timeout: Duration,
    /// Connecting, TLS included (default 10 s).
    pub connect_timeout: Duration,
    /// Redirects followed before giving up (default 5).
    pub max_redirects: usize,
    /// Largest article page, in bytes (default 8 MB).
    pub max_page_bytes: usize,
    /// Obey robots.txt for article pages (default true; tests of other things turn it off).
    pub robots: bool,
    /// Fetch article pages from loopback, private and link-local addresses too (default false:
    /// public addresses only; `--fetch-private`).
    pub private_pages: bool,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 5,
            max_page_bytes: 8_000_000,
            robots: true,
            private_pages: false,
        }
    }
}

/// Largest robots.txt read; RFC 9309 asks crawlers to read at least 500 KiB.
const ROBOTS_BYTES: usize = 512 * 1024;
/// How long a site's robots.txt is trusted (RFC 9309: no more than 24 hours).
const ROBOTS_TTL: Duration = Duration::from_secs(24 * 3600);

/// What a server said last time, sent back to ask "anything new?".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The `ETag` response header.
    pub etag: Option<String>,
    /// The `Last-Modified` response header.
    pub last_modified: Option<String>,
}

/// A successful fetch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    /// 304: nothing changed since the validators were given.
    NotModified,
    /// The body, whole.
    Body(Body),
}

/// A response body and what came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// The bytes, at most the limit asked for.
    pub bytes: Vec<u8>,
    /// The URL after redirects.
    pub url: String,
    /// To send with the next request for the same URL.
    pub validators: Validators,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
}

/// Why a fetch failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// Not an http(s) URL.
    #[error("not an http(s) URL: {0}")]
    BadUrl(String),
    /// The site's robots.txt disallows the page for dyad.
    #[error("robots.txt of {0} disallows it for dyad")]
    Robots(String),
    /// A status other than 2xx or 304.
    #[error("HTTP {code} {reason}")]
    Status {
        /// The status code.
        code: u16,
        /// Its reason phrase.
        reason: String,
    },
    /// More bytes than the limit.
    #[error("larger than the limit of {limit} bytes")]
    TooLarge {
        /// The limit.
        limit: usize,
    },
    /// No complete response within the time allowed.
    #[error("timed out after {0:?}")]
    TimedOut(Duration),
    /// Redirected more often than allowed (or in a loop).
    #[error("more than {0} redirects (a redirect loop?)")]
    Redirects(usize),
    /// An article page at (or redirected to) a loopback, private or link-local address.
    #[error("{0} is not a public address: pages are fetched from public addresses only (--fetch-private allows others)")]
    NotPublic(String),
    /// A page that is not HTML.
    #[error("not an HTML page ({0})")]
    NotHtml(String),
    /// Connection, TLS or protocol failure.
    #[error("{0}")]
    Network(String),
}

impl FetchError {
    /// Whether a later attempt may succeed: network trouble, timeouts and 5xx/429, not a 404
    /// or a robots.txt refusal.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Status { code, .. } => *code >= 500 || *code == 429,
            FetchError::TimedOut(_) | FetchError::Network(_) => true,
            _ => false,
        }
    }
}

/// A site's robots.txt as read at some moment.
struct SiteRules {
    robots: Robots,
    read: Instant,
    /// When the next request to the site may go, after its Crawl-delay.
    next: Instant,
}

/// An HTTP client with dyad's limits and manners. Shareable between threads.
pub struct Fetcher {
    /// For the feeds (the operator's list: any address).
    client: reqwest::blocking::Client,
    /// For article pages and their robots.txt: public addresses only, unless
    /// `private_pages`.
    page_client: reqwest::blocking::Client,
    opts: FetchOptions,
    sites: Mutex<HashMap<String, SiteRules>>,
}

impl Fetcher {
    /// A client with `opts`.
    pub fn new(opts: FetchOptions) -> Result<Fetcher, FetchError> {
        let builder = || {
            reqwest::blocking::Client::builder()
                .user_agent(user_agent())
                .timeout(opts.timeout)
                .connect_timeout(opts.connect_timeout)
        };
        let client = builder()
            .redirect(reqwest::redirect::Policy::limited(opts.max_redirects))
            .build()
            .map_err(|e| FetchError::Network(chain(&e)))?;
        let page_client = if opts.private_pages {
            client.clone()
        } else {
            let max = opts.max_redirects;
            builder()
                .dns_resolver(std::sync::Arc::new(address::PublicOnly))
                .redirect(reqwest::redirect::Policy::custom(move |attempt| {
                    if let Some(ip) = address::private_literal(attempt.url()) {
                        attempt.error(address::NotPublic(ip.to_string()))
                    } else if attempt.previous().len() >= max {
                        attempt.error(format!("more than {max} redirects"))
                    } else {
                        attempt.follow()
                    }
                }))
                .build()
                .map_err(|e| FetchError::Network(chain(&e)))?
        };
        Ok(Fetcher {
            client,
            page_client,
            opts,
            sites: Mutex::new(HashMap::new()),
        })
    }

    /// The limits in force.
    pub fn options(&self) -> &FetchOptions {
        &self.opts
    }

    /// GETs `url`, conditionally on `since`, reading at most `limit` bytes of body.
    pub fn get(&self, url: &str, since: &Validators, limit: usize) -> Result<Fetched, FetchError> {
        let url = http_url(url)?;
        self.get_url(&self.client, url, since, limit)
    }

    fn get_url(
        &self,
        client: &reqwest::blocking::Client,
        url: Url,
        since: &Validators,
        limit: usize,
    ) -> Result<Fetched, FetchError> {
        let mut request = client.get(url);
        if let Some(etag) = &since.etag {
            request = request.header(IF_NONE_MATCH, etag);
        }
        if let Some(date) = &since.last_modified {
            request = request.header(IF_MODIFIED_SINCE, date);
        }
        let response = request.send().map_err(|e| self.classify(&e))?;
        let status = response.status();
        if status == StatusCode::NOT_MODIFIED {
            return Ok(Fetched::NotModified);
        }
        if !status.is_success() {
            return Err(FetchError::Status {
                code: status.as_u16(),
                reason: status.canonical_reason().unwrap_or("").to_string(),
            });
        }
        if response
            .content_length()
            .is_some_and(|n| n > u64::try_from(limit).unwrap_or(u64::MAX))
        {
            return Err(FetchError::TooLarge { limit });
        }
        let headers = response.headers().clone();
        let final_url = response.url().to_string();
        let mut bytes = Vec::new();
        response
            .take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| self.classify_io(&e))?;
        if bytes.len() > limit {
            return Err(FetchError::TooLarge { limit });
        }
        Ok(Fetched::Body(Body {
            bytes,
            url: final_url,
            validators: Validators {
                etag: header(&headers, ETAG),
                last_modified: header(&headers, LAST_MODIFIED),
            },
            content_type: header(&headers, CONTENT_TYPE),
        }))
    }

    /// The HTML of an article page, decoded to text: robots.txt obeyed, the site's
    /// Crawl-delay kept, at most [`FetchOptions::max_page_bytes`].
    pub fn page(&self, url: &str) -> Result<String, FetchError> {
        let url = http_url(url)?;
        if !self.opts.private_pages {
            if let Some(ip) = address::private_literal(&url) {
                return Err(FetchError::NotPublic(ip.to_string()));
            }
        }
        if self.opts.robots {
            self.wait_for_site(&url)?;
        }
        let limit = self.opts.max_page_bytes;
        match self.get_url(&self.page_client, url, &Validators::default(), limit)? {
            Fetched::NotModified => Err(FetchError::Status {
                code: 304,
                reason: "Not Modified, to a request that asked for the page".into(),
            }),
            Fetched::Body(body) => page::decode(&body),
        }
    }

    /// Checks robots.txt for `url` (reading it if not known or stale) and sleeps out the
    /// site's Crawl-delay.
    fn wait_for_site(&self, url: &Url) -> Result<(), FetchError> {
        let site = url.origin().ascii_serialization();
        let mut path = url.path().to_string();
        if let Some(q) = url.query() {
            path.push('?');
            path.push_str(q);
        }
        let known = self
            .sites
            .lock()
            .ok()
            .and_then(|s| s.get(&site).map(|r| r.read.elapsed() < ROBOTS_TTL))
            .unwrap_or(false);
        if !known {
            let robots = self.read_robots(url);
            if let Ok(mut sites) = self.sites.lock() {
                let now = Instant::now();
                sites.insert(
                    site.clone(),
                    SiteRules {
                        robots,
                        read: now,
                        next: now,
                    },
                );
            }
        }
        let wait = {
            let mut sites = self
                .sites
                .lock()
                .map_err(|_| FetchError::Network("robots cache poisoned".into()))?;
            let Some(rules) = sites.get_mut(&site) else {
                return Ok(());
            };
            if !rules.robots.allows(&path) {
                return Err(FetchError::Robots(site));
            }
            let now = Instant::now();
            let start = rules.next.max(now);
            rules.next = start + rules.robots.crawl_delay().unwrap_or_default();
            start - now
        };
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
        Ok(())
    }

    /// The site's robots.txt rules for dyad: none found (4xx) allows everything; a site
    /// that cannot say (5xx, network error) allows nothing, as RFC 9309 asks.
    fn read_robots(&self, url: &Url) -> Robots {
        let Ok(robots_url) = url.join("/robots.txt") else {
            return Robots::allow_all();
        };
        match self.get_url(
            &self.page_client,
            robots_url,
            &Validators::default(),
            ROBOTS_BYTES,
        ) {
            Ok(Fetched::Body(body)) => {
                Robots::parse(&String::from_utf8_lossy(&body.bytes), ROBOTS_AGENT)
            }
            Err(FetchError::Status { code, .. }) if (400..500).contains(&code) => {
                Robots::allow_all()
            }
            // the page itself will be refused with the reason
            Err(FetchError::NotPublic(_)) => Robots::allow_all(),
            Ok(Fetched::NotModified) => Robots::allow_all(),
            Err(_) => Robots::disallow_all(),
        }
    }

    fn classify(&self, e: &reqwest::Error) -> FetchError {
        if let Some(refused) = cause::<address::NotPublic>(e) {
            FetchError::NotPublic(refused.0.clone())
        } else if e.is_timeout() {
            FetchError::TimedOut(self.opts.timeout)
        } else if e.is_redirect() {
            FetchError::Redirects(self.opts.max_redirects)
        } else if e.is_connect() {
            FetchError::Network(format!("cannot connect: {}", innermost(e)))
        } else {
            FetchError::Network(chain(e))
        }
    }

    fn classify_io(&self, e: &std::io::Error) -> FetchError {
        let inner = e.get_ref().and_then(|i| i.downcast_ref::<reqwest::Error>());
        match inner {
            Some(r) => self.classify(r),
            None if e.kind() == std::io::ErrorKind::TimedOut => {
                FetchError::TimedOut(self.opts.timeout)
            }
            None => FetchError::Network(e.to_string()),
        }
    }
}

impl dyad_ingest::PageSource for Fetcher {
    fn page(&self, url: &str) -> Result<String, String> {
        Fetcher::page(self, url).map_err(|e| e.to_string())
    }
}

/// `url` parsed, if it is http or https.
fn http_url(url: &str) -> Result<Url, FetchError> {
    let parsed = Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(format!("{url} ({e})")))?;
    if matches!(parsed.scheme(), "http" | "https") {
        Ok(parsed)
    } else {
        Err(FetchError::BadUrl(url.to_string()))
    }
}

fn header(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

/// The first error of type `T` among `e` and its causes.
fn cause<'e, T: std::error::Error + 'static>(
    e: &'e (dyn std::error::Error + 'static),
) -> Option<&'e T> {
    let mut next = Some(e);
    while let Some(err) = next {
        if let Some(found) = err.downcast_ref::<T>() {
            return Some(found);
        }
        next = err.source();
    }
    None
}

/// The deepest cause of an error: for a failed connection, the system's reason ("Connection
/// refused (os error 111)", "failed to lookup address information").
fn innermost(e: &dyn std::error::Error) -> String {
    let mut last = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        last = s.to_string();
        source = s.source();
    }
    last
}

/// An error with its causes, which is where reqwest puts the useful part ("connection
/// refused", "invalid peer certificate").
fn chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}
