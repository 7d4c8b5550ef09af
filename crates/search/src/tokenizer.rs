//! The analyzer as a tantivy tokenizer: the index terms of every word of a page, all terms of
//! one word at that word's position.

use std::sync::Arc;

#[cfg(any(test, feature = "index"))]
use tantivy::tokenizer::PreTokenizedString;
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
/// A text analysed ahead of indexing, so that `cjg build` analyses pages on every core; the
/// same tokens as [`DutchTokenizer`] gives. Only for fields that are not stored: the text itself
/// is left out, since tantivy would only copy it into and out of the document for nothing
/// (a tenth of the build's time at 10,000 pages).
pub(crate) fn pre_tokenized(analyzer: &Analyzer, text: &str) -> PreTokenizedString {
    PreTokenizedString { text: String::new(), tokens: tokens(analyzer, text) }
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
}
