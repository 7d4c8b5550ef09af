//! The example site in a real browser: axe-core finds no serious or critical WCAG 2.1 AA
//! violation on the home page, a section, a page and a brochure (and on the home page at a
//! phone's width), and no page stores anything in the browser or fetches anything from
//! outside the site.
//!
//! The question widget is checked too, at a phone's width, with answers and with the
//! urgent-help block shown.
//!
//! One `cjg serve` and one headless chromium serve every page; every problem is collected,
//! by page, before the test fails.

use std::time::{Duration, Instant};

use cjg_tests::{axe_violations, example_root, loaded_urls, off_loopback, storage, Browser, Server, WCAG21_AA};
use fantoccini::Locator;

/// A page to check, by what it stands for in the report.
struct Visit {
    what: &'static str,
    path: String,
    /// The viewport, width × height in CSS pixels; `None` keeps the browser's desktop size.
    viewport: Option<(u32, u32)>,
}

/// An iPhone 12 to 15 in portrait: the smallest screen most visitors use.
const PHONE: (u32, u32) = (390, 844);

/// Finds the first brochure listed on /brochures/, as a visitor would.
async fn first_brochure(browser: &Browser, server: &Server) -> String {
    browser.open(&server.url("/brochures/")).await;
    let script = "const link = [...document.querySelectorAll('main a[href^=\"/brochures/\"]')]
            .map(a => a.getAttribute('href')).find(href => href !== '/brochures/');
        return link || null;";
    let href = browser.client().execute(script, vec![]).await.expect("read /brochures/");
    href.as_str().expect("/brochures/ links to at least one brochure in <main>").to_string()
}

/// Types `vraag` into the widget on the open page, presses Enter and waits until `shows` is there.
async fn ask_in_widget(browser: &Browser, vraag: &str, shows: &str) {
    let input = browser.client().find(Locator::Css("cjg-vraag input[type=search]")).await.expect("the question box");
    input.click().await.expect("focus");
    let started = Instant::now();
    loop {
        input.clear().await.expect("clear");
        input.send_keys(&format!("{vraag}\u{E007}")).await.expect("type and press Enter");
        let script = format!("return !!document.querySelector('cjg-vraag {shows}');");
        if browser.client().execute(&script, vec![]).await.ok().and_then(|v| v.as_bool()) == Some(true) {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "the widget shows no {shows} for {vraag:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn pages_are_accessible_and_private() {
    let server = Server::start(example_root());
    let browser = Browser::start().await;

    let visits = vec![
        Visit { what: "home page", path: "/".into(), viewport: None },
        Visit { what: "section", path: "/ouders/gedrag/".into(), viewport: None },
        Visit { what: "page", path: "/ouders/gedrag/driftbuien/".into(), viewport: None },
        Visit { what: "brochure", path: first_brochure(&browser, &server).await, viewport: None },
        Visit { what: "page for professionals", path: "/professionals/meldcode/".into(), viewport: None },
        Visit { what: "help page", path: "/hulp-nodig/".into(), viewport: None },
        Visit { what: "page for young people", path: "/jongeren/wonen/thuis-niet-veilig/".into(), viewport: None },
        // Last: the window stays at phone size from here on.
        Visit { what: "home page on a phone", path: "/".into(), viewport: Some(PHONE) },
    ];

    let mut accessibility = Vec::new();
    let mut privacy = Vec::new();
    for visit in &visits {
        if let Some((width, height)) = visit.viewport {
            browser.set_viewport(width, height).await;
        }
        browser.open(&server.url(&visit.path)).await;
        let place = format!("{} {}", visit.what, visit.path);

        let (serious, minor): (Vec<_>, Vec<_>) =
            axe_violations(browser.client(), WCAG21_AA).await.into_iter().partition(|v| v.is_serious());
        accessibility.extend(serious.iter().map(|violation| format!("{place}: {violation}")));
        for violation in &minor {
            eprintln!("note, not failing: {place}: {violation}");
        }

        let urls = loaded_urls(browser.client()).await;
        privacy.extend(off_loopback(&urls).into_iter().map(|url| format!("{place}: fetched {url}")));
        let stored = storage(browser.client()).await;
        if !stored.is_empty() {
            privacy.push(format!("{place}: left data in the browser: {stored:?}"));
        }
    }

    // The widget with answers shown, and with the urgent-help block, at phone width.
    for (vraag, shows) in [("mijn kind heeft koorts", "a.cjg-vraag-titel"), ("mijn vader slaat me", ".cjg-vraag-urgent")] {
        let place = format!("home page on a phone, widget answering {vraag:?}");
        ask_in_widget(&browser, vraag, shows).await;
        let serious = axe_violations(browser.client(), WCAG21_AA).await.into_iter().filter(|v| v.is_serious());
        accessibility.extend(serious.map(|violation| format!("{place}: {violation}")));
    }

    let mut report = String::new();
    if !accessibility.is_empty() {
        report += &format!(
            "axe-core found {} serious or critical violation(s) of WCAG 2.1 AA:\n{}\n",
            accessibility.len(),
            accessibility.join("\n")
        );
    }
    if !privacy.is_empty() {
        report += &format!("privacy problems:\n  {}\n", privacy.join("\n  "));
    }
    assert!(report.is_empty(), "{report}");
}
