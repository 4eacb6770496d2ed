//! Event dates: the temporal expression that belongs to an event's predicate.
//!
//! [`dyad_time::TimeResolver`] finds and resolves every temporal expression of the sentence
//! against the publication date. An event takes the expression attached to its own clause in
//! the parse (nearest to its predicate), else, without a parse, the nearest one in the
//! sentence; background expressions ("since the late 1980s", "for years") never date an event.
//! Without an expression the event keeps the publication date, marked as such (no
//! `date_text`).

use crate::tree::DepTree;
use crate::CodedEvent;
use chrono::NaiveDate;
use dyad_model::TokenIdx;
use dyad_time::{Precision, TimeExpr, TimeResolver};

/// The date an event was given by its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDate {
    pub date: NaiveDate,
    pub precision: &'static str,
    /// Byte span of the expression in the sentence.
    pub span: (usize, usize),
}

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

/// Dates the events of one sentence (those whose predicate the coder knows), and says which events are
/// background: their own clause is set in an undated past ("rebels who entered the country
/// years ago", "decades ago") and names no date of its own; a dated past ("two years ago",
/// "in 1998") dates the event instead.
pub fn date_events(
    resolver: &TimeResolver,
    events: &mut [CodedEvent],
    tree: Option<&DepTree<'_>>,
    input: &crate::SentenceInput<'_>,
) -> Vec<bool> {
    let mut background = vec![false; events.len()];
    if events.is_empty() {
        return background;
    }
    let forms: Vec<&str> = input.tokens.iter().map(|t| t.form.as_str()).collect();
    let (found, past): (Vec<TimeExpr>, Vec<TimeExpr>) = resolver
        .find(&forms, input.doc.date)
        .into_iter()
        .partition(|x| !x.background && x.date.is_some());
    if let Some(t) = tree {
        for (k, v) in events
            .iter()
            .enumerate()
            .filter_map(|(k, e)| Some((k, e.predicate?)))
        {
            let own = |x: &TimeExpr| {
                TokenIdx::range(TokenIdx::new(x.start), TokenIdx::new(x.end))
                    .any(|i| t.in_clause(v, i))
            };
            let ago = |x: &TimeExpr| {
                forms
                    .get(x.end.saturating_sub(1))
                    .is_some_and(|f| f.eq_ignore_ascii_case("ago"))
            };
            if past.iter().any(|x| own(x) && ago(x)) && !found.iter().any(own) {
                if let Some(b) = background.get_mut(k) {
                    *b = true;
                }
            }
        }
    }
    if found.is_empty() {
        return background;
    }
    for ev in events.iter_mut() {
        let Some(v) = ev.predicate else { continue };
        let distance = |x: &TimeExpr| {
            // the expression's token positions are numbers: dyad-time reads the token forms
            let v = v.get();
            if v < x.start {
                x.start - v
            } else {
                v.saturating_sub(x.end - 1)
            }
        };
        let attached = |x: &&TimeExpr| match tree {
            Some(t) => TokenIdx::range(TokenIdx::new(x.start), TokenIdx::new(x.end))
                .any(|k| t.in_clause(v, k)),
            None => true,
        };
        let Some(x) = found.iter().filter(attached).min_by_key(|x| distance(x)) else {
            continue;
        };
        let (Some(date), Some(first), Some(last)) = (
            x.date,
            input.tokens.get(x.start),
            input.tokens.get(x.end.saturating_sub(1)),
        ) else {
            continue;
        };
        ev.date = Some(EventDate {
            date,
            precision: precision(x.precision),
            span: (first.start, last.end),
        });
    }
    background
}
