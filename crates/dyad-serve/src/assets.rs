//! The web UI's files, embedded in the binary (`include_bytes!`), so that `dyad serve` needs
//! nothing beside itself and the page fetches nothing from outside. The UI is plain ES
//! modules over the JSON API, with d3, Observable Plot, topojson-client and world-atlas's
//! Natural Earth shapes copied unchanged into `assets/vendor/` (no build step, no Node.js).

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// An embedded file: its path under `/assets/`, its media type and its bytes.
struct Asset {
    path: &'static str,
    media: &'static str,
    bytes: &'static [u8],
}

macro_rules! assets {
    ($($path:literal => $media:expr),* $(,)?) => {
        &[$(Asset {
            path: $path,
            media: $media,
            bytes: include_bytes!(concat!("../assets/", $path)),
        }),*]
    };
}

const JS: &str = "text/javascript; charset=utf-8";

static ASSETS: &[Asset] = assets! {
    "app.css" => "text/css; charset=utf-8",
    "app.js" => JS,
    "api.js" => JS,
    "dom.js" => JS,
    "filters.js" => JS,
    "views/events.js" => JS,
    "views/event.js" => JS,
    "views/story.js" => JS,
    "views/timeline.js" => JS,
    "views/network.js" => JS,
    "views/map.js" => JS,
    "views/compare.js" => JS,
    "vendor/d3.min.js" => JS,
    "vendor/plot.umd.min.js" => JS,
    "vendor/topojson-client.min.js" => JS,
    "vendor/countries-110m.json" => "application/json",
    "vendor/LICENSES.md" => "text/markdown; charset=utf-8",
};

const INDEX: &[u8] = include_bytes!("../assets/index.html");

/// `GET /`: the page.
pub(crate) async fn index() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        INDEX,
    )
        .into_response()
}

/// `GET /assets/{path}`: an embedded file, or 404.
pub(crate) async fn asset(Path(path): Path<String>) -> Response {
    match ASSETS.iter().find(|a| a.path == path) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.media),
                // the binary's version changes the files; revalidate rather than cache long
                (header::CACHE_CONTROL, "no-cache"),
            ],
            a.bytes,
        )
            .into_response(),
        None => ApiError {
            status: StatusCode::NOT_FOUND,
            message: format!("no such asset: {path}"),
        }
        .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_module_the_page_imports_is_embedded() {
        // the page and each module name their imports; each must be served
        let sources = std::iter::once(INDEX).chain(ASSETS.iter().map(|a| a.bytes));
        for source in sources {
            let text = String::from_utf8_lossy(source);
            for quoted in text.split(['"', '\'']) {
                let Some(rest) = quoted
                    .strip_prefix("/assets/")
                    .or_else(|| quoted.strip_prefix("./"))
                else {
                    continue;
                };
                if rest.ends_with(".js") || rest.ends_with(".css") || rest.ends_with(".json") {
                    assert!(
                        ASSETS.iter().any(|a| a.path.ends_with(rest)),
                        "{rest} is imported but not embedded"
                    );
                }
            }
        }
        assert!(ASSETS.iter().all(|a| !a.bytes.is_empty()));
    }
}
