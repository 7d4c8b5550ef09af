//! Training the risk classifier from the editors' examples and the pages' `vragen` (natively,
//! during `cjg build`).

use rayon::prelude::*;

use crate::analyzer::{AnalysedWord, Analyzer};
use crate::classifier::{Classifier, Sample, Settings};
use crate::document::Document;
use crate::features;
use crate::rules::Rules;

/// About this many `vragen` lines of the pages join the ordinary examples, from pages taken
/// evenly over the site, so that training stays quick on a site of 10,000 pages.
const MAX_PAGE_VRAGEN: usize = 3_000;

/// The risk model of a site, or `None` when it has no examples file.
pub(crate) fn risk_model(analyzer: &Analyzer, rules: &Rules, docs: &[Document], settings: &Settings) -> Option<Classifier> {
    let urgent = rules.examples.urgent().count();
    if urgent == 0 {
        return None;
    }
    let samples = samples(analyzer, rules, docs);
    Some(Classifier::train(&samples, &rules.signals.kinds(), settings))
}

/// A page whose `vragen` the rules call urgent this often is about a risk itself (violence at
/// home, no safe place to sleep): its other `vragen` are no ordinary questions to learn from.
const RISK_PAGE_SHARE: f32 = 0.3;

/// Every training sample: the examples file, then the pages' `vragen` as ordinary questions.
/// Left out are the `vragen` a rule calls urgent, and all `vragen` of pages about a risk (see
/// [`RISK_PAGE_SHARE`]): those are urgent questions a help page answers ("mijn vader slaat
/// me"), not ordinary ones. The rules decide, not a model: a model trained on the examples
/// alone flags a third of the `vragen` of many an ordinary page (the pill, sleep, bottle
/// feeding), and leaving those out would hide the hardest ordinary questions.
pub(crate) fn samples<'a>(analyzer: &Analyzer, rules: &'a Rules, docs: &'a [Document]) -> Vec<Sample<'a>> {
    let sample = |text: &'a str, words: &[AnalysedWord], line: usize, kind: Option<&'a str>| Sample {
        text,
        line,
        features: features::of(words, analyzer, &rules.signals.concepts_of(words, analyzer)),
        urgent: kind.is_some(),
        kind,
    };
    let mut samples: Vec<Sample<'a>> = rules
        .examples
        .examples
        .par_iter()
        .map(|e| sample(e.text.as_str(), &analyzer.analyse(&e.text, true), e.line, e.kind.as_deref()))
        .collect();
    if samples.iter().all(|s| !s.urgent) {
        return samples;
    }
    let all_vragen: usize = docs.iter().map(|d| d.vragen.len()).sum();
    let every = all_vragen.div_ceil(MAX_PAGE_VRAGEN).max(1);
    let vragen: Vec<Vec<Sample<'a>>> = docs
        .par_iter()
        .step_by(every)
        .map(|doc| {
            // Each question is analysed once, for the rules and for its features.
            let ordinary: Vec<(&String, Vec<AnalysedWord>)> = doc
                .vragen
                .iter()
                .map(|v| (v, analyzer.analyse(v, true)))
                .filter(|(_, words)| rules.signals.find_analysed(words, analyzer).is_empty())
                .collect();
            let urgent = doc.vragen.len() - ordinary.len();
            if (urgent as f32) < RISK_PAGE_SHARE * doc.vragen.len() as f32 {
                ordinary.into_iter().map(|(v, words)| sample(v.as_str(), &words, 0, None)).collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    samples.extend(vragen.into_iter().flatten());
    samples
}
