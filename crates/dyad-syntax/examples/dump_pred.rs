//! Writes a model's predictions on a CoNLL-U file as TSV (form, gold upos, gold xpos,
//! gold lemma, pred upos, pred xpos, pred lemma), one token a line, blank between sentences.
//!
//! ```text
//! cargo run --release -p dyad-syntax --example dump_pred -- MODEL GOLD.conllu > out.tsv
//! ```

use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::TaggerModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model), Some(gold)) = (args.first(), args.get(1)) else {
        eprintln!("usage: dump_pred MODEL GOLD.conllu");
        std::process::exit(2);
    };
    let model = TaggerModel::from_bytes(&std::fs::read(model)?)?;
    let gold = read_conllu_file(std::path::Path::new(gold))?;
    for s in &gold {
        let forms = s.forms();
        for (t, w) in model.tag(&forms).iter().zip(&s.words) {
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                w.form,
                w.upos,
                w.xpos,
                w.lemma,
                t.upos.as_str(),
                t.xpos.as_str(),
                t.lemma
            );
        }
        println!();
    }
    Ok(())
}
