//! What every cjg crate shares, so that each is defined once:
//! - [`Doelgroep`]: for whom a page is written, and who asked a question;
//! - [`Taal`] and [`Bericht`]: messages in Dutch (the editors' language, the default) and English;
//! - [`escape_html`]: the escape of every tera template, which leaves `/` alone.
//!
//! It depends on nothing of cjg, and every other crate may use it.

mod bericht;
mod doelgroep;
mod html;

pub use bericht::{Bericht, Taal};
pub use doelgroep::{Doelgroep, UnknownDoelgroep};
pub use html::escape_html;
