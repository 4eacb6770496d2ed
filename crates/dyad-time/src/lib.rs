//! Temporal expressions in a tokenized English news sentence, resolved against the
//! publication date, so that an event is dated by its sentence ("on Wednesday",
//! "September 19", "last week") and not by the day the story appeared.
//!
//! [`TimeResolver::find`] takes the tokens of one sentence (UD English EWT style: "Sept." is one
//! token, "19," is "19" then ",", "1980s" is one token) and the publication date, and returns
//! every temporal expression as a [`TimeExpr`]: its token range, the first and last day it
//! denotes, a [`Precision`] and a `background` flag. The scanner goes left to right and at each
//! token tries a fixed list of small hand-written matchers (background phrases, then an optional
//! preposition such as "on"/"in"/"since" followed by absolute dates, deictic words, relative
//! periods, weekdays and "N units ago"); the first match wins and scanning resumes after it, so
//! expressions never overlap. Hand-written rules rather than a grammar or regular expressions,
//! because nearly every rule needs its own judgement of the neighbouring words.
//!
//! Resolution follows news conventions. A bare weekday ("on Wednesday") is the latest such day
//! on or before publication (so the publication day itself if it matches), unless a future
//! marker ("will", "scheduled", "due", "expected", ...) precedes it in the same clause, in which
//! case it is the next such day on or after publication. "last Monday" is the latest Monday
//! strictly before publication, "this Monday" the Monday of the publication week, "next Monday"
//! the Monday of the following week (weeks run Monday to Sunday). A month and day without a year
//! ("September 19") take the year (previous, same or next) that puts the date closest to
//! publication without being more than 62 days in the future; a month alone ("in March") is
//! resolved the same way on whole months; in a future clause the first occurrence on or after
//! publication is taken instead. "on the 19th" is the 19th of the publication month.
//! "early/mid/late" narrow a month (1-10, 11-20, 21-end), a year (January-April, May-August,
//! September-December), a decade (0-3, 4-6, 7-9) or a week (Monday-Wednesday,
//! Wednesday-Friday, Thursday-Sunday); precision is unchanged.
//!
//! `background` marks expressions that give a state's start or duration rather than an event's
//! date: anything after "since" ("since 2014", "since the late 1980s", "since Monday"),
//! durations ("for years", "for more than a decade"), decades ("in the 1990s"), year spans
//! ("from 2014 to 2016"), vague distant past ("years ago", "in recent years", "in the past") and
//! look-back windows of a month or more ("over the past decade"). Shorter windows ("in the past
//! 24 hours", "over the past week") are not background: they bound recent events. Where a
//! phrase has a computable extent it is resolved (a window "over the past two decades" is
//! `[published - 20 years, published]`); vague ones ("for years") keep `date: None`. A counted
//! duration is anchored at publication only when the clause says so: backward after a perfect
//! ("has ruled for two years"), forward after a future marker ("will rule for two years");
//! otherwise ("was jailed for two years") its dates are `None`.
//!
//! Ambiguous words are only taken as dates in unambiguous company. "March" and "May" must be
//! capitalized and, without a day or year, need a preceding "in", "of", "since", "until",
//! "during", "through", "last", "this", "next", "early", "mid" or "late" ("May" the verb, "Theresa
//! May"); other months alone need at least a preposition. Abbreviations without a period ("Sep")
//! need a day number. Bare four-digit numbers are years only after a preposition, and not when
//! they count something ("a crowd of 2000 people"). "the 19th" needs "on"/"since"/"by"/... and no
//! noun after it ("the 19th century"). Without a publication date, relative expressions are
//! still found but have `date: None`. Nothing here panics: every date is built with chrono's
//! checked constructors.
//!
//! ```
//! use chrono::NaiveDate;
//! use dyad_time::{Precision, TimeResolver};
//!
//! let tokens = ["Rebels", "attacked", "on", "Tuesday", ",", "active", "since", "2014", "."];
//! let published = NaiveDate::from_ymd_opt(2023, 9, 20); // a Wednesday
//! let found = TimeResolver::new().find(&tokens, published);
//! assert_eq!((found[0].start, found[0].end), (2, 4));
//! assert_eq!(found[0].date, NaiveDate::from_ymd_opt(2023, 9, 19));
//! assert_eq!(found[0].precision, Precision::Day);
//! assert!(found[1].background); // "since 2014"
//! ```
//!
//! Known limits: expressions relative to another event ("the next day", "two days later") and
//! clock times are not handled; numeric dates other than ISO (`9/19`, `19.09.2023`) are
//! ignored as ambiguous; seasons ("last summer") are not recognised.

mod calendar;
mod scan;

use std::collections::HashMap;

use chrono::{NaiveDate, Weekday};

/// How fine-grained a resolved expression is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// A single day ("Wednesday", "September 19").
    Day,
    /// A week, a weekend or a span of days within a week ("last week", "earlier this week").
    Week,
    /// A month or part of one ("in March", "early March", "last month").
    Month,
    /// A year, part of a year, a decade or a span of years.
    Year,
}

/// One temporal expression found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    /// First token of the expression (may be a preposition: "on", "in", "since").
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// First day denoted, `None` when it cannot be resolved (no publication date for
    /// "Wednesday", an impossible date such as "September 31", a vague "for years").
    pub date: Option<NaiveDate>,
    /// Last day denoted; equal to `date` for a single day.
    pub last: Option<NaiveDate>,
    /// Granularity of the expression.
    pub precision: Precision,
    /// The expression gives a state's start or a duration ("since 2014", "for decades"),
    /// not the date of the event the sentence reports.
    pub background: bool,
}

/// Calendar units of durations and periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    pub(crate) fn precision(self) -> Precision {
        match self {
            Unit::Hour | Unit::Day => Precision::Day,
            Unit::Week => Precision::Week,
            Unit::Month => Precision::Month,
            Unit::Year | Unit::Decade | Unit::Century => Precision::Year,
        }
    }
}

/// Finds and resolves temporal expressions. Holds the word tables; build it once and share it.
#[derive(Debug, Clone)]
pub struct TimeResolver {
    /// Full month names, lowercase.
    months: HashMap<&'static str, u32>,
    /// Month abbreviations without their period, lowercase.
    month_abbrevs: HashMap<&'static str, u32>,
    /// Full weekday names, lowercase.
    weekdays: HashMap<&'static str, Weekday>,
    /// Weekday abbreviations without their period, lowercase (only used before a date).
    weekday_abbrevs: HashMap<&'static str, Weekday>,
    /// Cardinal number words.
    numbers: HashMap<&'static str, u32>,
    /// Unit words, singular and plural, with whether the form is plural.
    units: HashMap<&'static str, (Unit, bool)>,
}

impl Default for TimeResolver {
    fn default() -> Self {
        Self::new()
    }
}

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A weekday or month name, in any case ("Monday", "march").
pub fn is_calendar_word(word: &str) -> bool {
    MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .any(|w| w.eq_ignore_ascii_case(word))
}

impl TimeResolver {
    /// Builds the word tables.
    pub fn new() -> TimeResolver {
        use Weekday::*;
        let months = MONTHS.into_iter().zip(1..).collect();
        #[rustfmt::skip]
        let month_abbrevs = [
            ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
            ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
        ]
        .into_iter()
        .collect();
        let weekdays = WEEKDAYS
            .into_iter()
            .zip([Mon, Tue, Wed, Thu, Fri, Sat, Sun])
            .collect();
        #[rustfmt::skip]
        let weekday_abbrevs = [
            ("mon", Mon), ("tue", Tue), ("tues", Tue), ("wed", Wed), ("thu", Thu), ("thur", Thu),
            ("thurs", Thu), ("fri", Fri), ("sat", Sat), ("sun", Sun),
        ]
        .into_iter()
        .collect();
        #[rustfmt::skip]
        let numbers = [
            ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6),
            ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
            ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16),
            ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
            ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80),
            ("ninety", 90), ("hundred", 100),
        ]
        .into_iter()
        .collect();
        #[rustfmt::skip]
        let units = [
            ("hour", (Unit::Hour, false)), ("hours", (Unit::Hour, true)),
            ("day", (Unit::Day, false)), ("days", (Unit::Day, true)),
            ("week", (Unit::Week, false)), ("weeks", (Unit::Week, true)),
            ("month", (Unit::Month, false)), ("months", (Unit::Month, true)),
            ("year", (Unit::Year, false)), ("years", (Unit::Year, true)),
            ("decade", (Unit::Decade, false)), ("decades", (Unit::Decade, true)),
            ("century", (Unit::Century, false)), ("centuries", (Unit::Century, true)),
        ]
        .into_iter()
        .collect();
        TimeResolver {
            months,
            month_abbrevs,
            weekdays,
            weekday_abbrevs,
            numbers,
            units,
        }
    }

    /// All temporal expressions of a tokenized sentence, left to right and non-overlapping,
    /// resolved against `published` (the story's date) when it is known.
    pub fn find(&self, tokens: &[&str], published: Option<NaiveDate>) -> Vec<TimeExpr> {
        scan::Scan::new(self, tokens, published).run()
    }
}
