//! The index bundle: the tantivy index, the vocabulary and the editors' rules in one
//! file, so the browser fetches one thing and cannot combine mismatched parts.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! 8 bytes   magic "CJGVRAAG"
//! u32       format version (FORMAT_VERSION)
//! u32       number of sections
//! then per section:
//!   u16     length of the name, then the name (UTF-8)
//!   u32     length of the data, then the data
//! ```
//!
//! Sections: `woorden` (the vocabulary, `word<TAB>pages` per line, front-coded), the
//! site lexicon's `lemmas`, `scheidbaar` and `nederlands`, `synoniemen.txt`
//! and `signalen.txt` (as the editors wrote them), and one `index/<file>` per file of
//! the tantivy index (`index/meta.json` and the segment files). On a large site a
//! segment's postings file is not among them: `delen` says what of it the bundle keeps,
//! and its lists come in parts beside the bundle (see [`crate::postings_parts`]).

use crate::error::Error;

const MAGIC: &[u8; 8] = b"CJGVRAAG";
/// Raised whenever the layout or the meaning of a section changes.
const FORMAT_VERSION: u32 = 3;

/// Section holding the vocabulary.
pub(crate) const VOCABULARY: &str = "woorden";
/// Section holding the risk classifier (absent when the site has no examples).
pub(crate) const RISK_MODEL: &str = "risicomodel";
/// Prefix of the sections holding tantivy's files.
pub(crate) const INDEX_PREFIX: &str = "index/";

#[cfg(any(test, feature = "index"))]
/// Writes named sections into one byte string.
pub(crate) fn write(sections: &[(String, Vec<u8>)]) -> Result<Vec<u8>, Error> {
    let too_large = |what: &str| Error::Bundle(format!("{what} too large for the bundle format"));
    let mut out = Vec::with_capacity(sections.iter().map(|(n, d)| n.len() + d.len() + 6).sum::<usize>() + 16);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&u32::try_from(sections.len()).map_err(|_| too_large("section count"))?.to_le_bytes());
    for (name, data) in sections {
        out.extend_from_slice(&u16::try_from(name.len()).map_err(|_| too_large(name))?.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).map_err(|_| too_large(name))?.to_le_bytes());
        out.extend_from_slice(data);
    }
    Ok(out)
}

/// Reads the sections written by [`write`], borrowing from `bytes`.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<(&str, &[u8])>, Error> {
    let mut reader = Reader::new(bytes);
    if reader.take(MAGIC.len())? != MAGIC {
        return Err(Error::Bundle("it does not start with CJGVRAAG".into()));
    }
    let version = reader.u32()?;
    if version != FORMAT_VERSION {
        return Err(Error::Bundle(format!("format version {version}, expected {FORMAT_VERSION}")));
    }
    let count = reader.u32()?;
    let mut sections = Vec::new();
    for _ in 0..count {
        let name_len = usize::from(reader.u16()?);
        let name =
            std::str::from_utf8(reader.take(name_len)?).map_err(|_| Error::Bundle("a section name is not UTF-8".into()))?;
        let data_len = reader.u32()? as usize;
        sections.push((name, reader.take(data_len)?));
    }
    if !reader.is_at_end() {
        return Err(Error::Bundle("bytes after the last section".into()));
    }
    Ok(sections)
}

/// Reads little-endian integers and byte runs off a byte string: the bundle's and the
/// postings parts' ([`crate::postings_parts`]) layouts.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// Reads `bytes` from the start.
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// Whether every byte has been read.
    pub(crate) fn is_at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    /// The next `len` bytes.
    pub(crate) fn take(&mut self, len: usize) -> Result<&'a [u8], Error> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| Error::Bundle("it ends in the middle of a section".into()))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], Error> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }

    /// The next `u16`.
    pub(crate) fn u16(&mut self) -> Result<u16, Error> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    /// The next `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_survive_the_round_trip() {
        let sections = vec![("woorden".to_string(), b"zakgeld\t2\n".to_vec()), ("leeg".to_string(), vec![])];
        let bytes = write(&sections).unwrap();
        let read_back = read(&bytes).unwrap();
        assert_eq!(read_back, [("woorden", &b"zakgeld\t2\n"[..]), ("leeg", &[][..])]);
    }

    #[test]
    fn refuses_other_bytes() {
        assert!(read(b"<html>").is_err());
        let bytes = write(&[("a".to_string(), vec![1, 2, 3])]).unwrap();
        assert!(read(&bytes[..bytes.len() - 1]).is_err());
        let mut other_version = bytes.clone();
        other_version[8] = 9;
        assert!(read(&other_version).unwrap_err().to_string().contains("version 9"));
    }
}
