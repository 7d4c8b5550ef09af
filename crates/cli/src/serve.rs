//! `cjg serve`: builds the site, serves it on 127.0.0.1, and rebuilds when content,
//! templates, static files or site.toml change. Open pages reload themselves; a broken
//! edit shows its error in the terminal and over the page, and the last good site stays served.

use std::convert::Infallible;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use cjg_common::Taal;
use cjg_site::{AssetCache, Timings};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::StreamExt;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::build;
use crate::error::CliError;

/// The script every served page gets; it listens for rebuilds.
const LIVE_JS: &str = include_str!("live.js");
const LIVE_TAG: &str = "<script type=\"module\" src=\"/__cjg/live.js\"></script>";
/// Edits closer together than this are one rebuild.
const DEBOUNCE: Duration = Duration::from_millis(50);

/// What the browser is told after a rebuild.
#[derive(Clone, Debug)]
enum Change {
    Rebuilt,
    Failed(String),
}

/// Builds, serves `output` on `127.0.0.1:port` and rebuilds on change until interrupted.
pub fn run(root: &Path, output: &Path, port: u16, taal: Taal) -> Result<(), CliError> {
    let public = root.join(output);
    let cache = Arc::new(AssetCache::fast());
    if let Err(e) = build::build(root, &public, None, &cache, &mut Timings::default()) {
        // Serve what was there before, and say what is wrong.
        eprintln!("{}", e.message(taal));
    }
    let (changes, _) = broadcast::channel::<Change>(16);
    let _watcher = watch(root, &public, cache, changes.clone(), taal)?;

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(CliError::Serve)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.map_err(CliError::Serve)?;
        eprintln!("serving http://127.0.0.1:{port}/ (stop with Ctrl+C)");
        axum::serve(listener, router(&public, changes))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(CliError::Serve)
    })
}

/// Serves the files of `public` (the 404 page for anything else) plus the live-reload endpoints.
fn router(public: &Path, changes: broadcast::Sender<Change>) -> Router {
    // not_found_service answers with the 404 page and status 404.
    let files =
        ServeDir::new(public).precompressed_br().precompressed_gzip().not_found_service(ServeFile::new(public.join("404.html")));
    Router::new()
        .route("/__cjg/live.js", get(|| async { ([(header::CONTENT_TYPE, "text/javascript")], LIVE_JS) }))
        .route(
            "/__cjg/events",
            get(move || {
                let stream = BroadcastStream::new(changes.subscribe()).filter_map(|change| {
                    let event = match change.ok()? {
                        Change::Rebuilt => Event::default().event("herladen").data("ok"),
                        Change::Failed(message) => Event::default().event("fout").data(message),
                    };
                    Some(Ok::<_, Infallible>(event))
                });
                async move { Sse::new(stream).keep_alive(KeepAlive::default()) }
            }),
        )
        .fallback_service(files)
        .layer(middleware::from_fn(inject_live_script))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}

/// Adds the live-reload script before `</body>` of every HTML response.
async fn inject_live_script(request: Request<Body>, next: Next) -> Response {
    let response = next.run(request).await;
    let is_html =
        response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return (parts.status, "").into_response();
    };
    let html = String::from_utf8_lossy(&bytes);
    let injected = match html.rfind("</body>") {
        Some(at) => format!("{}{LIVE_TAG}{}", &html[..at], &html[at..]),
        None => format!("{html}{LIVE_TAG}"),
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(injected))
}

/// Watches the site's sources and rebuilds on change; the watcher stops when dropped.
///
/// Only writes, creations, removals and renames count: the build itself reads every source
/// file, and reads must not start the next build.
fn watch(
    root: &Path,
    public: &Path,
    cache: Arc<AssetCache>,
    changes: broadcast::Sender<Change>,
    taal: Taal,
) -> Result<RecommendedWatcher, CliError> {
    let (edits, edited) = std::sync::mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !matches!(e.kind, EventKind::Access(_) | EventKind::Other)) {
            let _ = edits.send(());
        }
    })
    .map_err(|e| CliError::Serve(std::io::Error::other(e)))?;
    for watched in ["content", "templates", "static", "site.toml"].map(|p| root.join(p)) {
        if watched.exists() {
            let mode = if watched.is_dir() { RecursiveMode::Recursive } else { RecursiveMode::NonRecursive };
            watcher.watch(&watched, mode).map_err(|e| CliError::Serve(std::io::Error::other(e)))?;
        }
    }
    let root = root.to_path_buf();
    let public = public.to_path_buf();
    std::thread::spawn(move || {
        while edited.recv().is_ok() {
            // An editor's save is often several events: wait until it is quiet.
            while edited.recv_timeout(DEBOUNCE).is_ok() {}
            let _ = changes.send(rebuild(&root, &public, &cache, taal));
        }
    });
    Ok(watcher)
}

/// One rebuild after an edit, reported in the terminal.
fn rebuild(root: &Path, public: &Path, cache: &AssetCache, taal: Taal) -> Change {
    let started = Instant::now();
    match build::build(root, public, None, cache, &mut Timings::default()) {
        Ok(site) => {
            let pages = site.entries().len();
            let done = taal.kies(format!("opnieuw gebouwd: {pages} pagina's"), format!("rebuilt {pages} pages"));
            eprintln!("{done} ({} ms)", started.elapsed().as_millis());
            Change::Rebuilt
        }
        Err(e) => {
            let message = e.message(taal);
            eprintln!("{message}");
            Change::Failed(message)
        }
    }
}
