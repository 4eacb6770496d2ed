//! Tagging speed on one core.
//!
//! ```text
//! cargo run --release -p dyad-syntax --example bench_tagger -- data/models/tagger.bin GOLD.conllu
//! ```

use std::time::Instant;

use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::TaggerModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model), Some(gold)) = (args.first(), args.get(1)) else {
        eprintln!("usage: bench_tagger MODEL GOLD.conllu");
        std::process::exit(2);
    };
    let t = Instant::now();
    let model = TaggerModel::from_bytes(&std::fs::read(model)?)?;
    println!("load: {:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let gold = read_conllu_file(std::path::Path::new(gold))?;
    let sents: Vec<Vec<&str>> = gold.iter().map(|s| s.forms()).collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    for (name, lemmas) in [("POS only", false), ("POS + lemma", true)] {
        let rounds = 5;
        let t = Instant::now();
        let mut check = 0usize;
        for _ in 0..rounds {
            for s in &sents {
                if lemmas {
                    check += model.tag(s).len();
                } else {
                    check += model.tag_pos(s).len();
                }
            }
        }
        let secs = t.elapsed().as_secs_f64();
        println!(
            "{name}: {:.0} tokens/s ({check} tokens tagged)",
            (tokens * rounds) as f64 / secs
        );
    }
    Ok(())
}
