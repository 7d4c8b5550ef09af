//! The urgent-help block in Debian's headless chromium: the help lines come from
//! `content/hulplijnen.toml`, only the `altijd` lines show until a risk signal fires, and the
//! lines whose kind fired (the answer's `soorten`) come first, in that order, and show.
//!
//! One test drives the real engine with real questions (the order must follow what `cjg ask`
//! says fired); the other gives the widget an answer by hand, to pin the ordering itself.

use std::path::Path;
use std::time::{Duration, Instant};

use cjg_tests::{ask_json, example_root, Browser, BuiltSite, Server};
use fantoccini::Locator;
use serde_json::{json, Value};

const INPUT: &str = "cjg-vraag input[type=search]";

/// The help lines of the urgent block as shown now: id and whether hidden, in DOM order.
const READ: &str = "const blok = document.querySelector('cjg-vraag .cjg-vraag-urgent');
    if (!blok) return null;
    return { alert: blok.querySelector('[role=alert]') !== null,
             lijnen: [...blok.querySelectorAll('li[data-hulplijn]')].map(li => ({ id: li.dataset.hulplijn, soorten: li.dataset.soorten, hidden: li.hidden })) };";

/// The lines shown before anything fired, in file order.
const ALTIJD: [&str; 4] = ["112", "113", "veilig-thuis", "kindertelefoon"];

/// Types `vraag` and presses Enter; returns the urgent block (null without one).
async fn ask(browser: &Browser, vraag: &str) -> Value {
    browser.ask(INPUT, vraag, READ).await
}

/// Opens the home page and waits until the engine answers.
async fn ready(server: &Server) -> Browser {
    let browser = Browser::start().await;
    browser.open(&server.url("/")).await;
    browser.client().find(Locator::Css(INPUT)).await.expect("the question box").click().await.expect("focus");
    let started = Instant::now();
    loop {
        let loaded = browser.client().execute("return !!document.querySelector('cjg-vraag').vraagbaak;", vec![]).await;
        if loaded.ok().and_then(|v| v.as_bool()) == Some(true) {
            return browser;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the widget did not load");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// The ids in order, and the visible ones.
fn ids(block: &Value) -> (Vec<String>, Vec<String>) {
    let lijnen = block["lijnen"].as_array().cloned().unwrap_or_default();
    let id = |l: &Value| l["id"].as_str().unwrap_or_default().to_string();
    let shown = lijnen.iter().filter(|l| l["hidden"] != true).map(id).collect();
    (lijnen.iter().map(id).collect(), shown)
}

/// The order the block must have after `soorten` fired: the lines of the first kind, then of the
/// next, each once; then the rest as the template has them (`file_order`).
fn expected_order(file_order: &[Value], soorten: &[String]) -> Vec<String> {
    let kinds = |l: &Value| l["soorten"].as_str().unwrap_or_default().split('|').map(str::to_string).collect::<Vec<_>>();
    let id = |l: &Value| l["id"].as_str().unwrap_or_default().to_string();
    let mut order: Vec<String> = Vec::new();
    for soort in soorten {
        for lijn in file_order.iter().filter(|l| kinds(l).contains(soort)) {
            if !order.contains(&id(lijn)) {
                order.push(id(lijn));
            }
        }
    }
    let rest: Vec<String> = file_order.iter().map(id).filter(|i| !order.contains(i)).collect();
    order.extend(rest);
    order
}

/// What fired natively, as editors see it with `cjg ask --json`.
fn native_soorten(public: &Path, vraag: &str) -> Vec<String> {
    let answer = ask_json(public, &[vraag], None).remove(0);
    serde_json::from_value(answer["soorten"].clone()).unwrap_or_default()
}

#[tokio::test(flavor = "current_thread")]
async fn real_engine_puts_the_fitting_help_first() {
    let site = BuiltSite::build(example_root());
    let server = Server::start(example_root());
    let browser = ready(&server).await;

    // The template's order, before anything is moved: the file's, `altijd` lines visible.
    let template: Value = browser
        .client()
        .execute(
            "return [...document.querySelector('cjg-vraag template[data-slot=urgent]').content.querySelectorAll('li[data-hulplijn]')]
                .map(li => ({ id: li.dataset.hulplijn, soorten: li.dataset.soorten, hidden: li.hidden }));",
            vec![],
        )
        .await
        .expect("read the template");
    let file_order = template.as_array().cloned().unwrap_or_default();
    let (all, shown) = ids(&json!({ "lijnen": file_order }));
    assert_eq!(shown, ALTIJD, "before any signal only the `altijd` lines show: {all:?}");
    assert!(all.contains(&"centrum-seksueel-geweld".to_string()) && !all.contains(&"luisterlijn".to_string()), "{all:?}");

    let mut problems = Vec::new();
    for (vraag, first) in [
        ("ik ben verkracht door mijn oom", "centrum-seksueel-geweld"),
        ("iemand chanteert me met mijn naaktfoto", "helpwanted"),
        ("ik wil dood", "113"),
        ("mijn vader slaat mij", "veilig-thuis"),
        ("hij heeft een mes en ik bloed", "112"),
    ] {
        let soorten = native_soorten(site.public(), vraag);
        let block = ask(&browser, vraag).await;
        if block.is_null() {
            problems.push(format!("{vraag:?}: no urgent block (cjg ask: {soorten:?})"));
            continue;
        }
        let (order, shown) = ids(&block);
        let expected = expected_order(&file_order, &soorten);
        if order != expected {
            problems.push(format!("{vraag:?} ({soorten:?}): order {order:?}, expected {expected:?}"));
        }
        if order.first().map(String::as_str) != Some(first) {
            problems.push(format!("{vraag:?} ({soorten:?}): {first} should come first, not {:?}", order.first()));
        }
        if !shown.iter().any(|s| s == first) {
            problems.push(format!("{vraag:?}: {first} is still hidden"));
        }
        if block["alert"] != true {
            problems.push(format!("{vraag:?}: the block lost role=alert"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[tokio::test(flavor = "current_thread")]
async fn fired_kinds_order_the_block_and_old_answers_keep_it() {
    let _site = BuiltSite::build(example_root());
    let server = Server::start(example_root());
    let browser = ready(&server).await;
    // An answer as the engine gives it, strongest kind first; then one from a bundle without `soorten`.
    let answers = [
        json!({ "urgent": true, "soorten": ["grooming en sextortion", "acuut gevaar"], "answers": [], "termen": [] }),
        json!({ "urgent": true, "answers": [], "termen": [] }),
    ];
    let stub = "const w = document.querySelector('cjg-vraag'); const antwoorden = arguments[0];
        w.vraagbaak.ask = () => JSON.stringify(antwoorden.shift());";
    browser.client().execute(stub, vec![json!(answers)]).await.expect("stub the engine");

    let (order, shown) = ids(&ask(&browser, "eerste vraag").await);
    assert_eq!(&order[..3], ["helpwanted", "112", "113"], "{order:?}");
    assert_eq!(shown, ["helpwanted", "112", "113", "veilig-thuis", "kindertelefoon"], "{order:?}");

    let (order, shown) = ids(&ask(&browser, "tweede vraag").await);
    assert_eq!(shown, ALTIJD, "without `soorten` the block is as the template has it: {order:?}");
    assert_eq!(&order[..4], ALTIJD, "{order:?}");
}
