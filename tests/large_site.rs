//! On a large site the index's postings come in parts beside the bundle: the widget in
//! Debian's chromium fetches only the parts a question needs, and answers exactly as
//! `cjg ask` (which loads every part) does. The service worker keeps the parts that were
//! used, so those questions are answered offline too.

use std::path::Path;
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::Value;

use cjg_tests::{ask_json, enlarged_example, loaded_urls, risico, vragen, Browser, BuiltSite, Server};

const INPUT: &str = "cjg-vraag input[type=search]";

const READ: &str = "const w = document.querySelector('cjg-vraag');
    const status = w.querySelector('.cjg-vraag-status');
    return { urgent: !!w.querySelector('.cjg-vraag-urgent'),
             laden: !!status && status.textContent.includes('laden'),
             kapot: !!status && status.textContent.includes('doet het nu niet'),
             urls: [...w.querySelectorAll('a.cjg-vraag-titel')].map(a => a.getAttribute('href')) };";

/// Each page of the example site 29 more times: 2,700 pages, whose postings (about 500 kB)
/// are well above what travels whole in the bundle.
const COPIES: usize = 29;

/// The parts (`zoekindex.<hash>.<n>.bin`) among `urls`.
fn parts(urls: &[String]) -> Vec<&str> {
    urls.iter()
        .map(String::as_str)
        .filter(|u| u.rsplit('/').next().is_some_and(|name| name.starts_with("zoekindex.") && name.split('.').count() == 4))
        .collect()
}

/// Types `vraag`, presses Enter and waits until the answers are in (parts may be on their way).
async fn ask(browser: &Browser, vraag: &str) -> Value {
    let started = Instant::now();
    let mut state = browser.ask(INPUT, vraag, READ).await;
    while state["laden"].as_bool().unwrap_or(true) {
        assert!(started.elapsed() < Duration::from_secs(30), "no answer to {vraag:?}: {state}");
        tokio::time::sleep(Duration::from_millis(100)).await;
        state = browser.client().execute(READ, vec![]).await.expect("read the widget");
    }
    state
}

fn part_files(public: &Path) -> usize {
    std::fs::read_dir(public.join("assets"))
        .expect("assets")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with("zoekindex.") && n.ends_with(".bin")))
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.split('.').count() == 4))
        .count()
}

#[tokio::test(flavor = "current_thread")]
async fn a_large_site_loads_only_the_parts_a_question_needs() {
    let root = enlarged_example(COPIES);
    let site = BuiltSite::build(root.path());
    let published = part_files(site.public());
    assert!(published > 20, "a site of 2,700 pages has its postings in parts, found {published}");

    let server = Server::start(root.path());
    let browser = Browser::start().await;
    browser.bypass_service_worker().await;
    browser.open(&server.url("/")).await;
    browser.client().find(Locator::Css(INPUT)).await.expect("the question box").click().await.expect("focus");

    let mut problems = Vec::new();
    let mut loaded = 0;
    for (i, q) in vragen().iter().take(12).enumerate() {
        let shown = ask(&browser, &q.vraag).await;
        let expected: Vec<Value> = ask_json(site.public(), &[&q.vraag], None)[0]["answers"]
            .as_array()
            .map(|a| a.iter().map(|hit| hit["url"].clone()).collect())
            .unwrap_or_default();
        if shown["urls"].as_array() != Some(&expected) {
            problems.push(format!("{:?}: the widget shows {}, cjg ask {expected:?}", q.vraag, shown["urls"]));
        }
        let now = parts(&loaded_urls(browser.client()).await).len();
        eprintln!("{:?}: {} parts so far", q.vraag, now);
        if i == 0 && (now == 0 || now > published / 2) {
            problems.push(format!("the first question loaded {now} of {published} parts"));
        }
        loaded = now;
    }
    eprintln!("twelve questions loaded {loaded} of {published} parts");
    assert!(loaded < published, "twelve questions loaded every part ({loaded})");

    // The risk signals need no part: the urgent block is there at once.
    let urgent = risico().into_iter().find(|r| r.urgent).expect("an urgent sentence");
    let state = browser.ask(INPUT, &urgent.vraag, READ).await;
    if state["urgent"].as_bool() != Some(true) {
        problems.push(format!("{:?}: no urgent-help block straight away: {state}", urgent.vraag));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test(flavor = "current_thread")]
async fn the_parts_a_visitor_used_work_offline() {
    let root = enlarged_example(COPIES);
    let server = Server::start(root.path());
    let browser = Browser::start().await;
    let home = server.url("/");
    browser.open(&home).await;
    // The worker claims the page once it runs; a second load is then its own.
    browser.open(&home).await;
    browser.client().find(Locator::Css(INPUT)).await.expect("the question box").click().await.expect("focus");
    let asked = &vragen()[0].vraag;
    let online = ask(&browser, asked).await;
    assert!(online["urls"].as_array().is_some_and(|u| !u.is_empty()), "no answer online: {online}");
    let used: Vec<String> = parts(&loaded_urls(browser.client()).await).into_iter().map(str::to_string).collect();
    assert!(!used.is_empty(), "the question loaded no part");
    let kept = browser.wait_until_cached(&used).await;
    assert_eq!(kept["ok"], true, "the worker did not keep the parts used: {kept}");

    drop(server);
    browser.open(&home).await;
    browser.client().find(Locator::Css(INPUT)).await.expect("the question box").click().await.expect("focus");
    let mut problems = Vec::new();
    let offline = ask(&browser, asked).await;
    if offline["urls"] != online["urls"] {
        problems.push(format!("{asked:?} offline: {}, online {}", offline["urls"], online["urls"]));
    }
    // A question whose parts were never fetched cannot be answered offline; the box says so,
    // and the urgent-help block still shows, since it needs no part.
    let other =
        vragen().into_iter().map(|q| q.vraag).find(|v| v.contains("zakgeld") || v.contains("pest")).expect("another question");
    let state = ask(&browser, &other).await;
    if state["kapot"] != true && state["urls"].as_array().is_none_or(Vec::is_empty) {
        problems.push(format!("{other:?} offline without its parts: {state}"));
    }
    let urgent = risico().into_iter().find(|r| r.urgent).expect("an urgent sentence");
    let state = browser.ask(INPUT, &urgent.vraag, READ).await;
    if state["urgent"] != true {
        problems.push(format!("{:?} offline: no urgent-help block: {state}", urgent.vraag));
    }
    // … and stays when the parts it needs have failed to come.
    tokio::time::sleep(Duration::from_secs(1)).await;
    let state = browser.client().execute(READ, vec![]).await.expect("read the widget");
    if state["urgent"] != true {
        problems.push(format!("{:?} offline, a second later: {state}", urgent.vraag));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
