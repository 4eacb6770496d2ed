//! `dyad actors ...` and the user dictionary overlay (`--dict`), end to end.

mod common;

use common::{events, run_stdin as run, stdout};
use std::path::PathBuf;

/// A file under the system temp dir with `text`.
fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-actors-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}

const USER_DICT: &str = "# a user's additions\n\
actor\tgroup\tSDNREB\tNorthern Sunrise Brigade|NSB\n\
actor\tperson\tARMGOV@20180508-\tNikol Pashinyan|Pashinyan\n\
agent\tMIL\twagner contractors\n\
place\tregion\tZangezur Corridor\tZangezur\tARM\t39.2\t46.4\n";

const RSF_DOC: &str = r#"{"id":"rsf","text":"The Northern Sunrise Brigade attacked the army in Khartoum on Monday.","date":"2023-05-02"}"#;

#[test]
fn user_dictionary_adds_actors_and_places() {
    let dict = temp_file("user.tsv", USER_DICT);
    let dict = dict.to_str().expect("utf-8 path");
    let out = run(&["code", "--dict", dict], RSF_DOC.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = events(&out);
    assert!(
        events.iter().any(|e| e["source"][0]["code"] == "SDNREB"),
        "no SDNREB source in {events:?}"
    );
    // without the overlay the group is not known
    let plain = run(&["code"], RSF_DOC.as_bytes());
    assert!(!stdout(&plain).contains("SDNREB"));

    let place = run(
        &[
            "actors",
            "explain",
            "--dict",
            dict,
            "--context",
            "Azerbaijan wants a road through",
            "Zangezur",
        ],
        b"",
    );
    assert!(
        stdout(&place).contains("place: Zangezur Corridor"),
        "{}",
        stdout(&place)
    );
}

#[test]
fn user_dictionary_errors_name_file_and_line() {
    let bad = temp_file(
        "bad.tsv",
        "actor\tperson\tARMGOV\tpashinyan\nactor\tnope\tXXX\tsomeone\n",
    );
    let out = run(
        &["code", "--dict", bad.to_str().expect("path")],
        RSF_DOC.as_bytes(),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.tsv:2"), "{err}");
    assert!(err.contains("unknown kind"), "{err}");
    let unknown = temp_file("kind.tsv", "person\tARMGOV\tpashinyan\n");
    let out = run(
        &["code", "--dict", unknown.to_str().expect("path")],
        RSF_DOC.as_bytes(),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("kind.tsv:1"));
}

#[test]
fn explain_shows_entries_rule_and_code() {
    let out = run(
        &[
            "actors",
            "explain",
            "--date",
            "2005-06-01",
            "Russian President Vladimir Putin",
        ],
        b"",
    );
    let text = stdout(&out);
    assert!(text.contains("person \"vladimir putin\""), "{text}");
    assert!(text.contains("code: RUSGOV"), "{text}");
    // a name introduced in the context carries over to its surname
    let out = run(
        &[
            "actors",
            "explain",
            "--context",
            "Armenian Prime Minister Nikol Pashinyan arrived in Moscow.",
            "Pashinyan said",
        ],
        b"",
    );
    let text = stdout(&out);
    assert!(
        text.contains("code: ARMGOV  (surname(pashinyan) of sentence 1)"),
        "{text}"
    );
}

#[test]
fn unresolved_lists_frequent_unknown_names() {
    let docs = [
        r#"{"id":"a","text":"Moussa Kantanga visited the capital on Monday. Officials met Moussa Kantanga again."}"#,
        r#"{"id":"b","text":"The rebels said Moussa Kantanga had no mandate. France said nothing."}"#,
    ]
    .join("\n");
    let out = run(
        &["actors", "unresolved", "--min-count", "2"],
        docs.as_bytes(),
    );
    assert!(out.status.success());
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.contains("Moussa Kantanga"))
        .unwrap_or_else(|| panic!("no row for the name in {text}"));
    assert!(row.starts_with("3\tperson\tMoussa Kantanga\ta\t"), "{row}");
    assert!(
        !text.contains("France"),
        "a known country is not unresolved: {text}"
    );
}
