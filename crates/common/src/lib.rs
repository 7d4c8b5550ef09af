//! What every cjg crate shares, so that each is defined once:
//! - [`Doelgroep`]: for whom a page is written, and who asked a question;
//! - [`Taal`] and [`Bericht`]: messages in Dutch (the editors' language, the default) and English;
//! - [`escape_html`]: the escape of every tera template, which leaves `/` alone;
//! - with the feature `datum`: [`Dag`], one [`today`] (in Europe/Amsterdam) and [`dutch_date`].
//!
//! It depends on nothing of cjg, and every other crate may use it.

mod bericht;
#[cfg(feature = "datum")]
mod datum;
mod doelgroep;
mod html;

pub use bericht::{Bericht, Taal};
#[cfg(feature = "datum")]
pub use datum::{days_between, dutch_date, today, Dag};
pub use doelgroep::{Doelgroep, UnknownDoelgroep};
pub use html::escape_html;
