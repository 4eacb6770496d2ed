//! `dyad eval plover GOLD.jsonl`: code the gold records' text and score the events.

use anyhow::{Context, Result};
use clap::Subcommand;
use dyad_code::{Pipeline, Reading, RuleId, Rules, SentenceTrace};
use dyad_eval::attribution::{attribute, Attribution, Predicted, RecordTrace};
use dyad_eval::plv::{plv_root, read_plv, score_row, PlvEvent, PlvReport, PlvRow, SpanSide};
use dyad_eval::split::Half;
use dyad_eval::CodeSide;
use dyad_ingest::{document_from_text, parse_iso_date, Origin};
use dyad_model::EventRecord;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
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
        opts: EvalOpts,
        #[command(flatten)]
        dict: crate::DictArgs,
    },
    /// Score coding against ZSP's PLV rows (TSV: `gold_root`, `source`, `target`, `sentence`),
    /// as `../shared/tools/score_plv.py` does: each sentence coded alone; recall of type,
    /// type+source and type+source+target by shared content words.
    Plv {
        tsv: PathBuf,
        #[command(flatten)]
        opts: EvalOpts,
        #[command(flatten)]
        dict: crate::DictArgs,
    },
    /// Agreement between two annotations of the same stories (gold format): the second scored
    /// against the first, at type, type+source and type+source+target (F1 is symmetric);
    /// `--verbose` lists every event one annotation has and the other lacks.
    Agreement {
        first: PathBuf,
        second: PathBuf,
        #[arg(long)]
        verbose: bool,
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

/// Options of the event evaluations.
#[derive(clap::Args)]
pub struct EvalOpts {
    /// Print, for every gold event missed at type+source+target, the stage at fault, and a
    /// summary table by stage.
    #[arg(long)]
    explain: bool,
    /// Score only one half of the set (`a`: the half to develop on; `b`: the half scored at
    /// the end of a session), split by a hash of the sentence (`dyad_eval::split`).
    #[arg(long, value_parser = parse_half)]
    half: Option<Half>,
    /// Drop rows whose confidence is below this (default: dyad's, `MIN_CONFIDENCE`; 0 keeps
    /// every row). `eval plover` also prints the figures at several thresholds.
    #[arg(long)]
    min_confidence: Option<f32>,
    #[command(flatten)]
    rules: crate::RuleArgs,
    /// Also score the set with each named rule switched off in turn (`dyad rules` lists
    /// them) and print the change it makes.
    #[arg(long)]
    ablate: bool,
}

fn parse_half(s: &str) -> Result<Half, String> {
    Half::parse(s).ok_or_else(|| format!("expected `a` or `b`, not `{s}`"))
}

impl EvalOpts {
    fn keeps(&self, sentence: &str) -> bool {
        self.half.is_none_or(|h| Half::of(sentence) == h)
    }
}

pub fn run(cmd: EvalCommand) -> Result<ExitCode> {
    match cmd {
        EvalCommand::Agreement {
            first,
            second,
            verbose,
        } => agreement(&first, &second, verbose),
        EvalCommand::Plv { tsv, opts, dict } => {
            dict.install()?;
            plv(&tsv, &opts)
        }
        EvalCommand::Plover {
            gold,
            verbose,
            reading,
            no_tags,
            opts,
            dict,
        } => {
            dict.install()?;
            let reading = match reading.as_str() {
                _ if no_tags => Reading::Words,
                "tags" => Reading::Tags,
                "words" => Reading::Words,
                _ => Reading::Parse,
            };
            plover(gold, verbose, reading, &opts)
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

/// A gold set coded by a pipeline: per record, the gold events of the chosen half, the rows
/// of that half with their scorer features, and the coder's trace.
pub(crate) struct CodedGold {
    pub records: Vec<dyad_eval::GoldRecord>,
    pub predictions: Vec<Vec<EventRecord>>,
    pub features: Vec<Vec<Vec<String>>>,
    pub traces: Vec<Vec<SentenceTrace>>,
}

/// Reads a gold file and codes its records with `pipeline`, keeping one half if asked.
/// Records of one sentence are split by their text; records of many sentences (whose gold
/// events name their sentence) by each event's sentence, gold and predicted alike.
pub(crate) fn code_gold(gold: &Path, pipeline: &Pipeline, half: Option<Half>) -> Result<CodedGold> {
    let text =
        std::fs::read_to_string(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let path = gold.display().to_string();
    let mut records = dyad_eval::read_gold(&text, &path).map_err(anyhow::Error::msg)?;
    let keeps = |sentence: &str| half.is_none_or(|h| Half::of(sentence) == h);
    let by_sentence = records
        .iter()
        .any(|r| r.events.iter().any(|e| e.sentence.is_some()));
    if by_sentence {
        for r in &mut records {
            r.events
                .retain(|e| keeps(e.sentence.as_deref().unwrap_or(&r.text)));
        }
    } else {
        records.retain(|r| keeps(&r.text));
    }
    let coded: Vec<_> = records
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
            pipeline.trace_document(&doc)
        })
        .collect();
    let mut out = CodedGold {
        records,
        predictions: Vec::new(),
        features: Vec::new(),
        traces: Vec::new(),
    };
    for (events, trace) in coded {
        let features = trace.iter().flat_map(|t| t.features.iter().cloned());
        let (kept, kept_features): (Vec<_>, Vec<_>) = events
            .into_iter()
            .zip(features)
            .filter(|(e, _)| !by_sentence || keeps(&e.sentence))
            .unzip();
        out.predictions.push(kept);
        out.features.push(kept_features);
        out.traces.push(trace);
    }
    Ok(out)
}

fn plover(gold: PathBuf, verbose: bool, reading: Reading, opts: &EvalOpts) -> Result<ExitCode> {
    if opts.ablate {
        ablate(opts, |rules| {
            let pipeline = Pipeline::with_rules(reading, rules)?
                .with_min_confidence(opts.min_confidence.unwrap_or(dyad_code::MIN_CONFIDENCE));
            let coded = code_gold(&gold, &pipeline, opts.half)?;
            let report = dyad_eval::evaluate(&coded.records, &coded.predictions);
            let c = report.levels.last().map(|(_, c)| *c).unwrap_or_default();
            Ok([c.precision(), c.recall(), c.f1()])
        })?;
    }
    // every row, so that the threshold table can drop them itself
    let pipeline = Pipeline::with_rules(reading, opts.rules.rules())?.with_min_confidence(0.0);
    let CodedGold {
        records,
        predictions,
        traces,
        ..
    } = code_gold(&gold, &pipeline, opts.half)?;
    let min = opts.min_confidence.unwrap_or(dyad_code::MIN_CONFIDENCE);
    let predictions: Vec<Vec<EventRecord>> = predictions
        .into_iter()
        .map(|p| p.into_iter().filter(|e| e.confidence >= min).collect())
        .collect();
    if verbose {
        for (r, p) in records.iter().zip(&predictions) {
            println!("{} {}", r.id, r.text);
            for g in &r.events {
                println!("  gold {} {:?} -> {:?}", g.event, g.source, g.target);
            }
            for e in p {
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
    if opts.explain {
        let mut attribution = Attribution::default();
        for ((r, events), trace) in records.iter().zip(&predictions).zip(&traces) {
            for i in dyad_eval::missed(&r.events, events) {
                let Some(g) = r.events.get(i) else { continue };
                // in records of many sentences, what the coder did in the event's own sentence
                let here = |text: &str| g.sentence.as_deref().is_none_or(|s| s == text);
                let sentence: Vec<SentenceTrace> =
                    trace.iter().filter(|t| here(&t.text)).cloned().collect();
                let rows: Vec<EventRecord> = events
                    .iter()
                    .filter(|e| here(&e.sentence))
                    .cloned()
                    .collect();
                let stage = attribute(
                    &g.event,
                    &CodeSide(&g.source),
                    &CodeSide(&g.target),
                    &record_trace(&sentence),
                    &predicted(&rows),
                    |a, b| a == b,
                );
                if let Some(stage) = stage {
                    attribution.add(
                        stage,
                        format!(
                            "{} gold {} {:?} -> {:?} | pred {} | {}",
                            r.id,
                            g.event,
                            g.source,
                            g.target,
                            summary(&rows),
                            g.sentence.as_deref().unwrap_or(&r.text)
                        ),
                    );
                }
            }
        }
        print_attribution(&attribution);
        print_extras(&records, &predictions);
    }
    let report = dyad_eval::evaluate(&records, &predictions);
    print!("{}", report.render());
    print!("{}", thresholds(&records, &predictions));
    let scored: Vec<(f64, bool)> = records
        .iter()
        .zip(&predictions)
        .flat_map(|(r, p)| {
            dyad_eval::labels(&r.events, p)
                .into_iter()
                .zip(p)
                .filter_map(|(l, e)| Some((f64::from(e.confidence), l?)))
        })
        .collect();
    print!(
        "\n{}",
        crate::scoring::reliability("confidence of the rows above", &scored)
    );
    Ok(ExitCode::SUCCESS)
}

/// Precision and recall at type+source+target if rows under each confidence were dropped.
fn thresholds(records: &[dyad_eval::GoldRecord], predictions: &[Vec<EventRecord>]) -> String {
    let mut s = String::from(
        "\nat confidence >= t (type+source+target):\n    t   rows  precision  recall     F1\n",
    );
    for t in [0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7] {
        let kept: Vec<Vec<EventRecord>> = predictions
            .iter()
            .map(|p| p.iter().filter(|e| e.confidence >= t).cloned().collect())
            .collect();
        let report = dyad_eval::evaluate(records, &kept);
        if let Some((_, c)) = report.levels.last() {
            s += &format!(
                "{t:>5.2} {:>6} {:>10.3} {:>7.3} {:>6.3}\n",
                c.predicted,
                c.precision(),
                c.recall(),
                c.f1()
            );
        }
    }
    s
}

fn plv(tsv: &Path, opts: &EvalOpts) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(tsv).with_context(|| format!("cannot read {}", tsv.display()))?;
    let path = tsv.display().to_string();
    let mut rows = read_plv(&text, &path).map_err(anyhow::Error::msg)?;
    rows.retain(|r| opts.keeps(&r.sentence));
    let min = opts.min_confidence.unwrap_or(dyad_code::MIN_CONFIDENCE);
    if opts.ablate {
        ablate(opts, |rules| {
            let pipeline = Pipeline::with_rules(Reading::Parse, rules)?.with_min_confidence(min);
            let (report, _) = score_plv(&rows, &path, &pipeline, false);
            Ok([report.type_r, report.src_r, report.triple_r])
        })?;
    }
    let pipeline =
        Pipeline::with_rules(Reading::Parse, opts.rules.rules())?.with_min_confidence(min);
    let (report, attribution) = score_plv(&rows, &path, &pipeline, opts.explain);
    if opts.explain {
        print_attribution(&attribution);
    }
    print!("{}", report.render());
    Ok(ExitCode::SUCCESS)
}

/// Codes every sentence of `rows` alone and scores the rows (with attribution if asked).
fn score_plv(
    rows: &[PlvRow],
    path: &str,
    pipeline: &Pipeline,
    explain: bool,
) -> (PlvReport, Attribution) {
    let mut sentences: Vec<&str> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for r in rows {
        index.entry(r.sentence.as_str()).or_insert_with(|| {
            sentences.push(&r.sentence);
            sentences.len() - 1
        });
    }
    let coded: Vec<_> = sentences
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let mut doc = document_from_text(
                s,
                Origin {
                    path: path.to_string(),
                    line: None,
                },
                None,
            );
            doc.id = format!("plv{i}");
            pipeline.trace_document(&doc)
        })
        .collect();
    let plv_events: Vec<Vec<PlvEvent>> = coded
        .iter()
        .map(|(events, _)| events.iter().map(PlvEvent::from_record).collect())
        .collect();
    let mut hits = Vec::with_capacity(rows.len());
    let mut attribution = Attribution::default();
    for r in rows {
        let i = index.get(r.sentence.as_str()).copied().unwrap_or(0);
        let (Some(events), Some((records, trace))) = (plv_events.get(i), coded.get(i)) else {
            continue;
        };
        let hit = score_row(r, events);
        hits.push(hit);
        if explain && !hit.triple {
            let stage = attribute(
                &r.root,
                &SpanSide(&r.source),
                &SpanSide(&r.target),
                &record_trace(trace),
                &predicted(records),
                |dyad, gold| plv_root(dyad) == gold,
            );
            if let Some(stage) = stage {
                attribution.add(
                    stage,
                    format!(
                        "line {} gold {} [{}] -> [{}] | pred {} | {}",
                        r.line,
                        r.root,
                        r.source,
                        r.target,
                        summary(records),
                        r.sentence
                    ),
                );
            }
        }
    }
    let events = coded.iter().map(|(e, _)| e.len()).sum();
    (
        PlvReport::new(rows, &hits, sentences.len(), events),
        attribution,
    )
}

fn agreement(first: &Path, second: &Path, verbose: bool) -> Result<ExitCode> {
    let read = |p: &Path| -> Result<Vec<dyad_eval::GoldRecord>> {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?;
        dyad_eval::read_gold(&text, &p.display().to_string()).map_err(anyhow::Error::msg)
    };
    let (a, b) = (read(first)?, read(second)?);
    let by_id: HashMap<&str, &dyad_eval::GoldRecord> =
        b.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for r in &a {
        let Some(other) = by_id.get(r.id.as_str()) else {
            continue;
        };
        // the second annotation's optional events are no claims of its own
        let claims: Vec<EventRecord> = other
            .events
            .iter()
            .filter(|e| !e.optional)
            .map(dyad_eval::as_predicted)
            .collect();
        if verbose {
            let only = |from: &[dyad_eval::GoldEvent], against: &[dyad_eval::GoldEvent]| {
                let against: Vec<EventRecord> =
                    against.iter().map(dyad_eval::as_predicted).collect();
                dyad_eval::missed(from, &against)
                    .into_iter()
                    .filter_map(|i| from.get(i))
                    .map(|e| format!("{} {:?} -> {:?}", e.event, e.source, e.target))
                    .collect::<Vec<_>>()
            };
            for (who, from, against) in [
                ("first only ", &r.events, &other.events),
                ("second only", &other.events, &r.events),
            ] {
                for line in only(from, against) {
                    println!("{} {who} {line}", r.id);
                }
            }
        }
        gold.push(r.clone());
        pred.push(claims);
    }
    let report = dyad_eval::evaluate(&gold, &pred);
    println!(
        "{} records in both; the second annotation scored against the first:",
        gold.len()
    );
    print!("{}", report.render());
    Ok(ExitCode::SUCCESS)
}

/// Scores the set with every rule on, then with each named rule off in turn, and prints
/// the three figures `score` returns and their change.
fn ablate(opts: &EvalOpts, score: impl Fn(Rules) -> Result<[f64; 3]>) -> Result<()> {
    let base_rules = opts.rules.rules();
    let base = score(base_rules)?;
    println!(
        "ablation (each rule off in turn; figures: the set's three, t+s+t last):\n{:<26} {:>7} {:>7} {:>7}",
        "rules", "", "", ""
    );
    println!(
        "{:<26} {:>7.3} {:>7.3} {:>7.3}",
        "all on", base[0], base[1], base[2]
    );
    for &rule in RuleId::ALL {
        if !base_rules.on(rule) {
            continue;
        }
        let f = score(base_rules.without(rule))?;
        println!(
            "{:<26} {:>+7.3} {:>+7.3} {:>+7.3}",
            format!("-{}", rule.id()),
            f[0] - base[0],
            f[1] - base[1],
            f[2] - base[2]
        );
    }
    Ok(())
}

fn codes(actors: &[dyad_model::ActorRef]) -> Vec<String> {
    actors.iter().map(|a| a.code.clone()).collect()
}

/// The events of a record in one line: `TYPE [SRC] -> [TGT]; ...`.
fn summary(events: &[EventRecord]) -> String {
    if events.is_empty() {
        return "none".to_string();
    }
    let side = |a: &[dyad_model::ActorRef]| {
        a.iter()
            .map(|a| format!("{}={}", a.text, a.code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    events
        .iter()
        .map(|e| {
            format!(
                "{} [{}] -> [{}] ({})",
                e.plover.event,
                side(&e.source),
                side(&e.target),
                e.trigger.text
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A record's sentence traces as attribution reads them.
fn record_trace(trace: &[SentenceTrace]) -> RecordTrace {
    RecordTrace {
        discarded: !trace.is_empty() && trace.iter().all(|t| t.discarded),
        mentions: trace.iter().flat_map(|t| t.mentions.clone()).collect(),
        candidates: trace
            .iter()
            .flat_map(|t| t.candidates.iter().map(|c| (c.event.clone(), c.kept)))
            .collect(),
        below_threshold: trace
            .iter()
            .flat_map(|t| predicted(&t.below_threshold))
            .collect(),
    }
}

fn predicted(events: &[EventRecord]) -> Vec<Predicted> {
    let side =
        |a: &[dyad_model::ActorRef]| a.iter().map(|a| (a.text.clone(), a.code.clone())).collect();
    events
        .iter()
        .map(|e| Predicted {
            event: e.plover.event.clone(),
            source: side(&e.source),
            target: side(&e.target),
        })
        .collect()
}

/// Every predicted event that matches no gold event, as `[Extra]` lines: `type absent` when
/// the record has no gold event of its type, else `wrong sides`; and their count by rule
/// family (the rule id up to its first `:`) and type.
fn print_extras(records: &[dyad_eval::GoldRecord], predictions: &[Vec<EventRecord>]) {
    let mut by_kind: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (r, events) in records.iter().zip(predictions) {
        for i in dyad_eval::extra(&r.events, events) {
            let Some(e) = events.get(i) else { continue };
            let absent = !r.events.iter().any(|g| g.event == e.plover.event);
            let why = if absent { "type absent" } else { "wrong sides" };
            let family = e.rule.split(':').next().unwrap_or("").to_string();
            *by_kind.entry((family, e.plover.event.clone())).or_default() += 1;
            println!(
                "[Extra]          {} {why}: {} | {} | {}",
                r.id,
                summary(std::slice::from_ref(e)),
                e.rule,
                e.sentence
            );
        }
    }
    let total: usize = by_kind.values().sum();
    println!("extra events by rule family and type ({total}):");
    for ((family, event), n) in &by_kind {
        println!("  {family:<24} {event:<10} {n:>5}");
    }
}

fn print_attribution(attribution: &Attribution) {
    for line in &attribution.lines {
        println!("{line}");
    }
    println!("{}", attribution.render());
}

/// Whitespace-free character offsets of every byte offset of `text`.
fn dense_offsets(text: &str) -> Vec<usize> {
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut n = 0;
    for c in text.chars() {
        out.extend(std::iter::repeat_n(n, c.len_utf8()));
        if !c.is_whitespace() {
            n += 1;
        }
    }
    out.push(n);
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
    // the splitter's and tokenizer's offsets are in the text; past its end counts all of it
    let dense_at = |b: usize| dense.get(b).or(dense.last()).copied().unwrap_or(0);
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
                span: (dense_at(sent.start + t.start), dense_at(sent.start + t.end)),
                upos: a.upos.to_string(),
                xpos: a.xpos.to_string(),
                lemma: a.lemma,
                head: (a.head > 0).then(|| base + a.head - 1),
                deprel: a.deprel.to_string(),
            });
        }
        system_sents.push((dense_at(sent.start), dense_at(sent.end)));
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
