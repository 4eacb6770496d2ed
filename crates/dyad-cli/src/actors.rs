//! `dyad actors explain "PHRASE"`: which dictionary entries a phrase matches and the codes
//! they compose to (for dictionary upkeep and debugging).

use anyhow::Result;
use chrono::NaiveDate;
use clap::Subcommand;
use dyad_code::MentionFinder;
use dyad_dict::actors::Lexeme;
use dyad_dict::words::words;
use dyad_dict::Dictionaries;
use dyad_text::Tokenizer;
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum ActorsCommand {
    /// Show the dictionary hits and composed actor codes of a phrase or sentence.
    Explain {
        phrase: String,
        /// Document date (YYYY-MM-DD) for date-bounded roles.
        #[arg(long)]
        date: Option<NaiveDate>,
    },
}

pub fn run(cmd: ActorsCommand) -> Result<ExitCode> {
    let ActorsCommand::Explain { phrase, date } = cmd;
    let dicts = Dictionaries::embedded();
    let tokens = Tokenizer::new().tokenize(&phrase);
    let w = words(
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (i, t.form.as_str(), t.start)),
    );
    let text = |s: usize, e: usize| {
        phrase
            .get(w[s].start..w[e - 1].end)
            .unwrap_or("")
            .to_string()
    };
    println!("dictionary hits:");
    for m in dicts.actors.find(&w) {
        let what = match m.lexeme {
            Lexeme::Actor(id) => match dicts.actors.entry(id) {
                Some(e) => {
                    let roles: Vec<String> = e.roles.iter().map(|r| r.spec()).collect();
                    format!(
                        "{} \"{}\" roles {} -> {}",
                        e.kind.name(),
                        e.name,
                        roles.join(","),
                        e.code_on(date).unwrap_or("(null)")
                    )
                }
                None => "?".into(),
            },
            Lexeme::Agent(id) => format!("agent {}", dicts.actors.agent_code(id).unwrap_or("?")),
        };
        println!("  {:<30} {what}", text(m.start, m.end));
    }
    println!("actor mentions:");
    for m in MentionFinder::new(dicts).find(&w, date) {
        println!(
            "  {:<30} {:<12} group {} via {}",
            text(m.start, m.end),
            m.code,
            m.group,
            m.rule
        );
    }
    Ok(ExitCode::SUCCESS)
}
