//! `dyad watch` against web sites served by the test on loopback: a feed of 20 items whose
//! links serve article pages with real-world boilerplate (the extraction corpus of
//! tests/extract), read once and stored with their bodies; a second poll is a conditional GET
//! that fetches nothing; feeds that fail (500, a stall past the timeout, a redirect loop,
//! 50 MB) are reported and skipped; `kill -9` between and during polls loses and doubles
//! nothing; a second watch on the store refuses to start; Ctrl-C stops cleanly; and
//! `dyad ingest --watch` reads files dropped into a folder.

mod common;
use common::site::{Reply, Site};
use common::{dyad, temp_dir};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

/// The articles served: the first 20 pages of the extraction corpus, with their known bodies.
fn articles() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/extract/pages");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/extract/pages")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    pages
        .iter()
        .take(20)
        .map(|p| {
            let html = std::fs::read_to_string(p).expect("page");
            let body = std::fs::read_to_string(p.with_extension("body.txt")).expect("body");
            (html, body)
        })
        .collect()
}

/// An RSS feed of the articles: a headline and a one-line summary each, linking to its page.
fn feed(base: &str, n: usize) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Test Wire</title><link>http://test.invalid/</link><description>Test</description>\n",
    );
    for (i, (_, body)) in articles().iter().take(n).enumerate() {
        let teaser: Vec<&str> = body.split_whitespace().take(15).collect();
        let teaser = teaser.join(" ").replace('&', "&amp;").replace('<', "&lt;");
        xml.push_str(&format!(
            "<item><title>Story {i}</title><link>{base}/article/{i}</link><guid>urn:test:story:{i}</guid><pubDate>Mon, 03 Mar 2025 10:{i:02}:00 GMT</pubDate><description>{teaser}...</description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

/// The news site: `/feed.rss` (ETag "v1"), `/robots.txt`, `/article/N`, each article after
/// `delay`.
fn news_site(delay: Duration) -> Site {
    let pages: Vec<String> = articles().into_iter().map(|(h, _)| h).collect();
    let feed_of = std::sync::OnceLock::<String>::new();
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let base_in = base.clone();
    let site = Site::start("127.0.0.1", move |path, _| {
        let base = base_in.get().cloned().unwrap_or_default();
        match path {
            "/feed.rss" => Reply::Ok {
                body: feed_of.get_or_init(|| feed(&base, 20)).clone().into_bytes(),
                content_type: "application/rss+xml",
                etag: Some("\"v1\"".into()),
            },
            "/robots.txt" => Reply::Ok {
                body: b"User-agent: *\nDisallow: /private/\n".to_vec(),
                content_type: "text/plain",
                etag: None,
            },
            p => match p
                .strip_prefix("/article/")
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| pages.get(n))
            {
                Some(html) => {
                    std::thread::sleep(delay);
                    Reply::Ok {
                        body: html.clone().into_bytes(),
                        content_type: "text/html; charset=utf-8",
                        etag: None,
                    }
                }
                None => Reply::Status(404),
            },
        }
    });
    let _ = base.set(site.base.clone());
    site
}

fn write_feeds(dir: &Path, urls: &[String]) -> PathBuf {
    let path = dir.join("feeds.txt");
    let text = format!("# feeds for the test\n{}\n", urls.join("\n"));
    std::fs::write(&path, text).expect("feeds.txt");
    path
}

/// Runs dyad to the end, killed after `limit`.
fn run_bounded(args: &[&str], limit: Duration) -> Output {
    let child = dyad()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dyad");
    wait_bounded(child, limit)
}

fn wait_bounded(mut child: Child, limit: Duration) -> Output {
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().expect("output");
            panic!(
                "dyad ran past {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().expect("output")
}

/// Starts dyad with its log going to `log`.
fn spawn_logged(args: &[&str], log: &Path) -> Child {
    let file = std::fs::File::create(log).expect("log");
    dyad()
        .args(args)
        .stdout(Stdio::null())
        .stderr(file)
        .spawn()
        .expect("spawn dyad")
}

/// Waits (at most `limit`) until `done` holds.
fn wait_until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn read_log(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// Every stored document version.
fn stored(store: &Path) -> Vec<dyad_model::Document> {
    let s = dyad_store::Store::open(store).expect("store");
    s.document_keys()
        .expect("keys")
        .into_iter()
        .map(|k| s.document(k).expect("document"))
        .collect()
}

fn words(s: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
    {
        *out.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    out
}

/// (recovered body words, body words, extracted words) of a stored document.
fn overlap(doc: &dyad_model::Document, body: &str) -> (usize, usize, usize) {
    let mut text = doc.text.clone();
    if let Some(d) = &doc.dateline {
        text = format!("{} {text}", d.raw);
    }
    let (got, want) = (words(&text), words(body));
    let common: usize = want
        .iter()
        .map(|(w, n)| (*n).min(got.get(w).copied().unwrap_or(0)))
        .sum();
    (common, want.values().sum(), got.values().sum())
}

#[test]
fn a_feed_is_read_from_its_pages_once_and_failing_feeds_are_skipped() {
    let dir = temp_dir("watch-feed");
    let store = dir.join("watch.db");
    let news = news_site(Duration::ZERO);
    let failing = Site::start("127.0.0.2", |_, _| Reply::Status(500));
    let stalling = Site::start("127.0.0.3", |_, _| Reply::Stall(Duration::from_secs(8)));
    let looping = Site::start("127.0.0.4", |path, _| {
        Reply::Redirect(if path == "/a" {
            "/b".into()
        } else {
            "/a".into()
        })
    });
    let huge = Site::start("127.0.0.5", |_, _| Reply::Endless(50 * 1024 * 1024));
    let urls = vec![
        format!("{}/feed.xml", failing.base),
        format!("{}/feed.xml", stalling.base),
        format!("{}/feed.rss", news.base),
        format!("{}/a", looping.base),
        format!("{}/big.rss", huge.base),
    ];
    let feeds = write_feeds(&dir, &urls);
    let args = [
        "watch",
        feeds.to_str().expect("path"),
        "--store",
        store.to_str().expect("path"),
        "--once",
        "--timeout",
        "2",
        "--fetch-private",
    ];
    let first = run_bounded(&args, Duration::from_secs(120));
    let log = String::from_utf8_lossy(&first.stderr).to_string();
    eprintln!("{log}");
    assert_eq!(first.status.code(), Some(2), "some feeds failed: {log}");
    // each failing feed has its line, naming it and what went wrong
    for (url, why) in urls.iter().zip([
        "HTTP 500",
        "timed out",
        "",
        "redirects",
        "larger than the limit",
    ]) {
        if why.is_empty() {
            continue;
        }
        assert!(
            log.lines()
                .any(|l| l.contains(url.as_str()) && l.contains(why)),
            "no `{why}` line for {url}: {log}"
        );
    }
    assert!(log.contains("200, 20 items: 20 new stored"), "{log}");

    // the stored documents are the articles' bodies
    let docs = stored(&store);
    assert_eq!(docs.len(), 20, "one document per item");
    let bodies: Vec<String> = articles().into_iter().map(|(_, b)| b).collect();
    let (mut common, mut want, mut got) = (0, 0, 0);
    for doc in &docs {
        let n: usize = doc
            .id
            .strip_prefix("urn:test:story:")
            .and_then(|n| n.parse().ok())
            .expect("the item's guid is the document id");
        let (c, w, g) = overlap(doc, &bodies[n]);
        eprintln!(
            "story {n:2}: recall {:.3} precision {:.3}",
            c as f64 / w as f64,
            c as f64 / g.max(1) as f64
        );
        // each document is its article's body: 0.95 of its words, at most 5% other words
        assert!(
            c as f64 >= 0.95 * w as f64 && (g - c) as f64 <= 0.05 * g as f64,
            "story {n}: {c} of {w} body words in {g} words"
        );
        // the page's headline (og:title, JSON-LD) where it states one, else the item's
        assert!(doc.title.as_deref().is_some_and(|t| !t.is_empty()));
        assert_eq!(
            doc.url.as_deref(),
            Some(format!("{}/article/{n}", news.base).as_str())
        );
        (common, want, got) = (common + c, want + w, got + g);
    }
    let recall = common as f64 / want as f64;
    let extra = 1.0 - common as f64 / got as f64;
    eprintln!("20 articles: recall {recall:.3}, extra words {extra:.3}");
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(extra <= 0.05, "extra words {extra:.3}");
    // robots.txt was read, once, before the first page
    let seen = news.seen();
    assert_eq!(seen.iter().filter(|s| s.path == "/robots.txt").count(), 1);
    assert!(seen.iter().all(|s| s
        .headers
        .get("user-agent")
        .is_some_and(|ua| ua.starts_with("dyad/"))));

    // the second poll asks with the ETag, gets a 304 and fetches no page
    news.clear();
    let second = run_bounded(&args, Duration::from_secs(60));
    let log = String::from_utf8_lossy(&second.stderr).to_string();
    eprintln!("{log}");
    let seen = news.seen();
    let feed_requests: Vec<_> = seen.iter().filter(|s| s.path == "/feed.rss").collect();
    assert_eq!(feed_requests.len(), 1);
    assert_eq!(
        feed_requests[0]
            .headers
            .get("if-none-match")
            .map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(feed_requests[0].status, 304);
    assert!(
        !seen.iter().any(|s| s.path.starts_with("/article/")),
        "{seen:?}"
    );
    assert!(log.contains("not modified (304)"), "{log}");
    // the hosts that failed transiently are backed off, not asked again at once
    assert!(
        failing.seen().len() == 1 && stalling.seen().len() == 1,
        "backed off"
    );
    assert!(log.contains("backed off until"), "{log}");
    assert_eq!(stored(&store).len(), 20);
}

/// The store holds each of the 20 stories exactly once.
fn assert_each_story_once(store: &Path) {
    let docs = stored(store);
    let ids: HashSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), docs.len(), "a story stored twice");
    assert_eq!(docs.len(), 20, "stories lost: {:?}", ids);
}

/// A store in a fresh folder, the news site (pages after `delay`) and the arguments of
/// `dyad watch` over its feed every `every`.
fn watch_setup(name: &str, delay: Duration, every: &str) -> (PathBuf, PathBuf, Site, Vec<String>) {
    let dir = temp_dir(name);
    let store = dir.join("watch.db");
    let news = news_site(delay);
    let feeds = write_feeds(&dir, &[format!("{}/feed.rss", news.base)]);
    let args = [
        "watch",
        feeds.to_str().expect("path"),
        "--store",
        store.to_str().expect("path"),
        "--every",
        every,
        "--fetch-private",
    ]
    .map(String::from)
    .to_vec();
    (dir, store, news, args)
}

/// Sends SIGINT, as Ctrl-C does.
fn interrupt(child: &Child) {
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert!(sent.success());
}

#[test]
fn kill_9_between_and_during_polls_loses_and_doubles_nothing() {
    // pages take a while, so that a poll is long enough to be killed in
    let (dir, store, _news, args) = watch_setup("watch-kill", Duration::from_millis(150), "1s");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let count = || {
        if store.exists() {
            dyad_store::Store::open(&store)
                .and_then(|s| s.document_keys())
                .map_or(0, |k| k.len())
        } else {
            0
        }
    };
    // killed during the first poll, with some stories stored
    let log = dir.join("1.log");
    let mut child = spawn_logged(&args, &log);
    wait_until(Duration::from_secs(60), "5 stories stored", || count() >= 5);
    child.kill().expect("kill -9");
    child.wait().expect("reaped");
    let partial = count();
    assert!(
        partial < 20,
        "the poll was not interrupted ({partial} stored)"
    );
    // restarted, it finishes the poll, and is killed between polls
    let log = dir.join("2.log");
    let mut child = spawn_logged(&args, &log);
    wait_until(Duration::from_secs(60), "the poll to end", || {
        read_log(&log).contains(" items: ")
    });
    std::thread::sleep(Duration::from_millis(300));
    child.kill().expect("kill -9");
    child.wait().expect("reaped");
    eprintln!("{}", read_log(&log));
    assert!(
        read_log(&log).contains(&format!("{} new stored", 20 - partial)),
        "the restart stores exactly the stories the killed poll had not: {}",
        read_log(&log)
    );
    assert_each_story_once(&store);
    // and once more from the top: nothing new, nothing twice
    let out = run_bounded(&[&args[..4], &["--once"]].concat(), Duration::from_secs(60));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_each_story_once(&store);
}

#[test]
fn a_second_watch_refuses_and_ctrl_c_stops_cleanly() {
    let (dir, _store, _news, args) = watch_setup("watch-lock", Duration::ZERO, "1h");
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let log = dir.join("watch.log");
    let child = spawn_logged(&args, &log);
    wait_until(Duration::from_secs(60), "the first poll", || {
        read_log(&log).contains(" items: ")
    });
    let second = run_bounded(&[&args[..4], &["--once"]].concat(), Duration::from_secs(30));
    assert_eq!(second.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&second.stderr).contains("is being watched by another dyad"),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    interrupt(&child);
    let out = wait_bounded(child, Duration::from_secs(10));
    assert!(out.status.success());
    assert!(read_log(&log).contains("stopped"), "{}", read_log(&log));
}

#[test]
fn ingest_watch_reads_files_dropped_into_a_folder_once() {
    let dir = temp_dir("watch-folder");
    let inbox = dir.join("inbox");
    std::fs::create_dir_all(&inbox).expect("inbox");
    let store = dir.join("folder.db");
    let args = [
        "ingest",
        "--watch",
        inbox.to_str().expect("path"),
        "--every",
        "1s",
        "--store",
        store.to_str().expect("path"),
    ];
    let log = dir.join("ingest.log");
    let child = spawn_logged(&args, &log);
    std::fs::write(
        inbox.join("tass.txt"),
        "MOSCOW, March 3. /TASS/. Russia's Foreign Minister Sergey Lavrov met his Armenian counterpart in Moscow on Monday.\n",
    )
    .expect("write");
    std::fs::write(
        inbox.join("wire.jsonl"),
        "{\"id\":\"w1\",\"date\":\"2025-03-04\",\"text\":\"Protesters clashed with police in Yerevan on Tuesday.\"}\n",
    )
    .expect("write");
    std::fs::write(inbox.join("notes.pdf"), b"%PDF").expect("write");
    wait_until(Duration::from_secs(30), "both files read", || {
        let l = read_log(&log);
        l.contains("tass.txt: 1 documents: 1 stored")
            && l.contains("wire.jsonl: 1 documents: 1 stored")
    });
    interrupt(&child);
    let out = wait_bounded(child, Duration::from_secs(10));
    assert!(out.status.success());
    assert_eq!(stored(&store).len(), 2);
    // a restart reads nothing again
    let log2 = dir.join("ingest2.log");
    let child = spawn_logged(&args, &log2);
    std::thread::sleep(Duration::from_millis(2500));
    interrupt(&child);
    wait_bounded(child, Duration::from_secs(10));
    assert!(
        !read_log(&log2).contains("documents:"),
        "{}",
        read_log(&log2)
    );
    assert_eq!(stored(&store).len(), 2);
}

#[test]
fn code_fetch_reads_feed_items_from_their_pages() {
    let dir = temp_dir("code-fetch");
    let news = news_site(Duration::ZERO);
    let file = dir.join("wire.rss");
    std::fs::write(&file, feed(&news.base, 3)).expect("feed");
    let path = file.to_str().expect("path");
    // without --fetch the items' summaries are the text; with it, the pages' bodies
    let plain = run_bounded(&["read", path], Duration::from_secs(30));
    let fetched = run_bounded(
        &["read", "--fetch", "--fetch-private", path],
        Duration::from_secs(30),
    );
    let texts = |o: &Output| -> Vec<usize> {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|v| v["text"].as_str().unwrap_or("").split_whitespace().count())
            .collect()
    };
    let (short, long) = (texts(&plain), texts(&fetched));
    assert_eq!(short.len(), 3);
    assert_eq!(long.len(), 3);
    assert!(short.iter().all(|&n| n <= 16), "{short:?}");
    assert!(long.iter().all(|&n| n > 100), "{long:?}");
    assert!(news.seen().iter().any(|s| s.path == "/article/2"));
}

#[test]
fn pages_are_fetched_from_public_addresses_only_unless_allowed() {
    let dir = temp_dir("fetch-private");
    let news = news_site(Duration::ZERO);
    // the same feed with its links at an address literal and at a name (resolved by dyad's
    // resolver, which keeps public addresses only)
    let by_ip = dir.join("by-ip.rss");
    std::fs::write(&by_ip, feed(&news.base, 3)).expect("feed");
    let by_name = dir.join("by-name.rss");
    let named = news.base.replace("127.0.0.1", "localhost");
    std::fs::write(&by_name, feed(&named, 3)).expect("feed");
    for (file, host) in [(&by_ip, "127.0.0.1"), (&by_name, "localhost")] {
        let out = run_bounded(
            &["read", "--fetch", file.to_str().expect("path")],
            Duration::from_secs(30),
        );
        let log = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(
            log.contains(&format!("{host} is not a public address")),
            "{host}: {log}"
        );
    }
    assert!(
        !news.seen().iter().any(|s| s.path.starts_with("/article")),
        "no page was requested: {:?}",
        news.seen()
            .iter()
            .map(|s| s.path.clone())
            .collect::<Vec<_>>()
    );
}
