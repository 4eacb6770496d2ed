//! Sets of sector codes the coder reads actors by (who protests in the street, who holds the
//! state's force, who is armed, which sectors belong to a state or to its people): domain data,
//! `data/dict/sector-sets.tsv` (`SET<TAB>CODE|CODE|...`), which a user dictionary extends
//! (`sectors` lines) when it adds sector codes of its own.

use crate::lists::parse_lists;
use crate::DictError;
use std::collections::HashSet;

/// A set of sector codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectorSet {
    /// People who protest in the street ("students marched" is a demonstration).
    People,
    /// The state's coercive and governing apparatus (their blockade is no protest).
    StateForce,
    /// Armed men (their readiness to attack is a military posture; their surrender a retreat).
    Armed,
    /// Those whom evacuating is humanitarian aid (civilians, refugees, the sick and wounded).
    Vulnerable,
    /// A state's own institutions and politics: without a nationality, they belong to the only
    /// country their sentence names, else to the country the document is about.
    State,
    /// Other domestic sectors: people and groups take only the document's main country.
    Home,
    /// People on their own business (tourists, migrants, doctors): their travel is no visit.
    Private,
}

impl SectorSet {
    const ALL: [SectorSet; 7] = [
        SectorSet::People,
        SectorSet::StateForce,
        SectorSet::Armed,
        SectorSet::Vulnerable,
        SectorSet::State,
        SectorSet::Home,
        SectorSet::Private,
    ];

    /// The name used in the data files.
    pub fn name(self) -> &'static str {
        match self {
            SectorSet::People => "people",
            SectorSet::StateForce => "state-force",
            SectorSet::Armed => "armed",
            SectorSet::Vulnerable => "vulnerable",
            SectorSet::State => "state",
            SectorSet::Home => "home",
            SectorSet::Private => "private",
        }
    }

    fn parse(name: &str) -> Option<SectorSet> {
        SectorSet::ALL.into_iter().find(|s| s.name() == name)
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
        let members = parse_lists(texts, |name| {
            SectorSet::parse(name).ok_or_else(|| {
                let names: Vec<&str> = SectorSet::ALL.iter().map(|s| s.name()).collect();
                format!(
                    "unknown sector set {name:?}: use one of {}",
                    names.join(", ")
                )
            })
        })?;
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
