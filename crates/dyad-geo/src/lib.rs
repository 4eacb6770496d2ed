//! dyad's gazetteer: place names -> places with coordinates, country (ISO3) and admin1 region.
//!
//! # Design
//! The gazetteer is *derived data*, like dyad's dictionaries. [`convert()`] reads three GeoNames
//! files (`cities15000.json`, `countries.json`, `admin1CodesASCII.txt`, CC BY 4.0) and writes
//! dyad's own compact, line-oriented TSV files under `data/geo/` (documented in
//! `data/geo/README.md`): `places.tsv` (the 34,006 places of 15,000 or more inhabitants),
//! `admin1.tsv` (first-level divisions: states, provinces, oblasts) and `countries.tsv`. Three
//! hand-curated files written by the dyad authors complete them: `regions.tsv` (conflict regions
//! that are neither cities nor admin1 divisions: Nagorno-Karabakh, Donbas, Gaza Strip, Sahel...,
//! and a few cities GeoNames' list lacks), `aliases.tsv` (more names of countries and places:
//! "Britain", "Burma", "DRC") and `common-words.txt` (place names that are also English words).
//!
//! All six are committed and embedded with `include_str!`; [`Gazetteer::embedded`] parses them
//! once (a `OnceLock`; about 60 ms in a release build, `cargo run --release -p dyad-geo --example
//! load_time`) into a table of entries and one hash index from normalized name to entries.
//!
//! # Names
//! A name is looked up *normalized* ([`normalize`]): lowercased, apostrophes straightened, dashes
//! turned into `-`, spaces collapsed; hyphens stay as in the text, and every hyphenated key is
//! also indexed with spaces, so that `Nagorno-Karabakh`, `Nagorno Karabakh` and the words
//! `Nagorno`, `Karabakh` of a tokenizer that splits hyphens all find the region. Each place is
//! indexed under its GeoNames name, its ASCII folding (`Ḩamāh` -> `hamah`) and the alternate
//! names that look like English forms (Latin script, capitalized words, no codes: "Kiev",
//! "Bombay", "Leningrad"; see [`convert::plausible_english`]): all of them for places of 50,000
//! or more inhabitants and capitals, spellings within two edits of the name for smaller places
//! ("Izium", "Jenin"). An alternate name that is the own name of a comparable place is left to
//! that place, and one that is an English word ("Soul" for Seoul) is not indexed.
//!
//! # Homonyms
//! [`Gazetteer::resolve`] picks one of the places sharing a name, in this order:
//! 1. a place in one of the document's countries (`context_countries`, ISO3 or ISO2 codes or
//!    country names) -- except that a *city* of the context never beats a *country* of the same
//!    name ("Lebanon" in a story about the USA is still the country);
//! 2. by kind: a country, then a curated region, then a national capital, then a city inside an
//!    admin1 division of the same name (Donetsk the city, not Donetsk Oblast), then admin1
//!    divisions, then other cities;
//! 3. the most populous (admin1 divisions count the population of their cities).
//!
//! So "Georgia" is the country unless the context is the USA (then the state), "Paris" is
//! France unless the context is the USA (Paris, Texas), "Tripoli" is Libya's capital unless the
//! context is Lebanon.
//!
//! # Finding places in a sentence
//! [`Gazetteer::find`] takes the words of a sentence (their original forms) and returns the
//! longest matches, left to right. A place name that is also a common English word ("Of",
//! "Mobile", "Split", "Nice", "Reading", "Bath", "Police") matches only when it is capitalized,
//! and capitalization is no evidence for the first word of a sentence or in a headline where
//! every word is capitalized; a few names never match on their own ("March", "Central", "UN",
//! "White House"). [`Gazetteer::find_with_caps`] lets the caller say which words count as
//! capitalized (e.g. from a tagger's PROPN). Person names that are also place names
//! ("Clinton" aside) are matched: telling them apart is the caller's job (dyad-code reads the
//! words around a match: "Antony Blinken" is no place, "in Antony, France" is).
//!
//! ```
//! use dyad_geo::{Gazetteer, Precision};
//! let g = Gazetteer::embedded();
//! let tripoli = g.resolve("Tripoli", &["LBN"]).expect("known");
//! assert_eq!((tripoli.country.as_str(), tripoli.precision), ("LBN", Precision::City));
//! let words = ["Shelling", "resumed", "in", "Nagorno-Karabakh", "and", "near", "Kiev"];
//! let found: Vec<(usize, usize)> = g.find(&words).iter().map(|m| (m.start, m.end)).collect();
//! assert_eq!(found, [(3, 4), (6, 7)]);
//! ```

pub mod convert;
pub mod names;

pub use convert::{convert, ConvertedGeo};
pub use names::normalize;

use names::hyphens_to_spaces;
use std::cmp::Reverse;
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Errors while reading GeoNames or gazetteer files.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// The committed gazetteer files, embedded in the binary.
pub mod embedded {
    pub const PLACES: &str = include_str!("../../../data/geo/places.tsv");
    pub const ADMIN1: &str = include_str!("../../../data/geo/admin1.tsv");
    pub const COUNTRIES: &str = include_str!("../../../data/geo/countries.tsv");
    pub const REGIONS: &str = include_str!("../../../data/geo/regions.tsv");
    pub const ALIASES: &str = include_str!("../../../data/geo/aliases.tsv");
    pub const COMMON_WORDS: &str = include_str!("../../../data/geo/common-words.txt");
}

/// The texts a [`Gazetteer`] is parsed from.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sources<'a> {
    pub places: &'a str,
    pub admin1: &'a str,
    pub countries: &'a str,
    pub regions: &'a str,
    pub aliases: &'a str,
    pub common_words: &'a str,
}

impl Sources<'static> {
    /// The embedded files.
    pub fn embedded() -> Self {
        Sources {
            places: embedded::PLACES,
            admin1: embedded::ADMIN1,
            countries: embedded::COUNTRIES,
            regions: embedded::REGIONS,
            aliases: embedded::ALIASES,
            common_words: embedded::COMMON_WORDS,
        }
    }
}

/// An entry of the gazetteer (valid for the gazetteer that returned it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u32);

impl PlaceId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// What kind of place, and so how precise its coordinates are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A populated place (GeoNames cities15000, or a city of `regions.tsv`).
    City,
    /// A first-level administrative division; coordinates of its most populous city.
    Admin1,
    /// A curated region (`regions.tsv`); approximate centroid.
    Region,
    /// A country; coordinates of its capital.
    Country,
}

/// The gazetteer in use: the embedded one, or the embedded one with a user's places.
static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

/// A first-level administrative division (its country and interned name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Admin1Key(Iso3, u32);

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// GeoNames id (none for curated regions).
    pub geonameid: Option<u32>,
    pub name: String,
    /// Degrees, 4 decimals; NaN when unknown (some admin1 divisions, see [`Place::has_coordinates`]).
    pub lat: f64,
    pub lon: f64,
    /// ISO 3166-1 alpha-3; empty for a region spanning several countries (Kashmir, the Sahel).
    pub country: String,
    /// The admin1 division's name (its own name for an [`Precision::Admin1`] place).
    pub admin1: Option<String>,
    pub precision: Precision,
}

impl Place {
    /// Whether `lat`/`lon` are known.
    pub fn has_coordinates(&self) -> bool {
        self.lat.is_finite() && self.lon.is_finite()
    }
}

/// The codes other datasets use for a country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryFacts {
    /// English name (GeoNames).
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// FIPS 10-4, GDELT's country codes (empty where GeoNames has none).
    pub fips: String,
    /// ISO 3166-1 numeric, ACLED's `iso`.
    pub numeric: Option<u16>,
    /// GeoNames continent: AF, AN, AS, EU, NA, OC, SA.
    pub continent: String,
}

/// Words `start..end` of a sentence name the places `ids`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceMatch {
    pub start: usize,
    pub end: usize,
    pub ids: Vec<PlaceId>,
}

type Iso3 = [u8; 3];

/// The entries of one name: most names have one.
#[derive(Debug, Clone, Copy)]
enum Slot {
    One(PlaceId),
    Many(u32),
}

/// FxHash (rustc's): fast for the ~100,000 short keys, whose set is fixed.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FxBuild = BuildHasherDefault<FxHasher>;

#[derive(Debug, Clone)]
struct Record {
    geonameid: Option<u32>,
    name: Box<str>,
    lat: f64,
    lon: f64,
    country: Option<Iso3>,
    /// The countries of a region that spans several (then `country` is `None`).
    shared: Vec<Iso3>,
    admin1: Option<u32>,
    population: u64,
    precision: Precision,
    capital: bool,
}

/// Lowercase words that may stand inside a place name without making it less "common": a name
/// whose other words are all common words ("Isle of Man") needs capitals too.
const CONNECTORS: &[&str] = &[
    "al", "and", "de", "del", "du", "el", "la", "le", "of", "on", "the", "upon", "y",
];

/// The gazetteer: entries and the name index. See the crate docs.
#[derive(Debug, Default)]
pub struct Gazetteer {
    entries: Vec<Record>,
    admin1_names: Vec<Box<str>>,
    index: HashMap<String, Slot, FxBuild>,
    /// The entries of names shared by several ([`Slot::Many`]).
    shared_ids: Vec<Vec<PlaceId>>,
    iso2: HashMap<String, Iso3>,
    /// What exports cite of a country (FIPS, ISO numeric, continent).
    country_facts: HashMap<Iso3, CountryFacts>,
    /// Names written in capitals in `aliases.tsv` ("DRC", "UAE"): a word in capitals in a text
    /// matches a place only through one of these, a country, or a name in capitals itself.
    acronyms: HashSet<String, FxBuild>,
    /// GeoNames admin1 codes by country and division name (GDELT's ADM1Code is built on them).
    admin1_codes: HashMap<(Iso3, Box<str>), Box<str>, FxBuild>,
    common: HashSet<String, FxBuild>,
    never_alone: HashSet<String, FxBuild>,
    max_words: usize,
}

impl Gazetteer {
    /// The gazetteer of the embedded files, parsed at first use. (If they failed to parse --
    /// the crate's tests make sure they do not -- this is an empty gazetteer.)
    pub fn embedded() -> &'static Gazetteer {
        GAZETTEER.get_or_init(|| Gazetteer::parse(&Sources::embedded()).unwrap_or_default())
    }

    /// Makes the embedded gazetteer plus a user's places (`file`, in the format of
    /// [`Gazetteer::add_places`]) the one [`Gazetteer::embedded`] returns. Call it before
    /// anything uses the gazetteer; afterwards it is an error.
    pub fn install_user_places(text: &str, file: &str) -> Result<&'static Gazetteer, GeoError> {
        let mut g = Gazetteer::parse(&Sources::embedded())?;
        g.add_places(text, file, u64::MAX / 2)?;
        GAZETTEER.set(g).map_err(|_| GeoError::Syntax {
            file: file.to_string(),
            line: 0,
            message: "the gazetteer was already in use; user places must be installed first".into(),
        })?;
        Ok(Gazetteer::embedded())
    }

    /// Parses the gazetteer files.
    pub fn parse(src: &Sources<'_>) -> Result<Gazetteer, GeoError> {
        let mut g = Gazetteer::default();
        let mut admin1_ids: HashMap<String, u32, FxBuild> = HashMap::default();
        let mut by_gid: HashMap<u32, PlaceId, FxBuild> = HashMap::default();
        // About one key per line and per variant, and some more for hyphenated ones.
        let texts = [
            src.places,
            src.admin1,
            src.countries,
            src.regions,
            src.aliases,
        ];
        let estimate: usize = texts
            .iter()
            .map(|t| t.bytes().filter(|&b| b == b'|' || b == b'\n').count())
            .sum();
        g.index.reserve(estimate + estimate / 8);
        g.entries.reserve(src.places.len() / 60 + 8192);
        by_gid.reserve(src.places.len() / 60 + 8192);

        for line in src.common_words.lines() {
            let w = line.trim();
            if w.is_empty() || w.starts_with('#') {
                continue;
            }
            match w.strip_prefix('!') {
                Some(rest) => g.never_alone.insert(normalize(rest)),
                None => g.common.insert(normalize(w)),
            };
        }

        for row in rows::<8>(src.places, "places.tsv") {
            let (line, f) = row?;
            let err = |m: &str| syntax("places.tsv", line, m);
            let gid = f[0].parse::<u32>().map_err(|_| err("bad geonameid"))?;
            let admin1 =
                (!f[5].is_empty()).then(|| intern(&mut g.admin1_names, &mut admin1_ids, f[5]));
            let id = g.push(Record {
                geonameid: Some(gid),
                name: f[1].into(),
                lat: parse_coord(f[2], 90.0).ok_or_else(|| err("bad lat"))?,
                lon: parse_coord(f[3], 180.0).ok_or_else(|| err("bad lon"))?,
                country: Some(parse_iso3(f[4]).ok_or_else(|| err("bad country"))?),
                shared: Vec::new(),
                admin1,
                population: parse_pop(f[6]).ok_or_else(|| err("bad population"))?,
                precision: Precision::City,
                capital: false,
            });
            by_gid.insert(gid, id);
            g.add_keys(id, f[1], f[7], true);
        }

        for row in rows::<8>(src.admin1, "admin1.tsv") {
            let (line, f) = row?;
            let err = |m: &str| syntax("admin1.tsv", line, m);
            let gid = f[1].parse::<u32>().ok();
            if let (Some(iso3), Some((_, code))) = (parse_iso3(f[3]), f[0].split_once('.')) {
                g.admin1_codes
                    .insert((iso3, f[2].to_lowercase().into()), code.into());
            }
            let own = intern(&mut g.admin1_names, &mut admin1_ids, f[2]);
            let id = g.push(Record {
                geonameid: gid,
                name: f[2].into(),
                lat: parse_coord(f[4], 90.0).ok_or_else(|| err("bad lat"))?,
                lon: parse_coord(f[5], 180.0).ok_or_else(|| err("bad lon"))?,
                country: Some(parse_iso3(f[3]).ok_or_else(|| err("bad country"))?),
                shared: Vec::new(),
                admin1: Some(own),
                population: parse_pop(f[6]).ok_or_else(|| err("bad population"))?,
                precision: Precision::Admin1,
                capital: false,
            });
            if let Some(gid) = gid {
                by_gid.insert(gid, id);
            }
            g.add_keys(id, f[2], f[7], true);
        }

        let mut countries: HashMap<Iso3, PlaceId> = HashMap::new();
        for row in rows::<12>(src.countries, "countries.tsv") {
            let (line, f) = row?;
            let err = |m: &str| syntax("countries.tsv", line, m);
            let iso3 = parse_iso3(f[0]).ok_or_else(|| err("bad iso3"))?;
            let gid = f[2].parse::<u32>().ok();
            if let Some(&cap) = f[7].parse::<u32>().ok().and_then(|c| by_gid.get(&c)) {
                if let Some(e) = g.entries.get_mut(cap.index()) {
                    e.capital = true;
                }
            }
            let id = g.push(Record {
                geonameid: gid,
                name: f[3].into(),
                lat: parse_coord(f[4], 90.0).ok_or_else(|| err("bad lat"))?,
                lon: parse_coord(f[5], 180.0).ok_or_else(|| err("bad lon"))?,
                country: Some(iso3),
                shared: Vec::new(),
                admin1: None,
                population: parse_pop(f[6]).ok_or_else(|| err("bad population"))?,
                precision: Precision::Country,
                capital: false,
            });
            g.iso2.insert(f[1].to_ascii_uppercase(), iso3);
            g.country_facts.insert(
                iso3,
                CountryFacts {
                    name: f[3].to_string(),
                    iso2: f[1].to_string(),
                    fips: f[9].to_string(),
                    numeric: f[10].parse().ok(),
                    continent: f[11].to_string(),
                },
            );
            countries.insert(iso3, id);
            g.add_keys(id, f[3], f[8], false);
        }

        g.add_places(src.regions, "regions.tsv", 0)?;

        for row in rows::<2>(src.aliases, "aliases.tsv") {
            let (line, f) = row?;
            let target = if let Ok(gid) = f[0].parse::<u32>() {
                by_gid.get(&gid).copied()
            } else {
                parse_iso3(f[0]).and_then(|c| countries.get(&c).copied())
            };
            let Some(id) = target else {
                return Err(syntax(
                    "aliases.tsv",
                    line,
                    "unknown ISO3 code or geonameid",
                ));
            };
            for v in f[1].split('|') {
                if is_acronym(v) {
                    g.acronyms.insert(normalize(v));
                }
            }
            g.add_keys(id, "", f[1], false);
        }

        Ok(g)
    }

    fn push(&mut self, e: Record) -> PlaceId {
        let id = PlaceId(u32::try_from(self.entries.len()).unwrap_or(u32::MAX));
        self.entries.push(e);
        id
    }

    /// Indexes an entry under its name and variants; with `drop_common`, variants that are one
    /// common word (`common-words.txt`) are left out: GeoNames' alternate names include words like
    /// "Soul" (Seoul) or "Lime" (Lima) that would turn English text into places.
    fn add_keys(&mut self, id: PlaceId, name: &str, variants: &str, drop_common: bool) {
        let name = normalize(name);
        for v in variants.split('|') {
            if v.is_empty() {
                continue;
            }
            // The converted files hold normalized variants already.
            let v = if is_normalized(v) {
                v.to_string()
            } else {
                normalize(v)
            };
            if v == name
                || drop_common && (self.common.contains(&v) || self.never_alone.contains(&v))
            {
                continue;
            }
            self.insert(v, id);
        }
        if !name.is_empty() {
            self.insert(name, id);
        }
    }

    /// Adds `id` to the entries of `key` (and of its spaced form if it has hyphens).
    fn insert(&mut self, key: String, id: PlaceId) {
        if key.contains('-') {
            let spaced = hyphens_to_spaces(&key);
            if !spaced.is_empty() && spaced != key {
                self.insert(spaced, id);
            }
        }
        if key.contains([' ', '-']) {
            self.max_words = self.max_words.max(names::word_count(&key));
        } else {
            self.max_words = self.max_words.max(1);
        }
        match self.index.entry(key) {
            Entry::Vacant(v) => {
                v.insert(Slot::One(id));
            }
            Entry::Occupied(mut o) => match *o.get() {
                Slot::One(first) if first == id => {}
                Slot::One(first) => {
                    let k = u32::try_from(self.shared_ids.len()).unwrap_or(u32::MAX);
                    self.shared_ids.push(vec![first, id]);
                    *o.get_mut() = Slot::Many(k);
                }
                Slot::Many(k) => {
                    if let Some(ids) = self.shared_ids.get_mut(k as usize) {
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
            },
        }
    }

    fn ids_of(&self, key: &str) -> Option<&[PlaceId]> {
        match self.index.get(key)? {
            Slot::One(id) => Some(std::slice::from_ref(id)),
            Slot::Many(k) => self.shared_ids.get(*k as usize).map(Vec::as_slice),
        }
    }

    /// Number of entries (places, admin1 divisions, countries, regions).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Number of distinct normalized names.
    pub fn name_count(&self) -> usize {
        self.index.len()
    }

    /// All entries named `name` (case-insensitive, [`normalize`]d; a trailing possessive `'s`
    /// is ignored when the name with it is unknown), in no particular order.
    pub fn lookup(&self, name: &str) -> &[PlaceId] {
        self.lookup_key(&normalize(name))
    }

    fn lookup_key(&self, key: &str) -> &[PlaceId] {
        match self.lookup_in_text(key) {
            [] => key
                .strip_prefix("the ")
                .map_or(&[], |rest| self.lookup_key(rest)),
            ids => ids,
        }
    }

    /// [`Gazetteer::lookup_key`] without dropping a leading "the" (in a sentence, the match
    /// starts after it).
    fn lookup_in_text(&self, key: &str) -> &[PlaceId] {
        if let Some(ids) = self.ids_of(key) {
            return ids;
        }
        if key.contains('-') {
            if let Some(ids) = self.ids_of(&hyphens_to_spaces(key)) {
                return ids;
            }
        }
        if let Some(stem) = key.strip_suffix("'s").or_else(|| key.strip_suffix("s'")) {
            if let Some(ids) = self.ids_of(stem) {
                return ids;
            }
        }
        &[]
    }

    /// The place of an entry.
    pub fn place(&self, id: PlaceId) -> Option<Place> {
        let e = self.entries.get(id.index())?;
        Some(Place {
            geonameid: e.geonameid,
            name: e.name.to_string(),
            lat: e.lat,
            lon: e.lon,
            country: e.country.map(iso3_str).unwrap_or_default(),
            admin1: e
                .admin1
                .and_then(|a| self.admin1_names.get(a as usize))
                .map(|a| a.to_string()),
            precision: e.precision,
        })
    }

    /// The codes other datasets use for a country (ISO 3166-1 alpha-3).
    pub fn country_facts(&self, iso3: &str) -> Option<&CountryFacts> {
        self.country_facts.get(&parse_iso3(iso3)?)
    }

    /// The GeoNames code of a country's first-level division, by its name (`"Kharkiv"` in
    /// `UKR` is `"07"`); for most countries it is the FIPS 10-4 division code GDELT uses.
    pub fn admin1_code(&self, iso3: &str, admin1: &str) -> Option<&str> {
        let key = (parse_iso3(iso3)?, Box::<str>::from(admin1.to_lowercase()));
        self.admin1_codes.get(&key).map(|c| &**c)
    }

    /// The population GeoNames gives an entry (the sum of its cities' for an admin1 division,
    /// 0 for curated regions).
    pub fn population(&self, id: PlaceId) -> u64 {
        self.entries.get(id.index()).map_or(0, |e| e.population)
    }

    /// The place a name most likely means in a document about `context_countries` (ISO3 or
    /// ISO2 codes, or country names); see the crate docs for the order.
    pub fn resolve(&self, name: &str, context_countries: &[&str]) -> Option<Place> {
        let id = self.resolve_ids(self.lookup(name), context_countries)?;
        self.place(id)
    }

    /// The best of `ids` (from [`Gazetteer::lookup`] or a [`PlaceMatch`]) for a document about
    /// `context_countries`.
    pub fn resolve_ids(&self, ids: &[PlaceId], context_countries: &[&str]) -> Option<PlaceId> {
        let context: Vec<Iso3> = context_countries
            .iter()
            .filter_map(|c| self.country_code(c))
            .collect();
        let entries: Vec<(PlaceId, &Record)> = ids
            .iter()
            .filter_map(|&id| Some((id, self.entries.get(id.index())?)))
            .collect();
        let has_country = entries
            .iter()
            .any(|(_, e)| e.precision == Precision::Country);
        let admin1s: Vec<(Option<Iso3>, Option<u32>)> = entries
            .iter()
            .filter(|(_, e)| e.precision == Precision::Admin1)
            .map(|(_, e)| (e.country, e.admin1))
            .collect();
        entries
            .iter()
            .max_by_key(|(id, e)| {
                let in_context = e.country.is_some_and(|c| context.contains(&c))
                    || e.shared.iter().any(|c| context.contains(c));
                let boost = in_context && !(e.precision == Precision::City && has_country);
                let kind = match e.precision {
                    Precision::Country => 50,
                    Precision::Region => 40,
                    Precision::City if e.capital => 30,
                    Precision::City
                        if e.admin1.is_some() && admin1s.contains(&(e.country, e.admin1)) =>
                    {
                        25
                    }
                    Precision::Admin1 => 20,
                    Precision::City => 10,
                };
                (boost, kind, e.population, Reverse(*id))
            })
            .map(|(id, _)| *id)
    }

    /// Adds places in the format of `regions.tsv` (`kind name variants countries lat lon`, kind
    /// `region` or `city`) with the given population. A user's places (`dyad code --dict`) come
    /// with the largest population, so that they win over GeoNames entries of the same name
    /// and kind.
    pub fn add_places(&mut self, text: &str, file: &str, population: u64) -> Result<(), GeoError> {
        for row in rows::<6>(text, file) {
            let (line, f) = row?;
            let err = |m: &str| syntax(file, line, m);
            let precision = match f[0] {
                "region" => Precision::Region,
                "city" => Precision::City,
                _ => return Err(err("kind must be region or city")),
            };
            let mut list = Vec::new();
            for c in f[3].split(',').map(str::trim).filter(|c| !c.is_empty()) {
                list.push(parse_iso3(c).ok_or_else(|| err("bad country"))?);
            }
            let (country, shared) = match list.len() {
                1 => (list.first().copied(), Vec::new()),
                _ => (None, list),
            };
            let id = self.push(Record {
                geonameid: None,
                name: f[1].into(),
                lat: parse_coord(f[4], 90.0).ok_or_else(|| err("bad lat"))?,
                lon: parse_coord(f[5], 180.0).ok_or_else(|| err("bad lon"))?,
                country,
                shared,
                admin1: None,
                population,
                precision,
                capital: false,
            });
            self.add_keys(id, f[1], f[2], false);
        }

        Ok(())
    }

    /// The first-level division all of `ids` lie in (or are), if they agree: the evidence a
    /// place mention gives about its neighbours ("Atlanta" puts "Georgia" in the US).
    pub fn admin1_key(&self, ids: &[PlaceId]) -> Option<Admin1Key> {
        let mut keys = ids.iter().map(|id| {
            let e = self.entries.get(id.index())?;
            Some(Admin1Key(e.country?, e.admin1?))
        });
        let first = keys.next()??;
        keys.all(|k| k == Some(first)).then_some(first)
    }

    /// The country (ISO3) all of `ids` lie in, if they agree, or the country one of them is
    /// ("Lebanon" is also a town in Pennsylvania, but names the country first).
    pub fn country_of_ids(&self, ids: &[PlaceId]) -> Option<String> {
        if let Some(c) = ids
            .iter()
            .filter_map(|id| self.entries.get(id.index()))
            .find(|e| e.precision == Precision::Country)
            .and_then(|e| e.country)
        {
            return Some(iso3_str(c));
        }
        let mut cs = ids
            .iter()
            .map(|id| self.entries.get(id.index()).and_then(|e| e.country));
        let first = cs.next()??;
        cs.all(|c| c == Some(first)).then(|| iso3_str(first))
    }

    /// [`Gazetteer::resolve_ids`] with more of the document's evidence: a candidate inside a
    /// division that another place of the document lies in wins first ("Paris" in a story that
    /// names Texas; "Georgia" in a story about Atlanta).
    pub fn resolve_ids_near(
        &self,
        ids: &[PlaceId],
        context_countries: &[&str],
        near: &[Admin1Key],
    ) -> Option<PlaceId> {
        let close: Vec<PlaceId> = ids
            .iter()
            .copied()
            .filter(|id| {
                self.entries.get(id.index()).is_some_and(|e| {
                    e.country
                        .zip(e.admin1)
                        .is_some_and(|(c, a)| near.contains(&Admin1Key(c, a)))
                })
            })
            .collect();
        if close.is_empty() {
            self.resolve_ids(ids, context_countries)
        } else {
            self.resolve_ids(&close, context_countries)
        }
    }

    /// ISO3 code of a country given by ISO3, ISO2 or name.
    pub fn country_code(&self, code: &str) -> Option<[u8; 3]> {
        let c = code.trim();
        if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) {
            return parse_iso3(&c.to_ascii_uppercase());
        }
        if c.len() == 2 {
            if let Some(iso3) = self.iso2.get(&c.to_ascii_uppercase()) {
                return Some(*iso3);
            }
        }
        self.lookup(c)
            .iter()
            .filter_map(|id| self.entries.get(id.index()))
            .find(|e| e.precision == Precision::Country)
            .and_then(|e| e.country)
    }

    /// Place mentions in a sentence given as words in their original forms (tokens, or the
    /// parts of hyphenated tokens): longest matches, left to right, not overlapping. A name
    /// that is a common English word matches only where capitalized, and a sentence's first
    /// word or a headline in title case or capitals gives no evidence of that (all capitals
    /// does, for the first word: "US").
    pub fn find(&self, words: &[&str]) -> Vec<PlaceMatch> {
        self.find_with_caps(words, &capitalization(words))
    }

    /// [`Gazetteer::find`] with the caller's word of which words are capitalized (proper
    /// nouns); a missing value counts as not capitalized.
    pub fn find_with_caps(&self, words: &[&str], capitalized: &[bool]) -> Vec<PlaceMatch> {
        let norms: Vec<String> = words.iter().map(|w| normalize(w)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(rest @ [first, ..]) = norms.get(i..) {
            let mut found = None;
            if first.chars().any(char::is_alphanumeric) {
                let longest = self.max_words.min(rest.len());
                for len in (1..=longest).rev() {
                    let Some(span) = rest.get(..len) else {
                        continue;
                    };
                    if !span
                        .last()
                        .is_some_and(|w| w.chars().any(char::is_alphanumeric))
                    {
                        continue;
                    }
                    let key = span.join(" ");
                    let ids = self.lookup_in_text(&key);
                    if !ids.is_empty()
                        && self.accept(&key, i, len, capitalized)
                        && !(len == 1
                            && self.acronym_elsewhere(
                                words.get(i).copied().unwrap_or_default(),
                                &key,
                                ids,
                            ))
                    {
                        found = Some((len, ids.to_vec()));
                        break;
                    }
                }
            }
            match found {
                Some((len, ids)) => {
                    out.push(PlaceMatch {
                        start: i,
                        end: i + len,
                        ids,
                    });
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether a word in capitals ("BLA", the Balochistan Liberation Army) would match a place
    /// whose name is not an acronym (Bla, Mali): an acronym names an organisation far more often
    /// than a town. Countries and the acronyms of `aliases.tsv` ("DRC", "UAE") still match.
    fn acronym_elsewhere(&self, word: &str, key: &str, ids: &[PlaceId]) -> bool {
        is_acronym(word)
            && !self.acronyms.contains(key)
            && !ids.iter().any(|&id| {
                self.entries
                    .get(id.index())
                    .is_some_and(|e| e.precision == Precision::Country || is_acronym(&e.name))
            })
    }

    /// Whether a name that is known may match words `start..start+len`: a name that never
    /// stands alone (`!name` in `common-words.txt`) does not; a name made only of common words and connectors needs
    /// capitals: a one-word name its word, a longer one every word that is not a connector,
    /// but for the first word of the sentence ("Salt Lake City" may start a sentence; "the falls"
    /// and "new market" are no places).
    fn accept(&self, key: &str, start: usize, len: usize, capitalized: &[bool]) -> bool {
        let key = key
            .strip_suffix("'s")
            .or_else(|| key.strip_suffix("s'"))
            .filter(|k| self.ids_of(key).is_none() && !k.is_empty())
            .unwrap_or(key);
        if self.never_alone.contains(key) {
            return false;
        }
        let parts: Vec<&str> = key.split([' ', '-']).filter(|p| !p.is_empty()).collect();
        let all_common = parts.iter().all(|p| {
            self.common.contains(*p) || self.never_alone.contains(*p) || CONNECTORS.contains(p)
        });
        if !all_common {
            return true;
        }
        let caps = |k: usize| capitalized.get(k).copied().unwrap_or(false);
        if len == 1 {
            return caps(start);
        }
        // Words of the span, but the connectors.
        let content: Vec<usize> = (start..start + len)
            .filter(|&k| !key_word(key, k - start).is_some_and(|w| CONNECTORS.contains(&w)))
            .collect();
        // The first word of a sentence may lack its capital's evidence.
        content.iter().any(|&k| caps(k)) && content.iter().all(|&k| k == 0 || caps(k))
    }
}

/// A word of two to five letters, all capitals ("BLA", "U.S."; not "Bla" or "I").
fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=5).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '.')
}

/// The `n`th space-separated word of a key (words of the span correspond to the spaces of the
/// key, whose hyphens came from within one word).
fn key_word(key: &str, n: usize) -> Option<&str> {
    key.split(' ').nth(n)
}

/// Which words of a sentence are capitalized as evidence of a proper noun: not the first word
/// with letters (unless in capitals, like "US"), and none in a headline where every word of four
/// or more letters (at least three of them) is capitalized, or every word is in capitals.
pub fn capitalization(words: &[&str]) -> Vec<bool> {
    let upper_initial = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = |w: &str| {
        letters(w) >= 2
            && w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let long: Vec<&&str> = words.iter().filter(|w| letters(w) >= 4).collect();
    let lettered: Vec<&&str> = words.iter().filter(|w| letters(w) >= 1).collect();
    let title_case = long.len() >= 3 && long.iter().all(|w| upper_initial(w));
    let shouting = lettered.len() >= 2 && lettered.iter().all(|w| all_caps(w));
    if title_case || shouting {
        return vec![false; words.len()];
    }
    let first = words.iter().position(|w| letters(w) >= 1);
    words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if Some(k) == first {
                all_caps(w)
            } else {
                upper_initial(w)
            }
        })
        .collect()
}

fn syntax(file: &str, line: usize, message: &str) -> GeoError {
    GeoError::Syntax {
        file: file.to_string(),
        line,
        message: message.to_string(),
    }
}

/// Non-comment, non-empty lines of a TSV file, split into `N` fields (2 to `N`; missing trailing
/// fields are empty), with their 1-based line numbers.
fn rows<'a, const N: usize>(
    text: &'a str,
    file: &'a str,
) -> impl Iterator<Item = Result<(usize, [&'a str; N]), GeoError>> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
        .map(move |(i, line)| {
            let mut f = [""; N];
            let mut n = 0;
            for part in line.split('\t') {
                let Some(slot) = f.get_mut(n) else {
                    return Err(syntax(file, i + 1, &format!("more than {N} fields")));
                };
                *slot = part.trim();
                n += 1;
            }
            if n < 2 {
                return Err(syntax(file, i + 1, "expected TAB-separated fields"));
            }
            Ok((i + 1, f))
        })
}

/// Whether `normalize(s) == s` for sure (ASCII without capitals, tabs or double spaces).
fn is_normalized(s: &str) -> bool {
    s.bytes().all(|b| {
        b.is_ascii()
            && !b.is_ascii_uppercase()
            && b != b'`'
            && (b == b' ' || !b.is_ascii_whitespace())
    }) && !s.contains("  ")
        && !s.starts_with(' ')
        && !s.ends_with(' ')
}

fn intern(names: &mut Vec<Box<str>>, ids: &mut HashMap<String, u32, FxBuild>, name: &str) -> u32 {
    if let Some(&i) = ids.get(name) {
        return i;
    }
    let i = u32::try_from(names.len()).unwrap_or(u32::MAX);
    names.push(name.into());
    ids.insert(name.to_string(), i);
    i
}

/// A coordinate within `-max..=max`; empty is unknown (NaN).
fn parse_coord(s: &str, max: f64) -> Option<f64> {
    if s.is_empty() {
        return Some(f64::NAN);
    }
    s.parse::<f64>()
        .ok()
        .filter(|x| x.is_finite() && x.abs() <= max)
}

fn parse_pop(s: &str) -> Option<u64> {
    if s.is_empty() {
        return Some(0);
    }
    s.parse().ok()
}

fn parse_iso3(s: &str) -> Option<Iso3> {
    let b = s.as_bytes();
    match b {
        [a, b, c] if b.is_ascii_uppercase() && a.is_ascii_uppercase() && c.is_ascii_uppercase() => {
            Some([*a, *b, *c])
        }
        _ => None,
    }
}

fn iso3_str(c: Iso3) -> String {
    c.iter().map(|&b| b as char).collect()
}
