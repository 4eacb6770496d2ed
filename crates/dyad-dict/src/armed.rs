//! Armed groups from the UCDP actor list (`actors-current/armed-groups/ucdp-actor-221.csv`,
//! CC BY 4.0) as actor entries (`group<TAB>ISOREB<TAB>names`, the `actors.tsv` format).
//!
//! Only formally organised groups are read (UCDP `Org` 1: rebel groups and other organised
//! armed actors); governments (4), supporters of parties (2) and communal identity groups (3)
//! are not armed groups in CAMEO's sense. A group takes the country where it fights (the
//! first of its UCDP locations; CODING-CONVENTIONS: "a group fighting inside a country takes
//! that country") and REB. Its names are UCDP's short name and its full English name; an
//! acronym is kept only when it is no common word ("IS" would match "is").

use crate::convert::clean_phrase;
use crate::leaders::rows;
use std::collections::{BTreeSet, HashMap};

/// UCDP location names that GeoNames writes otherwise.
const LOCATIONS: &[(&str, &str)] = &[
    ("DR Congo", "COD"),
    ("Congo", "COG"),
    ("Bosnia-Herzegovina", "BIH"),
    ("United States of America", "USA"),
];

/// Short words that acronyms must not be, lest they match running text.
const COMMON: &[&str] = &[
    "is", "it", "as", "at", "be", "by", "do", "go", "he", "if", "in", "me", "my", "no", "of", "on",
    "or", "so", "to", "up", "us", "we", "all", "and", "any", "are", "but", "can", "day", "end",
    "for", "had", "has", "her", "him", "his", "its", "law", "man", "may", "men", "new", "not",
    "now", "one", "our", "out", "run", "set", "the", "two", "use", "war", "was", "way", "who",
    "why", "yes", "you", "army", "front", "party", "union", "force", "forces",
];

/// Converts the UCDP actor list; `countries` maps a GeoNames country name to its ISO3 code.
pub fn convert_armed_groups(csv: &str, countries: &HashMap<String, String>) -> String {
    let mut out = BTreeSet::new();
    for row in rows(csv, &["Org", "NameData", "NameOrigFullEng", "Location"]) {
        let [org, short, full, location] = &row[..] else {
            continue;
        };
        if org != "1" {
            continue;
        }
        let first = location.split(',').next().unwrap_or("").trim();
        let name = first.split(" (").next().unwrap_or(first);
        let Some(iso3) = LOCATIONS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c.to_string())
            .or_else(|| countries.get(name).cloned())
        else {
            continue;
        };
        let mut phrases: Vec<String> = Vec::new();
        for raw in [short.as_str(), full.as_str()] {
            let Some(p) = clean_phrase(raw) else { continue };
            let acronym = raw.len() <= 6 && raw.chars().all(|c| c.is_ascii_uppercase());
            if p.len() < 3 || (acronym && COMMON.contains(&p.as_str())) {
                continue;
            }
            if !phrases.contains(&p) {
                phrases.push(p);
            }
        }
        if !phrases.is_empty() {
            out.insert(format!("group\t{iso3}REB\t{}\n", phrases.join("|")));
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organised_groups_take_their_first_location_and_reb() {
        let csv = "\u{feff}ActorId,NameData,NameOrigFullEng,Org,Location\n\
287,BLA,Balochistan Liberation Army,1,Pakistan\n\
717,Al-Shabaab,Al-Shabaab,1,\"Somalia, Kenya\"\n\
590,Bokora Karimojong,Bokora Karimojong,3,Uganda\n\
1,IS,Islamic State,1,\"Iraq, Syria\"\n\
2,ADF,Allied Democratic Forces,1,DR Congo (Zaire)\n";
        let countries: HashMap<String, String> =
            [("Pakistan", "PAK"), ("Somalia", "SOM"), ("Iraq", "IRQ")]
                .into_iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect();
        let out = convert_armed_groups(csv, &countries);
        assert!(
            out.contains("group\tPAKREB\tbla|balochistan liberation army\n"),
            "{out}"
        );
        assert!(out.contains("group\tSOMREB\tal shabaab\n"), "{out}");
        assert!(out.contains("group\tIRQREB\tislamic state\n"), "{out}");
        assert!(
            out.contains("group\tCODREB\tadf|allied democratic forces\n"),
            "{out}"
        );
        assert!(!out.contains("bokora"), "{out}");
    }
}
