//! The converter on a tiny GeoNames fixture (`tests/fixture/geonames`, written for these tests):
//! its output is the expected files (`tests/fixture/expected`, rewritten by `DYAD_BLESS=1`), it
//! is deterministic, and it parses back into a gazetteer that finds what went in.

use dyad_geo::{convert, ConvertedGeo, Gazetteer, GeoError, Precision, Sources};
use std::path::PathBuf;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixture")
}

fn converted() -> ConvertedGeo {
    convert(&fixture().join("geonames")).expect("fixture converts")
}

fn gazetteer(c: &ConvertedGeo, common_words: &str) -> Gazetteer {
    Gazetteer::parse(&Sources {
        places: c.get("places.tsv").expect("places"),
        admin1: c.get("admin1.tsv").expect("admin1"),
        countries: c.get("countries.tsv").expect("countries"),
        regions: "region\tDonbas\tDonbass\tUKR\t48.30\t38.60\n",
        aliases: "698740\tOdessa\n",
        common_words,
    })
    .expect("converted fixture parses")
}

#[test]
fn fixture_converts_to_the_expected_files() {
    let c = converted();
    let expected = fixture().join("expected");
    if std::env::var_os("DYAD_BLESS").is_some() {
        c.write_to(&expected).expect("write expected");
        return;
    }
    for (name, text) in &c.files {
        let want = std::fs::read_to_string(expected.join(name)).expect("read expected");
        assert_eq!(*text, want, "{name} differs from tests/fixture/expected");
    }
}

#[test]
fn conversion_is_deterministic() {
    assert_eq!(converted(), converted());
}

#[test]
fn converted_rows_keep_what_matters() {
    let c = converted();
    let places = c.get("places.tsv").expect("places");
    // 4 decimals, ISO3, admin1 name, English variants only (no codes, other scripts, lowercase
    // romanizations or other languages' phrases).
    assert!(places
        .contains("703448\tKyiv\t50.4547\t30.5238\tUKR\tKyiv City\t2952301\tkiev|kiew|soul\n"));
    // "Odessa" is the own name of a place a tenth as big: not kept as Odesa's alternate.
    assert!(places.contains("698740\tOdesa\t46.4857\t30.7438\tUKR\tOdessa\t1010537\t\n"));
    // Small places keep spellings within two edits only.
    assert!(places.contains("\tAvdiyivka\t48.1399\t37.7426\tUKR\tDonetsk\t35826\tavdiivka\n"));
    // Unknown country: left out and counted; no "-0.0000"; apostrophe-less variant.
    assert!(!places.contains("Ḩamāh"));
    assert!(places.contains("# 1 GeoNames rows left out"));
    assert!(places.contains("9999\tMek'ele Town\t0.0000\t0.0000\tGEO\t\t15000\tmekele town\n"));
    let admin1 = c.get("admin1.tsv").expect("admin1");
    assert!(admin1.contains(
        "UA.12\t703447\tKyiv City\tUKR\t50.4547\t30.5238\t2952301\tkyiv|kyiv province|kyiv region\n"
    ));
    assert!(!admin1.contains("Nowhere"));
    let countries = c.get("countries.tsv").expect("countries");
    assert!(countries.contains(
        "USA\tUS\t6252001\tUnited States\t38.8951\t-77.0364\t327167434\t4140963\t\tUS\t840\tNA\n"
    ));
    assert!(countries.contains("\tThe Netherlands\t\t\t17231017\t\tnetherlands\t\t\t\n"));
    // Lebanon's capital is not in the fixture: the most populous city stands in for the
    // coordinates, but it is not marked as the capital.
    assert!(countries.contains("LBN\tLB\t272103\tLebanon\t34.4335\t35.8441\t6848925\t\t\t\t\t\n"));
}

#[test]
fn fixture_round_trips_through_the_gazetteer() {
    let c = converted();
    let g = gazetteer(&c, "soul\n!paris\n");
    let kyiv = g.resolve("Kiev", &[]).expect("Kiev");
    assert_eq!(
        (kyiv.geonameid, kyiv.name.as_str(), kyiv.country.as_str()),
        (Some(703448), "Kyiv", "UKR")
    );
    assert_eq!((kyiv.lat, kyiv.lon), (50.4547, 30.5238));
    assert_eq!(kyiv.admin1.as_deref(), Some("Kyiv City"));
    assert_eq!(kyiv.precision, Precision::City);
    // A common word is not indexed as a GeoNames alternate name.
    assert!(g.lookup("Soul").is_empty());
    assert_eq!(
        g.resolve("Odessa", &[]).map(|p| p.country),
        Some("UKR".into())
    );
    assert_eq!(
        g.resolve("Odessa", &["USA"]).map(|p| p.country),
        Some("USA".into())
    );
    assert_eq!(
        g.resolve("Paris", &[]).map(|p| p.country),
        Some("FRA".into())
    );
    assert_eq!(
        g.resolve("Paris", &["US"]).map(|p| p.country),
        Some("USA".into())
    );
    assert_eq!(
        g.resolve("Tripoli", &[]).map(|p| p.country),
        Some("LBY".into())
    );
    assert_eq!(
        g.resolve("Tripoli", &["Lebanon"]).map(|p| p.country),
        Some("LBN".into())
    );
    let georgia = g.resolve("Georgia", &[]).expect("Georgia");
    assert_eq!(
        (georgia.precision, georgia.country.as_str()),
        (Precision::Country, "GEO")
    );
    assert_eq!((georgia.lat, georgia.lon), (41.6941, 44.8337));
    let state = g.resolve("Georgia", &["USA"]).expect("Georgia, USA");
    assert_eq!(
        (state.precision, state.country.as_str()),
        (Precision::Admin1, "USA")
    );
    assert!(!state.has_coordinates());
    assert_eq!(
        g.resolve("Donetsk", &[]).map(|p| p.precision),
        Some(Precision::City)
    );
    assert_eq!(
        g.resolve("Donetsk region", &[]).map(|p| p.precision),
        Some(Precision::Admin1)
    );
    assert_eq!(
        g.resolve("Donbass", &[]).map(|p| p.precision),
        Some(Precision::Region)
    );
    assert_eq!(
        g.resolve("Netherlands", &[]).map(|p| p.country),
        Some("NLD".into())
    );
    assert_eq!(
        g.resolve("Avdiivka", &[]).map(|p| p.geonameid),
        Some(Some(713122))
    );
    // "!paris" never matches alone in a sentence, though lookup finds it.
    assert_eq!(g.lookup("paris").len(), 2);
    assert!(g.find(&["in", "Paris", "today"]).is_empty());
}

#[test]
fn bad_inputs_are_errors() {
    assert!(matches!(
        convert(&fixture().join("no-such-dir")),
        Err(GeoError::Io { .. })
    ));
    let dir = std::env::temp_dir().join(format!("dyad-geo-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for f in ["countries.json", "admin1CodesASCII.txt", "cities15000.json"] {
        std::fs::copy(fixture().join("geonames").join(f), dir.join(f)).expect("copy");
    }
    std::fs::write(dir.join("cities15000.json"), "{\"1\": {\"name\": \"x\"}}").expect("write");
    assert!(matches!(convert(&dir), Err(GeoError::Syntax { .. })));
    std::fs::write(dir.join("cities15000.json"), "[1, 2").expect("write");
    assert!(matches!(convert(&dir), Err(GeoError::Syntax { .. })));
    std::fs::write(dir.join("admin1CodesASCII.txt"), "no tabs here\n").expect("write");
    assert!(matches!(convert(&dir), Err(GeoError::Syntax { .. })));
    let _ = std::fs::remove_dir_all(&dir);

    for bad in [
        Sources {
            places: "1\tX\tnorth\t0\tUKR\t\t0\t\n",
            ..Sources::default()
        },
        Sources {
            places: "1\tX\t0\t0\tUkraine\t\t0\t\n",
            ..Sources::default()
        },
        Sources {
            places: "1\tX\t0\t0\tUKR\t\t0\t\ta\tb\n",
            ..Sources::default()
        },
        Sources {
            regions: "town\tX\t\tUKR\t0\t0\n",
            ..Sources::default()
        },
        Sources {
            aliases: "ZZZ\tSomewhere\n",
            ..Sources::default()
        },
    ] {
        assert!(matches!(
            Gazetteer::parse(&bad),
            Err(GeoError::Syntax { .. })
        ));
    }
}
