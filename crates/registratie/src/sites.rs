//! The sites one collector counts for: each with its id, its origin (the only one that may post
//! its events) and where its vocabulary is. One site comes from `--origin` and `--site`; several
//! from a sites file:
//!
//! ```toml
//! [[site]]
//! id = "voorbeeldstad"
//! origin = "https://cjg.voorbeeldstad.nl"
//! vocabulaire = "voorbeeldstad/public"      # the built site, its vocabulaire.json, or its URL
//! ```
//!
//! Every origin and URL is parsed with the `url` crate, as browsers do: `https://CJG.example.nl:443/`
//! is the origin `https://cjg.example.nl` that a browser sends, and `http://[::1]:8080` an IPv6 one.

use std::collections::BTreeSet;
use std::path::Path;

use cjg_common::Bericht;
use serde::Deserialize;

use crate::error::Error;
use crate::vocabulaire::{VocabulaireSource, VOCABULAIRE_PATH};

/// The id of the one site when the collector runs without a sites file.
pub const DEFAULT_SITE: &str = "cjg";

/// A web origin (scheme, host, port), compared the way browsers compare them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    origin: url::Origin,
    /// As browsers send it in the `Origin` header: `https://cjg.example.nl`.
    serialized: String,
}

impl Origin {
    /// Parses a configured origin: `http` or `https`, a host, maybe a port, nothing else.
    /// `setting` names the setting in the error.
    pub fn parse(setting: &str, value: &str) -> Result<Origin, Error> {
        let invalid = |nl: String, en: String| Error::Url {
            setting: setting.to_owned(),
            value: value.to_owned(),
            explanation: Bericht::new(nl, en),
        };
        let url = url::Url::parse(value.trim()).map_err(|e| {
            invalid(
                format!("{e}; geef een schema en een host, zoals https://cjg.example.nl"),
                format!("{e}; give a scheme and host, like https://cjg.example.nl"),
            )
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid(
                "het schema moet https (of http) zijn, zoals https://cjg.example.nl".into(),
                "the scheme must be https (or http), like https://cjg.example.nl".into(),
            ));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(invalid(
                "een origin heeft geen gebruikersnaam of wachtwoord".into(),
                "an origin has no user name or password".into(),
            ));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(invalid(
                "een origin is alleen een schema en een host, zoals https://cjg.example.nl (geen pad)".into(),
                "an origin is a scheme and host only, like https://cjg.example.nl (no path)".into(),
            ));
        }
        Ok(Origin::from_url(&url))
    }

    fn from_url(url: &url::Url) -> Origin {
        let origin = url.origin();
        Origin { serialized: origin.ascii_serialization(), origin }
    }

    /// Whether the `Origin` header a browser sent is this origin.
    pub fn matches(&self, header: &[u8]) -> bool {
        if header == self.serialized.as_bytes() {
            return true;
        }
        let Ok(tekst) = std::str::from_utf8(header) else { return false };
        url::Url::parse(tekst).is_ok_and(|url| url.origin() == self.origin)
    }

    /// The origin as browsers write it.
    pub fn as_str(&self) -> &str {
        &self.serialized
    }
}

/// One site the collector counts for.
#[derive(Debug, Clone)]
pub struct Site {
    /// A short name, `voorbeeldstad`: in the database, in `cjg plan --site`, and in the path
    /// the site's widget posts to when a collector serves several sites.
    pub id: String,
    /// The only origin allowed to post this site's events.
    pub origin: Origin,
    /// Where its vocabulary is read from.
    pub vocabulaire: VocabulaireSource,
}

impl Site {
    /// The one site of `--origin` and `--site` (the built site's folder).
    pub fn single(origin: &str, site: &Path) -> Result<Site, Error> {
        Ok(Site {
            id: DEFAULT_SITE.to_owned(),
            origin: Origin::parse("--origin", origin)?,
            vocabulaire: VocabulaireSource::File(site.join(VOCABULAIRE_PATH)),
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SitesFile {
    site: Vec<SiteEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteEntry {
    id: String,
    origin: String,
    vocabulaire: String,
}

/// Whether `id` may name a site: lower-case letters, digits and `-`, at most 63.
pub fn valid_site_id(id: &str) -> bool {
    (1..=63).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
}

/// Reads a sites file. Paths in it are relative to the file's folder.
pub fn read_sites(path: &Path) -> Result<Vec<Site>, Error> {
    let invalid = |nl: String, en: String| Error::SitesFile { path: path.to_owned(), reason: Bericht::new(nl, en) };
    let same = |reason: String| invalid(reason.clone(), reason);
    let tekst = std::fs::read_to_string(path).map_err(|e| same(e.to_string()))?;
    let bestand: SitesFile = toml::from_str(&tekst).map_err(|e| same(e.to_string()))?;
    if bestand.site.is_empty() {
        return Err(invalid("geen [[site]] in het bestand".into(), "no [[site]] in the file".into()));
    }
    let map = path.parent().unwrap_or(Path::new("."));
    let mut ids = BTreeSet::new();
    let mut origins = BTreeSet::new();
    let mut sites = Vec::new();
    for entry in bestand.site {
        if !valid_site_id(&entry.id) {
            return Err(invalid(
                format!("site-id {:?}: gebruik kleine letters, cijfers en -, zoals \"voorbeeldstad\"", entry.id),
                format!("site id {:?}: use lower-case letters, digits and -, like \"voorbeeldstad\"", entry.id),
            ));
        }
        if !ids.insert(entry.id.clone()) {
            return Err(invalid(
                format!("site-id {:?} staat er twee keer in", entry.id),
                format!("site id {:?} appears twice", entry.id),
            ));
        }
        let origin = Origin::parse(&format!("{}: origin of site {:?}", path.display(), entry.id), &entry.origin)?;
        if !origins.insert(origin.as_str().to_owned()) {
            return Err(invalid(
                format!("origin {} staat er twee keer in: elke site heeft een eigen origin", origin.as_str()),
                format!("origin {} appears twice: each site has an origin of its own", origin.as_str()),
            ));
        }
        let vocabulaire = vocabulaire_source(map, &entry.vocabulaire).map_err(|reason| {
            invalid(
                format!("vocabulaire van site {:?}: {}", entry.id, reason.nl),
                format!("vocabulaire of site {:?}: {}", entry.id, reason.en),
            )
        })?;
        sites.push(Site { id: entry.id, origin, vocabulaire });
    }
    Ok(sites)
}

/// A URL (`https://…/registratie/vocabulaire.json`, or the site's root ending in `/`) or a path
/// (the file, or the built site's folder).
fn vocabulaire_source(map: &Path, waarde: &str) -> Result<VocabulaireSource, Bericht> {
    let same = |e: url::ParseError| Bericht::new(format!("{waarde:?}: {e}"), format!("{waarde:?}: {e}"));
    if waarde.contains("://") {
        let url = url::Url::parse(waarde).map_err(same)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Bericht::new(
                format!("{waarde:?}: een http- of https-URL, of een pad"),
                format!("{waarde:?}: an http or https URL, or a path"),
            ));
        }
        let url = if url.path().ends_with('/') { url.join(VOCABULAIRE_PATH).map_err(same)? } else { url };
        return Ok(VocabulaireSource::Url(url));
    }
    let pad = map.join(waarde);
    Ok(VocabulaireSource::File(if pad.is_dir() { pad.join(VOCABULAIRE_PATH) } else { pad }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_compared_as_browsers_send_them() {
        let origin = Origin::parse("--origin", "https://CJG.example.nl:443/").unwrap();
        assert_eq!(origin.as_str(), "https://cjg.example.nl");
        assert!(origin.matches(b"https://cjg.example.nl"));
        assert!(origin.matches(b"https://cjg.example.nl:443"));
        assert!(!origin.matches(b"http://cjg.example.nl"));
        assert!(!origin.matches(b"https://cjg.example.nl:8443"));
        assert!(!origin.matches(b"https://elders.example"));
        assert!(!origin.matches(b"null"));
        let http = Origin::parse("--origin", "http://127.0.0.1:80").unwrap();
        assert_eq!(http.as_str(), "http://127.0.0.1");
        assert!(http.matches(b"http://127.0.0.1"));
        let ipv6 = Origin::parse("--origin", "http://[::1]:1111").unwrap();
        assert_eq!(ipv6.as_str(), "http://[::1]:1111");
        assert!(ipv6.matches(b"http://[0:0::1]:1111"));
        let idn = Origin::parse("--origin", "https://cjg.Zoë.example").unwrap();
        assert_eq!(idn.as_str(), "https://cjg.xn--zo-ija.example");
    }

    #[test]
    fn an_origin_is_a_scheme_and_host_only() {
        for fout in [
            "cjg.example.nl",
            "https://",
            "https://cjg.example.nl/vraag",
            "ftp://x",
            "https://a b",
            "https://cjg.example.nl/?x=1",
            "https://iemand@cjg.example.nl",
            "file:///etc",
        ] {
            assert!(Origin::parse("--origin", fout).is_err(), "{fout}");
        }
    }

    #[test]
    fn a_sites_file_names_each_site_once_with_its_own_origin() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/public/registratie")).unwrap();
        let pad = dir.path().join("sites.toml");
        std::fs::write(
            &pad,
            r#"
[[site]]
id = "a"
origin = "https://a.example:443"
vocabulaire = "a/public"

[[site]]
id = "b"
origin = "https://B.example"
vocabulaire = "https://b.example/"
"#,
        )
        .unwrap();
        let sites = read_sites(&pad).unwrap();
        assert_eq!(sites.len(), 2);
        assert_eq!(sites[0].origin.as_str(), "https://a.example");
        assert_eq!(sites[0].vocabulaire, VocabulaireSource::File(dir.path().join("a/public").join(VOCABULAIRE_PATH)));
        assert_eq!(sites[1].origin.as_str(), "https://b.example");
        assert_eq!(sites[1].vocabulaire.to_string(), "https://b.example/registratie/vocabulaire.json");

        for (inhoud, verwacht) in [
            ("[[site]]\nid = \"a\"\norigin = \"https://a.example\"\nvocabulaire = \"x\"\n[[site]]\nid = \"a\"\norigin = \"https://b.example\"\nvocabulaire = \"x\"\n", "twice"),
            ("[[site]]\nid = \"a\"\norigin = \"https://a.example\"\nvocabulaire = \"x\"\n[[site]]\nid = \"b\"\norigin = \"https://a.example:443\"\nvocabulaire = \"x\"\n", "twice"),
            ("[[site]]\nid = \"A B\"\norigin = \"https://a.example\"\nvocabulaire = \"x\"\n", "lower-case"),
            ("[[site]]\nid = \"a\"\norigin = \"https://a.example\"\nvocabulair = \"x\"\n", "unknown field"),
            ("[[site]]\nid = \"a\"\norigin = \"https://a.example/pad\"\nvocabulaire = \"x\"\n", "no path"),
            ("[[site]]\nid = \"a\"\norigin = \"https://a.example\"\nvocabulaire = \"ftp://x/\"\n", "http or https"),
            ("site = []\n", "no [[site]]"),
        ] {
            std::fs::write(&pad, inhoud).unwrap();
            let fout = read_sites(&pad).unwrap_err().to_string();
            assert!(fout.contains(verwacht), "{inhoud}: {fout}");
        }
    }
}
