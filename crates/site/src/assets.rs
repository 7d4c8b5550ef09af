//! Asset files (CSS, scripts, the widget, the search index) with a content hash in their
//! name, so browsers may cache them forever, and precompressed `.br`/`.gz` copies beside them.

use std::collections::BTreeMap;
use std::io::Write;

use rayon::prelude::*;

use crate::error::SiteError;
use crate::output::Staging;

/// A file to publish under `/assets/` with a hashed name.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The stable name templates use: `style.css`, `zoekindex.bin`.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// The published URL of each asset, by its stable name; templates see it as `assets`.
pub type AssetUrls = BTreeMap<String, String>;

/// The hashed file name: `style.css` → `style.1a2b3c4d5e6f7a8b.css`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(bytes);
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash:016x}.{ext}"),
        None => format!("{name}.{hash:016x}"),
    }
}

/// Writes the assets with their `.br` and `.gz` copies and returns their URLs.
pub fn write(assets: &[Asset], staging: &Staging) -> Result<AssetUrls, SiteError> {
    assets
        .par_iter()
        .map(|asset| {
            let file = format!("assets/{}", hashed_name(&asset.name, &asset.bytes));
            staging.write(&file, &asset.bytes)?;
            staging.write(&format!("{file}.gz"), &gzip(&asset.bytes))?;
            staging.write(&format!("{file}.br"), &brotli(&asset.bytes))?;
            Ok((asset.name.clone(), format!("/{file}")))
        })
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing into a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_content() {
        let a = hashed_name("style.css", b"a");
        assert!(a.starts_with("style.") && a.ends_with(".css") && a.len() == "style..css".len() + 16, "{a}");
        assert_ne!(a, hashed_name("style.css", b"b"));
    }

    #[test]
    fn compressed_copies_decompress() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new(&dir.path().join("public")).unwrap();
        let body = b"hallo hallo hallo hallo".repeat(50);
        let urls = write(&[Asset { name: "x.js".into(), bytes: body.clone() }], &staging).unwrap();
        let path = staging.path().join(urls["x.js"].trim_start_matches('/'));
        let gz = std::fs::read(path.with_extension("js.gz")).unwrap();
        let mut plain = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&gz[..]), &mut plain).unwrap();
        assert_eq!(plain, body);
        let br = std::fs::read(path.with_extension("js.br")).unwrap();
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut plain).unwrap();
        assert_eq!(plain, body);
    }
}
