//! `dyad serve`: the HTTP API and the workbench over a store (see `dyad-serve`); with
//! `--demo`, over a temporary store of the bundled stories.

use anyhow::{Context, Result};
use dyad_serve::{ServeOptions, TokenSource};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The store file.
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    /// The port (0: any free one).
    #[arg(long, default_value_t = 8600)]
    pub port: u16,
    /// The address to listen on; anything but loopback needs --token-file or DYAD_TOKEN.
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub bind: IpAddr,
    /// A file holding the token that writes must present (`Authorization: Bearer TOKEN`);
    /// default `DYAD_TOKEN`, else one generated beside the store (`STORE.token`, mode 0600).
    #[arg(long)]
    pub token_file: Option<PathBuf>,
    /// Ingest the stories bundled with dyad (`examples/`) into a temporary store, serve it, and
    /// remove it at the end: the workbench to try with nothing else.
    #[arg(long, conflicts_with = "store")]
    pub demo: bool,
    /// Seconds a posted document may take to code; one that takes longer is reported under
    /// `unreadable` and not stored. 0: no limit (a request still ends at 30 s).
    #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
    pub doc_budget: f64,
}

/// The stories `--demo` ingests: the repository's `examples/`, embedded in the binary.
const DEMO_STORIES: &[(&str, &str)] = &[
    (
        "voa-sample.jsonl",
        include_str!("../../../examples/voa-sample.jsonl"),
    ),
    (
        "wire-story-2025-03-03.txt",
        include_str!("../../../examples/wire-story-2025-03-03.txt"),
    ),
];

/// `dyad ingest`'s arguments, parsed as its command line is.
#[derive(clap::Parser)]
struct DemoIngest {
    #[command(flatten)]
    args: crate::ingest::IngestArgs,
}

/// A temporary folder with a store of the bundled stories; removed when dropped.
struct DemoStore {
    dir: PathBuf,
    store: PathBuf,
}

impl DemoStore {
    fn make() -> Result<Self> {
        use clap::Parser;
        let dir = std::env::temp_dir().join(format!("dyad-demo-{}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("making the demo folder {}", dir.display()))?;
        let demo = DemoStore {
            store: dir.join("demo.db"),
            dir,
        };
        let mut argv = vec![
            "dyad ingest".to_string(),
            "--store".into(),
            demo.store.display().to_string(),
        ];
        for (name, text) in DEMO_STORIES {
            let path = demo.dir.join(name);
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
            argv.push(path.display().to_string());
        }
        let ingest = DemoIngest::try_parse_from(argv)?;
        crate::ingest::run(ingest.args)?;
        Ok(demo)
    }
}

impl Drop for DemoStore {
    fn drop(&mut self) {
        // the store, its WAL and its token: nothing of the demo stays behind
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub fn run(mut args: ServeArgs) -> Result<ExitCode> {
    let demo = if args.demo {
        let demo = DemoStore::make()?;
        args.store = demo.store.clone();
        Some(demo)
    } else {
        None
    };
    // the store must exist: serving an empty new file would hide a wrong path
    drop(crate::runs::open_existing(&args.store)?);
    let options = ServeOptions {
        store: args.store.clone(),
        addr: SocketAddr::new(args.bind, args.port),
        token_file: args.token_file,
        token_env: std::env::var("DYAD_TOKEN").ok(),
        doc_budget: crate::budget_of(args.doc_budget),
    };
    let store = args.store.display().to_string();
    dyad_serve::serve(options, |addr, token, source| {
        eprintln!("dyad: serving {store}: the workbench at http://{addr}/ (API: /api/events, /api/openapi.json); Ctrl-C stops");
        match source {
            TokenSource::Generated(path) => eprintln!(
                "dyad: write token (shown once; kept in {}): {}",
                path.display(),
                token.reveal()
            ),
            TokenSource::Stored(path) => {
                eprintln!("dyad: write token: the one in {}", path.display())
            }
            TokenSource::File(path) => eprintln!("dyad: write token: from {}", path.display()),
            TokenSource::Environment => eprintln!("dyad: write token: from DYAD_TOKEN"),
        }
    })?;
    eprintln!("dyad: stopped");
    if let Some(demo) = demo {
        eprintln!("dyad: removing the demo store {}", demo.dir.display());
    }
    Ok(ExitCode::SUCCESS)
}
