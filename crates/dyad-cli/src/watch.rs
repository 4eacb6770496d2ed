//! `dyad watch FEEDS.txt`: keeps a store current from news feeds; `dyad ingest --watch
//! FOLDER`: from files dropped into a folder.
//!
//! Each round polls every feed once, in the file's order: a conditional GET with the
//! validators the store kept from the last 200, then, for each item the store has not seen,
//! its page if the fetch policy asks for it, then coding and storing ([`Keeper`]), then the
//! item is recorded as seen. A failing feed is logged and skipped; transient failures (5xx,
//! timeouts, network) back its host off for `--every` × 2^(failures − 1), capped at a day,
//! and that is kept in the store, so a restart neither hammers a failing host nor forgets
//! what it read. A crash at any point loses nothing: an item is recorded only after its
//! document is stored, and a document already stored is never fetched or stored again.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use dyad_fetch::{FetchError, FetchOptions, Fetched, Fetcher, Validators};
use dyad_ingest::{Document, FeedItem, IngestError, IngestOptions};
use dyad_store::{FileStamp, PollRecord, WatchLock};

use crate::ingest::{IngestArgs, Keeper, Tally};
use crate::progress::Progress;
use crate::FetchWhich;

#[derive(clap::Args)]
pub struct WatchArgs {
    /// A file of feed URLs (RSS or Atom), one per line; blank lines and `#` comments are skipped.
    pub feeds: PathBuf,
    /// The store file (created if absent).
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    /// Time between rounds of polls (e.g. 15m, 1h, 90s).
    #[arg(long, default_value = "15m", value_parser = parse_every)]
    pub every: Duration,
    /// Poll every feed once and exit (for cron or a systemd timer).
    #[arg(long)]
    pub once: bool,
    /// Which items' linked pages are read for their text: `summaries` (items that carry only
    /// a short summary), `always`, or `never`.
    #[arg(long, value_enum, default_value = "summaries")]
    pub fetch: FetchWhich,
    /// Read pages from loopback, private and link-local addresses too (by default a feed's
    /// links are followed to public addresses only: a hostile feed could point at a metadata
    /// service or an intranet). The feeds themselves may be anywhere.
    #[arg(long)]
    pub fetch_private: bool,
    /// Seconds a request (feed or page) may take, body included.
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
    /// Largest document accepted, in bytes; a feed may be 16 times larger, a page 4 times.
    #[arg(long, default_value_t = dyad_ingest::DEFAULT_MAX_BYTES)]
    pub max_doc_bytes: usize,
    #[command(flatten)]
    pub coding: crate::runs::CodingArgs,
    /// Event mentions of one type with compatible sides and places merge into one event when
    /// their dates are at most this many days apart.
    #[arg(long, default_value_t = 1)]
    pub merge_days: i64,
}

/// `--every`: a number with a unit, `s`, `m`, `h` or `d` (`15m`); a bare number is seconds.
pub fn parse_every(value: &str) -> Result<Duration, String> {
    let v = value.trim();
    let split = v.find(|c: char| !c.is_ascii_digit()).unwrap_or(v.len());
    let (n, unit) = v.split_at(split);
    let n: u64 = n
        .parse()
        .map_err(|_| format!("expected a duration like 15m, 1h or 30s, not `{value}`"))?;
    let secs = match unit.trim() {
        "" | "s" => n,
        "m" => n.saturating_mul(60),
        "h" => n.saturating_mul(3600),
        "d" => n.saturating_mul(86_400),
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{value}`: use s, m, h or d"
            ))
        }
    };
    if secs == 0 {
        return Err("the interval must be at least 1s".into());
    }
    Ok(Duration::from_secs(secs))
}

/// Longest a host is backed off.
const MAX_BACKOFF: Duration = Duration::from_secs(24 * 3600);

/// Set at SIGINT or SIGTERM: the watch finishes the item at hand, records it, and stops.
fn stop_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    let set = flag.clone();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            let _ = ready_tx.send(());
            return;
        };
        runtime.block_on(async move {
            use tokio::signal::unix::{signal, SignalKind};
            let (Ok(mut int), Ok(mut term)) = (
                signal(SignalKind::interrupt()),
                signal(SignalKind::terminate()),
            ) else {
                let _ = ready_tx.send(());
                return;
            };
            let _ = ready_tx.send(());
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
            set.store(true, Ordering::SeqCst);
        });
    });
    // the handlers are in place before the first poll
    let _ = ready_rx.recv_timeout(Duration::from_secs(5));
    flag
}

/// Sleeps `wait`, waking early when `stop` is set.
fn sleep_unless_stopped(wait: Duration, stop: &AtomicBool) {
    let end = Instant::now() + wait;
    while !stop.load(Ordering::SeqCst) {
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(200)));
    }
}

fn log(line: &str) {
    eprintln!(
        "{} {line}",
        Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    );
}

/// The feed URLs of a feeds file; a line that is no http(s) URL is an error naming it.
fn read_feed_list(path: &Path) -> Result<Vec<String>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read the feed list", path.display()))?;
    let mut urls = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if !(line.starts_with("http://") || line.starts_with("https://")) {
            anyhow::bail!(
                "{}:{}: `{line}` is not a feed URL (http:// or https://); one URL per line, `#` for comments",
                path.display(),
                i + 1
            );
        }
        if !urls.iter().any(|u| u == line) {
            urls.push(line.to_string());
        }
    }
    if urls.is_empty() {
        anyhow::bail!("{}: no feed URLs in the file", path.display());
    }
    Ok(urls)
}

/// The host part of a URL, for backing off (`host:port`).
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_string()
}

fn backoff(every: Duration, failures: u32) -> chrono::Duration {
    let factor = 1u32
        .checked_shl(failures.saturating_sub(1).min(20))
        .unwrap_or(u32::MAX);
    let wait = every.saturating_mul(factor).min(MAX_BACKOFF);
    chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::hours(24))
}

pub fn run(args: WatchArgs) -> Result<ExitCode> {
    let feeds = read_feed_list(&args.feeds)?;
    let _lock = WatchLock::take(&args.store)?;
    let mut keeper = Keeper::open(&args.store, &args.coding, args.merge_days)?;
    let fetcher = Fetcher::new(FetchOptions {
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_page_bytes: args
            .max_doc_bytes
            .saturating_mul(dyad_ingest::HTML_SIZE_FACTOR),
        private_pages: args.fetch_private,
        ..FetchOptions::default()
    })?;
    let stop = stop_flag();
    log(&format!(
        "watching {} feeds into {}, {}; Ctrl-C stops",
        feeds.len(),
        args.store.display(),
        if args.once {
            "once".to_string()
        } else {
            format!("every {}", humanize(args.every))
        }
    ));
    let poller = Poller {
        fetcher: &fetcher,
        args: &args,
        stop: &stop,
        opts: IngestOptions {
            max_bytes: args.max_doc_bytes,
            default_date: None,
        },
    };
    let mut failed_last_round;
    loop {
        let round = Instant::now();
        failed_last_round = false;
        for url in &feeds {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            failed_last_round |= !poller.poll(url, &mut keeper)?;
        }
        if args.once || stop.load(Ordering::SeqCst) {
            break;
        }
        sleep_unless_stopped(args.every.saturating_sub(round.elapsed()), &stop);
        if stop.load(Ordering::SeqCst) {
            break;
        }
    }
    keeper.close()?;
    log(if stop.load(Ordering::SeqCst) {
        "stopped; the next start carries on from here"
    } else {
        "done"
    });
    Ok(if failed_last_round && args.once {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn humanize(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

struct Poller<'a> {
    fetcher: &'a Fetcher,
    args: &'a WatchArgs,
    stop: &'a AtomicBool,
    opts: IngestOptions,
}

/// What a poll did with a feed's items (beyond what [`Tally`] counts of storing them).
#[derive(Default)]
struct ItemCounts {
    seen: usize,
    failed: usize,
    retry: usize,
}

impl Poller<'_> {
    /// Polls one feed, logging a line; false if it failed.
    fn poll(&self, url: &str, keeper: &mut Keeper) -> Result<bool> {
        let started = Instant::now();
        let host = host_of(url);
        if let Some(at) = keeper.store.host_retry_at(&host)? {
            if at > Utc::now() {
                log(&format!(
                    "{url}: skipped, {host} is backed off until {}",
                    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                ));
                return Ok(false);
            }
        }
        let state = keeper.store.feed_state(url)?.unwrap_or_default();
        let since = Validators {
            etag: state.etag.clone(),
            last_modified: state.last_modified.clone(),
        };
        let limit = self
            .args
            .max_doc_bytes
            .saturating_mul(dyad_ingest::FEED_SIZE_FACTOR);
        let body = match self.fetcher.get(url, &since, limit) {
            Ok(Fetched::NotModified) => {
                let line = format!(
                    "not modified (304) in {:.1} s",
                    started.elapsed().as_secs_f64()
                );
                keeper.store.host_ok(&host)?;
                keeper
                    .store
                    .record_poll(url, &PollRecord::NotModified { line: &line })?;
                log(&format!("{url}: {line}"));
                return Ok(true);
            }
            Ok(Fetched::Body(body)) => body,
            Err(e) => return self.failed(url, &host, &e.to_string(), e.is_transient(), keeper),
        };
        keeper.store.host_ok(&host)?;
        let feed = match dyad_ingest::parse_feed(&body.bytes, url) {
            Ok(feed) => feed,
            Err(e) => return self.failed(url, &host, &e.message, false, keeper),
        };
        let mut counts = ItemCounts::default();
        let mut tally = Tally::default();
        let quiet = Progress::hidden();
        for item in &feed.items {
            if self.stop.load(Ordering::SeqCst) {
                break;
            }
            let key = item.id.clone();
            if keeper.store.item_seen(url, &key)? {
                counts.seen += 1;
                continue;
            }
            if keeper.store.has_document(&key)? {
                keeper.store.record_item(
                    url,
                    &key,
                    item.link.as_deref(),
                    Some(&key),
                    "already stored",
                )?;
                counts.seen += 1;
                continue;
            }
            match self.item_document(item, url, feed.title.as_deref()) {
                Ok(doc) => {
                    // stored one by one, each then recorded: a crash loses at most the item
                    // at hand, which the next poll reads again
                    let id = doc.id.clone();
                    let skipped = tally.summary.skipped;
                    keeper.keep(std::iter::once(Ok(doc)), &mut tally, &quiet)?;
                    // one over the time budget was reported by `keep` and is given up
                    let (document, outcome) = if tally.summary.skipped > skipped {
                        counts.failed += 1;
                        (None, "not stored: coding took longer than the time budget")
                    } else {
                        (Some(id.as_str()), "stored")
                    };
                    keeper
                        .store
                        .record_item(url, &key, item.link.as_deref(), document, outcome)?;
                }
                Err((e, retry)) => {
                    log(&format!(
                        "{url}: {e}{}",
                        if retry {
                            " (tried again next poll)"
                        } else {
                            ""
                        }
                    ));
                    if retry {
                        counts.retry += 1;
                    } else {
                        counts.failed += 1;
                        keeper.store.record_item(
                            url,
                            &key,
                            item.link.as_deref(),
                            None,
                            &e.message,
                        )?;
                    }
                }
            }
        }
        let line = format!(
            "200, {} items: {} new stored ({} event mentions), {} seen before, {} given up, {} to retry, in {:.1} s",
            feed.items.len(),
            tally.counts.stored,
            tally.summary.events,
            counts.seen + tally.counts.already,
            counts.failed,
            counts.retry,
            started.elapsed().as_secs_f64()
        );
        // an interrupted poll (or one with items to retry) records no validators, so the next
        // one reads the whole feed again rather than hearing "not modified"
        let complete = !self.stop.load(Ordering::SeqCst) && counts.retry == 0;
        let validators = Some(&body.validators).filter(|_| complete);
        let record = PollRecord::Changed {
            etag: validators.and_then(|v| v.etag.as_deref()),
            last_modified: validators.and_then(|v| v.last_modified.as_deref()),
            stored: tally.counts.stored as u64,
            line: &line,
        };
        keeper.store.record_poll(url, &record)?;
        log(&format!("{url}: {line}"));
        Ok(true)
    }

    /// The item's document, reading its page if the policy asks. The error says whether the
    /// item is worth trying again (a transient failure of its page).
    fn item_document(
        &self,
        item: &FeedItem,
        url: &str,
        source: Option<&str>,
    ) -> Result<Document, (IngestError, bool)> {
        let page = if item.wants_page(self.args.fetch.policy()) {
            let link = item.link.as_deref().unwrap_or_default();
            match self.fetcher.page(link) {
                Ok(html) => Some(dyad_ingest::parse_html(&html)),
                Err(e) if e.is_transient() => {
                    return Err((item.error(url, format!("its page {link}: {e}")), true))
                }
                // a page refused for good: the item's own text, if it has some, is the story
                Err(
                    e @ (FetchError::Robots(_)
                    | FetchError::Status { .. }
                    | FetchError::NotHtml(_)
                    | FetchError::TooLarge { .. }
                    | FetchError::Redirects(_)
                    | FetchError::BadUrl(_)),
                ) => {
                    if item.content.is_none() && item.summary.is_none() {
                        return Err((item.error(url, format!("its page {link}: {e}")), false));
                    }
                    log(&format!(
                        "{url}: item {}: its page {link}: {e}; its summary is stored",
                        item.number
                    ));
                    None
                }
                Err(e) => return Err((item.error(url, format!("its page {link}: {e}")), true)),
            }
        } else {
            None
        };
        item.document(url, source, page.as_ref(), &self.opts)
            .map_err(|e| (e, false))
    }

    fn failed(
        &self,
        url: &str,
        host: &str,
        why: &str,
        transient: bool,
        keeper: &mut Keeper,
    ) -> Result<bool> {
        let mut line = format!("error: {why}");
        if transient {
            let every = self.args.every;
            let failures = keeper.store.host_failed(host, |n| backoff(every, n))?;
            if let Some(at) = keeper.store.host_retry_at(host)? {
                line.push_str(&format!(
                    "; {host} backed off until {} (failure {failures})",
                    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                ));
            }
        }
        keeper
            .store
            .record_poll(url, &PollRecord::Failed { line: &line })?;
        log(&format!("{url}: {line}"));
        Ok(false)
    }
}

/// `dyad ingest --watch FOLDER`: ingests the document files that appear in or change under
/// `folder`, once each version, until Ctrl-C. A file is read once its size and modification
/// time held still between two looks (or it is older than the interval), so one still being
/// written is not read half.
pub fn folder(args: &IngestArgs, folder: &Path) -> Result<ExitCode> {
    if !folder.is_dir() {
        anyhow::bail!(
            "{}: not a folder; --watch takes the folder to watch",
            folder.display()
        );
    }
    let _lock = WatchLock::take(&args.store)?;
    let mut keeper = Keeper::open(&args.store, &args.coding, args.merge_days)?;
    let stop = stop_flag();
    let opts = IngestOptions {
        max_bytes: args.input.max_doc_bytes,
        default_date: args.input.date,
    };
    log(&format!(
        "watching {} into {}, every {}; Ctrl-C stops",
        folder.display(),
        args.store.display(),
        humanize(args.every)
    ));
    let mut last_look: std::collections::HashMap<PathBuf, FileStamp> = Default::default();
    while !stop.load(Ordering::SeqCst) {
        let mut files = Vec::new();
        list_files(folder, 0, &mut files);
        files.sort();
        let mut look = std::collections::HashMap::new();
        for path in files {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let Some(stamp) = stamp_of(&path) else {
                continue;
            };
            look.insert(path.clone(), stamp);
            let shown = path.display().to_string();
            if keeper.store.file_read(&shown)? == Some(stamp) {
                continue;
            }
            let settled =
                last_look.get(&path) == Some(&stamp) || age_ns(stamp) >= args.every.as_nanos();
            if !settled {
                continue;
            }
            let mut tally = Tally::default();
            keeper.keep(
                dyad_ingest::read_paths(std::slice::from_ref(&path), &opts),
                &mut tally,
                &Progress::hidden(),
            )?;
            keeper.store.record_file(
                &shown,
                stamp,
                tally.summary.read as u64,
                tally.summary.skipped as u64,
            )?;
            log(&format!(
                "{shown}: {} documents: {} stored ({} event mentions), {} already stored, {} unreadable",
                tally.summary.read,
                tally.counts.stored,
                tally.summary.events,
                tally.counts.already,
                tally.summary.skipped
            ));
        }
        last_look = look;
        sleep_unless_stopped(args.every, &stop);
    }
    keeper.close()?;
    log("stopped; the next start carries on from here");
    Ok(ExitCode::SUCCESS)
}

/// Deepest folder level a watch walks.
const MAX_DEPTH: usize = 16;

/// The document files under `dir` (by extension), skipping hidden entries.
fn list_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => list_files(&path, depth + 1, out),
            Ok(t) if t.is_file() && dyad_ingest::Format::from_path(&path).is_some() => {
                out.push(path)
            }
            _ => {}
        }
    }
}

fn stamp_of(path: &Path) -> Option<FileStamp> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?;
    let ns = DateTime::<Utc>::from(modified).timestamp_nanos_opt()?;
    Some(FileStamp {
        size: meta.len(),
        modified_ns: ns,
    })
}

/// Nanoseconds since the stamp's modification time.
fn age_ns(stamp: FileStamp) -> u128 {
    let now = DateTime::<Utc>::from(std::time::SystemTime::now())
        .timestamp_nanos_opt()
        .unwrap_or(i64::MAX);
    u128::try_from(now.saturating_sub(stamp.modified_ns)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(parse_every("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_every("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_every("1h"), Ok(Duration::from_secs(3600)));
        assert!(parse_every("0s").is_err());
        assert!(parse_every("5 fortnights").is_err());
        assert!(parse_every("").is_err());
    }

    #[test]
    fn backoff_doubles_up_to_a_day() {
        let every = Duration::from_secs(60);
        assert_eq!(backoff(every, 1), chrono::Duration::minutes(1));
        assert_eq!(backoff(every, 3), chrono::Duration::minutes(4));
        assert_eq!(backoff(every, 40), chrono::Duration::hours(24));
    }

    #[test]
    fn hosts() {
        assert_eq!(
            host_of("http://127.0.0.2:8080/feed.rss?x=1"),
            "127.0.0.2:8080"
        );
        assert_eq!(host_of("https://example.org"), "example.org");
    }
}
