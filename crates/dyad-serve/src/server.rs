//! The server: options, the router with its limits and headers, and the serving loop with a
//! graceful shutdown.

use crate::api;
use crate::assets;
use crate::auth::{Token, TokenSource};
use crate::error::{ApiError, ServeError};
use crate::pool::Pool;
use crate::state::App;
use axum::http::{header, HeaderValue, StatusCode, Uri};
use axum::routing::get;
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body accepted (a batch of documents to ingest).
const MAX_BODY: usize = 16 * 1024 * 1024;
/// The longest a request may take.
const MAX_TIME: Duration = Duration::from_secs(30);
/// No script, style or image from anywhere but the server itself, no inline script, no frames.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
                   frame-ancestors 'none'";

/// How `dyad serve` runs.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// An existing store.
    pub store: PathBuf,
    pub addr: SocketAddr,
    /// `--token-file`.
    pub token_file: Option<PathBuf>,
    /// `DYAD_TOKEN`.
    pub token_env: Option<String>,
    /// The time a posted document may take to code (`--doc-budget`); None: no limit.
    pub doc_budget: Option<Duration>,
}

/// The OpenAPI document, JSON.
pub fn openapi_json() -> String {
    api::openapi::json()
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError {
        status: StatusCode::NOT_FOUND,
        message: format!("no such resource: {}", uri.path()),
    }
}

/// The routes with their limits and headers. `loopback_port` is the port of a server bound to
/// loopback, which then answers only requests addressed to a loopback name ([`crate::hosts`]).
pub(crate) fn router(app: App, loopback_port: Option<u16>) -> Router {
    let headers = [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ];
    let mut r = Router::new()
        .route("/api/events", get(api::events::list))
        .route("/api/events/{id}", get(api::events::one))
        .route(
            "/api/documents",
            get(api::documents::list).post(api::ingest::post),
        )
        .route("/api/documents/{id}", get(api::documents::one))
        .route("/api/series", get(api::aggregates::series))
        .route("/api/network", get(api::aggregates::network))
        .route("/api/compare", get(api::compare::compare))
        .route("/api/places", get(api::places::places))
        .route("/api/export", get(api::export::export))
        .route("/api/openapi.json", get(api::openapi::document))
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .fallback(not_found)
        .with_state(app)
        // axum's own 2 MB limit on extracted bodies would answer 413 well under MAX_BODY
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            MAX_TIME,
        ))
        .layer(axum::middleware::map_response(crate::error::json_errors));
    if let Some(port) = loopback_port {
        r = r.layer(axum::middleware::from_fn(move |request, next| {
            crate::hosts::loopback_only(port, request, next)
        }));
    }
    for (name, value) in headers {
        r = r.layer(SetResponseHeaderLayer::overriding(
            name,
            HeaderValue::from_static(value),
        ));
    }
    r
}

/// Resolves the token, opens the store, listens, calls `ready` with the address, the token
/// and where it came from, and serves until SIGINT or SIGTERM (finishing the requests under
/// way).
pub fn serve(
    options: ServeOptions,
    ready: impl FnOnce(SocketAddr, &Token, &TokenSource),
) -> Result<(), ServeError> {
    let (token, source) = Token::resolve(
        options.token_file.as_deref(),
        options.token_env.clone(),
        &options.store,
    )?;
    if !options.addr.ip().is_loopback() && !source.configured() {
        return Err(ServeError::OpenWithoutToken(options.addr.ip()));
    }
    let pool = Pool::open(options.store.clone())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(options.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: options.addr,
                source,
            })?;
        let addr = listener.local_addr()?;
        // ready to answer and to stop before saying so
        let app = App {
            pool,
            token: token.clone(),
            pipeline: Arc::new(dyad_code::Pipeline::new().with_budget(options.doc_budget)),
            store_path: Arc::new(options.store.clone()),
            writer: Arc::new(Mutex::new(())),
        };
        let stop = shutdown()?;
        ready(addr, &token, &source);
        let loopback_port = addr.ip().is_loopback().then_some(addr.port());
        axum::serve(listener, router(app, loopback_port))
            .with_graceful_shutdown(stop)
            .await?;
        Ok(())
    })
}

/// A future that resolves at SIGINT (Ctrl-C) or SIGTERM, with the handlers installed now (a
/// signal that comes before the server runs stops it too).
#[cfg(unix)]
fn shutdown() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

#[cfg(not(unix))]
fn shutdown() -> std::io::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
