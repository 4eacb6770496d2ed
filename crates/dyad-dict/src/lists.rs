//! Files of keyed word lists: `KEY<TAB>item|item|...` lines (`#` comments, blank lines), as
//! the verb classes, the titles and the sector sets are written. Several files (the embedded
//! one, then a user's overlay) add to one another; every line counts.

use crate::DictError;

/// The (key, item) pairs of `texts` (`(file name, text)`), items trimmed and lower-cased;
/// `key` reads a key or says what is wrong with it. Errors name the file and line.
pub(crate) fn parse_lists<K: Clone>(
    texts: &[(&str, &str)],
    key: impl Fn(&str) -> Result<K, String>,
) -> Result<Vec<(K, String)>, DictError> {
    let mut out = Vec::new();
    for (file, text) in texts {
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let syntax = |message: String| DictError::Syntax {
                file: file.to_string(),
                line: i + 1,
                message,
            };
            let (name, items) = line
                .split_once('\t')
                .ok_or_else(|| syntax("expected KEY<TAB>item|item|...".into()))?;
            let k = key(name.trim()).map_err(syntax)?;
            for item in items.split('|').map(str::trim).filter(|l| !l.is_empty()) {
                out.push((k.clone(), item.to_lowercase()));
            }
        }
    }
    Ok(out)
}

/// An enum of the keys a list file may use, with their names in the files: `ALL`, `name()`,
/// and `parse_key()` (the key, or an error listing the names, for [`parse_lists`]).
macro_rules! list_keys {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name used in the data files.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }

            /// The key named `name`, or an error naming `what` was expected.
            fn parse_key(name: &str, what: &str) -> Result<$name, String> {
                Self::ALL.iter().copied().find(|k| k.name() == name).ok_or_else(|| {
                    let names: Vec<&str> = Self::ALL.iter().map(|k| k.name()).collect();
                    format!("unknown {what} {name:?}: use one of {}", names.join(", "))
                })
            }
        }
    };
}
pub(crate) use list_keys;
