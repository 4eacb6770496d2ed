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
    let out = dyad()
        .args(["eval", "plv", "--explain"])
        .arg(&path)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
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
