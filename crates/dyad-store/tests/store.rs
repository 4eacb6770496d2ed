//! The store keeps documents by id and text, refuses files that are not its own, and writes a
//! document with its events all or nothing.

use dyad_model::{Document, EventRecord};
use dyad_store::{Admission, RunInfo, Store, StoreError};
use std::path::PathBuf;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

fn doc(id: &str, text: &str) -> Document {
    Document {
        id: id.to_string(),
        text: text.to_string(),
        ..Default::default()
    }
}

fn event(id: &str) -> EventRecord {
    EventRecord {
        event_id: id.to_string(),
        ..Default::default()
    }
}

fn run_info() -> RunInfo {
    RunInfo {
        dyad_version: "test".to_string(),
        options: serde_json::json!({}),
    }
}

#[test]
fn the_same_text_is_stored_once_and_other_text_is_a_new_version() {
    let path = temp("versions.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    assert_eq!(
        store.admit("a", "h1").expect("admit"),
        Admission::Store { version: 1 }
    );
    store
        .store_document(run, &doc("a", "one"), "h1", 1, &[event("e1"), event("e2")])
        .expect("store");
    assert_eq!(
        store.admit("a", "h1").expect("admit"),
        Admission::AlreadyStored
    );
    assert_eq!(
        store.admit("a", "h2").expect("admit"),
        Admission::Store { version: 2 }
    );
    store.finish_run(run).expect("finish");
    drop(store);
    // reopening keeps everything
    let store = Store::open(&path).expect("reopen");
    let counts = store.counts().expect("counts");
    assert_eq!((counts.documents, counts.runs, counts.mentions), (1, 1, 2));
}

#[test]
fn another_programs_database_is_refused_untouched() {
    let path = temp("foreign.db");
    {
        let conn = rusqlite_open(&path);
        conn.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('keep');")
            .expect("foreign table");
    }
    let before = std::fs::read(&path).expect("read");
    match Store::open(&path) {
        Err(StoreError::Foreign { .. }) => {}
        other => panic!("expected a foreign-file error, got {:?}", other.map(|_| ())),
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "the file was changed"
    );
}

#[test]
fn a_file_that_is_no_database_is_refused() {
    let path = temp("text.db");
    std::fs::write(
        &path,
        "these are someone's notes, not a database\n".repeat(200),
    )
    .expect("write");
    match Store::open(&path) {
        Err(e @ StoreError::NotSqlite { .. }) => {
            assert!(e.to_string().contains("not a dyad store"))
        }
        other => panic!("expected a not-SQLite error, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn a_newer_stores_schema_is_refused() {
    let path = temp("newer.db");
    drop(Store::open(&path).expect("create"));
    rusqlite_open(&path)
        .execute_batch("PRAGMA user_version = 99;")
        .expect("bump");
    match Store::open(&path) {
        Err(e @ StoreError::Newer { .. }) => assert!(e.to_string().contains("newer dyad")),
        other => panic!("expected a newer-schema error, got {:?}", other.map(|_| ())),
    }
}

fn rusqlite_open(path: &std::path::Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("sqlite")
}

#[test]
fn a_stored_document_reads_back_as_it_was_read() {
    let path = temp("roundtrip.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    let mut d = doc("r", "Text of the story.");
    d.date = chrono::NaiveDate::from_ymd_opt(2024, 5, 13);
    d.title = Some("A title".to_string());
    d.source = Some("Reuters".to_string());
    d.extra
        .insert("section".to_string(), serde_json::json!("world"));
    let stored = store.store_document(run, &d, "h", 1, &[]).expect("store");
    let back = store.document(stored.key).expect("read back");
    assert_eq!(back.id, d.id);
    assert_eq!(back.text, d.text);
    assert_eq!(back.date, d.date);
    assert_eq!(back.title, d.title);
    assert_eq!(back.source, d.source);
    assert_eq!(back.extra, d.extra);
    assert_eq!(store.document_keys().expect("keys"), vec![stored.key]);
}

/// An event record with the fields merging reads.
fn report(
    id: &str,
    event: &str,
    source: &str,
    target: &str,
    date: &str,
    admin1: Option<&str>,
) -> EventRecord {
    let actor = |code: &str| dyad_model::ActorRef {
        code: code.to_string(),
        country: Some(code[..3].to_string()),
        sector: (code.len() > 3).then(|| code[3..].to_string()),
        ..Default::default()
    };
    EventRecord {
        event_id: id.to_string(),
        plover: dyad_model::Plover {
            event: event.to_string(),
            ..Default::default()
        },
        source: vec![actor(source)],
        target: vec![actor(target)],
        date: Some(date.to_string()),
        date_precision: Some("day".to_string()),
        location: admin1.map(|a| dyad_model::Location {
            name: a.to_string(),
            country: Some("UKR".to_string()),
            lat: None,
            lon: None,
            geonameid: None,
            precision: "city".to_string(),
            admin1: Some(a.to_string()),
        }),
        ..Default::default()
    }
}

fn outlet(id: &str, source: &str, text: &str) -> Document {
    Document {
        source: Some(source.to_string()),
        ..doc(id, text)
    }
}

#[test]
fn reports_of_one_happening_from_three_agencies_are_one_event_and_others_are_not() {
    let path = temp("merge.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    let reports = [
        // the same shelling of Kharkiv, told by three agencies on consecutive days
        (
            "reuters-1",
            "Reuters",
            report(
                "r1",
                "ASSAULT",
                "RUSMIL",
                "UKR",
                "2024-05-13",
                Some("Kharkiv"),
            ),
        ),
        (
            "ap-1",
            "AP",
            report("a1", "ASSAULT", "RUS", "UKRCVL", "2024-05-13", None),
        ),
        (
            "afp-1",
            "AFP",
            report(
                "f1",
                "ASSAULT",
                "RUSMIL",
                "UKR",
                "2024-05-14",
                Some("Kharkiv"),
            ),
        ),
        // the same day and sides, but in Odesa: another attack
        (
            "reuters-2",
            "Reuters",
            report(
                "r2",
                "ASSAULT",
                "RUSMIL",
                "UKR",
                "2024-05-13",
                Some("Odesa"),
            ),
        ),
        // the same day and sides, another kind of event
        (
            "ap-2",
            "AP",
            report("a2", "THREATEN", "RUSGOV", "UKR", "2024-05-13", None),
        ),
        // a follow-up a week later
        (
            "reuters-3",
            "Reuters",
            report(
                "r3",
                "ASSAULT",
                "RUSMIL",
                "UKR",
                "2024-05-20",
                Some("Kharkiv"),
            ),
        ),
    ];
    for (k, (id, agency, record)) in reports.iter().enumerate() {
        let text = format!("report {k}");
        store
            .store_document(
                run,
                &outlet(id, agency, &text),
                &format!("h{k}"),
                1,
                std::slice::from_ref(record),
            )
            .expect("store");
    }
    let mut events = Vec::new();
    let filter = dyad_store::EventFilter {
        run: Some(run),
        ..Default::default()
    };
    store
        .each_event(&filter, |e| {
            events.push(e.clone());
            Ok(())
        })
        .expect("events");
    let summary: Vec<(String, Option<String>, i64, i64)> = events
        .iter()
        .map(|e| {
            (
                e.event.clone(),
                e.date.clone(),
                e.num_mentions,
                e.num_sources,
            )
        })
        .collect();
    assert_eq!(events.len(), 4, "{summary:?}");
    let kharkiv = &events[0];
    assert_eq!(
        (
            kharkiv.event.as_str(),
            kharkiv.date.as_deref(),
            kharkiv.last_date.as_deref()
        ),
        ("ASSAULT", Some("2024-05-13"), Some("2024-05-14")),
        "{summary:?}"
    );
    assert_eq!(
        (
            kharkiv.num_mentions,
            kharkiv.num_sources,
            kharkiv.num_articles
        ),
        (3, 3, 3),
        "{summary:?}"
    );
    assert!(
        events[1..].iter().all(|e| e.num_mentions == 1),
        "{summary:?}"
    );
}

#[test]
fn the_merger_in_memory_merges_as_the_store_does() {
    // many reports over two weeks: few types, sides with and without countries, month-precision
    // dates, places in two divisions or none; stored one per document in this order, and given
    // to a `Merger` in the same order, they must fall into the same events
    let path = temp("merger.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    let sides = ["RUSMIL", "RUS", "UKR", "UKRCVL", "UKRMIL", "CVL", "IGOUNO"];
    let types = ["ASSAULT", "THREATEN", "CONSULT"];
    let places = [None, Some("Kharkiv"), Some("Odesa")];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut merger = dyad_store::Merger::new(dyad_store::MergeRule { days: 1 });
    let mut ours = std::collections::HashMap::new();
    for k in 0..400 {
        let (event, source, target) = (types[next(3)], sides[next(7)], sides[next(7)]);
        let day = format!("2024-05-{:02}", 1 + next(14));
        let mut record = report(
            &format!("e{k}"),
            event,
            source,
            target,
            &day,
            places[next(3)],
        );
        for side in [&mut record.source, &mut record.target] {
            for a in side
                .iter_mut()
                .filter(|a| a.code == "CVL" || a.code.starts_with("IGO"))
            {
                a.country = None;
                a.sector = (a.code == "CVL").then(|| "CVL".to_string());
            }
        }
        if next(10) == 0 {
            record.date = Some("2024-05-01".to_string());
            record.date_precision = Some("month".to_string());
        }
        ours.insert(record.event_id.clone(), merger.assign(&record));
        let text = format!("report {k}");
        store
            .store_document(
                run,
                &doc(&format!("d{k}"), &text),
                &format!("h{k}"),
                1,
                &[record],
            )
            .expect("store");
    }
    let mut theirs = std::collections::HashMap::new();
    let filter = dyad_store::EventFilter {
        run: Some(run),
        ..Default::default()
    };
    store
        .each_mention_row(&filter, |m| {
            let r: EventRecord = serde_json::from_str(&m.record).expect("record");
            theirs.insert(r.event_id, m.event_key.expect("merged"));
            Ok(())
        })
        .expect("mentions");
    // the same partition: two reports share an event in one exactly when they do in the other
    let ids: Vec<&String> = ours.keys().collect();
    let mut pairs = 0;
    for a in &ids {
        for b in &ids {
            let same = ours[*a] == ours[*b];
            assert_eq!(same, theirs[*a] == theirs[*b], "{a} and {b}");
            pairs += usize::from(same && a != b);
        }
    }
    assert!(
        pairs > 100,
        "the reports merged too little to test anything: {pairs}"
    );
    assert!(merger.len() > 50, "{}", merger.len());
}

#[test]
fn an_ingest_adds_to_the_current_run_of_the_same_coder_and_options() {
    let path = temp("runs.db");
    let mut store = Store::open(&path).expect("open");
    let first = store.current_run(&run_info()).expect("run");
    assert_eq!(store.current_run(&run_info()).expect("again"), first);
    let other = RunInfo {
        options: serde_json::json!({"min_confidence": 0.0}),
        ..run_info()
    };
    let second = store.current_run(&other).expect("other options");
    assert_ne!(second, first);
    assert_eq!(store.runs().expect("runs").len(), 2);
}

/// The event ids a filter selects, in the order they are listed.
fn selected(store: &Store, filter: &dyad_store::EventFilter) -> Vec<String> {
    let mut ids = Vec::new();
    store
        .each_mention(filter, |record| {
            let v: serde_json::Value = serde_json::from_str(record).expect("record");
            ids.push(v["event_id"].as_str().unwrap_or_default().to_string());
            Ok(())
        })
        .expect("query");
    ids
}

#[test]
fn a_country_filter_finds_either_side_by_code_prefix_alone_or_with_type_and_dates() {
    let path = temp("country.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    let mut undated = report("u", "ASSAULT", "RUSMIL", "UKR", "", None);
    undated.date = None;
    let reports = [
        report("a", "ASSAULT", "RUSMIL", "UKR", "2024-05-13", None),
        report("b", "CONSULT", "FRAGOV", "RUSGOV", "2024-05-10", None),
        report("c", "ASSAULT", "UKRMIL", "RUSMIL", "2024-06-01", None),
        report("d", "ASSAULT", "ISRMIL", "PSE", "2024-05-12", None),
        undated,
    ];
    for (i, r) in reports.into_iter().enumerate() {
        let d = doc(&format!("d{i}"), &format!("text {i}"));
        store
            .store_document(run, &d, &format!("h{i}"), 1, &[r])
            .expect("store");
    }
    let filter = |country: &str| dyad_store::EventFilter {
        country: Some(country.to_string()),
        ..Default::default()
    };
    // either side, in date order (undated first), a lower-case code too
    assert_eq!(selected(&store, &filter("rus")), ["u", "b", "a", "c"]);
    // a longer prefix matches codes, not countries
    assert_eq!(selected(&store, &filter("RUSGOV")), ["b"]);
    assert_eq!(
        selected(
            &store,
            &dyad_store::EventFilter {
                event: Some("ASSAULT".into()),
                since: Some("2024-05".into()),
                until: Some("2024-05".into()),
                ..filter("RUS")
            }
        ),
        ["a"]
    );
    // a date bound leaves undated mentions out
    assert_eq!(
        selected(
            &store,
            &dyad_store::EventFilter {
                until: Some("2024-05-31".into()),
                ..filter("RUS")
            }
        ),
        ["b", "a"]
    );
    assert!(selected(&store, &filter("CHN")).is_empty());
}

#[test]
fn keyset_pages_list_every_row_once_in_order_for_mentions_and_events() {
    let path = temp("pages.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    // undated and dated mentions, several on one date, of two countries
    for i in 0..23 {
        let mut r = report(
            &format!("e{i}"),
            if i % 2 == 0 { "ASSAULT" } else { "CONSULT" },
            if i % 3 == 0 { "RUSMIL" } else { "FRAGOV" },
            "UKR",
            &format!("2024-05-{:02}", 1 + i % 4),
            None,
        );
        if i % 5 == 0 {
            r.date = None;
        }
        let d = doc(&format!("p{i}"), &format!("page text {i}"));
        store
            .store_document(run, &d, &format!("ph{i}"), 1, &[r])
            .expect("store");
    }
    let all_mentions = |filter: &dyad_store::EventFilter| -> Vec<dyad_store::Cursor> {
        let mut rows = Vec::new();
        store
            .each_mention_row(filter, |m| {
                rows.push(m.cursor.clone());
                Ok(())
            })
            .expect("query");
        rows
    };
    for base in [
        dyad_store::EventFilter::default(),
        dyad_store::EventFilter {
            country: Some("RUS".into()),
            ..Default::default()
        },
        dyad_store::EventFilter {
            country: Some("UKR".into()),
            event: Some("ASSAULT".into()),
            ..Default::default()
        },
    ] {
        let whole = all_mentions(&base);
        assert!(!whole.is_empty());
        // in date order and newest first: the same rows, the other way round
        for newest_first in [false, true] {
            let base = dyad_store::EventFilter {
                newest_first,
                ..base.clone()
            };
            let mut paged = Vec::new();
            let mut after = None;
            loop {
                let page = all_mentions(&dyad_store::EventFilter {
                    limit: Some(4),
                    after: after.clone(),
                    ..base.clone()
                });
                if page.is_empty() {
                    break;
                }
                after = page.last().cloned();
                paged.extend(page);
            }
            if newest_first {
                paged.reverse();
            }
            assert_eq!(paged, whole, "{base:?}");
        }
    }
    // merged events page by their own date and key, either way
    for newest_first in [false, true] {
        let events = |after: Option<dyad_store::Cursor>| -> Vec<dyad_store::Cursor> {
            let mut rows = Vec::new();
            store
                .each_event(
                    &dyad_store::EventFilter {
                        limit: Some(3),
                        after,
                        newest_first,
                        ..Default::default()
                    },
                    |e| {
                        rows.push(dyad_store::Cursor {
                            date: e.date.clone(),
                            key: e.event_key,
                        });
                        Ok(())
                    },
                )
                .expect("events");
            rows
        };
        let mut seen = Vec::new();
        let mut after = None;
        loop {
            let page = events(after.clone());
            if page.is_empty() {
                break;
            }
            after = page.last().cloned();
            seen.extend(page);
        }
        let keys: std::collections::HashSet<i64> = seen.iter().map(|c| c.key).collect();
        assert_eq!(keys.len(), seen.len(), "no repeats");
        assert_eq!(seen.len() as i64, store.counts().expect("counts").events);
        let dates: Vec<_> = seen.iter().map(|c| c.date.clone()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        if newest_first {
            sorted.reverse();
        }
        assert_eq!(dates, sorted, "in date order, newest first: {newest_first}");
    }
}

#[test]
fn series_and_networks_add_up_the_filtered_mentions() {
    let path = temp("analytics.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    let mut rows = vec![
        report("a", "ASSAULT", "RUSMIL", "UKR", "2024-05-13", None),
        report("b", "ASSAULT", "RUSMIL", "UKRCVL", "2024-05-14", None),
        report("c", "CONSULT", "FRAGOV", "UKRGOV", "2024-05-20", None),
        report("d", "ASSAULT", "UKRMIL", "RUS", "2024-06-02", None),
    ];
    rows[0].goldstein = -10.0;
    rows[0].quad_class = 4;
    rows[1].goldstein = -9.0;
    rows[1].quad_class = 4;
    rows[2].goldstein = 1.0;
    rows[2].quad_class = 1;
    rows[3].goldstein = -10.0;
    rows[3].quad_class = 4;
    for (i, r) in rows.into_iter().enumerate() {
        let d = doc(&format!("s{i}"), &format!("series text {i}"));
        store
            .store_document(run, &d, &format!("sh{i}"), 1, &[r])
            .expect("store");
    }
    let all = dyad_store::EventFilter::default();
    let months = store
        .series(&all, dyad_store::Bucket::Month, dyad_store::SeriesBy::Total)
        .expect("series");
    let summary: Vec<(&str, i64, f64, i64, i64)> = months
        .iter()
        .map(|r| {
            (
                r.period.as_str(),
                r.count,
                r.goldstein,
                r.cooperation,
                r.conflict,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [("2024-05", 3, -18.0, 1, 2), ("2024-06", 1, -10.0, 0, 1)]
    );
    // weeks are named by their Monday; dyads by the sides' countries
    let weeks = store
        .series(&all, dyad_store::Bucket::Week, dyad_store::SeriesBy::Dyad)
        .expect("weeks");
    let keys: Vec<(&str, Option<&str>, i64)> = weeks
        .iter()
        .map(|r| (r.period.as_str(), r.key.as_deref(), r.count))
        .collect();
    assert_eq!(
        keys,
        [
            ("2024-05-13", Some("RUS-UKR"), 2),
            ("2024-05-20", Some("FRA-UKR"), 1),
            ("2024-05-27", Some("UKR-RUS"), 1)
        ]
    );
    let by_country = store
        .series(
            &dyad_store::EventFilter {
                event: Some("ASSAULT".into()),
                ..Default::default()
            },
            dyad_store::Bucket::Month,
            dyad_store::SeriesBy::Country,
        )
        .expect("countries");
    assert!(by_country
        .iter()
        .any(|r| r.key.as_deref() == Some("UKR") && r.period == "2024-05" && r.count == 2));
    let edges = store.network(&all, true, 10).expect("network");
    let first = &edges[0];
    assert_eq!(
        (first.source.as_str(), first.target.as_str(), first.count),
        ("RUS", "UKR", 2)
    );
    assert!((first.goldstein + 9.5).abs() < 1e-9);
    let coded = store.network(&all, false, 10).expect("codes");
    assert!(coded
        .iter()
        .any(|e| e.source == "RUSMIL" && e.target == "UKRCVL"));
}

#[test]
fn rollups_answer_as_the_mentions_do() {
    let path = temp("rollups.db");
    let mut store = Store::open(&path).expect("open");
    let run = store.begin_run(&run_info()).expect("run");
    let sides = [
        ("RUSMIL", "UKR"),
        ("RUSMIL", "UKRCVL"),
        ("FRAGOV", "UKRGOV"),
        ("UKRMIL", "RUS"),
        ("USAGOV", "CHN"),
    ];
    for i in 0..40 {
        let (s, t) = sides[i % sides.len()];
        let mut r = report(
            &format!("r{i}"),
            ["ASSAULT", "CONSULT", "REQUEST"][i % 3],
            s,
            t,
            &format!("2024-{:02}-{:02}", 1 + i % 3, 1 + (i * 7) % 28),
            None,
        );
        r.goldstein = (i % 21) as f32 - 10.0;
        r.quad_class = (1 + i % 4) as u8;
        r.modality = "asserted".into();
        // two actors of one country on a side count once for the pair
        if i % 5 == 0 {
            r.target.push(r.target[0].clone());
        }
        if i % 9 == 0 {
            r.date = None;
        }
        let d = doc(&format!("rd{i}"), &format!("rollup text {i}"));
        store
            .store_document(run, &d, &format!("rh{i}"), 1, &[r])
            .expect("store");
    }
    assert_rollups_match_mentions(&store);
    // a store of schema 8 gets schema 9's rollups filled from its mentions when migrated
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("sqlite");
    conn.execute_batch(
        "DROP TABLE rollup_countries; DROP TABLE rollup_country_months; DROP TABLE rollup_months;
         DROP TABLE rollup_pair_months; DROP TABLE rollup_pair_totals; DROP TABLE rollup_actor_edges;
         DROP TABLE feeds; DROP TABLE feed_hosts; DROP TABLE feed_items; DROP TABLE watched_files;
         PRAGMA user_version = 8;",
    )
    .expect("back to schema 8");
    drop(conn);
    let store = Store::open(&path).expect("migrated");
    assert_rollups_match_mentions(&store);
}

#[test]
fn rollups_of_bulk_runs_answer_as_the_mentions_do() {
    let path = temp("rollups-bulk.db");
    let mut store = Store::open(&path).expect("open");
    store.fill_synthetic(3000).expect("synthetic");
    assert_rollups_match_mentions(&store);
}

/// The same mentions through the rollups (filters of type, dates, quad class or a country key)
/// and through the mentions (`asserted_only` matches them all, and rollups cannot read it).
fn assert_rollups_match_mentions(store: &Store) {
    let mut checked = 0;
    for base in [
        dyad_store::EventFilter::default(),
        dyad_store::EventFilter {
            event: Some("ASSAULT".into()),
            since: Some("2024-02".into()),
            ..Default::default()
        },
        dyad_store::EventFilter {
            since: Some("2024-02-10".into()),
            quad: Some(4),
            ..Default::default()
        },
        dyad_store::EventFilter {
            country: Some("UKR".into()),
            ..Default::default()
        },
        dyad_store::EventFilter {
            country: Some("rus".into()),
            event: Some("assault".into()),
            until: Some("2024-02".into()),
            ..Default::default()
        },
    ] {
        let slow = dyad_store::EventFilter {
            asserted_only: true,
            ..base.clone()
        };
        for bucket in [
            dyad_store::Bucket::Day,
            dyad_store::Bucket::Week,
            dyad_store::Bucket::Month,
        ] {
            for by in [
                dyad_store::SeriesBy::Total,
                dyad_store::SeriesBy::Dyad,
                dyad_store::SeriesBy::Country,
            ] {
                let rolled = store.series(&base, bucket, by).expect("rolled");
                assert_eq!(
                    rolled,
                    store.series(&slow, bucket, by).expect("scanned"),
                    "{base:?} {bucket:?} {by:?}"
                );
                checked += rolled.len();
            }
        }
        for countries in [true, false] {
            let rolled = store.network(&base, countries, 50).expect("rolled");
            assert_eq!(
                rolled,
                store.network(&slow, countries, 50).expect("scanned"),
                "{base:?} countries: {countries}"
            );
            checked += rolled.len();
        }
    }
    assert!(checked > 20, "too few rows compared: {checked}");
}
