//! CoNLL-U: `parse_conllu` on arbitrary text; what parses must write out and parse again.
#![no_main]

use dyad_syntax::conllu::to_conllu_string;
use dyad_syntax::parse_conllu;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(sentences) = parse_conllu(&text) {
        for s in &sentences {
            let _ = s.forms();
        }
        let _ = to_conllu_string(&sentences);
    }
});
