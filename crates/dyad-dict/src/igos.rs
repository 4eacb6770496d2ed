//! International organisations with their English names, other names and abbreviations, from
//! Supraverden's list (`actors-current/igos/general_list.yaml`, CC BY-SA 4.0), as actor
//! entries (`igo<TAB>IGO...<TAB>names`, the `actors.tsv` format). The converted file keeps the
//! licence of its source, so it is a file of its own (`data/dict/igos.tsv`).
//!
//! The code is `IGO` and the English abbreviation's letters (the abbreviation is a name too when it
//! has four letters or more) ("Shanghai Cooperation
//! Organisation", SCO -> `IGOSCO`), else the initials of the name. The file is read after the
//! older dictionaries, whose IGO codes (IGOUNO, IGOEUREEC, IGONAT, ...) therefore stay the ones
//! in use: this list only adds organisations they lack.

use crate::convert::clean_phrase;

/// One organisation as read.
#[derive(Default)]
struct Org {
    name: String,
    fields: Vec<(String, String)>,
}

/// The organisations of the YAML list: a top-level key per organisation (or `? long key`),
/// then indented `Field: value` lines; list values and other nesting are skipped.
fn read(yaml: &str) -> Vec<Org> {
    let mut orgs: Vec<Org> = Vec::new();
    for line in yaml.lines() {
        if let Some(key) = line.strip_prefix("? ") {
            orgs.push(Org {
                name: key.trim().to_string(),
                ..Default::default()
            });
        } else if let Some(field) = line.strip_prefix(": ").or_else(|| line.strip_prefix("  ")) {
            let Some((k, v)) = field.split_once(": ") else {
                continue;
            };
            if let Some(org) = orgs.last_mut() {
                let v = v.trim().trim_matches(|c| c == '\'' || c == '"');
                org.fields.push((k.trim().to_string(), v.to_string()));
            }
        } else if !line.starts_with([' ', '#', '-']) {
            if let Some(name) = line.strip_suffix(':') {
                orgs.push(Org {
                    name: name
                        .trim()
                        .trim_matches(|c| c == '\'' || c == '"')
                        .to_string(),
                    ..Default::default()
                });
            }
        }
    }
    orgs
}

/// YAML's empty values and the list's placeholder ("[No code found.]").
fn is_empty_value(v: &str) -> bool {
    v.is_empty() || v == "null" || v == "~" || v.starts_with('[')
}

/// Converts the list into entry lines, sorted.
pub fn convert_igos(yaml: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for org in read(yaml) {
        let field = |k: &str| {
            org.fields
                .iter()
                .find(|(f, _)| f == k)
                .map(|(_, v)| v.as_str())
                .filter(|v| !is_empty_value(v))
        };
        let english = field("Name_en").unwrap_or(&org.name);
        let abbreviation = field("Abbreviation_en");
        let letters: String = abbreviation
            .map(|a| a.chars().filter(char::is_ascii_alphanumeric).collect())
            .filter(|a: &String| (2..=8).contains(&a.len()))
            .unwrap_or_else(|| {
                english
                    .split_whitespace()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .filter_map(|w| w.chars().next())
                    .collect()
            })
            .to_uppercase();
        if letters.is_empty() {
            continue;
        }
        let mut phrases: Vec<String> = Vec::new();
        let names = org
            .fields
            .iter()
            .filter(|(k, _)| {
                k.starts_with("Name_other") && k.ends_with("_en") || k == "Name_former_en"
            })
            .map(|(_, v)| v.as_str())
            .filter(|v| !is_empty_value(v));
        for raw in [english, org.name.as_str()].into_iter().chain(names) {
            if let Some(p) = clean_phrase(raw).filter(|p| p.len() > 3) {
                phrases.push(p);
            }
        }
        // names match case-blind, so a short abbreviation could be a word ("ERA", "COR"): only
        // those of four letters or more are names (the older dictionaries have "IMF", "WTO")
        if let Some(p) = abbreviation.and_then(clean_phrase) {
            if p.len() >= 4 && !p.contains(' ') {
                phrases.push(p);
            }
        }
        phrases.dedup();
        let mut seen = Vec::new();
        phrases.retain(|p| {
            let new = !seen.contains(p);
            seen.push(p.clone());
            new
        });
        if !phrases.is_empty() {
            out.push(format!("igo\tIGO{letters}\t{}\n", phrases.join("|")));
        }
    }
    out.sort();
    out.dedup();
    out.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations_take_igo_and_their_abbreviation_with_their_names() {
        let yaml = "Shanghai Cooperation Organisation:\n  Wikidata_code: Q485207\n  Name_en: Shanghai Cooperation Organisation\n  Abbreviation_en: SCO\n  Name_other_en: Shanghai Pact\n  LEI_bic:\n  - XXX\n\
? European Union Agency for Large-Scale IT Systems\n: Wikidata_code: Q4440501\n  Name_en: European Union Agency for Large-Scale IT Systems\n  Abbreviation_en: eu-LISA\n\
International Seed Body:\n  Name_en: International Seed Body\n  Abbreviation_en: null\n  Name_other_en: null\n  OpenSanctions_id: '[No code found.]'\n";
        let out = convert_igos(yaml);
        assert!(
            out.contains("igo\tIGOSCO\tshanghai cooperation organisation|shanghai pact\n"),
            "{out}"
        );
        assert!(
            out.contains("igo\tIGOEULISA\teuropean union agency for large scale it systems\n"),
            "{out}"
        );
        assert!(
            out.contains("igo\tIGOISB\tinternational seed body\n"),
            "{out}"
        );
    }
}
