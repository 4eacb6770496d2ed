//! Reading a stored CONTRACT.md record (JSON) for the formats. Stores written by older dyads
//! may lack fields, so each read has a value for "missing" instead of failing.

use serde_json::Value;

/// Null, for a value that is missing.
pub(crate) static NULL: Value = Value::Null;

/// The value at `path` (`at(r, &["plover", "event"])` is `r["plover"]["event"]`): Null where a
/// key is missing or a value on the way is no object, as serde_json's indexing gives.
pub(crate) fn at<'a>(v: &'a Value, path: &[&str]) -> &'a Value {
    path.iter()
        .try_fold(v, |v, key| v.get(key))
        .unwrap_or(&NULL)
}

/// A JSON value as plain text (strings bare, null empty).
pub(crate) fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether a record says the event happened: not negated, denied, future or hypothetical
/// (reported speech is how news tells events, so it counts). The GDELT and ACLED tables have no
/// column for modality, so they hold only these; the other formats carry every row with its
/// modality.
pub(crate) fn happened(r: &Value) -> bool {
    r["negated"].as_bool() != Some(true)
        && matches!(r["modality"].as_str(), Some("asserted" | "reported") | None)
}
