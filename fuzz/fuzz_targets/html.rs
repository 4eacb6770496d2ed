//! Web pages: `parse_html` on the input as text, and `read_reader` in HTML format on the bytes.
#![no_main]

use dyad_ingest::{parse_html, read_reader, Format, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let page = parse_html(&html);
    if let Some(lang) = &page.language {
        assert!(
            !lang.contains('-'),
            "language is the primary subtag: {lang:?}"
        );
    }
    for doc in read_reader(data, "fuzz.html", Format::Html, &IngestOptions::default()) {
        let _ = doc;
    }
});
