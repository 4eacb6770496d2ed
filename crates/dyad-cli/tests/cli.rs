//! The `dyad` binary end to end: CONTRACT.md behaviour, bad input, exit statuses.

mod common;

use common::{dyad, events, run_stdin, stderr, temp_dir};
use std::path::{Path, PathBuf};
use std::process::Output;

const GOOD: &str = r#"{"id":"good-1","text":"Armenian troops attacked Azerbaijani forces near the border.","date":"2023-09-20"}"#;
const GOOD2: &str = r#"{"id":"good-2","text":"The Russian Foreign Ministry called on Azerbaijan and Armenia to cease fire.","date":"2023-09-20"}"#;

fn doc_ids(out: &Output) -> Vec<String> {
    let mut ids: Vec<String> = events(out)
        .iter()
        .filter_map(|e| e["doc_id"].as_str().map(str::to_string))
        .collect();
    ids.dedup();
    ids
}

#[test]
fn codes_jsonl_from_stdin_with_the_contract_fields() {
    let out = run_stdin(&["code", "-"], format!("{GOOD}\n{GOOD2}\n").as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    assert!(!evs.is_empty());
    for key in [
        "event_id",
        "doc_id",
        "sentence_index",
        "sentence",
        "date",
        "source",
        "target",
        "plover",
        "cameo",
        "quad_class",
        "goldstein",
        "negated",
        "modality",
        "quote",
        "location",
        "trigger",
        "rule",
        "confidence",
    ] {
        assert!(evs[0].get(key).is_some(), "missing {key} in {}", evs[0]);
    }
    let req = evs
        .iter()
        .find(|e| e["doc_id"] == "good-2" && e["plover"]["event"] == "REQUEST")
        .expect("REQUEST event");
    assert_eq!(req["source"][0]["code"], "RUSGOV");
    let targets: Vec<&str> = req["target"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["code"].as_str().unwrap())
        .collect();
    assert_eq!(targets, vec!["AZE", "ARM"]);
    assert!(
        stderr(&out).contains("documents: 2 read, 2 coded, 0 skipped"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn output_is_deterministic() {
    let input = format!("{GOOD}\n{GOOD2}\n");
    let a = run_stdin(&["code"], input.as_bytes());
    let b = run_stdin(&["code", "--threads", "1"], input.as_bytes());
    assert_eq!(a.stdout, b.stdout);
}

/// Each bad line is reported with file and line, the run goes on, and the exit status is 2.
fn assert_bad_line_skipped(bad: &[u8], expect_in_message: &str) {
    let dir = temp_dir(&format!("bad-{}", expect_in_message.replace(' ', "-")));
    let path = dir.join("batch.jsonl");
    let mut content = Vec::new();
    content.extend_from_slice(GOOD.as_bytes());
    content.push(b'\n');
    content.extend_from_slice(bad);
    content.push(b'\n');
    content.extend_from_slice(GOOD2.as_bytes());
    content.push(b'\n');
    std::fs::write(&path, content).expect("write");
    let out = dyad()
        .args(["code", path.to_str().unwrap(), "--max-doc-bytes", "1000"])
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "exit status for a skipped document; stderr: {err}"
    );
    let line = err
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line in {err}"));
    assert!(
        line.contains(&format!("{}:2:", path.display())),
        "error names file and line: {line}"
    );
    assert!(
        line.to_lowercase().contains(expect_in_message),
        "{line} should mention {expect_in_message}"
    );
    assert_eq!(
        doc_ids(&out),
        vec!["good-1", "good-2"],
        "the other documents are still coded"
    );
    assert!(err.contains("3 read, 2 coded, 1 skipped"), "{err}");
}

#[test]
fn broken_json_line() {
    assert_bad_line_skipped(br#"{"id": "x", "text": "unterminated"#, "json");
}

#[test]
fn missing_text_field() {
    assert_bad_line_skipped(br#"{"id": "x"}"#, "text");
}

#[test]
fn empty_text() {
    assert_bad_line_skipped(br#"{"id": "x", "text": "   "}"#, "empty");
}

#[test]
fn invalid_utf8_line() {
    assert_bad_line_skipped(b"{\"id\": \"x\", \"text\": \"caf\xe9\"}", "utf-8");
}

#[test]
fn oversized_document() {
    let big = format!(r#"{{"id": "x", "text": "{}"}}"#, "word ".repeat(400));
    assert_bad_line_skipped(big.as_bytes(), "limit");
}

#[test]
fn binary_and_missing_files_are_reported_and_the_rest_coded() {
    let dir = temp_dir("files");
    let good = dir.join("a.txt");
    std::fs::write(
        &good,
        "Armenian troops attacked Azerbaijani forces near the border.",
    )
    .unwrap();
    let binary = dir.join("b.txt");
    std::fs::write(&binary, [0u8, 1, 2, 3, 0, 0, 255, 0]).unwrap();
    let missing = dir.join("nope.txt");
    let out = dyad()
        .args(["code"])
        .arg(&binary)
        .arg(&missing)
        .arg(&good)
        .output()
        .expect("run");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("error: {}", binary.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("error: {}", missing.display())),
        "{err}"
    );
    assert_eq!(doc_ids(&out), vec!["a"]);
}

#[test]
fn wire_dateline_goes_to_metadata_not_sentences() {
    let text = "BUDAPEST, September 20. /TASS/. Hungarian troops attacked Serbian forces. Armenian troops attacked Azerbaijani forces.";
    let input = format!(
        "{}\n",
        serde_json::json!({"id": "d", "text": text, "date": "2023-09-20"})
    );
    let out = run_stdin(&["code"], input.as_bytes());
    for e in events(&out) {
        let s = e["sentence"].as_str().unwrap();
        assert!(
            !s.contains("BUDAPEST") && !s.contains("TASS"),
            "dateline leaked into {s}"
        );
    }
}

#[test]
fn example_in_readme_runs() {
    let example =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/wire-story-2025-03-03.txt");
    let out = dyad().arg("code").arg(&example).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!events(&out).is_empty());
}

#[test]
fn help_lists_the_contract_commands() {
    let out = dyad().arg("--help").output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for cmd in ["code", "eval"] {
        assert!(text.contains(cmd), "{text}");
    }
}

fn tass_story() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/tass-2023-09-20-hungary-karabakh.txt");
    if p.exists() {
        Some(p)
    } else {
        dyad_model::testing::skipped(&format!(
            "{} not found (shared examples are only on development machines)",
            p.display()
        ));
        None
    }
}

#[test]
fn tass_story_dateline_is_metadata() {
    let Some(story) = tass_story() else { return };
    let out = dyad().arg("read").arg(&story).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = events(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["dateline"]["place"], "Budapest");
    assert_eq!(d["dateline"]["agency"], "TASS");
    assert_eq!(d["date"], "2023-09-20");
    assert!(d["text"]
        .as_str()
        .unwrap()
        .starts_with("A senior Hungarian diplomat"));
}

#[test]
fn tass_story_aid_event_with_spans() {
    let Some(story) = tass_story() else { return };
    let out = dyad().arg("code").arg(&story).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    for e in &evs {
        let s = e["sentence"].as_str().unwrap();
        assert!(
            !s.contains("BUDAPEST") && !s.contains("/TASS/"),
            "dateline in a sentence: {s}"
        );
    }
    let aid = evs
        .iter()
        .find(|e| {
            e["plover"]["event"] == "AID"
                && e["sentence"]
                    .as_str()
                    .unwrap()
                    .contains("supply the Ukrainian army")
        })
        .unwrap_or_else(|| panic!("no AID event in {evs:?}"));
    let codes = |side: &str| -> Vec<String> {
        aid[side]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(codes("source"), vec!["IGOEUREEC", "USA"]);
    assert_eq!(codes("target"), vec!["UKRMIL"]);
    let sentence: Vec<char> = aid["sentence"].as_str().unwrap().chars().collect();
    let span_text = |a: &serde_json::Value| {
        let s = a["span"][0].as_u64().unwrap() as usize;
        let e = a["span"][1].as_u64().unwrap() as usize;
        sentence[s..e].iter().collect::<String>()
    };
    for side in ["source", "target"] {
        for a in aid[side].as_array().unwrap() {
            assert_eq!(span_text(a), a["text"].as_str().unwrap());
        }
    }
    assert_eq!(span_text(&aid["source"][0]), "the EU");
    assert_eq!(span_text(&aid["source"][1]), "the US");
    assert_eq!(span_text(&aid["target"][0]), "the Ukrainian army");
    assert_eq!(
        span_text(&aid["trigger"]),
        aid["trigger"]["text"].as_str().unwrap()
    );
}

/// Rows of CoNLL-U output: (form, head, deprel) per sentence.
fn conllu_rows(text: &str) -> Vec<Vec<(String, usize, String)>> {
    let mut out = vec![Vec::new()];
    for line in text.lines() {
        if line.is_empty() {
            out.push(Vec::new());
        } else if !line.starts_with('#') {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 10, "ten columns: {line}");
            let last = out.last_mut().unwrap();
            last.push((
                cols[1].to_string(),
                cols[6].parse().expect("numeric head"),
                cols[7].to_string(),
            ));
        }
    }
    out.retain(|s| !s.is_empty());
    out
}

fn assert_trees(sentences: &[Vec<(String, usize, String)>]) {
    for s in sentences {
        assert_eq!(
            s.iter().filter(|r| r.1 == 0).count(),
            1,
            "one root in {s:?}"
        );
        assert!(s.iter().all(|r| r.1 <= s.len()));
    }
}

#[test]
fn parse_conllu_keeps_the_tokenization() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news.conllu");
    let out = dyad()
        .args(["parse", "--conllu"])
        .arg(&fixture)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("# sent_id = n1")
            && text.contains("# text = Armenian troops attacked the town.")
    );
    let parsed = conllu_rows(&text);
    let gold = conllu_rows(&std::fs::read_to_string(&fixture).unwrap());
    assert_eq!(parsed.len(), gold.len());
    for (p, g) in parsed.iter().zip(&gold) {
        let pf: Vec<&String> = p.iter().map(|r| &r.0).collect();
        let gf: Vec<&String> = g.iter().map(|r| &r.0).collect();
        assert_eq!(pf, gf);
    }
    assert_trees(&parsed);
}

#[test]
fn parse_raw_text_segments_and_parses() {
    let out = run_stdin(
        &["parse"],
        b"Russia urged the parties to cease fire. Armenian troops attacked the town.",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("# text = ").count(), 2, "{text}");
    let parsed = conllu_rows(&text);
    assert_eq!(parsed[0].len(), 8);
    assert_trees(&parsed);
}

/// The events of the TASS story that the syntax-aware coder must find (issue 4): every event
/// the issue lists, and none from the parenthetical aside or the sentence on the conflict's
/// history.
#[test]
fn tass_story_core_events() {
    let Some(story) = tass_story() else { return };
    let out = dyad().arg("code").arg(&story).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    let codes = |side: &serde_json::Value| -> Vec<String> {
        side.as_array()
            .map(|a| {
                a.iter()
                    .map(|x| x["code"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    let summary: Vec<String> = evs
        .iter()
        .map(|e| {
            format!(
                "{} {:?} -> {:?}",
                e["plover"]["event"].as_str().unwrap_or(""),
                codes(&e["source"]),
                codes(&e["target"])
            )
        })
        .collect();
    // the source includes the expected actors (a compound side may name more: "the whole
    // international community"); the target is exactly the expected one
    let has = |event: &str, source: &[&str], target: &[&str]| {
        evs.iter().any(|e| {
            let src = codes(&e["source"]);
            e["plover"]["event"] == event
                && source.iter().all(|s| src.iter().any(|c| c == s))
                && codes(&e["target"]) == target
        })
    };
    for (event, source, target) in [
        ("REQUEST", &["IGOEUREEC", "USA"][..], &["AZE", "ARM"][..]),
        ("REQUEST", &["HUN"][..], &["RUS", "UKR"][..]),
        ("AID", &["IGOEUREEC", "USA"][..], &["UKRMIL"][..]),
        // "launching local anti-terrorist measures": force by one party to the conflict,
        // on the other
        ("ASSAULT", &["AZEGOV"][..], &["ARM"][..]),
        ("REQUEST", &["AZEGOV"][..], &["ARMMIL"][..]),
        ("ACCUSE", &["ARMGOV"][..], &["AZE"][..]),
        ("PROTEST", &["ARMCVL"][..], &["ARMGOV"][..]),
        ("REQUEST", &["RUSMIL"][..], &["AZE", "ARM"][..]),
        ("REQUEST", &["RUSGOV"][..], &["AZE", "ARM"][..]),
    ] {
        assert!(
            has(event, source, target),
            "missing {event} {source:?} -> {target:?} in\n{}",
            summary.join("\n")
        );
    }
    for e in &evs {
        let sentence = e["sentence"].as_str().unwrap_or("");
        let trigger = e["trigger"]["text"].as_str().unwrap_or("");
        assert!(
            !sentence.contains("has been going on since"),
            "background sentence coded: {sentence}"
        );
        assert!(
            !(sentence.contains("(a social media site")
                && ["banned", "owned", "deemed"].contains(&trigger)),
            "event from the parenthetical: {trigger} in {sentence}"
        );
    }
}

#[test]
fn asserted_only_drops_denied_and_reported_events() {
    let text = "Iran did not attack Israel. Russian forces attacked Kharkiv on Monday, Ukrainian officials said. Israeli troops attacked Hamas positions in Gaza.\n";
    let all = events(&run_stdin(&["code"], text.as_bytes()));
    let modalities: Vec<&str> = all
        .iter()
        .map(|e| e["modality"].as_str().unwrap_or(""))
        .collect();
    assert!(modalities.contains(&"denied"), "{modalities:?}");
    assert!(modalities.contains(&"reported"), "{modalities:?}");
    let asserted = events(&run_stdin(&["code", "--asserted-only"], text.as_bytes()));
    assert!(!asserted.is_empty());
    assert!(asserted
        .iter()
        .all(|e| e["modality"] == "asserted" && e["negated"] == false));
    assert!(asserted.len() < all.len());
}

/// Issue 11: a story without a publication date is coded (its events with date null) and
/// named once on standard error; `--date` dates it.
#[test]
fn undated_documents_are_warned_about_and_date_dates_them() {
    let undated = serde_json::json!({
        "id": "undated-1",
        "text": "YEREVAN, June 25 (Reuters) - Armenian troops attacked Azerbaijani forces near the border."
    });
    let input = format!("{GOOD}\n{undated}\n");

    let out = run_stdin(&["code", "-"], input.as_bytes());
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    let warning = "warning: -:2: document \"undated-1\" has no publication date";
    assert_eq!(err.matches(warning).count(), 1, "{err}");
    assert!(err.contains("pass --date YYYY-MM-DD"), "{err}");
    assert!(
        err.contains("documents: 2 read, 2 coded, 0 skipped, 1 undated;"),
        "{err}"
    );
    let evs = events(&out);
    let of = |id: &str| -> Vec<serde_json::Value> {
        evs.iter().filter(|e| e["doc_id"] == id).cloned().collect()
    };
    assert!(!of("undated-1").is_empty(), "events are still written");
    assert!(of("undated-1").iter().all(|e| e["date"].is_null()));
    assert!(of("good-1").iter().all(|e| e["date"] == "2023-09-20"));

    let out = run_stdin(&["code", "--date", "2024-06-26", "-"], input.as_bytes());
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        !err.contains("warning:") && !err.contains("undated"),
        "{err}"
    );
    let evs = events(&out);
    let dates: Vec<&str> = evs
        .iter()
        .map(|e| (e["doc_id"].as_str(), e["date"].as_str()))
        .filter_map(|(id, date)| date.filter(|_| id == Some("undated-1")))
        .collect();
    assert!(!dates.is_empty(), "{evs:?}");
    assert!(dates.iter().all(|d| *d == "2024-06-26"), "{dates:?}");
    // The document's own date wins over --date.
    assert!(evs
        .iter()
        .filter(|e| e["doc_id"] == "good-1")
        .all(|e| e["date"] == "2023-09-20"));

    for bad in ["2024-13-01", "June 26", "2024-6-26", "2024-06-26T10:00"] {
        let out = run_stdin(&["code", "--date", bad, "-"], input.as_bytes());
        let err = stderr(&out);
        assert!(!out.status.success(), "{bad}: {err}");
        assert!(
            err.contains("--date") && err.contains("YYYY-MM-DD"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn a_document_over_the_time_budget_is_reported_and_skipped_and_the_run_goes_on() {
    let input = br#"{"id":"first","date":"2025-03-03","text":"The United Nations called on Armenia and Azerbaijan to resume peace talks."}
{"id":"second","date":"2025-03-03","text":"Protesters clashed with police in Yerevan on Tuesday."}
"#;
    // a budget no document can keep: each is reported by id and none is coded
    let out = run_stdin(&["code", "--doc-budget", "0.000001"], input);
    let err = common::stderr(&out);
    assert!(
        err.contains("document \"first\": coding took longer than the budget")
            && err.contains("document \"second\": coding took longer than the budget"),
        "{err}"
    );
    assert!(err.contains("2 read, 0 coded, 2 skipped"), "{err}");
    assert!(common::stdout(&out).is_empty());
    assert_eq!(out.status.code(), Some(2));
    // the default budget codes both
    let out = run_stdin(&["code"], input);
    assert!(common::stderr(&out).contains("2 read, 2 coded, 0 skipped"));
}
