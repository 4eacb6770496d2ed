//! Tags whitespace-separated sentences, one per line, from standard input.
//!
//! ```text
//! echo "Troops fought rebels ." | cargo run --release -p dyad-syntax --example tag_text -- data/models/tagger.bin
//! ```

use std::io::BufRead;

use dyad_syntax::TaggerModel;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "data/models/tagger.bin".to_string());
    let model = TaggerModel::from_bytes(&std::fs::read(path)?)?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let forms: Vec<&str> = line.split_whitespace().collect();
        let tags = model.tag(&forms);
        let out: Vec<String> = forms
            .iter()
            .zip(&tags)
            .map(|(f, t)| format!("{f}/{}/{}/{}", t.upos, t.xpos, t.lemma))
            .collect();
        println!("{}", out.join(" "));
    }
    Ok(())
}
