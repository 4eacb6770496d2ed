//! `dyad bench http`: the HTTP API's latency per query and its throughput under load, on a
//! store of `--mentions` synthetic event mentions served by a `dyad serve` child process.
//!
//! Latency is taken one request at a time over a kept-alive connection (what one user waits);
//! throughput by a second process, `wrk` when installed, else `dyad bench-load`, so that the
//! load generator does not share this process with the figures. The targets: every query's
//! p99 under 100 ms, and at least 500 requests/s with no error.

use crate::bench::{percentile, BenchArgs};
use crate::http_client::Conn;
use anyhow::{anyhow, bail, Context, Result};
use dyad_store::Store;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::time::Instant;

const P99_TARGET_MS: f64 = 100.0;
const RATE_TARGET: f64 = 500.0;
const COUNTRIES: [&str; 10] = [
    "RUS", "UKR", "USA", "CHN", "ISR", "IRN", "SDN", "TUR", "IND", "NGA",
];
const TYPES: [&str; 5] = ["ASSAULT", "CONSULT", "REQUEST", "ACCUSE", "AGREE"];

/// A country and a type that occur together in the store (the synthetic store has only some
/// combinations, and a query of one that does not occur would time an empty answer).
type Pairs = [(String, String)];

/// The path of a query's `i`th request.
type MakePath = fn(usize, &Pairs) -> String;

/// The queries timed: a label and the path of its `i`th request (countries, types and years
/// vary so that no answer is simply cached; `C&T` is a pair that occurs).
const QUERIES: [(&str, MakePath); 10] = [
    ("events ?type=T", |i, _| {
        format!("/api/events?type={}&limit=100", cyclic(&TYPES, i))
    }),
    ("events ?country=C", |i, _| {
        format!("/api/events?country={}&limit=100", cyclic(&COUNTRIES, i))
    }),
    ("events ?actor=A&since=D", |i, _| {
        format!(
            "/api/events?actor={}MIL&since={}-01-01&limit=100",
            cyclic(&COUNTRIES, i),
            2015 + i % 10
        )
    }),
    ("events ?q=WORD", |i, _| {
        format!("/api/events?q={}&limit=100", cyclic(&COUNTRIES, i))
    }),
    ("events ?merged=true&type=T", |i, _| {
        format!(
            "/api/events?merged=true&type={}&limit=100",
            cyclic(&TYPES, i)
        )
    }),
    ("series ?bucket=month", |_, _| {
        "/api/series?bucket=month".into()
    }),
    ("series ?bucket=week&country=C&type=T", |i, pairs| {
        let (c, t) = pair(i, pairs);
        format!("/api/series?bucket=week&country={c}&type={t}")
    }),
    ("series ?by=country&type=T", |i, _| {
        format!("/api/series?by=country&type={}", cyclic(&TYPES, i))
    }),
    ("network ?level=country", |_, _| {
        "/api/network?level=country".into()
    }),
    ("network ?country=C&type=T", |i, pairs| {
        let (c, t) = pair(i, pairs);
        format!("/api/network?country={c}&type={t}")
    }),
];

/// The `i`th of `list` taken round and round.
fn cyclic(list: &[&'static str], i: usize) -> &'static str {
    list.get(i % list.len().max(1)).copied().unwrap_or_default()
}

fn pair(i: usize, pairs: &Pairs) -> (&str, &str) {
    match pairs.get(i % pairs.len().max(1)) {
        Some((c, t)) => (c, t),
        None => ("RUS", "ASSAULT"),
    }
}

/// The countries that occur with each of [`TYPES`], asked of the API (`by=country`).
fn occurring_pairs(conn: &mut Conn) -> Result<Vec<(String, String)>> {
    let mut pairs = Vec::new();
    for t in TYPES {
        let path = format!("/api/series?by=country&type={t}");
        let (status, body) = conn.get(&path)?;
        if status != 200 {
            bail!("{path}: status {status}");
        }
        let answer: serde_json::Value = serde_json::from_slice(&body)?;
        let mut countries: Vec<&str> = answer
            .get("series")
            .and_then(|series| series.as_array())
            .into_iter()
            .flatten()
            .filter_map(|row| row.get("key").and_then(|key| key.as_str()))
            .filter(|c| COUNTRIES.contains(c))
            .collect();
        countries.sort_unstable();
        countries.dedup();
        pairs.extend(
            countries
                .into_iter()
                .map(|c| (c.to_string(), t.to_string())),
        );
    }
    // by country, so that consecutive requests ask other countries and types
    pairs.sort();
    Ok(pairs)
}

/// A `dyad serve` child, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    let (path, temporary) = match &args.store {
        Some(p) => (p.clone(), false),
        None => (
            std::env::temp_dir().join(format!("dyad-bench-http-{}.db", std::process::id())),
            true,
        ),
    };
    let result = measure(args, &path);
    if temporary {
        for ext in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
        }
    }
    result
}

fn measure(args: &BenchArgs, path: &Path) -> Result<ExitCode> {
    prepare_store(path, args.mentions)?;
    let server = start_server(path)?;
    println!(
        "server: dyad serve at http://{}/ (child process {})",
        server.addr,
        server.child.id()
    );
    let mut met = true;
    println!(
        "\nlatency, one request at a time ({} requests per query, kept-alive connection)",
        args.requests
    );
    println!(
        "{:<40} {:>9} {:>9} {:>9}",
        "query", "p50 ms", "p99 ms", "max ms"
    );
    let mut conn = Conn::open(server.addr)?;
    let pairs = occurring_pairs(&mut conn)?;
    for (label, make) in QUERIES {
        let mut times = Vec::new();
        // the first requests warm the page cache and the connection pool
        for i in 0..args.requests + 5 {
            let url = make(i, &pairs);
            let t = Instant::now();
            let (status, _) = conn.get(&url)?;
            if status != 200 {
                bail!("{url}: status {status}");
            }
            if i >= 5 {
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(f64::total_cmp);
        let p99 = percentile(&times, 0.99);
        met &= p99 < P99_TARGET_MS;
        println!(
            "{label:<40} {:>9.2} {:>9.2} {:>9.2}  {}",
            percentile(&times, 0.5),
            p99,
            times.last().copied().unwrap_or(f64::NAN),
            if p99 < P99_TARGET_MS { "ok" } else { "SLOW" }
        );
    }
    let load = run_load(&server, args, &pairs)?;
    let rate = load.requests as f64 / load.seconds.max(f64::EPSILON);
    println!(
        "\nload by {} ({} connections, {:.0} s, a mix of the {} queries above)",
        load.tool,
        args.connections,
        load.seconds,
        QUERIES.len()
    );
    println!(
        "{:>10} {:>12} {:>9} {:>9} {:>9} {:>14}",
        "requests", "requests/s", "p50 ms", "p99 ms", "non-2xx", "socket errors"
    );
    println!(
        "{:>10} {:>12.0} {:>9.2} {:>9.2} {:>9} {:>14}",
        load.requests, rate, load.p50_ms, load.p99_ms, load.non_2xx, load.errors
    );
    let load_met = rate >= RATE_TARGET && load.non_2xx == 0 && load.errors == 0;
    println!(
        "\ntargets: every query's p99 < {P99_TARGET_MS:.0} ms: {}; >= {RATE_TARGET:.0} requests/s with no errors: {}",
        if met { "met" } else { "NOT met" },
        if load_met { "met" } else { "NOT met" }
    );
    Ok(if met && load_met {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Reuses the store at `path` if it holds at least `mentions` event mentions, fills a new one
/// if there is none; refuses to add synthetic rows to a smaller store that exists (it may be
/// someone's data).
fn prepare_store(path: &Path, mentions: usize) -> Result<()> {
    if path.exists() {
        let have = Store::open(path)?.counts()?.mentions;
        if have >= mentions as i64 {
            println!("store: {} ({have} event mentions, reused)", path.display());
            return Ok(());
        }
        bail!(
            "{} holds {have} event mentions, fewer than --mentions {mentions}: give a new path to fill, or a smaller --mentions",
            path.display()
        );
    }
    let t = Instant::now();
    Store::open(path)?.fill_synthetic(mentions)?;
    println!(
        "store: {} ({mentions} synthetic event mentions, written in {:.1} s)",
        path.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Starts `dyad serve` on a free port and reads the address it says it serves at.
fn start_server(store: &Path) -> Result<Server> {
    let exe = std::env::current_exe().context("cannot find this dyad's executable")?;
    let mut child = Command::new(exe)
        .args(["serve", "--port", "0", "--store"])
        .arg(store)
        // the token is not used (reads only), but one is needed not to write STORE.token
        .env(
            "DYAD_TOKEN",
            format!("bench-http-token-{}", std::process::id()),
        )
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .context("cannot start dyad serve")?;
    let stderr = child.stderr.take();
    let mut server = Server {
        child,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
    };
    let mut lines = BufReader::new(stderr.ok_or_else(|| anyhow!("no standard error"))?).lines();
    for line in lines.by_ref() {
        let line = line?;
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|a| a.parse::<SocketAddr>().ok());
        if let Some(addr) = addr {
            server.addr = addr;
            // keep reading its standard error, so that the server never blocks on it
            std::thread::spawn(move || lines.for_each(drop));
            return Ok(server);
        }
        eprintln!("dyad serve: {line}");
    }
    bail!("dyad serve stopped before serving")
}

/// What a load run measured.
pub(crate) struct Load {
    pub tool: &'static str,
    pub requests: u64,
    pub seconds: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub non_2xx: u64,
    /// Connections refused or broken, and requests timed out.
    pub errors: u64,
}

/// The mix of paths the load cycles through: each query with several parameter values.
fn mix(pairs: &Pairs) -> Vec<String> {
    (0..10)
        .flat_map(|i| QUERIES.iter().map(move |(_, make)| make(i, pairs)))
        .collect()
}

fn run_load(server: &Server, args: &BenchArgs, pairs: &Pairs) -> Result<Load> {
    let dir = std::env::temp_dir();
    let paths_file = dir.join(format!("dyad-bench-http-{}.paths", std::process::id()));
    std::fs::write(&paths_file, mix(pairs).join("\n"))?;
    let result = match which("wrk") {
        Some(wrk) => crate::bench_wrk::run(&wrk, server.addr, &paths_file, args),
        None => {
            println!("\nwrk is not on PATH (Debian: apt-get install wrk): the load comes from a second dyad process");
            load_by_dyad(server.addr, &paths_file, args)
        }
    };
    let _ = std::fs::remove_file(&paths_file);
    result
}

/// `dyad bench-load` as a child process.
fn load_by_dyad(addr: SocketAddr, paths: &Path, args: &BenchArgs) -> Result<Load> {
    let out = Command::new(std::env::current_exe()?)
        .arg("bench-load")
        .arg("--addr")
        .arg(addr.to_string())
        .arg("--paths")
        .arg(paths)
        .args(["--seconds", &args.seconds.to_string()])
        .args(["--connections", &args.connections.to_string()])
        .stderr(Stdio::inherit())
        .output()
        .context("cannot start dyad bench-load")?;
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).with_context(|| {
        format!(
            "dyad bench-load said {:?}",
            String::from_utf8_lossy(&out.stdout)
        )
    })?;
    let n = |k: &str| summary.get(k).and_then(|v| v.as_u64()).unwrap_or(0);
    let f = |k: &str| summary.get(k).and_then(|v| v.as_f64()).unwrap_or(f64::NAN);
    Ok(Load {
        tool: "dyad bench-load",
        requests: n("requests"),
        seconds: f("seconds"),
        p50_ms: f("p50_ms"),
        p99_ms: f("p99_ms"),
        non_2xx: n("non_2xx"),
        errors: n("errors"),
    })
}

/// The path of an executable on PATH.
fn which(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}
