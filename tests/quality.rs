//! Answer quality of the question engine on the shared question set, through `cjg ask
//! --json` exactly as editors see it: MRR@5 at least 0.85 and recall@3 at least 0.95;
//! every risk question urgent, at most one false alarm.

use std::path::Path;
use std::process::Command;

use cjg_tests::{cjg_binary, example_root, risico, vragen, BuiltSite};
use serde_json::Value;

fn ask(public: &Path, vraag: &str) -> Value {
    let out = Command::new(cjg_binary())
        .arg("--root")
        .arg(example_root())
        .args(["ask", "--json", "--output"])
        .arg(public)
        .arg(vraag)
        .output()
        .expect("cjg runs");
    assert!(out.status.success(), "cjg ask {vraag:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("cjg ask --json prints JSON")
}

fn urls(answer: &Value) -> Vec<String> {
    answer["answers"].as_array().into_iter().flatten().filter_map(|a| a["url"].as_str().map(str::to_string)).collect()
}

#[test]
fn question_set_mrr_and_recall() {
    let site = BuiltSite::build(example_root());
    let questions = vragen();
    let mut reciprocal = 0.0;
    let mut in_top_3 = 0;
    let mut misses = Vec::new();
    for q in &questions {
        let found = urls(&ask(site.public(), &q.vraag));
        let rank = found.iter().take(5).position(|u| *u == q.url);
        reciprocal += rank.map_or(0.0, |r| 1.0 / (r as f64 + 1.0));
        if rank.is_some_and(|r| r < 3) {
            in_top_3 += 1;
        }
        if rank != Some(0) {
            misses.push(format!("  {:?}: expected {} at rank {:?}, got {:?}", q.vraag, q.url, rank.map(|r| r + 1), found));
        }
    }
    let n = questions.len() as f64;
    let mrr = reciprocal / n;
    let recall = f64::from(in_top_3) / n;
    eprintln!("vragen.tsv: {} questions, MRR@5 {mrr:.3}, recall@3 {recall:.3}", questions.len());
    for miss in &misses {
        eprintln!("{miss}");
    }
    assert!(questions.len() >= 40, "the question set has {} questions", questions.len());
    assert!(mrr >= 0.85 && recall >= 0.95, "MRR@5 {mrr:.3} (≥ 0.85), recall@3 {recall:.3} (≥ 0.95)\n{}", misses.join("\n"));
}

#[test]
fn risk_set_every_signal_caught_at_most_one_false_alarm() {
    let site = BuiltSite::build(example_root());
    let mut missed = Vec::new();
    let mut false_alarms = Vec::new();
    for r in risico() {
        let urgent = ask(site.public(), &r.vraag)["urgent"].as_bool() == Some(true);
        match (r.urgent, urgent) {
            (true, false) => missed.push(r.vraag),
            (false, true) => false_alarms.push(r.vraag),
            _ => {}
        }
    }
    eprintln!("risico.tsv: {} missed, {} false alarms {false_alarms:?}", missed.len(), false_alarms.len());
    assert!(missed.is_empty(), "risk questions without the urgent block: {missed:?}");
    assert!(false_alarms.len() <= 1, "false alarms: {false_alarms:?}");
}
