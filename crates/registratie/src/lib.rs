//! Anonymous question counts for a CJG site: what is asked, never who asks.
//!
//! The widget and the desk staff report questions as [`Gebeurtenis`]sen; the [`Collector`]
//! checks each against the built site's [`Vocabulaire`], and a single writer commits them in
//! groups into a [`Store`] of daily aggregate counts. [`Plan`] turns the counts into what
//! editors need: the most asked themes and pages, the questions without an answer, the pages
//! that did not help.
//!
//! Nothing identifying is ever stored or logged: no address, no user agent, no referrer, no
//! time finer than the day, no words outside the site's vocabulary.

mod balie;
mod collector;
mod error;
mod gebeurtenis;
mod html;
mod plan;
mod schrijver;
mod store;
mod telling;
mod toegang;
mod vocabulaire;

pub use collector::{collect, Collector, Instellingen, BODY_LIMIT};
pub use error::Error;
pub use gebeurtenis::{Afwijzing, Bron, Doelgroep, Feedback, Gebeurtenis, Kanaal, Onderwerp, Vraag};
pub use plan::{Aantal, Plan, Trend};
pub use store::{registreer, Store};
pub use toegang::maak_token;
pub use vocabulaire::Vocabulaire;

/// A calendar day: the finest time the counts know.
pub type Dag = jiff::civil::Date;

/// Today in the machine's time zone (the CJG's own day, not UTC's).
pub fn vandaag() -> Dag {
    jiff::ZonedDateTime::now().date()
}
