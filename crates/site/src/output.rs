//! The output folder, written all at once: a build goes into a fresh folder beside `public/`
//! and replaces it only when everything succeeded, so a failed build leaves the last good site.
//! It remembers a hash of every file it wrote, so the service worker's version can follow them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::SiteError;

/// A folder being filled with a new build.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
    /// The content hash of every file written so far, by its path inside the build.
    written: Mutex<BTreeMap<String, u64>>,
}

impl Staging {
    /// Starts a new build that will replace `output` when committed.
    pub fn new(output: &Path) -> Result<Staging, SiteError> {
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| SiteError::io(&parent, e))?;
        let name = output.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}-nieuw-"))
            .tempdir_in(&parent)
            .map_err(|e| SiteError::io(&parent, e))?;
        Ok(Staging { dir, output: output.to_path_buf(), written: Mutex::default() })
    }

    /// Writes `bytes` to `relative` (with `/` separators) inside the new build.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> Result<(), SiteError> {
        let relative = relative.trim_start_matches('/');
        let path = self.dir.path().join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| SiteError::io(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| SiteError::io(&path, e))?;
        let hash = xxhash_rust::xxh3::xxh3_64(bytes);
        self.written.lock().unwrap_or_else(|e| e.into_inner()).insert(relative.to_string(), hash);
        Ok(())
    }

    /// One hash of the paths and contents of every file written so far: it changes when any
    /// file, page or asset, is added, removed or changed, and not when the build is repeated.
    pub fn digest(&self) -> u64 {
        let written = self.written.lock().unwrap_or_else(|e| e.into_inner());
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for (path, hash) in written.iter() {
            hasher.update(path.as_bytes());
            hasher.update(&[0]);
            hasher.update(&hash.to_le_bytes());
        }
        hasher.digest()
    }

    /// Whether the new build already holds `relative`.
    pub fn contains(&self, relative: &str) -> bool {
        self.dir.path().join(relative.trim_start_matches('/')).is_file()
    }

    /// The folder being filled.
    #[cfg(test)]
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Swaps the new build in for the old one.
    pub fn commit(self) -> Result<(), SiteError> {
        let output = self.output;
        let new = self.dir.keep();
        let old =
            new.with_file_name(format!("{}-oud", new.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()));
        let had_old = output.exists();
        if had_old {
            std::fs::rename(&output, &old).map_err(|e| SiteError::io(&output, e))?;
        }
        if let Err(e) = std::fs::rename(&new, &output) {
            if had_old {
                // Put the previous site back rather than leave nothing.
                let _ = std::fs::rename(&old, &output);
            }
            let _ = std::fs::remove_dir_all(&new);
            return Err(SiteError::io(&output, e));
        }
        if had_old {
            std::fs::remove_dir_all(&old).map_err(|e| SiteError::io(&old, e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_old() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("oud.html"), "oud").unwrap();

        let failed = Staging::new(&out).unwrap();
        failed.write("nieuw.html", b"nieuw").unwrap();
        drop(failed);
        assert!(out.join("oud.html").exists());

        let ok = Staging::new(&out).unwrap();
        ok.write("a/index.html", b"nieuw").unwrap();
        ok.commit().unwrap();
        assert!(!out.join("oud.html").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/index.html")).unwrap(), "nieuw");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "only public/ remains");
    }

    #[test]
    fn digest_follows_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let digest = |files: &[(&str, &str)]| {
            let staging = Staging::new(&dir.path().join("public")).unwrap();
            for (path, text) in files {
                staging.write(path, text.as_bytes()).unwrap();
            }
            staging.digest()
        };
        let site = digest(&[("index.html", "thuis"), ("a/index.html", "a")]);
        assert_eq!(site, digest(&[("a/index.html", "a"), ("/index.html", "thuis")]), "the same files in another order");
        assert_ne!(site, digest(&[("index.html", "thuis"), ("a/index.html", "b")]), "a changed page");
        assert_ne!(site, digest(&[("index.html", "thuis"), ("b/index.html", "a")]), "a moved page");
        assert_ne!(site, digest(&[("index.html", "thuis")]), "a removed page");
    }
}
