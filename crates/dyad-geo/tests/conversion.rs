//! The committed gazetteer files are exactly what the converter makes from GeoNames in
//! ../shared, and they parse.
//!
//! `DYAD_BLESS=1 cargo test -p dyad-geo --test conversion` rewrites `data/geo/places.tsv`,
//! `admin1.tsv` and `countries.tsv` from `../shared/data/geonames`.

use dyad_geo::{convert, Gazetteer, Sources};
use std::path::PathBuf;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn committed_files_match_a_fresh_conversion() {
    let geonames = crate_dir().join("../../../shared/data/geonames");
    if !geonames.exists() {
        dyad_model::testing::skipped(&format!(
            "{} not found (the shared data is only on development machines)",
            geonames.display()
        ));
        return;
    }
    let converted = convert(&geonames).expect("conversion");
    let out = crate_dir().join("../../data/geo");
    if std::env::var_os("DYAD_BLESS").is_some() {
        converted.write_to(&out).expect("write data/geo");
        return;
    }
    for (name, text) in &converted.files {
        let path = out.join(name);
        let committed = std::fs::read_to_string(&path).expect("read committed file");
        assert!(
            committed == *text,
            "{} differs from a fresh conversion; rerun with DYAD_BLESS=1",
            path.display()
        );
    }
}

#[test]
fn embedded_files_parse() {
    let g = Gazetteer::parse(&Sources::embedded()).expect("embedded gazetteer parses");
    assert!(g.len() > 30_000, "{} entries", g.len());
    assert_eq!(Gazetteer::embedded().len(), g.len());
}
