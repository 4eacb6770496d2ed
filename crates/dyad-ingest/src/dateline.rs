//! Leading wire-story datelines: `BUDAPEST, September 20. /TASS/.`, `MOSCOW, Sept 20 (Reuters) -`,
//! `WASHINGTON (AP) —`, `KYIV, Ukraine —`, `Tbilisi, 12 May /TASS/.` and their variants.
//!
//! The parser is a small hand-written scanner rather than one large regular expression because
//! each part needs its own judgement (is this capitalised word a place or the start of a
//! sentence? is this parenthesis an agency?), and the rules read better as code.
//!
//! Grammar, anchored at the start of the text (after whitespace):
//!
//! ```text
//! PLACE [, REGION] [, DATE [[,] YEAR]] [.] SEPARATOR
//! SEPARATOR = /AGENCY/[.]  |  (AGENCY) DASH  |  DASH        DASH = - | -- | — | – | ―
//! ```
//!
//! Normal sentences must survive untouched, so the rules are strict: an ALL-CAPS place may use
//! any separator; a mixed-case place ("Tbilisi") is only accepted with an unmistakable agency
//! marker (`/TASS/` or a parenthesised agency from a known list followed by a dash). Common
//! all-caps words that open sentences or headlines ("NATO", "BREAKING") are never places.

use chrono::{Datelike, NaiveDate};
use dyad_model::Dateline;

/// Longest place name, in words ("BANDAR SERI BEGAWAN" has three).
const MAX_PLACE_WORDS: usize = 5;
/// Longest region after the comma ("Democratic Republic of Congo").
const MAX_REGION_WORDS: usize = 5;
/// Longest agency name between the slashes or parentheses, in bytes.
const MAX_AGENCY_BYTES: usize = 40;
/// A dateline without a year is dated from the publication date known from elsewhere, but only
/// within this window around it: a dateline is filed on or shortly before publication, so one
/// far from the known date means that date is not the story's (a re-published old story, a
/// wrong `--date`), and a guessed year would be worse than none. The two sides add up to a
/// year, so a real day always fits once (February 29 aside); on-or-before is preferred.
const MAX_DAYS_BEFORE: i64 = 334;
/// How far after the known date a dateline may fall (the known date may be the day a story was
/// first filed, with a later update's dateline).
const MAX_DAYS_AFTER: i64 = 31;

/// Agencies recognised in parentheses after a mixed-case place ("Paris (AFP) -"), where an
/// unknown parenthesis would be too likely an ordinary aside. Compared case-insensitively.
#[rustfmt::skip]
const KNOWN_AGENCIES: &[&str] = &[
    "AP", "Associated Press", "Reuters", "AFP", "Agence France-Presse", "TASS", "ITAR-TASS",
    "Xinhua", "UPI", "dpa", "ANSA", "EFE", "IANS", "PTI", "Kyodo", "Yonhap", "Bloomberg",
    "RIA Novosti", "RIA", "Interfax", "Interfax-Ukraine", "Sputnik", "Anadolu", "Anadolu Agency",
    "AA", "IRNA", "KCNA", "Bernama", "Antara", "CNA", "WAM", "SPA", "MENA", "APA", "Ukrinform",
    "BelTA", "Armenpress", "Azertag", "Prensa Latina", "Notimex", "Agerpres", "PAP", "CTK", "MTI",
    "HINA", "Tanjug", "Fars", "Tasnim", "ISNA", "Mehr", "Petra", "SANA", "QNA", "KUNA", "BNA",
    "JTA", "CNN", "BBC", "VOA", "Al Jazeera", "NHK", "Yonhap News", "Kyodo News", "Arab News",
];

/// All-caps words that open sentences and headlines but are not places. Compared on the
/// letters only ("U.S." is "US", "EDITOR'S NOTE" is "EDITORS NOTE").
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "A", "AN", "I", "NATO", "EU", "UN", "US", "USA", "UK", "UAE", "ISIS", "ISIL", "IS", "IMF",
    "WHO", "WTO", "OPEC", "AU", "ICC", "ICJ", "IAEA", "CIA", "FBI", "NSA", "GOP", "TV", "AI", "CEO",
    "OK", "BREAKING", "BREAKING NEWS", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "VIDEO", "PHOTOS",
    "OPINION", "ANALYSIS", "FACTBOX", "EXPLAINER", "EDITORIAL", "COMMENTARY", "NOTE",
    "EDITORS NOTE", "CORRECTION", "CORRECTED", "WARNING", "ALERT", "URGENT", "FLASH", "LIVE",
    "REVIEW", "INTERVIEW", "FEATURE", "ADVISORY", "BULLETIN", "NEWSALERT", "SPOTLIGHT",
    "FACT CHECK", "PS", "PPS", "FYI", "HR", "NB", "RE", "FW", "FWD", "BTW", "IMO", "ASAP", "TBD",
    "TBA", "QA", "Q", "FAQ", "TLDR", "ETA", "RSVP", "OMG", "LOL",
];

/// A bare "PLACE —" dateline has at most this many words ("BANDAR SERI BEGAWAN").
const MAX_BARE_PLACE_WORDS: usize = 3;

/// Words of shouted headings and notes that do not occur in place names; a bare "PLACE —"
/// containing one is not a dateline. (Letters only, so "DON'T" is "DONT".)
#[rustfmt::skip]
const NOT_PLACE_WORDS: &[&str] = &[
    "MUST", "READ", "TRY", "THIS", "THAT", "EVER", "NEVER", "VERY", "HIGHLY", "PLEASE", "THANKS",
    "THANK", "YOU", "YOUR", "MY", "OUR", "WE", "ARE", "IS", "WAS", "WERE", "WILL", "DO", "DONT",
    "NOT", "NO", "BEST", "WORST", "AMAZING", "AWESOME", "TERRIBLE", "HORRIBLE", "MISTAKE", "LOVE",
    "HATE", "ATTENTION", "IMPORTANT", "CONFIDENTIAL", "URGENT", "FREE", "SALE", "HELP", "WANTED",
    "NEEDED", "NOTICE", "QUESTION", "ANSWER", "TIP", "TIPS", "HOW", "WHY", "WHAT", "WHERE", "WHO",
    "WHEN", "BREAKING", "UPDATE", "EXCLUSIVE", "WARNING", "ALERT",
];

/// First words that start ordinary sentences; a "place" beginning with one is not a place.
/// Compared case-insensitively. ("THE HAGUE" is a real dateline, so "the" is only refused for
/// mixed-case places, see [`MIXED_CASE_NOT_FIRST`].)
#[rustfmt::skip]
const NOT_FIRST: &[&str] = &[
    "a", "an", "i", "in", "on", "at", "by", "for", "and", "but", "or", "if", "we", "it", "he",
    "she", "they", "this", "that", "these", "those", "what", "why", "how", "who", "when", "my",
    "our", "your", "no", "not", "yes", "all", "as", "after", "before", "while", "with", "from",
];

/// Extra first words refused for mixed-case places, which are accepted only with an agency
/// marker but where titles and calendar words still come up ("President Biden (AP) -").
#[rustfmt::skip]
const MIXED_CASE_NOT_FIRST: &[&str] = &[
    "the", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "secretary", "sen", "rep",
    "gen", "police", "officials", "sources", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec",
];

/// Lower-case words allowed inside place names ("Rio de Janeiro", "Port-au-Prince",
/// "Democratic Republic of Congo"), and written in lower case when title-casing.
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "les", "van",
    "von", "der", "den", "au", "aux", "es", "of", "the", "and", "on", "upon", "sur", "al", "el",
];

#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4),
    ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8),
    ("aug", 8), ("september", 9), ("sept", 9), ("sep", 9), ("october", 10), ("oct", 10),
    ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

/// Parses a wire dateline at the very start of `text` (after optional whitespace).
///
/// Returns the dateline and the number of bytes it occupies including the whitespace after it,
/// so that `&text[len..]` is the body. `doc_date` supplies the year when the dateline has none
/// ("September 20"), if a year puts the day near it (see `resolve_date`); without it the
/// dateline's date is `None` rather than a guessed year.
pub fn parse_dateline(text: &str, doc_date: Option<NaiveDate>) -> Option<(Dateline, usize)> {
    scan_dateline(text, doc_date).map(|found| (found.dateline, found.consumed))
}

/// A dateline found by [`scan_dateline`].
pub(crate) struct FoundDateline {
    pub(crate) dateline: Dateline,
    /// Bytes of text it occupies, with the whitespace after it.
    pub(crate) consumed: usize,
    /// The dateline writes its year ("Sept. 20, 2023"): its date is the story's own, not one
    /// inferred from the date it was given.
    pub(crate) has_year: bool,
}

/// [`parse_dateline`], telling also whether the date's year was written.
pub(crate) fn scan_dateline(text: &str, doc_date: Option<NaiveDate>) -> Option<FoundDateline> {
    let start = text.len() - text.trim_start_matches(is_space_or_bom).len();
    let mut c = Cursor {
        s: text,
        pos: start,
    };

    let head = place_head(&mut c)?;
    let mut region: Option<(usize, usize)> = None;
    let mut month_day: Option<(u32, u32)> = None;
    let mut year: Option<i32> = None;
    // At most "PLACE, REGION, DATE": two comma-separated parts.
    for _ in 0..2 {
        let save = c.pos;
        if !c.eat(',') {
            break;
        }
        c.skip_blanks();
        if let Some(md) = parse_month_day(&mut c) {
            month_day = Some(md);
            year = parse_year(&mut c);
            break;
        }
        if region.is_none() {
            if let Some(r) = region_words(&mut c) {
                region = Some(r);
                continue;
            }
        }
        c.pos = save;
        break;
    }

    // TASS puts a full stop before its marker: "September 20. /TASS/."
    let dotted = c.eat('.');
    let gap = c.skip_blanks();
    let sep = separator(&mut c)?;
    if dotted && sep.kind != SepKind::Slash {
        return None;
    }

    // The cursor only stops on char boundaries, so none of these `get`s fails.
    let head_text = text.get(head.start..head.end)?;
    let agency = match sep.agency {
        Some((a, b)) => Some(text.get(a..b)?.trim()),
        None => None,
    };
    if !place_is_acceptable(head_text, head.caps) {
        return None;
    }
    let agency_ok = match (sep.kind, agency) {
        (SepKind::Slash, Some(a)) => is_slash_agency(a),
        (SepKind::Paren, Some(a)) => is_known_agency(a) || (head.caps && is_agency_token(a)),
        (SepKind::Dash, None) => head.caps,
        _ => false,
    };
    if !agency_ok {
        return None;
    }

    let raw_end = c.pos;
    let consumed = text.len() - text.get(raw_end..)?.trim_start().len();
    let bare = sep.kind == SepKind::Dash && month_day.is_none();
    if bare
        && !bare_form_is_plausible(
            head_text,
            gap > 0 || !text.get(..raw_end)?.ends_with('-'),
            text.get(consumed..)?,
        )
    {
        return None;
    }

    let mut place = title_case(head_text);
    if let Some((a, b)) = region {
        let region = text.get(a..b)?;
        place.push_str(", ");
        // Short capitals after the comma are codes ("Boulder, CO", "Kinshasa, DRC"), not
        // shouted names, and stay as they are.
        let is_code = region.chars().all(char::is_uppercase) && region.chars().count() <= 3;
        place.push_str(&if is_code {
            region.to_string()
        } else {
            title_case(region)
        });
    }
    let date = month_day.and_then(|(m, d)| resolve_date(m, d, year, doc_date));
    let dateline = Dateline {
        raw: text.get(start..raw_end)?.to_string(),
        place: Some(place),
        date,
        agency: agency.map(str::to_string),
    };
    Some(FoundDateline {
        has_year: date.is_some() && year.is_some(),
        dateline,
        consumed,
    })
}

fn is_space_or_bom(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{feff}'
}

/// A byte cursor over the text that only ever stops on char boundaries.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    /// The text from `a` to `b`, offsets the cursor stopped at (so char boundaries); empty if not.
    fn slice(&self, a: usize, b: usize) -> &'a str {
        self.s.get(a..b).unwrap_or("")
    }

    fn rest(&self) -> &str {
        self.s.get(self.pos..).unwrap_or("")
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn peek2(&self) -> Option<char> {
        self.rest().chars().nth(1)
    }

    fn bump(&mut self) -> Option<char> {
        let ch = self.peek()?;
        self.pos += ch.len_utf8();
        Some(ch)
    }

    fn eat(&mut self, want: char) -> bool {
        if self.peek() == Some(want) {
            self.pos += want.len_utf8();
            true
        } else {
            false
        }
    }

    fn eat_str(&mut self, want: &str) -> bool {
        if self.rest().starts_with(want) {
            self.pos += want.len();
            true
        } else {
            false
        }
    }

    /// Skips spaces and tabs but not line breaks: a dateline never spans lines.
    fn skip_blanks(&mut self) -> usize {
        let before = self.pos;
        while matches!(self.peek(), Some(' ' | '\t' | '\u{a0}')) {
            self.bump();
        }
        self.pos - before
    }

    fn at_boundary(&self) -> bool {
        self.peek().filter(|ch| !ch.is_whitespace()).is_none()
    }
}

struct Span {
    start: usize,
    end: usize,
    /// The place is written in capitals ("NEW YORK"), the strong dateline signal.
    caps: bool,
}

/// One word of a place name: letters, with inner `.`, `'`, `-`, `/` ("D.C", "N'DJAMENA",
/// "PORT-AU-PRINCE", "ISLAMABAD/PENTAGON") and a final `.` on short abbreviations ("ST.",
/// "Calif."). A final `.` on a long word is left alone: it is TASS's "MOSCOW. /TASS/." stop.
fn word(c: &mut Cursor, abbrev_max_letters: usize) -> Option<(usize, usize)> {
    let start = c.pos;
    if !c.peek()?.is_alphabetic() {
        return None;
    }
    let mut letters = 0;
    while let Some(ch) = c.peek() {
        if ch.is_alphabetic() {
            letters += 1;
            c.bump();
            continue;
        }
        let next_is_letter = c.peek2().is_some_and(char::is_alphabetic);
        match ch {
            '.' | '\'' | '’' | '-' | '/' if next_is_letter => {
                c.bump();
            }
            '.' if letters <= abbrev_max_letters => {
                c.bump();
                break;
            }
            _ => break,
        }
    }
    Some((start, c.pos))
}

fn has_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn is_connector(s: &str) -> bool {
    CONNECTORS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

fn place_head(c: &mut Cursor) -> Option<Span> {
    let (start, first_end) = word(c, 3)?;
    let first = c.slice(start, first_end);
    if !starts_upper(first) {
        return None;
    }
    let caps = !has_lower(first);
    let mut end = first_end;
    let mut words = 1;
    while words < MAX_PLACE_WORDS {
        let save = c.pos;
        if !c.eat(' ') {
            break;
        }
        let Some((a, b)) = word(c, 3) else {
            c.pos = save;
            break;
        };
        let w = c.slice(a, b);
        let fits = if caps {
            !has_lower(w)
        } else {
            starts_upper(w) || is_connector(w)
        };
        if !fits {
            c.pos = save;
            break;
        }
        words += 1;
        // A connector cannot end the place ("Rio de" is not a place): only extend `end` on
        // capitalised words, and come back to it below.
        if !is_connector(w) || caps {
            end = b;
        }
    }
    c.pos = end;
    Some(Span { start, end, caps })
}

/// The region after the place's comma: "Ukraine", "Gaza Strip", "D.C.", "Calif.", "SPAIN".
fn region_words(c: &mut Cursor) -> Option<(usize, usize)> {
    let (start, first_end) = word(c, 5)?;
    if !starts_upper(c.slice(start, first_end)) {
        return None;
    }
    let mut end = first_end;
    let mut words = 1;
    while words < MAX_REGION_WORDS {
        let save = c.pos;
        if !c.eat(' ') {
            break;
        }
        let Some((a, b)) = word(c, 5) else {
            c.pos = save;
            break;
        };
        let w = c.slice(a, b);
        if !(starts_upper(w) || is_connector(w)) {
            c.pos = save;
            break;
        }
        words += 1;
        if !is_connector(w) {
            end = b;
        }
    }
    c.pos = end;
    Some((start, end))
}

fn month_name(c: &mut Cursor) -> Option<u32> {
    let start = c.pos;
    while c.peek().is_some_and(char::is_alphabetic) {
        c.bump();
    }
    let name = c.slice(start, c.pos).to_lowercase();
    let found = MONTHS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m);
    if found.is_none() {
        c.pos = start;
    }
    found
}

/// One or two digits that are not part of a longer number.
fn day_number(c: &mut Cursor) -> Option<u32> {
    let start = c.pos;
    while c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        c.bump();
    }
    let digits = c.slice(start, c.pos);
    let day = match digits.len() {
        1 | 2 => digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d)),
        _ => None,
    };
    if day.is_none() {
        c.pos = start;
        return None;
    }
    // "September 20th"
    let save = c.pos;
    if ["st", "nd", "rd", "th"].iter().any(|s| c.eat_str(s))
        && c.peek().is_some_and(char::is_alphanumeric)
    {
        c.pos = save;
    }
    day
}

/// "September 20", "Sept. 20", "Jan. 5", "20 September", "12 May". Returns (month, day).
fn parse_month_day(c: &mut Cursor) -> Option<(u32, u32)> {
    let save = c.pos;
    if let Some(month) = month_name(c) {
        let dotted = c.eat('.');
        if c.skip_blanks() > 0 || dotted {
            if let Some(day) = day_number(c) {
                return Some((month, day));
            }
        }
    } else if let Some(day) = day_number(c) {
        if c.skip_blanks() > 0 {
            if let Some(month) = month_name(c) {
                c.eat('.');
                return Some((month, day));
            }
        }
    }
    c.pos = save;
    None
}

/// An explicit year after the date: "Sept. 20, 2023" or "20 September 2023".
fn parse_year(c: &mut Cursor) -> Option<i32> {
    let save = c.pos;
    let comma = c.eat(',');
    if c.skip_blanks() == 0 && !comma {
        c.pos = save;
        return None;
    }
    let start = c.pos;
    while c.peek().is_some_and(|ch| ch.is_ascii_digit()) {
        c.bump();
    }
    let year = Some(c.slice(start, c.pos))
        .filter(|d| d.len() == 4)
        .and_then(|d| d.parse::<i32>().ok())
        .filter(|y| (1900..=2100).contains(y))
        .filter(|_| !c.peek().is_some_and(char::is_alphanumeric));
    if year.is_none() {
        c.pos = save;
    }
    year
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SepKind {
    /// `/TASS/.`
    Slash,
    /// `(Reuters) -`
    Paren,
    /// `-`, `--`, `—`, `–`
    Dash,
}

struct Sep {
    kind: SepKind,
    agency: Option<(usize, usize)>,
}

fn separator(c: &mut Cursor) -> Option<Sep> {
    match c.peek()? {
        '/' => {
            let (a, b) = enclosed(c, '/')?;
            c.eat('.');
            if !c.at_boundary() {
                return None;
            }
            Some(Sep {
                kind: SepKind::Slash,
                agency: Some((a, b)),
            })
        }
        '(' => {
            let (a, b) = enclosed(c, ')')?;
            c.skip_blanks();
            dash(c)?;
            Some(Sep {
                kind: SepKind::Paren,
                agency: Some((a, b)),
            })
        }
        _ => {
            dash(c)?;
            Some(Sep {
                kind: SepKind::Dash,
                agency: None,
            })
        }
    }
}

/// The text between the opening char at the cursor and `close`, on the same line and short.
/// Leaves the cursor after `close`.
fn enclosed(c: &mut Cursor, close: char) -> Option<(usize, usize)> {
    c.bump()?;
    let a = c.pos;
    let rel = c.rest().find([close, '\n'])?;
    let b = a + rel;
    if rel == 0 || rel > MAX_AGENCY_BYTES || !c.slice(b, c.s.len()).starts_with(close) {
        return None;
    }
    c.pos = b + close.len_utf8();
    Some((a, b))
}

fn dash(c: &mut Cursor) -> Option<()> {
    if c.eat_str("--") || c.eat('-') {
        // An ASCII hyphen must stand alone, or "GENEVA -based" style text would match.
        return c.at_boundary().then_some(());
    }
    if c.eat('—') || c.eat('–') || c.eat('―') {
        return Some(());
    }
    None
}

fn letters_only_upper(s: &str) -> String {
    let kept: String = s
        .chars()
        .filter(|ch| ch.is_alphabetic() || *ch == ' ')
        .collect();
    kept.to_uppercase()
}

fn place_is_acceptable(head: &str, caps: bool) -> bool {
    let letters = letters_only_upper(head);
    if letters.chars().filter(|ch| ch.is_alphabetic()).count() < 2 {
        return false;
    }
    if NOT_PLACES.contains(&letters.as_str()) {
        return false;
    }
    let first = head
        .split([' ', '.', '\'', '’', '-', '/'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    if NOT_FIRST.contains(&first.as_str()) {
        return false;
    }
    caps || !MIXED_CASE_NOT_FIRST.contains(&first.as_str())
}

/// The weakest form, a place and a dash ("GENEVA — Talks resumed"), is also how shouted
/// headings, e-mail notes and reviews open ("BIG MISTAKE - The food was cold", "PS - we also
/// have"), so it must look like a short place name followed by ordinary prose.
fn bare_form_is_plausible(head: &str, spaced_hyphen: bool, body: &str) -> bool {
    let words: Vec<String> = letters_only_upper(head)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if words.len() > MAX_BARE_PLACE_WORDS
        || words.iter().any(|w| NOT_PLACE_WORDS.contains(&w.as_str()))
    {
        return false;
    }
    // "NIGHT- Great": a hyphen glued to the word is a heading, not a dateline separator.
    if !spaced_hyphen {
        return false;
    }
    // The body opens like a sentence and is not shouted.
    let opens_sentence = body.chars().next().is_some_and(|ch| {
        ch.is_uppercase() || ch.is_ascii_digit() || matches!(ch, '"' | '\'' | '“' | '‘' | '«')
    });
    opens_sentence && body.chars().take(80).any(char::is_lowercase)
}

fn is_known_agency(a: &str) -> bool {
    KNOWN_AGENCIES.iter().any(|k| k.eq_ignore_ascii_case(a))
}

/// A single agency-like token: "Xinhua", "UPI", "Interfax-Ukraine", "BelTA".
fn is_agency_token(a: &str) -> bool {
    starts_upper(a)
        && a.len() <= 20
        && a.chars()
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '-' | '.' | '&'))
}

/// Between slashes: up to three capitalised words ("TASS", "ITAR-TASS", "RIA Novosti").
fn is_slash_agency(a: &str) -> bool {
    let words: Vec<&str> = a.split(' ').collect();
    is_known_agency(a) || (words.len() <= 3 && words.iter().all(|w| is_agency_token(w)))
}

/// "NEW YORK" -> "New York", "PORT-AU-PRINCE" -> "Port-au-Prince", "N'DJAMENA" -> "N'Djamena",
/// "WASHINGTON, D.C." keeps "D.C.". Text with any lower-case letter is already as the outlet
/// wants it and is returned unchanged ("Kyiv, Ukraine").
fn title_case(s: &str) -> String {
    if has_lower(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for (wi, word) in s.split(' ').enumerate() {
        if wi > 0 {
            out.push(' ');
        }
        if is_initialism(word) {
            out.push_str(word);
            continue;
        }
        let mut segment = String::new();
        let mut si = 0;
        for ch in word.chars() {
            if ch == '-' || ch == '/' {
                out.push_str(&title_case_segment(&segment, wi == 0 && si == 0));
                out.push(ch);
                segment.clear();
                si += 1;
            } else {
                segment.push(ch);
            }
        }
        out.push_str(&title_case_segment(&segment, wi == 0 && si == 0));
    }
    out
}

/// "D.C.", "U.S.": single letters between dots stay as they are.
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|piece| piece.chars().filter(|ch| ch.is_alphabetic()).count() <= 1)
}

fn title_case_segment(segment: &str, first: bool) -> String {
    let lower = segment.to_lowercase();
    if !first && is_connector(&lower) {
        return lower;
    }
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(segment.len());
    for (i, ch) in chars.iter().enumerate() {
        // Capitalise the first letter, and the letter after an apostrophe that follows a
        // single letter (N'Djamena, O'Hare) but not after a longer stem (San'a).
        let after_short_elision = i == 2
            && matches!(chars.get(1), Some('\'' | '’'))
            && chars.first().is_some_and(|c| c.is_alphabetic());
        if i == 0 || after_short_elision {
            out.extend(ch.to_uppercase());
        } else {
            out.push(*ch);
        }
    }
    out
}

/// The dateline's date; the year comes from the dateline, else from the document date: the
/// year that puts the day nearest on or before it, within [`MAX_DAYS_BEFORE`] and
/// [`MAX_DAYS_AFTER`] (a story published 2025-01-02 with dateline "Dec. 31" is 2024-12-31).
fn resolve_date(
    month: u32,
    day: u32,
    year: Option<i32>,
    doc_date: Option<NaiveDate>,
) -> Option<NaiveDate> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day);
    }
    let doc = doc_date?;
    let offset = |d: &NaiveDate| d.signed_duration_since(doc).num_days();
    let candidates: Vec<NaiveDate> = [doc.year() - 1, doc.year(), doc.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|d| (-MAX_DAYS_BEFORE..=MAX_DAYS_AFTER).contains(&offset(d)))
        .collect();
    let on_or_before = candidates.iter().filter(|d| offset(d) <= 0).max();
    on_or_before.or_else(|| candidates.iter().min()).copied()
}
