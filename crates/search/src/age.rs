//! Ages in a question ("mijn zoon van 16", "een baby van 6 weken", "ik ben 13"): the stage of
//! life they point to, as the words pages use for it. A parent of a 16-year-old who "slaat
//! als hij boos is" asks about a teenager, not about a toddler's tantrums; the stage words
//! tip the balance ([`crate::RankingWeights::life_stage`]) without being needed.

use crate::analyzer::AnalysedWord;

/// Words for the first year.
const BABY: &[&str] = &["baby", "zuigeling"];
/// Words for one to four.
const PEUTER: &[&str] = &["peuter", "dreumes"];
/// Words for twelve to seventeen.
const PUBER: &[&str] = &["puber", "tiener", "puberteit"];
/// The stages with the name they are stored under, and the forms a page title may use.
const STAGES: [(&str, &[&str], &[&str]); 3] = [
    ("baby", BABY, &["baby", "babys", "zuigeling", "zuigelingen", "pasgeborene"]),
    ("peuter", PEUTER, &["peuter", "peuters", "dreumes", "dreumesen", "peutertje"]),
    ("puber", PUBER, &["puber", "pubers", "tiener", "tieners", "puberteit"]),
];

/// The name of a stage's words ("puber"), for comparing with a page's stage.
pub(crate) fn stage_name(words: &[&str]) -> Option<&'static str> {
    STAGES.iter().find(|(_, stage, _)| *stage == words).map(|(name, _, _)| *name)
}

/// The stage a page is about, from the words of its title and description ("Driftbuien horen
/// bij peuters" is about peuters), when it names exactly one.
#[cfg(any(test, feature = "index"))]
pub(crate) fn stage_of_page(title: &str, description: &str) -> Option<&'static str> {
    let words: Vec<String> = crate::text::words(&format!("{title} {description}")).into_iter().map(|w| w.text).collect();
    let named: Vec<&str> = STAGES
        .iter()
        .filter(|(_, _, forms)| words.iter().any(|w| forms.contains(&w.as_str())))
        .map(|(name, _, _)| *name)
        .collect();
    match named.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The stage words for the age a question names, if it names one.
pub(crate) fn stage_words(words: &[AnalysedWord]) -> Option<&'static [&'static str]> {
    let word = |i: usize| words.get(i).map_or("", |w| w.typed.as_str());
    for i in 0..words.len() {
        let Ok(number) = word(i).parse::<u32>() else { continue };
        let unit = word(i + 1);
        let names_age = matches!(word(i.wrapping_sub(1)), "van" | "ben" | "is" | "wordt" | "word") || unit == "jaar";
        let stage = match (unit, number) {
            ("weken" | "week" | "dagen", _) => Some(BABY),
            ("maanden" | "maand", 0..=11) => Some(BABY),
            ("maanden" | "maand", 12..=47) => Some(PEUTER),
            _ if !names_age => None,
            (_, 0) => Some(BABY),
            (_, 1..=3) => Some(PEUTER),
            (_, 12..=17) => Some(PUBER),
            _ => None,
        };
        if stage.is_some() {
            return stage;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analyzer::Analyzer;
    use crate::site_lexicon::SiteLexicon;
    use crate::stem::Stemmer;
    use crate::vocabulary::Vocabulary;

    fn stage(question: &str) -> Option<&'static [&'static str]> {
        let analyzer = Analyzer::new(Arc::new(Vocabulary::collect([], [])), Arc::new(SiteLexicon::default()), Stemmer::new());
        stage_words(&analyzer.analyse(question, true))
    }

    #[test]
    fn hears_the_age() {
        assert_eq!(stage("mijn zoon van 16 slaat mij"), Some(PUBER));
        assert_eq!(stage("onze baby van 6 weken huilt"), Some(BABY));
        assert_eq!(stage("dochter van 18 maanden"), Some(PEUTER));
        assert_eq!(stage("ik ben 13 en heb buikpijn"), Some(PUBER));
        assert_eq!(stage("mijn kind is 2 jaar"), Some(PEUTER));
    }

    #[test]
    fn pages_name_their_stage() {
        assert_eq!(stage_of_page("Driftbuien", "Driftbuien horen bij peuters."), Some("peuter"));
        assert_eq!(stage_of_page("Puberteit", "Wat er in je lichaam verandert."), Some("puber"));
        assert_eq!(stage_of_page("Zakgeld", "Geef een vast bedrag."), None);
        assert_eq!(stage_of_page("Van baby tot peuter", ""), None, "two stages: none");
    }

    #[test]
    fn other_numbers_are_no_age() {
        assert_eq!(stage("ik krijg 4 euro per uur"), None);
        assert_eq!(stage("mag ik 16 uur per week werken"), None);
        assert_eq!(stage("mijn zoon van 8"), None, "a school child: no stage word");
    }
}
