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
        let len = self.stack.len();
        if i < len {
            self.stack[len - 1 - i]
        } else {
            NONE
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

    fn attach(&mut self, head: u32, dep: u32, label: u8) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let bit = 1u64 << (label.min(63));
        if dep < head {
            // left dependent: dependents arrive right to left only in part, so keep order
            let lc = &mut self.lc[h];
            if lc[0] == NONE || dep < lc[0] {
                lc[1] = lc[0];
                lc[0] = dep;
            } else if lc[1] == NONE || dep < lc[1] {
                lc[1] = dep;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            let rc = &mut self.rc[h];
            if rc[0] == NONE || dep > rc[0] {
                rc[1] = rc[0];
                rc[0] = dep;
            } else if rc[1] == NONE || dep > rc[1] {
                rc[1] = dep;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
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
        for (i, (&h, &l)) in heads.iter().zip(labels).enumerate() {
            let d = i + 1;
            let h = if h == 0 { n + 1 } else { h };
            g.heads[d] = h as u32;
            g.labels[d] = l;
            if h < n + 2 {
                g.children[h].push(d as u32);
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
        let gold_label = if s0 == NONE {
            0
        } else {
            self.labels[s0 as usize]
        };
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

    /// The cost of LEFT or RIGHT without the label, and whether the arc is the gold one
    /// (so that a wrong label costs one more).
    fn unlabelled(&self, s: &State, t: Transition) -> (u32, bool) {
        let s0 = s.s(0);
        let s1 = s.s(1);
        let b = s.b;
        let h = self.heads[s0 as usize];
        let deps = self.children[s0 as usize]
            .iter()
            .filter(|&&d| d >= b)
            .count() as u32;
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
        let deps_in_buffer = |w: u32| {
            self.children[w as usize]
                .iter()
                .filter(|&&d| d >= b)
                .count() as u32
        };
        match t {
            Transition::Left(l) => {
                let h = self.heads[s0 as usize];
                let head_lost = h != b && ((s1 != NONE && h == s1) || h > b);
                let label_wrong = h == b && l != self.labels[s0 as usize];
                deps_in_buffer(s0) + head_lost as u32 + label_wrong as u32
            }
            Transition::Right(l) => {
                let h = self.heads[s0 as usize];
                let head_lost = h != s1 && h >= b;
                let label_wrong = h == s1 && l != self.labels[s0 as usize];
                deps_in_buffer(s0) + head_lost as u32 + label_wrong as u32
            }
            Transition::Shift => {
                let h = self.heads[b as usize];
                let in_stack = |w: u32| s.stack.contains(&w);
                let head_lost = h != s0 && in_stack(h);
                let deps_lost = self.children[b as usize]
                    .iter()
                    .filter(|&&d| in_stack(d))
                    .count() as u32;
                head_lost as u32 + deps_lost
            }
        }
    }
}

/// Lifts arcs until the tree is projective (each lift makes a word's head its grandparent),
/// so that the oracle's costs are exact. `heads[i]` is the head of word i+1, 0 = root.
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    for _ in 0..n * n {
        let Some(d) = (1..=n).find(|&d| !is_projective_arc(heads, d)) else {
            return;
        };
        let h = heads[d - 1];
        heads[d - 1] = if h == 0 { 0 } else { heads[h - 1] };
    }
}

/// Does every word between word `d` and its head descend from that head?
fn is_projective_arc(heads: &[usize], d: usize) -> bool {
    let h = heads[d - 1];
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
        k = heads[k - 1];
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
}
