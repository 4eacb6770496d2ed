//! The store's document encoding and decoding: documents read from arbitrary JSONL bytes are
//! stored (`Store::store_document`) and read back (`Store::document`, `documents_page`); what
//! comes back must be what went in. A store lives in memory and is replaced every 500 inputs,
//! so that it does not grow without bound.
#![no_main]

use std::cell::RefCell;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;

use dyad_ingest::{read_reader, Format, IngestOptions};
use dyad_store::{Admission, RunId, RunInfo, Store};
use libfuzzer_sys::fuzz_target;

thread_local! {
    static STORE: RefCell<Option<(Store, RunId, u32)>> = const { RefCell::new(None) };
}

fn fresh() -> (Store, RunId, u32) {
    let mut store = Store::open(Path::new(":memory:")).expect("an in-memory store opens");
    let info = RunInfo {
        dyad_version: "fuzz".into(),
        options: serde_json::Value::Null,
    };
    let run = store.begin_run(&info).expect("a run begins");
    (store, run, 0)
}

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions::default();
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_none_or(|(_, _, uses)| *uses >= 500) {
            *slot = Some(fresh());
        }
        let Some((store, run, uses)) = slot.as_mut() else { return };
        *uses += 1;
        for doc in read_reader(data, "fuzz.jsonl", Format::Jsonl, &opts).flatten() {
            let mut hasher = DefaultHasher::new();
            doc.text.hash(&mut hasher);
            let hash = format!("{:016x}", hasher.finish());
            let version = match store.admit(&doc.id, &hash) {
                Ok(Admission::Store { version }) => version,
                Ok(Admission::AlreadyStored) | Err(_) => continue,
            };
            let Ok(stored) = store.store_document(*run, &doc, &hash, version, &[]) else {
                continue;
            };
            let back = store.document(stored.key).expect("a stored document reads back");
            assert_eq!(back.id, doc.id);
            assert_eq!(back.text, doc.text);
            assert_eq!(back.date, doc.date);
            assert_eq!(back.title, doc.title);
            assert_eq!(back.url, doc.url);
            assert_eq!(back.source, doc.source);
            assert_eq!(back.language, doc.language);
            assert_eq!(back.dateline, doc.dateline);
            assert_eq!(back.origin, doc.origin);
            // numbers in `extra` may come back a last digit apart (serde_json without
            // float_roundtrip); the fields must not
            assert!(back.extra.keys().eq(doc.extra.keys()));
        }
        let _ = store.documents_page(Some(*run), None, 20);
    });
});
