//! Other spellings of a person's name, as wire copy writes it: without diacritics ("Erdoğan"
//! as "Erdogan") and, for names romanized from Russian, Ukrainian or Belarusian, the usual
//! variants of their endings and letters ("Zelenski", "Zelensky", "Zelenskiy", "Zelenskyy";
//! "Aleksandr", "Alexander"; "Sergey", "Sergei").

/// Countries whose names are romanized from Cyrillic, where the variants apply.
const CYRILLIC: &[&str] = &[
    "RUS", "UKR", "BLR", "KAZ", "KGZ", "TJK", "UZB", "TKM", "MDA", "SRB", "BGR", "MKD", "MNE", "SUN",
];

/// At most this many spellings of one name (the variants multiply across its words).
const MAX_SPELLINGS: usize = 16;

/// Latin letters with diacritics as their base letter ("ğ" -> "g", "é" -> "e"); other
/// characters as they are.
pub fn fold_diacritics(s: &str) -> String {
    const FROM: &str = "àáâãäåāăąçćčďđèéêëēėęěğģìíîïīįıķĺļľłñńņňòóôõöøōőŕřśşšșţťțùúûüūůűųýÿźżžə";
    const TO: &str = "aaaaaaaaacccddeeeeeeeeggiiiiiiikllllnnnnoooooooorrsssstttuuuuuuuuyyzzze";
    s.chars()
        .map(|c| {
            FROM.chars()
                .position(|f| f == c)
                .and_then(|i| TO.chars().nth(i))
                .unwrap_or(c)
        })
        .collect()
}

/// The spellings of one word of a Cyrillic name: its ending's romanizations and "ks" as "x".
fn cyrillic_word(w: &str) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let stem_of = |suffixes: &[&str]| {
        suffixes
            .iter()
            .find_map(|s| w.strip_suffix(s).filter(|stem| stem.len() >= 3))
    };
    // "-skiy", "-skyy", "-sky", "-ski", "-skyi": Zelensky, Syrskyi
    if let Some(stem) = stem_of(&["skiy", "skyy", "skyi", "sky", "ski"]) {
        out.extend(["sky", "ski", "skiy", "skyy", "skyi"].map(|e| format!("{stem}{e}")));
    } else if let Some(stem) = stem_of(&["ey", "ei"]) {
        // Sergey, Sergei; Aleksey, Alexei
        out.extend(["ey", "ei"].map(|e| format!("{stem}{e}")));
    } else if let Some(stem) = stem_of(&["iy", "yy", "ii", "y"]) {
        // Dmitriy, Dmitry, Dmitrii; Andriy, Andrii
        if !stem.ends_with(['a', 'e', 'o', 'u']) {
            out.extend(["y", "iy", "ii", "i"].map(|e| format!("{stem}{e}")));
        }
    }
    if w == "aleksandr" || w == "alexandr" {
        out.push("alexander".to_string());
    }
    let with_x: Vec<String> = out
        .iter()
        .filter(|v| v.contains("ks"))
        .map(|v| v.replace("ks", "x"))
        .collect();
    out.extend(with_x);
    let mut seen = Vec::new();
    out.retain(|v| {
        let new = !seen.contains(v);
        seen.push(v.clone());
        new
    });
    out
}

/// The spellings of a cleaned name phrase for a person of `country` (CAMEO code): the
/// phrase, without diacritics, and the Cyrillic variants; the phrase itself first.
pub fn spellings(phrase: &str, country: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    let folded = fold_diacritics(phrase);
    if folded != phrase {
        out.push(folded.clone());
    }
    if CYRILLIC.contains(&country) {
        let mut combos = vec![String::new()];
        for word in folded.split(' ') {
            let vs = cyrillic_word(word);
            combos = combos
                .iter()
                .flat_map(|c| {
                    vs.iter().map(move |v| {
                        if c.is_empty() {
                            v.clone()
                        } else {
                            format!("{c} {v}")
                        }
                    })
                })
                .take(MAX_SPELLINGS)
                .collect();
        }
        for c in combos {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_diacritics() {
        assert_eq!(spellings("recep tayyip erdoğan", "TUR"), ["recep tayyip erdoğan", "recep tayyip erdogan"]);
        assert_eq!(spellings("joe biden", "USA"), ["joe biden"]);
    }

    #[test]
    fn cyrillic_names_take_their_usual_romanizations() {
        let z = spellings("volodymyr zelenski", "UKR");
        for v in ["volodymyr zelensky", "volodymyr zelenskiy", "volodymyr zelenskyy"] {
            assert!(z.contains(&v.to_string()), "{z:?}");
        }
        let l = spellings("aleksandr lukashenko", "BLR");
        assert!(l.contains(&"alexander lukashenko".to_string()), "{l:?}");
        let s = spellings("sergey lavrov", "RUS");
        assert!(s.contains(&"sergei lavrov".to_string()), "{s:?}");
        assert!(spellings("sergey lavrov", "USA").len() == 1);
    }
}
