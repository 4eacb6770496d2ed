//! `dyad events`: the event mentions (or merged events) of a store, filtered, as a table, JSON
//! lines or CSV; `dyad stats`: counts by type, country and month.

use anyhow::Result;
use dyad_export::csv_field;
use dyad_store::{EventFilter, RunId, Stat};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The filters of `dyad events` and `dyad export`.
#[derive(clap::Args)]
pub struct FilterArgs {
    /// The store file.
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    /// The run to read (see `dyad runs`); default the latest.
    #[arg(long)]
    pub run: Option<i64>,
    /// Source actor code prefix (`RUS` matches `RUSGOV`).
    #[arg(long)]
    pub actor: Option<String>,
    /// Target actor code prefix.
    #[arg(long)]
    pub recipient: Option<String>,
    /// A country (code prefix) on either side.
    #[arg(long)]
    pub country: Option<String>,
    /// PLOVER event type (ASSAULT, REQUEST...).
    #[arg(long = "type")]
    pub event: Option<String>,
    /// PLOVER mode.
    #[arg(long)]
    pub mode: Option<String>,
    /// Quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
    #[arg(long)]
    pub quad: Option<u8>,
    /// Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub since: Option<String>,
    /// Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).
    #[arg(long)]
    pub until: Option<String>,
    /// A place's name or first-level division (admin1).
    #[arg(long)]
    pub place: Option<String>,
    /// Only events asserted as having happened.
    #[arg(long)]
    pub asserted_only: bool,
    /// Full-text search of the sentence (words, "a phrase", OR, NOT).
    #[arg(long)]
    pub q: Option<String>,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn filter(&self) -> EventFilter {
        EventFilter {
            run: self.run.map(RunId),
            actor: self.actor.clone(),
            recipient: self.recipient.clone(),
            country: self.country.clone(),
            event: self.event.clone(),
            mode: self.mode.clone(),
            quad: self.quad,
            since: self.since.clone(),
            until: self.until.clone(),
            place: self.place.clone(),
            asserted_only: self.asserted_only,
            text: self.q.clone(),
            limit: self.limit,
            ..Default::default()
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Jsonl,
    Csv,
}

#[derive(clap::Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Merged events (one per happening, with counts) instead of event mentions.
    #[arg(long)]
    pub merged: bool,
    /// Output format; default a table on a terminal, JSON lines otherwise.
    #[arg(long, value_enum)]
    pub format: Option<Format>,
}

#[derive(clap::Args)]
pub struct StatsArgs {
    /// The store file.
    #[arg(long, default_value = "dyad.db")]
    pub store: PathBuf,
    /// The run to count (default the latest).
    #[arg(long)]
    pub run: Option<i64>,
}

/// The codes of a side of a record, `|`-joined.
fn codes(record: &serde_json::Value, side: &str) -> String {
    record[side]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x["code"].as_str())
                .collect::<Vec<_>>()
                .join("|")
        })
        .unwrap_or_default()
}

/// The columns of a mention or merged event's representative record, for table and CSV.
fn columns(record: &serde_json::Value) -> [String; 6] {
    let s =
        |v: Option<&serde_json::Value>| v.and_then(|v| v.as_str()).unwrap_or_default().to_string();
    let inner = |outer: &str, key: &str| record.get(outer).and_then(|v| v.get(key));
    [
        s(record.get("date")),
        s(inner("plover", "event")),
        codes(record, "source"),
        codes(record, "target"),
        s(inner("location", "name")),
        s(record.get("sentence")),
    ]
}

pub fn events(args: EventsArgs) -> Result<ExitCode> {
    let store = crate::runs::open_existing(&args.filter.store)?;
    let filter = args.filter.filter();
    let format = args.format.unwrap_or(if std::io::stdout().is_terminal() {
        Format::Table
    } else {
        Format::Jsonl
    });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let io = dyad_store::StoreError::Output;
    let head = ["date", "type", "source", "target", "place", "sentence"];
    match format {
        Format::Csv if args.merged => writeln!(
            out,
            "event_key,num_mentions,num_sources,num_articles,last_date,{}",
            head.join(",")
        )?,
        Format::Csv => writeln!(out, "{}", head.join(","))?,
        Format::Table if args.merged => writeln!(
            out,
            "{:<10} {:>4} {:>4} {:<9} {:<14} {:<14} {:<14} sentence",
            "date", "ment", "src", "type", "source", "target", "place"
        )?,
        Format::Table => writeln!(
            out,
            "{:<10} {:<9} {:<14} {:<14} {:<14} sentence",
            "date", "type", "source", "target", "place"
        )?,
        Format::Jsonl => {}
    }
    let short = |s: &str, n: usize| -> String { s.chars().take(n).collect() };
    let result = if args.merged {
        store.each_event(&filter, |e| {
            let mut c = columns(&e.representative);
            // the event's date is its earliest mention's, not its first report's
            if let Some(d) = &e.date {
                c[0].clone_from(d);
            }
            match format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut out, e).map_err(|x| io(x.into()))?;
                    writeln!(out).map_err(io)
                }
                Format::Csv => writeln!(
                    out,
                    "{},{},{},{},{},{}",
                    e.event_key,
                    e.num_mentions,
                    e.num_sources,
                    e.num_articles,
                    csv_field(e.last_date.as_deref().unwrap_or_default()),
                    c.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
                )
                .map_err(io),
                Format::Table => writeln!(
                    out,
                    "{:<10} {:>4} {:>4} {:<9} {:<14} {:<14} {:<14} {}",
                    c[0],
                    e.num_mentions,
                    e.num_sources,
                    c[1],
                    short(&c[2], 14),
                    short(&c[3], 14),
                    short(&c[4], 14),
                    short(&c[5], 90)
                )
                .map_err(io),
            }
        })
    } else {
        store.each_mention(&filter, |record| match format {
            Format::Jsonl => writeln!(out, "{record}").map_err(io),
            _ => {
                let value: serde_json::Value = serde_json::from_str(record).unwrap_or_default();
                let c = columns(&value);
                if format == Format::Csv {
                    writeln!(
                        out,
                        "{}",
                        c.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",")
                    )
                    .map_err(io)
                } else {
                    writeln!(
                        out,
                        "{:<10} {:<9} {:<14} {:<14} {:<14} {}",
                        c[0],
                        c[1],
                        short(&c[2], 14),
                        short(&c[3], 14),
                        short(&c[4], 14),
                        short(&c[5], 90)
                    )
                    .map_err(io)
                }
            }
        })
    };
    let n = match result.and_then(|n| out.flush().map(|()| n).map_err(io)) {
        Ok(n) => n,
        // a reader that stops early (`| head`) is no error
        Err(dyad_store::StoreError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok(ExitCode::SUCCESS)
        }
        Err(e) => return Err(e.into()),
    };
    eprintln!(
        "{n} {}",
        if args.merged {
            "merged events"
        } else {
            "event mentions"
        }
    );
    Ok(ExitCode::SUCCESS)
}

pub fn stats(args: StatsArgs) -> Result<ExitCode> {
    let store = crate::runs::open_existing(&args.store)?;
    let run = args.run.map(RunId);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut write = || -> std::io::Result<()> {
        for (title, by) in [
            ("type", Stat::Type),
            ("country", Stat::Country),
            ("month", Stat::Month),
        ] {
            writeln!(out, "by {title}:")?;
            for (k, n) in store.stats(run, by).map_err(std::io::Error::other)? {
                writeln!(out, "  {k:<12} {n}")?;
            }
        }
        out.flush()
    };
    match write() {
        // a reader that stops early (`| head`) is no error
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        other => other.map(|()| ExitCode::SUCCESS).map_err(Into::into),
    }
}
