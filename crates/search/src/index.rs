//! Building the index bundle from the site's pages (natively, during `cjg build`).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use tantivy::directory::Directory;
use tantivy::store::Compressor;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, IndexSettings, IndexWriter, TantivyDocument};

use cjg_lexicon::Lexicon;

use crate::analyzer::Analyzer;
use crate::bundle;
use crate::classifier::Settings as ClassifierSettings;
use crate::document::Document;
use crate::error::Error;
use crate::fields::Fields;
use crate::postings_parts::{self, PartSizes};
use crate::rules::{Rules, SIGNALS_FILE, SYNONYMS_FILE};
use crate::site_lexicon::SiteLexicon;
use crate::slicing;
use crate::stem::Stemmer;
use crate::tokenizer::{AheadTokenizer, AnalysedAhead, TOKENIZER};
use crate::training;
use crate::vocabulary::Vocabulary;

/// The writer's memory budget: enough to index 10,000 pages as one segment, which needs no
/// merging and gives a smaller bundle than several.
const WRITER_MEMORY: usize = 100_000_000;

/// What [`build_index`] makes: the bundle, and the words the bundle lets a question be
/// registered with, so that `cjg build` need not read the bundle back to learn them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuiltIndex {
    /// The index bundle, as [`crate::Engine::from_bytes`] reads it.
    pub bytes: Vec<u8>,
    /// [`crate::Engine::registration_terms`] of that bundle, alphabetically.
    pub registration_terms: Vec<String>,
    /// On a large site, the parts of the postings that are published beside the bundle
    /// (`zoekindex.<hash>.<n>.bin`, numbered from 0) and fetched as questions need them; the
    /// bundle's content covers theirs, so its hash names them too. Empty on a small site.
    pub parts: Vec<Vec<u8>>,
}

/// Indexes the pages and returns the index bundle (its layout is described in `bundle.rs`) with the
/// vocabulary, the site's slice of the Dutch lexicon and the rules, ready to be written as
/// one file and read by [`crate::Engine::from_bytes`].
pub fn build_index(docs: &[Document], rules: &Rules) -> Result<BuiltIndex, Error> {
    build_index_in_parts(docs, rules, PartSizes::BUILD)
}

/// [`build_index`], with the postings in parts as `sizes` says.
fn build_index_in_parts(docs: &[Document], rules: &Rules, sizes: PartSizes) -> Result<BuiltIndex, Error> {
    if Lexicon::dutch().is_empty() {
        return Err(Error::NoLexicon);
    }
    let stemmer = Stemmer::new();
    let (vocabulary, lexicon) = site_words(docs, rules, stemmer);
    let lexicon_sections = lexicon.to_sections();
    let vocabulary_text = vocabulary.to_text();
    let analyzer = Arc::new(Analyzer::new(vocabulary, Arc::new(lexicon), stemmer));
    let registration_terms = analyzer.vocabulary().registrable_words().map(str::to_owned).collect();
    // The risk model and the index do not depend on each other: one trains while the other is
    // written (tantivy's writer and each model's gradient descent run on one core each).
    let (risk_model, index) = rayon::join(
        || training::risk_model(&analyzer, rules, docs, &ClassifierSettings::default()),
        || write_index(docs, &analyzer),
    );
    let index = index?;

    let mut sections = vec![(bundle::VOCABULARY.to_string(), vocabulary_text.into_bytes())];
    sections.extend(lexicon_sections.into_iter().map(|(name, text)| (name.to_string(), text.into_bytes())));
    sections.extend([
        (SYNONYMS_FILE.to_string(), rules.synonyms.source().as_bytes().to_vec()),
        (SIGNALS_FILE.to_string(), rules.signals.bundled().into_bytes()),
    ]);
    if let Some(model) = risk_model {
        sections.push((bundle::RISK_MODEL.to_string(), model.to_bytes()));
    }
    let names = StableNames::of(&index)?;
    let split = postings_parts::split(&index, sizes, &|name| names.file(name))?.unwrap_or_default();
    if !split.section.is_empty() {
        sections.push((postings_parts::SECTION.to_string(), split.section));
    }
    let directory = index.directory();
    let mut files: Vec<PathBuf> = directory.list_managed_files().into_iter().collect();
    files.push(PathBuf::from("meta.json"));
    files.sort();
    files.dedup();
    for file in files {
        if !directory.exists(&file).map_err(tantivy::TantivyError::from)? || is_lock(&file) || split.files.contains(&file) {
            continue;
        }
        let mut data = directory.atomic_read(&file).map_err(tantivy::TantivyError::from)?;
        if file == Path::new("meta.json") {
            data = names.in_meta(&data);
        }
        sections.push((format!("{}{}", bundle::INDEX_PREFIX, names.file(&file.display().to_string())), data));
    }
    Ok(BuiltIndex { bytes: bundle::write(&sections)?, registration_terms, parts: split.parts })
}

/// Pages analysed at a time, while the writer indexes the group before.
const PIPELINE_GROUP: usize = 256;

/// The tantivy index of the pages, in RAM.
fn write_index(docs: &[Document], analyzer: &Arc<Analyzer>) -> Result<Index, Error> {
    let (schema, fields) = Fields::schema();
    // The store is left uncompressed: the bundle is sent with brotli, which shrinks plain
    // text better than it shrinks lz4's output.
    let settings = IndexSettings { docstore_compression: Compressor::None, ..IndexSettings::default() };
    let index = Index::builder().schema(schema).settings(settings).create_in_ram()?;
    let ahead = Arc::new(AnalysedAhead::default());
    let tokenizer = AheadTokenizer { analyzer: analyzer.clone(), ahead: ahead.clone() };
    index.tokenizers().register(TOKENIZER, TextAnalyzer::from(tokenizer));
    let mut writer: IndexWriter = index.writer_with_num_threads(1, WRITER_MEMORY)?;
    // Pages are analysed on every core; one writer keeps their order, so the bundle is the
    // same on every build. The writer indexes one group of pages while the next is analysed.
    for group in docs.chunks(PIPELINE_GROUP) {
        let documents: Vec<TantivyDocument> = group.par_iter().map(|doc| fields.document(doc, analyzer, &ahead)).collect();
        for document in documents {
            writer.add_document(document)?;
        }
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(index)
}

/// The site's vocabulary and its slice of the Dutch lexicon: what the browser's analyzer knows.
pub(crate) fn site_words(docs: &[Document], rules: &Rules, stemmer: Stemmer) -> (Arc<Vocabulary>, SiteLexicon) {
    let vocabulary = Vocabulary::collect(
        docs.iter().map(Document::texts),
        rules.synonyms.words().map(str::to_string).chain(rules.topics.iter().cloned()),
    );
    let vocabulary = Arc::new(vocabulary);
    // The rules' words and the examples' words are analysed in the browser too.
    let mut other_words = rules.signals.words();
    other_words.extend(rules.examples.examples.iter().flat_map(|e| crate::text::words(&e.text)).map(|w| w.text));
    other_words.sort();
    other_words.dedup();
    let lexicon = slicing::slice(Lexicon::dutch(), &vocabulary, &other_words, stemmer);
    (vocabulary, lexicon)
}

/// tantivy names segments by random UUIDs; the bundle names them by their place instead, so
/// that the same pages and examples always give the same bundle.
struct StableNames {
    /// Each segment's UUID as tantivy wrote it (without and with hyphens) and its stable one.
    segments: Vec<([String; 2], [String; 2])>,
}

impl StableNames {
    fn of(index: &Index) -> Result<StableNames, Error> {
        let segments = index
            .searchable_segment_ids()?
            .iter()
            .enumerate()
            .map(|(place, id)| {
                let random = id.uuid_string();
                let stable = format!("00000000000040008000{place:012x}");
                ([random.clone(), hyphenated(&random)], [stable.clone(), hyphenated(&stable)])
            })
            .collect();
        Ok(StableNames { segments })
    }

    /// The stable name of an index file (`<uuid>.idx`).
    fn file(&self, name: &str) -> String {
        self.segments.iter().fold(name.to_string(), |name, ([random, _], [stable, _])| name.replace(random, stable))
    }

    /// `meta.json` with the stable segment ids.
    fn in_meta(&self, meta: &[u8]) -> Vec<u8> {
        let meta = String::from_utf8_lossy(meta);
        self.segments.iter().fold(meta.into_owned(), |meta, ([_, random], [_, stable])| meta.replace(random, stable)).into_bytes()
    }
}

/// A UUID of 32 hex digits in the hyphenated form of `meta.json`.
fn hyphenated(uuid: &str) -> String {
    format!("{}-{}-{}-{}-{}", &uuid[..8], &uuid[8..12], &uuid[12..16], &uuid[16..20], &uuid[20..])
}

/// tantivy's lock files only matter to a writer.
fn is_lock(file: &Path) -> bool {
    file.to_str().is_some_and(|name| name.ends_with(".lock"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages() -> Vec<Document> {
        ["zakgeld", "bijbaan", "anticonceptie"]
            .iter()
            .map(|word| Document {
                url: format!("/{word}/"),
                title: word.to_string(),
                body: format!("Alles over {word} voor ouders en jongeren."),
                vragen: vec![format!("hoe zit het met {word}")],
                ..Document::default()
            })
            .collect()
    }

    #[test]
    fn the_same_pages_give_the_same_bundle() {
        let rules = Rules::parse("", "[zelfdoding]\nzelfmoord*\n").unwrap();
        let first = build_index(&pages(), &rules).unwrap();
        let second = build_index(&pages(), &rules).unwrap();
        assert!(first == second, "two builds of the same pages differ");
        let engine = crate::Engine::from_bytes(&first.bytes).unwrap();
        assert_eq!(engine.ask("zakgeld", None, 5).answers.first().map(|a| a.url.as_str()), Some("/zakgeld/"));
        let read_back: Vec<&str> = engine.registration_terms().collect();
        assert_eq!(first.registration_terms, read_back, "the terms are the bundle's own");
        assert!(first.registration_terms.iter().any(|t| t == "zakgeld"));
        assert!(first.parts.is_empty(), "a small site's bundle holds all postings");
    }

    #[test]
    fn postings_in_parts_answer_as_the_whole_bundle_does() {
        let rules = Rules::parse("", "[zelfdoding]\nzelfmoord*\n").unwrap();
        let whole = crate::Engine::from_bytes(&build_index(&pages(), &rules).unwrap().bytes).unwrap();
        let built = build_index_in_parts(&pages(), &rules, PartSizes { whole_up_to: 0, part_bytes: 16 }).unwrap();
        let engine = crate::Engine::from_bytes(&built.bytes).unwrap();
        assert_eq!(engine.part_count() as usize, built.parts.len());
        let question = "zakgeld en een bijbaan";
        assert!(engine.ask(question, None, 5).answers.is_empty(), "no answers before the parts are there");
        let needed = engine.parts_needed(question);
        assert!(!needed.is_empty() && needed.len() < built.parts.len(), "{needed:?} of {}", built.parts.len());
        for &number in &needed {
            engine.add_part(number, &built.parts[number as usize]).unwrap();
        }
        assert_eq!(engine.parts_needed(question), Vec::<u32>::new());
        assert_eq!(engine.ask(question, None, 5), whole.ask(question, None, 5));
        assert!(engine.add_part(built.parts.len() as u32, &[]).is_err(), "there is no such part");
        assert!(engine.add_part(0, &[1, 2, 3]).is_err(), "a broken part is refused");
    }
}
