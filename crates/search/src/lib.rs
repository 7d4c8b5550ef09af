//! The question engine of a CJG site, used natively by `cjg build` and `cjg ask` and
//! compiled to WASM for the `<cjg-vraag>` widget, so the browser runs what the tests
//! measure.
//!
//! [`build_index`] turns the site's [`Document`]s and the editors' [`Rules`] into one
//! index bundle; [`Engine::from_bytes`] loads it and [`Engine::ask`] answers with an
//! [`Antwoord`]: whether the question carries a risk signal, the fitting pages, and
//! the question's words that the site knows.

mod age;
mod analyzer;
mod bundle;
mod classifier;
mod compound;
mod directory;
mod document;
mod engine;
mod error;
mod examples;
mod explain;
mod features;
mod fields;
mod guess;
mod hit;
#[cfg(feature = "index")]
mod index;
mod postings_parts;
mod question;
mod ranking;
mod rules;
mod signals;
mod site_lexicon;
#[cfg(feature = "index")]
mod slicing;
mod spelling;
mod stem;
mod stopwords;
mod synonyms;
mod text;
mod tokenizer;
#[cfg(feature = "index")]
mod training;
#[cfg(feature = "index")]
mod validation;
mod vocabulary;
mod voice;
mod word_delta;
mod word_query;

pub use classifier::Settings as ClassifierSettings;
pub use document::Document;
pub use engine::{Antwoord, Engine, MAX_ANSWERS};
pub use error::{Error, RuleError};
pub use examples::{Example, Examples, ORDINARY};
pub use explain::{AnswerExplanation, Explanation, Match, ModelExplanation, WordExplanation};
pub use hit::Hit;
#[cfg(feature = "index")]
pub use index::{build_index, BuiltIndex};
pub use ranking::RankingWeights;
pub use rules::{Rules, EXAMPLES_FILE, SIGNALS_FILE, SYNONYMS_FILE, TOPICS_FILE};
pub use signals::{RiskSignal, RiskSignals};
pub use synonyms::Synonyms;
#[cfg(feature = "index")]
pub use validation::{cross_validate, cross_validate_with, in_held_out_half, Halves, Rates, Validation};
pub use vocabulary::Vocabulary;
