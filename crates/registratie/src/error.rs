//! What the collector, the desk registration and the plan can fail with, and what to do next.
//! Every failure has a [`Bericht`]: Dutch for editors and staff (the default), and English,
//! which is also its `Display` for logs. The CLI shows it in the language asked for.

use std::net::SocketAddr;
use std::path::PathBuf;

use cjg_common::Bericht;

use crate::invalid::InvalidEvent;
use crate::Dag;

/// A failure of `cjg collect`, `cjg registreer` or `cjg plan`.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The built site's vocabulary could not be read.
    #[error("{}", self.bericht().en)]
    VocabulaireMissing {
        /// The file or URL that was read.
        source_name: String,
        /// Why it could not be read.
        reason: String,
    },
    /// The vocabulary is not the JSON `cjg build` writes.
    #[error("{}", self.bericht().en)]
    VocabulaireInvalid {
        /// The file or URL.
        source_name: String,
        /// Where and why it did not parse.
        source: serde_json::Error,
    },
    /// SQLite failed.
    #[error("{}", self.bericht().en)]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's reason.
        source: rusqlite::Error,
    },
    /// PostgreSQL failed.
    #[error("{}", self.bericht().en)]
    Postgres {
        /// The database URL, without its password.
        db: String,
        /// The server's or the driver's reason.
        source: tokio_postgres::Error,
    },
    /// `--db` is neither a file path nor a `postgres://` URL.
    #[error("{}", self.bericht().en)]
    DatabaseUrl(String),
    /// There is no database to read.
    #[error("{}", self.bericht().en)]
    NoDatabase(String),
    /// The database holds other tables, or counts of a layout this version does not know.
    #[error("{}", self.bericht().en)]
    ForeignDatabase {
        /// The database.
        db: String,
        /// Its layout version (0: none).
        version: i64,
    },
    /// An older counts database that only `cjg collect` or `cjg registreer` may migrate.
    #[error("{}", self.bericht().en)]
    OldDatabase {
        /// The database.
        db: String,
        /// Its layout version.
        version: i64,
    },
    /// An event or desk registration that cannot be counted.
    #[error("{}", self.bericht().en)]
    Invalid(#[from] InvalidEvent),
    /// A desk registration for a day that has not come yet.
    #[error("{}", self.bericht().en)]
    Future(Dag),
    /// An origin or URL that is not what it must be.
    #[error("{}", self.bericht().en)]
    Url {
        /// Which setting: `--origin`, or the sites file's `origin` of a site.
        setting: String,
        /// The value as given.
        value: String,
        /// What it must look like.
        explanation: Bericht,
    },
    /// The sites file is missing, not TOML, or not a list of sites.
    #[error("{}", self.bericht().en)]
    SitesFile {
        /// The sites file.
        path: PathBuf,
        /// What is wrong, with the line when TOML knows it.
        reason: Bericht,
    },
    /// A listener could not be opened.
    #[error("{}", self.bericht().en)]
    Listen {
        /// The address.
        address: SocketAddr,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The staff form was given an address other machines can reach, without TLS.
    #[error("{}", self.bericht().en)]
    StaffNotLoopback(SocketAddr),
    /// The staff form's certificate or key cannot be used.
    #[error("{}", self.bericht().en)]
    Tls(String),
    /// Serving failed after start, or the runtime could not start.
    #[error("{}", self.bericht().en)]
    Serve(std::io::Error),
    /// The writer stopped; nothing more can be committed.
    #[error("{}", self.bericht().en)]
    Writer(String),
    /// The operating system gave no randomness for a token.
    #[error("{}", self.bericht().en)]
    Randomness(String),
    /// `cjg registreer intrekken` named nobody with a token.
    #[error("{}", self.bericht().en)]
    UnknownToken(String),
    /// A staff member's name that cannot name a token.
    #[error("{}", self.bericht().en)]
    TokenName(String),
    /// The plan's period holds no complete week.
    #[error("{}", self.bericht().en)]
    NoWeeks(Dag),
    /// `cjg plan --site` named a site without counts.
    #[error("{}", self.bericht().en)]
    UnknownSite(String, String),
    /// A plan JSON export that `cjg build --counts` cannot read.
    #[error("{}", self.bericht().en)]
    PlanJson(serde_json::Error),
    /// A built-in template did not render (a bug: please report it).
    #[error("{}", self.bericht().en)]
    Template(String),
    /// The HTML report could not be written.
    #[error("{}", self.bericht().en)]
    WriteReport {
        /// The report file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

impl Error {
    /// What went wrong and what to do next, in Dutch (B1, for editors and staff) and English.
    pub fn bericht(&self) -> Bericht {
        let b = |nl: String, en: String| Bericht::new(nl, en);
        match self {
            Error::VocabulaireMissing { source_name, reason } => b(
                format!("{source_name}: {reason}; bouw de site eerst met `cjg build` (of wijs met --site of het sites-bestand naar de gebouwde site)"),
                format!("{source_name}: {reason}; build the site first with `cjg build` (or point --site or the sites file at the built site)"),
            ),
            Error::VocabulaireInvalid { source_name, source } => b(
                format!("{source_name}: dit is geen woordenlijst voor de registratie: {source}"),
                format!("{source_name}: not a registration vocabulary: {source}"),
            ),
            Error::Sqlite { path, source } => same(format!("database {}: {source}", path.display())),
            Error::Postgres { db, source } => same(format!("database {db}: {}", with_causes(source))),
            Error::DatabaseUrl(db) => b(
                format!("--db {db:?}: geef een SQLite-bestand (tellingen.db) of een URL als postgres://gebruiker@host/database"),
                format!("--db {db:?}: give a SQLite file (tellingen.db) or a postgres://user@host/database URL"),
            ),
            Error::NoDatabase(db) => b(
                format!("{db}: deze database met tellingen bestaat niet; `cjg collect --db` en `cjg registreer --db` maken hem"),
                format!("{db}: no such counts database; `cjg collect --db` and `cjg registreer --db` create it"),
            ),
            Error::ForeignDatabase { db, version } => b(
                format!("{db}: deze versie van cjg kent deze database niet (indeling versie {version}); geef de database die `cjg collect` schrijft"),
                format!("{db}: not a cjg counts database this version knows (layout version {version}); pass the database `cjg collect` writes"),
            ),
            Error::OldDatabase { db, version } => b(
                format!("{db}: tellingen in de oude indeling versie {version}; start `cjg collect` (of `cjg registreer`) één keer, dan wordt de database bijgewerkt"),
                format!("{db}: counts of layout version {version}; start `cjg collect` (or run `cjg registreer`) once to bring it up to date"),
            ),
            Error::Invalid(invalid) => {
                let reden = invalid.bericht();
                b(format!("niet geregistreerd: {}", reden.nl), format!("not registered: {}", reden.en))
            }
            Error::Future(dag) => {
                b(format!("niet geregistreerd: {dag} ligt in de toekomst"), format!("not registered: {dag} is in the future"))
            }
            Error::Url { setting, value, explanation } => {
                b(format!("{setting} {value:?}: {}", explanation.nl), format!("{setting} {value:?}: {}", explanation.en))
            }
            Error::SitesFile { path, reason } => {
                b(format!("{}: {}", path.display(), reason.nl), format!("{}: {}", path.display(), reason.en))
            }
            Error::Listen { address, source } => {
                b(format!("kan niet luisteren op {address}: {source}"), format!("cannot listen on {address}: {source}"))
            }
            Error::StaffNotLoopback(address) => b(
                format!("--staff-listen {address}: het balieformulier werkt zonder TLS alleen op een loopback-adres (127.0.0.1 of [::1]); geef voor elk ander adres --staff-cert en --staff-key"),
                format!("--staff-listen {address}: the staff form serves plain HTTP only on a loopback address (127.0.0.1 or [::1]); for any other address give --staff-cert and --staff-key"),
            ),
            Error::Tls(reason) => b(format!("TLS voor het balieformulier: {reason}"), format!("TLS for the staff form: {reason}")),
            Error::Serve(source) => b(format!("de teller is gestopt: {source}"), format!("the collector stopped: {source}")),
            Error::Writer(reason) => b(
                format!("het opslaan is gestopt: {reason}"),
                format!("the writer stopped: {reason}"),
            ),
            Error::Randomness(reason) => b(
                format!("geen toeval voor een toegangscode: {reason}"),
                format!("no randomness for a token: {reason}"),
            ),
            Error::UnknownToken(naam) => b(
                format!("{naam:?} heeft geen geldige toegangscode; `cjg registreer tokens --db …` laat zien wie er een heeft"),
                format!("no active token for {naam:?}; `cjg registreer tokens --db …` lists them"),
            ),
            Error::TokenName(naam) => b(
                format!("--naam {naam:?}: geef de naam van de medewerker (1 tot 100 tekens)"),
                format!("--naam {naam:?}: give the staff member's name (1 to 100 characters)"),
            ),
            Error::NoWeeks(dag) => b(
                format!("geen hele week vanaf {dag}: het plan toont hele weken, maandag tot en met zondag, tot en met afgelopen zondag"),
                format!("no complete week from {dag} on: the plan shows whole weeks, Monday to Sunday, up to last Sunday"),
            ),
            Error::UnknownSite(site, bekend) => b(
                format!("geen tellingen van site {site:?} in de database; sites met tellingen: {bekend}"),
                format!("no counts of site {site:?} in the database; sites with counts: {bekend}"),
            ),
            Error::PlanJson(source) => {
                b(format!("dit is geen export van `cjg plan --json`: {source}"), format!("not a `cjg plan --json` export: {source}"))
            }
            Error::Template(reason) => b(
                format!("sjabloon {reason} (een fout in cjg: meld die alstublieft)"),
                format!("template {reason}"),
            ),
            Error::WriteReport { path, source } => b(
                format!("kan {} niet schrijven: {source}", path.display()),
                format!("cannot write {}: {source}", path.display()),
            ),
        }
    }
}

/// A message that reads the same in both languages: a name and a system's own reason.
fn same(text: String) -> Bericht {
    Bericht::new(text.clone(), text)
}

/// An error with the errors that caused it: the driver's "error connecting to server" says
/// why only in its source.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        text.push_str(": ");
        text.push_str(&next.to_string());
        cause = next.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_speaks_dutch_and_logs_in_english() {
        let errors = [
            Error::NoDatabase("tellingen.db".into()),
            Error::Invalid(InvalidEvent::UnknownThema("sport".into())),
            Error::Future(Dag::constant(2099, 1, 1)),
            Error::NoWeeks(Dag::constant(2026, 11, 30)),
            Error::UnknownToken("Sanne".into()),
        ];
        for error in errors {
            let bericht = error.bericht();
            assert_eq!(error.to_string(), bericht.en);
            assert_ne!(bericht.nl, bericht.en, "{bericht:?}");
        }
        let invalid = Error::Invalid(InvalidEvent::UnknownThema("sport".into())).bericht();
        assert_eq!(invalid.nl, "niet geregistreerd: onbekend thema \"sport\"");
        assert_eq!(invalid.en, "not registered: unknown theme \"sport\"");
    }
}
