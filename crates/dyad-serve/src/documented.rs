//! Every route the router answers is in the OpenAPI document, with the same methods, and the
//! document names no route that is not there: they cannot drift apart.
//!
//! The routes are the paths given to `.route(...)` in `server.rs`; which methods each takes is
//! asked of the router itself (a method it lacks is a 405).

use crate::auth::Token;
use crate::pool::Pool;
use crate::state::App;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

const METHODS: [&str; 5] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/// The API's paths among the `.route(...)` calls in the server's source (the workbench's page
/// and assets are not the API's).
fn routed_paths() -> Vec<String> {
    let source = include_str!("server.rs");
    source
        .split(".route(")
        .skip(1)
        .filter_map(|call| call.split('"').nth(1))
        .filter(|path| path.starts_with("/api/"))
        .map(str::to_string)
        .collect()
}

fn app() -> App {
    let dir = std::env::temp_dir().join(format!("dyad-documented-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let store = dir.join("s.db");
    drop(dyad_store::Store::open(&store).expect("store"));
    let (token, _) =
        Token::resolve(None, Some("0123456789abcdef-test".into()), &store).expect("token");
    App {
        pool: Pool::open(store.clone()).expect("pool"),
        token,
        pipeline: Arc::new(dyad_code::Pipeline::new()),
        store_path: Arc::new(store),
        writer: Arc::new(Mutex::new(())),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_is_in_the_openapi_document_and_nothing_else() {
    let doc: serde_json::Value =
        serde_json::from_str(&crate::api::openapi::json()).expect("the document is JSON");
    let documented = doc["paths"].as_object().expect("paths");
    let router = crate::server::router(app(), None);
    let paths = routed_paths();
    assert!(paths.len() >= 8, "routes found in server.rs: {paths:?}");
    let mut routed = Vec::new();
    for path in &paths {
        for method in METHODS {
            let uri = path.replace("{id}", "x");
            let request = Request::builder()
                .method(method)
                .uri(&uri)
                .body(Body::empty())
                .expect("request");
            let status = router
                .clone()
                .oneshot(request)
                .await
                .expect("an answer")
                .status();
            if status != StatusCode::METHOD_NOT_ALLOWED {
                routed.push(format!("{method} {path}"));
            }
        }
    }
    let mut described: Vec<String> = documented
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .into_iter()
                .flat_map(|ops| ops.keys())
                .filter(|m| METHODS.contains(&m.to_uppercase().as_str()))
                .map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();
    routed.sort();
    described.sort();
    assert_eq!(
        routed, described,
        "routes (left) and the OpenAPI document (right) differ"
    );
    // every operation says what its errors look like
    for (path, item) in documented {
        for (method, op) in item.as_object().into_iter().flatten() {
            let responses = op["responses"].as_object().expect("responses");
            if path != "/api/openapi.json" {
                assert!(responses.contains_key("408"), "{method} {path}: no 408");
            }
        }
    }
}
