//! What the site generator hands over for each page it wants to be found.

use cjg_common::Doelgroep;
use serde::{Deserialize, Serialize};

/// One page for the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Site-relative URL, like `/ouders/opvoeden/zakgeld/`.
    pub url: String,
    /// The page title.
    pub title: String,
    /// The one-sentence answer shown under the title.
    pub description: String,
    /// Questions this page answers, in the visitors' words (front matter `vragen`).
    pub vragen: Vec<String>,
    /// The text of the page's headings.
    pub headings: Vec<String>,
    /// The page text without markup.
    pub body: String,
    /// Who the page is for; empty for everyone.
    pub doelgroepen: Vec<Doelgroep>,
    /// The theme the page belongs to, if any.
    pub thema: Option<String>,
    /// How much the page counts: a score is multiplied by it (front matter `zoekgewicht`, 1 by default).
    pub weight: f64,
}

impl Default for Document {
    fn default() -> Document {
        Document {
            url: String::new(),
            title: String::new(),
            description: String::new(),
            vragen: Vec::new(),
            headings: Vec::new(),
            body: String::new(),
            doelgroepen: Vec::new(),
            thema: None,
            weight: 1.0,
        }
    }
}

impl Document {
    #[cfg(any(test, feature = "index"))]
    /// Every text of the page that is searched.
    pub(crate) fn texts(&self) -> Vec<&str> {
        let mut texts = vec![self.title.as_str(), self.description.as_str(), self.body.as_str()];
        texts.extend(self.vragen.iter().map(String::as_str));
        texts.extend(self.headings.iter().map(String::as_str));
        texts.extend(self.thema.as_deref());
        texts
    }
}
