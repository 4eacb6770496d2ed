//! Tokenization in UD English EWT conventions: input -> expected token forms.

use dyad_text::Tokenizer;

const CASES: &[(&str, &[&str])] = &[
    // Clitics.
    ("I don't know.", &["I", "do", "n't", "know", "."]),
    (
        "They can't and won't.",
        &["They", "ca", "n't", "and", "wo", "n't", "."],
    ),
    (
        "We cannot accept it.",
        &["We", "can", "not", "accept", "it", "."],
    ),
    (
        "I'm sure they're right",
        &["I", "'m", "sure", "they", "'re", "right"],
    ),
    (
        "we've he'll she'd",
        &["we", "'ve", "he", "'ll", "she", "'d"],
    ),
    ("DON'T Don\u{2019}t", &["DO", "N'T", "Do", "n\u{2019}t"]),
    ("Russia's army", &["Russia", "'s", "army"]),
    ("Russia\u{2019}s army", &["Russia", "\u{2019}s", "army"]),
    (
        "the member states' votes",
        &["the", "member", "states", "'", "votes"],
    ),
    ("I'm gonna go", &["I", "'m", "gon", "na", "go"]),
    ("O'Brien in the 1960's", &["O'Brien", "in", "the", "1960's"]),
    ("the U.S.'s position", &["the", "U.S.", "'s", "position"]),
    // Abbreviations.
    (
        "U.S. officials met Gen. Gerasimov at 10 a.m. today.",
        &[
            "U.S.",
            "officials",
            "met",
            "Gen.",
            "Gerasimov",
            "at",
            "10",
            "a.m.",
            "today",
            ".",
        ],
    ),
    (
        "sanctions on the U.S.",
        &["sanctions", "on", "the", "U.S", "."],
    ),
    (
        "John F. Kennedy and J.R.R. Tolkien",
        &["John", "F.", "Kennedy", "and", "J.R.R.", "Tolkien"],
    ),
    (
        "ranked No. 3, he said no.",
        &["ranked", "No.", "3", ",", "he", "said", "no", "."],
    ),
    (
        "rifles, etc. and more, etc.",
        &["rifles", ",", "etc.", "and", "more", ",", "etc", "."],
    ),
    (
        "Exxon Corp.'s unit, e.g. Shell",
        &["Exxon", "Corp.", "'s", "unit", ",", "e.g.", "Shell"],
    ),
    // Numbers.
    ("$1.2 billion", &["$", "1.2", "billion"]),
    (
        "1,000.5 tons, 50% more",
        &["1,000.5", "tons", ",", "50", "%", "more"],
    ),
    (
        "at 10:30 on 2023-09-20",
        &["at", "10:30", "on", "2023-09-20"],
    ),
    (
        "after 9/11, half (1/2) left",
        &[
            "after", "9/11", ",", "half", "(", "1", "/", "2", ")", "left",
        ],
    ),
    (
        "call 713-853-3989 by 5pm",
        &["call", "713-853-3989", "by", "5", "pm"],
    ),
    (
        "pages 3-4 and US$4.5 million",
        &["pages", "3", "-", "4", "and", "US$", "4.5", "million"],
    ),
    // Hyphens.
    (
        "non-stop post-war anti-American",
        &["non-stop", "post-war", "anti-American"],
    ),
    (
        "mid-September e-mail co-operation",
        &["mid-September", "e-mail", "co-operation"],
    ),
    ("Nagorno-Karabakh", &["Nagorno", "-", "Karabakh"]),
    (
        "large-scale self-defense",
        &["large", "-", "scale", "self", "-", "defense"],
    ),
    (
        "the U.S.-led coalition",
        &["the", "U.S.", "-", "led", "coalition"],
    ),
    // Punctuation.
    (
        "\"We will fight,\" he said.",
        &["\"", "We", "will", "fight", ",", "\"", "he", "said", "."],
    ),
    (
        "\u{201C}No\u{201D} \u{2018}yes\u{2019}",
        &["\u{201C}", "No", "\u{201D}", "\u{2018}", "yes", "\u{2019}"],
    ),
    ("(a site), adding", &["(", "a", "site", ")", ",", "adding"]),
    (
        "war \u{2014} and -- peace",
        &["war", "\u{2014}", "and", "--", "peace"],
    ),
    (
        "wait... what?! No!!!",
        &["wait", "...", "what", "?!", "No", "!!!"],
    ),
    ("Why?\"", &["Why", "?", "\""]),
    ("[Moscow]: end;", &["[", "Moscow", "]", ":", "end", ";"]),
    // URLs, e-mail addresses, hashtags, handles.
    (
        "See http://www.example.com/a_b?q=1. Or www.tass.com, ok",
        &[
            "See",
            "http://www.example.com/a_b?q=1",
            ".",
            "Or",
            "www.tass.com",
            ",",
            "ok",
        ],
    ),
    (
        "write to press@example.org.",
        &["write", "to", "press@example.org", "."],
    ),
    (
        "#Karabakh via @tass_agency",
        &["#Karabakh", "via", "@tass_agency"],
    ),
    ("item #3", &["item", "#", "3"]),
];

#[test]
fn forms_follow_ewt_conventions() {
    let tokenizer = Tokenizer::new();
    let mut failures = Vec::new();
    for (input, expected) in CASES {
        let got: Vec<String> = tokenizer
            .tokenize(input)
            .into_iter()
            .map(|t| t.form)
            .collect();
        if got != *expected {
            failures.push(format!(
                "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}"
            ));
        }
    }
    assert!(CASES.len() >= 25);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn offsets_are_byte_offsets_into_the_input() {
    let text = "Россия’s “U.S.” don't\u{00A0}café-bar…";
    let tokens = Tokenizer::new().tokenize(text);
    let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
    assert_eq!(
        forms,
        [
            "Россия",
            "’s",
            "“",
            "U.S.",
            "”",
            "do",
            "n't",
            "café",
            "-",
            "bar",
            "…"
        ]
    );
    for t in &tokens {
        assert_eq!(&text[t.start..t.end], t.form);
    }
}

#[test]
fn spans_match_tokens() {
    let tokenizer = Tokenizer::new();
    let text = "The ministry's U.S.-made drones can't fly.";
    let spans = tokenizer.spans(text);
    let tokens = tokenizer.tokenize(text);
    assert_eq!(spans.len(), tokens.len());
    for ((s, e), t) in spans.iter().zip(&tokens) {
        assert_eq!((*s, *e), (t.start, t.end));
    }
    assert!(tokenizer.tokenize("").is_empty());
    assert!(tokenizer.tokenize(" \t\n").is_empty());
}
