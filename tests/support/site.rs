//! Building a site with `cjg build` into a temporary folder.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

use crate::cjg_binary;

/// The example site: the repository root, with its `site.toml`, `content/` and `templates/`.
pub fn example_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the example site in a temporary folder with each page written `copies` more
/// times beside itself (`driftbuien-1.md`, …): a large site, for what only large sites do.
pub fn enlarged_example(copies: usize) -> TempDir {
    let dir = tempfile::Builder::new().prefix("cjg-groot-").tempdir().expect("temporary folder");
    for part in ["site.toml", "content", "templates"] {
        let from = example_root().join(part);
        if from.is_dir() {
            crate::copy_dir(&from, &dir.path().join(part));
        } else {
            std::fs::copy(&from, dir.path().join(part)).expect("copy site.toml");
        }
    }
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(dir.path().join("content"))
        .into_iter()
        .map(|entry| entry.expect("readable content").into_path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .filter(|path| path.file_name().is_some_and(|name| name != "_index.md"))
        .collect();
    for page in pages {
        let text = std::fs::read_to_string(&page).expect("a page");
        let front_matter = text.split("+++").nth(1).unwrap_or_default();
        if front_matter.lines().any(|l| l.starts_with("path") || l.starts_with("aliases")) {
            continue; // a page with its own address cannot be copied beside itself
        }
        let stem = page.file_stem().and_then(|s| s.to_str()).expect("a page name").to_string();
        for n in 1..=copies {
            std::fs::write(page.with_file_name(format!("{stem}-{n}.md")), &text).expect("write a copy");
        }
    }
    dir
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
