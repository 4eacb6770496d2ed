//! Sentence splitting and Universal Dependencies tokenization for news text.
//!
//! Two hand-written, single-pass scanners, no regular expressions and no tables built at
//! start-up: [`SentenceSplitter`] cuts a document into sentences, [`Tokenizer`] cuts a
//! sentence into tokens following UD English EWT. Both report byte offsets into the text
//! they were given, and every returned string is a slice of that text (`sentence.text ==
//! text[start..end]`, `token.form == text[start..end]`): nothing is normalised or rewritten,
//! so offsets never drift and downstream crates can convert them to character offsets with
//! `dyad_model::CharIndex`. Neither scanner can panic: all reads go through
//! boundary-checked helpers ([`chars`]), and the tests feed them random bytes and chars.
//!
//! # Sentences
//! Candidates are `.`, `?`, `!`, `…` (plus closing quotes/brackets after them) followed by
//! whitespace, and newlines. The decision looks one word back and one word ahead:
//! - a blank line always ends a sentence; a single newline ends one only before a bullet
//!   or after a heading-like line (no final punctuation, starts upper-case, short, and
//!   either title-cased or much shorter than the paragraph line after it);
//! - after a closing quote or bracket, a lower-case word continues the sentence:
//!   `"It is over!" he said.` is one sentence, `"How come?" State Secretary ...` is two;
//! - after a period the word before is looked up ([`abbrev`]): titles ("Gen.") and
//!   connectives ("e.g.") never end a sentence; "No."/"Art." do not before a number; weak
//!   abbreviations (months, "Inc.", "U.S.", initials, "a.m.") end one only before a typical
//!   sentence opener ("... on the U.S. The ministry said" splits, "U.S. officials" and
//!   "John F. Kennedy" do not); "etc." ends one before any capitalised word; an ordinary
//!   word ends one before a capital, a digit or an opening quote, and also before a
//!   lower-case word when it cannot be an abbreviation ("... Hamas. al-Qaeda denied");
//! - an ellipsis inside a sentence does not split unless a sentence opener follows.
//!
//! On UD EWT dev rebuilt into documents (web text: e-mails, forums, many unpunctuated
//! sentences) the splitter recovers 80.5% of the gold sentences exactly, with 90.4%
//! precision; news text is far easier (see `tests/sentences.rs`).
//!
//! # Tokens
//! Conventions measured in `en_ewt-ud-train.conllu` (syntactic words, i.e. the parts of
//! multiword tokens, are the target). The tokenizer reproduces the gold token sequence
//! exactly for 95.4% of EWT dev sentences (95.9% of train); most of the rest are typos that
//! EWT annotates as if corrected ("its" -> "it" "s", "alot" -> "a" "lot").
//! - clitics split: "don't" -> "do" "n't", "can't" -> "ca" "n't", "won't" -> "wo" "n't",
//!   "I'm" -> "I" "'m", "Russia’s" -> "Russia" "’s", "states'" -> "states" "'"; also
//!   apostrophe-less "cannot" -> "can" "not", "gonna" -> "gon" "na", "dont" -> "do" "nt";
//!   "1960's", "O'Brien" and "'72" stay whole;
//! - abbreviations keep their period ("Gen.", "U.S.", "a.m.", "J."), but when the period
//!   is the last thing in the text it is the sentence's full stop and a separate token:
//!   EWT writes "... in the U.S ." / "etc ." / "Inc ." / "U.K ." (18 such sentence ends in
//!   train/dev/test against 4 that keep "P.M." or "F.R.S." whole), so we follow the majority;
//! - numbers stay whole with their separators ("1,000.5", "3,40", "10:30", "2023-09-20",
//!   "713-853-3989", "9/11", "16/11/2004"), but ranges and fractions split ("3" "-" "4",
//!   "1" "/" "2"), as do units glued to numbers ("5" "pm", "10" "km"); "$" and "%" are
//!   separate ("$" "1.2", "50" "%"), "US$" is one token;
//! - hyphens: EWT splits most hyphenated words ("Nagorno" "-" "Karabakh", "long" "-"
//!   "term"): of the letter/digit compounds in train, 325 are one token and 712 split. The
//!   joined ones are, apart from phone numbers and dates, words with a bound prefix (e 38,
//!   non 28, mid 18, pre 15, anti 14, re 13, post 7, co 7, over 6, pro 5, multi 5, ex 4,
//!   ...; see [`abbrev::is_hyphen_prefix`]), which we keep whole ("anti-terrorist",
//!   "e-mail", "mid-2004"). "self-" (0 joined / 11 split) and "well-" (0/17) are split.
//!   A "both parts short" rule was measured and rejected: EWT joins none of its 12
//!   two-letter/two-letter compounds ("op-ed", "to-do"), so they are split too;
//! - runs of punctuation are one token ("...", "--", "?!", "!!!", "$$$"), as are "—", URLs,
//!   e-mail addresses, "#hashtags", "@handles" and a few emoticons; every other
//!   punctuation mark is its own token.
//!
//! # Long sentences
//! [`SentenceCap`] cuts a "sentence" of more than 150 tokens or 1,000 bytes (text without
//! sentence-ending punctuation) into pieces at semicolons, colons, dashes or commas, else
//! between tokens, so that no later stage sees an unbounded sentence; see `cap`.
//!
//! # Cost
//! Release build, one core: about 0.4 µs per news sentence to split and 2 µs to tokenize
//! (`tests/throughput.rs` prints the figures); adversarial inputs (megabytes without a
//! space, of dots, of quotes) stay linear.

pub mod abbrev;
mod cap;
pub mod chars;
mod sentences;
mod tokens;

pub use cap::{CutKind, LongSentence, SentenceCap};
pub use sentences::SentenceSplitter;
pub use tokens::Tokenizer;

pub use dyad_model::{Sentence, Token};
