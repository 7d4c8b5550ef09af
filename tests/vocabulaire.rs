//! The vocabulary `cjg build` writes gives every page the theme the site gives it: a page whose
//! front matter names a `thema` other than its folder is counted under that thema (here by the
//! desk, `cjg registreer --pagina`; the widget's questions take the same path), and `cjg plan`
//! shows it there. The site is `fixtures/minimal` with `fixtures/thema-in-front-matter` laid
//! over it: `content/thema/goed-slapen.md` with `thema = "slapen"`.

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use cjg_tests::{cjg_binary, copy_dir, example_root, BuiltSite};
use serde_json::Value;

/// Runs `cjg ARGS…` and returns its standard output; panics with its message when it fails.
fn cjg(args: &[&OsStr]) -> String {
    let out = Command::new(cjg_binary()).args(args).output().expect("cjg runs");
    assert!(out.status.success(), "cjg {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn a_page_is_counted_under_its_front_matter_thema_not_its_folder() {
    let fixtures = example_root().join("tests/fixtures");
    let root = tempfile::tempdir().expect("temporary folder");
    copy_dir(&fixtures.join("minimal"), root.path());
    copy_dir(&fixtures.join("thema-in-front-matter"), root.path());
    let built = BuiltSite::build(root.path());
    let vocabulaire = std::fs::read_to_string(built.public().join("registratie/vocabulaire.json")).expect("vocabulary");
    let vocabulaire: Value = serde_json::from_str(&vocabulaire).expect("vocabulary JSON");
    assert_eq!(vocabulaire["pagina_themas"]["/thema/goed-slapen/"], "slapen", "{vocabulaire}");
    assert_eq!(vocabulaire["pagina_themas"]["/thema/pagina/"], "thema", "{vocabulaire}");

    let db = root.path().join("tellingen.db");
    let os = |s: &'static str| OsStr::new(s);
    cjg(&[
        os("registreer"),
        os("--db"),
        db.as_os_str(),
        os("--site"),
        built.public().as_os_str(),
        os("--kanaal"),
        os("telefoon"),
        os("--doelgroep"),
        os("ouders"),
        os("--pagina"),
        os("/thema/goed-slapen/"),
        os("--aantal"),
        os("12"),
    ]);
    a_week_back(&db);
    let plan: Value = serde_json::from_str(&cjg(&[os("plan"), os("--db"), db.as_os_str(), os("--json")])).expect("plan JSON");
    let ouders = plan["doelgroepen"].as_array().into_iter().flatten().find(|d| d["doelgroep"] == "ouders").expect("ouders");
    let themas: Vec<&str> = ouders["themas"].as_array().into_iter().flatten().filter_map(|t| t["naam"].as_str()).collect();
    assert_eq!(themas, ["slapen"], "{ouders}");
}

/// Moves the counts a week back: a plan holds whole weeks up to last Sunday.
fn a_week_back(db: &Path) {
    let connection = rusqlite::Connection::open(db).expect("open db");
    connection.execute("UPDATE vragen SET dag = date(dag, '-7 days')", []).expect("move a week back");
}
