//! Building a site with `cjg build` into a temporary folder.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::cjg_binary;

/// The example site: the repository root, with its `site.toml`, `content/` and `templates/`.
pub fn example_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A site built into a temporary folder, removed when this is dropped.
pub struct BuiltSite {
    _dir: TempDir,
    public: PathBuf,
}

impl BuiltSite {
    /// Runs `cjg --root ROOT build --output TMP/public`; panics with cjg's message when it fails.
    pub fn build(root: &Path) -> BuiltSite {
        let dir = tempfile::Builder::new().prefix("cjg-site-").tempdir().expect("temporary folder");
        let public = dir.path().join("public");
        let out = Command::new(cjg_binary())
            .arg("--root")
            .arg(root)
            .arg("build")
            .arg("--output")
            .arg(&public)
            .output()
            .expect("cjg runs");
        assert!(
            out.status.success(),
            "`cjg --root {} build` failed ({}):\n{}",
            root.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        BuiltSite { _dir: dir, public }
    }

    /// The output folder.
    pub fn public(&self) -> &Path {
        &self.public
    }

    /// Every file below the output folder whose name ends in `.extension`, relative to it
    /// and sorted, so failures list pages in a stable order.
    pub fn files_with_extension(&self, extension: &str) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&self.public)
            .into_iter()
            .map(|entry| entry.expect("readable output"))
            .filter(|entry| entry.file_type().is_file())
            .filter(|entry| entry.path().extension().is_some_and(|ext| ext == extension))
            .map(|entry| entry.path().strip_prefix(&self.public).expect("below public").to_path_buf())
            .collect();
        files.sort();
        files
    }
}
