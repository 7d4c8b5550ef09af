//! Building the index bundle from the site's pages (natively, during `cjg build`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::Directory;
use tantivy::tokenizer::TextAnalyzer;
use rayon::prelude::*;
use tantivy::{Index, IndexWriter, TantivyDocument};

use cjg_lexicon::Lexicon;

use crate::analyzer::Analyzer;
use crate::bundle;
use crate::document::Document;
use crate::error::Error;
use crate::fields::Fields;
use crate::rules::{Rules, SIGNALS_FILE, SYNONYMS_FILE};
use crate::slicing;
use crate::stem::Stemmer;
use crate::tokenizer::{DutchTokenizer, TOKENIZER};
use crate::vocabulary::Vocabulary;

/// tantivy's smallest writer memory budget; the index of a site fits in it many times.
const WRITER_MEMORY: usize = 15_000_000;

/// Indexes the pages and returns the index bundle (see [`crate::bundle`]) with the
/// vocabulary, the site's slice of the Dutch lexicon and the rules, ready to be written as
/// one file and read by [`crate::Engine::from_bytes`].
pub fn build_index(docs: &[Document], rules: &Rules) -> Result<Vec<u8>, Error> {
    let stemmer = Stemmer::new();
    let vocabulary = Vocabulary::collect(
        docs.iter().map(Document::texts),
        rules.synonyms.words().map(str::to_string).chain(rules.topics.iter().cloned()),
    );
    let vocabulary = Arc::new(vocabulary);
    let lexicon = slicing::slice(Lexicon::dutch(), &vocabulary, &rules.signals.words(), stemmer);
    let lexicon_sections = lexicon.to_sections();
    let vocabulary_text = vocabulary.to_text();
    let analyzer = Arc::new(Analyzer::new(vocabulary, Arc::new(lexicon), stemmer));

    let (schema, fields) = Fields::schema();
    let index = Index::create_in_ram(schema);
    index.tokenizers().register(TOKENIZER, TextAnalyzer::from(DutchTokenizer(analyzer.clone())));
    let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
    // Pages are analysed on every core; one writer keeps their order, so the bundle is the
    // same on every build.
    let documents: Vec<TantivyDocument> = docs.par_iter().map(|doc| fields.document(doc, &analyzer)).collect();
    for document in documents {
        writer.add_document(document)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;

    let mut sections = vec![(bundle::VOCABULARY.to_string(), vocabulary_text.into_bytes())];
    sections.extend(lexicon_sections.into_iter().map(|(name, text)| (name.to_string(), text.into_bytes())));
    sections.extend([
        (SYNONYMS_FILE.to_string(), rules.synonyms.source().as_bytes().to_vec()),
        (SIGNALS_FILE.to_string(), rules.signals.source().as_bytes().to_vec()),
    ]);
    let directory = index.directory();
    let mut files: Vec<PathBuf> = directory.list_managed_files().into_iter().collect();
    files.push(PathBuf::from("meta.json"));
    files.sort();
    files.dedup();
    for file in files {
        if !directory.exists(&file).map_err(tantivy::TantivyError::from)? || is_lock(&file) {
            continue;
        }
        let data = directory.atomic_read(&file).map_err(tantivy::TantivyError::from)?;
        sections.push((format!("{}{}", bundle::INDEX_PREFIX, file.display()), data));
    }
    bundle::write(&sections)
}

/// tantivy's lock files only matter to a writer.
fn is_lock(file: &Path) -> bool {
    file.to_str().is_some_and(|name| name.ends_with(".lock"))
}
