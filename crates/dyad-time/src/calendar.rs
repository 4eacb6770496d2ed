//! Checked calendar arithmetic. Every function returns `None` instead of panicking when a date
//! falls outside chrono's range or does not exist (February 30).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// A date from year, month and day, if it exists.
pub(crate) fn ymd(y: i64, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `d` moved by `n` days (either direction).
pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let k = Days::new(n.unsigned_abs());
    if n >= 0 {
        d.checked_add_days(k)
    } else {
        d.checked_sub_days(k)
    }
}

/// `d` moved by `n` calendar months (either direction), clamped to the month's last day.
pub(crate) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let k = Months::new(u32::try_from(n.unsigned_abs()).ok()?);
    if n >= 0 {
        d.checked_add_months(k)
    } else {
        d.checked_sub_months(k)
    }
}

/// The Monday..Sunday week containing `d`.
pub(crate) fn week_of(d: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let monday = add_days(d, -i64::from(d.weekday().num_days_from_monday()))?;
    Some((monday, add_days(monday, 6)?))
}

/// First and last day of month `m` of year `y`.
pub(crate) fn month_of(y: i64, m: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = ymd(y, m, 1)?;
    Some((first, add_days(add_months(first, 1)?, -1)?))
}

/// First and last day of year `y`.
pub(crate) fn year_of(y: i64) -> Option<(NaiveDate, NaiveDate)> {
    Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

/// Years `a..=b` as one range.
pub(crate) fn years(a: i64, b: i64) -> Option<(NaiveDate, NaiveDate)> {
    Some((year_of(a)?.0, year_of(b)?.1))
}

/// The latest `wd` on or before `d`.
pub(crate) fn on_or_before(d: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let back = (7 + d.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    add_days(d, -i64::from(back))
}

/// The earliest `wd` on or after `d`.
pub(crate) fn on_or_after(d: NaiveDate, wd: Weekday) -> Option<NaiveDate> {
    let fwd = (7 + wd.num_days_from_monday() - d.weekday().num_days_from_monday()) % 7;
    add_days(d, i64::from(fwd))
}

/// Distance in days from `p` to the range `[a, b]` (0 inside it).
pub(crate) fn distance(p: NaiveDate, a: NaiveDate, b: NaiveDate) -> i64 {
    if p < a {
        (a - p).num_days()
    } else if p > b {
        (p - b).num_days()
    } else {
        0
    }
}
