//! Temporal expressions: `TimeResolver::find` on the tokens of arbitrary text (dyad's own
//! tokenizer, and plain whitespace splitting) against a fixed publication date, an extreme
//! one, and none. Expressions must lie within the tokens, in order, without overlapping.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_text::Tokenizer;
use dyad_time::{TimeExpr, TimeResolver};
use libfuzzer_sys::fuzz_target;

static RESOLVER: OnceLock<TimeResolver> = OnceLock::new();

fn check(found: &[TimeExpr], n: usize) {
    let mut prev_end = 0;
    for e in found {
        assert!(
            e.start < e.end && e.end <= n,
            "range {}..{} of {n} tokens",
            e.start,
            e.end
        );
        assert!(e.start >= prev_end, "overlap: {found:?}");
        prev_end = e.end;
        if let (Some(first), Some(last)) = (e.date, e.last) {
            assert!(first <= last, "first day after last: {e:?}");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let resolver = RESOLVER.get_or_init(TimeResolver::new);
    let text = String::from_utf8_lossy(data);
    let tokens = Tokenizer::new().tokenize(&text);
    let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let dates = [
        NaiveDate::from_ymd_opt(2023, 9, 20),
        None,
        // the last day chrono can hold: arithmetic near it must fail softly
        Some(NaiveDate::MAX),
        Some(NaiveDate::MIN),
    ];
    for published in dates {
        check(&resolver.find(&forms, published), forms.len());
        check(&resolver.find(&words, published), words.len());
    }
});
