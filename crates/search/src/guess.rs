//! Base forms guessed by rule, for words the lexicon does not know (new words, slang, names
//! of things): a diminutive traced to its base ("appje" → "app") and a present-tense verb
//! to the form the site writes ("vaapt" → "vapen"). A guess counts only when `known` says
//! the site uses the base, so names and typos are left alone.

use std::borrow::Cow;

/// The shortest base a guess may give.
const MIN_BASE: usize = 3;

/// The base word of a diminutive that `known` accepts ("bijbaantje" → "bijbaan",
/// "balletjes" → "bal", "autootje" → "auto"), or `None`.
pub(crate) fn diminutive_base(word: &str, known: impl Fn(&str) -> bool) -> Option<String> {
    if !word.ends_with("je") && !word.ends_with("jes") || !word.is_ascii() {
        return None;
    }
    let singular = word.strip_suffix('s').filter(|w| w.ends_with("je")).unwrap_or(word);
    let stem = &singular[..singular.len() - 2];
    let candidates = [
        // balletje → bal: the consonant before -etje is doubled
        stem.strip_suffix("et").and_then(undouble_consonant).map(Cow::Owned),
        // autootje → auto: the vowel before -tje is doubled
        stem.strip_suffix('t').and_then(undouble_vowel).map(Cow::Owned),
        // bijbaantje → bijbaan, boompje → boom, koninkje → koning
        stem.strip_suffix('t').map(Cow::Borrowed),
        stem.strip_suffix('p').map(Cow::Borrowed),
        stem.strip_suffix("nk").map(|s| Cow::Owned(format!("{s}ng"))),
        // kaartje → kaart, huisje → huis
        Some(Cow::Borrowed(stem)),
    ];
    candidates.into_iter().flatten().find(|base| base.len() >= MIN_BASE && known(base)).map(Cow::into_owned)
}

/// The form `known` accepts of a verb in the present tense ("woont" → "woon" as in
/// "wonen", "slaat" → "slaan", "plast" → "plas"), or `None`. `same_stem` tells whether a
/// candidate already has the word's own stem, which makes the guess pointless.
pub(crate) fn verb_base(word: &str, known: impl Fn(&str) -> bool, same_stem: impl Fn(&str) -> bool) -> Option<String> {
    let stem = word.strip_suffix('t').filter(|s| s.len() >= MIN_BASE && word.is_ascii())?;
    [stem.to_string(), format!("{stem}n")]
        .into_iter()
        .filter(|base| !crate::stopwords::is_stopword(base) && !same_stem(base))
        .find(|base| known(base))
}

/// "ball" → "bal": the stem without its doubled last consonant.
fn undouble_consonant(stem: &str) -> Option<String> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 2 && bytes[n - 1] == bytes[n - 2] && !is_vowel(bytes[n - 1])).then(|| stem[..n - 1].to_string())
}

/// "autoo" → "auto": the stem without its doubled last vowel.
fn undouble_vowel(stem: &str) -> Option<String> {
    let bytes = stem.as_bytes();
    let n = bytes.len();
    (n >= 2 && bytes[n - 1] == bytes[n - 2] && is_vowel(bytes[n - 1])).then(|| stem[..n - 1].to_string())
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traces_diminutives_to_a_known_base() {
        let known = |w: &str| ["bijbaan", "bal", "auto", "kaart", "huis"].contains(&w);
        for (diminutive, base) in [
            ("bijbaantje", "bijbaan"),
            ("bijbaantjes", "bijbaan"),
            ("balletje", "bal"),
            ("autootje", "auto"),
            ("kaartje", "kaart"),
            ("huisje", "huis"),
        ] {
            assert_eq!(diminutive_base(diminutive, known).as_deref(), Some(base), "{diminutive}");
        }
        assert_eq!(diminutive_base("meisje", known), None, "no known base: no guess");
    }

    #[test]
    fn traces_present_tense_verbs_to_a_known_form() {
        let known = |w: &str| ["wonen", "slaan", "plas", "kast"].contains(&w);
        let never = |_: &str| false;
        assert_eq!(verb_base("slaat", known, never).as_deref(), Some("slaan"));
        assert_eq!(verb_base("plast", known, never).as_deref(), Some("plas"));
        assert_eq!(verb_base("zit", known, never), None, "too short to guess");
    }
}
