//! Wire datelines: `parse_dateline` with and without a document date; the length it returns
//! must cut the text on a char boundary (`&text[len..]` is the body).
#![no_main]

use chrono::NaiveDate;
use dyad_ingest::parse_dateline;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for date in [
        None,
        NaiveDate::from_ymd_opt(2023, 9, 20),
        NaiveDate::from_ymd_opt(2024, 1, 1),
    ] {
        if let Some((_dateline, len)) = parse_dateline(&text, date) {
            assert!(len <= text.len(), "consumed {len} of {} bytes", text.len());
            assert!(
                text.is_char_boundary(len),
                "consumed {len}: not a char boundary"
            );
        }
    }
});
