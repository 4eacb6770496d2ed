//! Tagger and parser model files: `TaggerModel::from_bytes` and `ParserModel::from_bytes`.
//! Errors are fine; panics, and allocations far beyond the input's size, are not.
//!
//! A model file is magic, version, body length, body and an FNV-1a checksum of the body, so
//! nearly every mutation of a real model would stop at the checksum. Each input is therefore
//! tried twice: as it is, and "repaired" (when it is long enough to hold the frame): the
//! length field set to the body that is there and the checksum recomputed, so that the body
//! decoders themselves see the mutated bytes.
#![no_main]

use dyad_parse::ParserModel;
use dyad_syntax::hash::fnv1a64;
use dyad_syntax::TaggerModel;
use libfuzzer_sys::fuzz_target;

/// magic (8) + version (4) + body length (8) ... checksum (8).
const HEAD: usize = 20;
const TAIL: usize = 8;

fn repaired(data: &[u8]) -> Option<Vec<u8>> {
    if data.len() < HEAD + TAIL {
        return None;
    }
    let mut out = data.to_vec();
    let body_len = data.len() - HEAD - TAIL;
    out[12..20].copy_from_slice(&(body_len as u64).to_le_bytes());
    let sum = fnv1a64(&out[HEAD..HEAD + body_len]);
    out[HEAD + body_len..].copy_from_slice(&sum.to_le_bytes());
    Some(out)
}

fn load(bytes: &[u8]) {
    let _ = TaggerModel::from_bytes(bytes);
    let _ = ParserModel::from_bytes(bytes);
}

fuzz_target!(|data: &[u8]| {
    load(data);
    if let Some(fixed) = repaired(data) {
        load(&fixed);
    }
});
