//! What can go wrong: a rule file with a mistake (by file and line), a file that
//! cannot be read, tantivy failing, or an index bundle that is not one.

use std::path::PathBuf;

use cjg_common::{Bericht, Taal};

/// A mistake in `synoniemen.txt` or `signalen.txt`, with the place to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {}", file.display(), message.nl)]
pub struct RuleError {
    /// The rule file.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong and how to write it instead.
    pub message: Bericht,
}

/// Everything the search crate can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A rule file has a mistake.
    #[error(transparent)]
    Rule(#[from] RuleError),
    /// A rule file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// tantivy could not build or open the index.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// This cjg was compiled without the Dutch lexicon, so its rules would miss every other form
    /// of a word ("geslagen" for "slaan"): it builds no index rather than a worse one.
    #[error("this cjg was compiled without the Dutch lexicon")]
    NoLexicon,
    /// The bytes are not an index bundle of this version of cjg; rebuild the site.
    #[error("the search index bundle cannot be read ({0}); rebuild the site with this version of cjg")]
    Bundle(String),
}

impl Error {
    /// The message for people in `taal` where the error is the editors' (rule files);
    /// tantivy's and the bundle's stay in English.
    pub fn message(&self, taal: Taal) -> String {
        match self {
            Error::Rule(rule) => format!("{}:{}: {}", rule.file.display(), rule.line, rule.message.in_taal(taal)),
            Error::NoLexicon => taal.kies(
                "Deze cjg is gemaakt zonder de Nederlandse woordenlijst: de risicosignalen zouden vormen als \"geslagen\" missen. Haal hem met `./dev lexicon` en bouw cjg daarna opnieuw (`cargo build --release -p cjg`); `./dev serve` doet beide.",
                "This cjg was compiled without the Dutch lexicon: the risk signals would miss forms like \"geslagen\". Fetch it with `./dev lexicon`, then build cjg again (`cargo build --release -p cjg`); `./dev serve` does both.",
            ),
            other => other.to_string(),
        }
    }
}
