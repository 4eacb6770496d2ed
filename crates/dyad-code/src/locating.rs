//! Event locations: the place named in an event's own clause, resolved with the gazetteer.
//!
//! Place names are found in the sentence by [`dyad_geo::Gazetteer::find`]. An event takes the
//! place attached to its predicate's clause in the parse (without a parse: any place of the
//! sentence), preferring one introduced by a locative preposition ("in Nagorno-Karabakh",
//! "near the border town of X", "outside Kyiv") and then the nearest to the predicate. A place
//! that is the event's source actor ("Russia attacked ...") does not locate the event. Homonyms
//! are resolved with the document's evidence ([`PlaceEvidence`]: divisions and countries of the
//! unambiguous places it names), the countries of the event's actors and the document's main
//! country. The dateline city is never used: it says where the story was filed, not where the
//! event happened. A place name that is part of a person's name ("Antony Blinken", "Abbas
//! Araqchi") locates nothing unless a preposition or the document says it is a place
//! ([`crate::namesakes`]).

use crate::context::DocContext;
use crate::mentions::Mention;
use crate::namesakes::{place_words, PlaceSupport, SentenceNames};
use crate::tree::DepTree;
use crate::CodedEvent;
use dyad_dict::words::{Word, WordIdx};
use dyad_geo::{Admin1Key, Gazetteer, Place, PlaceId, PlaceMatch, Precision};
use dyad_model::{Location, TokenIdx};

/// Prepositions that put an event somewhere.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "into",
    "across",
    "around",
    "on",
    "along",
    "over",
    "throughout",
    "within",
    "towards",
    "toward",
];

/// Prepositions that put an event inside a country ("called on Russia" does not).
const IN_COUNTRY: &[&str] = &["in", "inside", "into", "across", "throughout", "within"];

fn precision(p: Precision) -> &'static str {
    match p {
        Precision::City => "city",
        Precision::Admin1 => "admin1",
        Precision::Region => "region",
        Precision::Country => "country",
    }
}

/// Locates the events of one sentence (those whose predicate the coder knows).
pub fn locate_events(
    events: &mut [CodedEvent],
    tree: Option<&DepTree<'_>>,
    input: &crate::SentenceInput<'_>,
    context: &DocContext,
) {
    if events.is_empty() {
        return;
    }
    let gazetteer = Gazetteer::embedded();
    let text = &input.sentence.text;
    let places = gazetteer.find(&forms(text, input.words));
    if places.is_empty() {
        return;
    }
    let names = SentenceNames {
        words: input.words,
        mentions: input.mentions,
        places: &places,
    };
    for ev in events.iter_mut() {
        let Some(v) = ev.predicate else { continue };
        let token = |p: &PlaceMatch| {
            input
                .words
                .get(p.start)
                .map_or(TokenIdx::new(0), |w| w.token)
        };
        let is_source = |p: &PlaceMatch| {
            let p = place_words(p);
            ev.source.iter().any(|m| m.start < p.end && p.start < m.end)
        };
        let attached = |p: &PlaceMatch| match tree {
            Some(t) => t.in_clause(v, token(p)),
            None => true,
        };
        let after = |p: &PlaceMatch, accept: &dyn Fn(&str) -> bool| {
            p.start > 0
                && input
                    .words
                    .get(p.start - 1)
                    .is_some_and(|w| accept(w.norm.as_str()))
        };
        let locative = |p: &PlaceMatch| after(p, &|w| LOCATIVE.contains(&w) || w == "the");
        // the countries of the event's actors and the document's, but not the one a
        // dictionary gives the place's own words ("Tripoli" the Libyan capital)
        let resolve = |p: &PlaceMatch| {
            let w = place_words(p);
            let mut countries: Vec<&str> = ev
                .source
                .iter()
                .chain(&ev.target)
                .filter(|m| !(m.start < w.end && w.start < m.end))
                .filter_map(|m| m.country.as_deref())
                .collect();
            countries.extend(context.main_country());
            countries.extend(context.places.countries.iter().map(String::as_str));
            let id = gazetteer.resolve_ids_near(&p.ids, &countries, &context.places.admin1s)?;
            no_persons_name(&names, p, id, context)
        };
        // a country's name is an actor ("called on Armenia", "the leaders of Russia") unless a
        // preposition puts something in it ("peace in Ukraine")
        let best = places
            .iter()
            .filter(|p| !is_source(p) && attached(p))
            .filter_map(|p| resolve(p).map(|place| (p, place)))
            .filter(|(p, place)| {
                place.precision != Precision::Country || after(p, &|w| IN_COUNTRY.contains(&w))
            })
            .min_by_key(|(p, _)| (!locative(p), token(p).get().abs_diff(v.get())));
        let Some((p, place)) = best else { continue };
        let known = place.has_coordinates();
        ev.location = Some(Location {
            name: input
                .words
                .get(p.start)
                .zip(p.end.checked_sub(1).and_then(|e| input.words.get(e)))
                .and_then(|(first, last)| text.get(first.start..last.end))
                .unwrap_or(&place.name)
                .to_string(),
            country: (!place.country.is_empty()).then(|| place.country.clone()),
            lat: known.then_some(place.lat),
            lon: known.then_some(place.lon),
            geonameid: place.geonameid.map(u64::from),
            precision: precision(place.precision).to_string(),
            admin1: place.admin1.clone(),
        });
    }
}

/// What a document's unambiguous place names say about where it is: the first-level divisions
/// and countries of names with one reading. Homonyms elsewhere in the document are read in
/// their light ("Georgia" in a story that names Atlanta is the US state).
#[derive(Debug, Default, Clone)]
pub struct PlaceEvidence {
    pub admin1s: Vec<Admin1Key>,
    pub countries: Vec<String>,
}

/// The words of a sentence in their original forms, as the gazetteer matches them.
fn forms<'a>(text: &'a str, words: &[Word]) -> Vec<&'a str> {
    words
        .iter()
        .map(|w| text.get(w.start..w.end).unwrap_or(""))
        .collect()
}

/// The place evidence of a document's sentences (text, words and actor mentions). A place
/// name that is part of a person's name ("Aung San Suu Kyi") says nothing about where the
/// document is.
pub fn place_evidence<'a>(
    sentences: impl Iterator<Item = (&'a str, &'a [Word], &'a [Mention])>,
) -> PlaceEvidence {
    let g = Gazetteer::embedded();
    let mut ev = PlaceEvidence::default();
    for (text, words, mentions) in sentences {
        let places = g.find(&forms(text, words));
        let names = SentenceNames {
            words,
            mentions,
            places: &places,
        };
        let found = places
            .iter()
            .filter(|m| !names.evidence(m).rules_out(names.preposition_before(m)));
        for m in found {
            if let Some(k) = g.admin1_key(&m.ids) {
                if !ev.admin1s.contains(&k) {
                    ev.admin1s.push(k);
                }
            }
            if let Some(c) = g.country_of_ids(&m.ids) {
                if !ev.countries.contains(&c) {
                    ev.countries.push(c);
                }
            }
        }
    }
    ev
}

/// The place named by words `from..to` of a sentence (the gazetteer match overlapping them),
/// resolved with the document's evidence and countries.
pub fn place_at(
    text: &str,
    words: &[Word],
    mentions: &[Mention],
    from: WordIdx,
    to: WordIdx,
    context: &DocContext,
) -> Option<Place> {
    let g = Gazetteer::embedded();
    let places = g.find(&forms(text, words));
    let m = places.iter().find(|m| {
        let w = place_words(m);
        w.start < to && from < w.end
    })?;
    let mut countries: Vec<&str> = context.main_country().into_iter().collect();
    countries.extend(context.places.countries.iter().map(String::as_str));
    let id = g.resolve_ids_near(&m.ids, &countries, &context.places.admin1s)?;
    let names = SentenceNames {
        words,
        mentions,
        places: &places,
    };
    no_persons_name(&names, m, id, context)
}

/// Gazetteer entry `id` for place match `p`, unless the words around it make it a person's
/// name ("Antony Blinken", "Abbas Araqchi"; see [`crate::namesakes`]).
fn no_persons_name(
    names: &SentenceNames<'_>,
    p: &PlaceMatch,
    id: PlaceId,
    context: &DocContext,
) -> Option<Place> {
    let gazetteer = Gazetteer::embedded();
    let place = gazetteer.place(id)?;
    let support = PlaceSupport {
        preposition: names.preposition_before(p),
        country_named: context.countries.contains_key(&place.country),
        population: gazetteer.population(id),
    };
    names.evidence(p).allows(support).then_some(place)
}
