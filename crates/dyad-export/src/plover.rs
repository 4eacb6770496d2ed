//! `plover`: PLOVER JSON lines with the field names of the PLOVER manual's JSON table (`id`,
//! `date`, `actor`, `recipient`, `event`, `mode`, `context`, `event_loc`, `text_info`,
//! `cite_info`...).

use crate::record::{at, text};
use dyad_store::DocumentInfo;
use serde_json::{json, Value};

/// A PLOVER entity object of an actor reference: `code` the country (an IGO's own code; null
/// for an actor of no known country), `sector`, the text, and dyad's full code as identifier.
fn entity(a: &Value) -> Value {
    let code = text(&a["code"]);
    let top = match &a["country"] {
        Value::Null if code.starts_with("IGO") => json!(code),
        country => country.clone(),
    };
    json!({
        "code": top,
        "sector": a["sector"],
        "entity_text": a["text"],
        "identifier_id": code,
    })
}

/// A PLOVER JSON record of a CONTRACT.md record.
pub(crate) fn record(r: &Value, info: &DocumentInfo) -> Value {
    let list = |v: &Value| match v {
        Value::Null => json!([]),
        Value::Array(_) => v.clone(),
        other => json!([other]),
    };
    let loc = &r["location"];
    json!({
        "id": r["event_id"],
        "has_event": true,
        "date": r["date"],
        "actor": r["source"].as_array().map(|a| a.iter().map(entity).collect::<Vec<_>>()).unwrap_or_default(),
        "recipient": r["target"].as_array().map(|a| a.iter().map(entity).collect::<Vec<_>>()).unwrap_or_default(),
        "event": [at(r, &["plover", "event"])],
        "event_loc": if loc.is_null() { Value::Null } else { json!({
            "extracted_place": loc["name"],
            "resolved_place": loc["name"],
            "geonameid": loc["geonameid"],
            "lat": loc["lat"],
            "lon": loc["lon"],
            "province": loc["admin1"],
            "country_code": loc["country"],
        })},
        "event_text": [at(r, &["trigger", "text"])],
        "quad_code": r["quad_class"],
        "event_scale": r["goldstein"],
        "mode": list(at(r, &["plover", "mode"])),
        "context": list(at(r, &["plover", "context"])),
        "text": r["sentence"],
        "text_info": {
            "sequence": r["sentence_index"],
            "start": at(r, &["trigger", "span"]).get(0),
            "end": at(r, &["trigger", "span"]).get(1),
        },
        "cite_info": {
            "citation": r["doc_id"],
            "url": info.url,
            "title": info.title,
            "language": info.language,
            "publication": info.source,
        },
        "coder": format!("dyad {}", info.dyad_version),
        "codebook": "PLOVER 2021 / CAMEO 1.1b3",
        "coded_date": info.coded_at.get(..10),
        "comment": format!("cameo {}; rule {}; confidence {}", text(&r["cameo"]), text(&r["rule"]), text(&r["confidence"])),
    })
}
