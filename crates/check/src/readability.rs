//! Language level B1: the Flesch-Douma score per page, long sentences, rare long words.
//!
//! Flesch-Douma is the Dutch adaptation of Flesch Reading Ease (Douma, 1960):
//! `206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence`. About 60 and
//! higher reads as "redelijk makkelijk", which is what B1 texts reach.

use std::collections::HashMap;

use cjg_site::{Kind, Site};

use crate::finding::{Finding, Soort};
use crate::text::{sentences, Sentence};

/// Below this score a page gets advice.
const MIN_SCORE: f64 = 60.0;
/// Above this average sentence length a page gets advice.
const MAX_AVERAGE: f64 = 15.0;
/// Sentences longer than this are listed.
const LONG_SENTENCE: usize = 20;
/// At most this many long sentences are listed per page, longest first.
const LIST_SENTENCES: usize = 3;
/// Words with at least this many letters count as long.
const LONG_WORD: usize = 19;

/// Dutch syllables of `word`: groups of vowels, with `ij` as one vowel and a diaeresis starting a new group.
pub fn syllables(word: &str) -> usize {
    let lower = word.to_lowercase().replace("ij", "y");
    let mut count = 0;
    let mut in_vowel = false;
    for c in lower.chars() {
        let diaeresis = matches!(c, 'ë' | 'ï' | 'ü' | 'ö' | 'ä');
        let vowel = diaeresis || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'á' | 'ó' | 'ú' | 'í');
        if vowel && (!in_vowel || diaeresis) {
            count += 1;
        }
        in_vowel = vowel;
    }
    count.max(1)
}

/// The Flesch-Douma score of these sentences, and their average length; `None` without words.
pub fn flesch_douma(sentences: &[Sentence]) -> Option<(f64, f64)> {
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    if words == 0 {
        return None;
    }
    let syllable_count: usize = sentences.iter().flat_map(|s| &s.words).map(|w| syllables(w)).sum();
    let per_100 = syllable_count as f64 * 100.0 / words as f64;
    let average = words as f64 / sentences.len() as f64;
    Some((206.84 - 0.77 * per_100 - 0.93 * average, average))
}

/// Readability advice for every page.
pub fn check(site: &Site) -> Vec<Finding> {
    let pages: Vec<_> = site.entries().iter().filter(|p| p.kind == Kind::Page).collect();
    let per_page: Vec<Vec<Sentence>> = pages.iter().map(|p| sentences(p)).collect();
    // On how many pages each long word appears, to tell site vocabulary from rare words.
    let mut spread: HashMap<String, usize> = HashMap::new();
    for sentences in &per_page {
        let mut seen: Vec<String> =
            sentences.iter().flat_map(|s| &s.words).filter(|w| is_long(w)).map(|w| w.to_lowercase()).collect();
        seen.sort();
        seen.dedup();
        for word in seen {
            *spread.entry(word).or_default() += 1;
        }
    }
    let mut findings = Vec::new();
    for (page, sentences) in pages.iter().zip(&per_page) {
        if let Some((score, average)) = flesch_douma(sentences) {
            if score < MIN_SCORE || average > MAX_AVERAGE {
                let soort = Soort::Leesbaarheid { flesch_douma: score.round(), zinslengte: (average * 10.0).round() / 10.0 };
                findings.push(Finding::advies(&page.shown, None, soort));
            }
        }
        let mut long: Vec<&Sentence> = sentences.iter().filter(|s| s.words.len() > LONG_SENTENCE).collect();
        long.sort_by_key(|s| std::cmp::Reverse(s.words.len()));
        for sentence in long.into_iter().take(LIST_SENTENCES) {
            let begin = sentence.words.iter().take(6).cloned().collect::<Vec<_>>().join(" ");
            findings.push(Finding::advies(
                &page.shown,
                Some(sentence.line),
                Soort::LangeZin { woorden: sentence.words.len(), begin },
            ));
        }
        let mut reported = Vec::new();
        for sentence in sentences {
            for word in sentence.words.iter().filter(|w| is_long(w)) {
                let lower = word.to_lowercase();
                if spread.get(&lower) == Some(&1) && !reported.contains(&lower) {
                    reported.push(lower);
                    findings.push(Finding::advies(&page.shown, Some(sentence.line), Soort::LangWoord { woord: word.clone() }));
                }
            }
        }
    }
    findings
}

fn is_long(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= LONG_WORD
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_syllables() {
        assert_eq!(syllables("kind"), 1);
        assert_eq!(syllables("opvoeden"), 3);
        assert_eq!(syllables("zijn"), 1);
        assert_eq!(syllables("ideeën"), 3);
        assert_eq!(syllables("schuldhulpverlening"), 5);
        assert_eq!(syllables("eeuw"), 1);
    }

    #[test]
    fn short_sentences_score_higher() {
        let s = |words: &[&str]| Sentence { line: 1, words: words.iter().map(|w| w.to_string()).collect() };
        let easy = [s(&["Bel", "de", "dokter"]), s(&["Dat", "mag", "altijd"])];
        let hard = [s(&[
            "Gemeentelijke",
            "schuldhulpverleningsorganisaties",
            "ondersteunen",
            "huishoudens",
            "met",
            "problematische",
            "betalingsachterstanden",
            "structureel",
        ])];
        let (easy_score, easy_avg) = flesch_douma(&easy).unwrap();
        let (hard_score, _) = flesch_douma(&hard).unwrap();
        assert!(easy_score > 80.0 && hard_score < 30.0, "{easy_score} {hard_score}");
        assert_eq!(easy_avg, 3.0);
        assert!(flesch_douma(&[]).is_none());
    }
}
