//! What every cjg crate shares, so that each is defined once:
//! - [`Doelgroep`]: for whom a page is written, and who asked a question;
//! - [`Taal`] and [`Bericht`]: messages in Dutch (the editors' language, the default) and English.
//!
//! It depends on nothing of cjg, and every other crate may use it.

mod bericht;
mod doelgroep;

pub use bericht::{Bericht, Taal};
pub use doelgroep::{Doelgroep, UnknownDoelgroep};
