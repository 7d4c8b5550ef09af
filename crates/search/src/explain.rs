//! Why the engine answered as it did, for editors (`cjg ask --explain`): how each word was
//! understood, and for each answer which terms scored in which fields. An editor who sees why
//! a wrong page won can fix it in the content (a `vragen` line, a synonym, a clearer title).

use cjg_common::Doelgroep;
use serde::Serialize;
use tantivy::query::Query;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher};

use crate::analyzer::{AnalysedWord, Analyzer};
use crate::fields::Fields;
use crate::hit::Hit;
use crate::question::Question;
use crate::ranking::RankingWeights;
use crate::word_query::WordQuery;

/// How a question was understood and answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Each word of the question.
    pub words: Vec<WordExplanation>,
    /// The doelgroep the wording points to ("mijn dochter" → ouders), if any.
    pub voice: Option<Doelgroep>,
    /// The kinds of risk signal that fired.
    pub soorten: Vec<String>,
    /// The rules of `signalen.txt` that fired: kind and line.
    pub rules: Vec<(String, usize)>,
    /// What the risk classifier thought, if the site has one.
    pub model: Option<ModelExplanation>,
    /// Each answer with what made it score.
    pub answers: Vec<AnswerExplanation>,
}

/// What the risk classifier thought of a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModelExplanation {
    /// Its probability of "urgent".
    pub probability: f32,
    /// Whether that reached its threshold.
    pub urgent: bool,
    /// The kind it found most alike, when urgent.
    pub kind: Option<String>,
    /// The question's features that pushed most towards urgent, with their weight.
    pub strongest: Vec<(String, f32)>,
}

/// How one word was understood.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordExplanation {
    /// The word as typed (folded, chat spelling written out).
    pub typed: String,
    /// A stop word: not searched.
    pub stop: bool,
    /// The site word a typo was read as.
    pub correction: Option<String>,
    /// The lemmas it was searched by.
    pub lemmas: Vec<String>,
    /// The site words of a compound.
    pub parts: Vec<String>,
    /// A part of a compound the site does not know.
    pub other_part: Option<String>,
    /// The separable verb it forms with a particle further on.
    pub joined: Option<String>,
    /// The compound it forms with the next word, as the site writes it.
    pub written_together: Option<String>,
    /// Synonyms from `synoniemen.txt` it was also searched with.
    pub synonyms: Vec<String>,
}

/// What made one answer score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnswerExplanation {
    /// The answer.
    pub hit: Hit,
    /// Each field and index term that matched, with its weighted BM25 score, best first.
    pub matches: Vec<Match>,
}

/// One index term that matched in one field of a page.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The field: vragen, title, description, headings, body or thema.
    pub field: &'static str,
    /// The index term (a Snowball stem).
    pub term: String,
    /// Its share of the score, before coverage and doelgroep weighing.
    pub score: f32,
}

/// How each word of `question` was understood.
pub(crate) fn words(question: &Question) -> Vec<WordExplanation> {
    question
        .words
        .iter()
        .enumerate()
        .map(|(at, word): (usize, &AnalysedWord)| {
            let span = question.spans.iter().find(|s| s.start <= at && at < s.end);
            let synonyms = span.filter(|s| s.start == at).map(|s| s.alternatives.clone()).unwrap_or_default();
            let forms = word.forms.as_ref();
            WordExplanation {
                typed: word.typed.clone(),
                stop: forms.is_none(),
                correction: word.corrected.then(|| word.word.clone()),
                lemmas: forms.map(|f| f.lemmas.clone()).unwrap_or_default(),
                parts: forms.map(|f| f.parts.clone()).unwrap_or_default(),
                other_part: forms.and_then(|f| f.other_part.clone()),
                joined: word.joined.clone(),
                written_together: question.compounds.iter().find(|(i, _)| *i == at).map(|(_, c)| c.clone()),
                synonyms,
            }
        })
        .collect()
}

/// The terms of the question that score in each field of the page at `address`.
pub(crate) fn matches(
    question: &Question,
    analyzer: &Analyzer,
    searcher: &Searcher,
    fields: &Fields,
    weights: &RankingWeights,
    address: DocAddress,
) -> tantivy::Result<Vec<Match>> {
    let mut terms: Vec<String> = Vec::new();
    for word in &question.words {
        let t = analyzer.terms(word);
        for term in t.whole.into_iter().chain(t.parts) {
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
    }
    let mut out = Vec::new();
    for (field, weight) in fields.weighted(weights) {
        let name = searcher.schema().get_field_name(field);
        let name = fields.static_name(name);
        for term in &terms {
            let query = WordQuery::new(field, term, IndexRecordOption::WithFreqs);
            let explained = query.explain(searcher, address);
            if let Ok(explanation) = explained {
                let score = explanation.value() * weight;
                if score > 0.0 {
                    out.push(Match { field: name, term: term.clone(), score });
                }
            }
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    Ok(out)
}
