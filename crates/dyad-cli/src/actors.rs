//! `dyad actors explain "PHRASE"`: which dictionary entries a phrase matches and the code it
//! resolves to, and why; `dyad actors unresolved FILES`: the names a corpus mentions most that
//! got no actor code (for dictionary upkeep).

use anyhow::Result;
use chrono::NaiveDate;
use clap::Subcommand;
use dyad_code::explain::{words_text, HitEntry};
use dyad_code::mentions::is_not_name;
use dyad_code::{Pipeline, PreparedDocument};
use dyad_dict::words::WordIdx;
use dyad_model::Document;
use rayon::prelude::*;
use std::collections::HashMap;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ActorsCommand {
    /// Show the dictionary hits of a phrase, the actor mentions they compose to, and the code
    /// the phrase resolves to (in a document made of `--context` and the phrase).
    Explain {
        phrase: String,
        /// Document date (YYYY-MM-DD) for date-bounded roles.
        #[arg(long)]
        date: Option<NaiveDate>,
        /// Text of the document before the phrase (for home countries and names introduced
        /// earlier: --context "Armenia's Prime Minister Nikol Pashinyan arrived." "Pashinyan said").
        #[arg(long, default_value = "")]
        context: String,
        #[command(flatten)]
        dict: crate::DictArgs,
    },
    /// List the most frequent person and organisation names of a corpus that got no actor
    /// code, with an example sentence each (TSV: count, kind, name, document, example).
    Unresolved {
        #[command(flatten)]
        input: crate::InputArgs,
        /// How many names to list.
        #[arg(long, default_value_t = 50)]
        top: usize,
        /// Names seen fewer times are not listed.
        #[arg(long, default_value_t = 2)]
        min_count: usize,
        #[command(flatten)]
        dict: crate::DictArgs,
    },
}

pub fn run(cmd: ActorsCommand) -> Result<ExitCode> {
    match cmd {
        ActorsCommand::Explain {
            phrase,
            date,
            context,
            dict,
        } => {
            dict.install()?;
            explain(&phrase, date, &context)
        }
        ActorsCommand::Unresolved {
            input,
            top,
            min_count,
            dict,
        } => {
            dict.install()?;
            unresolved(&input, top, min_count)
        }
    }
}

fn explain(phrase: &str, date: Option<NaiveDate>, context: &str) -> Result<ExitCode> {
    let pipeline = Pipeline::new();
    let explained = dyad_code::explain::explain_actor(&pipeline, phrase, date, context);
    for sentence in &explained.sentences {
        if sentence.discarded {
            println!(
                "sentence {:?} is discarded (not about politics)",
                sentence.text
            );
            continue;
        }
        println!("dictionary hits in {:?}:", sentence.text);
        for hit in &sentence.hits {
            println!("  {:<30} {}", hit.text, entry_line(&hit.entry));
        }
        println!("actor mentions:");
        for m in &sentence.mentions {
            let mut extra = String::new();
            if m.actor_code != m.code {
                extra.push_str(&format!(" as actor {}", m.actor_code));
            }
            if let Some(b) = &m.backer {
                extra.push_str(&format!(" backed by {b}"));
            }
            println!(
                "  {:<30} {:<12} group {} via {}{extra}",
                m.text, m.code, m.group, m.rule
            );
        }
    }
    if let Some(p) = &explained.place {
        println!(
            "place: {} ({}), {} {}, geonameid {}",
            p.name,
            p.precision,
            p.country,
            p.admin1.as_deref().unwrap_or(""),
            p.geonameid.map_or("-".to_string(), |g| g.to_string())
        );
    }
    match (&explained.code, &explained.rule) {
        (Some(code), Some(rule)) => println!("code: {code}  ({rule})"),
        _ => println!("code: none"),
    }
    Ok(ExitCode::SUCCESS)
}

fn entry_line(entry: &HitEntry) -> String {
    const NO_ROLE: &str = "(no role on that date)";
    match entry {
        HitEntry::Actor {
            actor_kind,
            name,
            file,
            roles,
            role_on_date,
            code,
        } => format!(
            "{actor_kind} \"{name}\" [{file}] roles {} -> {} (by {})",
            roles.join(","),
            code.as_deref().unwrap_or(NO_ROLE),
            role_on_date.as_deref().unwrap_or(NO_ROLE)
        ),
        HitEntry::Agent { code } => format!("agent {}", code.as_deref().unwrap_or("?")),
        HitEntry::Unknown => "?".into(),
    }
}

/// Words that mark a name as an organisation's.
const ORG_WORDS: &[&str] = &[
    "party",
    "front",
    "movement",
    "army",
    "forces",
    "council",
    "ministry",
    "agency",
    "union",
    "company",
    "corp",
    "corporation",
    "group",
    "bank",
    "committee",
    "commission",
    "organization",
    "organisation",
    "institute",
    "university",
    "brigade",
    "brigades",
    "battalion",
    "court",
    "league",
    "alliance",
    "association",
    "federation",
    "fund",
    "service",
    "office",
    "inc",
    "ltd",
    "news",
    "network",
    "times",
    "post",
    "foundation",
    "authority",
];

/// Capitalized words that open sentences and clauses, beyond those the coder already knows are
/// no names (`dyad_code::mentions::is_not_name`: calendar words, articles, pronouns).
const OPENERS: &[&str] = &[
    "at",
    "this",
    "that",
    "these",
    "those",
    "there",
    "when",
    "while",
    "after",
    "before",
    "mr",
    "mrs",
    "ms",
    "dr",
    "if",
    "as",
    "for",
    "with",
    "by",
    "from",
    "his",
    "her",
    "its",
    "their",
    "our",
    "what",
    "who",
    "why",
    "how",
    "some",
    "many",
    "all",
    "no",
    "one",
    "two",
    "three",
    "also",
    "however",
    "meanwhile",
    "last",
    "next",
    "according",
    "earlier",
];

/// Documents handled in parallel at a time.
const BATCH: usize = 256;

/// Names of one document: (name, kind, example sentence).
type Found = Vec<(String, &'static str, String)>;

/// Runs of capitalized words in a sentence that no mention or place covers.
fn unresolved_names(prepared: &PreparedDocument) -> Found {
    let mut out = Found::new();
    let places = dyad_geo::Gazetteer::embedded();
    for (sentence, prep) in prepared.sentences.iter().zip(&prepared.prepared) {
        let Some(prep) = prep else { continue };
        let words = &prep.words;
        let forms: Vec<&str> = words
            .iter()
            .map(|w| sentence.text.get(w.start..w.end).unwrap_or(""))
            .collect();
        let place_words: Vec<(usize, usize)> = places
            .find(&forms)
            .into_iter()
            .map(|p| (p.start, p.end))
            .collect();
        let covered = |k: usize| {
            let w = WordIdx::new(k);
            prep.mentions.iter().any(|m| m.start <= w && w < m.end)
                || place_words.iter().any(|&(s, e)| s <= k && k < e)
        };
        let is_name_word = |k: usize| {
            let Some(w) = words.get(k) else {
                return false;
            };
            w.capitalized
                && !covered(k)
                && w.norm.chars().next().is_some_and(char::is_alphabetic)
                && !is_not_name(&w.norm)
                && !OPENERS.contains(&w.norm.as_str())
        };
        let mut k = 0;
        while k < words.len() {
            if !is_name_word(k) {
                k += 1;
                continue;
            }
            let start = k;
            let mut end = k + 1;
            // "Bank of England", "Osama bin Laden"
            while end < words.len() {
                if is_name_word(end) {
                    end += 1;
                } else if words
                    .get(end)
                    .is_some_and(|w| matches!(w.norm.as_str(), "of" | "bin" | "al" | "de" | "for"))
                    && end + 1 < words.len()
                    && is_name_word(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            k = end;
            // a lone capitalized word opening the sentence is usually just capitalized
            if start == 0 && end == 1 {
                continue;
            }
            let name = words_text(
                &sentence.text,
                words,
                WordIdx::new(start),
                WordIdx::new(end),
            );
            // start < end <= words.len()
            let run = words.get(start..end).unwrap_or_default();
            let norms: Vec<&str> = run.iter().map(|w| w.norm.as_str()).collect();
            let kind = if norms.iter().any(|n| ORG_WORDS.contains(n)) {
                "organisation"
            } else if run.iter().all(|w| w.all_caps) {
                "acronym"
            } else if (2..=4).contains(&(end - start)) {
                "person"
            } else {
                "name"
            };
            let mut example: String = sentence.text.chars().take(200).collect();
            example = example.replace(['\t', '\n'], " ");
            out.push((name, kind, example));
        }
    }
    out
}

fn unresolved(input: &crate::InputArgs, top: usize, min_count: usize) -> Result<ExitCode> {
    let pipeline = Pipeline::new();
    // count, kind, first document and example; batches keep memory flat and the result
    // does not depend on the thread count
    let mut names: HashMap<String, (usize, &'static str, String, String)> = HashMap::new();
    let (mut errors, mut total) = (0usize, 0usize);
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Document>| {
        let found: Vec<(String, Found)> = batch
            .par_iter()
            .map(|d| (d.id.clone(), unresolved_names(&pipeline.prepare(d))))
            .collect();
        for (doc, list) in found {
            for (name, kind, example) in list {
                let e = names
                    .entry(name)
                    .or_insert_with(|| (0, kind, doc.clone(), example));
                e.0 += 1;
            }
        }
        batch.clear();
    };
    for d in input.documents()? {
        match d {
            Ok(d) => {
                total += 1;
                batch.push(d);
                if batch.len() == BATCH {
                    flush(&mut batch);
                }
            }
            Err(e) => {
                errors += 1;
                eprintln!("error: {e}");
            }
        }
    }
    flush(&mut batch);
    #[allow(clippy::type_complexity)] // (name, (count, kind, code, example)), sorted once here
    let mut rows: Vec<(&String, &(usize, &str, String, String))> =
        names.iter().filter(|(_, v)| v.0 >= min_count).collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then_with(|| a.0.cmp(b.0)));
    println!("count\tkind\tname\tdocument\texample");
    for (name, (count, kind, doc, example)) in rows.into_iter().take(top) {
        println!("{count}\t{kind}\t{name}\t{doc}\t{example}");
    }
    eprintln!(
        "{} documents, {} distinct unresolved names{}",
        total,
        names.len(),
        if errors > 0 {
            format!(", {errors} unreadable documents")
        } else {
            String::new()
        }
    );
    Ok(if errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
