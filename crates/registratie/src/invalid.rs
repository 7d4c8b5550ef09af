//! Why an event cannot be counted: the one reason type shared by the widget's JSON, the staff
//! form and `cjg registreer`. Each names the field and speaks Dutch and English, because the
//! collector sends it back to whoever posted the event.

/// The most terms one question may carry (the widget sends at most this many).
pub const MAX_TERMEN: usize = 12;
/// The most desk questions one registration may count at once.
pub const MAX_AANTAL: u32 = 1000;

/// An event the counts refuse, naming what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidEvent {
    /// The body is not JSON at all.
    #[error("het bericht is geen geldige JSON / the body is not valid JSON: {0}")]
    NotJson(String),
    /// JSON, but not an event: a wrong type, an unknown or missing field, an unknown value.
    #[error("het bericht heeft niet de afgesproken vorm / the event does not have the agreed shape: {0}")]
    Shape(String),
    /// A term outside the vocabulary: the browser should have dropped it.
    #[error("onbekende term \"{0}\": die staat niet in de woordenlijst van de site / unknown term \"{0}\": not in the site's vocabulary")]
    UnknownTerm(String),
    /// A term twice in one question.
    #[error("de term \"{0}\" staat er twee keer in / the term \"{0}\" appears twice")]
    DuplicateTerm(String),
    /// More than [`MAX_TERMEN`] terms.
    #[error("meer dan {MAX_TERMEN} termen ({0}) / more than {MAX_TERMEN} terms ({0})")]
    TooManyTerms(usize),
    /// A page URL the site does not have.
    #[error("onbekende pagina \"{0}\": die heeft de site niet / unknown page \"{0}\": not a page of the site")]
    UnknownPagina(String),
    /// A theme the site does not have.
    #[error("onbekend thema \"{0}\" / unknown theme \"{0}\"")]
    UnknownThema(String),
    /// A doelgroep other than ouders, jongeren, professionals, onbekend.
    #[error("onbekende doelgroep \"{0}\": kies {of} / unknown doelgroep \"{0}\": choose {or}", of = crate::doelgroep::choices("of"), or = crate::doelgroep::choices("or"))]
    UnknownDoelgroep(String),
    /// A channel other than the desk's four (or "online" where only the desk's are allowed).
    #[error("onbekend kanaal \"{0}\": kies loket, telefoon, chat of e-mail / unknown channel \"{0}\": choose loket, telefoon, chat or e-mail")]
    UnknownKanaal(String),
    /// A site id the collector does not serve.
    #[error("onbekende site \"{0}\" / unknown site \"{0}\"")]
    UnknownSite(String),
    /// A desk registration counting nothing, or implausibly much.
    #[error("het aantal moet tussen 1 en {MAX_AANTAL} liggen, niet {0} / the count must be between 1 and {MAX_AANTAL}, not {0}")]
    Aantal(u32),
}
