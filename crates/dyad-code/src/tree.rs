//! Roles from the dependency tree: who is the actor and who the recipient of a predicate.
//!
//! The actor of a predicate is its subject (`nsubj`), or the `obl:agent` of a passive; a
//! predicate without a subject of its own inherits one through the tree: object control
//! ("urged Armenia to withdraw": the object of the governing verb), subject control ("agreed to
//! provide"), shared subjects of conjoined verbs ("attacked and seized"), the noun a relative
//! clause or participle modifies ("troops who crossed", "militants backed by Iran"). The
//! recipient is the object, the indirect object, or an oblique (`obl`) argument. A role filler
//! is an actor [`Mention`] found at the argument or inside its noun phrase ("a spokesman for the
//! Russian government"), not across a clause boundary. Pronouns resolve to the subject of the
//! governing clause ("Syria says it is willing") or the nearest actor before them.

use crate::mentions::{Mention, MentionIdx};
use crate::syntax::SyntaxToken;
use dyad_dict::words::{Word, WordIdx};
use dyad_model::TokenIdx;
use dyad_syntax::{Deprel, Upos, Xpos};

/// Puts mention `k`'s whole group into mention `j`'s.
fn merge_groups(mentions: &mut [Mention], k: MentionIdx, j: MentionIdx) {
    let (Some(from), Some(to)) = (
        k.at(mentions).map(|m| m.group),
        j.at(mentions).map(|m| m.group),
    ) else {
        return;
    };
    if from != to {
        for m in mentions.iter_mut().filter(|m| m.group == from) {
            m.group = to;
        }
    }
}

/// A read-only view of one sentence's parse, with 0-based token indices.
/// Words whose infinitive complement is an intention ("willing to", "plans to").
const INTENT_HEADS: &[&str] = &[
    "willing",
    "ready",
    "prepared",
    "prepare",
    "plan",
    "intend",
    "vow",
    "pledge",
    "promise",
    "determined",
    "resolve",
    "aim",
];

pub struct DepTree<'a> {
    toks: &'a [SyntaxToken],
    children: Vec<Vec<TokenIdx>>,
    /// The mention (index into the sentence's mentions) that covers each token.
    mention_at: Vec<Option<MentionIdx>>,
    /// Per mention: a bare agent, with neither country nor organisation ("the command").
    countryless: Vec<bool>,
    /// Per mention: a named person ("it" never stands for one).
    personal: Vec<bool>,
}

/// Relations whose dependent starts another clause: a role filler is not looked for below them.
const CLAUSAL: &[Deprel] = &[
    Deprel::Acl,
    Deprel::Advcl,
    Deprel::Ccomp,
    Deprel::Xcomp,
    Deprel::Csubj,
    Deprel::Parataxis,
    Deprel::Conj,
    Deprel::List,
    Deprel::Dep,
    Deprel::Vocative,
];

/// Pronouns that stand for an actor mentioned elsewhere.
const ANAPHORS: &[&str] = &[
    "it", "they", "he", "she", "we", "its", "their", "his", "her",
];

/// Relative pronouns: the subject of a relative clause is the noun it modifies.
const RELATIVES: &[&str] = &["who", "which", "that", "whom", "whose"];

/// Verbs whose object is the one who is to do their infinitive ("ordered X to", "urged X to").
pub const OBJECT_CONTROL: &[&str] = &[
    "order",
    "command",
    "instruct",
    "direct",
    "urge",
    "ask",
    "tell",
    "force",
    "compel",
    "call",
    "invite",
    "encourage",
    "press",
    "pressure",
];

/// Prepositions of time: their phrases say when an act happened, never to whom.
const TEMPORAL_CASES: &[&str] = &[
    "after",
    "before",
    "during",
    "following",
    "since",
    "until",
    "amid",
    "ahead",
];

impl<'a> DepTree<'a> {
    /// `None` when the sentence was not parsed (every head 0 and no root relation).
    pub fn new(toks: &'a [SyntaxToken], words: &[Word], mentions: &[Mention]) -> Option<Self> {
        if !toks.iter().any(|t| t.deprel == Deprel::Root) {
            return None;
        }
        let mut children = vec![Vec::new(); toks.len()];
        for (i, t) in toks.iter().enumerate() {
            // heads are 1-based, 0 the root; a head past the sentence has no children list
            if let Some(c) = t.head.checked_sub(1).and_then(|h| children.get_mut(h)) {
                c.push(TokenIdx::new(i));
            }
        }
        let mut mention_at = vec![None; toks.len()];
        for (k, m) in MentionIdx::enumerate(mentions) {
            let (Some(first), Some(last)) = (m.start.at(words), m.end.wrapping_sub(1).at(words))
            else {
                continue;
            };
            // an agent word the parse reads as an adjective ("all official contact") is no actor
            let adjective = m.country.is_none()
                && first.token == last.token
                && first
                    .token
                    .at(toks)
                    .is_some_and(|t| t.deprel == Deprel::Amod);
            if adjective {
                continue;
            }
            for slot in mention_at
                .iter_mut()
                .take(last.token.get() + 1)
                .skip(first.token.get())
            {
                slot.get_or_insert(k);
            }
        }
        let countryless = mentions
            .iter()
            .map(|m| {
                m.country.is_none() && !m.code.starts_with("IGO") && !m.code.starts_with("NGO")
            })
            .collect();
        let personal = mentions.iter().map(|m| m.person.is_some()).collect();
        Some(DepTree {
            toks,
            children,
            mention_at,
            countryless,
            personal,
        })
    }

    /// The head token of a mention: its token attached outside the mention.
    pub fn mention_head(&self, words: &[Word], m: &Mention) -> Option<TokenIdx> {
        let first = m.start.at(words)?.token;
        let last = m.end.checked_sub(1)?.at(words)?.token;
        TokenIdx::range(first, last.next())
            .find(|&t| self.head(t).is_none_or(|x| x < first || x > last))
    }

    /// Joins mentions conjoined in the tree into one compound side ("Brussels, America and the
    /// international community"), in addition to the groups word order gave.
    pub fn regroup(&self, words: &[Word], mentions: &mut [Mention]) {
        for k in MentionIdx::indices(mentions) {
            let Some(h) = k.at(mentions).and_then(|m| self.mention_head(words, m)) else {
                continue;
            };
            if self.rel(h) != Deprel::Conj
                || self.kids(h, Deprel::Cc).any(|c| self.lemma(c) == "but")
            {
                continue;
            }
            let Some(j) = self.head(h).and_then(|x| self.mention_at(x)) else {
                continue;
            };
            merge_groups(mentions, k, j);
        }
        // two subjects of one predicate are a coordination the parser split ("Brussels,
        // America and ... are calling")
        for v in TokenIdx::indices(self.toks) {
            let subjects: Vec<MentionIdx> = self
                .kids(v, Deprel::Nsubj)
                .filter_map(|s| self.mention_at(s))
                .collect();
            for (&s0, &s1) in subjects.iter().zip(subjects.iter().skip(1)) {
                let (Some(a), Some(b)) = (s0.at(mentions), s1.at(mentions)) else {
                    continue;
                };
                let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
                let gap = WordIdx::slice(words, first.end..second.start).unwrap_or(&[]);
                let adjacent = gap.iter().all(|w| matches!(w.norm.as_str(), "," | "and"));
                // "X, Y and Z": a list, not a subject next to a misattached one ("detained
                // journalists, Athens said")
                let list = gap.iter().any(|w| w.norm == "and")
                    || mentions.iter().filter(|m| m.group == second.group).count() > 1;
                let listed = adjacent && list;
                if listed {
                    merge_groups(mentions, s1, s0);
                }
            }
        }
    }

    /// Gives a bare agent with a possessive pronoun the country of the pronoun's actor ("Tunisia
    /// said its coast guard ..." -> TUNMIL). Returns whether any mention changed.
    pub fn compose_possessives(&self, words: &[Word], mentions: &mut [Mention]) -> bool {
        let mut changed = false;
        for k in MentionIdx::indices(mentions) {
            let Some(m) = k.at(mentions) else {
                continue;
            };
            if m.country.is_some() || m.code.len() != 3 || m.code.starts_with("IGO") {
                continue;
            }
            let Some(h) = self.mention_head(words, m) else {
                continue;
            };
            let owner = self
                .kids(h, Deprel::NmodPoss)
                .find(|&p| self.upos(p) == Some(Upos::PRON) && ANAPHORS.contains(&self.lemma(p)))
                .and_then(|p| self.antecedent(p))
                .filter(|&a| a != k)
                .and_then(|a| a.at(mentions))
                .and_then(|a| a.country.clone());
            if let (Some(country), Some(m)) = (owner, k.at_mut(mentions)) {
                m.sector = Some(m.code.clone());
                m.rule = format!("{}+poss({country})", m.rule);
                m.code = format!("{country}{}", m.code);
                m.country = Some(country);
                changed = true;
            }
        }
        changed
    }

    pub fn head(&self, i: TokenIdx) -> Option<TokenIdx> {
        let h = i.at(self.toks)?.head;
        (h > 0).then(|| TokenIdx::new(h - 1))
    }

    /// The relation of token `i` to its head ([`Deprel::Unspecified`] past the sentence).
    pub fn rel(&self, i: TokenIdx) -> Deprel {
        i.at(self.toks).map_or(Deprel::Unspecified, |t| t.deprel)
    }

    /// The universal relation of token `i` to its head (`obl` for `obl:agent`).
    fn base_rel(&self, i: TokenIdx) -> Deprel {
        self.rel(i).base()
    }

    pub fn lemma(&self, i: TokenIdx) -> &str {
        i.at(self.toks).map_or("", |t| t.lemma.as_str())
    }

    /// Children of `i` with relation `rel` (exactly, or as a base relation when `rel` has no
    /// subtype and the child's has one: `Obl` matches `obl:tmod`; see [`Deprel::is_a`]).
    pub fn kids(&self, i: TokenIdx, rel: Deprel) -> impl Iterator<Item = TokenIdx> + '_ {
        i.at(&self.children)
            .into_iter()
            .flatten()
            .copied()
            .filter(move |&c| self.rel(c).is_a(rel))
    }

    fn kid(&self, i: TokenIdx, rel: Deprel) -> Option<TokenIdx> {
        self.kids(i, rel).next()
    }

    /// The preposition or case marker of a nominal ("on" in "called on Armenia").
    pub fn case_of(&self, i: TokenIdx) -> Option<&str> {
        self.kids(i, Deprel::Case).next().map(|c| self.lemma(c))
    }

    /// A passive predicate: it has a passive subject or a passive auxiliary.
    pub fn is_passive(&self, v: TokenIdx) -> bool {
        self.kid(v, Deprel::NsubjPass).is_some() || self.kid(v, Deprel::AuxPass).is_some()
    }

    /// The actor mention at or inside the noun phrase headed by token `i`.
    pub fn mention_in(&self, i: TokenIdx) -> Option<MentionIdx> {
        if let Some(m) = i.at(&self.mention_at).copied().flatten() {
            return Some(m);
        }
        self.mention_below(i, |_| true)
    }

    /// The nearest mention strictly below token `i` (breadth-first, inside the noun phrase)
    /// that `accept`s.
    fn mention_below(
        &self,
        i: TokenIdx,
        accept: impl Fn(MentionIdx) -> bool,
    ) -> Option<MentionIdx> {
        // (token, prepositional modifiers passed): "restrictions on the use of the Russian
        // language" is about no actor; one phrase down ("sanctions on Russian banks") is
        let mut frontier = vec![(i, 0)];
        for _ in 0..4 {
            let mut next = Vec::new();
            for &(n, pps) in &frontier {
                for &c in n.at(&self.children).into_iter().flatten() {
                    if CLAUSAL.contains(&self.base_rel(c)) {
                        continue;
                    }
                    let pps = pps
                        + usize::from(
                            self.base_rel(c) == Deprel::Nmod && self.case_of(c).is_some(),
                        );
                    if pps > 1 {
                        continue;
                    }
                    if let Some(m) = c
                        .at(&self.mention_at)
                        .copied()
                        .flatten()
                        .filter(|&m| accept(m))
                    {
                        return Some(m);
                    }
                    next.push((c, pps));
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next;
        }
        None
    }

    /// The UPOS tag of token `i` (`None` past the sentence).
    pub fn upos(&self, i: TokenIdx) -> Option<Upos> {
        i.at(self.toks).map(|t| t.upos)
    }

    /// The XPOS tag of token `i` (`None` past the sentence).
    pub fn xpos(&self, i: TokenIdx) -> Option<Xpos> {
        i.at(self.toks).map(|t| t.xpos)
    }

    pub fn children(&self, i: TokenIdx) -> &[TokenIdx] {
        i.at(&self.children).map_or(&[], Vec::as_slice)
    }

    /// The mention that covers token `i` itself.
    pub fn mention_at(&self, i: TokenIdx) -> Option<MentionIdx> {
        i.at(&self.mention_at).copied().flatten()
    }

    /// The mention a role-filling token stands for, resolving pronouns.
    pub fn filler(&self, i: TokenIdx) -> Option<MentionIdx> {
        let lemma = self.lemma(i);
        if self.upos(i) == Some(Upos::PRON) && ANAPHORS.contains(&lemma) {
            return self.antecedent(i);
        }
        // "his country", "its jets": the actor the possessive pronoun stands for
        let possessor = || {
            self.kids(i, Deprel::NmodPoss)
                .find(|&p| self.upos(p) == Some(Upos::PRON) && ANAPHORS.contains(&self.lemma(p)))
                .and_then(|p| self.antecedent(p))
        };
        // "a camp for Congolese refugees", "the homes of civilians": whose it is
        let owner = || {
            self.kids(i, Deprel::Nmod)
                .filter(|&n| matches!(self.case_of(n), Some("for" | "of")))
                .find_map(|n| self.mention_in(n))
        };
        let found = match self.mention_in(i) {
            Some(found) => found,
            None => match possessor() {
                Some(p) => return Some(p),
                None => owner()?,
            },
        };
        // a bare agent ("the command", "a spokesman") whose noun phrase names a country-coded
        // actor ("... for the Russian peacekeeping contingent") is that actor
        if found.at(&self.countryless).copied().unwrap_or(false) {
            let head = TokenIdx::indices(self.toks)
                .find(|&t| {
                    self.mention_at(t) == Some(found)
                        && self
                            .head(t)
                            .is_none_or(|h| self.mention_at(h) != Some(found))
                })
                .unwrap_or(i);
            if let Some(inner) = self.mention_below(head, |m| {
                !m.at(&self.countryless).copied().unwrap_or(true) && m != found
            }) {
                return Some(inner);
            }
        }
        Some(found)
    }

    /// A pronoun's antecedent: the actor of the clause that governs the pronoun's clause ("Syria
    /// says it ..."), else the nearest actor mention before it.
    fn antecedent(&self, pron: TokenIdx) -> Option<MentionIdx> {
        // "Chirac reminded Iraq that it must cooperate": "it" is no person
        let neuter = matches!(self.lemma(pron), "it" | "its");
        let fits = |m: &MentionIdx| !(neuter && m.at(&self.personal).copied().unwrap_or(false));
        let mut clause = self.head(pron)?;
        for _ in 0..4 {
            let Some(up) = self.head(clause) else { break };
            if matches!(
                self.base_rel(clause),
                Deprel::Ccomp | Deprel::Advcl | Deprel::Xcomp | Deprel::Conj
            ) {
                if let Some(s) = self.kid(up, Deprel::Nsubj).filter(|&s| s != pron) {
                    if let Some(m) = self.mention_in(s).filter(fits) {
                        return Some(m);
                    }
                }
            }
            clause = up;
        }
        TokenIdx::range(TokenIdx::new(0), pron)
            .rev()
            .find_map(|t| t.at(&self.mention_at).copied().flatten().filter(fits))
    }

    /// The subject of predicate `v`, its own or inherited (see the module docs).
    pub fn subject(&self, v: TokenIdx) -> Option<MentionIdx> {
        self.subject_depth(v, 0)
    }

    fn subject_depth(&self, v: TokenIdx, depth: usize) -> Option<MentionIdx> {
        if depth > 4 {
            return None;
        }
        let own = self
            .kid(v, Deprel::Nsubj)
            .or_else(|| self.kid(v, Deprel::NsubjPass))
            .or_else(|| self.kid(v, Deprel::NsubjOuter));
        if let Some(s) = own {
            if RELATIVES.contains(&self.lemma(s)) && self.base_rel(v) == Deprel::Acl {
                return self.head(v).and_then(|h| self.filler(h));
            }
            return self.filler(s);
        }
        let head = self.head(v)?;
        match self.rel(v) {
            // object control: "urged Armenia to withdraw", else subject control
            Deprel::Xcomp => self
                .kid(head, Deprel::Obj)
                .or_else(|| self.kid(head, Deprel::Iobj))
                .and_then(|o| self.filler(o))
                .or_else(|| self.subject_depth(head, depth + 1)),
            // a verb conjoined to a noun is a misparse of "the government today welcomed"
            Deprel::Conj
                if head
                    .at(self.toks)
                    .is_some_and(|t| matches!(t.upos, Upos::NOUN | Upos::PROPN)) =>
            {
                self.filler(head)
            }
            // "said that civilians were evacuated and urged the parties": an active verb
            // conjoined to a passive one shares the subject of the clause above them
            Deprel::Conj
                if self.is_passive(head)
                    && !self.is_passive(v)
                    && self.kid(v, Deprel::Obj).is_some() =>
            {
                self.head(head)
                    .and_then(|up| self.subject_depth(up, depth + 1))
            }
            Deprel::Conj => self.subject_depth(head, depth + 1),
            // "said there were no forces, calling it aggression": a participle attached to a
            // subjectless reported clause belongs to the speaker
            Deprel::Advcl => self.subject_depth(head, depth + 1).or_else(|| {
                (self.rel(head) == Deprel::Ccomp && self.kid(head, Deprel::Expl).is_some())
                    .then(|| self.head(head))
                    .flatten()
                    .and_then(|up| self.subject_depth(up, depth + 2))
            }),
            // "troops who crossed", "militants backed by Iran" (for a passive participle the
            // noun is the recipient, handled by the caller through `is_passive_participle`)
            Deprel::Acl | Deprel::AclRelcl => self.filler(head),
            _ => None,
        }
    }

    /// Does predicate `v` have a subject (or passive agent) token of its own, whether or not it
    /// names an actor ("everyone should call for peace")?
    pub fn has_own_subject(&self, v: TokenIdx) -> bool {
        if self.is_passive(v) {
            return self.agent_token(v).is_some();
        }
        self.kid(v, Deprel::Nsubj).is_some() || self.kid(v, Deprel::Csubj).is_some()
    }

    fn agent_token(&self, v: TokenIdx) -> Option<TokenIdx> {
        self.kids(v, Deprel::Obl)
            .find(|&o| self.rel(o) == Deprel::OblAgent || self.case_of(o) == Some("by"))
    }

    /// Does `v` report speech with a clausal complement ("adding that everyone should ...")?
    pub fn reports_speech(&self, v: TokenIdx) -> bool {
        self.kid(v, Deprel::Ccomp).is_some()
    }

    /// A participle modifying a noun with a passive reading ("militants backed by Iran").
    ///
    /// A "participle" hanging from a sentence whose root is a noun ("Thousands of Nigerians
    /// rallied ...") is the main verb the parser missed, active unless it has a "by" agent.
    pub fn is_passive_participle(&self, v: TokenIdx) -> bool {
        let nominal_root = |h: TokenIdx| {
            matches!(self.upos(h), Some(Upos::NOUN | Upos::PROPN))
                && (self.rel(h) == Deprel::Root
                    || (self.rel(h) == Deprel::Conj
                        && self.head(h).is_some_and(|r| self.rel(r) == Deprel::Root)))
        };
        let misparsed_main =
            self.head(v).is_some_and(nominal_root) && self.agent_token(v).is_none();
        self.rel(v) == Deprel::Acl && self.xpos(v) == Some(Xpos::VBN) && !misparsed_main
    }

    /// The actor of predicate `v`: the passive's agent, else the subject.
    pub fn actor(&self, v: TokenIdx) -> Option<MentionIdx> {
        if self.is_passive(v) || self.is_passive_participle(v) {
            return self.agent(v);
        }
        self.subject(v)
    }

    /// The `by` phrase of a passive.
    fn agent(&self, v: TokenIdx) -> Option<MentionIdx> {
        self.agent_token(v).and_then(|o| self.filler(o))
    }

    /// The recipient of predicate `v`: a passive's subject (or the noun a passive participle
    /// modifies), else an oblique with the preposition `prefer` ("against"), else the object,
    /// indirect object, or the first oblique argument with an actor.
    pub fn recipient(&self, v: TokenIdx, prefer: Option<&str>) -> Option<MentionIdx> {
        if self.is_passive_participle(v) {
            return self.head(v).and_then(|h| self.filler(h));
        }
        if self.is_passive(v) {
            return self
                .kid(v, Deprel::NsubjPass)
                .and_then(|s| self.filler(s))
                .or_else(|| self.subject(v));
        }
        let obliques: Vec<TokenIdx> = self
            .kids(v, Deprel::Obl)
            .filter(|&o| self.rel(o) != Deprel::OblTmod && self.case_of(o) != Some("by"))
            // "after violent protests by Muslim groups": when, not to whom
            .filter(|&o| !self.is_time_phrase(o))
            .collect();
        if let Some(p) = prefer {
            if let Some(m) = obliques
                .iter()
                .filter(|&&o| self.case_of(o) == Some(p))
                .find_map(|&o| self.filler(o))
            {
                return Some(m);
            }
        }
        // indirect object, object, obliques in that order; an actor with a country wins over a
        // bare agent ("offered its troops to Lebanon's president": the troops are the gift)
        let candidates: Vec<MentionIdx> = self
            .kids(v, Deprel::Iobj)
            .chain(self.kids(v, Deprel::Obj))
            .chain(obliques)
            .filter_map(|o| self.filler(o))
            .collect();
        if candidates.is_empty() {
            // "will boycott Algeria's elections": whose the object is
            return self
                .kids(v, Deprel::Obj)
                .flat_map(|o| self.kids(o, Deprel::NmodPoss))
                .find_map(|p| self.filler(p));
        }
        candidates
            .iter()
            .find(|&&m| !m.at(&self.countryless).copied().unwrap_or(true))
            .or(candidates.first())
            .copied()
    }

    /// The clause predicate `v` takes as its complement ("said it will boycott ...").
    pub fn complement(&self, v: TokenIdx) -> Option<TokenIdx> {
        self.kids(v, Deprel::Ccomp)
            .chain(self.kids(v, Deprel::Xcomp))
            .chain(
                self.kids(v, Deprel::Advcl)
                    .filter(|&c| self.governor(c) == Some(v)),
            )
            .next()
    }

    /// A recipient other than the actor's own people: "Syria offered its troops to Lebanon's
    /// president" gives to Lebanon (the troops, Syria's own, are what is given).
    pub fn recipient_other_than(
        &self,
        v: TokenIdx,
        own: &dyn Fn(MentionIdx) -> bool,
    ) -> Option<MentionIdx> {
        let first = self.recipient(v, Some("against"))?;
        if !own(first) {
            return Some(first);
        }
        self.place_other_than(v, own).or(Some(first))
    }

    /// Where the actor's own people are sent, kept or taken from: "strengthened its forces in
    /// Lebanon", "sent its troops into Syria", "will withdraw its force from Chad" (the place
    /// phrase on the verb, or on its object).
    pub fn place_other_than(
        &self,
        v: TokenIdx,
        own: &dyn Fn(MentionIdx) -> bool,
    ) -> Option<MentionIdx> {
        let places = self.kids(v, Deprel::Obl).chain(
            self.kids(v, Deprel::Obj)
                .flat_map(|o| self.kids(o, Deprel::Nmod))
                .filter(|&n| matches!(self.case_of(n), Some("from" | "in" | "into"))),
        );
        places
            .filter(|&o| {
                matches!(
                    self.case_of(o),
                    Some("to" | "for" | "with" | "on" | "in" | "into" | "from")
                )
            })
            .filter_map(|o| self.filler(o))
            .find(|&m| !own(m))
    }

    /// A perfect with a "since" phrase describes a state that began in the past ("has been
    /// going on since the 1980s", "have lived in Iraq since 1991"): background, not an event.
    pub fn is_background(&self, v: TokenIdx) -> bool {
        // "Central Command, which oversees operations in the Middle East": a relative clause in
        // the simple present describes its noun, it does not report an event
        let descriptive =
            self.rel(v) == Deprel::AclRelcl && matches!(self.xpos(v), Some(Xpos::VBZ | Xpos::VBP));
        if descriptive {
            return true;
        }
        let perfect = self.kids(v, Deprel::Aux).any(|a| self.lemma(a) == "have");
        perfect
            && self.children(v).iter().any(|&c| {
                matches!(
                    self.base_rel(c),
                    Deprel::Obl | Deprel::Advcl | Deprel::Advmod
                ) && self
                    .case_of(c)
                    .or_else(|| self.kids(c, Deprel::Mark).next().map(|m| self.lemma(m)))
                    == Some("since")
            })
    }

    /// Is predicate `v` under an obligation modal, its own or that of the predicate it
    /// completes ("the US must be ready to mediate")?
    pub fn obliged(&self, v: TokenIdx, modals: &[&str]) -> bool {
        let mut t = v;
        for _ in 0..3 {
            if self
                .kids(t, Deprel::Aux)
                .any(|a| modals.contains(&self.lemma(a)))
            {
                return true;
            }
            match (self.rel(t), self.head(t)) {
                (Deprel::Xcomp, Some(h)) => t = h,
                _ => return false,
            }
        }
        false
    }

    /// The predicate at `v` is the purpose of a stated readiness or plan up its chain of
    /// infinitives ("is willing to send material to help defend ...", "plans to deploy ..."):
    /// an intention, not an act.
    pub fn intended(&self, v: TokenIdx) -> bool {
        self.intent_head(v).is_some()
    }

    /// The word of readiness or plan ([`DepTree::intended`]) the predicate at `v` is the
    /// purpose of.
    pub fn intent_head(&self, v: TokenIdx) -> Option<TokenIdx> {
        let mut cur = v;
        for _ in 0..4 {
            let rel = self.rel(cur);
            let infinitive = self.kids(cur, Deprel::Mark).any(|m| self.lemma(m) == "to");
            if !(rel == Deprel::Xcomp || (rel == Deprel::Advcl && infinitive)) {
                return None;
            }
            let h = self.head(cur)?;
            if INTENT_HEADS.contains(&self.lemma(h)) {
                return Some(h);
            }
            cur = h;
        }
        None
    }

    /// The predicate at `v`, or the clause it announces, holds "unless" something happens ("will
    /// withdraw its force unless the president arranges a ceasefire"): a conditional threat.
    pub fn conditioned(&self, v: TokenIdx) -> bool {
        let unless = |p: TokenIdx| {
            self.kids(p, Deprel::Advcl).any(|c| {
                self.kids(c, Deprel::Mark)
                    .any(|m| self.lemma(m) == "unless")
            })
        };
        unless(v)
            || self
                .kids(v, Deprel::Ccomp)
                .chain(self.kids(v, Deprel::Xcomp))
                .any(unless)
    }

    /// Is predicate `v` the content of a denial ("denied supplying weapons", "denied that its
    /// jets had bombed")?
    pub fn denied(&self, v: TokenIdx) -> bool {
        self.denying_verb(v).is_some()
    }

    /// The verb that denies predicate `v` ("denied supplying", "dismissed claims that ...
    /// attacked"), up to three complements above it.
    pub fn denying_verb(&self, v: TokenIdx) -> Option<TokenIdx> {
        let mut t = v;
        for _ in 0..3 {
            if !matches!(self.rel(t), Deprel::Xcomp | Deprel::Ccomp | Deprel::Advcl) {
                return None;
            }
            let h = self.head(t)?;
            if matches!(self.lemma(h), "deny" | "dismiss" | "refute") {
                return Some(h);
            }
            t = h;
        }
        None
    }

    /// Is token `t` the head of a phrase of time ("after the protests")?
    pub fn is_time_phrase(&self, t: TokenIdx) -> bool {
        matches!(self.case_of(t), Some(c) if TEMPORAL_CASES.contains(&c))
    }

    /// Is token `t` in a clause of what was not done ("without returning to Kyrgyzstan")?
    pub fn in_without_clause(&self, t: TokenIdx) -> bool {
        let mut x = t;
        for _ in 0..6 {
            let Some(h) = self.head(x) else { return false };
            if self.upos(h) == Some(Upos::VERB) {
                return self
                    .kids(h, Deprel::Mark)
                    .any(|m| self.lemma(m) == "without");
            }
            x = h;
        }
        false
    }

    /// Does the path up from token `inner` reach `root` before a token where `stop` holds?
    fn reaches(&self, root: TokenIdx, inner: TokenIdx, stop: impl Fn(TokenIdx) -> bool) -> bool {
        let mut t = inner;
        for _ in 0..self.toks.len() + 1 {
            if t == root {
                return true;
            }
            if stop(t) {
                return false;
            }
            match self.head(t) {
                Some(h) => t = h,
                None => return false,
            }
        }
        false
    }

    /// Is token `inner` in the subtree of token `root`?
    pub fn dominates(&self, root: TokenIdx, inner: TokenIdx) -> bool {
        self.reaches(root, inner, |_| false)
    }

    /// Is token `inner` in the clause of predicate `outer` (its subtree, not crossing into a
    /// conjoined, adverbial, relative or reported clause; `xcomp` complements count as inside:
    /// "continue to supply the army")?
    pub fn in_clause(&self, outer: TokenIdx, inner: TokenIdx) -> bool {
        self.reaches(outer, inner, |t| {
            self.rel(t) != Deprel::Xcomp && CLAUSAL.contains(&self.base_rel(t))
        })
    }

    /// The predicate that governs `v` as its clausal complement (`xcomp`/`ccomp`), if any:
    /// "threatened to impose" -> "threatened".
    pub fn governor(&self, v: TokenIdx) -> Option<TokenIdx> {
        // a bare past participle after an object is a reduced relative the parser took for a
        // complement ("will return weapons seized last year"): background, not content
        let reduced_relative = self.rel(v) == Deprel::Xcomp
            && self.xpos(v) == Some(Xpos::VBN)
            && !self.kids(v, Deprel::Mark).any(|m| self.lemma(m) == "to")
            && self
                .head(v)
                .is_some_and(|h| self.kids(h, Deprel::Obj).any(|o| o < v));
        // an infinitive the parser hung on an intransitive verb as a purpose clause is its
        // complement ("agreed in principle on Saturday to provide aid"); after an object it is
        // a purpose ("blocked roads to press their demands")
        let infinitive_complement = self.rel(v) == Deprel::Advcl
            && self.kids(v, Deprel::Mark).any(|m| self.lemma(m) == "to")
            && self.head(v).is_some_and(|h| {
                !self.children(h).iter().any(|&c| {
                    matches!(
                        self.base_rel(c),
                        Deprel::Obj | Deprel::Ccomp | Deprel::Xcomp
                    ) && c != v
                })
            });
        // "ordered the newspaper to suspend publication", "urged the parties to cease fire":
        // an infinitive the parser hung on the object is the verb's object-control complement
        let on_object = self.rel(v) == Deprel::Acl
            && self.kids(v, Deprel::Mark).any(|m| self.lemma(m) == "to")
            && self.head(v).is_some_and(|o| self.rel(o) == Deprel::Obj);
        if on_object {
            return self.head(v).and_then(|o| self.head(o));
        }
        // "ordered the newspaper to suspend publication" with the infinitive on the verb: after
        // a verb of command, object control, not a purpose
        let commanded = self.rel(v) == Deprel::Advcl
            && self.kids(v, Deprel::Mark).any(|m| self.lemma(m) == "to")
            && self
                .head(v)
                .is_some_and(|h| OBJECT_CONTROL.contains(&self.lemma(h)));
        if commanded {
            return self.head(v);
        }
        ((matches!(self.rel(v), Deprel::Xcomp | Deprel::Ccomp) && !reduced_relative)
            || infinitive_complement)
            .then(|| self.head(v))
            .flatten()
    }
}
