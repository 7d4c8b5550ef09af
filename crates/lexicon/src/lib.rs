//! Dutch words for cjg.
//!
//! [`fold`] is how every word is written before it is compared, by the lexicon and by the
//! search engine alike. [`PARTICLES`] are the particles of separable verbs. With the feature
//! `embedded`, [`Lexicon`] holds every word form of OpenTaal's Dutch dictionary with its
//! lemmas and compound positions, plus the irregular verbs of the Pattern library, compiled
//! into the binary from `target/lexicon/` by `build.rs` (see the README, "The Dutch lexicon").

mod fold;
#[cfg(test)]
mod hunspell;
#[cfg(test)]
mod lemmas;
mod particles;
#[cfg(test)]
mod verbs;

#[cfg(feature = "embedded")]
mod embedded;

#[cfg(feature = "embedded")]
pub use embedded::{Lexicon, Usage};
pub use fold::{fold, push_folded};
pub use particles::PARTICLES;
