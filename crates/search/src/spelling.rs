//! Typo tolerance: a question word the site does not know is read as the nearest
//! word the site does know ("zakgelt" → "zakgeld", "anticonseptie" → "anticonceptie").
//!
//! Only the site's own vocabulary is searched, with a distance that grows with the
//! word: short words are too easily another real word. Adjacent letters swapped count
//! as one mistake. The first letter must be right: people rarely mistype it, and
//! without that rule "overtijd" would become "vermijd". A word that sounds the same
//! ("doot" → "dood" and not "doet", "mijsje" → "meisje") goes before
//! one that is only as near in letters. The choice is deterministic: sound-alike first,
//! then nearest, then the word on the most pages, then alphabetical.

use crate::stopwords::{is_stopword, stopwords};
use crate::vocabulary::Vocabulary;

/// Words shorter than this are never corrected.
const MIN_CORRECTED: usize = 4;
/// From this length on, two mistakes are allowed instead of one.
const MIN_FOR_TWO_MISTAKES: usize = 10;

/// How many mistakes a word of `len` letters may have to still be recognised.
pub(crate) fn allowed_mistakes(len: usize) -> usize {
    match len {
        0..MIN_CORRECTED => 0,
        MIN_CORRECTED..MIN_FOR_TWO_MISTAKES => 1,
        _ => 2,
    }
}

/// The site's word nearest to `word`, or the stop word ("hoevel" is "hoeveel"), if one is
/// near enough. On a tie a stop word wins, since questions are full of them.
pub(crate) fn correct<'v>(word: &str, vocabulary: &'v Vocabulary) -> Option<&'v str> {
    if !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let max = allowed_mistakes(word.len());
    if max == 0 {
        return None;
    }
    let first = word.as_bytes()[0];
    let heard = sound(word);
    candidates(vocabulary)
        .filter(|candidate| candidate.as_bytes()[0] == first)
        .filter(|candidate| candidate.len() >= MIN_CORRECTED && candidate.len().abs_diff(word.len()) <= max + 1)
        .filter_map(|candidate| {
            // One mistake more for a word that sounds the same; the sound only of those near enough.
            let distance = distance(word.as_bytes(), candidate.as_bytes(), max + 1)?;
            let alike = sound(candidate) == heard;
            (alike || distance <= max).then_some((!alike, distance, candidate))
        })
        .min_by_key(|&(unlike, distance, candidate)| {
            (unlike, distance, !is_stopword(candidate), std::cmp::Reverse(vocabulary.pages_with(candidate)), candidate)
        })
        .map(|(_, _, candidate)| candidate)
}

/// How a word sounds, roughly: the spellings people mix up because they sound the same
/// are made one. A final d is said as t ("doot", "hont"), and "dt" too ("hij wort");
/// ij, ei and y are one sound, as are au and ou, c before a, o, u and k, ch and g.
fn sound(word: &str) -> String {
    let mut sound = word.replace("ij", "ei").replace('y', "ei").replace("au", "ou").replace("ch", "g");
    for hard in ["ca", "co", "cu"] {
        sound = sound.replace(hard, &hard.replacen('c', "k", 1));
    }
    if let Some(stem) = sound.strip_suffix("dt").or_else(|| sound.strip_suffix('d')) {
        sound = format!("{stem}t");
    }
    sound
}

/// The words a typo may be corrected into: the site's words and the stop words.
pub(crate) fn candidates(vocabulary: &Vocabulary) -> impl Iterator<Item = &str> + '_ {
    vocabulary.words().chain(stopwords().map(|w| -> &str { w }))
}

/// The number of typing mistakes (a letter inserted, dropped or replaced, or two
/// neighbours swapped) between `a` and `b`, if it is at most `max`.
pub(crate) fn distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the optimal-string-alignment table: two back, one back, current.
    let width = b.len() + 1;
    let mut before: Vec<usize> = vec![0; width];
    let mut previous: Vec<usize> = (0..width).collect();
    let mut current: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = current[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1).min(current[j - 1] + 1).min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_typing_mistakes() {
        assert_eq!(distance(b"zakgelt", b"zakgeld", 2), Some(1));
        assert_eq!(distance(b"huiswrek", b"huiswerk", 2), Some(1), "swapped neighbours are one mistake");
        assert_eq!(distance(b"anticonseptie", b"anticonceptie", 2), Some(1));
        assert_eq!(distance(b"geslagen", b"geslaagd", 2), None);
        assert_eq!(distance(b"", b"abc", 3), Some(3));
    }

    #[test]
    fn corrects_to_the_nearest_site_word() {
        let vocabulary = Vocabulary::collect([vec!["zakgeld anticonceptie koorts"], vec!["zakgeld kleedgeld"]], []);
        assert_eq!(correct("zakgelt", &vocabulary), Some("zakgeld"));
        assert_eq!(correct("anticonseptie", &vocabulary), Some("anticonceptie"));
        assert_eq!(correct("korts", &vocabulary), Some("koorts"));
        assert_eq!(correct("kat", &vocabulary), None, "too short to guess");
        assert_eq!(correct("fiets", &vocabulary), None);
        assert_eq!(correct("akgeld", &vocabulary), None, "the first letter must be right");
        assert_eq!(correct("hoevel", &vocabulary), Some("hoeveel"), "stop words are candidates too");
    }

    #[test]
    fn a_word_that_sounds_the_same_goes_first() {
        let vocabulary = Vocabulary::collect([vec!["dood meisje hond kado"]], []);
        assert_eq!(correct("doot", &vocabulary), Some("dood"), "not the stop word doet, as near in letters");
        assert_eq!(correct("mijsje", &vocabulary), Some("meisje"), "ij for ei is two letters but one sound");
        assert_eq!(correct("hont", &vocabulary), Some("hond"));
        assert_eq!(sound("wordt"), sound("wort"));
        assert_eq!(sound("kado"), sound("cado"));
    }
}
