//! The postings in parts, so that on a large site a question loads only the lists it needs.
//!
//! At 10,000 pages the postings (which pages hold which term) are two thirds of the index
//! bundle, and one question needs a few dozen of their thousands of lists. When a segment's
//! postings file is larger than [`PartSizes::BUILD`] allows, the bundle keeps of it only what tantivy reads
//! to open it (its footer and each field's header) and the lists go into parts of a few
//! kilobytes, published beside the bundle (`zoekindex.<hash>.<n>.bin`). A term's lists go into part
//! [`part_of`] its text, so that one word's lists in every field share one part, and the engine
//! knows from a question's terms alone which parts to fetch ([`crate::Engine::parts_needed`]).
//!
//! The bundle's [`SECTION`] names the split files with their lengths, the number of parts and
//! a hash of all parts (so the bundle's own hash, its published name, changes with any part),
//! then the pieces it keeps. A part is pieces only. A piece is `u16 file, u32 offset, u32 length`
//! and its bytes, all little-endian.

use std::collections::BTreeMap;
use std::io;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use tantivy::directory::{FileHandle, OwnedBytes};
use tantivy::HasLen;

use crate::bundle::Reader;
use crate::error::Error;

/// Bundle section describing the split postings files.
pub(crate) const SECTION: &str = "delen";

/// When the postings come in parts, and how large these are.
#[cfg(any(test, feature = "index"))]
#[derive(Debug, Clone, Copy)]
pub(crate) struct PartSizes {
    /// Postings files up to this size travel whole in the bundle.
    pub(crate) whole_up_to: usize,
    /// About this many bytes of postings per part.
    pub(crate) part_bytes: usize,
}

#[cfg(any(test, feature = "index"))]
impl PartSizes {
    /// A build's: the example site's postings (42 kB) stay whole, those of 10,000 pages
    /// (1.5 MB) come in parts of about 6 kB, so a question of ten words fetches about ten.
    pub(crate) const BUILD: PartSizes = PartSizes { whole_up_to: 256 * 1024, part_bytes: 6 * 1024 };
}

/// The part that holds the postings of a term with this text (its bytes in the index), of
/// `parts`: FNV-1a, the same natively and in WASM.
pub(crate) fn part_of(text: &[u8], parts: u32) -> u32 {
    (fnv(text) % u64::from(parts.max(1))) as u32
}

/// FNV-1a over bytes.
fn fnv<'a>(bytes: impl IntoIterator<Item = &'a u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3))
}

/// A postings file of which only some byte ranges are loaded: tantivy reads the lists of a
/// question's terms after [`Parts::add`] loaded their part. A read of a range that is not
/// loaded fails, and the search then gives no answers rather than wrong ones.
#[derive(Debug)]
pub(crate) struct SparseFile {
    len: usize,
    pieces: RwLock<BTreeMap<usize, OwnedBytes>>,
}

impl HasLen for SparseFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for SparseFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        let pieces = self.pieces.read().unwrap_or_else(|e| e.into_inner());
        match pieces.range(..=range.start).next_back() {
            Some((start, bytes)) if range.end <= start + bytes.len() => Ok(bytes.slice(range.start - start..range.end - start)),
            _ => Err(io::Error::other(format!("bytes {range:?} of the postings are not loaded"))),
        }
    }
}

/// The split postings files of a loaded bundle, and which parts are loaded.
#[derive(Debug)]
pub(crate) struct Parts {
    files: Vec<(PathBuf, Arc<SparseFile>)>,
    loaded: RwLock<Vec<bool>>,
}

impl Parts {
    /// Reads the bundle's [`SECTION`].
    pub(crate) fn from_section(bytes: &[u8]) -> Result<Parts, Error> {
        let mut reader = Reader::new(bytes);
        let file_count = reader.u16()?;
        let mut files = Vec::new();
        for _ in 0..file_count {
            let name_len = usize::from(reader.u16()?);
            let name = std::str::from_utf8(reader.take(name_len)?).map_err(|_| bad("a file name is not UTF-8"))?;
            let len = reader.u32()? as usize;
            files.push((PathBuf::from(name), Arc::new(SparseFile { len, pieces: RwLock::default() })));
        }
        let count = reader.u32()?;
        let _parts_hash = reader.take(8)?;
        let parts = Parts { files, loaded: RwLock::new(vec![false; count as usize]) };
        parts.insert(reader)?;
        Ok(parts)
    }

    /// The split files, for the directory that tantivy reads the index from.
    pub(crate) fn files(&self) -> impl Iterator<Item = (&PathBuf, Arc<SparseFile>)> {
        self.files.iter().map(|(path, file)| (path, file.clone()))
    }

    /// How many parts there are.
    pub(crate) fn count(&self) -> u32 {
        self.loaded.read().unwrap_or_else(|e| e.into_inner()).len() as u32
    }

    /// Whether part `number` is loaded.
    pub(crate) fn is_loaded(&self, number: u32) -> bool {
        self.loaded.read().unwrap_or_else(|e| e.into_inner()).get(number as usize).copied().unwrap_or(true)
    }

    /// Loads part `number` (the bytes of `zoekindex.<hash>.<number>.bin`).
    pub(crate) fn add(&self, number: u32, bytes: &[u8]) -> Result<(), Error> {
        if number >= self.count() {
            return Err(bad(&format!("there is no part {number}")));
        }
        self.insert(Reader::new(bytes))?;
        self.loaded.write().unwrap_or_else(|e| e.into_inner())[number as usize] = true;
        Ok(())
    }

    fn insert(&self, mut reader: Reader<'_>) -> Result<(), Error> {
        while !reader.is_at_end() {
            let file = usize::from(reader.u16()?);
            let offset = reader.u32()? as usize;
            let len = reader.u32()? as usize;
            let piece = reader.take(len)?;
            let (_, sparse) = self.files.get(file).ok_or_else(|| bad("a piece names a file the bundle lacks"))?;
            if offset + len > sparse.len {
                return Err(bad("a piece lies outside its file"));
            }
            let mut pieces = sparse.pieces.write().unwrap_or_else(|e| e.into_inner());
            pieces.insert(offset, OwnedBytes::new(piece.to_vec()));
        }
        Ok(())
    }
}

fn bad(what: &str) -> Error {
    Error::Bundle(format!("postings parts: {what}"))
}

#[cfg(any(test, feature = "index"))]
pub(crate) use split::split;

#[cfg(any(test, feature = "index"))]
mod split {
    use super::*;

    use std::sync::Mutex;

    use tantivy::directory::{CompositeFile, Directory, FileSlice};
    use tantivy::schema::FieldType;
    use tantivy::Index;

    /// A bundle's postings in parts: the section the bundle keeps, and the parts.
    #[derive(Debug, Default)]
    pub(crate) struct Split {
        /// The bundle's [`SECTION`].
        pub(crate) section: Vec<u8>,
        /// The parts, numbered from 0.
        pub(crate) parts: Vec<Vec<u8>>,
        /// The index's files that were split, to be left out of the bundle.
        pub(crate) files: Vec<PathBuf>,
    }

    /// Splits the postings files of `index` that are larger than `sizes` allows; `None` when
    /// none is. `stable_name` gives a file's name in the bundle.
    pub(crate) fn split(index: &Index, sizes: PartSizes, stable_name: &dyn Fn(&str) -> String) -> Result<Option<Split>, Error> {
        let searcher = index.reader()?.searcher();
        let mut split_files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
        let mut lists = Vec::new(); // (file, absolute range, the term's text)
        for segment in searcher.segment_readers() {
            let path = PathBuf::from(format!("{}.idx", segment.segment_id().uuid_string()));
            let bytes = index.directory().atomic_read(&path).map_err(tantivy::TantivyError::from)?;
            if bytes.len() <= sizes.whole_up_to {
                continue;
            }
            // The file ends in tantivy's footer (version and checksum), which its readers strip.
            let content_len = index.directory().open_read(&path).map_err(tantivy::TantivyError::from)?.len();
            let file = u16::try_from(split_files.len()).map_err(|_| bad("too many segments"))?;
            let content = OwnedBytes::new(bytes[..content_len].to_vec());
            for (field, entry) in index.schema().fields() {
                if !matches!(entry.field_type(), FieldType::Str(_)) || !entry.is_indexed() {
                    continue;
                }
                let Some(body_start) = field_body_start(&content, field)? else { continue };
                let inverted = segment.inverted_index(field)?;
                let mut stream = inverted.terms().stream().map_err(tantivy::TantivyError::from)?;
                while stream.advance() {
                    let range = stream.value().postings_range.clone();
                    if !range.is_empty() {
                        lists.push((file, body_start + range.start..body_start + range.end, stream.key().to_vec()));
                    }
                }
            }
            split_files.push((path, bytes));
        }
        if split_files.is_empty() {
            return Ok(None);
        }
        let total: usize = lists.iter().map(|(_, r, _)| r.len()).sum();
        let count = u32::try_from(total.div_ceil(sizes.part_bytes).max(1)).map_err(|_| bad("too many parts"))?;
        let mut parts = vec![Vec::new(); count as usize];
        for (file, range, text) in &lists {
            write_piece(&mut parts[part_of(text, count) as usize], *file, range.clone(), &split_files[usize::from(*file)].1);
        }
        let mut section = Vec::new();
        section.extend_from_slice(&(split_files.len() as u16).to_le_bytes());
        for (path, bytes) in &split_files {
            let name = stable_name(&path.display().to_string());
            section.extend_from_slice(&u16::try_from(name.len()).map_err(|_| bad("file name too long"))?.to_le_bytes());
            section.extend_from_slice(name.as_bytes());
            section.extend_from_slice(&u32::try_from(bytes.len()).map_err(|_| bad("file too large"))?.to_le_bytes());
        }
        section.extend_from_slice(&count.to_le_bytes());
        section.extend_from_slice(&fnv(parts.iter().flatten()).to_le_bytes());
        // What is in no list stays in the bundle: each file's footer and its fields' headers.
        for (file, (_, bytes)) in split_files.iter().enumerate() {
            let mut ranges: Vec<&Range<usize>> =
                lists.iter().filter(|(f, _, _)| usize::from(*f) == file).map(|(_, r, _)| r).collect();
            ranges.sort_by_key(|r| r.start);
            let mut at = 0;
            for range in ranges.into_iter().chain([&(bytes.len()..bytes.len())]) {
                if range.start > at {
                    write_piece(&mut section, file as u16, at..range.start, bytes);
                }
                at = at.max(range.end);
            }
        }
        let files = split_files.into_iter().map(|(path, _)| path).collect();
        Ok(Some(Split { section, parts, files }))
    }

    /// Where the lists of `field` start in a postings file: tantivy's composite file holds
    /// each field's section, which begins with the field's token count (8 bytes). Found by
    /// letting tantivy open the section and noting where it reads, rather than by parsing
    /// its footer here.
    fn field_body_start(content: &OwnedBytes, field: tantivy::schema::Field) -> Result<Option<usize>, Error> {
        let recorder = Arc::new(Recorder { bytes: content.clone(), first_read: Default::default() });
        let composite = CompositeFile::open(&FileSlice::new(recorder.clone())).map_err(tantivy::TantivyError::from)?;
        let Some(section) = composite.open_read(field) else { return Ok(None) };
        *recorder.first_read.lock().unwrap_or_else(|e| e.into_inner()) = None;
        section.read_bytes_slice(0..0).map_err(tantivy::TantivyError::from)?;
        let start = recorder.first_read.lock().unwrap_or_else(|e| e.into_inner()).ok_or_else(|| bad("no field section"))?;
        Ok(Some(start + 8))
    }

    /// A file that notes where it is first read.
    #[derive(Debug)]
    struct Recorder {
        bytes: OwnedBytes,
        first_read: Mutex<Option<usize>>,
    }

    impl HasLen for Recorder {
        fn len(&self) -> usize {
            self.bytes.len()
        }
    }

    impl FileHandle for Recorder {
        fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
            self.first_read.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(range.start);
            Ok(self.bytes.slice(range))
        }
    }

    fn write_piece(out: &mut Vec<u8>, file: u16, range: Range<usize>, bytes: &[u8]) {
        out.extend_from_slice(&file.to_le_bytes());
        out.extend_from_slice(&(range.start as u32).to_le_bytes());
        out.extend_from_slice(&(range.len() as u32).to_le_bytes());
        out.extend_from_slice(&bytes[range]);
    }
}
