//! Resolution of temporal expressions against fixed publication dates. Sentences are given
//! as whitespace-separated tokens (UD EWT style: "Sept." one token, "19" and "," apart).

use chrono::NaiveDate;
use dyad_time::{Precision, TimeExpr, TimeResolver};
use Precision::{Day, Month, Week, Year};

/// Wednesday 2023-09-20, the default publication date.
const WED: &str = "2023-09-20";

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn find<'a>(sentence: &'a str, published: Option<&str>) -> (Vec<&'a str>, Vec<TimeExpr>) {
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let found = TimeResolver::new().find(&tokens, published.map(date));
    (tokens, found)
}

/// One expected expression: sentence, publication date, expected span text, first day, last
/// day, precision, background.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Precision,
    bool,
);

/// Checks that each sentence yields exactly one expression with the expected values; reports
/// every failing row at once.
fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for &(sentence, published, span, first, last, precision, background) in cases {
        let (tokens, found) = find(sentence, Some(published));
        let got: Vec<_> = found
            .iter()
            .map(|e| {
                (
                    tokens[e.start..e.end].join(" "),
                    e.date,
                    e.last,
                    e.precision,
                    e.background,
                )
            })
            .collect();
        let want = vec![(
            span.to_string(),
            first.map(date),
            last.map(date),
            precision,
            background,
        )];
        if got != want {
            failures.push(format!(
                "{sentence:?} (published {published}):\n   want {want:?}\n    got {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
#[rustfmt::skip]
fn weekdays() {
    check(&[
        // the publication day itself
        ("Protesters gathered on Wednesday .", WED, "on Wednesday", Some("2023-09-20"), Some("2023-09-20"), Day, false),
        ("The talks ended Monday in Geneva .", WED, "Monday", Some("2023-09-18"), Some("2023-09-18"), Day, false),
        // later in the week than publication: the previous week's
        ("He arrived on Thursday .", WED, "on Thursday", Some("2023-09-14"), Some("2023-09-14"), Day, false),
        ("Clashes erupted on Sunday night .", WED, "on Sunday night", Some("2023-09-17"), Some("2023-09-17"), Day, false),
        // future clause: forward
        ("The ministers will meet on Friday .", WED, "on Friday", Some("2023-09-22"), Some("2023-09-22"), Day, false),
        ("The vote is scheduled for Monday .", WED, "Monday", Some("2023-09-25"), Some("2023-09-25"), Day, false),
        ("next Monday", WED, "next Monday", Some("2023-09-25"), Some("2023-09-25"), Day, false),
        ("They met last Wednesday .", WED, "last Wednesday", Some("2023-09-13"), Some("2023-09-13"), Day, false),
        ("this Friday", WED, "this Friday", Some("2023-09-22"), Some("2023-09-22"), Day, false),
        ("Troops withdrew late Tuesday .", WED, "late Tuesday", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        // weekday then explicit date: the date decides, one expression
        ("It happened on Tuesday , Sept. 19 .", WED, "on Tuesday , Sept. 19", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        // a weekday as a state's start
        ("Fighting has continued since Monday .", WED, "since Monday", Some("2023-09-18"), Some("2023-09-18"), Day, true),
    ]);
}

#[test]
#[rustfmt::skip]
fn deictic_words() {
    check(&[
        ("Officials said today that", WED, "today", Some("2023-09-20"), Some("2023-09-20"), Day, false),
        ("The summit opened yesterday .", WED, "yesterday", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("The summit opened yesterday afternoon .", WED, "yesterday afternoon", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("He will speak tomorrow .", WED, "tomorrow", Some("2023-09-21"), Some("2023-09-21"), Day, false),
        ("He speaks tonight .", WED, "tonight", Some("2023-09-20"), Some("2023-09-20"), Day, false),
        ("Rockets hit the city this morning .", WED, "this morning", Some("2023-09-20"), Some("2023-09-20"), Day, false),
        ("Rockets hit the city last night .", WED, "last night", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("It began the day before yesterday .", WED, "the day before yesterday", Some("2023-09-18"), Some("2023-09-18"), Day, false),
        ("The attack came two days ago .", WED, "two days ago", Some("2023-09-18"), Some("2023-09-18"), Day, false),
        ("The deal was signed three weeks ago .", WED, "three weeks ago", Some("2023-08-28"), Some("2023-09-03"), Week, false),
    ]);
}

#[test]
#[rustfmt::skip]
fn relative_periods() {
    check(&[
        ("Rebels seized the town last week .", WED, "last week", Some("2023-09-11"), Some("2023-09-17"), Week, false),
        ("Rebels seized the town last month .", WED, "last month", Some("2023-08-01"), Some("2023-08-31"), Month, false),
        ("Rebels seized the town last year .", WED, "last year", Some("2022-01-01"), Some("2022-12-31"), Year, false),
        ("The army said earlier this week that", WED, "earlier this week", Some("2023-09-18"), Some("2023-09-19"), Week, false),
        ("The army said earlier this month that", WED, "earlier this month", Some("2023-09-01"), Some("2023-09-19"), Month, false),
        ("Talks resume this week .", WED, "this week", Some("2023-09-18"), Some("2023-09-24"), Week, false),
        ("Talks resume this month .", WED, "this month", Some("2023-09-01"), Some("2023-09-30"), Month, false),
        ("Elections are held this year .", WED, "this year", Some("2023-01-01"), Some("2023-12-31"), Year, false),
        ("Talks resume next week .", WED, "next week", Some("2023-09-25"), Some("2023-10-01"), Week, false),
        ("Talks resume next month .", WED, "next month", Some("2023-10-01"), Some("2023-10-31"), Month, false),
        ("Elections are due next year .", WED, "next year", Some("2024-01-01"), Some("2024-12-31"), Year, false),
        ("Protests spread over the weekend .", WED, "over the weekend", Some("2023-09-16"), Some("2023-09-17"), Week, false),
        ("The economy shrank late last year .", WED, "late last year", Some("2022-09-01"), Some("2022-12-31"), Year, false),
        ("The mission ends by the end of the year .", WED, "the end of the year", Some("2023-09-01"), Some("2023-12-31"), Year, false),
        ("In the past 24 hours , 30 people died .", WED, "In the past 24 hours", Some("2023-09-19"), Some("2023-09-20"), Day, false),
    ]);
}

#[test]
#[rustfmt::skip]
fn calendar_dates() {
    check(&[
        ("The ceasefire began on September 19 .", WED, "on September 19", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("The ceasefire began Sept. 19 .", WED, "Sept. 19", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("The ceasefire began on 19 September .", WED, "on 19 September", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("The ceasefire began Sep 19 .", WED, "Sep 19", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("The ceasefire began on the 19th of September .", WED, "on the 19th of September", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("It was signed on September 19 , 2022 , in Doha .", WED, "on September 19 , 2022", Some("2022-09-19"), Some("2022-09-19"), Day, false),
        ("It was signed on Sept. 19, 2022 in Doha .", WED, "on Sept. 19, 2022", Some("2022-09-19"), Some("2022-09-19"), Day, false),
        ("It was signed on March 5 last year .", WED, "on March 5 last year", Some("2022-03-05"), Some("2022-03-05"), Day, false),
        // yearless: closest, at most ~2 months ahead
        ("The vote took place on November 5 .", WED, "on November 5", Some("2023-11-05"), Some("2023-11-05"), Day, false),
        ("The vote took place on December 5 .", WED, "on December 5", Some("2022-12-05"), Some("2022-12-05"), Day, false),
        ("Elections are due on December 5 .", WED, "on December 5", Some("2023-12-05"), Some("2023-12-05"), Day, false),
        ("May 5 was the deadline .", WED, "May 5", Some("2023-05-05"), Some("2023-05-05"), Day, false),
        ("The strike ended on the 19th .", WED, "on the 19th", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        ("The file is dated 2023-09-19 .", WED, "2023-09-19", Some("2023-09-19"), Some("2023-09-19"), Day, false),
        // impossible dates are found but unresolved
        ("It was signed on September 31 .", WED, "on September 31", None, None, Day, false),
    ]);
}

#[test]
#[rustfmt::skip]
fn months_and_years() {
    check(&[
        ("The offensive began in March .", WED, "in March", Some("2023-03-01"), Some("2023-03-31"), Month, false),
        ("The offensive began in May .", WED, "in May", Some("2023-05-01"), Some("2023-05-31"), Month, false),
        ("A summit is planned in October .", WED, "in October", Some("2023-10-01"), Some("2023-10-31"), Month, false),
        ("The offensive began in December .", WED, "in December", Some("2022-12-01"), Some("2022-12-31"), Month, false),
        ("The offensive began in March 2022 .", WED, "in March 2022", Some("2022-03-01"), Some("2022-03-31"), Month, false),
        ("Talks stalled in early March .", WED, "in early March", Some("2023-03-01"), Some("2023-03-10"), Month, false),
        ("Talks stalled last March .", WED, "last March", Some("2023-03-01"), Some("2023-03-31"), Month, false),
        ("The treaty was signed in 2019 .", WED, "in 2019", Some("2019-01-01"), Some("2019-12-31"), Year, false),
        ("The plant opened in mid-2019 .", WED, "in mid-2019", Some("2019-05-01"), Some("2019-08-31"), Year, false),
    ]);
}

#[test]
#[rustfmt::skip]
fn background() {
    check(&[
        ("Relations have been tense since the late 1980s .", WED, "since the late 1980s", Some("1987-01-01"), Some("1989-12-31"), Year, true),
        ("Russia has occupied Crimea since 2014 .", WED, "since 2014", Some("2014-01-01"), Some("2014-12-31"), Year, true),
        ("The region was poor in the 1990s .", WED, "in the 1990s", Some("1990-01-01"), Some("1999-12-31"), Year, true),
        ("The groups have fought for years .", WED, "for years", None, None, Year, true),
        ("The groups have fought for decades .", WED, "for decades", None, None, Year, true),
        ("The groups have fought for more than a decade .", WED, "for more than a decade", Some("2013-09-20"), Some("2023-09-20"), Year, true),
        ("Trade grew over the past decade .", WED, "over the past decade", Some("2013-09-20"), Some("2023-09-20"), Year, true),
        ("Trade grew for the past two years .", WED, "for the past two years", Some("2021-09-20"), Some("2023-09-20"), Year, true),
        ("Attacks have risen in recent years .", WED, "in recent years", None, None, Year, true),
        // a duration is anchored at publication only in a perfect or future clause
        ("He was jailed for two years .", WED, "for two years", None, None, Year, true),
        ("The junta will rule for two years .", WED, "for two years", Some("2023-09-20"), Some("2025-09-20"), Year, true),
        ("The two countries fought a war years ago .", WED, "years ago", None, None, Year, true),
        ("The dam was built from 2014 to 2016 .", WED, "from 2014 to 2016", Some("2014-01-01"), Some("2016-12-31"), Year, true),
    ]);
}

#[test]
#[rustfmt::skip]
fn year_boundaries_and_leap_years() {
    check(&[
        ("Talks collapsed on December 28 .", "2024-01-03", "on December 28", Some("2023-12-28"), Some("2023-12-28"), Day, false),
        ("Talks collapsed on 28 Dec. .", "2024-01-03", "on 28 Dec.", Some("2023-12-28"), Some("2023-12-28"), Day, false),
        ("Talks collapsed last week .", "2024-01-03", "last week", Some("2023-12-25"), Some("2023-12-31"), Week, false),
        ("Talks collapsed last month .", "2024-01-03", "last month", Some("2023-12-01"), Some("2023-12-31"), Month, false),
        ("Talks collapsed on Friday .", "2024-01-03", "on Friday", Some("2023-12-29"), Some("2023-12-29"), Day, false),
        ("Talks resume on January 8 .", "2023-12-29", "on January 8", Some("2024-01-08"), Some("2024-01-08"), Day, false),
        ("Talks resume next month .", "2023-12-29", "next month", Some("2024-01-01"), Some("2024-01-31"), Month, false),
        ("It was signed on February 29 .", "2024-03-10", "on February 29", Some("2024-02-29"), Some("2024-02-29"), Day, false),
        ("It was signed last month .", "2024-03-10", "last month", Some("2024-02-01"), Some("2024-02-29"), Month, false),
        ("It was signed on Feb. 29 , 2024 .", WED, "on Feb. 29 , 2024", Some("2024-02-29"), Some("2024-02-29"), Day, false),
        ("It was signed on February 29 , 2023 .", WED, "on February 29 , 2023", None, None, Day, false),
        ("It happened in late February .", "2024-03-10", "in late February", Some("2024-02-21"), Some("2024-02-29"), Month, false),
        ("The strike ended on the 31st .", WED, "on the 31st", Some("2023-08-31"), Some("2023-08-31"), Day, false),
    ]);
}

/// Sentences with no temporal expression at all.
#[test]
fn negatives() {
    let sentences = [
        "We may see more violence .",
        "May God protect our soldiers .",
        "Theresa May said the talks failed .",
        "They march on the capital .",
        "Thousands March in Paris .",
        "Gunmen killed 19 people near the border .",
        "A crowd of 2000 people gathered .",
        "The 19th century saw many wars .",
        "They live on the 19th floor .",
        "The Sunday Times reported the deal .",
        "Veterans in their 80s joined the march .",
        "The late president was buried .",
        "She is the last one .",
        "He works for the state .",
        "Groups called for a day of action .",
        "The rebels have 1500 fighters .",
        "The bill passed 300 to 12 .",
    ];
    for s in sentences {
        let (_, found) = find(s, Some(WED));
        assert!(found.is_empty(), "{s:?} -> {found:?}");
    }
}

#[test]
fn several_expressions_and_token_offsets() {
    let (tokens, found) = find(
        "The army said on Tuesday that the rebels , active since 2014 , attacked on Sept. 17 .",
        Some(WED),
    );
    let spans: Vec<_> = found
        .iter()
        .map(|e| tokens[e.start..e.end].join(" "))
        .collect();
    assert_eq!(spans, ["on Tuesday", "since 2014", "on Sept. 17"]);
    assert_eq!((found[0].start, found[0].end), (3, 5));
    assert_eq!(found[0].date, Some(date("2023-09-19")));
    assert!(found[1].background && !found[0].background && !found[2].background);
    assert_eq!(found[2].date, Some(date("2023-09-17")));
}

#[test]
fn future_clause_carries_over_coordination() {
    let (_, found) = find(
        "The president will travel to Paris on Thursday and to Berlin on Friday .",
        Some(WED),
    );
    let dates: Vec<_> = found.iter().map(|e| e.date).collect();
    assert_eq!(dates, [Some(date("2023-09-21")), Some(date("2023-09-22"))]);
}

#[test]
fn split_tokens_map_back_to_token_indices() {
    // "mid-March" and "19," are single tokens here
    let tokens = [
        "It",
        "began",
        "in",
        "mid-March",
        "and",
        "ended",
        "June",
        "19,",
        "2023",
        ".",
    ];
    let found = TimeResolver::new().find(&tokens, Some(date(WED)));
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].start, found[0].end), (2, 4));
    assert_eq!(found[0].date, Some(date("2023-03-11")));
    assert_eq!(found[0].last, Some(date("2023-03-20")));
    assert_eq!((found[1].start, found[1].end), (6, 9));
    assert_eq!(found[1].date, Some(date("2023-06-19")));
}

#[test]
fn without_publication_date() {
    let (_, found) = find("They met on Wednesday .", None);
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].date, found[0].last, found[0].precision),
        (None, None, Day)
    );
    let (_, found) = find("They met on September 19 , 2023 .", None);
    assert_eq!(found[0].date, Some(date("2023-09-19")));
    let (_, found) = find("They met in 2019 and last year .", None);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].last, Some(date("2019-12-31")));
    assert_eq!(found[1].date, None);
}

/// Every pair and many triples of awkward tokens, at the edges of chrono's range: no panic.
#[test]
fn no_panic_on_odd_input() {
    let vocab = [
        "",
        " ",
        ",",
        ".",
        "-",
        "–",
        "the",
        "on",
        "in",
        "since",
        "for",
        "over",
        "last",
        "next",
        "this",
        "past",
        "early",
        "mid",
        "late",
        "mid-",
        "MID-ß",
        "mid-é",
        "ß",
        "İ",
        "May",
        "March",
        "Sept.",
        "Feb",
        "February",
        "29",
        "31",
        "0",
        "00",
        "19th",
        "0th",
        "99th",
        "2023",
        "9999",
        "0000",
        "1980s",
        "'80s",
        "0s",
        "2023-02-30",
        "2023-13",
        "2023-00",
        "9999-12-31",
        "2014-16",
        "2016-14",
        "2023-09-19t",
        "2023-9-1",
        "years",
        "year",
        "days",
        "ago",
        "4294967296",
        "99999",
        "10000",
        "a",
        "few",
        "Wednesday",
        "Wed.",
        "weekend",
        "earlier",
        "today",
        "yesterday",
        "tomorrow",
        "of",
        "end",
        "the",
        "between",
        "and",
        "from",
        "to",
    ];
    let pubs = [
        None,
        Some(NaiveDate::MIN),
        Some(NaiveDate::MAX),
        NaiveDate::from_ymd_opt(2024, 2, 29),
        NaiveDate::from_ymd_opt(2023, 12, 31),
    ];
    let r = TimeResolver::new();
    for a in vocab {
        for b in vocab {
            for published in pubs {
                for e in r.find(&[a, b], published) {
                    assert!(e.start < e.end && e.end <= 2);
                    if let (Some(d), Some(l)) = (e.date, e.last) {
                        assert!(d <= l, "{a:?} {b:?} {e:?}");
                    }
                }
            }
            for c in [
                "29", "2023", "ago", ",", "years", "of", "March", "-", "2016",
            ] {
                for published in pubs {
                    for e in r.find(&[a, b, c, a], published) {
                        assert!(e.start < e.end && e.end <= 4);
                    }
                }
            }
        }
    }
}
