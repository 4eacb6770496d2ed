//! Sets of sector codes the coder reads actors by (who protests in the street, who holds the
//! state's force, who is armed, which sectors belong to a state or to its people): domain data,
//! `data/dict/sector-sets.tsv` (`SET<TAB>CODE|CODE|...`), which a user dictionary extends
//! (`sectors` lines) when it adds sector codes of its own.

use crate::lists::{list_keys, parse_lists};
use crate::DictError;
use std::collections::HashSet;

list_keys! {
    /// A set of sector codes.
    pub enum SectorSet {
        /// People who protest in the street ("students marched" is a demonstration).
        People = "people",
        /// The state's coercive and governing apparatus (their blockade is no protest).
        StateForce = "state-force",
        /// Armed men (their readiness to attack is a military posture; their surrender a retreat).
        Armed = "armed",
        /// Those whom evacuating is humanitarian aid (civilians, refugees, the sick and wounded).
        Vulnerable = "vulnerable",
        /// A state's own institutions and politics: without a nationality, they belong to the only
        /// country their sentence names, else to the country the document is about.
        State = "state",
        /// Other domestic sectors: people and groups take only the document's main country.
        Home = "home",
        /// People on their own business (tourists, migrants, doctors): their travel is no visit.
        Private = "private",
    }
}

/// The sector codes of each set.
#[derive(Debug, Clone, Default)]
pub struct SectorSets {
    members: HashSet<(SectorSet, String)>,
}

impl SectorSets {
    /// Reads `SET<TAB>CODE|...` lines; errors name the file and line.
    pub fn parse(texts: &[(&str, &str)]) -> Result<SectorSets, DictError> {
        let members = parse_lists(texts, |name| SectorSet::parse_key(name, "sector set"))?;
        Ok(SectorSets {
            // codes are upper case in records; lists are read lower-cased
            members: members
                .into_iter()
                .map(|(s, code)| (s, code.to_uppercase()))
                .collect(),
        })
    }

    /// Whether the sector code (`"MIL"`) is in `set`.
    pub fn contains(&self, set: SectorSet, code: &str) -> bool {
        self.members.contains(&(set, code.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_parse_and_errors_name_the_line() {
        let s = SectorSets::parse(&[("f", "armed\tMIL|REB\npeople\tCVL\n")]).unwrap_or_default();
        assert!(s.contains(SectorSet::Armed, "REB"));
        assert!(!s.contains(SectorSet::People, "REB"));
        let e = SectorSets::parse(&[("f", "armed\tMIL\nthe-armed\tREB\n")]).err();
        assert!(e.is_some_and(|e| e.to_string().contains("f:2")));
    }
}
