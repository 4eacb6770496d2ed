//! `dyad eval plv` and `dyad eval plover --explain`: scores and the stage blamed for each miss.

mod common;

use common::{dyad, stderr, stdout, temp_dir};

/// Rows written for this test: one event dyad codes, one it cannot (no verb it knows), one
/// whose recipient it cannot find.
const PLV: &str = "row\tgold_root\tsource\ttarget\tsentence\n\
0\tREQUEST\tThe Russian Foreign Ministry\tArmenia\tThe Russian Foreign Ministry called on Azerbaijan and Armenia to cease fire.\n\
1\tASSAULT\tthe rebels\tthe convoy\tThe rebels zorbled the convoy near the border.\n\
2\tASSAULT\tthe rebels\tthe convoy\tThe rebels attacked the convoy.\n";

#[test]
fn plv_scores_and_explains_each_miss() {
    let dir = temp_dir("eval-plv");
    let path = dir.join("rows.tsv");
    std::fs::write(&path, PLV).expect("write");
    let run = |min: &str| {
        let out = dyad()
            .args(["eval", "plv", "--explain", "--min-confidence", min])
            .arg(&path)
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
    };
    // a threshold no row reaches: the right row is blamed on it
    let text = run("0.999");
    assert!(text.contains("triple_r=0.000"), "{text}");
    assert!(text.lines().any(|l| l.starts_with("[Threshold]")), "{text}");
    // every row kept: the stages of the coder
    let text = run("0");
    assert!(text.contains("rows=3 sentences=3"), "{text}");
    assert!(text.contains("type_r=0.667"), "{text}");
    assert!(text.contains("triple_r=0.333"), "{text}");
    let line = |stage: &str| text.lines().any(|l| l.starts_with(stage));
    assert!(line("[NoCandidate]"), "{text}");
    assert!(line("[ActorMissing]") || line("[WrongRole]"), "{text}");
    assert!(text.contains("misses by stage (2):"), "{text}");
}

#[test]
fn halves_split_the_rows_between_them() {
    let dir = temp_dir("eval-half");
    let path = dir.join("rows.tsv");
    std::fs::write(&path, PLV).expect("write");
    let rows = |half: &str| {
        let out = dyad()
            .args(["eval", "plv", "--half", half])
            .arg(&path)
            .output()
            .expect("run");
        let text = stdout(&out);
        text.split("rows=")
            .nth(1)
            .and_then(|r| r.split(' ').next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(usize::MAX)
    };
    assert_eq!(rows("a") + rows("b"), 3);
    let bad = dyad()
        .args(["eval", "plv", "--half", "c"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(!bad.status.success());
}

#[test]
fn the_scorer_trains_with_held_out_tables_and_deterministically() {
    let gold =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/gold/voa-first10.jsonl");
    let dir = temp_dir("train-scorer");
    let run = |out: &std::path::Path| {
        let o = dyad()
            .args(["train", "scorer", "--gold"])
            .arg(&gold)
            .arg("--out")
            .arg(out)
            .output()
            .expect("run");
        assert!(o.status.success(), "{}", stderr(&o));
        (stdout(&o), std::fs::read_to_string(out).unwrap_or_default())
    };
    let (report, model) = run(&dir.join("a.tsv"));
    assert!(report.contains("reliability (held-out folds"), "{report}");
    assert!(
        report.contains("threshold  rows  precision  recall"),
        "{report}"
    );
    assert!(model.lines().any(|l| l.starts_with("bias\t")), "{model}");
    assert!(model.lines().filter(|l| !l.starts_with('#')).count() > 10);
    assert_eq!(run(&dir.join("b.tsv")).1, model, "same data, same weights");
}

#[test]
fn rows_under_the_minimum_confidence_are_dropped() {
    let input = r#"{"id":"c","date":"2023-09-20","text":"Armenian troops attacked Azerbaijani forces near the border. The Russian Foreign Ministry called on Azerbaijan and Armenia to cease fire."}"#;
    let count = |min: &str| {
        let out = common::run_stdin(&["code", "--min-confidence", min, "-"], input.as_bytes());
        assert!(out.status.success(), "{}", stderr(&out));
        common::events(&out)
            .iter()
            .map(|e| e["confidence"].as_f64().unwrap_or(-1.0))
            .collect::<Vec<f64>>()
    };
    let all = count("0");
    assert!(!all.is_empty() && all.iter().all(|c| (0.0..=1.0).contains(c)));
    let top = all.iter().cloned().fold(0.0, f64::max);
    let kept = count(&format!("{top}"));
    assert!(!kept.is_empty() && kept.len() <= all.len());
    assert!(kept.iter().all(|c| *c >= top));
    assert!(count("1.01").is_empty());
}
