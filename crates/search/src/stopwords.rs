//! Dutch words that carry no subject: never index terms, never counted, never corrected.

/// Dutch words that carry no subject: Snowball's list plus question words, modal and
/// light verbs, fillers that every question has ("normaal", "per", "vraag", "steeds") and the
/// written-out chat words. Sorted, for binary search.
const STOPWORDS: &[&str] = &[
    "aan", "al", "alles", "als", "alsjeblieft", "alstublieft", "altijd", "andere", "beetje", "ben", "bent", "bij",
    "daar", "dan", "dat", "de", "der", "deze", "die", "ding", "dingen", "dit", "doch", "doe", "doen", "doet",
    "door", "dus", "echt", "een", "eens", "eigenlijk", "elk", "elke", "en", "enzo", "er", "erg", "even", "ga",
    "gaan", "gaat", "ge", "geen", "geweest", "gewoon", "graag", "haar", "had", "hallo", "heb", "hebben", "hebt",
    "heeft", "heel", "hele", "hem", "het", "hier", "hij", "hoe", "hoeveel", "hoi", "hun", "ieder", "iedere",
    "iemand", "iets", "ik", "in", "inderdaad", "is", "ja", "je", "jij", "jou", "jouw", "jullie", "kan", "kon",
    "kreeg", "kregen", "krijg", "krijgen", "krijgt", "kun", "kunnen", "kunt", "maar", "mag", "me", "men", "met",
    "mezelf", "mij", "mijn", "misschien", "moet", "moeten", "mogen", "na", "naar", "nee", "niet", "niets", "nog",
    "normaal", "nou", "nu", "of", "ofzo", "ok", "oke", "om", "omdat", "ons", "onze", "ook", "op", "over", "per",
    "precies", "reeds", "soms", "sowieso", "steeds", "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "vaak",
    "van", "veel", "voor", "vraag", "vraagje", "waar", "waarom", "wanneer", "want", "waren", "was", "wat", "we",
    "weer", "wel", "welk", "welke", "werd", "wezen", "wie", "wij", "wil", "willen", "wilt", "word", "worden",
    "wordt", "ze", "zeker", "zelf", "zich", "zij", "zijn", "zo", "zonder", "zou", "zullen",
];

/// Every stop word, for spelling correction: "hoevel" is "hoeveel", not a site word.
pub(crate) fn stopwords() -> impl Iterator<Item = &'static str> {
    STOPWORDS.iter().copied()
}

/// Whether a normalised word is a stop word.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
