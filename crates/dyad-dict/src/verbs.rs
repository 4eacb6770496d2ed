//! Verb forms and TABARI-style verb patterns with their CAMEO codes.
//!
//! File format (`verbs.txt`, TAB-separated, written by [`crate::convert`]):
//! - `S  &NAME  phrase|phrase` — a synonym set usable in patterns;
//! - `B  NAME  CODE` — starts a verb block with its default code (`---`: no event);
//! - `V  lemma  CODE  form|form` — a verb of the block (CODE empty: the block's), with all its
//!   surface forms (multi-word forms have spaces);
//! - `C  lemma  CODE` — sets the code of every verb with that lemma (for hand-curated fixes);
//! - `P  CODE  pattern  id` — a pattern of the block. A pattern is a space-separated list of
//!   elements around `*` (the verb): words (matched as stems when 4+ letters), `&SET`,
//!   `$` (source actor here), `+` (target here), `%` (both), `^` (skip a phrase). Elements
//!   joined by `_` must be adjacent.

use crate::format::Record;
use crate::DictError;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternElem {
    Word(String),
    Set(u32),
    Source,
    Target,
    Compound,
    Skip,
}

/// One element and whether it must immediately follow (or precede) its neighbour nearer the verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternItem {
    pub elem: PatternElem,
    pub adjacent: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbPattern {
    /// Elements before the verb, nearest the verb first.
    pub pre: Vec<PatternItem>,
    /// Elements after the verb, in text order.
    pub post: Vec<PatternItem>,
    /// CAMEO code; `None` for patterns that cancel coding (`---`).
    pub code: Option<String>,
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    pub code: Option<String>,
    pub patterns: Vec<VerbPattern>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    pub lemma: String,
    pub block: u32,
    pub code: Option<String>,
}

/// A surface form of a verb: its words, and which of them is the inflected verb.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerbForm {
    pub words: Vec<String>,
    pub head: usize,
    pub verb: u32,
}

pub struct VerbDict {
    pub blocks: Vec<VerbBlock>,
    pub verbs: Vec<Verb>,
    /// Synonym sets: alternatives, each a word sequence.
    pub sets: Vec<Vec<Vec<String>>>,
    pub set_names: HashMap<String, u32>,
    /// Forms keyed by their first word.
    forms: HashMap<String, Vec<VerbForm>>,
}

fn code_of(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty() && s != "---").then(|| s.to_string())
}

impl VerbDict {
    pub fn parse(texts: &[&str]) -> Result<VerbDict, DictError> {
        let mut d = VerbDict {
            blocks: Vec::new(),
            verbs: Vec::new(),
            sets: Vec::new(),
            set_names: HashMap::new(),
            forms: HashMap::new(),
        };
        let mut current: Option<usize> = None;
        for rec in texts.iter().flat_map(|t| Record::lines(t, "verbs.txt")) {
            let rec = rec?;
            let kind = rec.text.split('\t').next().unwrap_or("");
            match kind {
                "S" => {
                    let [_, name, phrases] = rec.fields::<3>()?;
                    let alts = phrases
                        .split('|')
                        .map(|p| p.split(' ').map(str::to_string).collect())
                        .collect();
                    d.set_names.insert(name.to_string(), d.sets.len() as u32);
                    d.sets.push(alts);
                }
                "B" => {
                    let [_, name, code] = rec.fields::<3>()?;
                    // a later file may reopen a block by name to add verbs and patterns
                    current = Some(match d.blocks.iter().position(|b| b.name == name) {
                        Some(i) => i,
                        None => {
                            d.blocks.push(VerbBlock {
                                name: name.to_string(),
                                code: code_of(code),
                                patterns: Vec::new(),
                            });
                            d.blocks.len() - 1
                        }
                    });
                }
                "V" => {
                    let [_, lemma, code, forms] = rec.fields::<4>()?;
                    let block = current.ok_or_else(|| rec.error("verb before any block"))? as u32;
                    let verb = d.verbs.len() as u32;
                    d.verbs.push(Verb {
                        lemma: lemma.to_string(),
                        block,
                        code: code_of(code),
                    });
                    for form in forms.split('|') {
                        let mut words: Vec<String> = Vec::new();
                        let mut head = 0;
                        for w in form.split(' ') {
                            if let Some(h) = w.strip_prefix('+') {
                                head = words.len();
                                words.push(h.to_string());
                            } else {
                                words.push(w.to_string());
                            }
                        }
                        if let Some(first) = words.first().cloned() {
                            d.forms
                                .entry(first)
                                .or_default()
                                .push(VerbForm { words, head, verb });
                        }
                    }
                }
                "C" => {
                    let [_, lemma, code] = rec.fields::<3>()?;
                    let mut found = false;
                    for v in d.verbs.iter_mut().filter(|v| v.lemma == lemma) {
                        v.code = code_of(code);
                        found = true;
                    }
                    if !found {
                        return Err(rec.error(format!("no verb {lemma:?} to set the code of")));
                    }
                }
                "P" => {
                    let [_, code, pattern, id] = rec.fields::<4>()?;
                    let parsed = parse_pattern(pattern, &d.set_names).map_err(|m| rec.error(m))?;
                    let block = current
                        .and_then(|i| d.blocks.get_mut(i))
                        .ok_or_else(|| rec.error("pattern before any block"))?;
                    let (pre, post) = parsed;
                    block.patterns.push(VerbPattern {
                        pre,
                        post,
                        code: code_of(code),
                        id: id.to_string(),
                    });
                }
                // `X PATTERN_ID reason`: a pattern of the converted file that codes what is no
                // act ("appears to" as an appeal) is taken out
                "X" => {
                    let [_, id, _reason] = rec.fields::<3>()?;
                    let mut found = false;
                    for b in &mut d.blocks {
                        let before = b.patterns.len();
                        b.patterns.retain(|p| p.id != id);
                        found |= b.patterns.len() != before;
                    }
                    if !found {
                        return Err(rec.error(format!("no pattern {id:?} to take out")));
                    }
                }
                other => return Err(rec.error(format!("unknown line kind {other:?}"))),
            }
        }
        Ok(d)
    }

    /// Verb forms that can start at this word.
    pub fn forms_starting(&self, word: &str) -> &[VerbForm] {
        self.forms.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn verb(&self, id: u32) -> Option<&Verb> {
        self.verbs.get(id as usize)
    }

    pub fn block(&self, id: u32) -> Option<&VerbBlock> {
        self.blocks.get(id as usize)
    }

    pub fn form_count(&self) -> usize {
        self.forms.values().map(Vec::len).sum()
    }

    pub fn pattern_count(&self) -> usize {
        self.blocks.iter().map(|b| b.patterns.len()).sum()
    }
}

type Sides = (Vec<PatternItem>, Vec<PatternItem>);

/// Parses `PRE * POST` into elements (pre reversed: nearest the verb first).
pub fn parse_pattern(pattern: &str, sets: &HashMap<String, u32>) -> Result<Sides, String> {
    // For pre elements, `adjacent` first means "adjacent to the next element in text order
    // (or the verb)"; once reversed that is "adjacent to the neighbour nearer the verb".
    let mut pre: Vec<PatternItem> = Vec::new();
    let mut post = Vec::new();
    let mut seen_verb = false;
    for chunk in pattern.split(' ').filter(|c| !c.is_empty()) {
        // `a_b_c` is a run of adjacent elements; `*_UP` joins the verb and "up".
        let parts: Vec<&str> = chunk.split('_').filter(|p| !p.is_empty()).collect();
        let joined = parts.len() > 1;
        for (i, part) in parts.iter().enumerate() {
            let adjacent = joined && i > 0;
            if *part == "*" {
                if seen_verb {
                    return Err("two verbs ('*') in pattern".into());
                }
                seen_verb = true;
                if adjacent {
                    if let Some(last) = pre.last_mut() {
                        last.adjacent = true;
                    }
                }
                continue;
            }
            let elem = match *part {
                "$" => PatternElem::Source,
                "+" => PatternElem::Target,
                "%" => PatternElem::Compound,
                "^" => PatternElem::Skip,
                p if p.starts_with('&') => PatternElem::Set(
                    *sets
                        .get(p)
                        .ok_or_else(|| format!("unknown synonym set {p}"))?,
                ),
                p => PatternElem::Word(p.to_string()),
            };
            if seen_verb {
                post.push(PatternItem { elem, adjacent });
            } else {
                if adjacent {
                    if let Some(last) = pre.last_mut() {
                        last.adjacent = true;
                    }
                }
                pre.push(PatternItem {
                    elem,
                    adjacent: false,
                });
            }
        }
    }
    if !seen_verb {
        return Err("pattern without '*'".into());
    }
    pre.reverse();
    Ok((pre, post))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_parsing() {
        let mut sets = HashMap::new();
        sets.insert("&MILITARY".to_string(), 0);
        let (pre, post) = parse_pattern("$ said would * &MILITARY assistance to +", &sets).unwrap();
        assert_eq!(pre[0].elem, PatternElem::Word("would".into()));
        assert_eq!(pre[2].elem, PatternElem::Source);
        assert_eq!(pre.len(), 3);
        assert_eq!(post.len(), 4);
        assert_eq!(post[0].elem, PatternElem::Set(0));
        assert_eq!(post[3].elem, PatternElem::Target);
        let (_, post) = parse_pattern("*_up for service", &sets).unwrap();
        assert!(post[0].adjacent);
        assert!(!post[1].adjacent);
        let (pre, _) = parse_pattern("a b_c_* d", &sets).unwrap();
        let adj: Vec<bool> = pre.iter().map(|p| p.adjacent).collect();
        // nearest first: c (joined to verb), b (joined to c), a (free)
        assert_eq!(adj, vec![true, true, false]);
    }

    #[test]
    fn a_later_file_takes_a_pattern_out_by_id() {
        let base = "B\tAPPEAR\t---\nV\tseem\t\tseem|seems\nP\t020\t* to\tAPPEAR:1\nP\t090\t* into\tAPPEAR:2\n";
        let d = VerbDict::parse(&[base, "X\tAPPEAR:1\tno appeal\n"]).expect("parses");
        let ids: Vec<&str> = d.blocks[0].patterns.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, vec!["APPEAR:2"]);
        let e = VerbDict::parse(&[base, "X\tAPPEAR:9\tnone such\n"]).err();
        assert!(e.is_some_and(|e| e.to_string().contains("APPEAR:9")));
    }
}
