//! Facts about the project a user relies on before running anything.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A `major.minor[.patch]` version as numbers (`1.85` is `1.85.0`).
fn version(text: &str) -> Vec<u32> {
    let mut v: Vec<u32> = text.split('.').filter_map(|p| p.parse().ok()).collect();
    v.resize(3, 0);
    v
}

/// The `rust-version = "..."` of a Cargo.toml, if any.
fn rust_version(manifest: &str) -> Option<Vec<u32>> {
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("rust-version"))
        .and_then(|rest| rest.split('"').nth(1))
        .map(version)
}

/// `rust-version` must be the true minimum: no older than what any locked dependency needs
/// (a user on an older toolchain gets cargo's clear refusal, not a wall of compile errors),
/// and the README says the same.
#[test]
fn rust_version_covers_every_dependency_and_the_readme_states_it() {
    let root = workspace();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let ours = rust_version(&manifest).expect("workspace rust-version");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let stated = ours
        .iter()
        .take(2)
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".");
    assert!(
        readme.contains(&format!("Rust {stated}")),
        "README should say the minimum toolchain, Rust {stated}"
    );

    let lock = std::fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock");
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let Some(registries) = cargo_home
        .map(|h| h.join("registry/src"))
        .and_then(|p| std::fs::read_dir(p).ok())
    else {
        dyad_model::testing::skipped("no cargo registry sources to read dependencies from");
        return;
    };
    let registries: Vec<PathBuf> = registries.flatten().map(|e| e.path()).collect();
    let mut checked = 0;
    let mut name = "";
    for line in lock.lines() {
        if let Some(n) = line.strip_prefix("name = ") {
            name = n.trim_matches('"');
        } else if let Some(v) = line.strip_prefix("version = ") {
            let dir = format!("{name}-{}", v.trim_matches('"'));
            for reg in &registries {
                let Ok(text) = std::fs::read_to_string(reg.join(&dir).join("Cargo.toml")) else {
                    continue;
                };
                checked += 1;
                if let Some(needed) = rust_version(&text) {
                    assert!(
                        needed <= ours,
                        "{dir} needs Rust {needed:?}; raise rust-version ({ours:?}) in Cargo.toml and README"
                    );
                }
            }
        }
    }
    if checked == 0 {
        dyad_model::testing::skipped("the locked dependencies' sources are not in the registry");
    }
}
