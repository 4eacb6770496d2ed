//! Scores the committed parser on a CoNLL-U file with tags from the committed tagger, and
//! with gold tags: `cargo run --release -p dyad-parse --example eval_parser [FILE.conllu]
//! [PARSER.bin] [BEAM]` (BEAM overrides the model's beam width). The speed is tagging
//! (UPOS + XPOS) plus parsing on one core.

use dyad_parse::{evaluate_tagged, gold_tags, ParserModel};
use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::TaggerModel;
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/ud-ewt/en_ewt-ud-test.conllu".into());
    let model = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "data/models/parser.bin".into());
    let load = |p: &str| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}"));
    let tagger = TaggerModel::from_bytes(&load("data/models/tagger.bin")).expect("tagger model");
    let mut parser = ParserModel::from_bytes(&load(&model)).expect("parser model");
    if let Some(b) = std::env::args().nth(3).and_then(|b| b.parse().ok()) {
        parser = parser.with_beam(b);
    }
    let gold = read_conllu_file(std::path::Path::new(&path)).expect("conllu");
    let tokens: usize = gold.iter().map(|s| s.words.len()).sum();
    let t = Instant::now();
    let s = evaluate_tagged(&parser, &gold, |s| tagger.tag_pos(&s.forms()));
    let secs = t.elapsed().as_secs_f64();
    let g = evaluate_tagged(&parser, &gold, gold_tags);
    println!(
        "{path} (predicted tags, beam {}): UAS {:.4} LAS {:.4} LAS-full {:.4}; tag+parse {:.0} tokens/s on one core",
        parser.beam(),
        s.uas(),
        s.las(),
        s.las_full(),
        tokens as f64 / secs
    );
    println!(
        "{path} (gold tags): UAS {:.4} LAS {:.4} LAS-full {:.4}",
        g.uas(),
        g.las(),
        g.las_full()
    );
}
