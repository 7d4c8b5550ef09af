//! What can go wrong in a build, with the file, line and field that caused it.
//!
//! Editors read these messages, so each one names where to look and what to do.

use std::fmt;
use std::path::PathBuf;

/// A place in a source file: the file and, where known, the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// 1-based line number, if the problem has one.
    pub line: Option<usize>,
}

impl Location {
    /// A whole file.
    pub fn file(file: impl Into<PathBuf>) -> Self {
        Location { file: file.into(), line: None }
    }

    /// One line of a file.
    pub fn line(file: impl Into<PathBuf>, line: usize) -> Self {
        Location { file: file.into(), line: Some(line) }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.file.display(), line),
            None => write!(f, "{}", self.file.display()),
        }
    }
}

/// One problem found while loading or building the site.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A source file is not valid UTF-8.
    #[error("{at}: the file is not UTF-8 text; save it as UTF-8")]
    NotUtf8 {
        /// Where the first invalid byte is.
        at: Location,
    },
    /// `site.toml` is missing, not valid TOML, or has a wrong or unknown key.
    #[error("{at}: {message}")]
    Config {
        /// Where in site.toml.
        at: Location,
        /// What is wrong.
        message: String,
    },
    /// The front matter is missing, not closed, not valid TOML, or has a wrong field.
    #[error("{at}: front matter: {message}")]
    FrontMatter {
        /// Where in the Markdown file.
        at: Location,
        /// What is wrong, naming the field where there is one.
        message: String,
    },
    /// A link in the Markdown points to a page, section or anchor that does not exist.
    #[error("{at}: broken link `{link}`: {reason}")]
    BrokenLink {
        /// Where the link is.
        at: Location,
        /// The link as written.
        link: String,
        /// Why it does not resolve.
        reason: String,
    },
    /// An image has no alt text.
    #[error("{at}: image `{src}` has no alt text; describe the image in the brackets: ![what it shows]({src})")]
    MissingAlt {
        /// Where the image is.
        at: Location,
        /// The image's address.
        src: String,
    },
    /// Two source files would be written to the same URL.
    #[error("{first} and {second} both become {url}; rename or remove one")]
    DuplicateUrl {
        /// The URL both produce.
        url: String,
        /// The first file.
        first: PathBuf,
        /// The second file.
        second: PathBuf,
    },
    /// A template does not parse or does not render.
    #[error("{at}: {message}")]
    Template {
        /// The template file, with the line for syntax errors.
        at: Location,
        /// What is wrong.
        message: String,
    },
}

impl SiteError {
    /// An I/O error on a path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        SiteError::Io { path: path.into(), source }
    }
}

/// All problems of a failed build, in file order, so an editor can fix them in one go.
#[derive(Debug)]
pub struct BuildErrors(pub Vec<SiteError>);

impl fmt::Display for BuildErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BuildErrors {}

impl From<SiteError> for BuildErrors {
    fn from(error: SiteError) -> Self {
        BuildErrors(vec![error])
    }
}
