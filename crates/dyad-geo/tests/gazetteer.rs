//! Lookups, homonym resolution and place finding on the committed (embedded) gazetteer.

use dyad_geo::{Gazetteer, Place, Precision};

fn g() -> &'static Gazetteer {
    Gazetteer::embedded()
}

#[track_caller]
fn resolve(name: &str, context: &[&str]) -> Place {
    g().resolve(name, context)
        .unwrap_or_else(|| panic!("{name} {context:?} not found"))
}

#[track_caller]
fn check(name: &str, context: &[&str], want_name: &str, country: &str, precision: Precision) {
    let p = resolve(name, context);
    assert_eq!(
        (p.name.as_str(), p.country.as_str(), p.precision),
        (want_name, country, precision),
        "{name} {context:?}: {p:?}"
    );
}

#[test]
fn capitals_and_exonyms() {
    check("Kyiv", &[], "Kyiv", "UKR", Precision::City);
    check("Kiev", &[], "Kyiv", "UKR", Precision::City);
    check("KYIV", &[], "Kyiv", "UKR", Precision::City);
    check("Kyiv's", &[], "Kyiv", "UKR", Precision::City);
    check("Yerevan", &[], "Yerevan", "ARM", Precision::City);
    check("Baku", &[], "Baku", "AZE", Precision::City);
    check("Khartoum", &[], "Khartoum", "SDN", Precision::City);
    check("Washington", &[], "Washington", "USA", Precision::City);
    check("Bombay", &[], "Mumbai", "IND", Precision::City);
    check("Rangoon", &[], "Yangon", "MMR", Precision::City);
    check("Odessa", &[], "Odesa", "UKR", Precision::City);
    let kyiv = resolve("Kyiv", &[]);
    assert!((kyiv.lat - 50.45).abs() < 0.05 && (kyiv.lon - 30.52).abs() < 0.05);
    assert_eq!(kyiv.geonameid, Some(703448));
}

#[test]
fn conflict_places() {
    check("Stepanakert", &[], "Stepanakert", "AZE", Precision::City);
    check("Khankendi", &[], "Stepanakert", "AZE", Precision::City);
    check(
        "Nagorno-Karabakh",
        &[],
        "Nagorno-Karabakh",
        "AZE",
        Precision::Region,
    );
    check(
        "nagorno karabakh",
        &[],
        "Nagorno-Karabakh",
        "AZE",
        Precision::Region,
    );
    check(
        "Nagorno\u{2013}Karabakh",
        &[],
        "Nagorno-Karabakh",
        "AZE",
        Precision::Region,
    );
    check("Gaza", &[], "Gaza Strip", "PSE", Precision::Region);
    check(
        "the Gaza Strip",
        &[],
        "Gaza Strip",
        "PSE",
        Precision::Region,
    );
    check("Gaza City", &[], "Gaza", "PSE", Precision::City);
    check("Donetsk", &[], "Donetsk", "UKR", Precision::City);
    check("Donetsk region", &[], "Donetsk", "UKR", Precision::Admin1);
    check("Donbass", &[], "Donbas", "UKR", Precision::Region);
    check("Crimea", &[], "Crimea", "UKR", Precision::Region);
    check("Aleppo", &[], "Aleppo", "SYR", Precision::City);
    check("Idlib", &[], "Idlib", "SYR", Precision::Region);
    check(
        "Golan Heights",
        &[],
        "Golan Heights",
        "SYR",
        Precision::Region,
    );
    check("West Bank", &[], "West Bank", "PSE", Precision::Region);
    check("Darfur", &[], "Darfur", "SDN", Precision::Region);
    check("Tigray", &[], "Tigray", "ETH", Precision::Region);
    check(
        "Kurdistan",
        &[],
        "Kurdistan Region",
        "IRQ",
        Precision::Region,
    );
    check(
        "Transnistria",
        &[],
        "Transnistria",
        "MDA",
        Precision::Region,
    );
    check("Abkhazia", &[], "Abkhazia", "GEO", Precision::Region);
    check(
        "Tskhinvali",
        &[],
        "Ts\u{2019}khinvali",
        "GEO",
        Precision::City,
    );
    check("Avdiivka", &[], "Avdiyivka", "UKR", Precision::City);
    check(
        "Hodeidah",
        &[],
        "Al \u{1E28}udaydah",
        "YEM",
        Precision::City,
    );
    check("Mosul", &[], "Mosul", "IRQ", Precision::City);
    let kashmir = resolve("Kashmir", &[]);
    assert_eq!(
        (kashmir.precision, kashmir.country.as_str()),
        (Precision::Region, "")
    );
    // A region spanning several countries is in the context of each.
    check("Sahel", &["MLI"], "Sahel", "", Precision::Region);
}

#[test]
fn homonyms_by_context() {
    check("Georgia", &[], "Georgia", "GEO", Precision::Country);
    check("Georgia", &["RUS"], "Georgia", "GEO", Precision::Country);
    check("Georgia", &["USA"], "Georgia", "USA", Precision::Admin1);
    check("Georgia", &["US"], "Georgia", "USA", Precision::Admin1);
    check(
        "Georgia",
        &["GEO", "USA"],
        "Georgia",
        "GEO",
        Precision::Country,
    );
    check("Paris", &[], "Paris", "FRA", Precision::City);
    check("Paris", &["USA"], "Paris", "USA", Precision::City);
    assert_eq!(resolve("Paris", &["USA"]).admin1.as_deref(), Some("Texas"));
    check("Paris", &["USA", "FRA"], "Paris", "FRA", Precision::City);
    check("Tripoli", &[], "Tripoli", "LBY", Precision::City);
    check("Tripoli", &["LBN"], "Tripoli", "LBN", Precision::City);
    check("Tripoli", &["Lebanon"], "Tripoli", "LBN", Precision::City);
    check(
        "Tripoli",
        &["LBY", "EGY"],
        "Tripoli",
        "LBY",
        Precision::City,
    );
    // A city of the context does not beat a country of that name.
    check("Lebanon", &["USA"], "Lebanon", "LBN", Precision::Country);
    check("Moscow", &[], "Moscow", "RUS", Precision::City);
    check("Moscow", &["USA", "RUS"], "Moscow", "RUS", Precision::City);
    check("Odessa", &["USA"], "Odessa", "USA", Precision::City);
    check(
        "Congo",
        &[],
        "Democratic Republic of the Congo",
        "COD",
        Precision::Country,
    );
    check(
        "Congo",
        &["COG"],
        "Republic of the Congo",
        "COG",
        Precision::Country,
    );
    check("Punjab", &["IND"], "Punjab", "IND", Precision::Admin1);
}

#[test]
fn countries_and_aliases() {
    check("Ukraine", &[], "Ukraine", "UKR", Precision::Country);
    check("U.S.", &[], "United States", "USA", Precision::Country);
    check("Britain", &[], "United Kingdom", "GBR", Precision::Country);
    check("Burma", &[], "Myanmar", "MMR", Precision::Country);
    check(
        "Netherlands",
        &[],
        "The Netherlands",
        "NLD",
        Precision::Country,
    );
    check("Ivory Coast", &[], "Ivory Coast", "CIV", Precision::Country);
    check(
        "Côte d\u{2019}Ivoire",
        &[],
        "Ivory Coast",
        "CIV",
        Precision::Country,
    );
    let ukraine = resolve("Ukraine", &[]);
    assert!(
        ukraine.has_coordinates(),
        "a country has its capital's coordinates"
    );
    assert_eq!(g().country_code("ua"), Some(*b"UKR"));
    assert_eq!(g().country_code("Syria"), Some(*b"SYR"));
    assert_eq!(g().country_code("Atlantis"), None);
}

#[test]
fn lookup_returns_every_homonym() {
    let paris = g().lookup("paris");
    assert!(paris.len() >= 2);
    let countries: Vec<String> = paris
        .iter()
        .filter_map(|&id| g().place(id))
        .map(|p| p.country)
        .collect();
    assert!(countries.iter().any(|c| c == "FRA") && countries.iter().any(|c| c == "USA"));
    assert!(
        g().lookup("Soul").is_empty(),
        "GeoNames' alternate name of Seoul"
    );
    assert!(g().lookup("Atlantis of the Deep").is_empty());
    assert!(g().resolve("", &[]).is_none());
}

fn found(sentence: &str) -> Vec<(String, String)> {
    let words: Vec<&str> = sentence.split(' ').collect();
    g().find(&words)
        .into_iter()
        .map(|m| {
            let text = words[m.start..m.end].join(" ");
            let place = g()
                .resolve_ids(&m.ids, &[])
                .and_then(|id| g().place(id))
                .map(|p| p.name)
                .unwrap_or_default();
            (text, place)
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn finds_longest_matches() {
    assert_eq!(
        found("Shelling in Nagorno-Karabakh and the Gaza Strip , officials in Kyiv said"),
        pairs(&[
            ("Nagorno-Karabakh", "Nagorno-Karabakh"),
            ("Gaza Strip", "Gaza Strip"),
            ("Kyiv", "Kyiv")
        ])
    );
    // Hyphens split off by the tokenizer, and a possessive.
    assert_eq!(
        found("Fighting in Nagorno Karabakh hit Donetsk's outskirts"),
        pairs(&[
            ("Nagorno Karabakh", "Nagorno-Karabakh"),
            ("Donetsk's", "Donetsk")
        ])
    );
    assert_eq!(
        found("He flew from New York to Gaza City"),
        pairs(&[("New York", "New York City"), ("Gaza City", "Gaza")])
    );
}

#[test]
fn common_words_need_capitals() {
    assert!(found("the police split the crowd , a nice reading of the march").is_empty());
    assert!(found("a mobile phone , a bath and the best deal of all").is_empty());
    assert_eq!(
        found("He moved from Split to Nice and then to Reading"),
        pairs(&[("Split", "Split"), ("Nice", "Nice"), ("Reading", "Reading")])
    );
    // A sentence's first word and a title-case headline are no evidence.
    assert!(found("Police said the march was over").is_empty());
    assert!(found("Police Break Up March In Split").is_empty());
    // Never alone, even capitalized: months, directions, adjectives.
    assert!(found("On March 3 , Western and Central Asian envoys met").is_empty());
    // Organizations and metonyms that GeoNames has as (alternate) place names.
    assert!(found("The UN and Hamas met at the White House on Date").is_empty());
    // "US" in capitals is a country even first; "us" is a pronoun.
    assert_eq!(
        found("US troops told us"),
        pairs(&[("US", "United States")])
    );
    // The caller's own capitalization.
    let words = ["Police", "said"];
    assert_eq!(g().find_with_caps(&words, &[true, false]).len(), 1);
    assert!(g().find_with_caps(&words, &[]).is_empty());
}

#[test]
fn no_panics_on_odd_input() {
    let odd = [
        "",
        " ",
        "-",
        "--",
        "'",
        "'s",
        "s'",
        "the ",
        "\u{0}",
        "\u{200B}",
        "\t\n",
        "ǅ",
        "İstanbul",
        "ﬁ",
        "🏳️‍🌈",
        "a-",
        "-a",
        "a--b",
        "The",
        "the the the",
        "...",
        "x'",
        "Ⅻ",
        "ß",
    ];
    for s in odd {
        let _ = g().lookup(s);
        let _ = g().resolve(s, &[s, "", "ZZZ", "us"]);
        let _ = g().country_code(s);
    }
    let words: Vec<&str> = odd.to_vec();
    let _ = g().find(&words);
    let _ = g().find_with_caps(&words, &[true]);
    let long: Vec<&str> = std::iter::repeat_n("Kyiv", 2000).collect();
    assert_eq!(g().find(&long).len(), 2000);
    assert!(g().lookup("Kyiv").iter().all(|&id| g().place(id).is_some()));
    assert!(g().resolve_ids(&[], &[]).is_none());
}

#[test]
fn countries_carry_the_codes_gdelt_and_acled_use() {
    let g = Gazetteer::embedded();
    let ukr = g.country_facts("UKR").expect("Ukraine");
    assert_eq!(
        (
            ukr.fips.as_str(),
            ukr.numeric,
            ukr.iso2.as_str(),
            ukr.continent.as_str()
        ),
        ("UP", Some(804), "UA", "EU")
    );
    // FIPS differs from ISO alpha-2 where GDELT users trip on it
    assert_eq!(g.country_facts("DEU").map(|c| c.fips.as_str()), Some("GM"));
    assert_eq!(g.country_facts("GBR").map(|c| c.fips.as_str()), Some("UK"));
    assert_eq!(g.admin1_code("UKR", "Kharkiv"), Some("07"));
    assert_eq!(g.admin1_code("USA", "texas"), Some("TX"));
    assert_eq!(g.admin1_code("UKR", "Texas"), None);
    assert!(g.country_facts("XXX").is_none() && g.country_facts("U").is_none());
}

#[test]
fn a_word_in_capitals_is_an_acronym_not_a_town() {
    let found = |s: &str| -> Vec<String> {
        let words: Vec<&str> = s.split(' ').collect();
        let caps = dyad_geo::capitalization(&words);
        g().find_with_caps(&words, &caps)
            .iter()
            .filter_map(|m| g().resolve_ids(&m.ids, &[]).and_then(|id| g().place(id)))
            .map(|p| p.name)
            .collect()
    };
    // the Balochistan Liberation Army, not Bla in Mali
    assert!(found("Last month BLA insurgents ambushed a bus in Kalat")
        .iter()
        .all(|p| p != "Bla"));
    // countries and the acronyms of aliases.tsv still match
    assert_eq!(
        found("Rebels in eastern DRC seized a town"),
        ["Democratic Republic of the Congo"]
    );
    assert_eq!(
        found("He flew to the UAE on Monday"),
        ["United Arab Emirates"]
    );
}
