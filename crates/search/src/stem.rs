//! The Snowball Dutch stemmer, for index terms: one term for "slapen" and "slaap", and for
//! "scheiding" and "scheiden".

/// The Snowball Dutch stemmer.
#[derive(Clone, Copy)]
pub(crate) struct Stemmer(frostem::Stemmer);

impl Stemmer {
    /// The Dutch stemmer.
    pub(crate) fn new() -> Stemmer {
        Stemmer(frostem::Stemmer::new(frostem::Algorithm::Dutch))
    }

    /// The stem of a normalised word.
    pub(crate) fn stem(&self, word: &str) -> String {
        self.0.stem(word).into_owned()
    }
}
