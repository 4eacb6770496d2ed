//! Development tool: prunes a parser model at several thresholds and scores each on EWT dev
//! with the committed tagger's tags: `prune_parser MODEL.bin T1 T2 ...`.

use dyad_parse::{evaluate_tagged, ParserModel, SentenceTags};
use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::TaggerModel;
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let model = ParserModel::from_bytes(&std::fs::read(&a[1]).unwrap()).unwrap();
    let tagger =
        TaggerModel::from_bytes(&std::fs::read("data/models/tagger.bin").unwrap()).unwrap();
    let dev = read_conllu_file(std::path::Path::new(
        "../shared/data/ud-ewt/en_ewt-ud-dev.conllu",
    ))
    .unwrap();
    let tokens: usize = dev.iter().map(|s| s.words.len()).sum();
    let tags: Vec<SentenceTags> = dev.iter().map(|s| tagger.tag_pos(&s.forms())).collect();
    for t in &a[2..] {
        let m = model.pruned(t.parse().unwrap());
        let start = Instant::now();
        let mut k = 0;
        let s = evaluate_tagged(&m, &dev, |_| {
            k += 1;
            tags[k - 1].clone()
        });
        let secs = start.elapsed().as_secs_f64();
        println!(
            "prune {t}: dev pred UAS {:.4} LAS {:.4}; {:.2} MiB, {} feats; parse only {:.0} tokens/s",
            s.uas(),
            s.las(),
            m.to_bytes().len() as f64 / 1048576.0,
            m.feature_count(),
            tokens as f64 / secs
        );
    }
}
