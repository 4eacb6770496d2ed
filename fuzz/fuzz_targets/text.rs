//! Sentences and tokens: every span within its text, on char boundaries, in order, and equal
//! to the string it reports; also the long-sentence cap's spans.
#![no_main]

use dyad_text::{SentenceCap, SentenceSplitter, Tokenizer};
use libfuzzer_sys::fuzz_target;

fn check_span(text: &str, start: usize, end: usize, prev_end: usize) {
    assert!(
        start <= end && end <= text.len(),
        "span {start}..{end} of {} bytes",
        text.len()
    );
    assert!(
        start >= prev_end,
        "span {start}..{end} overlaps the previous one (ends {prev_end})"
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "span {start}..{end} cuts a char"
    );
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let tokenizer = Tokenizer::new();
    let mut prev = 0;
    for s in SentenceSplitter::new().split(&text) {
        check_span(&text, s.start, s.end, prev);
        prev = s.end;
        assert_eq!(&text[s.start..s.end], s.text);
        let mut tprev = 0;
        for t in tokenizer.tokenize(&s.text) {
            check_span(&s.text, t.start, t.end, tprev);
            tprev = t.end;
            assert!(t.start < t.end, "empty token at {}", t.start);
            assert_eq!(&s.text[t.start..t.end], t.form);
        }
    }
    let (spans, _long) = SentenceCap::default().sentence_spans(&text);
    let mut prev = 0;
    for (start, end) in spans {
        check_span(&text, start, end, prev);
        prev = end;
    }
});
