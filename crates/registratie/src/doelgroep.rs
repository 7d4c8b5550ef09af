//! Who asked a question: one of cjg-common's [`Doelgroep`]en, or `None` when the visitor or the
//! staff member did not choose. Events, the database and the plan's JSON write "not chosen" as
//! the word `onbekend`, as they always did, so older databases and exports read the same.

use cjg_common::Doelgroep;
use serde::{Deserialize, Deserializer, Serializer};

/// The word for "not chosen" in events, the database and the plan's JSON.
pub const ONBEKEND: &str = "onbekend";

/// Everyone who may ask, in the order the plan and the staff form show them: each doelgroep,
/// then "not chosen".
pub const ASKERS: [Option<Doelgroep>; 4] =
    [Some(Doelgroep::Ouders), Some(Doelgroep::Jongeren), Some(Doelgroep::Professionals), None];

/// The word of `asker` in events, the database and the plan: `ouders` … `onbekend`.
pub fn word(asker: Option<Doelgroep>) -> &'static str {
    asker.map_or(ONBEKEND, Doelgroep::as_str)
}

/// The asker of exactly one of the words of [`word`]; `None` when `text` is none of them.
pub fn parse(text: &str) -> Option<Option<Doelgroep>> {
    ASKERS.into_iter().find(|asker| word(*asker) == text)
}

/// The valid words as a message lists them: `ouders, jongeren, professionals of onbekend`,
/// with `of` the last word's conjunction.
pub fn choices(of: &str) -> String {
    let words: Vec<&str> = ASKERS.into_iter().map(word).collect();
    let (last, rest) = words.split_last().expect("there are askers");
    format!("{} {of} {last}", rest.join(", "))
}

/// Serde for an `Option<Doelgroep>` field written as its [`word`] (`onbekend` for `None`).
pub(crate) mod as_word {
    use super::*;

    /// Writes the word.
    pub fn serialize<S: Serializer>(asker: &Option<Doelgroep>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(word(*asker))
    }

    /// Reads exactly one of the words, naming the valid ones otherwise.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Doelgroep>, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse(&text).ok_or_else(|| serde::de::Error::custom(format!("unknown doelgroep {text:?}: choose {}", choices("or"))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asker_reads_back_from_its_word_and_not_chosen_is_onbekend() {
        for asker in ASKERS {
            assert_eq!(parse(word(asker)), Some(asker));
        }
        assert_eq!(word(None), "onbekend");
        assert_eq!(parse("professionals"), Some(Some(Doelgroep::Professionals)));
        assert_eq!(parse("Ouders"), None, "the words are exact, as the database holds them");
        assert_eq!(choices("of"), "ouders, jongeren, professionals of onbekend");
    }
}
