//! The guard against DNS rebinding. A web page on another site cannot read a server on
//! loopback directly (no CORS headers are sent), but it can make its own name resolve to
//! 127.0.0.1 and then read the API as a same-origin page. Its requests then carry its own name
//! in `Host`. So a server bound to loopback answers only requests addressed to a loopback name
//! (`localhost`, `127.0.0.1`, `[::1]`), as Jupyter does (the name is what rebinding changes;
//! the port is the attacker's to match); a server bound beyond
//! loopback is reached by whatever name the operator gives it, and answers any.

use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

/// Whether `host` (a `Host` header value or a URI authority, with or without a port) is a
/// loopback name.
pub(crate) fn is_loopback_host(host: &str) -> bool {
    let (name, port_ok) = match host.rsplit_once(':') {
        // a bare IPv6 literal is bracketed, so a colon inside brackets is not a port
        Some((name, p)) if !p.contains(']') => (name, p.parse::<u16>().is_ok()),
        _ => (host, true),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let loopback = name == "localhost"
        || name == "[::1]"
        || name
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback());
    loopback && port_ok
}

/// Middleware: refuses (421) a request whose `Host` is not a loopback name. A request
/// without a host (HTTP/1.0) comes from no browser and is let through.
pub(crate) async fn loopback_only(port: u16, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| request.uri().authority().map(|a| a.as_str().to_string()));
    match host {
        Some(h) if !is_loopback_host(&h) => ApiError {
            status: StatusCode::MISDIRECTED_REQUEST,
            message: format!(
                "this server listens on loopback and answers only requests to localhost, \
                 127.0.0.1 or [::1] (at port {port}), not to {h:?} (a web page that renamed \
                 itself to reach it); to serve under another name, bind that address with \
                 --bind and a token"
            ),
        }
        .into_response(),
        _ => next.run(request).await,
    }
}

#[cfg(test)]
mod tests {
    use super::is_loopback_host;

    #[test]
    fn loopback_names_pass_and_nothing_else() {
        for ok in [
            "127.0.0.1:8600",
            "localhost:8600",
            "LOCALHOST:8600",
            "[::1]:8600",
            "127.1.2.3:8600",
            "localhost.:8600",
        ] {
            assert!(is_loopback_host(ok), "{ok}");
        }
        for bad in [
            "evil.example:8600",
            "127.0.0.1.evil.example:8600",
            "10.0.0.1:8600",
            "localhost:x",
            "",
            ":8600",
        ] {
            assert!(!is_loopback_host(bad), "{bad}");
        }
    }
}
