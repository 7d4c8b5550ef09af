//! What the collector, the desk registration and the plan can fail with, and what to do next.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::gebeurtenis::Afwijzing;
use crate::Dag;

/// A failure of `cjg collect`, `cjg registreer` or `cjg plan`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The built site has no vocabulary.
    #[error("{}: {bron}; build the site first with `cjg build` (or point --site at the built site)", pad.display())]
    VocabulaireOntbreekt {
        /// The file that was looked for.
        pad: PathBuf,
        /// Why it could not be read.
        bron: std::io::Error,
    },
    /// The vocabulary is not the JSON `cjg build` writes.
    #[error("{}: not a registration vocabulary: {bron}", pad.display())]
    VocabulaireOngeldig {
        /// The file.
        pad: PathBuf,
        /// Where and why it did not parse.
        bron: serde_json::Error,
    },
    /// SQLite failed.
    #[error("database {}: {bron}", pad.display())]
    Database {
        /// The database file.
        pad: PathBuf,
        /// SQLite's reason.
        bron: rusqlite::Error,
    },
    /// There is no database to read.
    #[error("{}: no such counts database; `cjg collect --db` and `cjg registreer --db` create it", .0.display())]
    GeenDatabase(PathBuf),
    /// The file is a database, but not one of counts in this layout.
    #[error("{}: not a cjg counts database (layout version {versie}); pass the file `cjg collect` writes", pad.display())]
    VreemdeDatabase {
        /// The database file.
        pad: PathBuf,
        /// Its `user_version`.
        versie: i64,
    },
    /// A desk registration that cannot be counted.
    #[error("not registered: {0}")]
    Afgewezen(#[from] Afwijzing),
    /// A desk registration for a day that has not come yet.
    #[error("not registered: {0} is in the future")]
    Toekomst(Dag),
    /// `--origin` is not a bare origin.
    #[error("--origin {0:?} must be a scheme and host, like https://cjg.example.nl (no path, no trailing slash)")]
    Origin(String),
    /// A listener could not be opened.
    #[error("cannot listen on {adres}: {bron}")]
    Luisteren {
        /// The address.
        adres: SocketAddr,
        /// The operating system's reason.
        bron: std::io::Error,
    },
    /// Serving failed after start, or the runtime could not start.
    #[error("the collector stopped: {0}")]
    Dienst(std::io::Error),
    /// The writer thread stopped; nothing more can be committed.
    #[error("the writer stopped: {0}")]
    Schrijver(String),
    /// The operating system gave no randomness for a token.
    #[error("no randomness for a token: {0}")]
    Toeval(String),
    /// The HTML report could not be written.
    #[error("cannot write {}: {bron}", pad.display())]
    Schrijven {
        /// The report file.
        pad: PathBuf,
        /// The operating system's reason.
        bron: std::io::Error,
    },
}

impl Error {
    pub(crate) fn database(pad: &Path, bron: rusqlite::Error) -> Error {
        Error::Database { pad: pad.to_owned(), bron }
    }
}
