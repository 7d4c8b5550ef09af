//! The site's slice of the Dutch lexicon: what the analyzer must know of Dutch beyond the
//! site's own words, so that the browser needs no dictionary.
//!
//! `cjg build` makes it (`crate::slicing`) from `cjg_lexicon::Lexicon` (OpenTaal's word
//! forms with their lemmas) and the words of the site, its synonym list and its risk rules:
//!
//! - **lemmas**: every form of a lemma the site knows ("luizen" → "luis", "sloeg" → "slaan",
//!   "gekrast" → "krassen"), for the forms whose Snowball stem differs from the lemma's;
//! - **separable verbs**: the particle and verb of every separable verb the site knows
//!   ("op" + "sluiten" → "opsluiten"), so "ze sluiten me op" is understood;
//! - **Dutch words**: the correctly spelt words near the site's words that are none of its
//!   forms ("lijdt" near "tijd"): they are never "corrected" into a site word.
//!
//! It travels in the index bundle as three plain-text sections ([`SiteLexicon::to_sections`]).

#[cfg(any(test, feature = "index"))]
use std::collections::{BTreeMap, BTreeSet};
use std::collections::{HashMap, HashSet};

use crate::error::Error;

/// Bundle section with the lemmas: `form<TAB>lemma lemma…` per line.
pub(crate) const LEMMAS: &str = "lemmas";
/// Bundle section with the separable verbs: `particle<TAB>verb<TAB>joined` per line.
pub(crate) const SEPARABLE: &str = "scheidbaar";
/// Bundle section with the Dutch words that are never corrected: one per line.
pub(crate) const DUTCH: &str = "nederlands";

/// See the module documentation.
#[derive(Debug, Clone, Default)]
pub(crate) struct SiteLexicon {
    lemmas: HashMap<String, Vec<String>>,
    separable: HashMap<(String, String), String>,
    /// The verbs of [`SiteLexicon::separable`], to find a verb worth joining quickly.
    separable_verbs: HashSet<String>,
    dutch: HashSet<String>,
}

impl SiteLexicon {
    /// The lemmas of a form, when the site lexicon has it; the surest first.
    pub(crate) fn lemmas(&self, form: &str) -> Option<&[String]> {
        self.lemmas.get(form).map(Vec::as_slice)
    }

    /// Every form with its lemmas, in no particular order.
    pub(crate) fn forms(&self) -> impl Iterator<Item = (&str, &[String])> {
        self.lemmas.iter().map(|(form, lemmas)| (form.as_str(), lemmas.as_slice()))
    }

    /// The separable verb made of `particle` and the verb `lemma`, if the site knows it.
    pub(crate) fn separable(&self, particle: &str, lemma: &str) -> Option<&str> {
        self.separable.get(&(particle.to_string(), lemma.to_string())).map(String::as_str)
    }

    /// Whether a verb lemma is the verb of a separable verb the site knows.
    pub(crate) fn is_separable_verb(&self, lemma: &str) -> bool {
        self.separable_verbs.contains(lemma)
    }

    /// Whether a word is correctly spelt Dutch that the site does not use.
    pub(crate) fn is_dutch(&self, word: &str) -> bool {
        self.dutch.contains(word)
    }

    /// A site lexicon of lemmas and separable verbs, without Dutch words yet.
    #[cfg(feature = "index")]
    pub(crate) fn new(lemmas: HashMap<String, Vec<String>>, separable: HashMap<(String, String), String>) -> SiteLexicon {
        let separable_verbs = separable.keys().map(|(_, verb)| verb.clone()).collect();
        SiteLexicon { lemmas, separable, separable_verbs, dutch: HashSet::new() }
    }

    /// The same, with the Dutch words that are never corrected.
    #[cfg(feature = "index")]
    pub(crate) fn with_dutch(self, dutch: HashSet<String>) -> SiteLexicon {
        SiteLexicon { dutch, ..self }
    }

    #[cfg(any(test, feature = "index"))]
    /// The three bundle sections, deterministic (sorted).
    pub(crate) fn to_sections(&self) -> [(&'static str, String); 3] {
        let lemmas: BTreeMap<&String, &Vec<String>> = self.lemmas.iter().collect();
        let mut lemma_text = String::new();
        for (form, lemmas) in lemmas {
            lemma_text.push_str(&format!("{form}\t{}\n", lemmas.join(" ")));
        }
        let separable: BTreeMap<&(String, String), &String> = self.separable.iter().collect();
        let mut separable_text = String::new();
        for ((particle, verb), joined) in separable {
            separable_text.push_str(&format!("{particle}\t{verb}\t{joined}\n"));
        }
        let dutch: BTreeSet<&String> = self.dutch.iter().collect();
        let dutch_text: String = dutch.into_iter().map(|w| format!("{w}\n")).collect();
        [(LEMMAS, lemma_text), (SEPARABLE, separable_text), (DUTCH, dutch_text)]
    }

    /// Reads the sections written by [`SiteLexicon::to_sections`].
    pub(crate) fn from_sections(lemmas: &str, separable: &str, dutch: &str) -> Result<SiteLexicon, Error> {
        let bad = |section: &str, line: &str| Error::Bundle(format!("section `{section}`: line `{line}`"));
        let mut out = SiteLexicon::default();
        for line in lemmas.lines() {
            let (form, list) = line.split_once('\t').ok_or_else(|| bad(LEMMAS, line))?;
            out.lemmas.insert(form.to_string(), list.split(' ').map(str::to_string).collect());
        }
        for line in separable.lines() {
            let mut fields = line.split('\t');
            let (Some(particle), Some(verb), Some(joined), None) = (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(bad(SEPARABLE, line));
            };
            out.separable.insert((particle.to_string(), verb.to_string()), joined.to_string());
            out.separable_verbs.insert(verb.to_string());
        }
        out.dutch = dutch.lines().map(str::to_string).collect();
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn survives_its_text_form() {
        let mut lexicon = SiteLexicon::default();
        lexicon.lemmas.insert("luizen".into(), vec!["luis".into()]);
        lexicon.separable.insert(("op".into(), "sluiten".into()), "opsluiten".into());
        lexicon.separable_verbs.insert("sluiten".into());
        lexicon.dutch.insert("lijdt".into());
        let [(_, a), (_, b), (_, c)] = lexicon.to_sections();
        let again = SiteLexicon::from_sections(&a, &b, &c).unwrap();
        assert_eq!(again.lemmas("luizen"), Some(&["luis".to_string()][..]));
        assert_eq!(again.separable("op", "sluiten"), Some("opsluiten"));
        assert!(again.is_dutch("lijdt") && !again.is_dutch("tijd"));
        assert!(SiteLexicon::from_sections("zonder tab\n", "", "").is_err());
    }
}
