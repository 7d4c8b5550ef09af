//! The directory tantivy reads a loaded bundle's index from: its files in memory, and the
//! postings files that travel in parts ([`crate::postings_parts`]) as sparse files that fill up
//! as parts are added.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, OpenReadError, OpenWriteError};
use tantivy::directory::{Directory, FileHandle, RamDirectory, WatchCallback, WatchHandle, WritePtr};

use crate::postings_parts::SparseFile;

/// See the module documentation.
#[derive(Debug, Clone, Default)]
pub(crate) struct BundleDirectory {
    files: RamDirectory,
    sparse: HashMap<PathBuf, Arc<SparseFile>>,
}

impl BundleDirectory {
    /// Holds `data` as the file `path`.
    pub(crate) fn write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.files.atomic_write(path, data)
    }

    /// Serves `path` from `file`, which fills up as parts are added.
    pub(crate) fn add_sparse(&mut self, path: PathBuf, file: Arc<SparseFile>) {
        self.sparse.insert(path, file);
    }
}

impl Directory for BundleDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        match self.sparse.get(path) {
            Some(file) => Ok(file.clone()),
            None => self.files.get_file_handle(path),
        }
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.files.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        Ok(self.sparse.contains_key(path) || self.files.exists(path)?)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.files.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.files.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.files.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.files.sync_directory()
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.files.watch(watch_callback)
    }
}
