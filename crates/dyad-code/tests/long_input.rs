//! Input far longer than a news story: unpunctuated text and documents of many sections.

mod common;

use common::doc;
use dyad_code::Pipeline;

const STORY: &str = "Armenian troops attacked Azerbaijani forces near the border. \
The Russian Foreign Ministry called on Azerbaijan and Armenia to cease fire. ";

#[test]
fn a_sentence_without_end_is_cut_before_parsing() {
    let text = STORY.replace('.', "").repeat(200);
    let result = Pipeline::new().code_document(&doc(&text));
    assert_eq!(result.long_sentences.len(), 1);
    let long = &result.long_sentences[0];
    assert_eq!((long.start, long.end), (0, text.trim_end().len()));
    assert!(result.sentences >= long.tokens / 150);
    assert_eq!(result.sentences, long.pieces);
    assert!(!result.events.is_empty());
    assert!(result.events.iter().all(|e| e.sentence.len() <= 1000));
}

#[test]
fn a_long_document_is_coded_in_sections_with_document_sentence_indices() {
    const SECTION: usize = 4096;
    let copies = SECTION / STORY.len() * 3 + 10;
    let text = STORY.repeat(copies);
    let pipeline = Pipeline::new().with_section_bytes(SECTION);
    let document = doc(&text);
    let sections = pipeline.sections(&document);
    assert!(sections.len() >= 3, "{} sections", sections.len());
    let result = pipeline.code_document(&document);
    assert_eq!(result.sentences, copies * 2);
    // Every event's index names its own sentence in the whole document's segmentation.
    let whole = pipeline.prepare(&document);
    let mut last = 0;
    for e in &result.events {
        assert_eq!(whole.sentences[e.sentence_index].text, e.sentence);
        assert!(e.sentence_index >= last);
        last = e.sentence_index;
    }
    assert!(
        last + 2 >= copies * 2,
        "the last section's events are there"
    );
    // Every copy of the story is coded alike, whichever section it falls in.
    let first: Vec<&str> = result
        .events
        .iter()
        .filter(|e| e.sentence_index < 2)
        .map(|e| e.cameo.as_str())
        .collect();
    let later: Vec<&str> = result
        .events
        .iter()
        .filter(|e| e.sentence_index >= copies * 2 - 2)
        .map(|e| e.cameo.as_str())
        .collect();
    assert_eq!(first, later);
}
