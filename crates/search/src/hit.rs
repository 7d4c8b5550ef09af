//! One page in an answer: what the engine returns and the explanation names.

use serde::Serialize;

/// A page that answers a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Site-relative URL of the page.
    pub url: String,
    /// The page title.
    pub title: String,
    /// The page's one-sentence answer.
    pub description: String,
    /// How well the page fits; only comparable within one question.
    pub score: f32,
}
