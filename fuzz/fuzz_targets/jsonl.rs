//! JSONL documents: `read_reader` over arbitrary bytes, every result read.
#![no_main]

use dyad_ingest::{read_reader, Format, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions::default();
    for doc in read_reader(data, "fuzz.jsonl", Format::Jsonl, &opts) {
        if let Ok(doc) = doc {
            assert!(doc.text.len() <= opts.max_bytes + data.len());
        }
    }
});
