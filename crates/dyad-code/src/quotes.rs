//! Quotations: who said the words an event is read from.
//!
//! Two kinds, both common in wire copy:
//!
//! - **Direct quotes** between quotation marks, possibly over several sentences. A document
//!   pass ([`find_quotes`]) marks the quoted words of every sentence and finds the quote's
//!   attribution: a speech verb and the actor next to it, after the closing mark (`"...," the
//!   minister said`) or before the opening one (`The minister said: "..."`).
//! - **Reported speech** read off the parse ([`reported_by`]): the event's predicate is the
//!   complement of a speech verb ("Russia said Ukraine attacked ..."), or has one as a
//!   parenthetical ("..., officials said"), or an "according to X" phrase.
//!
//! An event inside someone else's words is marked `reported`, with the speaker and the cue;
//! a speaker reporting its own act ("Japan said it will send aid") keeps the event's modality,
//! since saying so is the act.

use crate::mentions::{Mention, MentionIdx};
use crate::tree::DepTree;
use crate::{CodedEvent, Modality};
use dyad_dict::words::{Word, WordIdx};
use dyad_model::{ActorRef, CharIndex, Quote, TokenIdx};
use dyad_syntax::Deprel;

/// Verb forms that introduce or attribute speech.
const SPEECH_FORMS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "stated",
    "states",
    "wrote",
    "writes",
    "declared",
    "noted",
    "stressed",
    "insisted",
    "explained",
    "claimed",
    "claims",
    "reported",
    "reports",
    "asserted",
    "argued",
    "remarked",
    "commented",
    "posted",
    "tweeted",
    "quoted",
];

/// Lemmas of speech verbs in the parse.
const SPEECH_LEMMAS: &[&str] = &[
    "say", "tell", "add", "state", "write", "declare", "note", "stress", "insist", "explain",
    "claim", "report", "assert", "argue", "remark", "comment", "post", "tweet", "quote", "allege",
    "confirm", "announce", "conclude", "insist", "demand",
];

/// Who said a quote, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub speaker: Option<ActorRef>,
    /// The sentence the speaker is named in (spans in `speaker` are offsets into it).
    pub sentence: usize,
    /// The speech verb and its adjuncts ("said on his Facebook", "told reporters").
    pub cue: Option<String>,
}

/// The quoted words of one sentence and who said them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceQuotes {
    /// One flag per word: inside quotation marks.
    pub quoted: Vec<bool>,
    pub attribution: Option<Attribution>,
}

/// A sentence as the document pass sees it.
pub struct QuoteInput<'a> {
    pub text: &'a str,
    pub words: &'a [Word],
    pub mentions: &'a [Mention],
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    Toggle,
}

fn mark(w: &Word) -> Option<Mark> {
    match w.norm.as_str() {
        "\u{201c}" | "``" => Some(Mark::Open),
        "\u{201d}" | "''" => Some(Mark::Close),
        "\"" => Some(Mark::Toggle),
        _ => None,
    }
}

/// The actor of a mention as a contract `ActorRef` (capitals as governments).
pub fn mention_ref(m: &Mention, words: &[Word], text: &str, idx: &CharIndex) -> ActorRef {
    crate::records::actor_ref(&m.as_actor(), words, text, idx)
}

/// The attribution in words `from..to` of a sentence: a speech verb form and the nearest
/// actor mention on either side of it within that stretch.
fn attribution_in(
    s: &QuoteInput<'_>,
    index: usize,
    from: WordIdx,
    to: WordIdx,
) -> Option<Attribution> {
    let (verb, verb_word) = WordIdx::enumerate(s.words)
        .take(to.get())
        .skip(from.get())
        .find(|(_, w)| SPEECH_FORMS.contains(&w.norm.as_str()))?;
    let inside = |m: &&Mention| m.start >= from && m.end <= to;
    let before = s
        .mentions
        .iter()
        .rev()
        .filter(inside)
        .find(|m| m.end <= verb);
    let after = s.mentions.iter().filter(inside).find(|m| m.start > verb);
    let speaker = before.or(after);
    let mut cue = vec![s.text.get(verb_word.start..verb_word.end).unwrap_or("")];
    for (i, w) in WordIdx::enumerate(s.words)
        .take(to.get())
        .skip(verb.get() + 1)
        .take(4)
    {
        let in_speaker = speaker.is_some_and(|m| m.start <= i && i < m.end);
        if in_speaker
            || !w.norm.chars().any(char::is_alphanumeric)
            || matches!(w.norm.as_str(), "that" | "and" | "but")
        {
            break;
        }
        cue.push(s.text.get(w.start..w.end).unwrap_or(""));
    }
    let idx = CharIndex::new(s.text);
    Some(Attribution {
        speaker: speaker.map(|m| mention_ref(m, s.words, s.text, &idx)),
        sentence: index,
        cue: Some(cue.join(" ")),
    })
}

/// Marks quoted words in every sentence of a document and attributes each quote.
pub fn find_quotes(sentences: &[Option<QuoteInput<'_>>]) -> Vec<SentenceQuotes> {
    let mut out: Vec<SentenceQuotes> = sentences
        .iter()
        .map(|s| SentenceQuotes {
            quoted: vec![false; s.as_ref().map_or(0, |s| s.words.len())],
            attribution: None,
        })
        .collect();
    // (sentence, word) of the opening mark of the quote being read
    let mut open: Option<(usize, WordIdx)> = None;
    let mut spans: Vec<((usize, WordIdx), (usize, WordIdx))> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let Some(s) = s else { continue };
        for (wi, w) in WordIdx::enumerate(s.words) {
            match (mark(w), open) {
                (Some(Mark::Open | Mark::Toggle), None) => open = Some((si, wi)),
                (Some(Mark::Close | Mark::Toggle), Some(start)) => {
                    spans.push((start, (si, wi)));
                    open = None;
                }
                _ => {
                    if open.is_some() {
                        if let Some(q) = out.get_mut(si).and_then(|o| wi.at_mut(&mut o.quoted)) {
                            *q = true;
                        }
                    }
                }
            }
        }
    }
    for ((s0, w0), (s1, w1)) in spans {
        let after = sentences.get(s1).and_then(Option::as_ref).and_then(|s| {
            if (w1 + 1).get() < s.words.len() {
                attribution_in(s, s1, w1 + 1, WordIdx::new(s.words.len()))
            } else {
                // `How come?" State Secretary X said ...`: the splitter ends the sentence at
                // the closing mark, and the attribution opens the next one
                let next = sentences.get(s1 + 1)?.as_ref()?;
                let opens_quote = next.words.iter().any(|w| mark(w).is_some());
                (!opens_quote)
                    .then(|| {
                        let all = WordIdx::new(next.words.len());
                        attribution_in(next, s1 + 1, WordIdx::new(0), all)
                    })
                    .flatten()
            }
        });
        let before = || {
            sentences
                .get(s0)
                .and_then(Option::as_ref)
                .and_then(|s| attribution_in(s, s0, WordIdx::new(0), w0))
        };
        let Some(attr) = after.or_else(before) else {
            continue;
        };
        for q in out.iter_mut().take(s1 + 1).skip(s0) {
            q.attribution.get_or_insert_with(|| attr.clone());
        }
    }
    out
}

/// The speech verb whose words the predicate `v` reports, if any: `v` is (inside) its
/// complement, or has it as a parenthetical ("..., officials said").
pub(crate) fn speech_verb(tree: &DepTree<'_>, v: TokenIdx) -> Option<TokenIdx> {
    if let Some(p) = tree
        .kids(v, Deprel::Parataxis)
        .find(|&p| SPEECH_LEMMAS.contains(&tree.lemma(p)))
    {
        return Some(p);
    }
    let mut t = v;
    for _ in 0..4 {
        let h = tree.head(t)?;
        match tree.rel(t) {
            Deprel::Ccomp | Deprel::Parataxis if SPEECH_LEMMAS.contains(&tree.lemma(h)) => {
                return Some(h)
            }
            Deprel::Ccomp | Deprel::Xcomp | Deprel::Conj | Deprel::Advcl => t = h,
            _ => return None,
        }
    }
    None
}

/// Is token `t` inside the subject of a speech verb other than `v` ("..., a spokeswoman for
/// the U.S. embassy said")? The one who reports an act is not its recipient.
pub(crate) fn in_reporter(tree: &DepTree<'_>, t: TokenIdx, v: TokenIdx) -> bool {
    let mut x = t;
    for _ in 0..6 {
        let Some(h) = tree.head(x) else { return false };
        if tree.rel(x) == Deprel::Nsubj {
            return h != v && SPEECH_LEMMAS.contains(&tree.lemma(h));
        }
        if !matches!(
            tree.rel(x),
            Deprel::Nmod
                | Deprel::Compound
                | Deprel::Flat
                | Deprel::Appos
                | Deprel::Amod
                | Deprel::Det
        ) {
            return false;
        }
        x = h;
    }
    false
}

/// The reported speech an event is in: speaker mention and cue ("said", "according to").
pub fn reported_by(
    tree: &DepTree<'_>,
    v: TokenIdx,
    tokens: &[dyad_model::Token],
) -> Option<(Option<MentionIdx>, String)> {
    if let Some(s) = speech_verb(tree, v) {
        let cue = s.at(tokens).map_or(String::new(), |t| t.form.clone());
        return Some((tree.actor(s), cue));
    }
    // "according to X"
    let source = tree
        .kids(v, Deprel::Obl)
        .find(|&o| tree.case_of(o) == Some("according"))?;
    Some((tree.filler(source), "according to".to_string()))
}

/// Attributes the events of a sentence (those whose predicate the coder knows) to the quote or reported
/// speech they are in, and marks those in someone else's words `reported`.
pub fn attribute(
    events: &mut [CodedEvent],
    tree: Option<&DepTree<'_>>,
    input: &crate::SentenceInput<'_>,
    mentions: &[Mention],
) {
    let quotes = input.context.quotes.get(input.index);
    let idx = CharIndex::new(&input.sentence.text);
    for ev in events.iter_mut() {
        let Some(v) = ev.predicate else { continue };
        let word = input
            .words
            .iter()
            .position(|w| w.token == v)
            .map(WordIdx::new);
        let quoted = quotes
            .zip(word)
            .is_some_and(|(q, w)| w.at(&q.quoted).copied().unwrap_or(false));
        let quote = if quoted {
            quotes.and_then(|q| q.attribution.as_ref()).map(|a| Quote {
                speaker: a.speaker.clone(),
                cue: a.cue.clone(),
                speaker_sentence: (a.sentence != input.index).then_some(a.sentence),
            })
        } else {
            tree.and_then(|t| reported_by(t, v, input.tokens))
                .or_else(|| word.and_then(|w| trailing_attribution(input.words, mentions, w)))
                .map(|(speaker, cue)| Quote {
                    speaker: speaker
                        .and_then(|m| m.at(mentions))
                        .map(|m| mention_ref(m, input.words, &input.sentence.text, &idx)),
                    cue: Some(cue),
                    speaker_sentence: None,
                })
        };
        if let Some(q) = quote {
            settle_reported(ev, q.speaker.as_ref().map(|s| s.code.as_str()));
            ev.quote = Some(q);
        }
    }
}

/// The attribution at the end of a sentence that reports the words before it: `..., Ukrainian
/// officials said.`, `..., said the ministry.`, `..., according to the health ministry.`
/// (read off the words: parsers often take "X said" for the main clause). `word` is the
/// event's trigger word, which must come before the attribution.
fn trailing_attribution(
    words: &[Word],
    mentions: &[Mention],
    word: WordIdx,
) -> Option<(Option<MentionIdx>, String)> {
    let comma = WordIdx::new(words.iter().rposition(|w| w.norm == ",")?);
    if comma <= word {
        return None;
    }
    // the words after the comma, up to the next punctuation mark
    let tail = WordIdx::slice(words, comma + 1..WordIdx::new(words.len()))?
        .split(|w| matches!(w.norm.as_str(), "." | "!" | "?" | ";" | ","))
        .next()
        .unwrap_or_default();
    let speaker_in = |from: usize, to: usize| {
        mentions
            .iter()
            .position(|m| m.start >= comma + 1 + from && m.end <= comma + 1 + to)
            .map(MentionIdx::new)
    };
    if matches!(tail, [a, b, ..] if a.norm == "according" && b.norm == "to") {
        return Some((speaker_in(2, tail.len()), "according to".to_string()));
    }
    let (verb, verb_word) = tail
        .iter()
        .enumerate()
        .find(|(_, w)| SPEECH_FORMS.contains(&w.norm.as_str()))?;
    // the speech verb ends the clause, or only its adjuncts follow ("said on Monday")
    if verb > 6 {
        return None;
    }
    let speaker = speaker_in(0, verb).or_else(|| speaker_in(verb + 1, tail.len()));
    Some((speaker, verb_word.norm.clone()))
}

/// Marks an event as reported when the speaker is not among the event's own sources.
pub fn settle_reported(ev: &mut CodedEvent, speaker_code: Option<&str>) {
    let own = speaker_code.is_some_and(|sc| {
        ev.source
            .iter()
            .any(|m| m.code.get(..3) == sc.get(..3) && !m.code.is_empty())
    });
    if !own && matches!(ev.modality, Modality::Asserted) {
        ev.modality = Modality::Reported;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_dict::words::words;
    use dyad_text::{SentenceSplitter, Tokenizer};

    #[test]
    fn quote_over_three_sentences_is_attributed_after_it_closes() {
        let text = "\"Brussels and America are calling for a ceasefire. Only Hungary calls for peace. How come?\" Hungarian State Secretary Tamas Menczer said on his Facebook.";
        let dicts = dyad_dict::Dictionaries::embedded();
        let finder = crate::MentionFinder::new(dicts);
        let sentences = SentenceSplitter::new().split(text);
        let tok = Tokenizer::new();
        let prepared: Vec<(String, Vec<Word>, Vec<Mention>)> = sentences
            .iter()
            .map(|s| {
                let tokens = tok.tokenize(&s.text);
                let w = words(
                    tokens
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (TokenIdx::new(i), t.form.as_str(), t.start)),
                );
                let m = finder.find(&w, None);
                (s.text.clone(), w, m)
            })
            .collect();
        let inputs: Vec<Option<QuoteInput<'_>>> = prepared
            .iter()
            .map(|(t, w, m)| {
                Some(QuoteInput {
                    text: t,
                    words: w,
                    mentions: m,
                })
            })
            .collect();
        let q = find_quotes(&inputs);
        assert_eq!(q.len(), 4, "{sentences:?}");
        assert!(q[0].quoted.iter().skip(1).all(|&x| x), "{:?}", q[0].quoted);
        let a = q[0].attribution.as_ref().map(|a| {
            (
                a.speaker.as_ref().map(|s| s.code.clone()),
                a.cue.clone(),
                a.sentence,
            )
        });
        assert_eq!(
            a,
            Some((
                Some("HUNGOV".to_string()),
                Some("said on his Facebook".to_string()),
                3
            ))
        );
        assert_eq!(q[1].attribution, q[0].attribution);
    }
}
