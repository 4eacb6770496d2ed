use serde::{Deserialize, Serialize};

/// One coded event, in the JSON shape of CONTRACT.md ("Event output").
///
/// Spans are character offsets into `sentence`, start inclusive, end exclusive.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct EventRecord {
    pub event_id: String,
    pub doc_id: String,
    pub sentence_index: usize,
    pub sentence: String,
    /// Event date (ISO 8601 `YYYY-MM-DD`): the date the sentence gives the event ("on
    /// Tuesday", "September 19", "last week": its first day), else the publication date.
    pub date: Option<String>,
    /// How precise `date` is: `day`, `week`, `month` or `year` (null without a date).
    #[serde(default)]
    pub date_precision: Option<String>,
    /// The words that dated the event ("on Tuesday"); null when `date` is the publication date.
    #[serde(default)]
    pub date_text: Option<String>,
    pub source: Vec<ActorRef>,
    pub target: Vec<ActorRef>,
    pub plover: Plover,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f32,
    pub negated: bool,
    /// `asserted`, `future`, `hypothetical`, `denied` or `reported`.
    pub modality: String,
    pub quote: Option<Quote>,
    pub location: Option<Location>,
    pub trigger: Trigger,
    pub rule: String,
    pub confidence: f32,
}

/// An actor mention with its CAMEO-style code.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct ActorRef {
    pub text: String,
    pub code: String,
    /// ISO 3166 alpha-3 country, or `None` for international and transnational actors.
    pub country: Option<String>,
    /// First sector code (GOV, MIL, CVL...), if any.
    pub sector: Option<String>,
    pub span: [usize; 2],
    /// The country that backs a non-state actor ("Iranian-backed militias in Iraq": code
    /// `IRQUAF`, backer `IRN`), if the text says.
    #[serde(default)]
    pub backer: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Trigger {
    pub text: String,
    pub span: [usize; 2],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Quote {
    pub speaker: Option<ActorRef>,
    pub cue: Option<String>,
    /// When the speaker is named in another sentence of the document (a quote over several
    /// sentences): that sentence's index; the speaker's `span` is an offset into it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_sentence: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(utoipa::ToSchema))]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonameid: Option<u64>,
    pub precision: String,
    /// The first-level administrative division (GeoNames admin1 name), where known.
    #[serde(default)]
    pub admin1: Option<String>,
}
