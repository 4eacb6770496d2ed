//! RSS/Atom feeds: `parse_feed` on the bytes (every item made a document), and `read_reader`
//! in feed format.
#![no_main]

use dyad_ingest::{parse_feed, read_reader, Format, IngestOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = IngestOptions::default();
    if let Ok(feed) = parse_feed(data, "fuzz.rss") {
        for (i, item) in feed.items.iter().enumerate() {
            assert_eq!(item.number, i + 1);
            let _ = item.has_story();
            let _ = item.document("fuzz.rss", feed.title.as_deref(), None, &opts);
        }
    }
    for doc in read_reader(data, "fuzz.rss", Format::Feed, &opts) {
        let _ = doc;
    }
});
