//! The left-to-right scanner: one method per kind of expression, each returning the piece index
//! just past its match and the resolved range.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{
    add_days, add_months, distance, month_of, on_or_after, on_or_before, week_of, year_of, years,
    ymd,
};
use crate::{Precision, TimeExpr, TimeResolver, Unit};

/// A date without a year may lie this many days after publication at most (outside a future
/// clause); beyond that the previous year is taken.
const FUTURE_DAYS: i64 = 62;
/// How far back a future marker ("will") is looked for before a weekday or date, in pieces.
const FUTURE_WINDOW: usize = 12;
/// Largest count accepted in "N days ago", "for N years" (larger counts are not durations).
const MAX_COUNT: u32 = 10_000;

/// Words after which a month name alone (or a year) is a date: strong cues admit even "March"
/// and "May"; weak ones only unambiguous month names and years.
const STRONG_CUES: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "last",
    "this",
    "next",
    "early",
    "mid",
    "late",
];
const WEAK_CUES: &[&str] = &[
    "by", "from", "to", "before", "after", "around", "between", "and", "for", "circa", "or",
];
/// Future markers: a weekday or yearless date after one of these (in the same clause) is
/// looked for forward from publication.
const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "wo",
    "scheduled",
    "expected",
    "due",
    "upcoming",
    "planned",
    "plans",
    "plan",
    "intends",
    "intend",
];
/// Perfect auxiliaries: "for two years" after one of these ends at publication.
const PERFECT_MARKERS: &[&str] = &["has", "have", "'ve"];
/// Words that end the clause when looking back for a future or perfect marker.
const CLAUSE_BARRIERS: &[&str] = &[
    ",",
    ";",
    ":",
    ".",
    "!",
    "?",
    "said",
    "says",
    "say",
    "told",
    "announced",
    "reported",
    "added",
    "was",
    "were",
    "had",
    "did",
    "who",
    "which",
    "after",
    "when",
];
/// Lowercase words that may follow a year or a day without making the number a count.
const AFTER_NUMBER_OK: &[&str] = &[
    "and",
    "or",
    "to",
    "when",
    "after",
    "before",
    "until",
    "as",
    "but",
    "while",
    "in",
    "on",
    "at",
    "for",
    "with",
    "that",
    "which",
    "where",
    "amid",
    "because",
    "if",
    "following",
    "despite",
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "there",
    "this",
    "than",
    "of",
    "through",
    "into",
    "under",
    "by",
    "from",
    "since",
    "during",
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "will",
    "saw",
    "marked",
];
/// Capitalized words after a weekday that make it a name ("Sunday Times").
const WEEKDAY_NAMES_AFTER: &[&str] = &[
    "Times",
    "Telegraph",
    "Mirror",
    "Express",
    "Herald",
    "Post",
    "Independent",
    "Tribune",
    "Star",
    "Sport",
];
/// Single-word qualifiers before a count ("nearly two years").
const QUALIFIERS: &[&str] = &[
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "just",
    "only",
    "over",
    "under",
    "some",
];

/// A token, or part of one ("mid-March" is scanned as "mid", "-", "March").
struct Piece {
    /// Index of the token it comes from.
    orig: usize,
    /// Text as written.
    text: String,
    /// Lowercase text.
    low: String,
}

/// Splits tokens into pieces: "mid-X" into "mid", "-", "X"; a trailing comma off its word.
fn split(tokens: &[&str]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut push = |orig: usize, text: &str| {
        out.push(Piece {
            orig,
            text: text.to_string(),
            low: text.to_lowercase(),
        })
    };
    for (i, tok) in tokens.iter().enumerate() {
        let tok = tok.trim();
        let rest = tok
            .get(..4)
            .filter(|head| head.eq_ignore_ascii_case("mid-"))
            .and_then(|_| tok.get(4..))
            .filter(|rest| !rest.is_empty());
        if let Some(rest) = rest {
            push(i, "mid");
            push(i, "-");
            push(i, rest);
        } else if let Some(head) = tok.strip_suffix(',').filter(|h| !h.is_empty()) {
            push(i, head);
            push(i, ",");
        } else {
            push(i, tok);
        }
    }
    out
}

/// A match: the piece index just past it and what it denotes.
#[derive(Debug, Clone, Copy)]
struct Hit {
    end: usize,
    date: Option<NaiveDate>,
    last: Option<NaiveDate>,
    precision: Precision,
    background: bool,
}

impl Hit {
    fn new(end: usize, range: Option<(NaiveDate, NaiveDate)>, precision: Precision) -> Hit {
        Hit {
            end,
            date: range.map(|r| r.0),
            last: range.map(|r| r.1),
            precision,
            background: false,
        }
    }

    fn day(end: usize, date: Option<NaiveDate>) -> Hit {
        Hit::new(end, date.map(|d| (d, d)), Precision::Day)
    }

    fn bg(mut self) -> Hit {
        self.background = true;
        self
    }

    fn range(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.date?, self.last?))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    None,
    Weak,
    Strong,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mod {
    Early,
    Mid,
    Late,
}

/// How a month was written, which decides what it needs around it to count as a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthForm {
    /// An unambiguous full name or an abbreviation with its period.
    Plain,
    /// "March" or "May" (capitalized): alone, needs a strong cue.
    Ambiguous,
    /// An abbreviation without period ("Sep"): needs a day number.
    Bare,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Count {
    N(u32),
    Vague,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Last,
    ThisPast,
    This,
    Next,
}

/// Shifts `d` by `n` units (negative: back). Hours are rounded up to days.
fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Hour => add_days(d, n.signum() * ((n.abs() + 23) / 24)),
        Unit::Day => add_days(d, n),
        Unit::Week => add_days(d, n.checked_mul(7)?),
        Unit::Month => add_months(d, n),
        Unit::Year => add_months(d, n.checked_mul(12)?),
        Unit::Decade => add_months(d, n.checked_mul(120)?),
        Unit::Century => add_months(d, n.checked_mul(1200)?),
    }
}

/// The week, month or year containing `d`.
fn period_of(d: NaiveDate, unit: Unit) -> Option<(NaiveDate, NaiveDate)> {
    match unit {
        Unit::Week => week_of(d),
        Unit::Month => month_of(i64::from(d.year()), d.month()),
        Unit::Year => year_of(i64::from(d.year())),
        _ => None,
    }
}

/// A day of month: "19", "09", "19th", "1st" (1..=31).
fn parse_day(s: &str) -> Option<u32> {
    let digits = s
        .strip_suffix("st")
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// An ordinal day: "19th", "1st" (the suffix is required).
fn parse_ordinal(s: &str) -> Option<u32> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    parse_day(s)
}

/// Exactly four ASCII digits.
fn parse_year4(s: &str) -> Option<i64> {
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

/// Is this piece a lowercase alphabetic word (a likely noun or verb after a number)?
fn is_lower_word(p: &Piece) -> bool {
    p.text.chars().next().is_some_and(char::is_lowercase)
        && p.text.chars().all(|c| c.is_alphabetic() || c == '-')
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—")
}

/// Narrows a resolved range to its early, middle or late part (see the crate docs).
fn narrow(h: Hit, m: Mod) -> Hit {
    let Some((a, b)) = h.range() else {
        return h;
    };
    let span = (b - a).num_days();
    let (lo, hi): (Option<NaiveDate>, Option<NaiveDate>) = match h.precision {
        Precision::Day => return h,
        Precision::Week if span == 6 => match m {
            Mod::Early => (Some(a), add_days(a, 2)),
            Mod::Mid => (add_days(a, 2), add_days(a, 4)),
            Mod::Late => (add_days(a, 3), Some(b)),
        },
        Precision::Month if a.day() == 1 && a.month() == b.month() && a.year() == b.year() => {
            let y = i64::from(a.year());
            match m {
                Mod::Early => (Some(a), ymd(y, a.month(), 10)),
                Mod::Mid => (ymd(y, a.month(), 11), ymd(y, a.month(), 20)),
                Mod::Late => (ymd(y, a.month(), 21), Some(b)),
            }
        }
        Precision::Year if a.ordinal() == 1 && b.month() == 12 && b.day() == 31 => {
            let (ya, yb) = (i64::from(a.year()), i64::from(b.year()));
            if ya == yb {
                match m {
                    Mod::Early => (Some(a), ymd(ya, 4, 30)),
                    Mod::Mid => (ymd(ya, 5, 1), ymd(ya, 8, 31)),
                    Mod::Late => (ymd(ya, 9, 1), Some(b)),
                }
            } else if yb - ya == 9 {
                let (x, y) = match m {
                    Mod::Early => (ya, ya + 3),
                    Mod::Mid => (ya + 4, ya + 6),
                    Mod::Late => (ya + 7, yb),
                };
                match years(x, y) {
                    Some((p, q)) => (Some(p), Some(q)),
                    None => (None, None),
                }
            } else {
                return h;
            }
        }
        _ => return h,
    };
    match (lo, hi) {
        (Some(lo), Some(hi)) => Hit {
            date: Some(lo),
            last: Some(hi),
            ..h
        },
        _ => h,
    }
}

/// The year (previous, same or next as `p`) for month `m` day `d`: the closest to publication,
/// at most [`FUTURE_DAYS`] ahead; in a future clause the first on or after publication.
fn infer_day(p: NaiveDate, m: u32, d: u32, future: bool) -> Option<NaiveDate> {
    let y = i64::from(p.year());
    let cands: Vec<NaiveDate> = (y - 1..=y + 1).filter_map(|y| ymd(y, m, d)).collect();
    if future {
        if let Some(c) = cands.iter().find(|c| **c >= p) {
            return Some(*c);
        }
    }
    let limit = add_days(p, FUTURE_DAYS)?;
    cands
        .into_iter()
        .filter(|c| *c <= limit)
        .min_by_key(|c| distance(p, *c, *c))
}

/// Like [`infer_day`] for a whole month.
fn infer_month(p: NaiveDate, m: u32, future: bool) -> Option<(NaiveDate, NaiveDate)> {
    let y = i64::from(p.year());
    let cands: Vec<(NaiveDate, NaiveDate)> =
        (y - 1..=y + 1).filter_map(|y| month_of(y, m)).collect();
    if future {
        if let Some(c) = cands.iter().find(|c| c.1 >= p) {
            return Some(*c);
        }
    }
    let limit = add_days(p, FUTURE_DAYS)?;
    cands
        .into_iter()
        .filter(|c| c.0 <= limit)
        .min_by_key(|c| distance(p, c.0, c.1))
}

pub(crate) struct Scan<'a> {
    r: &'a TimeResolver,
    p: Vec<Piece>,
    published: Option<NaiveDate>,
}

impl<'a> Scan<'a> {
    pub(crate) fn new(r: &'a TimeResolver, tokens: &[&str], published: Option<NaiveDate>) -> Self {
        Scan {
            r,
            p: split(tokens),
            published,
        }
    }

    pub(crate) fn run(&self) -> Vec<TimeExpr> {
        let mut out = Vec::new();
        let mut free = 0; // first token not yet covered by an expression
        let mut i = 0;
        while let Some(piece) = self.p.get(i) {
            if piece.orig < free {
                i += 1;
                continue;
            }
            if let Some(h) = self.at(i) {
                let end = h.end.min(self.p.len());
                // The pieces covered, `i..end`: none when `end <= i`.
                if let Some(last) = self.p.get(i..end).and_then(<[_]>::last) {
                    let start = piece.orig;
                    let stop = last.orig + 1;
                    out.push(TimeExpr {
                        start,
                        end: stop,
                        date: h.date,
                        last: h.last,
                        precision: h.precision,
                        background: h.background,
                    });
                    free = stop;
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
        out
    }

    // ---- piece access -------------------------------------------------------------------

    fn low(&self, i: usize) -> &str {
        self.p.get(i).map_or("", |p| p.low.as_str())
    }

    fn text(&self, i: usize) -> &str {
        self.p.get(i).map_or("", |p| p.text.as_str())
    }

    /// The lowercase piece before `i` ("" at the start).
    fn prev(&self, i: usize) -> &str {
        match i.checked_sub(1) {
            Some(k) => self.low(k),
            None => "",
        }
    }

    fn capitalized(&self, i: usize) -> bool {
        self.text(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn cue(&self, j: usize) -> Cue {
        let w = self.prev(j);
        if STRONG_CUES.contains(&w) {
            Cue::Strong
        } else if WEAK_CUES.contains(&w) {
            Cue::Weak
        } else {
            Cue::None
        }
    }

    /// Is there a future marker before `j` in the same clause?
    fn future(&self, j: usize) -> bool {
        self.marker_before(j, FUTURE_MARKERS)
    }

    /// Is there one of `markers` before `j` in the same clause (within [`FUTURE_WINDOW`])?
    fn marker_before(&self, j: usize, markers: &[&str]) -> bool {
        let lo = j.saturating_sub(FUTURE_WINDOW);
        for k in (lo..j).rev() {
            let w = self.low(k);
            if markers.contains(&w) {
                return true;
            }
            if CLAUSE_BARRIERS.contains(&w) {
                return false;
            }
        }
        false
    }

    fn month(&self, i: usize) -> Option<(u32, MonthForm)> {
        let low = self.low(i);
        let dotted = low.len() > 1 && low.ends_with('.');
        let stem = low.strip_suffix('.').unwrap_or(low);
        if let Some(&m) = self.r.months.get(stem) {
            if stem == "march" || stem == "may" {
                return self.capitalized(i).then_some((m, MonthForm::Ambiguous));
            }
            return Some((m, MonthForm::Plain));
        }
        let &m = self.r.month_abbrevs.get(stem)?;
        Some((
            m,
            if dotted {
                MonthForm::Plain
            } else {
                MonthForm::Bare
            },
        ))
    }

    /// A full weekday name ("Wednesday", any case).
    fn weekday_name(&self, i: usize) -> Option<Weekday> {
        self.r.weekdays.get(self.low(i)).copied()
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        self.r.units.get(self.low(i)).copied()
    }

    /// A count at `k`: digits, number words, "a"/"an", "a couple of", or a vague quantity
    /// ("a few", "several", "many"). Returns the count and the index after it.
    fn count(&self, k: usize) -> Option<(Count, usize)> {
        let w = self.low(k);
        if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
            let n: u32 = w.parse().ok()?;
            return (n <= MAX_COUNT).then_some((Count::N(n), k + 1));
        }
        if let Some(&n) = self.r.numbers.get(w) {
            return Some((Count::N(n), k + 1));
        }
        match w {
            "a" | "an" => match self.low(k + 1) {
                "few" => Some((Count::Vague, k + 2)),
                "couple" if self.low(k + 2) == "of" => Some((Count::N(2), k + 3)),
                "dozen" => Some((Count::N(12), k + 2)),
                _ => Some((Count::N(1), k + 1)),
            },
            "few" | "several" | "many" | "some" | "numerous" => Some((Count::Vague, k + 1)),
            _ => None,
        }
    }

    /// Skips qualifiers before a count: "nearly", "more than", "at least", "well over"...
    fn skip_qualifiers(&self, mut k: usize) -> usize {
        loop {
            let w = self.low(k);
            let two = (w, self.low(k + 1));
            if matches!(
                two,
                ("more" | "less" | "fewer", "than")
                    | ("at", "least" | "most")
                    | ("up", "to")
                    | ("well", "over")
            ) {
                k += 2;
            } else if QUALIFIERS.contains(&w) && self.count(k + 1).is_some() {
                k += 1;
            } else {
                return k;
            }
        }
    }

    // ---- matchers -----------------------------------------------------------------------

    /// An expression starting at piece `i`, with its leading preposition if any.
    fn at(&self, i: usize) -> Option<Hit> {
        if let Some(h) = self.background_phrase(i) {
            return Some(h);
        }
        match self.low(i) {
            "since" => return self.core(i + 1).map(Hit::bg),
            "ever" if self.low(i + 1) == "since" => return self.core(i + 2).map(Hit::bg),
            "on" | "in" | "during" | "throughout" => return self.core(i + 1),
            _ => {}
        }
        self.core(i)
    }

    /// An expression without a leading preposition.
    fn core(&self, j: usize) -> Option<Hit> {
        self.modified(j)
            .or_else(|| self.part_of(j))
            .or_else(|| self.weekday_date(j))
            .or_else(|| self.absolute(j, self.cue(j)))
            .or_else(|| self.deictic(j))
            .or_else(|| self.relative(j))
            .or_else(|| self.weekday(j))
            .or_else(|| self.ago(j))
            .or_else(|| self.weekend(j))
    }

    /// "early March", "late last year", "mid-2019", "late Tuesday", "late on Tuesday".
    fn modified(&self, j: usize) -> Option<Hit> {
        let m = match self.low(j) {
            "early" => Mod::Early,
            "mid" => Mod::Mid,
            "late" => Mod::Late,
            _ => return None,
        };
        let mut k = j + 1;
        if is_dash(self.low(k)) {
            k += 1;
        }
        if matches!(self.low(k), "on" | "in") {
            k += 1;
        }
        let h = self
            .absolute(k, Cue::Strong)
            .or_else(|| self.relative(k))
            .or_else(|| self.weekday(k))
            .or_else(|| self.deictic(k))?;
        Some(narrow(h, m))
    }

    /// "the end of March", "the beginning of 2020", "the middle of the year".
    fn part_of(&self, j: usize) -> Option<Hit> {
        let k = if self.low(j) == "the" { j + 1 } else { j };
        let m = match self.low(k) {
            "beginning" | "start" => Mod::Early,
            "middle" => Mod::Mid,
            "end" => Mod::Late,
            _ => return None,
        };
        if self.low(k + 1) != "of" {
            return None;
        }
        let k = k + 2;
        if self.low(k) == "the" {
            if let Some((u @ (Unit::Week | Unit::Month | Unit::Year), false)) = self.unit(k + 1) {
                let range = self.published.and_then(|p| period_of(p, u));
                return Some(narrow(Hit::new(k + 2, range, u.precision()), m));
            }
        }
        let h = self.absolute(k, Cue::Strong).or_else(|| self.relative(k))?;
        Some(narrow(h, m))
    }

    /// "Wednesday, Sept. 20", "Wed., Sept. 20, 2023": the explicit date decides.
    fn weekday_date(&self, j: usize) -> Option<Hit> {
        let low = self.low(j);
        let named = self.r.weekdays.contains_key(low)
            || low
                .strip_suffix('.')
                .is_some_and(|s| self.r.weekday_abbrevs.contains_key(s));
        if !named {
            return None;
        }
        let k = if self.low(j + 1) == "," { j + 2 } else { j + 1 };
        let h = self
            .month_first(k, Cue::None)
            .or_else(|| self.day_first(k))?;
        (h.precision == Precision::Day).then_some(h)
    }

    /// Calendar dates, months, years and decades.
    fn absolute(&self, j: usize, cue: Cue) -> Option<Hit> {
        self.year_range(j)
            .or_else(|| self.iso(j))
            .or_else(|| self.month_first(j, cue))
            .or_else(|| self.day_first(j))
            .or_else(|| self.the_ordinal(j))
            .or_else(|| self.decade(j))
            .or_else(|| self.year(j, cue))
    }

    /// "last year" / "this year" / "next year" after a date: the year, and the index after.
    fn rel_year(&self, k: usize) -> Option<(Option<i64>, usize)> {
        if self.low(k + 1) != "year" {
            return None;
        }
        let off = match self.low(k) {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        Some((self.published.map(|p| i64::from(p.year()) + off), k + 2))
    }

    /// A day of month `m` followed (after index `k`) by an optional year.
    fn day_with_year(&self, k: usize, start: usize, m: u32, d: u32) -> Hit {
        let kk = if self.low(k) == "," { k + 1 } else { k };
        if let Some(y) = parse_year4(self.low(kk)) {
            return Hit::day(kk + 1, ymd(y, m, d));
        }
        if let Some((y, end)) = self.rel_year(k) {
            return Hit::day(end, y.and_then(|y| ymd(y, m, d)));
        }
        let future = self.future(start);
        Hit::day(k, self.published.and_then(|p| infer_day(p, m, d, future)))
    }

    /// "September 19", "Sept. 19, 2023", "March 2022", "March of 2022", "in March".
    fn month_first(&self, j: usize, cue: Cue) -> Option<Hit> {
        let (m, form) = self.month(j)?;
        if let Some(d) = parse_day(self.low(j + 1)) {
            return Some(self.day_with_year(j + 2, j, m, d));
        }
        if form == MonthForm::Bare {
            return None;
        }
        let k = if matches!(self.low(j + 1), "," | "of") {
            j + 2
        } else {
            j + 1
        };
        if let Some(y) = parse_year4(self.low(k)) {
            return Some(Hit::new(k + 1, month_of(y, m), Precision::Month));
        }
        if let Some((y, end)) = self.rel_year(j + 1) {
            let range = y.and_then(|y| month_of(y, m));
            return Some(Hit::new(end, range, Precision::Month));
        }
        let need = if form == MonthForm::Ambiguous {
            Cue::Strong
        } else {
            Cue::Weak
        };
        if cue < need {
            return None;
        }
        let future = self.future(j);
        let range = self.published.and_then(|p| infer_month(p, m, future));
        Some(Hit::new(j + 1, range, Precision::Month))
    }

    /// "19 September", "19th of September 2023", "the 19th of September".
    fn day_first(&self, j: usize) -> Option<Hit> {
        let (j, the) = if self.low(j) == "the" {
            (j + 1, true)
        } else {
            (j, false)
        };
        let d = if the {
            parse_ordinal(self.low(j))?
        } else {
            parse_day(self.low(j))?
        };
        let k = if self.low(j + 1) == "of" {
            j + 2
        } else {
            j + 1
        };
        let (m, _) = self.month(k)?;
        Some(self.day_with_year(k + 1, j, m, d))
    }

    /// "on the 19th": the 19th of the publication month (or of an earlier month that has it).
    fn the_ordinal(&self, j: usize) -> Option<Hit> {
        if self.low(j) != "the" {
            return None;
        }
        let d = parse_ordinal(self.low(j + 1))?;
        if !matches!(
            self.prev(j),
            "on" | "since" | "by" | "until" | "till" | "before" | "after" | "from"
        ) {
            return None;
        }
        if let Some(next) = self.p.get(j + 2) {
            if is_lower_word(next) && !AFTER_NUMBER_OK.contains(&next.low.as_str()) {
                return None;
            }
        }
        let date = self.published.and_then(|p| {
            (0..3).find_map(|back| {
                let first = add_months(p.with_day(1)?, -back)?;
                ymd(i64::from(first.year()), first.month(), d)
            })
        });
        Some(Hit::day(j + 2, date))
    }

    /// "2023-09-19" (a trailing "T..." time is ignored) and "2023-09".
    fn iso(&self, j: usize) -> Option<Hit> {
        let s = self.low(j);
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| {
            b.get(r.clone())
                .is_some_and(|x| x.iter().all(u8::is_ascii_digit))
                .then(|| s.get(r).and_then(|t| t.parse::<u32>().ok()))
                .flatten()
        };
        let y = i64::from(digits(0..4)?);
        if b.get(4) != Some(&b'-') {
            return None;
        }
        let m = digits(5..7)?;
        if b.len() == 7 {
            return (1..=12)
                .contains(&m)
                .then(|| Hit::new(j + 1, month_of(y, m), Precision::Month));
        }
        if b.get(7) != Some(&b'-') || !(b.len() == 10 || b.get(10) == Some(&b't')) {
            return None;
        }
        let d = digits(8..10)?;
        Some(Hit::day(j + 1, ymd(y, m, d)))
    }

    /// "between 2014 and 2016", "from 2014 to 2016", "2014-2016", "2014-16": background.
    fn year_range(&self, j: usize) -> Option<Hit> {
        let (y1, y2, end) = match self.low(j) {
            "between" if self.low(j + 2) == "and" => (
                parse_year4(self.low(j + 1))?,
                parse_year4(self.low(j + 3))?,
                j + 4,
            ),
            "from"
                if matches!(self.low(j + 2), "to" | "until" | "till" | "through")
                    || is_dash(self.low(j + 2)) =>
            {
                (
                    parse_year4(self.low(j + 1))?,
                    parse_year4(self.low(j + 3))?,
                    j + 4,
                )
            }
            w => {
                if let Some(y1) = parse_year4(w) {
                    if !is_dash(self.low(j + 1)) {
                        return None;
                    }
                    (y1, parse_year4(self.low(j + 2))?, j + 3)
                } else {
                    let (a, b) = w.split_once(['-', '–'])?;
                    let y1 = parse_year4(a)?;
                    let y2 = match b.len() {
                        4 => parse_year4(b)?,
                        2 if b.bytes().all(|c| c.is_ascii_digit()) => {
                            y1 - y1 % 100 + b.parse::<i64>().ok()?
                        }
                        _ => return None,
                    };
                    (y1, y2, j + 1)
                }
            }
        };
        if !(1000..=2999).contains(&y1) || y2 <= y1 || y2 - y1 > 100 {
            return None;
        }
        Some(Hit::new(end, years(y1, y2), Precision::Year).bg())
    }

    /// "the 1980s", "the late 1980s", "'90s", "mid-1990s": always background.
    fn decade(&self, j: usize) -> Option<Hit> {
        let mut k = j;
        if self.low(k) == "the" {
            k += 1;
        }
        let m = match self.low(k) {
            "early" => Some(Mod::Early),
            "mid" => Some(Mod::Mid),
            "late" => Some(Mod::Late),
            _ => None,
        };
        if m.is_some() {
            k += 1;
            if is_dash(self.low(k)) {
                k += 1;
            }
        }
        let w = self.low(k);
        let start = if let Some(y) = w.strip_suffix('s').and_then(parse_year4) {
            (y % 10 == 0).then_some(y)?
        } else {
            // "'80s", or "80s" after "the" ("in their 80s" is an age)
            let short = w.trim_start_matches(['\'', '’']);
            if short.len() == w.len() && k == j {
                return None;
            }
            let dd = short
                .strip_suffix('s')
                .filter(|d| d.len() == 2 && d.ends_with('0'))?;
            let dd: i64 = dd.parse().ok()?;
            match self.published {
                Some(p) => {
                    let y = i64::from(p.year());
                    let c = y - y.rem_euclid(100) + dd;
                    if c > y {
                        c - 100
                    } else {
                        c
                    }
                }
                None => 1900 + dd,
            }
        };
        let h = Hit::new(k + 1, years(start, start + 9), Precision::Year).bg();
        Some(m.map_or(h, |m| narrow(h, m)))
    }

    /// "in 2019", "since 2014", "by 2030": a four-digit number after a cue word.
    fn year(&self, j: usize, cue: Cue) -> Option<Hit> {
        let y = parse_year4(self.low(j))?;
        if cue == Cue::None || !(1800..=2200).contains(&y) {
            return None;
        }
        if let Some(next) = self.p.get(j + 1) {
            if is_lower_word(next) && !AFTER_NUMBER_OK.contains(&next.low.as_str()) {
                let counting_prep = matches!(
                    self.prev(j),
                    "of" | "by"
                        | "to"
                        | "from"
                        | "about"
                        | "around"
                        | "for"
                        | "than"
                        | "and"
                        | "or"
                );
                if counting_prep || next.low.ends_with('s') {
                    return None;
                }
            }
        }
        Some(Hit::new(j + 1, year_of(y), Precision::Year))
    }

    /// "today", "tonight", "yesterday (morning)", "tomorrow", "this morning", "last night",
    /// "earlier today", "the day before yesterday".
    fn deictic(&self, j: usize) -> Option<Hit> {
        let p = self.published;
        let tod = |k: usize| matches!(self.low(k), "morning" | "afternoon" | "evening" | "night");
        let with_tod = |k: usize| if tod(k) { k + 1 } else { k };
        let off = |n: i64| p.and_then(|p| add_days(p, n));
        match self.low(j) {
            "today" | "tonight" => Some(Hit::day(j + 1, p)),
            "yesterday" => Some(Hit::day(with_tod(j + 1), off(-1))),
            "tomorrow" => Some(Hit::day(with_tod(j + 1), off(1))),
            "this" if matches!(self.low(j + 1), "morning" | "afternoon" | "evening") => {
                Some(Hit::day(j + 2, p))
            }
            "last" if self.low(j + 1) == "night" && self.prev(j) != "the" => {
                Some(Hit::day(j + 2, off(-1)))
            }
            "earlier" | "later" if self.low(j + 1) == "today" => Some(Hit::day(j + 2, p)),
            "the" if self.low(j + 1) == "day" => match (self.low(j + 2), self.low(j + 3)) {
                ("before", "yesterday") => Some(Hit::day(j + 4, off(-2))),
                ("after", "tomorrow") => Some(Hit::day(j + 4, off(2))),
                _ => None,
            },
            _ => None,
        }
    }

    /// "last week", "this month", "next year", "earlier this week", "later this year",
    /// "last Monday", "next March", "this past weekend".
    fn relative(&self, j: usize) -> Option<Hit> {
        let p = self.published;
        let w = self.low(j);
        if w == "earlier" || w == "later" {
            let k = match (self.low(j + 1), self.low(j + 2)) {
                ("this", _) => j + 2,
                ("in", "the") => j + 3,
                _ => return None,
            };
            let (unit @ (Unit::Week | Unit::Month | Unit::Year), false) = self.unit(k)? else {
                return None;
            };
            let range = p.and_then(|p| {
                let (a, b) = period_of(p, unit)?;
                if w == "earlier" {
                    Some((a, add_days(p, -1)?.max(a)))
                } else {
                    Some((add_days(p, 1)?.min(b), b))
                }
            });
            return Some(Hit::new(k + 1, range, unit.precision()));
        }
        let (rel, k) = match w {
            "last" if self.prev(j) != "the" => (Rel::Last, j + 1),
            "this" if self.low(j + 1) == "past" => (Rel::ThisPast, j + 2),
            "this" => (Rel::This, j + 1),
            "next" | "coming" if self.prev(j) != "the" => (Rel::Next, j + 1),
            _ => return None,
        };
        if let Some((unit @ (Unit::Week | Unit::Month | Unit::Year), false)) = self.unit(k) {
            let range = p.and_then(|p| match rel {
                Rel::Last => period_of(shift(p, unit, -1)?, unit),
                Rel::This => period_of(p, unit),
                Rel::Next => period_of(shift(p, unit, 1)?, unit),
                Rel::ThisPast => Some((shift(p, unit, -1)?, p)),
            });
            return Some(Hit::new(k + 1, range, unit.precision()));
        }
        if self.low(k) == "weekend" {
            let range = p.and_then(|p| {
                let monday = week_of(p)?.0;
                let sat = match rel {
                    Rel::Last => add_days(monday, -2)?,
                    Rel::ThisPast => on_or_before(add_days(p, -1)?, Weekday::Sat)?,
                    Rel::This => add_days(monday, 5)?,
                    Rel::Next => add_days(monday, 12)?,
                };
                Some((sat, add_days(sat, 1)?))
            });
            return Some(Hit::new(k + 1, range, Precision::Week));
        }
        if let Some(wd) = self.weekday_name(k) {
            let date = p.and_then(|p| match rel {
                Rel::Last | Rel::ThisPast => on_or_before(add_days(p, -1)?, wd),
                Rel::This => add_days(week_of(p)?.0, i64::from(wd.num_days_from_monday())),
                Rel::Next => add_days(week_of(p)?.0, 7 + i64::from(wd.num_days_from_monday())),
            });
            return Some(Hit::day(self.time_of_day(k + 1), date));
        }
        if let Some((m, MonthForm::Plain | MonthForm::Ambiguous)) = self.month(k) {
            let range = p.and_then(|p| {
                let y = i64::from(p.year());
                let y = match rel {
                    Rel::Last | Rel::ThisPast if m < p.month() => y,
                    Rel::Last | Rel::ThisPast => y - 1,
                    Rel::This => y,
                    Rel::Next if m > p.month() => y,
                    Rel::Next => y + 1,
                };
                month_of(y, m)
            });
            return Some(Hit::new(k + 1, range, Precision::Month));
        }
        None
    }

    /// Index after an optional "morning"/"afternoon"/"evening"/"night" at `k`.
    fn time_of_day(&self, k: usize) -> usize {
        if matches!(self.low(k), "morning" | "afternoon" | "evening" | "night") {
            k + 1
        } else {
            k
        }
    }

    /// "Wednesday", "Wednesday night": the latest such day on or before publication, or the
    /// next on or after it in a future clause.
    fn weekday(&self, j: usize) -> Option<Hit> {
        let wd = self.weekday_name(j)?;
        if self.prev(j) == "bloody" || WEEKDAY_NAMES_AFTER.contains(&self.text(j + 1)) {
            return None;
        }
        let future = self.future(j);
        let date = self.published.and_then(|p| {
            if future {
                on_or_after(p, wd)
            } else {
                on_or_before(p, wd)
            }
        });
        Some(Hit::day(self.time_of_day(j + 1), date))
    }

    /// "(over|at) the weekend": the latest Saturday-Sunday before publication.
    fn weekend(&self, j: usize) -> Option<Hit> {
        let j = if matches!(self.low(j), "over" | "at") {
            j + 1
        } else {
            j
        };
        if self.low(j) != "the" || self.low(j + 1) != "weekend" {
            return None;
        }
        let range = self.published.and_then(|p| {
            let sat = on_or_before(add_days(p, -1)?, Weekday::Sat)?;
            Some((sat, add_days(sat, 1)?))
        });
        Some(Hit::new(j + 2, range, Precision::Week))
    }

    /// "two days ago", "a week ago", "years ago" (vague: background from a month up).
    fn ago(&self, j: usize) -> Option<Hit> {
        if let Some((unit, true)) = self.unit(j) {
            if self.low(j + 1) == "ago" {
                let h = Hit::new(j + 2, None, unit.precision());
                return Some(if unit >= Unit::Month { h.bg() } else { h });
            }
        }
        let (count, k) = self.count(j)?;
        let (unit, _) = self.unit(k)?;
        if self.low(k + 1) != "ago" {
            return None;
        }
        let Count::N(n) = count else {
            let h = Hit::new(k + 2, None, unit.precision());
            return Some(if unit >= Unit::Month { h.bg() } else { h });
        };
        let n = i64::from(n);
        let range = self.published.and_then(|p| {
            let then = shift(p, unit, -n)?;
            match unit {
                Unit::Hour | Unit::Day => Some((then, then)),
                Unit::Week => week_of(then),
                Unit::Month => period_of(then, Unit::Month),
                Unit::Year | Unit::Decade | Unit::Century => year_of(i64::from(then.year())),
            }
        });
        Some(Hit::new(k + 2, range, unit.precision()))
    }

    /// A look-back or look-ahead window after "the past"/"the next": "[N] units" with an
    /// optional count (default one, or vague with "few"/"several").
    fn window(&self, k: usize, past: bool) -> Option<Hit> {
        let (count, k) = match self.count(k) {
            Some((c, k2)) if self.unit(k2).is_some() => (c, k2),
            _ => match self.unit(k)? {
                (_, false) => (Count::N(1), k),
                (_, true) => (Count::Vague, k),
            },
        };
        let (unit, _) = self.unit(k)?;
        if self.low(k + 1) == "of" {
            return None; // "the last week of March"
        }
        let range = match count {
            Count::N(n) => self.published.and_then(|p| {
                let n = i64::from(n);
                if past {
                    Some((shift(p, unit, -n)?, p))
                } else {
                    Some((p, shift(p, unit, n)?))
                }
            }),
            Count::Vague => None,
        };
        let h = Hit::new(k + 1, range, unit.precision());
        Some(if past && unit >= Unit::Month {
            h.bg()
        } else {
            h
        })
    }

    /// Durations and look-back phrases: "for years", "for more than a decade", "for the past
    /// five years", "over the past decade", "in recent years", "over the years", "in the past",
    /// and forward windows "in the next two weeks".
    fn background_phrase(&self, i: usize) -> Option<Hit> {
        let w = self.low(i);
        if w == "for" {
            if self.low(i + 1) == "the" && matches!(self.low(i + 2), "past" | "last" | "previous") {
                return self.window(i + 3, true).map(Hit::bg);
            }
            let k = self.skip_qualifiers(i + 1);
            let (count, k) = match self.count(k) {
                Some((c, k2)) if self.unit(k2).is_some() => (c, k2),
                _ => match self.unit(k)? {
                    (_, true) => (Count::Vague, k),
                    (_, false) => return None,
                },
            };
            let (unit, _) = self.unit(k)?;
            if self.low(k + 1) == "of" {
                return None; // "called for a day of action"
            }
            // anchored at publication only in a perfect ("have fought for two years": back)
            // or future ("will rule for two years": forward) clause
            let future = self.future(i);
            let perfect = !future && self.marker_before(i, PERFECT_MARKERS);
            let range = match count {
                Count::N(n) if future || perfect => self.published.and_then(|p| {
                    let n = i64::from(n);
                    if future {
                        Some((p, shift(p, unit, n)?))
                    } else {
                        Some((shift(p, unit, -n)?, p))
                    }
                }),
                _ => None,
            };
            return Some(Hit::new(k + 1, range, unit.precision()).bg());
        }
        if matches!(
            w,
            "over" | "in" | "during" | "within" | "throughout" | "through"
        ) {
            if self.low(i + 1) == "recent" && w != "within" {
                if let Some((unit, true)) = self.unit(i + 2) {
                    return Some(Hit::new(i + 3, None, unit.precision()).bg());
                }
                if self.low(i + 2) == "times" {
                    return Some(Hit::new(i + 3, None, Precision::Year).bg());
                }
            }
            if self.low(i + 1) != "the" {
                return None;
            }
            match self.low(i + 2) {
                "past" | "last" | "previous" => {
                    if let Some(h) = self.window(i + 3, true) {
                        return Some(h);
                    }
                    if w == "in" && self.low(i + 2) == "past" {
                        return Some(Hit::new(i + 3, None, Precision::Year).bg());
                    }
                }
                "next" | "coming" => return self.window(i + 3, false),
                "years" | "decades" if matches!(w, "over" | "through") => {
                    return Some(Hit::new(i + 3, None, Precision::Year).bg());
                }
                _ => {}
            }
        }
        None
    }
}
