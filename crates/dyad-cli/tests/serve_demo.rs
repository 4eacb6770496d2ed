//! `dyad serve --demo`: the bundled stories in a temporary store, the workbench and its assets
//! served, and the store removed at the end.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};

/// GET `path`: the status line, the headers and the body.
fn get(port: u16, path: &str) -> (String, String) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut bytes = Vec::new();
    s.read_to_end(&mut bytes).expect("read");
    let text = String::from_utf8_lossy(&bytes).to_string();
    let (head, body) = text.split_once("\r\n\r\n").expect("a response");
    (head.to_string(), body.to_string())
}

#[cfg(unix)]
#[test]
fn demo_serves_the_bundled_stories_and_the_workbench_then_cleans_up() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .args(["serve", "--demo", "--port", "0"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dyad serve --demo");
    let stderr = child.stderr.take().expect("stderr");
    let mut lines = BufReader::new(stderr).lines();
    let mut store = None;
    let port: u16 = loop {
        let line = lines
            .next()
            .expect("dyad serve --demo said where it serves")
            .expect("a line");
        if let Some(path) = line.strip_prefix("dyad: serving ") {
            store = path.split(": the workbench").next().map(str::to_string);
        }
        if let Some(rest) = line.split("http://").nth(1) {
            break rest
                .split('/')
                .next()
                .and_then(|a| a.rsplit(':').next())
                .and_then(|p| p.parse().ok())
                .expect("a port");
        }
    };
    let store = std::path::PathBuf::from(store.expect("the store's path"));
    assert!(store.exists());
    let (head, page) = get(port, "/");
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(head
        .to_lowercase()
        .contains("content-security-policy: default-src 'self'"));
    assert!(page.contains("/assets/app.js"), "{page}");
    for asset in [
        "/assets/app.js",
        "/assets/views/compare.js",
        "/assets/vendor/d3.min.js",
        "/assets/vendor/countries-110m.json",
    ] {
        let (head, body) = get(port, asset);
        assert!(head.starts_with("HTTP/1.1 200"), "{asset}: {head}");
        assert!(!body.is_empty(), "{asset}");
    }
    let (head, _) = get(port, "/assets/nothing.js");
    assert!(head.starts_with("HTTP/1.1 404"), "{head}");
    let (_, events) = get(port, "/api/events?limit=5");
    let events: serde_json::Value = serde_json::from_str(&events).expect("JSON");
    assert_eq!(events["events"].as_array().map(Vec::len), Some(5));
    let (_, docs) = get(port, "/api/documents");
    let docs: serde_json::Value = serde_json::from_str(&docs).expect("JSON");
    assert_eq!(docs["documents"].as_array().map(Vec::len), Some(4));
    // SIGTERM: a clean stop, and the temporary store is gone
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    for _ in lines.by_ref() {}
    let status = child.wait().expect("wait");
    assert!(status.success(), "{status}");
    assert!(!store.exists(), "{} is left behind", store.display());
}
