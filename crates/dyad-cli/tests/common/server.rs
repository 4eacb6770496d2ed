//! A `dyad serve` for tests: started on a free port, killed when dropped, and raw HTTP/1.1
//! requests to it (the server's bytes as they are sent, chunked bodies decoded).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, Command, Stdio};

/// A running `dyad serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
    /// The line that said where it serves.
    pub serving: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Sends SIGTERM and waits for the server to stop: its exit status.
    #[cfg(unix)]
    #[allow(dead_code)] // not every test file stops its server this way
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let killed = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(killed.success());
        self.child.wait().expect("wait")
    }
}

/// Starts `dyad serve --store STORE --port 0 EXTRA...` and waits for its serving line; the
/// error is what it printed before it stopped.
#[allow(dead_code)] // not every test file serves a store of its own
pub fn start(store: &str, extra: &[&str]) -> Result<Server, String> {
    let mut args = vec!["--store", store];
    args.extend_from_slice(extra);
    serve(&args, None)
}

/// Starts `dyad serve --port 0 ARGS...` with `DYAD_TOKEN` set to `token` (else unset) and waits
/// for its serving line; the error is what it printed before it stopped.
pub fn serve(args: &[&str], token: Option<&str>) -> Result<Server, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(["serve", "--port", "0"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env_remove("DYAD_TOKEN");
    if let Some(t) = token {
        cmd.env("DYAD_TOKEN", t);
    }
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start dyad serve: {e}"))?;
    let Some(stderr) = child.stderr.take() else {
        let _ = child.kill();
        let _ = child.wait();
        return Err("no standard error".into());
    };
    let mut err = BufReader::new(stderr);
    let mut seen = String::new();
    loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap_or(0) == 0 {
            let _ = child.kill();
            let _ = child.wait();
            return Err(seen);
        }
        seen.push_str(&line);
        let port = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.rsplit(':').next())
            .and_then(|p| p.parse().ok());
        if let Some(port) = port {
            // keep draining stderr so that the server never blocks on it
            std::thread::spawn(move || for _ in err.lines() {});
            return Ok(Server {
                child,
                port,
                serving: line.trim_end().to_string(),
            });
        }
    }
}

/// An answer: status, headers (names lower-case), the body, and whether the body ended as
/// HTTP says a whole one does (a chunked body with its last, empty chunk).
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub complete: bool,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

/// `GET path` on the server.
pub fn get(port: u16, path: &str) -> Answer {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let head = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    s.write_all(head.as_bytes()).expect("send the request");
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let head = String::from_utf8_lossy(bytes.get(..split).unwrap_or_default()).to_string();
    let raw = bytes.get(split + 4..).unwrap_or_default();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    let (body, complete) = if chunked {
        dechunk(raw)
    } else {
        (raw.to_vec(), true)
    };
    Answer {
        status,
        headers,
        body,
        complete,
    }
}

/// A chunked body's bytes, and whether it ended with the last, empty chunk.
fn dechunk(mut raw: &[u8]) -> (Vec<u8>, bool) {
    let mut body = Vec::new();
    loop {
        let Some(end) = raw.windows(2).position(|w| w == b"\r\n") else {
            return (body, false);
        };
        let size = std::str::from_utf8(raw.get(..end).unwrap_or_default())
            .ok()
            .and_then(|s| usize::from_str_radix(s.split(';').next().unwrap_or_default(), 16).ok());
        let Some(size) = size else {
            return (body, false);
        };
        if size == 0 {
            return (body, true);
        }
        let Some(chunk) = raw.get(end + 2..end + 2 + size) else {
            return (body, false);
        };
        body.extend_from_slice(chunk);
        raw = raw.get(end + 4 + size..).unwrap_or_default();
    }
}
