//! Who is asking, from how a question is put: a parent ("mijn dochter van 4…"), a young
//! person ("ik ben 15 en mijn ouders…") or a professional ("als leerkracht…", "een leerling
//! van mij…"). When the visitor has not chosen a doelgroep, pages for the asker's doelgroep
//! are preferred ([`crate::RankingWeights::other_doelgroep`]); nothing is filtered out.

use cjg_common::Doelgroep;

use crate::analyzer::AnalysedWord;

/// Words for a child of the asker, after "mijn", "onze" or "ons".
const CHILDREN: &[&str] = &[
    "baby",
    "dochter",
    "dochtertje",
    "dochters",
    "dreumes",
    "jongen",
    "jongens",
    "jongste",
    "kind",
    "kinderen",
    "kindje",
    "kleine",
    "kleintje",
    "kleuter",
    "meid",
    "meisje",
    "oudste",
    "peuter",
    "puber",
    "pubers",
    "tiener",
    "tweeling",
    "zoon",
    "zoontje",
    "zoons",
    "zonen",
];
/// Words for an adult's partner, after "mijn": on this site, a parent speaking.
const PARTNERS: &[&str] = &["man", "vrouw", "partner", "echtgenoot", "echtgenote"];
/// Words a parent uses of themselves, after "als" or "ik ben (een)".
const AS_PARENT: &[&str] = &["moeder", "vader", "ouder", "mama", "papa", "stiefmoeder", "stiefvader", "pleegouder", "oma", "opa"];
/// Words for the asker's own parents, after "mijn".
const PARENTS: &[&str] = &["ma", "mam", "mama", "moeder", "ouders", "pa", "papa", "pap", "stiefmoeder", "stiefvader", "vader"];
/// Professions around children, after "als" or "ik ben (een)".
const PROFESSIONS: &[&str] = &[
    "begeleider",
    "coach",
    "docent",
    "gastouder",
    "huisarts",
    "jeugdarts",
    "jeugdverpleegkundige",
    "juf",
    "leerkracht",
    "leidster",
    "leraar",
    "lerares",
    "medewerker",
    "mentor",
    "meester",
    "pedagogisch",
    "sportcoach",
    "trainer",
    "verpleegkundige",
    "zorgcoordinator",
];
/// Words only professionals use of the children they work with.
const PUPILS: &[&str] = &["klas", "klassen", "leerling", "leerlingen", "pupil", "pupillen", "spelers"];
/// Ages at which the asker is most likely a young person ("ik ben 15").
const YOUNG_AGES: std::ops::RangeInclusive<u32> = 10..=23;

/// The doelgroep the question's wording points to, when it points to exactly one.
pub(crate) fn doelgroep(words: &[AnalysedWord]) -> Option<Doelgroep> {
    let word = |i: usize| words.get(i).map_or("", |w| w.word.as_str());
    let (mut parent, mut young, mut professional) = (false, false, false);
    for i in 0..words.len() {
        let possessive = matches!(word(i), "mijn" | "onze" | "ons" | "me");
        // "mijn dochter", "onze jongste zoon": the next or the one after.
        if possessive && (CHILDREN.contains(&word(i + 1)) || CHILDREN.contains(&word(i + 2))) {
            parent = true;
        }
        if word(i) == "mijn" && PARENTS.contains(&word(i + 1)) {
            young = true;
        }
        if word(i) == "mijn" && PARTNERS.contains(&word(i + 1)) {
            parent = true;
        }
        if word(i) == "ik" && word(i + 1) == "ben" && word(i + 2).parse::<u32>().is_ok_and(|age| YOUNG_AGES.contains(&age)) {
            young = true;
        }
        let introduces = word(i) == "als" || word(i) == "ik" && word(i + 1) == "ben";
        let as_parent = |j: usize| AS_PARENT.contains(&word(j));
        if introduces && (as_parent(i + 1) || as_parent(i + 2) || as_parent(i + 3)) {
            parent = true;
        }
        let profession = |j: usize| PROFESSIONS.contains(&word(j));
        if introduces && (profession(i + 1) || profession(i + 2) || profession(i + 3)) {
            professional = true;
        }
        if PUPILS.contains(&word(i)) {
            professional = true;
        }
    }
    match (parent, young, professional) {
        (true, false, false) => Some(Doelgroep::Ouders),
        (false, true, false) => Some(Doelgroep::Jongeren),
        (false, false, true) | (true, false, true) => Some(Doelgroep::Professionals),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::analyzer::Analyzer;
    use crate::site_lexicon::SiteLexicon;
    use crate::stem::Stemmer;
    use crate::vocabulary::Vocabulary;

    fn voice(question: &str) -> Option<Doelgroep> {
        let analyzer = Analyzer::new(Arc::new(Vocabulary::collect([], [])), Arc::new(SiteLexicon::default()), Stemmer::new());
        doelgroep(&analyzer.analyse(question, true))
    }

    #[test]
    fn hears_who_is_asking() {
        assert_eq!(voice("mn dochter van 4 wil niet eten"), Some(Doelgroep::Ouders));
        assert_eq!(voice("onze jongste zoon plast in bed"), Some(Doelgroep::Ouders));
        assert_eq!(voice("ik ben alleenstaande moeder en heb weinig geld"), Some(Doelgroep::Ouders));
        assert_eq!(voice("sinds mijn man weg is doe ik alles alleen"), Some(Doelgroep::Ouders));
        assert_eq!(voice("ik ben 15 en wil een bijbaan"), Some(Doelgroep::Jongeren));
        assert_eq!(voice("mijn ouders gaan scheiden"), Some(Doelgroep::Jongeren));
        assert_eq!(voice("als leerkracht zie ik blauwe plekken bij mijn leerling"), Some(Doelgroep::Professionals));
        assert_eq!(voice("ik ben gastouder en het kind van een moeder huilt veel"), Some(Doelgroep::Professionals));
    }

    #[test]
    fn stays_silent_when_unsure() {
        assert_eq!(voice("hoeveel zakgeld is normaal"), None);
        assert_eq!(voice("mijn moeder zegt dat mijn zoon te veel gamet"), None, "a parent speaking of a grandparent");
        assert_eq!(voice("ik ben 45 en heb schulden"), None);
    }
}
