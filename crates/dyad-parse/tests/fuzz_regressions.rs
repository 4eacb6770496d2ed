//! Inputs found by fuzzing (`fuzz/`, target `models`), minimised and kept in
//! `fuzz/regressions/`: each must load or fail with an error, without panicking, quickly.

use std::time::{Duration, Instant};

use dyad_parse::ParserModel;

/// Loads `bytes` as a parser model; returns whether it loaded, and checks the time taken.
fn load(bytes: &[u8]) -> bool {
    let start = Instant::now();
    let loaded = ParserModel::from_bytes(bytes).is_ok();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "took {:?}",
        start.elapsed()
    );
    loaded
}

/// A valid frame whose weight table has a feature-hash delta near `u64::MAX`: adding it to
/// the previous hash overflowed (a panic in debug builds, a wrapped and possibly accepted
/// hash in release builds) instead of being rejected as out of order.
#[test]
fn parser_feature_hash_delta_overflow() {
    let bytes = include_bytes!("../../../fuzz/regressions/models/parser-feature-hash-overflow.bin");
    assert!(!load(bytes));
}

/// The same overflow in the vocabulary's deltas (found by reading the code after the one
/// above; the bytes are built here rather than found).
#[test]
fn parser_vocabulary_delta_overflow() {
    use dyad_syntax::model_io::{wrap, ByteWriter};
    let mut w = ByteWriter::new();
    w.varint(1); // one label
    w.str("root");
    w.u32(0); // flags
    w.varint(1); // beam
    w.varint(dyad_syntax::tags::XPOS_TAGS.len() as u64);
    for _ in dyad_syntax::tags::XPOS_TAGS {
        w.u8(0);
    }
    w.varint(2); // vocabulary: 5, then 5 + u64::MAX
    w.varint(5);
    w.varint(u64::MAX);
    w.buf.extend_from_slice(&[0; 16]);
    assert!(!load(&wrap(b"DYADPRS\0", 3, &w.buf)));
}
