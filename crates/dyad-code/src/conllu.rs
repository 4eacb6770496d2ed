//! Sentences as `dyad parse` writes them: dyad's segmentation of a document, then CoNLL-U lines
//! with the predicted tags, lemmas and tree ([`Analyzer`](crate::Analyzer)).

use crate::SyntaxToken;
use dyad_model::Document;
use dyad_text::{SentenceSplitter, Tokenizer};
use std::io::Write;

/// One sentence to parse and print: id, text, forms, and whether a space follows each token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenizedSentence {
    pub id: String,
    pub text: String,
    pub forms: Vec<String>,
    pub space_after: Vec<bool>,
}

impl TokenizedSentence {
    /// The forms as the analyzer takes them.
    pub fn form_strs(&self) -> Vec<&str> {
        self.forms.iter().map(String::as_str).collect()
    }
}

/// The sentences of a document as dyad segments and tokenizes them, with ids `DOC-N` (N from 1).
pub fn tokenize_document(
    doc: &Document,
    splitter: &SentenceSplitter,
    tokenizer: &Tokenizer,
) -> Vec<TokenizedSentence> {
    splitter
        .split(&doc.text)
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let tokens = tokenizer.tokenize(&s.text);
            let space_after = tokens
                .iter()
                .zip(tokens.iter().skip(1))
                .map(|(a, b)| a.end < b.start)
                .chain([true])
                .collect();
            TokenizedSentence {
                id: format!("{}-{}", doc.id, i + 1),
                forms: tokens.iter().map(|t| t.form.clone()).collect(),
                text: s.text.replace('\n', " "),
                space_after,
            }
        })
        .collect()
}

/// Writes one sentence and its analysis as CoNLL-U (`# sent_id`, `# text`, ten columns).
pub fn write_sentence(
    out: &mut impl Write,
    sentence: &TokenizedSentence,
    syntax: &[SyntaxToken],
) -> std::io::Result<()> {
    writeln!(out, "# sent_id = {}", sentence.id)?;
    writeln!(out, "# text = {}", sentence.text)?;
    for (i, (form, t)) in sentence.forms.iter().zip(syntax).enumerate() {
        let misc = if sentence.space_after.get(i).copied().unwrap_or(true) {
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
