//! CAMEO codes and what they mean in PLOVER, with QuadClass and Goldstein weight.

use crate::format::Record;
use crate::DictError;
use std::collections::HashMap;

/// What a CAMEO code means downstream.
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    pub code: String,
    /// PLOVER event type; `None` for CAMEO categories PLOVER drops (01 statements).
    pub event: Option<String>,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub description: String,
}

pub struct Ontology {
    codes: HashMap<String, CameoInfo>,
}

impl Ontology {
    /// Parses `cameo.tsv`: `code  event  mode  context;context  goldstein  quad  description`.
    pub fn parse(text: &str) -> Result<Ontology, DictError> {
        let mut codes = HashMap::new();
        for rec in Record::lines(text, "cameo.tsv") {
            let rec = rec?;
            let [code, event, mode, context, goldstein, quad, description] = rec.fields::<7>()?;
            let goldstein = goldstein
                .parse()
                .map_err(|_| rec.error(format!("bad Goldstein weight {goldstein:?}")))?;
            let quad_class = quad
                .parse()
                .map_err(|_| rec.error(format!("bad QuadClass {quad:?}")))?;
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            codes.insert(
                code.to_string(),
                CameoInfo {
                    code: code.to_string(),
                    event: opt(event),
                    mode: opt(mode),
                    context: context
                        .split(';')
                        .filter(|c| !c.is_empty())
                        .map(str::to_string)
                        .collect(),
                    goldstein,
                    quad_class,
                    description: description.to_string(),
                },
            );
        }
        Ok(Ontology { codes })
    }

    /// The entry for a code, falling back to its parent codes (`0256` -> `025` -> `02`).
    pub fn lookup(&self, code: &str) -> Option<&CameoInfo> {
        let mut c = code;
        loop {
            if let Some(info) = self.codes.get(c) {
                return Some(info);
            }
            if c.len() <= 2 {
                return None;
            }
            // drop the last character (a byte of an ASCII code; a whole one of any other)
            let mut chars = c.chars();
            chars.next_back();
            c = chars.as_str();
        }
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// GDELT's QuadClass of a CAMEO root code: 01-04 verbal cooperation, 05-08 material
/// cooperation, 09-13 verbal conflict, 14-20 material conflict.
pub fn quad_class(code: &str) -> u8 {
    match code.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=4) => 1,
        Some(5..=8) => 2,
        Some(9..=13) => 3,
        Some(_) => 4,
        None => 0,
    }
}
