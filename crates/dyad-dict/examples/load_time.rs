//! Prints how long each embedded dictionary takes to parse (a benchmark, not a test):
//! `cargo run --release -p dyad-dict --example load_time`.

use dyad_dict::{embedded, ActorDict, Ontology, VerbDict};
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let actors = ActorDict::parse(
        &[
            ("extra-actors.tsv", embedded::EXTRA_ACTORS),
            ("actors.tsv", embedded::ACTORS),
        ],
        &[
            ("extra-agents.tsv", embedded::EXTRA_AGENTS),
            ("agents.tsv", embedded::AGENTS),
        ],
    );
    let a = t.elapsed();
    let t = Instant::now();
    let verbs = VerbDict::parse(&[embedded::VERBS, embedded::EXTRA_VERBS]);
    let v = t.elapsed();
    let t = Instant::now();
    let onto = Ontology::parse(embedded::CAMEO);
    let o = t.elapsed();
    println!(
        "actors+agents {:.1} ms ({} phrases), verbs {:.1} ms, ontology {:.1} ms",
        a.as_secs_f64() * 1e3,
        actors.map(|d| d.phrase_count()).unwrap_or(0),
        v.as_secs_f64() * 1e3,
        o.as_secs_f64() * 1e3
    );
    let _ = (verbs, onto);
    // the automaton alone, over the same phrases
    let phrases: Vec<(Vec<String>, ())> = embedded::ACTORS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(2))
        .flat_map(|p| p.split('|'))
        .map(|p| (p.split(' ').map(str::to_string).collect(), ()))
        .collect();
    let t = Instant::now();
    let m = dyad_dict::PhraseMatcher::new(phrases);
    println!(
        "automaton alone: {:.1} ms for {} phrases",
        t.elapsed().as_secs_f64() * 1e3,
        m.len()
    );
}
