//! The site's slice of the Dutch lexicon: what the analyzer must know of Dutch beyond the
//! site's own words, so that the browser needs no dictionary.
//!
//! `cjg build` makes it from [`cjg_lexicon::Lexicon`] (OpenTaal's word forms with their
//! lemmas) and the words of the site, its synonym list, its risk rules and its examples:
//!
//! - **lemmas**: every form of a lemma the site knows ("luizen" → "luis", "sloeg" → "slaan",
//!   "gekrast" → "krassen"), for the forms whose Snowball stem differs from the lemma's;
//! - **separable verbs**: the particle and verb of every separable verb the site knows
//!   ("op" + "sluiten" → "opsluiten"), so "ze sluiten me op" is understood;
//! - **Dutch words**: the correctly spelt words near the site's words that are none of its
//!   forms ("lijdt" near "tijd"): they are never "corrected" into a site word.
//!
//! It travels in the index bundle as three plain-text sections ([`SiteLexicon::to_sections`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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
    /// The lemmas of a form, when the site lexicon has it; the form's own lemma first.
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

#[cfg(feature = "index")]
pub(crate) use slice::slice;

/// Making the slice from the full lexicon (natively, during `cjg build`).
#[cfg(feature = "index")]
mod slice {
    use std::collections::{BTreeSet, HashMap, HashSet};

    use cjg_lexicon::{Lexicon, PARTICLES};

    use super::SiteLexicon;
    use crate::spelling;
    use crate::stem::Stemmer;
    use crate::stopwords::is_stopword;

    /// The slice of `lexicon` for a site whose words are `site_words`, of which `candidates`
    /// are the words a typo may be corrected into.
    pub(crate) fn slice<'a>(
        lexicon: &Lexicon,
        site_words: impl IntoIterator<Item = &'a str>,
        candidates: impl IntoIterator<Item = &'a str>,
        stemmer: &Stemmer,
    ) -> SiteLexicon {
        let mut site_lemmas: BTreeSet<String> = BTreeSet::new();
        let mut own_words: HashSet<&str> = HashSet::new();
        for word in site_words {
            if word.len() < 2 || is_stopword(word) {
                continue;
            }
            own_words.insert(word);
            site_lemmas.extend(lexicon.lemmas(word));
        }

        // Separable verbs the site knows, and the verbs they are made of.
        let mut separable = HashMap::new();
        let mut verbs = BTreeSet::new();
        for lemma in &site_lemmas {
            for particle in PARTICLES {
                let Some(verb) = lemma.strip_prefix(particle) else { continue };
                if verb.len() >= 3 && lemma.ends_with('n') && lexicon.lemmas(verb).iter().any(|l| l == verb) {
                    separable.insert((particle.to_string(), verb.to_string()), lemma.clone());
                    verbs.insert(verb.to_string());
                }
            }
        }
        let all: BTreeSet<String> = site_lemmas.into_iter().chain(verbs).collect();

        let mut lemmas: HashMap<String, Vec<String>> = HashMap::new();
        for lemma in &all {
            for form in lexicon.forms(lemma) {
                if lemmas.contains_key(&form) || is_stopword(&form) {
                    continue;
                }
                let mut of_site: Vec<String> = lexicon.lemmas(&form).into_iter().filter(|l| all.contains(l)).collect();
                // The form's own lemma first, so that it is what the form is known by.
                of_site.sort_by_key(|l| l != &form);
                let stem = stemmer.stem(&form);
                let needed = of_site.len() > 1 || of_site.first().is_some_and(|l| stemmer.stem(l) != stem);
                if needed {
                    lemmas.insert(form, of_site);
                }
            }
        }

        // Dutch words a typo correction could reach that are no form of the site.
        let known = |word: &str| own_words.contains(word) || lemmas.contains_key(word);
        let mut dutch = HashSet::new();
        for candidate in candidates.into_iter().filter(|c| c.bytes().all(|b| b.is_ascii_lowercase())) {
            let Ok(mistakes) = u8::try_from(spelling::allowed_mistakes(candidate.len())) else { continue };
            if mistakes == 0 {
                continue;
            }
            for word in lexicon.near(candidate, mistakes) {
                if !known(&word) {
                    dutch.insert(word);
                }
            }
        }
        let separable_verbs = separable.keys().map(|(_, verb)| verb.clone()).collect();
        SiteLexicon { lemmas, separable, separable_verbs, dutch }
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

    #[cfg(feature = "index")]
    #[test]
    fn slices_the_forms_of_the_site_lemmas() {
        let lexicon = cjg_lexicon::Lexicon::dutch();
        assert!(!lexicon.is_empty(), "built without the lexicon: run ./dev test");
        let stemmer = crate::stem::Stemmer::new();
        let site = ["hoofdluis", "luis", "slaan", "opgesloten", "krassen", "tijd"];
        let slice = slice(lexicon, site, site, &stemmer);
        assert_eq!(slice.lemmas("luizen").map(|l| l.contains(&"luis".to_string())), Some(true));
        assert!(slice.lemmas("sloeg").is_some_and(|l| l.contains(&"slaan".to_string())));
        let same_stem = stemmer.stem("gekrast") == stemmer.stem("krassen");
        assert!(same_stem || slice.lemmas("gekrast").is_some_and(|l| l.contains(&"krassen".to_string())));
        assert_eq!(slice.separable("op", "sluiten"), Some("opsluiten"));
        assert!(slice.lemmas("sloot").is_some_and(|l| l.contains(&"sluiten".to_string())), "the verb of a separable verb");
        assert!(slice.is_dutch("tij"), "a Dutch word one letter from `tijd`");
        assert!(!slice.is_dutch("tijd"));
    }
}
