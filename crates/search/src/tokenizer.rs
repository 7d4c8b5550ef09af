//! The analyzer as a tantivy tokenizer: the index terms of every word of a page, all terms of
//! one word at that word's position.

#[cfg(any(test, feature = "index"))]
use std::collections::HashMap;
use std::sync::Arc;
#[cfg(any(test, feature = "index"))]
use std::sync::{Mutex, PoisonError};

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use crate::analyzer::Analyzer;

/// The name the analyzer is registered under in the tantivy index.
pub(crate) const TOKENIZER: &str = "nl";

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
        DutchTokenStream { tokens: tokens(&self.0, text), next: 0 }
    }
}

#[cfg(any(test, feature = "index"))]
/// Texts analysed ahead of indexing, so that `cjg build` analyses pages on every core while
/// tantivy's one writer indexes them: [`AheadTokenizer`] takes a text's tokens from here
/// instead of analysing it again. tantivy's own way to hand over tokens, `PreTokenizedString`,
/// sends them through JSON and back, which took a tenth of the build's time at 10,000 pages.
#[derive(Debug, Default)]
pub(crate) struct AnalysedAhead {
    /// Each text's tokens, and how many times the writer will still ask for them (a heading
    /// such as "Wat kunt u doen?" is on many pages).
    texts: Mutex<HashMap<String, (Vec<Token>, usize)>>,
}

#[cfg(any(test, feature = "index"))]
impl AnalysedAhead {
    /// Analyses `text` for the writer, which will ask for it once more.
    pub(crate) fn put(&self, analyzer: &Analyzer, text: &str) {
        if let Some((_, uses)) = self.lock().get_mut(text) {
            *uses += 1;
            return;
        }
        let tokens = tokens(analyzer, text);
        self.lock().entry(text.to_string()).or_insert((tokens, 0)).1 += 1;
    }

    /// The tokens of `text`, if it was put here and not yet taken as often as it was put.
    fn take(&self, text: &str) -> Option<Vec<Token>> {
        let mut texts = self.lock();
        let (tokens, uses) = texts.get_mut(text)?;
        if *uses > 1 {
            *uses -= 1;
            return Some(tokens.clone());
        }
        texts.remove(text).map(|(tokens, _)| tokens)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Vec<Token>, usize)>> {
        // A panic elsewhere leaves the map as it was: every entry is whole.
        self.texts.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

#[cfg(any(test, feature = "index"))]
/// The tokenizer of `cjg build`'s writer: the tokens of a text analysed ahead
/// ([`AnalysedAhead`]), or else the same tokens as [`DutchTokenizer`] gives.
#[derive(Clone)]
pub(crate) struct AheadTokenizer {
    pub analyzer: Arc<Analyzer>,
    pub ahead: Arc<AnalysedAhead>,
}

#[cfg(any(test, feature = "index"))]
impl Tokenizer for AheadTokenizer {
    type TokenStream<'a> = DutchTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> DutchTokenStream {
        let tokens = self.ahead.take(text).unwrap_or_else(|| tokens(&self.analyzer, text));
        DutchTokenStream { tokens, next: 0 }
    }
}

/// The index tokens of a text: every term of every word, the terms of one word at the
/// position of that word.
fn tokens(analyzer: &Analyzer, text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    for (position, word) in analyzer.analyse(text, false).into_iter().enumerate() {
        let terms = analyzer.terms(&word);
        for term in terms.whole.into_iter().chain(terms.parts) {
            tokens.push(Token { offset_from: word.start, offset_to: word.end, position, text: term, position_length: 1 });
        }
    }
    tokens
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
    use crate::site_lexicon::SiteLexicon;
    use crate::stem::Stemmer;
    use crate::vocabulary::Vocabulary;

    #[test]
    fn indexes_whole_word_and_parts_at_one_position() {
        let stemmer = Stemmer::new();
        let vocabulary = Vocabulary::collect([vec!["zakgeld en afspraken, ideeën"]], []);
        let analyzer = Analyzer::new(Arc::new(vocabulary), Arc::new(SiteLexicon::default()), stemmer);
        let tokens = tokens(&analyzer, "Zakgeldafspraken maken? IDEEËN!");
        let at = |p: usize| tokens.iter().filter(|t| t.position == p).map(|t| t.text.clone()).collect::<Vec<_>>();
        assert_eq!(at(0), [stemmer.stem("zakgeldafspraken"), stemmer.stem("zakgeld"), stemmer.stem("afspraken")]);
        assert_eq!(at(2), [stemmer.stem("ideeen")], "accents folded");
    }

    #[test]
    fn analysed_ahead_gives_the_same_tokens_as_often_as_put() {
        let vocabulary = Vocabulary::collect([vec!["zakgeld en afspraken"]], []);
        let analyzer = Arc::new(Analyzer::new(Arc::new(vocabulary), Arc::new(SiteLexicon::default()), Stemmer::new()));
        let ahead = Arc::new(AnalysedAhead::default());
        let text = "Zakgeldafspraken maken";
        ahead.put(&analyzer, text);
        ahead.put(&analyzer, text);
        let mut tokenizer = AheadTokenizer { analyzer: analyzer.clone(), ahead: ahead.clone() };
        let mut direct = DutchTokenizer(analyzer.clone());
        let texts = |stream: &mut DutchTokenStream| {
            let mut out = Vec::new();
            while stream.advance() {
                out.push((stream.token().position, stream.token().text.clone()));
            }
            out
        };
        let expected = texts(&mut direct.token_stream(text));
        assert!(!expected.is_empty());
        assert_eq!(ahead.take(text).map(|t| t.len()), Some(expected.len()), "put twice: taken once here");
        assert_eq!(texts(&mut tokenizer.token_stream(text)), expected, "and once by the tokenizer");
        assert!(ahead.take(text).is_none(), "then it is gone");
        assert_eq!(texts(&mut tokenizer.token_stream(text)), expected, "a text not put is analysed on the spot");
    }
}
