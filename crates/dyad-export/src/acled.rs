//! `acled`: merged events in ACLED's column set (CSV), for the events ACLED covers.
//!
//! ACLED codes political violence, demonstrations and strategic developments, one row per
//! event. dyad maps a merged event to ACLED's `event_type` / `sub_event_type` from its PLOVER
//! type and mode, the first rule that applies winning (events of no row are not exported:
//! ACLED does not cover them):
//!
//! | PLOVER | mode (or CAMEO) | ACLED event type: sub-event type |
//! |---|---|---|
//! | ASSAULT | `sexual` (CAMEO 1821) | Violence against civilians: Sexual violence |
//! | ASSAULT | `abduct` (181) | Violence against civilians: Abduction/forced disappearance |
//! | ASSAULT | `aerial`, `drone` (195) | Explosions/Remote violence: Air/drone strike |
//! | ASSAULT | `suicide-attack` (1831, 1832) | Explosions/Remote violence: Suicide bomb |
//! | ASSAULT | `heavy-weapons` (194) | Explosions/Remote violence: Shelling/artillery/missile attack |
//! | ASSAULT | `explosives` (183) | Explosions/Remote violence: Remote explosive/landmine/IED |
//! | ASSAULT | `unconventional` (196) | Explosions/Remote violence: Chemical weapon |
//! | ASSAULT | no mode; trigger or attacker names aircraft or drones | Explosions/Remote violence: Air/drone strike |
//! | ASSAULT | no mode; trigger or attacker names shelling, artillery, missiles, rockets, mortars | Explosions/Remote violence: Shelling/artillery/missile attack |
//! | ASSAULT | no mode; trigger or attacker names a roadside or car bomb, IED, landmine | Explosions/Remote violence: Remote explosive/landmine/IED |
//! | ASSAULT | `crowd-control` | Protests: Protest with intervention |
//! | ASSAULT | `destroy` | Strategic developments: Looting/property destruction |
//! | ASSAULT | a target of civilians only | Violence against civilians: Attack |
//! | ASSAULT | other | Battles: Armed clash |
//! | COERCE | `arrest` (173) | Strategic developments: Arrests |
//! | COERCE | `seize` | Strategic developments: Looting/property destruction |
//! | PROTEST | `riot` (145) | Riots: Violent demonstration |
//! | PROTEST | `demo`, `strike`, `hunger`, `obstruct`, none | Protests: Peaceful protest |
//! | RETREAT | `ceasefire` (0871) | Strategic developments: Agreement |
//! | RETREAT | `withdraw` (0874) | Strategic developments: Non-violent transfer of territory |
//! | RETREAT | `release` | Strategic developments: Other |
//! | RETREAT | `disarm` | Strategic developments: Change to group/activity |
//! | AGREE | an armed actor on a side | Strategic developments: Agreement |
//! | MOBILIZE | any | Strategic developments: Change to group/activity |
//!
//! Actors' `inter` codes (ACLED's numeric scheme) come from their codes: state forces (1) for a
//! country, government, military or police, external forces (8) for IGOs and for state forces
//! acting outside their country, rebels (2) for REB/INS, political militias (3) for UAF,
//! protesters (6) and rioters (5) on the acting side of a protest or riot, civilians (7)
//! otherwise. `fatalities` is what the event's sentence states ("killing at least eight
//! people": 8); where it states none it is 0 and `fatalities_stated` says `no` (or `vague` for
//! "dozens were killed"): never invented. Strategic developments, non-violent by ACLED's
//! definition, have 0 (`not applicable`). `notes` is the evidence sentence. The place is the
//! event's; an event with none is placed at its country's capital with `geo_precision` 3. An
//! event dated to a month or year has its first day and `time_precision` 3. Events the text
//! negates, or states as future or hypothetical, are not exported (ACLED records what happened).
//! dyad's own columns follow ACLED's: the event key, PLOVER type and mode, CAMEO code and
//! confidence.

use crate::csv::line;
use crate::record::{at, happened, text};
use dyad_code::fatalities::{stated_fatalities, Fatalities};
use dyad_geo::Gazetteer;
use dyad_store::EventRow;
use serde_json::Value;

/// ACLED's columns, then dyad's.
pub(crate) const COLUMNS: [&str; 37] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
    "fatalities_stated",
    "dyad_event_key",
    "dyad_plover",
    "dyad_mode",
    "dyad_cameo",
    "dyad_confidence",
];

const BATTLES: &str = "Battles";
const REMOTE: &str = "Explosions/Remote violence";
const CIVILIANS: &str = "Violence against civilians";
const PROTESTS: &str = "Protests";
const RIOTS: &str = "Riots";
const STRATEGIC: &str = "Strategic developments";

/// Sectors of armed actors.
const ARMED: [&str; 7] = ["MIL", "REB", "INS", "UAF", "COP", "SPY", "SEP"];

/// Sectors of civilians.
const CIVILIAN: [&str; 12] = [
    "CVL", "REF", "EDU", "MED", "HLH", "BUS", "REL", "HRI", "NGO", "LAB", "JRN", "AGR",
];

/// The sectors in an actor's code (three-letter parts after the country or group).
fn sectors(actor: &Value) -> Vec<String> {
    let code = text(&actor["code"]);
    let rest = code.get(3..).unwrap_or_default();
    let mut out: Vec<String> = rest
        .as_bytes()
        .chunks(3)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .map(str::to_string)
        .collect();
    if let Some(s) = actor["sector"].as_str() {
        out.push(s.to_string());
    }
    out
}

fn side(r: &Value, name: &str) -> Vec<Value> {
    r[name].as_array().cloned().unwrap_or_default()
}

fn is_civilian(a: &Value) -> bool {
    let s = sectors(a);
    !s.is_empty()
        && s.iter().any(|s| CIVILIAN.contains(&s.as_str()))
        && !s.iter().any(|s| ARMED.contains(&s.as_str()))
}

/// ACLED's event type and sub-event type for an event record, if ACLED covers it.
fn classify(r: &Value) -> Option<(&'static str, &'static str)> {
    let event = text(at(r, &["plover", "event"]));
    let mode = text(at(r, &["plover", "mode"]));
    let cameo = text(&r["cameo"]);
    let is = |m: &str, codes: &[&str]| mode == m || codes.iter().any(|c| cameo.starts_with(c));
    let target = side(r, "target");
    Some(match event.as_str() {
        "ASSAULT" => {
            if is("sexual", &["1821"]) {
                (CIVILIANS, "Sexual violence")
            } else if is("abduct", &["181"]) {
                (CIVILIANS, "Abduction/forced disappearance")
            } else if is("aerial", &["195"]) || mode == "drone" {
                (REMOTE, "Air/drone strike")
            } else if is("suicide-attack", &["1831", "1832"]) {
                (REMOTE, "Suicide bomb")
            } else if is("heavy-weapons", &["194"]) {
                (REMOTE, "Shelling/artillery/missile attack")
            } else if is("explosives", &["183"]) {
                (REMOTE, "Remote explosive/landmine/IED")
            } else if is("unconventional", &["196"]) {
                (REMOTE, "Chemical weapon")
            } else if let Some(sub) = weapon(r) {
                (REMOTE, sub)
            } else if mode == "crowd-control" {
                (PROTESTS, "Protest with intervention")
            } else if mode == "destroy" {
                (STRATEGIC, "Looting/property destruction")
            } else if !target.is_empty() && target.iter().all(is_civilian) {
                (CIVILIANS, "Attack")
            } else {
                (BATTLES, "Armed clash")
            }
        }
        "COERCE" if is("arrest", &["173"]) => (STRATEGIC, "Arrests"),
        "COERCE" if mode == "seize" => (STRATEGIC, "Looting/property destruction"),
        "PROTEST" if is("riot", &["145"]) => (RIOTS, "Violent demonstration"),
        "PROTEST" if ["", "demo", "strike", "hunger", "obstruct"].contains(&mode.as_str()) => {
            (PROTESTS, "Peaceful protest")
        }
        "RETREAT" if is("ceasefire", &["0871"]) => (STRATEGIC, "Agreement"),
        "RETREAT" if is("withdraw", &["0874"]) => (STRATEGIC, "Non-violent transfer of territory"),
        "RETREAT" if mode == "release" => (STRATEGIC, "Other"),
        "RETREAT" if mode == "disarm" => (STRATEGIC, "Change to group/activity"),
        "AGREE"
            if side(r, "source")
                .iter()
                .chain(&target)
                .any(|a| sectors(a).iter().any(|s| ARMED.contains(&s.as_str()))) =>
        {
            (STRATEGIC, "Agreement")
        }
        "MOBILIZE" => (STRATEGIC, "Change to group/activity"),
        _ => return None,
    })
}

/// Words of an attack's trigger or attacker that name a remote weapon (when the coder gave the
/// event no mode): "shelled", "Russian drones", "a missile strike".
fn weapon(r: &Value) -> Option<&'static str> {
    const WEAPONS: &[(&str, &str)] = &[
        ("drone", "Air/drone strike"),
        ("airstrike", "Air/drone strike"),
        ("air strike", "Air/drone strike"),
        ("air raid", "Air/drone strike"),
        ("warplane", "Air/drone strike"),
        ("aircraft", "Air/drone strike"),
        ("helicopter", "Air/drone strike"),
        ("jets", "Air/drone strike"),
        ("shell", "Shelling/artillery/missile attack"),
        ("artillery", "Shelling/artillery/missile attack"),
        ("missile", "Shelling/artillery/missile attack"),
        ("rocket", "Shelling/artillery/missile attack"),
        ("mortar", "Shelling/artillery/missile attack"),
        ("bombard", "Shelling/artillery/missile attack"),
        ("roadside bomb", "Remote explosive/landmine/IED"),
        ("car bomb", "Remote explosive/landmine/IED"),
        ("landmine", "Remote explosive/landmine/IED"),
        ("ied", "Remote explosive/landmine/IED"),
    ];
    let mut words = text(at(r, &["trigger", "text"])).to_lowercase();
    for a in side(r, "source") {
        words.push(' ');
        words.push_str(&text(at(&a, &["text"])).to_lowercase());
    }
    // a weapon word begins a word of the text ("shelled", "drones"; not "Shelley")
    let starts_word = |w: &str| {
        words.match_indices(w).any(|(i, _)| {
            let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            // `match_indices` gives char boundaries
            let before = words.get(..i).unwrap_or_default();
            let after = words.get(i + w.len()..).unwrap_or_default();
            // "Shelley" is a name; "ied" only as a word ("died" is none)
            let other_word = letter(before.chars().next_back())
                || (w == "shell" && after.starts_with("ey"))
                || (w == "ied" && letter(after.chars().next()));
            !other_word
        })
    };
    WEAPONS
        .iter()
        .find(|(w, _)| starts_word(w))
        .map(|(_, sub)| *sub)
}

fn disorder(event_type: &str, sub: &str) -> &'static str {
    match (event_type, sub) {
        (PROTESTS, "Excessive force against protesters") => "Political violence; Demonstrations",
        (PROTESTS, _) | (RIOTS, "Violent demonstration") => "Demonstrations",
        (STRATEGIC, _) => "Strategic developments",
        _ => "Political violence",
    }
}

/// ACLED's `inter` code of an actor (0 for none) and its ACLED-style name.
fn inter(
    a: Option<&Value>,
    acting: bool,
    event_type: &str,
    place_country: &str,
    geo: &Gazetteer,
) -> (u8, String) {
    let Some(a) = a else {
        return (0, String::new());
    };
    let code = text(&a["code"]);
    let country = text(&a["country"]);
    let country_name = geo
        .country_facts(&country)
        .map(|f| f.name.clone())
        .unwrap_or_else(|| country.clone());
    let s = sectors(a);
    let has = |x: &str| s.iter().any(|y| y == x);
    let own = text(&a["text"]);
    if code.starts_with("IGO") {
        return (8, own);
    }
    if has("REB") || has("INS") || has("SEP") {
        return (2, own);
    }
    if has("UAF") {
        return (3, own);
    }
    let state = !country.is_empty()
        && (s.is_empty() || has("GOV") || has("MIL") || has("COP") || has("SPY"));
    if state {
        let name = if has("COP") {
            format!("Police Forces of {country_name}")
        } else if has("GOV") && !has("MIL") {
            format!("Government of {country_name}")
        } else {
            format!("Military Forces of {country_name}")
        };
        let abroad = !place_country.is_empty() && place_country != country;
        return (if abroad { 8 } else { 1 }, name);
    }
    let of = if country.is_empty() {
        String::new()
    } else {
        format!(" ({country_name})")
    };
    match event_type {
        PROTESTS if acting => (6, format!("Protesters{of}")),
        RIOTS if acting => (5, format!("Rioters{of}")),
        _ => (7, format!("Civilians{of}")),
    }
}

/// ACLED's region of a country.
fn region(iso3: &str, continent: &str) -> &'static str {
    const REGIONS: &[(&str, &str)] = &[
        ("Northern Africa", "DZA EGY LBY MAR TUN SDN ESH"),
        (
            "Western Africa",
            "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
        ),
        ("Middle Africa", "AGO CMR CAF TCD COG COD GNQ GAB STP"),
        (
            "Eastern Africa",
            "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA ZMB ZWE",
        ),
        ("Southern Africa", "BWA SWZ LSO NAM ZAF"),
        (
            "Middle East",
            "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
        ),
        ("South Asia", "AFG BGD BTN IND MDV NPL PAK LKA"),
        (
            "Southeast Asia",
            "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
        ),
        ("East Asia", "CHN HKG MAC JPN PRK KOR MNG TWN"),
        (
            "Caucasus and Central Asia",
            "ARM AZE GEO KAZ KGZ TJK TKM UZB",
        ),
        ("Central America", "BLZ CRI SLV GTM HND MEX NIC PAN"),
        ("North America", "USA CAN BMU GRL SPM"),
    ];
    if let Some((name, _)) = REGIONS
        .iter()
        .find(|(_, list)| list.split(' ').any(|c| c == iso3))
    {
        return name;
    }
    match continent {
        "EU" => "Europe",
        "SA" => "South America",
        "OC" => "Oceania",
        "AN" => "Antarctica",
        "NA" => "Caribbean",
        "AF" => "Eastern Africa",
        _ => "",
    }
}

/// The CSV row of a merged event, or none if ACLED does not cover its type.
pub(crate) fn row(e: &EventRow, geo: &Gazetteer) -> Option<String> {
    let r = &e.representative;
    if !happened(r) {
        return None;
    }
    let (event_type, sub) = classify(r)?;
    let source = side(r, "source");
    let target = side(r, "target");
    let loc = &r["location"];
    // the event's country: its place's, else its target's, else its source's
    let country = [loc["country"].clone()]
        .into_iter()
        .chain(target.iter().map(|a| a["country"].clone()))
        .chain(source.iter().map(|a| a["country"].clone()))
        .map(|c| text(&c))
        .find(|c| !c.is_empty())
        .unwrap_or_default();
    let facts = geo.country_facts(&country);
    let country_name = facts.map(|f| f.name.clone()).unwrap_or_default();
    let (location, lat, lon, precision) = if loc.is_null() {
        let capital = geo.resolve(&country_name, &[country.as_str()]);
        (
            country_name.clone(),
            capital
                .as_ref()
                .map(|p| format!("{:.4}", p.lat))
                .unwrap_or_default(),
            capital
                .as_ref()
                .map(|p| format!("{:.4}", p.lon))
                .unwrap_or_default(),
            3,
        )
    } else {
        let precision = match text(&loc["precision"]).as_str() {
            "city" => 1,
            "country" => 3,
            _ => 2,
        };
        (
            text(&loc["name"]),
            text(&loc["lat"]),
            text(&loc["lon"]),
            precision,
        )
    };
    let (inter1, actor1) = inter(source.first(), true, event_type, &country, geo);
    let (inter2, actor2) = inter(target.first(), false, event_type, &country, geo);
    let interaction = match (inter1.min(inter2), inter1.max(inter2)) {
        (0, b) => u16::from(b) * 10,
        (a, b) => u16::from(a) * 10 + u16::from(b),
    };
    let assoc = |v: &[Value]| {
        v.iter()
            .skip(1)
            .map(|a| text(&a["text"]))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut date = e
        .date
        .clone()
        .or_else(|| e.document.date.clone())
        .unwrap_or_default();
    // a month or a year stands at its first day (time_precision says how precise it is)
    let whole_day = date.len() >= 10;
    while date.len() >= 4 && date.len() < 10 {
        date.push_str("-01");
    }
    let time_precision = match text(&r["date_precision"]).as_str() {
        _ if !whole_day => 3,
        "day" => 1,
        "week" => 2,
        _ => 3,
    };
    // strategic developments are non-violent: ACLED gives them no fatalities
    let (fatalities, stated) = match stated_fatalities(&text(&r["sentence"])) {
        _ if event_type == STRATEGIC => (0, "not applicable"),
        Fatalities::Stated(n) => (n, "yes"),
        Fatalities::Vague => (0, "vague"),
        Fatalities::NotStated => (0, "no"),
    };
    let civilian_targeting = if event_type == CIVILIANS || (event_type == REMOTE && inter2 == 7) {
        "Civilian targeting"
    } else {
        ""
    };
    let timestamp = chrono::DateTime::parse_from_rfc3339(&e.document.stored_at)
        .map(|t| t.timestamp().to_string())
        .unwrap_or_default();
    let mut outlets = e.outlets.clone();
    if outlets.is_empty() {
        outlets.extend(e.document.source.clone());
    }
    let fields = [
        format!("{country}{}", e.event_key),
        date.clone(),
        date.get(..4).unwrap_or_default().to_string(),
        time_precision.to_string(),
        disorder(event_type, sub).to_string(),
        event_type.to_string(),
        sub.to_string(),
        actor1,
        assoc(&source),
        inter1.to_string(),
        actor2,
        assoc(&target),
        if inter2 == 0 {
            String::new()
        } else {
            inter2.to_string()
        },
        interaction.to_string(),
        civilian_targeting.to_string(),
        facts
            .and_then(|f| f.numeric)
            .map(|n| n.to_string())
            .unwrap_or_default(),
        facts
            .map(|f| region(&country, &f.continent))
            .unwrap_or_default()
            .to_string(),
        country_name,
        text(&loc["admin1"]),
        String::new(),
        String::new(),
        location,
        lat,
        lon,
        precision.to_string(),
        outlets.join("; "),
        String::new(),
        text(&r["sentence"]),
        fatalities.to_string(),
        String::new(),
        timestamp,
        stated.to_string(),
        e.event_key.to_string(),
        text(at(r, &["plover", "event"])),
        text(at(r, &["plover", "mode"])),
        text(&r["cameo"]),
        text(&r["confidence"]),
    ];
    Some(line(&fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn record(event: &str, mode: &str, cameo: &str, source: &str, target: &str) -> Value {
        let actor = |code: &str| json!({"code": code, "country": code.get(..3), "sector": code.get(3..6), "text": code});
        json!({"plover": {"event": event, "mode": mode}, "cameo": cameo,
               "source": [actor(source)], "target": [actor(target)]})
    }

    #[test]
    fn plover_types_and_modes_map_to_acled_types() {
        let cases = [
            (
                record("ASSAULT", "aerial", "190", "RUSMIL", "UKR"),
                Some((REMOTE, "Air/drone strike")),
            ),
            (
                record("ASSAULT", "", "194", "RUSMIL", "UKRMIL"),
                Some((REMOTE, "Shelling/artillery/missile attack")),
            ),
            (
                record("ASSAULT", "", "190", "SDNREB", "SDNCVL"),
                Some((CIVILIANS, "Attack")),
            ),
            (
                json!({"plover": {"event": "ASSAULT", "mode": null}, "cameo": "190", "trigger": {"text": "attacked"},
                       "source": [{"code": "UKRMIL", "text": "Ukrainian drones"}], "target": [{"code": "RUS"}]}),
                Some((REMOTE, "Air/drone strike")),
            ),
            (
                json!({"plover": {"event": "ASSAULT", "mode": null}, "cameo": "190", "trigger": {"text": "shelled"},
                       "source": [{"code": "RUSMIL", "text": "Russian forces"}], "target": [{"code": "UKR"}]}),
                Some((REMOTE, "Shelling/artillery/missile attack")),
            ),
            (
                record("ASSAULT", "", "190", "SDNREB", "SDNMIL"),
                Some((BATTLES, "Armed clash")),
            ),
            (
                record("ASSAULT", "abduct", "181", "NGAREB", "NGAEDU"),
                Some((CIVILIANS, "Abduction/forced disappearance")),
            ),
            (
                record("COERCE", "arrest", "173", "TURCOP", "TUROPP"),
                Some((STRATEGIC, "Arrests")),
            ),
            (record("COERCE", "censor", "172", "IRNGOV", "IRNMED"), None),
            (
                record("PROTEST", "riot", "145", "FRACVL", "FRAGOV"),
                Some((RIOTS, "Violent demonstration")),
            ),
            (
                record("PROTEST", "", "141", "GEOCVL", "GEOGOV"),
                Some((PROTESTS, "Peaceful protest")),
            ),
            (
                record("AGREE", "", "057", "ISRMIL", "PSEREB"),
                Some((STRATEGIC, "Agreement")),
            ),
            (record("AGREE", "", "057", "FRAGOV", "DEUGOV"), None),
            (record("REQUEST", "", "020", "IGOUNO", "ARM"), None),
        ];
        for (r, want) in cases {
            assert_eq!(classify(&r), want, "{r}");
        }
    }

    #[test]
    fn actors_get_acled_inter_codes() {
        let geo = Gazetteer::embedded();
        let a = |code: &str| json!({"code": code, "country": code.get(..3), "sector": code.get(3..6), "text": code});
        assert_eq!(
            inter(Some(&a("RUSMIL")), true, BATTLES, "UKR", geo),
            (8, "Military Forces of Russia".into())
        );
        assert_eq!(
            inter(Some(&a("UKRMIL")), false, BATTLES, "UKR", geo),
            (1, "Military Forces of Ukraine".into())
        );
        assert_eq!(
            inter(Some(&a("GEOCVL")), true, PROTESTS, "GEO", geo),
            (6, "Protesters (Georgia)".into())
        );
        assert_eq!(inter(Some(&a("SDNREB")), true, BATTLES, "SDN", geo).0, 2);
        assert_eq!(
            inter(Some(&a("SDNCVL")), false, CIVILIANS, "SDN", geo),
            (7, "Civilians (Sudan)".into())
        );
        assert_eq!(inter(None, false, PROTESTS, "GEO", geo).0, 0);
        assert_eq!(region("UKR", "EU"), "Europe");
        assert_eq!(region("SDN", "AF"), "Northern Africa");
    }

    fn event(record: Value, date: &str) -> EventRow {
        EventRow {
            event_key: 7,
            event: "ASSAULT".into(),
            date: Some(date.into()),
            last_date: Some(date.into()),
            num_mentions: 1,
            num_sources: 1,
            num_articles: 1,
            first_seen: None,
            last_seen: None,
            representative: record,
            outlets: vec!["AP".into()],
            document: Default::default(),
        }
    }

    #[test]
    fn only_events_that_happened_are_rows_and_a_month_stands_at_its_first_day() {
        let geo = Gazetteer::embedded();
        let mut r = record("ASSAULT", "", "190", "RUSMIL", "UKRMIL");
        r["sentence"] =
            json!("Russian troops attacked Ukrainian positions, killing three soldiers.");
        r["date_precision"] = json!("month");
        r["negated"] = json!(false);
        r["modality"] = json!("asserted");
        let row = super::row(&event(r.clone(), "2024-05"), geo).expect("a row");
        assert!(
            row.starts_with("UKR7,2024-05-01,2024,3,Political violence,Battles,Armed clash,"),
            "{row}"
        );
        assert!(row.contains(",3,,"), "three fatalities: {row}");
        r["negated"] = json!(true);
        assert_eq!(super::row(&event(r.clone(), "2024-05"), geo), None);
        r["negated"] = json!(false);
        r["modality"] = json!("future");
        assert_eq!(super::row(&event(r, "2024-05"), geo), None);
    }
}
