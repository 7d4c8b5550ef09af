//! `cjg serve`: builds the site and serves the output folder on 127.0.0.1, with the
//! precompressed `.br`/`.gz` files and long caching for hashed assets.

use std::path::Path;

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use crate::build;
use crate::error::CliError;

/// Builds, then serves `output` on `127.0.0.1:port` until interrupted.
pub fn run(root: &Path, output: &Path, port: u16) -> Result<(), CliError> {
    build::run(root, output, false)?;
    let public = root.join(output);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(CliError::Serve)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.map_err(CliError::Serve)?;
        eprintln!("serving http://127.0.0.1:{port}/ (stop with Ctrl+C)");
        axum::serve(listener, router(&public))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(CliError::Serve)
    })
}

/// Serves the files of `public`, the 404 page for anything else.
pub fn router(public: &Path) -> Router {
    // not_found_service answers with the 404 page and status 404.
    let files = ServeDir::new(public)
        .precompressed_br()
        .precompressed_gzip()
        .not_found_service(ServeFile::new(public.join("404.html")));
    Router::new()
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
}
