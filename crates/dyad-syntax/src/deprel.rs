//! Universal Dependencies relations as an enum: the 37 universal relations and the English
//! subtypes of UD EWT (those the committed parser model emits, `acl:relcl`, `nsubj:pass`,
//! `obl:agent`, `nmod:poss`, `compound:prt`, ..., and those of earlier EWT releases such as
//! `obl:tmod`), `_` for no relation, and [`Deprel::Other`] for any other label.
//!
//! Code that reads a tree compares relations as values (`rel == Deprel::Ccomp`); the label
//! string is read once where a tree comes in ([`Deprel::from_label`]) and written where it
//! goes out ([`Deprel::as_str`], `Display`). A subtype knows its universal relation
//! ([`Deprel::base`]: `nsubj:pass` -> `nsubj`), and [`Deprel::is_a`] asks "this relation, or
//! one of its subtypes".

/// Declares the enum with its labels: one list, so that the variants, `from_label`,
/// `as_str` and [`Deprel::KNOWN`] cannot disagree.
macro_rules! deprels {
    ($($(#[$doc:meta])* $variant:ident = $label:literal,)*) => {
        /// A dependency relation (see the module docs).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Deprel {
            $($(#[$doc])* $variant,)*
            /// A label outside this inventory. It is its own base relation and is written
            /// as `dep` (UD's unspecified dependency); the committed parser model emits none.
            Other,
        }

        impl Deprel {
            /// Every relation with a label of its own (all but [`Deprel::Other`]).
            pub const KNOWN: &'static [Deprel] = &[$(Deprel::$variant,)*];

            /// The relation a CoNLL-U DEPREL label names; [`Deprel::Other`] for an unknown one.
            pub fn from_label(label: &str) -> Deprel {
                match label {
                    $($label => Deprel::$variant,)*
                    _ => Deprel::Other,
                }
            }

            /// The CoNLL-U label (`nsubj:pass`); `dep` for [`Deprel::Other`].
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Deprel::$variant => $label,)*
                    Deprel::Other => "dep",
                }
            }
        }
    };
}

deprels! {
    /// `_`: no relation (a sentence tagged but not parsed).
    Unspecified = "_",
    Acl = "acl",
    /// Relative clause.
    AclRelcl = "acl:relcl",
    Advcl = "advcl",
    /// Relative clause modifying a clause ("..., which ...").
    AdvclRelcl = "advcl:relcl",
    Advmod = "advmod",
    Amod = "amod",
    Appos = "appos",
    Aux = "aux",
    /// Passive auxiliary.
    AuxPass = "aux:pass",
    Case = "case",
    Cc = "cc",
    /// Preconjunct ("either", "both").
    CcPreconj = "cc:preconj",
    Ccomp = "ccomp",
    Clf = "clf",
    Compound = "compound",
    /// Phrasal verb particle.
    CompoundPrt = "compound:prt",
    Conj = "conj",
    Cop = "cop",
    Csubj = "csubj",
    CsubjOuter = "csubj:outer",
    CsubjPass = "csubj:pass",
    Dep = "dep",
    Det = "det",
    /// Predeterminer ("all the").
    DetPredet = "det:predet",
    Discourse = "discourse",
    Dislocated = "dislocated",
    Expl = "expl",
    Fixed = "fixed",
    Flat = "flat",
    FlatForeign = "flat:foreign",
    Goeswith = "goeswith",
    Iobj = "iobj",
    List = "list",
    Mark = "mark",
    Nmod = "nmod",
    NmodDesc = "nmod:desc",
    NmodNpmod = "nmod:npmod",
    /// Possessive nominal modifier ("its", "Israel's").
    NmodPoss = "nmod:poss",
    NmodTmod = "nmod:tmod",
    NmodUnmarked = "nmod:unmarked",
    Nsubj = "nsubj",
    NsubjOuter = "nsubj:outer",
    /// Passive subject.
    NsubjPass = "nsubj:pass",
    Nummod = "nummod",
    Obj = "obj",
    Obl = "obl",
    /// The `by` agent of a passive.
    OblAgent = "obl:agent",
    OblNpmod = "obl:npmod",
    /// Temporal oblique (EWT before 2.14; now `obl:unmarked`).
    OblTmod = "obl:tmod",
    OblUnmarked = "obl:unmarked",
    Orphan = "orphan",
    Parataxis = "parataxis",
    Punct = "punct",
    Reparandum = "reparandum",
    Root = "root",
    Vocative = "vocative",
    Xcomp = "xcomp",
}

impl Deprel {
    /// The universal relation of a subtype (`nsubj:pass` -> `nsubj`); a universal relation,
    /// `_` and [`Deprel::Other`] are their own.
    pub fn base(self) -> Deprel {
        use Deprel::*;
        match self {
            AclRelcl => Acl,
            AdvclRelcl => Advcl,
            AuxPass => Aux,
            CcPreconj => Cc,
            CompoundPrt => Compound,
            CsubjOuter | CsubjPass => Csubj,
            DetPredet => Det,
            FlatForeign => Flat,
            NmodDesc | NmodNpmod | NmodPoss | NmodTmod | NmodUnmarked => Nmod,
            NsubjOuter | NsubjPass => Nsubj,
            OblAgent | OblNpmod | OblTmod | OblUnmarked => Obl,
            other => other,
        }
    }

    /// Is this a subtype (`nsubj:pass`), not a universal relation?
    pub fn is_subtype(self) -> bool {
        self.base() != self
    }

    /// Is this relation `query`, or, when `query` is a universal relation, one of its
    /// subtypes? (`obl:agent` is an `obl`; `obl` is no `obl:agent`.)
    pub fn is_a(self, query: Deprel) -> bool {
        self == query || (!query.is_subtype() && self.base() == query)
    }
}

impl std::fmt::Display for Deprel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for &r in Deprel::KNOWN {
            assert_eq!(Deprel::from_label(r.as_str()), r, "{r}");
        }
        assert_eq!(Deprel::from_label("nonsense"), Deprel::Other);
        assert_eq!(Deprel::from_label("nsubj:nonsense"), Deprel::Other);
        assert_eq!(Deprel::from_label(""), Deprel::Other);
        assert_eq!(Deprel::Other.as_str(), "dep");
        assert_eq!(Deprel::NsubjPass.to_string(), "nsubj:pass");
    }

    /// The base of every relation is the label's part before the colon, as strings had it.
    #[test]
    fn base_is_the_label_before_the_colon() {
        for &r in Deprel::KNOWN {
            let label = r.as_str();
            let base = label.split(':').next().unwrap_or(label);
            assert_eq!(r.base().as_str(), base, "{r}");
            assert_eq!(r.is_subtype(), label.contains(':'), "{r}");
            assert!(!r.base().is_subtype());
        }
        assert_eq!(Deprel::Other.base(), Deprel::Other);
    }

    #[test]
    fn is_a_matches_subtypes_of_a_universal_query_only() {
        assert!(Deprel::OblAgent.is_a(Deprel::Obl));
        assert!(Deprel::Obl.is_a(Deprel::Obl));
        assert!(!Deprel::Obl.is_a(Deprel::OblAgent));
        assert!(Deprel::NsubjPass.is_a(Deprel::NsubjPass));
        assert!(!Deprel::NsubjOuter.is_a(Deprel::NsubjPass));
        assert!(!Deprel::Nmod.is_a(Deprel::Obl));
    }
}
