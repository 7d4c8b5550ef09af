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
//! It travels in the index bundle as three text sections ([`SiteLexicon::to_sections`]).

#[cfg(any(test, feature = "index"))]
use std::collections::{BTreeMap, BTreeSet};
use std::collections::{HashMap, HashSet};

use crate::error::Error;
use crate::word_delta;

/// Bundle section with the lemmas: `form<TAB>lemma lemma…` per line, front-coded, each
/// lemma as an edit of the form.
pub(crate) const LEMMAS: &str = "lemmas";
/// Bundle section with the separable verbs: `particle<TAB>verb<TAB>joined` per line.
pub(crate) const SEPARABLE: &str = "scheidbaar";
/// Bundle section with the Dutch words that are never corrected: one per line, front-coded.
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
    #[cfg(any(test, feature = "index"))]
    pub(crate) fn new(lemmas: HashMap<String, Vec<String>>, separable: HashMap<(String, String), String>) -> SiteLexicon {
        let separable_verbs = separable.keys().map(|(_, verb)| verb.clone()).collect();
        SiteLexicon { lemmas, separable, separable_verbs, dutch: HashSet::new() }
    }

    /// The same, with the Dutch words that are never corrected.
    #[cfg(any(test, feature = "index"))]
    pub(crate) fn with_dutch(self, dutch: HashSet<String>) -> SiteLexicon {
        SiteLexicon { dutch, ..self }
    }

    #[cfg(any(test, feature = "index"))]
    /// The three bundle sections, deterministic (sorted). The lemmas and the Dutch words are
    /// front-coded, and each lemma is an edit of its form ([`crate::word_delta`]).
    pub(crate) fn to_sections(&self) -> [(&'static str, String); 3] {
        let lemmas: BTreeMap<&String, &Vec<String>> = self.lemmas.iter().collect();
        let lemma_lines: Vec<String> = lemmas
            .into_iter()
            .map(|(form, lemmas)| {
                let edits: Vec<String> = lemmas.iter().map(|lemma| word_delta::suffix_edit(form, lemma)).collect();
                format!("{form}\t{}", edits.join(" "))
            })
            .collect();
        let separable: BTreeMap<&(String, String), &String> = self.separable.iter().collect();
        let mut separable_text = String::new();
        for ((particle, verb), joined) in separable {
            separable_text.push_str(&format!("{particle}\t{verb}\t{joined}\n"));
        }
        let dutch: BTreeSet<&String> = self.dutch.iter().collect();
        [
            (LEMMAS, word_delta::front_coded(lemma_lines.iter().map(String::as_str))),
            (SEPARABLE, separable_text),
            (DUTCH, word_delta::front_coded(dutch.into_iter().map(String::as_str))),
        ]
    }

    /// Reads the sections written by [`SiteLexicon::to_sections`].
    pub(crate) fn from_sections(lemmas: &str, separable: &str, dutch: &str) -> Result<SiteLexicon, Error> {
        let bad = |section: &str, line: &str| Error::Bundle(format!("section `{section}`: line `{line}`"));
        let mut out = SiteLexicon::default();
        for line in word_delta::front_decoded(lemmas, LEMMAS)? {
            let (form, edits) = line.split_once('\t').ok_or_else(|| bad(LEMMAS, &line))?;
            let lemmas = edits.split(' ').map(|edit| word_delta::apply_suffix_edit(form, edit));
            let lemmas = lemmas.collect::<Option<Vec<String>>>().ok_or_else(|| bad(LEMMAS, &line))?;
            out.lemmas.insert(form.to_string(), lemmas);
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
        out.dutch = word_delta::front_decoded(dutch, DUTCH)?.into_iter().collect();
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
        lexicon.lemmas.insert("luis".into(), vec!["luis".into(), "luizen".into()]);
        lexicon.separable.insert(("op".into(), "sluiten".into()), "opsluiten".into());
        lexicon.separable_verbs.insert("sluiten".into());
        lexicon.dutch.insert("lijdt".into());
        let [(_, a), (_, b), (_, c)] = lexicon.to_sections();
        let again = SiteLexicon::from_sections(&a, &b, &c).unwrap();
        assert_eq!(again.lemmas("luizen"), Some(&["luis".to_string()][..]));
        assert_eq!(again.separable("op", "sluiten"), Some("opsluiten"));
        assert!(again.is_dutch("lijdt") && !again.is_dutch("tijd"));
        assert_eq!(again.lemmas("luis"), Some(&["luis".to_string(), "luizen".to_string()][..]));
        for broken in ["0zonder tab\n", "0luis\t9x\n", "Zluis\t0\n"] {
            let error = SiteLexicon::from_sections(broken, "", "").unwrap_err().to_string();
            assert!(error.contains("lemmas"), "{error}");
        }
    }
}
