//! Advice on the risk signals, from how the rules and the classifier do on the editors'
//! examples ([`cjg_search::Validation`]): rules no example exercises, and kinds whose examples
//! only the classifier catches.

use std::collections::BTreeMap;
use std::path::Path;

use cjg_search::{Validation, EXAMPLES_FILE, SIGNALS_FILE};

use crate::finding::{Finding, Soort};

/// The advice for a site whose risk signals were validated as `validation`; `content` is the
/// content folder as shown to editors.
pub fn findings(validation: &Validation, content: &Path) -> Vec<Finding> {
    let mut out: Vec<Finding> = validation
        .idle_rules
        .iter()
        .map(|&line| Finding::advies(&content.join(SIGNALS_FILE), Some(line), Soort::RegelZonderVoorbeeld))
        .collect();
    let mut by_kind: BTreeMap<&str, Vec<&(usize, String, String)>> = BTreeMap::new();
    for example in &validation.only_classifier {
        by_kind.entry(example.2.as_str()).or_default().push(example);
    }
    for (kind, examples) in by_kind {
        let (line, text, _) = examples[0];
        let soort = Soort::AlleenHetModel { risicosoort: kind.to_string(), aantal: examples.len(), voorbeeld: text.clone() };
        out.push(Finding::advies(&content.join(EXAMPLES_FILE), Some(*line), soort));
    }
    out
}
