//! `dyad export`: a store's event mentions (or merged events) in the formats analysts load,
//! streamed to a file or standard output (the formats are `dyad-export`'s).

use crate::events::FilterArgs;
use anyhow::{Context, Result};
use dyad_export::{ExportError, ExportOptions, Format};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[arg(long, value_enum)]
    pub format: Format,
    /// Merged events (one per happening, with counts) instead of event mentions.
    #[arg(long)]
    pub merged: bool,
    /// Start GDELT files with a row of the codebook's column names (GDELT's own files have none).
    #[arg(long)]
    pub header: bool,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: ExportArgs) -> Result<ExitCode> {
    let store = crate::runs::open_existing(&args.filter.store)?;
    let filter = args.filter.filter();
    let mut out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let options = ExportOptions::new().merged(args.merged).header(args.header);
    let summary = match dyad_export::export(&store, &filter, args.format, &options, &mut out) {
        Ok(s) => s,
        // the reader went away (`dyad export ... | head`): it has what it wanted
        Err(ExportError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS)
        }
        Err(e) => return Err(e.into()),
    };
    eprintln!(
        "exported {} {}",
        summary.rows(),
        if summary.merged() {
            "merged events"
        } else {
            "event mentions"
        }
    );
    Ok(ExitCode::SUCCESS)
}
