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
    /// Files published beside it and fetched only when needed, numbered from 0:
    /// `assets/zoekindex.<hash>.<n>.bin` beside `assets/zoekindex.<hash>.bin` (see [`part_path`]).
    /// They carry the asset's hash, so its content must cover theirs.
    pub parts: Vec<Vec<u8>>,
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

    /// How hard to compress a file of `len` bytes: brotli's best quality costs seconds per
    /// megabyte, and big files get nearly as small at 9. Parts (`part`) are many small files
    /// of one big whole, so they count as big.
    fn effort(&self, len: usize, part: bool) -> Effort {
        match (self.fast, part, len) {
            (true, _, _) => Effort::Fast,
            (false, true, _) => Effort::Good,
            (false, false, 0..=BROTLI_BEST_UP_TO) => Effort::Best,
            (false, false, 0..=BROTLI_SMALLER_UP_TO) => Effort::Smaller,
            (false, false, _) => Effort::Good,
        }
    }

    fn get_or_compress(&self, hash: u64, bytes: &[u8], effort: Effort) -> Arc<Compressed> {
        if let Some(found) = self.compressed.lock().unwrap_or_else(|e| e.into_inner()).get(&hash) {
            return found.clone();
        }
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

/// The published path of part `number` of the asset published at `file`:
/// `assets/zoekindex.<hash>.bin` → `assets/zoekindex.<hash>.<number>.bin`.
pub fn part_path(file: &str, number: usize) -> String {
    match file.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') => format!("{stem}.{number}.{ext}"),
        _ => format!("{file}.{number}"),
    }
}

/// Writes the assets and their parts with their `.br` and `.gz` copies, at the paths of [`urls`].
pub fn write(assets: &[Asset], staging: &Staging, cache: &AssetCache) -> Result<(), SiteError> {
    let files: Vec<(String, &Asset, Option<&[u8]>)> = assets
        .iter()
        .flat_map(|asset| {
            let file = published(asset).1;
            let parts: Vec<_> =
                asset.parts.iter().enumerate().map(|(n, part)| (part_path(&file, n), asset, Some(&part[..]))).collect();
            std::iter::once((file, asset, None)).chain(parts)
        })
        .collect();
    files.par_iter().try_for_each(|(file, asset, part)| {
        let bytes = part.unwrap_or(&asset.bytes);
        let compressed = match (&asset.precompressed, part) {
            (Some(given), None) => Arc::new(given.clone()),
            _ => cache.get_or_compress(xxhash_rust::xxh3::xxh3_64(bytes), bytes, cache.effort(bytes.len(), part.is_some())),
        };
        staging.write(file, bytes)?;
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
        let asset = Asset { name: "x.js".into(), bytes: body.clone(), precompressed: None, fetch_ahead: false, parts: vec![] };
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
