//! Reading dyad's line-oriented dictionary files: `#` comments, blank lines, TAB-separated fields.

use crate::DictError;
use chrono::NaiveDate;

/// One data line of a dictionary file, with its position for error messages.
pub struct Record<'a> {
    pub file: &'a str,
    pub line: usize,
    pub text: &'a str,
}

impl<'a> Record<'a> {
    /// The data lines of `text` (comments and blank lines skipped).
    pub fn lines(
        text: &'a str,
        file: &'a str,
    ) -> impl Iterator<Item = Result<Record<'a>, DictError>> + 'a {
        text.lines().enumerate().filter_map(move |(i, l)| {
            let l = l.trim_end_matches('\r');
            if l.trim().is_empty() || l.starts_with('#') {
                None
            } else {
                Some(Ok(Record {
                    file,
                    line: i + 1,
                    text: l,
                }))
            }
        })
    }

    pub fn error(&self, message: impl Into<String>) -> DictError {
        DictError::Syntax {
            file: self.file.to_string(),
            line: self.line,
            message: message.into(),
        }
    }

    /// Exactly `N` TAB-separated fields.
    pub fn fields<const N: usize>(&self) -> Result<[&'a str; N], DictError> {
        let parts: Vec<&str> = self.text.split('\t').collect();
        parts.try_into().map_err(|p: Vec<&str>| {
            self.error(format!(
                "expected {N} TAB-separated fields, found {}",
                p.len()
            ))
        })
    }
}

/// `YYYYMMDD`, or TABARI's `YYMMDD` (years 00-30 are 20xx, the rest 19xx).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s.get(..4)?.parse::<i32>().ok()?, s.get(4..)?),
        6 => {
            let yy = s.get(..2)?.parse::<i32>().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        _ => return None,
    };
    let m = rest.get(..2)?.parse::<u32>().ok()?;
    let d = rest.get(2..)?.parse::<u32>().ok()?;
    // Source data has days like 0631 and months like 00; clamp rather than lose the role.
    let m = m.clamp(1, 12);
    let mut d = d.clamp(1, 31);
    loop {
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            return Some(date);
        }
        if d <= 28 {
            return None;
        }
        d -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(parse_date("20230920"), NaiveDate::from_ymd_opt(2023, 9, 20));
        assert_eq!(parse_date("810101"), NaiveDate::from_ymd_opt(1981, 1, 1));
        assert_eq!(parse_date("050601"), NaiveDate::from_ymd_opt(2005, 6, 1));
        assert_eq!(parse_date("20070631"), NaiveDate::from_ymd_opt(2007, 6, 30));
        assert_eq!(parse_date("2007"), None);
    }
}
