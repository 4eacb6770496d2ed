//! Feature templates of the parser (after Zhang and Nivre 2011, adapted to arc-hybrid):
//! words and tags of the top three stack items and the first three buffer items, their
//! leftmost and rightmost dependents and those dependents' labels, distance, valency and
//! label sets, in unigram, pair and triple combinations. Every feature is one `u32` hash.
//!
//! A word's *tag* is the pair (XPOS, UPOS) as the tagger predicts it: UPOS adds the
//! distinctions Penn tags lack (AUX vs VERB, DET vs PRON, SCONJ vs ADP). Optional template
//! groups ([`SUFFIX`], [`EXTRA`]) are switched on by the model's feature flags.

use crate::system::{State, NONE};
use dyad_syntax::hash::FeatureHasher;

/// Feature flag: 3-character suffixes of s0, b0 and b1 (unknown words).
pub const SUFFIX: u32 = 1;
/// Feature flag: more word pairs and triples (b1 words, s2 word, s1 dependents).
pub const EXTRA: u32 = 2;
/// Feature flag: UPOS-only backoff templates.
pub const COARSE: u32 = 4;
/// Feature flag: words seen once in training (and unseen words) share one id, so that the
/// model learns how to treat unknown words.
pub const UNK: u32 = 8;
/// The word id of words outside the model's vocabulary.
const UNK_WORD: u32 = 3;

/// Per-sentence precomputed word, tag and suffix ids (index 0 unused, n+1 the root).
pub struct Sentence {
    pub words: Vec<u32>,
    /// `xpos | upos << 8`.
    pub tags: Vec<u16>,
    pub suffixes: Vec<u32>,
}

const NO_TAG: u16 = 0xFFFF;
const ROOT_TAG: u16 = 0xFFFE;
const NO_LABEL: u8 = 255;

/// Hash of a word form as the parser sees it: lowercased, digits folded to `0`.
pub fn word_id(form: &str) -> u32 {
    let mut h = FeatureHasher::new(0);
    for c in form.chars() {
        let c = if c.is_ascii_digit() { '0' } else { c };
        for lc in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in lc.encode_utf8(&mut buf).as_bytes() {
                h = h.byte(b);
            }
        }
    }
    h.finish() | 4 // never 0 (none), 1 (root) or 3 (unknown)
}

/// Hash of the last three characters (lowercased, digits folded) and a capitalization flag.
fn suffix_id(form: &str) -> u32 {
    let mut h = FeatureHasher::new(1);
    let cap = form.chars().next().is_some_and(char::is_uppercase);
    h = h.byte(cap as u8);
    for c in form.chars().rev().take(3) {
        let c = if c.is_ascii_digit() { '0' } else { c };
        for lc in c.to_lowercase() {
            let mut buf = [0u8; 4];
            for &b in lc.encode_utf8(&mut buf).as_bytes() {
                h = h.byte(b);
            }
        }
    }
    h.finish() | 2
}

impl Sentence {
    /// `forms` and `(upos, xpos)` tag ids of words 1..=n; word ids not in the sorted
    /// `vocab` become the unknown word (unless `vocab` is empty).
    pub fn new(forms: &[&str], tags: &[(u8, u8)], vocab: &[u32]) -> Sentence {
        let n = forms.len();
        let mut words = Vec::with_capacity(n + 2);
        let mut t = Vec::with_capacity(n + 2);
        let mut suffixes = Vec::with_capacity(n + 2);
        words.push(0);
        t.push(NO_TAG);
        suffixes.push(0);
        for (f, &(u, x)) in forms.iter().zip(tags) {
            let id = word_id(f);
            let known = vocab.is_empty() || vocab.binary_search(&id).is_ok();
            words.push(if known { id } else { UNK_WORD });
            t.push(x as u16 | (u as u16) << 8);
            suffixes.push(suffix_id(f));
        }
        words.push(1);
        t.push(ROOT_TAG);
        suffixes.push(1);
        Sentence {
            words,
            tags: t,
            suffixes,
        }
    }

    fn w(&self, p: u32) -> u32 {
        self.words.get(p as usize).copied().unwrap_or(0)
    }

    fn t(&self, p: u32) -> u16 {
        if p == NONE {
            NO_TAG
        } else {
            self.tags.get(p as usize).copied().unwrap_or(NO_TAG)
        }
    }

    fn suf(&self, p: u32) -> u32 {
        self.suffixes.get(p as usize).copied().unwrap_or(0)
    }
}

struct F {
    id: u8,
}

impl F {
    /// Starts the next template (templates are numbered in call order).
    fn next(&mut self) -> FeatureHasher {
        self.id = self.id.wrapping_add(1);
        FeatureHasher::new(self.id)
    }
}

trait Push {
    fn w(self, v: u32) -> Self;
    fn t(self, v: u16) -> Self;
}

impl Push for FeatureHasher {
    fn w(self, v: u32) -> Self {
        self.byte(v as u8)
            .byte((v >> 8) as u8)
            .byte((v >> 16) as u8)
            .byte((v >> 24) as u8)
    }
    fn t(self, v: u16) -> Self {
        self.byte(v as u8).byte((v >> 8) as u8)
    }
}

/// The features of a configuration, written to `out` (cleared first).
pub fn extract(sent: &Sentence, s: &State, flags: u32, out: &mut Vec<u32>) {
    out.clear();
    let s0 = s.s(0);
    let s1 = s.s(1);
    let s2 = s.s(2);
    let b0 = s.b;
    let b1 = if b0 < s.root() { b0 + 1 } else { NONE };
    let b2 = if b1 != NONE && b1 < s.root() {
        b1 + 1
    } else {
        NONE
    };
    // positions are NONE, words or the root (0..=n+1), and the state's vectors have n+2
    // entries, so the `get`s below succeed; their fallbacks are the values of NONE
    let children = |p: u32, which: &[[u32; 2]]| {
        if p == NONE {
            [NONE; 2]
        } else {
            which.get(p as usize).copied().unwrap_or([NONE; 2])
        }
    };
    let [s0l, s0l2] = children(s0, &s.lc);
    let [s0r, s0r2] = children(s0, &s.rc);
    let [b0l, b0l2] = children(b0, &s.lc);
    let [s1l, _] = children(s1, &s.lc);
    let [s1r, _] = children(s1, &s.rc);
    let w = |p: u32| sent.w(p);
    let t = |p: u32| sent.t(p);
    let u = |p: u32| (sent.t(p) >> 8) as u8;
    let l = |p: u32| {
        if p == NONE {
            NO_LABEL
        } else {
            s.labels.get(p as usize).copied().unwrap_or(NO_LABEL)
        }
    };
    let dist = if s0 == NONE {
        0u8
    } else {
        (b0.saturating_sub(s0)).min(6) as u8
    };
    let at = |v: &[u8], p: u32| {
        if p == NONE {
            0
        } else {
            v.get(p as usize).copied().unwrap_or(0)
        }
    };
    let vl = |p: u32| at(&s.nl, p).min(5);
    let vr = |p: u32| at(&s.nr, p).min(5);
    let set = |v: &[u64], p: u32| {
        if p == NONE {
            0
        } else {
            v.get(p as usize).copied().unwrap_or(0)
        }
    };
    let lset = |p: u32| set(&s.lset, p);
    let rset = |p: u32| set(&s.rset, p);

    let mut f = F { id: 0 };
    let mut push = |h: FeatureHasher| out.push(h.finish());
    // unigrams
    for p in [s0, b0, b1, s1] {
        push(f.next().w(w(p)));
        push(f.next().t(t(p)));
        push(f.next().w(w(p)).t(t(p)));
    }
    push(f.next().w(w(b2)));
    push(f.next().t(t(b2)));
    push(f.next().t(t(s2)));
    // pairs
    push(f.next().w(w(s0)).t(t(s0)).w(w(b0)).t(t(b0)));
    push(f.next().w(w(s0)).t(t(s0)).w(w(b0)));
    push(f.next().w(w(s0)).w(w(b0)).t(t(b0)));
    push(f.next().w(w(s0)).t(t(s0)).t(t(b0)));
    push(f.next().t(t(s0)).w(w(b0)).t(t(b0)));
    push(f.next().w(w(s0)).w(w(b0)));
    push(f.next().t(t(s0)).t(t(b0)));
    push(f.next().t(t(b0)).t(t(b1)));
    push(f.next().t(t(s1)).t(t(s0)));
    push(f.next().w(w(s1)).w(w(s0)));
    push(f.next().w(w(s1)).t(t(s0)));
    push(f.next().t(t(s1)).w(w(s0)));
    push(f.next().t(t(s1)).t(t(b0)));
    push(f.next().w(w(s1)).w(w(b0)));
    // triples
    push(f.next().t(t(b0)).t(t(b1)).t(t(b2)));
    push(f.next().t(t(s0)).t(t(b0)).t(t(b1)));
    push(f.next().t(t(s1)).t(t(s0)).t(t(b0)));
    push(f.next().t(t(s0)).t(t(s0l)).t(t(b0)));
    push(f.next().t(t(s0)).t(t(s0r)).t(t(b0)));
    push(f.next().t(t(s0)).t(t(b0)).t(t(b0l)));
    push(f.next().t(t(s1)).t(t(s0)).t(t(s0l)));
    push(f.next().t(t(s1)).t(t(s0)).t(t(s0r)));
    push(f.next().t(t(s1)).t(t(s1r)).t(t(s0)));
    push(f.next().t(t(s1)).t(t(s1l)).t(t(s0)));
    push(f.next().t(t(s2)).t(t(s1)).t(t(s0)));
    push(f.next().w(w(s0)).t(t(b0)).t(t(b1)));
    push(f.next().w(w(b0)).t(t(s0)).t(t(b1)));
    // distance
    push(f.next().w(w(s0)).byte(dist));
    push(f.next().t(t(s0)).byte(dist));
    push(f.next().w(w(b0)).byte(dist));
    push(f.next().t(t(b0)).byte(dist));
    push(f.next().w(w(s0)).w(w(b0)).byte(dist));
    push(f.next().t(t(s0)).t(t(b0)).byte(dist));
    // valency
    push(f.next().w(w(s0)).byte(vr(s0)));
    push(f.next().t(t(s0)).byte(vr(s0)));
    push(f.next().w(w(s0)).byte(vl(s0)));
    push(f.next().t(t(s0)).byte(vl(s0)));
    push(f.next().w(w(b0)).byte(vl(b0)));
    push(f.next().t(t(b0)).byte(vl(b0)));
    push(f.next().t(t(s1)).byte(vr(s1)));
    // dependents
    for p in [s0l, s0r, b0l, s1r] {
        push(f.next().w(w(p)));
        push(f.next().t(t(p)));
        push(f.next().byte(l(p)));
    }
    for p in [s0l2, s0r2, b0l2] {
        push(f.next().t(t(p)));
        push(f.next().byte(l(p)));
    }
    push(f.next().t(t(s0)).byte(l(s0l)).byte(l(s0l2)));
    push(f.next().t(t(s0)).byte(l(s0r)).byte(l(s0r2)));
    push(f.next().t(t(b0)).byte(l(b0l)).byte(l(b0l2)));
    push(f.next().t(t(s0)).byte(l(s0l)).t(t(b0)));
    push(f.next().t(t(s0)).byte(l(s0r)).t(t(b0)));
    // label sets
    push(
        f.next()
            .w(w(s0))
            .w(lset(s0) as u32)
            .w((lset(s0) >> 32) as u32),
    );
    push(
        f.next()
            .t(t(s0))
            .w(rset(s0) as u32)
            .w((rset(s0) >> 32) as u32),
    );
    push(
        f.next()
            .t(t(s0))
            .w(lset(s0) as u32)
            .w((lset(s0) >> 32) as u32),
    );
    push(
        f.next()
            .t(t(b0))
            .w(lset(b0) as u32)
            .w((lset(b0) >> 32) as u32),
    );
    push(f.next());
    if flags & SUFFIX != 0 {
        let suf = |p: u32| sent.suf(p);
        f.id = 120;
        push(f.next().w(suf(s0)).t(t(s0)));
        push(f.next().w(suf(b0)).t(t(b0)));
        push(f.next().w(suf(b1)));
        push(f.next().w(suf(s0)).w(suf(b0)));
        push(f.next().w(suf(s0)).t(t(b0)));
        push(f.next().t(t(s0)).w(suf(b0)));
    }
    if flags & EXTRA != 0 {
        f.id = 140;
        push(f.next().w(w(s2)));
        push(f.next().w(w(s0)).w(w(b1)));
        push(f.next().w(w(b0)).w(w(b1)));
        push(f.next().t(t(s0)).w(w(b0)).w(w(b1)));
        push(f.next().w(w(s0)).w(w(s0r)));
        push(f.next().w(w(s0)).w(w(s0l)));
        push(f.next().w(w(b0)).w(w(b0l)));
        push(f.next().w(w(s1)).w(w(s1r)));
        push(f.next().t(t(s1)).byte(l(s1l)).byte(l(s1r)));
        push(
            f.next()
                .t(t(s1))
                .w(lset(s1) as u32)
                .w(rset(s1) as u32)
                .w((rset(s1) >> 32) as u32),
        );
        push(f.next().w(w(s0)).w(w(b0)).t(t(b1)));
        push(f.next().w(w(s1)).w(w(s0)).t(t(b0)));
    }
    if flags & COARSE != 0 {
        f.id = 170;
        push(f.next().byte(u(s0)).byte(u(b0)).byte(u(b1)));
        push(f.next().byte(u(s1)).byte(u(s0)).byte(u(b0)));
        push(f.next().byte(u(s2)).byte(u(s1)).byte(u(s0)));
        push(f.next().byte(u(b0)).byte(u(b1)).byte(u(b2)));
        push(f.next().byte(u(s0)).byte(u(b0)).byte(dist));
        push(f.next().byte(u(s0)).byte(u(s0l)).byte(u(s0r)).byte(u(b0)));
    }
}
