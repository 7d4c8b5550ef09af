//! Why an event cannot be counted: the one reason type shared by the widget's JSON, the staff
//! form and `cjg registreer`. Each names the field, in Dutch and English ([`InvalidEvent::bericht`]).
//! Its `Display` holds both, "Dutch / English", because the collector sends it back to whoever
//! posted the event, whose language it does not know.

use std::fmt;

use cjg_common::Bericht;

use crate::doelgroep;

/// The most terms one question may carry (the widget sends at most this many).
pub const MAX_TERMEN: usize = 12;
/// The most desk questions one registration may count at once.
pub const MAX_AANTAL: u32 = 1000;

/// An event the counts refuse, naming what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvalidEvent {
    /// The body is not JSON at all.
    NotJson(String),
    /// JSON, but not an event: a wrong type, an unknown or missing field, an unknown value.
    Shape(String),
    /// A term outside the vocabulary: the browser should have dropped it.
    UnknownTerm(String),
    /// A term twice in one question.
    DuplicateTerm(String),
    /// More than [`MAX_TERMEN`] terms.
    TooManyTerms(usize),
    /// A page URL the site does not have.
    UnknownPagina(String),
    /// A theme the site does not have.
    UnknownThema(String),
    /// A doelgroep other than ouders, jongeren, professionals, onbekend.
    UnknownDoelgroep(String),
    /// A channel other than the desk's four (or "online" where only the desk's are allowed).
    UnknownKanaal(String),
    /// A site id the collector does not serve.
    UnknownSite(String),
    /// A desk registration counting nothing, or implausibly much.
    Aantal(u32),
}

impl InvalidEvent {
    /// What was wrong, in Dutch and English.
    pub fn bericht(&self) -> Bericht {
        let (nl, en) = match self {
            InvalidEvent::NotJson(e) => {
                (format!("het bericht is geen geldige JSON: {e}"), format!("the body is not valid JSON: {e}"))
            }
            InvalidEvent::Shape(e) => (
                format!("het bericht heeft niet de afgesproken vorm: {e}"),
                format!("the event does not have the agreed shape: {e}"),
            ),
            InvalidEvent::UnknownTerm(term) => (
                format!("onbekende term \"{term}\": die staat niet in de woordenlijst van de site"),
                format!("unknown term \"{term}\": not in the site's vocabulary"),
            ),
            InvalidEvent::DuplicateTerm(term) => {
                (format!("de term \"{term}\" staat er twee keer in"), format!("the term \"{term}\" appears twice"))
            }
            InvalidEvent::TooManyTerms(n) => {
                (format!("meer dan {MAX_TERMEN} termen ({n})"), format!("more than {MAX_TERMEN} terms ({n})"))
            }
            InvalidEvent::UnknownPagina(pagina) => (
                format!("onbekende pagina \"{pagina}\": die heeft de site niet"),
                format!("unknown page \"{pagina}\": not a page of the site"),
            ),
            InvalidEvent::UnknownThema(thema) => (format!("onbekend thema \"{thema}\""), format!("unknown theme \"{thema}\"")),
            InvalidEvent::UnknownDoelgroep(word) => (
                format!("onbekende doelgroep \"{word}\": kies {}", doelgroep::choices("of")),
                format!("unknown doelgroep \"{word}\": choose {}", doelgroep::choices("or")),
            ),
            InvalidEvent::UnknownKanaal(kanaal) => (
                format!("onbekend kanaal \"{kanaal}\": kies loket, telefoon, chat of e-mail"),
                format!("unknown channel \"{kanaal}\": choose loket, telefoon, chat or e-mail"),
            ),
            InvalidEvent::UnknownSite(site) => (format!("onbekende site \"{site}\""), format!("unknown site \"{site}\"")),
            InvalidEvent::Aantal(n) => (
                format!("het aantal moet tussen 1 en {MAX_AANTAL} liggen, niet {n}"),
                format!("the count must be between 1 and {MAX_AANTAL}, not {n}"),
            ),
        };
        Bericht::new(nl, en)
    }
}

impl fmt::Display for InvalidEvent {
    /// Both languages, "Dutch / English": what the collector answers a post with.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&both_languages(&self.bericht()))
    }
}

/// "Dutch / English", for an answer to someone whose language the collector does not know.
pub(crate) fn both_languages(bericht: &Bericht) -> String {
    format!("{} / {}", bericht.nl, bericht.en)
}

impl std::error::Error for InvalidEvent {}
