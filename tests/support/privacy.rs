//! What a page fetched and what it stored in the browser: the facts behind the site's promise
//! that a visit leaves no trace and reaches no one but the site itself.

use fantoccini::Client;
use serde::Deserialize;

/// The address of the document and of every resource it has fetched so far (scripts,
/// styles, images, fetch and XHR requests), from the Resource Timing API.
pub async fn loaded_urls(client: &Client) -> Vec<String> {
    let script = "return performance.getEntriesByType('navigation')
        .concat(performance.getEntriesByType('resource'))
        .map(entry => entry.name);";
    let urls = client.execute(script, vec![]).await.expect("read performance entries");
    serde_json::from_value(urls).expect("a list of URLs")
}

/// The URLs in `urls` that leave this machine: anything but `http://127.0.0.1` and the
/// `data:` and `blob:` URLs a page makes itself.
pub fn off_loopback(urls: &[String]) -> Vec<&str> {
    urls.iter()
        .map(String::as_str)
        .filter(|url| !(url.starts_with("http://127.0.0.1:") || url.starts_with("http://127.0.0.1/")))
        .filter(|url| !(url.starts_with("data:") || url.starts_with("blob:")))
        .collect()
}

/// What a page left in the browser's storage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Storage {
    /// `document.cookie`.
    pub cookie: String,
    /// The keys in `localStorage`.
    pub local_storage: Vec<String>,
    /// The keys in `sessionStorage`.
    pub session_storage: Vec<String>,
    /// The names of the IndexedDB databases.
    pub indexed_db: Vec<String>,
}

impl Storage {
    /// Whether nothing at all is stored.
    pub fn is_empty(&self) -> bool {
        *self == Storage::default()
    }
}

/// Reads the cookies, Web Storage keys and IndexedDB databases of the page `client` shows.
pub async fn storage(client: &Client) -> Storage {
    let script = "const done = arguments[0];
        indexedDB.databases().then(databases => done({
            cookie: document.cookie,
            local_storage: Object.keys(localStorage),
            session_storage: Object.keys(sessionStorage),
            indexed_db: databases.map(db => db.name),
        }), error => done({ error: String(error) }));";
    let result = client.execute_async(script, vec![]).await.expect("read the page's storage");
    if let Some(error) = result.get("error") {
        panic!("cannot list IndexedDB databases: {error}");
    }
    serde_json::from_value(result).expect("storage has the shape the script gives")
}

/// What the page `client` shows broke of the privacy promise, one line per problem, each
/// starting with `place`: requests that left this machine, and anything in the browser's
/// cookies, Web Storage or IndexedDB.
pub async fn privacy_problems(client: &Client, place: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let urls = loaded_urls(client).await;
    let outside = off_loopback(&urls);
    if !outside.is_empty() {
        problems.push(format!("{place}: requests off loopback: {outside:?}"));
    }
    let stored = storage(client).await;
    if !stored.is_empty() {
        problems.push(format!("{place}: stored in cookies, Web Storage or IndexedDB: {stored:?}"));
    }
    problems
}
