//! User dictionaries: `UserDict::parse`, then the overlay parsed as dictionaries (with the
//! embedded CAMEO ontology and no other embedded file, to stay fast).
#![no_main]

use dyad_dict::user::UserDict;
use dyad_dict::{embedded, DictSources, Dictionaries};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(user) = UserDict::parse(&text, "fuzz.tsv") else {
        return;
    };
    let src = DictSources {
        actors: vec![(user.file.as_str(), user.actors.as_str())],
        agents: vec![(user.file.as_str(), user.agents.as_str())],
        verbs: vec![],
        cameo: embedded::CAMEO,
        discards: vec![],
        nouns: "",
        classes: vec![(user.file.as_str(), user.classes.as_str())],
        titles: vec![(user.file.as_str(), user.titles.as_str())],
        sectors: vec![(user.file.as_str(), user.sectors.as_str())],
    };
    let _ = Dictionaries::parse(&src);
});
