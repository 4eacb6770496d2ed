//! Titles that make a sector before a personal name ("General Moussa Diakite" -> MIL, "Sen.
//! Lindsey Graham" -> LEG): domain data, `data/dict/titles.tsv` (`SECTOR<TAB>title|title|...`),
//! which a user dictionary extends (`title` lines). Alone most titles are ordinary words ("a
//! general strike"); the mention finder reads them only before a name.

use crate::lists::parse_lists;
use crate::DictError;
use std::collections::HashMap;

/// The sector each title gives.
#[derive(Debug, Clone, Default)]
pub struct Titles {
    sectors: HashMap<String, String>,
}

impl Titles {
    /// Reads `SECTOR<TAB>title|...` lines; a later line's sector wins for a title both give.
    pub fn parse(texts: &[(&str, &str)]) -> Result<Titles, DictError> {
        let pairs = parse_lists(texts, |code| {
            if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
                Ok(code.to_string())
            } else {
                Err(format!(
                    "expected a three-letter sector code (MIL, GOV, LEG, ...), not {code:?}"
                ))
            }
        })?;
        Ok(Titles {
            sectors: pairs.into_iter().map(|(code, t)| (t, code)).collect(),
        })
    }

    /// The sector a title (a normalized word: "gen.", "senator") gives.
    pub fn sector(&self, title: &str) -> Option<&str> {
        self.sectors.get(title).map(String::as_str)
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.sectors.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_parse_later_lines_win_and_errors_name_the_line() {
        let t = Titles::parse(&[("a", "MIL\tgeneral|gen.\n"), ("u", "GOV\tgeneral\n")])
            .unwrap_or_default();
        assert_eq!(t.sector("gen."), Some("MIL"));
        assert_eq!(t.sector("general"), Some("GOV"));
        assert!(!t.is_title("strike"));
        let e = Titles::parse(&[("f", "MIL\tgeneral\nmilitary\tcolonel\n")]).err();
        assert!(e.is_some_and(|e| e.to_string().contains("f:2")));
    }
}
