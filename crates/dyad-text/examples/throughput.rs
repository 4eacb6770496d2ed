//! Throughput measurement (printed, never asserted: timings depend on the machine and on
//! debug vs release builds). Run with `cargo run --release -p dyad-text --example throughput`
//! (a benchmark, not a test).

use std::time::Instant;

use dyad_text::{SentenceSplitter, Tokenizer};

const FALLBACK: &str = "U.S. President Joe Biden met U.N. Secretary-General Antonio Guterres on Sept. 20. \
\"We will fight,\" he said. The economy grew 3.5 percent, to $1.2 billion. Russia's army didn't \
withdraw from Nagorno-Karabakh, officials said. \"How come?\" State Secretary Tamas Menczer asked.\n\n";

fn main() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/tass-2023-09-20-hungary-karabakh.txt");
    let story = std::fs::read_to_string(path).unwrap_or_else(|_| FALLBACK.to_string());
    // About 2 MB of news text.
    let corpus = story.repeat(2_000_000 / story.len().max(1) + 1);
    let (splitter, tokenizer) = (SentenceSplitter::new(), Tokenizer::new());

    let start = Instant::now();
    let sentences = splitter.split(&corpus);
    let split_time = start.elapsed();

    let start = Instant::now();
    let mut tokens = 0usize;
    for s in &sentences {
        tokens += tokenizer.tokenize(&s.text).len();
    }
    let token_time = start.elapsed();

    let n = sentences.len() as f64;
    let total = (split_time + token_time).as_secs_f64();
    eprintln!(
        "{} sentences, {tokens} tokens, {:.1} MB: split {:.2} us/sentence, tokenize {:.2} us/sentence, \
         together {:.0} sentences/s on one core",
        sentences.len(),
        corpus.len() as f64 / 1e6,
        split_time.as_secs_f64() * 1e6 / n,
        token_time.as_secs_f64() * 1e6 / n,
        n / total
    );
    assert!(tokens > sentences.len());
}
