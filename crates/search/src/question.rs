//! From a visitor's question to a tantivy query: every word analysed as the pages were
//! ([`crate::analyzer`]), typos corrected, synonyms added.
//!
//! A question becomes a list of *concepts*, one per word or synonym phrase. Each
//! concept has alternatives (the visitor's own words, each synonym), and each
//! alternative is a list of words, each word its lemma terms and compound parts.

use tantivy::query::{BooleanQuery, BoostQuery, DisjunctionMaxQuery, Occur, Query};
use tantivy::schema::IndexRecordOption;

use crate::age;
use crate::analyzer::{AnalysedWord, Analyzer, Terms};
use crate::fields::Fields;
use crate::ranking::RankingWeights;
use crate::synonyms::{Span, SynonymMatcher};
use crate::word_query::WordQuery;

/// A question, understood.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Question {
    concepts: Vec<Concept>,
    /// Its words as the analyzer understood them.
    pub words: Vec<AnalysedWord>,
    /// The stretches of words and the synonyms each was searched with.
    pub spans: Vec<Span>,
    /// Two words in a row that the site writes as one: the first one's index and the compound.
    pub compounds: Vec<(usize, String)>,
    /// The question's words that are in the site's vocabulary, first occurrence first.
    pub termen: Vec<String>,
    /// The stage of life the question's ages point to, as words the pages use ("puber").
    pub stage: Option<&'static [&'static str]>,
    /// Those words, analysed.
    stage_terms: Vec<Terms>,
}

/// What one word or synonym phrase of the question may be found as.
#[derive(Debug, Clone, PartialEq)]
struct Concept {
    alternatives: Vec<Alternative>,
}

/// One way of saying a concept, with how much a match counts.
#[derive(Debug, Clone, PartialEq)]
struct Alternative {
    /// The terms of each word.
    words: Vec<Terms>,
    weight: f32,
}

impl Question {
    /// Understands `question` in terms of the site's vocabulary and synonyms.
    pub(crate) fn new(question: &str, analyzer: &Analyzer, synonyms: &SynonymMatcher, weights: &RankingWeights) -> Question {
        let words = analyzer.analyse(question, true);
        let plain: Vec<String> = words.iter().map(|w| w.word.clone()).collect();
        let spans = synonyms.spans(&plain, analyzer);
        let terms_of = |words: &[AnalysedWord]| -> Vec<Terms> {
            words.iter().map(|w| analyzer.terms(w)).filter(|t| !t.whole.is_empty()).collect()
        };
        let mut concepts = Vec::new();
        let mut compounds = Vec::new();
        let mut spans_left = spans.iter().peekable();
        while let Some(span) = spans_left.next() {
            // Two words the pages write as one ("zak geld", "baby blues"): found as the compound too.
            let next = spans_left.peek().filter(|n| n.start == span.end && n.end == n.start + 1 && n.alternatives.is_empty());
            let single = span.end == span.start + 1 && span.alternatives.is_empty();
            if let (true, Some(next)) = (single, next) {
                if let Some(compound) = analyzer.written_together(&words[span.start].word, &words[next.start].word) {
                    let own = &words[span.start..next.end];
                    let weight = if own.iter().any(|w| w.corrected) { weights.spelling } else { 1.0 };
                    let together = terms_of(&analyzer.analyse(&compound, false));
                    let alternatives =
                        vec![Alternative { words: together, weight }, Alternative { words: terms_of(own), weight }];
                    concepts.push(Concept { alternatives });
                    compounds.push((span.start, compound));
                    spans_left.next();
                    continue;
                }
            }
            let own = &words[span.start..span.end];
            let weight = if own.iter().any(|w| w.corrected) { weights.spelling } else { 1.0 };
            let mut alternatives = vec![Alternative { words: terms_of(own), weight }];
            for phrase in &span.alternatives {
                let words = terms_of(&analyzer.analyse(phrase, false));
                alternatives.push(Alternative { words, weight: weight * weights.synonym });
            }
            alternatives.retain(|a| !a.words.is_empty());
            if !alternatives.is_empty() {
                concepts.push(Concept { alternatives });
            }
        }

        let vocabulary = analyzer.vocabulary();
        let mut termen: Vec<String> = Vec::new();
        for word in &words {
            let Some(forms) = &word.forms else { continue };
            let known: Vec<&str> = if vocabulary.contains(&word.word) {
                vec![&word.word]
            } else if let Some(lemma) = forms.lemmas.iter().find(|l| vocabulary.contains(l)) {
                vec![lemma]
            } else {
                forms.parts.iter().map(String::as_str).filter(|p| vocabulary.contains(p)).collect()
            };
            for term in known.into_iter().filter(|t| vocabulary.registrable(t)) {
                if !termen.iter().any(|t| t == term) {
                    termen.push(term.to_string());
                }
            }
        }
        let stage = age::stage_words(&words);
        let stage_terms = stage.map(|s| terms_of(&analyzer.analyse(&s.join(" "), false))).unwrap_or_default();
        Question { concepts, words, spans, compounds, termen, stage, stage_terms }
    }

    /// The tantivy query of each concept, or `None` when the question has no searchable word.
    /// The question's query is all of them as `Should` clauses ([`should`]).
    pub(crate) fn concept_queries(&self, fields: &Fields, weights: &RankingWeights) -> Option<Vec<Box<dyn Query>>> {
        if self.concepts.is_empty() {
            return None;
        }
        let weighted = fields.weighted(weights);
        let term = |text: &str| -> Box<dyn Query> {
            should(
                weighted
                    .iter()
                    .filter(|(_, weight)| *weight > 0.0)
                    .map(|&(field, weight)| {
                        let query = WordQuery::new(field, text, IndexRecordOption::WithFreqs);
                        boost(Box::new(query), weight)
                    })
                    .collect(),
            )
        };
        let word = |terms: &Terms| -> Box<dyn Query> {
            let mut queries: Vec<Box<dyn Query>> = Vec::new();
            for (i, whole) in terms.whole.iter().enumerate() {
                queries.push(if i == 0 { term(whole) } else { boost(term(whole), weights.other_lemma) });
            }
            let part_weight = if terms.whole_known { weights.compound_part } else { 1.0 };
            queries.extend(terms.parts.iter().map(|part| boost(term(part), part_weight)));
            should(queries)
        };
        let mut queries: Vec<Box<dyn Query>> = self
            .concepts
            .iter()
            .map(|concept| {
                let mut alternatives: Vec<Box<dyn Query>> =
                    concept.alternatives.iter().map(|a| boost(should(a.words.iter().map(&word).collect()), a.weight)).collect();
                if alternatives.len() == 1 {
                    alternatives.remove(0)
                } else {
                    Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, weights.tie_breaker)) as Box<dyn Query>
                }
            })
            .collect();
        if !self.stage_terms.is_empty() && weights.life_stage > 0.0 {
            let stage = should(self.stage_terms.iter().map(&word).collect());
            queries.push(boost(stage, weights.life_stage));
        }
        Some(queries)
    }

    /// How many of [`Question::concept_queries`] are the question's own concepts (the rest is
    /// the life stage, which pages need not match to answer the whole question).
    pub(crate) fn own_concepts(&self) -> usize {
        self.concepts.len()
    }
}

/// Any of the queries, their scores added; a single query as it is.
pub(crate) fn should(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.remove(0);
    }
    Box::new(BooleanQuery::new(queries.into_iter().map(|q| (Occur::Should, q)).collect()))
}

/// The query with its score multiplied by `weight`; as it is for weight 1.
fn boost(query: Box<dyn Query>, weight: f32) -> Box<dyn Query> {
    if weight == 1.0 {
        query
    } else {
        Box::new(BoostQuery::new(query, weight))
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::site_lexicon::SiteLexicon;
    use crate::stem::Stemmer;
    use crate::synonyms::Synonyms;
    use crate::vocabulary::Vocabulary;

    fn question(text: &str) -> Question {
        let stemmer = Stemmer::new();
        let synonyms = Synonyms::parse("stufi, studiefinanciering\n", Path::new("s")).unwrap();
        let vocabulary = Vocabulary::collect(
            [vec!["Geef zakgeld en maak afspraken. Studiefinanciering aanvragen. Vraag het aan Jan in Voorbeeldstad."]],
            synonyms.words().map(str::to_string),
        );
        let analyzer = Analyzer::new(Arc::new(vocabulary), Arc::new(SiteLexicon::default()), stemmer);
        let matcher = SynonymMatcher::new(&synonyms, &analyzer);
        Question::new(text, &analyzer, &matcher, &RankingWeights::default())
    }

    #[test]
    fn termen_are_known_words_after_correction_and_splitting() {
        assert_eq!(question("Hoeveel zakgelt, Jan?").termen, ["zakgeld"]);
        assert_eq!(question("zakgeldafspraken").termen, ["zakgeld", "afspraken"]);
        assert_eq!(question("stufi aanvragen stufi").termen, ["stufi", "aanvragen"]);
    }

    #[test]
    fn names_on_the_site_are_never_termen() {
        assert_eq!(question("kan jan in voorbeeldstad helpen met zakgeld").termen, ["zakgeld"]);
    }

    #[test]
    fn corrections_and_synonyms_count_less() {
        let weights = RankingWeights::default();
        let q = question("zakgelt");
        assert_eq!(q.concepts[0].alternatives[0].weight, weights.spelling);
        let q = question("stufi");
        let alternative_weights: Vec<f32> = q.concepts[0].alternatives.iter().map(|a| a.weight).collect();
        assert_eq!(alternative_weights, [1.0, weights.synonym]);
    }

    #[test]
    fn a_question_of_stop_words_has_no_query() {
        let (schema, fields) = Fields::schema();
        drop(schema);
        assert!(question("hoe kan ik dat?").concept_queries(&fields, &RankingWeights::default()).is_none());
    }
}
