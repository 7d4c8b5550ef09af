//! The built site's registration vocabulary (`public/registratie/vocabulaire.json`): the only
//! terms, pages and themes an event may name, and each page's theme. `cjg build` writes it
//! with [`Vocabulaire::to_json`]; the collector and `cjg registreer` read it, from a file or
//! from the published site's URL, so a word outside it can never reach the counts. This type is
//! the file's only definition.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Where `cjg build` writes the vocabulary, relative to the built site.
pub const VOCABULAIRE_PATH: &str = "registratie/vocabulaire.json";

/// The most bytes a vocabulary fetched over HTTP may have.
const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// The known terms (stems), page URLs and theme slugs of one built site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Vocabulaire {
    /// Lower-case stems that the widget may send.
    pub termen: BTreeSet<String>,
    /// Every page URL, `/ouders/gedrag/driftbuien/`.
    pub paginas: BTreeSet<String>,
    /// Every theme slug, `gedrag`.
    pub themas: BTreeSet<String>,
    /// Each page's theme as the site decided it (its front matter's `thema`, else its folder),
    /// by URL; a page without a theme is not in it. Vocabularies of older builds lack it: then
    /// a page's theme is the deepest folder of its URL that is a theme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagina_themas: Option<BTreeMap<String, String>>,
}

impl Vocabulaire {
    /// The vocabulary of a site with these registration `termen` and these pages, each with
    /// its URL and its theme (if any).
    pub fn new(
        termen: impl IntoIterator<Item = String>,
        paginas: impl IntoIterator<Item = (String, Option<String>)>,
    ) -> Vocabulaire {
        let mut vocabulaire = Vocabulaire { termen: termen.into_iter().collect(), ..Vocabulaire::default() };
        let mut pagina_themas = BTreeMap::new();
        for (url, thema) in paginas {
            if let Some(thema) = thema {
                vocabulaire.themas.insert(thema.clone());
                pagina_themas.insert(url.clone(), thema);
            }
            vocabulaire.paginas.insert(url);
        }
        vocabulaire.pagina_themas = Some(pagina_themas);
        vocabulaire
    }

    /// The JSON of `registratie/vocabulaire.json`, as [`Vocabulaire::from_json`] reads it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("sets and maps of strings serialise")
    }

    /// Reads `registratie/vocabulaire.json` from the built site in `site`.
    pub fn from_site(site: &Path) -> Result<Vocabulaire, Error> {
        VocabulaireSource::File(site.join(VOCABULAIRE_PATH)).read()
    }

    /// Parses the vocabulary's JSON; `source_name` names it in errors.
    pub fn from_json(text: &str, source_name: &str) -> Result<Vocabulaire, Error> {
        serde_json::from_str(text).map_err(|source| Error::VocabulaireInvalid { source_name: source_name.to_owned(), source })
    }

    /// The theme a page belongs to, as the site decided it. In an older build's vocabulary,
    /// without [`Vocabulaire::pagina_themas`]: the deepest folder of its URL that is a known
    /// theme (how the site derives a theme when the front matter names none).
    pub fn thema_of(&self, pagina: &str) -> Option<&str> {
        match &self.pagina_themas {
            Some(pagina_themas) => pagina_themas.get(pagina).map(String::as_str),
            None => {
                pagina.split('/').rev().filter(|deel| !deel.is_empty()).find_map(|deel| self.themas.get(deel).map(String::as_str))
            }
        }
    }
}

/// Where a site's vocabulary comes from: a file of the built site, or its published URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VocabulaireSource {
    /// `…/public/registratie/vocabulaire.json` on this machine.
    File(PathBuf),
    /// `https://cjg.example.nl/registratie/vocabulaire.json`.
    Url(url::Url),
}

impl fmt::Display for VocabulaireSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VocabulaireSource::File(path) => write!(f, "{}", path.display()),
            VocabulaireSource::Url(url) => f.write_str(url.as_str()),
        }
    }
}

impl VocabulaireSource {
    /// Reads and parses the vocabulary (blocking: a file read or one HTTP GET).
    pub fn read(&self) -> Result<Vocabulaire, Error> {
        let naam = self.to_string();
        let missing = |reason: String| Error::VocabulaireMissing { source_name: naam.clone(), reason };
        let tekst = match self {
            VocabulaireSource::File(path) => std::fs::read_to_string(path).map_err(|e| missing(e.to_string()))?,
            VocabulaireSource::Url(url) => {
                let agent: ureq::Agent =
                    ureq::Agent::config_builder().timeout_global(Some(Duration::from_secs(15))).build().into();
                let mut antwoord = agent.get(url.as_str()).call().map_err(|e| missing(e.to_string()))?;
                antwoord.body_mut().with_config().limit(MAX_BYTES).read_to_string().map_err(|e| missing(e.to_string()))?
            }
        };
        Vocabulaire::from_json(&tekst, &naam)
    }

    /// How often the collector looks whether the vocabulary changed.
    pub(crate) fn refresh_every(&self) -> Duration {
        match self {
            VocabulaireSource::File(_) => Duration::from_secs(2),
            VocabulaireSource::Url(_) => Duration::from_secs(60),
        }
    }

    fn modified(&self) -> Option<SystemTime> {
        match self {
            VocabulaireSource::File(path) => std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            VocabulaireSource::Url(_) => None,
        }
    }
}

/// A site's vocabulary in the running collector, read again when the site was rebuilt (or
/// republished), so that a new page's events are taken without restarting the collector.
pub(crate) struct LiveVocabulaire {
    source: VocabulaireSource,
    current: RwLock<Arc<Vocabulaire>>,
    /// The file's modification time at the last read, and the last failure already reported.
    seen: Mutex<(Option<SystemTime>, Option<String>)>,
}

impl LiveVocabulaire {
    /// Reads the vocabulary from `source`; it must be there at start.
    pub fn open(source: VocabulaireSource) -> Result<LiveVocabulaire, Error> {
        let modified = source.modified();
        let vocabulaire = Arc::new(source.read()?);
        Ok(LiveVocabulaire { source, current: RwLock::new(vocabulaire), seen: Mutex::new((modified, None)) })
    }

    /// Where it is read from.
    pub fn source(&self) -> &VocabulaireSource {
        &self.source
    }

    /// The vocabulary now.
    pub fn current(&self) -> Arc<Vocabulaire> {
        self.current.read().unwrap_or_else(|vergiftigd| vergiftigd.into_inner()).clone()
    }

    /// Reads the source again if it (may have) changed (blocking). A broken file keeps the
    /// previous vocabulary, so a build in progress never stops the counting; the failure is
    /// said once, not on every look.
    pub fn refresh(&self) {
        let modified = self.source.modified();
        let mut seen = self.seen.lock().unwrap_or_else(|vergiftigd| vergiftigd.into_inner());
        if matches!(self.source, VocabulaireSource::File(_)) && modified == seen.0 {
            return;
        }
        seen.0 = modified;
        match self.source.read() {
            Ok(vocabulaire) => {
                *self.current.write().unwrap_or_else(|vergiftigd| vergiftigd.into_inner()) = Arc::new(vocabulaire);
                seen.1 = None;
            }
            Err(error) => {
                let melding = error.to_string();
                if seen.1.as_ref() != Some(&melding) {
                    eprintln!("keeping the previous vocabulary: {melding}");
                    seen.1 = Some(melding);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulaire() -> Vocabulaire {
        Vocabulaire::from_json(
            r#"{"termen": ["koorts"], "paginas": ["/ouders/gedrag/driftbuien/", "/contact/"], "themas": ["gedrag", "geld"]}"#,
            "v.json",
        )
        .unwrap()
    }

    #[test]
    fn a_page_has_the_theme_the_site_gave_it_even_outside_that_folder() {
        let paginas = [
            ("/ouders/gedrag/driftbuien/".to_owned(), Some("gedrag".to_owned())),
            ("/ouders/gedrag/zakgeld/".to_owned(), Some("geld".to_owned())),
            ("/contact/".to_owned(), None),
        ];
        let gebouwd = Vocabulaire::new(["koorts".to_owned()], paginas);
        let v = Vocabulaire::from_json(&gebouwd.to_json(), "v.json").unwrap();
        assert_eq!(v, gebouwd, "what cjg build writes reads back the same");
        assert_eq!(v.thema_of("/ouders/gedrag/zakgeld/"), Some("geld"), "front matter thema, not the folder");
        assert_eq!(v.thema_of("/ouders/gedrag/driftbuien/"), Some("gedrag"));
        assert_eq!(v.thema_of("/contact/"), None);
        assert_eq!(v.themas.iter().map(String::as_str).collect::<Vec<_>>(), ["gedrag", "geld"]);
        assert_eq!(v.paginas.len(), 3);
    }

    #[test]
    fn the_theme_is_the_deepest_known_folder() {
        let v = vocabulaire();
        assert_eq!(v.thema_of("/ouders/gedrag/driftbuien/"), Some("gedrag"));
        assert_eq!(v.thema_of("/ouders/gedrag/"), Some("gedrag"));
        assert_eq!(v.thema_of("/contact/"), None);
    }

    #[test]
    fn a_missing_file_says_to_build_the_site() {
        let error = Vocabulaire::from_site(Path::new("/nonexistent")).unwrap_err().to_string();
        assert!(error.contains("cjg build"), "{error}");
    }

    #[test]
    fn a_rebuilt_site_brings_its_new_pages() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join(VOCABULAIRE_PATH);
        std::fs::create_dir_all(pad.parent().unwrap()).unwrap();
        std::fs::write(&pad, r#"{"termen": [], "paginas": ["/a/"], "themas": []}"#).unwrap();
        let lijst = LiveVocabulaire::open(VocabulaireSource::File(pad.clone())).unwrap();
        assert!(lijst.current().paginas.contains("/a/"));
        let later = SystemTime::now() + Duration::from_secs(10);
        std::fs::write(&pad, "{").unwrap();
        std::fs::File::options().write(true).open(&pad).unwrap().set_modified(later).unwrap();
        lijst.refresh();
        assert!(lijst.current().paginas.contains("/a/"), "a broken file keeps the old vocabulary");
        std::fs::write(&pad, r#"{"termen": [], "paginas": ["/a/", "/b/"], "themas": []}"#).unwrap();
        std::fs::File::options().write(true).open(&pad).unwrap().set_modified(later + Duration::from_secs(1)).unwrap();
        lijst.refresh();
        assert!(lijst.current().paginas.contains("/b/"));
    }

    #[test]
    fn a_vocabulary_is_read_from_its_published_url_too() {
        use std::io::{Read, Write};
        let server = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let adres = server.local_addr().unwrap();
        let antwoorden = std::thread::spawn(move || {
            for (status, body) in
                [("200 OK", r#"{"termen": ["koorts"], "paginas": ["/a/"], "themas": []}"#), ("404 Not Found", "")]
            {
                let (mut verbinding, _) = server.accept().unwrap();
                let mut verzoek = [0u8; 1024];
                let n = verbinding.read(&mut verzoek).unwrap();
                assert!(String::from_utf8_lossy(&verzoek[..n]).starts_with("GET /registratie/vocabulaire.json "));
                let antwoord = format!("HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
                verbinding.write_all(antwoord.as_bytes()).unwrap();
            }
        });
        let url = url::Url::parse(&format!("http://{adres}/registratie/vocabulaire.json")).unwrap();
        let source = VocabulaireSource::Url(url);
        assert!(source.read().unwrap().termen.contains("koorts"));
        let fout = source.read().unwrap_err().to_string();
        assert!(fout.contains("404") && fout.contains("cjg build"), "{fout}");
        antwoorden.join().unwrap();
    }

    #[test]
    fn a_broken_file_names_itself() {
        let error = Vocabulaire::from_json("{", "public/registratie/vocabulaire.json").unwrap_err();
        assert!(error.to_string().contains("public/registratie/vocabulaire.json"), "{error}");
    }
}
