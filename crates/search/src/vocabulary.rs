//! The words the site uses: the yardstick for compound splitting, diminutives and
//! spelling correction, and the only words a question may be registered with.
//!
//! It is made once from the pages (and the synonym list) when the index is built and
//! travels inside the index bundle, so the browser splits and corrects exactly as the
//! index builder did.

use std::collections::{BTreeMap, BTreeSet};
#[cfg(any(test, feature = "index"))]
use std::collections::{HashMap, HashSet};

use crate::bundle;
use crate::error::Error;
#[cfg(any(test, feature = "index"))]
use crate::stopwords::is_stopword;
#[cfg(any(test, feature = "index"))]
use crate::text;
use crate::word_delta;
#[cfg(any(test, feature = "index"))]
use rayon::prelude::*;

/// The site's words with the number of pages each occurs on.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Word → number of pages it occurs on (0 for words only in the synonym list).
    words: BTreeMap<String, u32>,
    /// Words the pages never write in lower case (names of people, places and
    /// organisations, and words seen only at the start of a sentence): searchable, but
    /// never registered. Leaving out a real word only loses a count; registering a
    /// name would break the promise that only the question is counted.
    names: BTreeSet<String>,
}

#[cfg(any(test, feature = "index"))]
/// Word counts of some pages: on how many pages each word occurs, and which words they
/// write in lower case somewhere.
#[derive(Default)]
struct Counts {
    pages: HashMap<String, u32>,
    in_lower_case: HashSet<String>,
}

#[cfg(any(test, feature = "index"))]
impl Counts {
    /// Counts one more page.
    fn add_page(mut self, texts: &[&str]) -> Counts {
        let mut on_page = HashSet::new();
        for text in texts {
            for word in text::words(text).into_iter().filter(|w| is_vocabulary_word(&w.text)) {
                let lower = !text[word.start..word.end].chars().next().is_some_and(char::is_uppercase);
                if lower && !self.in_lower_case.contains(&word.text) {
                    self.in_lower_case.insert(word.text.clone());
                }
                if !on_page.contains(&word.text) {
                    *self.pages.entry(word.text.clone()).or_default() += 1;
                    on_page.insert(word.text);
                }
            }
        }
        self
    }

    /// The counts of two sets of pages together.
    fn merge(mut self, other: Counts) -> Counts {
        for (word, pages) in other.pages {
            *self.pages.entry(word).or_default() += pages;
        }
        self.in_lower_case.extend(other.in_lower_case);
        self
    }
}

impl Vocabulary {
    #[cfg(any(test, feature = "index"))]
    /// The vocabulary of some pages' texts (one `Vec` of texts per page) and of extra
    /// words that occur on no page.
    pub(crate) fn collect<'a>(
        pages: impl IntoIterator<Item = Vec<&'a str>>,
        extra: impl IntoIterator<Item = String>,
    ) -> Vocabulary {
        // The pages are counted on every core, then the counts are added up.
        let pages: Vec<Vec<&'a str>> = pages.into_iter().collect();
        let counts =
            pages.par_iter().fold(Counts::default, |counts, texts| counts.add_page(texts)).reduce(Counts::default, Counts::merge);
        let mut words: BTreeMap<String, u32> = counts.pages.into_iter().collect();
        let mut in_lower_case = counts.in_lower_case;
        for word in extra {
            if is_vocabulary_word(&word) {
                in_lower_case.insert(word.clone());
                words.entry(word).or_default();
            }
        }
        let names = words.keys().filter(|w| !in_lower_case.contains(*w)).cloned().collect();
        Vocabulary { words, names }
    }

    /// Whether a question may be counted with this word: a word of the site that the
    /// pages write in lower case somewhere and that holds no digit.
    pub fn registrable(&self, word: &str) -> bool {
        self.contains(word) && !self.names.contains(word) && !word.chars().any(|c| c.is_ascii_digit())
    }

    /// Every word a question may be counted with, alphabetically.
    pub fn registrable_words(&self) -> impl Iterator<Item = &str> {
        self.words().filter(|w| self.registrable(w))
    }

    /// Whether the site uses exactly this word.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains_key(word)
    }

    /// The number of pages a word occurs on.
    pub(crate) fn pages_with(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(0)
    }

    /// All words, alphabetically.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.keys().map(String::as_str)
    }

    #[cfg(any(test, feature = "index"))]
    /// One `word<TAB>pages` line per word, with `<TAB>naam` after names, front-coded
    /// ([`crate::word_delta`]): the form stored in the bundle.
    pub(crate) fn to_text(&self) -> String {
        let lines: Vec<String> = self
            .words
            .iter()
            .map(|(word, pages)| {
                let mark = if self.names.contains(word) { NAME_MARK } else { "" };
                format!("{word}\t{pages}{mark}")
            })
            .collect();
        word_delta::front_coded(lines.iter().map(String::as_str))
    }

    /// Reads the form written by [`Vocabulary::to_text`].
    pub(crate) fn from_text(text: &str) -> Result<Vocabulary, Error> {
        let mut words = BTreeMap::new();
        let mut names = BTreeSet::new();
        for line in word_delta::front_decoded(text, bundle::VOCABULARY)? {
            let (line, is_name) = match line.strip_suffix(NAME_MARK) {
                Some(word_and_pages) => (word_and_pages, true),
                None => (line.as_str(), false),
            };
            let parsed = line.split_once('\t').and_then(|(word, pages)| Some((word, pages.parse().ok()?)));
            let Some((word, pages)) = parsed else {
                return Err(Error::Bundle(format!("vocabulary line `{line}` is not `word<TAB>pages`")));
            };
            words.insert(word.to_string(), pages);
            if is_name {
                names.insert(word.to_string());
            }
        }
        Ok(Vocabulary { words, names })
    }
}

/// Marks a name in the bundle's vocabulary lines.
const NAME_MARK: &str = "\tnaam";

#[cfg(any(test, feature = "index"))]
/// Words worth knowing: not a stop word, at least two characters, at least one letter.
fn is_vocabulary_word(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().any(char::is_alphabetic) && !is_stopword(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_pages_not_occurrences() {
        let vocabulary =
            Vocabulary::collect([vec!["Zakgeld, zakgeld!", "geld"], vec!["Zakgeld en kleedgeld"]], ["stufi".to_string()]);
        assert_eq!(vocabulary.pages_with("zakgeld"), 2);
        assert_eq!(vocabulary.pages_with("geld"), 1);
        assert!(vocabulary.contains("stufi"));
        assert!(!vocabulary.contains("en"), "stop words are not vocabulary");
    }

    #[test]
    fn names_and_numbers_are_never_registrable() {
        let vocabulary = Vocabulary::collect(
            [vec!["Bel het CJG Voorbeeldstad.", "Geef zakgeld in de 14e week. Bel de huisarts."]],
            ["stufi".to_string()],
        );
        assert!(vocabulary.contains("voorbeeldstad"), "names are still searchable");
        assert!(!vocabulary.registrable("voorbeeldstad"));
        assert!(!vocabulary.registrable("14e"));
        assert!(vocabulary.registrable("zakgeld"));
        assert!(!vocabulary.registrable("geef"), "only ever at the start of a sentence: left out, to be safe");
        assert!(vocabulary.registrable("stufi"));
        let again = Vocabulary::from_text(&vocabulary.to_text()).unwrap();
        assert!(!again.registrable("voorbeeldstad") && again.registrable("huisarts"));
    }

    #[test]
    fn survives_its_text_form() {
        let vocabulary = Vocabulary::collect([vec!["huiswerk en stress"]], []);
        let again = Vocabulary::from_text(&vocabulary.to_text()).unwrap();
        assert_eq!(again.words().collect::<Vec<_>>(), ["huiswerk", "stress"]);
    }
}
