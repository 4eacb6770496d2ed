//! ISO 8601 dates found in document metadata (`date`, `published`, HTML `<meta>` tags).

use chrono::NaiveDate;

/// Parses the calendar date of an ISO 8601 date or date-time: `2023-09-20`, `20230920`,
/// `2023-09-20T10:00:00Z`, `2025-03-14 20:30:26Z`, `2023-09-20T10:00:00.123+03:00`.
///
/// The date is kept as written, without converting the time zone: the publication date the
/// outlet printed is what users compare against, and a midnight story shifted to the previous
/// day by a UTC conversion would only confuse them.
pub fn parse_iso_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    let bytes = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    let (year, month, day, rest) = if digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
    {
        // Only ASCII digits and dashes so far, so slicing at 10 is on a char boundary.
        if !digits(8..10) {
            return None;
        }
        (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?, s.get(10..)?)
    } else if digits(0..8) && !digits(8..9) {
        (s.get(0..4)?, s.get(4..6)?, s.get(6..8)?, s.get(8..)?)
    } else {
        return None;
    };
    if !is_time_suffix(rest) {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// Accepts what may follow the date: nothing, or a time such as `T10:00`, ` 20:30:26Z`,
/// `T10:00:00.5+03:00`. The time itself is not used, it is only checked so that a value like
/// `2023-09-20abc` is rejected rather than silently truncated.
fn is_time_suffix(rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !matches!(first, 'T' | 't' | ' ') {
        return false;
    }
    // `first` is ASCII, so 1 is a char boundary.
    let Some(time) = rest.get(1..) else {
        return false;
    };
    let hh_mm = matches!(time.as_bytes(), [h1, h2, b':', m1, m2, ..]
        if [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit()));
    let tail = time.get(5..).unwrap_or("");
    let tail = tail
        .trim_end_matches("UTC")
        .trim_end_matches("GMT")
        .trim_end();
    hh_mm
        && tail.chars().all(|c| {
            c.is_ascii_digit() || matches!(c, ':' | '.' | ',' | '+' | '-' | 'Z' | 'z' | ' ')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn accepts_the_common_forms() {
        assert_eq!(parse_iso_date("2023-09-20"), d(2023, 9, 20));
        assert_eq!(parse_iso_date("2023-09-20T10:00:00Z"), d(2023, 9, 20));
        assert_eq!(parse_iso_date("2025-03-14 20:30:26Z"), d(2025, 3, 14));
        assert_eq!(
            parse_iso_date("2023-09-20T10:00:00.123+03:00"),
            d(2023, 9, 20)
        );
        assert_eq!(parse_iso_date(" 20230920 "), d(2023, 9, 20));
        assert_eq!(parse_iso_date("2023-09-20 10:00 UTC"), d(2023, 9, 20));
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "2023",
            "2023-09",
            "2023-13-01",
            "2023-02-30",
            "20/09/2023",
            "2023-09-20abc",
            "Sept 20",
            "2023-09-2é",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }
}
