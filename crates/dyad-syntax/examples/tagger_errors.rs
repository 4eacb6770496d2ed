//! Prints the most frequent tagging and lemma errors of a model on a CoNLL-U file.
//!
//! ```text
//! cargo run --release -p dyad-syntax --example tagger_errors -- data/models/tagger.bin GOLD.conllu
//! ```

use std::collections::HashMap;

use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::TaggerModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model), Some(gold)) = (args.first(), args.get(1)) else {
        eprintln!("usage: tagger_errors MODEL GOLD.conllu");
        std::process::exit(2);
    };
    let model = TaggerModel::from_bytes(&std::fs::read(model)?)?;
    let gold = read_conllu_file(std::path::Path::new(gold))?;
    let mut upos: HashMap<(String, String), usize> = HashMap::new();
    let mut xpos: HashMap<(String, String), usize> = HashMap::new();
    let mut lemma: HashMap<String, usize> = HashMap::new();
    for s in &gold {
        let forms = s.forms();
        for (t, w) in model.tag(&forms).iter().zip(&s.words) {
            if t.upos.as_str() != w.upos {
                *upos
                    .entry((w.upos.clone(), t.upos.as_str().to_string()))
                    .or_default() += 1;
            }
            if t.xpos.as_str() != w.xpos {
                *xpos
                    .entry((w.xpos.clone(), t.xpos.as_str().to_string()))
                    .or_default() += 1;
            }
            if t.lemma != w.lemma {
                let tag_ok = if t.xpos.as_str() == w.xpos {
                    "tag-ok"
                } else {
                    "tag-wrong"
                };
                *lemma
                    .entry(format!(
                        "{} {} gold={} got={} [{}]",
                        w.form, w.xpos, w.lemma, t.lemma, tag_ok
                    ))
                    .or_default() += 1;
            }
        }
    }
    for (name, map) in [("UPOS gold->pred", &upos), ("XPOS gold->pred", &xpos)] {
        let mut v: Vec<_> = map.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1));
        println!("== {name}");
        for ((g, p), n) in v.iter().take(25) {
            println!("{n:6} {g} -> {p}");
        }
    }
    let mut v: Vec<_> = lemma.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!(
        "== lemma errors ({} total)",
        v.iter().map(|x| x.1).sum::<usize>()
    );
    for (e, n) in v.iter().take(100000) {
        println!("{n:6} {e}");
    }
    Ok(())
}
