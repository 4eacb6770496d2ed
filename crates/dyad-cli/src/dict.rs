//! `dyad dict build`: convert the source dictionaries into `data/dict/`; `dyad dict update`:
//! the same with newer Wikidata exports of office holders applied.

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
    /// Rebuild the dictionaries with newer Wikidata exports of office holders applied over the
    /// shared files (fetch them where you have a network with the SPARQL queries in
    /// data/README.md; the build itself never needs one)
    Update {
        /// Heads of state and government (CSV: iso3, country, role, person, person_qid, start,
        /// end): everyone it names takes its terms instead of the shared file's
        #[arg(long)]
        leaders: Option<PathBuf>,
        /// Office holders (CSV: iso3, position, person, personID, start, end)
        #[arg(long)]
        offices: Option<PathBuf>,
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
            write(&converted, &out)?;
        }
        DictCommand::Update {
            leaders,
            offices,
            data,
            out,
        } => {
            if leaders.is_none() && offices.is_none() {
                anyhow::bail!("nothing to update: give --leaders FILE and/or --offices FILE (see data/README.md for the queries)");
            }
            let read = |p: &Option<PathBuf>| -> Result<Option<String>> {
                p.as_ref()
                    .map(|p| {
                        std::fs::read_to_string(p)
                            .with_context(|| format!("reading {}", p.display()))
                    })
                    .transpose()
            };
            let updates = dyad_dict::convert::Updates {
                leaders: read(&leaders)?,
                offices: read(&offices)?,
            };
            let converted = dyad_dict::convert::convert_with(&data, &updates)
                .with_context(|| format!("converting dictionaries from {}", data.display()))?;
            write(&converted, &out)?;
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

/// Writes the converted files into `out`.
fn write(converted: &dyad_dict::convert::Converted, out: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for (name, text) in &converted.files {
        let path = out.join(name);
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!(
            "wrote {} ({} lines, {} bytes)",
            path.display(),
            text.lines().count(),
            text.len()
        );
    }
    eprintln!("rebuild dyad (cargo build --release) to embed the new dictionaries");
    Ok(())
}
