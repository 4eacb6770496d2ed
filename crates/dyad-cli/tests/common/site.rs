//! A small web server for the tests of `dyad watch` and `--fetch`: loopback only, a thread per
//! connection, each reply chosen by a handler from the request's path and headers, every
//! request logged so a test can see what dyad asked for (and with which validators).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{IpAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What the server does with a request.
pub enum Reply {
    /// 200 with a body; a 304 instead when the request's `If-None-Match` is `etag`.
    Ok {
        body: Vec<u8>,
        content_type: &'static str,
        etag: Option<String>,
    },
    /// A status without a body.
    Status(u16),
    /// A 302 to the location.
    Redirect(String),
    /// Nothing at all for this long, then close.
    Stall(Duration),
    /// 200 streaming this many bytes without a Content-Length.
    Endless(usize),
}

/// A request as logged.
#[derive(Debug, Clone)]
pub struct Seen {
    pub path: String,
    pub headers: HashMap<String, String>,
    pub status: u16,
}

type Handler = dyn Fn(&str, &HashMap<String, String>) -> Reply + Send + Sync;

/// A running site; it lives as long as the test process.
pub struct Site {
    pub base: String,
    log: Arc<Mutex<Vec<Seen>>>,
}

impl Site {
    /// Serves `handler` on `ip` (a loopback address: 127.0.0.1, 127.0.0.2, ...), any port.
    pub fn start(
        ip: &str,
        handler: impl Fn(&str, &HashMap<String, String>) -> Reply + Send + Sync + 'static,
    ) -> Site {
        let ip: IpAddr = ip.parse().expect("ip");
        assert!(ip.is_loopback(), "test sites stay on loopback");
        let listener = TcpListener::bind((ip, 0)).expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let shared = log.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (handler, log) = (handler.clone(), shared.clone());
                std::thread::spawn(move || {
                    let _ = answer(stream, &*handler, &log);
                });
            }
        });
        Site { base, log }
    }

    /// The requests so far.
    pub fn seen(&self) -> Vec<Seen> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    /// Forgets the requests so far.
    pub fn clear(&self) {
        if let Ok(mut l) = self.log.lock() {
            l.clear();
        }
    }
}

fn answer(stream: TcpStream, handler: &Handler, log: &Mutex<Vec<Seen>>) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let reply = handler(&path, &headers);
    let status = match &reply {
        Reply::Ok { etag: Some(e), .. } if headers.get("if-none-match") == Some(e) => 304,
        Reply::Ok { .. } | Reply::Endless(_) => 200,
        Reply::Status(s) => *s,
        Reply::Redirect(_) => 302,
        Reply::Stall(_) => 0,
    };
    if let Ok(mut l) = log.lock() {
        l.push(Seen {
            path,
            headers,
            status,
        });
    }
    let mut out = stream;
    match reply {
        Reply::Ok {
            body,
            content_type,
            etag,
        } => {
            if status == 304 {
                write!(
                    out,
                    "HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n"
                )?;
            } else {
                let tag = etag.map(|e| format!("ETag: {e}\r\n")).unwrap_or_default();
                write!(
                    out,
                    "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{tag}Connection: close\r\n\r\n",
                    body.len()
                )?;
                out.write_all(&body)?;
            }
        }
        Reply::Status(code) => write!(
            out,
            "HTTP/1.1 {code} Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )?,
        Reply::Redirect(to) => write!(
            out,
            "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )?,
        Reply::Stall(wait) => std::thread::sleep(wait),
        Reply::Endless(total) => {
            write!(out, "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n<?xml version=\"1.0\"?><rss><channel>")?;
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < total {
                out.write_all(&chunk)?;
                sent += chunk.len();
            }
        }
    }
    out.flush()
}
