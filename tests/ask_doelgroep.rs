//! `cjg ask --doelgroep` takes exactly the doelgroepen of the front matter: a typo is refused
//! with the valid words, instead of silently answering with the pages for everyone.

use std::process::Command;

use cjg_tests::{ask_json, cjg_binary, example_root, BuiltSite};

#[test]
fn a_word_that_is_no_doelgroep_is_refused_with_the_valid_ones() {
    let site = BuiltSite::build(example_root());
    let out = Command::new(cjg_binary())
        .arg("--root")
        .arg(example_root())
        .args(["ask", "--json", "--doelgroep", "ouder", "--output"])
        .arg(site.public())
        .arg("zakgeld")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("cjg runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "no answer is printed");
    assert!(stderr.contains(r#"onbekende doelgroep "ouder": kies "ouders", "jongeren" of "professionals""#), "{stderr}");
}

#[test]
fn a_doelgroep_keeps_the_answers_to_its_pages_and_pages_for_everyone() {
    let site = BuiltSite::build(example_root());
    for (doelgroep, other) in [("jongeren", "/ouders/"), ("ouders", "/jongeren/")] {
        let answer = ask_json(site.public(), &["zakgeld en geld"], Some(doelgroep)).remove(0);
        let urls: Vec<&str> = answer["answers"].as_array().unwrap().iter().filter_map(|a| a["url"].as_str()).collect();
        assert!(!urls.is_empty(), "{doelgroep}: some answer");
        assert!(urls.iter().all(|u| !u.starts_with(other)), "{doelgroep}: {urls:?}");
    }
}
