//! Political parties from Party Facts (`actors-current/parties/`: the core parties, MIT, and
//! their Wikidata labels, CC0) as dated `org` entries: the party's country and GOV while it
//! leads the government, OPP otherwise (CODING-CONVENTIONS, "Actor codes": a party in
//! government is GOV, one outside it OPP).
//!
//! Which party leads the government comes from the heads of government in
//! `leaders/leaders_history.csv`, whose party label is matched against the party's names in
//! that country. Junior coalition partners are not known from these sources and stay OPP;
//! the curated file (`extra-actors.tsv`) is where to correct that for a country.
//!
//! A name is kept only where it is distinctive: several words, an acronym of three capitals or
//! more, or a single word that is not a common word of party names ("Labour", "Greens"); and a
//! name that parties of two countries share ("Democratic Party") is left out, so that text
//! naming it falls back to the generic reading (the country from context and the agent noun).

use crate::convert::clean_phrase;
use crate::leaders::{cameo_country, day as date, rows};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Single words too common in party names to stand for one party.
const GENERIC: &[&str] = &[
    "labour",
    "labor",
    "green",
    "greens",
    "liberal",
    "liberals",
    "conservative",
    "conservatives",
    "democrats",
    "republicans",
    "socialists",
    "communists",
    "independent",
    "independents",
    "centre",
    "center",
    "union",
    "alliance",
    "forward",
    "together",
    "renaissance",
    "change",
    "unity",
    "reform",
    "progress",
    "freedom",
    "justice",
    "future",
    "hope",
    "national",
    "people",
    "republic",
    "democracy",
    "solidarity",
    "alternative",
    "movement",
    "front",
    "coalition",
    "party",
    "new",
    "others",
    "other",
    "left",
    "right",
    "agrarians",
    "radicals",
    "nationalists",
    "federalists",
    "unionists",
    "royalists",
    "monarchists",
    "patriots",
    "list",
    "bloc",
    "rally",
    "action",
    "vision",
    "dawn",
    "voice",
];

/// One party: its country and names.
struct Party {
    country: String,
    names: Vec<String>,
}

/// Whether a party name can stand for that one party in text: several words, an acronym, or
/// one word that English text does not use in lowercase (`common`: "Likud" yes, "Military" no).
fn distinctive(raw: &str, phrase: &str, common: &HashSet<String>) -> bool {
    if phrase.contains(' ') {
        return true;
    }
    let letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 3
        && raw
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    acronym || (letters >= 4 && !GENERIC.contains(&phrase) && !common.contains(phrase))
}

/// The words an English corpus in CoNLL-U (`ud-ewt`) writes in lowercase at least `min_count`
/// times.
pub fn lowercase_words(conllu: &str, min_count: usize) -> HashSet<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in conllu
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(1))
        .filter(|w| w.chars().all(|c| !c.is_uppercase()))
    {
        *counts.entry(w).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= min_count)
        .map(|(w, _)| w.to_string())
        .collect()
}

/// The names a Party Facts field gives (`A / B` lists several), raw.
fn split_names(field: &str) -> impl Iterator<Item = &str> {
    field.split(" / ").map(str::trim).filter(|n| !n.is_empty())
}

/// Reads the core parties active since 1990 and adds the Wikidata labels, by Party Facts id.
fn read_parties(core: &str, wikidata: &str) -> BTreeMap<u32, Party> {
    let mut parties = BTreeMap::new();
    let fields = [
        "country",
        "partyfacts_id",
        "technical",
        "name_short",
        "name",
        "name_english",
        "year_last",
    ];
    for row in rows(core, &fields) {
        let [country, id, technical, short, name, english, last] = &row[..] else {
            continue;
        };
        let Ok(id) = id.parse::<u32>() else { continue };
        let ended_long_ago = last.parse::<u32>().is_ok_and(|y| y < 1990);
        if !technical.is_empty() || ended_long_ago || country.len() != 3 {
            continue;
        }
        // a one-word English name is a translation ("Apple" for Yabloko), not what wire copy
        // calls the party
        let names = split_names(english)
            .filter(|n| n.contains(' '))
            .chain([name, short].into_iter().flat_map(|f| split_names(f)))
            .map(str::to_string)
            .collect();
        parties.insert(
            id,
            Party {
                country: cameo_country(country),
                names,
            },
        );
    }
    for row in rows(wikidata, &["partyfacts_id", "name", "name_short"]) {
        let [id, name, short] = &row[..] else {
            continue;
        };
        let Some(party) = id.parse::<u32>().ok().and_then(|id| parties.get_mut(&id)) else {
            continue;
        };
        for n in [name, short].into_iter().flat_map(|f| split_names(f)) {
            if !party.names.iter().any(|m| m == n) {
                party.names.push(n.to_string());
            }
        }
    }
    parties
}

/// The terms during which each party (by Party Facts id) led the government: the heads of
/// government whose party label is one of the party's names in their country.
fn government_terms(leaders: &str, parties: &BTreeMap<u32, Party>) -> HashMap<u32, Vec<String>> {
    let mut by_name: HashMap<(String, String), u32> = HashMap::new();
    for (id, p) in parties {
        for n in &p.names {
            by_name
                .entry((p.country.clone(), n.to_lowercase()))
                .or_insert(*id);
        }
    }
    let mut spans: HashMap<u32, (String, Vec<(String, String)>)> = HashMap::new();
    let fields = ["iso3", "role", "start", "end", "party"];
    for row in rows(leaders, &fields) {
        let [iso3, role, start, end, party] = &row[..] else {
            continue;
        };
        let (Some(start), end) = (date(start), date(end).unwrap_or_default()) else {
            continue;
        };
        if role != "head_of_government" {
            continue;
        }
        let country = cameo_country(iso3);
        let id = party
            .split('|')
            .find_map(|label| by_name.get(&(country.clone(), label.trim().to_lowercase())));
        if let Some(id) = id {
            let entry = spans.entry(*id).or_insert_with(|| (country, Vec::new()));
            entry.1.push((start, end));
        }
    }
    spans
        .into_iter()
        .map(|(id, (country, terms))| {
            let roles = merge(terms)
                .into_iter()
                .map(|(s, e)| format!("{country}GOV@{s}-{e}"))
                .collect();
            (id, roles)
        })
        .collect()
}

/// Terms (`YYYYMMDD` start, end or empty while open) merged where they overlap or touch.
fn merge(mut terms: Vec<(String, String)>) -> Vec<(String, String)> {
    terms.sort();
    let mut out: Vec<(String, String)> = Vec::new();
    for (start, end) in terms {
        match out.last_mut() {
            Some((_, last)) if last.is_empty() => {}
            Some((_, last)) if start.as_str() <= last.as_str() => {
                if end.is_empty() || end > *last {
                    *last = end;
                }
            }
            _ => out.push((start, end)),
        }
    }
    out
}

/// Converts Party Facts (core parties and Wikidata labels) with the heads of government of
/// `leaders_history.csv` into `org` entry lines. `common` holds the words English writes in
/// lowercase ([`lowercase_words`]); `taken` holds the phrases the older
/// dictionaries already give an actor: such a name is kept only for a party known to have led a
/// government (the ANC or FRELIMO, rebel movements in the 2014 files, now ruling parties);
/// otherwise the older entry stays (Hezbollah an armed group, "FSB" the Russian service).
pub fn convert_parties(
    core: &str,
    wikidata: &str,
    leaders: &str,
    common: &HashSet<String>,
    taken: &HashSet<String>,
) -> String {
    let parties = read_parties(core, wikidata);
    let governed = government_terms(leaders, &parties);
    // the phrases of each party, and the countries each phrase is a party name in
    let mut phrases: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    let mut countries: HashMap<String, HashSet<String>> = HashMap::new();
    for (id, p) in &parties {
        for raw in &p.names {
            let Some(phrase) = clean_phrase(raw) else {
                continue;
            };
            if !distinctive(raw, &phrase, common) {
                continue;
            }
            countries
                .entry(phrase.clone())
                .or_default()
                .insert(p.country.clone());
            let list = phrases.entry(*id).or_default();
            if !list.contains(&phrase) {
                list.push(phrase);
            }
        }
    }
    let mut seen = HashSet::new();
    let mut out = String::new();
    for (id, list) in phrases {
        let Some(p) = parties.get(&id) else { continue };
        let kept: Vec<&String> = list
            .iter()
            .filter(|ph| countries.get(*ph).is_some_and(|c| c.len() == 1))
            .filter(|ph| governed.contains_key(&id) || !taken.contains(*ph))
            // three-letter acronyms are shared by too many bodies ("FDD": a Zambian party and
            // Burundi's rebels): only a party that governed keeps one
            .filter(|ph| governed.contains_key(&id) || ph.contains(' ') || ph.chars().count() > 3)
            .filter(|ph| seen.insert((*ph).clone()))
            .collect();
        if kept.is_empty() {
            continue;
        }
        let mut roles = governed.get(&id).cloned().unwrap_or_default();
        roles.push(format!("{}OPP", p.country));
        let kept: Vec<&str> = kept.iter().map(|s| s.as_str()).collect();
        out.push_str(&format!("org\t{}\t{}\n", roles.join(","), kept.join("|")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORE: &str = "country,partyfacts_id,technical,name_short,name,name_english,year_last\n\
GBR,1,,Lab,Labour Party,Labour Party,\n\
GBR,2,,Con,Conservative Party,Conservative Party,\n\
ISR,3,,Likud,Likud,Likud,\n\
NZL,4,,Lab,New Zealand Labour Party,Labour Party,\n\
GBR,5,,SNP,Scottish National Party,\"Scottish National Party / SNP\",\n\
GBR,6,,Whig,Whigs,Whigs,1859\n\
PER,7,,Mil,Military,Military,\n\
RUS,8,,Yabloko,Yabloko,Apple,\n\
ZMB,9,,FDD,Forum for Democracy and Development,Forum for Democracy and Development,\n";
    const WIKIDATA: &str = "country,partyfacts_id,wikidata_id,name,name_short,name_native\n\
GBR,2,Q9626,Conservative and Unionist Party,,\n";
    const LEADERS: &str = "iso3,country,role,person,person_qid,start,end,party,end_cause\n\
GBR,x,head_of_government,Rishi Sunak,Q1,2022-10-25T00:00:00Z,2024-07-05T00:00:00Z,Conservative Party,\n\
ISR,x,head_of_government,Benjamin Netanyahu,Q2,2022-12-29T00:00:00Z,,Likud,\n";

    const EWT: &str = "# text = The military spoke.\n1\tThe\tthe\n2\tmilitary\tmilitary\n";

    fn taken() -> HashSet<String> {
        ["likud", "snp"].into_iter().map(str::to_string).collect()
    }

    #[test]
    fn a_party_is_gov_while_it_leads_the_government_and_opp_otherwise() {
        let out = convert_parties(CORE, WIKIDATA, LEADERS, &lowercase_words(EWT, 1), &taken());
        assert!(
            out.contains("org\tGBRGOV@20221025-20240705,GBROPP\tconservative party|conservative and unionist party\n"),
            "{out}"
        );
        assert!(
            out.contains("org\tISRGOV@20221229-,ISROPP\tlikud\n"),
            "{out}"
        );
        // a name the older dictionaries give another actor stays theirs, unless the party governed
        assert!(
            out.contains("org\tGBROPP\tscottish national party\n"),
            "{out}"
        );
    }

    #[test]
    fn shared_and_generic_names_and_old_parties_are_left_out() {
        let out = convert_parties(CORE, WIKIDATA, LEADERS, &lowercase_words(EWT, 1), &taken());
        // "Labour Party" is a party of two countries; "Lab" is too short; Whigs ended in 1859
        assert!(!out.contains("\tlabour party"), "{out}");
        assert!(out.contains("new zealand labour party"), "{out}");
        assert!(!out.contains("lab\n") && !out.contains("whigs"), "{out}");
        // a common English word is no party's name
        assert!(!out.contains("military"), "{out}");
        // nor is a one-word translation
        assert!(
            out.contains("\tyabloko\n") && !out.contains("apple"),
            "{out}"
        );
        // "Conservative Party" of one country only is kept
        assert!(out.contains("conservative party"), "{out}");
    }
}
