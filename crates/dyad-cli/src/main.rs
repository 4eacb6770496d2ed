//! `dyad`: political event data from news text. See CONTRACT.md for the stable interface.

mod actors;
mod bench;
mod bench_http;
mod bench_store;
mod bench_wrk;
mod code;
mod dict;
mod eval;
mod events;
mod export;
mod http_client;
mod ingest;
mod parse;
mod progress;
mod read;
mod runs;
mod scoring;
mod serve;
mod train;
mod watch;

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// dyad reads news text and writes who did what to whom, coded in PLOVER and CAMEO.
#[derive(Parser)]
#[command(name = "dyad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code documents into events (one JSON object per line).
    Code(code::CodeArgs),
    /// Code documents and keep them with their events in a store (SQLite file; default ./dyad.db).
    Ingest(ingest::IngestArgs),
    /// Keep a store current from RSS/Atom feeds: poll them, read new items (and their pages), code and store them.
    Watch(watch::WatchArgs),
    /// The event mentions (or merged events) of a store, filtered: a table, JSON lines or CSV.
    Events(events::EventsArgs),
    /// Export a store's event mentions or merged events: JSON lines, CSV, PLOVER, GDELT, ACLED or Parquet.
    Export(export::ExportArgs),
    /// Serve the HTTP API over a store (127.0.0.1:8600 by default).
    Serve(serve::ServeArgs),
    /// Counts of a store's event mentions by type, country and month.
    Stats(events::StatsArgs),
    /// Code every document of a store again, as a new run (after a dictionary or dyad update).
    Recode(runs::RecodeArgs),
    /// List the coding runs of a store with their counts (TSV).
    Runs(runs::RunsArgs),
    /// Print documents as dyad reads them (metadata, parsed dateline, body text), one JSON per line.
    Read(read::ReadArgs),
    /// Tag and parse documents (or a CoNLL-U file) into CoNLL-U.
    Parse(parse::ParseArgs),
    /// Evaluate coding against gold records, or tagging and parsing against a treebank.
    Eval {
        #[command(subcommand)]
        what: eval::EvalCommand,
    },
    /// Explain actor coding.
    Actors {
        #[command(subcommand)]
        what: actors::ActorsCommand,
    },
    /// Build or inspect the dictionaries.
    Dict {
        #[command(subcommand)]
        what: dict::DictCommand,
    },
    /// Train the tagger or the parser (reproduces the committed models).
    Train {
        #[command(subcommand)]
        what: train::TrainCommand,
    },
    /// Measure throughput.
    Bench(bench::BenchArgs),
    /// The load of `dyad bench http` when wrk is not installed (a second process).
    #[command(hide = true)]
    BenchLoad(http_client::LoadArgs),
    /// List the coder's named rules (ids for `--disable-rule` and `--ablate`).
    Rules,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(args) => code::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Watch(args) => watch::run(args),
        Command::Recode(args) => runs::recode(args),
        Command::Events(args) => events::events(args),
        Command::Export(args) => export::run(args),
        Command::Stats(args) => events::stats(args),
        Command::Serve(args) => serve::run(args),
        Command::Runs(args) => runs::runs(args),
        Command::Read(args) => read::run(args),
        Command::Parse(args) => parse::run(args),
        Command::Eval { what } => eval::run(what),
        Command::Dict { what } => dict::run(what),
        Command::Actors { what } => actors::run(what),
        Command::Bench(args) => bench::run(args),
        Command::BenchLoad(args) => http_client::load(args),
        Command::Rules => {
            for rule in dyad_code::RuleId::ALL {
                println!("{:<26} {}", rule.id(), rule.doc());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Train { what } => train::run(what),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`dyad code ... | head`): what it wanted was written, so stop
        // quietly and successfully, as other Unix tools do.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Whether `e` comes from writing to a pipe whose reader has closed it.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(BrokenPipe)
    })
}

/// The documents a command reads: paths (or standard input) and the size limit.
#[derive(clap::Args)]
pub struct InputArgs {
    /// Documents: .jsonl, .txt, .html files, RSS/Atom feeds (.rss, .atom, .rdf, .xml) or folders of them; `-` or nothing for standard input.
    pub paths: Vec<PathBuf>,
    /// Largest document accepted, in bytes; larger ones are reported and skipped.
    #[arg(long, default_value_t = dyad_ingest::DEFAULT_MAX_BYTES)]
    pub max_doc_bytes: usize,
    /// Publication date of documents that have none of their own (no JSONL `date`, page
    /// metadata, date in the file name or dateline year); also the year of datelines without one.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<chrono::NaiveDate>,
    /// Read feed items from their linked article pages (HTTP; robots.txt obeyed): `always`
    /// (the default of a bare `--fetch`) for every item with a link, `--fetch=summaries` for items
    /// that carry only a short summary. Without it nothing is fetched.
    #[arg(long, value_enum, value_name = "WHICH", num_args = 0..=1, require_equals = true, default_missing_value = "always")]
    pub fetch: Option<FetchWhich>,
    /// Let `--fetch` read pages from loopback, private and link-local addresses too (by
    /// default a feed's links are followed to public addresses only: a hostile feed could
    /// point at a metadata service or an intranet).
    #[arg(long, requires = "fetch")]
    pub fetch_private: bool,
}

/// Which feed items' pages `--fetch` reads.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchWhich {
    /// None: items are read from the feed alone.
    Never,
    /// Items with only a short summary (no content).
    Summaries,
    /// Every item with a link.
    Always,
}

impl FetchWhich {
    pub fn policy(self) -> dyad_ingest::FetchPolicy {
        match self {
            FetchWhich::Never => dyad_ingest::FetchPolicy::Never,
            FetchWhich::Summaries => dyad_ingest::FetchPolicy::Summaries,
            FetchWhich::Always => dyad_ingest::FetchPolicy::Always,
        }
    }
}

/// `--date`: a calendar date written YYYY-MM-DD, nothing else (no time, no other order).
fn parse_date_arg(value: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .ok()
        .filter(|_| value.trim().len() == 10)
        .ok_or_else(|| "expected a publication date as YYYY-MM-DD, e.g. 2024-06-25".to_string())
}

impl InputArgs {
    /// The documents, read lazily; unreadable ones come as errors naming file and line.
    pub fn documents(
        &self,
    ) -> anyhow::Result<
        impl Iterator<Item = Result<dyad_ingest::Document, dyad_ingest::IngestError>> + Send,
    > {
        let paths = if self.paths.is_empty() {
            vec![PathBuf::from("-")]
        } else {
            self.paths.clone()
        };
        if paths.iter().any(|p| p.as_os_str() == "-") && std::io::stdin().is_terminal() {
            // Otherwise a user who forgot the path sees a command that seems to hang.
            eprintln!("reading documents from standard input (end with Ctrl-D); pass files or folders to read those");
        }
        let opts = dyad_ingest::IngestOptions {
            max_bytes: self.max_doc_bytes,
            default_date: self.date,
        };
        let pages = match self.fetch.map(FetchWhich::policy) {
            None | Some(dyad_ingest::FetchPolicy::Never) => None,
            Some(policy) => Some(dyad_ingest::Pages {
                source: std::sync::Arc::new(dyad_fetch::Fetcher::new(dyad_fetch::FetchOptions {
                    private_pages: self.fetch_private,
                    ..dyad_fetch::FetchOptions::default()
                })?),
                policy,
            }),
        };
        Ok(dyad_ingest::read_paths_with_pages(&paths, &opts, pages))
    }
}

/// The time a document may take to code.
#[derive(clap::Args, Clone, Copy)]
pub struct BudgetArgs {
    /// Seconds a document may take to code; one that takes longer is reported and skipped
    /// (a long document coded in sections is cut short there) and the run goes on. 0: no limit.
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0)]
    pub doc_budget: f64,
}

impl BudgetArgs {
    pub fn budget(self) -> Option<std::time::Duration> {
        budget_of(self.doc_budget)
    }
}

/// A `--doc-budget` in seconds as a budget: 0 (or anything not a positive duration) is none.
pub fn budget_of(seconds: f64) -> Option<std::time::Duration> {
    (seconds > 0.0)
        .then(|| std::time::Duration::try_from_secs_f64(seconds).ok())
        .flatten()
}

/// The coder's named rules to switch off (`dyad rules` lists them).
#[derive(clap::Args, Default, Clone)]
pub struct RuleArgs {
    /// Switch off a named rule of the coder (repeatable; `dyad rules` lists the ids).
    #[arg(long = "disable-rule", value_name = "ID", value_parser = parse_rule)]
    pub disable: Vec<dyad_code::RuleId>,
}

fn parse_rule(id: &str) -> Result<dyad_code::RuleId, String> {
    dyad_code::RuleId::parse(id)
        .ok_or_else(|| format!("no rule `{id}`; `dyad rules` lists the rules and their ids"))
}

impl RuleArgs {
    pub fn rules(&self) -> dyad_code::Rules {
        self.disable
            .iter()
            .fold(dyad_code::Rules::all(), |r, &id| r.without(id))
    }
}

/// A user's dictionary overlay, for the commands that resolve actors.
#[derive(clap::Args, Default)]
pub struct DictArgs {
    /// A user dictionary (TSV: `actor`, `agent` and `place` lines; see data/README.md) whose
    /// entries add to and override the embedded ones.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,
}

impl DictArgs {
    /// Installs the user dictionary, if any, before anything loads the dictionaries.
    pub fn install(&self) -> anyhow::Result<()> {
        let Some(path) = &self.dict else {
            return Ok(());
        };
        let user = dyad_dict::UserDict::read(path)?;
        dyad_dict::Dictionaries::install_user(&user)?;
        dyad_geo::Gazetteer::install_user_places(&user.places, &user.file)?;
        Ok(())
    }
}
