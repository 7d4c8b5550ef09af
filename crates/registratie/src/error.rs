//! What the collector, the desk registration and the plan can fail with, and what to do next.

use std::net::SocketAddr;
use std::path::PathBuf;

use crate::invalid::InvalidEvent;
use crate::Dag;

/// A failure of `cjg collect`, `cjg registreer` or `cjg plan`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The built site's vocabulary could not be read.
    #[error("{bron_naam}: {bron}; build the site first with `cjg build` (or point --site or the sites file at the built site)")]
    VocabulaireMissing {
        /// The file or URL that was read.
        bron_naam: String,
        /// Why it could not be read.
        bron: String,
    },
    /// The vocabulary is not the JSON `cjg build` writes.
    #[error("{bron_naam}: not a registration vocabulary: {bron}")]
    VocabulaireInvalid {
        /// The file or URL.
        bron_naam: String,
        /// Where and why it did not parse.
        bron: serde_json::Error,
    },
    /// SQLite failed.
    #[error("database {}: {bron}", pad.display())]
    Sqlite {
        /// The database file.
        pad: PathBuf,
        /// SQLite's reason.
        bron: rusqlite::Error,
    },
    /// PostgreSQL failed.
    #[error("database {db}: {}", with_causes(bron))]
    Postgres {
        /// The database URL, without its password.
        db: String,
        /// The server's or the driver's reason.
        bron: tokio_postgres::Error,
    },
    /// `--db` is neither a file path nor a `postgres://` URL.
    #[error("--db {0:?}: give a SQLite file (tellingen.db) or a postgres://user@host/database URL")]
    DatabaseUrl(String),
    /// There is no database to read.
    #[error("{0}: no such counts database; `cjg collect --db` and `cjg registreer --db` create it")]
    NoDatabase(String),
    /// The database holds other tables, or counts of a layout this version does not know.
    #[error(
        "{db}: not a cjg counts database this version knows (layout version {versie}); pass the database `cjg collect` writes"
    )]
    ForeignDatabase {
        /// The database.
        db: String,
        /// Its layout version (0: none).
        versie: i64,
    },
    /// An older counts database that only `cjg collect` or `cjg registreer` may migrate.
    #[error(
        "{db}: counts of layout version {versie}; start `cjg collect` (or run `cjg registreer`) once to bring it up to date"
    )]
    OldDatabase {
        /// The database.
        db: String,
        /// Its layout version.
        versie: i64,
    },
    /// An event or desk registration that cannot be counted.
    #[error("not registered: {0}")]
    Invalid(#[from] InvalidEvent),
    /// A desk registration for a day that has not come yet.
    #[error("not registered: {0} is in the future")]
    Future(Dag),
    /// An origin or URL that is not what it must be.
    #[error("{wat} {waarde:?}: {uitleg}")]
    Url {
        /// Which setting: `--origin`, or the sites file's `origin` of a site.
        wat: String,
        /// The value as given.
        waarde: String,
        /// What it must look like.
        uitleg: String,
    },
    /// The sites file is missing, not TOML, or not a list of sites.
    #[error("{}: {bron}", pad.display())]
    SitesFile {
        /// The sites file.
        pad: PathBuf,
        /// What is wrong, with the line when TOML knows it.
        bron: String,
    },
    /// A listener could not be opened.
    #[error("cannot listen on {adres}: {bron}")]
    Listen {
        /// The address.
        adres: SocketAddr,
        /// The operating system's reason.
        bron: std::io::Error,
    },
    /// The staff form was given an address other machines can reach, without TLS.
    #[error("--staff-listen {0}: the staff form serves plain HTTP only on a loopback address (127.0.0.1 or [::1]); for any other address give --staff-cert and --staff-key")]
    StaffNotLoopback(SocketAddr),
    /// The staff form's certificate or key cannot be used.
    #[error("TLS for the staff form: {0}")]
    Tls(String),
    /// Serving failed after start, or the runtime could not start.
    #[error("the collector stopped: {0}")]
    Serve(std::io::Error),
    /// The writer stopped; nothing more can be committed.
    #[error("the writer stopped: {0}")]
    Writer(String),
    /// The operating system gave no randomness for a token.
    #[error("no randomness for a token: {0}")]
    Randomness(String),
    /// `cjg registreer intrekken` named nobody with a token.
    #[error("no active token for {0:?}; `cjg registreer tokens --db …` lists them")]
    UnknownToken(String),
    /// A staff member's name that cannot name a token.
    #[error("--naam {0:?}: give the staff member's name (1 to 100 characters)")]
    TokenName(String),
    /// The plan's period holds no complete week.
    #[error("no complete week from {0} on: the plan shows whole weeks, Monday to Sunday, up to last Sunday")]
    NoWeeks(Dag),
    /// `cjg plan --site` named a site without counts.
    #[error("no counts of site {0:?} in the database; sites with counts: {1}")]
    UnknownSite(String, String),
    /// A plan JSON export that `cjg build --counts` cannot read.
    #[error("not a `cjg plan --json` export: {0}")]
    PlanJson(serde_json::Error),
    /// A built-in template did not render (a bug: please report it).
    #[error("template {0}")]
    Template(String),
    /// The HTML report could not be written.
    #[error("cannot write {}: {bron}", pad.display())]
    WriteReport {
        /// The report file.
        pad: PathBuf,
        /// The operating system's reason.
        bron: std::io::Error,
    },
}

/// An error with the errors that caused it: the driver's "error connecting to server" says
/// why only in its source.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut tekst = error.to_string();
    let mut bron = error.source();
    while let Some(oorzaak) = bron {
        tekst.push_str(": ");
        tekst.push_str(&oorzaak.to_string());
        bron = oorzaak.source();
    }
    tekst
}
