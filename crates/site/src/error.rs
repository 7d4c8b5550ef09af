//! What can go wrong in a build, with the file, line and field that caused it.
//!
//! Editors read these messages, so each one names where to look and what to do, in Dutch
//! by default and in English on request ([`Taal`]).

use std::fmt;
use std::path::PathBuf;

use cjg_common::Taal;

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

/// What is wrong with `site.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not valid TOML, an unknown key or a wrong type; the TOML parser's words.
    Toml(String),
    /// `base_url` does not start with http(s)://.
    BaseUrlScheme,
    /// `base_url` ends with a slash.
    BaseUrlSlash,
    /// `registratie.endpoint` is neither empty nor an http(s) address.
    EndpointScheme,
}

/// What is wrong with a file's front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FrontMatterProblem {
    /// The file does not start with `+++`.
    NoOpeningLine,
    /// No closing `+++`.
    NotClosed,
    /// `title` is there but empty.
    EmptyTitle,
    /// `page_template` in a page instead of a section.
    PageTemplateInPage,
    /// An alias that is not a site address like `/oud/adres/`.
    BadAlias(String),
    /// A `zoekgewicht` outside (0, 1], as written.
    BadZoekgewicht(String),
    /// Not valid TOML, an unknown field or a wrong type; the field if known and the parser's words.
    Toml {
        /// The field whose value is wrong, when the parser did not name it.
        field: Option<String>,
        /// The TOML parser's explanation.
        detail: String,
    },
}

/// What is wrong with `content/hulplijnen.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HulplijnProblem {
    /// Not valid TOML, a missing or unknown field or a wrong type; the field if known and the parser's words.
    Toml {
        /// The field whose value is wrong, when the parser did not name it.
        field: Option<String>,
        /// The TOML parser's explanation.
        detail: String,
    },
    /// An `id` that is empty or has other characters than letters, digits and `-`.
    BadId(String),
    /// Two lines with the same `id`.
    DuplicateId {
        /// The id.
        id: String,
        /// The line of the first one.
        first: usize,
    },
    /// A `soorten` entry that is no section of `signalen.txt`.
    UnknownSoort {
        /// The kind as written.
        soort: String,
        /// The sections of `signalen.txt`.
        known: Vec<String>,
    },
}

/// Why a link leads nowhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// `@/path.md` names no content file.
    NoSuchFile(String),
    /// The file exists but has no heading with this anchor.
    NoSuchAnchor {
        /// The content file.
        target: String,
        /// The missing anchor.
        anchor: String,
    },
    /// A root-relative address that no page or file has.
    NoSuchAddress,
}

/// One problem found while loading or building the site.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// A file or folder could not be read or written.
    #[error("{}", self.message(Taal::Nl))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A source file is not valid UTF-8.
    #[error("{}", self.message(Taal::Nl))]
    NotUtf8 {
        /// Where the first invalid byte is.
        at: Location,
    },
    /// `site.toml` is missing, not valid TOML, or has a wrong or unknown key.
    #[error("{}", self.message(Taal::Nl))]
    Config {
        /// Where in site.toml.
        at: Location,
        /// What is wrong.
        problem: ConfigProblem,
    },
    /// The front matter is missing, not closed, not valid TOML, or has a wrong field.
    #[error("{}", self.message(Taal::Nl))]
    FrontMatter {
        /// Where in the Markdown file.
        at: Location,
        /// What is wrong.
        problem: FrontMatterProblem,
    },
    /// `content/hulplijnen.toml` is not valid, misses a field, or names an unknown kind.
    #[error("{}", self.message(Taal::Nl))]
    Hulplijnen {
        /// Where in the file.
        at: Location,
        /// What is wrong.
        problem: HulplijnProblem,
    },
    /// `signalen.txt`, whose kinds `hulplijnen.toml` names, has a mistake.
    #[error("{}", self.message(Taal::Nl))]
    Signalen {
        /// Where in signalen.txt.
        at: Location,
        /// The search crate's message in Dutch.
        nl: String,
        /// The same in English.
        en: String,
    },
    /// A link in the Markdown points to a page, section or anchor that does not exist.
    #[error("{}", self.message(Taal::Nl))]
    BrokenLink {
        /// Where the link is.
        at: Location,
        /// The link as written.
        link: String,
        /// Why it does not resolve.
        problem: LinkProblem,
    },
    /// An image has no alt text.
    #[error("{}", self.message(Taal::Nl))]
    MissingAlt {
        /// Where the image is.
        at: Location,
        /// The image's address.
        src: String,
    },
    /// Two source files would be written to the same URL.
    #[error("{}", self.message(Taal::Nl))]
    DuplicateUrl {
        /// The URL both produce.
        url: String,
        /// The first file.
        first: PathBuf,
        /// The second file.
        second: PathBuf,
    },
    /// `cjg new` was asked for a file that exists already (or for no name at all).
    #[error("{}", self.message(Taal::Nl))]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// A template does not parse or does not render.
    #[error("{}", self.message(Taal::Nl))]
    Template {
        /// The template file, with the line for syntax errors.
        at: Location,
        /// tera's explanation.
        detail: String,
    },
}

impl SiteError {
    /// An I/O error on a path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        SiteError::Io { path: path.into(), source }
    }

    /// Where the problem is.
    pub fn location(&self) -> Location {
        match self {
            SiteError::Io { path, .. } | SiteError::Exists { path } => Location::file(path),
            SiteError::DuplicateUrl { second, .. } => Location::file(second),
            SiteError::NotUtf8 { at }
            | SiteError::Config { at, .. }
            | SiteError::FrontMatter { at, .. }
            | SiteError::Hulplijnen { at, .. }
            | SiteError::Signalen { at, .. }
            | SiteError::BrokenLink { at, .. }
            | SiteError::MissingAlt { at, .. }
            | SiteError::Template { at, .. } => at.clone(),
        }
    }

    /// The message in `taal`, starting with `file:line:`.
    pub fn message(&self, taal: Taal) -> String {
        let at = self.location();
        let what = match self {
            SiteError::Io { source, .. } => source.to_string(),
            SiteError::NotUtf8 { .. } => {
                taal.kies("het bestand is geen UTF-8-tekst; sla het op als UTF-8", "the file is not UTF-8 text; save it as UTF-8")
            }
            SiteError::Config { problem, .. } => config_message(problem, taal),
            SiteError::FrontMatter { problem, .. } => front_matter_message(problem, taal),
            SiteError::Hulplijnen { problem, .. } => hulplijn_message(problem, taal),
            SiteError::Signalen { nl, en, .. } => taal.kies(nl.as_str(), en.as_str()),
            SiteError::BrokenLink { link, problem, .. } => link_message(link, problem, taal),
            SiteError::MissingAlt { src, .. } => taal.kies(
                format!(
                    "afbeelding `{src}` heeft geen alt-tekst; beschrijf tussen de haken wat erop staat: ![wat je ziet]({src})"
                ),
                format!("image `{src}` has no alt text; describe it in the brackets: ![what it shows]({src})"),
            ),
            SiteError::DuplicateUrl { url, first, .. } => taal.kies(
                format!("krijgt hetzelfde adres {url} als {}; hernoem of verwijder er één", first.display()),
                format!("gets the same address {url} as {}; rename or remove one", first.display()),
            ),
            SiteError::Exists { .. } => taal.kies(
                "bestaat al (of de naam is leeg); kies een andere naam",
                "exists already (or the name is empty); choose another name",
            ),
            SiteError::Template { detail, .. } => detail.clone(),
        };
        format!("{at}: {what}")
    }
}

fn config_message(problem: &ConfigProblem, taal: Taal) -> String {
    match problem {
        ConfigProblem::Toml(detail) => detail.clone(),
        ConfigProblem::BaseUrlScheme => {
            taal.kies("base_url moet beginnen met https:// (of http://)", "base_url must start with https:// (or http://)")
        }
        ConfigProblem::BaseUrlSlash => taal.kies("base_url mag niet eindigen op een /", "base_url must not end with a slash"),
        ConfigProblem::EndpointScheme => taal.kies(
            "registratie.endpoint moet leeg zijn of beginnen met https://",
            "registratie.endpoint must be empty or start with https://",
        ),
    }
}

fn front_matter_message(problem: &FrontMatterProblem, taal: Taal) -> String {
    let text = match problem {
        FrontMatterProblem::NoOpeningLine => taal.kies(
            "het bestand moet beginnen met een regel `+++`, dan de gegevens (minstens `title = \"...\"`), dan weer `+++`",
            "the file must start with a line `+++`, then the front matter (at least `title = \"...\"`), then `+++`",
        ),
        FrontMatterProblem::NotClosed => taal.kies(
            "de gegevens bovenaan zijn niet afgesloten: zet er een regel `+++` onder",
            "the front matter is not closed: add a line `+++` after it",
        ),
        FrontMatterProblem::EmptyTitle => taal.kies("`title` is leeg", "`title` is empty"),
        FrontMatterProblem::PageTemplateInPage => taal.kies(
            "`page_template` werkt alleen in de _index.md van een sectie",
            "`page_template` only works in a section's _index.md",
        ),
        FrontMatterProblem::BadAlias(alias) => taal.kies(
            format!("`aliases`: `{alias}` is geen adres op deze site; schrijf het zoals `/oud/adres/`"),
            format!("`aliases`: `{alias}` is no address on this site; write it like `/old/address/`"),
        ),
        FrontMatterProblem::BadZoekgewicht(value) => taal.kies(
            format!("`zoekgewicht` is {value}; kies een getal groter dan 0 en hoogstens 1, zoals 0.6"),
            format!("`zoekgewicht` is {value}; choose a number above 0 and at most 1, like 0.6"),
        ),
        FrontMatterProblem::Toml { field: Some(field), detail } => format!("`{field}`: {detail}"),
        FrontMatterProblem::Toml { field: None, detail } => detail.clone(),
    };
    taal.kies(format!("gegevens bovenaan (front matter): {text}"), format!("front matter: {text}"))
}

fn hulplijn_message(problem: &HulplijnProblem, taal: Taal) -> String {
    match problem {
        HulplijnProblem::Toml { field: Some(field), detail } => format!("`{field}`: {detail}"),
        HulplijnProblem::Toml { field: None, detail } => detail.clone(),
        HulplijnProblem::BadId(id) => taal.kies(
            format!("`id` \"{id}\" mag alleen letters, cijfers en - bevatten"),
            format!("`id` \"{id}\" may only contain letters, digits and -"),
        ),
        HulplijnProblem::DuplicateId { id, first } => taal.kies(
            format!("`id` `{id}` staat ook op regel {first}; geef elke hulplijn een eigen id"),
            format!("`id` `{id}` is also on line {first}; give every help line its own id"),
        ),
        HulplijnProblem::UnknownSoort { soort, known } if known.is_empty() => taal.kies(
            format!("`soorten`: `{soort}` is geen soort, want content/signalen.txt heeft geen kopjes (of ontbreekt)"),
            format!("`soorten`: `{soort}` is no kind, because content/signalen.txt has no headers (or is missing)"),
        ),
        HulplijnProblem::UnknownSoort { soort, known } => taal.kies(
            format!("`soorten`: `{soort}` is geen kopje van content/signalen.txt; kies uit: {}", known.join(" · ")),
            format!("`soorten`: `{soort}` is no header of content/signalen.txt; choose from: {}", known.join(" · ")),
        ),
    }
}

fn link_message(link: &str, problem: &LinkProblem, taal: Taal) -> String {
    let why = match problem {
        LinkProblem::NoSuchFile(path) => taal.kies(format!("content/{path} bestaat niet"), format!("there is no content/{path}")),
        LinkProblem::NoSuchAnchor { target, anchor } => taal.kies(
            format!("content/{target} heeft geen kopje met anker `{anchor}`"),
            format!("content/{target} has no heading with anchor `{anchor}`"),
        ),
        LinkProblem::NoSuchAddress => taal.kies(
            "geen pagina of bestand heeft dit adres; schrijf voor pagina's @/pad/naar/pagina.md",
            "no page or file has this address; for pages write @/path/to/page.md",
        ),
    };
    taal.kies(format!("link `{link}` werkt niet: {why}"), format!("broken link `{link}`: {why}"))
}

/// All problems of a failed build, in file order, so an editor can fix them in one go.
#[derive(Debug)]
pub struct BuildErrors(pub Vec<SiteError>);

impl BuildErrors {
    /// One message per line, in `taal`.
    pub fn message(&self, taal: Taal) -> String {
        self.0.iter().map(|e| e.message(taal)).collect::<Vec<_>>().join("\n")
    }
}

impl fmt::Display for BuildErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Taal::Nl))
    }
}

impl std::error::Error for BuildErrors {}

impl From<SiteError> for BuildErrors {
    fn from(error: SiteError) -> Self {
        BuildErrors(vec![error])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_in_both_languages() {
        let e = SiteError::FrontMatter { at: Location::line("p.md", 1), problem: FrontMatterProblem::NotClosed };
        assert!(e.message(Taal::Nl).starts_with("p.md:1: gegevens bovenaan"), "{}", e.message(Taal::Nl));
        assert!(e.message(Taal::En).contains("not closed"), "{}", e.message(Taal::En));
        assert_eq!(e.to_string(), e.message(Taal::Nl));
    }
}
