//! Fixed tag inventories: the 17 Universal POS tags and the Penn Treebank tags used by
//! UD English EWT (plus `XX`, used for any XPOS outside the list, and `_`).
//!
//! Tags are one-byte ids into these tables, so [`Upos::as_str`] and [`Xpos::as_str`] return
//! `&'static str` and model files store bytes.

/// The Universal POS tags.
pub const UPOS_TAGS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The Penn Treebank tags of EWT, then `XX` (unknown) and `_`.
pub const XPOS_TAGS: [&str; 52] = [
    "NN", "IN", "DT", "NNP", "PRP", "JJ", ".", "RB", "VB", "NNS", ",", "CC", "VBP", "VBD", "VBZ",
    "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``", "WP", "''",
    "RP", "UH", "HYPH", "POS", "NNPS", "JJS", "JJR", "NFP", "ADD", "EX", "RBR", "GW", "$", "SYM",
    "PDT", "FW", "RBS", "LS", "AFX", "WP$", "XX", "_", "#",
];

/// A Universal POS tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Upos(pub(crate) u8);

impl Upos {
    /// `X` for unknown strings.
    pub fn from_name(s: &str) -> Upos {
        Upos(UPOS_TAGS.iter().position(|t| *t == s).unwrap_or(16) as u8)
    }

    pub fn from_id(id: u8) -> Option<Upos> {
        ((id as usize) < UPOS_TAGS.len()).then_some(Upos(id))
    }

    pub fn id(self) -> u8 {
        self.0
    }

    pub fn as_str(self) -> &'static str {
        UPOS_TAGS.get(self.0 as usize).copied().unwrap_or("X")
    }
}

/// A Penn Treebank (XPOS) tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Xpos(pub(crate) u8);

impl Xpos {
    /// `XX` for unknown strings.
    pub fn from_name(s: &str) -> Xpos {
        Xpos(XPOS_TAGS.iter().position(|t| *t == s).unwrap_or(49) as u8)
    }

    pub fn from_id(id: u8) -> Option<Xpos> {
        ((id as usize) < XPOS_TAGS.len()).then_some(Xpos(id))
    }

    pub fn id(self) -> u8 {
        self.0
    }

    pub fn as_str(self) -> &'static str {
        XPOS_TAGS.get(self.0 as usize).copied().unwrap_or("XX")
    }

    /// `NNP` or `NNPS`: lemmas keep their case.
    pub fn is_proper(self) -> bool {
        matches!(self.as_str(), "NNP" | "NNPS")
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Display for Xpos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (i, t) in UPOS_TAGS.iter().enumerate() {
            assert_eq!(Upos::from_name(t).id() as usize, i);
        }
        for (i, t) in XPOS_TAGS.iter().enumerate() {
            assert_eq!(Xpos::from_name(t).id() as usize, i);
            assert_eq!(Xpos::from_name(t).as_str(), *t);
        }
        assert_eq!(Xpos::from_name("nonsense").as_str(), "XX");
        assert_eq!(Upos::from_name("nonsense").as_str(), "X");
    }
}
