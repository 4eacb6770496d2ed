//! Model-loading inputs of the kind fuzzing (`fuzz/`, target `models`) found: each must fail
//! with an error, without panicking, quickly.

use std::time::{Duration, Instant};

use dyad_syntax::model_io::{wrap, ByteWriter};
use dyad_syntax::tagger::{TAGGER_MAGIC, TAGGER_VERSION};
use dyad_syntax::TaggerModel;

/// A weight table's feature-key delta near `u64::MAX`: adding it to the previous key overflowed
/// (a panic in debug builds) instead of being rejected. The parser's weight table had the same
/// defect, found by the fuzzer (`fuzz/regressions/models/parser-feature-hash-overflow.bin`).
#[test]
fn tagger_feature_key_delta_overflow() {
    let mut w = ByteWriter::new();
    w.varint(1); // one label: (UPOS 0, XPOS 0)
    w.u8(0);
    w.u8(0);
    w.varint(0); // tag dictionary
    w.varint(0); // lexicon
    w.f32(1.0); // weight table: scale, two features
    w.varint(2);
    w.varint(5); // key 5, one weight
    w.varint(1);
    w.u8(0);
    w.zigzag(1);
    w.varint(u64::MAX); // key 5 + u64::MAX
    w.varint(1);
    w.u8(0);
    w.zigzag(1);
    w.buf.extend_from_slice(&[0; 16]);
    let bytes = wrap(TAGGER_MAGIC, TAGGER_VERSION, &w.buf);
    let start = Instant::now();
    assert!(TaggerModel::from_bytes(&bytes).is_err());
    assert!(start.elapsed() < Duration::from_secs(5));
}
