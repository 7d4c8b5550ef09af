//! One word in one field of the index, scored with BM25.
//!
//! tantivy's `TermQuery` does the same, but when a field is not indexed and has fast values
//! it falls back to a range query over them. This index never has such fields, yet that path
//! brings tantivy's fast-field range search into the widget's WASM, and its `Debug` output
//! (which prints terms through tantivy's `Term` formatting) brings in a regular-expression
//! engine with its Unicode tables. [`WordQuery`] asks for the term's postings only, and its
//! [`WordWeight`] explains a score by its value alone, without tantivy's text of the term.
//! Together they keep about 50 kB (brotli) out of the widget; the scores are tantivy's own.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term};

/// A query for the pages whose `field` holds `word`.
#[derive(Clone)]
pub(crate) struct WordQuery(TermQuery);

impl WordQuery {
    /// Matches `word` in `field`; `WithFreqs` scores by how often it occurs, `Basic` only finds.
    pub(crate) fn new(field: Field, word: &str, record: IndexRecordOption) -> Self {
        WordQuery(TermQuery::new(Term::from_field_text(field, word), record))
    }
}

impl fmt::Debug for WordQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let term = self.0.term();
        write!(f, "WordQuery(field {}, {:?})", term.field().field_id(), term.value().as_str().unwrap_or_default())
    }
}

impl Query for WordQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(WordWeight(self.0.specialized_weight(scoring)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

/// tantivy's BM25 weight of one term (its `TermWeight`, which tantivy does not name), with
/// every search path its own.
struct WordWeight<W>(W);

impl<W: Weight> Weight for WordWeight<W> {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.0.scorer(reader, boost)
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.0.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!("page {doc} does not hold the word")));
        }
        Ok(Explanation::new("BM25", scorer.score()))
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }

    fn for_each(&self, reader: &SegmentReader, callback: &mut dyn FnMut(DocId, Score)) -> tantivy::Result<()> {
        self.0.for_each(reader, callback)
    }

    fn for_each_no_score(&self, reader: &SegmentReader, callback: &mut dyn FnMut(&[DocId])) -> tantivy::Result<()> {
        self.0.for_each_no_score(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.0.for_each_pruning(threshold, reader, callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{doc, Index};

    #[test]
    fn scores_as_tantivy_does_and_prints_the_word_plainly() {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.add_document(doc!(body => "zakgeld per week")).unwrap();
        writer.add_document(doc!(body => "slapen en dromen")).unwrap();
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let query = WordQuery::new(body, "zakgeld", IndexRecordOption::WithFreqs);
        assert_eq!(searcher.search(&query, &Count).unwrap(), 1);
        assert_eq!(format!("{query:?}"), r#"WordQuery(field 0, "zakgeld")"#);
        let found = TermQuery::new(Term::from_field_text(body, "zakgeld"), IndexRecordOption::WithFreqs);
        let address = tantivy::DocAddress::new(0, 0);
        let theirs = found.explain(&searcher, address).unwrap().value();
        assert_eq!(query.explain(&searcher, address).unwrap().value(), theirs);
        assert!(query.explain(&searcher, tantivy::DocAddress::new(0, 1)).is_err());
    }
}
