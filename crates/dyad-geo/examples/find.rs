//! Finds and resolves the places of a text read from standard input (a demonstration with a
//! crude tokenizer: words split at white space, punctuation split off, sentences at `.`, `!`,
//! `?`). Countries found in the text are the context for the other names:
//! `cargo run --release -p dyad-geo --example find < story.txt`.

use dyad_geo::{Gazetteer, Precision};
use std::io::Read;

fn main() {
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("error: standard input is not UTF-8 text");
        std::process::exit(1);
    }
    let g = Gazetteer::embedded();
    let sentences: Vec<Vec<String>> = split_sentences(&text);
    // First pass: the countries named in the text are its context.
    let mut context: Vec<String> = Vec::new();
    for s in &sentences {
        let words: Vec<&str> = s.iter().map(String::as_str).collect();
        for m in g.find(&words) {
            if let Some(p) = g.resolve_ids(&m.ids, &[]).and_then(|id| g.place(id)) {
                if p.precision == Precision::Country && !context.contains(&p.country) {
                    context.push(p.country);
                }
            }
        }
    }
    let ctx: Vec<&str> = context.iter().map(String::as_str).collect();
    println!("context: {ctx:?}");
    for s in &sentences {
        let words: Vec<&str> = s.iter().map(String::as_str).collect();
        for m in g.find(&words) {
            let said = words[m.start..m.end].join(" ");
            match g.resolve_ids(&m.ids, &ctx).and_then(|id| g.place(id)) {
                Some(p) => println!(
                    "{said:<24} -> {} ({:?}, {}{}) {:.2},{:.2} [{} candidates]",
                    p.name,
                    p.precision,
                    p.country,
                    p.admin1.map(|a| format!(", {a}")).unwrap_or_default(),
                    p.lat,
                    p.lon,
                    m.ids.len()
                ),
                None => println!("{said:<24} -> ?"),
            }
        }
    }
}

fn split_sentences(text: &str) -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    for raw in text.split_whitespace() {
        let lead: String = raw.chars().take_while(|c| !c.is_alphanumeric()).collect();
        let rest = &raw[lead.len()..];
        let core = rest.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let core = if core.matches('.').count() == 1 {
            core.trim_end_matches('.')
        } else {
            core
        };
        let trail = &rest[core.len()..];
        let sentence = out.last_mut().expect("never empty");
        if !lead.is_empty() {
            sentence.push(lead);
        }
        if !core.is_empty() {
            sentence.push(core.to_string());
        }
        if !trail.is_empty() {
            sentence.push(trail.to_string());
        }
        if trail.contains(['.', '!', '?']) {
            out.push(Vec::new());
        }
    }
    out.retain(|s| !s.is_empty());
    out
}
