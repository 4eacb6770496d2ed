//! A user's dictionary overlay: actors, agents and places added or overridden without
//! rebuilding (`dyad code --dict FILE`).
//!
//! One TAB-separated text file; the first field of each line says what it adds, the rest follow
//! the formats of the embedded files (see `data/README.md`):
//!
//! ```text
//! # comments and blank lines are ignored
//! actor   person  ARMGOV@20180508-        nikol pashinyan|pashinyan
//! actor   group   SDNREB                  rapid support forces|rsf
//! agent   MIL     wagner contractors|mercenaries
//! place   region  Zangezur Corridor       Zangezur|Syunik corridor        ARM     39.2    46.4
//! class   ask     beseech|implore
//! title   MIL     rear admiral|rear adm.
//! sectors armed   PMC
//! ```
//!
//! Entries of the overlay win over the embedded ones (for a phrase both define, the user's code
//! is taken); phrases are written as in running text and normalized here (case, hyphens).

use crate::words::phrase_words;
use crate::DictError;
use std::path::Path;

/// The lines of a user dictionary, split by kind. Each text keeps the file's line numbering
/// (other kinds' lines are blank), so that errors name the right line.
#[derive(Debug, Clone, Default)]
pub struct UserDict {
    pub file: String,
    /// `actors.tsv` format: `kind<TAB>roles<TAB>phrases`.
    pub actors: String,
    /// `agents.tsv` format: `SECTOR<TAB>phrases`.
    pub agents: String,
    /// The gazetteer's `regions.tsv` format: `kind<TAB>name<TAB>variants<TAB>countries<TAB>lat<TAB>lon`.
    pub places: String,
    /// `verb-classes.tsv` format: `CLASS<TAB>lemma|...`.
    pub classes: String,
    /// `titles.tsv` format: `SECTOR<TAB>title|...`.
    pub titles: String,
    /// `sector-sets.tsv` format: `SET<TAB>CODE|...`.
    pub sectors: String,
}

/// The kinds of line a user dictionary holds, as its first field names them.
const KINDS: &str = "`actor`, `agent`, `place`, `class`, `title` or `sectors`";

impl UserDict {
    /// Reads and checks a user dictionary file.
    pub fn read(path: &Path) -> Result<UserDict, DictError> {
        let text = std::fs::read_to_string(path).map_err(|source| DictError::Io {
            path: path.display().to_string(),
            source,
        })?;
        UserDict::parse(&text, &path.display().to_string())
    }

    /// Splits the text of a user dictionary by kind (`actor`, `agent`, `place`).
    pub fn parse(text: &str, file: &str) -> Result<UserDict, DictError> {
        let mut user = UserDict {
            file: file.to_string(),
            ..Default::default()
        };
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            let (kind, rest) = match line.split_once('\t') {
                _ if line.trim().is_empty() || line.starts_with('#') => ("", ""),
                Some((k, r)) => (k.trim(), r),
                None => {
                    return Err(DictError::Syntax {
                        file: file.to_string(),
                        line: i + 1,
                        message: format!("expected {KINDS}, then TAB-separated fields"),
                    })
                }
            };
            let target = match kind {
                "" => None,
                "actor" => Some((&mut user.actors, normalize_last(rest))),
                "agent" => Some((&mut user.agents, normalize_last(rest))),
                "place" => Some((&mut user.places, rest.to_string())),
                "class" => Some((&mut user.classes, rest.to_string())),
                "title" => Some((&mut user.titles, rest.to_string())),
                "sectors" => Some((&mut user.sectors, rest.to_string())),
                other => {
                    return Err(DictError::Syntax {
                        file: file.to_string(),
                        line: i + 1,
                        message: format!("unknown entry kind {other:?}: use {KINDS}"),
                    })
                }
            };
            // every kind's text keeps the file's line numbering
            if let Some((text, line)) = target {
                text.push_str(&line);
            }
            for text in [
                &mut user.actors,
                &mut user.agents,
                &mut user.places,
                &mut user.classes,
                &mut user.titles,
                &mut user.sectors,
            ] {
                text.push('\n');
            }
        }
        Ok(user)
    }
}

/// The line with its last field (the `|`-separated phrases) written as dictionary words.
fn normalize_last(rest: &str) -> String {
    let Some((head, phrases)) = rest.rsplit_once('\t') else {
        return rest.to_string();
    };
    let phrases: Vec<String> = phrases
        .split('|')
        .map(|p| phrase_words(p).join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    format!("{head}\t{}", phrases.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DictSources, Dictionaries};

    #[test]
    fn lines_are_split_by_kind_keeping_line_numbers() {
        let u = UserDict::parse(
            "# c\nactor\tgroup\tSDNREB\tRapid Support-Forces|RSF\nagent\tMIL\tWagner contractors\n",
            "u.tsv",
        )
        .expect("parses");
        assert_eq!(
            u.actors.lines().nth(1),
            Some("group\tSDNREB\trapid support forces|rsf")
        );
        assert_eq!(u.agents.lines().nth(2), Some("MIL\twagner contractors"));
        assert_eq!(u.places.lines().count(), 3);
    }

    #[test]
    fn unknown_kinds_and_missing_fields_are_errors_with_lines() {
        let e = UserDict::parse("actor\tgroup\tX\tx\nthing\tX\n", "u.tsv").unwrap_err();
        assert!(e.to_string().starts_with("u.tsv:2:"), "{e}");
        let e = UserDict::parse("\nactor group\n", "u.tsv").unwrap_err();
        assert!(e.to_string().starts_with("u.tsv:2:"), "{e}");
    }

    #[test]
    fn user_verb_classes_add_to_the_embedded_ones() {
        let u = UserDict::parse("class\task\tbeseech|implore\n", "u.tsv").expect("parses");
        let d = Dictionaries::parse(&DictSources::embedded(Some(&u))).expect("dicts");
        assert!(d.classes.is(crate::VerbClass::Ask, "implore"));
        assert!(d.classes.is(crate::VerbClass::Ask, "urge"));
        let bad = UserDict::parse("class\tbeg\tplead\n", "u.tsv").expect("parses");
        let e = Dictionaries::parse(&DictSources::embedded(Some(&bad))).err();
        assert!(e.is_some_and(|e| e.to_string().contains("u.tsv:1")));
    }

    #[test]
    fn user_titles_and_sector_sets_add_to_the_embedded_ones() {
        let text = "# mine\ntitle\tMIL\thetman\nsectors\tarmed\tPMC\n";
        let u = UserDict::parse(text, "u.tsv").expect("parses");
        let d = Dictionaries::parse(&DictSources::embedded(Some(&u))).expect("dicts");
        assert_eq!(d.titles.sector("hetman"), Some("MIL"));
        assert_eq!(d.titles.sector("gen."), Some("MIL"));
        assert!(d.sectors.contains(crate::SectorSet::Armed, "PMC"));
        assert!(d.sectors.contains(crate::SectorSet::Armed, "REB"));
        let bad = UserDict::parse("\nsectors\tthe-armed\tPMC\n", "u.tsv").expect("parses");
        let e = Dictionaries::parse(&DictSources::embedded(Some(&bad))).err();
        assert!(e.is_some_and(|e| e.to_string().contains("u.tsv:2")));
    }

    #[test]
    fn user_entries_win_over_embedded_ones() {
        let u = UserDict::parse("actor\tcountry\tXYZ\tHungary\n", "u.tsv").expect("parses");
        let d = Dictionaries::parse(&DictSources::embedded(Some(&u))).expect("dicts");
        let w = crate::words::words([(dyad_model::TokenIdx::new(0), "Hungary", 0)]);
        let hits = d.actors.find(&w);
        let crate::actors::Lexeme::Actor(id) = hits[0].lexeme else {
            panic!("not an actor");
        };
        assert_eq!(
            d.actors.entry(id).and_then(|e| e.code_on(None)),
            Some("XYZ")
        );
    }
}
