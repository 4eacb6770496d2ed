//! Support for the workspace's tests: reporting a test that skipped its checks.
//!
//! Tests that need data outside the repository (`../shared`: treebanks, dictionary sources,
//! gold sets) pass without checking anything when it is absent. libtest captures what they
//! print, so a green run would look like a full one; [`skipped`] also appends a line to the
//! file named by `DYAD_SKIPPED_LOG`, which `.ci/run` counts and prints after the tests.

use std::io::Write;
use std::path::Path;

/// The environment variable naming the file skipped tests are listed in.
pub const SKIPPED_LOG: &str = "DYAD_SKIPPED_LOG";

/// Records that the running test skipped its checks, and why.
pub fn skipped(reason: &str) {
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    eprintln!("skipped: {test}: {reason}");
    if let Some(path) = std::env::var_os(SKIPPED_LOG) {
        append(Path::new(&path), &test, reason);
    }
}

/// Appends `test: reason` to the log at `path`.
fn append(path: &Path, test: &str, reason: &str) {
    // Tests run in parallel threads and processes: one short append per line stays whole.
    let line = format!("{test}: {reason}\n");
    let appended = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .and_then(|mut f| f.write_all(line.as_bytes()));
    if let Err(e) = appended {
        eprintln!(
            "cannot record the skipped test in {}: {e}",
            path.to_string_lossy()
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_tests_are_listed_one_per_line() {
        let path = std::env::temp_dir().join(format!("dyad-skipped-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        append(&path, "a::t1", "x not found");
        append(&path, "b::t2", "y missing");
        let log = std::fs::read_to_string(&path).unwrap_or_default();
        let _ = std::fs::remove_file(&path);
        assert_eq!(log, "a::t1: x not found\nb::t2: y missing\n");
    }
}
