//! Anonymous registration end to end: the example site with a counter configured, the
//! collector on loopback, questions asked in the widget in headless chromium (one with a
//! first name and a town), one answer opened and one "Nee" on a page. `cjg plan` shows those
//! counts (a week later: plans hold whole weeks only), and the database holds neither the
//! name, nor the town, nor any question as typed. And when a question counts: three read
//! without Enter count three times, one typed letter by letter once, half-typed text never.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cjg_tests::{
    cjg_binary, copy_dir, example_root, free_port, loaded_urls, off_loopback, wait_until_listening, Browser, BuiltSite, Server,
};
use fantoccini::Locator;
use serde_json::Value;

const NAME: &str = "Pieter";
const TOWN: &str = "Zevenhuizen";

/// The questions, as typed. The first names a child and a town.
const QUESTIONS: [&str; 3] = [
    "Mijn zoon Pieter uit Zevenhuizen krijgt steeds driftbuien",
    "hoeveel zakgeld geef ik mijn dochter",
    "ik heb schulden en weet niet wat ik moet doen",
];

/// A copy of the example site whose site.toml points the widget at `endpoint`.
fn site_counting_at(endpoint: &str) -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("cjg-registratie-").tempdir().expect("temporary folder");
    for part in ["content", "templates"] {
        copy_dir(&example_root().join(part), &dir.path().join(part));
    }
    let config = std::fs::read_to_string(example_root().join("site.toml")).expect("read site.toml");
    assert!(config.contains("endpoint = \"\""), "site.toml should have an empty endpoint to replace");
    std::fs::write(dir.path().join("site.toml"), config.replace("endpoint = \"\"", &format!("endpoint = \"{endpoint}\"")))
        .expect("write site.toml");
    dir
}

/// `cjg collect` on `port`, stopped on drop.
struct Collector(Child);

impl Collector {
    fn start(db: &Path, site: &Path, port: u16, origin: &str) -> Collector {
        let log = db.with_extension("log");
        let log_file = std::fs::File::create(&log).expect("collector log");
        let mut child = Command::new(cjg_binary())
            .arg("collect")
            .arg("--db")
            .arg(db)
            .arg("--site")
            .arg(site)
            .args(["--listen", &format!("127.0.0.1:{port}"), "--origin", origin])
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("share log"))
            .stderr(log_file)
            .spawn()
            .expect("start cjg collect");
        wait_until_listening(&mut child, port, "cjg collect", &log);
        Collector(child)
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Presses Enter in the question box: the question on screen counts at once.
async fn press_enter(browser: &Browser) {
    let input = browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("box");
    input.send_keys("\u{E007}").await.expect("Enter");
}

async fn type_question(browser: &Browser, vraag: &str) {
    let input = browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("question box");
    input.clear().await.expect("clear");
    input.send_keys(vraag).await.expect("type");
}

async fn wait_for(browser: &Browser, script: &str, what: &str) {
    let started = Instant::now();
    while browser.client().execute(script, vec![]).await.ok().and_then(|v| v.as_bool()) != Some(true) {
        assert!(started.elapsed() < Duration::from_secs(30), "still waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn choose(browser: &Browser, doelgroep: &str) {
    let css = format!("cjg-vraag input[type=radio][value={doelgroep}]");
    browser.client().find(Locator::Css(&css)).await.expect("doelgroep choice").click().await.expect("choose");
}

/// The sum of `aantal` in a table of the counts database.
fn total(db: &Path, table: &str) -> i64 {
    let connection = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open db");
    connection.query_row(&format!("SELECT COALESCE(SUM(aantal), 0) FROM {table}"), [], |row| row.get(0)).expect("sum")
}

/// Waits until the questions counted reach `expected` (events arrive a moment after the
/// browser sends them), then checks that no more arrive.
async fn wait_for_total(db: &Path, expected: i64, what: &str) {
    let started = Instant::now();
    while total(db, "vragen") < expected {
        assert!(started.elapsed() < Duration::from_secs(15), "{what}: {} counted, waiting for {expected}", total(db, "vragen"));
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert_eq!(total(db, "vragen"), expected, "{what}");
}

/// Moves every count a week back, as if the plan were made a week later (a plan shows whole
/// weeks only, never the one still running).
fn a_week_later(db: &Path) {
    let connection = rusqlite::Connection::open(db).expect("open db");
    for table in ["vragen", "termen", "onbeantwoord", "feedback"] {
        connection.execute(&format!("UPDATE {table} SET dag = date(dag, '-7 days')"), []).expect("move a week back");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn questions_are_counted_without_names_places_or_sentences() {
    let collector_port = free_port();
    let root = site_counting_at(&format!("http://127.0.0.1:{collector_port}"));
    let built = BuiltSite::build(root.path());
    let server = Server::start(root.path());
    let origin = server.url("");
    let db_dir = tempfile::tempdir().expect("temporary folder");
    let db = db_dir.path().join("tellingen.db");
    let collector = Collector::start(&db, built.public(), collector_port, &origin);

    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("box").click().await.expect("focus");
    wait_for(&browser, "return !!document.querySelector('cjg-vraag').vraagbaak;", "the engine").await;

    // Two questions as a parent, each sent with Enter.
    choose(&browser, "ouders").await;
    for vraag in &QUESTIONS[..2] {
        type_question(&browser, vraag).await;
        press_enter(&browser).await;
    }
    // The third as a young person, opening the first answer.
    choose(&browser, "jongeren").await;
    type_question(&browser, QUESTIONS[2]).await;
    wait_for(
        &browser,
        "return !!document.querySelector('a.cjg-vraag-titel[href=\"/jongeren/geld/schulden/\"]');",
        "the answer about schulden",
    )
    .await;
    browser.client().find(Locator::Css("a.cjg-vraag-titel")).await.expect("first answer").click().await.expect("open answer");
    wait_for(&browser, "return location.pathname === '/jongeren/geld/schulden/';", "the schulden page").await;

    // "Nee" on the page.
    wait_for(&browser, "const f = document.querySelector('[data-feedback]'); return !!f && !f.hidden;", "the feedback buttons")
        .await;
    browser
        .client()
        .find(Locator::Css("[data-feedback] button[value=nee]"))
        .await
        .expect("Nee")
        .click()
        .await
        .expect("click Nee");
    wait_for(
        &browser,
        "return document.querySelector('[data-feedback] [role=status]').textContent.startsWith('Bedankt');",
        "the thanks",
    )
    .await;

    let outside: Vec<String> = off_loopback(&loaded_urls(browser.client()).await).into_iter().map(str::to_string).collect();
    assert!(outside.is_empty(), "requests off loopback: {outside:?}");
    drop(browser);

    // Every acknowledged event is committed: the counts are exact.
    assert_eq!(total(&db, "vragen"), 3, "three questions");
    assert_eq!(total(&db, "feedback"), 1, "one answer to 'Heeft dit antwoord je geholpen?'");

    drop(collector);
    a_week_later(&db);
    let plan = Command::new(cjg_binary()).arg("plan").arg("--db").arg(&db).arg("--json").output().expect("cjg plan");
    assert!(plan.status.success(), "{}", String::from_utf8_lossy(&plan.stderr));
    let plan: Value = serde_json::from_slice(&plan.stdout).expect("plan JSON");
    let pages_of = |doelgroep: &str| -> Vec<String> {
        plan["doelgroepen"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|d| d["doelgroep"] == doelgroep)
            .flat_map(|d| d["paginas"].as_array().cloned().unwrap_or_default())
            .filter_map(|p| p["naam"].as_str().map(str::to_string))
            .collect()
    };
    let ouders = pages_of("ouders");
    assert!(ouders.contains(&"/ouders/gedrag/driftbuien/".to_string()), "{plan}");
    assert!(ouders.contains(&"/ouders/opvoeden/zakgeld/".to_string()), "{plan}");
    assert_eq!(pages_of("jongeren"), ["/jongeren/geld/schulden/"], "{plan}");
    let niet_geholpen = &plan["niet_geholpen"][0];
    assert_eq!(niet_geholpen["pagina"], "/jongeren/geld/schulden/", "{plan}");
    assert_eq!(niet_geholpen["nee"], "<5", "small numbers are never shown exactly: {plan}");

    let mut stored = Vec::new();
    for entry in std::fs::read_dir(db_dir.path()).expect("db folder").flatten() {
        if entry.file_name().to_string_lossy().starts_with("tellingen.db") {
            stored.extend(std::fs::read(entry.path()).expect("read db file"));
        }
    }
    let stored = String::from_utf8_lossy(&stored).to_lowercase();
    assert!(stored.contains("driftbuien"), "the known word is counted");
    for forbidden in [NAME, TOWN].iter().copied().chain(QUESTIONS) {
        assert!(!stored.contains(&forbidden.to_lowercase()), "the database contains {forbidden:?}");
    }
}

/// Questions as a visitor reads them, without Enter: type, read the answers, type the next.
const READ: [&str; 3] = ["mijn dochter slaapt slecht", "hoeveel zakgeld geef ik", "ik word gepest op school"];

async fn replace_question(browser: &Browser, vraag: &str) {
    let input = browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("question box");
    // Select all and type over it, as people do (Ctrl+A, then the new question).
    input.send_keys("\u{E009}a\u{E000}").await.expect("select all");
    input.send_keys(vraag).await.expect("type");
}

async fn wait_for_answers(browser: &Browser) {
    wait_for(
        browser,
        "return document.querySelectorAll('cjg-vraag .cjg-vraag-status, cjg-vraag .cjg-vraag-antwoord').length > 0;",
        "answers",
    )
    .await;
}

/// Longer than the widget's pause (2 s): the visitor reads.
const READING: Duration = Duration::from_millis(2600);

#[tokio::test(flavor = "current_thread")]
async fn a_question_counts_once_when_it_was_read_and_half_typed_text_never() {
    let collector_port = free_port();
    let root = site_counting_at(&format!("http://127.0.0.1:{collector_port}"));
    let built = BuiltSite::build(root.path());
    let server = Server::start(root.path());
    let db_dir = tempfile::tempdir().expect("temporary folder");
    let db = db_dir.path().join("tellingen.db");
    let _collector = Collector::start(&db, built.public(), collector_port, &server.url(""));
    let browser = Browser::start().await;
    let focus = || async {
        browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("box").click().await.expect("focus");
        wait_for(&browser, "return !!document.querySelector('cjg-vraag').vraagbaak;", "the engine").await;
    };

    // Three questions, each read for a while, none sent with Enter; then to another page.
    browser.open(&server.url("/")).await;
    focus().await;
    choose(&browser, "ouders").await;
    for vraag in READ {
        replace_question(&browser, vraag).await;
        wait_for_answers(&browser).await;
        tokio::time::sleep(READING).await;
    }
    browser.open(&server.url("/contact/")).await;
    wait_for_total(&db, 3, "three questions read without Enter").await;

    // One question typed letter by letter, slower than the answers appear but never pausing:
    // every beginning ("h", "ho", ...) got answers on screen, and none of them counts.
    browser.open(&server.url("/")).await;
    focus().await;
    let input = browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("box");
    for letter in "hoeveel zakgeld krijgt een kind".chars() {
        input.send_keys(&letter.to_string()).await.expect("type a letter");
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    wait_for_answers(&browser).await;
    tokio::time::sleep(READING).await;
    // Leaving the box counts it.
    browser.client().find(Locator::Css("h1")).await.expect("the heading").click().await.expect("click outside the box");
    wait_for_total(&db, 4, "one question typed letter by letter").await;

    // Half-typed and gone at once: never counted. Then one with Enter, which is.
    browser.open(&server.url("/")).await;
    focus().await;
    replace_question(&browser, "mijn ki").await;
    wait_for_answers(&browser).await;
    browser.open(&server.url("/contact/")).await;
    browser.open(&server.url("/")).await;
    focus().await;
    replace_question(&browser, "mijn kind heeft koorts").await;
    press_enter(&browser).await;
    wait_for_total(&db, 5, "half-typed text is not counted, a question sent with Enter is").await;
    drop(browser);

    let mut stored = Vec::new();
    for entry in std::fs::read_dir(db_dir.path()).expect("db folder").flatten() {
        if entry.file_name().to_string_lossy().starts_with("tellingen.db") {
            stored.extend(std::fs::read(entry.path()).expect("read db file"));
        }
    }
    let stored = String::from_utf8_lossy(&stored).to_lowercase();
    for forbidden in READ.iter().copied().chain(["mijn ki", "hoeveel zakgeld krijgt"]) {
        assert!(!stored.contains(forbidden), "the database contains {forbidden:?}");
    }
}
