//! `dyad parse`: CoNLL-U with predicted tags, lemmas and dependency trees, from raw documents
//! (segmented by dyad) or from a CoNLL-U file whose tokenization is kept (`--conllu`).

use anyhow::{Context, Result};
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

/// One sentence to print: id, text, forms, and whether a space follows each token.
struct Item {
    id: String,
    text: String,
    forms: Vec<String>,
    space_after: Vec<bool>,
}

fn write_sentence(
    out: &mut impl Write,
    item: &Item,
    syntax: &[SyntaxToken],
) -> std::io::Result<()> {
    writeln!(out, "# sent_id = {}", item.id)?;
    writeln!(out, "# text = {}", item.text)?;
    for (i, (form, t)) in item.forms.iter().zip(syntax).enumerate() {
        let misc = if item.space_after.get(i).copied().unwrap_or(true) {
            "_"
        } else {
            "SpaceAfter=No"
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            i + 1,
            form,
            t.lemma,
            t.upos,
            t.xpos,
            t.head,
            t.deprel,
            misc
        )?;
    }
    writeln!(out)
}

pub fn run(args: ParseArgs) -> Result<ExitCode> {
    let analyzer = Analyzer::embedded().context("loading the embedded tagger and parser models")?;
    let mut items: Vec<Item> = Vec::new();
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
            items.push(Item {
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
            for (i, s) in splitter.split(&doc.text).into_iter().enumerate() {
                let tokens = tokenizer.tokenize(&s.text);
                let space_after = tokens
                    .iter()
                    .zip(tokens.iter().skip(1))
                    .map(|(a, b)| a.end < b.start)
                    .chain([true])
                    .collect();
                items.push(Item {
                    id: format!("{}-{}", doc.id, i + 1),
                    forms: tokens.iter().map(|t| t.form.clone()).collect(),
                    text: s.text.replace('\n', " "),
                    space_after,
                });
            }
        }
    }
    let parsed: Vec<Vec<SyntaxToken>> = items
        .par_iter()
        .map(|it| analyzer.analyze_forms(&it.forms.iter().map(String::as_str).collect::<Vec<_>>()))
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
