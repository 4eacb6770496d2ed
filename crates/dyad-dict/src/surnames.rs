//! Surnames alone for the office holders news names by surname ("Trump said", "Putin warned"):
//! added to `leaders.tsv` for everyone holding an office since 2010 whose surname is theirs
//! alone.
//!
//! A surname is added only where it cannot mean someone else the dictionaries know: no other
//! person's name ends in it, no other entry has it as a phrase ("Jordan", "Chad"), English does
//! not use it as a word ("May", "Brown"), and it has four letters or more. In text, the matcher
//! also leaves a surname alone when a given name the dictionaries do not know stands before it
//! ("Ivanka Trump"; see `dyad-code`'s mention finder).

use std::collections::{HashMap, HashSet};

/// Office held on or after this day makes a person current enough to be named by surname.
const SINCE: &str = "20100101";

/// Whether a role spec (`USAGOV@20170120-20210120`) is an office held on or after [`SINCE`]:
/// dated, with a sector other than ELI.
fn recent_office(role: &str) -> bool {
    let Some((code, period)) = role.split_once('@') else {
        return false;
    };
    let end = period.split_once('-').map_or("", |(_, e)| e);
    code.len() > 3 && !code.ends_with("ELI") && (end.is_empty() || end >= SINCE)
}

/// `leaders.tsv` entry lines with the surnames added (see the module doc), sorted. Each line
/// comes with whether the person was a head of state or government since 2010: of namesakes,
/// the one head among them takes the surname ("Netanyahu" is the prime minister, not the
/// judge). `common` holds the words English writes in lowercase, `taken` the phrases of the
/// other actor files.
pub fn add_surnames(
    people: &[(String, bool)],
    common: &HashSet<String>,
    taken: &HashSet<String>,
) -> String {
    let entries: Vec<(Vec<&str>, bool)> = people
        .iter()
        .map(|(l, head)| (l.trim_end().split('\t').collect(), *head))
        .collect();
    // how many people's names (and how many heads') end in each word, and every phrase in use
    let mut last_words: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut phrases: HashSet<&str> = HashSet::new();
    for (e, head) in &entries {
        let Some(names) = e.get(2) else { continue };
        let own: HashSet<&str> = names
            .split('|')
            .filter_map(|n| n.rsplit(' ').next())
            .collect();
        phrases.extend(names.split('|'));
        for last in own {
            let n = last_words.entry(last).or_default();
            n.0 += 1;
            n.1 += usize::from(*head);
        }
    }
    // a phrase several people share beside their own label ("king charles" of Charles III and of
    // the earlier Charleses) belongs to the one whose office began last
    let latest = |roles: &str| -> String {
        roles
            .split(',')
            .filter(|r| !r.split('@').next().unwrap_or("").ends_with("ELI"))
            .filter_map(|r| {
                r.split_once('@')
                    .map(|(_, p)| p.split('-').next().unwrap_or("").to_string())
            })
            .max()
            .unwrap_or_default()
    };
    let mut owner: HashMap<&str, (String, usize)> = HashMap::new();
    for (i, (e, _)) in entries.iter().enumerate() {
        let (Some(roles), Some(names)) = (e.get(1), e.get(2)) else {
            continue;
        };
        let since = latest(roles);
        for p in names.split('|').skip(1) {
            let o = owner.entry(p).or_insert_with(|| (since.clone(), i));
            if since > o.0 {
                *o = (since.clone(), i);
            }
        }
    }
    let mut out: Vec<String> = Vec::with_capacity(entries.len());
    for (i, (e, head)) in entries.iter().enumerate() {
        let (Some(kind), Some(roles), Some(names)) = (e.first(), e.get(1), e.get(2)) else {
            continue;
        };
        let first = names.split('|').next().unwrap_or_default();
        let kept: Vec<&str> = std::iter::once(first)
            .chain(
                names
                    .split('|')
                    .skip(1)
                    .filter(|p| *p != first && owner.get(p).is_none_or(|o| o.1 == i)),
            )
            .collect();
        let names = kept.join("|");
        let names = names.as_str();
        // a monarch's or pope's label ends in a regnal numeral or a country ("carlos xvi gustavo
        // da suécia"): no surname
        let regnal = names.split('|').next().is_some_and(|n| {
            let w: Vec<&str> = n.split(' ').collect();
            w.first() == Some(&"papa")
                || w.iter()
                    .any(|w| crate::spellings::is_numeral(&w.to_uppercase()))
        });
        let current = *kind == "person" && !regnal && roles.split(',').any(recent_office);
        // the label's surname in its spellings ("zelenski", "zelensky"), not the last word of
        // a short form ("recep tayyip")
        let label_surname = names.split('|').next().and_then(|n| n.rsplit(' ').next());
        let prefix: String = label_surname
            .map(|s| {
                crate::spellings::fold_diacritics(s)
                    .chars()
                    .take(3)
                    .collect()
            })
            .unwrap_or_default();
        let mut surnames: Vec<&str> = Vec::new();
        for s in names.split('|').filter_map(|n| n.rsplit(' ').next()) {
            if !crate::spellings::fold_diacritics(s).starts_with(&prefix) {
                continue;
            }
            let theirs = last_words
                .get(s)
                .is_some_and(|&(all, heads)| all == 1 || (*head && heads == 1));
            let eligible = current
                && theirs
                && s.chars().count() >= 4
                && s.chars().all(char::is_alphabetic)
                && !phrases.contains(s)
                && !taken.contains(s)
                && !common.contains(s)
                && !surnames.contains(&s);
            if eligible {
                surnames.push(s);
            }
        }
        let mut line = format!("{kind}\t{roles}\t{names}");
        for s in surnames {
            line.push('|');
            line.push_str(s);
        }
        out.push(line + "\n");
    }
    out.sort();
    out.dedup();
    out.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_current_office_holder_with_a_surname_of_their_own_is_named_by_it() {
        let lines: Vec<(String, bool)> = [
            ("person\tUSA@-20170120,USAGOV@20170120-20210120,USAGOV@20250120-,USAGOV\tdonald trump\n", true),
            ("person\tUSAGOV@20170120-20210120,USAELI\tmelania trump\n", false),
            ("person\tGBRGOV@20160713-20190724,GBRELI\ttheresa may\n", true),
            ("person\tGBRGOV@20190724-20220906,GBRELI\tboris johnson\n", true),
            ("person\tGBRGOV@20150101-20170101,GBRELI\tjo johnson\n", true),
            ("person\tUSAGOV@19890120-19930120,USAELI\tgeorge walker bush\n", true),
            ("person\tJORGOV@20150101-,JORGOV\tabdullah jordan\n", true),
        ]
        .into_iter()
        .map(|(l, h)| (l.to_string(), h))
        .collect();
        let common: HashSet<String> = ["may".to_string()].into_iter().collect();
        let taken: HashSet<String> = ["jordan".to_string()].into_iter().collect();
        let out = add_surnames(&lines, &common, &taken);
        // the one head of state among namesakes takes the surname
        assert!(out.contains("\tdonald trump|trump\n"), "{out}");
        assert!(out.contains("\tmelania trump\n"), "{out}");
        // a common word, a surname two heads share, an office before 2010, another entry's name
        assert!(out.contains("\ttheresa may\n"), "{out}");
        assert!(out.contains("\tboris johnson\n"), "{out}");
        assert!(out.contains("\tgeorge walker bush\n"), "{out}");
        assert!(out.contains("\tabdullah jordan\n"), "{out}");
    }
}
