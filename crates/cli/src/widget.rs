//! The widget's browser files, embedded at compile time (see build.rs) with the `.br` and
//! `.gz` copies `./dev widget` made at the best compression, which a site build could not
//! afford to redo every time.

use cjg_site::{Asset, Precompressed};

macro_rules! widget_file {
    ($name:literal, $path:literal) => {
        (
            $name,
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/", $path)).as_slice(),
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/dist/", $name, ".gz")).as_slice(),
            include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/dist/", $name, ".br")).as_slice(),
        )
    };
}

/// Stable name, content, gzip and brotli of each widget file.
const FILES: [(&str, &[u8], &[u8], &[u8]); 4] = [
    widget_file!("cjg_widget.js", "dist/cjg_widget.js"),
    widget_file!("cjg_widget_bg.wasm", "dist/cjg_widget_bg.wasm"),
    widget_file!("cjg-vraag.js", "cjg-vraag.js"),
    widget_file!("cjg-vraag.css", "cjg-vraag.css"),
];

/// The widget's files as site assets; templates find them as `assets["cjg-vraag.js"]` etc.
pub fn assets() -> Vec<Asset> {
    FILES
        .iter()
        .map(|(name, bytes, gzip, brotli)| Asset {
            name: (*name).to_string(),
            bytes: bytes.to_vec(),
            precompressed: Some(Precompressed { gzip: gzip.to_vec(), brotli: brotli.to_vec() }),
        })
        .collect()
}
