//! `cjg ask --explain` shows editors how a question was understood and why each answer
//! scored: lemma, correction, compound parts, synonyms and matched terms, in Dutch and English.

use std::process::Command;

use cjg_tests::{cjg_binary, example_root, BuiltSite};

fn explain(site: &BuiltSite, question: &str, lang: &str) -> String {
    let out = Command::new(cjg_binary())
        .arg("--root")
        .arg(example_root())
        .args(["--lang", lang, "ask", "--explain", "--output"])
        .arg(site.public())
        .arg(question)
        .output()
        .expect("cjg runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

const QUESTION: &str = "mn zoontje heeft luizen, ze sluiten hem op en zakgelt bij een echtscheiding";

#[test]
fn explains_each_word_and_each_answer_in_dutch() {
    let site = BuiltSite::build(example_root());
    let text = explain(&site, QUESTION, "nl");
    for expected in [
        "mijn — stopwoord",
        "luizen → lemma luis",
        "scheidbaar werkwoord opsluiten",
        "zakgelt → verbeterd tot zakgeld",
        "samenstelling van zak + geld",
        "echtscheiding → ",
        "samenstelling van scheiding (en echt, dat de site niet kent)",
        "ook gezocht als",
        "De vraag klinkt als van: ouders",
        "1. ",
        "scoort op: ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn explains_in_english_too() {
    let site = BuiltSite::build(example_root());
    let text = explain(&site, QUESTION, "en");
    for expected in [
        "stop word",
        "separable verb opsluiten",
        "corrected to zakgeld",
        "compound of scheiding",
        "also searched as",
        "scores on: ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

/// `cjg ask -` answers every line of standard input; a reader that stops after the first line
/// (`| head -1`) ends the output quietly instead of making `cjg` panic on the closed pipe.
#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::Stdio;

    let site = BuiltSite::build(example_root());
    let mut child = Command::new(cjg_binary())
        .arg("--root")
        .arg(example_root())
        .args(["ask", "--output"])
        .arg(site.public())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cjg runs");
    // More answers than a pipe holds, so cjg is still writing when the reader goes.
    let questions = "mijn kind heeft driftbuien\n".repeat(2_000);
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(questions.as_bytes());
    });
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut first).expect("a first line");
    assert!(first.contains("Driftbuien"), "{first}");
    let out = child.wait_with_output().expect("cjg ends");
    writer.join().expect("questions written");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !stderr.contains("panicked"), "{:?}\n{stderr}", out.status);
}
