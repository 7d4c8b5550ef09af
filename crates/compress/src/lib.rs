//! The gzip and brotli copies beside every published file, so a web server can send them
//! as they are. One code for the site build (`cjg-site`'s assets) and for the widget's files,
//! which the `cjg` binary's build script compresses once at the best setting.

use std::io::Write;

/// How hard to compress: a trade of time against bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// For previews that rebuild on every edit: quick rather than small.
    Fast,
    /// Small, at a cost of about a second per megabyte.
    Good,
    /// Brotli's quality 10: nearly the smallest, at under a second per megabyte.
    Smaller,
    /// The smallest brotli can make; seconds per megabyte, for files that rarely change.
    Best,
}

/// A gzip and a brotli copy of the same bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compressed {
    /// The gzip copy.
    pub gzip: Vec<u8>,
    /// The brotli copy.
    pub brotli: Vec<u8>,
}

/// Compresses `bytes` both ways at `effort`.
pub fn compress(bytes: &[u8], effort: Effort) -> Compressed {
    let (gzip_level, brotli_quality) = match effort {
        Effort::Fast => (1, 1),
        Effort::Good => (9, 9),
        Effort::Smaller => (9, 10),
        Effort::Best => (9, 11),
    };
    Compressed { gzip: gzip(bytes, gzip_level), brotli: brotli(bytes, brotli_quality) }
}

fn gzip(bytes: &[u8], level: u32) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    // Writing into a Vec cannot fail.
    encoder.write_all(bytes).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// Brotli's largest window here (4 MiB) and its smallest.
const LGWIN: std::ops::RangeInclusive<i32> = 10..=22;

/// The smallest window that still reaches back over all of `len` bytes: a larger one makes
/// nothing smaller, but its match finder clears memory for the whole window, which for the
/// small files of a large site (the index's parts) cost more time than compressing them.
fn window_bits(len: usize) -> i32 {
    // brotli reaches back at most 2^lgwin − 16 bytes.
    LGWIN.clone().find(|bits| (1_usize << bits) - 16 >= len).unwrap_or(*LGWIN.end())
}

fn brotli(bytes: &[u8], quality: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: window_bits(bytes.len()), ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("brotli into memory");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_fits_the_file() {
        assert_eq!(window_bits(0), 10);
        assert_eq!(window_bits(1008), 10);
        assert_eq!(window_bits(1009), 11);
        assert_eq!(window_bits(6_000), 13);
        assert_eq!(window_bits(1 << 30), 22);
    }

    #[test]
    fn both_copies_decompress_to_the_bytes_at_every_effort() {
        let body = b"hallo hallo hallo hallo".repeat(50);
        for effort in [Effort::Fast, Effort::Good, Effort::Smaller, Effort::Best] {
            let copies = compress(&body, effort);
            let mut plain = Vec::new();
            std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&copies.gzip[..]), &mut plain).unwrap();
            assert_eq!(plain, body);
            let mut plain = Vec::new();
            brotli::BrotliDecompress(&mut &copies.brotli[..], &mut plain).unwrap();
            assert_eq!(plain, body);
            assert!(copies.brotli.len() < body.len() / 10, "{effort:?}: {}", copies.brotli.len());
        }
    }
}
