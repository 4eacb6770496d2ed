//! The two halves of a development set.
//!
//! Rules fitted to the records one develops on do not carry over to new text, so every
//! development set is split in two by a hash of each sentence: one works on half A and scores
//! half B only at the end of a working session ([`Half`]). The hash is FNV-1a (64 bit) of the
//! sentence normalized as the shared scorers do (lower case, runs of non-word characters as
//! one space, trimmed), so that scripts outside the project can reproduce the split.

/// Which half of a development set a sentence belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Half {
    /// The half one develops on.
    A,
    /// The half scored only at the end of a session.
    B,
}

impl Half {
    pub fn of(sentence: &str) -> Half {
        if fnv1a64(normalize(sentence).as_bytes()) & 1 == 0 {
            Half::A
        } else {
            Half::B
        }
    }

    /// `a`, `b` (any case).
    pub fn parse(s: &str) -> Option<Half> {
        match s.to_ascii_lowercase().as_str() {
            "a" => Some(Half::A),
            "b" => Some(Half::B),
            _ => None,
        }
    }
}

/// Lower case, each run of characters other than letters, digits and `_` as one space, trimmed
/// (Python's `re.sub(r"\W+", " ", s.lower()).strip()`).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalization_matches_the_shared_scorers() {
        assert_eq!(
            normalize("  U.S. troops -- attacked!  "),
            "u s troops attacked"
        );
        assert_eq!(normalize("Zelenskyy's"), "zelenskyy s");
    }

    #[test]
    fn halves_are_stable_and_both_used() {
        let a = Half::of("The army attacked the town.");
        assert_eq!(a, Half::of("the army  attacked the town"));
        let halves: Vec<Half> = (0..40)
            .map(|i| Half::of(&format!("sentence {i}")))
            .collect();
        assert!(halves.contains(&Half::A) && halves.contains(&Half::B));
    }
}
