//! The counting commands speak the editors' language: Dutch by default, English with
//! `--lang en` (or an English `LANG`), like the other commands. Here with the failures anyone
//! meets first: a counts database that is not there, and a doelgroep that is not one.

use std::process::{Command, Output};

use cjg_tests::cjg_binary;

/// `cjg ARGS…` in an environment without a language, so that only `--lang` decides.
fn cjg(args: &[&str]) -> Output {
    Command::new(cjg_binary())
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("cjg runs")
}

#[test]
fn cjg_plan_says_what_is_wrong_in_dutch_and_with_lang_en_in_english() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("nergens.db");
    let db = db.to_str().expect("UTF-8 path");
    let nl = cjg(&["plan", "--db", db]);
    let nl = String::from_utf8_lossy(&nl.stderr);
    assert!(nl.contains("Registratie:") && nl.contains("deze database met tellingen bestaat niet"), "{nl}");
    let en = cjg(&["--lang", "en", "plan", "--db", db]);
    let en = String::from_utf8_lossy(&en.stderr);
    assert!(en.contains("Registration:") && en.contains("no such counts database"), "{en}");
}

#[test]
fn cjg_registreer_names_the_valid_doelgroepen_and_takes_professionals() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = dir.path().join("tellingen.db");
    let db = db.to_str().expect("UTF-8 path");
    let fout = cjg(&["registreer", "--db", db, "--kanaal", "telefoon", "--doelgroep", "opa", "--thema", "gedrag"]);
    assert!(!fout.status.success());
    let fout = String::from_utf8_lossy(&fout.stderr);
    assert!(fout.contains("kies ouders, jongeren, professionals of onbekend"), "{fout}");
    let site = dir.path().join("public");
    std::fs::create_dir_all(site.join("registratie")).expect("site folder");
    std::fs::write(site.join("registratie/vocabulaire.json"), r#"{"termen": [], "paginas": [], "themas": ["gedrag"]}"#)
        .expect("vocabulary");
    let site = site.to_str().expect("UTF-8 path");
    let args =
        ["registreer", "--db", db, "--site", site, "--kanaal", "chat", "--doelgroep", "professionals", "--thema", "gedrag"];
    let ok = cjg(&args);
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stderr).contains("1 vraag geregistreerd op"));
    let en = cjg(&[&["--lang", "en"], &args[..]].concat());
    assert!(String::from_utf8_lossy(&en.stderr).contains("registered 1 question(s) on"));
}
