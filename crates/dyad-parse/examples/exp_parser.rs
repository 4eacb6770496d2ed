//! Experiment driver (development only): trains on cached jackknifed tags and scores dev
//! with the committed tagger's tags. Caches live under /tmp/dyad-parse-cache.
//! `exp_parser EPOCHS FEATURES EXPLORE_FROM EXPLORE PRUNE FOLDS [OUT|-] [BEAM] [SUBSET]`
//! (SUBSET: train on the first SUBSET sentences only; dev is also scored with the other
//! beam widths of 1, 2, 4, 8).

use dyad_parse::{
    evaluate_tagged, gold_tags, jackknifed_tags, ParserModel, SentenceTags, TrainOptions,
};
use dyad_syntax::conllu::read_conllu_file;
use dyad_syntax::{TaggerModel, Upos, Xpos};
use std::path::Path;
use std::time::Instant;

fn save(path: &str, tags: &[SentenceTags]) {
    let text: String = tags
        .iter()
        .map(|s| {
            s.iter()
                .map(|(u, x)| format!("{},{}", u.id(), x.id()))
                .collect::<Vec<_>>()
                .join(" ")
                + "\n"
        })
        .collect();
    std::fs::write(path, text).unwrap();
}

fn load(path: &str) -> Option<Vec<SentenceTags>> {
    let text = std::fs::read_to_string(path).ok()?;
    Some(
        text.lines()
            .map(|l| {
                l.split_whitespace()
                    .map(|p| {
                        let (u, x) = p.split_once(',').unwrap();
                        (
                            Upos::from_id(u.parse().unwrap()).unwrap(),
                            Xpos::from_id(x.parse().unwrap()).unwrap(),
                        )
                    })
                    .collect()
            })
            .collect(),
    )
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let arg = |i: usize, d: &str| a.get(i).cloned().unwrap_or_else(|| d.to_string());
    let d = TrainOptions::default();
    let opts = TrainOptions {
        epochs: arg(1, "15").parse().unwrap(),
        features: arg(2, &d.features.to_string()).parse().unwrap(),
        explore_from: arg(3, "1").parse().unwrap(),
        explore: arg(4, "0.9").parse().unwrap(),
        prune_below: arg(5, "0.05").parse().unwrap(),
        beam: arg(8, "1").parse().unwrap(),
        ..d
    };
    let folds: usize = arg(6, "10").parse().unwrap();
    let dir = Path::new("../shared/data/ud-ewt");
    let mut train = read_conllu_file(&dir.join("en_ewt-ud-train.conllu")).unwrap();
    let dev = read_conllu_file(&dir.join("en_ewt-ud-dev.conllu")).unwrap();
    std::fs::create_dir_all("/tmp/dyad-parse-cache").unwrap();
    let train_tags: Vec<SentenceTags> = if folds == 0 {
        train.iter().map(gold_tags).collect()
    } else {
        let p = format!("/tmp/dyad-parse-cache/train-jk{folds}.txt");
        load(&p).unwrap_or_else(|| {
            let t = Instant::now();
            let tags = jackknifed_tags(&train, &dyad_syntax::TrainOptions::default(), folds);
            eprintln!("jackknife {folds}: {:.0} s", t.elapsed().as_secs_f64());
            save(&p, &tags);
            tags
        })
    };
    let subset: usize = arg(9, "0").parse().unwrap();
    let mut train_tags = train_tags;
    if subset > 0 {
        train.truncate(subset);
        train_tags.truncate(subset);
    }
    let tagger =
        TaggerModel::from_bytes(&std::fs::read("data/models/tagger.bin").unwrap()).unwrap();
    let dev_tags: Vec<SentenceTags> = dev.iter().map(|s| tagger.tag_pos(&s.forms())).collect();
    let t = Instant::now();
    let model = ParserModel::train_tagged(&train, &train_tags, Some((&dev, &dev_tags)), &opts);
    let secs = t.elapsed().as_secs_f64();
    let mut k = 0;
    let p = evaluate_tagged(&model, &dev, |_| {
        k += 1;
        dev_tags[k - 1].clone()
    });
    let g = evaluate_tagged(&model, &dev, gold_tags);
    let bytes = model.to_bytes();
    println!(
        "{:?} folds {folds}: dev pred UAS {:.4} LAS {:.4} | gold UAS {:.4} LAS {:.4} | {:.2} MiB, {} feats, {secs:.0} s",
        opts,
        p.uas(),
        p.las(),
        g.uas(),
        g.las(),
        bytes.len() as f64 / 1048576.0,
        model.feature_count()
    );
    let tokens: usize = dev.iter().map(|s| s.words.len()).sum();
    for b in [1, 2, 4, 8] {
        let m = ParserModel::from_bytes(&bytes).unwrap().with_beam(b);
        let t = Instant::now();
        let mut k = 0;
        let p = evaluate_tagged(&m, &dev, |_| {
            k += 1;
            dev_tags[k - 1].clone()
        });
        println!(
            "  decode beam {b}: dev pred UAS {:.4} LAS {:.4}; parse only {:.0} tokens/s",
            p.uas(),
            p.las(),
            tokens as f64 / t.elapsed().as_secs_f64()
        );
    }
    if let Some(out) = a.get(7).filter(|o| *o != "-") {
        std::fs::write(out, bytes).unwrap();
    }
}
