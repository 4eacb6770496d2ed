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

/// One constant per tag, named as the tag (`Upos::VERB`).
impl Upos {
    pub const ADJ: Upos = Upos(0);
    pub const ADP: Upos = Upos(1);
    pub const ADV: Upos = Upos(2);
    pub const AUX: Upos = Upos(3);
    pub const CCONJ: Upos = Upos(4);
    pub const DET: Upos = Upos(5);
    pub const INTJ: Upos = Upos(6);
    pub const NOUN: Upos = Upos(7);
    pub const NUM: Upos = Upos(8);
    pub const PART: Upos = Upos(9);
    pub const PRON: Upos = Upos(10);
    pub const PROPN: Upos = Upos(11);
    pub const PUNCT: Upos = Upos(12);
    pub const SCONJ: Upos = Upos(13);
    pub const SYM: Upos = Upos(14);
    pub const VERB: Upos = Upos(15);
    pub const X: Upos = Upos(16);
}

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

/// One constant per tag, named as the tag (`Xpos::NNP`); punctuation tags by name
/// (`Xpos::PERIOD` for `.`, `Xpos::PRP_POSS` for `PRP$`, `Xpos::BLANK` for `_`).
impl Xpos {
    pub const NN: Xpos = Xpos(0);
    pub const IN: Xpos = Xpos(1);
    pub const DT: Xpos = Xpos(2);
    pub const NNP: Xpos = Xpos(3);
    pub const PRP: Xpos = Xpos(4);
    pub const JJ: Xpos = Xpos(5);
    /// `.`
    pub const PERIOD: Xpos = Xpos(6);
    pub const RB: Xpos = Xpos(7);
    pub const VB: Xpos = Xpos(8);
    pub const NNS: Xpos = Xpos(9);
    /// `,`
    pub const COMMA: Xpos = Xpos(10);
    pub const CC: Xpos = Xpos(11);
    pub const VBP: Xpos = Xpos(12);
    pub const VBD: Xpos = Xpos(13);
    pub const VBZ: Xpos = Xpos(14);
    pub const CD: Xpos = Xpos(15);
    pub const VBN: Xpos = Xpos(16);
    pub const VBG: Xpos = Xpos(17);
    pub const MD: Xpos = Xpos(18);
    pub const TO: Xpos = Xpos(19);
    /// `PRP$`
    pub const PRP_POSS: Xpos = Xpos(20);
    /// `-RRB-`
    pub const RRB: Xpos = Xpos(21);
    /// `-LRB-`
    pub const LRB: Xpos = Xpos(22);
    pub const WDT: Xpos = Xpos(23);
    /// `:`
    pub const COLON: Xpos = Xpos(24);
    pub const WRB: Xpos = Xpos(25);
    /// ````
    pub const OPEN_QUOTE: Xpos = Xpos(26);
    pub const WP: Xpos = Xpos(27);
    /// `''`
    pub const CLOSE_QUOTE: Xpos = Xpos(28);
    pub const RP: Xpos = Xpos(29);
    pub const UH: Xpos = Xpos(30);
    pub const HYPH: Xpos = Xpos(31);
    pub const POS: Xpos = Xpos(32);
    pub const NNPS: Xpos = Xpos(33);
    pub const JJS: Xpos = Xpos(34);
    pub const JJR: Xpos = Xpos(35);
    pub const NFP: Xpos = Xpos(36);
    pub const ADD: Xpos = Xpos(37);
    pub const EX: Xpos = Xpos(38);
    pub const RBR: Xpos = Xpos(39);
    pub const GW: Xpos = Xpos(40);
    /// `$`
    pub const DOLLAR: Xpos = Xpos(41);
    pub const SYM: Xpos = Xpos(42);
    pub const PDT: Xpos = Xpos(43);
    pub const FW: Xpos = Xpos(44);
    pub const RBS: Xpos = Xpos(45);
    pub const LS: Xpos = Xpos(46);
    pub const AFX: Xpos = Xpos(47);
    /// `WP$`
    pub const WP_POSS: Xpos = Xpos(48);
    pub const XX: Xpos = Xpos(49);
    /// `_`
    pub const BLANK: Xpos = Xpos(50);
    /// `#`
    pub const HASH: Xpos = Xpos(51);
}

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
        matches!(self, Xpos::NNP | Xpos::NNPS)
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

    #[test]
    fn constants_name_their_tags() {
        let upos = [
            (Upos::ADJ, "ADJ"),
            (Upos::ADP, "ADP"),
            (Upos::ADV, "ADV"),
            (Upos::AUX, "AUX"),
            (Upos::CCONJ, "CCONJ"),
            (Upos::DET, "DET"),
            (Upos::INTJ, "INTJ"),
            (Upos::NOUN, "NOUN"),
            (Upos::NUM, "NUM"),
            (Upos::PART, "PART"),
            (Upos::PRON, "PRON"),
            (Upos::PROPN, "PROPN"),
            (Upos::PUNCT, "PUNCT"),
            (Upos::SCONJ, "SCONJ"),
            (Upos::SYM, "SYM"),
            (Upos::VERB, "VERB"),
            (Upos::X, "X"),
        ];
        assert_eq!(upos.len(), UPOS_TAGS.len());
        for (u, name) in upos {
            assert_eq!(u.as_str(), name);
        }
        let xpos = [
            (Xpos::NN, "NN"),
            (Xpos::IN, "IN"),
            (Xpos::DT, "DT"),
            (Xpos::NNP, "NNP"),
            (Xpos::PRP, "PRP"),
            (Xpos::JJ, "JJ"),
            (Xpos::PERIOD, "."),
            (Xpos::RB, "RB"),
            (Xpos::VB, "VB"),
            (Xpos::NNS, "NNS"),
            (Xpos::COMMA, ","),
            (Xpos::CC, "CC"),
            (Xpos::VBP, "VBP"),
            (Xpos::VBD, "VBD"),
            (Xpos::VBZ, "VBZ"),
            (Xpos::CD, "CD"),
            (Xpos::VBN, "VBN"),
            (Xpos::VBG, "VBG"),
            (Xpos::MD, "MD"),
            (Xpos::TO, "TO"),
            (Xpos::PRP_POSS, "PRP$"),
            (Xpos::RRB, "-RRB-"),
            (Xpos::LRB, "-LRB-"),
            (Xpos::WDT, "WDT"),
            (Xpos::COLON, ":"),
            (Xpos::WRB, "WRB"),
            (Xpos::OPEN_QUOTE, "``"),
            (Xpos::WP, "WP"),
            (Xpos::CLOSE_QUOTE, "''"),
            (Xpos::RP, "RP"),
            (Xpos::UH, "UH"),
            (Xpos::HYPH, "HYPH"),
            (Xpos::POS, "POS"),
            (Xpos::NNPS, "NNPS"),
            (Xpos::JJS, "JJS"),
            (Xpos::JJR, "JJR"),
            (Xpos::NFP, "NFP"),
            (Xpos::ADD, "ADD"),
            (Xpos::EX, "EX"),
            (Xpos::RBR, "RBR"),
            (Xpos::GW, "GW"),
            (Xpos::DOLLAR, "$"),
            (Xpos::SYM, "SYM"),
            (Xpos::PDT, "PDT"),
            (Xpos::FW, "FW"),
            (Xpos::RBS, "RBS"),
            (Xpos::LS, "LS"),
            (Xpos::AFX, "AFX"),
            (Xpos::WP_POSS, "WP$"),
            (Xpos::XX, "XX"),
            (Xpos::BLANK, "_"),
            (Xpos::HASH, "#"),
        ];
        assert_eq!(xpos.len(), XPOS_TAGS.len());
        for (x, name) in xpos {
            assert_eq!(x.as_str(), name);
        }
    }
}
