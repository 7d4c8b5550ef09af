//! The widget's browser files, embedded at compile time (see build.rs) with the `.br` and
//! `.gz` copies made there at the best compression, which a site build could not afford to
//! redo every time.

use cjg_compress::Compressed;
use cjg_site::Asset;

use crate::error::CliError;

/// One embedded widget file with its compressed copies.
struct WidgetFile {
    name: &'static str,
    bytes: &'static [u8],
    gzip: &'static [u8],
    brotli: &'static [u8],
}

/// The widget's files, by the stable names templates use; none when cjg was compiled before
/// `./dev widget` (build.rs warns then).
const FILES: &[WidgetFile] = include!(concat!(env!("OUT_DIR"), "/widget_files.rs"));

/// The widget's files as site assets; templates find them as `assets["cjg-vraag.js"]` etc.
pub fn assets() -> Result<Vec<Asset>, CliError> {
    if FILES.is_empty() {
        return Err(CliError::NoWidget);
    }
    Ok(FILES
        .iter()
        .map(|file| Asset {
            name: file.name.to_string(),
            bytes: file.bytes.to_vec(),
            precompressed: Some(Compressed { gzip: file.gzip.to_vec(), brotli: file.brotli.to_vec() }),
            fetch_ahead: true,
            parts: Vec::new(),
        })
        .collect())
}
