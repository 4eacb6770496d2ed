//! The syntax stage: POS tags, lemmas and a dependency tree for every sentence, from the
//! tagger (`dyad-syntax`) and parser (`dyad-parse`) models embedded in the binary.

use dyad_model::Token;
use dyad_parse::ParserModel;
use dyad_syntax::{Deprel, ModelError, TaggerModel, Upos, Xpos};
use std::sync::OnceLock;

/// The committed models (see `data/README.md` for how they are trained).
pub const TAGGER_MODEL: &[u8] = include_bytes!("../../../data/models/tagger.bin");
pub const PARSER_MODEL: &[u8] = include_bytes!("../../../data/models/parser.bin");

/// How much syntax a coder needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxNeed {
    None,
    /// POS tags and lemmas (cheap: hundreds of thousands of tokens per second).
    Tags,
    /// Tags, lemmas and the dependency tree.
    Parse,
}

/// One token's analysis. `head` is 1-based (0 = root), as in CoNLL-U; when only tags were
/// asked for, `head` is 0 and `deprel` is [`Deprel::Unspecified`] (`_`) for every token.
/// A sentence has one per token, so positions in it are [`dyad_model::TokenIdx`]s; `head`
/// stays the parser's number, which [`crate::tree::DepTree::head`] reads as a `TokenIdx`.
/// Tags and relation are typed; their labels (`as_str`, `Display`) are for output only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxToken {
    pub upos: Upos,
    pub xpos: Xpos,
    pub lemma: String,
    pub head: usize,
    pub deprel: Deprel,
}

/// Tagger + parser.
pub struct Analyzer {
    tagger: TaggerModel,
    parser: ParserModel,
}

impl Analyzer {
    pub fn from_bytes(tagger: &[u8], parser: &[u8]) -> Result<Analyzer, ModelError> {
        Ok(Analyzer {
            tagger: TaggerModel::from_bytes(tagger)?,
            parser: ParserModel::from_bytes(parser)?,
        })
    }

    /// The embedded models, loaded on first use.
    pub fn embedded() -> Result<&'static Analyzer, ModelError> {
        static ANALYZER: OnceLock<Result<Analyzer, ModelError>> = OnceLock::new();
        ANALYZER
            .get_or_init(|| Analyzer::from_bytes(TAGGER_MODEL, PARSER_MODEL))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub fn tagger(&self) -> &TaggerModel {
        &self.tagger
    }

    pub fn parser(&self) -> &ParserModel {
        &self.parser
    }

    /// Tags and parses one sentence given as word forms.
    pub fn analyze_forms(&'static self, forms: &[&str]) -> Vec<SyntaxToken> {
        self.analyze_with(forms, true)
    }

    /// Tags one sentence, and parses it if `parse`.
    pub fn analyze_with(&'static self, forms: &[&str], parse: bool) -> Vec<SyntaxToken> {
        let tags = self.tagger.tag(forms);
        let arcs = if parse {
            let pos: Vec<_> = tags.iter().map(|t| (t.upos, t.xpos)).collect();
            self.parser.parse_tagged(forms, &pos)
        } else {
            Vec::new()
        };
        tags.into_iter()
            .enumerate()
            .map(|(i, t)| SyntaxToken {
                upos: t.upos,
                xpos: t.xpos,
                lemma: t.lemma,
                head: arcs.get(i).map_or(0, |a| a.head),
                // the parser's labels come from its model file: read once, here
                deprel: arcs
                    .get(i)
                    .map_or(Deprel::Unspecified, |a| Deprel::from_label(a.deprel)),
            })
            .collect()
    }

    pub fn analyze(&'static self, tokens: &[Token], parse: bool) -> Vec<SyntaxToken> {
        let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
        self.analyze_with(&forms, parse)
    }
}
