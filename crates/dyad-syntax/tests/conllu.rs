use dyad_syntax::conllu::{parse_conllu, to_conllu_string};

const SMALL: &str = include_str!("fixtures/small.conllu");

#[test]
fn reads_words_skipping_ranges_and_empty_nodes() {
    let sents = parse_conllu(SMALL).unwrap();
    assert_eq!(sents.len(), 2);
    let s1 = &sents[0];
    assert_eq!(s1.id.as_deref(), Some("s1"));
    assert_eq!(s1.text.as_deref(), Some("I don't know."));
    assert_eq!(s1.forms(), vec!["I", "do", "n't", "know", "."]);
    assert_eq!(s1.words[2].lemma, "not");
    assert_eq!(s1.words[2].xpos, "RB");
    assert_eq!(s1.words[3].head, 0);
    assert_eq!(s1.words[3].misc, "SpaceAfter=No");
    assert_eq!(
        s1.words[0].feats,
        "Case=Nom|Number=Sing|Person=1|PronType=Prs"
    );
    let s2 = &sents[1];
    assert_eq!(
        s2.forms(),
        vec!["Sue", "likes", "tea", "and", "Bill", "coffee", "."]
    );
    assert_eq!(s2.words[5].id, 6);
    assert_eq!(s2.words[5].deprel, "orphan");
    assert_eq!(s2.words[5].head, 5);
}

#[test]
fn write_then_read_round_trips() {
    let sents = parse_conllu(SMALL).unwrap();
    let text = to_conllu_string(&sents);
    assert_eq!(parse_conllu(&text).unwrap(), sents);
}

#[test]
fn last_sentence_without_blank_line_and_crlf() {
    let text = "# sent_id = a\r\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n";
    let sents = parse_conllu(text).unwrap();
    assert_eq!(sents.len(), 1);
    assert_eq!(sents[0].words[0].form, "Hi");
    assert_eq!(sents[0].id.as_deref(), Some("a"));
}

#[test]
fn errors_name_the_line() {
    let bad_cols = "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\tthere\n";
    let e = parse_conllu(bad_cols).unwrap_err();
    assert_eq!(e.line, 2);
    assert!(e.to_string().contains("line 2"), "{e}");

    let bad_id = "# c\n1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\nx\tb\tb\tX\tXX\t_\t1\tdep\t_\t_\n";
    assert_eq!(parse_conllu(bad_id).unwrap_err().line, 3);

    let bad_head = "1\ta\ta\tDET\tDT\t_\tz\troot\t_\t_\n";
    assert_eq!(parse_conllu(bad_head).unwrap_err().line, 1);

    let out_of_sequence = "1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tb\tb\tX\tXX\t_\t1\tdep\t_\t_\n";
    assert_eq!(parse_conllu(out_of_sequence).unwrap_err().line, 2);
}
