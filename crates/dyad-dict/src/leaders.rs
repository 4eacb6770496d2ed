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
use crate::spellings::{english_forms, spellings};
use std::collections::{BTreeMap, HashMap};

/// ISO 3166 codes that CAMEO writes otherwise.
const CAMEO_CODES: &[(&str, &str)] = &[("XKX", "KSV")];

/// One term of office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The country (CAMEO code) whose office it is, or the code of an international
    /// organisation (`IGOUNO`) for its offices.
    iso3: String,
    /// The sector the office gives (GOV for heads of state and government and ministers; empty
    /// for an international organisation's office).
    sector: &'static str,
    head_of_government: bool,
    /// A head of state's or government's term (the leaders file).
    head: bool,
    /// `YYYYMMDD`.
    start: String,
    /// `YYYYMMDD`, or empty while in office.
    end: String,
}

/// `2017-01-20T00:00:00Z` -> `20170120` (None for a missing or odd date).
pub(crate) fn day(s: &str) -> Option<String> {
    let d: String = s.get(..10)?.chars().filter(|c| *c != '-').collect();
    (d.len() == 8 && d.chars().all(|c| c.is_ascii_digit()) && d.as_str() >= "18000101").then_some(d)
}

/// The fields of one CSV record (RFC 4180 quoting; a quoted field may hold line breaks).
pub(crate) fn csv_fields(record: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = record.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            c => field.push(c),
        }
    }
    out.push(field);
    out
}

/// The records of a CSV text: its lines, except that a line break inside quotes continues the
/// record.
fn records(csv: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, b) in csv.bytes().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted => {
                out.push(csv.get(start..i).unwrap_or_default());
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < csv.len() {
        out.push(csv.get(start..).unwrap_or_default());
    }
    out
}

/// QID -> (names, terms); the first name is the primary one, the others are aliases.
pub type People = BTreeMap<String, (Vec<String>, Vec<Term>)>;

/// The rows of a CSV text as the values of `names` (in that order); none when the header
/// lacks one of them.
pub(crate) fn rows(csv: &str, names: &[&str]) -> Vec<Vec<String>> {
    let mut lines = records(csv.trim_start_matches('\u{feff}')).into_iter();
    let header = lines.next().map(csv_fields).unwrap_or_default();
    let Some(cols): Option<Vec<usize>> = names
        .iter()
        .map(|n| header.iter().position(|h| h == n))
        .collect()
    else {
        return Vec::new();
    };
    lines
        .map(|line| {
            let f = csv_fields(line);
            cols.iter()
                .map(|&c| f.get(c).cloned().unwrap_or_default())
                .collect()
        })
        .collect()
}

/// Adds a term to the person with this QID; an unlabelled person (the name is only the
/// QID) has no name to find in text and is left out.
fn add_term(people: &mut People, qid: &str, name: &str, term: Term) {
    if name.is_empty() || name == qid {
        return;
    }
    let (names, terms) = people.entry(qid.to_string()).or_default();
    if !names.iter().any(|n| n == name) {
        names.push(name.to_string());
    }
    terms.push(term);
}

/// Reads `leaders_history.csv` into `people`.
pub fn read_leaders(csv: &str, people: &mut People) {
    let names = ["iso3", "role", "person", "person_qid", "start", "end"];
    for row in rows(csv, &names) {
        let [iso3, role, name, qid, start, end] = &row[..] else {
            continue;
        };
        let Some(start) = day(start) else { continue };
        let term = Term {
            iso3: cameo_country(iso3),
            sector: "GOV",
            head_of_government: role == "head_of_government",
            head: true,
            start,
            end: day(end).unwrap_or_default(),
        };
        add_term(people, qid_of(qid), name, term);
    }
}

/// A QID from a Wikidata export's entity column (`http://www.wikidata.org/entity/Q22686`) or
/// as it is (`Q22686`).
fn qid_of(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// Applies a newer export of heads of state and government (the `leaders_history.csv`
/// columns, as the SPARQL query in `data/README.md` gives them): everyone it names has the
/// export's terms instead of those read before.
pub fn update_leaders(csv: &str, people: &mut People) {
    for row in rows(csv, &["person_qid"]) {
        if let Some(qid) = row.first() {
            people.remove(qid_of(qid));
        }
    }
    read_leaders(csv, people);
}

/// Applies a newer export of office holders (`iso3`, `position`, `person`, `personID`,
/// `start`, `end`, as the SPARQL query in `data/README.md` gives them), country by country,
/// like the cabinet files (see [`read_cabinet`]); a term both give is merged into one.
pub fn update_cabinets(csv: &str, people: &mut People) {
    let fields = ["iso3", "position", "person", "personID", "start", "end"];
    let mut by_country: BTreeMap<String, String> = BTreeMap::new();
    for row in rows(csv, &fields) {
        let [iso3, rest @ ..] = &row[..] else {
            continue;
        };
        let line: Vec<String> = rest
            .iter()
            .map(|f| format!("\"{}\"", f.replace('"', "\"\"")))
            .collect();
        by_country
            .entry(iso3.clone())
            .or_insert_with(|| "position,person,personID,start,end\n".to_string())
            .push_str(&(line.join(",") + "\n"));
    }
    for (iso3, cabinet) in by_country {
        read_cabinet(&iso3, &cabinet, people);
    }
}

/// Reads one country's cabinet file (`cabinets/<ISO3>.csv`: position, person, personID,
/// start, end) into `people`, after the leaders (see [`read_leaders`]). The office's sector
/// comes from its title ([`office_sector`]).
///
/// A term the file leaves open was open when the file was made (most files stop in mid-2022),
/// not necessarily today: it is closed at the first change of head of government the newer
/// leaders file knows after the file's last date (a new government names its own ministers).
pub fn read_cabinet(iso3: &str, csv: &str, people: &mut People) {
    let country = cameo_country(iso3);
    let rows = rows(csv, &["position", "person", "personID", "start", "end"]);
    let snapshot = rows
        .iter()
        .flat_map(|r| r.iter().skip(3).filter_map(|d| day_or_month(d)))
        .max()
        .unwrap_or_default();
    let next_government = next_head_of_government(people, &country, &snapshot);
    for row in rows {
        let [position, name, qid, start, end] = &row[..] else {
            continue;
        };
        let Some(start) = day_or_month(start) else {
            continue;
        };
        // offices of international bodies held by nationals are skipped
        let Some(sector) = office_sector(position) else {
            continue;
        };
        // the leaders file is newer (2025 against mid-2022): its terms of heads of state and
        // government win over this file's, whose open terms were only open when it was made
        let known_leader = people.get(qid.as_str()).is_some_and(|(_, t)| !t.is_empty());
        if known_leader && is_head_office(position) {
            continue;
        }
        let end = day_or_month(end).unwrap_or_else(|| next_government.clone());
        let term = Term {
            iso3: country.clone(),
            sector,
            head_of_government: false,
            head: false,
            start,
            end,
        };
        add_term(people, qid_of(qid), name, term);
    }
}

/// A cabinet file's date, which may be a year or a month (`2019`, `2019-05`, `2019-05-04`), as
/// `YYYYMMDD` (the first day of the year or month).
fn day_or_month(s: &str) -> Option<String> {
    let digits: String = s
        .get(..s.len().min(10))?
        .chars()
        .filter(|c| *c != '-')
        .collect();
    let padded = match digits.len() {
        4 => format!("{digits}0101"),
        6 => format!("{digits}01"),
        8 => digits,
        _ => return None,
    };
    // `digits` may hold other characters than digits: slice only on their boundaries
    day(&format!(
        "{}-{}-{}",
        padded.get(..4)?,
        padded.get(4..6)?,
        padded.get(6..)?
    ))
}

/// The first day after `after` on which a new head of government of `country` took office,
/// per the terms read so far; empty when there was none.
fn next_head_of_government(people: &People, country: &str, after: &str) -> String {
    people
        .values()
        .flat_map(|(_, terms)| terms)
        .filter(|t| t.head_of_government && t.iso3 == country && t.start.as_str() > after)
        .map(|t| t.start.clone())
        .min()
        .unwrap_or_default()
}

/// The international organisation whose office a title names (`cabinets/world.csv`); None
/// for offices held for a country (a permanent representative: the file does not say which).
fn world_office(position: &str) -> Option<&'static str> {
    let p = position.to_lowercase();
    Some(if p.contains("international court of justice") {
        "IGOUNOJUDICJ"
    } else if p.contains("permanent representative") {
        return None;
    } else if p.contains("united nations") {
        "IGOUNO"
    } else if p.contains("world trade organization") {
        "IGOBUSWTO"
    } else if p.contains("osce") {
        "IGOEUROSC"
    } else if p.contains("council of europe") {
        "IGOEURCOE"
    } else if p.contains("arab parliament") {
        "IGOMEAARL"
    } else {
        return None;
    })
}

/// Reads the offices of international organisations (`cabinets/world.csv`: position, person,
/// personID, start, end): the holder is coded with the organisation during the term.
pub fn read_world(csv: &str, people: &mut People) {
    for row in rows(csv, &["position", "person", "personID", "start", "end"]) {
        let [position, name, qid, start, end] = &row[..] else {
            continue;
        };
        let (Some(code), Some(start)) = (world_office(position), day_or_month(start)) else {
            continue;
        };
        let term = Term {
            iso3: code.to_string(),
            sector: "",
            head_of_government: false,
            head: false,
            start,
            end: day_or_month(end).unwrap_or_default(),
        };
        add_term(people, qid, name, term);
    }
}

/// Reads the foreign ministers in office at the end of 2022 (`cabinets/world-foreign-ministers.csv`:
/// person (QID), name, countryLabel, start); `codes` maps English country names to ISO3. The
/// term is closed like an open cabinet term (see [`read_cabinet`]); a minister a cabinet file
/// already has is left to it.
pub fn read_foreign_ministers(csv: &str, codes: &HashMap<String, String>, people: &mut People) {
    let fields = ["person", "name", "countryLabel", "start"];
    let rows = rows(csv, &fields);
    let snapshot = rows
        .iter()
        .filter_map(|r| r.get(3).and_then(|d| day_or_month(d)))
        .max()
        .unwrap_or_default();
    for row in rows {
        let [qid, name, country, start] = &row[..] else {
            continue;
        };
        let (Some(iso3), Some(start)) = (codes.get(country.as_str()), day_or_month(start)) else {
            continue;
        };
        let country = cameo_country(iso3);
        let already = people
            .get(qid.as_str())
            .is_some_and(|(_, t)| t.iter().any(|t| t.iso3 == country && t.start == start));
        if already {
            continue;
        }
        let end = next_head_of_government(people, &country, &snapshot);
        let term = Term {
            iso3: country,
            sector: "GOV",
            head_of_government: false,
            head: false,
            start,
            end,
        };
        add_term(people, qid, name, term);
    }
}

/// The sector an office's title gives (CODING-CONVENTIONS, "Actor codes": courts and
/// prosecutors JUD, armed forces MIL, police COP, legislatures LEG, intelligence SPY, a
/// defence minister GOV); None for offices of international bodies held by nationals
/// ("Judge of the International Court of Justice").
pub fn office_sector(position: &str) -> Option<&'static str> {
    let p = position.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| p.contains(w));
    if has(&[
        "international court",
        "european court",
        "united nations",
        "european union",
    ]) {
        return None;
    }
    Some(if has(&["commander-in-chief", "commander in chief"]) {
        // the head of state's command of the armed forces
        "GOV"
    } else if has(&["minister", "secretary of state", "secretary of"])
        && !has(&["army", "navy", "air force"])
    {
        "GOV"
    } else if has(&["court", "justice", "judge", "prosecutor"]) {
        "JUD"
    } else if has(&[
        "general staff",
        "chief of staff of the",
        "joint chiefs",
        "commander",
        "army",
        "navy",
        "air force",
        "armed forces",
    ]) {
        "MIL"
    } else if has(&["police"]) {
        "COP"
    } else if has(&["intelligence", "security service"]) {
        "SPY"
    } else if has(&[
        "parliament",
        "assembly",
        "senate",
        "speaker",
        "house of representatives",
        "duma",
        "congress",
    ]) {
        "LEG"
    } else {
        "GOV"
    })
}

/// A head of state's or government's office ("President", "Prime Minister of India").
fn is_head_office(position: &str) -> bool {
    let p = position.to_lowercase();
    !p.contains("vice")
        && !p.contains("deputy")
        && !p.contains("assembly")
        && !p.contains("senate")
        && [
            "president",
            "prime minister",
            "premier",
            "chancellor",
            "king",
            "queen",
            "emir",
            "monarch",
        ]
        .iter()
        .any(|h| p.starts_with(h))
}

pub(crate) fn cameo_country(iso3: &str) -> String {
    CAMEO_CODES
        .iter()
        .find(|(i, _)| *i == iso3)
        .map_or(iso3.to_string(), |(_, c)| c.to_string())
}

/// Converts `leaders_history.csv` alone (see [`write_people`]).
pub fn convert_leaders(csv: &str, population: &HashMap<String, u64>) -> String {
    let mut people = People::new();
    read_leaders(csv, &mut people);
    write_people(people, population, &HashMap::new())
}

/// The dated roles of the older dictionary's person entries (`actors.tsv` lines), by phrase:
/// what they say of the years before the first term these sources know.
pub fn older_roles(actors_tsv: &str) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for line in actors_tsv.lines().filter(|l| l.starts_with("person\t")) {
        let mut f = line.split('\t').skip(1);
        let (Some(roles), Some(phrases)) = (f.next(), f.next()) else {
            continue;
        };
        let roles: Vec<String> = roles.split(',').map(str::to_string).collect();
        for phrase in phrases.split('|') {
            out.entry(phrase.to_string())
                .or_insert_with(|| roles.clone());
        }
    }
    out
}

/// The entry lines of everyone read, sorted; `population` gives each ISO3 country's
/// population (to choose the home of one who heads several states); `older` the older
/// dictionary's roles by phrase (for the years before the first known term).
pub fn write_people(
    people: People,
    population: &HashMap<String, u64>,
    older: &HashMap<String, Vec<String>>,
) -> String {
    let mut out: Vec<String> = people_lines(people, population, older)
        .into_iter()
        .map(|(line, _)| line)
        .collect();
    out.sort();
    out.dedup();
    out.join("")
}

/// Each person's entry line (see [`entry_line`]) and whether they were a head of state or
/// government since 2010 (the more prominent of namesakes, for [`crate::surnames`]).
pub fn people_lines(
    people: People,
    population: &HashMap<String, u64>,
    older: &HashMap<String, Vec<String>>,
) -> Vec<(String, bool)> {
    people
        .into_values()
        .filter_map(|(names, terms)| {
            let head = terms
                .iter()
                .any(|t| t.head && (t.end.is_empty() || t.end.as_str() >= "20100101"));
            entry_line(&names, terms, population, older).map(|l| (l, head))
        })
        .collect()
}

/// A person's phrases: each label cleaned and, for someone in office since 1990 (`recent`), in
/// each of its spellings ([`spellings`]), without repeats; the labels' own spellings first.
fn phrases(names: &[String], country: &str, recent: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let labels: Vec<String> = names
        .iter()
        .flat_map(|n| std::iter::once(n.clone()).chain(english_forms(n, country)))
        .filter_map(|n| clean_phrase(&n))
        .collect();
    // other spellings only for people in office since 1990, whom current news names: the
    // others' would slow every start-up for little
    let others = labels
        .iter()
        .filter(|_| recent)
        .flat_map(|l| spellings(l, country));
    for p in labels.iter().cloned().chain(others) {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

/// One span of office: start, end (empty while open), holder (country or organisation) and
/// sector.
type Span = (String, String, String, &'static str);

/// One person's entry line, or None when the names give no phrase.
///
/// Roles, in the order `ActorEntry::code_on` reads them (the first dated role covering the
/// date wins; an undated document takes the undated role): before the first term, the older
/// dictionary's roles that end by then, else the bare country (a person of that country with
/// no office known); each term's office, GOV before other sectors held at the same time (an
/// international organisation's office is coded with the organisation); ELI (former official)
/// between and after terms; and last, the undated role: the office still held (GOV first),
/// else ELI.
fn entry_line(
    names: &[String],
    mut terms: Vec<Term>,
    population: &HashMap<String, u64>,
    older: &HashMap<String, Vec<String>>,
) -> Option<String> {
    let pop = |iso3: &str| population.get(iso3).copied().unwrap_or(0);
    let is_igo = |t: &Term| t.iso3.starts_with("IGO");
    let home = terms
        .iter()
        .max_by_key(|t| {
            (
                !is_igo(t),
                t.head_of_government,
                pop(&t.iso3),
                std::cmp::Reverse(t.iso3.clone()),
            )
        })?
        .iso3
        .clone();
    let national = !home.starts_with("IGO");
    let recent = terms
        .iter()
        .any(|t| t.end.is_empty() || t.end.as_str() >= "19900101");
    let phrases = phrases(names, &home, recent);
    phrases.first()?;
    terms.retain(|t| t.iso3 == home || is_igo(t));
    terms.sort_by(|a, b| a.start.cmp(&b.start));
    // merge overlapping or touching terms of one office (head of state and of government at once)
    let mut spans: Vec<Span> = Vec::new();
    for t in terms {
        let same = |s: &&mut Span| s.2 == t.iso3 && s.3 == t.sector;
        match spans.iter_mut().rev().find(same) {
            Some((_, end, _, _)) if end.is_empty() => {}
            Some((_, end, _, _)) if t.start.as_str() <= end.as_str() => {
                if t.end.is_empty() || t.end > *end {
                    *end = t.end;
                }
            }
            _ => spans.push((t.start, t.end, t.iso3, t.sector)),
        }
    }
    let first = spans.iter().map(|s| s.0.clone()).min()?;
    // `CODE@FROM-TO`: the older roles wholly before the first term
    let before: Vec<String> = phrases
        .iter()
        .find_map(|p| older.get(p))
        .into_iter()
        .flatten()
        .filter(|r| {
            r.split_once('@')
                .and_then(|(_, d)| d.split_once('-'))
                .is_some_and(|(_, to)| !to.is_empty() && to <= first.as_str())
        })
        .cloned()
        .collect();
    let mut roles = before;
    if roles.is_empty() && national {
        roles.push(format!("{home}@-{first}"));
    }
    let mut ordered: Vec<&Span> = spans.iter().collect();
    ordered.sort_by(|a, b| (a.3 != "GOV", &a.0).cmp(&(b.3 != "GOV", &b.0)));
    roles.extend(
        ordered
            .iter()
            .map(|(s, e, holder, sector)| format!("{holder}{sector}@{s}-{e}")),
    );
    // out of office between and after terms: a former official of their country
    let mut by_start: Vec<&Span> = spans.iter().collect();
    by_start.sort();
    let mut until = String::new();
    for (k, (_, end, _, _)) in by_start.iter().enumerate() {
        if end.is_empty() {
            break;
        }
        if *end > until {
            until = end.clone();
        }
        let next = by_start.get(k + 1).map_or("", |s| s.0.as_str());
        if national && (next.is_empty() || next > until.as_str()) {
            roles.push(format!("{home}ELI@{until}-{next}"));
        }
    }
    let held = ordered
        .iter()
        .find(|s| s.1.is_empty())
        .map(|(_, _, holder, sector)| format!("{holder}{sector}"));
    roles.push(held.unwrap_or_else(|| {
        if national {
            format!("{home}ELI")
        } else {
            home.clone()
        }
    }));
    Some(format!(
        "person\t{}\t{}\n",
        roles.join(","),
        phrases.join("|")
    ))
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
    fn odd_dates_in_an_export_are_no_date() {
        assert_eq!(day_or_month("2019-05").as_deref(), Some("20190501"));
        assert_eq!(day_or_month("2019").as_deref(), Some("20190101"));
        // a character of two bytes across byte 4 or 6, where the parts are cut: it used to panic
        assert_eq!(day_or_month("201é9"), None);
        assert_eq!(day_or_month("20191é9"), None);
    }

    #[test]
    fn terms_become_dated_roles_with_former_leader_between_and_after() {
        let out = converted();
        assert!(
            out.contains(
                "person\tUSA@-20170120,USAGOV@20170120-20210120,USAGOV@20250120-,USAELI@20210120-20250120,USAGOV\tdonald trump\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn one_who_heads_several_states_is_coded_by_the_most_populous_and_codes_are_cameos() {
        let out = converted();
        assert!(
            out.contains("person\tFRA@-20170514,FRAGOV@20170514-,FRAGOV\temmanuel macron\n"),
            "{out}"
        );
        assert!(!out.contains("ANDGOV"), "{out}");
        assert!(out.contains("KSVGOV@20210322-"), "{out}");
        // an unlabelled QID gives no entry
        assert!(!out.contains("q999"), "{out}");
    }

    #[test]
    fn cabinet_offices_take_their_sector_and_a_minister_out_of_office_is_former() {
        let mut people = People::new();
        let csv = "position,person,personID,start,end\n\
Minister of Defence,Ana Example,Q1,2015-01-01,2019-01-01\n\
Chief of the General Staff,Bo Example,Q2,2016-01-01,\n\
Judge of the International Court of Justice,Cy Example,Q3,2016-01-01,\n";
        read_cabinet("XKX", csv, &mut people);
        let older: HashMap<String, Vec<String>> = [(
            "ana example".to_string(),
            vec![
                "KSVELI@19900101-20150101".to_string(),
                "KSVGOV@20150101-".to_string(),
            ],
        )]
        .into_iter()
        .collect();
        let out = write_people(people, &HashMap::new(), &older);
        assert!(
            out.contains("person\tKSVELI@19900101-20150101,KSVGOV@20150101-20190101,KSVELI@20190101-,KSVELI\tana example\n"),
            "{out}"
        );
        assert!(out.contains("KSVMIL@20160101-,KSVMIL\tbo example"), "{out}");
        assert!(!out.contains("cy example"), "{out}");
    }

    #[test]
    fn an_open_cabinet_term_ends_with_the_next_head_of_government() {
        let mut people = People::new();
        let leaders = "iso3,country,role,person,person_qid,start,end\n\
USA,x,head_of_government,Joe Biden,Q6279,2021-01-20T00:00:00Z,2025-01-20T00:00:00Z\n\
USA,x,head_of_government,Donald Trump,Q22686,2025-01-20T00:00:00Z,\n";
        read_leaders(leaders, &mut people);
        let cabinet = "position,person,personID,start,end\n\
United States Secretary of State,Antony Blinken,Q1,2021-01-26,\n\
Secretary of Defense,Old Example,Q2,2015,2017-01\n";
        read_cabinet("USA", cabinet, &mut people);
        let out = write_people(people, &HashMap::new(), &HashMap::new());
        assert!(
            out.contains("USAGOV@20210126-20250120,USAELI@20250120-,USAELI\tantony blinken\n"),
            "{out}"
        );
        // a year or a month is read as its first day
        assert!(out.contains("USAGOV@20150101-20170101"), "{out}");
    }

    #[test]
    fn an_international_office_is_coded_with_its_organisation_and_names_lose_diacritics() {
        let mut people = People::new();
        let leaders = "iso3,country,role,person,person_qid,start,end\n\
PRT,x,head_of_government,António Guterres,Q1,1995-10-28T00:00:00Z,2002-04-06T00:00:00Z\n";
        read_leaders(leaders, &mut people);
        let world = "position,person,personID,start,end\n\
Secretary-General of the United Nations,António Guterres,Q1,2017-01-01,\n\
Permanent Representative to the United Nations,Some Envoy,Q2,2020-01-01,\n";
        read_world(world, &mut people);
        let out = write_people(people, &HashMap::new(), &HashMap::new());
        assert!(
            out.contains("person\tPRT@-19951028,PRTGOV@19951028-20020406,IGOUNO@20170101-,PRTELI@20020406-20170101,IGOUNO\tantónio guterres|antonio guterres\n"),
            "{out}"
        );
        assert!(!out.contains("some envoy"), "{out}");
    }

    #[test]
    fn a_newer_export_replaces_the_terms_of_everyone_it_names() {
        let mut people = People::new();
        read_leaders(CSV, &mut people);
        let export = "iso3,country,role,person,person_qid,start,end\n\
USA,x,head_of_state,Donald Trump,http://www.wikidata.org/entity/Q22686,2025-01-20T00:00:00Z,2029-01-20T00:00:00Z\n";
        update_leaders(export, &mut people);
        let out = write_people(people, &HashMap::new(), &HashMap::new());
        assert!(
            out.contains("person\tUSA@-20250120,USAGOV@20250120-20290120,USAELI@20290120-,USAELI\tdonald trump\n"),
            "{out}"
        );
        let mut people = People::new();
        let offices = "iso3,position,person,personID,start,end\n\
JPN,Minister of Foreign Affairs,Ana Example,Q1,2025-10-21,\n";
        update_cabinets(offices, &mut people);
        let out = write_people(people, &HashMap::new(), &HashMap::new());
        assert!(
            out.contains("JPNGOV@20251021-,JPNGOV\tana example\n"),
            "{out}"
        );
    }

    #[test]
    fn csv_fields_keep_quoted_commas() {
        assert_eq!(
            csv_fields("a,\"b, c\",\"d \"\"e\"\"\""),
            vec!["a", "b, c", "d \"e\""]
        );
    }
}
