//! The committed dictionaries are exactly what the converter makes from ../shared, and they
//! parse back into the structures the coder uses.
//!
//! `DYAD_BLESS=1 cargo test -p dyad-dict --test conversion` rewrites `data/dict/` from
//! ../shared (the same as `dyad dict build`).

use dyad_dict::{convert, Dictionaries};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn committed_files_match_a_fresh_conversion() {
    let data = root().join("../shared/data");
    if !data.exists() {
        dyad_model::testing::skipped(&format!(
            "{} not found (the shared data is only on development machines)",
            data.display()
        ));
        return;
    }
    let converted = convert::convert(&data).expect("conversion");
    let bless = std::env::var_os("DYAD_BLESS").is_some();
    for (name, text) in &converted.files {
        let path = root().join("data/dict").join(name);
        if bless {
            std::fs::write(&path, text).expect("write");
            continue;
        }
        let committed = std::fs::read_to_string(&path).expect("read committed file");
        assert!(
            committed == *text,
            "{} differs from a fresh conversion; run `dyad dict build`",
            path.display()
        );
    }
}

#[test]
fn embedded_dictionaries_parse_and_round_trip() {
    let d = Dictionaries::embedded();
    assert!(d.actors.entries.len() > 20_000);
    assert!(d.verbs.pattern_count() > 10_000);
    assert!(d.ontology.lookup("0256").is_some());
    // Role specs written by the converter parse back to the same text.
    for e in d.actors.entries.iter().take(2000) {
        for r in &e.roles {
            let again = dyad_dict::Role::parse(&r.spec()).expect("role spec parses");
            assert_eq!(&again, r);
        }
    }
}
