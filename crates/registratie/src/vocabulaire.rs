//! The built site's registration vocabulary (`public/registratie/vocabulaire.json`): the only
//! terms, pages and themes an event may name. `cjg build` writes it; the collector and
//! `cjg registreer` read it, so a word outside it can never reach the counts.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant, SystemTime};

use serde::Deserialize;

use crate::error::Error;

/// Where `cjg build` writes the vocabulary, relative to the built site.
pub const VOCABULAIRE_PAD: &str = "registratie/vocabulaire.json";

/// The known terms (stems), page URLs and theme slugs of one built site.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Vocabulaire {
    /// Lower-case stems that the widget may send.
    pub termen: BTreeSet<String>,
    /// Every page URL, `/ouders/gedrag/driftbuien/`.
    pub paginas: BTreeSet<String>,
    /// Every theme slug, `gedrag`.
    pub themas: BTreeSet<String>,
}

impl Vocabulaire {
    /// Reads `registratie/vocabulaire.json` from the built site in `site`.
    pub fn lees(site: &Path) -> Result<Vocabulaire, Error> {
        let pad = site.join(VOCABULAIRE_PAD);
        let tekst =
            std::fs::read_to_string(&pad).map_err(|bron| Error::VocabulaireOntbreekt { pad: pad.clone(), bron })?;
        Self::uit_json(&tekst, pad)
    }

    /// Parses the vocabulary's JSON; `pad` names it in errors.
    pub fn uit_json(tekst: &str, pad: PathBuf) -> Result<Vocabulaire, Error> {
        serde_json::from_str(tekst).map_err(|bron| Error::VocabulaireOngeldig { pad, bron })
    }

    /// The theme a page belongs to: the deepest folder of its URL that is a known theme, which is
    /// how the site derives a page's theme when its front matter names none.
    pub fn thema_van(&self, pagina: &str) -> Option<&str> {
        pagina
            .split('/')
            .rev()
            .filter(|deel| !deel.is_empty())
            .find_map(|deel| self.themas.get(deel).map(String::as_str))
    }
}

/// How often the collector looks whether `cjg build` replaced the vocabulary.
const OPNIEUW_KIJKEN: Duration = Duration::from_secs(5);

/// The collector's vocabulary, read again when the site was rebuilt, so that a new page's
/// events are taken without restarting the collector.
pub(crate) struct Woordenlijst {
    pad: PathBuf,
    huidig: RwLock<(Arc<Vocabulaire>, Option<SystemTime>)>,
    volgende_blik: Mutex<Instant>,
}

impl Woordenlijst {
    /// Reads the vocabulary of the built site in `site`.
    pub fn open(site: &Path) -> Result<Woordenlijst, Error> {
        let pad = site.join(VOCABULAIRE_PAD);
        let gewijzigd = gewijzigd(&pad);
        let vocabulaire = Arc::new(Vocabulaire::lees(site)?);
        Ok(Woordenlijst {
            pad,
            huidig: RwLock::new((vocabulaire, gewijzigd)),
            volgende_blik: Mutex::new(Instant::now() + OPNIEUW_KIJKEN),
        })
    }

    /// The vocabulary now; at most every few seconds this first looks whether the file changed.
    pub fn huidig(&self) -> Arc<Vocabulaire> {
        let kijken = self.volgende_blik.try_lock().is_ok_and(|mut volgende| {
            let nu = Instant::now();
            let tijd = nu >= *volgende;
            if tijd {
                *volgende = nu + OPNIEUW_KIJKEN;
            }
            tijd
        });
        if kijken {
            self.ververs();
        }
        self.huidig.read().unwrap_or_else(|vergiftigd| vergiftigd.into_inner()).0.clone()
    }

    /// Reads the file again if it changed. A broken file keeps the previous vocabulary, so
    /// a build in progress never stops the counting.
    fn ververs(&self) {
        let nu = gewijzigd(&self.pad);
        if nu == self.huidig.read().unwrap_or_else(|vergiftigd| vergiftigd.into_inner()).1 {
            return;
        }
        let nieuw = std::fs::read_to_string(&self.pad)
            .map_err(|bron| Error::VocabulaireOntbreekt { pad: self.pad.clone(), bron })
            .and_then(|tekst| Vocabulaire::uit_json(&tekst, self.pad.clone()));
        let mut huidig = self.huidig.write().unwrap_or_else(|vergiftigd| vergiftigd.into_inner());
        match nieuw {
            Ok(vocabulaire) => huidig.0 = Arc::new(vocabulaire),
            // Said once per change of the file, not per request.
            Err(error) => eprintln!("keeping the previous vocabulary: {error}"),
        }
        huidig.1 = nu;
    }
}

fn gewijzigd(pad: &Path) -> Option<SystemTime> {
    std::fs::metadata(pad).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulaire() -> Vocabulaire {
        Vocabulaire::uit_json(
            r#"{"termen": ["koorts"], "paginas": ["/ouders/gedrag/driftbuien/", "/contact/"], "themas": ["gedrag", "geld"]}"#,
            PathBuf::from("v.json"),
        )
        .unwrap()
    }

    #[test]
    fn the_theme_is_the_deepest_known_folder() {
        let v = vocabulaire();
        assert_eq!(v.thema_van("/ouders/gedrag/driftbuien/"), Some("gedrag"));
        assert_eq!(v.thema_van("/ouders/gedrag/"), Some("gedrag"));
        assert_eq!(v.thema_van("/contact/"), None);
    }

    #[test]
    fn a_missing_file_says_to_build_the_site() {
        let error = Vocabulaire::lees(Path::new("/nonexistent")).unwrap_err().to_string();
        assert!(error.contains("cjg build"), "{error}");
    }

    #[test]
    fn a_rebuilt_site_brings_its_new_pages() {
        let dir = tempfile::tempdir().unwrap();
        let pad = dir.path().join(VOCABULAIRE_PAD);
        std::fs::create_dir_all(pad.parent().unwrap()).unwrap();
        std::fs::write(&pad, r#"{"termen": [], "paginas": ["/a/"], "themas": []}"#).unwrap();
        let lijst = Woordenlijst::open(dir.path()).unwrap();
        assert!(lijst.huidig().paginas.contains("/a/"));
        let later = SystemTime::now() + Duration::from_secs(10);
        std::fs::write(&pad, "{").unwrap();
        std::fs::File::options().write(true).open(&pad).unwrap().set_modified(later).unwrap();
        lijst.ververs();
        assert!(lijst.huidig().paginas.contains("/a/"), "a broken file keeps the old vocabulary");
        std::fs::write(&pad, r#"{"termen": [], "paginas": ["/a/", "/b/"], "themas": []}"#).unwrap();
        std::fs::File::options().write(true).open(&pad).unwrap().set_modified(later + Duration::from_secs(1)).unwrap();
        lijst.ververs();
        assert!(lijst.huidig().paginas.contains("/b/"));
    }

    #[test]
    fn a_broken_file_names_itself() {
        let error = Vocabulaire::uit_json("{", PathBuf::from("public/registratie/vocabulaire.json")).unwrap_err();
        assert!(error.to_string().contains("public/registratie/vocabulaire.json"), "{error}");
    }
}
