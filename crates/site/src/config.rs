//! `site.toml`: the site's name, address, language and the CJG's contact details.
//!
//! Every key is documented in the README. Unknown keys are an error, so that a typo
//! never silently drops a setting.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{ConfigProblem, Location, SiteError};
use crate::source::line_of_offset;

/// The whole of `site.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in the header and the title bar.
    pub title: String,
    /// One sentence about the site, for search engines and the feed.
    #[serde(default)]
    pub description: String,
    /// The address the site is published at, without trailing slash; used in the sitemap and feed.
    pub base_url: String,
    /// The language of the content (`nl`).
    #[serde(default = "default_language")]
    pub language: String,
    /// How to reach the CJG; shown on every page.
    pub contact: Contact,
    /// Where the "Snel weg" button goes: a neutral site.
    #[serde(default = "default_snel_weg")]
    pub snel_weg: String,
    /// How many pages the Atom feed lists.
    #[serde(default = "default_feed_limit")]
    pub feed_limit: usize,
    /// Anonymous question registration; off when `endpoint` is empty.
    #[serde(default)]
    pub registratie: Registratie,
}

/// The CJG's contact details.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// True when these are invented example details; the site then says so.
    #[serde(default)]
    pub voorbeeld: bool,
    /// The name of the organisation.
    pub naam: String,
    /// Phone number as people dial it.
    pub telefoon: String,
    /// E-mail address.
    pub email: String,
    /// Where the chat is, if there is one.
    #[serde(default)]
    pub chat: Option<String>,
    /// Visiting address, one line.
    pub adres: String,
    /// Opening hours, one line per entry.
    #[serde(default)]
    pub openingstijden: Vec<String>,
}

/// Settings for anonymous registration of asked questions.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Registratie {
    /// Base URL of the collector (`cjg collect`); empty means nothing is ever sent.
    #[serde(default)]
    pub endpoint: String,
    /// A `cjg plan --json` export, relative to the site root: orders the home page's themes
    /// by what was asked most (`cjg build --counts` overrides it).
    #[serde(default)]
    pub tellingen: Option<PathBuf>,
}

fn default_language() -> String {
    "nl".to_string()
}

fn default_snel_weg() -> String {
    "https://www.google.nl/".to_string()
}

fn default_feed_limit() -> usize {
    20
}

impl Config {
    /// Reads and validates `site.toml` at `path`.
    pub fn load(path: &Path) -> Result<Config, SiteError> {
        let text = std::fs::read_to_string(path).map_err(|e| SiteError::io(path, e))?;
        Config::parse(&text, path)
    }

    /// Parses the text of `site.toml`; `path` is only used in error messages.
    pub fn parse(text: &str, path: &Path) -> Result<Config, SiteError> {
        let config: Config = toml::from_str(text).map_err(|e| SiteError::Config {
            at: match e.span() {
                Some(span) => Location::line(path, line_of_offset(text, span.start)),
                None => Location::file(path),
            },
            problem: ConfigProblem::Toml(e.message().trim().to_string()),
        })?;
        config.validate(path)?;
        Ok(config)
    }

    fn validate(&self, path: &Path) -> Result<(), SiteError> {
        let problem = |problem: ConfigProblem| SiteError::Config { at: Location::file(path), problem };
        let is_web_address = |url: &str| url.starts_with("https://") || url.starts_with("http://");
        if !is_web_address(&self.base_url) {
            return Err(problem(ConfigProblem::BaseUrlScheme));
        }
        if self.base_url.ends_with('/') {
            return Err(problem(ConfigProblem::BaseUrlSlash));
        }
        if !(self.registratie.endpoint.is_empty() || is_web_address(&self.registratie.endpoint)) {
            return Err(problem(ConfigProblem::EndpointScheme));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
title = "CJG Test"
base_url = "https://cjg.example"
[contact]
naam = "CJG Test"
telefoon = "012-345 67 89"
email = "a@b.example"
adres = "Straat 1"
"#;

    #[test]
    fn minimal_config_gets_defaults() {
        let config = Config::parse(MINIMAL, Path::new("site.toml")).unwrap();
        assert_eq!(config.language, "nl");
        assert_eq!(config.feed_limit, 20);
        assert!(config.registratie.endpoint.is_empty());
    }

    #[test]
    fn unknown_key_names_its_line() {
        let text = format!("{MINIMAL}kleur = \"rood\"\n");
        let error = Config::parse(&text, Path::new("site.toml")).unwrap_err().to_string();
        assert!(error.contains("site.toml:9"), "{error}");
        assert!(error.contains("kleur"), "{error}");
    }

    #[test]
    fn base_url_with_slash_is_refused() {
        let text = MINIMAL.replace("cjg.example\"", "cjg.example/\"");
        let error = Config::parse(&text, Path::new("site.toml")).unwrap_err().to_string();
        assert!(error.contains("base_url"), "{error}");
    }
}
