//! Actor and place resolution, table-driven: `tests/data/actor-phrases.tsv` gives a document, a
//! phrase in it and the code (or place) the phrase must resolve to. See the file's header for
//! the columns and the conventions behind the expectations.

use chrono::NaiveDate;
use dyad_code::Pipeline;
use dyad_model::Document;

struct Case<'a> {
    line: usize,
    kind: &'a str,
    expected: &'a str,
    date: Option<NaiveDate>,
    phrase: &'a str,
    text: &'a str,
}

fn cases(table: &str) -> Vec<Case<'_>> {
    table
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(
                f.len(),
                5,
                "line {}: expected 5 TAB-separated fields",
                i + 1
            );
            Case {
                line: i + 1,
                kind: f[0],
                expected: f[1],
                date: NaiveDate::parse_from_str(f[2], "%Y-%m-%d").ok(),
                phrase: f[3],
                text: f[4],
            }
        })
        .collect()
}

/// What the pipeline resolves the case's phrase to, in the table's notation.
fn resolve(pipeline: &Pipeline, case: &Case<'_>) -> String {
    let doc = Document {
        id: format!("line-{}", case.line),
        text: case.text.to_string(),
        date: case.date,
        ..Default::default()
    };
    let Some(start) = case.text.rfind(case.phrase) else {
        return format!("(phrase not in text: {:?})", case.phrase);
    };
    let end = start + case.phrase.len();
    let prepared = pipeline.prepare(&doc);
    match case.kind {
        "actor" => prepared
            .actor_at(start, end)
            .map_or("-".to_string(), |m| m.code),
        "place" => prepared.place_at(start, end).map_or("-".to_string(), |p| {
            match (p.admin1, p.precision) {
                (Some(a), dyad_geo::Precision::City | dyad_geo::Precision::Admin1) => {
                    format!("{}/{a}", p.country)
                }
                _ => p.country,
            }
        }),
        other => format!("(unknown kind {other:?})"),
    }
}

#[test]
fn actor_and_place_phrases_resolve_as_the_table_says() {
    let table = include_str!("data/actor-phrases.tsv");
    let cases = cases(table);
    assert!(cases.len() >= 150, "the table has {} cases", cases.len());
    let pipeline = Pipeline::new();
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let got = resolve(&pipeline, c);
            (got != c.expected).then(|| {
                format!(
                    "line {}: {} {:?} expected {} got {}",
                    c.line, c.kind, c.phrase, c.expected, got
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
