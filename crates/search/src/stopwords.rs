//! Dutch words that carry no subject: never index terms, never counted, never corrected.

/// Dutch words that carry no subject: Snowball's list plus question words, modal and
/// light verbs and fillers that every question has. Sorted, for binary search.
const STOPWORDS: &[&str] = &[
    "aan", "al", "alles", "als", "altijd", "andere", "beetje", "ben", "bent", "bij", "daar", "dan", "dat", "de",
    "der", "deze", "die", "dit", "doch", "doe", "doen", "doet", "door", "dus", "echt", "een", "eens", "eigenlijk",
    "en", "er", "erg", "even", "ga", "gaan", "gaat", "ge", "geen", "geweest", "gewoon", "graag", "haar", "had",
    "heb", "hebben", "hebt", "heeft", "heel", "hele", "hem", "het", "hier", "hij", "hoe", "hoeveel", "hun",
    "iemand", "iets", "ik", "in", "is", "ja", "je", "jij", "jou", "jouw", "jullie", "kan", "kon", "kreeg", "kregen",
    "krijg", "krijgen", "krijgt", "kun", "kunnen", "kunt", "maar", "mag", "me", "men", "met", "mezelf", "mij",
    "mijn", "moet", "moeten", "mogen", "na", "naar", "nee", "niet", "niets", "nog", "nu", "of", "om", "omdat",
    "ons", "onze", "ook", "op", "over", "reeds", "te", "tegen", "toch", "toen", "tot", "u", "uit", "uw", "van",
    "veel", "voor", "waar", "waarom", "wanneer", "want", "waren", "was", "wat", "we", "wel", "welk", "welke",
    "werd", "wezen", "wie", "wij", "wil", "willen", "wilt", "word", "worden", "wordt", "ze", "zelf", "zich", "zij",
    "zijn", "zo", "zonder", "zou", "zullen",
];

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
