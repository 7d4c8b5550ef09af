//! `cjg serve` for editors: an edit appears in the open browser tab without a manual
//! reload, and a broken edit shows its error over the page while the last good page stays
//! served.

use std::path::Path;
use std::time::{Duration, Instant};

use cjg_tests::{copy_dir, example_root, Browser, Server};

/// How long a rebuild and reload may take before the test gives up (generous: CI is shared).
const PATIENCE: Duration = Duration::from_secs(20);

const PAGE: &str = "content/ouders/gedrag/driftbuien.md";

/// A copy of the example site to edit.
fn site_copy() -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("cjg-live-").tempdir().expect("temporary folder");
    for part in ["content", "templates"] {
        copy_dir(&example_root().join(part), &dir.path().join(part));
    }
    std::fs::copy(example_root().join("site.toml"), dir.path().join("site.toml")).expect("copy site.toml");
    dir
}

fn edit(root: &Path, from: &str, to: &str) {
    let path = root.join(PAGE);
    let text = std::fs::read_to_string(&path).expect("read page");
    assert!(text.contains(from), "{PAGE} no longer contains {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write page");
}

/// Polls `script` (which returns a boolean) in the page until it is true.
async fn wait_for(browser: &Browser, script: &str, what: &str) {
    let started = Instant::now();
    loop {
        let done = browser.client().execute(script, vec![]).await.map(|v| v.as_bool() == Some(true)).unwrap_or(false);
        if done {
            return;
        }
        assert!(started.elapsed() < PATIENCE, "after {PATIENCE:?} still waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn edits_reload_the_page_and_errors_show_over_it() {
    let site = site_copy();
    let server = Server::start(site.path());
    let browser = Browser::start().await;
    let url = server.url("/ouders/gedrag/driftbuien/");
    browser.open(&url).await;
    // Mark this page load: a reload clears the mark, a manual reload never happens here.
    browser.client().execute("window.cjgZelfde = true; return true;", vec![]).await.expect("mark page");

    edit(site.path(), "title = \"Driftbuien\"", "title = \"Driftbuien bij peuters\"");
    wait_for(&browser, "return document.querySelector('h1').textContent === 'Driftbuien bij peuters';", "the new title").await;
    let reloaded = browser.client().execute("return window.cjgZelfde === undefined;", vec![]).await.expect("read mark");
    assert_eq!(reloaded.as_bool(), Some(true), "the page should have reloaded itself");

    edit(site.path(), "title = \"Driftbuien bij peuters\"", "title = \"Driftbuien bij peuters");
    wait_for(
        &browser,
        "const o = document.getElementById('cjg-fout'); return !!o && o.textContent.includes('driftbuien.md:2');",
        "the error overlay naming the file and line",
    )
    .await;

    // The last good page is still what the server sends.
    let html = browser
        .client()
        .execute("return fetch(location.href, {cache: 'no-store'}).then(r => r.text());", vec![])
        .await
        .expect("fetch page");
    assert!(html.as_str().unwrap_or_default().contains("<h1>Driftbuien bij peuters</h1>"), "the last good page must stay served");
}
