//! The Dutch analyzer: how a text becomes words with their lemmas, the same for a page, a
//! question and a risk rule.
//!
//! Each word is folded and its chat spelling written out ([`crate::text`]). Then, in order:
//! stop words are marked; a word the [`SiteLexicon`] knows gets its lemmas ("luizen" →
//! "luis", "sloeg" → "slaan", "gekrast" → "krassen"); a word of the site stays itself; a
//! word the lexicon lacks may be a diminutive or verb form of a site word ([`crate::guess`]);
//! in a question, a word that is neither the site's nor Dutch is read as the nearest site
//! word ([`crate::spelling`]); and a compound is split into the site words it is made of
//! ([`crate::compound`]). A verb whose particle stands further on is joined with it: in
//! "ze sluiten me op" the verb is also "opsluiten".
//!
//! Index terms are Snowball stems of the lemmas, so derivations that share a stem meet too
//! ("scheiding" and "scheiden"). Everything the analyzer consults travels in the index bundle,
//! so the widget in the browser understands a question exactly as `cjg ask` does.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use cjg_lexicon::PARTICLES;

use crate::compound::{self, Compound, Parts, MIN_PART};
use crate::guess;
use crate::site_lexicon::SiteLexicon;
use crate::spelling;
use crate::stem::Stemmer;
use crate::stopwords::is_stopword;
use crate::text;
use crate::vocabulary::Vocabulary;

/// A final compound part known only through its stem must be at least this long;
/// shorter final parts must be words of the site as they stand.
const MIN_STEMMED_FINAL_PART: usize = 5;
/// How far after its verb a separable particle may stand, in words.
const PARTICLE_REACH: usize = 8;

/// What one word is, apart from the text around it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WordForms {
    /// Its lemmas, its own first: from the site lexicon, or the base a guess gave, or the word.
    pub lemmas: Vec<String>,
    /// The site words a compound consists of; empty if it is not one.
    pub parts: Vec<String>,
    /// The part of a compound the site does not know ("echt" of "echtscheiding").
    pub other_part: Option<String>,
    /// Its index terms.
    pub terms: Terms,
}

/// One word of a text as the analyzer understood it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnalysedWord {
    /// The word as typed, folded and written out ("mijn" for "mn", "heel" for "heeeel").
    pub typed: String,
    /// The word that was analysed: [`AnalysedWord::typed`], its single-letter form ("zo" for
    /// "zooo"), or the site word a typo was read as.
    pub word: String,
    /// Whether [`AnalysedWord::word`] is a spelling correction.
    pub corrected: bool,
    /// Its forms; `None` for a stop word.
    pub forms: Option<Arc<WordForms>>,
    /// The separable verb it forms with a particle further on ("opsluiten" for "sluiten … op").
    pub joined: Option<String>,
    /// Byte offsets in the original text.
    pub start: usize,
    /// Byte offset past the word.
    pub end: usize,
}

/// The index terms of one word: of the word itself, and of its compound parts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Terms {
    /// The stems of its lemmas, the surest first, and of a joined separable verb.
    pub whole: Vec<String>,
    /// The stems of its compound parts' lemmas, none of them in `whole`.
    pub parts: Vec<String>,
    /// Whether the whole word is a form the site uses; if not, its parts are all it can be
    /// found by, and they count fully.
    pub whole_known: bool,
}

/// Turns texts into analysed words; see the module documentation.
pub struct Analyzer {
    vocabulary: Arc<Vocabulary>,
    lexicon: Arc<SiteLexicon>,
    stemmer: Stemmer,
    /// The stems of the site's words and of every lemma in the site lexicon: a word with one
    /// of these stems is a form the site knows.
    known_stems: HashSet<String>,
    /// The forms of every word seen so far. Splitting compounds costs many stemmer calls per
    /// word, and a site repeats its words thousands of times.
    remembered: Mutex<HashMap<String, Option<Arc<WordForms>>>>,
}

impl Analyzer {
    /// An analyzer for the site with `vocabulary` and `lexicon`.
    pub(crate) fn new(vocabulary: Arc<Vocabulary>, lexicon: Arc<SiteLexicon>, stemmer: Stemmer) -> Analyzer {
        let mut known_stems: HashSet<String> = vocabulary.words().map(|w| stemmer.stem(w)).collect();
        for (_, lemmas) in lexicon.forms() {
            known_stems.extend(lemmas.iter().map(|l| stemmer.stem(l)));
        }
        Analyzer { vocabulary, lexicon, stemmer, known_stems, remembered: Mutex::default() }
    }

    /// The site's vocabulary.
    pub(crate) fn vocabulary(&self) -> &Vocabulary {
        &self.vocabulary
    }

    /// The stem of a normalised word.
    pub(crate) fn stem(&self, word: &str) -> String {
        self.stemmer.stem(word)
    }

    /// The words of a text, analysed. With `correct`, words that are neither the site's nor
    /// Dutch are read as the nearest site word (for questions, not for pages).
    pub(crate) fn analyse(&self, text: &str, correct: bool) -> Vec<AnalysedWord> {
        let mut words: Vec<AnalysedWord> = text::words(text)
            .into_iter()
            .map(|w| {
                let word = match &w.single {
                    Some(single) if !self.recognises(&w.text) && self.recognises(single) => single.clone(),
                    _ => w.text.clone(),
                };
                let correction = (correct && !self.recognises(&word))
                    .then(|| spelling::correct(&word, &self.vocabulary))
                    .flatten()
                    .map(str::to_string);
                let corrected = correction.is_some();
                let word = correction.unwrap_or(word);
                let forms = self.forms(&word);
                AnalysedWord { typed: w.text, word, corrected, forms, joined: None, start: w.start, end: w.end }
            })
            .collect();
        self.join_separable(&mut words);
        words
    }

    /// Joins verbs with a particle that stands after them ("sluit … op" → "opsluiten"), or
    /// before them with "te" ("op te sluiten").
    fn join_separable(&self, words: &mut [AnalysedWord]) {
        for at in 0..words.len() {
            let Some(forms) = &words[at].forms else { continue };
            if !forms.lemmas.iter().any(|l| self.lexicon.is_separable_verb(l)) {
                continue;
            }
            let reach = words.len().min(at + 1 + PARTICLE_REACH);
            let after = (at + 1..reach).map(|j| words[j].word.as_str());
            let before = (at >= 2 && words[at - 1].word == "te").then(|| words[at - 2].word.as_str());
            let joined = after
                .chain(before)
                .filter(|p| PARTICLES.contains(p))
                .find_map(|particle| forms.lemmas.iter().find_map(|l| self.lexicon.separable(particle, l)))
                .map(str::to_string);
            words[at].joined = joined;
        }
    }

    /// The forms of one normalised word, remembered; `None` for a stop word or a single letter.
    pub(crate) fn forms(&self, word: &str) -> Option<Arc<WordForms>> {
        let lock = || self.remembered.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(forms) = lock().get(word) {
            return forms.clone();
        }
        let forms = self.work_out(word).map(Arc::new);
        lock().insert(word.to_string(), forms.clone());
        forms
    }

    fn work_out(&self, word: &str) -> Option<WordForms> {
        if word.chars().count() < 2 || is_stopword(word) {
            return None;
        }
        if let Some(lemmas) = self.lexicon.lemmas(word) {
            return Some(self.with_terms(lemmas.to_vec(), Compound::default()));
        }
        let known = |w: &str| self.is_site_form(w);
        let base = if self.is_site_form(word) || self.lexicon.is_dutch(word) {
            word.to_string()
        } else {
            guess::diminutive_base(word, known)
                .or_else(|| guess::verb_base(word, known, |b| self.stem(b) == self.stem(word)))
                .unwrap_or_else(|| word.to_string())
        };
        let lemmas = match self.lexicon.lemmas(&base) {
            Some(lemmas) => lemmas.to_vec(),
            None => vec![base.clone()],
        };
        Some(self.with_terms(lemmas, compound::split(&base, self)))
    }

    /// The forms with their index terms: the stems of the lemmas, then of the parts' lemmas
    /// and of a part the site does not know.
    fn with_terms(&self, lemmas: Vec<String>, compound: Compound) -> WordForms {
        let mut terms = Terms { whole_known: lemmas.iter().any(|l| self.is_site_form(l)), ..Terms::default() };
        for stem in lemmas.iter().map(|l| self.stem(l)) {
            if !terms.whole.contains(&stem) {
                terms.whole.push(stem);
            }
        }
        for part in compound.site.iter().chain(&compound.unknown) {
            let lemmas = self.lexicon.lemmas(part).map(<[String]>::to_vec).unwrap_or_else(|| vec![part.clone()]);
            for stem in lemmas.iter().map(|l| self.stem(l)) {
                if !terms.whole.contains(&stem) && !terms.parts.contains(&stem) {
                    terms.parts.push(stem);
                }
            }
        }
        WordForms { lemmas, parts: compound.site, other_part: compound.unknown, terms }
    }

    /// The site's word for two words written apart ("zak geld" → "zakgeld", "veiligheid plan"
    /// → "veiligheidsplan"), if the pages write them as one.
    pub(crate) fn written_together(&self, first: &str, second: &str) -> Option<String> {
        if is_stopword(first) || is_stopword(second) || first.len() < MIN_PART || second.len() < MIN_PART {
            return None;
        }
        ["", "s"].iter().map(|link| format!("{first}{link}{second}")).find(|joined| self.vocabulary.contains(joined))
    }

    /// Whether the site knows this form: as written, through the site lexicon, or through its stem.
    fn is_site_form(&self, word: &str) -> bool {
        self.vocabulary.contains(word) || self.lexicon.lemmas(word).is_some() || self.known_stems.contains(&self.stem(word))
    }

    /// Whether a word needs no spelling correction: a stop word, a form the site knows (also
    /// as a diminutive, verb form or compound of site words), or a Dutch word the site does
    /// not use. A compound with a part the site does not know may be a typo ("luisterd" is no
    /// "luis" + "terd"): correction is tried first.
    pub(crate) fn recognises(&self, word: &str) -> bool {
        if self.lexicon.is_dutch(word) || self.is_site_form(word) {
            return true;
        }
        match self.forms(word) {
            None => true,
            Some(forms) => {
                forms.lemmas.first().is_some_and(|l| l != word) || !forms.parts.is_empty() && forms.other_part.is_none()
            }
        }
    }

    /// The index terms of an analysed word (none for a stop word).
    pub(crate) fn terms(&self, word: &AnalysedWord) -> Terms {
        let Some(forms) = &word.forms else { return Terms::default() };
        let mut terms = forms.terms.clone();
        if let Some(joined) = &word.joined {
            let stem = self.stem(joined);
            if !terms.whole.contains(&stem) {
                terms.whole.push(stem);
            }
        }
        terms
    }

    /// What a word is compared by in the synonym list: the stem of its surest lemma ("blowt"
    /// and "blowen" alike, "pillen" as "pil"), or for a stop word the word itself, marked so
    /// that it never meets a lemma ("wel" is no "geweld" read as a form of "wellen").
    pub(crate) fn keys(&self, word: &str) -> Vec<String> {
        match self.forms(word) {
            Some(forms) => forms.lemmas.first().map(|l| vec![self.stem(l)]).unwrap_or_default(),
            None => vec![format!("={word}")],
        }
    }
}

impl Parts for Analyzer {
    fn site_word(&self, part: &str, last: bool) -> Option<String> {
        let known = |p: &str| {
            !is_stopword(p)
                && (self.vocabulary.contains(p)
                    || self.lexicon.lemmas(p).is_some()
                    || (!last || p.len() >= MIN_STEMMED_FINAL_PART) && self.known_stems.contains(&self.stem(p)))
        };
        if known(part) {
            return Some(part.to_string());
        }
        if last {
            return None;
        }
        ["s", "en", "e"].iter().filter_map(|l| part.strip_suffix(l)).find(|p| p.len() >= MIN_PART && known(p)).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzer(site_text: &str, lexicon: SiteLexicon) -> Analyzer {
        let stemmer = Stemmer::new();
        let vocabulary = Vocabulary::collect([vec![site_text]], []);
        Analyzer::new(Arc::new(vocabulary), Arc::new(lexicon), stemmer)
    }

    /// A site lexicon from plain lines: `form<TAB>lemma lemma…`, `particle<TAB>verb<TAB>joined`
    /// and one Dutch word per line.
    fn lexicon(lemmas: &str, separable: &str, dutch: &str) -> SiteLexicon {
        let lemmas = lemmas.lines().map(|line| {
            let (form, list) = line.split_once('\t').unwrap();
            (form.to_string(), list.split(' ').map(str::to_string).collect())
        });
        let separable = separable.lines().map(|line| {
            let [particle, verb, joined] = <[&str; 3]>::try_from(line.split('\t').collect::<Vec<_>>()).unwrap();
            ((particle.to_string(), verb.to_string()), joined.to_string())
        });
        SiteLexicon::new(lemmas.collect(), separable.collect()).with_dutch(dutch.lines().map(str::to_string).collect())
    }

    const SITE: &str = "Zakgeld en kleedgeld. Maak afspraken over geld en huiswerk. Stress op school. \
        Een bijbaan zoeken. Balletjes, een bal en een auto. De huisarts. Slapen en problemen. \
        Veiligheid en een plan, een veiligheidsplan. Een kaart en een huis. Verjaardag vieren. Hoofdluis en een luis. \
        Opsluiten is mishandeling. Een scheiding. Tijd voor jezelf.";

    fn site() -> Analyzer {
        analyzer(
            SITE,
            lexicon("luizen\tluis\nsloot\tsluiten\nsluit\tsluiten\nlijdt\tlijden\n", "op\tsluiten\topsluiten\n", "lijd\n"),
        )
    }

    fn lemmas(a: &Analyzer, text: &str) -> Vec<Vec<String>> {
        a.analyse(text, true).into_iter().filter_map(|w| w.forms.map(|f| f.lemmas.clone())).collect()
    }

    #[test]
    fn inflections_get_their_lemma_from_the_site_lexicon() {
        let a = site();
        assert_eq!(lemmas(&a, "luizen"), [["luis"]]);
        let terms = a.terms(&a.analyse("luizen", true)[0]);
        assert_eq!(terms.whole, [a.stem("luis")]);
    }

    #[test]
    fn separable_verbs_are_joined() {
        let a = site();
        let words = a.analyse("ze sluit me elke avond op", true);
        assert_eq!(words[1].joined.as_deref(), Some("opsluiten"));
        assert!(a.terms(&words[1]).whole.contains(&a.stem("opsluiten")));
        let words = a.analyse("dreigen me op te sluiten", true);
        assert_eq!(words[4].joined.as_deref(), Some("opsluiten"), "particle before the verb, with te");
    }

    #[test]
    fn dutch_words_are_not_corrected_typos_are() {
        let a = site();
        let lijd = &a.analyse("ik lijd", true)[1];
        assert!(!lijd.corrected, "lijd is Dutch: not `tijd`");
        let typo = &a.analyse("zakgelt", true)[0];
        assert!(typo.corrected && typo.word == "zakgeld");
        assert!(!a.analyse("zakgelt", false)[0].corrected, "pages are never corrected");
    }

    #[test]
    fn stretched_letters_take_the_form_the_site_knows() {
        let a = site();
        assert_eq!(a.analyse("baaaal", true)[0].word, "bal");
        assert_eq!(a.analyse("stresss", true)[0].word, "stress");
    }

    #[test]
    fn compounds_split_into_site_words() {
        let a = site();
        let parts = |w: &str| a.forms(w).map(|f| f.parts.clone()).unwrap_or_default();
        assert_eq!(parts("zakgeldafspraken"), ["zakgeld", "afspraken"]);
        assert_eq!(parts("slaapproblemen"), ["slaap", "problemen"]);
        assert_eq!(parts("echtscheiding"), ["scheiding"]);
        assert!(parts("verjaardag").is_empty());
        let terms = a.terms(&a.analyse("hoofdluizen", true)[0]);
        assert!(terms.parts.contains(&a.stem("luis")), "{terms:?}");
    }

    #[test]
    fn diminutives_meet_their_base_by_stem_or_guess() {
        let a = site();
        let whole = |w: &str| a.terms(&a.analyse(w, true)[0]).whole;
        for (diminutive, base) in [("bijbaantje", "bijbaan"), ("balletjes", "bal"), ("autootje", "auto"), ("kaartje", "kaart")] {
            assert_eq!(whole(diminutive), whole(base), "{diminutive}");
        }
        assert_eq!(lemmas(&a, "meisje"), [["meisje"]], "no base on the site: no guess");
    }

    #[test]
    fn words_written_apart_meet_the_compound() {
        let a = site();
        assert_eq!(a.written_together("zak", "geld").as_deref(), Some("zakgeld"));
        assert_eq!(a.written_together("veiligheid", "plan").as_deref(), Some("veiligheidsplan"));
        assert_eq!(a.written_together("geld", "zak"), None);
    }

    #[test]
    fn synonym_keys_are_lemma_stems() {
        let a = site();
        assert_eq!(a.keys("luizen"), a.keys("luis"));
        assert_eq!(a.keys("de"), ["=de"]);
    }
}
