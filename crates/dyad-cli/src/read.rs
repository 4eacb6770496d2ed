//! `dyad read`: show what ingestion makes of the input (for checking datelines, HTML extraction
//! and metadata before coding).

use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ReadArgs {
    #[command(flatten)]
    pub input: crate::InputArgs,
}

pub fn run(args: ReadArgs) -> Result<ExitCode> {
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut skipped = 0;
    for doc in args.input.documents()? {
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
