//! What the risk classifier sees of a question: features that survive wording.
//!
//! From the analysed words ([`crate::analyzer`]): each word as typed ("wil", "niet", "me"),
//! each content word's lemma stem ("slaan" for "sloeg", "geslagen" and "slaat"), a joined
//! separable verb ("opsluiten"), pairs of neighbouring words and of words one apart ("wil
//! dood", "niet … leven"), and the three- and four-letter pieces of each word ("verkragt"
//! shares most of its pieces with "verkracht"). The same function serves training in
//! `cjg build` and judging in the browser, so both see a question alike.

use crate::analyzer::{AnalysedWord, Analyzer};

/// The features of a question's words, each once, in a fixed order. `concepts` holds, per
/// word, the rules' concepts it belongs to ([`crate::signals::RiskSignals::concepts_of`]): each
/// concept is a feature, and so are the pairs in which a concept stands for its word ("@ouder
/// slaat", "mijn @partner", "@slaan … @mij").
pub(crate) fn of(words: &[AnalysedWord], analyzer: &Analyzer, concepts: &[Vec<&str>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |feature: String| {
        if !out.contains(&feature) {
            out.push(feature);
        }
    };
    // One token per word for the pairs: the surest lemma's stem, or the word itself.
    let tokens: Vec<String> = words
        .iter()
        .map(|w| match &w.forms {
            Some(forms) => forms.terms.whole.first().cloned().unwrap_or_else(|| w.word.clone()),
            None => w.word.clone(),
        })
        .collect();
    for word in words {
        push(format!("w:{}", word.typed));
        if word.corrected {
            push(format!("w:{}", word.word));
        }
        if let Some(forms) = &word.forms {
            for stem in forms.terms.whole.iter().chain(&forms.terms.parts) {
                push(format!("l:{stem}"));
            }
        }
        if let Some(joined) = &word.joined {
            push(format!("l:{}", analyzer.stem(joined)));
        }
        let padded: Vec<char> = format!("#{}#", word.typed).chars().collect();
        if padded.len() >= 5 {
            for n in [3, 4] {
                for piece in padded.windows(n) {
                    push(format!("c:{}", piece.iter().collect::<String>()));
                }
            }
        }
    }
    for pair in tokens.windows(2) {
        push(format!("b:{}_{}", pair[0], pair[1]));
    }
    for triple in tokens.windows(3) {
        push(format!("s:{}_{}", triple[0], triple[2]));
    }
    // Per word: the word's token, then its concepts marked with @; pairs with at least one concept.
    let choices: Vec<Vec<String>> = tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            let marked = concepts.get(i).into_iter().flatten().map(|c| format!("@{c}"));
            std::iter::once(token.clone()).chain(marked).collect()
        })
        .collect();
    for concept in choices.iter().flat_map(|c| c.iter().skip(1)) {
        push(format!("k:{concept}"));
    }
    for (gap, prefix) in [(1, "B"), (2, "S")] {
        for (a, b) in choices.iter().zip(choices.iter().skip(gap)) {
            for (i, x) in a.iter().enumerate() {
                for y in b.iter().skip(usize::from(i == 0)) {
                    push(format!("{prefix}:{x}_{y}"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::site_lexicon::SiteLexicon;
    use crate::stem::Stemmer;
    use crate::vocabulary::Vocabulary;

    fn features(text: &str) -> Vec<String> {
        let vocabulary = Vocabulary::collect([vec!["dood leven slaan"]], []);
        let analyzer = Analyzer::new(Arc::new(vocabulary), Arc::new(SiteLexicon::default()), Stemmer::new());
        of(&analyzer.analyse(text, true), &analyzer, &[])
    }

    #[test]
    fn words_pairs_and_pieces() {
        let f = features("ik wil niet meer leven");
        for expected in ["w:ik", "w:niet", "b:ik_wil", "b:wil_niet", "c:#le", "c:ven#"] {
            assert!(f.iter().any(|x| x == expected), "{expected} missing in {f:?}");
        }
        assert!(f.iter().any(|x| x.starts_with("s:niet_")), "pairs of words one apart: {f:?}");
    }

    #[test]
    fn concepts_stand_for_their_words_in_pairs() {
        let vocabulary = Vocabulary::collect([vec!["vader slaan"]], []);
        let analyzer = Analyzer::new(Arc::new(vocabulary), Arc::new(SiteLexicon::default()), Stemmer::new());
        let words = analyzer.analyse("mijn oom slaat me", true);
        let f = of(&words, &analyzer, &[vec![], vec!["familie"], vec!["slaan"], vec![]]);
        for expected in ["k:@familie", "k:@slaan", "B:mijn_@familie", "B:@familie_@slaan", "S:@familie_me"] {
            assert!(f.iter().any(|x| x == expected), "{expected} missing in {f:?}");
        }
        assert!(!f.iter().any(|x| x.starts_with("B:") && !x.contains('@')), "pairs without a concept are b: features: {f:?}");
    }

    #[test]
    fn the_same_question_gives_the_same_features() {
        assert_eq!(features("mn vader slaat me"), features("mn vader slaat me"));
        assert_eq!(features("mn vader slaat me"), features("m'n vader slaat me"), "chat spelling written out");
    }
}
