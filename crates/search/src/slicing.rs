//! Cutting the site's slice out of the Dutch lexicon (natively, during `cjg build`); what the
//! slice holds and why is told in [`crate::site_lexicon`].
//!
//! The slice is kept small, since every visitor downloads it: a form is listed only when the
//! analyzer would not find its lemma without it (its Snowball stem differs from the lemma's),
//! and a Dutch word is listed only when the analyzer would otherwise mistake it for a typo.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use cjg_lexicon::{Lexicon, PARTICLES};
use rayon::prelude::*;

use crate::analyzer::Analyzer;
use crate::site_lexicon::SiteLexicon;
use crate::spelling;
use crate::stem::Stemmer;
use crate::stopwords::is_stopword;
use crate::vocabulary::Vocabulary;

/// The slice of `lexicon` for a site with `vocabulary` whose rules and risk examples also
/// use `other_words`.
pub(crate) fn slice(lexicon: &Lexicon, vocabulary: &Arc<Vocabulary>, other_words: &[String], stemmer: Stemmer) -> SiteLexicon {
    let site_words = vocabulary.words().chain(other_words.iter().map(String::as_str));
    let site_lemmas: BTreeSet<String> =
        site_words.filter(|w| w.len() >= 2 && !is_stopword(w)).flat_map(|w| lexicon.lemmas(w)).collect();

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
            // In the lexicon's order: the surest lemma first, which is what the form is known by.
            let of_site: Vec<String> = lexicon.lemmas(&form).into_iter().filter(|l| all.contains(l)).collect();
            let stem = stemmer.stem(&form);
            let needed = of_site.len() > 1 || of_site.first().is_some_and(|l| stemmer.stem(l) != stem);
            if needed {
                lemmas.insert(form, of_site);
            }
        }
    }
    let without_dutch = Arc::new(SiteLexicon::new(lemmas, separable));

    // Dutch words near the words a typo may be corrected into, that the analyzer would not
    // recognise without being told.
    let analyzer = Analyzer::new(vocabulary.clone(), without_dutch.clone(), stemmer);
    let candidates: Vec<(&str, u8)> = spelling::candidates(vocabulary)
        .filter(|c| c.bytes().all(|b| b.is_ascii_lowercase()))
        .filter_map(|c| Some((c, u8::try_from(spelling::allowed_mistakes(c.len())).ok().filter(|&m| m > 0)?)))
        .collect();
    let near: BTreeSet<String> = candidates.par_iter().flat_map_iter(|&(c, mistakes)| lexicon.near(c, mistakes)).collect();
    let dutch: HashSet<String> = near.into_iter().filter(|word| !analyzer.recognises(word)).collect();
    drop(analyzer);
    Arc::try_unwrap(without_dutch).unwrap_or_else(|shared| (*shared).clone()).with_dutch(dutch)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_the_forms_of_the_site_lemmas() {
        let lexicon = Lexicon::dutch();
        assert!(!lexicon.is_empty(), "built without the lexicon: run ./dev test");
        let stemmer = Stemmer::new();
        let vocabulary = Arc::new(Vocabulary::collect([vec!["hoofdluis luis slaan opgesloten krassen tijd"]], []));
        let slice = slice(lexicon, &vocabulary, &[], stemmer);
        assert!(slice.lemmas("luizen").is_some_and(|l| l.contains(&"luis".to_string())));
        assert!(slice.lemmas("sloeg").is_some_and(|l| l.contains(&"slaan".to_string())));
        let same_stem = stemmer.stem("gekrast") == stemmer.stem("krassen");
        assert!(same_stem || slice.lemmas("gekrast").is_some_and(|l| l.contains(&"krassen".to_string())));
        assert_eq!(slice.separable("op", "sluiten"), Some("opsluiten"));
        assert!(slice.lemmas("sloot").is_some_and(|l| l.contains(&"sluiten".to_string())), "the verb of a separable verb");
        assert!(slice.is_dutch("tij"), "a Dutch word one letter from `tijd`");
        assert!(!slice.is_dutch("tijd") && !slice.is_dutch("tijden"), "the site's own forms are no strangers");
    }
}
