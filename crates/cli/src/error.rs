//! Everything a subcommand can fail with, rendered for people in their language.

use cjg_common::Taal;

/// A failed subcommand.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The site did not build; each problem names its file and line.
    #[error("{}", self.message(Taal::Nl))]
    Build(#[from] cjg_site::BuildErrors),
    /// A single problem with the site's files, such as `cjg new` on an existing page.
    #[error("{}", self.message(Taal::Nl))]
    File(#[from] cjg_site::SiteError),
    /// The search index or its rule files failed.
    #[error("{}", self.message(Taal::Nl))]
    Search(#[from] cjg_search::Error),
    /// The counts file for ordering the home page is unreadable.
    #[error("{}", self.message(Taal::Nl))]
    Counts(String),
    /// A built site is missing or unreadable.
    #[error("{}", self.message(Taal::Nl))]
    NotBuilt(String),
    /// The server could not start.
    #[error("{}", self.message(Taal::Nl))]
    Serve(std::io::Error),
    /// This `cjg` was compiled before the widget was built, so it cannot build a site.
    #[error("{}", self.message(Taal::Nl))]
    NoWidget,
    /// Standard output could not be written (other than a reader that stopped early).
    #[error("{}", self.message(Taal::Nl))]
    Output(std::io::Error),
    /// Collecting, registering or planning failed.
    #[error("{}", self.message(Taal::Nl))]
    Registratie(#[from] cjg_registratie::Error),
}

impl CliError {
    /// The message in `taal`.
    pub fn message(&self, taal: Taal) -> String {
        match self {
            CliError::Build(errors) => format!(
                "{}\n{}",
                taal.kies("De site is niet gebouwd; public/ is niet veranderd:", "The site was not built; public/ is unchanged:"),
                errors.message(taal)
            ),
            CliError::File(e) => e.message(taal),
            CliError::Search(e) => format!(
                "{}\n{}",
                taal.kies("De site is niet gebouwd; public/ is niet veranderd:", "The site was not built; public/ is unchanged:"),
                e.message(taal)
            ),
            CliError::Counts(what) => format!(
                "{what}\n{}",
                taal.kies("Verwacht: de uitvoer van `cjg plan --json`.", "Expected: the output of `cjg plan --json`.")
            ),
            CliError::NotBuilt(what) => {
                format!("{what}: {}", taal.kies("bouw de site eerst met `cjg build`", "build the site first with `cjg build`"))
            }
            CliError::NoWidget => taal.kies(
                "Deze cjg is gemaakt zonder de vragenbox (widget/dist ontbreekt). Bouw de widget met `./dev widget` en bouw cjg daarna opnieuw (`cargo build --release -p cjg`); `./dev serve` doet beide.",
                "This cjg was compiled without the question widget (widget/dist is missing). Build it with `./dev widget`, then build cjg again (`cargo build --release -p cjg`); `./dev serve` does both.",
            ),
            CliError::Serve(e) => format!("{} {e}", taal.kies("Kan niet serveren:", "Cannot serve:")),
            CliError::Output(e) => format!("{} {e}", taal.kies("Kan de uitvoer niet schrijven:", "Cannot write the output:")),
            CliError::Registratie(e) => format!("{} {}", taal.kies("Registratie:", "Registration:"), e.bericht().in_taal(taal)),
        }
    }
}
