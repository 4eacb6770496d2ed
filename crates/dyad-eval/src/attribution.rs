//! Error attribution: for every gold event a coder missed, the stage at fault.
//!
//! The coder's trace of a record ([`RecordTrace`]: per sentence, whether the discard list
//! dropped it, the actor mentions found, every candidate event before record building) and
//! its output are read in pipeline order; the first stage that lost the event is blamed:
//!
//! 1. [`Stage::Discarded`]: the discard list dropped the sentence;
//! 2. [`Stage::NoCandidate`]: no verb pattern or event noun fired at all (vocabulary);
//! 3. [`Stage::Filtered`]: a candidate of the gold type was dropped when the record was built
//!    (no actor, or no recipient for a type that needs one);
//! 4. [`Stage::WrongType`]: events were coded, none of the gold type;
//! 5. [`Stage::ActorMissing`]: an event of the gold type, but no mention in the sentence is the
//!    gold actor (not found as a mention, or resolved to another code);
//! 6. [`Stage::WrongRole`]: the gold actor is a mention of the sentence but not on the event's
//!    side (role assignment);
//! 7. [`Stage::Threshold`]: the coder built the right row, but its confidence was below the
//!    threshold (`--min-confidence`), so it was dropped;
//! 8. [`Stage::Scorer`]: some event matches it, but one-to-one matching gave it to another gold
//!    event.
//!
//! The gold actor is compared by country code (PLOVER records) or by span overlap (PLV rows),
//! as the scorers do.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What a coder considered in one record (document).
#[derive(Debug, Clone, Default)]
pub struct RecordTrace {
    /// Every sentence was dropped by the discard list.
    pub discarded: bool,
    /// The actor mentions of all sentences, as (text, code).
    pub mentions: Vec<(String, String)>,
    /// The PLOVER types of every candidate, and whether it became an event.
    pub candidates: Vec<(Option<String>, bool)>,
    /// The rows dropped because their confidence was below the threshold.
    pub below_threshold: Vec<Predicted>,
}

/// The stage a miss is blamed on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    Discarded,
    NoCandidate,
    Filtered,
    WrongType,
    ActorMissing,
    WrongRole,
    Threshold,
    Scorer,
}

impl Stage {
    pub fn name(self) -> &'static str {
        match self {
            Stage::Discarded => "discarded sentence",
            Stage::NoCandidate => "no candidate (vocabulary)",
            Stage::Filtered => "filtered (no actor, or no required recipient)",
            Stage::WrongType => "wrong type",
            Stage::ActorMissing => "actor not a mention (not found or wrong code)",
            Stage::WrongRole => "mention found, wrong role",
            Stage::Threshold => "right row, confidence below the threshold",
            Stage::Scorer => "scorer (matched to another gold event)",
        }
    }
}

/// One side of a gold event, as the scorer compares it.
pub trait GoldSide {
    /// Whether a predicted side (actor texts and codes) matches.
    fn matches(&self, side: &[(String, String)]) -> bool;
    /// Whether one of the record's mentions is this actor.
    fn among(&self, mentions: &[(String, String)]) -> bool;
}

/// A predicted event as attribution sees it.
#[derive(Debug, Clone)]
pub struct Predicted {
    pub event: String,
    /// (text, code) of each actor.
    pub source: Vec<(String, String)>,
    pub target: Vec<(String, String)>,
}

/// The stage that lost a gold event of type `event` with sides `source` and `target`, given
/// the record's trace and its predicted events; `None` when some event matches it.
pub fn attribute(
    event: &str,
    source: &dyn GoldSide,
    target: &dyn GoldSide,
    trace: &RecordTrace,
    predicted: &[Predicted],
    same_type: impl Fn(&str, &str) -> bool,
) -> Option<Stage> {
    if trace.discarded {
        return Some(Stage::Discarded);
    }
    if trace.candidates.is_empty() {
        return Some(Stage::NoCandidate);
    }
    // rows the threshold dropped count as coded for the stages before it
    let typed: Vec<&Predicted> = predicted
        .iter()
        .chain(&trace.below_threshold)
        .filter(|p| same_type(&p.event, event))
        .collect();
    let whole = |p: &Predicted| source.matches(&p.source) && target.matches(&p.target);
    if typed.is_empty() {
        let dropped = trace
            .candidates
            .iter()
            .any(|(e, kept)| !kept && e.as_deref().is_some_and(|e| same_type(e, event)));
        return Some(if dropped {
            Stage::Filtered
        } else {
            Stage::WrongType
        });
    }
    for (side, of) in [
        (
            source,
            (|p: &Predicted| p.source.clone()) as fn(&Predicted) -> _,
        ),
        (target, |p: &Predicted| p.target.clone()),
    ] {
        if !typed.iter().any(|p| side.matches(&of(p))) {
            return Some(if side.among(&trace.mentions) {
                Stage::WrongRole
            } else {
                Stage::ActorMissing
            });
        }
    }
    let kept_whole = predicted
        .iter()
        .any(|p| same_type(&p.event, event) && whole(p));
    Some(if kept_whole {
        Stage::Scorer
    } else if typed.iter().any(|p| whole(p)) {
        Stage::Threshold
    } else {
        Stage::WrongRole
    })
}

/// Misses counted by stage, with one line per miss when asked.
#[derive(Debug, Clone, Default)]
pub struct Attribution {
    pub by_stage: BTreeMap<Stage, usize>,
    pub lines: Vec<String>,
}

impl Attribution {
    pub fn add(&mut self, stage: Stage, line: String) {
        *self.by_stage.entry(stage).or_default() += 1;
        self.lines
            .push(format!("{:<16} {line}", format!("[{stage:?}]")));
    }

    /// The summary table.
    pub fn render(&self) -> String {
        let total: usize = self.by_stage.values().sum();
        let mut s = format!("misses by stage ({total}):\n");
        for (stage, n) in &self.by_stage {
            let _ = writeln!(
                s,
                "  {:<48} {n:>5} {:>6.1}%",
                stage.name(),
                100.0 * *n as f64 / total.max(1) as f64
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A side given by country codes.
    struct Codes(Vec<&'static str>);

    impl GoldSide for Codes {
        fn matches(&self, side: &[(String, String)]) -> bool {
            (self.0.is_empty() && side.is_empty())
                || side
                    .iter()
                    .any(|(_, c)| self.0.iter().any(|g| c.starts_with(g)))
        }
        fn among(&self, mentions: &[(String, String)]) -> bool {
            mentions
                .iter()
                .any(|(_, c)| self.0.iter().any(|g| c.starts_with(g)))
        }
    }

    fn pred(event: &str, source: &str, target: &str) -> Predicted {
        let side = |c: &str| {
            (!c.is_empty())
                .then(|| (c.to_string(), c.to_string()))
                .into_iter()
                .collect()
        };
        Predicted {
            event: event.into(),
            source: side(source),
            target: side(target),
        }
    }

    #[test]
    fn the_first_stage_that_lost_the_event_is_blamed() {
        let trace = |cands: Vec<(Option<String>, bool)>, mentions: &[&str]| RecordTrace {
            discarded: false,
            mentions: mentions
                .iter()
                .map(|m| (m.to_string(), m.to_string()))
                .collect(),
            candidates: cands,
            below_threshold: Vec::new(),
        };
        let eq = |a: &str, b: &str| a == b;
        let (rus, ukr) = (Codes(vec!["RUS"]), Codes(vec!["UKR"]));
        let at = |t: &RecordTrace, p: &[Predicted]| attribute("ASSAULT", &rus, &ukr, t, p, eq);
        assert_eq!(at(&trace(vec![], &[]), &[]), Some(Stage::NoCandidate));
        let sanction = vec![(Some("ASSAULT".to_string()), false)];
        assert_eq!(at(&trace(sanction, &[]), &[]), Some(Stage::Filtered));
        let cand = vec![(Some("ASSAULT".to_string()), true)];
        let t = trace(cand.clone(), &["RUS"]);
        assert_eq!(
            at(&t, &[pred("PROTEST", "RUS", "UKR")]),
            Some(Stage::WrongType)
        );
        assert_eq!(
            at(&t, &[pred("ASSAULT", "RUS", "")]),
            Some(Stage::ActorMissing)
        );
        let t = trace(cand, &["RUS", "UKR"]);
        assert_eq!(
            at(&t, &[pred("ASSAULT", "RUS", "")]),
            Some(Stage::WrongRole)
        );
        assert_eq!(
            at(&t, &[pred("ASSAULT", "UKR", "RUS")]),
            Some(Stage::WrongRole)
        );
        assert_eq!(
            at(&t, &[pred("ASSAULT", "RUS", "UKR")]),
            Some(Stage::Scorer)
        );
        let below = RecordTrace {
            below_threshold: vec![pred("ASSAULT", "RUS", "UKR")],
            ..t
        };
        assert_eq!(at(&below, &[]), Some(Stage::Threshold));
        assert_eq!(
            at(&below, &[pred("ASSAULT", "RUS", "")]),
            Some(Stage::Threshold)
        );
    }
}
