//! The site without network (issue 14), in Debian's headless chromium. After a visit to the home
//! page and an answer page, the service worker `cjg build` writes (`sw.js`) serves both pages and
//! the question box when the server is gone: the answers appear. Its cache (the one exception to
//! "nothing stored", checked through the Cache Storage API) holds only site files, never what the
//! visitor typed. With Save-Data it fetches nothing ahead. A new build gets a new version.

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use cjg_tests::{copy_dir, example_root, privacy_problems, Browser, BuiltSite, Server};
use fantoccini::Locator;
use serde::Deserialize;
use serde_json::{json, Value};

/// The home page and an answer page (a normal content page).
const PAGES: [&str; 2] = ["/", "/ouders/gedrag/driftbuien/"];

const INPUT: &str = "cjg-vraag input[type=search]";

/// A question in a visitor's own words, with a name that no file of the site contains.
const QUESTION: &str = "Quirijn krijgt elke avond driftbuien";

/// The answer links the box shows, whether it is still loading, and whether it gave up.
const READ: &str = "const w = document.querySelector('cjg-vraag');
    const status = w.querySelector('.cjg-vraag-status');
    return { laden: !!status && status.textContent.includes('laden'),
             kapot: !!status && status.textContent.includes('doet het nu niet'),
             urls: [...w.querySelectorAll('a.cjg-vraag-titel')].map(a => a.getAttribute('href')) };";

/// What the service worker must keep of the page: the page itself, the CSS it uses and, unless
/// `engine` is false, the box's files (the `data-` URLs of `<cjg-vraag>`).
const WANTED: &str = "const engine = arguments[0];
    const box = document.querySelector('cjg-vraag');
    const css = [...document.querySelectorAll('link[rel=stylesheet]')].map((link) => link.href);
    return [location.href.split('#')[0], ...css]
      .concat(engine ? [box.dataset.glue, box.dataset.wasm, box.dataset.index] : [])
      .map((url) => new URL(url, location.href).href);";

/// Every cached request of every cache, with the lower-cased `words` its URL or body contains.
const READ_CACHES: &str = "const [words, done] = arguments;
    (async () => {
      const entries = [];
      const names = await caches.keys();
      for (const name of names) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          const body = new TextDecoder().decode(await response.arrayBuffer()).toLowerCase();
          const url = decodeURIComponent(request.url).toLowerCase();
          const contains = words.filter((word) => url.includes(word) || body.includes(word));
          entries.push({ url: request.url, method: request.method, contains });
        }
      }
      done({ origin: location.origin, caches: names, entries });
    })().catch((error) => done({ error: String(error) }));";

/// One cached request, as [`READ_CACHES`] gives it.
#[derive(Debug, Deserialize)]
struct Entry {
    url: String,
    method: String,
    contains: Vec<String>,
}

/// What [`READ_CACHES`] found.
#[derive(Debug, Deserialize)]
struct Caches {
    origin: String,
    caches: Vec<String>,
    entries: Vec<Entry>,
}

/// The URL path of every file below `public` (`/assets/…`, and `/a/` for `a/index.html`).
fn site_paths(public: &Path) -> BTreeSet<String> {
    let mut paths = BTreeSet::new();
    for entry in walkdir::WalkDir::new(public) {
        let entry = entry.expect("readable output");
        if entry.file_type().is_file() {
            let path = format!("/{}", entry.path().strip_prefix(public).expect("below public").to_string_lossy());
            if let Some(folder) = path.strip_suffix("index.html") {
                paths.insert(folder.to_string());
            }
            paths.insert(path);
        }
    }
    paths
}

/// The words of `question`, lower-cased, that no file below `public` contains: what could only
/// come from the visitor. The whole question counts as one more.
fn typed_only(question: &str, public: &Path) -> Vec<String> {
    let files: Vec<String> = walkdir::WalkDir::new(public)
        .into_iter()
        .map(|entry| entry.expect("readable output"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| String::from_utf8_lossy(&std::fs::read(entry.path()).expect("readable file")).to_lowercase())
        .collect();
    let question = question.to_lowercase();
    let mut words: Vec<String> =
        question.split_whitespace().filter(|word| !files.iter().any(|file| file.contains(word))).map(str::to_string).collect();
    words.push(question);
    words
}

/// Waits until the service worker keeps the page's [`WANTED`] files and returns what its cache
/// holds; panics when the cache stays incomplete.
async fn wait_for_cache(browser: &Browser, path: &str, engine: bool) -> Value {
    let wanted = browser.client().execute(WANTED, vec![json!(engine)]).await.expect("read the page's files");
    let wanted: Vec<String> = serde_json::from_value(wanted).expect("a list of URLs");
    let result = browser.wait_until_cached(&wanted).await;
    assert_eq!(result["ok"], true, "{path}: the service worker did not keep what it should: {result}");
    result
}

/// Focuses the box, asks `QUESTION` until the answers show, and returns their links.
async fn answers(browser: &Browser, path: &str) -> Vec<String> {
    browser.client().find(Locator::Css(INPUT)).await.expect("the question box").click().await.expect("focus");
    let started = Instant::now();
    loop {
        let shown = browser.ask(INPUT, QUESTION, READ).await;
        let urls: Vec<String> = serde_json::from_value(shown["urls"].clone()).unwrap_or_default();
        if !urls.is_empty() {
            return urls;
        }
        assert!(shown["kapot"] != true, "{path}: the question box does not work: {shown}");
        assert!(started.elapsed() < Duration::from_secs(30), "{path}: no answers: {shown}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn pages_and_answers_work_offline_and_the_cache_holds_no_question() {
    let server = Server::start(example_root());
    let urls = PAGES.map(|path| server.url(path));
    let (files, typed) = (site_paths(&server.public()), typed_only(QUESTION, &server.public()));
    assert!(typed.len() > 1, "the question needs a word of its own, not on the site: {typed:?}");
    let browser = Browser::start().await;

    for (path, url) in PAGES.iter().zip(&urls) {
        browser.open(url).await;
        wait_for_cache(&browser, path, true).await;
    }

    // Offline for real: the server is gone, and this page's own requests fail.
    drop(server);
    let network = browser
        .client()
        .execute_async("fetch('/?netwerk').then(() => arguments[0]('online'), () => arguments[0]('offline'));", vec![])
        .await
        .expect("try the network");
    assert_eq!(network, "offline", "the server still answers");

    let mut problems = Vec::new();
    for (path, url) in PAGES.iter().zip(&urls) {
        browser.open(url).await;
        let shown = browser.client().execute("return [location.href, !!document.querySelector('main h1')];", vec![]).await;
        if shown.as_ref().ok() != Some(&json!([url, true])) {
            problems.push(format!("{path}: the page does not show offline: {shown:?}"));
            continue;
        }
        let found = answers(&browser, path).await;
        eprintln!("{path} offline: {QUESTION:?} → {found:?}");

        problems.extend(privacy_problems(browser.client(), path).await);
    }

    let result = browser.client().execute_async(READ_CACHES, vec![json!(typed)]).await.expect("read Cache Storage");
    let kept: Caches = serde_json::from_value(result.clone()).unwrap_or_else(|_| panic!("cannot read the caches: {result}"));
    eprintln!("{} requests kept in {:?}", kept.entries.len(), kept.caches);
    if kept.caches.len() != 1 {
        problems.push(format!("one cache per build, found {:?}", kept.caches));
    }
    for entry in &kept.entries {
        let path = entry.url.strip_prefix(&kept.origin).unwrap_or(&entry.url);
        if entry.method != "GET" || !path.starts_with('/') || entry.url.contains('?') || !files.contains(path) {
            problems.push(format!("kept something that is no file of the site: {} {}", entry.method, entry.url));
        }
        if !entry.contains.is_empty() {
            problems.push(format!("{} holds what the visitor typed: {:?}", entry.url, entry.contains));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[tokio::test(flavor = "current_thread")]
async fn save_data_keeps_only_what_was_used() {
    let server = Server::start(example_root());
    let browser = Browser::start().await;
    browser.devtools("Emulation.setDataSaverOverride", json!({ "dataSaverEnabled": true })).await;
    browser.open(&server.url("/")).await;
    let saved = browser.client().execute("return navigator.connection.saveData;", vec![]).await.expect("read saveData");
    assert_eq!(saved, true, "chromium does not emulate Save-Data");

    // The worker runs and keeps the page; give a fetch ahead time to show, had there been one.
    wait_for_cache(&browser, "/", false).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let kept = wait_for_cache(&browser, "/", false).await;
    let engine = |urls: &Value| urls.as_array().into_iter().flatten().any(|u| u.as_str().is_some_and(|u| u.contains(".wasm")));
    assert!(!engine(&kept["urls"]), "with Save-Data the engine was fetched ahead: {kept}");

    // What the visitor used is kept.
    answers(&browser, "/").await;
    let kept = wait_for_cache(&browser, "/", true).await;
    assert!(engine(&kept["urls"]), "{kept}");
}

/// The version the service worker of the site built into `public` names (its first line).
fn version(public: &Path) -> String {
    let worker = std::fs::read_to_string(public.join("sw.js")).expect("cjg build writes sw.js");
    let settings = worker.lines().next().and_then(|line| line.strip_prefix("const INSTELLINGEN = ")).expect("settings first");
    let settings: Value = serde_json::from_str(settings.trim_end_matches(';')).expect("JSON settings");
    settings["versie"].as_str().expect("a version").to_string()
}

#[test]
fn a_changed_page_gives_a_new_service_worker_version() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for part in ["content", "templates"] {
        copy_dir(&example_root().join(part), &dir.path().join(part));
    }
    std::fs::copy(example_root().join("site.toml"), dir.path().join("site.toml")).expect("copy site.toml");

    let first = version(BuiltSite::build(dir.path()).public());
    assert_eq!(first, version(BuiltSite::build(dir.path()).public()), "the same site, the same version");
    let page = dir.path().join("content/over.md");
    let text = std::fs::read_to_string(&page).expect("over.md");
    std::fs::write(&page, format!("{text}\nDeze zin is nieuw.\n")).expect("change over.md");
    assert_ne!(first, version(BuiltSite::build(dir.path()).public()), "one changed page, a new version");
}
