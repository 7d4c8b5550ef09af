//! The fields of the tantivy index, shared by the builder and the engine.

use tantivy::schema::{Field, Schema};
#[cfg(any(test, feature = "index"))]
use tantivy::schema::{IndexRecordOption, TextFieldIndexing, TextOptions, STORED};
#[cfg(any(test, feature = "index"))]
use tantivy::TantivyDocument;

#[cfg(any(test, feature = "index"))]
use crate::analyzer::Analyzer;
#[cfg(any(test, feature = "index"))]
use crate::document::Document;
use crate::error::Error;
use crate::ranking::RankingWeights;
#[cfg(any(test, feature = "index"))]
use crate::tokenizer::{AnalysedAhead, TOKENIZER};

/// The index fields. Text fields go through the Dutch analyzer and keep term
/// frequencies but no positions: the engine asks for words, never for exact phrases.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub title: Field,
    pub description: Field,
    pub vragen: Field,
    pub headings: Field,
    pub body: Field,
    pub thema: Field,
    /// Stored only: a page's address never needs a lookup by URL, and indexing it cost a
    /// term per page (a sixth of the index at 10,000 pages).
    pub url: Field,
    /// Stored only; one value per doelgroep, none for everyone. Read from each match.
    pub doelgroep: Field,
    /// Stored: how much the page counts (`zoekgewicht`).
    pub weight: Field,
    /// Stored: the stage of life the page is about (baby, peuter, puber), if it names one.
    pub fase: Field,
}

const TITLE: &str = "title";
const DESCRIPTION: &str = "description";
const VRAGEN: &str = "vragen";
const HEADINGS: &str = "headings";
const BODY: &str = "body";
const THEMA: &str = "thema";
const URL: &str = "url";
const DOELGROEP: &str = "doelgroep";
const WEIGHT: &str = "zoekgewicht";
const FASE: &str = "fase";

impl Fields {
    #[cfg(any(test, feature = "index"))]
    /// The schema of a new index and its fields.
    pub(crate) fn schema() -> (Schema, Fields) {
        let searched = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer(TOKENIZER).set_index_option(IndexRecordOption::WithFreqs),
        );
        let shown = searched.clone().set_stored();
        let mut builder = Schema::builder();
        let fields = Fields {
            title: builder.add_text_field(TITLE, shown.clone()),
            description: builder.add_text_field(DESCRIPTION, shown),
            vragen: builder.add_text_field(VRAGEN, searched.clone()),
            headings: builder.add_text_field(HEADINGS, searched.clone()),
            body: builder.add_text_field(BODY, searched.clone()),
            thema: builder.add_text_field(THEMA, searched),
            url: builder.add_text_field(URL, STORED),
            doelgroep: builder.add_text_field(DOELGROEP, STORED),
            weight: builder.add_f64_field(WEIGHT, STORED),
            fase: builder.add_text_field(FASE, STORED),
        };
        (builder.build(), fields)
    }

    /// The fields of an existing index.
    pub(crate) fn of(schema: &Schema) -> Result<Fields, Error> {
        let field = |name: &str| schema.get_field(name).map_err(|_| Error::Bundle(format!("the index has no field `{name}`")));
        Ok(Fields {
            title: field(TITLE)?,
            description: field(DESCRIPTION)?,
            vragen: field(VRAGEN)?,
            headings: field(HEADINGS)?,
            body: field(BODY)?,
            thema: field(THEMA)?,
            url: field(URL)?,
            doelgroep: field(DOELGROEP)?,
            weight: field(WEIGHT)?,
            fase: field(FASE)?,
        })
    }

    /// The searched fields with their weights.
    pub(crate) fn weighted(&self, weights: &RankingWeights) -> [(Field, f32); 6] {
        [
            (self.vragen, weights.vragen),
            (self.title, weights.title),
            (self.description, weights.description),
            (self.headings, weights.headings),
            (self.body, weights.body),
            (self.thema, weights.thema),
        ]
    }

    /// The name of a searched field as a `'static` string, for explanations.
    pub(crate) fn static_name(&self, name: &str) -> &'static str {
        [TITLE, DESCRIPTION, VRAGEN, HEADINGS, BODY, THEMA].into_iter().find(|n| *n == name).unwrap_or("?")
    }

    #[cfg(any(test, feature = "index"))]
    /// A page as a tantivy document. Its texts are analysed here already, into `ahead`, from
    /// which the writer's tokenizer takes them ([`crate::tokenizer::AheadTokenizer`]).
    pub(crate) fn document(&self, page: &Document, analyzer: &Analyzer, ahead: &AnalysedAhead) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.url, &page.url);
        let searched = [(self.title, &page.title), (self.description, &page.description), (self.body, &page.body)];
        let lists = [(self.vragen, &page.vragen), (self.headings, &page.headings)];
        let all = searched.into_iter().chain(lists.into_iter().flat_map(|(field, texts)| texts.iter().map(move |t| (field, t))));
        for (field, text) in all {
            ahead.put(analyzer, text);
            doc.add_text(field, text);
        }
        for doelgroep in &page.doelgroepen {
            doc.add_text(self.doelgroep, doelgroep.as_str());
        }
        if let Some(thema) = &page.thema {
            doc.add_text(self.thema, thema);
        }
        doc.add_f64(self.weight, page.weight);
        if let Some(fase) = crate::age::stage_of_page(&page.title, &page.description) {
            doc.add_text(self.fase, fase);
        }
        doc
    }
}
