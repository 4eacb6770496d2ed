//! What a new user hits first: long unpunctuated text, colliding ids, a closed pipe, noisy
//! numbers (issue 11). Each test reproduces a fault as the user met it.

mod common;

use common::{dyad, events, run_stdin, stderr, temp_dir};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::Stdio;

const STORY: &str = "Armenian troops attacked Azerbaijani forces near the border. \
The Russian Foreign Ministry called on Azerbaijan and Armenia to cease fire.";

#[test]
fn files_of_one_name_in_two_folders_get_distinct_ids_and_event_ids() {
    let dir = temp_dir("same-name");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).expect("folder");
        std::fs::write(dir.join(sub).join("story.txt"), STORY).expect("write");
    }
    let out = dyad().arg("code").arg(&dir).output().expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let evs = events(&out);
    let docs: HashSet<&str> = evs.iter().filter_map(|e| e["doc_id"].as_str()).collect();
    assert_eq!(docs, HashSet::from(["a/story", "b/story"]));
    let ids: HashSet<&str> = evs.iter().filter_map(|e| e["event_id"].as_str()).collect();
    assert_eq!(ids.len(), evs.len(), "an event id repeats");
    assert!(!stderr(&out).contains("repeated ids"), "{}", stderr(&out));
}

#[test]
fn a_repeated_explicit_id_is_reported_with_both_places_and_counted() {
    let line = |id: &str| format!(r#"{{"id":"{id}","text":"{STORY}","date":"2023-09-20"}}"#);
    let input = [line("x"), line("y"), line("x"), line("x")].join("\n") + "\n";
    let out = run_stdin(&["code", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().filter(|l| l.starts_with("warning:")).collect();
    assert_eq!(
        warnings,
        [
            "warning: -:3: document id \"x\" was already used at -:1; this document is coded as \"x~2\"",
            "warning: -:4: document id \"x\" was already used at -:1; this document is coded as \"x~3\"",
        ]
    );
    assert!(err.contains("repeated ids: 2"), "{err}");
    let evs = events(&out);
    let ids: HashSet<&str> = evs.iter().filter_map(|e| e["event_id"].as_str()).collect();
    assert_eq!(ids.len(), evs.len(), "an event id repeats");
    let docs: HashSet<&str> = evs.iter().filter_map(|e| e["doc_id"].as_str()).collect();
    assert_eq!(docs, HashSet::from(["x", "y", "x~2", "x~3"]));
}

#[test]
fn text_without_sentence_ends_is_cut_and_reported() {
    // 3,000 words of news without a full stop: one "sentence" to the splitter.
    let words = STORY.replace('.', "").repeat(150);
    let input = format!("{{\"id\":\"table\",\"text\":\"{words}\",\"date\":\"2023-09-20\"}}\n");
    let out = run_stdin(&["code", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    let warning = err
        .lines()
        .find(|l| l.contains("was cut into"))
        .unwrap_or_else(|| panic!("no long-sentence warning in {err}"));
    assert!(
        warning.starts_with("warning: -:1: document \"table\": a sentence of ")
            && warning.contains("at byte 0 of its text"),
        "{warning}"
    );
    assert!(err.contains("long sentences cut: 1"), "{err}");
    let evs = events(&out);
    assert!(evs.len() > 100, "the pieces are still coded: {}", evs.len());
    for e in &evs {
        let sentence = e["sentence"].as_str().unwrap_or_default();
        assert!(sentence.len() <= 1000, "{sentence}");
    }
}

#[test]
fn a_closed_pipe_ends_the_run_quietly_and_successfully() {
    let line = format!(r#"{{"text":"{STORY}","date":"2023-09-20"}}"#);
    let dir = temp_dir("pipe");
    let path = dir.join("many.jsonl");
    // Distinct texts (so that ids do not repeat), enough output to overflow a pipe buffer.
    let input: String = (0..3000)
        .map(|i| line.replace("border.", &format!("border {i}.")) + "\n")
        .collect();
    std::fs::write(&path, input).expect("write");
    let mut child = dyad()
        .arg("code")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout).read_line(&mut first).expect("read");
    // The reader (`head -1`) is gone now.
    let out = child.wait_with_output().expect("wait");
    assert!(first.starts_with('{'), "{first}");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("rror"), "{}", stderr(&out));
}

#[test]
fn confidence_has_at_most_three_decimals() {
    let input = format!(r#"{{"id":"c","text":"{STORY}","date":"2023-09-20"}}"#) + "\n";
    let out = run_stdin(&["code", "-"], input.as_bytes());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut seen = 0;
    for part in text.split("\"confidence\":").skip(1) {
        let number: String = part
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        let decimals = number.split('.').nth(1).map_or(0, str::len);
        assert!(decimals <= 3, "confidence {number}");
        seen += 1;
    }
    assert!(seen > 0);
}

#[test]
fn reading_standard_input_from_a_terminal_says_so() {
    // A terminal needs a pseudo-terminal: util-linux `script` gives dyad one, and Ctrl-D
    // (0x04) typed into it ends the input; `timeout` keeps a stuck terminal from hanging CI.
    let command = format!("{} code", env!("CARGO_BIN_EXE_dyad"));
    let child = std::process::Command::new("timeout")
        .args(["20", "script", "-qec", &command, "/dev/null"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        dyad_model::testing::skipped("no `timeout` and `script` commands to give dyad a terminal");
        return;
    };
    std::thread::sleep(std::time::Duration::from_millis(500));
    if let Some(mut stdin) = child.stdin.take() {
        let _ = std::io::Write::write_all(&mut stdin, b"\x04");
    }
    let out = child.wait_with_output().expect("wait");
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("reading documents from standard input"),
        "{shown}"
    );
}
