//! Behaviour of the baseline pipeline on sentences written for these tests.

mod common;

use chrono::NaiveDate;
use common::{codes, doc};
use dyad_code::Pipeline;
use dyad_model::{EventRecord, TokenIdx};

fn code(text: &str) -> Vec<EventRecord> {
    Pipeline::new().code_document(&doc(text)).events
}

fn show(events: &[EventRecord]) -> String {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {:?}->{:?} [{}] {}",
                e.plover.event,
                codes(&e.source),
                codes(&e.target),
                e.cameo,
                e.rule
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first event of a PLOVER type, or a failure listing what was coded.
fn first<'a>(events: &'a [EventRecord], event: &str) -> &'a EventRecord {
    events
        .iter()
        .find(|e| e.plover.event == event)
        .unwrap_or_else(|| panic!("no {event} in\n{}", show(events)))
}

#[test]
fn aid_with_compound_source_and_composed_target() {
    let s = "At the same time, the EU and the US continue to supply the Ukrainian army with weapons and military equipment.";
    let events = code(s);
    let aid = events
        .iter()
        .find(|e| e.plover.event == "AID")
        .unwrap_or_else(|| panic!("no AID in\n{}", show(&events)));
    assert_eq!(codes(&aid.source), vec!["IGOEUREEC", "USA"]);
    assert_eq!(codes(&aid.target), vec!["UKRMIL"]);
    let chars: Vec<char> = s.chars().collect();
    let span_text = |span: [usize; 2]| chars[span[0]..span[1]].iter().collect::<String>();
    assert_eq!(span_text(aid.source[0].span), "the EU");
    assert_eq!(span_text(aid.source[1].span), "the US");
    assert_eq!(span_text(aid.target[0].span), "the Ukrainian army");
    assert_eq!(span_text(aid.trigger.span), aid.trigger.text);
}

#[test]
fn spans_are_characters_not_bytes() {
    // the curly apostrophe is 3 bytes in UTF-8 but one character
    let s = "Russia’s army attacked Ukrainian troops near the border.";
    let events = code(s);
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    let chars: Vec<char> = s.chars().collect();
    let t: String = chars[e.target[0].span[0]..e.target[0].span[1]]
        .iter()
        .collect();
    assert_eq!(t, "Ukrainian troops");
    assert_eq!(codes(&e.source), vec!["RUSMIL"]);
    assert_eq!(codes(&e.target), vec!["UKRMIL"]);
}

#[test]
fn passive_voice_swaps_roles() {
    let events = code("Armenian troops were attacked by Azerbaijani forces on Tuesday.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["AZEMIL"]);
    assert_eq!(codes(&e.target), vec!["ARMMIL"]);
}

#[test]
fn negation_is_marked() {
    let events = code("Israel did not attack Lebanon.");
    let e = events.first().unwrap_or_else(|| panic!("no event"));
    assert!(e.negated);
    assert_eq!(e.modality, "denied");
}

#[test]
fn statements_are_not_events() {
    let events = code("The Hungarian government said the talks were useful.");
    assert!(
        events.iter().all(|e| e.cameo.get(..2) != Some("01")),
        "{}",
        show(&events)
    );
}

#[test]
fn protest_by_residents() {
    let events = code("Residents of the Armenian capital took to the streets to protest outside the Armenian government building.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "PROTEST")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["ARMCVL"]);
}

/// Actor composition: country word + agent noun, in either order, into one code.
#[test]
fn actor_composition_table() {
    use dyad_code::MentionFinder;
    use dyad_dict::words::words;
    use dyad_text::Tokenizer;
    let dicts = dyad_dict::Dictionaries::embedded();
    let finder = MentionFinder::new(dicts);
    let date = NaiveDate::from_ymd_opt(2023, 9, 20);
    let cases: &[(&str, &[&str])] = &[
        ("The Russian Foreign Ministry said", &["RUSGOV"]),
        ("Armenian troops", &["ARMMIL"]),
        ("Residents of the Armenian capital", &["ARMCVL"]),
        ("the Ukrainian army", &["UKRMIL"]),
        ("the EU and the US", &["IGOEUREEC", "USA"]),
        ("Russia's army", &["RUSMIL"]),
        ("Azerbaijani forces", &["AZEMIL"]),
        ("the Hungarian government", &["HUNGOV"]),
        ("Israeli police", &["ISRCOP"]),
        // protesters are civilians (CODING-CONVENTIONS, "Actor codes")
        ("Iranian protesters", &["IRNCVL"]),
        ("the President of Russia", &["RUSGOV"]),
        ("Turkey", &["TUR"]),
        ("the United Nations", &["IGOUNO"]),
        ("NATO", &["IGONAT"]),
        ("Britain mobilized army reservists", &["GBR", "MIL"]),
        ("military exercises", &[]),
        ("the turkey was roasted", &[]),
        ("he told us", &[]),
    ];
    let tokenizer = Tokenizer::new();
    for (phrase, expected) in cases {
        let tokens = tokenizer.tokenize(phrase);
        let w = words(
            tokens
                .iter()
                .enumerate()
                .map(|(i, t)| (TokenIdx::new(i), t.form.as_str(), t.start)),
        );
        let found: Vec<String> = finder.find(&w, date).into_iter().map(|m| m.code).collect();
        assert_eq!(found, *expected, "{phrase}");
    }
}

#[test]
fn list_commas_join_but_appositions_do_not() {
    let events = code("The leaders of Russia, Azerbaijan and Armenia met in Moscow.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "CONSULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["RUSGOV", "AZE", "ARM"]);
    let events = code("Iran did not attack Israel, the Iranian foreign minister said.");
    let e = events.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(codes(&e.source), vec!["IRN"]);
    assert_eq!(codes(&e.target), vec!["ISR"]);
}

#[test]
fn complement_of_a_verbal_act_is_not_a_second_event() {
    let events = code("France threatened to impose sanctions on Iran.");
    assert_eq!(events.len(), 1, "{}", show(&events));
    assert_eq!(events[0].plover.event, "THREATEN");
    assert_eq!(codes(&events[0].target), vec!["IRN"]);
}

#[test]
fn pledges_are_intents_and_refusals_are_rejections() {
    let events = code("Japan will provide humanitarian aid to Sudan.");
    let e = events.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(
        (e.plover.event.as_str(), e.modality.as_str()),
        ("AGREE", "asserted"),
        "{}",
        show(&events)
    );
    let events = code("Syria will not accept refugees from Iraq.");
    let e = events.first().unwrap_or_else(|| panic!("no event"));
    assert_eq!(e.plover.event, "REJECT", "{}", show(&events));
}

#[test]
fn reported_obligation_is_a_request_from_the_speaker() {
    let events = code("Russia said on Tuesday that Sudan must return the helicopter.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "REQUEST")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["RUS"]);
    assert_eq!(codes(&e.target), vec!["SDN"]);
}

/// A coder that asks for syntax gets a tree for every sentence through the stage interface.
#[test]
fn coders_that_need_syntax_get_a_parse() {
    use dyad_code::{CodedEvent, SentenceCoder, SentenceInput};
    use std::sync::atomic::{AtomicUsize, Ordering};
    struct Probe(AtomicUsize);
    impl SentenceCoder for Probe {
        fn code(&self, input: &SentenceInput<'_>) -> Vec<CodedEvent> {
            let syntax = input.syntax.expect("syntax is provided");
            assert_eq!(syntax.len(), input.tokens.len());
            assert_eq!(syntax.iter().filter(|t| t.head == 0).count(), 1);
            self.0.fetch_add(1, Ordering::SeqCst);
            Vec::new()
        }
        fn syntax_need(&self) -> dyad_code::SyntaxNeed {
            dyad_code::SyntaxNeed::Parse
        }
    }
    let dicts = dyad_dict::Dictionaries::embedded();
    let probe: &'static Probe = Box::leak(Box::new(Probe(AtomicUsize::new(0))));
    struct Shared(&'static Probe);
    impl SentenceCoder for Shared {
        fn code(&self, input: &SentenceInput<'_>) -> Vec<CodedEvent> {
            self.0.code(input)
        }
        fn syntax_need(&self) -> dyad_code::SyntaxNeed {
            dyad_code::SyntaxNeed::Parse
        }
    }
    let pipeline = Pipeline::with_coder(dicts, Box::new(Shared(probe))).expect("models load");
    let result = pipeline.code_document(&doc(
        "Russia urged the parties to cease fire. Armenian troops attacked the town.",
    ));
    assert_eq!(result.sentences, 2);
    assert_eq!(probe.0.load(Ordering::SeqCst), 2);
}

fn quote_of(e: &EventRecord) -> Option<(String, String)> {
    let q = e.quote.as_ref()?;
    Some((
        q.speaker.as_ref().map_or(String::new(), |s| s.code.clone()),
        q.cue.clone().unwrap_or_default(),
    ))
}

#[test]
fn reported_speech_marks_the_act_and_codes_the_claim() {
    let events = code("Azerbaijan said Armenian forces shelled its positions near Lachin.");
    let assault = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&assault.source), vec!["ARMMIL"], "{}", show(&events));
    assert_eq!(codes(&assault.target), vec!["AZE"], "{}", show(&events));
    assert_eq!(assault.modality, "reported");
    assert_eq!(quote_of(assault), Some(("AZE".into(), "said".into())));
    let accuse = events
        .iter()
        .find(|e| e.plover.event == "ACCUSE")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&accuse.source), vec!["AZE"]);
    assert_eq!(codes(&accuse.target), vec!["ARMMIL"]);
    assert_eq!(accuse.modality, "asserted");
}

#[test]
fn trailing_attribution_and_according_to() {
    let events = code("Russian forces attacked Kharkiv on Monday, Ukrainian officials said.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["RUSMIL"]);
    assert_eq!(e.modality, "reported");
    assert_eq!(quote_of(e), Some(("UKRGOV".into(), "said".into())));

    let events = code(
        "Israeli troops killed two men in Jenin, according to the Palestinian health ministry.",
    );
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["ISRMIL"]);
    assert_eq!(e.modality, "reported");
    assert_eq!(quote_of(e), Some(("PSEGOV".into(), "according to".into())));
}

#[test]
fn a_quote_over_several_sentences_names_its_speaker_after_it_closes() {
    let events = code(
        "\"Brussels and America are calling for a ceasefire. How come?\" Hungarian State Secretary Tamas Menczer said on his Facebook.",
    );
    let e = events
        .iter()
        .find(|e| e.plover.event == "REQUEST")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["IGOEUREEC", "USA"]);
    assert_eq!(e.modality, "reported");
    let q = e.quote.as_ref().unwrap_or_else(|| panic!("no quote"));
    assert_eq!(q.speaker.as_ref().map(|s| s.code.as_str()), Some("HUNGOV"));
    assert_eq!(q.cue.as_deref(), Some("said on his Facebook"));
    assert_eq!(q.speaker_sentence, Some(2));
}

#[test]
fn a_stated_intention_is_the_event_and_is_asserted() {
    let events = code("Japan said it will send humanitarian aid to Sudan.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "AGREE")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["JPN"]);
    assert_eq!(codes(&e.target), vec!["SDN"]);
    assert_eq!(e.modality, "asserted");
}

#[test]
fn capitals_act_for_governments_and_parties_resolve_to_the_conflict() {
    let events = code(
        "The conflict between Azerbaijan and Armenia has been going on since the late 1980s. Baku demanded the withdrawal of Armenian troops. Moscow urged the conflicting sides to cease fire.",
    );
    assert!(
        !events.iter().any(|e| e.sentence_index == 0),
        "background coded:\n{}",
        show(&events)
    );
    let demand = events
        .iter()
        .find(|e| e.plover.event == "REQUEST" && e.sentence_index == 1)
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&demand.source), vec!["AZEGOV"]);
    assert_eq!(codes(&demand.target), vec!["ARMMIL"]);
    let urge = events
        .iter()
        .find(|e| e.plover.event == "REQUEST" && e.sentence_index == 2)
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&urge.source), vec!["RUSGOV"]);
    assert_eq!(codes(&urge.target), vec!["AZE", "ARM"]);
    assert_eq!(urge.target[0].text, "the conflicting sides");
}

#[test]
fn events_are_dated_by_their_sentence_not_the_publication_day() {
    // the test documents are published on Wednesday 2023-09-20
    let events = code("Russian forces shelled Kharkiv on Tuesday.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(e.date.as_deref(), Some("2023-09-19"));
    assert_eq!(e.date_precision.as_deref(), Some("day"));
    assert_eq!(e.date_text.as_deref(), Some("on Tuesday"));

    let events = code("Azerbaijan attacked Armenian positions last week.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(e.date.as_deref(), Some("2023-09-11"));
    assert_eq!(e.date_precision.as_deref(), Some("week"));

    // no expression: the publication date, without a date text
    let events = code("Israel attacked Hamas positions in Gaza.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(e.date.as_deref(), Some("2023-09-20"));
    assert_eq!(e.date_text, None);

    // a background "since" phrase does not date the event
    let events = code("Rebels have attacked government troops in the north since 2014.");
    assert!(
        events.iter().all(|e| e.date_text.is_none()),
        "{}",
        show(&events)
    );
}

#[test]
fn events_are_located_where_the_sentence_puts_them() {
    let events = code("Russian forces shelled Kharkiv on Tuesday.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    let loc = e.location.as_ref().unwrap_or_else(|| panic!("no location"));
    assert_eq!(loc.name, "Kharkiv");
    assert_eq!(loc.country.as_deref(), Some("UKR"));
    assert_eq!(loc.precision, "city");
    assert!(loc.lat.is_some_and(|l| (l - 49.98).abs() < 0.1));

    // a region that is not a city
    let events = code("Azerbaijani troops attacked Armenian positions in Nagorno-Karabakh.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "ASSAULT")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    let loc = e.location.as_ref().unwrap_or_else(|| panic!("no location"));
    assert_eq!(loc.precision, "region");
    assert_eq!(loc.country.as_deref(), Some("AZE"));

    // a country named as an actor is not a location; no place, no location
    let events = code("Hungary called on Russia to end the war.");
    assert!(events.iter().all(|e| e.location.is_none()), "{:?}", events);
}

#[test]
fn a_party_calling_for_a_ceasefire_agrees_and_a_third_party_requests() {
    let text = "Fighting between Azerbaijan and Armenia continued. Armenia called for a ceasefire. France called for a ceasefire.";
    let events = code(text);
    let armenia = events
        .iter()
        .find(|e| e.sentence_index == 1)
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(armenia.plover.event, "AGREE", "{}", show(&events));
    assert_eq!(codes(&armenia.source), vec!["ARM"]);
    let france = events
        .iter()
        .find(|e| e.sentence_index == 2)
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(france.plover.event, "REQUEST", "{}", show(&events));
    assert_eq!(france.plover.mode.as_deref(), Some("yield"));
    assert_eq!(codes(&france.target), vec!["AZE", "ARM"]);
}

#[test]
fn a_clause_set_years_ago_is_background_but_the_sentence_is_coded() {
    let events = code(
        "Uganda has granted political asylum to 18 Rwandan rebels who entered the country illegally two years ago.",
    );
    let aid = events
        .iter()
        .find(|e| e.plover.event == "AID")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&aid.source), vec!["UGA"]);
    assert_eq!(codes(&aid.target), vec!["RWAREB"]);

    // a counted past is a date (of year precision); a vague one is background
    let events =
        code("Russia attacked Georgia fifteen years ago. Russia attacked Georgia years ago.");
    let dated: Vec<_> = events
        .iter()
        .filter(|e| e.plover.event == "ASSAULT")
        .collect();
    assert_eq!(dated.len(), 1, "{}", show(&events));
    assert_eq!(dated[0].sentence_index, 0);
    assert_eq!(dated[0].date.as_deref(), Some("2008-01-01"));
    assert_eq!(dated[0].date_precision.as_deref(), Some("year"));
}

#[test]
fn an_obligation_above_the_act_is_the_speakers_demand() {
    let events = code("Egypt said on Wednesday that the United States must be ready to mediate between Israel and the Palestinians.");
    let e = events
        .iter()
        .find(|e| e.plover.event == "REQUEST")
        .unwrap_or_else(|| panic!("{}", show(&events)));
    assert_eq!(codes(&e.source), vec!["EGY"], "{}", show(&events));
    assert_eq!(codes(&e.target), vec!["USA"], "{}", show(&events));
}

/// "will X unless Y" is a conditional threat (CAMEO 13), not a pledge.
#[test]
fn conditional_acts_are_threats() {
    let events = code(
        "Ghana announced that it will withdraw its peacekeepers from Mali unless the junta holds elections.",
    );
    let threat = first(&events, "THREATEN");
    assert_eq!(codes(&threat.source), vec!["GHA"]);
    assert!(threat.cameo.starts_with("13"), "{}", threat.cameo);
    assert!(
        !events
            .iter()
            .any(|e| e.plover.event == "AGREE" && codes(&e.source) == vec!["GHA"]),
        "a conditional withdrawal is no pledge:\n{}",
        show(&events)
    );
    // without the condition it is a pledge
    let events = code("Ghana announced that it will withdraw its peacekeepers from Mali.");
    assert!(
        !events.iter().any(|e| e.plover.event == "THREATEN"),
        "{}",
        show(&events)
    );
}

/// Who acts is resolved over the document: a titled name introduced once keeps its code.
#[test]
fn surnames_keep_the_code_of_their_first_mention() {
    let events = code(
        "Armenian Prime Minister Nikol Pashinyan arrived in Moscow on Tuesday. Pashinyan accused Azerbaijan of aggression.",
    );
    let accuse = first(&events, "ACCUSE");
    assert_eq!(codes(&accuse.source), vec!["ARMGOV"]);
    assert_eq!(codes(&accuse.target), vec!["AZE"]);
}

/// An act that is the purpose of a stated readiness ("is willing to send troops to help") is
/// an intention (CAMEO 03, AGREE), not the act itself.
#[test]
fn acts_under_a_stated_readiness_are_intentions() {
    let events = code("Denmark is willing to send engineers to help rebuild the port in Lebanon.");
    assert!(
        !events
            .iter()
            .any(|e| e.plover.event == "COOPERATE" || e.plover.event == "AID"),
        "{}",
        show(&events)
    );
    let intent = first(&events, "AGREE");
    assert_eq!(codes(&intent.source), vec!["DNK"]);
    assert!(intent.cameo.starts_with("03"), "{}", intent.cameo);
    let events = code("Denmark sent engineers to help rebuild the port in Lebanon.");
    assert!(
        !events.iter().any(|e| e.plover.event == "AGREE"),
        "an act done is no intention:\n{}",
        show(&events)
    );
}

/// A past participle after an object is a reduced relative ("weapons seized last year"), not
/// the content of a pledge; defending someone's right is verbal support.
#[test]
fn reduced_relatives_and_verbal_support() {
    let events = code(
        "The militia announced it will return vehicles seized last month from Red Cross workers.",
    );
    let pledge = first(&events, "AGREE");
    assert!(pledge.cameo.starts_with("03"), "{}", show(&events));
    assert!(
        !events.iter().any(|e| e.plover.event == "THREATEN"),
        "{}",
        show(&events)
    );
    let events = code("France defended the right of Malian troops to remain in the north.");
    let support = first(&events, "SUPPORT");
    assert_eq!(codes(&support.source), vec!["FRA"]);
    assert_eq!(codes(&support.target), vec!["MLIMIL"]);
    assert_eq!(support.cameo, "052");
}

/// When several countries act together, none of them is the recipient of their joint act.
#[test]
fn joint_acts_have_no_recipient_among_their_parties() {
    let events =
        code("Egypt and Sudan resumed negotiations on Tuesday on a Sudanese troop pullback.");
    let talks = first(&events, "CONSULT");
    assert_eq!(codes(&talks.source), vec!["EGY", "SDN"]);
    assert!(talks.target.is_empty(), "{}", show(&events));
}

/// A protest without a named target is aimed where the protesters' demand in the sentence is.
#[test]
fn protests_take_the_target_of_their_demand() {
    let events = code(
        "Kenyan protesters rioted on Tuesday, calling for the resignation of the Kenyan government.",
    );
    let protest = first(&events, "PROTEST");
    assert_eq!(codes(&protest.target), vec!["KENGOV"], "{}", show(&events));
    let events = code("Kenyan protesters rioted on Tuesday.");
    assert!(
        first(&events, "PROTEST").target.is_empty(),
        "{}",
        show(&events)
    );
}

/// An actor's own forces are what it moves, not its recipient: the place they go is.
#[test]
fn own_forces_moved_somewhere_target_the_place() {
    let events = code("Turkey has strengthened its forces in Syria, military sources said.");
    let mobilize = first(&events, "MOBILIZE");
    assert_eq!(codes(&mobilize.source), vec!["TUR"]);
    assert_eq!(codes(&mobilize.target), vec!["SYR"], "{}", show(&events));
}

/// The subject of a passive names its target through what it belongs to ("a camp for
/// refugees"), even where a verb pattern took the agent for the target.
#[test]
fn passive_subjects_name_whose_they_are() {
    let events =
        code("A shelter for Sudanese refugees was attacked by Chadian gunmen armed with rifles.");
    let attack = first(&events, "ASSAULT");
    assert_eq!(codes(&attack.source), vec!["TCDUAF"]);
    assert_eq!(codes(&attack.target), vec!["SDNREF"], "{}", show(&events));
}

/// An agent word the parse reads as an adjective ("all official contact") is no recipient.
#[test]
fn adjectival_agent_words_are_no_recipients() {
    let events = code("Iranian leaders said they would boycott all official contact with Britain.");
    let threat = first(&events, "THREATEN");
    assert_eq!(codes(&threat.source), vec!["IRNGOV"]);
    assert!(!codes(&threat.target).contains(&"GOV"), "{}", show(&events));
}

/// A threat to pull one's own forces out of a country is aimed at that country.
#[test]
fn own_forces_pulled_out_target_the_place_they_leave() {
    let events = code(
        "Kenya said it would withdraw its peacekeepers from Somalia unless the government paid their wages.",
    );
    let threat = first(&events, "THREATEN");
    assert_eq!(codes(&threat.source), vec!["KEN"]);
    // the Somali government, whose act the condition names, or Somalia
    let target = codes(&threat.target);
    assert!(
        target.len() == 1 && target[0].starts_with("SOM"),
        "{}",
        show(&events)
    );
}

/// "Ethnic Albanians" are an ethnic group of the country the story is about, not Albania.
#[test]
fn ethnic_groups_belong_to_the_country_they_live_in() {
    let events = code(
        "Ethnic Albanians in southern Serbia blocked roads on Monday to protest against Serbian police raids.",
    );
    let protest = first(&events, "PROTEST");
    assert_eq!(
        codes(&protest.source),
        vec!["SRBCVLalb"],
        "{}",
        show(&events)
    );
}

/// The one who reports an act is not its recipient, even right after it.
#[test]
fn reporters_are_no_recipients() {
    let events = code(
        "Guinean soldiers fired on the crowd on Monday, a spokesman for the French embassy said.",
    );
    let attack = first(&events, "ASSAULT");
    assert_eq!(codes(&attack.source), vec!["GINMIL"]);
    assert!(attack.target.is_empty(), "{}", show(&events));
    let events =
        code("Guinean soldiers detained dozens of protesters in Conakry on Monday, a spokesman for the French embassy said.");
    let arrest = first(&events, "COERCE");
    assert_eq!(codes(&arrest.target), vec!["GINCVL"], "{}", show(&events));
}

/// An object noun phrase the tree finds no actor in does not borrow one from deep inside it.
#[test]
fn a_nationality_deep_in_the_object_is_no_recipient() {
    let events = code(
        "The Estonian parliament lifted restrictions on the teaching of the Russian language in schools.",
    );
    let concede = first(&events, "CONCEDE");
    assert!(concede.target.is_empty(), "{}", show(&events));
}

/// Who carries out an ordered act ("patrols by police") is not the order's recipient, and a
/// phrase of time ("after protests by farmers") names no recipient either.
#[test]
fn performers_and_times_are_no_recipients() {
    let events = code(
        "The governor of Punjab province ordered patrols by police after violent protests by farmers.",
    );
    let mobilize = first(&events, "MOBILIZE");
    assert_eq!(codes(&mobilize.source), vec!["PAKGOV"], "{}", show(&events));
    assert!(mobilize.target.is_empty(), "{}", show(&events));
}

/// "in protest of X": X is what is protested, not who protests.
#[test]
fn in_protest_of_names_the_target() {
    let events = code(
        "Kurdish students in Turkey began a hunger strike in protest of the Turkish government's ban on their newspaper.",
    );
    let protest = first(&events, "PROTEST");
    assert_eq!(codes(&protest.target), vec!["TURGOV"], "{}", show(&events));
}

/// Armed forces readying an attack take a military posture now (PLOVER MOBILIZE), rather than
/// threatening it; a government ready to act by force still threatens.
#[test]
fn armed_forces_readying_an_attack_mobilize() {
    let events = code("The Ethiopian army is ready to launch an offensive against the rebels.");
    let mobilize = first(&events, "MOBILIZE");
    assert_eq!(codes(&mobilize.source), vec!["ETHMIL"]);
    assert_eq!(mobilize.cameo, "152");
    let events =
        code("The Ethiopian government said it was ready to use force against the rebels.");
    assert!(
        !events.iter().any(|e| e.plover.event == "MOBILIZE"),
        "{}",
        show(&events)
    );
}

/// What is done "without" is not done: no event, and none of its actors as a recipient.
#[test]
fn acts_done_without_are_no_events() {
    let events = code("The former president agreed to leave office without returning to Bolivia.");
    assert!(
        !events.iter().any(|e| e.plover.event == "CONSULT"),
        "{}",
        show(&events)
    );
    let agree = first(&events, "AGREE");
    assert!(agree.target.is_empty(), "{}", show(&events));
}

/// An order to someone to act demands the act of them; an order to restrict imposes the
/// restriction on them. Neither is cooperation (the CAMEO block code of "order").
#[test]
fn orders_demand_or_impose_what_they_order() {
    let events =
        code("The Zambian government ordered the opposition newspaper to suspend publication.");
    let coerce = first(&events, "COERCE");
    assert_eq!(codes(&coerce.source), vec!["ZMBGOV"], "{}", show(&events));
    assert_eq!(
        codes(&coerce.target),
        vec!["ZMBOPPMED"],
        "{}",
        show(&events)
    );
    assert!(
        !events.iter().any(|e| e.plover.event == "COOPERATE"),
        "{}",
        show(&events)
    );
    let events = code("The Zambian government ordered an inquiry into the shooting.");
    assert!(
        !events.iter().any(|e| e.plover.event == "COOPERATE"),
        "{}",
        show(&events)
    );
}

/// A call or a meeting is mutual: both parties are the actor and there is no recipient (PLOVER
/// manual, reciprocal actors); a visit keeps its host as the recipient.
#[test]
fn meetings_and_calls_are_reciprocal() {
    let events = code(
        "Kenyan President William Ruto telephoned Ethiopian Prime Minister Abiy Ahmed on Monday.",
    );
    let call = first(&events, "CONSULT");
    assert_eq!(codes(&call.source).len(), 2, "{}", show(&events));
    assert!(call.target.is_empty(), "{}", show(&events));
    let events = code("Vietnam's prime minister visited Laos last week.");
    let visit = first(&events, "CONSULT");
    assert_eq!(codes(&visit.target), vec!["LAO"], "{}", show(&events));
}

/// "X issued a reminder to Y that it must ...": what Y must do is X's demand of Y, and "it" is
/// no person.
#[test]
fn what_another_must_do_is_a_demand_of_the_one_who_says_so() {
    let events = code(
        "German Chancellor Helmut Kohl issued a warning on Monday to Serbia that it must withdraw its troops from Bosnia.",
    );
    let demand = first(&events, "REQUEST");
    assert_eq!(codes(&demand.source), vec!["DEUGOV"], "{}", show(&events));
    assert!(
        codes(&demand.target).iter().any(|c| c.contains("SRB")),
        "{}",
        show(&events)
    );
}

/// Pressing someone to act demands the act of them.
#[test]
fn pressing_someone_to_act_is_a_demand() {
    let events = code("Chilean authorities pressured the miners to end their strike.");
    let demand = first(&events, "REQUEST");
    assert_eq!(codes(&demand.source), vec!["CHLGOV"], "{}", show(&events));
    assert!(
        !events.iter().any(|e| e.plover.event == "COERCE"),
        "{}",
        show(&events)
    );
}

/// The location of the first event, as "name COUNTRY", or "-".
fn first_location(text: &str) -> String {
    let events = code(text);
    let e = events
        .first()
        .unwrap_or_else(|| panic!("no event in {text:?}"));
    e.location.as_ref().map_or("-".to_string(), |l| {
        format!("{} {}", l.name, l.country.as_deref().unwrap_or("?"))
    })
}

#[test]
fn words_of_a_persons_name_are_no_place() {
    // after a title (Antony, France)
    let got = first_location("U.S. Secretary of State Antony Blinken visited China on Monday.");
    assert_eq!(got, "-");
    // a given name before a surname, without a title (Fort Abbas, Pakistan; Aung San, Myanmar)
    assert_eq!(
        first_location("Israel threatened Abbas Araqchi on Monday."),
        "-"
    );
    let got = first_location("Aung San Suu Kyi met Chinese Foreign Minister Wang Yi on Friday.");
    assert_eq!(got, "-");
    // even in a story about the country of the homonym
    let got = first_location(
        "Myanmar's military leaders met Aung San Suu Kyi on Friday. Myanmar has been under military rule since 2021.",
    );
    assert_eq!(got, "-");
    // the place the sentence names still locates the event
    let got = first_location(
        "Saudi Crown Prince Mohammed bin Salman met Antony Blinken in Riyadh on Monday.",
    );
    assert_eq!(got, "Riyadh SAU");
}

#[test]
fn places_named_like_people_still_locate_where_the_sentence_puts_them() {
    let got = first_location("Police clashed with protesters in Antony, France, on Monday.");
    assert_eq!(got, "Antony FRA");
    let got = first_location("Israeli troops clashed with militants in Gaza on Monday.");
    assert_eq!(got, "Gaza PSE");
    let got =
        first_location("Taliban fighters attacked Kabul Airport on Monday, Afghan officials said.");
    assert_eq!(got, "Kabul AFG");
}

/// Every PLOVER event has an actor: an agentless killing names who suffered, not who acted,
/// and is no row; an act with a named actor still is.
#[test]
fn an_event_without_an_actor_is_no_row() {
    assert!(code("Three civilians were killed in a bombing in the capital on Monday.").is_empty());
    let events = code("Rebels killed three civilians in a bombing in the capital on Monday.");
    assert!(!first(&events, "ASSAULT").source.is_empty());
}

/// Tariffs are trade sanctions: imposed ones are SANCTION, lifted ones undo them
/// (CODING-CONVENTIONS: tariffs actually imposed are SANCTION).
#[test]
fn tariffs_are_sanctions() {
    let events = code("Washington imposed new tariffs on Chinese goods on Tuesday.");
    let s = first(&events, "SANCTION");
    assert_eq!(
        (codes(&s.source), codes(&s.target)),
        (vec!["USAGOV"], vec!["CHN"])
    );
    let events = code("China lifted tariffs on Australian wine.");
    assert!(
        !events.iter().any(|e| e.plover.event == "SANCTION"),
        "{}",
        show(&events)
    );
}

/// Rejecting or denying an accusation is a rejection of it (CODING-CONVENTIONS: the object of
/// a rejection or denial), whatever statement code the verb's own pattern gives.
#[test]
fn denying_an_allegation_is_a_rejection() {
    let events = code("India rejected Pakistan's allegation on Monday.");
    let r = first(&events, "REJECT");
    assert_eq!(
        (codes(&r.source), codes(&r.target)),
        (vec!["IND"], vec!["PAK"])
    );
    let events = code("Iran denied the charges on Tuesday.");
    assert_eq!(codes(&first(&events, "REJECT").source), vec!["IRN"]);
}

/// Any coder that names its events' predicates gets the document stages: the event is dated
/// and located from its own clause, and attributed to the one who reports it.
#[test]
fn every_coder_gets_dating_locating_and_quotes() {
    use dyad_code::{
        CodedEvent, CodedSentence, Modality, Provenance, SentenceCoder, SentenceInput,
    };
    /// Codes every "attacked" as an assault by the sentence's first actor.
    struct Attacks;
    impl SentenceCoder for Attacks {
        fn code(&self, input: &SentenceInput<'_>) -> Vec<CodedEvent> {
            self.code_sentence(input).events
        }
        fn code_sentence(&self, input: &SentenceInput<'_>) -> CodedSentence {
            let mut coded = CodedSentence {
                events: Vec::new(),
                parsed: true,
                mentions: input.mentions.to_vec(),
            };
            let Some(t) = input.tokens.iter().position(|t| t.form == "attacked") else {
                return coded;
            };
            let Some(actor) = input.mentions.first() else {
                return coded;
            };
            let token = &input.tokens[t];
            coded.events.push(CodedEvent {
                source: vec![actor.clone()],
                target: Vec::new(),
                cameo: "190".into(),
                trigger: (token.start, token.end),
                predicate: Some(TokenIdx::new(t)),
                provenance: Provenance::PlainVerb {
                    lemma: "attack".into(),
                },
                negated: false,
                modality: Modality::Asserted,
                confidence: 0.5,
                quote: None,
                date: None,
                location: None,
            });
            coded
        }
        fn syntax_need(&self) -> dyad_code::SyntaxNeed {
            dyad_code::SyntaxNeed::Parse
        }
    }
    let dicts = dyad_dict::Dictionaries::embedded();
    let pipeline = Pipeline::with_coder(dicts, Box::new(Attacks)).expect("models load");
    let events = pipeline
        .code_document(&doc(
            "Armenian troops attacked the town of Stepanakert on Monday, Azerbaijani officials said.",
        ))
        .events;
    let e = first(&events, "ASSAULT");
    assert_eq!(e.date.as_deref(), Some("2023-09-18"), "{e:?}");
    assert!(e.location.is_some(), "{e:?}");
    assert!(e.quote.is_some(), "{e:?}");
}

/// "Sanction" is a verb of current news: sanctioning someone imposes sanctions on them.
#[test]
fn sanctioning_someone_is_a_sanction() {
    let events = code("The U.S. Treasury sanctioned two Iranian shipping firms on Monday.");
    let s = first(&events, "SANCTION");
    assert_eq!(
        (codes(&s.source), codes(&s.target)),
        (vec!["USAGOV"], vec!["IRN"])
    );
}
