//! A minimal HTTP/1.1 client over `std::net::TcpStream` for `dyad bench http` (GET with
//! keep-alive, bodies by `Content-Length` or chunked), and the load that the hidden
//! `dyad bench-load` runs in a second process when `wrk` is not installed.

use crate::bench::percentile;
use anyhow::{anyhow, bail, Context, Result};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// A kept-alive connection to a server.
pub(crate) struct Conn {
    addr: SocketAddr,
    reader: BufReader<TcpStream>,
}

impl Conn {
    pub(crate) fn open(addr: SocketAddr) -> Result<Conn> {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
            .with_context(|| format!("cannot connect to {addr}"))?;
        stream.set_nodelay(true)?;
        // the server's own limit is 30 s; a request that outlasts it is lost, not waited for
        stream.set_read_timeout(Some(Duration::from_secs(35)))?;
        Ok(Conn {
            addr,
            reader: BufReader::new(stream),
        })
    }

    /// GETs `path`: the status and the body.
    pub(crate) fn get(&mut self, path: &str) -> Result<(u16, Vec<u8>)> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr);
        self.reader.get_mut().write_all(request.as_bytes())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status = line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse::<u16>().ok())
            .ok_or_else(|| anyhow!("not an HTTP status line: {line:?}"))?;
        let (mut length, mut chunked) = (None, false);
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                bail!("the connection closed in the headers");
            }
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            let (name, value) = header.split_once(':').unwrap_or((header, ""));
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse::<usize>().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.eq_ignore_ascii_case("chunked");
            }
        }
        let mut body = Vec::new();
        match (chunked, length) {
            (true, _) => self.read_chunks(&mut body)?,
            (false, Some(n)) => self.read(n, &mut body)?,
            (false, None) => bail!("a response without a length"),
        }
        Ok((status, body))
    }

    fn read(&mut self, n: usize, body: &mut Vec<u8>) -> Result<()> {
        let copied = (&mut self.reader).take(n as u64).read_to_end(body)?;
        if copied != n {
            bail!("the connection closed in the body");
        }
        Ok(())
    }

    fn read_chunks(&mut self, body: &mut Vec<u8>) -> Result<()> {
        let mut line = String::new();
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| anyhow!("not a chunk size: {line:?}"))?;
            self.read(size, body)?;
            // the CRLF after the chunk
            self.read(2, &mut Vec::new())?;
            if size == 0 {
                return Ok(());
            }
        }
    }
}

/// `dyad bench-load` (hidden): GETs a mix of paths for a while over kept-alive connections, one
/// thread each, and prints what it saw as one JSON line, for `dyad bench http` to read.
#[derive(clap::Args)]
pub struct LoadArgs {
    /// The server's address (HOST:PORT).
    #[arg(long)]
    pub addr: SocketAddr,
    /// A file of paths, one a line, taken in turn.
    #[arg(long)]
    pub paths: std::path::PathBuf,
    #[arg(long, default_value_t = 10)]
    pub seconds: u64,
    #[arg(long, default_value_t = 8)]
    pub connections: usize,
}

/// What one connection's loop saw.
#[derive(Default)]
struct Tally {
    millis: Vec<f64>,
    non_2xx: u64,
    errors: u64,
}

pub fn load(args: LoadArgs) -> Result<std::process::ExitCode> {
    let text = std::fs::read_to_string(&args.paths)
        .with_context(|| format!("cannot read {}", args.paths.display()))?;
    let paths: Vec<String> = text.lines().map(str::to_string).collect();
    if paths.is_empty() {
        bail!("no paths in {}", args.paths.display());
    }
    let until = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..args.connections.max(1))
            .map(|c| {
                let paths = &paths;
                scope.spawn(move || hammer(args.addr, paths, c, until))
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_default())
            .collect()
    });
    let secs = started.elapsed().as_secs_f64();
    let mut millis: Vec<f64> = tallies.iter().flat_map(|t| t.millis.clone()).collect();
    millis.sort_by(f64::total_cmp);
    let summary = serde_json::json!({
        "requests": millis.len(),
        "seconds": secs,
        "non_2xx": tallies.iter().map(|t| t.non_2xx).sum::<u64>(),
        "errors": tallies.iter().map(|t| t.errors).sum::<u64>(),
        "p50_ms": percentile(&millis, 0.5),
        "p99_ms": percentile(&millis, 0.99),
    });
    println!("{summary}");
    Ok(std::process::ExitCode::SUCCESS)
}

/// One connection's requests until `until`, starting at its own place in the mix; a broken
/// connection is counted as an error and opened again.
fn hammer(addr: SocketAddr, paths: &[String], first: usize, until: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut conn = None;
    let mut i = first;
    while Instant::now() < until {
        let Some(path) = paths.get(i % paths.len()) else {
            break;
        };
        i += 1;
        let c = match conn.as_mut() {
            Some(c) => c,
            None => match Conn::open(addr) {
                Ok(c) => conn.insert(c),
                Err(_) => {
                    tally.errors += 1;
                    std::thread::sleep(Duration::from_millis(10));
                    continue;
                }
            },
        };
        let t = Instant::now();
        match c.get(path) {
            Ok((status, _)) => {
                tally.millis.push(t.elapsed().as_secs_f64() * 1000.0);
                if !(200..300).contains(&status) {
                    tally.non_2xx += 1;
                }
            }
            Err(_) => {
                tally.errors += 1;
                conn = None;
            }
        }
    }
    tally
}
