//! The two forms of address, "u" and "je": what the address check counts and its findings name.

use std::fmt;

use cjg_common::Doelgroep;
use serde::Serialize;

/// A form of address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Aanspreekvorm {
    /// "u", "uw", "uzelf".
    U,
    /// "je", "jij", "jou", "jouw", "jullie", "jezelf".
    Je,
}

impl Aanspreekvorm {
    /// The form of this word, if it is one.
    pub(crate) fn of(word: &str) -> Option<Aanspreekvorm> {
        match word.to_lowercase().as_str() {
            "u" | "uw" | "uzelf" => Some(Aanspreekvorm::U),
            "je" | "jij" | "jou" | "jouw" | "jullie" | "jezelf" => Some(Aanspreekvorm::Je),
            _ => None,
        }
    }

    pub(crate) fn other(self) -> Aanspreekvorm {
        match self {
            Aanspreekvorm::U => Aanspreekvorm::Je,
            Aanspreekvorm::Je => Aanspreekvorm::U,
        }
    }

    /// The form that fits `doelgroep`, if only one does.
    pub(crate) fn for_doelgroep(doelgroep: &[Doelgroep]) -> Option<Aanspreekvorm> {
        match doelgroep {
            [Doelgroep::Ouders] => Some(Aanspreekvorm::U),
            [Doelgroep::Jongeren] => Some(Aanspreekvorm::Je),
            _ => None,
        }
    }
}

impl fmt::Display for Aanspreekvorm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Aanspreekvorm::U => "u",
            Aanspreekvorm::Je => "je",
        })
    }
}
