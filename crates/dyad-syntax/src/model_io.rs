//! Binary model file conventions, shared by the tagger and (later) the parser.
//!
//! Layout: `magic (8 bytes) | format version (u32 LE) | body length (u64 LE) | body |
//! FNV-1a 64 checksum of the body (u64 LE)`. The body is a sequence of little-endian
//! integers, LEB128 varints (zig-zag for signed values) and length-prefixed UTF-8 strings,
//! written with [`ByteWriter`] and read back with [`ByteReader`], which checks every read
//! against the end of the buffer, so a corrupt or truncated file gives a [`ModelError`]
//! and never a panic.

use std::fmt;

use crate::hash::fnv1a64;

/// Error loading a model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    BadMagic,
    UnsupportedVersion(u32),
    Truncated,
    ChecksumMismatch,
    Invalid(String),
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a dyad model file (bad magic bytes)"),
            ModelError::UnsupportedVersion(v) => write!(f, "unsupported model format version {v}"),
            ModelError::Truncated => write!(f, "model file is truncated"),
            ModelError::ChecksumMismatch => {
                write!(f, "model file checksum mismatch (corrupt file)")
            }
            ModelError::Invalid(m) => write!(f, "invalid model file: {m}"),
        }
    }
}

impl std::error::Error for ModelError {}

/// Appends little-endian values to a byte buffer.
#[derive(Debug, Default)]
pub struct ByteWriter {
    pub buf: Vec<u8>,
}

impl ByteWriter {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.u32(v.to_bits());
    }
    pub fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }
    pub fn zigzag(&mut self, v: i64) {
        self.varint(((v << 1) ^ (v >> 63)) as u64);
    }
    pub fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// Bounds-checked reader over a byte slice.
#[derive(Debug)]
pub struct ByteReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> ByteReader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        ByteReader { bytes, pos: 0 }
    }
    pub fn is_at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }
    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        self.take(1)?.first().copied().ok_or(ModelError::Truncated)
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        let mut a = [0u8; 8];
        a.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(a))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    pub fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Invalid("varint too long".into()))
    }
    pub fn zigzag(&mut self) -> Result<i64, ModelError> {
        let v = self.varint()?;
        Ok(((v >> 1) as i64) ^ -((v & 1) as i64))
    }
    /// A count that must not exceed the remaining bytes (each item takes at least
    /// `min_item_bytes`), which bounds allocations made from corrupt counts.
    pub fn count(&mut self, min_item_bytes: usize) -> Result<usize, ModelError> {
        let n = self.varint()?;
        let remaining = (self.bytes.len() - self.pos.min(self.bytes.len())) as u64;
        if n.saturating_mul(min_item_bytes.max(1) as u64) > remaining {
            return Err(ModelError::Invalid(format!("count {n} exceeds the data")));
        }
        Ok(n as usize)
    }
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.count(1)?;
        std::str::from_utf8(self.take(n)?)
            .map_err(|_| ModelError::Invalid("bad UTF-8 string".into()))
    }
}

/// Wraps `body` with magic, version and checksum.
pub fn wrap(magic: &[u8; 8], version: u32, body: &[u8]) -> Vec<u8> {
    let mut w = ByteWriter::new();
    w.buf.extend_from_slice(magic);
    w.u32(version);
    w.u64(body.len() as u64);
    w.buf.extend_from_slice(body);
    w.u64(fnv1a64(body));
    w.buf
}

/// Checks magic, version and checksum; returns the body.
pub fn unwrap_body<'a>(
    magic: &[u8; 8],
    version: u32,
    bytes: &'a [u8],
) -> Result<&'a [u8], ModelError> {
    let mut r = ByteReader::new(bytes);
    let m = r.take(8).map_err(|_| ModelError::BadMagic)?;
    if m != magic {
        return Err(ModelError::BadMagic);
    }
    let v = r.u32()?;
    if v != version {
        return Err(ModelError::UnsupportedVersion(v));
    }
    let len = r.u64()?;
    let len = usize::try_from(len).map_err(|_| ModelError::Truncated)?;
    let body = r.take(len)?;
    let sum = r.u64()?;
    if !r.is_at_end() {
        return Err(ModelError::Invalid("trailing bytes after checksum".into()));
    }
    if fnv1a64(body) != sum {
        return Err(ModelError::ChecksumMismatch);
    }
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut w = ByteWriter::new();
        w.u8(7);
        w.u32(123456);
        w.varint(300);
        w.zigzag(-5);
        w.zigzag(i16::MIN as i64);
        w.str("héllo");
        w.f32(1.5);
        let mut r = ByteReader::new(&w.buf);
        assert_eq!(r.u8(), Ok(7));
        assert_eq!(r.u32(), Ok(123456));
        assert_eq!(r.varint(), Ok(300));
        assert_eq!(r.zigzag(), Ok(-5));
        assert_eq!(r.zigzag(), Ok(i16::MIN as i64));
        assert_eq!(r.str(), Ok("héllo"));
        assert_eq!(r.f32(), Ok(1.5));
        assert!(r.is_at_end());
        assert_eq!(r.u8(), Err(ModelError::Truncated));
    }

    #[test]
    fn wrapper_detects_damage() {
        let file = wrap(b"TESTMAGC", 3, b"payload");
        assert_eq!(unwrap_body(b"TESTMAGC", 3, &file), Ok(&b"payload"[..]));
        assert_eq!(
            unwrap_body(b"OTHERMAG", 3, &file),
            Err(ModelError::BadMagic)
        );
        assert_eq!(
            unwrap_body(b"TESTMAGC", 4, &file),
            Err(ModelError::UnsupportedVersion(3))
        );
        let mut bad = file.clone();
        bad[22] ^= 1;
        assert_eq!(
            unwrap_body(b"TESTMAGC", 3, &bad),
            Err(ModelError::ChecksumMismatch)
        );
        for n in 0..file.len() {
            assert!(unwrap_body(b"TESTMAGC", 3, &file[..n]).is_err());
        }
    }
}
