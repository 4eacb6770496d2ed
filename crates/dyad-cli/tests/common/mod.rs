//! Helpers shared by the binary's tests: running `dyad` and reading what it prints.
#![allow(dead_code)]

pub mod server;
pub mod site;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// A fresh folder under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// Runs `dyad ARGS` with `input` on standard input.
pub fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = dyad()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn dyad");
    // dyad may stop before reading its input (a bad argument): a closed pipe is no failure
    let _ = child.stdin.take().expect("stdin").write_all(input);
    child.wait_with_output().expect("wait")
}

/// `dyad export --store STORE ARGS`: its standard output (it must succeed).
pub fn export(store: &str, args: &[&str]) -> Vec<u8> {
    let mut all = vec!["export", "--store", store];
    all.extend_from_slice(args);
    let out = run_stdin(&all, b"");
    assert!(
        out.status.success(),
        "{all:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The JSON lines of standard output.
pub fn events(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
