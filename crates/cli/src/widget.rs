//! The widget's browser files, embedded at compile time (see build.rs).

use cjg_site::Asset;

macro_rules! widget_file {
    ($name:literal, $path:literal) => {
        ($name, include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../widget/", $path)).as_slice())
    };
}

/// Stable name and content of each widget file.
const FILES: [(&str, &[u8]); 4] = [
    widget_file!("cjg_widget.js", "dist/cjg_widget.js"),
    widget_file!("cjg_widget_bg.wasm", "dist/cjg_widget_bg.wasm"),
    widget_file!("cjg-vraag.js", "cjg-vraag.js"),
    widget_file!("cjg-vraag.css", "cjg-vraag.css"),
];

/// The widget's files as site assets; templates find them as `assets["cjg-vraag.js"]` etc.
pub fn assets() -> Vec<Asset> {
    FILES.iter().map(|(name, bytes)| Asset { name: (*name).to_string(), bytes: bytes.to_vec() }).collect()
}
