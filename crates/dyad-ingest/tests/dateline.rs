//! Wire datelines: every supported form, and sentence openings that must not be taken for one.

use chrono::NaiveDate;
use dyad_ingest::{document_from_text, parse_dateline, Origin};

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Parses `text` with document date 2023-09-20 and checks place, date, agency and the body.
#[track_caller]
fn check(text: &str, place: &str, date: Option<NaiveDate>, agency: Option<&str>, body: &str) {
    let (dl, len) =
        parse_dateline(text, ymd(2023, 9, 20)).unwrap_or_else(|| panic!("no dateline in {text:?}"));
    assert_eq!(dl.place.as_deref(), Some(place), "place of {text:?}");
    assert_eq!(dl.date, date, "date of {text:?}");
    assert_eq!(dl.agency.as_deref(), agency, "agency of {text:?}");
    assert_eq!(&text[len..], body, "body of {text:?}");
}

#[test]
fn tass_slash_marker() {
    let text = "BUDAPEST, September 20. /TASS/. A senior Hungarian diplomat said";
    check(
        text,
        "Budapest",
        ymd(2023, 9, 20),
        Some("TASS"),
        "A senior Hungarian diplomat said",
    );
    let (dl, _) = parse_dateline(text, None).unwrap();
    assert_eq!(dl.raw, "BUDAPEST, September 20. /TASS/.");
    // Without a document date there is no year to give the date.
    assert_eq!(dl.date, None);
}

#[test]
fn reuters_with_date() {
    check(
        "MOSCOW, Sept 20 (Reuters) - Russia said",
        "Moscow",
        ymd(2023, 9, 20),
        Some("Reuters"),
        "Russia said",
    );
}

#[test]
fn ap_without_date() {
    check(
        "WASHINGTON (AP) — The Senate voted",
        "Washington",
        None,
        Some("AP"),
        "The Senate voted",
    );
}

#[test]
fn place_with_region_no_agency() {
    check(
        "KYIV, Ukraine — Drones struck",
        "Kyiv, Ukraine",
        None,
        None,
        "Drones struck",
    );
}

#[test]
fn london_reuters() {
    check(
        "LONDON (Reuters) - Britain will",
        "London",
        None,
        Some("Reuters"),
        "Britain will",
    );
}

#[test]
fn multi_word_place() {
    check(
        "UNITED NATIONS (AP) — The Security Council",
        "United Nations",
        None,
        Some("AP"),
        "The Security Council",
    );
}

#[test]
fn afp_double_hyphen() {
    check(
        "NEW YORK, March 3 (AFP) -- Stocks fell",
        "New York",
        ymd(2023, 3, 3),
        Some("AFP"),
        "Stocks fell",
    );
}

#[test]
fn xinhua_abbreviated_month() {
    check(
        "BEIJING, Jan. 5 (Xinhua) -- China and",
        "Beijing",
        ymd(2023, 1, 5),
        Some("Xinhua"),
        "China and",
    );
}

#[test]
fn bare_place_and_dash() {
    check(
        "GENEVA — Talks resumed",
        "Geneva",
        None,
        None,
        "Talks resumed",
    );
    check(
        "GENEVA - Talks resumed",
        "Geneva",
        None,
        None,
        "Talks resumed",
    );
    check(
        "GENEVA – Talks resumed",
        "Geneva",
        None,
        None,
        "Talks resumed",
    );
}

#[test]
fn explicit_year_wins() {
    check(
        "PARIS, Sept. 20, 2021 (AP) — France",
        "Paris",
        ymd(2021, 9, 20),
        Some("AP"),
        "France",
    );
    // Explicit year with no document date at all.
    let (dl, _) = parse_dateline("PARIS, Sept. 20, 2023 (AP) — France", None).unwrap();
    assert_eq!(dl.date, ymd(2023, 9, 20));
}

#[test]
fn mixed_case_place_day_month_tass() {
    check(
        "Tbilisi, 12 May /TASS/. Georgia's",
        "Tbilisi",
        ymd(2023, 5, 12),
        Some("TASS"),
        "Georgia's",
    );
}

#[test]
fn region_and_agency() {
    check(
        "KYIV, Ukraine (AP) — Russia launched",
        "Kyiv, Ukraine",
        None,
        Some("AP"),
        "Russia launched",
    );
}

#[test]
fn other_variants() {
    check(
        "ISLAMABAD/PENTAGON — A United States",
        "Islamabad/Pentagon",
        None,
        None,
        "A United States",
    );
    check(
        "MARANCHON, SPAIN — The air",
        "Maranchon, Spain",
        None,
        None,
        "The air",
    );
    check(
        "ST. PETERSBURG, June 16 /TASS/. Putin",
        "St. Petersburg",
        ymd(2023, 6, 16),
        Some("TASS"),
        "Putin",
    );
    check(
        "PORT-AU-PRINCE, Haiti (AP) — Gangs",
        "Port-au-Prince, Haiti",
        None,
        Some("AP"),
        "Gangs",
    );
    check(
        "RIO DE JANEIRO (Reuters) - Brazil",
        "Rio de Janeiro",
        None,
        Some("Reuters"),
        "Brazil",
    );
    check(
        "N'DJAMENA (Reuters) - Chad",
        "N'Djamena",
        None,
        Some("Reuters"),
        "Chad",
    );
    check(
        "WASHINGTON, D.C. — Congress",
        "Washington, D.C.",
        None,
        None,
        "Congress",
    );
    check(
        "LOS ANGELES, Calif. (AP) — Fires",
        "Los Angeles, Calif.",
        None,
        Some("AP"),
        "Fires",
    );
    check(
        "KHAN YOUNIS, Gaza Strip, Jan. 5 (AP) — Strikes",
        "Khan Younis, Gaza Strip",
        ymd(2023, 1, 5),
        Some("AP"),
        "Strikes",
    );
    check(
        "THE HAGUE (Reuters) - The court",
        "The Hague",
        None,
        Some("Reuters"),
        "The court",
    );
    check(
        "Paris (AFP) - France said",
        "Paris",
        None,
        Some("AFP"),
        "France said",
    );
    check(
        "MOSCOW. /TASS/. Russia",
        "Moscow",
        None,
        Some("TASS"),
        "Russia",
    );
    check(
        "  \n  BLANTYRE — Rastafarian",
        "Blantyre",
        None,
        None,
        "Rastafarian",
    );
    check("GENEVA —\n\nTalks", "Geneva", None, None, "Talks");
    check(
        "BUDAPEST, September 20th /TASS/. x",
        "Budapest",
        ymd(2023, 9, 20),
        Some("TASS"),
        "x",
    );
    check(
        "Boulder, CO, Feb. 23 (UPI) -- The",
        "Boulder, CO",
        ymd(2023, 2, 23),
        Some("UPI"),
        "The",
    );
    check(
        "WASHINGTON (CNN) -- The",
        "Washington",
        None,
        Some("CNN"),
        "The",
    );
    check(
        "NEW DELHI - India said",
        "New Delhi",
        None,
        None,
        "India said",
    );
    check(
        "PONCHATOULA, La. -- \"We",
        "Ponchatoula, La.",
        None,
        None,
        "\"We",
    );
    check("GENEVA—The talks", "Geneva", None, None, "The talks");
}

#[test]
fn year_of_a_late_december_dateline_in_a_january_document() {
    let (dl, _) = parse_dateline("KYIV, Dec. 31 (Reuters) - x", ymd(2024, 1, 2)).unwrap();
    assert_eq!(dl.date, ymd(2023, 12, 31));
    // Impossible dates give a dateline without a date rather than an error.
    let (dl, _) = parse_dateline("KYIV, Feb. 30 (Reuters) - x", ymd(2024, 3, 2)).unwrap();
    assert_eq!(dl.date, None);
}

/// The year of a dateline without one is the one that puts it nearest on or before the known
/// publication date, within a plausible window (a month after, eleven months before).
#[test]
fn year_of_a_yearless_dateline_nearest_on_or_before_the_known_date() {
    let year = |text: &str, known| parse_dateline(text, known).and_then(|(dl, _)| dl.date);
    assert_eq!(
        year("KYIV, Dec. 31 (Reuters) - x", ymd(2025, 1, 2)),
        ymd(2024, 12, 31)
    );
    assert_eq!(
        year("KYIV, June 25 (Reuters) - x", ymd(2024, 6, 25)),
        ymd(2024, 6, 25)
    );
    assert_eq!(
        year("KYIV, Aug. 1 (Reuters) - x", ymd(2024, 6, 25)),
        ymd(2023, 8, 1)
    );
    // A dateline a few weeks after the date known from outside (a file name that gives the
    // day the story was planned or first filed) is this year's, not eleven months old.
    assert_eq!(
        year("KYIV, July 10 (Reuters) - x", ymd(2024, 6, 25)),
        ymd(2024, 7, 10)
    );
    assert_eq!(
        year("KYIV, Jan. 20 (Reuters) - x", ymd(2024, 1, 2)),
        ymd(2024, 1, 20)
    );
}

#[test]
fn yearless_dateline_outside_the_window_stays_undated() {
    // The only February 29 near 2025-03-10 is 2024's, over a year before: no safe year.
    let (dl, _) = parse_dateline("KYIV, Feb. 29 (Reuters) - x", ymd(2025, 3, 10)).unwrap();
    assert_eq!(dl.date, None);
    let (dl, _) = parse_dateline("KYIV, Feb. 29 (Reuters) - x", ymd(2024, 3, 10)).unwrap();
    assert_eq!(dl.date, ymd(2024, 2, 29));
}

#[test]
fn sentences_that_are_not_datelines() {
    let not_datelines = [
        "The EU (European Union) - said it would act.",
        "The EU (European Union) — said it would act.",
        "President Biden said on Monday — in a speech — that talks would go on.",
        "Moscow, Sept 20 - The talks collapsed.",
        "NATO — the alliance — will meet.",
        "U.S. — and allied — forces withdrew.",
        "BREAKING — Parliament dissolved.",
        "A - B testing is common.",
        "I — for one — disagree.",
        "GDP grew 3% - analysts said.",
        "HELLO world - something",
        "Sept 20 was a quiet day - mostly.",
        "Prices rose 5 /year/. Analysts",
        "In Washington (AP) - officials said",
        "President Biden (AP) - said",
        "GENEVA-based diplomats said",
        "WASHINGTON said on Monday that",
        "The Kremlin said on Wednesday (Moscow time) - nothing.",
        "",
        "   ",
        "—",
        "MOSCOW",
        // Openings of e-mails, reviews and headings (from the UD English Web Treebank) that
        // look like the bare "PLACE —" form.
        "FYI - See rows 49-53; columns E-J for our group.",
        "HR - Veronica Parra, Nedre Strambler, Fran Mayes",
        "P.S. - I am trying to conceptualize an effective campaign.",
        "PS -- There is a happy hour tonight.",
        "HIGHLY CONFIDENTIAL URGENT ASSISTANCE - FROM USA",
        "HAMSTERS - will a hamster be ok living in the bathroom ?",
        "AMAZING NIGHT- Great Party Spot!!",
        "BIG MISTAKE - The food was tasteless and cold.",
        "TRY THIS PLACE - YOU'LL LOVE IT.",
        "MUST READ - Do not waste your time in this store.",
        "BEST DENTIST EVER -",
    ];
    for text in not_datelines {
        assert_eq!(
            parse_dateline(text, ymd(2023, 9, 20)),
            None,
            "{text:?} taken for a dateline"
        );
    }
}

#[test]
fn document_from_text_removes_the_dateline_and_fills_date_and_source() {
    let origin = Origin {
        path: "x.txt".into(),
        line: None,
    };
    let doc = document_from_text(
        "MOSCOW, Sept 20 (Reuters) - Russia said.\r\n\r\nMore.",
        origin.clone(),
        ymd(2023, 9, 21),
    );
    assert_eq!(doc.text, "Russia said.\n\nMore.");
    assert_eq!(doc.source.as_deref(), Some("Reuters"));
    // The outside date wins over the dateline's.
    assert_eq!(doc.date, ymd(2023, 9, 21));
    assert_eq!(doc.dateline.as_ref().and_then(|d| d.date), ymd(2023, 9, 20));
    assert!(doc.id.starts_with("doc-"));

    let doc = document_from_text("PARIS, Sept. 20, 2023 (AP) — France", origin.clone(), None);
    assert_eq!(doc.date, ymd(2023, 9, 20));

    let doc = document_from_text("Ordinary text.", origin, None);
    assert_eq!(doc.dateline, None);
    assert_eq!(doc.source, None);
    assert_eq!(doc.text, "Ordinary text.");
}

#[test]
fn never_panics_on_truncated_or_odd_input() {
    let samples = [
        "BUDAPEST, September 20. /TASS/. A senior",
        "PARIS, Sept. 20, 2023 (AP) — France",
        "KHAN YOUNIS, Gaza Strip, Jan. 5 (AP) — Strikes",
        "Tbilisi, 12 May /TASS/. Georgia's",
        "SÃO PAULO, 3 de março (Reuters) - O",
        "ÅLAND — Ünïcödé — “quoted” ‘text’ ",
        "N'DJAMENA/ISLAMABAD — x",
        "A/B/C/D/E/ /// ((( ))) -- — – ―",
    ];
    for sample in samples {
        for (i, _) in sample.char_indices() {
            for text in [&sample[..i], &sample[i..]] {
                if let Some((dl, len)) = parse_dateline(text, ymd(2023, 9, 20)) {
                    assert!(text.is_char_boundary(len) && len <= text.len());
                    assert!(!dl.raw.is_empty());
                }
            }
        }
    }
}
