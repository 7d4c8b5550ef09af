//! How well the risk signals do on questions they were not made from: 10-fold
//! cross-validation over the editors' examples and the pages' `vragen` (`cjg check
//! --signalen`). The rules are judged on every example; the classifier on each fold by a model
//! trained without it; the union as the widget decides.
//!
//! It also tells editors what to improve: rules that no example exercises, and urgent
//! examples only the classifier catches (a hint for a rule).

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::classifier::{Classifier, Settings};
use crate::document::Document;
use crate::index::site_words;
use crate::rules::Rules;
use crate::stem::Stemmer;
use crate::training;

/// Recall on urgent examples and the share of false alarms on ordinary ones.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rates {
    /// Urgent examples caught, as a share.
    pub recall: f64,
    /// Ordinary examples flagged, as a share.
    pub false_alarms: f64,
}

/// The union at another threshold of the classifier: what it would catch at a given rate of
/// false alarms, or what a given recall would cost.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TradeOff {
    /// The classifier's threshold on its probability.
    pub threshold: f32,
    /// The union's rates at that threshold.
    pub rates: Rates,
}

/// The union's rates on the examples on odd and on even lines of the examples file (the pages'
/// `vragen` are in neither). Write rules and examples from what the odd half misses and keep
/// the even half unseen: a change that helps only the half you looked at learned those
/// sentences, not the way people ask.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Halves {
    /// Examples on odd lines: the half to learn from.
    pub dev: Rates,
    /// Examples on even lines: the half to measure on.
    pub held_out: Rates,
}

/// Whether the example on `line` of the examples file is in the half kept to measure on (the
/// even lines; a page's `vragen`, line 0, is in neither half).
pub fn in_held_out_half(line: usize) -> bool {
    line > 0 && line.is_multiple_of(2)
}

/// The false-alarm rates at which [`Validation::trade_offs`] gives the union's recall.
const TRADE_OFF_ALARMS: [f64; 3] = [0.03, 0.05, 0.08];
/// The recall for which [`Validation::trade_offs`] gives the union's false alarms.
const TRADE_OFF_RECALL: f64 = 0.99;

/// The outcome of cross-validation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validation {
    /// Folds used.
    pub folds: usize,
    /// Urgent and ordinary examples.
    pub urgent: usize,
    /// Ordinary examples (the examples file's and the pages' `vragen`).
    pub ordinary: usize,
    /// The rules alone.
    pub rules: Rates,
    /// The classifier alone.
    pub classifier: Rates,
    /// Rules or classifier: what the widget does.
    pub union: Rates,
    /// The union's recall at 3, 5 and 8 % false alarms, then its false alarms at 99 % recall,
    /// each with the classifier threshold that gives it: how far the goal is.
    pub trade_offs: Vec<TradeOff>,
    /// The union on the examples file's two halves, so that whoever improves the signals can
    /// look at one half and still measure on the other.
    pub halves: Halves,
    /// Recall of the union per kind, in the order of `signalen.txt`.
    pub per_kind: Vec<(String, f64)>,
    /// Urgent examples that neither layer caught, with their line in the examples file.
    pub missed: Vec<(usize, String)>,
    /// Urgent examples only the classifier caught, with their kind: hints for a rule.
    pub only_classifier: Vec<(usize, String, String)>,
    /// Ordinary questions that raised an alarm.
    pub alarms: Vec<(usize, String)>,
    /// Lines of `signalen.txt` whose rule no example exercises.
    pub idle_rules: Vec<usize>,
}

/// Cross-validates the risk signals of a site with `folds` folds; with one fold the classifier
/// is trained on everything and judged on what it learned from (quick, for `cjg check`).
pub fn cross_validate(docs: &[Document], rules: &Rules, folds: usize) -> Validation {
    cross_validate_with(docs, rules, folds, &Settings::default())
}

/// [`cross_validate`] with other training settings, for tuning them.
pub fn cross_validate_with(docs: &[Document], rules: &Rules, folds: usize, settings: &Settings) -> Validation {
    let stemmer = Stemmer::new();
    let (vocabulary, lexicon) = site_words(docs, rules, stemmer);
    let analyzer = Arc::new(Analyzer::new(vocabulary, Arc::new(lexicon), stemmer));
    let samples = training::samples(&analyzer, rules, docs);
    let kinds = rules.signals.kinds();

    // The rules need no training: judge every example once, and note which rules fire.
    let mut fired_lines: BTreeMap<usize, usize> = BTreeMap::new();
    let by_rules: Vec<bool> = samples
        .iter()
        .map(|sample| {
            let words = analyzer.analyse(sample.text, true);
            let fired = rules.signals.find_analysed(&words, &analyzer);
            for signal in &fired {
                *fired_lines.entry(signal.line).or_default() += 1;
            }
            !fired.is_empty()
        })
        .collect();

    let mut by_model = vec![false; samples.len()];
    let mut probability = vec![0.0_f32; samples.len()];
    let mut judge = |model: &Classifier, i: usize| {
        let judgement = model.judge(&samples[i].features);
        by_model[i] = judgement.urgent;
        probability[i] = judgement.probability;
    };
    if folds <= 1 {
        let model = Classifier::train(&samples, &kinds, settings);
        (0..samples.len()).for_each(|i| judge(&model, i));
    }
    for fold in (0..folds).filter(|_| folds > 1) {
        let train: Vec<_> = samples.iter().enumerate().filter(|(i, _)| i % folds != fold).map(|(_, s)| s.clone()).collect();
        let model = Classifier::train(&train, &kinds, settings);
        (0..samples.len()).filter(|i| i % folds == fold).for_each(|i| judge(&model, i));
    }
    let urgent_labels: Vec<bool> = samples.iter().map(|s| s.urgent).collect();

    let rates_of = |keep: &dyn Fn(usize) -> bool, flagged: &dyn Fn(usize) -> bool| {
        let (mut caught, mut urgent, mut alarms, mut ordinary) = (0, 0, 0, 0);
        for (i, sample) in samples.iter().enumerate().filter(|(i, _)| keep(*i)) {
            match (sample.urgent, flagged(i)) {
                (true, true) => caught += 1,
                (false, true) => alarms += 1,
                _ => {}
            }
            if sample.urgent {
                urgent += 1;
            } else {
                ordinary += 1;
            }
        }
        Rates { recall: caught as f64 / urgent.max(1) as f64, false_alarms: alarms as f64 / ordinary.max(1) as f64 }
    };
    let rates = |flagged: &dyn Fn(usize) -> bool| rates_of(&|_| true, flagged);
    let union = |i: usize| by_rules[i] || by_model[i];
    let line = |i: usize| samples[i].line;
    let dev = rates_of(&|i| line(i) > 0 && !in_held_out_half(line(i)), &union);
    let held_out = rates_of(&|i| in_held_out_half(line(i)), &union);
    let per_kind = kinds
        .iter()
        .map(|kind| {
            let of_kind: Vec<usize> = (0..samples.len()).filter(|&i| samples[i].kind == Some(*kind)).collect();
            let caught = of_kind.iter().filter(|&&i| union(i)).count();
            (kind.to_string(), caught as f64 / of_kind.len().max(1) as f64)
        })
        .collect();
    let listed = |keep: &dyn Fn(usize) -> bool| -> Vec<(usize, String)> {
        (0..samples.len()).filter(|&i| keep(i)).map(|i| (samples[i].line, samples[i].text.to_string())).collect()
    };
    Validation {
        folds,
        urgent: samples.iter().filter(|s| s.urgent).count(),
        ordinary: samples.iter().filter(|s| !s.urgent).count(),
        rules: rates(&|i| by_rules[i]),
        classifier: rates(&|i| by_model[i]),
        union: rates(&union),
        trade_offs: trade_offs(&urgent_labels, &by_rules, &probability),
        halves: Halves { dev, held_out },
        per_kind,
        missed: listed(&|i| samples[i].urgent && !union(i)),
        only_classifier: (0..samples.len())
            .filter(|&i| samples[i].urgent && by_model[i] && !by_rules[i])
            .map(|i| (samples[i].line, samples[i].text.to_string(), samples[i].kind.unwrap_or_default().to_string()))
            .collect(),
        alarms: listed(&|i| !samples[i].urgent && union(i)),
        idle_rules: rules.signals.rule_lines().iter().map(|r| r.line).filter(|line| !fired_lines.contains_key(line)).collect(),
    }
}

/// The union's trade-offs ([`Validation::trade_offs`]) when the classifier's threshold moves:
/// the questions the rules leave are flagged from the most probable down, while false alarms
/// stay under each of [`TRADE_OFF_ALARMS`], and until [`TRADE_OFF_RECALL`] is reached.
fn trade_offs(urgent: &[bool], by_rules: &[bool], probability: &[f32]) -> Vec<TradeOff> {
    let total_urgent = urgent.iter().filter(|u| **u).count().max(1) as f64;
    let total_ordinary = urgent.iter().filter(|u| !**u).count().max(1) as f64;
    let mut order: Vec<usize> = (0..urgent.len()).filter(|&i| !by_rules[i]).collect();
    order.sort_by(|&a, &b| probability[b].total_cmp(&probability[a]).then(a.cmp(&b)));
    let flagged_by_rules = |want: bool| (0..urgent.len()).filter(|&i| by_rules[i] && urgent[i] == want).count();
    // The rates once every question down to `threshold` is flagged, as the sweep goes.
    let mut steps: Vec<TradeOff> = Vec::new();
    let (mut caught, mut alarms) = (flagged_by_rules(true), flagged_by_rules(false));
    let mut at = 0;
    while at < order.len() {
        let threshold = probability[order[at]];
        while at < order.len() && probability[order[at]] == threshold {
            if urgent[order[at]] {
                caught += 1;
            } else {
                alarms += 1;
            }
            at += 1;
        }
        let rates = Rates { recall: caught as f64 / total_urgent, false_alarms: alarms as f64 / total_ordinary };
        steps.push(TradeOff { threshold, rates });
    }
    let mut out: Vec<TradeOff> = TRADE_OFF_ALARMS
        .iter()
        .filter_map(|&most| steps.iter().take_while(|s| s.rates.false_alarms <= most).last().copied())
        .collect();
    out.extend(steps.iter().find(|s| s.rates.recall >= TRADE_OFF_RECALL).copied());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trade_offs_sweep_the_threshold() {
        // Urgent: 0.9, 0.6, 0.2 (and one the rules catch); ordinary: 0.7, 0.5 and 38 at 0.
        let mut urgent = vec![true, true, true, true, false, false];
        let mut by_rules = vec![true, false, false, false, false, false];
        let mut probability = vec![0.0, 0.9, 0.6, 0.2, 0.7, 0.5];
        urgent.extend([false; 38]);
        by_rules.extend([false; 38]);
        probability.extend([0.0; 38]);
        let found = trade_offs(&urgent, &by_rules, &probability);
        // 3 % of 40 ordinary is one alarm: down to 0.6, 3 of 4 caught.
        assert_eq!(found[0].threshold, 0.6);
        assert_eq!(found[0].rates.recall, 0.75);
        assert_eq!(found[0].rates.false_alarms, 1.0 / 40.0);
        // 99 % recall needs 0.2, with two alarms.
        let last = found.last().unwrap();
        assert_eq!((last.threshold, last.rates.recall, last.rates.false_alarms), (0.2, 1.0, 2.0 / 40.0));
    }
}
