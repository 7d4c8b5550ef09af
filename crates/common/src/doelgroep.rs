//! For whom a page is written, and who asked: one type for the front matter, the index, the
//! counts and the command line, so that a value one part accepts, every part accepts.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::bericht::Bericht;

/// Who a page is written for, or who asked a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Doelgroep {
    /// Parents and carers.
    Ouders,
    /// Young people, 12 to 23.
    Jongeren,
    /// Professionals who work with families.
    Professionals,
}

impl Doelgroep {
    /// Every doelgroep, in the order menus and reports show them.
    pub const ALLE: [Doelgroep; 3] = [Doelgroep::Ouders, Doelgroep::Jongeren, Doelgroep::Professionals];

    /// The word as written in front matter, JSON and the database: `ouders`, `jongeren`, `professionals`.
    pub fn as_str(self) -> &'static str {
        match self {
            Doelgroep::Ouders => "ouders",
            Doelgroep::Jongeren => "jongeren",
            Doelgroep::Professionals => "professionals",
        }
    }

    /// The valid words, as a message lists them: `"ouders", "jongeren" or "professionals"`.
    pub fn choices(of: &str) -> String {
        let words: Vec<String> = Doelgroep::ALLE.iter().map(|d| format!("\"{}\"", d.as_str())).collect();
        let (last, rest) = words.split_last().expect("there are doelgroepen");
        format!("{} {of} {last}", rest.join(", "))
    }
}

impl fmt::Display for Doelgroep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A word that is not a doelgroep.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.bericht().en)]
pub struct UnknownDoelgroep {
    /// What was given.
    pub given: String,
}

impl UnknownDoelgroep {
    /// The message, naming the valid words.
    pub fn bericht(&self) -> Bericht {
        Bericht::new(
            format!("onbekende doelgroep \"{}\": kies {}", self.given, Doelgroep::choices("of")),
            format!("unknown doelgroep \"{}\": choose {}", self.given, Doelgroep::choices("or")),
        )
    }
}

impl FromStr for Doelgroep {
    type Err = UnknownDoelgroep;

    /// Exactly one of the words of [`Doelgroep::as_str`], in any case, with spaces around allowed.
    fn from_str(word: &str) -> Result<Doelgroep, UnknownDoelgroep> {
        let wanted = word.trim();
        Doelgroep::ALLE
            .into_iter()
            .find(|d| d.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownDoelgroep { given: word.to_owned() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_reads_back_as_its_doelgroep() {
        for doelgroep in Doelgroep::ALLE {
            assert_eq!(doelgroep.as_str().parse(), Ok(doelgroep));
            assert_eq!(doelgroep.to_string().to_uppercase().parse(), Ok(doelgroep));
        }
    }

    #[test]
    fn a_typo_is_refused_with_the_valid_words() {
        let error = "ouder".parse::<Doelgroep>().unwrap_err();
        assert_eq!(error.to_string(), r#"unknown doelgroep "ouder": choose "ouders", "jongeren" or "professionals""#);
        assert!(error.bericht().nl.contains(r#"kies "ouders", "jongeren" of "professionals""#));
    }
}
