//! `dyad serve --demo`: the bundled stories in a temporary store, the workbench and its assets
//! served, and the store removed at the end.

mod common;
use common::server::{get, serve};

#[cfg(unix)]
#[test]
fn demo_serves_the_bundled_stories_and_the_workbench_then_cleans_up() {
    let mut server = serve(&["--demo"], None).expect("dyad serve --demo");
    let store = server
        .serving
        .strip_prefix("dyad: serving ")
        .and_then(|rest| rest.split(": the workbench").next())
        .map(std::path::PathBuf::from)
        .expect("the store's path in the serving line");
    assert!(store.exists());
    let port = server.port;
    let page = get(port, "/");
    assert_eq!(page.status, 200);
    assert!(page
        .header("content-security-policy")
        .is_some_and(|csp| csp.starts_with("default-src 'self'")));
    assert!(String::from_utf8_lossy(&page.body).contains("/assets/app.js"));
    for asset in [
        "/assets/app.js",
        "/assets/views/compare.js",
        "/assets/vendor/d3.min.js",
        "/assets/vendor/countries-110m.json",
    ] {
        let answer = get(port, asset);
        assert_eq!(answer.status, 200, "{asset}");
        assert!(!answer.body.is_empty(), "{asset}");
    }
    assert_eq!(get(port, "/assets/nothing.js").status, 404);
    let events = get(port, "/api/events?limit=5").json();
    assert_eq!(events["events"].as_array().map(Vec::len), Some(5));
    let docs = get(port, "/api/documents").json();
    assert_eq!(docs["documents"].as_array().map(Vec::len), Some(4));
    // SIGTERM: a clean stop, and the temporary store is gone
    let status = server.terminate();
    assert!(status.success(), "{status}");
    assert!(!store.exists(), "{} is left behind", store.display());
}
