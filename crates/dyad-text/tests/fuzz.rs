//! A dependency-free fuzz loop: random bytes and random mixes of tricky characters must
//! never panic, and the results must keep their invariants.

use dyad_text::{SentenceSplitter, Tokenizer};

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Iterations scale with DYAD_TEXT_FUZZ_SCALE (default 1) for longer runs by hand.
fn scale() -> usize {
    std::env::var("DYAD_TEXT_FUZZ_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1)
}

const PIECES: &[&str] = &[
    "a",
    "Z",
    "U",
    "S",
    "s",
    "t",
    "n",
    "e",
    "7",
    "0",
    ".",
    ".",
    "..",
    "?",
    "!",
    "'",
    "\u{2019}",
    "`",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "(",
    ")",
    "[",
    "-",
    "--",
    "\u{2014}",
    ",",
    ":",
    "/",
    "@",
    "#",
    "$",
    "%",
    "&",
    "_",
    "+",
    "=",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\t",
    "\u{00A0}",
    "\u{200B}",
    "\u{2026}",
    "é",
    "e\u{0301}",
    "Я",
    "中",
    "😀",
    "\u{FF01}",
    "\u{FF1F}",
    "Mr",
    "U.S.",
    "No",
    "etc",
    "n't",
    "'s",
    "http://",
    "www.",
    "2023",
    "-09",
    ":)",
    "The",
    " he said",
    "Gen.",
    "\r",
];

fn check(text: &str, splitter: &SentenceSplitter, tokenizer: &Tokenizer) {
    let mut last = 0;
    for s in splitter.split(text) {
        assert!(
            s.start >= last && s.start < s.end,
            "bad sentence span in {text:?}"
        );
        assert_eq!(&text[s.start..s.end], s.text);
        assert_eq!(
            s.text.trim(),
            s.text.trim_matches(['\u{200B}', '\u{FEFF}']).trim()
        );
        last = s.end;
    }
    let tokens = tokenizer.tokenize(text);
    let mut last = 0;
    let mut covered = 0;
    for t in &tokens {
        assert!(
            t.start >= last && t.start < t.end,
            "bad token span in {text:?}"
        );
        assert_eq!(&text[t.start..t.end], t.form);
        assert!(
            !t.form.chars().any(char::is_whitespace),
            "space in token {:?}",
            t.form
        );
        covered += t.end - t.start;
        last = t.end;
    }
    let visible: usize = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}'))
        .map(char::len_utf8)
        .sum();
    assert_eq!(covered, visible, "characters dropped in {text:?}");
}

#[test]
fn random_bytes_never_panic() {
    let (splitter, tokenizer) = (SentenceSplitter::new(), Tokenizer::new());
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 * scale() {
        let len = rng.below(48);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        check(&text, &splitter, &tokenizer);
    }
}

#[test]
fn random_tricky_mixes_never_panic() {
    let (splitter, tokenizer) = (SentenceSplitter::new(), Tokenizer::new());
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    for _ in 0..50_000 * scale() {
        let n = rng.below(24);
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[rng.below(PIECES.len())]);
        }
        check(&text, &splitter, &tokenizer);
    }
}
