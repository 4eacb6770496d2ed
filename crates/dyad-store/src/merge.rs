//! Events, not reports: event mentions from different documents that describe the same
//! happening are merged into one event, incrementally as mentions are stored.
//!
//! Two mentions describe the same event when (all of):
//! - they have the same PLOVER type;
//! - their sources are compatible and so are their targets: two sides are compatible when both
//!   are empty, or some actor of one and some actor of the other have the same country (an IGO
//!   code as a whole; an actor of no known country, "civilians", may be anyone's) and
//!   compatible sectors (equal, or one of them bare: "Russia" and "Russian forces");
//! - their dates are at most [`MergeRule::days`] apart (a date known only to the month or year
//!   matches any day of it); an undated mention merges with nothing;
//! - their places are compatible: the same country and first-level division, or one of them
//!   unknown.
//!
//! A mention joins the compatible event of its run whose date is nearest (the earliest event
//! on ties); otherwise it starts a new event. An event keeps its counts: mentions, sources
//! (outlets: the document's `source`, else its id) and articles (a copy of a stored article
//! counts once).

use chrono::NaiveDate;
use dyad_model::EventRecord;

/// The merging parameters (flags of `dyad ingest`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeRule {
    /// Mentions whose dates are at most this many days apart may merge.
    pub days: i64,
}

impl Default for MergeRule {
    fn default() -> MergeRule {
        MergeRule { days: 1 }
    }
}

/// One actor of a side: country (or IGO code) and sector.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct SideActor {
    country: String,
    sector: String,
}

/// What merging reads of a mention or an event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Key {
    pub(crate) event: String,
    source: Vec<SideActor>,
    target: Vec<SideActor>,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub(crate) date: Option<String>,
    place: Option<(String, Option<String>)>,
}

/// A side's actors by country and sector as the record gives them (`country` is None for an
/// IGO, whose code then stands for the country, and for a bare sector such as "civilians").
fn side(actors: &[dyad_model::ActorRef]) -> Vec<SideActor> {
    actors
        .iter()
        .map(|a| {
            let country = match &a.country {
                Some(c) => c.clone(),
                None if a.code.starts_with("IGO") => a.code.clone(),
                None => String::new(),
            };
            let sector = match &a.sector {
                Some(s) => s.clone(),
                None if country.is_empty() => a.code.clone(),
                None => String::new(),
            };
            SideActor { country, sector }
        })
        .collect()
}

impl Key {
    pub(crate) fn of(e: &EventRecord) -> Key {
        let date = e.date.as_ref().map(|d| match e.date_precision.as_deref() {
            Some("month") => d.get(..7).unwrap_or(d).to_string(),
            Some("year") => d.get(..4).unwrap_or(d).to_string(),
            _ => d.clone(),
        });
        Key {
            event: e.plover.event.clone(),
            source: side(&e.source),
            target: side(&e.target),
            date,
            place: e
                .location
                .as_ref()
                .and_then(|l| l.country.clone().map(|c| (c, l.admin1.clone()))),
        }
    }

    /// Whether this mention may merge into an event with key `other` under `rule`; the distance
    /// in days when it may.
    pub(crate) fn distance(&self, other: &Key, rule: MergeRule) -> Option<i64> {
        if self.event != other.event
            || !sides_match(&self.source, &other.source)
            || !sides_match(&self.target, &other.target)
            || !places_match(&self.place, &other.place)
        {
            return None;
        }
        let days = date_distance(self.date.as_deref()?, other.date.as_deref()?)?;
        (days <= rule.days).then_some(days)
    }
}

fn sides_match(a: &[SideActor], b: &[SideActor]) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    // an actor of no known country ("civilians") may be anyone's
    a.iter().any(|x| {
        b.iter().any(|y| {
            (x.country == y.country || x.country.is_empty() || y.country.is_empty())
                && (x.sector == y.sector || x.sector.is_empty() || y.sector.is_empty())
        })
    })
}

fn places_match(
    a: &Option<(String, Option<String>)>,
    b: &Option<(String, Option<String>)>,
) -> bool {
    match (a, b) {
        (Some((ca, aa)), Some((cb, ab))) => ca == cb && (aa.is_none() || ab.is_none() || aa == ab),
        _ => true,
    }
}

/// Days between two dates of any precision: 0 when one falls within the other's month or year.
fn date_distance(a: &str, b: &str) -> Option<i64> {
    let n = a.len().min(b.len());
    if a.len() != b.len() {
        return (a.get(..n)? == b.get(..n)?).then_some(0);
    }
    if a.len() < 10 {
        return (a == b).then_some(0);
    }
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    Some((day(a)? - day(b)?).num_days().abs())
}

/// The date range to look for candidate events in (inclusive `YYYY-MM-DD` bounds; for a
/// month or year, every date that starts with it).
pub(crate) fn window(date: &str, rule: MergeRule) -> (String, String) {
    match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => {
            let lo = d - chrono::Duration::days(rule.days);
            let hi = d + chrono::Duration::days(rule.days);
            (
                lo.format("%Y-%m-%d").to_string(),
                hi.format("%Y-%m-%d").to_string(),
            )
        }
        Err(_) => (date.to_string(), format!("{date}\u{10FFFF}")),
    }
}

/// The store's merging in memory: records are assigned to events one after another, exactly as
/// `dyad ingest` assigns the mentions it stores (same rule, same candidates, same choice of the
/// nearest event, the earliest on ties), for callers that merge outside a store (the Python
/// package's `dyad.spark.merge`, one block of records at a time).
#[derive(Debug, Default)]
pub struct Merger {
    rule: MergeRule,
    /// Per event, in creation order: its key (its first record's) and its earliest date.
    events: Vec<(Key, Option<String>)>,
    /// Per type, the dated events by (earliest date, event): the store's `(run, type, date)` index.
    by_date: std::collections::HashMap<String, std::collections::BTreeSet<(String, usize)>>,
}

impl Merger {
    pub fn new(rule: MergeRule) -> Merger {
        Merger {
            rule,
            ..Merger::default()
        }
    }

    /// The event `record` joins (numbered from 0 in the order events were started), starting one
    /// when no event is compatible.
    pub fn assign(&mut self, record: &EventRecord) -> usize {
        let key = Key::of(record);
        let mut best: Option<(i64, usize)> = None;
        if let (Some(date), Some(index)) = (&key.date, self.by_date.get(&key.event)) {
            let (lo, hi) = window(date, self.rule);
            // in event order, as the store's query lists them, so that ties keep the earliest
            let mut candidates: Vec<usize> = index
                .range((lo, 0)..=(hi, usize::MAX))
                .map(|&(_, event)| event)
                .collect();
            candidates.sort_unstable();
            for event in candidates {
                let Some((other, _)) = self.events.get(event) else {
                    continue;
                };
                if let Some(days) = key.distance(other, self.rule) {
                    if best.is_none_or(|(d, _)| days < d) {
                        best = Some((days, event));
                    }
                }
            }
        }
        let event = match best {
            Some((_, event)) => event,
            None => {
                self.events.push((key.clone(), None));
                self.events.len() - 1
            }
        };
        self.lower_date(event, &key);
        event
    }

    /// The events started so far.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Keeps an event's earliest date (what the store's `events.date` holds) and its place in
    /// the index after `key`'s record joined it.
    fn lower_date(&mut self, event: usize, key: &Key) {
        let (Some(date), Some((_, earliest))) = (&key.date, self.events.get_mut(event)) else {
            return;
        };
        if earliest.as_ref().is_some_and(|e| e <= date) {
            return;
        }
        let index = self.by_date.entry(key.event.clone()).or_default();
        if let Some(old) = earliest.replace(date.clone()) {
            index.remove(&(old, event));
        }
        index.insert((date.clone(), event));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(code: &str) -> SideActor {
        let (c, s) = if code.len() > 3 {
            code.split_at(3)
        } else {
            (code, "")
        };
        SideActor {
            country: c.to_string(),
            sector: s.to_string(),
        }
    }

    #[test]
    fn sides_match_by_country_and_compatible_sector() {
        assert!(sides_match(&[actor("RUSMIL")], &[actor("RUS")]));
        assert!(sides_match(
            &[actor("RUSMIL"), actor("BLR")],
            &[actor("RUSMIL")]
        ));
        assert!(!sides_match(&[actor("RUSMIL")], &[actor("RUSGOV")]));
        assert!(!sides_match(&[actor("RUS")], &[actor("UKR")]));
        assert!(sides_match(&[], &[]));
        assert!(!sides_match(&[actor("RUS")], &[]));
        let civilians = SideActor {
            country: String::new(),
            sector: "CVL".to_string(),
        };
        assert!(sides_match(
            std::slice::from_ref(&civilians),
            &[actor("UKRCVL")]
        ));
        assert!(!sides_match(&[civilians], &[actor("UKRMIL")]));
    }

    fn record(event: &str, source: &str, target: &str, date: &str) -> EventRecord {
        let actor = |code: &str| dyad_model::ActorRef {
            code: code.to_string(),
            country: code.get(..3).map(str::to_string),
            sector: code.get(3..).filter(|s| !s.is_empty()).map(str::to_string),
            ..Default::default()
        };
        EventRecord {
            plover: dyad_model::Plover {
                event: event.to_string(),
                ..Default::default()
            },
            source: vec![actor(source)],
            target: vec![actor(target)],
            date: Some(date.to_string()),
            date_precision: Some("day".to_string()),
            ..Default::default()
        }
    }

    #[test]
    fn the_merger_joins_the_nearest_compatible_event_and_starts_others() {
        let mut m = Merger::new(MergeRule { days: 1 });
        assert_eq!(
            m.assign(&record("ASSAULT", "RUSMIL", "UKR", "2024-05-10")),
            0
        );
        // a day later, compatible sides: the same event
        assert_eq!(
            m.assign(&record("ASSAULT", "RUS", "UKRCVL", "2024-05-11")),
            0
        );
        // other type, other target, too far: new events
        assert_eq!(
            m.assign(&record("PROTEST", "RUSMIL", "UKR", "2024-05-10")),
            1
        );
        assert_eq!(
            m.assign(&record("ASSAULT", "RUSMIL", "POL", "2024-05-10")),
            2
        );
        assert_eq!(
            m.assign(&record("ASSAULT", "RUSMIL", "UKR", "2024-05-13")),
            3
        );
        // an earlier report lowers event 0's date, so one two days before its key is a candidate
        // but too far from the key itself: a new event
        assert_eq!(
            m.assign(&record("ASSAULT", "RUSMIL", "UKR", "2024-05-09")),
            0
        );
        assert_eq!(
            m.assign(&record("ASSAULT", "RUSMIL", "UKR", "2024-05-08")),
            4
        );
        // undated merges with nothing
        let mut undated = record("ASSAULT", "RUSMIL", "UKR", "2024-05-10");
        undated.date = None;
        assert_eq!(m.assign(&undated), 5);
        assert_eq!(m.len(), 6);
    }

    #[test]
    fn dates_of_other_precision_fall_within_each_other() {
        assert_eq!(date_distance("2024-05-13", "2024-05-14"), Some(1));
        assert_eq!(date_distance("2024-05", "2024-05-14"), Some(0));
        assert_eq!(date_distance("2024-05", "2024-06-01"), None);
        assert_eq!(date_distance("2024-05-13", "2024-05-20"), Some(7));
    }
}
