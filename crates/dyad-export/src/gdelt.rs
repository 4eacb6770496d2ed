//! `gdelt` and `gdelt-mentions`: GDELT 2.0's event table (61 tab-separated columns in codebook
//! order, one row per merged event) and mentions table (16 columns, one row per event mention,
//! linking it to its document).
//!
//! What is GDELT's and what is dyad's:
//! - `Day` is the event's own date (dyad dates events from the text), not the publication date;
//!   `DATEADDED` is when the first report was stored.
//! - Actor fields come from the first actor of each side (GDELT has one actor per side); the
//!   code's parts after the country (or after `IGO`/`NGO`... and the group) are the type codes.
//! - `NumMentions`, `NumSources`, `NumArticles` are the merged event's; `IsRootEvent` is 1 for an
//!   event of a document's first sentence.
//! - `ActionGeo_*` is the event's place: FIPS 10-4 country code, `ADM1Code` = FIPS + the
//!   GeoNames division code (FIPS-based for most countries, as GDELT's), `FeatureID` the GeoNames
//!   id (GDELT gives the FIPS code for a country). Actor geography is left empty (type 0): dyad
//!   places events, not actors.
//! - Only events the text says happened are written (not negated, future or hypothetical):
//!   GDELT has no column for modality, and a row is read as an event that took place.
//! - `AvgTone` and `MentionDocTone` are empty: dyad does not score tone, and a 0 would claim a
//!   neutral one.

use crate::record::{at, text, NULL};
use dyad_geo::Gazetteer;
use dyad_store::{EventRow, MentionRow};
use serde_json::Value;

/// The GDELT 2.0 event table's columns, in codebook order.
pub(crate) const EVENT_COLUMNS: [&str; 61] = [
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT 2.0 mentions table's columns.
pub(crate) const MENTION_COLUMNS: [&str; 16] = [
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// Groups whose codes begin with a three-letter prefix instead of a country (CAMEO).
const GROUP_PREFIXES: [&str; 5] = ["IGO", "NGO", "IMG", "MNC", "NGM"];

/// A field's text with the characters that would break a TSV row made spaces.
fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// `YYYY-MM-DD` (or a prefix of it) as the parts GDELT writes: (YYYYMMDD, YYYYMM, YYYY,
/// YYYY.FFFF). Missing month or day count as the first.
fn day_fields(date: &str) -> Option<[String; 4]> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let month: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u32 = date.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    let ordinal = chrono::NaiveDate::from_ymd_opt(year, month, day)
        .map(|d| chrono::Datelike::ordinal0(&d))
        .unwrap_or(0);
    Some([
        format!("{year:04}{month:02}{day:02}"),
        format!("{year:04}{month:02}"),
        format!("{year:04}"),
        format!("{:.4}", f64::from(year) + f64::from(ordinal) / 365.0),
    ])
}

/// An RFC 3339 time (or a date) as GDELT's `YYYYMMDDHHMMSS`.
fn timestamp(t: &str) -> String {
    let digits: String = t.chars().filter(char::is_ascii_digit).take(14).collect();
    format!("{digits:0<14}")
}

/// The ten actor columns of a side's first actor (empty for an empty side).
fn actor_fields(side: &Value) -> [String; 10] {
    let Some(a) = side.as_array().and_then(|a| a.first()) else {
        return Default::default();
    };
    let code = text(&a["code"]);
    let country = text(&a["country"]);
    let (group, rest) = match code.get(..3) {
        Some(p) if GROUP_PREFIXES.contains(&p) => {
            (code.get(3..6).unwrap_or_default(), code.get(6..))
        }
        Some(p) if p == country => ("", code.get(3..)),
        _ => ("", None),
    };
    let types: Vec<&str> = rest
        .unwrap_or_default()
        .as_bytes()
        .chunks(3)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    let name = text(&a["text"]);
    let name = name
        .strip_prefix("The ")
        .or_else(|| name.strip_prefix("the "))
        .unwrap_or(&name);
    let ty = |i: usize| types.get(i).map(|t| t.to_string()).unwrap_or_default();
    [
        clean(&code),
        clean(&name.to_uppercase()),
        country,
        group.to_string(),
        String::new(),
        String::new(),
        String::new(),
        ty(0),
        ty(1),
        ty(2),
    ]
}

/// The eight `ActionGeo_*` columns of an event's place.
fn place_fields(location: &Value, geo: &Gazetteer) -> [String; 8] {
    if location.is_null() {
        let mut none: [String; 8] = Default::default();
        none[0] = "0".into();
        return none;
    }
    let iso3 = text(&location["country"]);
    let facts = geo.country_facts(&iso3);
    let fips = facts.map(|f| f.fips.clone()).unwrap_or_default();
    let precision = text(&location["precision"]);
    let us = iso3 == "USA";
    let kind = match precision.as_str() {
        "country" => 1,
        "admin1" if us => 2,
        "city" if us => 3,
        "city" => 4,
        _ => 5,
    };
    let name = text(&location["name"]);
    let admin1 = text(&location["admin1"]);
    let mut full = vec![name.clone()];
    if !admin1.is_empty() && admin1 != name {
        full.push(admin1.clone());
    }
    if let Some(f) = facts.filter(|f| f.name != name) {
        full.push(f.name.clone());
    }
    let adm1 = match geo.admin1_code(&iso3, &admin1) {
        Some(code) if kind != 1 && !fips.is_empty() => format!("{fips}{code}"),
        _ => fips.clone(),
    };
    let feature = if kind == 1 {
        fips.clone()
    } else {
        text(&location["geonameid"])
    };
    [
        kind.to_string(),
        clean(&full.join(", ")),
        fips,
        adm1,
        String::new(),
        text(&location["lat"]),
        text(&location["lon"]),
        feature,
    ]
}

/// One row of the event table for a merged event.
pub(crate) fn event_row(e: &EventRow, geo: &Gazetteer) -> String {
    let r = &e.representative;
    let doc = &e.document;
    let date = e
        .date
        .clone()
        .or_else(|| doc.date.clone())
        .unwrap_or_else(|| doc.stored_at.clone());
    let [day, month, year, fraction] = day_fields(&date).unwrap_or_default();
    let cameo = text(&r["cameo"]);
    let mut row: Vec<String> = Vec::with_capacity(61);
    row.extend([e.event_key.to_string(), day, month, year, fraction]);
    row.extend(actor_fields(&r["source"]));
    row.extend(actor_fields(&r["target"]));
    row.extend([
        u8::from(r["sentence_index"].as_u64() == Some(0)).to_string(),
        cameo.clone(),
        cameo.get(..3).unwrap_or(&cameo).to_string(),
        cameo.get(..2).unwrap_or(&cameo).to_string(),
        text(&r["quad_class"]),
        text(&r["goldstein"]),
        e.num_mentions.to_string(),
        e.num_sources.to_string(),
        e.num_articles.to_string(),
        String::new(),
    ]);
    // actors' own places: unknown
    for _ in 0..2 {
        row.push("0".into());
        row.extend(std::iter::repeat_n(String::new(), 7));
    }
    row.extend(place_fields(&r["location"], geo));
    row.push(timestamp(&doc.stored_at));
    row.push(clean(doc.url.as_deref().unwrap_or(&doc.id)));
    row.join("\t")
}

/// One row of the mentions table, or none for a mention without a merged event.
pub(crate) fn mention_row(m: &MentionRow, r: &Value) -> Option<String> {
    let key = m.event_key?;
    let doc = &m.document;
    let offset = |span: &Value| -> String {
        match (m.sentence_offset, span[0].as_i64()) {
            (Some(o), Some(s)) => (o + s).to_string(),
            _ => "-1".into(),
        }
    };
    let host = doc
        .url
        .as_deref()
        .and_then(|u| u.split("://").nth(1))
        .and_then(|u| u.split('/').next());
    let confidence = r["confidence"].as_f64().unwrap_or(0.0);
    // the span of a side's first actor
    let first_span = |side: &str| {
        r.get(side)
            .and_then(|actors| actors.get(0))
            .map_or(&NULL, |actor| at(actor, &["span"]))
    };
    let row = [
        key.to_string(),
        timestamp(m.event_added.as_deref().unwrap_or(&doc.stored_at)),
        timestamp(doc.date.as_deref().unwrap_or(&doc.stored_at)),
        if doc.url.is_some() { "1" } else { "2" }.to_string(),
        clean(doc.source.as_deref().or(host).unwrap_or_default()),
        clean(doc.url.as_deref().unwrap_or(&doc.id)),
        (r["sentence_index"].as_u64().unwrap_or(0) + 1).to_string(),
        offset(first_span("source")),
        offset(first_span("target")),
        offset(at(r, &["trigger", "span"])),
        "1".into(),
        format!("{:.0}", (confidence * 100.0).clamp(0.0, 100.0)),
        doc.length.to_string(),
        String::new(),
        String::new(),
        String::new(),
    ];
    Some(row.join("\t"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_gdelt_does() {
        assert_eq!(
            day_fields("2024-05-13"),
            Some([
                "20240513".to_string(),
                "202405".to_string(),
                "2024".to_string(),
                "2024.3644".to_string()
            ])
        );
        assert_eq!(
            day_fields("2024-05").map(|d| d[0].clone()),
            Some("20240501".into())
        );
        assert_eq!(day_fields("soon"), None);
        assert_eq!(timestamp("2026-12-06T17:07:55Z"), "20261206170755");
        assert_eq!(timestamp("2024-05-13"), "20240513000000");
    }

    #[test]
    fn actor_codes_split_into_gdelt_fields() {
        let side = serde_json::json!([{"code": "RUSGOVMIL", "country": "RUS", "text": "the Russian military"}]);
        let f = actor_fields(&side);
        assert_eq!(
            (
                f[0].as_str(),
                f[1].as_str(),
                f[2].as_str(),
                f[7].as_str(),
                f[8].as_str()
            ),
            ("RUSGOVMIL", "RUSSIAN MILITARY", "RUS", "GOV", "MIL")
        );
        let un =
            serde_json::json!([{"code": "IGOUNO", "country": null, "text": "The United Nations"}]);
        let f = actor_fields(&un);
        assert_eq!(
            (f[2].as_str(), f[3].as_str(), f[7].as_str()),
            ("", "UNO", "")
        );
        assert_eq!(
            actor_fields(&serde_json::json!([])),
            <[String; 10]>::default()
        );
    }

    #[test]
    fn places_get_fips_codes() {
        let geo = Gazetteer::embedded();
        let kharkiv = serde_json::json!({"name": "Kharkiv", "country": "UKR", "admin1": "Kharkiv",
            "precision": "city", "lat": 49.98, "lon": 36.25, "geonameid": 706483});
        let f = place_fields(&kharkiv, geo);
        assert_eq!(
            (
                f[0].as_str(),
                f[1].as_str(),
                f[2].as_str(),
                f[3].as_str(),
                f[7].as_str()
            ),
            ("4", "Kharkiv, Ukraine", "UP", "UP07", "706483")
        );
        let germany = serde_json::json!({"name": "Germany", "country": "DEU", "admin1": null,
            "precision": "country", "lat": 52.5, "lon": 13.4, "geonameid": 2921044});
        let f = place_fields(&germany, geo);
        assert_eq!(
            (f[0].as_str(), f[2].as_str(), f[3].as_str(), f[7].as_str()),
            ("1", "GM", "GM", "GM")
        );
        assert_eq!(place_fields(&Value::Null, geo)[0], "0");
    }
}
