//! `GET /api/export`: every format over HTTP is byte for byte what `dyad export` writes for
//! the same store and filters; filters narrow it; a bad or missing format and unknown
//! parameters are 400s naming them; a client that leaves does not hurt the server.

mod common;
use common::server::{get, start, Server};
use common::{export, run_stdin, temp_dir};

const DOCS: &str = r#"{"id":"reuters-1","source":"Reuters","url":"https://example.com/reuters-1","date":"2024-05-13","text":"Russian forces shelled the city of Kharkiv on Monday, killing four civilians, Ukrainian officials said."}
{"id":"ap-1","source":"AP","date":"2024-05-13","text":"Russian troops bombarded Kharkiv on Monday, regional officials said, adding that four people were killed."}
{"id":"reuters-9","source":"Reuters","date":"2024-05-13","text":"Ukrainian drones attacked an oil depot in Russia's Belgorod region on Monday, the regional governor said."}
{"id":"b","text":"The United Nations called on Armenia and Azerbaijan to resume peace talks.","date":"2025-03-03"}
{"id":"c","text":"Armenian troops were attacked by Azerbaijani forces overnight, the defence ministry said. Protesters rallied outside parliament in Yerevan.","date":"2025-03-04"}
{"id":"d","text":"Police arrested dozens of protesters in Tbilisi, the interior ministry said.","date":"2025-03-05"}
"#;

const FORMATS: [&str; 7] = [
    "jsonl",
    "csv",
    "plover",
    "gdelt",
    "gdelt-mentions",
    "acled",
    "parquet",
];

/// A store of `DOCS` and a server over it.
fn served(name: &str) -> (String, Server) {
    let store = temp_dir(name).join("s.db");
    let store = store.to_str().expect("utf-8").to_string();
    let out = run_stdin(&["ingest", "--store", &store, "-"], DOCS.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = start(&store, &[]).expect("server");
    (store, server)
}

#[test]
fn every_format_over_http_is_what_dyad_export_writes() {
    let (store, server) = served("export-same");
    // (query, the same as flags)
    let variants: [(&str, &[&str]); 4] = [
        ("", &[]),
        ("&merged=true", &["--merged"]),
        ("&header=true", &["--header"]),
        (
            "&country=UKR&type=ASSAULT&since=2024-05",
            &[
                "--country",
                "UKR",
                "--type",
                "ASSAULT",
                "--since",
                "2024-05",
            ],
        ),
    ];
    for format in FORMATS {
        for (query, flags) in variants {
            let path = format!("/api/export?format={format}{query}");
            let answer = get(server.port, &path);
            assert_eq!(answer.status, 200, "{path}: {}", answer.json());
            assert!(answer.complete, "{path}: the body ended early");
            let mut args = vec!["--format", format];
            args.extend_from_slice(flags);
            let expected = export(&store, &args);
            assert!(!expected.is_empty() || query.contains("merged"), "{path}");
            assert!(answer.body == expected, "{path}: differs from dyad export");
            let extension = match format {
                "jsonl" | "plover" => "jsonl",
                "csv" | "acled" => "csv",
                "parquet" => "parquet",
                _ => "tsv",
            };
            assert_eq!(
                answer.header("content-disposition"),
                Some(format!("attachment; filename=\"dyad-events.{extension}\"").as_str()),
                "{path}"
            );
        }
    }
    let types: Vec<Option<String>> = ["jsonl", "csv", "gdelt", "parquet"]
        .iter()
        .map(|f| {
            get(server.port, &format!("/api/export?format={f}"))
                .header("content-type")
                .map(str::to_string)
        })
        .collect();
    assert_eq!(
        types,
        [
            Some("application/x-ndjson".to_string()),
            Some("text/csv; charset=utf-8".to_string()),
            Some("text/tab-separated-values; charset=utf-8".to_string()),
            Some("application/vnd.apache.parquet".to_string()),
        ]
    );
}

#[test]
fn a_filter_narrows_the_export() {
    let (_store, server) = served("export-filter");
    let lines = |path: &str| -> Vec<serde_json::Value> {
        let answer = get(server.port, path);
        assert_eq!(answer.status, 200, "{path}: {}", answer.json());
        String::from_utf8_lossy(&answer.body)
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    };
    let all = lines("/api/export?format=jsonl");
    let ukraine = lines("/api/export?format=jsonl&country=UKR");
    assert!(
        !ukraine.is_empty() && ukraine.len() < all.len(),
        "{} of {}",
        ukraine.len(),
        all.len()
    );
    for r in &ukraine {
        let countries: Vec<&str> = ["source", "target"]
            .iter()
            .flat_map(|side| r[side].as_array().into_iter().flatten())
            .filter_map(|a| a["code"].as_str())
            .collect();
        assert!(countries.iter().any(|c| c.starts_with("UKR")), "{r}");
    }
    // nothing matches: an empty file, not an error
    let none = get(
        server.port,
        "/api/export?format=csv&country=ZZZ&type=PROTEST",
    );
    assert_eq!(none.status, 200);
    assert!(String::from_utf8_lossy(&none.body).starts_with("event_id,"));
    assert_eq!(String::from_utf8_lossy(&none.body).lines().count(), 1);
}

#[test]
fn bad_or_missing_formats_and_unknown_parameters_are_400_naming_them() {
    let (_store, server) = served("export-bad");
    for (path, named) in [
        ("/api/export?format=xml", "format"),
        ("/api/export", "format"),
        ("/api/export?format=csv&colour=red", "colour"),
        ("/api/export?format=csv&merged=maybe", "merged"),
        ("/api/export?format=csv&since=yesterday", "since"),
        ("/api/export?format=csv&q=%22unclosed", "q"),
    ] {
        let answer = get(server.port, path);
        assert_eq!(answer.status, 400, "{path}: {}", answer.json());
        let message = answer.json()["error"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(message.contains(named), "{path}: {message}");
    }
    let listed = get(server.port, "/api/export?format=xml").json();
    assert!(
        listed["error"]
            .as_str()
            .is_some_and(|m| m.contains("gdelt-mentions")),
        "{listed}"
    );
}

#[test]
fn a_client_that_leaves_mid_export_does_not_hurt_the_server() {
    use std::io::{Read, Write};
    let (_store, server) = served("export-leave");
    for _ in 0..3 {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
        s.write_all(b"GET /api/export?format=plover HTTP/1.1\r\nHost: localhost\r\n\r\n")
            .expect("send");
        let mut first = [0u8; 64];
        let _ = s.read(&mut first);
    }
    let answer = get(server.port, "/api/export?format=jsonl");
    assert!(answer.status == 200 && answer.complete && !answer.body.is_empty());
    let spec = get(server.port, "/api/openapi.json").json();
    assert!(
        spec["paths"]["/api/export"]["get"]["parameters"]
            .as_array()
            .is_some_and(|p| p
                .iter()
                .any(|p| p["name"] == "format" && p["required"] == true)),
        "the OpenAPI document describes /api/export"
    );
}
