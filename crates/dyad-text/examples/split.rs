//! Prints the sentences and tokens of a text file (or standard input), one per line.
//!
//! `cargo run -p dyad-text --example split -- FILE`

use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(path) => text = std::fs::read_to_string(path).unwrap_or_default(),
        None => {
            let _ = std::io::stdin().read_to_string(&mut text);
        }
    }
    let splitter = dyad_text::SentenceSplitter::new();
    let tokenizer = dyad_text::Tokenizer::new();
    for s in splitter.split(&text) {
        println!("[{}..{}] {}", s.start, s.end, s.text);
        let forms: Vec<String> = tokenizer
            .tokenize(&s.text)
            .into_iter()
            .map(|t| t.form)
            .collect();
        println!("    {}", forms.join(" | "));
    }
}
