//! `dyad ingest`: documents coded into the store, once; changed text is a new version; an
//! unreadable line is reported and the rest stored.

mod common;
use common::{export, run_stdin, temp_dir};

const DOCS: &str = r#"{"id":"a","text":"Russian forces shelled Kharkiv on Monday, Ukrainian officials said.","date":"2024-05-13"}
{"id":"b","text":"The United Nations called on Armenia and Azerbaijan to resume peace talks.","date":"2025-03-03"}
"#;

fn ingest(store: &str, input: &str) -> (bool, String) {
    let out = run_stdin(&["ingest", "--store", store, "-"], input.as_bytes());
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// A fresh store in a temp folder named `name`, with `input` ingested: the folder and the
/// store's path.
fn ingested(name: &str, input: &str) -> (std::path::PathBuf, String) {
    let dir = temp_dir(name);
    let store = dir
        .join("events.db")
        .to_str()
        .expect("utf-8 path")
        .to_string();
    let (ok, err) = ingest(&store, input);
    assert!(ok, "{err}");
    (dir, store)
}

#[test]
fn a_second_ingest_of_the_same_documents_stores_nothing_new() {
    let dir = temp_dir("ingest-twice");
    let store = dir.join("events.db");
    let store = store.to_str().expect("utf-8 path");
    let (ok, first) = ingest(store, DOCS);
    assert!(ok, "{first}");
    assert!(first.contains("2 documents read: 2 stored"), "{first}");
    let (ok, second) = ingest(store, DOCS);
    assert!(ok, "{second}");
    assert!(
        second.contains("0 stored (0 new versions of stored ids, 0 copies of stored articles), 2 already stored"),
        "{second}"
    );
    assert!(
        second.contains("the store holds 2 documents (2 articles), 1 runs"),
        "{second}"
    );
    // the same id with other text is a new version, not an overwrite
    let changed = r#"{"id":"a","text":"Russian forces shelled Kharkiv on Tuesday, Ukrainian officials said.","date":"2024-05-14"}"#;
    let (ok, third) = ingest(store, changed);
    assert!(ok, "{third}");
    assert!(
        third.contains("1 stored (1 new versions of stored ids, 0 copies of stored articles)"),
        "{third}"
    );
    assert!(third.contains("the store holds 3 documents"), "{third}");
}

#[test]
fn an_unreadable_line_is_reported_and_the_rest_is_stored() {
    let dir = temp_dir("ingest-bad");
    let store = dir.join("events.db");
    let store = store.to_str().expect("utf-8 path");
    let input = format!("{DOCS}{{not json\n");
    let out = run_stdin(&["ingest", "--store", store, "-"], input.as_bytes());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("-:3:"), "{err}");
    assert!(err.contains("2 stored"), "{err}");
}

#[test]
fn a_file_that_is_not_a_store_is_refused() {
    let dir = temp_dir("ingest-foreign");
    let path = dir.join("notes.db");
    std::fs::write(&path, "not a database\n".repeat(300)).expect("write");
    let (ok, err) = ingest(path.to_str().expect("utf-8 path"), DOCS);
    assert!(!ok);
    assert!(err.contains("is not a dyad store"), "{err}");
}

#[test]
fn another_outlets_text_of_a_stored_story_is_a_copy() {
    let dir = temp_dir("ingest-copies");
    let store = dir.join("events.db");
    let store = store.to_str().expect("utf-8 path");
    let story = "Russian forces shelled the Ukrainian city of Kharkiv overnight, killing at least eight people and wounding dozens, regional governor Oleh Syniehubov said on Monday. The strikes hit residential buildings and a school in the north of the city, he said on Telegram, adding that rescue teams were still searching the rubble for survivors. Russia's defence ministry said its forces had struck military targets in the region.";
    let reuters = serde_json::json!({"id": "reuters-1", "text": story, "date": "2024-05-13", "source": "Reuters"});
    let ap = serde_json::json!({"id": "ap-7", "text": story.replace("at least eight", "at least nine").replace("dozens", "more than 30"), "date": "2024-05-13", "source": "AP"});
    let other = serde_json::json!({"id": "afp-2", "text": "China's trade surplus widened in February as exports rose faster than expected, customs data showed on Friday, while imports fell for a third month as domestic demand stayed weak. Economists said the figures pointed to a recovery in global demand for electronics, but warned that new tariffs announced by Washington could weigh on shipments later this year.", "date": "2024-03-08"});
    let input = format!("{reuters}\n{ap}\n{other}\n");
    let (ok, err) = ingest(store, &input);
    assert!(ok, "{err}");
    assert!(
        err.contains("3 stored (0 new versions of stored ids, 1 copies of stored articles)"),
        "{err}"
    );
    assert!(
        err.contains("the store holds 3 documents (2 articles)"),
        "{err}"
    );
}

#[test]
fn recoding_adds_a_run_that_finds_the_same_events_with_the_same_binary() {
    let (dir, store) = ingested("recode", DOCS);
    let store = store.as_str();
    let out = run_stdin(&["recode", "--store", store], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run_stdin(&["runs", "--store", store], b"");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    // documents and mentions of the ingest run and of the re-coding run
    assert_eq!(rows[0][4..6], rows[1][4..6], "{text}");
    assert_ne!(rows[0][5], "0", "{text}");
    // a store that does not exist is not created by `runs`
    let missing = dir.join("missing.db");
    let out = run_stdin(&["runs", "--store", missing.to_str().expect("utf-8")], b"");
    assert!(!out.status.success());
    assert!(!missing.exists());
}

#[test]
fn three_agencies_reports_of_one_shelling_are_one_event() {
    let dir = temp_dir("merge");
    let store = dir.join("events.db");
    let store = store.to_str().expect("utf-8 path");
    let input = r#"{"id":"reuters-1","source":"Reuters","date":"2024-05-13","text":"Russian forces shelled the city of Kharkiv on Monday, killing four civilians, Ukrainian officials said."}
{"id":"ap-1","source":"AP","date":"2024-05-13","text":"Russian troops bombarded Kharkiv on Monday, regional officials said, adding that four people were killed."}
{"id":"afp-1","source":"AFP","date":"2024-05-14","text":"Russian forces shelled Kharkiv on Monday, killing four people, the regional governor said on Tuesday."}
{"id":"reuters-9","source":"Reuters","date":"2024-05-13","text":"Ukrainian drones attacked an oil depot in Russia's Belgorod region on Monday, the regional governor said."}
{"id":"reuters-10","source":"Reuters","date":"2024-05-20","text":"Russian forces shelled Kharkiv on Monday, killing two people, Ukrainian officials said."}
"#;
    let (ok, err) = ingest(store, input);
    assert!(ok, "{err}");
    // the Kharkiv shelling of the 13th (three agencies), the drone attack on Belgorod the same
    // day (other sides), the shelling a week later (another date)
    assert!(err.contains(", 3 merged events"), "{err}");
}

#[test]
fn events_are_read_back_filtered_merged_and_counted() {
    let dir = temp_dir("events");
    let store = dir.join("events.db");
    let store = store.to_str().expect("utf-8 path");
    let input = r#"{"id":"reuters-1","source":"Reuters","date":"2024-05-13","text":"Russian forces shelled the city of Kharkiv on Monday, killing four civilians, Ukrainian officials said."}
{"id":"ap-1","source":"AP","date":"2024-05-13","text":"Russian troops bombarded Kharkiv on Monday, regional officials said, adding that four people were killed."}
{"id":"reuters-9","source":"Reuters","date":"2024-05-13","text":"Ukrainian drones attacked an oil depot in Russia's Belgorod region on Monday, the regional governor said."}
"#;
    let (ok, err) = ingest(store, input);
    assert!(ok, "{err}");
    let lines = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["events", "--store", store];
        all.extend_from_slice(args);
        let out = run_stdin(&all, b"");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect()
    };
    // merged: the shelling once, with its two outlets
    let merged = lines(&["--merged", "--format", "csv", "--actor", "RUS"]);
    assert_eq!(merged.len(), 2, "{merged:?}");
    let fields: Vec<&str> = merged[1].split(',').collect();
    assert_eq!(fields[2], "2", "two outlets: {merged:?}");
    // full text and actor filters on mentions
    let drones = lines(&["--q", "drones", "--format", "jsonl"]);
    assert_eq!(drones.len(), 1, "{drones:?}");
    assert!(drones[0].contains("\"code\":\"UKRMIL\""), "{drones:?}");
    assert!(lines(&["--recipient", "RUS", "--format", "jsonl"]).len() == 1);
    assert!(lines(&["--since", "2024-05-14", "--format", "jsonl"]).is_empty());
    // stats count by type
    let out = run_stdin(&["stats", "--store", store], b"");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("by type:") && text.contains("ASSAULT"),
        "{text}"
    );
}

#[test]
fn exports_write_plover_json_csv_and_merged_events() {
    let (_, store) = ingested("export", DOCS);
    let store = store.as_str();
    let export = |args: &[&str]| String::from_utf8_lossy(&export(store, args)).to_string();
    let plover = export(&["--format", "plover"]);
    let first: serde_json::Value =
        serde_json::from_str(plover.lines().next().expect("a record")).expect("JSON");
    for field in [
        "id",
        "date",
        "actor",
        "recipient",
        "event",
        "quad_code",
        "text",
        "text_info",
        "cite_info",
    ] {
        assert!(first.get(field).is_some(), "no {field} in {first}");
    }
    assert!(
        first["event"].is_array() && first["actor"][0]["code"].is_string(),
        "{first}"
    );
    let csv = export(&["--format", "csv"]);
    assert!(csv.starts_with("event_id,doc_id,date,"), "{csv}");
    assert_eq!(csv.lines().count(), plover.lines().count() + 1, "{csv}");
    let merged = export(&["--format", "jsonl", "--merged"]);
    let e: serde_json::Value =
        serde_json::from_str(merged.lines().next().expect("an event")).expect("JSON");
    assert!(e["num_mentions"].as_i64().is_some_and(|n| n >= 1), "{e}");
}

#[test]
fn an_ingest_killed_midway_loses_nothing_it_stored_and_a_rerun_resumes() {
    let dir = temp_dir("kill");
    let store = dir.join("events.db");
    let input = dir.join("docs.jsonl");
    let lines: Vec<String> = (0..300)
        .map(|i| {
            serde_json::json!({
                "id": format!("doc-{i}"),
                "date": "2024-05-13",
                "text": format!("Russian forces shelled the village of Number{i} on Monday, killing {i} people, Ukrainian officials said. Kyiv called on its allies to send more air defence systems."),
            })
            .to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).expect("write input");
    // killed at 20 points: early, during coding, between and inside document transactions
    for k in 0..20u64 {
        let mut child = common::dyad()
            .args(["ingest", "--store"])
            .arg(&store)
            .arg(&input)
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(std::time::Duration::from_millis(20 + (k * 37) % 400));
        // SIGKILL: no chance to clean up
        let _ = child.kill();
        let _ = child.wait();
    }
    let out = common::dyad()
        .args(["ingest", "--store"])
        .arg(&store)
        .arg(&input)
        .output()
        .expect("rerun");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    // every document is stored exactly once, whether before the kill or by the rerun
    assert!(err.contains("300 documents read"), "{err}");
    assert!(err.contains("the store holds 300 documents"), "{err}");
    assert!(err.contains("0 new versions"), "{err}");
    // the interrupted run was resumed, not left beside a second one
    assert!(err.contains(" 1 runs"), "{err}");
    let check = common::dyad()
        .args(["runs", "--check", "--store"])
        .arg(&store)
        .output()
        .expect("check");
    let text = String::from_utf8_lossy(&check.stderr);
    assert!(
        check.status.success() && text.contains("integrity check passed"),
        "{text}"
    );
}

/// The three-agency shelling, a drone attack the same day and a shelling a week later.
const AGENCIES: &str = r#"{"id":"reuters-1","source":"Reuters","url":"https://example.com/reuters-1","date":"2024-05-13","text":"Russian forces shelled the city of Kharkiv on Monday, killing four civilians, Ukrainian officials said."}
{"id":"ap-1","source":"AP","url":"https://example.com/ap-1","date":"2024-05-13","text":"Russian troops bombarded Kharkiv on Monday, regional officials said, adding that four people were killed."}
{"id":"afp-1","source":"AFP","date":"2024-05-14","text":"Russian forces shelled Kharkiv on Monday, killing four people, the regional governor said on Tuesday."}
{"id":"reuters-9","source":"Reuters","date":"2024-05-13","text":"Ukrainian drones attacked an oil depot in Russia's Belgorod region on Monday, the regional governor said."}
{"id":"reuters-10","source":"Reuters","date":"2024-05-20","text":"Russian forces shelled Kharkiv on Monday, killing two people, Ukrainian officials said."}
"#;

/// Whether a field parses as GDELT's type for it: integer, float, or text (empty allowed
/// where GDELT leaves fields blank).
fn gdelt_typed(column: usize, value: &str) -> bool {
    // 1-based codebook positions of the integer and float columns
    const INTEGERS: &[usize] = &[1, 2, 3, 4, 26, 30, 32, 33, 34, 36, 44, 52, 60];
    const FLOATS: &[usize] = &[5, 31, 35, 41, 42, 49, 50, 57, 58];
    let c = column + 1;
    if INTEGERS.contains(&c) {
        value.parse::<i64>().is_ok()
    } else if FLOATS.contains(&c) {
        value.is_empty() || value.parse::<f64>().is_ok()
    } else {
        !value.contains(['\t', '\n'])
    }
}

#[test]
fn gdelt_exports_have_the_codebook_columns_and_types() {
    let (_, store) = ingested("gdelt", AGENCIES);
    let store = store.as_str();
    let events = String::from_utf8(export(store, &["--format", "gdelt"])).expect("utf-8");
    let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 3, "one row per merged event: {events}");
    for row in &rows {
        assert_eq!(row.len(), 61, "{row:?}");
        for (i, v) in row.iter().enumerate() {
            assert!(gdelt_typed(i, v), "column {} = {v:?} in {row:?}", i + 1);
        }
    }
    // the Kharkiv shelling: three reports, three outlets, placed in Ukraine (FIPS UP)
    let kharkiv = rows
        .iter()
        .find(|r| r[32] == "3")
        .unwrap_or_else(|| panic!("an event with 3 sources: {events}"));
    // (an article may mention it twice: "shelled ... killing four")
    assert_eq!((kharkiv[1], kharkiv[33]), ("20240513", "3"));
    assert!(
        kharkiv[31].parse::<u32>().is_ok_and(|n| n >= 3),
        "{kharkiv:?}"
    );
    assert_eq!(&kharkiv[5][..3], "RUS");
    assert_eq!(kharkiv[53], "UP", "ActionGeo_CountryCode: {kharkiv:?}");
    assert!(kharkiv[54].starts_with("UP"), "{kharkiv:?}");
    let mentions =
        String::from_utf8(export(store, &["--format", "gdelt-mentions"])).expect("utf-8");
    let ids: std::collections::HashSet<&str> = rows.iter().map(|r| r[0]).collect();
    let mut of_kharkiv = 0;
    for line in mentions.lines() {
        let m: Vec<&str> = line.split('\t').collect();
        assert_eq!(m.len(), 16, "{m:?}");
        assert!(ids.contains(m[0]), "mention of an unknown event: {m:?}");
        for i in [1, 2] {
            assert!(m[i].len() == 14 && m[i].parse::<u64>().is_ok(), "{m:?}");
        }
        for i in [3, 6, 7, 8, 9, 10, 11, 12] {
            assert!(m[i].parse::<i64>().is_ok(), "column {} of {m:?}", i + 1);
        }
        if m[0] == kharkiv[0] {
            of_kharkiv += 1;
        }
    }
    assert_eq!(
        of_kharkiv.to_string(),
        kharkiv[31],
        "NumMentions: {mentions}"
    );
    assert!(mentions.contains("https://example.com/ap-1"), "{mentions}");
}

#[test]
fn acled_export_maps_violence_and_reads_fatalities_from_the_text() {
    let (_, store) = ingested("acled", AGENCIES);
    let store = store.as_str();
    let csv = String::from_utf8(export(store, &["--format", "acled"])).expect("utf-8");
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().expect("header").split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).expect(name);
    for name in [
        "event_id_cnty",
        "event_date",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "inter1",
        "actor2",
        "inter2",
        "interaction",
        "civilian_targeting",
        "iso",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "notes",
        "fatalities",
    ] {
        col(name);
    }
    let rows: Vec<Vec<String>> = lines.map(split_csv).collect();
    assert!(!rows.is_empty(), "{csv}");
    let kharkiv = rows
        .iter()
        .find(|r| r[col("event_date")] == "2024-05-13" && r[col("location")] == "Kharkiv")
        .unwrap_or_else(|| panic!("the Kharkiv shelling: {csv}"));
    assert_eq!(kharkiv[col("country")], "Ukraine");
    assert_eq!(kharkiv[col("iso")], "804");
    assert_eq!(kharkiv[col("disorder_type")], "Political violence");
    assert_eq!(kharkiv[col("fatalities")], "4", "{kharkiv:?}");
    assert_eq!(kharkiv[col("fatalities_stated")], "yes");
    assert!(kharkiv[col("source")].contains("Reuters"), "{kharkiv:?}");
    assert!(kharkiv[col("notes")].contains("Kharkiv"), "{kharkiv:?}");
    for r in &rows {
        assert_eq!(r.len(), header.len(), "{r:?}");
        r[col("fatalities")]
            .parse::<u32>()
            .expect("fatalities are a count");
    }
}

/// The fields of a CSV line (quoted fields with doubled quotes).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("a field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("a field").push(c),
        }
    }
    fields
}

#[test]
fn parquet_export_reads_back_with_every_mention() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let (dir, store) = ingested("parquet", AGENCIES);
    let store = store.as_str();
    let jsonl = export(store, &["--format", "jsonl"]);
    let mentions = String::from_utf8_lossy(&jsonl).lines().count();
    // the file's metadata, read by the parquet crate's reader
    let written = |name: &str, args: &[&str]| {
        let file = dir.join(name);
        let mut all = vec![
            "--format",
            "parquet",
            "--output",
            file.to_str().expect("utf-8"),
        ];
        all.extend_from_slice(args);
        export(store, &all);
        let reader = SerializedFileReader::new(std::fs::File::open(&file).expect("open"))
            .expect("a Parquet file");
        reader.metadata().file_metadata().clone()
    };
    let meta = written("events.parquet", &[]);
    assert_eq!(meta.num_rows() as usize, mentions);
    let names: Vec<&str> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.path().parts()[0].as_str())
        .collect();
    for name in [
        "event_id",
        "date",
        "event",
        "source",
        "target",
        "sentence",
        "event_key",
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    // merged: one row per event
    assert_eq!(written("merged.parquet", &["--merged"]).num_rows(), 3);
}

#[test]
fn two_ingests_into_one_store_at_once_both_store_and_readers_are_not_blocked() {
    use std::process::Stdio;
    let dir = temp_dir("concurrent");
    let store = dir.join("events.db");
    let store = store.to_str().expect("utf-8 path");
    let batch = |prefix: &str| -> std::path::PathBuf {
        let path = dir.join(format!("{prefix}.jsonl"));
        let lines: String = (0..40)
            .map(|i| {
                format!(
                    "{{\"id\":\"{prefix}-{i}\",\"date\":\"2024-05-13\",\"text\":\"Russian forces shelled Kharkiv on Monday, story {prefix} {i}, officials said.\"}}\n"
                )
            })
            .collect();
        std::fs::write(&path, lines).expect("write batch");
        path
    };
    let (a, b) = (batch("a"), batch("b"));
    let spawn = |p: &std::path::Path| {
        common::dyad()
            .args(["ingest", "--store", store])
            .arg(p)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    // the store exists before the race (creating it is one writer's job)
    let (ok, err) = ingest(store, DOCS);
    assert!(ok, "{err}");
    let (first, second) = (spawn(&a), spawn(&b));
    // a reader meanwhile
    let read = run_stdin(&["events", "--store", store, "--format", "jsonl"], b"");
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    for child in [first, second] {
        let out = child.wait_with_output().expect("wait");
        let err = String::from_utf8_lossy(&out.stderr);
        // each finishes, or says clearly that the store is busy
        assert!(
            out.status.success() || err.contains("locked") || err.contains("busy"),
            "{err}"
        );
    }
    // whatever did not get in is stored by a rerun, and nothing twice
    for p in [&a, &b] {
        let out = common::dyad()
            .args(["ingest", "--store", store])
            .arg(p)
            .output()
            .expect("rerun");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = run_stdin(&["runs", "--store", store, "--check"], b"");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (ok, err) = ingest(store, DOCS);
    assert!(ok && err.contains("0 stored"), "{err}");
    let stats = run_stdin(&["events", "--store", store, "--format", "jsonl"], b"");
    let docs: std::collections::HashSet<String> = common::events(&stats)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(docs.len() >= 80, "{} documents with events", docs.len());
}
