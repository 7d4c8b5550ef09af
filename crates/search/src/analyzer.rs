//! The Dutch analyzer: how a text becomes index terms, the same for a page and for a
//! question.
//!
//! Each word is lower-cased and accent-folded (see [`crate::text`]), stop words are
//! dropped, a diminutive is traced back to its base word ("bijbaantje" → "bijbaan"),
//! a compound is split into words the site uses ("zakgeldafspraken" → "zakgeld" +
//! "afspraken"), and every form is stemmed with the Snowball Dutch stemmer. The whole
//! word and its parts are indexed at one position, so a page about "huiswerkstress"
//! is found for "stress" and a question about "zakgeldafspraken" finds "zakgeld".
//!
//! Diminutives and compounds are judged against the site's [`Vocabulary`]: a part is
//! only split off when the site uses it, which keeps "verjaardag" whole and stops
//! guesswork on names. The vocabulary travels in the index bundle, so the widget in
//! the browser splits exactly as the index builder did.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::text;
use crate::vocabulary::Vocabulary;

/// The name the analyzer is registered under in the tantivy index.
pub const TOKENIZER: &str = "nl";

/// The shortest part a compound is split into ("zak" + "geld").
const MIN_PART: usize = 3;
/// The shortest word that is tried as a compound.
const MIN_COMPOUND: usize = 2 * MIN_PART;
/// A final compound part known only through its stem must be at least this long;
/// shorter final parts must be words of the site as they stand.
const MIN_STEMMED_FINAL_PART: usize = 5;

/// Dutch words that carry no subject: Snowball's list plus question words, modal and
/// light verbs and fillers that every question has. Sorted, for binary search.
const STOPWORDS: &[&str] = &[
    "aan", "al", "alles", "als", "altijd", "andere", "beetje", "ben", "bent", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doe", "doen", "doet", "door", "dus", "echt", "een", "eens", "eigenlijk",
    "en", "er", "erg", "even", "ga", "gaan", "gaat", "ge", "geen", "geweest", "gewoon", "graag", "haar", "had",
    "heb", "hebben", "hebt", "heeft", "heel", "hele", "hem", "het", "hier", "hij", "hoe", "hoeveel", "hun",
    "iemand", "iets", "ik", "in", "is", "ja", "je", "jij", "jou", "jouw", "jullie", "kan", "kon", "kreeg", "kregen",
    "krijg", "krijgen", "krijgt", "kun", "kunnen", "kunt", "maar", "mag", "me", "men", "met", "mezelf", "mij",
    "mijn", "moet", "moeten", "mogen", "na", "naar", "nee", "niet", "niets", "nog", "nu", "of", "om", "omdat",
    "ons", "onze", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van",
    "veel", "voor", "waar", "waarom", "wanneer", "want", "waren", "was", "wat", "we", "wel", "welk", "welke",
    "werd", "wezen", "wie", "wij", "wil", "willen", "wilt", "word", "worden", "wordt", "ze", "zelf", "zich", "zij",
    "zijn", "zo", "zonder", "zou", "zullen",
];

/// Whether a normalised word is a stop word.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// The Snowball Dutch stemmer.
#[derive(Clone, Copy)]
pub(crate) struct Stemmer(frostem::Stemmer);

impl Stemmer {
    /// The Dutch stemmer.
    pub(crate) fn new() -> Stemmer {
        Stemmer(frostem::Stemmer::new(frostem::Algorithm::Dutch))
    }

    /// The stem of a normalised word.
    pub(crate) fn stem(&self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }
}

/// The forms a word of a text is known under: its base and, for a compound, its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordForms {
    /// The word, or the base word of a diminutive.
    pub base: String,
    /// The words of the site a compound consists of; empty if it is not one.
    pub parts: Vec<String>,
}

/// Turns texts into index terms; see the module documentation.
pub struct Analyzer {
    vocabulary: Arc<Vocabulary>,
    stemmer: Stemmer,
    /// The terms of every word seen so far. Splitting compounds and tracing diminutives
    /// costs many stemmer calls per word, and a site repeats its words thousands of times.
    known_terms: Mutex<HashMap<String, Option<Arc<[String]>>>>,
}

impl Analyzer {
    /// An analyzer that splits and traces words against `vocabulary`.
    pub(crate) fn new(vocabulary: Arc<Vocabulary>, stemmer: Stemmer) -> Analyzer {
        Analyzer { vocabulary, stemmer, known_terms: Mutex::default() }
    }

    /// The index terms of one normalised word (see [`Analyzer::word_terms`]), remembered.
    fn terms_of(&self, word: &str) -> Option<Arc<[String]>> {
        let remembered = |cache: &HashMap<String, Option<Arc<[String]>>>| cache.get(word).cloned();
        if let Some(terms) = remembered(&self.known_terms.lock().unwrap_or_else(|e| e.into_inner())) {
            return terms;
        }
        let terms: Option<Arc<[String]>> = self.forms(word).map(|forms| self.word_terms(&forms).into());
        self.known_terms.lock().unwrap_or_else(|e| e.into_inner()).insert(word.to_string(), terms.clone());
        terms
    }

    /// The site's vocabulary.
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The stem of a normalised word.
    pub(crate) fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word)
    }

    /// The forms of one normalised word, or `None` for a stop word or a single character.
    pub(crate) fn forms(&self, word: &str) -> Option<WordForms> {
        if word.chars().count() < 2 || is_stopword(word) {
            return None;
        }
        let base = self
            .diminutive_base(word)
            .or_else(|| self.verb_base(word))
            .unwrap_or_else(|| word.to_string());
        let parts = self.compound_parts(&base);
        Some(WordForms { base, parts })
    }

    /// What a word is compared by when looking it up in the synonym list: the stem of
    /// its base form ("blowt" and "blowen" alike), or the word itself for a stop word.
    pub(crate) fn key(&self, word: &str) -> String {
        match self.forms(word) {
            Some(forms) => self.stem(&forms.base),
            None => word.to_string(),
        }
    }

    /// The stemmed terms of one word: the whole word first, then its parts, no repeats.
    pub(crate) fn word_terms(&self, forms: &WordForms) -> Vec<String> {
        let mut terms = vec![self.stem(&forms.base)];
        for part in &forms.parts {
            let term = self.stem(part);
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        terms
    }

    /// Whether the site knows a word: as it stands, through its stem, as a diminutive
    /// of a known word or as a compound of known words. Unknown words are spelling
    /// mistakes or words the site does not use.
    pub(crate) fn recognises(&self, word: &str) -> bool {
        match self.forms(word) {
            None => true,
            Some(forms) => {
                forms.base != word || !forms.parts.is_empty() || self.vocabulary.knows(word, &self.stemmer)
            }
        }
    }

    /// The index tokens of a text: every term of every word, the terms of one word at
    /// the position of that word.
    fn tokens(&self, text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        for (position, word) in text::words(text).into_iter().enumerate() {
            let Some(terms) = self.terms_of(&word.text) else {
                continue;
            };
            for term in terms.iter() {
                tokens.push(Token {
                    offset_from: word.start,
                    offset_to: word.end,
                    position,
                    text: term.clone(),
                    position_length: 1,
                });
            }
        }
        tokens
    }

    /// The base word of a diminutive that the site uses ("bijbaantje" → "bijbaan",
    /// "balletjes" → "bal", "autootje" → "auto"), or `None`.
    fn diminutive_base(&self, word: &str) -> Option<String> {
        if !word.ends_with("je") && !word.ends_with("jes") || !word.is_ascii() {
            return None;
        }
        let singular = word.strip_suffix('s').filter(|w| w.ends_with("je")).unwrap_or(word);
        let stem = &singular[..singular.len() - 2];
        let candidates = [
            // balletje → bal: the consonant before -etje is doubled
            stem.strip_suffix("et").and_then(undouble_consonant).map(Cow::Owned),
            // autootje → auto: the vowel before -tje is doubled
            stem.strip_suffix('t').and_then(undouble_vowel).map(Cow::Owned),
            // bijbaantje → bijbaan, boompje → boom, koninkje → koning
            stem.strip_suffix('t').map(Cow::Borrowed),
            stem.strip_suffix('p').map(Cow::Borrowed),
            stem.strip_suffix("nk").map(|s| Cow::Owned(format!("{s}ng"))),
            // kaartje → kaart, huisje → huis
            Some(Cow::Borrowed(stem)),
        ];
        candidates
            .into_iter()
            .flatten()
            .find(|base| base.len() >= MIN_PART && self.vocabulary.knows(base, &self.stemmer))
            .map(Cow::into_owned)
    }

    /// The site's form of a verb in the present tense that the stemmer leaves alone
    /// ("woont" → "woon" as in "wonen", "slaat" → "slaan", "plast" → "plas"), or `None`.
    fn verb_base(&self, word: &str) -> Option<String> {
        let stem = word.strip_suffix('t').filter(|s| s.len() >= MIN_PART && word.is_ascii())?;
        let own_stem = self.stem(word);
        [stem.to_string(), format!("{stem}n")]
            .into_iter()
            .filter(|base| !is_stopword(base) && self.stem(base) != own_stem)
            .find(|base| self.vocabulary.knows(base, &self.stemmer))
    }

    /// The parts of a compound, each a word the site uses, or an empty list.
    ///
    /// Of all ways to split, the one with the fewest parts wins, then the one whose
    /// shortest part is longest: "zakgeldafspraken" is "zakgeld" + "afspraken", not
    /// "zak" + "geld" + "afspraken".
    fn compound_parts(&self, word: &str) -> Vec<String> {
        if word.len() < MIN_COMPOUND || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return Vec::new();
        }
        // tails[i]: the best split of word[i..], if it has one.
        let mut tails: Vec<Option<Vec<String>>> = vec![None; word.len() + 1];
        for start in (1..word.len()).rev() {
            tails[start] = self.best_split(word, start, &tails, true);
        }
        self.best_split(word, 0, &tails, false).unwrap_or_default()
    }

    /// The best split of `word[start..]`, given the best splits of every later tail.
    fn best_split(
        &self,
        word: &str,
        start: usize,
        tails: &[Option<Vec<String>>],
        may_be_one_part: bool,
    ) -> Option<Vec<String>> {
        let mut best = None;
        let whole = &word[start..];
        if may_be_one_part && whole.len() >= MIN_PART && self.is_final_part(whole) {
            best = Some(vec![whole.to_string()]);
        }
        for end in start + MIN_PART..=word.len().saturating_sub(MIN_PART) {
            let (Some(rest), Some(part)) = (&tails[end], self.leading_part(&word[start..end])) else {
                continue;
            };
            let mut split = Vec::with_capacity(rest.len() + 1);
            split.push(part);
            split.extend(rest.iter().cloned());
            if is_better_split(&split, best.as_deref()) {
                best = Some(split);
            }
        }
        best
    }

    /// The last part of a compound must be a word of the site, or a form of one when it
    /// is long enough not to be a mere ending.
    fn is_final_part(&self, part: &str) -> bool {
        !is_stopword(part)
            && (self.vocabulary.contains(part)
                || part.len() >= MIN_STEMMED_FINAL_PART && self.vocabulary.knows(part, &self.stemmer))
    }

    /// A part before the last may be any form of a known word ("kinder" of "kinderen"
    /// in "kinderopvang"), also with a linking `s`, `en` or `e` ("veiligheidsplan",
    /// "boekenkast", "pannekoek").
    fn leading_part(&self, part: &str) -> Option<String> {
        let candidates = std::iter::once(part).chain(["s", "en", "e"].into_iter().filter_map(|l| part.strip_suffix(l)));
        let candidates: Vec<&str> = candidates.filter(|p| p.len() >= MIN_PART && !is_stopword(p)).collect();
        let exact = candidates.iter().find(|p| self.vocabulary.contains(p));
        exact.or_else(|| candidates.iter().find(|p| self.vocabulary.knows(p, &self.stemmer))).map(|p| p.to_string())
    }
}

/// Fewer parts is better; with as many parts, a longer shortest part is better.
fn is_better_split(split: &[String], best: Option<&[String]>) -> bool {
    let shortest = |s: &[String]| s.iter().map(String::len).min().unwrap_or(0);
    match best {
        None => true,
        Some(best) => {
            split.len() < best.len() || split.len() == best.len() && shortest(split) > shortest(best)
        }
    }
}

/// "ball" → "bal": the stem without its doubled last consonant.
fn undouble_consonant(stem: &str) -> Option<String> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 2 && bytes[n - 1] == bytes[n - 2] && !is_vowel(bytes[n - 1])).then(|| stem[..n - 1].to_string())
}

/// "autoo" → "auto": the stem without its doubled last vowel.
fn undouble_vowel(stem: &str) -> Option<String> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 2 && bytes[n - 1] == bytes[n - 2] && is_vowel(bytes[n - 1])).then(|| stem[..n - 1].to_string())
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// The analyzer as a tantivy tokenizer, registered as [`TOKENIZER`].
#[derive(Clone)]
pub(crate) struct DutchTokenizer(pub Arc<Analyzer>);

/// The tokens of one text, analysed up front.
pub(crate) struct DutchTokenStream {
    tokens: Vec<Token>,
    next: usize,
}

impl Tokenizer for DutchTokenizer {
    type TokenStream<'a> = DutchTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> DutchTokenStream {
        DutchTokenStream { tokens: self.0.tokens(text), next: 0 }
    }
}

impl TokenStream for DutchTokenStream {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer(site_text: &str) -> Analyzer {
        let stemmer = Stemmer::new();
        let vocabulary = Vocabulary::collect([vec![site_text]], [], &stemmer);
        Analyzer::new(Arc::new(vocabulary), stemmer)
    }

    fn parts(analyzer: &Analyzer, word: &str) -> Vec<String> {
        analyzer.forms(word).map(|f| f.parts).unwrap_or_default()
    }

    const SITE: &str = "Zakgeld en kleedgeld. Maak afspraken over geld en huiswerk. Stress op school. \
        Een bijbaan zoeken. Balletjes, een bal en een auto. De huisarts. Slapen en problemen. \
        Veiligheid en een plan. Een kaart en een huis. Verjaardag vieren.";

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn splits_compounds_into_site_words() {
        let a = analyzer(SITE);
        assert_eq!(parts(&a, "zakgeldafspraken"), ["zakgeld", "afspraken"]);
        assert_eq!(parts(&a, "huiswerkstress"), ["huiswerk", "stress"]);
        assert_eq!(parts(&a, "veiligheidsplan"), ["veiligheid", "plan"]);
        assert_eq!(parts(&a, "slaapproblemen"), ["slaap", "problemen"]);
    }

    #[test]
    fn leaves_words_whole_that_are_no_compound_of_site_words() {
        let a = analyzer(SITE);
        assert!(parts(&a, "verjaardag").is_empty());
        assert!(parts(&a, "zwangerschap").is_empty());
        assert!(parts(&a, "geld").is_empty());
    }

    #[test]
    fn traces_diminutives_to_their_base() {
        let a = analyzer(SITE);
        for (diminutive, base) in [
            ("bijbaantje", "bijbaan"),
            ("bijbaantjes", "bijbaan"),
            ("balletje", "bal"),
            ("autootje", "auto"),
            ("kaartje", "kaart"),
            ("huisje", "huis"),
        ] {
            assert_eq!(a.forms(diminutive).unwrap().base, base, "{diminutive}");
        }
        assert_eq!(a.forms("meisje").unwrap().base, "meisje", "no base on the site: stays as it is");
    }

    #[test]
    fn traces_present_tense_verbs_to_the_site_form() {
        let a = analyzer("Wonen, slaan en plassen. Een kast en een zin.");
        let terms = |word: &str| a.word_terms(&a.forms(word).unwrap());
        assert_eq!(terms("woont"), terms("wonen"));
        assert_eq!(terms("slaat"), terms("slaan"));
        assert_eq!(terms("plast"), terms("plassen"));
        assert_eq!(a.forms("kast").unwrap().base, "kast");
        assert_eq!(a.forms("zit").unwrap().base, "zit", "too short to guess");
    }

    #[test]
    fn folds_accents_and_drops_stopwords() {
        let a = analyzer("ideeën");
        let terms: Vec<String> = a.tokens("Hoe vind IK ideeën?").into_iter().map(|t| t.text).collect();
        assert_eq!(terms, ["vind".to_string(), a.stem("ideeen")]);
    }

    #[test]
    fn indexes_whole_word_and_parts_at_one_position() {
        let a = analyzer(SITE);
        let tokens = a.tokens("zakgeldafspraken maken");
        let at_zero: Vec<&str> = tokens.iter().filter(|t| t.position == 0).map(|t| t.text.as_str()).collect();
        assert_eq!(at_zero, [a.stem("zakgeldafspraken"), a.stem("zakgeld"), a.stem("afspraken")]);
    }

    #[test]
    fn recognises_known_words_and_their_forms_only() {
        let a = analyzer(SITE);
        assert!(a.recognises("zakgeld"));
        assert!(a.recognises("slaap"));
        assert!(a.recognises("zakgeldafspraken"));
        assert!(a.recognises("bijbaantje"));
        assert!(!a.recognises("zakgelt"));
    }
}
