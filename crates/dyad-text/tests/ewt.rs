//! Checks against UD English EWT (read from ../shared when present).

use std::path::PathBuf;

use dyad_text::Tokenizer;

/// A sentence of a CoNLL-U file: its raw text and gold syntactic-word forms.
struct GoldSentence {
    text: String,
    forms: Vec<String>,
}

fn ewt_path(file: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ud-ewt")
        .join(file);
    if path.exists() {
        Some(path)
    } else {
        dyad_model::testing::skipped(&format!("{} not found", path.display()));
        None
    }
}

fn read_conllu(path: &PathBuf) -> Vec<GoldSentence> {
    let data = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    let mut text = None;
    let mut forms = Vec::new();
    for line in data.lines() {
        if let Some(t) = line.strip_prefix("# text = ") {
            text = Some(t.to_string());
        } else if line.starts_with('#') {
        } else if line.trim().is_empty() {
            if let Some(t) = text.take() {
                out.push(GoldSentence {
                    text: t,
                    forms: std::mem::take(&mut forms),
                });
            }
            forms.clear();
        } else {
            let mut cols = line.split('\t');
            let id = cols.next().unwrap();
            let form = cols.next().unwrap();
            // Multiword-token ranges ("3-4") and empty nodes ("8.1") are not syntactic words.
            if !id.contains('-') && !id.contains('.') {
                forms.push(form.to_string());
            }
        }
    }
    if let Some(t) = text {
        out.push(GoldSentence { text: t, forms });
    }
    out
}

#[test]
fn offsets_are_consistent_on_ewt_dev() {
    let Some(path) = ewt_path("en_ewt-ud-dev.conllu") else {
        return;
    };
    let sentences = read_conllu(&path);
    assert!(sentences.len() > 1000);
    let tokenizer = Tokenizer::new();
    for s in &sentences {
        let tokens = tokenizer.tokenize(&s.text);
        let mut last_end = 0;
        for t in &tokens {
            assert!(t.start >= last_end, "overlap in {:?}", s.text);
            assert!(t.start < t.end, "empty token in {:?}", s.text);
            assert_eq!(t.form, &s.text[t.start..t.end]);
            assert!(
                !t.form.chars().any(char::is_whitespace),
                "space in {:?}",
                t.form
            );
            last_end = t.end;
        }
        // No visible character is dropped.
        let covered: usize = tokens.iter().map(|t| t.end - t.start).sum();
        let visible: usize = s
            .text
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '\u{200B}' | '\u{FEFF}'))
            .map(char::len_utf8)
            .sum();
        assert_eq!(covered, visible, "dropped characters in {:?}", s.text);
    }
}

#[test]
fn exact_match_share_on_ewt_dev() {
    // DYAD_TEXT_EWT_FILE=en_ewt-ud-train.conllu measures another split while developing.
    let file = std::env::var("DYAD_TEXT_EWT_FILE").unwrap_or("en_ewt-ud-dev.conllu".into());
    let Some(path) = ewt_path(&file) else {
        return;
    };
    let sentences = read_conllu(&path);
    let tokenizer = Tokenizer::new();
    let mut exact = 0usize;
    let mut dump = String::new();
    for s in &sentences {
        let forms: Vec<String> = tokenizer
            .tokenize(&s.text)
            .into_iter()
            .map(|t| t.form)
            .collect();
        if forms == s.forms {
            exact += 1;
        } else {
            dump.push_str(&format!(
                "TEXT {}\nGOLD {}\nOURS {}\n\n",
                s.text,
                s.forms.join(" "),
                forms.join(" ")
            ));
        }
    }
    let share = exact as f64 / sentences.len() as f64;
    eprintln!(
        "EWT dev exact token-sequence match: {exact}/{} = {:.4}",
        sentences.len(),
        share
    );
    if let Ok(file) = std::env::var("DYAD_TEXT_EWT_DUMP") {
        std::fs::write(file, dump).unwrap();
    }
    assert!(share >= 0.80, "exact-match share {share:.4} below floor");
}

/// Rebuilds EWT dev documents (sentences joined by a space, paragraphs by a blank line)
/// and prints the share of gold sentences the splitter recovers exactly. EWT is web text
/// (e-mails, reviews, forum posts) with many unpunctuated sentences, so this is a
/// measurement, not a target: news text is much easier.
#[test]
fn sentence_recovery_on_ewt_dev_documents() {
    let Some(path) = ewt_path("en_ewt-ud-dev.conllu") else {
        return;
    };
    let data = std::fs::read_to_string(&path).unwrap();
    // (document text, gold sentence spans)
    let mut docs: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
    for line in data.lines() {
        if line.starts_with("# newdoc") {
            docs.push((String::new(), Vec::new()));
        } else if line.starts_with("# newpar") {
            if let Some((text, _)) = docs.last_mut() {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
            }
        } else if let Some(t) = line.strip_prefix("# text = ") {
            if docs.is_empty() {
                docs.push((String::new(), Vec::new()));
            }
            let (text, spans) = docs.last_mut().unwrap();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push(' ');
            }
            spans.push((text.len(), text.len() + t.len()));
            text.push_str(t);
        }
    }
    let splitter = dyad_text::SentenceSplitter::new();
    let (mut gold_total, mut found, mut predicted) = (0usize, 0usize, 0usize);
    for (text, gold) in &docs {
        let ours = splitter.spans(text);
        predicted += ours.len();
        gold_total += gold.len();
        found += gold
            .iter()
            .filter(|g| ours.binary_search(g).is_ok())
            .count();
        if let Ok(file) = std::env::var("DYAD_TEXT_SENT_DUMP") {
            use std::io::Write;
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(file)
                .unwrap();
            for &(s, e) in &ours {
                if gold.binary_search(&(s, e)).is_err() {
                    writeln!(f, "OURS {}", &text[s..e]).unwrap();
                }
            }
        }
    }
    let recall = found as f64 / gold_total as f64;
    let precision = found as f64 / predicted as f64;
    eprintln!(
        "EWT dev sentence spans recovered: recall {found}/{gold_total} = {recall:.4}, precision {found}/{predicted} = {precision:.4}"
    );
    assert!(recall > 0.5);
}
