//! `mkseeds OUT_DIR CONLLU...`: trains a tiny tagger and parser on the given CoNLL-U files and
//! writes them to OUT_DIR as `tiny-tagger.bin` and `tiny-parser.bin` (a few KiB each, so that
//! the fuzzer's mutations reach every part of the format quickly).

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: mkseeds OUT_DIR CONLLU..."));
    let mut sentences = Vec::new();
    for path in args {
        let text = std::fs::read_to_string(&path).expect("read a CoNLL-U file");
        sentences.extend(dyad_syntax::parse_conllu(&text).expect("parse a CoNLL-U file"));
    }
    assert!(!sentences.is_empty(), "no sentences");
    let tagger_opts = dyad_syntax::TrainOptions {
        epochs: 2,
        stacked: false,
        verbose: false,
        ..Default::default()
    };
    let tagger = dyad_syntax::TaggerModel::train(&sentences, None, &tagger_opts);
    let parser_opts = dyad_parse::TrainOptions {
        epochs: 2,
        verbose: false,
        ..Default::default()
    };
    let parser = dyad_parse::ParserModel::train(&sentences, None, &parser_opts);
    std::fs::create_dir_all(&out).expect("create the output folder");
    for (name, bytes) in [
        ("tiny-tagger.bin", tagger.to_bytes()),
        ("tiny-parser.bin", parser.to_bytes()),
    ] {
        std::fs::write(out.join(name), &bytes).expect("write a model");
        println!("{}: {} bytes", out.join(name).display(), bytes.len());
    }
}
