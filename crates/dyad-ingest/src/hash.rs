//! Stable content hashes for documents that arrive without an id.
//!
//! The id must be identical across runs, machines and dyad versions (the store uses it to make
//! `dyad ingest` idempotent), so it is a fixed, documented function of the text: 64-bit FNV-1a.
//! It is not a cryptographic hash and needs not be: it only has to tell documents apart.

const FNV_OFFSET_BASIS: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a hash of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET_BASIS, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
    })
}

/// The default document id: `doc-` and the 16 hex digits of the FNV-1a hash of the text.
pub fn content_id(text: &str) -> String {
    format!("doc-{:016x}", fnv1a64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_reference_values() {
        // Reference values from the FNV specification's test suite.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn content_id_is_stable_and_prefixed() {
        let id = content_id("Hello");
        assert!(id.starts_with("doc-"));
        assert_eq!(id.len(), 4 + 16);
        assert_eq!(id, content_id("Hello"));
        assert_ne!(id, content_id("Hello."));
    }
}
