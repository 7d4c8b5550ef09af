//! `cjg build --counts`: the home page orders a doelgroep's themes by what was asked most
//! when there were enough questions, and keeps the front matter order when there were not.

use std::process::Command;

use cjg_tests::{cjg_binary, example_root};
use scraper::{Html, Selector};

#[test]
fn themes_follow_the_counts_when_there_are_enough() {
    let out_dir = tempfile::tempdir().expect("temporary folder");
    let public = out_dir.path().join("public");
    let counts = example_root().join("tests/fixtures/tellingen/plan.json");
    let out = Command::new(cjg_binary())
        .arg("--root")
        .arg(example_root())
        .args(["build", "--counts"])
        .arg(&counts)
        .arg("--output")
        .arg(&public)
        .output()
        .expect("cjg runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let home = Html::parse_document(&std::fs::read_to_string(public.join("index.html")).expect("home page"));
    let themes = Selector::parse("#themas h4 a").expect("selector");
    let order: Vec<String> = home.select(&themes).filter_map(|a| a.value().attr("href").map(str::to_string)).collect();
    assert_eq!(
        order,
        [
            // ouders: 120 questions, so by count: opvoeden 60, gedrag 30, then "<5" and unasked in front matter order.
            "/ouders/opvoeden/",
            "/ouders/gedrag/",
            "/ouders/zwanger-en-baby/",
            "/ouders/ontwikkeling-en-gezondheid/",
            "/ouders/grenzen-stellen/",
            "/ouders/sociaal-emotioneel/",
            // jongeren: only 12 questions, too few to go by: front matter order.
            "/jongeren/wonen/",
            "/jongeren/werk-en-bijbaan/",
            "/jongeren/seksualiteit/",
            "/jongeren/gezondheid/",
            "/jongeren/geld/",
        ]
    );
}
