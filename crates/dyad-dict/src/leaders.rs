//! Heads of state and government with the dates of their terms, converted from Wikidata
//! (`actors-current/leaders/leaders_history.csv`: iso3, role, person, QID, start, end) into
//! dated actor entries (`person<TAB>ROLES<TAB>name`, the `actors.tsv` format).
//!
//! A person is coded by the role they hold on the event's date (CODING-CONVENTIONS, "Actor
//! codes"): GOV of their country during each term, ELI (a former leader) after one; before
//! the first term the entry gives no dated role, so the undated fallback ELI applies.
//! A person who heads several states at once (the French president is co-prince of Andorra
//! and head of French territories; the British monarch reigns over the Commonwealth realms)
//! is coded by one home country: where they head the government, else the most populous.

use crate::convert::clean_phrase;
use std::collections::{BTreeMap, HashMap};

/// ISO 3166 codes that CAMEO writes otherwise.
const CAMEO_CODES: &[(&str, &str)] = &[("XKX", "KSV"), ("ROU", "ROM")];

/// One term of office.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Term {
    iso3: String,
    head_of_government: bool,
    /// `YYYYMMDD`.
    start: String,
    /// `YYYYMMDD`, or empty while in office.
    end: String,
}

/// `2017-01-20T00:00:00Z` -> `20170120` (None for a missing or odd date).
fn day(s: &str) -> Option<String> {
    let d: String = s.get(..10)?.chars().filter(|c| *c != '-').collect();
    (d.len() == 8 && d.chars().all(|c| c.is_ascii_digit()) && d.as_str() >= "18000101").then_some(d)
}

/// The fields of one CSV line (RFC 4180 quoting; no line breaks inside fields).
pub(crate) fn csv_fields(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    out.push(field);
    out
}

/// Converts `leaders_history.csv`; `population` gives each ISO3 country's population (to
/// choose the home of one who heads several states). Returns the entry lines, sorted.
pub fn convert_leaders(csv: &str, population: &HashMap<String, u64>) -> String {
    // QID -> (name, terms)
    let mut people: BTreeMap<String, (String, Vec<Term>)> = BTreeMap::new();
    let mut lines = csv.lines();
    let header = lines.next().map(csv_fields).unwrap_or_default();
    let col = |name: &str| header.iter().position(|h| h == name);
    let (Some(iso), Some(role), Some(person), Some(qid), Some(start), Some(end)) = (
        col("iso3"),
        col("role"),
        col("person"),
        col("person_qid"),
        col("start"),
        col("end"),
    ) else {
        return String::new();
    };
    for line in lines {
        let f = csv_fields(line);
        let get = |i: usize| f.get(i).map(String::as_str).unwrap_or("");
        let (Some(start), name) = (day(get(start)), get(person)) else {
            continue;
        };
        // an unlabelled person is only a QID: no name to find in text
        if name.is_empty() || name == get(qid) {
            continue;
        }
        let iso3 = get(iso).to_string();
        let iso3 = CAMEO_CODES
            .iter()
            .find(|(i, _)| *i == iso3)
            .map_or(iso3.clone(), |(_, c)| c.to_string());
        let entry = people
            .entry(get(qid).to_string())
            .or_insert_with(|| (name.to_string(), Vec::new()));
        entry.1.push(Term {
            iso3,
            head_of_government: get(role) == "head_of_government",
            start,
            end: day(get(end)).unwrap_or_default(),
        });
    }
    let mut out: Vec<String> = people
        .into_values()
        .filter_map(|(name, terms)| entry_line(&name, terms, population))
        .collect();
    out.sort();
    out.dedup();
    out.join("")
}

/// One person's entry line, or None when the name gives no phrase.
fn entry_line(
    name: &str,
    mut terms: Vec<Term>,
    population: &HashMap<String, u64>,
) -> Option<String> {
    let phrase = clean_phrase(name)?;
    let pop = |iso3: &str| population.get(iso3).copied().unwrap_or(0);
    let home = terms
        .iter()
        .max_by_key(|t| {
            (
                t.head_of_government,
                pop(&t.iso3),
                std::cmp::Reverse(t.iso3.clone()),
            )
        })?
        .iso3
        .clone();
    terms.retain(|t| t.iso3 == home);
    terms.sort_by(|a, b| a.start.cmp(&b.start));
    // merge overlapping or touching terms (head of state and of government at once)
    let mut spans: Vec<(String, String)> = Vec::new();
    for t in terms {
        match spans.last_mut() {
            Some((_, end)) if end.is_empty() => {}
            Some((_, end)) if t.start.as_str() <= end.as_str() => {
                if t.end.is_empty() || t.end > *end {
                    *end = t.end;
                }
            }
            _ => spans.push((t.start, t.end)),
        }
    }
    let mut roles = Vec::new();
    for (k, (start, end)) in spans.iter().enumerate() {
        roles.push(format!("{home}GOV@{start}-{end}"));
        if end.is_empty() {
            break;
        }
        // between terms and after the last: a former leader
        let next = spans.get(k + 1).map_or("", |(s, _)| s.as_str());
        if next != end.as_str() {
            roles.push(format!("{home}ELI@{end}-{next}"));
        }
    }
    roles.push(format!("{home}ELI"));
    Some(format!("person\t{}\t{phrase}\n", roles.join(",")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "iso3,country,role,person,person_qid,start,end,party,end_cause\n\
USA,Estados Unidos,head_of_government,Donald Trump,Q22686,2017-01-20T00:00:00Z,2021-01-20T00:00:00Z,GOP,\n\
USA,Estados Unidos,head_of_state,Donald Trump,Q22686,2025-01-20T00:00:00Z,,GOP,\n\
USA,Estados Unidos,head_of_state,Donald Trump,Q22686,2017-01-20T00:00:00Z,2021-01-20T00:00:00Z,GOP,\n\
AND,Andorra,head_of_state,Emmanuel Macron,Q3052772,2017-05-14T00:00:00Z,,Ind.,\n\
FRA,França,head_of_state,Emmanuel Macron,Q3052772,2017-05-14T00:00:00Z,,\"Party, with a comma\",\n\
XKX,Kosovo,head_of_government,Albin Kurti,Q1334568,2021-03-22T00:00:00Z,,VV,\n\
ABC,Nowhere,head_of_state,Q999,Q999,2020-01-01T00:00:00Z,,,\n";

    fn converted() -> String {
        let pop: HashMap<String, u64> =
            [("FRA", 68_000_000), ("AND", 77_000), ("USA", 330_000_000)]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
        convert_leaders(CSV, &pop)
    }

    #[test]
    fn terms_become_dated_roles_with_former_leader_between_and_after() {
        let out = converted();
        assert!(
            out.contains(
                "person\tUSAGOV@20170120-20210120,USAELI@20210120-20250120,USAGOV@20250120-,USAELI\tdonald trump\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn one_who_heads_several_states_is_coded_by_the_most_populous_and_codes_are_cameos() {
        let out = converted();
        assert!(
            out.contains("person\tFRAGOV@20170514-,FRAELI\temmanuel macron\n"),
            "{out}"
        );
        assert!(!out.contains("ANDGOV"), "{out}");
        assert!(out.contains("KSVGOV@20210322-"), "{out}");
        // an unlabelled QID gives no entry
        assert!(!out.contains("q999"), "{out}");
    }

    #[test]
    fn csv_fields_keep_quoted_commas() {
        assert_eq!(
            csv_fields("a,\"b, c\",\"d \"\"e\"\"\""),
            vec!["a", "b, c", "d \"e\""]
        );
    }
}
