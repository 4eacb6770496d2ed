//! Other spellings of a person's name, as wire copy writes it: without diacritics ("Erdoğan"
//! as "Erdogan") and, for names romanized from Russian, Ukrainian or Belarusian, the usual
//! variants of their endings and letters ("Zelenski", "Zelensky", "Zelenskiy", "Zelenskyy";
//! "Aleksandr", "Alexander"; "Sergey", "Sergei"); the usual spellings of common Arabic given
//! names ("Mohammad", "Mohammed", "Muhammad", "Mohamed"); and the short forms of a long label
//! ("Luis Alberto Arce Catacora" is "Luis Arce" in the news, "Abiy Ahmed Ali" "Abiy Ahmed"):
//! the first name with the second-to-last word (a Spanish paternal surname, an Ethiopian
//! father's name) and with the last.

/// Countries whose names are romanized from Cyrillic, where the variants apply.
const CYRILLIC: &[&str] = &[
    "RUS", "UKR", "BLR", "KAZ", "KGZ", "TJK", "UZB", "TKM", "MDA", "SRB", "BGR", "MKD", "MNE",
    "SUN",
];

/// At most this many spellings of one name (the variants multiply across its words).
const MAX_SPELLINGS: usize = 12;

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

/// Portuguese given names of monarchs and popes with their English forms (the Wikidata extract's
/// labels are Portuguese-first: "Carlos III do Reino Unido", "Papa Francisco").
const EXONYMS: &[(&str, &[&str])] = &[
    ("carlos", &["charles"]),
    ("guilherme", &["willem", "william"]),
    ("frederico", &["frederik"]),
    ("alberto", &["albert"]),
    ("henrique", &["henri"]),
    ("margarida", &["margrethe"]),
    ("isabel", &["elizabeth"]),
    ("jorge", &["george"]),
    ("joão", &["john"]),
    ("luís", &["louis"]),
    ("filipe", &["felipe", "philippe", "philip"]),
    ("francisco", &["francis"]),
    ("bento", &["benedict"]),
    ("paulo", &["paul"]),
    ("pio", &["pius"]),
    ("leão", &["leo"]),
    ("eduardo", &["edward"]),
    ("alexandre", &["alexander"]),
];

/// A regnal numeral ("III", "XIV").
pub(crate) fn is_numeral(w: &str) -> bool {
    !w.is_empty() && w.len() <= 5 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// The English names of a monarch or pope whose label is Portuguese ("Carlos III do Reino
/// Unido" -> "charles iii", "king charles iii", "king charles"; "Papa Francisco" -> "pope
/// francis"; "Naruhito, Príncipe Herdeiro do Japão" -> "naruhito"), raw (to be cleaned); none
/// for other labels. `country` is the person's (the Holy See's head is the pope).
pub fn english_forms(label: &str, country: &str) -> Vec<String> {
    let base = label.split(", ").next().unwrap_or(label);
    let mut words: Vec<&str> = base.split(' ').collect();
    let pope = words.first() == Some(&"Papa") || country == "VAT";
    if words.first() == Some(&"Papa") {
        words.remove(0);
    }
    let numeral = words.iter().position(|w| is_numeral(w));
    if let Some(n) = numeral {
        words.truncate(n + 1);
    }
    if numeral.is_none() && !pope {
        // only the title after a comma ("Naruhito, Príncipe Herdeiro do Japão")
        // (one word only if it is no common given name: "Carlos, Conde de Flandres" is not "Carlos")
        let one_name = !base.contains(' ')
            && (base.chars().count() < 6
                || EXONYMS.iter().any(|(pt, _)| *pt == base.to_lowercase()));
        return if base != label && !one_name {
            vec![base.to_string()]
        } else {
            Vec::new()
        };
    }
    let given: Vec<&str> = words.iter().copied().filter(|w| !is_numeral(w)).collect();
    let numeral = numeral.and_then(|n| words.get(n)).copied();
    let lower: Vec<String> = given.iter().map(|w| w.to_lowercase()).collect();
    // each given name in English where the table has it, else as it is
    let mut names = vec![String::new()];
    for w in &lower {
        let forms: Vec<&str> = EXONYMS
            .iter()
            .find(|(pt, _)| pt == w)
            .map_or(vec![w.as_str()], |(_, en)| en.to_vec());
        names = names
            .iter()
            .flat_map(|n| {
                forms
                    .iter()
                    .map(move |f| format!("{n} {f}").trim().to_string())
            })
            .collect();
    }
    let title = if pope { "pope" } else { "king" };
    let mut out = Vec::new();
    for name in names {
        if let Some(num) = numeral {
            out.push(format!("{name} {num}"));
            out.push(format!("{title} {name} {num}"));
        }
        out.push(format!("{title} {name}"));
    }
    out
}

/// Groups of spellings of one Arabic given name.
const ARABIC: &[&[&str]] = &[
    // "maomé": the Portuguese labels of some Wikidata entries
    &[
        "mohammad", "mohammed", "muhammad", "mohamed", "maomé", "maome",
    ],
    &["ahmad", "ahmed"],
    &["abdul", "abdel", "abdal"],
    &["abdullah", "abdallah"],
    &["hussein", "hussain", "husain", "hossein"],
    &["khalid", "khaled"],
    &["mahmoud", "mahmud"],
    &["mustafa", "mustapha", "moustafa"],
    &["yousef", "yusuf", "youssef", "yousuf"],
    &["omar", "umar"],
];

/// Particles that open or join the parts of a name; a short form never ends on one.
const PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "el", "de", "da", "do", "dos", "van", "von", "der", "del", "la", "y",
];

/// Countries whose names are written family name first, in syllables ("Lee Jae-myung",
/// "Kim Jong Un"): a short form would be another person's name.
const FAMILY_FIRST: &[&str] = &[
    "CHN", "TWN", "HKG", "KOR", "PRK", "VNM", "JPN", "SGP", "MMR", "KHM", "LAO",
];

/// Countries whose people a later mention calls by the first word of their name: the family
/// name written first ("Xi Jinping" is "Xi", "Hun Sen" "Hun"), or the given name where the
/// second name is the father's ("Abiy Ahmed" is "Abiy").
const FIRST_WORD_NAMES: &[&str] = &["CHN", "TWN", "HKG", "KOR", "PRK", "KHM", "ETH", "ERI"];

/// Whether a later mention of a person of `country` uses the first word of their name.
pub fn named_by_first_word(country: &str) -> bool {
    FIRST_WORD_NAMES.contains(&country)
}

/// The short forms of a label of three words or more: the first word with the second-to-last
/// and with the last.
fn short_forms(words: &[&str], country: &str) -> Vec<String> {
    let n = words.len();
    // a regnal name ("king charles iii") has no short form either
    let regnal = words.iter().any(|w| is_numeral(&w.to_uppercase()))
        || matches!(words.first(), Some(&"king" | &"pope"));
    if n < 3
        || regnal
        || words.iter().any(|w| PARTICLES.contains(w))
        || FAMILY_FIRST.contains(&country)
    {
        return Vec::new();
    }
    let [first, .., penult, last] = words else {
        return Vec::new();
    };
    let mut out: Vec<String> = [penult, last]
        .iter()
        .map(|w| format!("{first} {w}"))
        .collect();
    // "Bassirou Diomaye Diakhar Faye" is "Bassirou Diomaye Faye"
    if let [_, second, _, _, ..] = words {
        out.push(format!("{first} {second} {last}"));
    }
    out
}

/// "Mohamed bin Zayed al Nahyan" is "Mohamed bin Zayed": a patronymic name without the family
/// name after it.
fn without_family_name(words: &[&str]) -> Option<String> {
    let bin = words.iter().position(|w| matches!(*w, "bin" | "ibn"))?;
    let family = words
        .iter()
        .rposition(|w| matches!(*w, "al" | "el" | "āl"))?;
    let given = words.get(..family).filter(|_| family > bin + 1)?;
    Some(given.join(" "))
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
    let mut push = |v: String| {
        if !out.contains(&v) && out.len() < MAX_SPELLINGS {
            out.push(v);
        }
    };
    // "Lai Ching\u{2011}te" (a non-breaking hyphen), "Shia'": as wire copy writes them
    let folded: String = fold_diacritics(phrase)
        .replace(['\u{2010}', '\u{2011}'], " ")
        .replace("' ", " ")
        .trim_end_matches('\'')
        .to_string();
    let words: Vec<&str> = folded.split(' ').collect();
    let mut bases = vec![folded.clone()];
    bases.extend(short_forms(&words, country));
    bases.extend(without_family_name(&words));
    let cyrillic = CYRILLIC.contains(&country);
    for base in &bases {
        push(base.clone());
        for v in word_variants(base, cyrillic) {
            push(v);
        }
    }
    out
}

/// A phrase with its words in their other spellings (Arabic given names; Cyrillic endings).
fn word_variants(phrase: &str, cyrillic: bool) -> Vec<String> {
    let mut combos = vec![String::new()];
    for word in phrase.split(' ') {
        let vs: Vec<String> = match ARABIC.iter().find(|g| g.contains(&word)) {
            Some(group) => group.iter().map(|v| v.to_string()).collect(),
            None if cyrillic => cyrillic_word(word),
            None => vec![word.to_string()],
        };
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
    combos
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_diacritics() {
        let e = spellings("recep tayyip erdoğan", "TUR");
        assert_eq!(e[..2], ["recep tayyip erdoğan", "recep tayyip erdogan"]);
        // names written family name first have no short forms
        assert_eq!(spellings("lee jae myung", "KOR"), ["lee jae myung"]);
        assert_eq!(spellings("joe biden", "USA"), ["joe biden"]);
    }

    #[test]
    fn long_labels_give_their_short_forms_and_arabic_names_their_spellings() {
        let a = spellings("luis alberto arce catacora", "BOL");
        assert!(a.contains(&"luis arce".to_string()), "{a:?}");
        let m = spellings("mohammad bin salman", "SAU");
        assert!(m.contains(&"mohammed bin salman".to_string()), "{m:?}");
        // no short form across a particle
        assert!(!m.contains(&"mohammad bin".to_string()), "{m:?}");
        let z = spellings("maomé bin zayed al nahyan", "ARE");
        assert!(z.contains(&"mohamed bin zayed".to_string()), "{z:?}");
        let s = spellings("mohammed shia' al sudani", "IRQ");
        assert!(s.contains(&"mohammed shia al sudani".to_string()), "{s:?}");
        let l = spellings("lai ching\u{2011}te", "TWN");
        assert!(l.contains(&"lai ching te".to_string()), "{l:?}");
    }

    #[test]
    fn portuguese_labels_of_monarchs_and_popes_give_their_english_names() {
        let c = english_forms("Carlos III do Reino Unido", "GBR");
        for v in ["charles III", "king charles III", "king charles"] {
            assert!(c.contains(&v.to_string()), "{c:?}");
        }
        assert!(english_forms("Papa Francisco", "VAT").contains(&"pope francis".to_string()));
        assert!(english_forms("Leão XIV", "VAT").contains(&"pope leo XIV".to_string()));
        assert_eq!(
            english_forms("Naruhito, Príncipe Herdeiro do Japão", "JPN"),
            ["Naruhito"]
        );
        assert!(english_forms("Luiz Inácio Lula da Silva", "BRA").is_empty());
        assert!(english_forms("Carlos, Conde de Flandres", "BEL").is_empty());
    }

    #[test]
    fn cyrillic_names_take_their_usual_romanizations() {
        let z = spellings("volodymyr zelenski", "UKR");
        for v in [
            "volodymyr zelensky",
            "volodymyr zelenskiy",
            "volodymyr zelenskyy",
        ] {
            assert!(z.contains(&v.to_string()), "{z:?}");
        }
        let l = spellings("aleksandr lukashenko", "BLR");
        assert!(l.contains(&"alexander lukashenko".to_string()), "{l:?}");
        let s = spellings("sergey lavrov", "RUS");
        assert!(s.contains(&"sergei lavrov".to_string()), "{s:?}");
        assert_eq!(spellings("sergey lavrov", "USA").len(), 1);
    }
}
