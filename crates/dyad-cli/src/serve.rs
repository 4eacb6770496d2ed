//! `dyad serve`: the HTTP API over a store (see `dyad-serve`).

use anyhow::Result;
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
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    // the store must exist: serving an empty new file would hide a wrong path
    drop(crate::runs::open_existing(&args.store)?);
    let options = ServeOptions {
        store: args.store.clone(),
        addr: SocketAddr::new(args.bind, args.port),
        token_file: args.token_file,
        token_env: std::env::var("DYAD_TOKEN").ok(),
    };
    let store = args.store.display().to_string();
    dyad_serve::serve(options, |addr, token, source| {
        eprintln!("dyad: serving {store} at http://{addr}/ (API: /api/events, /api/openapi.json); Ctrl-C stops");
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
    Ok(ExitCode::SUCCESS)
}
