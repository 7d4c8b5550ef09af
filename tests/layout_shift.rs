//! No layout shift when the question box starts (issue 14), in Debian's headless chromium at a
//! phone's width.
//!
//! On a slow phone connection the page is painted before the widget's script has arrived;
//! Lighthouse (mobile) measured a cumulative layout shift of 0.16–0.18 there, because the
//! script built the box's form and pushed the page down. This test makes that happen on
//! purpose: the script is blocked while the page loads and paints, then runs. A
//! `PerformanceObserver` collects every layout shift until the box says it has started
//! (`data-klaar`); their sum must stay within the acceptance, and the box keeps its height.

use cjg_tests::{example_root, privacy_problems, Browser, Server};
use serde::Deserialize;
use serde_json::json;

/// The acceptance for Lighthouse's CLS.
const MAX_LAYOUT_SHIFT: f64 = 0.02;

/// An iPhone 12 to 15 in portrait, as in tests/site_a11y.rs.
const PHONE: (u32, u32) = (390, 844);

/// The home page (its box is in the welcome block) and an answer page (its box is above `main`).
const PAGES: [&str; 2] = ["/", "/ouders/gedrag/driftbuien/"];

/// Which requests chromium refuses while the page loads: the widget's script, as a pattern of
/// `Network.setBlockedURLs` (the file name carries a content hash).
const WIDGET_SCRIPT: &str = "*/cjg-vraag.*.js";

/// Runs in the page once it has painted without the widget's script: watches layout shifts,
/// runs the script (under another URL, as chromium remembers the blocked one as failed), waits
/// until every box has `data-klaar` and two frames more, and returns the shifts and heights.
const START_AND_MEASURE: &str = "const done = arguments[arguments.length - 1];
    const shifts = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) shifts.push(entry.value);
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    const boxes = [...document.querySelectorAll('cjg-vraag')];
    const heights = () => boxes.map((box) => box.getBoundingClientRect().height);
    const before = heights();
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const script = document.querySelector('script[src*=\"/cjg-vraag.\"]');
    (async () => {
      await import(`${script.src}?na-het-tekenen`);
      while (!boxes.every((box) => box.hasAttribute('data-klaar'))) await frame();
      await frame();
      await frame();
      for (const entry of observer.takeRecords()) if (!entry.hadRecentInput) shifts.push(entry.value);
      observer.disconnect();
      done({ boxes: boxes.length, shifts, before, after: heights() });
    })().catch((fout) => done({ error: String(fout) }));";

/// What [`START_AND_MEASURE`] found.
#[derive(Debug, Deserialize)]
struct Measured {
    boxes: usize,
    shifts: Vec<f64>,
    before: Vec<f64>,
    after: Vec<f64>,
}

#[tokio::test(flavor = "current_thread")]
async fn the_question_box_starts_without_moving_the_page() {
    let server = Server::start(example_root());
    let browser = Browser::start().await;
    browser.set_viewport(PHONE.0, PHONE.1).await;
    // Blocking the script works on the page's own requests: the service worker's copy would run it.
    browser.bypass_service_worker().await;

    let mut problems = Vec::new();
    for path in PAGES {
        browser.devtools("Network.setBlockedURLs", json!({ "urls": [WIDGET_SCRIPT] })).await;
        browser.open(&server.url(path)).await;
        browser.devtools("Network.setBlockedURLs", json!({ "urls": [] })).await;

        let result = browser.client().execute_async(START_AND_MEASURE, vec![]).await.expect("start the widget");
        let measured: Measured =
            serde_json::from_value(result.clone()).unwrap_or_else(|_| panic!("{path}: the widget did not start: {result}"));
        let sum = measured.shifts.iter().fold(0.0, |sum, shift| sum + shift);
        eprintln!(
            "{path}: layout shift until the widget started: {sum:.4} ({:?}); box heights {:?} → {:?}",
            measured.shifts, measured.before, measured.after
        );
        if measured.boxes == 0 {
            problems.push(format!("{path}: no <cjg-vraag>"));
        }
        if sum > MAX_LAYOUT_SHIFT {
            problems.push(format!("{path}: the page shifted by {sum:.4} when the widget started; at most {MAX_LAYOUT_SHIFT}"));
        }
        if measured.before != measured.after {
            problems.push(format!("{path}: the box's height changed from {:?} to {:?}", measured.before, measured.after));
        }

        problems.extend(privacy_problems(browser.client(), path).await);
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
