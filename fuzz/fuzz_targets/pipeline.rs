//! The whole pipeline: a document from arbitrary text, coded by the default pipeline (built
//! once). Event spans are character offsets into their sentence and must lie within it.
#![no_main]

use std::sync::OnceLock;

use dyad_code::Pipeline;
use dyad_ingest::{document_from_text, Origin};
use libfuzzer_sys::fuzz_target;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fn in_sentence(span: [usize; 2], chars: usize, what: &str) {
    assert!(
        span[0] <= span[1] && span[1] <= chars,
        "{what} span {span:?} of {chars} chars"
    );
}

fuzz_target!(|data: &[u8]| {
    let pipeline = PIPELINE.get_or_init(Pipeline::new);
    let text = String::from_utf8_lossy(data);
    let doc = document_from_text(&text, Origin::default(), None);
    let result = pipeline.code_document(&doc);
    for e in &result.events {
        assert!(
            e.sentence_index < result.sentences,
            "sentence {} of {}",
            e.sentence_index,
            result.sentences
        );
        let chars = e.sentence.chars().count();
        in_sentence(e.trigger.span, chars, "trigger");
        for a in e.source.iter().chain(&e.target) {
            in_sentence(a.span, chars, "actor");
        }
        if let Some(q) = &e.quote {
            if let (Some(s), None) = (&q.speaker, q.speaker_sentence) {
                in_sentence(s.span, chars, "speaker");
            }
        }
    }
});
