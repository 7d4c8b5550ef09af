//! Debian's chromium, headless, driven through Debian's chromedriver with fantoccini.
//!
//! One [`Browser`] is meant to serve every page of a test file: starting chromium costs about
//! a second, a page a few milliseconds.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;
use tempfile::TempDir;

use crate::ports::{free_port, wait_until_listening};

/// See [`Browser::wait_until_cached`].
const WAIT_UNTIL_CACHED: &str = "const [wanted, done] = arguments;
    (async () => {
      let urls = [];
      for (let i = 0; i < 200; i++) {
        const names = await caches.keys();
        if (navigator.serviceWorker.controller && names.length === 1) {
          urls = (await (await caches.open(names[0])).keys()).map((request) => request.url);
          if (wanted.every((url) => urls.includes(url))) return done({ ok: true, urls });
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      done({ ok: false, controlled: !!navigator.serviceWorker.controller, caches: await caches.keys(), urls, wanted });
    })().catch((error) => done({ ok: false, error: String(error) }));";

/// Debian's chromium.
const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's chromedriver, which matches its chromium's version.
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Flags chromium needs here. `--no-sandbox`: the tests run as root, where the sandbox refuses
/// to start. The rest keep chromium from reaching out to Google (update checks, sync, QUIC
/// probes): there is no network but loopback, and a test of what a page loads must see only
/// what the page itself asked for.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

/// The window size until a test asks for another: a common laptop screen.
const DESKTOP: (u32, u32) = (1280, 800);

/// How long a page may keep loading resources after its `load` event.
const SETTLE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long no new resource may start before a page counts as settled.
const SETTLE_QUIET: Duration = Duration::from_millis(300);

/// A headless chromium session with its own fresh profile; chromium and chromedriver stop
/// when this is dropped, also when a test panics.
pub struct Browser {
    client: Client,
    driver: Child,
    driver_port: u16,
    session: String,
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a session in headless chromium.
    pub async fn start() -> Browser {
        let profile = tempfile::Builder::new().prefix("cjg-chromium-").tempdir().expect("temporary folder");
        let log = profile.path().join("chromedriver.log");
        let log_file = File::create(&log).expect("create chromedriver.log");
        let driver_port = free_port();
        let mut driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={driver_port}"))
            .stdin(Stdio::null())
            .stdout(log_file.try_clone().expect("share chromedriver.log"))
            .stderr(log_file)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER} ({e}): install Debian's chromium-driver"));
        wait_until_listening(&mut driver, driver_port, "chromedriver", &log);

        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities(&profile.path().join("profile")))
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
            .unwrap_or_else(|e| {
                let _ = driver.kill();
                panic!("chromedriver could not start {CHROMIUM}: {e}\n{}", std::fs::read_to_string(&log).unwrap_or_default())
            });
        let session = client.session_id().await.ok().flatten().expect("a WebDriver session id");
        Browser { client, driver, driver_port, session, _profile: profile }
    }

    /// Types `vraag` into the question box (`input`, a CSS selector) and presses Enter, which
    /// answers at once; returns what the `read` script makes of the widget then.
    pub async fn ask(&self, input: &str, vraag: &str, read: &str) -> serde_json::Value {
        let input = self.client.find(fantoccini::Locator::Css(input)).await.expect("the question box");
        input.clear().await.expect("clear the box");
        input.send_keys(vraag).await.expect("type");
        input.send_keys("\u{E007}").await.expect("press Enter");
        self.client.execute(read, vec![]).await.expect("read the widget")
    }

    /// Sends a Chrome DevTools Protocol command (`Network.setBlockedURLs`, …) through
    /// chromedriver, for what WebDriver itself cannot do; returns the command's result.
    pub async fn devtools(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        let command = Devtools { cmd: cmd.to_string(), params };
        self.client.issue_cmd(command).await.unwrap_or_else(|e| panic!("chromedriver refused {cmd}: {e}"))
    }

    /// Makes the page's requests go to the network, past the site's service worker (which still
    /// installs and fetches ahead): for what a first visit costs and what it does before any
    /// cache, as without the worker.
    pub async fn bypass_service_worker(&self) {
        self.devtools("Network.enable", json!({})).await;
        self.devtools("Network.setBypassServiceWorker", json!({ "bypass": true })).await;
    }

    /// The WebDriver client, for what the helpers here do not cover.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Opens `url` and waits until it has loaded and stopped fetching resources, so what a test
    /// reads next (axe, the resource list) sees the page as a visitor would.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
        let started = Instant::now();
        let mut count = self.resource_count().await;
        let mut quiet_since = Instant::now();
        while started.elapsed() < SETTLE_TIMEOUT && quiet_since.elapsed() < SETTLE_QUIET {
            tokio::time::sleep(Duration::from_millis(50)).await;
            let now = self.resource_count().await;
            if now != count {
                count = now;
                quiet_since = Instant::now();
            }
        }
    }

    /// Resizes the window so the page's viewport is `width` × `height` CSS pixels.
    ///
    /// Panics when chromium cannot make it that size (it keeps a minimum window size).
    pub async fn set_viewport(&self, width: u32, height: u32) {
        self.client.set_window_size(width, height).await.expect("set window size");
        let (inner_width, inner_height) = self.viewport().await;
        // The window may be larger than its viewport by its frame: grow it by the difference.
        if (inner_width, inner_height) != (width, height) {
            let outer_width = 2 * width - inner_width.min(2 * width);
            let outer_height = 2 * height - inner_height.min(2 * height);
            self.client.set_window_size(outer_width, outer_height).await.expect("set window size");
        }
        let actual = self.viewport().await;
        assert_eq!(actual, (width, height), "chromium's viewport is {actual:?}, not {width}×{height}");
    }

    /// The page's `innerWidth` and `innerHeight`.
    async fn viewport(&self) -> (u32, u32) {
        let size = self.client.execute("return [window.innerWidth, window.innerHeight];", vec![]).await.expect("read viewport");
        let size: (u32, u32) = serde_json::from_value(size).expect("two numbers");
        size
    }

    /// Waits (up to 20 s) until the site's service worker controls the page and its one cache
    /// holds every URL in `wanted`. Returns `{ ok, urls }` (what the cache holds), with what it
    /// found instead when it gave up.
    pub async fn wait_until_cached(&self, wanted: &[String]) -> serde_json::Value {
        self.client.execute_async(WAIT_UNTIL_CACHED, vec![json!(wanted)]).await.expect("read the cache")
    }

    /// How many resources the page has started to fetch so far.
    async fn resource_count(&self) -> u64 {
        let count = self.client.execute("return performance.getEntriesByType('resource').length;", vec![]).await;
        count.ok().and_then(|n| n.as_u64()).unwrap_or(0)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // fantoccini ends the session from a task on the test's runtime, which may be gone
        // (a panicking test): end it here, synchronously, so chromedriver closes chromium
        // before it is killed itself.
        delete_session(self.driver_port, &self.session);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A DevTools command as chromedriver takes it (`POST /session/ID/goog/cdp/execute`).
#[derive(Debug)]
struct Devtools {
    cmd: String,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Devtools {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "cmd": self.cmd, "params": self.params }).to_string()))
    }
}

/// The capabilities that start headless chromium with a fresh profile in `profile`.
fn capabilities(profile: &Path) -> Capabilities {
    let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|flag| flag.to_string()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    args.push(format!("--window-size={},{}", DESKTOP.0, DESKTOP.1));
    let capabilities = json!({
        "browserName": "chrome",
        "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
    });
    serde_json::from_value(capabilities).expect("capabilities are a JSON object")
}

/// Sends WebDriver's Delete Session to chromedriver over plain HTTP/1.1 and waits for the
/// start of its answer, which comes once chromium has quit. Failures are ignored: this runs
/// in `Drop`, where the session may already be gone.
fn delete_session(port: u16, session: &str) {
    let Ok(mut stream) = TcpStream::connect((Ipv4Addr::LOCALHOST, port)) else { return };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = format!("DELETE /session/{session} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_ok() {
        // chromedriver keeps the connection open, so read the first bytes, not to the end.
        let _ = stream.read(&mut [0; 64]);
    }
}
