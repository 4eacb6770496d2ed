//! `dyad parse`: CoNLL-U with predicted tags, lemmas and dependency trees, from raw documents
//! (segmented by dyad) or from a CoNLL-U file whose tokenization is kept (`--conllu`).

use anyhow::{Context, Result};
use dyad_code::conllu::{tokenize_document, write_sentence, TokenizedSentence};
use dyad_code::{Analyzer, SyntaxToken};
use dyad_syntax::conllu::read_conllu_file;
use dyad_text::{SentenceSplitter, Tokenizer};
use rayon::prelude::*;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub input: crate::InputArgs,
    /// Parse this CoNLL-U file, keeping its FORM column as the tokenization.
    #[arg(long, conflicts_with = "paths")]
    pub conllu: Option<PathBuf>,
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    let analyzer = Analyzer::embedded().context("loading the embedded tagger and parser models")?;
    let mut items: Vec<TokenizedSentence> = Vec::new();
    let mut skipped = 0;
    if let Some(path) = &args.conllu {
        let sentences =
            read_conllu_file(path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        for (i, s) in sentences.into_iter().enumerate() {
            let forms: Vec<String> = s.words.iter().map(|w| w.form.clone()).collect();
            let space_after = s
                .words
                .iter()
                .map(|w| !w.misc.contains("SpaceAfter=No"))
                .collect();
            let text = s.text.clone().unwrap_or_else(|| forms.join(" "));
            items.push(TokenizedSentence {
                id: s.id.clone().unwrap_or_else(|| (i + 1).to_string()),
                text,
                forms,
                space_after,
            });
        }
    } else {
        let (splitter, tokenizer) = (SentenceSplitter::new(), Tokenizer::new());
        for doc in args.input.documents()? {
            let doc = match doc {
                Ok(d) => d,
                Err(e) => {
                    skipped += 1;
                    eprintln!("error: {e} (skipped)");
                    continue;
                }
            };
            items.extend(tokenize_document(&doc, &splitter, &tokenizer));
        }
    }
    let parsed: Vec<Vec<SyntaxToken>> = items
        .par_iter()
        .map(|it| analyzer.analyze_forms(&it.form_strs()))
        .collect();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (item, syntax) in items.iter().zip(&parsed) {
        write_sentence(&mut out, item, syntax)?;
    }
    out.flush()?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}
