//! The widget's browser files, embedded at compile time (see build.rs) with the `.br` and
//! `.gz` copies `./dev widget` made at the best compression, which a site build could not
//! afford to redo every time.

use cjg_site::{Asset, Precompressed};

/// One embedded widget file with its compressed copies.
struct WidgetFile {
    name: &'static str,
    bytes: &'static [u8],
    gzip: &'static [u8],
    brotli: &'static [u8],
}

macro_rules! widget_file {
    ($name:literal, $path:literal) => {
        WidgetFile {
            name: $name,
            bytes: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/", $path)),
            gzip: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/dist/", $name, ".gz")),
            brotli: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/dist/", $name, ".br")),
        }
    };
}

/// The widget's files, by the stable names templates use.
const FILES: [WidgetFile; 4] = [
    widget_file!("cjg_widget.js", "dist/cjg_widget.js"),
    widget_file!("cjg_widget_bg.wasm", "dist/cjg_widget_bg.wasm"),
    widget_file!("cjg-vraag.js", "cjg-vraag.js"),
    widget_file!("cjg-vraag.css", "cjg-vraag.css"),
];

/// The widget's files as site assets; templates find them as `assets["cjg-vraag.js"]` etc.
pub fn assets() -> Vec<Asset> {
    FILES
        .iter()
        .map(|file| Asset {
            name: file.name.to_string(),
            bytes: file.bytes.to_vec(),
            precompressed: Some(Precompressed { gzip: file.gzip.to_vec(), brotli: file.brotli.to_vec() }),
        })
        .collect()
}
