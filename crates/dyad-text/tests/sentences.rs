//! Sentence splitting on hard news passages: input -> expected sentence texts.

use std::path::PathBuf;

use dyad_text::SentenceSplitter;

const CASES: &[(&str, &[&str])] = &[
    // 1. Titles and ranks never end a sentence.
    (
        "Gen. Valery Gerasimov met Lt. Col. Ivanov on Monday. The talks lasted two hours.",
        &["Gen. Valery Gerasimov met Lt. Col. Ivanov on Monday.", "The talks lasted two hours."],
    ),
    (
        "Mr. Smith and Mrs. Jones met Dr. Brown and Sen. Rubio. They discussed Gov. Newsom's plan.",
        &[
            "Mr. Smith and Mrs. Jones met Dr. Brown and Sen. Rubio.",
            "They discussed Gov. Newsom's plan.",
        ],
    ),
    (
        "Adm. Tony Radakin and Capt. Smith briefed Rep. Adam Schiff and Prof. Ivanov. Amb. Lynne Tracy attended.",
        &[
            "Adm. Tony Radakin and Capt. Smith briefed Rep. Adam Schiff and Prof. Ivanov.",
            "Amb. Lynne Tracy attended.",
        ],
    ),
    // 2. Months.
    (
        "The vote is set for Sept. 30, officials said. It was delayed from Aug. 15.",
        &["The vote is set for Sept. 30, officials said.", "It was delayed from Aug. 15."],
    ),
    (
        "The ceasefire collapsed in Jan. The fighting resumed in Feb. 2023 near Bakhmut.",
        &["The ceasefire collapsed in Jan.", "The fighting resumed in Feb. 2023 near Bakhmut."],
    ),
    // 3. U.S., U.N., U.K., E.U.
    (
        "U.S. President Joe Biden met U.N. Secretary-General Antonio Guterres. They spoke for an hour.",
        &[
            "U.S. President Joe Biden met U.N. Secretary-General Antonio Guterres.",
            "They spoke for an hour.",
        ],
    ),
    (
        "Moscow imposed new sanctions on the U.S. The ministry said more measures would follow.",
        &[
            "Moscow imposed new sanctions on the U.S.",
            "The ministry said more measures would follow.",
        ],
    ),
    ("The move angered U.S. officials and U.S. Army commanders in Europe.", &[
        "The move angered U.S. officials and U.S. Army commanders in Europe.",
    ]),
    (
        "Talks between the U.K. and the E.U. stalled in Brussels. Both sides blamed each other.",
        &[
            "Talks between the U.K. and the E.U. stalled in Brussels.",
            "Both sides blamed each other.",
        ],
    ),
    // 4. Times.
    (
        "The blast occurred at 10:30 a.m. local time. Rescuers arrived at 11 p.m. Moscow time.",
        &["The blast occurred at 10:30 a.m. local time.", "Rescuers arrived at 11 p.m. Moscow time."],
    ),
    ("The curfew begins at 9 p.m. It ends at 6 a.m.", &[
        "The curfew begins at 9 p.m.",
        "It ends at 6 a.m.",
    ]),
    // 5. Initials.
    (
        "John F. Kennedy visited Berlin in 1963. J.R.R. Tolkien served in the war. George W. Bush spoke.",
        &[
            "John F. Kennedy visited Berlin in 1963.",
            "J.R.R. Tolkien served in the war.",
            "George W. Bush spoke.",
        ],
    ),
    // 6. Decimals, money and numbers.
    (
        "The economy grew 3.5 percent in 2022. Exports rose to $1.2 billion, or 1,200.5 million.",
        &[
            "The economy grew 3.5 percent in 2022.",
            "Exports rose to $1.2 billion, or 1,200.5 million.",
        ],
    ),
    (
        "The party's No. 3 official resigned. He was listed as No. 12 on the ballot.",
        &["The party's No. 3 official resigned.", "He was listed as No. 12 on the ballot."],
    ),
    ("The answer was no. The delegation left Geneva.", &[
        "The answer was no.",
        "The delegation left Geneva.",
    ]),
    (
        "Casualties reached 1,200 by Friday. 45 of them were children.",
        &["Casualties reached 1,200 by Friday.", "45 of them were children."],
    ),
    // 7. vs., etc., i.e., e.g.
    (
        "The case of Ukraine vs. Russia opened Monday. Judges will rule later.",
        &["The case of Ukraine vs. Russia opened Monday.", "Judges will rule later."],
    ),
    ("They seized rifles, grenades, etc. and burned the trucks.", &[
        "They seized rifles, grenades, etc. and burned the trucks.",
    ]),
    ("They seized rifles, grenades, etc. The army denied it.", &[
        "They seized rifles, grenades, etc.",
        "The army denied it.",
    ]),
    (
        "Heavy weapons, i.e. tanks and artillery, were withdrawn. Some, e.g. mortars, remained.",
        &[
            "Heavy weapons, i.e. tanks and artillery, were withdrawn.",
            "Some, e.g. mortars, remained.",
        ],
    ),
    // 8. Company suffixes.
    (
        "Gazprom signed a deal with Exxon Mobil Corp. and Shell Ltd. on Tuesday. Shares rose.",
        &["Gazprom signed a deal with Exxon Mobil Corp. and Shell Ltd. on Tuesday.", "Shares rose."],
    ),
    (
        "The contract went to Lockheed Martin Inc. The Pentagon confirmed the award.",
        &["The contract went to Lockheed Martin Inc.", "The Pentagon confirmed the award."],
    ),
    // 9. Places.
    (
        "He was born in St. Petersburg and lives on Park Ave. in New York. He is 70.",
        &["He was born in St. Petersburg and lives on Park Ave. in New York.", "He is 70."],
    ),
    // 10. Ellipsis.
    (
        "He said the talks were ... going well and would continue. Nobody believed him.",
        &["He said the talks were ... going well and would continue.", "Nobody believed him."],
    ),
    ("\"We will see... The talks resume Monday,\" he said.", &[
        "\"We will see...",
        "The talks resume Monday,\" he said.",
    ]),
    ("The envoy hesitated\u{2026} then agreed to the plan.", &[
        "The envoy hesitated\u{2026} then agreed to the plan.",
    ]),
    // 11. Quotes.
    ("\"We will fight,\" he said. \"We will never surrender.\"", &[
        "\"We will fight,\" he said.",
        "\"We will never surrender.\"",
    ]),
    ("\"It is over!\" he said. The crowd cheered.", &[
        "\"It is over!\" he said.",
        "The crowd cheered.",
    ]),
    (
        "\"How come?\" State Secretary Tamas Menczer said on Facebook.",
        &["\"How come?\"", "State Secretary Tamas Menczer said on Facebook."],
    ),
    (
        "\u{201C}We reject the ultimatum.\u{201D} The statement was issued late on Friday.",
        &["\u{201C}We reject the ultimatum.\u{201D}", "The statement was issued late on Friday."],
    ),
    (
        "He called the strike \u{2018}a provocation.\u{2019} Officials in Baku agreed.",
        &["He called the strike \u{2018}a provocation.\u{2019}", "Officials in Baku agreed."],
    ),
    (
        "\"The troops will leave. The bases will close by May,\" the minister said.",
        &["\"The troops will leave.", "The bases will close by May,\" the minister said."],
    ),
    (
        "\"Why should we negotiate?\" asked the commander. \"They broke every promise.\"",
        &["\"Why should we negotiate?\" asked the commander.", "\"They broke every promise.\""],
    ),
    (
        "He said: \"We will talk to the U.S.\" The talks began a week later.",
        &["He said: \"We will talk to the U.S.\"", "The talks began a week later."],
    ),
    // 12. Parentheses.
    (
        "He posted on Facebook (a site banned in Russia). He was criticised.",
        &["He posted on Facebook (a site banned in Russia).", "He was criticised."],
    ),
    (
        "The envoy left early. (The ministry declined to comment.) Protests continued.",
        &[
            "The envoy left early.",
            "(The ministry declined to comment.)",
            "Protests continued.",
        ],
    ),
    // 13. Question and exclamation marks.
    ("Why now? Because the deadline passed! Everyone knew it. Really?! Yes.", &[
        "Why now?",
        "Because the deadline passed!",
        "Everyone knew it.",
        "Really?!",
        "Yes.",
    ]),
    // 14. "... he said." endings and lists of sentences.
    (
        "The conflict will end soon, he said. Others disagreed, citing the shelling.",
        &["The conflict will end soon, he said.", "Others disagreed, citing the shelling."],
    ),
    (
        "Residents of the Armenian capital took to the streets to protest. The command for the Russian peacekeeping contingent said that civilians were being evacuated.",
        &[
            "Residents of the Armenian capital took to the streets to protest.",
            "The command for the Russian peacekeeping contingent said that civilians were being evacuated.",
        ],
    ),
    (
        "The U.S.-led coalition struck targets near Mosul. Iraq protested.",
        &["The U.S.-led coalition struck targets near Mosul.", "Iraq protested."],
    ),
    (
        "The group is linked to Hamas. al-Qaeda denied any role. Why? he asked.",
        &["The group is linked to Hamas.", "al-Qaeda denied any role.", "Why? he asked."],
    ),
    ("Is the war over? nobody in Kyiv thinks so. P.S. This was filed late.", &[
        "Is the war over?",
        "nobody in Kyiv thinks so.",
        "P.S. This was filed late.",
    ]),
    // 15. Paragraphs, line breaks, headings and bullets.
    ("Heading without a period\n\nThe first paragraph starts here. It continues.", &[
        "Heading without a period",
        "The first paragraph starts here.",
        "It continues.",
    ]),
    ("First paragraph ends without punctuation\n  \r\nSecond paragraph", &[
        "First paragraph ends without punctuation",
        "Second paragraph",
    ]),
    ("The minister said the talks would\ncontinue next week in Geneva.", &[
        "The minister said the talks would\ncontinue next week in Geneva.",
    ]),
    (
        "Hungary Criticises West Over Karabakh\nA senior Hungarian diplomat pointed to the West's different approaches to the conflicts.",
        &[
            "Hungary Criticises West Over Karabakh",
            "A senior Hungarian diplomat pointed to the West's different approaches to the conflicts.",
        ],
    ),
    (
        "The rebels listed their demands:\n- withdrawal of troops\n- release of prisoners",
        &["The rebels listed their demands:", "- withdrawal of troops", "- release of prisoners"],
    ),
    (
        "Talks with Armenian officials\nMinister Ararat Mirzoyan said the talks with Baku had stalled over the corridor.",
        &[
            "Talks with Armenian officials",
            "Minister Ararat Mirzoyan said the talks with Baku had stalled over the corridor.",
        ],
    ),
];

#[test]
fn news_passages_split_as_expected() {
    let splitter = SentenceSplitter::new();
    let mut failures = Vec::new();
    for (input, expected) in CASES {
        let got: Vec<String> = splitter.split(input).into_iter().map(|s| s.text).collect();
        if got != *expected {
            failures.push(format!(
                "input:    {input:?}\nexpected: {expected:?}\ngot:      {got:?}"
            ));
        }
    }
    assert!(CASES.len() >= 30);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn offsets_and_trimming() {
    let text =
        "  First sentence.   Second one, with \u{00A0}spaces.\u{00A0} \n\n Third\u{2019}s turn.  ";
    let sentences = SentenceSplitter::new().split(text);
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "First sentence.",
            "Second one, with \u{00A0}spaces.",
            "Third\u{2019}s turn."
        ]
    );
    for s in &sentences {
        assert_eq!(&text[s.start..s.end], s.text);
    }
}

#[test]
fn empty_and_blank_inputs() {
    let splitter = SentenceSplitter::new();
    assert!(splitter.split("").is_empty());
    assert!(splitter.split(" \n\n \t ").is_empty());
    assert_eq!(splitter.split("No final punctuation").len(), 1);
    assert_eq!(splitter.split("...").len(), 1);
}

#[test]
fn tass_hungary_karabakh_story() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/tass-2023-09-20-hungary-karabakh.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        dyad_model::testing::skipped(&format!("{} not found", path.display()));
        return;
    };
    // Another crate strips the dateline "BUDAPEST, September 20. /TASS/."; do the same.
    let marker = "/TASS/.";
    let body_start = raw.find(marker).map_or(0, |i| i + marker.len());
    let body = &raw[body_start..];
    let sentences = SentenceSplitter::new().split(body);
    for s in &sentences {
        assert_eq!(&body[s.start..s.end], s.text);
    }
    let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
    let expected = [
        "A senior Hungarian diplomat pointed to the West's different approaches to the conflicts in Nagorno-Karabakh and Ukraine: in the first case the EU and the US call for peace, while in the second they support military action.",
        "\"Brussels, America and the whole international community are calling for a ceasefire and talks in the Nagorno-Karabakh situation.",
        "And only Hungary calls for the same in the Russia-Ukraine war.",
        "How come?\"",
        "State Secretary of Information and International Representation of Hungarian Foreign and Trade Ministry Tamas Menczer said on his Facebook (a social media site banned in Russia since it is owned by Meta corporation deemed extremist by the Russian authorities), adding that everyone should also call for peace in Ukraine.",
        "The Hungarian government has been systematically calling for a diplomatic settlement in Ukraine ever since the start of Russia\u{2019}s special military operation, suggesting an immediate ceasefire and peace talks.",
        "At the same time, the EU and the US continue to supply the Ukrainian army with weapons and military equipment.",
        "The conflict between Azerbaijan and Armenia over Nagorno-Karabakh has been going on since the late 1980s.",
        "On September 19, tensions flared up again in Nagorno-Karabakh.",
        "Baku announced it was launching what it described as \"local anti-terrorist measures\" and demanded the withdrawal of Armenian troops from the region.",
        "Yerevan, in turn, said there were no Armenian forces in Karabakh, calling what was happening \"an act of large-scale aggression.\"",
        "Residents of the Armenian capital took to the streets to protest outside the Armenian government building, blaming the country\u{2019}s leadership and Prime Minister Nikol Pashinyan for the situation.",
        "The command for the Russian peacekeeping contingent in Nagorno-Karabakh said that civilians were being evacuated and urged the parties to the conflict to cease fire immediately.",
        "The Russian Foreign Ministry has called on the conflicting sides to prevent civilian casualties, stop the bloodshed, and go back to honoring the agreements between the leaders of Russia, Azerbaijan and Armenia.",
    ];
    assert_eq!(texts, expected);
    // The two facts the story is known for: "How come?" closes the sentence before the
    // State Secretary's, which runs through the parenthesis to "in Ukraine.".
    let state = texts
        .iter()
        .position(|t| t.starts_with("State Secretary"))
        .unwrap();
    assert!(texts[state - 1].ends_with("How come?\""));
    assert!(texts[state].ends_with("adding that everyone should also call for peace in Ukraine."));
}
