//! `dyad serve`: the HTTP API answers from the store, pages without gaps or repeats, says
//! which parameter is wrong, refuses to open beyond loopback without a token, and stops
//! cleanly on SIGTERM.

mod common;
use common::{run_stdin, temp_dir};
use std::io::{Read, Write};

const DOCS: &str = r#"{"id":"reuters-1","source":"Reuters","date":"2024-05-13","text":"Russian forces shelled the city of Kharkiv on Monday, killing four civilians, Ukrainian officials said."}
{"id":"ap-1","source":"AP","date":"2024-05-13","text":"Russian troops bombarded Kharkiv on Monday, regional officials said, adding that four people were killed."}
{"id":"reuters-9","source":"Reuters","date":"2024-05-13","text":"Ukrainian drones attacked an oil depot in Russia's Belgorod region on Monday, the regional governor said."}
{"id":"b","text":"The United Nations called on Armenia and Azerbaijan to resume peace talks.","date":"2025-03-03"}
{"id":"c","text":"Armenian troops were attacked by Azerbaijani forces overnight, the defence ministry said. Protesters rallied outside parliament in Yerevan.","date":"2025-03-04"}
"#;

fn store_with_events(name: &str) -> String {
    let dir = temp_dir(name);
    let store = dir.join("s.db").to_str().expect("utf-8").to_string();
    let out = run_stdin(&["ingest", "--store", &store, "-"], DOCS.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    store
}

fn start(store: &str, extra: &[&str], env: Option<&str>) -> Result<common::server::Server, String> {
    let mut args = vec!["--store", store];
    args.extend_from_slice(extra);
    common::server::serve(&args, env)
}

/// The `event_id`s of a page of `/api/events`.
fn event_ids(page: &serde_json::Value) -> Vec<String> {
    page["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["event_id"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The string `field` of each object of a JSON array (rows without it left out).
fn strings<'a>(rows: &'a serde_json::Value, field: &str) -> Vec<&'a str> {
    rows.as_array()
        .expect("an array")
        .iter()
        .filter_map(|r| r[field].as_str())
        .collect()
}

/// GET `path`: the status and the body as JSON.
fn get(port: u16, path: &str) -> (u16, serde_json::Value) {
    request(port, "GET", path, &[], b"")
}

/// A request with headers and a body: the status and the body as JSON.
fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[&str],
    body: &[u8],
) -> (u16, serde_json::Value) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    // a Host among `headers` replaces the default
    let host = if headers
        .iter()
        .any(|h| h.to_ascii_lowercase().starts_with("host:"))
    {
        ""
    } else {
        "Host: localhost\r\n"
    };
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\n{host}Connection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for h in headers {
        head.push_str(h);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    // the server may answer (413, 401) before reading a large body: a reset is no failure
    let _ = s
        .write_all(head.as_bytes())
        .and_then(|()| s.write_all(body));
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let response = String::from_utf8_lossy(&bytes).to_string();
    let (head, body) = response.split_once("\r\n\r\n").expect("a response");
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .expect("a status");
    (
        status,
        serde_json::from_str(body).unwrap_or(serde_json::Value::Null),
    )
}

#[test]
fn events_page_to_the_end_without_gaps_or_repeats() {
    let store = store_with_events("serve-pages");
    let server = start(&store, &[], None).expect("server");
    let (status, all) = get(server.port, "/api/events?limit=1000");
    assert_eq!(status, 200, "{all}");
    let whole = event_ids(&all);
    assert!(whole.len() >= 5, "{all}");
    assert!(all["next"].is_null());
    let mut paged = Vec::new();
    let mut path = "/api/events?limit=2".to_string();
    loop {
        let (status, page) = get(server.port, &path);
        assert_eq!(status, 200, "{page}");
        paged.extend(event_ids(&page));
        match page["next"].as_str() {
            Some(next) => path = format!("/api/events?limit=2&cursor={next}"),
            None => break,
        }
    }
    assert_eq!(paged, whole);
    // filters as `dyad events`; merged events page too
    let (_, ukr) = get(server.port, "/api/events?country=UKR&type=ASSAULT");
    assert!(
        !event_ids(&ukr).is_empty() && event_ids(&ukr).len() < whole.len(),
        "{ukr}"
    );
    let (status, merged) = get(server.port, "/api/events?merged=true&limit=1");
    assert_eq!(status, 200);
    assert!(
        merged["events"][0]["num_mentions"].as_i64().is_some() && merged["next"].is_string(),
        "{merged}"
    );
    let (_, found) = get(server.port, "/api/events?q=drones");
    assert_eq!(event_ids(&found).len(), 1, "{found}");
}

#[test]
fn bad_parameters_are_400_naming_the_parameter() {
    let store = store_with_events("serve-bad");
    let server = start(&store, &[], None).expect("server");
    for (path, names) in [
        ("/api/events?colour=red", "colour"),
        ("/api/events?quad=9", "quad"),
        ("/api/events?since=yesterday", "since"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?cursor=nonsense", "cursor"),
        ("/api/events?q=%22unclosed", "q"),
        ("/api/events?actor=RUS%27%20OR%201=1", "actor"),
        ("/api/events?asserted_only=", "asserted_only"),
        // a full-text query that does not parse is the asker's error in every endpoint
        ("/api/series?q=%3A%22x", "q"),
        ("/api/network?q=a%2Cb", "q"),
        // axum's own refusals are JSON too
        ("/api/events/%FF", "id"),
    ] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, 400, "{path}: {body}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.contains(names), "{path}: {message}");
    }
    let (status, body) = get(server.port, "/api/no-such-thing");
    assert_eq!((status, body["error"].is_string()), (404, true));
    let (status, body) = request(server.port, "DELETE", "/api/events", &[], b"");
    assert_eq!((status, body["error"].is_string()), (405, true), "{body}");
}

#[test]
fn filters_are_values_not_sql() {
    let store = store_with_events("serve-sql");
    let server = start(&store, &[], None).expect("server");
    let (_, all) = get(server.port, "/api/events?limit=1000");
    let whole = event_ids(&all).len();
    assert!(whole >= 5, "{all}");
    // free-text filters carrying SQL: each is a value that matches nothing, or a 400
    for path in [
        "/api/events?place=x%27%20OR%20%271%27=%271",
        "/api/events?place=%27%3B%20DROP%20TABLE%20documents%3B%20--",
        "/api/events?mode=%27%20OR%201=1%20--",
        "/api/events?mode=%25",
        "/api/events?q=x%27%20OR%201=1",
        "/api/series?place=x%22)%20OR%201=1%20--",
        "/api/documents?limit=1%20OR%201=1",
    ] {
        let (status, body) = get(server.port, path);
        // a listing's rows, a series' points
        let rows = ["events", "documents", "series"]
            .iter()
            .filter_map(|k| body[k].as_array())
            .map(Vec::len)
            .sum::<usize>();
        assert!(
            status == 400 || (status == 200 && rows == 0),
            "{path}: {status} {body}"
        );
    }
    // and the store is whole
    let (_, again) = get(server.port, "/api/events?limit=1000");
    assert_eq!(event_ids(&again).len(), whole);
    // the workbench's files are a fixed table: no path reaches the file system
    for path in [
        "/assets/../../../../etc/passwd",
        "/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/assets/..%2f..%2f..%2fetc%2fpasswd",
        "/assets//etc/passwd",
        "/assets/vendor/../../Cargo.toml",
    ] {
        let (status, body) = get(server.port, path);
        assert!(status == 404 || status == 400, "{path}: {status} {body}");
    }
}

#[test]
fn an_event_comes_with_its_evidence_its_document_and_every_report_of_it() {
    let store = store_with_events("serve-one");
    let server = start(&store, &[], None).expect("server");
    let (_, page) = get(
        server.port,
        "/api/events?type=ASSAULT&country=UKR&since=2024-05-13&until=2024-05-13",
    );
    let shelling = page["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["doc_id"] == "ap-1")
        .unwrap_or_else(|| panic!("the AP report: {page}"))
        .clone();
    let id = shelling["event_id"].as_str().expect("id");
    let (status, detail) = get(server.port, &format!("/api/events/{id}"));
    assert_eq!(status, 200, "{detail}");
    assert_eq!(detail["event"]["trigger"], shelling["trigger"]);
    assert_eq!(detail["document"]["source"], "AP");
    // the shelling as Reuters and AP told it: one merged event, two outlets
    assert_eq!(detail["merged"]["num_sources"], 2, "{detail}");
    let outlets: std::collections::BTreeSet<&str> = detail["reports"]
        .as_array()
        .expect("reports")
        .iter()
        .filter_map(|r| r["document"]["source"].as_str())
        .collect();
    assert_eq!(
        outlets.into_iter().collect::<Vec<_>>(),
        ["AP", "Reuters"],
        "{detail}"
    );
    assert_eq!(get(server.port, "/api/events/ffffffffffffffff").0, 404);
    assert_eq!(get(server.port, "/api/events/..%2F..%2Fetc").0, 400);
}

#[test]
fn documents_are_listed_a_page_at_a_time_and_read_with_their_events_placed() {
    let store = store_with_events("serve-docs");
    // a hostile document is stored and served as text, as it came
    let hostile = r#"{"id":"x<script>","text":"Rebels attacked <script>alert(1)</script> the town of Kidal on Monday. <img src=x onerror=alert(2)>","date":"2025-03-05"}"#;
    let out = run_stdin(
        &["ingest", "--store", &store, "-"],
        format!("{hostile}\n").as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = start(&store, &[], None).expect("server");
    let mut ids = Vec::new();
    let mut path = "/api/documents?limit=2".to_string();
    loop {
        let (status, page) = get(server.port, &path);
        assert_eq!(status, 200, "{page}");
        for d in page["documents"].as_array().expect("documents") {
            ids.push(d["id"].as_str().unwrap_or_default().to_string());
        }
        match page["next"].as_str() {
            Some(next) => path = format!("/api/documents?limit=2&cursor={next}"),
            None => break,
        }
    }
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!((ids.len(), sorted.len()), (6, 6), "{ids:?}");
    let (status, doc) = get(server.port, "/api/documents/ap-1");
    assert_eq!(status, 200, "{doc}");
    let text = doc["text"].as_str().expect("text");
    for e in doc["events"].as_array().expect("events") {
        // the sentence stands in the text where the offset says (offsets count characters)
        let offset = e["sentence_offset"].as_u64().expect("offset") as usize;
        let sentence = e["event"]["sentence"].as_str().expect("sentence");
        let at: String = text
            .chars()
            .skip(offset)
            .take(sentence.chars().count())
            .collect();
        assert_eq!(at, sentence);
    }
    let (status, x) = get(server.port, "/api/documents/x%3Cscript%3E");
    assert_eq!(status, 200, "{x}");
    assert!(
        x["text"]
            .as_str()
            .is_some_and(|t| t.contains("<script>alert(1)</script>")),
        "{x}"
    );
    assert_eq!(get(server.port, "/api/documents/nothing-here").0, 404);
}

#[test]
fn compare_finds_who_calls_for_a_ceasefire_in_one_conflict_and_arms_a_side_in_another() {
    let dir = temp_dir("serve-compare");
    let store = dir.join("s.db").to_str().expect("utf-8").to_string();
    let docs = r#"{"id":"k1","date":"2023-09-20","text":"The European Union and the United States called for a ceasefire in Nagorno-Karabakh on Wednesday, urging Azerbaijan and Armenia to return to talks."}
{"id":"k2","date":"2023-09-20","text":"France called on Azerbaijan to halt its offensive and agree to a ceasefire with Armenia."}
{"id":"u1","date":"2023-09-21","text":"The European Union and the United States continue to supply the Ukrainian army with weapons and military equipment, officials said."}
"#;
    let out = run_stdin(&["ingest", "--store", &store, "-"], docs.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let server = start(&store, &[], None).expect("server");
    let (status, answer) = get(server.port, "/api/compare?a=AZE&b=UKR");
    assert_eq!(status, 200, "{answer}");
    let actors: Vec<&str> = strings(&answer["actors"], "actor");
    // France calls for a ceasefire but arms no one in Ukraine
    assert_eq!(actors, ["IGOEUREEC", "USA"], "{answer}");
    let eu = &answer["actors"][0];
    assert_eq!(eu["peace"][0]["doc_id"], "k1");
    assert_eq!(eu["arms"][0]["doc_id"], "u1");
    // the other way round nobody does both
    let (_, reverse) = get(server.port, "/api/compare?a=UKR&b=AZE");
    assert_eq!(
        reverse["actors"].as_array().map(Vec::len),
        Some(0),
        "{reverse}"
    );
    let (status, body) = get(server.port, "/api/compare?a=AZE");
    assert_eq!(status, 400);
    assert!(
        body["error"].as_str().unwrap_or_default().starts_with("b:"),
        "{body}"
    );
}

#[test]
fn a_posted_document_over_the_time_budget_is_reported_and_not_stored() {
    let store = store_with_events("serve-budget");
    let server = start(&store, &["--doc-budget", "0.000001"], None).expect("server");
    let token = std::fs::read_to_string(format!("{store}.token")).expect("token file");
    let auth = format!("Authorization: Bearer {}", token.trim());
    let doc = br#"{"id":"slow-1","date":"2025-03-06","text":"Azerbaijani forces shelled villages near the Armenian border on Thursday. Armenian officials condemned the attack."}"#;
    let (status, body) = request(server.port, "POST", "/api/documents", &[&auth], doc);
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["documents"].as_array().map(Vec::len),
        Some(0),
        "{body}"
    );
    let error = body["unreadable"][0]["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("\"slow-1\"") && error.contains("budget"),
        "{body}"
    );
    let (status, _) = get(server.port, "/api/documents/slow-1");
    assert_eq!(status, 404);
}

#[test]
fn posting_documents_needs_the_token_and_stores_them_once() {
    let store = store_with_events("serve-post");
    let server = start(&store, &[], None).expect("server");
    let token = std::fs::read_to_string(format!("{store}.token")).expect("token file");
    let auth = format!("Authorization: Bearer {}", token.trim());
    let doc = br#"{"id":"posted-1","source":"AFP","date":"2025-03-06","text":"Azerbaijani forces shelled villages near the Armenian border on Thursday, Armenian officials said."}"#;
    let (status, body) = request(server.port, "POST", "/api/documents", &[], doc);
    assert_eq!(status, 401, "{body}");
    let (status, _) = request(
        server.port,
        "POST",
        "/api/documents",
        &["Authorization: Bearer wrong-token-0123456789"],
        doc,
    );
    assert_eq!(status, 401);
    let (status, body) = request(
        server.port,
        "POST",
        "/api/documents",
        &[&auth, "Content-Type: application/json"],
        doc,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["documents"][0]["status"], "stored", "{body}");
    assert!(
        body["documents"][0]["events"]
            .as_u64()
            .is_some_and(|n| n >= 1),
        "{body}"
    );
    // the same again is already stored; a bad line is reported with its line, the rest stored
    let lines = format!(
        "{}\n{{not json\n{}\n",
        String::from_utf8_lossy(doc),
        r#"{"id":"posted-2","text":"Protesters rallied outside parliament in Yerevan on Friday.","date":"2025-03-07"}"#
    );
    let (status, body) = request(
        server.port,
        "POST",
        "/api/documents",
        &[&auth],
        lines.as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let statuses: Vec<&str> = strings(&body["documents"], "status");
    assert_eq!(statuses, ["already stored", "stored"], "{body}");
    assert_eq!(body["unreadable"][0]["line"], 2, "{body}");
    let (_, posted) = get(server.port, "/api/documents/posted-1");
    assert_eq!(posted["source"], "AFP", "{posted}");
    // a body under the limit of 16 MiB but over axum's default of 2 MB is read
    let mut padded =
        br#"{"id":"padded","text":"Protesters rallied in Yerevan on Saturday."}"#.to_vec();
    padded.resize(3 * 1024 * 1024, b' ');
    let (status, body) = request(server.port, "POST", "/api/documents", &[&auth], &padded);
    assert_eq!(status, 200, "{body}");
    // an empty body, and one that says it is JSON but is not, are refused; nothing is stored
    let (status, body) = request(server.port, "POST", "/api/documents", &[&auth], b"");
    assert_eq!(status, 400, "{body}");
    let json = "Content-Type: application/json";
    let not_json = b"{\"id\":\"half\",\"text\":\"Protesters rallied.\"}\n{oops";
    let (status, body) = request(
        server.port,
        "POST",
        "/api/documents",
        &[&auth, json],
        not_json,
    );
    assert_eq!(status, 400, "{body}");
    let bad_item = br#"[{"id":"fine","text":"Protesters rallied."},{"id":"bad"}]"#;
    let (status, body) = request(
        server.port,
        "POST",
        "/api/documents",
        &[&auth, json],
        bad_item,
    );
    assert!(
        status == 400
            && body["error"]
                .as_str()
                .unwrap_or_default()
                .contains("item 2"),
        "{body}"
    );
    assert_eq!(get(server.port, "/api/documents/fine").0, 404);
    // a body over the limit is refused before it is read, in JSON as every error
    let big = vec![b' '; 17 * 1024 * 1024];
    let (status, body) = request(server.port, "POST", "/api/documents", &[&auth], &big);
    assert_eq!((status, body["error"].is_string()), (413, true), "{body}");
}

#[test]
fn series_and_network_aggregate_in_the_store_with_the_filters() {
    let store = store_with_events("serve-aggregates");
    let server = start(&store, &[], None).expect("server");
    let (status, months) = get(server.port, "/api/series?bucket=month");
    assert_eq!(status, 200, "{months}");
    let periods: Vec<&str> = strings(&months["series"], "period");
    assert_eq!(periods, ["2024-05", "2025-03"], "{months}");
    let total: i64 = months["series"]
        .as_array()
        .expect("series")
        .iter()
        .filter_map(|r| r["count"].as_i64())
        .sum();
    let (_, all) = get(server.port, "/api/events?limit=1000");
    let dated = all["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter(|e| e["date"].is_string())
        .count();
    assert_eq!(total as usize, dated);
    let (status, dyads) = get(server.port, "/api/series?bucket=day&by=dyad&type=ASSAULT");
    assert_eq!(status, 200);
    assert!(
        dyads["series"]
            .as_array()
            .expect("series")
            .iter()
            .any(|r| r["key"] == "RUS-UKR"),
        "{dyads}"
    );
    let (status, net) = get(
        server.port,
        "/api/network?level=country&since=2024-05&until=2024-05",
    );
    assert_eq!(status, 200);
    let first = &net["edges"][0];
    assert_eq!(
        (first["source"].as_str(), first["target"].as_str()),
        (Some("RUS"), Some("UKR")),
        "{net}"
    );
    assert!(
        first["goldstein"].as_f64().is_some_and(|g| g < 0.0),
        "{net}"
    );
    for (path, name) in [
        ("/api/series?bucket=year", "bucket"),
        ("/api/series?by=planet", "by"),
        ("/api/network?level=galaxy", "level"),
        ("/api/network?limit=-1", "limit"),
        ("/api/network?cursor=1~", "cursor"),
    ] {
        let (status, body) = get(server.port, path);
        assert_eq!(status, 400, "{path}: {body}");
        assert!(
            body["error"].as_str().unwrap_or_default().contains(name),
            "{path}: {body}"
        );
    }
}

#[test]
fn the_openapi_document_describes_every_parameter_of_the_routes() {
    let store = store_with_events("serve-openapi");
    let server = start(&store, &[], None).expect("server");
    let (status, doc) = get(server.port, "/api/openapi.json");
    assert_eq!(status, 200);
    assert!(
        doc["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3.1")),
        "{doc}"
    );
    let params: Vec<&str> = strings(&doc["paths"]["/api/events"]["get"]["parameters"], "name");
    for name in [
        "actor",
        "recipient",
        "country",
        "type",
        "mode",
        "quad",
        "since",
        "until",
        "place",
        "asserted_only",
        "q",
        "merged",
        "limit",
        "cursor",
    ] {
        assert!(params.contains(&name), "{name} not in {params:?}");
    }
    // every parameter the document names is one the route accepts
    for name in params {
        let (status, body) = get(server.port, &format!("/api/events?{name}=1"));
        let message = body["error"].as_str().unwrap_or_default();
        assert!(
            status == 200 || !message.contains("unknown parameter"),
            "{name}: {message}"
        );
    }
}

#[test]
fn listening_beyond_loopback_needs_a_configured_token() {
    let store = store_with_events("serve-open");
    let refused = start(&store, &["--bind", "0.0.0.0"], None)
        .err()
        .expect("refused");
    assert!(
        refused.contains("refusing to listen on 0.0.0.0 without a token"),
        "{refused}"
    );
    let server =
        start(&store, &["--bind", "0.0.0.0"], Some("0123456789abcdef0123")).expect("with a token");
    assert_eq!(get(server.port, "/api/events?limit=1").0, 200);
    // bound beyond loopback, it is reached by whatever name the operator gave it
    let named = &["Host: events.example.org"];
    assert_eq!(
        request(server.port, "GET", "/api/events?limit=1", named, b"").0,
        200
    );
}

#[test]
fn on_loopback_only_loopback_names_are_answered_against_dns_rebinding() {
    let store = store_with_events("serve-rebind");
    let server = start(&store, &[], None).expect("server");
    for host in ["Host: localhost", "Host: 127.0.0.1:8600", "Host: [::1]"] {
        assert_eq!(
            request(server.port, "GET", "/api/events?limit=1", &[host], b"").0,
            200,
            "{host}"
        );
    }
    // a page of another site that made its name resolve to 127.0.0.1
    for path in [
        "/api/events?limit=1",
        "/api/documents",
        "/",
        "/api/export?format=csv",
    ] {
        let (status, body) = request(
            server.port,
            "GET",
            path,
            &["Host: attacker.example:8600"],
            b"",
        );
        assert_eq!(status, 421, "{path}: {body}");
        let message = body["error"].as_str().unwrap_or_default();
        assert!(message.contains("\"attacker.example:8600\""), "{message}");
    }
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_server_cleanly_and_the_token_stays_private() {
    let store = store_with_events("serve-stop");
    let mut server = start(&store, &[], None).expect("server");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(format!("{store}.token"))
            .expect("token file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let status = server.terminate();
    assert!(status.success(), "{status:?}");
}

#[test]
fn every_filter_selects_what_dyad_events_selects() {
    let store = store_with_events("serve-filters");
    let server = start(&store, &[], None).expect("server");
    let (_, every) = get(server.port, "/api/events?limit=1000");
    let all = event_ids(&every);
    // a mode that occurs, so that the mode filter selects something
    let mode = every["events"]
        .as_array()
        .into_iter()
        .flatten()
        .find_map(|e| e["plover"]["mode"].as_str())
        .unwrap_or("unknown-mode")
        .to_string();
    let cases: Vec<(&str, String)> = vec![
        ("actor", "RUS".into()),
        ("recipient", "UKR".into()),
        ("country", "UKR".into()),
        ("type", "ASSAULT".into()),
        ("mode", mode),
        ("quad", "4".into()),
        ("since", "2025-03".into()),
        ("until", "2024-12-31".into()),
        ("place", "Kharkiv".into()),
        ("asserted-only", String::new()),
        ("q", "Kharkiv".into()),
        ("run", "1".into()),
    ];
    for (flag, value) in cases {
        let param = flag.replace('-', "_");
        let query = if value.is_empty() {
            format!("{param}=true")
        } else {
            format!("{param}={}", value.replace(' ', "%20"))
        };
        let (status, page) = get(server.port, &format!("/api/events?limit=1000&{query}"));
        assert_eq!(status, 200, "{query}: {page}");
        let api = event_ids(&page);
        let mut args = vec![
            "events", "--store", &store, "--format", "jsonl", "--limit", "1000",
        ];
        let flag_arg = format!("--{flag}");
        args.push(&flag_arg);
        if !value.is_empty() {
            args.push(&value);
        }
        let out = run_stdin(&args, b"");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let cli: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .map(|e| e["event_id"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(api, cli, "{query}: the API and dyad events differ");
        if flag != "run" {
            assert!(
                !api.is_empty() && api.len() < all.len(),
                "{query} should select some events and not all: {} of {}",
                api.len(),
                all.len()
            );
        }
        // newest first: the same events the other way round
        let (_, newest) = get(
            server.port,
            &format!("/api/events?limit=1000&order=newest&{query}"),
        );
        let mut reversed = event_ids(&newest);
        reversed.reverse();
        assert_eq!(reversed, api, "{query} newest first");
    }
}
