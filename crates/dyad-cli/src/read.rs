//! `dyad read`: show what ingestion makes of the input (for checking datelines, HTML extraction
//! and metadata before coding).

use anyhow::{Context, Result};
use dyad_ingest::{read_paths, IngestOptions};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ReadArgs {
    /// Documents, as for `dyad code`.
    pub paths: Vec<PathBuf>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = dyad_ingest::DEFAULT_MAX_BYTES)]
    pub max_doc_bytes: usize,
}

pub fn run(args: ReadArgs) -> Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let opts = IngestOptions {
        max_bytes: args.max_doc_bytes,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut skipped = 0;
    for doc in read_paths(&paths, &opts) {
        match doc {
            Ok(doc) => {
                serde_json::to_writer(&mut out, &doc)?;
                out.write_all(b"\n")?;
            }
            Err(e) => {
                skipped += 1;
                eprintln!("error: {e} (skipped)");
            }
        }
    }
    out.flush().context("writing documents")?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
