//! One way to write a message in two languages: a [`Bericht`] holds both, a [`Taal`] picks one.

/// The language of messages for editors and staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Taal {
    /// Dutch: the editors' language, the default.
    #[default]
    Nl,
    /// English.
    En,
}

impl Taal {
    /// English when `LANG` (or `LC_ALL`, `LC_MESSAGES`) starts with `en`, otherwise Dutch.
    pub fn from_env() -> Taal {
        let lang = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
            .unwrap_or_default();
        Taal::from_code(&lang).unwrap_or_default()
    }

    /// The language of a code such as `nl`, `en` or `en_GB.UTF-8`, if it is one of the two.
    pub fn from_code(code: &str) -> Option<Taal> {
        let code = code.trim().to_ascii_lowercase();
        if code.starts_with("en") {
            Some(Taal::En)
        } else if code.starts_with("nl") {
            Some(Taal::Nl)
        } else {
            None
        }
    }

    /// The text for this language.
    pub fn kies(self, nl: impl Into<String>, en: impl Into<String>) -> String {
        match self {
            Taal::Nl => nl.into(),
            Taal::En => en.into(),
        }
    }
}

/// A message in Dutch and in English; [`Bericht::in_taal`] picks one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bericht {
    /// Dutch.
    pub nl: String,
    /// English.
    pub en: String,
}

impl Bericht {
    /// The same message in both languages.
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Bericht {
        Bericht { nl: nl.into(), en: en.into() }
    }

    /// The message in `taal`.
    pub fn in_taal(&self, taal: Taal) -> &str {
        match taal {
            Taal::Nl => &self.nl,
            Taal::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_code_picks_the_language_and_dutch_is_the_default() {
        assert_eq!(Taal::from_code("en_GB.UTF-8"), Some(Taal::En));
        assert_eq!(Taal::from_code("nl_NL.UTF-8"), Some(Taal::Nl));
        assert_eq!(Taal::from_code("C.UTF-8"), None);
        assert_eq!(Taal::default(), Taal::Nl);
    }

    #[test]
    fn a_message_gives_the_text_of_the_language_asked_for() {
        let bericht = Bericht::new("Kapot", "Broken");
        assert_eq!((bericht.in_taal(Taal::Nl), bericht.in_taal(Taal::En)), ("Kapot", "Broken"));
        assert_eq!(Taal::En.kies("ja", "yes"), "yes");
    }
}
