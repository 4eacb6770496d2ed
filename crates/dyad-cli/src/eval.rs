//! `dyad eval plover GOLD.jsonl`: code the gold records' text and score the events.

use anyhow::{Context, Result};
use clap::Subcommand;
use dyad_code::{Pipeline, Reading};
use dyad_ingest::{document_from_text, parse_iso_date, Origin};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Score coding against PLOVER gold records (`{"text", "date", "events": [...]}` per line).
    Plover {
        gold: PathBuf,
        /// Also print every record with its gold and predicted events.
        #[arg(long)]
        verbose: bool,
        /// How much syntax the coder reads: `parse` (roles from the dependency tree, the
        /// default), `tags` (POS tags, roles by word order: the foundation baseline), `words`
        /// (word order only).
        #[arg(long, default_value = "parse", value_parser = ["parse", "tags", "words"])]
        reading: String,
        /// Same as `--reading words` (kept for scripts written against the first baseline).
        #[arg(long)]
        no_tags: bool,
        #[command(flatten)]
        dict: crate::DictArgs,
    },
    /// Score the embedded tagger and parser on a CoNLL-U treebank with its gold tokenization:
    /// UPOS, XPOS, lemma accuracy, UAS and LAS (punctuation included, CoNLL 2018).
    Parse {
        gold: PathBuf,
        /// Also score end to end from the file's raw text (`# text` lines, paragraphs from
        /// `# newpar`/`# newdoc`): dyad segments, tokenizes, tags and parses, and the CoNLL 2018
        /// alignment scorer compares (F1 of tokens, sentences, UPOS, XPOS, lemmas, UAS, LAS).
        #[arg(long)]
        raw: bool,
    },
}

pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Plover {
            gold,
            verbose,
            reading,
            no_tags,
            dict,
        } => {
            dict.install()?;
            let reading = match reading.as_str() {
                _ if no_tags => Reading::Words,
                "tags" => Reading::Tags,
                "words" => Reading::Words,
                _ => Reading::Parse,
            };
            plover(gold, verbose, reading)
        }
        EvalCommand::Parse { gold, raw } => {
            parse(&gold)?;
            if raw {
                raw_text(&gold)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn parse(gold: &Path) -> Result<ExitCode> {
    let analyzer = dyad_code::Analyzer::embedded().context("loading the embedded models")?;
    let sentences = dyad_syntax::conllu::read_conllu_file(gold)
        .map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
    let tokens: usize = sentences.iter().map(|s| s.words.len()).sum();
    let t = std::time::Instant::now();
    let tags = dyad_syntax::evaluate(analyzer.tagger(), &sentences);
    let parse = dyad_parse::evaluate_tagged(analyzer.parser(), &sentences, |s| {
        analyzer.tagger().tag_pos(&s.forms())
    });
    println!(
        "{}: {} sentences, {tokens} tokens (gold tokenization, predicted tags)",
        gold.display(),
        sentences.len()
    );
    println!("UPOS   {:.4}", tags.upos);
    println!("XPOS   {:.4}", tags.xpos);
    println!("lemma  {:.4}", tags.lemma);
    println!("UAS    {:.4}", parse.uas());
    println!(
        "LAS    {:.4}  (universal relations; with subtypes {:.4})",
        parse.las(),
        parse.las_full()
    );
    eprintln!("({:.1} s)", t.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

fn plover(gold: PathBuf, verbose: bool, reading: Reading) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&gold)
        .with_context(|| format!("cannot read {}", gold.display()))?;
    let path = gold.display().to_string();
    let records = dyad_eval::read_gold(&text, &path).map_err(anyhow::Error::msg)?;
    let dicts = dyad_dict::Dictionaries::embedded();
    let coder = dyad_code::PatternCoder::new(dicts, reading);
    let pipeline = Pipeline::with_coder(dicts, Box::new(coder))?;
    let predictions: Vec<_> = records
        .par_iter()
        .enumerate()
        .map(|(i, r)| {
            let date = r.date.as_deref().and_then(parse_iso_date);
            let mut doc = document_from_text(
                &r.text,
                Origin {
                    path: path.clone(),
                    line: Some(i + 1),
                },
                date,
            );
            doc.id = r.id.clone();
            pipeline.code_document(&doc).events
        })
        .collect();
    if verbose {
        for (r, p) in records.iter().zip(&predictions) {
            println!("{} {}", r.id, r.text);
            for g in &r.events {
                println!("  gold {} {:?} -> {:?}", g.event, g.source, g.target);
            }
            for e in p {
                let codes = |a: &[dyad_model::ActorRef]| {
                    a.iter().map(|a| a.code.clone()).collect::<Vec<_>>()
                };
                println!(
                    "  pred {} {:?} -> {:?} [{} {}] {}",
                    e.plover.event,
                    codes(&e.source),
                    codes(&e.target),
                    e.cameo,
                    e.trigger.text,
                    e.rule
                );
            }
        }
    }
    let report = dyad_eval::evaluate(&records, &predictions);
    print!("{}", report.render());
    Ok(ExitCode::SUCCESS)
}

/// Whitespace-free character offsets of every byte offset of `text`.
fn dense_offsets(text: &str) -> Vec<usize> {
    let mut out = vec![0; text.len() + 1];
    let mut n = 0;
    for (b, c) in text.char_indices() {
        for slot in out.iter_mut().skip(b).take(c.len_utf8()) {
            *slot = n;
        }
        if !c.is_whitespace() {
            n += 1;
        }
    }
    out[text.len()] = n;
    out
}

/// End-to-end scores from the treebank's raw text (see `dyad_eval::conll18`).
fn raw_text(gold_path: &Path) -> Result<()> {
    use dyad_eval::conll18::{score, ScoredWord};
    let analyzer = dyad_code::Analyzer::embedded().context("loading the embedded models")?;
    let content = std::fs::read_to_string(gold_path)
        .with_context(|| format!("cannot read {}", gold_path.display()))?;
    let sentences = dyad_syntax::parse_conllu(&content)
        .map_err(|e| anyhow::anyhow!("{}: {e}", gold_path.display()))?;
    // paragraph starts: a `# newpar` or `# newdoc` comment before the sentence's first line
    let mut new_par = Vec::new();
    let mut pending = true;
    let mut in_sentence = false;
    for line in content.lines() {
        if line.starts_with("# newpar") || line.starts_with("# newdoc") {
            pending = true;
        } else if line.is_empty() {
            in_sentence = false;
        } else if !line.starts_with('#') && !in_sentence {
            in_sentence = true;
            new_par.push(std::mem::replace(&mut pending, false));
        }
    }
    // the raw text, and the gold words on the whitespace-free stream
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut gold_sents = Vec::new();
    let mut pos = 0usize;
    for (i, s) in sentences.iter().enumerate() {
        let raw = s.text.clone().unwrap_or_else(|| s.forms().join(" "));
        if !text.is_empty() {
            text.push_str(if new_par.get(i).copied().unwrap_or(false) {
                "\n\n"
            } else {
                " "
            });
        }
        text.push_str(&raw);
        let dense: Vec<char> = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let (start, base) = (pos, gold.len());
        let mut k = 0usize;
        for w in &s.words {
            let form: Vec<char> = w.form.chars().filter(|c| !c.is_whitespace()).collect();
            let len = if dense.get(k..k + form.len()) == Some(&form[..]) {
                form.len()
            } else {
                form.len().min(dense.len().saturating_sub(k))
            };
            gold.push(ScoredWord {
                span: (pos + k, pos + k + len),
                upos: w.upos.clone(),
                xpos: w.xpos.clone(),
                lemma: w.lemma.clone(),
                head: (w.head > 0).then(|| base + w.head - 1),
                deprel: w.deprel.clone(),
            });
            k += len;
        }
        pos += dense.len();
        gold_sents.push((start, pos));
    }
    // the system's analysis of the same text
    let dense = dense_offsets(&text);
    let (splitter, tokenizer) = (
        dyad_text::SentenceSplitter::new(),
        dyad_text::Tokenizer::new(),
    );
    let mut system = Vec::new();
    let mut system_sents = Vec::new();
    for sent in splitter.split(&text) {
        let tokens = tokenizer.tokenize(&sent.text);
        let forms: Vec<&str> = tokens.iter().map(|t| t.form.as_str()).collect();
        let base = system.len();
        for (t, a) in tokens.iter().zip(analyzer.analyze_forms(&forms)) {
            system.push(ScoredWord {
                span: (dense[sent.start + t.start], dense[sent.start + t.end]),
                upos: a.upos.to_string(),
                xpos: a.xpos.to_string(),
                lemma: a.lemma,
                head: (a.head > 0).then(|| base + a.head - 1),
                deprel: a.deprel.to_string(),
            });
        }
        system_sents.push((dense[sent.start], dense[sent.end]));
    }
    let r = score(&gold, &system, &gold_sents, &system_sents);
    println!(
        "end to end from raw text (CoNLL 2018 alignment; F1): {} gold words, {} system words",
        r.gold_words, r.system_words
    );
    println!("tokens    {:.4}", r.tokens);
    println!("sentences {:.4}", r.sentences);
    println!("UPOS      {:.4}", r.upos);
    println!("XPOS      {:.4}", r.xpos);
    println!("lemma     {:.4}", r.lemma);
    println!("UAS       {:.4}", r.uas);
    println!("LAS       {:.4}", r.las);
    Ok(())
}
