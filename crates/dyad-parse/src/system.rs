//! The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at the end of the
//! buffer (Ballesteros and Nivre 2013), and its dynamic oracle (Goldberg and Nivre 2013).
//!
//! Words are numbered 1..=n; the root is n+1, the last item of the buffer, and may take one
//! dependent: when the buffer holds only the root, LEFT is allowed only for the last stack
//! item, so every complete parse is a tree with a single root.

/// A transition. Labels are indices into the model's label list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    Shift,
    /// The buffer front becomes the head of the stack top, which is popped.
    Left(u8),
    /// The second stack item becomes the head of the stack top, which is popped.
    Right(u8),
}

impl Transition {
    /// Class id: SHIFT 0, LEFT(l) 1+2l, RIGHT(l) 2+2l.
    pub fn class(self) -> usize {
        match self {
            Transition::Shift => 0,
            Transition::Left(l) => 1 + 2 * l as usize,
            Transition::Right(l) => 2 + 2 * l as usize,
        }
    }

    pub fn from_class(c: usize) -> Transition {
        match c {
            0 => Transition::Shift,
            c if c % 2 == 1 => Transition::Left(((c - 1) / 2) as u8),
            c => Transition::Right(((c - 2) / 2) as u8),
        }
    }
}

/// No word, for features of empty positions.
pub const NONE: u32 = 0;

/// A parser configuration with the bookkeeping the features need (children, valencies).
/// `clone_from` reuses the vectors' allocations, so that beam search copies states
/// without touching the heap.
#[derive(Debug)]
pub struct State {
    pub n: u32,
    pub stack: Vec<u32>,
    /// Buffer front; the buffer is `b..=n+1`.
    pub b: u32,
    /// Head of each word (index 1..=n), 0 while unattached; n+1 means the root.
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
    /// Leftmost and second-leftmost, rightmost and second-rightmost dependents.
    pub lc: Vec<[u32; 2]>,
    pub rc: Vec<[u32; 2]>,
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Bit sets of the labels of left and right dependents (labels >= 64 share bit 63).
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
}

impl Clone for State {
    fn clone(&self) -> State {
        State {
            n: self.n,
            stack: self.stack.clone(),
            b: self.b,
            heads: self.heads.clone(),
            labels: self.labels.clone(),
            lc: self.lc.clone(),
            rc: self.rc.clone(),
            nl: self.nl.clone(),
            nr: self.nr.clone(),
            lset: self.lset.clone(),
            rset: self.rset.clone(),
        }
    }

    fn clone_from(&mut self, o: &State) {
        self.n = o.n;
        self.stack.clone_from(&o.stack);
        self.b = o.b;
        self.heads.clone_from(&o.heads);
        self.labels.clone_from(&o.labels);
        self.lc.clone_from(&o.lc);
        self.rc.clone_from(&o.rc);
        self.nl.clone_from(&o.nl);
        self.nr.clone_from(&o.nr);
        self.lset.clone_from(&o.lset);
        self.rset.clone_from(&o.rset);
    }
}

impl State {
    pub fn new(n: usize) -> State {
        let n = n as u32;
        let size = n as usize + 2;
        State {
            n,
            stack: Vec::with_capacity(size),
            b: 1,
            heads: vec![0; size],
            labels: vec![0; size],
            lc: vec![[NONE; 2]; size],
            rc: vec![[NONE; 2]; size],
            nl: vec![0; size],
            nr: vec![0; size],
            lset: vec![0; size],
            rset: vec![0; size],
        }
    }

    pub fn root(&self) -> u32 {
        self.n + 1
    }

    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.root()
    }

    pub fn s(&self, i: usize) -> u32 {
        match self.stack.len().checked_sub(i + 1) {
            Some(j) => self.stack.get(j).copied().unwrap_or(NONE),
            None => NONE,
        }
    }

    pub fn is_valid(&self, t: Transition) -> bool {
        match t {
            Transition::Shift => self.b <= self.n,
            Transition::Left(_) => {
                !self.stack.is_empty() && (self.b <= self.n || self.stack.len() == 1)
            }
            Transition::Right(_) => self.stack.len() >= 2,
        }
    }

    /// Is class `c` ([`Transition::class`]) valid, given [`State::valid_kinds`]?
    #[inline]
    pub fn class_ok(kinds: (bool, bool, bool), c: usize) -> bool {
        match c {
            0 => kinds.0,
            c if c % 2 == 1 => kinds.1,
            _ => kinds.2,
        }
    }

    /// Validity of SHIFT, LEFT and RIGHT (whatever the label).
    pub fn valid_kinds(&self) -> (bool, bool, bool) {
        let depth = self.stack.len();
        (
            self.b <= self.n,
            depth > 0 && (self.b <= self.n || depth == 1),
            depth >= 2,
        )
    }

    /// `head` and `dep` are words or the root (1..=n+1), so every `get_mut` succeeds: the
    /// vectors have n+2 entries.
    fn attach(&mut self, head: u32, dep: u32, label: u8) {
        let (h, d) = (head as usize, dep as usize);
        if let Some(x) = self.heads.get_mut(d) {
            *x = head;
        }
        if let Some(x) = self.labels.get_mut(d) {
            *x = label;
        }
        let bit = 1u64 << (label.min(63));
        if dep < head {
            // left dependent: dependents arrive right to left only in part, so keep order
            if let Some(lc) = self.lc.get_mut(h) {
                if lc[0] == NONE || dep < lc[0] {
                    lc[1] = lc[0];
                    lc[0] = dep;
                } else if lc[1] == NONE || dep < lc[1] {
                    lc[1] = dep;
                }
            }
            if let Some(x) = self.nl.get_mut(h) {
                *x = x.saturating_add(1);
            }
            if let Some(x) = self.lset.get_mut(h) {
                *x |= bit;
            }
        } else {
            if let Some(rc) = self.rc.get_mut(h) {
                if rc[0] == NONE || dep > rc[0] {
                    rc[1] = rc[0];
                    rc[0] = dep;
                } else if rc[1] == NONE || dep > rc[1] {
                    rc[1] = dep;
                }
            }
            if let Some(x) = self.nr.get_mut(h) {
                *x = x.saturating_add(1);
            }
            if let Some(x) = self.rset.get_mut(h) {
                *x |= bit;
            }
        }
    }

    /// Applies a transition; the caller checks validity.
    pub fn apply(&mut self, t: Transition) {
        match t {
            Transition::Shift => {
                self.stack.push(self.b);
                self.b += 1;
            }
            Transition::Left(l) => {
                if let Some(s0) = self.stack.pop() {
                    self.attach(self.b, s0, l);
                }
            }
            Transition::Right(l) => {
                if let Some(s0) = self.stack.pop() {
                    if let Some(&s1) = self.stack.last() {
                        self.attach(s1, s0, l);
                    }
                }
            }
        }
    }
}

/// The gold tree of a training sentence, for the oracle. Heads use n+1 for the root.
pub struct Gold {
    pub heads: Vec<u32>,
    pub labels: Vec<u8>,
    pub children: Vec<Vec<u32>>,
}

impl Gold {
    /// `heads[i]` for word i+1 (0 = root), `labels[i]` its label.
    pub fn new(heads: &[usize], labels: &[u8]) -> Gold {
        let n = heads.len();
        let mut g = Gold {
            heads: vec![0; n + 2],
            labels: vec![0; n + 2],
            children: vec![Vec::new(); n + 2],
        };
        // words are 1..=n and the vectors have n+2 entries, so the `get_mut(d)` succeed;
        // a head past the root (bad input) gets no child list
        for (i, (&h, &l)) in heads.iter().zip(labels).enumerate() {
            let d = i + 1;
            let h = if h == 0 { n + 1 } else { h };
            if let Some(x) = g.heads.get_mut(d) {
                *x = h as u32;
            }
            if let Some(x) = g.labels.get_mut(d) {
                *x = l;
            }
            if let Some(children) = g.children.get_mut(h) {
                children.push(d as u32);
            }
        }
        g
    }

    /// [`Gold::cost`] of every class (`u32::MAX` for invalid transitions), computed once
    /// per transition type rather than once per label.
    pub fn costs(&self, s: &State, out: &mut [u32]) {
        let s0 = s.s(0);
        let shift = s
            .is_valid(Transition::Shift)
            .then(|| self.cost(s, Transition::Shift));
        let left = s
            .is_valid(Transition::Left(0))
            .then(|| self.unlabelled(s, Transition::Left(0)));
        let right = s
            .is_valid(Transition::Right(0))
            .then(|| self.unlabelled(s, Transition::Right(0)));
        let gold_label = if s0 == NONE { 0 } else { self.label(s0) };
        for (c, o) in out.iter_mut().enumerate() {
            let t = Transition::from_class(c);
            *o = match t {
                Transition::Shift => shift,
                Transition::Left(l) => left.map(|(base, h)| base + (h && l != gold_label) as u32),
                Transition::Right(l) => right.map(|(base, h)| base + (h && l != gold_label) as u32),
            }
            .unwrap_or(u32::MAX);
        }
    }

    /// Gold head of word `w` (0 for positions outside the sentence).
    fn head(&self, w: u32) -> u32 {
        self.heads.get(w as usize).copied().unwrap_or(0)
    }

    /// Gold label of word `w` (0 for positions outside the sentence).
    fn label(&self, w: u32) -> u8 {
        self.labels.get(w as usize).copied().unwrap_or(0)
    }

    /// Gold dependents of `w` (none for positions outside the sentence).
    fn deps_of(&self, w: u32) -> &[u32] {
        self.children.get(w as usize).map_or(&[], Vec::as_slice)
    }

    /// The cost of LEFT or RIGHT without the label, and whether the arc is the gold one
    /// (so that a wrong label costs one more).
    fn unlabelled(&self, s: &State, t: Transition) -> (u32, bool) {
        let s0 = s.s(0);
        let s1 = s.s(1);
        let b = s.b;
        let h = self.head(s0);
        let deps = self.deps_of(s0).iter().filter(|&&d| d >= b).count() as u32;
        match t {
            Transition::Left(_) => {
                let head_lost = h != b && ((s1 != NONE && h == s1) || h > b);
                (deps + head_lost as u32, h == b)
            }
            _ => {
                let head_lost = h != s1 && h >= b;
                (deps + head_lost as u32, h == s1)
            }
        }
    }

    /// Gold arcs that become unreachable if `t` is applied in `s` (the dynamic oracle).
    pub fn cost(&self, s: &State, t: Transition) -> u32 {
        let s0 = s.s(0);
        let s1 = s.s(1);
        let b = s.b;
        let deps_in_buffer = |w: u32| self.deps_of(w).iter().filter(|&&d| d >= b).count() as u32;
        match t {
            Transition::Left(l) => {
                let h = self.head(s0);
                let head_lost = h != b && ((s1 != NONE && h == s1) || h > b);
                let label_wrong = h == b && l != self.label(s0);
                deps_in_buffer(s0) + head_lost as u32 + label_wrong as u32
            }
            Transition::Right(l) => {
                let h = self.head(s0);
                let head_lost = h != s1 && h >= b;
                let label_wrong = h == s1 && l != self.label(s0);
                deps_in_buffer(s0) + head_lost as u32 + label_wrong as u32
            }
            Transition::Shift => {
                let h = self.head(b);
                let in_stack = |w: u32| s.stack.contains(&w);
                let head_lost = h != s0 && in_stack(h);
                let deps_lost = self.deps_of(b).iter().filter(|&&d| in_stack(d)).count() as u32;
                head_lost as u32 + deps_lost
            }
        }
    }
}

/// Lifts arcs until the tree is projective (each lift makes a word's head its grandparent),
/// so that the oracle's costs are exact. `heads[i]` is the head of word i+1, 0 = root.
/// A head past the last word (bad input) counts as the root when an arc is lifted to it.
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    for _ in 0..n * n {
        let Some(d) = (1..=n).find(|&d| !is_projective_arc(heads, d)) else {
            return;
        };
        let h = head_of(heads, d);
        let lifted = if h == 0 { 0 } else { head_of(heads, h) };
        if let Some(x) = heads.get_mut(d - 1) {
            *x = lifted;
        }
    }
}

/// The head of word `d` (1-based) in `heads`; 0 (the root) for a word outside the sentence.
fn head_of(heads: &[usize], d: usize) -> usize {
    d.checked_sub(1)
        .and_then(|i| heads.get(i))
        .copied()
        .unwrap_or(0)
}

/// Does every word between word `d` and its head descend from that head?
fn is_projective_arc(heads: &[usize], d: usize) -> bool {
    let h = head_of(heads, d);
    if h == 0 {
        return true;
    }
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|k| dominates(heads, h, k))
}

fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    for _ in 0..=heads.len() {
        if k == h {
            return true;
        }
        if k == 0 {
            return false;
        }
        k = head_of(heads, k);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost transitions from the start reproduces a projective gold tree.
    #[test]
    fn static_oracle_reproduces_gold() {
        // "Troops attacked the town ." : attacked is root
        let heads = [2usize, 0, 4, 2, 2];
        let labels = [1u8, 0, 2, 3, 4];
        let gold = Gold::new(&heads, &labels);
        let mut s = State::new(heads.len());
        while !s.is_terminal() {
            let t = [Transition::Shift]
                .into_iter()
                .chain((0..5).flat_map(|l| [Transition::Left(l), Transition::Right(l)]))
                .find(|&t| s.is_valid(t) && gold.cost(&s, t) == 0)
                .expect("a zero-cost transition exists");
            s.apply(t);
        }
        for d in 1..=5usize {
            let expect = if heads[d - 1] == 0 {
                6
            } else {
                heads[d - 1] as u32
            };
            assert_eq!(s.heads[d], expect, "head of {d}");
            assert_eq!(s.labels[d], labels[d - 1]);
        }
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1 <- 3, 2 <- 4 crossing: words 1..4, heads: 1->3, 2->4, 3->0, 4->3
        let mut heads = vec![3, 4, 0, 3];
        projectivize(&mut heads);
        assert!((1..=4).all(|d| is_projective_arc(&heads, d)));
    }

    #[test]
    fn projectivize_survives_a_head_past_the_sentence() {
        // a training treebank's HEAD of 99 in a 4-word sentence panicked here once
        let mut heads = vec![3, 99, 0, 2];
        projectivize(&mut heads);
        assert_eq!(heads.len(), 4);
    }
}
