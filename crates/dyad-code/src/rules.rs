//! The coder's named rules: each decision the coder takes after a verb pattern or an event
//! noun proposes an event has an id, a one-line description and a switch.
//!
//! A rule is switched off with `--disable-rule ID` (on `dyad code` and `dyad eval`), and
//! `dyad eval ... --ablate` scores the set with each rule off in turn: a rule that helps the
//! half of a set one develops on but not the other half is fitted, not general, and goes.
//! `dyad rules` lists them.

use std::fmt;

macro_rules! rules {
    ($($variant:ident = $id:literal : $doc:literal,)*) => {
        /// A named rule of the coder.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $(#[doc = $doc] $variant,)*
        }

        impl RuleId {
            /// Every rule, in the order the coder applies them.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The id used on the command line.
            pub fn id(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// What the rule does, in one line.
            pub fn doc(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $doc,)*
                }
            }
        }
    };
}

rules! {
    Without = "without-is-no-event": "an act done \"without\" is no event (\"resigned without returning to Kyrgyzstan\")",
    Background = "background-is-no-event": "a state or background perfect is no event (\"the conflict has been going on since 1988\")",
    SpeechOnly = "speech-verb-content": "a verb that only reports speech (\"adding that ...\") gives no event of its own; its content is coded",
    LightVerb = "light-verb-needs-actor": "a light verb's own code (\"hold\" -> detain) needs an actor as its object (\"holds twenty seats\" is no act)",
    VagueVerb = "vague-verb-needs-pattern": "a verb so general that only its patterns code an act (verb class `vague`: \"increase\", \"ensure\", \"control\") gives no event by its own code",
    Orders = "orders-demand": "\"ordered X to do Y\" demands Y of X (or imposes it); an order of something is coded by its noun",
    TreeRoles = "roles-from-tree": "source and target are read off the dependency tree, word order standing in where it finds none",
    SpeechFrame = "speech-frame": "a pattern whose source is the speaker outside the act's clause keeps its roles; the act is coded too",
    Swear = "swear-is-pledge": "swearing to do something is a pledge (030), not an allegation",
    RefineByActors = "refine-by-actors": "a code is refined by who acts on whom (a verb's code for state actors, say)",
    Intent = "intent-is-future": "an act under a stated intention or readiness is a future act",
    ArmedReadiness = "armed-readiness": "armed forces readying an attack take a military posture (MOBILIZE, 152)",
    FoldContent = "fold-content": "an act that is the content of a verbal act (\"urged X to cease fire\") folds into it, not a second event",
    Obligation = "obligation-is-demand": "\"X said Y must do Z\" is X's demand of Z from Y",
    Conditional = "conditional-is-threat": "a future act on a condition (\"will withdraw unless ...\") is a threat (13)",
    Denial = "denial": "\"X denied doing Y\": the act is denied, not asserted, and X rejects the allegation (REJECT), aimed at the one Y would have wronged",
    OnePerRoot = "one-event-per-root": "one event per CAMEO root, source and target in a sentence: the first, most specific",
    EventNouns = "event-nouns": "event nouns under support, undoing and asking verbs are events (\"held talks\", \"lifted the curfew\")",
    ConflictRecipients = "conflict-recipients": "a request about a conflict with no recipient named goes to the conflict's parties",
    PartyCallsIntent = "party-calls-are-intent": "a party to a conflict calling for its end expresses its own intent (AGREE), not a request",
    ForceOnTheOtherSide = "force-on-the-other-side": "force used by a party to the document's two-sided conflict, with no target named, is used on the other party (\"launched anti-terrorist measures\")",
    ProtestTargets = "protest-targets": "a protest without a target is aimed where the protesters' demand in the sentence is",
    Reciprocal = "reciprocal-meetings": "meetings, calls and negotiations are reciprocal: all parties act, no recipient",
    History = "history-is-no-event": "an act its clause sets in an undated past (\"years ago\", \"decades ago\") is background, no event of the story; a dated past (\"in 1988\", \"two years ago\") is kept",
    NeedsRecipient = "needs-recipient": "COOPERATE, AID and SANCTION without a recipient are no rows (PLOVER: recipient required)",
    NeedsActor = "needs-actor": "an event without an actor is no row (PLOVER; the actor must be recoverable)",
    ConsultCounterpart = "consult-needs-counterpart": "a verb of movement or thought (or a solitary one: \"faces charges\") consults no one by itself: CONSULT from one with no host or counterpart is no row (\"refugees arrived\"), nor from several who arrive together",
    PrivateTravel = "private-travel-is-no-visit": "people who travel on their own business (tourists, migrants, doctors: sector set `private`) visit no one; a visit is a state's or an organisation's",
}

impl RuleId {
    /// The rule with this id.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which rules are on (all, unless switched off).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Rules {
    /// Bit `i` set: rule `RuleId::ALL[i]` is off.
    off: u64,
}

impl Rules {
    /// Every rule on.
    pub fn all() -> Rules {
        Rules::default()
    }

    /// These rules, with `rule` switched off.
    pub fn without(self, rule: RuleId) -> Rules {
        Rules {
            off: self.off | 1 << rule as u64,
        }
    }

    pub fn on(self, rule: RuleId) -> bool {
        self.off & (1 << rule as u64) == 0
    }

    /// The rules switched off, as ids.
    pub fn disabled(self) -> Vec<RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .filter(|r| !self.on(*r))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_parse_back_and_fit_the_switches() {
        assert!(RuleId::ALL.len() <= 64);
        for r in RuleId::ALL {
            assert_eq!(RuleId::parse(r.id()), Some(*r));
            assert!(!r.doc().is_empty());
        }
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RuleId::ALL.len());
    }

    #[test]
    fn switching_off_one_rule_leaves_the_others_on() {
        let rules = Rules::all().without(RuleId::Denial);
        assert!(!rules.on(RuleId::Denial));
        assert!(rules.on(RuleId::Without));
        assert_eq!(rules.disabled(), vec![RuleId::Denial]);
    }
}
