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

    // the packages built for this platform, as cargo resolves the lock file (a dependency of
    // another platform's only, such as wasip2 under getrandom, is never compiled here)
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let host = std::process::Command::new(&rustc)
        .arg("-vV")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|v| {
            v.lines()
                .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        });
    let metadata = host.and_then(|host| {
        std::process::Command::new(&cargo)
            .args([
                "metadata",
                "--format-version",
                "1",
                "--locked",
                "--filter-platform",
            ])
            .arg(host)
            .current_dir(&root)
            .output()
            .ok()
            .filter(|o| o.status.success())
    });
    let Some(metadata) = metadata else {
        dyad_model::testing::skipped(
            "cargo metadata could not list the dependencies (offline, no sources?)",
        );
        return;
    };
    let metadata: serde_json::Value =
        serde_json::from_slice(&metadata.stdout).expect("cargo metadata's JSON");
    let built: std::collections::HashSet<&str> = metadata["resolve"]["nodes"]
        .as_array()
        .expect("resolve nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    let mut checked = 0;
    for package in metadata["packages"].as_array().expect("packages") {
        if !package["id"].as_str().is_some_and(|id| built.contains(id)) {
            continue;
        }
        checked += 1;
        if let Some(needed) = package["rust_version"].as_str().map(version) {
            assert!(
                needed <= ours,
                "{}-{} needs Rust {needed:?}; raise rust-version ({ours:?}) in Cargo.toml and README",
                package["name"],
                package["version"]
            );
        }
    }
    assert!(checked > 100, "only {checked} packages resolved");
}
