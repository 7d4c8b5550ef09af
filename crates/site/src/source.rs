//! Reading source files as text, and turning byte offsets into line numbers.

use std::path::Path;

use crate::error::{Location, SiteError};

/// Reads a file that must be UTF-8 text; `shown` is the path used in messages.
pub fn read_text(path: &Path, shown: &Path) -> Result<String, SiteError> {
    let bytes = std::fs::read(path).map_err(|e| SiteError::io(shown, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        SiteError::NotUtf8 { at: Location::line(shown, line) }
    })
}

/// The 1-based line on which byte `offset` of `text` stands.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_to_lines() {
        let text = "a\nb\nc";
        assert_eq!(line_of_offset(text, 0), 1);
        assert_eq!(line_of_offset(text, 2), 2);
        assert_eq!(line_of_offset(text, 4), 3);
        assert_eq!(line_of_offset(text, 99), 3);
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, b"+++\ntitle = \"a\"\n+++\ncaf\xe9\n").unwrap();
        let error = read_text(&path, Path::new("x.md")).unwrap_err().to_string();
        assert!(error.starts_with("x.md:4:"), "{error}");
    }
}
