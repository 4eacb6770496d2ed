//! GeoNames -> dyad's gazetteer files (`data/geo/places.tsv`, `admin1.tsv`, `countries.tsv`).
//!
//! The conversion is deterministic: rows are sorted (places by geonameid, admin1 regions by
//! code, countries by ISO3) and so are the variants of a row, so a fresh conversion of the same
//! GeoNames files gives byte-identical output (checked by `tests/conversion.rs`).
//!
//! What is kept of a place's alternate names: see [`plausible_english`] and
//! [`ALTERNATES_MIN_POPULATION`]. The file formats are documented in `data/geo/README.md`.

use crate::names::{fold, normalize};
use crate::GeoError;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::Path;

/// All plausible English alternate names are kept for places of at least this population (and
/// for national capitals); smaller places keep only the alternate names within two edits of
/// their name (spellings: "Izium" for Izyum, "Jenin" for Janin). English news writes small towns
/// under (a spelling of) their name, and the other alternate names of small towns are mostly
/// other languages' forms, which would double the files.
pub const ALTERNATES_MIN_POPULATION: u64 = 50_000;

/// A place's alternate name is dropped when another place has it as its own name and at least
/// 1/`STEAL_RATIO` of the place's population.
pub const STEAL_RATIO: u64 = 10;

/// Names of the converted files, in the order [`convert`] returns them.
pub const FILES: [&str; 3] = ["places.tsv", "admin1.tsv", "countries.tsv"];

/// Lowercase words allowed inside a kept alternate name (`Tarabulus al Gharb`, `Port of Spain`).
const CONNECTORS: &[&str] = &[
    "al", "am", "an", "and", "ar", "as", "ash", "at", "az", "bani", "bin", "d'", "da", "das", "de",
    "del", "della", "den", "der", "des", "di", "do", "dos", "du", "el", "en", "ibn", "im", "la",
    "las", "le", "les", "los", "of", "on", "sur", "the", "upon", "van", "von", "y",
];

/// Suffixes and prefixes stripped from admin1 names to get the bare name news uses
/// ("Donetsk Oblast" -> "Donetsk", "Kyiv City" -> "Kyiv").
const ADMIN1_SUFFIXES: &[&str] = &[
    " autonomous region",
    " autonomous republic",
    " autonomous okrug",
    " governorate",
    " voivodeship",
    " prefecture",
    " department",
    " municipality",
    " province",
    " district",
    " region",
    " oblast'",
    " oblast",
    " county",
    " rayon",
    " state",
    " krai",
    " kray",
    " city",
];
const ADMIN1_PREFIXES: &[&str] = &["state of ", "province of ", "region of ", "republic of "];

/// The text of each converted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConvertedGeo {
    /// `(file name, contents)`, file names as in [`FILES`].
    pub files: Vec<(String, String)>,
}

impl ConvertedGeo {
    /// The contents of one file (`"places.tsv"`, ...).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    /// Writes the files into `dir` (normally `data/geo`).
    pub fn write_to(&self, dir: &Path) -> Result<(), GeoError> {
        for (name, text) in &self.files {
            let path = dir.join(name);
            std::fs::write(&path, text).map_err(|source| GeoError::Io {
                path: path.display().to_string(),
                source,
            })?;
        }
        Ok(())
    }
}

struct Country {
    iso2: String,
    iso3: String,
    name: String,
    geonameid: Option<u64>,
    capital: String,
    population: u64,
    /// FIPS 10-4 (GDELT's country codes), ISO 3166 numeric, continent (GeoNames' two letters).
    fips: String,
    numeric: Option<u64>,
    continent: String,
}

struct Admin1 {
    code: String,
    name: String,
    ascii: String,
    geonameid: String,
}

struct City {
    id: u32,
    name: String,
    lat: f64,
    lon: f64,
    cc: String,
    admin1: String,
    population: u64,
    alternates: Vec<String>,
}

/// Reads `cities15000.json`, `countries.json` and `admin1CodesASCII.txt` from `geonames_dir`
/// and returns the text of `places.tsv`, `admin1.tsv` and `countries.tsv`.
pub fn convert(geonames_dir: &Path) -> Result<ConvertedGeo, GeoError> {
    let countries = read_countries(&geonames_dir.join("countries.json"))?;
    let admin1 = read_admin1(&geonames_dir.join("admin1CodesASCII.txt"))?;
    let mut cities = read_cities(&geonames_dir.join("cities15000.json"))?;
    cities.sort_by_key(|c| c.id);

    let iso3_of: HashMap<&str, &str> = countries
        .iter()
        .map(|c| (c.iso2.as_str(), c.iso3.as_str()))
        .collect();
    let admin1_of: HashMap<&str, &Admin1> = admin1.iter().map(|a| (a.code.as_str(), a)).collect();
    let admin1_key = |c: &City| format!("{}.{}", c.cc, c.admin1);

    // Capitals: the most populous city of the country whose name or alternate name is the
    // capital's name.
    let mut by_country: HashMap<&str, Vec<&City>> = HashMap::new();
    for c in &cities {
        by_country.entry(c.cc.as_str()).or_default().push(c);
    }
    let biggest = |list: &[&City], pred: &dyn Fn(&City) -> bool| -> Option<u32> {
        list.iter()
            .filter(|c| pred(c))
            .max_by(|a, b| a.population.cmp(&b.population).then(b.id.cmp(&a.id)))
            .map(|c| c.id)
    };
    let mut capital_of: HashMap<&str, u32> = HashMap::new();
    let mut anchor_of: HashMap<&str, u32> = HashMap::new();
    for country in &countries {
        let Some(list) = by_country.get(country.iso2.as_str()) else {
            continue;
        };
        let want = normalize(&fold(&country.capital));
        if !want.is_empty() {
            let named = |c: &City| normalize(&fold(&c.name)) == want;
            let also_named = |c: &City| c.alternates.iter().any(|a| normalize(&fold(a)) == want);
            if let Some(id) = biggest(list, &named).or_else(|| biggest(list, &also_named)) {
                capital_of.insert(country.iso2.as_str(), id);
            }
        }
        let anchor = capital_of
            .get(country.iso2.as_str())
            .copied()
            .or_else(|| biggest(list, &|_| true));
        if let Some(id) = anchor {
            anchor_of.insert(country.iso2.as_str(), id);
        }
    }
    let capital_ids: std::collections::HashSet<u32> = capital_of.values().copied().collect();
    // The population of the biggest place whose own name is each name.
    let mut named_pop: HashMap<String, u64> = HashMap::new();
    for c in &cities {
        for key in [normalize(&c.name), normalize(&fold(&c.name))] {
            let p = named_pop.entry(key).or_insert(0);
            *p = (*p).max(c.population);
        }
    }
    let city_by_id: HashMap<u32, &City> = cities.iter().map(|c| (c.id, c)).collect();

    // places.tsv
    let mut places = String::new();
    places.push_str(
        "# dyad gazetteer: places. Derived from GeoNames cities15000 (CC BY 4.0, geonames.org) by\n\
         # dyad-geo's converter (DYAD_BLESS=1 cargo test -p dyad-geo --test conversion); do not edit.\n\
         # geonameid\tname\tlat\tlon\tcountry\tadmin1\tpopulation\tvariants\n",
    );
    let mut skipped = 0usize;
    for c in &cities {
        let Some(iso3) = iso3_of.get(c.cc.as_str()) else {
            skipped += 1;
            continue;
        };
        let name = clean(&c.name);
        if name.is_empty() {
            skipped += 1;
            continue;
        }
        let admin1 = admin1_of
            .get(admin1_key(c).as_str())
            .map(|a| clean(&a.name))
            .unwrap_or_default();
        let mut variants = BTreeSet::new();
        let folded = normalize(&fold(&name));
        if folded.contains('\'') {
            variants.insert(folded.replace('\'', ""));
        }
        variants.insert(folded.clone());
        let all_alternates =
            c.population >= ALTERNATES_MIN_POPULATION || capital_ids.contains(&c.id);
        {
            for a in &c.alternates {
                if !plausible_english(a) {
                    continue;
                }
                let v = normalize(a);
                if !all_alternates && edit_distance(&v, &folded) > 2 {
                    continue;
                }
                // An alternate name that is the own name of another place of comparable size
                // is that place's ("Philadelphia" is not Amman, "Kita" is not Quito).
                let owner = named_pop.get(&v).copied().unwrap_or(0);
                if owner > 0 && owner.saturating_mul(STEAL_RATIO) >= c.population {
                    continue;
                }
                variants.insert(v);
            }
        }
        variants.remove(&normalize(&name));
        let _ = writeln!(
            places,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.id,
            name,
            coord(c.lat),
            coord(c.lon),
            iso3,
            admin1,
            c.population,
            join(&variants)
        );
    }
    if skipped > 0 {
        let _ = writeln!(
            places,
            "# {skipped} GeoNames rows left out (no name or unknown country)"
        );
    }

    // admin1.tsv: coordinates and population from the admin1's cities of cities15000.
    let mut admin_cities: HashMap<String, (u64, Option<&City>)> = HashMap::new();
    for c in &cities {
        let e = admin_cities.entry(admin1_key(c)).or_insert((0, None));
        e.0 += c.population;
        if e.1.is_none_or(|b| c.population > b.population) {
            e.1 = Some(c);
        }
    }
    let mut admins: Vec<&Admin1> = admin1.iter().collect();
    admins.sort_by(|a, b| a.code.cmp(&b.code));
    let mut out_admin = String::new();
    out_admin.push_str(
        "# dyad gazetteer: first-level administrative divisions. Derived from GeoNames\n\
         # admin1CodesASCII and cities15000 (CC BY 4.0, geonames.org) by dyad-geo's converter; do not\n\
         # edit. lat/lon are those of the division's most populous city in cities15000 (empty if\n\
         # none); population is the sum of those cities' populations.\n\
         # code\tgeonameid\tname\tcountry\tlat\tlon\tpopulation\tvariants\n",
    );
    for a in admins {
        let cc = a.code.split('.').next().unwrap_or_default();
        let Some(iso3) = iso3_of.get(cc) else {
            continue;
        };
        let name = clean(&a.name);
        if name.is_empty() {
            continue;
        }
        let (pop, big) = admin_cities
            .get(a.code.as_str())
            .copied()
            .unwrap_or((0, None));
        let (lat, lon) = big.map_or((String::new(), String::new()), |c| {
            (coord(c.lat), coord(c.lon))
        });
        let mut variants = BTreeSet::new();
        for form in [normalize(&fold(&name)), normalize(&clean(&a.ascii))] {
            let stem = admin1_stem(&form);
            let base = if stem.is_empty() { &form } else { &stem };
            if !base.is_empty() && !base.contains([',', '.']) {
                variants.insert(format!("{base} region"));
                variants.insert(format!("{base} province"));
            }
            variants.insert(stem);
            variants.insert(form);
        }
        variants.remove(&normalize(&name));
        variants.remove("");
        let _ = writeln!(
            out_admin,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            a.code,
            a.geonameid,
            name,
            iso3,
            lat,
            lon,
            pop,
            join(&variants)
        );
    }

    // countries.tsv
    let mut sorted: Vec<&Country> = countries.iter().collect();
    sorted.sort_by(|a, b| a.iso3.cmp(&b.iso3));
    let mut out_countries = String::new();
    out_countries.push_str(
        "# dyad gazetteer: countries. Derived from GeoNames countryInfo and cities15000 (CC BY 4.0,\n\
         # geonames.org) by dyad-geo's converter; do not edit. lat/lon are those of the capital\n\
         # (capital = its geonameid in places.tsv), else of the most populous city, else empty.\n\
         # fips: FIPS 10-4 code (GDELT's); numeric: ISO 3166-1 numeric (ACLED's `iso`).\n\
         # iso3\tiso2\tgeonameid\tname\tlat\tlon\tpopulation\tcapital\tvariants\tfips\tnumeric\tcontinent\n",
    );
    for c in sorted {
        let name = clean(&c.name);
        let anchor = anchor_of
            .get(c.iso2.as_str())
            .and_then(|id| city_by_id.get(id));
        let (lat, lon) = anchor.map_or((String::new(), String::new()), |a| {
            (coord(a.lat), coord(a.lon))
        });
        let capital = capital_of
            .get(c.iso2.as_str())
            .map(|id| id.to_string())
            .unwrap_or_default();
        let mut variants = BTreeSet::new();
        let folded = normalize(&fold(&name));
        if let Some(rest) = folded.strip_prefix("the ") {
            variants.insert(rest.to_string());
        }
        variants.insert(folded);
        variants.remove(&normalize(&name));
        let _ = writeln!(
            out_countries,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            c.iso3,
            c.iso2,
            c.geonameid.map(|g| g.to_string()).unwrap_or_default(),
            name,
            lat,
            lon,
            c.population,
            capital,
            join(&variants),
            c.fips,
            c.numeric.map(|n| n.to_string()).unwrap_or_default(),
            c.continent
        );
    }

    Ok(ConvertedGeo {
        files: vec![
            (FILES[0].to_string(), places),
            (FILES[1].to_string(), out_admin),
            (FILES[2].to_string(), out_countries),
        ],
    })
}

/// Whether an alternate name of a place is a plausible English form: ASCII letters (with
/// spaces, hyphens, apostrophes and periods), 4 to 30 characters, capitalized, not all
/// capitals (airport and other codes), at most four words, and every word capitalized except
/// connectors like "al", "de", "of". This drops other scripts, romanizations written in
/// lowercase ("de li bo li"), codes ("KBP", "IEV") and phrases of other languages ("Lungsod ng
/// Paris", "Kiev osh"); it keeps exonyms ("Kiev", "Bombay", "Rangoon", "Leningrad").
pub fn plausible_english(alt: &str) -> bool {
    if !alt.is_ascii() || !(4..=30).contains(&alt.len()) {
        return false;
    }
    if !alt.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    if !alt
        .chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.'))
    {
        return false;
    }
    if alt
        .chars()
        .filter(char::is_ascii_alphabetic)
        .all(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    let words: Vec<&str> = alt.split(' ').collect();
    if words.len() > 4 || words.iter().any(|w| w.is_empty()) {
        return false;
    }
    words
        .iter()
        .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) || CONNECTORS.contains(w))
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.chars().enumerate() {
        cur.clear();
        let mut left = i + 1;
        cur.push(left);
        // `diag` is prev[j], `up` prev[j + 1], `left` cur[j]
        for ((&cb, &diag), &up) in b.iter().zip(&prev).zip(prev.iter().skip(1)) {
            left = (diag + usize::from(ca != cb)).min(up + 1).min(left + 1);
            cur.push(left);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    // prev[b.len()]: prev always holds b.len() + 1 entries
    prev.last().copied().unwrap_or_default()
}

/// "donetsk oblast" -> "donetsk"; "" when nothing is stripped.
fn admin1_stem(form: &str) -> String {
    let mut s = form;
    for p in ADMIN1_PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            s = rest;
        }
    }
    for suf in ADMIN1_SUFFIXES {
        if let Some(rest) = s.strip_suffix(suf) {
            s = rest;
            break;
        }
    }
    if s == form || s.len() < 3 {
        String::new()
    } else {
        s.trim().to_string()
    }
}

/// Four decimals (about 11 m), never "-0.0000".
fn coord(x: f64) -> String {
    let s = format!("{x:.4}");
    if s == "-0.0000" {
        "0.0000".to_string()
    } else {
        s
    }
}

/// Removes the characters that are syntax in the files (TAB, newlines, `|`) and extra spaces.
fn clean(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c == '|')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn join(set: &BTreeSet<String>) -> String {
    set.iter()
        .filter(|v| !v.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("|")
}

fn read_json(path: &Path) -> Result<Value, GeoError> {
    let text = std::fs::read_to_string(path).map_err(|source| GeoError::Io {
        path: path.display().to_string(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|e| GeoError::Syntax {
        file: path.display().to_string(),
        line: e.line(),
        message: e.to_string(),
    })
}

fn syntax(path: &Path, what: &str, message: String) -> GeoError {
    GeoError::Syntax {
        file: path.display().to_string(),
        line: 0,
        message: format!("{what}: {message}"),
    }
}

fn str_field(obj: &Value, field: &str) -> String {
    obj.get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn read_countries(path: &Path) -> Result<Vec<Country>, GeoError> {
    let json = read_json(path)?;
    let Some(map) = json.as_object() else {
        return Err(syntax(path, "top level", "not an object".into()));
    };
    let mut out = Vec::new();
    for (key, v) in map {
        let iso2 = str_field(v, "iso");
        let iso3 = str_field(v, "iso3");
        let name = str_field(v, "name");
        if iso2.len() != 2 || iso3.len() != 3 || name.is_empty() {
            return Err(syntax(path, key, "needs iso, iso3 and name".into()));
        }
        out.push(Country {
            iso2,
            iso3,
            name,
            geonameid: v.get("geonameid").and_then(Value::as_u64),
            capital: str_field(v, "capital"),
            population: v.get("population").and_then(Value::as_u64).unwrap_or(0),
            fips: str_field(v, "fips"),
            numeric: v.get("isonumeric").and_then(Value::as_u64),
            continent: str_field(v, "continentcode"),
        });
    }
    Ok(out)
}

fn read_admin1(path: &Path) -> Result<Vec<Admin1>, GeoError> {
    let text = std::fs::read_to_string(path).map_err(|source| GeoError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (code, name, ascii, geonameid) = match f.as_slice() {
            [code, name, ascii, geonameid, ..] if code.contains('.') => {
                (code, name, ascii, geonameid)
            }
            _ => {
                return Err(GeoError::Syntax {
                    file: path.display().to_string(),
                    line: i + 1,
                    message: "expected CC.code<TAB>name<TAB>asciiname<TAB>geonameid".into(),
                })
            }
        };
        out.push(Admin1 {
            code: code.trim().to_string(),
            name: name.trim().to_string(),
            ascii: ascii.trim().to_string(),
            geonameid: geonameid.trim().to_string(),
        });
    }
    Ok(out)
}

fn read_cities(path: &Path) -> Result<Vec<City>, GeoError> {
    let json = read_json(path)?;
    let Some(map) = json.as_object() else {
        return Err(syntax(path, "top level", "not an object".into()));
    };
    let mut out = Vec::with_capacity(map.len());
    for (key, v) in map {
        let id = v
            .get("geonameid")
            .and_then(Value::as_u64)
            .and_then(|g| u32::try_from(g).ok());
        let lat = v.get("latitude").and_then(Value::as_f64);
        let lon = v.get("longitude").and_then(Value::as_f64);
        let (Some(id), Some(lat), Some(lon)) = (id, lat, lon) else {
            return Err(syntax(
                path,
                key,
                "needs geonameid, latitude, longitude".into(),
            ));
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(syntax(path, key, "coordinates out of range".into()));
        }
        let alternates = v
            .get("alternatenames")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        out.push(City {
            id,
            name: str_field(v, "name"),
            lat,
            lon,
            cc: str_field(v, "countrycode"),
            admin1: str_field(v, "admin1code"),
            population: v.get("population").and_then(Value::as_u64).unwrap_or(0),
            alternates,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_forms() {
        for ok in [
            "Kiev",
            "Bombay",
            "Tarabulus al Gharb",
            "St. Petersburg",
            "Pei-p'ing",
        ] {
            assert!(plausible_english(ok), "{ok}");
        }
        for bad in [
            "IEV",
            "KBP",
            "de li bo li",
            "Lungsod ng Paris",
            "Kiev osh",
            "Kijów",
            "Ko",
            "Paris 13",
            "A Very Long Name That Goes On And On",
        ] {
            assert!(!plausible_english(bad), "{bad}");
        }
    }

    #[test]
    fn admin1_stems() {
        assert_eq!(edit_distance("jenin", "janin"), 1);
        assert_eq!(edit_distance("avdiivka", "avdiyivka"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(admin1_stem("donetsk oblast"), "donetsk");
        assert_eq!(admin1_stem("kyiv city"), "kyiv");
        assert_eq!(admin1_stem("state of mexico"), "mexico");
        assert_eq!(admin1_stem("donetsk"), "");
        assert_eq!(coord(-0.00001), "0.0000");
        assert_eq!(clean(" a\tb | c "), "a b c");
    }
}
