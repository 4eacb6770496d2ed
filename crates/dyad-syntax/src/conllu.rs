//! CoNLL-U reading and writing (<https://universaldependencies.org/format.html>).
//!
//! Only syntactic words are kept: multiword-token range lines (`3-4`) and empty nodes
//! (`5.1`) are skipped. Comments `# sent_id = ...` and `# text = ...` are kept in
//! [`ConllSentence::id`] and [`ConllSentence::text`]; other comments are ignored.

use std::fmt;

/// One sentence of a CoNLL-U file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConllSentence {
    /// The `# sent_id = ...` comment, if present.
    pub id: Option<String>,
    /// The `# text = ...` comment, if present.
    pub text: Option<String>,
    /// The syntactic words, `words[i].id == i + 1`.
    pub words: Vec<ConllWord>,
}

impl ConllSentence {
    /// The word forms, in order.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }
}

/// One syntactic word (a line of ten tab-separated columns).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConllWord {
    pub id: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// Head word id, 0 for the root (also 0 when the column is `_`).
    pub head: usize,
    pub deprel: String,
    /// The MISC column (column 10). The DEPS column (9) is not kept.
    pub misc: String,
}

/// A malformed CoNLL-U line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ConllError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CoNLL-U line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ConllError {}

/// Parses a whole CoNLL-U document. Sentences are separated by blank lines; a final
/// sentence without a trailing blank line is accepted.
pub fn parse_conllu(text: &str) -> Result<Vec<ConllSentence>, ConllError> {
    let mut sentences = Vec::new();
    let mut current = ConllSentence::default();
    let mut has_content = false;
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            if has_content {
                sentences.push(std::mem::take(&mut current));
                has_content = false;
            }
            continue;
        }
        has_content = true;
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(v) = comment.strip_prefix("sent_id") {
                if let Some(v) = v.trim_start().strip_prefix('=') {
                    current.id = Some(v.trim().to_string());
                }
            } else if let Some(v) = comment.strip_prefix("text") {
                if let Some(v) = v.trim_start().strip_prefix('=') {
                    current.text = Some(v.trim().to_string());
                }
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let &[id_col, form, lemma, upos, xpos, feats, head_col, deprel, _deps, misc] =
            cols.as_slice()
        else {
            return Err(ConllError {
                line: line_no,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        };
        if id_col.contains('-') || id_col.contains('.') {
            continue; // multiword token range or empty node
        }
        let id: usize = id_col.parse().map_err(|_| ConllError {
            line: line_no,
            message: format!("bad word id {id_col:?}"),
        })?;
        if id != current.words.len() + 1 {
            return Err(ConllError {
                line: line_no,
                message: format!(
                    "word id {id} out of sequence (expected {})",
                    current.words.len() + 1
                ),
            });
        }
        let head = if head_col == "_" {
            0
        } else {
            head_col.parse().map_err(|_| ConllError {
                line: line_no,
                message: format!("bad head {head_col:?}"),
            })?
        };
        current.words.push(ConllWord {
            id,
            form: form.to_string(),
            lemma: lemma.to_string(),
            upos: upos.to_string(),
            xpos: xpos.to_string(),
            feats: feats.to_string(),
            head,
            deprel: deprel.to_string(),
            misc: misc.to_string(),
        });
    }
    if has_content {
        sentences.push(current);
    }
    Ok(sentences)
}

/// Reads and parses a CoNLL-U file.
pub fn read_conllu_file(path: &std::path::Path) -> Result<Vec<ConllSentence>, ReadError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| ReadError::Io(path.display().to_string(), e))?;
    parse_conllu(&text).map_err(|e| ReadError::Parse(path.display().to_string(), e))
}

/// Error reading a CoNLL-U file from disk.
#[derive(Debug)]
pub enum ReadError {
    Io(String, std::io::Error),
    Parse(String, ConllError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(p, e) => write!(f, "{p}: {e}"),
            ReadError::Parse(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

impl std::error::Error for ReadError {}

fn col(s: &str) -> &str {
    if s.is_empty() {
        "_"
    } else {
        s
    }
}

/// Writes sentences as CoNLL-U (DEPS column `_`; empty fields written as `_`).
pub fn write_conllu<W: std::io::Write>(
    out: &mut W,
    sentences: &[ConllSentence],
) -> std::io::Result<()> {
    for s in sentences {
        if let Some(id) = &s.id {
            writeln!(out, "# sent_id = {id}")?;
        }
        if let Some(text) = &s.text {
            writeln!(out, "# text = {text}")?;
        }
        for w in &s.words {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\t{}",
                w.id,
                col(&w.form),
                col(&w.lemma),
                col(&w.upos),
                col(&w.xpos),
                col(&w.feats),
                w.head,
                col(&w.deprel),
                col(&w.misc)
            )?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// [`write_conllu`] into a `String`.
pub fn to_conllu_string(sentences: &[ConllSentence]) -> String {
    let mut buf = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write_conllu(&mut buf, sentences);
    String::from_utf8_lossy(&buf).into_owned()
}
