//! `dyad dict build`: convert the source dictionaries into `data/dict/`.

use anyhow::{Context, Result};
use clap::Subcommand;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum DictCommand {
    /// Convert PETRARCH2/Phoenix, CountryInfo, CAMEO2PLOVER and Goldstein into dyad's format.
    Build {
        /// The `data` folder of the shared material.
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Where to write the converted files (then rebuild dyad to embed them).
        #[arg(long, default_value = "data/dict")]
        out: PathBuf,
    },
    /// Print the sizes of the embedded dictionaries and how long they take to load.
    Stats,
}

pub fn run(cmd: DictCommand) -> Result<ExitCode> {
    match cmd {
        DictCommand::Build { data, out } => {
            let converted = dyad_dict::convert::convert(&data)
                .with_context(|| format!("converting dictionaries from {}", data.display()))?;
            std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;
            for (name, text) in &converted.files {
                let path = out.join(name);
                std::fs::write(&path, text)
                    .with_context(|| format!("writing {}", path.display()))?;
                eprintln!(
                    "wrote {} ({} lines, {} bytes)",
                    path.display(),
                    text.lines().count(),
                    text.len()
                );
            }
            eprintln!("rebuild dyad (cargo build --release) to embed the new dictionaries");
        }
        DictCommand::Stats => {
            let t = std::time::Instant::now();
            let d = dyad_dict::Dictionaries::embedded();
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            println!("actor entries      {}", d.actors.entries.len());
            println!("agent sectors      {}", d.actors.agent_codes.len());
            println!("actor+agent phrases {}", d.actors.phrase_count());
            println!("verbs              {}", d.verbs.verbs.len());
            println!("verb forms         {}", d.verbs.form_count());
            println!("verb patterns      {}", d.verbs.pattern_count());
            println!("CAMEO codes        {}", d.ontology.len());
            println!("load time          {ms:.1} ms");
        }
    }
    Ok(ExitCode::SUCCESS)
}
