//! Asset files (CSS, scripts, the widget, the search index) with a content hash in their
//! name, so browsers may cache them forever, and precompressed `.br`/`.gz` copies beside them.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use cjg_compress::{compress, Compressed, Effort};
use rayon::prelude::*;

use crate::error::SiteError;
use crate::output::Staging;

/// The folder of the output that holds the assets: `/assets/style.1a2b….css`.
pub const PUBLISHED_FOLDER: &str = "assets";

/// A file to publish under `/assets/` with a hashed name.
#[derive(Debug, Clone)]
pub struct Asset {
    /// The stable name templates use: `style.css`, `zoekindex.bin`.
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
    /// Compressed copies made earlier; `None` compresses during the build.
    pub precompressed: Option<Compressed>,
    /// Whether the service worker fetches it ahead of use (unless the browser asks to save
    /// data), so that the site works offline with what a visitor has not used yet: the widget,
    /// its index and the theme's CSS and scripts. Other assets are kept once a page used them.
    pub fetch_ahead: bool,
}

/// The published URL of each asset, by its stable name; templates see it as `assets`.
pub type AssetUrls = BTreeMap<String, String>;

/// Compressed copies by content hash, so that rebuilds (`cjg serve`) compress only what changed:
/// brotli at its best setting takes a second or more for the widget's WebAssembly.
#[derive(Debug, Default)]
pub struct AssetCache {
    compressed: Mutex<HashMap<u64, Arc<Compressed>>>,
    fast: bool,
}

/// Files up to this size get brotli's best (and slowest) quality.
const BROTLI_BEST_UP_TO: usize = 256 * 1024;
/// Files up to this size get brotli's quality 10: the example site's index bundle (414 kB)
/// comes out 8 % smaller than at 9 for 0.3 s more; at 1.9 MB it would cost 2.5 s.
const BROTLI_SMALLER_UP_TO: usize = 1024 * 1024;

impl AssetCache {
    /// For previews that rebuild on every edit: compresses quickly rather than small.
    pub fn fast() -> AssetCache {
        AssetCache { fast: true, ..AssetCache::default() }
    }

    fn get_or_compress(&self, hash: u64, bytes: &[u8]) -> Arc<Compressed> {
        if let Some(found) = self.compressed.lock().unwrap_or_else(|e| e.into_inner()).get(&hash) {
            return found.clone();
        }
        // Brotli's best quality costs seconds per megabyte; big files get nearly as small at 9.
        let effort = match (self.fast, bytes.len()) {
            (true, _) => Effort::Fast,
            (false, 0..=BROTLI_BEST_UP_TO) => Effort::Best,
            (false, 0..=BROTLI_SMALLER_UP_TO) => Effort::Smaller,
            (false, _) => Effort::Good,
        };
        let made = Arc::new(compress(bytes, effort));
        self.compressed.lock().unwrap_or_else(|e| e.into_inner()).insert(hash, made.clone());
        made
    }
}

/// The hashed file name: `style.css` → `style.1a2b3c4d5e6f7a8b.css`.
fn with_hash(name: &str, hash: u64) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash:016x}.{ext}"),
        None => format!("{name}.{hash:016x}"),
    }
}

/// The content hash and published path (`assets/style.1a2b….css`) of an asset.
fn published(asset: &Asset) -> (u64, String) {
    let hash = xxhash_rust::xxh3::xxh3_64(&asset.bytes);
    (hash, format!("{PUBLISHED_FOLDER}/{}", with_hash(&asset.name, hash)))
}

/// The URLs (from [`urls`]) of the assets the service worker fetches ahead of use ([`Asset::fetch_ahead`]).
pub fn ahead_urls(assets: &[Asset], urls: &AssetUrls) -> Vec<String> {
    assets.iter().filter(|asset| asset.fetch_ahead).filter_map(|asset| urls.get(&asset.name).cloned()).collect()
}

/// The URLs the assets will have: known before they are compressed, so that pages can be
/// rendered while [`write`] compresses.
pub fn urls(assets: &[Asset]) -> AssetUrls {
    assets.iter().map(|asset| (asset.name.clone(), format!("/{}", published(asset).1))).collect()
}

/// Writes the assets with their `.br` and `.gz` copies, at the paths of [`urls`].
pub fn write(assets: &[Asset], staging: &Staging, cache: &AssetCache) -> Result<(), SiteError> {
    assets.par_iter().try_for_each(|asset| {
        let (hash, file) = published(asset);
        let compressed = match &asset.precompressed {
            Some(given) => Arc::new(given.clone()),
            None => cache.get_or_compress(hash, &asset.bytes),
        };
        staging.write(&file, &asset.bytes)?;
        staging.write(&format!("{file}.gz"), &compressed.gzip)?;
        staging.write(&format!("{file}.br"), &compressed.brotli)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_change_with_content() {
        let hashed_name = |name: &str, bytes: &[u8]| with_hash(name, xxhash_rust::xxh3::xxh3_64(bytes));
        let a = hashed_name("style.css", b"a");
        assert!(a.starts_with("style.") && a.ends_with(".css") && a.len() == "style..css".len() + 16, "{a}");
        assert_ne!(a, hashed_name("style.css", b"b"));
    }

    #[test]
    fn compressed_copies_decompress() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::new(&dir.path().join("public")).unwrap();
        let body = b"hallo hallo hallo hallo".repeat(50);
        let asset = Asset { name: "x.js".into(), bytes: body.clone(), precompressed: None, fetch_ahead: false };
        let assets = [asset];
        write(&assets, &staging, &AssetCache::default()).unwrap();
        let path = staging.path().join(urls(&assets)["x.js"].trim_start_matches('/'));
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
