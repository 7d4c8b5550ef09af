//! The lexicon compiled into the binary: three finite state transducers made by `build.rs`.
//!
//! - `woorden`: every folded form → where it may stand (the bits of `lemmas::usage`);
//! - `lemmas`: `form \0 lemma` → how sure the form belongs to the lemma (0 = surest), for
//!   every form whose lemma is another word;
//! - `paradigma`: the same pairs the other way round, `lemma \0 form`.

use std::sync::OnceLock;

use fst::{Automaton, IntoStreamer, Map, Set, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

/// Bits of the `woorden` values; the same numbers as `lemmas::usage` in `build.rs`.
const ALONE: u64 = 1;
const FIRST: u64 = 2;
const MIDDLE: u64 = 4;
const LAST: u64 = 8;
const LEMMA: u64 = 16;
/// The form's rank as its own lemma is stored from this bit on.
const SELF_RANK_SHIFT: u32 = 5;

static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/woorden.fst"));
static LEMMAS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lemmas.fst"));
static PARADIGMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/paradigma.fst"));
static ABOUT: &str = include_str!(concat!(env!("OUT_DIR"), "/bronnen.txt"));

/// Where a form may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// A word on its own.
    pub alone: bool,
    /// The first part of a compound ("echt" of "echtscheiding", "belonings" of "beloningssysteem").
    pub first: bool,
    /// A middle part of a compound.
    pub middle: bool,
    /// The last part of a compound ("scheiding", "luizen").
    pub last: bool,
}

/// The Dutch lexicon: every form OpenTaal's dictionary accepts, with its lemmas.
pub struct Lexicon {
    words: Map<&'static [u8]>,
    lemmas: Map<&'static [u8]>,
    paradigms: Set<&'static [u8]>,
}

impl Lexicon {
    /// The lexicon compiled into this binary (empty when it was built without its sources).
    pub fn dutch() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            words: Map::new(WORDS).expect("build.rs writes a valid fst"),
            lemmas: Map::new(LEMMAS).expect("build.rs writes a valid fst"),
            paradigms: Set::new(PARADIGMS).expect("build.rs writes a valid fst"),
        })
    }

    /// Whether the binary was built without the lexicon's sources (see `build.rs`).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Which sources and versions the lexicon was made from, one line each.
    pub fn about(&self) -> &'static str {
        ABOUT
    }

    /// The number of forms.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Where a folded form may stand, or `None` if the dictionary does not know it.
    pub fn usage(&self, form: &str) -> Option<Usage> {
        let bits = self.words.get(form)?;
        Some(Usage { alone: bits & ALONE != 0, first: bits & FIRST != 0, middle: bits & MIDDLE != 0, last: bits & LAST != 0 })
    }

    /// Whether a folded form is a Dutch word on its own.
    pub fn is_word(&self, form: &str) -> bool {
        self.words.get(form).is_some_and(|bits| bits & ALONE != 0)
    }

    /// The lemmas of a folded form, surest first: an inflection's root before the form itself
    /// ("luizen": "luis", then the verb "luizen"), a word of its own before a verb reading
    /// ("week", then "wijken"), a verb before a bare verb form ("sloeg": "slaan", then "sloeg").
    /// Empty when the dictionary does not know the form.
    pub fn lemmas(&self, form: &str) -> Vec<String> {
        let Some(bits) = self.words.get(form) else { return Vec::new() };
        let mut ranked: Vec<(u64, String)> = Vec::new();
        if bits & LEMMA != 0 {
            ranked.push((bits >> SELF_RANK_SHIFT, form.to_string()));
        }
        let mut start = form.as_bytes().to_vec();
        start.push(0);
        let mut stream = self.lemmas.range().ge(&start).lt(after(form)).into_stream();
        while let Some((pair, rank)) = stream.next() {
            ranked.push((rank, String::from_utf8_lossy(&pair[start.len()..]).into_owned()));
        }
        ranked.sort();
        ranked.into_iter().map(|(_, lemma)| lemma).collect()
    }

    /// Every form of a lemma, the lemma itself first when it is a form.
    pub fn forms(&self, lemma: &str) -> Vec<String> {
        let mut out = Vec::new();
        if self.words.get(lemma).is_some() {
            out.push(lemma.to_string());
        }
        out.extend(second_halves(&self.paradigms, lemma));
        out
    }

    /// The Dutch words (on their own) with the same first letter as a folded word and within
    /// `distance` typing mistakes of it (a letter added, dropped or changed, or two neighbours
    /// swapped); `word` itself included when it is one. Distances above 2 give nothing.
    ///
    /// The first letter is fixed because people rarely mistype it, and because it keeps the
    /// search to one twenty-sixth of the lexicon.
    pub fn near(&self, word: &str, distance: u8) -> Vec<String> {
        static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 3]> = OnceLock::new();
        let builders = BUILDERS.get_or_init(|| [0, 1, 2].map(|d| LevenshteinAutomatonBuilder::new(d, true)));
        let Some(builder) = builders.get(usize::from(distance)) else { return Vec::new() };
        let Some(&first) = word.as_bytes().first() else { return Vec::new() };
        let dfa = builder.build_dfa(word);
        let mut stream = self.words.search(Near { dfa: &dfa, first }).into_stream();
        let mut out = Vec::new();
        while let Some((key, bits)) = stream.next() {
            if bits & ALONE != 0 {
                out.push(String::from_utf8_lossy(key).into_owned());
            }
        }
        out
    }
}

/// A Levenshtein automaton (with swaps at cost one) as an `fst` automaton, for words that
/// start with `first`. Its state is the DFA's state, `None` before the first byte.
struct Near<'a> {
    dfa: &'a DFA,
    first: u8,
}

impl Automaton for Near<'_> {
    type State = Option<u32>;

    fn start(&self) -> Option<u32> {
        None
    }

    fn is_match(&self, state: &Option<u32>) -> bool {
        state.is_some_and(|s| matches!(self.dfa.distance(s), Distance::Exact(_)))
    }

    fn can_match(&self, state: &Option<u32>) -> bool {
        *state != Some(SINK_STATE)
    }

    fn accept(&self, state: &Option<u32>, byte: u8) -> Option<u32> {
        Some(match state {
            Some(s) => self.dfa.transition(*s, byte),
            None if byte == self.first => self.dfa.transition(self.dfa.initial_state(), byte),
            None => SINK_STATE,
        })
    }
}

/// The `b` of every `key \0 b` in the set.
fn second_halves(set: &Set<&'static [u8]>, key: &str) -> Vec<String> {
    let mut start = key.as_bytes().to_vec();
    start.push(0);
    let mut stream = set.range().ge(&start).lt(after(key)).into_stream();
    let mut out = Vec::new();
    while let Some(pair) = stream.next() {
        out.push(String::from_utf8_lossy(&pair[start.len()..]).into_owned());
    }
    out
}

/// The first key after every `key \0 …`.
fn after(key: &str) -> Vec<u8> {
    let mut end = key.as_bytes().to_vec();
    end.push(1);
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The real lexicon: these tests need `./dev` to have fetched its sources.
    fn lexicon() -> &'static Lexicon {
        let lexicon = Lexicon::dutch();
        assert!(!lexicon.is_empty(), "built without target/lexicon/: run ./dev test (it fetches the sources)");
        lexicon
    }

    #[test]
    fn knows_inflections_participles_and_irregular_verbs() {
        let l = lexicon();
        assert_eq!(l.lemmas("luizen")[0], "luis", "{:?}", l.lemmas("luizen"));
        assert_eq!(l.lemmas("pillen")[0], "pil", "{:?}", l.lemmas("pillen"));
        assert_eq!(l.lemmas("sloeg")[0], "slaan", "{:?}", l.lemmas("sloeg"));
        assert_eq!(l.lemmas("geweld")[0], "geweld", "{:?}", l.lemmas("geweld"));
        assert_eq!(l.lemmas("week")[0], "week", "{:?}", l.lemmas("week"));
        assert_eq!(l.lemmas("dik")[0], "dik", "an adjective before the verb `dikken`: {:?}", l.lemmas("dik"));
        assert_eq!(l.lemmas("geslagen")[0], "slaan", "{:?}", l.lemmas("geslagen"));
        assert!(l.lemmas("gekrast").contains(&"krassen".to_string()), "{:?}", l.lemmas("gekrast"));
        assert!(l.lemmas("gechanteerd").contains(&"chanteren".to_string()), "{:?}", l.lemmas("gechanteerd"));
        assert!(l.lemmas("lijdt").contains(&"lijden".to_string()), "{:?}", l.lemmas("lijdt"));
        assert!(l.lemmas("sloeg").contains(&"slaan".to_string()), "{:?}", l.lemmas("sloeg"));
        assert!(l.lemmas("kinderen").contains(&"kind".to_string()), "{:?}", l.lemmas("kinderen"));
        assert!(l.lemmas("opgesloten").contains(&"opsluiten".to_string()), "{:?}", l.lemmas("opgesloten"));
        assert!(l.lemmas("verslaafd").contains(&"verslaven".to_string()), "{:?}", l.lemmas("verslaafd"));
        assert!(l.forms("krassen").contains(&"krast".to_string()));
    }

    #[test]
    fn knows_what_is_dutch_and_where_parts_stand() {
        let l = lexicon();
        assert!(l.is_word("echtscheiding") && l.is_word("hoofdluis") && l.is_word("lijdt"));
        assert!(!l.is_word("zelfmoort") && !l.is_word("slaapt nie"));
        assert!(l.usage("scheiding").is_some_and(|u| u.last));
        assert!(l.near("tijd", 1).contains(&"tij".to_string()));
        assert!(!l.near("tijd", 1).contains(&"lijd".to_string()), "the first letter stays");
        assert!(l.near("huiswrek", 1).contains(&"huiswerk".to_string()), "a swap is one mistake");
    }
}
