//! Index newtypes: a position in one kind of sequence of a sentence (its tokens, its words, its
//! actor mentions) is a type of its own, so that the compiler tells them apart.
//!
//! [`index_type!`](crate::index_type) defines one; each is defined next to its sequence:
//! [`TokenIdx`](crate::TokenIdx) next to [`Token`](crate::Token), `dyad_dict::words::WordIdx`,
//! `dyad_code::mentions::{MentionIdx, GroupId}`.

/// Defines a `Copy` newtype over `usize` for positions in one kind of sequence.
///
/// The type gets `new`/`get` (from and to the number), `next`, `checked_sub`,
/// `saturating_sub`, `wrapping_sub`, safe access to a slice (`at`, `at_mut`, `slice`: `None`
/// out of range), `range`, `indices` and `enumerate` to iterate, `Display` (the number), and
/// arithmetic with counts: index `+`/`-` `usize` is an index of the same kind, index `-` index
/// is a count. There is no `Index` implementation: code indexes with `at` or says `get()`.
#[macro_export]
macro_rules! index_type {
    ($(#[$attr:meta])* $vis:vis struct $name:ident;) => {
        $(#[$attr])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        $vis struct $name(usize);

        #[allow(dead_code)]
        impl $name {
            /// Position `i`.
            #[inline]
            pub const fn new(i: usize) -> Self {
                $name(i)
            }

            /// The position as a number.
            #[inline]
            pub const fn get(self) -> usize {
                self.0
            }

            /// The position after this one.
            #[inline]
            pub const fn next(self) -> Self {
                $name(self.0 + 1)
            }

            /// The position `n` before this one, if there is one.
            #[inline]
            pub const fn checked_sub(self, n: usize) -> Option<Self> {
                match self.0.checked_sub(n) {
                    Some(i) => Some($name(i)),
                    None => None,
                }
            }

            /// The position `n` before this one, or the first.
            #[inline]
            pub const fn saturating_sub(self, n: usize) -> Self {
                $name(self.0.saturating_sub(n))
            }

            /// The position `n` before this one, wrapping around below the first (past any
            /// slice: [`Self::at`] gives `None`).
            #[inline]
            pub const fn wrapping_sub(self, n: usize) -> Self {
                $name(self.0.wrapping_sub(n))
            }

            /// The element of `s` at this position, if `s` is that long.
            #[inline]
            pub fn at<T>(self, s: &[T]) -> Option<&T> {
                s.get(self.0)
            }

            /// The element of `s` at this position, mutably, if `s` is that long.
            #[inline]
            pub fn at_mut<T>(self, s: &mut [T]) -> Option<&mut T> {
                s.get_mut(self.0)
            }

            /// The elements of `s` at positions `r`, if `s` has them.
            #[inline]
            pub fn slice<T>(s: &[T], r: ::std::ops::Range<Self>) -> Option<&[T]> {
                s.get(r.start.0..r.end.0)
            }

            /// Positions `start..end`.
            #[inline]
            pub fn range(
                start: Self,
                end: Self,
            ) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator + Clone {
                (start.0..end.0).map($name)
            }

            /// Every position of `s`.
            #[inline]
            pub fn indices<T>(
                s: &[T],
            ) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator + Clone {
                (0..s.len()).map($name)
            }

            /// The elements of `s` with their positions.
            #[inline]
            pub fn enumerate<T>(
                s: &[T],
            ) -> impl DoubleEndedIterator<Item = (Self, &T)> + ExactSizeIterator + Clone {
                s.iter().enumerate().map(|(i, x)| ($name(i), x))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl ::std::ops::Add<usize> for $name {
            type Output = $name;
            #[inline]
            fn add(self, n: usize) -> $name {
                $name(self.0 + n)
            }
        }

        impl ::std::ops::AddAssign<usize> for $name {
            #[inline]
            fn add_assign(&mut self, n: usize) {
                self.0 += n;
            }
        }

        impl ::std::ops::Sub<usize> for $name {
            type Output = $name;
            #[inline]
            fn sub(self, n: usize) -> $name {
                $name(self.0 - n)
            }
        }

        impl ::std::ops::SubAssign<usize> for $name {
            #[inline]
            fn sub_assign(&mut self, n: usize) {
                self.0 -= n;
            }
        }

        /// The number of positions from `other` to `self`.
        impl ::std::ops::Sub for $name {
            type Output = usize;
            #[inline]
            fn sub(self, other: $name) -> usize {
                self.0 - other.0
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::TokenIdx;

    #[test]
    fn arithmetic_and_safe_access() {
        let t = TokenIdx::new(2);
        assert_eq!(t.next(), TokenIdx::new(3));
        assert_eq!(t + 2 - 1, TokenIdx::new(3));
        assert_eq!(TokenIdx::new(5) - t, 3);
        assert_eq!(t.checked_sub(3), None);
        assert_eq!(t.saturating_sub(3), TokenIdx::new(0));
        assert_eq!(t.wrapping_sub(3).at(&[1, 2, 3]), None);
        assert_eq!(t.at(&[1, 2, 3]), Some(&3));
        assert_eq!(t.next().at(&[1, 2, 3]), None);
        assert_eq!(
            TokenIdx::slice(&[1, 2, 3], TokenIdx::new(1)..t),
            Some(&[2][..])
        );
        assert_eq!(TokenIdx::slice(&[1, 2, 3], t..TokenIdx::new(9)), None);
        let all: Vec<usize> = TokenIdx::indices(&[7, 8]).map(TokenIdx::get).collect();
        assert_eq!(all, vec![0, 1]);
        let r: Vec<TokenIdx> = TokenIdx::range(t, t + 2).collect();
        assert_eq!(r, vec![TokenIdx::new(2), TokenIdx::new(3)]);
        let e: Vec<(TokenIdx, &i32)> = TokenIdx::enumerate(&[4]).collect();
        assert_eq!(e, vec![(TokenIdx::new(0), &4)]);
        assert_eq!(t.to_string(), "2");
    }
}
